#include "plansight/schedule.hpp"

#include <algorithm>
#include <functional>
#include <queue>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "detail/action_state.hpp"
#include "detail/action_walk.hpp"
#include "detail/schedule_graph.hpp"
#include "plansight/errors.hpp"
#include "plansight/status.hpp"

namespace plansight {
namespace {

using detail::Adjacency;
using detail::ids_of;
using detail::ScheduleGraph;
using detail::ScopeSpan;

// The passes work on day numbers: plain int arithmetic, no special values.
std::int32_t day(Date d) { return static_cast<std::int32_t>(d.day_number()); }
Date date_of(std::int32_t day_number) { return Date(static_cast<Date::date_int_type>(day_number)); }

std::string id_text(ActionId id) { return std::to_string(id.value()); }

// The due date the schedule holds an action to.
Date due_in_force(const detail::ActionView& a, const std::optional<Date>& from) {
  if (from) return detail::due_of(a, *from);
  return a.due_revisions.empty() ? a.due_on : a.due_revisions.back().new_due;
}

// The earliest start allowed before any prerequisite is considered.
std::int32_t floor_of(const detail::ActionView& a, const std::optional<Date>& from) {
  if (from && a.created_on < *from && detail::open_at(a, *from)) return day(*from);
  return day(a.created_on);
}

// ---- building the graph ------------------------------------------------------------------

// The start of action i given the finishes of its prerequisites (taken by
// reference: slip passes its map of changes); sets `driver`
// to the prerequisite that determined it (-1: none did).
template <class FinishOf>
std::int32_t start_of(const ScheduleGraph& g, std::uint32_t i, const FinishOf& finish_of,
                      std::int32_t& driver) {
  std::int32_t start = g.floor[i];
  driver = -1;
  for (auto e = g.prerequisites.begin(i); e < g.prerequisites.end(i); ++e) {
    const auto p = g.prerequisites.targets[e];
    const std::int32_t ready = finish_of(p) + g.prerequisites.lags[e];
    // A prerequisite finishing exactly on the floor still determines the start.
    if (driver < 0 ? ready >= start : ready > start) {
      start = ready;
      driver = static_cast<std::int32_t>(p);
    }
  }
  return start;
}

// The earliest finish of action i, the forward pass's step.
template <class FinishOf>
std::int32_t finish_of_action(const ScheduleGraph& g, std::uint32_t i, const FinishOf& finish_of,
                              std::int32_t& driver) {
  return start_of(g, i, finish_of, driver) + g.estimate[i];
}

// What the passes need of each action, read in one sweep over the plan's
// columns, into arrays of their own in the order the passes read them.
struct Facts {
  detail::BigVector<ActionId> id;
  detail::BigVector<std::int32_t> created, due, partnership;
  // Every prerequisite comes before its action in the plan, as when
  // dependencies are recorded on actions created later: the plan's order is
  // then a topological order, and the passes walk memory in order.
  bool plan_order_is_topological = true;
  // Earliest finishes (day numbers), computed during the sweep while the
  // plan's order is topological so far; complete when it stays so.
  detail::BigVector<std::int32_t> finish;
};

std::string missing_prerequisite(ActionId action, ActionId depends_on) {
  return "action " + id_text(action) + " depends on action " + id_text(depends_on) +
         ", which the plan does not hold";
}

// Fills the per-action arrays of g and its prerequisites, resolved to
// positions by g.actions.
Facts collect(ScheduleGraph& g, const Plan& plan, const std::optional<Date>& from) {
  const auto& actions = plan.actions();
  const std::size_t n = actions.size(), edges = plan.dependency_count();
  Facts f;
  for (auto* v : {&f.created, &f.due, &f.partnership, &g.floor, &g.estimate, &g.audit}) v->reserve(n);
  f.id.reserve(n);
  f.finish.reserve(n);
  g.driver.reserve(n);
  auto& prerequisites = g.prerequisites;
  prerequisites.offsets.reserve(n + 1);
  prerequisites.targets.reserve(edges);
  prerequisites.lags.reserve(edges);
  detail::for_each_action(plan, [&](const detail::ActionView& a) {
    const auto position = static_cast<std::uint32_t>(f.id.size());
    f.id.push_back(a.id);
    f.created.push_back(day(a.created_on));
    f.due.push_back(day(due_in_force(a, from)));
    f.partnership.push_back(g.partnership_index.find(a.partnership));
    g.floor.push_back(floor_of(a, from));
    g.estimate.push_back(a.estimate_days);
    g.audit.push_back(g.audit_index.find(a.audit));
    for (const auto& d : a.depends_on) {
      const std::int32_t at = g.actions.find(d.depends_on);
      if (at < 0) throw NotFoundError(missing_prerequisite(a.id, d.depends_on));
      f.plan_order_is_topological &= static_cast<std::uint32_t>(at) < position;
      prerequisites.targets.push_back(static_cast<std::uint32_t>(at));
      prerequisites.lags.push_back(d.lag_days);
    }
    prerequisites.offsets.push_back(static_cast<std::uint32_t>(prerequisites.targets.size()));
    if (f.plan_order_is_topological) {
      std::int32_t driver = -1;
      f.finish.push_back(finish_of_action(g, position, [&](std::uint32_t k) { return f.finish[k]; }, driver));
      g.driver.push_back(driver);
    }
  });
  return f;
}

// The same edges from the other end, by a counting sort on the target:
// offsets[t + 2] counts first, so that after the prefix sum offsets[t + 1]
// is where t's next edge goes, and has moved to t's end once all are placed.
Adjacency reversed(const Adjacency& adj) {
  const std::size_t n = adj.offsets.size() - 1;
  Adjacency rev;
  rev.offsets.assign(n + 2, 0);
  for (const auto t : adj.targets) ++rev.offsets[t + 2];
  for (std::size_t i = 2; i < n + 2; ++i) rev.offsets[i] += rev.offsets[i - 1];
  rev.targets.resize(adj.targets.size());
  rev.lags.resize(adj.targets.size());
  for (std::uint32_t from = 0; from < n; ++from)
    for (auto e = adj.begin(from); e < adj.end(from); ++e) {
      const auto slot = rev.offsets[adj.targets[e] + 1]++;
      rev.targets[slot] = from;
      rev.lags[slot] = adj.lags[e];
    }
  rev.offsets.pop_back();
  return rev;
}

// Kahn's algorithm, with `order` doubling as its queue.
detail::BigVector<std::uint32_t> topological_order(const Adjacency& prerequisites,
                                                   const Adjacency& dependents) {
  const std::size_t n = prerequisites.offsets.size() - 1;
  detail::BigVector<std::uint32_t> waiting(n);
  detail::BigVector<std::uint32_t> order;
  order.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    waiting[i] = prerequisites.end(i) - prerequisites.begin(i);
    if (waiting[i] == 0) order.push_back(i);
  }
  for (std::size_t head = 0; head < order.size(); ++head)
    for (auto e = dependents.begin(order[head]); e < dependents.end(order[head]); ++e)
      if (--waiting[dependents.targets[e]] == 0) order.push_back(dependents.targets[e]);
  if (order.size() != n)
    throw CycleError("the dependencies close a cycle among " + std::to_string(n - order.size()) + " actions");
  return order;
}

detail::BigVector<std::uint32_t> ranks_of(const detail::BigVector<std::uint32_t>& order) {
  detail::BigVector<std::uint32_t> rank(order.size());
  for (std::uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  return rank;
}

// ---- the passes ---------------------------------------------------------------------------------

// The latest finish of action i given its dependents' latest finishes.
template <class LatestOf>
std::int32_t latest_finish_of(const ScheduleGraph& g, std::uint32_t i, std::int32_t due,
                              const LatestOf& latest_of) {
  std::int32_t latest = due;
  for (auto e = g.dependents.begin(i); e < g.dependents.end(i); ++e) {
    const auto s = g.dependents.targets[e];
    latest = std::min(latest, latest_of(s) - g.estimate[s] - g.dependents.lags[e]);
  }
  return latest;
}

struct Passes {
  detail::BigVector<std::int32_t> finish, latest;  // day numbers, by position
};

// The forward pass (unless the sweep already made it) and the backward pass.
Passes run_passes(ScheduleGraph& g, Facts& f) {
  const auto n = static_cast<std::uint32_t>(f.id.size());
  Passes p{std::move(f.finish), detail::BigVector<std::int32_t>(n)};
  if (!f.plan_order_is_topological) {
    p.finish.resize(n);
    g.driver.resize(n);
    for (std::uint32_t r = 0; r < n; ++r) {
      const auto i = g.at_rank(r);
      p.finish[i] = finish_of_action(g, i, [&](std::uint32_t k) { return p.finish[k]; }, g.driver[i]);
    }
  }
  for (auto r = n; r-- > 0;) {
    const auto i = g.at_rank(r);
    p.latest[i] = latest_finish_of(g, i, f.due[i], [&](std::uint32_t k) { return p.latest[k]; });
  }
  return p;
}

// Widens a scope's span by one action; ties for the last finish go to the
// action added first.
void widen(ScopeSpan& span, std::int32_t created, std::int32_t finish, std::int32_t position) {
  span.first_created = std::min(span.first_created, created);
  if (finish > span.last_finish) {
    span.last_finish = finish;
    span.last = position;
  }
}

// The timings of every action, and each scope's span widened by them (one
// pass over the arrays for both).
std::vector<ActionTiming> timings(ScheduleGraph& g, const Plan& plan, const Facts& f, const Passes& p) {
  g.partnerships.assign(plan.partnerships().size(), ScopeSpan{});
  g.audits.assign(plan.audits().size(), ScopeSpan{});
  std::vector<ActionTiming> out;
  out.reserve(f.id.size());
  detail::advise_huge_pages(out.data(), out.capacity() * sizeof(ActionTiming));  // 48 MB at 10^6
  for (std::size_t i = 0; i < f.id.size(); ++i) {
    const auto at = static_cast<std::int32_t>(i);
    const auto finish = p.finish[i], driver = g.driver[i];
    widen(g.partnerships[static_cast<std::size_t>(f.partnership[i])], f.created[i], finish, at);
    widen(g.audits[static_cast<std::size_t>(g.audit[i])], f.created[i], finish, at);
    out.push_back(
        ActionTiming{.id = f.id[i],
                     .earliest_start = date_of(finish - g.estimate[i]),
                     .earliest_finish = date_of(finish),
                     .latest_finish = date_of(p.latest[i]),
                     .due_on = date_of(f.due[i]),
                     .slack_days = p.latest[i] - finish,
                     .driver = driver < 0 ? std::nullopt
                                          : std::optional<ActionId>(f.id[static_cast<std::size_t>(driver)])});
  }
  return out;
}

// ---- reading a schedule back ----------------------------------------------------------------------

// The chain ending at span.last, followed back through determining
// prerequisites while `keep` accepts them.
template <class Keep>
CriticalPath path_of(const ScopeSpan& span, const ScheduleGraph& g, const std::vector<ActionTiming>& actions,
                     Keep keep) {
  CriticalPath path;
  if (span.last < 0) return path;
  path.start = date_of(span.first_created);
  path.finish = date_of(span.last_finish);
  path.days = span.last_finish - span.first_created;
  for (auto at = span.last; at >= 0 && keep(at); at = g.driver[static_cast<std::size_t>(at)])
    path.chain.push_back(actions[static_cast<std::size_t>(at)].id);
  std::reverse(path.chain.begin(), path.chain.end());
  return path;
}

void require_same_plan(const Plan& plan, const Schedule& s) {
  if (plan.actions().size() != s.actions().size())
    throw ValidationError("schedule", "was made for a plan of " + std::to_string(s.actions().size()) +
                                          " actions; this plan has " + std::to_string(plan.actions().size()));
}

}  // namespace

// ---- Schedule ----------------------------------------------------------------------------------------

Schedule::Schedule() : graph_(std::make_shared<const ScheduleGraph>()) {}

const ScheduleGraph& graph_of(const Schedule& s) { return *s.graph_; }

const ActionTiming* Schedule::find(ActionId id) const {
  const auto at = graph_->actions.find(id);
  return at < 0 ? nullptr : &actions_[static_cast<std::size_t>(at)];
}

std::size_t Schedule::index_of(ActionId id) const {
  const auto at = graph_->actions.find(id);
  if (at < 0) throw NotFoundError("no action " + id_text(id) + " in the schedule");
  return static_cast<std::size_t>(at);
}

const ActionTiming& Schedule::action(ActionId id) const { return actions_[index_of(id)]; }

CriticalPath Schedule::critical_path(PartnershipId partnership) const {
  const auto at = graph_->partnership_index.find(partnership);
  if (at < 0) throw NotFoundError("no partnership " + std::to_string(partnership.value()));
  return path_of(graph_->partnerships[static_cast<std::size_t>(at)], *graph_, actions_,
                 [](std::int32_t) { return true; });
}

CriticalPath Schedule::critical_path(AuditId audit) const {
  const auto at = graph_->audit_index.find(audit);
  if (at < 0) throw NotFoundError("no audit " + std::to_string(audit.value()));
  return path_of(graph_->audits[static_cast<std::size_t>(at)], *graph_, actions_,
                 [&](std::int32_t k) { return graph_->audit[static_cast<std::size_t>(k)] == at; });
}

Date Schedule::forecast_completion(AuditId audit) const {
  const auto at = graph_->audit_index.find(audit);
  if (at < 0) throw NotFoundError("no audit " + std::to_string(audit.value()));
  const ScopeSpan& span = graph_->audits[static_cast<std::size_t>(at)];
  return span.last < 0 ? Date() : date_of(span.last_finish);
}

Schedule schedule(const Plan& plan, ScheduleOptions options) {
  auto g = std::make_shared<ScheduleGraph>();
  g->partnership_index = detail::PositionIndex<PartnershipId>(ids_of(plan.partnerships()));
  g->audit_index = detail::PositionIndex<AuditId>(ids_of(plan.audits()));
  g->actions = detail::action_positions(plan);
  Facts facts = collect(*g, plan, options.from);
  g->dependents = reversed(g->prerequisites);
  if (!facts.plan_order_is_topological) {
    g->order = topological_order(g->prerequisites, g->dependents);
    g->rank = ranks_of(g->order);
  }
  const Passes passes = run_passes(*g, facts);

  Schedule s;
  s.actions_ = timings(*g, plan, facts, passes);
  s.from_ = options.from;
  s.graph_ = std::move(g);
  return s;
}

// ---- at risk -----------------------------------------------------------------------------------------

std::vector<ActionId> at_risk(const Plan& plan, const Schedule& s, Date as_of) {
  require_same_plan(plan, s);
  std::vector<ActionId> ids;
  const auto& actions = detail::action_table(plan);  // read in place: a walk over every action
  for (std::size_t i = 0; i < actions.size(); ++i) {
    const auto a = actions.view(i);
    if (a.created_on <= as_of && detail::open_at(a, as_of) &&
        s.actions()[i].earliest_finish > detail::due_of(a, as_of))
      ids.push_back(a.id);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

// ---- slip -----------------------------------------------------------------------------------------------

namespace {

// Positions waiting to be recomputed, taken in topological order (or its
// reverse), each once.
class Frontier {
 public:
  Frontier(const ScheduleGraph& g, bool forward) : g_(g), forward_(forward) {}
  void push(std::uint32_t at) {
    const std::int64_t rank = g_.rank_of(at);
    if (queued_.insert(at).second) heap_.push(forward_ ? -rank : rank);
  }
  bool empty() const { return heap_.empty(); }
  // The rank taken; the caller maps it back through the order.
  std::uint32_t pop() {
    const auto top = heap_.top();
    heap_.pop();
    return static_cast<std::uint32_t>(forward_ ? -top : top);
  }

 private:
  const ScheduleGraph& g_;
  bool forward_;
  std::priority_queue<std::int64_t> heap_;
  std::unordered_set<std::uint32_t> queued_;
};

// Day numbers that differ from the schedule's, by position.
class Changes {
 public:
  explicit Changes(std::function<std::int32_t(std::uint32_t)> original) : original_(std::move(original)) {}
  std::int32_t operator()(std::uint32_t at) const {
    const auto it = changed_.find(at);
    return it == changed_.end() ? original_(at) : it->second;
  }
  // Records `value` for `at`; false when it is what the schedule holds.
  bool set(std::uint32_t at, std::int32_t value) {
    if (value == original_(at)) return false;
    changed_[at] = value;
    return true;
  }
  const std::unordered_map<std::uint32_t, std::int32_t>& changed() const { return changed_; }

 private:
  std::function<std::int32_t(std::uint32_t)> original_;
  std::unordered_map<std::uint32_t, std::int32_t> changed_;
};

void require_days(int days) {
  if (days < 0) throw ValidationError("days", "a slip must not be negative, got " + std::to_string(days));
}

template <class Row>
void sort_by_id(std::vector<Row>& rows) {
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.action < b.action; });
}

}  // namespace

SlipImpact slip(const Plan& plan, const Schedule& s, ActionId action, int days) {
  require_same_plan(plan, s);
  require_days(days);
  const auto at = static_cast<std::uint32_t>(s.index_of(action));
  const ScheduleGraph& g = graph_of(s);
  const auto& timing = s.actions();
  Changes finish([&](std::uint32_t k) { return day(timing[k].earliest_finish); });
  const Date old_finish = timing[at].earliest_finish;
  SlipImpact impact{action, days, old_finish, old_finish + boost::gregorian::days(days), {}, {}};
  if (!finish.set(at, finish(at) + days)) return impact;

  Frontier frontier(g, true);
  const auto push_dependents = [&](std::uint32_t k) {
    for (auto e = g.dependents.begin(k); e < g.dependents.end(k); ++e) frontier.push(g.dependents.targets[e]);
  };
  push_dependents(at);
  while (!frontier.empty()) {
    const auto k = g.at_rank(frontier.pop());
    std::int32_t driver = -1;
    if (finish.set(k, finish_of_action(g, k, finish, driver))) push_dependents(k);
  }

  for (const auto& [k, new_finish] : finish.changed()) {
    if (k == at) continue;
    const ActionTiming& t = timing[k];
    const SlipEffect effect{t.id, t.earliest_finish, date_of(new_finish), t.due_on};
    impact.moved.push_back(effect);
    if (effect.new_finish > effect.due_on && effect.old_finish <= effect.due_on)
      impact.newly_late.push_back(effect);
  }
  sort_by_id(impact.moved);
  sort_by_id(impact.newly_late);
  return impact;
}

// ---- what if the due date moves --------------------------------------------------------------------

DueImpact what_if_due(const Plan& plan, const Schedule& s, ActionId action, Date new_due) {
  require_same_plan(plan, s);
  if (new_due.is_special()) throw ValidationError("new_due", "must be a valid date");
  const auto at = static_cast<std::uint32_t>(s.index_of(action));
  const ScheduleGraph& g = graph_of(s);
  const auto& timing = s.actions();
  Changes latest([&](std::uint32_t k) { return day(timing[k].latest_finish); });
  const auto due_of = [&](std::uint32_t k) { return k == at ? day(new_due) : day(timing[k].due_on); };

  Frontier frontier(g, false);
  frontier.push(at);
  while (!frontier.empty()) {
    const auto k = g.at_rank(frontier.pop());
    if (latest.set(k, latest_finish_of(g, k, due_of(k), latest)))
      for (auto e = g.prerequisites.begin(k); e < g.prerequisites.end(k); ++e)
        frontier.push(g.prerequisites.targets[e]);
  }

  DueImpact impact{action,
                   timing[at].due_on,
                   new_due,
                   timing[at].earliest_finish,
                   timing[at].earliest_finish > new_due,
                   {},
                   {},
                   {}};
  for (const auto& [k, new_latest] : latest.changed()) {
    const ActionTiming& t = timing[k];
    const long new_slack = new_latest - day(t.earliest_finish);
    impact.changed.push_back({t.id, t.latest_finish, date_of(new_latest), t.slack_days, new_slack});
    if (t.slack_days >= 0 && new_slack < 0) impact.newly_late.push_back(t.id);
    if (t.slack_days < 0 && new_slack >= 0) impact.no_longer_late.push_back(t.id);
  }
  // The action first, then its prerequisites by id.
  std::sort(impact.changed.begin(), impact.changed.end(), [&](const DueChange& a, const DueChange& b) {
    return std::make_pair(a.action != action, a.action) < std::make_pair(b.action != action, b.action);
  });
  std::sort(impact.newly_late.begin(), impact.newly_late.end());
  std::sort(impact.no_longer_late.begin(), impact.no_longer_late.end());
  return impact;
}

}  // namespace plansight
