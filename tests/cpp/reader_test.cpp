// Reading a store back (src/detail/reader.cpp, private to the store): the
// bulk rows (updates, dependencies) come from a second connection read
// alongside when that connection sees the same snapshot, and from the
// first connection in turn otherwise, with the same plan either way.
#include "detail/reader.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <optional>

#include "detail/schema.hpp"
#include "fixtures.hpp"
#include "plansight/store.hpp"

using namespace plansight;
using plansight::testing::TempFile;
using plansight::testing::ymd;
namespace fs = std::filesystem;

namespace {

const Actor manager{"LIS business manager", std::nullopt};

// A file holding 60 actions, each waiting for the one before, with every
// kind of history (testing::add_actions_with_history); returns the plan the
// store holds after writing it.
Plan write_store(const std::string& file) {
  testing::Builder b;
  Store store = Store::open(file);
  store.add_all(testing::add_actions_with_history(b, 60), manager, "fixture");
  return store.plan();
}

struct Read {
  std::optional<detail::RowsRead> rows_read;
  Plan plan;
};

Read read_file(const std::string& file, std::function<void()> after_snapshot = {}) {
  SQLite::Database db(file, SQLite::OPEN_READWRITE);
  Read out;
  detail::ReadHooks hooks;
  hooks.after_snapshot = std::move(after_snapshot);
  hooks.rows_read = [&](detail::RowsRead where) { out.rows_read = where; };
  out.plan = detail::read_plan(db, hooks);
  return out;
}

}  // namespace

TEST_CASE("a file's updates and dependencies are read alongside, giving the plan that was written") {
  TempFile file("alongside");
  const Plan written = write_store(file.str());
  const Read read = read_file(file.str());
  REQUIRE(read.rows_read.has_value());
  CHECK(*read.rows_read == detail::RowsRead::alongside);
  CHECK(testing::fingerprint(read.plan) == testing::fingerprint(written));
  CHECK(read.plan.dependencies() == written.dependencies());
  const auto updates = [](const Plan& plan) {
    std::size_t n = 0;
    for (const auto& a : plan.actions()) n += a.updates.size();
    return n;
  };
  CHECK(updates(read.plan) == updates(written));
  CHECK(updates(read.plan) > 40);
}

// Three actions alike in every text, with every kind of history, and two
// findings of one text: each text written three times (or twice).
void write_alike_actions(const std::string& file) {
  testing::Builder b;
  b.add_finding(FindingCategory::worry, "Strategy meetings did not include health");
  b.add_finding(FindingCategory::worry, "Strategy meetings did not include health");
  for (int i = 0; i < 3; ++i) {
    Action a = b.draft(ymd(2024, 2, 1), ymd(2024, 9, 30));
    a.description = "Training for every practitioner";
    a.success_measure = "Re-audit finds the voice of the child in 9 of 10 files";
    a.owner = testing::owned_by(b.police, "Designated safeguarding lead");
    a.owner.lead = "Detective Inspector";
    const ActionId id = b.plan.add(std::move(a)).id;
    b.revise_due(id, ymd(2024, 4, 1), ymd(2024, 12, 31));
    b.change_owner(id, ymd(2024, 4, 2), testing::owned_by(b.health, "Named nurse"));
    b.complete_and_assure(id, ymd(2024, 6, 30));
  }
  Store store = Store::open(file);
  store.add_all(b.plan, manager, "fixture");
}

// Every text of the plan's actions and findings shares its buffer with the
// equal one of the first action (finding).
void check_texts_shared(const Plan& plan) {
  const auto& actions = plan.actions();
  REQUIRE(actions.size() == 3);
  const Action& first = actions[0];
  const auto shared = [](const Text& a, const Text& b) { return !a.empty() && a.shares_buffer_with(b); };
  for (const Action& a : actions) {
    CHECK(shared(a.title, first.title));
    CHECK(shared(a.description, first.description));
    CHECK(shared(a.success_measure, first.success_measure));
    CHECK(shared(a.owner.role, first.owner.role));
    CHECK(shared(a.owner.lead, first.owner.lead));
    CHECK(shared(a.updates.at(0).note, first.updates.at(0).note));
    CHECK(shared(a.due_revisions.at(0).reason, first.due_revisions.at(0).reason));
    CHECK(shared(a.due_revisions.at(0).agreed_by, first.due_revisions.at(0).agreed_by));
    CHECK(shared(a.owner_changes.at(0).reason, first.owner_changes.at(0).reason));
    CHECK(shared(a.owner_changes.at(0).new_owner.role, first.owner_changes.at(0).new_owner.role));
    CHECK(shared(a.evidence.at(0).description, first.evidence.at(0).description));
    CHECK(shared(a.evidence.at(0).by, first.evidence.at(0).by));
    REQUIRE(a.assurance.has_value());
    CHECK(shared(a.assurance->note, first.assurance->note));
    CHECK(shared(a.assurance->by, first.assurance->by));
  }
  const auto& findings = plan.findings();
  REQUIRE(findings.size() == 3);
  CHECK(shared(findings[2].text, findings[1].text));
  CHECK_FALSE(findings[0].text.shares_buffer_with(findings[1].text));  // another text
}

TEST_CASE("equal texts read from a file share one buffer, on either connection") {
  TempFile file("shared-texts");
  write_alike_actions(file.str());
  SUBCASE("the rows read alongside") {
    const Read read = read_file(file.str());
    REQUIRE(read.rows_read == detail::RowsRead::alongside);
    check_texts_shared(read.plan);
  }
  SUBCASE("the rows read in turn") {
    const Read read = read_file(file.str(), [&] {
      Store other = Store::open(file.str());
      other.add(Theme{{}, "exploitation"}, manager, "a write between the snapshots");
    });
    REQUIRE(read.rows_read == detail::RowsRead::in_turn);
    check_texts_shared(read.plan);
  }
}

TEST_CASE("a file's audits, findings and actions are read into tables of exactly their size") {
  TempFile file("exact-room");
  testing::Builder b;
  testing::add_audits_with_lists(b, 5);
  testing::add_actions_with_history(b, 7);
  {
    Store store = Store::open(file.str());
    store.add_all(b.plan, manager, "fixture");
  }
  const Plan plan = read_file(file.str()).plan;
  CHECK(plan.audits().size() == b.plan.audits().size());
  CHECK(plan.audits().capacity() == plan.audits().size());
  CHECK(plan.findings().size() == b.plan.findings().size());
  CHECK(plan.findings().capacity() == plan.findings().size());
  CHECK(plan.actions().size() == 7);
}

TEST_CASE("a write between the two snapshots sends the rows back to the first connection") {
  TempFile file("moved-on");
  const Plan written = write_store(file.str());
  const ActionId first = written.actions().front().id;
  const auto updates_before = written.action(first).updates.size();
  // Another writer commits after the first connection took its snapshot and
  // before the second takes one: the second would see the new update.
  const Read read = read_file(file.str(), [&] {
    Store other = Store::open(file.str());
    other.record(testing::update(first, ymd(2024, 7, 31), Status::in_progress), manager);
  });
  REQUIRE(read.rows_read.has_value());
  CHECK(*read.rows_read == detail::RowsRead::in_turn);
  // The plan is the first connection's snapshot throughout.
  CHECK(testing::fingerprint(read.plan) == testing::fingerprint(written));
  CHECK(read.plan.action(first).updates.size() == updates_before);
  // The write is there for the next read.
  const Read after = read_file(file.str());
  REQUIRE(after.rows_read.has_value());
  CHECK(*after.rows_read == detail::RowsRead::alongside);
  CHECK(after.plan.action(first).updates.size() == updates_before + 1);
}

TEST_CASE("an in-memory store reads its rows in turn") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  detail::migrate(db);
  std::optional<detail::RowsRead> where;
  detail::ReadHooks hooks;
  hooks.rows_read = [&](detail::RowsRead w) { where = w; };
  const Plan plan = detail::read_plan(db, hooks);
  REQUIRE(where.has_value());
  CHECK(*where == detail::RowsRead::in_turn);
  CHECK(plan.actions().empty());
}

TEST_CASE("a bad update row fails the second connection and is refused by the first, named as ever") {
  TempFile file("bad-update");
  write_store(file.str());
  {
    SQLite::Database db(file.str(), SQLite::OPEN_READWRITE);
    db.exec(
        "UPDATE action_update SET on_date = '2024-02-30' WHERE seq = (SELECT max(seq) FROM action_update)");
  }
  SQLite::Database db(file.str(), SQLite::OPEN_READWRITE);
  std::optional<detail::RowsRead> where;
  detail::ReadHooks hooks;
  hooks.rows_read = [&](detail::RowsRead w) { where = w; };
  CHECK_THROWS_WITH_AS(detail::read_plan(db, hooks),
                       doctest::Contains("on_date: '2024-02-30' is not a valid date"), ValidationError);
  REQUIRE(where.has_value());
  CHECK(*where == detail::RowsRead::in_turn);
}

TEST_CASE("updates of an action the file does not hold are refused after the rows are gathered") {
  TempFile file("orphan-update");
  write_store(file.str());
  {
    SQLite::Database db(file.str(), SQLite::OPEN_READWRITE);  // foreign keys off on this connection
    db.exec(
        "INSERT INTO action_update (action_id, on_date, status, note, by_name, change_id) "
        "SELECT 999, '2024-03-31', 'in_progress', '', 'import', max(id) FROM change_set");
  }
  SQLite::Database db(file.str(), SQLite::OPEN_READWRITE);
  CHECK_THROWS_WITH_AS(detail::read_plan(db), doctest::Contains("no action 999"), NotFoundError);
}

TEST_CASE("a file replaced by another store with as many change sets is not read alongside") {
  TempFile file("replaced"), other("replacement");
  const Plan written = write_store(file.str());
  write_store(other.str());  // the same contents and change sets, written later
  const auto updates_of_first = written.actions().front().updates.size();
  SQLite::Database db(file.str(), SQLite::OPEN_READWRITE);
  std::optional<detail::RowsRead> where;
  detail::ReadHooks hooks;
  // The first connection has its snapshot of the original file; the path
  // now names the other store (as when a backup is moved back in place).
  hooks.after_snapshot = [&] {
    other.remove();
    {
      Store replacement = Store::open(other.str());
      testing::Builder b;
      const auto id = b.add_action(ymd(2024, 2, 1), ymd(2024, 9, 30));
      for (int month = 3; month <= 8; ++month) b.set_status(id, ymd(2024, month, 10), Status::in_progress);
      replacement.add_all(b.plan, manager, "another store");
    }
    fs::rename(other.path, file.path);
    fs::remove(file.str() + "-wal");
    fs::remove(file.str() + "-shm");
  };
  hooks.rows_read = [&](detail::RowsRead w) { where = w; };
  const Plan plan = detail::read_plan(db, hooks);
  REQUIRE(where.has_value());
  CHECK(*where == detail::RowsRead::in_turn);
  CHECK(plan.actions().front().updates.size() == updates_of_first);
  CHECK(testing::fingerprint(plan) == testing::fingerprint(written));
}

TEST_CASE("a bad action row, first or last, is refused while the second connection reads, named as ever") {
  TempFile file("bad-action");
  const Plan written = write_store(file.str());
  for (const auto id : {written.actions().front().id, written.actions().back().id}) {
    CAPTURE(id);
    {
      SQLite::Database db(file.str(), SQLite::OPEN_READWRITE);
      db.exec("UPDATE action SET due_on = '2024-02-30' WHERE id = " + std::to_string(id.value()));
    }
    SQLite::Database db(file.str(), SQLite::OPEN_READWRITE);
    CHECK_THROWS_WITH_AS(detail::read_plan(db), doctest::Contains("due_on: '2024-02-30' is not a valid date"),
                         ValidationError);
    SQLite::Database fix(file.str(), SQLite::OPEN_READWRITE);
    fix.exec("UPDATE action SET due_on = '2024-09-30' WHERE id = " + std::to_string(id.value()));
  }
  CHECK(testing::fingerprint(read_file(file.str()).plan) == testing::fingerprint(written));
}
