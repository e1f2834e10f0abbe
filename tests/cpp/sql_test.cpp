// The statement the store writes through (src/detail/sql.hpp, private to
// the store): texts are bound where they lie or from the statement's own
// buffers, never copied by SQLite, so what reaches the file depends on
// those buffers living, and staying apart, until the row is written.
#include "detail/sql.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>

#include "detail/action_table.hpp"
#include "detail/schema.hpp"
#include "detail/writer.hpp"
#include "fixtures.hpp"

using namespace plansight;
using plansight::detail::ActionTable;
using plansight::detail::run;
using plansight::detail::Writer;
using plansight::detail::WriteStatement;
using plansight::testing::ymd;

namespace {

struct Table {
  SQLite::Database db{":memory:", SQLite::OPEN_READWRITE};
  Table() { db.exec("CREATE TABLE t (a TEXT, b TEXT, c TEXT NOT NULL, n INTEGER)"); }
  std::string row(const char* column, int n) {
    SQLite::Statement s(db, std::string("SELECT coalesce(") + column + ", 'NULL') FROM t WHERE n = ?");
    s.bind(1, n);
    REQUIRE(s.executeStep());
    return s.getColumn(0).getString();
  }
};

}  // namespace

TEST_CASE("an empty text without an address is written as an empty text, not NULL") {
  Table t;
  WriteStatement insert(t.db, "INSERT INTO t (a, b, c, n) VALUES (?, ?, ?, ?)");
  run(insert, std::string_view(), std::string(), std::string_view(), 1);
  CHECK(t.row("a", 1).empty());
  CHECK(t.row("b", 1).empty());
  CHECK(t.row("c", 1).empty());
  run(insert, static_cast<const char*>(nullptr), "", "", 2);  // a null pointer is no text at all
  CHECK(t.row("a", 2) == "NULL");
}

TEST_CASE("a write that returns a row is refused, and the statement stays usable") {
  Table t;
  WriteStatement select(t.db, "SELECT ?");
  CHECK_THROWS_WITH_AS(run(select, 1), doctest::Contains("returned a row"), SQLite::Exception);
  CHECK_THROWS_WITH_AS(run(select, 2), doctest::Contains("returned a row"), SQLite::Exception);
}

TEST_CASE("two dates and an enumeration in one row keep their own buffers") {
  Table t;
  WriteStatement insert(t.db, "INSERT INTO t (a, b, c, n) VALUES (?, ?, ?, ?)");
  run(insert, ymd(2024, 3, 31), ymd(1999, 12, 1), Status::in_progress, 1);
  run(insert, ymd(2025, 1, 2), std::optional<Date>(), Status::complete, 2);
  CHECK(t.row("a", 1) == "2024-03-31");
  CHECK(t.row("b", 1) == "1999-12-01");
  CHECK(t.row("c", 1) == "in_progress");
  CHECK(t.row("a", 2) == "2025-01-02");
  CHECK(t.row("b", 2) == "NULL");
  CHECK(t.row("c", 2) == "complete");
}

TEST_CASE("a text bound where it lies is read while the row is written") {
  Table t;
  WriteStatement insert(t.db, "INSERT INTO t (a, b, c, n) VALUES (?, ?, ?, ?)");
  std::string text(100, 'x');  // beyond any small-string buffer
  run(insert, text, std::string("a temporary, gone after the call"), "literal", 1);
  text.assign(100, 'y');
  CHECK(t.row("a", 1) == std::string(100, 'x'));
  CHECK(t.row("b", 1) == "a temporary, gone after the call");
  CHECK(t.row("c", 1) == "literal");
}

TEST_CASE("a failed row names the constraint and leaves the statement usable") {
  Table t;
  WriteStatement insert(t.db, "INSERT INTO t (a, b, c, n) VALUES (?, ?, ?, ?)");
  CHECK_THROWS_WITH_AS(run(insert, "a", "b", std::optional<std::string>(), 1),
                       doctest::Contains("NOT NULL constraint failed: t.c"), SQLite::Exception);
  run(insert, "a", "b", "c", 2);
  CHECK(t.db.execAndGet("SELECT count(*) FROM t").getInt() == 1);
  CHECK(t.row("c", 2) == "c");
}

TEST_CASE("a statement that does not prepare names the problem") {
  Table t;
  CHECK_THROWS_WITH_AS(WriteStatement(t.db, "INSERT INTO missing VALUES (?)"),
                       doctest::Contains("no such table: missing"), SQLite::Exception);
}

TEST_CASE("binding past the statement's parameters is refused, and the statement stays usable") {
  Table t;
  WriteStatement insert(t.db, "INSERT INTO t (a, b, c, n) VALUES (?, ?, ?, ?)");
  CHECK_THROWS_AS(run(insert, "a", "b", "c", 1, "extra"), SQLite::Exception);
  CHECK_THROWS_AS(run(insert, "a", "b", "c", 1, ymd(2024, 1, 1)), SQLite::Exception);
  run(insert, "a", "b", "c", 3);
  CHECK(t.db.execAndGet("SELECT count(*) FROM t").getInt() == 1);
}

// The store's writer puts up to 64 rows in one statement, never more
// parameters than the connection allows: with the limit lowered, the rows
// go fewer to a statement, or one by one, and come out the same.
TEST_CASE("a writer's batches stay within the connection's parameter limit, rows in order") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE);  // foreign keys off: rows stand alone
  plansight::detail::migrate(db);
  const auto rows = [&](const char* sql) {
    SQLite::Statement s(db, sql);
    std::string out;
    while (s.executeStep()) out += s.getColumn(0).getString() + ';';
    return out;
  };
  // 70 rows of each: more than a batch of 64, which no lowered limit allows.
  std::vector<Dependency> dependencies;
  std::string dependency_rows;
  ActionTable actions;  // as a plan holds them
  std::string action_rows;
  for (int i = 1; i <= 70; ++i) {
    dependencies.push_back(Dependency{ActionId(i + 1), ActionId(i), i % 5});
    dependency_rows += std::to_string(i + 1) + "<-" + std::to_string(i) + '+' + std::to_string(i % 5) + ';';
    Action a;
    a.id = ActionId(i);
    a.title = "Action " + std::to_string(i);
    a.created_on = a.due_on = ymd(2024, 1, 1);
    actions.push_back(a);
    action_rows += std::to_string(i) + ' ' + a.title + ';';
  }
  for (const int limit : {17, 40, 999}) {  // 17: a single action row at most
    CAPTURE(limit);
    db.exec("DELETE FROM dependency; DELETE FROM action");
    sqlite3_limit(db.getHandle(), SQLITE_LIMIT_VARIABLE_NUMBER, limit);
    Writer writer(db);
    writer.insert_all(std::span<const Dependency>(dependencies), 1);  // 4 parameters a row
    writer.insert_all(actions, 0, true, 1);                           // 17 a row
    CHECK(rows("SELECT action_id || '<-' || depends_on_id || '+' || lag_days FROM dependency ORDER BY seq") ==
          dependency_rows);
    CHECK(rows("SELECT id || ' ' || title FROM action ORDER BY rowid") == action_rows);
  }
}
