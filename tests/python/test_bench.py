"""The Python side of the benchmark harness (bench/workload_bench.py) answers
the 10,000-action workload as the reference does: a correctness check of the
harness, never a timing."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import plansight as ps
from support import REPO_ROOT

BENCH = REPO_ROOT / "bench"
sys.path.insert(0, str(BENCH))
import workloads  # noqa: E402

PY_QUERIES = ["Q2", "Q3", "Q4", "Q5", "Q5-incremental", "Q6"]


def harness_lines(workload_dir: Path, store: Path) -> list[dict[str, Any]]:
    done = subprocess.run([sys.executable, str(BENCH / "workload_bench.py"), "--workload", str(workload_dir),
                           "--store", str(store), "--repeat", "1"], check=True, capture_output=True, text=True)
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.fixture(scope="module")
def records(workload_dir: Path, workload_store: ps.Store) -> list[dict[str, Any]]:
    return harness_lines(workload_dir, Path(workload_store.path))


def test_every_python_query_is_reported_once(records: list[dict[str, Any]]) -> None:
    assert [r["query"] for r in records] == PY_QUERIES
    assert all(r["impl"] == "plansight-py" and r["n"] == 10_000 and r["seconds"] >= 0 for r in records)


@pytest.mark.parametrize("query", PY_QUERIES)
def test_each_answer_equals_the_reference(records: list[dict[str, Any]], query: str) -> None:
    record = next(r for r in records if r["query"] == query)
    expected = workloads.reference(10_000, query.removesuffix("-incremental"))
    assert (record["rows"], record["digest"]) == (expected["rows"], expected["digest"])


def test_the_digest_is_the_sorted_lines_each_with_a_newline() -> None:
    rows, digest = workloads.digest(["b,2", "a,10", "a,9"])
    assert (rows, digest) == (3, hashlib.sha256(b"a,10\na,9\nb,2\n").hexdigest())
    assert workloads.digest([b"b", "a"]) == workloads.digest(["a", "b"])


def test_the_harness_refuses_a_missing_store(workload_dir: Path, tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(BENCH / "workload_bench.py"), "--workload", str(workload_dir),
                           "--store", str(tmp_path / "none.db")], capture_output=True, text=True)
    assert done.returncode == 2 and "no store file" in done.stderr
