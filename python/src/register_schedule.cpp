// The schedule (schedule.hpp, dot.hpp): module functions mirroring the C++
// ones, schedule(plan), at_risk, slip, what_if_due and to_dot, and their
// results. Per-action values cross as numpy columns (Schedule.columns());
// the functions release the GIL while C++ works.
#include <cstdint>

#include "bindings.hpp"
#include "columns.hpp"
#include "plansight/dates.hpp"
#include "plansight/dot.hpp"
#include "plansight/schedule.hpp"

namespace plansight::python {
namespace {

constexpr auto copy = py::return_value_policy::copy;

// One numpy array per field of ActionTiming, in the plan's action order.
ColumnDict schedule_columns(const Schedule& s) {
  const auto& rows = s.actions();
  const std::size_t n = rows.size();
  py::array_t<std::int64_t> id(n), slack(n), driver(n);
  py::array start = day_column(n), finish = day_column(n), latest = day_column(n), due = day_column(n);
  auto* id_p = id.mutable_data();
  auto* slack_p = slack.mutable_data();
  auto* driver_p = driver.mutable_data();
  auto* start_p = static_cast<std::int64_t*>(start.mutable_data());
  auto* finish_p = static_cast<std::int64_t*>(finish.mutable_data());
  auto* latest_p = static_cast<std::int64_t*>(latest.mutable_data());
  auto* due_p = static_cast<std::int64_t*>(due.mutable_data());
  {
    py::gil_scoped_release nogil;
    for (std::size_t i = 0; i < n; ++i) {
      const ActionTiming& t = rows[i];
      id_p[i] = t.id.value();
      start_p[i] = days_since_epoch(t.earliest_start);
      finish_p[i] = days_since_epoch(t.earliest_finish);
      latest_p[i] = days_since_epoch(t.latest_finish);
      due_p[i] = days_since_epoch(t.due_on);
      slack_p[i] = t.slack_days;
      driver_p[i] = t.driver ? t.driver->value() : -1;
    }
  }
  ColumnDict d;
  d["id"] = id;
  d["earliest_start"] = start;
  d["earliest_finish"] = finish;
  d["latest_finish"] = latest;
  d["due_on"] = due;
  d["slack_days"] = slack;
  d["driver"] = driver;
  return d;
}

// None for a not-a-date, so that signatures and stubs say it can be None.
std::optional<Date> optional_date(Date d) { return d.is_special() ? std::nullopt : std::optional<Date>(d); }

std::string chain_text(const std::vector<ActionId>& chain) {
  std::string text;
  for (const auto id : chain) text += (text.empty() ? "" : " -> ") + std::to_string(id.value());
  return text;
}

void bind_timing(py::module_& m) {
  py::class_<ActionTiming>(m, "ActionTiming", "The scheduled dates of one action.")
      .def_readonly("id", &ActionTiming::id, "The action's id.")
      .def_readonly("earliest_start", &ActionTiming::earliest_start, "The earliest date it can start.")
      .def_readonly("earliest_finish", &ActionTiming::earliest_finish, "The earliest date it can finish: the forecast.")
      .def_readonly("latest_finish", &ActionTiming::latest_finish,
                    "The latest finish that keeps its own and every downstream due date.")
      .def_readonly("due_on", &ActionTiming::due_on, "The due date the schedule holds it to.")
      .def_readonly("slack_days", &ActionTiming::slack_days,
                    "latest_finish - earliest_finish in days; negative: it or something downstream will be late.")
      .def_readonly("driver", &ActionTiming::driver,
                    "Id of the prerequisite that determined its start, or None.")
      .def("__repr__", [](const ActionTiming& t) {
        return "<ActionTiming " + std::to_string(t.id.value()) + ": " + iso_or_dash(t.earliest_start) + " to " +
               iso_or_dash(t.earliest_finish) + ", due " + iso_or_dash(t.due_on) + ", slack " +
               std::to_string(t.slack_days) + ">";
      }, "Like <ActionTiming 12: 2024-01-10 to 2024-02-09, due 2024-03-01, slack 21>.");
  py::class_<CriticalPath>(m, "CriticalPath", "The span of a partnership's or audit's plan and its critical chain.")
      .def_property_readonly("start", [](const CriticalPath& p) { return optional_date(p.start); },
                             "The earliest creation date of its actions; None when it has none.")
      .def_property_readonly("finish", [](const CriticalPath& p) { return optional_date(p.finish); },
                             "The latest earliest finish (forecast completion); None when it has no actions.")
      .def_readonly("days", &CriticalPath::days, "finish - start in days: the critical path length.")
      .def_readonly("chain", &CriticalPath::chain,
                    "Ids from first to last of the chain ending last, each start determined by the one before.")
      .def("__repr__", [](const CriticalPath& p) {
        return "<CriticalPath " + std::to_string(p.days) + " days: " + chain_text(p.chain) + ">";
      }, "Like <CriticalPath 45 days: 3 -> 7 -> 12>.");
}

void bind_schedule_class(py::module_& m) {
  py::class_<Schedule>(m, "Schedule",
                       "Earliest and latest dates of every action of a plan, and critical paths; "
                       "made by plansight.schedule(plan). It describes the plan as it was when made.")
      .def("__len__", [](const Schedule& s) { return s.actions().size(); }, "The number of actions.")
      .def("actions", &Schedule::actions, copy,
           "One ActionTiming per action, in the plan's order. For many actions prefer columns().")
      .def("columns", &schedule_columns,
           "The schedule as columns, in the plan's action order: a dict of numpy arrays of "
           "equal length, id, slack_days and driver (int64; driver -1 where none), "
           "earliest_start, earliest_finish, latest_finish and due_on (datetime64[D]).")
      .def("index_of", &Schedule::index_of, py::arg("action"),
           "Position of the action in actions(); raises NotFoundError for an unknown id.")
      .def("action", &Schedule::action, py::arg("action"), copy,
           "The dates of one action; raises NotFoundError for an unknown id.")
      .def("find", [](const Schedule& s, ActionId id) {
        const auto* t = s.find(id);
        return t ? std::optional<ActionTiming>(*t) : std::nullopt;
      }, py::arg("action"), "The dates of one action, or None.")
      .def("critical_path", [](const Schedule& s, std::optional<PartnershipId> partnership,
                               std::optional<AuditId> audit) {
        if (partnership.has_value() == audit.has_value())
          throw ValidationError("critical_path", "give exactly one of partnership and audit");
        return partnership ? s.critical_path(*partnership) : s.critical_path(*audit);
      }, py::kw_only(), py::arg("partnership") = py::none(), py::arg("audit") = py::none(),
           "The critical path of one partnership or one audit (keyword, exactly one); raises "
           "NotFoundError for an unknown id. An audit's chain stops at a prerequisite of another audit.")
      .def("forecast_completion",
           [](const Schedule& s, AuditId audit) { return optional_date(s.forecast_completion(audit)); },
           py::arg("audit"),
           "When the audit's whole plan is forecast to be done (None for an audit without actions).")
      .def_property_readonly("from_date", [](const Schedule& s) { return s.from(); },
                             "The date forecast from, or None for the plan's own dates.")
      .def("__repr__", [](const Schedule& s) {
        return "<Schedule of " + std::to_string(s.actions().size()) + " actions" +
               (s.from() ? ", from " + iso_or_dash(*s.from()) : std::string()) + ">";
      }, "Like <Schedule of 10000 actions, from 2025-03-31>.");
}

void bind_what_ifs(py::module_& m) {
  py::class_<SlipEffect>(m, "SlipEffect", "An action whose forecast finish a slip moves.")
      .def_readonly("action", &SlipEffect::action, "Id of the action.")
      .def_readonly("old_finish", &SlipEffect::old_finish, "Forecast finish before the slip.")
      .def_readonly("new_finish", &SlipEffect::new_finish, "Forecast finish after it.")
      .def_readonly("due_on", &SlipEffect::due_on, "The due date the schedule holds it to.")
      .def("__repr__", [](const SlipEffect& e) {
        return "<SlipEffect " + std::to_string(e.action.value()) + ": " + iso_or_dash(e.old_finish) + " -> " +
               iso_or_dash(e.new_finish) + ", due " + iso_or_dash(e.due_on) + ">";
      }, "Like <SlipEffect 413: 2024-05-01 -> 2024-05-31, due 2024-05-20>.");
  py::class_<SlipImpact>(m, "SlipImpact", "What delaying one action does downstream (WORKLOAD.md Q5).")
      .def_readonly("action", &SlipImpact::action, "Id of the action slipped.")
      .def_readonly("days", &SlipImpact::days, "Days it slipped.")
      .def_readonly("old_finish", &SlipImpact::old_finish, "Its forecast finish before.")
      .def_readonly("new_finish", &SlipImpact::new_finish, "Its forecast finish after.")
      .def_readonly("moved", &SlipImpact::moved, "Every other action whose forecast finish moves, by id.")
      .def_readonly("newly_late", &SlipImpact::newly_late,
                    "Those now finishing after their due date where before they did not, by id.")
      .def("__repr__", [](const SlipImpact& i) {
        return "<SlipImpact " + std::to_string(i.action.value()) + " +" + std::to_string(i.days) + " days: " +
               std::to_string(i.moved.size()) + " moved, " + std::to_string(i.newly_late.size()) + " newly late>";
      }, "Like <SlipImpact 394 +30 days: 12 moved, 7 newly late>.");
  py::class_<DueChange>(m, "DueChange", "How one action's latest finish and slack change.")
      .def_readonly("action", &DueChange::action, "Id of the action.")
      .def_readonly("old_latest_finish", &DueChange::old_latest_finish, "Latest finish before.")
      .def_readonly("new_latest_finish", &DueChange::new_latest_finish, "Latest finish after.")
      .def_readonly("old_slack_days", &DueChange::old_slack_days, "Slack before, in days.")
      .def_readonly("new_slack_days", &DueChange::new_slack_days, "Slack after, in days.")
      .def("__repr__", [](const DueChange& c) {
        return "<DueChange " + std::to_string(c.action.value()) + ": slack " + std::to_string(c.old_slack_days) +
               " -> " + std::to_string(c.new_slack_days) + ">";
      }, "Like <DueChange 7: slack 10 -> -5>.");
  py::class_<DueImpact>(m, "DueImpact", "What moving one action's due date would do.")
      .def_readonly("action", &DueImpact::action, "Id of the action.")
      .def_readonly("old_due", &DueImpact::old_due, "The due date the schedule held it to.")
      .def_readonly("new_due", &DueImpact::new_due, "The due date asked about.")
      .def_readonly("forecast_finish", &DueImpact::forecast_finish, "Its earliest finish, which a due date never moves.")
      .def_readonly("late", &DueImpact::late, "Whether the forecast finish is after the new due date.")
      .def_readonly("changed", &DueImpact::changed,
                    "The action and every prerequisite whose latest finish changes: the action first, then by id.")
      .def_readonly("newly_late", &DueImpact::newly_late, "Ids whose slack turns negative, ascending.")
      .def_readonly("no_longer_late", &DueImpact::no_longer_late, "Ids whose slack stops being negative, ascending.")
      .def("__repr__", [](const DueImpact& i) {
        return "<DueImpact " + std::to_string(i.action.value()) + ": due " + iso_or_dash(i.old_due) + " -> " +
               iso_or_dash(i.new_due) + ", " + std::to_string(i.changed.size()) + " changed>";
      }, "Like <DueImpact 12: due 2024-03-01 -> 2024-02-01, 3 changed>.");
}

void bind_functions(py::module_& m) {
  const auto nogil = py::call_guard<py::gil_scoped_release>();
  m.def("schedule", [](const Plan& plan, std::optional<Date> from) { return schedule(plan, {from}); },
        py::arg("plan"), py::kw_only(), py::arg("from_date") = py::none(), nogil,
        "Schedules every action of the plan (WORKLOAD.md Q4): start = max(created_on, "
        "finish of each prerequisite + lag), finish = start + estimate_days. With from_date, "
        "actions open then start no earlier than it. Due dates are those in force at "
        "from_date, else the latest revision.")
      .def("at_risk", [](const Plan& plan, const Schedule& s, Date as_of) { return at_risk(plan, s, as_of); },
           py::arg("plan"), py::arg("schedule"), py::kw_only(), py::arg("as_of"), nogil,
           "Ids, ascending, of the actions open at as_of whose forecast finish lies after the due "
           "date in force then: beside RAG, never changing it. Pass a schedule made with "
           "from_date=as_of for a forecast.")
      .def("slip", [](const Plan& plan, const Schedule& s, ActionId action, int days) {
        return slip(plan, s, action, days);
      }, py::arg("plan"), py::arg("schedule"), py::arg("action"), py::kw_only(), py::arg("days"), nogil,
           "Delays the action by days (WORKLOAD.md Q5), recomputing only what lies downstream; "
           "raises NotFoundError for an unknown action and ValidationError for negative days.")
      .def("what_if_due", [](const Plan& plan, const Schedule& s, ActionId action, Date new_due) {
        return what_if_due(plan, s, action, new_due);
      }, py::arg("plan"), py::arg("schedule"), py::arg("action"), py::kw_only(), py::arg("new_due"), nogil,
           "Holds the action to new_due and recomputes latest finish and slack of it and its "
           "prerequisites; raises NotFoundError for an unknown action.")
      .def("to_dot", [](const Plan& plan, const Schedule& s, Date as_of, std::optional<AuditId> audit,
                        std::optional<PartnershipId> partnership) {
        if (audit.has_value() == partnership.has_value())
          throw ValidationError("to_dot", "give exactly one of audit and partnership");
        return to_dot(plan, s, as_of, audit ? GraphScope(*audit) : GraphScope(*partnership));
      }, py::arg("plan"), py::arg("schedule"), py::kw_only(), py::arg("as_of"), py::arg("audit") = py::none(),
           py::arg("partnership") = py::none(), nogil,
           "The dependency graph of one audit or partnership (keyword, exactly one) as Graphviz DOT: "
           "RAG colours at as_of, actions at risk outlined in red, the critical path in bold.");
}

}  // namespace

void register_schedule(py::module_& m) {
  bind_timing(m);
  bind_schedule_class(m);
  bind_what_ifs(m);
  bind_functions(m);
}

}  // namespace plansight::python
