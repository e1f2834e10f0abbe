"""matplotlib charts of a plan for the quarterly review and the re-audit.

Each function draws on ``ax`` when given, else on a new figure (made with
``matplotlib.pyplot.subplots`` so that a notebook shows it), and returns the
Axes, so analysts can restyle, retitle or save it::

    from plansight import plots
    ax = plots.rag_by_agency(plan, dt.date(2025, 3, 31))
    ax.set_title("RAG by agency, 2024/25 Q4")
    ax.figure.savefig("rag.png", dpi=150)

RAG colours are fixed (red, amber, green, blue for complete, grey for
cancelled) so every chart of a pack reads the same. matplotlib and pandas are
optional extras (``pip install "plansight[plots]"``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Optional

from plansight import _core, frames
from plansight._optional import require

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "GRADE_COLOURS",
    "RAG_COLOURS",
    "burndown",
    "gantt",
    "grade_comparison",
    "rag_by_agency",
    "rag_over_reviews",
    "theme_recurrence",
]

#: The colour of each RAG, as the review pack uses them.
RAG_COLOURS = {"RED": "#c0392b", "AMBER": "#f39c12", "GREEN": "#27ae60", "BLUE": "#2e86c1", "none": "#a6acaf"}

#: Grade colours, lowest first.
GRADE_COLOURS = {"inadequate": "#c0392b", "requires_improvement": "#f39c12", "good": "#82c785",
                 "outstanding": "#1e8449"}


def _pyplot() -> Any:
    """matplotlib.pyplot, or a MissingDependencyError saying how to install it."""
    return require("matplotlib.pyplot", extra="plots", needed_by="plansight.plots")


def _axes(ax: Optional[Axes], size: tuple[float, float] = (8.0, 4.5)) -> Axes:
    if ax is not None:
        return ax
    _figure, new_ax = _pyplot().subplots(figsize=size, layout="constrained")
    result: Axes = new_ax
    return result


def _stacked_bars(ax: Axes, counts: Any, *, horizontal: bool) -> None:
    """Bars of a frame whose columns are RAG names, stacked in RAG order."""
    base = [0] * len(counts)
    labels = [str(i) for i in counts.index]
    for rag in frames.RAG_ORDER:
        values = [int(v) for v in counts[rag]]
        if not any(values):
            continue
        if horizontal:
            ax.barh(labels, values, left=base, color=RAG_COLOURS[rag], label=rag)
        else:
            ax.bar(labels, values, bottom=base, color=RAG_COLOURS[rag], label=rag)
        base = [b + v for b, v in zip(base, values)]
    if any(base):
        ax.legend(title="RAG", frameon=False, fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    else:
        _say_empty(ax, "no actions")


def _say_empty(ax: Axes, text: str) -> None:
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, color="#555555")


def _rag_totals(plan: _core.Plan, day: dt.date, partnership: Optional[int]) -> dict[str, int]:
    """How many actions have each RAG at ``day`` (counted in C++, without a frame)."""
    totals = dict.fromkeys(frames.RAG_ORDER, 0)
    for count in plan.rag_counts(day):
        if partnership is None or count.partnership == partnership:
            totals[str(count.rag)] += count.count
    return totals


def rag_by_agency(plan: _core.Plan, as_of: dt.date, *, partnership: Optional[int] = None,
                  ax: Optional[Axes] = None) -> Axes:
    """Horizontal stacked bars: each owning agency's (or group's) actions by RAG at ``as_of``.

    The rows are those of ``frames.rag_counts(plan, as_of, partnership=...)``.
    Raises NotFoundError for an unknown partnership.
    """
    counts = frames.rag_counts(plan, as_of, by="agency", partnership=partnership)
    ax = _axes(ax)
    _stacked_bars(ax, counts.iloc[::-1], horizontal=True)
    ax.set_xlabel("actions")
    ax.set_title(f"RAG by agency at {as_of.isoformat()}")
    return ax


def rag_over_reviews(plan: _core.Plan, dates: Sequence[dt.date], *, partnership: Optional[int] = None,
                     ax: Optional[Axes] = None) -> Axes:
    """Stacked bars of the plan's RAG at each review date in ``dates`` (e.g. the last four reviews).

    Counted in C++ (``Plan.rag_counts``), so many dates stay quick on a
    large plan. Raises ValidationError when ``dates`` is empty and
    NotFoundError for an unknown partnership.
    """
    if not dates:
        raise _core.ValidationError("dates: give at least one review date")
    if partnership is not None:
        plan.partnership(partnership)  # NotFoundError for an unknown one
    pandas = frames._pandas()
    rows = {day.isoformat(): _rag_totals(plan, day, partnership) for day in sorted(dates)}
    counts = pandas.DataFrame(rows).T.astype(int)
    ax = _axes(ax)
    _stacked_bars(ax, counts, horizontal=False)
    ax.set_ylabel("actions")
    ax.set_title("RAG at each review")
    return ax


def burndown(plan: _core.Plan, start: dt.date, end: dt.date, *, partnership: Optional[int] = None,
             step_days: int = 7, ax: Optional[Axes] = None) -> Axes:
    """Open and overdue actions on every ``step_days``-th day from ``start`` to ``end`` (both drawn).

    Raises ValidationError when ``end`` is before ``start`` or ``step_days`` is below 1.
    """
    if end < start:
        raise _core.ValidationError(f"end: {end.isoformat()} is before start {start.isoformat()}")
    if step_days < 1:
        raise _core.ValidationError(f"step_days: must be 1 or more, not {step_days}")
    days = [start + dt.timedelta(days=k) for k in range(0, (end - start).days + 1, step_days)]
    if days[-1] != end:
        days.append(end)
    if partnership is not None:
        plan.partnership(partnership)  # NotFoundError for an unknown one
    open_counts, overdue_counts = [], []
    for day in days:
        totals = _rag_totals(plan, day, partnership)
        # Open actions are RED, AMBER or GREEN; RED ones are exactly the overdue (WORKLOAD.md).
        open_counts.append(totals["RED"] + totals["AMBER"] + totals["GREEN"])
        overdue_counts.append(totals["RED"])
    ax = _axes(ax)
    x = frames._pandas().to_datetime(days)
    ax.plot(x, open_counts, color=RAG_COLOURS["AMBER"], label="open")
    ax.plot(x, overdue_counts, color=RAG_COLOURS["RED"], label="overdue")
    ax.fill_between(x, open_counts, color=RAG_COLOURS["AMBER"], alpha=0.15)
    ax.set_ylim(bottom=0)
    ax.set_ylabel("actions")
    ax.set_title("Open actions")
    ax.legend(frameon=False)
    return ax


def gantt(plan: _core.Plan, audit: int, as_of: dt.date, *, ax: Optional[Axes] = None) -> Axes:
    """An audit plan's Gantt chart as forecast from ``as_of``.

    One bar per action from its earliest start to its forecast finish,
    coloured by RAG at ``as_of``; a tick at its due date in force; an arrow
    from each prerequisite to the action waiting for it; the critical path
    outlined in black. Raises NotFoundError for an unknown audit.
    """
    plan.audit(audit)  # NotFoundError before drawing anything
    mdates = _matplotlib_dates()

    actions = frames.actions(plan, as_of, audit=audit, forecast=False)
    actions = actions.assign(title_text=actions["title"].astype(str)).sort_values(["created_on", "title_text"])
    forecast = _core.schedule(plan, from_date=as_of)
    critical = set(forecast.critical_path(audit=audit).chain)
    timing = [forecast.action(action_id) for action_id in actions.index]
    start = {t.id: float(mdates.date2num(t.earliest_start)) for t in timing}
    finish = {t.id: float(mdates.date2num(t.earliest_finish)) for t in timing}
    ax = _axes(ax, (10.0, 0.45 * max(len(actions), 4) + 1.5))
    row = {action_id: position for position, action_id in enumerate(actions.index)}
    for action_id, rag, due_on in zip(actions.index, actions["rag"], actions["due_on"]):
        ax.barh(row[action_id], max(finish[action_id] - start[action_id], 1.0), left=start[action_id],
                height=0.6, color=RAG_COLOURS[str(rag)],
                edgecolor="black" if action_id in critical else "none", linewidth=1.5)
        ax.plot([mdates.date2num(due_on)], [row[action_id]], marker="|", markersize=14, color="black")
    # The audit's own dependencies; a prerequisite in another audit has no row here.
    for dependency in (d for action_id in actions.index for d in plan.action(action_id).depends_on):
        if dependency.depends_on in row:
            ax.annotate("", xy=(start[dependency.action], row[dependency.action]),
                        xytext=(finish[dependency.depends_on], row[dependency.depends_on]),
                        arrowprops={"arrowstyle": "->", "color": "#555555", "lw": 0.8})
    ax.axvline(float(mdates.date2num(as_of)), color="#555555", linestyle="--", linewidth=1)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator())
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.set_yticks(range(len(actions)), [_short(t) for t in actions["title_text"]], fontsize="small")
    ax.invert_yaxis()
    ax.set_title(f"{_short(plan.audit(audit).title, 70)}\nforecast from {as_of.isoformat()}; "
                 "critical path outlined, due dates ticked", fontsize="medium")
    return ax


def _matplotlib_dates() -> Any:
    """matplotlib.dates (its functions are untyped: used through Any)."""
    return require("matplotlib.dates", extra="plots", needed_by="plansight.plots")


def _short(text: str, limit: int = 45) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def grade_comparison(plan: _core.Plan, reaudit: int, *, ax: Optional[Axes] = None) -> Axes:
    """The grade distribution of an audit against its re-audit: two 100% stacked bars.

    Each bar is labelled with its share graded good or better. Raises
    NotFoundError for an unknown audit and ValidationError when ``reaudit``
    re-audits no audit.
    """
    comparison = _core.compare_reaudit(plan, reaudit)
    sides = [(f"{plan.audit(comparison.audit).held_on.year} audit", comparison.audit_overall),
             (f"{plan.audit(reaudit).held_on.year} re-audit", comparison.reaudit_overall)]
    ax = _axes(ax, (8.0, 3.0))
    for position, (_label, counts) in enumerate(sides):
        left = 0.0
        for grade in GRADE_COLOURS:
            share = counts.by_grade[grade] / counts.total if counts.total else 0.0
            ax.barh(position, share, left=left, color=GRADE_COLOURS[grade],
                    label=grade.replace("_", " ") if position == 0 else None)
            left += share
        ax.text(1.01, position, f"{counts.good_or_better_share:.0%} good or better", va="center",
                fontsize="small")
    ax.set_yticks(range(len(sides)), [label for label, _counts in sides])
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    from matplotlib.ticker import PercentFormatter

    ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    ax.legend(ncols=4, loc="upper center", bbox_to_anchor=(0.5, -0.2), frameon=False, fontsize="small")
    ax.set_title("Gradings, audit and re-audit")
    return ax


def theme_recurrence(plan: _core.Plan, *, min_audits: int = 1, ax: Optional[Axes] = None) -> Axes:
    """A theme × year heat map: how many audits each theme occurred in, each year.

    The themes are those ``plansight.recurring_themes(plan,
    min_audits=min_audits)`` gives, in its order (most audits first); a theme
    occurs in an audit when the audit or one of its findings is tagged with
    it. Raises ValidationError when ``min_audits`` is below 1.
    """
    themes = [plan.theme(r.theme).name for r in _core.recurring_themes(plan, min_audits=min_audits)]
    occurrences = frames.theme_recurrence(plan)
    occurrences = occurrences[occurrences["theme"].isin(themes)]
    ax = _axes(ax, (8.0, 0.45 * max(len(themes), 3) + 1.5))
    ax.set_title("Learning themes: audits per year")
    if not themes:
        _say_empty(ax, f"no theme in {min_audits} or more audits")
        return ax
    table = occurrences.pivot_table(index="theme", columns="year", values="audit", aggfunc="count",
                                    fill_value=0, observed=True).reindex(themes)
    ax.imshow(table.to_numpy(), cmap="Oranges", aspect="auto", vmin=0)
    for (i, j), count in _cells(table.to_numpy()):
        ax.text(j, i, str(count), ha="center", va="center", fontsize="small")
    ax.set_xticks(range(len(table.columns)), [str(y) for y in table.columns])
    ax.set_yticks(range(len(table.index)), [str(t) for t in table.index])
    return ax


def _cells(values: Any) -> list[tuple[tuple[int, int], int]]:
    return [((i, j), int(values[i][j])) for i in range(len(values)) for j in range(len(values[i]))]
