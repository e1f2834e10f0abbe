// The allocator behind the schedule's per-action arrays (src/detail/huge_pages.hpp,
// private to the library): blocks of 2 MiB or more come mapped for huge
// pages, smaller ones from operator new, and a vector keeps its contents as
// it grows or shrinks across that line.
#include "detail/huge_pages.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <numeric>
#include <vector>

using plansight::detail::BigVector;
using plansight::detail::huge_page_bytes;

namespace {

// Every element equal to its index.
template <class V>
bool counts_up(const V& v) {
  for (std::size_t i = 0; i < v.size(); ++i)
    if (v[i] != static_cast<typename V::value_type>(i)) return false;
  return true;
}

}  // namespace

TEST_CASE("a big vector keeps its contents across the huge-page line, both ways") {
  const std::size_t line = huge_page_bytes / sizeof(std::int32_t);
  BigVector<std::int32_t> v;
  for (std::size_t i = 0; i < 3 * line + 7; ++i)
    v.push_back(static_cast<std::int32_t>(i));  // grows across it
  CHECK(v.size() == 3 * line + 7);
  CHECK(counts_up(v));
  // Mapped on a huge-page boundary.
  CHECK(reinterpret_cast<std::uintptr_t>(v.data()) % huge_page_bytes == 0);
  v.resize(line / 4);
  v.shrink_to_fit();  // back below the line: from operator new again
  CHECK(v.capacity() < line);
  CHECK(counts_up(v));
  BigVector<std::int32_t> copy = v;
  copy.resize(2 * line);
  std::iota(copy.begin(), copy.end(), 0);
  CHECK(counts_up(copy));
}

TEST_CASE("a big vector's block of exactly one huge page, and of an odd size above it") {
  for (const std::size_t bytes : {huge_page_bytes, huge_page_bytes + 12, 5 * huge_page_bytes - 4}) {
    CAPTURE(bytes);
    BigVector<std::int32_t> v(bytes / sizeof(std::int32_t));
    std::iota(v.begin(), v.end(), 0);
    CHECK(counts_up(v));
    CHECK(v.back() == static_cast<std::int32_t>(v.size() - 1));
  }
}

TEST_CASE("huge pages advised on a large plain vector leave it as it was") {
  std::vector<std::int64_t> v;
  v.reserve((std::size_t{40} << 20) / sizeof(std::int64_t) + 3);  // above what malloc maps itself
  plansight::detail::advise_huge_pages(v.data(), v.capacity() * sizeof(std::int64_t));
  v.resize(v.capacity());
  std::iota(v.begin(), v.end(), 0);
  CHECK(counts_up(v));
  // Small blocks and the empty vector's null data are left alone.
  std::vector<int> small(100, 1);
  plansight::detail::advise_huge_pages(small.data(), small.size() * sizeof(int));
  plansight::detail::advise_huge_pages(nullptr, 0);
  CHECK(small[99] == 1);
}

TEST_CASE("pages populated ahead in a vector's reserved room change nothing in it") {
  std::vector<std::int64_t> v{1, 2, 3};
  v.reserve(3 * 4096);
  const auto* room = v.data() + v.size();
  plansight::detail::populate_pages(room, (v.capacity() - v.size()) * sizeof(std::int64_t));
  plansight::detail::populate_pages(nullptr, 0);
  CHECK(v == std::vector<std::int64_t>{1, 2, 3});
  v.resize(v.capacity());
  std::iota(v.begin() + 3, v.end(), 3);
  CHECK(v[0] == 1);
  CHECK(v.back() == static_cast<std::int64_t>(v.size() - 1));
}

TEST_CASE("free heap pages given back leave every live block as it was") {
  std::vector<std::vector<std::int64_t>> blocks;
  for (int i = 0; i < 64; ++i) blocks.emplace_back(4096, i);
  for (std::size_t i = 0; i < blocks.size(); i += 2) blocks[i] = {};  // every other block freed
  plansight::detail::release_free_heap_pages();
  for (std::size_t i = 1; i < blocks.size(); i += 2) {
    CHECK(blocks[i].size() == 4096);
    CHECK(blocks[i].front() == static_cast<std::int64_t>(i));
    CHECK(blocks[i].back() == static_cast<std::int64_t>(i));
  }
}
