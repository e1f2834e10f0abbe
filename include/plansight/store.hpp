// Store: a partnership's plan persisted in one SQLite file (or ":memory:").
//  - Opening creates or migrates the schema (version in PRAGMA user_version,
//    forward migrations only), turns foreign keys on and journals in WAL.
//    A bulk import (add_all at least doubling the actions) into a file no
//    other connection has open journals its one transaction with the
//    rollback journal instead, which writes its new pages once rather than
//    twice, and puts the file back in WAL afterwards. A connection opened
//    while it runs waits for it (a Store up to 5 s, then StoreError) instead
//    of reading the file as it was; one already open keeps it in WAL.
//  - The store keeps the whole plan in memory, in step with the file; plan()
//    is always what the file holds.
//  - Every mutation names the Actor making it, is validated by the plan
//    first, and is written in one transaction together with its history: a
//    change set (who, when recorded, why) and, for every field changed in
//    place, a history row (entity, id, field, old, new). Nothing is deleted.
//  - A refused mutation throws and leaves file and plan exactly as they were.
//  - One thread at a time: a Store and its plan are not to be used by two
//    threads at once (open one Store per thread instead). Reading a file
//    (open, load) uses a second read-only connection on a thread of its own
//    for the bulk of the rows, and ends it before returning: the plan is
//    the one snapshot of the file both connections saw.
// Throws StoreError when SQLite fails or the file is not a plansight store.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "plansight/plan.hpp"

namespace plansight {

// One field change (or creation) in the append-only history.
struct HistoryEntry {
  std::int64_t change = 0;     // the change set it belongs to
  std::string actor;           // who made it
  std::string recorded_at;     // UTC time the store recorded it (ISO 8601)
  std::string why;             // the reason given, possibly empty
  std::string entity;          // "action", "audit", "concern" ...
  std::int64_t entity_id = 0;
  std::string field;           // "created" for a creation
  std::string old_value;
  std::string new_value;
};

class Store {
 public:
  // Creates the file when missing; migrates an older schema forward.
  static Store open(const std::string& path);
  static int latest_schema_version();

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  const std::string& path() const;
  int schema_version() const;
  // The plan as the file holds it now.
  const Plan& plan() const;
  // Reads the whole file again into a new Plan (what open() does).
  Plan load() const;

  Partnership add(Partnership p, const Actor& by, std::string_view why = {});
  Agency add(Agency a, const Actor& by, std::string_view why = {});
  Group add(Group g, const Actor& by, std::string_view why = {});
  Theme add(Theme t, const Actor& by, std::string_view why = {});
  Audit add(Audit a, const Actor& by, std::string_view why = {});
  Case add(Case c, const Actor& by, std::string_view why = {});
  AgencyReturn add(AgencyReturn r, const Actor& by, std::string_view why = {});
  Finding add(Finding f, const Actor& by, std::string_view why = {});
  Recommendation add(Recommendation r, const Actor& by, std::string_view why = {});
  Action add(Action a, const Actor& by, std::string_view why = {});
  ImmediateConcern add(ImmediateConcern c, const Actor& by, std::string_view why = {});
  // `action` starts no earlier than lag_days after `depends_on` finishes
  // (Plan::check_dependency says what is refused).
  void add_dependency(ActionId action, ActionId depends_on, int lag_days, const Actor& by,
                      std::string_view why = {});
  void add_dependency(ActionId action, ActionId depends_on, const Actor& by, std::string_view why = {});
  // Ends a dependency: its row is marked removed by this change, never
  // deleted, so history() keeps it. NotFoundError when there is none in force.
  void remove_dependency(ActionId action, ActionId depends_on, const Actor& by, std::string_view why = {});

  // An audit moves forward through its lifecycle, one or more stages at a time.
  void advance_audit(AuditId audit, AuditStage to, const Actor& by, std::string_view why = {});
  void record(Update u, const Actor& by);
  void record(DueDateRevision r, const Actor& by);
  void record(OwnerChange c, const Actor& by);
  Evidence record(Evidence e, const Actor& by);
  void record(Assurance a, const Actor& by);
  void answer_concern(ConcernId concern, Date on, std::string answer, const Actor& by);

  ReviewCycle add(ReviewCycle c, const Actor& by, std::string_view why = {});
  ReviewableItem add(ReviewableItem i, const Actor& by, std::string_view why = {});
  // `by` defaults to the actor's name; the note is the change's why.
  void record(ItemReview r, const Actor& by);
  // Writes the meeting, its attendance and outcomes, and their effects on
  // the actions (effects_of: updates, due-date revisions, assurances, as
  // record() of each writes them) in one transaction and change set.
  ReviewMeeting record(ReviewMeeting m, const Actor& by, std::string_view why = {});

  // A briefing written on an audit (Plan::prepare(Briefing) says what is
  // refused), with its reflection prompts and further information.
  Briefing add(Briefing b, const Actor& by, std::string_view why = {});
  // A publication of a briefing (Plan::check(Dissemination)); `by` defaults
  // to the actor's name; the note is the change's why.
  void record(Dissemination d, const Actor& by);

  // Writes, in one transaction, everything `extended` holds beyond this
  // store's plan: `extended` is a copy of plan() with entities,
  // dependencies and history appended (as the interchange importer builds
  // it), none removed; ConflictError otherwise. The additions are replayed
  // on the store's plan through the plan's checks, so they are validated
  // again whatever `extended` holds. Into a store whose plan holds nothing,
  // a plan that everything went into through its own checks (nothing ever
  // restored with restore_history, restore or restore_reviews) is taken as
  // it is, since the replay would only check it again: the store holds
  // nothing its plan would refuse either way. New actions are marked as
  // recorded elsewhere. New reviewable items, item reviews, review cycles, briefings
  // and disseminations are carried; new review meetings are refused (ConflictError): their effects
  // are entries of the actions' history that a plan cannot tell apart, so
  // each meeting goes through record(ReviewMeeting). An import that at
  // least doubles the stored actions checks the foreign keys of the whole
  // file once, before it commits, rather than row by row: a dangling
  // reference anywhere in the file (left by another program writing it)
  // refuses such an import with a StoreError naming it, and nothing is
  // written; a smaller import is refused only for references it makes. An
  // import into a store whose plan and file both held nothing (the file
  // looked at inside the import's own transaction) refers only to rows it
  // writes itself, and skips that check.
  void add_all(const Plan& extended, const Actor& by, std::string_view why = {});
  // The same, moving what it adds out of `extended` instead of copying it
  // (a tenth of a large import's time); `extended` is left empty, whether
  // the import goes in or is refused.
  void add_all(Plan&& extended, const Actor& by, std::string_view why = {});

  // The history of one entity ("action", 42), oldest first; all when empty.
  // A dependency added is field "depends_on" with new value "7" (or
  // "7 + 14 days" with a lag); one removed has that as old value, new empty.
  // Entities "review_cycle", "reviewable_item" (fields "reviewed" and
  // "retired", new value the date) and "review" (a meeting: "created" with
  // "<group> on <date>", then one "outcome" per action, e.g. "action 7:
  // extend to 2024-12-31", "action 8: escalate to group 2"); a meeting's
  // effects are the actions' own "status", "due_on" and "assured" rows.
  // Entity "briefing": "created" with the title, then one "disseminated" per
  // dissemination with new value "<date> to agencies 1, 3" (in the order given).
  std::vector<HistoryEntry> history(std::string_view entity = {}, std::int64_t id = 0) const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace plansight
