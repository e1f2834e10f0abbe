// Rows of many owners (an action's updates, its prerequisites) in one array,
// each owner's rows together and in the order given, found by a (first,
// count) pair: 8 bytes an owner and the rows themselves, where a std::vector
// per owner costs 24 bytes, a heap block with its 16-byte header, and a
// cache miss to reach it. A store's load appends each owner's rows in turn,
// so they come out packed. Appending to an owner whose rows are not the
// last ones moves them to the end first; the room they leave is reclaimed
// (by moves, erasures or an owner removed) when it comes to half the array,
// so rows never take more than twice their own room however changes
// interleave, and each row is moved O(1) times on average.
#pragma once

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <new>
#include <span>
#include <stdexcept>
#include <type_traits>
#include <vector>

namespace plansight::detail {

template <class Row>
class Slab {
  static_assert(std::is_nothrow_copy_constructible_v<Row> && std::is_nothrow_copy_assignable_v<Row>);

 public:
  // Owners are numbered from 0 in the order added.
  std::size_t owner_count() const { return spans_.size(); }
  // Rows held, the owners' together (not counting the room left by moves).
  std::size_t row_count() const { return rows_.size() - unused_; }
  // Rows and room in the array, the room left by moves included.
  std::size_t array_size() const { return rows_.size(); }

  std::span<const Row> rows(std::size_t owner) const {
    const Span s = spans_[owner];
    return {rows_.data() + s.first, s.count};
  }

  // An owner with no rows yet.
  void add_owner() { spans_.push_back({}); }
  // Undoes the add_owner() just made.
  void remove_last_owner() noexcept {
    unused_ += spans_.back().count;
    spans_.pop_back();
    reclaim_room();
  }
  // Room for that many owners and rows in all, so that adding them moves none.
  void reserve(std::size_t owners, std::size_t rows) {
    spans_.reserve(owners);
    rows_.reserve(rows);
  }

  // Adds `row` after the owner's last. Strong guarantee: on an exception
  // (out of memory, more rows than 32-bit positions count) nothing changed.
  void append(std::size_t owner, const Row& row) {
    Span& s = spans_[owner];
    if (s.count != 0 && s.first + s.count == rows_.size()) {  // last in the array: grows in place
      rows_.push_back(row);
      ++s.count;
      return;
    }
    require_room(s.count + 1);
    // The owner's rows move to the end, the new one after them. Room first,
    // so that nothing below can fail (rows copy without throwing).
    const std::size_t needed = rows_.size() + s.count + 1;
    if (needed > rows_.capacity()) rows_.reserve(std::max(2 * rows_.capacity(), needed));
    const std::size_t first = rows_.size();
    for (std::size_t i = 0; i < s.count; ++i) rows_.push_back(rows_[s.first + i]);
    rows_.push_back(row);
    unused_ += s.count;
    s = {static_cast<std::uint32_t>(first), s.count + 1};
    reclaim_room();
  }

  // Takes out the owner's row at `index` (the rows after it keep their order).
  void erase(std::size_t owner, std::size_t index) {
    Span& s = spans_[owner];
    assert(index < s.count);
    const auto at = rows_.begin() + s.first + static_cast<std::ptrdiff_t>(index);
    std::move(at + 1, rows_.begin() + s.first + s.count, at);
    --s.count;
    ++unused_;
    reclaim_room();
  }
  void pop_back(std::size_t owner) { erase(owner, spans_[owner].count - 1); }

 private:
  struct Span {
    std::uint32_t first = 0;
    std::uint32_t count = 0;
  };

  void require_room(std::size_t count) const {
    // Positions are 32-bit: the array with the moved rows must fit them.
    if (rows_.size() + count > std::numeric_limits<std::uint32_t>::max())
      throw std::length_error("more rows than a plan's table holds (2^32)");
  }

  // Once half the array is room no owner's rows cover, packs every owner's
  // rows in owner order; leaves them as they are when there is no memory
  // for it (the rows read the same either way).
  void reclaim_room() noexcept {
    if (unused_ <= rows_.size() / 2) return;
    try {
      compact();
    } catch (const std::bad_alloc&) {
    }
  }
  void compact() {
    std::vector<Row> packed;
    packed.reserve(row_count() + row_count() / 2);
    std::vector<Span> spans = spans_;
    for (Span& s : spans) {
      const auto first = static_cast<std::uint32_t>(packed.size());
      packed.insert(packed.end(), rows_.begin() + s.first, rows_.begin() + s.first + s.count);
      s.first = first;
    }
    rows_.swap(packed);
    spans_.swap(spans);
    unused_ = 0;
  }

  std::vector<Span> spans_;
  std::vector<Row> rows_;
  std::size_t unused_ = 0;  // rows in rows_ no owner's span covers
};

}  // namespace plansight::detail
