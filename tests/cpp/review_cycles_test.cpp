// Review cycles (review_cycles.hpp): quarters and their labels, the dates of
// every kind of cycle, which cycle governs an action or an item, the reviews
// an action drifted past, and when a reviewable item is due. Boundary dates
// (the day before, of and after a review or due date; year ends; the
// financial-year end; 29 February) are checked on purpose.
#include "plansight/review_cycles.hpp"

#include <doctest/doctest.h>

#include <boost/date_time/gregorian/gregorian.hpp>

#include "fixtures.hpp"

using namespace plansight;
using namespace plansight::testing;
using boost::gregorian::days;

namespace {

using Dates = std::vector<Date>;

ReviewCycle quarterly(Date start, CycleKind kind = CycleKind::calendar_quarters) {
  ReviewCycle c;
  c.partnership = PartnershipId(1);
  c.name = "LIS quarterly review";
  c.kind = kind;
  c.start = start;
  return c;
}

ReviewCycle every_months(int n, Date start) {
  ReviewCycle c = quarterly(start, CycleKind::every_n_months);
  c.name = "six-monthly flag review";
  c.months = n;
  return c;
}

ReviewCycle explicit_dates(Dates dates) {
  ReviewCycle c;
  c.partnership = PartnershipId(1);
  c.name = "board meetings";
  c.kind = CycleKind::explicit_dates;
  c.dates = std::move(dates);
  return c;
}

// Checks that `f` throws exactly ValidationError naming `field`, with every
// fragment in its message.
template <class F>
void check_invalid(F&& f, const std::string& field, std::initializer_list<std::string_view> fragments) {
  try {
    f();
    FAIL("expected ValidationError naming " << field << "; nothing was thrown");
  } catch (const ValidationError& e) {
    CHECK(e.field() == field);
    for (auto fragment : fragments)
      CHECK_MESSAGE(std::string(e.what()).find(fragment) != std::string::npos,
                    "message \"" << e.what() << "\" should name \"" << fragment << "\"");
  }
}

// For every day in [from, to]: next_review and previous_review agree with the
// first date of `expected` after the day and the last one before it, and
// is_review_date with membership. `expected` is spelled out by the caller.
void check_against_list(const ReviewCycle& c, const Dates& expected, Date from, Date to) {
  for (Date d = from; d <= to; d += days(1)) {
    INFO("day " << to_iso(d));
    const auto after = std::upper_bound(expected.begin(), expected.end(), d);
    const auto before = std::lower_bound(expected.begin(), expected.end(), d);
    CHECK(next_review(c, d) == (after == expected.end() ? std::nullopt : std::optional<Date>(*after)));
    CHECK(previous_review(c, d) ==
          (before == expected.begin() ? std::nullopt : std::optional<Date>(*std::prev(before))));
    CHECK(is_review_date(c, d) == std::binary_search(expected.begin(), expected.end(), d));
  }
}

}  // namespace

namespace doctest {
template <>
struct StringMaker<Dates> {
  static String convert(const Dates& dates) {
    std::string out = "[";
    for (auto d : dates) out += (out.size() > 1 ? " " : "") + to_iso(d);
    return (out + "]").c_str();
  }
};
}  // namespace doctest

// ---- quarters ---------------------------------------------------------------------------

TEST_CASE("calendar quarters run January to March, ..., October to December") {
  const auto q = calendar_quarter(ymd(2024, 8, 15));
  CHECK(q.year == 2024);
  CHECK(q.number == 3);
  CHECK(q.first == ymd(2024, 7, 1));
  CHECK(q.last == ymd(2024, 9, 30));
  CHECK(label(q) == "2024 Q3");
  CHECK(calendar_quarter(ymd(2024, 1, 1)).number == 1);
  CHECK(calendar_quarter(ymd(2024, 5, 31)).number == 2);
  CHECK(calendar_quarter(ymd(2024, 12, 31)).last == ymd(2024, 12, 31));
}

TEST_CASE("the calendar quarter turns at each quarter end and at the year end") {
  CHECK(label(calendar_quarter(ymd(2024, 3, 31))) == "2024 Q1");
  CHECK(label(calendar_quarter(ymd(2024, 4, 1))) == "2024 Q2");
  CHECK(label(calendar_quarter(ymd(2024, 12, 31))) == "2024 Q4");
  const auto q = calendar_quarter(ymd(2025, 1, 1));
  CHECK(label(q) == "2025 Q1");
  CHECK(q.first == ymd(2025, 1, 1));
  CHECK(q.last == ymd(2025, 3, 31));
}

TEST_CASE("29 February lies in the first quarter of a leap year") {
  const auto q = calendar_quarter(ymd(2024, 2, 29));
  CHECK(label(q) == "2024 Q1");
  CHECK(q.last == ymd(2024, 3, 31));
  CHECK(label(financial_quarter(ymd(2024, 2, 29))) == "2023/24 Q4");
  // 2023 and 2100 are not leap years: February ends on the 28th.
  CHECK(label(calendar_quarter(ymd(2023, 2, 28))) == "2023 Q1");
  CHECK(label(calendar_quarter(ymd(2100, 2, 28))) == "2100 Q1");
  CHECK(ymd(2100, 2, 28).end_of_month() == ymd(2100, 2, 28));
}

TEST_CASE("financial quarters run April to March, named by the year they start in") {
  const auto q2 = financial_quarter(ymd(2024, 8, 15));
  CHECK(q2.start_year == 2024);
  CHECK(q2.number == 2);
  CHECK(q2.first == ymd(2024, 7, 1));
  CHECK(q2.last == ymd(2024, 9, 30));
  CHECK(label(q2) == "2024/25 Q2");
  CHECK(label(financial_quarter(ymd(2024, 12, 31))) == "2024/25 Q3");
  CHECK(label(financial_quarter(ymd(2025, 1, 1))) == "2024/25 Q4");
}

TEST_CASE("the financial year ends on 31 March and the next begins on 1 April") {
  const auto q4 = financial_quarter(ymd(2025, 3, 31));
  CHECK(label(q4) == "2024/25 Q4");
  CHECK(q4.start_year == 2024);
  CHECK(q4.first == ymd(2025, 1, 1));
  CHECK(q4.last == ymd(2025, 3, 31));
  const auto q1 = financial_quarter(ymd(2025, 4, 1));
  CHECK(label(q1) == "2025/26 Q1");
  CHECK(q1.start_year == 2025);
  CHECK(q1.first == ymd(2025, 4, 1));
  CHECK(q1.last == ymd(2025, 6, 30));
}

TEST_CASE("financial year labels keep two digits across centuries") {
  CHECK(label(financial_quarter(ymd(2000, 3, 31))) == "1999/00 Q4");
  CHECK(label(financial_quarter(ymd(2009, 4, 1))) == "2009/10 Q1");
  CHECK(label(financial_quarter(ymd(2099, 6, 1))) == "2099/00 Q1");
}

TEST_CASE("quarters read back from either word order") {
  for (const char* text : {"2024 Q3", "Q3 2024", "  2024 Q3 ", "2024  q3"}) {
    INFO(text);
    const auto q = parse_quarter(text);
    CHECK(q.year == 2024);
    CHECK(q.number == 3);
    CHECK(q.first == ymd(2024, 7, 1));
    CHECK(q.last == ymd(2024, 9, 30));
  }
  CHECK(parse_quarter("2025 Q1").last == ymd(2025, 3, 31));
  CHECK(label(parse_quarter(label(calendar_quarter(ymd(2024, 11, 5))))) == "2024 Q4");
}

TEST_CASE("financial quarters read back from either word order") {
  for (const char* text : {"2024/25 Q2", "Q2 2024/25"}) {
    INFO(text);
    const auto q = parse_financial_quarter(text);
    CHECK(q.start_year == 2024);
    CHECK(q.number == 2);
    CHECK(q.first == ymd(2024, 7, 1));
    CHECK(q.last == ymd(2024, 9, 30));
  }
  const auto q4 = parse_financial_quarter("1999/00 Q4");
  CHECK(q4.first == ymd(2000, 1, 1));
  CHECK(q4.last == ymd(2000, 3, 31));
  CHECK(label(parse_financial_quarter(label(financial_quarter(ymd(2025, 2, 1))))) == "2024/25 Q4");
}

TEST_CASE("a quarter that is not one is refused, naming the field and the text") {
  for (const char* text : {"Q5 2024", "2024 Q0", "2024 Q", "garbage", "", "2024Q3", "24 Q3", "2024 Q3 Q4",
                           "2024 3", "Q3 Q3", "2024/25 Q2", "20x4 Q1", "1399 Q4"}) {
    INFO("'" << text << "'");
    check_invalid([&] { parse_quarter(text); }, "quarter", {"'" + std::string(text) + "'", "not a quarter"});
  }
}

TEST_CASE("a financial quarter whose years are not consecutive is refused") {
  check_invalid([] { parse_financial_quarter("2024/26 Q1"); }, "quarter",
                {"'2024/26 Q1'", "2024 is followed by 25, not 26"});
  check_invalid([] { parse_financial_quarter("2024/24 Q1"); }, "quarter", {"'2024/24 Q1'"});
  check_invalid([] { parse_financial_quarter("1999/99 Q1"); }, "quarter", {"followed by 00"});
}

TEST_CASE("a financial quarter that is not one is refused, naming the field and the text") {
  for (const char* text : {"2024/25 Q5", "Q0 2024/25", "2024 Q2", "2024/2025 Q1", "2024/5 Q1", "garbage", "",
                           "2024/25Q2", "/25 Q2", "9999/00 Q4"}) {
    INFO("'" << text << "'");
    check_invalid([&] { parse_financial_quarter(text); }, "quarter", {"'" + std::string(text) + "'"});
  }
}

// ---- checking a cycle ------------------------------------------------------------------------

TEST_CASE("check_cycle accepts each kind of well-formed cycle") {
  CHECK_NOTHROW(check_cycle(quarterly(ymd(2024, 1, 1))));
  CHECK_NOTHROW(check_cycle(quarterly(ymd(2024, 1, 1), CycleKind::financial_quarters)));
  CHECK_NOTHROW(check_cycle(every_months(1, ymd(2024, 1, 31))));
  CHECK_NOTHROW(check_cycle(explicit_dates({ymd(2024, 2, 10)})));
  CHECK_NOTHROW(check_cycle(explicit_dates({ymd(2024, 2, 10), ymd(2024, 2, 11)})));
}

TEST_CASE("check_cycle refuses every_n_months without months of 1 or more, or without a start") {
  check_invalid([] { check_cycle(every_months(0, ymd(2024, 1, 1))); }, "months", {"got 0"});
  check_invalid([] { check_cycle(every_months(-6, ymd(2024, 1, 1))); }, "months", {"got -6"});
  check_invalid([] { check_cycle(every_months(6, Date())); }, "start", {"every_n_months"});
}

TEST_CASE("check_cycle refuses a quarterly cycle without a start") {
  check_invalid([] { check_cycle(quarterly(Date())); }, "start", {"calendar_quarters"});
  check_invalid([] { check_cycle(quarterly(Date(), CycleKind::financial_quarters)); }, "start",
                {"financial_quarters"});
}

TEST_CASE("check_cycle refuses explicit dates empty or not strictly ascending") {
  check_invalid([] { check_cycle(explicit_dates({})); }, "dates", {"at least one date"});
  check_invalid([] { check_cycle(explicit_dates({ymd(2024, 5, 1), ymd(2024, 4, 1)})); }, "dates",
                {"2024-04-01 follows 2024-05-01"});
  check_invalid([] { check_cycle(explicit_dates({ymd(2024, 5, 1), ymd(2024, 5, 1)})); }, "dates",
                {"2024-05-01 follows 2024-05-01"});
  check_invalid([] { check_cycle(explicit_dates({ymd(2024, 5, 1), Date()})); }, "dates", {"date 2"});
}

TEST_CASE("the date functions refuse a cycle that cannot produce dates, and a date that is none") {
  const auto no_months = every_months(0, ymd(2024, 1, 1));
  check_invalid([&] { next_review(no_months, ymd(2024, 3, 1)); }, "months", {"got 0"});
  check_invalid([&] { previous_review(no_months, ymd(2024, 3, 1)); }, "months", {"got 0"});
  check_invalid([&] { review_dates(no_months, ymd(2024, 1, 1), ymd(2024, 3, 1)); }, "months", {"got 0"});
  check_invalid([&] { is_review_date(no_months, ymd(2024, 3, 1)); }, "months", {"got 0"});
  check_invalid([] { next_review(quarterly(Date()), ymd(2024, 3, 1)); }, "start", {});
  const auto q = quarterly(ymd(2024, 1, 1));
  check_invalid([&] { next_review(q, Date()); }, "after", {});
  check_invalid([&] { previous_review(q, Date()); }, "before", {});
  check_invalid([&] { review_dates(q, Date(), ymd(2024, 3, 1)); }, "from", {});
  check_invalid([&] { review_dates(q, ymd(2024, 3, 1), Date()); }, "to", {});
  check_invalid([&] { review_dates(q, ymd(2024, 3, 2), ymd(2024, 3, 1)); }, "to",
                {"2024-03-01 is before from (2024-03-02)"});
}

// ---- quarterly cycles ------------------------------------------------------------------------

TEST_CASE("a quarterly cycle reviews on quarter ends: dates on, just before and just after one") {
  const auto c = quarterly(ymd(2024, 1, 1));
  CHECK(next_review(c, ymd(2024, 3, 30)) == ymd(2024, 3, 31));
  CHECK(next_review(c, ymd(2024, 3, 31)) == ymd(2024, 6, 30));
  CHECK(next_review(c, ymd(2024, 4, 1)) == ymd(2024, 6, 30));
  CHECK(previous_review(c, ymd(2024, 6, 30)) == ymd(2024, 3, 31));
  CHECK(previous_review(c, ymd(2024, 7, 1)) == ymd(2024, 6, 30));
  CHECK(previous_review(c, ymd(2024, 6, 29)) == ymd(2024, 3, 31));
  CHECK(is_review_date(c, ymd(2024, 9, 30)));
  CHECK_FALSE(is_review_date(c, ymd(2024, 9, 29)));
  CHECK_FALSE(is_review_date(c, ymd(2024, 10, 1)));
}

TEST_CASE("quarterly reviews cross the year end") {
  const auto c = quarterly(ymd(2024, 1, 1));
  CHECK(next_review(c, ymd(2024, 12, 30)) == ymd(2024, 12, 31));
  CHECK(next_review(c, ymd(2024, 12, 31)) == ymd(2025, 3, 31));
  CHECK(next_review(c, ymd(2025, 1, 1)) == ymd(2025, 3, 31));
  CHECK(previous_review(c, ymd(2025, 1, 1)) == ymd(2024, 12, 31));
  CHECK(previous_review(c, ymd(2024, 12, 31)) == ymd(2024, 9, 30));
  CHECK(review_dates(c, ymd(2024, 11, 1), ymd(2025, 7, 1)) ==
        Dates{ymd(2024, 12, 31), ymd(2025, 3, 31), ymd(2025, 6, 30)});
}

TEST_CASE("a quarterly cycle starts at the first quarter end on or after its start") {
  const auto mid = quarterly(ymd(2024, 5, 15));
  CHECK(next_review(mid, ymd(2020, 1, 1)) == ymd(2024, 6, 30));
  CHECK(next_review(mid, ymd(2024, 3, 31)) == ymd(2024, 6, 30));
  CHECK_FALSE(previous_review(mid, ymd(2024, 6, 30)).has_value());
  CHECK(previous_review(mid, ymd(2024, 7, 1)) == ymd(2024, 6, 30));
  CHECK_FALSE(is_review_date(mid, ymd(2024, 3, 31)));
  CHECK(is_review_date(mid, ymd(2024, 6, 30)));
  // A start on a quarter end is itself the first review.
  const auto on_end = quarterly(ymd(2024, 6, 30));
  CHECK(next_review(on_end, ymd(2024, 6, 29)) == ymd(2024, 6, 30));
  CHECK(previous_review(on_end, ymd(2024, 7, 1)) == ymd(2024, 6, 30));
  // The day after a quarter end waits for the next one.
  const auto after_end = quarterly(ymd(2024, 7, 1));
  CHECK(next_review(after_end, ymd(2024, 6, 29)) == ymd(2024, 9, 30));
  CHECK_FALSE(previous_review(after_end, ymd(2024, 9, 30)).has_value());
}

TEST_CASE("financial quarters review on the same dates as calendar quarters") {
  const auto calendar = quarterly(ymd(2023, 2, 1));
  const auto financial = quarterly(ymd(2023, 2, 1), CycleKind::financial_quarters);
  const auto dates = review_dates(financial, ymd(2023, 1, 1), ymd(2025, 4, 1));
  CHECK(dates == review_dates(calendar, ymd(2023, 1, 1), ymd(2025, 4, 1)));
  CHECK(dates.front() == ymd(2023, 3, 31));
  CHECK(dates.back() == ymd(2025, 3, 31));
  CHECK(dates.size() == 9);
  // The financial year end is a review date; its first day is not.
  CHECK(is_review_date(financial, ymd(2024, 3, 31)));
  CHECK_FALSE(is_review_date(financial, ymd(2024, 4, 1)));
  CHECK(next_review(financial, ymd(2024, 3, 31)) == ymd(2024, 6, 30));
}

TEST_CASE("review_dates takes both ends of the range") {
  const auto c = quarterly(ymd(2024, 1, 1));
  CHECK(review_dates(c, ymd(2024, 3, 31), ymd(2024, 12, 31)) ==
        Dates{ymd(2024, 3, 31), ymd(2024, 6, 30), ymd(2024, 9, 30), ymd(2024, 12, 31)});
  CHECK(review_dates(c, ymd(2024, 4, 1), ymd(2024, 12, 30)) == Dates{ymd(2024, 6, 30), ymd(2024, 9, 30)});
  CHECK(review_dates(c, ymd(2024, 6, 30), ymd(2024, 6, 30)) == Dates{ymd(2024, 6, 30)});
  CHECK(review_dates(c, ymd(2024, 7, 1), ymd(2024, 9, 29)).empty());
  CHECK(review_dates(c, ymd(2020, 1, 1), ymd(2024, 3, 31)) == Dates{ymd(2024, 3, 31)});
  CHECK(review_dates(c, ymd(2020, 1, 1), ymd(2024, 3, 30)).empty());
}

TEST_CASE("a century of quarterly dates are all quarter ends, each quarter once") {
  const auto dates = review_dates(quarterly(ymd(2000, 1, 1)), ymd(2000, 1, 1), ymd(2099, 12, 31));
  REQUIRE(dates.size() == 400);
  for (std::size_t i = 0; i < dates.size(); ++i) {
    const int year = 2000 + static_cast<int>(i / 4);
    const int month = 3 * static_cast<int>(i % 4 + 1);
    CHECK(dates[i] == ymd(year, month, 1).end_of_month());
  }
}

TEST_CASE("a quarterly cycle agrees day by day with its list of quarter ends") {
  const Dates ends{ymd(2023, 6, 30), ymd(2023, 9, 30), ymd(2023, 12, 31), ymd(2024, 3, 31),
                   ymd(2024, 6, 30), ymd(2024, 9, 30), ymd(2024, 12, 31), ymd(2025, 3, 31),
                   ymd(2025, 6, 30), ymd(2025, 9, 30)};
  check_against_list(quarterly(ymd(2023, 4, 1)), ends, ymd(2023, 1, 1), ymd(2025, 6, 30));
}

TEST_CASE("quarterly dates end with the calendar") {
  const auto c = quarterly(ymd(9999, 1, 1));
  CHECK(next_review(c, ymd(9999, 12, 30)) == ymd(9999, 12, 31));
  CHECK_FALSE(next_review(c, ymd(9999, 12, 31)).has_value());
  CHECK(review_dates(c, ymd(9999, 10, 1), ymd(9999, 12, 31)) == Dates{ymd(9999, 12, 31)});
}

// ---- every N months ---------------------------------------------------------------------

TEST_CASE("every N months reviews on the start and every N months after it") {
  const auto c = every_months(6, ymd(2024, 1, 15));
  CHECK(next_review(c, ymd(2024, 1, 14)) == ymd(2024, 1, 15));
  CHECK(next_review(c, ymd(2024, 1, 15)) == ymd(2024, 7, 15));
  CHECK(next_review(c, ymd(2024, 1, 16)) == ymd(2024, 7, 15));
  CHECK(next_review(c, ymd(2024, 7, 14)) == ymd(2024, 7, 15));
  CHECK(next_review(c, ymd(2024, 7, 15)) == ymd(2025, 1, 15));
  CHECK_FALSE(previous_review(c, ymd(2024, 1, 15)).has_value());
  CHECK(previous_review(c, ymd(2024, 1, 16)) == ymd(2024, 1, 15));
  CHECK(previous_review(c, ymd(2024, 7, 15)) == ymd(2024, 1, 15));
  CHECK(previous_review(c, ymd(2024, 7, 16)) == ymd(2024, 7, 15));
  CHECK(previous_review(c, ymd(2031, 3, 1)) == ymd(2031, 1, 15));
  CHECK(is_review_date(c, ymd(2030, 7, 15)));
  CHECK_FALSE(is_review_date(c, ymd(2030, 7, 14)));
  CHECK_FALSE(is_review_date(c, ymd(2030, 4, 15)));
  CHECK_FALSE(is_review_date(c, ymd(2023, 7, 15)));
  CHECK(review_dates(c, ymd(2024, 1, 1), ymd(2025, 7, 15)) ==
        Dates{ymd(2024, 1, 15), ymd(2024, 7, 15), ymd(2025, 1, 15), ymd(2025, 7, 15)});
}

TEST_CASE("monthly from 31 January stays on month ends: 29 February in a leap year, 28th otherwise") {
  CHECK(review_dates(every_months(1, ymd(2024, 1, 31)), ymd(2024, 1, 1), ymd(2024, 5, 31)) ==
        Dates{ymd(2024, 1, 31), ymd(2024, 2, 29), ymd(2024, 3, 31), ymd(2024, 4, 30), ymd(2024, 5, 31)});
  CHECK(review_dates(every_months(1, ymd(2023, 1, 31)), ymd(2023, 1, 1), ymd(2023, 3, 31)) ==
        Dates{ymd(2023, 1, 31), ymd(2023, 2, 28), ymd(2023, 3, 31)});
  CHECK(review_dates(every_months(1, ymd(2100, 1, 31)), ymd(2100, 1, 1), ymd(2100, 3, 31)) ==
        Dates{ymd(2100, 1, 31), ymd(2100, 2, 28), ymd(2100, 3, 31)});
  const auto c = every_months(1, ymd(2024, 1, 31));
  CHECK(next_review(c, ymd(2024, 2, 28)) == ymd(2024, 2, 29));
  CHECK(next_review(c, ymd(2024, 2, 29)) == ymd(2024, 3, 31));
  CHECK(previous_review(c, ymd(2024, 3, 31)) == ymd(2024, 2, 29));
  CHECK(previous_review(c, ymd(2024, 3, 30)) == ymd(2024, 2, 29));
}

TEST_CASE("monthly from 30 January keeps the 30th after February, never drifting to its end") {
  CHECK(review_dates(every_months(1, ymd(2024, 1, 30)), ymd(2024, 1, 1), ymd(2024, 5, 31)) ==
        Dates{ymd(2024, 1, 30), ymd(2024, 2, 29), ymd(2024, 3, 30), ymd(2024, 4, 30), ymd(2024, 5, 30)});
  CHECK(review_dates(every_months(1, ymd(2023, 1, 30)), ymd(2023, 1, 1), ymd(2023, 3, 31)) ==
        Dates{ymd(2023, 1, 30), ymd(2023, 2, 28), ymd(2023, 3, 30)});
  const auto c = every_months(1, ymd(2024, 1, 30));
  CHECK(next_review(c, ymd(2024, 2, 29)) == ymd(2024, 3, 30));
  CHECK(next_review(c, ymd(2024, 3, 30)) == ymd(2024, 4, 30));
  CHECK(next_review(c, ymd(2024, 3, 31)) == ymd(2024, 4, 30));
  CHECK_FALSE(is_review_date(c, ymd(2024, 3, 31)));
  // Far on, still the 30th: each date is counted from the start.
  CHECK(next_review(c, ymd(2040, 2, 29)) == ymd(2040, 3, 30));
}

TEST_CASE("every N months agrees day by day with its dates counted from the start") {
  struct Example {
    Date start;
    int months;
  };
  for (const auto& e :
       {Example{ymd(2024, 1, 31), 1}, Example{ymd(2024, 1, 30), 1}, Example{ymd(2023, 8, 31), 6},
        Example{ymd(2024, 2, 29), 12}, Example{ymd(2023, 11, 30), 3}, Example{ymd(2024, 5, 1), 5}}) {
    INFO("start " << to_iso(e.start) << " every " << e.months);
    Dates expected;
    for (int k = 0; k < 40; ++k) expected.push_back(e.start + boost::gregorian::months(k * e.months));
    check_against_list(every_months(e.months, e.start), expected, ymd(2023, 1, 1), ymd(2026, 12, 31));
  }
}

TEST_CASE("yearly from 29 February falls on 28 February until the next leap year") {
  const auto c = every_months(12, ymd(2024, 2, 29));
  CHECK(review_dates(c, ymd(2024, 1, 1), ymd(2028, 12, 31)) ==
        Dates{ymd(2024, 2, 29), ymd(2025, 2, 28), ymd(2026, 2, 28), ymd(2027, 2, 28), ymd(2028, 2, 29)});
  CHECK(next_review(c, ymd(2027, 2, 28)) == ymd(2028, 2, 29));
  CHECK(previous_review(c, ymd(2028, 2, 29)) == ymd(2027, 2, 28));
}

TEST_CASE("every N months ends with the calendar") {
  const auto c = every_months(12, ymd(9998, 1, 31));
  CHECK(next_review(c, ymd(9998, 1, 31)) == ymd(9999, 1, 31));
  CHECK_FALSE(next_review(c, ymd(9999, 1, 31)).has_value());
  CHECK(review_dates(c, ymd(9998, 1, 1), ymd(9999, 12, 31)) == Dates{ymd(9998, 1, 31), ymd(9999, 1, 31)});
}

// ---- explicit dates ---------------------------------------------------------------------

TEST_CASE("explicit dates are the review dates, and nothing beyond the last") {
  const auto c = explicit_dates({ymd(2024, 2, 10), ymd(2024, 5, 20), ymd(2024, 9, 5)});
  CHECK(next_review(c, ymd(2020, 1, 1)) == ymd(2024, 2, 10));
  CHECK(next_review(c, ymd(2024, 2, 9)) == ymd(2024, 2, 10));
  CHECK(next_review(c, ymd(2024, 2, 10)) == ymd(2024, 5, 20));
  CHECK(next_review(c, ymd(2024, 2, 11)) == ymd(2024, 5, 20));
  CHECK_FALSE(next_review(c, ymd(2024, 9, 5)).has_value());
  CHECK(next_review(c, ymd(2024, 9, 4)) == ymd(2024, 9, 5));
  CHECK_FALSE(previous_review(c, ymd(2024, 2, 10)).has_value());
  CHECK(previous_review(c, ymd(2024, 2, 11)) == ymd(2024, 2, 10));
  CHECK(previous_review(c, ymd(2024, 5, 20)) == ymd(2024, 2, 10));
  CHECK(previous_review(c, ymd(2030, 1, 1)) == ymd(2024, 9, 5));
  CHECK(review_dates(c, ymd(2024, 2, 10), ymd(2024, 5, 20)) == Dates{ymd(2024, 2, 10), ymd(2024, 5, 20)});
  CHECK(review_dates(c, ymd(2024, 2, 11), ymd(2024, 5, 19)).empty());
  CHECK(review_dates(c, ymd(2000, 1, 1), ymd(2099, 1, 1)).size() == 3);
  CHECK(is_review_date(c, ymd(2024, 5, 20)));
  CHECK_FALSE(is_review_date(c, ymd(2024, 5, 21)));
}

TEST_CASE("explicit dates agree day by day with their list, and ignore a start") {
  const Dates dates{ymd(2023, 12, 31), ymd(2024, 1, 1), ymd(2024, 2, 29), ymd(2024, 3, 1), ymd(2024, 11, 13)};
  auto c = explicit_dates(dates);
  c.start = ymd(2024, 6, 1);
  check_against_list(c, dates, ymd(2023, 12, 1), ymd(2025, 1, 31));
}

// ---- which cycle governs ------------------------------------------------------------------

namespace {

// A second audit in the builder's partnership.
AuditId add_audit(Builder& b) {
  Audit audit;
  audit.partnership = b.area.partnership;
  audit.title = "Learning themes audit: neglect";
  audit.held_on = ymd(2024, 2, 1);
  return b.plan.add(std::move(audit)).id;
}

ReviewCycle in_plan(ReviewCycle c, const Builder& b) {
  c.partnership = b.area.partnership;
  c.group = b.area.lis;
  return c;
}

ReviewableItem flag(PartnershipId partnership, Date placed, int every_months = 6) {
  ReviewableItem item;
  item.partnership = partnership;
  item.kind = ReviewableKind::record_flag;
  item.description = "Domestic abuse flag on the child's health record";
  item.placed_on = placed;
  item.review_every_months = every_months;
  return item;
}

ItemReview item_review(ReviewableId item, Date on, bool retired = false) {
  return ItemReview{item, on, "Named Nurse", retired ? "no longer evidenced; flag removed" : "still needed",
                    retired};
}

}  // namespace

TEST_CASE("an action's audit cycle governs it, else its partnership's whole-plan cycle") {
  Builder b;
  const auto other_audit = add_audit(b);
  const auto in_audit = b.add_action(ymd(2024, 2, 1), ymd(2024, 12, 31));
  Action elsewhere = b.draft(ymd(2024, 2, 1), ymd(2024, 12, 31));
  elsewhere.audit = other_audit;
  elsewhere.finding.reset();
  const auto in_other = b.plan.add(std::move(elsewhere)).id;
  CHECK(cycle_for(b.plan, b.plan.action(in_audit)) == nullptr);
  CHECK(plan_cycle(b.plan, b.area.partnership) == nullptr);

  const auto whole = b.plan.add(in_plan(quarterly(ymd(2024, 1, 1)), b)).id;
  auto audit_cycle = in_plan(every_months(2, ymd(2024, 2, 15)), b);
  audit_cycle.audit = b.area.audit;
  const auto for_audit = b.plan.add(audit_cycle).id;
  CHECK(plan_cycle(b.plan, b.area.partnership)->id == whole);
  CHECK(cycle_for(b.plan, b.plan.action(in_audit))->id == for_audit);
  CHECK(cycle_for(b.plan, b.plan.action(in_other))->id == whole);

  const auto area2 = b.add_area("Dudley Safeguarding Children Board");
  CHECK(plan_cycle(b.plan, area2.partnership) == nullptr);
  CHECK(cycle_for(b.plan, b.plan.action(b.add_action(area2, ymd(2024, 2, 1), ymd(2024, 12, 31)))) == nullptr);
}

TEST_CASE("an item's cycle governs the item, not its audit's actions nor the plan") {
  Builder b;
  auto item = flag(b.area.partnership, ymd(2024, 1, 15));
  item.audit = b.area.audit;
  const auto& added = b.plan.add(item);
  CHECK(cycle_for(b.plan, added) == nullptr);
  auto for_item = in_plan(every_months(6, ymd(2024, 3, 1)), b);
  for_item.item = added.id;
  const auto cycle = b.plan.add(for_item).id;
  CHECK(cycle_for(b.plan, b.plan.reviewable_item(added.id))->id == cycle);
  CHECK(plan_cycle(b.plan, b.area.partnership) == nullptr);
  CHECK(cycle_for(b.plan, b.plan.action(b.add_action(ymd(2024, 2, 1), ymd(2024, 12, 31)))) == nullptr);
}

// ---- missed reviews ---------------------------------------------------------------------

namespace {

// An action created 1 February 2024 under the LIS's quarterly review.
struct Reviewed {
  Builder b;
  ActionId action;
  Reviewed() {
    b.plan.add(in_plan(quarterly(ymd(2024, 1, 1)), b));
    action = b.add_action(ymd(2024, 2, 1), ymd(2024, 12, 31));
  }
  Dates missed(Date as_of) const { return missed_reviews(b.plan, b.plan.action(action), as_of); }
};

}  // namespace

TEST_CASE("an action without updates misses every review after its creation up to the date") {
  Reviewed r;
  CHECK(r.missed(ymd(2024, 3, 30)).empty());
  CHECK(r.missed(ymd(2024, 3, 31)) == Dates{ymd(2024, 3, 31)});
  CHECK(r.missed(ymd(2024, 9, 29)) == Dates{ymd(2024, 3, 31), ymd(2024, 6, 30)});
  CHECK(r.missed(ymd(2024, 9, 30)) == Dates{ymd(2024, 3, 31), ymd(2024, 6, 30), ymd(2024, 9, 30)});
  CHECK(r.missed(ymd(2024, 1, 1)).empty());
}

TEST_CASE("an update on the review date counts for that review, the day after does not") {
  SUBCASE("on the review date") {
    Reviewed r;
    r.b.set_status(r.action, ymd(2024, 3, 31), Status::in_progress);
    CHECK(r.missed(ymd(2024, 6, 30)) == Dates{ymd(2024, 6, 30)});
  }
  SUBCASE("the day before") {
    Reviewed r;
    r.b.set_status(r.action, ymd(2024, 3, 30), Status::in_progress);
    CHECK(r.missed(ymd(2024, 6, 30)) == Dates{ymd(2024, 6, 30)});
  }
  SUBCASE("the day after counts for the next review only") {
    Reviewed r;
    r.b.set_status(r.action, ymd(2024, 4, 1), Status::in_progress);
    CHECK(r.missed(ymd(2024, 3, 31)) == Dates{ymd(2024, 3, 31)});
    CHECK(r.missed(ymd(2024, 9, 30)) == Dates{ymd(2024, 3, 31), ymd(2024, 9, 30)});
  }
}

TEST_CASE("an update on the day an action is created is before its first review's period") {
  Reviewed r;
  r.b.set_status(r.action, ymd(2024, 2, 1), Status::in_progress, "started at once");
  CHECK(r.missed(ymd(2024, 3, 31)) == Dates{ymd(2024, 3, 31)});
  r.b.set_status(r.action, ymd(2024, 2, 2), Status::in_progress, "training booked");
  CHECK(r.missed(ymd(2024, 3, 31)).empty());
}

TEST_CASE("reviews after an action is closed are not missed") {
  Reviewed r;
  r.b.set_status(r.action, ymd(2024, 5, 1), Status::complete);
  CHECK(r.missed(ymd(2024, 12, 31)) == Dates{ymd(2024, 3, 31)});
  Reviewed c;
  c.b.set_status(c.action, ymd(2024, 6, 30), Status::cancelled, "superseded by the neglect strategy");
  CHECK(c.missed(ymd(2024, 12, 31)) == Dates{ymd(2024, 3, 31)});
}

TEST_CASE("a review on the day an action is created is not one it missed") {
  Builder b;
  b.plan.add(in_plan(quarterly(ymd(2024, 1, 1)), b));
  const auto& action = b.plan.action(b.add_action(ymd(2024, 3, 31), ymd(2024, 12, 31)));
  CHECK(missed_reviews(b.plan, action, ymd(2024, 6, 29)).empty());
  CHECK(missed_reviews(b.plan, action, ymd(2024, 6, 30)) == Dates{ymd(2024, 6, 30)});
}

TEST_CASE("missed reviews follow the governing cycle, and there are none without one") {
  Builder b;
  const auto action = b.add_action(ymd(2024, 2, 1), ymd(2024, 12, 31));
  CHECK(missed_reviews(b.plan, b.plan.action(action), ymd(2024, 12, 31)).empty());
  auto audit_cycle = in_plan(explicit_dates({ymd(2024, 1, 20), ymd(2024, 4, 20), ymd(2024, 10, 20)}), b);
  audit_cycle.audit = b.area.audit;
  b.plan.add(audit_cycle);
  b.plan.add(in_plan(quarterly(ymd(2024, 1, 1)), b));
  // Under the quarterly plan cycle this would miss 31 March, 30 September and 31 December.
  b.set_status(action, ymd(2024, 4, 21), Status::in_progress);
  CHECK(missed_reviews(b.plan, b.plan.action(action), ymd(2024, 12, 31)) == Dates{ymd(2024, 4, 20)});
}

TEST_CASE("an audit cycle added later governs from its first review on, earlier reviews keep the plan's") {
  Builder b;
  b.plan.add(in_plan(quarterly(ymd(2024, 1, 1)), b));
  const auto action = b.add_action(ymd(2024, 2, 1), ymd(2024, 12, 31));
  const auto before = missed_reviews(b.plan, b.plan.action(action), ymd(2024, 8, 14));
  CHECK(before == Dates{ymd(2024, 3, 31), ymd(2024, 6, 30)});
  auto audit_cycle = in_plan(every_months(2, ymd(2024, 8, 15)), b);
  audit_cycle.audit = b.area.audit;
  b.plan.add(audit_cycle);
  CHECK(missed_reviews(b.plan, b.plan.action(action), ymd(2024, 8, 14)) == before);
  CHECK(missed_reviews(b.plan, b.plan.action(action), ymd(2024, 12, 31)) ==
        Dates{ymd(2024, 3, 31), ymd(2024, 6, 30), ymd(2024, 8, 15), ymd(2024, 10, 15), ymd(2024, 12, 15)});
  // The plan's 30 September review falls after the audit cycle began: it no longer governs.
  b.set_status(action, ymd(2024, 8, 15), Status::in_progress);
  CHECK(missed_reviews(b.plan, b.plan.action(action), ymd(2024, 9, 30)) == Dates{ymd(2024, 3, 31), ymd(2024, 6, 30)});
}

TEST_CASE("last_update_on is the date of the latest update on or before the date") {
  Builder b;
  const auto id = b.add_action(ymd(2024, 2, 1), ymd(2024, 12, 31));
  CHECK_FALSE(last_update_on(b.plan.action(id), ymd(2024, 12, 31)).has_value());
  b.set_status(id, ymd(2024, 3, 31), Status::in_progress);
  b.set_status(id, ymd(2024, 6, 30), Status::in_progress, "training half delivered");
  const auto& action = b.plan.action(id);
  CHECK_FALSE(last_update_on(action, ymd(2024, 3, 30)).has_value());
  CHECK(last_update_on(action, ymd(2024, 3, 31)) == ymd(2024, 3, 31));
  CHECK(last_update_on(action, ymd(2024, 6, 29)) == ymd(2024, 3, 31));
  CHECK(last_update_on(action, ymd(2024, 6, 30)) == ymd(2024, 6, 30));
  CHECK(last_update_on(action, ymd(2030, 1, 1)) == ymd(2024, 6, 30));
}

// ---- reviewable items -------------------------------------------------------------------

TEST_CASE("an item's review is due its interval after placing: overdue the day after, not on the day") {
  Builder b;
  auto item = flag(b.area.partnership, ymd(2024, 1, 15));
  item.id = ReviewableId(7);
  CHECK(review_due_on(b.plan, item, ymd(2024, 3, 1)) == ymd(2024, 7, 15));
  CHECK_FALSE(is_review_overdue(b.plan, item, ymd(2024, 7, 14)));
  CHECK_FALSE(is_review_overdue(b.plan, item, ymd(2024, 7, 15)));
  CHECK(is_review_overdue(b.plan, item, ymd(2024, 7, 16)));
  CHECK_FALSE(last_reviewed_on(item, ymd(2025, 1, 1)).has_value());
}

TEST_CASE("an item's latest review on or before the date restarts its interval") {
  Builder b;
  auto item = flag(b.area.partnership, ymd(2024, 1, 15));
  item.id = ReviewableId(7);
  item.reviews = {item_review(item.id, ymd(2024, 7, 10)), item_review(item.id, ymd(2025, 1, 8))};
  CHECK_FALSE(last_reviewed_on(item, ymd(2024, 7, 9)).has_value());
  CHECK(last_reviewed_on(item, ymd(2024, 7, 10)) == ymd(2024, 7, 10));
  CHECK(last_reviewed_on(item, ymd(2025, 1, 7)) == ymd(2024, 7, 10));
  CHECK(last_reviewed_on(item, ymd(2025, 1, 8)) == ymd(2025, 1, 8));
  CHECK(review_due_on(b.plan, item, ymd(2024, 7, 9)) == ymd(2024, 7, 15));
  CHECK(review_due_on(b.plan, item, ymd(2024, 7, 10)) == ymd(2025, 1, 10));
  CHECK(review_due_on(b.plan, item, ymd(2025, 1, 8)) == ymd(2025, 7, 8));
  CHECK_FALSE(is_review_overdue(b.plan, item, ymd(2025, 1, 10)));
  CHECK_FALSE(is_review_overdue(b.plan, item, ymd(2025, 1, 11)));  // reviewed on 8 January
  CHECK(is_review_overdue(b.plan, item, ymd(2025, 7, 9)));
}

TEST_CASE("an item's interval from a month end ends on a month end") {
  Builder b;
  auto item = flag(b.area.partnership, ymd(2023, 8, 31));
  CHECK(review_due_on(b.plan, item, ymd(2023, 9, 1)) == ymd(2024, 2, 29));
  CHECK_FALSE(is_review_overdue(b.plan, item, ymd(2024, 2, 29)));
  CHECK(is_review_overdue(b.plan, item, ymd(2024, 3, 1)));
  item.placed_on = ymd(2022, 8, 31);
  CHECK(review_due_on(b.plan, item, ymd(2022, 9, 1)) == ymd(2023, 2, 28));
}

TEST_CASE("a retired item is never overdue from its retirement on") {
  Builder b;
  auto item = flag(b.area.partnership, ymd(2024, 1, 15));
  item.reviews = {item_review(item.id, ymd(2024, 9, 1), true)};
  CHECK_FALSE(is_retired_at(item, ymd(2024, 8, 31)));
  CHECK(is_retired_at(item, ymd(2024, 9, 1)));
  CHECK(is_retired_at(item, ymd(2030, 1, 1)));
  CHECK(is_review_overdue(b.plan, item, ymd(2024, 8, 31)));
  CHECK_FALSE(is_review_overdue(b.plan, item, ymd(2024, 9, 1)));
  CHECK_FALSE(is_review_overdue(b.plan, item, ymd(2030, 1, 1)));
  item.reviews.front().retired = false;
  CHECK_FALSE(is_retired_at(item, ymd(2030, 1, 1)));
  CHECK(is_review_overdue(b.plan, item, ymd(2030, 1, 1)));
}

TEST_CASE("an item not yet placed is not overdue") {
  Builder b;
  const auto item = flag(b.area.partnership, ymd(2024, 1, 15), 1);
  CHECK_FALSE(is_review_overdue(b.plan, item, ymd(2024, 1, 14)));
  CHECK_FALSE(is_review_overdue(b.plan, item, ymd(2024, 1, 15)));
  CHECK(is_review_overdue(b.plan, item, ymd(2024, 2, 16)));
}

TEST_CASE("an item with a cycle attached is due on the cycle's first date after its latest review") {
  Builder b;
  const auto& added = b.plan.add(flag(b.area.partnership, ymd(2024, 1, 15)));
  auto for_item = in_plan(every_months(3, ymd(2024, 3, 1)), b);
  for_item.item = added.id;
  b.plan.add(for_item);
  auto item = b.plan.reviewable_item(added.id);
  CHECK(review_due_on(b.plan, item, ymd(2024, 2, 1)) == ymd(2024, 3, 1));
  CHECK_FALSE(is_review_overdue(b.plan, item, ymd(2024, 3, 1)));
  CHECK(is_review_overdue(b.plan, item, ymd(2024, 3, 2)));
  item.reviews = {item_review(item.id, ymd(2024, 3, 1))};
  CHECK(review_due_on(b.plan, item, ymd(2024, 3, 1)) == ymd(2024, 6, 1));
  CHECK_FALSE(is_review_overdue(b.plan, item, ymd(2024, 6, 1)));
  CHECK(is_review_overdue(b.plan, item, ymd(2024, 6, 2)));
}

TEST_CASE("a cycle attached to an item brings its review forward, never puts it off") {
  Builder b;
  const auto& added = b.plan.add(flag(b.area.partnership, ymd(2023, 1, 1)));
  CHECK(is_review_overdue(b.plan, added, ymd(2024, 6, 1)));
  auto for_item = in_plan(every_months(3, ymd(2025, 3, 31)), b);
  for_item.item = added.id;
  b.plan.add(for_item);
  const auto& item = b.plan.reviewable_item(added.id);
  CHECK(review_due_on(b.plan, item, ymd(2024, 6, 1)) == ymd(2023, 7, 1));
  CHECK_FALSE(is_review_overdue(b.plan, item, ymd(2023, 7, 1)));
  CHECK(is_review_overdue(b.plan, item, ymd(2023, 7, 2)));
  CHECK(is_review_overdue(b.plan, item, ymd(2024, 6, 1)));
}

TEST_CASE("an item whose explicit cycle has no date left falls back to its interval") {
  Builder b;
  const auto& added = b.plan.add(flag(b.area.partnership, ymd(2024, 1, 15)));
  auto for_item = in_plan(explicit_dates({ymd(2024, 4, 1)}), b);
  for_item.item = added.id;
  b.plan.add(for_item);
  auto item = b.plan.reviewable_item(added.id);
  CHECK(review_due_on(b.plan, item, ymd(2024, 2, 1)) == ymd(2024, 4, 1));
  item.reviews = {item_review(item.id, ymd(2024, 4, 1))};
  CHECK(review_due_on(b.plan, item, ymd(2024, 4, 1)) == ymd(2024, 10, 1));
}

TEST_CASE("an item without a cycle and without an interval of a month or more is refused") {
  Builder b;
  auto item = flag(b.area.partnership, ymd(2024, 1, 15), 0);
  item.id = ReviewableId(3);
  check_invalid([&] { review_due_on(b.plan, item, ymd(2024, 6, 1)); }, "review_every_months",
                {"got 0", "reviewable item 3"});
  check_invalid([&] { is_review_overdue(b.plan, item, ymd(2024, 6, 1)); }, "review_every_months", {"got 0"});
}

TEST_CASE("overdue_reviews lists the plan's overdue items by id") {
  Builder b;
  auto late = flag(b.area.partnership, ymd(2024, 1, 15));
  late.id = ReviewableId(9);
  auto also_late = flag(b.area.partnership, ymd(2024, 1, 10));
  also_late.id = ReviewableId(4);
  auto on_time = flag(b.area.partnership, ymd(2024, 3, 1));
  b.plan.add(late);
  b.plan.add(on_time);
  b.plan.add(also_late);
  CHECK(overdue_reviews(b.plan, ymd(2024, 7, 10)).empty());
  CHECK(overdue_reviews(b.plan, ymd(2024, 7, 11)) == std::vector<ReviewableId>{ReviewableId(4)});
  CHECK(overdue_reviews(b.plan, ymd(2024, 7, 16)) ==
        std::vector<ReviewableId>{ReviewableId(4), ReviewableId(9)});
  CHECK(overdue_reviews(b.plan, ymd(2024, 9, 2)).size() == 3);
}
