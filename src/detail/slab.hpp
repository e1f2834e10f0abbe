// Rows of many owners (an action's updates, its prerequisites) in one array,
// each owner's rows together and in the order given, found by a (first,
// count, capacity) triple: 12 bytes an owner and the rows themselves, where a
// std::vector per owner costs 24 bytes, a heap block with its 16-byte header,
// and a cache miss to reach it.
//
// An owner's rows grow in place while it has room: while it is the last in
// the array (a store's load appends each owner's rows in turn, so they come
// out packed, with no room to spare), or within the room a move left it.
// Appending to a full owner that is not last moves its rows to the end with
// room for as many again, so an owner that keeps growing among others (a
// sign-off action whose prerequisites come interleaved with everyone else's)
// moves O(log n) times, and each row is copied O(1) times on average. The
// holes moves leave are reclaimed when they come to half the array.
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
  // Rows held, the owners' together.
  std::size_t row_count() const { return held_; }
  // The array's length: rows, owners' spare room and holes left by moves.
  std::size_t array_size() const { return rows_.size(); }
  // Rows copied by moves and packing so far: for tests that the copying
  // stays in proportion to the appends.
  std::size_t rows_copied() const { return copied_; }

  std::span<const Row> rows(std::size_t owner) const {
    const Span s = spans_[owner];
    return {rows_.data() + s.first, s.count};
  }

  // An owner with no rows yet.
  void add_owner() { spans_.push_back({}); }
  // Room for one more owner, so that add_owner() cannot fail.
  void room_for_one_more_owner() {
    if (spans_.size() == spans_.capacity()) spans_.reserve(std::max<std::size_t>(1, 2 * spans_.capacity()));
  }
  // Undoes the add_owner() just made, rows and all.
  void remove_last_owner() noexcept {
    const Span s = spans_.back();
    held_ -= s.count;
    if (s.capacity != 0 && s.first + s.capacity == rows_.size())
      rows_.resize(s.first);  // its rows were last: gone with it
    else
      holes_ += s.capacity;
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
    if (s.count < s.capacity) {  // room of its own
      rows_[s.first + s.count] = row;
      ++s.count;
      ++held_;
      return;
    }
    require_room(1);
    if (s.capacity != 0 && s.first + s.capacity == rows_.size()) {  // last in the array
      rows_.push_back(row);
      ++s.count;
      ++s.capacity;
      ++held_;
      return;
    }
    // Moves to the end with room for as many again (one, for a first row).
    const std::size_t room = s.count == 0 ? 1 : 2 * std::size_t{s.count};
    require_room(room);
    const Row spare{};  // what the room holds until used; made before anything changes
    const std::size_t first = rows_.size();
    // Room first, so that nothing below can fail.
    if (first + room > rows_.capacity()) rows_.reserve(std::max(2 * rows_.capacity(), first + room));
    for (std::size_t i = 0; i < s.count; ++i) rows_.push_back(rows_[s.first + i]);
    rows_.push_back(row);
    rows_.resize(first + room, spare);
    copied_ += s.count;
    holes_ += s.capacity;
    s = {static_cast<std::uint32_t>(first), s.count + 1, static_cast<std::uint32_t>(room)};
    ++held_;
    reclaim_room();
  }

  // Adds `more` after the owner's last, all or none of them.
  void append_all(std::size_t owner, std::span<const Row> more) {
    if (more.empty()) return;
    make_room(owner, more.size());
    for (const Row& row : more) append(owner, row);  // each in room made: none fails
  }

  // Takes out the owner's row at `index` (the rows after it keep their
  // order; the owner keeps the room).
  void erase(std::size_t owner, std::size_t index) noexcept {
    Span& s = spans_[owner];
    assert(index < s.count);
    const auto at = rows_.begin() + s.first + static_cast<std::ptrdiff_t>(index);
    std::move(at + 1, rows_.begin() + s.first + s.count, at);
    --s.count;
    --held_;
  }
  void pop_back(std::size_t owner) noexcept { erase(owner, spans_[owner].count - 1); }

 private:
  struct Span {
    std::uint32_t first = 0;
    std::uint32_t count = 0;
    std::uint32_t capacity = 0;  // rows from first on that are the owner's
  };

  // Has the owner take `n` more rows without another allocation, so that
  // appending them cannot fail.
  void make_room(std::size_t owner, std::size_t n) {
    Span& s = spans_[owner];
    if (s.count + n <= s.capacity) return;
    if (s.capacity != 0 && s.first + s.capacity == rows_.size()) {  // last: grows by push_back
      const std::size_t more = s.count + n - s.capacity;
      require_room(more);
      if (rows_.size() + more > rows_.capacity())
        rows_.reserve(std::max(2 * rows_.capacity(), rows_.size() + more));
      return;
    }
    const std::size_t room = std::max<std::size_t>(2 * std::size_t{s.count}, s.count + n);
    require_room(room);
    const Row spare{};
    const std::size_t first = rows_.size();
    if (first + room > rows_.capacity()) rows_.reserve(std::max(2 * rows_.capacity(), first + room));
    for (std::size_t i = 0; i < s.count; ++i) rows_.push_back(rows_[s.first + i]);
    rows_.resize(first + room, spare);
    copied_ += s.count;
    holes_ += s.capacity;
    s = {static_cast<std::uint32_t>(first), s.count, static_cast<std::uint32_t>(room)};
    reclaim_room();
  }

  void require_room(std::size_t more) const {
    // Positions are 32-bit: the array with the new rows must fit them.
    if (rows_.size() + more > std::numeric_limits<std::uint32_t>::max())
      throw std::length_error("more rows than a plan's table holds (2^32)");
  }

  // Once half the array is holes, packs every owner's rows in owner order,
  // each with no room to spare; leaves them as they are when there is no
  // memory for it (the rows read the same either way).
  void reclaim_room() noexcept {
    if (holes_ <= rows_.size() / 2) return;
    try {
      compact();
    } catch (const std::bad_alloc&) {
    }
  }
  void compact() {
    std::vector<Row> packed;
    packed.reserve(held_ + held_ / 2);
    std::vector<Span> spans = spans_;
    for (Span& s : spans) {
      const auto first = static_cast<std::uint32_t>(packed.size());
      packed.insert(packed.end(), rows_.begin() + s.first, rows_.begin() + s.first + s.count);
      s = {first, s.count, s.count};
    }
    copied_ += held_;
    rows_.swap(packed);
    spans_.swap(spans);
    holes_ = 0;
  }

  std::vector<Span> spans_;
  std::vector<Row> rows_;
  std::size_t held_ = 0;    // rows the owners hold
  std::size_t holes_ = 0;   // rows in rows_ no owner's span reaches (left by moves)
  std::size_t copied_ = 0;  // see rows_copied()
};

}  // namespace plansight::detail
