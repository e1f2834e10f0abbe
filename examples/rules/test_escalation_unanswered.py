"""The unit test of the Python rule in escalation_unanswered.py, written with
plansight's testing kit: a plan in a few lines, then the rule at its
threshold (the day before, the day of and the day after)."""

from __future__ import annotations

import datetime as dt

import plansight as ps
from plansight.testing import Builder, fires_for, results_of

from escalation_unanswered import EscalationUnanswered

HELD_ON = dt.date(2024, 9, 30)


def escalated_action() -> tuple[Builder, int]:
    b = Builder()
    a = b.add_action(created_on=dt.date(2024, 2, 1), due_on=dt.date(2024, 6, 30))
    b.store.record_review(b.lis, held_on=HELD_ON, by="LIS chair", outcomes=[
        ps.ReviewOutcome(a, "escalate", escalated_to=b.board, reason="No progress for two quarters"),
    ])
    return b, a


def test_fires_the_day_after_the_response_time_runs_out() -> None:
    b, a = escalated_action()
    rule, subject = EscalationUnanswered(), ps.Subject.action(a)
    assert not fires_for(rule, b.plan, HELD_ON + dt.timedelta(days=41), subject)
    assert not fires_for(rule, b.plan, HELD_ON + dt.timedelta(days=42), subject)
    assert fires_for(rule, b.plan, HELD_ON + dt.timedelta(days=43), subject)
    assert fires_for(rule, b.plan, HELD_ON + dt.timedelta(days=8), subject, days=7)


def test_an_update_after_the_escalation_answers_it() -> None:
    b, a = escalated_action()
    b.set_status(a, dt.date(2024, 10, 20), "in_progress", note="Board agreed new resources")
    assert results_of(EscalationUnanswered(), b.plan, dt.date(2025, 1, 31)) == []


def test_the_message_says_to_whom_and_by_when() -> None:
    b, a = escalated_action()
    [result] = results_of(EscalationUnanswered(), b.plan, dt.date(2024, 12, 1))
    assert result.severity == ps.Severity.breach
    assert "Safeguarding Children Partnership Board" in result.message
    assert "2024-11-11" in result.message


def test_runs_beside_the_builtin_rules() -> None:
    b, a = escalated_action()
    rules = ps.RuleSet.builtin()
    rules.add(EscalationUnanswered())
    report = rules.check(b.plan, as_of=dt.date(2024, 12, 1))
    assert {(r.rule, r.subject) for r in report.results} >= {
        ("escalation_unanswered", ps.Subject.action(a)), ("overdue", ps.Subject.action(a))}
