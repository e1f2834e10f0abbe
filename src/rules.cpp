#include "plansight/rules.hpp"

#include <algorithm>
#include <exception>
#include <utility>

#include "plansight/dates.hpp"
#include "plansight/errors.hpp"

namespace plansight {
namespace {

bool is_lower_or_digit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string names_of(const RuleParameters& parameters) {
  std::string names;
  for (const auto& [name, value] : parameters) names += (names.empty() ? "" : ", ") + name;
  return names.empty() ? "none" : names;
}

void check_parameters(const RuleParameters& parameters) {
  for (const auto& [name, value] : parameters) {
    check_rule_name(name, "parameter");
    if (value < 0) throw ValidationError("parameter", name + " = " + std::to_string(value) + " is below 0");
  }
}

// Breach first, then warning, then info; then rule id, then subject.
bool reported_before(const RuleResult& a, const RuleResult& b) {
  if (a.severity != b.severity) return a.severity > b.severity;
  if (a.rule != b.rule) return a.rule < b.rule;
  return a.subject < b.subject;
}

// Why a rule's result cannot be reported, or empty when it can.
std::string fault_in(const RuleResult& result, const std::string& rule) {
  if (result.rule != rule) return "returned a result naming rule " + quoted(result.rule);
  if (is_blank(result.message))
    return "returned a result for " + to_string(result.subject) + " with no message";
  if (is_blank(result.subject.kind)) return "returned a result with no subject kind";
  return {};
}

std::vector<RuleResult> run_rule(const ConfiguredRule& entry, const Plan& plan, Date as_of) {
  const std::string& id = entry.rule->id();
  const RuleContext context{plan, as_of, id, entry.severity, entry.parameters};
  const std::string when = "failed checking the plan as of " + to_iso(as_of);
  std::vector<RuleResult> results;
  try {
    results = entry.rule->check(context);
  } catch (const std::exception& e) {
    throw RuleError(id, when + ": " + e.what(), std::current_exception());
  } catch (...) {
    throw RuleError(id, when + ": it threw something other than an exception", std::current_exception());
  }
  for (const auto& r : results)
    if (const auto fault = fault_in(r, id); !fault.empty()) throw RuleError(id, when + ": it " + fault);
  return results;
}

// ---- applying a rules file ---------------------------------------------------------------

std::string known_keys(const ConfiguredRule& entry) {
  std::string keys = "enabled, severity";
  for (const auto& [name, value] : entry.rule->default_parameters()) keys += ", " + name;
  return keys;
}

void apply_parameters(ConfiguredRule& entry, const RuleSection& section, const std::string& source) {
  for (const auto& [name, setting] : section.parameters) {
    const std::string field = section.rule + "." + name;
    const auto it = entry.parameters.find(name);
    if (it == entry.parameters.end())
      throw ImportError(
          source, setting.line, field,
          "rule " + section.rule + " has no key " + quoted(name) + " (it takes: " + known_keys(entry) + ")");
    if (setting.value < 0)
      throw ImportError(source, setting.line, field, quoted(std::to_string(setting.value)) + " is below 0");
    it->second = setting.value;
  }
}

void apply_section(ConfiguredRule& entry, const RuleSection& section, const std::string& source) {
  if (section.enabled) entry.enabled = section.enabled->value;
  if (section.severity) entry.severity = section.severity->value;
  apply_parameters(entry, section, source);
}

std::string ids_of(const std::vector<ConfiguredRule>& rules) {
  std::string ids;
  for (const auto& r : rules) ids += (ids.empty() ? "" : ", ") + r.rule->id();
  return ids.empty() ? "none" : ids;
}

}  // namespace

std::string to_string(const Subject& subject) { return subject.kind + " " + std::to_string(subject.id); }

std::ostream& operator<<(std::ostream& out, const Subject& subject) { return out << to_string(subject); }

void check_rule_name(std::string_view name, std::string_view field) {
  const bool starts_with_letter = !name.empty() && name.front() >= 'a' && name.front() <= 'z';
  const bool valid =
      starts_with_letter && name.back() != '_' && name.find("__") == std::string_view::npos &&
      std::all_of(name.begin(), name.end(), [](char c) { return is_lower_or_digit(c) || c == '_'; });
  if (!valid)
    throw ValidationError(std::string(field),
                          quoted(name) + " is not lower snake_case (like due_soon_not_started)");
}

// ---- Rule and RuleContext ----------------------------------------------------------------

Rule::Rule(std::string id, std::string description, Severity default_severity,
           RuleParameters default_parameters)
    : id_(std::move(id)),
      description_(std::move(description)),
      default_severity_(default_severity),
      default_parameters_(std::move(default_parameters)) {
  check_rule_name(id_);
  if (is_blank(description_)) throw ValidationError("description", "rule " + id_ + " needs a description");
  check_parameters(default_parameters_);
}

int RuleContext::parameter(std::string_view name) const {
  const auto it = parameters.find(name);
  if (it == parameters.end())
    throw ValidationError("parameter", "rule " + rule + " has no parameter " + quoted(name) +
                                           " (it has: " + names_of(parameters) + ")");
  return it->second;
}

RuleResult RuleContext::result(Subject subject, std::string message) const {
  return RuleResult{rule, severity, std::move(subject), std::move(message)};
}

// ---- RuleReport ------------------------------------------------------------------------------

bool RuleReport::has_breach() const { return count(Severity::breach) > 0; }

std::size_t RuleReport::count(Severity severity) const {
  return static_cast<std::size_t>(std::count_if(results.begin(), results.end(),
                                                [&](const RuleResult& r) { return r.severity == severity; }));
}

// ---- RuleSet ---------------------------------------------------------------------------------

RuleSet RuleSet::builtin() {
  RuleSet set;
  for (auto& rule : builtin_rules()) set.add(std::move(rule));
  return set;
}

void RuleSet::add(std::shared_ptr<const Rule> rule) {
  if (!rule) throw ValidationError("rule", "no rule given (a null pointer)");
  const auto same = [&](const ConfiguredRule& r) { return r.rule->id() == rule->id(); };
  if (std::any_of(rules_.begin(), rules_.end(), same))
    throw ConflictError("the rule set already has a rule with id " + quoted(rule->id()));
  ConfiguredRule entry{rule, true, rule->default_severity(), rule->default_parameters()};
  rules_.push_back(std::move(entry));
}

const ConfiguredRule& RuleSet::rule(std::string_view id) const {
  const auto it =
      std::find_if(rules_.begin(), rules_.end(), [&](const ConfiguredRule& r) { return r.rule->id() == id; });
  if (it == rules_.end())
    throw NotFoundError("no rule " + quoted(id) + " in the rule set (rules: " + ids_of(rules_) + ")");
  return *it;
}

ConfiguredRule& RuleSet::find(std::string_view id) { return const_cast<ConfiguredRule&>(rule(id)); }

void RuleSet::enable(std::string_view id) { find(id).enabled = true; }

void RuleSet::disable(std::string_view id) { find(id).enabled = false; }

void RuleSet::set_severity(std::string_view id, Severity severity) { find(id).severity = severity; }

void RuleSet::set_parameter(std::string_view id, std::string_view name, int value) {
  ConfiguredRule& entry = find(id);
  const auto it = entry.parameters.find(name);
  if (it == entry.parameters.end())
    throw ValidationError("parameter", "rule " + entry.rule->id() + " has no parameter " + quoted(name) +
                                           " (it has: " + names_of(entry.parameters) + ")");
  if (value < 0)
    throw ValidationError("parameter", entry.rule->id() + "." + std::string(name) + " = " +
                                           std::to_string(value) + " is below 0");
  it->second = value;
}

void RuleSet::configure(const RuleConfig& config) {
  std::vector<ConfiguredRule> configured = rules_;
  for (const auto& section : config.sections) {
    const auto it = std::find_if(configured.begin(), configured.end(),
                                 [&](const ConfiguredRule& r) { return r.rule->id() == section.rule; });
    if (it == configured.end())
      throw ImportError(
          config.source, section.line, section.rule,
          "no rule " + quoted(section.rule) + " in the rule set (rules: " + ids_of(rules_) + ")");
    apply_section(*it, section, config.source);
  }
  rules_ = std::move(configured);
}

RuleReport RuleSet::check(const Plan& plan, Date as_of) const {
  RuleReport report;
  report.as_of = as_of;
  for (const auto& entry : rules_) {
    if (!entry.enabled) {
      report.skipped.push_back(entry.rule->id());
      continue;
    }
    auto results = run_rule(entry, plan, as_of);
    report.results.insert(report.results.end(), std::make_move_iterator(results.begin()),
                          std::make_move_iterator(results.end()));
    report.ran.push_back(entry.rule->id());
  }
  std::stable_sort(report.results.begin(), report.results.end(), reported_before);
  return report;
}

}  // namespace plansight
