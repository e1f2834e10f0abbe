// What the rule tests share: a C++ rule of a partnership's own, run beside
// the built-in rules (and, in python_rules_test.cpp, beside a Python rule),
// and a rule set's configuration as text.
#pragma once

#include <string>
#include <vector>

#include "plansight/rules.hpp"
#include "plansight/status.hpp"

namespace plansight::testing {

// A rule of the partnership's own: actions owned by a group need a named lead.
class GroupActionsNeedALead final : public Rule {
 public:
  GroupActionsNeedALead()
      : Rule("group_actions_need_a_lead", "open actions owned by a group name a lead", Severity::warning) {}
  std::vector<RuleResult> check(const RuleContext& c) const override {
    std::vector<RuleResult> out;
    for (const auto& a : c.plan.actions()) {
      const Owner& owner = owner_at(a, c.as_of);
      if (exists_at(a, c.as_of) && is_open_at(a, c.as_of) && owner.group && is_blank(owner.lead))
        out.push_back(
            c.result(Subject::action(a.id), "action " + std::to_string(a.id.value()) + " has no named lead"));
    }
    return out;
  }
};

// A rule set's whole configuration, as text, to show that a refusal changed nothing.
inline std::string configuration(const RuleSet& set) {
  std::string text;
  for (const auto& r : set.rules()) {
    text += r.rule->id() + (r.enabled ? " on " : " off ") + to_string(r.severity);
    for (const auto& [name, value] : r.parameters) text += " " + name + "=" + std::to_string(value);
    text += "\n";
  }
  return text;
}

}  // namespace plansight::testing
