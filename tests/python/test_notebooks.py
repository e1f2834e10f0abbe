"""The example notebooks (examples/notebooks) run top to bottom on a kernel of
this interpreter, and are committed as valid nbformat 4 without outputs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

from support import REPO_ROOT

NOTEBOOKS = REPO_ROOT / "examples" / "notebooks"
NAMES = ["quarterly_lis_review.ipynb", "reaudit_impact.ipynb"]
CELL_TIMEOUT = 120  # seconds; a cell takes well under one


class ThisInterpreter(KernelSpecManager):
    """Every kernel name resolves to an IPython kernel of the interpreter running
    the tests: the installed 'python3' spec may start whichever `python` is on PATH."""

    def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
        return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                          display_name="Python 3", language="python", name=kernel_name)


class ThisInterpreterKernel(KernelManager):
    """A kernel manager that finds its kernel through ThisInterpreter."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(kernel_spec_manager=ThisInterpreter(), **kwargs)


def read(name: str) -> Any:
    # nbformat leaves read() unannotated.
    return nbformat.read(NOTEBOOKS / name, as_version=nbformat.NO_CONVERT)  # type: ignore[no-untyped-call]


def run(name: str) -> Any:
    """Executes the notebook in its own directory; raises CellExecutionError on an error."""
    notebook = read(name)
    # The client makes (and so shuts down and closes) its own kernel manager.
    client = NotebookClient(notebook, kernel_name="python3", kernel_manager_class=ThisInterpreterKernel,
                            timeout=CELL_TIMEOUT, startup_timeout=60,
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()
    return notebook


def streams(notebook: Any, stream: str) -> list[str]:
    return [output["text"] for cell in notebook.cells if cell.cell_type == "code"
            for output in cell.outputs if output.get("output_type") == "stream" and output.get("name") == stream]


@pytest.fixture(autouse=True)
def kernel_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Charts render as the notebook's inline PNG images (matplotlib-inline comes
    with ipykernel), so the tests can see each one; jupyter_core uses the platform directories
    without its warning that it is migrating to them (an error under
    filterwarnings=error); the notebook builds the example store itself."""
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    monkeypatch.delenv("PLANSIGHT_STORE", raising=False)


@pytest.mark.parametrize("name", NAMES)
def test_the_notebook_is_valid_and_committed_without_outputs(name: str) -> None:
    notebook = read(name)
    nbformat.validate(notebook)
    assert notebook.nbformat == 4
    assert notebook.metadata["kernelspec"]["name"] == "python3"
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(cell.outputs == [] and cell.execution_count is None for cell in code)
    assert notebook.cells[0].cell_type == "markdown"


@pytest.mark.parametrize("name", NAMES)
def test_the_notebook_runs_top_to_bottom_without_errors_or_warnings_and_shows_its_charts(name: str) -> None:
    notebook = run(name)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.execution_count is not None for cell in code)
    assert streams(notebook, "stderr") == []
    # Every cell drawing a chart shows it.
    charts = [cell for cell in notebook.cells if cell.cell_type == "code" and "pp." in cell.source]
    assert charts, "the notebook draws no chart"
    for cell in charts:
        images = [o for o in cell.outputs if "image/png" in o.get("data", {})]
        assert images, f"no chart shown by the cell:\n{cell.source}"


def test_the_review_notebook_reads_the_store_plansight_store_names(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "example.db"
    subprocess.run([sys.executable, str(REPO_ROOT / "examples/python/example_partnership.py"), str(store)],
                   check=True, capture_output=True, cwd=tmp_path)
    monkeypatch.setenv("PLANSIGHT_STORE", str(store))
    printed = "".join(streams(run("quarterly_lis_review.ipynb"), "stdout"))
    assert "North Yorkshire SCP: review of 2025-03-31 (2024/25 Q4)" in printed
    assert "previous review: 2024-12-31" in printed


def test_a_missing_plansight_store_is_refused_rather_than_created(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from nbclient.exceptions import CellExecutionError

    missing = tmp_path / "missing.db"
    monkeypatch.setenv("PLANSIGHT_STORE", str(missing))
    with pytest.raises(CellExecutionError, match="no such store file"):
        run("reaudit_impact.ipynb")
    assert not missing.exists()
