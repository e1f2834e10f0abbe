// The built-in rules of rules.hpp, one small class each. Every check reads
// the plan as of context.as_of through status.hpp and review_cycles.hpp; the
// boundaries are those documented in rules.hpp.
#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "detail/action_state.hpp"
#include "detail/action_table.hpp"
#include "detail/text.hpp"
#include "plansight/dates.hpp"
#include "plansight/review_cycles.hpp"
#include "plansight/rules.hpp"
#include "plansight/status.hpp"

namespace plansight {
namespace {

using Results = std::vector<RuleResult>;
using boost::gregorian::days;

// Finding texts and item descriptions are cut in messages: a message is one
// line of a report.
constexpr std::size_t quoted_text_limit = 80;

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string shortened(std::string_view text) { return detail::shortened(text, quoted_text_limit); }

// "action 42 'Refresh training'"
// An Action or a detail::ActionView.
template <class A>
std::string named(const A& a) {
  return "action " + std::to_string(a.id.value()) + " " + quoted(a.title);
}

std::string named(const Audit& a) { return "audit " + std::to_string(a.id.value()) + " " + quoted(a.title); }

long days_from(Date from, Date to) { return (to - from).days(); }

std::string plural(long n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

bool is_open_action_at(const Action& a, Date as_of) { return exists_at(a, as_of) && is_open_at(a, as_of); }

// ---- actions and their dates -----------------------------------------------------------------

class Overdue final : public Rule {
 public:
  Overdue() : Rule("overdue", "open actions past the due date in force", Severity::breach) {}

  Results check(const RuleContext& c) const override {
    Results out;
    for (const auto& a : c.plan.actions())
      if (exists_at(a, c.as_of) && is_overdue(a, c.as_of))
        out.push_back(c.result(Subject::action(a.id), message(a, c.as_of)));
    return out;
  }

 private:
  static std::string message(const Action& a, Date as_of) {
    const Date due = due_on_at(a, as_of);
    return named(a) + " was due " + to_iso(due) + " and is still " + to_string(status_at(a, as_of)) +
           " (RED): " + plural(days_from(due, as_of), "day", "days") + " overdue as of " + to_iso(as_of);
  }
};

class DueSoonNotStarted final : public Rule {
 public:
  DueSoonNotStarted()
      : Rule("due_soon_not_started", "actions not started that fall due within `days` days",
             Severity::warning, {{"days", 14}}) {}

  Results check(const RuleContext& c) const override {
    const int window = c.parameter("days");
    Results out;
    for (const auto& a : c.plan.actions()) {
      if (!exists_at(a, c.as_of) || status_at(a, c.as_of) != Status::not_started) continue;
      const Date due = due_on_at(a, c.as_of);
      if (due < c.as_of || due > c.as_of + days(window)) continue;
      out.push_back(c.result(Subject::action(a.id), named(a) + " is due " + to_iso(due) + ", in " +
                                                        plural(days_from(c.as_of, due), "day", "days") +
                                                        " (within " + std::to_string(window) +
                                                        "), and has not started as of " + to_iso(c.as_of)));
    }
    return out;
  }
};

bool has_evidence_by(const Action& a, Date as_of) {
  return std::any_of(a.evidence.begin(), a.evidence.end(), [&](const Evidence& e) { return e.on <= as_of; });
}

class CompletionWithoutEvidence final : public Rule {
 public:
  CompletionWithoutEvidence()
      : Rule("completion_without_evidence", "complete actions with no evidence at all", Severity::warning) {}

  Results check(const RuleContext& c) const override {
    Results out;
    for (const auto& a : c.plan.actions()) {
      if (!exists_at(a, c.as_of) || status_at(a, c.as_of) != Status::complete || has_evidence_by(a, c.as_of))
        continue;
      out.push_back(c.result(Subject::action(a.id),
                             named(a) + " was completed on " + to_iso(*completed_on_at(a, c.as_of)) +
                                 " with no evidence of completion or impact recorded by " + to_iso(c.as_of)));
    }
    return out;
  }
};

class ImpactNotAssured final : public Rule {
 public:
  ImpactNotAssured()
      : Rule("impact_not_assured",
             "actions complete for more than `months` months whose impact is not assured", Severity::warning,
             {{"months", 6}}) {}

  Results check(const RuleContext& c) const override {
    const int months = c.parameter("months");
    Results out;
    for (const auto& a : c.plan.actions()) {
      if (!exists_at(a, c.as_of) || is_assured_at(a, c.as_of)) continue;
      const auto completed = completed_on_at(a, c.as_of);
      if (!completed || c.as_of <= *completed + boost::gregorian::months(months)) continue;
      out.push_back(
          c.result(Subject::action(a.id), named(a) + " has been complete since " + to_iso(*completed) +
                                              ", more than " + plural(months, "month", "months") + " by " +
                                              to_iso(c.as_of) + ", and no group has assured its impact"));
    }
    return out;
  }
};

long revisions_by(const Action& a, Date as_of) {
  return std::count_if(a.due_revisions.begin(), a.due_revisions.end(),
                       [&](const DueDateRevision& r) { return r.on <= as_of; });
}

class ExtendedTooOften final : public Rule {
 public:
  ExtendedTooOften()
      : Rule("extended_too_often", "open actions whose due date was revised more than `times` times",
             Severity::breach, {{"times", 2}}) {}

  Results check(const RuleContext& c) const override {
    const int limit = c.parameter("times");
    Results out;
    for (const auto& a : c.plan.actions()) {
      if (!is_open_action_at(a, c.as_of)) continue;
      const long revised = revisions_by(a, c.as_of);
      if (revised <= limit) continue;
      out.push_back(c.result(Subject::action(a.id),
                             named(a) + " has had its due date revised " + plural(revised, "time", "times") +
                                 " by " + to_iso(c.as_of) + " (more than " + std::to_string(limit) +
                                 "), now due " + to_iso(due_on_at(a, c.as_of)) + ": escalate to the board"));
    }
    return out;
  }
};

// ---- dependencies, owners, measures -------------------------------------------------------

class BlockedByOverdue final : public Rule {
 public:
  BlockedByOverdue()
      : Rule("blocked_by_overdue", "open actions waiting for an overdue action", Severity::warning) {}

  Results check(const RuleContext& c) const override {
    Results out;
    for (const auto& a : c.plan.actions()) {
      if (!is_open_action_at(a, c.as_of)) continue;
      const std::string late = overdue_prerequisites(c.plan, a, c.as_of);
      if (!late.empty())
        out.push_back(
            c.result(Subject::action(a.id), named(a) + " waits for " + late + " as of " + to_iso(c.as_of)));
    }
    return out;
  }

 private:
  // "overdue action 7 'Y' (due 2024-03-31)", joined with " and "; empty for none.
  static std::string overdue_prerequisites(const Plan& plan, const Action& a, Date as_of) {
    std::string text;
    for (const auto& d : a.depends_on) {
      const auto p = detail::action_view(plan, d.depends_on);  // in place: rules walk every action
      if (p.created_on > as_of || !detail::overdue_at(p, as_of)) continue;
      text += (text.empty() ? "overdue " : " and overdue ") + named(p) + " (due " +
              to_iso(detail::due_of(p, as_of)) + ")";
    }
    return text;
  }
};

class OwnerOutsideAudit final : public Rule {
 public:
  OwnerOutsideAudit()
      : Rule("owner_outside_audit", "open actions owned by an agency that did not take part in the audit",
             Severity::warning) {}

  Results check(const RuleContext& c) const override {
    Results out;
    for (const auto& a : c.plan.actions()) {
      if (!is_open_action_at(a, c.as_of)) continue;
      const Owner& owner = owner_at(a, c.as_of);
      const Audit& audit = c.plan.audit(a.audit);
      if (!owner.agency || audit.agencies.empty()) continue;
      if (std::find(audit.agencies.begin(), audit.agencies.end(), *owner.agency) != audit.agencies.end())
        continue;
      out.push_back(c.result(Subject::action(a.id),
                             named(a) + " is owned by " + c.plan.agency(*owner.agency).name + " as of " +
                                 to_iso(c.as_of) + ", which is not one of the agencies of " + named(audit)));
    }
    return out;
  }
};

class NotSmart final : public Rule {
 public:
  NotSmart()
      : Rule("not_smart", "open actions without a success measure or an identifiable owner",
             Severity::warning) {}

  Results check(const RuleContext& c) const override {
    Results out;
    for (const auto& a : c.plan.actions()) {
      if (!is_open_action_at(a, c.as_of)) continue;
      const std::string missing = what_is_missing(c.plan, a, c.as_of);
      if (!missing.empty())
        out.push_back(c.result(Subject::action(a.id), named(a) + " is not SMART: " + missing));
    }
    return out;
  }

 private:
  static std::string what_is_missing(const Plan& plan, const Action& a, Date as_of) {
    std::string missing;
    if (is_blank(a.success_measure)) missing = "it has no success measure";
    const Owner& owner = owner_at(a, as_of);
    if (owner.agency && is_blank(owner.role) && is_blank(owner.lead))
      missing += (missing.empty() ? "its owner " : "; its owner ") + plan.agency(*owner.agency).name +
                 " has neither a role nor a named lead";
    return missing;
  }
};

// ---- findings, audits, concerns -----------------------------------------------------------

bool needs_an_answer(FindingCategory category) {
  return category == FindingCategory::worry || category == FindingCategory::area_for_development;
}

// Findings answered at D by an action existing and not cancelled then,
// directly or through a recommendation listing them.
std::unordered_set<FindingId> answered_findings(const Plan& plan, Date as_of) {
  std::unordered_set<FindingId> answered;
  for (const auto& a : plan.actions()) {
    if (!exists_at(a, as_of) || status_at(a, as_of) == Status::cancelled) continue;
    if (a.finding) answered.insert(*a.finding);
    if (a.recommendation)
      for (const auto f : plan.recommendation(*a.recommendation).findings) answered.insert(f);
  }
  return answered;
}

class UnansweredFinding final : public Rule {
 public:
  UnansweredFinding()
      : Rule("unanswered_finding", "worries and areas for development no action answers", Severity::warning) {
  }

  Results check(const RuleContext& c) const override {
    const auto answered = answered_findings(c.plan, c.as_of);
    Results out;
    for (const auto& f : c.plan.findings()) {
      const Audit& audit = c.plan.audit(f.audit);
      if (!needs_an_answer(f.category) || audit.held_on > c.as_of || answered.contains(f.id)) continue;
      out.push_back(
          c.result(Subject::finding(f.id),
                   "finding " + std::to_string(f.id.value()) + " (" + to_string(f.category) + ") of " +
                       named(audit) + ", " + quoted(shortened(f.text)) +
                       ", has no action answering it, directly or through a recommendation, as of " +
                       to_iso(c.as_of)));
    }
    return out;
  }
};

// How an audit's actions existing at D stand.
struct AuditProgress {
  long complete = 0;
  long cancelled = 0;
  long open = 0;
};

std::map<AuditId, AuditProgress> progress_by_audit(const Plan& plan, Date as_of) {
  std::map<AuditId, AuditProgress> progress;
  for (const auto& a : plan.actions()) {
    if (!exists_at(a, as_of)) continue;
    auto& p = progress[a.audit];
    switch (status_at(a, as_of)) {
      case Status::complete:
        ++p.complete;
        break;
      case Status::cancelled:
        ++p.cancelled;
        break;
      case Status::not_started:
      case Status::in_progress:
        ++p.open;
        break;
    }
  }
  return progress;
}

std::unordered_set<AuditId> reaudited_by(const Plan& plan, Date as_of) {
  std::unordered_set<AuditId> reaudited;
  for (const auto& a : plan.audits())
    if (a.reaudit_of && a.held_on <= as_of) reaudited.insert(*a.reaudit_of);
  return reaudited;
}

class NoReaudit final : public Rule {
 public:
  NoReaudit()
      : Rule("no_reaudit", "audits whose actions are all done and that no re-audit follows", Severity::info) {
  }

  Results check(const RuleContext& c) const override {
    const auto progress = progress_by_audit(c.plan, c.as_of);
    const auto reaudited = reaudited_by(c.plan, c.as_of);
    Results out;
    for (const auto& [id, p] : progress) {
      const Audit& audit = c.plan.audit(id);
      if (p.open > 0 || p.complete == 0 || audit.held_on > c.as_of || reaudited.contains(id)) continue;
      out.push_back(c.result(Subject::audit(id),
                             named(audit) + " has all its actions complete or cancelled (" +
                                 std::to_string(p.complete) + " complete, " + std::to_string(p.cancelled) +
                                 " cancelled) as of " + to_iso(c.as_of) +
                                 " and no re-audit: plan one to see whether practice changed"));
    }
    return out;
  }
};

class ConcernUnanswered final : public Rule {
 public:
  ConcernUnanswered()
      : Rule("concern_unanswered", "immediate concerns without an answer for more than `days` days",
             Severity::breach, {{"days", 28}}) {}

  Results check(const RuleContext& c) const override {
    const int limit = c.parameter("days");
    Results out;
    for (const auto& concern : c.plan.concerns()) {
      const bool answered = concern.answered_on && *concern.answered_on <= c.as_of;
      const long waiting = days_from(concern.raised_on, c.as_of);
      if (answered || concern.raised_on > c.as_of || waiting <= limit) continue;
      out.push_back(
          c.result(Subject::concern(concern.id), message(c.plan, concern, c.as_of, waiting, limit)));
    }
    return out;
  }

 private:
  static std::string message(const Plan& plan, const ImmediateConcern& concern, Date as_of, long waiting,
                             int limit) {
    return "immediate concern " + std::to_string(concern.id.value()) + " about case " +
           quoted(plan.case_(concern.case_id).reference) + " of audit " +
           std::to_string(concern.audit.value()) + ", raised with " + plan.agency(concern.agency).name +
           " on " + to_iso(concern.raised_on) + ", has had no answer for " + plural(waiting, "day", "days") +
           " by " + to_iso(as_of) + " (more than " + std::to_string(limit) + ")";
  }
};

// ---- review cycles and reviewable items ----------------------------------------------------

// The cycle governing each action, chosen as cycle_for (review_cycles.hpp)
// chooses it: the audit's, else the partnership's whole-plan cycle, the first
// added of each. Indexed once per check, as cycle_for looks through every
// cycle of the plan each time it is asked.
struct Drifted {
  ReviewPeriod period;
  std::optional<Date> last_update;
};

// Only the latest review is looked at, so this is missed_reviews' test for
// that one review, with its period stretched to D: when no update falls in
// (period start, D], the status at the review is the status at D, open.
std::optional<Drifted> drifted(const Plan& plan, const Action& a, Date as_of) {
  const auto period = latest_review_period(plan, a, as_of);
  if (!period) return std::nullopt;
  const auto last = last_update_on(a, as_of);
  if (last && *last > period->began) return std::nullopt;
  return Drifted{*period, last};
}

class Drift final : public Rule {
 public:
  Drift()
      : Rule("drift", "open actions with no update for the latest review of their review cycle",
             Severity::warning) {}

  Results check(const RuleContext& c) const override {
    Results out;
    for (const auto& a : c.plan.actions()) {
      if (!is_open_action_at(a, c.as_of)) continue;
      if (const auto d = drifted(c.plan, a, c.as_of))
        out.push_back(c.result(Subject::action(a.id), message(a, *d, c.as_of)));
    }
    return out;
  }

 private:
  static std::string message(const Action& a, const Drifted& d, Date as_of) {
    const std::string since = d.last_update ? "last update " + to_iso(*d.last_update)
                                            : "no update since it was created on " + to_iso(a.created_on);
    return named(a) + " had no update for the review of " + to_iso(d.period.review) + " (" +
           quoted(d.period.cycle->name) + "); " + since + ", " + to_string(status_at(a, as_of)) + " as of " +
           to_iso(as_of);
  }
};

class ReviewOverdue final : public Rule {
 public:
  ReviewOverdue()
      : Rule("review_overdue", "reviewable items, such as flags on records, past their review date",
             Severity::breach) {}

  Results check(const RuleContext& c) const override {
    Results out;
    for (const auto& item : c.plan.reviewable_items())
      if (is_review_overdue(c.plan, item, c.as_of))
        out.push_back(c.result(Subject::item(item.id), message(c.plan, item, c.as_of)));
    return out;
  }

 private:
  static std::string message(const Plan& plan, const ReviewableItem& item, Date as_of) {
    const auto reviewed = last_reviewed_on(item, as_of);
    const Date due = review_due_on(plan, item, as_of);
    const std::string since = reviewed ? "was last reviewed on " + to_iso(*reviewed)
                                       : "was placed on " + to_iso(item.placed_on) + " and never reviewed";
    return "item " + std::to_string(item.id.value()) + " (" + to_string(item.kind) + ") " +
           quoted(shortened(item.description)) + " " + since + "; its review fell due on " + to_iso(due) +
           ", " + plural(days_from(due, as_of), "day", "days") + " overdue as of " + to_iso(as_of);
  }
};

}  // namespace

std::vector<std::shared_ptr<const Rule>> builtin_rules() {
  return {std::make_shared<Overdue>(),
          std::make_shared<DueSoonNotStarted>(),
          std::make_shared<CompletionWithoutEvidence>(),
          std::make_shared<ImpactNotAssured>(),
          std::make_shared<ExtendedTooOften>(),
          std::make_shared<BlockedByOverdue>(),
          std::make_shared<OwnerOutsideAudit>(),
          std::make_shared<UnansweredFinding>(),
          std::make_shared<NotSmart>(),
          std::make_shared<NoReaudit>(),
          std::make_shared<ConcernUnanswered>(),
          std::make_shared<Drift>(),
          std::make_shared<ReviewOverdue>()};
}

std::shared_ptr<const Rule> builtin_rule(std::string_view id) {
  std::string ids;
  for (auto& rule : builtin_rules()) {
    if (rule->id() == id) return rule;
    ids += (ids.empty() ? "" : ", ") + rule->id();
  }
  throw NotFoundError("no built-in rule '" + std::string(id) + "' (built-in rules: " + ids + ")");
}

}  // namespace plansight
