// Python rules run from C++: a partnership's C++ tool embeds the Python
// interpreter, loads the partnership's own rules from a .py file (subclasses
// of plansight.Rule, tests/data/rules/python_rules.py), holds each as a
// std::shared_ptr<const Rule> and runs it in one RuleSet with the built-in
// rules and a C++ rule of its own; a Python rule's failure reaches C++ as a
// RuleError naming the rule, the Python exception kept as its cause.
//
// The module's bindings (python/src, PYBIND11_MODULE(_core, m)) are compiled
// into this executable and registered as a built-in module before the
// interpreter starts, so the library, the bindings and pybind11's type
// registry exist once; the plansight package is imported from the source
// tree, not from an installed copy. The interpreter starts with the first test
// case run (listing the cases starts none) and ends in main().
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>
#include <pybind11/embed.h>

#include <algorithm>
#include <exception>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "fixtures.hpp"
#include "sample_rules.hpp"
#include "plansight/rules.hpp"
#include "plansight/status.hpp"
#include "plansight/version.hpp"

// The module's entry point (python/src/module.cpp). pybind11 3 initialises it
// in two phases (PEP 489): it returns a PyModuleDef, which the built-in
// importer turns into a module named after the name it is registered under.
extern "C" PyObject* PyInit__core();

namespace py = pybind11;
using namespace plansight;
using namespace plansight::testing;

namespace {

// ---- the embedded interpreter ------------------------------------------------------------

// The built-in importer finds top-level names only, so the module is
// registered under one and then aliased as plansight._core.
constexpr const char* builtin_module = "_plansight_core";
const std::string source_dir = PLANSIGHT_SOURCE_DIR;
const std::string rules_file = source_dir + "/tests/data/rules/python_rules.py";

std::optional<py::scoped_interpreter> interpreter;

// Isolated: no PYTHONPATH, PYTHONHOME or user site-packages from the
// environment, so the plansight imported is the source tree's.
void start_interpreter() {
  if (PyImport_AppendInittab(builtin_module, &PyInit__core) == -1)
    throw std::runtime_error("cannot register the module _plansight_core");
  PyConfig config;
  PyConfig_InitIsolatedConfig(&config);
  interpreter.emplace(&config, 0, nullptr, /*add_program_dir_to_path=*/false);
  const py::module_ sys = py::module_::import("sys");
  sys.attr("modules")["plansight._core"] = py::module_::import(builtin_module);
  sys.attr("path").attr("insert")(0, source_dir + "/python");
}

// The fixture of every test case: the interpreter, which the first case run starts.
struct EmbeddedPython {
  EmbeddedPython() {
    if (!interpreter) start_interpreter();
  }
};

// Loads a rules file as a partnership's tool would: by path, as a module of
// its own (not put in sys.modules).
py::object load_rules_file(const std::string& path) {
  const py::module_ util = py::module_::import("importlib.util");
  const py::object spec = util.attr("spec_from_file_location")("partnership_rules", path);
  py::object module = util.attr("module_from_spec")(spec);
  spec.attr("loader").attr("exec_module")(module);
  return module;
}

// A new instance of the Python rule class `name` of the rules file, as C++ holds a rule.
std::shared_ptr<const Rule> python_rule(const char* name) {
  return load_rules_file(rules_file).attr(name)().cast<std::shared_ptr<const Rule>>();
}

// ---- plans and reports -------------------------------------------------------------------

// The quarterly LIS review date most tests ask about.
const Date D = ymd(2024, 6, 30);
const Date created = ymd(2024, 2, 1);


// The subjects rule `rule` found, in the report's order.
std::vector<Subject> found(const RuleReport& report, std::string_view rule) {
  std::vector<Subject> subjects;
  for (const auto& r : report.results)
    if (r.rule == rule) subjects.push_back(r.subject);
  return subjects;
}

std::vector<Subject> actions(std::initializer_list<ActionId> ids) {
  std::vector<Subject> subjects;
  for (const auto id : ids) subjects.push_back(Subject::action(id));
  return subjects;
}

const std::vector<Subject> none;

std::vector<std::string> builtin_ids() {
  std::vector<std::string> ids;
  for (const auto& r : builtin_rules()) ids.push_back(r->id());
  return ids;
}

// The RuleError `f` throws; fails the check when it throws nothing or something else.
template <class F>
std::optional<RuleError> rule_error_of(F&& f) {
  try {
    f();
  } catch (const RuleError& e) {
    return e;
  } catch (const std::exception& e) {
    FAIL_CHECK("expected a RuleError, got: " << e.what());
    return std::nullopt;
  }
  FAIL_CHECK("expected a RuleError, nothing was thrown");
  return std::nullopt;
}

#define CHECK_NAMES(message, fragment)                                                 \
  CHECK_MESSAGE(std::string(message).find(fragment) != std::string::npos,             \
                "\"" << std::string(message) << "\" should name \"" << (fragment) << "\"")

}  // namespace

// ---- one module, one registry ------------------------------------------------------------

TEST_CASE_FIXTURE(EmbeddedPython,
                  "the compiled bindings are plansight._core and the package comes from the source tree") {
  const py::module_ plansight = py::module_::import("plansight");
  const py::object core = plansight.attr("_core");
  CHECK(core.is(py::module_::import(builtin_module)));
  CHECK(core.is(py::module_::import("plansight._core")));
  CHECK(plansight.attr("__file__").cast<std::string>() == source_dir + "/python/plansight/__init__.py");
  // One pybind11 registry: the type C++ casts to is the class Python subclasses.
  CHECK(py::type::of<Rule>().is(py::object(plansight.attr("Rule"))));
  CHECK(py::type::of<RuleSet>().is(py::object(plansight.attr("RuleSet"))));
  CHECK(plansight.attr("__version__").cast<std::string>() == plansight::version);
  // numpy is imported by action_columns only: running rules needs none installed.
  CHECK_FALSE(py::module_::import("sys").attr("modules").contains("numpy"));
}

// ---- Python and C++ rules in one rule set ------------------------------------------------

TEST_CASE_FIXTURE(EmbeddedPython,
                  "a Python rule runs from C++ in one rule set with the built-in rules and a C++ rule") {
  Builder b;
  const auto long_horizon = b.add_action(created, days_after(created, 181));
  const auto group_owned = b.add_action(created, days_after(D, 30), owned_by(b.area.lis));
  const auto overdue = b.add_action(created, days_before(D, 1));

  RuleSet rules = RuleSet::builtin();
  rules.add(std::make_shared<GroupActionsNeedALead>());
  const std::shared_ptr<const Rule> python = python_rule("LongHorizon");
  REQUIRE(python);
  rules.add(python);

  const RuleReport report = rules.check(b.plan, D);
  auto ran = builtin_ids();
  ran.push_back("group_actions_need_a_lead");
  ran.push_back("long_horizon");
  CHECK(report.ran == ran);
  CHECK(report.skipped.empty());
  CHECK(found(report, "long_horizon") == actions({long_horizon}));
  CHECK(found(report, "group_actions_need_a_lead") == actions({group_owned}));
  CHECK(found(report, "overdue") == actions({overdue}));

  const auto python_result = std::find_if(report.results.begin(), report.results.end(),
                                          [](const RuleResult& r) { return r.rule == "long_horizon"; });
  REQUIRE(python_result != report.results.end());
  CHECK(*python_result == RuleResult{"long_horizon", Severity::warning, Subject::action(long_horizon),
                                     "action 1 'Refresh voice of the child training' is due 181 days after "
                                     "it was created (more than 180) and needs interim milestones"});
  // Breach first, then warning by rule id: the Python rule's result sorts among the C++ ones.
  CHECK(report.results.front().rule == "overdue");
  CHECK(report.count(Severity::breach) == 1);
  std::vector<std::string> warning_rules;
  for (const auto& r : report.results)
    if (r.severity == Severity::warning) warning_rules.push_back(r.rule);
  CHECK(std::is_sorted(warning_rules.begin(), warning_rules.end()));
  CHECK(std::find(warning_rules.begin(), warning_rules.end(), "long_horizon") != warning_rules.end());
}

TEST_CASE_FIXTURE(EmbeddedPython, "C++ sees the Python rule's id, description, severity and parameters") {
  const auto python = python_rule("LongHorizon");
  CHECK(python->id() == "long_horizon");
  CHECK(python->description() ==
        "Open actions due more than `days` days after they were created need milestones");
  CHECK(python->default_severity() == Severity::warning);
  CHECK(python->default_parameters() == RuleParameters{{"days", 180}});
  RuleSet rules;
  rules.add(python);
  CHECK(rules.rule("long_horizon").parameters == RuleParameters{{"days", 180}});
  CHECK(rules.rule("long_horizon").severity == Severity::warning);
}

TEST_CASE_FIXTURE(EmbeddedPython, "the Python rule reads the plan as of the date, at its threshold") {
  Builder b;
  const auto under = b.add_action(created, days_after(created, 179));
  const auto at = b.add_action(created, days_after(created, 180));
  const auto over = b.add_action(created, days_after(created, 181));
  RuleSet rules;
  rules.add(python_rule("LongHorizon"));
  (void)under, (void)at;
  CHECK(found(rules.check(b.plan, D), "long_horizon") == actions({over}));

  SUBCASE("an action is seen from the day it is created") {
    CHECK(found(rules.check(b.plan, days_before(created, 1)), "long_horizon") == none);
    CHECK(found(rules.check(b.plan, created), "long_horizon") == actions({over}));
    CHECK(found(rules.check(b.plan, days_after(created, 1)), "long_horizon") == actions({over}));
  }
  SUBCASE("the due date in force at the date counts, not a later revision") {
    const Date revised_on = days_after(D, 1);
    b.revise_due(at, revised_on, days_after(created, 200));
    CHECK(found(rules.check(b.plan, D), "long_horizon") == actions({over}));
    CHECK(found(rules.check(b.plan, revised_on), "long_horizon") == actions({at, over}));
  }
  SUBCASE("an action complete at the date is not open") {
    const Date completed_on = days_after(D, 1);
    b.set_status(over, completed_on, Status::complete);
    CHECK(found(rules.check(b.plan, D), "long_horizon") == actions({over}));
    CHECK(found(rules.check(b.plan, completed_on), "long_horizon") == none);
  }
}

TEST_CASE_FIXTURE(EmbeddedPython, "a rule set configured from C++ configures the Python rule") {
  Builder b;
  const auto over = b.add_action(created, days_after(created, 181));
  const auto far_over = b.add_action(created, days_after(created, 250));
  RuleSet rules = RuleSet::builtin();
  rules.add(python_rule("LongHorizon"));

  SUBCASE("its parameter") {
    rules.set_parameter("long_horizon", "days", 181);
    CHECK(found(rules.check(b.plan, D), "long_horizon") == actions({far_over}));
    rules.set_parameter("long_horizon", "days", 180);
    CHECK(found(rules.check(b.plan, D), "long_horizon") == actions({over, far_over}));
  }
  SUBCASE("its severity") {
    rules.disable("overdue");
    CHECK_FALSE(rules.check(b.plan, D).has_breach());
    rules.set_severity("long_horizon", Severity::breach);
    const RuleReport report = rules.check(b.plan, D);
    CHECK(report.has_breach());
    CHECK(report.count(Severity::breach) == 2);
    CHECK(report.results.front().rule == "long_horizon");
    CHECK(report.results.front().severity == Severity::breach);
  }
  SUBCASE("whether it runs") {
    rules.disable("long_horizon");
    const RuleReport report = rules.check(b.plan, D);
    CHECK(report.skipped == std::vector<std::string>{"long_horizon"});
    CHECK(found(report, "long_horizon") == none);
  }
  SUBCASE("from a rules file") {
    rules.configure(parse_rule_config("[long_horizon]\ndays = 200\nseverity = info\n", "policy.ini"));
    const RuleReport report = rules.check(b.plan, D);
    CHECK(found(report, "long_horizon") == actions({far_over}));
    for (const auto& r : report.results)
      if (r.rule == "long_horizon") CHECK(r.severity == Severity::info);
    CHECK(rules.rule("long_horizon").severity == Severity::info);
  }
  SUBCASE("a parameter it does not take is refused, the set unchanged") {
    const std::string before = configuration(rules);
    try {
      rules.set_parameter("long_horizon", "weeks", 2);
      FAIL_CHECK("expected a ValidationError");
    } catch (const ValidationError& e) {
      CHECK(e.field() == "parameter");
      CHECK_NAMES(e.what(), "weeks");
    }
    try {
      rules.configure(parse_rule_config("[long_horizon]\ndays = 200\nweeks = 2\n", "policy.ini"));
      FAIL_CHECK("expected an ImportError");
    } catch (const ImportError& e) {
      CHECK(e.file() == "policy.ini");
      CHECK(e.line() == 3);
      CHECK_NAMES(e.field(), "weeks");
    }
    CHECK(configuration(rules) == before);
  }
  SUBCASE("a second rule with its id is refused, the set unchanged") {
    const std::string before = configuration(rules);
    CHECK_THROWS_AS(rules.add(python_rule("LongHorizon")), ConflictError);
    CHECK(configuration(rules) == before);
  }
}

// ---- failures ----------------------------------------------------------------------------

TEST_CASE_FIXTURE(EmbeddedPython,
                  "a Python rule that raises is a RuleError in C++ naming it, the exception its cause") {
  Builder b;
  b.add_action(created, days_before(D, 1));
  RuleSet rules = RuleSet::builtin();
  rules.add(python_rule("MissingColumn"));
  const std::string plan_before = fingerprint(b.plan);

  const auto error = rule_error_of([&] { (void)rules.check(b.plan, D); });
  REQUIRE(error);
  CHECK(error->rule() == "missing_column");
  CHECK_NAMES(error->what(), "rule missing_column: failed checking the plan as of 2024-06-30: ");
  CHECK_NAMES(error->what(), "KeyError: 'attendance'");
  REQUIRE(error->cause());
  try {
    std::rethrow_exception(error->cause());
  } catch (const py::error_already_set& cause) {
    CHECK(cause.matches(PyExc_KeyError));
    CHECK(py::str(cause.value()).cast<std::string>() == "'attendance'");
  } catch (...) {
    FAIL_CHECK("the cause should be the Python exception");
  }
  CHECK(fingerprint(b.plan) == plan_before);

  // Without the failing rule, the same set runs.
  rules.disable("missing_column");
  CHECK(rules.check(b.plan, D).count(Severity::breach) == 1);
}

TEST_CASE_FIXTURE(EmbeddedPython,
                  "a Python rule returning something other than a list of results is a RuleError naming it") {
  Builder b;
  RuleSet rules;
  rules.add(python_rule("NotAList"));
  const auto error = rule_error_of([&] { (void)rules.check(b.plan, D); });
  REQUIRE(error);
  CHECK(error->rule() == "not_a_list");
  CHECK_NAMES(error->what(), "rule not_a_list: failed checking the plan as of 2024-06-30: ");
  REQUIRE(error->cause());
  CHECK_THROWS_AS(std::rethrow_exception(error->cause()), py::cast_error);
}

// ---- lifetime and threads ----------------------------------------------------------------

TEST_CASE_FIXTURE(EmbeddedPython, "a Python rule lives exactly as long as C++ holds it") {
  Builder b;
  const auto over = b.add_action(created, days_after(created, 181));
  const py::module_ gc = py::module_::import("gc");
  py::object alive;
  {
    RuleSet rules;
    {
      py::object instance = load_rules_file(rules_file).attr("LongHorizon")();
      alive = py::module_::import("weakref").attr("ref")(instance);
      rules.add(instance.cast<std::shared_ptr<const Rule>>());
    }
    // Python holds it no more: the rule set does.
    gc.attr("collect")();
    CHECK_FALSE(alive().is_none());
    CHECK(found(rules.check(b.plan, D), "long_horizon") == actions({over}));
    CHECK(rules.rule("long_horizon").rule->description().starts_with("Open actions due more than"));
  }
  gc.attr("collect")();
  CHECK(alive().is_none());
}

TEST_CASE_FIXTURE(EmbeddedPython,
                  "a C++ worker thread runs the Python rule while the main thread has released the GIL") {
  Builder b;
  const auto over = b.add_action(created, days_after(created, 181));
  RuleSet rules = RuleSet::builtin();
  rules.add(std::make_shared<GroupActionsNeedALead>());
  rules.add(python_rule("LongHorizon"));
  RuleSet failing;
  failing.add(python_rule("MissingColumn"));
  const RuleReport expected = rules.check(b.plan, D);

  std::optional<RuleReport> report;
  std::exception_ptr failure;
  {
    const py::gil_scoped_release released;
    std::thread worker([&] {
      report = rules.check(b.plan, D);
      try {
        (void)failing.check(b.plan, D);
      } catch (const RuleError&) {
        failure = std::current_exception();
      }
    });
    worker.join();
  }
  REQUIRE(report);
  CHECK(report->results == expected.results);
  CHECK(found(*report, "long_horizon") == actions({over}));
  REQUIRE(failure);
  try {
    std::rethrow_exception(failure);
  } catch (const RuleError& e) {
    CHECK(e.rule() == "missing_column");
    CHECK_THROWS_AS(std::rethrow_exception(e.cause()), py::error_already_set);
  }
}

int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  const int result = context.run();
  // Every Python object of the test cases is gone: end the interpreter here,
  // not during static destruction.
  interpreter.reset();
  return result;
}
