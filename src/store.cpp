#include "plansight/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <utility>

#include "detail/action_table.hpp"
#include "detail/cores.hpp"
#include "detail/reader.hpp"
#include "detail/schema.hpp"
#include "detail/sql.hpp"
#include "detail/writer.hpp"

namespace plansight {
namespace {

SQLite::Database open_database(const std::string& path) {
  try {
    // NOMUTEX: a Store is used by one thread at a time (store.hpp), so SQLite
    // need not lock its connection on every call; a load makes millions.
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX);
    db.exec("PRAGMA foreign_keys = ON");
    // Wait for another writer rather than fail at once.
    db.setBusyTimeout(5000);
    return db;
  } catch (const SQLite::Exception& e) {
    throw StoreError("cannot open store '" + path + "': " + e.what());
  }
}

// Reads the whole file; whatever goes wrong is a StoreError naming the file.
Plan read_store(SQLite::Database& db, const std::string& path) {
  try {
    return detail::read_plan(db);
  } catch (const SQLite::Exception& e) {
    throw StoreError("store '" + path + "': " + e.what());
  } catch (const StoreError&) {
    throw;
  } catch (const Error& e) {
    throw StoreError("store '" + path + "' holds data plansight refuses: " + e.what());
  }
}

void require_actor(const Actor& by) {
  if (is_blank(by.name)) throw ValidationError("by", "every change must name the actor making it");
}

}  // namespace

struct Store::Impl {
  std::string path;
  SQLite::Database db;
  detail::Writer writer;
  Plan plan;

  explicit Impl(const std::string& file) : path(file), db(open_database(file)), writer(db) {
    try {
      detail::migrate(db);
      // Only once the file is known to be a plansight store.
      db.exec("PRAGMA journal_mode = WAL");
    } catch (const SQLite::Exception& e) {
      throw StoreError("store '" + path + "': " + e.what());
    }
    plan = read_store(db, path);
  }

  // Runs `body(change_id)` in one transaction under a new change set. The
  // plan is only touched by the caller after this returns, so a failure here
  // leaves both file and plan as they were.
  template <class F>
  void write(const Actor& by, std::string_view why, F&& body) {
    require_actor(by);
    try {
      SQLite::Transaction transaction(db);
      body(writer.begin_change(by, why));
      transaction.commit();
    } catch (const SQLite::Exception& e) {
      throw StoreError("store '" + path + "': " + e.what());
    }
  }

  // Store::add_all; `given_up` is `proposed` itself when its owner gave it
  // up (Store::add_all(Plan&&)), null otherwise.
  void add_all(const Plan& proposed, Plan* given_up, const Actor& by, std::string_view why);

  // The common shape of every "add": validate, write, then apply.
  template <class T>
  T add(T value, const Actor& by, std::string_view why) {
    value = plan.prepare(std::move(value));
    write(by, why, [&](std::int64_t change) { writer.insert(value, change); });
    plan.add(value);
    return value;
  }
};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::string& path) { return Store(std::make_unique<Impl>(path)); }
int Store::latest_schema_version() { return detail::latest_schema_version(); }

const std::string& Store::path() const { return impl_->path; }
int Store::schema_version() const {
  try {
    return impl_->db.execAndGet("PRAGMA user_version").getInt();
  } catch (const SQLite::Exception& e) {
    throw StoreError("store '" + impl_->path + "': " + e.what());
  }
}
const Plan& Store::plan() const { return impl_->plan; }

Plan Store::load() const { return read_store(impl_->db, impl_->path); }

Partnership Store::add(Partnership p, const Actor& by, std::string_view why) {
  return impl_->add(std::move(p), by, why);
}
Agency Store::add(Agency a, const Actor& by, std::string_view why) {
  return impl_->add(std::move(a), by, why);
}
Group Store::add(Group g, const Actor& by, std::string_view why) { return impl_->add(std::move(g), by, why); }
Theme Store::add(Theme t, const Actor& by, std::string_view why) { return impl_->add(std::move(t), by, why); }
Audit Store::add(Audit a, const Actor& by, std::string_view why) { return impl_->add(std::move(a), by, why); }
Case Store::add(Case c, const Actor& by, std::string_view why) { return impl_->add(std::move(c), by, why); }
AgencyReturn Store::add(AgencyReturn r, const Actor& by, std::string_view why) {
  return impl_->add(std::move(r), by, why);
}
Finding Store::add(Finding f, const Actor& by, std::string_view why) {
  return impl_->add(std::move(f), by, why);
}
Recommendation Store::add(Recommendation r, const Actor& by, std::string_view why) {
  return impl_->add(std::move(r), by, why);
}
ImmediateConcern Store::add(ImmediateConcern c, const Actor& by, std::string_view why) {
  return impl_->add(std::move(c), by, why);
}

Action Store::add(Action a, const Actor& by, std::string_view why) {
  a = impl_->plan.prepare(std::move(a));
  impl_->write(by, why, [&](std::int64_t change) { impl_->writer.insert(a, false, change); });
  impl_->plan.add(a);
  return a;
}

void Store::add_dependency(ActionId action, ActionId depends_on, const Actor& by, std::string_view why) {
  add_dependency(action, depends_on, 0, by, why);
}

void Store::add_dependency(ActionId action, ActionId depends_on, int lag_days, const Actor& by,
                           std::string_view why) {
  impl_->plan.check_dependency(action, depends_on, lag_days);
  const Dependency d{action, depends_on, lag_days};
  impl_->write(by, why, [&](std::int64_t change) { impl_->writer.insert(d, change); });
  impl_->plan.add_dependency(action, depends_on, lag_days);
}

void Store::remove_dependency(ActionId action, ActionId depends_on, const Actor& by, std::string_view why) {
  impl_->plan.check_removal(action, depends_on);
  impl_->write(by, why, [&](std::int64_t change) { impl_->writer.mark_removed(action, depends_on, change); });
  impl_->plan.remove_dependency(action, depends_on);
}

void Store::advance_audit(AuditId audit, AuditStage to, const Actor& by, std::string_view why) {
  impl_->plan.check_advance(audit, to);
  const auto from = impl_->plan.audit(audit).stage;
  impl_->write(by, why, [&](std::int64_t change) {
    impl_->writer.set_audit_stage(audit, to);
    impl_->writer.history(change, "audit", audit.value(), "stage", to_string(from), to_string(to));
  });
  impl_->plan.advance_audit(audit, to);
}

// History entries carry who recorded them; default to the actor's name.
template <class T>
static T attributed(T entry, const Actor& by) {
  if (entry.by.empty()) entry.by = by.name;
  return entry;
}

void Store::record(Update u, const Actor& by) {
  u = attributed(std::move(u), by);
  impl_->plan.check(u);
  if (u.status == Status::complete && !u.completed_on) u.completed_on = u.on;
  impl_->write(by, u.note, [&](std::int64_t change) { impl_->writer.insert(u, change); });
  impl_->plan.record(std::move(u));
}

void Store::record(DueDateRevision r, const Actor& by) {
  impl_->plan.check(r);
  impl_->write(by, r.reason, [&](std::int64_t change) { impl_->writer.insert(r, change); });
  impl_->plan.record(std::move(r));
}

void Store::record(OwnerChange c, const Actor& by) {
  impl_->plan.check(c);
  impl_->write(by, c.reason, [&](std::int64_t change) { impl_->writer.insert(c, change); });
  impl_->plan.record(std::move(c));
}

Evidence Store::record(Evidence e, const Actor& by) {
  e = impl_->plan.prepare(attributed(std::move(e), by));
  impl_->write(by, {}, [&](std::int64_t change) { impl_->writer.insert(e, change); });
  return impl_->plan.record(std::move(e));
}

void Store::record(Assurance a, const Actor& by) {
  a = attributed(std::move(a), by);
  impl_->plan.check(a);
  impl_->write(by, a.note, [&](std::int64_t change) { impl_->writer.insert(a, change); });
  impl_->plan.record(std::move(a));
}

void Store::answer_concern(ConcernId concern, Date on, std::string answer, const Actor& by) {
  impl_->plan.check_answer(concern, on, answer);
  impl_->write(by, {}, [&](std::int64_t change) {
    impl_->writer.set_concern_answer(concern, on, answer);
    impl_->writer.history(change, "concern", concern.value(), "answered_on", "", to_iso(on));
    impl_->writer.history(change, "concern", concern.value(), "answer", "", answer);
  });
  impl_->plan.answer_concern(concern, on, std::move(answer));
}

// ---- reviews ---------------------------------------------------------------------

ReviewCycle Store::add(ReviewCycle c, const Actor& by, std::string_view why) {
  return impl_->add(std::move(c), by, why);
}
ReviewableItem Store::add(ReviewableItem i, const Actor& by, std::string_view why) {
  return impl_->add(std::move(i), by, why);
}

void Store::record(ItemReview r, const Actor& by) {
  r = attributed(std::move(r), by);
  impl_->plan.check(r);
  impl_->write(by, r.note, [&](std::int64_t change) { impl_->writer.insert(r, change); });
  impl_->plan.record(std::move(r));
}

ReviewMeeting Store::record(ReviewMeeting m, const Actor& by, std::string_view why) {
  m = impl_->plan.prepare(std::move(m));
  const MeetingEffects effects = effects_of(impl_->plan, m);
  auto& w = impl_->writer;
  impl_->write(by, why, [&](std::int64_t change) {
    w.insert(m, change);
    for (const auto& u : effects.updates) w.insert(u, change);
    for (const auto& r : effects.due_revisions) w.insert(r, change);
    for (const auto& a : effects.assurances) w.insert(a, change);
  });
  impl_->plan.record(m);
  return m;
}

// ---- briefings ---------------------------------------------------------------------

Briefing Store::add(Briefing b, const Actor& by, std::string_view why) {
  return impl_->add(std::move(b), by, why);
}

void Store::record(Dissemination d, const Actor& by) {
  d = attributed(std::move(d), by);
  impl_->plan.check(d);
  impl_->write(by, d.note, [&](std::int64_t change) { impl_->writer.insert(d, change); });
  impl_->plan.record(std::move(d));
}

// ---- bulk additions ------------------------------------------------------------

namespace {

template <class T>
void require_prefix(const std::vector<T>& base, const std::vector<T>& extended, const char* what) {
  if (extended.size() < base.size() || (!base.empty() && extended[base.size() - 1].id != base.back().id))
    throw ConflictError(std::string("the plan to add does not extend this store's ") + what);
}

void require_extends(const Plan& base, const Plan& extended) {
  require_prefix(base.partnerships(), extended.partnerships(), "partnerships");
  require_prefix(base.agencies(), extended.agencies(), "agencies");
  require_prefix(base.groups(), extended.groups(), "groups");
  require_prefix(base.themes(), extended.themes(), "themes");
  require_prefix(base.audits(), extended.audits(), "audits");
  require_prefix(base.cases(), extended.cases(), "cases");
  require_prefix(base.agency_returns(), extended.agency_returns(), "agency returns");
  require_prefix(base.findings(), extended.findings(), "findings");
  require_prefix(base.recommendations(), extended.recommendations(), "recommendations");
  const auto &base_actions = detail::action_table(base), &extended_actions = detail::action_table(extended);
  if (extended_actions.size() < base_actions.size() ||
      (base_actions.size() > 0 &&
       extended_actions.id(base_actions.size() - 1) != base_actions.id(base_actions.size() - 1)))
    throw ConflictError("the plan to add does not extend this store's actions");
  require_prefix(base.concerns(), extended.concerns(), "immediate concerns");
  require_prefix(base.reviewable_items(), extended.reviewable_items(), "reviewable items");
  require_prefix(base.review_cycles(), extended.review_cycles(), "review cycles");
  require_prefix(base.reviews(), extended.reviews(), "review meetings");
  require_prefix(base.briefings(), extended.briefings(), "briefings");
  // A meeting's effects are entries of its actions' history, which a plan
  // cannot tell apart from the others: meetings go through record() alone.
  if (extended.reviews().size() > base.reviews().size())
    throw ConflictError(
        "the plan to add holds new review meetings; record each with Store::record, which "
        "writes its effects on the actions with it");
  for (std::size_t i = 0; i < base.reviewable_items().size(); ++i)
    if (extended.reviewable_items()[i].reviews.size() < base.reviewable_items()[i].reviews.size())
      throw ConflictError("the plan to add does not extend the reviews of reviewable item " +
                          std::to_string(base.reviewable_items()[i].id.value()));
  for (std::size_t i = 0; i < base.briefings().size(); ++i)
    if (extended.briefings()[i].disseminations.size() < base.briefings()[i].disseminations.size())
      throw ConflictError("the plan to add does not extend the disseminations of briefing " +
                          std::to_string(base.briefings()[i].id.value()));
  const auto deps = extended.dependencies(), base_deps = base.dependencies();
  if (deps.size() < base_deps.size() || !std::equal(base_deps.begin(), base_deps.end(), deps.begin()))
    throw ConflictError("the plan to add does not extend this store's dependencies");
  for (std::size_t i = 0; i < base_actions.size(); ++i) {
    const auto b = base_actions.view(i);
    const auto e = extended_actions.view(i);
    if (e.updates.size() < b.updates.size() || e.due_revisions.size() < b.due_revisions.size() ||
        e.owner_changes.size() < b.owner_changes.size() || e.evidence.size() < b.evidence.size() ||
        (b.assurance && !e.assurance))
      throw ConflictError("the plan to add does not extend the history of action " +
                          std::to_string(b.id.value()));
  }
}

// The rows `extended` adds after `base`'s: many to a statement where the
// writer can, one by one otherwise.
template <class T>
void insert_tail(detail::Writer& w, std::span<const T> base, std::span<const T> extended,
                 std::int64_t change) {
  const auto added = std::span(extended).subspan(base.size());
  if constexpr (requires { w.insert_all(added, change); })
    w.insert_all(added, change);
  else
    for (const auto& row : added) w.insert(row, change);
}
template <class T>
void insert_tail(detail::Writer& w, const std::vector<T>& base, const std::vector<T>& extended,
                 std::int64_t change) {
  insert_tail(w, std::span<const T>(base), std::span<const T>(extended), change);
}

// The updates `extended` adds to each action, base or new, in action order:
// written all together, as a bulk import has millions.
std::vector<detail::ActionUpdate> new_updates(const Plan& base, const Plan& extended) {
  std::vector<detail::ActionUpdate> updates;
  const auto &before = detail::action_table(base), &actions = detail::action_table(extended);
  for (std::size_t i = 0; i < actions.size(); ++i) {
    const std::size_t known = i < before.size() ? before.view(i).updates.size() : 0;
    for (const auto& u : actions.view(i).updates.subspan(known)) updates.push_back({actions.id(i), &u});
  }
  return updates;
}

// What a history list of `extended` adds to `base`'s, when the action was
// in the store's plan (all of it otherwise).
template <class T>
std::span<const T> added_to(const std::optional<detail::ActionView>& base,
                            std::span<const T> detail::ActionView::* list,
                            const detail::ActionView& extended) {
  return (extended.*list).subspan(base ? ((*base).*list).size() : 0);
}

// The rest of an action's new history (its updates are written apart).
void insert_new_history(detail::Writer& w, const std::optional<detail::ActionView>& base,
                        const detail::ActionView& extended, std::int64_t change) {
  using V = detail::ActionView;
  for (const auto& r : added_to(base, &V::due_revisions, extended)) w.insert(r, change);
  for (const auto& c : added_to(base, &V::owner_changes, extended)) w.insert(c, change);
  for (const auto& e : added_to(base, &V::evidence, extended)) w.insert(e, change);
  if (!(base && base->assurance) && extended.assurance) w.insert(*extended.assurance, change);
}

void write_in_place_changes(detail::Writer& w, const Plan& base, const Plan& extended, std::int64_t change) {
  for (std::size_t i = 0; i < base.audits().size(); ++i) {
    const auto &b = base.audits()[i], &e = extended.audits()[i];
    if (b.stage == e.stage) continue;
    w.set_audit_stage(e.id, e.stage);
    w.history(change, "audit", e.id.value(), "stage", to_string(b.stage), to_string(e.stage));
  }
  for (std::size_t i = 0; i < base.concerns().size(); ++i) {
    const auto &b = base.concerns()[i], &e = extended.concerns()[i];
    if (b.answered_on || !e.answered_on) continue;
    w.set_concern_answer(e.id, *e.answered_on, e.answer);
    w.history(change, "concern", e.id.value(), "answered_on", "", to_iso(*e.answered_on));
    w.history(change, "concern", e.id.value(), "answer", "", e.answer);
  }
}

// The reviews `extended` adds to each item, base or new.
template <class F>
void for_new_reviews(const Plan& base, const Plan& extended, F&& each) {
  const auto& items = extended.reviewable_items();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::size_t known =
        i < base.reviewable_items().size() ? base.reviewable_items()[i].reviews.size() : 0;
    for (std::size_t r = known; r < items[i].reviews.size(); ++r) each(items[i].reviews[r]);
  }
}

// The disseminations `extended` adds to each briefing, base or new.
template <class F>
void for_new_disseminations(const Plan& base, const Plan& extended, F&& each) {
  const auto& briefings = extended.briefings();
  for (std::size_t i = 0; i < briefings.size(); ++i) {
    const std::size_t known = i < base.briefings().size() ? base.briefings()[i].disseminations.size() : 0;
    const auto& list = briefings[i].disseminations;
    for (std::size_t d = known; d < list.size(); ++d) each(list[d]);
  }
}

template <class T>
void add_tail(Plan& staged, const std::vector<T>& base, const std::vector<T>& extended) {
  for (std::size_t i = base.size(); i < extended.size(); ++i) staged.add(extended[i]);
}

// Replays the history `extended` adds to one action (`base`: the action in
// the store's plan, if it was there). Revisions, owner changes and evidence
// go before updates and assurance: only a cancelling update or an assurance
// can stop them, so any order that was valid once replays in this one.
void replay_history(Plan& staged, const std::optional<detail::ActionView>& base,
                    const detail::ActionView& extended, const detail::ActionTable& table) {
  using V = detail::ActionView;
  for (const auto& r : added_to(base, &V::due_revisions, extended)) staged.record(r);
  for (const auto& c : added_to(base, &V::owner_changes, extended)) staged.record(c);
  for (const auto& e : added_to(base, &V::evidence, extended)) staged.record(e);
  for (const auto& u : added_to(base, &V::updates, extended)) staged.record(table.update(extended.id, u));
  if (!(base && base->assurance) && extended.assurance) staged.record(*extended.assurance);
}

void replay_in_place_changes(Plan& staged, const Plan& base, const Plan& extended) {
  for (std::size_t i = 0; i < base.audits().size(); ++i)
    if (extended.audits()[i].stage != base.audits()[i].stage)
      staged.advance_audit(base.audits()[i].id, extended.audits()[i].stage);
  for (std::size_t i = 0; i < base.concerns().size(); ++i) {
    const auto& e = extended.concerns()[i];
    if (!base.concerns()[i].answered_on && e.answered_on)
      staged.answer_concern(e.id, *e.answered_on, e.answer);
  }
}

// Rebuilds base plus what `extended` adds (extending it: require_extends)
// through the plan's own checks, so that nothing reaches the store
// unchecked, whatever `extended` holds.
Plan replay_extension(const Plan& base, const Plan& extended) {
  Plan staged = base;
  const auto &before = detail::action_table(base), &actions = detail::action_table(extended);
  staged.reserve({extended.audits().size(), extended.findings().size(), actions.size()});
  add_tail(staged, base.partnerships(), extended.partnerships());
  add_tail(staged, base.agencies(), extended.agencies());
  add_tail(staged, base.groups(), extended.groups());
  add_tail(staged, base.themes(), extended.themes());
  add_tail(staged, base.audits(), extended.audits());
  add_tail(staged, base.cases(), extended.cases());
  add_tail(staged, base.agency_returns(), extended.agency_returns());
  add_tail(staged, base.findings(), extended.findings());
  add_tail(staged, base.recommendations(), extended.recommendations());
  for (std::size_t i = before.size(); i < actions.size(); ++i)
    staged.add(detail::without_history(actions.view(i)), Provenance::recorded);
  for (std::size_t i = base.concerns().size(); i < extended.concerns().size(); ++i) {
    auto concern = extended.concerns()[i];
    concern.answered_on.reset();
    concern.answer.clear();
    staged.add(concern);
  }
  const auto edges = extended.dependencies();
  for (std::size_t i = base.dependency_count(); i < edges.size(); ++i)
    staged.add_dependency(edges[i].action, edges[i].depends_on, edges[i].lag_days);
  for (std::size_t i = 0; i < actions.size(); ++i)
    replay_history(staged, i < before.size() ? std::optional(before.view(i)) : std::nullopt, actions.view(i),
                   actions);
  replay_in_place_changes(staged, base, extended);
  for (std::size_t i = base.concerns().size(); i < extended.concerns().size(); ++i) {
    const auto& c = extended.concerns()[i];
    if (c.answered_on) staged.answer_concern(c.id, *c.answered_on, c.answer);
  }
  const auto& items = extended.reviewable_items();
  for (std::size_t i = base.reviewable_items().size(); i < items.size(); ++i) {
    auto item = items[i];
    item.reviews.clear();
    staged.add(std::move(item));
  }
  for_new_reviews(base, extended, [&](const ItemReview& r) { staged.record(r); });
  add_tail(staged, base.review_cycles(), extended.review_cycles());
  for (std::size_t i = base.briefings().size(); i < extended.briefings().size(); ++i) {
    auto briefing = extended.briefings()[i];
    briefing.disseminations.clear();
    staged.add(std::move(briefing));
  }
  for_new_disseminations(base, extended, [&](const Dissemination& d) { staged.record(d); });
  return staged;
}

}  // namespace

namespace {

// Foreign keys off for one bulk write (SQLite only switches them outside a
// transaction), back on afterwards whatever happens.
class ForeignKeysOff {
 public:
  ForeignKeysOff(SQLite::Database& db, const std::string& path) : db_(db) {
    try {
      db_.exec("PRAGMA foreign_keys = OFF");
    } catch (const SQLite::Exception& e) {
      throw StoreError("store '" + path + "': " + e.what());
    }
  }
  ForeignKeysOff(const ForeignKeysOff&) = delete;
  ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;
  ~ForeignKeysOff() {
    try {
      db_.exec("PRAGMA foreign_keys = ON");
    } catch (const SQLite::Exception&) {
      // Cannot fail outside a transaction; nothing sensible to do in a destructor.
    }
  }

 private:
  SQLite::Database& db_;
};

// The rollback journal instead of WAL for one bulk import, when no other
// connection has the file open, and WAL again afterwards whatever happens.
// Such an import writes hundreds of megabytes of new pages in one
// transaction: WAL writes each of them twice (to the log, then again when
// checkpointing it into the file), the rollback journal once (it keeps a copy
// of the pages the file held before, and a new page has none). SQLite's
// documentation advises a rollback journal for transactions larger than
// about 100 MB.
//  - Leaving WAL needs the file to itself: with another connection open, the
//    import stays in WAL at once (SQLite does not wait), and that connection
//    keeps reading its snapshot meanwhile. A connection opened during the
//    import waits for it instead (rollback-mode locking), up to its busy
//    timeout.
//  - Durability stays as in WAL: synchronous = EXTRA, so that the journal's
//    removal, which is the commit in this mode, is synced too.
//  - This connection's page cache is emptied before the switch and after it.
//    Leaving WAL checkpoints into the file what other connections wrote since
//    this one last read, but the switch rewrites page 1 from the cache, and
//    rollback mode would then take every cached page for current (nothing in
//    the file's header need tell it otherwise), writing over those changes.
class RollbackJournalForImport {
 public:
  explicit RollbackJournalForImport(SQLite::Database& db) : db_(db) {
    sqlite3_db_release_memory(db_.getHandle());
    try {
      switched_ = db_.execAndGet("PRAGMA journal_mode = DELETE").getString() == "delete";
    } catch (const SQLite::Exception&) {
      // Busy: another connection has the file open. (An in-memory store has
      // no journal to change and says so without throwing.)
    }
    if (!switched_) return;
    sqlite3_db_release_memory(db_.getHandle());
    try {
      synchronous_ = db_.execAndGet("PRAGMA synchronous").getInt();
      db_.exec("PRAGMA synchronous = EXTRA");
    } catch (const SQLite::Exception&) {
      // Cannot fail outside a transaction; the destructor restores both.
    }
  }
  RollbackJournalForImport(const RollbackJournalForImport&) = delete;
  RollbackJournalForImport& operator=(const RollbackJournalForImport&) = delete;
  ~RollbackJournalForImport() {
    if (!switched_) return;
    try {
      db_.exec("PRAGMA synchronous = " + std::to_string(synchronous_));
      db_.exec("PRAGMA journal_mode = WAL");
    } catch (const SQLite::Exception&) {
      // Another connection opened the file meanwhile and holds it; the file
      // stays in rollback mode, as safe, until a store opens it again.
    }
  }

 private:
  SQLite::Database& db_;
  bool switched_ = false;
  int synchronous_ = 2;  // FULL, SQLite's default
};

// A name as an SQL identifier: in double quotes, any double quote doubled.
std::string quoted_name(const std::string& name) {
  std::string out = "\"";
  for (const char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

// The connection's sorter may use up to one helper thread per core this
// process may run on while this lives (PRAGMA threads); the limit it had
// before is put back after, failure or not.
class SorterThreads {
 public:
  // Without the pragma (an SQLite before 3.8.7), nothing changes: the
  // sort is only slower.
  explicit SorterThreads(SQLite::Database& db) : db_(db) {
    try {
      before_ = db.execAndGet("PRAGMA threads").getInt();
      db_.exec("PRAGMA threads = " + std::to_string(std::min(detail::usable_cores(), 8U)));  // SQLite's cap
    } catch (const SQLite::Exception&) {  // the limit read, if any, is put back all the same
    }
  }
  ~SorterThreads() {
    if (!before_) return;
    try {
      db_.exec("PRAGMA threads = " + std::to_string(*before_));
    } catch (...) {  // a limit, not data: the connection works either way
    }
  }
  SorterThreads(const SorterThreads&) = delete;
  SorterThreads& operator=(const SorterThreads&) = delete;

 private:
  SQLite::Database& db_;
  std::optional<int> before_;  // the limit to put back, if it was read
};

// The indexes of the tables a bulk import fills row upon row (updates and
// dependencies, one or more per action), dropped inside its transaction
// while it inserts and built again before it commits: one index built over
// the finished table costs less than one kept in step row by row (at 10^6
// actions, 0.8 s to build against 1.5 s kept). The definitions are the
// file's own, read back from its schema; if the import fails, the rollback
// restores them with everything else. The builds sort every row of their
// tables, and SQLite's sorter may use a helper thread per hardware thread
// for it (at 10^6 actions 0.75-0.83 s alone, 0.52-0.58 s helped on two).
class IndexesSetAside {
 public:
  IndexesSetAside(SQLite::Database& db, const std::vector<std::string>& tables) : db_(db) {
    std::string listed;
    for (const auto& t : tables) listed += (listed.empty() ? "'" : ", '") + t + "'";
    SQLite::Statement indexes(db_,
                              "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                              "AND tbl_name IN (" +
                                  listed + ") ORDER BY name");
    std::vector<std::string> names;
    while (indexes.executeStep()) {
      names.push_back(indexes.getColumn(0).getString());
      definitions_.push_back(indexes.getColumn(1).getString());
    }
    for (const auto& name : names) db_.exec("DROP INDEX " + quoted_name(name));
  }
  void rebuild() {
    const SorterThreads helped(db_);
    for (const auto& sql : definitions_) db_.exec(sql);
    definitions_.clear();
  }

 private:
  SQLite::Database& db_;
  std::vector<std::string> definitions_;
};

// The whole file's references, checked inside the transaction before it
// commits: the first dangling one is a StoreError and nothing is written.
void require_foreign_keys(SQLite::Database& db, const std::string& path) {
  SQLite::Statement check(db, "PRAGMA foreign_key_check");
  if (!check.executeStep()) return;
  throw StoreError("store '" + path + "': foreign key violation: " + check.getColumn(0).getString() +
                   " row " + check.getColumn(1).getString() + " refers to a missing " +
                   check.getColumn(2).getString() + " row");
}

// A plan with nothing at all in it: every reference an import into it makes
// is to a row the import itself writes.
bool holds_nothing(const Plan& p) {
  return p.partnerships().empty() && p.agencies().empty() && p.groups().empty() && p.themes().empty() &&
         p.audits().empty() && p.cases().empty() && p.agency_returns().empty() && p.findings().empty() &&
         p.recommendations().empty() && p.actions().empty() && p.concerns().empty() &&
         p.review_cycles().empty() && p.reviewable_items().empty() && p.reviews().empty() &&
         p.briefings().empty();
}

// True when `proposed` can become the store's plan as it is, without the
// replay: the store's plan holds nothing, and everything in `proposed` went
// in through the plan's own checks, which is what the replay would do again
// (at 10^6 actions half of add_all's time).
bool adoptable(const Plan& base, const Plan& proposed) {
  return holds_nothing(base) && detail::built_through_checks(proposed);
}

// What the store's plan becomes, once `proposed` is known to extend it as
// add_all requires (no review meetings, say): `proposed` itself where it can
// be adopted (moved when given up), else base replayed with what `proposed`
// adds.
Plan extension_of(const Plan& base, const Plan& proposed, Plan* given_up) {
  require_extends(base, proposed);
  if (!adoptable(base, proposed)) return replay_extension(base, proposed);
  if (given_up) return std::move(*given_up);
  return proposed;
}

// True when the file holds no row but those of the change set `change` just
// began. Read inside the write transaction, so that no other writer can add
// one before it commits: a plan can be empty while its file is not (rows
// another program wrote since, rows the plan never reads).
bool file_holds_only(SQLite::Database& db, std::int64_t change) {
  std::vector<std::string> tables;
  SQLite::Statement names(db,
                          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
  while (names.executeStep()) tables.push_back(names.getColumn(0).getString());
  for (const auto& table : tables) {
    const std::string others =
        table == "change_set" ? " WHERE id <> " + std::to_string(change) : std::string();
    if (db.execAndGet("SELECT EXISTS (SELECT 1 FROM " + quoted_name(table) + others + ")").getInt() != 0)
      return false;
  }
  return true;
}

}  // namespace

void Store::add_all(const Plan& proposed, const Actor& by, std::string_view why) {
  impl_->add_all(proposed, nullptr, by, why);
}

void Store::add_all(Plan&& proposed, const Actor& by, std::string_view why) {
  Plan given_up;                  // allocated before anything is taken from `proposed`
  std::swap(given_up, proposed);  // `proposed` is left empty, whatever happens next
  impl_->add_all(given_up, &given_up, by, why);
}

void Store::Impl::add_all(const Plan& proposed, Plan* given_up, const Actor& by, std::string_view why) {
  const Plan& base = plan;
  Plan extended = extension_of(base, proposed, given_up);
  auto& w = writer;
  // An import that at least doubles the actions (the first import, say)
  // checks the foreign keys once over the whole file before committing
  // rather than on each row it inserts: a fifth of its time at 10^5 actions.
  // A smaller one keeps the row-by-row checks, cheaper than a scan.
  const auto &before = detail::action_table(base), &actions = detail::action_table(extended);
  const std::size_t stored = before.size();
  const bool bulk = actions.size() - stored >= std::max<std::size_t>(stored, 1);
  std::optional<ForeignKeysOff> per_row_checks_off;
  std::optional<RollbackJournalForImport> rollback_journal;
  if (bulk) {
    per_row_checks_off.emplace(db, path);
    rollback_journal.emplace(db);
  }
  write(by, why, [&](std::int64_t change) {
    // Into a plan and a file that held nothing, the import's rows refer only
    // to one another, all written in this transaction under the plan's
    // checks: nothing can dangle, and the scan (a tenth of an import of 10^6
    // actions) is skipped.
    const bool check_file = bulk && !(holds_nothing(base) && file_holds_only(db, change));
    std::optional<IndexesSetAside> bulk_indexes;
    if (bulk) bulk_indexes.emplace(db, std::vector<std::string>{"action_update", "dependency"});
    insert_tail(w, base.partnerships(), extended.partnerships(), change);
    insert_tail(w, base.agencies(), extended.agencies(), change);
    insert_tail(w, base.groups(), extended.groups(), change);
    insert_tail(w, base.themes(), extended.themes(), change);
    insert_tail(w, base.audits(), extended.audits(), change);
    insert_tail(w, base.cases(), extended.cases(), change);
    insert_tail(w, base.agency_returns(), extended.agency_returns(), change);
    insert_tail(w, base.findings(), extended.findings(), change);
    insert_tail(w, base.recommendations(), extended.recommendations(), change);
    w.insert_all(actions, stored, true, change);
    insert_tail(w, base.concerns(), extended.concerns(), change);
    insert_tail(w, base.dependencies(), extended.dependencies(), change);
    w.insert_all(actions, new_updates(base, extended), change);
    for (std::size_t i = 0; i < actions.size(); ++i)
      insert_new_history(w, i < stored ? std::optional(before.view(i)) : std::nullopt, actions.view(i),
                         change);
    write_in_place_changes(w, base, extended, change);
    insert_tail(w, base.reviewable_items(), extended.reviewable_items(), change);
    for_new_reviews(base, extended, [&](const ItemReview& r) { w.insert(r, change); });
    insert_tail(w, base.review_cycles(), extended.review_cycles(), change);
    insert_tail(w, base.briefings(), extended.briefings(), change);
    for_new_disseminations(base, extended, [&](const Dissemination& d) { w.insert(d, change); });
    if (bulk_indexes) bulk_indexes->rebuild();
    if (check_file) require_foreign_keys(db, path);
  });
  plan = std::move(extended);
}

// ---- history -------------------------------------------------------------------

namespace {

// Creations come from each table's change_id, events from the append-only
// event tables (a meeting's outcomes are events of the review), in-place
// changes from `history`. Each branch filters by entity and id itself, so
// asking for one action reads only its rows. Within a change, an entity's
// creation comes before its other rows.
constexpr const char* history_sql = R"sql(
WITH entry (change_id, entity, entity_id, field, old_value, new_value, seq) AS (
  SELECT change_id, 'partnership', id, 'created', NULL, name, 0 FROM partnership WHERE (?1 = '' OR ?1 = 'partnership') AND (?2 = 0 OR id = ?2)
  UNION ALL SELECT change_id, 'agency', id, 'created', NULL, name, 0 FROM agency WHERE (?1 = '' OR ?1 = 'agency') AND (?2 = 0 OR id = ?2)
  UNION ALL SELECT change_id, 'group', id, 'created', NULL, name, 0 FROM monitoring_group WHERE (?1 = '' OR ?1 = 'group') AND (?2 = 0 OR id = ?2)
  UNION ALL SELECT change_id, 'theme', id, 'created', NULL, name, 0 FROM theme WHERE (?1 = '' OR ?1 = 'theme') AND (?2 = 0 OR id = ?2)
  UNION ALL SELECT change_id, 'audit', id, 'created', NULL, title, 0 FROM audit WHERE (?1 = '' OR ?1 = 'audit') AND (?2 = 0 OR id = ?2)
  UNION ALL SELECT change_id, 'case', id, 'created', NULL, reference, 0 FROM case_record WHERE (?1 = '' OR ?1 = 'case') AND (?2 = 0 OR id = ?2)
  UNION ALL SELECT change_id, 'agency_return', id, 'created', NULL, agency_id, 0 FROM agency_return
    WHERE (?1 = '' OR ?1 = 'agency_return') AND (?2 = 0 OR id = ?2)
  UNION ALL SELECT change_id, 'finding', id, 'created', NULL, text, 0 FROM finding WHERE (?1 = '' OR ?1 = 'finding') AND (?2 = 0 OR id = ?2)
  UNION ALL SELECT change_id, 'recommendation', id, 'created', NULL, text, 0 FROM recommendation
    WHERE (?1 = '' OR ?1 = 'recommendation') AND (?2 = 0 OR id = ?2)
  UNION ALL SELECT change_id, 'action', id, 'created', NULL, title, 0 FROM action WHERE (?1 = '' OR ?1 = 'action') AND (?2 = 0 OR id = ?2)
  UNION ALL SELECT change_id, 'concern', id, 'created', NULL, description, 0 FROM immediate_concern
    WHERE (?1 = '' OR ?1 = 'concern') AND (?2 = 0 OR id = ?2)
  UNION ALL SELECT change_id, 'action', action_id, 'depends_on', NULL,
    depends_on_id || CASE lag_days WHEN 0 THEN '' ELSE ' + ' || lag_days || ' days' END, rowid FROM dependency
    WHERE (?1 = '' OR ?1 = 'action') AND (?2 = 0 OR action_id = ?2)
  UNION ALL SELECT removed_change_id, 'action', action_id, 'depends_on',
    depends_on_id || CASE lag_days WHEN 0 THEN '' ELSE ' + ' || lag_days || ' days' END, NULL, rowid
    FROM dependency WHERE (?1 = '' OR ?1 = 'action') AND (?2 = 0 OR action_id = ?2) AND removed_change_id IS NOT NULL
  UNION ALL SELECT change_id, 'action', action_id, 'status',
    coalesce(lag(status) OVER (PARTITION BY action_id ORDER BY seq), 'not_started'), status, seq
    FROM action_update WHERE (?1 = '' OR ?1 = 'action') AND (?2 = 0 OR action_id = ?2)
  UNION ALL SELECT r.change_id, 'action', r.action_id, 'due_on',
    coalesce(lag(r.new_due) OVER (PARTITION BY r.action_id ORDER BY r.seq), a.due_on), r.new_due, r.seq
    FROM due_revision r JOIN action a ON a.id = r.action_id WHERE (?1 = '' OR ?1 = 'action') AND (?2 = 0 OR r.action_id = ?2)
  UNION ALL SELECT c.change_id, 'action', c.action_id, 'owner',
    coalesce(lag(coalesce('agency ' || c.owner_agency_id, 'group ' || c.owner_group_id) ||
      CASE c.owner_role WHEN '' THEN '' ELSE ' (' || c.owner_role || ')' END) OVER (PARTITION BY c.action_id ORDER BY c.seq),
      coalesce('agency ' || a.owner_agency_id, 'group ' || a.owner_group_id) ||
      CASE a.owner_role WHEN '' THEN '' ELSE ' (' || a.owner_role || ')' END),
    coalesce('agency ' || c.owner_agency_id, 'group ' || c.owner_group_id) ||
      CASE c.owner_role WHEN '' THEN '' ELSE ' (' || c.owner_role || ')' END, c.seq
    FROM owner_change c JOIN action a ON a.id = c.action_id WHERE (?1 = '' OR ?1 = 'action') AND (?2 = 0 OR c.action_id = ?2)
  UNION ALL SELECT change_id, 'action', action_id, 'evidence', NULL, kind || ': ' || description, rowid FROM evidence
    WHERE (?1 = '' OR ?1 = 'action') AND (?2 = 0 OR action_id = ?2)
  UNION ALL SELECT change_id, 'action', action_id, 'assured', NULL, on_date, 0 FROM assurance
    WHERE (?1 = '' OR ?1 = 'action') AND (?2 = 0 OR action_id = ?2)
  UNION ALL SELECT change_id, 'review_cycle', id, 'created', NULL, name, 0 FROM review_cycle
    WHERE (?1 = '' OR ?1 = 'review_cycle') AND (?2 = 0 OR id = ?2)
  UNION ALL SELECT change_id, 'reviewable_item', id, 'created', NULL, description, 0 FROM reviewable_item
    WHERE (?1 = '' OR ?1 = 'reviewable_item') AND (?2 = 0 OR id = ?2)
  UNION ALL SELECT change_id, 'reviewable_item', item_id, CASE retired WHEN 1 THEN 'retired' ELSE 'reviewed' END,
    NULL, on_date, rowid FROM item_review WHERE (?1 = '' OR ?1 = 'reviewable_item') AND (?2 = 0 OR item_id = ?2)
  UNION ALL SELECT m.change_id, 'review', m.id, 'created', NULL, g.name || ' on ' || m.held_on, 0
    FROM review_meeting m JOIN monitoring_group g ON g.id = m.group_id
    WHERE (?1 = '' OR ?1 = 'review') AND (?2 = 0 OR m.id = ?2)
  UNION ALL SELECT m.change_id, 'review', m.id, 'outcome', NULL,
    'action ' || o.action_id || ': ' || o.kind || coalesce(' to ' || o.new_due, ' to group ' || o.escalated_to, ''), o.rowid
    FROM review_outcome o JOIN review_meeting m ON m.id = o.meeting_id
    WHERE (?1 = '' OR ?1 = 'review') AND (?2 = 0 OR m.id = ?2)
  UNION ALL SELECT change_id, 'briefing', id, 'created', NULL, title, 0 FROM briefing
    WHERE (?1 = '' OR ?1 = 'briefing') AND (?2 = 0 OR id = ?2)
  UNION ALL SELECT change_id, entity, entity_id, field, old_value, new_value, rowid FROM history
    WHERE (?1 = '' OR entity = ?1) AND (?2 = 0 OR entity_id = ?2)
)
SELECT e.change_id, c.actor, c.recorded_at, c.why, e.entity, e.entity_id, e.field,
       coalesce(e.old_value, ''), coalesce(e.new_value, '')
FROM entry e JOIN change_set c ON c.id = e.change_id
ORDER BY e.change_id, e.entity, e.entity_id, e.field <> 'created', e.seq
)sql";

}  // namespace

std::vector<HistoryEntry> Store::history(std::string_view entity, std::int64_t id) const {
  try {
    SQLite::Statement s(impl_->db, history_sql);
    s.bind(1, std::string(entity));
    s.bind(2, static_cast<int64_t>(id));
    std::vector<HistoryEntry> entries;
    while (s.executeStep())
      entries.push_back(HistoryEntry{detail::int_at(s, 0), detail::text_at(s, 1), detail::text_at(s, 2),
                                     detail::text_at(s, 3), detail::text_at(s, 4), detail::int_at(s, 5),
                                     detail::text_at(s, 6), detail::text_at(s, 7), detail::text_at(s, 8)});
    return entries;
  } catch (const SQLite::Exception& e) {
    throw StoreError("store '" + impl_->path + "': " + e.what());
  }
}

}  // namespace plansight
