-- Schema version 4, as released (versions 1 to 4 migrated into one file).
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
, provenance TEXT NOT NULL DEFAULT 'entered'
  CHECK (provenance IN ('entered', 'recorded')));
CREATE TABLE dependency (
  seq INTEGER PRIMARY KEY, action_id INTEGER NOT NULL REFERENCES action(id),
  depends_on_id INTEGER NOT NULL REFERENCES action(id),
  change_id INTEGER NOT NULL REFERENCES change_set(id)
, lag_days INTEGER NOT NULL DEFAULT 0 CHECK (lag_days >= 0), removed_change_id INTEGER REFERENCES change_set(id));
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
CREATE INDEX action_update_by_action ON action_update(action_id);
CREATE INDEX dependency_by_action ON dependency(action_id);
CREATE INDEX history_by_entity ON history(entity, entity_id);

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

-- A store as version 4 of plansight wrote it: version 3's store (two actions,
-- the second waiting 14 days after the first, with updates, a due-date
-- revision and impact evidence; the LIS and the board) with a record flag,
-- its review and a review meeting. Frozen: never regenerate.
INSERT INTO change_set (id, actor, recorded_at, why) VALUES
  (1, 'LIS business manager', '2024-02-01T09:00:00.000Z', 'set-up'),
  (2, 'LIS chair', '2024-04-02T10:30:00.000Z', 'Q4 review'),
  (3, 'LIS business manager', '2024-07-01T09:15:00.000Z', 'Q1 review');
INSERT INTO partnership (id, name, change_id) VALUES (1, 'North Yorkshire SCP', 1);
INSERT INTO agency (id, name, sector, change_id) VALUES
  (1, 'North Yorkshire Police', 'police', 1),
  (2, 'Harrogate and District NHS FT', 'health', 1);
INSERT INTO monitoring_group (id, partnership_id, name, change_id) VALUES
  (1, 1, 'Learning and Improvement Subgroup', 1),
  (2, 1, 'Safeguarding Children Partnership Board', 1);
INSERT INTO audit (id, partnership_id, title, kind, held_on, stage, scope, reaudit_of, change_id) VALUES
  (1, 1, 'Multi-Agency Response to Domestic Abuse', 'learning_themes_audit', '2023-11-01', 'monitoring', '', NULL, 1);
INSERT INTO audit_agency (audit_id, position, agency_id) VALUES (1, 0, 1), (1, 1, 2);
INSERT INTO case_record (id, audit_id, reference, age_from, age_to, involvement, discussed_at_panel, change_id)
  VALUES (1, 1, 'Child A', 9, 17, 'child_in_need', 1, 1);
INSERT INTO finding (id, audit_id, category, text, change_id) VALUES
  (1, 1, 'area_for_development', 'Voice of the child not consistently clear', 1);
INSERT INTO action (id, partnership_id, audit_id, finding_id, recommendation_id, title, description,
  owner_agency_id, owner_group_id, owner_role, owner_lead, created_on, due_on, estimate_days,
  success_measure, change_id, provenance) VALUES
  (1, 1, 1, 1, NULL, 'Embed voice of the child in recording', '', 1, NULL, 'Safeguarding Lead', '',
   '2023-12-01', '2024-06-30', 60, 'Re-audit shows the child''s voice in 8 of 10 records', 1, 'entered'),
  (2, 1, 1, 1, NULL, 'Deliver multi-agency domestic abuse training', '', 2, NULL, 'Named Nurse', '',
   '2023-12-05', '2024-09-30', 30, '', 1, 'entered');
INSERT INTO dependency (seq, action_id, depends_on_id, change_id, lag_days, removed_change_id) VALUES
  (1, 2, 1, 1, 14, NULL);
INSERT INTO action_update (seq, action_id, on_date, status, reported_rag, note, by_name, completed_on, change_id) VALUES
  (1, 1, '2024-03-31', 'in_progress', 'GREEN', 'Guidance drafted', 'LIS chair', NULL, 2),
  (2, 1, '2024-06-28', 'complete', NULL, 'Guidance published', 'LIS business manager', '2024-06-28', 3);
INSERT INTO due_revision (seq, action_id, on_date, new_due, reason, agreed_by, change_id) VALUES
  (1, 2, '2024-03-31', '2024-12-31', 'Trainer unavailable', 'LIS chair', 2);
INSERT INTO evidence (id, action_id, on_date, kind, description, by_name, change_id) VALUES
  (1, 1, '2024-06-30', 'impact', 'Dip sample: voice of the child in 8 of 10 records', 'LIS business manager', 3);
INSERT INTO change_set (id, actor, recorded_at, why) VALUES
  (4, 'LIS business manager', '2024-07-15T14:00:00.000Z', 'Q1 review meeting');
INSERT INTO reviewable_item (id, partnership_id, kind, description, audit_id, case_id, agency_id, placed_on,
  review_every_months, change_id) VALUES
  (1, 1, 'record_flag', 'Domestic abuse flag on the GP record', 1, 1, 2, '2024-01-10', 6, 4);
INSERT INTO item_review (seq, item_id, on_date, by_name, note, retired, change_id) VALUES
  (1, 1, '2024-07-10', 'LIS business manager', 'kept', 0, 4);
INSERT INTO review_meeting (id, group_id, held_on, note, change_id) VALUES
  (1, 1, '2024-07-15', 'Q1 review', 4);
INSERT INTO review_attendance (meeting_id, position, agency_id) VALUES (1, 0, 1), (1, 1, 2);
INSERT INTO review_outcome (meeting_id, position, action_id, kind, note, new_due, reason, escalated_to) VALUES
  (1, 0, 2, 'continue', 'On track', NULL, '', NULL);
PRAGMA user_version = 4;
