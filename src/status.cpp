#include "plansight/status.hpp"

#include <algorithm>
#include <span>
#include <unordered_map>
#include <utility>

#include "detail/action_state.hpp"
#include "detail/action_walk.hpp"
#include "detail/position_index.hpp"

namespace plansight {
namespace {

using detail::due_of;
using detail::latest_on_or_before;
using detail::open_at;
using detail::overdue_at;
using detail::owner_of;
using detail::status_of;

bool prerequisite_open(const Plan& plan, ActionId id, Date as_of) {
  return open_at(detail::action_view(plan, id), as_of);
}

}  // namespace

Status status_at(const Action& action, Date as_of) { return status_of(action, as_of); }

bool is_open(Status status) { return detail::open_status(status); }

bool is_open_at(const Action& action, Date as_of) { return open_at(action, as_of); }

Date due_on_at(const Action& action, Date as_of) { return due_of(action, as_of); }

const Owner& owner_at(const Action& action, Date as_of) { return owner_of(action, as_of); }

std::optional<Date> completed_on_at(const Action& action, Date as_of) {
  return detail::completed_of(action, as_of);
}

bool is_assured_at(const Action& action, Date as_of) { return detail::assured_at(action, as_of); }

bool exists_at(const Action& action, Date as_of) { return action.created_on <= as_of; }

bool is_overdue(const Action& action, Date as_of) { return overdue_at(action, as_of); }

std::vector<ActionId> blockers(const Plan& plan, const Action& action, Date as_of) {
  std::vector<ActionId> open;
  if (!is_open_at(action, as_of)) return open;
  for (const auto& d : action.depends_on)
    if (prerequisite_open(plan, d.depends_on, as_of)) open.push_back(d.depends_on);
  return open;
}

namespace {

// RAG from the state's other fields, in WORKLOAD.md's order of precedence.
Rag rag_of(const ActionState& s, Date as_of) {
  switch (s.status) {
    case Status::cancelled:
      return Rag::none;
    case Status::complete:
      return Rag::blue;
    case Status::not_started:
    case Status::in_progress:
      break;
  }
  if (s.overdue) return Rag::red;
  if (s.blocked) return Rag::amber;
  const bool due_soon = s.due_on <= as_of + boost::gregorian::days(amber_window_days);
  return s.status == Status::not_started && due_soon ? Rag::amber : Rag::green;
}

template <class A>
bool any_open_prerequisite(const Plan& plan, const A& action, Date as_of) {
  return std::any_of(action.depends_on.begin(), action.depends_on.end(),
                     [&](const auto& d) { return prerequisite_open(plan, d.depends_on, as_of); });
}

template <class A>
bool blocked_at(const Plan& plan, const A& action, Date as_of) {
  return open_at(action, as_of) && any_open_prerequisite(plan, action, as_of);
}

template <class A>
ActionState state_of(const Plan& plan, const A& action, Date as_of) {
  ActionState s;
  s.status = status_of(action, as_of);
  s.due_on = due_of(action, as_of);
  const bool open = is_open(s.status);
  s.overdue = open && s.due_on < as_of;
  s.blocked = open && any_open_prerequisite(plan, action, as_of);
  s.rag = rag_of(s, as_of);
  return s;
}

}  // namespace

bool is_blocked(const Plan& plan, const Action& action, Date as_of) {
  return blocked_at(plan, action, as_of);
}

ActionState state_at(const Plan& plan, const Action& action, Date as_of) {
  return state_of(plan, action, as_of);
}

Rag rag_at(const Plan& plan, const Action& action, Date as_of) { return state_of(plan, action, as_of).rag; }

ActionState detail::state_of_view(const Plan& plan, const ActionView& action, Date as_of) {
  return state_of(plan, action, as_of);
}

Status status_at(const Plan& plan, ActionId id, Date as_of) {
  return status_of(detail::action_view(plan, id), as_of);
}
bool is_overdue(const Plan& plan, ActionId id, Date as_of) {
  return overdue_at(detail::action_view(plan, id), as_of);
}
bool is_blocked(const Plan& plan, ActionId id, Date as_of) {
  return blocked_at(plan, detail::action_view(plan, id), as_of);
}
Rag rag_at(const Plan& plan, ActionId id, Date as_of) {
  return state_of(plan, detail::action_view(plan, id), as_of).rag;
}

namespace {

template <class Rows>
auto sorted_ids(const Rows& rows) {
  auto ids = detail::ids_of(rows);
  std::sort(ids.begin(), ids.end());
  return ids;
}

// rag_counts' cells, one per (partnership, owner agency, RAG), numbered in
// the order its rows come out: partnership id, agency id (group-owned
// first), RAG. Counted in a flat array when there are not many more cells
// than actions, as in any real plan (hundreds of partnerships, tens of
// agencies), else in a hash map; either way one step per action, where a
// map ordered by the triple costs a tree descent each.
class RagCells {
 public:
  explicit RagCells(const Plan& plan)
      : partnerships_(sorted_ids(plan.partnerships())),
        agencies_(sorted_ids(plan.agencies())),
        partnership_rank_(partnerships_),
        agency_rank_(agencies_),
        owners_(agencies_.size() + 1),
        cells_(partnerships_.size() * owners_ * rag_values),
        dense_(cells_ <= 4 * plan.actions().size() + 1024) {
    if (dense_) table_.assign(cells_, 0);
  }

  void count(PartnershipId partnership, const std::optional<AgencyId>& agency, Rag rag) {
    const auto p = static_cast<std::size_t>(partnership_rank_.find(partnership));
    const auto owner = agency ? static_cast<std::size_t>(agency_rank_.find(*agency)) + 1 : 0;
    const std::size_t cell = (p * owners_ + owner) * rag_values + static_cast<std::size_t>(rag);
    if (dense_)
      ++table_[cell];
    else
      ++map_[cell];
  }

  std::vector<RagCount> rows() const {
    std::vector<RagCount> out;
    if (dense_) {
      for (std::size_t cell = 0; cell < cells_; ++cell)
        if (table_[cell]) out.push_back(row(cell, table_[cell]));
      return out;
    }
    std::vector<std::pair<std::size_t, long>> counted(map_.begin(), map_.end());
    std::sort(counted.begin(), counted.end());
    out.reserve(counted.size());
    for (const auto& [cell, n] : counted) out.push_back(row(cell, n));
    return out;
  }

 private:
  static constexpr std::size_t rag_values = static_cast<std::size_t>(Rag::none) + 1;

  RagCount row(std::size_t cell, long n) const {
    const std::size_t owner = cell / rag_values % owners_;
    return {partnerships_[cell / rag_values / owners_],
            owner == 0 ? std::nullopt : std::optional<AgencyId>(agencies_[owner - 1]),
            static_cast<Rag>(cell % rag_values), n};
  }

  std::vector<PartnershipId> partnerships_;  // ascending
  std::vector<AgencyId> agencies_;           // ascending
  detail::PositionIndex<PartnershipId> partnership_rank_;
  detail::PositionIndex<AgencyId> agency_rank_;
  std::size_t owners_;  // the agencies, and group ownership
  std::size_t cells_;
  bool dense_;
  std::vector<long> table_;
  std::unordered_map<std::size_t, long> map_;
};

}  // namespace

std::vector<RagCount> rag_counts(const Plan& plan, Date as_of) {
  RagCells cells(plan);
  detail::for_each_action(plan, [&](const detail::ActionView& a) {
    if (a.created_on <= as_of)
      cells.count(a.partnership, owner_of(a, as_of).agency, state_of(plan, a, as_of).rag);
  });
  return cells.rows();
}

namespace {
template <class Pred>
std::vector<ActionId> select_actions(const Plan& plan, Date as_of, Pred pred) {
  std::vector<ActionId> ids;
  detail::for_each_action(plan, [&](const detail::ActionView& a) {
    if (a.created_on <= as_of && pred(a)) ids.push_back(a.id);
  });
  std::sort(ids.begin(), ids.end());
  return ids;
}
}  // namespace

std::vector<ActionId> overdue_actions(const Plan& plan, Date as_of) {
  return select_actions(plan, as_of, [&](const detail::ActionView& a) { return overdue_at(a, as_of); });
}

std::vector<ActionId> blocked_actions(const Plan& plan, Date as_of) {
  return select_actions(plan, as_of, [&](const detail::ActionView& a) { return blocked_at(plan, a, as_of); });
}

}  // namespace plansight
