// Binding model values to SQLite statements and reading them back
// (private to the store).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "plansight/dates.hpp"
#include "plansight/enums.hpp"
#include "plansight/model.hpp"

namespace plansight::detail {

inline void bind_value(SQLite::Statement& s, int i, std::int64_t v) { s.bind(i, static_cast<int64_t>(v)); }
inline void bind_value(SQLite::Statement& s, int i, int v) { s.bind(i, v); }
inline void bind_value(SQLite::Statement& s, int i, bool v) { s.bind(i, v ? 1 : 0); }
inline void bind_value(SQLite::Statement& s, int i, const std::string& v) { s.bind(i, v); }
inline void bind_value(SQLite::Statement& s, int i, std::string_view v) { s.bind(i, std::string(v)); }
inline void bind_value(SQLite::Statement& s, int i, const char* v) { s.bind(i, v); }
inline void bind_value(SQLite::Statement& s, int i, Date d) { s.bind(i, to_iso(d)); }
template <class Tag>
void bind_value(SQLite::Statement& s, int i, Id<Tag> id) {
  s.bind(i, static_cast<int64_t>(id.value()));
}
template <class E, class = std::enable_if_t<std::is_enum_v<E>>>
void bind_value(SQLite::Statement& s, int i, E e) {
  s.bind(i, to_string(e));
}
template <class T>
void bind_value(SQLite::Statement& s, int i, const std::optional<T>& v) {
  if (v)
    bind_value(s, i, *v);
  else
    s.bind(i);
}

// Binds the values to parameters 1..n, runs the statement and resets it,
// also when it fails: a cached statement left mid-step refuses every later
// bind.
template <class... Ts>
void run(SQLite::Statement& s, const Ts&... values) {
  try {
    int i = 0;
    (bind_value(s, ++i, values), ...);
    s.exec();
  } catch (...) {
    s.tryReset();
    s.clearBindings();
    throw;
  }
  s.reset();
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
