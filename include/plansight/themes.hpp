// Theme analytics: which learning themes recur across audits, partnerships
// and years, and whether a re-audit's gradings improved on its audit's.
//  - A theme occurs in an audit when the audit is tagged with it or at least
//    one of the audit's findings is (the seeds tag both: an audit's themes
//    and each finding's themes).
//  - A re-audit is an audit with reaudit_of set; its gradings are compared
//    with those of the audit it re-audits, question by question, as the share
//    of gradings that are good or outstanding.
// Pure functions of the plan: no dates beyond those the plan holds.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "plansight/plan.hpp"

namespace plansight {

// One theme in one audit.
struct ThemeOccurrence {
  ThemeId theme;
  AuditId audit;
  PartnershipId partnership;
  int year = 0;              // the year the audit was held
  long findings = 0;         // the audit's findings tagged with the theme
  bool audit_theme = false;  // the audit itself is tagged with it
};

// Every (theme, audit) occurrence, ordered by theme (the plan's theme order),
// then by the audit's date and id.
std::vector<ThemeOccurrence> theme_occurrences(const Plan& plan);

// How widely one theme recurs.
struct ThemeRecurrence {
  ThemeId theme;
  long audits = 0;
  long partnerships = 0;
  long years = 0;  // distinct years with an audit it occurs in
  int first_year = 0;
  int last_year = 0;
  long findings = 0;
};

// The themes occurring in at least `min_audits` audits (1 or more, else
// ValidationError "min_audits"), most audits first, then most partnerships,
// then the plan's theme order.
std::vector<ThemeRecurrence> recurring_themes(const Plan& plan, long min_audits = 2);

// How many gradings fell on each grade, indexed by Grade.
struct GradeCounts {
  std::array<long, 4> by_grade{};
  long total() const;
  // outstanding + good, over all; 0 when there are none.
  double good_or_better_share() const;
};

// One audit question graded in an audit and its re-audit.
struct QuestionComparison {
  std::string question;
  GradeCounts audit;
  GradeCounts reaudit;
  // The re-audit's good-or-better share is higher / lower than the audit's;
  // neither when equal or when the question was not graded in both.
  bool improved() const;
  bool declined() const;
};

struct ReauditComparison {
  AuditId audit;
  AuditId reaudit;
  GradeCounts audit_overall;
  GradeCounts reaudit_overall;
  // Every question graded in either, in the order first graded (the audit's
  // questions first).
  std::vector<QuestionComparison> questions;
};

// Every grading given in the agency returns of an audit's cases. Throws
// NotFoundError for an unknown audit.
GradeCounts grade_counts(const Plan& plan, AuditId audit);

// Compares a re-audit with the audit it re-audits. Throws NotFoundError for
// an unknown audit and ValidationError "reaudit_of" when it re-audits none.
ReauditComparison compare_reaudit(const Plan& plan, AuditId reaudit);

}  // namespace plansight
