#include "plansight/plan.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <regex>
#include <tuple>
#include <unordered_set>

#include "detail/action_table.hpp"
#include "detail/dependency_graph.hpp"
#include "detail/position_index.hpp"
#include "plansight/dates.hpp"
#include "plansight/errors.hpp"

namespace plansight {
namespace {

std::string iso(Date d) { return to_iso(d); }

// The id after `last`, the highest given so far; refused, rather than
// overflowing, when `last` is the largest an id can be.
template <class IdT>
IdT next_id(typename IdT::value_type last) {
  if (last == std::numeric_limits<typename IdT::value_type>::max())
    throw ValidationError("id", "no id is left after " + std::to_string(last) + "; give a free one");
  return IdT(last + 1);
}

// The plan's actions: columns (detail::ActionTable), an index by id and the
// next free id, as Table below keeps them for the other kinds.
struct ActionColumns {
  detail::ActionTable table;
  detail::PositionIndex<ActionId> index;
  ActionId::value_type last_id = 0;

  bool contains(ActionId id) const { return index.find(id) >= 0; }
  ActionId assign(ActionId id) const {
    if (id.value() < 0)
      throw ValidationError("id", "must not be negative, got " + std::to_string(id.value()));
    return id.assigned() ? id : next_id<ActionId>(last_id);
  }
  // The columns first: should indexing the action fail, it goes again.
  void insert(const Action& a) {
    table.push_back(a);
    try {
      index.insert(a.id, table.size() - 1);
    } catch (...) {
      table.pop_back();
      throw;
    }
    last_id = std::max(last_id, a.id.value());
  }
};

// A table of one entity kind: rows in insertion order, an index by id, and
// the next free id.
template <class T, class IdT>
struct Table {
  std::vector<T> rows;
  detail::PositionIndex<IdT> index;
  typename IdT::value_type last_id = 0;

  const T* find(IdT id) const {
    const auto at = index.find(id);
    return at < 0 ? nullptr : &rows[static_cast<std::size_t>(at)];
  }
  T* find(IdT id) {
    const auto at = index.find(id);
    return at < 0 ? nullptr : &rows[static_cast<std::size_t>(at)];
  }
  IdT assign(IdT id) const {
    if (id.value() < 0)
      throw ValidationError("id", "must not be negative, got " + std::to_string(id.value()));
    return id.assigned() ? id : next_id<IdT>(last_id);
  }
  // The row first: should indexing it fail, the row goes again, so that the
  // index never names a position the rows do not have. By reference: a
  // parameter by value would be one more move of each row (an Action is 320
  // bytes), and a load adds a million.
  const T& insert(T&& row) {
    const auto id = row.id;
    rows.push_back(std::move(row));
    try {
      index.insert(id, rows.size() - 1);
    } catch (...) {
      rows.pop_back();
      throw;
    }
    last_id = std::max(last_id, id.value());
    return rows.back();
  }
};

void require_text(std::string_view value, const char* field) {
  if (is_blank(value)) throw ValidationError(field, "must not be empty");
}

void require_date(Date d, const char* field) {
  if (d.is_special()) throw ValidationError(field, "must be a valid date");
}

template <class IdT>
void require_unique_id(bool exists, const char* what, IdT id) {
  if (exists) throw ConflictError(std::string(what) + " " + std::to_string(id.value()) + " already exists");
}

[[noreturn]] void not_found(const char* what, std::int64_t id) {
  throw NotFoundError("no " + std::string(what) + " " + std::to_string(id));
}

template <class Tab, class IdT>
const auto& get(const Tab& table, IdT id, const char* what) {
  const auto* row = table.find(id);
  if (!row) not_found(what, id.value());
  return *row;
}

bool is_final(Status s) { return s == Status::cancelled; }

// The helpers below read an Action or a detail::ActionView alike.
template <class A>
Status current_status(const A& a) {
  return a.updates.empty() ? Status::not_started : a.updates.back().status;
}

template <class A>
void require_in_order(const A& a, Date on, Date last, const char* what) {
  if (on < a.created_on)
    throw ValidationError("on", std::string(what) + " dated " + iso(on) + " is before action " +
                                    std::to_string(a.id.value()) + " was created (" + iso(a.created_on) +
                                    ")");
  if (!last.is_special() && on < last)
    throw ValidationError("on", std::string(what) + " dated " + iso(on) +
                                    " is before the latest one already recorded (" + iso(last) +
                                    "); record history in date order");
}

template <class A>
void require_changeable(const A& a) {
  if (a.assurance)
    throw ConflictError("action " + std::to_string(a.id.value()) + " was assured on " + iso(a.assurance->on) +
                        " and no longer changes");
  if (is_final(current_status(a)))
    throw ConflictError("action " + std::to_string(a.id.value()) + " is cancelled and no longer changes");
}

// What in `text` looks like personal data: "an NHS number" (ten digits,
// optionally grouped 3-3-4), "a date of birth" (a date, or a DOB marker),
// or nullptr when nothing does.
const char* personal_data_in(const std::string& text) {
  static const std::regex nhs_number(R"((^|[^0-9])[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}($|[^0-9]))");
  static const std::regex numeric_date(
      R"((^|[^0-9])([0-9]{1,2}[/.-][0-9]{1,2}[/.-]([0-9]{4}|[0-9]{2})|[0-9]{4}[/.-][0-9]{1,2}[/.-][0-9]{1,2})($|[^0-9]))");
  // "3 March 2011", "3rd Mar. 2011" and "March 3, 2011".
  static const std::regex written_date(
      R"([0-9]{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+[0-9]{2,4})"
      R"(|(^|[^a-z])(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?)"
      R"(|oct(ober)?|nov(ember)?|dec(ember)?)\.?\s+[0-9]{1,2}(st|nd|rd|th)?,?\s+[0-9]{2,4})",
      std::regex::icase);
  static const std::regex dob_word(R"((^|[^a-z])(dob|d\.o\.b\.?|born)([^a-z]|$))", std::regex::icase);
  if (std::regex_search(text, nhs_number)) return "an NHS number";
  if (std::regex_search(text, numeric_date) || std::regex_search(text, written_date) ||
      std::regex_search(text, dob_word))
    return "a date of birth";
  return nullptr;
}

// A reviewable item's description says what the flag or tool is; the dates
// that matter are placed_on and its reviews, so any date in it is taken for a
// possible date of birth, as in a case reference.
void check_item_description(const std::string& description) {
  if (const char* what = personal_data_in(description))
    throw ValidationError("description", "description '" + description + "' looks like it holds " + what +
                                             "; describe the item without personal data (placed_on and the "
                                             "reviews carry its dates)");
}

// The entity `what` (a group, an audit ...) named in `field` must belong to `expected`.
void require_partnership(PartnershipId found, PartnershipId expected, const char* field, const char* what,
                         std::int64_t id) {
  if (found != expected)
    throw ValidationError(field, std::string(what) + " " + std::to_string(id) +
                                     " belongs to another partnership (" + std::to_string(found.value()) +
                                     ", not " + std::to_string(expected.value()) + ")");
}

void require_explicit_dates(const std::vector<Date>& dates) {
  if (dates.empty()) throw ValidationError("dates", "an explicit_dates cycle needs at least one date");
  for (std::size_t i = 0; i < dates.size(); ++i) {
    if (dates[i].is_special())
      throw ValidationError("dates", "date " + std::to_string(i + 1) + " of " + std::to_string(dates.size()) +
                                         " is not a valid date");
    if (i > 0 && dates[i] <= dates[i - 1])
      throw ValidationError("dates", "dates must be strictly ascending, but " + iso(dates[i]) + " follows " +
                                         iso(dates[i - 1]));
  }
}

}  // namespace

void check_cycle(const ReviewCycle& c) {
  const auto kind = to_string(c.kind);
  switch (c.kind) {
    case CycleKind::every_n_months:
      if (c.months < 1)
        throw ValidationError(
            "months", "an every_n_months cycle needs 1 or more months, got " + std::to_string(c.months));
      [[fallthrough]];
    case CycleKind::calendar_quarters:
    case CycleKind::financial_quarters:
      if (c.start.is_special())
        throw ValidationError("start", "a " + kind + " cycle needs a valid start date");
      return;
    case CycleKind::explicit_dates:
      require_explicit_dates(c.dates);
      return;
  }
}

namespace {

// What a cycle is attached to: "partnership 1's whole plan", "audit 2", "reviewable item 3".
std::string scope_of(const ReviewCycle& c) {
  if (c.audit) return "audit " + std::to_string(c.audit->value());
  if (c.item) return "reviewable item " + std::to_string(c.item->value());
  return "the whole plan of partnership " + std::to_string(c.partnership.value());
}

// Reviews are strictly after one another: two on one day would make "the
// latest review", from which the next falls due, ambiguous.
void require_review_in_order(const ReviewableItem& item, Date on, Date latest) {
  if (on < item.placed_on)
    throw ValidationError("on", "review dated " + iso(on) + " is before reviewable item " +
                                    std::to_string(item.id.value()) + " was placed (" + iso(item.placed_on) +
                                    ")");
  if (!latest.is_special() && on <= latest)
    throw ValidationError("on", "review dated " + iso(on) + " is not after the latest review (" +
                                    iso(latest) + "); record reviews in date order, one a day");
}

// The text of an error without the "field: " its class put in front.
std::string message_of(const ValidationError& e) {
  const std::string text = e.what();
  return e.field().empty() ? text : text.substr(e.field().size() + 2);
}

// Runs `check` for one outcome of a meeting, naming the outcome in whatever
// it throws (the same kind of error, the same field).
template <class F>
void within_outcome(const ReviewOutcome& o, F&& check) {
  const std::string where =
      "outcome for action " + std::to_string(o.action.value()) + " (" + to_string(o.kind) + "): ";
  try {
    check();
  } catch (const ValidationError& e) {
    throw ValidationError(e.field(), where + message_of(e));
  } catch (const NotFoundError& e) {
    throw NotFoundError(where + e.what());
  } catch (const ConflictError& e) {
    throw ConflictError(where + e.what());
  }
}

}  // namespace

struct Plan::Impl {
  Table<Partnership, PartnershipId> partnerships;
  Table<Agency, AgencyId> agencies;
  Table<Group, GroupId> groups;
  Table<Theme, ThemeId> themes;
  Table<Audit, AuditId> audits;
  Table<Case, CaseId> cases;
  Table<AgencyReturn, AgencyReturnId> returns;
  Table<Finding, FindingId> findings;
  Table<Recommendation, RecommendationId> recommendations;
  ActionColumns actions;
  Table<ImmediateConcern, ConcernId> concerns;
  Table<ReviewCycle, ReviewCycleId> cycles;
  // Each cycle by its scope (partnership, audit, item; 0 for none): one per scope.
  std::map<std::tuple<std::int64_t, std::int64_t, std::int64_t>, std::size_t> cycle_by_scope;
  Table<ReviewableItem, ReviewableId> items;
  Table<ReviewMeeting, ReviewId> meetings;
  Table<Briefing, BriefingId> briefings;
  detail::DependencyGraph graph;                // each action's dependents, by position in `actions`
  std::unordered_set<EvidenceId> evidence_ids;  // evidence ids are unique across all actions
  EvidenceId::value_type last_evidence = 0;
  // Set by the first restore_history, restore or restore_reviews, whether or
  // not it succeeds: see
  // detail::built_through_checks.
  bool restored = false;

  ActionId new_action_id(const Action& a, Provenance from) const;
  void require_agencies(const std::vector<AgencyId>& ids) const {
    for (auto id : ids) get(agencies, id, "agency");
  }
  void require_themes(const std::vector<ThemeId>& ids) const {
    for (auto id : ids) get(themes, id, "theme");
  }
  void require_owner(const Owner& o, PartnershipId partnership) const {
    if (o.agency.has_value() == o.group.has_value())
      throw ValidationError("owner", "must be exactly one of an agency or a group");
    if (o.agency) get(agencies, *o.agency, "agency");
    if (o.group && get(groups, *o.group, "group").partnership != partnership)
      throw ValidationError("owner",
                            "group " + std::to_string(o.group->value()) + " belongs to another partnership");
  }
  // The cycle already attached to what `c` would attach to, if any.
  static std::tuple<std::int64_t, std::int64_t, std::int64_t> scope_key(PartnershipId partnership,
                                                                        std::optional<AuditId> audit,
                                                                        std::optional<ReviewableId> item) {
    return {partnership.value(), audit ? audit->value() : 0, item ? item->value() : 0};
  }
  const ReviewCycle* cycle_of_scope(PartnershipId partnership, std::optional<AuditId> audit,
                                    std::optional<ReviewableId> item) const {
    const auto it = cycle_by_scope.find(scope_key(partnership, audit, item));
    return it == cycle_by_scope.end() ? nullptr : &cycles.rows[it->second];
  }
  const ReviewCycle* cycle_of_scope(const ReviewCycle& c) const {
    return cycle_of_scope(c.partnership, c.audit, c.item);
  }
  void require_attendance(const std::vector<AgencyId>& attending) const {
    std::unordered_set<AgencyId> listed;
    for (auto id : attending) {
      get(agencies, id, "agency");
      if (!listed.insert(id).second)
        throw ValidationError("attending", "agency " + std::to_string(id.value()) + " is listed twice");
    }
  }
  // Applies a meeting's effects, checked beforehand.
  void apply(MeetingEffects effects) {
    for (const auto& u : effects.updates) actions.table.append(position(u.action), u);
    for (const auto& r : effects.due_revisions) actions.table.append(position(r.action), r);
    for (const auto& a : effects.assurances) actions.table.assure(position(a.action), a);
  }
  // An action known to the plan, read in place (Plan::action copies):
  // NotFoundError when there is none.
  std::size_t position_or_throw(ActionId id) const {
    const auto at = actions.index.find(id);
    if (at < 0) not_found("action", id.value());
    return static_cast<std::size_t>(at);
  }
  detail::ActionView action_ref(ActionId id) const { return actions.table.view(position_or_throw(id)); }
  // The position of an action known to exist.
  std::size_t position(ActionId id) const { return static_cast<std::size_t>(actions.index.find(id)); }
  // `#7 "Deliver training" -> #9 "Book practitioners" -> #7 "Deliver training"`:
  // the actions at these positions, each depending on the next, closed.
  std::string describe_cycle(const std::vector<detail::DependencyGraph::Vertex>& cycle) const {
    std::string text;
    for (auto at : cycle) text += describe(actions.table.view(at)) + " -> ";
    return text + describe(actions.table.view(cycle.front()));
  }
  static std::string describe(const detail::ActionView& a) {
    return "#" + std::to_string(a.id.value()) + " \"" + a.title + "\"";
  }
};

Plan::Plan() : impl_(std::make_unique<Impl>()) {}
Plan::Plan(const Plan& other) : impl_(std::make_unique<Impl>(*other.impl_)) {}
Plan::Plan(Plan&&) noexcept = default;
Plan& Plan::operator=(const Plan& other) {
  if (this != &other) impl_ = std::make_unique<Impl>(*other.impl_);
  return *this;
}
Plan& Plan::operator=(Plan&&) noexcept = default;
Plan::~Plan() = default;

// ---- review meetings: what an outcome does, and its checks -----------------------

namespace {

// Adds to `out` what outcome `o` of meeting `m`, held by `group`, does to its action.
void add_effect(MeetingEffects& out, const ReviewMeeting& m, const Group& group, const ReviewOutcome& o) {
  switch (o.kind) {
    case OutcomeKind::complete:
      out.updates.push_back(Update{o.action, m.held_on, Status::complete, std::nullopt,
                                   is_blank(o.note) ? "completed at review" : o.note, group.name, m.held_on});
      return;
    case OutcomeKind::cancel:
      out.updates.push_back(
          Update{o.action, m.held_on, Status::cancelled, std::nullopt, o.reason, group.name, std::nullopt});
      return;
    case OutcomeKind::extend:
      out.due_revisions.push_back(
          DueDateRevision{o.action, m.held_on, o.new_due.value_or(Date()), o.reason, group.name});
      return;
    case OutcomeKind::assure:
      out.assurances.push_back(Assurance{o.action, m.held_on, m.group, o.note, group.name});
      return;
    case OutcomeKind::continue_:
    case OutcomeKind::escalate:
      return;
  }
}

void require_reason(const ReviewOutcome& o) {
  if (is_blank(o.reason))
    throw ValidationError("reason", "the " + to_string(o.kind) + " outcome needs a reason");
}

// What the outcome itself must carry, by kind; what it does is checked apart.
void check_outcome_fields(const Plan& plan, const Group& group, const ReviewOutcome& o) {
  if (o.new_due && o.kind != OutcomeKind::extend)
    throw ValidationError("new_due", "only an extend outcome carries new_due");
  if (o.escalated_to && o.kind != OutcomeKind::escalate)
    throw ValidationError("escalated_to", "only an escalate outcome carries escalated_to");
  if (o.kind == OutcomeKind::extend) {
    if (!o.new_due) throw ValidationError("new_due", "an extend outcome needs the new due date");
    require_date(*o.new_due, "new_due");
    require_reason(o);
  }
  if (o.kind == OutcomeKind::cancel) require_reason(o);
  if (o.kind == OutcomeKind::escalate) {
    if (!o.escalated_to)
      throw ValidationError("escalated_to", "an escalate outcome needs the group escalated to");
    const auto& to = plan.group(*o.escalated_to);
    require_partnership(to.partnership, group.partnership, "escalated_to", "group", to.id.value());
    if (to.id == group.id)
      throw ValidationError("escalated_to", "group " + std::to_string(to.id.value()) +
                                                " holds the meeting and cannot be escalated to");
    require_reason(o);
  }
}

// An extension moves the due date later: anything else is a different
// decision (a revision recorded as such), not an extension.
template <class A>
void require_extension(const A& a, Date new_due) {
  const Date due = a.due_revisions.empty() ? a.due_on : a.due_revisions.back().new_due;
  if (new_due <= due)
    throw ValidationError("new_due", "extending action " + std::to_string(a.id.value()) + " to " +
                                         iso(new_due) + " does not move its due date " + iso(due) + " later");
}

void check_outcome(const Plan& plan, const ReviewMeeting& m, const Group& group, const ReviewOutcome& o) {
  const auto& a = plan.action(o.action);
  if (a.partnership != group.partnership)
    throw ValidationError("action", "action " + std::to_string(a.id.value()) + " belongs to partnership " +
                                        std::to_string(a.partnership.value()) + ", not to group " +
                                        std::to_string(group.id.value()) + "'s partnership " +
                                        std::to_string(group.partnership.value()));
  if (m.held_on < a.created_on)
    throw ValidationError("held_on", "the meeting on " + iso(m.held_on) + " is before action " +
                                         std::to_string(a.id.value()) + " was created (" + iso(a.created_on) +
                                         ")");
  check_outcome_fields(plan, group, o);
  MeetingEffects effects;
  add_effect(effects, m, group, o);
  for (const auto& u : effects.updates) plan.check(u);
  for (const auto& r : effects.due_revisions) plan.check(r);
  for (const auto& s : effects.assurances) plan.check(s);
  if (o.kind == OutcomeKind::extend) require_extension(a, *o.new_due);
}

}  // namespace

MeetingEffects effects_of(const Plan& plan, const ReviewMeeting& meeting) {
  const auto& group = plan.group(meeting.group);
  MeetingEffects effects;
  for (const auto& o : meeting.outcomes) add_effect(effects, meeting, group, o);
  return effects;
}

// ---- prepare: validate and assign ids ---------------------------------------

Partnership Plan::prepare(Partnership p) const {
  require_unique_id(impl_->partnerships.find(p.id), "partnership", p.id);
  require_text(p.name, "name");
  p.id = impl_->partnerships.assign(p.id);
  return p;
}

Agency Plan::prepare(Agency a) const {
  require_unique_id(impl_->agencies.find(a.id), "agency", a.id);
  require_text(a.name, "name");
  a.id = impl_->agencies.assign(a.id);
  return a;
}

Group Plan::prepare(Group g) const {
  require_unique_id(impl_->groups.find(g.id), "group", g.id);
  get(impl_->partnerships, g.partnership, "partnership");
  require_text(g.name, "name");
  g.id = impl_->groups.assign(g.id);
  return g;
}

Theme Plan::prepare(Theme t) const {
  require_unique_id(impl_->themes.find(t.id), "theme", t.id);
  require_text(t.name, "name");
  if (find_theme(t.name)) throw ConflictError("theme '" + t.name + "' already exists");
  t.id = impl_->themes.assign(t.id);
  return t;
}

Audit Plan::prepare(Audit a) const {
  require_unique_id(impl_->audits.find(a.id), "audit", a.id);
  get(impl_->partnerships, a.partnership, "partnership");
  require_text(a.title, "title");
  require_date(a.held_on, "held_on");
  impl_->require_themes(a.themes);
  impl_->require_agencies(a.agencies);
  if (a.reaudit_of) {
    const auto& original = get(impl_->audits, *a.reaudit_of, "audit");
    if (original.partnership != a.partnership)
      throw ValidationError(
          "reaudit_of", "audit " + std::to_string(original.id.value()) + " belongs to another partnership");
    if (original.held_on > a.held_on)
      throw ValidationError("held_on", "a re-audit (" + iso(a.held_on) +
                                           ") cannot be held before the audit it re-audits (" +
                                           iso(original.held_on) + ")");
  }
  a.id = impl_->audits.assign(a.id);
  return a;
}

Case Plan::prepare(Case c) const {
  require_unique_id(impl_->cases.find(c.id), "case", c.id);
  get(impl_->audits, c.audit, "audit");
  require_text(c.reference, "reference");
  check_case_reference(c.reference);
  if (c.age_band.from < 0 || c.age_band.to > 25 || c.age_band.from > c.age_band.to)
    throw ValidationError("age_band", "must run from 0 to 25 years with from <= to, got " +
                                          std::to_string(c.age_band.from) + " to " +
                                          std::to_string(c.age_band.to));
  for (const auto& other : impl_->cases.rows)
    if (other.audit == c.audit && other.reference == c.reference)
      throw ConflictError("case reference '" + c.reference + "' is already used in audit " +
                          std::to_string(c.audit.value()));
  c.id = impl_->cases.assign(c.id);
  return c;
}

AgencyReturn Plan::prepare(AgencyReturn r) const {
  require_unique_id(impl_->returns.find(r.id), "agency return", r.id);
  const auto& c = get(impl_->cases, r.case_id, "case");
  get(impl_->agencies, r.agency, "agency");
  const auto& audit = impl_->audits.find(c.audit);
  if (!audit->agencies.empty() &&
      std::find(audit->agencies.begin(), audit->agencies.end(), r.agency) == audit->agencies.end())
    throw ValidationError("agency", "agency " + std::to_string(r.agency.value()) +
                                        " does not take part in audit " + std::to_string(audit->id.value()));
  for (const auto& g : r.gradings) require_text(g.question, "question");
  r.id = impl_->returns.assign(r.id);
  return r;
}

Finding Plan::prepare(Finding f) const {
  require_unique_id(impl_->findings.find(f.id), "finding", f.id);
  get(impl_->audits, f.audit, "audit");
  require_text(f.text, "text");
  impl_->require_themes(f.themes);
  impl_->require_agencies(f.agencies);
  for (auto c : f.cases)
    if (get(impl_->cases, c, "case").audit != f.audit)
      throw ValidationError("cases", "case " + std::to_string(c.value()) + " belongs to another audit");
  f.id = impl_->findings.assign(f.id);
  return f;
}

Recommendation Plan::prepare(Recommendation r) const {
  require_unique_id(impl_->recommendations.find(r.id), "recommendation", r.id);
  get(impl_->audits, r.audit, "audit");
  require_text(r.text, "text");
  for (auto f : r.findings)
    if (get(impl_->findings, f, "finding").audit != r.audit)
      throw ValidationError("findings", "finding " + std::to_string(f.value()) + " belongs to another audit");
  r.id = impl_->recommendations.assign(r.id);
  return r;
}

// What prepare(Action) checks, and the id the action gets. It reads the
// action where it lies: an Action is a large struct, and a store reading a
// file adds a million of them, each moved two times fewer this way.
ActionId Plan::Impl::new_action_id(const Action& a, Provenance from) const {
  require_unique_id(actions.contains(a.id), "action", a.id);
  get(partnerships, a.partnership, "partnership");
  if (get(audits, a.audit, "audit").partnership != a.partnership)
    throw ValidationError("audit",
                          "audit " + std::to_string(a.audit.value()) + " belongs to another partnership");
  if (a.finding && get(findings, *a.finding, "finding").audit != a.audit)
    throw ValidationError("finding",
                          "finding " + std::to_string(a.finding->value()) + " belongs to another audit");
  if (a.recommendation && get(recommendations, *a.recommendation, "recommendation").audit != a.audit)
    throw ValidationError("recommendation", "recommendation " + std::to_string(a.recommendation->value()) +
                                                " belongs to another audit");
  require_text(a.title, "title");
  require_owner(a.owner, a.partnership);
  require_date(a.created_on, "created_on");
  require_date(a.due_on, "due_on");
  if (from == Provenance::entered && a.due_on < a.created_on)
    throw ValidationError("due_on",
                          "due date " + iso(a.due_on) + " is before the creation date " + iso(a.created_on));
  if (a.estimate_days < 0)
    throw ValidationError("estimate_days", "must not be negative, got " + std::to_string(a.estimate_days));
  if (!a.updates.empty() || !a.due_revisions.empty() || !a.owner_changes.empty() || !a.evidence.empty() ||
      a.assurance || !a.depends_on.empty())
    throw ValidationError("action",
                          "a new action carries no history or dependencies; record them after adding it");
  return actions.assign(a.id);
}

Action Plan::prepare(Action a, Provenance from) const {
  a.id = impl_->new_action_id(a, from);
  return a;
}

ImmediateConcern Plan::prepare(ImmediateConcern c) const {
  require_unique_id(impl_->concerns.find(c.id), "immediate concern", c.id);
  const auto& the_case = get(impl_->cases, c.case_id, "case");
  if (the_case.audit != c.audit)
    throw ValidationError("case", "case " + std::to_string(c.case_id.value()) + " belongs to another audit");
  get(impl_->agencies, c.agency, "agency");
  require_date(c.raised_on, "raised_on");
  require_text(c.description, "description");
  if (c.answered_on || !c.answer.empty())
    throw ValidationError("answer", "a new concern is unanswered; record the answer with answer_concern");
  c.id = impl_->concerns.assign(c.id);
  return c;
}

Evidence Plan::prepare(Evidence e) const {
  const auto& a = impl_->action_ref(e.action);
  require_date(e.on, "on");
  require_text(e.description, "description");
  require_text(e.by, "by");
  require_in_order(a, e.on, a.evidence.empty() ? Date() : a.evidence.back().on, "evidence");
  require_changeable(a);
  if (e.id.value() < 0)
    throw ValidationError("id", "must not be negative, got " + std::to_string(e.id.value()));
  if (e.id.assigned() && impl_->evidence_ids.count(e.id))
    throw ConflictError("evidence " + std::to_string(e.id.value()) + " already exists");
  if (!e.id.assigned()) e.id = next_id<EvidenceId>(impl_->last_evidence);
  return e;
}

ReviewCycle Plan::prepare(ReviewCycle c) const {
  require_unique_id(impl_->cycles.find(c.id), "review cycle", c.id);
  get(impl_->partnerships, c.partnership, "partnership");
  require_text(c.name, "name");
  if (c.group)
    require_partnership(get(impl_->groups, *c.group, "group").partnership, c.partnership, "group", "group",
                        c.group->value());
  if (c.audit)
    require_partnership(get(impl_->audits, *c.audit, "audit").partnership, c.partnership, "audit", "audit",
                        c.audit->value());
  if (c.item)
    require_partnership(get(impl_->items, *c.item, "reviewable item").partnership, c.partnership, "item",
                        "reviewable item", c.item->value());
  if (c.audit && c.item)
    throw ValidationError("item", "a review cycle is attached to an audit or to an item, not both (audit " +
                                      std::to_string(c.audit->value()) + ", item " +
                                      std::to_string(c.item->value()) + ")");
  check_cycle(c);
  if (const auto* existing = impl_->cycle_of_scope(c))
    throw ConflictError(scope_of(c) + " already has review cycle " + std::to_string(existing->id.value()) +
                        " '" + existing->name + "'");
  c.id = impl_->cycles.assign(c.id);
  return c;
}

ReviewableItem Plan::prepare(ReviewableItem i) const {
  require_unique_id(impl_->items.find(i.id), "reviewable item", i.id);
  get(impl_->partnerships, i.partnership, "partnership");
  require_text(i.description, "description");
  check_item_description(i.description);
  if (i.audit)
    require_partnership(get(impl_->audits, *i.audit, "audit").partnership, i.partnership, "audit", "audit",
                        i.audit->value());
  if (i.case_id) {
    const auto& c = get(impl_->cases, *i.case_id, "case");
    if (i.audit && c.audit != *i.audit)
      throw ValidationError("case", "case " + std::to_string(c.id.value()) + " belongs to audit " +
                                        std::to_string(c.audit.value()) + ", not to audit " +
                                        std::to_string(i.audit->value()));
    require_partnership(impl_->audits.find(c.audit)->partnership, i.partnership, "case", "case",
                        c.id.value());
  }
  if (i.agency) get(impl_->agencies, *i.agency, "agency");
  require_date(i.placed_on, "placed_on");
  if (i.review_every_months < 1)
    throw ValidationError("review_every_months",
                          "must be 1 or more, got " + std::to_string(i.review_every_months));
  if (!i.reviews.empty())
    throw ValidationError("reviews", "a new item carries no reviews; record them after adding it");
  i.id = impl_->items.assign(i.id);
  return i;
}

ReviewMeeting Plan::prepare(ReviewMeeting m) const {
  require_unique_id(impl_->meetings.find(m.id), "review meeting", m.id);
  const auto& group = get(impl_->groups, m.group, "group");
  require_date(m.held_on, "held_on");
  impl_->require_attendance(m.attending);
  // Each action has one outcome at most, so the outcomes cannot affect each
  // other: checking each against the plan as it is equals checking them in turn.
  std::unordered_set<ActionId> decided;
  for (const auto& o : m.outcomes)
    within_outcome(o, [&] {
      if (!decided.insert(o.action).second)
        throw ConflictError("the meeting already has an outcome for action " +
                            std::to_string(o.action.value()));
      check_outcome(*this, m, group, o);
    });
  m.id = impl_->meetings.assign(m.id);
  return m;
}

namespace {

// Each line of an ordered list of prose (reflection prompts, resources) says something.
void require_lines(const std::vector<std::string>& lines, const char* field) {
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (is_blank(lines[i]))
      throw ValidationError(field, "line " + std::to_string(i + 1) + " of " + std::to_string(lines.size()) +
                                       " must not be empty");
}

}  // namespace

Briefing Plan::prepare(Briefing b) const {
  require_unique_id(impl_->briefings.find(b.id), "briefing", b.id);
  const auto& audit = get(impl_->audits, b.audit, "audit");
  require_text(b.title, "title");
  require_date(b.written_on, "written_on");
  if (b.written_on < audit.held_on)
    throw ValidationError("written_on", "briefing written on " + iso(b.written_on) + " is before audit " +
                                            std::to_string(audit.id.value()) + " was held (" +
                                            iso(audit.held_on) + ")");
  require_lines(b.reflection, "reflection");
  require_lines(b.further_information, "further_information");
  if (!b.disseminations.empty())
    throw ValidationError("disseminations",
                          "a new briefing carries no disseminations; record them after adding it");
  b.id = impl_->briefings.assign(b.id);
  return b;
}

// ---- add ---------------------------------------------------------------------

const Partnership& Plan::add(Partnership p) { return impl_->partnerships.insert(prepare(std::move(p))); }
const Agency& Plan::add(Agency a) { return impl_->agencies.insert(prepare(std::move(a))); }
const Group& Plan::add(Group g) { return impl_->groups.insert(prepare(std::move(g))); }
const Theme& Plan::add(Theme t) { return impl_->themes.insert(prepare(std::move(t))); }
const Audit& Plan::add(Audit a) { return impl_->audits.insert(prepare(std::move(a))); }
const Case& Plan::add(Case c) { return impl_->cases.insert(prepare(std::move(c))); }
const AgencyReturn& Plan::add(AgencyReturn r) { return impl_->returns.insert(prepare(std::move(r))); }
const Finding& Plan::add(Finding f) { return impl_->findings.insert(prepare(std::move(f))); }
const Recommendation& Plan::add(Recommendation r) {
  return impl_->recommendations.insert(prepare(std::move(r)));
}
Action Plan::add(Action a, Provenance from) {
  a.id = impl_->new_action_id(a, from);
  impl_->graph.add_vertex();  // at the position the action takes in `actions`
  try {
    impl_->actions.insert(a);
    return a;
  } catch (...) {
    impl_->graph.remove_last_vertex();  // the plan as it was
    throw;
  }
}
const ImmediateConcern& Plan::add(ImmediateConcern c) {
  return impl_->concerns.insert(prepare(std::move(c)));
}
const ReviewCycle& Plan::add(ReviewCycle c) {
  c = prepare(std::move(c));
  impl_->cycle_by_scope.emplace(Impl::scope_key(c.partnership, c.audit, c.item), impl_->cycles.rows.size());
  return impl_->cycles.insert(std::move(c));
}
const ReviewableItem& Plan::add(ReviewableItem i) { return impl_->items.insert(prepare(std::move(i))); }
const Briefing& Plan::add(Briefing b) { return impl_->briefings.insert(prepare(std::move(b))); }

void Plan::reserve(const Room& room) {
  impl_->audits.rows.reserve(room.audits);
  impl_->findings.rows.reserve(room.findings);
  impl_->actions.table.reserve(room.actions);
  impl_->actions.table.reserve_history(room.updates, room.dependencies);
  impl_->graph.reserve(room.actions);
}

// ---- dependencies --------------------------------------------------------------

namespace {

// True when `a` already depends on `depends_on`.
template <class A>
bool find_dependency(const A& a, ActionId depends_on) {
  return std::any_of(a.depends_on.begin(), a.depends_on.end(),
                     [&](const auto& d) { return d.depends_on == depends_on; });
}

void require_lag(int lag_days) {
  if (lag_days < 0)
    throw ValidationError("lag_days", "must not be negative, got " + std::to_string(lag_days));
}

template <class A, class B>
void require_same_partnership(const A& a, const B& b) {
  if (a.partnership != b.partnership)
    throw ValidationError(
        "depends_on", "action " + std::to_string(b.id.value()) + " belongs to another partnership (" +
                          std::to_string(b.partnership.value()) + ") than action " +
                          std::to_string(a.id.value()) + " (" + std::to_string(a.partnership.value()) + ")");
}

[[noreturn]] void already_depends(ActionId action, ActionId depends_on) {
  throw ConflictError("action " + std::to_string(action.value()) + " already depends on action " +
                      std::to_string(depends_on.value()));
}

}  // namespace

void Plan::check_dependency(ActionId action_id, ActionId depends_on, int lag_days) const {
  const auto& a = impl_->action_ref(action_id);
  const auto& b = impl_->action_ref(depends_on);
  require_lag(lag_days);
  require_same_partnership(a, b);
  if (find_dependency(a, depends_on)) already_depends(action_id, depends_on);
  // The new edge closes a cycle exactly when depends_on already waits for action.
  using Vertex = detail::DependencyGraph::Vertex;
  const auto chain = impl_->graph.prerequisite_chain(
      impl_->position(depends_on), impl_->position(action_id), [&](Vertex v, std::vector<Vertex>& out) {
        for (const auto& d : impl_->actions.table.view(v).depends_on)
          out.push_back(static_cast<Vertex>(impl_->position(d.depends_on)));
      });
  if (!chain.empty())
    throw CycleError("adding " + std::to_string(action_id.value()) + " -> " +
                     std::to_string(depends_on.value()) + " (action " + std::to_string(action_id.value()) +
                     " depends on action " + std::to_string(depends_on.value()) +
                     ") would close the cycle: " + impl_->describe_cycle(chain));
}

void Plan::add_dependency(ActionId action_id, ActionId depends_on, int lag_days) {
  check_dependency(action_id, depends_on, lag_days);
  const Dependency d{action_id, depends_on, lag_days};
  const auto at = impl_->position(action_id), on = impl_->position(depends_on);
  // Both places take the dependency or neither does (allocation can fail):
  // the graph's dependents and the prerequisites must agree.
  impl_->actions.table.append_prerequisite(at, d);
  try {
    impl_->graph.add_edge(at, on);
  } catch (...) {
    impl_->actions.table.pop_prerequisite(at);
    throw;
  }
}

void Plan::check_removal(ActionId action_id, ActionId depends_on) const {
  const auto& a = impl_->action_ref(action_id);
  impl_->action_ref(depends_on);
  if (!find_dependency(a, depends_on))
    throw NotFoundError("action " + std::to_string(action_id.value()) + " does not depend on action " +
                        std::to_string(depends_on.value()));
}

void Plan::remove_dependency(ActionId action_id, ActionId depends_on) {
  check_removal(action_id, depends_on);
  impl_->graph.remove_edge(impl_->position(action_id), impl_->position(depends_on));
  impl_->actions.table.remove_prerequisite(impl_->position(action_id), depends_on);
}

// ---- history ---------------------------------------------------------------------

void Plan::check(const Update& u) const {
  const auto& a = impl_->action_ref(u.action);
  require_date(u.on, "on");
  require_in_order(a, u.on, a.updates.empty() ? Date() : a.updates.back().on, "update");
  require_changeable(a);
  const Status from = current_status(a);
  const auto id = std::to_string(a.id.value());
  if (u.status == Status::cancelled && is_blank(u.note))
    throw ValidationError("note", "cancelling action " + id + " needs a reason");
  if (from == Status::complete && u.status == Status::in_progress && is_blank(u.note))
    throw ValidationError("note", "reopening completed action " + id + " needs a reason");
  if (from != Status::not_started && u.status == Status::not_started)
    throw ConflictError("action " + id + " is " + to_string(from) + " and cannot go back to not_started");
  if (u.completed_on) {
    if (u.status != Status::complete)
      throw ValidationError("completed_on", "only a complete update carries a completion date");
    require_date(*u.completed_on, "completed_on");
    if (*u.completed_on > u.on || *u.completed_on < a.created_on)
      throw ValidationError("completed_on", "completion date " + iso(*u.completed_on) +
                                                " must lie between the creation date " + iso(a.created_on) +
                                                " and the update date " + iso(u.on));
  }
}

void Plan::record(Update u) {
  check(u);
  if (u.status == Status::complete && !u.completed_on) u.completed_on = u.on;
  impl_->actions.table.append(impl_->position(u.action), u);
}

void Plan::check(const DueDateRevision& r) const {
  const auto& a = impl_->action_ref(r.action);
  require_date(r.on, "on");
  require_date(r.new_due, "new_due");
  require_in_order(a, r.on, a.due_revisions.empty() ? Date() : a.due_revisions.back().on,
                   "due-date revision");
  require_changeable(a);
  require_text(r.reason, "reason");
  require_text(r.agreed_by, "agreed_by");
  if (r.new_due < a.created_on)
    throw ValidationError("new_due",
                          "due date " + iso(r.new_due) + " is before the creation date " + iso(a.created_on));
}

void Plan::record(DueDateRevision r) {
  check(r);
  impl_->actions.table.append(impl_->position(r.action), r);
}

void Plan::check(const OwnerChange& c) const {
  const auto& a = impl_->action_ref(c.action);
  require_date(c.on, "on");
  require_in_order(a, c.on, a.owner_changes.empty() ? Date() : a.owner_changes.back().on, "owner change");
  require_changeable(a);
  impl_->require_owner(c.new_owner, a.partnership);
  require_text(c.reason, "reason");
}

void Plan::record(OwnerChange c) {
  check(c);
  impl_->actions.table.append(impl_->position(c.action), c);
}

const Evidence& Plan::record(Evidence e) {
  e = prepare(std::move(e));
  const auto last_before = impl_->last_evidence;
  impl_->evidence_ids.insert(e.id);
  try {
    impl_->last_evidence = std::max(impl_->last_evidence, e.id.value());
    return impl_->actions.table.append(impl_->position(e.action), e);
  } catch (...) {
    impl_->evidence_ids.erase(e.id);  // the plan as it was
    impl_->last_evidence = last_before;
    throw;
  }
}

void Plan::check(const Assurance& s) const {
  const auto& a = impl_->action_ref(s.action);
  require_date(s.on, "on");
  const auto id = std::to_string(a.id.value());
  if (a.assurance) throw ConflictError("action " + id + " is already assured");
  if (current_status(a) != Status::complete)
    throw ConflictError("action " + id + " is " + to_string(current_status(a)) +
                        "; only a complete action can be assured");
  if (s.on < a.updates.back().on)
    throw ValidationError("on", "assurance dated " + iso(s.on) + " is before the completion update (" +
                                    iso(a.updates.back().on) + ")");
  // Assurance signs off the effect, not only the doing: it needs impact evidence.
  const bool has_impact = std::any_of(a.evidence.begin(), a.evidence.end(), [&](const Evidence& e) {
    return e.kind == EvidenceKind::impact && e.on <= s.on;
  });
  if (!has_impact)
    throw ConflictError("action " + id + " has no impact evidence dated on or before " + iso(s.on) +
                        "; assurance needs evidence of impact");
  if (get(impl_->groups, s.group, "group").partnership != a.partnership)
    throw ValidationError("group",
                          "group " + std::to_string(s.group.value()) + " belongs to another partnership");
  require_text(s.by, "by");
}

void Plan::record(Assurance s) {
  check(s);
  impl_->actions.table.assure(impl_->position(s.action), s);
}

void Plan::check_answer(ConcernId id, Date on, std::string_view answer) const {
  const auto& c = concern(id);
  require_date(on, "answered_on");
  if (c.answered_on)
    throw ConflictError("immediate concern " + std::to_string(id.value()) + " was answered on " +
                        iso(*c.answered_on));
  if (on < c.raised_on)
    throw ValidationError("answered_on", "answer dated " + iso(on) + " is before the concern was raised (" +
                                             iso(c.raised_on) + ")");
  require_text(std::string(answer), "answer");
}

void Plan::answer_concern(ConcernId id, Date on, std::string answer) {
  check_answer(id, on, answer);
  auto* c = impl_->concerns.find(id);
  c->answered_on = on;
  c->answer = std::move(answer);
}

// ---- reviews of items, and review meetings -------------------------------------

void Plan::check(const ItemReview& r) const {
  const auto& item = reviewable_item(r.item);
  require_date(r.on, "on");
  require_text(r.by, "by");
  const auto retired =
      std::find_if(item.reviews.begin(), item.reviews.end(), [](const ItemReview& x) { return x.retired; });
  if (retired != item.reviews.end())
    throw ConflictError("reviewable item " + std::to_string(item.id.value()) + " was retired on " +
                        iso(retired->on) + " and is no longer reviewed");
  require_review_in_order(item, r.on, item.reviews.empty() ? Date() : item.reviews.back().on);
}

void Plan::record(ItemReview r) {
  check(r);
  impl_->items.find(r.item)->reviews.push_back(std::move(r));
}

const ReviewMeeting& Plan::record(ReviewMeeting m) {
  m = prepare(std::move(m));
  impl_->apply(effects_of(*this, m));
  return impl_->meetings.insert(std::move(m));
}

// ---- disseminations of briefings ---------------------------------------------------

namespace {

void require_dissemination_order(const Briefing& b, Date on) {
  const auto id = std::to_string(b.id.value());
  if (on < b.written_on)
    throw ValidationError("on", "dissemination dated " + iso(on) + " is before briefing " + id +
                                    " was written (" + iso(b.written_on) + ")");
  if (!b.disseminations.empty() && on < b.disseminations.back().on)
    throw ValidationError("on", "dissemination dated " + iso(on) + " is before the latest one of briefing " +
                                    id + " (" + iso(b.disseminations.back().on) +
                                    "); record disseminations in date order");
}

}  // namespace

void Plan::check(const Dissemination& d) const {
  const auto& b = briefing(d.briefing);
  require_date(d.on, "on");
  require_dissemination_order(b, d.on);
  if (d.reached.empty()) throw ValidationError("reached", "a dissemination reaches at least one agency");
  std::unordered_set<AgencyId> listed;
  for (auto id : d.reached) {
    get(impl_->agencies, id, "agency");
    if (!listed.insert(id).second)
      throw ValidationError("reached", "agency " + std::to_string(id.value()) + " is listed twice");
  }
  require_text(d.by, "by");
}

void Plan::record(Dissemination d) {
  check(d);
  impl_->briefings.find(d.briefing)->disseminations.push_back(std::move(d));
}

// ---- audit lifecycle and restoring --------------------------------------------

void Plan::check_advance(AuditId id, AuditStage to) const {
  const auto& a = audit(id);
  if (to <= a.stage)
    throw ConflictError("audit " + std::to_string(id.value()) + " is at stage " + to_string(a.stage) +
                        " and cannot move back or stay at " + to_string(to));
}

void Plan::advance_audit(AuditId id, AuditStage to) {
  check_advance(id, to);
  impl_->audits.find(id)->stage = to;
}

namespace {

template <class T>
void require_date_order(const std::vector<T>& history, const detail::ActionView& a, const char* what) {
  Date last;
  for (const auto& entry : history) {
    require_date(entry.on, "on");
    require_in_order(a, entry.on, last, what);
    last = entry.on;
  }
}

}  // namespace

void Plan::restore_history(ActionId id, ActionHistory h) {
  impl_->restored = true;
  const auto at = impl_->position_or_throw(id);
  const auto a = impl_->actions.table.view(at);
  if (!a.updates.empty() || !a.due_revisions.empty() || !a.owner_changes.empty() || !a.evidence.empty() ||
      a.assurance)
    throw ConflictError("action " + std::to_string(id.value()) + " already has history");
  require_date_order(h.updates, a, "update");
  require_date_order(h.due_revisions, a, "due-date revision");
  require_date_order(h.owner_changes, a, "owner change");
  for (const auto& c : h.owner_changes) impl_->require_owner(c.new_owner, a.partnership);
  std::unordered_set<EvidenceId> restored;
  for (const auto& e : h.evidence) {
    if (!e.id.assigned()) throw ValidationError("evidence", "restored evidence needs its id");
    if (impl_->evidence_ids.count(e.id) || !restored.insert(e.id).second)
      throw ConflictError("evidence " + std::to_string(e.id.value()) + " already exists");
  }
  if (h.assurance) get(impl_->groups, h.assurance->group, "group");
  // The evidence ids are taken, then the history; should that fail, the
  // ids go again (the table's restore is all or nothing).
  const auto last_before = impl_->last_evidence;
  std::size_t taken = 0;
  try {
    for (const auto& e : h.evidence) {
      impl_->evidence_ids.insert(e.id);
      ++taken;
      impl_->last_evidence = std::max(impl_->last_evidence, e.id.value());
    }
    impl_->actions.table.restore(at, std::move(h.updates), std::move(h.due_revisions),
                                 std::move(h.owner_changes), h.evidence, std::move(h.assurance));
  } catch (...) {
    for (std::size_t i = 0; i < taken; ++i) impl_->evidence_ids.erase(h.evidence[i].id);
    impl_->last_evidence = last_before;
    throw;
  }
}

void Plan::restore_dependencies(const std::vector<Dependency>& edges) {
  auto& graph = impl_->graph;
  std::size_t added = 0;
  // Takes the edges added so far back out, last first, unless committed.
  auto roll_back = [&] {
    for (std::size_t i = added; i-- > 0;) {
      graph.remove_edge(impl_->position(edges[i].action), impl_->position(edges[i].depends_on));
      impl_->actions.table.pop_prerequisite(impl_->position(edges[i].action));
    }
  };
  try {
    for (const auto& d : edges) {
      require_lag(d.lag_days);
      const auto at = impl_->position_or_throw(d.action);
      const auto waiting = impl_->actions.table.view(at);
      require_same_partnership(waiting, impl_->action_ref(d.depends_on));
      // Looked up among the action's own prerequisites (few), not among the
      // dependents of what it waits for (many, for a hub): those restored
      // so far are already there.
      if (find_dependency(waiting, d.depends_on)) already_depends(d.action, d.depends_on);
      impl_->actions.table.append_prerequisite(at, d);
      try {
        graph.add_edge(at, impl_->position(d.depends_on));
      } catch (...) {
        impl_->actions.table.pop_prerequisite(at);
        throw;
      }
      ++added;
    }
    if (const auto cycle = graph.find_cycle(); !cycle.empty())
      throw CycleError("the dependencies would close the cycle: " + impl_->describe_cycle(cycle) +
                       " (each action depends on the next)");
  } catch (...) {
    roll_back();
    throw;
  }
}

void Plan::restore(ReviewMeeting m) {
  impl_->restored = true;
  require_unique_id(impl_->meetings.find(m.id), "review meeting", m.id);
  if (m.id.value() <= 0)
    throw ValidationError("id",
                          "a restored review meeting needs its id, got " + std::to_string(m.id.value()));
  get(impl_->groups, m.group, "group");
  impl_->require_agencies(m.attending);
  for (const auto& o : m.outcomes) {
    impl_->action_ref(o.action);
    if (o.escalated_to) get(impl_->groups, *o.escalated_to, "group");
  }
  impl_->meetings.insert(std::move(m));
}

void Plan::restore_reviews(ReviewableId id, std::vector<ItemReview> reviews) {
  impl_->restored = true;
  auto* item = impl_->items.find(id);
  if (!item) not_found("reviewable item", id.value());
  if (!item->reviews.empty())
    throw ConflictError("reviewable item " + std::to_string(id.value()) + " already has reviews");
  Date latest;
  for (const auto& r : reviews) {
    if (r.item != id)
      throw ValidationError("item", "a review of reviewable item " + std::to_string(r.item.value()) +
                                        " cannot be restored to item " + std::to_string(id.value()));
    require_date(r.on, "on");
    require_review_in_order(*item, r.on, latest);
    latest = r.on;
  }
  item->reviews = std::move(reviews);
}

// ---- lookups ------------------------------------------------------------------

const Partnership& Plan::partnership(PartnershipId id) const {
  return get(impl_->partnerships, id, "partnership");
}
const Agency& Plan::agency(AgencyId id) const { return get(impl_->agencies, id, "agency"); }
const Group& Plan::group(GroupId id) const { return get(impl_->groups, id, "group"); }
const Theme& Plan::theme(ThemeId id) const { return get(impl_->themes, id, "theme"); }
const Audit& Plan::audit(AuditId id) const { return get(impl_->audits, id, "audit"); }
const Case& Plan::case_(CaseId id) const { return get(impl_->cases, id, "case"); }
const Finding& Plan::finding(FindingId id) const { return get(impl_->findings, id, "finding"); }
const Recommendation& Plan::recommendation(RecommendationId id) const {
  return get(impl_->recommendations, id, "recommendation");
}
Action Plan::action(ActionId id) const { return impl_->actions.table.build(impl_->position_or_throw(id)); }
const ImmediateConcern& Plan::concern(ConcernId id) const {
  return get(impl_->concerns, id, "immediate concern");
}
const ReviewCycle& Plan::review_cycle(ReviewCycleId id) const {
  return get(impl_->cycles, id, "review cycle");
}
const ReviewableItem& Plan::reviewable_item(ReviewableId id) const {
  return get(impl_->items, id, "reviewable item");
}
const ReviewCycle* Plan::find_review_cycle(PartnershipId partnership, std::optional<AuditId> audit,
                                           std::optional<ReviewableId> item) const {
  return impl_->cycle_of_scope(partnership, audit, item);
}
const ReviewMeeting& Plan::review(ReviewId id) const { return get(impl_->meetings, id, "review meeting"); }
const Briefing& Plan::briefing(BriefingId id) const { return get(impl_->briefings, id, "briefing"); }
std::optional<Action> Plan::find_action(ActionId id) const {
  const auto at = impl_->actions.index.find(id);
  return at < 0 ? std::nullopt
                : std::optional<Action>(impl_->actions.table.build(static_cast<std::size_t>(at)));
}

namespace {
template <class T>
const T* find_by_name(const std::vector<T>& rows, std::string_view name) {
  auto it = std::find_if(rows.begin(), rows.end(), [&](const T& r) { return r.name == name; });
  return it == rows.end() ? nullptr : &*it;
}
}  // namespace

const Theme* Plan::find_theme(std::string_view name) const { return find_by_name(impl_->themes.rows, name); }
const Agency* Plan::find_agency(std::string_view name) const {
  return find_by_name(impl_->agencies.rows, name);
}
const Partnership* Plan::find_partnership(std::string_view name) const {
  return find_by_name(impl_->partnerships.rows, name);
}

const std::vector<Partnership>& Plan::partnerships() const { return impl_->partnerships.rows; }
const std::vector<Agency>& Plan::agencies() const { return impl_->agencies.rows; }
const std::vector<Group>& Plan::groups() const { return impl_->groups.rows; }
const std::vector<Theme>& Plan::themes() const { return impl_->themes.rows; }
const std::vector<Audit>& Plan::audits() const { return impl_->audits.rows; }
const std::vector<Case>& Plan::cases() const { return impl_->cases.rows; }
const std::vector<AgencyReturn>& Plan::agency_returns() const { return impl_->returns.rows; }
const std::vector<Finding>& Plan::findings() const { return impl_->findings.rows; }
const std::vector<Recommendation>& Plan::recommendations() const { return impl_->recommendations.rows; }
ActionList Plan::actions() const { return ActionList(*this); }

std::size_t ActionList::size() const { return plan_->impl_->actions.table.size(); }
Action ActionList::operator[](std::size_t position) const {
  return plan_->impl_->actions.table.build(position);
}
Action ActionList::iterator::operator*() const { return ActionList(*plan_)[static_cast<std::size_t>(at_)]; }
const std::vector<ImmediateConcern>& Plan::concerns() const { return impl_->concerns.rows; }
std::vector<Dependency> Plan::dependencies() const { return impl_->actions.table.dependencies(); }
std::size_t Plan::dependency_count() const { return impl_->actions.table.dependency_count(); }
const std::vector<ReviewCycle>& Plan::review_cycles() const { return impl_->cycles.rows; }
const std::vector<ReviewableItem>& Plan::reviewable_items() const { return impl_->items.rows; }
const std::vector<ReviewMeeting>& Plan::reviews() const { return impl_->meetings.rows; }
const std::vector<Briefing>& Plan::briefings() const { return impl_->briefings.rows; }

const detail::DependencyGraph& detail::dependency_graph(const Plan& plan) { return plan.impl_->graph; }
const detail::PositionIndex<ActionId>& detail::action_positions(const Plan& plan) {
  return plan.impl_->actions.index;
}
const detail::ActionTable& detail::action_table(const Plan& plan) { return plan.impl_->actions.table; }
detail::ActionView detail::action_view(const Plan& plan, ActionId id) { return plan.impl_->action_ref(id); }
bool detail::built_through_checks(const Plan& plan) { return !plan.impl_->restored; }

// ---- personal data ----------------------------------------------------------

void check_case_reference(std::string_view reference) {
  const std::string text(reference);
  if (const char* what = personal_data_in(text))
    throw ValidationError("reference", "case reference '" + text + "' looks like it holds " + what +
                                           "; use a pseudonymised reference");
}

}  // namespace plansight
