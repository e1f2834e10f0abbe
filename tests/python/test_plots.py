"""Charts: each draws what its data says on the Axes it returns, and refuses bad arguments."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator

import matplotlib

matplotlib.use("Agg")  # no display on test machines

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

import plansight as ps
from plansight import plots
from support import ME, Sample, day


@pytest.fixture(autouse=True)
def close_figures() -> Iterator[None]:
    yield
    plt.close("all")


def bars(ax: Axes) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle)]


def bar_lengths_by_colour(ax: Axes, horizontal: bool = True) -> dict[str, float]:
    lengths: dict[str, float] = {}
    for bar in bars(ax):
        colour = matplotlib.colors.to_hex(bar.get_facecolor())
        lengths[colour] = lengths.get(colour, 0.0) + (bar.get_width() if horizontal else bar.get_height())
    return lengths


def test_rag_by_agency_draws_each_agency_s_counts(sample: Sample) -> None:
    ax = plots.rag_by_agency(sample.store.plan, day("2024-10-15"))
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert sorted(labels) == ["Learning and Improvement Subgroup", "Police"]
    assert bar_lengths_by_colour(ax) == {plots.RAG_COLOURS["RED"]: 1.0, plots.RAG_COLOURS["AMBER"]: 1.0}


def test_a_plot_draws_on_the_axes_given(sample: Sample) -> None:
    _figure, ax = plt.subplots()
    assert plots.rag_by_agency(sample.store.plan, day("2024-10-15"), ax=ax) is ax


def test_rag_over_reviews_has_one_bar_stack_per_date(sample: Sample) -> None:
    dates = [day("2024-09-30"), day("2024-06-30")]
    ax = plots.rag_over_reviews(sample.store.plan, dates)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2024-06-30", "2024-09-30"]
    # 30 June: training (not started, due in three months) GREEN, the procedure AMBER (blocked by it);
    # 30 September: training due that day, not overdue yet but not started: AMBER, as is the procedure.
    by_date: dict[tuple[float, str], float] = {}
    for bar in (b for b in bars(ax) if b.get_height() > 0):
        key = (round(bar.get_x() + bar.get_width() / 2), matplotlib.colors.to_hex(bar.get_facecolor()))
        by_date[key] = by_date.get(key, 0.0) + bar.get_height()
    assert by_date == {(0, plots.RAG_COLOURS["GREEN"]): 1.0, (0, plots.RAG_COLOURS["AMBER"]): 1.0,
                       (1, plots.RAG_COLOURS["AMBER"]): 2.0}
    with pytest.raises(ps.ValidationError, match="at least one review date"):
        plots.rag_over_reviews(sample.store.plan, [])


def test_burndown_counts_open_and_overdue_actions(sample: Sample) -> None:
    sample.store.record_update(sample.training.id, on=day("2024-11-01"), status="complete", by=ME)
    ax = plots.burndown(sample.store.plan, day("2024-03-01"), day("2024-12-01"), step_days=30)
    open_line, overdue_line = ax.get_lines()
    assert open_line.get_label() == "open" and overdue_line.get_label() == "overdue"
    opened = [float(v) for v in np.asarray(open_line.get_ydata())]
    overdue = [float(v) for v in np.asarray(overdue_line.get_ydata())]
    assert opened[0] == 0 and max(opened) == 2 and opened[-1] == 1
    assert max(overdue) == 1  # training, due 2024-09-30, was late until completed on 2024-11-01
    assert len(opened) == 11  # every 30th day from 1 March, and the end date


def test_burndown_refuses_an_end_before_its_start_and_a_bad_step(sample: Sample) -> None:
    with pytest.raises(ps.ValidationError, match="before start"):
        plots.burndown(sample.store.plan, day("2024-12-01"), day("2024-03-01"))
    with pytest.raises(ps.ValidationError, match="step_days"):
        plots.burndown(sample.store.plan, day("2024-03-01"), day("2024-12-01"), step_days=0)


def test_gantt_outlines_the_critical_path_and_draws_dependencies(sample: Sample) -> None:
    ax = plots.gantt(sample.store.plan, sample.audit.id, day("2024-04-01"))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Deliver DASH refresher training",
                                                           "Revise the multi-agency DA procedure"]
    drawn = bars(ax)
    assert len(drawn) == 2
    # Both are on the critical path: outlined.
    assert all(b.get_linewidth() > 0 and matplotlib.colors.to_rgba(b.get_edgecolor())[3] > 0 for b in drawn)
    assert [b.get_width() for b in drawn] == [90.0, 60.0]
    assert len(ax.texts) == 1  # one dependency arrow (an annotation)
    with pytest.raises(ps.NotFoundError):
        plots.gantt(sample.store.plan, 999, day("2024-04-01"))


def test_gantt_leaves_an_action_off_the_critical_path_unoutlined(sample: Sample) -> None:
    sample.store.add_action(sample.partnership.id, sample.audit.id, "Brief schools on Operation Encompass",
                            owner_agency=sample.social_care.id, created_on=day("2024-04-01"),
                            due_on=day("2024-05-31"), estimate_days=10, by=ME)
    ax = plots.gantt(sample.store.plan, sample.audit.id, day("2024-04-01"))
    outlined = {t.get_text(): matplotlib.colors.to_rgba(b.get_edgecolor())[3] > 0
                for t, b in zip(ax.get_yticklabels(), bars(ax))}
    assert outlined == {"Brief schools on Operation Encompass": False, "Deliver DASH refresher training": True,
                        "Revise the multi-agency DA procedure": True}


def test_charts_of_nothing_say_so_without_warnings(store: ps.Store) -> None:
    # pytest turns warnings into errors: an empty legend or heat map would fail here.
    ax = plots.rag_by_agency(store.plan, day("2024-10-15"))
    assert [t.get_text() for t in ax.texts] == ["no actions"]
    heat = plots.theme_recurrence(store.plan)
    assert [t.get_text() for t in heat.texts] == ["no theme in 1 or more audits"]
    with pytest.raises(ps.ValidationError, match="min_audits"):
        plots.theme_recurrence(store.plan, min_audits=0)


def test_grade_comparison_shows_both_audits_shares(sample: Sample) -> None:
    store = sample.store
    reaudit = store.add_audit(sample.partnership.id, "Domestic abuse re-audit", "re_audit", day("2025-03-14"),
                              reaudit_of=sample.audit.id, by=ME)
    case = store.add_case(reaudit.id, "DA-R1", by=ME)
    store.add_agency_return(case.id, sample.police.id, gradings=[("voice of the child evident", "good")], by=ME)
    ax = plots.grade_comparison(store.plan, reaudit.id)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["2024 audit", "2025 re-audit"]
    assert [t.get_text() for t in ax.texts] == ["50% good or better", "100% good or better"]
    with pytest.raises(ps.ValidationError, match="reaudit_of"):
        plots.grade_comparison(store.plan, sample.audit.id)


def test_theme_recurrence_heat_map_counts_audits_per_theme_and_year(sample: Sample) -> None:
    store = sample.store
    voice = store.add_theme("voice of the child", by=ME)
    store.add_audit(sample.partnership.id, "Child to adult conflict", "qa_audit", day("2025-02-01"),
                    themes=[sample.theme.id, voice.id], by=ME)
    ax = plots.theme_recurrence(store.plan)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["domestic abuse", "voice of the child"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2024", "2025"]
    assert [t.get_text() for t in ax.texts] == ["1", "1", "0", "1"]
    only_recurring = plots.theme_recurrence(store.plan, min_audits=2)
    assert [t.get_text() for t in only_recurring.get_yticklabels()] == ["domestic abuse"]


def test_plots_without_matplotlib_raise_missing_dependency_error(sample: Sample,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ps.MissingDependencyError, match=r'pip install "plansight\[plots\]"'):
        plots.rag_by_agency(sample.store.plan, dt.date(2024, 10, 15))


def test_charts_refuse_an_unknown_partnership(sample: Sample) -> None:
    plan = sample.store.plan
    with pytest.raises(ps.NotFoundError):
        plots.rag_by_agency(plan, day("2024-10-15"), partnership=999)
    with pytest.raises(ps.NotFoundError):
        plots.rag_over_reviews(plan, [day("2024-10-15")], partnership=999)
    with pytest.raises(ps.NotFoundError):
        plots.burndown(plan, day("2024-03-01"), day("2024-12-01"), partnership=999)

