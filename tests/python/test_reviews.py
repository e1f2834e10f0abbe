"""Review cycles, reviewable items, review meetings and the changes between
reviews, from Python: what the C++ library does, reached through the store
and the plan with keyword arguments and datetime.date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import plansight as ps
from support import ME, Sample, build_sample, day, snapshot


def add_board(sample: Sample) -> ps.Group:
    return sample.store.add_group(sample.partnership.id, "Safeguarding Children Partnership Board", by=ME)


def test_quarters_name_the_calendar_and_the_financial_year() -> None:
    assert str(ps.calendar_quarter(day("2024-02-29"))) == "2024 Q1"
    assert str(ps.financial_quarter(day("2024-03-31"))) == "2023/24 Q4"
    assert str(ps.financial_quarter(day("2024-04-01"))) == "2024/25 Q1"
    q = ps.parse_financial_quarter("Q2 2024/25")
    assert (q.first, q.last, q.start_year, q.number) == (day("2024-07-01"), day("2024-09-30"), 2024, 2)
    assert ps.parse_quarter("2024 Q4").last == day("2024-12-31")
    assert repr(ps.calendar_quarter(day("2024-12-31"))) == "<Quarter 2024 Q4>"


@pytest.mark.parametrize("text", ["2024/26 Q1", "Q5 2024", "last quarter"])
def test_a_quarter_that_is_not_one_is_refused_naming_it(text: str) -> None:
    with pytest.raises(ps.ValidationError) as refused:
        if "/" in text:
            ps.parse_financial_quarter(text)
        else:
            ps.parse_quarter(text)
    assert refused.value.field == "quarter"
    assert text in str(refused.value)


def test_a_quarterly_cycle_gives_next_and_previous_reviews(sample: Sample) -> None:
    cycle = sample.store.add_review_cycle(
        sample.partnership.id, "LIS quarterly review", "financial_quarters",
        start=day("2024-03-31"), group=sample.lis.id, by=ME,
    )
    assert [c.id for c in sample.store.plan.review_cycles()] == [cycle.id]
    assert ps.next_review(cycle, day("2024-09-30")) == day("2024-12-31")
    assert ps.previous_review(cycle, day("2024-09-30")) == day("2024-06-30")
    assert ps.review_dates(cycle, day("2024-06-30"), day("2024-12-31")) == [
        day("2024-06-30"), day("2024-09-30"), day("2024-12-31")]
    plan = sample.store.plan
    assert plan.previous_review(day("2024-09-30")) == day("2024-06-30")
    assert plan.next_review(day("2024-09-29"), partnership=sample.partnership.id) == day("2024-09-30")
    assert plan.cycle_for(sample.training.id) is not None
    assert "financial_quarters" in repr(cycle)


def test_a_cycle_that_cannot_give_dates_is_refused_and_nothing_is_stored(sample: Sample) -> None:
    before = snapshot(sample.store.plan)
    with pytest.raises(ps.ValidationError) as refused:
        sample.store.add_review_cycle(sample.partnership.id, "Flags", "every_n_months",
                                      start=day("2024-01-31"), months=0, by=ME)
    assert refused.value.field == "months"
    assert snapshot(sample.store.plan) == before


def test_missed_reviews_are_the_reviews_an_open_action_drifted_past(sample: Sample) -> None:
    sample.store.add_review_cycle(sample.partnership.id, "LIS", "calendar_quarters",
                                  start=day("2024-03-31"), by=ME)
    sample.store.record_update(sample.training.id, on=day("2024-06-30"), status="in_progress", by=ME)
    missed = sample.store.plan.missed_reviews(sample.training.id, as_of=day("2024-12-31"))
    assert missed == [day("2024-09-30"), day("2024-12-31")]


def test_a_meeting_records_each_outcome_and_what_it_does(sample: Sample) -> None:
    board = add_board(sample)
    store = sample.store
    meeting = store.record_review(
        sample.lis.id, held_on=day("2024-09-30"), attending=[sample.police.id, sample.social_care.id],
        outcomes=[
            ps.ReviewOutcome(sample.training.id, "extend", new_due=day("2024-12-31"),
                             reason="Trainer on long-term leave"),
            ps.ReviewOutcome(sample.procedure.id, ps.OutcomeKind.escalate, escalated_to=board.id,
                             reason="No progress in two quarters"),
        ],
        note="Q2 LIS", by=ME, why="quarterly review",
    )
    plan = store.plan
    assert meeting.id > 0 and len(plan.reviews()) == 1
    assert plan.review(meeting.id).outcomes[0].kind == ps.OutcomeKind.extend
    assert plan.due_on_at(sample.training.id, as_of=day("2024-10-01")) == day("2024-12-31")
    revision = plan.action(sample.training.id).due_revisions[-1]
    assert (revision.reason, revision.agreed_by) == ("Trainer on long-term leave", sample.lis.name)
    changes = plan.changes(since=day("2024-06-30"), until=day("2024-09-30"))
    assert [e.action for e in changes.escalations] == [sample.procedure.id]
    assert [e.to for e in plan.escalations(since=day("2024-06-30"), until=day("2024-09-30"))] == [board.id]
    assert [r.action for r in changes.extensions] == [sample.training.id]


def test_complete_and_cancel_outcomes_are_updates_of_the_group(sample: Sample) -> None:
    store = sample.store
    store.record_review(sample.lis.id, held_on=day("2024-10-15"), by=ME, outcomes=[
        ps.ReviewOutcome(sample.training.id, "complete", note="All officers trained"),
        ps.ReviewOutcome(sample.procedure.id, "cancel", reason="Superseded by the regional procedure"),
    ])
    plan = store.plan
    assert plan.status_at(sample.training.id, as_of=day("2024-10-15")) == ps.Status.complete
    assert plan.status_at(sample.procedure.id, as_of=day("2024-10-15")) == ps.Status.cancelled
    assert plan.action(sample.procedure.id).updates[-1].note == "Superseded by the regional procedure"
    assert str(ps.OutcomeKind.continue_) == "continue"


def test_a_refused_outcome_records_nothing_of_the_meeting(sample: Sample) -> None:
    store = sample.store
    before = snapshot(store.plan)
    history = len(store.history())
    with pytest.raises(ps.ValidationError) as refused:
        store.record_review(sample.lis.id, held_on=day("2024-09-30"), by=ME, outcomes=[
            ps.ReviewOutcome(sample.training.id, "complete"),
            ps.ReviewOutcome(sample.procedure.id, "extend", reason="no date given"),
        ])
    assert refused.value.field == "new_due"
    assert snapshot(store.plan) == before
    assert len(store.history()) == history


def test_an_outcome_for_an_unknown_action_is_not_found(sample: Sample) -> None:
    with pytest.raises(ps.NotFoundError, match="999"):
        sample.store.record_review(sample.lis.id, held_on=day("2024-09-30"), by=ME,
                                   outcomes=[ps.ReviewOutcome(999, "continue")])
    assert sample.store.plan.reviews() == []


def test_a_flag_on_a_record_falls_due_for_review(sample: Sample) -> None:
    store = sample.store
    item = store.add_reviewable_item(
        sample.partnership.id, "record_flag", "Flag: risk to staff from a parent",
        placed_on=day("2024-01-10"), review_every_months=6, agency=sample.social_care.id,
        audit=sample.audit.id, by=ME,
    )
    plan = store.plan
    assert plan.review_due_on(item.id, as_of=day("2024-07-09")) == day("2024-07-10")
    assert not plan.is_review_overdue(item.id, as_of=day("2024-07-10"))
    assert plan.is_review_overdue(item.id, as_of=day("2024-07-11"))
    assert plan.overdue_reviews(as_of=day("2024-07-11")) == [item.id]
    review = store.review_item(item.id, on=day("2024-07-15"), note="Still evidenced", by=ME)
    assert review.by == ME.name
    assert store.plan.review_due_on(item.id, as_of=day("2024-07-15")) == day("2025-01-15")
    store.review_item(item.id, on=day("2025-01-20"), note="No longer evidenced", retired=True, by=ME)
    assert not store.plan.is_review_overdue(item.id, as_of=day("2026-01-01"))
    with pytest.raises(ps.ConflictError):
        store.review_item(item.id, on=day("2025-02-01"), by=ME)


def test_reviews_survive_reopening_the_file(tmp_path: Path) -> None:
    path = tmp_path / "lscp.db"
    store = ps.open(path)
    sample = build_sample(store)
    store.add_review_cycle(sample.partnership.id, "LIS", "explicit_dates",
                           dates=[day("2024-06-12"), day("2024-09-18")], group=sample.lis.id, by=ME)
    assert store.plan.review_cycles()[0].start is None
    store.record_review(sample.lis.id, held_on=day("2024-09-18"), by=ME,
                        outcomes=[ps.ReviewOutcome(sample.training.id, "continue", note="On track")])
    expected = snapshot(store.plan)
    del store
    reopened = ps.open(path)
    assert snapshot(reopened.plan) == expected
    assert any(h.entity == "review" for h in reopened.history())


def test_changes_between_reviews_refuse_a_backwards_period(sample: Sample) -> None:
    with pytest.raises(ps.ValidationError) as refused:
        sample.store.plan.changes(since=day("2024-09-30"), until=day("2024-09-30"))
    assert refused.value.field == "since"


def test_changes_between_two_quarters_of_the_workload_match_the_csv_files(workload_dir: Path) -> None:
    import csv
    import json

    store = ps.open(":memory:")
    store.import_workload(workload_dir, by=ME)
    as_of = dt.date.fromisoformat(json.loads((workload_dir / "meta.json").read_text())["as_of"])
    since = ps.previous_review(
        store.add_review_cycle(store.plan.partnerships()[0].id, "LIS", "calendar_quarters",
                               start=dt.date(2000, 3, 31), by=ME), as_of)
    assert since is not None
    changes = store.plan.changes(since=since, until=as_of)

    # The same, straight from the files with the WORKLOAD.md definitions.
    def rows(name: str) -> list[dict[str, str]]:
        with open(workload_dir / name, newline="", encoding="utf-8") as f:
            return list(csv.DictReader(f))

    actions = {int(r["action_id"]): r for r in rows("actions.csv")}
    updates: dict[int, list[tuple[dt.date, str]]] = {}
    for r in rows("updates.csv"):
        updates.setdefault(int(r["action_id"]), []).append((dt.date.fromisoformat(r["reviewed_on"]), r["status"]))
    deps: dict[int, list[int]] = {}
    for r in rows("dependencies.csv"):
        deps.setdefault(int(r["action_id"]), []).append(int(r["depends_on_action_id"]))

    def exists(a: int, d: dt.date) -> bool:
        return dt.date.fromisoformat(actions[a]["created_on"]) <= d

    def status(a: int, d: dt.date) -> str:
        seen = [s for on, s in sorted(updates.get(a, []), key=lambda u: u[0]) if on <= d]
        return seen[-1] if seen else "not_started"

    def is_open(a: int, d: dt.date) -> bool:
        return exists(a, d) and status(a, d) in ("not_started", "in_progress")

    def overdue(a: int, d: dt.date) -> bool:
        return is_open(a, d) and dt.date.fromisoformat(actions[a]["due_on"]) < d

    def blocked(a: int, d: dt.date) -> bool:
        return is_open(a, d) and any(is_open(b, d) for b in deps.get(a, []))

    def amber(a: int, d: dt.date) -> bool:
        if not is_open(a, d) or overdue(a, d):
            return False
        due = dt.date.fromisoformat(actions[a]["due_on"])
        return blocked(a, d) or (status(a, d) == "not_started" and due <= d + dt.timedelta(days=30))

    ids = sorted(a for a in actions if exists(a, as_of))
    assert changes.new_actions == [a for a in ids if not exists(a, since)]
    assert [(c.action, str(c.from_), str(c.to)) for c in changes.status_changes] == [
        (a, status(a, since) if exists(a, since) else "not_started", status(a, as_of))
        for a in ids if (status(a, since) if exists(a, since) else "not_started") != status(a, as_of)]
    assert changes.completed == [a for a in ids if status(a, as_of) == "complete"
                                 and not (exists(a, since) and status(a, since) == "complete")]
    assert changes.newly_overdue == [a for a in ids if overdue(a, as_of) and not overdue(a, since)]
    assert changes.newly_blocked == [a for a in ids if blocked(a, as_of) and not blocked(a, since)]
    assert changes.newly_at_risk == [a for a in ids if amber(a, as_of) and not amber(a, since)]
    assert changes.newly_overdue and changes.newly_blocked and changes.newly_at_risk and changes.completed


def test_next_and_previous_review_need_a_cycle_and_name_the_partnership_when_there_are_several(
        sample: Sample) -> None:
    plan = sample.store.plan
    with pytest.raises(ps.NotFoundError, match="no whole-plan review cycle"):
        plan.previous_review(day("2024-09-30"))
    with pytest.raises(ps.NotFoundError, match=f"partnership {sample.partnership.id}"):
        plan.next_review(day("2024-09-30"), partnership=sample.partnership.id)
    store = sample.store
    store.add_review_cycle(sample.partnership.id, "LIS", "calendar_quarters", start=day("2024-03-31"), by=ME)
    other = store.add_partnership("Dudley SCB", by=ME)
    store.add_review_cycle(other.id, "Dudley LIS", "every_n_months", start=day("2024-01-31"), months=2, by=ME)
    with pytest.raises(ps.ValidationError) as refused:
        store.plan.previous_review(day("2024-09-30"))
    assert refused.value.field == "partnership"
    assert store.plan.previous_review(day("2024-09-30"), partnership=other.id) == day("2024-07-31")
    assert store.plan.next_review(day("2024-09-30"), partnership=sample.partnership.id) == day("2024-12-31")
