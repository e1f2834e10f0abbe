// The generated 10,000-action workload of the shared benchmark and its
// reference answers, as the tests read them.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "plansight/dates.hpp"
#include "plansight/interchange.hpp"

namespace plansight::testing {

inline const std::filesystem::path workload_dir = PLANSIGHT_WORKLOAD_DIR;
inline const std::filesystem::path reference_dir =
    std::filesystem::path(PLANSIGHT_REFERENCE_DIR) / "answers-10000";

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in, "cannot read " << path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A value of meta.json as written, such as 394 for "slip_action_id" or
// "2025-03-31" (with its quotes) for "as_of".
inline std::string meta_value(const std::string& key) {
  const auto meta = slurp(workload_dir / "meta.json");
  const auto at = meta.find("\"" + key + "\": ");
  REQUIRE_MESSAGE(at != std::string::npos, key << " not in meta.json");
  const auto from = at + key.size() + 4;
  return meta.substr(from, meta.find_first_of(",\n", from) - from);
}

inline Date workload_as_of() {
  const auto quoted = meta_value("as_of");
  return parse_iso_date(quoted.substr(1, quoted.size() - 2), "as_of");
}

// Read once per test executable.
inline const Plan& workload_plan() {
  static const Plan plan = read_workload(workload_dir.string(), Plan()).plan;
  return plan;
}

inline std::vector<std::string> reference_lines(const std::string& query) {
  std::vector<std::string> lines;
  std::istringstream text(slurp(reference_dir / (query + ".txt")));
  for (std::string line; std::getline(text, line);) lines.push_back(line);
  return lines;
}

inline std::vector<std::string> sorted(std::vector<std::string> lines) {
  std::sort(lines.begin(), lines.end());
  return lines;
}

}  // namespace plansight::testing
