"""pandas frames of a plan: the workload's reference answers, each frame's columns and values, errors."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pandas as pd
import pytest

import plansight as ps
from plansight import frames
from support import ME, Sample, day, reference_lines, sorted_lines


# ---- the shared workload -------------------------------------------------------------------


def test_status_and_rag_of_the_actions_frame_equal_the_reference(workload_store: ps.Store,
                                                                  workload_as_of: dt.date) -> None:
    df = frames.actions(workload_store.plan, workload_as_of)
    assert len(df) == 10_000
    lines = [f"{i},{s},{r}" for i, s, r in zip(df.index, df["status"], df["rag"])]
    assert sorted_lines(lines) == reference_lines("q6")


def test_rag_counts_by_partnership_and_agency_equal_the_reference(workload_store: ps.Store,
                                                                  workload_as_of: dt.date) -> None:
    df = frames.actions(workload_store.plan, workload_as_of)
    counts = df.groupby(["partnership", "owner_agency_id", "rag"], observed=True).size().reset_index(name="n")
    lines = [f"{p},{a},{r},{n}" for p, a, r, n in counts.itertuples(index=False) if n > 0]
    assert sorted_lines(lines) == reference_lines("q2")


def test_rag_counts_total_the_actions_and_agree_with_the_plan(workload_store: ps.Store,
                                                              workload_as_of: dt.date) -> None:
    plan = workload_store.plan
    by_partnership = frames.rag_counts(plan, workload_as_of, by="partnership")
    assert list(by_partnership.columns) == ["RED", "AMBER", "GREEN", "BLUE", "none"]
    assert int(by_partnership.to_numpy().sum()) == 10_000
    expected: dict[tuple[int, str], int] = {}
    for c in plan.rag_counts(workload_as_of):
        key = (c.partnership, str(c.rag))
        expected[key] = expected.get(key, 0) + c.count
    for (partnership, rag), count in expected.items():
        assert by_partnership.at[partnership, rag] == count


def test_overdue_and_blocked_columns_equal_the_reference_lists(workload_store: ps.Store,
                                                               workload_as_of: dt.date) -> None:
    df = frames.actions(workload_store.plan, workload_as_of)
    lines = [f"overdue,{i}" for i in df.index[df["overdue"]]] + [f"blocked,{i}" for i in df.index[df["blocked"]]]
    assert sorted_lines(lines) == reference_lines("q3")


# ---- the actions frame on a small plan ------------------------------------------------------


def test_actions_frame_columns_and_values(sample: Sample) -> None:
    store = sample.store
    store.record_update(sample.training.id, on=day("2024-06-30"), status="in_progress", by=ME)
    store.revise_due_date(sample.training.id, on=day("2024-09-01"), new_due=day("2024-11-30"),
                          reason="trainer on leave", agreed_by="LIS chair", by=ME)
    df = frames.actions(store.plan, day("2024-10-15"))

    training = df.loc[sample.training.id]
    assert training["title"] == "Deliver DASH refresher training"
    assert training["audit_title"] == "Multi-Agency Response to Domestic Abuse"
    assert training["owner"] == "Police"
    assert training["owner_agency"] == "Police"
    assert training["owner_agency_id"] == sample.police.id
    assert training["owner_group"] is pd.NA
    assert training["owner_role"] == "Detective Inspector, Public Protection"
    assert training["owner_lead"] == "DI Smith"
    assert training["recommendation"] == sample.recommendation.id
    assert training["finding"] is pd.NA
    assert training["first_due_on"] == pd.Timestamp("2024-09-30")
    assert training["due_on"] == pd.Timestamp("2024-11-30")
    assert training["revised_due_on"] == pd.Timestamp("2024-11-30")
    assert training["revisions"] == 1
    assert training["status"] == "in_progress"
    assert training["rag"] == "GREEN"
    assert bool(training["open"]) and not bool(training["overdue"]) and not bool(training["blocked"])
    assert training["completed_on"] is pd.NaT
    # Forecast from 2024-10-15: open, so it starts then and takes its 90 days.
    assert training["forecast_finish"] == pd.Timestamp("2025-01-13")
    assert bool(training["at_risk"])  # finishes after its due date of 2024-11-30

    procedure = df.loc[sample.procedure.id]
    assert procedure["owner"] == "Learning and Improvement Subgroup"
    assert pd.isna(procedure["owner_agency"])
    assert procedure["owner_agency_id"] is pd.NA
    assert procedure["owner_group"] == sample.lis.id
    assert procedure["finding"] == sample.finding.id
    assert procedure["revised_due_on"] is pd.NaT
    assert procedure["revisions"] == 0
    assert bool(procedure["blocked"])
    assert procedure["rag"] == "AMBER"


def test_actions_frame_dtypes_are_categorical_dates_and_bools(sample: Sample) -> None:
    df = frames.actions(sample.store.plan, day("2024-10-15"))
    assert df.index.name == "id"
    for name in ("audit_title", "title", "owner", "owner_agency", "owner_role", "status", "rag"):
        assert isinstance(df[name].dtype, pd.CategoricalDtype), name
    for name in ("created_on", "first_due_on", "due_on", "revised_due_on", "forecast_finish", "completed_on"):
        assert pd.api.types.is_datetime64_any_dtype(df[name]), name
    for name in ("open", "overdue", "blocked", "at_risk", "assured"):
        assert df[name].dtype == bool, name
    assert df["status"].cat.ordered and list(df["status"].cat.categories) == [
        "not_started", "in_progress", "complete", "cancelled"]
    assert df["rag"].cat.ordered and list(df["rag"].cat.categories) == ["RED", "AMBER", "GREEN", "BLUE", "none"]


def test_complete_and_assured_actions(sample: Sample) -> None:
    store = sample.store
    store.record_update(sample.training.id, on=day("2024-08-20"), status="complete", by=ME)
    store.add_evidence(sample.training.id, on=day("2024-08-21"), kind="impact",
                       description="92% of officers trained", by=ME)
    store.assure(sample.training.id, on=day("2024-09-30"), group=sample.lis.id, by=ME)
    before = frames.actions(store.plan, day("2024-09-29")).loc[sample.training.id]
    after = frames.actions(store.plan, day("2024-09-30")).loc[sample.training.id]
    assert before["completed_on"] == pd.Timestamp("2024-08-20")
    assert before["rag"] == "BLUE" and not bool(before["assured"]) and not bool(before["open"])
    assert bool(after["assured"])


def test_an_action_appears_from_its_creation_date_on(sample: Sample) -> None:
    assert frames.actions(sample.store.plan, day("2024-03-31")).empty
    assert len(frames.actions(sample.store.plan, day("2024-04-01"))) == 2


def test_actions_frame_filters_by_partnership_and_audit(sample: Sample) -> None:
    store = sample.store
    other = store.add_partnership("Dudley Safeguarding Children Partnership", by=ME)
    audit = store.add_audit(other.id, "MACFA: domestic abuse", "multi_agency_case_audit", day("2024-02-01"), by=ME)
    store.add_action(other.id, audit.id, "Refresh MARAC referral guidance", owner_agency=sample.police.id,
                     created_on=day("2024-04-01"), due_on=day("2024-12-31"), by=ME)
    plan = store.plan
    assert len(frames.actions(plan, day("2024-10-15"))) == 3
    assert list(frames.actions(plan, day("2024-10-15"), partnership=sample.partnership.id).index) == [
        sample.training.id, sample.procedure.id]
    assert list(frames.actions(plan, day("2024-10-15"), partnership=other.id)["title"]) == [
        "Refresh MARAC referral guidance"]
    assert len(frames.actions(plan, day("2024-10-15"), audit=sample.audit.id)) == 2
    assert len(frames.actions(plan, day("2024-10-15"), audit=audit.id)) == 1


def test_actions_frame_refuses_an_unknown_partnership_or_audit(sample: Sample) -> None:
    with pytest.raises(ps.NotFoundError):
        frames.actions(sample.store.plan, day("2024-10-15"), partnership=999)
    with pytest.raises(ps.NotFoundError):
        frames.actions(sample.store.plan, day("2024-10-15"), audit=999)


def test_due_dates_and_owners_are_those_in_force_at_the_date(sample: Sample) -> None:
    store = sample.store
    store.revise_due_date(sample.training.id, on=day("2024-09-01"), new_due=day("2024-11-30"),
                          reason="trainer on leave", agreed_by="LIS chair", by=ME)
    store.change_owner(sample.training.id, on=day("2024-09-02"), owner_agency=sample.social_care.id,
                       reason="restructure", by=ME)
    before = frames.actions(store.plan, day("2024-08-31")).loc[sample.training.id]
    assert before["due_on"] == pd.Timestamp("2024-09-30")
    assert before["revised_due_on"] is pd.NaT and before["revisions"] == 0
    assert before["owner"] == "Police" and before["owner_role"] == "Detective Inspector, Public Protection"
    after = frames.actions(store.plan, day("2024-09-02")).loc[sample.training.id]
    assert after["due_on"] == pd.Timestamp("2024-11-30") and after["revisions"] == 1
    assert after["owner"] == "Children's Social Care" and after["owner_agency_id"] == sample.social_care.id
    assert pd.isna(after["owner_role"]) and pd.isna(after["owner_lead"])  # the new owner names no role or lead


def test_an_open_action_forecast_to_finish_in_time_is_not_at_risk(sample: Sample) -> None:
    df = frames.actions(sample.store.plan, day("2024-04-01"))
    training = df.loc[sample.training.id]
    assert bool(training["open"])
    assert training["forecast_finish"] == pd.Timestamp("2024-06-30")  # 1 April + 90 days
    assert not bool(training["at_risk"])  # due 2024-09-30


def test_actions_frame_without_the_forecast(sample: Sample) -> None:
    df = frames.actions(sample.store.plan, day("2024-10-15"), forecast=False)
    assert "forecast_finish" not in df.columns and "at_risk" not in df.columns
    assert list(df["rag"]) == ["RED", "AMBER"]


def test_rag_counts_by_agency_name_groups_under_their_name(sample: Sample) -> None:
    counts = frames.rag_counts(sample.store.plan, day("2024-10-15"))
    assert counts.index.name == "agency"
    assert counts.to_dict(orient="index") == {
        "Learning and Improvement Subgroup": {"RED": 0, "AMBER": 1, "GREEN": 0, "BLUE": 0, "none": 0},
        "Police": {"RED": 1, "AMBER": 0, "GREEN": 0, "BLUE": 0, "none": 0},  # due 2024-09-30, open
    }
    by_audit = frames.rag_counts(sample.store.plan, day("2024-10-15"), by="audit")
    assert list(by_audit.index) == ["Multi-Agency Response to Domestic Abuse"]


def test_rag_counts_count_by_id_and_label_namesakes_with_their_id(sample: Sample) -> None:
    store = sample.store
    other = store.add_partnership("Dudley Safeguarding Children Partnership", by=ME)
    other_lis = store.add_group(other.id, "Learning and Improvement Subgroup", by=ME)
    audit = store.add_audit(other.id, "Multi-Agency Response to Domestic Abuse", "multi_agency_case_audit",
                            day("2024-02-01"), by=ME)
    store.add_action(other.id, audit.id, "Refresh MARAC referral guidance", owner_group=other_lis.id,
                     created_on=day("2024-04-01"), due_on=day("2024-12-31"), by=ME)
    counts = frames.rag_counts(store.plan, day("2024-10-15"))
    assert list(counts.index) == [f"Learning and Improvement Subgroup (group {sample.lis.id})",
                                  f"Learning and Improvement Subgroup (group {other_lis.id})", "Police"]
    assert list(counts["AMBER"]) == [1, 0, 0] and list(counts["GREEN"]) == [0, 1, 0]
    by_audit = frames.rag_counts(store.plan, day("2024-10-15"), by="audit")
    assert list(by_audit.index) == [f"Multi-Agency Response to Domestic Abuse (audit {sample.audit.id})",
                                    f"Multi-Agency Response to Domestic Abuse (audit {audit.id})"]
    assert list(by_audit.sum(axis=1)) == [2, 1]
    one = frames.rag_counts(store.plan, day("2024-10-15"), partnership=other.id)
    assert list(one.index) == ["Learning and Improvement Subgroup"]  # no namesake within one partnership


def test_rag_counts_refuses_an_unknown_partnership(sample: Sample) -> None:
    with pytest.raises(ps.NotFoundError):
        frames.rag_counts(sample.store.plan, day("2024-10-15"), partnership=999)


def test_rag_counts_refuses_an_unknown_grouping(sample: Sample) -> None:
    with pytest.raises(ps.ValidationError, match="by: unknown grouping 'colour'"):
        frames.rag_counts(sample.store.plan, day("2024-10-15"), by="colour")  # type: ignore[arg-type]


# ---- the other frames -----------------------------------------------------------------------


def test_updates_frame_up_to_a_date(sample: Sample) -> None:
    store = sample.store
    store.record_update(sample.training.id, on=day("2024-06-30"), status="in_progress", reported_rag="AMBER",
                        note="Trainer booked", by=ME)
    store.record_update(sample.training.id, on=day("2024-09-30"), status="complete", by=ME)
    every = frames.updates(store.plan)
    assert list(every.columns) == ["action", "partnership", "audit", "on", "status", "reported_rag", "note", "by",
                                   "completed_on"]
    assert list(every["status"]) == ["in_progress", "complete"]
    assert every["reported_rag"].iloc[0] == "AMBER" and bool(every["reported_rag"].isna().iloc[1])
    assert every["note"].iloc[0] == "Trainer booked"
    assert every["completed_on"].iloc[1] == pd.Timestamp("2024-09-30") and every["completed_on"].iloc[0] is pd.NaT
    upto = frames.updates(store.plan, as_of=day("2024-09-29"))
    assert len(upto) == 1 and upto["on"].iloc[0] == pd.Timestamp("2024-06-30")
    assert len(frames.updates(store.plan, as_of=day("2024-09-30"))) == 2  # an update on the date is in
    assert bool(every["note"].isna().iloc[1])  # no note given


def test_findings_frame_names_its_themes(sample: Sample) -> None:
    store = sample.store
    voice = store.add_theme("voice of the child", by=ME)
    store.add_finding(sample.audit.id, "good_practice", "Safety plans shared with schools",
                      themes=[sample.theme.id, voice.id], by=ME)
    df = frames.findings(store.plan)
    assert df.index.name == "id"
    assert list(df["themes"]) == ["domestic abuse", "domestic abuse; voice of the child"]
    assert list(df["category"]) == ["area_for_development", "good_practice"]
    assert df.loc[sample.finding.id, "cases"] == 1
    assert df.loc[sample.finding.id, "held_on"] == pd.Timestamp("2024-03-14")


def test_a_theme_tagged_twice_counts_once(sample: Sample) -> None:
    store = sample.store
    store.add_finding(sample.audit.id, "worry", "Sibling not seen", themes=[sample.theme.id, sample.theme.id], by=ME)
    untagged = store.add_finding(sample.audit.id, "good_practice", "Prompt strategy discussion", by=ME)
    df = frames.findings(store.plan)
    assert df["themes"].iloc[1] == "domestic abuse"
    assert bool(df["themes"].isna()[untagged.id])
    assert list(frames.theme_recurrence(store.plan)["findings"]) == [2]


def test_gradings_and_grid_of_an_audit(sample: Sample) -> None:
    store = sample.store
    second = store.add_case(sample.audit.id, "DA-02", by=ME)
    store.add_agency_return(second.id, sample.social_care.id,
                            gradings=[("voice of the child evident", "outstanding")], by=ME)
    long = frames.gradings(store.plan, sample.audit.id)
    assert len(long) == 3
    assert long["grade"].cat.ordered
    assert list(long["grade"].cat.categories) == ["inadequate", "requires_improvement", "good", "outstanding"]
    grid = frames.grading_grid(store.plan, sample.audit.id)
    assert list(grid.columns) == ["DA-01", "DA-02"]
    assert grid.loc["Police", "DA-01"] == "requires_improvement"  # the lowest of its two questions
    assert bool(grid["DA-02"].isna()["Police"])
    assert grid.loc["Children's Social Care", "DA-02"] == "outstanding"
    tool = frames.grading_grid(store.plan, sample.audit.id, question="risk assessment tool used")
    assert tool.loc["Police", "DA-01"] == "good"


def test_grading_grid_refuses_a_question_never_graded_and_an_unknown_audit(sample: Sample) -> None:
    with pytest.raises(ps.ValidationError, match="never graded 'flags reviewed'"):
        frames.grading_grid(sample.store.plan, sample.audit.id, question="flags reviewed")
    with pytest.raises(ps.NotFoundError):
        frames.gradings(sample.store.plan, 999)


def test_reviews_frame_has_one_row_per_outcome(sample: Sample) -> None:
    store = sample.store
    board = store.add_group(sample.partnership.id, "Safeguarding Partnership Board", by=ME)
    store.record_review(sample.lis.id, held_on=day("2024-09-30"), attending=[sample.police.id], by=ME, outcomes=[
        ps.ReviewOutcome(sample.training.id, "extend", new_due=day("2024-12-31"), reason="Trainer on leave"),
        ps.ReviewOutcome(sample.procedure.id, "escalate", escalated_to=board.id, reason="No progress"),
    ])
    df = frames.reviews(store.plan)
    assert list(df["outcome"]) == ["extend", "escalate"]
    assert list(df["group_name"]) == ["Learning and Improvement Subgroup"] * 2
    assert df["new_due"].iloc[0] == pd.Timestamp("2024-12-31") and df["new_due"].iloc[1] is pd.NaT
    assert df["escalated_to"].iloc[0] is pd.NA and df["escalated_to"].iloc[1] == board.id
    assert list(df["reason"]) == ["Trainer on leave", "No progress"]


def test_rule_results_frame_keeps_the_report_order(sample: Sample) -> None:
    report = ps.RuleSet.builtin().check(sample.store.plan, as_of=day("2025-01-15"))
    df = frames.rule_results(report)
    assert len(df) == len(report.results) > 0
    assert list(df["rule"]) == [r.rule for r in report.results]
    assert list(df["subject_id"]) == [r.subject.id for r in report.results]
    assert df["severity"].cat.ordered
    assert list(df["severity"].cat.categories) == ["info", "warning", "breach"]
    assert df["severity"].is_monotonic_decreasing


def test_theme_recurrence_and_reaudit_frames(sample: Sample) -> None:
    store = sample.store
    reaudit = store.add_audit(sample.partnership.id, "Domestic abuse re-audit", "re_audit", day("2025-03-14"),
                              themes=[sample.theme.id], reaudit_of=sample.audit.id, by=ME)
    case = store.add_case(reaudit.id, "DA-R1", by=ME)
    store.add_agency_return(case.id, sample.police.id, gradings=[("voice of the child evident", "good"),
                                                                 ("risk assessment tool used", "good")], by=ME)
    themes = frames.theme_recurrence(store.plan)
    assert list(themes["theme"]) == ["domestic abuse", "domestic abuse"]
    assert list(themes["year"]) == [2024, 2025]
    assert list(themes["findings"]) == [1, 0]
    grades = frames.reaudit_grades(store.plan, reaudit.id)
    assert grades.loc["voice of the child evident", "improved"]
    assert grades.loc["voice of the child evident", "change"] == pytest.approx(1.0)
    assert not grades.loc["risk assessment tool used", "improved"]
    assert not grades.loc["risk assessment tool used", "declined"]
    with pytest.raises(ps.ValidationError, match="reaudit_of"):
        frames.reaudit_grades(store.plan, sample.audit.id)


# ---- pandas stays optional -----------------------------------------------------------------


def test_importing_plansight_loads_no_pandas_nor_matplotlib() -> None:
    code = "import sys, plansight; print('pandas' in sys.modules, 'matplotlib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]


def test_frames_without_pandas_raise_missing_dependency_error(sample: Sample,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ps.MissingDependencyError, match=r'pip install "plansight\[pandas\]"') as raised:
        frames.actions(sample.store.plan, day("2024-10-15"))
    assert isinstance(raised.value, ps.Error) and isinstance(raised.value, ImportError)
