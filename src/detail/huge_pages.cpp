#include "detail/huge_pages.hpp"

#include <cstdint>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace plansight::detail {

#if defined(__linux__) && defined(MADV_HUGEPAGE)

namespace {

std::uintptr_t round_up(std::uintptr_t value, std::uintptr_t to) { return (value + to - 1) / to * to; }

// What a block of `bytes` occupies: whole huge pages.
std::size_t mapped_length(std::size_t bytes) { return round_up(bytes, huge_page_bytes); }

// Blocks malloc maps from the kernel itself, whatever it has learnt.
constexpr std::size_t malloc_maps_from = std::size_t{32} << 20;

}  // namespace

void* map_huge(std::size_t bytes) {
  if (bytes > static_cast<std::size_t>(-1) - 2 * huge_page_bytes)
    throw std::bad_alloc();  // no room to round up
  const std::size_t length = mapped_length(bytes);
  // One huge page more than needed, so that an aligned run lies within; the
  // ends outside it are given back at once.
  void* raw =
      mmap(nullptr, length + huge_page_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<std::uintptr_t>(raw);
  const auto aligned = round_up(start, huge_page_bytes);
  if (aligned > start) munmap(raw, aligned - start);
  const auto end = start + length + huge_page_bytes;
  if (end > aligned + length) munmap(reinterpret_cast<void*>(aligned + length), end - (aligned + length));
  madvise(reinterpret_cast<void*>(aligned), length, MADV_HUGEPAGE);  // a hint: refused is fine
  return reinterpret_cast<void*>(aligned);
}

void unmap_huge(void* block, std::size_t bytes) noexcept { munmap(block, mapped_length(bytes)); }

void advise_huge_pages(void* block, std::size_t bytes) noexcept {
  if (bytes < malloc_maps_from) return;
  const auto start = round_up(reinterpret_cast<std::uintptr_t>(block), huge_page_bytes);
  const auto end = (reinterpret_cast<std::uintptr_t>(block) + bytes) / huge_page_bytes * huge_page_bytes;
  if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
}

void populate_pages(const void* block, std::size_t bytes) noexcept {
#if defined(MADV_POPULATE_WRITE)
  const std::uintptr_t page = 4096;
  const auto start = round_up(reinterpret_cast<std::uintptr_t>(block), page);
  const auto end = (reinterpret_cast<std::uintptr_t>(block) + bytes) / page * page;
  if (end > start) madvise(reinterpret_cast<void*>(start), end - start, MADV_POPULATE_WRITE);
#else
  (void)block;
  (void)bytes;
#endif
}

#else

// Aligned on a huge page as on Linux, so that any element type is aligned.
void* map_huge(std::size_t bytes) { return ::operator new(bytes, std::align_val_t(huge_page_bytes)); }
void unmap_huge(void* block, std::size_t) noexcept {
  ::operator delete(block, std::align_val_t(huge_page_bytes));
}
void advise_huge_pages(void*, std::size_t) noexcept {}
void populate_pages(const void*, std::size_t) noexcept {}

#endif

void release_free_heap_pages() noexcept {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace plansight::detail
