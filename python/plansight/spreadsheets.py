"""Spreadsheet action plans: the action plan a partnership already keeps in a
spreadsheet, read into a store, and a plan's actions written back out.

A sheet has one row per action under a header such as::

    Recommendation | Action | Lead agency | Lead officer | Timescale | Status |
    Progress update | RAG | Evidence

(``plansight.default_action_plan_columns()`` gives the headers by field; pass
``columns={"action": "Action to be taken"}`` for others). Rows above the
header, such as a title, are skipped: the header is the first row naming the
action column. ``.xlsx`` needs openpyxl (``pip install 'plansight[xlsx]'``);
``.csv`` is read as UTF-8, with or without a byte-order mark.

Reading is all or nothing: every row is checked, and a refused sheet raises
``plansight.SheetImportError`` whose ``problems`` list every refused cell
(sheet, row, column, value, message) while the store stays as it was::

    import datetime as dt
    import plansight as ps

    store = ps.open("nyscp.db")
    actions = ps.read_action_plan(store, "da-action-plan.xlsx", audit=audit.id,
                                  as_of=dt.date(2024, 9, 30), by="LIS business manager")
    ps.write_action_plan(store.plan, "da-action-plan-q2.xlsx", audit=audit.id,
                         as_of=dt.date(2024, 9, 30))
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Optional, Union

from plansight._optional import require
from plansight._core import (
    Action,
    Actor,
    Plan,
    Store,
    ValidationError,
    default_action_plan_columns,
    export_action_plan,
)

__all__ = ["read_action_plan", "write_action_plan"]

PathLike = Union[str, "os.PathLike[str]"]
Columns = Optional[Mapping[str, str]]

# How far down a sheet the header is looked for (title rows sit above it).
_HEADER_SEARCH_ROWS = 20
# Column widths written to .xlsx, in characters.
_MIN_WIDTH, _MAX_WIDTH = 10, 60


def read_action_plan(
    store: Store,
    path: PathLike,
    *,
    audit: int,
    as_of: dt.date,
    by: Actor | str,
    columns: Columns = None,
    sheet: str | None = None,
    created_on: dt.date | None = None,
    why: str | None = None,
) -> list[Action]:
    """Read the action plan in ``path`` (.xlsx or .csv) into audit ``audit`` of ``store``.

    Progress, RAG and evidence are taken as reported on ``as_of``; new actions
    are created on ``created_on`` (default: the audit's held_on). ``sheet``
    names the worksheet of a workbook (default: the active one). Everything is
    written in one transaction, attributed to ``by`` with ``why`` (default:
    "action plan imported from <file name>"). Returns the actions added, in
    sheet order. Raises SheetImportError listing every problem when any row is
    refused (the store is then unchanged), ValidationError for a file that is
    neither .xlsx nor .csv or a sheet name the workbook lacks, and
    MissingDependencyError when .xlsx is read without openpyxl installed.
    """
    name, rows = _read_rows(Path(path), sheet)
    header_index = _header_index(rows, columns)
    header = rows[header_index] if header_index < len(rows) else []
    return store.import_action_plan(
        name,
        header,
        rows[header_index + 1 :],
        audit=audit,
        as_of=as_of,
        by=by,
        columns=dict(columns) if columns is not None else None,
        created_on=created_on,
        first_row=header_index + 2,
        why=why if why is not None else f"action plan imported from {Path(path).name}",
    )


def write_action_plan(
    plan: Plan,
    path: PathLike,
    *,
    audit: int,
    as_of: dt.date,
    columns: Columns = None,
) -> Path:
    """Write audit ``audit``'s actions, as they stood at ``as_of``, to ``path`` (.xlsx or .csv).

    The columns are those read_action_plan reads (see
    plansight.export_action_plan), so the file reads back as the same
    actions. In .xlsx the header is bold and frozen, the timescale is a date
    cell and each column is as wide as its text (up to 60 characters). Returns
    the path written. Raises ValidationError for a file that is neither .xlsx
    nor .csv, NotFoundError for an unknown audit, and MissingDependencyError
    when .xlsx is written without openpyxl installed.
    """
    target = Path(path)
    header, rows = export_action_plan(
        plan, audit=audit, as_of=as_of, columns=dict(columns) if columns is not None else None
    )
    kind = _kind_of(target)
    if kind == "csv":
        with target.open("w", newline="", encoding="utf-8-sig") as out:
            csv.writer(out).writerows([header, *rows])
    else:
        _write_xlsx(target, header, rows, _timescale_header(columns))
    return target


# ---- reading ---------------------------------------------------------------------------


def _kind_of(path: Path) -> str:
    """"xlsx" or "csv" by the file's suffix; ValidationError for anything else."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix == ".csv":
        return "csv"
    raise ValidationError(f"path: {str(path)!r} is neither an .xlsx nor a .csv file")


def _read_rows(path: Path, sheet: str | None) -> tuple[str, list[list[str]]]:
    """The sheet's name and every row of it as cell text."""
    if _kind_of(path) == "csv":
        with path.open(newline="", encoding="utf-8-sig") as source:
            return path.name, [list(row) for row in csv.reader(source)]
    return _read_xlsx(path, sheet)


def _require_openpyxl() -> None:
    """Raise MissingDependencyError saying how to install openpyxl (an optional extra) when it is missing."""
    require("openpyxl", extra="xlsx", needed_by="reading and writing .xlsx action plans (or use a .csv file)")


def _read_xlsx(path: Path, sheet: str | None) -> tuple[str, list[list[str]]]:
    """The worksheet's title and its rows as cell text (values, not formulas)."""
    _require_openpyxl()
    from openpyxl import load_workbook
    from openpyxl.chartsheet import Chartsheet

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise ValidationError(
                f"sheet: {path.name} has no sheet {sheet!r} (it has {', '.join(workbook.sheetnames)})"
            )
        worksheet = workbook[sheet] if sheet is not None else workbook.active
        if worksheet is None or isinstance(worksheet, Chartsheet):
            raise ValidationError(f"sheet: the chosen sheet of {path.name} is a chart, not a table")
        rows = [[_cell_text(value) for value in row] for row in worksheet.iter_rows(values_only=True)]
        return worksheet.title, rows
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    """A cell's value as the text a person reads in it; dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _header_of(field: str, columns: Columns) -> str:
    """The header a field is read from: as ``columns`` names it, else the default."""
    return (columns or {}).get(field, default_action_plan_columns()[field])


def _fold(text: str) -> str:
    """A header as it is matched: runs of whitespace as one space, case ignored."""
    return " ".join(text.split()).casefold()


def _header_index(rows: Sequence[Sequence[str]], columns: Columns) -> int:
    """The index of the header row: the first naming the action column, else the first non-blank."""
    action = _fold(_header_of("action", columns))
    for index, row in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        if any(_fold(cell) == action for cell in row):
            return index
    return next((i for i, row in enumerate(rows) if any(cell.strip() for cell in row)), 0)


# ---- writing ---------------------------------------------------------------------------


def _timescale_header(columns: Columns) -> str:
    """The header of the timescale column, whose cells are written as dates."""
    return _header_of("timescale", columns)


def _write_xlsx(path: Path, header: list[str], rows: list[list[str]], timescale: str) -> None:
    """One sheet, "Action plan": a bold, frozen header, widths to fit, the timescale as dates."""
    _require_openpyxl()
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    worksheet = workbook.worksheets[0]
    worksheet.title = "Action plan"
    worksheet.append(header)
    date_column = header.index(timescale) if timescale in header else None
    for row in rows:
        worksheet.append(_typed_cells(row, date_column))
    bold = Font(bold=True)
    for cell in worksheet[1]:
        cell.font = bold
    for index, width in enumerate(_widths([header, *rows]), start=1):
        worksheet.column_dimensions[get_column_letter(index)].width = width
    if date_column is not None:
        for (cell,) in worksheet.iter_rows(min_row=2, min_col=date_column + 1, max_col=date_column + 1):
            cell.number_format = "yyyy-mm-dd"
    worksheet.freeze_panes = "A2"
    workbook.save(path)


def _typed_cells(row: list[str], date_column: int | None) -> list[object]:
    """The row's cells, the timescale as a date so that a spreadsheet sorts and filters it as one."""
    cells: list[object] = list(row)
    if date_column is not None and row[date_column]:
        cells[date_column] = dt.date.fromisoformat(row[date_column])
    return cells


def _widths(rows: Iterable[Sequence[str]]) -> list[int]:
    """Each column's width: its longest line of text, within the minimum and maximum."""
    widths: list[int] = []
    for row in rows:
        for index, cell in enumerate(row):
            longest = max((len(line) for line in cell.splitlines()), default=0)
            if index == len(widths):
                widths.append(_MIN_WIDTH)
            widths[index] = min(max(widths[index], longest + 2), _MAX_WIDTH)
    return widths
