"""Helpers of the plansight Python tests: test data, a sample plan, comparisons.

The tests run against the installed package (``pip install .[test]``), from
any directory; the repository root is found from this file's path, for the
workload generator, the reference answers and the committed stub.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import plansight as ps

REPO_ROOT = Path(__file__).resolve().parents[2]
WORKLOAD_GENERATOR = REPO_ROOT / "bench" / "workload" / "gen_workload.py"
REFERENCE_ANSWERS = REPO_ROOT / "bench" / "workload" / "reference" / "answers-10000"

ME = ps.Actor("LIS business manager")


def day(text: str) -> dt.date:
    """An ISO date, for readable test data."""
    return dt.date.fromisoformat(text)


def describe(value: Any) -> Any:
    """A plain, comparable form of a bound value: its properties, recursively."""
    if isinstance(value, (list, tuple)):
        return [describe(v) for v in value]
    if isinstance(value, dict):
        return {describe(k): describe(v) for k, v in value.items()}
    properties = [n for n, v in vars(type(value)).items() if isinstance(v, property)]
    if not properties:
        return value
    return {name: describe(getattr(value, name)) for name in properties}


COLLECTIONS = (
    "partnerships",
    "agencies",
    "groups",
    "themes",
    "audits",
    "cases",
    "agency_returns",
    "findings",
    "recommendations",
    "actions",
    "concerns",
    "dependencies",
    "review_cycles",
    "reviewable_items",
    "reviews",
    "briefings",
)


def snapshot(plan: ps.Plan) -> dict[str, Any]:
    """Everything a plan holds, as plain data."""
    return {name: describe(getattr(plan, name)()) for name in COLLECTIONS}


def counts(plan: ps.Plan) -> dict[str, int]:
    """How many of each entity kind a plan holds."""
    return {name: len(getattr(plan, name)()) for name in COLLECTIONS}


@dataclass
class Sample:
    """A small plan with one of every entity kind, built through a store."""

    store: ps.Store
    partnership: ps.Partnership
    police: ps.Agency
    social_care: ps.Agency
    lis: ps.Group
    theme: ps.Theme
    audit: ps.Audit
    case: ps.Case
    agency_return: ps.AgencyReturn
    finding: ps.Finding
    recommendation: ps.Recommendation
    training: ps.Action  # owned by the police, answers the recommendation
    procedure: ps.Action  # owned by the LIS, depends on training
    concern: ps.ImmediateConcern


def build_sample(store: ps.Store) -> Sample:
    """Adds one of every entity kind to `store`."""
    partnership = store.add_partnership("North Yorkshire SCP", by=ME)
    police = store.add_agency("Police", "police", by=ME)
    social_care = store.add_agency("Children's Social Care", ps.Sector.local_authority, by=ME)
    lis = store.add_group(partnership.id, "Learning and Improvement Subgroup", by=ME)
    theme = store.add_theme("domestic abuse", by=ME)
    audit = store.add_audit(
        partnership.id,
        "Multi-Agency Response to Domestic Abuse",
        "learning_themes_audit",
        day("2024-03-14"),
        themes=[theme.id],
        agencies=[police.id, social_care.id],
        scope="children with a DASH risk assessment in 2023",
        by=ME,
    )
    case = store.add_case(
        audit.id, "DA-01", age_band=(9, 17), involvement="child_in_need",
        needs=["domestic abuse"], discussed_at_panel=True, by=ME,
    )
    agency_return = store.add_agency_return(
        case.id, police.id,
        gradings=[("voice of the child evident", "requires_improvement"),
                  ("risk assessment tool used", ps.Grade.good)],
        by=ME,
    )
    finding = store.add_finding(
        audit.id, "area_for_development", "Voice of the child not consistently recorded",
        themes=[theme.id], cases=[case.id], agencies=[police.id], by=ME,
    )
    recommendation = store.add_recommendation(
        audit.id, "Refresh DASH training for first responders", findings=[finding.id], by=ME,
    )
    training = store.add_action(
        partnership.id, audit.id, "Deliver DASH refresher training",
        owner_agency=police.id, owner_role="Detective Inspector, Public Protection",
        owner_lead="DI Smith", created_on=day("2024-04-01"), due_on=day("2024-09-30"),
        estimate_days=90, recommendation=recommendation.id,
        description="Half-day refresher for all response officers",
        success_measure="90% of officers trained", by=ME,
    )
    procedure = store.add_action(
        partnership.id, audit.id, "Revise the multi-agency DA procedure",
        owner_group=lis.id, created_on=day("2024-04-01"), due_on=day("2024-12-31"),
        estimate_days=60, finding=finding.id, by=ME,
    )
    store.add_dependency(procedure.id, training.id, by=ME)
    concern = store.add_concern(
        audit.id, case.id, social_care.id, "Sibling not seen since the incident",
        raised_on=day("2024-03-14"), by=ME,
    )
    return Sample(store, partnership, police, social_care, lis, theme, audit, case,
                  agency_return, finding, recommendation, training, procedure, concern)



def reference_lines(query: str) -> list[bytes]:
    """The reference answer lines of a query for N = 10,000, sorted bytewise."""
    return sorted((REFERENCE_ANSWERS / f"{query}.txt").read_bytes().splitlines())


def sorted_lines(lines: list[str]) -> list[bytes]:
    """Answer lines as the reference keeps them: UTF-8, sorted bytewise."""
    return sorted(line.encode() for line in lines)
