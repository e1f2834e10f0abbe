// Theme recurrence and re-audit comparison (themes.hpp).
#include "plansight/themes.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace plansight {
namespace {

struct Key {
  ThemeId theme;
  AuditId audit;
  friend bool operator<(const Key& a, const Key& b) {
    return a.theme != b.theme ? a.theme < b.theme : a.audit < b.audit;
  }
};

// Occurrences keyed by (theme, audit), from the audits' and findings' tags.
std::map<Key, ThemeOccurrence> collect_occurrences(const Plan& plan) {
  std::map<Key, ThemeOccurrence> found;
  auto occurrence = [&](ThemeId theme, const Audit& audit) -> ThemeOccurrence& {
    auto [it, added] = found.try_emplace(Key{theme, audit.id});
    if (added) {
      it->second.theme = theme;
      it->second.audit = audit.id;
      it->second.partnership = audit.partnership;
      it->second.year = static_cast<int>(audit.held_on.year());
    }
    return it->second;
  };
  for (const auto& audit : plan.audits())
    for (const auto theme : audit.themes) occurrence(theme, audit).audit_theme = true;
  for (const auto& finding : plan.findings()) {
    // A finding tagged twice with one theme is still one finding of it.
    const std::set<ThemeId> themes(finding.themes.begin(), finding.themes.end());
    for (const auto theme : themes) ++occurrence(theme, plan.audit(finding.audit)).findings;
  }
  return found;
}

std::unordered_map<ThemeId, std::size_t> theme_positions(const Plan& plan) {
  std::unordered_map<ThemeId, std::size_t> position;
  for (std::size_t i = 0; i < plan.themes().size(); ++i) position[plan.themes()[i].id] = i;
  return position;
}

bool in_date_order(const Plan& plan, const ThemeOccurrence& a, const ThemeOccurrence& b) {
  const Date da = plan.audit(a.audit).held_on, db = plan.audit(b.audit).held_on;
  return da != db ? da < db : a.audit < b.audit;
}

ThemeRecurrence summarise(ThemeId theme, const std::vector<ThemeOccurrence>& occurrences) {
  ThemeRecurrence r;
  r.theme = theme;
  std::set<PartnershipId> partnerships;
  std::set<int> years;
  for (const auto& o : occurrences) {
    if (o.theme != theme) continue;
    ++r.audits;
    r.findings += o.findings;
    partnerships.insert(o.partnership);
    years.insert(o.year);
  }
  r.partnerships = static_cast<long>(partnerships.size());
  r.years = static_cast<long>(years.size());
  if (!years.empty()) {
    r.first_year = *years.begin();
    r.last_year = *years.rbegin();
  }
  return r;
}

// Gradings of an audit's agency returns, in the order given, per question.
void add_gradings(const Plan& plan, AuditId audit, std::vector<QuestionComparison>& questions,
                  GradeCounts QuestionComparison::*side, GradeCounts& overall) {
  for (const auto& agency_return : plan.agency_returns()) {
    if (plan.case_(agency_return.case_id).audit != audit) continue;
    for (const auto& grading : agency_return.gradings) {
      auto it = std::find_if(questions.begin(), questions.end(),
                             [&](const QuestionComparison& q) { return q.question == grading.question; });
      if (it == questions.end()) {
        QuestionComparison first;
        first.question = grading.question;
        it = questions.insert(questions.end(), std::move(first));
      }
      ++((*it).*side).by_grade[static_cast<std::size_t>(grading.grade)];
      ++overall.by_grade[static_cast<std::size_t>(grading.grade)];
    }
  }
}

}  // namespace

std::vector<ThemeOccurrence> theme_occurrences(const Plan& plan) {
  std::vector<ThemeOccurrence> all;
  for (auto& [key, occurrence] : collect_occurrences(plan)) all.push_back(occurrence);
  const auto position = theme_positions(plan);
  std::stable_sort(all.begin(), all.end(), [&](const ThemeOccurrence& a, const ThemeOccurrence& b) {
    if (a.theme != b.theme) return position.at(a.theme) < position.at(b.theme);
    return in_date_order(plan, a, b);
  });
  return all;
}

std::vector<ThemeRecurrence> recurring_themes(const Plan& plan, long min_audits) {
  if (min_audits < 1)
    throw ValidationError("min_audits", "must be 1 or more, not " + std::to_string(min_audits));
  const auto occurrences = theme_occurrences(plan);
  std::vector<ThemeRecurrence> recurring;
  for (const auto& theme : plan.themes()) {
    ThemeRecurrence r = summarise(theme.id, occurrences);
    if (r.audits >= min_audits) recurring.push_back(r);
  }
  std::stable_sort(recurring.begin(), recurring.end(),
                   [](const ThemeRecurrence& a, const ThemeRecurrence& b) {
                     return a.audits != b.audits ? a.audits > b.audits : a.partnerships > b.partnerships;
                   });
  return recurring;
}

long GradeCounts::total() const {
  long sum = 0;
  for (const long n : by_grade) sum += n;
  return sum;
}

double GradeCounts::good_or_better_share() const {
  const long all = total();
  if (all == 0) return 0.0;
  const long good = by_grade[static_cast<std::size_t>(Grade::outstanding)] +
                    by_grade[static_cast<std::size_t>(Grade::good)];
  return static_cast<double>(good) / static_cast<double>(all);
}

bool QuestionComparison::improved() const {
  return audit.total() > 0 && reaudit.total() > 0 &&
         reaudit.good_or_better_share() > audit.good_or_better_share();
}

bool QuestionComparison::declined() const {
  return audit.total() > 0 && reaudit.total() > 0 &&
         reaudit.good_or_better_share() < audit.good_or_better_share();
}

GradeCounts grade_counts(const Plan& plan, AuditId audit) {
  plan.audit(audit);  // NotFoundError for an unknown audit
  std::vector<QuestionComparison> questions;
  GradeCounts overall;
  add_gradings(plan, audit, questions, &QuestionComparison::audit, overall);
  return overall;
}

ReauditComparison compare_reaudit(const Plan& plan, AuditId reaudit) {
  const Audit& later = plan.audit(reaudit);
  if (!later.reaudit_of)
    throw ValidationError("reaudit_of", "audit " + std::to_string(reaudit.value()) + " re-audits no audit");
  ReauditComparison c;
  c.audit = *later.reaudit_of;
  c.reaudit = reaudit;
  add_gradings(plan, c.audit, c.questions, &QuestionComparison::audit, c.audit_overall);
  add_gradings(plan, c.reaudit, c.questions, &QuestionComparison::reaudit, c.reaudit_overall);
  return c;
}

}  // namespace plansight
