// Reads a whole store back into a Plan (private to the store).
#pragma once

namespace SQLite {
class Database;
}

namespace plansight {
class Plan;
}

namespace plansight::detail {

// Throws StoreError when the file's contents break an invariant of the plan.
Plan read_plan(SQLite::Database& db);

}  // namespace plansight::detail
