// plansight's C++ exception hierarchy as Python exception classes under one
// parent, plansight.Error. The C++ ImportError is bound as DataImportError:
// a class named ImportError in the package would shadow the builtin for
// anyone doing `from plansight import *` or `except ImportError`.
#include <exception>
#include <initializer_list>
#include <utility>

#include "bindings.hpp"

namespace plansight::python {
namespace {

// The classes live as long as the process: created once, never released.
struct ExceptionClasses {
  PyObject* error = nullptr;
  PyObject* validation = nullptr;
  PyObject* not_found = nullptr;
  PyObject* cycle = nullptr;
  PyObject* conflict = nullptr;
  PyObject* store = nullptr;
  PyObject* data_import = nullptr;
  PyObject* sheet_import = nullptr;
  PyObject* rule = nullptr;
};

ExceptionClasses classes;

PyObject* make_class(py::module_& m, const char* name, py::tuple bases, const char* doc,
                     py::dict attributes = py::dict()) {
  const std::string qualified = m.attr("__name__").cast<std::string>() + "." + name;
  PyObject* cls = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), attributes.ptr());
  if (!cls) throw py::error_already_set();
  m.attr(name) = py::handle(cls);
  return cls;
}

using Attributes = std::initializer_list<std::pair<const char*, py::object>>;

// Raises an instance of `cls` carrying the message and the given attributes.
void raise(PyObject* cls, const char* message, Attributes attributes = {}) {
  py::object instance = py::reinterpret_borrow<py::object>(cls)(message);
  for (const auto& [name, value] : attributes) instance.attr(name) = value;
  PyErr_SetObject(cls, instance.ptr());
}

void translate(std::exception_ptr thrown);

// The Python exception a rule's failure came from: the one a Python rule
// raised, a plansight error translated, or a RuntimeError carrying any other
// C++ exception's message; None when there is no cause.
py::object python_cause(const std::exception_ptr& cause) {
  if (!cause) return py::none();
  try {
    std::rethrow_exception(cause);
  } catch (py::error_already_set& e) {
    return e.value();
  } catch (...) {
    try {
      translate(std::current_exception());
    } catch (const std::exception& e) {
      PyErr_SetString(PyExc_RuntimeError, e.what());
    } catch (...) {
      PyErr_SetString(PyExc_RuntimeError, "unknown C++ exception");
    }
    if (!PyErr_Occurred()) return py::none();
    return py::error_already_set().value();
  }
}

// A Python rule interrupted (KeyboardInterrupt, SystemExit) did not fail:
// the interruption goes on as it was raised. Returns whether it did.
bool restore_interruption(const std::exception_ptr& cause) {
  if (!cause) return false;
  try {
    std::rethrow_exception(cause);
  } catch (py::error_already_set& e) {
    if (e.matches(PyExc_Exception)) return false;
    e.restore();
    return true;
  } catch (...) {
    return false;
  }
}

void translate(std::exception_ptr thrown) {
  if (!thrown) return;
  try {
    std::rethrow_exception(thrown);
  } catch (const RuleError& e) {
    if (restore_interruption(e.cause())) return;
    py::object cause = python_cause(e.cause());
    py::object instance = py::reinterpret_borrow<py::object>(classes.rule)(e.what());
    instance.attr("rule") = py::str(e.rule());
    instance.attr("__cause__") = cause;
    PyErr_SetObject(classes.rule, instance.ptr());
  } catch (const SheetImportError& e) {
    raise(classes.sheet_import, e.what(),
          {{"file", py::str(e.file())},
           {"line", py::int_(e.line())},
           {"field", py::str(e.field())},
           {"problems", py::cast(e.problems())}});
  } catch (const ImportError& e) {
    raise(classes.data_import, e.what(),
          {{"file", py::str(e.file())}, {"line", py::int_(e.line())}, {"field", py::str(e.field())}});
  } catch (const ValidationError& e) {
    raise(classes.validation, e.what(), {{"field", py::str(e.field())}});
  } catch (const NotFoundError& e) {
    raise(classes.not_found, e.what());
  } catch (const CycleError& e) {
    raise(classes.cycle, e.what());
  } catch (const ConflictError& e) {
    raise(classes.conflict, e.what());
  } catch (const StoreError& e) {
    raise(classes.store, e.what());
  } catch (const Error& e) {
    raise(classes.error, e.what());
  }
}

py::dict class_attributes(Attributes attributes) {
  py::dict dict;
  for (const auto& [name, value] : attributes) dict[name] = value;
  return dict;
}

}  // namespace

void register_errors(py::module_& m) {
  const py::handle exception(PyExc_Exception);
  classes.error = make_class(m, "Error", py::make_tuple(exception),
                             "Root of every error plansight raises.");
  const py::handle error(classes.error);
  classes.validation = make_class(
      m, "ValidationError", py::make_tuple(error, py::handle(PyExc_ValueError)),
      "A value breaks a rule of the model: a date out of order, an empty title, a case "
      "reference that looks like personal data, an unknown enum name. `field` names the "
      "offending field (may be empty).",
      class_attributes({{"field", py::str("")}}));
  classes.not_found = make_class(
      m, "NotFoundError", py::make_tuple(error, py::handle(PyExc_LookupError)),
      "A referenced entity does not exist (a dangling id).");
  classes.cycle = make_class(m, "CycleError", py::make_tuple(error),
                             "A dependency between actions would close a cycle.");
  classes.conflict = make_class(
      m, "ConflictError", py::make_tuple(error),
      "The request clashes with the current state: a duplicate id, a status transition that "
      "makes no sense, a change to an assured action.");
  classes.store = make_class(
      m, "StoreError", py::make_tuple(error),
      "The SQLite store failed or holds something this version cannot read.");
  classes.data_import = make_class(
      m, "DataImportError", py::make_tuple(error),
      "A row of an interchange file was refused (the C++ plansight::ImportError). `file`, "
      "`line` and `field` say where.",
      class_attributes({{"file", py::str("")}, {"line", py::int_(0)}, {"field", py::str("")}}));
  classes.sheet_import = make_class(
      m, "SheetImportError", py::make_tuple(py::handle(classes.data_import)),
      "A spreadsheet action plan was refused (the C++ plansight::SheetImportError): `problems` lists "
      "every refused cell as a SheetProblem (sheet, row, column, value, message), and the message "
      "lists them one per line. `file`, `line` and `field` are the first problem's sheet, row and column.",
      class_attributes({{"problems", py::list()}}));
  classes.rule = make_class(
      m, "RuleError", py::make_tuple(error),
      "A policy rule failed while checking a plan. `rule` names it; the exception it raised, "
      "if any, is the __cause__.",
      class_attributes({{"rule", py::str("")}}));
  py::register_exception_translator(translate);
}

}  // namespace plansight::python
