// Store: a plan persisted in one SQLite file, changed only through these
// keyword-argument methods. Each builds the C++ value, hands it to the C++
// Store (which validates it, writes it and its history in one transaction,
// or throws and leaves file and plan unchanged) and returns what was
// recorded, ids assigned. `by` is an Actor or a plain name.
#include <variant>

#include "bindings.hpp"
#include "plansight/interchange.hpp"
#include "plansight/store.hpp"

namespace plansight::python {

Actor to_actor(const ActorArg& by) {
  if (const auto* actor = std::get_if<Actor>(&by)) return *actor;
  return Actor{std::get<std::string>(by), std::nullopt};
}

namespace {

using namespace pybind11::literals;

Owner make_owner(std::optional<AgencyId> agency, std::optional<GroupId> group, std::string role,
                 std::string lead) {
  return Owner{agency, group, std::move(role), std::move(lead)};
}

// ---- entities ------------------------------------------------------------------

Partnership add_partnership(Store& s, std::string name, const ActorArg& by, PartnershipId id, std::string_view why) {
  return s.add(Partnership{id, std::move(name)}, to_actor(by), why);
}

Agency add_agency(Store& s, std::string name, Sector sector, const ActorArg& by, AgencyId id, std::string_view why) {
  return s.add(Agency{id, std::move(name), sector}, to_actor(by), why);
}

Group add_group(Store& s, PartnershipId partnership, std::string name, const ActorArg& by, GroupId id,
                std::string_view why) {
  return s.add(Group{id, partnership, std::move(name)}, to_actor(by), why);
}

Theme add_theme(Store& s, std::string name, const ActorArg& by, ThemeId id, std::string_view why) {
  return s.add(Theme{id, std::move(name)}, to_actor(by), why);
}

Audit add_audit(Store& s, PartnershipId partnership, std::string title, AuditKind kind, Date held_on,
                const ActorArg& by, std::vector<ThemeId> themes, std::vector<AgencyId> agencies,
                std::string scope, std::optional<AuditId> reaudit_of, AuditStage stage, AuditId id,
                std::string_view why) {
  return s.add(Audit{id, partnership, std::move(title), kind, std::move(themes), held_on, stage,
                     std::move(scope), std::move(agencies), reaudit_of},
               to_actor(by), why);
}

Case add_case(Store& s, AuditId audit, std::string reference, const ActorArg& by, std::pair<int, int> age_band,
              Involvement involvement, std::vector<std::string> needs, bool discussed_at_panel, CaseId id,
              std::string_view why) {
  return s.add(Case{id, audit, std::move(reference), AgeBand{age_band.first, age_band.second}, involvement,
                    std::move(needs), discussed_at_panel},
               to_actor(by), why);
}

AgencyReturn add_agency_return(Store& s, CaseId case_id, AgencyId agency, const ActorArg& by,
                               const std::vector<std::pair<std::string, Grade>>& gradings, AgencyReturnId id,
                               std::string_view why) {
  AgencyReturn r{id, case_id, agency, {}};
  for (const auto& [question, grade] : gradings) r.gradings.push_back(Grading{question, grade});
  return s.add(std::move(r), to_actor(by), why);
}

Finding add_finding(Store& s, AuditId audit, FindingCategory category, std::string text, const ActorArg& by,
                    std::vector<ThemeId> themes, std::vector<CaseId> cases, std::vector<AgencyId> agencies,
                    FindingId id, std::string_view why) {
  return s.add(Finding{id, audit, category, std::move(text), std::move(themes), std::move(cases),
                       std::move(agencies)},
               to_actor(by), why);
}

Recommendation add_recommendation(Store& s, AuditId audit, std::string text, const ActorArg& by,
                                  std::vector<FindingId> findings, RecommendationId id, std::string_view why) {
  return s.add(Recommendation{id, audit, std::move(text), std::move(findings)}, to_actor(by), why);
}

Action add_action(Store& s, PartnershipId partnership, AuditId audit, std::string title, Date created_on,
                  Date due_on, const ActorArg& by, std::optional<AgencyId> owner_agency,
                  std::optional<GroupId> owner_group, std::string owner_role, std::string owner_lead,
                  int estimate_days, std::optional<FindingId> finding,
                  std::optional<RecommendationId> recommendation, std::string description,
                  std::string success_measure, ActionId id, std::string_view why) {
  Action a;
  a.id = id;
  a.partnership = partnership;
  a.audit = audit;
  a.finding = finding;
  a.recommendation = recommendation;
  a.title = std::move(title);
  a.description = std::move(description);
  a.owner = make_owner(owner_agency, owner_group, std::move(owner_role), std::move(owner_lead));
  a.created_on = created_on;
  a.due_on = due_on;
  a.estimate_days = estimate_days;
  a.success_measure = std::move(success_measure);
  return s.add(std::move(a), to_actor(by), why);
}

ImmediateConcern add_concern(Store& s, AuditId audit, CaseId case_id, AgencyId agency, std::string description,
                             Date raised_on, const ActorArg& by, ConcernId id, std::string_view why) {
  return s.add(ImmediateConcern{id, audit, case_id, agency, raised_on, std::move(description), std::nullopt, {}},
               to_actor(by), why);
}

void bind_entities(py::class_<Store>& store) {
  store
      .def("add_partnership", &add_partnership, "name"_a, py::kw_only(), "by"_a, "id"_a = 0, "why"_a = "",
           "Adds a partnership named `name` and returns it with its id (`id` 0 assigns the next free one).")
      .def("add_agency", &add_agency, "name"_a, "sector"_a, py::kw_only(), "by"_a, "id"_a = 0, "why"_a = "",
           "Adds a partner agency of `sector` and returns it with its id.")
      .def("add_group", &add_group, "partnership"_a, "name"_a, py::kw_only(), "by"_a, "id"_a = 0, "why"_a = "",
           "Adds a subgroup (LIS, SPLIG, board) of a partnership and returns it with its id.")
      .def("add_theme", &add_theme, "name"_a, py::kw_only(), "by"_a, "id"_a = 0, "why"_a = "",
           "Adds a learning theme (names are unique) and returns it with its id.")
      .def("add_audit", &add_audit, "partnership"_a, "title"_a, "kind"_a, "held_on"_a, py::kw_only(), "by"_a,
           "themes"_a = std::vector<ThemeId>{}, "agencies"_a = std::vector<AgencyId>{}, "scope"_a = "",
           "reaudit_of"_a = py::none(), "stage"_a = "planned",
           "id"_a = 0, "why"_a = "",
           "Adds an audit held on `held_on` with its theme and agency ids, scope, lifecycle stage "
           "and the id of the audit it re-audits; returns it with its id.")
      .def("add_case", &add_case, "audit"_a, "reference"_a, py::kw_only(), "by"_a,
           "age_band"_a = std::pair<int, int>{0, 17},
           "involvement"_a = "universal",
           "needs"_a = std::vector<std::string>{}, "discussed_at_panel"_a = false, "id"_a = 0, "why"_a = "",
           "Adds a pseudonymised case to an audit; `age_band` is (from, to) in years. A reference that "
           "looks like an NHS number or a date of birth raises ValidationError.")
      .def("add_agency_return", &add_agency_return, "case"_a, "agency"_a, py::kw_only(), "by"_a,
           "gradings"_a = std::vector<std::pair<std::string, Grade>>{}, "id"_a = 0, "why"_a = "",
           "Adds an agency's return for a case, `gradings` as (question, grade) pairs; returns it with its id.")
      .def("add_finding", &add_finding, "audit"_a, "category"_a, "text"_a, py::kw_only(), "by"_a,
           "themes"_a = std::vector<ThemeId>{}, "cases"_a = std::vector<CaseId>{},
           "agencies"_a = std::vector<AgencyId>{}, "id"_a = 0, "why"_a = "",
           "Adds a finding of an audit with the ids of its themes, cases and agencies; returns it with its id.")
      .def("add_recommendation", &add_recommendation, "audit"_a, "text"_a, py::kw_only(), "by"_a,
           "findings"_a = std::vector<FindingId>{}, "id"_a = 0, "why"_a = "",
           "Adds a recommendation of an audit answering the given findings; returns it with its id.")
      .def("add_action", &add_action, "partnership"_a, "audit"_a, "title"_a, py::kw_only(), "created_on"_a,
           "due_on"_a, "by"_a, "owner_agency"_a = py::none(), "owner_group"_a = py::none(), "owner_role"_a = "",
           "owner_lead"_a = "", "estimate_days"_a = 0, "finding"_a = py::none(), "recommendation"_a = py::none(),
           "description"_a = "", "success_measure"_a = "", "id"_a = 0, "why"_a = "",
           "Adds an action owned by exactly one of `owner_agency` and `owner_group` (with an optional "
           "role and named lead), answering an optional finding or recommendation of `audit`; "
           "returns it with its id. History and dependencies are recorded afterwards.")
      .def("add_concern", &add_concern, "audit"_a, "case"_a, "agency"_a, "description"_a, py::kw_only(),
           "raised_on"_a, "by"_a, "id"_a = 0, "why"_a = "",
           "Records an immediate concern about a case, sent back to `agency`; returns it with its id.");
}

// ---- changes --------------------------------------------------------------------

void add_dependency(Store& s, ActionId action, ActionId depends_on, int lag_days, const ActorArg& by,
                    std::string_view why) {
  s.add_dependency(action, depends_on, lag_days, to_actor(by), why);
}

void remove_dependency(Store& s, ActionId action, ActionId depends_on, const ActorArg& by, std::string_view why) {
  s.remove_dependency(action, depends_on, to_actor(by), why);
}

Audit advance_audit(Store& s, AuditId audit, AuditStage to, const ActorArg& by, std::string_view why) {
  s.advance_audit(audit, to, to_actor(by), why);
  return s.plan().audit(audit);
}

Update record_update(Store& s, ActionId action, Date on, Status status, const ActorArg& by, std::string note,
                     std::optional<Rag> reported_rag, std::optional<Date> completed_on) {
  const Actor actor = to_actor(by);
  s.record(Update{action, on, status, reported_rag, std::move(note), actor.name, completed_on}, actor);
  return s.plan().action(action).updates.back();
}

DueDateRevision revise_due_date(Store& s, ActionId action, Date on, Date new_due, std::string reason,
                                std::string agreed_by, const ActorArg& by) {
  s.record(DueDateRevision{action, on, new_due, std::move(reason), std::move(agreed_by)}, to_actor(by));
  return s.plan().action(action).due_revisions.back();
}

OwnerChange change_owner(Store& s, ActionId action, Date on, std::string reason, const ActorArg& by,
                         std::optional<AgencyId> owner_agency, std::optional<GroupId> owner_group,
                         std::string owner_role, std::string owner_lead) {
  Owner owner = make_owner(owner_agency, owner_group, std::move(owner_role), std::move(owner_lead));
  s.record(OwnerChange{action, on, std::move(owner), std::move(reason)}, to_actor(by));
  return s.plan().action(action).owner_changes.back();
}

Evidence add_evidence(Store& s, ActionId action, Date on, EvidenceKind kind, std::string description,
                      const ActorArg& by) {
  const Actor actor = to_actor(by);
  return s.record(Evidence{EvidenceId(), action, on, kind, std::move(description), actor.name}, actor);
}

Assurance assure(Store& s, ActionId action, Date on, GroupId group, const ActorArg& by, std::string note) {
  const Actor actor = to_actor(by);
  s.record(Assurance{action, on, group, std::move(note), actor.name}, actor);
  return *s.plan().action(action).assurance;
}

ImmediateConcern answer_concern(Store& s, ConcernId concern, Date on, std::string answer, const ActorArg& by) {
  s.answer_concern(concern, on, std::move(answer), to_actor(by));
  return s.plan().concern(concern);
}

void bind_changes(py::class_<Store>& store) {
  store
      .def("add_dependency", &add_dependency, "action"_a, "depends_on"_a, py::kw_only(), "lag_days"_a = 0, "by"_a,
           "why"_a = "",
           "Records that `action` cannot start before `lag_days` after `depends_on` is finished. The "
           "two may belong to different audits of one partnership. Raises CycleError naming the whole "
           "cycle when that would close one, ValidationError for a negative lag or actions of two "
           "partnerships, ConflictError when the dependency exists already.")
      .def("remove_dependency", &remove_dependency, "action"_a, "depends_on"_a, py::kw_only(), "by"_a,
           "why"_a = "",
           "Ends the dependency of `action` on `depends_on`; the store keeps it in history. Raises "
           "NotFoundError when there is no such dependency.")
      .def("advance_audit", &advance_audit, "audit"_a, "to"_a, py::kw_only(), "by"_a, "why"_a = "",
           "Moves an audit forward to lifecycle stage `to`; returns the audit as it now is.")
      .def("record_update", &record_update, "action"_a, py::kw_only(), "on"_a, "status"_a, "by"_a,
           "note"_a = "", "reported_rag"_a = py::none(), "completed_on"_a = py::none(),
           "Records a dated progress update of an action (status, note, RAG as reported; a complete "
           "update may give its completion date); returns the update as recorded.")
      .def("revise_due_date", &revise_due_date, "action"_a, py::kw_only(), "on"_a, "new_due"_a, "reason"_a,
           "agreed_by"_a, "by"_a,
           "Moves an action's due date to `new_due` from `on`, with the reason and who agreed it; "
           "returns the revision.")
      .def("change_owner", &change_owner, "action"_a, py::kw_only(), "on"_a, "reason"_a, "by"_a,
           "owner_agency"_a = py::none(), "owner_group"_a = py::none(), "owner_role"_a = "", "owner_lead"_a = "",
           "Gives an action a new owner (exactly one of `owner_agency` and `owner_group`) from `on`; "
           "returns the change.")
      .def("add_evidence", &add_evidence, "action"_a, py::kw_only(), "on"_a, "kind"_a, "description"_a, "by"_a,
           "Records evidence of an action's completion or impact; returns it with its id.")
      .def("assure", &assure, "action"_a, py::kw_only(), "on"_a, "group"_a, "by"_a, "note"_a = "",
           "Records a group's sign-off of a complete action with evidence: the action is assured and "
           "no longer changes. Returns the assurance.")
      .def("answer_concern", &answer_concern, "concern"_a, py::kw_only(), "on"_a, "answer"_a, "by"_a,
           "Records the agency's answer to an immediate concern; returns the concern as it now is.");
}

// ---- the review rhythm ---------------------------------------------------------------

ReviewCycle add_review_cycle(Store& s, PartnershipId partnership, std::string name, CycleKind kind,
                             const ActorArg& by, std::optional<Date> start, int months, std::vector<Date> dates,
                             std::optional<GroupId> group, std::optional<AuditId> audit,
                             std::optional<ReviewableId> item, ReviewCycleId id, std::string_view why) {
  return s.add(ReviewCycle{id, partnership, std::move(name), kind, start.value_or(Date()), months,
                           std::move(dates), group, audit, item},
               to_actor(by), why);
}

ReviewableItem add_reviewable_item(Store& s, PartnershipId partnership, ReviewableKind kind,
                                   std::string description, Date placed_on, const ActorArg& by,
                                   int review_every_months, std::optional<AuditId> audit,
                                   std::optional<CaseId> case_id, std::optional<AgencyId> agency, ReviewableId id,
                                   std::string_view why) {
  return s.add(ReviewableItem{id, partnership, kind, std::move(description), audit, case_id, agency, placed_on,
                              review_every_months, {}},
               to_actor(by), why);
}

ItemReview review_item(Store& s, ReviewableId item, Date on, const ActorArg& by, std::string note, bool retired) {
  const Actor actor = to_actor(by);
  ItemReview review{item, on, actor.name, std::move(note), retired};
  s.record(review, actor);
  return review;
}

ReviewMeeting record_review(Store& s, GroupId group, Date held_on, const ActorArg& by,
                            std::vector<ReviewOutcome> outcomes, std::vector<AgencyId> attending, std::string note,
                            ReviewId id, std::string_view why) {
  return s.record(ReviewMeeting{id, group, held_on, std::move(attending), std::move(note), std::move(outcomes)},
                  to_actor(by), why);
}

void bind_reviews(py::class_<Store>& store) {
  store
      .def("add_review_cycle", &add_review_cycle, "partnership"_a, "name"_a, "kind"_a, py::kw_only(), "by"_a,
           "start"_a = py::none(), "months"_a = 0, "dates"_a = std::vector<Date>{}, "group"_a = py::none(),
           "audit"_a = py::none(), "item"_a = py::none(), "id"_a = 0, "why"_a = "",
           "Adds a review cycle for the partnership's whole plan, or for one audit's plan (`audit`) or "
           "one reviewable item (`item`): quarterly from `start`, every `months` months from `start`, or "
           "on explicit `dates`. Returns it with its id.")
      .def("add_reviewable_item", &add_reviewable_item, "partnership"_a, "kind"_a, "description"_a,
           py::kw_only(), "placed_on"_a, "by"_a, "review_every_months"_a = 6, "audit"_a = py::none(),
           "case"_a = py::none(), "agency"_a = py::none(), "id"_a = 0, "why"_a = "",
           "Adds something re-reviewed every `review_every_months` months (a flag on a child's record, "
           "a completed screening tool); returns it with its id.")
      .def("review_item", &review_item, "item"_a, py::kw_only(), "on"_a, "by"_a, "note"_a = "",
           "retired"_a = false,
           "Records a re-review of a reviewable item on `on` (retired=True when it was removed as no "
           "longer needed); returns the review.")
      .def("record_review", &record_review, "group"_a, py::kw_only(), "held_on"_a, "by"_a,
           "outcomes"_a = std::vector<ReviewOutcome>{}, "attending"_a = std::vector<AgencyId>{}, "note"_a = "",
           "id"_a = 0, "why"_a = "",
           "Records a review meeting of `group` with the agencies attending and one ReviewOutcome per "
           "action reviewed, together with what the outcomes do to the actions (complete and cancel "
           "as updates, extend as a due-date revision, assure as the group's assurance). All or "
           "nothing: any refused outcome raises and records none. Returns the meeting with its id.");
}

// ---- briefings --------------------------------------------------------------------------

Briefing add_briefing(Store& s, AuditId audit, std::string title, Date written_on, std::string background,
                      std::string why_it_matters, std::string next_steps, std::vector<std::string> reflection,
                      std::vector<std::string> further_information, const ActorArg& by,
                      std::string_view why) {
  return s.add(Briefing{BriefingId(), audit, std::move(title), written_on, std::move(background),
                        std::move(why_it_matters), std::move(next_steps), std::move(reflection),
                        std::move(further_information), {}},
               to_actor(by), why);
}

void record_dissemination(Store& s, BriefingId briefing, Date on, std::vector<AgencyId> reached,
                          std::string note, const ActorArg& by) {
  const Actor actor = to_actor(by);
  s.record(Dissemination{briefing, on, std::move(reached), actor.name, std::move(note)}, actor);
}

void bind_briefings(py::class_<Store>& store) {
  store
      .def("add_briefing", &add_briefing, "audit"_a, "title"_a, py::kw_only(), "written_on"_a,
           "background"_a = "", "why_it_matters"_a = "", "next_steps"_a = "",
           "reflection"_a = std::vector<std::string>{},
           "further_information"_a = std::vector<std::string>{}, "by"_a, "why"_a = "",
           "Adds a 7 minute briefing written on `audit` (on or after the day it was held), with its "
           "'Reflect on the learning' prompts and further information in order; returns it with its id. "
           "Its disseminations are recorded afterwards.")
      .def("record_dissemination", &record_dissemination, "briefing"_a, py::kw_only(), "on"_a, "reached"_a,
           "note"_a = "", "by"_a,
           "Records that the briefing went out on `on` to the agencies `reached` (at least one, each "
           "once), sent by the actor; the note says how. Disseminations are recorded in date order, "
           "none before the briefing was written.");
}

// ---- the file, history and interchange ---------------------------------------------

std::vector<ImportWarning> import_workload(Store& s, const FilePath& directory, const ActorArg& by,
                                           std::string_view why) {
  const Actor actor = to_actor(by);
  WorkloadImport read = read_workload(directory.text, s.plan());
  s.add_all(std::move(read.plan), actor, why);
  return std::move(read.warnings);
}

void export_workload(const Store& s, const FilePath& directory) {
  write_workload(s.plan(), directory.text);
}

void bind_file(py::class_<Store>& store) {
  store.def_property_readonly("path", &Store::path, "The path the store was opened with.")
      .def_property_readonly("schema_version", &Store::schema_version, "The file's schema version.")
      .def_property_readonly("plan", &Store::plan, py::return_value_policy::reference_internal,
                             "The plan as the file holds it now; live: it follows later changes.")
      .def_static("latest_schema_version", &Store::latest_schema_version,
                  "The schema version this library writes.")
      .def("load", &Store::load, "Reads the whole file again into a new, independent Plan.")
      .def("history", &Store::history, "entity"_a = "", "id"_a = 0,
           "The history of one entity (e.g. 'action', 42), oldest first; of everything when entity is empty.")
      .def("import_workload", &import_workload, "directory"_a, py::kw_only(), "by"_a, "why"_a = "",
           "Reads a CSV workload directory on top of the store's plan and writes it all in one "
           "transaction. Returns the warnings; raises DataImportError naming file, line and field, "
           "and leaves the store unchanged, when a row is refused.")
      .def("export_workload", &export_workload, "directory"_a,
           "Writes the plan in the CSV workload format into `directory` (created if missing).")
      .def("__repr__", [](const Store& s) {
        return "<Store " + quoted(s.path(), 200) + " schema " + std::to_string(s.schema_version()) + ">";
      }, "Like <Store 'nyscp.db' schema 1>.");
}

void bind_history_entry(py::module_& m) {
  py::class_<HistoryEntry>(m, "HistoryEntry",
                           "One field change (or creation) in a store's append-only history.")
      .def_readonly("change", &HistoryEntry::change, "Id of the change set it belongs to.")
      .def_readonly("actor", &HistoryEntry::actor, "Who made the change.")
      .def_readonly("recorded_at", &HistoryEntry::recorded_at, "UTC time the store recorded it (ISO 8601).")
      .def_readonly("why", &HistoryEntry::why, "The reason given, possibly empty.")
      .def_readonly("entity", &HistoryEntry::entity, "Kind of entity: 'action', 'audit', 'concern' ...")
      .def_readonly("entity_id", &HistoryEntry::entity_id, "Id of the entity.")
      .def_readonly("field", &HistoryEntry::field, "The field changed; 'created' for a creation.")
      .def_readonly("old_value", &HistoryEntry::old_value, "The value before.")
      .def_readonly("new_value", &HistoryEntry::new_value, "The value after.")
      .def("__repr__", [](const HistoryEntry& h) {
        return "<HistoryEntry " + std::to_string(h.change) + " " + h.entity + " " + std::to_string(h.entity_id) +
               " " + h.field + ": " + quoted(h.old_value, 30) + " -> " + quoted(h.new_value, 30) + " by " +
               quoted(h.actor, 40) + ">";
      }, "Like <HistoryEntry 7 action 12 status: 'not_started' -> 'in_progress' by 'LIS manager'>.");
}

}  // namespace

void register_store(py::module_& m) {
  bind_history_entry(m);
  py::class_<Store> store(m, "Store",
                          "A plan persisted in one SQLite file (or ':memory:'). Every change names "
                          "who makes it, is validated, and is written in one transaction with its "
                          "history; a refused change raises and leaves file and plan as they were. "
                          "Open one with plansight.open(path).");
  bind_entities(store);
  bind_changes(store);
  bind_reviews(store);
  bind_briefings(store);
  bind_file(store);
  m.def("open", [](const FilePath& path) { return Store::open(path.text); }, "path"_a,
        py::call_guard<py::gil_scoped_release>(),
        "Opens the store at `path` (':memory:' for one in memory), creating the file when missing "
        "and migrating an older schema forward.");
}

}  // namespace plansight::python
