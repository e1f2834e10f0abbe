// What the parts of the module plansight._core share: the register_<area>
// functions that module.cpp calls in order, and small helpers for __repr__.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/typing.h>

#include <string>
#include <string_view>
#include <variant>

#include "casters.hpp"
#include "plansight/plan.hpp"

namespace plansight::python {

namespace py = pybind11;

// In call order: enums before the classes and functions that name them, so
// that signatures and stubs spell them as Python types.
void register_errors(py::module_& m);
void register_enums(py::module_& m);
void register_model(py::module_& m);
void register_summary(py::module_& m);
void register_plan(py::module_& m);
void register_dependencies(py::module_& m);
void register_reviews(py::module_& m);
void register_rules(py::module_& m);
void register_interchange(py::module_& m);
void register_store(py::module_& m);
void register_schedule(py::module_& m);
void register_themes(py::module_& m);
// After register_store: it adds Store.import_action_plan.
void register_spreadsheet(py::module_& m);
void register_report(py::module_& m);
// `by` of the Store methods: an Actor or a plain name (register_store.cpp).
using ActorArg = std::variant<Actor, std::string>;
Actor to_actor(const ActorArg& by);

// Sets __all__ to every public name the module defines (repr.cpp).
void export_public_names(py::module_& m);

// A Python object of any type, spelt typing.Any in signatures and stubs.
class AnyObject : public py::object {
 public:
  PYBIND11_OBJECT_DEFAULT(AnyObject, py::object, [](PyObject*) { return 1; })
};

// Each value is a numpy array, except the two lists of category names; typed
// as Any so that typed code can use either without a cast.
using ColumnDict = py::typing::Dict<py::str, AnyObject>;
// Columns of the actions existing at `as_of` (of one partnership or audit
// when given), one numpy array per field (columns.cpp; see Plan.action_columns).
struct ActionSelection {
  std::optional<PartnershipId> partnership;
  std::optional<AuditId> audit;
  bool forecast = true;
};
ColumnDict action_columns(const Plan& plan, Date as_of, const ActionSelection& selection = {});

// Python's repr of a string ('Deliver training'), cut to `limit` characters.
std::string quoted(std::string_view text, std::size_t limit = 60);
// "2025-03-31"; "-" for a not-a-date.
std::string iso_or_dash(Date d);
// "agency 3", "group 2" or "no owner".
std::string describe_owner(const Owner& owner);

}  // namespace plansight::python

template <>
struct pybind11::detail::handle_type_name<plansight::python::AnyObject> {
  static constexpr auto name = const_name("typing.Any");
};
