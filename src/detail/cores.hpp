// How many cores this process may use, for choosing how many helper threads
// to ask for.
#pragma once

namespace plansight::detail {

// The cores the calling thread may run on: the count of its CPU affinity
// mask where the system tells it (Linux; a container or `taskset` limited
// to some cores counts those only), else std::thread::hardware_concurrency();
// never less than 1. A CPU quota (a cgroup's cpu.max) is not seen.
unsigned usable_cores();

}  // namespace plansight::detail
