// A partnership's own policy rule: a training action is not done until its
// attendance figures are in. Completed training needs evidence mentioning
// attendance within `grace_days` days of completion (default 14): completed
// on C, it fires from C + grace_days + 1 while no such evidence is dated on
// or before D.
#pragma once

#include <algorithm>
#include <cctype>
#include <plansight/dates.hpp>
#include <plansight/rules.hpp>
#include <plansight/status.hpp>
#include <string>
#include <string_view>

namespace nlscp {

// True when `text` contains `word`, ignoring ASCII case.
inline bool mentions(std::string_view text, std::string_view word) {
  const auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
  return std::search(text.begin(), text.end(), word.begin(), word.end(),
                     [&](char a, char b) { return lower(a) == lower(b); }) != text.end();
}

class TrainingNeedsAttendance final : public plansight::Rule {
 public:
  TrainingNeedsAttendance()
      : Rule("training_needs_attendance", "completed training actions need attendance figures as evidence",
             plansight::Severity::warning, {{"grace_days", 14}}) {}

  std::vector<plansight::RuleResult> check(const plansight::RuleContext& c) const override {
    std::vector<plansight::RuleResult> out;
    const auto grace = boost::gregorian::days(c.parameter("grace_days"));
    for (const auto& a : c.plan.actions()) {
      const auto completed = plansight::completed_on_at(a, c.as_of);
      if (!mentions(a.title, "training") || !completed || c.as_of <= *completed + grace) continue;
      if (has_attendance_by(a, c.as_of)) continue;
      out.push_back(c.result(plansight::Subject::action(a.id),
                             "action " + std::to_string(a.id.value()) + " '" + a.title +
                                 "' was completed on " + plansight::to_iso(*completed) +
                                 " and has no attendance figures as evidence by " +
                                 plansight::to_iso(c.as_of)));
    }
    return out;
  }

 private:
  static bool has_attendance_by(const plansight::Action& a, plansight::Date as_of) {
    return std::any_of(a.evidence.begin(), a.evidence.end(), [&](const plansight::Evidence& e) {
      return e.on <= as_of && mentions(e.description, "attendance");
    });
  }
};

}  // namespace nlscp
