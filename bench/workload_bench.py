"""The Python side of bench/run: WORKLOAD.md's Q2-Q5 again, and Q6, through the
plansight package on a store file that bench/run has imported the workload into.

    .venv/bin/python bench/workload_bench.py --workload DIR --store FILE [--repeat N]

It opens the store (the plan made queryable, as the C++ load), then times each
query --repeat times after one untimed run and prints one JSON line per query:
{"impl": "plansight-py", "n", "query", "seconds" (median), "rows", "digest"}
where the digest is WORKLOAD.md's sha256 of the sorted answer lines. Building
the answer lines from the results is not timed; bench/run compares the
digests with the reference. Q6 is ``plansight.frames.actions`` (the actions
DataFrame with status and RAG at the as-of date).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import plansight as ps
from plansight import frames

sys.path.insert(0, str(Path(__file__).resolve().parent))
from workloads import digest, median_seconds, meta  # noqa: E402


def q2_lines(counts: Iterable[ps.RagCount]) -> list[str]:
    return [f"{c.partnership},{'' if c.agency is None else c.agency},{c.rag},{c.count}" for c in counts]


def q3_lines(lists: tuple[list[int], list[int]]) -> list[str]:
    overdue, blocked = lists
    return [f"overdue,{i}" for i in overdue] + [f"blocked,{i}" for i in blocked]


def q4(plan: ps.Plan) -> tuple[ps.Schedule, list[tuple[int, int]]]:
    schedule = ps.schedule(plan)
    return schedule, [(p.id, schedule.critical_path(partnership=p.id).days) for p in plan.partnerships()]


def q4_lines(result: tuple[ps.Schedule, list[tuple[int, int]]]) -> list[str]:
    schedule, critical = result
    columns = schedule.columns()
    finishes = columns["earliest_finish"].astype("datetime64[D]").astype(str)
    lines = [f"a,{i},{f}" for i, f in zip(columns["id"].tolist(), finishes.tolist())]
    return lines + [f"p,{p},{days}" for p, days in critical]


def q5_lines(impact: ps.SlipImpact) -> list[str]:
    return [str(e.action) for e in impact.newly_late]


def q6_lines(frame: Any) -> list[str]:
    return [f"{i},{s},{r}" for i, s, r in zip(frame.index, frame["status"], frame["rag"])]


def report(n: int, query: str, seconds: float, lines: list[str]) -> None:
    rows, sha = digest(lines)
    print(json.dumps({"impl": "plansight-py", "n": n, "query": query, "seconds": round(seconds, 6), "rows": rows,
                      "digest": sha}), flush=True)


def run(workload: Path, store_path: Path, repeat: int) -> None:
    m = meta(workload)
    n, as_of = int(m["actions"]), dt.date.fromisoformat(m["as_of"])
    slipped, days = int(m["slip_action_id"]), int(m["slip_days"])
    plan = ps.open(str(store_path)).plan

    def timed(query: str, step: Callable[[], Any], lines: Callable[[Any], list[str]]) -> Any:
        seconds, result = median_seconds(step, repeat)
        report(n, query, seconds, lines(result))
        return result

    timed("Q2", lambda: plan.rag_counts(as_of), q2_lines)
    timed("Q3", lambda: (plan.overdue_actions(as_of), plan.blocked_actions(as_of)), q3_lines)
    scheduled, _ = timed("Q4", lambda: q4(plan), q4_lines)
    timed("Q5", lambda: ps.slip(plan, ps.schedule(plan), slipped, days=days), q5_lines)
    timed("Q5-incremental", lambda: ps.slip(plan, scheduled, slipped, days=days), q5_lines)
    timed("Q6", lambda: frames.actions(plan, as_of), q6_lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workload", type=Path, required=True, help="the generated workload directory")
    parser.add_argument("--store", type=Path, required=True, help="a store file holding that workload")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query (default 5)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if not args.store.exists():
        parser.error(f"no store file {args.store}")
    run(args.workload, args.store, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
