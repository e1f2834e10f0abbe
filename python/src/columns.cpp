// The column toolkit (columns.hpp) and Plan.action_columns: the actions
// existing at a date, filled in one pass in C++.
#include "columns.hpp"

#include <algorithm>

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

void TextColumn::set(std::size_t row, std::string_view text) {
  auto it = index_.find(text);
  if (it == index_.end()) {
    it = index_.emplace(std::string(text), static_cast<std::int32_t>(values_.size())).first;
    values_.push_back(it->first);
  }
  data_[row] = it->second;
}

void TextColumn::set_missing(std::size_t row) { data_[row] = -1; }

void TextColumn::add_to(ColumnDict& columns, const char* name) const {
  columns[name] = codes_;
  py::list values(values_.size());
  for (std::size_t i = 0; i < values_.size(); ++i) values[i] = py::str(values_[i]);
  columns[py::str(std::string(name) + "_categories")] = values;
}

namespace {

// Names by id of the plan's agencies, groups and audits, looked up per row.
struct Names {
  explicit Names(const Plan& plan) {
    for (const auto& a : plan.agencies()) agency[a.id] = a.name;
    for (const auto& g : plan.groups()) group[g.id] = g.name;
    for (const auto& a : plan.audits()) audit[a.id] = a.title;
  }
  std::unordered_map<AgencyId, std::string_view> agency;
  std::unordered_map<GroupId, std::string_view> group;
  std::unordered_map<AuditId, std::string_view> audit;
};

struct ActionColumns {
  explicit ActionColumns(std::size_t n)
      : id(n), partnership(n), audit(n), finding(n), recommendation(n), owner_agency(n), owner_group(n),
        audit_title(n), title(n), owner(n), owner_agency_name(n), owner_role(n), owner_lead(n),
        created_on(day_column(n)), first_due_on(day_column(n)), due_on(day_column(n)),
        completed_on(day_column(n)), forecast_finish(day_column(n)), estimate_days(n), revisions(n),
        status(n), rag(n), open(n), overdue(n), blocked(n), at_risk(n), assured(n) {}

  ValueColumn<std::int64_t> id, partnership, audit, finding, recommendation, owner_agency, owner_group;
  TextColumn audit_title, title, owner, owner_agency_name, owner_role, owner_lead;
  py::array created_on, first_due_on, due_on, completed_on, forecast_finish;
  ValueColumn<std::int32_t> estimate_days, revisions;
  EnumColumn<Status> status;
  EnumColumn<Rag> rag;
  ValueColumn<bool> open, overdue, blocked, at_risk, assured;
};

int revisions_by(const Action& a, Date as_of) {
  return static_cast<int>(std::count_if(a.due_revisions.begin(), a.due_revisions.end(),
                                        [&](const DueDateRevision& r) { return r.on <= as_of; }));
}

void fill_owner(ActionColumns& c, std::size_t i, const Owner& owner, const Names& names) {
  c.owner_agency.data[i] = id_or_missing(owner.agency);
  c.owner_group.data[i] = id_or_missing(owner.group);
  if (owner.agency) {
    c.owner.set(i, names.agency.at(*owner.agency));
    c.owner_agency_name.set(i, names.agency.at(*owner.agency));
  } else {
    c.owner.set(i, owner.group ? names.group.at(*owner.group) : std::string_view());
    c.owner_agency_name.set_missing(i);
  }
  c.owner_role.set(i, owner.role);
  c.owner_lead.set(i, owner.lead);
}

void fill_state(ActionColumns& c, std::size_t i, const Plan& plan, const Action& a, Date as_of) {
  const Status status = status_at(a, as_of);
  c.status.set(i, status);
  c.rag.set(i, rag_at(plan, a, as_of));
  c.open.data[i] = is_open(status);
  c.overdue.data[i] = is_overdue(a, as_of);
  c.blocked.data[i] = is_blocked(plan, a, as_of);
  c.assured.data[i] = is_assured_at(a, as_of);
  const int revisions = revisions_by(a, as_of);
  c.revisions.data[i] = revisions;
  days_of(c.due_on)[i] = days_since_epoch(due_on_at(a, as_of));
  days_of(c.completed_on)[i] = days_since_epoch(completed_on_at(a, as_of));
}

void fill(ActionColumns& c, std::size_t i, const Plan& plan, const Action& a, Date as_of, const Names& names) {
  c.id.data[i] = a.id.value();
  c.partnership.data[i] = a.partnership.value();
  c.audit.data[i] = a.audit.value();
  c.finding.data[i] = id_or_missing(a.finding);
  c.recommendation.data[i] = id_or_missing(a.recommendation);
  c.audit_title.set(i, names.audit.at(a.audit));
  c.title.set(i, a.title);
  fill_owner(c, i, owner_at(a, as_of), names);
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

ColumnDict to_dict(ActionColumns& c) {
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
  d["forecast_finish"] = c.forecast_finish;
  d["completed_on"] = c.completed_on;
  d["estimate_days"] = c.estimate_days.array;
  c.status.add_to(d, "status");
  c.rag.add_to(d, "rag");
  d["open"] = c.open.array;
  d["overdue"] = c.overdue.array;
  d["blocked"] = c.blocked.array;
  d["at_risk"] = c.at_risk.array;
  d["assured"] = c.assured.array;
  return d;
}

}  // namespace

ColumnDict action_columns(const Plan& plan, Date as_of) {
  // The GIL stays held: the plan may be a store's live plan, which another
  // Python thread could change between counting and filling.
  const auto& actions = plan.actions();
  std::vector<std::size_t> rows;  // positions in plan.actions() of the actions existing at as_of
  for (std::size_t i = 0; i < actions.size(); ++i)
    if (exists_at(actions[i], as_of)) rows.push_back(i);
  ActionColumns columns(rows.size());
  const Names names(plan);
  for (std::size_t i = 0; i < rows.size(); ++i) fill(columns, i, plan, actions[rows[i]], as_of, names);
  fill_forecast(columns, plan, as_of, rows);
  return to_dict(columns);
}

}  // namespace plansight::python
