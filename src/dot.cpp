#include "plansight/dot.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>
#include <cstdint>
#include <set>
#include <sstream>
#include <unordered_map>
#include <utility>
#include <vector>

#include "plansight/dates.hpp"
#include "plansight/errors.hpp"
#include "plansight/status.hpp"

namespace plansight {
namespace {

struct Node {
  std::int64_t id = 0;  // the action id, which is also the DOT node id
  std::string label;
  std::string fill;
  bool critical = false;
  bool outside = false;  // a prerequisite from outside the scope
  bool at_risk = false;
};

struct Edge {
  int lag_days = 0;
  bool critical = false;
};

using Picture = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, Node, Edge>;
using Vertex = boost::graph_traits<Picture>::vertex_descriptor;

// A DOT quoted string: backslashes and quotes escaped, and each line break
// written as DOT's centred line break \n.
std::string dot_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Text from the plan on one line, so that only the picture's own breaks show.
std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return out;
}

const char* fill_of(Rag rag) {
  switch (rag) {
    case Rag::red:
      return "red";
    case Rag::amber:
      return "#ffbf00";
    case Rag::green:
      return "green";
    case Rag::blue:
      return "lightblue";
    case Rag::none:
      break;
  }
  return "grey";
}

// The scope's actions, in the plan's order, and its name for the title.
struct Scope {
  std::vector<Action> actions;
  std::string title;
  CriticalPath path;
};

Scope scope_of(const Plan& plan, const Schedule& s, GraphScope scope) {
  Scope out;
  if (const auto* audit = std::get_if<AuditId>(&scope)) {
    const Audit& a = plan.audit(*audit);
    out.title = "Audit " + std::to_string(a.id.value()) + ": " + one_line(a.title);
    out.path = s.critical_path(a.id);
    for (auto action : plan.actions())  // each built once, and moved into the scope
      if (action.audit == a.id) out.actions.push_back(std::move(action));
  } else {
    const Partnership& p = plan.partnership(std::get<PartnershipId>(scope));
    out.title = one_line(p.name);
    out.path = s.critical_path(p.id);
    for (auto action : plan.actions())
      if (action.partnership == p.id) out.actions.push_back(std::move(action));
  }
  return out;
}

class PictureBuilder {
 public:
  PictureBuilder(const Plan& plan, const Schedule& s, Date as_of, const Scope& scope)
      : plan_(plan), schedule_(s), as_of_(as_of) {
    for (std::size_t k = 0; k < scope.path.chain.size(); ++k) {
      critical_.insert(scope.path.chain[k]);
      if (k > 0) critical_edges_.insert({scope.path.chain[k - 1], scope.path.chain[k]});
    }
  }

  Picture build(const Scope& scope) {
    for (const Action& a : scope.actions) vertex(a, false);
    for (const Action& a : scope.actions)
      for (const Dependency& d : a.depends_on) {
        const Vertex from = vertex(plan_.action(d.depends_on), true);
        const bool critical = critical_edges_.count({d.depends_on, a.id}) > 0;
        boost::add_edge(from, vertices_.at(a.id), Edge{d.lag_days, critical}, picture_);
      }
    return std::move(picture_);
  }

 private:
  // The vertex of an action, added on first sight.
  Vertex vertex(const Action& a, bool outside) {
    const auto found = vertices_.find(a.id);
    if (found != vertices_.end()) return found->second;
    // add_vertex(graph) then the bundle: Boost 1.74's add_vertex(property, graph)
    // trips GCC's -Wuninitialized in named_graph.hpp.
    const Vertex v = boost::add_vertex(picture_);
    picture_[v] = node(a, outside);
    vertices_.emplace(a.id, v);
    return v;
  }

  Node node(const Action& a, bool outside) const {
    const ActionTiming& t = schedule_.action(a.id);
    Node n;
    n.id = a.id.value();
    n.at_risk = exists_at(a, as_of_) && is_open_at(a, as_of_) && t.earliest_finish > due_on_at(a, as_of_);
    n.label = "#" + std::to_string(a.id.value()) + " " + one_line(a.title) + "\ndue " +
              to_iso(due_on_at(a, as_of_)) + ", forecast " + to_iso(t.earliest_finish) +
              (n.at_risk ? "\nAT RISK" : "");
    n.fill = fill_of(rag_at(plan_, a, as_of_));
    n.critical = critical_.count(a.id) > 0;
    n.outside = outside;
    return n;
  }

  const Plan& plan_;
  const Schedule& schedule_;
  Date as_of_;
  Picture picture_;
  std::unordered_map<ActionId, Vertex> vertices_;
  std::set<ActionId> critical_;
  std::set<std::pair<ActionId, ActionId>> critical_edges_;
};

void write_node(std::ostream& out, const Node& n) {
  std::string style = "filled";
  if (n.critical) style += ",bold";
  if (n.outside) style += ",dashed";
  out << "[label=" << dot_string(n.label) << ", fillcolor=" << dot_string(n.fill)
      << ", style=" << dot_string(style);
  if (n.critical) out << ", penwidth=3";
  if (n.at_risk) out << ", color=red";
  out << "]";
}

void write_edge(std::ostream& out, const Edge& e) {
  out << "[";
  if (e.lag_days != 0) out << "label=" << dot_string("+" + std::to_string(e.lag_days) + " d");
  if (e.critical) out << (e.lag_days != 0 ? ", " : "") << "style=bold, penwidth=3";
  out << "]";
}

}  // namespace

std::string to_dot(const Plan& plan, const Schedule& s, Date as_of, GraphScope scope) {
  if (plan.actions().size() != s.actions().size())
    throw ValidationError("schedule", "was made for a plan of " + std::to_string(s.actions().size()) +
                                          " actions; this plan has " + std::to_string(plan.actions().size()));
  const Scope chosen = scope_of(plan, s, scope);
  const Picture picture = PictureBuilder(plan, s, as_of, chosen).build(chosen);
  const std::string title = chosen.title + "\nRAG as of " + to_iso(as_of) + "; critical path " +
                            std::to_string(chosen.path.days) + " days (bold)";
  std::ostringstream out;
  boost::write_graphviz(
      out, picture, [&](std::ostream& o, Vertex v) { write_node(o, picture[v]); },
      [&](std::ostream& o, auto e) { write_edge(o, picture[e]); },
      [&](std::ostream& o) {
        o << "rankdir=LR;\nlabel=" << dot_string(title) << ";\nlabelloc=t;\n"
          << "node [shape=box, fontname=\"Helvetica\", fontsize=10];\nedge [color=\"#555555\"];\n";
      },
      boost::get(&Node::id, picture));
  return out.str();
}

}  // namespace plansight
