// Positions of rows by id, for the plan's tables and the schedule's arrays.
// A plan's ids are usually dense (1, 2, 3... as the plan assigns them, or as
// a source system numbered them), so the index is a direct table from id to
// position while the ids stay within twice the row count (plus a margin):
// 4 bytes a row and one memory access a lookup, where a hash map costs a
// node allocation a row and a division and two dependent loads a lookup.
// Once an id falls outside that span, it becomes a hash map for good.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <unordered_map>
#include <vector>

namespace plansight::detail {

template <class IdT>
class PositionIndex {
 public:
  PositionIndex() = default;
  // The index of a whole list: ids[i] at position i (ids distinct).
  explicit PositionIndex(const std::vector<IdT>& ids) {
    for (std::size_t i = 0; i < ids.size(); ++i) insert(ids[i], i);
  }

  // The position of `id`, or -1 when no row has it (any id, however far).
  std::int32_t find(IdT id) const {
    if (sparse_) {
      const auto it = map_.find(id);
      return it == map_.end() ? none : it->second;
    }
    if (id.value() < base_) return none;
    // Unsigned: exact for id >= base_, and no signed overflow for far ids.
    const std::uint64_t at = static_cast<std::uint64_t>(id.value()) - static_cast<std::uint64_t>(base_);
    return at < table_.size() ? table_[static_cast<std::size_t>(at)] : none;
  }

  // Records `id` at `position`; the caller has checked that `id` is new.
  void insert(IdT id, std::size_t position) {
    if (position >= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()))
      throw std::length_error("more than 2^31 - 1 rows of one kind");
    const auto at = static_cast<std::int32_t>(position);
    ++count_;
    if (!sparse_ && !place(id.value())) make_sparse(count_);
    if (sparse_)
      map_.emplace(id, at);
    else
      table_[static_cast<std::size_t>(id.value() - base_)] = at;
  }

 private:
  static constexpr std::int32_t none = -1;

  static bool fits(std::int64_t span, std::size_t rows) {
    return span >= 0 && span < 2 * static_cast<std::int64_t>(rows) + 1024;
  }
  // Ids a table holds: 0 to 2^62, so that no arithmetic on them overflows.
  static bool tabulable(std::int64_t value) { return value >= 0 && value <= (std::int64_t{1} << 62); }

  // Widens the table to hold `value`; false when that would make it sparse.
  bool place(std::int64_t value) {
    if (!tabulable(value)) return false;
    if (table_.empty()) {
      base_ = value;
      table_.assign(1, none);
      return true;
    }
    const auto end = base_ + static_cast<std::int64_t>(table_.size());
    if (value >= base_ && value < end) return true;
    std::int64_t lo = std::min(base_, value);
    const std::int64_t hi = std::max(end - 1, value);
    if (!fits(hi - lo, count_)) return false;
    if (lo < base_) {
      // Room before the lowest id grows geometrically too (down to id 0), so
      // that ids added in descending order stay amortised constant.
      const auto room = base_ - static_cast<std::int64_t>(table_.size());
      const std::int64_t roomy = std::max<std::int64_t>(0, std::min(lo, room));
      if (fits(hi - roomy, count_)) lo = roomy;
      table_.insert(table_.begin(), static_cast<std::size_t>(base_ - lo), none);
      base_ = lo;
    }
    // resize grows the capacity geometrically, so appending ids one by one
    // stays amortised constant.
    const auto span = static_cast<std::size_t>(hi - lo + 1);
    if (span > table_.size()) table_.resize(span, none);
    return true;
  }

  void make_sparse(std::size_t expected) {
    map_.reserve(expected);
    for (std::size_t i = 0; i < table_.size(); ++i)
      if (table_[i] != none) map_.emplace(IdT(base_ + static_cast<std::int64_t>(i)), table_[i]);
    table_ = {};
    sparse_ = true;
  }

  bool sparse_ = false;
  std::int64_t base_ = 0;
  std::vector<std::int32_t> table_;  // position of id base_ + i, or none
  std::unordered_map<IdT, std::int32_t> map_;
  std::size_t count_ = 0;
};

// The ids of a list of rows, in its order: what a PositionIndex is built from.
template <class Rows>
auto ids_of(const Rows& rows) {
  std::vector<decltype(rows.front().id)> ids;
  ids.reserve(rows.size());
  for (const auto& r : rows) ids.push_back(r.id);
  return ids;
}

}  // namespace plansight::detail
