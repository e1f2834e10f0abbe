// Spreadsheet action plans: the action plan a partnership already keeps in a
// spreadsheet (xlsx or csv), one row per action under a header such as
//   Recommendation | Action | Lead agency | Lead officer | Timescale |
//   Status | Progress update | RAG | Evidence
// read into a plan, and a plan's actions written back in the same shape.
// A Sheet is the spreadsheet's text, cell by cell, as the user sees it;
// reading the file itself (openpyxl, csv) is the Python package's part.
//
// Reading is all or nothing and tells everything at once: every row is
// checked, every problem is collected (sheet, row as the spreadsheet numbers
// it, column header, cell text, why) and one SheetImportError carries them
// all; nothing is returned unless every row is good.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plansight/enums.hpp"
#include "plansight/errors.hpp"
#include "plansight/plan.hpp"

namespace plansight {

// One data row: its row number as the spreadsheet shows it, and its cells'
// text in header order (a short row's missing cells read as empty).
struct SheetRow {
  long number = 0;
  std::vector<std::string> cells;
};

// One sheet of a spreadsheet as text. For a CSV file the name is the file's.
struct Sheet {
  std::string name;
  long header_row = 1;
  std::vector<std::string> header;
  std::vector<SheetRow> rows;
};

// A sheet whose data rows follow its header directly, numbered from
// header_row + 1 (blank rows included: they keep the numbering right and
// are skipped when read).
Sheet make_sheet(std::string name, std::vector<std::string> header,
                 std::vector<std::vector<std::string>> rows, long header_row = 1);

// The fields of an action plan row, in the order write_action_plan writes them.
enum class PlanColumn {
  recommendation,
  action,
  lead_agency,
  lead_officer,
  timescale,
  status,
  progress,
  rag,
  evidence
};

template <>
struct EnumNames<PlanColumn> {
  static constexpr std::string_view name = "action plan column";
  static constexpr auto values =
      std::to_array<std::string_view>({"recommendation", "action", "lead_agency", "lead_officer", "timescale",
                                       "status", "progress", "rag", "evidence"});
};

// Which header a spreadsheet uses for each field. Headers match ignoring
// case and runs of whitespace ("lead  AGENCY" is "Lead agency"); columns not
// named here are ignored. Recommendation, Action, Lead agency and Timescale
// are required; the others are read when the sheet has them, and an
// optional field mapped to "" is neither read nor written.
class ActionPlanColumns {
 public:
  // Recommendation, Action, Lead agency, Lead officer, Timescale, Status,
  // Progress update, RAG, Evidence.
  ActionPlanColumns();

  const std::string& header(PlanColumn field) const { return headers_[static_cast<std::size_t>(field)]; }
  // Throws ValidationError (field "columns") for a blank header of a
  // required field.
  ActionPlanColumns& set(PlanColumn field, std::string header);
  static bool is_required(PlanColumn field);

 private:
  std::array<std::string, enum_count<PlanColumn>()> headers_;
};

// The due date a free-text timescale names. Accepted, ignoring case and
// extra whitespace:
//   "March 2025", "Mar 2025", "Sept 2025"     the month's last day;
//     also after "end of", "by", "by end of", "by the end of", "the end of"
//   "Q3 2024/25", "2024/25 Q3"                 the UK financial-year quarter's
//                                              last day (Q1 is April-June): 2024-12-31
//   "Q2 2024", "2024 Q2"                       the calendar quarter's last day: 2024-06-30
//   "2024/25"                                  the financial year's last day: 2025-03-31
//   "31/03/2025", "1/4/2025"                   that day, UK day/month/year
//   "2025-03-31"                               that day (what a spreadsheet date cell reads as)
// Throws ValidationError (field "timescale") naming the text for anything
// else: "Ongoing", "TBC", a blank, an impossible day such as 31/02/2025, a
// financial year whose second year does not follow its first (2024/26).
Date parse_timescale(std::string_view text);

// Which audit a sheet's rows belong to (their partnership is the audit's),
// and the dates the sheet does not state.
struct ActionPlanTarget {
  AuditId audit;
  Date as_of;                             // the date the progress, RAG and evidence columns report on
  std::optional<Date> created_on;         // of the new actions; the audit's held_on when not given
  std::string by = "spreadsheet import";  // whom updates and evidence are attributed to
};

// What a sheet adds to a plan.
struct ActionPlanImport {
  Plan plan;                                      // the base plan with every row added
  std::vector<ActionId> actions;                  // one per row read, in sheet order
  std::vector<RecommendationId> recommendations;  // those created, in sheet order
};

// Reads every non-blank row of `sheet` into a copy of `base`:
//   Action           the action's title (required);
//   Lead agency      the owner: the agency of that name, ignoring case (else
//                    a group of the audit's partnership of that name);
//   Lead officer     the owner's named lead;
//   Timescale        the due date (parse_timescale);
//   Recommendation   the recommendation the action answers: the audit's one
//                    with exactly this text, created once otherwise; blank
//                    for none;
//   Status           not started / in progress / complete / cancelled (also
//                    snake_case, "completed", "canceled");
//   Progress update  the note of an update dated as_of;
//   RAG              RED, AMBER, GREEN, BLUE (or R, A, G, B; "Complete" is
//                    BLUE), the update's reported RAG;
//   Evidence         completion evidence dated as_of with this description.
// An update dated as_of is recorded when the row has a progress note or a
// RAG or a status other than not started: its status is the Status cell's,
// else complete for BLUE, else in progress. A RAG beside status not started
// and no note records nothing (a not-started action's RAG is worked out,
// not reported, as write_action_plan writes it); BLUE is refused beside
// another status, and RED, AMBER or GREEN beside complete.
// Every row is also put through the plan's own checks (a due date before the
// creation date, an update before it, a cancellation without a reason), and
// their refusals are problems of the row too, in the column at fault.
// Throws SheetImportError with every problem when any row (or the header: a
// required column missing, a column given twice) is refused; NotFoundError
// when the audit is not in `base`; ValidationError for a not-a-date as_of.
// `base` is never changed.
ActionPlanImport read_action_plan(const Sheet& sheet, const ActionPlanColumns& columns, const Plan& base,
                                  const ActionPlanTarget& target);

// The audit's actions existing at as_of, one row each in plan order, under
// the headers of `columns` (header row 1, rows from 2; sheet "Action plan"):
// the recommendation's text, title, the owner at as_of (agency or group
// name) and lead, the due date in force at as_of as an ISO date, the status
// at as_of, the latest update's note at as_of, rag_at as_of ("" for none),
// and the descriptions of evidence dated on or before as_of joined by "; ".
// Reading it back into a plan without these actions gives the same actions
// (titles, owners, due dates, recommendations, statuses, notes, evidence).
// Throws NotFoundError for an unknown audit.
Sheet write_action_plan(const Plan& plan, AuditId audit, Date as_of,
                        const ActionPlanColumns& columns = ActionPlanColumns());

}  // namespace plansight
