// The testing kit: what a unit test of the plan, or of a policy rule, needs
// to build a small plan and ask about it. No test framework is assumed.
//
//   plansight::testing::Builder b;        // a partnership, 3 agencies, its LIS, an audit, a finding
//   auto a = b.add_action(ymd(2024, 1, 10), ymd(2024, 6, 30));
//   b.set_status(a, ymd(2024, 3, 31), Status::in_progress);
//   CHECK(fires_for(MyRule(), b.plan, ymd(2024, 7, 1), Subject::action(a)));
//   CHECK(subjects_of(results_of(MyRule(), b.plan, ymd(2024, 7, 1), {{"days", 7}})).empty());
//
// Everything here goes through the public API; header-only.
#pragma once

#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <typeinfo>
#include <utility>
#include <vector>

#include "plansight/dates.hpp"
#include "plansight/errors.hpp"
#include "plansight/plan.hpp"
#include "plansight/rules.hpp"

namespace plansight::testing {

inline Date ymd(int y, int m, int d) {
  return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d));
}

// Boundary dates: the day before, of and after a threshold.
inline Date days_after(Date d, int n) { return d + boost::gregorian::days(n); }
inline Date days_before(Date d, int n) { return d - boost::gregorian::days(n); }

inline Owner owned_by(AgencyId agency, std::string role = {}) {
  Owner o;
  o.agency = agency;
  o.role = std::move(role);
  return o;
}

inline Owner owned_by(GroupId group) {
  Owner o;
  o.group = group;
  return o;
}

// A progress update recorded by the LIS business manager.
inline Update update(ActionId id, Date on, Status status, std::string note = "quarterly review") {
  Update u;
  u.action = id;
  u.on = on;
  u.status = status;
  u.note = std::move(note);
  u.by = "LIS business manager";
  return u;
}

// One partnership's audit with its learning subgroup and one finding.
struct Area {
  PartnershipId partnership;
  GroupId lis;
  AuditId audit;
  FindingId finding;
};

// A plan with one area and three agencies, and shorthands to add actions and
// their history. Every shorthand goes through the public Plan API.
class Builder {
 public:
  Plan plan;
  AgencyId police, social_care, health;
  Area area;

  Builder() {
    police = plan.add(Agency{{}, "Humberside Police", Sector::police}).id;
    social_care = plan.add(Agency{{}, "Children's Social Care", Sector::local_authority}).id;
    health = plan.add(Agency{{}, "Northern Lincolnshire and Goole NHS Trust", Sector::health}).id;
    area = add_area("North Lincolnshire Children's MARS");
  }

  // Another partnership with its own LIS, audit (held 2024-01-15) and finding.
  Area add_area(const std::string& name) {
    Area out;
    out.partnership = plan.add(Partnership{{}, name}).id;
    out.lis = plan.add(Group{{}, out.partnership, "Learning and Improvement Subgroup"}).id;
    Audit audit;
    audit.partnership = out.partnership;
    audit.title = "Multi-agency case file audit: domestic abuse";
    audit.held_on = ymd(2024, 1, 15);
    audit.agencies = {police, social_care, health};
    out.audit = plan.add(std::move(audit)).id;
    Finding finding;
    finding.audit = out.audit;
    finding.text = "The voice of the child was not consistently recorded";
    out.finding = plan.add(std::move(finding)).id;
    return out;
  }

  // A valid action (not yet added), owned by the police.
  Action draft(Date created, Date due) const { return draft(area, created, due); }
  Action draft(const Area& in, Date created, Date due) const {
    Action a;
    a.partnership = in.partnership;
    a.audit = in.audit;
    a.finding = in.finding;
    a.title = "Refresh voice of the child training";
    a.owner = owned_by(police);
    a.created_on = created;
    a.due_on = due;
    a.estimate_days = 30;
    return a;
  }

  ActionId add_action(Date created, Date due) { return plan.add(draft(created, due)).id; }
  ActionId add_action(Date created, Date due, Owner owner) {
    Action a = draft(created, due);
    a.owner = std::move(owner);
    return plan.add(std::move(a)).id;
  }
  ActionId add_action(const Area& in, Date created, Date due) { return plan.add(draft(in, created, due)).id; }

  void set_status(ActionId id, Date on, Status status, std::string note = "quarterly review") {
    plan.record(update(id, on, status, std::move(note)));
  }
  void revise_due(ActionId id, Date on, Date new_due) {
    plan.record(DueDateRevision{id, on, new_due, "training venue unavailable", "LIS chair"});
  }
  void change_owner(ActionId id, Date on, Owner owner) {
    plan.record(OwnerChange{id, on, std::move(owner), "service restructure"});
  }
  EvidenceId add_evidence(ActionId id, Date on) {
    return plan
        .record(Evidence{
            {}, id, on, EvidenceKind::impact, "Re-audit: voice of child evident in 9 of 10 cases", "LIS"})
        .id;
  }
  // Completes the action on `on`, records evidence that day and has the LIS assure it.
  void complete_and_assure(ActionId id, Date on) {
    set_status(id, on, Status::complete);
    add_evidence(id, on);
    plan.record(Assurance{id, on, area.lis, "impact evidenced", "LIS chair"});
  }

  // Another finding of the area's audit.
  FindingId add_finding(FindingCategory category,
                        std::string text = "Strategy meetings did not include health") {
    Finding f;
    f.audit = area.audit;
    f.category = category;
    f.text = std::move(text);
    return plan.add(std::move(f)).id;
  }
  // A recommendation of the area's audit answering `findings`.
  RecommendationId add_recommendation(std::vector<FindingId> findings) {
    Recommendation r;
    r.audit = area.audit;
    r.text = "Review the multi-agency strategy meeting protocol";
    r.findings = std::move(findings);
    return plan.add(std::move(r)).id;
  }
  // A pseudonymised case of the area's audit.
  CaseId add_case(std::string reference = "Child A") {
    Case c;
    c.audit = area.audit;
    c.reference = std::move(reference);
    return plan.add(std::move(c)).id;
  }
  // An immediate concern about `case_id` raised with the police on `on`.
  ConcernId raise_concern(CaseId case_id, Date on) {
    return plan
        .add(ImmediateConcern{{}, area.audit, case_id, police, on, "No strategy discussion held", {}, {}})
        .id;
  }
  void answer_concern(ConcernId id, Date on) { plan.answer_concern(id, on, "Strategy discussion held"); }
};

// Everything a mutation could change, as text: the size of every collection,
// each action's and concern's state and history, each review cycle, each
// reviewable item with its reviews, each review meeting with its outcomes,
// each briefing with its disseminations, and the id each kind would be
// given next. Comparing two of these shows what changed.
inline std::string fingerprint(const Plan& plan) {
  std::ostringstream out;
  out << "partnerships " << plan.partnerships().size() << ", agencies " << plan.agencies().size()
      << ", groups " << plan.groups().size() << ", themes " << plan.themes().size() << ", audits "
      << plan.audits().size() << ", cases " << plan.cases().size() << ", returns "
      << plan.agency_returns().size() << ", findings " << plan.findings().size() << ", recommendations "
      << plan.recommendations().size() << ", actions " << plan.actions().size() << ", concerns "
      << plan.concerns().size() << ", dependencies " << plan.dependency_count() << ", review cycles "
      << plan.review_cycles().size() << ", reviewable items " << plan.reviewable_items().size()
      << ", reviews " << plan.reviews().size() << ", briefings " << plan.briefings().size() << "\n";
  for (const auto& a : plan.audits()) out << "audit " << a.id << " stage " << to_string(a.stage) << "\n";
  for (const auto& a : plan.actions()) {
    out << "action " << a.id << " created " << to_iso(a.created_on) << " due " << to_iso(a.due_on)
        << " owner " << (a.owner.agency ? "agency " : "group ")
        << (a.owner.agency ? a.owner.agency->value() : a.owner.group ? a.owner.group->value() : 0)
        << " depends on [";
    for (const auto& d : a.depends_on) out << d.depends_on << "+" << d.lag_days << " ";
    out << "] updates [";
    for (const auto& u : a.updates)
      out << to_iso(u.on) << ":" << to_string(u.status) << ":" << (u.completed_on ? to_iso(*u.completed_on) : "-")
          << " ";
    out << "] revisions [";
    for (const auto& r : a.due_revisions) out << to_iso(r.on) << "->" << to_iso(r.new_due) << " ";
    out << "] owner changes [";
    for (const auto& c : a.owner_changes) out << to_iso(c.on) << " ";
    out << "] evidence [";
    for (const auto& e : a.evidence) out << e.id << "@" << to_iso(e.on) << " ";
    out << "] assured " << (a.assurance ? to_iso(a.assurance->on) : "no") << "\n";
  }
  for (const auto& c : plan.concerns())
    out << "concern " << c.id << " answered " << (c.answered_on ? to_iso(*c.answered_on) : "no") << "\n";
  const auto id_or_0 = [](const auto& id) { return id ? id->value() : 0; };
  for (const auto& c : plan.review_cycles()) {
    out << "review cycle " << c.id << " partnership " << c.partnership << " " << to_string(c.kind)
        << " start " << to_iso(c.start) << " months " << c.months << " dates [";
    for (auto d : c.dates) out << to_iso(d) << " ";
    out << "] group " << id_or_0(c.group) << " audit " << id_or_0(c.audit) << " item " << id_or_0(c.item)
        << "\n";
  }
  for (const auto& i : plan.reviewable_items()) {
    out << "reviewable item " << i.id << " partnership " << i.partnership << " placed " << to_iso(i.placed_on)
        << " every " << i.review_every_months << " reviews [";
    for (const auto& r : i.reviews) out << to_iso(r.on) << (r.retired ? ":retired" : "") << " ";
    out << "]\n";
  }
  for (const auto& m : plan.reviews()) {
    out << "review " << m.id << " group " << m.group << " held " << to_iso(m.held_on) << " attending "
        << m.attending.size() << " outcomes [";
    for (const auto& o : m.outcomes)
      out << o.action << ":" << to_string(o.kind) << ":" << (o.new_due ? to_iso(*o.new_due) : "-") << ":"
          << id_or_0(o.escalated_to) << " ";
    out << "]\n";
  }
  for (const auto& b : plan.briefings()) {
    out << "briefing " << b.id << " audit " << b.audit << " written " << to_iso(b.written_on) << " lines "
        << b.reflection.size() << "+" << b.further_information.size() << " disseminations [";
    for (const auto& d : b.disseminations) {
      out << to_iso(d.on) << ":";
      for (auto agency : d.reached) out << agency << ",";
      out << " ";
    }
    out << "]\n";
  }

  // The id each kind would be given next (0 where no valid draft can be made).
  const auto next = [&](const char* what, auto make) {
    std::int64_t id = 0;
    try {
      id = make().id.value();
    } catch (const Error&) {
    }
    out << "next " << what << " " << id << "\n";
  };
  const Date day = ymd(2024, 1, 1);
  next("partnership", [&] { return plan.prepare(Partnership{{}, "probe"}); });
  next("agency", [&] { return plan.prepare(Agency{{}, "probe", Sector::other}); });
  next("theme", [&] { return plan.prepare(Theme{{}, "\x01probe"}); });
  if (!plan.partnerships().empty()) {
    const auto p = plan.partnerships().front().id;
    next("group", [&] { return plan.prepare(Group{{}, p, "probe"}); });
  }
  if (!plan.audits().empty()) {
    const auto& audit = plan.audits().front();
    next("audit", [&] {
      Audit a;
      a.partnership = audit.partnership;
      a.title = "probe";
      a.held_on = day;
      return plan.prepare(a);
    });
    next("case", [&] {
      Case c;
      c.audit = audit.id;
      c.reference = "\x01probe";
      return plan.prepare(c);
    });
    next("finding", [&] {
      Finding f;
      f.audit = audit.id;
      f.text = "probe";
      return plan.prepare(f);
    });
    next("recommendation", [&] {
      Recommendation r;
      r.audit = audit.id;
      r.text = "probe";
      return plan.prepare(r);
    });
    if (!plan.agencies().empty())
      next("action", [&] {
        Action a;
        a.partnership = audit.partnership;
        a.audit = audit.id;
        a.title = "probe";
        a.owner = owned_by(plan.agencies().front().id);
        a.created_on = day;
        a.due_on = day;
        return plan.prepare(a);
      });
  }
  if (!plan.cases().empty() && !plan.agencies().empty()) {
    const auto& c = plan.cases().front();
    const auto& taking_part = plan.audit(c.audit).agencies;
    const AgencyId returning = taking_part.empty() ? plan.agencies().front().id : taking_part.front();
    next("agency return", [&] { return plan.prepare(AgencyReturn{{}, c.id, returning, {}}); });
    next("concern", [&] {
      return plan.prepare(ImmediateConcern{{}, c.audit, c.id, plan.agencies().front().id, day, "probe", {}, {}});
    });
  }
  if (!plan.partnerships().empty()) {
    next("reviewable item", [&] {
      ReviewableItem i;
      i.partnership = plan.partnerships().front().id;
      i.description = "probe";
      i.placed_on = day;
      return plan.prepare(i);
    });
    // Each scope takes one cycle: the first scope still free gives the id.
    next("review cycle", [&] {
      const auto draft = [&](PartnershipId p, std::optional<AuditId> audit,
                             std::optional<ReviewableId> item) {
        ReviewCycle c;
        c.partnership = p;
        c.name = "probe";
        c.start = day;
        c.audit = audit;
        c.item = item;
        return c;
      };
      std::vector<ReviewCycle> drafts;
      for (const auto& p : plan.partnerships()) drafts.push_back(draft(p.id, {}, {}));
      for (const auto& a : plan.audits()) drafts.push_back(draft(a.partnership, a.id, {}));
      for (const auto& i : plan.reviewable_items()) drafts.push_back(draft(i.partnership, {}, i.id));
      for (const auto& c : drafts) {
        try {
          return plan.prepare(c);
        } catch (const Error&) {
        }
      }
      throw Error("every scope has a cycle");
    });
  }
  if (!plan.audits().empty()) {
    const auto& audit = plan.audits().front();
    next("briefing", [&] {
      Briefing b;
      b.audit = audit.id;
      b.title = "probe";
      b.written_on = audit.held_on;
      return plan.prepare(b);
    });
  }
  if (!plan.groups().empty())
    next("review meeting",
         [&] { return plan.prepare(ReviewMeeting{{}, plan.groups().front().id, day, {}, {}, {}}); });
  for (const auto& a : plan.actions())
    if (!a.assurance) {
      next("evidence", [&] {
        return plan.prepare(Evidence{{}, a.id, a.created_on, EvidenceKind::completion, "probe", "probe"});
      });
      break;
    }
  return out.str();
}

// The message of the exception `f` throws, if it is exactly of type Kind;
// otherwise a description of what happened instead.
template <class Kind, class F>
std::pair<bool, std::string> refusal_of(F&& f) {
  try {
    f();
  } catch (const std::exception& e) {
    if (typeid(e) == typeid(Kind)) return {true, e.what()};
    return {false, std::string("threw ") + typeid(e).name() + ": " + e.what()};
  }
  return {false, "did not throw"};
}

// ---- rules ------------------------------------------------------------------------------

// The results of one rule as a RuleSet runs it: default severity, default
// parameters with `overrides` applied (ValidationError for a name the rule
// does not take or a value below 0), results in report order, a throwing
// rule reported as RuleError.
inline std::vector<RuleResult> results_of(const Rule& rule, const Plan& plan, Date as_of,
                                          const RuleParameters& overrides = {}) {
  RuleSet set;
  set.add(std::shared_ptr<const Rule>(std::shared_ptr<const Rule>(), &rule));  // borrowed, not owned
  for (const auto& [name, value] : overrides) set.set_parameter(rule.id(), name, value);
  return set.check(plan, as_of).results;
}

// The subjects of the results, in their order.
inline std::vector<Subject> subjects_of(const std::vector<RuleResult>& results) {
  std::vector<Subject> subjects;
  for (const auto& r : results) subjects.push_back(r.subject);
  return subjects;
}

// Whether the rule gives a result about `subject` as of D.
inline bool fires_for(const Rule& rule, const Plan& plan, Date as_of, const Subject& subject,
                      const RuleParameters& overrides = {}) {
  for (const auto& s : subjects_of(results_of(rule, plan, as_of, overrides)))
    if (s == subject) return true;
  return false;
}

// The message of the result about `subject`; empty when there is none.
inline std::string message_for(const Rule& rule, const Plan& plan, Date as_of, const Subject& subject,
                               const RuleParameters& overrides = {}) {
  for (const auto& r : results_of(rule, plan, as_of, overrides))
    if (r.subject == subject) return r.message;
  return {};
}

}  // namespace plansight::testing
