"""
plansight's compiled core: the C++ library's model, plan, as-of queries, schedule and SQLite store. Import it through the plansight package.
"""
from __future__ import annotations
import collections.abc
import datetime
import enum
import os
import typing
__all__: list[str] = ['Action', 'ActionTiming', 'Actor', 'AgeBand', 'Agency', 'AgencyRag', 'AgencyReturn', 'Assurance', 'Audit', 'AuditKind', 'AuditStage', 'BlockedAction', 'Briefing', 'Case', 'ConfiguredRule', 'ConflictError', 'CriticalPath', 'CycleError', 'CycleKind', 'DataImportError', 'Dependency', 'Dissemination', 'DueChange', 'DueDateRevision', 'DueImpact', 'Error', 'Escalation', 'Evidence', 'EvidenceKind', 'FinancialQuarter', 'Finding', 'FindingCategory', 'Grade', 'GradeCounts', 'Grading', 'Group', 'HistoryEntry', 'ImmediateConcern', 'ImportWarning', 'Involvement', 'ItemReview', 'NotFoundError', 'OutcomeKind', 'Owner', 'OwnerChange', 'Partnership', 'PartnershipSummary', 'Plan', 'Quarter', 'QuestionComparison', 'Rag', 'RagCount', 'ReauditComparison', 'Recommendation', 'ReviewChanges', 'ReviewCycle', 'ReviewMeeting', 'ReviewOutcome', 'ReviewSummary', 'ReviewableItem', 'ReviewableKind', 'Rule', 'RuleConfig', 'RuleContext', 'RuleError', 'RuleReport', 'RuleResult', 'RuleSet', 'Schedule', 'Sector', 'Severity', 'SheetImportError', 'SheetProblem', 'SlipEffect', 'SlipImpact', 'Status', 'StatusChange', 'Store', 'StoreError', 'Subject', 'Theme', 'ThemeRecurrence', 'Update', 'ValidationError', 'at_risk', 'blocked_by', 'blocks', 'builtin_rule', 'builtin_rules', 'calendar_quarter', 'check_cycle', 'compare_reaudit', 'default_action_plan_columns', 'export_action_plan', 'financial_quarter', 'grade_counts', 'is_review_date', 'next_review', 'open', 'parse_financial_quarter', 'parse_quarter', 'parse_rule_config', 'parse_timescale', 'previous_review', 'published_on', 'reached_agencies', 'read_rule_config', 'ready_to_start', 'recurring_themes', 'render_briefing', 'render_review_pack', 'review_dates', 'schedule', 'slip', 'to_dot', 'topological_order', 'what_if_due', 'withheld_text', 'workload_files']
class Error(Exception):
    """
    Root of every error plansight raises.
    """
class ValidationError(Error, ValueError):
    """
    A value breaks a rule of the model: a date out of order, an empty title, a case reference that looks like personal data, an unknown enum name. `field` names the offending field (may be empty).
    """
    field: typing.ClassVar[str] = ''
class NotFoundError(Error, LookupError):
    """
    A referenced entity does not exist (a dangling id).
    """
class CycleError(Error):
    """
    A dependency between actions would close a cycle.
    """
class ConflictError(Error):
    """
    The request clashes with the current state: a duplicate id, a status transition that makes no sense, a change to an assured action.
    """
class StoreError(Error):
    """
    The SQLite store failed or holds something this version cannot read.
    """
class DataImportError(Error):
    """
    A row of an interchange file was refused (the C++ plansight::ImportError). `file`, `line` and `field` say where.
    """
    field: typing.ClassVar[str] = ''
    file: typing.ClassVar[str] = ''
    line: typing.ClassVar[int] = 0
class SheetImportError(DataImportError):
    """
    A spreadsheet action plan was refused (the C++ plansight::SheetImportError): `problems` lists every refused cell as a SheetProblem (sheet, row, column, value, message), and the message lists them one per line. `file`, `line` and `field` are the first problem's sheet, row and column.
    """
    problems: typing.ClassVar[list[SheetProblem]] = list()
class RuleError(Error):
    """
    A policy rule failed while checking a plan. `rule` names it; the exception it raised, if any, is the __cause__.
    """
    rule: typing.ClassVar[str] = ''
class Status(enum.Enum):
    """
    Status of an action: not_started, in_progress, complete, cancelled.
    """
    cancelled = 3
    complete = 2
    in_progress = 1
    not_started = 0
    def __str__(self) -> str:
        """
        The vocabulary name, as stored and exported (e.g. 'in_progress', 'RED').
        """
class Rag(enum.Enum):
    """
    BRAG rating as of a date: red (overdue), amber (blocked or due within 30 days and not started), green, blue (complete), none (cancelled). str() gives 'RED', 'AMBER', 'GREEN', 'BLUE', 'none'.
    """
    amber = 1
    blue = 3
    green = 2
    none = 4
    red = 0
    def __str__(self) -> str:
        """
        The vocabulary name, as stored and exported (e.g. 'in_progress', 'RED').
        """
class Sector(enum.Enum):
    """
    The sector of a partner agency.
    """
    education = 3
    health = 2
    justice = 4
    local_authority = 1
    other = 6
    police = 0
    voluntary = 5
    def __str__(self) -> str:
        """
        The vocabulary name, as stored and exported (e.g. 'in_progress', 'RED').
        """
class AuditKind(enum.Enum):
    """
    The kind of a multi-agency audit or review.
    """
    learning_themes_audit = 5
    line_of_sight_event = 4
    multi_agency_case_audit = 0
    qa_audit = 6
    rapid_review = 3
    re_audit = 7
    single_agency_audit = 2
    thematic_audit = 1
    def __str__(self) -> str:
        """
        The vocabulary name, as stored and exported (e.g. 'in_progress', 'RED').
        """
class AuditStage(enum.Enum):
    """
    Lifecycle stage of an audit, from planned to closed; audits only move forward.
    """
    action_planning = 5
    agency_returns = 2
    cases_selected = 1
    closed = 7
    monitoring = 6
    panel = 3
    planned = 0
    reported = 4
    def __str__(self) -> str:
        """
        The vocabulary name, as stored and exported (e.g. 'in_progress', 'RED').
        """
class FindingCategory(enum.Enum):
    """
    What a finding is: good practice, an area for development, a worry or a learning theme.
    """
    area_for_development = 1
    good_practice = 0
    learning_theme = 3
    worry = 2
    def __str__(self) -> str:
        """
        The vocabulary name, as stored and exported (e.g. 'in_progress', 'RED').
        """
class Grade(enum.Enum):
    """
    An agency return's grading of one audit question (Ofsted-style scale).
    """
    good = 1
    inadequate = 3
    outstanding = 0
    requires_improvement = 2
    def __str__(self) -> str:
        """
        The vocabulary name, as stored and exported (e.g. 'in_progress', 'RED').
        """
class Involvement(enum.Enum):
    """
    The level of children's services involvement in a case.
    """
    child_in_need = 2
    child_protection_plan = 3
    early_help = 1
    looked_after = 4
    universal = 0
    def __str__(self) -> str:
        """
        The vocabulary name, as stored and exported (e.g. 'in_progress', 'RED').
        """
class EvidenceKind(enum.Enum):
    """
    What evidence shows: an action's completion or its impact.
    """
    completion = 0
    impact = 1
    def __str__(self) -> str:
        """
        The vocabulary name, as stored and exported (e.g. 'in_progress', 'RED').
        """
class CycleKind(enum.Enum):
    """
    How a review cycle's dates fall: calendar_quarters and financial_quarters (both on quarter ends, labelled '2024 Q3' / '2024/25 Q2'), every_n_months from a start date, or explicit_dates.
    """
    calendar_quarters = 0
    every_n_months = 2
    explicit_dates = 3
    financial_quarters = 1
    def __str__(self) -> str:
        """
        The vocabulary name, as stored and exported (e.g. 'in_progress', 'RED').
        """
class ReviewableKind(enum.Enum):
    """
    Something re-reviewed on a cycle: a record_flag on a child's record, a completed screening_tool, or other.
    """
    other = 2
    record_flag = 0
    screening_tool = 1
    def __str__(self) -> str:
        """
        The vocabulary name, as stored and exported (e.g. 'in_progress', 'RED').
        """
class OutcomeKind(enum.Enum):
    """
    What a review meeting decided for one action: continue_ (str 'continue'), complete, assure, extend, escalate, cancel.
    """
    assure = 2
    cancel = 5
    complete = 1
    continue_ = 0
    escalate = 4
    extend = 3
    def __str__(self) -> str:
        """
        The vocabulary name, as stored and exported (e.g. 'in_progress', 'RED').
        """
class Severity(enum.Enum):
    """
    How serious a policy rule's result is: info, warning, breach.
    """
    breach = 2
    info = 0
    warning = 1
    def __str__(self) -> str:
        """
        The vocabulary name, as stored and exported (e.g. 'in_progress', 'RED').
        """
class Actor:
    """
    Who makes a change: a person or role, optionally of an agency.
    """
    def __init__(self, name: str, agency: typing.SupportsIndex | None = None) -> None:
        """
        An actor named `name` (a person or role), optionally of agency id `agency`.
        """
    def __repr__(self) -> str:
        """
        Like <Actor 'LIS business manager'>.
        """
    @property
    def agency(self) -> int | None:
        """
        Id of the actor's agency, or None.
        """
    @property
    def name(self) -> str:
        """
        Name of the person or role.
        """
class Partnership:
    """
    A statutory safeguarding partnership or board.
    """
    def __repr__(self) -> str:
        """
        Like <Partnership 1 'North Yorkshire SCP'>.
        """
    @property
    def id(self) -> int:
        """
        The partnership's id.
        """
    @property
    def name(self) -> str:
        """
        The partnership's name.
        """
class Agency:
    """
    A partner organisation (police, children's social care, a health trust ...).
    """
    def __repr__(self) -> str:
        """
        Like <Agency 1 'Police' police>.
        """
    @property
    def id(self) -> int:
        """
        The agency's id.
        """
    @property
    def name(self) -> str:
        """
        The agency's name.
        """
    @property
    def sector(self) -> Sector:
        """
        The agency's sector.
        """
class Group:
    """
    A partnership subgroup that owns monitoring: the LIS, the SPLIG, the board.
    """
    def __repr__(self) -> str:
        """
        Like <Group 2 'LIS' of partnership 1>.
        """
    @property
    def id(self) -> int:
        """
        The group's id.
        """
    @property
    def name(self) -> str:
        """
        The group's name.
        """
    @property
    def partnership(self) -> int:
        """
        Id of the partnership the group belongs to.
        """
class Theme:
    """
    A learning theme from the controlled vocabulary ('voice of the child' ...).
    """
    def __repr__(self) -> str:
        """
        Like <Theme 3 'voice of the child'>.
        """
    @property
    def id(self) -> int:
        """
        The theme's id.
        """
    @property
    def name(self) -> str:
        """
        The theme's name, unique in a plan.
        """
class Audit:
    """
    A multi-agency audit: its kind, themes, date, scope, participating agencies, lifecycle stage and the audit it re-audits.
    """
    def __repr__(self) -> str:
        """
        Like <Audit 4 'Domestic abuse MACFA' multi_agency_case_audit held 2024-06-12, planned>.
        """
    @property
    def agencies(self) -> list[int]:
        """
        Ids of the participating agencies.
        """
    @property
    def held_on(self) -> datetime.date:
        """
        The date the audit was held.
        """
    @property
    def id(self) -> int:
        """
        The audit's id.
        """
    @property
    def kind(self) -> AuditKind:
        """
        The kind of audit.
        """
    @property
    def partnership(self) -> int:
        """
        Id of the partnership that ran the audit.
        """
    @property
    def reaudit_of(self) -> int | None:
        """
        Id of the audit this one re-audits, or None.
        """
    @property
    def scope(self) -> str:
        """
        Scope criteria of the audit (free text).
        """
    @property
    def stage(self) -> AuditStage:
        """
        The audit's lifecycle stage.
        """
    @property
    def themes(self) -> list[int]:
        """
        Ids of the audit's learning themes.
        """
    @property
    def title(self) -> str:
        """
        The audit's title.
        """
class AgeBand:
    """
    An inclusive age range in whole years, e.g. 9 to 17.
    """
    def __repr__(self) -> str:
        """
        Like <AgeBand 9-17>.
        """
    @property
    def from_(self) -> int:
        """
        Youngest age in the band, in years.
        """
    @property
    def to(self) -> int:
        """
        Oldest age in the band, in years.
        """
class Case:
    """
    A pseudonymised child's case in an audit: a reference, never a name.
    """
    def __repr__(self) -> str:
        """
        Like <Case 5 'C-17' in audit 4>.
        """
    @property
    def age_band(self) -> AgeBand:
        """
        The child's age band.
        """
    @property
    def audit(self) -> int:
        """
        Id of the audit the case belongs to.
        """
    @property
    def discussed_at_panel(self) -> bool:
        """
        Whether the panel discussed the case.
        """
    @property
    def id(self) -> int:
        """
        The case's id.
        """
    @property
    def involvement(self) -> Involvement:
        """
        Level of children's services involvement.
        """
    @property
    def needs(self) -> list[str]:
        """
        Needs and experiences (tags).
        """
    @property
    def reference(self) -> str:
        """
        The pseudonymised case reference.
        """
class Grading:
    """
    The grade an agency return gives one audit question.
    """
    def __repr__(self) -> str:
        """
        Like <Grading 'voice of the child evident' good>.
        """
    @property
    def grade(self) -> Grade:
        """
        The grade given.
        """
    @property
    def question(self) -> str:
        """
        The audit question, e.g. 'voice of the child evident'.
        """
class AgencyReturn:
    """
    One agency's single-agency audit of one case.
    """
    def __repr__(self) -> str:
        """
        Like <AgencyReturn 2 for case 5 by agency 1, 3 gradings>.
        """
    @property
    def agency(self) -> int:
        """
        Id of the agency that made the return.
        """
    @property
    def case(self) -> int:
        """
        Id of the case audited.
        """
    @property
    def gradings(self) -> list[Grading]:
        """
        The grading of each audit question.
        """
    @property
    def id(self) -> int:
        """
        The return's id.
        """
class Finding:
    """
    Good practice, an area for development, a worry or a learning theme.
    """
    def __repr__(self) -> str:
        """
        Like <Finding 8 area_for_development 'Voice of the child not recorded'>.
        """
    @property
    def agencies(self) -> list[int]:
        """
        Ids of the agencies it concerns.
        """
    @property
    def audit(self) -> int:
        """
        Id of the audit that found it.
        """
    @property
    def cases(self) -> list[int]:
        """
        Ids of the cases it concerns.
        """
    @property
    def category(self) -> FindingCategory:
        """
        What kind of finding it is.
        """
    @property
    def id(self) -> int:
        """
        The finding's id.
        """
    @property
    def text(self) -> str:
        """
        The finding.
        """
    @property
    def themes(self) -> list[int]:
        """
        Ids of its learning themes.
        """
class Recommendation:
    """
    What the panel asks for; answered by one or more actions.
    """
    def __repr__(self) -> str:
        """
        Like <Recommendation 3 'Refresh risk assessment training'>.
        """
    @property
    def audit(self) -> int:
        """
        Id of the audit that made it.
        """
    @property
    def findings(self) -> list[int]:
        """
        Ids of the findings it answers.
        """
    @property
    def id(self) -> int:
        """
        The recommendation's id.
        """
    @property
    def text(self) -> str:
        """
        The recommendation.
        """
class Owner:
    """
    Who answers for an action: an agency (with an optional role and named lead) or a group; exactly one of agency and group is set.
    """
    def __repr__(self) -> str:
        """
        Like <Owner agency 2 'Team Manager'>.
        """
    @property
    def agency(self) -> int | None:
        """
        Id of the owning agency, or None.
        """
    @property
    def group(self) -> int | None:
        """
        Id of the owning group, or None.
        """
    @property
    def lead(self) -> str:
        """
        The named lead, possibly empty.
        """
    @property
    def role(self) -> str:
        """
        The owner's role, possibly empty.
        """
class Update:
    """
    A dated, attributed progress entry of an action.
    """
    def __repr__(self) -> str:
        """
        Like <Update of action 12 on 2024-09-30 in_progress>.
        """
    @property
    def action(self) -> int:
        """
        Id of the action.
        """
    @property
    def by(self) -> str:
        """
        Who reported it.
        """
    @property
    def completed_on(self) -> datetime.date | None:
        """
        Completion date of a complete update (defaults to its date), else None.
        """
    @property
    def note(self) -> str:
        """
        Progress note.
        """
    @property
    def on(self) -> datetime.date:
        """
        Date of the update.
        """
    @property
    def reported_rag(self) -> Rag | None:
        """
        RAG as the owner reported it, or None.
        """
    @property
    def status(self) -> Status:
        """
        Status from this date on.
        """
class Evidence:
    """
    What shows an action done (completion) or its effect (impact).
    """
    def __repr__(self) -> str:
        """
        Like <Evidence 4 impact for action 12 on 2025-01-10>.
        """
    @property
    def action(self) -> int:
        """
        Id of the action.
        """
    @property
    def by(self) -> str:
        """
        Who recorded it.
        """
    @property
    def description(self) -> str:
        """
        What the evidence is.
        """
    @property
    def id(self) -> int:
        """
        The evidence's id.
        """
    @property
    def kind(self) -> EvidenceKind:
        """
        Completion or impact.
        """
    @property
    def on(self) -> datetime.date:
        """
        Date of the evidence.
        """
class DueDateRevision:
    """
    A change of an action's due date, with its reason and who agreed it.
    """
    def __repr__(self) -> str:
        """
        Like <DueDateRevision of action 12 on 2024-09-30: due 2025-06-30>.
        """
    @property
    def action(self) -> int:
        """
        Id of the action.
        """
    @property
    def agreed_by(self) -> str:
        """
        Who agreed the new date.
        """
    @property
    def new_due(self) -> datetime.date:
        """
        The due date from this date on.
        """
    @property
    def on(self) -> datetime.date:
        """
        Date of the revision.
        """
    @property
    def reason(self) -> str:
        """
        Why the due date moved.
        """
class OwnerChange:
    """
    A change of an action's owner, with its reason.
    """
    def __repr__(self) -> str:
        """
        Like <OwnerChange of action 12 on 2024-09-30 to agency 3>.
        """
    @property
    def action(self) -> int:
        """
        Id of the action.
        """
    @property
    def new_owner(self) -> Owner:
        """
        The owner from this date on.
        """
    @property
    def on(self) -> datetime.date:
        """
        Date of the change.
        """
    @property
    def reason(self) -> str:
        """
        Why the owner changed.
        """
class Assurance:
    """
    A group's sign-off of evidence of impact: the action is assured.
    """
    def __repr__(self) -> str:
        """
        Like <Assurance of action 12 on 2025-03-31 by group 2>.
        """
    @property
    def action(self) -> int:
        """
        Id of the action.
        """
    @property
    def by(self) -> str:
        """
        Who recorded the sign-off.
        """
    @property
    def group(self) -> int:
        """
        Id of the group that signed off.
        """
    @property
    def note(self) -> str:
        """
        The group's note.
        """
    @property
    def on(self) -> datetime.date:
        """
        Date of the sign-off.
        """
class Dependency:
    """
    A finish-to-start dependency: `action` starts no earlier than `lag_days` after `depends_on` finishes.
    """
    def __eq__(self, other: typing.Any) -> bool:
        """
        Whether `other` is a Dependency of the same action, prerequisite and lag.
        """
    def __hash__(self) -> int:
        """
        Hash of (action, depends_on, lag_days).
        """
    def __repr__(self) -> str:
        """
        Like <Dependency 12 on 7 + 14 days>.
        """
    @property
    def action(self) -> int:
        """
        Id of the action that waits.
        """
    @property
    def depends_on(self) -> int:
        """
        Id of the action it waits for.
        """
    @property
    def lag_days(self) -> int:
        """
        Days between the one's finish and the other's start.
        """
class Action:
    """
    An action of a partnership's plan, with its owner, dates, dependencies and whole history. owner and due_on are as first agreed: use Plan.owner_at and Plan.due_on_at for the values in force on a date.
    """
    def __repr__(self) -> str:
        """
        Like <Action 12 'Deliver training' due 2025-03-31>.
        """
    @property
    def assurance(self) -> Assurance | None:
        """
        The group's sign-off, or None.
        """
    @property
    def audit(self) -> int:
        """
        Id of the audit the action comes from.
        """
    @property
    def created_on(self) -> datetime.date:
        """
        The date the action was created.
        """
    @property
    def depends_on(self) -> list[Dependency]:
        """
        The dependencies of this action, in the order added.
        """
    @property
    def description(self) -> str:
        """
        What is to be done.
        """
    @property
    def due_on(self) -> datetime.date:
        """
        The due date as first agreed.
        """
    @property
    def due_revisions(self) -> list[DueDateRevision]:
        """
        Due-date revisions, in date order.
        """
    @property
    def estimate_days(self) -> int:
        """
        Estimated duration in calendar days.
        """
    @property
    def evidence(self) -> list[Evidence]:
        """
        Evidence of completion and impact, in date order.
        """
    @property
    def finding(self) -> int | None:
        """
        Id of the finding it answers, or None.
        """
    @property
    def id(self) -> int:
        """
        The action's id.
        """
    @property
    def owner(self) -> Owner:
        """
        The owner as first assigned.
        """
    @property
    def owner_changes(self) -> list[OwnerChange]:
        """
        Owner changes, in date order.
        """
    @property
    def partnership(self) -> int:
        """
        Id of the partnership.
        """
    @property
    def recommendation(self) -> int | None:
        """
        Id of the recommendation it answers, or None.
        """
    @property
    def success_measure(self) -> str:
        """
        How success will be measured.
        """
    @property
    def title(self) -> str:
        """
        The action's title.
        """
    @property
    def updates(self) -> list[Update]:
        """
        Progress updates, in date order.
        """
class ImmediateConcern:
    """
    A worry about a child raised during an audit: it goes straight back to the agency, outside the action plan, and is tracked to an answer.
    """
    def __repr__(self) -> str:
        """
        Like <ImmediateConcern 1 for case 5 to agency 2 raised 2024-06-12, unanswered>.
        """
    @property
    def agency(self) -> int:
        """
        Id of the agency it went back to.
        """
    @property
    def answer(self) -> str:
        """
        The agency's answer, empty while unanswered.
        """
    @property
    def answered_on(self) -> datetime.date | None:
        """
        The date it was answered, or None.
        """
    @property
    def audit(self) -> int:
        """
        Id of the audit that raised it.
        """
    @property
    def case(self) -> int:
        """
        Id of the case it concerns.
        """
    @property
    def description(self) -> str:
        """
        The concern.
        """
    @property
    def id(self) -> int:
        """
        The concern's id.
        """
    @property
    def raised_on(self) -> datetime.date:
        """
        The date it was raised.
        """
class Dissemination:
    """
    One publication of a briefing: on a date, to some agencies.
    """
    def __repr__(self) -> str:
        """
        Like <Dissemination of briefing 1 on 2024-03-01 to agencies 1, 3>.
        """
    @property
    def briefing(self) -> int:
        """
        Id of the briefing.
        """
    @property
    def by(self) -> str:
        """
        Who sent it.
        """
    @property
    def note(self) -> str:
        """
        How it went out, e.g. 'sent to DSL network and team meetings'.
        """
    @property
    def on(self) -> datetime.date:
        """
        The date it was sent out.
        """
    @property
    def reached(self) -> list[int]:
        """
        Ids of the agencies it reached, as given.
        """
class Briefing:
    """
    The editorial text of a 7 minute briefing on an audit (what the audit's data cannot say) and its disseminations.
    """
    def __repr__(self) -> str:
        """
        Like <Briefing 1 '7 minute briefing: teenage relationship abuse' on audit 4 written 2024-03-01, 2 disseminations>.
        """
    @property
    def audit(self) -> int:
        """
        Id of the audit it was written on.
        """
    @property
    def background(self) -> str:
        """
        Background beyond the audit's own facts; may be empty.
        """
    @property
    def disseminations(self) -> list[Dissemination]:
        """
        Its disseminations, in date order.
        """
    @property
    def further_information(self) -> list[str]:
        """
        Further resources, in order.
        """
    @property
    def id(self) -> int:
        """
        The briefing's id.
        """
    @property
    def next_steps(self) -> str:
        """
        Next steps; may be empty.
        """
    @property
    def reflection(self) -> list[str]:
        """
        The 'Reflect on the learning' prompts, in order.
        """
    @property
    def title(self) -> str:
        """
        The title, e.g. '7 minute briefing: teenage relationship abuse'.
        """
    @property
    def why_it_matters(self) -> str:
        """
        Why it matters; may be empty.
        """
    @property
    def written_on(self) -> datetime.date:
        """
        The date it was written.
        """
class RagCount:
    """
    How many actions of a partnership and owner agency had a RAG on a date.
    """
    def __repr__(self) -> str:
        """
        Like <RagCount partnership 1 agency 3 RED: 7>.
        """
    @property
    def agency(self) -> int | None:
        """
        Id of the owner agency, or None for group-owned actions.
        """
    @property
    def count(self) -> int:
        """
        The number of actions.
        """
    @property
    def partnership(self) -> int:
        """
        Id of the partnership.
        """
    @property
    def rag(self) -> Rag:
        """
        The RAG counted.
        """
class AgencyRag:
    """
    RAG counts of one owner agency (or of group-owned actions).
    """
    def __repr__(self) -> str:
        """
        Like <AgencyRag agency 3 RED 1 AMBER 2 GREEN 4 BLUE 9 none 0>.
        """
    @property
    def agency(self) -> int | None:
        """
        Id of the owner agency, or None for group-owned actions.
        """
    @property
    def rag(self) -> dict[Rag, int]:
        """
        Number of actions per RAG, keyed by Rag.
        """
class PartnershipSummary:
    """
    Headline figures of one partnership's plan at a review date.
    """
    def __repr__(self) -> str:
        """
        Like <PartnershipSummary partnership 1: 1000 actions, 400 open, 150 overdue, 100 blocked>.
        """
    @property
    def actions(self) -> int:
        """
        Actions existing at the review date.
        """
    @property
    def assured(self) -> int:
        """
        Actions signed off by a group.
        """
    @property
    def blocked(self) -> int:
        """
        Open actions waiting for an open action.
        """
    @property
    def blocked_actions(self) -> list[int]:
        """
        Ids of the blocked actions, ascending.
        """
    @property
    def by_agency(self) -> list[AgencyRag]:
        """
        RAG counts per owner agency, by agency id, group-owned first.
        """
    @property
    def cancelled(self) -> int:
        """
        Cancelled actions.
        """
    @property
    def complete(self) -> int:
        """
        Complete actions, assured or not.
        """
    @property
    def open(self) -> int:
        """
        Actions not started or in progress.
        """
    @property
    def overdue(self) -> int:
        """
        Open actions past their due date.
        """
    @property
    def overdue_actions(self) -> list[int]:
        """
        Ids of the overdue actions, ascending.
        """
    @property
    def partnership(self) -> int:
        """
        Id of the partnership.
        """
    @property
    def rag(self) -> dict[Rag, int]:
        """
        Number of actions per RAG, keyed by Rag.
        """
class ReviewSummary:
    """
    The quarterly review summary of every partnership's plan at a date.
    """
    def __repr__(self) -> str:
        """
        Like <ReviewSummary as of 2025-03-31: 10 partnerships>.
        """
    @property
    def as_of(self) -> datetime.date:
        """
        The review date.
        """
    @property
    def partnerships(self) -> list[PartnershipSummary]:
        """
        One summary per partnership, by id.
        """
class Plan:
    """
    Everything a store holds, in memory, with the invariants between entities enforced: read it here, change it through a Store. The plan of a Store is live (it follows the store's changes); copy() gives a snapshot. Not safe to read while another thread changes the store.
    """
    def __repr__(self) -> str:
        """
        Like <Plan: 10 partnerships, 800 audits, 10000 actions>.
        """
    def action(self, id: typing.SupportsIndex) -> Action:
        """
        The action with this id; raises NotFoundError when there is none.
        """
    def action_columns(self, as_of: datetime.date, *, partnership: typing.SupportsIndex | None = None, audit: typing.SupportsIndex | None = None, forecast: bool = True) -> dict[str, typing.Any]:
        """
        The actions existing at as_of (of one partnership or audit when given; NotFoundError for an unknown one) as columns, built in one pass in C++: a dict of numpy arrays of equal length. Ids (int64, -1 where none): id, partnership, audit, finding, recommendation, owner_agency and owner_group (the owner at as_of). Texts and enums are int32/int8 codes into the list under name + '_categories' (-1: missing), as pandas.Categorical.from_codes takes them: audit_title, title, owner (the agency's or group's name), owner_agency_name, owner_role, owner_lead, status, rag. Dates (datetime64[D], NaT where none): created_on, first_due_on (as first agreed), due_on (in force at as_of), forecast_finish (the schedule's earliest finish forecast from as_of), completed_on. revisions (int32, due-date revisions made by as_of), estimate_days (int32); open, overdue, blocked, at_risk (forecast finish after the due date, see at_risk) and assured (bool). Texts never given (owner_role, owner_lead) are missing (-1). forecast=False leaves out forecast_finish and at_risk, which need the whole plan scheduled.
        """
    def actions(self) -> list[Action]:
        """
        Every action, in the order added. For many actions prefer action_columns(), which builds one numpy array per field instead of one Python object per action.
        """
    def agencies(self) -> list[Agency]:
        """
        Every agency, in the order added.
        """
    def agency(self, id: typing.SupportsIndex) -> Agency:
        """
        The agency with this id; raises NotFoundError when there is none.
        """
    def agency_returns(self) -> list[AgencyReturn]:
        """
        Every agency return, in the order added.
        """
    def audit(self, id: typing.SupportsIndex) -> Audit:
        """
        The audit with this id; raises NotFoundError when there is none.
        """
    def audits(self) -> list[Audit]:
        """
        Every audit, in the order added.
        """
    def blocked_actions(self, as_of: datetime.date) -> list[int]:
        """
        Ids of the actions existing at as_of that are blocked then, ascending.
        """
    def blockers(self, action: typing.SupportsIndex, *, as_of: datetime.date) -> list[int]:
        """
        Ids of the open actions this open action waits for at as_of.
        """
    def briefing(self, id: typing.SupportsIndex) -> Briefing:
        """
        The briefing with this id; raises NotFoundError when there is none.
        """
    def briefings(self) -> list[Briefing]:
        """
        Every briefing, in the order added.
        """
    def briefings_of(self, audit: typing.SupportsIndex) -> list[Briefing]:
        """
        The briefings written on an audit, in the order added; raises NotFoundError for an unknown audit.
        """
    def case(self, id: typing.SupportsIndex) -> Case:
        """
        The case with this id; raises NotFoundError when there is none.
        """
    def cases(self) -> list[Case]:
        """
        Every case, in the order added.
        """
    def changes(self, *, since: datetime.date, until: datetime.date, partnership: typing.SupportsIndex | None = None) -> ReviewChanges:
        """
        What moved in (since, until]: new actions, status changes, completions, assurances, extensions, escalations, newly overdue, blocked and at risk. ValidationError unless since < until.
        """
    def completed_on_at(self, action: typing.SupportsIndex, *, as_of: datetime.date) -> datetime.date | None:
        """
        The completion date if the action is complete at as_of, else None.
        """
    def concern(self, id: typing.SupportsIndex) -> ImmediateConcern:
        """
        The immediate concern with this id; raises NotFoundError when there is none.
        """
    def concerns(self) -> list[ImmediateConcern]:
        """
        Every immediate concern, in the order added.
        """
    def copy(self) -> Plan:
        """
        An independent copy of the plan as it is now.
        """
    def cycle_for(self, action: typing.SupportsIndex) -> ReviewCycle | None:
        """
        The cycle governing the action: its audit's, else its partnership's; None when none.
        """
    def dependencies(self) -> list[Dependency]:
        """
        Every dependency in force (added and not removed), in the order added.
        """
    def due_on_at(self, action: typing.SupportsIndex, *, as_of: datetime.date) -> datetime.date:
        """
        The due date in force at as_of (the latest revision made by then).
        """
    def escalations(self, *, since: datetime.date, until: datetime.date, partnership: typing.SupportsIndex | None = None) -> list[Escalation]:
        """
        Escalations of meetings held in (since, until], in meeting then outcome order.
        """
    def find_action(self, id: typing.SupportsIndex) -> Action | None:
        """
        The action with this id, or None.
        """
    def find_agency(self, name: str) -> Agency | None:
        """
        The first agency with this name, or None.
        """
    def find_partnership(self, name: str) -> Partnership | None:
        """
        The first partnership with this name, or None.
        """
    def find_theme(self, name: str) -> Theme | None:
        """
        The theme with this name, or None.
        """
    def finding(self, id: typing.SupportsIndex) -> Finding:
        """
        The finding with this id; raises NotFoundError when there is none.
        """
    def finding_columns(self) -> dict[str, typing.Any]:
        """
        Every finding as columns: id, audit, partnership (int64), audit_title, held_on (the audit's date), category, text, themes (the theme names, each once, joined by '; '; -1 for none), cases and agencies (how many it concerns).
        """
    def findings(self) -> list[Finding]:
        """
        Every finding, in the order added.
        """
    def grading_columns(self, *, audit: typing.SupportsIndex | None = None) -> dict[str, typing.Any]:
        """
        Every grading of the agency returns (of one audit's cases, when given; NotFoundError for an unknown audit) as columns: audit, case, agency (int64), case_reference, agency_name, question, grade (codes into the grades, outstanding first).
        """
    def group(self, id: typing.SupportsIndex) -> Group:
        """
        The group with this id; raises NotFoundError when there is none.
        """
    def groups(self) -> list[Group]:
        """
        Every group, in the order added.
        """
    def is_assured_at(self, action: typing.SupportsIndex, *, as_of: datetime.date) -> bool:
        """
        Whether a group had signed the action off by as_of.
        """
    def is_blocked(self, action: typing.SupportsIndex, *, as_of: datetime.date) -> bool:
        """
        Whether the action is open at as_of and waits for an action that is open then.
        """
    def is_open_at(self, action: typing.SupportsIndex, *, as_of: datetime.date) -> bool:
        """
        Whether the action is not_started or in_progress at as_of.
        """
    def is_overdue(self, action: typing.SupportsIndex, *, as_of: datetime.date) -> bool:
        """
        Whether the action is open at as_of and its due date in force then is before as_of.
        """
    def is_review_overdue(self, item: typing.SupportsIndex, *, as_of: datetime.date) -> bool:
        """
        Placed by as_of, not retired then, and its review was due before as_of.
        """
    def missed_reviews(self, action: typing.SupportsIndex, *, as_of: datetime.date) -> list[datetime.date]:
        """
        Review dates up to as_of the action was open at with no update since the previous review.
        """
    def next_review(self, after: datetime.date, partnership: typing.SupportsIndex | None = None) -> datetime.date | None:
        """
        The first review date strictly after `after` of the partnership's whole-plan cycle (the plan's only one when no partnership is named), or None.
        """
    def overdue_actions(self, as_of: datetime.date) -> list[int]:
        """
        Ids of the actions existing at as_of that are overdue then, ascending.
        """
    def overdue_reviews(self, *, as_of: datetime.date) -> list[int]:
        """
        Ids of the items whose review is overdue at as_of, ascending.
        """
    def owner_at(self, action: typing.SupportsIndex, *, as_of: datetime.date) -> Owner:
        """
        The owner at as_of (the latest owner change made by then).
        """
    def partnership(self, id: typing.SupportsIndex) -> Partnership:
        """
        The partnership with this id; raises NotFoundError when there is none.
        """
    def partnerships(self) -> list[Partnership]:
        """
        Every partnership, in the order added.
        """
    def plan_cycle(self, partnership: typing.SupportsIndex) -> ReviewCycle | None:
        """
        The partnership's whole-plan review cycle, or None.
        """
    def previous_review(self, before: datetime.date, partnership: typing.SupportsIndex | None = None) -> datetime.date | None:
        """
        The last review date strictly before `before` of the partnership's whole-plan cycle (the plan's only one when no partnership is named), or None.
        """
    def rag_at(self, action: typing.SupportsIndex, *, as_of: datetime.date) -> Rag:
        """
        RAG at as_of: none if cancelled, BLUE if complete, RED if overdue, AMBER if blocked or not started and due within 30 days, else GREEN.
        """
    def rag_counts(self, as_of: datetime.date) -> list[RagCount]:
        """
        Non-zero counts of the actions existing at as_of by (partnership, owner agency at as_of, RAG at as_of), ordered by partnership, agency (group-owned first), RAG.
        """
    def recommendation(self, id: typing.SupportsIndex) -> Recommendation:
        """
        The recommendation with this id; raises NotFoundError when there is none.
        """
    def recommendations(self) -> list[Recommendation]:
        """
        Every recommendation, in the order added.
        """
    def review(self, id: typing.SupportsIndex) -> ReviewMeeting:
        """
        The review meeting `id`; NotFoundError when none.
        """
    def review_cycle(self, id: typing.SupportsIndex) -> ReviewCycle:
        """
        The review cycle `id`; NotFoundError when none.
        """
    def review_cycles(self) -> list[ReviewCycle]:
        """
        Every review cycle, in the order added.
        """
    def review_due_on(self, item: typing.SupportsIndex, *, as_of: datetime.date) -> datetime.date:
        """
        When the item's next review is due, as of as_of.
        """
    def review_outcome_columns(self) -> dict[str, typing.Any]:
        """
        One row per outcome of every review meeting, in the order recorded: review, group, action, escalated_to (int64, -1 where none), group_name, held_on, new_due (NaT unless extended), outcome, reason, note (text codes, -1 where empty).
        """
    def review_summary(self, as_of: datetime.date) -> ReviewSummary:
        """
        The quarterly review summary at as_of: per partnership, headline counts, RAG by agency, and the overdue and blocked actions to discuss.
        """
    def reviewable_item(self, id: typing.SupportsIndex) -> ReviewableItem:
        """
        The reviewable item `id`; NotFoundError when none.
        """
    def reviewable_items(self) -> list[ReviewableItem]:
        """
        Every reviewable item, in the order added.
        """
    def reviews(self) -> list[ReviewMeeting]:
        """
        Every review meeting, in the order recorded.
        """
    def status_at(self, action: typing.SupportsIndex, *, as_of: datetime.date) -> Status:
        """
        Status of the latest update dated on or before as_of; not_started where there is none.
        """
    def theme(self, id: typing.SupportsIndex) -> Theme:
        """
        The theme with this id; raises NotFoundError when there is none.
        """
    def theme_occurrence_columns(self) -> dict[str, typing.Any]:
        """
        One row per theme per audit it occurs in (the audit or one of its findings is tagged with it), by theme then audit date: theme, audit, partnership, findings (int64), theme_name, audit_title, year (int32), audit_theme (bool).
        """
    def themes(self) -> list[Theme]:
        """
        Every theme, in the order added.
        """
    def update_columns(self, *, as_of: datetime.date | None = None) -> dict[str, typing.Any]:
        """
        Every update (only those dated on or before as_of, when given), by action in the plan's order, as columns: action, partnership, audit (int64), on, completed_on (datetime64[D], NaT unless complete), status, reported_rag (codes; -1: none reported), note, by (text codes, -1 where empty); categories under name + '_categories'.
        """
class BlockedAction:
    """
    A blocked action and the open actions it waits for.
    """
    def __repr__(self) -> str:
        """
        Like <BlockedAction 12 waiting for 7, 9>.
        """
    @property
    def action(self) -> int:
        """
        Id of the blocked action.
        """
    @property
    def blockers(self) -> list[int]:
        """
        Ids of its prerequisites open at the date, in the order the dependencies were added.
        """
class ReviewCycle:
    """
    A schedule of review dates, attached to a partnership's whole plan, one audit's plan or one reviewable item; the most specific one governs.
    """
    def __repr__(self) -> str:
        """
        Like <ReviewCycle 1 'LIS quarterly review' calendar_quarters from 2024-03-31 for partnership 1>.
        """
    @property
    def audit(self) -> int | None:
        """
        Id of the audit whose plan it governs, or None.
        """
    @property
    def dates(self) -> list[datetime.date]:
        """
        explicit_dates: the review dates, ascending.
        """
    @property
    def group(self) -> int | None:
        """
        Id of the group that reviews, or None.
        """
    @property
    def id(self) -> int:
        """
        The cycle's id.
        """
    @property
    def item(self) -> int | None:
        """
        Id of the reviewable item it governs, or None.
        """
    @property
    def kind(self) -> CycleKind:
        """
        How its dates fall.
        """
    @property
    def months(self) -> int:
        """
        every_n_months: months between reviews.
        """
    @property
    def name(self) -> str:
        """
        The cycle's name, e.g. 'LIS quarterly review'.
        """
    @property
    def partnership(self) -> int:
        """
        Id of the partnership it belongs to.
        """
    @property
    def start(self) -> datetime.date | None:
        """
        The first review date (quarterly: quarter ends on or after it); None for explicit dates.
        """
class ItemReview:
    """
    A dated re-review of a reviewable item: kept or retired.
    """
    def __repr__(self) -> str:
        """
        Like <ItemReview of item 3 on 2024-09-30>.
        """
    @property
    def by(self) -> str:
        """
        Who reviewed it.
        """
    @property
    def item(self) -> int:
        """
        Id of the item reviewed.
        """
    @property
    def note(self) -> str:
        """
        What the review found.
        """
    @property
    def on(self) -> datetime.date:
        """
        The date of the review.
        """
    @property
    def retired(self) -> bool:
        """
        True when the item was retired (e.g. a flag removed).
        """
class ReviewableItem:
    """
    Something other than an action re-reviewed every N months: a flag on a child's record, a completed screening tool.
    """
    def __repr__(self) -> str:
        """
        Like <ReviewableItem 3 record_flag 'Risk to staff' placed 2024-01-10, every 6 months>.
        """
    @property
    def agency(self) -> int | None:
        """
        Id of the agency whose record or tool it is, or None.
        """
    @property
    def audit(self) -> int | None:
        """
        Id of the audit that raised it, or None.
        """
    @property
    def case(self) -> int | None:
        """
        Id of the case it concerns, or None.
        """
    @property
    def description(self) -> str:
        """
        What it is, never a child's name.
        """
    @property
    def id(self) -> int:
        """
        The item's id.
        """
    @property
    def kind(self) -> ReviewableKind:
        """
        What it is.
        """
    @property
    def partnership(self) -> int:
        """
        Id of its partnership.
        """
    @property
    def placed_on(self) -> datetime.date:
        """
        When it was placed.
        """
    @property
    def review_every_months(self) -> int:
        """
        Months between reviews (unless a cycle is attached to it).
        """
    @property
    def reviews(self) -> list[ItemReview]:
        """
        Its reviews, in date order.
        """
class ReviewOutcome:
    """
    What a review meeting decided for one action. extend needs new_due and a reason; escalate needs escalated_to and a reason; cancel needs a reason.
    """
    def __init__(self, action: typing.SupportsIndex, kind: OutcomeKind | str, *, note: str = '', new_due: datetime.date | None = None, reason: str = '', escalated_to: typing.SupportsIndex | None = None) -> None:
        """
        The outcome `kind` for action id `action`; checked when the meeting is recorded.
        """
    def __repr__(self) -> str:
        """
        Like <ReviewOutcome extend action 7 to 2025-06-30: 'Venue unavailable'>.
        """
    @property
    def action(self) -> int:
        """
        Id of the action.
        """
    @property
    def escalated_to(self) -> int | None:
        """
        escalate: id of the group escalated to.
        """
    @property
    def kind(self) -> OutcomeKind:
        """
        The decision.
        """
    @property
    def new_due(self) -> datetime.date | None:
        """
        extend: the new due date.
        """
    @property
    def note(self) -> str:
        """
        What was said.
        """
    @property
    def reason(self) -> str:
        """
        extend, escalate, cancel: why.
        """
class ReviewMeeting:
    """
    A review meeting held by a group with the agencies attending and a per-action outcome.
    """
    def __repr__(self) -> str:
        """
        Like <ReviewMeeting 2 of group 1 on 2024-09-30, 12 outcomes>.
        """
    @property
    def attending(self) -> list[int]:
        """
        Ids of the agencies attending.
        """
    @property
    def group(self) -> int:
        """
        Id of the group that held it.
        """
    @property
    def held_on(self) -> datetime.date:
        """
        When it was held.
        """
    @property
    def id(self) -> int:
        """
        The meeting's id.
        """
    @property
    def note(self) -> str:
        """
        Minutes or a note.
        """
    @property
    def outcomes(self) -> list[ReviewOutcome]:
        """
        One outcome per action reviewed.
        """
class Quarter:
    """
    A calendar quarter: number 1 is January to March.
    """
    def __repr__(self) -> str:
        """
        Like <Quarter 2024 Q3>.
        """
    def __str__(self) -> str:
        """
        Like '2024 Q3'.
        """
    @property
    def first(self) -> datetime.date:
        """
        Its first day.
        """
    @property
    def last(self) -> datetime.date:
        """
        Its last day (the review date of a quarterly cycle).
        """
    @property
    def number(self) -> int:
        """
        1 to 4.
        """
    @property
    def year(self) -> int:
        """
        The year.
        """
class FinancialQuarter:
    """
    A UK financial-year quarter: the year runs April to March and is named by the year it starts in; number 1 is April to June.
    """
    def __repr__(self) -> str:
        """
        Like <FinancialQuarter 2024/25 Q2>.
        """
    def __str__(self) -> str:
        """
        Like '2024/25 Q2'.
        """
    @property
    def first(self) -> datetime.date:
        """
        Its first day.
        """
    @property
    def last(self) -> datetime.date:
        """
        Its last day.
        """
    @property
    def number(self) -> int:
        """
        1 to 4.
        """
    @property
    def start_year(self) -> int:
        """
        The year the financial year starts in.
        """
class StatusChange:
    """
    An action whose status differs between two dates.
    """
    def __repr__(self) -> str:
        """
        Like <StatusChange action 7 not_started -> in_progress>.
        """
    @property
    def action(self) -> int:
        """
        Id of the action.
        """
    @property
    def from_(self) -> Status:
        """
        Status at the earlier date (not_started when created since).
        """
    @property
    def to(self) -> Status:
        """
        Status at the later date.
        """
class Escalation:
    """
    An escalate outcome of a review meeting.
    """
    def __repr__(self) -> str:
        """
        Like <Escalation of action 7 on 2024-09-30 to group 3: 'extended three times'>.
        """
    @property
    def action(self) -> int:
        """
        Id of the action escalated.
        """
    @property
    def from_(self) -> int:
        """
        Id of the group that escalated it.
        """
    @property
    def on(self) -> datetime.date:
        """
        When the meeting was held.
        """
    @property
    def reason(self) -> str:
        """
        Why.
        """
    @property
    def review(self) -> int:
        """
        Id of the meeting.
        """
    @property
    def to(self) -> int:
        """
        Id of the group it was escalated to.
        """
class ReviewChanges:
    """
    What moved between two reviews, for the period (since, until]: every list ascending by action id.
    """
    def __repr__(self) -> str:
        """
        Like <ReviewChanges 2024-06-30 to 2024-09-30: 3 new, 5 completed, 2 newly overdue, 1 escalated>.
        """
    @property
    def assured(self) -> list[int]:
        """
        Ids assured at until, not at since.
        """
    @property
    def completed(self) -> list[int]:
        """
        Ids complete at until, not at since.
        """
    @property
    def escalations(self) -> list[Escalation]:
        """
        Escalations of meetings held in the period.
        """
    @property
    def extensions(self) -> list[DueDateRevision]:
        """
        Due-date revisions made in the period.
        """
    @property
    def new_actions(self) -> list[int]:
        """
        Ids of actions created in the period.
        """
    @property
    def newly_at_risk(self) -> list[int]:
        """
        Ids AMBER at until, not at since.
        """
    @property
    def newly_blocked(self) -> list[int]:
        """
        Ids blocked at until, not at since.
        """
    @property
    def newly_overdue(self) -> list[int]:
        """
        Ids overdue at until, not at since.
        """
    @property
    def since(self) -> datetime.date:
        """
        The earlier review date.
        """
    @property
    def status_changes(self) -> list[StatusChange]:
        """
        Actions whose status changed.
        """
    @property
    def until(self) -> datetime.date:
        """
        The later review date.
        """
class Subject:
    """
    What a rule result is about: a kind ('action', 'finding', ...) and an id.
    """
    @staticmethod
    def action(id: typing.SupportsIndex) -> Subject:
        """
        The action `id`.
        """
    @staticmethod
    def audit(id: typing.SupportsIndex) -> Subject:
        """
        The audit `id`.
        """
    @staticmethod
    def concern(id: typing.SupportsIndex) -> Subject:
        """
        The immediate concern `id`.
        """
    @staticmethod
    def finding(id: typing.SupportsIndex) -> Subject:
        """
        The finding `id`.
        """
    @staticmethod
    def item(id: typing.SupportsIndex) -> Subject:
        """
        The reviewable item `id`.
        """
    def __eq__(self, other: typing.Any) -> bool:
        """
        Same kind and id.
        """
    def __hash__(self) -> int:
        """
        Hash of kind and id.
        """
    def __init__(self, kind: str, id: typing.SupportsInt | typing.SupportsIndex) -> None:
        """
        A subject of kind `kind` ('action', 'finding', 'audit', 'concern', 'item') and id `id`.
        """
    def __repr__(self) -> str:
        """
        Like <Subject action 42>.
        """
    def __str__(self) -> str:
        """
        Like 'action 42'.
        """
    @property
    def id(self) -> int:
        """
        The id of the thing.
        """
    @property
    def kind(self) -> str:
        """
        'action', 'finding', 'audit', 'concern' or 'item'.
        """
class RuleResult:
    """
    One thing a rule found, with a message a person can act on.
    """
    def __eq__(self, other: typing.Any) -> bool:
        """
        Equal in every field.
        """
    def __hash__(self) -> int:
        """
        Hash of every field.
        """
    def __init__(self, rule: str, severity: Severity | str, subject: Subject, message: str) -> None:
        """
        A result; inside a rule's check, context.result(subject, message) fills rule and severity.
        """
    def __repr__(self) -> str:
        """
        Like <RuleResult breach overdue action 42: 'action 42 ... was due 2024-03-31'>.
        """
    @property
    def message(self) -> str:
        """
        What was found, naming the thing, dates and threshold.
        """
    @property
    def rule(self) -> str:
        """
        Id of the rule.
        """
    @property
    def severity(self) -> Severity:
        """
        info, warning or breach.
        """
    @property
    def subject(self) -> Subject:
        """
        What it is about.
        """
class RuleContext:
    """
    What a rule's check receives: the plan, the date and the rule's configured severity and parameters. Valid only during the check: kept and used later, it raises Error.
    """
    def parameter(self, name: str) -> int:
        """
        The value of parameter `name`; ValidationError when the rule has no such parameter.
        """
    def result(self, subject: Subject, message: str) -> RuleResult:
        """
        A result of this rule at its configured severity.
        """
    @property
    def as_of(self) -> datetime.date:
        """
        The date the plan is read as of.
        """
    @property
    def parameters(self) -> dict[str, int]:
        """
        The rule's configured parameters, name to value.
        """
    @property
    def plan(self) -> Plan:
        """
        The plan being checked.
        """
    @property
    def rule(self) -> str:
        """
        Id of the rule being run.
        """
    @property
    def severity(self) -> Severity:
        """
        The rule's configured severity.
        """
class Rule:
    """
    A policy rule. Subclass it, call the base constructor with the rule's id (lower snake_case), description, default severity and parameters with their defaults, and implement check(context) returning a list of RuleResult.
    """
    def __init__(self, id: str, description: str, severity: Severity | str = ..., parameters: collections.abc.Mapping[str, typing.SupportsInt | typing.SupportsIndex] = {}) -> None:
        """
        Raises ValidationError naming the field when the id, description or a parameter is not valid.
        """
    def __repr__(self) -> str:
        """
        Like <Rule overdue: 'An open action past its due date'>.
        """
    def check(self, context: RuleContext) -> list[RuleResult]:
        """
        The rule's results for context.plan as of context.as_of (e.g. a built-in rule's, from inside another rule's check).
        """
    @property
    def default_parameters(self) -> dict[str, int]:
        """
        Parameters with their defaults, name to value.
        """
    @property
    def default_severity(self) -> Severity:
        """
        Severity unless configured.
        """
    @property
    def description(self) -> str:
        """
        What the rule checks.
        """
    @property
    def id(self) -> str:
        """
        The rule's id.
        """
class RuleConfig:
    """
    A rules file read and checked for syntax; apply it with RuleSet.configure.
    """
    def __repr__(self) -> str:
        """
        Like <RuleConfig 'rules.ini', 3 rules>.
        """
    @property
    def rules(self) -> list[str]:
        """
        The rule ids it configures, in file order.
        """
    @property
    def source(self) -> str:
        """
        The file (or name) it was read from.
        """
class ConfiguredRule:
    """
    A rule in a rule set, with its configuration.
    """
    def __repr__(self) -> str:
        """
        Like <ConfiguredRule overdue breach>.
        """
    @property
    def enabled(self) -> bool:
        """
        Whether it runs.
        """
    @property
    def parameters(self) -> dict[str, int]:
        """
        Its configured parameters.
        """
    @property
    def rule(self) -> Rule:
        """
        The rule.
        """
    @property
    def severity(self) -> Severity:
        """
        Its configured severity.
        """
class RuleReport:
    """
    What a rule set found as of a date, and which rules ran.
    """
    def __len__(self) -> int:
        """
        Number of results.
        """
    def __repr__(self) -> str:
        """
        Like <RuleReport as of 2024-09-30: 2 breach, 5 warning, 0 info from 13 rules>.
        """
    def columns(self) -> dict[str, typing.Any]:
        """
        The results as columns, in report order: rule, severity, subject_kind, message (codes into the lists under name + '_categories') and subject_id (int64).
        """
    def count(self, severity: Severity | str) -> int:
        """
        How many results have `severity`.
        """
    @property
    def as_of(self) -> datetime.date:
        """
        The date checked.
        """
    @property
    def has_breach(self) -> bool:
        """
        Whether any result is a breach.
        """
    @property
    def ran(self) -> list[str]:
        """
        Ids of the rules that ran.
        """
    @property
    def results(self) -> list[RuleResult]:
        """
        Breach first, then warning, info; then by rule, subject.
        """
    @property
    def skipped(self) -> list[str]:
        """
        Ids of the disabled rules.
        """
class RuleSet:
    """
    Rules with their configuration, run together; Python and C++ rules alike. Each change is checked first and leaves the set unchanged when it raises.
    """
    @staticmethod
    def builtin() -> RuleSet:
        """
        Every built-in rule, enabled, with its defaults.
        """
    def __init__(self) -> None:
        """
        An empty rule set.
        """
    def __len__(self) -> int:
        """
        Number of rules.
        """
    def __repr__(self) -> str:
        """
        Like <RuleSet of 13 rules>.
        """
    def add(self, rule: Rule) -> None:
        """
        Adds a rule, enabled, at its default severity and parameters; ConflictError for a duplicate id.
        """
    def check(self, plan: Plan, *, as_of: datetime.date) -> RuleReport:
        """
        Runs every enabled rule as of as_of. A rule that raises stops the check with a RuleError naming it, the rule's exception as its __cause__.
        """
    def configure(self, config: RuleConfig) -> None:
        """
        Applies a whole rules file, all or nothing; DataImportError names file, line and field.
        """
    def disable(self, id: str) -> None:
        """
        Stops rule `id` from running.
        """
    def enable(self, id: str) -> None:
        """
        Runs rule `id`.
        """
    def rule(self, id: str) -> ConfiguredRule:
        """
        Rule `id` with its configuration; NotFoundError when none.
        """
    def rules(self) -> list[ConfiguredRule]:
        """
        The rules with their configuration.
        """
    def set_parameter(self, id: str, name: str, value: typing.SupportsInt | typing.SupportsIndex) -> None:
        """
        Sets a parameter of rule `id`; ValidationError for a name it does not take or a value below 0.
        """
    def set_severity(self, id: str, severity: Severity | str) -> None:
        """
        Sets the severity of rule `id`.
        """
class ImportWarning:
    """
    A row kept although it breaks a rule that plansight applies only to data entered anew (e.g. a due date before the creation date in another system's records).
    """
    def __repr__(self) -> str:
        """
        Like <ImportWarning actions.csv line 12, field due_on: 'due date ... is before ...'>.
        """
    @property
    def field(self) -> str:
        """
        The field concerned.
        """
    @property
    def file(self) -> str:
        """
        The file the row is in.
        """
    @property
    def line(self) -> int:
        """
        The row's line number in the file.
        """
    @property
    def message(self) -> str:
        """
        What is unusual about the row.
        """
class HistoryEntry:
    """
    One field change (or creation) in a store's append-only history.
    """
    def __repr__(self) -> str:
        """
        Like <HistoryEntry 7 action 12 status: 'not_started' -> 'in_progress' by 'LIS manager'>.
        """
    @property
    def actor(self) -> str:
        """
        Who made the change.
        """
    @property
    def change(self) -> int:
        """
        Id of the change set it belongs to.
        """
    @property
    def entity(self) -> str:
        """
        Kind of entity: 'action', 'audit', 'concern' ...
        """
    @property
    def entity_id(self) -> int:
        """
        Id of the entity.
        """
    @property
    def field(self) -> str:
        """
        The field changed; 'created' for a creation.
        """
    @property
    def new_value(self) -> str:
        """
        The value after.
        """
    @property
    def old_value(self) -> str:
        """
        The value before.
        """
    @property
    def recorded_at(self) -> str:
        """
        UTC time the store recorded it (ISO 8601).
        """
    @property
    def why(self) -> str:
        """
        The reason given, possibly empty.
        """
class Store:
    """
    A plan persisted in one SQLite file (or ':memory:'). Every change names who makes it, is validated, and is written in one transaction with its history; a refused change raises and leaves file and plan as they were. Open one with plansight.open(path).
    """
    @staticmethod
    def latest_schema_version() -> int:
        """
        The schema version this library writes.
        """
    def __repr__(self) -> str:
        """
        Like <Store 'nyscp.db' schema 1>.
        """
    def add_action(self, partnership: typing.SupportsIndex, audit: typing.SupportsIndex, title: str, *, created_on: datetime.date, due_on: datetime.date, by: Actor | str, owner_agency: typing.SupportsIndex | None = None, owner_group: typing.SupportsIndex | None = None, owner_role: str = '', owner_lead: str = '', estimate_days: typing.SupportsInt | typing.SupportsIndex = 0, finding: typing.SupportsIndex | None = None, recommendation: typing.SupportsIndex | None = None, description: str = '', success_measure: str = '', id: typing.SupportsIndex = 0, why: str = '') -> Action:
        """
        Adds an action owned by exactly one of `owner_agency` and `owner_group` (with an optional role and named lead), answering an optional finding or recommendation of `audit`; returns it with its id. History and dependencies are recorded afterwards.
        """
    def add_agency(self, name: str, sector: Sector | str, *, by: Actor | str, id: typing.SupportsIndex = 0, why: str = '') -> Agency:
        """
        Adds a partner agency of `sector` and returns it with its id.
        """
    def add_agency_return(self, case: typing.SupportsIndex, agency: typing.SupportsIndex, *, by: Actor | str, gradings: collections.abc.Sequence[tuple[str, Grade | str]] = [], id: typing.SupportsIndex = 0, why: str = '') -> AgencyReturn:
        """
        Adds an agency's return for a case, `gradings` as (question, grade) pairs; returns it with its id.
        """
    def add_audit(self, partnership: typing.SupportsIndex, title: str, kind: AuditKind | str, held_on: datetime.date, *, by: Actor | str, themes: collections.abc.Sequence[typing.SupportsIndex] = [], agencies: collections.abc.Sequence[typing.SupportsIndex] = [], scope: str = '', reaudit_of: typing.SupportsIndex | None = None, stage: AuditStage | str = 'planned', id: typing.SupportsIndex = 0, why: str = '') -> Audit:
        """
        Adds an audit held on `held_on` with its theme and agency ids, scope, lifecycle stage and the id of the audit it re-audits; returns it with its id.
        """
    def add_briefing(self, audit: typing.SupportsIndex, title: str, *, written_on: datetime.date, background: str = '', why_it_matters: str = '', next_steps: str = '', reflection: collections.abc.Sequence[str] = [], further_information: collections.abc.Sequence[str] = [], by: Actor | str, why: str = '') -> Briefing:
        """
        Adds a 7 minute briefing written on `audit` (on or after the day it was held), with its 'Reflect on the learning' prompts and further information in order; returns it with its id. Its disseminations are recorded afterwards.
        """
    def add_case(self, audit: typing.SupportsIndex, reference: str, *, by: Actor | str, age_band: tuple[typing.SupportsInt | typing.SupportsIndex, typing.SupportsInt | typing.SupportsIndex] = (0, 17), involvement: Involvement | str = 'universal', needs: collections.abc.Sequence[str] = [], discussed_at_panel: bool = False, id: typing.SupportsIndex = 0, why: str = '') -> Case:
        """
        Adds a pseudonymised case to an audit; `age_band` is (from, to) in years. A reference that looks like an NHS number or a date of birth raises ValidationError.
        """
    def add_concern(self, audit: typing.SupportsIndex, case: typing.SupportsIndex, agency: typing.SupportsIndex, description: str, *, raised_on: datetime.date, by: Actor | str, id: typing.SupportsIndex = 0, why: str = '') -> ImmediateConcern:
        """
        Records an immediate concern about a case, sent back to `agency`; returns it with its id.
        """
    def add_dependency(self, action: typing.SupportsIndex, depends_on: typing.SupportsIndex, *, lag_days: typing.SupportsInt | typing.SupportsIndex = 0, by: Actor | str, why: str = '') -> None:
        """
        Records that `action` cannot start before `lag_days` after `depends_on` is finished. The two may belong to different audits of one partnership. Raises CycleError naming the whole cycle when that would close one, ValidationError for a negative lag or actions of two partnerships, ConflictError when the dependency exists already.
        """
    def add_evidence(self, action: typing.SupportsIndex, *, on: datetime.date, kind: EvidenceKind | str, description: str, by: Actor | str) -> Evidence:
        """
        Records evidence of an action's completion or impact; returns it with its id.
        """
    def add_finding(self, audit: typing.SupportsIndex, category: FindingCategory | str, text: str, *, by: Actor | str, themes: collections.abc.Sequence[typing.SupportsIndex] = [], cases: collections.abc.Sequence[typing.SupportsIndex] = [], agencies: collections.abc.Sequence[typing.SupportsIndex] = [], id: typing.SupportsIndex = 0, why: str = '') -> Finding:
        """
        Adds a finding of an audit with the ids of its themes, cases and agencies; returns it with its id.
        """
    def add_group(self, partnership: typing.SupportsIndex, name: str, *, by: Actor | str, id: typing.SupportsIndex = 0, why: str = '') -> Group:
        """
        Adds a subgroup (LIS, SPLIG, board) of a partnership and returns it with its id.
        """
    def add_partnership(self, name: str, *, by: Actor | str, id: typing.SupportsIndex = 0, why: str = '') -> Partnership:
        """
        Adds a partnership named `name` and returns it with its id (`id` 0 assigns the next free one).
        """
    def add_recommendation(self, audit: typing.SupportsIndex, text: str, *, by: Actor | str, findings: collections.abc.Sequence[typing.SupportsIndex] = [], id: typing.SupportsIndex = 0, why: str = '') -> Recommendation:
        """
        Adds a recommendation of an audit answering the given findings; returns it with its id.
        """
    def add_review_cycle(self, partnership: typing.SupportsIndex, name: str, kind: CycleKind | str, *, by: Actor | str, start: datetime.date | None = None, months: typing.SupportsInt | typing.SupportsIndex = 0, dates: collections.abc.Sequence[datetime.date] = [], group: typing.SupportsIndex | None = None, audit: typing.SupportsIndex | None = None, item: typing.SupportsIndex | None = None, id: typing.SupportsIndex = 0, why: str = '') -> ReviewCycle:
        """
        Adds a review cycle for the partnership's whole plan, or for one audit's plan (`audit`) or one reviewable item (`item`): quarterly from `start`, every `months` months from `start`, or on explicit `dates`. Returns it with its id.
        """
    def add_reviewable_item(self, partnership: typing.SupportsIndex, kind: ReviewableKind | str, description: str, *, placed_on: datetime.date, by: Actor | str, review_every_months: typing.SupportsInt | typing.SupportsIndex = 6, audit: typing.SupportsIndex | None = None, case: typing.SupportsIndex | None = None, agency: typing.SupportsIndex | None = None, id: typing.SupportsIndex = 0, why: str = '') -> ReviewableItem:
        """
        Adds something re-reviewed every `review_every_months` months (a flag on a child's record, a completed screening tool); returns it with its id.
        """
    def add_theme(self, name: str, *, by: Actor | str, id: typing.SupportsIndex = 0, why: str = '') -> Theme:
        """
        Adds a learning theme (names are unique) and returns it with its id.
        """
    def advance_audit(self, audit: typing.SupportsIndex, to: AuditStage | str, *, by: Actor | str, why: str = '') -> Audit:
        """
        Moves an audit forward to lifecycle stage `to`; returns the audit as it now is.
        """
    def answer_concern(self, concern: typing.SupportsIndex, *, on: datetime.date, answer: str, by: Actor | str) -> ImmediateConcern:
        """
        Records the agency's answer to an immediate concern; returns the concern as it now is.
        """
    def assure(self, action: typing.SupportsIndex, *, on: datetime.date, group: typing.SupportsIndex, by: Actor | str, note: str = '') -> Assurance:
        """
        Records a group's sign-off of a complete action with evidence: the action is assured and no longer changes. Returns the assurance.
        """
    def change_owner(self, action: typing.SupportsIndex, *, on: datetime.date, reason: str, by: Actor | str, owner_agency: typing.SupportsIndex | None = None, owner_group: typing.SupportsIndex | None = None, owner_role: str = '', owner_lead: str = '') -> OwnerChange:
        """
        Gives an action a new owner (exactly one of `owner_agency` and `owner_group`) from `on`; returns the change.
        """
    def export_workload(self, directory: str | os.PathLike[str]) -> None:
        """
        Writes the plan in the CSV workload format into `directory` (created if missing).
        """
    def history(self, entity: str = '', id: typing.SupportsInt | typing.SupportsIndex = 0) -> list[HistoryEntry]:
        """
        The history of one entity (e.g. 'action', 42), oldest first; of everything when entity is empty.
        """
    def import_action_plan(self, sheet_name: str, header: collections.abc.Sequence[str], rows: collections.abc.Sequence[collections.abc.Sequence[str]], *, audit: typing.SupportsIndex, as_of: datetime.date, by: Actor | str, columns: collections.abc.Mapping[str, str] | None = None, created_on: datetime.date | None = None, first_row: typing.SupportsInt | typing.SupportsIndex = 2, why: str = '') -> list[Action]:
        """
        Reads an action plan sheet (its header cells and rows of cell text, the first row numbered `first_row` as the spreadsheet shows it) into audit `audit` and writes it all in one transaction: an action per non-blank row, owned by the agency (or group) its lead agency names, due when its timescale says (see parse_timescale), answering the audit's recommendation of that text (created once if new), with an update dated `as_of` from its status, progress and RAG, and completion evidence. New actions are created on `created_on` (default: the audit's held_on). Returns the actions added, in sheet order. Raises SheetImportError listing every problem of every row, and leaves the store unchanged, when any row is refused.
        """
    def import_workload(self, directory: str | os.PathLike[str], *, by: Actor | str, why: str = '') -> list[ImportWarning]:
        """
        Reads a CSV workload directory on top of the store's plan and writes it all in one transaction. Returns the warnings; raises DataImportError naming file, line and field, and leaves the store unchanged, when a row is refused.
        """
    def load(self) -> Plan:
        """
        Reads the whole file again into a new, independent Plan.
        """
    def record_dissemination(self, briefing: typing.SupportsIndex, *, on: datetime.date, reached: collections.abc.Sequence[typing.SupportsIndex], note: str = '', by: Actor | str) -> None:
        """
        Records that the briefing went out on `on` to the agencies `reached` (at least one, each once), sent by the actor; the note says how. Disseminations are recorded in date order, none before the briefing was written.
        """
    def record_review(self, group: typing.SupportsIndex, *, held_on: datetime.date, by: Actor | str, outcomes: collections.abc.Sequence[ReviewOutcome] = [], attending: collections.abc.Sequence[typing.SupportsIndex] = [], note: str = '', id: typing.SupportsIndex = 0, why: str = '') -> ReviewMeeting:
        """
        Records a review meeting of `group` with the agencies attending and one ReviewOutcome per action reviewed, together with what the outcomes do to the actions (complete and cancel as updates, extend as a due-date revision, assure as the group's assurance). All or nothing: any refused outcome raises and records none. Returns the meeting with its id.
        """
    def record_update(self, action: typing.SupportsIndex, *, on: datetime.date, status: Status | str, by: Actor | str, note: str = '', reported_rag: Rag | str | None = None, completed_on: datetime.date | None = None) -> Update:
        """
        Records a dated progress update of an action (status, note, RAG as reported; a complete update may give its completion date); returns the update as recorded.
        """
    def remove_dependency(self, action: typing.SupportsIndex, depends_on: typing.SupportsIndex, *, by: Actor | str, why: str = '') -> None:
        """
        Ends the dependency of `action` on `depends_on`; the store keeps it in history. Raises NotFoundError when there is no such dependency.
        """
    def review_item(self, item: typing.SupportsIndex, *, on: datetime.date, by: Actor | str, note: str = '', retired: bool = False) -> ItemReview:
        """
        Records a re-review of a reviewable item on `on` (retired=True when it was removed as no longer needed); returns the review.
        """
    def revise_due_date(self, action: typing.SupportsIndex, *, on: datetime.date, new_due: datetime.date, reason: str, agreed_by: str, by: Actor | str) -> DueDateRevision:
        """
        Moves an action's due date to `new_due` from `on`, with the reason and who agreed it; returns the revision.
        """
    @property
    def path(self) -> str:
        """
        The path the store was opened with.
        """
    @property
    def plan(self) -> Plan:
        """
        The plan as the file holds it now; live: it follows later changes.
        """
    @property
    def schema_version(self) -> int:
        """
        The file's schema version.
        """
class ActionTiming:
    """
    The scheduled dates of one action.
    """
    def __repr__(self) -> str:
        """
        Like <ActionTiming 12: 2024-01-10 to 2024-02-09, due 2024-03-01, slack 21>.
        """
    @property
    def driver(self) -> int | None:
        """
        Id of the prerequisite that determined its start, or None.
        """
    @property
    def due_on(self) -> datetime.date:
        """
        The due date the schedule holds it to.
        """
    @property
    def earliest_finish(self) -> datetime.date:
        """
        The earliest date it can finish: the forecast.
        """
    @property
    def earliest_start(self) -> datetime.date:
        """
        The earliest date it can start.
        """
    @property
    def id(self) -> int:
        """
        The action's id.
        """
    @property
    def latest_finish(self) -> datetime.date:
        """
        The latest finish that keeps its own and every downstream due date.
        """
    @property
    def slack_days(self) -> int:
        """
        latest_finish - earliest_finish in days; negative: it or something downstream will be late.
        """
class CriticalPath:
    """
    The span of a partnership's or audit's plan and its critical chain.
    """
    def __repr__(self) -> str:
        """
        Like <CriticalPath 45 days: 3 -> 7 -> 12>.
        """
    @property
    def chain(self) -> list[int]:
        """
        Ids from first to last of the chain ending last, each start determined by the one before.
        """
    @property
    def days(self) -> int:
        """
        finish - start in days: the critical path length.
        """
    @property
    def finish(self) -> datetime.date | None:
        """
        The latest earliest finish (forecast completion); None when it has no actions.
        """
    @property
    def start(self) -> datetime.date | None:
        """
        The earliest creation date of its actions; None when it has none.
        """
class Schedule:
    """
    Earliest and latest dates of every action of a plan, and critical paths; made by plansight.schedule(plan). It describes the plan as it was when made.
    """
    def __len__(self) -> int:
        """
        The number of actions.
        """
    def __repr__(self) -> str:
        """
        Like <Schedule of 10000 actions, from 2025-03-31>.
        """
    def action(self, action: typing.SupportsIndex) -> ActionTiming:
        """
        The dates of one action; raises NotFoundError for an unknown id.
        """
    def actions(self) -> list[ActionTiming]:
        """
        One ActionTiming per action, in the plan's order. For many actions prefer columns().
        """
    def columns(self) -> dict[str, typing.Any]:
        """
        The schedule as columns, in the plan's action order: a dict of numpy arrays of equal length, id, slack_days and driver (int64; driver -1 where none), earliest_start, earliest_finish, latest_finish and due_on (datetime64[D]).
        """
    def critical_path(self, *, partnership: typing.SupportsIndex | None = None, audit: typing.SupportsIndex | None = None) -> CriticalPath:
        """
        The critical path of one partnership or one audit (keyword, exactly one); raises NotFoundError for an unknown id. An audit's chain stops at a prerequisite of another audit.
        """
    def find(self, action: typing.SupportsIndex) -> ActionTiming | None:
        """
        The dates of one action, or None.
        """
    def forecast_completion(self, audit: typing.SupportsIndex) -> datetime.date | None:
        """
        When the audit's whole plan is forecast to be done (None for an audit without actions).
        """
    def index_of(self, action: typing.SupportsIndex) -> int:
        """
        Position of the action in actions(); raises NotFoundError for an unknown id.
        """
    @property
    def from_date(self) -> datetime.date | None:
        """
        The date forecast from, or None for the plan's own dates.
        """
class SlipEffect:
    """
    An action whose forecast finish a slip moves.
    """
    def __repr__(self) -> str:
        """
        Like <SlipEffect 413: 2024-05-01 -> 2024-05-31, due 2024-05-20>.
        """
    @property
    def action(self) -> int:
        """
        Id of the action.
        """
    @property
    def due_on(self) -> datetime.date:
        """
        The due date the schedule holds it to.
        """
    @property
    def new_finish(self) -> datetime.date:
        """
        Forecast finish after it.
        """
    @property
    def old_finish(self) -> datetime.date:
        """
        Forecast finish before the slip.
        """
class SlipImpact:
    """
    What delaying one action does downstream (WORKLOAD.md Q5).
    """
    def __repr__(self) -> str:
        """
        Like <SlipImpact 394 +30 days: 12 moved, 7 newly late>.
        """
    @property
    def action(self) -> int:
        """
        Id of the action slipped.
        """
    @property
    def days(self) -> int:
        """
        Days it slipped.
        """
    @property
    def moved(self) -> list[SlipEffect]:
        """
        Every other action whose forecast finish moves, by id.
        """
    @property
    def new_finish(self) -> datetime.date:
        """
        Its forecast finish after.
        """
    @property
    def newly_late(self) -> list[SlipEffect]:
        """
        Those now finishing after their due date where before they did not, by id.
        """
    @property
    def old_finish(self) -> datetime.date:
        """
        Its forecast finish before.
        """
class DueChange:
    """
    How one action's latest finish and slack change.
    """
    def __repr__(self) -> str:
        """
        Like <DueChange 7: slack 10 -> -5>.
        """
    @property
    def action(self) -> int:
        """
        Id of the action.
        """
    @property
    def new_latest_finish(self) -> datetime.date:
        """
        Latest finish after.
        """
    @property
    def new_slack_days(self) -> int:
        """
        Slack after, in days.
        """
    @property
    def old_latest_finish(self) -> datetime.date:
        """
        Latest finish before.
        """
    @property
    def old_slack_days(self) -> int:
        """
        Slack before, in days.
        """
class DueImpact:
    """
    What moving one action's due date would do.
    """
    def __repr__(self) -> str:
        """
        Like <DueImpact 12: due 2024-03-01 -> 2024-02-01, 3 changed>.
        """
    @property
    def action(self) -> int:
        """
        Id of the action.
        """
    @property
    def changed(self) -> list[DueChange]:
        """
        The action and every prerequisite whose latest finish changes: the action first, then by id.
        """
    @property
    def forecast_finish(self) -> datetime.date:
        """
        Its earliest finish, which a due date never moves.
        """
    @property
    def late(self) -> bool:
        """
        Whether the forecast finish is after the new due date.
        """
    @property
    def new_due(self) -> datetime.date:
        """
        The due date asked about.
        """
    @property
    def newly_late(self) -> list[int]:
        """
        Ids whose slack turns negative, ascending.
        """
    @property
    def no_longer_late(self) -> list[int]:
        """
        Ids whose slack stops being negative, ascending.
        """
    @property
    def old_due(self) -> datetime.date:
        """
        The due date the schedule held it to.
        """
class ThemeRecurrence:
    """
    How widely one learning theme recurs across audits.
    """
    def __repr__(self) -> str:
        """
        Like <ThemeRecurrence theme 1: 3 audits, 2 partnerships, 2023-2025>.
        """
    @property
    def audits(self) -> int:
        """
        Audits it occurs in.
        """
    @property
    def findings(self) -> int:
        """
        Findings tagged with it, over those audits.
        """
    @property
    def first_year(self) -> int:
        """
        The year of its earliest audit.
        """
    @property
    def last_year(self) -> int:
        """
        The year of its latest audit.
        """
    @property
    def partnerships(self) -> int:
        """
        Partnerships holding those audits.
        """
    @property
    def theme(self) -> int:
        """
        The theme's id.
        """
    @property
    def years(self) -> int:
        """
        Distinct years of those audits.
        """
class GradeCounts:
    """
    How many gradings fell on each grade.
    """
    def __repr__(self) -> str:
        """
        Like <GradeCounts 40% of 10 good or better>.
        """
    @property
    def by_grade(self) -> dict[str, int]:
        """
        Counts by grade name, outstanding first.
        """
    @property
    def good_or_better_share(self) -> float:
        """
        The share graded good or outstanding; 0.0 when there are none.
        """
    @property
    def total(self) -> int:
        """
        All gradings counted.
        """
class QuestionComparison:
    """
    One audit question graded in an audit and its re-audit.
    """
    def __repr__(self) -> str:
        """
        Like <QuestionComparison 'voice of the child evident': 20% of 10 -> 60% of 10>.
        """
    @property
    def audit(self) -> GradeCounts:
        """
        Its gradings in the audit.
        """
    @property
    def declined(self) -> bool:
        """
        Graded in both, and a lower share good or better in the re-audit.
        """
    @property
    def improved(self) -> bool:
        """
        Graded in both, and a higher share good or better in the re-audit.
        """
    @property
    def question(self) -> str:
        """
        The audit question.
        """
    @property
    def reaudit(self) -> GradeCounts:
        """
        Its gradings in the re-audit.
        """
class ReauditComparison:
    """
    A re-audit's gradings against its audit's.
    """
    def __repr__(self) -> str:
        """
        Like <ReauditComparison audit 1 -> 4: 30% of 40 -> 55% of 40 good or better>.
        """
    @property
    def audit(self) -> int:
        """
        The audit re-audited.
        """
    @property
    def audit_overall(self) -> GradeCounts:
        """
        Every grading of the audit.
        """
    @property
    def questions(self) -> list[QuestionComparison]:
        """
        Every question graded in either, the audit's first, in the order first graded.
        """
    @property
    def reaudit(self) -> int:
        """
        The re-audit.
        """
    @property
    def reaudit_overall(self) -> GradeCounts:
        """
        Every grading of the re-audit.
        """
class SheetProblem:
    """
    One refused cell of a spreadsheet, as SheetImportError.problems lists them.
    """
    def __repr__(self) -> str:
        """
        Like <SheetProblem 'Action plan' row 4, 'Timescale' 'Ongoing': "'Ongoing' is not a timescale ...">.
        """
    @property
    def column(self) -> str:
        """
        The column's header as the sheet spells it.
        """
    @property
    def message(self) -> str:
        """
        Why the cell was refused.
        """
    @property
    def row(self) -> int:
        """
        The row number as the spreadsheet shows it (the header is row 1).
        """
    @property
    def sheet(self) -> str:
        """
        The sheet's name (a CSV file's name).
        """
    @property
    def value(self) -> str:
        """
        The cell's text ('' for a blank or a missing column).
        """
def at_risk(plan: Plan, schedule: Schedule, *, as_of: datetime.date) -> list[int]:
    """
    Ids, ascending, of the actions open at as_of whose forecast finish lies after the due date in force then: beside RAG, never changing it. Pass a schedule made with from_date=as_of for a forecast.
    """
def blocked_by(plan: Plan, *, as_of: datetime.date) -> list[BlockedAction]:
    """
    Every action existing at as_of that is blocked then (open, with a prerequisite open then), ascending by id, with the open actions it waits for.
    """
def blocks(plan: Plan, action: typing.SupportsIndex) -> list[int]:
    """
    Ids, ascending, of every action that waits for `action`, directly or through others; raises NotFoundError for an unknown action.
    """
def builtin_rule(id: str) -> Rule:
    """
    The built-in rule `id`; NotFoundError when none.
    """
def builtin_rules() -> list[Rule]:
    """
    Every built-in rule, in the documented order.
    """
def calendar_quarter(date: datetime.date) -> Quarter:
    """
    The calendar quarter holding `date`.
    """
def check_cycle(cycle: ReviewCycle) -> None:
    """
    Raises ValidationError naming the field when the cycle cannot produce dates.
    """
def compare_reaudit(plan: Plan, reaudit: typing.SupportsIndex) -> ReauditComparison:
    """
    Compares a re-audit's gradings with those of the audit it re-audits, question by question. NotFoundError for an unknown audit; ValidationError when it re-audits none.
    """
def default_action_plan_columns() -> dict[str, str]:
    """
    The headers an action plan sheet is read and written with, by field: recommendation, action, lead_agency, lead_officer, timescale, status, progress, rag, evidence (a sheet must have the recommendation, action, lead_agency and timescale columns). Pass some of them as `columns` to use other headers; an optional field given as '' is neither read nor written.
    """
def export_action_plan(plan: Plan, *, audit: typing.SupportsIndex, as_of: datetime.date, columns: collections.abc.Mapping[str, str] | None = None) -> tuple[list[str], list[list[str]]]:
    """
    The audit's actions existing at `as_of` as a sheet: (header, rows), one row per action with its recommendation, title, lead agency (or group) and officer, the due date in force as an ISO date, status, latest progress note, RAG and evidence, all as of `as_of`. Store.import_action_plan reads it back as the same actions.
    """
def financial_quarter(date: datetime.date) -> FinancialQuarter:
    """
    The financial-year quarter holding `date`.
    """
def grade_counts(plan: Plan, audit: typing.SupportsIndex) -> GradeCounts:
    """
    Every grading of the agency returns of an audit's cases; NotFoundError for an unknown audit.
    """
def is_review_date(cycle: ReviewCycle, date: datetime.date) -> bool:
    """
    Whether `date` is one of the cycle's review dates.
    """
def next_review(cycle: ReviewCycle, after: datetime.date) -> datetime.date | None:
    """
    The cycle's first review date strictly after `after`, or None.
    """
def open(path: str | os.PathLike[str]) -> Store:
    """
    Opens the store at `path` (':memory:' for one in memory), creating the file when missing and migrating an older schema forward.
    """
def parse_financial_quarter(text: str) -> FinancialQuarter:
    """
    Reads '2024/25 Q2' or 'Q2 2024/25'; raises ValidationError naming field 'quarter'.
    """
def parse_quarter(text: str) -> Quarter:
    """
    Reads '2024 Q3' or 'Q3 2024'; raises ValidationError naming field 'quarter'.
    """
def parse_rule_config(text: str, source_name: str = '<rules>') -> RuleConfig:
    """
    Reads rules-file text; errors name `source_name` as the file.
    """
def parse_timescale(text: str) -> datetime.date:
    """
    The due date a spreadsheet's free-text timescale names: a month ('March 2025', 'end of Mar 2025') is its last day; 'Q3 2024/25' a UK financial-year quarter's last day (2024-12-31); 'Q2 2024' a calendar quarter's (2024-06-30); '2024/25' the financial year's 31 March; '31/03/2025' (day/month/year) and '2025-03-31' that day. Raises ValidationError naming the text for anything else ('Ongoing', 'TBC', '31/02/2025').
    """
def previous_review(cycle: ReviewCycle, before: datetime.date) -> datetime.date | None:
    """
    The cycle's last review date strictly before `before`, or None.
    """
def published_on(briefing: Briefing, as_of: datetime.date) -> datetime.date | None:
    """
    The date of the briefing's first dissemination on or before as_of; None when it was not yet published then.
    """
def reached_agencies(briefing: Briefing, as_of: datetime.date) -> list[int]:
    """
    Ids of the agencies the briefing's disseminations on or before as_of reached, ascending, each once.
    """
def read_rule_config(path: str | os.PathLike[str]) -> RuleConfig:
    """
    Reads a rules file (INI: [rule_id] sections with enabled, severity and parameters). DataImportError names file, line and field of any problem.
    """
def ready_to_start(plan: Plan, *, as_of: datetime.date) -> list[int]:
    """
    Ids, ascending, of the actions existing and open at as_of none of whose prerequisites is open then.
    """
def recurring_themes(plan: Plan, *, min_audits: typing.SupportsInt | typing.SupportsIndex = 2) -> list[ThemeRecurrence]:
    """
    The themes occurring in at least min_audits audits (a theme occurs in an audit when the audit or one of its findings is tagged with it), most audits first, then most partnerships, then the plan's theme order. ValidationError when min_audits is below 1.
    """
def render_briefing(plan: Plan, audit: typing.SupportsIndex, as_of: datetime.date, format: str = 'html') -> str:
    """
    The 7 minute briefing on an audit as of as_of, as HTML ('html') or Markdown ('markdown'): background, why it matters, good practice, worries and areas for development, key learning, next steps with the actions agreed, reflect on the learning and further information. The editorial text comes from the audit's latest briefing written on or before as_of (Store.add_briefing). Cases appear only in aggregate; case references and individual ages in free text are withheld (see withheld_text). NotFoundError for an unknown audit.
    """
def render_review_pack(plan: Plan, as_of: datetime.date, format: str = 'html', *, partnership: typing.SupportsIndex | None = None, since: datetime.date | None = None, rules: RuleSet | None = None) -> str:
    """
    The quarterly review pack as of as_of: one self-contained HTML page (format 'html': inline CSS and SVG charts, no scripts, a print stylesheet for A4) or Markdown ('markdown'). Sections: headline figures; RAG by agency; overdue actions; blocked and at risk; changes since the previous review; escalations; completed and assured this quarter; rule breaches; the critical path of each open audit plan. partnership: only that one (NotFoundError when unknown); since: the start of the period (default: each partnership's previous review on its plan's review cycle, else three months back; ValidationError unless before as_of); rules: the RuleSet whose results it lists (default RuleSet.builtin()). ValidationError for another format.
    """
def review_dates(cycle: ReviewCycle, from_: datetime.date, to: datetime.date) -> list[datetime.date]:
    """
    Every review date of the cycle in [from_, to], ascending.
    """
def schedule(plan: Plan, *, from_date: datetime.date | None = None) -> Schedule:
    """
    Schedules every action of the plan (WORKLOAD.md Q4): start = max(created_on, finish of each prerequisite + lag), finish = start + estimate_days. With from_date, actions open then start no earlier than it. Due dates are those in force at from_date, else the latest revision.
    """
def slip(plan: Plan, schedule: Schedule, action: typing.SupportsIndex, *, days: typing.SupportsInt | typing.SupportsIndex) -> SlipImpact:
    """
    Delays the action by days (WORKLOAD.md Q5), recomputing only what lies downstream; raises NotFoundError for an unknown action and ValidationError for negative days.
    """
def to_dot(plan: Plan, schedule: Schedule, *, as_of: datetime.date, audit: typing.SupportsIndex | None = None, partnership: typing.SupportsIndex | None = None) -> str:
    """
    The dependency graph of one audit or partnership (keyword, exactly one) as Graphviz DOT: RAG colours at as_of, actions at risk outlined in red, the critical path in bold.
    """
def topological_order(plan: Plan) -> list[int]:
    """
    Every action id once, each after every action it depends on; of the actions free to come next, the smallest id first.
    """
def what_if_due(plan: Plan, schedule: Schedule, action: typing.SupportsIndex, *, new_due: datetime.date) -> DueImpact:
    """
    Holds the action to new_due and recomputes latest finish and slack of it and its prerequisites; raises NotFoundError for an unknown action.
    """
def withheld_text(plan: Plan, text: str) -> str:
    """
    text as a briefing prints it: each of the plan's case references, however written (case-insensitive; spaces, hyphens, dashes, underscores, slashes or full stops between its letters and numbers, or none; leading zeros optional), replaced by '[case reference withheld]', and each individual child's age ('16-year-old', '15 year olds', '16yo', 'aged 15', 'Age: 16', 'aged 4 and 15', 'a sixteen year old', 'turned 16', 'her 16th birthday') by '[age withheld]'. Age ranges ('aged 9 to 17', '9-17', 'between 9 and 17') and thresholds ('aged 16 and over') describe a group and stay. A bare number is not read as an age.
    """
def workload_files() -> list[str]:
    """
    The files of the CSV workload format, in the order they are read.
    """
__version__: str
