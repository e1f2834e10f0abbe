// The smaller tables as numpy columns: updates, findings, gradings, review
// outcomes, theme occurrences and rule results. Each fills its arrays in one
// pass over the plan (columns.hpp holds the toolkit).
#include <algorithm>
#include <numeric>

#include "columns.hpp"
#include "detail/action_table.hpp"
#include "plansight/rules.hpp"
#include "plansight/themes.hpp"

namespace plansight::python {
namespace {

// The names of a finding's themes, each once, joined by "; ".
std::string theme_names(const Plan& plan, const std::vector<ThemeId>& themes) {
  std::string text;
  for (std::size_t i = 0; i < themes.size(); ++i)
    if (std::find(themes.begin(), themes.begin() + static_cast<std::ptrdiff_t>(i), themes[i]) ==
        themes.begin() + static_cast<std::ptrdiff_t>(i))
      text += (text.empty() ? "" : "; ") + plan.theme(themes[i]).name;
  return text;
}

template <class T, class Pick>
std::size_t total_size(const std::vector<T>& items, Pick pick) {
  return std::accumulate(items.begin(), items.end(), std::size_t{0},
                         [&](std::size_t n, const T& item) { return n + pick(item); });
}

}  // namespace

ColumnDict update_columns(const Plan& plan, std::optional<Date> as_of) {
  // Read in place from the plan's columns (an Action built for each would
  // copy every history at 10^6 actions): counted, then filled.
  const auto& actions = detail::action_table(plan);
  auto kept = [&](Date on) { return !as_of || on <= *as_of; };
  std::size_t n = 0;
  for (std::size_t at = 0; at < actions.size(); ++at)
    for (const auto& row : actions.view(at).updates) n += kept(row.on) ? 1 : 0;
  ValueColumn<std::int64_t> action(n), partnership(n), audit(n);
  py::array on = day_column(n), completed_on = day_column(n);
  EnumColumn<Status> status(n);
  EnumColumn<Rag> reported_rag(n);
  TextColumn note(n), by(n);
  std::size_t i = 0;
  for (std::size_t at = 0; at < actions.size(); ++at) {
    const auto a = actions.view(at);
    for (const auto& row : a.updates) {
      if (!kept(row.on)) continue;
      const Update u = actions.update(a.id, row);
      action.data[i] = a.id.value();
      partnership.data[i] = a.partnership.value();
      audit.data[i] = a.audit.value();
      days_of(on)[i] = days_since_epoch(u.on);
      status.set(i, u.status);
      reported_rag.set(i, u.reported_rag);
      note.set_or_missing(i, u.note);
      by.set_or_missing(i, u.by);
      days_of(completed_on)[i] =
          u.status == Status::complete ? days_since_epoch(u.completed_on.value_or(u.on)) : not_a_time;
      ++i;
    }
  }
  ColumnDict d;
  d["action"] = action.array;
  d["partnership"] = partnership.array;
  d["audit"] = audit.array;
  d["on"] = on;
  status.add_to(d, "status");
  reported_rag.add_to(d, "reported_rag");
  note.add_to(d, "note");
  by.add_to(d, "by");
  d["completed_on"] = completed_on;
  return d;
}

ColumnDict finding_columns(const Plan& plan) {
  const auto& findings = plan.findings();
  const std::size_t n = findings.size();
  ValueColumn<std::int64_t> id(n), audit(n), partnership(n);
  ValueColumn<std::int32_t> cases(n), agencies(n);
  py::array held_on = day_column(n);
  EnumColumn<FindingCategory> category(n);
  TextColumn audit_title(n), text(n), themes(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Finding& f = findings[i];
    const Audit& a = plan.audit(f.audit);
    id.data[i] = f.id.value();
    audit.data[i] = a.id.value();
    partnership.data[i] = a.partnership.value();
    days_of(held_on)[i] = days_since_epoch(a.held_on);
    audit_title.set(i, a.title);
    category.set(i, f.category);
    text.set(i, f.text);
    themes.set_or_missing(i, theme_names(plan, f.themes));
    cases.data[i] = static_cast<std::int32_t>(f.cases.size());
    agencies.data[i] = static_cast<std::int32_t>(f.agencies.size());
  }
  ColumnDict d;
  d["id"] = id.array;
  d["audit"] = audit.array;
  audit_title.add_to(d, "audit_title");
  d["partnership"] = partnership.array;
  d["held_on"] = held_on;
  category.add_to(d, "category");
  text.add_to(d, "text");
  themes.add_to(d, "themes");
  d["cases"] = cases.array;
  d["agencies"] = agencies.array;
  return d;
}

ColumnDict grading_columns(const Plan& plan, std::optional<AuditId> audit) {
  if (audit) plan.audit(*audit);  // NotFoundError for an unknown audit
  std::vector<const AgencyReturn*> returns;
  for (const auto& r : plan.agency_returns())
    if (!audit || plan.case_(r.case_id).audit == *audit) returns.push_back(&r);
  const std::size_t n = total_size(returns, [](const AgencyReturn* r) { return r->gradings.size(); });
  ValueColumn<std::int64_t> audit_id(n), case_id(n), agency(n);
  TextColumn case_reference(n), agency_name(n), question(n);
  EnumColumn<Grade> grade(n);
  std::size_t i = 0;
  for (const AgencyReturn* r : returns) {
    const Case& c = plan.case_(r->case_id);
    for (const auto& g : r->gradings) {
      audit_id.data[i] = c.audit.value();
      case_id.data[i] = c.id.value();
      case_reference.set(i, c.reference);
      agency.data[i] = r->agency.value();
      agency_name.set(i, plan.agency(r->agency).name);
      question.set(i, g.question);
      grade.set(i, g.grade);
      ++i;
    }
  }
  ColumnDict d;
  d["audit"] = audit_id.array;
  d["case"] = case_id.array;
  case_reference.add_to(d, "case_reference");
  d["agency"] = agency.array;
  agency_name.add_to(d, "agency_name");
  question.add_to(d, "question");
  grade.add_to(d, "grade");
  return d;
}

ColumnDict review_outcome_columns(const Plan& plan) {
  const auto& reviews = plan.reviews();
  const std::size_t n = total_size(reviews, [](const ReviewMeeting& m) { return m.outcomes.size(); });
  ValueColumn<std::int64_t> review(n), group(n), action(n), escalated_to(n);
  py::array held_on = day_column(n), new_due = day_column(n);
  TextColumn group_name(n), reason(n), note(n);
  EnumColumn<OutcomeKind> outcome(n);
  std::size_t i = 0;
  for (const auto& m : reviews)
    for (const auto& o : m.outcomes) {
      review.data[i] = m.id.value();
      group.data[i] = m.group.value();
      group_name.set(i, plan.group(m.group).name);
      days_of(held_on)[i] = days_since_epoch(m.held_on);
      action.data[i] = o.action.value();
      outcome.set(i, o.kind);
      days_of(new_due)[i] = days_since_epoch(o.new_due);
      reason.set_or_missing(i, o.reason);
      escalated_to.data[i] = id_or_missing(o.escalated_to);
      note.set_or_missing(i, o.note);
      ++i;
    }
  ColumnDict d;
  d["review"] = review.array;
  d["group"] = group.array;
  group_name.add_to(d, "group_name");
  d["held_on"] = held_on;
  d["action"] = action.array;
  outcome.add_to(d, "outcome");
  d["new_due"] = new_due;
  reason.add_to(d, "reason");
  d["escalated_to"] = escalated_to.array;
  note.add_to(d, "note");
  return d;
}

ColumnDict theme_occurrence_columns(const Plan& plan) {
  const auto occurrences = theme_occurrences(plan);
  const std::size_t n = occurrences.size();
  ValueColumn<std::int64_t> theme(n), audit(n), partnership(n), findings(n);
  ValueColumn<std::int32_t> year(n);
  ValueColumn<bool> audit_theme(n);
  TextColumn theme_name(n), audit_title(n);
  for (std::size_t i = 0; i < n; ++i) {
    const ThemeOccurrence& o = occurrences[i];
    theme.data[i] = o.theme.value();
    theme_name.set(i, plan.theme(o.theme).name);
    audit.data[i] = o.audit.value();
    audit_title.set(i, plan.audit(o.audit).title);
    partnership.data[i] = o.partnership.value();
    year.data[i] = o.year;
    findings.data[i] = o.findings;
    audit_theme.data[i] = o.audit_theme;
  }
  ColumnDict d;
  d["theme"] = theme.array;
  theme_name.add_to(d, "theme_name");
  d["audit"] = audit.array;
  audit_title.add_to(d, "audit_title");
  d["partnership"] = partnership.array;
  d["year"] = year.array;
  d["findings"] = findings.array;
  d["audit_theme"] = audit_theme.array;
  return d;
}

ColumnDict rule_result_columns(const RuleReport& report) {
  const auto& results = report.results;
  const std::size_t n = results.size();
  TextColumn rule(n), subject_kind(n), message(n);
  EnumColumn<Severity> severity(n);
  ValueColumn<std::int64_t> subject_id(n);
  for (std::size_t i = 0; i < n; ++i) {
    rule.set(i, results[i].rule);
    severity.set(i, results[i].severity);
    subject_kind.set(i, results[i].subject.kind);
    subject_id.data[i] = results[i].subject.id;
    message.set(i, results[i].message);
  }
  ColumnDict d;
  rule.add_to(d, "rule");
  severity.add_to(d, "severity");
  subject_kind.add_to(d, "subject_kind");
  d["subject_id"] = subject_id.array;
  message.add_to(d, "message");
  return d;
}

}  // namespace plansight::python
