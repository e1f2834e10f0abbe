// Reads a whole store back into a Plan (private to the store).
#pragma once

#include <functional>

namespace SQLite {
class Database;
}

namespace plansight {
class Plan;
}

namespace plansight::detail {

// Where a load got the bulk of its rows (every update and dependency):
// alongside, on a second connection to the file read on a thread of its own
// while the caller's connection read the rest; or in turn, on the caller's
// connection (an in-memory store, or when the second connection could not
// be used: its snapshot differed, or it failed).
enum class RowsRead { alongside, in_turn };

// For tests: `after_snapshot` runs once the caller's connection has taken
// its snapshot and before the second connection takes one; `rows_read`
// says where the bulk rows came from.
struct ReadHooks {
  std::function<void()> after_snapshot;
  std::function<void(RowsRead)> rows_read;
};

// Throws StoreError when the file's contents break an invariant of the plan.
Plan read_plan(SQLite::Database& db, const ReadHooks& hooks = {});

}  // namespace plansight::detail
