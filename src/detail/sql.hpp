// Binding model values to SQLite statements and reading them back
// (private to the store).
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>

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

inline std::int64_t int_at(const SQLite::Statement& s, int i) { return s.getColumn(i).getInt64(); }
inline std::string text_at(const SQLite::Statement& s, int i) { return s.getColumn(i).getString(); }
// The column's text without a copy, valid until the statement steps; empty for NULL.
inline std::string_view text_view_at(const SQLite::Statement& s, int i) {
  const SQLite::Column column = s.getColumn(i);
  const char* text = column.getText();  // before getBytes, as SQLite advises
  return {text, static_cast<std::size_t>(column.getBytes())};
}
inline Date date_at(const SQLite::Statement& s, int i) {
  const std::string_view text = text_view_at(s, i);
  try {
    return parse_iso_date(text);
  } catch (const ValidationError&) {
    return parse_iso_date(text, s.getColumnName(i));  // fails again, naming the column
  }
}
inline std::optional<Date> optional_date_at(const SQLite::Statement& s, int i) {
  if (s.getColumn(i).isNull()) return std::nullopt;
  return date_at(s, i);
}
template <class IdT>
std::optional<IdT> optional_id_at(const SQLite::Statement& s, int i) {
  if (s.getColumn(i).isNull()) return std::nullopt;
  return IdT(int_at(s, i));
}
template <class E>
E enum_at(const SQLite::Statement& s, int i) {
  return parse<E>(text_view_at(s, i));
}

}  // namespace plansight::detail
