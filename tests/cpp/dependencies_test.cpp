// Dependency queries (dependencies.hpp): blocked actions and their blockers,
// what each action holds up, topological order and what is ready to start,
// on a small plan computed by hand, on edge cases, and against status.hpp on
// the generated 10,000-action workload.
#include "plansight/dependencies.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <unordered_map>

#include "fixtures.hpp"
#include "plansight/interchange.hpp"
#include "plansight/status.hpp"

using namespace plansight;
using namespace plansight::testing;

namespace {

const Date due = ymd(2024, 12, 31);
const Date before_guidance = ymd(2024, 2, 15);
const Date review = ymd(2024, 4, 30);
const Date summer = ymd(2024, 7, 1);

std::vector<ActionId> ids(std::initializer_list<int> values) {
  std::vector<ActionId> out;
  for (int v : values) out.push_back(ActionId(v));
  return out;
}

// Six actions of one audit and a seventh created in June:
//   1 guidance       waits for 6                     complete 2024-03-31
//   2 training       waits for 1                     in progress from 2024-03-31
//   3 booking        waits for 1                     not started
//   4 attendance     waits for 2 and 3 (that order)  not started
//   5 board briefing waits for 4                     not started
//   6 funding        -                               in progress from 2024-02-10
//   7 re-audit       waits for 6, created 2024-06-01 not started
struct Example {
  Builder b;
  Example() {
    for (int i = 1; i <= 6; ++i) b.add_action(ymd(2024, 2, 1), due);
    b.add_action(ymd(2024, 6, 1), due);
    b.plan.add_dependency(ActionId(1), ActionId(6));
    b.plan.add_dependency(ActionId(2), ActionId(1));
    b.plan.add_dependency(ActionId(3), ActionId(1), 7);
    b.plan.add_dependency(ActionId(4), ActionId(2));
    b.plan.add_dependency(ActionId(4), ActionId(3));
    b.plan.add_dependency(ActionId(5), ActionId(4));
    b.plan.add_dependency(ActionId(7), ActionId(6));
    b.set_status(ActionId(6), ymd(2024, 2, 10), Status::in_progress);
    b.set_status(ActionId(1), ymd(2024, 3, 31), Status::complete);
    b.set_status(ActionId(2), ymd(2024, 3, 31), Status::in_progress);
  }
  const Plan& plan() const { return b.plan; }
};

using Blocked = std::vector<std::pair<int, std::vector<ActionId>>>;

Blocked as_pairs(const std::vector<BlockedAction>& blocked) {
  Blocked out;
  for (const auto& x : blocked) out.emplace_back(static_cast<int>(x.action.value()), x.blockers);
  return out;
}

}  // namespace

TEST_CASE("blocked_by names every blocked action and the open actions it waits for") {
  const Example e;
  CHECK(as_pairs(blocked_by(e.plan(), before_guidance)) ==
        Blocked{{1, ids({6})}, {2, ids({1})}, {3, ids({1})}, {4, ids({2, 3})}, {5, ids({4})}});
  CHECK(as_pairs(blocked_by(e.plan(), review)) == Blocked{{4, ids({2, 3})}, {5, ids({4})}});
  // Action 7 only exists from June.
  CHECK(as_pairs(blocked_by(e.plan(), summer)) == Blocked{{4, ids({2, 3})}, {5, ids({4})}, {7, ids({6})}});
}

TEST_CASE("blocked_by agrees with blocked_actions and blockers") {
  const Example e;
  for (Date d : {before_guidance, review, summer}) {
    std::vector<ActionId> blocked_ids;
    for (const auto& x : blocked_by(e.plan(), d)) {
      blocked_ids.push_back(x.action);
      CHECK(x.blockers == blockers(e.plan(), e.plan().action(x.action), d));
    }
    CHECK(blocked_ids == blocked_actions(e.plan(), d));
  }
}

TEST_CASE("ready_to_start lists the open actions no open prerequisite holds up") {
  const Example e;
  CHECK(ready_to_start(e.plan(), before_guidance) == ids({6}));
  CHECK(ready_to_start(e.plan(), review) == ids({2, 3, 6}));
  CHECK(ready_to_start(e.plan(), summer) == ids({2, 3, 6}));
  // Nothing exists before the actions are created.
  CHECK(ready_to_start(e.plan(), ymd(2024, 1, 31)).empty());
}

TEST_CASE("ready_to_start and blocked_by split the open actions between them") {
  const Example e;
  for (Date d : {before_guidance, review, summer}) {
    std::vector<ActionId> both = ready_to_start(e.plan(), d);
    for (const auto& x : blocked_by(e.plan(), d)) both.push_back(x.action);
    std::sort(both.begin(), both.end());
    std::vector<ActionId> open;
    for (const auto& a : e.plan().actions())
      if (exists_at(a, d) && is_open_at(a, d)) open.push_back(a.id);
    CHECK(both == open);
  }
}

TEST_CASE("blocks lists every action waiting for one, transitively") {
  const Example e;
  CHECK(blocks(e.plan(), ActionId(6)) == ids({1, 2, 3, 4, 5, 7}));
  CHECK(blocks(e.plan(), ActionId(1)) == ids({2, 3, 4, 5}));
  CHECK(blocks(e.plan(), ActionId(3)) == ids({4, 5}));
  CHECK(blocks(e.plan(), ActionId(5)).empty());
  CHECK(blocks(e.plan(), ActionId(7)).empty());
  CHECK_THROWS_WITH_AS(blocks(e.plan(), ActionId(99)), "no action 99", NotFoundError);
}

TEST_CASE("topological_order puts prerequisites first and breaks ties by id") {
  const Example e;
  // 6 is the only action waiting for nothing; 7 is free as soon as 6 is
  // done, but every smaller id that is free goes first.
  CHECK(topological_order(e.plan()) == ids({6, 1, 2, 3, 4, 5, 7}));
}

TEST_CASE("the queries follow removals and additions") {
  Example e;
  e.b.plan.remove_dependency(ActionId(1), ActionId(6));
  CHECK(topological_order(e.plan()) == ids({1, 2, 3, 4, 5, 6, 7}));
  CHECK(blocks(e.plan(), ActionId(6)) == ids({7}));
  CHECK(ready_to_start(e.plan(), before_guidance) == ids({1, 6}));
  e.b.plan.add_dependency(ActionId(6), ActionId(5));
  CHECK(topological_order(e.plan()) == ids({1, 2, 3, 4, 5, 6, 7}));
  CHECK(blocks(e.plan(), ActionId(4)) == ids({5, 6, 7}));
  CHECK(as_pairs(blocked_by(e.plan(), review)) == Blocked{{4, ids({2, 3})}, {5, ids({4})}, {6, ids({5})}});
}

TEST_CASE("dependencies across audits of a partnership count like any other") {
  Builder b;
  Audit again = b.plan.audit(b.area.audit);
  again.id = AuditId();
  again.title = "Re-audit";
  const auto reaudit = b.plan.add(again).id;
  const auto training = b.add_action(ymd(2024, 2, 1), due);
  Action check = b.draft(ymd(2024, 2, 1), due);
  check.audit = reaudit;
  check.finding.reset();
  const auto checking = b.plan.add(check).id;
  b.plan.add_dependency(checking, training, 30);
  CHECK(as_pairs(blocked_by(b.plan, review)) == Blocked{{static_cast<int>(checking.value()), {training}}});
  CHECK(blocks(b.plan, training) == std::vector<ActionId>{checking});
  CHECK(ready_to_start(b.plan, review) == std::vector<ActionId>{training});
}

TEST_CASE("an empty plan has nothing blocked, ready or to order") {
  const Plan plan;
  CHECK(blocked_by(plan, review).empty());
  CHECK(ready_to_start(plan, review).empty());
  CHECK(topological_order(plan).empty());
  CHECK_THROWS_AS(blocks(plan, ActionId(1)), NotFoundError);
}

TEST_CASE("a plan without dependencies: nothing blocked, every open action ready, order by id") {
  Builder b;
  for (int id : {5, 2, 9}) {
    Action a = b.draft(ymd(2024, 2, 1), due);
    a.id = ActionId(id);
    b.plan.add(a);
  }
  b.set_status(ActionId(9), ymd(2024, 3, 1), Status::cancelled, "superseded");
  CHECK(blocked_by(b.plan, review).empty());
  CHECK(ready_to_start(b.plan, review) == ids({2, 5}));
  CHECK(topological_order(b.plan) == ids({2, 5, 9}));
  CHECK(blocks(b.plan, ActionId(5)).empty());
}

TEST_CASE("on the generated workload the queries agree with status.hpp and the dependencies") {
  const Plan plan = read_workload(PLANSIGHT_WORKLOAD_DIR, Plan()).plan;
  const Date as_of = ymd(2025, 3, 31);
  std::vector<ActionId> blocked_ids;
  for (const auto& x : blocked_by(plan, as_of)) blocked_ids.push_back(x.action);
  CHECK(blocked_ids == blocked_actions(plan, as_of));
  CHECK(blocked_ids.size() == 1044);  // the reference answers' blocked count (Q3)

  const auto order = topological_order(plan);
  REQUIRE(order.size() == plan.actions().size());
  std::unordered_map<ActionId, std::size_t> place;
  for (std::size_t i = 0; i < order.size(); ++i) place.emplace(order[i], i);
  CHECK(place.size() == order.size());
  const auto dependencies = plan.dependencies();
  const bool prerequisites_first =
      std::all_of(dependencies.begin(), dependencies.end(),
                  [&](const Dependency& d) { return place[d.depends_on] < place[d.action]; });
  CHECK(prerequisites_first);

  // What an action blocks is exactly the actions with a prerequisite that
  // is the action or is blocked by it (one step of the transitive closure).
  const ActionId root = plan.dependencies().front().depends_on;
  const auto downstream = blocks(plan, root);
  CHECK_FALSE(downstream.empty());
  auto in_downstream = [&](ActionId id) {
    return std::binary_search(downstream.begin(), downstream.end(), id);
  };
  for (const auto& a : plan.actions()) {
    const bool waits = std::any_of(a.depends_on.begin(), a.depends_on.end(), [&](const Dependency& d) {
      return d.depends_on == root || in_downstream(d.depends_on);
    });
    CHECK_MESSAGE(waits == in_downstream(a.id), "action " << a.id);
  }
}
