// Test helpers for the doctest suites: the testing kit (plansight/testing.hpp:
// the plan Builder, fingerprint, refusal_of, the rule helpers), readable
// values in failed checks, and CHECK_REFUSED.
//
//   plansight::testing::Builder b;
//   CHECK_REFUSED(b.plan, b.plan.add(bad), ValidationError, "due_on", "2024-01-01");
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "plansight/testing.hpp"

// Readable values in failed checks.
namespace doctest {
template <>
struct StringMaker<plansight::Status> {
  static String convert(plansight::Status s) { return plansight::to_string(s).c_str(); }
};
template <>
struct StringMaker<plansight::Rag> {
  static String convert(plansight::Rag r) { return plansight::to_string(r).c_str(); }
};
template <>
struct StringMaker<plansight::Date> {
  static String convert(plansight::Date d) { return d.is_special() ? "not-a-date" : plansight::to_iso(d).c_str(); }
};
template <>
struct StringMaker<std::optional<plansight::Date>> {
  static String convert(const std::optional<plansight::Date>& d) {
    return d ? StringMaker<plansight::Date>::convert(*d) : String("nullopt");
  }
};
template <>
struct StringMaker<std::optional<plansight::AgencyId>> {
  static String convert(const std::optional<plansight::AgencyId>& a) {
    return a ? ("agency " + std::to_string(a->value())).c_str() : "no agency";
  }
};
template <>
struct StringMaker<std::vector<plansight::ActionId>> {
  static String convert(const std::vector<plansight::ActionId>& ids) {
    std::string out = "[";
    for (auto id : ids) out += (out.size() > 1 ? " " : "") + std::to_string(id.value());
    return (out + "]").c_str();
  }
};
template <>
struct StringMaker<plansight::Subject> {
  static String convert(const plansight::Subject& s) { return plansight::to_string(s).c_str(); }
};
template <>
struct StringMaker<std::vector<plansight::Subject>> {
  static String convert(const std::vector<plansight::Subject>& subjects) {
    std::string out = "[";
    for (const auto& s : subjects) out += (out.size() > 1 ? ", " : "") + plansight::to_string(s);
    return (out + "]").c_str();
  }
};
}  // namespace doctest

// Says whether the plan's fingerprint changed since the last call (or since
// the watch began): for tests that each change moves the fingerprint.
namespace plansight::testing {

class ChangeWatch {
 public:
  explicit ChangeWatch(const Plan& plan) : plan_(plan), last_(fingerprint(plan)) {}
  bool changed() {
    std::string now = fingerprint(plan_);
    const bool differs = now != last_;
    last_ = std::move(now);
    return differs;
  }

 private:
  const Plan& plan_;
  std::string last_;
};

// Adds `actions` actions to the builder's plan, each waiting for the one
// before (lags 0-2 days), with updates on most and a due-date revision, an
// owner change, evidence and an assurance on some: every kind of history a
// store writes and reads back. Each action's texts, and its updates' notes,
// are its own, so that a row written with another's values shows. Returns
// the plan.
inline const Plan& add_actions_with_history(Builder& b, int actions) {
  std::optional<ActionId> previous;
  for (int i = 0; i < actions; ++i) {
    const std::string n = std::to_string(b.plan.actions().size() + 1);
    Action a = b.draft(ymd(2024, 2, 1), ymd(2024, 9, 30));
    a.title = "Action " + n + ": refresh voice of the child training";
    a.description = "What action " + n + " does";
    a.success_measure = "How action " + n + " is measured";
    a.owner = owned_by(b.police, "Role " + n);
    a.owner.lead = "Lead " + n;
    const auto id = b.plan.add(std::move(a)).id;
    if (previous) b.plan.add_dependency(id, *previous, i % 3);
    if (i % 4 != 0) b.set_status(id, ymd(2024, 3, 31), Status::in_progress, "Note on action " + n);
    if (i % 5 == 0) b.revise_due(id, ymd(2024, 4, 1), ymd(2024, 12, 31));
    if (i % 7 == 0) b.change_owner(id, ymd(2024, 4, 2), owned_by(b.health));
    if (i % 9 == 1) b.complete_and_assure(id, ymd(2024, 6, 30));
    previous = id;
  }
  return b.plan;
}

// Adds `audits` audits to the builder's area partnership, each with its
// own title, a theme and two or three agencies, and a finding of each with
// its own text, the theme and an agency: rows of the audit and finding
// tables and of their list tables. Returns the plan.
inline const Plan& add_audits_with_lists(Builder& b, int audits) {
  const ThemeId theme = b.plan.themes().empty() ? b.plan.add(Theme{{}, "neglect"}).id : b.plan.themes()[0].id;
  for (int i = 0; i < audits; ++i) {
    const std::string n = std::to_string(b.plan.audits().size() + 1);
    Audit audit;
    audit.partnership = b.area.partnership;
    audit.title = "Audit " + n;
    audit.held_on = ymd(2024, 1, 15);
    audit.themes = {theme};
    audit.agencies = i % 2 ? std::vector<AgencyId>{b.health, b.police}
                           : std::vector<AgencyId>{b.police, b.social_care, b.health};
    const AuditId id = b.plan.add(std::move(audit)).id;
    Finding finding;
    finding.audit = id;
    finding.text = "Finding of audit " + n;
    finding.themes = {theme};
    finding.agencies = {i % 2 ? b.health : b.police};
    b.plan.add(std::move(finding));
  }
  return b.plan;
}

// Every text and list the fingerprint leaves out: audits' titles, themes and
// agencies; findings' texts and lists; actions' texts and owners; and the
// texts of their history.
inline std::string texts_of(const Plan& plan) {
  std::string out;
  const auto ids = [&](const auto& list) {
    for (const auto& id : list) out += ' ' + std::to_string(id.value());
    out += ';';
  };
  for (const auto& a : plan.audits()) {
    out += "audit " + std::to_string(a.id.value()) + ' ' + a.title + ':';
    ids(a.themes);
    ids(a.agencies);
    out += '\n';
  }
  for (const auto& f : plan.findings()) {
    out += "finding " + std::to_string(f.id.value()) + ' ' + f.text + ':';
    ids(f.themes);
    ids(f.cases);
    ids(f.agencies);
    out += '\n';
  }
  for (const auto& a : plan.actions()) {
    out += "action " + std::to_string(a.id.value()) + ' ' + a.title + '|' + a.description + '|' +
           a.success_measure + '|' + a.owner.role + '|' + a.owner.lead + '\n';
    for (const auto& u : a.updates) out += "  update " + u.note + '|' + u.by + '\n';
    for (const auto& r : a.due_revisions) out += "  revision " + r.reason + '|' + r.agreed_by + '\n';
    for (const auto& c : a.owner_changes) out += "  owner " + c.new_owner.role + '|' + c.reason + '\n';
    for (const auto& e : a.evidence) out += "  evidence " + e.description + '|' + e.by + '\n';
    if (a.assurance) out += "  assured " + a.assurance->note + '|' + a.assurance->by + '\n';
  }
  return out;
}

// A store file path under the system temp directory, unique to this process
// and object (test executables run in parallel), removed with its WAL files
// on construction and destruction.
struct TempFile {
  std::filesystem::path path;
  explicit TempFile(const std::string& name) {
    path = std::filesystem::temp_directory_path() /
           ("plansight-" + name + "-" + std::to_string(::getpid()) + "-" +
            std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".db");
    remove();
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() { remove(); }
  void remove() const {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      std::filesystem::remove(path.string() + suffix);
  }
  std::string str() const { return path.string(); }
};

}  // namespace plansight::testing

// Checks that `expr` throws exactly Kind, whose message contains every one of
// the given fragments, and that `plan` is unchanged afterwards.
#define CHECK_REFUSED(plan, expr, Kind, ...)                                                    \
  do {                                                                                          \
    INFO("refused: " #expr);                                                                    \
    const std::string before_ = ::plansight::testing::fingerprint(plan);                        \
    const auto refusal_ = ::plansight::testing::refusal_of<Kind>([&] { (void)(expr); });        \
    CHECK_MESSAGE(refusal_.first, "expected " #Kind "; " << refusal_.second);                   \
    for (std::string_view fragment_ : std::initializer_list<std::string_view>{__VA_ARGS__}) {   \
      const bool named_ = refusal_.second.find(fragment_) != std::string::npos;                 \
      CHECK_MESSAGE(named_, "message \"" << refusal_.second << "\" should name \"" << fragment_ \
                                          << "\"");                                             \
    }                                                                                           \
    CHECK(::plansight::testing::fingerprint(plan) == before_);                                  \
  } while (false)

