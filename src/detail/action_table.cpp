#include "detail/action_table.hpp"

#include <algorithm>
#include <cassert>
#include <limits>
#include <stdexcept>
#include <string>

namespace plansight::detail {
namespace {

template <class T>
std::span<const T> all_of(const std::vector<T>* list) {
  return list ? std::span<const T>(*list) : std::span<const T>();
}

// Room for one more element, grown by doubling.
template <class T>
void room_for_one_more(std::vector<T>& v) {
  if (v.size() == v.capacity()) v.reserve(std::max<std::size_t>(1, 2 * v.capacity()));
}

}  // namespace

ActionView ActionTable::view(std::size_t at) const {
  const Core& c = cores_[at];
  const TextRow& t = action_texts_[at];
  const Rare* r = rare_if_any(at);
  return ActionView{
      c.id,
      c.partnership,
      c.audit,
      c.created_on,
      c.due_on,
      c.estimate_days,
      prerequisites_.rows(at),
      updates_.rows(at),
      all_of(r ? &r->due_revisions : nullptr),
      all_of(r ? &r->owner_changes : nullptr),
      owners_[c.owner],
      c.finding == 0 ? std::nullopt : std::optional<FindingId>(FindingId(c.finding)),
      r ? r->recommendation : std::nullopt,
      texts_[t.title],
      texts_[t.description],
      texts_[t.success_measure],
      all_of(r ? &r->evidence : nullptr),
      r && r->assurance ? &*r->assurance : nullptr,
  };
}

Action without_history(const ActionView& v) {
  Action a;
  a.id = v.id;
  a.partnership = v.partnership;
  a.audit = v.audit;
  a.created_on = v.created_on;
  a.due_on = v.due_on;
  a.estimate_days = v.estimate_days;
  a.owner = v.owner;
  a.finding = v.finding;
  a.recommendation = v.recommendation;
  a.title = v.title;
  a.description = v.description;
  a.success_measure = v.success_measure;
  return a;
}

Action ActionTable::build(std::size_t at) const {
  const ActionView v = view(at);
  Action a = without_history(v);
  a.depends_on.reserve(v.depends_on.size());
  for (const auto& d : v.depends_on) a.depends_on.push_back(Dependency{v.id, d.depends_on, d.lag_days});
  a.updates.reserve(v.updates.size());
  for (const auto& row : v.updates) a.updates.push_back(update(v.id, row));
  a.due_revisions.assign(v.due_revisions.begin(), v.due_revisions.end());
  a.owner_changes.assign(v.owner_changes.begin(), v.owner_changes.end());
  a.evidence.assign(v.evidence.begin(), v.evidence.end());
  if (v.assurance) a.assurance = *v.assurance;
  return a;
}

Update ActionTable::update(ActionId action, const UpdateRow& row) const {
  Update u;
  u.action = action;
  u.on = row.on;
  u.status = row.status;
  if (row.reported_rag != UpdateRow::no_rag) u.reported_rag = static_cast<Rag>(row.reported_rag);
  u.note = texts_[row.note];
  u.by = texts_[row.by];
  if (!row.completed_on.is_special()) u.completed_on = row.completed_on;
  return u;
}

UpdateRow ActionTable::row_of(const Update& u) {
  UpdateRow row;
  row.on = u.on;
  if (u.completed_on) row.completed_on = *u.completed_on;
  row.note = text_index(u.note);
  row.by = text_index(u.by);
  row.status = u.status;
  if (u.reported_rag) row.reported_rag = static_cast<std::uint8_t>(*u.reported_rag);
  return row;
}

std::uint32_t ActionTable::text_index(const Text& t) {
  if (t.empty()) return 0;
  if (const auto found = text_by_address_.find(t.data()); found != text_by_address_.end())
    return found->second;
  if (texts_.size() >= std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("more distinct texts than a plan holds (2^32)");
  const auto index = static_cast<std::uint32_t>(texts_.size());
  texts_.push_back(t);
  try {
    text_by_address_.emplace(t.data(), index);
  } catch (...) {
    texts_.pop_back();
    throw;
  }
  return index;
}

void ActionTable::reserve(std::size_t actions) {
  cores_.reserve(actions);
  action_texts_.reserve(actions);
  updates_.reserve(actions, 0);
  prerequisites_.reserve(actions, 0);
}

void ActionTable::reserve_history(std::size_t updates, std::size_t prerequisites) {
  updates_.reserve(0, updates);
  prerequisites_.reserve(0, prerequisites);
}

void ActionTable::push_back(const Action& a) {
  assert(a.updates.empty() && a.depends_on.empty() && a.due_revisions.empty() && a.owner_changes.empty() &&
         a.evidence.empty() && !a.assurance);
  if (cores_.size() >= std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("more actions than a plan holds (2^32)");
  const TextRow text_row{text_index(a.title), text_index(a.description), text_index(a.success_measure)};
  Core core{a.id,
            a.partnership,
            a.audit,
            a.finding ? a.finding->value() : 0,
            a.created_on,
            a.due_on,
            a.estimate_days,
            owner_index(a.owner),
            0};
  // Room in every column first: the appends below cannot fail then, so
  // every column takes the action or none does.
  room_for_one_more(cores_);
  room_for_one_more(action_texts_);
  updates_.room_for_one_more_owner();
  prerequisites_.room_for_one_more_owner();
  if (a.recommendation) room_for_one_more(rare_);
  cores_.push_back(core);
  action_texts_.push_back(text_row);
  updates_.add_owner();
  prerequisites_.add_owner();
  if (a.recommendation) rare_of(cores_.size() - 1).recommendation = a.recommendation;
}

void ActionTable::pop_back() {
  const std::size_t at = cores_.size() - 1;
  // Only the last action can have the last rare entry: entries are made in
  // order of need, but an undone push is the newest action, whose entry (a
  // recommendation) was made last.
  if (cores_[at].rare != 0) {
    assert(cores_[at].rare == rare_.size());
    rare_.pop_back();
  }
  prerequisites_.remove_last_owner();
  updates_.remove_last_owner();
  action_texts_.pop_back();
  cores_.pop_back();
}

const Evidence& ActionTable::append(std::size_t at, const Evidence& e) {
  auto& list = rare_of(at).evidence;
  list.push_back(e);
  return list.back();
}

void ActionTable::restore(std::size_t at, std::vector<Update> updates,
                          std::vector<DueDateRevision> due_revisions, std::vector<OwnerChange> owner_changes,
                          std::vector<Evidence> evidence, std::optional<Assurance> assurance) {
  // Everything that can fail first (the rows, the rare entry: an empty one
  // reads as none), then the rows all at once, then moves that cannot fail.
  std::vector<UpdateRow> rows;
  rows.reserve(updates.size());
  for (const auto& u : updates) rows.push_back(row_of(u));
  const bool rare = !due_revisions.empty() || !owner_changes.empty() || !evidence.empty() || assurance;
  Rare* r = rare ? &rare_of(at) : nullptr;
  updates_.append_all(at, rows);
  if (!r) return;
  r->due_revisions = std::move(due_revisions);
  r->owner_changes = std::move(owner_changes);
  r->evidence = std::move(evidence);
  r->assurance = std::move(assurance);
}

void ActionTable::append_prerequisite(std::size_t at, const Dependency& d) {
  if (next_added_ == std::numeric_limits<std::uint32_t>::max()) renumber_dependencies();
  prerequisites_.append(at, {d.depends_on, d.lag_days, next_added_});
  ++next_added_;
}

std::vector<Dependency> ActionTable::dependencies() const {
  std::vector<std::pair<std::uint32_t, Dependency>> numbered;
  numbered.reserve(dependency_count());
  for (std::size_t at = 0; at < size(); ++at)
    for (const auto& p : prerequisites_.rows(at))
      numbered.push_back({p.added, Dependency{cores_[at].id, p.depends_on, p.lag_days}});
  std::sort(numbered.begin(), numbered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Dependency> list;
  list.reserve(numbered.size());
  for (const auto& [added, d] : numbered) list.push_back(d);
  return list;
}

void ActionTable::renumber_dependencies() {
  const auto list = dependencies();  // in the order added
  Slab<PrerequisiteRow> renumbered;
  renumbered.reserve(size(), list.size());
  for (std::size_t at = 0; at < size(); ++at) renumbered.add_owner();
  // The position of each action by id, for this rare pass only.
  std::unordered_map<ActionId, std::size_t> position;
  for (std::size_t at = 0; at < size(); ++at) position.emplace(cores_[at].id, at);
  std::uint32_t added = 0;
  for (const auto& d : list) renumbered.append(position.at(d.action), {d.depends_on, d.lag_days, added++});
  prerequisites_ = std::move(renumbered);
  next_added_ = added;
}

void ActionTable::remove_prerequisite(std::size_t at, ActionId depends_on) {
  const auto rows = prerequisites_.rows(at);
  const auto it = std::find_if(rows.begin(), rows.end(),
                               [&](const PrerequisiteRow& d) { return d.depends_on == depends_on; });
  if (it != rows.end()) prerequisites_.erase(at, static_cast<std::size_t>(it - rows.begin()));
}

ActionTable::Rare& ActionTable::rare_of(std::size_t at) {
  Core& c = cores_[at];
  if (c.rare == 0) {
    rare_.emplace_back();
    c.rare = static_cast<std::uint32_t>(rare_.size());
  }
  return rare_[c.rare - 1];
}

ActionTable::OwnerKey ActionTable::key_of(const Owner& o) {
  return {o.agency ? o.agency->value() : -1, o.group ? o.group->value() : -1, o.role.view(), o.lead.view()};
}

std::size_t ActionTable::OwnerKeyHash::operator()(const OwnerKey& k) const noexcept {
  std::size_t h = std::hash<std::int64_t>{}(k.agency);
  for (const std::size_t part : {std::hash<std::int64_t>{}(k.group), std::hash<std::string_view>{}(k.role),
                                 std::hash<std::string_view>{}(k.lead)})
    h ^= part + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2);
  return h;
}

std::uint32_t ActionTable::owner_index(const Owner& o) {
  if (const auto found = owner_by_key_.find(key_of(o)); found != owner_by_key_.end()) return found->second;
  const auto index = static_cast<std::uint32_t>(owners_.size());
  owners_.push_back(o);
  try {
    // The key's texts are the held owner's: their buffers never move.
    owner_by_key_.emplace(key_of(owners_.back()), index);
  } catch (...) {
    owners_.pop_back();
    throw;
  }
  return index;
}

}  // namespace plansight::detail
