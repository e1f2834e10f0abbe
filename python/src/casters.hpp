// Conversions between plansight's value types and Python, shared by every
// register_<area>.cpp of the module (private to the bindings):
//   - boost::gregorian::date  <-> datetime.date (a not-a-date becomes None);
//   - plansight::Id<Tag>      <-> int (None or 0 means "not yet assigned"; any
//     integer with __index__, such as numpy.int64 from action_columns, goes in);
//   - the model's enums       <-> their Python enum.Enum classes, and from str:
//     wherever an enum is expected, its name ("in_progress", "RED") is
//     accepted too, case-insensitively; an unknown name raises ValidationError;
//   - plansight::Text         <-> str;
//   - FilePath                <-  str or os.PathLike[str] (pathlib.Path).
#pragma once

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cctype>
#include <string>
#include <string_view>

#include "plansight/enums.hpp"
#include "plansight/errors.hpp"
#include "plansight/ids.hpp"
#include "plansight/model.hpp"

namespace plansight::python {

// Reads an enum from its name: the canonical vocabulary name ("RED",
// "in_progress") or the Python member name ("red"), in any case.
template <class E>
E parse_enum_name(std::string_view text) {
  const auto& names = EnumNames<E>::values;
  const auto same = [](std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
        return false;
    return true;
  };
  // A member name that is a Python keyword carries a trailing underscore.
  const auto bare = !text.empty() && text.back() == '_' ? text.substr(0, text.size() - 1) : text;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (same(names[i], text) || same(names[i], bare)) return static_cast<E>(i);
  return parse<E>(text);  // throws ValidationError listing the names
}

// A file-system path given as str or os.PathLike[str] (pathlib.Path).
struct FilePath {
  std::string text;
};

// datetime.date <-> boost::gregorian::date, in dates.cpp: the only
// translation unit that includes <datetime.h>, whose C API pointer is a
// static of each one that does; one copy, imported once, serves all.
bool load_date(pybind11::handle src, boost::gregorian::date& out);
pybind11::handle date_to_python(const boost::gregorian::date& d);

}  // namespace plansight::python

namespace pybind11::detail {

template <>
struct type_caster<boost::gregorian::date> {
  PYBIND11_TYPE_CASTER(boost::gregorian::date, io_name("datetime.date", "datetime.date"));

  // Accepts a datetime.date; a datetime.datetime is refused rather than
  // silently cut to its date.
  bool load(handle src, bool /*convert*/) { return plansight::python::load_date(src, value); }

  static handle cast(const boost::gregorian::date& d, return_value_policy, handle) {
    return plansight::python::date_to_python(d);
  }
};

template <>
struct type_caster<plansight::python::FilePath> {
  PYBIND11_TYPE_CASTER(plansight::python::FilePath, io_name("str | os.PathLike[str]", "str"));

  bool load(handle src, bool /*convert*/) {
    if (!isinstance<str>(src) && !hasattr(src, "__fspath__")) return false;
    object text = module_::import("os").attr("fspath")(src);
    if (!isinstance<str>(text)) return false;  // a bytes path
    value.text = text.cast<std::string>();
    return true;
  }

  static handle cast(const plansight::python::FilePath& path, return_value_policy, handle) {
    return str(path.text).release();
  }
};

template <>
struct type_caster<plansight::Text> {
  PYBIND11_TYPE_CASTER(plansight::Text, const_name("str"));

  // A str only: bytes are not text (std::string's caster would take them).
  bool load(handle src, bool convert) {
    if (!PyUnicode_Check(src.ptr())) return false;
    make_caster<std::string_view> text;
    if (!text.load(src, convert)) return false;
    value = plansight::Text(cast_op<std::string_view>(text));
    return true;
  }

  static handle cast(const plansight::Text& text, return_value_policy policy, handle parent) {
    return make_caster<std::string_view>::cast(std::string_view(text), policy, parent);
  }
};

template <class Tag>
struct type_caster<plansight::Id<Tag>> {
  using IdType = plansight::Id<Tag>;
  PYBIND11_TYPE_CASTER(IdType, io_name("typing.SupportsIndex", "int"));

  // Accepts an int or anything with __index__ (numpy integers); None is 0.
  bool load(handle src, bool /*convert*/) {
    if (src.is_none()) {
      value = IdType();
      return true;
    }
    if (PyBool_Check(src.ptr()) || !PyIndex_Check(src.ptr())) return false;
    const long long v = PyLong_AsLongLong(reinterpret_steal<object>(PyNumber_Index(src.ptr())).ptr());
    if (v == -1 && PyErr_Occurred()) {
      PyErr_Clear();
      return false;
    }
    if (v < 0) throw plansight::ValidationError("id", "must not be negative, got " + std::to_string(v));
    value = IdType(v);
    return true;
  }

  static handle cast(IdType id, return_value_policy, handle) { return PyLong_FromLongLong(id.value()); }
};

// An enum registered with py::native_enum that also loads from its name.
template <class E>
struct named_enum_caster {
  PYBIND11_TYPE_CASTER(E, const_name<E>() + io_name(" | str", ""));

  bool load(handle src, bool convert) {
    if (isinstance<str>(src)) {
      value = plansight::python::parse_enum_name<E>(src.cast<std::string>());
      return true;
    }
    type_caster_enum_type<E> native;
    if (!native.load(src, convert)) return false;
    value = static_cast<E&>(native);
    return true;
  }

  static handle cast(E src, return_value_policy policy, handle parent) {
    return type_caster_enum_type<E>::cast(src, policy, parent);
  }
};

template <>
struct type_caster<plansight::Status> : named_enum_caster<plansight::Status> {};
template <>
struct type_caster<plansight::Rag> : named_enum_caster<plansight::Rag> {};
template <>
struct type_caster<plansight::Sector> : named_enum_caster<plansight::Sector> {};
template <>
struct type_caster<plansight::AuditKind> : named_enum_caster<plansight::AuditKind> {};
template <>
struct type_caster<plansight::AuditStage> : named_enum_caster<plansight::AuditStage> {};
template <>
struct type_caster<plansight::FindingCategory> : named_enum_caster<plansight::FindingCategory> {};
template <>
struct type_caster<plansight::Grade> : named_enum_caster<plansight::Grade> {};
template <>
struct type_caster<plansight::Involvement> : named_enum_caster<plansight::Involvement> {};
template <>
struct type_caster<plansight::EvidenceKind> : named_enum_caster<plansight::EvidenceKind> {};
template <>
struct type_caster<plansight::CycleKind> : named_enum_caster<plansight::CycleKind> {};
template <>
struct type_caster<plansight::ReviewableKind> : named_enum_caster<plansight::ReviewableKind> {};
template <>
struct type_caster<plansight::OutcomeKind> : named_enum_caster<plansight::OutcomeKind> {};
template <>
struct type_caster<plansight::Severity> : named_enum_caster<plansight::Severity> {};

}  // namespace pybind11::detail
