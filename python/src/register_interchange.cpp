// The CSV workload interchange format: the warnings an import gives back and
// the list of files it reads and writes. Importing and exporting run
// through a Store (Store.import_workload, Store.export_workload).
#include "bindings.hpp"
#include "plansight/interchange.hpp"

namespace plansight::python {

void register_interchange(py::module_& m) {
  py::class_<ImportWarning>(m, "ImportWarning",
                            "A row kept although it breaks a rule that plansight applies only to "
                            "data entered anew (e.g. a due date before the creation date in "
                            "another system's records).")
      .def_readonly("file", &ImportWarning::file, "The file the row is in.")
      .def_readonly("line", &ImportWarning::line, "The row's line number in the file.")
      .def_readonly("field", &ImportWarning::field, "The field concerned.")
      .def_readonly("message", &ImportWarning::message, "What is unusual about the row.")
      .def("__repr__", [](const ImportWarning& w) {
        return "<ImportWarning " + w.file + " line " + std::to_string(w.line) +
               (w.field.empty() ? "" : ", field " + w.field) + ": " + quoted(w.message, 80) + ">";
      }, "Like <ImportWarning actions.csv line 12, field due_on: 'due date ... is before ...'>.");
  m.def("workload_files", &workload_files, py::return_value_policy::copy,
        "The files of the CSV workload format, in the order they are read.");
}

}  // namespace plansight::python
