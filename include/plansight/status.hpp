// As-of semantics, exactly as defined in the shared workload definitions:
//   status at D   the status of the latest update dated on or before D;
//                 not_started where there is none.
//   open          status not_started or in_progress.
//   blocked at D  open, and some action it depends on is open at D.
//   overdue at D  open, and the due date in force at D is before D.
//   RAG at D      cancelled -> none; complete -> BLUE; overdue -> RED;
//                 blocked, or not_started and due within 30 days -> AMBER;
//                 otherwise GREEN.
// Every field with a history (status, due date, owner) can be read as it
// stood on any date. Pure functions: the date always comes from the caller.
#pragma once

#include <optional>
#include <vector>

#include "plansight/plan.hpp"

namespace plansight {

// Days ahead within which a not-started action turns AMBER.
inline constexpr int amber_window_days = 30;

Status status_at(const Action& action, Date as_of);
bool is_open(Status status);
bool is_open_at(const Action& action, Date as_of);
// The due date in force at D: the latest revision made on or before D.
Date due_on_at(const Action& action, Date as_of);
// The owner at D: the latest owner change made on or before D.
const Owner& owner_at(const Action& action, Date as_of);
// Refused: the owner would lie in a copy gone by the end of the statement.
const Owner& owner_at(const Action&& action, Date as_of) = delete;
// The completion date of the latest complete update on or before D.
std::optional<Date> completed_on_at(const Action& action, Date as_of);
bool is_assured_at(const Action& action, Date as_of);
// An action exists from its creation date on.
bool exists_at(const Action& action, Date as_of);

bool is_overdue(const Action& action, Date as_of);
bool is_blocked(const Plan& plan, const Action& action, Date as_of);
// The open actions `action` waits for at D, in dependency order.
std::vector<ActionId> blockers(const Plan& plan, const Action& action, Date as_of);
Rag rag_at(const Plan& plan, const Action& action, Date as_of);

// Everything above about one action at D, each looked up once: what a
// per-action table (a frame, a report) needs without asking five times.
struct ActionState {
  Status status = Status::not_started;
  Date due_on;  // in force at D
  bool overdue = false;
  bool blocked = false;
  Rag rag = Rag::none;
};
ActionState state_at(const Plan& plan, const Action& action, Date as_of);

// Convenience forms by id; throw NotFoundError for an unknown id.
Status status_at(const Plan& plan, ActionId id, Date as_of);
bool is_overdue(const Plan& plan, ActionId id, Date as_of);
bool is_blocked(const Plan& plan, ActionId id, Date as_of);
Rag rag_at(const Plan& plan, ActionId id, Date as_of);

struct RagCount {
  PartnershipId partnership;
  std::optional<AgencyId> agency;  // empty for an action owned by a group
  Rag rag = Rag::none;
  long count = 0;
};

// Non-zero counts of actions existing at D by (partnership, owner agency at
// D, RAG at D), ordered by partnership, agency (group-owned first), RAG.
std::vector<RagCount> rag_counts(const Plan& plan, Date as_of);

// Ids of the actions existing at D that are overdue / blocked at D, ascending.
std::vector<ActionId> overdue_actions(const Plan& plan, Date as_of);
std::vector<ActionId> blocked_actions(const Plan& plan, Date as_of);

}  // namespace plansight
