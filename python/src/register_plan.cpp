// Plan: the in-memory aggregate, read-only from Python. Lookups and
// collections return copies of the value types; the as-of queries take the
// date from the caller (keyword as_of), never from the clock. Queries keep
// the GIL: a store's plan is live, and another thread may change it.
#include "bindings.hpp"
#include "columns.hpp"
#include "plansight/briefings.hpp"
#include "plansight/summary.hpp"

namespace plansight::python {
namespace {

constexpr auto copy = py::return_value_policy::copy;

template <class T>
std::optional<T> optional_copy(const T* found) {
  return found ? std::optional<T>(*found) : std::nullopt;
}

void bind_lookups(py::class_<Plan>& plan) {
  plan.def("partnership", &Plan::partnership, py::arg("id"), copy,
           "The partnership with this id; raises NotFoundError when there is none.")
      .def("agency", &Plan::agency, py::arg("id"), copy,
           "The agency with this id; raises NotFoundError when there is none.")
      .def("group", &Plan::group, py::arg("id"), copy,
           "The group with this id; raises NotFoundError when there is none.")
      .def("theme", &Plan::theme, py::arg("id"), copy,
           "The theme with this id; raises NotFoundError when there is none.")
      .def("audit", &Plan::audit, py::arg("id"), copy,
           "The audit with this id; raises NotFoundError when there is none.")
      .def("case", &Plan::case_, py::arg("id"), copy,
           "The case with this id; raises NotFoundError when there is none.")
      .def("finding", &Plan::finding, py::arg("id"), copy,
           "The finding with this id; raises NotFoundError when there is none.")
      .def("recommendation", &Plan::recommendation, py::arg("id"), copy,
           "The recommendation with this id; raises NotFoundError when there is none.")
      .def("action", &Plan::action, py::arg("id"),
           "The action with this id; raises NotFoundError when there is none.")
      .def("concern", &Plan::concern, py::arg("id"), copy,
           "The immediate concern with this id; raises NotFoundError when there is none.")
      .def("briefing", &Plan::briefing, py::arg("id"), copy,
           "The briefing with this id; raises NotFoundError when there is none.")
      .def("find_action", &Plan::find_action, py::arg("id"), "The action with this id, or None.")
      .def(
          "find_theme",
          [](const Plan& p, std::string_view name) { return optional_copy(p.find_theme(name)); },
          py::arg("name"), "The theme with this name, or None.")
      .def(
          "find_agency",
          [](const Plan& p, std::string_view name) { return optional_copy(p.find_agency(name)); },
          py::arg("name"), "The first agency with this name, or None.")
      .def(
          "find_partnership",
          [](const Plan& p, std::string_view name) { return optional_copy(p.find_partnership(name)); },
          py::arg("name"), "The first partnership with this name, or None.");
}

void bind_collections(py::class_<Plan>& plan) {
  plan.def("partnerships", &Plan::partnerships, copy, "Every partnership, in the order added.")
      .def("agencies", &Plan::agencies, copy, "Every agency, in the order added.")
      .def("groups", &Plan::groups, copy, "Every group, in the order added.")
      .def("themes", &Plan::themes, copy, "Every theme, in the order added.")
      .def("audits", &Plan::audits, copy, "Every audit, in the order added.")
      .def("cases", &Plan::cases, copy, "Every case, in the order added.")
      .def("agency_returns", &Plan::agency_returns, copy, "Every agency return, in the order added.")
      .def("findings", &Plan::findings, copy, "Every finding, in the order added.")
      .def("recommendations", &Plan::recommendations, copy, "Every recommendation, in the order added.")
      .def(
          "actions",
          [](const Plan& p) {
            const auto actions = p.actions();
            return std::vector<Action>(actions.begin(), actions.end());
          },
          "Every action, in the order added. For many actions prefer action_columns(), which "
          "builds one numpy array per field instead of one Python object per action.")
      .def("concerns", &Plan::concerns, copy, "Every immediate concern, in the order added.")
      .def("briefings", &Plan::briefings, copy, "Every briefing, in the order added.")
      .def("dependencies", &Plan::dependencies, copy,
           "Every dependency in force (added and not removed), in the order added.");
}

void bind_action_queries(py::class_<Plan>& plan) {
  const auto action = py::arg("action");
  const auto as_of = py::arg("as_of");
  plan.def(
          "status_at", [](const Plan& p, ActionId id, Date d) { return status_at(p, id, d); }, action,
          py::kw_only(), as_of,
          "Status of the latest update dated on or before as_of; not_started where there is none.")
      .def(
          "is_open_at", [](const Plan& p, ActionId id, Date d) { return is_open_at(p.action(id), d); },
          action, py::kw_only(), as_of, "Whether the action is not_started or in_progress at as_of.")
      .def(
          "is_overdue", [](const Plan& p, ActionId id, Date d) { return is_overdue(p, id, d); }, action,
          py::kw_only(), as_of,
          "Whether the action is open at as_of and its due date in force then is before as_of.")
      .def(
          "is_blocked", [](const Plan& p, ActionId id, Date d) { return is_blocked(p, id, d); }, action,
          py::kw_only(), as_of,
          "Whether the action is open at as_of and waits for an action that is open then.")
      .def(
          "blockers", [](const Plan& p, ActionId id, Date d) { return blockers(p, p.action(id), d); }, action,
          py::kw_only(), as_of, "Ids of the open actions this open action waits for at as_of.")
      .def(
          "rag_at", [](const Plan& p, ActionId id, Date d) { return rag_at(p, id, d); }, action,
          py::kw_only(), as_of,
          "RAG at as_of: none if cancelled, BLUE if complete, RED if overdue, AMBER if blocked "
          "or not started and due within 30 days, else GREEN.")
      .def(
          "due_on_at", [](const Plan& p, ActionId id, Date d) { return due_on_at(p.action(id), d); }, action,
          py::kw_only(), as_of, "The due date in force at as_of (the latest revision made by then).")
      .def(
          "owner_at",
          [](const Plan& p, ActionId id, Date d) {
            const Action held = p.action(id);  // owner_at reads it in place
            return owner_at(held, d);
          },
          action, py::kw_only(), as_of, "The owner at as_of (the latest owner change made by then).")
      .def(
          "completed_on_at",
          [](const Plan& p, ActionId id, Date d) { return completed_on_at(p.action(id), d); }, action,
          py::kw_only(), as_of, "The completion date if the action is complete at as_of, else None.")
      .def(
          "is_assured_at", [](const Plan& p, ActionId id, Date d) { return is_assured_at(p.action(id), d); },
          action, py::kw_only(), as_of, "Whether a group had signed the action off by as_of.");
}

void bind_plan_queries(py::class_<Plan>& plan) {
  plan.def(
          "rag_counts", [](const Plan& p, Date d) { return rag_counts(p, d); }, py::arg("as_of"),
          "Non-zero counts of the actions existing at as_of by (partnership, owner agency at "
          "as_of, RAG at as_of), ordered by partnership, agency (group-owned first), RAG.")
      .def(
          "overdue_actions", [](const Plan& p, Date d) { return overdue_actions(p, d); }, py::arg("as_of"),
          "Ids of the actions existing at as_of that are overdue then, ascending.")
      .def(
          "blocked_actions", [](const Plan& p, Date d) { return blocked_actions(p, d); }, py::arg("as_of"),
          "Ids of the actions existing at as_of that are blocked then, ascending.")
      .def(
          "review_summary", [](const Plan& p, Date d) { return review_summary(p, d); }, py::arg("as_of"),
          "The quarterly review summary at as_of: per partnership, headline counts, RAG by "
          "agency, and the overdue and blocked actions to discuss.")
      .def(
          "action_columns",
          [](const Plan& p, Date as_of, std::optional<PartnershipId> partnership,
             std::optional<AuditId> audit,
             bool forecast) { return action_columns(p, as_of, {partnership, audit, forecast}); },
          py::arg("as_of"), py::kw_only(), py::arg("partnership") = py::none(), py::arg("audit") = py::none(),
          py::arg("forecast") = true,
          "The actions existing at as_of (of one partnership or audit when given; NotFoundError "
          "for an unknown one) as columns, built in one pass in C++: a dict of "
          "numpy arrays of equal length. Ids (int64, -1 where none): id, partnership, audit, "
          "finding, recommendation, owner_agency and owner_group (the owner at as_of). Texts "
          "and enums are int32/int8 codes into the list under name + '_categories' (-1: "
          "missing), as pandas.Categorical.from_codes takes them: audit_title, title, owner "
          "(the agency's or group's name), owner_agency_name, owner_role, owner_lead, status, "
          "rag. Dates (datetime64[D], NaT where none): created_on, first_due_on (as first "
          "agreed), due_on (in force at as_of), forecast_finish (the schedule's earliest "
          "finish forecast from as_of), completed_on. revisions (int32, due-date revisions "
          "made by as_of), estimate_days (int32); open, overdue, blocked, at_risk (forecast "
          "finish after the due date, see at_risk) and assured (bool). Texts never given "
          "(owner_role, owner_lead) are missing (-1). forecast=False leaves out "
          "forecast_finish and at_risk, which need the whole plan scheduled.");
  plan.def("update_columns", &update_columns, py::kw_only(), py::arg("as_of") = py::none(),
           "Every update (only those dated on or before as_of, when given), by action in the "
           "plan's order, as columns: action, partnership, audit (int64), on, completed_on "
           "(datetime64[D], NaT unless complete), status, reported_rag (codes; -1: none "
           "reported), note, by (text codes, -1 where empty); categories under name + '_categories'.");
  plan.def("finding_columns", &finding_columns,
           "Every finding as columns: id, audit, partnership (int64), audit_title, held_on (the "
           "audit's date), category, text, themes (the theme names, each once, joined by '; '; "
           "-1 for none), cases and "
           "agencies (how many it concerns).");
  plan.def("grading_columns", &grading_columns, py::kw_only(), py::arg("audit") = py::none(),
           "Every grading of the agency returns (of one audit's cases, when given; NotFoundError "
           "for an unknown audit) as columns: audit, case, agency (int64), case_reference, "
           "agency_name, question, grade (codes into the grades, outstanding first).");
  plan.def("review_outcome_columns", &review_outcome_columns,
           "One row per outcome of every review meeting, in the order recorded: review, group, "
           "action, escalated_to (int64, -1 where none), group_name, held_on, new_due (NaT "
           "unless extended), outcome, reason, note (text codes, -1 where empty).");
  plan.def("theme_occurrence_columns", &theme_occurrence_columns,
           "One row per theme per audit it occurs in (the audit or one of its findings is "
           "tagged with it), by theme then audit date: theme, audit, partnership, findings "
           "(int64), theme_name, audit_title, year (int32), audit_theme (bool).");
}

// The briefings of an audit and the as-of questions of briefings.hpp.
void bind_briefing_queries(py::module_& m, py::class_<Plan>& plan) {
  plan.def(
      "briefings_of",
      [](const Plan& p, AuditId audit) {
        std::vector<Briefing> found;
        for (const auto* b : briefings_of(p, audit)) found.push_back(*b);
        return found;
      },
      py::arg("audit"),
      "The briefings written on an audit, in the order added; raises NotFoundError for an "
      "unknown audit.");
  m.def("published_on", &published_on, py::arg("briefing"), py::arg("as_of"),
        "The date of the briefing's first dissemination on or before as_of; None when it was not yet "
        "published then.");
  m.def("reached_agencies", &reached_agencies, py::arg("briefing"), py::arg("as_of"),
        "Ids of the agencies the briefing's disseminations on or before as_of reached, ascending, "
        "each once.");
}

}  // namespace

void register_plan(py::module_& m) {
  py::class_<Plan> plan(m, "Plan",
                        "Everything a store holds, in memory, with the invariants between "
                        "entities enforced: read it here, change it through a Store. The plan "
                        "of a Store is live (it follows the store's changes); copy() gives a "
                        "snapshot. Not safe to read while another thread changes the store.");
  bind_lookups(plan);
  bind_collections(plan);
  bind_action_queries(plan);
  bind_plan_queries(plan);
  bind_briefing_queries(m, plan);
  plan.def(
          "copy", [](const Plan& p) { return Plan(p); }, "An independent copy of the plan as it is now.")
      .def(
          "__repr__",
          [](const Plan& p) {
            return "<Plan: " + std::to_string(p.partnerships().size()) + " partnerships, " +
                   std::to_string(p.audits().size()) + " audits, " + std::to_string(p.actions().size()) +
                   " actions>";
          },
          "Like <Plan: 10 partnerships, 800 audits, 10000 actions>.");
}

}  // namespace plansight::python
