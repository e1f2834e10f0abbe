"""The schedule: Q4 and Q5 on the shared workload, and on the sample plan earliest and
latest dates, critical path, at risk beside RAG, slip, what-if-due and the DOT picture."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest

import plansight as ps
from support import Sample, day, reference_lines, sorted_lines

# ---- the reference answers ---------------------------------------------------------------


def test_q4_earliest_finish_and_critical_paths_match_the_reference(workload_store: ps.Store) -> None:
    plan = workload_store.plan
    columns = ps.schedule(plan).columns()
    finishes = np.datetime_as_string(columns["earliest_finish"], unit="D")
    lines = [f"a,{i},{f}" for i, f in zip(columns["id"].tolist(), finishes)]
    schedule = ps.schedule(plan)
    lines += [f"p,{p.id},{schedule.critical_path(partnership=p.id).days}" for p in plan.partnerships()]
    assert sorted_lines(lines) == reference_lines("q4")


def test_q5_slip_matches_the_reference(workload_store: ps.Store, workload_meta: dict[str, Any]) -> None:
    plan = workload_store.plan
    impact = ps.slip(plan, ps.schedule(plan), workload_meta["slip_action_id"], days=workload_meta["slip_days"])
    assert sorted_lines([str(e.action) for e in impact.newly_late]) == reference_lines("q5")
    assert all(e.old_finish <= e.due_on < e.new_finish for e in impact.newly_late)
    assert {e.action for e in impact.newly_late} <= {e.action for e in impact.moved}


def test_columns_agree_with_the_objects(workload_store: ps.Store) -> None:
    plan = workload_store.plan
    schedule = ps.schedule(plan, from_date=day("2025-03-31"))
    columns = schedule.columns()
    assert len(schedule) == len(columns["id"]) == 10_000
    for position in (0, 394, 9_999):
        timing = schedule.actions()[position]
        assert schedule.index_of(timing.id) == position
        assert columns["id"][position] == timing.id
        assert columns["earliest_start"][position] == np.datetime64(timing.earliest_start)
        assert columns["earliest_finish"][position] == np.datetime64(timing.earliest_finish)
        assert columns["latest_finish"][position] == np.datetime64(timing.latest_finish)
        assert columns["due_on"][position] == np.datetime64(timing.due_on)
        assert columns["slack_days"][position] == timing.slack_days
        assert columns["driver"][position] == (-1 if timing.driver is None else timing.driver)
    assert (columns["earliest_start"] >= np.datetime64("2025-03-31")).sum() > 0


# ---- the sample plan: training (90 days) -> procedure (60 days) --------------------------


def test_earliest_and_latest_dates_of_the_sample(sample: Sample) -> None:
    schedule = ps.schedule(sample.store.plan)
    training = schedule.action(sample.training.id)
    procedure = schedule.action(sample.procedure.id)
    assert (training.earliest_start, training.earliest_finish) == (day("2024-04-01"), day("2024-06-30"))
    assert (procedure.earliest_start, procedure.earliest_finish) == (day("2024-06-30"), day("2024-08-29"))
    assert procedure.driver == sample.training.id
    assert training.driver is None
    assert procedure.latest_finish == day("2024-12-31")
    assert procedure.slack_days == 124
    assert training.latest_finish == day("2024-09-30")
    assert training.slack_days == 92
    assert schedule.from_date is None
    assert schedule.find(999) is None


def test_critical_path_and_forecast_completion(sample: Sample) -> None:
    schedule = ps.schedule(sample.store.plan)
    path = schedule.critical_path(partnership=sample.partnership.id)
    assert path.chain == [sample.training.id, sample.procedure.id]
    assert (path.start, path.finish, path.days) == (day("2024-04-01"), day("2024-08-29"), 150)
    assert schedule.critical_path(audit=sample.audit.id).chain == path.chain
    assert schedule.forecast_completion(sample.audit.id) == day("2024-08-29")
    with pytest.raises(ps.ValidationError, match="exactly one"):
        schedule.critical_path()
    with pytest.raises(ps.NotFoundError, match="partnership 99"):
        schedule.critical_path(partnership=99)


def test_at_risk_while_still_green(sample: Sample) -> None:
    store, as_of = sample.store, day("2024-09-01")
    store.record_update(sample.training.id, on=day("2024-06-01"), status="in_progress", by="LIS")
    forecast = ps.schedule(store.plan, from_date=as_of)
    assert forecast.action(sample.training.id).earliest_finish == day("2024-11-30")
    assert ps.at_risk(store.plan, forecast, as_of=as_of) == [sample.training.id, sample.procedure.id]
    assert store.plan.rag_at(sample.training.id, as_of=as_of) == ps.Rag.green
    assert ps.at_risk(store.plan, ps.schedule(store.plan), as_of=as_of) == []


def test_slip_reports_what_newly_misses_its_due_date(sample: Sample) -> None:
    plan = sample.store.plan
    schedule = ps.schedule(plan)
    absorbed = ps.slip(plan, schedule, sample.training.id, days=100)
    assert [(e.action, e.new_finish) for e in absorbed.moved] == [(sample.procedure.id, day("2024-12-07"))]
    assert absorbed.newly_late == []
    late = ps.slip(plan, schedule, sample.training.id, days=130)
    assert (late.old_finish, late.new_finish) == (day("2024-06-30"), day("2024-11-07"))
    assert [(e.action, e.old_finish, e.new_finish, e.due_on) for e in late.newly_late] == [
        (sample.procedure.id, day("2024-08-29"), day("2025-01-06"), day("2024-12-31"))]
    with pytest.raises(ps.ValidationError, match="-1"):
        ps.slip(plan, schedule, sample.training.id, days=-1)
    with pytest.raises(ps.NotFoundError, match="action 999"):
        ps.slip(plan, schedule, 999, days=5)


def test_what_if_due(sample: Sample) -> None:
    plan = sample.store.plan
    impact = ps.what_if_due(plan, ps.schedule(plan), sample.procedure.id, new_due=day("2024-08-01"))
    assert impact.late
    assert (impact.old_due, impact.new_due) == (day("2024-12-31"), day("2024-08-01"))
    assert [(c.action, c.new_latest_finish, c.new_slack_days) for c in impact.changed] == [
        (sample.procedure.id, day("2024-08-01"), -28), (sample.training.id, day("2024-06-02"), -28)]
    assert impact.newly_late == sorted([sample.training.id, sample.procedure.id])
    assert impact.no_longer_late == []


def test_to_dot_draws_the_audit(sample: Sample) -> None:
    plan = sample.store.plan
    as_of = day("2024-06-01")
    dot = ps.to_dot(plan, ps.schedule(plan, from_date=as_of), as_of=as_of, audit=sample.audit.id)
    assert dot.startswith("digraph G {\n")
    assert f"{sample.training.id}->{sample.procedure.id} [style=bold, penwidth=3];" in dot
    assert 'fillcolor="green"' in dot
    with pytest.raises(ps.ValidationError, match="exactly one"):
        ps.to_dot(plan, ps.schedule(plan), as_of=as_of)
    with pytest.raises(ps.NotFoundError, match="audit 99"):
        ps.to_dot(plan, ps.schedule(plan), as_of=as_of, audit=99)


def test_an_empty_plan(store: ps.Store) -> None:
    schedule = ps.schedule(store.plan, from_date=dt.date(2025, 3, 31))
    assert len(schedule) == 0
    assert all(len(column) == 0 for column in schedule.columns().values())
    assert ps.at_risk(store.plan, schedule, as_of=dt.date(2025, 3, 31)) == []
    assert repr(schedule) == "<Schedule of 0 actions, from 2025-03-31>"


def test_a_partnership_and_audit_without_actions(store: ps.Store) -> None:
    partnership = store.add_partnership("Dudley SCB", by="LIS")
    audit = store.add_audit(partnership.id, "MACFA: domestic abuse", "multi_agency_case_audit",
                            day("2024-02-01"), by="LIS")
    schedule = ps.schedule(store.plan)
    path = schedule.critical_path(partnership=partnership.id)
    assert (path.start, path.finish, path.days, path.chain) == (None, None, 0, [])
    assert schedule.forecast_completion(audit.id) is None
