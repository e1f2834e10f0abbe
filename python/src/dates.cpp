// The date conversions of casters.hpp. <datetime.h> keeps its C API pointer
// in a static of every translation unit including it; this is the only one,
// so the pointer is imported once and every caster uses the same one.
#include "casters.hpp"

#include <datetime.h>  // after pybind11, which brings in Python.h first

namespace plansight::python {
namespace {

void ensure_datetime_api() {
  if (!PyDateTimeAPI) PyDateTime_IMPORT;
  if (!PyDateTimeAPI) throw pybind11::error_already_set();
}

}  // namespace

// Accepts a datetime.date; a datetime.datetime is refused rather than
// silently cut to its date.
bool load_date(pybind11::handle src, boost::gregorian::date& out) {
  ensure_datetime_api();
  if (!src || !PyDate_Check(src.ptr()) || PyDateTime_Check(src.ptr())) return false;
  const int year = PyDateTime_GET_YEAR(src.ptr());
  // Boost.Date_Time covers the years 1400 to 9999.
  if (year < 1400)
    throw ValidationError("date", "year " + std::to_string(year) + " is out of range (1400 to 9999)");
  out = boost::gregorian::date(static_cast<unsigned short>(year),
                               static_cast<unsigned short>(PyDateTime_GET_MONTH(src.ptr())),
                               static_cast<unsigned short>(PyDateTime_GET_DAY(src.ptr())));
  return true;
}

pybind11::handle date_to_python(const boost::gregorian::date& d) {
  if (d.is_special()) return pybind11::none().release();
  ensure_datetime_api();
  return PyDate_FromDate(d.year(), d.month(), d.day());
}

}  // namespace plansight::python
