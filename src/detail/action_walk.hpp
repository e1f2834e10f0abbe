// A walk over plan.actions() that asks the memory system, a few actions
// ahead, for the heap blocks the walk is about to read. Each action's history
// and dependencies sit in blocks of their own, and a walk that waits for them
// one at a time spends most of its time waiting (at 10^6 actions, well over
// half of an as-of query or of the schedule's sweep).
#pragma once

#include <cstddef>
#include <vector>

#include "plansight/plan.hpp"

namespace plansight::detail {

// What a walk reads beyond the Action struct itself.
enum class Reads : unsigned { dependencies = 1, latest_update = 2, both = 3 };

// A hint only: the address is never read through, so any value will do.
inline void prefetch(const void* address) {
#if defined(__GNUC__)
  __builtin_prefetch(address);
#else
  (void)address;
#endif
}

// The fields the walks read lie in an Action's first two cache lines (see
// model.hpp), the two asked for ahead below.
static_assert(alignof(Action) == 64);
static_assert(offsetof(Action, due_revisions) + sizeof(Action::due_revisions) <= 2 * 64);

template <class F>
void for_each_action(const Plan& plan, Reads reads, F f) {
  const std::vector<Action>& actions = action_rows(plan);
  constexpr std::size_t ahead = 16;  // measured: 12 to 24 do equally well
  constexpr std::size_t cache_line = 64;
  const auto wants = [&](Reads r) { return (static_cast<unsigned>(reads) & static_cast<unsigned>(r)) != 0; };
  const bool dependencies = wants(Reads::dependencies), latest_update = wants(Reads::latest_update);
  const std::size_t n = actions.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i + 2 * ahead < n) {
      // The struct itself first, so that its pointers are there to follow
      // below: its first two cache lines, which hold the fields the walks
      // read (model.hpp puts them first and starts the struct on a line;
      // only the owner, read by some, lies in the third). Measured at 10^6,
      // hinting every line those fields touch (three or four) made the
      // walks 10-50 % slower than these two.
      const char* later = reinterpret_cast<const char*>(&actions[i + 2 * ahead]);
      prefetch(later);
      prefetch(later + cache_line);
    }
    if (i + ahead < n) {
      const Action& next = actions[i + ahead];
      if (latest_update && !next.updates.empty()) prefetch(&next.updates.back());
      if (dependencies) prefetch(next.depends_on.data());
    }
    f(actions[i]);
  }
}

}  // namespace plansight::detail
