"""Fixtures of the plansight Python tests (helpers live in support.py)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import plansight as ps
from support import REPO_ROOT, WORKLOAD_GENERATOR, Sample, build_sample, day


@pytest.fixture
def store() -> ps.Store:
    """An empty store in memory."""
    return ps.open(":memory:")


@pytest.fixture
def sample(store: ps.Store) -> Sample:
    """A store in memory holding one of every entity kind."""
    return build_sample(store)


@pytest.fixture(scope="session")
def workload_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 10,000-action workload of the shared benchmark (seed 1)."""
    out = tmp_path_factory.mktemp("workload-10000")
    subprocess.run(
        [sys.executable, str(WORKLOAD_GENERATOR), "--actions", "10000", "--seed", "1",
         "--out", str(out)],
        check=True, cwd=REPO_ROOT, capture_output=True,
    )
    return out


@pytest.fixture(scope="session")
def workload_meta(workload_dir: Path) -> dict[str, Any]:
    """meta.json of the workload: seed, as_of, exported_on ..."""
    meta: dict[str, Any] = json.loads((workload_dir / "meta.json").read_text())
    return meta


@pytest.fixture(scope="session")
def workload_as_of(workload_meta: dict[str, Any]) -> dt.date:
    """The workload's review date D."""
    return day(workload_meta["as_of"])


@pytest.fixture(scope="session")
def workload_store(tmp_path_factory: pytest.TempPathFactory, workload_dir: Path) -> ps.Store:
    """A store file with the 10,000-action workload imported (shared: do not change it)."""
    store = ps.open(tmp_path_factory.mktemp("store") / "workload.db")
    store.import_workload(workload_dir, by="workload import")
    return store
