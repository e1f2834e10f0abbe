"""Benchmark of Q6: the actions DataFrame (plansight.frames.actions) of the shared workload.

    .venv/bin/python bench/frame_bench.py [N ...]     (default: 10000 100000 1000000)
    REPEAT=5 (runs per size)

For each N it generates the seed-1 workload into bench/data/ (once; gitignored),
imports it into a store file there (once), opens the store, and times, REPEAT
times each, ``Plan.action_columns`` (the numpy columns filled in C++) and
``frames.actions`` (those columns made a DataFrame, categoricals included).
It prints one JSON line per (N, step) with the median seconds, and for Q6 the
answer rows and the sha256 digest of the canonical answer lines (WORKLOAD.md)
compared with bench/workload/reference/digests.json; exits non-zero on any
mismatch. Opening the store is timed once, for scale. The machine is shared
and noisy: compare the medians of one run, not runs of different days.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import plansight as ps
from plansight import frames

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
REFERENCE = HERE / "workload" / "reference" / "digests.json"


def workload(n: int) -> Path:
    """The seed-1 workload of n actions, generated once."""
    directory = DATA / f"workload-{n}"
    if not (directory / "meta.json").exists():
        subprocess.run([sys.executable, str(HERE / "workload" / "gen_workload.py"), "--actions", str(n),
                        "--seed", "1", "--out", str(directory)], check=True, capture_output=True)
    return directory


def store_file(n: int, directory: Path) -> Path:
    """A store file holding the workload, imported once (the import is not what is timed here)."""
    path = DATA / f"frame-{n}.db"
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        ps.open(str(partial)).import_workload(directory, by="frame benchmark")
        partial.rename(path)
    return path


def median_seconds(step: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def q6_answer(frame: Any) -> tuple[int, str]:
    """Rows and digest of the Q6 answer lines: action_id,status,rag, sorted bytewise."""
    lines = sorted(f"{i},{s},{r}".encode() for i, s, r in zip(frame.index, frame["status"], frame["rag"]))
    return len(lines), hashlib.sha256(b"".join(line + b"\n" for line in lines)).hexdigest()


def bench(n: int, repeat: int, reference: dict[str, Any]) -> bool:
    directory = workload(n)
    as_of = dt.date.fromisoformat(json.loads((directory / "meta.json").read_text())["as_of"])
    path = store_file(n, directory)
    start = time.perf_counter()
    plan = ps.open(str(path)).plan
    print(json.dumps({"impl": "plansight-py", "n": n, "step": "open", "seconds": time.perf_counter() - start}))
    frames.actions(plan, as_of)  # the first call loads pandas' lazy modules; not timed
    seconds, _ = median_seconds(lambda: plan.action_columns(as_of), repeat)
    print(json.dumps({"impl": "plansight-py", "n": n, "step": "action_columns", "seconds": seconds}))
    seconds, frame = median_seconds(lambda: frames.actions(plan, as_of), repeat)
    rows, digest = q6_answer(frame)
    expected = reference.get(str(n), {}).get("answers", {}).get("Q6", {}).get("digest", "")
    print(json.dumps({"impl": "plansight-py", "n": n, "query": "Q6", "seconds": seconds, "rows": rows,
                      "digest": digest, "reference": expected, "match": digest == expected}))
    return digest == expected


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [10_000, 100_000, 1_000_000]
    repeat = int(os.environ.get("REPEAT", "5"))
    reference = json.loads(REFERENCE.read_text())["workloads"]
    DATA.mkdir(exist_ok=True)
    results = [bench(n, repeat, reference) for n in sizes]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
