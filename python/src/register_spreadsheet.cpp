// Spreadsheet action plans: a sheet crosses the boundary as its header (a
// list of str) and its rows (a list of lists of str) — sheets are small —
// and the column mapping as a dict from field name to header. Reading goes
// into a Store in one transaction (Store.import_action_plan); the file
// formats (xlsx, csv) are plansight.spreadsheets' part.
#include <map>
#include <optional>

#include "bindings.hpp"
#include "plansight/spreadsheet.hpp"
#include "plansight/store.hpp"

namespace plansight::python {
namespace {

using namespace pybind11::literals;
using ColumnMap = std::map<std::string, std::string>;
using Rows = std::vector<std::vector<std::string>>;

// The defaults with the given fields' headers replaced; an unknown field
// name raises ValidationError listing the known ones.
ActionPlanColumns to_columns(const std::optional<ColumnMap>& given) {
  ActionPlanColumns columns;
  if (given)
    for (const auto& [field, header] : *given) columns.set(parse<PlanColumn>(field), header);
  return columns;
}

py::typing::Dict<py::str, py::str> default_columns() {
  const ActionPlanColumns columns;
  py::typing::Dict<py::str, py::str> out;
  for (std::size_t f = 0; f < enum_count<PlanColumn>(); ++f) {
    const auto field = static_cast<PlanColumn>(f);
    out[py::str(to_string(field))] = py::str(columns.header(field));
  }
  return out;
}

std::vector<Action> import_action_plan(Store& s, std::string sheet_name, std::vector<std::string> header,
                                       Rows rows, AuditId audit, Date as_of, const ActorArg& by,
                                       const std::optional<ColumnMap>& columns, std::optional<Date> created_on,
                                       long first_row, std::string_view why) {
  const Actor actor = to_actor(by);
  const Sheet sheet = make_sheet(std::move(sheet_name), std::move(header), std::move(rows), first_row - 1);
  const ActionPlanTarget target{audit, as_of, created_on, actor.name};
  const ActionPlanImport read = read_action_plan(sheet, to_columns(columns), s.plan(), target);
  s.add_all(read.plan, actor, why);
  std::vector<Action> added;
  for (const auto id : read.actions) added.push_back(s.plan().action(id));
  return added;
}

std::pair<std::vector<std::string>, Rows> export_action_plan(const Plan& plan, AuditId audit, Date as_of,
                                                             const std::optional<ColumnMap>& columns) {
  Sheet sheet = write_action_plan(plan, audit, as_of, to_columns(columns));
  Rows rows;
  rows.reserve(sheet.rows.size());
  for (auto& row : sheet.rows) rows.push_back(std::move(row.cells));
  return {std::move(sheet.header), std::move(rows)};
}

std::string describe(const SheetProblem& p) {
  return "<SheetProblem " + quoted(p.sheet, 40) + " row " + std::to_string(p.row) + ", " + quoted(p.column, 40) +
         " " + quoted(p.value, 40) + ": " + quoted(p.message, 100) + ">";
}

void bind_problem(py::module_& m) {
  py::class_<SheetProblem>(m, "SheetProblem",
                           "One refused cell of a spreadsheet, as SheetImportError.problems lists them.")
      .def_readonly("sheet", &SheetProblem::sheet, "The sheet's name (a CSV file's name).")
      .def_readonly("row", &SheetProblem::row, "The row number as the spreadsheet shows it (the header is row 1).")
      .def_readonly("column", &SheetProblem::column, "The column's header as the sheet spells it.")
      .def_readonly("value", &SheetProblem::value, "The cell's text ('' for a blank or a missing column).")
      .def_readonly("message", &SheetProblem::message, "Why the cell was refused.")
      .def("__repr__", &describe,
           "Like <SheetProblem 'Action plan' row 4, 'Timescale' 'Ongoing': \"'Ongoing' is not a timescale ...\">.");
}

}  // namespace

void register_spreadsheet(py::module_& m) {
  bind_problem(m);
  m.def("parse_timescale", &parse_timescale, "text"_a,
        "The due date a spreadsheet's free-text timescale names: a month ('March 2025', 'end of Mar 2025') "
        "is its last day; 'Q3 2024/25' a UK financial-year quarter's last day (2024-12-31); 'Q2 2024' a "
        "calendar quarter's (2024-06-30); '2024/25' the financial year's 31 March; '31/03/2025' (day/"
        "month/year) and '2025-03-31' that day. Raises ValidationError naming the text for anything else "
        "('Ongoing', 'TBC', '31/02/2025').");
  m.def("default_action_plan_columns", &default_columns,
        "The headers an action plan sheet is read and written with, by field: recommendation, action, "
        "lead_agency, lead_officer, timescale, status, progress, rag, evidence (a sheet must have the "
        "recommendation, action, lead_agency and timescale columns). Pass some of them as `columns` to use "
        "other headers; "
        "an optional field given as '' is neither read nor written.");
  m.def("export_action_plan", &export_action_plan, "plan"_a, py::kw_only(), "audit"_a, "as_of"_a,
        "columns"_a = py::none(),
        "The audit's actions existing at `as_of` as a sheet: (header, rows), one row per action with its "
        "recommendation, title, lead agency (or group) and officer, the due date in force as an ISO date, "
        "status, latest progress note, RAG and evidence, all as of `as_of`. Store.import_action_plan reads "
        "it back as the same actions.");
  auto store = py::reinterpret_borrow<py::class_<Store>>(m.attr("Store"));
  store.def("import_action_plan", &import_action_plan, "sheet_name"_a, "header"_a, "rows"_a, py::kw_only(),
            "audit"_a, "as_of"_a, "by"_a, "columns"_a = py::none(), "created_on"_a = py::none(),
            "first_row"_a = 2, "why"_a = "",
            "Reads an action plan sheet (its header cells and rows of cell text, the first row numbered "
            "`first_row` as the spreadsheet shows it) into audit `audit` and writes it all in one "
            "transaction: an action per non-blank row, owned by the agency (or group) its lead agency "
            "names, due when its timescale says (see parse_timescale), answering the audit's "
            "recommendation of that text (created once if new), with an update dated `as_of` from its "
            "status, progress and RAG, and completion evidence. New actions are created on `created_on` "
            "(default: the audit's held_on). Returns the actions added, in sheet order. Raises "
            "SheetImportError listing every problem of every row, and leaves the store unchanged, when "
            "any row is refused.");
}

}  // namespace plansight::python
