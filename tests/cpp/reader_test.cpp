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

TEST_CASE("equal texts read from a file share one buffer, on either connection") {
  TempFile file("shared-texts");
  {
    testing::Builder b;
    for (int i = 0; i < 3; ++i) {
      const ActionId id = b.add_action(ymd(2024, 2, 1), ymd(2024, 9, 30), testing::owned_by(b.police, "DSL"));
      b.set_status(id, ymd(2024, 3, 31), Status::in_progress);
      b.revise_due(id, ymd(2024, 4, 1), ymd(2024, 12, 31));
    }
    Store store = Store::open(file.str());
    store.add_all(b.plan, manager, "fixture");
  }
  const Read read = read_file(file.str());
  REQUIRE(read.rows_read == detail::RowsRead::alongside);
  const auto& actions = read.plan.actions();
  REQUIRE(actions.size() == 3);
  for (const Action& a : actions) {
    CHECK(a.title == "Refresh voice of the child training");
    CHECK(a.title.shares_buffer_with(actions[0].title));
    CHECK(a.owner.role.shares_buffer_with(actions[0].owner.role));
    CHECK(a.updates.at(0).note.shares_buffer_with(actions[0].updates.at(0).note));
    CHECK(a.due_revisions.at(0).reason.shares_buffer_with(actions[0].due_revisions.at(0).reason));
  }
  CHECK_FALSE(actions[0].title.shares_buffer_with(actions[0].owner.role));
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
