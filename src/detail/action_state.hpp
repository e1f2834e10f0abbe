// What an action's history says at a date (status, due date, owner), read
// from an Action or a detail::ActionView alike: both name the same fields.
// The public functions of status.hpp take an Action; the plan's walks read
// views (detail/action_walk.hpp).
#pragma once

#include <algorithm>
#include <iterator>
#include <span>

#include "detail/action_table.hpp"
#include "plansight/model.hpp"
#include "plansight/status.hpp"

namespace plansight::detail {

// The last element of a date-ordered history dated on or before D.
template <class T>
const T* latest_on_or_before(std::span<const T> history, Date as_of) {
  if (history.empty()) return nullptr;
  // Most histories lie wholly before the date asked about: no search then.
  if (history.back().on <= as_of) return &history.back();
  auto it = std::upper_bound(history.begin(), history.end(), as_of,
                             [](Date d, const T& entry) { return d < entry.on; });
  return it == history.begin() ? nullptr : &*std::prev(it);
}

template <class A>
Status status_of(const A& action, Date as_of) {
  const auto* u = latest_on_or_before(std::span(action.updates), as_of);
  return u ? u->status : Status::not_started;
}

inline bool open_status(Status s) { return s == Status::not_started || s == Status::in_progress; }

template <class A>
bool open_at(const A& action, Date as_of) {
  return open_status(status_of(action, as_of));
}

template <class A>
Date due_of(const A& action, Date as_of) {
  const auto* r = latest_on_or_before(std::span(action.due_revisions), as_of);
  return r ? r->new_due : action.due_on;
}

template <class A>
const Owner& owner_of(const A& action, Date as_of) {
  const auto* c = latest_on_or_before(std::span(action.owner_changes), as_of);
  return c ? c->new_owner : action.owner;
}

template <class A>
bool overdue_at(const A& action, Date as_of) {
  return open_at(action, as_of) && due_of(action, as_of) < as_of;
}

inline Date completion_date(const Update& u) { return u.completed_on.value_or(u.on); }
inline Date completion_date(const UpdateRow& u) {
  return u.completed_on.is_special() ? u.on : u.completed_on;
}

// The completion date of the latest complete update on or before D.
template <class A>
std::optional<Date> completed_of(const A& action, Date as_of) {
  const auto* u = latest_on_or_before(std::span(action.updates), as_of);
  if (!u || u->status != Status::complete) return std::nullopt;
  return completion_date(*u);
}

template <class A>
bool assured_at(const A& action, Date as_of) {
  return action.assurance && action.assurance->on <= as_of;
}

// An action's state at D, as state_at() (status.hpp) says it of an Action.
ActionState state_of_view(const Plan& plan, const ActionView& action, Date as_of);

}  // namespace plansight::detail
