"""pandas DataFrames of a plan, for the analyst's quarterly review.

Every frame is built from the numpy columns that C++ fills in one pass
(``Plan.action_columns`` and its siblings): texts and enums arrive as codes
into their distinct values and become ``pandas.Categorical`` without one
Python object per row; dates are ``datetime64`` (``NaT`` where there is
none); ids are ``int64``, ``-1`` where there is none, except where a column
says it holds nullable ids (pandas ``Int64``, ``<NA>`` where none).

Status, RAG, grade and severity are *ordered* categoricals, so that sorting
and comparisons follow their meaning (``not_started < in_progress``,
``inadequate < outstanding``, ``info < breach``). Everything is as of the date
the caller gives; nothing reads the clock.

pandas is an optional extra (``pip install "plansight[pandas]"``); the rest of
plansight works without it::

    import datetime as dt
    import plansight as ps
    from plansight import frames

    plan = ps.open("lscp.db").plan
    q4 = dt.date(2025, 3, 31)
    df = frames.actions(plan, q4)
    df[df.overdue].groupby("owner", observed=True).size()
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, Optional

from plansight import _core
from plansight._optional import require

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "RAG_ORDER",
    "actions",
    "findings",
    "grading_grid",
    "gradings",
    "rag_counts",
    "reaudit_grades",
    "reviews",
    "rule_results",
    "theme_recurrence",
    "updates",
]

#: Enum columns whose categories are ordered. C++ declares status, RAG and
#: severity lowest first; grades run from outstanding down, so they are reversed.
_ORDERED = {"status", "rag", "reported_rag", "severity"}
_REVERSED = {"grade"}

#: The RAG columns of rag_counts, in the order a review pack shows them.
RAG_ORDER = [str(rag) for rag in _core.Rag]


def _pandas() -> Any:
    """pandas, or a MissingDependencyError saying how to install it."""
    return require("pandas", extra="pandas", needed_by="plansight.frames")


def _frame(columns: Mapping[str, Any], index: Optional[str] = None) -> pd.DataFrame:
    """A DataFrame of C++ columns: codes with a ``<name>_categories`` list become categoricals."""
    pandas = _pandas()
    data: dict[str, Any] = {}
    for name, values in columns.items():
        if name.endswith("_categories"):
            continue
        categories = columns.get(name + "_categories")
        data[name] = values if categories is None else _categorical(pandas, name, values, categories)
    frame: pd.DataFrame = pandas.DataFrame(data)
    return frame.set_index(index) if index else frame


def _categorical(pandas: Any, name: str, codes: Any, categories: Sequence[str]) -> Any:
    values = pandas.Categorical.from_codes(codes, categories=list(categories), ordered=name in _ORDERED)
    if name in _REVERSED:
        values = values.reorder_categories(list(reversed(categories)), ordered=True)
    return values


def _nullable_ids(frame: pd.DataFrame, *names: str) -> None:
    """Id columns where -1 means none become pandas Int64 with <NA>."""
    for name in names:
        frame[name] = frame[name].astype("Int64").mask(frame[name] < 0)


def actions(plan: _core.Plan, as_of: dt.date, *, partnership: Optional[int] = None,
            audit: Optional[int] = None, forecast: bool = True) -> pd.DataFrame:
    """The actions existing at ``as_of`` (of one partnership or audit, when given), indexed by id.

    Columns: ``partnership``, ``audit``, ``audit_title``, ``finding`` and
    ``recommendation`` (Int64, <NA> where none), ``title``, ``owner`` (the
    owning agency's or group's name at ``as_of``), ``owner_agency_id``
    (Int64) and ``owner_agency`` (the agency's name; <NA> and NaN for a
    group-owned action), ``owner_group`` (the group's id, <NA> for an
    agency-owned one), ``owner_role``, ``owner_lead``;
    ``created_on``, ``first_due_on`` (as first agreed), ``due_on`` (in force at
    ``as_of``), ``revised_due_on`` (``due_on`` where it was revised by then,
    else NaT), ``revisions``, ``forecast_finish`` (the schedule's earliest
    finish forecast from ``as_of``), ``completed_on``, ``estimate_days``;
    ``status`` and ``rag`` at ``as_of`` (ordered categoricals, WORKLOAD.md's
    definitions); ``open``, ``overdue``, ``blocked``, ``at_risk`` (forecast to
    finish after its due date) and ``assured`` (bool). ``owner_role`` and
    ``owner_lead`` are NaN where never given.

    ``forecast=False`` leaves out ``forecast_finish`` and ``at_risk``, which
    need the whole plan scheduled. Raises NotFoundError for an unknown
    partnership or audit.
    """
    columns = plan.action_columns(as_of, partnership=partnership, audit=audit, forecast=forecast)
    frame = _frame(columns, index="id")
    frame = frame.rename(columns={"owner_agency": "owner_agency_id", "owner_agency_name": "owner_agency"})
    _nullable_ids(frame, "finding", "recommendation", "owner_agency_id", "owner_group")
    frame.insert(list(frame.columns).index("due_on") + 1, "revised_due_on",
                 frame["due_on"].where(frame["revisions"] > 0))
    return frame


def rag_counts(plan: _core.Plan, as_of: dt.date, *,
               by: Literal["agency", "owner", "partnership", "audit"] = "agency",
               partnership: Optional[int] = None) -> pd.DataFrame:
    """How many actions existing at ``as_of`` have each RAG then, one row per owner (or other key).

    ``by``: ``"agency"`` or ``"owner"`` (the owner at ``as_of``: an agency, or
    a group for a group-owned action), ``"partnership"`` or ``"audit"``.
    Counted by id; rows are labelled by name (a partnership by its id), and
    where two share a name (every partnership's LIS, an audit title used
    twice) the label adds the id, like ``"Learning and Improvement Subgroup
    (group 4)"``. Columns RED, AMBER, GREEN, BLUE, none (int; every one
    present, zeros included); rows sorted by label. Raises ValidationError
    for another ``by`` and NotFoundError for an unknown partnership.
    """
    if by not in ("agency", "owner", "partnership", "audit"):
        raise _core.ValidationError(f"by: unknown grouping {by!r} (expected agency, owner, partnership or audit)")
    frame = actions(plan, as_of, partnership=partnership, forecast=False)
    keys, labels = _grouping(frame, by)
    counts = frame.groupby([keys, frame["rag"]], observed=True).size().unstack("rag", fill_value=0)
    counts = counts.reindex(columns=RAG_ORDER, fill_value=0)
    counts.columns = counts.columns.astype(str)
    counts.columns.name = None
    if by != "partnership":
        counts.index = [labels[key] for key in counts.index]
    counts = counts.sort_index()
    counts.index.name = by
    return counts.astype("int64")


def _grouping(frame: pd.DataFrame, by: str) -> tuple[Any, dict[Any, str]]:
    """The key of each row for rag_counts (ids) and the label of each key (names, made unique)."""
    if by == "partnership":
        return frame["partnership"].rename("key"), {}
    if by == "audit":
        keys = frame["audit"].rename("key")
        names = dict(zip(frame["audit"], frame["audit_title"].astype(str)))
        return keys, _unique_labels(names, "audit")
    # Agencies by their id, groups by minus theirs: one key for either kind of owner.
    keys = frame["owner_agency_id"].fillna(-frame["owner_group"]).astype("int64").rename("key")
    names = dict(zip(keys, frame["owner"].astype(str)))
    return keys, _unique_labels(names, "owner")


def _unique_labels(names: dict[Any, str], kind: str) -> dict[Any, str]:
    """Each key's name, with its id added where another key has the same name."""
    seen: dict[str, int] = {}
    for name in names.values():
        seen[name] = seen.get(name, 0) + 1

    def label(key: Any, name: str) -> str:
        if seen[name] == 1:
            return name
        if kind == "owner":
            return f"{name} ({'agency' if key > 0 else 'group'} {abs(int(key))})"
        return f"{name} ({kind} {int(key)})"

    return {key: label(key, name) for key, name in names.items()}


def updates(plan: _core.Plan, *, as_of: Optional[dt.date] = None) -> pd.DataFrame:
    """Every progress update (those dated on or before ``as_of``, when given), by action.

    Columns: ``action``, ``partnership``, ``audit``, ``on``, ``status``
    (ordered), ``reported_rag`` (the RAG the owner reported, NaN where none;
    not the RAG at a date), ``note``, ``by``, ``completed_on`` (NaT unless the
    update completes the action).
    """
    return _frame(plan.update_columns(as_of=as_of))


def findings(plan: _core.Plan) -> pd.DataFrame:
    """Every finding, indexed by id, with its audit and themes.

    Columns: ``audit``, ``audit_title``, ``partnership``, ``held_on`` (the
    audit's date), ``category`` (good_practice, area_for_development, worry,
    learning_theme), ``text``, ``themes`` (names joined by "; "), ``cases``
    and ``agencies`` (how many it concerns).
    """
    return _frame(plan.finding_columns(), index="id")


def gradings(plan: _core.Plan, audit: Optional[int] = None) -> pd.DataFrame:
    """Every grading of the agency returns (of one audit's cases, when given), one row each.

    Columns: ``audit``, ``case`` (id), ``case_reference`` (the pseudonymised
    reference), ``agency`` (id), ``agency_name``, ``question``, ``grade``
    (ordered, inadequate lowest). Raises NotFoundError for an unknown audit.
    """
    return _frame(plan.grading_columns(audit=audit))


def grading_grid(plan: _core.Plan, audit: int, *, question: Optional[str] = None) -> pd.DataFrame:
    """The agency × case grid of an audit: one row per agency, one column per case reference.

    Each cell is the grade that agency gave on that case for ``question``, or,
    when ``question`` is None, the lowest grade across its questions (a grid
    cell flags the weakest practice found). NaN where the agency made no
    return for the case. Raises ValidationError for a question the audit
    never graded.
    """
    pandas = _pandas()
    long = gradings(plan, audit)
    if question is not None:
        if question not in set(long["question"].astype(str)):
            raise _core.ValidationError(f"question: audit {audit} never graded {question!r}")
        long = long[long["question"] == question]
    grid = long.groupby(["agency_name", "case_reference"], observed=True)["grade"].min().unstack("case_reference")
    cases = [c for c in long["case_reference"].cat.categories if c in grid.columns]
    grid = grid.reindex(columns=cases)
    grid.index.name = "agency"
    grid.columns.name = "case"
    grades = list(long["grade"].cat.categories)  # inadequate first
    for column in grid.columns:
        grid[column] = pandas.Categorical(grid[column], categories=grades, ordered=True)
    return grid


def reviews(plan: _core.Plan) -> pd.DataFrame:
    """One row per outcome of every review meeting, in the order recorded.

    Columns: ``review`` (the meeting's id), ``group``, ``group_name``,
    ``held_on``, ``action``, ``outcome`` (continue, complete, assure, extend,
    escalate, cancel), ``new_due`` (NaT unless extended), ``reason``,
    ``escalated_to`` (a group id, <NA> unless escalated), ``note``.
    """
    frame = _frame(plan.review_outcome_columns())
    _nullable_ids(frame, "escalated_to")
    return frame


def rule_results(report: _core.RuleReport) -> pd.DataFrame:
    """A rule set's results, in the report's order (breaches first).

    Columns: ``rule``, ``severity`` (ordered: info < warning < breach),
    ``subject_kind`` ("action", "finding", "audit", "concern", "item"),
    ``subject_id``, ``message``.
    """
    return _frame(report.columns())


def theme_recurrence(plan: _core.Plan) -> pd.DataFrame:
    """One row per theme per audit it occurs in, by theme then audit date.

    A theme occurs in an audit when the audit or one of its findings is tagged
    with it. Columns: ``theme`` (name), ``theme_id``, ``audit``,
    ``audit_title``, ``partnership``, ``year``, ``findings`` (the audit's
    findings tagged with it), ``audit_theme`` (the audit itself is tagged).
    Pivot it for recurrence across years:
    ``df.pivot_table(index="theme", columns="year", values="audit", aggfunc="count")``.
    """
    frame = _frame(plan.theme_occurrence_columns())
    frame = frame.rename(columns={"theme": "theme_id", "theme_name": "theme"})
    return frame[["theme", "theme_id", "audit", "audit_title", "partnership", "year", "findings", "audit_theme"]]


def reaudit_grades(plan: _core.Plan, reaudit: int) -> pd.DataFrame:
    """A re-audit against the audit it re-audits, one row per question, indexed by question.

    Columns: ``audit_gradings`` and ``reaudit_gradings`` (how many),
    ``audit_good_or_better`` and ``reaudit_good_or_better`` (the share graded
    good or outstanding, 0 to 1), ``change`` (re-audit share minus audit
    share), ``improved`` and ``declined`` (bool; both False unless the question
    was graded in both). Raises NotFoundError for an unknown audit and
    ValidationError when ``reaudit`` re-audits no audit.
    """
    pandas = _pandas()
    comparison = _core.compare_reaudit(plan, reaudit)
    rows = [{
        "question": q.question,
        "audit_gradings": q.audit.total,
        "reaudit_gradings": q.reaudit.total,
        "audit_good_or_better": q.audit.good_or_better_share,
        "reaudit_good_or_better": q.reaudit.good_or_better_share,
        "change": q.reaudit.good_or_better_share - q.audit.good_or_better_share,
        "improved": q.improved,
        "declined": q.declined,
    } for q in comparison.questions]
    columns = ["question", "audit_gradings", "reaudit_gradings", "audit_good_or_better",
               "reaudit_good_or_better", "change", "improved", "declined"]
    frame: pd.DataFrame = pandas.DataFrame(rows, columns=columns).set_index("question")
    return frame
