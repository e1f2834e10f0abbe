// The entities of a partnership's learning loop, as plain value types:
//   audit -> cases -> agency returns -> findings -> recommendations -> actions
//   -> updates, evidence, due-date revisions, owner changes, sign-off
//   -> briefings and their dissemination.
// A Plan (plan.hpp) holds them and enforces the invariants between them.
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plansight/enums.hpp"
#include "plansight/ids.hpp"
#include "plansight/text.hpp"

namespace plansight {

using Date = boost::gregorian::date;

// True for text with nothing but whitespace: no name, no reason given.
inline bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Who makes a change: recorded with every mutation of a store.
struct Actor {
  std::string name;
  std::optional<AgencyId> agency;
};

// A statutory safeguarding partnership or board.
struct Partnership {
  PartnershipId id;
  std::string name;
};

// A partner organisation (police, children's social care, a health trust ...).
struct Agency {
  AgencyId id;
  std::string name;
  Sector sector = Sector::other;
};

// A partnership subgroup that owns monitoring: the LIS, the SPLIG, the board.
struct Group {
  GroupId id;
  PartnershipId partnership;
  std::string name;
};

// A learning theme from the controlled vocabulary ("voice of the child" ...).
struct Theme {
  ThemeId id;
  std::string name;
};

// Who answers for an action: an agency (with an optional role and named
// lead) or a group. Exactly one of agency and group is set.
struct Owner {
  std::optional<AgencyId> agency;
  std::optional<GroupId> group;
  Text role;
  Text lead;
};

struct Audit {
  AuditId id;
  PartnershipId partnership;
  std::string title;
  AuditKind kind = AuditKind::multi_agency_case_audit;
  std::vector<ThemeId> themes;
  Date held_on;
  AuditStage stage = AuditStage::planned;
  std::string scope;
  std::vector<AgencyId> agencies;
  std::optional<AuditId> reaudit_of;
};

// An inclusive age range in whole years, e.g. 9 to 17.
struct AgeBand {
  int from = 0;
  int to = 17;
};

// A pseudonymised child's case: a reference, never a name.
struct Case {
  CaseId id;
  AuditId audit;
  std::string reference;
  AgeBand age_band;
  Involvement involvement = Involvement::universal;
  std::vector<std::string> needs;
  bool discussed_at_panel = false;
};

struct Grading {
  std::string question;  // e.g. "voice of the child evident"
  Grade grade = Grade::good;
};

// One agency's single-agency audit of one case.
struct AgencyReturn {
  AgencyReturnId id;
  CaseId case_id;
  AgencyId agency;
  std::vector<Grading> gradings;
};

struct Finding {
  FindingId id;
  AuditId audit;
  FindingCategory category = FindingCategory::area_for_development;
  Text text;
  std::vector<ThemeId> themes;
  std::vector<CaseId> cases;
  std::vector<AgencyId> agencies;
};

// What the panel asks for; answered by one or more actions.
struct Recommendation {
  RecommendationId id;
  AuditId audit;
  std::string text;
  std::vector<FindingId> findings;
};

// A dated, attributed progress entry. completed_on is only for a
// "complete" update and defaults to the update's date.
struct Update {
  ActionId action;
  Date on;
  Status status = Status::not_started;
  std::optional<Rag> reported_rag;
  Text note;
  Text by;
  std::optional<Date> completed_on;
};

// What shows an action done (completion) or its effect (impact).
struct Evidence {
  EvidenceId id;
  ActionId action;
  Date on;
  EvidenceKind kind = EvidenceKind::completion;
  Text description;
  Text by;
};

// A change of due date, kept with its reason and who agreed it.
struct DueDateRevision {
  ActionId action;
  Date on;
  Date new_due;
  Text reason;
  Text agreed_by;
};

struct OwnerChange {
  ActionId action;
  Date on;
  Owner new_owner;
  Text reason;
};

// A group's sign-off of evidence of impact: the action becomes assured.
struct Assurance {
  ActionId action;
  Date on;
  GroupId group;
  Text note;
  Text by;
};

// A finish-to-start dependency: `action` starts no earlier than lag_days
// after `depends_on` finishes.
struct Dependency {
  ActionId action;
  ActionId depends_on;
  int lag_days = 0;
  friend bool operator==(const Dependency&, const Dependency&) = default;
};

// An action with its whole history. A Plan holds its actions as columns
// (plan.hpp's ActionList): an Action is a value built from them when read,
// and what a new action is added from.
struct Action {
  ActionId id;
  PartnershipId partnership;
  AuditId audit;
  Date created_on;
  Date due_on;  // as first agreed; see due_revisions
  int estimate_days = 0;
  // What this action waits for, in the order added; each entry's `action`
  // is this action's id.
  std::vector<Dependency> depends_on;
  // History, each in date order (evidence and assurance below).
  std::vector<Update> updates;
  std::vector<DueDateRevision> due_revisions;
  std::vector<OwnerChange> owner_changes;
  Owner owner;  // as first assigned; see owner_changes
  std::optional<FindingId> finding;
  std::optional<RecommendationId> recommendation;
  Text title;
  Text description;
  Text success_measure;
  std::vector<Evidence> evidence;
  std::optional<Assurance> assurance;
};

// A worry about a child raised during an audit: goes straight back to the
// agency, outside the action plan, and is tracked to an answer.
struct ImmediateConcern {
  ConcernId id;
  AuditId audit;
  CaseId case_id;
  AgencyId agency;
  Date raised_on;
  std::string description;
  std::optional<Date> answered_on;
  std::string answer;
};

// A schedule of review dates (see review_cycles.hpp for the arithmetic).
// Attached to a partnership's whole plan (neither audit nor item set), to one
// audit's plan, or to one reviewable item; the most specific one governs.
struct ReviewCycle {
  ReviewCycleId id;
  PartnershipId partnership;
  std::string name;  // e.g. "LIS quarterly review"
  CycleKind kind = CycleKind::calendar_quarters;
  // The first review date. Quarterly cycles review on quarter ends from this
  // date on (a quarter end on or after it); every_n_months reviews on it and
  // every `months` months after (end-of-month dates stay end-of-month);
  // explicit_dates ignores it.
  Date start;
  int months = 0;                // every_n_months only: 1 or more
  std::vector<Date> dates;       // explicit_dates only: strictly ascending
  std::optional<GroupId> group;  // who reviews, e.g. the LIS
  std::optional<AuditId> audit;
  std::optional<ReviewableId> item;
};

// A dated re-review of a reviewable item: kept (still needed) or retired.
struct ItemReview {
  ReviewableId item;
  Date on;
  std::string by;
  std::string note;
  bool retired = false;  // e.g. the flag was removed as no longer evidenced
};

// Something other than an action that must be re-reviewed every N months:
// a flag on a child's record, a completed screening tool. Its next review is
// due review_every_months after its latest review (or after placed_on); a
// review cycle attached to it brings that forward to the cycle's first date
// after the latest review when that comes sooner, and never puts it off.
struct ReviewableItem {
  ReviewableId id;
  PartnershipId partnership;
  ReviewableKind kind = ReviewableKind::record_flag;
  std::string description;  // what it is; never a child's name
  std::optional<AuditId> audit;
  std::optional<CaseId> case_id;
  std::optional<AgencyId> agency;  // whose record or tool it is
  Date placed_on;
  int review_every_months = 6;
  std::vector<ItemReview> reviews;  // in date order
};

// What a review meeting decided for one action. extend needs new_due and a
// reason; escalate needs escalated_to and a reason; cancel needs a reason.
struct ReviewOutcome {
  ActionId action;
  OutcomeKind kind = OutcomeKind::continue_;
  std::string note;
  std::optional<Date> new_due;          // extend
  std::string reason;                   // extend, escalate, cancel
  std::optional<GroupId> escalated_to;  // escalate: e.g. the board
};

// A review meeting held by a group (the LIS, the SPLIG, the board) with the
// agencies attending and a per-action outcome. Recording one also records
// what its outcomes mean for each action: complete and cancel as updates,
// extend as a due-date revision, assure as the group's assurance.
struct ReviewMeeting {
  ReviewId id;
  GroupId group;
  Date held_on;
  std::vector<AgencyId> attending;
  std::string note;
  std::vector<ReviewOutcome> outcomes;
};

// One publication of a briefing: on a date, to some agencies.
struct Dissemination {
  BriefingId briefing;
  Date on;                        // not before written_on; not before the previous dissemination
  std::vector<AgencyId> reached;  // at least one; each an existing agency; no duplicates within one
  std::string by;
  std::string note;  // e.g. "sent to DSL network and team meetings"
};

// The editorial text of a 7 minute briefing on an audit: what the audit's data cannot say.
struct Briefing {
  BriefingId id;
  AuditId audit;
  // Not blank, e.g. "7 minute briefing: teenage relationship abuse".
  std::string title;
  Date written_on;                               // not before the audit's held_on
  std::string background;                        // prose beyond the audit's own facts; may be empty
  std::string why_it_matters;                    // may be empty
  std::string next_steps;                        // prose, e.g. "An overview is presented to the SPLIG ..."
  std::vector<std::string> reflection;           // "Reflect on the learning" prompts, in order; none blank
  std::vector<std::string> further_information;  // resources, in order; none blank
  std::vector<Dissemination> disseminations;     // history, in date order; empty on add
};

}  // namespace plansight
