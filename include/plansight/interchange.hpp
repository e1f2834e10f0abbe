// Interchange: the CSV workload format (agencies, audits, findings, actions,
// dependencies, updates; UTF-8, header row, ISO dates) read into a plan and
// written back out. Quoting is Python's csv QUOTE_MINIMAL: a field is quoted
// only when it holds a comma, a double quote, CR or LF; rows end in "\n"
// (CRLF and a UTF-8 byte-order mark are accepted on reading).
//
// Reading is all or nothing: every row is parsed and validated against the
// plan; the first bad row throws ImportError naming file, 1-based line (where
// the row starts; 0 when the file itself cannot be read) and column, and
// nothing is returned. Writing gives back byte-identical files for what was
// read when it was in the written form (each action's updates together, "\n"
// line ends), as gen_workload.py writes it; import -> export -> import ->
// export always gives identical files.
//
// The format carries a subset of the model: agencies, audits (id,
// partnership, title, themes joined by "; ", kind, held_on), findings, actions
// with their first owner (an agency and role) and first due date, dependencies
// without lag (read with lag 0), and updates (status, reported RAG, note; the completion date of the latest
// one). Partnership names, groups, cases, recommendations, due-date
// revisions, owner changes, evidence and assurance are not written, nor are
// review cycles, reviewable items and review meetings: a plan holding them
// is written without them. A meeting's complete and cancel outcomes are
// updates of their actions and are written as such (its extend and assure
// outcomes, a due-date revision and an assurance, are not).
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
  Plan plan;  // base plus every row read
  std::vector<ImportWarning> warnings;
  long rows = 0;  // data rows read, all files
};

// The files read and written, in dependency order.
const std::vector<std::string>& workload_files();

// Reads the workload directory on top of `base` (for instance a store's
// plan). Partnerships named only by id are created as "Partnership <id>";
// themes are created by name; an agency row identical to one of `base` is
// taken as that agency. Actions are recorded (Provenance::recorded): a due
// date before the creation date is kept and reported as a warning. Each
// action's updates are recorded in file order (actions may interleave); the
// last one takes actions.csv completed_on, and actions.csv status must be the
// status of that last update (not_started when there is none). Updates may
// also name actions of `base`. Throws ImportError; `base` is never changed.
// actions.csv, dependencies.csv and updates.csv are parsed on a thread of
// their own while the other files are read (at once, where no thread can be
// had); the bad row named is still the first that reading the files in
// order, row by row, would meet.
WorkloadImport read_workload(const std::string& directory, const Plan& base);

// Writes the plan in the workload format into `directory` (created if
// missing), rows in the plan's order, each action's updates together. Throws
// Error naming the path when a file cannot be written, and before writing
// anything when an action is owned by a group (actions.csv names an agency),
// a dependency has a lag (dependencies.csv has no lag column) or a theme's
// name holds the separator "; ".
void write_workload(const Plan& plan, const std::string& directory);

}  // namespace plansight
