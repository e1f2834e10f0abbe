// How many cores the process may use (src/detail/cores.hpp): the affinity
// mask's count, which a container or taskset narrows.
#include "detail/cores.hpp"

#include <doctest/doctest.h>

#include <thread>

#if defined(__linux__)
#include <sched.h>
#endif

using plansight::detail::usable_cores;

TEST_CASE("at least one core, and no more than the machine has") {
  CHECK(usable_cores() >= 1);
  if (const unsigned machine = std::thread::hardware_concurrency(); machine > 0)
    CHECK(usable_cores() <= machine);
}

#if defined(__linux__)
TEST_CASE("a thread limited to one core counts one, and all it may use once the limit is lifted") {
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  REQUIRE(sched_getaffinity(0, sizeof allowed, &allowed) == 0);
  CHECK(usable_cores() == static_cast<unsigned>(CPU_COUNT(&allowed)));
  int first = 0;
  while (!CPU_ISSET(first, &allowed)) ++first;
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(first, &one);
  REQUIRE(sched_setaffinity(0, sizeof one, &one) == 0);
  const unsigned limited = usable_cores();
  REQUIRE(sched_setaffinity(0, sizeof allowed, &allowed) == 0);
  CHECK(limited == 1);
  CHECK(usable_cores() == static_cast<unsigned>(CPU_COUNT(&allowed)));
}
#endif
