// The compiled core of the plansight Python package. Each area of the C++
// library is bound by its own register_<area>.cpp; this file only creates the
// module and calls them in order.
#include "bindings.hpp"
#include "plansight/version.hpp"

PYBIND11_MODULE(_core, m) {
  namespace ps = plansight::python;
  m.doc() =
      "plansight's compiled core: the C++ library's model, plan, as-of queries, "
      "schedule and SQLite store. Import it through the plansight package.";
  m.attr("__version__") = plansight::version;
  ps::register_errors(m);
  ps::register_enums(m);
  ps::register_model(m);
  ps::register_summary(m);
  ps::register_plan(m);
  ps::register_dependencies(m);
  ps::register_reviews(m);
  ps::register_rules(m);
  ps::register_interchange(m);
  ps::register_store(m);
  ps::register_schedule(m);
  ps::register_themes(m);
  ps::register_spreadsheet(m);
  ps::register_report(m);
  ps::export_public_names(m);
}
