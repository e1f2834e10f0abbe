"""A testing kit for policy rules: build a small plan in a few lines and ask
what a rule finds in it. Works with pytest or any other test runner::

    import datetime as dt
    import plansight as ps
    from plansight.testing import Builder, fires_for, results_of

    def test_overdue_fires_the_day_after_the_due_date():
        b = Builder()
        a = b.add_action(created_on=dt.date(2024, 1, 10), due_on=dt.date(2024, 3, 31))
        rule = ps.builtin_rule("overdue")
        assert not fires_for(rule, b.plan, dt.date(2024, 3, 31), ps.Subject.action(a))
        assert fires_for(rule, b.plan, dt.date(2024, 4, 1), ps.Subject.action(a))

The Builder keeps its plan in an in-memory store, so everything it records is
validated exactly as in a partnership's own store.
"""

from __future__ import annotations

import datetime as dt
from typing import Optional, Union

from plansight import _core as ps

__all__ = ["Builder", "fires_for", "results_of", "subjects_of"]

_RECORDER = ps.Actor("LIS business manager")


class Builder:
    """A plan with one partnership, three agencies (police, social care,
    health), its Learning and Improvement Subgroup (``lis``) and board, one
    audit held on 2024-01-15 with all three agencies, and one finding (an area
    for development). Shorthands add actions and their history."""

    def __init__(self) -> None:
        self.store: ps.Store = ps.open(":memory:")
        by = _RECORDER
        self.police: int = self.store.add_agency("Humberside Police", "police", by=by).id
        self.social_care: int = self.store.add_agency("Children's Social Care", "local_authority", by=by).id
        self.health: int = self.store.add_agency("Northern Lincolnshire and Goole NHS Trust", "health", by=by).id
        self.partnership: int = self.store.add_partnership("North Lincolnshire Children's MARS", by=by).id
        self.lis: int = self.store.add_group(self.partnership, "Learning and Improvement Subgroup", by=by).id
        self.board: int = self.store.add_group(self.partnership, "Safeguarding Children Partnership Board", by=by).id
        self.audit: int = self.store.add_audit(
            self.partnership,
            "Multi-agency case file audit: domestic abuse",
            "multi_agency_case_audit",
            dt.date(2024, 1, 15),
            by=by,
            agencies=[self.police, self.social_care, self.health],
        ).id
        self.finding: int = self.store.add_finding(
            self.audit, "area_for_development", "The voice of the child was not consistently recorded", by=by
        ).id

    @property
    def plan(self) -> ps.Plan:
        """The plan as recorded so far (a live view of the store's plan)."""
        return self.store.plan

    def add_action(
        self,
        *,
        created_on: dt.date,
        due_on: dt.date,
        title: str = "Refresh voice of the child training",
        owner_agency: Optional[int] = None,
        owner_group: Optional[int] = None,
        owner_role: str = "Designated safeguarding lead",
        owner_lead: str = "",
        success_measure: str = "Voice of the child evident in 8 of 10 re-audited cases",
        estimate_days: int = 30,
        finding: Optional[int] = None,
    ) -> int:
        """Adds an action of the audit answering its finding, owned by the police
        unless an owner is given; returns its id."""
        if owner_agency is None and owner_group is None:
            owner_agency = self.police
        return self.store.add_action(
            self.partnership,
            self.audit,
            title,
            created_on=created_on,
            due_on=due_on,
            by=_RECORDER,
            owner_agency=owner_agency,
            owner_group=owner_group,
            owner_role=owner_role if owner_agency is not None else "",
            owner_lead=owner_lead,
            estimate_days=estimate_days,
            finding=self.finding if finding is None else finding,
            success_measure=success_measure,
        ).id

    def set_status(self, action: int, on: dt.date, status: Union[ps.Status, str], note: str = "quarterly review") -> None:
        """Records a progress update."""
        self.store.record_update(action, on=on, status=status, note=note, by=_RECORDER)

    def revise_due(self, action: int, on: dt.date, new_due: dt.date, reason: str = "training venue unavailable") -> None:
        """Moves the action's due date, agreed by the LIS chair."""
        self.store.revise_due_date(action, on=on, new_due=new_due, reason=reason, agreed_by="LIS chair", by=_RECORDER)

    def add_evidence(self, action: int, on: dt.date, kind: Union[ps.EvidenceKind, str] = "impact") -> int:
        """Records evidence (of impact unless told); returns its id."""
        return self.store.add_evidence(
            action, on=on, kind=kind, description="Re-audit: voice of child evident in 9 of 10 cases", by=_RECORDER
        ).id

    def complete_and_assure(self, action: int, on: dt.date) -> None:
        """Completes the action on `on`, records impact evidence that day and has the LIS assure it."""
        self.set_status(action, on, "complete")
        self.add_evidence(action, on)
        self.store.assure(action, on=on, group=self.lis, by=_RECORDER, note="impact evidenced")


def results_of(rule: ps.Rule, plan: ps.Plan, as_of: dt.date, **parameters: int) -> list[ps.RuleResult]:
    """What `rule` finds in `plan` as of `as_of`, with any parameters overridden
    (``results_of(rule, plan, d, days=7)``), run through a RuleSet as in use."""
    rules = ps.RuleSet()
    rules.add(rule)
    for name, value in parameters.items():
        rules.set_parameter(rule.id, name, value)
    return list(rules.check(plan, as_of=as_of).results)


def subjects_of(results: list[ps.RuleResult]) -> list[ps.Subject]:
    """The subjects of `results`, in order."""
    return [r.subject for r in results]


def fires_for(rule: ps.Rule, plan: ps.Plan, as_of: dt.date, subject: ps.Subject, **parameters: int) -> bool:
    """Whether `rule` gives a result about `subject` as of `as_of`."""
    return subject in subjects_of(results_of(rule, plan, as_of, **parameters))
