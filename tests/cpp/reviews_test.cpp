// Review cycles, reviewable items and review meetings in the plan (plan.hpp):
// what each accepts and refuses, what each outcome of a meeting does to its
// action, boundary dates, and restoring what a store wrote.
// Every refusal is checked for its exact kind, for a message naming what was
// wrong, and for leaving the plan exactly as it was (CHECK_REFUSED).
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "plansight/plan.hpp"

using namespace plansight;
using namespace plansight::testing;

namespace {

const Date created = ymd(2024, 2, 1);
const Date due = ymd(2024, 6, 30);
const Date q1 = ymd(2024, 3, 31);
const Date q2 = ymd(2024, 6, 30);

ReviewCycle quarterly(PartnershipId p, std::string name = "LIS quarterly review") {
  ReviewCycle c;
  c.partnership = p;
  c.name = std::move(name);
  c.kind = CycleKind::calendar_quarters;
  c.start = q1;
  return c;
}

ReviewCycle every_months(PartnershipId p, int months, Date start) {
  ReviewCycle c = quarterly(p, "flag review");
  c.kind = CycleKind::every_n_months;
  c.months = months;
  c.start = start;
  return c;
}

ReviewCycle on_dates(PartnershipId p, std::vector<Date> dates) {
  ReviewCycle c = quarterly(p, "board meetings");
  c.kind = CycleKind::explicit_dates;
  c.start = Date();
  c.dates = std::move(dates);
  return c;
}

ReviewableItem flag(PartnershipId p, Date placed = ymd(2024, 1, 10)) {
  ReviewableItem i;
  i.partnership = p;
  i.kind = ReviewableKind::record_flag;
  i.description = "Domestic abuse flag on the GP record";
  i.placed_on = placed;
  i.review_every_months = 6;
  return i;
}

ItemReview review_of(ReviewableId item, Date on, bool retired = false) {
  return ItemReview{item, on, "GP safeguarding lead", retired ? "no longer evidenced" : "still needed",
                    retired};
}

ReviewOutcome outcome(ActionId action, OutcomeKind kind, std::string reason = {}) {
  ReviewOutcome o;
  o.action = action;
  o.kind = kind;
  o.reason = std::move(reason);
  return o;
}

ReviewOutcome extend(ActionId action, Date new_due, std::string reason = "training venue unavailable") {
  ReviewOutcome o = outcome(action, OutcomeKind::extend, std::move(reason));
  o.new_due = new_due;
  return o;
}

ReviewOutcome escalate(ActionId action, GroupId to, std::string reason = "no progress in two quarters") {
  ReviewOutcome o = outcome(action, OutcomeKind::escalate, std::move(reason));
  o.escalated_to = to;
  return o;
}

ReviewMeeting meeting(GroupId group, Date held, std::vector<ReviewOutcome> outcomes = {}) {
  ReviewMeeting m;
  m.group = group;
  m.held_on = held;
  m.outcomes = std::move(outcomes);
  return m;
}

// The Builder's plan with a second group of the same partnership: the board.
struct WithBoard : Builder {
  GroupId board;
  WithBoard() { board = plan.add(Group{{}, area.partnership, "Safeguarding Children Board"}).id; }
  // Completes the action with impact evidence, ready to be assured.
  void complete_with_impact(ActionId id, Date on) {
    set_status(id, on, Status::complete);
    add_evidence(id, on);
  }
};

}  // namespace

// ---- review cycles ---------------------------------------------------------------------------

TEST_CASE("a review cycle is kept whole, with the next free id") {
  Builder b;
  ReviewCycle c = quarterly(b.area.partnership);
  c.group = b.area.lis;
  const auto& added = b.plan.add(c);
  CHECK(added.id == ReviewCycleId(1));
  CHECK(added.name == "LIS quarterly review");
  CHECK(added.group == b.area.lis);
  CHECK(b.plan.review_cycle(added.id).start == q1);
  ReviewCycle audit_cycle = every_months(b.area.partnership, 6, ymd(2024, 1, 31));
  audit_cycle.audit = b.area.audit;
  CHECK(b.plan.add(audit_cycle).id == ReviewCycleId(2));
  ReviewCycle explicit_id = on_dates(b.area.partnership, {ymd(2024, 5, 14), ymd(2024, 11, 12)});
  explicit_id.id = ReviewCycleId(7);
  explicit_id.item = b.plan.add(flag(b.area.partnership)).id;
  CHECK(b.plan.add(explicit_id).dates.size() == 2);
  CHECK(b.plan.review_cycles().size() == 3);
  CHECK(b.plan.prepare(quarterly(b.add_area("Dudley SCB").partnership)).id == ReviewCycleId(8));
}

TEST_CASE("prepare gives a review cycle the id add would, refuses what add refuses and changes nothing") {
  Builder b;
  const std::string before = fingerprint(b.plan);
  CHECK(b.plan.prepare(quarterly(b.area.partnership)).id == ReviewCycleId(1));
  CHECK(fingerprint(b.plan) == before);
  CHECK_THROWS_AS(b.plan.prepare(quarterly(b.area.partnership, " ")), ValidationError);
  b.plan.add(quarterly(b.area.partnership));
  CHECK_THROWS_AS(b.plan.prepare(quarterly(b.area.partnership)), ConflictError);
}

TEST_CASE("a review cycle's references must exist") {
  Builder b;
  ReviewCycle c = quarterly(PartnershipId(9));
  CHECK_REFUSED(b.plan, b.plan.add(c), NotFoundError, "no partnership 9");
  c = quarterly(b.area.partnership);
  c.group = GroupId(9);
  CHECK_REFUSED(b.plan, b.plan.add(c), NotFoundError, "no group 9");
  c = quarterly(b.area.partnership);
  c.audit = AuditId(9);
  CHECK_REFUSED(b.plan, b.plan.add(c), NotFoundError, "no audit 9");
  c = quarterly(b.area.partnership);
  c.item = ReviewableId(9);
  CHECK_REFUSED(b.plan, b.plan.add(c), NotFoundError, "no reviewable item 9");
}

TEST_CASE("a review cycle's id is unique and its name is not blank") {
  Builder b;
  b.plan.add(quarterly(b.area.partnership));
  ReviewCycle again = quarterly(b.add_area("Dudley SCB").partnership);
  again.id = ReviewCycleId(1);
  CHECK_REFUSED(b.plan, b.plan.add(again), ConflictError, "review cycle 1 already exists");
  again.id = ReviewCycleId(-2);
  CHECK_REFUSED(b.plan, b.plan.add(again), ValidationError, "id", "-2");
  for (const char* name : {"", "  ", "\t\n"}) {
    CAPTURE(name);
    CHECK_REFUSED(b.plan, b.plan.add(quarterly(b.plan.partnerships().back().id, name)), ValidationError,
                  "name");
  }
}

TEST_CASE("a review cycle's group, audit and item belong to its partnership") {
  Builder b;
  const auto other = b.add_area("Dudley SCB");
  const auto their_item = b.plan.add(flag(other.partnership)).id;
  ReviewCycle c = quarterly(b.area.partnership);
  c.group = other.lis;
  CHECK_REFUSED(b.plan, b.plan.add(c), ValidationError,
                "group: group 2 belongs to another partnership (2, not 1)");
  c = quarterly(b.area.partnership);
  c.audit = other.audit;
  CHECK_REFUSED(b.plan, b.plan.add(c), ValidationError, "audit: audit 2 belongs to another partnership");
  c = quarterly(b.area.partnership);
  c.item = their_item;
  CHECK_REFUSED(b.plan, b.plan.add(c), ValidationError,
                "item: reviewable item 1 belongs to another partnership");
  c = quarterly(other.partnership);
  c.group = other.lis;
  c.audit = other.audit;
  CHECK(b.plan.add(c).audit == other.audit);
}

TEST_CASE("a review cycle is attached to an audit or to an item, not both") {
  Builder b;
  ReviewCycle c = quarterly(b.area.partnership);
  c.audit = b.area.audit;
  c.item = b.plan.add(flag(b.area.partnership)).id;
  CHECK_REFUSED(b.plan, b.plan.add(c), ValidationError, "item", "not both", "audit 1", "item 1");
}

TEST_CASE("a quarterly cycle needs a valid start date") {
  for (auto kind : {CycleKind::calendar_quarters, CycleKind::financial_quarters}) {
    CAPTURE(to_string(kind));
    Builder b;
    ReviewCycle c = quarterly(b.area.partnership);
    c.kind = kind;
    c.start = Date();
    const std::string name = to_string(kind);
    CHECK_REFUSED(b.plan, b.plan.add(c), ValidationError, "start", name);
    c.start = ymd(2024, 4, 1);
    CHECK(b.plan.add(c).kind == kind);
  }
}

TEST_CASE("an every_n_months cycle needs one or more months and a valid start") {
  Builder b;
  const auto p = b.area.partnership;
  CHECK_REFUSED(b.plan, b.plan.add(every_months(p, 0, q1)), ValidationError, "months", "got 0");
  CHECK_REFUSED(b.plan, b.plan.add(every_months(p, -6, q1)), ValidationError, "months", "got -6");
  CHECK_REFUSED(b.plan, b.plan.add(every_months(p, 6, Date())), ValidationError, "start", "every_n_months");
  CHECK(b.plan.add(every_months(p, 1, q1)).months == 1);
}

TEST_CASE("an explicit_dates cycle needs valid dates, strictly ascending, and no start") {
  Builder b;
  const auto p = b.area.partnership;
  CHECK_REFUSED(b.plan, b.plan.add(on_dates(p, {})), ValidationError, "dates", "at least one date");
  CHECK_REFUSED(b.plan, b.plan.add(on_dates(p, {q1, q1})), ValidationError, "dates",
                "2024-03-31 follows 2024-03-31");
  CHECK_REFUSED(b.plan, b.plan.add(on_dates(p, {q2, q1})), ValidationError, "dates",
                "2024-03-31 follows 2024-06-30");
  CHECK_REFUSED(b.plan, b.plan.add(on_dates(p, {q1, Date()})), ValidationError, "dates", "date 2 of 2");
  const auto& one_day_apart = b.plan.add(on_dates(p, {q1, q1 + boost::gregorian::days(1)}));
  CHECK(one_day_apart.start.is_special());
  CHECK(one_day_apart.dates.size() == 2);
}

TEST_CASE("one review cycle per whole plan, per audit and per item") {
  Builder b;
  const auto p = b.area.partnership;
  b.plan.add(quarterly(p));
  CHECK_REFUSED(b.plan, b.plan.add(every_months(p, 2, q1)), ConflictError,
                "the whole plan of partnership 1 already has review cycle 1 'LIS quarterly review'");
  ReviewCycle for_audit = quarterly(p, "audit review");
  for_audit.audit = b.area.audit;
  CHECK(b.plan.add(for_audit).id == ReviewCycleId(2));
  CHECK_REFUSED(b.plan, b.plan.add(for_audit), ConflictError,
                "audit 1 already has review cycle 2 'audit review'");
  const auto item = b.plan.add(flag(p)).id;
  ReviewCycle for_item = every_months(p, 6, ymd(2024, 7, 10));
  for_item.item = item;
  CHECK(b.plan.add(for_item).id == ReviewCycleId(3));
  CHECK_REFUSED(b.plan, b.plan.add(for_item), ConflictError, "reviewable item 1 already has review cycle 3");
  // Another partnership's whole plan and another item are other scopes.
  CHECK(b.plan.add(quarterly(b.add_area("Dudley SCB").partnership)).id == ReviewCycleId(4));
  for_item.item = b.plan.add(flag(p)).id;
  CHECK(b.plan.add(for_item).id == ReviewCycleId(5));
}

// ---- reviewable items ------------------------------------------------------------------------

TEST_CASE("a reviewable item is kept whole, with the next free id") {
  Builder b;
  const auto child =
      b.plan.add(Case{{}, b.area.audit, "Child A", {}, Involvement::child_in_need, {}, true}).id;
  ReviewableItem i = flag(b.area.partnership);
  i.kind = ReviewableKind::screening_tool;
  i.audit = b.area.audit;
  i.case_id = child;
  i.agency = b.health;
  i.review_every_months = 12;
  const auto& added = b.plan.add(i);
  CHECK(added.id == ReviewableId(1));
  CHECK(added.kind == ReviewableKind::screening_tool);
  CHECK(added.case_id == child);
  CHECK(added.agency == b.health);
  CHECK(b.plan.reviewable_item(added.id).review_every_months == 12);
  CHECK(b.plan.prepare(flag(b.area.partnership)).id == ReviewableId(2));
  CHECK(b.plan.reviewable_items().size() == 1);
}

TEST_CASE("a reviewable item's references must exist") {
  Builder b;
  ReviewableItem i = flag(PartnershipId(9));
  CHECK_REFUSED(b.plan, b.plan.add(i), NotFoundError, "no partnership 9");
  i = flag(b.area.partnership);
  i.audit = AuditId(9);
  CHECK_REFUSED(b.plan, b.plan.add(i), NotFoundError, "no audit 9");
  i = flag(b.area.partnership);
  i.case_id = CaseId(9);
  CHECK_REFUSED(b.plan, b.plan.add(i), NotFoundError, "no case 9");
  i = flag(b.area.partnership);
  i.agency = AgencyId(9);
  CHECK_REFUSED(b.plan, b.plan.add(i), NotFoundError, "no agency 9");
  b.plan.add(flag(b.area.partnership));
  i = flag(b.area.partnership);
  i.id = ReviewableId(1);
  CHECK_REFUSED(b.plan, b.plan.add(i), ConflictError, "reviewable item 1 already exists");
}

TEST_CASE("a reviewable item's audit and case belong to its partnership, and the case to its audit") {
  Builder b;
  const auto other = b.add_area("Dudley SCB");
  const auto here = b.plan.add(Case{{}, b.area.audit, "Child A", {}, {}, {}, false}).id;
  const auto there = b.plan.add(Case{{}, other.audit, "Child B", {}, {}, {}, false}).id;
  ReviewableItem i = flag(b.area.partnership);
  i.audit = other.audit;
  CHECK_REFUSED(b.plan, b.plan.add(i), ValidationError, "audit: audit 2 belongs to another partnership");
  i = flag(b.area.partnership);
  i.case_id = there;
  CHECK_REFUSED(b.plan, b.plan.add(i), ValidationError, "case: case 2 belongs to another partnership");
  i = flag(other.partnership);
  i.audit = other.audit;
  i.case_id = here;
  CHECK_REFUSED(b.plan, b.plan.add(i), ValidationError, "case: case 1 belongs to audit 1, not to audit 2");
  i.case_id = there;
  CHECK(b.plan.add(i).case_id == there);
}

TEST_CASE("a reviewable item's description is not blank and holds no personal data") {
  Builder b;
  for (const char* blank : {"", " ", "\t"}) {
    ReviewableItem i = flag(b.area.partnership);
    i.description = blank;
    CHECK_REFUSED(b.plan, b.plan.add(i), ValidationError, "description", "must not be empty");
  }
  for (const char* nhs : {"Flag for 943 476 5919", "GP alert 9434765919"}) {
    CAPTURE(nhs);
    ReviewableItem i = flag(b.area.partnership);
    i.description = nhs;
    CHECK_REFUSED(b.plan, b.plan.add(i), ValidationError, "description", nhs, "NHS number");
  }
  for (const char* dob :
       {"Flag: Jane Smith 12/03/2010", "J Smith DOB", "born 3 March 2011", "placed 2024-01-10"}) {
    CAPTURE(dob);
    ReviewableItem i = flag(b.area.partnership);
    i.description = dob;
    CHECK_REFUSED(b.plan, b.plan.add(i), ValidationError, "description", dob, "date of birth", "placed_on");
  }
  for (const char* fine :
       {"Domestic abuse flag on the GP record", "MARAC flag, Child A", "DASH risk assessment"}) {
    CAPTURE(fine);
    ReviewableItem i = flag(b.area.partnership);
    i.description = fine;
    CHECK(b.plan.add(i).description == fine);
  }
}

TEST_CASE("a reviewable item needs a valid placed_on and a review every one or more months") {
  Builder b;
  ReviewableItem i = flag(b.area.partnership, Date());
  CHECK_REFUSED(b.plan, b.plan.add(i), ValidationError, "placed_on", "valid date");
  for (int months : {0, -1}) {
    i = flag(b.area.partnership);
    i.review_every_months = months;
    const std::string got = "got " + std::to_string(months);
    CHECK_REFUSED(b.plan, b.plan.add(i), ValidationError, "review_every_months", got);
  }
  i.review_every_months = 1;
  CHECK(b.plan.add(i).review_every_months == 1);
}

TEST_CASE("a new reviewable item carries no reviews") {
  Builder b;
  ReviewableItem i = flag(b.area.partnership);
  i.reviews = {review_of(ReviewableId(1), ymd(2024, 7, 10))};
  CHECK_REFUSED(b.plan, b.plan.add(i), ValidationError, "reviews", "record them after adding it");
}

// ---- reviews of items --------------------------------------------------------------------------

TEST_CASE("an item review is kept on the item, in date order") {
  Builder b;
  const auto item = b.plan.add(flag(b.area.partnership)).id;
  b.plan.record(review_of(item, ymd(2024, 7, 10)));
  b.plan.record(review_of(item, ymd(2025, 1, 10), true));
  const auto& reviews = b.plan.reviewable_item(item).reviews;
  REQUIRE(reviews.size() == 2);
  CHECK(reviews[0].on == ymd(2024, 7, 10));
  CHECK(reviews[0].by == "GP safeguarding lead");
  CHECK(reviews[0].note == "still needed");
  CHECK_FALSE(reviews[0].retired);
  CHECK(reviews[1].retired);
}

TEST_CASE("an item review is refused for an unknown item, without a date or without a reviewer") {
  Builder b;
  const auto item = b.plan.add(flag(b.area.partnership)).id;
  CHECK_REFUSED(b.plan, b.plan.record(review_of(ReviewableId(9), q2)), NotFoundError, "no reviewable item 9");
  CHECK_REFUSED(b.plan, b.plan.record(review_of(item, Date())), ValidationError, "on", "valid date");
  ItemReview anonymous = review_of(item, q2);
  anonymous.by = " ";
  CHECK_REFUSED(b.plan, b.plan.record(anonymous), ValidationError, "by", "must not be empty");
}

TEST_CASE("an item is first reviewed on or after the day it was placed") {
  Builder b;
  const Date placed = ymd(2024, 1, 10);
  const auto item = b.plan.add(flag(b.area.partnership, placed)).id;
  CHECK_REFUSED(b.plan, b.plan.record(review_of(item, placed - boost::gregorian::days(1))), ValidationError,
                "on", "2024-01-09", "before reviewable item 1 was placed (2024-01-10)");
  CHECK_NOTHROW(b.plan.record(review_of(item, placed)));
}

TEST_CASE("an item review falls strictly after the latest one") {
  Builder b;
  const auto item = b.plan.add(flag(b.area.partnership)).id;
  const Date latest = ymd(2024, 7, 10);
  b.plan.record(review_of(item, latest));
  CHECK_REFUSED(b.plan, b.plan.record(review_of(item, latest - boost::gregorian::days(1))), ValidationError,
                "on", "2024-07-09", "not after the latest review (2024-07-10)");
  CHECK_REFUSED(b.plan, b.plan.record(review_of(item, latest)), ValidationError, "on", "one a day");
  CHECK_NOTHROW(b.plan.record(review_of(item, latest + boost::gregorian::days(1))));
}

TEST_CASE("a retired item is no longer reviewed") {
  Builder b;
  const auto item = b.plan.add(flag(b.area.partnership)).id;
  b.plan.record(review_of(item, ymd(2024, 7, 10), true));
  CHECK_REFUSED(b.plan, b.plan.record(review_of(item, ymd(2025, 1, 10))), ConflictError,
                "reviewable item 1 was retired on 2024-07-10");
  CHECK_REFUSED(b.plan, b.plan.record(review_of(item, ymd(2025, 1, 10), true)), ConflictError, "retired");
}

// ---- review meetings: the meeting itself -------------------------------------------------------

TEST_CASE("a review meeting is kept whole, with the next free id") {
  WithBoard b;
  const auto a = b.add_action(created, due);
  ReviewMeeting m = meeting(b.area.lis, q1, {outcome(a, OutcomeKind::continue_)});
  m.attending = {b.police, b.health};
  m.note = "Quarterly LIS review";
  m.outcomes[0].note = "on track";
  const auto& held = b.plan.record(m);
  CHECK(held.id == ReviewId(1));
  CHECK(held.attending == std::vector<AgencyId>{b.police, b.health});
  REQUIRE(b.plan.review(held.id).outcomes.size() == 1);
  CHECK(b.plan.review(held.id).outcomes[0].note == "on track");
  CHECK(b.plan.reviews().size() == 1);
  CHECK(b.plan.prepare(meeting(b.board, q2)).id == ReviewId(2));
  ReviewMeeting numbered = meeting(b.board, q2);
  numbered.id = ReviewId(5);
  CHECK(b.plan.record(numbered).id == ReviewId(5));
  CHECK(b.plan.record(meeting(b.board, q2)).id == ReviewId(6));
}

TEST_CASE(
    "a review meeting needs a new id, an existing group, a valid date and attending agencies listed once") {
  WithBoard b;
  b.plan.record(meeting(b.area.lis, q1));
  ReviewMeeting m = meeting(b.area.lis, q2);
  m.id = ReviewId(1);
  CHECK_REFUSED(b.plan, b.plan.record(m), ConflictError, "review meeting 1 already exists");
  CHECK_REFUSED(b.plan, b.plan.record(meeting(GroupId(9), q2)), NotFoundError, "no group 9");
  CHECK_REFUSED(b.plan, b.plan.record(meeting(b.area.lis, Date())), ValidationError, "held_on", "valid date");
  m = meeting(b.area.lis, q2);
  m.attending = {b.police, AgencyId(9)};
  CHECK_REFUSED(b.plan, b.plan.record(m), NotFoundError, "no agency 9");
  m.attending = {b.police, b.health, b.police};
  CHECK_REFUSED(b.plan, b.plan.record(m), ValidationError, "attending", "agency 1 is listed twice");
}

TEST_CASE("each outcome is for an existing action of the group's partnership, once") {
  WithBoard b;
  const auto other = b.add_area("Dudley SCB");
  const auto a = b.add_action(created, due);
  const auto theirs = b.add_action(other, created, due);
  CHECK_REFUSED(b.plan,
                b.plan.record(meeting(b.area.lis, q1, {outcome(ActionId(99), OutcomeKind::continue_)})),
                NotFoundError, "outcome for action 99 (continue): no action 99");
  CHECK_REFUSED(b.plan, b.plan.record(meeting(b.area.lis, q1, {outcome(theirs, OutcomeKind::continue_)})),
                ValidationError, "action: outcome for action 2 (continue): action 2 belongs to partnership 2",
                "group 1's partnership 1");
  CHECK_REFUSED(b.plan,
                b.plan.record(meeting(b.area.lis, q1,
                                      {outcome(a, OutcomeKind::continue_), extend(a, ymd(2024, 9, 30))})),
                ConflictError,
                "outcome for action 1 (extend): the meeting already has an outcome for action 1");
}

TEST_CASE("an outcome is for an action created on or before the meeting") {
  WithBoard b;
  const auto a = b.add_action(created, due);
  for (auto kind : {OutcomeKind::continue_, OutcomeKind::complete}) {
    CAPTURE(to_string(kind));
    CHECK_REFUSED(
        b.plan, b.plan.record(meeting(b.area.lis, created - boost::gregorian::days(1), {outcome(a, kind)})),
        ValidationError, "held_on", "the meeting on 2024-01-31 is before action 1 was created (2024-02-01)");
  }
  CHECK_NOTHROW(b.plan.record(meeting(b.area.lis, created, {outcome(a, OutcomeKind::continue_)})));
}

TEST_CASE("new_due and escalated_to are refused on outcomes that do not use them") {
  WithBoard b;
  const auto a = b.add_action(created, due);
  for (auto kind : {OutcomeKind::continue_, OutcomeKind::complete, OutcomeKind::assure, OutcomeKind::escalate,
                    OutcomeKind::cancel}) {
    CAPTURE(to_string(kind));
    ReviewOutcome o = outcome(a, kind, "a reason");
    o.new_due = ymd(2024, 9, 30);
    CHECK_REFUSED(b.plan, b.plan.record(meeting(b.area.lis, q1, {o})), ValidationError, "new_due",
                  "only an extend outcome carries new_due");
  }
  for (auto kind : {OutcomeKind::continue_, OutcomeKind::complete, OutcomeKind::assure, OutcomeKind::extend,
                    OutcomeKind::cancel}) {
    CAPTURE(to_string(kind));
    ReviewOutcome o =
        kind == OutcomeKind::extend ? extend(a, ymd(2024, 9, 30)) : outcome(a, kind, "a reason");
    o.escalated_to = b.board;
    CHECK_REFUSED(b.plan, b.plan.record(meeting(b.area.lis, q1, {o})), ValidationError, "escalated_to",
                  "only an escalate outcome carries escalated_to");
  }
}

TEST_CASE("prepare gives a meeting the id record would and refuses what record refuses, changing nothing") {
  WithBoard b;
  const auto a = b.add_action(created, due);
  const std::string before = fingerprint(b.plan);
  const auto prepared = b.plan.prepare(meeting(b.area.lis, q1, {outcome(a, OutcomeKind::complete)}));
  CHECK(prepared.id == ReviewId(1));
  CHECK(fingerprint(b.plan) == before);
  CHECK(b.plan.action(a).updates.empty());
  CHECK_THROWS_AS(b.plan.prepare(meeting(b.area.lis, q1, {outcome(a, OutcomeKind::cancel)})),
                  ValidationError);
  CHECK(b.plan.record(prepared).id == ReviewId(1));
}

// ---- review meetings: what each outcome does ---------------------------------------------------

TEST_CASE("continue and escalate change no action and stay on the meeting") {
  WithBoard b;
  const auto a = b.add_action(created, due);
  const auto c = b.add_action(created, due);
  b.set_status(c, ymd(2024, 3, 1), Status::in_progress);
  const std::string before = fingerprint(b.plan);
  const auto& m =
      b.plan.record(meeting(b.area.lis, q1, {outcome(a, OutcomeKind::continue_), escalate(c, b.board)}));
  CHECK(b.plan.action(a).updates.empty());
  CHECK(b.plan.action(c).updates.size() == 1);
  const auto effects = effects_of(b.plan, m);
  CHECK(effects.updates.empty());
  CHECK(effects.due_revisions.empty());
  CHECK(effects.assurances.empty());
  CHECK(m.outcomes[1].escalated_to == b.board);
  CHECK(m.outcomes[1].reason == "no progress in two quarters");
  // Only the meeting was added.
  CHECK(fingerprint(b.plan) != before);
  CHECK(b.plan.reviews().size() == 1);
}

TEST_CASE("complete records an update to complete, by the group, on the meeting day") {
  WithBoard b;
  const auto a = b.add_action(created, due);
  const auto c = b.add_action(created, due);
  ReviewOutcome noted = outcome(c, OutcomeKind::complete);
  noted.note = "Training delivered to 84 practitioners";
  b.plan.record(meeting(b.area.lis, q1, {outcome(a, OutcomeKind::complete), noted}));
  REQUIRE(b.plan.action(a).updates.size() == 1);
  const auto u = b.plan.action(a).updates[0];
  CHECK(u.on == q1);
  CHECK(u.status == Status::complete);
  CHECK(u.by == "Learning and Improvement Subgroup");
  CHECK(u.note == "completed at review");
  CHECK(u.completed_on == q1);
  CHECK_FALSE(u.reported_rag.has_value());
  CHECK(b.plan.action(c).updates.at(0).note == "Training delivered to 84 practitioners");
}

TEST_CASE("cancel records an update to cancelled with the reason as its note, and needs a reason") {
  WithBoard b;
  const auto a = b.add_action(created, due);
  CHECK_REFUSED(b.plan, b.plan.record(meeting(b.area.lis, q1, {outcome(a, OutcomeKind::cancel, " ")})),
                ValidationError, "reason: outcome for action 1 (cancel): the cancel outcome needs a reason");
  b.plan.record(
      meeting(b.area.lis, q1, {outcome(a, OutcomeKind::cancel, "superseded by the county-wide protocol")}));
  const auto u = b.plan.action(a).updates.at(0);
  CHECK(u.status == Status::cancelled);
  CHECK(u.note == "superseded by the county-wide protocol");
  CHECK(u.by == "Learning and Improvement Subgroup");
  CHECK(u.on == q1);
  CHECK_FALSE(u.completed_on.has_value());
}

TEST_CASE("extend records a due-date revision agreed by the group") {
  WithBoard b;
  const auto a = b.add_action(created, due);
  b.plan.record(meeting(b.area.lis, q2, {extend(a, ymd(2024, 12, 31))}));
  REQUIRE(b.plan.action(a).due_revisions.size() == 1);
  const auto r = b.plan.action(a).due_revisions[0];
  CHECK(r.on == q2);
  CHECK(r.new_due == ymd(2024, 12, 31));
  CHECK(r.reason == "training venue unavailable");
  CHECK(r.agreed_by == "Learning and Improvement Subgroup");
  CHECK(b.plan.action(a).updates.empty());
}

TEST_CASE("extend needs a valid new due date and a reason, checked as a due-date revision") {
  WithBoard b;
  const auto a = b.add_action(created, due);
  ReviewOutcome o = outcome(a, OutcomeKind::extend, "venue");
  CHECK_REFUSED(b.plan, b.plan.record(meeting(b.area.lis, q1, {o})), ValidationError,
                "new_due: outcome for action 1 (extend): an extend outcome needs the new due date");
  o.new_due = Date();
  CHECK_REFUSED(b.plan, b.plan.record(meeting(b.area.lis, q1, {o})), ValidationError, "new_due",
                "valid date");
  CHECK_REFUSED(b.plan, b.plan.record(meeting(b.area.lis, q1, {extend(a, ymd(2024, 9, 30), "")})),
                ValidationError, "reason", "outcome for action 1 (extend)", "needs a reason");
  // A new due date before creation is refused as for any revision; on creation day it is taken.
  CHECK_REFUSED(b.plan,
                b.plan.record(meeting(b.area.lis, q1, {extend(a, created - boost::gregorian::days(1))})),
                ValidationError, "new_due", "outcome for action 1 (extend)", "2024-01-31",
                "before the creation date 2024-02-01");
  b.revise_due(a, q2, ymd(2024, 9, 30));
  CHECK_REFUSED(b.plan, b.plan.record(meeting(b.area.lis, q1, {extend(a, ymd(2024, 12, 31))})),
                ValidationError, "on", "outcome for action 1 (extend)",
                "before the latest one already recorded (2024-06-30)");
  // An extension moves the due date in force (2024-09-30 now) later: the same day is refused.
  CHECK_REFUSED(b.plan, b.plan.record(meeting(b.area.lis, q2, {extend(a, ymd(2024, 9, 30))})),
                ValidationError, "new_due", "outcome for action 1 (extend)",
                "extending action 1 to 2024-09-30 does not move its due date 2024-09-30 later");
  CHECK_REFUSED(b.plan, b.plan.record(meeting(b.area.lis, q2, {extend(a, ymd(2024, 8, 1))})), ValidationError,
                "new_due", "does not move its due date 2024-09-30 later");
  CHECK_NOTHROW(b.plan.record(meeting(b.area.lis, q2, {extend(a, ymd(2024, 10, 1))})));
}

TEST_CASE("assure records the group's assurance of a complete action with impact evidence") {
  WithBoard b;
  const auto a = b.add_action(created, due);
  b.complete_with_impact(a, ymd(2024, 5, 20));
  ReviewOutcome o = outcome(a, OutcomeKind::assure);
  o.note = "re-audit shows change in practice";
  b.plan.record(meeting(b.area.lis, q2, {o}));
  const auto& s = b.plan.action(a).assurance;
  REQUIRE(s.has_value());
  CHECK(s->on == q2);
  CHECK(s->group == b.area.lis);
  CHECK(s->by == "Learning and Improvement Subgroup");
  CHECK(s->note == "re-audit shows change in practice");
}

TEST_CASE("assure follows every assurance rule") {
  WithBoard b;
  const auto open = b.add_action(created, due);
  const auto no_impact = b.add_action(created, due);
  const auto assured = b.add_action(created, due);
  b.set_status(no_impact, ymd(2024, 5, 1), Status::complete);
  b.plan.record(Evidence{{}, no_impact, ymd(2024, 5, 1), EvidenceKind::completion, "attendance list", "LIS"});
  b.complete_and_assure(assured, ymd(2024, 5, 1));
  CHECK_REFUSED(
      b.plan, b.plan.record(meeting(b.area.lis, q2, {outcome(open, OutcomeKind::assure)})), ConflictError,
      "outcome for action 1 (assure): action 1 is not_started; only a complete action can be assured");
  CHECK_REFUSED(b.plan, b.plan.record(meeting(b.area.lis, q2, {outcome(no_impact, OutcomeKind::assure)})),
                ConflictError, "outcome for action 2 (assure)", "assurance needs evidence of impact");
  CHECK_REFUSED(b.plan, b.plan.record(meeting(b.area.lis, q2, {outcome(assured, OutcomeKind::assure)})),
                ConflictError, "outcome for action 3 (assure): action 3 is already assured");
  // Impact evidence dated the day after the meeting is too late for it.
  const auto late = b.add_action(created, due);
  b.set_status(late, ymd(2024, 5, 1), Status::complete);
  b.add_evidence(late, q2 + boost::gregorian::days(1));
  CHECK_REFUSED(b.plan, b.plan.record(meeting(b.area.lis, q2, {outcome(late, OutcomeKind::assure)})),
                ConflictError, "no impact evidence dated on or before 2024-06-30");
  CHECK_NOTHROW(b.plan.record(
      meeting(b.area.lis, q2 + boost::gregorian::days(1), {outcome(late, OutcomeKind::assure)})));
}

TEST_CASE("escalate needs another group of the partnership and a reason") {
  WithBoard b;
  const auto other = b.add_area("Dudley SCB");
  const auto a = b.add_action(created, due);
  ReviewOutcome o = outcome(a, OutcomeKind::escalate, "no progress");
  CHECK_REFUSED(b.plan, b.plan.record(meeting(b.area.lis, q1, {o})), ValidationError, "escalated_to",
                "outcome for action 1 (escalate): an escalate outcome needs the group escalated to");
  CHECK_REFUSED(b.plan, b.plan.record(meeting(b.area.lis, q1, {escalate(a, GroupId(9))})), NotFoundError,
                "outcome for action 1 (escalate): no group 9");
  CHECK_REFUSED(b.plan, b.plan.record(meeting(b.area.lis, q1, {escalate(a, other.lis)})), ValidationError,
                "escalated_to", "group 3 belongs to another partnership (2, not 1)");
  CHECK_REFUSED(b.plan, b.plan.record(meeting(b.area.lis, q1, {escalate(a, b.area.lis)})), ValidationError,
                "escalated_to", "group 1 holds the meeting");
  CHECK_REFUSED(b.plan, b.plan.record(meeting(b.area.lis, q1, {escalate(a, b.board, "\t")})), ValidationError,
                "reason", "the escalate outcome needs a reason");
  CHECK(b.plan.record(meeting(b.area.lis, q1, {escalate(a, b.board)})).outcomes[0].escalated_to == b.board);
}

TEST_CASE("outcomes follow the action's transition rules") {
  WithBoard b;
  const auto cancelled = b.add_action(created, due);
  const auto assured = b.add_action(created, due);
  const auto reviewed = b.add_action(created, due);
  b.set_status(cancelled, ymd(2024, 3, 1), Status::cancelled, "superseded");
  b.complete_and_assure(assured, ymd(2024, 3, 1));
  b.set_status(reviewed, q1, Status::in_progress);
  CHECK_REFUSED(b.plan, b.plan.record(meeting(b.area.lis, q2, {outcome(cancelled, OutcomeKind::complete)})),
                ConflictError,
                "outcome for action 1 (complete): action 1 is cancelled and no longer changes");
  CHECK_REFUSED(b.plan, b.plan.record(meeting(b.area.lis, q2, {extend(cancelled, ymd(2024, 12, 31))})),
                ConflictError, "is cancelled");
  CHECK_REFUSED(b.plan,
                b.plan.record(meeting(b.area.lis, q2, {outcome(assured, OutcomeKind::cancel, "moot")})),
                ConflictError, "outcome for action 2 (cancel): action 2 was assured on 2024-03-01");
  // An update is dated on or after the latest one: the day before is refused, the same day taken.
  CHECK_REFUSED(b.plan,
                b.plan.record(meeting(b.area.lis, q1 - boost::gregorian::days(1),
                                      {outcome(reviewed, OutcomeKind::complete)})),
                ValidationError, "on", "outcome for action 3 (complete)",
                "before the latest one already recorded");
  CHECK_NOTHROW(b.plan.record(meeting(b.area.lis, q1, {outcome(reviewed, OutcomeKind::complete)})));
}

TEST_CASE("a meeting with one refused outcome records nothing, not even its valid outcomes") {
  WithBoard b;
  const auto a = b.add_action(created, due);
  const auto c = b.add_action(created, due);
  CHECK_REFUSED(b.plan,
                b.plan.record(meeting(b.area.lis, q1,
                                      {outcome(a, OutcomeKind::complete), extend(c, ymd(2024, 9, 30)),
                                       outcome(ActionId(9), OutcomeKind::continue_)})),
                NotFoundError, "no action 9");
  CHECK(b.plan.action(a).updates.empty());
  CHECK(b.plan.action(c).due_revisions.empty());
  CHECK(b.plan.reviews().empty());
}

TEST_CASE("effects_of spells out what recording a meeting does") {
  WithBoard b;
  const auto done = b.add_action(created, due);
  const auto dropped = b.add_action(created, due);
  const auto later = b.add_action(created, due);
  const auto signed_off = b.add_action(created, due);
  const auto stuck = b.add_action(created, due);
  b.complete_with_impact(signed_off, ymd(2024, 5, 1));
  const auto m = meeting(
      b.area.lis, q2,
      {outcome(done, OutcomeKind::complete), outcome(dropped, OutcomeKind::cancel, "superseded"),
       extend(later, ymd(2024, 12, 31)), outcome(signed_off, OutcomeKind::assure), escalate(stuck, b.board)});
  const auto effects = effects_of(b.plan, m);
  REQUIRE(effects.updates.size() == 2);
  CHECK(effects.updates[0].action == done);
  CHECK(effects.updates[0].status == Status::complete);
  CHECK(effects.updates[1].action == dropped);
  CHECK(effects.updates[1].status == Status::cancelled);
  REQUIRE(effects.due_revisions.size() == 1);
  CHECK(effects.due_revisions[0].action == later);
  REQUIRE(effects.assurances.size() == 1);
  CHECK(effects.assurances[0].action == signed_off);
  CHECK(effects.assurances[0].group == b.area.lis);
  // Recording applies exactly these.
  b.plan.record(m);
  CHECK(b.plan.action(done).updates.back().note == effects.updates[0].note);
  CHECK(b.plan.action(dropped).updates.back().note == "superseded");
  CHECK(b.plan.action(later).due_revisions.back().new_due == ymd(2024, 12, 31));
  CHECK(b.plan.action(signed_off).assurance->on == q2);
  CHECK_THROWS_AS(effects_of(b.plan, meeting(GroupId(9), q2)), NotFoundError);
}

// ---- restoring what a store wrote --------------------------------------------------------------

TEST_CASE("a meeting restored after its effects gives the plan that recording it gave") {
  WithBoard b;
  const auto a = b.add_action(created, due);
  const auto c = b.add_action(created, due);
  const Plan before = b.plan;
  ReviewMeeting m =
      meeting(b.area.lis, q2, {outcome(a, OutcomeKind::complete), extend(c, ymd(2024, 12, 31))});
  m.attending = {b.police};
  const auto held = b.plan.record(m);

  Plan restored = before;
  const auto effects = effects_of(restored, held);
  Plan::ActionHistory of_a, of_c;
  of_a.updates = {effects.updates[0]};
  of_c.due_revisions = {effects.due_revisions[0]};
  restored.restore_history(a, of_a);
  restored.restore_history(c, of_c);
  restored.restore(held);
  CHECK(fingerprint(restored) == fingerprint(b.plan));
  CHECK(restored.review(held.id).attending == std::vector<AgencyId>{b.police});
}

TEST_CASE("restoring a meeting checks its references only") {
  WithBoard b;
  const auto a = b.add_action(created, due);
  ReviewMeeting m = meeting(b.area.lis, q1, {outcome(a, OutcomeKind::complete)});
  m.id = ReviewId(3);
  // The action is not complete: the meeting's effect was restored apart (here: not at all).
  b.plan.restore(m);
  CHECK(b.plan.review(ReviewId(3)).outcomes.size() == 1);
  CHECK(b.plan.action(a).updates.empty());
  CHECK(b.plan.prepare(meeting(b.area.lis, q1)).id == ReviewId(4));

  CHECK_REFUSED(b.plan, b.plan.restore(m), ConflictError, "review meeting 3 already exists");
  m.id = ReviewId();
  CHECK_REFUSED(b.plan, b.plan.restore(m), ValidationError, "id", "needs its id");
  m.id = ReviewId(4);
  m.group = GroupId(9);
  CHECK_REFUSED(b.plan, b.plan.restore(m), NotFoundError, "no group 9");
  m.group = b.area.lis;
  m.attending = {AgencyId(9)};
  CHECK_REFUSED(b.plan, b.plan.restore(m), NotFoundError, "no agency 9");
  m.attending = {};
  m.outcomes = {outcome(ActionId(9), OutcomeKind::continue_)};
  CHECK_REFUSED(b.plan, b.plan.restore(m), NotFoundError, "no action 9");
  m.outcomes = {escalate(a, GroupId(8))};
  CHECK_REFUSED(b.plan, b.plan.restore(m), NotFoundError, "no group 8");
}

TEST_CASE("restore_reviews takes reviews in date order without replaying retirement") {
  Builder b;
  const auto item = b.plan.add(flag(b.area.partnership)).id;
  b.plan.restore_reviews(item, {review_of(item, ymd(2024, 7, 10), true), review_of(item, ymd(2025, 1, 10))});
  CHECK(b.plan.reviewable_item(item).reviews.size() == 2);  // record() refuses a review after retirement
  CHECK_REFUSED(b.plan, b.plan.restore_reviews(item, {review_of(item, ymd(2025, 7, 10))}), ConflictError,
                "reviewable item 1 already has reviews");
}

TEST_CASE("restore_reviews refuses reviews out of order, before placing or of another item") {
  Builder b;
  const auto item = b.plan.add(flag(b.area.partnership)).id;
  const auto other = b.plan.add(flag(b.area.partnership)).id;
  CHECK_REFUSED(b.plan, b.plan.restore_reviews(ReviewableId(9), {}), NotFoundError, "no reviewable item 9");
  CHECK_REFUSED(
      b.plan,
      b.plan.restore_reviews(item, {review_of(item, ymd(2025, 1, 10)), review_of(item, ymd(2024, 7, 10))}),
      ValidationError, "on", "2024-07-10", "not after the latest review (2025-01-10)");
  CHECK_REFUSED(
      b.plan,
      b.plan.restore_reviews(item, {review_of(item, ymd(2024, 7, 10)), review_of(item, ymd(2024, 7, 10))}),
      ValidationError, "on", "one a day");
  CHECK_REFUSED(b.plan, b.plan.restore_reviews(item, {review_of(item, ymd(2024, 1, 9))}), ValidationError,
                "on", "before reviewable item 1 was placed");
  CHECK_REFUSED(b.plan, b.plan.restore_reviews(item, {review_of(item, Date())}), ValidationError, "on");
  CHECK_REFUSED(b.plan, b.plan.restore_reviews(item, {review_of(other, ymd(2024, 7, 10))}), ValidationError,
                "item", "a review of reviewable item 2 cannot be restored to item 1");
  b.plan.restore_reviews(item, {review_of(item, ymd(2024, 1, 10))});
  CHECK(b.plan.reviewable_item(item).reviews.size() == 1);
}

// ---- the plan as a value -----------------------------------------------------------------------

TEST_CASE("a copied plan keeps its cycles, items and meetings apart from the original") {
  WithBoard b;
  const auto a = b.add_action(created, due);
  const auto item = b.plan.add(flag(b.area.partnership)).id;
  Plan copy = b.plan;
  copy.add(quarterly(b.area.partnership));
  copy.record(review_of(item, q2));
  copy.record(meeting(b.area.lis, q1, {outcome(a, OutcomeKind::complete)}));
  CHECK(b.plan.review_cycles().empty());
  CHECK(b.plan.reviewable_item(item).reviews.empty());
  CHECK(b.plan.reviews().empty());
  CHECK(b.plan.action(a).updates.empty());
  Plan moved = std::move(copy);
  CHECK(moved.reviews().size() == 1);
  CHECK(moved.action(a).updates.size() == 1);
}

TEST_CASE("the unchanged-plan check sees cycles, items, reviews and meetings") {
  WithBoard b;
  const auto a = b.add_action(created, due);
  ChangeWatch watch(b.plan);
  const auto changed = [&] { return watch.changed(); };
  const auto item = b.plan.add(flag(b.area.partnership)).id;
  CHECK(changed());
  b.plan.add(quarterly(b.area.partnership));
  CHECK(changed());
  b.plan.record(review_of(item, q1));
  CHECK(changed());
  b.plan.record(review_of(item, q2, true));
  CHECK(changed());
  b.plan.record(meeting(b.area.lis, q1));
  CHECK(changed());
  b.plan.record(meeting(b.area.lis, q1, {outcome(a, OutcomeKind::continue_)}));
  CHECK(changed());
  ReviewMeeting numbered = meeting(b.board, q2);
  numbered.id = ReviewId(9);
  b.plan.restore(numbered);
  CHECK(changed());
}
