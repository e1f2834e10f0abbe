"""A partnership's own policy rules written in Python, as a C++ tool loads
them from a file: tests/cpp/python_rules_test.cpp runs them from C++ in one
RuleSet with C++ rules. `rules()` gives the partnership's rules; the other
classes are rules that fail, to show how a failure reaches C++."""

from __future__ import annotations

import plansight as ps


class LongHorizon(ps.Rule):
    """An open action due more than `days` days after it was created needs
    interim milestones: due created + days does not fire, a day later does.
    Reads the plan as of the date: actions existing then, the due date then
    in force, the status then."""

    def __init__(self) -> None:
        super().__init__(
            "long_horizon",
            "Open actions due more than `days` days after they were created need milestones",
            ps.Severity.warning,
            {"days": 180},
        )

    def check(self, context: ps.RuleContext) -> list[ps.RuleResult]:
        limit = context.parameter("days")
        plan, as_of = context.plan, context.as_of
        results = []
        for action in plan.actions():
            if action.created_on > as_of or not plan.is_open_at(action.id, as_of=as_of):
                continue
            span = (plan.due_on_at(action.id, as_of=as_of) - action.created_on).days
            if span > limit:
                results.append(
                    context.result(
                        ps.Subject.action(action.id),
                        f"action {action.id} '{action.title}' is due {span} days after it was "
                        f"created (more than {limit}) and needs interim milestones",
                    )
                )
        return results


class MissingColumn(ps.Rule):
    """Fails as a rule reading a spreadsheet column that is not there would."""

    def __init__(self) -> None:
        super().__init__("missing_column", "Reads a column the export does not have")

    def check(self, context: ps.RuleContext) -> list[ps.RuleResult]:
        raise KeyError("attendance")


class NotAList(ps.Rule):
    """Returns something that is not a list of results."""

    def __init__(self) -> None:
        super().__init__("not_a_list", "Returns a message instead of results")

    def check(self, context: ps.RuleContext) -> list[ps.RuleResult]:
        return "every action looks fine"  # type: ignore[return-value]


def rules() -> list[ps.Rule]:
    """The partnership's rules, to add to a rule set."""
    return [LongHorizon()]
