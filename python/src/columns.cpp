// Plan.action_columns: the actions existing at a date as numpy columns,
// filled in one pass in C++, so that bulk data crosses
// into Python as arrays rather than as one object per action.
#include <algorithm>
#include <cstdint>

#include "bindings.hpp"
#include "plansight/status.hpp"

namespace plansight::python {
namespace {

py::array day_column(std::size_t n) {
  return py::array(py::dtype("datetime64[D]"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(n)});
}

// The arrays, allocated with the GIL held, and raw pointers into them for
// filling without it.
struct Columns {
  explicit Columns(std::size_t n)
      : id(n), partnership(n), audit(n), owner_agency(n), owner_group(n),
        created_on(day_column(n)), due_on(day_column(n)),
        estimate_days(n), status(n), rag(n), overdue(n), blocked(n), assured(n) {}

  py::array_t<std::int64_t> id, partnership, audit, owner_agency, owner_group;
  py::array created_on, due_on;  // datetime64[D]: int64 days since 1970-01-01
  py::array_t<std::int32_t> estimate_days;
  py::array_t<std::int8_t> status, rag;
  py::array_t<bool> overdue, blocked, assured;
};

struct Row {
  std::int64_t *id, *partnership, *audit, *owner_agency, *owner_group, *created_on, *due_on;
  std::int32_t* estimate_days;
  std::int8_t *status, *rag;
  bool *overdue, *blocked, *assured;
};

Row first_row(Columns& c) {
  return {c.id.mutable_data(), c.partnership.mutable_data(), c.audit.mutable_data(),
          c.owner_agency.mutable_data(), c.owner_group.mutable_data(),
          static_cast<std::int64_t*>(c.created_on.mutable_data()),
          static_cast<std::int64_t*>(c.due_on.mutable_data()), c.estimate_days.mutable_data(),
          c.status.mutable_data(), c.rag.mutable_data(), c.overdue.mutable_data(),
          c.blocked.mutable_data(), c.assured.mutable_data()};
}

std::int64_t days_since_epoch(Date d) {
  static const Date epoch(1970, 1, 1);
  return (d - epoch).days();
}

void fill(const Row& row, std::size_t i, const Plan& plan, const Action& a, Date as_of) {
  const Owner& owner = owner_at(a, as_of);
  row.id[i] = a.id.value();
  row.partnership[i] = a.partnership.value();
  row.audit[i] = a.audit.value();
  row.owner_agency[i] = owner.agency ? owner.agency->value() : -1;
  row.owner_group[i] = owner.group ? owner.group->value() : -1;
  row.created_on[i] = days_since_epoch(a.created_on);
  row.due_on[i] = days_since_epoch(due_on_at(a, as_of));
  row.estimate_days[i] = a.estimate_days;
  row.status[i] = static_cast<std::int8_t>(status_at(a, as_of));
  row.rag[i] = static_cast<std::int8_t>(rag_at(plan, a, as_of));
  row.overdue[i] = is_overdue(a, as_of);
  row.blocked[i] = is_blocked(plan, a, as_of);
  row.assured[i] = is_assured_at(a, as_of);
}

template <class E>
py::list category_names() {
  py::list names;
  for (auto name : EnumNames<E>::values) names.append(py::str(name.data(), name.size()));
  return names;
}

ColumnDict to_dict(Columns& c) {
  ColumnDict d;
  d["id"] = c.id;
  d["partnership"] = c.partnership;
  d["audit"] = c.audit;
  d["owner_agency"] = c.owner_agency;
  d["owner_group"] = c.owner_group;
  d["created_on"] = c.created_on;
  d["due_on"] = c.due_on;
  d["estimate_days"] = c.estimate_days;
  d["status"] = c.status;
  d["rag"] = c.rag;
  d["overdue"] = c.overdue;
  d["blocked"] = c.blocked;
  d["assured"] = c.assured;
  d["status_categories"] = category_names<Status>();
  d["rag_categories"] = category_names<Rag>();
  return d;
}

}  // namespace

ColumnDict action_columns(const Plan& plan, Date as_of) {
  // The GIL stays held: the plan may be a store's live plan, which another
  // Python thread could change between counting and filling.
  const auto& actions = plan.actions();
  const auto n = static_cast<std::size_t>(
      std::count_if(actions.begin(), actions.end(), [&](const Action& a) { return exists_at(a, as_of); }));
  Columns columns(n);
  const Row row = first_row(columns);
  std::size_t i = 0;
  for (const auto& a : actions)
    if (exists_at(a, as_of)) fill(row, i++, plan, a, as_of);
  return to_dict(columns);
}

}  // namespace plansight::python
