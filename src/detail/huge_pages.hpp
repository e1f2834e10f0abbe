// Large arrays a whole-plan computation fills and drops (the schedule's, a
// few megabytes each at 10^6 actions), backed by transparent huge pages
// where the system offers them. Fresh memory costs a page fault per page
// touched: filling 100 MB in 4 KiB pages was a third of a schedule's time at
// 10^6 actions, and 2 MiB pages take 512 times fewer faults. Elsewhere, and
// for small arrays, plain operator new.
#pragma once

#include <cstddef>
#include <new>
#include <vector>

namespace plansight::detail {

// Blocks of at least this many bytes are mapped for huge pages.
inline constexpr std::size_t huge_page_bytes = std::size_t{2} << 20;

// A block of `bytes` (>= huge_page_bytes) aligned on a huge page, mapped
// straight from the kernel and marked for huge pages; std::bad_alloc when
// it cannot be had. Freed by unmap_huge with the same size.
void* map_huge(std::size_t bytes);
void unmap_huge(void* block, std::size_t bytes) noexcept;

// Asks for huge pages behind the aligned whole huge pages within a block
// that is not yet touched; a hint only, nothing when refused. Given only for
// blocks of 32 MiB or more, which glibc's malloc maps from the kernel and
// unmaps on free (its mmap threshold grows to 32 MiB at most by itself), so
// that the hint goes with the block. A program that sets a higher threshold
// itself, or another allocator, may have the block in its heap: the hint
// then stays on that range of it after the block is freed (memory later
// reused may be backed by huge pages; nothing else changes).
void advise_huge_pages(void* block, std::size_t bytes) noexcept;

// Has the kernel map the whole pages within a block now, ready to be
// written, as a first write to each would: from a thread with time to
// spare, for a block another is about to fill. A hint only (Linux 5.14 and
// later), nothing when refused; the block's contents do not change.
void populate_pages(const void* block, std::size_t bytes) noexcept;

// Gives the kernel back the whole pages glibc malloc's heaps hold free;
// elsewhere nothing. For after a bulk read: its rows, dropped once the plan
// holds them, leave tens of megabytes free but resident in the heap, which
// the plan's columns (large blocks of their own) never reuse.
void release_free_heap_pages() noexcept;

template <class T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <class U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

  T* allocate(std::size_t n) {
    if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
    const std::size_t bytes = n * sizeof(T);
    if (bytes >= huge_page_bytes) return static_cast<T*>(map_huge(bytes));
    return static_cast<T*>(::operator new(bytes, std::align_val_t(alignof(T))));
  }
  void deallocate(T* p, std::size_t n) noexcept {
    const std::size_t bytes = n * sizeof(T);
    if (bytes >= huge_page_bytes)
      unmap_huge(p, bytes);
    else
      ::operator delete(p, std::align_val_t(alignof(T)));
  }

  template <class U>
  friend bool operator==(const HugePageAllocator&, const HugePageAllocator<U>&) noexcept {
    return true;
  }
};

template <class T>
using BigVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace plansight::detail
