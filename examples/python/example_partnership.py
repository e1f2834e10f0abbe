"""An example store: two safeguarding children partnerships' audit action plans
over three years, built through the public API only.

North Yorkshire SCP runs a multi-agency case file audit on domestic abuse
(June 2023), a QA audit on child to adult conflict (July 2024) and a re-audit
of the first (February 2025); its Learning and Improvement Subgroup (LIS)
reviews the action plan every financial quarter and escalates to the
Safeguarding Partnership Board. North Lincolnshire Children's MARS holds a
line-of-sight event on teenage relationship abuse (March 2023), monitored
by its SPLIG. The wording comes from published learning briefings; the
cases, gradings, people and dates are invented, and the same every run.

At the review date, 2025-03-31, the plan has overdue, blocked, at-risk,
complete and assured actions, an unanswered immediate concern, a flag on a
record past its review and an action extended three times: something for
each of the policy rules to find.

    python example_partnership.py OUT.db    # writes the store, prints a summary
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import plansight as ps

REVIEW_DATE = dt.date(2025, 3, 31)
"""The LIS review the example is set up for (2024/25 Q4)."""

RECORDER = ps.Actor("Partnership business manager")  # keeps both partnerships' plans

THEMES = (
    "voice of the child",
    "information sharing",
    "professional curiosity",
    "risk assessment tools",
    "record keeping and flags",
    "whole-family working",
    "transition to adulthood",
    "trauma",
)

# key: (name, sector)
AGENCIES: Mapping[str, tuple[str, str]] = {
    "police": ("North Yorkshire Police", "police"),
    "social_care": ("Children and Families Service (social care)", "local_authority"),
    "gp": ("Primary care (GP practices)", "health"),
    "acute": ("Acute hospitals trust", "health"),
    "health_visiting": ("Healthy Child Programme (0-19 service)", "health"),
    "camhs": ("Mental health trust (CAMHS)", "health"),
    "schools": ("North Yorkshire schools and colleges", "education"),
    "youth_justice": ("North Yorkshire Youth Justice Service", "justice"),
    "da_service": ("Independent domestic abuse service", "voluntary"),
    "humberside_police": ("Humberside Police", "police"),
    "nl_children": ("North Lincolnshire Children's Services", "local_authority"),
    "nl_health": ("Northern Lincolnshire and Goole NHS Trust", "health"),
    "blue_door": ("The Blue Door", "voluntary"),
}

GRADE_LETTERS: Mapping[str, ps.Grade] = {
    "O": ps.Grade.outstanding,
    "G": ps.Grade.good,
    "R": ps.Grade.requires_improvement,
    "I": ps.Grade.inadequate,
}

DA_QUESTIONS = (
    "voice of the child evident",
    "risk assessment tool used",
    "information shared with partners",
    "domestic abuse flagged on the record",
)

CAC_QUESTIONS = (
    "voice of the child evident",
    "trauma considered in the plan",
    "flags on records evidence-based and reviewed",
)


@dataclass(frozen=True)
class CaseSpec:
    """A pseudonymised case and its agency returns: agency key -> one grade
    letter (O, G, R, I) per audit question, in the audit's question order."""

    reference: str
    age_band: tuple[int, int]
    involvement: str
    needs: tuple[str, ...]
    discussed_at_panel: bool
    returns: Mapping[str, str]


DA_2023_CASES = (
    CaseSpec("DA-01", (0, 4), "child_protection_plan", ("domestic abuse", "parental mental health"), True,
             {"police": "RGGR", "social_care": "RRGG", "gp": "IRGI", "health_visiting": "RGGR"}),
    CaseSpec("DA-02", (5, 10), "child_in_need", ("domestic abuse", "school attendance"), False,
             {"police": "RRGG", "social_care": "GRGG", "schools": "RRGR", "da_service": "GGGG"}),
    CaseSpec("DA-03", (5, 10), "child_protection_plan", ("domestic abuse", "neglect", "siblings"), True,
             {"police": "IRRR", "social_care": "RRGG", "gp": "RRRI", "acute": "RRGI", "schools": "RGGG"}),
    CaseSpec("DA-04", (11, 15), "early_help", ("domestic abuse", "child on parent violence"), False,
             {"police": "RIGR", "social_care": "RRRG", "schools": "GRGG", "da_service": "RGGG"}),
    CaseSpec("DA-05", (11, 15), "child_in_need", ("domestic abuse", "exploitation risk"), True,
             {"police": "RIRR", "social_care": "RRGR", "gp": "RRGI", "schools": "RRGG"}),
    CaseSpec("DA-06", (0, 4), "early_help", ("domestic abuse", "parental alcohol misuse"), False,
             {"police": "GGGG", "gp": "RRGR", "health_visiting": "GGGG", "da_service": "RGOG"}),
    CaseSpec("DA-07", (16, 17), "looked_after", ("domestic abuse", "attachment"), True,
             {"police": "RGGR", "social_care": "RRGG", "acute": "IRRI", "schools": "RRGG"}),
    CaseSpec("DA-08", (5, 10), "child_in_need", ("domestic abuse", "historical records"), False,
             {"police": "RRGG", "social_care": "RGGG", "gp": "IRGR", "health_visiting": "RRGR"}),
)

# The re-audit looks at children newly open to services, on the same
# questions: the voice of the child and DASH improve, record flags do not
# (the GP flagging action is still open).
DA_2025_CASES = (
    CaseSpec("DA-R-01", (0, 4), "child_protection_plan", ("domestic abuse",), True,
             {"police": "GGGR", "social_care": "GGOG", "gp": "GRGR", "health_visiting": "OGGG"}),
    CaseSpec("DA-R-02", (5, 10), "child_in_need", ("domestic abuse", "parental mental health"), True,
             {"police": "GGGG", "social_care": "GGGR", "schools": "GGOG", "da_service": "OGOG"}),
    CaseSpec("DA-R-03", (11, 15), "early_help", ("domestic abuse", "child on parent violence"), False,
             {"police": "RGGR", "social_care": "GGGG", "gp": "GRGI", "schools": "GGGR"}),
    CaseSpec("DA-R-04", (11, 15), "child_protection_plan", ("domestic abuse", "repeat incidents"), True,
             {"police": "GGRG", "social_care": "GGGR", "acute": "RGGR", "schools": "GRRG"}),
    CaseSpec("DA-R-05", (0, 4), "early_help", ("domestic abuse", "parental alcohol misuse"), False,
             {"police": "GOGG", "gp": "RGGR", "health_visiting": "GGGG", "da_service": "GGOR"}),
    CaseSpec("DA-R-06", (16, 17), "looked_after", ("domestic abuse", "attachment"), False,
             {"police": "GGGR", "social_care": "OGGG", "acute": "GGGR", "schools": "GGGG"}),
)

CAC_2024_CASES = (
    CaseSpec("CAC-01", (13, 15), "child_in_need", ("child to parent violence", "ADHD"), True,
             {"police": "RGG", "social_care": "GRG", "schools": "GGG"}),
    CaseSpec("CAC-02", (14, 16), "child_protection_plan", ("exploitation", "substance misuse"), True,
             {"police": "IRR", "social_care": "GGG", "youth_justice": "GGR"}),
    CaseSpec("CAC-03", (15, 17), "child_in_need", ("criminal behaviour", "parental domestic abuse"), True,
             {"police": "IRI", "youth_justice": "RGG", "gp": "RRR"}),
    CaseSpec("CAC-04", (12, 14), "early_help", ("mental health", "autism"), False,
             {"gp": "RRG", "camhs": "GGG", "schools": "GRG"}),
    CaseSpec("CAC-05", (9, 11), "early_help", ("bereavement", "childhood trauma"), True,
             {"social_care": "GRG", "schools": "OGG", "camhs": "GGG"}),
    CaseSpec("CAC-06", (16, 17), "child_in_need", ("coercive control", "mental health"), False,
             {"social_care": "RRG", "gp": "IRR", "da_service": "GGG"}),
    CaseSpec("CAC-07", (15, 17), "child_protection_plan", ("exploitation", "parental alcohol misuse"), True,
             {"police": "RRR", "social_care": "GGR", "gp": "IRI"}),
    CaseSpec("CAC-08", (10, 12), "early_help", ("EHCP", "diabetes"), False,
             {"schools": "GGG", "gp": "RGG", "social_care": "GGG"}),
    CaseSpec("CAC-09", (14, 16), "child_in_need", ("childhood trauma", "parental domestic abuse"), True,
             {"police": "RRG", "social_care": "RGG", "camhs": "GGG"}),
    CaseSpec("CAC-10", (16, 17), "child_in_need", ("substance misuse", "transition to adulthood"), False,
             {"youth_justice": "RRG", "social_care": "IRG", "gp": "RRR"}),
)

TRA_2023_CASES = (
    CaseSpec("TRA-01", (14, 16), "child_in_need", ("teenage relationship abuse",), True, {}),
    CaseSpec("TRA-02", (15, 17), "early_help", ("teenage relationship abuse", "siblings"), True, {}),
    CaseSpec("TRA-03", (13, 15), "child_protection_plan", ("teenage relationship abuse", "adverse childhood experiences"), True, {}),
)


@dataclass
class Example:
    """The store being built and the ids of what it holds, by short key."""

    store: ps.Store
    agencies: dict[str, int] = field(default_factory=dict)
    themes: dict[str, int] = field(default_factory=dict)
    partnerships: dict[str, int] = field(default_factory=dict)
    groups: dict[str, int] = field(default_factory=dict)
    audits: dict[str, int] = field(default_factory=dict)
    cases: dict[str, int] = field(default_factory=dict)
    findings: dict[str, int] = field(default_factory=dict)
    recommendations: dict[str, int] = field(default_factory=dict)
    actions: dict[str, int] = field(default_factory=dict)

    # --- shorthands -------------------------------------------------------

    def theme_ids(self, names: Sequence[str]) -> list[int]:
        """Ids of the named themes."""
        return [self.themes[n] for n in names]

    def agency_ids(self, keys: Sequence[str]) -> list[int]:
        """Ids of the agencies with these keys."""
        return [self.agencies[k] for k in keys]

    def reporter(self, code: str, on: dt.date) -> ps.Actor:
        """Who reports on an action: its owner's role (of the agency), or the group."""
        plan = self.store.plan
        owner = plan.owner_at(self.actions[code], as_of=on)
        if owner.group is not None:
            return ps.Actor(f"{plan.group(owner.group).name} chair")
        return ps.Actor(owner.role, agency=owner.agency)

    def report(self, code: str, on: dt.date, status: str, rag: str, note: str,
               completed_on: dt.date | None = None) -> None:
        """The owner's quarterly return on an action to the monitoring group."""
        self.store.record_update(self.actions[code], on=on, status=status, reported_rag=rag, note=note,
                                 completed_on=completed_on, by=self.reporter(code, on))

    def evidence(self, code: str, on: dt.date, kind: str, description: str) -> None:
        """Evidence of an action's completion or impact, recorded by its owner."""
        self.store.add_evidence(self.actions[code], on=on, kind=kind, description=description,
                                by=self.reporter(code, on))

    def outcome(self, code: str, kind: str, *, note: str = "", new_due: dt.date | None = None,
                reason: str = "", escalated_to: str | None = None) -> ps.ReviewOutcome:
        """A review meeting's decision on one action."""
        to = None if escalated_to is None else self.groups[escalated_to]
        return ps.ReviewOutcome(self.actions[code], kind, note=note, new_due=new_due, reason=reason,
                                escalated_to=to)

    def meet(self, group: str, held_on: dt.date, attending: Sequence[str],
             outcomes: Sequence[ps.ReviewOutcome], note: str) -> None:
        """A review meeting of `group` with the agencies attending."""
        self.store.record_review(self.groups[group], held_on=held_on, attending=self.agency_ids(attending),
                                 outcomes=outcomes, note=note, by=RECORDER)


def day(text: str) -> dt.date:
    """An ISO date, so the story below reads as a diary."""
    return dt.date.fromisoformat(text)


# --- who is who -------------------------------------------------------------

def add_vocabulary(ex: Example) -> None:
    """The controlled themes and the partner agencies."""
    for name in THEMES:
        ex.themes[name] = ex.store.add_theme(name, by=RECORDER).id
    for key, (name, sector) in AGENCIES.items():
        ex.agencies[key] = ex.store.add_agency(name, sector, by=RECORDER).id


def add_partnerships(ex: Example) -> None:
    """Both partnerships, their monitoring groups and review cycles."""
    store = ex.store
    ny = ex.partnerships["nyscp"] = store.add_partnership("North Yorkshire SCP", by=RECORDER).id
    ex.groups["lis"] = store.add_group(ny, "Learning and Improvement Subgroup", by=RECORDER).id
    ex.groups["board"] = store.add_group(ny, "Safeguarding Partnership Board", by=RECORDER).id
    store.add_review_cycle(ny, "LIS quarterly review", "financial_quarters", start=day("2023-09-30"),
                           group=ex.groups["lis"], by=RECORDER)
    nl = ex.partnerships["mars"] = store.add_partnership("North Lincolnshire Children's MARS", by=RECORDER).id
    ex.groups["splig"] = store.add_group(nl, "Safeguarding Practice Learning and Improvement Group",
                                         by=RECORDER).id
    ex.groups["mars_board"] = store.add_group(nl, "Children's MARS Board", by=RECORDER).id
    store.add_review_cycle(nl, "SPLIG quarterly review", "calendar_quarters", start=day("2023-06-30"),
                           group=ex.groups["splig"], by=RECORDER)


# --- audits, cases, returns ---------------------------------------------------

def add_audit(ex: Example, key: str, partnership: str, title: str, kind: str, held_on: dt.date, *,
              themes: Sequence[str], agencies: Sequence[str], scope: str, reaudit_of: str | None = None) -> int:
    """An audit, moved through its lifecycle up to monitoring its action plan."""
    store = ex.store
    audit = store.add_audit(ex.partnerships[partnership], title, kind, held_on, themes=ex.theme_ids(themes),
                            agencies=ex.agency_ids(agencies), scope=scope,
                            reaudit_of=None if reaudit_of is None else ex.audits[reaudit_of], by=RECORDER)
    for stage in ("cases_selected", "agency_returns", "panel", "reported", "action_planning", "monitoring"):
        store.advance_audit(audit.id, stage, by=RECORDER)
    ex.audits[key] = audit.id
    return audit.id


def add_cases(ex: Example, audit: str, cases: Sequence[CaseSpec], questions: Sequence[str]) -> None:
    """The audit's cases and each agency's graded return for them."""
    for spec in cases:
        case = ex.store.add_case(ex.audits[audit], spec.reference, age_band=spec.age_band,
                                 involvement=spec.involvement, needs=list(spec.needs),
                                 discussed_at_panel=spec.discussed_at_panel, by=RECORDER)
        ex.cases[spec.reference] = case.id
        for agency, letters in spec.returns.items():
            assert len(letters) == len(questions), f"{spec.reference}: one grade per question"
            gradings = [(q, GRADE_LETTERS[g]) for q, g in zip(questions, letters)]
            ex.store.add_agency_return(case.id, ex.agencies[agency], gradings=gradings,
                                       by=ps.Actor("Single-agency auditor", agency=ex.agencies[agency]))


def add_finding(ex: Example, key: str, audit: str, category: str, text: str, themes: Sequence[str] = (),
                cases: Sequence[str] = (), agencies: Sequence[str] = ()) -> None:
    """A finding of an audit, tagged with its themes, cases and agencies."""
    ex.findings[key] = ex.store.add_finding(
        ex.audits[audit], category, text, themes=ex.theme_ids(themes), cases=[ex.cases[c] for c in cases],
        agencies=ex.agency_ids(agencies), by=RECORDER).id


def add_recommendation(ex: Example, key: str, audit: str, text: str, findings: Sequence[str]) -> None:
    """A recommendation of the audit's panel answering some of its findings."""
    ex.recommendations[key] = ex.store.add_recommendation(
        ex.audits[audit], text, findings=[ex.findings[f] for f in findings], by=RECORDER).id


@dataclass(frozen=True)
class ActionSpec:
    """An action as the monitoring group approved it. `owner` is an agency or
    group key; `answers` a recommendation or finding key."""

    code: str
    title: str
    owner: str
    role: str
    answers: str
    created_on: dt.date
    due_on: dt.date
    estimate_days: int
    success_measure: str
    description: str = ""
    lead: str = ""


def add_actions(ex: Example, partnership: str, audit: str, specs: Sequence[ActionSpec]) -> None:
    """The audit's actions, each owned by an agency (with a role) or a group."""
    for s in specs:
        by_group = s.owner in ex.groups
        ex.actions[s.code] = ex.store.add_action(
            ex.partnerships[partnership], ex.audits[audit], s.title, created_on=s.created_on, due_on=s.due_on,
            owner_group=ex.groups[s.owner] if by_group else None,
            owner_agency=None if by_group else ex.agencies[s.owner],
            owner_role=s.role, owner_lead=s.lead, estimate_days=s.estimate_days,
            recommendation=ex.recommendations.get(s.answers), finding=ex.findings.get(s.answers),
            success_measure=s.success_measure, description=s.description, by=RECORDER).id


def add_dependencies(ex: Example, pairs: Sequence[tuple[str, str, int, str]]) -> None:
    """(action, depends on, lag in days, why) for each dependency."""
    for action, depends_on, lag, why in pairs:
        ex.store.add_dependency(ex.actions[action], ex.actions[depends_on], lag_days=lag, by=RECORDER, why=why)


# --- North Yorkshire: domestic abuse MACFA, 2023 --------------------------------

def add_domestic_abuse_audit(ex: Example) -> None:
    """The 2023 multi-agency case file audit on domestic abuse, its findings and recommendations."""
    add_audit(ex, "da23", "nyscp", "Multi-agency case file audit: domestic abuse", "multi_agency_case_audit",
              day("2023-06-21"),
              themes=("voice of the child", "risk assessment tools", "information sharing", "record keeping and flags"),
              agencies=("police", "social_care", "gp", "acute", "health_visiting", "schools", "da_service"),
              scope="Children open to early help, child in need or a child protection plan in the six months "
                    "before the audit, where domestic abuse was a feature")
    add_cases(ex, "da23", DA_2023_CASES, DA_QUESTIONS)
    ex.store.add_concern(ex.audits["da23"], ex.cases["DA-03"], ex.agencies["social_care"],
                         "Younger sibling not seen since the incident; no record of a home visit",
                         raised_on=day("2023-06-21"), by=RECORDER)
    for args in DA_2023_FINDINGS:
        add_finding(ex, *args)
    for key, text, findings in DA_2023_RECOMMENDATIONS:
        add_recommendation(ex, key, "da23", text, findings)


DA_2023_FINDINGS: Sequence[tuple[str, str, str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = (
    ("da_recognition", "da23", "good_practice",
     "Recognition of domestic abuse: good multi-agency recognition of domestic abuse in referrals",
     ("risk assessment tools",), (), ()),
    ("da_sharing", "da23", "good_practice",
     "Information sharing: schools held minutes of meetings, information passed from primary to secondary "
     "school, and good cross-border working with the police",
     ("information sharing",), ("DA-02", "DA-04"), ("schools", "police")),
    ("da_challenge", "da23", "good_practice",
     "Professional challenge between agencies was managed well: professionals could disagree and agreed a way forward",
     ("professional curiosity",), ("DA-05",), ()),
    ("da_coding", "da23", "good_practice", "Appropriate coding of records in primary care",
     ("record keeping and flags",), ("DA-06",), ("gp",)),
    ("da_voice", "da23", "area_for_development",
     "Voice of the child: not consistently clear in the cases reviewed; more attention was placed on other "
     "members of the family", ("voice of the child",), ("DA-01", "DA-03", "DA-05", "DA-07"), ()),
    ("da_records", "da23", "area_for_development",
     "Record keeping: historical paper records not readily accessible, and a child's health record not "
     "flagged for domestic abuse", ("record keeping and flags",), ("DA-03", "DA-07"), ("gp", "acute")),
    ("da_minutes", "da23", "area_for_development",
     "Minutes of meetings were general rather than focused on specific points",
     ("record keeping and flags",), ("DA-03",), ("social_care",)),
    ("da_assessment", "da23", "area_for_development",
     "Assessment and planning: assessments need to consider the cumulative impact of domestic abuse on the "
     "child, and parental behaviour and support", ("risk assessment tools", "whole-family working"), (),
     ("social_care",)),
    ("da_curiosity", "da23", "area_for_development",
     "Professional curiosity: attachment issues and the risk of county lines and CSE could have been "
     "explored further", ("professional curiosity",), ("DA-05", "DA-07"), ()),
    ("da_dash", "da23", "worry", "DASH risk assessment not completed after a repeat incident",
     ("risk assessment tools",), ("DA-04", "DA-05"), ("police",)),
    ("da_sibling", "da23", "worry", "A younger sibling was not seen after the incident",
     ("whole-family working",), ("DA-03",), ("social_care",)),
    ("da_fathers", "da23", "learning_theme",
     "Engagement with fathers: fathers were integral to the care of children in some cases, but this was "
     "not always highlighted in records", ("whole-family working", "record keeping and flags"), (), ()),
    ("da_engagement", "da23", "learning_theme",
     "Professionals need to recognise the difference between parents' attendance and engagement",
     ("whole-family working",), (), ()),
)

DA_2023_RECOMMENDATIONS: Sequence[tuple[str, str, tuple[str, ...]]] = (
    ("da_r_voice", "Record the voice and lived experience of the child in every domestic abuse case", ("da_voice",)),
    ("da_r_dash", "Use the DASH risk assessment consistently and share its outcome with partners",
     ("da_dash", "da_assessment")),
    ("da_r_records", "Flag domestic abuse on health records and make historical records accessible",
     ("da_records",)),
    ("da_r_family", "Assess the cumulative impact of domestic abuse on the whole family, fathers included",
     ("da_assessment", "da_fathers", "da_engagement")),
    ("da_r_share", "Share the learning and information across the partnership workforce",
     ("da_sharing", "da_minutes")),
)


def add_domestic_abuse_actions(ex: Example) -> None:
    """The LIS action plan of the 2023 audit, approved on 2023-09-13 (two actions added in March 2024)."""
    approved = day("2023-09-13")
    added = day("2024-03-20")
    add_actions(ex, "nyscp", "da23", (
        ActionSpec("A1", "Revise the NYSCP Domestic Abuse Practice Guidance to put the child's lived experience first",
                   "lis", "", "da_r_voice", approved, day("2023-12-31"), 90,
                   "Guidance published; re-audit finds the voice of the child good or better in 75% of returns"),
        ActionSpec("A2", "Deliver DASH refresher training to response officers", "police",
                   "Detective Inspector, Public Protection", "da_r_dash", approved, day("2024-03-31"), 150,
                   "90% of response officers trained; DASH completed in every police return at re-audit",
                   "Half-day refresher, co-delivered with the domestic abuse service"),
        ActionSpec("A3", "Record the DASH outcome in the Children and Families assessment template", "social_care",
                   "Head of Service, Quality and Practice", "da_r_dash", approved, day("2024-06-30"), 60,
                   "DASH outcome recorded in 18 of a sample of 20 assessments"),
        ActionSpec("A4", "Flag domestic abuse on the child's GP record when notified by MARAC", "gp",
                   "Named GP for Safeguarding", "da_r_records", approved, day("2024-03-31"), 120,
                   "Flag added within 5 working days of a MARAC notification in 95% of cases"),
        ActionSpec("A5", "Make historical paper records available to the Multi-Agency Audit Group", "acute",
                   "Head of Safeguarding", "da_r_records", approved, day("2024-09-30"), 180,
                   "Historical records of audited children available within 10 working days"),
        ActionSpec("A6", "Agree a minute-taking standard for child protection conferences and core groups",
                   "social_care", "Service Manager, Child Protection Chairs", "da_minutes", approved,
                   day("2024-03-31"), 60, "Minutes with actions and owners circulated within 5 working days "
                                          "for 90% of core groups"),
        ActionSpec("A7", "Update assessment guidance on the cumulative impact of domestic abuse and parental support",
                   "social_care", "Principal Social Worker", "da_r_family", approved, day("2024-06-30"), 90,
                   "Re-audited assessments consider the cumulative impact of domestic abuse"),
        ActionSpec("A8", "Whole-family working: brief 0-19 teams on engaging fathers", "health_visiting",
                   "Safeguarding Lead, Healthy Child Programme", "da_fathers", approved, day("2024-12-31"), 45,
                   "Fathers' details recorded at 80% of new birth visits"),
        ActionSpec("A9", "Digitise the child protection files of the audited children", "acute",
                   "Health Records Manager", "da_r_records", added, day("2025-06-30"), 60,
                   "Files of every audited child held electronically"),
        ActionSpec("A10", "Run a professional curiosity masterclass: exploitation, county lines and attachment",
                   "lis", "", "da_curiosity", approved, day("2024-10-31"), 30,
                   "80% of attendees more confident to look beyond first impressions"),
        ActionSpec("A11", "Publish a 7 minute briefing on the voice of the child in domestic abuse", "lis", "",
                   "da_r_share", approved, day("2024-04-30"), 30,
                   "Briefing sent to every partner agency and discussed in team meetings"),
        ActionSpec("A12", "Agree a protocol for moving safeguarding files when children change school", "schools",
                   "Chair, Designated Safeguarding Leads network", "da_r_share", approved, day("2024-07-31"), 60,
                   "Files transferred within 5 school days for every child moving school in September 2024"),
        ActionSpec("A13", "Re-audit domestic abuse practice: voice of the child, DASH and record flags", "lis", "",
                   "da_r_voice", approved, day("2025-03-31"), 60,
                   "Re-audit reported to the LIS with its grades compared with 2023"),
        ActionSpec("A14", "Review the referral pathway for children as victims of domestic abuse in their own right",
                   "da_service", "Children and Young People's Service Manager", "da_r_family", added,
                   day("2024-12-31"), 120, "Pathway and referral form published (Domestic Abuse Act 2021)",
                   lead="R. Ahmed"),
    ))
    add_dependencies(ex, (
        ("A3", "A2", 0, "the template records the tool the training teaches"),
        ("A8", "A7", 0, "the briefing cites the updated assessment guidance"),
        ("A9", "A5", 0, "digitising follows the scanning pilot"),
        ("A11", "A1", 0, "the briefing summarises the revised guidance"),
        ("A13", "A1", 90, "practice needs a quarter to change before it is re-audited"),
        ("A13", "A2", 90, "practice needs a quarter to change before it is re-audited"),
    ))


# --- North Yorkshire: child to adult conflict QA audit, 2024 -----------------------

def add_child_to_adult_conflict_audit(ex: Example) -> None:
    """The July 2024 QA audit: ten children, six discussed, flags on records."""
    add_audit(ex, "cac24", "nyscp", "Multi Agency Quality Assurance Audit: Child to Adult Conflict", "qa_audit",
              day("2024-07-03"),
              themes=("voice of the child", "trauma", "record keeping and flags", "transition to adulthood"),
              agencies=("gp", "social_care", "police", "youth_justice", "camhs", "schools", "da_service"),
              scope="Children aged 9 to 17 where there is child to adult abuse")
    add_cases(ex, "cac24", CAC_2024_CASES, CAC_QUESTIONS)
    concern = ex.store.add_concern(ex.audits["cac24"], ex.cases["CAC-04"], ex.agencies["gp"],
                                   "Self-harm disclosed at school not known to the GP",
                                   raised_on=day("2024-07-03"), by=RECORDER)
    ex.store.answer_concern(concern.id, on=day("2024-07-17"),
                            answer="GP saw the young person and referred to CAMHS", by=ps.Actor(
                                "Named GP for Safeguarding", agency=ex.agencies["gp"]))
    for args in CAC_2024_FINDINGS:
        add_finding(ex, *args)
    for key, text, findings in CAC_2024_RECOMMENDATIONS:
        add_recommendation(ex, key, "cac24", text, findings)
    add_flags(ex)


CAC_2024_FINDINGS: Sequence[tuple[str, str, str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = (
    ("cac_repeat_plans", "cac24", "worry",
     "Long-term involvement but unable to sustain long-term change: repeat child protection plans for a child",
     ("whole-family working",), ("CAC-07",), ()),
    ("cac_flags", "cac24", "worry", "Flags on records can become out of date and can 'label' a child inappropriately",
     ("record keeping and flags",), ("CAC-03", "CAC-07"), ("police", "gp")),
    ("cac_voice", "cac24", "worry",
     "Lack of the child's voice in police records, the young person only considered as a 'perpetrator'; the "
     "parent's voice dominant in GP records", ("voice of the child",), ("CAC-02", "CAC-03", "CAC-07"),
     ("police", "gp")),
    ("cac_transition", "cac24", "worry", "No evidence of work for a 17 year old transitioning into adulthood",
     ("transition to adulthood",), ("CAC-10",), ("social_care",)),
    ("cac_minutes", "cac24", "worry", "Delay in circulating minutes and updated plans after child in need meetings",
     ("information sharing", "record keeping and flags"), (), ("social_care",)),
    ("cac_camhs", "cac24", "worry",
     "CAMHS not included in multi-agency meetings because the child was on its waiting list",
     ("information sharing",), ("CAC-04",), ("camhs",)),
    ("cac_exploitation", "cac24", "good_practice",
     "Good understanding of exploitation and multi-agency working; good information sharing across the audit group",
     ("information sharing",), (), ()),
    ("cac_meetings", "cac24", "good_practice", "Strategies, core groups and MARMM meetings well attended", (), (), ()),
    ("cac_words", "cac24", "good_practice", "Words and Pictures work evident in records", ("voice of the child",),
     ("CAC-05",), ("social_care",)),
    ("cac_nvr", "cac24", "good_practice",
     "Non Violent Resistance work with two children, and relationship work to strengthen family relationships",
     ("whole-family working",), ("CAC-01", "CAC-09"), ()),
    ("cac_eit", "cac24", "area_for_development",
     "Exploitation Identification Tool completed when required, but no evidence of timely review",
     ("risk assessment tools", "record keeping and flags"), ("CAC-02",), ("social_care",)),
    ("cac_trauma", "cac24", "learning_theme",
     "Working with trauma: consider what has happened in the child's life as well as the presenting behaviour",
     ("trauma",), (), ()),
    ("cac_da_history", "cac24", "learning_theme",
     "A history of exposure to domestic abuse in every case, although domestic abuse was not the audit's theme",
     ("trauma",), (), ()),
    ("cac_curious", "cac24", "learning_theme", "Be curious, rather than looking at situations on face value",
     ("professional curiosity",), (), ()),
)

CAC_2024_RECOMMENDATIONS: Sequence[tuple[str, str, tuple[str, ...]]] = (
    ("cac_r_voice", "Record the child's own voice, including when the young person is seen as the perpetrator",
     ("cac_voice",)),
    ("cac_r_flags", "Make every flag on a child's record evidence-based and review it", ("cac_flags", "cac_eit")),
    ("cac_r_transition", "Plan the transition to adulthood with adult services from 16", ("cac_transition",)),
    ("cac_r_trauma", "Practitioners from every agency take up the multi-agency trauma and domestic abuse training",
     ("cac_trauma", "cac_da_history", "cac_repeat_plans")),
)


def add_flags(ex: Example) -> None:
    """Flags and a screening tool the 2024 audit found, each re-reviewed on its own cycle."""
    store = ex.store
    ny = ex.partnerships["nyscp"]
    police_flag = store.add_reviewable_item(
        ny, "record_flag", "Police record flag: risk to officers from the young person (case CAC-03)",
        placed_on=day("2024-04-10"), review_every_months=6, audit=ex.audits["cac24"], case=ex.cases["CAC-03"],
        agency=ex.agencies["police"], by=RECORDER)
    store.review_item(police_flag.id, on=day("2024-10-09"), note="Still evidenced by an incident in September",
                      by=ps.Actor("Detective Chief Inspector, Safeguarding", agency=ex.agencies["police"]))
    store.add_reviewable_item(
        ny, "record_flag", "GP record alert: violent patient (case CAC-07)", placed_on=day("2024-02-14"),
        review_every_months=6, audit=ex.audits["cac24"], case=ex.cases["CAC-07"], agency=ex.agencies["gp"],
        by=RECORDER)
    tool = store.add_reviewable_item(
        ny, "screening_tool", "Exploitation Identification Tool (case CAC-02)", placed_on=day("2024-05-22"),
        review_every_months=3, audit=ex.audits["cac24"], case=ex.cases["CAC-02"],
        agency=ex.agencies["social_care"], by=RECORDER)
    for on in ("2024-08-21", "2024-11-20", "2025-02-19"):
        store.review_item(tool.id, on=day(on), note="Reviewed with the young person's social worker",
                          by=ps.Actor("Social Worker", agency=ex.agencies["social_care"]))


def add_child_to_adult_conflict_actions(ex: Example) -> None:
    """The LIS action plan of the 2024 audit, approved on 2024-09-18."""
    approved = day("2024-09-18")
    add_actions(ex, "nyscp", "cac24", (
        ActionSpec("B1", "Record the young person's voice in child to parent violence incidents", "police",
                   "Superintendent, Safeguarding", "cac_r_voice", approved, day("2024-12-31"), 60,
                   "Young person's voice recorded in 90% of incident logs in a monthly dip sample"),
        ActionSpec("B2", "GP practices: use bold text to make the voice of the child stand out in records", "gp",
                   "Named GP for Safeguarding", "cac_r_voice", approved, day("2025-01-31"), 30,
                   "Practice learning note sent to all 68 practices"),
        ActionSpec("B3", "Review every flag on a child's record against its evidence every six months", "police",
                   "Detective Chief Inspector, Safeguarding", "cac_r_flags", approved, day("2025-03-31"), 90,
                   "Every flag reviewed within 6 months of being placed, with its evidence recorded"),
        ActionSpec("B4", "Agree a transition plan with adult services for every 17 year old", "social_care",
                   "Head of Service, Leaving Care and Transitions", "cac_r_transition", approved,
                   day("2025-06-30"), 60, "Every 17 year old open to children's services has a transition plan"),
        ActionSpec("B5", "Agree the terms of reference of a joint children's and adults' transitions panel", "board",
                   "", "cac_r_transition", approved, day("2025-04-30"), 75,
                   "Terms of reference agreed by both boards"),
        ActionSpec("B6", "Promote the multi-agency trauma and domestic abuse training and monitor take-up", "lis", "",
                   "cac_r_trauma", approved, day("2025-03-31"), 30,
                   "80% of places filled, with every agency represented"),
        ActionSpec("B7", "Invite CAMHS to multi-agency meetings for children on its waiting list", "camhs",
                   "Clinical Lead, CAMHS", "cac_camhs", approved, day("2024-11-30"), 30,
                   "CAMHS invited to every strategy and core group meeting for waiting-list children"),
    ))
    add_dependencies(ex, (("B4", "B5", 0, "the plans go to the transitions panel"),))


# --- North Yorkshire: the re-audit, 2025 ---------------------------------------------

def add_reaudit(ex: Example) -> None:
    """The February 2025 re-audit of the domestic abuse audit and its two new actions."""
    add_audit(ex, "da25", "nyscp", "Re-audit: multi-agency response to domestic abuse", "re_audit",
              day("2025-02-12"),
              themes=("voice of the child", "risk assessment tools", "information sharing", "record keeping and flags"),
              agencies=("police", "social_care", "gp", "acute", "health_visiting", "schools", "da_service"),
              scope="Children newly open to services since April 2024 where domestic abuse was a feature",
              reaudit_of="da23")
    add_cases(ex, "da25", DA_2025_CASES, DA_QUESTIONS)
    ex.store.add_concern(ex.audits["da25"], ex.cases["DA-R-04"], ex.agencies["police"],
                         "A repeat incident at the home was not shared with the child's school",
                         raised_on=day("2025-02-12"), by=RECORDER)
    add_finding(ex, "re_voice", "da25", "good_practice",
                "The voice of the child was evident in most returns, often in the child's own words",
                ("voice of the child",))
    add_finding(ex, "re_dash", "da25", "good_practice",
                "DASH risk assessments completed and shared with partners in the police returns",
                ("risk assessment tools", "information sharing"), (), ("police",))
    add_finding(ex, "re_flags", "da25", "area_for_development",
                "Domestic abuse flags on GP records are still inconsistent", ("record keeping and flags",),
                ("DA-R-01", "DA-R-03", "DA-R-05"), ("gp",))
    add_finding(ex, "re_school", "da25", "worry", "A repeat incident was not shared with the child's school",
                ("information sharing",), ("DA-R-04",), ("police", "schools"))
    add_recommendation(ex, "re_r_share", "da25", "Tell the workforce what changed since 2023, and what did not",
                       ("re_voice", "re_dash", "re_flags"))
    added = day("2025-03-19")
    add_actions(ex, "nyscp", "da25", (
        ActionSpec("C1", "Publish a 7 minute briefing on the re-audit's findings", "lis", "", "re_r_share", added,
                   day("2025-04-30"), 30, "Briefing published and sent to every agency"),
        ActionSpec("C2", "Check a sample of GP records for domestic abuse flags after the system change", "gp",
                   "Named GP for Safeguarding", "re_flags", added, day("2025-09-30"), 30,
                   "Domestic abuse flagged in 95% of a sample of 50 records"),
    ))
    add_dependencies(ex, (("C2", "A4", 0, "the check follows the GP system change"),))


# --- North Lincolnshire: teenage relationship abuse line of sight, 2023 --------------

def add_line_of_sight_event(ex: Example) -> None:
    """North Lincolnshire's March 2023 line-of-sight event and its SPLIG action plan."""
    add_audit(ex, "tra23", "mars", "Practice learning line of sight event: teenage relationship abuse",
              "line_of_sight_event", day("2023-03-08"), themes=("whole-family working", "professional curiosity"),
              agencies=("humberside_police", "nl_children", "nl_health", "blue_door"),
              scope="Young people in abusive relationships known to two or more agencies")
    add_cases(ex, "tra23", TRA_2023_CASES, ())
    for key, category, text, themes in (
        ("tra_tenacious", "good_practice", "Practitioners were tenacious and willing to have difficult conversations", ()),
        ("tra_communication", "good_practice",
         "Communication between agencies was strong: all practitioners knew the family", ("information sharing",)),
        ("tra_aces", "good_practice",
         "Professionals were quick to recognise adverse childhood experiences and past trauma", ("trauma",)),
        ("tra_curiosity", "good_practice", "Evidence of professional curiosity and the use of fewest best interventions",
         ("professional curiosity",)),
        ("tra_blue_door", "area_for_development",
         "Practitioners would benefit from understanding The Blue Door's interventions, such as the Respect Programme",
         ()),
        ("tra_tools", "area_for_development",
         "Research tools for early work with young people who harm through their relationships",
         ("risk assessment tools",)),
        ("tra_family", "learning_theme", "Whole family working, including siblings and the wider family network",
         ("whole-family working",)),
    ):
        add_finding(ex, key, "tra23", category, text, themes)
    approved = day("2023-04-19")
    add_actions(ex, "mars", "tra23", (
        ActionSpec("N1", "Brief practitioners on the Respect Programme for young people who harm", "blue_door",
                   "Service Manager", "tra_blue_door", approved, day("2023-09-30"), 60,
                   "Briefing delivered to the early help and social work teams"),
        ActionSpec("N2", "Publish tools for early work with young people who harm in relationships", "splig", "",
                   "tra_tools", approved, day("2023-12-31"), 90, "Toolkit on the Children's MARS website"),
        ActionSpec("N3", "Name siblings and the wider family network in One Family Approach assessments",
                   "nl_children", "Head of Early Help", "tra_family", approved, day("2024-03-31"), 120,
                   "Siblings considered in every re-audited assessment"),
        ActionSpec("N4", "Publish the 7 minute briefing of the event", "splig", "", "tra_tenacious", approved,
                   day("2023-06-30"), 30, "Briefing published and shared with every partner"),
    ))


# --- the story, quarter by quarter ----------------------------------------------------

NY_ATTENDING = ("police", "social_care", "gp", "acute", "health_visiting", "schools", "da_service")
NL_ATTENDING = ("humberside_police", "nl_children", "nl_health", "blue_door")


def answer_first_concern(ex: Example) -> None:
    """Social care answers the concern raised on the audit day within a week."""
    concern = next(c for c in ex.store.plan.concerns() if c.audit == ex.audits["da23"])
    ex.store.answer_concern(concern.id, on=day("2023-06-28"),
                            answer="Home visit made; the sibling was seen and spoken with alone; strategy "
                                   "discussion held", by=ps.Actor("Team Manager", agency=ex.agencies["social_care"]))


def splig_2023(ex: Example) -> None:
    """North Lincolnshire, April to December 2023."""
    ex.report("N4", day("2023-06-14"), "complete", "BLUE", "Published on the Children's MARS website",
              completed_on=day("2023-06-01"))
    ex.evidence("N4", day("2023-06-01"), "completion", "7 minute briefing published and sent to all partners")
    ex.report("N1", day("2023-06-14"), "in_progress", "GREEN", "Sessions booked for July")
    ex.report("N2", day("2023-06-14"), "in_progress", "GREEN", "Scoping national resources")
    ex.report("N2", day("2023-09-13"), "in_progress", "GREEN", "Regional toolkit expected in the autumn")
    ex.report("N3", day("2023-09-13"), "in_progress", "GREEN", "Assessment guidance review started")
    ex.report("N1", day("2023-09-13"), "complete", "BLUE", "Two sessions delivered", completed_on=day("2023-09-12"))
    ex.evidence("N1", day("2023-09-12"), "completion", "Slides and attendance list: 54 practitioners")
    ex.evidence("N1", day("2023-12-06"), "impact", "Referrals to the Respect Programme rose from 3 to 11 in a quarter")
    ex.report("N2", day("2023-12-06"), "in_progress", "AMBER", "Regional toolkit delayed")
    ex.report("N3", day("2023-12-06"), "in_progress", "GREEN", "Draft shared with early help teams")
    ex.meet("splig", day("2023-12-13"), NL_ATTENDING, [
        ex.outcome("N1", "assure", note="Referral figures show the briefing reached practice"),
        ex.outcome("N2", "extend", new_due=day("2024-03-31"), reason="Waiting for the regional toolkit"),
        ex.outcome("N3", "continue", note="On track"),
    ], "SPLIG Q4 2023")


def splig_2024_june(ex: Example) -> None:
    """North Lincolnshire, first half of 2024: the toolkit lands, the family guidance stalls."""
    ex.report("N2", day("2024-03-13"), "complete", "BLUE", "Toolkit published", completed_on=day("2024-02-15"))
    ex.evidence("N2", day("2024-02-15"), "completion", "Toolkit page on the Children's MARS website")
    ex.report("N3", day("2024-03-13"), "in_progress", "AMBER", "Merged with the One Family Approach refresh")
    ex.report("N3", day("2024-06-05"), "in_progress", "RED", "Refresh delayed by a restructure")
    ex.meet("splig", day("2024-06-12"), NL_ATTENDING, [
        ex.outcome("N3", "continue", note="Owner to bring a revised date"),
    ], "SPLIG Q2 2024")


def splig_2024_december(ex: Example) -> None:
    """North Lincolnshire, second half of 2024: the family guidance escalated."""
    ex.report("N3", day("2024-09-04"), "in_progress", "RED", "No change this quarter")
    ex.meet("splig", day("2024-12-04"), NL_ATTENDING, [
        ex.outcome("N3", "escalate", escalated_to="mars_board", reason="Overdue and no update for a quarter"),
    ], "SPLIG Q4 2024")


def lis_2023(ex: Example) -> None:
    """North Yorkshire's first review of the domestic abuse plan, December 2023."""
    on = day("2023-12-06")
    ex.report("A1", on, "in_progress", "AMBER", "Draft out to partners for consultation")
    ex.report("A2", on, "in_progress", "GREEN", "Course designed with the domestic abuse service")
    ex.report("A3", on, "not_started", "GREEN", "Waits for the DASH training")
    ex.report("A4", on, "in_progress", "GREEN", "Coding guidance drafted with the ICB")
    ex.report("A5", on, "not_started", "GREEN", "Scoping with health records")
    ex.report("A6", on, "in_progress", "GREEN", "Standard agreed with the chairs")
    ex.report("A7", on, "in_progress", "GREEN", "Literature review done")
    ex.report("A8", on, "not_started", "GREEN", "Waits for the assessment guidance")
    ex.report("A11", on, "not_started", "GREEN", "Waits for the revised guidance")
    ex.meet("lis", day("2023-12-13"), NY_ATTENDING, [
        ex.outcome("A1", "extend", new_due=day("2024-03-31"), reason="Consultation with partners runs to February"),
        ex.outcome("A2", "continue", note="First sessions in January"),
    ], "LIS 2023/24 Q3")


def lis_2024_march(ex: Example) -> None:
    """March 2024: the guidance out, the training late, two actions added to the plan."""
    on = day("2024-03-13")
    ex.report("A1", on, "complete", "BLUE", "Published on the NYSCP website", completed_on=day("2024-03-01"))
    ex.evidence("A1", day("2024-03-01"), "completion", "Revised guidance and a one-page summary for practitioners")
    ex.report("A2", on, "in_progress", "AMBER", "298 of 450 officers trained; shift patterns limit release")
    ex.report("A4", on, "in_progress", "AMBER", "Waiting for the clinical system supplier")
    ex.report("A5", on, "in_progress", "GREEN", "Scanning pilot in one hospital")
    ex.report("A6", on, "complete", "BLUE", "Standard issued", completed_on=day("2024-03-08"))
    ex.evidence("A6", day("2024-03-08"), "completion", "Minute-taking standard issued to chairs and minute takers")
    ex.report("A7", on, "in_progress", "GREEN", "Drafting")
    ex.report("A10", on, "not_started", "GREEN", "Booked for October")
    ex.report("A11", on, "in_progress", "GREEN", "Drafting from the revised guidance")
    ex.report("A12", on, "in_progress", "GREEN", "Draft protocol with the DSL network")
    ex.meet("lis", day("2024-03-20"), NY_ATTENDING, [
        ex.outcome("A1", "continue", note="Impact to be tested by the re-audit"),
        ex.outcome("A2", "extend", new_due=day("2024-06-30"), reason="Release of officers from shifts"),
        ex.outcome("A4", "extend", new_due=day("2024-09-30"), reason="Clinical system supplier change"),
    ], "LIS 2023/24 Q4")


def lis_2024_june(ex: Example) -> None:
    """June 2024: the training done, the records pilot paused."""
    on = day("2024-06-12")
    ex.report("A2", on, "complete", "BLUE", "412 of 450 response officers trained", completed_on=day("2024-06-07"))
    ex.evidence("A2", day("2024-06-07"), "completion", "Training register: 412 of 450 response officers (92%)")
    ex.report("A3", on, "in_progress", "GREEN", "Template change in test")
    ex.report("A4", on, "in_progress", "AMBER", "Supplier release planned for September")
    ex.report("A5", on, "in_progress", "AMBER", "Pilot paused: records team vacancies")
    ex.report("A7", on, "in_progress", "AMBER", "Final draft with legal services")
    ex.report("A9", on, "not_started", "GREEN", "Waits for the scanning pilot")
    ex.report("A10", on, "not_started", "GREEN", "Venue and speakers confirmed")
    ex.report("A11", on, "complete", "BLUE", "Published", completed_on=day("2024-04-26"))
    ex.evidence("A11", day("2024-04-26"), "completion", "7 minute briefing published and sent to 9 agencies")
    ex.report("A12", on, "in_progress", "GREEN", "Protocol out for comment")
    ex.report("A14", on, "in_progress", "GREEN", "Pathway mapped with social care")
    ex.meet("lis", day("2024-06-19"), NY_ATTENDING, [
        ex.outcome("A5", "continue", note="Trust to report on recruitment"),
        ex.outcome("A7", "extend", new_due=day("2024-08-31"), reason="Legal review of the guidance"),
    ], "LIS 2024/25 Q1")


def lis_2024_september(ex: Example) -> None:
    """September 2024: the second audit reported, assurance of two early actions."""
    on = day("2024-09-11")
    ex.report("A3", on, "complete", "BLUE", "Template live", completed_on=day("2024-09-02"))
    ex.evidence("A3", day("2024-09-02"), "completion", "Assessment template and practice note")
    ex.report("A4", on, "in_progress", "RED", "Supplier release slipped to November")
    ex.report("A5", on, "in_progress", "RED", "No progress this quarter")
    ex.report("A7", on, "complete", "BLUE", "Guidance published", completed_on=day("2024-08-28"))
    ex.evidence("A7", day("2024-08-28"), "completion", "Practice guidance and a recorded webinar")
    ex.report("A8", on, "in_progress", "GREEN", "Briefing drafted")
    ex.report("A9", on, "not_started", "GREEN", "Waits for the scanning pilot")
    ex.report("A10", on, "in_progress", "GREEN", "All places booked")
    ex.report("A12", on, "complete", "BLUE", "Protocol agreed by the DSL network", completed_on=day("2024-07-19"))
    ex.report("A13", on, "not_started", "GREEN", "Re-audit planned for February")
    ex.report("A14", on, "in_progress", "GREEN", "Draft referral form")
    ex.evidence("A6", day("2024-09-04"), "impact", "Dip sample: 27 of 30 core group minutes circulated in 5 days")
    ex.evidence("A11", day("2024-09-04"), "impact", "Survey: 171 of 240 practitioners discussed it in supervision")
    ex.meet("lis", day("2024-09-18"), NY_ATTENDING, [
        ex.outcome("A4", "extend", new_due=day("2024-12-31"), reason="Supplier release slipped"),
        ex.outcome("A5", "continue", note="Trust to bring a recovery plan"),
        ex.outcome("A6", "assure", note="Impact evidenced by the dip sample"),
        ex.outcome("A11", "assure", note="Reached supervision in most agencies"),
    ], "LIS 2024/25 Q2; child to adult conflict audit reported and its actions approved")


def lis_2024_december(ex: Example) -> None:
    """December 2024: extensions, an escalation to the board, a change of owner."""
    on = day("2024-12-04")
    ex.report("A4", on, "in_progress", "AMBER", "Release installed in 40 of 68 practices")
    ex.report("A8", on, "complete", "BLUE", "Delivered to 14 of 14 teams", completed_on=day("2024-11-29"))
    ex.evidence("A8", day("2024-11-29"), "completion", "Attendance: 14 of 14 0-19 teams")
    ex.report("A9", on, "not_started", "GREEN", "Waits for the scanning pilot")
    ex.report("A13", on, "in_progress", "GREEN", "Cases selected")
    ex.report("A14", on, "in_progress", "AMBER", "Service being recommissioned from April")
    ex.report("B1", on, "in_progress", "AMBER", "Needs the force's recording system update")
    ex.report("B2", on, "in_progress", "GREEN", "Learning note drafted")
    ex.report("B3", on, "in_progress", "GREEN", "Police flags listed")
    ex.report("B4", on, "not_started", "GREEN", "Waits for the transitions panel")
    ex.report("B5", on, "in_progress", "GREEN", "Draft terms of reference")
    ex.report("B6", on, "in_progress", "GREEN", "Courses advertised")
    ex.report("B7", on, "complete", "BLUE", "Invitation lists changed", completed_on=day("2024-11-28"))
    ex.evidence("B7", day("2024-11-28"), "completion", "Invitation lists include the CAMHS duty worker")
    ex.meet("lis", day("2024-12-11"), NY_ATTENDING + ("camhs", "youth_justice"), [
        ex.outcome("A4", "continue", note="Most practices done"),
        ex.outcome("A5", "escalate", escalated_to="board", reason="Overdue with no progress in two quarters"),
        ex.outcome("A10", "complete", note="86 practitioners from 9 agencies attended"),
        ex.outcome("A14", "extend", new_due=day("2025-03-15"), reason="Service recommissioning"),
        ex.outcome("B1", "extend", new_due=day("2025-03-31"), reason="System update scheduled for February"),
    ], "LIS 2024/25 Q3")
    ex.store.change_owner(ex.actions["B3"], on=day("2024-12-11"), owner_group=ex.groups["lis"],
                          reason="The review spans every agency's records; the LIS leads it", by=RECORDER)
    ex.evidence("A10", day("2024-12-11"), "completion", "Attendance: 86 practitioners from 9 agencies")


def lis_2025_march(ex: Example) -> None:
    """March 2025: the re-audit reported, assurance, a third extension, an escalation."""
    on = day("2025-03-12")
    ex.report("A4", on, "in_progress", "AMBER", "58 of 68 practices; the rest migrate in May")
    ex.report("A9", on, "not_started", "AMBER", "Still waiting for the scanning pilot")
    ex.report("A13", on, "complete", "BLUE", "Re-audit reported to the LIS")
    ex.evidence("A13", on, "completion", "Re-audit report with grades compared with 2023")
    ex.report("A14", on, "in_progress", "RED", "New provider starts in April")
    ex.report("B1", on, "in_progress", "AMBER", "System update live; first dip sample in April")
    ex.report("B2", on, "complete", "BLUE", "Learning note sent to 68 practices", completed_on=day("2025-01-24"))
    ex.evidence("B2", day("2025-01-24"), "completion", "Learning note and the practices' acknowledgements")
    ex.report("B3", on, "in_progress", "AMBER", "Procedure drafted; agencies to confirm their review cycles")
    ex.report("B4", on, "not_started", "GREEN", "Waits for the transitions panel")
    ex.report("B5", on, "in_progress", "AMBER", "Safeguarding Adults Board meets in April")
    ex.report("B6", on, "in_progress", "GREEN", "64% of places filled")
    ex.evidence("A1", day("2025-03-14"), "impact", "Re-audit: voice of the child good or better in most returns")
    ex.evidence("A2", day("2025-03-14"), "impact", "Re-audit: DASH completed and shared in 6 of 6 police returns")
    ex.evidence("A8", day("2025-03-05"), "impact", "New birth visits, January and February: fathers recorded in 84%")
    ex.evidence("B7", day("2025-03-05"), "impact", "CAMHS attended 11 of 12 meetings for waiting-list children")
    ex.meet("lis", day("2025-03-19"), NY_ATTENDING + ("camhs", "youth_justice"), [
        ex.outcome("A1", "assure", note="Re-audit shows the voice of the child in most returns"),
        ex.outcome("A2", "assure", note="Re-audit shows DASH in every police return"),
        ex.outcome("A4", "extend", new_due=day("2025-06-30"), reason="Remaining practices migrate in May"),
        ex.outcome("A14", "escalate", escalated_to="board", reason="Overdue after an extension; waits on commissioning"),
        ex.outcome("B7", "assure", note="Attendance figures evidence the change"),
    ], "LIS 2024/25 Q4; re-audit reported and two actions added")
    ex.report("C1", day("2025-03-26"), "not_started", "GREEN", "Drafting starts in April")
    ex.report("C2", day("2025-03-26"), "not_started", "GREEN", "Waits for the GP system change")


# --- putting it together -------------------------------------------------------------------

def build_example_store(path: str | os.PathLike[str] = ":memory:") -> ps.Store:
    """Builds the example into the store at `path` (a new file, or ':memory:')
    and returns the store. Raises ValueError if the store already holds a plan."""
    store = ps.open(path)
    if store.plan.partnerships():
        raise ValueError(f"{store.path} already holds a plan; build the example into a new store")
    ex = Example(store)
    add_vocabulary(ex)
    add_partnerships(ex)
    add_line_of_sight_event(ex)
    add_domestic_abuse_audit(ex)
    answer_first_concern(ex)
    add_domestic_abuse_actions(ex)
    splig_2023(ex)
    lis_2023(ex)
    lis_2024_march(ex)
    splig_2024_june(ex)
    lis_2024_june(ex)
    add_child_to_adult_conflict_audit(ex)
    add_child_to_adult_conflict_actions(ex)
    lis_2024_september(ex)
    splig_2024_december(ex)
    lis_2024_december(ex)
    add_reaudit(ex)
    lis_2025_march(ex)
    return store


def summary_line(store: ps.Store, as_of: dt.date = REVIEW_DATE) -> str:
    """One line: what the store holds and the plan's state at `as_of`."""
    plan = store.plan
    parts = plan.review_summary(as_of).partnerships
    breaches = ps.RuleSet.builtin().check(plan, as_of=as_of).count("breach")
    return (f"{store.path}: {len(plan.partnerships())} partnerships, {len(plan.audits())} audits, "
            f"{len(plan.actions())} actions; at {as_of}: {sum(p.overdue for p in parts)} overdue, "
            f"{sum(p.blocked for p in parts)} blocked, {sum(p.complete for p in parts)} complete, "
            f"{sum(p.assured for p in parts)} assured, {breaches} rule breaches")


def main(argv: Sequence[str]) -> int:
    """`example_partnership.py [OUT.db]`: builds the store (in memory without a path) and prints its summary."""
    if len(argv) > 2:
        print("usage: example_partnership.py [OUT.db]", file=sys.stderr)
        return 2
    store = build_example_store(argv[1] if len(argv) == 2 else ":memory:")
    print(summary_line(store))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
