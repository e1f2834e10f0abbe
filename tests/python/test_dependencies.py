"""Dependencies from Python: lags, removal with history, cycles named whole,
and the queries blocked_by, blocks, topological_order and ready_to_start."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import plansight as ps
from support import ME, day, snapshot

REVIEW = day("2024-04-30")


class Area:
    """A partnership with one agency and two audits, and titled actions."""

    def __init__(self, store: ps.Store, name: str = "North Yorkshire SCP") -> None:
        self.store = store
        self.partnership = store.add_partnership(name, by=ME)
        self.police = store.add_agency(f"{name} Police", "police", by=ME)
        self.audit = store.add_audit(self.partnership.id, "Domestic abuse MACFA", "multi_agency_case_audit",
                                     day("2024-01-15"), by=ME)
        self.reaudit = store.add_audit(self.partnership.id, "Domestic abuse re-audit", "re_audit",
                                       day("2024-11-15"), reaudit_of=self.audit.id, by=ME)

    def action(self, title: str, *, created_on: dt.date = day("2024-02-01"), reaudit: bool = False) -> int:
        audit = self.reaudit if reaudit else self.audit
        return self.store.add_action(self.partnership.id, audit.id, title, owner_agency=self.police.id,
                                     created_on=created_on, due_on=day("2024-12-31"), by=ME).id


def state(store: ps.Store) -> tuple[object, int]:
    return snapshot(store.plan), len(store.history())


# ---- cycles ---------------------------------------------------------------------------

def test_a_self_dependency_is_a_cycle_of_one_named(store: ps.Store) -> None:
    area = Area(store)
    training = area.action("Deliver training")
    before = state(store)
    with pytest.raises(ps.CycleError) as raised:
        store.add_dependency(training, training, by=ME)
    assert f'#{training} "Deliver training" -> #{training} "Deliver training"' in str(raised.value)
    assert state(store) == before


def test_a_cycle_of_two_is_named_in_order(store: ps.Store) -> None:
    area = Area(store)
    training = area.action("Deliver training")
    booking = area.action("Book practitioners")
    store.add_dependency(training, booking, by=ME)
    before = state(store)
    with pytest.raises(ps.CycleError) as raised:
        store.add_dependency(booking, training, lag_days=3, by=ME)
    assert str(raised.value) == (
        f"adding {booking} -> {training} (action {booking} depends on action {training}) would close the "
        f'cycle: #{training} "Deliver training" -> #{booking} "Book practitioners" -> '
        f'#{training} "Deliver training"')
    assert state(store) == before


def test_a_long_cycle_is_named_whole_and_leaves_the_file_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "cycle.db"
    store = ps.open(path)
    area = Area(store)
    steps = [area.action(f"Step {i}") for i in range(1, 7)]
    for waiting, first in zip(steps, steps[1:]):
        store.add_dependency(waiting, first, by=ME)
    before = state(store)
    with pytest.raises(ps.CycleError) as raised:
        store.add_dependency(steps[-1], steps[0], by=ME)
    chain = " -> ".join(f'#{s} "Step {i}"' for i, s in enumerate(steps, start=1))
    assert str(raised.value).endswith(f'cycle: {chain} -> #{steps[0]} "Step 1"')
    assert state(store) == before
    assert state(ps.open(path)) == before


# ---- lags, removal, partnerships ----------------------------------------------------------

def test_a_lag_is_kept_and_a_negative_one_refused(store: ps.Store) -> None:
    area = Area(store)
    guidance, training = area.action("Revise guidance"), area.action("Deliver training")
    with pytest.raises(ps.ValidationError, match="must not be negative, got -1") as raised:
        store.add_dependency(training, guidance, lag_days=-1, by=ME)
    assert raised.value.field == "lag_days"
    assert store.plan.dependencies() == []
    store.add_dependency(training, guidance, lag_days=14, by=ME)
    [dependency] = store.plan.action(training).depends_on
    assert (dependency.action, dependency.depends_on, dependency.lag_days) == (training, guidance, 14)
    assert repr(dependency) == f"<Dependency {training} on {guidance} + 14 days>"
    assert store.plan.dependencies() == [dependency]


def test_a_removal_is_kept_in_history_and_the_dependency_can_come_back(store: ps.Store) -> None:
    area = Area(store)
    guidance, training = area.action("Revise guidance"), area.action("Deliver training")
    store.add_dependency(training, guidance, lag_days=7, by=ME)
    store.remove_dependency(training, guidance, by="LIS chair", why="guidance no longer needed first")
    assert store.plan.dependencies() == []
    assert store.plan.action(training).depends_on == []
    store.add_dependency(training, guidance, by=ME)
    entries = [(e.actor, e.old_value, e.new_value, e.why)
               for e in store.history("action", training) if e.field == "depends_on"]
    assert entries == [
        (ME.name, "", f"{guidance} + 7 days", ""),
        ("LIS chair", f"{guidance} + 7 days", "", "guidance no longer needed first"),
        (ME.name, "", f"{guidance}", ""),
    ]


def test_removing_a_missing_dependency_is_refused(store: ps.Store) -> None:
    area = Area(store)
    guidance, training = area.action("Revise guidance"), area.action("Deliver training")
    store.add_dependency(training, guidance, by=ME)
    before = state(store)
    with pytest.raises(ps.NotFoundError, match=f"action {guidance} does not depend on action {training}"):
        store.remove_dependency(guidance, training, by=ME)
    assert state(store) == before


def test_dependencies_cross_audits_but_not_partnerships(store: ps.Store) -> None:
    area, other = Area(store), Area(store, "Dudley SCB")
    training = area.action("Deliver training")
    reaudit = area.action("Re-audit practice", reaudit=True)
    store.add_dependency(reaudit, training, lag_days=90, by=ME)
    assert [(d.action, d.depends_on) for d in store.plan.dependencies()] == [(reaudit, training)]
    theirs = other.action("Their training")
    before = state(store)
    with pytest.raises(ps.ValidationError, match="belongs to another partnership"):
        store.add_dependency(theirs, training, by=ME)
    assert state(store) == before


def test_lags_and_removals_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "deps.db"
    store = ps.open(path)
    area = Area(store)
    a, b, c = (area.action(t) for t in ("Revise guidance", "Deliver training", "Audit attendance"))
    store.add_dependency(b, a, lag_days=14, by=ME)
    store.add_dependency(c, a, by=ME)
    store.add_dependency(c, b, lag_days=2, by=ME)
    store.remove_dependency(c, a, by=ME)
    expected = [(b, a, 14), (c, b, 2)]
    reopened = ps.open(path)
    assert [(d.action, d.depends_on, d.lag_days) for d in reopened.plan.dependencies()] == expected
    assert reopened.plan.dependencies() == store.plan.dependencies()


# ---- queries ---------------------------------------------------------------------------------

@pytest.fixture
def example(store: ps.Store) -> dict[str, int]:
    """1 guidance (complete 2024-03-31) <- 2 training (in progress), 3 booking <- 4 audit <- 5 briefing;
    6 funding (in progress) <- 1; 7 re-audit, created in June, <- 6."""
    area = Area(store)
    ids = {name: area.action(name) for name in ("guidance", "training", "booking", "attendance", "briefing",
                                               "funding")}
    ids["reaudit"] = area.action("reaudit", created_on=day("2024-06-01"), reaudit=True)
    for waiting, first in [("guidance", "funding"), ("training", "guidance"), ("booking", "guidance"),
                           ("attendance", "training"), ("attendance", "booking"), ("briefing", "attendance"),
                           ("reaudit", "funding")]:
        store.add_dependency(ids[waiting], ids[first], by=ME)
    store.record_update(ids["funding"], on=day("2024-02-10"), status="in_progress", by=ME)
    store.record_update(ids["guidance"], on=day("2024-03-31"), status="complete", by=ME)
    store.record_update(ids["training"], on=day("2024-03-31"), status="in_progress", by=ME)
    return ids


def test_blocked_by_names_what_blocks_each_action(store: ps.Store, example: dict[str, int]) -> None:
    blocked = ps.blocked_by(store.plan, as_of=REVIEW)
    assert [(b.action, b.blockers) for b in blocked] == [
        (example["attendance"], [example["training"], example["booking"]]),
        (example["briefing"], [example["attendance"]]),
    ]
    assert [b.action for b in blocked] == store.plan.blocked_actions(REVIEW)
    assert re.fullmatch(r"<BlockedAction \d+ waiting for \d+, \d+>", repr(blocked[0]))
    summer = [b.action for b in ps.blocked_by(store.plan, as_of=day("2024-07-01"))]
    assert example["reaudit"] in summer


def test_blocks_ready_and_order(store: ps.Store, example: dict[str, int]) -> None:
    plan = store.plan
    assert ps.blocks(plan, example["guidance"]) == sorted(
        example[n] for n in ("training", "booking", "attendance", "briefing"))
    assert ps.blocks(plan, example["briefing"]) == []
    with pytest.raises(ps.NotFoundError):
        ps.blocks(plan, 999)
    assert ps.ready_to_start(plan, as_of=REVIEW) == sorted(example[n] for n in ("training", "booking", "funding"))
    assert ps.ready_to_start(plan, as_of=day("2024-02-15")) == [example["funding"]]
    assert ps.topological_order(plan) == [example[n] for n in (
        "funding", "guidance", "training", "booking", "attendance", "briefing", "reaudit")]


def test_queries_on_an_empty_plan_and_one_without_dependencies(store: ps.Store) -> None:
    assert ps.blocked_by(store.plan, as_of=REVIEW) == []
    assert ps.ready_to_start(store.plan, as_of=REVIEW) == []
    assert ps.topological_order(store.plan) == []
    area = Area(store)
    ids = [area.action(t) for t in ("One", "Two", "Three")]
    assert ps.blocked_by(store.plan, as_of=REVIEW) == []
    assert ps.ready_to_start(store.plan, as_of=REVIEW) == ids
    assert ps.topological_order(store.plan) == ids


def test_blocked_by_agrees_with_blocked_actions_on_the_workload(workload_store: ps.Store,
                                                                 workload_as_of: dt.date) -> None:
    plan = workload_store.plan
    blocked = ps.blocked_by(plan, as_of=workload_as_of)
    assert [b.action for b in blocked] == plan.blocked_actions(workload_as_of)
    assert all(b.blockers == plan.blockers(b.action, as_of=workload_as_of) for b in blocked)
    order = ps.topological_order(plan)
    place = {action: i for i, action in enumerate(order)}
    assert len(place) == len(plan.actions())
    assert all(place[d.depends_on] < place[d.action] for d in plan.dependencies())
