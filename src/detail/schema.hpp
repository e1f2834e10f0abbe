// The store's schema and its forward migrations (private to the store).
#pragma once

namespace SQLite {
class Database;
}

namespace plansight::detail {

int latest_schema_version();
// Brings the file's schema to the latest version, one migration per
// transaction; an empty file gets the whole schema. Throws StoreError for a
// file newer than this library or not a plansight store.
void migrate(SQLite::Database& db);

}  // namespace plansight::detail
