"""Benchmark of the quarterly review pack on the shared workload.

    .venv/bin/python bench/report_bench.py [N ...]     (default: 10000 100000)
    REPEAT=3 (runs per size and format)

For each N it generates the seed-1 workload into bench/data/ (once;
gitignored), imports it into a store file there (once, shared with
bench/run's), opens the store and times ``render_review_pack`` as of the
workload's as-of date, as HTML and as Markdown, REPEAT times each. It prints
one JSON line per (N, format) with the median seconds and the size of the
pack, and checks that the pack holds every section and, as a check on its
content, every overdue action of the plan. The machine is shared and noisy:
compare the medians of one run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import plansight as ps

sys.path.insert(0, str(Path(__file__).resolve().parent))
from workloads import DATA, median_seconds, workload  # noqa: E402


def store_file(n: int, directory: Path) -> Path:
    """The store file bench/run imports the workload into; imported here when bench/run has not."""
    path = DATA / f"bench-{n}.db"
    if not path.exists():
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        ps.open(str(partial)).import_workload(directory, by="report benchmark")
        partial.rename(path)
    return path

SECTIONS = ("Headline figures", "RAG by agency", "Overdue actions", "Blocked and at risk",
            "Changes since the previous review", "Escalations", "Completed and assured this quarter",
            "Rule breaches", "Critical path of each open audit plan")


def bench(n: int, repeat: int) -> bool:
    """Times both formats at n actions; False when a pack misses a section or an overdue action."""
    directory = workload(n)
    as_of = dt.date.fromisoformat(json.loads((directory / "meta.json").read_text())["as_of"])
    plan = ps.open(str(store_file(n, directory))).plan
    overdue = plan.overdue_actions(as_of)
    ok = True
    for name in ("html", "markdown"):
        seconds, pack = median_seconds(lambda: ps.render_review_pack(plan, as_of, name), repeat)
        missing = [s for s in SECTIONS if s not in pack]
        unlisted = sum(1 for a in overdue if f"#{a}" not in pack)
        ok = ok and not missing and unlisted == 0
        print(json.dumps({"impl": "plansight-py", "n": n, "step": f"review_pack_{name}", "seconds": round(seconds, 3),
                          "bytes": len(pack.encode()), "overdue_listed": len(overdue) - unlisted,
                          "missing_sections": missing}), flush=True)
    return ok


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv[1:]] or [10_000, 100_000]
    repeat = int(os.environ.get("REPEAT", "3"))
    return 0 if all([bench(n, repeat) for n in sizes]) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
