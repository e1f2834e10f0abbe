// Helpers for the __repr__ of the bound value types, and the module's __all__.
#include "bindings.hpp"
#include "plansight/dates.hpp"

namespace plansight::python {

std::string quoted(std::string_view text, std::size_t limit) {
  py::str full(text.data(), text.size());
  if (py::len(full) <= limit) return py::repr(full).cast<std::string>();
  const auto cut = py::str(full[py::slice(0, static_cast<py::ssize_t>(limit), 1)]).cast<std::string>();
  return py::repr(py::str(cut + "...")).cast<std::string>();
}

std::string iso_or_dash(Date d) { return d.is_special() ? "-" : to_iso(d); }

std::string describe_owner(const Owner& owner) {
  if (owner.agency) return "agency " + std::to_string(owner.agency->value());
  if (owner.group) return "group " + std::to_string(owner.group->value());
  return "no owner";
}

void export_public_names(py::module_& m) {
  py::list names;
  for (const auto& item : m.attr("__dict__").cast<py::dict>()) {
    const auto name = item.first.cast<std::string>();
    if (!name.empty() && name.front() != '_') names.append(item.first);
  }
  names.attr("sort")();
  m.attr("__all__") = names;
}

}  // namespace plansight::python
