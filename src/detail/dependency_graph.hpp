// The dependency graph a Plan keeps in step with its dependencies, for
// Boost.Graph's algorithms (private to the library: public headers only
// forward-declare it). A vertex is an action's position in plan.actions()
// (actions are never deleted, so positions are stable).
//
// The graph holds the dependents of each action only: an edge runs from an
// action to each action that depends on it. Each action's prerequisites are
// already in its own `depends_on` (with their lags), and every question the
// library asks can be put along dependents: "does x wait for y" is "is x
// among y's descendants", a cycle read backwards is a cycle. So the plan
// keeps one edge list, not Boost's bidirectional adjacency_list (an edge
// list node, an out-edge and an in-edge entry per dependency: about 190 bytes
// an action at the benchmark's 1.2 dependencies each).
#pragma once

// vector_as_graph.hpp must come before every other Boost.Graph header in a
// translation unit: its free functions (out_edges, num_vertices...) take a
// std::vector, so argument-dependent lookup cannot find them in namespace
// boost, and the algorithms see them only if they were declared first. So
// every Boost.Graph algorithm run on this graph lives in
// dependency_graph.cpp, which includes this header first; another Boost.Graph
// header added here belongs below this block, not in it (sorting would put
// it first).
#include <boost/container/small_vector.hpp>
#include <boost/graph/vector_as_graph.hpp>
// (end of the block that must come first)
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace plansight::detail {

class DependencyGraph {
 public:
  // Positions in plan.actions(); a plan holds fewer than 2^31 actions (its
  // id index refuses more).
  using Vertex = std::uint32_t;
  // Up to two dependents sit in the list itself (32 bytes in all), so most
  // actions need no heap block for theirs.
  using DependentList = boost::container::small_vector<Vertex, 2>;
  // A Boost.Graph IncidenceGraph and VertexListGraph, by vector_as_graph.hpp:
  // out-edges are dependents.
  using Dependents = std::vector<DependentList>;

  const Dependents& dependents() const { return dependents_; }
  std::size_t vertex_count() const { return dependents_.size(); }

  // A vertex for the next action added to the plan.
  void add_vertex() { dependents_.emplace_back(); }
  // Undoes the add_vertex() just made, its action refused after all.
  void remove_last_vertex() noexcept { dependents_.pop_back(); }
  // Room for `vertices` vertices in all, so that adding them moves none.
  void reserve(std::size_t vertices) { dependents_.reserve(vertices); }
  // `action` depends on `depends_on` (positions); the caller has checked
  // that it does not already.
  void add_edge(std::size_t action, std::size_t depends_on);
  // Takes the dependency out; nothing when there is none. Looks from the
  // most recently added dependent back, so undoing additions in reverse
  // order costs one step each.
  void remove_edge(std::size_t action, std::size_t depends_on);

  // Appends the positions of the actions `v` waits for directly, in the
  // order added: what the plan's own depends_on lists say.
  using PrerequisitesOf = std::function<void(Vertex v, std::vector<Vertex>& out)>;

  // The chain from `from` to `to` where each vertex depends on the next, both
  // ends included ({from} when they are the same); empty when `from` does not
  // depend on `to`, even transitively. A breadth-first search along `from`'s
  // prerequisites (as the plan lists them: the graph keeps dependents only),
  // so that it costs what `from` waits for, however many wait for `to` (a
  // hub's new prerequisite costs the prerequisite's few ancestors, not the
  // hub's many descendants); nothing when every action depends only on
  // earlier ones and `to` comes after `from`.
  std::vector<Vertex> prerequisite_chain(std::size_t from, std::size_t to,
                                         const PrerequisitesOf& prerequisites_of) const;

  // A cycle v0, v1, ..., vk where each depends on the next and vk on v0, v0
  // the least of them; empty when the graph is acyclic. One depth-first pass
  // over the whole graph, unless every action depends only on earlier ones.
  std::vector<Vertex> find_cycle() const;

  // Every vertex that depends on `from`, directly or through others, `from`
  // excluded, in no particular order. A breadth-first search with a sparse
  // colour map: it costs the part of the graph it reaches.
  std::vector<Vertex> descendants(std::size_t from) const;

 private:
  Dependents dependents_;
  // Dependencies of an action on itself or on one added after it. While there
  // are none, positions fall along every chain of prerequisites, so the graph
  // is acyclic and no chain runs to a later vertex: the common case (an
  // action waits for actions planned before it) needs no search at all.
  std::size_t not_on_earlier_ = 0;
};

}  // namespace plansight::detail
