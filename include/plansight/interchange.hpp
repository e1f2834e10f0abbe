// Interchange: the CSV workload format (agencies, audits, findings, actions,
// dependencies, updates; UTF-8, header row, ISO dates) read into a plan and
// written back out.
//
// Reading is all or nothing: every row is parsed and validated against the
// plan; the first bad row throws ImportError naming file, line and field, and
// nothing is returned. Writing gives back byte-identical files for what was
// read: import -> export -> import round-trips.
#pragma once

#include <string>
#include <vector>

#include "plansight/plan.hpp"

namespace plansight {

// A row kept although it breaks a rule that plansight only applies to data
// entered anew (a due date before the creation date in another system's
// records).
struct ImportWarning {
  std::string file;
  long line = 0;
  std::string field;
  std::string message;
};

struct WorkloadImport {
  Plan plan;                           // base plus every row read
  std::vector<ImportWarning> warnings;
  long rows = 0;                       // data rows read, all files
};

// The files read and written, in dependency order.
const std::vector<std::string>& workload_files();

// Reads the workload directory on top of `base` (for instance a store's
// plan). Partnerships named only by id are created as "Partnership <id>";
// themes are created by name. Throws ImportError; `base` is never changed.
WorkloadImport read_workload(const std::string& directory, const Plan& base);

// Writes the plan in the workload format into `directory` (created if
// missing). Throws Error when a file cannot be written.
void write_workload(const Plan& plan, const std::string& directory);

}  // namespace plansight
