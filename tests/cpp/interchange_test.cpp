// The CSV workload format: reading into a plan, writing back byte for byte,
// the shared benchmark's reference answers, and refusal of bad input with
// file, line and field named.
#include "plansight/interchange.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "plansight/dates.hpp"
#include "plansight/status.hpp"
#include "workload.hpp"

namespace fs = std::filesystem;
using namespace plansight;
using namespace plansight::testing;

namespace {

using Files = std::map<std::string, std::string>;

void spit(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  REQUIRE_MESSAGE(out, "cannot write " << path);
}

// A fresh directory under the system temp directory, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    path_ = fs::temp_directory_path() /
            ("plansight-interchange-" + std::to_string(random()) + "-" + std::to_string(random()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

 private:
  fs::path path_;
};

const std::string actions_header =
    "action_id,partnership_id,audit_id,finding_id,title,owner_agency_id,owner_role,created_on,due_on,"
    "estimate_days,status,completed_on\n";

// Three actions of partnership 7 with quoted fields (commas, quotes, a
// newline), two themes in one field, an action without a finding or role
// whose due date precedes its creation, and updates for two actions.
Files tiny_workload() {
  return {
      {"agencies.csv", "agency_id,name,sector\n1,Police,police\n2,Children's Social Care,local_authority\n"},
      {"audits.csv",
       "audit_id,partnership_id,title,theme,kind,held_on\n"
       "1,7,Multi-agency case audit: neglect,neglect; voice of the "
       "child,multi_agency_case_audit,2024-01-10\n"},
      {"findings.csv",
       "finding_id,audit_id,category,theme,text\n"
       "1,1,worry,neglect,\"Missed opportunities, \"\"early\"\" signs\"\n"
       "2,1,area_for_development,voice of the child,\"Voice of the child\nnot recorded\"\n"},
      {"actions.csv",
       actions_header +
           "1,7,1,1,Deliver neglect training,1,Safeguarding "
           "Lead,2024-01-15,2024-04-30,30,complete,2024-04-20\n"
           "2,7,1,2,\"Embed voice of the child, in recording\",2,Team Manager,2024-01-20,2024-06-30,45,"
           "in_progress,\n"
           "3,7,1,,Review flags,2,,2024-02-01,2024-01-31,10,not_started,\n"},
      {"dependencies.csv", "action_id,depends_on_action_id\n2,1\n3,2\n"},
      {"updates.csv",
       "action_id,reviewed_on,status,rag,note\n"
       "1,2024-03-01,in_progress,GREEN,On track\n"
       "1,2024-05-01,complete,BLUE,Completed; evidence submitted\n"
       "2,2024-03-01,not_started,GREEN,\"Delayed, awaiting \"\"sign-off\"\"\"\n"
       "2,2024-06-01,in_progress,AMBER,\n"},
  };
}

// `files` with the first occurrence of `from` in `file` replaced by `to`.
Files with(Files files, const std::string& file, const std::string& from, const std::string& to) {
  auto& text = files.at(file);
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "'" << from << "' not in " << file);
  text.replace(at, from.size(), to);
  return files;
}

void write_files(const fs::path& dir, const Files& files) {
  for (const auto& [name, text] : files) spit(dir / name, text);
}

// A plan such as a store holds before the import: another partnership, and
// agency 1 exactly as the workload describes it.
Plan base_plan() {
  Plan plan;
  plan.add(Partnership{PartnershipId(9), "North Yorkshire SCP"});
  plan.add(Agency{AgencyId(1), "Police", Sector::police});
  Audit audit;
  audit.id = AuditId(100);
  audit.partnership = PartnershipId(9);
  audit.title = "Learning themes audit: domestic abuse";
  audit.kind = AuditKind::learning_themes_audit;
  audit.held_on = Date(2023, 5, 1);
  plan.add(audit);
  Action a;
  a.id = ActionId(100);
  a.partnership = PartnershipId(9);
  a.audit = AuditId(100);
  a.title = "Report domestic abuse audit findings to the board";
  a.owner.agency = AgencyId(1);
  a.created_on = Date(2023, 5, 10);
  a.due_on = Date(2023, 9, 30);
  plan.add(a);
  return plan;
}

Update update(ActionId action, Date on, Status status, const std::string& note,
              std::optional<Date> completed_on = std::nullopt) {
  Update u;
  u.action = action;
  u.on = on;
  u.status = status;
  u.note = note;
  u.completed_on = completed_on;
  return u;
}

WorkloadImport read_files(const Files& files, const Plan& base = Plan()) {
  TempDir dir;
  write_files(dir.path(), files);
  return read_workload(dir.str(), base);
}

// Reading `files` fails naming file, line and field, and leaves the base alone.
void expect_refused(const Files& files, const std::string& file, long line, const std::string& field,
                    const std::string& reason = {}) {
  const Plan base = base_plan();
  TempDir dir;
  write_files(dir.path(), files);
  try {
    read_workload(dir.str(), base);
    FAIL("the workload was accepted; expected an error in " << file << " line " << line);
  } catch (const ImportError& e) {
    INFO("message: " << e.what());
    CHECK(e.file() == file);
    CHECK(e.line() == line);
    CHECK(e.field() == field);
    CHECK(std::string(e.what()).find(reason) != std::string::npos);
  }
  CHECK(base.partnerships().size() == 1);
  CHECK(base.agencies().size() == 1);
  CHECK(base.themes().empty());
  CHECK(base.audits().size() == 1);
  CHECK(base.actions().size() == 1);
  CHECK(base.action(ActionId(100)).updates.empty());
}

bool same_files(const fs::path& a, const fs::path& b) {
  bool same = true;
  for (const auto& name : workload_files()) {
    const bool equal = slurp(a / name) == slurp(b / name);
    CHECK_MESSAGE(equal, name << " differs between " << a << " and " << b);
    same = same && equal;
  }
  return same;
}

// ---- the generated 10,000-action workload and its reference answers ----------------

std::string id_text(std::int64_t id) { return std::to_string(id); }

}  // namespace

// ---- reading --------------------------------------------------------------------------

TEST_CASE("reading creates partnerships, themes, actions and dependencies in file order") {
  const auto result = read_files(tiny_workload(), base_plan());
  const Plan& plan = result.plan;
  CHECK(result.rows == 2 + 1 + 2 + 3 + 2 + 4);
  CHECK(plan.partnership(PartnershipId(7)).name == "Partnership 7");
  CHECK(plan.partnership(PartnershipId(9)).name == "North Yorkshire SCP");
  REQUIRE(plan.themes().size() == 2);
  CHECK(plan.themes()[0].name == "neglect");
  CHECK(plan.themes()[1].name == "voice of the child");
  CHECK(plan.audit(AuditId(1)).themes == std::vector<ThemeId>{plan.themes()[0].id, plan.themes()[1].id});
  CHECK(plan.audit(AuditId(1)).kind == AuditKind::multi_agency_case_audit);
  CHECK(plan.finding(FindingId(2)).category == FindingCategory::area_for_development);
  const Action& flags = plan.action(ActionId(3));
  CHECK_FALSE(flags.finding.has_value());
  CHECK(flags.owner.agency == AgencyId(2));
  CHECK(flags.owner.role.empty());
  CHECK(flags.estimate_days == 10);
  const auto deps = std::vector<Dependency>{{ActionId(2), ActionId(1), 0}, {ActionId(3), ActionId(2), 0}};
  CHECK(plan.dependencies() == deps);
  CHECK(plan.actions().size() == 4);
}

TEST_CASE("updates are recorded per action in file order, the last one completed on the actions.csv date") {
  // Interleave the two actions' updates: grouping must keep each action's order.
  auto files = tiny_workload();
  files["updates.csv"] =
      "action_id,reviewed_on,status,rag,note\n"
      "2,2024-03-01,not_started,GREEN,Awaiting lead officer\n"
      "1,2024-03-01,in_progress,GREEN,On track\n"
      "2,2024-06-01,in_progress,AMBER,\n"
      "1,2024-05-01,complete,BLUE,Completed; evidence submitted\n";
  const Plan plan = read_files(files).plan;
  const auto& done = plan.action(ActionId(1)).updates;
  REQUIRE(done.size() == 2);
  CHECK(done[0].status == Status::in_progress);
  CHECK(done[0].reported_rag == Rag::green);
  CHECK(done[0].by == "import");
  CHECK(done[1].status == Status::complete);
  CHECK(done[1].completed_on == Date(2024, 4, 20));
  CHECK(done[1].note == "Completed; evidence submitted");
  const auto& open = plan.action(ActionId(2)).updates;
  REQUIRE(open.size() == 2);
  CHECK(open[0].on == Date(2024, 3, 1));
  CHECK(open[1].on == Date(2024, 6, 1));
  CHECK(open[1].note.empty());
  CHECK(status_at(plan, ActionId(2), Date(2024, 6, 30)) == Status::in_progress);
}

TEST_CASE("equal texts read from the files share one buffer") {
  // Action 3 takes action 1's title and action 2's role.
  auto files =
      with(tiny_workload(), "actions.csv", "Review flags,2,,", "Deliver neglect training,2,Team Manager,");
  files["updates.csv"] =
      "action_id,reviewed_on,status,rag,note\n"
      "2,2024-03-01,in_progress,GREEN,On track\n"
      "1,2024-05-01,complete,BLUE,On track\n";
  const Plan plan = read_files(files).plan;
  CHECK(plan.action(ActionId(3)).title.shares_buffer_with(plan.action(ActionId(1)).title));
  CHECK(plan.action(ActionId(3)).owner.role.shares_buffer_with(plan.action(ActionId(2)).owner.role));
  const Update first = plan.action(ActionId(1)).updates.at(0);
  const Update second = plan.action(ActionId(2)).updates.at(0);
  CHECK(first.note == "On track");
  CHECK(first.note.shares_buffer_with(second.note));
  CHECK(first.by.shares_buffer_with(second.by));
  const auto& actions = plan.actions();
  for (std::size_t i = 0; i < actions.size(); ++i)
    for (std::size_t j = i + 1; j < actions.size(); ++j) {
      CHECK((actions[i].title == actions[j].title) == actions[i].title.shares_buffer_with(actions[j].title));
      CHECK((actions[i].owner.role == actions[j].owner.role) ==
            actions[i].owner.role.shares_buffer_with(actions[j].owner.role));
    }
}

TEST_CASE("an empty rag is no reported RAG") {
  const auto files = with(tiny_workload(), "updates.csv", "in_progress,AMBER,", "in_progress,,");
  const Plan plan = read_files(files).plan;
  CHECK_FALSE(plan.action(ActionId(2)).updates.back().reported_rag.has_value());
  CHECK(plan.action(ActionId(2)).updates.front().reported_rag == Rag::green);
}

TEST_CASE("updates may name actions of the base plan") {
  auto files = tiny_workload();
  files["updates.csv"] += "100,2023-07-01,in_progress,GREEN,Draft circulated for comment\n";
  const Plan plan = read_files(files, base_plan()).plan;
  REQUIRE(plan.action(ActionId(100)).updates.size() == 1);
  CHECK(plan.action(ActionId(100)).updates[0].status == Status::in_progress);
}

TEST_CASE("a due date before the creation date is kept and reported as a warning") {
  const auto result = read_files(tiny_workload());
  CHECK(result.plan.action(ActionId(3)).due_on == Date(2024, 1, 31));
  REQUIRE(result.warnings.size() == 1);
  CHECK(result.warnings[0].file == "actions.csv");
  CHECK(result.warnings[0].line == 4);
  CHECK(result.warnings[0].field == "due_on");
  CHECK(result.warnings[0].message.find("2024-01-31") != std::string::npos);
}

TEST_CASE("reading leaves the base plan unchanged") {
  const Plan base = base_plan();
  const auto result = read_files(tiny_workload(), base);
  CHECK(result.plan.actions().size() == 4);
  CHECK(base.actions().size() == 1);
  CHECK(base.partnerships().size() == 1);
  CHECK(base.themes().empty());
  CHECK(base.agencies().size() == 1);
}

TEST_CASE("an agency the base plan holds identically is shared, a different one clashes") {
  const auto result = read_files(tiny_workload(), base_plan());
  CHECK(result.plan.agencies().size() == 2);
  expect_refused(with(tiny_workload(), "agencies.csv", "1,Police,police", "1,Police Scotland,police"),
                 "agencies.csv", 2, "agency_id", "already exists");
}

TEST_CASE("themes already in the base plan are reused, not created again") {
  Plan base = base_plan();
  const ThemeId neglect = base.add(Theme{ThemeId(), "neglect"}).id;
  const Plan plan = read_files(tiny_workload(), base).plan;
  CHECK(plan.themes().size() == 2);
  CHECK(plan.finding(FindingId(1)).themes == std::vector<ThemeId>{neglect});
}

TEST_CASE("CRLF row ends and a byte-order mark are accepted") {
  auto files = tiny_workload();
  std::string crlf;
  for (const char c : files.at("dependencies.csv"))
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  files["dependencies.csv"] = crlf;
  files["agencies.csv"] = "\xEF\xBB\xBF" + files["agencies.csv"];
  const Plan plan = read_files(files).plan;
  CHECK(plan.dependencies().size() == 2);
  CHECK(plan.agency(AgencyId(1)).name == "Police");
}

// ---- writing ------------------------------------------------------------------------

TEST_CASE("quoted fields with commas, quotes and newlines round-trip") {
  auto files = with(tiny_workload(), "updates.csv", "2024-06-01,in_progress,AMBER,\n",
                    "2024-06-01,in_progress,AMBER,\"Line one\r\nline two, \"\"quoted\"\"\"\n");
  const Plan plan = read_files(files).plan;
  CHECK(plan.finding(FindingId(1)).text == "Missed opportunities, \"early\" signs");
  CHECK(plan.finding(FindingId(2)).text == "Voice of the child\nnot recorded");
  CHECK(plan.action(ActionId(2)).title == "Embed voice of the child, in recording");
  CHECK(plan.action(ActionId(2)).updates[0].note == "Delayed, awaiting \"sign-off\"");
  CHECK(plan.action(ActionId(2)).updates[1].note == "Line one\r\nline two, \"quoted\"");
  TempDir out;
  write_workload(plan, out.str());
  for (const auto& [name, text] : files) CHECK_MESSAGE(slurp(out.path() / name) == text, name << " differs");
  const Plan again = read_workload(out.str(), Plan()).plan;
  CHECK(again.action(ActionId(2)).updates[1].note == "Line one\r\nline two, \"quoted\"");
}

TEST_CASE("writing puts each action's updates together, in action order") {
  auto files = tiny_workload();
  files["updates.csv"] =
      "action_id,reviewed_on,status,rag,note\n"
      "2,2024-03-01,not_started,GREEN,Awaiting lead officer\n"
      "1,2024-03-01,in_progress,GREEN,On track\n"
      "1,2024-05-01,complete,BLUE,Done\n";
  files = with(files, "actions.csv", "in_progress,\n3,", "not_started,\n3,");
  TempDir out;
  write_workload(read_files(files).plan, out.str());
  CHECK(slurp(out.path() / "updates.csv") ==
        "action_id,reviewed_on,status,rag,note\n"
        "1,2024-03-01,in_progress,GREEN,On track\n"
        "1,2024-05-01,complete,BLUE,Done\n"
        "2,2024-03-01,not_started,GREEN,Awaiting lead officer\n");
}

TEST_CASE("review cycles, reviewable items and meetings are left out, a meeting's updates are written") {
  Plan plan = read_files(tiny_workload()).plan;
  TempDir without_reviews;
  write_workload(plan, without_reviews.str());

  const auto lis = plan.add(Group{{}, PartnershipId(7), "LIS"}).id;
  ReviewCycle cycle;
  cycle.partnership = PartnershipId(7);
  cycle.name = "LIS quarterly review";
  cycle.start = Date(2024, 3, 31);
  cycle.group = lis;
  plan.add(cycle);
  ReviewableItem flag;
  flag.partnership = PartnershipId(7);
  flag.description = "Neglect flag on the school record";
  flag.placed_on = Date(2024, 1, 10);
  const auto item = plan.add(flag).id;
  plan.record(ItemReview{item, Date(2024, 7, 10), "DSL", "kept", false});
  ReviewMeeting quiet;
  quiet.group = lis;
  quiet.held_on = Date(2024, 6, 30);
  quiet.outcomes = {ReviewOutcome{ActionId(2), OutcomeKind::continue_, "", {}, "", {}},
                    ReviewOutcome{ActionId(3), OutcomeKind::extend, "", Date(2024, 12, 31), "capacity", {}}};
  plan.record(quiet);
  TempDir with_reviews;
  write_workload(plan, with_reviews.str());
  CHECK(same_files(without_reviews.path(), with_reviews.path()));

  ReviewMeeting closing = quiet;
  closing.id = ReviewId();
  closing.held_on = Date(2024, 7, 31);
  closing.outcomes = {ReviewOutcome{ActionId(2), OutcomeKind::complete, "", {}, "", {}}};
  plan.record(closing);
  TempDir completed;
  write_workload(plan, completed.str());
  CHECK(slurp(completed.path() / "updates.csv") ==
        slurp(without_reviews.path() / "updates.csv") + "2,2024-07-31,complete,,completed at review\n");
  const Plan again = read_workload(completed.str(), Plan()).plan;
  CHECK(status_at(again, ActionId(2), Date(2024, 7, 31)) == Status::complete);
  CHECK(again.action(ActionId(2)).updates.back().completed_on == Date(2024, 7, 31));
  CHECK(again.reviews().empty());
}

TEST_CASE("actions.csv states the latest update's status and completion date") {
  Plan plan = read_files(tiny_workload()).plan;
  plan.record(update(ActionId(2), Date(2024, 9, 1), Status::complete, "Recording standard issued",
                     Date(2024, 8, 15)));
  plan.record(update(ActionId(3), Date(2024, 9, 1), Status::cancelled, "Superseded by new strategy"));
  TempDir out;
  write_workload(plan, out.str());
  const auto actions = slurp(out.path() / "actions.csv");
  CHECK(actions.find(",45,complete,2024-08-15\n") != std::string::npos);
  CHECK(actions.find(",10,cancelled,\n") != std::string::npos);
}

TEST_CASE("a group-owned action cannot be written") {
  Plan plan = read_files(tiny_workload()).plan;
  const GroupId lis = plan.add(Group{GroupId(), PartnershipId(7), "LIS"}).id;
  Action a;
  a.partnership = PartnershipId(7);
  a.audit = AuditId(1);
  a.title = "Monitor the action plan quarterly";
  a.owner.group = lis;
  a.created_on = a.due_on = Date(2024, 2, 1);
  const ActionId id = plan.add(a).id;
  TempDir out;
  CHECK_THROWS_WITH_AS(write_workload(plan, out.str()),
                       doctest::Contains(("action " + std::to_string(id.value())).c_str()), Error);
  CHECK_FALSE(fs::exists(out.path() / "agencies.csv"));
}

TEST_CASE("a dependency with a lag cannot be written, as dependencies.csv has no lag column") {
  Plan plan = read_files(tiny_workload()).plan;
  plan.remove_dependency(ActionId(3), ActionId(2));
  plan.add_dependency(ActionId(3), ActionId(2), 14);
  TempDir out;
  CHECK_THROWS_WITH_AS(write_workload(plan, out.str()),
                       doctest::Contains("dependency of action 3 on action 2: its lag of 14 days"), Error);
  CHECK_FALSE(fs::exists(out.path() / "agencies.csv"));
  plan.remove_dependency(ActionId(3), ActionId(2));
  plan.add_dependency(ActionId(3), ActionId(2));
  CHECK_NOTHROW(write_workload(plan, out.str()));
}

TEST_CASE("a theme name holding the separator cannot be written") {
  Plan plan = read_files(tiny_workload()).plan;
  plan.add(Theme{ThemeId(), "neglect; and more"});
  TempDir out;
  CHECK_THROWS_WITH_AS(write_workload(plan, out.str()), doctest::Contains("neglect; and more"), Error);
}

TEST_CASE("writing where no directory can be made throws Error naming the path") {
  TempDir dir;
  spit(dir.path() / "occupied", "a file, not a directory");
  const auto target = (dir.path() / "occupied" / "workload").string();
  CHECK_THROWS_WITH_AS(write_workload(read_files(tiny_workload()).plan, target),
                       doctest::Contains(target.c_str()), Error);
}

// ---- the generated workload ------------------------------------------------------------

TEST_CASE("a failed export leaves the files already there as they were") {
  const auto dir = fs::temp_directory_path() / "plansight-export-refused";
  fs::remove_all(dir);
  fs::create_directories(dir / "updates.csv");  // a directory where a file must go
  std::ofstream(dir / "agencies.csv") << "earlier export\n";
  const Plan plan = read_workload(PLANSIGHT_WORKLOAD_DIR, Plan()).plan;
  CHECK_THROWS_WITH_AS(write_workload(plan, dir.string()), doctest::Contains("updates.csv"), Error);
  std::ifstream in(dir / "agencies.csv");
  std::string line;
  std::getline(in, line);
  CHECK(line == "earlier export");
  CHECK_FALSE(fs::exists(dir / ".plansight-export"));
  fs::remove_all(dir);
}

TEST_CASE("the generated workload is written back byte for byte") {
  TempDir out;
  write_workload(workload_plan(), out.str());
  CHECK(same_files(workload_dir, out.path()));
}

TEST_CASE("import -> export -> import -> export gives identical files") {
  TempDir first, second;
  write_workload(workload_plan(), first.str());
  const auto again = read_workload(first.str(), Plan());
  CHECK(again.rows == read_workload(workload_dir.string(), Plan()).rows);
  write_workload(again.plan, second.str());
  CHECK(same_files(first.path(), second.path()));
}

TEST_CASE("Q1: row counts of the generated workload equal the reference") {
  const Plan& plan = workload_plan();
  std::size_t updates = 0;
  for (const auto& a : plan.actions()) updates += a.updates.size();
  const std::vector<std::string> lines{"actions," + std::to_string(plan.actions().size()),
                                       "agencies," + std::to_string(plan.agencies().size()),
                                       "audits," + std::to_string(plan.audits().size()),
                                       "dependencies," + std::to_string(plan.dependencies().size()),
                                       "findings," + std::to_string(plan.findings().size()),
                                       "updates," + std::to_string(updates)};
  CHECK(sorted(lines) == sorted(reference_lines("q1")));
}

TEST_CASE("Q2: RAG counts by partnership and agency equal the reference") {
  std::vector<std::string> lines;
  for (const auto& c : rag_counts(workload_plan(), workload_as_of()))
    lines.push_back(id_text(c.partnership.value()) + "," + (c.agency ? id_text(c.agency->value()) : "") +
                    "," + to_string(c.rag) + "," + std::to_string(c.count));
  const auto reference = reference_lines("q2");
  CHECK(lines.size() == reference.size());
  CHECK(sorted(lines) == reference);
}

TEST_CASE("Q3: overdue and blocked actions equal the reference") {
  std::vector<std::string> lines;
  for (const auto id : overdue_actions(workload_plan(), workload_as_of()))
    lines.push_back("overdue," + id_text(id.value()));
  for (const auto id : blocked_actions(workload_plan(), workload_as_of()))
    lines.push_back("blocked," + id_text(id.value()));
  const auto reference = reference_lines("q3");
  CHECK(lines.size() == reference.size());
  CHECK(sorted(lines) == reference);
}

TEST_CASE("Q6: status and RAG of every action equal the reference") {
  const Plan& plan = workload_plan();
  const Date as_of = workload_as_of();
  std::vector<std::string> lines;
  for (const auto& a : plan.actions())
    lines.push_back(id_text(a.id.value()) + "," + to_string(status_at(a, as_of)) + "," +
                    to_string(rag_at(plan, a, as_of)));
  const auto reference = reference_lines("q6");
  CHECK(lines.size() == reference.size());
  CHECK(sorted(lines) == reference);
}

// ---- refusing bad input ----------------------------------------------------------------

TEST_CASE("a bad date is refused") {
  expect_refused(with(tiny_workload(), "actions.csv", "2024-01-31", "2024-02-30"), "actions.csv", 4, "due_on",
                 "'2024-02-30' is not a valid date");
  expect_refused(with(tiny_workload(), "updates.csv", "2024-06-01", "2024/06/01"), "updates.csv", 5,
                 "reviewed_on", "2024/06/01");
  expect_refused(with(tiny_workload(), "audits.csv", "2024-01-10", ""), "audits.csv", 2, "held_on",
                 "must not be empty");
}

TEST_CASE("an unknown sector is refused") {
  expect_refused(with(tiny_workload(), "agencies.csv", "local_authority", "council"), "agencies.csv", 3,
                 "sector", "unknown value 'council'");
}

TEST_CASE("an unknown status is refused") {
  expect_refused(with(tiny_workload(), "updates.csv", "1,2024-03-01,in_progress", "1,2024-03-01,started"),
                 "updates.csv", 2, "status", "unknown value 'started'");
  expect_refused(with(tiny_workload(), "actions.csv", "10,not_started", "10,open"), "actions.csv", 4,
                 "status", "'open'");
}

TEST_CASE("an unknown audit kind, finding category or RAG is refused") {
  expect_refused(with(tiny_workload(), "audits.csv", "multi_agency_case_audit", "casefile"), "audits.csv", 2,
                 "kind");
  expect_refused(with(tiny_workload(), "findings.csv", "1,1,worry", "1,1,concern"), "findings.csv", 2,
                 "category");
  expect_refused(with(tiny_workload(), "updates.csv", "BLUE", "blue"), "updates.csv", 3, "rag");
}

TEST_CASE("a dangling finding_id is refused") {
  expect_refused(with(tiny_workload(), "actions.csv", "1,7,1,1,", "1,7,1,99,"), "actions.csv", 2,
                 "finding_id", "no finding 99");
}

TEST_CASE("a dangling owner_agency_id is refused") {
  expect_refused(with(tiny_workload(), "actions.csv", "Review flags,2,", "Review flags,12,"), "actions.csv",
                 4, "owner_agency_id", "no agency 12");
}

TEST_CASE("a dangling audit_id is refused") {
  expect_refused(with(tiny_workload(), "findings.csv", "2,1,area", "2,5,area"), "findings.csv", 3, "audit_id",
                 "no audit 5");
  expect_refused(with(tiny_workload(), "actions.csv", "3,7,1,,", "3,7,5,,"), "actions.csv", 4, "audit_id",
                 "no audit 5");
}

TEST_CASE("an action in another partnership's audit is refused") {
  expect_refused(with(tiny_workload(), "actions.csv", "3,7,1,,", "3,9,1,,"), "actions.csv", 4, "audit_id",
                 "belongs to another partnership");
}

TEST_CASE("a dangling dependency is refused") {
  expect_refused(with(tiny_workload(), "dependencies.csv", "3,2\n", "3,42\n"), "dependencies.csv", 3,
                 "depends_on_action_id", "no action 42");
  expect_refused(with(tiny_workload(), "dependencies.csv", "2,1\n", "42,1\n"), "dependencies.csv", 2,
                 "action_id", "no action 42");
}

TEST_CASE("a dependency cycle is refused") {
  expect_refused(with(tiny_workload(), "dependencies.csv", "3,2\n", "3,2\n1,3\n"), "dependencies.csv", 4,
                 "depends_on_action_id", "cycle");
}

TEST_CASE("a dependency across partnerships is refused") {
  expect_refused(with(tiny_workload(), "dependencies.csv", "3,2\n", "3,2\n3,100\n"), "dependencies.csv", 4,
                 "depends_on_action_id", "another partnership");
}

TEST_CASE("a row with the wrong number of fields is refused") {
  expect_refused(with(tiny_workload(), "agencies.csv", "2,Children's Social Care,local_authority",
                      "2,Children's Social Care"),
                 "agencies.csv", 3, "sector", "2 fields, expected 3");
  expect_refused(with(tiny_workload(), "dependencies.csv", "3,2\n", "3,2,1\n"), "dependencies.csv", 3, "",
                 "3 fields, expected 2");
}

TEST_CASE("a wrong header is refused, naming line 1 and the column") {
  const auto header = "action_id,reviewed_on,status,rag,note\n";
  expect_refused(with(tiny_workload(), "updates.csv", header, "action_id,reviewed_on,status,rag\n"),
                 "updates.csv", 1, "note", "missing column 'note'");
  expect_refused(with(tiny_workload(), "updates.csv", header, "action_id,reviewed_on,status,rag,note,by\n"),
                 "updates.csv", 1, "by", "unexpected column 'by'");
  expect_refused(with(tiny_workload(), "updates.csv", header, "action_id,status,reviewed_on,rag,note\n"),
                 "updates.csv", 1, "reviewed_on", "column 2 is 'status'");
  auto empty = tiny_workload();
  empty["dependencies.csv"] = "";
  expect_refused(empty, "dependencies.csv", 1, "action_id", "empty");
}

TEST_CASE("an actions.csv status that disagrees with its updates is refused") {
  expect_refused(with(tiny_workload(), "actions.csv", "45,in_progress,", "45,not_started,"), "actions.csv", 3,
                 "status", "latest update");
  expect_refused(with(tiny_workload(), "actions.csv", "10,not_started,", "10,in_progress,"), "actions.csv", 4,
                 "status", "no update for action 3");
}

TEST_CASE("completed_on must be given exactly when the status is complete") {
  expect_refused(with(tiny_workload(), "actions.csv", "45,in_progress,", "45,in_progress,2024-05-01"),
                 "actions.csv", 3, "completed_on", "must be empty");
  expect_refused(with(tiny_workload(), "actions.csv", "complete,2024-04-20", "complete,"), "actions.csv", 2,
                 "completed_on", "must not be empty");
  expect_refused(with(tiny_workload(), "actions.csv", "complete,2024-04-20", "complete,2024-05-20"),
                 "actions.csv", 2, "completed_on", "2024-05-20");
}

TEST_CASE("an update dated before its action's creation is refused") {
  expect_refused(with(tiny_workload(), "updates.csv", "2,2024-03-01", "2,2024-01-19"), "updates.csv", 4,
                 "reviewed_on", "before action 2 was created");
}

TEST_CASE("an update that reopens a started action as not_started is refused") {
  expect_refused(with(tiny_workload(), "updates.csv", "2,2024-06-01,in_progress,AMBER,\n",
                      "2,2024-06-01,in_progress,AMBER,\n2,2024-07-01,not_started,AMBER,\n"),
                 "updates.csv", 6, "status", "cannot go back to not_started");
}

TEST_CASE("updates are recorded action by action, in the order of each action's first update") {
  // Both rows are refused; the one whose action comes first in updates.csv
  // is named, although its action comes later in actions.csv.
  auto files = tiny_workload();
  files["updates.csv"] =
      "action_id,reviewed_on,status,rag,note\n"
      "2,2024-01-19,in_progress,GREEN,Before action 2 was created\n"
      "1,2024-01-14,in_progress,GREEN,Before action 1 was created\n";
  expect_refused(files, "updates.csv", 2, "reviewed_on", "before action 2 was created");
}

TEST_CASE("an update for an unknown action is refused") {
  expect_refused(with(tiny_workload(), "updates.csv", "2,2024-06-01", "8,2024-06-01"), "updates.csv", 5,
                 "action_id", "no action 8");
}

// actions.csv, dependencies.csv and updates.csv are parsed on a thread of
// their own while the other files are read; the first error named is still
// the one a reading of the files in order, row by row, meets first.
TEST_CASE("errors are named in file order, whichever thread parsed the file") {
  const auto bad_title = [](Files files) {
    return with(std::move(files), "actions.csv", "Review flags", "");
  };
  const auto bad_update_date = [](Files files) {
    return with(std::move(files), "updates.csv", "2,2024-06-01", "2,2024/06/01");
  };
  SUBCASE("the files read alongside the parse before it") {
    auto files = bad_update_date(bad_title(tiny_workload()));
    expect_refused(with(files, "findings.csv", "1,1,worry", "1,1,concern"), "findings.csv", 2, "category");
    files.erase("actions.csv");
    expect_refused(with(files, "agencies.csv", "1,Police,police", "1,Police,army"), "agencies.csv", 2,
                   "sector");
  }
  SUBCASE("actions.csv before the history files") {
    expect_refused(bad_update_date(bad_title(tiny_workload())), "actions.csv", 4, "title");
    auto files = bad_title(tiny_workload());
    files.erase("updates.csv");
    files.erase("dependencies.csv");
    expect_refused(files, "actions.csv", 4, "title");
    files.erase("actions.csv");
    expect_refused(files, "actions.csv", 0, "", "cannot read");
  }
  SUBCASE("within actions.csv, a row that refers to nothing before a later row that does not parse") {
    expect_refused(bad_title(with(tiny_workload(), "actions.csv", "1,7,1,1,Deliver", "1,7,1,9,Deliver")),
                   "actions.csv", 2, "finding_id", "9");
    expect_refused(with(with(tiny_workload(), "actions.csv", "1,7,1,1,Deliver", "1,7,1,x,Deliver"),
                        "actions.csv", "3,7,1,,Review", "3,7,9,,Review"),
                   "actions.csv", 2, "finding_id", "'x'");
  }
  SUBCASE("dependencies.csv before updates.csv") {
    auto files = bad_update_date(with(tiny_workload(), "dependencies.csv", "3,2\n", "3,x\n"));
    expect_refused(files, "dependencies.csv", 3, "depends_on_action_id", "'x'");
    files = tiny_workload();
    files.erase("updates.csv");
    files.erase("dependencies.csv");
    expect_refused(files, "dependencies.csv", 0, "", "cannot read");
  }
  SUBCASE("within dependencies.csv, a row that refers to no action before a later row that does not parse") {
    const auto files = with(tiny_workload(), "dependencies.csv", "2,1\n3,2\n", "42,1\n3,x\n");
    expect_refused(files, "dependencies.csv", 2, "action_id", "no action 42");
    expect_refused(with(tiny_workload(), "dependencies.csv", "2,1\n3,2\n", "2,x\n3,42\n"), "dependencies.csv",
                   2, "depends_on_action_id", "'x'");
  }
  SUBCASE("within updates.csv, a row that refers to no action before a later row that does not parse") {
    expect_refused(bad_update_date(with(tiny_workload(), "updates.csv", "1,2024-05-01", "8,2024-05-01")),
                   "updates.csv", 3, "action_id", "no action 8");
    expect_refused(with(with(tiny_workload(), "updates.csv", "1,2024-05-01", "1,2024/05/01"), "updates.csv",
                        "2,2024-06-01", "8,2024-06-01"),
                   "updates.csv", 3, "reviewed_on");
  }
  SUBCASE("a header error in a history file") {
    auto files = bad_title(tiny_workload());
    files["updates.csv"] = "";
    expect_refused(files, "actions.csv", 4, "title");
    expect_refused(with(tiny_workload(), "updates.csv", "rag,note", "rag,notes"), "updates.csv", 1, "note");
  }
}

TEST_CASE("a missing file is refused") {
  auto files = tiny_workload();
  files.erase("findings.csv");
  expect_refused(files, "findings.csv", 0, "", "cannot read");
}

TEST_CASE("ids must be positive integers") {
  expect_refused(with(tiny_workload(), "actions.csv", "\n3,7,", "\nx3,7,"), "actions.csv", 4, "action_id",
                 "'x3' is not a positive integer");
  expect_refused(with(tiny_workload(), "agencies.csv", "\n2,", "\n0,"), "agencies.csv", 3, "agency_id",
                 "'0' is not a positive integer");
  expect_refused(with(tiny_workload(), "audits.csv", "1,7,", "1,-7,"), "audits.csv", 2, "partnership_id");
  expect_refused(with(tiny_workload(), "dependencies.csv", "3,2\n", "3, 2\n"), "dependencies.csv", 3,
                 "depends_on_action_id");
}

TEST_CASE("estimate_days must be a non-negative integer") {
  expect_refused(with(tiny_workload(), "actions.csv", ",10,not_started", ",-1,not_started"), "actions.csv", 4,
                 "estimate_days", "'-1'");
  expect_refused(with(tiny_workload(), "actions.csv", ",10,not_started", ",1.5,not_started"), "actions.csv",
                 4, "estimate_days", "'1.5'");
}

TEST_CASE("an empty required field is refused") {
  expect_refused(with(tiny_workload(), "actions.csv", "Review flags", ""), "actions.csv", 4, "title",
                 "must not be empty");
  expect_refused(with(tiny_workload(), "agencies.csv", "1,Police,", "1,,"), "agencies.csv", 2, "name");
  expect_refused(with(tiny_workload(), "audits.csv", "neglect; voice", "neglect; ; voice"), "audits.csv", 2,
                 "theme", "empty theme name");
}

TEST_CASE("a duplicate id is refused") {
  expect_refused(with(tiny_workload(), "actions.csv", "\n3,7,", "\n2,7,"), "actions.csv", 4, "action_id",
                 "already exists");
  expect_refused(with(tiny_workload(), "dependencies.csv", "3,2\n", "3,2\n3,2\n"), "dependencies.csv", 4,
                 "depends_on_action_id", "already depends");
}

TEST_CASE("malformed quoting is refused") {
  expect_refused(with(tiny_workload(), "actions.csv", "Review flags", "\"Review flags"), "actions.csv", 4, "",
                 "not closed");
  expect_refused(with(tiny_workload(), "actions.csv", "Review flags", "Review \"flags\""), "actions.csv", 4,
                 "", "must be quoted");
  expect_refused(with(tiny_workload(), "actions.csv", "Review flags", "\"Review\" flags"), "actions.csv", 4,
                 "", "after a closing quote");
}

TEST_CASE("line numbers count the physical lines of multi-line fields") {
  auto files = tiny_workload();
  files["findings.csv"] += "3,1,concern,neglect,Thresholds applied inconsistently\n";
  expect_refused(files, "findings.csv", 5, "category", "unknown value 'concern'");
}
