// The closed vocabularies of the model, each an enum class with a stable
// snake_case name. to_string() gives the name; parse<E>() reads it back and
// throws ValidationError naming the vocabulary and the value when unknown.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "plansight/errors.hpp"

namespace plansight {

enum class Status : std::uint8_t { not_started, in_progress, complete, cancelled };
// BRAG: blue means complete; none is for cancelled actions.
enum class Rag : std::uint8_t { red, amber, green, blue, none };
enum class Sector { police, local_authority, health, education, justice, voluntary, other };
enum class AuditKind {
  multi_agency_case_audit,
  thematic_audit,
  single_agency_audit,
  rapid_review,
  line_of_sight_event,
  learning_themes_audit,
  qa_audit,
  re_audit
};
enum class AuditStage {
  planned,
  cases_selected,
  agency_returns,
  panel,
  reported,
  action_planning,
  monitoring,
  closed
};
enum class FindingCategory { good_practice, area_for_development, worry, learning_theme };
enum class Grade { outstanding, good, requires_improvement, inadequate };
enum class Involvement { universal, early_help, child_in_need, child_protection_plan, looked_after };
enum class EvidenceKind { completion, impact };
// How a review cycle's dates fall: calendar quarter ends; UK financial-year
// quarter ends (April-March; the same dates, labelled "2024/25 Q2"); every N
// months from a start date; or an explicit list of meeting dates.
enum class CycleKind { calendar_quarters, financial_quarters, every_n_months, explicit_dates };
// Something other than an action that must be re-reviewed on a cycle: a flag
// on a child's record, a completed screening tool, ...
enum class ReviewableKind { record_flag, screening_tool, other };
// What a review meeting decided for one action.
enum class OutcomeKind { continue_, complete, assure, extend, escalate, cancel };
// How serious a policy rule's result is.
enum class Severity { info, warning, breach };

// Names of each enum's values, in declaration order.
template <class E>
struct EnumNames;

#define PLANSIGHT_ENUM_NAMES(E, vocabulary, ...)                                   \
  template <>                                                                      \
  struct EnumNames<E> {                                                            \
    static constexpr std::string_view name = vocabulary;                           \
    static constexpr auto values = std::to_array<std::string_view>({__VA_ARGS__}); \
  };

PLANSIGHT_ENUM_NAMES(Status, "status", "not_started", "in_progress", "complete", "cancelled")
PLANSIGHT_ENUM_NAMES(Rag, "rag", "RED", "AMBER", "GREEN", "BLUE", "none")
PLANSIGHT_ENUM_NAMES(Sector, "sector", "police", "local_authority", "health", "education", "justice",
                     "voluntary", "other")
PLANSIGHT_ENUM_NAMES(AuditKind, "audit kind", "multi_agency_case_audit", "thematic_audit",
                     "single_agency_audit", "rapid_review", "line_of_sight_event", "learning_themes_audit",
                     "qa_audit", "re_audit")
PLANSIGHT_ENUM_NAMES(AuditStage, "audit stage", "planned", "cases_selected", "agency_returns", "panel",
                     "reported", "action_planning", "monitoring", "closed")
PLANSIGHT_ENUM_NAMES(FindingCategory, "finding category", "good_practice", "area_for_development", "worry",
                     "learning_theme")
PLANSIGHT_ENUM_NAMES(Grade, "grade", "outstanding", "good", "requires_improvement", "inadequate")
PLANSIGHT_ENUM_NAMES(Involvement, "involvement", "universal", "early_help", "child_in_need",
                     "child_protection_plan", "looked_after")
PLANSIGHT_ENUM_NAMES(EvidenceKind, "evidence kind", "completion", "impact")
PLANSIGHT_ENUM_NAMES(CycleKind, "cycle kind", "calendar_quarters", "financial_quarters", "every_n_months",
                     "explicit_dates")
PLANSIGHT_ENUM_NAMES(ReviewableKind, "reviewable kind", "record_flag", "screening_tool", "other")
PLANSIGHT_ENUM_NAMES(OutcomeKind, "review outcome", "continue", "complete", "assure", "extend", "escalate",
                     "cancel")
PLANSIGHT_ENUM_NAMES(Severity, "severity", "info", "warning", "breach")

#undef PLANSIGHT_ENUM_NAMES

template <class E>
constexpr std::string_view to_string_view(E value) {
  return EnumNames<E>::values[static_cast<std::size_t>(value)];
}

template <class E>
std::string to_string(E value) {
  return std::string(to_string_view(value));
}

template <class E>
constexpr std::size_t enum_count() {
  return EnumNames<E>::values.size();
}

// Reads a name back; throws ValidationError("unknown <vocabulary> 'x'").
template <class E>
E parse(std::string_view text) {
  const auto& names = EnumNames<E>::values;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == text) return static_cast<E>(i);
  std::string known;
  for (auto n : names) known += (known.empty() ? "" : ", ") + std::string(n);
  throw ValidationError(std::string(EnumNames<E>::name),
                        "unknown value '" + std::string(text) + "' (expected one of: " + known + ")");
}

}  // namespace plansight
