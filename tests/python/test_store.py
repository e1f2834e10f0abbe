"""Store: opening, adding and changing every entity kind, history, persistence."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import plansight as ps
from support import ME, Sample, build_sample, counts, day, snapshot

# ---- opening ---------------------------------------------------------------------------


def test_open_in_memory() -> None:
    store = ps.open(":memory:")
    assert store.path == ":memory:"
    assert store.schema_version == ps.Store.latest_schema_version()
    assert counts(store.plan) == dict.fromkeys(counts(store.plan), 0)


def test_open_creates_a_file(tmp_path: Path) -> None:
    path = tmp_path / "lscp.db"
    store = ps.open(path)
    assert path.exists()
    assert store.path == str(path)
    assert store.schema_version == ps.Store.latest_schema_version()


def test_open_takes_str_and_path(tmp_path: Path) -> None:
    ps.open(str(tmp_path / "a.db")).add_partnership("Dudley", by=ME)
    assert [p.name for p in ps.open(tmp_path / "a.db").plan.partnerships()] == ["Dudley"]


def test_reopening_a_file_gives_the_same_plan(tmp_path: Path) -> None:
    path = tmp_path / "lscp.db"
    sample = build_sample(ps.open(path))
    record_history(sample)
    before = snapshot(sample.store.plan)
    assert snapshot(ps.open(path).plan) == before
    assert snapshot(sample.store.load()) == before


def test_load_gives_an_independent_plan(sample: Sample) -> None:
    loaded = sample.store.load()
    sample.store.add_theme("neglect", by=ME)
    assert len(loaded.themes()) == 1
    assert len(sample.store.plan.themes()) == 2


def test_store_plan_is_live_and_copy_is_a_snapshot(sample: Sample) -> None:
    live = sample.store.plan
    frozen = live.copy()
    sample.store.add_theme("neglect", by=ME)
    assert [t.name for t in live.themes()] == ["domestic abuse", "neglect"]
    assert [t.name for t in frozen.themes()] == ["domestic abuse"]


# ---- adding and reading every entity kind ------------------------------------------------


def test_add_returns_each_entity_with_its_id(sample: Sample) -> None:
    plan = sample.store.plan
    assert plan.partnership(sample.partnership.id).name == "North Yorkshire SCP"
    assert plan.agency(sample.police.id).sector is ps.Sector.police
    assert plan.group(sample.lis.id).partnership == sample.partnership.id
    assert plan.theme(sample.theme.id).name == "domestic abuse"
    assert plan.audit(sample.audit.id).title == "Multi-Agency Response to Domestic Abuse"
    assert plan.case(sample.case.id).reference == "DA-01"
    assert plan.finding(sample.finding.id).category is ps.FindingCategory.area_for_development
    assert plan.recommendation(sample.recommendation.id).findings == [sample.finding.id]
    assert plan.action(sample.procedure.id).title == "Revise the multi-agency DA procedure"
    assert plan.concern(sample.concern.id).description == "Sibling not seen since the incident"
    assert [r.id for r in plan.agency_returns()] == [sample.agency_return.id]


def test_collections_list_everything_in_order(sample: Sample) -> None:
    plan = sample.store.plan
    assert counts(plan) == {
        "partnerships": 1, "agencies": 2, "groups": 1, "themes": 1, "audits": 1, "cases": 1,
        "agency_returns": 1, "findings": 1, "recommendations": 1, "actions": 2, "concerns": 1,
        "dependencies": 1, "review_cycles": 0, "reviewable_items": 0, "reviews": 0, "briefings": 0,
    }
    assert [a.id for a in plan.actions()] == [sample.training.id, sample.procedure.id]
    assert [(d.action, d.depends_on, d.lag_days) for d in plan.dependencies()] == [
        (sample.procedure.id, sample.training.id, 0)]


def test_find_by_name_or_id_returns_none_when_missing(sample: Sample) -> None:
    plan = sample.store.plan
    found = [plan.find_theme("domestic abuse"), plan.find_agency("Police"),
             plan.find_partnership("North Yorkshire SCP"), plan.find_action(sample.training.id)]
    assert [f.id if f else None for f in found] == [
        sample.theme.id, sample.police.id, sample.partnership.id, sample.training.id]
    assert plan.find_theme("trauma") is None
    assert plan.find_action(999) is None


def test_reaudit_names_the_audit_it_follows(sample: Sample) -> None:
    reaudit = sample.store.add_audit(sample.partnership.id, "Domestic abuse re-audit", ps.AuditKind.re_audit,
                                     day("2025-03-14"), reaudit_of=sample.audit.id, stage="panel", by=ME)
    assert reaudit.reaudit_of == sample.audit.id
    assert reaudit.stage is ps.AuditStage.panel


def test_by_takes_an_actor_or_a_name(sample: Sample) -> None:
    store = sample.store
    store.add_theme("neglect", by="LIS chair")
    store.add_theme("trauma", by=ps.Actor("DI Smith", agency=sample.police.id))
    actors = [h.actor for h in store.history("theme") if h.field == "created"]
    assert actors == ["LIS business manager", "LIS chair", "DI Smith"]


# ---- changes ----------------------------------------------------------------------------


def record_history(sample: Sample) -> None:
    """Takes the training action through its whole life, and more."""
    store, training = sample.store, sample.training.id
    store.advance_audit(sample.audit.id, "monitoring", by=ME)
    store.record_update(training, on=day("2024-06-28"), status="in_progress", note="Sessions booked",
                        reported_rag="GREEN", by=ME)
    store.revise_due_date(training, on=day("2024-09-01"), new_due=day("2024-11-30"),
                          reason="Trainer unavailable", agreed_by="LIS chair", by=ME)
    store.change_owner(training, on=day("2024-09-02"), owner_agency=sample.police.id,
                       owner_role="Safeguarding Lead", reason="Restructure", by=ME)
    store.record_update(training, on=day("2024-11-29"), status="complete", completed_on=day("2024-11-28"),
                        by=ME)
    store.add_evidence(training, on=day("2024-12-02"), kind="impact", description="Dip sample of 20 DASH forms",
                       by=ME)
    store.assure(training, on=day("2024-12-10"), group=sample.lis.id, note="Impact evidenced", by=ME)
    store.answer_concern(sample.concern.id, on=day("2024-03-15"), answer="Sibling seen on 15 March",
                         by="Team Manager")


def test_changes_return_what_was_recorded(sample: Sample) -> None:
    store, training = sample.store, sample.training.id
    audit = store.advance_audit(sample.audit.id, "monitoring", by=ME)
    assert audit.stage is ps.AuditStage.monitoring
    update = store.record_update(training, on=day("2024-06-28"), status="in_progress", note="Booked",
                                 reported_rag="AMBER", by=ME)
    assert (update.action, update.on, update.status, update.note, update.by) == (
        training, day("2024-06-28"), ps.Status.in_progress, "Booked", "LIS business manager")
    assert update.reported_rag is ps.Rag.amber and update.completed_on is None
    revision = store.revise_due_date(training, on=day("2024-09-01"), new_due=day("2024-11-30"),
                                     reason="Trainer unavailable", agreed_by="LIS chair", by=ME)
    assert (revision.new_due, revision.reason, revision.agreed_by) == (
        day("2024-11-30"), "Trainer unavailable", "LIS chair")
    change = store.change_owner(training, on=day("2024-09-02"), owner_group=sample.lis.id,
                                reason="Moved to the LIS", by=ME)
    assert change.new_owner.group == sample.lis.id and change.new_owner.agency is None
    done = store.record_update(training, on=day("2024-11-29"), status="complete", by=ME)
    assert done.completed_on == day("2024-11-29")
    evidence = store.add_evidence(training, on=day("2024-12-02"), kind=ps.EvidenceKind.impact,
                                  description="Dip sample", by=ME)
    assert evidence.id == 1 and evidence.kind is ps.EvidenceKind.impact and evidence.by == ME.name
    assurance = store.assure(training, on=day("2024-12-10"), group=sample.lis.id, by=ME)
    assert (assurance.group, assurance.on) == (sample.lis.id, day("2024-12-10"))
    concern = store.answer_concern(sample.concern.id, on=day("2024-03-15"), answer="Seen", by=ME)
    assert (concern.answered_on, concern.answer) == (day("2024-03-15"), "Seen")
    action = store.plan.action(training)
    assert [len(action.updates), len(action.due_revisions), len(action.owner_changes),
            len(action.evidence)] == [2, 1, 1, 1]
    assert action.assurance is not None and action.assurance.note == ""


def test_history_records_actor_field_and_values(sample: Sample) -> None:
    record_history(sample)
    rows = sample.store.history("action", sample.training.id)
    fields = [(h.field, h.old_value, h.new_value) for h in rows]
    assert fields[0] == ("created", "", "Deliver DASH refresher training")
    assert ("status", "not_started", "in_progress") in fields
    assert ("status", "in_progress", "complete") in fields
    assert ("due_on", "2024-09-30", "2024-11-30") in fields
    assert all(h.entity == "action" and h.entity_id == sample.training.id for h in rows)
    assert {h.actor for h in rows} == {"LIS business manager"}
    revision = next(h for h in rows if h.field == "due_on")
    assert revision.why == "Trainer unavailable"
    assert dt.datetime.fromisoformat(revision.recorded_at.replace("Z", "+00:00")).year >= 2024
    stage = sample.store.history("audit", sample.audit.id)[-1]
    assert (stage.field, stage.old_value, stage.new_value) == ("stage", "planned", "monitoring")
    answer = [h for h in sample.store.history("concern") if h.field == "answer"]
    assert [(h.actor, h.new_value) for h in answer] == [("Team Manager", "Sibling seen on 15 March")]


def test_history_without_arguments_lists_everything_oldest_first(sample: Sample) -> None:
    rows = sample.store.history()
    assert {h.entity for h in rows} >= {"partnership", "agency", "audit", "action", "concern"}
    assert [h.change for h in rows] == sorted(h.change for h in rows)


# ---- refused changes leave the store as it was -------------------------------------------


REFUSALS = {
    "empty title": lambda s: s.store.add_action(
        s.partnership.id, s.audit.id, "  ", owner_agency=s.police.id, created_on=day("2024-04-01"),
        due_on=day("2024-05-01"), by=ME),
    "two owners": lambda s: s.store.add_action(
        s.partnership.id, s.audit.id, "Train", owner_agency=s.police.id, owner_group=s.lis.id,
        created_on=day("2024-04-01"), due_on=day("2024-05-01"), by=ME),
    "due before created": lambda s: s.store.add_action(
        s.partnership.id, s.audit.id, "Train", owner_agency=s.police.id, created_on=day("2024-04-01"),
        due_on=day("2024-03-01"), by=ME),
    "dangling audit": lambda s: s.store.add_finding(999, "worry", "text", by=ME),
    "duplicate id": lambda s: s.store.add_agency("Police again", "police", id=s.police.id, by=ME),
    "cycle": lambda s: s.store.add_dependency(s.training.id, s.procedure.id, by=ME),
    "NHS number": lambda s: s.store.add_case(s.audit.id, "943 476 5919", by=ME),
    "no actor": lambda s: s.store.add_theme("neglect", by=" "),
    "update out of order": lambda s: s.store.record_update(
        s.training.id, on=day("2024-03-01"), status="in_progress", by=ME),
    "cancel without reason": lambda s: s.store.record_update(
        s.training.id, on=day("2024-05-01"), status="cancelled", by=ME),
    "assure an open action": lambda s: s.store.assure(s.training.id, on=day("2024-05-01"), group=s.lis.id,
                                                      by=ME),
    "answer before raised": lambda s: s.store.answer_concern(s.concern.id, on=day("2024-01-01"),
                                                             answer="Seen", by=ME),
    "audit goes back": lambda s: s.store.advance_audit(s.audit.id, "planned", by=ME),
}


@pytest.mark.parametrize("refusal", list(REFUSALS))
def test_refused_change_leaves_file_and_plan_unchanged(tmp_path: Path, refusal: str) -> None:
    path = tmp_path / "lscp.db"
    sample = build_sample(ps.open(path))
    if refusal == "audit goes back":
        sample.store.advance_audit(sample.audit.id, "panel", by=ME)
    before, history = snapshot(sample.store.plan), len(sample.store.history())
    with pytest.raises(ps.Error):
        REFUSALS[refusal](sample)
    assert snapshot(sample.store.plan) == before
    assert len(sample.store.history()) == history
    assert snapshot(ps.open(path).plan) == before
