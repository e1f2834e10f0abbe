// The pieces every numpy column is built from, so that bulk data crosses
// into Python as arrays (one per field) and never as one object per row:
// dates as datetime64[D] (NaT for none), texts and enums as int32 codes into
// a list of names, the form pandas.Categorical.from_codes takes (-1: missing).
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "bindings.hpp"
#include "plansight/rules.hpp"

namespace plansight::python {

// numpy's NaT in a datetime64 array.
inline constexpr std::int64_t not_a_time = std::numeric_limits<std::int64_t>::min();

// Days since 1970-01-01, as datetime64[D] holds them; NaT for a not-a-date.
std::int64_t days_since_epoch(Date d);
std::int64_t days_since_epoch(const std::optional<Date>& d);

// A datetime64[D] array of n days, and its data for filling.
py::array day_column(std::size_t n);
std::int64_t* days_of(py::array& column);

// Id columns hold -1 where there is none.
template <class IdType>
std::int64_t id_or_missing(const std::optional<IdType>& id) {
  return id ? id->value() : -1;
}

// A text column as codes into its distinct values, in first-seen order.
class TextColumn {
 public:
  explicit TextColumn(std::size_t n);
  void set(std::size_t row, std::string_view text);
  // Empty text is missing: a note or lead never given.
  void set_or_missing(std::size_t row, std::string_view text);
  void set_missing(std::size_t row);
  // For a text that an entity's id determines (an audit's title, an owner's
  // name): looks the text up once per key. text_of() gives the text.
  template <class TextOf>
  void set_by_key(std::size_t row, std::int64_t key, TextOf text_of) {
    auto [it, added] = by_key_.try_emplace(key, 0);
    if (added) it->second = code_of(text_of());
    data_[row] = it->second;
  }
  // Adds `codes` under `name` and the values under name + "_categories".
  void add_to(ColumnDict& columns, const char* name) const;

 private:
  std::int32_t code_of(std::string_view text);

  py::array_t<std::int32_t> codes_;
  std::int32_t* data_;
  // Transparent, so that looking up a value already seen allocates nothing.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
      return std::hash<std::string_view>{}(text);
    }
  };
  std::unordered_map<std::string, std::int32_t, Hash, std::equal_to<>> index_;
  std::vector<std::string_view> values_;  // the keys of index_, which never move
  std::unordered_map<std::int64_t, std::int32_t> by_key_;
};

// An enum column as int8 codes in declaration order (-1: missing).
template <class E>
class EnumColumn {
 public:
  explicit EnumColumn(std::size_t n) : codes_(static_cast<py::ssize_t>(n)), data_(codes_.mutable_data()) {}
  void set(std::size_t row, E value) { data_[row] = static_cast<std::int8_t>(value); }
  void set(std::size_t row, const std::optional<E>& value) {
    data_[row] = value ? static_cast<std::int8_t>(*value) : std::int8_t{-1};
  }
  void add_to(ColumnDict& columns, const char* name) const {
    columns[name] = codes_;
    py::list names;
    for (auto n : EnumNames<E>::values) names.append(py::str(n.data(), n.size()));
    columns[py::str(std::string(name) + "_categories")] = names;
  }

 private:
  py::array_t<std::int8_t> codes_;
  std::int8_t* data_;
};

// A plain numeric or bool column and its data.
template <class T>
struct ValueColumn {
  explicit ValueColumn(std::size_t n) : array(static_cast<py::ssize_t>(n)), data(array.mutable_data()) {}
  py::array_t<T> array;
  T* data;
};

// The columns bound on Plan and RuleReport (columns.cpp, table_columns.cpp).
ColumnDict update_columns(const Plan& plan, std::optional<Date> as_of);
ColumnDict finding_columns(const Plan& plan);
ColumnDict grading_columns(const Plan& plan, std::optional<AuditId> audit);
ColumnDict review_outcome_columns(const Plan& plan);
ColumnDict theme_occurrence_columns(const Plan& plan);
ColumnDict rule_result_columns(const RuleReport& report);

}  // namespace plansight::python
