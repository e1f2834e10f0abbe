// The column toolkit (columns.hpp) and Plan.action_columns: the actions
// existing at a date, filled in one pass in C++.
#include "columns.hpp"

#include <algorithm>

// The library's own columns, read in place: a DataFrame of every action
// would otherwise build each Action, history and all (three times the time
// at 10^6 actions).
#include "detail/action_state.hpp"
#include "detail/action_table.hpp"
#include "plansight/schedule.hpp"
#include "plansight/status.hpp"

namespace plansight::python {

std::int64_t days_since_epoch(Date d) {
  static const Date epoch(1970, 1, 1);
  return d.is_special() ? not_a_time : (d - epoch).days();
}

std::int64_t days_since_epoch(const std::optional<Date>& d) { return d ? days_since_epoch(*d) : not_a_time; }

py::array day_column(std::size_t n) {
  return py::array(py::dtype("datetime64[D]"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(n)});
}

std::int64_t* days_of(py::array& column) { return static_cast<std::int64_t*>(column.mutable_data()); }

TextColumn::TextColumn(std::size_t n) : codes_(static_cast<py::ssize_t>(n)), data_(codes_.mutable_data()) {}

std::int32_t TextColumn::code_of(std::string_view text) {
  auto it = index_.find(text);
  if (it == index_.end()) {
    it = index_.emplace(std::string(text), static_cast<std::int32_t>(values_.size())).first;
    values_.push_back(it->first);
  }
  return it->second;
}

void TextColumn::set(std::size_t row, std::string_view text) { data_[row] = code_of(text); }

void TextColumn::set_or_missing(std::size_t row, std::string_view text) {
  data_[row] = text.empty() ? -1 : code_of(text);
}

void TextColumn::set_missing(std::size_t row) { data_[row] = -1; }

void TextColumn::add_to(ColumnDict& columns, const char* name) const {
  columns[name] = codes_;
  py::list values(values_.size());
  for (std::size_t i = 0; i < values_.size(); ++i) values[i] = py::str(values_[i].data(), values_[i].size());
  columns[py::str(std::string(name) + "_categories")] = values;
}

namespace {

struct ActionColumns {
  explicit ActionColumns(std::size_t n)
      : id(n),
        partnership(n),
        audit(n),
        finding(n),
        recommendation(n),
        owner_agency(n),
        owner_group(n),
        audit_title(n),
        title(n),
        owner(n),
        owner_agency_name(n),
        owner_role(n),
        owner_lead(n),
        created_on(day_column(n)),
        first_due_on(day_column(n)),
        due_on(day_column(n)),
        completed_on(day_column(n)),
        forecast_finish(day_column(n)),
        estimate_days(n),
        revisions(n),
        status(n),
        rag(n),
        open(n),
        overdue(n),
        blocked(n),
        at_risk(n),
        assured(n) {}

  ValueColumn<std::int64_t> id, partnership, audit, finding, recommendation, owner_agency, owner_group;
  TextColumn audit_title, title, owner, owner_agency_name, owner_role, owner_lead;
  py::array created_on, first_due_on, due_on, completed_on, forecast_finish;
  ValueColumn<std::int32_t> estimate_days, revisions;
  EnumColumn<Status> status;
  EnumColumn<Rag> rag;
  ValueColumn<bool> open, overdue, blocked, at_risk, assured;
};

int revisions_by(const detail::ActionView& a, Date as_of) {
  return static_cast<int>(std::count_if(a.due_revisions.begin(), a.due_revisions.end(),
                                        [&](const DueDateRevision& r) { return r.on <= as_of; }));
}

// Group keys are negative so that agencies and groups share one cache.
std::int64_t owner_key(const Owner& owner) {
  return owner.agency ? owner.agency->value() : owner.group ? -owner.group->value() : 0;
}

void fill_owner(ActionColumns& c, std::size_t i, const Plan& plan, const Owner& owner) {
  c.owner_agency.data[i] = id_or_missing(owner.agency);
  c.owner_group.data[i] = id_or_missing(owner.group);
  c.owner.set_by_key(i, owner_key(owner), [&]() -> std::string_view {
    if (owner.agency) return plan.agency(*owner.agency).name;
    return owner.group ? std::string_view(plan.group(*owner.group).name) : std::string_view();
  });
  if (owner.agency)
    c.owner_agency_name.set_by_key(i, owner.agency->value(), [&] { return plan.agency(*owner.agency).name; });
  else
    c.owner_agency_name.set_missing(i);
  c.owner_role.set_or_missing(i, owner.role);
  c.owner_lead.set_or_missing(i, owner.lead);
}

void fill_state(ActionColumns& c, std::size_t i, const Plan& plan, const detail::ActionView& a, Date as_of) {
  const ActionState state = detail::state_of_view(plan, a, as_of);
  c.status.set(i, state.status);
  c.rag.set(i, state.rag);
  c.open.data[i] = is_open(state.status);
  c.overdue.data[i] = state.overdue;
  c.blocked.data[i] = state.blocked;
  c.assured.data[i] = detail::assured_at(a, as_of);
  c.revisions.data[i] = revisions_by(a, as_of);
  days_of(c.due_on)[i] = days_since_epoch(state.due_on);
  days_of(c.completed_on)[i] = days_since_epoch(detail::completed_of(a, as_of));
}

void fill(ActionColumns& c, std::size_t i, const Plan& plan, const detail::ActionView& a, Date as_of) {
  c.id.data[i] = a.id.value();
  c.partnership.data[i] = a.partnership.value();
  c.audit.data[i] = a.audit.value();
  c.finding.data[i] = id_or_missing(a.finding);
  c.recommendation.data[i] = id_or_missing(a.recommendation);
  c.audit_title.set_by_key(i, a.audit.value(), [&] { return plan.audit(a.audit).title; });
  c.title.set(i, a.title);
  fill_owner(c, i, plan, detail::owner_of(a, as_of));
  days_of(c.created_on)[i] = days_since_epoch(a.created_on);
  days_of(c.first_due_on)[i] = days_since_epoch(a.due_on);
  c.estimate_days.data[i] = a.estimate_days;
  fill_state(c, i, plan, a, as_of);
}

// The forecast from as_of: open actions start no earlier than it (schedule.hpp).
void fill_forecast(ActionColumns& c, const Plan& plan, Date as_of, const std::vector<std::size_t>& rows) {
  const Schedule forecast = schedule(plan, ScheduleOptions{as_of});
  const auto late = at_risk(plan, forecast, as_of);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const ActionTiming& t = forecast.actions()[rows[i]];
    days_of(c.forecast_finish)[i] = days_since_epoch(t.earliest_finish);
    c.at_risk.data[i] = std::binary_search(late.begin(), late.end(), t.id);
  }
}

ColumnDict to_dict(ActionColumns& c, bool forecast) {
  ColumnDict d;
  d["id"] = c.id.array;
  d["partnership"] = c.partnership.array;
  d["audit"] = c.audit.array;
  c.audit_title.add_to(d, "audit_title");
  d["finding"] = c.finding.array;
  d["recommendation"] = c.recommendation.array;
  c.title.add_to(d, "title");
  c.owner.add_to(d, "owner");
  d["owner_agency"] = c.owner_agency.array;
  c.owner_agency_name.add_to(d, "owner_agency_name");
  d["owner_group"] = c.owner_group.array;
  c.owner_role.add_to(d, "owner_role");
  c.owner_lead.add_to(d, "owner_lead");
  d["created_on"] = c.created_on;
  d["first_due_on"] = c.first_due_on;
  d["due_on"] = c.due_on;
  d["revisions"] = c.revisions.array;
  if (forecast) d["forecast_finish"] = c.forecast_finish;
  d["completed_on"] = c.completed_on;
  d["estimate_days"] = c.estimate_days.array;
  c.status.add_to(d, "status");
  c.rag.add_to(d, "rag");
  d["open"] = c.open.array;
  d["overdue"] = c.overdue.array;
  d["blocked"] = c.blocked.array;
  if (forecast) d["at_risk"] = c.at_risk.array;
  d["assured"] = c.assured.array;
  return d;
}

bool selected(const detail::ActionView& a, Date as_of, const ActionSelection& selection) {
  return a.created_on <= as_of && (!selection.partnership || a.partnership == *selection.partnership) &&
         (!selection.audit || a.audit == *selection.audit);
}

}  // namespace

ColumnDict action_columns(const Plan& plan, Date as_of, const ActionSelection& selection) {
  if (selection.partnership) plan.partnership(*selection.partnership);  // NotFoundError when unknown
  if (selection.audit) plan.audit(*selection.audit);
  // The GIL stays held: the plan may be a store's live plan, which another
  // Python thread could change between counting and filling.
  const auto& actions = detail::action_table(plan);
  std::vector<std::size_t> rows;  // positions in plan.actions() of the actions selected
  for (std::size_t i = 0; i < actions.size(); ++i)
    if (selected(actions.view(i), as_of, selection)) rows.push_back(i);
  ActionColumns columns(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) fill(columns, i, plan, actions.view(rows[i]), as_of);
  if (selection.forecast) fill_forecast(columns, plan, as_of, rows);
  return to_dict(columns, selection.forecast);
}

}  // namespace plansight::python
