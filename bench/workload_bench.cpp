// Benchmark of WORKLOAD.md Q4 (schedule) and Q5 (slip) on a generated
// workload: reads it with read_workload (no store), times each query several
// times, writes the canonical answer lines (sorted bytewise, each followed
// by "\n") into ANSWERS/q4.txt and q5.txt, and prints one JSON line per
// query with the median seconds and the number of rows. bench/schedule.sh
// digests the answer files and compares them with the reference.
//
//   schedule_bench --workload DIR --answers DIR [--repeat N]
//
// Queries timed:
//   load            read_workload (once; not a query, for scale)
//   Q4              schedule(plan) and every partnership's critical path length
//   Q5              schedule(plan), then slip(slip_action_id, slip_days)
//   Q5-incremental  slip(...) on a plan already scheduled
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "plansight/dates.hpp"
#include "plansight/interchange.hpp"
#include "plansight/schedule.hpp"

namespace fs = std::filesystem;
using namespace plansight;

namespace {

struct Options {
  fs::path workload;
  fs::path answers;
  int repeat = 7;
};

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view name = argv[i];
    if (name == "--workload") o.workload = argv[i + 1];
    else if (name == "--answers") o.answers = argv[i + 1];
    else if (name == "--repeat") o.repeat = std::stoi(argv[i + 1]);
    else throw std::runtime_error("unknown option " + std::string(name));
  }
  if (o.workload.empty() || o.answers.empty() || o.repeat < 1)
    throw std::runtime_error("usage: schedule_bench --workload DIR --answers DIR [--repeat N >= 1]");
  return o;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A number of meta.json, such as "slip_action_id": 394.
long meta_number(const std::string& meta, const std::string& key) {
  const auto at = meta.find("\"" + key + "\": ");
  if (at == std::string::npos) throw std::runtime_error(key + " not in meta.json");
  return std::stol(meta.substr(at + key.size() + 4));
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Runs `query` `repeat` times; returns the median seconds and the last result.
template <class Query>
auto timed(int repeat, Query query, double& median) {
  std::vector<double> seconds;
  auto start = std::chrono::steady_clock::now();
  auto result = query();
  seconds.push_back(seconds_since(start));
  for (int i = 1; i < repeat; ++i) {
    start = std::chrono::steady_clock::now();
    result = query();
    seconds.push_back(seconds_since(start));
  }
  std::sort(seconds.begin(), seconds.end());
  const auto n = seconds.size();
  median = n % 2 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2;
  return result;
}

// Q4's answer: the schedule and each partnership's critical path length.
struct Q4 {
  Schedule schedule;
  std::vector<std::pair<PartnershipId, long>> critical_days;
};

Q4 run_q4(const Plan& plan) {
  Q4 q{schedule(plan), {}};
  q.critical_days.reserve(plan.partnerships().size());
  for (const auto& p : plan.partnerships())
    q.critical_days.emplace_back(p.id, q.schedule.critical_path(p.id).days);
  return q;
}

std::vector<std::string> q4_lines(const Q4& q) {
  std::vector<std::string> lines;
  lines.reserve(q.schedule.actions().size() + q.critical_days.size());
  for (const auto& t : q.schedule.actions())
    lines.push_back("a," + std::to_string(t.id.value()) + "," + to_iso(t.earliest_finish));
  for (const auto& [p, days] : q.critical_days)
    lines.push_back("p," + std::to_string(p.value()) + "," + std::to_string(days));
  return lines;
}

std::vector<std::string> q5_lines(const SlipImpact& impact) {
  std::vector<std::string> lines;
  for (const auto& e : impact.newly_late) lines.push_back(std::to_string(e.action.value()));
  return lines;
}

// Writes the canonical answer: lines sorted bytewise, each followed by "\n".
fs::path write_answer(const fs::path& dir, const std::string& name, std::vector<std::string> lines) {
  std::sort(lines.begin(), lines.end());
  const fs::path path = dir / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (const auto& line : lines) out << line << '\n';
  if (!out) throw std::runtime_error("cannot write " + path.string());
  return path;
}

void print_json(long n, std::string_view query, double median, int runs, std::size_t rows,
                const fs::path& answer) {
  std::printf(
      "{\"n\": %ld, \"query\": \"%.*s\", \"median_s\": %.6f, \"runs\": %d, \"rows\": %zu, \"answer\": \"%s\"}\n",
      n, static_cast<int>(query.size()), query.data(), median, runs, rows, answer.string().c_str());
  std::fflush(stdout);
}

int run(const Options& o) {
  const std::string meta = slurp(o.workload / "meta.json");
  const long n = meta_number(meta, "actions");
  const ActionId slipped(meta_number(meta, "slip_action_id"));
  const int days = static_cast<int>(meta_number(meta, "slip_days"));
  fs::create_directories(o.answers);

  double load_s = 0;
  const Plan plan = timed(1, [&] { return read_workload(o.workload.string(), Plan()).plan; }, load_s);
  print_json(n, "load", load_s, 1, plan.actions().size(), "");

  double q4_s = 0;
  const Q4 q4 = timed(o.repeat, [&] { return run_q4(plan); }, q4_s);
  const auto q4_rows = q4_lines(q4);
  print_json(n, "Q4", q4_s, o.repeat, q4_rows.size(), write_answer(o.answers, "q4.txt", q4_rows));

  double q5_s = 0;
  const SlipImpact full = timed(o.repeat, [&] { return slip(plan, schedule(plan), slipped, days); }, q5_s);
  const auto q5_rows = q5_lines(full);
  print_json(n, "Q5", q5_s, o.repeat, q5_rows.size(), write_answer(o.answers, "q5.txt", q5_rows));

  double incremental_s = 0;
  const SlipImpact incremental =
      timed(o.repeat, [&] { return slip(plan, q4.schedule, slipped, days); }, incremental_s);
  if (q5_lines(incremental) != q5_rows)
    throw std::runtime_error("the incremental slip differs from the full one");
  print_json(n, "Q5-incremental", incremental_s, o.repeat, q5_rows.size(), o.answers / "q5.txt");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse_options(argc, argv));
  } catch (const std::exception& e) {
    std::cerr << "schedule_bench: " << e.what() << '\n';
    return 1;
  }
}
