// The dependency graph a Schedule is computed over, by position in
// plan.actions() rather than by id, so that the passes over it are flat array
// walks: prerequisites and dependents in compressed sparse rows, a
// topological order (none when the plan's own order is one), and what each
// pass needs per action. Private to the library: schedule.cpp builds it, and
// the schedule's lookups, slip and what_if_due read it.
#pragma once

#include <cstdint>
#include <vector>

#include "detail/huge_pages.hpp"
#include "detail/position_index.hpp"
#include "plansight/schedule.hpp"

namespace plansight::detail {

// The per-action arrays are BigVectors: a schedule fills them fresh each
// time (huge_pages.hpp).
//
// Adjacency in compressed sparse rows: the neighbours of node i are
// targets[offsets[i] .. offsets[i + 1]), each edge with its lag in days.
struct Adjacency {
  BigVector<std::uint32_t> offsets{0};
  BigVector<std::uint32_t> targets;
  BigVector<std::int32_t> lags;

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
  // A topological order (every prerequisite first) and each action's place
  // in it; both empty when the plan's own order is one (the usual case).
  BigVector<std::uint32_t> order;
  BigVector<std::uint32_t> rank;
  BigVector<std::int32_t> floor;   // earliest start allowed (day number)
  BigVector<std::int32_t> estimate;
  BigVector<std::int32_t> driver;  // position of the determining prerequisite; -1 none
  BigVector<std::int32_t> audit;   // position of each action's audit in plan.audits()

  PositionIndex<PartnershipId> partnership_index;
  PositionIndex<AuditId> audit_index;
  std::vector<ScopeSpan> partnerships;  // as plan.partnerships()
  std::vector<ScopeSpan> audits;        // as plan.audits()

  // The action at place r of the topological order, and the place of action i.
  std::uint32_t at_rank(std::uint32_t r) const { return order.empty() ? r : order[r]; }
  std::uint32_t rank_of(std::uint32_t i) const { return rank.empty() ? i : rank[i]; }
};

}  // namespace plansight::detail

namespace plansight {
// The graph behind a schedule (a friend of Schedule).
const detail::ScheduleGraph& graph_of(const Schedule& s);
}  // namespace plansight
