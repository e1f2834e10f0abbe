#include "plansight/dependencies.hpp"

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/pending/queue.hpp>
#include <boost/property_map/property_map.hpp>
#include <queue>
#include <unordered_map>

#include "detail/dependency_graph.hpp"
#include "plansight/status.hpp"

namespace plansight {
namespace {

using Vertex = detail::DependencyGraph::Vertex;

// Collects every vertex a breadth-first search discovers.
class Discovered : public boost::default_bfs_visitor {
 public:
  explicit Discovered(std::vector<Vertex>& out) : out_(&out) {}
  template <class Graph>
  void discover_vertex(Vertex v, const Graph&) const {
    out_->push_back(v);
  }

 private:
  std::vector<Vertex>* out_;
};

std::vector<ActionId> ids_ascending(const Plan& plan, const std::vector<Vertex>& vertices) {
  std::vector<ActionId> ids;
  ids.reserve(vertices.size());
  for (auto v : vertices) ids.push_back(plan.actions()[v].id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::size_t position_of(const Plan& plan, ActionId id) {
  const Action& a = plan.action(id);
  return static_cast<std::size_t>(&a - plan.actions().data());
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
  const Vertex start = position_of(plan, action);
  // Dependents are the in-edges: search the reversed graph, with a colour
  // map holding only the vertices reached.
  const auto dependents = boost::make_reverse_graph(detail::dependency_graph(plan).graph());
  std::unordered_map<Vertex, boost::default_color_type> colour;
  std::vector<Vertex> reached;
  boost::queue<Vertex> queue;
  boost::breadth_first_visit(dependents, start, queue, Discovered(reached), boost::make_assoc_property_map(colour));
  reached.erase(std::remove(reached.begin(), reached.end(), start), reached.end());
  return ids_ascending(plan, reached);
}

std::vector<ActionId> topological_order(const Plan& plan) {
  // Kahn's algorithm with the free actions in a min-heap by id: Boost's
  // topological_sort is depth-first, and its order among independent
  // actions follows the search, not the ids.
  const auto& g = detail::dependency_graph(plan).graph();
  const auto& actions = plan.actions();
  std::vector<std::size_t> waiting(actions.size());
  auto later = [&](Vertex x, Vertex y) { return actions[y].id < actions[x].id; };
  std::priority_queue<Vertex, std::vector<Vertex>, decltype(later)> free(later);
  for (Vertex v = 0; v < actions.size(); ++v)
    if ((waiting[v] = boost::out_degree(v, g)) == 0) free.push(v);
  std::vector<ActionId> order;
  order.reserve(actions.size());
  while (!free.empty()) {
    const Vertex v = free.top();
    free.pop();
    order.push_back(actions[v].id);
    for (auto e : boost::make_iterator_range(boost::in_edges(v, g)))
      if (--waiting[boost::source(e, g)] == 0) free.push(boost::source(e, g));
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
