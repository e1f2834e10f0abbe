// The SQLite store: schema and migrations, round trips through the file,
// history of every change, and refusals that leave file and plan untouched.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fixtures.hpp"
#include "plansight/status.hpp"
#include "plansight/store.hpp"

using namespace plansight;
using plansight::testing::ymd;
namespace fs = std::filesystem;

namespace {

const Actor manager{"LIS business manager", std::nullopt};

// A fresh file path under the system temp directory, removed on destruction.
struct TempFile {
  fs::path path;
  explicit TempFile(const std::string& name) {
    path = fs::temp_directory_path() /
           ("plansight-" + name + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".db");
    remove();
  }
  ~TempFile() { remove(); }
  void remove() const {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  }
  std::string str() const { return path.string(); }
};

// A store with one partnership, two agencies, the LIS, an audit, a finding
// and an action due 2024-06-30.
struct Seeded {
  Store store;
  PartnershipId partnership;
  AgencyId police, health;
  GroupId lis;
  AuditId audit;
  FindingId finding;
  ActionId action;

  explicit Seeded(const std::string& path, const std::string& name = "North Yorkshire SCP")
      : store(Store::open(path)) {
    partnership = store.add(Partnership{{}, name}, manager).id;
    police = store.add(Agency{{}, "North Yorkshire Police", Sector::police}, manager).id;
    health = store.add(Agency{{}, "Harrogate and District NHS FT", Sector::health}, manager).id;
    lis = store.add(Group{{}, partnership, "Learning and Improvement Subgroup"}, manager).id;
    Audit a;
    a.partnership = partnership;
    a.title = "Multi-Agency Response to Domestic Abuse";
    a.kind = AuditKind::learning_themes_audit;
    a.held_on = ymd(2023, 11, 1);
    a.agencies = {police, health};
    audit = store.add(a, manager).id;
    Finding f;
    f.audit = audit;
    f.category = FindingCategory::area_for_development;
    f.text = "Voice of the child not consistently clear";
    finding = store.add(f, manager).id;
    action = add_action("Embed voice of the child in recording", ymd(2023, 12, 1), ymd(2024, 6, 30));
  }

  ActionId add_action(const std::string& title, Date created, Date due) {
    Action a;
    a.partnership = partnership;
    a.audit = audit;
    a.finding = finding;
    a.title = title;
    a.owner = testing::owned_by(police, "Safeguarding Lead");
    a.created_on = created;
    a.due_on = due;
    a.estimate_days = 30;
    return store.add(a, manager).id;
  }
};

// A plan's contents, as text.
std::string describe(const Plan& plan) {
  std::ostringstream out;
  for (const auto& a : plan.actions()) {
    out << a.id << ' ' << a.title << ' ' << to_iso(a.due_on) << ' ' << a.updates.size() << ' '
        << a.due_revisions.size() << ' ' << a.owner_changes.size() << ' ' << a.evidence.size() << ' '
        << a.assurance.has_value() << " depends on";
    for (const auto& d : a.depends_on) out << ' ' << d.depends_on << '+' << d.lag_days;
    out << '\n';
    for (const auto& u : a.updates) out << "  " << to_iso(u.on) << ' ' << to_string(u.status) << '\n';
  }
  for (const auto& x : plan.audits()) out << "audit " << x.id << ' ' << to_string(x.stage) << '\n';
  out << plan.partnerships().size() << ' ' << plan.agencies().size() << ' ' << plan.findings().size() << ' '
      << plan.cases().size() << ' ' << plan.concerns().size() << ' ' << plan.themes().size() << '\n';
  for (const auto& p : plan.partnerships()) out << p.id << ' ' << p.name << '\n';
  return out.str();
}

// Everything observable about a store, as text: the file's contents, the
// in-memory plan (which must agree with the file) and the history.
std::string snapshot(const Store& store) {
  const std::string file = describe(store.load());
  CHECK(describe(store.plan()) == file);
  return file + "history " + std::to_string(store.history().size()) + '\n';
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("a new file gets the latest schema, foreign keys and WAL") {
  TempFile file("schema");
  { Store store = Store::open(file.str()); CHECK(store.schema_version() == Store::latest_schema_version()); }
  SQLite::Database db(file.str());
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == Store::latest_schema_version());
  CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
}

TEST_CASE("an in-memory store works and starts empty") {
  Store store = Store::open(":memory:");
  CHECK(store.plan().actions().empty());
  const auto p = store.add(Partnership{{}, "Dudley SCB"}, manager);
  CHECK(p.id.value() == 1);
  CHECK(store.plan().partnerships().size() == 1);
}

TEST_CASE("reopening a file gives back the same plan") {
  TempFile file("reopen");
  std::string before;
  {
    Seeded s(file.str());
    const auto second = s.add_action("Deliver multi-agency domestic abuse training", ymd(2023, 12, 5),
                                     ymd(2024, 9, 30));
    s.store.add_dependency(second, s.action, manager);
    s.store.record(Update{s.action, ymd(2024, 3, 31), Status::in_progress, Rag::green, "Guidance drafted", "", {}},
                   manager);
    s.store.record(DueDateRevision{second, ymd(2024, 3, 31), ymd(2024, 12, 31), "Trainer unavailable", "LIS"},
                   manager);
    s.store.record(OwnerChange{second, ymd(2024, 4, 1), testing::owned_by(s.health), "Health leads training"},
                   manager);
    s.store.record(Update{s.action, ymd(2024, 6, 30), Status::complete, std::nullopt, "Done", "", ymd(2024, 6, 20)},
                   manager);
    s.store.record(Evidence{{}, s.action, ymd(2024, 7, 1), EvidenceKind::impact, "Dip sample 8/10", ""}, manager);
    s.store.record(Assurance{s.action, ymd(2024, 9, 30), s.lis, "Impact seen", ""}, manager);
    s.store.advance_audit(s.audit, AuditStage::monitoring, manager);
    before = snapshot(s.store);
    CHECK(snapshot(s.store) == before);
  }
  Store reopened = Store::open(file.str());
  CHECK(snapshot(reopened) == before);
  const Plan& plan = reopened.plan();
  const auto& first = plan.actions()[0];
  CHECK(first.updates[1].completed_on == ymd(2024, 6, 20));
  CHECK(first.updates[0].reported_rag == Rag::green);
  CHECK(first.updates[0].by == manager.name);
  CHECK(first.assurance->group == GroupId(1));
  const auto& second = plan.actions()[1];
  CHECK(due_on_at(second, ymd(2024, 3, 30)) == ymd(2024, 9, 30));
  CHECK(due_on_at(second, ymd(2024, 3, 31)) == ymd(2024, 12, 31));
  CHECK(owner_at(second, ymd(2024, 4, 1)).agency == AgencyId(2));
  CHECK(plan.audits()[0].stage == AuditStage::monitoring);
  // The second waits for the first, still in progress on 1 May: blocked.
  CHECK(rag_at(plan, second.id, ymd(2024, 5, 1)) == Rag::amber);
  CHECK(rag_at(plan, second.id, ymd(2024, 7, 1)) == Rag::green);
}

TEST_CASE("every change is recorded with actor, field, old and new value") {
  Seeded s(":memory:");
  const Actor chair{"LIS chair", s.police};
  s.store.record(Update{s.action, ymd(2024, 3, 31), Status::in_progress, std::nullopt, "Started", "", {}}, chair);
  s.store.record(DueDateRevision{s.action, ymd(2024, 4, 1), ymd(2024, 9, 30), "Capacity", "LIS"}, chair);
  s.store.advance_audit(s.audit, AuditStage::reported, chair, "report to the LIS");

  const auto entries = s.store.history("action", s.action.value());
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].field == "created");
  CHECK(entries[0].actor == manager.name);
  CHECK(entries[1].field == "status");
  CHECK(entries[1].old_value == "not_started");
  CHECK(entries[1].new_value == "in_progress");
  CHECK(entries[1].actor == "LIS chair");
  CHECK(entries[1].why == "Started");
  CHECK(entries[2].field == "due_on");
  CHECK(entries[2].old_value == "2024-06-30");
  CHECK(entries[2].new_value == "2024-09-30");
  CHECK(entries[2].why == "Capacity");
  CHECK_FALSE(entries[2].recorded_at.empty());

  s.store.record(OwnerChange{s.action, ymd(2024, 4, 2), testing::owned_by(s.health, "Named Nurse"), "Health leads"},
                 chair);
  const auto owner = s.store.history("action", s.action.value()).back();
  CHECK(owner.field == "owner");
  CHECK(owner.old_value == "agency 1 (Safeguarding Lead)");
  CHECK(owner.new_value == "agency 2 (Named Nurse)");
  CHECK(owner.why == "Health leads");
  // Asking for one entity gives only its rows.
  for (const auto& e : s.store.history("action", s.action.value()))
    CHECK((e.entity == "action" && e.entity_id == s.action.value()));
  CHECK(s.store.history("agency").size() == 2);

  const auto stage = s.store.history("audit", s.audit.value());
  REQUIRE(stage.size() == 2);
  CHECK(stage[1].field == "stage");
  CHECK(stage[1].old_value == "planned");
  CHECK(stage[1].new_value == "reported");
  CHECK(stage[1].why == "report to the LIS");
}

TEST_CASE("a refused mutation leaves file and plan exactly as they were") {
  TempFile file("refused");
  Seeded s(file.str());
  const std::string before = snapshot(s.store);

  SUBCASE("dangling reference") {
    CHECK_THROWS_AS(s.store.record(Update{ActionId(99), ymd(2024, 1, 1), Status::in_progress, {}, "", "", {}},
                                   manager),
                    NotFoundError);
  }
  SUBCASE("due before created") {
    CHECK_THROWS_AS(s.add_action("Backdated", ymd(2024, 5, 1), ymd(2024, 4, 1)), ValidationError);
  }
  SUBCASE("cycle") {
    const auto b = s.add_action("Second", ymd(2024, 1, 1), ymd(2024, 6, 1));
    s.store.add_dependency(b, s.action, manager);
    const std::string with_b = snapshot(s.store);
    CHECK_THROWS_AS(s.store.add_dependency(s.action, b, manager), CycleError);
    CHECK(snapshot(s.store) == with_b);
    return;
  }
  SUBCASE("cancelling without a reason") {
    CHECK_THROWS_AS(s.store.record(Update{s.action, ymd(2024, 2, 1), Status::cancelled, {}, "", "", {}}, manager),
                    ValidationError);
  }
  SUBCASE("assuring an action that is not complete") {
    CHECK_THROWS_AS(s.store.record(Assurance{s.action, ymd(2024, 2, 1), s.lis, "", ""}, manager), ConflictError);
  }
  SUBCASE("a change with no actor") {
    CHECK_THROWS_AS(s.store.add(Partnership{{}, "Nameless"}, Actor{"", std::nullopt}), ValidationError);
  }
  SUBCASE("an audit moving back") {
    s.store.advance_audit(s.audit, AuditStage::monitoring, manager);
    const std::string advanced = snapshot(s.store);
    CHECK_THROWS_AS(s.store.advance_audit(s.audit, AuditStage::panel, manager), ConflictError);
    CHECK(snapshot(s.store) == advanced);
    return;
  }
  SUBCASE("a case reference holding an NHS number") {
    CHECK_THROWS_AS(s.store.add(Case{{}, s.audit, "943 476 5919", {}, {}, {}, false}, manager), ValidationError);
  }
  CHECK(snapshot(s.store) == before);
  CHECK(snapshot(Store::open(file.str())) == before);
}

TEST_CASE("an SQLite failure rolls back and leaves the plan unchanged") {
  TempFile file("locked");
  Seeded s(file.str());
  const std::string before = snapshot(s.store);
  const auto actions = s.store.plan().actions().size();
  SQLite::Database other(file.str(), SQLite::OPEN_READWRITE);
  other.exec("BEGIN EXCLUSIVE");
  CHECK_THROWS_AS(s.add_action("Written while locked", ymd(2024, 1, 1), ymd(2024, 6, 1)), StoreError);
  other.exec("ROLLBACK");
  CHECK(s.store.plan().actions().size() == actions);
  CHECK(snapshot(s.store) == before);
  // The store keeps working once the lock is gone.
  s.add_action("Written after the lock", ymd(2024, 1, 1), ymd(2024, 6, 1));
  CHECK(Store::open(file.str()).plan().actions().size() == actions + 1);
}

TEST_CASE("a version-1 file is migrated forward with its data") {
  TempFile file("v1");
  {
    SQLite::Database db(file.str(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(read_text(fs::path(PLANSIGHT_SOURCE_DIR) / "tests/data/store_v1.sql"));
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == 1);
  }
  Store store = Store::open(file.str());
  CHECK(store.schema_version() == Store::latest_schema_version());
  const Plan& plan = store.plan();
  REQUIRE(plan.actions().size() == 1);
  const auto& action = plan.actions()[0];
  CHECK(action.title == "Embed voice of the child in recording");
  CHECK(action.success_measure == "Re-audit shows the child's voice in 8 of 10 records");
  CHECK(status_at(action, ymd(2024, 3, 31)) == Status::in_progress);
  CHECK(plan.audits()[0].stage == AuditStage::monitoring);
  SQLite::Database db(file.str());
  CHECK(db.execAndGet("SELECT provenance FROM action WHERE id = 1").getString() == "entered");
  // The migrated store takes new changes.
  store.record(Update{action.id, ymd(2024, 6, 30), Status::complete, {}, "Done", "", {}}, manager);
  CHECK(Store::open(file.str()).plan().actions()[0].updates.size() == 2);
}

TEST_CASE("dependencies of a version-1 file migrate with no lag and in force") {
  TempFile file("v1-dependencies");
  {
    SQLite::Database db(file.str(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(read_text(fs::path(PLANSIGHT_SOURCE_DIR) / "tests/data/store_v1.sql"));
    // A second action waiting for the first, written as version 1 wrote them.
    db.exec("INSERT INTO action SELECT 2, partnership_id, audit_id, finding_id, recommendation_id, "
            "'Re-audit recording', description, owner_agency_id, owner_group_id, owner_role, owner_lead, "
            "created_on, due_on, estimate_days, success_measure, change_id FROM action WHERE id = 1");
    db.exec("INSERT INTO dependency (action_id, depends_on_id, change_id) VALUES (2, 1, 1)");
  }
  Store store = Store::open(file.str());
  CHECK(store.schema_version() == 3);
  CHECK(store.plan().dependencies() == std::vector<Dependency>{{ActionId(2), ActionId(1), 0}});
  {
    SQLite::Database db(file.str());
    SQLite::Statement row(db, "SELECT lag_days, removed_change_id IS NULL FROM dependency");
    REQUIRE(row.executeStep());
    CHECK(row.getColumn(0).getInt() == 0);
    CHECK(row.getColumn(1).getInt() == 1);
  }
  // The migrated dependency can be removed, and the removal is kept.
  store.remove_dependency(ActionId(2), ActionId(1), manager, "re-audit no longer waits");
  CHECK(Store::open(file.str()).plan().dependencies().empty());
  const auto entries = store.history("action", 2);
  REQUIRE_FALSE(entries.empty());
  CHECK(entries.back().field == "depends_on");
  CHECK(entries.back().old_value == "1");
  CHECK(entries.back().new_value.empty());
  CHECK(entries.back().why == "re-audit no longer waits");
}

TEST_CASE("files plansight cannot read are refused with StoreError") {
  TempFile file("foreign");
  SUBCASE("a newer schema") {
    { SQLite::Database db(file.str(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      db.exec("PRAGMA user_version = 99"); }
    CHECK_THROWS_WITH_AS(Store::open(file.str()), doctest::Contains("schema version 99"), StoreError);
  }
  SUBCASE("another application's SQLite file, left as it was") {
    { SQLite::Database db(file.str(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      db.exec("CREATE TABLE notes (text TEXT)"); }
    CHECK_THROWS_WITH_AS(Store::open(file.str()), doctest::Contains("not a plansight store"), StoreError);
    SQLite::Database db(file.str());
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "delete");
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == 0);
  }
  SUBCASE("not an SQLite file") {
    std::ofstream(file.path) << "Recommendation,Action,Lead agency\n";
    CHECK_THROWS_AS(Store::open(file.str()), StoreError);
  }
  SUBCASE("a directory that does not exist") {
    CHECK_THROWS_AS(Store::open((file.path / "nested" / "x.db").string()), StoreError);
  }
}

TEST_CASE("add_all writes a whole extension in one change and refuses a plan that does not extend") {
  Seeded s(":memory:");
  Plan extended = s.store.plan();
  Action a;
  a.partnership = s.partnership;
  a.audit = s.audit;
  a.title = "Recorded elsewhere";
  a.owner = testing::owned_by(s.police);
  a.created_on = ymd(2024, 2, 1);
  a.due_on = ymd(2024, 1, 20);  // another system's record: due before created
  const auto id = extended.add(a, Provenance::recorded).id;
  extended.add_dependency(id, s.action);
  extended.record(Update{id, ymd(2024, 3, 31), Status::in_progress, Rag::red, "Late", "import", {}});
  const auto history_before = s.store.history().size();
  s.store.add_all(extended, Actor{"importer", std::nullopt}, "spreadsheet");
  CHECK(s.store.plan().actions().size() == 2);
  const auto entries = s.store.history();
  CHECK(entries.size() == history_before + 3);
  CHECK(entries.back().actor == "importer");
  CHECK(entries.back().why == "spreadsheet");
  const Plan reloaded = s.store.load();
  CHECK(reloaded.action(id).due_on == ymd(2024, 1, 20));
  CHECK(reloaded.action(id).depends_on == std::vector<Dependency>{{id, s.action}});

  Plan unrelated;
  unrelated.add(Partnership{{}, "Someone else"});
  CHECK_THROWS_AS(s.store.add_all(unrelated, manager), ConflictError);
  CHECK(s.store.plan().actions().size() == 2);
}

TEST_CASE("add_all checks the additions again and never adopts a plan that differs from the file") {
  Seeded s(":memory:");
  const std::string before = snapshot(s.store);

  SUBCASE("a plan of another shape is refused") {
    Plan other;
    other.add(Partnership{s.partnership, "Forged name"});
    other.add(Partnership{{}, "A second partnership"});
    CHECK_THROWS_AS(s.store.add_all(other, manager), ConflictError);
    CHECK(snapshot(s.store) == before);
  }
  SUBCASE("a look-alike plan adds only its additions; the stored entities stay as stored") {
    Seeded look_alike(":memory:", "Forged name");
    Plan forged = look_alike.store.plan();
    forged.add(Partnership{{}, "A second partnership"});
    s.store.add_all(forged, manager);
    snapshot(s.store);  // checks that plan() agrees with the file
    CHECK(s.store.plan().partnership(s.partnership).name == "North Yorkshire SCP");
    CHECK(s.store.plan().partnerships().size() == 2);
    return;
  }
  SUBCASE("history that breaks the transition rules is refused") {
    Plan extended = s.store.plan();
    Plan::ActionHistory bad;
    bad.updates.push_back(Update{s.action, ymd(2024, 2, 1), Status::cancelled, {}, "", "import", {}});
    const auto a = extended.add(Action{{}, s.partnership, s.audit, {}, {}, "Restored", "",
                                       testing::owned_by(s.police), ymd(2024, 1, 1), ymd(2024, 6, 1), 0, "",
                                       {}, {}, {}, {}, {}, {}},
                                Provenance::recorded).id;
    bad.updates[0].action = a;
    extended.restore_history(a, bad);  // a cancellation with no reason, unchecked
    CHECK_THROWS_WITH_AS(s.store.add_all(extended, manager), doctest::Contains("needs a reason"),
                         ValidationError);
    CHECK(snapshot(s.store) == before);
  }
}

TEST_CASE("immediate concerns are tracked to an answer, in the file") {
  TempFile file("concern");
  ConcernId concern;
  {
    Seeded s(file.str());
    const auto c = s.store.add(Case{{}, s.audit, "Child A", AgeBand{9, 17}, Involvement::child_in_need, {}, true},
                               manager);
    concern = s.store.add(ImmediateConcern{{}, s.audit, c.id, s.police, ymd(2023, 11, 1),
                                           "No safety plan after a recent incident", {}, ""},
                          manager).id;
    s.store.answer_concern(concern, ymd(2023, 11, 3), "Strategy discussion held", manager);
    CHECK_THROWS_AS(s.store.answer_concern(concern, ymd(2023, 11, 4), "Again", manager), ConflictError);
  }
  Store reopened = Store::open(file.str());
  const auto& c = reopened.plan().concern(concern);
  CHECK(c.answered_on == ymd(2023, 11, 3));
  CHECK(c.answer == "Strategy discussion held");
  CHECK(reopened.history("concern", concern.value()).size() == 3);
}

// ---- dependencies ----------------------------------------------------------------------

TEST_CASE("lags and removals of dependencies survive reopening, and history shows both") {
  TempFile file("dependencies");
  ActionId first, second, third;
  {
    Seeded s(file.str());
    first = s.action;
    second = s.add_action("Deliver training", ymd(2023, 12, 5), ymd(2024, 9, 30));
    third = s.add_action("Audit attendance", ymd(2023, 12, 5), ymd(2024, 12, 31));
    s.store.add_dependency(second, first, 14, manager, "guidance first, then two weeks' notice");
    s.store.add_dependency(third, first, manager);
    s.store.remove_dependency(third, first, Actor{"LIS chair", s.police}, "attendance audited separately");
    s.store.add_dependency(third, second, manager);
    s.store.add_dependency(third, first, 3, manager, "needed after all");
  }
  Store store = Store::open(file.str());
  const std::vector<Dependency> expected{{second, first, 14}, {third, second, 0}, {third, first, 3}};
  CHECK(store.plan().dependencies() == expected);
  CHECK(store.plan().action(third).depends_on == std::vector<Dependency>{{third, second, 0}, {third, first, 3}});

  std::vector<std::tuple<std::string, std::string, std::string, std::string>> changes;
  for (const auto& e : store.history("action", third.value()))
    if (e.field == "depends_on") changes.emplace_back(e.old_value, e.new_value, e.actor, e.why);
  using Change = std::tuple<std::string, std::string, std::string, std::string>;
  CHECK(changes == std::vector<Change>{{"", "1", manager.name, ""},
                                       {"1", "", "LIS chair", "attendance audited separately"},
                                       {"", "2", manager.name, ""},
                                       {"", "1 + 3 days", manager.name, "needed after all"}});
  const auto second_history = store.history("action", second.value());
  CHECK(second_history.back().new_value == "1 + 14 days");

  SQLite::Database db(file.str());
  CHECK(db.execAndGet("SELECT count(*) FROM dependency").getInt() == 4);  // nothing deleted
  CHECK(db.execAndGet("SELECT count(*) FROM dependency WHERE removed_change_id IS NOT NULL").getInt() == 1);
}

TEST_CASE("a refused dependency change leaves file and plan exactly as they were") {
  TempFile file("refused-dependency");
  Seeded s(file.str());
  const auto training = s.add_action("Deliver training", ymd(2023, 12, 5), ymd(2024, 9, 30));
  const auto booking = s.add_action("Book practitioners", ymd(2023, 12, 5), ymd(2024, 9, 30));
  s.store.add_dependency(training, booking, manager);
  s.store.add_dependency(booking, s.action, manager);
  const std::string before = snapshot(s.store);

  SUBCASE("a cycle of one") {
    CHECK_THROWS_WITH_AS(s.store.add_dependency(training, training, manager),
                         doctest::Contains(R"(#2 "Deliver training" -> #2 "Deliver training")"), CycleError);
  }
  SUBCASE("a cycle of two") {
    CHECK_THROWS_WITH_AS(s.store.add_dependency(booking, training, manager),
                         doctest::Contains(R"(#2 "Deliver training" -> #3 "Book practitioners" -> )"
                                           R"(#2 "Deliver training")"),
                         CycleError);
  }
  SUBCASE("a longer cycle") {
    CHECK_THROWS_WITH_AS(
        s.store.add_dependency(s.action, training, 5, manager),
        doctest::Contains(R"(adding 1 -> 2 (action 1 depends on action 2) would close the cycle: )"
                          R"(#2 "Deliver training" -> #3 "Book practitioners" -> )"
                          R"(#1 "Embed voice of the child in recording" -> #2 "Deliver training")"),
        CycleError);
  }
  SUBCASE("a negative lag") {
    CHECK_THROWS_AS(s.store.add_dependency(s.action, ActionId(99), -1, manager), NotFoundError);
    const auto other = s.add_action("Other", ymd(2023, 12, 5), ymd(2024, 9, 30));
    const std::string with_other = snapshot(s.store);
    CHECK_THROWS_WITH_AS(s.store.add_dependency(other, s.action, -2, manager),
                         doctest::Contains("lag_days: must not be negative, got -2"), ValidationError);
    CHECK(snapshot(s.store) == with_other);
    CHECK(snapshot(Store::open(file.str())) == with_other);
    return;
  }
  SUBCASE("removing a dependency that is not there") {
    CHECK_THROWS_WITH_AS(s.store.remove_dependency(booking, training, manager),
                         doctest::Contains("action 3 does not depend on action 2"), NotFoundError);
  }
  SUBCASE("a dependency on another partnership's action") {
    const auto other = s.store.add(Partnership{{}, "Dudley SCB"}, manager).id;
    Audit a = s.store.plan().audit(s.audit);
    a.id = AuditId();
    a.partnership = other;
    const auto their_audit = s.store.add(a, manager).id;
    Action theirs = s.store.plan().action(s.action);
    theirs.id = ActionId();
    theirs.partnership = other;
    theirs.audit = their_audit;
    theirs.finding.reset();
    const auto their_action = s.store.add(theirs, manager).id;
    const std::string with_theirs = snapshot(s.store);
    CHECK_THROWS_WITH_AS(s.store.add_dependency(their_action, s.action, manager),
                         doctest::Contains("belongs to another partnership"), ValidationError);
    CHECK(snapshot(s.store) == with_theirs);
    return;
  }
  CHECK(snapshot(s.store) == before);
  CHECK(snapshot(Store::open(file.str())) == before);
}

TEST_CASE("a dependency may cross audits within a partnership, in the file") {
  TempFile file("cross-audit");
  ActionId reaudit_action, first;
  {
    Seeded s(file.str());
    first = s.action;
    Audit again = s.store.plan().audit(s.audit);
    again.id = AuditId();
    again.title = "Re-audit: domestic abuse";
    again.held_on = ymd(2024, 11, 1);
    again.reaudit_of = s.audit;
    Action a = s.store.plan().action(s.action);
    a.id = ActionId();
    a.audit = s.store.add(again, manager).id;
    a.finding.reset();
    a.title = "Re-audit voice of the child";
    reaudit_action = s.store.add(a, manager).id;
    s.store.add_dependency(reaudit_action, first, 30, manager);
  }
  CHECK(Store::open(file.str()).plan().dependencies() == std::vector<Dependency>{{reaudit_action, first, 30}});
}

TEST_CASE("add_all writes new dependencies with their lag and refuses an extension that removed one") {
  Seeded s(":memory:");
  const auto second = s.add_action("Deliver training", ymd(2023, 12, 5), ymd(2024, 9, 30));
  s.store.add_dependency(second, s.action, manager);
  Plan extended = s.store.plan();
  Action a = extended.action(second);
  a.id = ActionId();
  a.depends_on.clear();
  const auto third = extended.add(a).id;
  extended.add_dependency(third, second, 21);
  s.store.add_all(extended, manager);
  CHECK(s.store.load().dependencies() ==
        std::vector<Dependency>{{second, s.action, 0}, {third, second, 21}});

  Plan shrunk = s.store.plan();
  shrunk.remove_dependency(second, s.action);
  shrunk.add_dependency(third, s.action);
  const auto before = snapshot(s.store);
  CHECK_THROWS_WITH_AS(s.store.add_all(shrunk, manager), doctest::Contains("dependencies"), ConflictError);
  CHECK(snapshot(s.store) == before);
}
