#include "plansight/dependencies.hpp"

#include <algorithm>
#include <queue>

#include "detail/action_table.hpp"
#include "detail/dependency_graph.hpp"
#include "detail/position_index.hpp"
#include "plansight/status.hpp"

namespace plansight {
namespace {

using Vertex = detail::DependencyGraph::Vertex;

std::vector<ActionId> ids_ascending(const Plan& plan, const std::vector<Vertex>& vertices) {
  std::vector<ActionId> ids;
  ids.reserve(vertices.size());
  const auto& actions = detail::action_table(plan);
  for (auto v : vertices) ids.push_back(actions.id(v));
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::size_t position_of(const Plan& plan, ActionId id) {
  const auto at = detail::action_positions(plan).find(id);
  if (at < 0) plan.action(id);  // throws NotFoundError, naming the action
  return static_cast<std::size_t>(at);
}

}  // namespace

std::vector<BlockedAction> blocked_by(const Plan& plan, Date as_of) {
  std::vector<BlockedAction> blocked;
  for (const auto& a : plan.actions()) {
    if (!exists_at(a, as_of)) continue;
    if (auto open = blockers(plan, a, as_of); !open.empty()) blocked.push_back({a.id, std::move(open)});
  }
  std::sort(blocked.begin(), blocked.end(),
            [](const BlockedAction& x, const BlockedAction& y) { return x.action < y.action; });
  return blocked;
}

std::vector<ActionId> blocks(const Plan& plan, ActionId action) {
  return ids_ascending(plan, detail::dependency_graph(plan).descendants(position_of(plan, action)));
}

std::vector<ActionId> topological_order(const Plan& plan) {
  // Kahn's algorithm with the free actions in a min-heap by id: Boost's
  // topological_sort is depth-first, and its order among independent
  // actions follows the search, not the ids.
  const auto& dependents = detail::dependency_graph(plan).dependents();
  const auto& actions = detail::action_table(plan);
  std::vector<std::size_t> waiting(actions.size());
  auto later = [&](Vertex x, Vertex y) { return actions.id(y) < actions.id(x); };
  std::priority_queue<Vertex, std::vector<Vertex>, decltype(later)> free(later);
  for (Vertex v = 0; v < actions.size(); ++v)
    if ((waiting[v] = actions.view(v).depends_on.size()) == 0) free.push(v);
  std::vector<ActionId> order;
  order.reserve(actions.size());
  while (!free.empty()) {
    const Vertex v = free.top();
    free.pop();
    order.push_back(actions.id(v));
    for (const Vertex d : dependents[v])
      if (--waiting[d] == 0) free.push(d);
  }
  return order;
}

std::vector<ActionId> ready_to_start(const Plan& plan, Date as_of) {
  std::vector<ActionId> ready;
  for (const auto& a : plan.actions())
    if (exists_at(a, as_of) && is_open_at(a, as_of) && !is_blocked(plan, a, as_of)) ready.push_back(a.id);
  std::sort(ready.begin(), ready.end());
  return ready;
}

}  // namespace plansight
