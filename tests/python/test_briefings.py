"""Briefings from Python: adding and disseminating them through a store, reading them from the plan,
the as-of questions, history, and refusals that raise plansight errors and change nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import plansight as ps
from support import ME, Sample, build_sample, day, snapshot

# The sample's audit was held on 2024-03-14.
HELD = day("2024-03-14")


def add_briefing(sample: Sample, written_on: str = "2024-04-02") -> ps.Briefing:
    return sample.store.add_briefing(
        sample.audit.id,
        "7 minute briefing: domestic abuse",
        written_on=day(written_on),
        background="Four children's cases were audited by five agencies.",
        why_it_matters="Children living with domestic abuse are victims in their own right.",
        next_steps="Actions are on the LIS action plan, monitored quarterly until completed.",
        reflection=["How do you capture the child's voice?", "Do you use the DASH risk checklist?"],
        further_information=["Domestic Abuse Act 2021 statutory guidance"],
        by=ME,
        why="for the LIS",
    )


def test_add_briefing_returns_it_with_its_id_and_text(sample: Sample) -> None:
    briefing = add_briefing(sample)
    assert isinstance(briefing, ps.Briefing)
    assert briefing.id == 1
    assert briefing.audit == sample.audit.id
    assert briefing.title == "7 minute briefing: domestic abuse"
    assert briefing.written_on == day("2024-04-02")
    assert briefing.background.startswith("Four children's cases")
    assert briefing.why_it_matters.endswith("in their own right.")
    assert briefing.next_steps.startswith("Actions are on the LIS action plan")
    assert briefing.reflection == ["How do you capture the child's voice?", "Do you use the DASH risk checklist?"]
    assert briefing.further_information == ["Domestic Abuse Act 2021 statutory guidance"]
    assert briefing.disseminations == []
    assert repr(briefing) == (
        "<Briefing 1 '7 minute briefing: domestic abuse' on audit 1 written 2024-04-02, 0 disseminations>")


def test_the_optional_text_defaults_to_empty(sample: Sample) -> None:
    briefing = sample.store.add_briefing(sample.audit.id, "7 minute briefing", written_on=HELD, by=ME)
    assert (briefing.background, briefing.why_it_matters, briefing.next_steps) == ("", "", "")
    assert briefing.reflection == [] and briefing.further_information == []


def test_record_dissemination_keeps_date_agencies_note_and_the_actors_name(sample: Sample) -> None:
    briefing = add_briefing(sample)
    lead = ps.Actor("Police safeguarding lead", agency=sample.police.id)
    sample.store.record_dissemination(
        briefing.id, on=day("2024-04-02"), reached=[sample.social_care.id, sample.police.id],
        note="sent to DSL network and team meetings", by=lead)
    [d] = sample.store.plan.briefing(briefing.id).disseminations
    assert isinstance(d, ps.Dissemination)
    assert (d.briefing, d.on, d.reached, d.by, d.note) == (
        briefing.id, day("2024-04-02"), [sample.social_care.id, sample.police.id], "Police safeguarding lead",
        "sent to DSL network and team meetings")
    assert repr(d) == "<Dissemination of briefing 1 on 2024-04-02 to agencies 2, 1>"
    sample.store.record_dissemination(briefing.id, on=day("2024-05-01"), reached=[sample.police.id], by="LIS chair")
    latest = sample.store.plan.briefing(briefing.id).disseminations[-1]
    assert (latest.by, latest.note) == ("LIS chair", "")
    assert repr(latest) == "<Dissemination of briefing 1 on 2024-05-01 to agency 1>"


def test_the_plan_lists_briefings_and_those_of_an_audit(sample: Sample) -> None:
    first = add_briefing(sample)
    other_audit = sample.store.add_audit(sample.partnership.id, "Re-audit", "qa_audit", day("2025-01-10"), by=ME)
    elsewhere = sample.store.add_briefing(other_audit.id, "Re-audit briefing", written_on=day("2025-02-01"), by=ME)
    second = add_briefing(sample, "2024-06-01")
    plan = sample.store.plan
    assert [b.id for b in plan.briefings()] == [first.id, elsewhere.id, second.id]
    assert [b.id for b in plan.briefings_of(sample.audit.id)] == [first.id, second.id]
    assert [b.title for b in plan.briefings_of(other_audit.id)] == ["Re-audit briefing"]
    assert plan.briefing(second.id).written_on == day("2024-06-01")
    with pytest.raises(ps.NotFoundError, match="no briefing 99"):
        plan.briefing(99)
    with pytest.raises(ps.NotFoundError, match="no audit 99"):
        plan.briefings_of(99)


def test_published_on_and_reached_agencies_as_of_a_date(sample: Sample) -> None:
    briefing = add_briefing(sample)
    assert ps.published_on(briefing, day("2030-01-01")) is None
    assert ps.reached_agencies(briefing, day("2030-01-01")) == []
    sample.store.record_dissemination(briefing.id, on=day("2024-04-10"), reached=[sample.social_care.id], by=ME)
    sample.store.record_dissemination(
        briefing.id, on=day("2024-05-20"), reached=[sample.social_care.id, sample.police.id], by=ME)
    briefing = sample.store.plan.briefing(briefing.id)
    assert ps.published_on(briefing, day("2024-04-09")) is None
    assert ps.published_on(briefing, day("2024-04-10")) == day("2024-04-10")
    assert ps.published_on(briefing, day("2024-06-01")) == day("2024-04-10")
    assert ps.reached_agencies(briefing, day("2024-04-09")) == []
    assert ps.reached_agencies(briefing, day("2024-04-10")) == [sample.social_care.id]
    assert ps.reached_agencies(briefing, day("2024-05-19")) == [sample.social_care.id]
    assert ps.reached_agencies(briefing, as_of=day("2024-05-20")) == [sample.police.id, sample.social_care.id]


def test_briefings_and_disseminations_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "lscp.db"
    sample = build_sample(ps.open(path))
    briefing = add_briefing(sample)
    sample.store.record_dissemination(briefing.id, on=day("2024-04-10"), reached=[sample.police.id],
                                      note="team meetings", by=ME)
    before = snapshot(sample.store.plan)
    assert before["briefings"][0]["disseminations"][0]["note"] == "team meetings"
    assert snapshot(ps.open(path).plan) == before
    assert snapshot(sample.store.load()) == before


def test_history_shows_the_creation_and_each_dissemination(sample: Sample) -> None:
    briefing = add_briefing(sample)
    sample.store.record_dissemination(briefing.id, on=day("2024-04-10"),
                                      reached=[sample.police.id, sample.social_care.id], note="DSL network",
                                      by="Education lead")
    rows = sample.store.history("briefing", briefing.id)
    assert [(h.field, h.new_value, h.actor, h.why) for h in rows] == [
        ("created", "7 minute briefing: domestic abuse", ME.name, "for the LIS"),
        ("disseminated", "2024-04-10 to agencies 1, 2", "Education lead", "DSL network"),
    ]


REFUSALS: dict[str, tuple[type[ps.Error], str | None, Callable[[Sample], object]]] = {
    "blank title": (ps.ValidationError, "title", lambda s: s.store.add_briefing(
        s.audit.id, " ", written_on=HELD, by=ME)),
    "written before the audit": (ps.ValidationError, "written_on", lambda s: s.store.add_briefing(
        s.audit.id, "Briefing", written_on=day("2024-03-13"), by=ME)),
    "blank reflection prompt": (ps.ValidationError, "reflection", lambda s: s.store.add_briefing(
        s.audit.id, "Briefing", written_on=HELD, reflection=["Ask", ""], by=ME)),
    "blank further information": (ps.ValidationError, "further_information", lambda s: s.store.add_briefing(
        s.audit.id, "Briefing", written_on=HELD, further_information=[" "], by=ME)),
    "unknown audit": (ps.NotFoundError, None, lambda s: s.store.add_briefing(
        999, "Briefing", written_on=HELD, by=ME)),
    "no actor": (ps.ValidationError, "by", lambda s: s.store.add_briefing(
        s.audit.id, "Briefing", written_on=HELD, by=" ")),
    "disseminated before written": (ps.ValidationError, "on", lambda s: s.store.record_dissemination(
        1, on=day("2024-04-01"), reached=[s.police.id], by=ME)),
    "disseminated before the latest": (ps.ValidationError, "on", lambda s: s.store.record_dissemination(
        1, on=day("2024-04-09"), reached=[s.police.id], by=ME)),
    "reaching no agency": (ps.ValidationError, "reached", lambda s: s.store.record_dissemination(
        1, on=day("2024-05-01"), reached=[], by=ME)),
    "reaching an agency twice": (ps.ValidationError, "reached", lambda s: s.store.record_dissemination(
        1, on=day("2024-05-01"), reached=[s.police.id, s.police.id], by=ME)),
    "reaching an unknown agency": (ps.NotFoundError, None, lambda s: s.store.record_dissemination(
        1, on=day("2024-05-01"), reached=[999], by=ME)),
    "unknown briefing": (ps.NotFoundError, None, lambda s: s.store.record_dissemination(
        999, on=day("2024-05-01"), reached=[s.police.id], by=ME)),
}


@pytest.mark.parametrize("refusal", list(REFUSALS))
def test_refused_briefing_change_raises_and_leaves_file_and_plan_unchanged(tmp_path: Path, refusal: str) -> None:
    path = tmp_path / "lscp.db"
    sample = build_sample(ps.open(path))
    briefing = add_briefing(sample)
    sample.store.record_dissemination(briefing.id, on=day("2024-04-10"), reached=[sample.police.id], by=ME)
    before, history = snapshot(sample.store.plan), len(sample.store.history())
    kind, field, change = REFUSALS[refusal]
    with pytest.raises(kind) as raised:
        change(sample)
    assert isinstance(raised.value, ps.Error)
    if field is not None:
        assert isinstance(raised.value, ps.ValidationError)
        assert raised.value.field == field
    assert snapshot(sample.store.plan) == before
    assert len(sample.store.history()) == history
    assert snapshot(ps.open(path).plan) == before


def test_briefing_values_are_read_only(sample: Sample) -> None:
    briefing = add_briefing(sample)
    with pytest.raises(AttributeError):
        briefing.title = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        ps.Briefing()
