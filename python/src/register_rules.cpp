// Policy rules (rules.hpp): the Rule base class, which Python subclasses
// override through a trampoline so that Python and C++ rules run in one
// RuleSet; the context a check receives; results, reports and rules files.
//
// A Python rule:
//
//     class NeedsLead(plansight.Rule):
//         def __init__(self):
//             super().__init__("needs_lead", "Board actions need a named lead", "warning")
//         def check(self, context):
//             return [context.result(plansight.Subject.action(a.id), "...") for a in ...]
//
// The RuleSet keeps a Python rule alive (smart_holder with
// trampoline_self_life_support) as long as it holds it.
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "columns.hpp"
#include "plansight/rules.hpp"

namespace plansight::python {
namespace {

using namespace pybind11::literals;

// What Python sees of a RuleContext: the context lives on the C++ stack for
// the length of one check, so Python gets this view, which the trampoline
// closes when the check returns. A rule that keeps it gets an Error on use,
// never a dangling reference.
class ContextView {
 public:
  explicit ContextView(const RuleContext& context) : context_(&context) {}
  const RuleContext& get() const {
    if (!context_) throw Error("a rule context is valid only during its rule's check; do not keep it");
    return *context_;
  }
  void close() { context_ = nullptr; }

 private:
  const RuleContext* context_;
};

class PyRule : public Rule, public py::trampoline_self_life_support {
 public:
  using Rule::Rule;
  std::vector<RuleResult> check(const RuleContext& context) const override {
    py::gil_scoped_acquire gil;
    py::function override = py::get_override(static_cast<const Rule*>(this), "check");
    if (!override) throw Error("rule " + id() + " is a plansight.Rule that does not define check(context)");
    auto view = std::make_shared<ContextView>(context);
    struct Close {
      ContextView& view;
      ~Close() { view.close(); }
    } close{*view};
    return override(view).cast<std::vector<RuleResult>>();
  }
};

void bind_results(py::module_& m) {
  py::class_<Subject>(m, "Subject", "What a rule result is about: a kind ('action', 'finding', ...) and an id.")
      .def(py::init([](std::string kind, std::int64_t id) { return Subject{std::move(kind), id}; }), "kind"_a,
           "id"_a, "A subject of kind `kind` ('action', 'finding', 'audit', 'concern', 'item') and id `id`.")
      .def_static("action", &Subject::action, "id"_a, "The action `id`.")
      .def_static("finding", &Subject::finding, "id"_a, "The finding `id`.")
      .def_static("audit", &Subject::audit, "id"_a, "The audit `id`.")
      .def_static("concern", &Subject::concern, "id"_a, "The immediate concern `id`.")
      .def_static("item", &Subject::item, "id"_a, "The reviewable item `id`.")
      .def_readonly("kind", &Subject::kind, "'action', 'finding', 'audit', 'concern' or 'item'.")
      .def_readonly("id", &Subject::id, "The id of the thing.")
      .def("__eq__",
           [](const Subject& a, const py::object& other) {
             return py::isinstance<Subject>(other) && a == other.cast<const Subject&>();
           },
           "other"_a, "Same kind and id.")
      .def("__hash__", [](const Subject& s) { return py::hash(py::make_tuple(s.kind, s.id)); },
           "Hash of kind and id.")
      .def("__str__", [](const Subject& s) { return to_string(s); }, "Like 'action 42'.")
      .def("__repr__", [](const Subject& s) { return "<Subject " + to_string(s) + ">"; }, "Like <Subject action 42>.");
  py::class_<RuleResult>(m, "RuleResult", "One thing a rule found, with a message a person can act on.")
      .def(py::init([](std::string rule, Severity severity, Subject subject, std::string message) {
             return RuleResult{std::move(rule), severity, std::move(subject), std::move(message)};
           }),
           "rule"_a, "severity"_a, "subject"_a, "message"_a,
           "A result; inside a rule's check, context.result(subject, message) fills rule and severity.")
      .def_readonly("rule", &RuleResult::rule, "Id of the rule.")
      .def_readonly("severity", &RuleResult::severity, "info, warning or breach.")
      .def_readonly("subject", &RuleResult::subject, "What it is about.")
      .def_readonly("message", &RuleResult::message, "What was found, naming the thing, dates and threshold.")
      .def("__eq__",
           [](const RuleResult& a, const py::object& other) {
             return py::isinstance<RuleResult>(other) && a == other.cast<const RuleResult&>();
           },
           "other"_a, "Equal in every field.")
      .def("__hash__", [](const RuleResult& r) {
        return py::hash(py::make_tuple(r.rule, to_string(r.severity), r.subject.kind, r.subject.id, r.message));
      }, "Hash of every field.")
      .def("__repr__", [](const RuleResult& r) {
        return "<RuleResult " + to_string(r.severity) + " " + r.rule + " " + to_string(r.subject) + ": " +
               quoted(r.message) + ">";
      }, "Like <RuleResult breach overdue action 42: 'action 42 ... was due 2024-03-31'>.");
}

void bind_context(py::module_& m) {
  py::class_<ContextView, std::shared_ptr<ContextView>>(
      m, "RuleContext",
      "What a rule's check receives: the plan, the date and the rule's configured severity and "
      "parameters. Valid only during the check: kept and used later, it raises Error.")
      .def_property_readonly("plan", [](const ContextView& c) -> const Plan& { return c.get().plan; },
                             py::return_value_policy::reference, "The plan being checked.")
      .def_property_readonly("as_of", [](const ContextView& c) { return c.get().as_of; },
                             "The date the plan is read as of.")
      .def_property_readonly("rule", [](const ContextView& c) { return c.get().rule; }, "Id of the rule being run.")
      .def_property_readonly("severity", [](const ContextView& c) { return c.get().severity; },
                             "The rule's configured severity.")
      .def_property_readonly("parameters", [](const ContextView& c) { return c.get().parameters; },
                             "The rule's configured parameters, name to value.")
      .def("parameter", [](const ContextView& c, std::string_view name) { return c.get().parameter(name); },
           "name"_a, "The value of parameter `name`; ValidationError when the rule has no such parameter.")
      .def("result",
           [](const ContextView& c, Subject subject, std::string message) {
             return c.get().result(std::move(subject), std::move(message));
           },
           "subject"_a, "message"_a, "A result of this rule at its configured severity.");
}

void bind_rule(py::module_& m) {
  py::class_<Rule, PyRule, py::smart_holder>(
      m, "Rule",
      "A policy rule. Subclass it, call the base constructor with the rule's id (lower "
      "snake_case), description, default severity and parameters with their defaults, and "
      "implement check(context) returning a list of RuleResult.")
      .def(py::init<std::string, std::string, Severity, RuleParameters>(), "id"_a, "description"_a,
           py::arg_v("severity", Severity::warning, "Severity.warning"), "parameters"_a = RuleParameters{},
           "Raises ValidationError naming the field when the id, description or a parameter is not valid.")
      .def_property_readonly("id", &Rule::id, "The rule's id.")
      .def_property_readonly("description", &Rule::description, "What the rule checks.")
      .def_property_readonly("default_severity", &Rule::default_severity, "Severity unless configured.")
      .def_property_readonly("default_parameters", &Rule::default_parameters,
                             "Parameters with their defaults, name to value.")
      .def("check", [](const Rule& r, const ContextView& c) { return r.check(c.get()); }, "context"_a,
           "The rule's results for context.plan as of context.as_of (e.g. a built-in rule's, from "
           "inside another rule's check).")
      .def("__repr__", [](const Rule& r) { return "<Rule " + r.id() + ": " + quoted(r.description()) + ">"; },
           "Like <Rule overdue: 'An open action past its due date'>.");
  m.def("builtin_rules", &builtin_rules, "Every built-in rule, in the documented order.")
      .def("builtin_rule", &builtin_rule, "id"_a, "The built-in rule `id`; NotFoundError when none.");
}

void bind_config(py::module_& m) {
  py::class_<RuleConfig>(m, "RuleConfig", "A rules file read and checked for syntax; apply it with RuleSet.configure.")
      .def_readonly("source", &RuleConfig::source, "The file (or name) it was read from.")
      .def_property_readonly("rules", [](const RuleConfig& c) {
        std::vector<std::string> ids;
        for (const auto& s : c.sections) ids.push_back(s.rule);
        return ids;
      }, "The rule ids it configures, in file order.")
      .def("__repr__", [](const RuleConfig& c) {
        return "<RuleConfig " + quoted(c.source) + ", " + std::to_string(c.sections.size()) + " rules>";
      }, "Like <RuleConfig 'rules.ini', 3 rules>.");
  m.def("read_rule_config", [](const FilePath& path) { return read_rule_config(path.text); }, "path"_a,
        "Reads a rules file (INI: [rule_id] sections with enabled, severity and parameters). "
        "DataImportError names file, line and field of any problem.")
      .def("parse_rule_config", &parse_rule_config, "text"_a, "source_name"_a = "<rules>",
           "Reads rules-file text; errors name `source_name` as the file.");
}

void bind_rule_set(py::module_& m) {
  py::class_<ConfiguredRule>(m, "ConfiguredRule", "A rule in a rule set, with its configuration.")
      .def_readonly("rule", &ConfiguredRule::rule, "The rule.")
      .def_readonly("enabled", &ConfiguredRule::enabled, "Whether it runs.")
      .def_readonly("severity", &ConfiguredRule::severity, "Its configured severity.")
      .def_readonly("parameters", &ConfiguredRule::parameters, "Its configured parameters.")
      .def("__repr__", [](const ConfiguredRule& r) {
        return "<ConfiguredRule " + r.rule->id() + " " + to_string(r.severity) + (r.enabled ? "" : " disabled") + ">";
      }, "Like <ConfiguredRule overdue breach>.");
  py::class_<RuleReport>(m, "RuleReport", "What a rule set found as of a date, and which rules ran.")
      .def_readonly("as_of", &RuleReport::as_of, "The date checked.")
      .def_readonly("results", &RuleReport::results, "Breach first, then warning, info; then by rule, subject.")
      .def_readonly("ran", &RuleReport::ran, "Ids of the rules that ran.")
      .def_readonly("skipped", &RuleReport::skipped, "Ids of the disabled rules.")
      .def_property_readonly("has_breach", &RuleReport::has_breach, "Whether any result is a breach.")
      .def("count", &RuleReport::count, "severity"_a, "How many results have `severity`.")
      .def("columns", &rule_result_columns,
           "The results as columns, in report order: rule, severity, subject_kind, message (codes "
           "into the lists under name + '_categories') and subject_id (int64).")
      .def("__len__", [](const RuleReport& r) { return r.results.size(); }, "Number of results.")
      .def("__repr__", [](const RuleReport& r) {
        return "<RuleReport as of " + iso_or_dash(r.as_of) + ": " + std::to_string(r.count(Severity::breach)) +
               " breach, " + std::to_string(r.count(Severity::warning)) + " warning, " +
               std::to_string(r.count(Severity::info)) + " info from " + std::to_string(r.ran.size()) + " rules>";
      }, "Like <RuleReport as of 2024-09-30: 2 breach, 5 warning, 0 info from 13 rules>.");
  py::class_<RuleSet>(m, "RuleSet",
                      "Rules with their configuration, run together; Python and C++ rules alike. Each "
                      "change is checked first and leaves the set unchanged when it raises.")
      .def(py::init<>(), "An empty rule set.")
      .def_static("builtin", &RuleSet::builtin, "Every built-in rule, enabled, with its defaults.")
      .def("add", &RuleSet::add, "rule"_a,
           "Adds a rule, enabled, at its default severity and parameters; ConflictError for a duplicate id.")
      .def("enable", &RuleSet::enable, "id"_a, "Runs rule `id`.")
      .def("disable", &RuleSet::disable, "id"_a, "Stops rule `id` from running.")
      .def("set_severity", &RuleSet::set_severity, "id"_a, "severity"_a, "Sets the severity of rule `id`.")
      .def("set_parameter", &RuleSet::set_parameter, "id"_a, "name"_a, "value"_a,
           "Sets a parameter of rule `id`; ValidationError for a name it does not take or a value below 0.")
      .def("configure", &RuleSet::configure, "config"_a,
           "Applies a whole rules file, all or nothing; DataImportError names file, line and field.")
      .def("rules", &RuleSet::rules, py::return_value_policy::copy, "The rules with their configuration.")
      .def("rule", &RuleSet::rule, "id"_a, py::return_value_policy::copy,
           "Rule `id` with its configuration; NotFoundError when none.")
      .def("check", &RuleSet::check, "plan"_a, py::kw_only(), "as_of"_a,
           "Runs every enabled rule as of as_of. A rule that raises stops the check with a RuleError "
           "naming it, the rule's exception as its __cause__.")
      .def("__len__", [](const RuleSet& s) { return s.rules().size(); }, "Number of rules.")
      .def("__repr__", [](const RuleSet& s) {
        return "<RuleSet of " + std::to_string(s.rules().size()) + " rules>";
      }, "Like <RuleSet of 13 rules>.");
}

}  // namespace

void register_rules(py::module_& m) {
  bind_results(m);
  bind_context(m);
  bind_rule(m);
  bind_config(m);
  bind_rule_set(m);
}

}  // namespace plansight::python
