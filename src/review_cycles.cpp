#include "plansight/review_cycles.hpp"

#include <algorithm>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <cctype>
#include <charconv>

#include "plansight/dates.hpp"
#include "plansight/errors.hpp"
#include "plansight/status.hpp"

namespace plansight {
namespace {

using boost::gregorian::days;
using boost::gregorian::months;

// Boost.Date_Time's gregorian calendar ends with 9999.
constexpr int last_year = 9999;

Date first_of_month(int year, int month) {
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month), 1);
}

Date last_of_month(int year, int month) {
  const auto y = static_cast<unsigned short>(year);
  const auto m = static_cast<unsigned short>(month);
  return Date(y, m, boost::gregorian::gregorian_calendar::end_of_month_day(y, m));
}

void require_date(Date d, const char* field) {
  if (d.is_special()) throw ValidationError(field, "must be a valid date");
}

// ---- quarters -------------------------------------------------------------------------

Quarter make_quarter(int year, int number) {
  const Date first = first_of_month(year, (number - 1) * 3 + 1);
  return Quarter{year, number, first, last_of_month(year, number * 3)};
}

// Financial quarter 1 is calendar quarter 2 of its start year; 4 is quarter 1 of the next.
FinancialQuarter make_financial_quarter(int start_year, int number) {
  const Quarter q = number == 4 ? make_quarter(start_year + 1, 1) : make_quarter(start_year, number + 1);
  return FinancialQuarter{start_year, number, q.first, q.last};
}

// The last two digits of a year: 2025 -> "25", 2100 -> "00".
std::string two_digits(int year) {
  const int n = year % 100;
  return {static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// Exactly `digits` decimal digits, or nothing.
std::optional<int> number_of(std::string_view text, std::size_t digits) {
  if (text.size() != digits) return std::nullopt;
  if (!std::all_of(text.begin(), text.end(),
                   [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return std::nullopt;
  int value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// "Q3" -> 3; nothing unless Q1 to Q4.
std::optional<int> quarter_number(std::string_view text) {
  if (text.size() != 2 || (text[0] != 'Q' && text[0] != 'q')) return std::nullopt;
  const auto n = number_of(text.substr(1), 1);
  return n && *n >= 1 && *n <= 4 ? n : std::nullopt;
}

// The two words of "2024 Q3" or "Q3 2024" as (year part, quarter part).
std::optional<std::pair<std::string_view, std::string_view>> split_quarter(std::string_view text) {
  text = trimmed(text);
  const auto space = text.find_first_of(" \t");
  if (space == std::string_view::npos) return std::nullopt;
  const auto left = text.substr(0, space);
  const auto right = trimmed(text.substr(space));
  if (right.find_first_of(" \t") != std::string_view::npos) return std::nullopt;
  if (!left.empty() && (left[0] == 'Q' || left[0] == 'q')) return std::pair{right, left};
  return std::pair{left, right};
}

ValidationError not_a_quarter(std::string_view text, const std::string& expected) {
  return ValidationError("quarter",
                         "'" + std::string(text) + "' is not a quarter (expected " + expected + ")");
}

// A year whose dates Boost.Date_Time can hold.
bool in_calendar(int year) { return year >= 1400 && year <= last_year; }

// ---- the dates of a cycle -------------------------------------------------------------
//
// Quarterly and every_n_months cycles are progressions: the k-th review date
// is anchor + months(k * step). Each date is computed from the anchor, never
// from the previous one, so that a month end stays a month end (Boost snaps a
// month end to the month end) and a 30th does not drift to the 28th after
// February. A quarterly cycle's anchor is the first quarter end on or after
// its start, itself a month end, so every date is a quarter end.

// Months since year 0; d.year() and d.month() would each convert the day number.
long month_index(Date d) {
  const auto ymd = d.year_month_day();
  return static_cast<long>(ymd.year) * 12 + ymd.month - 1;
}

struct Progression {
  Date anchor;
  long step = 1;  // months
  long anchor_month = month_index(anchor);
};

// The last day of the quarter holding d.
Date quarter_end(Date d) {
  const auto ymd = d.year_month_day();
  return last_of_month(ymd.year, (ymd.month - 1) / 3 * 3 + 3);
}

Progression progression_of(const ReviewCycle& cycle) {
  if (cycle.kind == CycleKind::every_n_months) return {cycle.start, cycle.months};
  return {quarter_end(cycle.start), 3};
}

// The k-th date, or nothing beyond the calendar's last year.
std::optional<Date> nth(const Progression& p, long k) {
  if ((p.anchor_month + k * p.step) / 12 > last_year) return std::nullopt;
  return p.anchor + months(static_cast<int>(k * p.step));
}

// The index of the last date in the month of d or before it: dates k and
// k + 1 of the progression fall in different months, so the first date after
// d (or on or after it) is date k or date k + 1.
long index_near(const Progression& p, Date d) { return (month_index(d) - p.anchor_month) / p.step; }

std::optional<Date> first_after(const Progression& p, Date d) {
  if (d < p.anchor) return p.anchor;
  const long k = index_near(p, d);
  const auto date = nth(p, k);
  return date && *date > d ? date : nth(p, k + 1);
}

std::optional<Date> first_on_or_after(const Progression& p, Date d) {
  if (d <= p.anchor) return p.anchor;
  const long k = index_near(p, d);
  const auto date = nth(p, k);
  return date && *date >= d ? date : nth(p, k + 1);
}

std::optional<Date> last_before(const Progression& p, Date d) {
  if (d <= p.anchor) return std::nullopt;
  const long k = index_near(p, d);
  const Date date = *nth(p, k);  // in d's month or before: within the calendar
  return date < d ? date : *nth(p, k - 1);
}

bool is_progression(const ReviewCycle& cycle) { return cycle.kind != CycleKind::explicit_dates; }

// The checks of check_cycle that cost nothing: every date function makes
// them, so that a cycle without a start or months is refused rather than
// computed with. Whether explicit dates ascend is left to check_cycle, run
// once when a cycle is validated, so that finding a date stays a binary search.
void check_arithmetic(const ReviewCycle& cycle) {
  if (is_progression(cycle)) check_cycle(cycle);  // constant time for these kinds
}

}  // namespace

// ---- quarters -------------------------------------------------------------------------

Quarter calendar_quarter(Date d) {
  require_date(d, "date");
  const auto ymd = d.year_month_day();
  return make_quarter(ymd.year, (ymd.month - 1) / 3 + 1);
}

FinancialQuarter financial_quarter(Date d) {
  require_date(d, "date");
  const auto ymd = d.year_month_day();
  if (ymd.month >= 4) return make_financial_quarter(ymd.year, (ymd.month - 4) / 3 + 1);
  return make_financial_quarter(ymd.year - 1, 4);
}

std::string label(const Quarter& q) { return std::to_string(q.year) + " Q" + std::to_string(q.number); }

std::string label(const FinancialQuarter& q) {
  return std::to_string(q.start_year) + "/" + two_digits(q.start_year + 1) + " Q" + std::to_string(q.number);
}

Quarter parse_quarter(std::string_view text) {
  const std::string expected = "a year and Q1 to Q4, as in '2024 Q3' or 'Q3 2024'";
  const auto words = split_quarter(text);
  if (!words) throw not_a_quarter(text, expected);
  const auto year = number_of(words->first, 4);
  const auto number = quarter_number(words->second);
  if (!year || !number || !in_calendar(*year)) throw not_a_quarter(text, expected);
  return make_quarter(*year, *number);
}

FinancialQuarter parse_financial_quarter(std::string_view text) {
  const std::string expected = "a financial year and Q1 to Q4, as in '2024/25 Q2' or 'Q2 2024/25'";
  const auto words = split_quarter(text);
  if (!words) throw not_a_quarter(text, expected);
  const auto years = words->first;
  const auto slash = years.find('/');
  if (slash == std::string_view::npos) throw not_a_quarter(text, expected);
  const auto start = number_of(years.substr(0, slash), 4);
  const auto end = number_of(years.substr(slash + 1), 2);
  const auto number = quarter_number(words->second);
  if (!start || !end || !number) throw not_a_quarter(text, expected);
  if (*end != (*start + 1) % 100)
    throw ValidationError("quarter", "'" + std::string(text) +
                                         "': a financial year runs into the next year, so " +
                                         std::to_string(*start) + " is followed by " +
                                         two_digits(*start + 1) + ", not " + two_digits(*end));
  // Its months must fall in years Boost.Date_Time can hold (Q4 is in the next year).
  if (!in_calendar(*number == 4 ? *start + 1 : *start)) throw not_a_quarter(text, expected);
  return make_financial_quarter(*start, *number);
}

// ---- cycles ---------------------------------------------------------------------------

std::optional<Date> next_review(const ReviewCycle& cycle, Date after) {
  require_date(after, "after");
  check_arithmetic(cycle);
  if (is_progression(cycle)) return first_after(progression_of(cycle), after);
  const auto it = std::upper_bound(cycle.dates.begin(), cycle.dates.end(), after);
  return it == cycle.dates.end() ? std::nullopt : std::optional<Date>(*it);
}

std::optional<Date> previous_review(const ReviewCycle& cycle, Date before) {
  require_date(before, "before");
  check_arithmetic(cycle);
  if (is_progression(cycle)) return last_before(progression_of(cycle), before);
  const auto it = std::lower_bound(cycle.dates.begin(), cycle.dates.end(), before);
  return it == cycle.dates.begin() ? std::nullopt : std::optional<Date>(*std::prev(it));
}

std::vector<Date> review_dates(const ReviewCycle& cycle, Date from, Date to) {
  require_date(from, "from");
  require_date(to, "to");
  check_arithmetic(cycle);
  if (to < from) throw ValidationError("to", to_iso(to) + " is before from (" + to_iso(from) + ")");
  if (!is_progression(cycle)) {
    const auto first = std::lower_bound(cycle.dates.begin(), cycle.dates.end(), from);
    return {first, std::upper_bound(first, cycle.dates.end(), to)};
  }
  const auto p = progression_of(cycle);
  std::vector<Date> dates;
  const auto first = first_on_or_after(p, from);
  if (!first || *first > to) return dates;
  // Counted from the anchor, as every date of the progression is.
  for (long k = index_near(p, *first);; ++k) {
    const auto date = nth(p, k);
    if (!date || *date > to) break;
    dates.push_back(*date);
  }
  return dates;
}

bool is_review_date(const ReviewCycle& cycle, Date d) {
  require_date(d, "date");
  check_arithmetic(cycle);
  if (!is_progression(cycle)) return std::binary_search(cycle.dates.begin(), cycle.dates.end(), d);
  const auto date = first_on_or_after(progression_of(cycle), d);
  return date && *date == d;
}

// ---- which cycle governs --------------------------------------------------------------

namespace {
const ReviewCycle* audit_cycle(const Plan& plan, const Action& action);
}  // namespace

const ReviewCycle* plan_cycle(const Plan& plan, PartnershipId partnership) {
  return plan.find_review_cycle(partnership);
}

const ReviewCycle* cycle_for(const Plan& plan, const Action& action) {
  if (const auto* c = audit_cycle(plan, action)) return c;
  return plan_cycle(plan, action.partnership);
}

const ReviewCycle* cycle_for(const Plan& plan, const ReviewableItem& item) {
  return plan.find_review_cycle(item.partnership, std::nullopt, item.id);
}

// ---- actions --------------------------------------------------------------------------

std::optional<Date> last_update_on(const Action& action, Date as_of) {
  const auto it = std::upper_bound(action.updates.begin(), action.updates.end(), as_of,
                                   [](Date d, const Update& u) { return d < u.on; });
  return it == action.updates.begin() ? std::nullopt : std::optional<Date>(std::prev(it)->on);
}

namespace {
// Whether an update is dated in (after, until].
bool updated_in(const Action& action, Date after, Date until) {
  const auto last = last_update_on(action, until);
  return last && *last > after;
}
}  // namespace

namespace {

const ReviewCycle* audit_cycle(const Plan& plan, const Action& action) {
  return plan.find_review_cycle(action.partnership, action.audit);
}

// The first review date a cycle has.
Date first_review(const ReviewCycle& cycle) {
  if (!is_progression(cycle)) return cycle.dates.front();
  return *next_review(cycle, cycle.start - days(1));
}

// The review dates in [from, to] that govern an action: its audit's cycle
// from that cycle's first review on, its partnership's whole-plan cycle
// before then, so a cycle attached later never rewrites earlier reviews.
std::vector<Date> governing_review_dates(const Plan& plan, const Action& action, Date from, Date to) {
  std::vector<Date> dates;
  const auto* specific = audit_cycle(plan, action);
  const std::optional<Date> switch_on = specific ? std::optional<Date>(first_review(*specific)) : std::nullopt;
  if (const auto* whole = plan_cycle(plan, action.partnership)) {
    const Date end = switch_on ? std::min(to, *switch_on - days(1)) : to;
    if (from <= end) dates = review_dates(*whole, from, end);
  }
  if (specific && std::max(from, *switch_on) <= to) {
    const auto later = review_dates(*specific, std::max(from, *switch_on), to);
    dates.insert(dates.end(), later.begin(), later.end());
  }
  return dates;
}

}  // namespace

std::vector<Date> missed_reviews(const Plan& plan, const Action& action, Date as_of) {
  require_date(as_of, "as_of");
  std::vector<Date> missed;
  if (as_of <= action.created_on) return missed;
  // A review looks back over the updates after the review before it; the
  // first one after the action's creation, over those after the creation.
  Date period_start = action.created_on;
  for (const Date review : governing_review_dates(plan, action, action.created_on + days(1), as_of)) {
    if (is_open_at(action, review) && !updated_in(action, period_start, review)) missed.push_back(review);
    period_start = review;
  }
  return missed;
}

std::optional<ReviewPeriod> latest_review_period(const Plan& plan, const Action& action, Date as_of) {
  require_date(as_of, "as_of");
  const auto latest_on_or_before = [&](const ReviewCycle& c) {
    return is_review_date(c, as_of) ? std::optional<Date>(as_of) : previous_review(c, as_of);
  };
  const auto* specific = audit_cycle(plan, action);
  const auto* whole = plan_cycle(plan, action.partnership);
  std::optional<Date> review, before;
  const ReviewCycle* governing = nullptr;
  if (specific && first_review(*specific) <= as_of) {
    governing = specific;
    review = latest_on_or_before(*specific);
    before = previous_review(*specific, *review);
    // The audit cycle's first review follows the plan cycle's reviews.
    if (!before && whole) before = previous_review(*whole, *review);
  } else if (whole) {
    governing = whole;
    review = latest_on_or_before(*whole);
    if (review) before = previous_review(*whole, *review);
  }
  if (!review || *review <= action.created_on) return std::nullopt;
  return ReviewPeriod{before && *before > action.created_on ? *before : action.created_on, *review, governing};
}

// ---- reviewable items -----------------------------------------------------------------

std::optional<Date> last_reviewed_on(const ReviewableItem& item, Date as_of) {
  std::optional<Date> latest;
  for (const auto& r : item.reviews)
    if (r.on <= as_of) latest = latest ? std::max(*latest, r.on) : r.on;
  return latest;
}

bool is_retired_at(const ReviewableItem& item, Date as_of) {
  return std::any_of(item.reviews.begin(), item.reviews.end(),
                     [&](const ItemReview& r) { return r.retired && r.on <= as_of; });
}

Date review_due_on(const Plan& plan, const ReviewableItem& item, Date as_of) {
  require_date(as_of, "as_of");
  const Date since = last_reviewed_on(item, as_of).value_or(item.placed_on);
  require_date(since, "placed_on");
  if (item.review_every_months < 1)
    throw ValidationError("review_every_months",
                          "must be 1 or more, got " + std::to_string(item.review_every_months) +
                              " (reviewable item " + std::to_string(item.id.value()) + ")");
  // The item's own interval is the longest it may go unreviewed; a cycle
  // attached to it may bring the review forward, never put it off.
  const Date by_interval = since + months(item.review_every_months);
  if (const auto* cycle = cycle_for(plan, item))
    if (const auto next = next_review(*cycle, since)) return std::min(*next, by_interval);
  return by_interval;
}

bool is_review_overdue(const Plan& plan, const ReviewableItem& item, Date as_of) {
  if (item.placed_on > as_of || is_retired_at(item, as_of)) return false;
  return review_due_on(plan, item, as_of) < as_of;
}

std::vector<ReviewableId> overdue_reviews(const Plan& plan, Date as_of) {
  std::vector<ReviewableId> ids;
  for (const auto& item : plan.reviewable_items())
    if (is_review_overdue(plan, item, as_of)) ids.push_back(item.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace plansight
