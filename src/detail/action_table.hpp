// A plan's actions as columns: what every as-of walk reads in one array of
// small rows, texts in another, each action's updates and prerequisites in
// slabs (detail/slab.hpp), the history few actions have in a table of its
// own, and owners once each. An Action is built from them when asked for
// (build); the walks read an ActionView, which names the same fields as an
// Action and points into the columns. Checks belong to the plan: the table
// takes what it is given.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "detail/slab.hpp"
#include "plansight/model.hpp"

namespace plansight::detail {

// An update as the plan holds it, 20 bytes against an Update's 40: its
// action is its place, its texts are indexes into the table's texts. It
// names the fields the status functions read (on, status) as Update does.
struct UpdateRow {
  static constexpr std::uint8_t no_rag = 0xff;
  Date on;
  Date completed_on;  // not_a_date_time: none
  std::uint32_t note = 0;
  std::uint32_t by = 0;
  Status status = Status::not_started;
  std::uint8_t reported_rag = no_rag;
};

// A dependency as the plan holds it with its action, 16 bytes against a
// Dependency's 24: the fields a Dependency names but the action's own id,
// and when it was added among the plan's dependencies.
struct PrerequisiteRow {
  ActionId depends_on;
  int lag_days = 0;
  std::uint32_t added = 0;  // ascending in the order added, gaps where some were removed
};

// An update of an action as the writer takes it.
struct ActionUpdate {
  ActionId action;
  const UpdateRow* row;
};

// An action in the columns, with the names of Action's fields: code written
// against either (as the status functions are) reads both. Valid until the
// table next changes.
struct ActionView {
  ActionId id;
  PartnershipId partnership;
  AuditId audit;
  Date created_on;
  Date due_on;
  int estimate_days = 0;
  std::span<const PrerequisiteRow> depends_on;  // the action's own id left out
  std::span<const UpdateRow> updates;           // as Updates: ActionTable::update
  std::span<const DueDateRevision> due_revisions;
  std::span<const OwnerChange> owner_changes;
  const Owner& owner;
  std::optional<FindingId> finding;
  std::optional<RecommendationId> recommendation;
  const Text& title;
  const Text& description;
  const Text& success_measure;
  std::span<const Evidence> evidence;
  const Assurance* assurance;  // null until assured
};

// The action's fields without its history and dependencies: what Plan::add
// takes.
Action without_history(const ActionView& v);

class ActionTable {
 public:
  std::size_t size() const { return cores_.size(); }
  ActionId id(std::size_t at) const { return cores_[at].id; }
  ActionView view(std::size_t at) const;
  // The action at `at` as a value of its own.
  Action build(std::size_t at) const;
  // One of the action's updates as an Update.
  Update update(ActionId action, const UpdateRow& row) const;
  // A text by the index a row holds (an update's note or author).
  const Text& text(std::uint32_t index) const { return texts_[index]; }

  // Room for `actions` in all, so that adding them moves none of the rows.
  void reserve(std::size_t actions);
  // Room for that many updates and prerequisites in all.
  void reserve_history(std::size_t updates, std::size_t prerequisites);

  // Appends an action, its history and dependencies left out (the plan adds
  // none with it).
  void push_back(const Action& a);
  // Takes out the last action pushed, history and all.
  void pop_back();

  void append(std::size_t at, const Update& u) { updates_.append(at, row_of(u)); }
  void append(std::size_t at, const DueDateRevision& r) { rare_of(at).due_revisions.push_back(r); }
  void append(std::size_t at, const OwnerChange& c) { rare_of(at).owner_changes.push_back(c); }
  // Returns the evidence as held, valid until the table next changes.
  const Evidence& append(std::size_t at, const Evidence& e);
  void assure(std::size_t at, const Assurance& a) { rare_of(at).assurance = a; }
  // The whole history of an action that has none yet.
  void restore(std::size_t at, std::vector<Update> updates, std::vector<DueDateRevision> due_revisions,
               std::vector<OwnerChange> owner_changes, std::vector<Evidence> evidence,
               std::optional<Assurance> assurance);

  void append_prerequisite(std::size_t at, const Dependency& d);
  // Takes out the action's dependency on `depends_on`, if any.
  void remove_prerequisite(std::size_t at, ActionId depends_on);
  // Undoes the append_prerequisite() just made for `at`.
  void pop_prerequisite(std::size_t at) { prerequisites_.pop_back(at); }
  // Every action's dependencies, in the order added (Plan::dependencies()).
  std::vector<Dependency> dependencies() const;
  std::size_t dependency_count() const { return prerequisites_.row_count(); }

 private:
  // What every walk reads, 56 bytes.
  struct Core {
    ActionId id;
    PartnershipId partnership;
    AuditId audit;
    std::int64_t finding = 0;  // 0: none
    Date created_on;
    Date due_on;
    std::int32_t estimate_days = 0;
    std::uint32_t owner = 0;  // in owners_
    std::uint32_t rare = 0;   // 1 + its place in rare_; 0: none
  };
  // Indexes into texts_.
  struct TextRow {
    std::uint32_t title = 0;
    std::uint32_t description = 0;
    std::uint32_t success_measure = 0;
  };
  // History few actions have, and the rare recommendation.
  struct Rare {
    std::vector<DueDateRevision> due_revisions;
    std::vector<OwnerChange> owner_changes;
    std::vector<Evidence> evidence;
    std::optional<Assurance> assurance;
    std::optional<RecommendationId> recommendation;
  };

  Rare& rare_of(std::size_t at);
  const Rare* rare_if_any(std::size_t at) const {
    const auto r = cores_[at].rare;
    return r == 0 ? nullptr : &rare_[r - 1];
  }
  std::uint32_t owner_index(const Owner& o);
  // The update's texts held in texts_ (their indexes in the row).
  UpdateRow row_of(const Update& u);
  std::uint32_t text_index(const Text& t);

  std::vector<Core> cores_;
  std::vector<TextRow> action_texts_;
  Slab<UpdateRow> updates_;
  Slab<PrerequisiteRow> prerequisites_;
  std::vector<Rare> rare_;
  std::uint32_t next_added_ = 0;  // PrerequisiteRow::added of the next one
  // Numbers the dependencies 0, 1, 2... in the order added, so that the
  // next can be numbered after them all.
  void renumber_dependencies();
  // The actions' titles, descriptions and success measures and the
  // updates' notes and authors, each buffer once (0: the empty text),
  // found by the address of its characters: equal texts read through one
  // pool share a buffer, and every buffer keyed here is held in texts_, so
  // no address is reused while it is a key.
  std::vector<Text> texts_{Text()};
  std::unordered_map<const char*, std::uint32_t> text_by_address_;
  // Each distinct owner once: a plan has tens of them, for a million actions.
  std::vector<Owner> owners_;
  struct OwnerKey {
    std::int64_t agency;  // -1: none
    std::int64_t group;
    std::string_view role;
    std::string_view lead;
    friend bool operator==(const OwnerKey&, const OwnerKey&) = default;
  };
  struct OwnerKeyHash {
    std::size_t operator()(const OwnerKey& k) const noexcept;
  };
  static OwnerKey key_of(const Owner& o);
  std::unordered_map<OwnerKey, std::uint32_t, OwnerKeyHash> owner_by_key_;
};

}  // namespace plansight::detail
