"""Spreadsheet action plans: a domestic abuse audit's 20-row action plan read
from CSV and xlsx, refused whole with every problem listed, and written back
out so that it reads back as the same actions."""

from __future__ import annotations

import csv
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest

import plansight as ps
from support import ME, REPO_ROOT, Sample, day, describe, snapshot

DATA = REPO_ROOT / "tests" / "data" / "spreadsheets"
FIXED = DATA / "da_action_plan.csv"
WITH_ERRORS = DATA / "da_action_plan_with_errors.csv"
AS_OF = day("2024-09-30")  # the 2024/25 Q2 LIS review

# The five deliberate errors of da_action_plan_with_errors.csv: (row, column, value).
FIVE_PROBLEMS = [
    (7, "Timescale", "Ongoing"),
    (8, "Lead agency", "GP Practices"),
    (12, "Action", ""),
    (14, "RAG", "Purple"),
    (15, "Timescale", "31/02/2025"),
]


@dataclass
class Partnership:
    """North Yorkshire's partners and its domestic abuse audit, in a store."""

    store: ps.Store
    audit: ps.Audit
    social_care: ps.Agency
    police: ps.Agency
    primary_care: ps.Agency
    education: ps.Agency
    lis: ps.Group


def north_yorkshire(store: ps.Store) -> Partnership:
    """Adds the partnership the action plan belongs to."""
    nyscp = store.add_partnership("North Yorkshire SCP", by=ME)
    social_care = store.add_agency("Children's Social Care", "local_authority", by=ME)
    police = store.add_agency("North Yorkshire Police", "police", by=ME)
    primary_care = store.add_agency("Primary Care", "health", by=ME)
    education = store.add_agency("Education", "education", by=ME)
    lis = store.add_group(nyscp.id, "Learning and Improvement Subgroup", by=ME)
    audit = store.add_audit(nyscp.id, "Multi-Agency Response to Domestic Abuse", "learning_themes_audit",
                            day("2024-01-15"), by=ME)
    return Partnership(store, audit, social_care, police, primary_care, education, lis)


@pytest.fixture
def nyscp() -> Partnership:
    """A store in memory with the partnership and its audit."""
    return north_yorkshire(ps.open(":memory:"))


def csv_rows(path: Path) -> list[list[str]]:
    """Every row of a CSV file, header first."""
    with path.open(newline="", encoding="utf-8") as source:
        return list(csv.reader(source))


def write_xlsx(path: Path, rows: list[list[Any]], title: str = "Action plan") -> Path:
    """A workbook of one sheet holding `rows` (header first), as an analyst keeps it."""
    workbook = openpyxl.Workbook()
    sheet = workbook.worksheets[0]
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def read(nyscp: Partnership, path: Path, **options: Any) -> list[ps.Action]:
    """Reads the plan at `path` into the partnership's audit, progress as of the Q2 review."""
    return ps.read_action_plan(nyscp.store, path, audit=nyscp.audit.id, as_of=AS_OF, by=ME, **options)


def refusal(nyscp: Partnership, path: Path, **options: Any) -> ps.SheetImportError:
    """The error a refused sheet raises, having checked that the store did not change."""
    before = snapshot(nyscp.store.plan)
    with pytest.raises(ps.SheetImportError) as refused:
        read(nyscp, path, **options)
    assert snapshot(nyscp.store.plan) == before
    assert snapshot(nyscp.store.load()) == before
    return refused.value


def where(problems: list[ps.SheetProblem]) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.value) for p in problems]


# ---- the test data -----------------------------------------------------------------------


def test_the_sheet_with_errors_differs_from_the_fixed_one_in_exactly_five_cells() -> None:
    fixed, broken = csv_rows(FIXED), csv_rows(WITH_ERRORS)
    assert len(fixed) == len(broken) == 21
    header = fixed[0]
    differing = [(r + 1, header[c], broken[r][c]) for r in range(len(fixed)) for c in range(len(header))
                 if fixed[r][c] != broken[r][c]]
    assert differing == FIVE_PROBLEMS


# ---- refusal -------------------------------------------------------------------------------


def test_a_csv_with_five_errors_is_refused_with_exactly_those_five(nyscp: Partnership) -> None:
    error = refusal(nyscp, WITH_ERRORS)
    assert where(error.problems) == FIVE_PROBLEMS
    assert {p.sheet for p in error.problems} == {"da_action_plan_with_errors.csv"}
    assert [p.message for p in error.problems] == [
        "'Ongoing' is not a timescale: give a month ('March 2025'), a quarter ('Q3 2024/25' or 'Q2 2024'), "
        "a financial year ('2024/25') or a date ('31/03/2025')",
        "no agency or group named 'GP Practices'",
        "must not be empty",
        "'Purple' is not a RAG rating (RED, AMBER, GREEN, or BLUE for complete)",
        "'31/02/2025' is not a date: Day of month is not valid for year",
    ]
    lines = str(error).splitlines()
    assert lines[0] == "da_action_plan_with_errors.csv: 5 problems, nothing was read"
    assert lines[1:] == [f"row {p.row}, {p.column}: {p.message}" for p in error.problems]


def test_the_refusal_is_a_data_import_error_naming_the_first_problem(nyscp: Partnership) -> None:
    error = refusal(nyscp, WITH_ERRORS)
    assert isinstance(error, ps.DataImportError)
    assert isinstance(error, ps.Error)
    assert (error.file, error.line, error.field) == ("da_action_plan_with_errors.csv", 7, "Timescale")
    assert repr(error.problems[1]) == (
        "<SheetProblem 'da_action_plan_with_errors.csv' row 8, 'Lead agency' 'GP Practices': "
        "\"no agency or group named 'GP Practices'\">")


def test_an_xlsx_with_five_errors_is_refused_with_exactly_those_five(nyscp: Partnership,
                                                                     tmp_path: Path) -> None:
    workbook = write_xlsx(tmp_path / "da-action-plan.xlsx", csv_rows(WITH_ERRORS))
    error = refusal(nyscp, workbook)
    assert where(error.problems) == FIVE_PROBLEMS
    assert {p.sheet for p in error.problems} == {"Action plan"}


def test_rows_keep_their_numbers_below_a_title_and_past_blank_rows(nyscp: Partnership,
                                                                   tmp_path: Path) -> None:
    rows = csv_rows(WITH_ERRORS)
    title = ["North Yorkshire SCP: domestic abuse audit action plan"]
    titled: list[list[str]] = [title, [], rows[0], *rows[1:6], [], *rows[6:]]
    error = refusal(nyscp, write_xlsx(tmp_path / "titled.xlsx", titled))
    # The header is row 3 and a blank row sits above the sixth action.
    assert where(error.problems) == [(r + 3 if r >= 7 else r + 2, c, v) for r, c, v in FIVE_PROBLEMS]


def test_a_missing_required_column_is_named(nyscp: Partnership, tmp_path: Path) -> None:
    rows = [[cell for i, cell in enumerate(row) if i != 4] for row in csv_rows(FIXED)]
    path = tmp_path / "no-timescale.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows(rows)
    error = refusal(nyscp, path)
    assert [(p.row, p.column, p.value, p.message) for p in error.problems] == [
        (1, "Timescale", "", "missing required column 'Timescale'")]


# ---- reading --------------------------------------------------------------------------------


def test_the_fixed_csv_imports_every_action(nyscp: Partnership) -> None:
    actions = read(nyscp, FIXED)
    plan = nyscp.store.plan
    assert len(actions) == len(plan.actions()) == 20
    assert [a.title for a in actions] == [row[1] for row in csv_rows(FIXED)[1:]]
    assert len(plan.recommendations()) == 6
    first = plan.recommendation(actions[0].recommendation or 0)
    assert first.text.startswith("1. Ensure the voice of the child")
    assert len({a.recommendation for a in actions}) == 6
    assert sum(len(a.updates) for a in actions) == 11
    assert [e.description for a in actions for e in a.evidence] == [
        "Revised guidance published 28/03/2024", "Attendance register and evaluation summary",
        "7 minute briefing and circulation list"]
    assert all(e.kind == ps.EvidenceKind.completion and e.on == AS_OF for a in actions for e in a.evidence)
    assert all(a.created_on == nyscp.audit.held_on and a.audit == nyscp.audit.id for a in actions)


def test_owners_due_dates_and_statuses_come_from_their_columns(nyscp: Partnership) -> None:
    actions = read(nyscp, FIXED)
    plan = nyscp.store.plan
    police_form = actions[1]
    assert police_form.owner.agency == nyscp.police.id
    assert police_form.owner.lead == "DI, Public Protection Unit"
    assert actions[7].owner.group == nyscp.lis.id
    assert [a.due_on for a in actions[:8]] == [
        day("2024-03-31"), day("2024-09-30"), day("2024-07-31"), day("2024-12-31"),
        day("2024-06-30"), day("2025-03-31"), day("2024-09-30"), day("2025-03-31")]
    statuses = [plan.status_at(a.id, as_of=AS_OF) for a in actions]
    assert statuses.count(ps.Status.complete) == 3
    assert statuses.count(ps.Status.in_progress) == 8
    assert statuses.count(ps.Status.not_started) == 9
    assert police_form.updates[0].reported_rag == ps.Rag.amber
    assert police_form.updates[0].note == "Form redesigned; IT change requested"
    assert police_form.updates[0].by == ME.name
    assert actions[10].updates[0].reported_rag == ps.Rag.blue  # "Complete"
    created = nyscp.store.history("action", actions[0].id)[0]
    assert created.why == "action plan imported from da_action_plan.csv"


def test_the_same_plan_as_xlsx_imports_the_same_actions(tmp_path: Path) -> None:
    from_csv = north_yorkshire(ps.open(":memory:"))
    from_xlsx = north_yorkshire(ps.open(":memory:"))
    read(from_csv, FIXED)
    read(from_xlsx, write_xlsx(tmp_path / "da-action-plan.xlsx", csv_rows(FIXED)))
    assert snapshot(from_xlsx.store.plan) == snapshot(from_csv.store.plan)


def test_xlsx_date_and_number_cells_read_as_their_text(nyscp: Partnership, tmp_path: Path) -> None:
    header = csv_rows(FIXED)[0]
    typed = ["Rec 1", 2024, "Education", "DSL", dt.datetime(2025, 1, 31), 12.0, "G", 3.5]
    rows: list[list[Any]] = [header, typed]
    actions = read(nyscp, write_xlsx(tmp_path / "typed.xlsx", rows))
    assert actions[0].title == "2024"
    assert actions[0].due_on == day("2025-01-31")
    assert actions[0].updates[0].note == "12"
    assert actions[0].evidence[0].description == "3.5"


def test_another_sheet_of_a_workbook_and_other_headers(nyscp: Partnership, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.worksheets[0].title = "Notes"
    plan_sheet = workbook.create_sheet("LIS plan")
    plan_sheet.append(["Ref", "Action to be taken", "Lead Agency", "Target date"])
    plan_sheet.append(["R1", "Brief GPs on domestic abuse", "primary care", "Q3 2024/25"])
    workbook.save(tmp_path / "lis.xlsx")
    columns = {"recommendation": "Ref", "action": "Action to be taken", "timescale": "Target date"}
    actions = read(nyscp, tmp_path / "lis.xlsx", sheet="LIS plan", columns=columns)
    assert [(a.title, a.owner.agency, a.due_on) for a in actions] == [
        ("Brief GPs on domestic abuse", nyscp.primary_care.id, day("2024-12-31"))]
    with pytest.raises(ps.ValidationError, match="has no sheet 'Plan'"):
        read(nyscp, tmp_path / "lis.xlsx", sheet="Plan", columns=columns)
    with pytest.raises(ps.ValidationError, match="unknown value 'owner'"):
        read(nyscp, tmp_path / "lis.xlsx", sheet="LIS plan", columns={"owner": "Lead Agency"})


def test_a_csv_with_a_byte_order_mark_reads(nyscp: Partnership, tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + FIXED.read_bytes())
    assert len(read(nyscp, path)) == 20


def test_a_file_that_is_not_a_spreadsheet_is_refused(nyscp: Partnership, tmp_path: Path) -> None:
    with pytest.raises(ps.ValidationError, match="neither an .xlsx nor a .csv file"):
        read(nyscp, tmp_path / "plan.ods")


def test_timescales_read_as_their_due_dates() -> None:
    assert ps.parse_timescale("Q3 2024/25") == day("2024-12-31")
    assert ps.parse_timescale("end of March 2025") == day("2025-03-31")
    assert ps.parse_timescale("2024/25") == day("2025-03-31")
    with pytest.raises(ps.ValidationError, match="'TBC' is not a timescale") as refused:
        ps.parse_timescale("TBC")
    assert refused.value.field == "timescale"


# ---- writing --------------------------------------------------------------------------------


def comparable(plan: ps.Plan, actions: list[ps.Action]) -> list[Any]:
    """What a sheet carries of each action, as of the review date."""
    return [
        (a.title, describe(plan.owner_at(a.id, as_of=AS_OF)), plan.due_on_at(a.id, as_of=AS_OF),
         plan.status_at(a.id, as_of=AS_OF), plan.rag_at(a.id, as_of=AS_OF),
         plan.recommendation(a.recommendation).text if a.recommendation else "",
         a.updates[-1].note if a.updates else "", [e.description for e in a.evidence])
        for a in actions
    ]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_written_plan_reads_back_as_the_same_actions(nyscp: Partnership, tmp_path: Path,
                                                      suffix: str) -> None:
    read(nyscp, FIXED)
    nyscp.store.revise_due_date(nyscp.store.plan.actions()[3].id, on=AS_OF, new_due=day("2025-06-30"),
                                reason="GP records access delayed", agreed_by="LIS", by=ME)
    written = ps.write_action_plan(nyscp.store.plan, tmp_path / f"exported{suffix}", audit=nyscp.audit.id,
                                   as_of=AS_OF)
    assert written == tmp_path / f"exported{suffix}"
    fresh = north_yorkshire(ps.open(":memory:"))
    actions = read(fresh, written)
    assert comparable(fresh.store.plan, actions) == comparable(nyscp.store.plan, nyscp.store.plan.actions())
    assert actions[3].due_on == day("2025-06-30")


def test_a_written_workbook_has_a_bold_header_widths_and_date_cells(nyscp: Partnership,
                                                                   tmp_path: Path) -> None:
    read(nyscp, FIXED)
    path = ps.write_action_plan(nyscp.store.plan, tmp_path / "out.xlsx", audit=nyscp.audit.id, as_of=AS_OF)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert sheet.title == "Action plan"
    header = [cell.value for cell in sheet[1]]
    assert header == list(ps.default_action_plan_columns().values())
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.column_dimensions["B"].width == 60
    assert sheet.freeze_panes == "A2"
    timescale = sheet.cell(row=2, column=header.index("Timescale") + 1).value
    assert timescale == dt.datetime(2024, 3, 31)
    assert sheet.max_row == 21


def test_the_exported_sheet_is_a_header_and_rows_of_text(nyscp: Partnership) -> None:
    read(nyscp, FIXED)
    header, rows = ps.export_action_plan(nyscp.store.plan, audit=nyscp.audit.id, as_of=AS_OF,
                                         columns={"status": "", "progress": "Update"})
    assert header == ["Recommendation", "Action", "Lead agency", "Lead officer", "Timescale", "Update", "RAG",
                      "Evidence"]
    assert rows[0] == [csv_rows(FIXED)[1][0],
                       "Refresh voice of the child guidance for domestic abuse assessments",
                       "Children's Social Care", "Head of Safeguarding Practice", "2024-03-31",
                       "Guidance revised and published on the procedures site", "BLUE",
                       "Revised guidance published 28/03/2024"]
    assert len(rows) == 20


def test_xlsx_without_openpyxl_raises_missing_dependency_error(tmp_path: Path, sample: Sample,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # makes `import openpyxl` fail
    with pytest.raises(ps.MissingDependencyError, match=r'pip install "plansight\[xlsx\]"'):
        ps.write_action_plan(sample.store.plan, tmp_path / "plan.xlsx", audit=sample.audit.id,
                             as_of=dt.date(2024, 10, 1))
    assert not (tmp_path / "plan.xlsx").exists()
