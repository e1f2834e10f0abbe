// The plan's actions as columns (src/detail/action_table.hpp): what goes in
// comes out, as views and as built Actions.
#include "detail/action_table.hpp"

#include <doctest/doctest.h>

#include "fixtures.hpp"

using namespace plansight;
using detail::ActionTable;
using testing::ymd;

namespace {

Action action(std::int64_t id, Owner owner = testing::owned_by(AgencyId(1))) {
  Action a;
  a.id = ActionId(id);
  a.partnership = PartnershipId(2);
  a.audit = AuditId(3);
  a.created_on = ymd(2024, 1, 1);
  a.due_on = ymd(2024, 6, 30);
  a.estimate_days = 10;
  a.owner = std::move(owner);
  a.title = "Refresh neglect training";
  return a;
}

Update update(std::int64_t id, Date on, Status status, std::string note) {
  return Update{ActionId(id), on, status, std::nullopt, std::move(note), "", std::nullopt};
}

// Every field of an action without history, compared.
void check_same(const Action& got, const Action& want) {
  CHECK(got.id == want.id);
  CHECK(got.partnership == want.partnership);
  CHECK(got.audit == want.audit);
  CHECK(got.created_on == want.created_on);
  CHECK(got.due_on == want.due_on);
  CHECK(got.estimate_days == want.estimate_days);
  CHECK(got.owner.agency == want.owner.agency);
  CHECK(got.owner.group == want.owner.group);
  CHECK(got.owner.role == want.owner.role);
  CHECK(got.owner.lead == want.owner.lead);
  CHECK(got.finding == want.finding);
  CHECK(got.recommendation == want.recommendation);
  CHECK(got.title == want.title);
  CHECK(got.description == want.description);
  CHECK(got.success_measure == want.success_measure);
  CHECK(got.depends_on.empty());
  CHECK(got.updates.empty());
  CHECK(got.due_revisions.empty());
  CHECK(got.owner_changes.empty());
  CHECK(got.evidence.empty());
  CHECK_FALSE(got.assurance);
}

}  // namespace

TEST_CASE("an action pushed reads back, as a view and built, with the fields it was given") {
  ActionTable table;
  Action a = action(7);
  a.finding = FindingId(4);
  a.recommendation = RecommendationId(5);
  a.description = "Half-day course";
  a.success_measure = "90% attendance";
  a.owner.role = "Named nurse";
  a.owner.lead = "J. Smith";
  table.push_back(a);
  Action plain = action(8);
  table.push_back(plain);
  REQUIRE(table.size() == 2);
  CHECK(table.id(0) == ActionId(7));
  const auto v = table.view(0);
  CHECK(v.id == ActionId(7));
  CHECK(v.partnership == PartnershipId(2));
  CHECK(v.audit == AuditId(3));
  CHECK(v.created_on == ymd(2024, 1, 1));
  CHECK(v.due_on == ymd(2024, 6, 30));
  CHECK(v.estimate_days == 10);
  CHECK(v.finding == std::optional(FindingId(4)));
  CHECK(v.recommendation == std::optional(RecommendationId(5)));
  CHECK(v.owner.role == "Named nurse");
  CHECK(v.title == "Refresh neglect training");
  CHECK(v.updates.empty());
  CHECK(v.assurance == nullptr);
  check_same(table.build(0), a);
  check_same(table.build(1), plain);
  CHECK_FALSE(table.view(1).finding);
  CHECK_FALSE(table.view(1).recommendation);
}

TEST_CASE("updates keep every field, the optional ones set and not") {
  ActionTable table;
  table.push_back(action(1));
  Update started = update(1, ymd(2024, 2, 1), Status::in_progress, "Booked");
  started.reported_rag = Rag::amber;
  started.by = "LIS manager";
  Update done = update(1, ymd(2024, 3, 1), Status::complete, "");
  done.completed_on = ymd(2024, 2, 27);
  Update none = update(1, ymd(2024, 3, 2), Status::complete, "");  // no RAG, author or completion date
  for (const Rag rag : {Rag::green, Rag::amber, Rag::red, Rag::blue, Rag::none}) {
    table.append(0, started);
    started.reported_rag = rag;
  }
  table.append(0, done);
  table.append(0, none);
  const Action built = table.build(0);
  REQUIRE(built.updates.size() == 7);
  CHECK(built.updates[0].reported_rag == std::optional(Rag::amber));
  for (std::size_t i = 1; i < 5; ++i) CHECK(built.updates[i].reported_rag.has_value());
  CHECK(built.updates[4].reported_rag == std::optional(Rag::blue));
  CHECK(built.updates[0].note == "Booked");
  CHECK(built.updates[0].by == "LIS manager");
  CHECK(built.updates[0].action == ActionId(1));
  CHECK(built.updates[5].completed_on == std::optional(ymd(2024, 2, 27)));
  CHECK(built.updates[5].status == Status::complete);
  CHECK_FALSE(built.updates[6].completed_on);
  CHECK_FALSE(built.updates[6].reported_rag);
  CHECK(built.updates[6].note.empty());
  CHECK(built.updates[6].by.empty());
  const auto rows = table.view(0).updates;
  CHECK(rows[5].on == ymd(2024, 3, 1));  // the view's rows name on and status as Update does
  CHECK(rows[5].status == Status::complete);
}

TEST_CASE("texts held once are held once: equal buffers share, equal texts apart stay apart") {
  ActionTable table;
  table.push_back(action(1));
  const Text shared("On track");
  table.append(0, Update{ActionId(1), ymd(2024, 2, 1), Status::in_progress, {}, shared, shared, {}});
  table.append(0,
               Update{ActionId(1), ymd(2024, 3, 1), Status::in_progress, {}, shared, Text("On track"), {}});
  const Action built = table.build(0);
  CHECK(built.updates[0].note.shares_buffer_with(shared));
  CHECK(built.updates[1].note.shares_buffer_with(shared));
  CHECK(built.updates[0].by.shares_buffer_with(shared));
  CHECK_FALSE(built.updates[1].by.shares_buffer_with(shared));  // its own buffer, kept as given
  CHECK(built.updates[1].by == "On track");
}

TEST_CASE("owners equal in every field are held once") {
  ActionTable table;
  Owner role = testing::owned_by(AgencyId(1));
  role.role = "Named GP";
  table.push_back(action(1, role));
  table.push_back(action(2, role));
  Owner other_lead = role;
  other_lead.lead = "Dr Patel";
  table.push_back(action(3, other_lead));
  Owner group;
  group.group = GroupId(1);
  table.push_back(action(4, group));
  CHECK(&table.view(0).owner == &table.view(1).owner);
  CHECK(&table.view(0).owner != &table.view(2).owner);
  CHECK(table.view(2).owner.lead == "Dr Patel");
  CHECK(table.view(3).owner.group == std::optional(GroupId(1)));
  CHECK_FALSE(table.view(3).owner.agency);
}

TEST_CASE("prerequisites are added, taken out and undone per action") {
  ActionTable table;
  for (int id = 1; id <= 3; ++id) table.push_back(action(id));
  table.append_prerequisite(2, Dependency{ActionId(3), ActionId(1), 0});
  table.append_prerequisite(1, Dependency{ActionId(2), ActionId(1), 2});
  table.append_prerequisite(2, Dependency{ActionId(3), ActionId(2), 5});
  REQUIRE(table.view(2).depends_on.size() == 2);
  CHECK(table.view(2).depends_on[1].lag_days == 5);
  table.remove_prerequisite(2, ActionId(1));
  REQUIRE(table.view(2).depends_on.size() == 1);
  CHECK(table.view(2).depends_on[0].depends_on == ActionId(2));
  table.remove_prerequisite(2, ActionId(9));  // none: no change
  CHECK(table.view(2).depends_on.size() == 1);
  table.pop_prerequisite(1);
  CHECK(table.view(1).depends_on.empty());
  CHECK(table.view(0).depends_on.empty());
}

TEST_CASE("the rare history goes to the actions that have it, and pop_back undoes a push") {
  ActionTable table;
  table.push_back(action(1));
  table.push_back(action(2));
  table.append(1, DueDateRevision{ActionId(2), ymd(2024, 3, 1), ymd(2024, 9, 30), "Course moved", "LIS"});
  table.append(1, OwnerChange{ActionId(2), ymd(2024, 3, 2), testing::owned_by(AgencyId(5)), "Restructure"});
  const Evidence& e = table.append(1, Evidence{EvidenceId(3), ActionId(2), ymd(2024, 4, 1),
                                               EvidenceKind::impact, "Audit of records", "LIS"});
  CHECK(e.id == EvidenceId(3));
  table.assure(1, Assurance{ActionId(2), ymd(2024, 5, 1), GroupId(1), "Signed off", "LIS chair"});
  const auto v = table.view(1);
  CHECK(v.due_revisions.size() == 1);
  CHECK(v.owner_changes.size() == 1);
  CHECK(v.evidence.size() == 1);
  REQUIRE(v.assurance != nullptr);
  CHECK(v.assurance->note == "Signed off");
  CHECK(table.view(0).due_revisions.empty());
  CHECK(table.view(0).assurance == nullptr);

  Action last = action(3);
  last.recommendation = RecommendationId(9);  // held with the rare history
  table.push_back(last);
  table.append(2, update(3, ymd(2024, 2, 1), Status::in_progress, "x"));
  table.pop_back();
  REQUIRE(table.size() == 2);
  table.push_back(action(3));
  CHECK_FALSE(table.view(2).recommendation);
  CHECK(table.view(2).updates.empty());
  CHECK(table.view(1).assurance != nullptr);
}

TEST_CASE("restore sets an action's whole history at once") {
  ActionTable table;
  table.push_back(action(1));
  table.push_back(action(2));
  table.restore(1,
                {update(2, ymd(2024, 2, 1), Status::in_progress, "a"),
                 update(2, ymd(2024, 3, 1), Status::complete, "b")},
                {}, {}, {}, std::nullopt);
  table.restore(0, {}, {DueDateRevision{ActionId(1), ymd(2024, 3, 1), ymd(2024, 9, 30), "r", "LIS"}}, {}, {},
                std::nullopt);
  CHECK(table.view(1).updates.size() == 2);
  CHECK(table.build(1).updates[1].note == "b");
  CHECK(table.view(0).updates.empty());
  CHECK(table.view(0).due_revisions.size() == 1);
  CHECK(table.view(1).due_revisions.empty());
}
