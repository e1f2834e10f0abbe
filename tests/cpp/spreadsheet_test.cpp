// Spreadsheet action plans: free-text timescales, the column mapping, rows
// read into a plan with every problem reported at once, and a written sheet
// reading back as the same actions.
#include "plansight/spreadsheet.hpp"

#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "plansight/status.hpp"

using namespace plansight;
using namespace plansight::testing;

namespace {

using Cells = std::vector<std::string>;

const Cells header{"Recommendation", "Action",          "Lead agency", "Lead officer",
                   "Timescale",      "Progress update", "RAG",         "Evidence"};

Sheet sheet_of(std::vector<Cells> rows, Cells head = header) {
  return make_sheet("Action plan", std::move(head), std::move(rows));
}

// The Builder's plan (three agencies, an audit held 2024-01-15) and a
// sheet's target: that audit, progress as of the 2024/25 Q2 review.
struct Fixture {
  Builder b;
  ActionPlanTarget target{b.area.audit, ymd(2024, 9, 30), std::nullopt, "LIS business manager"};

  ActionPlanImport read(const Sheet& sheet, const ActionPlanColumns& columns = {}) const {
    return read_action_plan(sheet, columns, b.plan, target);
  }
  // The problems of a refused sheet; none (and a failed check) if it was read.
  std::vector<SheetProblem> problems(const Sheet& sheet, const ActionPlanColumns& columns = {}) const {
    const std::string before = fingerprint(b.plan);
    try {
      read(sheet, columns);
    } catch (const SheetImportError& e) {
      CHECK(fingerprint(b.plan) == before);
      return e.problems();
    }
    FAIL_CHECK("the sheet was read");
    return {};
  }
};

Action only_action(const ActionPlanImport& read) {
  REQUIRE(read.actions.size() == 1);
  return read.plan.action(read.actions.front());
}

SheetProblem at(long row, std::string column, std::string value, std::string message) {
  return {"Action plan", row, std::move(column), std::move(value), std::move(message)};
}

}  // namespace

namespace doctest {
template <>
struct StringMaker<SheetProblem> {
  static String convert(const SheetProblem& p) {
    return (p.sheet + " row " + std::to_string(p.row) + ", " + p.column + " '" + p.value + "': " + p.message)
        .c_str();
  }
};
template <>
struct StringMaker<std::vector<SheetProblem>> {
  static String convert(const std::vector<SheetProblem>& problems) {
    String out = "[";
    for (const auto& p : problems) out += "\n  " + StringMaker<SheetProblem>::convert(p);
    return out + "]";
  }
};
}  // namespace doctest

// ---- timescales -------------------------------------------------------------------------

TEST_CASE("a month is its last day, however the month is spelt") {
  CHECK(parse_timescale("March 2025") == ymd(2025, 3, 31));
  CHECK(parse_timescale("Mar 2025") == ymd(2025, 3, 31));
  CHECK(parse_timescale("mar. 2025") == ymd(2025, 3, 31));
  CHECK(parse_timescale("end of March 2025") == ymd(2025, 3, 31));
  CHECK(parse_timescale("  End   of  MARCH 2025 ") == ymd(2025, 3, 31));
  CHECK(parse_timescale("by the end of Sept 2025") == ymd(2025, 9, 30));
  CHECK(parse_timescale("by June 2024") == ymd(2024, 6, 30));
  CHECK(parse_timescale("by end of April 2025") == ymd(2025, 4, 30));
  CHECK(parse_timescale("December 2024") == ymd(2024, 12, 31));
}

TEST_CASE("February ends on the 29th in a leap year only") {
  CHECK(parse_timescale("February 2024") == ymd(2024, 2, 29));
  CHECK(parse_timescale("Feb 2025") == ymd(2025, 2, 28));
  CHECK(parse_timescale("29/02/2024") == ymd(2024, 2, 29));
  CHECK_THROWS_WITH_AS(parse_timescale("29/02/2025"), doctest::Contains("'29/02/2025' is not a date"),
                       ValidationError);
}

TEST_CASE("a financial-year quarter is its last day (Q1 runs April to June)") {
  CHECK(parse_timescale("Q3 2024/25") == ymd(2024, 12, 31));
  CHECK(parse_timescale("2024/25 Q3") == ymd(2024, 12, 31));
  CHECK(parse_timescale("q4 2024/25") == ymd(2025, 3, 31));
  CHECK(parse_timescale("Q1 2025/26") == ymd(2025, 6, 30));
  CHECK(parse_timescale("Q2 2024/25") == ymd(2024, 9, 30));
}

TEST_CASE("a calendar quarter is its last day") {
  CHECK(parse_timescale("Q2 2024") == ymd(2024, 6, 30));
  CHECK(parse_timescale("2024 Q4") == ymd(2024, 12, 31));
  CHECK(parse_timescale("Q1 2025") == ymd(2025, 3, 31));
}

TEST_CASE("a financial year is its 31 March") {
  CHECK(parse_timescale("2024/25") == ymd(2025, 3, 31));
  CHECK(parse_timescale("2024/2025") == ymd(2025, 3, 31));
  CHECK(parse_timescale("1999/00") == ymd(2000, 3, 31));
}

TEST_CASE("a day is read day/month/year, or as an ISO date") {
  CHECK(parse_timescale("31/03/2025") == ymd(2025, 3, 31));
  CHECK(parse_timescale("1/4/2025") == ymd(2025, 4, 1));
  CHECK(parse_timescale("2025-03-31") == ymd(2025, 3, 31));
  CHECK(parse_timescale("2024-02-29") == ymd(2024, 2, 29));
}

TEST_CASE("what is not a timescale is refused, naming the text") {
  for (const char* text : {"Ongoing", "TBC", "ASAP", "Smarch 2025", "Q5 2024", "Q3", "March", "03/2025"}) {
    CAPTURE(text);
    CHECK_THROWS_WITH_AS(parse_timescale(text),
                         doctest::Contains(("'" + std::string(text) + "' is not a timescale").c_str()),
                         ValidationError);
  }
  CHECK_THROWS_WITH_AS(parse_timescale(""), "timescale: must not be empty", ValidationError);
  CHECK_THROWS_WITH_AS(parse_timescale("   "), "timescale: must not be empty", ValidationError);
}

TEST_CASE("an impossible day or year is refused, naming the text") {
  CHECK_THROWS_WITH_AS(parse_timescale("31/02/2025"), doctest::Contains("'31/02/2025' is not a date"),
                       ValidationError);
  CHECK_THROWS_WITH_AS(parse_timescale("31/04/2025"), doctest::Contains("'31/04/2025' is not a date"),
                       ValidationError);
  CHECK_THROWS_WITH_AS(parse_timescale("12/13/2025"), doctest::Contains("'12/13/2025' is not a date"),
                       ValidationError);
  CHECK_THROWS_WITH_AS(parse_timescale("2025-02-30"), doctest::Contains("2025-02-30"), ValidationError);
  CHECK_THROWS_WITH_AS(parse_timescale("2024/26"),
                       doctest::Contains("'2024/26': a financial year runs from April"), ValidationError);
  CHECK_THROWS_WITH_AS(parse_timescale("2024/2026"), doctest::Contains("'2024/2026': a financial year runs"),
                       ValidationError);
  CHECK_THROWS_WITH_AS(parse_timescale("Q2 2024/26"), doctest::Contains("'Q2 2024/26'"), ValidationError);
  try {
    parse_timescale("31/02/2025");
  } catch (const ValidationError& e) {
    CHECK(e.field() == "timescale");
  }
}

// ---- the column mapping -----------------------------------------------------------------

TEST_CASE("the default columns are the usual action plan's") {
  const ActionPlanColumns columns;
  CHECK(columns.header(PlanColumn::recommendation) == "Recommendation");
  CHECK(columns.header(PlanColumn::lead_agency) == "Lead agency");
  CHECK(columns.header(PlanColumn::progress) == "Progress update");
  CHECK(columns.header(PlanColumn::status) == "Status");
  CHECK(ActionPlanColumns::is_required(PlanColumn::timescale));
  CHECK_FALSE(ActionPlanColumns::is_required(PlanColumn::evidence));
}

TEST_CASE("a required column cannot be mapped away") {
  ActionPlanColumns columns;
  CHECK_THROWS_WITH_AS(columns.set(PlanColumn::action, " "),
                       doctest::Contains("the action column is required"), ValidationError);
  CHECK(columns.set(PlanColumn::evidence, "").header(PlanColumn::evidence).empty());
}

TEST_CASE("headers match ignoring case and spacing, and other columns are ignored") {
  Fixture f;
  const auto read =
      f.read(sheet_of({{"Ref 1", "  Refresh DASH training ", "humberside POLICE", "DI Smith", "March 2025",
                        "2024-10-01"}},
                      {"ref", "  ACTION ", "Lead   Agency", "lead officer", "TIMESCALE", "Added"}),
             ActionPlanColumns().set(PlanColumn::recommendation, "Ref"));
  const Action& a = only_action(read);
  CHECK(a.title == "Refresh DASH training");
  CHECK(a.owner.agency == std::optional(f.b.police));
  CHECK(a.owner.lead == "DI Smith");
  CHECK(a.due_on == ymd(2025, 3, 31));
  CHECK(a.created_on == ymd(2024, 1, 15));
  CHECK(a.updates.empty());
  CHECK(a.evidence.empty());
}

TEST_CASE("a missing required column is refused, naming it") {
  Fixture f;
  const auto problems =
      f.problems(sheet_of({{"r", "a", "Humberside Police"}}, {"Recommendation", "Action", "Lead"}));
  CHECK(problems == std::vector{at(1, "Lead agency", "", "missing required column 'Lead agency'"),
                                at(1, "Timescale", "", "missing required column 'Timescale'")});
}

TEST_CASE("a column given twice is refused") {
  Fixture f;
  const auto problems =
      f.problems(sheet_of({}, {"Recommendation", "Action", "Lead agency", "Timescale", "rag", "RAG"}));
  CHECK(problems == std::vector{at(1, "RAG", "RAG", "column 'RAG' appears twice (columns 5 and 6)")});
}

// ---- reading rows -----------------------------------------------------------------------

TEST_CASE("each row is an action of the audit, owned by the agency named") {
  Fixture f;
  const auto read = f.read(sheet_of({
      {"Improve the voice of the child", "Refresh DASH training", "Humberside Police", "DI Smith",
       "Q3 2024/25"},
      {"Improve the voice of the child", "Audit recording", "children's social care", "", "31/03/2025"},
      {"Share information early", "Agree a referral pathway", "Learning and Improvement Subgroup", "",
       "2024/25"},
      {"", "Brief GPs", "Northern Lincolnshire and Goole NHS Trust", "", "Dec 2024"},
  }));
  REQUIRE(read.actions.size() == 4);
  const auto& p = read.plan;
  const Action& training = p.action(read.actions[0]);
  const Action& recording = p.action(read.actions[1]);
  const Action& pathway = p.action(read.actions[2]);
  const Action& briefing = p.action(read.actions[3]);
  CHECK(training.partnership == f.b.area.partnership);
  CHECK(training.audit == f.b.area.audit);
  CHECK(training.due_on == ymd(2024, 12, 31));
  CHECK(recording.owner.agency == std::optional(f.b.social_care));
  CHECK(pathway.owner.group == std::optional(f.b.area.lis));
  CHECK(pathway.due_on == ymd(2025, 3, 31));
  // One recommendation per distinct text, created once and in sheet order.
  REQUIRE(read.recommendations.size() == 2);
  CHECK(training.recommendation == std::optional(read.recommendations[0]));
  CHECK(recording.recommendation == training.recommendation);
  CHECK(p.recommendation(*pathway.recommendation).text == "Share information early");
  CHECK(p.recommendation(read.recommendations[0]).audit == f.b.area.audit);
  CHECK_FALSE(briefing.recommendation);
  CHECK(p.recommendations().size() == 2);
}

TEST_CASE("a recommendation the audit already has is reused") {
  Fixture f;
  const auto existing =
      f.b.plan.add(Recommendation{{}, f.b.area.audit, "Improve the voice of the child", {}}).id;
  const auto read = f.read(sheet_of(
      {{"Improve the voice of the child", "Refresh training", "Humberside Police", "", "March 2025"}}));
  CHECK(only_action(read).recommendation == std::optional(existing));
  CHECK(read.recommendations.empty());
}

TEST_CASE("the creation date is the caller's when given") {
  Fixture f;
  f.target.created_on = ymd(2024, 2, 1);
  CHECK(only_action(f.read(sheet_of({{"", "Train", "Humberside Police", "", "March 2025"}}))).created_on ==
        ymd(2024, 2, 1));
}

TEST_CASE("progress and RAG become an update dated as_of") {
  Fixture f;
  const auto read = f.read(sheet_of({
      {"", "Noted only", "Humberside Police", "", "March 2025", "Training booked"},
      {"", "Amber only", "Humberside Police", "", "March 2025", "", "Amber"},
      {"", "Blue", "Humberside Police", "", "March 2025", "Delivered", "BLUE", "Attendance figures"},
      {"", "Complete word", "Humberside Police", "", "March 2025", "", "complete"},
      {"", "Letter", "Humberside Police", "", "March 2025", "", "g"},
      {"", "Nothing", "Humberside Police", "", "March 2025", "", "", ""},
  }));
  REQUIRE(read.actions.size() == 6);
  const auto update = [&](std::size_t i) -> Update {
    const auto& updates = read.plan.action(read.actions[i]).updates;
    REQUIRE(updates.size() == 1);
    return updates.front();
  };
  CHECK(update(0).status == Status::in_progress);
  CHECK(update(0).note == "Training booked");
  CHECK(update(0).on == ymd(2024, 9, 30));
  CHECK(update(0).by == "LIS business manager");
  CHECK_FALSE(update(0).reported_rag);
  CHECK(update(1).status == Status::in_progress);
  CHECK(update(1).reported_rag == std::optional(Rag::amber));
  CHECK(update(2).status == Status::complete);
  CHECK(update(2).completed_on == std::optional(ymd(2024, 9, 30)));
  CHECK(update(3).status == Status::complete);
  CHECK(update(3).reported_rag == std::optional(Rag::blue));
  CHECK(update(4).reported_rag == std::optional(Rag::green));
  CHECK(read.plan.action(read.actions[5]).updates.empty());
  const auto& evidence = read.plan.action(read.actions[2]).evidence;
  REQUIRE(evidence.size() == 1);
  CHECK(evidence[0].kind == EvidenceKind::completion);
  CHECK(evidence[0].description == "Attendance figures");
  CHECK(evidence[0].on == ymd(2024, 9, 30));
  CHECK(evidence[0].by == "LIS business manager");
}

TEST_CASE("a Status column states the status, and a not-started RAG records nothing") {
  Fixture f;
  Cells head = header;
  head.push_back("Status");
  const auto read = f.read(sheet_of(
      {
          {"", "Waiting", "Humberside Police", "", "March 2025", "", "GREEN", "", "Not started"},
          {"", "Going", "Humberside Police", "", "March 2025", "", "", "", "in_progress"},
          {"", "Dropped", "Humberside Police", "", "March 2025", "Superseded", "", "", "Cancelled"},
          {"", "Done", "Humberside Police", "", "March 2025", "", "", "", "completed"},
      },
      head));
  REQUIRE(read.actions.size() == 4);
  const auto& p = read.plan;
  CHECK(p.action(read.actions[0]).updates.empty());
  CHECK(status_at(p.action(read.actions[1]), ymd(2024, 9, 30)) == Status::in_progress);
  CHECK(status_at(p.action(read.actions[2]), ymd(2024, 9, 30)) == Status::cancelled);
  CHECK(p.action(read.actions[2]).updates.back().note == "Superseded");
  CHECK(status_at(p.action(read.actions[3]), ymd(2024, 9, 30)) == Status::complete);
}

TEST_CASE("blank rows are skipped and the rows keep their spreadsheet numbers") {
  Fixture f;
  Sheet sheet = sheet_of({{"", "Train", "Humberside Police", "", "March 2025"},
                          {"", " ", ""},
                          {},
                          {"", "", "Humberside Police", "", "March 2025"}});
  const auto problems = f.problems(sheet);
  CHECK(problems == std::vector{at(5, "Action", "", "must not be empty")});
}

// ---- refusals ---------------------------------------------------------------------------

TEST_CASE("every problem of every row is reported, and the plan is left as it was") {
  Fixture f;
  const auto sheet = sheet_of({
      {"Voice of the child", "Refresh training", "Humberside Police", "", "Ongoing"},
      {"Voice of the child", "", "Police Scotland", "", "31/02/2025", "", "Purple"},
      {"Voice of the child", "Audit recording", "Children's Social Care", "", "March 2025"},
      {"", "Brief GPs", "", "", ""},
  });
  const auto problems = f.problems(sheet);
  CHECK(
      problems ==
      std::vector{
          at(2, "Timescale", "Ongoing",
             "'Ongoing' is not a timescale: give a month ('March 2025'), a quarter ('Q3 2024/25' "
             "or 'Q2 2024'), a financial year ('2024/25') or a date ('31/03/2025')"),
          at(3, "Action", "", "must not be empty"),
          at(3, "Lead agency", "Police Scotland", "no agency or group named 'Police Scotland'"),
          at(3, "Timescale", "31/02/2025", "'31/02/2025' is not a date: Day of month is not valid for year"),
          at(3, "RAG", "Purple", "'Purple' is not a RAG rating (RED, AMBER, GREEN, or BLUE for complete)"),
          at(5, "Lead agency", "", "must not be empty"),
          at(5, "Timescale", "", "must not be empty"),
      });
}

TEST_CASE("the error lists every problem, one per line, and names the first as an ImportError") {
  Fixture f;
  const auto sheet = sheet_of({
      {"", "Refresh training", "Humberside Police", "", "TBC"},
      {"", "Audit recording", "Nobody", "", "March 2025"},
  });
  try {
    f.read(sheet);
    FAIL("the sheet was read");
  } catch (const ImportError& e) {
    CHECK(
        std::string(e.what()) ==
        "Action plan: 2 problems, nothing was read\n"
        "row 2, Timescale: 'TBC' is not a timescale: give a month ('March 2025'), a quarter ('Q3 2024/25' or "
        "'Q2 2024'), a financial year ('2024/25') or a date ('31/03/2025')\n"
        "row 3, Lead agency: no agency or group named 'Nobody'");
    CHECK(e.file() == "Action plan");
    CHECK(e.line() == 2);
    CHECK(e.field() == "Timescale");
  }
}

TEST_CASE("a status or RAG that is not one is refused, and so is a RAG contradicting the status") {
  Fixture f;
  Cells head = header;
  head.push_back("Status");
  const auto problems = f.problems(sheet_of(
      {
          {"", "A", "Humberside Police", "", "March 2025", "", "", "", "Done-ish"},
          {"", "B", "Humberside Police", "", "March 2025", "", "Blue", "", "In progress"},
          {"", "C", "Humberside Police", "", "March 2025", "", "red", "", "Complete"},
      },
      head));
  CHECK(problems ==
        std::vector{at(2, "Status", "Done-ish",
                       "'Done-ish' is not a status (not started, in progress, complete or cancelled)"),
                    at(3, "RAG", "Blue", "BLUE means complete, but the status is in progress"),
                    at(4, "RAG", "red", "'RED' beside status complete: complete is BLUE")});
}

TEST_CASE("the plan's own refusals are problems of the row, in the column at fault") {
  Fixture f;
  Cells head = header;
  head.push_back("Status");
  f.target.created_on = ymd(2024, 2, 1);
  const auto problems = f.problems(sheet_of(
      {
          {"", "Too early", "Humberside Police", "", "January 2024"},
          {"", "Dropped", "Humberside Police", "", "March 2025", "", "", "", "cancelled"},
          {"", "Fine", "Humberside Police", "", "March 2025"},
      },
      head));
  CHECK(problems == std::vector{at(2, "Timescale", "January 2024",
                                   "due date 2024-01-31 is before the creation date 2024-02-01"),
                                at(3, "Progress update", "", "cancelling action 1 needs a reason")});
}

TEST_CASE("progress reported before the actions were created is refused") {
  Fixture f;
  f.target.as_of = ymd(2024, 1, 1);
  const auto problems =
      f.problems(sheet_of({{"", "Train", "Humberside Police", "", "March 2025", "Booked"}}));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].row == 2);
  CHECK(problems[0].column == "Progress update");
  CHECK(problems[0].message == "update dated 2024-01-01 is before action 1 was created (2024-01-15)");
}

TEST_CASE("an unknown audit or a missing as_of date is not a row's problem") {
  Fixture f;
  f.target.audit = AuditId(99);
  CHECK_THROWS_AS(f.read(sheet_of({})), NotFoundError);
  Fixture g;
  g.target.as_of = Date();
  CHECK_THROWS_WITH_AS(g.read(sheet_of({})), "as_of: must be a valid date", ValidationError);
}

// ---- writing ----------------------------------------------------------------------------

namespace {

// The Builder's audit with four actions in various states at 2024-09-30.
struct Written {
  Fixture f;
  ActionId training, recording, pathway, dropped;

  Written() {
    Plan& p = f.b.plan;
    const auto rec = p.add(Recommendation{{}, f.b.area.audit, "Improve the voice of the child", {}}).id;
    Action a = f.b.draft(ymd(2024, 1, 15), ymd(2024, 6, 30));
    a.finding.reset();
    a.recommendation = rec;
    a.title = "Refresh DASH training";
    a.owner.lead = "DI Smith";
    training = p.add(a).id;
    p.record(update(training, ymd(2024, 3, 31), Status::in_progress, "Trainer booked"));
    p.record(DueDateRevision{training, ymd(2024, 6, 1), ymd(2024, 12, 31), "Trainer on leave", "LIS"});
    a.title = "Audit recording of the child's voice";
    a.owner = owned_by(f.b.social_care);
    recording = p.add(a).id;
    p.record(update(recording, ymd(2024, 9, 1), Status::complete, "Audit done"));
    p.record(Evidence{{}, recording, ymd(2024, 9, 1), EvidenceKind::completion, "Audit report", "CSC"});
    p.record(Evidence{{}, recording, ymd(2024, 9, 2), EvidenceKind::impact, "Re-audit plan", "CSC"});
    p.record(Evidence{{}, recording, ymd(2024, 10, 2), EvidenceKind::impact, "Later", "CSC"});
    a.recommendation.reset();
    a.title = "Agree a referral pathway";
    a.owner = owned_by(f.b.area.lis);
    pathway = p.add(a).id;
    a.title = "Dropped action";
    a.owner = owned_by(f.b.health);
    dropped = p.add(a).id;
    p.record(update(dropped, ymd(2024, 5, 1), Status::cancelled, "Superseded by the pathway"));
    a.title = "Not yet created";
    a.created_on = ymd(2024, 10, 1);
    a.due_on = ymd(2025, 3, 31);
    p.add(a);
  }
};

}  // namespace

TEST_CASE("a written sheet has the columns and the actions as they stood at as_of") {
  Written w;
  const Sheet sheet = write_action_plan(w.f.b.plan, w.f.b.area.audit, ymd(2024, 9, 30));
  CHECK(sheet.name == "Action plan");
  CHECK(sheet.header == Cells{"Recommendation", "Action", "Lead agency", "Lead officer", "Timescale",
                              "Status", "Progress update", "RAG", "Evidence"});
  REQUIRE(sheet.rows.size() == 4);
  CHECK(sheet.rows[0].number == 2);
  CHECK(sheet.rows[3].number == 5);
  CHECK(sheet.rows[0].cells == Cells{"Improve the voice of the child", "Refresh DASH training",
                                     "Humberside Police", "DI Smith", "2024-12-31", "in progress",
                                     "Trainer booked", "GREEN", ""});
  CHECK(sheet.rows[1].cells == Cells{"Improve the voice of the child", "Audit recording of the child's voice",
                                     "Children's Social Care", "", "2024-06-30", "complete", "Audit done",
                                     "BLUE", "Audit report; Re-audit plan"});
  CHECK(sheet.rows[2].cells == Cells{"", "Agree a referral pathway", "Learning and Improvement Subgroup", "",
                                     "2024-06-30", "not started", "", "RED", ""});
  CHECK(sheet.rows[3].cells[5] == "cancelled");
  CHECK(sheet.rows[3].cells[7] == "");
}

TEST_CASE("a written sheet leaves out the columns mapped away") {
  Written w;
  const auto columns =
      ActionPlanColumns().set(PlanColumn::status, "").set(PlanColumn::action, "Action to take");
  const Sheet sheet = write_action_plan(w.f.b.plan, w.f.b.area.audit, ymd(2024, 9, 30), columns);
  CHECK(sheet.header == Cells{"Recommendation", "Action to take", "Lead agency", "Lead officer", "Timescale",
                              "Progress update", "RAG", "Evidence"});
  CHECK_THROWS_AS(write_action_plan(w.f.b.plan, AuditId(99), ymd(2024, 9, 30)), NotFoundError);
}

TEST_CASE("a written sheet reads back as the same actions") {
  Written w;
  const Date as_of = ymd(2024, 9, 30);
  const Sheet sheet = write_action_plan(w.f.b.plan, w.f.b.area.audit, as_of);
  // Into the plan as it was before the actions: the Builder's own.
  Fixture fresh;
  fresh.target.as_of = as_of;
  const auto read = fresh.read(sheet);
  const auto originals = std::vector{w.training, w.recording, w.pathway, w.dropped};
  REQUIRE(read.actions.size() == originals.size());
  for (std::size_t i = 0; i < originals.size(); ++i) {
    const Action& before = w.f.b.plan.action(originals[i]);
    const Action& after = read.plan.action(read.actions[i]);
    CAPTURE(before.title);
    CHECK(after.title == before.title);
    CHECK(after.owner.agency == owner_at(before, as_of).agency);
    CHECK(after.owner.group == owner_at(before, as_of).group);
    CHECK(after.owner.lead == owner_at(before, as_of).lead);
    CHECK(after.due_on == due_on_at(before, as_of));
    CHECK(status_at(after, as_of) == status_at(before, as_of));
    CHECK(rag_at(read.plan, after, as_of) == rag_at(w.f.b.plan, before, as_of));
    CHECK((after.recommendation ? read.plan.recommendation(*after.recommendation).text : "") ==
          (before.recommendation ? w.f.b.plan.recommendation(*before.recommendation).text : ""));
    CHECK((after.updates.empty() ? "" : after.updates.back().note) ==
          (before.updates.empty() ? "" : before.updates.back().note));
  }
  CHECK(read.plan.action(read.actions[1]).evidence.front().description == "Audit report; Re-audit plan");
  CHECK(read.plan.action(read.actions[2]).updates.empty());
  // And writing the read plan gives the same sheet.
  CHECK(write_action_plan(read.plan, fresh.b.area.audit, as_of).rows.size() == sheet.rows.size());
  for (std::size_t i = 0; i < sheet.rows.size(); ++i)
    CHECK(write_action_plan(read.plan, fresh.b.area.audit, as_of).rows[i].cells == sheet.rows[i].cells);
}
