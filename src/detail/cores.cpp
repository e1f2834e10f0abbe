#include "detail/cores.hpp"

#include <algorithm>
#include <thread>

#if defined(__linux__)
#include <sched.h>
#endif

namespace plansight::detail {

unsigned usable_cores() {
#if defined(__linux__)
  cpu_set_t allowed;
  CPU_ZERO(&allowed);
  // Fails (EINVAL) only on machines of more than CPU_SETSIZE (1024) cores.
  if (sched_getaffinity(0, sizeof allowed, &allowed) == 0)
    return std::max(1U, static_cast<unsigned>(CPU_COUNT(&allowed)));
#endif
  return std::max(1U, std::thread::hardware_concurrency());
}

}  // namespace plansight::detail
