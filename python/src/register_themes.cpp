// Theme analytics (themes.hpp): the recurring themes and a re-audit's
// comparison with its audit. Per-occurrence rows cross as columns
// (Plan.theme_occurrence_columns); these results are one per theme or
// question, a handful, so they cross as objects.
#include "bindings.hpp"
#include "plansight/themes.hpp"

namespace plansight::python {
namespace {

using namespace pybind11::literals;
constexpr auto copy = py::return_value_policy::copy;

py::typing::Dict<py::str, py::int_> by_grade(const GradeCounts& c) {
  py::typing::Dict<py::str, py::int_> d;
  for (std::size_t i = 0; i < c.by_grade.size(); ++i)
    d[py::str(std::string(EnumNames<Grade>::values[i]))] = c.by_grade[i];
  return d;
}

std::string share_text(const GradeCounts& c) {
  return std::to_string(static_cast<int>(c.good_or_better_share() * 100 + 0.5)) + "% of " +
         std::to_string(c.total());
}

void bind_recurrence(py::module_& m) {
  py::class_<ThemeRecurrence>(m, "ThemeRecurrence", "How widely one learning theme recurs across audits.")
      .def_readonly("theme", &ThemeRecurrence::theme, "The theme's id.")
      .def_readonly("audits", &ThemeRecurrence::audits, "Audits it occurs in.")
      .def_readonly("partnerships", &ThemeRecurrence::partnerships, "Partnerships holding those audits.")
      .def_readonly("years", &ThemeRecurrence::years, "Distinct years of those audits.")
      .def_readonly("first_year", &ThemeRecurrence::first_year, "The year of its earliest audit.")
      .def_readonly("last_year", &ThemeRecurrence::last_year, "The year of its latest audit.")
      .def_readonly("findings", &ThemeRecurrence::findings, "Findings tagged with it, over those audits.")
      .def(
          "__repr__",
          [](const ThemeRecurrence& r) {
            return "<ThemeRecurrence theme " + std::to_string(r.theme.value()) + ": " +
                   std::to_string(r.audits) + " audits, " + std::to_string(r.partnerships) +
                   " partnerships, " + std::to_string(r.first_year) + "-" + std::to_string(r.last_year) + ">";
          },
          "Like <ThemeRecurrence theme 1: 3 audits, 2 partnerships, 2023-2025>.");
  m.def("recurring_themes", &recurring_themes, "plan"_a, py::kw_only(), "min_audits"_a = 2,
        "The themes occurring in at least min_audits audits (a theme occurs in an audit when the "
        "audit or one of its findings is tagged with it), most audits first, then most partnerships, then "
        "the plan's theme "
        "order. ValidationError when min_audits is below 1.");
}

void bind_grades(py::module_& m) {
  py::class_<GradeCounts>(m, "GradeCounts", "How many gradings fell on each grade.")
      .def_property_readonly("by_grade", &by_grade, "Counts by grade name, outstanding first.")
      .def_property_readonly("total", &GradeCounts::total, "All gradings counted.")
      .def_property_readonly("good_or_better_share", &GradeCounts::good_or_better_share,
                             "The share graded good or outstanding; 0.0 when there are none.")
      .def(
          "__repr__",
          [](const GradeCounts& c) { return "<GradeCounts " + share_text(c) + " good or better>"; },
          "Like <GradeCounts 40% of 10 good or better>.");
  py::class_<QuestionComparison>(m, "QuestionComparison",
                                 "One audit question graded in an audit and its re-audit.")
      .def_readonly("question", &QuestionComparison::question, "The audit question.")
      .def_readonly("audit", &QuestionComparison::audit, "Its gradings in the audit.")
      .def_readonly("reaudit", &QuestionComparison::reaudit, "Its gradings in the re-audit.")
      .def_property_readonly("improved", &QuestionComparison::improved,
                             "Graded in both, and a higher share good or better in the re-audit.")
      .def_property_readonly("declined", &QuestionComparison::declined,
                             "Graded in both, and a lower share good or better in the re-audit.")
      .def(
          "__repr__",
          [](const QuestionComparison& q) {
            return "<QuestionComparison " + quoted(q.question, 50) + ": " + share_text(q.audit) + " -> " +
                   share_text(q.reaudit) + ">";
          },
          "Like <QuestionComparison 'voice of the child evident': 20% of 10 -> 60% of 10>.");
  py::class_<ReauditComparison>(m, "ReauditComparison", "A re-audit's gradings against its audit's.")
      .def_readonly("audit", &ReauditComparison::audit, "The audit re-audited.")
      .def_readonly("reaudit", &ReauditComparison::reaudit, "The re-audit.")
      .def_readonly("audit_overall", &ReauditComparison::audit_overall, "Every grading of the audit.")
      .def_readonly("reaudit_overall", &ReauditComparison::reaudit_overall, "Every grading of the re-audit.")
      .def_readonly("questions", &ReauditComparison::questions, copy,
                    "Every question graded in either, the audit's first, in the order first graded.")
      .def(
          "__repr__",
          [](const ReauditComparison& c) {
            return "<ReauditComparison audit " + std::to_string(c.audit.value()) + " -> " +
                   std::to_string(c.reaudit.value()) + ": " + share_text(c.audit_overall) + " -> " +
                   share_text(c.reaudit_overall) + " good or better>";
          },
          "Like <ReauditComparison audit 1 -> 4: 30% of 40 -> 55% of 40 good or better>.");
  m.def("grade_counts", &grade_counts, "plan"_a, "audit"_a,
        "Every grading of the agency returns of an audit's cases; NotFoundError for an unknown audit.")
      .def("compare_reaudit", &compare_reaudit, "plan"_a, "reaudit"_a,
           "Compares a re-audit's gradings with those of the audit it re-audits, question by "
           "question. NotFoundError for an unknown audit; ValidationError when it re-audits none.");
}

}  // namespace

void register_themes(py::module_& m) {
  bind_recurrence(m);
  bind_grades(m);
}

}  // namespace plansight::python
