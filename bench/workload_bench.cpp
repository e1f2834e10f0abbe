// The C++ side of bench/run: WORKLOAD.md's Q1-Q5 through the library on a
// generated workload. Each query runs --repeat times; for each it prints one
// JSON line with the median seconds and the number of answer lines, and
// writes the canonical answer (lines sorted bytewise, each followed by "\n")
// to ANSWERS/<query>.txt, which bench/run digests and compares with the
// reference. Writing and sorting the answers is never timed.
//
//   workload_bench import --workload DIR --store FILE --answers DIR [--repeat N]
//       Q1: read_workload, then Store::open + add_all into a new durable
//       store file, history included (the file is removed before each run).
//   workload_bench query --workload DIR --store FILE --answers DIR [--repeat N]
//       load (Store::open of the imported file, the plan made queryable),
//       resident memory after load, then Q2, Q3, Q4, Q5 and Q5-incremental
//       on the loaded plan, as of meta.json's as_of.
//
// The two modes run as separate processes so that the memory figures of the
// query mode are not inflated by the import's peak.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "plansight/dates.hpp"
#include "plansight/interchange.hpp"
#include "plansight/schedule.hpp"
#include "plansight/status.hpp"
#include "plansight/store.hpp"

namespace fs = std::filesystem;
using namespace plansight;

namespace {

struct Options {
  std::string mode;
  fs::path workload;
  fs::path store;
  fs::path answers;
  int repeat = 7;
};

Options parse_options(int argc, char** argv) {
  const char* usage =
      "usage: workload_bench import|query --workload DIR --store FILE --answers DIR [--repeat N >= 1]";
  if (argc < 2) throw std::runtime_error(usage);
  Options o;
  o.mode = argv[1];
  for (int i = 2; i < argc; i += 2) {
    const std::string_view name = argv[i];
    if (i + 1 >= argc) throw std::runtime_error("no value for " + std::string(name));
    if (name == "--workload")
      o.workload = argv[i + 1];
    else if (name == "--store")
      o.store = argv[i + 1];
    else if (name == "--answers")
      o.answers = argv[i + 1];
    else if (name == "--repeat")
      o.repeat = std::stoi(argv[i + 1]);
    else
      throw std::runtime_error("unknown option " + std::string(name));
  }
  if ((o.mode != "import" && o.mode != "query") || o.workload.empty() || o.store.empty() ||
      o.answers.empty() || o.repeat < 1)
    throw std::runtime_error(usage);
  return o;
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The text just after "key": in meta.json (a number, or a quoted string).
std::string meta_value(const std::string& meta, const std::string& key) {
  const auto at = meta.find("\"" + key + "\":");
  if (at == std::string::npos) throw std::runtime_error(key + " not in meta.json");
  auto begin = meta.find_first_not_of(" \"", at + key.size() + 3);
  auto end = meta.find_first_of(",}\"\n", begin);
  return meta.substr(begin, end - begin);
}

struct Workload {
  long actions = 0;
  Date as_of;
  ActionId slipped;
  int slip_days = 0;
};

Workload read_meta(const fs::path& dir) {
  const std::string meta = slurp(dir / "meta.json");
  return {std::stol(meta_value(meta, "actions")), parse_iso_date(meta_value(meta, "as_of")),
          ActionId(std::stol(meta_value(meta, "slip_action_id"))), std::stoi(meta_value(meta, "slip_days"))};
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> seconds) {
  std::sort(seconds.begin(), seconds.end());
  const auto n = seconds.size();
  return n % 2 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2;
}

// Runs `query` `repeat` times (`before` untimed ahead of each run); returns
// the last result and sets `median_s`.
template <class Query, class Before>
auto timed(int repeat, double& median_s, Query query, Before before) {
  std::vector<double> seconds;
  before();
  auto start = std::chrono::steady_clock::now();
  auto result = query();
  seconds.push_back(seconds_since(start));
  for (int i = 1; i < repeat; ++i) {
    before();
    start = std::chrono::steady_clock::now();
    result = query();
    seconds.push_back(seconds_since(start));
  }
  median_s = median(std::move(seconds));
  return result;
}

template <class Query>
auto timed(int repeat, double& median_s, Query query) {
  return timed(repeat, median_s, query, [] {});
}

// Writes the canonical answer: lines sorted bytewise, each followed by "\n".
fs::path write_answer(const fs::path& dir, const std::string& query, std::vector<std::string> lines) {
  std::sort(lines.begin(), lines.end());
  const fs::path path = dir / (query + ".txt");
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (const auto& line : lines) out << line << '\n';
  if (!out) throw std::runtime_error("cannot write " + path.string());
  return path;
}

void print_query(const Workload& w, std::string_view query, double seconds, int runs, std::size_t rows,
                 const fs::path& answer) {
  std::printf(
      "{\"impl\": \"plansight-cpp\", \"n\": %ld, \"query\": \"%.*s\", \"seconds\": %.6f, \"runs\": %d, "
      "\"rows\": %zu, \"answer\": \"%s\"}\n",
      w.actions, static_cast<int>(query.size()), query.data(), seconds, runs, rows, answer.string().c_str());
  std::fflush(stdout);
}

// Writes a timed query's answer and prints its line.
void report(const Options& o, const Workload& w, const std::string& query, double seconds,
            std::vector<std::string> lines) {
  const std::size_t rows = lines.size();
  const fs::path answer = write_answer(o.answers, query, std::move(lines));
  print_query(w, query, seconds, o.repeat, rows, answer);
}

// Resident set size now, from /proc/self/statm (pages).
long resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  long size = 0, resident = 0;
  statm >> size >> resident;
  return resident * 4096;
}

long peak_resident_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss * 1024;  // kilobytes on Linux
}

void remove_store(const fs::path& file) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(file.string() + suffix);
}

std::vector<std::string> q1_lines(const Plan& plan) {
  long updates = 0;
  for (const auto& a : plan.actions()) updates += static_cast<long>(a.updates.size());
  return {"agencies," + std::to_string(plan.agencies().size()),
          "audits," + std::to_string(plan.audits().size()),
          "findings," + std::to_string(plan.findings().size()),
          "actions," + std::to_string(plan.actions().size()),
          "dependencies," + std::to_string(plan.dependency_count()),
          "updates," + std::to_string(updates)};
}

int run_import(const Options& o, const Workload& w) {
  const Actor actor{"bench/run", std::nullopt};
  double q1_s = 0;
  timed(
      o.repeat, q1_s,
      [&] {
        WorkloadImport read = read_workload(o.workload.string(), Plan());
        Store store = Store::open(o.store.string());
        store.add_all(std::move(read.plan), actor, "benchmark import");
        return 0;
      },
      [&] { remove_store(o.store); });
  // The answer is read back from the file, so it shows what is durable.
  report(o, w, "Q1", q1_s, q1_lines(Store::open(o.store.string()).plan()));
  return 0;
}

std::string agency_text(const std::optional<AgencyId>& agency) {
  return agency ? std::to_string(agency->value()) : std::string();
}

std::vector<std::string> q2_lines(const std::vector<RagCount>& counts) {
  std::vector<std::string> lines;
  lines.reserve(counts.size());
  for (const auto& c : counts)
    lines.push_back(std::to_string(c.partnership.value()) + "," + agency_text(c.agency) + "," +
                    to_string(c.rag) + "," + std::to_string(c.count));
  return lines;
}

struct Q3 {
  std::vector<ActionId> overdue;
  std::vector<ActionId> blocked;
};

std::vector<std::string> q3_lines(const Q3& q) {
  std::vector<std::string> lines;
  lines.reserve(q.overdue.size() + q.blocked.size());
  for (auto id : q.overdue) lines.push_back("overdue," + std::to_string(id.value()));
  for (auto id : q.blocked) lines.push_back("blocked," + std::to_string(id.value()));
  return lines;
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

void print_memory(const Workload& w, double load_s, long before, long after) {
  std::printf(
      "{\"impl\": \"plansight-cpp\", \"n\": %ld, \"load_seconds\": %.6f, \"resident_after_load\": %ld, "
      "\"bytes_per_action\": %.0f, \"peak_resident\": %ld}\n",
      w.actions, load_s, after, static_cast<double>(after - before) / static_cast<double>(w.actions),
      peak_resident_bytes());
  std::fflush(stdout);
}

int run_queries(const Options& o, const Workload& w) {
  if (!fs::exists(o.store)) throw std::runtime_error("no store " + o.store.string() + "; run import first");
  // Memory is read on the first load, before any other has come and gone.
  const long before = resident_bytes();
  auto start = std::chrono::steady_clock::now();
  std::optional<Store> store = Store::open(o.store.string());
  std::vector<double> load_runs{seconds_since(start)};
  const long after = resident_bytes();
  for (int i = 1; i < o.repeat; ++i) {
    store.reset();
    start = std::chrono::steady_clock::now();
    store = Store::open(o.store.string());
    load_runs.push_back(seconds_since(start));
  }
  const double load_s = median(load_runs);
  const Plan& plan = store->plan();

  double q2_s = 0;
  const auto counts = timed(o.repeat, q2_s, [&] { return rag_counts(plan, w.as_of); });
  report(o, w, "Q2", q2_s, q2_lines(counts));

  double q3_s = 0;
  const Q3 lists = timed(o.repeat, q3_s, [&] {
    return Q3{overdue_actions(plan, w.as_of), blocked_actions(plan, w.as_of)};
  });
  report(o, w, "Q3", q3_s, q3_lines(lists));

  double q4_s = 0;
  const Q4 q4 = timed(o.repeat, q4_s, [&] { return run_q4(plan); });
  report(o, w, "Q4", q4_s, q4_lines(q4));

  double q5_s = 0;
  const SlipImpact full =
      timed(o.repeat, q5_s, [&] { return slip(plan, schedule(plan), w.slipped, w.slip_days); });
  report(o, w, "Q5", q5_s, q5_lines(full));

  double incremental_s = 0;
  const SlipImpact incremental =
      timed(o.repeat, incremental_s, [&] { return slip(plan, q4.schedule, w.slipped, w.slip_days); });
  report(o, w, "Q5-incremental", incremental_s, q5_lines(incremental));

  print_memory(w, load_s, before, after);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Options o = parse_options(argc, argv);
    const Workload w = read_meta(o.workload);
    fs::create_directories(o.answers);
    return o.mode == "import" ? run_import(o, w) : run_queries(o, w);
  } catch (const std::exception& e) {
    std::cerr << "workload_bench: " << e.what() << '\n';
    return 1;
  }
}
