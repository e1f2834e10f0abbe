// Dependencies between actions, read as of a date: which actions are blocked
// and by what, what each action holds up downstream, an order in which the
// plan can be done, and what is ready to start.
//
// "Blocked" is status.hpp's definition (the shared workload definitions): an
// action open at D with at least one prerequisite open at D. "Ready to start"
// is its complement among the open actions: open at D and existing at D, with
// no prerequisite open at D (a not-started action ready to start, or one in
// progress that nothing holds up).
//
// Pure functions of the plan (and the date where there is one), computed over
// the dependency graph the plan keeps; nothing reads the clock.
#pragma once

#include <vector>

#include "plansight/plan.hpp"

namespace plansight {

// A blocked action and the open actions it waits for.
struct BlockedAction {
  ActionId action;
  // Its prerequisites open at the date, in the order the dependencies were
  // added (status.hpp's blockers()).
  std::vector<ActionId> blockers;
};

// Every action existing at as_of that is blocked then, ascending by id, with
// what blocks it: the same actions as blocked_actions(plan, as_of).
std::vector<BlockedAction> blocked_by(const Plan& plan, Date as_of);

// Every action that waits for `action`, directly or through others,
// ascending by id (not the action itself). Costs only the part of the graph
// downstream of it. Throws NotFoundError for an unknown action.
std::vector<ActionId> blocks(const Plan& plan, ActionId action);

// Every action of the plan once, each after every action it depends on; of
// the actions free to come next, the one with the smallest id comes first,
// so the order depends on the dependencies and ids only.
std::vector<ActionId> topological_order(const Plan& plan);

// Ids, ascending, of the actions existing and open at as_of none of whose
// prerequisites is open at as_of.
std::vector<ActionId> ready_to_start(const Plan& plan, Date as_of);

}  // namespace plansight
