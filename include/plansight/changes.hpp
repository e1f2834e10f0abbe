// What moved between two reviews: the governance pack's "since the last
// review" section. Everything is read as of `since` and as of `until` with the
// definitions of status.hpp; an action created after `since` counts as
// neither open, overdue, blocked nor at risk then.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plansight/plan.hpp"

namespace plansight {

struct StatusChange {
  ActionId action;
  Status from = Status::not_started;  // at since (not_started when created since)
  Status to = Status::not_started;    // at until
};

// An escalate outcome of a meeting held in the period.
struct Escalation {
  ReviewId review;
  Date on;
  ActionId action;
  GroupId from;  // the group that held the meeting
  GroupId to;
  std::string reason;
};

// All lists hold actions existing at `until`, ascending by action id (then
// date), for the period (since, until].
struct ReviewChanges {
  Date since;
  Date until;
  std::vector<ActionId> new_actions;         // created in the period
  std::vector<StatusChange> status_changes;  // status at until differs from at since
  std::vector<ActionId> completed;           // complete at until, not at since
  std::vector<ActionId> assured;             // assured at until, not at since
  std::vector<DueDateRevision> extensions;   // due-date revisions made in the period
  std::vector<Escalation> escalations;       // from meetings held in the period
  std::vector<ActionId> newly_overdue;       // overdue at until, not at since
  std::vector<ActionId> newly_blocked;       // blocked at until, not at since
  std::vector<ActionId> newly_at_risk;       // AMBER at until, not at since
};

// ValidationError (field "since") unless since < until. With a partnership,
// only its actions (and its groups' meetings) count.
ReviewChanges changes_between(const Plan& plan, Date since, Date until,
                              std::optional<PartnershipId> partnership = std::nullopt);
// Escalations of meetings held in (since, until], in meeting then outcome order.
std::vector<Escalation> escalations_between(const Plan& plan, Date since, Date until,
                                            std::optional<PartnershipId> partnership = std::nullopt);

}  // namespace plansight
