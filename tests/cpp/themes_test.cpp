// Theme recurrence across audits and years, and re-audit grade comparison.
#include "plansight/themes.hpp"

#include "fixtures.hpp"

using namespace plansight;
using plansight::testing::Builder;
using plansight::testing::ymd;

namespace {

ThemeId add_theme(Builder& b, const std::string& name) { return b.plan.add(Theme{{}, name}).id; }

AuditId add_audit(Builder& b, PartnershipId p, Date held, std::vector<ThemeId> themes = {},
                  std::optional<AuditId> reaudit_of = std::nullopt) {
  Audit a;
  a.partnership = p;
  a.title = "Audit held " + to_iso(held);
  a.kind = reaudit_of ? AuditKind::re_audit : AuditKind::multi_agency_case_audit;
  a.held_on = held;
  a.themes = std::move(themes);
  a.reaudit_of = reaudit_of;
  return b.plan.add(std::move(a)).id;
}

void add_finding(Builder& b, AuditId audit, std::vector<ThemeId> themes) {
  Finding f;
  f.audit = audit;
  f.text = "Voice of the child not evident";
  f.themes = std::move(themes);
  b.plan.add(std::move(f));
}

// One case of `audit` graded by `agency` on each (question, grade).
void grade(Builder& b, AuditId audit, AgencyId agency, std::vector<Grading> gradings) {
  Case c;
  c.audit = audit;
  c.reference = "DA-" + std::to_string(b.plan.cases().size() + 1);
  const CaseId id = b.plan.add(std::move(c)).id;
  b.plan.add(AgencyReturn{{}, id, agency, std::move(gradings)});
}

}  // namespace

TEST_CASE("a theme occurs in an audit tagged with it or with a finding tagged with it") {
  Builder b;
  const ThemeId voice = add_theme(b, "voice of the child");
  const ThemeId sharing = add_theme(b, "information sharing");
  const AuditId tagged = add_audit(b, b.area.partnership, ymd(2023, 5, 1), {voice});
  const AuditId by_finding = add_audit(b, b.area.partnership, ymd(2024, 2, 1));
  add_finding(b, by_finding, {voice, sharing});
  add_finding(b, by_finding, {voice});

  const auto all = theme_occurrences(b.plan);
  REQUIRE(all.size() == 3);
  CHECK(all[0].theme == voice);
  CHECK(all[0].audit == tagged);
  CHECK(all[0].audit_theme);
  CHECK(all[0].findings == 0);
  CHECK(all[0].year == 2023);
  CHECK(all[1].theme == voice);
  CHECK(all[1].audit == by_finding);
  CHECK_FALSE(all[1].audit_theme);
  CHECK(all[1].findings == 2);
  CHECK(all[1].year == 2024);
  CHECK(all[2].theme == sharing);
  CHECK(all[2].findings == 1);
}

TEST_CASE("occurrences of one theme run in audit date order, not the order audits were added") {
  Builder b;
  const ThemeId voice = add_theme(b, "voice of the child");
  const AuditId later = add_audit(b, b.area.partnership, ymd(2025, 1, 1), {voice});
  const AuditId earlier = add_audit(b, b.area.partnership, ymd(2022, 1, 1), {voice});
  const auto all = theme_occurrences(b.plan);
  REQUIRE(all.size() == 2);
  CHECK(all[0].audit == earlier);
  CHECK(all[1].audit == later);
}

TEST_CASE("recurring themes count audits, partnerships and years, most audits first") {
  Builder b;
  const auto other = b.add_area("Dudley Safeguarding Children Partnership");
  const ThemeId voice = add_theme(b, "voice of the child");
  const ThemeId curiosity = add_theme(b, "professional curiosity");
  const ThemeId once = add_theme(b, "transition to adulthood");
  add_audit(b, b.area.partnership, ymd(2023, 3, 1), {voice, curiosity});
  add_audit(b, b.area.partnership, ymd(2023, 9, 1), {voice, once});
  add_audit(b, other.partnership, ymd(2025, 6, 1), {voice, curiosity});

  const auto recurring = recurring_themes(b.plan);
  REQUIRE(recurring.size() == 2);
  CHECK(recurring[0].theme == voice);
  CHECK(recurring[0].audits == 3);
  CHECK(recurring[0].partnerships == 2);
  CHECK(recurring[0].years == 2);
  CHECK(recurring[0].first_year == 2023);
  CHECK(recurring[0].last_year == 2025);
  CHECK(recurring[1].theme == curiosity);
  CHECK(recurring[1].audits == 2);
  CHECK(recurring_themes(b.plan, 1).size() == 3);
  CHECK(recurring_themes(b.plan, 4).empty());
}

TEST_CASE("recurring_themes refuses a minimum below one audit") {
  Builder b;
  CHECK(recurring_themes(b.plan, 1).empty());
  CHECK_THROWS_WITH_AS(recurring_themes(b.plan, 0), doctest::Contains("min_audits"), ValidationError);
}

TEST_CASE("a re-audit is compared question by question on the share good or better") {
  Builder b;
  const AuditId first = add_audit(b, b.area.partnership, ymd(2023, 3, 1));
  const AuditId again = add_audit(b, b.area.partnership, ymd(2025, 3, 1), {}, first);
  grade(b, first, b.police,
        {{"voice of the child evident", Grade::inadequate}, {"risk assessment tool used", Grade::good}});
  grade(b, first, b.social_care, {{"voice of the child evident", Grade::requires_improvement}});
  grade(b, again, b.police,
        {{"voice of the child evident", Grade::good}, {"risk assessment tool used", Grade::inadequate}});
  grade(b, again, b.social_care,
        {{"voice of the child evident", Grade::requires_improvement}, {"flags reviewed", Grade::good}});

  const ReauditComparison c = compare_reaudit(b.plan, again);
  CHECK(c.audit == first);
  CHECK(c.reaudit == again);
  CHECK(c.audit_overall.total() == 3);
  CHECK(c.reaudit_overall.total() == 4);
  REQUIRE(c.questions.size() == 3);
  const auto& voice = c.questions[0];
  CHECK(voice.question == "voice of the child evident");
  CHECK(voice.audit.good_or_better_share() == doctest::Approx(0.0));
  CHECK(voice.reaudit.good_or_better_share() == doctest::Approx(0.5));
  CHECK(voice.improved());
  CHECK_FALSE(voice.declined());
  const auto& tool = c.questions[1];
  CHECK(tool.question == "risk assessment tool used");
  CHECK(tool.declined());
  CHECK_FALSE(tool.improved());
  const auto& flags = c.questions[2];
  CHECK(flags.question == "flags reviewed");
  CHECK(flags.audit.total() == 0);
  CHECK_FALSE(flags.improved());  // not graded in the audit: no trend either way
  CHECK_FALSE(flags.declined());
}

TEST_CASE("equal shares are neither improved nor declined, no gradings share zero") {
  QuestionComparison q;
  q.audit.by_grade = {1, 0, 1, 0};
  q.reaudit.by_grade = {0, 2, 0, 2};
  CHECK(q.audit.good_or_better_share() == doctest::Approx(0.5));
  CHECK(q.reaudit.good_or_better_share() == doctest::Approx(0.5));
  CHECK_FALSE(q.improved());
  CHECK_FALSE(q.declined());
  CHECK(GradeCounts{}.good_or_better_share() == 0.0);
}

TEST_CASE("compare_reaudit refuses an audit that re-audits none, and an unknown audit") {
  Builder b;
  CHECK_THROWS_WITH_AS(compare_reaudit(b.plan, b.area.audit), doctest::Contains("reaudit_of"),
                       ValidationError);
  CHECK_THROWS_AS(compare_reaudit(b.plan, AuditId(999)), NotFoundError);
  CHECK_THROWS_AS(grade_counts(b.plan, AuditId(999)), NotFoundError);
}

TEST_CASE("grade_counts counts every grading of an audit's cases") {
  Builder b;
  const AuditId audit = add_audit(b, b.area.partnership, ymd(2023, 3, 1));
  grade(b, audit, b.police, {{"q1", Grade::outstanding}, {"q2", Grade::outstanding}});
  grade(b, audit, b.health, {{"q1", Grade::inadequate}});
  grade(b, b.area.audit, b.health, {{"q1", Grade::good}});  // another audit's case
  const GradeCounts counts = grade_counts(b.plan, audit);
  CHECK(counts.by_grade[static_cast<std::size_t>(Grade::outstanding)] == 2);
  CHECK(counts.by_grade[static_cast<std::size_t>(Grade::inadequate)] == 1);
  CHECK(counts.total() == 3);
}

TEST_CASE("an audit tagged with a theme and with findings tagged with it is one occurrence") {
  Builder b;
  const ThemeId voice = add_theme(b, "voice of the child");
  const AuditId audit = add_audit(b, b.area.partnership, ymd(2024, 2, 1), {voice});
  add_finding(b, audit, {voice});
  add_finding(b, audit, {voice, voice});  // tagged twice: still one finding of the theme
  const auto all = theme_occurrences(b.plan);
  REQUIRE(all.size() == 1);
  CHECK(all[0].audit_theme);
  CHECK(all[0].findings == 2);
  const auto recurring = recurring_themes(b.plan, 1);
  REQUIRE(recurring.size() == 1);
  CHECK(recurring[0].audits == 1);
  CHECK(recurring[0].findings == 2);
}

TEST_CASE("themes in as many audits are ordered by partnerships, then by the plan's theme order") {
  Builder b;
  const auto other = b.add_area("Dudley Safeguarding Children Partnership");
  const ThemeId first = add_theme(b, "information sharing");
  const ThemeId wider = add_theme(b, "professional curiosity");
  const ThemeId third = add_theme(b, "record keeping and flags");
  add_audit(b, b.area.partnership, ymd(2023, 3, 1), {first, wider, third});
  add_audit(b, b.area.partnership, ymd(2024, 3, 1), {first, third});
  add_audit(b, other.partnership, ymd(2024, 6, 1), {wider});
  const auto recurring = recurring_themes(b.plan);
  REQUIRE(recurring.size() == 3);
  CHECK(recurring[0].theme == wider);  // two audits in two partnerships
  CHECK(recurring[1].theme == first);  // two audits in one: the plan's order breaks the tie
  CHECK(recurring[2].theme == third);
}
