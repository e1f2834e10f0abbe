// The unit test of the partnership's own rule, written with the testing kit:
// a plan built in a few lines, the rule asked about it the day before, of and
// after its threshold.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "training_needs_attendance.hpp"

#include <doctest/doctest.h>

#include <plansight/dates.hpp>
#include <plansight/testing.hpp>

using namespace plansight;
using namespace plansight::testing;

namespace {

const nlscp::TrainingNeedsAttendance rule;
const Date completed = ymd(2024, 6, 3);

// A training action completed on 3 June 2024 (the Builder's actions are
// titled "Refresh voice of the child training").
ActionId completed_training(Builder& b) {
  const auto id = b.add_action(ymd(2024, 2, 1), ymd(2024, 6, 30));
  b.set_status(id, completed, Status::complete);
  return id;
}

void record_evidence(Builder& b, ActionId id, Date on, std::string description) {
  b.plan.record(
      Evidence{{}, id, on, EvidenceKind::completion, std::move(description), "LIS business manager"});
}

}  // namespace

TEST_CASE("completed training without attendance figures fires after 14 days of grace") {
  Builder b;
  const auto training = completed_training(b);
  CHECK_FALSE(fires_for(rule, b.plan, ymd(2024, 6, 17), Subject::action(training)));
  CHECK(fires_for(rule, b.plan, ymd(2024, 6, 18), Subject::action(training)));
  CHECK_FALSE(fires_for(rule, b.plan, ymd(2024, 6, 10), Subject::action(training), {{"grace_days", 7}}));
  CHECK(fires_for(rule, b.plan, ymd(2024, 6, 11), Subject::action(training), {{"grace_days", 7}}));
  CHECK(message_for(rule, b.plan, ymd(2024, 6, 30), Subject::action(training)) ==
        "action 1 'Refresh voice of the child training' was completed on 2024-06-03 and has no attendance "
        "figures as evidence by 2024-06-30");
}

TEST_CASE("attendance evidence counts from its date, other evidence does not count") {
  Builder b;
  const auto training = completed_training(b);
  record_evidence(b, training, ymd(2024, 6, 20), "Slides and session plan");
  CHECK(fires_for(rule, b.plan, ymd(2024, 6, 30), Subject::action(training)));
  record_evidence(b, training, ymd(2024, 7, 1), "Attendance: 41 of 50 frontline staff");
  CHECK(fires_for(rule, b.plan, ymd(2024, 6, 30), Subject::action(training)));
  CHECK_FALSE(fires_for(rule, b.plan, ymd(2024, 7, 1), Subject::action(training)));
}

TEST_CASE("actions that are not training, or not complete, never fire") {
  Builder b;
  Action pathway = b.draft(ymd(2024, 2, 1), ymd(2024, 6, 30));
  pathway.title = "Refresh the referral pathway";
  const auto not_training = b.plan.add(pathway).id;
  b.set_status(not_training, completed, Status::complete);
  const auto open_training = b.add_action(ymd(2024, 2, 1), ymd(2024, 6, 30));
  CHECK(subjects_of(results_of(rule, b.plan, ymd(2024, 12, 31))).empty());
  (void)open_training;
}

TEST_CASE("the rule runs beside the built-in rules and is configured from the same rules file") {
  Builder b;
  const auto training = completed_training(b);
  RuleSet rules = RuleSet::builtin();
  rules.add(std::make_shared<nlscp::TrainingNeedsAttendance>());
  rules.configure(
      parse_rule_config("[training_needs_attendance]\nseverity = breach\ngrace_days = 30\n", "policy.ini"));
  CHECK_FALSE(rules.check(b.plan, ymd(2024, 7, 3)).has_breach());
  const RuleReport report = rules.check(b.plan, ymd(2024, 7, 4));
  REQUIRE(report.has_breach());
  CHECK(report.results.front().subject == Subject::action(training));
  std::vector<std::string> rules_fired;
  for (const auto& r : report.results) rules_fired.push_back(to_string(r.severity) + " " + r.rule);
  // Breach first; the built-in rules see a completion without evidence and an audit to re-audit.
  CHECK(rules_fired == std::vector<std::string>{"breach training_needs_attendance",
                                                "warning completion_without_evidence", "info no_reaudit"});
}
