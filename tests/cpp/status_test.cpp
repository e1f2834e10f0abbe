// As-of semantics (bench/workload/WORKLOAD.md, status.hpp): status, open,
// blocked, overdue and RAG at a review date D, fields with a history read as
// they stood on D, and the review figures built from them. Boundary dates
// (on D, the day before, the day after) are checked on purpose.
#include <doctest/doctest.h>

#include "fixtures.hpp"
#include "plansight/status.hpp"
#include "plansight/summary.hpp"

using namespace plansight;
using namespace plansight::testing;

namespace {

// The quarterly LIS review date every test asks about.
const Date D = ymd(2024, 6, 30);
const Date created = ymd(2024, 2, 1);


}  // namespace

// ---- status ---------------------------------------------------------------------------

TEST_CASE("status is not_started when there is no update") {
  Builder b;
  const auto a = b.add_action(created, ymd(2024, 12, 31));
  CHECK(status_at(b.plan.action(a), D) == Status::not_started);
  CHECK(status_at(b.plan, a, D) == Status::not_started);
}

TEST_CASE("status at D counts an update dated on D") {
  Builder b;
  const auto a = b.add_action(created, ymd(2024, 12, 31));
  b.set_status(a, D, Status::in_progress);
  CHECK(status_at(b.plan, a, D) == Status::in_progress);
  CHECK(status_at(b.plan, a, days_before(D, 1)) == Status::not_started);
}

TEST_CASE("status at D ignores updates dated after D") {
  Builder b;
  const auto a = b.add_action(created, ymd(2024, 12, 31));
  b.set_status(a, days_after(D, 1), Status::complete);
  CHECK(status_at(b.plan, a, D) == Status::not_started);
  CHECK(status_at(b.plan, a, days_after(D, 1)) == Status::complete);
}

TEST_CASE("status at D is that of the latest update on or before D") {
  Builder b;
  const auto a = b.add_action(created, ymd(2024, 12, 31));
  b.set_status(a, ymd(2024, 3, 31), Status::in_progress);
  b.set_status(a, ymd(2024, 5, 15), Status::complete);
  b.set_status(a, ymd(2024, 8, 1), Status::in_progress, "re-audit found no change");
  const auto& action = b.plan.action(a);
  CHECK(status_at(action, ymd(2024, 3, 30)) == Status::not_started);
  CHECK(status_at(action, ymd(2024, 3, 31)) == Status::in_progress);
  CHECK(status_at(action, ymd(2024, 5, 14)) == Status::in_progress);
  CHECK(status_at(action, ymd(2024, 5, 15)) == Status::complete);
  CHECK(status_at(action, D) == Status::complete);
  CHECK(status_at(action, ymd(2024, 8, 1)) == Status::in_progress);
}

TEST_CASE("of several updates on one day the last recorded counts") {
  Builder b;
  const auto a = b.add_action(created, ymd(2024, 12, 31));
  b.set_status(a, D, Status::in_progress);
  b.set_status(a, D, Status::complete);
  CHECK(status_at(b.plan, a, D) == Status::complete);
}

// ---- open --------------------------------------------------------------------------------

TEST_CASE("not_started and in_progress are open and complete and cancelled are not") {
  CHECK(is_open(Status::not_started));
  CHECK(is_open(Status::in_progress));
  CHECK_FALSE(is_open(Status::complete));
  CHECK_FALSE(is_open(Status::cancelled));
}

TEST_CASE("an action is open at D until the update closing it") {
  Builder b;
  const auto done = b.add_action(created, ymd(2024, 12, 31));
  const auto dropped = b.add_action(created, ymd(2024, 12, 31));
  b.set_status(done, D, Status::complete);
  b.set_status(dropped, D, Status::cancelled, "superseded by regional protocol");
  CHECK(is_open_at(b.plan.action(done), days_before(D, 1)));
  CHECK_FALSE(is_open_at(b.plan.action(done), D));
  CHECK(is_open_at(b.plan.action(dropped), days_before(D, 1)));
  CHECK_FALSE(is_open_at(b.plan.action(dropped), D));
}

// ---- blocked ------------------------------------------------------------------------------

TEST_CASE("an open action waiting for an open action is blocked") {
  Builder b;
  const auto training = b.add_action(created, ymd(2024, 12, 31));
  const auto audit_again = b.add_action(created, ymd(2024, 12, 31));
  b.plan.add_dependency(audit_again, training);
  b.set_status(training, ymd(2024, 3, 31), Status::in_progress);
  CHECK(is_blocked(b.plan, audit_again, D));
  CHECK_FALSE(is_blocked(b.plan, training, D));
  CHECK(blockers(b.plan, b.plan.action(audit_again), D) == std::vector<ActionId>{training});
}

TEST_CASE("an action without dependencies is never blocked") {
  Builder b;
  const auto a = b.add_action(created, ymd(2024, 12, 31));
  CHECK_FALSE(is_blocked(b.plan, a, D));
  CHECK(blockers(b.plan, b.plan.action(a), D).empty());
}

TEST_CASE("a closed action is not blocked even when its dependency is open") {
  Builder b;
  const auto training = b.add_action(created, ymd(2024, 12, 31));
  const auto finished = b.add_action(created, ymd(2024, 12, 31));
  const auto dropped = b.add_action(created, ymd(2024, 12, 31));
  b.plan.add_dependency(finished, training);
  b.plan.add_dependency(dropped, training);
  b.set_status(finished, ymd(2024, 5, 1), Status::complete);
  b.set_status(dropped, ymd(2024, 5, 1), Status::cancelled, "merged into another action");
  CHECK_FALSE(is_blocked(b.plan, finished, D));
  CHECK_FALSE(is_blocked(b.plan, dropped, D));
  CHECK(blockers(b.plan, b.plan.action(finished), D).empty());
  CHECK(is_blocked(b.plan, finished, ymd(2024, 4, 30)));
}

TEST_CASE("a dependency completing on D unblocks on D") {
  Builder b;
  const auto training = b.add_action(created, ymd(2024, 12, 31));
  const auto audit_again = b.add_action(created, ymd(2024, 12, 31));
  b.plan.add_dependency(audit_again, training);
  b.set_status(training, D, Status::complete);
  CHECK(is_blocked(b.plan, audit_again, days_before(D, 1)));
  CHECK_FALSE(is_blocked(b.plan, audit_again, D));
}

TEST_CASE("a cancelled dependency does not block") {
  Builder b;
  const auto training = b.add_action(created, ymd(2024, 12, 31));
  const auto audit_again = b.add_action(created, ymd(2024, 12, 31));
  b.plan.add_dependency(audit_again, training);
  b.set_status(training, D, Status::cancelled, "commissioned regionally instead");
  CHECK_FALSE(is_blocked(b.plan, audit_again, D));
}

TEST_CASE("blockers lists only the open dependencies in dependency order") {
  Builder b;
  const auto first = b.add_action(created, ymd(2024, 12, 31));
  const auto second = b.add_action(created, ymd(2024, 12, 31));
  const auto third = b.add_action(created, ymd(2024, 12, 31));
  const auto waiting = b.add_action(created, ymd(2024, 12, 31));
  b.plan.add_dependency(waiting, third);
  b.plan.add_dependency(waiting, first);
  b.plan.add_dependency(waiting, second);
  b.set_status(first, ymd(2024, 4, 1), Status::complete);
  CHECK(blockers(b.plan, b.plan.action(waiting), D) == std::vector<ActionId>{third, second});
  CHECK(blockers(b.plan, b.plan.action(waiting), ymd(2024, 3, 31)) == std::vector<ActionId>{third, first, second});
}

// ---- overdue -------------------------------------------------------------------------------

TEST_CASE("an open action due before D is overdue") {
  Builder b;
  const auto not_started = b.add_action(created, days_before(D, 1));
  const auto in_progress = b.add_action(created, days_before(D, 1));
  b.set_status(in_progress, ymd(2024, 3, 31), Status::in_progress);
  CHECK(is_overdue(b.plan, not_started, D));
  CHECK(is_overdue(b.plan, in_progress, D));
}

TEST_CASE("an action due on D is not overdue on D") {
  Builder b;
  const auto a = b.add_action(created, D);
  CHECK_FALSE(is_overdue(b.plan, a, D));
  CHECK(is_overdue(b.plan, a, days_after(D, 1)));
}

TEST_CASE("a complete or cancelled action is never overdue") {
  Builder b;
  const auto done = b.add_action(created, ymd(2024, 3, 31));
  const auto dropped = b.add_action(created, ymd(2024, 3, 31));
  b.set_status(done, ymd(2024, 5, 1), Status::complete);
  b.set_status(dropped, ymd(2024, 5, 1), Status::cancelled, "superseded");
  CHECK_FALSE(is_overdue(b.plan, done, D));
  CHECK_FALSE(is_overdue(b.plan, dropped, D));
  CHECK(is_overdue(b.plan, done, ymd(2024, 4, 30)));
}

// ---- due date in force ------------------------------------------------------------------------

TEST_CASE("the due date in force is the original until the first revision") {
  Builder b;
  const auto a = b.add_action(created, ymd(2024, 5, 31));
  CHECK(due_on_at(b.plan.action(a), D) == ymd(2024, 5, 31));
  b.revise_due(a, D, ymd(2024, 9, 30));
  CHECK(due_on_at(b.plan.action(a), days_before(D, 1)) == ymd(2024, 5, 31));
}

TEST_CASE("a due-date revision dated on D applies on D") {
  Builder b;
  const auto a = b.add_action(created, ymd(2024, 5, 31));
  b.revise_due(a, D, ymd(2024, 9, 30));
  CHECK(due_on_at(b.plan.action(a), D) == ymd(2024, 9, 30));
  CHECK_FALSE(is_overdue(b.plan, a, D));
  CHECK(is_overdue(b.plan, a, days_before(D, 1)));
  CHECK(rag_at(b.plan, a, D) == Rag::green);
  CHECK(rag_at(b.plan, a, days_before(D, 1)) == Rag::red);
}

TEST_CASE("the latest of several revisions on or before D is in force") {
  Builder b;
  const auto a = b.add_action(created, ymd(2024, 5, 31));
  b.revise_due(a, ymd(2024, 5, 1), ymd(2024, 7, 31));
  b.revise_due(a, ymd(2024, 7, 15), ymd(2024, 10, 31));
  const auto& action = b.plan.action(a);
  CHECK(due_on_at(action, ymd(2024, 4, 30)) == ymd(2024, 5, 31));
  CHECK(due_on_at(action, D) == ymd(2024, 7, 31));
  CHECK(due_on_at(action, ymd(2024, 7, 15)) == ymd(2024, 10, 31));
  CHECK(is_overdue(action, ymd(2024, 6, 1)) == false);
}

TEST_CASE("a revision can bring the due date forward and make an action overdue") {
  Builder b;
  const auto a = b.add_action(created, ymd(2024, 12, 31));
  b.revise_due(a, ymd(2024, 6, 1), ymd(2024, 6, 15));
  CHECK_FALSE(is_overdue(b.plan, a, ymd(2024, 5, 31)));
  CHECK(is_overdue(b.plan, a, D));
}

// ---- RAG -------------------------------------------------------------------------------------

TEST_CASE("a cancelled action has no RAG") {
  Builder b;
  const auto a = b.add_action(created, ymd(2024, 3, 31));
  b.set_status(a, ymd(2024, 3, 1), Status::cancelled, "superseded");
  CHECK(rag_at(b.plan, a, D) == Rag::none);
}

TEST_CASE("a complete action is BLUE even past its due date") {
  Builder b;
  const auto a = b.add_action(created, ymd(2024, 3, 31));
  b.set_status(a, ymd(2024, 5, 1), Status::complete);
  CHECK(rag_at(b.plan, a, D) == Rag::blue);
  CHECK(rag_at(b.plan, a, ymd(2024, 4, 30)) == Rag::red);
}

TEST_CASE("an overdue action is RED even when blocked") {
  Builder b;
  const auto training = b.add_action(created, ymd(2024, 12, 31));
  const auto late = b.add_action(created, days_before(D, 1));
  b.plan.add_dependency(late, training);
  REQUIRE(is_blocked(b.plan, late, D));
  CHECK(rag_at(b.plan, late, D) == Rag::red);
}

TEST_CASE("a blocked action not yet due is AMBER whatever its due date") {
  Builder b;
  const auto training = b.add_action(created, ymd(2025, 12, 31));
  const auto waiting = b.add_action(created, ymd(2025, 12, 31));
  b.plan.add_dependency(waiting, training);
  b.set_status(waiting, ymd(2024, 4, 1), Status::in_progress);
  CHECK(rag_at(b.plan, waiting, D) == Rag::amber);
  CHECK(rag_at(b.plan, training, D) == Rag::green);
}

TEST_CASE("a not_started action due exactly 30 days after D is AMBER") {
  Builder b;
  const auto a = b.add_action(created, days_after(D, 30));
  CHECK(rag_at(b.plan, a, D) == Rag::amber);
}

TEST_CASE("a not_started action due 31 days after D is GREEN") {
  Builder b;
  const auto a = b.add_action(created, days_after(D, 31));
  CHECK(rag_at(b.plan, a, D) == Rag::green);
}

TEST_CASE("a not_started action due on D is AMBER not RED") {
  Builder b;
  const auto a = b.add_action(created, D);
  CHECK(rag_at(b.plan, a, D) == Rag::amber);
}

TEST_CASE("an in_progress action due within 30 days is GREEN") {
  Builder b;
  const auto a = b.add_action(created, days_after(D, 5));
  const auto due_today = b.add_action(created, D);
  b.set_status(a, ymd(2024, 4, 1), Status::in_progress);
  b.set_status(due_today, ymd(2024, 4, 1), Status::in_progress);
  CHECK(rag_at(b.plan, a, D) == Rag::green);
  CHECK(rag_at(b.plan, due_today, D) == Rag::green);
}

TEST_CASE("the by-id forms throw NotFoundError for an unknown action") {
  Builder b;
  CHECK_THROWS_WITH_AS(status_at(b.plan, ActionId(42), D), doctest::Contains("no action 42"), NotFoundError);
  CHECK_THROWS_WITH_AS(is_overdue(b.plan, ActionId(42), D), doctest::Contains("no action 42"), NotFoundError);
  CHECK_THROWS_WITH_AS(is_blocked(b.plan, ActionId(42), D), doctest::Contains("no action 42"), NotFoundError);
  CHECK_THROWS_WITH_AS(rag_at(b.plan, ActionId(42), D), doctest::Contains("no action 42"), NotFoundError);
}

// ---- owner, completion, assurance, existence as of D ---------------------------------------

TEST_CASE("the owner at D follows owner changes dated on or before D") {
  Builder b;
  const auto a = b.add_action(created, ymd(2024, 12, 31));
  b.change_owner(a, D, owned_by(b.health, "Designated Nurse"));
  b.change_owner(a, ymd(2024, 9, 1), owned_by(b.area.lis));
  const auto& action = b.plan.action(a);
  CHECK(owner_at(action, days_before(D, 1)).agency == b.police);
  CHECK(owner_at(action, D).agency == b.health);
  CHECK(owner_at(action, D).role == "Designated Nurse");
  CHECK_FALSE(owner_at(action, ymd(2024, 9, 1)).agency.has_value());
  CHECK(owner_at(action, ymd(2024, 9, 1)).group == b.area.lis);
}

TEST_CASE("completed_on at D is the completion date of a complete status at D") {
  Builder b;
  const auto a = b.add_action(created, ymd(2024, 12, 31));
  Update done;
  done.action = a;
  done.on = D;
  done.status = Status::complete;
  done.note = "Procedure revised";
  done.completed_on = ymd(2024, 6, 14);
  b.plan.record(done);
  b.set_status(a, ymd(2024, 8, 1), Status::in_progress, "re-audit found no change");
  const auto& action = b.plan.action(a);
  CHECK_FALSE(completed_on_at(action, days_before(D, 1)).has_value());
  CHECK(completed_on_at(action, D) == ymd(2024, 6, 14));
  CHECK(completed_on_at(action, ymd(2024, 7, 31)) == ymd(2024, 6, 14));
  CHECK_FALSE(completed_on_at(action, ymd(2024, 8, 1)).has_value());
}

TEST_CASE("completed_on at D defaults to the date of the complete update") {
  Builder b;
  const auto a = b.add_action(created, ymd(2024, 12, 31));
  b.set_status(a, ymd(2024, 5, 20), Status::complete);
  CHECK(completed_on_at(b.plan.action(a), D) == ymd(2024, 5, 20));
}

TEST_CASE("an action is assured from the date of its assurance") {
  Builder b;
  const auto a = b.add_action(created, ymd(2024, 12, 31));
  CHECK_FALSE(is_assured_at(b.plan.action(a), D));
  b.complete_and_assure(a, D);
  CHECK_FALSE(is_assured_at(b.plan.action(a), days_before(D, 1)));
  CHECK(is_assured_at(b.plan.action(a), D));
  CHECK(is_assured_at(b.plan.action(a), ymd(2025, 1, 1)));
}

TEST_CASE("an action exists from its creation date") {
  Builder b;
  const auto a = b.add_action(D, ymd(2024, 12, 31));
  CHECK(exists_at(b.plan.action(a), D));
  CHECK_FALSE(exists_at(b.plan.action(a), days_before(D, 1)));
}

// ---- lists and counts --------------------------------------------------------------------------

TEST_CASE("overdue and blocked actions are listed by ascending id") {
  Builder b;
  const auto add = [&](std::int64_t id, Date due) {
    Action a = b.draft(created, due);
    a.id = ActionId(id);
    return b.plan.add(a).id;
  };
  const auto late30 = add(30, ymd(2024, 5, 31));
  const auto late10 = add(10, ymd(2024, 4, 30));
  const auto late20 = add(20, ymd(2024, 3, 31));
  const auto root = add(5, ymd(2024, 12, 31));
  const auto waits25 = add(25, ymd(2024, 12, 31));
  const auto waits15 = add(15, ymd(2024, 12, 31));
  b.plan.add_dependency(waits25, root);
  b.plan.add_dependency(waits15, root);
  CHECK(overdue_actions(b.plan, D) == std::vector<ActionId>{late10, late20, late30});
  CHECK(blocked_actions(b.plan, D) == std::vector<ActionId>{waits15, waits25});
  CHECK(overdue_actions(b.plan, ymd(2024, 4, 15)) == std::vector<ActionId>{late20});
}

TEST_CASE("overdue and blocked lists leave out actions created after D") {
  Builder b;
  const auto root = b.add_action(created, ymd(2024, 12, 31));
  // Recorded elsewhere with a due date before its creation: overdue from the
  // day it exists, but not at D, when it did not exist yet.
  const auto later = b.plan.add(b.draft(days_after(D, 5), days_before(D, 5)), Provenance::recorded).id;
  const auto later_waiting = b.add_action(days_after(D, 1), ymd(2024, 12, 31));
  b.plan.add_dependency(later_waiting, root);
  REQUIRE(is_overdue(b.plan, later, D));
  REQUIRE(is_blocked(b.plan, later_waiting, D));
  CHECK(overdue_actions(b.plan, D).empty());
  CHECK(blocked_actions(b.plan, D).empty());
  CHECK(overdue_actions(b.plan, days_after(D, 5)) == std::vector<ActionId>{later});
  CHECK(blocked_actions(b.plan, days_after(D, 1)) == std::vector<ActionId>{later_waiting});
}

namespace {

// Two partnerships with a hand-picked mix of states at D = 2024-06-30, and a
// third with no actions. The expected figures are worked out beside each action.
struct Review {
  Builder b;
  Area dudley;
  Area empty;
  ActionId a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, b1, b2;

  Review() {
    dudley = b.add_area("Dudley SCB");
    empty = b.add_area("North Yorkshire SCP");
    // North Lincolnshire (partnership 1):
    a1 = b.add_action(created, ymd(2024, 5, 31));  // police, not started, due before D: overdue, RED
    a2 = b.add_action(created, ymd(2024, 12, 31), owned_by(b.social_care));  // waits for a1: blocked, AMBER
    b.plan.add_dependency(a2, a1);
    b.set_status(a2, ymd(2024, 3, 31), Status::in_progress);
    a3 = b.add_action(created, ymd(2024, 5, 31));  // police, complete and assured before D: BLUE
    b.complete_and_assure(a3, ymd(2024, 5, 15));
    a4 = b.add_action(created, ymd(2024, 5, 31), owned_by(b.health));  // complete on D: BLUE
    b.set_status(a4, D, Status::complete);
    a5 = b.add_action(created, ymd(2024, 5, 31), owned_by(b.social_care));  // cancelled: none
    b.set_status(a5, ymd(2024, 3, 31), Status::cancelled, "superseded by regional protocol");
    a6 = b.add_action(created, ymd(2024, 7, 20), owned_by(b.area.lis));  // LIS, not started, due in 20 days: AMBER
    a7 = b.add_action(days_after(D, 1), ymd(2024, 7, 2));  // police, created after D: left out
    a8 = b.add_action(created, D, owned_by(b.health));  // health, in progress, due on D: GREEN
    b.set_status(a8, ymd(2024, 4, 1), Status::in_progress);
    b.change_owner(a8, ymd(2024, 7, 10), owned_by(b.police));  // after D: still health at D
    a9 = b.add_action(created, ymd(2024, 9, 30));  // police until 1 June, then health; in progress: GREEN
    b.set_status(a9, ymd(2024, 4, 1), Status::in_progress);
    b.change_owner(a9, ymd(2024, 6, 1), owned_by(b.health));
    a10 = b.add_action(created, ymd(2024, 9, 30), owned_by(b.social_care));  // complete, assured after D: BLUE
    b.set_status(a10, ymd(2024, 6, 1), Status::complete);
    b.add_evidence(a10, ymd(2024, 6, 1));
    b.plan.record(Assurance{a10, ymd(2024, 7, 15), b.area.lis, "impact evidenced", "LIS chair"});
    // Dudley (partnership 2):
    b1 = b.add_action(dudley, created, days_after(D, 61));  // police, not started, due in 61 days: GREEN
    b2 = b.add_action(dudley, created, ymd(2024, 4, 30));  // police, in progress, due before D: RED
    b.set_status(b2, ymd(2024, 3, 1), Status::in_progress);
  }
};

RagTally tally(long red, long amber, long green, long blue, long none) { return {red, amber, green, blue, none}; }

}  // namespace

template <>
struct doctest::StringMaker<RagTally> {
  static String convert(const RagTally& t) {
    std::string out;
    for (std::size_t i = 0; i < t.size(); ++i)
      out += (i ? " " : "") + to_string(static_cast<Rag>(i)) + "=" + std::to_string(t[i]);
    return out.c_str();
  }
};

namespace {
void check_counts(const std::vector<RagCount>& counts, const std::vector<RagCount>& expected) {
  REQUIRE(counts.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    CHECK(counts[i].partnership == expected[i].partnership);
    CHECK(counts[i].agency == expected[i].agency);
    CHECK(counts[i].rag == expected[i].rag);
    CHECK(counts[i].count == expected[i].count);
  }
}
}  // namespace

TEST_CASE("rag_counts groups actions existing at D by partnership then owner agency at D then RAG") {
  Review r;
  const auto& b = r.b;
  const PartnershipId p1 = b.area.partnership, p2 = r.dudley.partnership;
  const std::optional<AgencyId> group_owned;
  const std::vector<RagCount> expected{
      {p1, group_owned, Rag::amber, 1},   // a6
      {p1, b.police, Rag::red, 1},        // a1
      {p1, b.police, Rag::blue, 1},       // a3
      {p1, b.social_care, Rag::amber, 1},  // a2
      {p1, b.social_care, Rag::blue, 1},   // a10
      {p1, b.social_care, Rag::none, 1},   // a5
      {p1, b.health, Rag::green, 2},       // a8, a9
      {p1, b.health, Rag::blue, 1},        // a4
      {p2, b.police, Rag::red, 1},         // b2
      {p2, b.police, Rag::green, 1},       // b1
  };
  check_counts(rag_counts(b.plan, D), expected);
}

// Many partnerships and agencies for few actions: counted in a hash map
// rather than a flat table, in the same order.
TEST_CASE("rag_counts orders by partnership id and agency id, not the order added, however sparse") {
  for (const int extra_agencies : {0, 400}) {
    CAPTURE(extra_agencies);
    Plan plan;
    const auto late = plan.add(Agency{AgencyId(9), "Police", Sector::police}).id;
    const auto early = plan.add(Agency{AgencyId(2), "Health", Sector::health}).id;
    for (int i = 0; i < extra_agencies; ++i)
      plan.add(Agency{AgencyId(100 + i), "Agency " + std::to_string(i), Sector::other});
    const auto second = plan.add(Partnership{PartnershipId(8), "Dudley"}).id;
    const auto first = plan.add(Partnership{PartnershipId(3), "North Yorkshire"}).id;
    const auto lis = plan.add(Group{{}, second, "LIS"}).id;
    const auto add = [&](PartnershipId p, Owner owner, Date due_on) {
      Audit audit;
      audit.partnership = p;
      audit.title = "Multi-agency case file audit";
      audit.held_on = ymd(2024, 1, 15);
      const auto audit_id = plan.add(audit).id;
      Action a;
      a.partnership = p;
      a.audit = audit_id;
      a.title = "Refresh training";
      a.owner = std::move(owner);
      a.created_on = ymd(2024, 2, 1);
      a.due_on = due_on;
      plan.add(a);
    };
    const Date soon = days_after(D, 10), later = days_after(D, 100), past = days_before(D, 1);
    add(second, owned_by(late), later);   // green
    add(second, owned_by(lis), later);    // green, group-owned
    add(first, owned_by(late), past);     // red
    add(first, owned_by(early), soon);    // amber
    add(first, owned_by(early), later);   // green
    add(first, owned_by(early), later);   // green
    const std::optional<AgencyId> group_owned;
    const std::vector<RagCount> expected{
        {first, early, Rag::amber, 1}, {first, early, Rag::green, 2}, {first, late, Rag::red, 1},
        {second, group_owned, Rag::green, 1}, {second, late, Rag::green, 1}};
    check_counts(rag_counts(plan, D), expected);
  }
}

TEST_CASE("rag_counts at D leaves out actions created after D and counts them once they exist") {
  Review r;
  long total_at_d = 0;
  for (const auto& c : rag_counts(r.b.plan, D)) total_at_d += c.count;
  CHECK(total_at_d == 11);
  long total_later = 0;
  for (const auto& c : rag_counts(r.b.plan, days_after(D, 1))) total_later += c.count;
  CHECK(total_later == 12);
}

TEST_CASE("overdue_actions and blocked_actions at D on the review plan") {
  Review r;
  CHECK(overdue_actions(r.b.plan, D) == std::vector<ActionId>{r.a1, r.b2});
  CHECK(blocked_actions(r.b.plan, D) == std::vector<ActionId>{r.a2});
}

TEST_CASE("review_summary gives each partnership's figures at D") {
  Review r;
  const auto& b = r.b;
  const auto summary = review_summary(b.plan, D);
  CHECK(summary.as_of == D);
  REQUIRE(summary.partnerships.size() == 3);

  SUBCASE("North Lincolnshire") {
    const auto& s = summary.partnerships[0];
    CHECK(s.partnership == b.area.partnership);
    CHECK(s.actions == 9);  // a1-a10 except a7
    CHECK(s.open == 5);     // a1 a2 a6 a8 a9
    CHECK(s.overdue == 1);  // a1
    CHECK(s.blocked == 1);  // a2
    CHECK(s.complete == 3);  // a3 a4 a10
    CHECK(s.assured == 1);   // a3; a10 is assured after D
    CHECK(s.cancelled == 1);  // a5
    CHECK(s.rag == tally(1, 2, 2, 3, 1));
    CHECK(s.overdue_actions == std::vector<ActionId>{r.a1});
    CHECK(s.blocked_actions == std::vector<ActionId>{r.a2});
    REQUIRE(s.by_agency.size() == 4);
    CHECK_FALSE(s.by_agency[0].agency.has_value());
    CHECK(s.by_agency[0].rag == tally(0, 1, 0, 0, 0));  // a6
    CHECK(s.by_agency[1].agency == b.police);
    CHECK(s.by_agency[1].rag == tally(1, 0, 0, 1, 0));  // a1 a3
    CHECK(s.by_agency[2].agency == b.social_care);
    CHECK(s.by_agency[2].rag == tally(0, 1, 0, 1, 1));  // a2 a10 a5
    CHECK(s.by_agency[3].agency == b.health);
    CHECK(s.by_agency[3].rag == tally(0, 0, 2, 1, 0));  // a8 a9 a4
  }
  SUBCASE("Dudley") {
    const auto& s = summary.partnerships[1];
    CHECK(s.partnership == r.dudley.partnership);
    CHECK(s.actions == 2);
    CHECK(s.open == 2);
    CHECK(s.overdue == 1);
    CHECK(s.blocked == 0);
    CHECK(s.complete == 0);
    CHECK(s.assured == 0);
    CHECK(s.cancelled == 0);
    CHECK(s.rag == tally(1, 0, 1, 0, 0));
    CHECK(s.overdue_actions == std::vector<ActionId>{r.b2});
    CHECK(s.blocked_actions.empty());
    REQUIRE(s.by_agency.size() == 1);
    CHECK(s.by_agency[0].agency == b.police);
    CHECK(s.by_agency[0].rag == tally(1, 0, 1, 0, 0));
  }
  SUBCASE("a partnership with no actions") {
    const auto& s = summary.partnerships[2];
    CHECK(s.partnership == r.empty.partnership);
    CHECK(s.actions == 0);
    CHECK(s.rag == tally(0, 0, 0, 0, 0));
    CHECK(s.by_agency.empty());
  }
}

TEST_CASE("review_summary a quarter later reflects what happened since") {
  Review r;
  const Date q2 = ymd(2024, 9, 30);
  const auto s = review_summary(r.b.plan, q2).partnerships[0];
  // a7 now exists and is overdue (due 2 July); a8 is overdue (due 30 June) and owned by the police;
  // a9 is due on the day; a10 is assured; a6 overdue (due 20 July); a2 still waits for a1.
  CHECK(s.actions == 10);
  CHECK(s.overdue_actions == std::vector<ActionId>{r.a1, r.a6, r.a7, r.a8});
  CHECK(s.blocked_actions == std::vector<ActionId>{r.a2});
  CHECK(s.assured == 2);
  CHECK(s.rag == tally(4, 1, 1, 3, 1));
}

// ---- the state of an action in one lookup ----------------------------------------------

TEST_CASE("state_at agrees with each as-of function, on the day before, of and after each date") {
  Builder b;
  const auto training = b.add_action(created, ymd(2024, 7, 15));
  const auto waiting = b.add_action(created, ymd(2024, 6, 30));
  const auto closed = b.add_action(created, ymd(2024, 5, 31));
  b.plan.add_dependency(waiting, training);
  b.set_status(training, ymd(2024, 6, 1), Status::in_progress);
  b.revise_due(waiting, ymd(2024, 6, 15), ymd(2024, 7, 31));
  b.set_status(closed, ymd(2024, 6, 30), Status::complete);
  b.set_status(training, ymd(2024, 7, 20), Status::complete);
  for (Date d = ymd(2024, 5, 30); d <= ymd(2024, 8, 2); d += boost::gregorian::days(1))
    for (const auto id : {training, waiting, closed}) {
      const Action& a = b.plan.action(id);
      const ActionState s = state_at(b.plan, a, d);
      CAPTURE(d);
      CAPTURE(id);
      CHECK(s.status == status_at(a, d));
      CHECK(s.due_on == due_on_at(a, d));
      CHECK(s.overdue == is_overdue(a, d));
      CHECK(s.blocked == is_blocked(b.plan, a, d));
      CHECK(s.rag == rag_at(b.plan, a, d));
    }
  // Spot values, so that the functions cannot all be wrong together.
  CHECK(state_at(b.plan, b.plan.action(waiting), ymd(2024, 7, 1)).rag == Rag::amber);  // blocked, revised
  CHECK(state_at(b.plan, b.plan.action(training), ymd(2024, 7, 16)).rag == Rag::red);
  CHECK(state_at(b.plan, b.plan.action(waiting), ymd(2024, 7, 20)).blocked == false);  // training done
}
