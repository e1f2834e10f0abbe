"""Policy rules from Python: the built-in C++ rules and rules written in
Python run in one RuleSet; rules files configure them; the testing kit
writes a rule's test in a few lines."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import plansight as ps
from plansight.testing import Builder, fires_for, results_of, subjects_of
from support import day


class NoNamedLead(ps.Rule):
    """A partnership's own rule: actions owned by the board need a named lead."""

    def __init__(self, board: int) -> None:
        super().__init__("board_actions_need_a_lead", "Actions owned by the board name a lead", "breach")
        self.board = board

    def check(self, context: ps.RuleContext) -> list[ps.RuleResult]:
        return [
            context.result(ps.Subject.action(a.id), f"action {a.id} '{a.title}' is owned by the board with no named lead")
            for a in context.plan.actions()
            if a.created_on <= context.as_of and a.owner.group == self.board and not a.owner.lead
        ]


class Broken(ps.Rule):
    def __init__(self) -> None:
        super().__init__("broken", "Always fails")

    def check(self, context: ps.RuleContext) -> list[ps.RuleResult]:
        raise KeyError("no such column")


def plan_with_one_of_each() -> tuple[Builder, int, int]:
    b = Builder()
    late = b.add_action(created_on=day("2024-01-20"), due_on=day("2024-03-31"))
    board_owned = b.add_action(created_on=day("2024-01-20"), due_on=day("2024-12-31"), owner_group=b.board)
    return b, late, board_owned


def test_a_python_rule_and_the_cpp_rules_run_in_one_rule_set() -> None:
    b, late, board_owned = plan_with_one_of_each()
    rules = ps.RuleSet.builtin()
    rules.add(NoNamedLead(b.board))
    report = rules.check(b.plan, as_of=day("2024-04-01"))
    assert "overdue" in report.ran and report.ran[-1] == "board_actions_need_a_lead"
    found = {(r.rule, r.subject.id) for r in report.results}
    assert ("overdue", late) in found
    assert ("board_actions_need_a_lead", board_owned) in found
    assert report.has_breach and report.count(ps.Severity.breach) == 2
    # breach first, then by rule id
    assert [r.rule for r in report.results][:2] == ["board_actions_need_a_lead", "overdue"]


def test_a_python_rule_lives_as_long_as_the_rule_set_holds_it() -> None:
    b, _, board_owned = plan_with_one_of_each()
    rules = ps.RuleSet()
    rules.add(NoNamedLead(b.board))
    gc.collect()
    report = rules.check(b.plan, as_of=day("2024-02-01"))
    assert subjects_of(list(report.results)) == [ps.Subject.action(board_owned)]
    assert isinstance(rules.rule("board_actions_need_a_lead").rule, NoNamedLead)


def test_a_failing_python_rule_raises_a_rule_error_naming_it() -> None:
    b, _, _ = plan_with_one_of_each()
    rules = ps.RuleSet.builtin()
    rules.add(Broken())
    with pytest.raises(ps.RuleError) as failed:
        rules.check(b.plan, as_of=day("2024-04-01"))
    assert failed.value.rule == "broken"
    assert isinstance(failed.value.__cause__, KeyError)
    assert isinstance(failed.value, ps.Error)


def test_a_rule_id_that_is_not_snake_case_is_refused() -> None:
    class Badly(ps.Rule):
        def __init__(self) -> None:
            super().__init__("Bad Id", "x")

        def check(self, context: ps.RuleContext) -> list[ps.RuleResult]:
            return []

    with pytest.raises(ps.ValidationError) as refused:
        Badly()
    assert refused.value.field == "id"


def test_a_duplicate_rule_is_refused_and_the_set_unchanged() -> None:
    rules = ps.RuleSet.builtin()
    before = [r.rule.id for r in rules.rules()]
    with pytest.raises(ps.ConflictError):
        rules.add(ps.builtin_rule("overdue"))
    assert [r.rule.id for r in rules.rules()] == before


def test_a_rules_file_configures_thresholds_severity_and_what_runs(tmp_path: Path) -> None:
    b = Builder()
    a = b.add_action(created_on=day("2024-01-20"), due_on=day("2024-04-20"))
    path = tmp_path / "rules.ini"
    path.write_text("# our policy\n[due_soon_not_started]\ndays = 21\nseverity = breach\n\n[overdue]\nenabled = false\n")
    rules = ps.RuleSet.builtin()
    rules.configure(ps.read_rule_config(path))
    report = rules.check(b.plan, as_of=day("2024-03-30"))
    assert "overdue" in report.skipped and "overdue" not in report.ran
    assert [(r.rule, r.severity, r.subject) for r in report.results if r.rule == "due_soon_not_started"] == [
        ("due_soon_not_started", ps.Severity.breach, ps.Subject.action(a))]


def test_a_bad_rules_file_names_file_line_and_field_and_changes_nothing() -> None:
    rules = ps.RuleSet.builtin()
    before = [(r.rule.id, r.enabled, r.severity, r.parameters) for r in rules.rules()]
    config = ps.parse_rule_config("[overdue]\nenabled = false\n[due_soon_not_started]\nweeks = 2\n", "policy.ini")
    with pytest.raises(ps.DataImportError) as refused:
        rules.configure(config)
    assert (refused.value.file, refused.value.line) == ("policy.ini", 4)
    assert "weeks" in refused.value.field
    assert [(r.rule.id, r.enabled, r.severity, r.parameters) for r in rules.rules()] == before


def test_the_testing_kit_finds_a_threshold_boundary() -> None:
    b = Builder()
    a = b.add_action(created_on=day("2024-01-10"), due_on=day("2024-03-31"))
    rule = ps.builtin_rule("overdue")
    assert not fires_for(rule, b.plan, day("2024-03-31"), ps.Subject.action(a))
    assert fires_for(rule, b.plan, day("2024-04-01"), ps.Subject.action(a))
    soon = ps.builtin_rule("due_soon_not_started")
    assert fires_for(soon, b.plan, day("2024-03-24"), ps.Subject.action(a), days=7)
    assert not fires_for(soon, b.plan, day("2024-03-23"), ps.Subject.action(a), days=7)
    assert results_of(rule, b.plan, day("2024-03-31")) == []


class ReturnsNothing(ps.Rule):
    def __init__(self) -> None:
        super().__init__("returns_nothing", "Forgets to return its results")

    def check(self, context: ps.RuleContext) -> list[ps.RuleResult]:
        return None  # type: ignore[return-value]


class NoCheck(ps.Rule):
    def __init__(self) -> None:
        super().__init__("no_check", "Never defines check")


class Interrupted(ps.Rule):
    def __init__(self) -> None:
        super().__init__("interrupted", "Stopped by the user")

    def check(self, context: ps.RuleContext) -> list[ps.RuleResult]:
        raise KeyboardInterrupt


class Keeper(ps.Rule):
    def __init__(self) -> None:
        super().__init__("keeper", "Keeps its context")
        self.kept: list[ps.RuleContext] = []

    def check(self, context: ps.RuleContext) -> list[ps.RuleResult]:
        self.kept.append(context)
        assert context.rule == "keeper" and context.parameters == {}
        return []


@pytest.mark.parametrize("rule", [ReturnsNothing(), NoCheck()], ids=["returns None", "no check"])
def test_a_rule_that_breaks_the_contract_raises_a_rule_error_naming_it(rule: ps.Rule) -> None:
    b, _, _ = plan_with_one_of_each()
    rules = ps.RuleSet()
    rules.add(rule)
    with pytest.raises(ps.RuleError) as failed:
        rules.check(b.plan, as_of=day("2024-04-01"))
    assert failed.value.rule == rule.id
    assert failed.value.__cause__ is not None


def test_an_interrupted_rule_lets_the_interruption_through() -> None:
    b, _, _ = plan_with_one_of_each()
    rules = ps.RuleSet()
    rules.add(Interrupted())
    with pytest.raises(KeyboardInterrupt):
        rules.check(b.plan, as_of=day("2024-04-01"))


def test_a_kept_rule_context_refuses_use_after_its_check() -> None:
    b, _, _ = plan_with_one_of_each()
    keeper = Keeper()
    rules = ps.RuleSet()
    rules.add(keeper)
    rules.check(b.plan, as_of=day("2024-04-01"))
    del rules
    gc.collect()
    with pytest.raises(ps.Error, match="valid only during"):
        keeper.kept[0].parameters
