"""As-of queries: status, open, overdue, blocked, RAG, summaries and columns."""

from __future__ import annotations

import numpy as np
import pytest

import plansight as ps
from support import ME, Sample, day


@pytest.fixture
def progressed(sample: Sample) -> Sample:
    """The sample with training started in June, its due date moved and its owner changed."""
    store, training = sample.store, sample.training.id
    store.record_update(training, on=day("2024-06-28"), status="in_progress", by=ME)
    store.revise_due_date(training, on=day("2024-09-01"), new_due=day("2024-11-30"),
                          reason="Trainer unavailable", agreed_by="LIS chair", by=ME)
    store.change_owner(training, on=day("2024-09-02"), owner_agency=sample.social_care.id,
                       reason="Restructure", by=ME)
    return sample


def test_status_at_follows_the_latest_update_on_or_before_the_date(progressed: Sample) -> None:
    plan, training = progressed.store.plan, progressed.training.id
    assert plan.status_at(training, as_of=day("2024-06-27")) is ps.Status.not_started
    assert plan.status_at(training, as_of=day("2024-06-28")) is ps.Status.in_progress
    assert plan.is_open_at(training, as_of=day("2025-01-01"))


def test_due_date_and_owner_as_they_stood(progressed: Sample) -> None:
    plan, training = progressed.store.plan, progressed.training.id
    assert plan.due_on_at(training, as_of=day("2024-08-31")) == day("2024-09-30")
    assert plan.due_on_at(training, as_of=day("2024-09-01")) == day("2024-11-30")
    assert plan.owner_at(training, as_of=day("2024-09-01")).agency == progressed.police.id
    assert plan.owner_at(training, as_of=day("2024-09-02")).agency == progressed.social_care.id


def test_overdue_uses_the_due_date_in_force(progressed: Sample) -> None:
    plan, training = progressed.store.plan, progressed.training.id
    assert not plan.is_overdue(training, as_of=day("2024-10-15"))
    assert plan.is_overdue(training, as_of=day("2024-12-01"))
    assert plan.rag_at(training, as_of=day("2024-12-01")) is ps.Rag.red


def test_blocked_while_a_dependency_is_open(progressed: Sample) -> None:
    store, plan = progressed.store, progressed.store.plan
    procedure, training = progressed.procedure.id, progressed.training.id
    assert plan.is_blocked(procedure, as_of=day("2024-07-01"))
    assert plan.blockers(procedure, as_of=day("2024-07-01")) == [training]
    assert plan.rag_at(procedure, as_of=day("2024-07-01")) is ps.Rag.amber
    store.record_update(training, on=day("2024-10-01"), status="complete", by=ME)
    assert not plan.is_blocked(procedure, as_of=day("2024-10-01"))
    assert plan.blockers(procedure, as_of=day("2024-10-01")) == []
    assert plan.is_blocked(procedure, as_of=day("2024-09-30"))


def test_rag_at_every_colour(progressed: Sample) -> None:
    store, plan = progressed.store, progressed.store.plan
    procedure, training = progressed.procedure.id, progressed.training.id
    store.record_update(training, on=day("2024-10-01"), status="complete", by=ME)
    assert plan.rag_at(training, as_of=day("2024-10-01")) is ps.Rag.blue
    assert plan.completed_on_at(training, as_of=day("2024-10-01")) == day("2024-10-01")
    assert plan.completed_on_at(training, as_of=day("2024-09-30")) is None
    assert plan.rag_at(procedure, as_of=day("2024-10-01")) is ps.Rag.green  # due 2024-12-31
    assert plan.rag_at(procedure, as_of=day("2024-12-01")) is ps.Rag.amber  # not started, due soon
    store.record_update(procedure, on=day("2024-12-02"), status="cancelled", note="Superseded", by=ME)
    assert plan.rag_at(procedure, as_of=day("2024-12-02")) is ps.Rag.none
    assert not plan.is_open_at(procedure, as_of=day("2024-12-02"))


def test_assured_only_from_the_sign_off_date(progressed: Sample) -> None:
    store, plan, training = progressed.store, progressed.store.plan, progressed.training.id
    store.record_update(training, on=day("2024-10-01"), status="complete", by=ME)
    store.add_evidence(training, on=day("2024-10-02"), kind="impact", description="Dip sample", by=ME)
    store.assure(training, on=day("2024-10-10"), group=progressed.lis.id, by=ME)
    assert not plan.is_assured_at(training, as_of=day("2024-10-09"))
    assert plan.is_assured_at(training, as_of=day("2024-10-10"))


def test_as_of_is_keyword_only(sample: Sample) -> None:
    with pytest.raises(TypeError):
        sample.store.plan.rag_at(sample.training.id, day("2024-10-01"))  # type: ignore[call-arg]


def test_unknown_action_raises_not_found(sample: Sample) -> None:
    with pytest.raises(ps.NotFoundError, match="no action 99"):
        sample.store.plan.status_at(99, as_of=day("2024-10-01"))


def test_plan_wide_queries(progressed: Sample) -> None:
    plan, as_of = progressed.store.plan, day("2024-12-01")
    training, procedure = progressed.training.id, progressed.procedure.id
    assert plan.overdue_actions(as_of) == [training]
    assert plan.blocked_actions(as_of) == [procedure]
    rows = [(c.partnership, c.agency, c.rag, c.count) for c in plan.rag_counts(as_of)]
    assert rows == [(progressed.partnership.id, None, ps.Rag.amber, 1),
                    (progressed.partnership.id, progressed.social_care.id, ps.Rag.red, 1)]
    assert plan.rag_counts(day("2024-03-01")) == []  # nothing existed yet


def test_review_summary(progressed: Sample) -> None:
    summary = progressed.store.plan.review_summary(as_of=day("2024-12-01"))
    assert summary.as_of == day("2024-12-01")
    [p] = summary.partnerships
    assert (p.partnership, p.actions, p.open, p.overdue, p.blocked, p.complete, p.assured, p.cancelled) == (
        progressed.partnership.id, 2, 2, 1, 1, 0, 0, 0)
    assert p.rag == {ps.Rag.red: 1, ps.Rag.amber: 1, ps.Rag.green: 0, ps.Rag.blue: 0, ps.Rag.none: 0}
    assert list(p.rag) == list(ps.Rag)
    assert [(r.agency, r.rag[ps.Rag.red], r.rag[ps.Rag.amber]) for r in p.by_agency] == [
        (None, 0, 1), (progressed.social_care.id, 1, 0)]
    assert (p.overdue_actions, p.blocked_actions) == ([progressed.training.id], [progressed.procedure.id])


def test_action_columns_types_and_values(progressed: Sample) -> None:
    columns = progressed.store.plan.action_columns(day("2024-12-01"))
    assert columns["status_categories"] == [str(s) for s in ps.Status]
    assert columns["rag_categories"] == [str(r) for r in ps.Rag]
    dtypes = {name: str(value.dtype) for name, value in columns.items() if isinstance(value, np.ndarray)}
    assert dtypes == {
        "id": "int64", "partnership": "int64", "audit": "int64", "finding": "int64", "recommendation": "int64",
        "owner_agency": "int64", "owner_group": "int64", "audit_title": "int32", "title": "int32",
        "owner": "int32", "owner_agency_name": "int32", "owner_role": "int32", "owner_lead": "int32",
        "created_on": "datetime64[D]", "first_due_on": "datetime64[D]", "due_on": "datetime64[D]",
        "revisions": "int32", "forecast_finish": "datetime64[D]", "completed_on": "datetime64[D]",
        "estimate_days": "int32", "status": "int8", "rag": "int8", "open": "bool", "overdue": "bool",
        "blocked": "bool", "at_risk": "bool", "assured": "bool",
    }
    assert columns["owner_categories"] == ["Children's Social Care", "Learning and Improvement Subgroup"]
    assert columns["owner"].tolist() == [0, 1]
    assert columns["owner_agency_name"].tolist() == [0, -1]  # -1: the group-owned action has no agency
    assert columns["revisions"].tolist() == [1, 0]
    assert columns["first_due_on"].tolist() == [day("2024-09-30"), day("2024-12-31")]
    assert np.isnat(columns["completed_on"]).all()
    assert columns["id"].tolist() == [progressed.training.id, progressed.procedure.id]
    assert columns["owner_agency"].tolist() == [progressed.social_care.id, -1]
    assert columns["owner_group"].tolist() == [-1, progressed.lis.id]
    assert columns["due_on"].tolist() == [day("2024-11-30"), day("2024-12-31")]
    assert columns["created_on"][0] == np.datetime64("2024-04-01")
    assert columns["status"].tolist() == [ps.Status.in_progress.value, ps.Status.not_started.value]
    assert columns["rag"].tolist() == [ps.Rag.red.value, ps.Rag.amber.value]
    assert columns["overdue"].tolist() == [True, False]
    assert columns["blocked"].tolist() == [False, True]
    assert columns["estimate_days"].tolist() == [90, 60]


def test_action_columns_hold_only_actions_existing_at_the_date(sample: Sample) -> None:
    later = sample.store.add_action(sample.partnership.id, sample.audit.id, "Later action",
                                    owner_agency=sample.police.id, created_on=day("2025-01-01"),
                                    due_on=day("2025-06-30"), by=ME)
    before = sample.store.plan.action_columns(day("2024-12-31"))
    after = sample.store.plan.action_columns(day("2025-01-01"))
    assert later.id not in before["id"].tolist()
    assert after["id"].tolist()[-1] == later.id
    empty = sample.store.plan.action_columns(day("2020-01-01"))
    assert all(len(v) == 0 for k, v in empty.items() if not k.endswith("_categories"))
