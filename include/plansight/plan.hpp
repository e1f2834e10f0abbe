// Plan: the in-memory aggregate of everything a store holds, with the
// invariants between entities enforced on every change:
//  - no dangling reference (NotFoundError);
//  - unique ids (ConflictError); unassigned ids (0) get the next free one;
//  - valid dates: due on or after created, updates in date order, nothing
//    recorded before the action was created (ValidationError);
//  - status transitions that make sense (ConflictError): cancelled is final,
//    cancelling needs a reason, reopening a complete action needs a reason,
//    an assured action no longer changes, assurance needs a complete action
//    with evidence;
//  - case references and reviewable items' descriptions that look like
//    personal data are refused;
//  - dependencies stay inside a partnership and never close a cycle;
//  - a briefing is written no earlier than its audit was held, and is
//    disseminated in date order, each time to existing agencies.
// Every mutator validates first and leaves the plan unchanged when it throws.
// Each prepare(x) returns x with its id assigned and throws exactly when
// add(x) would, so a store can write x before the plan takes it.
#pragma once

#include <compare>
#include <cstddef>
#include <iterator>
#include <memory>
#include <optional>
#include <ranges>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "plansight/model.hpp"

namespace plansight {

class Plan;

namespace detail {
class DependencyGraph;  // on Boost.Graph (src/detail/dependency_graph.hpp)
template <class IdT>
class PositionIndex;  // src/detail/position_index.hpp
// The graph a plan keeps in step with its dependencies, for the analysis layer.
const DependencyGraph& dependency_graph(const Plan& plan);
// The position of each action in plan.actions() by id, for the analysis layer.
const PositionIndex<ActionId>& action_positions(const Plan& plan);
class ActionTable;  // the plan's actions as columns (src/detail/action_table.hpp)
struct ActionView;  // one action in them, read in place
// The plan's actions as it holds them, for the library's walks over every
// action (Plan::actions() builds each one it is asked for).
const ActionTable& action_table(const Plan& plan);
// One action read in place; NotFoundError when there is none, as Plan::action.
ActionView action_view(const Plan& plan, ActionId id);
// True while everything in the plan went in through its checks: nothing was
// restored by restore_history, restore or restore_reviews (restore_dependencies
// checks what add_dependency checks), so
// the plan holds nothing its checks refused in the order it was built. A
// store whose plan holds nothing adopts such a plan whole rather than
// replaying it through the checks.
bool built_through_checks(const Plan& plan);
}  // namespace detail

// A plan's actions, in the order added: a random-access range of Action
// values. The plan holds its actions as columns (ids, dates, owners and
// history each in tables of their own), not as Action structs, so each
// element is built when read and belongs to the reader: a copy, which later
// changes to the plan do not touch. Reading one costs its history's copy;
// the library's own walks over every action read the columns instead. The
// list itself is a view of its plan: valid while the plan lives, and its
// size follows the plan's. As with any range of values, what is read from an
// element must be copied before the element goes: `plan.actions()[0].title`
// is fine, a reference to `plan.actions()[0].updates.front()` dangles, and
// std::views::transform(list, &Action::id) yields references into elements
// gone (project with a lambda returning by value).
class ActionList {
 public:
  class iterator {
   public:
    using iterator_concept = std::random_access_iterator_tag;
    // Random access for the std:: algorithms too (std::prev, std::distance,
    // a vector built from a range), as std::vector<bool>'s proxy iterator
    // says, although its elements are values, not references.
    using iterator_category = std::random_access_iterator_tag;
    using value_type = Action;
    using difference_type = std::ptrdiff_t;
    using reference = Action;
    // it->field: the element built, held while the expression lasts.
    struct pointer {
      Action value;
      const Action* operator->() const { return &value; }
    };

    iterator() = default;
    Action operator*() const;
    pointer operator->() const { return pointer{**this}; }
    Action operator[](difference_type n) const { return *(*this + n); }
    iterator& operator++() {
      ++at_;
      return *this;
    }
    iterator operator++(int) {
      auto old = *this;
      ++at_;
      return old;
    }
    iterator& operator--() {
      --at_;
      return *this;
    }
    iterator operator--(int) {
      auto old = *this;
      --at_;
      return old;
    }
    iterator& operator+=(difference_type n) {
      at_ += n;
      return *this;
    }
    iterator& operator-=(difference_type n) {
      at_ -= n;
      return *this;
    }
    friend iterator operator+(iterator it, difference_type n) { return it += n; }
    friend iterator operator+(difference_type n, iterator it) { return it += n; }
    friend iterator operator-(iterator it, difference_type n) { return it -= n; }
    friend difference_type operator-(const iterator& a, const iterator& b) { return a.at_ - b.at_; }
    friend bool operator==(const iterator& a, const iterator& b) { return a.at_ == b.at_; }
    friend auto operator<=>(const iterator& a, const iterator& b) { return a.at_ <=> b.at_; }

   private:
    friend class ActionList;
    iterator(const Plan* plan, difference_type at) : plan_(plan), at_(at) {}
    const Plan* plan_ = nullptr;
    difference_type at_ = 0;
  };

  std::size_t size() const;
  bool empty() const { return size() == 0; }
  // The action at `position` (0 to size() - 1, unchecked, as for a vector).
  Action operator[](std::size_t position) const;
  Action front() const { return (*this)[0]; }
  Action back() const { return (*this)[size() - 1]; }
  iterator begin() const { return iterator(plan_, 0); }
  iterator end() const { return iterator(plan_, static_cast<std::ptrdiff_t>(size())); }

 private:
  friend class Plan;
  explicit ActionList(const Plan& plan) : plan_(&plan) {}
  const Plan* plan_;
};

// Where an action's data comes from. Records kept by another system may hold
// a due date before the creation date; plansight refuses that for anything
// entered anew, but carries it when it was recorded elsewhere.
enum class Provenance { entered, recorded };

class Plan {
 public:
  Plan();
  Plan(const Plan&);
  Plan(Plan&&) noexcept;
  Plan& operator=(const Plan&);
  Plan& operator=(Plan&&) noexcept;
  ~Plan();

  Partnership prepare(Partnership p) const;
  Agency prepare(Agency a) const;
  Group prepare(Group g) const;
  Theme prepare(Theme t) const;
  Audit prepare(Audit a) const;
  Case prepare(Case c) const;
  AgencyReturn prepare(AgencyReturn r) const;
  Finding prepare(Finding f) const;
  Recommendation prepare(Recommendation r) const;
  Action prepare(Action a, Provenance from = Provenance::entered) const;
  ImmediateConcern prepare(ImmediateConcern c) const;
  Evidence prepare(Evidence e) const;
  // A cycle's group, audit and item belong to its partnership; it is
  // attached to an audit or an item, not both; its shape is as check_cycle
  // (review_cycles.hpp) requires. One cycle per scope: a partnership's whole
  // plan, an audit, an item (ConflictError naming the cycle there already).
  ReviewCycle prepare(ReviewCycle c) const;
  // An item's audit and case belong to its partnership (and the case to the
  // audit); its description holds no NHS number or date (a date of birth,
  // possibly: placed_on and the reviews carry the dates); it is reviewed
  // every 1 or more months.
  ReviewableItem prepare(ReviewableItem i) const;
  // Validates the meeting and what each outcome does to its action (as
  // effects_of() spells out), as if recorded in outcome order: every rule
  // of check(Update), check(DueDateRevision) and check(Assurance) applies.
  // One outcome per action (ConflictError); each action belongs to the
  // group's partnership and exists on the day the meeting is held; extend
  // needs new_due and a reason, escalate a reason and another group of the
  // partnership in escalated_to, cancel a reason; new_due and escalated_to
  // are refused on other kinds. Errors name the outcome ("outcome for action
  // 7 (extend): ...") and keep their kind and field.
  ReviewMeeting prepare(ReviewMeeting m) const;
  // A briefing's audit exists; its title is not blank; it is written on or
  // after the audit was held (ValidationError "written_on"); no reflection
  // prompt or further-information line is blank; it carries no
  // disseminations yet (ValidationError "disseminations").
  Briefing prepare(Briefing b) const;

  const Partnership& add(Partnership p);
  const Agency& add(Agency a);
  const Group& add(Group g);
  const Theme& add(Theme t);
  const Audit& add(Audit a);
  const Case& add(Case c);
  const AgencyReturn& add(AgencyReturn r);
  const Finding& add(Finding f);
  const Recommendation& add(Recommendation r);
  // A new action carries no history yet: updates, revisions, owner changes,
  // evidence and assurance are recorded afterwards. Returns the action as
  // added (a copy: see ActionList).
  Action add(Action a, Provenance from = Provenance::entered);
  const ImmediateConcern& add(ImmediateConcern c);
  const ReviewCycle& add(ReviewCycle c);
  // A new item carries no reviews yet: they are recorded afterwards.
  const ReviewableItem& add(ReviewableItem i);
  // A new briefing carries no disseminations: they are recorded afterwards.
  const Briefing& add(Briefing b);

  // Makes room for that many audits, findings, actions, updates and
  // dependencies in all, so that adding them moves none of those already
  // held (audits and findings keep their addresses) and holds no room beyond
  // them (grown by doubling, a table holds up to twice its rows). Changes
  // nothing else; less than a kind's rows held already is no change to that
  // kind. A store reading a file calls it first, with the file's counts.
  struct Room {
    std::size_t audits = 0;
    std::size_t findings = 0;
    std::size_t actions = 0;
    std::size_t updates = 0;
    std::size_t dependencies = 0;
  };
  void reserve(const Room& room);

  // `action` cannot start before lag_days after `depends_on` is finished.
  // Both must exist (NotFoundError) in one partnership, possibly in different
  // audits (ValidationError, as for a negative lag); the dependency must be
  // new (ConflictError) and must not close a cycle (CycleError, naming it).
  void check_dependency(ActionId action, ActionId depends_on, int lag_days = 0) const;
  void add_dependency(ActionId action, ActionId depends_on, int lag_days = 0);
  // Throws NotFoundError when `action` does not depend on `depends_on`.
  void check_removal(ActionId action, ActionId depends_on) const;
  void remove_dependency(ActionId action, ActionId depends_on);

  void check(const Update& u) const;
  void check(const DueDateRevision& r) const;
  void check(const OwnerChange& c) const;
  void check(const Assurance& a) const;
  void check_answer(ConcernId concern, Date on, std::string_view answer) const;
  void record(Update u);
  void record(DueDateRevision r);
  void record(OwnerChange c);
  const Evidence& record(Evidence e);
  void record(Assurance a);
  void answer_concern(ConcernId concern, Date on, std::string answer);
  // A re-review of a reviewable item: strictly after its latest review (one
  // a day, so "the latest review" is never ambiguous), not before it was
  // placed (ValidationError "on"); never after it was retired (ConflictError).
  void check(const ItemReview& r) const;
  void record(ItemReview r);
  // Records the meeting and its outcomes' effects on the actions together.
  const ReviewMeeting& record(ReviewMeeting m);
  // A publication of a briefing: the briefing exists (NotFoundError); it is
  // dated on or after the briefing was written and the latest dissemination
  // (ValidationError "on"); it reaches at least one agency, each existing
  // (NotFoundError) and listed once (ValidationError "reached"); `by` names
  // who sent it (ValidationError "by").
  void check(const Dissemination& d) const;
  void record(Dissemination d);
  // An audit's lifecycle only moves forward (ConflictError otherwise).
  void check_advance(AuditId audit, AuditStage to) const;
  void advance_audit(AuditId audit, AuditStage to);

  // For a store reading back what it wrote: restores an action's whole
  // history checking references and the date order within each list, but
  // not the transition rules, which held when the history was recorded
  // (a replay in another order could trip them).
  struct ActionHistory {
    std::vector<Update> updates;
    std::vector<DueDateRevision> due_revisions;
    std::vector<OwnerChange> owner_changes;
    std::vector<Evidence> evidence;
    std::optional<Assurance> assurance;
  };
  void restore_history(ActionId action, ActionHistory history);
  // Restores many dependencies with one acyclicity check of the whole graph;
  // refuses what add_dependency refuses (a cycle named as by add_dependency),
  // and adds none of them then.
  void restore_dependencies(const std::vector<Dependency>& dependencies);
  // Restores a meeting whose effects were restored with the actions'
  // history: checks its references only (and that its id is set and new).
  void restore(ReviewMeeting m);
  // Restores an item's reviews, checking their date order only (as
  // check(ItemReview) does), not retirement; ConflictError when the item
  // already has reviews.
  void restore_reviews(ReviewableId item, std::vector<ItemReview> reviews);

  // Lookups: the reference forms throw NotFoundError, find_* return nullptr
  // (find_action: nullopt). Actions come as copies (see ActionList).
  const Partnership& partnership(PartnershipId id) const;
  const Agency& agency(AgencyId id) const;
  const Group& group(GroupId id) const;
  const Theme& theme(ThemeId id) const;
  const Audit& audit(AuditId id) const;
  const Case& case_(CaseId id) const;
  const Finding& finding(FindingId id) const;
  const Recommendation& recommendation(RecommendationId id) const;
  Action action(ActionId id) const;
  const ImmediateConcern& concern(ConcernId id) const;
  const ReviewCycle& review_cycle(ReviewCycleId id) const;
  const ReviewableItem& reviewable_item(ReviewableId id) const;
  const ReviewMeeting& review(ReviewId id) const;
  const Briefing& briefing(BriefingId id) const;
  // The cycle attached to exactly this scope: the partnership's whole plan
  // (no audit, no item), one of its audits, or one of its items; nullptr
  // when there is none. (review_cycles.hpp says which cycle governs what.)
  const ReviewCycle* find_review_cycle(PartnershipId partnership, std::optional<AuditId> audit = std::nullopt,
                                       std::optional<ReviewableId> item = std::nullopt) const;
  std::optional<Action> find_action(ActionId id) const;
  const Theme* find_theme(std::string_view name) const;
  const Agency* find_agency(std::string_view name) const;
  const Partnership* find_partnership(std::string_view name) const;

  // Everything, in the order it was added.
  const std::vector<Partnership>& partnerships() const;
  const std::vector<Agency>& agencies() const;
  const std::vector<Group>& groups() const;
  const std::vector<Theme>& themes() const;
  const std::vector<Audit>& audits() const;
  const std::vector<Case>& cases() const;
  const std::vector<AgencyReturn>& agency_returns() const;
  const std::vector<Finding>& findings() const;
  const std::vector<Recommendation>& recommendations() const;
  ActionList actions() const;
  const std::vector<ImmediateConcern>& concerns() const;
  const std::vector<ReviewCycle>& review_cycles() const;
  const std::vector<ReviewableItem>& reviewable_items() const;
  // Review meetings in the order recorded.
  const std::vector<ReviewMeeting>& reviews() const;
  const std::vector<Briefing>& briefings() const;
  // The dependencies in force (added and not removed), in the order added.
  // (Built from the actions' prerequisites as the plan holds them: a copy,
  // as for actions; dependency_count() counts them without the copy.)
  std::vector<Dependency> dependencies() const;
  std::size_t dependency_count() const;

 private:
  friend const detail::DependencyGraph& detail::dependency_graph(const Plan& plan);
  friend const detail::PositionIndex<ActionId>& detail::action_positions(const Plan& plan);
  friend const detail::ActionTable& detail::action_table(const Plan& plan);
  friend detail::ActionView detail::action_view(const Plan& plan, ActionId id);
  friend bool detail::built_through_checks(const Plan& plan);
  friend class ActionList;

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// What recording a review meeting does to its actions, each attributed to
// the meeting's group and dated the day it was held: complete -> an update
// to complete; cancel -> an update to cancelled with the reason as note;
// extend -> a due-date revision agreed by the group; assure -> the group's
// assurance. continue and escalate change no action: they stay on the
// meeting (escalations are read from there).
struct MeetingEffects {
  std::vector<Update> updates;
  std::vector<DueDateRevision> due_revisions;
  std::vector<Assurance> assurances;
};
MeetingEffects effects_of(const Plan& plan, const ReviewMeeting& meeting);

// Throws ValidationError naming the field when the cycle cannot produce
// dates: every_n_months without months >= 1 or without a start, explicit
// dates empty or not strictly ascending, a quarterly cycle without a start.
void check_cycle(const ReviewCycle& cycle);

// Refuses a case reference that looks like personal data: an NHS number
// (ten digits, optionally grouped 3-3-4) or a date of birth beside a name.
// Throws ValidationError naming the field "reference".
void check_case_reference(std::string_view reference);

}  // namespace plansight

// An ActionList's iterators point to its plan, not into the list: they stay
// valid after the list itself is gone (std::ranges::find(plan.actions(), ...)
// returns one, not std::ranges::dangling).
template <>
inline constexpr bool std::ranges::enable_borrowed_range<plansight::ActionList> = true;
