// Policy rules (rules.hpp): every built-in rule at its threshold (the day
// before, of and after), read as of D with later history ignored; rule sets
// with their severity, enabled and parameter settings; rules files and
// their errors; the order of results; a custom rule beside the built-ins.
#include "plansight/rules.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "fixtures.hpp"
#include "sample_rules.hpp"
#include "plansight/review_cycles.hpp"
#include "plansight/status.hpp"

using namespace plansight;
using namespace plansight::testing;

namespace {

// The quarterly LIS review date most tests ask about.
const Date D = ymd(2024, 6, 30);
const Date created = ymd(2024, 2, 1);


const Rule& builtin(std::string_view id) {
  static const auto rules = builtin_rules();
  for (const auto& r : rules)
    if (r->id() == id) return *r;
  throw NotFoundError(std::string(id));
}

std::vector<Subject> fired(std::string_view rule, const Plan& plan, Date as_of,
                           const RuleParameters& overrides = {}) {
  return subjects_of(results_of(builtin(rule), plan, as_of, overrides));
}

std::vector<Subject> actions(std::initializer_list<ActionId> ids) {
  std::vector<Subject> subjects;
  for (const auto id : ids) subjects.push_back(Subject::action(id));
  return subjects;
}

const std::vector<Subject> none;

// The message of the exception `f` throws, if of type Kind, for rule sets and configs.
template <class Kind, class F>
std::string refused(F&& f) {
  const auto [ok, message] = refusal_of<Kind>(std::forward<F>(f));
  CHECK_MESSAGE(ok, message);
  return message;
}

#define CHECK_NAMES(message, fragment)                         \
  CHECK_MESSAGE((message).find(fragment) != std::string::npos, \
                "\"" << (message) << "\" should name \"" << (fragment) << "\"")

// A rule that does whatever the test asks of it.
class ScriptedRule final : public Rule {
 public:
  using Script = std::function<std::vector<RuleResult>(const RuleContext&)>;
  ScriptedRule(std::string id, Script script, RuleParameters parameters = {})
      : Rule(std::move(id), "does what the test says", Severity::info, std::move(parameters)),
        script_(std::move(script)) {}
  std::vector<RuleResult> check(const RuleContext& c) const override { return script_(c); }

 private:
  Script script_;
};

}  // namespace

// ---- subjects, rules, the built-in list -------------------------------------------------

TEST_CASE("subjects print as kind and id and order by kind, then id") {
  CHECK(to_string(Subject::action(ActionId(42))) == "action 42");
  CHECK(to_string(Subject::finding(FindingId(3))) == "finding 3");
  CHECK(to_string(Subject::audit(AuditId(1))) == "audit 1");
  CHECK(to_string(Subject::concern(ConcernId(9))) == "concern 9");
  CHECK(to_string(Subject::item(ReviewableId(4))) == "item 4");
  std::ostringstream out;
  out << Subject::action(ActionId(7));
  CHECK(out.str() == "action 7");
  CHECK(Subject::action(ActionId(9)) < Subject::action(ActionId(10)));
  CHECK(Subject::action(ActionId(10)) < Subject::audit(AuditId(1)));
}

TEST_CASE("a rule id must be lower snake_case") {
  const auto make = [](std::string id) {
    return ScriptedRule(std::move(id), [](const RuleContext&) { return std::vector<RuleResult>{}; });
  };
  for (const char* bad : {"", "Overdue", "due-soon", "_due", "due_", "due__soon", "9days", "due soon"}) {
    INFO("id: '" << bad << "'");
    const auto message = refused<ValidationError>([&] { make(bad); });
    CHECK_NAMES(message, "id: '" + std::string(bad) + "' is not lower snake_case");
  }
  CHECK(make("due_soon2").id() == "due_soon2");
  CHECK(make("x").id() == "x");
}

TEST_CASE("a rule needs a description and valid parameters") {
  struct Plain final : Rule {
    using Rule::Rule;
    std::vector<RuleResult> check(const RuleContext&) const override { return {}; }
  };
  CHECK_NAMES(refused<ValidationError>([] { Plain("x", "  ", Severity::info); }),
              "description: rule x needs a description");
  CHECK_NAMES(refused<ValidationError>([] { Plain("x", "y", Severity::info, {{"Days", 1}}); }),
              "parameter: 'Days'");
  CHECK_NAMES(refused<ValidationError>([] { Plain("x", "y", Severity::info, {{"days", -1}}); }),
              "parameter: days = -1 is below 0");
  const Plain ok("x", "y", Severity::breach, {{"days", 0}});
  CHECK(ok.description() == "y");
  CHECK(ok.default_severity() == Severity::breach);
  CHECK(ok.default_parameters() == RuleParameters{{"days", 0}});
}

TEST_CASE("a rule asking for a parameter it does not have is told which it has") {
  Builder b;
  const ScriptedRule rule("asks",
                          [](const RuleContext& c) {
                            (void)c.parameter("weeks");
                            return std::vector<RuleResult>{};
                          },
                          {{"days", 3}});
  const auto message = refused<RuleError>([&] { (void)results_of(rule, b.plan, D); });
  CHECK_NAMES(message, "rule asks: failed checking the plan as of 2024-06-30: ");
  CHECK_NAMES(message, "parameter: rule asks has no parameter 'weeks' (it has: days)");
}

TEST_CASE("the built-in rules, their severities and parameters") {
  std::vector<std::string> ids;
  for (const auto& r : builtin_rules()) ids.push_back(r->id());
  CHECK(ids == std::vector<std::string>{"overdue", "due_soon_not_started", "completion_without_evidence",
                                        "impact_not_assured", "extended_too_often", "blocked_by_overdue",
                                        "owner_outside_audit", "unanswered_finding", "not_smart",
                                        "no_reaudit", "concern_unanswered", "drift", "review_overdue"});
  const auto severity = [](std::string_view id) { return builtin_rule(id)->default_severity(); };
  CHECK(severity("overdue") == Severity::breach);
  CHECK(severity("extended_too_often") == Severity::breach);
  CHECK(severity("concern_unanswered") == Severity::breach);
  CHECK(severity("review_overdue") == Severity::breach);
  CHECK(severity("drift") == Severity::warning);
  CHECK(severity("due_soon_not_started") == Severity::warning);
  CHECK(severity("not_smart") == Severity::warning);
  CHECK(severity("no_reaudit") == Severity::info);
  CHECK(builtin_rule("due_soon_not_started")->default_parameters() == RuleParameters{{"days", 14}});
  CHECK(builtin_rule("impact_not_assured")->default_parameters() == RuleParameters{{"months", 6}});
  CHECK(builtin_rule("extended_too_often")->default_parameters() == RuleParameters{{"times", 2}});
  CHECK(builtin_rule("concern_unanswered")->default_parameters() == RuleParameters{{"days", 28}});
  CHECK(builtin_rule("overdue")->default_parameters().empty());
  CHECK(builtin_rule("drift")->default_parameters().empty());
  CHECK(builtin_rule("review_overdue")->default_parameters().empty());
  for (const auto& r : builtin_rules()) CHECK_FALSE(is_blank(r->description()));
  const auto unknown = refused<NotFoundError>([] { (void)builtin_rule("briefing_unpublished"); });
  CHECK_NAMES(unknown,
              "no built-in rule 'briefing_unpublished' (built-in rules: overdue, due_soon_not_started, ");
  CHECK_NAMES(unknown, "concern_unanswered, drift, review_overdue)");

  const RuleSet set = RuleSet::builtin();
  REQUIRE(set.rules().size() == ids.size());
  for (const auto& r : set.rules()) {
    CHECK(r.enabled);
    CHECK(r.severity == r.rule->default_severity());
    CHECK(r.parameters == r.rule->default_parameters());
  }
}

// ---- overdue ------------------------------------------------------------------------------

TEST_CASE("overdue fires the day after the due date, not on it") {
  Builder b;
  const auto due_yesterday = b.add_action(created, days_before(D, 1));
  const auto due_today = b.add_action(created, D);
  const auto due_tomorrow = b.add_action(created, days_after(D, 1));
  (void)due_today, (void)due_tomorrow;
  CHECK(fired("overdue", b.plan, D) == actions({due_yesterday}));
  CHECK(fired("overdue", b.plan, days_before(D, 1)) == none);
  const auto results = results_of(builtin("overdue"), b.plan, D);
  REQUIRE(results.size() == 1);
  CHECK(results[0].rule == "overdue");
  CHECK(results[0].severity == Severity::breach);
  CHECK(results[0].message ==
        "action 1 'Refresh voice of the child training' was due 2024-06-29 and is still not_started (RED): "
        "1 day overdue as of 2024-06-30");
}

TEST_CASE("overdue reads status and the due date in force as of D") {
  Builder b;
  const auto extended = b.add_action(created, ymd(2024, 5, 31));
  b.revise_due(extended, ymd(2024, 5, 20), ymd(2024, 9, 30));
  const auto extended_late = b.add_action(created, ymd(2024, 5, 31));
  b.revise_due(extended_late, days_after(D, 1), ymd(2024, 9, 30));
  const auto completed = b.add_action(created, ymd(2024, 5, 31));
  b.set_status(completed, ymd(2024, 6, 1), Status::complete);
  const auto completed_late = b.add_action(created, ymd(2024, 5, 31));
  b.set_status(completed_late, ymd(2024, 6, 1), Status::in_progress);
  b.set_status(completed_late, days_after(D, 1), Status::complete);
  const auto cancelled = b.add_action(created, ymd(2024, 5, 31));
  b.set_status(cancelled, ymd(2024, 6, 1), Status::cancelled, "superseded by the new pathway");

  CHECK(fired("overdue", b.plan, D) == actions({extended_late, completed_late}));
  CHECK(message_for(builtin("overdue"), b.plan, D, Subject::action(completed_late)) ==
        "action 4 'Refresh voice of the child training' was due 2024-05-31 and is still in_progress (RED): "
        "30 days overdue as of 2024-06-30");
  CHECK(fired("overdue", b.plan, days_after(D, 1)) == none);
}

TEST_CASE("overdue ignores an action created after D, even one recorded as due before it") {
  Builder b;
  Action recorded = b.draft(days_after(D, 10), days_before(D, 5));
  const auto id = b.plan.add(recorded, Provenance::recorded).id;
  CHECK(fired("overdue", b.plan, D) == none);
  CHECK(fired("overdue", b.plan, days_after(D, 10)) == actions({id}));
}

// ---- due_soon_not_started ------------------------------------------------------------------

TEST_CASE("due_soon_not_started: due within 14 days fires, on day 15 it does not") {
  Builder b;
  const auto due_today = b.add_action(created, D);
  const auto due_in_14 = b.add_action(created, days_after(D, 14));
  const auto due_in_15 = b.add_action(created, days_after(D, 15));
  const auto overdue = b.add_action(created, days_before(D, 1));
  (void)due_in_15, (void)overdue;
  CHECK(fired("due_soon_not_started", b.plan, D) == actions({due_today, due_in_14}));
  CHECK(fired("due_soon_not_started", b.plan, D, {{"days", 15}}) ==
        actions({due_today, due_in_14, due_in_15}));
  CHECK(fired("due_soon_not_started", b.plan, D, {{"days", 0}}) == actions({due_today}));
  CHECK(
      message_for(builtin("due_soon_not_started"), b.plan, D, Subject::action(due_in_14)) ==
      "action 2 'Refresh voice of the child training' is due 2024-07-14, in 14 days (within 14), and has not "
      "started as of 2024-06-30");
}

TEST_CASE("due_soon_not_started reads status and existence as of D") {
  Builder b;
  const auto started = b.add_action(created, days_after(D, 7));
  b.set_status(started, D, Status::in_progress);
  const auto started_later = b.add_action(created, days_after(D, 7));
  b.set_status(started_later, days_after(D, 1), Status::in_progress);
  const auto created_later = b.add_action(days_after(D, 1), days_after(D, 7));
  CHECK(fired("due_soon_not_started", b.plan, D) == actions({started_later}));
  CHECK(fired("due_soon_not_started", b.plan, days_before(D, 1)) == actions({started, started_later}));
  CHECK(fired("due_soon_not_started", b.plan, days_after(D, 1)) == actions({created_later}));
}

// ---- completion_without_evidence ---------------------------------------------------------

TEST_CASE("completion_without_evidence fires for a complete action with no evidence by D") {
  Builder b;
  const auto bare = b.add_action(created, ymd(2024, 9, 30));
  b.set_status(bare, ymd(2024, 6, 1), Status::complete);
  const auto evidenced_on_d = b.add_action(created, ymd(2024, 9, 30));
  b.set_status(evidenced_on_d, ymd(2024, 6, 1), Status::complete);
  b.plan.record(Evidence{{}, evidenced_on_d, D, EvidenceKind::completion, "Attendance: 41 of 50", "LIS"});
  const auto evidenced_later = b.add_action(created, ymd(2024, 9, 30));
  b.set_status(evidenced_later, ymd(2024, 6, 1), Status::complete);
  b.add_evidence(evidenced_later, days_after(D, 1));
  const auto completed_later = b.add_action(created, ymd(2024, 9, 30));
  b.set_status(completed_later, days_after(D, 1), Status::complete);
  const auto in_progress = b.add_action(created, ymd(2024, 9, 30));
  b.set_status(in_progress, ymd(2024, 6, 1), Status::in_progress);

  CHECK(fired("completion_without_evidence", b.plan, D) == actions({bare, evidenced_later}));
  CHECK(fired("completion_without_evidence", b.plan, days_after(D, 1)) == actions({bare, completed_later}));
  CHECK(fired("completion_without_evidence", b.plan, ymd(2024, 5, 31)) == none);
  CHECK(message_for(builtin("completion_without_evidence"), b.plan, D, Subject::action(bare)) ==
        "action 1 'Refresh voice of the child training' was completed on 2024-06-01 with no evidence of "
        "completion or impact recorded by 2024-06-30");
}

// ---- impact_not_assured --------------------------------------------------------------------

TEST_CASE("impact_not_assured fires the day after six months from completion, until assured") {
  Builder b;
  const auto never_assured = b.add_action(created, ymd(2024, 3, 31));
  b.set_status(never_assured, ymd(2024, 2, 15), Status::complete);
  const auto assured_later = b.add_action(created, ymd(2024, 3, 31));
  b.set_status(assured_later, ymd(2024, 2, 15), Status::complete);
  b.add_evidence(assured_later, ymd(2024, 9, 1));
  b.plan.record(Assurance{assured_later, ymd(2024, 9, 1), b.area.lis, "impact evidenced", "LIS chair"});
  const auto reopened = b.add_action(created, ymd(2024, 3, 31));
  b.set_status(reopened, ymd(2024, 2, 15), Status::complete);
  b.set_status(reopened, ymd(2024, 8, 1), Status::in_progress, "re-audit found no change");

  CHECK(fired("impact_not_assured", b.plan, ymd(2024, 8, 14)) == none);
  CHECK(fired("impact_not_assured", b.plan, ymd(2024, 8, 15)) == none);
  CHECK(fired("impact_not_assured", b.plan, ymd(2024, 8, 16)) == actions({never_assured, assured_later}));
  CHECK(fired("impact_not_assured", b.plan, ymd(2024, 9, 1)) == actions({never_assured}));
  CHECK(fired("impact_not_assured", b.plan, ymd(2024, 3, 15), {{"months", 1}}) == none);
  CHECK(fired("impact_not_assured", b.plan, ymd(2024, 3, 16), {{"months", 1}}) ==
        actions({never_assured, assured_later, reopened}));
  CHECK(
      message_for(builtin("impact_not_assured"), b.plan, ymd(2024, 8, 16), Subject::action(never_assured)) ==
      "action 1 'Refresh voice of the child training' has been complete since 2024-02-15, more than 6 months "
      "by 2024-08-16, and no group has assured its impact");
}

TEST_CASE("impact_not_assured counts months as Boost.Date_Time does: month end to month end") {
  Builder b;
  const auto a = b.add_action(created, ymd(2024, 3, 31));
  b.set_status(a, ymd(2024, 2, 29), Status::complete);
  // 2024-02-29 is the last day of February: six months on is 2024-08-31, not the 29th.
  CHECK(fired("impact_not_assured", b.plan, ymd(2024, 8, 30)) == none);
  CHECK(fired("impact_not_assured", b.plan, ymd(2024, 8, 31)) == none);
  CHECK(fired("impact_not_assured", b.plan, ymd(2024, 9, 1)) == actions({a}));
}

// ---- extended_too_often --------------------------------------------------------------------

TEST_CASE("extended_too_often fires on the third revision by D and says to escalate") {
  Builder b;
  const auto thrice = b.add_action(created, ymd(2024, 5, 31));
  b.revise_due(thrice, ymd(2024, 3, 1), ymd(2024, 6, 30));
  b.revise_due(thrice, ymd(2024, 4, 1), ymd(2024, 7, 31));
  b.revise_due(thrice, ymd(2024, 5, 1), ymd(2024, 8, 31));
  const auto twice = b.add_action(created, ymd(2024, 5, 31));
  b.revise_due(twice, ymd(2024, 3, 1), ymd(2024, 6, 30));
  b.revise_due(twice, ymd(2024, 4, 1), ymd(2024, 7, 31));
  const auto third_after_d = b.add_action(created, ymd(2024, 5, 31));
  b.revise_due(third_after_d, ymd(2024, 3, 1), ymd(2024, 6, 30));
  b.revise_due(third_after_d, ymd(2024, 4, 1), ymd(2024, 7, 31));
  b.revise_due(third_after_d, days_after(D, 1), ymd(2024, 8, 31));
  const auto done = b.add_action(created, ymd(2024, 5, 31));
  b.revise_due(done, ymd(2024, 3, 1), ymd(2024, 6, 30));
  b.revise_due(done, ymd(2024, 4, 1), ymd(2024, 7, 31));
  b.revise_due(done, ymd(2024, 5, 1), ymd(2024, 8, 31));
  b.set_status(done, ymd(2024, 6, 1), Status::complete);
  (void)twice;

  CHECK(fired("extended_too_often", b.plan, D) == actions({thrice}));
  CHECK(fired("extended_too_often", b.plan, days_after(D, 1)) == actions({thrice, third_after_d}));
  CHECK(fired("extended_too_often", b.plan, ymd(2024, 4, 30)) == none);
  CHECK(fired("extended_too_often", b.plan, D, {{"times", 3}}) == none);
  CHECK(fired("extended_too_often", b.plan, D, {{"times", 1}}) == actions({thrice, twice, third_after_d}));
  CHECK(message_for(builtin("extended_too_often"), b.plan, D, Subject::action(thrice)) ==
        "action 1 'Refresh voice of the child training' has had its due date revised 3 times by 2024-06-30 "
        "(more than 2), now due 2024-08-31: escalate to the board");
}

// ---- blocked_by_overdue --------------------------------------------------------------------

TEST_CASE("blocked_by_overdue fires for an open action waiting for an action overdue at D") {
  Builder b;
  const auto prerequisite = [&](const char* title, Date due) {
    Action a = b.draft(created, due);
    a.title = title;
    return b.plan.add(a).id;
  };
  const auto waiting_for = [&](ActionId on) {
    const auto id = b.add_action(created, ymd(2024, 12, 31));
    b.plan.add_dependency(id, on);
    return id;
  };
  const auto late = prerequisite("Agree the referral pathway", days_before(D, 1));
  const auto due_today = prerequisite("Publish the escalation policy", D);
  const auto done = prerequisite("Map the MASH triage", days_before(D, 1));
  b.set_status(done, days_before(D, 5), Status::complete);
  const auto done_after_d = prerequisite("Name a health lead", days_before(D, 1));
  b.set_status(done_after_d, days_after(D, 1), Status::complete);

  const auto w_late = waiting_for(late);
  const auto w_due_today = waiting_for(due_today);
  const auto w_done = waiting_for(done);
  const auto w_done_after_d = waiting_for(done_after_d);
  const auto w_complete = waiting_for(late);
  b.set_status(w_complete, days_before(D, 2), Status::complete);
  (void)w_done;

  CHECK(fired("blocked_by_overdue", b.plan, D) == actions({w_late, w_done_after_d}));
  CHECK(fired("blocked_by_overdue", b.plan, days_after(D, 1)) == actions({w_late, w_due_today}));
  CHECK(message_for(builtin("blocked_by_overdue"), b.plan, D, Subject::action(w_late)) ==
        "action 5 'Refresh voice of the child training' waits for overdue action 1 'Agree the referral "
        "pathway' "
        "(due 2024-06-29) as of 2024-06-30");

  const auto both = waiting_for(late);
  b.plan.add_dependency(both, done_after_d);
  CHECK(message_for(builtin("blocked_by_overdue"), b.plan, D, Subject::action(both)) ==
        "action 10 'Refresh voice of the child training' waits for overdue action 1 'Agree the referral "
        "pathway' "
        "(due 2024-06-29) and overdue action 4 'Name a health lead' (due 2024-06-29) as of 2024-06-30");
}

TEST_CASE("blocked_by_overdue ignores a prerequisite created after D") {
  Builder b;
  Action later = b.draft(days_after(D, 3), days_before(D, 2));
  const auto prerequisite = b.plan.add(later, Provenance::recorded).id;
  const auto waiting = b.add_action(created, ymd(2024, 12, 31));
  b.plan.add_dependency(waiting, prerequisite);
  CHECK(fired("blocked_by_overdue", b.plan, D) == none);
  CHECK(fired("blocked_by_overdue", b.plan, days_after(D, 3)) == actions({waiting}));
}

// ---- owner_outside_audit ----------------------------------------------------------------------

TEST_CASE("owner_outside_audit fires for an agency owner that did not take part in the audit") {
  Builder b;
  const auto yjs = b.plan.add(Agency{{}, "Youth Justice Service", Sector::justice}).id;
  const Date due = ymd(2024, 12, 31);
  const auto outsider = b.add_action(created, due, owned_by(yjs));
  const auto insider = b.add_action(created, due, owned_by(b.police));
  const auto group = b.add_action(created, due, owned_by(b.area.lis));
  const auto moves_out_after_d = b.add_action(created, due, owned_by(b.police));
  b.change_owner(moves_out_after_d, days_after(D, 1), owned_by(yjs));
  const auto moves_in_on_d = b.add_action(created, due, owned_by(yjs));
  b.change_owner(moves_in_on_d, D, owned_by(b.health));
  const auto done = b.add_action(created, due, owned_by(yjs));
  b.set_status(done, ymd(2024, 6, 1), Status::complete);
  Audit unrecorded;
  unrecorded.partnership = b.area.partnership;
  unrecorded.title = "Line of sight: child exploitation";
  unrecorded.held_on = ymd(2024, 1, 20);
  Action elsewhere = b.draft(created, due);
  elsewhere.audit = b.plan.add(unrecorded).id;
  elsewhere.finding.reset();
  elsewhere.owner = owned_by(yjs);
  b.plan.add(elsewhere);
  (void)insider, (void)group;

  CHECK(fired("owner_outside_audit", b.plan, D) == actions({outsider}));
  CHECK(fired("owner_outside_audit", b.plan, days_before(D, 1)) == actions({outsider, moves_in_on_d}));
  CHECK(fired("owner_outside_audit", b.plan, days_after(D, 1)) == actions({outsider, moves_out_after_d}));
  CHECK(message_for(builtin("owner_outside_audit"), b.plan, D, Subject::action(outsider)) ==
        "action 1 'Refresh voice of the child training' is owned by Youth Justice Service as of 2024-06-30, "
        "which is not one of the agencies of audit 1 'Multi-agency case file audit: domestic abuse'");
}

// ---- unanswered_finding ------------------------------------------------------------------------

TEST_CASE(
    "unanswered_finding: worries and areas for development need an action, directly or by recommendation") {
  Builder b;  // its finding 1, an area for development, stays unanswered here
  const auto answer = [&](std::optional<FindingId> finding, std::optional<RecommendationId> recommendation,
                          Date on = created) {
    Action a = b.draft(on, ymd(2024, 12, 31));
    a.finding = finding;
    a.recommendation = recommendation;
    return b.plan.add(a).id;
  };
  const auto worry = b.add_finding(FindingCategory::worry);
  const auto theme = b.add_finding(FindingCategory::learning_theme);
  const auto good = b.add_finding(FindingCategory::good_practice);
  const auto direct = b.add_finding(FindingCategory::area_for_development);
  answer(direct, std::nullopt);
  const auto by_recommendation = b.add_finding(FindingCategory::worry);
  answer(std::nullopt, b.add_recommendation({by_recommendation}));
  const auto not_recommended = b.add_finding(FindingCategory::worry);
  answer(std::nullopt, b.add_recommendation({good}));
  const auto answered_after_d = b.add_finding(FindingCategory::worry);
  answer(answered_after_d, std::nullopt, days_after(D, 1));
  const auto cancelled = b.add_finding(FindingCategory::worry);
  b.set_status(answer(cancelled, std::nullopt), days_before(D, 1), Status::cancelled, "merged into action 1");
  const auto cancelled_after_d = b.add_finding(FindingCategory::worry);
  b.set_status(answer(cancelled_after_d, std::nullopt), days_after(D, 1), Status::cancelled, "merged");
  Audit later;
  later.partnership = b.area.partnership;
  later.title = "Re-audit: domestic abuse";
  later.held_on = days_after(D, 5);
  Finding of_later{{}, b.plan.add(later).id, FindingCategory::worry, "Still no strategy meeting", {}, {}, {}};
  const auto future = b.plan.add(of_later).id;
  (void)theme;

  const auto findings = [](std::initializer_list<FindingId> ids) {
    std::vector<Subject> subjects;
    for (const auto id : ids) subjects.push_back(Subject::finding(id));
    return subjects;
  };
  CHECK(fired("unanswered_finding", b.plan, D) ==
        findings({b.area.finding, worry, not_recommended, answered_after_d, cancelled}));
  CHECK(fired("unanswered_finding", b.plan, days_after(D, 1)) ==
        findings({b.area.finding, worry, not_recommended, cancelled, cancelled_after_d}));
  CHECK(fired("unanswered_finding", b.plan, days_after(D, 5)) ==
        findings({b.area.finding, worry, not_recommended, cancelled, cancelled_after_d, future}));
  CHECK(
      message_for(builtin("unanswered_finding"), b.plan, D, Subject::finding(worry)) ==
      "finding 2 (worry) of audit 1 'Multi-agency case file audit: domestic abuse', 'Strategy meetings did "
      "not "
      "include health', has no action answering it, directly or through a recommendation, as of 2024-06-30");
}

TEST_CASE("unanswered_finding cuts a long finding text to one line") {
  Builder b;
  const std::string text(79, 'x');
  const auto long_one = b.add_finding(FindingCategory::worry, text + "é and more words after the cut");
  const auto message = message_for(builtin("unanswered_finding"), b.plan, D, Subject::finding(long_one));
  CHECK_NAMES(message, "'" + text + "…'");
  CHECK(message.find("more words") == std::string::npos);
}

// ---- not_smart ---------------------------------------------------------------------------------

TEST_CASE("not_smart fires for an open action without a success measure or an identifiable owner") {
  Builder b;
  const auto add = [&](std::string success, Owner owner) {
    Action a = b.draft(created, ymd(2024, 12, 31));
    a.success_measure = std::move(success);
    a.owner = std::move(owner);
    return b.plan.add(a).id;
  };
  const std::string measure = "90% of frontline staff trained by September";
  Owner with_lead = owned_by(b.police);
  with_lead.lead = "DI J. Patel";
  const auto neither = add("", owned_by(b.police));
  const auto with_role = add(measure, owned_by(b.police, "Head of Safeguarding"));
  const auto named_lead = add(measure, with_lead);
  const auto anonymous_owner = add(measure, owned_by(b.police));
  const auto unmeasured_group = add("  ", owned_by(b.area.lis));
  const auto gets_a_role_after_d = add(measure, owned_by(b.police));
  b.change_owner(gets_a_role_after_d, days_after(D, 1), owned_by(b.police, "Head of Safeguarding"));
  const auto done = add("", owned_by(b.police));
  b.set_status(done, ymd(2024, 6, 1), Status::complete);
  (void)with_role, (void)named_lead;

  CHECK(fired("not_smart", b.plan, D) ==
        actions({neither, anonymous_owner, unmeasured_group, gets_a_role_after_d}));
  CHECK(fired("not_smart", b.plan, days_after(D, 1)) ==
        actions({neither, anonymous_owner, unmeasured_group}));
  const auto message = [&](ActionId id) {
    return message_for(builtin("not_smart"), b.plan, D, Subject::action(id));
  };
  CHECK(message(neither) ==
        "action 1 'Refresh voice of the child training' is not SMART: it has no success measure; its owner "
        "Humberside Police has neither a role nor a named lead");
  CHECK(message(anonymous_owner) ==
        "action 4 'Refresh voice of the child training' is not SMART: its owner Humberside Police has "
        "neither a "
        "role nor a named lead");
  CHECK(message(unmeasured_group) ==
        "action 5 'Refresh voice of the child training' is not SMART: it has no success measure");
}

// ---- no_reaudit --------------------------------------------------------------------------------

TEST_CASE("no_reaudit: an audit whose actions are all done and that no re-audit follows") {
  Builder b;
  const auto audit = [&](const char* title, Date held, std::optional<AuditId> reaudit_of = std::nullopt) {
    Audit a;
    a.partnership = b.area.partnership;
    a.title = title;
    a.held_on = held;
    a.reaudit_of = reaudit_of;
    return b.plan.add(a).id;
  };
  const auto action_in = [&](AuditId in, Date on = created) {
    Action a = b.draft(on, ymd(2024, 12, 31));
    a.audit = in;
    a.finding.reset();
    return b.plan.add(a).id;
  };
  const auto complete = [&](ActionId id) { b.set_status(id, days_before(D, 10), Status::complete); };
  const auto cancel = [&](ActionId id, Date on) { b.set_status(id, on, Status::cancelled, "superseded"); };

  const auto done = b.area.audit;  // one complete, one cancelled 5 days before D
  complete(action_in(done));
  cancel(action_in(done), days_before(D, 5));
  const auto all_cancelled = audit("All cancelled", ymd(2024, 1, 16));
  cancel(action_in(all_cancelled), days_before(D, 5));
  const auto still_open = audit("One still open", ymd(2024, 1, 17));
  complete(action_in(still_open));
  action_in(still_open);
  const auto reaudited_on_d = audit("Re-audited on D", ymd(2024, 1, 18));
  complete(action_in(reaudited_on_d));
  audit("Re-audit held on D", D, reaudited_on_d);
  const auto reaudited_after_d = audit("Re-audited after D", ymd(2024, 1, 19));
  complete(action_in(reaudited_after_d));
  audit("Re-audit held after D", days_after(D, 1), reaudited_after_d);
  const auto new_action_after_d = audit("A new action after D", ymd(2024, 1, 20));
  complete(action_in(new_action_after_d));
  action_in(new_action_after_d, days_after(D, 1));
  const auto held_after_d = audit("Held after D", days_after(D, 3));
  complete(action_in(held_after_d));
  (void)all_cancelled;

  const auto audits = [](std::initializer_list<AuditId> ids) {
    std::vector<Subject> subjects;
    for (const auto id : ids) subjects.push_back(Subject::audit(id));
    return subjects;
  };
  CHECK(fired("no_reaudit", b.plan, D) == audits({done, reaudited_after_d, new_action_after_d}));
  CHECK(fired("no_reaudit", b.plan, days_before(D, 1)) ==
        audits({done, reaudited_on_d, reaudited_after_d, new_action_after_d}));
  CHECK(fired("no_reaudit", b.plan, days_before(D, 6)) ==
        audits({reaudited_on_d, reaudited_after_d, new_action_after_d}));
  CHECK(fired("no_reaudit", b.plan, days_after(D, 3)) == audits({done, held_after_d}));
  const auto results = results_of(builtin("no_reaudit"), b.plan, D);
  REQUIRE_FALSE(results.empty());
  CHECK(results[0].severity == Severity::info);
  CHECK(
      results[0].message ==
      "audit 1 'Multi-agency case file audit: domestic abuse' has all its actions complete or cancelled "
      "(1 complete, 1 cancelled) as of 2024-06-30 and no re-audit: plan one to see whether practice changed");
}

// ---- concern_unanswered -----------------------------------------------------------------------

TEST_CASE("concern_unanswered fires more than 28 days after a concern was raised, until answered") {
  Builder b;
  const auto child = b.add_case("Child A");
  const auto raised = [&](Date on) { return b.raise_concern(child, on); };
  const auto day_29 = raised(days_before(D, 29));
  const auto day_28 = raised(days_before(D, 28));
  const auto day_27 = raised(days_before(D, 27));
  const auto answered_on_d = raised(days_before(D, 60));
  b.answer_concern(answered_on_d, D);
  const auto answered_after_d = raised(days_before(D, 60));
  b.answer_concern(answered_after_d, days_after(D, 1));
  const auto raised_after_d = raised(days_after(D, 1));
  (void)raised_after_d;

  const auto concerns = [](std::initializer_list<ConcernId> ids) {
    std::vector<Subject> subjects;
    for (const auto id : ids) subjects.push_back(Subject::concern(id));
    return subjects;
  };
  CHECK(fired("concern_unanswered", b.plan, D) == concerns({day_29, answered_after_d}));
  CHECK(fired("concern_unanswered", b.plan, days_after(D, 1)) == concerns({day_29, day_28}));
  CHECK(fired("concern_unanswered", b.plan, D, {{"days", 7}}) ==
        concerns({day_29, day_28, day_27, answered_after_d}));
  const auto results = results_of(builtin("concern_unanswered"), b.plan, D);
  REQUIRE(results.size() == 2);
  CHECK(results[0].severity == Severity::breach);
  CHECK(results[0].message ==
        "immediate concern 1 about case 'Child A' of audit 1, raised with Humberside Police on 2024-06-01, "
        "has had "
        "no answer for 29 days by 2024-06-30 (more than 28)");
}

// ---- drift -----------------------------------------------------------------------------------

namespace {

// The LIS's quarterly review of a partnership's whole plan, from 2024.
ReviewCycle lis_quarterly(const Area& area) {
  ReviewCycle c;
  c.partnership = area.partnership;
  c.name = "LIS quarterly review";
  c.kind = CycleKind::calendar_quarters;
  c.start = ymd(2024, 1, 1);
  c.group = area.lis;
  return c;
}

// A cycle reviewing on the given dates only.
ReviewCycle meetings_on(const Area& area, std::vector<Date> dates, std::string name) {
  ReviewCycle c;
  c.partnership = area.partnership;
  c.name = std::move(name);
  c.kind = CycleKind::explicit_dates;
  c.dates = std::move(dates);
  return c;
}

// Another audit of the area, with no cycle of its own.
AuditId another_audit(Builder& b) {
  Audit a;
  a.partnership = b.area.partnership;
  a.title = "Learning themes audit: neglect";
  a.held_on = ymd(2024, 1, 20);
  return b.plan.add(std::move(a)).id;
}

ActionId action_in(Builder& b, AuditId audit, Date created_on) {
  Action a = b.draft(created_on, ymd(2025, 12, 31));
  a.audit = audit;
  a.finding.reset();
  return b.plan.add(std::move(a)).id;
}

}  // namespace

TEST_CASE("drift fires from the review an open action had no update for, not the day before") {
  Builder b;
  b.plan.add(lis_quarterly(b.area));
  // Each is updated for the review of 30 June, then as its name says.
  const auto updated_for_june = [&](std::optional<Date> then) {
    const auto id = b.add_action(created, ymd(2025, 3, 31));
    b.set_status(id, ymd(2024, 5, 2), Status::in_progress);
    if (then) b.set_status(id, *then, Status::in_progress, "training booked");
    return id;
  };
  const auto quiet = updated_for_june(std::nullopt);
  const auto on_previous_review = b.add_action(created, ymd(2025, 3, 31));  // counts for 30 June only
  b.set_status(on_previous_review, ymd(2024, 6, 30), Status::in_progress);
  const auto day_after_previous = updated_for_june(ymd(2024, 7, 1));
  const auto on_the_review = updated_for_june(ymd(2024, 9, 30));
  const auto never_updated = b.add_action(created, ymd(2025, 3, 31));
  (void)day_after_previous, (void)on_the_review;

  const Date review = ymd(2024, 9, 30);
  CHECK(fired("drift", b.plan, days_before(review, 1)) == actions({never_updated}));
  CHECK(fired("drift", b.plan, review) == actions({quiet, on_previous_review, never_updated}));
  CHECK(fired("drift", b.plan, days_after(review, 1)) == actions({quiet, on_previous_review, never_updated}));
  CHECK(fired("drift", b.plan, ymd(2024, 12, 30)) == actions({quiet, on_previous_review, never_updated}));
  // Nothing was due before the first review after creation; then the never updated one drifted.
  CHECK(fired("drift", b.plan, ymd(2024, 3, 30)) == none);
  CHECK(fired("drift", b.plan, ymd(2024, 3, 31)) ==
        actions({quiet, on_previous_review, day_after_previous, on_the_review, never_updated}));

  const auto results = results_of(builtin("drift"), b.plan, review);
  REQUIRE(results.size() == 3);
  CHECK(results[0].rule == "drift");
  CHECK(results[0].severity == Severity::warning);
  CHECK(results[0].message ==
        "action 1 'Refresh voice of the child training' had no update for the review of 2024-09-30 ('LIS "
        "quarterly review'); last update 2024-05-02, in_progress as of 2024-09-30");
  CHECK(message_for(builtin("drift"), b.plan, days_after(review, 1), Subject::action(never_updated)) ==
        "action 5 'Refresh voice of the child training' had no update for the review of 2024-09-30 ('LIS "
        "quarterly review'); no update since it was created on 2024-02-01, not_started as of 2024-10-01");
}

TEST_CASE("drift reads the plan as of D: an update after D is ignored, and catches the action up after") {
  Builder b;
  b.plan.add(lis_quarterly(b.area));
  const Date review = ymd(2024, 9, 30);
  const auto late_update = b.add_action(created, ymd(2025, 3, 31));
  b.set_status(late_update, ymd(2024, 5, 2), Status::in_progress);
  b.set_status(late_update, days_after(review, 1), Status::in_progress, "training booked at last");
  const auto completed_after = b.add_action(created, ymd(2025, 3, 31));
  b.set_status(completed_after, days_after(review, 1), Status::complete);
  const auto completed_before = b.add_action(created, ymd(2025, 3, 31));
  b.set_status(completed_before, ymd(2024, 5, 2), Status::complete);
  const auto cancelled_before = b.add_action(created, ymd(2025, 3, 31));
  b.set_status(cancelled_before, ymd(2024, 5, 2), Status::cancelled, "superseded by the neglect strategy");
  const auto created_on_review = b.add_action(review, ymd(2025, 3, 31));
  const auto created_after = b.add_action(days_after(review, 1), ymd(2025, 3, 31));
  (void)completed_before, (void)cancelled_before, (void)created_after;

  CHECK(fired("drift", b.plan, review) == actions({late_update, completed_after}));
  CHECK(fired("drift", b.plan, days_after(review, 1)) == none);
  // A review on the day an action is created is not one it could miss: the next one is.
  CHECK(fired("drift", b.plan, ymd(2024, 12, 30)) == none);
  // The update of 1 October counts for the review of 31 December.
  CHECK(fired("drift", b.plan, ymd(2024, 12, 31)) == actions({created_on_review, created_after}));
}

TEST_CASE("drift: an update on the day an action is created is before its first review's period") {
  Builder b;
  b.plan.add(lis_quarterly(b.area));
  const auto started_at_once = b.add_action(created, ymd(2025, 3, 31));
  b.set_status(started_at_once, created, Status::in_progress, "started at once");
  const auto started_next_day = b.add_action(created, ymd(2025, 3, 31));
  b.set_status(started_next_day, days_after(created, 1), Status::in_progress, "training booked");
  (void)started_next_day;
  CHECK(fired("drift", b.plan, ymd(2024, 3, 30)) == none);
  CHECK(fired("drift", b.plan, ymd(2024, 3, 31)) == actions({started_at_once}));
  CHECK(message_for(builtin("drift"), b.plan, ymd(2024, 3, 31), Subject::action(started_at_once)) ==
        "action 1 'Refresh voice of the child training' had no update for the review of 2024-03-31 ('LIS "
        "quarterly review'); last update 2024-02-01, in_progress as of 2024-03-31");
}

TEST_CASE("drift never fires for an action no review cycle governs") {
  Builder b;
  const auto uncovered = b.add_action(created, ymd(2025, 3, 31));
  CHECK(fired("drift", b.plan, ymd(2025, 3, 31)) == none);

  // An item's cycle governs the item, not the actions of its partnership.
  ReviewableItem flag;
  flag.partnership = b.area.partnership;
  flag.description = "Domestic abuse flag on the child's health record";
  flag.placed_on = ymd(2024, 1, 15);
  auto item_cycle = lis_quarterly(b.area);
  item_cycle.item = b.plan.add(flag).id;
  b.plan.add(item_cycle);
  CHECK(fired("drift", b.plan, ymd(2025, 3, 31)) == none);

  // Another partnership's cycle governs only that partnership's actions.
  const auto dudley = b.add_area("Dudley Safeguarding Children Board");
  b.plan.add(lis_quarterly(dudley));
  const auto covered = b.add_action(dudley, created, ymd(2025, 3, 31));
  CHECK(fired("drift", b.plan, ymd(2025, 3, 31)) == actions({covered}));

  // Given a whole-plan cycle, the same action fires.
  b.plan.add(lis_quarterly(b.area));
  CHECK(fired("drift", b.plan, ymd(2025, 3, 31)) == actions({uncovered, covered}));
}

TEST_CASE("drift follows an audit's own cycle over the partnership's") {
  Builder b;
  b.plan.add(lis_quarterly(b.area));
  auto panel = meetings_on(b.area, {ymd(2024, 4, 20), ymd(2024, 10, 20)}, "audit panel follow-up");
  panel.audit = b.area.audit;
  b.plan.add(panel);
  const auto in_audit = b.add_action(created, ymd(2025, 3, 31));
  // After the LIS's 31 March review, before the panel's first on 20 April.
  b.set_status(in_audit, ymd(2024, 4, 10), Status::in_progress);
  const auto elsewhere = action_in(b, another_audit(b), created);
  b.set_status(elsewhere, ymd(2024, 3, 1), Status::in_progress);

  // From the panel's first review on, the quarterly reviews of 30 June and 30
  // September pass the audit's actions by (under them, this one drifted).
  CHECK(fired("drift", b.plan, ymd(2024, 6, 30)) == actions({elsewhere}));
  CHECK(fired("drift", b.plan, ymd(2024, 10, 19)) == actions({elsewhere}));
  CHECK(fired("drift", b.plan, ymd(2024, 10, 20)) == actions({in_audit, elsewhere}));
  CHECK(message_for(builtin("drift"), b.plan, ymd(2024, 10, 20), Subject::action(in_audit)) ==
        "action 1 'Refresh voice of the child training' had no update for the review of 2024-10-20 ('audit "
        "panel follow-up'); last update 2024-04-10, in_progress as of 2024-10-20");
  // Caught up after the audit's last meeting, it has no review left to miss: the
  // quarterly reviews of 2025 are not its own.
  b.set_status(in_audit, ymd(2024, 10, 21), Status::in_progress);
  CHECK(fired("drift", b.plan, ymd(2025, 12, 31)) == actions({elsewhere}));
}

TEST_CASE("drift agrees day by day with missed_reviews: the latest review missed, and not caught up") {
  Builder b;
  b.plan.add(lis_quarterly(b.area));
  const auto add = [&](Date on, std::vector<std::pair<Date, Status>> history) {
    const auto id = b.add_action(on, ymd(2025, 12, 31));
    for (const auto& [day, status] : history) b.set_status(id, day, status);
    return id;
  };
  add(created, {});
  add(created, {{ymd(2024, 5, 2), Status::in_progress}});
  add(created, {{ymd(2024, 3, 31), Status::in_progress}, {ymd(2024, 10, 5), Status::in_progress}});
  add(created, {{ymd(2024, 6, 30), Status::complete}, {ymd(2024, 11, 1), Status::in_progress}});
  add(created, {{ymd(2024, 4, 1), Status::in_progress}, {ymd(2024, 8, 15), Status::cancelled}});
  add(ymd(2024, 6, 30), {{ymd(2024, 7, 1), Status::in_progress}});
  add(ymd(2024, 9, 1), {{ymd(2025, 1, 2), Status::in_progress}});
  add(ymd(2024, 8, 10), {{ymd(2024, 8, 10), Status::in_progress}});

  for (Date d = ymd(2024, 1, 1); d <= ymd(2025, 6, 30); d += boost::gregorian::days(1)) {
    INFO("as of " << to_iso(d));
    std::vector<Subject> expected;
    for (const auto& a : b.plan.actions()) {
      const auto missed = missed_reviews(b.plan, a, d);
      const auto latest = previous_review(*cycle_for(b.plan, a), d + boost::gregorian::days(1));
      const auto last = last_update_on(a, d);
      if (exists_at(a, d) && is_open_at(a, d) && !missed.empty() && missed.back() == latest &&
          !(last && *last > *latest))
        expected.push_back(Subject::action(a.id));
    }
    CHECK(fired("drift", b.plan, d) == expected);
  }
}

// ---- review_overdue ----------------------------------------------------------------------------

namespace {

ReviewableItem record_flag(const Builder& b, Date placed_on,
                           std::string description = "Domestic abuse flag on the child's health record") {
  ReviewableItem item;
  item.partnership = b.area.partnership;
  item.kind = ReviewableKind::record_flag;
  item.description = std::move(description);
  item.placed_on = placed_on;
  item.review_every_months = 6;
  return item;
}

void review_item(Builder& b, ReviewableId item, Date on, bool retired = false) {
  b.plan.record(ItemReview{item, on, "Named Nurse for safeguarding",
                           retired ? "no longer evidenced; flag removed" : "still evidenced", retired});
}

std::vector<Subject> items(std::initializer_list<ReviewableId> ids) {
  std::vector<Subject> subjects;
  for (const auto id : ids) subjects.push_back(Subject::item(id));
  return subjects;
}

}  // namespace

TEST_CASE("review_overdue fires the day after an item's review falls due, not on it") {
  Builder b;
  const auto flag = b.plan.add(record_flag(b, ymd(2024, 1, 15))).id;  // due 2024-07-15
  auto tool = record_flag(b, ymd(2024, 1, 16), "Child to parent violence screening tool completed");
  tool.kind = ReviewableKind::screening_tool;
  const auto screening = b.plan.add(tool).id;  // due 2024-07-16

  CHECK(fired("review_overdue", b.plan, ymd(2024, 7, 14)) == none);
  CHECK(fired("review_overdue", b.plan, ymd(2024, 7, 15)) == none);
  CHECK(fired("review_overdue", b.plan, ymd(2024, 7, 16)) == items({flag}));
  CHECK(fired("review_overdue", b.plan, ymd(2024, 7, 17)) == items({flag, screening}));
  const auto results = results_of(builtin("review_overdue"), b.plan, ymd(2024, 7, 17));
  REQUIRE(results.size() == 2);
  CHECK(results[0].rule == "review_overdue");
  CHECK(results[0].severity == Severity::breach);
  CHECK(results[0].message ==
        "item 1 (record_flag) 'Domestic abuse flag on the child's health record' was placed on 2024-01-15 "
        "and never reviewed; its review fell due on 2024-07-15, 2 days overdue as of 2024-07-17");
  CHECK(results[1].message ==
        "item 2 (screening_tool) 'Child to parent violence screening tool completed' was placed on "
        "2024-01-16 and never reviewed; its review fell due on 2024-07-16, 1 day overdue as of 2024-07-17");

  // A breach by default: the built-in rule set reports one.
  CHECK_FALSE(RuleSet::builtin().check(b.plan, ymd(2024, 7, 15)).has_breach());
  CHECK(RuleSet::builtin().check(b.plan, ymd(2024, 7, 16)).has_breach());
}

TEST_CASE("review_overdue counts from the latest review as of D, and ignores reviews after D") {
  Builder b;
  const auto reviewed = b.plan.add(record_flag(b, ymd(2024, 1, 15))).id;
  review_item(b, reviewed, ymd(2024, 7, 10));  // next due 2025-01-10
  const auto reviewed_late = b.plan.add(record_flag(b, ymd(2024, 1, 15))).id;
  review_item(b, reviewed_late, ymd(2024, 7, 20));  // next due 2025-01-20
  const auto placed_later = b.plan.add(record_flag(b, ymd(2024, 8, 1))).id;  // due 2025-02-01
  (void)placed_later;

  CHECK(fired("review_overdue", b.plan, ymd(2024, 7, 16)) == items({reviewed_late}));
  CHECK(fired("review_overdue", b.plan, ymd(2024, 7, 19)) == items({reviewed_late}));
  CHECK(fired("review_overdue", b.plan, ymd(2024, 7, 20)) == none);
  CHECK(fired("review_overdue", b.plan, ymd(2025, 1, 10)) == none);
  CHECK(fired("review_overdue", b.plan, ymd(2025, 1, 11)) == items({reviewed}));
  CHECK(fired("review_overdue", b.plan, ymd(2025, 1, 21)) == items({reviewed, reviewed_late}));
  CHECK(fired("review_overdue", b.plan, ymd(2025, 2, 2)) == items({reviewed, reviewed_late, placed_later}));
  CHECK(message_for(builtin("review_overdue"), b.plan, ymd(2025, 1, 11), Subject::item(reviewed)) ==
        "item 1 (record_flag) 'Domestic abuse flag on the child's health record' was last reviewed on "
        "2024-07-10; its review fell due on 2025-01-10, 1 day overdue as of 2025-01-11");
}

TEST_CASE("review_overdue never fires for an item retired by D, nor one not yet placed") {
  Builder b;
  const auto retired_late = b.plan.add(record_flag(b, ymd(2024, 1, 15))).id;
  review_item(b, retired_late, ymd(2024, 9, 1), true);
  const auto retired_on_time = b.plan.add(record_flag(b, ymd(2024, 1, 15))).id;
  review_item(b, retired_on_time, ymd(2024, 7, 15), true);
  const auto not_yet_placed = b.plan.add(record_flag(b, ymd(2025, 1, 1))).id;
  (void)retired_on_time, (void)not_yet_placed;

  CHECK(fired("review_overdue", b.plan, ymd(2024, 7, 16)) == items({retired_late}));
  CHECK(fired("review_overdue", b.plan, ymd(2024, 8, 31)) == items({retired_late}));
  CHECK(fired("review_overdue", b.plan, ymd(2024, 9, 1)) == none);
  CHECK(fired("review_overdue", b.plan, ymd(2030, 1, 1)) == items({not_yet_placed}));
}

TEST_CASE("review_overdue follows a cycle attached to the item") {
  Builder b;
  const auto flag = b.plan.add(record_flag(b, ymd(2024, 1, 15))).id;
  auto panel = meetings_on(b.area, {ymd(2024, 3, 1), ymd(2024, 9, 1)}, "flag review panel");
  panel.item = flag;
  b.plan.add(panel);
  CHECK(fired("review_overdue", b.plan, ymd(2024, 3, 1)) == none);
  CHECK(fired("review_overdue", b.plan, ymd(2024, 3, 2)) == items({flag}));
  review_item(b, flag, ymd(2024, 3, 2));
  CHECK(fired("review_overdue", b.plan, ymd(2024, 9, 1)) == none);
  CHECK(fired("review_overdue", b.plan, ymd(2024, 9, 2)) == items({flag}));
  CHECK(message_for(builtin("review_overdue"), b.plan, ymd(2024, 9, 2), Subject::item(flag)) ==
        "item 1 (record_flag) 'Domestic abuse flag on the child's health record' was last reviewed on "
        "2024-03-02; its review fell due on 2024-09-01, 1 day overdue as of 2024-09-02");
}

TEST_CASE("review_overdue cuts a long description to one line") {
  Builder b;
  const std::string text(79, 'x');
  const auto long_one =
      b.plan.add(record_flag(b, ymd(2024, 1, 15), text + "é and more words after the cut")).id;
  const auto message =
      message_for(builtin("review_overdue"), b.plan, ymd(2024, 7, 16), Subject::item(long_one));
  CHECK_NAMES(message, "(record_flag) '" + text + "…' was placed");
  CHECK(message.find("more words") == std::string::npos);
}

// ---- rule sets ------------------------------------------------------------------------------------

TEST_CASE("an empty rule set runs nothing") {
  Builder b;
  b.add_action(created, days_before(D, 1));
  const RuleSet set;
  CHECK(set.rules().empty());
  const RuleReport report = set.check(b.plan, D);
  CHECK(report.as_of == D);
  CHECK(report.results.empty());
  CHECK(report.ran.empty());
  CHECK(report.skipped.empty());
  CHECK_FALSE(report.has_breach());
}

TEST_CASE("a rule set refuses a second rule with the same id, and a null rule") {
  RuleSet set = RuleSet::builtin();
  const std::string before = configuration(set);
  CHECK_NAMES(refused<ConflictError>([&] { set.add(builtin_rule("overdue")); }),
              "the rule set already has a rule with id 'overdue'");
  const auto impostor = std::make_shared<ScriptedRule>(
      "not_smart", [](const RuleContext&) { return std::vector<RuleResult>{}; });
  CHECK_NAMES(refused<ConflictError>([&] { set.add(impostor); }), "id 'not_smart'");
  CHECK_NAMES(refused<ValidationError>([&] { set.add(nullptr); }), "rule: no rule given");
  CHECK(configuration(set) == before);
}

TEST_CASE("configuring a rule the set does not have is not found, and changes nothing") {
  RuleSet set = RuleSet::builtin();
  const std::string before = configuration(set);
  const std::string missing = "no rule 'briefing_unpublished'";
  CHECK_NAMES(refused<NotFoundError>([&] { set.enable("briefing_unpublished"); }),
              missing + " in the rule set (rules: overdue, ");
  CHECK_NAMES(refused<NotFoundError>([&] { set.disable("briefing_unpublished"); }), missing);
  CHECK_NAMES(refused<NotFoundError>([&] { set.set_severity("briefing_unpublished", Severity::info); }),
              missing);
  CHECK_NAMES(refused<NotFoundError>([&] { set.set_parameter("briefing_unpublished", "days", 3); }), missing);
  CHECK_NAMES(refused<NotFoundError>([&] { (void)set.rule("briefing_unpublished"); }), missing);
  CHECK(configuration(set) == before);
}

TEST_CASE("set_parameter refuses a name the rule does not take and a value below 0") {
  RuleSet set = RuleSet::builtin();
  const std::string before = configuration(set);
  CHECK_NAMES(refused<ValidationError>([&] { set.set_parameter("due_soon_not_started", "weeks", 2); }),
              "parameter: rule due_soon_not_started has no parameter 'weeks' (it has: days)");
  CHECK_NAMES(refused<ValidationError>([&] { set.set_parameter("overdue", "days", 2); }), "(it has: none)");
  CHECK_NAMES(refused<ValidationError>([&] { set.set_parameter("due_soon_not_started", "days", -1); }),
              "parameter: due_soon_not_started.days = -1 is below 0");
  CHECK(configuration(set) == before);
  set.set_parameter("due_soon_not_started", "days", 0);
  CHECK(set.rule("due_soon_not_started").parameters.at("days") == 0);
}

TEST_CASE("disabled rules are skipped and listed, the others run in the set's order") {
  Builder b;
  const auto late = b.add_action(created, days_before(D, 1));
  RuleSet set = RuleSet::builtin();
  set.disable("overdue");
  set.disable("no_reaudit");
  const RuleReport report = set.check(b.plan, D);
  CHECK(report.skipped == std::vector<std::string>{"overdue", "no_reaudit"});
  CHECK(report.ran == std::vector<std::string>{"due_soon_not_started", "completion_without_evidence",
                                               "impact_not_assured", "extended_too_often",
                                               "blocked_by_overdue", "owner_outside_audit",
                                               "unanswered_finding", "not_smart", "concern_unanswered",
                                               "drift", "review_overdue"});
  CHECK_FALSE(report.has_breach());
  CHECK(report.count(Severity::warning) == 1);  // not_smart: no measure, no role or lead
  CHECK(report.results.at(0).rule == "not_smart");

  set.enable("overdue");
  const RuleReport again = set.check(b.plan, D);
  CHECK(again.skipped == std::vector<std::string>{"no_reaudit"});
  CHECK(again.has_breach());
  CHECK(again.results.at(0).rule == "overdue");
  CHECK(again.results.at(0).subject == Subject::action(late));
}

TEST_CASE("a configured severity and parameter reach the results") {
  Builder b;
  const auto late = b.add_action(created, days_before(D, 1));
  const auto soon = b.add_action(created, days_after(D, 20));
  RuleSet set = RuleSet::builtin();
  set.set_severity("overdue", Severity::warning);
  set.set_parameter("due_soon_not_started", "days", 20);
  const RuleReport report = set.check(b.plan, D);
  CHECK_FALSE(report.has_breach());
  CHECK(report.count(Severity::breach) == 0);
  CHECK(report.count(Severity::warning) == 4);  // overdue, due soon, and both not SMART
  CHECK(report.count(Severity::info) == 0);
  std::vector<std::pair<std::string, Subject>> seen;
  for (const auto& r : report.results) seen.emplace_back(r.rule, r.subject);
  CHECK(seen == std::vector<std::pair<std::string, Subject>>{{"due_soon_not_started", Subject::action(soon)},
                                                             {"not_smart", Subject::action(late)},
                                                             {"not_smart", Subject::action(soon)},
                                                             {"overdue", Subject::action(late)}});
  CHECK(report.results.back().severity == Severity::warning);
}

TEST_CASE("results come breach first, then warning, then info, then by rule id, then by subject") {
  const auto giving = [](std::string id, std::vector<Subject> subjects) {
    return std::make_shared<ScriptedRule>(std::move(id), [subjects](const RuleContext& c) {
      std::vector<RuleResult> out;
      for (const auto& s : subjects) out.push_back(c.result(s, "about " + to_string(s)));
      return out;
    });
  };
  RuleSet set;
  set.add(giving("gamma", {Subject::action(ActionId(1))}));
  set.add(giving("zeta", {Subject::action(ActionId(3)), Subject::action(ActionId(1))}));
  set.add(giving("alpha", {Subject::finding(FindingId(2)), Subject::action(ActionId(5))}));
  set.add(giving("beta", {Subject::audit(AuditId(1))}));
  set.set_severity("zeta", Severity::breach);
  set.set_severity("beta", Severity::breach);
  set.set_severity("alpha", Severity::warning);
  const Builder b;
  const RuleReport report = set.check(b.plan, D);
  std::vector<std::string> order;
  for (const auto& r : report.results)
    order.push_back(to_string(r.severity) + " " + r.rule + " " + to_string(r.subject));
  CHECK(order == std::vector<std::string>{"breach beta audit 1", "breach zeta action 1",
                                          "breach zeta action 3", "warning alpha action 5",
                                          "warning alpha finding 2", "info gamma action 1"});
  CHECK(report.ran == std::vector<std::string>{"gamma", "zeta", "alpha", "beta"});
  CHECK(report.count(Severity::breach) == 3);
  CHECK(report.count(Severity::warning) == 2);
  CHECK(report.count(Severity::info) == 1);
}

TEST_CASE("a custom rule runs alongside the built-in rules in one rule set") {
  Builder b;
  const auto late_group_action = b.add_action(created, days_before(D, 1), owned_by(b.area.lis));
  RuleSet set = RuleSet::builtin();
  set.add(std::make_shared<GroupActionsNeedALead>());
  const RuleReport report = set.check(b.plan, D);
  CHECK(report.ran.back() == "group_actions_need_a_lead");
  CHECK(report.ran.size() == builtin_rules().size() + 1);
  std::vector<std::string> rules;
  for (const auto& r : report.results) rules.push_back(r.rule + " " + to_string(r.subject));
  const std::string subject = to_string(Subject::action(late_group_action));
  CHECK(rules == std::vector<std::string>{"overdue " + subject, "group_actions_need_a_lead " + subject,
                                          "not_smart " + subject});
  CHECK(fires_for(GroupActionsNeedALead(), b.plan, D, Subject::action(late_group_action)));
  CHECK_FALSE(fires_for(GroupActionsNeedALead(), b.plan, days_before(created, 1),
                        Subject::action(late_group_action)));
}

TEST_CASE("a rule that throws stops the check with a RuleError naming the rule, and keeps the cause") {
  Builder b;
  RuleSet set = RuleSet::builtin();
  set.add(std::make_shared<ScriptedRule>("exploding", [](const RuleContext&) -> std::vector<RuleResult> {
    throw ValidationError("owner", "no such owner");
  }));
  try {
    (void)set.check(b.plan, D);
    FAIL("expected a RuleError");
  } catch (const RuleError& e) {
    CHECK(e.rule() == "exploding");
    CHECK(std::string(e.what()) ==
          "rule exploding: failed checking the plan as of 2024-06-30: owner: no such owner");
    REQUIRE(e.cause());
    CHECK_THROWS_AS(std::rethrow_exception(e.cause()), ValidationError);
  }

  RuleSet odd;
  odd.add(std::make_shared<ScriptedRule>("throws_an_int",
                                         [](const RuleContext&) -> std::vector<RuleResult> { throw 42; }));
  CHECK_NAMES(refused<RuleError>([&] { (void)odd.check(b.plan, D); }),
              "rule throws_an_int: failed checking the plan as of 2024-06-30: it threw something other than "
              "an exception");
}

TEST_CASE("a rule's result must name the rule and say something") {
  Builder b;
  const auto returning = [](RuleResult r) {
    RuleSet set;
    set.add(std::make_shared<ScriptedRule>("mine",
                                           [r](const RuleContext&) { return std::vector<RuleResult>{r}; }));
    return set;
  };
  const Subject s = Subject::action(ActionId(1));
  CHECK_NAMES(
      refused<RuleError>([&] { (void)returning({"yours", Severity::info, s, "hello"}).check(b.plan, D); }),
      "rule mine: failed checking the plan as of 2024-06-30: it returned a result naming rule 'yours'");
  CHECK_NAMES(refused<RuleError>([&] { (void)returning({"mine", Severity::info, s, " "}).check(b.plan, D); }),
              "it returned a result for action 1 with no message");
  CHECK_NAMES(refused<RuleError>(
                  [&] { (void)returning({"mine", Severity::info, {"", 1}, "hello"}).check(b.plan, D); }),
              "it returned a result with no subject kind");
  // A rule may grade its own results: the severity it gives is kept.
  const auto report = returning({"mine", Severity::breach, s, "hello"}).check(b.plan, D);
  CHECK(report.has_breach());
}

TEST_CASE("results_of runs a rule with its defaults overridden, and refuses an unknown override") {
  Builder b;
  const auto soon = b.add_action(created, days_after(D, 20));
  const Rule& rule = builtin("due_soon_not_started");
  CHECK(results_of(rule, b.plan, D).empty());
  CHECK(subjects_of(results_of(rule, b.plan, D, {{"days", 20}})) == actions({soon}));
  CHECK(fires_for(rule, b.plan, D, Subject::action(soon), {{"days", 20}}));
  CHECK_FALSE(fires_for(rule, b.plan, D, Subject::action(soon)));
  CHECK(message_for(rule, b.plan, D, Subject::action(soon)).empty());
  CHECK_NAMES(refused<ValidationError>([&] { (void)results_of(rule, b.plan, D, {{"weeks", 2}}); }),
              "has no parameter 'weeks'");
}

// ---- rules files -----------------------------------------------------------------------------------

TEST_CASE("a rules file sets enabled, severity and parameters, each with its line") {
  const RuleConfig config = parse_rule_config(
      "# North Lincolnshire monitoring policy\n"
      "; agreed at the LIS, March 2024\n"
      "\n"
      "[overdue]\n"
      "severity = warning\n"
      "\n"
      "[due_soon_not_started]\n"
      "enabled = false\n"
      "days = 21\n"
      "\n"
      "  [ concern_unanswered ]  \n"
      "  days=7  \n"
      "enabled=true\n",
      "policy.ini");
  CHECK(config.source == "policy.ini");
  REQUIRE(config.sections.size() == 3);
  const auto& overdue = config.sections[0];
  CHECK(overdue.rule == "overdue");
  CHECK(overdue.line == 4);
  REQUIRE(overdue.severity);
  CHECK(overdue.severity->value == Severity::warning);
  CHECK(overdue.severity->line == 5);
  CHECK_FALSE(overdue.enabled);
  CHECK(overdue.parameters.empty());
  const auto& soon = config.sections[1];
  CHECK(soon.line == 7);
  REQUIRE(soon.enabled);
  CHECK_FALSE(soon.enabled->value);
  CHECK(soon.enabled->line == 8);
  CHECK(soon.parameters.at("days").value == 21);
  CHECK(soon.parameters.at("days").line == 9);
  const auto& concern = config.sections[2];
  CHECK(concern.rule == "concern_unanswered");
  CHECK(concern.line == 11);
  CHECK(concern.parameters.at("days").value == 7);
  CHECK(concern.parameters.at("days").line == 12);
  CHECK(concern.enabled->value);

  RuleSet set = RuleSet::builtin();
  set.configure(config);
  CHECK(set.rule("overdue").severity == Severity::warning);
  CHECK(set.rule("overdue").enabled);
  CHECK_FALSE(set.rule("due_soon_not_started").enabled);
  CHECK(set.rule("due_soon_not_started").parameters.at("days") == 21);
  CHECK(set.rule("concern_unanswered").parameters.at("days") == 7);
  CHECK(set.rule("concern_unanswered").severity == Severity::breach);
}

namespace {
// The ImportError message of parsing `text` as policy.ini.
std::string parse_error(const std::string& text) {
  return refused<ImportError>([&] { (void)parse_rule_config(text, "policy.ini"); });
}
}  // namespace

TEST_CASE("a rules file saved on Windows, with a byte order mark and CRLF line ends, reads the same") {
  const RuleConfig config = parse_rule_config(
      "\xEF\xBB\xBF[overdue]\r\nseverity = warning\r\n\r\n[not_smart]\r\nenabled = false\r\n", "policy.ini");
  REQUIRE(config.sections.size() == 2);
  CHECK(config.sections[0].rule == "overdue");
  CHECK(config.sections[0].severity->value == Severity::warning);
  CHECK(config.sections[1].line == 4);
  CHECK_FALSE(config.sections[1].enabled->value);
  CHECK(config.sections[1].enabled->line == 5);
  CHECK_NAMES(parse_error("\xEF\xBB\xBF[overdue]\r\nenabled = maybe\r\n"),
              "policy.ini line 2, field overdue.enabled: 'maybe' is not true or false");
}

TEST_CASE("an empty rules file, or one of comments, configures nothing") {
  CHECK(parse_rule_config("", "empty.ini").sections.empty());
  CHECK(parse_rule_config("# nothing yet\n; still nothing\n\n", "comments.ini").sections.empty());
  const auto bare = parse_rule_config("[overdue]\n# no keys\n", "bare.ini");
  REQUIRE(bare.sections.size() == 1);
  CHECK(bare.sections[0].line == 1);
  RuleSet set = RuleSet::builtin();
  const std::string before = configuration(set);
  set.configure(bare);
  CHECK(configuration(set) == before);
}

TEST_CASE("a syntax error in a rules file names the file, the line and the field") {
  CHECK_NAMES(parse_error("[overdue]\nseverity breach\n"),
              "policy.ini line 2, field overdue: '=' character not found in line: 'severity breach'");
  CHECK_NAMES(parse_error("# policy\n[overdue\nseverity = info\n"),
              "policy.ini line 2, field overdue: unmatched '['");
  CHECK_NAMES(parse_error("[overdue]\n= info\n"), "policy.ini line 2, field overdue: key expected: '= info'");
}

TEST_CASE("a duplicate section or key in a rules file is refused at its second line") {
  CHECK_NAMES(
      parse_error("[overdue]\nseverity = info\n[not_smart]\nenabled = false\n[overdue]\nenabled = false\n"),
      "policy.ini line 5, field overdue: duplicate section name: '[overdue]'");
  CHECK_NAMES(parse_error("[overdue]\n\n[overdue]\nenabled = false\n"),
              "policy.ini line 3, field overdue: duplicate section [overdue], first at line 1");
  CHECK_NAMES(parse_error("[overdue]\nenabled = true\nenabled = false\n"),
              "policy.ini line 3, field overdue.enabled: duplicate key name: 'enabled = false'");
}

TEST_CASE("a key outside a section and a section that is no rule id are refused") {
  CHECK_NAMES(parse_error("# policy\nenabled = false\n[overdue]\nseverity = info\n"),
              "policy.ini line 2, field enabled: key outside a section");
  CHECK_NAMES(parse_error("[not_smart]\nenabled = false\n[Overdue]\nenabled = false\n"),
              "policy.ini line 3, field Overdue: section [Overdue] is not a rule id");
  CHECK_NAMES(parse_error("[due soon]\n"),
              "policy.ini line 1, field due soon: section [due soon] is not a rule id");
}

TEST_CASE("bad values in a rules file name the key and the value") {
  CHECK_NAMES(parse_error("[overdue]\nenabled = yes\n"),
              "policy.ini line 2, field overdue.enabled: 'yes' is not true or false");
  CHECK_NAMES(parse_error("[overdue]\nenabled = True\n"), "'True' is not true or false");
  CHECK_NAMES(
      parse_error("[overdue]\nseverity = critical\n"),
      "policy.ini line 2, field overdue.severity: 'critical' is not a severity (info, warning or breach)");
  const std::string soon = "[due_soon_not_started]\n# days ahead\n";
  CHECK_NAMES(parse_error(soon + "days = ten\n"),
              "policy.ini line 3, field due_soon_not_started.days: 'ten' is not a whole number");
  CHECK_NAMES(parse_error(soon + "days = -1\n"),
              "policy.ini line 3, field due_soon_not_started.days: '-1' is below 0");
  CHECK_NAMES(parse_error(soon + "days = 99999999999\n"), "'99999999999' is too large");
  CHECK_NAMES(parse_error(soon + "days = 14 # a fortnight\n"), "'14 # a fortnight' is not a whole number");
  CHECK_NAMES(parse_error(soon + "days =\n"),
              "line 3, field due_soon_not_started.days: '' is not a whole number");
  CHECK_NAMES(parse_error(soon + "days = 1.5\n"), "'1.5' is not a whole number");
}

TEST_CASE("configure refuses an unknown rule and an unknown key with their lines, and changes nothing") {
  RuleSet set = RuleSet::builtin();
  const std::string before = configuration(set);
  const auto configure_error = [&](const std::string& text) {
    const RuleConfig config = parse_rule_config(text, "policy.ini");
    return refused<ImportError>([&] { set.configure(config); });
  };
  CHECK_NAMES(configure_error("[overdue]\nseverity = info\n\n[briefing_unpublished]\nenabled = false\n"),
              "policy.ini line 4, field briefing_unpublished: no rule 'briefing_unpublished' in the rule set "
              "(rules: overdue, due_soon_not_started, ");
  CHECK_NAMES(configure_error("[overdue]\nseverity = info\n[briefing_unpublished]\n"),
              "policy.ini line 3, field briefing_unpublished: no rule 'briefing_unpublished'");
  CHECK_NAMES(
      configure_error("[overdue]\nseverity = info\n[due_soon_not_started]\nenabled = false\nweeks = 2\n"),
      "policy.ini line 5, field due_soon_not_started.weeks: rule due_soon_not_started has no key 'weeks' "
      "(it takes: enabled, severity, days)");
  CHECK_NAMES(
      configure_error("[overdue]\ndays = 3\n"),
      "policy.ini line 2, field overdue.days: rule overdue has no key 'days' (it takes: enabled, severity)");
  CHECK(configuration(set) == before);

  // A config built by hand is checked as a file is.
  RuleSection section{"due_soon_not_started", 1, {}, {}, {{"days", {-3, 2}}}};
  const RuleConfig by_hand{"by hand", {section}};
  CHECK_NAMES(refused<ImportError>([&] { set.configure(by_hand); }),
              "by hand line 2, field due_soon_not_started.days: '-3' is below 0");
  CHECK(configuration(set) == before);
}

TEST_CASE("read_rule_config reads a file and names it in its errors") {
  const auto dir =
      std::filesystem::temp_directory_path() / ("plansight-rules-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string good = (dir / "good.ini").string(), bad = (dir / "bad.ini").string();
  std::ofstream(good) << "[not_smart]\nenabled = false\n";
  std::ofstream(bad) << "[not_smart]\n\nenabled = no\n";
  const RuleConfig config = read_rule_config(good);
  CHECK(config.source == good);
  REQUIRE(config.sections.size() == 1);
  CHECK_FALSE(config.sections[0].enabled->value);
  CHECK_NAMES(refused<ImportError>([&] { (void)read_rule_config(bad); }),
              bad + " line 3, field not_smart.enabled: 'no' is not true or false");
  const std::string missing = (dir / "missing.ini").string();
  CHECK_NAMES(refused<NotFoundError>([&] { (void)read_rule_config(missing); }),
              "cannot read the rules file " + missing);
  std::filesystem::remove_all(dir);
}
