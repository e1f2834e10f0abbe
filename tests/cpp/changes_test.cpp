// What changed between two reviews (changes.hpp): every list of the period
// (since, until], with the boundary dates checked on purpose (an update on
// `since` belongs before the period, one on `until` to it), the partnership
// filter, the refusals, and the 10,000-action shared workload checked against
// an independent reading of its CSV files.
#include "plansight/changes.hpp"

#include <doctest/doctest.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <fstream>
#include <map>
#include <set>

#include "fixtures.hpp"
#include "plansight/review_cycles.hpp"
#include "workload.hpp"

using namespace plansight;
using namespace plansight::testing;

namespace doctest {
template <>
struct StringMaker<std::vector<long>> {
  static String convert(const std::vector<long>& ids) {
    std::string out = "[";
    for (auto id : ids) out += (out.size() > 1 ? " " : "") + std::to_string(id);
    return (out + "]").c_str();
  }
};
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& lines) {
    std::string out = "[";
    for (const auto& line : lines) out += (out.size() > 1 ? " " : "") + line;
    return (out + "]").c_str();
  }
};
}  // namespace doctest

namespace {

using Ids = std::vector<ActionId>;

// The LIS reviews on 31 March and on 30 June: the period is April to June.
const Date since = ymd(2024, 3, 31);
const Date until = ymd(2024, 6, 30);
const Date created = ymd(2024, 2, 1);
const Date far_due = ymd(2025, 3, 31);

ReviewChanges changes(const Builder& b) { return changes_between(b.plan, since, until); }

std::string describe(const StatusChange& c) {
  return std::to_string(c.action.value()) + ":" + to_string(c.from) + "->" + to_string(c.to);
}

std::vector<std::string> described(const std::vector<StatusChange>& changes) {
  std::vector<std::string> out;
  for (const auto& c : changes) out.push_back(describe(c));
  return out;
}

}  // namespace

// ---- refusals ---------------------------------------------------------------------------

TEST_CASE("changes_between refuses a period that does not run forward") {
  Builder b;
  b.add_action(created, far_due);
  CHECK_REFUSED(b.plan, changes_between(b.plan, until, until), ValidationError, "since", "2024-06-30",
                "not before until");
  CHECK_REFUSED(b.plan, changes_between(b.plan, until, since), ValidationError, "since: 2024-06-30",
                "(2024-03-31)");
  CHECK_REFUSED(b.plan, changes_between(b.plan, Date(), until), ValidationError, "since");
  CHECK_REFUSED(b.plan, changes_between(b.plan, since, Date()), ValidationError, "until");
  CHECK_REFUSED(b.plan, escalations_between(b.plan, until, since), ValidationError, "since", "2024-06-30");
  try {
    changes_between(b.plan, until, until);
    FAIL("an empty period was not refused");
  } catch (const ValidationError& e) {
    CHECK(e.field() == "since");
  }
}

TEST_CASE("changes_between refuses an unknown partnership") {
  Builder b;
  CHECK_REFUSED(b.plan, changes_between(b.plan, since, until, PartnershipId(99)), NotFoundError,
                "partnership 99");
  CHECK_REFUSED(b.plan, escalations_between(b.plan, since, until, PartnershipId(99)), NotFoundError,
                "partnership 99");
}

TEST_CASE("an unchanged plan has nothing to report, and the period is kept") {
  Builder b;
  const auto a = b.add_action(created, far_due);
  b.set_status(a, ymd(2024, 3, 1), Status::in_progress);
  const auto c = changes(b);
  CHECK(c.since == since);
  CHECK(c.until == until);
  CHECK(c.new_actions.empty());
  CHECK(c.status_changes.empty());
  CHECK(c.completed.empty());
  CHECK(c.assured.empty());
  CHECK(c.extensions.empty());
  CHECK(c.escalations.empty());
  CHECK(c.newly_overdue.empty());
  CHECK(c.newly_blocked.empty());
  CHECK(c.newly_at_risk.empty());
  CHECK(escalations_between(b.plan, since, until).empty());
}

// ---- new actions ------------------------------------------------------------------------

TEST_CASE("new actions are those created after since and on or before until") {
  Builder b;
  b.add_action(since - boost::gregorian::days(1), far_due);
  b.add_action(since, far_due);
  const auto day_after = b.add_action(since + boost::gregorian::days(1), far_due);
  const auto on_until = b.add_action(until, far_due);
  b.add_action(until + boost::gregorian::days(1), far_due);
  CHECK(changes(b).new_actions == Ids{day_after, on_until});
}

// ---- status changes and completions ---------------------------------------------------

TEST_CASE("an update on since belongs before the period, one on until to it") {
  Builder b;
  const auto on_since = b.add_action(created, far_due);
  b.set_status(on_since, since, Status::in_progress);
  const auto day_after_since = b.add_action(created, far_due);
  b.set_status(day_after_since, since + boost::gregorian::days(1), Status::in_progress);
  const auto on_until = b.add_action(created, far_due);
  b.set_status(on_until, until, Status::complete);
  const auto day_after_until = b.add_action(created, far_due);
  b.set_status(day_after_until, until + boost::gregorian::days(1), Status::complete);
  const auto c = changes(b);
  CHECK(described(c.status_changes) ==
        std::vector<std::string>{std::to_string(day_after_since.value()) + ":not_started->in_progress",
                                 std::to_string(on_until.value()) + ":not_started->complete"});
  CHECK(c.completed == Ids{on_until});
}

TEST_CASE("a status change compares the status at since with the status at until") {
  Builder b;
  const auto started = b.add_action(created, far_due);
  b.set_status(started, ymd(2024, 3, 1), Status::in_progress);
  b.set_status(started, ymd(2024, 5, 1), Status::complete);
  const auto there_and_back = b.add_action(created, far_due);
  b.set_status(there_and_back, ymd(2024, 3, 1), Status::in_progress);
  b.set_status(there_and_back, ymd(2024, 4, 1), Status::complete);
  b.set_status(there_and_back, ymd(2024, 5, 1), Status::in_progress, "re-audit showed no change");
  const auto cancelled = b.add_action(created, far_due);
  b.set_status(cancelled, ymd(2024, 6, 1), Status::cancelled, "superseded by the neglect strategy");
  const auto fresh = b.add_action(ymd(2024, 4, 10), far_due);
  b.set_status(fresh, ymd(2024, 4, 20), Status::in_progress);
  const auto fresh_idle = b.add_action(ymd(2024, 4, 10), far_due);
  const auto c = changes(b);
  CHECK(described(c.status_changes) ==
        std::vector<std::string>{std::to_string(started.value()) + ":in_progress->complete",
                                 std::to_string(cancelled.value()) + ":not_started->cancelled",
                                 std::to_string(fresh.value()) + ":not_started->in_progress"});
  CHECK(c.completed == Ids{started});
  CHECK(c.new_actions == Ids{fresh, fresh_idle});
}

TEST_CASE("an action complete at since and still complete is not completed again") {
  Builder b;
  const auto done = b.add_action(created, far_due);
  b.set_status(done, ymd(2024, 3, 1), Status::complete);
  const auto reopened_and_done = b.add_action(created, far_due);
  b.set_status(reopened_and_done, ymd(2024, 3, 1), Status::complete);
  b.set_status(reopened_and_done, ymd(2024, 4, 1), Status::in_progress, "impact not shown");
  b.set_status(reopened_and_done, ymd(2024, 6, 1), Status::complete);
  const auto c = changes(b);
  CHECK(c.completed.empty());
  CHECK(c.status_changes.empty());
}

TEST_CASE("assured lists the actions signed off in the period, on until but not on since") {
  Builder b;
  const auto on_since = b.add_action(created, far_due);
  b.complete_and_assure(on_since, since);
  const auto in_period = b.add_action(created, far_due);
  b.complete_and_assure(in_period, ymd(2024, 5, 1));
  const auto on_until = b.add_action(created, far_due);
  b.complete_and_assure(on_until, until);
  const auto after = b.add_action(created, far_due);
  b.complete_and_assure(after, until + boost::gregorian::days(1));
  const auto c = changes(b);
  CHECK(c.assured == Ids{in_period, on_until});
  CHECK(c.completed == Ids{in_period, on_until});
}

// ---- extensions -------------------------------------------------------------------------

TEST_CASE("extensions are the due-date revisions made in the period, by action then date") {
  Builder b;
  // Added out of id order: the lists still come by ascending id.
  Action later_id = b.draft(created, ymd(2024, 5, 1));
  later_id.id = ActionId(50);
  b.plan.add(later_id);
  Action earlier_id = b.draft(created, ymd(2024, 5, 1));
  earlier_id.id = ActionId(10);
  b.plan.add(earlier_id);
  b.revise_due(ActionId(50), since, ymd(2024, 6, 1));
  b.revise_due(ActionId(50), since + boost::gregorian::days(1), ymd(2024, 7, 1));
  b.revise_due(ActionId(50), until, ymd(2024, 9, 1));
  b.revise_due(ActionId(10), ymd(2024, 5, 1), ymd(2024, 8, 1));
  b.revise_due(ActionId(10), until + boost::gregorian::days(1), ymd(2024, 10, 1));
  const auto c = changes(b);
  REQUIRE(c.extensions.size() == 3);
  CHECK(c.extensions[0].action == ActionId(10));
  CHECK(c.extensions[0].on == ymd(2024, 5, 1));
  CHECK(c.extensions[0].new_due == ymd(2024, 8, 1));
  CHECK(c.extensions[0].reason == "training venue unavailable");
  CHECK(c.extensions[1].action == ActionId(50));
  CHECK(c.extensions[1].on == since + boost::gregorian::days(1));
  CHECK(c.extensions[2].action == ActionId(50));
  CHECK(c.extensions[2].on == until);
  CHECK(c.extensions[2].new_due == ymd(2024, 9, 1));
}

// ---- newly overdue ---------------------------------------------------------------------

TEST_CASE("newly overdue: due before until, open, and not overdue at since") {
  Builder b;
  const auto due_day_before_until = b.add_action(created, until - boost::gregorian::days(1));
  b.add_action(created, until);  // due on until: not yet overdue
  const auto already = b.add_action(created, since - boost::gregorian::days(1));
  const auto due_on_since = b.add_action(created, since);  // not overdue at since, overdue at until
  const auto done = b.add_action(created, ymd(2024, 5, 1));
  b.set_status(done, ymd(2024, 6, 30), Status::complete);
  const auto fresh = b.add_action(ymd(2024, 4, 1), ymd(2024, 4, 2));
  const auto c = changes(b);
  CHECK(c.newly_overdue == Ids{due_day_before_until, due_on_since, fresh});
  CHECK(std::find(c.newly_overdue.begin(), c.newly_overdue.end(), already) == c.newly_overdue.end());
}

TEST_CASE("an extension in the period can take an action out of overdue, or into it") {
  Builder b;
  const auto extended = b.add_action(created, ymd(2024, 3, 1));  // overdue at since
  b.revise_due(extended, ymd(2024, 4, 15), ymd(2024, 9, 30));
  const auto shortened = b.add_action(created, ymd(2024, 9, 30));
  b.revise_due(shortened, ymd(2024, 4, 15), ymd(2024, 5, 31));
  CHECK(changes(b).newly_overdue == Ids{shortened});
}

// ---- newly blocked -----------------------------------------------------------------------

TEST_CASE("newly blocked: waiting at until on an open action, and not at since") {
  Builder b;
  const auto blocker = b.add_action(created, far_due);
  const auto still_blocked = b.add_action(created, far_due);
  b.plan.add_dependency(still_blocked, blocker);
  const auto fresh = b.add_action(ymd(2024, 4, 1), far_due);
  b.plan.add_dependency(fresh, blocker);

  // Its dependency was complete at since and is reopened in the period.
  const auto reopened = b.add_action(created, far_due);
  b.set_status(reopened, ymd(2024, 3, 1), Status::complete);
  b.set_status(reopened, until, Status::in_progress, "re-audit showed no change");
  const auto waiting_again = b.add_action(created, far_due);
  b.plan.add_dependency(waiting_again, reopened);

  // Its dependency is reopened the day after until: not yet.
  const auto reopened_late = b.add_action(created, far_due);
  b.set_status(reopened_late, ymd(2024, 3, 1), Status::complete);
  b.set_status(reopened_late, until + boost::gregorian::days(1), Status::in_progress, "not embedded");
  const auto waiting_later = b.add_action(created, far_due);
  b.plan.add_dependency(waiting_later, reopened_late);

  // Blocked at since; its blocker was completed in the period.
  const auto freed_blocker = b.add_action(created, far_due);
  const auto freed = b.add_action(created, far_due);
  b.plan.add_dependency(freed, freed_blocker);
  b.set_status(freed_blocker, ymd(2024, 5, 1), Status::complete);

  const auto c = changes(b);
  CHECK(c.newly_blocked == Ids{fresh, waiting_again});
}

TEST_CASE("an action closed by until is not newly blocked however its dependencies stand") {
  Builder b;
  const auto blocker = b.add_action(created, far_due);
  const auto closed = b.add_action(ymd(2024, 4, 1), far_due);
  b.plan.add_dependency(closed, blocker);
  b.set_status(closed, ymd(2024, 6, 1), Status::cancelled, "merged into action 1");
  CHECK(changes(b).newly_blocked.empty());
}

// ---- newly at risk ----------------------------------------------------------------------

TEST_CASE("newly at risk: AMBER at until and not at since, with the 30-day window's boundary") {
  Builder b;
  const auto window_end = b.add_action(created, until + boost::gregorian::days(30));
  b.add_action(created, until + boost::gregorian::days(31));
  const auto started = b.add_action(created, until + boost::gregorian::days(10));
  b.set_status(started, ymd(2024, 4, 1), Status::in_progress);  // in progress: GREEN
  // AMBER at since already (due within 30 days of since), RED at until.
  b.add_action(created, since + boost::gregorian::days(30));
  // GREEN at since, then RED (overdue) or BLUE (complete) at until: not AMBER.
  b.add_action(created, ymd(2024, 6, 1));
  const auto done = b.add_action(created, far_due);
  b.set_status(done, ymd(2024, 5, 1), Status::complete);
  // AMBER at since and still at until, being blocked throughout.
  const auto blocker = b.add_action(created, far_due);
  const auto blocked_throughout = b.add_action(created, far_due);
  b.plan.add_dependency(blocked_throughout, blocker);
  // Blocked from the period on, far from due.
  const auto fresh_blocked = b.add_action(ymd(2024, 5, 1), far_due);
  b.plan.add_dependency(fresh_blocked, blocker);
  const auto c = changes(b);
  CHECK(c.newly_at_risk == Ids{window_end, fresh_blocked});
}

// ---- the partnership filter --------------------------------------------------------------

TEST_CASE("with a partnership, only its actions count") {
  Builder b;
  const auto here = b.add_action(ymd(2024, 4, 1), ymd(2024, 4, 2));
  const auto area2 = b.add_area("Dudley Safeguarding Children Board");
  const auto there = b.add_action(area2, ymd(2024, 4, 1), ymd(2024, 4, 2));
  b.set_status(there, ymd(2024, 4, 1), Status::in_progress);
  CHECK(changes(b).new_actions == Ids{here, there});
  const auto only_here = changes_between(b.plan, since, until, b.area.partnership);
  CHECK(only_here.new_actions == Ids{here});
  CHECK(only_here.newly_overdue == Ids{here});
  CHECK(only_here.status_changes.empty());
  const auto only_there = changes_between(b.plan, since, until, area2.partnership);
  CHECK(only_there.new_actions == Ids{there});
  CHECK(only_there.newly_overdue == Ids{there});
  REQUIRE(only_there.status_changes.size() == 1);
  CHECK(only_there.status_changes[0].action == there);
}

TEST_CASE("changes_between leaves the plan as it was") {
  Builder b;
  const auto a = b.add_action(created, ymd(2024, 5, 1));
  b.set_status(a, ymd(2024, 4, 1), Status::in_progress);
  b.revise_due(a, ymd(2024, 4, 1), ymd(2024, 5, 15));
  const auto before = fingerprint(b.plan);
  (void)changes(b);
  CHECK(fingerprint(b.plan) == before);
}

// ---- the shared workload ---------------------------------------------------------------
//
// The expected lists are computed here straight from the CSV files with the
// definitions of WORKLOAD.md, not with plansight's functions.

namespace {

// One CSV line split on the commas outside double quotes (QUOTE_MINIMAL).
std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char ch = line[i];
    if (ch == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (ch == '"') {
      quoted = !quoted;
    } else if (ch == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += ch;
    }
  }
  return fields;
}

// The data rows of a workload file, each checked to have `columns` fields.
std::vector<std::vector<std::string>> csv_rows(const std::string& file, std::size_t columns) {
  std::ifstream in(workload_dir / file);
  REQUIRE_MESSAGE(in, "cannot read " << file);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    rows.push_back(csv_fields(line));
    REQUIRE_MESSAGE(rows.back().size() == columns, file << ": " << line);
  }
  return rows;
}

Date csv_date(const std::string& text) { return boost::gregorian::from_simple_string(text); }

struct CsvAction {
  long partnership = 0;
  Date created;
  Date due;
  std::vector<std::pair<Date, std::string>> updates;  // in file order
  std::vector<long> depends_on;
};

std::map<long, CsvAction> read_csv_actions() {
  std::map<long, CsvAction> actions;
  for (const auto& r : csv_rows("actions.csv", 12))
    actions[std::stol(r[0])] = CsvAction{std::stol(r[1]), csv_date(r[7]), csv_date(r[8]), {}, {}};
  for (const auto& r : csv_rows("updates.csv", 5))
    actions.at(std::stol(r[0])).updates.emplace_back(csv_date(r[1]), r[2]);
  for (const auto& r : csv_rows("dependencies.csv", 2))
    actions.at(std::stol(r[0])).depends_on.push_back(std::stol(r[1]));
  return actions;
}

// The WORKLOAD.md definitions, as of D.
struct Definitions {
  const std::map<long, CsvAction>& actions;

  // The status of the latest update dated on or before D (of one day, the last in the file).
  std::string status(long id, Date d) const {
    std::string latest = "not_started";
    Date latest_on(boost::gregorian::min_date_time);
    for (const auto& [on, status] : actions.at(id).updates)
      if (on <= d && on >= latest_on) {
        latest = status;
        latest_on = on;
      }
    return latest;
  }
  bool exists(long id, Date d) const { return actions.at(id).created <= d; }
  bool open(long id, Date d) const {
    const auto s = status(id, d);
    return s == "not_started" || s == "in_progress";
  }
  bool overdue(long id, Date d) const { return exists(id, d) && open(id, d) && actions.at(id).due < d; }
  bool blocked(long id, Date d) const {
    if (!exists(id, d) || !open(id, d)) return false;
    const auto& deps = actions.at(id).depends_on;
    return std::any_of(deps.begin(), deps.end(), [&](long dep) { return open(dep, d); });
  }
  bool amber(long id, Date d) const {
    if (!exists(id, d) || !open(id, d) || overdue(id, d)) return false;
    return blocked(id, d) ||
           (status(id, d) == "not_started" && actions.at(id).due <= d + boost::gregorian::days(30));
  }
};

struct Expected {
  std::vector<long> new_actions, completed, newly_overdue, newly_blocked, newly_at_risk;
  std::vector<std::string> status_changes;
};

Expected expected_changes(const std::map<long, CsvAction>& actions, Date from, Date to, long partnership) {
  const Definitions at{actions};
  Expected e;
  for (const auto& [id, a] : actions) {
    if (!at.exists(id, to) || (partnership && a.partnership != partnership)) continue;
    const bool existed = at.exists(id, from);
    const std::string before = existed ? at.status(id, from) : "not_started";
    const std::string after = at.status(id, to);
    if (!existed) e.new_actions.push_back(id);
    if (before != after) e.status_changes.push_back(std::to_string(id) + ":" + before + "->" + after);
    if (after == "complete" && before != "complete") e.completed.push_back(id);
    if (at.overdue(id, to) && !at.overdue(id, from)) e.newly_overdue.push_back(id);
    if (at.blocked(id, to) && !at.blocked(id, from)) e.newly_blocked.push_back(id);
    if (at.amber(id, to) && !at.amber(id, from)) e.newly_at_risk.push_back(id);
  }
  return e;
}

std::vector<long> values(const Ids& ids) {
  std::vector<long> out;
  for (auto id : ids) out.push_back(static_cast<long>(id.value()));
  return out;
}

void check_workload_changes(long partnership) {
  const auto as_of = workload_as_of();
  // The quarter end before the as-of date: the day before its quarter began.
  const Date quarter_began(as_of.year(), static_cast<unsigned short>((as_of.month() - 1) / 3 * 3 + 1), 1);
  const Date previous_quarter_end = quarter_began - boost::gregorian::days(1);
  REQUIRE(previous_quarter_end == ymd(2024, 12, 31));

  const auto expected = expected_changes(read_csv_actions(), previous_quarter_end, as_of, partnership);
  const auto c =
      partnership ? changes_between(workload_plan(), previous_quarter_end, as_of, PartnershipId(partnership))
                  : changes_between(workload_plan(), previous_quarter_end, as_of);
  // Every list has something in it, so that each comparison can fail.
  CHECK_FALSE(expected.new_actions.empty());
  CHECK_FALSE(expected.status_changes.empty());
  CHECK_FALSE(expected.completed.empty());
  CHECK_FALSE(expected.newly_overdue.empty());
  CHECK_FALSE(expected.newly_blocked.empty());
  CHECK_FALSE(expected.newly_at_risk.empty());

  CHECK(values(c.new_actions) == expected.new_actions);
  CHECK(described(c.status_changes) == expected.status_changes);
  CHECK(values(c.completed) == expected.completed);
  CHECK(values(c.newly_overdue) == expected.newly_overdue);
  CHECK(values(c.newly_blocked) == expected.newly_blocked);
  CHECK(values(c.newly_at_risk) == expected.newly_at_risk);
  // The workload carries no revisions, assurance or meetings.
  CHECK(c.extensions.empty());
  CHECK(c.assured.empty());
  CHECK(c.escalations.empty());
}

}  // namespace

TEST_CASE("workload: changes over the quarter to the as-of date match the CSV files") {
  check_workload_changes(0);
}

TEST_CASE("workload: changes of one partnership match the CSV files") { check_workload_changes(3); }

TEST_CASE("workload: the quarter before the as-of date is the one the quarterly cycle gives") {
  ReviewCycle lis;
  lis.partnership = PartnershipId(1);
  lis.name = "LIS quarterly review";
  lis.start = ymd(2023, 1, 1);
  CHECK(previous_review(lis, workload_as_of()) == ymd(2024, 12, 31));
  CHECK(is_review_date(lis, workload_as_of()));
}

// ---- escalations -------------------------------------------------------------------------

namespace {

ReviewOutcome escalate(ActionId action, GroupId to, std::string reason) {
  ReviewOutcome o;
  o.action = action;
  o.kind = OutcomeKind::escalate;
  o.reason = std::move(reason);
  o.escalated_to = to;
  return o;
}

ReviewOutcome carry_on(ActionId action) {
  ReviewOutcome o;
  o.action = action;
  o.kind = OutcomeKind::continue_;
  o.note = "on track";
  return o;
}

ReviewId hold(Builder& b, GroupId group, Date on, std::vector<ReviewOutcome> outcomes) {
  return b.plan.record(ReviewMeeting{{}, group, on, {b.police, b.health}, "quarterly LIS", std::move(outcomes)}).id;
}

GroupId add_board(Builder& b, PartnershipId partnership) {
  return b.plan.add(Group{{}, partnership, "Safeguarding Children Partnership Board"}).id;
}

}  // namespace

TEST_CASE("escalations come from meetings held after since and on or before until") {
  Builder b;
  const auto board = add_board(b, b.area.partnership);
  const auto first = b.add_action(created, far_due);
  const auto second = b.add_action(created, far_due);
  hold(b, b.area.lis, since, {escalate(first, board, "no progress since the audit")});
  const auto april = hold(b, b.area.lis, ymd(2024, 4, 15),
                          {escalate(second, board, "agency has not attended"), carry_on(first),});
  const auto june = hold(b, b.area.lis, until, {escalate(first, board, "training still not booked")});
  hold(b, b.area.lis, until + boost::gregorian::days(1), {escalate(second, board, "after the period")});

  const auto escalations = escalations_between(b.plan, since, until);
  REQUIRE(escalations.size() == 2);
  CHECK(escalations[0].review == april);
  CHECK(escalations[0].on == ymd(2024, 4, 15));
  CHECK(escalations[0].action == second);
  CHECK(escalations[0].from == b.area.lis);
  CHECK(escalations[0].to == board);
  CHECK(escalations[0].reason == "agency has not attended");
  CHECK(escalations[1].review == june);
  CHECK(escalations[1].on == until);
  CHECK(escalations[1].action == first);
  CHECK(escalations[1].reason == "training still not booked");
}

TEST_CASE("escalations_between keeps meeting then outcome order, changes_between orders by action") {
  Builder b;
  const auto board = add_board(b, b.area.partnership);
  const auto first = b.add_action(created, far_due);
  const auto second = b.add_action(created, far_due);
  // Recorded out of date order: the June meeting first.
  hold(b, b.area.lis, ymd(2024, 6, 1), {escalate(first, board, "still stuck")});
  hold(b, b.area.lis, ymd(2024, 5, 1), {escalate(second, board, "no owner"), escalate(first, board, "stuck")});
  const auto in_meeting_order = escalations_between(b.plan, since, until);
  REQUIRE(in_meeting_order.size() == 3);
  CHECK(in_meeting_order[0].action == second);
  CHECK(in_meeting_order[1].action == first);
  CHECK(in_meeting_order[1].on == ymd(2024, 5, 1));
  CHECK(in_meeting_order[2].on == ymd(2024, 6, 1));
  const auto by_action = changes_between(b.plan, since, until).escalations;
  REQUIRE(by_action.size() == 3);
  CHECK(by_action[0].action == first);
  CHECK(by_action[0].on == ymd(2024, 5, 1));
  CHECK(by_action[1].action == first);
  CHECK(by_action[1].on == ymd(2024, 6, 1));
  CHECK(by_action[2].action == second);
}

TEST_CASE("with a partnership, only its groups' meetings give escalations") {
  Builder b;
  const auto board = add_board(b, b.area.partnership);
  const auto here = b.add_action(created, far_due);
  const auto area2 = b.add_area("Dudley Safeguarding Children Board");
  const auto board2 = add_board(b, area2.partnership);
  const auto there = b.add_action(area2, created, far_due);
  hold(b, b.area.lis, ymd(2024, 5, 1), {escalate(here, board, "stuck")});
  hold(b, area2.lis, ymd(2024, 5, 2), {escalate(there, board2, "stuck too")});
  CHECK(escalations_between(b.plan, since, until).size() == 2);
  const auto only_here = escalations_between(b.plan, since, until, b.area.partnership);
  REQUIRE(only_here.size() == 1);
  CHECK(only_here[0].action == here);
  const auto only_there = changes_between(b.plan, since, until, area2.partnership).escalations;
  REQUIRE(only_there.size() == 1);
  CHECK(only_there[0].action == there);
  CHECK(only_there[0].from == area2.lis);
  CHECK(only_there[0].to == board2);
}
