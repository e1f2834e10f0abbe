// The SQLite store: schema and migrations, round trips through the file,
// history of every change, and refusals that leave file and plan untouched.
#include "plansight/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "fixtures.hpp"
#include "plansight/status.hpp"

using namespace plansight;
using plansight::testing::TempFile;
using plansight::testing::ymd;
namespace fs = std::filesystem;

namespace {

const Actor manager{"LIS business manager", std::nullopt};

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

  // A valid action of the seeded audit, not yet added.
  Action draft(const std::string& title, Date created, Date due) const {
    Action a;
    a.partnership = partnership;
    a.audit = audit;
    a.finding = finding;
    a.title = title;
    a.owner = testing::owned_by(police, "Safeguarding Lead");
    a.created_on = created;
    a.due_on = due;
    a.estimate_days = 30;
    return a;
  }

  ActionId add_action(const std::string& title, Date created, Date due) {
    return store.add(draft(title, created, due), manager).id;
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
  out << testing::fingerprint(plan);
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
  {
    Store store = Store::open(file.str());
    CHECK(store.schema_version() == Store::latest_schema_version());
  }
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
    const auto second =
        s.add_action("Deliver multi-agency domestic abuse training", ymd(2023, 12, 5), ymd(2024, 9, 30));
    s.store.add_dependency(second, s.action, manager);
    s.store.record(
        Update{s.action, ymd(2024, 3, 31), Status::in_progress, Rag::green, "Guidance drafted", "", {}},
        manager);
    s.store.record(DueDateRevision{second, ymd(2024, 3, 31), ymd(2024, 12, 31), "Trainer unavailable", "LIS"},
                   manager);
    s.store.record(OwnerChange{second, ymd(2024, 4, 1), testing::owned_by(s.health), "Health leads training"},
                   manager);
    s.store.record(
        Update{s.action, ymd(2024, 6, 30), Status::complete, std::nullopt, "Done", "", ymd(2024, 6, 20)},
        manager);
    s.store.record(Evidence{{}, s.action, ymd(2024, 7, 1), EvidenceKind::impact, "Dip sample 8/10", ""},
                   manager);
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
  s.store.record(Update{s.action, ymd(2024, 3, 31), Status::in_progress, std::nullopt, "Started", "", {}},
                 chair);
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

  s.store.record(
      OwnerChange{s.action, ymd(2024, 4, 2), testing::owned_by(s.health, "Named Nurse"), "Health leads"},
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
    CHECK_THROWS_AS(
        s.store.record(Update{ActionId(99), ymd(2024, 1, 1), Status::in_progress, {}, "", "", {}}, manager),
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
    CHECK_THROWS_AS(
        s.store.record(Update{s.action, ymd(2024, 2, 1), Status::cancelled, {}, "", "", {}}, manager),
        ValidationError);
  }
  SUBCASE("assuring an action that is not complete") {
    CHECK_THROWS_AS(s.store.record(Assurance{s.action, ymd(2024, 2, 1), s.lis, "", ""}, manager),
                    ConflictError);
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
    CHECK_THROWS_AS(s.store.add(Case{{}, s.audit, "943 476 5919", {}, {}, {}, false}, manager),
                    ValidationError);
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
    db.exec(
        "INSERT INTO action SELECT 2, partnership_id, audit_id, finding_id, recommendation_id, "
        "'Re-audit recording', description, owner_agency_id, owner_group_id, owner_role, owner_lead, "
        "created_on, due_on, estimate_days, success_measure, change_id FROM action WHERE id = 1");
    db.exec("INSERT INTO dependency (action_id, depends_on_id, change_id) VALUES (2, 1, 1)");
  }
  Store store = Store::open(file.str());
  CHECK(store.schema_version() == Store::latest_schema_version());
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
    {
      SQLite::Database db(file.str(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      db.exec("PRAGMA user_version = 99");
    }
    CHECK_THROWS_WITH_AS(Store::open(file.str()), doctest::Contains("schema version 99"), StoreError);
  }
  SUBCASE("another application's SQLite file, left as it was") {
    {
      SQLite::Database db(file.str(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      db.exec("CREATE TABLE notes (text TEXT)");
    }
    CHECK_THROWS_WITH_AS(Store::open(file.str()), doctest::Contains("not a plansight store"), StoreError);
    SQLite::Database db(file.str());
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "delete");
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == 0);
  }
  SUBCASE("a date that is no date, named by its column and value") {
    {
      Seeded s(file.str());
    }
    {
      SQLite::Database db(file.str(), SQLite::OPEN_READWRITE);
      db.exec("UPDATE action SET due_on = '2024-02-30'");
    }
    CHECK_THROWS_WITH_AS(Store::open(file.str()),
                         doctest::Contains("due_on: '2024-02-30' is not a valid date"), StoreError);
  }
  SUBCASE("history of an action the file does not hold") {
    {
      Seeded s(file.str());
    }
    {
      SQLite::Database db(file.str(), SQLite::OPEN_READWRITE);  // foreign keys off on this connection
      db.exec(
          "INSERT INTO action_update (action_id, on_date, status, note, by_name, change_id) "
          "SELECT 999, '2024-03-31', 'in_progress', '', 'import', max(id) FROM change_set");
    }
    CHECK_THROWS_WITH_AS(Store::open(file.str()), doctest::Contains("no action 999"), StoreError);
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
  // Another system's record: due before created.
  const Action a = s.draft("Recorded elsewhere", ymd(2024, 2, 1), ymd(2024, 1, 20));
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

// A bulk import (one that at least doubles the actions) checks the foreign
// keys once before committing instead of row by row; a smaller one row by
// row. A file another program broke behind the store's back is refused
// either way, with nothing written, and the checks are back on afterwards.
TEST_CASE("add_all refuses a dangling reference in the file, in bulk and row by row") {
  TempFile file("dangling-reference");
  Seeded s(file.str());
  const auto nursing = s.store.add(Agency{{}, "School nursing", Sector::health}, manager).id;
  {
    SQLite::Database other(file.str(), SQLite::OPEN_READWRITE);  // foreign keys off on this connection
    other.exec("DELETE FROM agency WHERE id = " + std::to_string(nursing.value()));
  }
  const auto file_now = [&] { return describe(s.store.load()) + std::to_string(s.store.history().size()); };
  const auto with_actions = [&](int count) {
    Plan extended = s.store.plan();
    for (int i = 0; i < count; ++i) {
      Action a = s.draft("School nurse training " + std::to_string(i), ymd(2024, 2, 1), ymd(2024, 6, 30));
      a.owner = testing::owned_by(nursing);
      extended.add(a);
    }
    return extended;
  };
  SUBCASE("in bulk: the check before commit names the table and row") {
    const std::string before = file_now();
    CHECK_THROWS_WITH_AS(
        s.store.add_all(with_actions(3), manager),
        doctest::Contains("foreign key violation: action row 2 refers to a missing agency row"), StoreError);
    CHECK(file_now() == before);
    SQLite::Database other(file.str(), SQLite::OPEN_READONLY);
    CHECK(other.execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(s.store.plan().actions().size() == 1);
  }
  SUBCASE("row by row, after a refused bulk import") {
    CHECK_THROWS_AS(s.store.add_all(with_actions(3), manager), StoreError);
    s.add_action("Refresh training", ymd(2024, 1, 5), ymd(2024, 6, 30));
    s.add_action("Audit recording", ymd(2024, 1, 5), ymd(2024, 6, 30));
    const std::string before = file_now();
    CHECK_THROWS_WITH_AS(s.store.add_all(with_actions(1), manager), doctest::Contains("FOREIGN KEY"),
                         StoreError);
    CHECK(file_now() == before);
    CHECK(s.store.plan().actions().size() == 3);
  }
  // What references nothing missing still goes in.
  Plan fine = s.store.plan();
  for (int i = 0; i < 2; ++i) fine.add(s.draft("Police training", ymd(2024, 2, 1), ymd(2024, 6, 30)));
  const auto stored = s.store.plan().actions().size();
  s.store.add_all(fine, manager);
  CHECK(s.store.load().actions().size() == stored + 2);
}

// An import into a store that held nothing refers only to rows it writes
// itself, so it skips the whole-file check; a store holding anything at all
// (here a lone partnership another program then removed) is checked.
TEST_CASE("a bulk import into an empty store writes a file whose references all hold") {
  TempFile file("empty-import");
  testing::Builder b;
  ActionId previous = b.add_action(ymd(2024, 2, 1), ymd(2024, 6, 30));
  for (int i = 0; i < 20; ++i) {
    const auto id = b.add_action(ymd(2024, 2, 1), ymd(2024, 6, 30));
    b.plan.add_dependency(id, previous);
    b.set_status(id, ymd(2024, 3, 31), Status::in_progress);
    previous = id;
  }
  {
    Store store = Store::open(file.str());
    store.add_all(b.plan, manager, "first import");
    CHECK(testing::fingerprint(store.plan()) == testing::fingerprint(b.plan));
  }
  SQLite::Database db(file.str());
  SQLite::Statement check(db, "PRAGMA foreign_key_check");
  CHECK_FALSE(check.executeStep());
  CHECK(testing::fingerprint(Store::open(file.str()).plan()) == testing::fingerprint(b.plan));
}

// A bulk import journals its one transaction with the rollback journal when
// no other connection has the file open, so that its pages are written once
// rather than to the write-ahead log and again into the file; the file is
// in WAL again afterwards. Beside a reader, it stays in WAL.
TEST_CASE("a bulk import writes its pages once when it has the file to itself, and leaves the file in WAL") {
  TempFile file("bulk-journal");
  testing::Builder b;
  for (int i = 0; i < 200; ++i) b.add_action(ymd(2024, 2, 1), ymd(2024, 6, 30));
  const auto log_bytes = [&] {
    std::error_code missing;
    const auto bytes = fs::file_size(file.str() + "-wal", missing);
    return missing ? 0 : bytes;
  };
  const auto journal_mode = [&] {
    SQLite::Database db(file.str(), SQLite::OPEN_READONLY);
    return db.execAndGet("PRAGMA journal_mode").getString();
  };
  Store store = Store::open(file.str());
  SUBCASE("alone: nothing of the import goes through the log") {
    store.add_all(b.plan, manager, "first import");
    CHECK(log_bytes() == 0);
    CHECK(journal_mode() == "wal");
    Plan one_more = store.plan();
    one_more.add(b.draft(ymd(2024, 2, 1), ymd(2024, 6, 30)));
    store.add_all(one_more, manager);  // not bulk: through the log
    CHECK(log_bytes() > 0);
  }
  SUBCASE("beside a reader in a read transaction: through the log, the reader keeps its snapshot") {
    SQLite::Database reader(file.str(), SQLite::OPEN_READONLY);
    reader.exec("BEGIN");
    CHECK(reader.execAndGet("SELECT count(*) FROM action").getInt() == 0);
    store.add_all(b.plan, manager, "first import");
    CHECK(log_bytes() > 0);
    CHECK(reader.execAndGet("SELECT count(*) FROM action").getInt() == 0);
    reader.exec("COMMIT");
    CHECK(reader.execAndGet("SELECT count(*) FROM action").getInt() == 200);
    CHECK(journal_mode() == "wal");
  }
  SUBCASE("after another connection changed the file's header: the change stays") {
    // Leaving WAL rewrites the file's first page; from a copy cached before
    // that connection wrote, it would undo its change. (In WAL mode, a
    // connection's commits after the first leave the header's change counter
    // as it was, so nothing else tells this connection of the second.)
    {
      SQLite::Database other(file.str(), SQLite::OPEN_READWRITE);
      other.exec("PRAGMA application_id = 6");
      CHECK(store.load().actions().empty());  // the store reads the file's first page now
      other.exec("PRAGMA application_id = 7");
    }
    store.add_all(b.plan, manager, "first import");
    CHECK(log_bytes() == 0);
    SQLite::Database db(file.str(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA application_id").getInt() == 7);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
  }
  CHECK(testing::fingerprint(Store::open(file.str()).plan()) == testing::fingerprint(store.plan()));
}

// A bulk import drops the indexes of the update and dependency tables while
// it inserts and builds them again before it commits; the file's schema
// must come out as it went in, whether the import goes in or is refused.
TEST_CASE("a bulk import leaves the file's schema as it was, indexes included") {
  TempFile file("bulk-indexes");
  const auto schema = [&] {
    SQLite::Database db(file.str(), SQLite::OPEN_READONLY);
    SQLite::Statement rows(db,
                           "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master ORDER BY name");
    std::string text;
    while (rows.executeStep())
      for (int i = 0; i < 4; ++i) text += rows.getColumn(i).getString() + (i < 3 ? "|" : "\n");
    return text;
  };
  testing::Builder b;
  Store store = Store::open(file.str());
  const std::string before = schema();
  REQUIRE(before.find("CREATE INDEX action_update_by_action ON action_update(action_id)") !=
          std::string::npos);
  REQUIRE(before.find("CREATE INDEX dependency_by_action ON dependency(action_id)") != std::string::npos);
  // 70 and then 90 actions (and 70 and 80 audits and findings): the bulk
  // rows go 64 to a statement, the rest one by one; each row's texts are its
  // own, so a row written with another's values shows. Then 100 more, fewer
  // than the store holds: foreign keys checked row by row, in batches still.
  SUBCASE("into an empty store, doubling it, then adding fewer than it holds") {
    testing::add_audits_with_lists(b, 70);
    store.add_all(testing::add_actions_with_history(b, 70), manager, "first import");
    CHECK(schema() == before);
    testing::add_audits_with_lists(b, 80);
    store.add_all(testing::add_actions_with_history(b, 90), manager, "second import");
    CHECK(schema() == before);
    store.add_all(testing::add_actions_with_history(b, 100), manager, "third import");
    CHECK(schema() == before);
    SQLite::Database db(file.str(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    SQLite::Statement dangling(db, "PRAGMA foreign_key_check");
    CHECK_FALSE(dangling.executeStep());
    const Plan read = Store::open(file.str()).plan();
    CHECK(testing::fingerprint(read) == testing::fingerprint(b.plan));
    CHECK(testing::texts_of(read) == testing::texts_of(b.plan));
  }
  SUBCASE("with an index another program added, its name quoted") {
    {
      SQLite::Database other(file.str(), SQLite::OPEN_READWRITE);
      other.exec("CREATE INDEX \"odd \"\"name\" ON action_update(on_date)");
    }
    const std::string with_it = schema();
    REQUIRE(with_it.find("odd \"name") != std::string::npos);
    store.add_all(testing::add_actions_with_history(b, 70), manager, "first import");
    CHECK(schema() == with_it);
  }
  SUBCASE("refused halfway through its inserts") {
    {
      SQLite::Database other(file.str(), SQLite::OPEN_READWRITE);  // foreign keys off on this connection
      other.exec("INSERT INTO change_set (actor) VALUES ('another program')");
      other.exec(
          "INSERT INTO action (id, partnership_id, audit_id, title, description, owner_role, "
          "owner_lead, created_on, due_on, estimate_days, success_measure, change_id) "
          "VALUES (1, 1, 1, 'Written elsewhere', '', '', '', '2024-01-01', '2024-02-01', 0, '', 1)");
    }
    CHECK_THROWS_WITH_AS(store.add_all(testing::add_actions_with_history(b, 100), manager),
                         doctest::Contains("UNIQUE constraint failed: action.id"), StoreError);
    CHECK(schema() == before);
    {
      SQLite::Database db(file.str(), SQLite::OPEN_READWRITE);
      CHECK(db.execAndGet("SELECT count(*) FROM action_update").getInt() == 0);
      db.exec("DELETE FROM action");  // the conflicting row gone, the same store imports
    }
    store.add_all(b.plan, manager);
    CHECK(schema() == before);
    CHECK(testing::texts_of(Store::open(file.str()).plan()) == testing::texts_of(b.plan));
  }
}

// A plan can be empty while its file is not: rows another program wrote
// after the store opened, or rows the plan never reads (an audit's agency
// list entry for an audit that is not there). An import that refers to
// them must still be refused, and the file left as it was.
TEST_CASE("a bulk import into an empty plan over a file that is not empty still checks the whole file") {
  TempFile file("stray-rows");
  testing::Builder b;
  b.add_action(ymd(2024, 2, 1), ymd(2024, 6, 30));
  const auto row_count = [&](const char* table) {
    SQLite::Database db(file.str());
    return db.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt();
  };
  SUBCASE("a list row the reader skips, naming a missing agency, joins the imported audit") {
    {
      Store::open(file.str());
    }
    {
      SQLite::Database other(file.str(), SQLite::OPEN_READWRITE);  // foreign keys off on this connection
      other.exec("INSERT INTO audit_agency (audit_id, position, agency_id) VALUES (1, 5, 77)");
    }
    Store store = Store::open(file.str());
    REQUIRE(store.plan().audits().empty());
    CHECK_THROWS_WITH_AS(store.add_all(b.plan, manager),
                         doctest::Contains("audit_agency row 1 refers to a missing agency row"), StoreError);
    CHECK(row_count("action") == 0);
    CHECK(row_count("audit") == 0);
    CHECK(row_count("audit_agency") == 1);
    CHECK_NOTHROW(Store::open(file.str()));
  }
  SUBCASE("a row another program wrote after the store opened") {
    Store store = Store::open(file.str());
    {
      SQLite::Database other(file.str(), SQLite::OPEN_READWRITE);  // foreign keys off on this connection
      other.exec("INSERT INTO change_set (actor) VALUES ('another program')");
      other.exec(
          "INSERT INTO monitoring_group (id, partnership_id, name, change_id) "
          "VALUES (50, 99, 'Board', 1)");
    }
    CHECK_THROWS_WITH_AS(store.add_all(b.plan, manager),
                         doctest::Contains("monitoring_group row 50 refers to a missing partnership row"),
                         StoreError);
    CHECK(row_count("action") == 0);
    CHECK(row_count("monitoring_group") == 1);
  }
}

TEST_CASE("a bulk import into a store holding only a partnership still checks the whole file") {
  TempFile file("lone-partnership");
  Store store = Store::open(file.str());
  const auto partnership = store.add(Partnership{{}, "North Yorkshire SCP"}, manager).id;
  {
    SQLite::Database other(file.str(), SQLite::OPEN_READWRITE);  // foreign keys off on this connection
    other.exec("DELETE FROM partnership");
  }
  Plan extended = store.plan();
  const auto police = extended.add(Agency{{}, "North Yorkshire Police", Sector::police}).id;
  Audit audit;
  audit.partnership = partnership;
  audit.title = "Multi-Agency Response to Domestic Abuse";
  audit.held_on = ymd(2023, 11, 1);
  const auto audit_id = extended.add(audit).id;
  Action a;
  a.partnership = partnership;
  a.audit = audit_id;
  a.title = "Embed voice of the child in recording";
  a.owner = testing::owned_by(police);
  a.created_on = ymd(2023, 12, 1);
  a.due_on = ymd(2024, 6, 30);
  extended.add(a);
  CHECK_THROWS_WITH_AS(store.add_all(extended, manager),
                       doctest::Contains("refers to a missing partnership row"), StoreError);
  SQLite::Database db(file.str());
  CHECK(db.execAndGet("SELECT count(*) FROM action").getInt() == 0);
  CHECK(db.execAndGet("SELECT count(*) FROM audit").getInt() == 0);
}

// add_all(Plan&&) moves the new actions' texts and history out of the plan
// given up instead of copying them: what is stored must be what a copy
// stores, and only the additions are taken.
TEST_CASE("add_all of a plan given up stores what a copy would, and leaves that plan empty") {
  testing::Builder b;
  testing::add_audits_with_lists(b, 5);
  const Plan first = testing::add_actions_with_history(b, 40);
  Store copied = Store::open(":memory:");
  Store moved = Store::open(":memory:");
  copied.add_all(first, manager, "first import");
  Plan given = first;
  moved.add_all(std::move(given), manager, "first import");
  CHECK(testing::fingerprint(moved.plan()) == testing::fingerprint(first));
  CHECK(testing::fingerprint(moved.load()) == testing::fingerprint(copied.load()));
  CHECK(testing::texts_of(moved.plan()) == testing::texts_of(first));
  CHECK(testing::texts_of(moved.load()) == testing::texts_of(first));
  CHECK(given.actions().empty());
  CHECK(given.partnerships().empty());

  // An extension: the stored actions stay in the plan given up, untouched,
  // and their new history is carried with the new actions'.
  b.set_status(first.actions().front().id, ymd(2024, 7, 1), Status::in_progress);
  const Plan second = testing::add_actions_with_history(b, 50);
  given = second;
  copied.add_all(second, manager, "second import");
  moved.add_all(std::move(given), manager, "second import");
  CHECK(testing::fingerprint(moved.plan()) == testing::fingerprint(second));
  CHECK(testing::fingerprint(moved.load()) == testing::fingerprint(copied.load()));
  CHECK(testing::texts_of(moved.load()) == testing::texts_of(second));
  CHECK(moved.history().size() == copied.history().size());
  CHECK(given.actions().empty());
}

TEST_CASE("a refused plan given up leaves the store as it was, and the plan empty") {
  Seeded s(":memory:");
  const std::string before = snapshot(s.store);
  Plan extended = s.store.plan();
  for (int i = 0; i < 3; ++i) extended.add(s.draft("Fine", ymd(2024, 1, 1), ymd(2024, 6, 1)));
  const auto a = extended.add(s.draft("Restored", ymd(2024, 1, 1), ymd(2024, 6, 1)), Provenance::recorded).id;
  Plan::ActionHistory bad;
  bad.updates.push_back(Update{a, ymd(2024, 2, 1), Status::cancelled, {}, "", "import", {}});
  extended.restore_history(a, bad);  // a cancellation with no reason, unchecked
  CHECK_THROWS_WITH_AS(s.store.add_all(std::move(extended), manager), doctest::Contains("needs a reason"),
                       ValidationError);
  CHECK(snapshot(s.store) == before);
  CHECK(extended.actions().empty());
}

// Into a store holding nothing, a plan built through its own checks becomes
// the store's plan as it is; one that restored anything unchecked is still
// replayed through the checks, whether copied, moved or given up.
TEST_CASE("into an empty store, add_all adopts a checked plan and replays one that restored anything") {
  testing::Builder b;
  testing::add_audits_with_lists(b, 3);
  const Plan checked = testing::add_actions_with_history(b, 30);
  Store store = Store::open(":memory:");
  const std::string empty = snapshot(store);
  // Restores an empty history to an action that has none: the plan is as it
  // was, but counts as restored.
  const auto mark_restored = [](Plan& plan) {
    const auto none = std::find_if(plan.actions().begin(), plan.actions().end(), [](const Action& a) {
      return a.updates.empty() && a.due_revisions.empty() && a.owner_changes.empty() && a.evidence.empty() &&
             !a.assurance;
    });
    REQUIRE(none != plan.actions().end());
    plan.restore_history(none->id, {});
  };

  SUBCASE("restored history that breaks the transition rules is refused, copied, moved or given up") {
    Plan restored = checked;
    const auto a = restored.add(b.draft(ymd(2024, 1, 1), ymd(2024, 6, 1)), Provenance::recorded).id;
    Plan::ActionHistory bad;
    bad.updates.push_back(Update{a, ymd(2024, 2, 1), Status::cancelled, {}, "", "import", {}});
    restored.restore_history(a, bad);  // a cancellation with no reason, unchecked
    const Plan copy = restored;
    CHECK_THROWS_WITH_AS(store.add_all(copy, manager), doctest::Contains("needs a reason"), ValidationError);
    Plan moved = std::move(restored);
    CHECK_THROWS_WITH_AS(store.add_all(moved, manager), doctest::Contains("needs a reason"), ValidationError);
    CHECK_THROWS_WITH_AS(store.add_all(std::move(moved), manager), doctest::Contains("needs a reason"),
                         ValidationError);
    CHECK(moved.actions().empty());
  }
  SUBCASE("a checked plan holding a review meeting is refused, as every plan with one is") {
    Plan with_meeting = checked;
    with_meeting.record(ReviewMeeting{{}, b.area.lis, ymd(2024, 7, 1), {}, "Q2 review", {}});
    CHECK_THROWS_WITH_AS(store.add_all(with_meeting, manager), doctest::Contains("review meetings"),
                         ConflictError);
    CHECK_THROWS_WITH_AS(store.add_all(std::move(with_meeting), manager),
                         doctest::Contains("review meetings"), ConflictError);
  }
  SUBCASE("restored reviews that break the rules are refused") {
    Plan restored = checked;
    ReviewableItem item;
    item.partnership = b.area.partnership;
    item.description = "Domestic abuse flag on the GP record";
    item.placed_on = ymd(2024, 1, 10);
    const auto added = restored.add(item).id;
    restored.restore_reviews(added, {ItemReview{added, ymd(2024, 7, 10), "GP lead", "removed", true},
                                     ItemReview{added, ymd(2025, 1, 10), "GP lead", "back", false}});
    CHECK_THROWS_WITH_AS(store.add_all(restored, manager), doctest::Contains("retired"), ConflictError);
  }
  SUBCASE("a plan given up is adopted as it is, the store's plan read from an empty file too") {
    TempFile file("adopted");
    Store::open(file.str());  // the file made, its schema written
    Store reopened = Store::open(file.str());
    // Built on the store's own plan, as read_workload(dir, store.plan()) builds it.
    Plan given = reopened.plan();
    const auto police = given.add(Agency{{}, "Humberside Police", Sector::police}).id;
    const auto partnership = given.add(Partnership{{}, "North Lincolnshire Children's MARS"}).id;
    Audit audit;
    audit.partnership = partnership;
    audit.title = "Multi-agency case file audit: neglect";
    audit.held_on = ymd(2024, 1, 15);
    audit.agencies = {police};
    Action action;
    action.partnership = partnership;
    action.audit = given.add(audit).id;
    action.title = "Refresh neglect training";
    action.owner = testing::owned_by(police);
    action.created_on = ymd(2024, 2, 1);
    action.due_on = ymd(2024, 6, 30);
    given.add(action);
    const Plan expected = given;
    const auto* const rows = &detail::action_table(given);
    reopened.add_all(std::move(given), manager, "import");
    CHECK(&detail::action_table(reopened.plan()) == rows);
    CHECK(testing::fingerprint(reopened.load()) == testing::fingerprint(expected));

    Plan restored = checked;
    mark_restored(restored);
    const auto* const replayed_rows = &detail::action_table(restored);
    store.add_all(std::move(restored), manager, "import");
    CHECK(&detail::action_table(store.plan()) != replayed_rows);
    CHECK(testing::fingerprint(store.plan()) == testing::fingerprint(checked));
    return;  // the store holds the import now
  }
  SUBCASE("a checked plan adopted stores what its replay stores") {
    Plan restored = checked;
    mark_restored(restored);
    Store replayed = Store::open(":memory:");
    replayed.add_all(restored, manager, "import");
    store.add_all(checked, manager, "import");
    CHECK(testing::fingerprint(store.plan()) == testing::fingerprint(replayed.plan()));
    CHECK(testing::texts_of(store.plan()) == testing::texts_of(replayed.plan()));
    CHECK(testing::fingerprint(store.load()) == testing::fingerprint(checked));
    CHECK(testing::texts_of(store.load()) == testing::texts_of(checked));
    CHECK(store.history().size() == replayed.history().size());
    snapshot(store);  // checks that plan() agrees with the file
    return;
  }
  CHECK(snapshot(store) == empty);
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
    const auto a =
        extended.add(s.draft("Restored", ymd(2024, 1, 1), ymd(2024, 6, 1)), Provenance::recorded).id;
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
    const auto c = s.store.add(
        Case{{}, s.audit, "Child A", AgeBand{9, 17}, Involvement::child_in_need, {}, true}, manager);
    concern = s.store
                  .add(ImmediateConcern{{},
                                        s.audit,
                                        c.id,
                                        s.police,
                                        ymd(2023, 11, 1),
                                        "No safety plan after a recent incident",
                                        {},
                                        ""},
                       manager)
                  .id;
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
  CHECK(store.plan().action(third).depends_on ==
        std::vector<Dependency>{{third, second, 0}, {third, first, 3}});

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
  CHECK(Store::open(file.str()).plan().dependencies() ==
        std::vector<Dependency>{{reaudit_action, first, 30}});
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
  CHECK(s.store.load().dependencies() == std::vector<Dependency>{{second, s.action, 0}, {third, second, 21}});

  Plan shrunk = s.store.plan();
  shrunk.remove_dependency(second, s.action);
  shrunk.add_dependency(third, s.action);
  const auto before = snapshot(s.store);
  CHECK_THROWS_WITH_AS(s.store.add_all(shrunk, manager), doctest::Contains("dependencies"), ConflictError);
  CHECK(snapshot(s.store) == before);
}

// ---- review cycles, reviewable items and review meetings ------------------------------------

namespace {

// The seeded store with the board, a case, and actions in every state a
// meeting outcome needs: one to complete, one complete with impact evidence
// to assure, one to extend, one to escalate, one to cancel, one to continue.
struct Reviewed : Seeded {
  GroupId board;
  CaseId child;
  ActionId to_complete, to_assure, to_extend, to_escalate, to_cancel, to_continue;

  explicit Reviewed(const std::string& path) : Seeded(path) {
    board = store.add(Group{{}, partnership, "Safeguarding Children Partnership Board"}, manager).id;
    child =
        store.add(Case{{}, audit, "Child A", AgeBand{9, 17}, Involvement::child_in_need, {}, true}, manager)
            .id;
    to_complete = action;
    to_assure = add_action("Revise the DASH guidance", ymd(2023, 12, 1), ymd(2024, 5, 31));
    to_extend = add_action("Deliver multi-agency training", ymd(2023, 12, 1), ymd(2024, 6, 30));
    to_escalate = add_action("Share MARAC minutes with schools", ymd(2023, 12, 1), ymd(2024, 3, 31));
    to_cancel = add_action("Pilot a paper referral form", ymd(2023, 12, 1), ymd(2024, 9, 30));
    to_continue = add_action("Audit flags on GP records", ymd(2023, 12, 1), ymd(2024, 12, 31));
    store.record(Update{to_assure, ymd(2024, 5, 20), Status::complete, {}, "Guidance published", "", {}},
                 manager);
    store.record(Evidence{{}, to_assure, ymd(2024, 6, 1), EvidenceKind::impact, "Dip sample 9/10", ""},
                 manager);
  }

  ReviewableItem flag() const {
    ReviewableItem i;
    i.partnership = partnership;
    i.description = "Domestic abuse flag on the GP record";
    i.audit = audit;
    i.case_id = child;
    i.agency = health;
    i.placed_on = ymd(2024, 1, 10);
    return i;
  }

  // The LIS's Q2 meeting with one outcome of every kind.
  ReviewMeeting q2_meeting() const {
    ReviewMeeting m;
    m.group = lis;
    m.held_on = ymd(2024, 6, 30);
    m.attending = {police, health};
    m.note = "Q2 LIS review";
    ReviewOutcome complete{to_complete, OutcomeKind::complete, "Recording guidance embedded", {}, "", {}};
    ReviewOutcome assure{to_assure, OutcomeKind::assure, "Impact seen in dip sample", {}, "", {}};
    ReviewOutcome extend{to_extend, OutcomeKind::extend, "", ymd(2024, 12, 31), "Trainer unavailable", {}};
    ReviewOutcome escalate{to_escalate, OutcomeKind::escalate, "", {}, "No progress in two quarters", board};
    ReviewOutcome cancel{to_cancel, OutcomeKind::cancel, "", {}, "Superseded by the online form", {}};
    ReviewOutcome carry_on{to_continue, OutcomeKind::continue_, "On track", {}, "", {}};
    m.outcomes = {complete, assure, extend, escalate, cancel, carry_on};
    return m;
  }

  // A quarterly whole-plan cycle, a six-monthly one for the flag and an
  // explicit one for the audit.
  void add_cycles(ReviewableId item) {
    ReviewCycle plan_cycle;
    plan_cycle.partnership = partnership;
    plan_cycle.name = "LIS quarterly review";
    plan_cycle.kind = CycleKind::financial_quarters;
    plan_cycle.start = ymd(2024, 4, 1);
    plan_cycle.group = lis;
    store.add(plan_cycle, manager, "terms of reference");
    ReviewCycle flag_cycle = plan_cycle;
    flag_cycle.name = "Flag review";
    flag_cycle.kind = CycleKind::every_n_months;
    flag_cycle.months = 6;
    flag_cycle.start = ymd(2024, 7, 10);
    flag_cycle.group.reset();
    flag_cycle.item = item;
    store.add(flag_cycle, manager);
    ReviewCycle audit_cycle = plan_cycle;
    audit_cycle.name = "Board meetings";
    audit_cycle.kind = CycleKind::explicit_dates;
    audit_cycle.start = Date();
    audit_cycle.dates = {ymd(2024, 5, 14), ymd(2024, 11, 12)};
    audit_cycle.group = board;
    audit_cycle.audit = audit;
    store.add(audit_cycle, manager);
  }
};

std::int64_t count_rows(const std::string& file, const std::string& table) {
  SQLite::Database db(file);
  return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

}  // namespace

TEST_CASE("review cycles, reviewable items, their reviews and meetings survive reopening") {
  TempFile file("reviews");
  std::string before;
  ReviewableId item;
  ReviewId meeting;
  {
    Reviewed s(file.str());
    item = s.store.add(s.flag(), manager).id;
    s.add_cycles(item);
    s.store.record(ItemReview{item, ymd(2024, 7, 10), "", "Still evidenced", false}, manager);
    s.store.record(ItemReview{item, ymd(2025, 1, 10), "GP safeguarding lead", "No longer evidenced", true},
                   manager);
    meeting = s.store.record(s.q2_meeting(), manager, "Q2 LIS").id;
    before = snapshot(s.store);
  }
  Store reopened = Store::open(file.str());
  CHECK(snapshot(reopened) == before);
  const Plan& plan = reopened.plan();

  REQUIRE(plan.review_cycles().size() == 3);
  const auto& fq = plan.review_cycles()[0];
  CHECK(fq.kind == CycleKind::financial_quarters);
  CHECK(fq.start == ymd(2024, 4, 1));
  CHECK(fq.group == GroupId(1));
  CHECK_FALSE(fq.audit.has_value());
  CHECK(plan.review_cycles()[1].months == 6);
  CHECK(plan.review_cycles()[1].item == item);
  const auto& board_dates = plan.review_cycles()[2];
  CHECK(board_dates.start.is_special());
  CHECK(board_dates.dates == std::vector<Date>{ymd(2024, 5, 14), ymd(2024, 11, 12)});
  CHECK(board_dates.audit == AuditId(1));

  const auto& flag = plan.reviewable_item(item);
  CHECK(flag.description == "Domestic abuse flag on the GP record");
  CHECK(flag.case_id == CaseId(1));
  CHECK(flag.agency == AgencyId(2));
  CHECK(flag.review_every_months == 6);
  REQUIRE(flag.reviews.size() == 2);
  CHECK(flag.reviews[0].by == manager.name);
  CHECK(flag.reviews[0].note == "Still evidenced");
  CHECK(flag.reviews[1].by == "GP safeguarding lead");
  CHECK(flag.reviews[1].retired);

  const auto& m = plan.review(meeting);
  CHECK(m.held_on == ymd(2024, 6, 30));
  CHECK(m.note == "Q2 LIS review");
  CHECK(m.attending == std::vector<AgencyId>{AgencyId(1), AgencyId(2)});
  REQUIRE(m.outcomes.size() == 6);
  CHECK(m.outcomes[0].note == "Recording guidance embedded");
  CHECK(m.outcomes[2].new_due == ymd(2024, 12, 31));
  CHECK(m.outcomes[3].escalated_to == GroupId(2));
  CHECK(m.outcomes[3].reason == "No progress in two quarters");
  CHECK(m.outcomes[5].kind == OutcomeKind::continue_);
  CHECK_FALSE(m.outcomes[5].new_due.has_value());

  // The effects came back with the actions' history.
  CHECK(status_at(plan.action(ActionId(1)), ymd(2024, 6, 30)) == Status::complete);
  CHECK(plan.action(ActionId(1)).updates.back().by == "Learning and Improvement Subgroup");
  CHECK(plan.action(ActionId(2)).assurance->group == GroupId(1));
  CHECK(due_on_at(plan.action(ActionId(3)), ymd(2024, 6, 30)) == ymd(2024, 12, 31));
  CHECK(plan.action(ActionId(5)).updates.back().note == "Superseded by the online form");
  CHECK(plan.action(ActionId(4)).updates.empty());
  CHECK(plan.action(ActionId(6)).updates.empty());
}

TEST_CASE("a meeting, its outcomes and their effects are one change set in the history") {
  Reviewed s(":memory:");
  const auto item = s.store.add(s.flag(), manager, "flag audit").id;
  s.add_cycles(item);
  s.store.record(ItemReview{item, ymd(2024, 7, 10), "", "kept", false}, manager);
  s.store.record(ItemReview{item, ymd(2025, 1, 10), "", "removed", true}, manager);
  const Actor chair{"LIS chair", s.police};
  const auto meeting = s.store.record(s.q2_meeting(), chair, "Q2 LIS").id;

  const auto review = s.store.history("review", meeting.value());
  REQUIRE(review.size() == 7);
  CHECK(review[0].field == "created");
  CHECK(review[0].new_value == "Learning and Improvement Subgroup on 2024-06-30");
  CHECK(review[0].actor == "LIS chair");
  CHECK(review[0].why == "Q2 LIS");
  std::vector<std::string> outcomes;
  for (std::size_t i = 1; i < review.size(); ++i) {
    CHECK(review[i].field == "outcome");
    CHECK(review[i].change == review[0].change);
    outcomes.push_back(review[i].new_value);
  }
  std::sort(outcomes.begin(), outcomes.end());
  CHECK(outcomes ==
        std::vector<std::string>{"action 1: complete", "action 2: assure", "action 3: extend to 2024-12-31",
                                 "action 4: escalate to group 2", "action 5: cancel", "action 6: continue"});

  const auto change = review[0].change;
  const auto last_of = [&](ActionId id) { return s.store.history("action", id.value()).back(); };
  CHECK(last_of(s.to_complete).field == "status");
  CHECK(last_of(s.to_complete).new_value == "complete");
  CHECK(last_of(s.to_complete).change == change);
  CHECK(last_of(s.to_assure).field == "assured");
  CHECK(last_of(s.to_assure).change == change);
  CHECK(last_of(s.to_extend).field == "due_on");
  CHECK(last_of(s.to_extend).old_value == "2024-06-30");
  CHECK(last_of(s.to_extend).new_value == "2024-12-31");
  CHECK(last_of(s.to_cancel).new_value == "cancelled");
  CHECK(last_of(s.to_cancel).change == change);
  CHECK(last_of(s.to_escalate).field == "created");  // escalation changes no action

  const auto cycles = s.store.history("review_cycle");
  REQUIRE(cycles.size() == 3);
  CHECK(cycles[0].new_value == "LIS quarterly review");
  CHECK(cycles[0].why == "terms of reference");
  CHECK(cycles[2].entity_id == 3);
  const auto flag = s.store.history("reviewable_item", item.value());
  REQUIRE(flag.size() == 3);
  CHECK(flag[0].field == "created");
  CHECK(flag[0].new_value == "Domestic abuse flag on the GP record");
  CHECK(flag[0].why == "flag audit");
  CHECK(flag[1].field == "reviewed");
  CHECK(flag[1].new_value == "2024-07-10");
  CHECK(flag[1].why == "kept");
  CHECK(flag[2].field == "retired");
  CHECK(flag[2].new_value == "2025-01-10");
  // Every entry of the whole history belongs to a change set that exists.
  for (const auto& e : s.store.history()) CHECK_FALSE(e.actor.empty());
}

TEST_CASE("a refused review write leaves file and plan exactly as they were") {
  TempFile file("refused-reviews");
  Reviewed s(file.str());
  const auto item = s.store.add(s.flag(), manager).id;
  s.add_cycles(item);
  s.store.record(ItemReview{item, ymd(2024, 7, 10), "", "removed", true}, manager);
  const std::string before = snapshot(s.store);

  SUBCASE("a second whole-plan cycle") {
    ReviewCycle again = s.store.plan().review_cycles()[0];
    again.id = ReviewCycleId();
    CHECK_THROWS_WITH_AS(s.store.add(again, manager), doctest::Contains("already has review cycle 1"),
                         ConflictError);
  }
  SUBCASE("an item whose description holds an NHS number") {
    ReviewableItem i = s.flag();
    i.description = "Flag for 943 476 5919";
    CHECK_THROWS_AS(s.store.add(i, manager), ValidationError);
  }
  SUBCASE("a review of a retired item") {
    CHECK_THROWS_AS(s.store.record(ItemReview{item, ymd(2025, 1, 10), "", "", false}, manager),
                    ConflictError);
  }
  SUBCASE("a meeting with one outcome breaking a rule") {
    ReviewMeeting m = s.q2_meeting();
    m.outcomes[1].action = s.to_continue;  // assuring an action not complete
    m.outcomes.pop_back();
    CHECK_THROWS_WITH_AS(s.store.record(m, manager), doctest::Contains("outcome for action 6 (assure)"),
                         ConflictError);
  }
  SUBCASE("a meeting with two outcomes for one action") {
    ReviewMeeting m = s.q2_meeting();
    m.outcomes.push_back(m.outcomes[0]);
    CHECK_THROWS_AS(s.store.record(m, manager), ConflictError);
  }
  SUBCASE("a meeting recorded by no one") {
    CHECK_THROWS_AS(s.store.record(s.q2_meeting(), Actor{" ", std::nullopt}), ValidationError);
  }
  CHECK(snapshot(s.store) == before);
  CHECK(snapshot(Store::open(file.str())) == before);
  CHECK(count_rows(file.str(), "review_meeting") == 0);
}

TEST_CASE("an SQLite failure part-way through a review write rolls all of it back") {
  TempFile file("failing-reviews");
  Reviewed s(file.str());
  const auto item = s.store.add(s.flag(), manager).id;
  const std::string before = snapshot(s.store);
  const auto refuse_inserts_into = [&](const std::string& table) {
    SQLite::Database other(file.str(), SQLite::OPEN_READWRITE);
    other.exec("CREATE TRIGGER refuse BEFORE INSERT ON " + table +
               " BEGIN SELECT RAISE(ABORT, 'disk full'); END");
  };
  const auto allow_inserts = [&] {
    SQLite::Database other(file.str(), SQLite::OPEN_READWRITE);
    other.exec("DROP TRIGGER refuse");
  };

  SUBCASE(
      "the meeting's due-date revision fails after the meeting, its outcomes and an update were written") {
    refuse_inserts_into("due_revision");
    CHECK_THROWS_WITH_AS(s.store.record(s.q2_meeting(), manager), doctest::Contains("disk full"), StoreError);
    CHECK(snapshot(s.store) == before);
    CHECK(count_rows(file.str(), "review_outcome") == 0);
    CHECK(count_rows(file.str(), "action_update") == 1);
    allow_inserts();
    CHECK(s.store.record(s.q2_meeting(), manager).id == ReviewId(1));
    CHECK(count_rows(file.str(), "review_outcome") == 6);
  }
  SUBCASE("a cycle's dates fail after its row was written") {
    refuse_inserts_into("review_cycle_date");
    ReviewCycle board_dates;
    board_dates.partnership = s.partnership;
    board_dates.name = "Board meetings";
    board_dates.kind = CycleKind::explicit_dates;
    board_dates.dates = {ymd(2024, 5, 14), ymd(2024, 11, 12)};
    CHECK_THROWS_AS(s.store.add(board_dates, manager), StoreError);
    CHECK(snapshot(s.store) == before);
    CHECK(count_rows(file.str(), "review_cycle") == 0);
  }
  SUBCASE("an item review fails") {
    refuse_inserts_into("item_review");
    CHECK_THROWS_AS(s.store.record(ItemReview{item, ymd(2024, 7, 10), "", "", false}, manager), StoreError);
    CHECK(snapshot(s.store) == before);
  }
  CHECK(snapshot(Store::open(file.str())) == snapshot(s.store));
}

TEST_CASE("a version-3 file is migrated to version 4 with its data, and takes reviews") {
  TempFile file("v3");
  {
    SQLite::Database db(file.str(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(read_text(fs::path(PLANSIGHT_SOURCE_DIR) / "tests/data/store_v3.sql"));
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == 3);
  }
  std::string after;
  {
    Store store = Store::open(file.str());
    CHECK(store.schema_version() == Store::latest_schema_version());  // through 4 and on
    const Plan& plan = store.plan();
    REQUIRE(plan.actions().size() == 2);
    CHECK(plan.dependencies() == std::vector<Dependency>{{ActionId(2), ActionId(1), 14}});
    CHECK(status_at(plan.action(ActionId(1)), ymd(2024, 6, 30)) == Status::complete);
    CHECK(due_on_at(plan.action(ActionId(2)), ymd(2024, 4, 1)) == ymd(2024, 12, 31));
    CHECK(plan.action(ActionId(1)).evidence.size() == 1);
    CHECK(plan.review_cycles().empty());
    CHECK(plan.reviewable_items().empty());
    CHECK(plan.reviews().empty());
    for (const char* table : {"review_cycle", "review_cycle_date", "reviewable_item", "item_review",
                              "review_meeting", "review_attendance", "review_outcome"}) {
      CAPTURE(table);
      CHECK(count_rows(file.str(), table) == 0);
    }
    // The migrated store takes a meeting assuring its complete action and extending the other.
    ReviewMeeting m;
    m.group = GroupId(1);
    m.held_on = ymd(2024, 7, 15);
    m.outcomes = {ReviewOutcome{ActionId(1), OutcomeKind::assure, "", {}, "", {}},
                  ReviewOutcome{ActionId(2), OutcomeKind::extend, "", ymd(2025, 3, 31), "Trainer left", {}}};
    store.record(m, manager);
    ReviewableItem i;
    i.partnership = PartnershipId(1);
    i.description = "Child protection alert on the ED system";
    i.case_id = CaseId(1);
    i.placed_on = ymd(2024, 2, 1);
    const auto item = store.add(i, manager).id;
    store.record(ItemReview{item, ymd(2024, 8, 1), "", "kept", false}, manager);
    ReviewCycle c;
    c.partnership = PartnershipId(1);
    c.name = "LIS quarterly review";
    c.start = ymd(2024, 6, 30);
    store.add(c, manager);
    after = snapshot(store);
    CHECK(store.history("action", 2).back().new_value == "2025-03-31");
  }
  CHECK(snapshot(Store::open(file.str())) == after);
  SQLite::Database db(file.str());
  SQLite::Statement dangling(db, "PRAGMA foreign_key_check");
  CHECK_FALSE(dangling.executeStep());
}

TEST_CASE("add_all carries new items, item reviews and cycles through the plan's checks") {
  Reviewed s(":memory:");
  const auto known = s.store.add(s.flag(), manager).id;
  s.store.record(ItemReview{known, ymd(2024, 7, 10), "", "kept", false}, manager);
  Plan extended = s.store.plan();
  extended.record(ItemReview{known, ymd(2025, 1, 10), "GP lead", "removed", true});
  ReviewableItem tool = s.flag();
  tool.kind = ReviewableKind::screening_tool;
  tool.description = "DASH risk assessment";
  const auto added = extended.add(tool).id;
  extended.record(ItemReview{added, ymd(2024, 8, 1), "GP lead", "kept", false});
  ReviewCycle c;
  c.partnership = s.partnership;
  c.name = "Tool review";
  c.kind = CycleKind::every_n_months;
  c.months = 3;
  c.start = ymd(2024, 5, 1);
  c.item = added;
  extended.add(c);
  s.store.add_all(extended, Actor{"importer", std::nullopt}, "flag register");
  CHECK(testing::fingerprint(s.store.plan()) == testing::fingerprint(extended));
  CHECK(testing::fingerprint(s.store.load()) == testing::fingerprint(extended));
  const auto entries = s.store.history("reviewable_item");
  REQUIRE(entries.size() == 5);
  CHECK(entries.back().actor == "importer");
  CHECK(s.store.history("review_cycle").back().why == "flag register");
}

TEST_CASE("add_all refuses new meetings, lost reviews and reviews that break the rules, changing nothing") {
  Reviewed s(":memory:");
  const auto item = s.store.add(s.flag(), manager).id;
  const Plan unreviewed = s.store.plan();
  s.store.record(ItemReview{item, ymd(2024, 7, 10), "", "removed", true}, manager);
  const std::string before = snapshot(s.store);

  SUBCASE("a new meeting") {
    Plan extended = s.store.plan();
    extended.record(s.q2_meeting());
    CHECK_THROWS_WITH_AS(s.store.add_all(extended, manager), doctest::Contains("review meetings"),
                         ConflictError);
  }
  SUBCASE("an item with fewer reviews than stored") {
    CHECK_THROWS_WITH_AS(s.store.add_all(unreviewed, manager),
                         doctest::Contains("reviews of reviewable item 1"), ConflictError);
  }
  SUBCASE("a review after retirement, restored unchecked") {
    Plan extended = s.store.plan();
    ReviewableItem other = s.flag();
    const auto added = extended.add(other).id;
    extended.restore_reviews(added, {ItemReview{added, ymd(2024, 7, 10), "GP lead", "removed", true},
                                     ItemReview{added, ymd(2025, 1, 10), "GP lead", "back", false}});
    CHECK_THROWS_WITH_AS(s.store.add_all(extended, manager), doctest::Contains("retired"), ConflictError);
  }
  CHECK(snapshot(s.store) == before);
}
