"""What every part of the benchmark shares (standard library only): the
generated workloads, the canonical answer digest and the reference answers.

The workload of n actions (seed 1) is generated once into bench/data/
(gitignored) by ``workload/gen_workload.py``; ``workload/reference/`` holds
the reference digests (WORKLOAD.md).
"""

from __future__ import annotations

import functools
import hashlib
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
GENERATOR = HERE / "workload" / "gen_workload.py"
REFERENCE = HERE / "workload" / "reference" / "digests.json"

T = TypeVar("T")


def workload(n: int, data: Path = DATA) -> Path:
    """The seed-1 workload of n actions under `data`, generated on first use."""
    directory = data / f"workload-{n}"
    if not (directory / "meta.json").exists():
        data.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(GENERATOR), "--actions", str(n), "--seed", "1", "--out",
                        str(directory)], check=True, capture_output=True)
    return directory


def meta(directory: Path) -> dict[str, Any]:
    """The workload's meta.json: as_of, slip_action_id, slip_days..."""
    result: dict[str, Any] = json.loads((directory / "meta.json").read_text())
    return result


def digest(lines: Iterable[str | bytes]) -> tuple[int, str]:
    """Rows and sha256 of answer lines as WORKLOAD.md defines it: sorted bytewise, each followed by a newline."""
    encoded = sorted(line.encode() if isinstance(line, str) else line for line in lines)
    return len(encoded), hashlib.sha256(b"".join(line + b"\n" for line in encoded)).hexdigest()


def file_digest(path: Path) -> tuple[int, str]:
    """Rows and digest of an answer file that already holds the canonical lines."""
    data = path.read_bytes()
    return data.count(b"\n"), hashlib.sha256(data).hexdigest()


@functools.lru_cache(maxsize=None)
def _references(path: Path) -> dict[str, Any]:
    """The reference file's workloads, read once per path (every answer is checked against it)."""
    workloads: dict[str, Any] = json.loads(path.read_text())["workloads"]
    return workloads


def reference(n: int, query: str, path: Path = REFERENCE) -> dict[str, Any]:
    """The reference {"rows", "digest"} of a query at n actions; {} when there is none."""
    answer: dict[str, Any] = _references(path).get(str(n), {}).get("answers", {}).get(query, {})
    return answer


def median_seconds(step: Callable[[], T], repeat: int) -> tuple[float, T]:
    """Median wall-clock seconds of `repeat` runs of `step`, after one untimed run that
    pays for lazy imports and first-touch allocations; and the last run's result."""
    times: list[float] = []
    result = step()
    for _ in range(repeat):
        start = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result
