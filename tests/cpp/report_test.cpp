// The review pack and the 7 minute briefing: what each section holds, the
// period "since the previous review", escaping, data minimisation, errors.
#include "plansight/report.hpp"

#include <algorithm>
#include <array>

#include "fixtures.hpp"
#include "plansight/briefings.hpp"

using namespace plansight;
using namespace plansight::testing;

namespace {

constexpr std::array<std::string_view, 9> pack_sections{"Headline figures",
                                                        "RAG by agency",
                                                        "Overdue actions",
                                                        "Blocked and at risk",
                                                        "Changes since the previous review",
                                                        "Escalations",
                                                        "Completed and assured this quarter",
                                                        "Rule breaches",
                                                        "Critical path of each open audit plan"};

constexpr std::array<std::string_view, 7> briefing_parts{"Background",
                                                         "Why it matters",
                                                         "What we found: good practice",
                                                         "What we found: worries and areas for development",
                                                         "Key learning",
                                                         "Next steps",
                                                         "Reflect on the learning"};

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// The text between one heading and the next of the same level (HTML h2 or Markdown "## ").
std::string section(const std::string& text, std::string_view heading) {
  const auto at = text.find(heading);
  REQUIRE_MESSAGE(at != std::string::npos, heading);
  const bool html = contains(text, "<!DOCTYPE html>");
  const auto next = text.find(html ? "<h2" : "\n## ", at);
  return text.substr(at, next == std::string::npos ? std::string::npos : next - at);
}

const Date as_of = ymd(2024, 9, 30);

// One partnership reviewed quarterly by its LIS, with an overdue, a blocked
// (and at risk), an extended, an escalated, a completed and assured action.
struct PackFixture {
  Builder b;
  ActionId overdue, prerequisite, blocked, extended, escalated, assured, done_before;
  GroupId board;

  PackFixture() {
    board = b.plan.add(Group{{}, b.area.partnership, "Safeguarding Partnership Board"}).id;
    ReviewCycle cycle;
    cycle.partnership = b.area.partnership;
    cycle.name = "LIS quarterly review";
    cycle.kind = CycleKind::calendar_quarters;
    cycle.start = ymd(2024, 3, 31);
    cycle.group = b.area.lis;
    b.plan.add(cycle);

    overdue = b.add_action(ymd(2024, 2, 1), ymd(2024, 8, 31));
    b.set_status(overdue, ymd(2024, 3, 1), Status::in_progress);
    Action slow = b.draft(ymd(2024, 2, 1), ymd(2024, 12, 31));
    slow.estimate_days = 120;  // forecast from 2024-09-30: done 2025-01-28
    prerequisite = b.plan.add(slow).id;
    Action late = b.draft(ymd(2024, 2, 1), ymd(2024, 12, 31));
    late.title = "Train <b>staff</b> | all teams";
    late.estimate_days = 30;
    blocked = b.plan.add(late).id;
    b.plan.add_dependency(blocked, prerequisite);
    b.plan.record(DueDateRevision{prerequisite, ymd(2024, 8, 1), ymd(2025, 3, 31), "venue", "LIS chair"});
    extended = b.add_action(ymd(2024, 2, 1), ymd(2024, 9, 1));
    b.revise_due(extended, ymd(2024, 7, 15), ymd(2024, 11, 30));
    escalated = b.add_action(ymd(2024, 2, 1), ymd(2024, 12, 31), owned_by(b.social_care, "Head of Service"));
    ReviewMeeting m;
    m.group = b.area.lis;
    m.held_on = ymd(2024, 9, 20);
    m.outcomes.push_back(ReviewOutcome{escalated, OutcomeKind::escalate, "", {}, "no progress", board});
    b.plan.record(m);
    assured = b.add_action(ymd(2024, 2, 1), ymd(2024, 12, 31));
    b.complete_and_assure(assured, ymd(2024, 8, 15));
    done_before = b.add_action(ymd(2024, 2, 1), ymd(2024, 12, 31));
    b.set_status(done_before, ymd(2024, 5, 1), Status::complete);  // before the period began
  }
};

}  // namespace

TEST_CASE("report_format_for reads the format from the file name") {
  CHECK(report_format_for("pack.html") == ReportFormat::html);
  CHECK(report_format_for("out/PACK.HTM") == ReportFormat::html);
  CHECK(report_format_for("pack.md") == ReportFormat::markdown);
  CHECK(report_format_for("a.b/pack.markdown") == ReportFormat::markdown);
  for (const auto* bad : {"pack.pdf", "pack", "pack.html.txt"}) {
    CAPTURE(bad);
    CHECK_THROWS_WITH_AS(report_format_for(bad), doctest::Contains(bad), ValidationError);
  }
}

TEST_CASE("review pack: every section, in order, in HTML and Markdown") {
  PackFixture f;
  for (const auto format : {ReportFormat::html, ReportFormat::markdown}) {
    const std::string pack = render_review_pack(f.b.plan, as_of, format);
    std::size_t last = 0;
    for (const auto heading : pack_sections) {
      CAPTURE(heading);
      const auto at = pack.find(format == ReportFormat::html ? ">" + std::string(heading) + "</h2>"
                                                             : "## " + std::string(heading) + "\n");
      REQUIRE(at != std::string::npos);
      CHECK(at > last);
      last = at;
    }
    if (format == ReportFormat::markdown)
      CHECK_FALSE(contains(pack, "\n\n\n"));  // one blank line between blocks
  }
}

TEST_CASE("review pack HTML is self-contained: no script, no external resource") {
  PackFixture f;
  const std::string pack = render_review_pack(f.b.plan, as_of, ReportFormat::html);
  CHECK(pack.starts_with("<!DOCTYPE html>"));
  CHECK_FALSE(contains(pack, "<script"));
  CHECK_FALSE(contains(pack, "http://"));
  CHECK_FALSE(contains(pack, "https://"));
  CHECK_FALSE(contains(pack, "<link"));
  CHECK(contains(pack, "<svg class=\"chart\""));
  CHECK(contains(pack, "@media print"));
  CHECK(contains(pack, "size: A4"));
}

TEST_CASE("review pack: overdue, blocked with its blocker, at risk") {
  PackFixture f;
  const std::string pack = render_review_pack(f.b.plan, as_of, ReportFormat::markdown);
  const std::string overdue = section(pack, "## Overdue actions");
  CHECK(contains(overdue, "| #" + std::to_string(f.overdue.value()) + " |"));
  CHECK(contains(overdue, "| 30 |"));  // due 2024-08-31, 30 days before 2024-09-30
  CHECK_FALSE(contains(overdue, "| #" + std::to_string(f.blocked.value()) + " |"));

  const std::string blocked = section(pack, "## Blocked and at risk");
  const auto blocked_row = blocked.find("| #" + std::to_string(f.blocked.value()) + " |");
  REQUIRE(blocked_row != std::string::npos);
  // waiting for the prerequisite, with its due date in force (revised)
  CHECK(contains(blocked.substr(blocked_row), "#" + std::to_string(f.prerequisite.value())));
  CHECK(contains(blocked.substr(blocked_row), "due 2025-03-31"));
  // forecast: the prerequisite finishes 2025-01-28, the blocked action 30 days later: after its due date
  const std::string at_risk = blocked.substr(blocked.find("#### At risk"));
  CHECK(contains(at_risk, "| #" + std::to_string(f.blocked.value()) + " |"));
}

TEST_CASE("review pack: the period starts at the previous review on the partnership's cycle") {
  PackFixture f;
  const std::string pack = render_review_pack(f.b.plan, as_of, ReportFormat::markdown);
  const std::string changes = section(pack, "## Changes since the previous review");
  CHECK(contains(changes, "From 2024-06-30 to 2024-09-30"));
  CHECK(contains(changes, "| #" + std::to_string(f.extended.value()) + " |"));  // extended 2024-07-15
  CHECK(contains(changes, "venue"));  // the prerequisite's revision reason, 2024-08-01

  const std::string escalations = section(pack, "## Escalations");
  CHECK(contains(escalations, "| #" + std::to_string(f.escalated.value()) + " |"));
  CHECK(contains(escalations,
                 "2024-09-20: Learning and Improvement Subgroup to Safeguarding Partnership Board"));
  CHECK(contains(escalations, "no progress"));

  const std::string done = section(pack, "## Completed and assured this quarter");
  CHECK(contains(done, "| #" + std::to_string(f.assured.value()) + " |"));
  CHECK(contains(done, "2024-08-15 by Learning and Improvement Subgroup"));
  CHECK_FALSE(contains(done, "| #" + std::to_string(f.done_before.value()) + " |"));  // completed 2024-05-01

  SUBCASE("a date given as since") {
    ReviewPackOptions options;
    options.since = ymd(2024, 4, 30);
    const std::string wider = render_review_pack(f.b.plan, as_of, ReportFormat::markdown, options);
    CHECK(contains(section(wider, "## Changes since the previous review"), "From 2024-04-30 to 2024-09-30"));
    CHECK(contains(section(wider, "## Completed and assured this quarter"),
                   "| #" + std::to_string(f.done_before.value()) + " |"));
  }
  SUBCASE("on a review date the period is the quarter before it") {
    const std::string on_june = render_review_pack(f.b.plan, ymd(2024, 6, 30), ReportFormat::markdown);
    CHECK(contains(on_june, "From 2024-03-31 to 2024-06-30"));
  }
  SUBCASE("without a cycle, three months back") {
    Builder plain;
    plain.add_action(ymd(2024, 2, 1), ymd(2024, 12, 31));
    CHECK(contains(render_review_pack(plain.plan, as_of, ReportFormat::markdown),
                   "From 2024-06-30 to 2024-09-30"));
  }
}

TEST_CASE("review pack: rule results and critical paths of open audits") {
  PackFixture f;
  const std::string pack = render_review_pack(f.b.plan, as_of, ReportFormat::markdown);
  const std::string rules = section(pack, "## Rule breaches");
  CHECK(contains(rules, "action " + std::to_string(f.overdue.value())));

  const std::string paths = section(pack, "## Critical path of each open audit plan");
  CHECK(contains(paths, "#### "));
  CHECK(contains(paths, "| #" + std::to_string(f.blocked.value()) + " |"));  // ends the chain

  SUBCASE("rules disabled are not run") {
    ReviewPackOptions options;
    options.rules = RuleSet{};
    const std::string none = render_review_pack(f.b.plan, as_of, ReportFormat::markdown, options);
    CHECK(contains(section(none, "## Rule breaches"), "(0 ran)"));
    CHECK(contains(section(none, "## Rule breaches"), "0 breaches, 0 warnings"));
  }
}

TEST_CASE("review pack dated in the past: the critical path as it stood then") {
  PackFixture f;
  Action later = f.b.draft(ymd(2024, 10, 15), ymd(2025, 6, 30));
  later.title = "Follow-up agreed in October";
  later.estimate_days = 200;  // would finish last, so would end the chain
  const ActionId follow_up = f.b.plan.add(later).id;
  f.b.plan.add_dependency(follow_up, f.blocked);

  const std::string then = render_review_pack(f.b.plan, as_of, ReportFormat::markdown);
  const std::string paths = section(then, "## Critical path of each open audit plan");
  CHECK_FALSE(contains(paths, "| #" + std::to_string(follow_up.value()) + " |"));
  CHECK(contains(paths, "| #" + std::to_string(f.blocked.value()) + " |"));
  CHECK_FALSE(contains(then, "Follow-up agreed in October"));
  // The chain ends at the blocked action: its forecast finish is the completion shown.
  const std::string blocked_finish = "2025-02-27";  // prerequisite done 2025-01-28, then 30 days
  CHECK(contains(paths, "Forecast completion " + blocked_finish));

  const std::string now = render_review_pack(f.b.plan, ymd(2024, 10, 31), ReportFormat::markdown);
  CHECK(contains(section(now, "## Critical path of each open audit plan"),
                 "| #" + std::to_string(follow_up.value()) + " |"));
}

TEST_CASE("review pack escapes text for its format") {
  PackFixture f;
  const std::string html = render_review_pack(f.b.plan, as_of, ReportFormat::html);
  CHECK(contains(html, "Train &lt;b&gt;staff&lt;/b&gt; | all teams"));
  CHECK_FALSE(contains(html, "<b>staff"));
  const std::string md = render_review_pack(f.b.plan, as_of, ReportFormat::markdown);
  CHECK(contains(md, "Train \\<b\\>staff\\</b\\> \\| all teams"));
}

TEST_CASE("review pack: one partnership, or every one") {
  PackFixture f;
  const Area other = f.b.add_area("North Yorkshire SCP");
  f.b.add_action(other, ymd(2024, 2, 1), ymd(2024, 3, 1));
  const std::string both = render_review_pack(f.b.plan, as_of, ReportFormat::markdown);
  CHECK(contains(both, "2 partnerships"));
  CHECK(contains(section(both, "## Overdue actions"), "### North Yorkshire SCP"));
  ReviewPackOptions options;
  options.partnership = other.partnership;
  const std::string one = render_review_pack(f.b.plan, as_of, ReportFormat::markdown, options);
  CHECK_FALSE(contains(one, "North Lincolnshire"));
  CHECK(contains(one, "North Yorkshire SCP"));
  CHECK_FALSE(contains(one, "### North Yorkshire SCP"));  // one partnership: no sub-headings
}

TEST_CASE("review pack: empty plan and empty sections say so") {
  Plan empty;
  const std::string pack = render_review_pack(empty, as_of, ReportFormat::html);
  CHECK(contains(pack, "The plan holds no partnership."));
  Builder b;
  const std::string quiet = render_review_pack(b.plan, as_of, ReportFormat::markdown);
  CHECK(contains(quiet, "_No overdue actions._"));
  CHECK(contains(quiet, "_No escalations in the period._"));
  CHECK(contains(quiet, "_No audit plan has open actions._"));
}

TEST_CASE("review pack refuses what it cannot report on") {
  PackFixture f;
  ReviewPackOptions unknown;
  unknown.partnership = PartnershipId{99};
  CHECK_THROWS_AS(render_review_pack(f.b.plan, as_of, ReportFormat::html, unknown), NotFoundError);
  ReviewPackOptions same_day;
  same_day.since = as_of;
  CHECK_THROWS_WITH_AS(render_review_pack(f.b.plan, as_of, ReportFormat::html, same_day),
                       doctest::Contains("since"), ValidationError);
  CHECK_THROWS_AS(render_review_pack(f.b.plan, Date{}, ReportFormat::html), ValidationError);
  ReviewPackOptions no_date;
  no_date.since = Date{};
  CHECK_THROWS_WITH_AS(render_review_pack(f.b.plan, as_of, ReportFormat::html, no_date),
                       doctest::Contains("since: the start of the period is not a date"), ValidationError);
}

// ---- the 7 minute briefing -------------------------------------------------------------------

namespace {

struct BriefingFixture {
  Builder b;
  FindingId good, worry, area, learning;
  BriefingFixture() {
    for (const auto& [ref, from, to, panel] :
         {std::tuple{"CAC-01", 9, 11, true}, std::tuple{"CAC-02", 14, 16, true},
          std::tuple{"CAC-03", 15, 17, false}}) {
      Case c;
      c.audit = b.area.audit;
      c.reference = ref;
      c.age_band = {from, to};
      c.discussed_at_panel = panel;
      c.involvement = Involvement::child_in_need;
      b.plan.add(c);
    }
    good = b.add_finding(FindingCategory::good_practice, "Words and Pictures work evident in records");
    worry = b.add_finding(FindingCategory::worry,
                          "No evidence of work for a 17 year old transitioning, see CAC-03");
    area = b.add_finding(
        FindingCategory::area_for_development,
        "Child aged 15 was not seen alone (CAC-02); the children were between 9 and 17 years old");
    learning = b.add_finding(FindingCategory::learning_theme, "Flags on records can become out of date");
    Action a = b.draft(ymd(2024, 2, 1), ymd(2024, 12, 31));
    a.title = "Review every flag on the records of children aged 9 to 17";
    a.finding = worry;
    b.plan.add(a);
  }
};

}  // namespace

TEST_CASE("briefing: the seven parts in order, each finding in its part") {
  BriefingFixture f;
  for (const auto format : {ReportFormat::html, ReportFormat::markdown}) {
    const std::string text = render_briefing(f.b.plan, f.b.area.audit, as_of, format);
    std::size_t last = 0;
    for (const auto part : briefing_parts) {
      CAPTURE(part);
      const auto at = text.find(part);
      REQUIRE(at != std::string::npos);
      CHECK(at > last);
      last = at;
    }
    const auto position = [&](std::string_view s) { return text.find(s); };
    CHECK(position("Words and Pictures") > position("good practice"));
    CHECK(position("Words and Pictures") < position("worries and areas"));
    CHECK(position("Flags on records") > position("Key learning"));
    CHECK(position("Flags on records") < position("Next steps"));
    CHECK(contains(text, "Review every flag"));
  }
}

TEST_CASE("briefing: cases in aggregate only, references and individual ages withheld") {
  BriefingFixture f;
  for (const auto format : {ReportFormat::html, ReportFormat::markdown}) {
    const std::string text = render_briefing(f.b.plan, f.b.area.audit, as_of, format);
    CHECK(contains(text, "Three children aged 9 to 17"));
    CHECK(contains(text, "two were discussed at panel"));
    CHECK(contains(text, "three child in need"));
    for (const auto* ref : {"CAC-01", "CAC-02", "CAC-03"}) CHECK_FALSE(contains(text, ref));
    CHECK_FALSE(contains(text, "17 year old"));
    CHECK_FALSE(contains(text, "aged 15"));
    CHECK(contains(text, "case reference withheld"));
    CHECK(contains(text, "age withheld"));
    CHECK(contains(text, "aged 9 to 17"));  // a range describes a group: the action title keeps it
    CHECK(contains(text, "between 9 and 17 years old"));
  }
  SUBCASE("two cases: no age range, since each end would be one child's") {
    Builder pair;
    for (const auto& [ref, from, to] : {std::tuple{"TRA-01", 9, 11}, std::tuple{"TRA-02", 15, 17}}) {
      Case c;
      c.audit = pair.area.audit;
      c.reference = ref;
      c.age_band = {from, to};
      c.discussed_at_panel = true;
      pair.plan.add(c);
    }
    const std::string text = render_briefing(pair.plan, pair.area.audit, as_of, ReportFormat::markdown);
    CHECK(contains(text, "Two children were audited by three agencies; both were discussed at panel."));
    CHECK_FALSE(contains(text, "aged"));
  }
  SUBCASE("one case: no age band at all") {
    Builder single;
    Case c;
    c.audit = single.area.audit;
    c.reference = "TRA-01";
    c.age_band = {14, 16};
    single.plan.add(c);
    const std::string text = render_briefing(single.plan, single.area.audit, as_of, ReportFormat::markdown);
    CHECK(contains(text, "One child's case was audited"));
    CHECK_FALSE(contains(text, "14"));
    CHECK_FALSE(contains(text, "16"));
  }
}

TEST_CASE("briefing: a level of involvement only one child has is counted as other") {
  Builder b;
  const std::array levels{Involvement::child_in_need, Involvement::child_in_need, Involvement::child_in_need,
                          Involvement::child_protection_plan, Involvement::looked_after};
  for (std::size_t i = 0; i < levels.size(); ++i) {
    Case c;
    c.audit = b.area.audit;
    c.reference = "MA-" + std::to_string(i + 1);
    c.age_band = {10, 12};
    c.involvement = levels[i];
    b.plan.add(c);
  }
  const std::string text = render_briefing(b.plan, b.area.audit, as_of, ReportFormat::markdown);
  CHECK(contains(text, "Level of involvement: three child in need and two other."));
  CHECK_FALSE(contains(text, "looked after"));
  CHECK_FALSE(contains(text, "protection plan"));

  SUBCASE("no level shared by two children: no sentence") {
    Builder few;
    for (const auto level : {Involvement::child_in_need, Involvement::looked_after, Involvement::universal}) {
      Case c;
      c.audit = few.area.audit;
      c.reference = "MA-" + std::to_string(static_cast<int>(level));
      c.age_band = {10, 12};
      c.involvement = level;
      few.plan.add(c);
    }
    CHECK_FALSE(contains(render_briefing(few.plan, few.area.audit, as_of, ReportFormat::markdown),
                         "Level of involvement"));
  }
}

TEST_CASE("briefing: names and owners go through the withholder too") {
  BriefingFixture f;
  Action a = f.b.draft(ymd(2024, 2, 1), ymd(2024, 12, 31));
  a.title = "Plan for the transition";
  a.owner = owned_by(f.b.police, "Officer in case CAC-03");
  a.owner.lead = "worker for the 17 year old";
  a.success_measure = "Seen alone, as CAC-01 was not";
  f.b.plan.add(a);
  for (const auto format : {ReportFormat::html, ReportFormat::markdown}) {
    const std::string text = render_briefing(f.b.plan, f.b.area.audit, as_of, format);
    CHECK(contains(text, "Plan for the transition"));
    CHECK_FALSE(contains(text, "CAC-03"));
    CHECK_FALSE(contains(text, "CAC-01"));
    CHECK_FALSE(contains(text, "17 year old"));
    CHECK_FALSE(contains(text, "16yo"));
    const std::string withheld =
        format == ReportFormat::html ? "[case reference withheld]" : "\\[case reference withheld\\]";
    CHECK(contains(text, "Officer in case " + withheld + " (lead: worker for the "));
    CHECK(contains(text, "Seen alone, as " + withheld + " was not"));
  }
  Audit themed_audit = f.b.plan.audit(f.b.area.audit);
  themed_audit.id = {};
  themed_audit.title = "Transitions audit";
  themed_audit.themes = {f.b.plan.add(Theme{{}, "Transitions at 16yo"}).id};
  const AuditId themed = f.b.plan.add(themed_audit).id;
  const std::string text = render_briefing(f.b.plan, themed, as_of, ReportFormat::html);
  CHECK(contains(text, "looking at Transitions at [age withheld]"));
  CHECK_FALSE(contains(text, "16yo"));
}

TEST_CASE("briefing Markdown: text that would start a block, strike or name an entity stays text") {
  BriefingFixture f;
  for (const auto* text : {"- looks like an item", "12. looks like a numbered item", "> looks like a quote",
                           "~~looks struck~~ &amp; more"})
    f.b.add_finding(FindingCategory::good_practice, text);
  const std::string md = render_briefing(f.b.plan, f.b.area.audit, as_of, ReportFormat::markdown);
  CHECK(contains(md, "\n- \\- looks like an item\n"));
  CHECK(contains(md, "\n- 12\\. looks like a numbered item\n"));
  CHECK(contains(md, "\n- \\> looks like a quote\n"));
  CHECK(contains(md, "\n- \\~\\~looks struck\\~\\~ \\&amp; more\n"));
}

TEST_CASE("withheld_text: a case reference however it is written") {
  Builder b;
  for (const auto* ref : {"CAC-01", "DA-1", "DA-10", "Child A"}) {
    Case c;
    c.audit = b.area.audit;
    c.reference = ref;
    c.age_band = {9, 11};
    b.plan.add(c);
  }
  const std::string mark = "[case reference withheld]";
  for (const auto* written : {"CAC-01", "cac-01", "CAC 01", "CAC-1", "CAC01", "Cac_001", "CAC\u201301",
                              "CAC / 01", "CAC.1", "child a", "CHILD-A"}) {
    CAPTURE(written);
    CHECK(withheld_text(b.plan, std::string("seen in ") + written + ", twice") ==
          "seen in " + mark + ", twice");
  }
  CHECK(withheld_text(b.plan, "DA-10 and DA-1; da10, da 01") ==
        mark + " and " + mark + "; " + mark + ", " + mark);
  // Tokens, not substrings: another number, a longer word, or other punctuation between is not the reference.
  for (const auto* other : {"CAC-011", "CAC-10", "ZCAC-01", "DA-100", "CAC, 01", "children a"}) {
    CAPTURE(other);
    CHECK(withheld_text(b.plan, other) == other);
  }
}

TEST_CASE("withheld_text: an individual child's age, in digits or words") {
  const Plan plan;
  const std::string age = "[age withheld]";
  const std::vector<std::pair<std::string, std::string>> withheld{
      {"a 16-year-old girl", "a " + age + " girl"},
      {"a 16 year old", "a " + age},
      {"16 years old", age},
      {"15 year olds were seen", age + " were seen"},
      {"the 16yo", "the " + age},
      {"a 16 y/o boy", "a " + age + " boy"},
      {"a 16 y.o. boy", "a " + age + " boy"},
      {"Age: 16.", "Age: " + age + "."},
      {"aged 15", "aged " + age},
      {"aged 15 years", "aged " + age},
      {"AGED 15", "AGED " + age},
      {"ages 15 and 16", "ages " + age},
      {"aged 4 and 15", "aged " + age},
      {"aged 15 or 16", "aged " + age},
      {"aged 9, 12 and 17", "aged " + age},
      {"4 and 15 years old", age},
      {"15 years of age", age},
      {"at the age of 16", "at the age of " + age},
      {"a sixteen year old", "a " + age},
      {"aged sixteen", "aged " + age},
      {"a six month old baby", "a " + age + " baby"},
      {"she turned 16 in May", "she turned " + age + " in May"},
      {"her 16th birthday", "her " + age + " birthday"},
      {"her sixteenth birthday", "her " + age + " birthday"},
  };
  for (const auto& [text, expected] : withheld) {
    CAPTURE(text);
    CHECK(withheld_text(plan, text) == expected);
  }
  // Ranges and thresholds describe a group; other numbers are not ages.
  for (const auto* kept :
       {"aged 9 to 17", "aged 9-17", "aged 9\u201317", "aged 9 - 17", "between 9 and 17 years old",
        "9 to 17 year olds", "aged between 9 and 17", "aged 16 and over", "aged 16+", "under 5s",
        "16 agencies", "in 2016 the service", "aged 150", "15 March 2024", "someone years old"}) {
    CAPTURE(kept);
    CHECK(withheld_text(plan, kept) == kept);
  }
}

TEST_CASE("briefing: the editorial text of the latest briefing written by the date") {
  BriefingFixture f;
  Briefing first;
  first.audit = f.b.area.audit;
  first.title = "7 minute briefing: child to adult conflict";
  first.written_on = ymd(2024, 3, 1);
  first.why_it_matters = "Child to adult conflict is a priority.\n\nIt is often hidden.";
  first.reflection = {"Discuss with your supervisor"};
  first.further_information = {"Respect young people's programme"};
  const BriefingId id = f.b.plan.add(first).id;
  f.b.plan.record(Dissemination{id, ymd(2024, 4, 2), {f.b.police, f.b.health}, "LIS business manager", ""});
  Briefing later = first;
  later.id = {};
  later.title = "Revised briefing";
  later.written_on = ymd(2024, 10, 1);
  f.b.plan.add(later);

  const std::string text = render_briefing(f.b.plan, f.b.area.audit, as_of, ReportFormat::markdown);
  CHECK(text.starts_with("# 7 minute briefing: child to adult conflict\n"));
  CHECK(contains(text, "Child to adult conflict is a priority.\n\nIt is often hidden."));
  CHECK(contains(text, "- Discuss with your supervisor"));
  CHECK(contains(text, "- Respect young people's programme"));
  CHECK(contains(text,
                 "Published: 2 April 2024, reaching two agencies: Humberside Police and "
                 "Northern Lincolnshire and Goole NHS Trust"));
  CHECK(contains(render_briefing(f.b.plan, f.b.area.audit, ymd(2024, 4, 1), ReportFormat::markdown),
                 "not yet published (as of 1 April 2024)"));
  CHECK(render_briefing(f.b.plan, f.b.area.audit, ymd(2024, 10, 1), ReportFormat::markdown)
            .starts_with("# Revised briefing\n"));
  CHECK(render_briefing(f.b.plan, f.b.area.audit, ymd(2024, 2, 29), ReportFormat::markdown)
            .starts_with("# 7 minute briefing: " + f.b.plan.audit(f.b.area.audit).title +
                         "\n"));  // none written yet: the audit's title
}

TEST_CASE("briefing refuses an unknown audit or a missing date") {
  BriefingFixture f;
  CHECK_THROWS_AS(render_briefing(f.b.plan, AuditId{42}, as_of, ReportFormat::html), NotFoundError);
  CHECK_THROWS_AS(render_briefing(f.b.plan, f.b.area.audit, Date{}, ReportFormat::html), ValidationError);
}
