// Briefings and their dissemination: the plan's checks (every refusal names
// its field and leaves the plan as it was), the as-of questions of
// briefings.hpp, and the store: round trip, history, refusals that change
// nothing, the migration from schema 4, and add_all.
#include "plansight/briefings.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fixtures.hpp"
#include "plansight/store.hpp"

using namespace plansight;
using namespace plansight::testing;
namespace fs = std::filesystem;

namespace {

const Actor manager{"LIS business manager", std::nullopt};

// A briefing on `audit`, written on `written`, with two prompts and one resource.
Briefing briefing_on(AuditId audit, Date written) {
  Briefing b;
  b.audit = audit;
  b.title = "7 minute briefing: teenage relationship abuse";
  b.written_on = written;
  b.background = "A line-of-sight event looked at five young people aged 13 to 17.";
  b.why_it_matters = "Teenage relationship abuse is often not recognised as domestic abuse.";
  b.next_steps = "An overview is presented to the SPLIG and the scrutiny and assurance action plan.";
  b.reflection = {"How do you ask young people about their relationships?",
                  "Do you know the referral route for a young person at risk?"};
  b.further_information = {"Disrespect NoBody campaign"};
  return b;
}

Dissemination dissemination_of(BriefingId briefing, Date on, std::vector<AgencyId> reached,
                               std::string note = "sent to DSL network and team meetings") {
  return Dissemination{briefing, on, std::move(reached), "LIS business manager", std::move(note)};
}

// The Builder's audit is held on 2024-01-15.
const Date held = ymd(2024, 1, 15);
const Date written = ymd(2024, 2, 1);

// Every field of every briefing, as text: what fingerprint leaves out.
std::string describe_briefings(const Plan& plan) {
  std::ostringstream out;
  for (const auto& b : plan.briefings()) {
    out << b.id << ' ' << b.audit << ' ' << b.title << ' ' << to_iso(b.written_on) << '\n'
        << b.background << '\n'
        << b.why_it_matters << '\n'
        << b.next_steps << '\n';
    for (const auto& line : b.reflection) out << "  reflect: " << line << '\n';
    for (const auto& line : b.further_information) out << "  see: " << line << '\n';
    for (const auto& d : b.disseminations) {
      out << "  " << d.briefing << ' ' << to_iso(d.on) << " by " << d.by << ": " << d.note << " to";
      for (auto a : d.reached) out << ' ' << a;
      out << '\n';
    }
  }
  return out.str();
}

// Everything observable about a store, as text: the file's contents, the
// in-memory plan (which must agree with the file) and the whole history.
std::string snapshot(const Store& store) {
  const Plan file = store.load();
  const std::string text = fingerprint(file) + describe_briefings(file);
  CHECK(fingerprint(store.plan()) + describe_briefings(store.plan()) == text);
  std::ostringstream history;
  for (const auto& e : store.history())
    history << e.change << ' ' << e.entity << ' ' << e.entity_id << ' ' << e.field << ' ' << e.new_value
            << '\n';
  return text + history.str();
}

std::int64_t count_rows(const std::string& file, const std::string& table) {
  SQLite::Database db(file);
  return db.execAndGet("SELECT count(*) FROM " + table).getInt64();
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A store with a partnership, three agencies and an audit held on 2024-01-15.
struct Seeded {
  Store store;
  PartnershipId partnership;
  AgencyId police, education, health;
  AuditId audit;

  explicit Seeded(const std::string& path) : store(Store::open(path)) {
    partnership = store.add(Partnership{{}, "North Lincolnshire Children's MARS"}, manager).id;
    police = store.add(Agency{{}, "Humberside Police", Sector::police}, manager).id;
    education = store.add(Agency{{}, "Education", Sector::education}, manager).id;
    health = store.add(Agency{{}, "Northern Lincolnshire and Goole NHS Trust", Sector::health}, manager).id;
    Audit a;
    a.partnership = partnership;
    a.title = "Line of sight: teenage relationship abuse";
    a.kind = AuditKind::line_of_sight_event;
    a.held_on = held;
    audit = store.add(a, manager).id;
  }
};

}  // namespace

// ---- the plan -----------------------------------------------------------------------

TEST_CASE("a briefing is added with its id, text and lines, and no disseminations") {
  Builder b;
  const Briefing& added = b.plan.add(briefing_on(b.area.audit, written));
  CHECK(added.id == BriefingId(1));
  const Briefing& found = b.plan.briefing(BriefingId(1));
  CHECK(found.audit == b.area.audit);
  CHECK(found.title == "7 minute briefing: teenage relationship abuse");
  CHECK(found.written_on == written);
  CHECK(found.next_steps.find("SPLIG") != std::string::npos);
  CHECK(found.reflection.size() == 2);
  CHECK(found.reflection[1] == "Do you know the referral route for a young person at risk?");
  CHECK(found.further_information == std::vector<std::string>{"Disrespect NoBody campaign"});
  CHECK(found.disseminations.empty());
  CHECK(b.plan.briefings().size() == 1);
  CHECK(b.plan.add(briefing_on(b.area.audit, written)).id == BriefingId(2));
  Briefing explicit_id = briefing_on(b.area.audit, written);
  explicit_id.id = BriefingId(10);
  CHECK(b.plan.add(explicit_id).id == BriefingId(10));
  CHECK(b.plan.prepare(briefing_on(b.area.audit, written)).id == BriefingId(11));
}

TEST_CASE("background, why it matters, next steps and the lists may be empty") {
  Builder b;
  Briefing bare;
  bare.audit = b.area.audit;
  bare.title = "7 minute briefing: child criminal exploitation";
  bare.written_on = held;
  const Briefing& added = b.plan.add(bare);
  CHECK(added.background.empty());
  CHECK(added.reflection.empty());
  CHECK(added.further_information.empty());
}

TEST_CASE("a briefing is written no earlier than the day its audit was held") {
  Builder b;
  CHECK(b.plan.add(briefing_on(b.area.audit, held)).written_on == held);
  CHECK_REFUSED(b.plan, b.plan.add(briefing_on(b.area.audit, days_before(held, 1))), ValidationError,
                "written_on: ", "2024-01-14", "audit 1 was held (2024-01-15)");
}

TEST_CASE("a refused briefing names the field and value and leaves the plan unchanged") {
  Builder b;
  b.plan.add(briefing_on(b.area.audit, written));
  Briefing x = briefing_on(b.area.audit, written);

  SUBCASE("an unknown audit") {
    x.audit = AuditId(99);
    CHECK_REFUSED(b.plan, b.plan.add(x), NotFoundError, "no audit 99");
  }
  SUBCASE("a blank title") {
    x.title = " \t";
    CHECK_REFUSED(b.plan, b.plan.add(x), ValidationError, "title: must not be empty");
  }
  SUBCASE("no date written") {
    x.written_on = Date();
    CHECK_REFUSED(b.plan, b.plan.add(x), ValidationError, "written_on: must be a valid date");
  }
  SUBCASE("a blank reflection prompt") {
    x.reflection.push_back(" ");
    CHECK_REFUSED(b.plan, b.plan.add(x), ValidationError, "reflection: ", "line 3 of 3");
  }
  SUBCASE("a blank further-information line") {
    x.further_information.insert(x.further_information.begin(), "");
    CHECK_REFUSED(b.plan, b.plan.add(x), ValidationError, "further_information: ", "line 1 of 2");
  }
  SUBCASE("a new briefing already disseminated") {
    x.disseminations.push_back(dissemination_of(BriefingId(2), written, {b.police}));
    CHECK_REFUSED(b.plan, b.plan.add(x), ValidationError, "disseminations: ", "record them after adding it");
  }
  SUBCASE("an id taken") {
    x.id = BriefingId(1);
    CHECK_REFUSED(b.plan, b.plan.add(x), ConflictError, "briefing 1 already exists");
  }
  SUBCASE("a negative id") {
    x.id = BriefingId(-3);
    CHECK_REFUSED(b.plan, b.plan.add(x), ValidationError, "id: ", "-3");
  }
  CHECK_THROWS_AS(b.plan.prepare(x), Error);
}

TEST_CASE("an unknown briefing is not found") {
  Builder b;
  CHECK_THROWS_WITH_AS(b.plan.briefing(BriefingId(99)), "no briefing 99", NotFoundError);
  CHECK_REFUSED(b.plan, b.plan.record(dissemination_of(BriefingId(99), written, {b.police})), NotFoundError,
                "no briefing 99");
}

TEST_CASE("disseminations are recorded in date order, from the day the briefing was written") {
  Builder b;
  const auto id = b.plan.add(briefing_on(b.area.audit, written)).id;
  CHECK_REFUSED(b.plan, b.plan.record(dissemination_of(id, days_before(written, 1), {b.police})),
                ValidationError, "on: ", "2024-01-31", "briefing 1 was written (2024-02-01)");
  b.plan.record(dissemination_of(id, written, {b.police}));
  const Date later = ymd(2024, 3, 1);
  b.plan.record(dissemination_of(id, later, {b.health}));
  CHECK_REFUSED(b.plan, b.plan.record(dissemination_of(id, days_before(later, 1), {b.social_care})),
                ValidationError, "on: ", "2024-02-29", "latest one of briefing 1 (2024-03-01)");
  b.plan.record(dissemination_of(id, later, {b.social_care}));  // the same day as the latest is in order
  const auto& recorded = b.plan.briefing(id).disseminations;
  REQUIRE(recorded.size() == 3);
  CHECK(recorded[0].on == written);
  CHECK(recorded[2].reached == std::vector<AgencyId>{b.social_care});
  CHECK(recorded[2].note == "sent to DSL network and team meetings");
}

TEST_CASE("a refused dissemination names the field and value and leaves the plan unchanged") {
  Builder b;
  const auto id = b.plan.add(briefing_on(b.area.audit, written)).id;
  Dissemination d = dissemination_of(id, ymd(2024, 2, 5), {b.police, b.health});

  SUBCASE("no date") {
    d.on = Date();
    CHECK_REFUSED(b.plan, b.plan.record(d), ValidationError, "on: must be a valid date");
  }
  SUBCASE("reaching no agency") {
    d.reached.clear();
    CHECK_REFUSED(b.plan, b.plan.record(d), ValidationError, "reached: ", "at least one agency");
  }
  SUBCASE("reaching an unknown agency") {
    d.reached.push_back(AgencyId(99));
    CHECK_REFUSED(b.plan, b.plan.record(d), NotFoundError, "no agency 99");
  }
  SUBCASE("an agency listed twice") {
    d.reached.push_back(b.police);
    CHECK_REFUSED(b.plan, b.plan.record(d), ValidationError, "reached: ", "agency 1 is listed twice");
  }
  SUBCASE("sent by no one") {
    d.by = "  ";
    CHECK_REFUSED(b.plan, b.plan.record(d), ValidationError, "by: must not be empty");
  }
  CHECK_THROWS_AS(b.plan.check(d), Error);
  CHECK(b.plan.briefing(id).disseminations.empty());
}

TEST_CASE("the unchanged-plan check sees briefings and their disseminations") {
  Builder b;
  ChangeWatch watch(b.plan);
  const auto id = b.plan.add(briefing_on(b.area.audit, written)).id;
  CHECK(watch.changed());
  b.plan.record(dissemination_of(id, written, {b.police}));
  CHECK(watch.changed());
  b.plan.record(dissemination_of(id, written, {b.health}));
  CHECK(watch.changed());
}

// ---- as of a date -----------------------------------------------------------------------

TEST_CASE("a briefing is published on its first dissemination, as of that day and after") {
  Builder b;
  const auto id = b.plan.add(briefing_on(b.area.audit, written)).id;
  CHECK_FALSE(published_on(b.plan.briefing(id), ymd(2030, 1, 1)).has_value());
  const Date first = ymd(2024, 2, 10), second = ymd(2024, 4, 2);
  b.plan.record(dissemination_of(id, first, {b.police}));
  b.plan.record(dissemination_of(id, second, {b.health}));
  const Briefing& briefing = b.plan.briefing(id);
  CHECK_FALSE(published_on(briefing, written).has_value());
  CHECK_FALSE(published_on(briefing, days_before(first, 1)).has_value());
  CHECK(published_on(briefing, first) == first);
  CHECK(published_on(briefing, days_after(first, 1)) == first);
  CHECK(published_on(briefing, second) == first);
  CHECK(published_on(briefing, ymd(2030, 1, 1)) == first);
}

TEST_CASE("the agencies reached as of a date are those of the disseminations by then, ascending, once each") {
  Builder b;
  const auto id = b.plan.add(briefing_on(b.area.audit, written)).id;
  const Date first = ymd(2024, 2, 10), second = ymd(2024, 4, 2);
  b.plan.record(dissemination_of(id, first, {b.health, b.police}));
  b.plan.record(dissemination_of(id, second, {b.social_care, b.health}));
  const Briefing& briefing = b.plan.briefing(id);
  using Ids = std::vector<AgencyId>;
  CHECK(reached_agencies(briefing, days_before(first, 1)).empty());
  CHECK(reached_agencies(briefing, first) == Ids{b.police, b.health});
  CHECK(reached_agencies(briefing, days_before(second, 1)) == Ids{b.police, b.health});
  CHECK(reached_agencies(briefing, second) == Ids{b.police, b.social_care, b.health});
  CHECK(reached_agencies(briefing, ymd(2030, 1, 1)) == Ids{b.police, b.social_care, b.health});
  CHECK(b.police < b.social_care);
  CHECK(b.social_care < b.health);
}

TEST_CASE("the briefings of an audit are those written on it, in the order added") {
  Builder b;
  const Area other = b.add_area("Dudley SCB");
  const auto first = b.plan.add(briefing_on(b.area.audit, written)).id;
  const auto elsewhere = b.plan.add(briefing_on(other.audit, written)).id;
  Briefing second_draft = briefing_on(b.area.audit, written);
  second_draft.id = BriefingId(7);
  const auto second = b.plan.add(second_draft).id;
  Briefing third_draft = briefing_on(b.area.audit, written);
  third_draft.id = BriefingId(5);  // a lower id added later still comes after
  const auto third = b.plan.add(third_draft).id;
  const auto found = briefings_of(b.plan, b.area.audit);
  REQUIRE(found.size() == 3);
  CHECK(found[0]->id == first);
  CHECK(found[1]->id == second);
  CHECK(found[2]->id == third);
  const auto of_other = briefings_of(b.plan, other.audit);
  REQUIRE(of_other.size() == 1);
  CHECK(of_other[0]->id == elsewhere);
  Audit unbriefed;
  unbriefed.partnership = b.area.partnership;
  unbriefed.title = "Re-audit";
  unbriefed.held_on = held;
  CHECK(briefings_of(b.plan, b.plan.add(unbriefed).id).empty());
  CHECK_THROWS_WITH_AS(briefings_of(b.plan, AuditId(99)), "no audit 99", NotFoundError);
}

// ---- the store ----------------------------------------------------------------------------

TEST_CASE("briefings and their disseminations survive reopening the file") {
  TempFile file("reopen");
  std::string before;
  BriefingId id;
  {
    Seeded s(file.str());
    id = s.store.add(briefing_on(s.audit, written), manager, "after the SPLIG").id;
    s.store.add(briefing_on(s.audit, held), manager);
    s.store.record(dissemination_of(id, written, {s.health, s.police}), manager);
    Dissemination unattributed = dissemination_of(id, ymd(2024, 3, 4), {s.education}, "schools newsletter");
    unattributed.by.clear();
    s.store.record(unattributed, Actor{"Education safeguarding lead", s.education});
    before = snapshot(s.store);
  }
  Store reopened = Store::open(file.str());
  CHECK(snapshot(reopened) == before);
  const Briefing& b = reopened.plan().briefing(id);
  CHECK(b.title == "7 minute briefing: teenage relationship abuse");
  CHECK(b.background == "A line-of-sight event looked at five young people aged 13 to 17.");
  CHECK(b.why_it_matters == "Teenage relationship abuse is often not recognised as domestic abuse.");
  CHECK(b.reflection == briefing_on(AuditId(1), written).reflection);
  CHECK(b.further_information == std::vector<std::string>{"Disrespect NoBody campaign"});
  REQUIRE(b.disseminations.size() == 2);
  CHECK(b.disseminations[0].reached == std::vector<AgencyId>{AgencyId(3), AgencyId(1)});  // as given
  CHECK(b.disseminations[0].by == "LIS business manager");
  CHECK(b.disseminations[1].on == ymd(2024, 3, 4));
  CHECK(b.disseminations[1].by == "Education safeguarding lead");  // the actor's name by default
  CHECK(b.disseminations[1].note == "schools newsletter");
  CHECK(reopened.plan().briefings().size() == 2);
  CHECK(reached_agencies(b, ymd(2024, 3, 4)) == std::vector<AgencyId>{AgencyId(1), AgencyId(2), AgencyId(3)});
}

TEST_CASE("a briefing's creation and each dissemination are history rows") {
  Seeded s(":memory:");
  const Actor lead{"Education safeguarding lead", s.education};
  const auto id = s.store.add(briefing_on(s.audit, written), manager, "for the LIS").id;
  s.store.record(dissemination_of(id, ymd(2024, 2, 6), {s.police, s.health}, "DSL network"), lead);
  s.store.record(dissemination_of(id, ymd(2024, 3, 1), {s.education}, ""), manager);
  const auto entries = s.store.history("briefing", id.value());
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].field == "created");
  CHECK(entries[0].new_value == "7 minute briefing: teenage relationship abuse");
  CHECK(entries[0].actor == manager.name);
  CHECK(entries[0].why == "for the LIS");
  CHECK(entries[1].field == "disseminated");
  CHECK(entries[1].old_value.empty());
  CHECK(entries[1].new_value == "2024-02-06 to agencies 1, 3");
  CHECK(entries[1].actor == lead.name);
  CHECK(entries[1].why == "DSL network");
  CHECK(entries[2].new_value == "2024-03-01 to agency 2");
  CHECK(entries[1].change < entries[2].change);
  for (const auto& e : s.store.history("briefing")) CHECK(e.entity_id == id.value());
  CHECK(s.store.history("briefing", 99).empty());
}

TEST_CASE("a refused briefing or dissemination leaves file and plan exactly as they were") {
  TempFile file("refused");
  Seeded s(file.str());
  const auto id = s.store.add(briefing_on(s.audit, written), manager).id;
  s.store.record(dissemination_of(id, ymd(2024, 2, 6), {s.police}), manager);
  const std::string before = snapshot(s.store);

  SUBCASE("a briefing written before its audit was held") {
    CHECK_THROWS_WITH_AS(s.store.add(briefing_on(s.audit, days_before(held, 1)), manager),
                         doctest::Contains("written_on"), ValidationError);
  }
  SUBCASE("a briefing with a blank reflection prompt") {
    Briefing b = briefing_on(s.audit, written);
    b.reflection[0] = "";
    CHECK_THROWS_WITH_AS(s.store.add(b, manager), doctest::Contains("reflection"), ValidationError);
  }
  SUBCASE("a briefing of an unknown audit") {
    CHECK_THROWS_AS(s.store.add(briefing_on(AuditId(9), written), manager), NotFoundError);
  }
  SUBCASE("a briefing added by no one") {
    CHECK_THROWS_AS(s.store.add(briefing_on(s.audit, written), Actor{" ", std::nullopt}), ValidationError);
  }
  SUBCASE("a dissemination before the latest one") {
    CHECK_THROWS_WITH_AS(s.store.record(dissemination_of(id, ymd(2024, 2, 5), {s.health}), manager),
                         doctest::Contains("latest one"), ValidationError);
  }
  SUBCASE("a dissemination reaching an agency twice") {
    CHECK_THROWS_AS(s.store.record(dissemination_of(id, ymd(2024, 3, 1), {s.health, s.health}), manager),
                    ValidationError);
  }
  SUBCASE("a dissemination reaching an unknown agency") {
    CHECK_THROWS_AS(s.store.record(dissemination_of(id, ymd(2024, 3, 1), {AgencyId(42)}), manager),
                    NotFoundError);
  }
  SUBCASE("a dissemination of an unknown briefing") {
    CHECK_THROWS_AS(s.store.record(dissemination_of(BriefingId(5), ymd(2024, 3, 1), {s.health}), manager),
                    NotFoundError);
  }
  CHECK(snapshot(s.store) == before);
  CHECK(snapshot(Store::open(file.str())) == before);
  CHECK(count_rows(file.str(), "briefing") == 1);
  CHECK(count_rows(file.str(), "dissemination") == 1);
  CHECK(count_rows(file.str(), "dissemination_agency") == 1);
}

TEST_CASE("an SQLite failure part-way through a briefing write rolls all of it back") {
  TempFile file("failing");
  Seeded s(file.str());
  const auto id = s.store.add(briefing_on(s.audit, written), manager).id;
  const std::string before = snapshot(s.store);
  const auto refuse_inserts_into = [&](const std::string& table) {
    SQLite::Database other(file.str(), SQLite::OPEN_READWRITE);
    other.exec("CREATE TRIGGER refuse BEFORE INSERT ON " + table +
               " BEGIN SELECT RAISE(ABORT, 'disk full'); END");
  };

  SUBCASE("the agencies reached fail after the dissemination's row was written") {
    refuse_inserts_into("dissemination_agency");
    CHECK_THROWS_WITH_AS(s.store.record(dissemination_of(id, ymd(2024, 3, 1), {s.health}), manager),
                         doctest::Contains("disk full"), StoreError);
    CHECK(count_rows(file.str(), "dissemination") == 0);
  }
  SUBCASE("a briefing's further information fails after its row and prompts were written") {
    refuse_inserts_into("briefing_further_information");
    CHECK_THROWS_AS(s.store.add(briefing_on(s.audit, written), manager), StoreError);
    CHECK(count_rows(file.str(), "briefing") == 1);
    CHECK(count_rows(file.str(), "briefing_reflection") == 2);
  }
  CHECK(snapshot(s.store) == before);
  CHECK(snapshot(Store::open(file.str())) == before);
}

TEST_CASE("a version-4 file is migrated to version 5 with its data, and takes briefings") {
  TempFile file("v4");
  {
    SQLite::Database db(file.str(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec(read_text(fs::path(PLANSIGHT_SOURCE_DIR) / "tests/data/store_v4.sql"));
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == 4);
  }
  std::string after;
  {
    Store store = Store::open(file.str());
    CHECK(store.schema_version() == 5);
    CHECK(Store::latest_schema_version() == 5);
    const Plan& plan = store.plan();
    REQUIRE(plan.actions().size() == 2);
    CHECK(plan.dependencies() == std::vector<Dependency>{{ActionId(2), ActionId(1), 14}});
    CHECK(plan.reviewable_items().size() == 1);
    CHECK(plan.reviewable_items()[0].reviews.size() == 1);
    REQUIRE(plan.reviews().size() == 1);
    CHECK(plan.reviews()[0].attending.size() == 2);
    CHECK(plan.briefings().empty());
    for (const char* table : {"briefing", "briefing_reflection", "briefing_further_information",
                              "dissemination", "dissemination_agency"}) {
      CAPTURE(table);
      CHECK(count_rows(file.str(), table) == 0);
    }
    // The audit was held on 2023-11-01.
    const auto id = store.add(briefing_on(AuditId(1), ymd(2023, 11, 1)), manager).id;
    store.record(dissemination_of(id, ymd(2024, 1, 10), {AgencyId(1), AgencyId(2)}), manager);
    after = snapshot(store);
    CHECK(store.history("briefing", id.value()).back().new_value == "2024-01-10 to agencies 1, 2");
  }
  CHECK(snapshot(Store::open(file.str())) == after);
  SQLite::Database db(file.str());
  CHECK(db.execAndGet("PRAGMA user_version").getInt() == 5);
  SQLite::Statement dangling(db, "PRAGMA foreign_key_check");
  CHECK_FALSE(dangling.executeStep());
}

TEST_CASE("the file's foreign keys hold a dissemination to its briefing and agencies") {
  TempFile file("foreign-keys");
  { Seeded s(file.str()); }
  SQLite::Database db(file.str(), SQLite::OPEN_READWRITE);
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("INSERT INTO change_set (actor) VALUES ('probe')");
  CHECK_THROWS_AS(db.exec("INSERT INTO dissemination (briefing_id, on_date, by_name, note, change_id) "
                          "VALUES (9, '2024-03-01', 'x', '', 1)"),
                  SQLite::Exception);
  CHECK_THROWS_AS(db.exec("INSERT INTO briefing (id, audit_id, title, written_on, background, "
                          "why_it_matters, next_steps, change_id) "
                          "VALUES (1, 9, 't', '2024-03-01', '', '', '', 1)"),
                  SQLite::Exception);
}

TEST_CASE("add_all carries new briefings and disseminations through the plan's checks") {
  Seeded s(":memory:");
  const auto known = s.store.add(briefing_on(s.audit, written), manager).id;
  s.store.record(dissemination_of(known, ymd(2024, 2, 6), {s.police}), manager);
  Plan extended = s.store.plan();
  extended.record(dissemination_of(known, ymd(2024, 3, 1), {s.health, s.education}));
  const auto added = extended.add(briefing_on(s.audit, ymd(2024, 4, 1))).id;
  extended.record(dissemination_of(added, ymd(2024, 4, 2), {s.education}));
  s.store.add_all(extended, Actor{"importer", std::nullopt}, "briefing register");
  CHECK(fingerprint(s.store.plan()) == fingerprint(extended));
  CHECK(describe_briefings(s.store.plan()) == describe_briefings(extended));
  CHECK(describe_briefings(s.store.load()) == describe_briefings(extended));
  const auto entries = s.store.history("briefing");
  REQUIRE(entries.size() == 5);
  CHECK(entries[3].entity_id == added.value());
  CHECK(entries[3].field == "created");
  CHECK(entries.back().new_value == "2024-04-02 to agency 2");
  CHECK(entries.back().actor == "importer");
  CHECK(entries.back().why == "briefing register");
}

TEST_CASE("add_all refuses lost disseminations and ones the stored briefing refuses, changing nothing") {
  Seeded s(":memory:");
  const auto id = s.store.add(briefing_on(s.audit, ymd(2024, 3, 1)), manager).id;
  const Plan undisseminated = s.store.plan();
  s.store.record(dissemination_of(id, ymd(2024, 3, 5), {s.police}), manager);
  const std::string before = snapshot(s.store);

  SUBCASE("a briefing with fewer disseminations than stored") {
    CHECK_THROWS_WITH_AS(s.store.add_all(undisseminated, manager),
                         doctest::Contains("disseminations of briefing 1"), ConflictError);
  }
  SUBCASE("a look-alike briefing written earlier, disseminated before the stored one was written") {
    Seeded look_alike(":memory:");
    const auto forged = look_alike.store.add(briefing_on(look_alike.audit, written), manager).id;
    look_alike.store.record(dissemination_of(forged, ymd(2024, 2, 6), {look_alike.police}), manager);
    look_alike.store.record(dissemination_of(forged, ymd(2024, 2, 7), {look_alike.health}), manager);
    CHECK_THROWS_WITH_AS(s.store.add_all(look_alike.store.plan(), manager),
                         doctest::Contains("before briefing 1 was written (2024-03-01)"), ValidationError);
  }
  SUBCASE("a plan that lost the briefing") {
    Seeded without(":memory:");
    CHECK_THROWS_WITH_AS(s.store.add_all(without.store.plan(), manager), doctest::Contains("briefings"),
                         ConflictError);
  }
  CHECK(snapshot(s.store) == before);
}
