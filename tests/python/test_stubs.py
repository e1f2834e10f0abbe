"""The committed type stub of plansight._core is current and true to the module."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support import REPO_ROOT

GENERATOR = REPO_ROOT / "python" / "tools" / "generate_stub.py"
COMMITTED_STUB = REPO_ROOT / "python" / "plansight" / "_core.pyi"
ALLOWLIST = Path(__file__).with_name("stubtest-allowlist.txt")


def test_stub_is_current(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(GENERATOR), str(tmp_path)], cwd=tmp_path, check=True,
                   capture_output=True, text=True)
    generated = (tmp_path / "plansight" / "_core.pyi").read_text()
    assert generated == COMMITTED_STUB.read_text(), (
        "python/plansight/_core.pyi is stale: run python/tools/generate_stub.py and commit the result")


def test_stubtest_accepts_the_package(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "--allowlist", str(ALLOWLIST), "plansight"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_tests_and_examples_type_check_against_the_stub(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    examples, bench = root / "examples", root / "bench"
    # The seed loader and the benchmark's helpers are imported by module name, as the tests,
    # examples and benchmark put them on sys.path.
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"),
         str(Path(__file__).parent), str(examples / "python"), str(examples / "rules"), str(examples / "seeds"),
         str(bench / "workloads.py"), str(bench / "workload_bench.py"), str(bench / "report_bench.py"),
         str(bench / "run")],
        cwd=tmp_path, capture_output=True, text=True,
        env={**os.environ, "MYPYPATH": os.pathsep.join([str(examples / "seeds"), str(bench)])},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_package_type_checks_strictly(tmp_path: Path) -> None:
    # The installed package, frames and plots included, against pandas' and matplotlib's own types.
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache"), "-p", "plansight"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
