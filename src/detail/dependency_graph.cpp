#include "detail/dependency_graph.hpp"

#include <algorithm>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/pending/queue.hpp>
#include <boost/property_map/property_map.hpp>
#include <unordered_map>

namespace plansight::detail {
namespace {

using Graph = DependencyGraph::Graph;
using Vertex = DependencyGraph::Vertex;

// Thrown by the depth-first visitor at the first back edge, to stop the search.
struct CycleFound {
  std::vector<Vertex> cycle;
};

class CycleFinder : public boost::default_dfs_visitor {
 public:
  explicit CycleFinder(std::vector<Vertex>& parent) : parent_(&parent) {}

  void tree_edge(Graph::edge_descriptor e, const Graph& g) const {
    (*parent_)[boost::target(e, g)] = boost::source(e, g);
  }

  // A back edge u -> v closes the cycle v -> ... -> u -> v along the tree.
  void back_edge(Graph::edge_descriptor e, const Graph& g) const {
    const Vertex u = boost::source(e, g), v = boost::target(e, g);
    std::vector<Vertex> cycle{u};
    for (Vertex at = u; at != v; at = (*parent_)[at]) cycle.push_back((*parent_)[at]);
    std::reverse(cycle.begin(), cycle.end());
    throw CycleFound{std::move(cycle)};
  }

 private:
  std::vector<Vertex>* parent_;
};

}  // namespace

void DependencyGraph::add_edge(Vertex action, Vertex depends_on, int lag_days) {
  boost::add_edge(action, depends_on, DependencyEdge{lag_days}, graph_);
  if (action <= depends_on) ++not_on_earlier_;
}

void DependencyGraph::remove_edge(Vertex action, Vertex depends_on) {
  // No parallel edges (the plan refuses a dependency twice): at most one goes.
  if (has_edge(action, depends_on) && action <= depends_on) --not_on_earlier_;
  boost::remove_edge(action, depends_on, graph_);
}

bool DependencyGraph::has_edge(Vertex action, Vertex depends_on) const {
  return boost::edge(action, depends_on, graph_).second;
}

std::vector<Vertex> DependencyGraph::prerequisite_chain(Vertex from, Vertex to) const {
  if (from == to) return {from};
  if (not_on_earlier_ == 0 && to > from) return {};  // every chain from `from` runs to earlier vertices
  // Only the vertices the search reaches get an entry: a missing one reads
  // as white (default_color_type's first value), so nothing is initialised
  // per vertex of the graph.
  std::unordered_map<Vertex, boost::default_color_type> colour;
  std::unordered_map<Vertex, Vertex> parent;
  boost::queue<Vertex> queue;
  boost::breadth_first_visit(
      graph_, from, queue,
      boost::make_bfs_visitor(boost::record_predecessors(boost::make_assoc_property_map(parent),
                                                         boost::on_tree_edge())),
      boost::make_assoc_property_map(colour));
  if (!parent.count(to)) return {};
  std::vector<Vertex> chain{to};
  while (chain.back() != from) chain.push_back(parent.at(chain.back()));
  std::reverse(chain.begin(), chain.end());
  return chain;
}

std::vector<Vertex> DependencyGraph::find_cycle() const {
  if (not_on_earlier_ == 0) return {};  // positions fall along every edge
  std::vector<Vertex> parent(vertex_count());
  try {
    boost::depth_first_search(graph_, boost::visitor(CycleFinder(parent)));
  } catch (CycleFound& found) {
    return std::move(found.cycle);
  }
  return {};
}

}  // namespace plansight::detail
