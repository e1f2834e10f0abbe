#include "detail/schema.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

#include "plansight/errors.hpp"

namespace plansight::detail {
namespace {

// Version 1: the first schema. Every row names the change set that created
// it; event tables are append-only; `history` records in-place changes.
constexpr const char* schema_v1 = R"sql(
CREATE TABLE change_set (
  id INTEGER PRIMARY KEY,
  actor TEXT NOT NULL,
  actor_agency_id INTEGER,
  recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  why TEXT NOT NULL DEFAULT ''
);
CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  change_id INTEGER NOT NULL REFERENCES change_set(id),
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT
);
CREATE TABLE partnership (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL,
  change_id INTEGER NOT NULL REFERENCES change_set(id)
);
CREATE TABLE agency (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, sector TEXT NOT NULL,
  change_id INTEGER NOT NULL REFERENCES change_set(id)
);
CREATE TABLE monitoring_group (
  id INTEGER PRIMARY KEY, partnership_id INTEGER NOT NULL REFERENCES partnership(id),
  name TEXT NOT NULL, change_id INTEGER NOT NULL REFERENCES change_set(id)
);
CREATE TABLE theme (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
  change_id INTEGER NOT NULL REFERENCES change_set(id)
);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY, partnership_id INTEGER NOT NULL REFERENCES partnership(id),
  title TEXT NOT NULL, kind TEXT NOT NULL, held_on TEXT NOT NULL, stage TEXT NOT NULL,
  scope TEXT NOT NULL, reaudit_of INTEGER REFERENCES audit(id),
  change_id INTEGER NOT NULL REFERENCES change_set(id)
);
CREATE TABLE audit_theme (
  audit_id INTEGER NOT NULL REFERENCES audit(id), position INTEGER NOT NULL,
  theme_id INTEGER NOT NULL REFERENCES theme(id), PRIMARY KEY (audit_id, position)
);
CREATE TABLE audit_agency (
  audit_id INTEGER NOT NULL REFERENCES audit(id), position INTEGER NOT NULL,
  agency_id INTEGER NOT NULL REFERENCES agency(id), PRIMARY KEY (audit_id, position)
);
CREATE TABLE case_record (
  id INTEGER PRIMARY KEY, audit_id INTEGER NOT NULL REFERENCES audit(id),
  reference TEXT NOT NULL, age_from INTEGER NOT NULL, age_to INTEGER NOT NULL,
  involvement TEXT NOT NULL, discussed_at_panel INTEGER NOT NULL,
  change_id INTEGER NOT NULL REFERENCES change_set(id), UNIQUE (audit_id, reference)
);
CREATE TABLE case_need (
  case_id INTEGER NOT NULL REFERENCES case_record(id), position INTEGER NOT NULL,
  need TEXT NOT NULL, PRIMARY KEY (case_id, position)
);
CREATE TABLE agency_return (
  id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record(id),
  agency_id INTEGER NOT NULL REFERENCES agency(id),
  change_id INTEGER NOT NULL REFERENCES change_set(id)
);
CREATE TABLE grading (
  return_id INTEGER NOT NULL REFERENCES agency_return(id), position INTEGER NOT NULL,
  question TEXT NOT NULL, grade TEXT NOT NULL, PRIMARY KEY (return_id, position)
);
CREATE TABLE finding (
  id INTEGER PRIMARY KEY, audit_id INTEGER NOT NULL REFERENCES audit(id),
  category TEXT NOT NULL, text TEXT NOT NULL,
  change_id INTEGER NOT NULL REFERENCES change_set(id)
);
CREATE TABLE finding_theme (
  finding_id INTEGER NOT NULL REFERENCES finding(id), position INTEGER NOT NULL,
  theme_id INTEGER NOT NULL REFERENCES theme(id), PRIMARY KEY (finding_id, position)
);
CREATE TABLE finding_case (
  finding_id INTEGER NOT NULL REFERENCES finding(id), position INTEGER NOT NULL,
  case_id INTEGER NOT NULL REFERENCES case_record(id), PRIMARY KEY (finding_id, position)
);
CREATE TABLE finding_agency (
  finding_id INTEGER NOT NULL REFERENCES finding(id), position INTEGER NOT NULL,
  agency_id INTEGER NOT NULL REFERENCES agency(id), PRIMARY KEY (finding_id, position)
);
CREATE TABLE recommendation (
  id INTEGER PRIMARY KEY, audit_id INTEGER NOT NULL REFERENCES audit(id), text TEXT NOT NULL,
  change_id INTEGER NOT NULL REFERENCES change_set(id)
);
CREATE TABLE recommendation_finding (
  recommendation_id INTEGER NOT NULL REFERENCES recommendation(id), position INTEGER NOT NULL,
  finding_id INTEGER NOT NULL REFERENCES finding(id), PRIMARY KEY (recommendation_id, position)
);
CREATE TABLE action (
  id INTEGER PRIMARY KEY, partnership_id INTEGER NOT NULL REFERENCES partnership(id),
  audit_id INTEGER NOT NULL REFERENCES audit(id), finding_id INTEGER REFERENCES finding(id),
  recommendation_id INTEGER REFERENCES recommendation(id), title TEXT NOT NULL,
  description TEXT NOT NULL, owner_agency_id INTEGER REFERENCES agency(id),
  owner_group_id INTEGER REFERENCES monitoring_group(id), owner_role TEXT NOT NULL,
  owner_lead TEXT NOT NULL, created_on TEXT NOT NULL, due_on TEXT NOT NULL,
  estimate_days INTEGER NOT NULL, success_measure TEXT NOT NULL,
  change_id INTEGER NOT NULL REFERENCES change_set(id)
);
CREATE TABLE dependency (
  seq INTEGER PRIMARY KEY, action_id INTEGER NOT NULL REFERENCES action(id),
  depends_on_id INTEGER NOT NULL REFERENCES action(id),
  change_id INTEGER NOT NULL REFERENCES change_set(id)
);
CREATE TABLE action_update (
  seq INTEGER PRIMARY KEY, action_id INTEGER NOT NULL REFERENCES action(id),
  on_date TEXT NOT NULL, status TEXT NOT NULL, reported_rag TEXT, note TEXT NOT NULL,
  by_name TEXT NOT NULL, completed_on TEXT,
  change_id INTEGER NOT NULL REFERENCES change_set(id)
);
CREATE TABLE due_revision (
  seq INTEGER PRIMARY KEY, action_id INTEGER NOT NULL REFERENCES action(id),
  on_date TEXT NOT NULL, new_due TEXT NOT NULL, reason TEXT NOT NULL, agreed_by TEXT NOT NULL,
  change_id INTEGER NOT NULL REFERENCES change_set(id)
);
CREATE TABLE owner_change (
  seq INTEGER PRIMARY KEY, action_id INTEGER NOT NULL REFERENCES action(id),
  on_date TEXT NOT NULL, owner_agency_id INTEGER REFERENCES agency(id),
  owner_group_id INTEGER REFERENCES monitoring_group(id), owner_role TEXT NOT NULL,
  owner_lead TEXT NOT NULL, reason TEXT NOT NULL,
  change_id INTEGER NOT NULL REFERENCES change_set(id)
);
CREATE TABLE evidence (
  id INTEGER PRIMARY KEY, action_id INTEGER NOT NULL REFERENCES action(id),
  on_date TEXT NOT NULL, kind TEXT NOT NULL, description TEXT NOT NULL, by_name TEXT NOT NULL,
  change_id INTEGER NOT NULL REFERENCES change_set(id)
);
CREATE TABLE assurance (
  action_id INTEGER PRIMARY KEY REFERENCES action(id), on_date TEXT NOT NULL,
  group_id INTEGER NOT NULL REFERENCES monitoring_group(id), note TEXT NOT NULL,
  by_name TEXT NOT NULL, change_id INTEGER NOT NULL REFERENCES change_set(id)
);
CREATE TABLE immediate_concern (
  id INTEGER PRIMARY KEY, audit_id INTEGER NOT NULL REFERENCES audit(id),
  case_id INTEGER NOT NULL REFERENCES case_record(id), agency_id INTEGER NOT NULL REFERENCES agency(id),
  raised_on TEXT NOT NULL, description TEXT NOT NULL, answered_on TEXT, answer TEXT NOT NULL,
  change_id INTEGER NOT NULL REFERENCES change_set(id)
);
)sql";

// Version 2: actions remember whether they were entered anew or recorded
// from another system's records (which may carry a due date before the
// creation date); indexes for reading an action's history.
constexpr const char* schema_v2 = R"sql(
ALTER TABLE action ADD COLUMN provenance TEXT NOT NULL DEFAULT 'entered'
  CHECK (provenance IN ('entered', 'recorded'));
CREATE INDEX action_update_by_action ON action_update(action_id);
CREATE INDEX dependency_by_action ON dependency(action_id);
CREATE INDEX history_by_entity ON history(entity, entity_id);
)sql";

// Version 3: dependencies carry a lag in days (finish-to-start plus lag) and
// are removed by marking the row with the change set that removed it (NULL
// while in force), so that history keeps every dependency ever recorded.
constexpr const char* schema_v3 = R"sql(
ALTER TABLE dependency ADD COLUMN lag_days INTEGER NOT NULL DEFAULT 0 CHECK (lag_days >= 0);
ALTER TABLE dependency ADD COLUMN removed_change_id INTEGER REFERENCES change_set(id);
)sql";

// Version 4: review cycles (with their explicit dates), reviewable items and
// their reviews, and review meetings with attendance and per-action
// outcomes. A meeting's effects on its actions are ordinary rows of
// action_update, due_revision and assurance written by the meeting's change
// set. A cycle's start is NULL where its kind has none (explicit dates).
constexpr const char* schema_v4 = R"sql(
CREATE TABLE reviewable_item (
  id INTEGER PRIMARY KEY, partnership_id INTEGER NOT NULL REFERENCES partnership(id),
  kind TEXT NOT NULL, description TEXT NOT NULL, audit_id INTEGER REFERENCES audit(id),
  case_id INTEGER REFERENCES case_record(id), agency_id INTEGER REFERENCES agency(id),
  placed_on TEXT NOT NULL, review_every_months INTEGER NOT NULL CHECK (review_every_months >= 1),
  change_id INTEGER NOT NULL REFERENCES change_set(id)
);
CREATE TABLE item_review (
  seq INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES reviewable_item(id),
  on_date TEXT NOT NULL, by_name TEXT NOT NULL, note TEXT NOT NULL,
  retired INTEGER NOT NULL CHECK (retired IN (0, 1)),
  change_id INTEGER NOT NULL REFERENCES change_set(id)
);
CREATE TABLE review_cycle (
  id INTEGER PRIMARY KEY, partnership_id INTEGER NOT NULL REFERENCES partnership(id),
  name TEXT NOT NULL, kind TEXT NOT NULL, start_on TEXT, months INTEGER NOT NULL,
  group_id INTEGER REFERENCES monitoring_group(id), audit_id INTEGER REFERENCES audit(id),
  item_id INTEGER REFERENCES reviewable_item(id),
  change_id INTEGER NOT NULL REFERENCES change_set(id)
);
CREATE TABLE review_cycle_date (
  cycle_id INTEGER NOT NULL REFERENCES review_cycle(id), position INTEGER NOT NULL,
  on_date TEXT NOT NULL, PRIMARY KEY (cycle_id, position)
);
CREATE TABLE review_meeting (
  id INTEGER PRIMARY KEY, group_id INTEGER NOT NULL REFERENCES monitoring_group(id),
  held_on TEXT NOT NULL, note TEXT NOT NULL,
  change_id INTEGER NOT NULL REFERENCES change_set(id)
);
CREATE TABLE review_attendance (
  meeting_id INTEGER NOT NULL REFERENCES review_meeting(id), position INTEGER NOT NULL,
  agency_id INTEGER NOT NULL REFERENCES agency(id), PRIMARY KEY (meeting_id, position),
  UNIQUE (meeting_id, agency_id)
);
CREATE TABLE review_outcome (
  meeting_id INTEGER NOT NULL REFERENCES review_meeting(id), position INTEGER NOT NULL,
  action_id INTEGER NOT NULL REFERENCES action(id), kind TEXT NOT NULL, note TEXT NOT NULL,
  new_due TEXT, reason TEXT NOT NULL, escalated_to INTEGER REFERENCES monitoring_group(id),
  PRIMARY KEY (meeting_id, position), UNIQUE (meeting_id, action_id)
);
CREATE INDEX item_review_by_item ON item_review(item_id);
CREATE INDEX review_outcome_by_action ON review_outcome(action_id);
)sql";

// Version 5: briefings written on an audit, with their reflection prompts and
// further-information lines in order, and their disseminations (append-only,
// in the order recorded) with the agencies each reached.
constexpr const char* schema_v5 = R"sql(
CREATE TABLE briefing (
  id INTEGER PRIMARY KEY, audit_id INTEGER NOT NULL REFERENCES audit(id),
  title TEXT NOT NULL, written_on TEXT NOT NULL, background TEXT NOT NULL,
  why_it_matters TEXT NOT NULL, next_steps TEXT NOT NULL,
  change_id INTEGER NOT NULL REFERENCES change_set(id)
);
CREATE TABLE briefing_reflection (
  briefing_id INTEGER NOT NULL REFERENCES briefing(id), position INTEGER NOT NULL,
  prompt TEXT NOT NULL, PRIMARY KEY (briefing_id, position)
);
CREATE TABLE briefing_further_information (
  briefing_id INTEGER NOT NULL REFERENCES briefing(id), position INTEGER NOT NULL,
  line TEXT NOT NULL, PRIMARY KEY (briefing_id, position)
);
CREATE TABLE dissemination (
  seq INTEGER PRIMARY KEY, briefing_id INTEGER NOT NULL REFERENCES briefing(id),
  on_date TEXT NOT NULL, by_name TEXT NOT NULL, note TEXT NOT NULL,
  change_id INTEGER NOT NULL REFERENCES change_set(id)
);
CREATE TABLE dissemination_agency (
  dissemination_seq INTEGER NOT NULL REFERENCES dissemination(seq), position INTEGER NOT NULL,
  agency_id INTEGER NOT NULL REFERENCES agency(id), PRIMARY KEY (dissemination_seq, position),
  UNIQUE (dissemination_seq, agency_id)
);
CREATE INDEX briefing_by_audit ON briefing(audit_id);
CREATE INDEX dissemination_by_briefing ON dissemination(briefing_id);
)sql";

const std::vector<const char*>& migrations() {
  static const std::vector<const char*> steps{schema_v1, schema_v2, schema_v3, schema_v4, schema_v5};
  return steps;
}

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

bool has_foreign_tables(SQLite::Database& db) {
  return db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").getInt() > 0;
}

}  // namespace

int latest_schema_version() { return static_cast<int>(migrations().size()); }

void migrate(SQLite::Database& db) {
  const int from = user_version(db);
  if (from > latest_schema_version())
    throw StoreError("store '" + db.getFilename() + "' has schema version " + std::to_string(from) +
                     ", newer than this plansight (" + std::to_string(latest_schema_version()) + ")");
  if (from == 0 && has_foreign_tables(db))
    throw StoreError("'" + db.getFilename() + "' is an SQLite file but not a plansight store");
  for (int version = from + 1; version <= latest_schema_version(); ++version) {
    SQLite::Transaction step(db);
    db.exec(migrations()[static_cast<std::size_t>(version - 1)]);
    db.exec("PRAGMA user_version = " + std::to_string(version));
    step.commit();
  }
}

}  // namespace plansight::detail
