#include "detail/dependency_graph.hpp"

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/pending/queue.hpp>
#include <boost/property_map/property_map.hpp>
#include <unordered_map>

namespace plansight::detail {
namespace {

using Graph = DependencyGraph::Dependents;
using Vertex = DependencyGraph::Vertex;
// A (dependency, dependent) pair; source() and target() for pairs are in
// graph_traits.hpp, found by argument-dependent lookup.
using Edge = boost::graph_traits<Graph>::edge_descriptor;

Vertex vertex(std::size_t position) { return static_cast<Vertex>(position); }

// Thrown by the depth-first visitor at the first back edge, to stop the search.
struct CycleFound {
  std::vector<Vertex> cycle;
};

class CycleFinder : public boost::default_dfs_visitor {
 public:
  explicit CycleFinder(std::vector<Vertex>& parent) : parent_(&parent) {}

  void tree_edge(Edge e, const Graph& g) const { (*parent_)[target(e, g)] = source(e, g); }

  // A back edge u -> v (v depends on u) closes the cycle v -> ... -> u -> v
  // along the tree, each a dependent of the one before it. Read from u back
  // up the tree to v, each depends on the next, and v on u.
  void back_edge(Edge e, const Graph& g) const {
    const Vertex u = source(e, g), v = target(e, g);
    std::vector<Vertex> cycle{u};
    for (Vertex at = u; at != v; at = (*parent_)[at]) cycle.push_back((*parent_)[at]);
    throw CycleFound{std::move(cycle)};
  }

 private:
  std::vector<Vertex>* parent_;
};

// Collects every vertex a breadth-first search discovers.
class Discovered : public boost::default_bfs_visitor {
 public:
  explicit Discovered(std::vector<Vertex>& out) : out_(&out) {}
  void discover_vertex(Vertex v, const Graph&) const { out_->push_back(v); }

 private:
  std::vector<Vertex>* out_;
};

}  // namespace

void DependencyGraph::add_edge(std::size_t action, std::size_t depends_on) {
  dependents_[depends_on].push_back(vertex(action));
  if (action <= depends_on) ++not_on_earlier_;
}

void DependencyGraph::remove_edge(std::size_t action, std::size_t depends_on) {
  auto& list = dependents_[depends_on];
  // No parallel edges (the plan refuses a dependency twice): at most one goes.
  const auto found = std::find(list.rbegin(), list.rend(), vertex(action));
  if (found == list.rend()) return;
  list.erase(std::next(found).base());
  if (action <= depends_on) --not_on_earlier_;
}

std::vector<Vertex> DependencyGraph::prerequisite_chain(std::size_t from, std::size_t to,
                                                       const PrerequisitesOf& prerequisites_of) const {
  if (from == to) return {vertex(from)};
  if (not_on_earlier_ == 0 && to > from) return {};  // every chain from `from` runs to earlier vertices
  // Written out rather than Boost's breadth_first_visit: the prerequisites
  // are the plan's lists, not a graph. Each reached vertex maps to the one
  // that reached it first (a vertex depending on it), on a shortest way back
  // to `from`; only reached vertices get an entry.
  const Vertex target = vertex(to);
  std::unordered_map<Vertex, Vertex> reached_from{{vertex(from), vertex(from)}};
  std::vector<Vertex> queue{vertex(from)}, next;
  bool found = false;
  for (std::size_t head = 0; head < queue.size() && !found; ++head) {
    next.clear();
    prerequisites_of(queue[head], next);
    for (const Vertex p : next)
      if (reached_from.emplace(p, queue[head]).second) {
        queue.push_back(p);
        found = found || p == target;
      }
  }
  if (!found) return {};
  std::vector<Vertex> chain{target};
  while (chain.back() != vertex(from)) chain.push_back(reached_from.at(chain.back()));
  std::reverse(chain.begin(), chain.end());
  return chain;
}

std::vector<Vertex> DependencyGraph::find_cycle() const {
  if (not_on_earlier_ == 0) return {};  // every action depends only on earlier ones
  std::vector<Vertex> parent(vertex_count());
  try {
    boost::depth_first_search(dependents_, boost::visitor(CycleFinder(parent)));
  } catch (CycleFound& found) {
    // Named from its earliest action, so that a cycle reads the same
    // whichever vertex the search happened to meet it at.
    auto& cycle = found.cycle;
    std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
    return std::move(cycle);
  }
  return {};
}

std::vector<Vertex> DependencyGraph::descendants(std::size_t from) const {
  std::unordered_map<Vertex, boost::default_color_type> colour;
  std::vector<Vertex> reached;
  boost::queue<Vertex> queue;
  boost::breadth_first_visit(dependents_, vertex(from), queue, Discovered(reached),
                             boost::make_assoc_property_map(colour));
  reached.erase(std::remove(reached.begin(), reached.end(), vertex(from)), reached.end());
  return reached;
}

}  // namespace plansight::detail
