// Dependency queries (dependencies.hpp) as module functions mirroring the C++
// ones: blocked_by, blocks, topological_order and ready_to_start, and the
// BlockedAction they return. The date comes from the caller (keyword as_of);
// the functions release the GIL while C++ works.
#include "bindings.hpp"
#include "plansight/dependencies.hpp"

namespace plansight::python {
namespace {

void bind_blocked_action(py::module_& m) {
  py::class_<BlockedAction>(m, "BlockedAction", "A blocked action and the open actions it waits for.")
      .def_readonly("action", &BlockedAction::action, "Id of the blocked action.")
      .def_readonly("blockers", &BlockedAction::blockers,
                    "Ids of its prerequisites open at the date, in the order the dependencies were added.")
      .def("__repr__", [](const BlockedAction& b) {
        std::string ids;
        for (auto id : b.blockers) ids += (ids.empty() ? "" : ", ") + std::to_string(id.value());
        return "<BlockedAction " + std::to_string(b.action.value()) + " waiting for " + ids + ">";
      }, "Like <BlockedAction 12 waiting for 7, 9>.");
}

void bind_functions(py::module_& m) {
  const auto nogil = py::call_guard<py::gil_scoped_release>();
  m.def("blocked_by", [](const Plan& plan, Date as_of) { return blocked_by(plan, as_of); }, py::arg("plan"),
        py::kw_only(), py::arg("as_of"), nogil,
        "Every action existing at as_of that is blocked then (open, with a prerequisite open then), "
        "ascending by id, with the open actions it waits for.")
      .def("blocks", [](const Plan& plan, ActionId action) { return blocks(plan, action); }, py::arg("plan"),
           py::arg("action"), nogil,
           "Ids, ascending, of every action that waits for `action`, directly or through others; "
           "raises NotFoundError for an unknown action.")
      .def("topological_order", [](const Plan& plan) { return topological_order(plan); }, py::arg("plan"),
           nogil,
           "Every action id once, each after every action it depends on; of the actions free to "
           "come next, the smallest id first.")
      .def("ready_to_start", [](const Plan& plan, Date as_of) { return ready_to_start(plan, as_of); },
           py::arg("plan"), py::kw_only(), py::arg("as_of"), nogil,
           "Ids, ascending, of the actions existing and open at as_of none of whose prerequisites "
           "is open then.");
}

}  // namespace

void register_dependencies(py::module_& m) {
  bind_blocked_action(m);
  bind_functions(m);
}

}  // namespace plansight::python
