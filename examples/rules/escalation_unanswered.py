"""A partnership's own policy rule, written in Python: an action escalated at a
review meeting needs an answer. When the LIS escalates an action (to the
board, say), the owner has `days` days (default 42: before the next quarterly
review) to record an update; after that, while the action is open, each day
is a breach. Only the latest escalation of an action on or before the date
counts, and an update dated after it and on or before the date answers it.

Add it to a rule set beside the built-in rules::

    rules = plansight.RuleSet.builtin()
    rules.add(EscalationUnanswered())
    report = rules.check(store.plan, as_of=datetime.date(2024, 12, 31))
"""

from __future__ import annotations

import datetime as dt

import plansight as ps


class EscalationUnanswered(ps.Rule):
    """An escalated action with no update within `days` days of the escalation."""

    def __init__(self) -> None:
        super().__init__(
            "escalation_unanswered",
            "an action escalated at a review meeting has an update within the response time",
            ps.Severity.breach,
            {"days": 42},
        )

    def check(self, context: ps.RuleContext) -> list[ps.RuleResult]:
        plan, as_of = context.plan, context.as_of
        allowed = dt.timedelta(days=context.parameter("days"))
        results = []
        for action_id, (held_on, to_group) in sorted(latest_escalations(plan, as_of).items()):
            action = plan.action(action_id)
            answered = any(held_on < u.on <= as_of for u in action.updates)
            if answered or as_of <= held_on + allowed or not plan.is_open_at(action_id, as_of=as_of):
                continue
            results.append(context.result(
                ps.Subject.action(action_id),
                f"action {action_id} '{action.title}' was escalated to {plan.group(to_group).name} "
                f"on {held_on} and has had no update since; the response was due by {held_on + allowed}",
            ))
        return results


def latest_escalations(plan: ps.Plan, as_of: dt.date) -> dict[int, tuple[dt.date, int]]:
    """Each escalated action's latest escalation on or before `as_of`: (date, group escalated to)."""
    latest: dict[int, tuple[dt.date, int]] = {}
    for meeting in plan.reviews():
        if meeting.held_on > as_of:
            continue
        for outcome in meeting.outcomes:
            if outcome.kind == ps.OutcomeKind.escalate and outcome.escalated_to is not None:
                if outcome.action not in latest or latest[outcome.action][0] <= meeting.held_on:
                    latest[outcome.action] = (meeting.held_on, outcome.escalated_to)
    return latest
