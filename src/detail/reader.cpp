#include "detail/reader.hpp"

#include <sqlite3.h>

#include <atomic>
#include <future>
#include <unordered_map>
#include <utility>

#include "detail/action_table.hpp"
#include "detail/huge_pages.hpp"
#include "detail/position_index.hpp"
#include "detail/sql.hpp"
#include "plansight/plan.hpp"

namespace plansight::detail {
namespace {

using Lists = std::unordered_map<std::int64_t, std::vector<std::int64_t>>;

// (parent, value) rows of an ordered list table, grouped by parent.
Lists read_lists(SQLite::Database& db, const char* sql) {
  Lists lists;
  RowCursor s(db, sql);
  while (s.next()) lists[int_at(s, 0)].push_back(int_at(s, 1));
  return lists;
}

template <class IdT>
std::vector<IdT> ids_of(const Lists& lists, std::int64_t parent) {
  std::vector<IdT> ids;
  if (auto it = lists.find(parent); it != lists.end())
    for (auto v : it->second) ids.push_back(IdT(v));
  return ids;
}

// Runs `sql` and hands each row to `each`.
template <class F>
void for_rows(SQLite::Database& db, const char* sql, F&& each) {
  RowCursor s(db, sql);
  while (s.next()) each(s);
}

void read_registers(SQLite::Database& db, Plan& plan) {
  for_rows(db, "SELECT id, name FROM partnership ORDER BY id",
           [&](auto& s) { plan.add(Partnership{PartnershipId(int_at(s, 0)), text_at(s, 1)}); });
  for_rows(db, "SELECT id, name, sector FROM agency ORDER BY id",
           [&](auto& s) { plan.add(Agency{AgencyId(int_at(s, 0)), text_at(s, 1), enum_at<Sector>(s, 2)}); });
  for_rows(db, "SELECT id, partnership_id, name FROM monitoring_group ORDER BY id", [&](auto& s) {
    plan.add(Group{GroupId(int_at(s, 0)), PartnershipId(int_at(s, 1)), text_at(s, 2)});
  });
  for_rows(db, "SELECT id, name FROM theme ORDER BY id",
           [&](auto& s) { plan.add(Theme{ThemeId(int_at(s, 0)), text_at(s, 1)}); });
}

void read_audits(SQLite::Database& db, Plan& plan) {
  const auto themes =
      read_lists(db, "SELECT audit_id, theme_id FROM audit_theme ORDER BY audit_id, position");
  const auto agencies =
      read_lists(db, "SELECT audit_id, agency_id FROM audit_agency ORDER BY audit_id, position");
  for_rows(db,
           "SELECT id, partnership_id, title, kind, held_on, stage, scope, reaudit_of FROM audit ORDER BY id",
           [&](auto& s) {
             const auto id = int_at(s, 0);
             plan.add(Audit{AuditId(id), PartnershipId(int_at(s, 1)), text_at(s, 2), enum_at<AuditKind>(s, 3),
                            ids_of<ThemeId>(themes, id), date_at(s, 4), enum_at<AuditStage>(s, 5),
                            text_at(s, 6), ids_of<AgencyId>(agencies, id), optional_id_at<AuditId>(s, 7)});
           });
}

void read_cases(SQLite::Database& db, Plan& plan) {
  std::unordered_map<std::int64_t, std::vector<std::string>> needs;
  for_rows(db, "SELECT case_id, need FROM case_need ORDER BY case_id, position",
           [&](auto& s) { needs[int_at(s, 0)].push_back(text_at(s, 1)); });
  for_rows(db,
           "SELECT id, audit_id, reference, age_from, age_to, involvement, discussed_at_panel "
           "FROM case_record ORDER BY id",
           [&](auto& s) {
             const auto id = int_at(s, 0);
             plan.add(Case{CaseId(id), AuditId(int_at(s, 1)), text_at(s, 2),
                           AgeBand{static_cast<int>(int_at(s, 3)), static_cast<int>(int_at(s, 4))},
                           enum_at<Involvement>(s, 5), needs[id], int_at(s, 6) != 0});
           });
  std::unordered_map<std::int64_t, std::vector<Grading>> gradings;
  for_rows(db, "SELECT return_id, question, grade FROM grading ORDER BY return_id, position",
           [&](auto& s) { gradings[int_at(s, 0)].push_back(Grading{text_at(s, 1), enum_at<Grade>(s, 2)}); });
  for_rows(db, "SELECT id, case_id, agency_id FROM agency_return ORDER BY id", [&](auto& s) {
    const auto id = int_at(s, 0);
    plan.add(AgencyReturn{AgencyReturnId(id), CaseId(int_at(s, 1)), AgencyId(int_at(s, 2)), gradings[id]});
  });
}

void read_findings(SQLite::Database& db, Plan& plan, TextPool& texts) {
  const auto themes =
      read_lists(db, "SELECT finding_id, theme_id FROM finding_theme ORDER BY finding_id, position");
  const auto cases =
      read_lists(db, "SELECT finding_id, case_id FROM finding_case ORDER BY finding_id, position");
  const auto agencies =
      read_lists(db, "SELECT finding_id, agency_id FROM finding_agency ORDER BY finding_id, position");
  for_rows(db, "SELECT id, audit_id, category, text FROM finding ORDER BY id", [&](auto& s) {
    const auto id = int_at(s, 0);
    plan.add(Finding{FindingId(id), AuditId(int_at(s, 1)), enum_at<FindingCategory>(s, 2),
                     text_at(s, 3, texts), ids_of<ThemeId>(themes, id), ids_of<CaseId>(cases, id),
                     ids_of<AgencyId>(agencies, id)});
  });
  const auto answers = read_lists(db,
                                  "SELECT recommendation_id, finding_id FROM recommendation_finding ORDER BY "
                                  "recommendation_id, position");
  for_rows(db, "SELECT id, audit_id, text FROM recommendation ORDER BY id", [&](auto& s) {
    const auto id = int_at(s, 0);
    plan.add(Recommendation{RecommendationId(id), AuditId(int_at(s, 1)), text_at(s, 2),
                            ids_of<FindingId>(answers, id)});
  });
}

Owner owner_at_columns(const RowCursor& s, int first, TextPool& texts) {
  return Owner{optional_id_at<AgencyId>(s, first), optional_id_at<GroupId>(s, first + 1),
               text_at(s, first + 2, texts), text_at(s, first + 3, texts)};
}

void read_actions(SQLite::Database& db, Plan& plan, TextPool& texts) {
  for_rows(db,
           "SELECT id, partnership_id, audit_id, finding_id, recommendation_id, title, description, "
           "owner_agency_id, owner_group_id, owner_role, owner_lead, created_on, due_on, estimate_days, "
           "success_measure, provenance FROM action ORDER BY id",
           [&](auto& s) {
             Action a;
             a.id = ActionId(int_at(s, 0));
             a.partnership = PartnershipId(int_at(s, 1));
             a.audit = AuditId(int_at(s, 2));
             a.finding = optional_id_at<FindingId>(s, 3);
             a.recommendation = optional_id_at<RecommendationId>(s, 4);
             a.title = text_at(s, 5, texts);
             a.description = text_at(s, 6, texts);
             a.owner = owner_at_columns(s, 7, texts);
             a.created_on = date_at(s, 11);
             a.due_on = date_at(s, 12);
             a.estimate_days = static_cast<int>(int_at(s, 13));
             a.success_measure = text_at(s, 14, texts);
             const bool recorded = text_view_at(s, 15) == "recorded";
             plan.add(std::move(a), recorded ? Provenance::recorded : Provenance::entered);
           });
}

// Every action's updates, grouped by action id in recording order, and the
// dependencies in force: the bulk of a store (two rows an action or more).
// Read on their own, possibly on a second connection (see RowsAlongside),
// so they are gathered without the plan, which the caller fills meanwhile.
struct BulkRows {
  PositionIndex<ActionId> slot_of;           // action id -> slot
  std::vector<ActionId> ids;                 // by slot
  std::vector<std::vector<Update>> updates;  // by slot, never empty
  std::vector<Dependency> dependencies;      // in the order added
};

// `stop` is polled between rows: a reader whose rows are no longer wanted
// ends early.
BulkRows read_bulk_rows(SQLite::Database& db, const std::atomic<bool>& stop) {
  BulkRows rows;
  TextPool texts;  // this thread's own
  RowCursor updates(db,
                    "SELECT action_id, on_date, status, reported_rag, note, by_name, completed_on "
                    "FROM action_update ORDER BY seq");
  while (!stop.load(std::memory_order_relaxed) && updates.next()) {
    const ActionId id(int_at(updates, 0));
    auto slot = rows.slot_of.find(id);
    if (slot < 0) {
      slot = static_cast<std::int32_t>(rows.ids.size());
      rows.slot_of.insert(id, rows.ids.size());
      rows.ids.push_back(id);
      rows.updates.emplace_back();
    }
    std::optional<Rag> rag;
    if (!is_null_at(updates, 3)) rag = enum_at<Rag>(updates, 3);
    rows.updates[static_cast<std::size_t>(slot)].push_back(
        Update{id, date_at(updates, 1), enum_at<Status>(updates, 2), rag, text_at(updates, 4, texts),
               text_at(updates, 5, texts), optional_date_at(updates, 6)});
  }
  RowCursor dependencies(db,
                         "SELECT action_id, depends_on_id, lag_days FROM dependency "
                         "WHERE removed_change_id IS NULL ORDER BY seq");
  while (!stop.load(std::memory_order_relaxed) && dependencies.next())
    rows.dependencies.push_back(Dependency{ActionId(int_at(dependencies, 0)),
                                           ActionId(int_at(dependencies, 1)),
                                           static_cast<int>(int_at(dependencies, 2))});
  return rows;
}

// What tells two read transactions' snapshots apart, as far as anything
// plansight writes goes: every write adds a change set (and nothing is ever
// deleted), and a migration changes the schema and its version. The first
// and latest change sets' times (to the millisecond) tell one store from
// another with as many change sets: a file replaced under an open store (a
// backup moved back in place) is not taken for the one the store opened.
// A program other than plansight editing rows in place goes unseen, as it
// bypasses the store's history too.
struct SnapshotMark {
  std::int64_t latest_change = 0;
  std::string first_recorded_at, latest_recorded_at;
  std::int64_t schema_version = 0, user_version = 0;
  friend bool operator==(const SnapshotMark&, const SnapshotMark&) = default;
};

SnapshotMark snapshot_mark(SQLite::Database& db) {
  SnapshotMark mark;
  RowCursor changes(db,
                    "SELECT (SELECT coalesce(max(id), 0) FROM change_set), "
                    "(SELECT recorded_at FROM change_set ORDER BY id LIMIT 1), "
                    "(SELECT recorded_at FROM change_set ORDER BY id DESC LIMIT 1)");
  if (changes.next()) {
    mark.latest_change = int_at(changes, 0);
    mark.first_recorded_at = text_at(changes, 1);
    mark.latest_recorded_at = text_at(changes, 2);
  }
  mark.schema_version = db.execAndGet("PRAGMA schema_version").getInt64();
  mark.user_version = db.execAndGet("PRAGMA user_version").getInt64();
  return mark;
}

// The file behind a connection; empty for an in-memory or temporary one,
// which a second connection cannot share.
std::string file_of(SQLite::Database& db) {
  const char* file = sqlite3_db_filename(db.getHandle(), "main");
  return file ? file : "";
}

// BulkRows read on a second connection to the same file, on a thread of its
// own, while the caller reads the rest on its connection: a load then takes
// about the longer of the two instead of their sum. The rows are used only
// when the second connection's snapshot is the caller's; otherwise, and
// whenever anything goes wrong over there (no thread to be had, the file
// will not open, a row is bad), take() returns nothing and the caller reads
// the rows itself, so every error is raised and worded as by a plain serial
// read.
class RowsAlongside {
 public:
  RowsAlongside(std::string file, SnapshotMark mark) : mark_(std::move(mark)) {
    if (file.empty()) return;
    try {
      rows_ = std::async(std::launch::async, [this, file = std::move(file)] { return read_from(file); });
    } catch (const std::system_error&) {
      // No thread to be had (a process or container limit): read in turn.
    }
  }
  RowsAlongside(const RowsAlongside&) = delete;
  RowsAlongside& operator=(const RowsAlongside&) = delete;
  // Waits for the thread, asking it to stop first, also when the caller's own
  // reading failed: nothing may outlive the connection or the rows it fills.
  ~RowsAlongside() {
    stop_ = true;
    if (rows_.valid()) rows_.wait();
  }

  std::optional<BulkRows> take() {
    if (!rows_.valid()) return std::nullopt;
    try {
      auto [mark, rows] = rows_.get();
      if (mark == mark_) return std::move(rows);  // else a write came between the two snapshots
    } catch (...) {
      // Read again on the caller's connection, which raises it as a serial read would.
    }
    return std::nullopt;
  }

 private:
  std::pair<SnapshotMark, BulkRows> read_from(const std::string& file) {
    SQLite::Database db(file, SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX);
    db.setBusyTimeout(5000);
    SQLite::Transaction snapshot(db);
    const SnapshotMark mark = snapshot_mark(db);
    if (!(mark == mark_)) return {std::move(mark), {}};
    BulkRows rows = read_bulk_rows(db, stop_);
    return {std::move(mark), std::move(rows)};
  }

  SnapshotMark mark_;
  std::atomic<bool> stop_ = false;
  std::future<std::pair<SnapshotMark, BulkRows>> rows_;
};

// Each action's history, gathered by the action's position: the rows of each
// table come in recording order, interleaved across actions. Few actions
// have anything but updates (which come grouped already, in BulkRows), so
// the rest is kept by position in a map: a whole ActionHistory per action
// would be 216 bytes each, zeroed.
class HistoryByAction {
 public:
  explicit HistoryByAction(Plan& plan) : plan_(plan), positions_(detail::action_positions(plan)) {}

  // Due-date revisions, owner changes, evidence and assurance (its updates empty).
  Plan::ActionHistory& rest(ActionId id) { return rest_[position(id)]; }

  // Updates of an action the plan does not hold are refused as the plan
  // refuses them, before any other history is read (as when each update row
  // was placed as it was read).
  void require_actions_of(const BulkRows& rows) const {
    for (const auto id : rows.ids) position(id);
  }

  // Hands each action's history to the plan, in the plan's order.
  void restore(BulkRows& rows) {
    const auto& actions = detail::action_table(plan_);
    for (std::size_t i = 0; i < actions.size(); ++i) {
      Plan::ActionHistory h;
      if (!rest_.empty())
        if (const auto it = rest_.find(i); it != rest_.end()) h = std::move(it->second);
      if (const auto slot = rows.slot_of.find(actions.id(i)); slot >= 0)
        h.updates = std::move(rows.updates[static_cast<std::size_t>(slot)]);
      if (h.updates.empty() && h.due_revisions.empty() && h.owner_changes.empty() && h.evidence.empty() &&
          !h.assurance)
        continue;
      plan_.restore_history(actions.id(i), std::move(h));
    }
  }

 private:
  std::size_t position(ActionId id) const {
    const auto at = positions_.find(id);
    if (at < 0) plan_.action(id);  // throws NotFoundError, worded as the plan words it
    return static_cast<std::size_t>(at);
  }

  Plan& plan_;
  const PositionIndex<ActionId>& positions_;  // the plan's: no action is added meanwhile
  std::unordered_map<std::size_t, Plan::ActionHistory> rest_;
};

void read_action_history(SQLite::Database& db, Plan& plan, BulkRows& rows, TextPool& texts) {
  HistoryByAction history(plan);
  history.require_actions_of(rows);
  for_rows(db, "SELECT action_id, on_date, new_due, reason, agreed_by FROM due_revision ORDER BY seq",
           [&](auto& s) {
             const ActionId id(int_at(s, 0));
             history.rest(id).due_revisions.push_back(DueDateRevision{
                 id, date_at(s, 1), date_at(s, 2), text_at(s, 3, texts), text_at(s, 4, texts)});
           });
  for_rows(db,
           "SELECT action_id, on_date, owner_agency_id, owner_group_id, owner_role, owner_lead, reason "
           "FROM owner_change ORDER BY seq",
           [&](auto& s) {
             const ActionId id(int_at(s, 0));
             history.rest(id).owner_changes.push_back(
                 OwnerChange{id, date_at(s, 1), owner_at_columns(s, 2, texts), text_at(s, 6, texts)});
           });
  for_rows(db, "SELECT id, action_id, on_date, kind, description, by_name FROM evidence ORDER BY id",
           [&](auto& s) {
             const ActionId id(int_at(s, 1));
             history.rest(id).evidence.push_back(Evidence{EvidenceId(int_at(s, 0)), id, date_at(s, 2),
                                                          enum_at<EvidenceKind>(s, 3), text_at(s, 4, texts),
                                                          text_at(s, 5, texts)});
           });
  for_rows(db, "SELECT action_id, on_date, group_id, note, by_name FROM assurance", [&](auto& s) {
    const ActionId id(int_at(s, 0));
    history.rest(id).assurance =
        Assurance{id, date_at(s, 1), GroupId(int_at(s, 2)), text_at(s, 3, texts), text_at(s, 4, texts)};
  });
  history.restore(rows);
}

void read_concerns(SQLite::Database& db, Plan& plan) {
  for_rows(
      db,
      "SELECT id, audit_id, case_id, agency_id, raised_on, description, answered_on, answer "
      "FROM immediate_concern ORDER BY id",
      [&](auto& s) {
        const ConcernId id(int_at(s, 0));
        plan.add(ImmediateConcern{id, AuditId(int_at(s, 1)), CaseId(int_at(s, 2)), AgencyId(int_at(s, 3)),
                                  date_at(s, 4), text_at(s, 5), std::nullopt, ""});
        if (auto answered = optional_date_at(s, 6)) plan.answer_concern(id, *answered, text_at(s, 7));
      });
}

void read_reviewable_items(SQLite::Database& db, Plan& plan) {
  std::unordered_map<std::int64_t, std::vector<ItemReview>> reviews;
  for_rows(db, "SELECT item_id, on_date, by_name, note, retired FROM item_review ORDER BY seq", [&](auto& s) {
    const ReviewableId item(int_at(s, 0));
    reviews[item.value()].push_back(
        ItemReview{item, date_at(s, 1), text_at(s, 2), text_at(s, 3), int_at(s, 4) != 0});
  });
  for_rows(db,
           "SELECT id, partnership_id, kind, description, audit_id, case_id, agency_id, placed_on, "
           "review_every_months FROM reviewable_item ORDER BY id",
           [&](auto& s) {
             ReviewableItem i;
             i.id = ReviewableId(int_at(s, 0));
             i.partnership = PartnershipId(int_at(s, 1));
             i.kind = enum_at<ReviewableKind>(s, 2);
             i.description = text_at(s, 3);
             i.audit = optional_id_at<AuditId>(s, 4);
             i.case_id = optional_id_at<CaseId>(s, 5);
             i.agency = optional_id_at<AgencyId>(s, 6);
             i.placed_on = date_at(s, 7);
             i.review_every_months = static_cast<int>(int_at(s, 8));
             plan.add(std::move(i));
           });
  for (auto& [item, list] : reviews) plan.restore_reviews(ReviewableId(item), std::move(list));
}

void read_review_cycles(SQLite::Database& db, Plan& plan) {
  std::unordered_map<std::int64_t, std::vector<Date>> dates;
  for_rows(db, "SELECT cycle_id, on_date FROM review_cycle_date ORDER BY cycle_id, position",
           [&](auto& s) { dates[int_at(s, 0)].push_back(date_at(s, 1)); });
  for_rows(db,
           "SELECT id, partnership_id, name, kind, start_on, months, group_id, audit_id, item_id "
           "FROM review_cycle ORDER BY id",
           [&](auto& s) {
             ReviewCycle c;
             c.id = ReviewCycleId(int_at(s, 0));
             c.partnership = PartnershipId(int_at(s, 1));
             c.name = text_at(s, 2);
             c.kind = enum_at<CycleKind>(s, 3);
             c.start = optional_date_at(s, 4).value_or(Date());
             c.months = static_cast<int>(int_at(s, 5));
             c.dates = dates[c.id.value()];
             c.group = optional_id_at<GroupId>(s, 6);
             c.audit = optional_id_at<AuditId>(s, 7);
             c.item = optional_id_at<ReviewableId>(s, 8);
             plan.add(std::move(c));
           });
}

// After the actions' history, which holds the meetings' effects.
void read_review_meetings(SQLite::Database& db, Plan& plan) {
  const auto attending =
      read_lists(db, "SELECT meeting_id, agency_id FROM review_attendance ORDER BY meeting_id, position");
  std::unordered_map<std::int64_t, std::vector<ReviewOutcome>> outcomes;
  for_rows(db,
           "SELECT meeting_id, action_id, kind, note, new_due, reason, escalated_to FROM review_outcome "
           "ORDER BY meeting_id, position",
           [&](auto& s) {
             outcomes[int_at(s, 0)].push_back(
                 ReviewOutcome{ActionId(int_at(s, 1)), enum_at<OutcomeKind>(s, 2), text_at(s, 3),
                               optional_date_at(s, 4), text_at(s, 5), optional_id_at<GroupId>(s, 6)});
           });
  for_rows(db, "SELECT id, group_id, held_on, note FROM review_meeting ORDER BY id", [&](auto& s) {
    const auto id = int_at(s, 0);
    plan.restore(ReviewMeeting{ReviewId(id), GroupId(int_at(s, 1)), date_at(s, 2),
                               ids_of<AgencyId>(attending, id), text_at(s, 3), outcomes[id]});
  });
}

// Disseminations are recorded through the plan's checks, in the order written.
void read_briefings(SQLite::Database& db, Plan& plan) {
  std::unordered_map<std::int64_t, std::vector<std::string>> reflection, further;
  for_rows(db, "SELECT briefing_id, prompt FROM briefing_reflection ORDER BY briefing_id, position",
           [&](auto& s) { reflection[int_at(s, 0)].push_back(text_at(s, 1)); });
  for_rows(db, "SELECT briefing_id, line FROM briefing_further_information ORDER BY briefing_id, position",
           [&](auto& s) { further[int_at(s, 0)].push_back(text_at(s, 1)); });
  for_rows(db,
           "SELECT id, audit_id, title, written_on, background, why_it_matters, next_steps FROM briefing "
           "ORDER BY id",
           [&](auto& s) {
             const auto id = int_at(s, 0);
             plan.add(Briefing{BriefingId(id),
                               AuditId(int_at(s, 1)),
                               text_at(s, 2),
                               date_at(s, 3),
                               text_at(s, 4),
                               text_at(s, 5),
                               text_at(s, 6),
                               reflection[id],
                               further[id],
                               {}});
           });
  const auto reached = read_lists(db,
                                  "SELECT dissemination_seq, agency_id FROM dissemination_agency "
                                  "ORDER BY dissemination_seq, position");
  for_rows(db, "SELECT seq, briefing_id, on_date, by_name, note FROM dissemination ORDER BY seq",
           [&](auto& s) {
             const auto seq = int_at(s, 0);
             const BriefingId briefing(int_at(s, 1));
             plan.record(Dissemination{briefing, date_at(s, 2), ids_of<AgencyId>(reached, seq), text_at(s, 3),
                                       text_at(s, 4)});
           });
}

std::size_t row_count(SQLite::Database& db, const std::string& table) {
  return static_cast<std::size_t>(db.execAndGet("SELECT count(*) FROM " + table).getInt64());
}

}  // namespace

Plan read_plan(SQLite::Database& db, const ReadHooks& hooks) {
  // One read transaction: every table from the same snapshot (the second
  // connection's rows are used only when it saw this one).
  SQLite::Transaction snapshot(db);
  const SnapshotMark mark = snapshot_mark(db);  // the snapshot is taken here
  if (hooks.after_snapshot) hooks.after_snapshot();
  Plan plan;
  plan.reserve({.audits = row_count(db, "audit"),
                .findings = row_count(db, "finding"),
                .actions = row_count(db, "action"),
                .updates = row_count(db, "action_update"),
                .dependencies = row_count(db, "dependency WHERE removed_change_id IS NULL")});
  RowsAlongside alongside(file_of(db), mark);
  read_registers(db, plan);
  read_audits(db, plan);
  read_cases(db, plan);
  // Texts repeat across findings, actions and their history (a role, a
  // title, a reason): read through one pool, equal ones share a buffer.
  TextPool texts;
  read_findings(db, plan, texts);
  read_actions(db, plan, texts);
  std::optional<BulkRows> rows = alongside.take();
  if (hooks.rows_read) hooks.rows_read(rows ? RowsRead::alongside : RowsRead::in_turn);
  if (!rows) {
    const std::atomic<bool> never = false;
    rows = read_bulk_rows(db, never);
  }
  read_action_history(db, plan, *rows, texts);
  plan.restore_dependencies(rows->dependencies);
  rows.reset();  // tens of megabytes at 10^6 actions, before the rest is read
  read_concerns(db, plan);
  read_reviewable_items(db, plan);
  read_review_cycles(db, plan);
  read_review_meetings(db, plan);
  read_briefings(db, plan);
  // Measured at 10^6 actions: 24 bytes an action resident but free after
  // the read, which this gives back.
  release_free_heap_pages();
  return plan;
}

}  // namespace plansight::detail
