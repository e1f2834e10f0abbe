"""Every C++ error kind arrives as its own Python class under plansight.Error."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

import plansight as ps
import plansight.exceptions
from support import ME, Sample, day

KINDS = [ps.ValidationError, ps.NotFoundError, ps.CycleError, ps.ConflictError, ps.StoreError,
         ps.DataImportError, ps.SheetImportError, ps.RuleError]


def test_hierarchy() -> None:
    assert issubclass(ps.Error, Exception)
    for kind in KINDS:
        assert issubclass(kind, ps.Error)
        assert kind.__module__ == "plansight._core"
    assert issubclass(ps.ValidationError, ValueError)
    assert issubclass(ps.NotFoundError, LookupError)
    assert not issubclass(ps.DataImportError, ImportError)
    assert issubclass(ps.SheetImportError, ps.DataImportError)


def test_exceptions_module_reexports_the_same_classes() -> None:
    assert plansight.exceptions.Error is ps.Error
    assert {getattr(plansight.exceptions, k.__name__) for k in KINDS} == set(KINDS)
    assert set(plansight.exceptions.__all__) == {"Error", "MissingDependencyError", *(k.__name__ for k in KINDS)}


def test_a_missing_optional_dependency_is_a_plansight_error_and_an_import_error() -> None:
    assert ps.MissingDependencyError is plansight.exceptions.MissingDependencyError
    assert issubclass(ps.MissingDependencyError, ps.Error)
    assert issubclass(ps.MissingDependencyError, ImportError)


def test_validation_error_names_the_field(store: ps.Store) -> None:
    with pytest.raises(ps.ValidationError) as raised:
        store.add_partnership("   ", by=ME)
    assert raised.value.field == "name"
    assert str(raised.value) == "name: must not be empty"
    assert isinstance(raised.value, ps.Error)


def test_a_date_outside_the_calendar_range_is_a_validation_error(sample: Sample) -> None:
    import datetime as dt

    with pytest.raises(ps.ValidationError, match="year 1300 is out of range") as raised:
        sample.store.plan.rag_counts(dt.date(1300, 1, 1))
    assert raised.value.field == "date"


def test_not_found_error(sample: Sample) -> None:
    with pytest.raises(ps.NotFoundError, match="no audit 42"):
        sample.store.add_finding(42, "worry", "A worry", by=ME)
    with pytest.raises(ps.Error):
        sample.store.plan.agency(42)


def test_cycle_error(sample: Sample) -> None:
    with pytest.raises(ps.CycleError, match="cycle"):
        sample.store.add_dependency(sample.training.id, sample.procedure.id, by=ME)
    with pytest.raises(ps.CycleError):
        sample.store.add_dependency(sample.training.id, sample.training.id, by=ME)


def test_conflict_error(sample: Sample) -> None:
    with pytest.raises(ps.ConflictError, match="already exists"):
        sample.store.add_theme("domestic abuse", by=ME)
    sample.store.record_update(sample.training.id, on=day("2024-05-01"), status="in_progress", by=ME)
    with pytest.raises(ps.ConflictError, match="cannot go back to not_started"):
        sample.store.record_update(sample.training.id, on=day("2024-05-02"), status="not_started", by=ME)


def test_store_error_for_a_file_that_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("These are meeting notes, not a database.\n" * 100)
    with pytest.raises(ps.StoreError) as raised:
        ps.open(path)
    assert isinstance(raised.value, ps.Error)


def test_store_error_for_a_directory_that_cannot_hold_a_file(tmp_path: Path) -> None:
    with pytest.raises(ps.StoreError):
        ps.open(tmp_path / "missing" / "dir" / "lscp.db")


def test_data_import_error_names_file_line_and_field(tmp_path: Path, workload_dir: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(workload_dir, broken)
    actions = broken / "actions.csv"
    with actions.open(newline="") as f:
        rows = list(csv.reader(f))
    rows[3][rows[0].index("due_on")] = "31/03/2025"
    with actions.open("w", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    store = ps.open(":memory:")
    with pytest.raises(ps.DataImportError) as raised:
        store.import_workload(broken, by=ME)
    error = raised.value
    assert (error.file, error.line, error.field) == ("actions.csv", 4, "due_on")
    assert "31/03/2025" in str(error)
    assert isinstance(error, ps.Error)


def test_errors_that_are_not_plansight_errors_keep_their_python_type(store: ps.Store) -> None:
    with pytest.raises(TypeError):
        store.add_partnership(name=3, by=ME)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        store.add_partnership("Dudley")  # type: ignore[call-arg]
