// The quarterly review pack: the plan as of a review date, laid out by the
// templates review_pack.{html,md}.mustache. This file decides what goes in
// (and computes chart geometry); the templates only lay it out.
#include <algorithm>
#include <array>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdio>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "detail/text.hpp"
#include "plansight/changes.hpp"
#include "plansight/dates.hpp"
#include "plansight/errors.hpp"
#include "plansight/report.hpp"
#include "plansight/review_cycles.hpp"
#include "plansight/schedule.hpp"
#include "plansight/status.hpp"
#include "plansight/summary.hpp"
#include "report/render.hpp"
#include "report/templates.hpp"

namespace plansight {
namespace {

using report::Data;
using report::set_rows;

// Chart geometry, in SVG user units (the chart scales to the page width).
constexpr double chart_width = 700;
constexpr double label_width = 230;
constexpr double bar_area = chart_width - label_width - 40;
constexpr double row_height = 24;
constexpr double bar_height = 16;

std::string rag_class(Rag rag) {
  std::string name = to_string(rag);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  return name;
}

// SVG coordinates to one decimal place.
std::string number(double v) {
  std::array<char, 32> buf{};
  std::snprintf(buf.data(), buf.size(), "%.1f", v);
  return buf.data();
}

// What every section needs, computed once for the whole pack.
struct Pack {
  const Plan& plan;
  Date as_of;
  Schedule forecast;  // from as_of: what at risk and critical paths use
  RuleReport rules;
  // The rule results about each partnership's things; results about no
  // partnership's (a custom rule's own kind of subject) are listed for all.
  std::unordered_map<PartnershipId, std::vector<const RuleResult*>> results_by_partnership;
  std::vector<const RuleResult*> results_for_all;
  // Per partnership, from one pass over the actions: those at risk (plan
  // order) and the open audits (ascending).
  std::unordered_map<PartnershipId, std::vector<ActionId>> at_risk_by_partnership;
  std::unordered_map<PartnershipId, std::vector<AuditId>> open_audits_by_partnership;
  // The changes since each period start asked for, by partnership: one pass
  // over the plan per distinct date, however many partnerships start there.
  std::map<Date, std::unordered_map<PartnershipId, ReviewChanges>> changes_since;
};

Data action_row(const Pack& pack, const Action& a) {
  const ActionState state = state_at(pack.plan, a, pack.as_of);
  Data row;
  row.set("id", std::to_string(a.id.value()));
  row.set("title", a.title.str());
  row.set("audit", pack.plan.audit(a.audit).title);
  row.set("owner", report::owner_label(pack.plan, owner_at(a, pack.as_of)));
  row.set("due", to_iso(state.due_on));
  row.set("status", report::status_label(state.status));
  row.set("rag", to_string(state.rag));
  row.set("rag_class", rag_class(state.rag));
  return row;
}

// One row per action: action_row's cells plus what `add` sets for that table.
template <class AddCells>
Data action_rows(const Pack& pack, const std::vector<ActionId>& ids, AddCells add) {
  Data rows = report::list_of();
  for (const auto id : ids) {
    const Action& a = pack.plan.action(id);
    Data row = action_row(pack, a);
    add(a, row);
    report::append(rows, std::move(row));
  }
  return rows;
}

Data id_rows(const Pack& pack, const std::vector<ActionId>& ids) {
  return action_rows(pack, ids, [](const Action&, Data&) {});
}

// ---- headline figures and RAG by agency ------------------------------------------------

long rag_total(const RagTally& t) {
  long n = 0;
  for (const long c : t) n += c;
  return n;
}

Data rag_cells(const RagTally& tally) {
  Data cells;
  for (std::size_t i = 0; i < tally.size(); ++i)
    cells.set(rag_class(static_cast<Rag>(i)), std::to_string(tally[i]));
  cells.set("total", std::to_string(rag_total(tally)));
  return cells;
}

Data headline(const PartnershipSummary& s, long at_risk) {
  Data h = rag_cells(s.rag);
  h.set("actions", std::to_string(s.actions));
  h.set("open", std::to_string(s.open));
  h.set("overdue", std::to_string(s.overdue));
  h.set("blocked", std::to_string(s.blocked));
  h.set("at_risk", std::to_string(at_risk));
  h.set("complete", std::to_string(s.complete));
  h.set("assured", std::to_string(s.assured));
  h.set("cancelled", std::to_string(s.cancelled));
  return h;
}

// One stacked bar per agency: a segment per RAG with its count.
Data rag_bar(const RagTally& tally, long scale, double y) {
  Data segments = report::list_of();
  double x = label_width;
  for (std::size_t i = 0; i < tally.size(); ++i) {
    if (tally[i] == 0) continue;
    const double w = bar_area * static_cast<double>(tally[i]) / static_cast<double>(scale);
    Data seg;
    seg.set("x", number(x));
    seg.set("width", number(w));
    seg.set("rag_class", rag_class(static_cast<Rag>(i)));
    seg.set("label", to_string(static_cast<Rag>(i)) + ": " + std::to_string(tally[i]));
    seg.set("count", std::to_string(tally[i]));
    seg.set("text_x", number(x + w / 2));
    seg.set("wide", report::boolean(w >= 18));  // room for the count inside
    report::append(segments, std::move(seg));
    x += w;
  }
  Data bar;
  report::put(bar, "segments", std::move(segments));
  bar.set("y", number(y));
  bar.set("text_y", number(y + bar_height / 2 + 4));
  bar.set("total_x", number(x + 6));
  return bar;
}

// Characters of an agency's name that fit left of the bars; the table below
// the chart, and the label's tooltip, give it whole.
constexpr std::size_t label_chars = 34;

Data rag_by_agency(const Plan& plan, const PartnershipSummary& s) {
  long scale = 1;
  for (const auto& row : s.by_agency) scale = std::max(scale, rag_total(row.rag));
  Data rows = report::list_of();
  double y = 8;
  for (const auto& row : s.by_agency) {
    Data r = rag_cells(row.rag);
    const std::string name = row.agency ? plan.agency(*row.agency).name : "Partnership groups";
    r.set("agency", name);
    r.set("label", detail::shortened(name, label_chars));
    report::put(r, "bar", rag_bar(row.rag, scale, y));
    report::append(rows, std::move(r));
    y += row_height;
  }
  Data chart;
  set_rows(chart, "rows", std::move(rows));
  chart.set("height", number(y + 22));
  chart.set("legend_y", number(y + 12));
  chart.set("width", number(chart_width));
  chart.set("label_x", number(label_width - 8));
  report::put(chart, "all", rag_cells(s.rag));
  return chart;
}

// ---- overdue, blocked, at risk -----------------------------------------------------------

Data overdue_rows(const Pack& pack, const std::vector<ActionId>& ids) {
  return action_rows(pack, ids, [&](const Action& a, Data& row) {
    row.set("days_overdue", std::to_string((pack.as_of - due_on_at(a, pack.as_of)).days()));
  });
}

Data blocked_rows(const Pack& pack, const std::vector<ActionId>& ids) {
  return action_rows(pack, ids, [&](const Action& a, Data& row) {
    set_rows(row, "blockers", id_rows(pack, blockers(pack.plan, a, pack.as_of)));
  });
}

Data at_risk_rows(const Pack& pack, const std::vector<ActionId>& ids) {
  return action_rows(pack, ids, [&](const Action& a, Data& row) {
    const ActionTiming& t = pack.forecast.action(a.id);
    row.set("forecast", to_iso(t.earliest_finish));
    row.set("days_late", std::to_string((t.earliest_finish - due_on_at(a, pack.as_of)).days()));
  });
}

// ---- changes, escalations, completed and assured -------------------------------------------

Data changes_section(const Pack& pack, const ReviewChanges& c) {
  Data d;
  Data status_changes = report::list_of();
  for (const auto& sc : c.status_changes) {
    Data row = action_row(pack, pack.plan.action(sc.action));
    row.set("from", report::status_label(sc.from));
    row.set("to", report::status_label(sc.to));
    report::append(status_changes, std::move(row));
  }
  Data extensions = report::list_of();
  for (const auto& r : c.extensions) {
    Data row = action_row(pack, pack.plan.action(r.action));
    row.set("on", to_iso(r.on));
    row.set("new_due", to_iso(r.new_due));
    row.set("reason", r.reason.str());
    row.set("agreed_by", r.agreed_by.str());
    report::append(extensions, std::move(row));
  }
  set_rows(d, "new_actions", id_rows(pack, c.new_actions));
  set_rows(d, "status_changes", std::move(status_changes));
  set_rows(d, "extensions", std::move(extensions));
  set_rows(d, "newly_overdue", id_rows(pack, c.newly_overdue));
  set_rows(d, "newly_blocked", id_rows(pack, c.newly_blocked));
  set_rows(d, "newly_at_risk", id_rows(pack, c.newly_at_risk));
  d.set("new_count", std::to_string(c.new_actions.size()));
  d.set("completed_count", std::to_string(c.completed.size()));
  d.set("assured_count", std::to_string(c.assured.size()));
  d.set("extension_count", std::to_string(c.extensions.size()));
  d.set("escalation_count", std::to_string(c.escalations.size()));
  d.set("newly_overdue_count", std::to_string(c.newly_overdue.size()));
  d.set("newly_blocked_count", std::to_string(c.newly_blocked.size()));
  d.set("anything",
        report::boolean(!c.new_actions.empty() || !c.status_changes.empty() || !c.extensions.empty() ||
                        !c.newly_overdue.empty() || !c.newly_blocked.empty() || !c.newly_at_risk.empty()));
  return d;
}

Data escalation_rows(const Pack& pack, const std::vector<Escalation>& escalations) {
  Data rows = report::list_of();
  for (const auto& e : escalations) {
    Data row = action_row(pack, pack.plan.action(e.action));
    row.set("on", to_iso(e.on));
    row.set("from", pack.plan.group(e.from).name);
    row.set("to", pack.plan.group(e.to).name);
    row.set("reason", e.reason);
    report::append(rows, std::move(row));
  }
  return rows;
}

Data completed_rows(const Pack& pack, const std::vector<ActionId>& ids) {
  return action_rows(pack, ids, [&](const Action& a, Data& row) {
    const auto on = completed_on_at(a, pack.as_of);
    row.set("completed_on", on ? to_iso(*on) : "");
    row.set("evidence", std::to_string(std::count_if(a.evidence.begin(), a.evidence.end(),
                                                     [&](const Evidence& e) { return e.on <= pack.as_of; })));
    row.set("assured", report::boolean(is_assured_at(a, pack.as_of)));
  });
}

Data assured_rows(const Pack& pack, const std::vector<ActionId>& ids) {
  return action_rows(pack, ids, [&](const Action& a, Data& row) {
    row.set("assured_on", to_iso(a.assurance->on));
    row.set("assured_by", pack.plan.group(a.assurance->group).name);
    row.set("note", a.assurance->note.str());
  });
}

// ---- rules ---------------------------------------------------------------------------------

std::optional<PartnershipId> partnership_of(const Plan& plan, const Subject& s) {
  if (s.kind == "action") return plan.action(ActionId{s.id}).partnership;
  if (s.kind == "audit") return plan.audit(AuditId{s.id}).partnership;
  if (s.kind == "finding") return plan.audit(plan.finding(FindingId{s.id}).audit).partnership;
  if (s.kind == "concern") return plan.audit(plan.concern(ConcernId{s.id}).audit).partnership;
  if (s.kind == "item") return plan.reviewable_item(ReviewableId{s.id}).partnership;
  return std::nullopt;  // a custom rule's own kind of subject: listed for every partnership
}

Data rule_section(const Pack& pack, PartnershipId partnership) {
  Data rows = report::list_of();
  std::array<long, enum_count<Severity>()> counts{};
  const auto found = pack.results_by_partnership.find(partnership);
  std::vector<const RuleResult*> results = pack.results_for_all;
  if (found != pack.results_by_partnership.end())
    results.insert(results.end(), found->second.begin(), found->second.end());
  std::sort(results.begin(), results.end());  // back in report order: they point into one vector
  for (const RuleResult* result : results) {
    const RuleResult& r = *result;
    ++counts[static_cast<std::size_t>(r.severity)];
    Data row;
    row.set("severity", to_string(r.severity));
    row.set("rule", r.rule);
    row.set("subject", to_string(r.subject));
    row.set("message", r.message);
    report::append(rows, std::move(row));
  }
  Data d;
  set_rows(d, "results", std::move(rows));
  d.set("breaches", std::to_string(counts[static_cast<std::size_t>(Severity::breach)]));
  d.set("warnings", std::to_string(counts[static_cast<std::size_t>(Severity::warning)]));
  d.set("infos", std::to_string(counts[static_cast<std::size_t>(Severity::info)]));
  return d;
}

// ---- critical paths --------------------------------------------------------------------------

// Each partnership's at-risk actions and open audits (with at least one
// action existing and open at as_of), in one pass over the actions.
void index_by_partnership(Pack& pack) {
  const Plan& plan = pack.plan;
  std::unordered_set<ActionId> risky;
  for (const auto id : at_risk(plan, pack.forecast, pack.as_of)) risky.insert(id);
  std::unordered_set<AuditId> open;
  for (const auto& a : plan.actions()) {
    if (risky.count(a.id)) pack.at_risk_by_partnership[a.partnership].push_back(a.id);
    if (exists_at(a, pack.as_of) && is_open_at(a, pack.as_of) && open.insert(a.audit).second)
      pack.open_audits_by_partnership[a.partnership].push_back(a.audit);
  }
  for (auto& [p, audits] : pack.open_audits_by_partnership) std::sort(audits.begin(), audits.end());
}

template <class Map, class Key>
const typename Map::mapped_type& entry_or_empty(const Map& map, const Key& key) {
  static const typename Map::mapped_type empty{};
  const auto it = map.find(key);
  return it == map.end() ? empty : it->second;
}

// Each partnership's part of the whole plan's changes: what changes_between
// gives for that partnership (its actions, its groups' meetings about them).
std::unordered_map<PartnershipId, ReviewChanges> split_by_partnership(const Plan& plan,
                                                                      const ReviewChanges& all) {
  std::unordered_map<PartnershipId, ReviewChanges> out;
  const auto part = [&](ActionId id) -> ReviewChanges& {
    ReviewChanges& c = out[plan.action(id).partnership];
    c.since = all.since;
    c.until = all.until;
    return c;
  };
  for (const auto id : all.new_actions) part(id).new_actions.push_back(id);
  for (const auto& c : all.status_changes) part(c.action).status_changes.push_back(c);
  for (const auto id : all.completed) part(id).completed.push_back(id);
  for (const auto id : all.assured) part(id).assured.push_back(id);
  for (const auto& r : all.extensions) part(r.action).extensions.push_back(r);
  for (const auto& e : all.escalations) part(e.action).escalations.push_back(e);
  for (const auto id : all.newly_overdue) part(id).newly_overdue.push_back(id);
  for (const auto id : all.newly_blocked) part(id).newly_blocked.push_back(id);
  for (const auto id : all.newly_at_risk) part(id).newly_at_risk.push_back(id);
  return out;
}

ReviewChanges changes_of(Pack& pack, PartnershipId p, Date since, bool one_partnership) {
  if (one_partnership) return changes_between(pack.plan, since, pack.as_of, p);
  auto at = pack.changes_since.find(since);
  if (at == pack.changes_since.end())
    at = pack.changes_since
             .emplace(since, split_by_partnership(pack.plan, changes_between(pack.plan, since, pack.as_of)))
             .first;
  const auto it = at->second.find(p);
  if (it != at->second.end()) return it->second;
  ReviewChanges none;
  none.since = since;
  none.until = pack.as_of;
  return none;
}

// A timeline of the chain: one bar per action from its forecast start to
// its forecast finish, with a tick at its due date. A pack dated in the past
// shows the chain as it stood then: steps created after as_of are left out.
Data critical_path(const Pack& pack, AuditId audit) {
  const CriticalPath path = pack.forecast.critical_path(audit);
  std::vector<ActionId> chain;
  for (const auto id : path.chain)
    if (exists_at(pack.plan.action(id), pack.as_of)) chain.push_back(id);
  Date finish = path.start;
  for (const auto id : chain) finish = std::max(finish, pack.forecast.action(id).earliest_finish);
  Date first = path.start, last = finish;
  for (const auto id : chain) {
    const ActionTiming& t = pack.forecast.action(id);
    first = std::min({first, t.earliest_start, t.due_on});  // a due date never falls left of the chart
    last = std::max({last, t.earliest_finish, t.due_on});
  }
  const auto span = static_cast<double>(std::max<long>(1, (last - first).days()));
  const auto x_of = [&](Date d) {
    return label_width + bar_area * static_cast<double>((d - first).days()) / span;
  };
  Data steps = report::list_of();
  double y = 8;
  for (const auto id : chain) {
    const ActionTiming& t = pack.forecast.action(id);
    Data row = action_row(pack, pack.plan.action(id));
    row.set("start", to_iso(t.earliest_start));
    row.set("finish", to_iso(t.earliest_finish));
    row.set("held_to", to_iso(t.due_on));
    row.set("slack", std::to_string(t.slack_days));
    row.set("late", report::boolean(t.slack_days < 0));
    row.set("x", number(x_of(t.earliest_start)));
    row.set("width", number(std::max(2.0, x_of(t.earliest_finish) - x_of(t.earliest_start))));
    row.set("due_x", number(x_of(t.due_on)));
    row.set("y", number(y));
    row.set("text_y", number(y + bar_height / 2 + 4));
    row.set("tick_y1", number(y - 3));
    row.set("tick_y2", number(y + bar_height + 3));
    report::append(steps, std::move(row));
    y += row_height;
  }
  Data d;
  d.set("audit", pack.plan.audit(audit).title);
  d.set("audit_id", std::to_string(audit.value()));
  d.set("finish", to_iso(finish));
  d.set("days", std::to_string((finish - path.start).days()));
  set_rows(d, "steps", std::move(steps));
  d.set("height", number(y + 22));
  d.set("axis_y", number(y + 14));
  d.set("first", to_iso(first));
  d.set("last", to_iso(last));
  d.set("width", number(chart_width));
  d.set("label_x", number(label_width - 8));
  d.set("axis_end_x", number(label_width + bar_area));
  return d;
}

// ---- the pack ------------------------------------------------------------------------------

// Start of each partnership's period: as given, else its previous review.
Date period_start(const Plan& plan, PartnershipId partnership, Date as_of, const ReviewPackOptions& options) {
  if (options.since) return *options.since;
  if (const ReviewCycle* cycle = plan_cycle(plan, partnership))
    if (const auto previous = previous_review(*cycle, as_of)) return *previous;
  return as_of - boost::gregorian::months(3);
}

Data partnership_section(const Pack& pack, const PartnershipSummary& s, const ReviewChanges& changes) {
  const Plan& plan = pack.plan;
  const PartnershipId p = s.partnership;
  const Date since = changes.since;
  const std::vector<ActionId>& risky = entry_or_empty(pack.at_risk_by_partnership, p);

  Data d;
  d.set("name", plan.partnership(p).name);
  d.set("since", to_iso(since));
  report::put(d, "headline", headline(s, static_cast<long>(risky.size())));
  report::put(d, "rag_chart", rag_by_agency(plan, s));
  set_rows(d, "overdue", overdue_rows(pack, s.overdue_actions));
  set_rows(d, "blocked", blocked_rows(pack, s.blocked_actions));
  set_rows(d, "at_risk", at_risk_rows(pack, risky));
  report::put(d, "changes", changes_section(pack, changes));
  set_rows(d, "escalations", escalation_rows(pack, changes.escalations));
  set_rows(d, "completed", completed_rows(pack, changes.completed));
  set_rows(d, "assured", assured_rows(pack, changes.assured));
  report::put(d, "rules", rule_section(pack, p));
  Data paths = report::list_of();
  for (const auto audit : entry_or_empty(pack.open_audits_by_partnership, p))
    report::append(paths, critical_path(pack, audit));
  set_rows(d, "critical_paths", std::move(paths));
  return d;
}

}  // namespace

ReportFormat report_format_for(std::string_view path) {
  const auto dot = path.rfind('.');
  std::string ext(dot == std::string_view::npos ? "" : path.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == "html" || ext == "htm") return ReportFormat::html;
  if (ext == "md" || ext == "markdown") return ReportFormat::markdown;
  throw ValidationError("out", "'" + std::string(path) +
                                   "' is neither .html nor .md: the report's format is "
                                   "read from the file name");
}

std::string render_review_pack(const Plan& plan, Date as_of, ReportFormat format,
                               const ReviewPackOptions& options) {
  if (as_of.is_special()) throw ValidationError("as_of", "a review pack needs a review date");
  if (options.partnership) plan.partnership(*options.partnership);  // NotFoundError
  if (options.since && options.since->is_special())
    throw ValidationError("since", "the start of the period is not a date");
  if (options.since && !(*options.since < as_of))
    throw ValidationError("since",
                          to_iso(*options.since) + " is not before the review date " + to_iso(as_of));

  Pack pack{plan, as_of, schedule(plan, ScheduleOptions{as_of}), options.rules.check(plan, as_of), {}, {}, {},
            {},   {}};
  index_by_partnership(pack);
  for (const auto& r : pack.rules.results) {
    if (const auto p = partnership_of(plan, r.subject))
      pack.results_by_partnership[*p].push_back(&r);
    else
      pack.results_for_all.push_back(&r);
  }

  const ReviewSummary summary = review_summary(plan, as_of);
  Data partnerships = report::list_of();
  std::vector<std::string> names;
  for (const auto& s : summary.partnerships) {
    if (options.partnership && s.partnership != *options.partnership) continue;
    const Date since = period_start(plan, s.partnership, as_of, options);
    report::append(partnerships,
                   partnership_section(
                       pack, s, changes_of(pack, s.partnership, since, options.partnership.has_value())));
    names.push_back(plan.partnership(s.partnership).name);
  }
  Data context;
  std::string scope = names.size() == 1
                          ? names.front()
                          : report::counted(static_cast<long>(names.size()), "partnership", "partnerships");
  context.set("scope", scope);
  context.set("as_of", to_iso(as_of));
  context.set("as_of_long", report::long_date(as_of));
  context.set("many", report::boolean(names.size() > 1));
  set_rows(context, "partnerships", std::move(partnerships));
  context.set("rules_ran", std::to_string(pack.rules.ran.size()));
  namespace t = report::templates;
  if (format == ReportFormat::html)
    return report::render("review_pack.html", t::review_pack_html_mustache, std::move(context), format,
                          {{"style", t::report_css}, {"action_cells", t::action_cells_html_mustache}});
  return report::render("review_pack.md", t::review_pack_md_mustache, std::move(context), format);
}

}  // namespace plansight
