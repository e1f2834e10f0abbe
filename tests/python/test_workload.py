"""The shared 10,000-action workload: import, answers against the reference, export."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import numpy as np
import pytest

import plansight as ps
from support import ME, counts, reference_lines, snapshot, sorted_lines

WORKLOAD_FILES = ["agencies.csv", "audits.csv", "findings.csv", "actions.csv", "dependencies.csv",
                  "updates.csv"]


def test_workload_files() -> None:
    assert ps.workload_files() == WORKLOAD_FILES


def test_import_reads_every_row(workload_store: ps.Store, workload_dir: Path) -> None:
    plan = workload_store.plan
    expected = {line.split(b",")[0].decode(): int(line.split(b",")[1]) for line in reference_lines("q1")}
    assert len(plan.agencies()) == expected["agencies"]
    assert len(plan.audits()) == expected["audits"]
    assert len(plan.findings()) == expected["findings"]
    assert len(plan.actions()) == expected["actions"] == 10_000
    assert len(plan.dependencies()) == expected["dependencies"]
    assert sum(len(a.updates) for a in plan.actions()) == expected["updates"]


def test_import_is_durable(workload_store: ps.Store) -> None:
    reopened = ps.open(workload_store.path)
    assert counts(reopened.plan) == counts(workload_store.plan)
    assert reopened.plan.action_columns(dt.date(2025, 3, 31))["rag"].tolist() == \
        workload_store.plan.action_columns(dt.date(2025, 3, 31))["rag"].tolist()


def test_q2_rag_counts_match_the_reference(workload_store: ps.Store, workload_as_of: dt.date) -> None:
    lines = [f"{c.partnership},{c.agency},{c.rag},{c.count}" for c in workload_store.plan.rag_counts(workload_as_of)]
    assert sorted_lines(lines) == reference_lines("q2")


def test_q3_overdue_and_blocked_match_the_reference(workload_store: ps.Store, workload_as_of: dt.date) -> None:
    plan = workload_store.plan
    lines = [f"overdue,{i}" for i in plan.overdue_actions(workload_as_of)]
    lines += [f"blocked,{i}" for i in plan.blocked_actions(workload_as_of)]
    assert sorted_lines(lines) == reference_lines("q3")


def test_q6_frame_columns_match_the_reference(workload_store: ps.Store, workload_as_of: dt.date) -> None:
    columns = workload_store.plan.action_columns(workload_as_of)
    statuses = np.array(columns["status_categories"])[columns["status"]]
    rags = np.array(columns["rag_categories"])[columns["rag"]]
    lines = [f"{i},{s},{r}" for i, s, r in zip(columns["id"].tolist(), statuses, rags)]
    assert sorted_lines(lines) == reference_lines("q6")


def test_action_columns_agree_with_per_action_queries(workload_store: ps.Store, workload_as_of: dt.date) -> None:
    plan = workload_store.plan
    columns = plan.action_columns(workload_as_of)
    rag_codes = {r.value: r for r in ps.Rag}
    status_codes = {s.value: s for s in ps.Status}
    assert len(columns["id"]) == 10_000
    for i, action in enumerate(columns["id"].tolist()):
        assert rag_codes[columns["rag"][i]] is plan.rag_at(action, as_of=workload_as_of)
        assert status_codes[columns["status"][i]] is plan.status_at(action, as_of=workload_as_of)
    overdue = columns["id"][columns["overdue"]].tolist()
    blocked = columns["id"][columns["blocked"]].tolist()
    assert overdue == plan.overdue_actions(workload_as_of)
    assert blocked == plan.blocked_actions(workload_as_of)


def test_review_summary_agrees_with_rag_counts(workload_store: ps.Store, workload_as_of: dt.date) -> None:
    plan = workload_store.plan
    summary = plan.review_summary(workload_as_of)
    assert sum(p.actions for p in summary.partnerships) == 10_000
    by_rag: dict[ps.Rag, int] = {}
    for c in plan.rag_counts(workload_as_of):
        by_rag[c.rag] = by_rag.get(c.rag, 0) + c.count
    totals = {r: sum(p.rag[r] for p in summary.partnerships) for r in ps.Rag}
    assert {r: n for r, n in totals.items() if n} == by_rag


def test_export_gives_back_the_files_read(workload_store: ps.Store, workload_dir: Path, tmp_path: Path) -> None:
    workload_store.export_workload(tmp_path / "out")
    for name in WORKLOAD_FILES:
        assert (tmp_path / "out" / name).read_bytes() == (workload_dir / name).read_bytes(), name


def test_failed_import_leaves_the_store_unchanged(tmp_path: Path, workload_dir: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(workload_dir, broken)
    updates = broken / "updates.csv"
    with updates.open(newline="") as f:
        rows = list(csv.reader(f))
    rows[-1][rows[0].index("status")] = "finished"  # the very last row: everything before it is fine
    with updates.open("w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)

    path = tmp_path / "lscp.db"
    store = ps.open(path)
    store.add_partnership("Elsewhere", id=500, by=ME)
    before, history = snapshot(store.plan), len(store.history())
    with pytest.raises(ps.DataImportError) as raised:
        store.import_workload(broken, by=ME)
    assert (raised.value.file, raised.value.line, raised.value.field) == ("updates.csv", len(rows), "status")
    assert snapshot(store.plan) == before
    assert len(store.history()) == history
    assert snapshot(ps.open(path).plan) == before
