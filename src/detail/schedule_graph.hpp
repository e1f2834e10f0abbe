// The dependency graph a Schedule is computed over, by position in
// plan.actions() rather than by id, so that the passes over it are flat array
// walks: prerequisites and dependents in compressed sparse rows, a
// topological order, and what each pass needs per action. Private to the
// library (schedule.cpp builds it, slip, what_if_due and to_dot read it).
#pragma once

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "plansight/schedule.hpp"

namespace plansight::detail {

// Positions in a list of ids: a direct table when the ids are dense, as a
// plan's ids usually are, else a hash map.
template <class IdT>
class PositionIndex {
 public:
  PositionIndex() = default;
  explicit PositionIndex(const std::vector<IdT>& ids) {
    if (ids.empty()) return;
    const auto [lo, hi] = std::minmax_element(ids.begin(), ids.end());
    const std::int64_t base = lo->value(), span = hi->value() - base;
    // Dense enough for a table no bigger than twice the ids (plus a margin).
    if (span < 2 * static_cast<std::int64_t>(ids.size()) + 1024) {
      base_ = base;
      dense_.assign(static_cast<std::size_t>(span + 1), -1);
      for (std::size_t i = 0; i < ids.size(); ++i)
        dense_[static_cast<std::size_t>(ids[i].value() - base)] = static_cast<std::int32_t>(i);
    } else {
      sparse_.reserve(ids.size());
      for (std::size_t i = 0; i < ids.size(); ++i) sparse_.emplace(ids[i], static_cast<std::int32_t>(i));
    }
  }

  // The position, or -1 for an id no row has.
  std::int32_t find(IdT id) const {
    if (!sparse_.empty()) {
      const auto it = sparse_.find(id);
      return it == sparse_.end() ? -1 : it->second;
    }
    const std::int64_t at = id.value() - base_;
    if (at < 0 || at >= static_cast<std::int64_t>(dense_.size())) return -1;
    return dense_[static_cast<std::size_t>(at)];
  }

 private:
  std::int64_t base_ = 0;
  std::vector<std::int32_t> dense_;
  std::unordered_map<IdT, std::int32_t> sparse_;
};

// Adjacency in compressed sparse rows: the neighbours of node i are
// targets[offsets[i] .. offsets[i + 1]), each edge with its lag in days.
struct Adjacency {
  std::vector<std::uint32_t> offsets{0};
  std::vector<std::uint32_t> targets;
  std::vector<std::int32_t> lags;

  std::uint32_t begin(std::uint32_t node) const { return offsets[node]; }
  std::uint32_t end(std::uint32_t node) const { return offsets[node + 1]; }
};

// The earliest creation and the latest finish of a partnership's or audit's
// actions (day numbers), and the position of the action finishing last.
struct ScopeSpan {
  std::int32_t first_created = INT32_MAX;
  std::int32_t last_finish = INT32_MIN;
  std::int32_t last = -1;  // -1: no actions
};

struct ScheduleGraph {
  PositionIndex<ActionId> actions;
  Adjacency prerequisites;  // of each action
  Adjacency dependents;     // the same edges reversed
  std::vector<std::uint32_t> order;  // topological: every prerequisite first
  std::vector<std::uint32_t> rank;   // position of each action in `order`
  std::vector<std::int32_t> floor;   // earliest start allowed (day number)
  std::vector<std::int32_t> estimate;
  std::vector<std::int32_t> driver;  // position of the determining prerequisite; -1 none
  std::vector<std::int32_t> audit;   // position of each action's audit in plan.audits()

  PositionIndex<PartnershipId> partnership_index;
  PositionIndex<AuditId> audit_index;
  std::vector<ScopeSpan> partnerships;  // as plan.partnerships()
  std::vector<ScopeSpan> audits;        // as plan.audits()
};

}  // namespace plansight::detail

namespace plansight {
// The graph behind a schedule (a friend of Schedule).
const detail::ScheduleGraph& graph_of(const Schedule& s);
}  // namespace plansight
