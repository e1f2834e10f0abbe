// Pictures of the dependency graph: the actions of one audit or one
// partnership as a Graphviz DOT digraph, for `dot -Tsvg` (the library only
// writes the text; it never runs a program).
//
// Each action is a box labelled with its id, title, the due date in force at
// as_of and its forecast finish, filled by its RAG at as_of (RED red, AMBER
// amber #ffbf00, GREEN green, BLUE lightblue, none grey); an open action at
// risk at as_of (at_risk) says so in its label and has a red border. Edges run
// from prerequisite to dependent, labelled "+N d" when the dependency has a
// lag. The scope's critical path (Schedule::critical_path) is drawn bold and
// thick, nodes and edges. A prerequisite from outside an audit is drawn
// dashed, so that no edge into the audit is lost.
#pragma once

#include <string>
#include <variant>

#include "plansight/schedule.hpp"

namespace plansight {

// What a picture shows: one audit's actions or one partnership's.
using GraphScope = std::variant<AuditId, PartnershipId>;

// The DOT text (written by Boost.Graph's write_graphviz). Throws NotFoundError
// for an audit or partnership the plan does not hold, and ValidationError for
// a schedule made for a plan with another number of actions.
std::string to_dot(const Plan& plan, const Schedule& schedule, Date as_of, GraphScope scope);

}  // namespace plansight
