#include "plansight/status.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace plansight {
namespace {

// The last element of a date-ordered history dated on or before D.
template <class T>
const T* latest_on_or_before(const std::vector<T>& history, Date as_of) {
  auto it = std::upper_bound(history.begin(), history.end(), as_of,
                             [](Date d, const T& entry) { return d < entry.on; });
  return it == history.begin() ? nullptr : &*std::prev(it);
}

}  // namespace

Status status_at(const Action& action, Date as_of) {
  const auto* u = latest_on_or_before(action.updates, as_of);
  return u ? u->status : Status::not_started;
}

bool is_open(Status status) { return status == Status::not_started || status == Status::in_progress; }

bool is_open_at(const Action& action, Date as_of) { return is_open(status_at(action, as_of)); }

Date due_on_at(const Action& action, Date as_of) {
  const auto* r = latest_on_or_before(action.due_revisions, as_of);
  return r ? r->new_due : action.due_on;
}

const Owner& owner_at(const Action& action, Date as_of) {
  const auto* c = latest_on_or_before(action.owner_changes, as_of);
  return c ? c->new_owner : action.owner;
}

std::optional<Date> completed_on_at(const Action& action, Date as_of) {
  const auto* u = latest_on_or_before(action.updates, as_of);
  if (!u || u->status != Status::complete) return std::nullopt;
  return u->completed_on ? u->completed_on : std::optional<Date>(u->on);
}

bool is_assured_at(const Action& action, Date as_of) {
  return action.assurance && action.assurance->on <= as_of;
}

bool exists_at(const Action& action, Date as_of) { return action.created_on <= as_of; }

bool is_overdue(const Action& action, Date as_of) {
  return is_open_at(action, as_of) && due_on_at(action, as_of) < as_of;
}

bool is_blocked(const Plan& plan, const Action& action, Date as_of) {
  return state_at(plan, action, as_of).blocked;
}

std::vector<ActionId> blockers(const Plan& plan, const Action& action, Date as_of) {
  std::vector<ActionId> open;
  if (!is_open_at(action, as_of)) return open;
  for (const auto& d : action.depends_on)
    if (is_open_at(plan.action(d.depends_on), as_of)) open.push_back(d.depends_on);
  return open;
}

namespace {

// RAG from the state's other fields, in WORKLOAD.md's order of precedence.
Rag rag_of(const ActionState& s, Date as_of) {
  switch (s.status) {
    case Status::cancelled: return Rag::none;
    case Status::complete: return Rag::blue;
    case Status::not_started:
    case Status::in_progress: break;
  }
  if (s.overdue) return Rag::red;
  if (s.blocked) return Rag::amber;
  const bool due_soon = s.due_on <= as_of + boost::gregorian::days(amber_window_days);
  return s.status == Status::not_started && due_soon ? Rag::amber : Rag::green;
}

bool any_open_prerequisite(const Plan& plan, const Action& action, Date as_of) {
  return std::any_of(action.depends_on.begin(), action.depends_on.end(),
                     [&](const Dependency& d) { return is_open_at(plan.action(d.depends_on), as_of); });
}

}  // namespace

ActionState state_at(const Plan& plan, const Action& action, Date as_of) {
  ActionState s;
  s.status = status_at(action, as_of);
  s.due_on = due_on_at(action, as_of);
  const bool open = is_open(s.status);
  s.overdue = open && s.due_on < as_of;
  s.blocked = open && any_open_prerequisite(plan, action, as_of);
  s.rag = rag_of(s, as_of);
  return s;
}

Rag rag_at(const Plan& plan, const Action& action, Date as_of) { return state_at(plan, action, as_of).rag; }

Status status_at(const Plan& plan, ActionId id, Date as_of) { return status_at(plan.action(id), as_of); }
bool is_overdue(const Plan& plan, ActionId id, Date as_of) { return is_overdue(plan.action(id), as_of); }
bool is_blocked(const Plan& plan, ActionId id, Date as_of) {
  return is_blocked(plan, plan.action(id), as_of);
}
Rag rag_at(const Plan& plan, ActionId id, Date as_of) { return rag_at(plan, plan.action(id), as_of); }

std::vector<RagCount> rag_counts(const Plan& plan, Date as_of) {
  // key: partnership, agency (-1 for a group owner so it sorts first), rag
  std::map<std::tuple<std::int64_t, std::int64_t, int>, long> counts;
  for (const auto& a : plan.actions()) {
    if (!exists_at(a, as_of)) continue;
    const auto& owner = owner_at(a, as_of);
    const std::int64_t agency = owner.agency ? owner.agency->value() : -1;
    ++counts[{a.partnership.value(), agency, static_cast<int>(rag_at(plan, a, as_of))}];
  }
  std::vector<RagCount> rows;
  rows.reserve(counts.size());
  for (const auto& [key, n] : counts) {
    const auto& [p, agency, rag] = key;
    rows.push_back({PartnershipId(p), agency < 0 ? std::nullopt : std::optional<AgencyId>(AgencyId(agency)),
                    static_cast<Rag>(rag), n});
  }
  return rows;
}

namespace {
template <class Pred>
std::vector<ActionId> select_actions(const Plan& plan, Date as_of, Pred pred) {
  std::vector<ActionId> ids;
  for (const auto& a : plan.actions())
    if (exists_at(a, as_of) && pred(a)) ids.push_back(a.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}
}  // namespace

std::vector<ActionId> overdue_actions(const Plan& plan, Date as_of) {
  return select_actions(plan, as_of, [&](const Action& a) { return is_overdue(a, as_of); });
}

std::vector<ActionId> blocked_actions(const Plan& plan, Date as_of) {
  return select_actions(plan, as_of, [&](const Action& a) { return is_blocked(plan, a, as_of); });
}

}  // namespace plansight
