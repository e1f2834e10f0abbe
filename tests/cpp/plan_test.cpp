// Plan: ids, references, dates, history and sign-off rules (plan.hpp), the
// personal-data check on case references, enum names and ISO dates.
// Every refusal is checked for its exact kind, for a message naming what was
// wrong, and for leaving the plan exactly as it was (CHECK_REFUSED).
#include "plansight/plan.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <limits>
#include <random>
#include <ranges>
#include <set>

#include "fixtures.hpp"
#include "plansight/dates.hpp"
#include "plansight/dependencies.hpp"
#include "plansight/enums.hpp"
#include "plansight/status.hpp"

using namespace plansight;
using namespace plansight::testing;

namespace {

const Date created = ymd(2024, 2, 1);
const Date due = ymd(2024, 6, 30);

Audit audit_in(PartnershipId p, Date held = ymd(2024, 1, 15)) {
  Audit a;
  a.partnership = p;
  a.title = "Learning themes audit: domestic abuse";
  a.kind = AuditKind::learning_themes_audit;
  a.held_on = held;
  return a;
}

Case case_in(AuditId audit, std::string reference) {
  Case c;
  c.audit = audit;
  c.reference = std::move(reference);
  c.age_band = {9, 17};
  c.involvement = Involvement::child_in_need;
  return c;
}

Finding finding_in(AuditId audit) {
  Finding f;
  f.audit = audit;
  f.category = FindingCategory::worry;
  f.text = "Record flags not reviewed";
  return f;
}

Recommendation recommendation_in(AuditId audit) {
  Recommendation r;
  r.audit = audit;
  r.text = "Review record flags every six months";
  return r;
}

ImmediateConcern concern_about(const Case& c, AgencyId agency, Date raised = ymd(2024, 1, 15)) {
  ImmediateConcern ic;
  ic.audit = c.audit;
  ic.case_id = c.id;
  ic.agency = agency;
  ic.raised_on = raised;
  ic.description = "No strategy discussion after disclosure";
  return ic;
}

Evidence evidence(ActionId id, Date on, EvidenceId eid = {}) {
  return Evidence{eid,           id, on, EvidenceKind::completion, "Training attendance: 84 practitioners",
                  "LSCP trainer"};
}

DueDateRevision revision(ActionId id, Date on, Date new_due) {
  return DueDateRevision{id, on, new_due, "training provider cancelled", "LIS chair"};
}

Assurance assurance(ActionId id, Date on, GroupId group) {
  return Assurance{id, on, group, "re-audit shows change in practice", "LIS chair"};
}

}  // namespace

// ---- ids ----------------------------------------------------------------------

TEST_CASE("an unassigned id gets the next free id") {
  Plan plan;
  CHECK(plan.add(Partnership{{}, "North Yorkshire SCP"}).id == PartnershipId(1));
  CHECK(plan.add(Partnership{{}, "Dudley SCB"}).id == PartnershipId(2));
  CHECK(plan.add(Agency{{}, "Police", Sector::police}).id == AgencyId(1));
  CHECK(plan.add(Theme{{}, "voice of the child"}).id == ThemeId(1));
}

TEST_CASE("an explicit id is kept and unassigned ids continue after the highest") {
  Plan plan;
  CHECK(plan.add(Partnership{PartnershipId(10), "North Yorkshire SCP"}).id == PartnershipId(10));
  CHECK(plan.add(Partnership{PartnershipId(4), "Dudley SCB"}).id == PartnershipId(4));
  CHECK(plan.add(Partnership{{}, "North Lincolnshire"}).id == PartnershipId(11));
  CHECK(plan.partnership(PartnershipId(4)).name == "Dudley SCB");
}

TEST_CASE("actions get the next free action id") {
  Builder b;
  const auto first = b.add_action(created, due);
  const auto second = b.add_action(created, due);
  CHECK(first == ActionId(1));
  CHECK(second == ActionId(2));
  Action explicit_id = b.draft(created, due);
  explicit_id.id = ActionId(100);
  CHECK(b.plan.add(explicit_id).id == ActionId(100));
  CHECK(b.add_action(created, due) == ActionId(101));
}

TEST_CASE("reserve keeps audits and findings in place while that many are added, and changes nothing else") {
  Builder b;  // holds an audit and a finding
  const auto first = b.add_action(created, due);
  b.plan.reserve({.audits = 50, .findings = 60, .actions = 200});
  const Audit* audit = &b.plan.audits().front();
  const Finding* finding = &b.plan.findings().front();
  b.plan.reserve({});  // less than held: no change
  CHECK(b.plan.actions().size() == 1);
  CHECK(b.plan.audits().size() == 1);
  CHECK(b.plan.findings().size() == 1);
  for (int i = 1; i < 200; ++i) b.add_action(created, due);
  for (int i = 1; i < 50; ++i) {
    Audit a = b.plan.audits().front();
    a.id = AuditId();
    b.plan.add(std::move(a));
  }
  for (int i = 1; i < 60; ++i) {
    Finding f = b.plan.findings().front();
    f.id = FindingId();
    b.plan.add(std::move(f));
  }
  CHECK(&b.plan.audits().front() == audit);  // no audit moved
  CHECK(&b.plan.findings().front() == finding);
  CHECK(b.plan.audits().capacity() == 50);  // and no room beyond
  CHECK(b.plan.findings().capacity() == 60);
  CHECK(b.plan.actions().size() == 200);
  CHECK(b.plan.action(ActionId(200)).id == ActionId(200));
  b.plan.add_dependency(ActionId(200), first);  // the graph has a vertex for each
  CHECK(b.plan.dependencies().size() == 1);
}

// The id index is a direct table while ids stay dense and a hash map once one
// falls far outside them: every lookup answers the same either way.
TEST_CASE("actions are found by id whether their ids are dense, descending or far apart") {
  Builder b;
  const std::vector<std::int64_t> ids{50, 51, 3, 1, 49, 4'000'000'000, 52, 7'000'000'000'000};
  std::vector<ActionId> added;
  for (const auto id : ids) {
    Action a = b.draft(created, due);
    a.id = ActionId(id);
    a.title = "action " + std::to_string(id);
    added.push_back(b.plan.add(a).id);
    for (const auto seen : added)
      CHECK(b.plan.action(seen).title == "action " + std::to_string(seen.value()));
  }
  const auto next = b.add_action(created, due);
  CHECK(next == ActionId(7'000'000'000'001));
  CHECK(b.plan.action(next).id == next);
  for (const std::int64_t absent : {2L, 5L, 48L, 53L, 1'000'000L, 3'999'999'999L})
    CHECK(b.plan.find_action(ActionId(absent)).has_value() == false);
  CHECK_THROWS_AS(b.plan.action(ActionId(2)), NotFoundError);
  // Positions stay those of insertion: actions() is in the order added.
  REQUIRE(b.plan.actions().size() == added.size() + 1);
  for (std::size_t i = 0; i < added.size(); ++i) CHECK(b.plan.actions()[i].id == added[i]);
}

// Ids arriving newest first (a CSV export sorted so, say) keep a direct
// table whose room before the lowest id grows geometrically.
TEST_CASE("actions added in descending id order are all found, and ids outside are not") {
  Builder b;
  const std::int64_t highest = 3000;
  for (std::int64_t id = highest; id >= 1; --id) {
    Action a = b.draft(created, due);
    a.id = ActionId(id);
    a.title = "action " + std::to_string(id);
    b.plan.add(a);
  }
  for (std::int64_t id = 1; id <= highest; ++id) {
    CAPTURE(id);
    REQUIRE(b.plan.find_action(ActionId(id)).has_value());
    CHECK(b.plan.action(ActionId(id)).title == "action " + std::to_string(id));
  }
  CHECK(b.plan.actions().front().id == ActionId(highest));
  CHECK(b.add_action(created, due) == ActionId(highest + 1));
}

// Lookups of any id at all, however far from the plan's, answer "none"
// without arithmetic overflow (which the sanitizer build reports), in a plan
// whose index is a table and in one whose index is a hash map.
TEST_CASE("find_action of extreme ids finds nothing, in a dense and a sparse index") {
  const auto lowest = std::numeric_limits<std::int64_t>::min();
  const auto highest = std::numeric_limits<std::int64_t>::max();
  for (const std::int64_t far : {std::int64_t{0}, (std::int64_t{1} << 62) + 1}) {
    CAPTURE(far);
    Builder b;
    b.add_action(created, due);
    if (far != 0) {
      Action a = b.draft(created, due);
      a.id = ActionId(far);
      b.plan.add(a);
      CHECK(b.plan.action(ActionId(far)).id == ActionId(far));
    }
    for (const std::int64_t id : {lowest, lowest + 1, std::int64_t{-1}, highest - 1, highest})
      CHECK(b.plan.find_action(ActionId(id)).has_value() == false);
    CHECK(b.plan.action(ActionId(1)).id == ActionId(1));
  }
}

TEST_CASE("an action id added twice is refused, in a dense and in a sparse index") {
  for (const std::int64_t far : {60L, 9'000'000'000L}) {
    CAPTURE(far);
    Builder b;
    for (const std::int64_t id : {std::int64_t{10}, far}) {
      Action a = b.draft(created, due);
      a.id = ActionId(id);
      b.plan.add(a);
    }
    Action again = b.draft(created, due);
    again.id = ActionId(far);
    const auto before = fingerprint(b.plan);
    CHECK_THROWS_AS(b.plan.add(again), ConflictError);
    CHECK(fingerprint(b.plan) == before);
  }
}

TEST_CASE("prepare assigns the id add would give and changes nothing") {
  Builder b;
  const auto before = fingerprint(b.plan);
  const Action prepared = b.plan.prepare(b.draft(created, due));
  CHECK(prepared.id == ActionId(1));
  CHECK(fingerprint(b.plan) == before);
  CHECK(b.plan.actions().empty());
  CHECK(b.plan.add(b.draft(created, due)).id == prepared.id);
}

TEST_CASE("prepare refuses exactly what add refuses") {
  Builder b;
  Action a = b.draft(created, ymd(2024, 1, 31));
  CHECK_REFUSED(b.plan, b.plan.prepare(a), ValidationError, "due_on");
  CHECK_REFUSED(b.plan, b.plan.add(a), ValidationError, "due_on");
  CHECK(b.plan.prepare(a, Provenance::recorded).id == ActionId(1));
}

TEST_CASE("a duplicate id is refused with ConflictError") {
  Builder b;
  const auto action = b.add_action(created, due);
  const Case the_case = b.plan.add(case_in(b.area.audit, "Child A"));

  SUBCASE("partnership") {
    CHECK_REFUSED(b.plan, b.plan.add(Partnership{b.area.partnership, "Other"}), ConflictError,
                  "partnership 1 already exists");
  }
  SUBCASE("agency") {
    CHECK_REFUSED(b.plan, b.plan.add(Agency{b.health, "Other", Sector::health}), ConflictError,
                  "agency 3 already exists");
  }
  SUBCASE("group") {
    CHECK_REFUSED(b.plan, b.plan.add(Group{b.area.lis, b.area.partnership, "SPLIG"}), ConflictError,
                  "group 1 already exists");
  }
  SUBCASE("theme") {
    const auto theme = b.plan.add(Theme{{}, "information sharing"}).id;
    CHECK_REFUSED(b.plan, b.plan.add(Theme{theme, "trauma"}), ConflictError, "theme 1 already exists");
  }
  SUBCASE("audit") {
    Audit a = audit_in(b.area.partnership);
    a.id = b.area.audit;
    CHECK_REFUSED(b.plan, b.plan.add(a), ConflictError, "audit 1 already exists");
  }
  SUBCASE("case") {
    Case c = case_in(b.area.audit, "Child B");
    c.id = the_case.id;
    CHECK_REFUSED(b.plan, b.plan.add(c), ConflictError, "case 1 already exists");
  }
  SUBCASE("agency return") {
    const auto r = b.plan.add(AgencyReturn{{}, the_case.id, b.police, {}}).id;
    CHECK_REFUSED(b.plan, b.plan.add(AgencyReturn{r, the_case.id, b.health, {}}), ConflictError,
                  "agency return 1 already exists");
  }
  SUBCASE("finding") {
    Finding f = finding_in(b.area.audit);
    f.id = b.area.finding;
    CHECK_REFUSED(b.plan, b.plan.add(f), ConflictError, "finding 1 already exists");
  }
  SUBCASE("recommendation") {
    Recommendation r = recommendation_in(b.area.audit);
    r.id = b.plan.add(recommendation_in(b.area.audit)).id;
    CHECK_REFUSED(b.plan, b.plan.add(r), ConflictError, "recommendation 1 already exists");
  }
  SUBCASE("action") {
    Action a = b.draft(created, due);
    a.id = action;
    CHECK_REFUSED(b.plan, b.plan.add(a), ConflictError, "action 1 already exists");
  }
  SUBCASE("immediate concern") {
    ImmediateConcern c = concern_about(the_case, b.police);
    c.id = b.plan.add(concern_about(the_case, b.police)).id;
    CHECK_REFUSED(b.plan, b.plan.add(c), ConflictError, "immediate concern 1 already exists");
  }
  SUBCASE("evidence") {
    const auto first = b.add_evidence(action, created);
    CHECK_REFUSED(b.plan, b.plan.record(evidence(action, created, first)), ConflictError,
                  "evidence 1 already exists");
  }
}

TEST_CASE("a theme name is used once") {
  Plan plan;
  plan.add(Theme{{}, "professional curiosity"});
  CHECK_REFUSED(plan, plan.add(Theme{{}, "professional curiosity"}), ConflictError,
                "theme 'professional curiosity' already exists");
}

// ---- lookups --------------------------------------------------------------------

TEST_CASE("lookups by an unknown id throw NotFoundError naming the kind and id") {
  Builder b;
  CHECK_THROWS_WITH_AS(b.plan.partnership(PartnershipId(99)), doctest::Contains("no partnership 99"),
                       NotFoundError);
  CHECK_THROWS_WITH_AS(b.plan.agency(AgencyId(99)), doctest::Contains("no agency 99"), NotFoundError);
  CHECK_THROWS_WITH_AS(b.plan.group(GroupId(99)), doctest::Contains("no group 99"), NotFoundError);
  CHECK_THROWS_WITH_AS(b.plan.theme(ThemeId(99)), doctest::Contains("no theme 99"), NotFoundError);
  CHECK_THROWS_WITH_AS(b.plan.audit(AuditId(99)), doctest::Contains("no audit 99"), NotFoundError);
  CHECK_THROWS_WITH_AS(b.plan.case_(CaseId(99)), doctest::Contains("no case 99"), NotFoundError);
  CHECK_THROWS_WITH_AS(b.plan.finding(FindingId(99)), doctest::Contains("no finding 99"), NotFoundError);
  CHECK_THROWS_WITH_AS(b.plan.recommendation(RecommendationId(99)), doctest::Contains("no recommendation 99"),
                       NotFoundError);
  CHECK_THROWS_WITH_AS(b.plan.action(ActionId(99)), doctest::Contains("no action 99"), NotFoundError);
  CHECK_THROWS_WITH_AS(b.plan.concern(ConcernId(99)), doctest::Contains("no immediate concern 99"),
                       NotFoundError);
}

// Plan::actions() is a view of the plan; each action read from it is a copy.
static_assert(std::ranges::random_access_range<ActionList>);
static_assert(std::ranges::sized_range<ActionList>);
static_assert(std::random_access_iterator<ActionList::iterator>);
static_assert(std::same_as<std::iter_reference_t<ActionList::iterator>, Action>);
static_assert(std::ranges::borrowed_range<ActionList>);

// owner_at() of an action about to be destroyed is refused at compile time.
template <class A>
constexpr bool owner_at_takes = requires(A&& a) { owner_at(std::forward<A>(a), Date()); };
static_assert(owner_at_takes<const Action&>);
static_assert(!owner_at_takes<Action>);

TEST_CASE("actions() lists the plan's actions as copies, in the order added, and follows the plan") {
  Builder b;
  const auto list = b.plan.actions();
  CHECK(list.empty());
  CHECK(list.begin() == list.end());
  const auto first = b.add_action(created, due);
  const auto second = b.add_action(created, due + boost::gregorian::days(1));
  const auto third = b.add_action(created, due + boost::gregorian::days(2));
  REQUIRE(list.size() == 3);  // the same list, taken before they were added
  CHECK(list.front().id == first);
  CHECK(list.back().id == third);
  CHECK(list[1].id == second);
  CHECK(list[1].due_on == due + boost::gregorian::days(1));

  SUBCASE("iterators move both ways, jump and compare") {
    auto it = list.begin();
    CHECK((*it).id == first);
    CHECK(it->id == first);
    CHECK((++it)->id == second);
    CHECK((it++)->id == second);
    CHECK(it->id == third);
    CHECK((--it)->id == second);
    CHECK((it--)->id == second);
    CHECK(it == list.begin());
    CHECK((it + 2)->id == third);
    CHECK((2 + it)->id == third);
    CHECK(it[1].id == second);
    CHECK(list.end() - list.begin() == 3);
    CHECK((list.end() - 1)->id == third);
    CHECK(list.begin() < list.end());
    CHECK(list.end() > list.begin() + 2);
    it += 3;
    CHECK(it == list.end());
    it -= 3;
    CHECK(it == list.begin());
    CHECK(ActionList::iterator() == ActionList::iterator());
    // The std:: helpers take it as random access: a step back, a jump.
    CHECK(std::prev(list.end())->id == third);
    CHECK(std::next(list.begin(), 2)->id == third);
    CHECK(std::distance(list.begin(), list.end()) == 3);
    auto back = list.end();
    std::advance(back, -3);
    CHECK(back == list.begin());
  }
  SUBCASE("standard algorithms and ranges read it") {
    std::vector<ActionId> ids;
    for (const Action& a : list) ids.push_back(a.id);
    CHECK(ids == std::vector{first, second, third});
    const auto found = std::ranges::find(b.plan.actions(), third, &Action::id);  // borrowed: not dangling
    REQUIRE(found != list.end());
    CHECK(found - list.begin() == 2);
    CHECK(std::ranges::count_if(list, [&](const Action& a) { return a.due_on > due; }) == 2);
    // A view's projection returns by value: a member pointer would name a
    // member of the element already gone (see ActionList).
    auto reversed = list | std::views::reverse | std::views::transform([](const Action& a) { return a.id; });
    CHECK(std::vector(reversed.begin(), reversed.end()) == std::vector{third, second, first});
  }
  SUBCASE("an action read is the reader's: later changes to the plan leave it as it was") {
    const Action before = b.plan.action(first);
    const Action listed = list[0];
    const auto found = b.plan.find_action(first);
    b.plan.record(update(first, created, Status::in_progress));
    CHECK(before.updates.empty());
    CHECK(listed.updates.empty());
    CHECK(found->updates.empty());
    CHECK(b.plan.action(first).updates.size() == 1);
    CHECK(list[0].updates.size() == 1);
  }
}

TEST_CASE("find functions return nullptr for what is not there") {
  Builder b;
  const auto id = b.add_action(created, due);
  CHECK(b.plan.find_action(ActionId(99)).has_value() == false);
  REQUIRE(b.plan.find_action(id).has_value());
  CHECK(b.plan.find_action(id)->title == "Refresh voice of the child training");
  CHECK(b.plan.find_theme("trauma") == nullptr);
  CHECK(b.plan.find_agency("Probation") == nullptr);
  REQUIRE(b.plan.find_agency("Humberside Police") != nullptr);
  CHECK(b.plan.find_agency("Humberside Police")->id == b.police);
  CHECK(b.plan.find_partnership("Dudley SCB") == nullptr);
  CHECK(b.plan.find_partnership("North Lincolnshire Children's MARS")->id == b.area.partnership);
}

// ---- dangling references ----------------------------------------------------------

TEST_CASE("a dangling reference is refused with NotFoundError naming it") {
  Builder b;
  const Case the_case = b.plan.add(case_in(b.area.audit, "Child A"));
  const auto action = b.add_action(created, due);

  SUBCASE("group to partnership") {
    CHECK_REFUSED(b.plan, b.plan.add(Group{{}, PartnershipId(99), "LIS"}), NotFoundError,
                  "no partnership 99");
  }
  SUBCASE("audit to partnership") {
    CHECK_REFUSED(b.plan, b.plan.add(audit_in(PartnershipId(99))), NotFoundError, "no partnership 99");
  }
  SUBCASE("audit to theme") {
    Audit a = audit_in(b.area.partnership);
    a.themes = {ThemeId(99)};
    CHECK_REFUSED(b.plan, b.plan.add(a), NotFoundError, "no theme 99");
  }
  SUBCASE("audit to agency") {
    Audit a = audit_in(b.area.partnership);
    a.agencies = {b.police, AgencyId(99)};
    CHECK_REFUSED(b.plan, b.plan.add(a), NotFoundError, "no agency 99");
  }
  SUBCASE("re-audit to the audit it re-audits") {
    Audit a = audit_in(b.area.partnership);
    a.kind = AuditKind::re_audit;
    a.reaudit_of = AuditId(99);
    CHECK_REFUSED(b.plan, b.plan.add(a), NotFoundError, "no audit 99");
  }
  SUBCASE("case to audit") {
    CHECK_REFUSED(b.plan, b.plan.add(case_in(AuditId(99), "Child B")), NotFoundError, "no audit 99");
  }
  SUBCASE("agency return to case") {
    CHECK_REFUSED(b.plan, b.plan.add(AgencyReturn{{}, CaseId(99), b.police, {}}), NotFoundError,
                  "no case 99");
  }
  SUBCASE("agency return to agency") {
    CHECK_REFUSED(b.plan, b.plan.add(AgencyReturn{{}, the_case.id, AgencyId(99), {}}), NotFoundError,
                  "no agency 99");
  }
  SUBCASE("finding to audit") {
    CHECK_REFUSED(b.plan, b.plan.add(finding_in(AuditId(99))), NotFoundError, "no audit 99");
  }
  SUBCASE("finding to case") {
    Finding f = finding_in(b.area.audit);
    f.cases = {CaseId(99)};
    CHECK_REFUSED(b.plan, b.plan.add(f), NotFoundError, "no case 99");
  }
  SUBCASE("finding to theme") {
    Finding f = finding_in(b.area.audit);
    f.themes = {ThemeId(99)};
    CHECK_REFUSED(b.plan, b.plan.add(f), NotFoundError, "no theme 99");
  }
  SUBCASE("finding to agency") {
    Finding f = finding_in(b.area.audit);
    f.agencies = {AgencyId(99)};
    CHECK_REFUSED(b.plan, b.plan.add(f), NotFoundError, "no agency 99");
  }
  SUBCASE("recommendation to audit") {
    CHECK_REFUSED(b.plan, b.plan.add(recommendation_in(AuditId(99))), NotFoundError, "no audit 99");
  }
  SUBCASE("recommendation to finding") {
    Recommendation r = recommendation_in(b.area.audit);
    r.findings = {FindingId(99)};
    CHECK_REFUSED(b.plan, b.plan.add(r), NotFoundError, "no finding 99");
  }
  SUBCASE("action to partnership") {
    Action a = b.draft(created, due);
    a.partnership = PartnershipId(99);
    CHECK_REFUSED(b.plan, b.plan.add(a), NotFoundError, "no partnership 99");
  }
  SUBCASE("action to audit") {
    Action a = b.draft(created, due);
    a.audit = AuditId(99);
    CHECK_REFUSED(b.plan, b.plan.add(a), NotFoundError, "no audit 99");
  }
  SUBCASE("action to finding") {
    Action a = b.draft(created, due);
    a.finding = FindingId(99);
    CHECK_REFUSED(b.plan, b.plan.add(a), NotFoundError, "no finding 99");
  }
  SUBCASE("action to recommendation") {
    Action a = b.draft(created, due);
    a.recommendation = RecommendationId(99);
    CHECK_REFUSED(b.plan, b.plan.add(a), NotFoundError, "no recommendation 99");
  }
  SUBCASE("action to owner agency") {
    Action a = b.draft(created, due);
    a.owner = owned_by(AgencyId(99));
    CHECK_REFUSED(b.plan, b.plan.add(a), NotFoundError, "no agency 99");
  }
  SUBCASE("action to owner group") {
    Action a = b.draft(created, due);
    a.owner = owned_by(GroupId(99));
    CHECK_REFUSED(b.plan, b.plan.add(a), NotFoundError, "no group 99");
  }
  SUBCASE("immediate concern to case") {
    ImmediateConcern c = concern_about(the_case, b.police);
    c.case_id = CaseId(99);
    CHECK_REFUSED(b.plan, b.plan.add(c), NotFoundError, "no case 99");
  }
  SUBCASE("immediate concern to agency") {
    CHECK_REFUSED(b.plan, b.plan.add(concern_about(the_case, AgencyId(99))), NotFoundError, "no agency 99");
  }
  SUBCASE("history to action") {
    CHECK_REFUSED(b.plan, b.plan.record(update(ActionId(99), due, Status::in_progress)), NotFoundError,
                  "no action 99");
    CHECK_REFUSED(b.plan, b.plan.record(revision(ActionId(99), due, due)), NotFoundError, "no action 99");
    CHECK_REFUSED(b.plan, b.plan.record(OwnerChange{ActionId(99), due, owned_by(b.health), "restructure"}),
                  NotFoundError, "no action 99");
    CHECK_REFUSED(b.plan, b.plan.record(evidence(ActionId(99), due)), NotFoundError, "no action 99");
    CHECK_REFUSED(b.plan, b.plan.record(assurance(ActionId(99), due, b.area.lis)), NotFoundError,
                  "no action 99");
  }
  SUBCASE("owner change to new owner") {
    CHECK_REFUSED(b.plan, b.plan.record(OwnerChange{action, due, owned_by(AgencyId(99)), "restructure"}),
                  NotFoundError, "no agency 99");
  }
  SUBCASE("assurance to group") {
    b.set_status(action, due, Status::complete);
    b.add_evidence(action, due);
    CHECK_REFUSED(b.plan, b.plan.record(assurance(action, due, GroupId(99))), NotFoundError, "no group 99");
  }
  SUBCASE("answer to concern") {
    CHECK_REFUSED(b.plan, b.plan.answer_concern(ConcernId(99), due, "Strategy discussion held"),
                  NotFoundError, "no immediate concern 99");
  }
}

// ---- references that cross audits or partnerships ------------------------------------

TEST_CASE("a re-audit of another partnership's audit is refused") {
  Builder b;
  const auto other = b.add_area("Dudley SCB");
  Audit a = audit_in(b.area.partnership, ymd(2025, 1, 15));
  a.kind = AuditKind::re_audit;
  a.reaudit_of = other.audit;
  CHECK_REFUSED(b.plan, b.plan.add(a), ValidationError, "reaudit_of",
                "audit 2 belongs to another partnership");
}

TEST_CASE("a re-audit held before the audit it re-audits is refused") {
  Builder b;
  Audit a = audit_in(b.area.partnership, ymd(2024, 1, 14));
  a.kind = AuditKind::re_audit;
  a.reaudit_of = b.area.audit;
  CHECK_REFUSED(b.plan, b.plan.add(a), ValidationError, "held_on", "2024-01-14", "2024-01-15");
}

TEST_CASE("a re-audit held on or after the original is accepted") {
  Builder b;
  Audit same_day = audit_in(b.area.partnership, ymd(2024, 1, 15));
  same_day.reaudit_of = b.area.audit;
  CHECK(b.plan.add(same_day).reaudit_of == b.area.audit);
  Audit a_year_on = audit_in(b.area.partnership, ymd(2025, 1, 15));
  a_year_on.reaudit_of = b.area.audit;
  CHECK(b.plan.add(a_year_on).id == AuditId(3));
}

TEST_CASE("an agency return from an agency not in the audit is refused") {
  Builder b;
  const auto probation = b.plan.add(Agency{{}, "Probation Service", Sector::justice}).id;
  const Case c = b.plan.add(case_in(b.area.audit, "Child A"));
  CHECK_REFUSED(b.plan, b.plan.add(AgencyReturn{{}, c.id, probation, {}}), ValidationError, "agency",
                "agency 4 does not take part in audit 1");
  const auto& ok =
      b.plan.add(AgencyReturn{{}, c.id, b.health, {{"voice of the child evident", Grade::good}}});
  CHECK(ok.gradings.size() == 1);
}

TEST_CASE("an audit listing no agencies takes returns from any agency") {
  Builder b;
  const auto audit = b.plan.add(audit_in(b.area.partnership)).id;
  const Case c = b.plan.add(case_in(audit, "Child A"));
  CHECK(b.plan.add(AgencyReturn{{}, c.id, b.police, {}}).agency == b.police);
}

TEST_CASE("an agency return grading needs a question") {
  Builder b;
  const Case c = b.plan.add(case_in(b.area.audit, "Child A"));
  CHECK_REFUSED(b.plan, b.plan.add(AgencyReturn{{}, c.id, b.police, {{" ", Grade::inadequate}}}),
                ValidationError, "question", "must not be empty");
}

TEST_CASE("a finding about a case of another audit is refused") {
  Builder b;
  const auto other_audit = b.plan.add(audit_in(b.area.partnership)).id;
  const auto other_case = b.plan.add(case_in(other_audit, "Child A")).id;
  Finding f = finding_in(b.area.audit);
  f.cases = {other_case};
  CHECK_REFUSED(b.plan, b.plan.add(f), ValidationError, "cases", "case 1 belongs to another audit");
}

TEST_CASE("a recommendation answering a finding of another audit is refused") {
  Builder b;
  const auto other = b.add_area("Dudley SCB");
  Recommendation r = recommendation_in(b.area.audit);
  r.findings = {b.area.finding, other.finding};
  CHECK_REFUSED(b.plan, b.plan.add(r), ValidationError, "findings", "finding 2 belongs to another audit");
}

TEST_CASE("an action must stay inside its partnership and audit") {
  Builder b;
  const auto other = b.add_area("Dudley SCB");

  SUBCASE("audit of another partnership") {
    Action a = b.draft(created, due);
    a.audit = other.audit;
    a.finding.reset();
    CHECK_REFUSED(b.plan, b.plan.add(a), ValidationError, "audit", "audit 2 belongs to another partnership");
  }
  SUBCASE("finding of another audit") {
    Action a = b.draft(created, due);
    a.finding = other.finding;
    CHECK_REFUSED(b.plan, b.plan.add(a), ValidationError, "finding", "finding 2 belongs to another audit");
  }
  SUBCASE("recommendation of another audit") {
    Action a = b.draft(created, due);
    a.recommendation = b.plan.add(recommendation_in(other.audit)).id;
    CHECK_REFUSED(b.plan, b.plan.add(a), ValidationError, "recommendation",
                  "recommendation 1 belongs to another audit");
  }
  SUBCASE("owner group of another partnership") {
    Action a = b.draft(created, due);
    a.owner = owned_by(other.lis);
    CHECK_REFUSED(b.plan, b.plan.add(a), ValidationError, "owner", "group 2 belongs to another partnership");
  }
}

TEST_CASE("an action owner is exactly one of an agency or a group") {
  Builder b;
  Action a = b.draft(created, due);
  SUBCASE("both") {
    a.owner.group = b.area.lis;
    CHECK_REFUSED(b.plan, b.plan.add(a), ValidationError, "owner", "exactly one of an agency or a group");
  }
  SUBCASE("neither") {
    a.owner = Owner{};
    CHECK_REFUSED(b.plan, b.plan.add(a), ValidationError, "owner", "exactly one of an agency or a group");
  }
  SUBCASE("a group alone") {
    a.owner = owned_by(b.area.lis);
    CHECK(b.plan.add(a).owner.group == b.area.lis);
  }
}

TEST_CASE("an immediate concern about a case of another audit is refused") {
  Builder b;
  const auto other_audit = b.plan.add(audit_in(b.area.partnership)).id;
  const Case c = b.plan.add(case_in(other_audit, "Child A"));
  ImmediateConcern ic = concern_about(c, b.police);
  ic.audit = b.area.audit;
  CHECK_REFUSED(b.plan, b.plan.add(ic), ValidationError, "case", "case 1 belongs to another audit");
}

// ---- text and dates -------------------------------------------------------------------

TEST_CASE("empty or blank names, titles and texts are refused") {
  Builder b;
  SUBCASE("partnership name") {
    CHECK_REFUSED(b.plan, b.plan.add(Partnership{{}, ""}), ValidationError, "name: must not be empty");
  }
  SUBCASE("agency name") {
    CHECK_REFUSED(b.plan, b.plan.add(Agency{{}, "  ", Sector::health}), ValidationError,
                  "name: must not be empty");
  }
  SUBCASE("group name") {
    CHECK_REFUSED(b.plan, b.plan.add(Group{{}, b.area.partnership, "\t"}), ValidationError,
                  "name: must not be empty");
  }
  SUBCASE("theme name") {
    CHECK_REFUSED(b.plan, b.plan.add(Theme{{}, ""}), ValidationError, "name: must not be empty");
  }
  SUBCASE("audit title") {
    Audit a = audit_in(b.area.partnership);
    a.title = " ";
    CHECK_REFUSED(b.plan, b.plan.add(a), ValidationError, "title: must not be empty");
  }
  SUBCASE("case reference") {
    CHECK_REFUSED(b.plan, b.plan.add(case_in(b.area.audit, "")), ValidationError,
                  "reference: must not be empty");
  }
  SUBCASE("finding text") {
    Finding f = finding_in(b.area.audit);
    f.text = "\n";
    CHECK_REFUSED(b.plan, b.plan.add(f), ValidationError, "text: must not be empty");
  }
  SUBCASE("recommendation text") {
    Recommendation r = recommendation_in(b.area.audit);
    r.text = "";
    CHECK_REFUSED(b.plan, b.plan.add(r), ValidationError, "text: must not be empty");
  }
  SUBCASE("action title") {
    Action a = b.draft(created, due);
    a.title = " \t ";
    CHECK_REFUSED(b.plan, b.plan.add(a), ValidationError, "title: must not be empty");
  }
  SUBCASE("immediate concern description") {
    const Case c = b.plan.add(case_in(b.area.audit, "Child A"));
    ImmediateConcern ic = concern_about(c, b.police);
    ic.description = "";
    CHECK_REFUSED(b.plan, b.plan.add(ic), ValidationError, "description: must not be empty");
  }
  SUBCASE("evidence description and author") {
    const auto action = b.add_action(created, due);
    Evidence e = evidence(action, due);
    e.description = "";
    CHECK_REFUSED(b.plan, b.plan.record(e), ValidationError, "description: must not be empty");
    e = evidence(action, due);
    e.by = " ";
    CHECK_REFUSED(b.plan, b.plan.record(e), ValidationError, "by: must not be empty");
  }
}

TEST_CASE("a not-a-date is refused naming the field") {
  Builder b;
  const Date nad;  // not_a_date_time
  SUBCASE("audit held_on") {
    CHECK_REFUSED(b.plan, b.plan.add(audit_in(b.area.partnership, nad)), ValidationError,
                  "held_on: must be a valid date");
  }
  SUBCASE("action created_on") {
    CHECK_REFUSED(b.plan, b.plan.add(b.draft(nad, due)), ValidationError, "created_on: must be a valid date");
  }
  SUBCASE("action due_on") {
    CHECK_REFUSED(b.plan, b.plan.add(b.draft(created, nad)), ValidationError, "due_on: must be a valid date");
  }
  SUBCASE("action due_on infinity") {
    CHECK_REFUSED(b.plan, b.plan.add(b.draft(created, Date(boost::gregorian::pos_infin))), ValidationError,
                  "due_on: must be a valid date");
  }
  SUBCASE("immediate concern raised_on") {
    const Case c = b.plan.add(case_in(b.area.audit, "Child A"));
    CHECK_REFUSED(b.plan, b.plan.add(concern_about(c, b.police, nad)), ValidationError,
                  "raised_on: must be a valid date");
  }
  SUBCASE("history dates") {
    const auto action = b.add_action(created, due);
    CHECK_REFUSED(b.plan, b.plan.record(update(action, nad, Status::in_progress)), ValidationError,
                  "on: must be a valid date");
    CHECK_REFUSED(b.plan, b.plan.record(revision(action, nad, due)), ValidationError,
                  "on: must be a valid date");
    CHECK_REFUSED(b.plan, b.plan.record(revision(action, due, nad)), ValidationError,
                  "new_due: must be a valid date");
    CHECK_REFUSED(b.plan, b.plan.record(OwnerChange{action, nad, owned_by(b.health), "restructure"}),
                  ValidationError, "on: must be a valid date");
    CHECK_REFUSED(b.plan, b.plan.record(evidence(action, nad)), ValidationError, "on: must be a valid date");
    Update u = update(action, due, Status::complete);
    u.completed_on = nad;
    CHECK_REFUSED(b.plan, b.plan.record(u), ValidationError, "completed_on: must be a valid date");
  }
  SUBCASE("assurance date") {
    const auto action = b.add_action(created, due);
    b.set_status(action, due, Status::complete);
    b.add_evidence(action, due);
    CHECK_REFUSED(b.plan, b.plan.record(assurance(action, nad, b.area.lis)), ValidationError,
                  "on: must be a valid date");
  }
  SUBCASE("answer date") {
    const Case c = b.plan.add(case_in(b.area.audit, "Child A"));
    const auto concern = b.plan.add(concern_about(c, b.police)).id;
    CHECK_REFUSED(b.plan, b.plan.answer_concern(concern, nad, "Strategy discussion held"), ValidationError,
                  "answered_on: must be a valid date");
  }
}

TEST_CASE("an entered action due before it was created is refused") {
  Builder b;
  CHECK_REFUSED(b.plan, b.plan.add(b.draft(created, ymd(2024, 1, 31))), ValidationError, "due_on",
                "2024-01-31", "2024-02-01");
}

TEST_CASE("a recorded action due before it was created is carried") {
  Builder b;
  const auto& a = b.plan.add(b.draft(created, ymd(2024, 1, 31)), Provenance::recorded);
  CHECK(a.due_on == ymd(2024, 1, 31));
  CHECK(a.created_on == created);
  CHECK(b.plan.actions().size() == 1);
}

TEST_CASE("an action due on the day it was created is accepted") {
  Builder b;
  CHECK(b.plan.add(b.draft(created, created)).due_on == created);
}

TEST_CASE("a negative estimate is refused and zero is accepted") {
  Builder b;
  Action a = b.draft(created, due);
  a.estimate_days = -1;
  CHECK_REFUSED(b.plan, b.plan.add(a), ValidationError, "estimate_days", "-1");
  a.estimate_days = 0;
  CHECK(b.plan.add(a).estimate_days == 0);
}

TEST_CASE("a new action carrying history or dependencies is refused") {
  Builder b;
  const auto existing = b.add_action(created, due);
  Action a = b.draft(created, due);
  SUBCASE("updates") { a.updates.push_back(update({}, due, Status::in_progress)); }
  SUBCASE("due-date revisions") { a.due_revisions.push_back(revision({}, due, due)); }
  SUBCASE("owner changes") {
    a.owner_changes.push_back(OwnerChange{{}, due, owned_by(b.health), "restructure"});
  }
  SUBCASE("evidence") { a.evidence.push_back(evidence({}, due)); }
  SUBCASE("assurance") { a.assurance = assurance({}, due, b.area.lis); }
  SUBCASE("dependencies") { a.depends_on.push_back(Dependency{a.id, existing}); }
  CHECK_REFUSED(b.plan, b.plan.add(a), ValidationError, "action", "carries no history");
}

TEST_CASE("a case age band must lie within 0 to 25 with from before to") {
  Builder b;
  Case c = case_in(b.area.audit, "Child A");
  SUBCASE("negative") { c.age_band = {-1, 5}; }
  SUBCASE("over 25") { c.age_band = {18, 26}; }
  SUBCASE("reversed") { c.age_band = {12, 9}; }
  const std::string band = std::to_string(c.age_band.from) + " to " + std::to_string(c.age_band.to);
  CHECK_REFUSED(b.plan, b.plan.add(c), ValidationError, "age_band", band);
}

TEST_CASE("a case reference is used once per audit") {
  Builder b;
  const auto other_audit = b.plan.add(audit_in(b.area.partnership)).id;
  b.plan.add(case_in(b.area.audit, "Child A"));
  CHECK_REFUSED(b.plan, b.plan.add(case_in(b.area.audit, "Child A")), ConflictError, "'Child A'", "audit 1");
  CHECK(b.plan.add(case_in(other_audit, "Child A")).audit == other_audit);
}

// ---- dependencies -----------------------------------------------------------------------

TEST_CASE("a dependency is recorded on the action and in the dependency list") {
  Builder b;
  const auto training = b.add_action(created, due);
  const auto audit_again = b.add_action(created, due);
  const auto briefing = b.add_action(created, due);
  b.plan.add_dependency(audit_again, training);
  b.plan.add_dependency(briefing, audit_again);
  CHECK(b.plan.action(audit_again).depends_on == std::vector<Dependency>{{audit_again, training}});
  CHECK(b.plan.action(briefing).depends_on == std::vector<Dependency>{{briefing, audit_again}});
  CHECK(b.plan.action(training).depends_on.empty());
  CHECK(b.plan.dependencies() == std::vector<Dependency>{{audit_again, training}, {briefing, audit_again}});
}

TEST_CASE("check_dependency accepts a valid dependency without recording it") {
  Builder b;
  const auto first = b.add_action(created, due);
  const auto second = b.add_action(created, due);
  const auto before = fingerprint(b.plan);
  CHECK_NOTHROW(b.plan.check_dependency(second, first));
  CHECK(fingerprint(b.plan) == before);
}

ActionId add_titled(Builder& b, std::string title) {
  Action a = b.draft(created, due);
  a.title = std::move(title);
  return b.plan.add(std::move(a)).id;
}

TEST_CASE("an action depending on itself is a cycle of one, named") {
  Builder b;
  const auto a = add_titled(b, "Deliver training");
  const std::string cycle = R"(would close the cycle: #1 "Deliver training" -> #1 "Deliver training")";
  CHECK_REFUSED(b.plan, b.plan.add_dependency(a, a), CycleError, "adding 1 -> 1", cycle);
  CHECK_REFUSED(b.plan, b.plan.check_dependency(a, a), CycleError, cycle);
}

TEST_CASE("two actions depending on each other is a cycle of two, named in order") {
  Builder b;
  const auto training = add_titled(b, "Deliver training");
  const auto booking = add_titled(b, "Book practitioners");
  b.plan.add_dependency(training, booking);
  CHECK_REFUSED(b.plan, b.plan.add_dependency(booking, training), CycleError,
                R"(adding 2 -> 1 (action 2 depends on action 1) would close the cycle: )"
                R"(#1 "Deliver training" -> #2 "Book practitioners" -> #1 "Deliver training")");
}

TEST_CASE("a long chain closed back on itself names the whole cycle") {
  Builder b;
  std::vector<ActionId> chain;
  for (int i = 1; i <= 8; ++i) chain.push_back(add_titled(b, "Step " + std::to_string(i)));
  for (std::size_t i = 0; i + 1 < chain.size(); ++i) b.plan.add_dependency(chain[i], chain[i + 1]);
  // chain[0] waits for chain[1] ... waits for chain[7]; chain[7] waiting for chain[0] closes the loop.
  CHECK_REFUSED(
      b.plan, b.plan.add_dependency(chain.back(), chain.front()), CycleError,
      R"(adding 8 -> 1 (action 8 depends on action 1) would close the cycle: #1 "Step 1" -> #2 "Step 2" -> )"
      R"(#3 "Step 3" -> #4 "Step 4" -> #5 "Step 5" -> #6 "Step 6" -> #7 "Step 7" -> #8 "Step 8" -> )"
      R"(#1 "Step 1")");
  CHECK_REFUSED(b.plan, b.plan.add_dependency(chain[5], chain[2]), CycleError,
                R"(the cycle: #3 "Step 3" -> #4 "Step 4" -> #5 "Step 5" -> #6 "Step 6" -> #3 "Step 3")");
  // The refusals left the graph as it was: the chain still accepts a shortcut.
  CHECK_NOTHROW(b.plan.add_dependency(chain[0], chain[7]));
}

TEST_CASE("the shortest cycle through the new dependency is named") {
  Builder b;
  const auto a = add_titled(b, "A");
  const auto c = add_titled(b, "C");
  const auto d = add_titled(b, "D");
  const auto e = add_titled(b, "E");
  b.plan.add_dependency(a, c);  // a waits for e along a long way and a short one
  b.plan.add_dependency(c, d);
  b.plan.add_dependency(d, e);
  b.plan.add_dependency(a, e);
  CHECK_REFUSED(b.plan, b.plan.add_dependency(e, a), CycleError, R"(the cycle: #1 "A" -> #4 "E" -> #1 "A")");
}

// The graph skips the search while every dependency points at an earlier
// action; a dependency on a later one, and its removal, must be counted
// exactly for that to stay sound.
TEST_CASE("a cycle through a dependency on a later action is refused after another such one was removed") {
  Builder b;
  const auto a = add_titled(b, "A");
  const auto c = add_titled(b, "C");
  const auto d = add_titled(b, "D");
  b.plan.add_dependency(c, d);  // on a later action
  b.plan.add_dependency(a, d);  // on a later action
  b.plan.remove_dependency(a, d);
  CHECK_THROWS_AS(b.plan.remove_dependency(a, d), NotFoundError);
  CHECK_REFUSED(b.plan, b.plan.add_dependency(d, c), CycleError, R"(cycle: #2 "C" -> #3 "D" -> #2 "C")");
  CHECK_REFUSED(b.plan, b.plan.restore_dependencies({{d, c}}), CycleError, "cycle: ", "#2", "#3");
  b.plan.remove_dependency(c, d);
  // Now every dependency points back: these are accepted without a search...
  CHECK_NOTHROW(b.plan.add_dependency(d, c));
  CHECK_NOTHROW(b.plan.add_dependency(c, a));
  // ...and this one, on a later action, is searched and refused.
  CHECK_REFUSED(b.plan, b.plan.add_dependency(a, d), CycleError, R"(#3 "D" -> #2 "C" -> #1 "A" -> #3 "D")");
}

namespace {

// The action ids a cycle message names, in order ("#3 \"A\" -> #1 \"B\" -> #3 \"A\"").
std::vector<ActionId> named_ids(const std::string& message) {
  std::vector<ActionId> ids;
  for (auto at = message.find('#'); at != std::string::npos; at = message.find('#', at + 1))
    ids.emplace_back(std::stoll(message.substr(at + 1)));
  return ids;
}

bool waits_directly(const Plan& plan, ActionId action, ActionId on) {
  const auto& d = plan.action(action).depends_on;
  return std::any_of(d.begin(), d.end(), [&](const Dependency& x) { return x.depends_on == on; });
}

// Whether `action` waits for `on`, directly or through others, read from the
// actions' own depends_on lists alone (no graph).
bool waits_for(const Plan& plan, ActionId action, ActionId on) {
  std::vector<ActionId> to_visit{action};
  std::set<ActionId> seen;
  while (!to_visit.empty()) {
    const auto at = to_visit.back();
    to_visit.pop_back();
    for (const auto& d : plan.action(at).depends_on) {
      if (d.depends_on == on) return true;
      if (seen.insert(d.depends_on).second) to_visit.push_back(d.depends_on);
    }
  }
  return false;
}

}  // namespace

// Random dependencies, on earlier and later actions alike: each is refused
// exactly when it would close a cycle by the depends_on lists themselves, and
// the refusal names a true cycle through it, each action waiting for the next.
TEST_CASE("a dependency is refused exactly when it closes a cycle, and the cycle named is one") {
  for (unsigned seed : {1u, 2u, 3u, 4u}) {
    CAPTURE(seed);
    Builder b;
    std::vector<ActionId> ids;
    for (int i = 0; i < 30; ++i) ids.push_back(b.add_action(created, due));
    std::mt19937 random(seed);
    int refused = 0;
    for (int tries = 0; tries < 300; ++tries) {
      const auto action = ids[random() % ids.size()], on = ids[random() % ids.size()];
      if (action != on && waits_directly(b.plan, action, on)) continue;
      const bool closes = action == on || waits_for(b.plan, on, action);
      try {
        b.plan.add_dependency(action, on);
        CHECK_FALSE(closes);
      } catch (const CycleError& e) {
        ++refused;
        CHECK(closes);
        // "... would close the cycle: #on -> ... -> #action -> #on"
        const std::string message = e.what();
        const auto cycle = named_ids(message.substr(message.find("cycle:")));
        REQUIRE(cycle.size() >= 2);
        CHECK(cycle.front() == on);
        CHECK(cycle.back() == on);
        CHECK(cycle[cycle.size() - 2] == action);
        for (std::size_t i = 0; i + 2 < cycle.size(); ++i)
          CHECK(waits_directly(b.plan, cycle[i], cycle[i + 1]));
      }
    }
    CHECK(refused > 0);
    CHECK(b.plan.dependencies().size() > 30);
  }
}

TEST_CASE("a cycle within restored dependencies is named in the order each action waits for the next") {
  Builder b;
  std::vector<ActionId> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(b.add_action(created, due));
  // 1 -> 2 -> 3 -> 1, given in a scrambled order, beside edges off the cycle.
  const std::vector<Dependency> batch{
      {ids[2], ids[0]}, {ids[3], ids[0]}, {ids[0], ids[1]}, {ids[4], ids[2]}, {ids[1], ids[2]}};
  const auto refusal = testing::refusal_of<CycleError>([&] { b.plan.restore_dependencies(batch); });
  REQUIRE(refusal.first);
  INFO(refusal.second);
  const auto cycle = named_ids(refusal.second);
  REQUIRE(cycle.size() == 4);
  CHECK(cycle.front() == cycle.back());
  auto in_batch = [&](ActionId x, ActionId y) {
    return std::any_of(batch.begin(), batch.end(),
                       [&](const Dependency& d) { return d.action == x && d.depends_on == y; });
  };
  for (std::size_t i = 0; i + 1 < cycle.size(); ++i) CHECK(in_batch(cycle[i], cycle[i + 1]));
  CHECK(cycle.front() == ids[0]);  // named from its earliest action
  CHECK(b.plan.dependencies().empty());
  for (const auto id : ids) CHECK(b.plan.action(id).depends_on.empty());
}

// Thousands of actions waiting for one: the lists of dependents outgrow the
// room kept inline, are searched and are taken apart from the middle.
TEST_CASE("an action many others wait for: restored, refused twice, blocked, removed from the middle") {
  Builder b;
  const auto hub = b.add_action(created, due);
  std::vector<ActionId> waiting;
  std::vector<Dependency> batch;
  for (int i = 0; i < 3000; ++i) {
    waiting.push_back(b.add_action(created, due));
    batch.push_back({waiting.back(), hub});
  }
  b.plan.restore_dependencies(batch);
  CHECK(blocks(b.plan, hub) == waiting);
  CHECK_REFUSED(b.plan, b.plan.restore_dependencies({{waiting[1500], hub}}), ConflictError,
                "already depends on action 1");
  CHECK_REFUSED(b.plan, b.plan.add_dependency(hub, waiting[2999]), CycleError,
                R"(cycle: #3001 "Refresh voice of the child training" -> #1 ")");
  // A refused batch after many good edges takes every one of them back out.
  std::vector<Dependency> chained;
  for (std::size_t i = 1; i < waiting.size(); ++i) chained.push_back({waiting[i], waiting[i - 1]});
  chained.push_back({hub, waiting.back()});
  CHECK_REFUSED(b.plan, b.plan.restore_dependencies(chained), CycleError,
                "(each action depends on the next)");
  for (std::size_t i = 0; i < waiting.size(); i += 2) b.plan.remove_dependency(waiting[i], hub);
  std::vector<ActionId> odd;
  for (std::size_t i = 1; i < waiting.size(); i += 2) odd.push_back(waiting[i]);
  CHECK(blocks(b.plan, hub) == odd);
  // Every action once.
  CHECK(topological_order(b.plan).size() == waiting.size() + 1);
  CHECK_NOTHROW(b.plan.add_dependency(hub, waiting[0]));
  CHECK_REFUSED(b.plan, b.plan.add_dependency(hub, waiting[1]), CycleError, "cycle: #");
}

TEST_CASE("diamond dependencies are not a cycle") {
  Builder b;
  const auto top = b.add_action(created, due);
  const auto left = b.add_action(created, due);
  const auto right = b.add_action(created, due);
  const auto bottom = b.add_action(created, due);
  b.plan.add_dependency(top, left);
  b.plan.add_dependency(top, right);
  b.plan.add_dependency(left, bottom);
  CHECK_NOTHROW(b.plan.add_dependency(right, bottom));
  CHECK_NOTHROW(b.plan.add_dependency(top, bottom));
  CHECK(b.plan.dependencies().size() == 5);
  CHECK_REFUSED(b.plan, b.plan.add_dependency(bottom, top), CycleError, "adding 4 -> 1", "cycle: #1",
                "-> #4");
}

TEST_CASE("a dependency may cross audits within a partnership") {
  Builder b;
  Audit second = b.plan.audit(b.area.audit);
  second.id = AuditId();
  second.title = "Re-audit: domestic abuse";
  const auto reaudit = b.plan.add(second).id;
  const auto training = b.add_action(created, due);
  Action later = b.draft(created, due);
  later.audit = reaudit;
  later.finding.reset();
  const auto check = b.plan.add(later).id;
  b.plan.add_dependency(check, training, 7);
  CHECK(b.plan.dependencies() == std::vector<Dependency>{{check, training, 7}});
}

TEST_CASE("a dependency may carry a lag in days, never a negative one") {
  Builder b;
  const auto first = b.add_action(created, due);
  const auto second = b.add_action(created, due);
  CHECK_REFUSED(b.plan, b.plan.add_dependency(second, first, -1), ValidationError, "lag_days",
                "must not be negative, got -1");
  CHECK_REFUSED(b.plan, b.plan.restore_dependencies({{second, first, -3}}), ValidationError, "lag_days",
                "-3");
  b.plan.add_dependency(second, first, 14);
  CHECK(b.plan.action(second).depends_on == std::vector<Dependency>{{second, first, 14}});
}

TEST_CASE("a dependency is removed from the action and the list, and may be added again") {
  Builder b;
  const auto a1 = b.add_action(created, due);
  const auto a2 = b.add_action(created, due);
  const auto a3 = b.add_action(created, due);
  b.plan.add_dependency(a3, a1);
  b.plan.add_dependency(a3, a2, 5);
  b.plan.add_dependency(a2, a1);
  CHECK_NOTHROW(b.plan.check_removal(a3, a1));
  b.plan.remove_dependency(a3, a1);
  CHECK(b.plan.action(a3).depends_on == std::vector<Dependency>{{a3, a2, 5}});
  CHECK(b.plan.dependencies() == std::vector<Dependency>{{a3, a2, 5}, {a2, a1}});
  b.plan.add_dependency(a3, a1, 2);
  CHECK(b.plan.dependencies() == std::vector<Dependency>{{a3, a2, 5}, {a2, a1}, {a3, a1, 2}});
}

TEST_CASE("removing a dependency opens the way for the reverse one") {
  Builder b;
  const auto a1 = b.add_action(created, due);
  const auto a2 = b.add_action(created, due);
  b.plan.add_dependency(a2, a1);
  CHECK_THROWS_AS(b.plan.add_dependency(a1, a2), CycleError);
  b.plan.remove_dependency(a2, a1);
  CHECK_NOTHROW(b.plan.add_dependency(a1, a2));
}

TEST_CASE("removing a dependency that is not there is refused with NotFoundError") {
  Builder b;
  const auto a1 = b.add_action(created, due);
  const auto a2 = b.add_action(created, due);
  b.plan.add_dependency(a2, a1);
  CHECK_REFUSED(b.plan, b.plan.remove_dependency(a1, a2), NotFoundError,
                "action 1 does not depend on action 2");
  CHECK_REFUSED(b.plan, b.plan.check_removal(a1, a2), NotFoundError, "action 1 does not depend on action 2");
  CHECK_REFUSED(b.plan, b.plan.remove_dependency(a2, ActionId(99)), NotFoundError, "no action 99");
  b.plan.remove_dependency(a2, a1);
  CHECK_REFUSED(b.plan, b.plan.remove_dependency(a2, a1), NotFoundError,
                "action 2 does not depend on action 1");
}

TEST_CASE("a dependency across partnerships is refused") {
  Builder b;
  const auto other = b.add_area("Dudley SCB");
  const auto here = b.add_action(created, due);
  const auto there = b.add_action(other, created, due);
  CHECK_REFUSED(b.plan, b.plan.add_dependency(here, there), ValidationError, "depends_on",
                "action 2 belongs to another partnership");
}

TEST_CASE("a duplicate dependency is refused with ConflictError") {
  Builder b;
  const auto a = b.add_action(created, due);
  const auto c = b.add_action(created, due);
  b.plan.add_dependency(a, c);
  CHECK_REFUSED(b.plan, b.plan.add_dependency(a, c), ConflictError, "action 1 already depends on action 2");
}

TEST_CASE("a dependency on or from an unknown action is refused with NotFoundError") {
  Builder b;
  const auto a = b.add_action(created, due);
  CHECK_REFUSED(b.plan, b.plan.add_dependency(a, ActionId(99)), NotFoundError, "no action 99");
  CHECK_REFUSED(b.plan, b.plan.add_dependency(ActionId(99), a), NotFoundError, "no action 99");
}

// ---- updates ------------------------------------------------------------------------------

TEST_CASE("an update dated before the action was created is refused") {
  Builder b;
  const auto a = b.add_action(created, due);
  CHECK_REFUSED(b.plan, b.plan.record(update(a, ymd(2024, 1, 31), Status::in_progress)), ValidationError,
                "on", "2024-01-31", "2024-02-01");
}

TEST_CASE("an update dated on the creation day is accepted") {
  Builder b;
  const auto a = b.add_action(created, due);
  b.plan.record(update(a, created, Status::in_progress));
  CHECK(b.plan.action(a).updates.size() == 1);
}

TEST_CASE("updates must be recorded in date order") {
  Builder b;
  const auto a = b.add_action(created, due);
  b.set_status(a, ymd(2024, 3, 31), Status::in_progress);
  CHECK_REFUSED(b.plan, b.plan.record(update(a, ymd(2024, 3, 30), Status::in_progress)), ValidationError,
                "on", "2024-03-30", "2024-03-31");
  b.plan.record(update(a, ymd(2024, 3, 31), Status::complete));  // same day is in order
  CHECK(b.plan.action(a).updates.size() == 2);
}

TEST_CASE("cancelling needs a reason") {
  Builder b;
  const auto a = b.add_action(created, due);
  CHECK_REFUSED(b.plan, b.plan.record(update(a, due, Status::cancelled, "")), ValidationError, "note",
                "cancelling action 1 needs a reason");
  CHECK_REFUSED(b.plan, b.plan.record(update(a, due, Status::cancelled, " \t ")), ValidationError, "note",
                "needs a reason");
  CHECK_REFUSED(b.plan, b.plan.record(update(a, due, Status::cancelled, "\r\n")), ValidationError, "note",
                "needs a reason");
  b.plan.record(update(a, due, Status::cancelled, "superseded by the regional protocol"));
  CHECK(b.plan.action(a).updates.back().status == Status::cancelled);
}

TEST_CASE("a cancelled action no longer changes") {
  Builder b;
  const auto a = b.add_action(created, due);
  b.set_status(a, ymd(2024, 3, 31), Status::cancelled, "superseded");
  const Date later = ymd(2024, 4, 30);
  CHECK_REFUSED(b.plan, b.plan.record(update(a, later, Status::in_progress, "restarted")), ConflictError,
                "action 1 is cancelled");
  CHECK_REFUSED(b.plan, b.plan.record(update(a, later, Status::complete)), ConflictError, "is cancelled");
  CHECK_REFUSED(b.plan, b.plan.record(update(a, later, Status::cancelled, "again")), ConflictError,
                "is cancelled");
  CHECK_REFUSED(b.plan, b.plan.record(revision(a, later, ymd(2024, 9, 30))), ConflictError, "is cancelled");
  CHECK_REFUSED(b.plan, b.plan.record(OwnerChange{a, later, owned_by(b.health), "restructure"}),
                ConflictError, "is cancelled");
}

TEST_CASE("an action cannot go back to not_started") {
  Builder b;
  const auto a = b.add_action(created, due);
  b.set_status(a, ymd(2024, 3, 1), Status::not_started);  // not_started again is fine
  b.set_status(a, ymd(2024, 3, 31), Status::in_progress);
  CHECK_REFUSED(b.plan, b.plan.record(update(a, ymd(2024, 4, 30), Status::not_started)), ConflictError,
                "action 1 is in_progress and cannot go back to not_started");
  b.set_status(a, ymd(2024, 5, 31), Status::complete);
  CHECK_REFUSED(b.plan, b.plan.record(update(a, ymd(2024, 6, 30), Status::not_started, "reopen")),
                ConflictError, "is complete and cannot go back to not_started");
}

TEST_CASE("reopening a complete action needs a reason") {
  Builder b;
  const auto a = b.add_action(created, due);
  b.set_status(a, ymd(2024, 3, 31), Status::complete);
  CHECK_REFUSED(b.plan, b.plan.record(update(a, ymd(2024, 4, 30), Status::in_progress, "")), ValidationError,
                "note", "reopening completed action 1 needs a reason");
}

TEST_CASE("reopening a complete action with a reason works") {
  Builder b;
  const auto a = b.add_action(created, due);
  b.set_status(a, ymd(2024, 3, 31), Status::complete);
  b.plan.record(update(a, ymd(2024, 4, 30), Status::in_progress, "re-audit found no change in practice"));
  const auto& updates = b.plan.action(a).updates;
  REQUIRE(updates.size() == 2);
  CHECK(updates.back().status == Status::in_progress);
  CHECK_FALSE(updates.back().completed_on.has_value());
}

TEST_CASE("completed_on is only for a complete update") {
  Builder b;
  const auto a = b.add_action(created, due);
  Update u = update(a, ymd(2024, 3, 31), Status::in_progress);
  u.completed_on = ymd(2024, 3, 31);
  CHECK_REFUSED(b.plan, b.plan.record(u), ValidationError, "completed_on",
                "only a complete update carries a completion date");
}

TEST_CASE("completed_on must lie between creation and the update date") {
  Builder b;
  const auto a = b.add_action(created, due);
  Update u = update(a, ymd(2024, 3, 31), Status::complete);
  SUBCASE("before creation") {
    u.completed_on = ymd(2024, 1, 31);
    CHECK_REFUSED(b.plan, b.plan.record(u), ValidationError, "completed_on", "2024-01-31", "2024-02-01",
                  "2024-03-31");
  }
  SUBCASE("after the update date") {
    u.completed_on = ymd(2024, 4, 1);
    CHECK_REFUSED(b.plan, b.plan.record(u), ValidationError, "completed_on", "2024-04-01", "2024-03-31");
  }
  SUBCASE("on the creation day") {
    u.completed_on = created;
    b.plan.record(u);
    CHECK(b.plan.action(a).updates.back().completed_on == created);
  }
  SUBCASE("on the update date") {
    u.completed_on = ymd(2024, 3, 31);
    b.plan.record(u);
    CHECK(b.plan.action(a).updates.back().completed_on == ymd(2024, 3, 31));
  }
}

TEST_CASE("completed_on defaults to the update date") {
  Builder b;
  const auto a = b.add_action(created, due);
  b.set_status(a, ymd(2024, 3, 31), Status::complete);
  CHECK(b.plan.action(a).updates.back().completed_on == ymd(2024, 3, 31));
}

TEST_CASE("updates keep their fields") {
  Builder b;
  const auto a = b.add_action(created, due);
  Update u = update(a, ymd(2024, 3, 31), Status::in_progress, "Training booked for May");
  u.reported_rag = Rag::amber;
  b.plan.record(u);
  const auto kept = b.plan.action(a).updates.at(0);
  CHECK(kept.on == ymd(2024, 3, 31));
  CHECK(kept.status == Status::in_progress);
  CHECK(kept.reported_rag == Rag::amber);
  CHECK(kept.note == "Training booked for May");
  CHECK(kept.by == "LIS business manager");
}

// ---- due-date revisions -----------------------------------------------------------------

TEST_CASE("a due-date revision needs a reason and who agreed it") {
  Builder b;
  const auto a = b.add_action(created, due);
  DueDateRevision r = revision(a, ymd(2024, 5, 1), ymd(2024, 9, 30));
  r.reason = "";
  CHECK_REFUSED(b.plan, b.plan.record(r), ValidationError, "reason: must not be empty");
  r = revision(a, ymd(2024, 5, 1), ymd(2024, 9, 30));
  r.agreed_by = " ";
  CHECK_REFUSED(b.plan, b.plan.record(r), ValidationError, "agreed_by: must not be empty");
}

TEST_CASE("a revised due date before creation is refused") {
  Builder b;
  const auto a = b.add_action(created, due);
  CHECK_REFUSED(b.plan, b.plan.record(revision(a, ymd(2024, 5, 1), ymd(2024, 1, 31))), ValidationError,
                "new_due", "2024-01-31", "2024-02-01");
}

TEST_CASE("due-date revisions are dated from creation and kept in date order") {
  Builder b;
  const auto a = b.add_action(created, due);
  CHECK_REFUSED(b.plan, b.plan.record(revision(a, ymd(2024, 1, 31), ymd(2024, 9, 30))), ValidationError, "on",
                "2024-01-31");
  b.revise_due(a, ymd(2024, 6, 1), ymd(2024, 9, 30));
  CHECK_REFUSED(b.plan, b.plan.record(revision(a, ymd(2024, 5, 31), ymd(2024, 12, 31))), ValidationError,
                "on", "2024-05-31", "2024-06-01");
  b.revise_due(a, ymd(2024, 9, 1), ymd(2024, 12, 31));
  const auto& kept = b.plan.action(a);
  REQUIRE(kept.due_revisions.size() == 2);
  CHECK(kept.due_revisions[0].on == ymd(2024, 6, 1));
  CHECK(kept.due_revisions[0].new_due == ymd(2024, 9, 30));
  CHECK(kept.due_revisions[0].reason == "training venue unavailable");
  CHECK(kept.due_revisions[0].agreed_by == "LIS chair");
  CHECK(kept.due_revisions[1].new_due == ymd(2024, 12, 31));
  CHECK(kept.due_on == due);  // the due date as first agreed stays
}

// ---- owner changes ----------------------------------------------------------------------

TEST_CASE("owner changes are kept in order and the first owner stays") {
  Builder b;
  const auto a = b.add_action(created, due);
  b.change_owner(a, ymd(2024, 3, 1), owned_by(b.social_care, "Head of Service"));
  b.change_owner(a, ymd(2024, 4, 1), owned_by(b.area.lis));
  const auto& kept = b.plan.action(a);
  CHECK(kept.owner.agency == b.police);
  REQUIRE(kept.owner_changes.size() == 2);
  CHECK(kept.owner_changes[0].new_owner.agency == b.social_care);
  CHECK(kept.owner_changes[0].new_owner.role == "Head of Service");
  CHECK(kept.owner_changes[1].new_owner.group == b.area.lis);
  CHECK_REFUSED(b.plan, b.plan.record(OwnerChange{a, ymd(2024, 3, 15), owned_by(b.health), "restructure"}),
                ValidationError, "on", "2024-03-15", "2024-04-01");
}

TEST_CASE("an owner change is checked like a new owner") {
  Builder b;
  const auto other = b.add_area("Dudley SCB");
  const auto a = b.add_action(created, due);
  Owner both = owned_by(b.health);
  both.group = b.area.lis;
  CHECK_REFUSED(b.plan, b.plan.record(OwnerChange{a, due, both, "restructure"}), ValidationError, "owner",
                "exactly one");
  CHECK_REFUSED(b.plan, b.plan.record(OwnerChange{a, due, Owner{}, "restructure"}), ValidationError, "owner",
                "exactly one");
  CHECK_REFUSED(b.plan, b.plan.record(OwnerChange{a, due, owned_by(other.lis), "restructure"}),
                ValidationError, "owner", "group 2 belongs to another partnership");
  CHECK_REFUSED(b.plan, b.plan.record(OwnerChange{a, due, owned_by(b.health), ""}), ValidationError,
                "reason: must not be empty");
  CHECK_REFUSED(b.plan, b.plan.record(OwnerChange{a, ymd(2024, 1, 31), owned_by(b.health), "restructure"}),
                ValidationError, "on", "2024-01-31");
}

// ---- evidence ------------------------------------------------------------------------------

TEST_CASE("evidence dated before the action was created is refused") {
  Builder b;
  const auto a = b.add_action(created, due);
  CHECK_REFUSED(b.plan, b.plan.record(evidence(a, ymd(2024, 1, 31))), ValidationError, "on", "2024-01-31",
                "2024-02-01");
}

TEST_CASE("evidence ids are assigned across all actions") {
  Builder b;
  const auto a = b.add_action(created, due);
  const auto c = b.add_action(created, due);
  const Evidence first = b.plan.record(evidence(a, ymd(2024, 3, 1)));
  CHECK(first.id == EvidenceId(1));
  CHECK(first.action == a);
  CHECK(b.plan.record(evidence(c, ymd(2024, 3, 2))).id == EvidenceId(2));
  CHECK(b.plan.record(evidence(a, ymd(2024, 3, 3))).id == EvidenceId(3));
  CHECK(b.plan.action(a).evidence.size() == 2);
  CHECK(b.plan.action(a).evidence.back().id == EvidenceId(3));
  CHECK(b.plan.action(c).evidence.size() == 1);
}

TEST_CASE("explicit evidence ids are unique but need not arrive in ascending order") {
  Builder b;
  const auto a = b.add_action(created, due);
  const auto c = b.add_action(created, due);
  CHECK(b.plan.record(evidence(a, due, EvidenceId(7))).id == EvidenceId(7));
  CHECK(b.plan.record(evidence(c, due, EvidenceId(3))).id == EvidenceId(3));
  CHECK_REFUSED(b.plan, b.plan.record(evidence(c, due, EvidenceId(7))), ConflictError,
                "evidence 7 already exists");
  CHECK_REFUSED(b.plan, b.plan.record(evidence(a, due, EvidenceId(3))), ConflictError,
                "evidence 3 already exists");
  CHECK(b.plan.record(evidence(a, due)).id == EvidenceId(8));
}

// ---- assurance -----------------------------------------------------------------------------

TEST_CASE("only a complete action can be assured") {
  Builder b;
  const auto a = b.add_action(created, due);
  b.add_evidence(a, ymd(2024, 3, 1));
  CHECK_REFUSED(b.plan, b.plan.record(assurance(a, due, b.area.lis)), ConflictError,
                "action 1 is not_started; only a complete action can be assured");
  b.set_status(a, ymd(2024, 3, 31), Status::in_progress);
  CHECK_REFUSED(b.plan, b.plan.record(assurance(a, due, b.area.lis)), ConflictError, "is in_progress");
  b.set_status(a, ymd(2024, 4, 30), Status::complete);
  b.set_status(a, ymd(2024, 5, 31), Status::in_progress, "re-audit showed no change");
  CHECK_REFUSED(b.plan, b.plan.record(assurance(a, due, b.area.lis)), ConflictError, "is in_progress");
}

TEST_CASE("assurance needs evidence dated on or before it") {
  Builder b;
  const auto a = b.add_action(created, due);
  b.set_status(a, ymd(2024, 5, 31), Status::complete);
  CHECK_REFUSED(b.plan, b.plan.record(assurance(a, due, b.area.lis)), ConflictError,
                "action 1 has no impact evidence dated on or before 2024-06-30");
  b.add_evidence(a, ymd(2024, 7, 1));
  CHECK_REFUSED(b.plan, b.plan.record(assurance(a, due, b.area.lis)), ConflictError, "no impact evidence",
                "2024-06-30");
  CHECK_NOTHROW(b.plan.record(assurance(a, ymd(2024, 7, 1), b.area.lis)));
}

TEST_CASE("assurance dated before the completion update is refused") {
  Builder b;
  const auto a = b.add_action(created, due);
  b.add_evidence(a, ymd(2024, 3, 1));
  b.set_status(a, ymd(2024, 5, 31), Status::complete);
  CHECK_REFUSED(b.plan, b.plan.record(assurance(a, ymd(2024, 5, 30), b.area.lis)), ValidationError, "on",
                "2024-05-30", "2024-05-31");
}

TEST_CASE("assurance is given by a group of the action's partnership") {
  Builder b;
  const auto other = b.add_area("Dudley SCB");
  const auto a = b.add_action(created, due);
  b.set_status(a, ymd(2024, 5, 31), Status::complete);
  b.add_evidence(a, ymd(2024, 5, 31));
  CHECK_REFUSED(b.plan, b.plan.record(assurance(a, due, other.lis)), ValidationError, "group",
                "group 2 belongs to another partnership");
  Assurance unsigned_off = assurance(a, due, b.area.lis);
  unsigned_off.by = "";
  CHECK_REFUSED(b.plan, b.plan.record(unsigned_off), ValidationError, "by: must not be empty");
}

TEST_CASE("assurance is recorded on the action") {
  Builder b;
  const auto a = b.add_action(created, due);
  b.complete_and_assure(a, ymd(2024, 5, 31));
  const auto& kept = b.plan.action(a);
  REQUIRE(kept.assurance.has_value());
  CHECK(kept.assurance->on == ymd(2024, 5, 31));
  CHECK(kept.assurance->group == b.area.lis);
  CHECK(kept.assurance->by == "LIS chair");
}

TEST_CASE("an action is assured once") {
  Builder b;
  const auto a = b.add_action(created, due);
  b.complete_and_assure(a, ymd(2024, 5, 31));
  CHECK_REFUSED(b.plan, b.plan.record(assurance(a, due, b.area.lis)), ConflictError,
                "action 1 is already assured");
}

TEST_CASE("an assured action no longer changes") {
  Builder b;
  const auto a = b.add_action(created, due);
  b.complete_and_assure(a, ymd(2024, 5, 31));
  CHECK_REFUSED(b.plan, b.plan.record(update(a, due, Status::in_progress, "reopened")), ConflictError,
                "action 1 was assured on 2024-05-31");
  CHECK_REFUSED(b.plan, b.plan.record(update(a, due, Status::cancelled, "withdrawn")), ConflictError,
                "was assured");
  CHECK_REFUSED(b.plan, b.plan.record(revision(a, due, ymd(2024, 9, 30))), ConflictError, "was assured");
  CHECK_REFUSED(b.plan, b.plan.record(OwnerChange{a, due, owned_by(b.health), "restructure"}), ConflictError,
                "was assured");
  CHECK_REFUSED(b.plan, b.plan.record(evidence(a, due)), ConflictError, "action 1 was assured on 2024-05-31");
}

TEST_CASE("assurance needs evidence of impact, not only of completion") {
  Builder b;
  const auto a = b.add_action(created, due);
  b.set_status(a, ymd(2024, 5, 31), Status::complete);
  b.plan.record(Evidence{{}, a, ymd(2024, 5, 31), EvidenceKind::completion, "Guidance published", "LIS"});
  CHECK_REFUSED(b.plan, b.plan.record(assurance(a, due, b.area.lis)), ConflictError,
                "assurance needs evidence of impact");
  b.add_evidence(a, due);
  CHECK_NOTHROW(b.plan.record(assurance(a, due, b.area.lis)));
}

TEST_CASE("evidence is recorded in date order and not on a cancelled action") {
  Builder b;
  const auto a = b.add_action(created, due);
  b.add_evidence(a, ymd(2024, 5, 1));
  CHECK_REFUSED(b.plan, b.plan.record(evidence(a, ymd(2024, 2, 1))), ValidationError, "on", "2024-02-01",
                "2024-05-01");
  b.set_status(a, ymd(2024, 5, 2), Status::cancelled, "superseded");
  CHECK_REFUSED(b.plan, b.plan.record(evidence(a, due)), ConflictError, "is cancelled");
}

TEST_CASE("negative ids are refused") {
  Builder b;
  CHECK_REFUSED(b.plan, b.plan.add(Agency{AgencyId(-1), "Probation", Sector::justice}), ValidationError, "id",
                "-1");
  const auto a = b.add_action(created, due);
  CHECK_REFUSED(b.plan, b.plan.record(Evidence{EvidenceId(-3), a, due, EvidenceKind::impact, "x", "LIS"}),
                ValidationError, "id", "-3");
}

TEST_CASE("after the largest id there is no next one: refused, not overflowed") {
  Builder b;
  const auto largest = std::numeric_limits<std::int64_t>::max();
  b.plan.add(Agency{AgencyId(largest), "Probation", Sector::justice});
  CHECK_REFUSED(b.plan, b.plan.add(Agency{{}, "Youth Justice", Sector::justice}), ValidationError, "id",
                "no id is left after 9223372036854775807");
  CHECK(b.plan.add(Agency{AgencyId(40), "Youth Justice", Sector::justice}).id == AgencyId(40));
  const auto a = b.add_action(created, due);
  b.plan.record(Evidence{EvidenceId(largest), a, due, EvidenceKind::impact, "Re-audit", "LIS"});
  CHECK_REFUSED(b.plan, b.plan.record(Evidence{{}, a, due, EvidenceKind::impact, "Re-audit", "LIS"}),
                ValidationError, "id", "no id is left");
}

// ---- immediate concerns ----------------------------------------------------------------

TEST_CASE("a new immediate concern carries no answer") {
  Builder b;
  const Case c = b.plan.add(case_in(b.area.audit, "Child A"));
  ImmediateConcern ic = concern_about(c, b.police);
  ic.answered_on = ymd(2024, 1, 20);
  CHECK_REFUSED(b.plan, b.plan.add(ic), ValidationError, "answer");
  ic = concern_about(c, b.police);
  ic.answer = "Strategy discussion held";
  CHECK_REFUSED(b.plan, b.plan.add(ic), ValidationError, "answer");
}

TEST_CASE("an immediate concern is answered on or after it was raised") {
  Builder b;
  const Case c = b.plan.add(case_in(b.area.audit, "Child A"));
  const auto id = b.plan.add(concern_about(c, b.police, ymd(2024, 1, 15))).id;
  CHECK_REFUSED(b.plan, b.plan.answer_concern(id, ymd(2024, 1, 14), "Strategy discussion held"),
                ValidationError, "answered_on", "2024-01-14", "2024-01-15");
  CHECK_REFUSED(b.plan, b.plan.answer_concern(id, ymd(2024, 1, 15), " "), ValidationError,
                "answer: must not be empty");
  b.plan.answer_concern(id, ymd(2024, 1, 15), "Strategy discussion held");
  CHECK(b.plan.concern(id).answered_on == ymd(2024, 1, 15));
  CHECK(b.plan.concern(id).answer == "Strategy discussion held");
}

TEST_CASE("an immediate concern is answered once") {
  Builder b;
  const Case c = b.plan.add(case_in(b.area.audit, "Child A"));
  const auto id = b.plan.add(concern_about(c, b.police)).id;
  b.plan.answer_concern(id, ymd(2024, 1, 20), "Strategy discussion held");
  CHECK_REFUSED(b.plan, b.plan.answer_concern(id, ymd(2024, 2, 1), "Referred to MASH"), ConflictError,
                "immediate concern 1 was answered on 2024-01-20");
  CHECK(b.plan.concern(id).answer == "Strategy discussion held");
}

// ---- audit lifecycle ------------------------------------------------------------------------

TEST_CASE("an audit's stage only moves forward") {
  Builder b;
  b.plan.advance_audit(b.area.audit, AuditStage::panel);  // stages may be skipped
  CHECK(b.plan.audit(b.area.audit).stage == AuditStage::panel);
  CHECK_REFUSED(b.plan, b.plan.advance_audit(b.area.audit, AuditStage::panel), ConflictError,
                "audit 1 is at stage panel and cannot move back or stay at panel");
  CHECK_REFUSED(b.plan, b.plan.advance_audit(b.area.audit, AuditStage::cases_selected), ConflictError,
                "cannot move back", "cases_selected");
  CHECK_REFUSED(b.plan, b.plan.advance_audit(AuditId(99), AuditStage::closed), NotFoundError, "no audit 99");
  b.plan.advance_audit(b.area.audit, AuditStage::closed);
  CHECK(b.plan.audit(b.area.audit).stage == AuditStage::closed);
}

// ---- restoring what a store wrote -----------------------------------------------------------

TEST_CASE("restore_history takes a history as recorded without replaying transition rules") {
  Builder b;
  const auto a = b.add_action(created, due);
  Plan::ActionHistory h;
  h.updates = {update(a, ymd(2024, 3, 31), Status::complete),
               update(a, ymd(2024, 4, 30), Status::in_progress, "")};
  h.due_revisions = {revision(a, ymd(2024, 4, 30), ymd(2024, 9, 30))};
  h.owner_changes = {OwnerChange{a, ymd(2024, 4, 30), owned_by(b.area.lis), "escalated"}};
  h.evidence = {evidence(a, ymd(2024, 3, 31), EvidenceId(4))};
  b.plan.restore_history(a, h);
  const auto& kept = b.plan.action(a);
  CHECK(kept.updates.size() == 2);  // reopened without a reason: record() would refuse this
  CHECK(kept.due_revisions.size() == 1);
  CHECK(kept.owner_changes.size() == 1);
  REQUIRE(kept.evidence.size() == 1);
  CHECK(kept.evidence[0].id == EvidenceId(4));
  CHECK(b.plan.record(evidence(a, due)).id == EvidenceId(5));
}

TEST_CASE("restore_history refuses history out of date order or before creation") {
  Builder b;
  const auto a = b.add_action(created, due);
  Plan::ActionHistory unordered;
  unordered.updates = {update(a, ymd(2024, 4, 30), Status::in_progress),
                       update(a, ymd(2024, 3, 31), Status::complete)};
  CHECK_REFUSED(b.plan, b.plan.restore_history(a, unordered), ValidationError, "on", "2024-03-31",
                "2024-04-30");
  Plan::ActionHistory early;
  early.due_revisions = {revision(a, ymd(2024, 1, 31), due)};
  CHECK_REFUSED(b.plan, b.plan.restore_history(a, early), ValidationError, "on", "2024-01-31", "2024-02-01");
}

TEST_CASE("restore_history refuses an action that already has history") {
  Builder b;
  const auto a = b.add_action(created, due);
  b.set_status(a, ymd(2024, 3, 31), Status::in_progress);
  Plan::ActionHistory h;
  h.updates = {update(a, ymd(2024, 4, 30), Status::complete)};
  CHECK_REFUSED(b.plan, b.plan.restore_history(a, h), ConflictError, "action 1 already has history");
  CHECK_REFUSED(b.plan, b.plan.restore_history(ActionId(99), h), NotFoundError, "no action 99");
}

TEST_CASE("restore_history checks new owners and the assuring group") {
  Builder b;
  const auto a = b.add_action(created, due);
  Plan::ActionHistory bad_owner;
  bad_owner.owner_changes = {OwnerChange{a, due, owned_by(AgencyId(99)), "restructure"}};
  CHECK_REFUSED(b.plan, b.plan.restore_history(a, bad_owner), NotFoundError, "no agency 99");
  Plan::ActionHistory bad_group;
  bad_group.updates = {update(a, due, Status::complete)};
  bad_group.evidence = {evidence(a, due, EvidenceId(1))};
  bad_group.assurance = assurance(a, due, GroupId(99));
  CHECK_REFUSED(b.plan, b.plan.restore_history(a, bad_group), NotFoundError, "no group 99");
}

TEST_CASE("restored evidence ids are unique but need not ascend across actions") {
  Builder b;
  const auto first = b.add_action(created, due);
  const auto second = b.add_action(created, due);
  const auto third = b.add_action(created, due);
  // A store reads evidence back action by action, in no particular id order.
  Plan::ActionHistory later_ids;
  later_ids.evidence = {evidence(second, due, EvidenceId(9))};
  b.plan.restore_history(second, later_ids);
  Plan::ActionHistory earlier_ids;
  earlier_ids.evidence = {evidence(first, due, EvidenceId(2)), evidence(first, due, EvidenceId(4))};
  b.plan.restore_history(first, earlier_ids);
  CHECK(b.plan.action(first).evidence.size() == 2);

  Plan::ActionHistory clash;
  clash.evidence = {evidence(third, due, EvidenceId(4))};
  CHECK_REFUSED(b.plan, b.plan.restore_history(third, clash), ConflictError, "evidence 4 already exists");
  Plan::ActionHistory twice;
  twice.evidence = {evidence(third, due, EvidenceId(5)), evidence(third, due, EvidenceId(5))};
  CHECK_REFUSED(b.plan, b.plan.restore_history(third, twice), ConflictError, "evidence 5 already exists");
  Plan::ActionHistory unnumbered;
  unnumbered.evidence = {evidence(third, due)};
  CHECK_REFUSED(b.plan, b.plan.restore_history(third, unnumbered), ValidationError, "evidence");
  CHECK(b.plan.record(evidence(third, due)).id == EvidenceId(10));
}

TEST_CASE("restore_dependencies adds every edge in order") {
  Builder b;
  const auto a1 = b.add_action(created, due);
  const auto a2 = b.add_action(created, due);
  const auto a3 = b.add_action(created, due);
  b.plan.add_dependency(a2, a1);
  b.plan.restore_dependencies({{a3, a2}, {a3, a1}});
  CHECK(b.plan.action(a3).depends_on == std::vector<Dependency>{{a3, a2}, {a3, a1}});
  CHECK(b.plan.dependencies() == std::vector<Dependency>{{a2, a1}, {a3, a2}, {a3, a1}});
}

TEST_CASE("restore_dependencies refuses a cycle within the batch or with existing edges") {
  Builder b;
  const auto a1 = b.add_action(created, due);
  const auto a2 = b.add_action(created, due);
  const auto a3 = b.add_action(created, due);
  b.plan.add_dependency(a2, a1);
  CHECK_REFUSED(b.plan, b.plan.restore_dependencies({{a1, a3}, {a3, a1}}), CycleError, "cycle: #1", "#3",
                "(each action depends on the next)");
  CHECK_REFUSED(b.plan, b.plan.restore_dependencies({{a3, a2}, {a1, a3}}), CycleError, "cycle: ", "#1", "#2",
                "#3");
  CHECK_REFUSED(
      b.plan, b.plan.restore_dependencies({{a3, a3}}), CycleError,
      R"(cycle: #3 "Refresh voice of the child training" -> #3 "Refresh voice of the child training")");
  // Nothing of a refused batch stays behind in the graph: a1 -> a3 and
  // a3 -> a2 would make these cycles.
  CHECK_NOTHROW(b.plan.add_dependency(a3, a1));
  CHECK_NOTHROW(b.plan.add_dependency(a2, a3));
}

TEST_CASE("restore_dependencies refuses what add_dependency refuses") {
  Builder b;
  const auto other = b.add_area("Dudley SCB");
  const auto a1 = b.add_action(created, due);
  const auto a2 = b.add_action(created, due);
  const auto a3 = b.add_action(created, due);
  const auto there = b.add_action(other, created, due);
  b.plan.add_dependency(a2, a1);
  CHECK_REFUSED(b.plan, b.plan.restore_dependencies({{a1, there}}), ValidationError, "depends_on",
                "action 4 belongs to another partnership");
  CHECK_REFUSED(b.plan, b.plan.restore_dependencies({{a1, ActionId(99)}}), NotFoundError, "no action 99");
  CHECK_REFUSED(b.plan, b.plan.restore_dependencies({{a3, a2}, {a2, a1}}), ConflictError,
                "action 2 already depends on action 1");
  CHECK_REFUSED(b.plan, b.plan.restore_dependencies({{a3, a1}, {a3, a2}, {a3, a1}}), ConflictError,
                "action 3 already depends on action 1");
  // The graph holds only what the depends_on lists hold (the fingerprint
  // shows the lists, not the graph).
  CHECK(blocks(b.plan, a1) == std::vector<ActionId>{a2});
  CHECK(blocks(b.plan, a2).empty());
  CHECK(topological_order(b.plan) == std::vector<ActionId>{a1, a2, a3, there});
}

// ---- case references and personal data ------------------------------------------------

TEST_CASE("a case reference holding an NHS number is refused") {
  for (const char* reference : {"943 476 5919", "9434765919", "943-476-5919", "Child 9434765919"}) {
    CAPTURE(reference);
    Builder b;
    CHECK_REFUSED(b.plan, b.plan.add(case_in(b.area.audit, reference)), ValidationError, "reference",
                  reference, "NHS number");
    CHECK_THROWS_AS(check_case_reference(reference), ValidationError);
  }
}

TEST_CASE("a case reference holding a name and date of birth is refused") {
  for (const char* reference :
       {"Jane Smith 12/03/2010", "J Smith DOB 2010-03-12", "born 3 March 2011", "Jane Smith 2010/03/12",
        "Jane Smith March 12, 2010", "J. Smith d.o.b. 12.3.10"}) {
    CAPTURE(reference);
    Builder b;
    CHECK_REFUSED(b.plan, b.plan.add(case_in(b.area.audit, reference)), ValidationError, "reference",
                  reference, "date of birth");
  }
}

TEST_CASE("plausible pseudonymised case references are accepted") {
  Builder b;
  for (const char* reference :
       {"Child A", "NL-2023-07", "Case 4", "YP1", "Sibling group 2 of 3", "Newborn B"}) {
    CAPTURE(reference);
    CHECK_NOTHROW(check_case_reference(reference));
    CHECK(b.plan.add(case_in(b.area.audit, reference)).reference == reference);
  }
  CHECK(b.plan.cases().size() == 6);
}

// ---- enums -------------------------------------------------------------------------------

namespace {

template <class E>
void check_names_round_trip() {
  for (std::size_t i = 0; i < enum_count<E>(); ++i) {
    const E value = static_cast<E>(i);
    const std::string name = to_string(value);
    CAPTURE(name);
    CHECK_FALSE(name.empty());
    CHECK(parse<E>(name) == value);
    CHECK(to_string_view(value) == name);
  }
}

template <class E>
void check_unknown_name_refused() {
  const std::string vocabulary(EnumNames<E>::name);
  CAPTURE(vocabulary);
  try {
    (void)parse<E>("no_such_value");
    FAIL("parse accepted an unknown value");
  } catch (const ValidationError& e) {
    CHECK(e.field() == vocabulary);
    CHECK(std::string(e.what()).find(vocabulary + ": unknown value 'no_such_value'") != std::string::npos);
    CHECK(std::string(e.what()).find(std::string(EnumNames<E>::values.front())) != std::string::npos);
  }
  CHECK_THROWS_AS((void)parse<E>(""), ValidationError);
}

}  // namespace

TEST_CASE("every enum value's name reads back to the same value") {
  SUBCASE("status") { check_names_round_trip<Status>(); }
  SUBCASE("rag") { check_names_round_trip<Rag>(); }
  SUBCASE("sector") { check_names_round_trip<Sector>(); }
  SUBCASE("audit kind") { check_names_round_trip<AuditKind>(); }
  SUBCASE("audit stage") { check_names_round_trip<AuditStage>(); }
  SUBCASE("finding category") { check_names_round_trip<FindingCategory>(); }
  SUBCASE("grade") { check_names_round_trip<Grade>(); }
  SUBCASE("involvement") { check_names_round_trip<Involvement>(); }
  SUBCASE("evidence kind") { check_names_round_trip<EvidenceKind>(); }
}

TEST_CASE("parsing an unknown enum name throws ValidationError naming the vocabulary and value") {
  SUBCASE("status") { check_unknown_name_refused<Status>(); }
  SUBCASE("rag") { check_unknown_name_refused<Rag>(); }
  SUBCASE("sector") { check_unknown_name_refused<Sector>(); }
  SUBCASE("audit kind") { check_unknown_name_refused<AuditKind>(); }
  SUBCASE("audit stage") { check_unknown_name_refused<AuditStage>(); }
  SUBCASE("finding category") { check_unknown_name_refused<FindingCategory>(); }
  SUBCASE("grade") { check_unknown_name_refused<Grade>(); }
  SUBCASE("involvement") { check_unknown_name_refused<Involvement>(); }
  SUBCASE("evidence kind") { check_unknown_name_refused<EvidenceKind>(); }
}

TEST_CASE("enum names match the workload vocabulary") {
  CHECK(to_string(Status::not_started) == "not_started");
  CHECK(to_string(Status::in_progress) == "in_progress");
  CHECK(to_string(Status::complete) == "complete");
  CHECK(to_string(Status::cancelled) == "cancelled");
  CHECK(to_string(Rag::red) == "RED");
  CHECK(to_string(Rag::amber) == "AMBER");
  CHECK(to_string(Rag::green) == "GREEN");
  CHECK(to_string(Rag::blue) == "BLUE");
  CHECK(to_string(Rag::none) == "none");
  CHECK(enum_count<Status>() == 4);
  CHECK(enum_count<Rag>() == 5);
  CHECK_THROWS_WITH_AS((void)parse<Rag>("red"), doctest::Contains("rag: unknown value 'red'"),
                       ValidationError);
}

// ---- ISO dates -----------------------------------------------------------------------------

TEST_CASE("parse_iso_date reads a leap day") {
  CHECK(parse_iso_date("2024-02-29") == ymd(2024, 2, 29));
  CHECK(parse_iso_date("2025-03-31") == ymd(2025, 3, 31));
  CHECK(to_iso(parse_iso_date("2024-02-29")) == "2024-02-29");
  // The ends of the range Boost's gregorian dates hold.
  CHECK(parse_iso_date("1400-01-01") == ymd(1400, 1, 1));
  CHECK(parse_iso_date("9999-12-31") == ymd(9999, 12, 31));
}

TEST_CASE("to_iso writes YYYY-MM-DD and nothing for a not-a-date") {
  CHECK(to_iso(ymd(2024, 1, 5)) == "2024-01-05");
  CHECK(to_iso(Date()) == "");
}

TEST_CASE("parse_iso_date refuses anything but a valid YYYY-MM-DD with ValidationError") {
  for (const char* text :
       {"2023-02-29",    "2024-13-01", "2024-1-5",   "31/03/2025", "",           "abcd-ef-gh",  "2024-00-10",
        "2024-04-31",    "2024-01-1 ", "2024-1 -01", "2024-01--1", "2024/01/01", " 2024-01-01", "2024-Jan-05",
        "2024-01-05T00", "2024-02-00", "0000-01-01", "1399-12-31", "2024-+1-05", "2024-01-0x"}) {
    CAPTURE(text);
    CHECK_THROWS_AS((void)parse_iso_date(text, "due_on"), ValidationError);
    try {
      (void)parse_iso_date(text, "due_on");
    } catch (const ValidationError& e) {
      CHECK(e.field() == "due_on");
      CHECK(std::string(e.what()).find("'" + std::string(text) + "'") != std::string::npos);
    } catch (...) {
      // reported by CHECK_THROWS_AS above
    }
  }
}

// ---- the plan as a value -------------------------------------------------------------------

TEST_CASE("a copied plan is independent of the original") {
  Builder b;
  const auto a = b.add_action(created, due);
  Plan copy = b.plan;
  copy.record(update(a, ymd(2024, 3, 31), Status::in_progress));
  copy.add(Partnership{{}, "Dudley SCB"});
  CHECK(b.plan.action(a).updates.empty());
  CHECK(b.plan.partnerships().size() == 1);
  CHECK(copy.action(a).updates.size() == 1);
  CHECK(copy.partnerships().size() == 2);
}

// The "plan unchanged" half of CHECK_REFUSED is only worth something if the
// fingerprint sees every kind of change a mutator can make.
TEST_CASE("the unchanged-plan check sees every kind of change") {
  Builder b;
  const auto a = b.add_action(created, due);
  const auto c = b.add_action(created, due);
  ChangeWatch watch(b.plan);
  const auto changed = [&] { return watch.changed(); };
  const Case the_case = b.plan.add(case_in(b.area.audit, "Child A"));
  CHECK(changed());
  b.plan.add(AgencyReturn{{}, the_case.id, b.police, {}});
  CHECK(changed());
  const auto concern = b.plan.add(concern_about(the_case, b.police)).id;
  CHECK(changed());
  b.plan.answer_concern(concern, ymd(2024, 1, 20), "Strategy discussion held");
  CHECK(changed());
  b.plan.add(Theme{{}, "trauma"});
  CHECK(changed());
  b.plan.add(recommendation_in(b.area.audit));
  CHECK(changed());
  b.plan.add_dependency(c, a);
  CHECK(changed());
  b.set_status(a, ymd(2024, 3, 31), Status::in_progress);
  CHECK(changed());
  b.revise_due(a, ymd(2024, 4, 1), ymd(2024, 9, 30));
  CHECK(changed());
  b.change_owner(a, ymd(2024, 4, 1), owned_by(b.health));
  CHECK(changed());
  b.add_evidence(c, ymd(2024, 4, 1));
  CHECK(changed());
  b.set_status(c, ymd(2024, 5, 31), Status::complete);
  CHECK(changed());
  b.plan.record(assurance(c, ymd(2024, 6, 1), b.area.lis));
  CHECK(changed());
  b.add_area("Dudley SCB");
  CHECK(changed());
}

TEST_CASE("dependencies() lists those in force in the order added, across actions and after removals") {
  Builder b;
  std::vector<ActionId> id;
  for (int i = 0; i < 4; ++i) id.push_back(b.add_action(created, due));
  b.plan.add_dependency(id[3], id[0], 1);
  b.plan.add_dependency(id[1], id[0], 2);
  b.plan.add_dependency(id[3], id[1], 3);
  b.plan.add_dependency(id[2], id[1], 4);
  b.plan.remove_dependency(id[1], id[0]);
  b.plan.add_dependency(id[1], id[0], 5);  // back, now the latest
  const std::vector<Dependency> expected{
      {id[3], id[0], 1}, {id[3], id[1], 3}, {id[2], id[1], 4}, {id[1], id[0], 5}};
  CHECK(b.plan.dependencies() == expected);
  CHECK(b.plan.dependency_count() == 4);
  const Plan copy = b.plan;
  CHECK(copy.dependencies() == expected);
  CHECK(b.plan.action(id[3]).depends_on == std::vector<Dependency>{{id[3], id[0], 1}, {id[3], id[1], 3}});
}
