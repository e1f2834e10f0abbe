// Schedule: when each action can start and finish, given its estimate and
// the actions it depends on (finish-to-start, with a lag in days), exactly as
// the shared workload definitions fix it (WORKLOAD.md, Q4):
//   start(a)  = max(created_on, max over prerequisites d of finish(d) + lag)
//   finish(a) = start(a) + estimate_days          (calendar days)
// computed over every action whatever its status. With ScheduleOptions::from
// set to a date D, an action open at D (not started or in progress) starts no
// earlier than D; complete and cancelled actions keep their plan dates.
//
// The backward pass gives each action's latest finish: the latest date it can
// finish without making itself or anything downstream miss its due date
//   latest_finish(a) = min(due(a), min over dependents s of
//                          latest_finish(s) - estimate(s) - lag(s, a))
// and slack = latest_finish - earliest_finish in days (negative: will be late).
// The due date used is the one in force at D when `from` is given, otherwise
// the latest revision (the action's due_on when it was never revised).
//
// A critical path is kept per partnership and per audit: its length is the
// latest finish minus the earliest creation date among the scope's actions
// (Q4), and its chain runs from the action finishing last back through the
// prerequisite that determined each start (a prerequisite whose finish plus
// lag equals the creation date counts as determining it).
//
// "At risk" (at_risk) sits beside RAG and never changes it: an open action
// whose forecast finish lies after its due date is at risk even while GREEN.
// slip (Q5) and what_if_due answer "what if" questions incrementally, from a
// schedule already made: only the actions downstream (slip) or upstream
// (what_if_due) of the one changed are visited.
//
// Pure functions of (plan, options): nothing reads the clock. A Schedule
// describes the plan as it was when made; make a new one after changing it.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "plansight/plan.hpp"

namespace plansight {

namespace detail {
struct ScheduleGraph;  // the dependency graph by position (src/detail/schedule_graph.hpp)
}

struct ScheduleOptions {
  // Forecast from this date: actions open at `from` start no earlier than it.
  std::optional<Date> from;
};

// The dates of one action.
struct ActionTiming {
  ActionId id;
  Date earliest_start;
  Date earliest_finish;  // the forecast finish
  Date latest_finish;    // keeps this action's and every downstream due date
  Date due_on;           // the due date the schedule holds it to (see above)
  long slack_days = 0;   // latest_finish - earliest_finish; negative: will be late
  // The prerequisite that determined the start; none when the start is the
  // creation date (or the `from` date).
  std::optional<ActionId> driver;
};

// The span of a partnership's or an audit's plan and its critical chain.
struct CriticalPath {
  Date start;   // the earliest creation date of its actions
  Date finish;  // the latest earliest finish: the forecast completion
  long days = 0;  // finish - start; 0 for a scope without actions
  // First to last. An audit's chain stops where the determining
  // prerequisite belongs to another audit.
  std::vector<ActionId> chain;
};

class Schedule {
 public:
  Schedule();  // the schedule of an empty plan

  // One entry per action, in the plan's order: actions()[i] is plan.actions()[i].
  const std::vector<ActionTiming>& actions() const { return actions_; }
  // Position of an action in actions(); throws NotFoundError for an unknown id.
  std::size_t index_of(ActionId id) const;
  // nullptr for an unknown id.
  const ActionTiming* find(ActionId id) const;
  // Throws NotFoundError for an unknown id.
  const ActionTiming& action(ActionId id) const;

  // Throw NotFoundError for a partnership or audit the plan does not hold.
  CriticalPath critical_path(PartnershipId partnership) const;
  CriticalPath critical_path(AuditId audit) const;
  // When the audit's whole plan is forecast to be done: its latest earliest
  // finish (not-a-date for an audit without actions).
  Date forecast_completion(AuditId audit) const;

  const std::optional<Date>& from() const { return from_; }

 private:
  friend Schedule schedule(const Plan& plan, ScheduleOptions options);
  friend const detail::ScheduleGraph& graph_of(const Schedule& s);

  std::vector<ActionTiming> actions_;
  std::optional<Date> from_;
  std::shared_ptr<const detail::ScheduleGraph> graph_;  // shared by copies: never changed
};

// Schedules every action of the plan in one pass over the dependency graph
// in topological order (O(actions + dependencies)). Throws CycleError should
// the plan's dependencies close a cycle (a Plan never lets them).
Schedule schedule(const Plan& plan, ScheduleOptions options = {});

// Ids, ascending, of the actions existing and open at as_of whose forecast
// finish (the schedule's earliest finish) lies after the due date in force at
// as_of. Beside RAG, never part of it. For a forecast, pass a schedule made
// with from = as_of. Throws ValidationError when the schedule was made for a
// plan with another number of actions.
std::vector<ActionId> at_risk(const Plan& plan, const Schedule& schedule, Date as_of);

// An action whose forecast finish moves.
struct SlipEffect {
  ActionId action;
  Date old_finish;
  Date new_finish;
  Date due_on;  // as the schedule holds it
};

// What delaying one action does downstream (Q5).
struct SlipImpact {
  ActionId action;
  int days = 0;
  Date old_finish;  // of the slipped action
  Date new_finish;
  // Every other action whose forecast finish moves, by id.
  std::vector<SlipEffect> moved;
  // Of those, the ones whose finish now lies after their due date where
  // before it did not (Q5); by id.
  std::vector<SlipEffect> newly_late;
};

// Delays `action` by `days` (its estimate grows by that much) and recomputes
// only what lies downstream of it, in topological order; the schedule itself
// is unchanged. Equals scheduling the plan afresh with the larger estimate.
// Throws NotFoundError for an unknown action, ValidationError for negative
// days or a schedule made for a plan with another number of actions.
SlipImpact slip(const Plan& plan, const Schedule& schedule, ActionId action, int days);

// How one action's latest finish and slack change.
struct DueChange {
  ActionId action;
  Date old_latest_finish;
  Date new_latest_finish;
  long old_slack_days = 0;
  long new_slack_days = 0;
};

// What moving one action's due date would do (what_if_due).
struct DueImpact {
  ActionId action;
  Date old_due;
  Date new_due;
  Date forecast_finish;  // its earliest finish, which a due date never moves
  bool late = false;     // forecast_finish > new_due: the action itself is at risk
  // The action and every prerequisite (transitively) whose latest finish
  // changes: the action first, then by id.
  std::vector<DueChange> changed;
  // Of `changed`, those whose slack turns negative (they would now make a due
  // date slip) and those whose slack stops being negative; by id.
  std::vector<ActionId> newly_late;
  std::vector<ActionId> no_longer_late;
};

// Moves the due date `action` is held to to `new_due` and recomputes latest
// finish and slack of the action and of its prerequisites, transitively (a
// reverse topological pass over them only); earliest dates do not change.
// Throws NotFoundError for an unknown action, ValidationError for a
// not-a-date or a schedule made for a plan with another number of actions.
DueImpact what_if_due(const Plan& plan, const Schedule& schedule, ActionId action, Date new_due);

}  // namespace plansight
