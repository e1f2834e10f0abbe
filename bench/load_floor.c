/* The floor for loading a store (bench/RESULTS.md, "load"): SQLite alone
 * stepping every row of the three large tables a plansight store reads on
 * open (actions, their updates, dependencies), with the reader's own queries,
 * and fetching every column, without building anything from them. Opened as
 * the store opens its file (no connection mutex), read-only.
 *
 *   gcc -O2 -o load_floor bench/load_floor.c -lsqlite3
 *   ./load_floor bench/data/bench-1000000.db
 *
 * Prints one JSON line: {"rows": R, "seconds": S}. */
#include <sqlite3.h>
#include <stdio.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static const char *const queries[] = {
    "SELECT id, partnership_id, audit_id, finding_id, recommendation_id, title, description, "
    "owner_agency_id, owner_group_id, owner_role, owner_lead, created_on, due_on, estimate_days, "
    "success_measure, provenance FROM action ORDER BY id",
    "SELECT action_id, on_date, status, reported_rag, note, by_name, completed_on FROM action_update "
    "ORDER BY seq",
    "SELECT action_id, depends_on_id, lag_days FROM dependency WHERE removed_change_id IS NULL "
    "ORDER BY seq",
};

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: load_floor STORE\n");
    return 2;
  }
  sqlite3 *db = NULL;
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
    fprintf(stderr, "load_floor: %s: %s\n", argv[1], sqlite3_errmsg(db));
    return 1;
  }
  const double start = now();
  long rows = 0, checksum = 0; /* the checksum keeps every fetch from being optimised away */
  for (size_t q = 0; q < sizeof queries / sizeof queries[0]; ++q) {
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db, queries[q], -1, &s, NULL) != SQLITE_OK) {
      fprintf(stderr, "load_floor: %s\n", sqlite3_errmsg(db));
      return 1;
    }
    const int columns = sqlite3_column_count(s);
    while (sqlite3_step(s) == SQLITE_ROW) {
      ++rows;
      for (int c = 0; c < columns; ++c) {
        if (sqlite3_column_type(s, c) == SQLITE_TEXT)
          checksum += sqlite3_column_text(s, c)[0] + sqlite3_column_bytes(s, c);
        else
          checksum += (long)sqlite3_column_int64(s, c);
      }
    }
    sqlite3_finalize(s);
  }
  const double seconds = now() - start;
  sqlite3_close(db);
  printf("{\"rows\": %ld, \"seconds\": %.3f, \"checksum\": %ld}\n", rows, seconds, checksum);
  return 0;
}
