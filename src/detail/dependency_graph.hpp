// The dependency graph a Plan keeps in step with its dependencies, on
// Boost.Graph (private to the library: public headers only forward-declare
// it). A vertex is an action's position in plan.actions() (actions are never
// deleted, so positions are stable); an edge runs from an action to an action
// it depends on, carrying the lag, so out-edges are prerequisites and in-edges
// dependents.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <vector>

namespace plansight::detail {

struct DependencyEdge {
  int lag_days = 0;
};

class DependencyGraph {
 public:
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property,
                                      DependencyEdge>;
  using Vertex = Graph::vertex_descriptor;

  const Graph& graph() const { return graph_; }
  std::size_t vertex_count() const { return boost::num_vertices(graph_); }

  // A vertex for the next action added to the plan; returns its position.
  Vertex add_vertex() { return boost::add_vertex(graph_); }
  // Room for `vertices` vertices in all, so that adding them moves none.
  // Boost.Graph has no reserve of its own: with vecS vertex storage, as here,
  // the vertices are the std::vector m_vertices, public in adjacency_list.
  void reserve(std::size_t vertices) { graph_.m_vertices.reserve(vertices); }
  void add_edge(Vertex action, Vertex depends_on, int lag_days);
  void remove_edge(Vertex action, Vertex depends_on);
  bool has_edge(Vertex action, Vertex depends_on) const;

  // The chain from `from` to `to` where each vertex depends on the next, both
  // ends included ({from} when they are the same); empty when `from` does not
  // depend on `to`, even transitively. A breadth-first search along
  // prerequisites with a sparse colour map: it costs the part of the graph
  // reachable from `from`, never the whole graph, and nothing when every
  // edge runs to an earlier vertex and `to` comes after `from`.
  std::vector<Vertex> prerequisite_chain(Vertex from, Vertex to) const;

  // A cycle v0, v1, ..., vk where each depends on the next and vk on v0;
  // empty when the graph is acyclic. One depth-first pass over the whole graph,
  // unless every edge runs to an earlier vertex.
  std::vector<Vertex> find_cycle() const;

 private:
  Graph graph_;
  // Edges from an action to itself or to one added after it. While there are
  // none, positions fall along every chain of prerequisites, so the graph is
  // acyclic and no chain runs to a later vertex: the common case (an action
  // waits for actions planned before it) needs no search at all.
  std::size_t not_on_earlier_ = 0;
};

}  // namespace plansight::detail
