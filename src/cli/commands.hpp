// The plansight command: parses a command line and runs one subcommand
// (import, export, status, summary, schedule, slip, graph, blocked, depends, report,
// check).
// Output goes to the streams given, so main() and tests share one entry
// point; nothing here reads the clock.
#pragma once

#include <iosfwd>
#include <string_view>
#include <vector>

namespace plansight::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_usage = 1;   // unknown command or option, missing or bad argument
inline constexpr int exit_data = 2;    // the data or the store refused (any plansight::Error)
inline constexpr int exit_breach = 3;  // plansight check found at least one breach

// Runs `plansight <args...>` (args without the program name) and returns the
// exit code. Errors go to `err` prefixed "plansight: error: ".
int run(const std::vector<std::string_view>& args, std::ostream& out, std::ostream& err);

}  // namespace plansight::cli
