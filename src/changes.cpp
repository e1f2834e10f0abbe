#include "plansight/changes.hpp"

#include <algorithm>

#include "plansight/dates.hpp"
#include "plansight/errors.hpp"
#include "plansight/status.hpp"

namespace plansight {
namespace {

void require_period(const Plan& plan, Date since, Date until, std::optional<PartnershipId> partnership) {
  if (since.is_special()) throw ValidationError("since", "must be a valid date");
  if (until.is_special()) throw ValidationError("until", "must be a valid date");
  if (!(since < until))
    throw ValidationError("since", to_iso(since) + " is not before until (" + to_iso(until) + ")");
  if (partnership) plan.partnership(*partnership);  // NotFoundError for an unknown one
}

bool counts(PartnershipId p, std::optional<PartnershipId> only) { return !only || *only == p; }

// How an action stood on one date, read with status.hpp's definitions; an
// action that did not exist yet was neither open, overdue, blocked nor at risk.
struct Standing {
  Status status = Status::not_started;
  bool assured = false;
  bool overdue = false;
  bool blocked = false;
  bool at_risk = false;
};

Standing standing_at(const Plan& plan, const Action& action, Date d) {
  if (!exists_at(action, d)) return {};
  return {status_at(action, d), is_assured_at(action, d), is_overdue(action, d), is_blocked(plan, action, d),
          rag_at(plan, action, d) == Rag::amber};
}

void add_revisions_in(const Action& action, Date since, Date until, std::vector<DueDateRevision>& out) {
  for (const auto& r : action.due_revisions)
    if (since < r.on && r.on <= until) out.push_back(r);
}

// One action's part of each list.
void collect(const Plan& plan, const Action& action, ReviewChanges& changes) {
  const Standing then = standing_at(plan, action, changes.since);
  const Standing now = standing_at(plan, action, changes.until);
  const ActionId id = action.id;
  if (!exists_at(action, changes.since)) changes.new_actions.push_back(id);
  if (now.status != then.status) changes.status_changes.push_back({id, then.status, now.status});
  if (now.status == Status::complete && then.status != Status::complete) changes.completed.push_back(id);
  if (now.assured && !then.assured) changes.assured.push_back(id);
  if (now.overdue && !then.overdue) changes.newly_overdue.push_back(id);
  if (now.blocked && !then.blocked) changes.newly_blocked.push_back(id);
  if (now.at_risk && !then.at_risk) changes.newly_at_risk.push_back(id);
  add_revisions_in(action, changes.since, changes.until, changes.extensions);
}

void sort_ids(std::vector<ActionId>& ids) { std::sort(ids.begin(), ids.end()); }

// Ascending by action id; within one action the date order kept from its history.
template <class T, class Key>
void sort_by_action(std::vector<T>& rows, Key action_of) {
  std::stable_sort(rows.begin(), rows.end(),
                   [&](const T& a, const T& b) { return action_of(a) < action_of(b); });
}

}  // namespace

ReviewChanges changes_between(const Plan& plan, Date since, Date until,
                              std::optional<PartnershipId> partnership) {
  require_period(plan, since, until, partnership);
  ReviewChanges changes;
  changes.since = since;
  changes.until = until;
  for (const auto& action : plan.actions())
    if (counts(action.partnership, partnership) && exists_at(action, until)) collect(plan, action, changes);

  for (auto* ids : {&changes.new_actions, &changes.completed, &changes.assured, &changes.newly_overdue,
                    &changes.newly_blocked, &changes.newly_at_risk})
    sort_ids(*ids);
  sort_by_action(changes.status_changes, [](const StatusChange& c) { return c.action; });
  sort_by_action(changes.extensions, [](const DueDateRevision& r) { return r.action; });

  changes.escalations = escalations_between(plan, since, until, partnership);
  std::stable_sort(changes.escalations.begin(), changes.escalations.end(),
                   [](const Escalation& a, const Escalation& b) {
                     return a.action < b.action || (a.action == b.action && a.on < b.on);
                   });
  return changes;
}

std::vector<Escalation> escalations_between(const Plan& plan, Date since, Date until,
                                            std::optional<PartnershipId> partnership) {
  require_period(plan, since, until, partnership);
  std::vector<const ReviewMeeting*> held;
  for (const auto& m : plan.reviews())
    if (since < m.held_on && m.held_on <= until && counts(plan.group(m.group).partnership, partnership))
      held.push_back(&m);
  // Meetings in the order held; those of one day in the order recorded.
  std::stable_sort(held.begin(), held.end(),
                   [](const ReviewMeeting* a, const ReviewMeeting* b) { return a->held_on < b->held_on; });

  std::vector<Escalation> escalations;
  for (const auto* m : held)
    for (const auto& o : m->outcomes)
      if (o.kind == OutcomeKind::escalate)
        escalations.push_back(
            {m->id, m->held_on, o.action, m->group, o.escalated_to.value_or(GroupId()), o.reason});
  return escalations;
}

}  // namespace plansight
