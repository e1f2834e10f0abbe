// The model's value types as read-only Python classes: every field a
// property, a __repr__ naming the entity, no way to change it from Python
// (changes go through a Store, which validates them). Actor alone can be
// constructed: it says who makes a change.
#include "bindings.hpp"

namespace plansight::python {
namespace {

std::string id_text(std::int64_t id) { return std::to_string(id); }

void bind_actor(py::module_& m) {
  py::class_<Actor>(m, "Actor", "Who makes a change: a person or role, optionally of an agency.")
      .def(py::init([](std::string name, std::optional<AgencyId> agency) {
             return Actor{std::move(name), agency};
           }),
           py::arg("name"), py::arg("agency") = py::none(),
           "An actor named `name` (a person or role), optionally of agency id `agency`.")
      .def_readonly("name", &Actor::name, "Name of the person or role.")
      .def_readonly("agency", &Actor::agency, "Id of the actor's agency, or None.")
      .def("__repr__", [](const Actor& a) {
        return "<Actor " + quoted(a.name) + (a.agency ? " of agency " + id_text(a.agency->value()) : "") + ">";
      }, "Like <Actor 'LIS business manager'>.");
}

void bind_organisation(py::module_& m) {
  py::class_<Partnership>(m, "Partnership", "A statutory safeguarding partnership or board.")
      .def_readonly("id", &Partnership::id, "The partnership's id.")
      .def_readonly("name", &Partnership::name, "The partnership's name.")
      .def("__repr__", [](const Partnership& p) {
        return "<Partnership " + id_text(p.id.value()) + " " + quoted(p.name) + ">";
      }, "Like <Partnership 1 'North Yorkshire SCP'>.");
  py::class_<Agency>(m, "Agency", "A partner organisation (police, children's social care, a health trust ...).")
      .def_readonly("id", &Agency::id, "The agency's id.")
      .def_readonly("name", &Agency::name, "The agency's name.")
      .def_readonly("sector", &Agency::sector, "The agency's sector.")
      .def("__repr__", [](const Agency& a) {
        return "<Agency " + id_text(a.id.value()) + " " + quoted(a.name) + " " + to_string(a.sector) + ">";
      }, "Like <Agency 1 'Police' police>.");
  py::class_<Group>(m, "Group", "A partnership subgroup that owns monitoring: the LIS, the SPLIG, the board.")
      .def_readonly("id", &Group::id, "The group's id.")
      .def_readonly("partnership", &Group::partnership, "Id of the partnership the group belongs to.")
      .def_readonly("name", &Group::name, "The group's name.")
      .def("__repr__", [](const Group& g) {
        return "<Group " + id_text(g.id.value()) + " " + quoted(g.name) + " of partnership " +
               id_text(g.partnership.value()) + ">";
      }, "Like <Group 2 'LIS' of partnership 1>.");
  py::class_<Theme>(m, "Theme", "A learning theme from the controlled vocabulary ('voice of the child' ...).")
      .def_readonly("id", &Theme::id, "The theme's id.")
      .def_readonly("name", &Theme::name, "The theme's name, unique in a plan.")
      .def("__repr__", [](const Theme& t) {
        return "<Theme " + id_text(t.id.value()) + " " + quoted(t.name) + ">";
      }, "Like <Theme 3 'voice of the child'>.");
}

void bind_audit(py::module_& m) {
  py::class_<Audit>(m, "Audit",
                    "A multi-agency audit: its kind, themes, date, scope, participating agencies, "
                    "lifecycle stage and the audit it re-audits.")
      .def_readonly("id", &Audit::id, "The audit's id.")
      .def_readonly("partnership", &Audit::partnership, "Id of the partnership that ran the audit.")
      .def_readonly("title", &Audit::title, "The audit's title.")
      .def_readonly("kind", &Audit::kind, "The kind of audit.")
      .def_readonly("themes", &Audit::themes, "Ids of the audit's learning themes.")
      .def_readonly("held_on", &Audit::held_on, "The date the audit was held.")
      .def_readonly("stage", &Audit::stage, "The audit's lifecycle stage.")
      .def_readonly("scope", &Audit::scope, "Scope criteria of the audit (free text).")
      .def_readonly("agencies", &Audit::agencies, "Ids of the participating agencies.")
      .def_readonly("reaudit_of", &Audit::reaudit_of, "Id of the audit this one re-audits, or None.")
      .def("__repr__", [](const Audit& a) {
        return "<Audit " + id_text(a.id.value()) + " " + quoted(a.title) + " " + to_string(a.kind) +
               " held " + iso_or_dash(a.held_on) + ", " + to_string(a.stage) + ">";
      }, "Like <Audit 4 'Domestic abuse MACFA' multi_agency_case_audit held 2024-06-12, planned>.");
}

void bind_case(py::module_& m) {
  py::class_<AgeBand>(m, "AgeBand", "An inclusive age range in whole years, e.g. 9 to 17.")
      .def_readonly("from_", &AgeBand::from, "Youngest age in the band, in years.")
      .def_readonly("to", &AgeBand::to, "Oldest age in the band, in years.")
      .def("__repr__", [](const AgeBand& b) {
        return "<AgeBand " + std::to_string(b.from) + "-" + std::to_string(b.to) + ">";
      }, "Like <AgeBand 9-17>.");
  py::class_<Case>(m, "Case", "A pseudonymised child's case in an audit: a reference, never a name.")
      .def_readonly("id", &Case::id, "The case's id.")
      .def_readonly("audit", &Case::audit, "Id of the audit the case belongs to.")
      .def_readonly("reference", &Case::reference, "The pseudonymised case reference.")
      .def_readonly("age_band", &Case::age_band, "The child's age band.")
      .def_readonly("involvement", &Case::involvement, "Level of children's services involvement.")
      .def_readonly("needs", &Case::needs, "Needs and experiences (tags).")
      .def_readonly("discussed_at_panel", &Case::discussed_at_panel, "Whether the panel discussed the case.")
      .def("__repr__", [](const Case& c) {
        return "<Case " + id_text(c.id.value()) + " " + quoted(c.reference) + " in audit " +
               id_text(c.audit.value()) + ">";
      }, "Like <Case 5 'C-17' in audit 4>.");
  py::class_<Grading>(m, "Grading", "The grade an agency return gives one audit question.")
      .def_readonly("question", &Grading::question, "The audit question, e.g. 'voice of the child evident'.")
      .def_readonly("grade", &Grading::grade, "The grade given.")
      .def("__repr__", [](const Grading& g) {
        return "<Grading " + quoted(g.question) + " " + to_string(g.grade) + ">";
      }, "Like <Grading 'voice of the child evident' good>.");
  py::class_<AgencyReturn>(m, "AgencyReturn", "One agency's single-agency audit of one case.")
      .def_readonly("id", &AgencyReturn::id, "The return's id.")
      .def_readonly("case", &AgencyReturn::case_id, "Id of the case audited.")
      .def_readonly("agency", &AgencyReturn::agency, "Id of the agency that made the return.")
      .def_readonly("gradings", &AgencyReturn::gradings, "The grading of each audit question.")
      .def("__repr__", [](const AgencyReturn& r) {
        return "<AgencyReturn " + id_text(r.id.value()) + " for case " + id_text(r.case_id.value()) +
               " by agency " + id_text(r.agency.value()) + ", " + std::to_string(r.gradings.size()) +
               " gradings>";
      }, "Like <AgencyReturn 2 for case 5 by agency 1, 3 gradings>.");
}

void bind_findings(py::module_& m) {
  py::class_<Finding>(m, "Finding", "Good practice, an area for development, a worry or a learning theme.")
      .def_readonly("id", &Finding::id, "The finding's id.")
      .def_readonly("audit", &Finding::audit, "Id of the audit that found it.")
      .def_readonly("category", &Finding::category, "What kind of finding it is.")
      .def_readonly("text", &Finding::text, "The finding.")
      .def_readonly("themes", &Finding::themes, "Ids of its learning themes.")
      .def_readonly("cases", &Finding::cases, "Ids of the cases it concerns.")
      .def_readonly("agencies", &Finding::agencies, "Ids of the agencies it concerns.")
      .def("__repr__", [](const Finding& f) {
        return "<Finding " + id_text(f.id.value()) + " " + to_string(f.category) + " " + quoted(f.text) + ">";
      }, "Like <Finding 8 area_for_development 'Voice of the child not recorded'>.");
  py::class_<Recommendation>(m, "Recommendation", "What the panel asks for; answered by one or more actions.")
      .def_readonly("id", &Recommendation::id, "The recommendation's id.")
      .def_readonly("audit", &Recommendation::audit, "Id of the audit that made it.")
      .def_readonly("text", &Recommendation::text, "The recommendation.")
      .def_readonly("findings", &Recommendation::findings, "Ids of the findings it answers.")
      .def("__repr__", [](const Recommendation& r) {
        return "<Recommendation " + id_text(r.id.value()) + " " + quoted(r.text) + ">";
      }, "Like <Recommendation 3 'Refresh risk assessment training'>.");
}

void bind_owner(py::module_& m) {
  py::class_<Owner>(m, "Owner",
                    "Who answers for an action: an agency (with an optional role and named lead) "
                    "or a group; exactly one of agency and group is set.")
      .def_readonly("agency", &Owner::agency, "Id of the owning agency, or None.")
      .def_readonly("group", &Owner::group, "Id of the owning group, or None.")
      .def_readonly("role", &Owner::role, "The owner's role, possibly empty.")
      .def_readonly("lead", &Owner::lead, "The named lead, possibly empty.")
      .def("__repr__", [](const Owner& o) {
        return "<Owner " + describe_owner(o) + (o.role.empty() ? "" : " " + quoted(o.role)) +
               (o.lead.empty() ? "" : " lead " + quoted(o.lead)) + ">";
      }, "Like <Owner agency 2 'Team Manager'>.");
}

void bind_history(py::module_& m) {
  py::class_<Update>(m, "Update", "A dated, attributed progress entry of an action.")
      .def_readonly("action", &Update::action, "Id of the action.")
      .def_readonly("on", &Update::on, "Date of the update.")
      .def_readonly("status", &Update::status, "Status from this date on.")
      .def_readonly("reported_rag", &Update::reported_rag, "RAG as the owner reported it, or None.")
      .def_readonly("note", &Update::note, "Progress note.")
      .def_readonly("by", &Update::by, "Who reported it.")
      .def_readonly("completed_on", &Update::completed_on,
                    "Completion date of a complete update (defaults to its date), else None.")
      .def("__repr__", [](const Update& u) {
        return "<Update of action " + id_text(u.action.value()) + " on " + iso_or_dash(u.on) + " " +
               to_string(u.status) + ">";
      }, "Like <Update of action 12 on 2024-09-30 in_progress>.");
  py::class_<Evidence>(m, "Evidence", "What shows an action done (completion) or its effect (impact).")
      .def_readonly("id", &Evidence::id, "The evidence's id.")
      .def_readonly("action", &Evidence::action, "Id of the action.")
      .def_readonly("on", &Evidence::on, "Date of the evidence.")
      .def_readonly("kind", &Evidence::kind, "Completion or impact.")
      .def_readonly("description", &Evidence::description, "What the evidence is.")
      .def_readonly("by", &Evidence::by, "Who recorded it.")
      .def("__repr__", [](const Evidence& e) {
        return "<Evidence " + id_text(e.id.value()) + " " + to_string(e.kind) + " for action " +
               id_text(e.action.value()) + " on " + iso_or_dash(e.on) + ">";
      }, "Like <Evidence 4 impact for action 12 on 2025-01-10>.");
  py::class_<DueDateRevision>(m, "DueDateRevision", "A change of an action's due date, with its reason and who agreed it.")
      .def_readonly("action", &DueDateRevision::action, "Id of the action.")
      .def_readonly("on", &DueDateRevision::on, "Date of the revision.")
      .def_readonly("new_due", &DueDateRevision::new_due, "The due date from this date on.")
      .def_readonly("reason", &DueDateRevision::reason, "Why the due date moved.")
      .def_readonly("agreed_by", &DueDateRevision::agreed_by, "Who agreed the new date.")
      .def("__repr__", [](const DueDateRevision& r) {
        return "<DueDateRevision of action " + id_text(r.action.value()) + " on " + iso_or_dash(r.on) +
               ": due " + iso_or_dash(r.new_due) + ">";
      }, "Like <DueDateRevision of action 12 on 2024-09-30: due 2025-06-30>.");
  py::class_<OwnerChange>(m, "OwnerChange", "A change of an action's owner, with its reason.")
      .def_readonly("action", &OwnerChange::action, "Id of the action.")
      .def_readonly("on", &OwnerChange::on, "Date of the change.")
      .def_readonly("new_owner", &OwnerChange::new_owner, "The owner from this date on.")
      .def_readonly("reason", &OwnerChange::reason, "Why the owner changed.")
      .def("__repr__", [](const OwnerChange& c) {
        return "<OwnerChange of action " + id_text(c.action.value()) + " on " + iso_or_dash(c.on) +
               " to " + describe_owner(c.new_owner) + ">";
      }, "Like <OwnerChange of action 12 on 2024-09-30 to agency 3>.");
  py::class_<Assurance>(m, "Assurance", "A group's sign-off of evidence of impact: the action is assured.")
      .def_readonly("action", &Assurance::action, "Id of the action.")
      .def_readonly("on", &Assurance::on, "Date of the sign-off.")
      .def_readonly("group", &Assurance::group, "Id of the group that signed off.")
      .def_readonly("note", &Assurance::note, "The group's note.")
      .def_readonly("by", &Assurance::by, "Who recorded the sign-off.")
      .def("__repr__", [](const Assurance& a) {
        return "<Assurance of action " + id_text(a.action.value()) + " on " + iso_or_dash(a.on) +
               " by group " + id_text(a.group.value()) + ">";
      }, "Like <Assurance of action 12 on 2025-03-31 by group 2>.");
}

void bind_dependency(py::module_& m) {
  py::class_<Dependency>(m, "Dependency",
                         "A finish-to-start dependency: `action` starts no earlier than `lag_days` "
                         "after `depends_on` finishes.")
      .def_readonly("action", &Dependency::action, "Id of the action that waits.")
      .def_readonly("depends_on", &Dependency::depends_on, "Id of the action it waits for.")
      .def_readonly("lag_days", &Dependency::lag_days, "Days between the one's finish and the other's start.")
      .def("__eq__", [](const Dependency& d, const py::object& other) {
        return py::isinstance<Dependency>(other) && d == other.cast<const Dependency&>();
      }, py::arg("other"), "Whether `other` is a Dependency of the same action, prerequisite and lag.")
      .def("__hash__", [](const Dependency& d) {
        return py::hash(py::make_tuple(d.action.value(), d.depends_on.value(), d.lag_days));
      }, "Hash of (action, depends_on, lag_days).")
      .def("__repr__", [](const Dependency& d) {
        return "<Dependency " + id_text(d.action.value()) + " on " + id_text(d.depends_on.value()) +
               (d.lag_days ? " + " + std::to_string(d.lag_days) + " days" : "") + ">";
      }, "Like <Dependency 12 on 7 + 14 days>.");
}

void bind_action(py::module_& m) {
  py::class_<Action>(m, "Action",
                     "An action of a partnership's plan, with its owner, dates, dependencies and "
                     "whole history. owner and due_on are as first agreed: use Plan.owner_at and "
                     "Plan.due_on_at for the values in force on a date.")
      .def_readonly("id", &Action::id, "The action's id.")
      .def_readonly("partnership", &Action::partnership, "Id of the partnership.")
      .def_readonly("audit", &Action::audit, "Id of the audit the action comes from.")
      .def_readonly("finding", &Action::finding, "Id of the finding it answers, or None.")
      .def_readonly("recommendation", &Action::recommendation, "Id of the recommendation it answers, or None.")
      .def_readonly("title", &Action::title, "The action's title.")
      .def_readonly("description", &Action::description, "What is to be done.")
      .def_readonly("owner", &Action::owner, "The owner as first assigned.")
      .def_readonly("created_on", &Action::created_on, "The date the action was created.")
      .def_readonly("due_on", &Action::due_on, "The due date as first agreed.")
      .def_readonly("estimate_days", &Action::estimate_days, "Estimated duration in calendar days.")
      .def_readonly("success_measure", &Action::success_measure, "How success will be measured.")
      .def_readonly("depends_on", &Action::depends_on, "The dependencies of this action, in the order added.")
      .def_readonly("updates", &Action::updates, "Progress updates, in date order.")
      .def_readonly("due_revisions", &Action::due_revisions, "Due-date revisions, in date order.")
      .def_readonly("owner_changes", &Action::owner_changes, "Owner changes, in date order.")
      .def_readonly("evidence", &Action::evidence, "Evidence of completion and impact, in date order.")
      .def_readonly("assurance", &Action::assurance, "The group's sign-off, or None.")
      .def("__repr__", [](const Action& a) {
        return "<Action " + id_text(a.id.value()) + " " + quoted(a.title) + " due " + iso_or_dash(a.due_on) + ">";
      }, "Like <Action 12 'Deliver training' due 2025-03-31>.");
}

void bind_concern(py::module_& m) {
  py::class_<ImmediateConcern>(m, "ImmediateConcern",
                               "A worry about a child raised during an audit: it goes straight back "
                               "to the agency, outside the action plan, and is tracked to an answer.")
      .def_readonly("id", &ImmediateConcern::id, "The concern's id.")
      .def_readonly("audit", &ImmediateConcern::audit, "Id of the audit that raised it.")
      .def_readonly("case", &ImmediateConcern::case_id, "Id of the case it concerns.")
      .def_readonly("agency", &ImmediateConcern::agency, "Id of the agency it went back to.")
      .def_readonly("raised_on", &ImmediateConcern::raised_on, "The date it was raised.")
      .def_readonly("description", &ImmediateConcern::description, "The concern.")
      .def_readonly("answered_on", &ImmediateConcern::answered_on, "The date it was answered, or None.")
      .def_readonly("answer", &ImmediateConcern::answer, "The agency's answer, empty while unanswered.")
      .def("__repr__", [](const ImmediateConcern& c) {
        return "<ImmediateConcern " + id_text(c.id.value()) + " for case " + id_text(c.case_id.value()) +
               " to agency " + id_text(c.agency.value()) + " raised " + iso_or_dash(c.raised_on) +
               (c.answered_on ? ", answered " + iso_or_dash(*c.answered_on) : ", unanswered") + ">";
      }, "Like <ImmediateConcern 1 for case 5 to agency 2 raised 2024-06-12, unanswered>.");
}

std::string agency_list(const std::vector<AgencyId>& ids) {
  std::string text;
  for (std::size_t i = 0; i < ids.size(); ++i) text += (i ? ", " : "") + id_text(ids[i].value());
  return text;
}

void bind_briefing(py::module_& m) {
  py::class_<Dissemination>(m, "Dissemination", "One publication of a briefing: on a date, to some agencies.")
      .def_readonly("briefing", &Dissemination::briefing, "Id of the briefing.")
      .def_readonly("on", &Dissemination::on, "The date it was sent out.")
      .def_readonly("reached", &Dissemination::reached, "Ids of the agencies it reached, as given.")
      .def_readonly("by", &Dissemination::by, "Who sent it.")
      .def_readonly("note", &Dissemination::note,
                    "How it went out, e.g. 'sent to DSL network and team meetings'.")
      .def("__repr__", [](const Dissemination& d) {
        return "<Dissemination of briefing " + id_text(d.briefing.value()) + " on " + iso_or_dash(d.on) +
               " to agenc" + (d.reached.size() == 1 ? "y " : "ies ") + agency_list(d.reached) + ">";
      }, "Like <Dissemination of briefing 1 on 2024-03-01 to agencies 1, 3>.");
  py::class_<Briefing>(m, "Briefing",
                       "The editorial text of a 7 minute briefing on an audit (what the audit's data "
                       "cannot say) and its disseminations.")
      .def_readonly("id", &Briefing::id, "The briefing's id.")
      .def_readonly("audit", &Briefing::audit, "Id of the audit it was written on.")
      .def_readonly("title", &Briefing::title,
                    "The title, e.g. '7 minute briefing: teenage relationship abuse'.")
      .def_readonly("written_on", &Briefing::written_on, "The date it was written.")
      .def_readonly("background", &Briefing::background,
                    "Background beyond the audit's own facts; may be empty.")
      .def_readonly("why_it_matters", &Briefing::why_it_matters, "Why it matters; may be empty.")
      .def_readonly("next_steps", &Briefing::next_steps, "Next steps; may be empty.")
      .def_readonly("reflection", &Briefing::reflection, "The 'Reflect on the learning' prompts, in order.")
      .def_readonly("further_information", &Briefing::further_information, "Further resources, in order.")
      .def_readonly("disseminations", &Briefing::disseminations, "Its disseminations, in date order.")
      .def("__repr__", [](const Briefing& b) {
        return "<Briefing " + id_text(b.id.value()) + " " + quoted(b.title) + " on audit " +
               id_text(b.audit.value()) + " written " + iso_or_dash(b.written_on) + ", " +
               std::to_string(b.disseminations.size()) + " disseminations>";
      }, "Like <Briefing 1 '7 minute briefing: teenage relationship abuse' on audit 4 written 2024-03-01, "
         "2 disseminations>.");
}

}  // namespace

void register_model(py::module_& m) {
  bind_actor(m);
  bind_organisation(m);
  bind_audit(m);
  bind_case(m);
  bind_findings(m);
  bind_owner(m);
  bind_history(m);
  bind_dependency(m);
  bind_action(m);
  bind_concern(m);
  bind_briefing(m);
}

}  // namespace plansight::python
