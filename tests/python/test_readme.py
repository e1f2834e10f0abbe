"""The README's examples are the files under examples/, and they run."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = (
    "Update domestic abuse practice guidance: GREEN\n"
    "Share a 7 minute briefing on the voice of the child: AMBER (blocked)\n"
)


def readme_example(path: str) -> str:
    """The fenced block that follows the README's `<!-- example: path -->` marker."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- example: {re.escape(path)} -->\n```\w+\n(.*?)```", readme, re.S)
    assert match, f"README has no example block for {path}"
    return match.group(1)


def test_readme_shows_the_cpp_example_verbatim() -> None:
    assert readme_example("examples/cpp/quickstart.cpp") == (ROOT / "examples/cpp/quickstart.cpp").read_text()


def test_readme_shows_the_python_example_verbatim() -> None:
    assert readme_example("examples/python/quickstart.py") == (
        ROOT / "examples/python/quickstart.py"
    ).read_text()


def test_python_example_runs_and_prints_the_review(tmp_path: Path) -> None:
    store = tmp_path / "nyscp.db"
    run = subprocess.run(
        [sys.executable, str(ROOT / "examples/python/quickstart.py"), str(store)],
        capture_output=True, text=True, cwd=tmp_path, check=True,
    )
    assert run.stdout == EXPECTED
    assert store.exists()


def test_readme_shows_the_quarterly_review_example_verbatim() -> None:
    assert readme_example("examples/python/quarterly_review.py") == (
        ROOT / "examples/python/quarterly_review.py"
    ).read_text()


def test_quarterly_review_example_prints_the_changes_and_the_breaches(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "examples/python/quarterly_review.py"), str(tmp_path / "nyscp.db")],
        capture_output=True, text=True, cwd=tmp_path, check=True,
    )
    lines = run.stdout.splitlines()
    assert lines[:2] == ["2024/25 Q2 review, changes since 2024-06-30:", "  extended [1], escalated [2]"]
    assert any(line.startswith("  breach overdue: action 2 'Agree a pathway") for line in lines)


def test_readme_shows_the_analyst_example_verbatim() -> None:
    assert readme_example("examples/python/analyst_frames.py") == (
        ROOT / "examples/python/analyst_frames.py"
    ).read_text()


def test_analyst_example_prints_the_frames_figures_and_saves_the_chart(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "examples/python/analyst_frames.py")],
        capture_output=True, text=True, cwd=tmp_path, check=True, env={**os.environ, "MPLBACKEND": "Agg"},
    )
    lines = run.stdout.splitlines()
    assert lines[:6] == ["rag", "BLUE     12", "GREEN     5", "AMBER     4", "RED       2", "none      0"]
    assert lines[6].startswith("overdue: ['Make historical paper records available")
    assert lines[9].split() == ["North", "Yorkshire", "Police", "0", "0", "1", "1", "0"]
    assert lines[10] == ("improved: ['voice of the child evident', 'risk assessment tool used', "
                         "'information shared with partners']")
    assert "voice of the child: 3 audits, 2023-2025" in lines
    assert (tmp_path / "rag_by_agency.png").stat().st_size > 10_000


def test_readme_shows_the_reports_example_verbatim() -> None:
    assert readme_example("examples/python/reports.py") == (ROOT / "examples/python/reports.py").read_text()


def test_reports_example_writes_the_pack_and_prints_the_briefing(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "examples/python/reports.py")],
        capture_output=True, text=True, cwd=tmp_path, check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "examples" / "seeds")},
    )
    lines = run.stdout.splitlines()
    assert lines[0] == "# Multi Agency Quality Assurance Audit: Child to Adult Conflict July 2024"
    assert lines[1].startswith("Ten children aged 9 to 17 were audited by eleven agencies; six were discussed")
    assert lines[2].startswith("published 2024-")
    assert "## Rule breaches" in (tmp_path / "review-pack.md").read_text(encoding="utf-8")
    assert (tmp_path / "review-pack.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
