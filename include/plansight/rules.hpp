// Policy rules: a partnership's monitoring policy written as checks run over
// the plan as of a date, each giving results with a severity ("completion
// needs evidence", "extended twice -> escalate to the board").
//
//   auto rules = plansight::RuleSet::builtin();
//   rules.configure(plansight::read_rule_config("rules.ini"));   // optional
//   rules.add(std::make_shared<MyRule>());                        // a rule of our own
//   plansight::RuleReport report = rules.check(plan, as_of);
//
// A rule is a class with one pure virtual, check(const RuleContext&), which
// receives the plan, the date and the rule's configured severity and integer
// parameters. Everything is read as of the date given: only what exists then
// (actions from their creation, findings from their audit's date, concerns
// from when they were raised) and history as it stood then (status_at,
// due_on_at, owner_at ... of status.hpp). Pure: no clock, no printing.
//
// Built-in rules (id, default severity, parameters with their defaults), each
// reading the plan as of D. "Open", "overdue" and "status" are status.hpp's.
//
//   overdue (breach)
//       an open action whose due date in force at D is before D: due D-1
//       fires, due D does not.
//   due_soon_not_started (warning) {days: 14}
//       an action not started at D, not overdue, due within `days` days:
//       due on D to D+days fires, due D+days+1 does not.
//   completion_without_evidence (warning)
//       an action complete at D with no evidence at all (of either kind)
//       dated on or before D.
//   impact_not_assured (warning) {months: 6}
//       an action complete at D for more than `months` calendar months and
//       not assured by D: completed on C, it fires from the day after
//       C + months (Boost.Date_Time month arithmetic: a completion on the last
//       day of a month runs to the last day of the month `months` later).
//   extended_too_often (breach) {times: 2}
//       an open action whose due date was revised more than `times` times
//       on or before D: the third revision fires by default. Escalate to the board.
//   blocked_by_overdue (warning)
//       an open action that depends on an action overdue at D. (A plan keeps
//       the dependencies in force now, undated: they are taken as they are.)
//   owner_outside_audit (warning)
//       an open action whose owner at D is an agency that is not one of its
//       audit's agencies. A group owner never fires; nor does an audit that
//       lists no agencies (its participants are not recorded).
//   unanswered_finding (warning)
//       a worry or area_for_development finding of an audit held on or before
//       D that no action answers: neither directly (action.finding) nor
//       through a recommendation listing the finding (action.recommendation).
//       Only actions existing and not cancelled at D answer.
//   not_smart (warning)
//       an open action with no success measure, or owned at D by an agency
//       with neither a role nor a named lead. (The model always gives an
//       action a due date and an owner, so those need no check.)
//   no_reaudit (info)
//       an audit held on or before D whose actions existing at D are all
//       complete or cancelled, at least one complete, and that no audit held
//       on or before D re-audits (reaudit_of). The model keeps no date for a
//       re-audit being planned: it counts from the day it is held.
//   concern_unanswered (breach) {days: 28}
//       an immediate concern raised more than `days` days before D and not
//       answered on or before D: raised on D-days-1 fires, on D-days does not.
//   drift (warning)
//       an open action that drifted past the latest review R governing it on
//       or before D (latest_review_period: its audit's cycle from that
//       cycle's first review on, its partnership's before): R is after the
//       action's creation, and no update is dated after the review before R
//       (or after the creation, when R is the first review since) and on or
//       before D. So R is the last of
//       missed_reviews, and no update has caught the action up since: an
//       update dated R counts for R; one dated after R, on or before D, clears
//       it. With quarterly reviews and no update since 2024-06-30, it fires
//       from 2024-09-30 (not on 2024-09-29). An action without a cycle never fires.
//   review_overdue (breach)
//       a reviewable item placed on or before D and not retired by D whose
//       review fell due before D (is_review_overdue; the due date is
//       review_due_on's, counted from its latest review on or before D, else
//       from its placing): due D-1 fires, due D does not. A breach, as an
//       overdue action is: the review date is the partnership's own
//       commitment, and a flag left unreviewed "can become out of date, and
//       can 'label' a child inappropriately" (a QA audit's worry).
//
// Open actions are what monitoring can still change, so the rules about
// owners, measures, extensions and waiting look at open actions only.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "plansight/plan.hpp"

namespace plansight {

// What a result is about: kind ("action", "finding", "audit", "concern",
// "item") and id. Printed as "action 42".
struct Subject {
  std::string kind;
  std::int64_t id = 0;

  static Subject action(ActionId id) { return {"action", id.value()}; }
  static Subject finding(FindingId id) { return {"finding", id.value()}; }
  static Subject audit(AuditId id) { return {"audit", id.value()}; }
  static Subject concern(ConcernId id) { return {"concern", id.value()}; }
  static Subject item(ReviewableId id) { return {"item", id.value()}; }

  // Ordered by kind, then id.
  friend auto operator<=>(const Subject&, const Subject&) = default;
};

std::string to_string(const Subject& subject);  // "action 42"
std::ostream& operator<<(std::ostream& out, const Subject& subject);

// One thing a rule found: the message names the thing (id and title), the
// dates and the threshold, so a person can act on it.
struct RuleResult {
  std::string rule;
  Severity severity = Severity::warning;
  Subject subject;
  std::string message;
  friend bool operator==(const RuleResult&, const RuleResult&) = default;
};

// Named integer thresholds of a rule ("days" -> 14).
using RuleParameters = std::map<std::string, int, std::less<>>;

// What a rule's check receives: the plan, the date, and the rule's id,
// severity and parameters as configured in the rule set running it.
struct RuleContext {
  const Plan& plan;
  Date as_of;
  std::string rule;
  Severity severity = Severity::warning;
  const RuleParameters& parameters;

  // The value of a parameter; ValidationError (field "parameter") naming the
  // rule and the name when the rule has no such parameter.
  int parameter(std::string_view name) const;
  // A result of this rule at its configured severity.
  RuleResult result(Subject subject, std::string message) const;
};

// A policy rule. Subclass it and implement check(); the constructor takes
// the rule's id (lower snake_case: "training_needs_attendance"), a one-line
// description, its default severity and its parameters with their defaults
// (lower snake_case names, values 0 or more). Throws ValidationError naming
// the field ("id", "description", "parameter") when one is not valid.
class Rule {
 public:
  Rule(std::string id, std::string description, Severity default_severity,
       RuleParameters default_parameters = {});
  virtual ~Rule() = default;

  const std::string& id() const { return id_; }
  const std::string& description() const { return description_; }
  Severity default_severity() const { return default_severity_; }
  const RuleParameters& default_parameters() const { return default_parameters_; }

  // The results of the rule on context.plan as of context.as_of, in any order.
  virtual std::vector<RuleResult> check(const RuleContext& context) const = 0;

 private:
  std::string id_;
  std::string description_;
  Severity default_severity_;
  RuleParameters default_parameters_;
};

// Throws ValidationError (field `field`) unless `name` is lower snake_case:
// a letter, then letters, digits and single underscores, not ending in one.
void check_rule_name(std::string_view name, std::string_view field = "id");

// The built-in rules described at the top of this header, in that order.
std::vector<std::shared_ptr<const Rule>> builtin_rules();
// One built-in rule by id; NotFoundError when there is none.
std::shared_ptr<const Rule> builtin_rule(std::string_view id);

// ---- configuration: a rules file --------------------------------------------------------

// A value read from a rules file, with the line it is on (1-based).
template <class T>
struct ConfigValue {
  T value{};
  long line = 0;
};

// One [rule_id] section: enabled = true|false, severity = info|warning|breach,
// and the rule's parameters, name = whole number of at least 0.
struct RuleSection {
  std::string rule;
  long line = 0;  // of the [rule_id] header
  std::optional<ConfigValue<bool>> enabled;
  std::optional<ConfigValue<Severity>> severity;
  std::map<std::string, ConfigValue<int>, std::less<>> parameters;  // every other key
};

// A whole rules file: its name (for messages) and its sections in file order.
struct RuleConfig {
  std::string source;
  std::vector<RuleSection> sections;
};

// Reads a rules file (INI: one section per rule id, '#' or ';' starting a
// comment line). Every problem throws ImportError naming the file, the line
// and the field ("rule_id" or "rule_id.key") with the bad value: a syntax
// error, a duplicate section or key, a key outside a section, a section name
// that is not a rule id, an enabled that is not true/false, a severity not
// info/warning/breach, a parameter that is not a whole number of at least 0.
// Whether the rule and its keys exist is checked by RuleSet::configure.
// read_rule_config throws NotFoundError when the file cannot be read.
RuleConfig parse_rule_config(std::string_view text, std::string source_name);
RuleConfig read_rule_config(const std::string& path);

// ---- running rules -----------------------------------------------------------------------

struct RuleReport {
  Date as_of;
  // Breach first, then warning, then info; then by rule id, then subject.
  std::vector<RuleResult> results;
  std::vector<std::string> ran;      // rule ids, in the rule set's order
  std::vector<std::string> skipped;  // disabled rule ids, in the rule set's order

  bool has_breach() const;
  std::size_t count(Severity severity) const;
};

// A rule in a rule set, with its configuration.
struct ConfiguredRule {
  std::shared_ptr<const Rule> rule;
  bool enabled = true;
  Severity severity = Severity::warning;
  RuleParameters parameters;
};

// Rules with their configuration, run together. Each mutator checks first
// and leaves the set unchanged when it throws.
class RuleSet {
 public:
  RuleSet() = default;       // no rules
  static RuleSet builtin();  // every built-in rule, enabled, with its defaults

  // Adds a rule, enabled, with its default severity and parameters.
  // ConflictError when a rule with its id is already there; ValidationError
  // for a null rule.
  void add(std::shared_ptr<const Rule> rule);

  // NotFoundError for an unknown rule id; set_parameter throws
  // ValidationError (field "parameter") for a name the rule does not take
  // or a value below 0.
  void enable(std::string_view id);
  void disable(std::string_view id);
  void set_severity(std::string_view id, Severity severity);
  void set_parameter(std::string_view id, std::string_view name, int value);

  // Applies a whole rules file, all or nothing: an unknown rule id, a key the
  // rule does not take or a bad value throws ImportError naming the file,
  // line and field, and changes nothing.
  void configure(const RuleConfig& config);

  // The rules in the order added.
  const std::vector<ConfiguredRule>& rules() const { return rules_; }
  // NotFoundError for an unknown id.
  const ConfiguredRule& rule(std::string_view id) const;

  // Runs every enabled rule as of D. A rule that throws, or returns a result
  // naming another rule or with a blank message, stops the check with a
  // RuleError naming the rule and the date; the original exception is kept
  // as its cause().
  RuleReport check(const Plan& plan, Date as_of) const;

 private:
  ConfiguredRule& find(std::string_view id);
  std::vector<ConfiguredRule> rules_;
};

}  // namespace plansight
