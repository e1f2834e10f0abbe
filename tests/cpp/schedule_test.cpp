// Schedule (schedule.hpp, WORKLOAD.md Q4 and Q5): earliest start and finish
// with lags and a from-date, latest finish and slack, critical paths and
// their chains, at risk beside RAG, slip and what-if-due computed
// incrementally, and the DOT picture; the 10,000-action workload against
// the reference answers.
#include "plansight/schedule.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "fixtures.hpp"
#include "workload.hpp"
#include "plansight/dot.hpp"
#include "plansight/interchange.hpp"
#include "plansight/status.hpp"

namespace fs = std::filesystem;
using namespace plansight;
using namespace plansight::testing;

namespace {

Date days_after(Date d, int n) { return d + boost::gregorian::days(n); }

const Date jan1 = ymd(2024, 1, 1);

// Adds an action created on `created` with `estimate` days, due on `due`.
ActionId add(Builder& b, Date created, int estimate, Date due) {
  Action a = b.draft(created, due);
  a.estimate_days = estimate;
  return b.plan.add(std::move(a)).id;
}

std::vector<ActionId> ids(std::initializer_list<ActionId> list) { return list; }

std::vector<ActionId> ids_of(const std::vector<SlipEffect>& effects) {
  std::vector<ActionId> out;
  for (const auto& e : effects) out.push_back(e.action);
  return out;
}

// The diamond A -> {B, C (lag 5)} -> D, every action created on 1 January:
//   A  est 10, due 03-01: 01-01 .. 01-11
//   B  est 20, due 02-15: 01-11 .. 01-31
//   C  est 10, due 01-20: 01-16 .. 01-26  (late)
//   D  est 10, due 02-20: 01-31 .. 02-10  (B determines its start)
// Latest finishes: D 02-20, B min(02-15, 02-10) = 02-10, C 01-20,
// A min(03-01, 02-10 - 20, 01-20 - 10 - 5) = 01-05.
struct Diamond {
  Builder b;
  ActionId a, bb, c, d;
  Diamond() {
    a = add(b, jan1, 10, ymd(2024, 3, 1));
    bb = add(b, jan1, 20, ymd(2024, 2, 15));
    c = add(b, jan1, 10, ymd(2024, 1, 20));
    d = add(b, jan1, 10, ymd(2024, 2, 20));
    b.plan.add_dependency(bb, a);
    b.plan.add_dependency(c, a, 5);
    b.plan.add_dependency(d, bb);
    b.plan.add_dependency(d, c);
  }
};

// ---- the generated 10,000-action workload ----------------------------------------------------

const Schedule& workload_schedule() {
  static const Schedule s = schedule(workload_plan());
  return s;
}


// The workload read again with one action's estimate `days` longer:
// actions.csv rewritten (estimate_days is the third field from the end, and
// the last three never hold a comma).
Plan workload_with_longer_estimate(ActionId action, int days, const fs::path& dir) {
  fs::create_directories(dir);
  for (const auto& name : workload_files()) fs::copy_file(workload_dir / name, dir / name);
  std::istringstream in(slurp(workload_dir / "actions.csv"));
  std::ostringstream out;
  const std::string prefix = std::to_string(action.value()) + ",";
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(prefix, 0) == 0) {
      const auto status_at_field = line.rfind(',', line.rfind(',') - 1);
      const auto estimate_at = line.rfind(',', status_at_field - 1) + 1;
      const int estimate = std::stoi(line.substr(estimate_at, status_at_field - estimate_at));
      line = line.substr(0, estimate_at) + std::to_string(estimate + days) + line.substr(status_at_field);
    }
    out << line << '\n';
  }
  std::ofstream(dir / "actions.csv", std::ios::binary | std::ios::trunc) << out.str();
  return read_workload(dir.string(), Plan()).plan;
}

// The action of partnership 2 that most others depend on.
ActionId most_depended_on() {
  std::map<ActionId, int> dependents;
  for (const auto& d : workload_plan().dependencies())
    if (workload_plan().action(d.depends_on).partnership == PartnershipId(2)) ++dependents[d.depends_on];
  REQUIRE_FALSE(dependents.empty());
  return std::max_element(dependents.begin(), dependents.end(),
                          [](const auto& a, const auto& b) { return a.second < b.second; })
      ->first;
}

// ---- random plans for comparing incremental and full ------------------------------------------

// A plan of `n` actions over two audits in one partnership, with random
// creation dates, estimates, statuses, dependencies (mostly on earlier
// actions) and lags; action number `bumped` (0-based) gets `extra` more days
// of estimate. Without `later_prerequisites`, every action waits only for
// actions added before it, so that the plan's order is a topological one.
Plan random_plan(unsigned seed, int n, int bumped, int extra, bool later_prerequisites = true) {
  std::mt19937 rng(seed);
  const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Builder b;
  Audit second = b.plan.audit(b.area.audit);
  second.id = AuditId();
  second.title = "Learning themes audit: neglect";
  const AuditId other = b.plan.add(second).id;
  std::vector<ActionId> added;
  for (int i = 0; i < n; ++i) {
    const Date created = days_after(jan1, pick(0, 200));
    Action a = b.draft(created, days_after(created, pick(0, 150)));
    a.audit = pick(0, 3) == 0 ? other : b.area.audit;
    a.finding.reset();
    a.estimate_days = pick(0, 60) + (i == bumped ? extra : 0);
    const ActionId id = b.plan.add(std::move(a)).id;
    for (int k = pick(0, 3); k > 0 && i > 0; --k) {
      const ActionId on = added[static_cast<std::size_t>(pick(std::max(0, i - 40), i - 1))];
      const auto& deps = b.plan.action(id).depends_on;
      if (std::none_of(deps.begin(), deps.end(), [&](const Dependency& d) { return d.depends_on == on; }))
        b.plan.add_dependency(id, on, pick(0, 3) == 0 ? pick(1, 10) : 0);
    }
    const int state = pick(0, 9);
    if (state < 3) b.set_status(id, days_after(created, 1), Status::complete);
    if (state == 3) b.set_status(id, days_after(created, 1), Status::in_progress);
    if (state == 4) b.set_status(id, days_after(created, 1), Status::cancelled, "superseded");
    added.push_back(id);
  }
  // Some actions also wait for ones added after them, so that the plan's
  // order is not a topological one.
  for (int k = 0; later_prerequisites && k < n / 5; ++k) {
    const auto early = static_cast<std::size_t>(pick(0, n - 2));
    const auto late = static_cast<std::size_t>(pick(static_cast<int>(early) + 1, n - 1));
    try {
      b.plan.add_dependency(added[early], added[late], pick(0, 5));
    } catch (const CycleError&) {
    } catch (const ConflictError&) {
    }
  }
  return std::move(b.plan);
}

// Earliest finish and latest finish (day numbers) by the definitions at the
// top of schedule.hpp, relaxed over the dependencies until nothing changes:
// no order, no graph, nothing the library's passes share.
struct DefinedTimes {
  std::map<ActionId, long> finish, latest;
};

long day_number(Date d) { return static_cast<long>(d.day_number()); }

DefinedTimes times_by_definition(const Plan& plan) {
  DefinedTimes t;
  for (const auto& a : plan.actions()) {
    t.finish[a.id] = day_number(a.created_on) + a.estimate_days;
    t.latest[a.id] = day_number(a.due_revisions.empty() ? a.due_on : a.due_revisions.back().new_due);
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& d : plan.dependencies()) {
      const long estimate = plan.action(d.action).estimate_days;
      const long start = t.finish[d.depends_on] + d.lag_days;
      if (start + estimate > t.finish[d.action]) t.finish[d.action] = start + estimate, changed = true;
      const long latest = t.latest[d.action] - estimate - d.lag_days;
      if (latest < t.latest[d.depends_on]) t.latest[d.depends_on] = latest, changed = true;
    }
  }
  return t;
}

// Checks every action's dates in `s` against times_by_definition, and that
// each driver is a prerequisite whose finish plus lag is the start.
void check_against_definition(const Plan& plan, const Schedule& s) {
  const DefinedTimes defined = times_by_definition(plan);
  REQUIRE(s.actions().size() == plan.actions().size());
  for (std::size_t i = 0; i < plan.actions().size(); ++i) {
    const Action& a = plan.actions()[i];
    const ActionTiming& t = s.actions()[i];
    INFO("action " << a.id);
    REQUIRE(t.id == a.id);
    CHECK(day_number(t.earliest_finish) == defined.finish.at(a.id));
    CHECK(day_number(t.earliest_start) == defined.finish.at(a.id) - a.estimate_days);
    CHECK(day_number(t.latest_finish) == defined.latest.at(a.id));
    CHECK(t.slack_days == defined.latest.at(a.id) - defined.finish.at(a.id));
    if (!t.driver) {
      CHECK(t.earliest_start == a.created_on);
      continue;
    }
    const auto d = std::find_if(a.depends_on.begin(), a.depends_on.end(),
                                [&](const Dependency& dep) { return dep.depends_on == *t.driver; });
    REQUIRE(d != a.depends_on.end());
    CHECK(s.action(*t.driver).earliest_finish + boost::gregorian::days(d->lag_days) == t.earliest_start);
  }
}

// Checks that slipping action number `bumped` by `extra` days moves exactly
// the finishes that a full schedule of the plan with the longer estimate has;
// returns how many moved and how many of them became late.
std::pair<std::size_t, std::size_t> check_slip_equals_full(unsigned seed, int bumped, int extra,
                                                           ScheduleOptions options) {
  const Plan before = random_plan(seed, 300, bumped, 0);
  const Plan after = random_plan(seed, 300, bumped, extra);
  const Schedule old_schedule = schedule(before, options);
  const Schedule full = schedule(after, options);
  const ActionId slipped = before.actions()[static_cast<std::size_t>(bumped)].id;
  const SlipImpact impact = slip(before, old_schedule, slipped, extra);
  INFO("seed " << seed << ", action " << slipped << ", " << extra << " days");
  CHECK(impact.new_finish == full.action(slipped).earliest_finish);
  std::vector<ActionId> moved, late;
  for (std::size_t i = 0; i < full.actions().size(); ++i) {
    const auto& was = old_schedule.actions()[i];
    const auto& now = full.actions()[i];
    if (now.id == slipped || now.earliest_finish == was.earliest_finish) continue;
    moved.push_back(now.id);
    if (now.earliest_finish > now.due_on && was.earliest_finish <= was.due_on) late.push_back(now.id);
  }
  CHECK(ids_of(impact.moved) == moved);
  CHECK(ids_of(impact.newly_late) == late);
  for (const auto& e : impact.moved) {
    CHECK(e.old_finish == old_schedule.action(e.action).earliest_finish);
    CHECK(e.new_finish == full.action(e.action).earliest_finish);
  }
  return {impact.moved.size(), impact.newly_late.size()};
}

}  // namespace

// ---- the reference answers ------------------------------------------------------------------

TEST_CASE("Q4: earliest finish of every action and critical path of every partnership equal the reference") {
  const Plan& plan = workload_plan();
  const Schedule& s = workload_schedule();
  std::vector<std::string> lines;
  for (const auto& t : s.actions())
    lines.push_back("a," + std::to_string(t.id.value()) + "," + to_iso(t.earliest_finish));
  for (const auto& p : plan.partnerships())
    lines.push_back("p," + std::to_string(p.id.value()) + "," + std::to_string(s.critical_path(p.id).days));
  const auto reference = reference_lines("q4");
  CHECK(lines.size() == reference.size());
  CHECK(sorted(lines) == reference);
}

TEST_CASE("Q5: the actions a slip of the given action newly makes late equal the reference") {
  const ActionId action(std::stoll(meta_value("slip_action_id")));
  const int days = std::stoi(meta_value("slip_days"));
  REQUIRE(action == ActionId(394));
  REQUIRE(days == 30);
  const SlipImpact impact = slip(workload_plan(), workload_schedule(), action, days);
  std::vector<std::string> lines;
  for (const auto& e : impact.newly_late) {
    lines.push_back(std::to_string(e.action.value()));
    CHECK(e.new_finish > e.due_on);
    CHECK(e.old_finish <= e.due_on);
  }
  CHECK(sorted(lines) == reference_lines("q5"));
}

TEST_CASE("a slip on the workload equals scheduling it afresh with the longer estimate") {
  const fs::path dir =
      fs::temp_directory_path() / ("plansight-slip-" + std::to_string(std::random_device()()));
  for (const auto& [action, days] : {std::pair{ActionId(394), 30}, std::pair{most_depended_on(), 45}}) {
    const Plan longer = workload_with_longer_estimate(action, days, dir / std::to_string(action.value()));
    const Schedule full = schedule(longer);
    const SlipImpact impact = slip(workload_plan(), workload_schedule(), action, days);
    INFO("action " << action);
    std::size_t moved = 0;
    for (std::size_t i = 0; i < full.actions().size(); ++i)
      if (full.actions()[i].id != action &&
          full.actions()[i].earliest_finish != workload_schedule().actions()[i].earliest_finish)
        ++moved;
    CHECK(impact.moved.size() == moved);
    CHECK(moved > 0);
    for (const auto& e : impact.moved) CHECK(e.new_finish == full.action(e.action).earliest_finish);
  }
  fs::remove_all(dir);
}

// ---- earliest dates ---------------------------------------------------------------------------

TEST_CASE("an action starts when its prerequisite finishes plus the lag, or when created if later") {
  Builder b;
  const auto a = add(b, jan1, 10, ymd(2024, 6, 30));
  const auto lagged = add(b, jan1, 5, ymd(2024, 6, 30));
  const auto later = add(b, ymd(2024, 1, 20), 5, ymd(2024, 6, 30));
  b.plan.add_dependency(lagged, a, 7);
  b.plan.add_dependency(later, a);
  const Schedule s = schedule(b.plan);
  CHECK(s.action(a).earliest_start == jan1);
  CHECK(s.action(a).earliest_finish == ymd(2024, 1, 11));
  CHECK(s.action(lagged).earliest_start == ymd(2024, 1, 18));
  CHECK(s.action(lagged).earliest_finish == ymd(2024, 1, 23));
  CHECK(s.action(lagged).driver == std::optional<ActionId>(a));
  CHECK(s.action(later).earliest_start == ymd(2024, 1, 20));
  CHECK(s.action(later).earliest_finish == ymd(2024, 1, 25));
  CHECK_FALSE(s.action(later).driver.has_value());
}

TEST_CASE("a prerequisite added after the action that waits for it is scheduled first") {
  Builder b;
  const auto waits = add(b, jan1, 5, ymd(2024, 6, 30));
  const auto first = add(b, jan1, 10, ymd(2024, 6, 30));
  const auto last = add(b, jan1, 1, ymd(2024, 6, 30));
  b.plan.add_dependency(waits, first);
  b.plan.add_dependency(last, waits);
  const Schedule s = schedule(b.plan);
  CHECK(s.action(first).earliest_finish == ymd(2024, 1, 11));
  CHECK(s.action(waits).earliest_finish == ymd(2024, 1, 16));
  CHECK(s.action(last).earliest_finish == ymd(2024, 1, 17));
  CHECK(s.critical_path(b.area.partnership).chain == ids({first, waits, last}));
  CHECK(ids_of(slip(b.plan, s, first, 2).moved) == ids({waits, last}));
}

TEST_CASE("every date of random plans equals the definition, in plan order or not") {
  for (const bool later_prerequisites : {false, true})
    for (unsigned seed = 1; seed <= 6; ++seed) {
      INFO("seed " << seed << (later_prerequisites ? ", some prerequisites added later" : ", plan order"));
      const Plan plan = random_plan(seed, 300, 0, 0, later_prerequisites);
      check_against_definition(plan, schedule(plan));
    }
}

TEST_CASE("a prerequisite finishing on the creation date determines the start") {
  Builder b;
  const auto a = add(b, jan1, 10, ymd(2024, 6, 30));
  const auto c = add(b, ymd(2024, 1, 11), 5, ymd(2024, 6, 30));
  b.plan.add_dependency(c, a);
  const Schedule s = schedule(b.plan);
  CHECK(s.action(c).earliest_start == ymd(2024, 1, 11));
  CHECK(s.action(c).driver == std::optional<ActionId>(a));
}

TEST_CASE("from a date, open actions start no earlier, complete, cancelled and later ones keep their dates") {
  Builder b;
  const Date from = ymd(2024, 6, 30);
  const auto open = add(b, jan1, 10, ymd(2024, 12, 31));
  const auto done = add(b, jan1, 10, ymd(2024, 12, 31));
  const auto cancelled = add(b, jan1, 10, ymd(2024, 12, 31));
  const auto created_later = add(b, ymd(2024, 8, 1), 10, ymd(2024, 12, 31));
  const auto after_done = add(b, jan1, 10, ymd(2024, 12, 31));
  const auto after_open = add(b, jan1, 10, ymd(2024, 12, 31));
  b.set_status(done, ymd(2024, 3, 1), Status::complete);
  b.set_status(cancelled, ymd(2024, 3, 1), Status::cancelled, "superseded by the new strategy");
  b.set_status(after_done, ymd(2024, 3, 1), Status::in_progress);
  b.plan.add_dependency(after_done, done);
  b.plan.add_dependency(after_open, open, 3);
  const Schedule s = schedule(b.plan, {from});
  CHECK(s.from() == std::optional<Date>(from));
  CHECK(s.action(open).earliest_start == from);
  CHECK(s.action(open).earliest_finish == ymd(2024, 7, 10));
  CHECK(s.action(done).earliest_start == jan1);
  CHECK(s.action(cancelled).earliest_start == jan1);
  CHECK(s.action(created_later).earliest_start == ymd(2024, 8, 1));
  CHECK(s.action(after_done).earliest_start == from);
  CHECK_FALSE(s.action(after_done).driver.has_value());
  CHECK(s.action(after_open).earliest_start == ymd(2024, 7, 13));
  // Without a from-date the plan's own dates hold (Q4).
  CHECK(schedule(b.plan).action(open).earliest_start == jan1);
}

TEST_CASE("the due date used is the latest revision, or the one in force at the from-date") {
  Builder b;
  const auto a = add(b, jan1, 10, ymd(2024, 6, 30));
  b.revise_due(a, ymd(2024, 5, 1), ymd(2024, 9, 30));
  CHECK(schedule(b.plan).action(a).due_on == ymd(2024, 9, 30));
  CHECK(schedule(b.plan, {ymd(2024, 4, 30)}).action(a).due_on == ymd(2024, 6, 30));
  CHECK(schedule(b.plan, {ymd(2024, 5, 1)}).action(a).due_on == ymd(2024, 9, 30));
}

// ---- latest finish, slack, critical paths ---------------------------------------------------------

TEST_CASE("latest finish and slack, hand-computed on a diamond") {
  const Diamond p;
  const Schedule s = schedule(p.b.plan);
  const auto& d = s.action(p.d);
  CHECK(d.earliest_start == ymd(2024, 1, 31));
  CHECK(d.earliest_finish == ymd(2024, 2, 10));
  CHECK(d.driver == std::optional<ActionId>(p.bb));
  CHECK(d.latest_finish == ymd(2024, 2, 20));
  CHECK(d.slack_days == 10);
  CHECK(s.action(p.bb).latest_finish == ymd(2024, 2, 10));
  CHECK(s.action(p.bb).slack_days == 10);
  CHECK(s.action(p.c).earliest_finish == ymd(2024, 1, 26));
  CHECK(s.action(p.c).latest_finish == ymd(2024, 1, 20));
  CHECK(s.action(p.c).slack_days == -6);
  CHECK(s.action(p.a).latest_finish == ymd(2024, 1, 5));
  CHECK(s.action(p.a).slack_days == -6);
}

TEST_CASE("the critical path is the chain that ends last, not merely the longest in actions") {
  Builder b;
  const auto x1 = add(b, jan1, 10, ymd(2024, 12, 31));
  const auto x2 = add(b, jan1, 10, ymd(2024, 12, 31));
  const auto x3 = add(b, jan1, 10, ymd(2024, 12, 31));
  const auto y1 = add(b, jan1, 20, ymd(2024, 12, 31));
  const auto y2 = add(b, jan1, 25, ymd(2024, 12, 31));
  b.plan.add_dependency(x2, x1);
  b.plan.add_dependency(x3, x2);
  b.plan.add_dependency(y2, y1);
  const CriticalPath path = schedule(b.plan).critical_path(b.area.partnership);
  CHECK(path.chain == ids({y1, y2}));
  CHECK(path.start == jan1);
  CHECK(path.finish == ymd(2024, 2, 15));
  CHECK(path.days == 45);

  SUBCASE("a lag can make the other chain critical") {
    const auto w = add(b, jan1, 5, ymd(2024, 12, 31));
    b.plan.add_dependency(w, y2);
    b.plan.add_dependency(w, x3, 20);
    const Schedule s = schedule(b.plan);
    const CriticalPath longer = s.critical_path(b.area.partnership);
    CHECK(longer.chain == ids({x1, x2, x3, w}));
    CHECK(longer.finish == ymd(2024, 2, 25));
    CHECK(longer.days == 55);
    CHECK(s.critical_path(b.area.audit).chain == longer.chain);
    CHECK(s.forecast_completion(b.area.audit) == ymd(2024, 2, 25));
  }
}

TEST_CASE("an audit's critical chain stops where a prerequisite belongs to another audit") {
  Builder b;
  Audit second = b.plan.audit(b.area.audit);
  second.id = AuditId();
  second.title = "Re-audit: domestic abuse";
  const AuditId reaudit = b.plan.add(second).id;
  const auto first = add(b, jan1, 30, ymd(2024, 12, 31));
  Action follow_up = b.draft(ymd(2024, 1, 10), ymd(2024, 12, 31));
  follow_up.audit = reaudit;
  follow_up.finding.reset();
  follow_up.estimate_days = 20;
  const auto then = b.plan.add(follow_up).id;
  b.plan.add_dependency(then, first);
  const Schedule s = schedule(b.plan);
  CHECK(s.critical_path(b.area.partnership).chain == ids({first, then}));
  const CriticalPath audit_path = s.critical_path(reaudit);
  CHECK(audit_path.chain == ids({then}));
  CHECK(audit_path.start == ymd(2024, 1, 10));
  CHECK(audit_path.finish == ymd(2024, 2, 20));
  CHECK(audit_path.days == 41);
  CHECK(s.forecast_completion(reaudit) == ymd(2024, 2, 20));
  CHECK(s.forecast_completion(b.area.audit) == ymd(2024, 1, 31));
}

TEST_CASE("a plan with no dependencies: each action finishes its estimate after creation") {
  Builder b;
  const auto a = add(b, jan1, 10, ymd(2024, 1, 5));
  const auto c = add(b, ymd(2024, 2, 1), 30, ymd(2024, 6, 30));
  const auto d = add(b, ymd(2024, 3, 1), 0, ymd(2024, 3, 1));
  const Schedule s = schedule(b.plan);
  CHECK(s.action(a).earliest_finish == ymd(2024, 1, 11));
  CHECK(s.action(a).slack_days == -6);
  CHECK(s.action(c).earliest_start == ymd(2024, 2, 1));
  CHECK(s.action(c).earliest_finish == ymd(2024, 3, 2));
  CHECK(s.action(c).latest_finish == ymd(2024, 6, 30));
  CHECK(s.action(d).earliest_finish == ymd(2024, 3, 1));
  CHECK(s.action(d).slack_days == 0);
  for (const auto& t : s.actions()) CHECK_FALSE(t.driver.has_value());
  const CriticalPath path = s.critical_path(b.area.partnership);
  CHECK(path.chain == ids({c}));
  CHECK(path.days == 61);
  CHECK(slip(b.plan, s, a, 30).moved.empty());
}

TEST_CASE("an empty plan has an empty schedule") {
  const Plan empty;
  const Schedule s = schedule(empty);
  CHECK(s.actions().empty());
  CHECK(s.find(ActionId(1)) == nullptr);
  CHECK(at_risk(empty, s, jan1).empty());
  CHECK_REFUSED(empty, s.critical_path(PartnershipId(1)), NotFoundError, "partnership 1");
  CHECK_REFUSED(empty, slip(empty, s, ActionId(1), 5), NotFoundError, "action 1");

  SUBCASE("a partnership and an audit without actions have an empty critical path") {
    const Builder b;
    const Schedule none = schedule(b.plan);
    const CriticalPath path = none.critical_path(b.area.partnership);
    CHECK(path.chain.empty());
    CHECK(path.days == 0);
    CHECK(path.finish.is_not_a_date());
    CHECK(none.critical_path(b.area.audit).chain.empty());
    CHECK(none.forecast_completion(b.area.audit).is_not_a_date());
  }
}

TEST_CASE("lookups by an unknown id are refused, naming it") {
  const Diamond p;
  const Schedule s = schedule(p.b.plan);
  CHECK(s.index_of(p.c) == 2);
  CHECK(&s.action(p.c) == &s.actions()[2]);
  CHECK(s.find(ActionId(99)) == nullptr);
  CHECK_REFUSED(p.b.plan, s.action(ActionId(99)), NotFoundError, "action 99");
  CHECK_REFUSED(p.b.plan, s.critical_path(PartnershipId(42)), NotFoundError, "partnership 42");
  CHECK_REFUSED(p.b.plan, s.critical_path(AuditId(42)), NotFoundError, "audit 42");
  CHECK_REFUSED(p.b.plan, s.forecast_completion(AuditId(42)), NotFoundError, "audit 42");
}

TEST_CASE("actions with ids far apart are scheduled as densely numbered ones are") {
  Builder b;
  Action first = b.draft(jan1, ymd(2024, 6, 30));
  first.id = ActionId(7);
  first.estimate_days = 10;
  Action far = b.draft(jan1, ymd(2024, 6, 30));
  far.id = ActionId(5'000'000'000);
  far.estimate_days = 5;
  b.plan.add(first);
  b.plan.add(far);
  b.plan.add_dependency(far.id, first.id, 2);
  const Schedule s = schedule(b.plan);
  CHECK(s.index_of(far.id) == 1);
  CHECK(s.action(far.id).earliest_finish == ymd(2024, 1, 18));
  CHECK(s.action(far.id).driver == std::optional<ActionId>(first.id));
  CHECK(s.find(ActionId(8)) == nullptr);
  CHECK(ids_of(slip(b.plan, s, first.id, 3).moved) == ids({far.id}));
}

// ---- at risk ------------------------------------------------------------------------------------------

TEST_CASE("an open action forecast to finish after its due date is at risk while still GREEN") {
  Builder b;
  const Date as_of = ymd(2024, 6, 30);
  const auto long_job = add(b, jan1, 120, ymd(2024, 9, 30));
  const auto on_track = add(b, jan1, 60, ymd(2024, 9, 30));
  const auto done = add(b, jan1, 400, ymd(2024, 9, 30));
  const auto not_yet = add(b, ymd(2024, 7, 1), 400, ymd(2024, 9, 30));
  b.set_status(long_job, ymd(2024, 3, 1), Status::in_progress);
  b.set_status(on_track, ymd(2024, 3, 1), Status::in_progress);
  b.set_status(done, ymd(2024, 3, 1), Status::complete);
  const Schedule forecast = schedule(b.plan, {as_of});
  CHECK(forecast.action(long_job).earliest_finish == ymd(2024, 10, 28));
  CHECK(rag_at(b.plan, long_job, as_of) == Rag::green);
  CHECK(at_risk(b.plan, forecast, as_of) == ids({long_job}));
  CHECK(rag_at(b.plan, long_job, as_of) == Rag::green);  // reported beside RAG, never changing it
  // On the plan's own dates (no from-date) it would have finished in April.
  CHECK(at_risk(b.plan, schedule(b.plan), as_of).empty());
  CHECK(at_risk(b.plan, schedule(b.plan, {ymd(2024, 7, 1)}), ymd(2024, 7, 1)) == ids({long_job, not_yet}));
}

TEST_CASE("at risk uses the due date in force at the date asked about") {
  Builder b;
  const auto a = add(b, jan1, 200, ymd(2024, 6, 30));
  b.revise_due(a, ymd(2024, 2, 1), ymd(2024, 12, 31));
  const Schedule s = schedule(b.plan);
  CHECK(at_risk(b.plan, s, ymd(2024, 1, 31)) == ids({a}));
  CHECK(at_risk(b.plan, s, ymd(2024, 2, 1)).empty());
}

// ---- slip --------------------------------------------------------------------------------------------

TEST_CASE("a slip moves what lies downstream and reports what newly misses its due date") {
  const Diamond p;
  const Schedule s = schedule(p.b.plan);
  const SlipImpact small = slip(p.b.plan, s, p.a, 5);
  CHECK(small.old_finish == ymd(2024, 1, 11));
  CHECK(small.new_finish == ymd(2024, 1, 16));
  CHECK(ids_of(small.moved) == ids({p.bb, p.c, p.d}));
  CHECK(small.newly_late.empty());  // C was late already
  const SlipImpact bigger = slip(p.b.plan, s, p.a, 11);
  REQUIRE(bigger.newly_late.size() == 1);
  const SlipEffect& d = bigger.newly_late.front();
  CHECK(d.action == p.d);
  CHECK(d.old_finish == ymd(2024, 2, 10));
  CHECK(d.new_finish == ymd(2024, 2, 21));
  CHECK(d.due_on == ymd(2024, 2, 20));
  CHECK(s.action(p.d).earliest_finish == ymd(2024, 2, 10));  // the schedule is unchanged
  // C is not on D's driving chain: its slip is absorbed while it finishes no later than B.
  const SlipImpact absorbed = slip(p.b.plan, s, p.c, 5);
  CHECK(absorbed.moved.empty());
  CHECK(slip(p.b.plan, s, p.d, 30).moved.empty());
  CHECK(slip(p.b.plan, s, p.a, 0).moved.empty());
}

TEST_CASE("a slip is refused for an unknown action, negative days or another plan's schedule") {
  const Diamond p;
  const Schedule s = schedule(p.b.plan);
  CHECK_REFUSED(p.b.plan, slip(p.b.plan, s, ActionId(99), 5), NotFoundError, "action 99");
  CHECK_REFUSED(p.b.plan, slip(p.b.plan, s, p.a, -1), ValidationError, "days", "-1");
  const Plan other;
  CHECK_REFUSED(other, slip(other, s, p.a, 5), ValidationError, "schedule", "4 actions");
  CHECK_REFUSED(other, at_risk(other, s, jan1), ValidationError, "schedule");
}

TEST_CASE("an incremental slip equals a full schedule with the estimate increased") {
  std::size_t moved = 0, late = 0;
  for (const unsigned seed : {1u, 2u, 3u})
    for (const int bumped : {0, 7, 42, 150, 299})
      for (const auto& [days, options] :
           {std::pair{17, ScheduleOptions{}}, std::pair{60, ScheduleOptions{ymd(2024, 5, 1)}}}) {
        const auto [m, l] = check_slip_equals_full(seed, bumped, days, options);
        moved += m;
        late += l;
      }
  // The comparison covered real cascades, not only slips that move nothing.
  CHECK(moved > 100);
  CHECK(late > 10);
}

// ---- what if the due date moves -------------------------------------------------------------------

TEST_CASE("what if a due date moves: latest finish and slack of the action and its prerequisites") {
  const Diamond p;
  const Schedule s = schedule(p.b.plan);

  SUBCASE("earlier: the action and the chain driving it become late") {
    const DueImpact impact = what_if_due(p.b.plan, s, p.d, ymd(2024, 2, 5));
    CHECK(impact.old_due == ymd(2024, 2, 20));
    CHECK(impact.new_due == ymd(2024, 2, 5));
    CHECK(impact.forecast_finish == ymd(2024, 2, 10));
    CHECK(impact.late);
    REQUIRE(impact.changed.size() == 2);
    CHECK(impact.changed[0].action == p.d);
    CHECK(impact.changed[0].new_latest_finish == ymd(2024, 2, 5));
    CHECK(impact.changed[0].new_slack_days == -5);
    CHECK(impact.changed[1].action == p.bb);
    CHECK(impact.changed[1].old_latest_finish == ymd(2024, 2, 10));
    CHECK(impact.changed[1].new_latest_finish == ymd(2024, 1, 26));
    CHECK(impact.changed[1].old_slack_days == 10);
    CHECK(impact.changed[1].new_slack_days == -5);
    CHECK(impact.newly_late == ids({p.bb, p.d}));
    CHECK(impact.no_longer_late.empty());
  }
  SUBCASE("later: the late action and its prerequisite recover") {
    const DueImpact impact = what_if_due(p.b.plan, s, p.c, ymd(2024, 1, 31));
    CHECK_FALSE(impact.late);
    REQUIRE(impact.changed.size() == 2);
    CHECK(impact.changed[0].action == p.c);
    CHECK(impact.changed[0].new_slack_days == 5);
    CHECK(impact.changed[1].action == p.a);
    CHECK(impact.changed[1].new_latest_finish == ymd(2024, 1, 16));
    CHECK(impact.changed[1].new_slack_days == 5);
    CHECK(impact.newly_late.empty());
    CHECK(impact.no_longer_late == ids({p.a, p.c}));
  }
  SUBCASE("a later due date that downstream actions still bind changes nothing") {
    const DueImpact impact = what_if_due(p.b.plan, s, p.bb, ymd(2024, 3, 31));
    CHECK(impact.changed.empty());
    CHECK_FALSE(impact.late);
  }
  SUBCASE("refusals") {
    CHECK_REFUSED(p.b.plan, what_if_due(p.b.plan, s, ActionId(99), jan1), NotFoundError, "action 99");
    CHECK_REFUSED(p.b.plan, what_if_due(p.b.plan, s, p.a, Date()), ValidationError, "new_due");
  }
}

TEST_CASE("what_if_due agrees with a full schedule of a plan with that due date") {
  const Diamond p;
  Builder b;
  const auto a = add(b, jan1, 10, ymd(2024, 3, 1));
  const auto bb = add(b, jan1, 20, ymd(2024, 2, 15));
  const auto c = add(b, jan1, 10, ymd(2024, 1, 20));
  const auto d = add(b, jan1, 10, ymd(2024, 2, 20));
  b.revise_due(d, jan1, ymd(2024, 1, 25));
  b.plan.add_dependency(bb, a);
  b.plan.add_dependency(c, a, 5);
  b.plan.add_dependency(d, bb);
  b.plan.add_dependency(d, c);
  const Schedule revised = schedule(b.plan);
  const DueImpact impact = what_if_due(p.b.plan, schedule(p.b.plan), p.d, ymd(2024, 1, 25));
  for (const auto& change : impact.changed) {
    CHECK(change.new_latest_finish == revised.action(change.action).latest_finish);
    CHECK(change.new_slack_days == revised.action(change.action).slack_days);
  }
  CHECK(impact.changed.size() == 4);
}

// ---- the picture ------------------------------------------------------------------------------------

TEST_CASE("DOT: nodes with RAG colours, lagged edges, at risk and the critical path in bold") {
  Builder b;
  const Date as_of = ymd(2024, 6, 30);
  const auto overdue = add(b, jan1, 10, ymd(2024, 3, 1));
  const auto blocked = add(b, jan1, 120, ymd(2024, 12, 31));
  const auto done = add(b, jan1, 5, ymd(2024, 3, 1));
  const auto green = add(b, jan1, 100, ymd(2024, 9, 30));
  b.set_status(overdue, ymd(2024, 2, 1), Status::in_progress);
  b.set_status(done, ymd(2024, 2, 1), Status::complete);
  b.set_status(green, ymd(2024, 2, 1), Status::in_progress);
  b.plan.add_dependency(blocked, overdue, 2);
  const Schedule s = schedule(b.plan, {as_of});
  const std::string dot = to_dot(b.plan, s, as_of, b.area.partnership);
  INFO(dot);
  const std::string title = "Refresh voice of the child training";
  CHECK(dot.rfind("digraph G {\n", 0) == 0);
  CHECK(dot.find("rankdir=LR;") != std::string::npos);
  CHECK(dot.find("1[label=\"#1 " + title + "\\ndue 2024-03-01, forecast 2024-07-10\\nAT RISK\", "
                 "fillcolor=\"red\", style=\"filled,bold\", penwidth=3, color=red];") != std::string::npos);
  CHECK(dot.find("2[label=\"#2 " + title + "\\ndue 2024-12-31, forecast 2024-11-09\", "
                 "fillcolor=\"#ffbf00\", style=\"filled,bold\", penwidth=3];") != std::string::npos);
  CHECK(dot.find("3[label=\"#3 " + title + "\\ndue 2024-03-01, forecast 2024-01-06\", "
                 "fillcolor=\"lightblue\", style=\"filled\"];") != std::string::npos);
  CHECK(dot.find("4[label=\"#4 " + title + "\\ndue 2024-09-30, forecast 2024-10-08\\nAT RISK\", "
                 "fillcolor=\"green\", style=\"filled\", color=red];") != std::string::npos);
  CHECK(dot.find("1->2 [label=\"+2 d\", style=bold, penwidth=3];") != std::string::npos);
  CHECK(dot.find("critical path 313 days") != std::string::npos);
  CHECK(rag_at(b.plan, green, as_of) == Rag::green);
  CHECK(dot.substr(dot.size() - 2) == "}\n");
}

TEST_CASE("DOT of an audit draws a prerequisite from another audit dashed, quotes are escaped") {
  Builder b;
  Audit second = b.plan.audit(b.area.audit);
  second.id = AuditId();
  second.title = "Re-audit \"DA\"";
  const AuditId reaudit = b.plan.add(second).id;
  const auto first = add(b, jan1, 30, ymd(2024, 12, 31));
  b.set_status(first, ymd(2024, 2, 1), Status::cancelled, "superseded");
  Action follow_up = b.draft(jan1, ymd(2024, 12, 31));
  follow_up.audit = reaudit;
  follow_up.finding.reset();
  follow_up.title = "Check \"flags\"\nagain";
  const auto then = b.plan.add(follow_up).id;
  b.plan.add_dependency(then, first);
  const Schedule s = schedule(b.plan);
  const std::string dot = to_dot(b.plan, s, ymd(2024, 3, 1), reaudit);
  INFO(dot);
  CHECK(dot.find("Re-audit \\\"DA\\\"") != std::string::npos);
  CHECK(dot.find("#2 Check \\\"flags\\\" again\\n") != std::string::npos);
  CHECK(dot.find("1[label=") != std::string::npos);
  CHECK(dot.find("fillcolor=\"grey\", style=\"filled,dashed\"]") != std::string::npos);
  CHECK(dot.find("1->2 [];") != std::string::npos);
  CHECK_REFUSED(b.plan, to_dot(b.plan, s, jan1, AuditId(99)), NotFoundError, "audit 99");
  CHECK_REFUSED(b.plan, to_dot(b.plan, s, jan1, PartnershipId(99)), NotFoundError, "partnership 99");
}
