// Binding model values to SQLite statements and reading them back
// (private to the store).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detail/iso_date.hpp"
#include "plansight/dates.hpp"
#include "plansight/enums.hpp"
#include "plansight/text.hpp"
#include "plansight/model.hpp"

namespace plansight::detail {

// A statement the store writes through, prepared on SQLite's handle. Texts
// are bound without SQLite copying them (SQLITE_STATIC): a value's own text
// is read where it lies, and a text formatted for binding (a date) is kept
// in this statement, one buffer per parameter and reused row after row.
// Either way it outlives the step; run() clears the bindings after each, so
// no pointer is left behind. A bulk import binds millions of texts, and
// SQLite's own copy of each was a malloc and a free.
class WriteStatement {
 public:
  WriteStatement(SQLite::Database& db, const char* sql) : db_(db.getHandle()) {
    const int result = sqlite3_prepare_v2(db_, sql, -1, &statement_, nullptr);
    if (result != SQLITE_OK) throw SQLite::Exception(db_, result);
    formatted_.resize(static_cast<std::size_t>(sqlite3_bind_parameter_count(statement_)));
  }
  WriteStatement(const WriteStatement&) = delete;
  WriteStatement& operator=(const WriteStatement&) = delete;
  ~WriteStatement() { sqlite3_finalize(statement_); }

  void bind_int(int i, std::int64_t v) { check(sqlite3_bind_int64(statement_, i, v)); }
  void bind_null(int i) { check(sqlite3_bind_null(statement_, i)); }
  // `text` must stay where it is until the statement has run.
  void bind_text(int i, std::string_view text) {
    // An empty view may have no address; SQLite would read that as NULL.
    const char* chars = text.data() ? text.data() : "";
    check(sqlite3_bind_text(statement_, i, chars, static_cast<int>(text.size()), SQLITE_STATIC));
  }
  // A text made for this binding: kept here until the parameter is bound again.
  void bind_formatted(int i, std::string_view text) {
    if (i < 1 || static_cast<std::size_t>(i) > formatted_.size())
      throw SQLite::Exception("bind parameter index out of range", SQLITE_RANGE);
    std::string& slot = formatted_[static_cast<std::size_t>(i - 1)];
    slot.assign(text);
    bind_text(i, slot);
  }
  // Steps once, then resets the statement and clears its bindings, also when
  // the step fails (a statement left mid-step refuses every later bind).
  void run() {
    const int result = sqlite3_step(statement_);
    if (result == SQLITE_DONE) {
      sqlite3_reset(statement_);
      sqlite3_clear_bindings(statement_);
      return;
    }
    // A write returns no rows; SQLite's message, taken before reset replaces it.
    SQLite::Exception failure = result == SQLITE_ROW
                                    ? SQLite::Exception("a write statement returned a row", SQLITE_MISUSE)
                                    : SQLite::Exception(db_, result);
    abandon();
    throw failure;
  }
  void abandon() noexcept {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }

 private:
  void check(int result) {
    if (result != SQLITE_OK) throw SQLite::Exception(db_, result);
  }

  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
  std::vector<std::string> formatted_;
};

inline void bind_value(WriteStatement& s, int i, std::int64_t v) { s.bind_int(i, v); }
inline void bind_value(WriteStatement& s, int i, int v) { s.bind_int(i, v); }
inline void bind_value(WriteStatement& s, int i, bool v) { s.bind_int(i, v ? 1 : 0); }
inline void bind_value(WriteStatement& s, int i, const std::string& v) { s.bind_text(i, v); }
inline void bind_value(WriteStatement& s, int i, std::string_view v) { s.bind_text(i, v); }
inline void bind_value(WriteStatement& s, int i, const Text& v) { s.bind_text(i, v.str()); }
inline void bind_value(WriteStatement& s, int i, const char* v) {
  if (v)
    s.bind_text(i, v);
  else
    s.bind_null(i);
}
inline void bind_value(WriteStatement& s, int i, Date d) { s.bind_formatted(i, IsoDate(d).text()); }
template <class Tag>
void bind_value(WriteStatement& s, int i, Id<Tag> id) {
  s.bind_int(i, id.value());
}
// An enumeration's name is a static string: bound where it lies.
template <class E, class = std::enable_if_t<std::is_enum_v<E>>>
void bind_value(WriteStatement& s, int i, E e) {
  s.bind_text(i, to_string_view(e));
}
template <class T>
void bind_value(WriteStatement& s, int i, const std::optional<T>& v) {
  if (v)
    bind_value(s, i, *v);
  else
    s.bind_null(i);
}

// Binds the values to parameters first, first + 1, ...
template <class... Ts>
void bind_values(WriteStatement& s, int first, const Ts&... values) {
  int i = first - 1;
  (bind_value(s, ++i, values), ...);
}

// Runs the statement once after `bind_all()` has bound its parameters; a
// failed bind leaves the statement as unbound as a failed step does.
template <class F>
void run_bound(WriteStatement& s, F&& bind_all) {
  try {
    bind_all();
  } catch (...) {
    s.abandon();
    throw;
  }
  s.run();
}

// Binds the values to parameters 1..n and runs the statement once. The
// values are bound where they lie, so they must live until it has run: as
// arguments of this call, they do.
template <class... Ts>
void run(WriteStatement& s, const Ts&... values) {
  run_bound(s, [&] { bind_values(s, 1, values...); });
}

// For statements with parameters (the store's history query).
inline std::int64_t int_at(const SQLite::Statement& s, int i) { return s.getColumn(i).getInt64(); }
inline std::string text_at(const SQLite::Statement& s, int i) { return s.getColumn(i).getString(); }

// A query's rows, read straight from SQLite's statement handle, forward
// only: what a store's load reads its millions of values through.
// SQLiteCpp's Statement hands out a Column for every value read, copying a
// shared_ptr each time (atomically once the process has a second thread,
// as a load has): about a tenth of the time to read the action rows.
class RowCursor {
 public:
  RowCursor(SQLite::Database& db, const char* sql) : db_(db.getHandle()) {
    const int result = sqlite3_prepare_v2(db_, sql, -1, &statement_, nullptr);
    if (result != SQLITE_OK) throw SQLite::Exception(db_, result);
  }
  RowCursor(const RowCursor&) = delete;
  RowCursor& operator=(const RowCursor&) = delete;
  ~RowCursor() { sqlite3_finalize(statement_); }

  // Steps to the next row; false after the last. Throws SQLite::Exception.
  bool next() {
    const int result = sqlite3_step(statement_);
    if (result == SQLITE_ROW) return true;
    if (result == SQLITE_DONE) return false;
    throw SQLite::Exception(db_, result);
  }

  std::int64_t int_at(int i) const { return sqlite3_column_int64(statement_, i); }
  bool is_null(int i) const { return sqlite3_column_type(statement_, i) == SQLITE_NULL; }
  // The column's text without a copy, valid until the next step; empty for NULL.
  std::string_view text_view_at(int i) const {
    const auto* text = reinterpret_cast<const char*>(
        sqlite3_column_text(statement_, i));  // before the bytes, as SQLite advises
    return text ? std::string_view(text, static_cast<std::size_t>(sqlite3_column_bytes(statement_, i)))
                : std::string_view();
  }
  const char* column_name(int i) const { return sqlite3_column_name(statement_, i); }

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

inline std::int64_t int_at(const RowCursor& row, int i) { return row.int_at(i); }
inline std::string_view text_view_at(const RowCursor& row, int i) { return row.text_view_at(i); }
inline std::string text_at(const RowCursor& row, int i) { return std::string(row.text_view_at(i)); }
// The column's text, shared with every equal text read through `pool`.
inline Text text_at(const RowCursor& row, int i, TextPool& pool) { return pool.intern(row.text_view_at(i)); }
inline bool is_null_at(const RowCursor& row, int i) { return row.is_null(i); }
inline Date date_at(const RowCursor& row, int i) {
  const std::string_view text = row.text_view_at(i);
  try {
    return parse_iso_date(text);
  } catch (const ValidationError&) {
    return parse_iso_date(text, row.column_name(i));  // fails again, naming the column
  }
}
inline std::optional<Date> optional_date_at(const RowCursor& row, int i) {
  if (row.is_null(i)) return std::nullopt;
  return date_at(row, i);
}
template <class IdT>
std::optional<IdT> optional_id_at(const RowCursor& row, int i) {
  if (row.is_null(i)) return std::nullopt;
  return IdT(row.int_at(i));
}
template <class E>
E enum_at(const RowCursor& row, int i) {
  return parse<E>(row.text_view_at(i));
}

}  // namespace plansight::detail
