"""The five seed briefings (examples/seeds) load into one store that holds every
finding of every seed in its category, the cases as the seeds describe them,
and at the 2025-03-31 review open, overdue, blocked, complete and assured
actions; a second load into one file, and a malformed seed file, are refused.

The store is built without the briefings' editorial text except in
test_briefings_recorded, which needs plansight's briefing API
(Store.add_briefing, Store.record_dissemination)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import plansight as ps
from support import REPO_ROOT

SEEDS_DIR = REPO_ROOT / "examples" / "seeds"
sys.path.insert(0, str(SEEDS_DIR))
import load_seeds  # noqa: E402  (found through the path above)

D = load_seeds.REVIEW_DATE


def raw(name: str) -> dict[str, Any]:
    """A seed file as tomllib reads it, independent of the loader."""
    with (SEEDS_DIR / name).open("rb") as f:
        return tomllib.load(f)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> load_seeds.SeedStore:
    """The seed store without the briefings (shared: do not change it)."""
    return load_seeds.build_seed_store(tmp_path_factory.mktemp("seeds") / "seeds.db")


def test_the_five_seed_files_are_listed_and_present() -> None:
    assert len(load_seeds.SEED_FILES) == 5
    for name in load_seeds.SEED_FILES:
        assert (SEEDS_DIR / name).is_file(), name
    sources = [raw(name)["seed"]["source"] for name in load_seeds.SEED_FILES]
    assert [s[:3] for s in sources] == ["000", "001", "002", "003", "004"]


@pytest.mark.parametrize("name", load_seeds.SEED_FILES)
def test_every_finding_is_in_the_plan_with_its_category_and_audit(seeded: load_seeds.SeedStore, name: str) -> None:
    seed = raw(name)
    plan = seeded.store.plan
    audit = seeded.audits[seed["audit"]["key"]]
    assert seed["findings"], name
    for f in seed["findings"]:
        finding = plan.finding(seeded.findings[f["key"]])
        assert finding.text == f["text"]
        assert str(finding.category) == f["category"]
        assert finding.audit == audit
        assert sorted(plan.theme(t).name for t in finding.themes) == sorted(f["themes"])
    in_plan = [x for x in plan.findings() if x.audit == audit]
    assert len(in_plan) == len(seed["findings"])


@pytest.mark.parametrize("name", load_seeds.SEED_FILES)
def test_the_audit_is_of_its_kind_and_date(seeded: load_seeds.SeedStore, name: str) -> None:
    seed = raw(name)
    audit = seeded.store.plan.audit(seeded.audits[seed["audit"]["key"]])
    assert str(audit.kind) == seed["audit"]["kind"]
    assert audit.held_on == seed["audit"]["held_on"] < D
    assert str(audit.stage) == "monitoring"
    assert seeded.store.plan.partnership(audit.partnership).name == seed["partnership"]["name"]


@pytest.mark.parametrize("name", load_seeds.SEED_FILES)
def test_the_cases_are_as_the_cohort_states(seeded: load_seeds.SeedStore, name: str) -> None:
    seed = raw(name)
    cohort = seed["cohort"]
    cases = [c for c in seeded.store.plan.cases() if c.audit == seeded.audits[seed["audit"]["key"]]]
    assert len(cases) == cohort["cases"]
    if "age_from" in cohort:
        assert min(c.age_band.from_ for c in cases) == cohort["age_from"]
    if "age_to" in cohort:
        assert max(c.age_band.to for c in cases) == cohort["age_to"]
    if "discussed_at_panel" in cohort:
        assert sum(c.discussed_at_panel for c in cases) == cohort["discussed_at_panel"]


def test_the_child_to_adult_conflict_audit_has_ten_children_aged_9_to_17_six_at_panel(
        seeded: load_seeds.SeedStore) -> None:
    plan = seeded.store.plan
    audit = plan.audit(seeded.audits["cac_2024"])
    cases = [c for c in plan.cases() if c.audit == audit.id]
    assert len(cases) == 10
    assert all(9 <= c.age_band.from_ <= c.age_band.to <= 17 for c in cases)
    assert {min(c.age_band.from_ for c in cases), max(c.age_band.to for c in cases)} == {9, 17}
    assert sum(c.discussed_at_panel for c in cases) == 6
    assert len(audit.agencies) == 11
    returned_by = {r.agency for r in plan.agency_returns() if plan.case(r.case).audit == audit.id}
    assert returned_by == set(audit.agencies)


def test_case_references_are_pseudonymous_and_no_finding_names_a_case_or_an_age(
        seeded: load_seeds.SeedStore) -> None:
    plan = seeded.store.plan
    references = [c.reference for c in plan.cases()]
    assert all(re.fullmatch(r"[A-Z]{3,4}-\d{2}", r) for r in references), references
    age = re.compile(r"\b\d{1,2}[- ]?(?:year|yr)s?[- ]?old\b", re.IGNORECASE)
    for finding in plan.findings():
        assert not any(r in finding.text for r in references), finding.text
        assert not age.search(finding.text), finding.text


def test_graded_audits_have_graded_returns_and_line_of_sight_events_do_not(seeded: load_seeds.SeedStore) -> None:
    plan = seeded.store.plan
    graded = Counter(plan.audit(plan.case(r.case).audit).kind.name for r in plan.agency_returns() if r.gradings)
    ungraded = Counter(plan.audit(plan.case(r.case).audit).kind.name for r in plan.agency_returns() if not r.gradings)
    assert set(graded) == {"qa_audit", "learning_themes_audit", "multi_agency_case_audit"}
    assert set(ungraded) == {"line_of_sight_event"}


def test_findings_are_tagged_from_the_shared_theme_vocabulary(seeded: load_seeds.SeedStore) -> None:
    plan = seeded.store.plan
    assert sorted(t.name for t in plan.themes()) == sorted(load_seeds.THEMES)
    used = {plan.theme(t).name for f in plan.findings() for t in f.themes}
    assert {"voice of the child", "information sharing", "professional curiosity", "risk assessment tools",
            "record keeping and flags", "whole-family working", "transition to adulthood", "trauma",
            "exploitation"} <= used
    da_audits = [seeded.audits[k] for k in ("cac_2024", "nyscp_da_2023", "dudley_da_2018")]
    per_audit = [{t for f in plan.findings() if f.audit == a for t in f.themes} for a in da_audits]
    assert seeded.themes["voice of the child"] in set.intersection(*per_audit), "a theme recurs across years"


def test_every_worry_and_area_for_development_is_answered_and_every_recommendation_acted_on(
        seeded: load_seeds.SeedStore) -> None:
    plan = seeded.store.plan
    answered = {f for r in plan.recommendations() for f in r.findings}
    answered |= {a.finding for a in plan.actions() if a.finding is not None}
    for f in plan.findings():
        if f.category in (ps.FindingCategory.worry, ps.FindingCategory.area_for_development):
            assert f.id in answered, f.text
    acted_on = {a.recommendation for a in plan.actions()}
    assert all(r.id in acted_on for r in plan.recommendations())
    assert all(a.success_measure and a.estimate_days > 0 for a in plan.actions())


def test_every_category_occurs(seeded: load_seeds.SeedStore) -> None:
    categories = Counter(str(f.category) for f in seeded.store.plan.findings())
    assert set(categories) == {c.name for c in ps.FindingCategory}


def test_seeds_of_one_partnership_share_it_its_groups_and_agencies(seeded: load_seeds.SeedStore) -> None:
    plan = seeded.store.plan
    assert len(plan.partnerships()) == 4
    nl = {plan.audit(seeded.audits[k]).partnership for k in ("nl_tra_2023", "nl_exploitation_2022")}
    assert nl == {seeded.partnerships["nl_mars"]}
    names = [(g.partnership, g.name) for g in plan.groups()]
    assert len(names) == len(set(names))
    agency_names = [a.name for a in plan.agencies()]
    assert len(agency_names) == len(set(agency_names))
    assert len(plan.review_cycles()) == 4
    assert {str(a.sector) for a in plan.agencies()} == {s.name for s in ps.Sector} - {"other"}


def test_a_dependency_crosses_the_two_north_lincolnshire_audits(seeded: load_seeds.SeedStore) -> None:
    plan = seeded.store.plan
    a = seeded.actions
    deps = {(d.action, d.depends_on) for d in plan.dependencies()}
    assert (a["EXP-A3"], a["TRA-A3"]) in deps
    assert plan.action(a["EXP-A3"]).audit != plan.action(a["TRA-A3"]).audit


def test_at_the_review_date_the_plan_has_open_overdue_blocked_complete_and_assured_actions(
        seeded: load_seeds.SeedStore) -> None:
    plan = seeded.store.plan
    ids = [a.id for a in plan.actions()]
    overdue = set(plan.overdue_actions(D))
    blocked = set(plan.blocked_actions(D))
    complete = {i for i in ids if plan.status_at(i, as_of=D) == ps.Status.complete}
    assured = {i for i in ids if plan.is_assured_at(i, as_of=D)}
    open_ = {i for i in ids if plan.is_open_at(i, as_of=D)}
    assert overdue and blocked and complete and assured and open_
    assert assured <= complete and not (open_ & complete)
    assert complete - assured, "some actions are complete but not assured"
    assert open_ - overdue - blocked, "some open actions are on track"
    a = seeded.actions
    assert {a["TRA-A3"], a["CAC-A2"], a["NY-A3"]} <= overdue
    assert {a["EXP-A3"], a["CAC-A8"], a["NY-A6"]} <= blocked
    assert all(plan.rag_at(i, as_of=D) == ps.Rag.red for i in overdue)
    summary = plan.review_summary(D)
    assert sum(p.overdue for p in summary.partnerships) == len(overdue)
    assert sum(p.blocked for p in summary.partnerships) == len(blocked)


def test_review_meetings_decide_every_kind_of_outcome(seeded: load_seeds.SeedStore) -> None:
    kinds = {o["kind"] for name in load_seeds.SEED_FILES for r in raw(name).get("reviews", []) for o in r["outcomes"]}
    assert {"continue", "complete", "extend", "escalate", "assure"} <= kinds
    plan = seeded.store.plan
    escalated = plan.escalations(since=dt.date(2018, 1, 1), until=D)
    assert [e.action for e in escalated] == [seeded.actions["TRA-A3"]]
    a = seeded.actions
    revised = {i: plan.action(i).due_revisions for i in (a["EXP-A3"], a["NY-A4"], a["TRA-A2"])}
    assert all(revised.values())
    assert all(r.reason for rs in revised.values() for r in rs)


def test_the_joint_splig_meetings_review_both_north_lincolnshire_audits(seeded: load_seeds.SeedStore) -> None:
    plan = seeded.store.plan
    splig = [m for m in plan.reviews() if m.group == seeded.groups["splig"]]
    held = [m.held_on for m in splig]
    assert len(held) == len(set(held)), "one SPLIG meeting a date, for both audits"
    assert dt.date(2023, 9, 20) in held


def test_everything_recorded_lies_on_or_before_the_review_date(seeded: load_seeds.SeedStore) -> None:
    plan = seeded.store.plan
    dated = [a.created_on for a in plan.actions()]
    dated += [u.on for a in plan.actions() for u in a.updates]
    dated += [e.on for a in plan.actions() for e in a.evidence]
    dated += [r.on for a in plan.actions() for r in a.due_revisions]
    dated += [m.held_on for m in plan.reviews()] + [a.held_on for a in plan.audits()]
    assert max(dated) <= D
    assert any(plan.due_on_at(a.id, as_of=D) > D for a in plan.actions())


def test_loading_twice_into_one_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "twice.db"
    first = load_seeds.build_seed_store(path)
    actions = len(first.store.plan.actions())
    with pytest.raises(FileExistsError, match="twice.db already exists"):
        load_seeds.build_seed_store(path)
    assert len(ps.open(path).plan.actions()) == actions


def test_the_command_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "exists.db"
    path.write_bytes(b"")
    done = subprocess.run([sys.executable, str(SEEDS_DIR / "load_seeds.py"), str(path)], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 1
    assert "exists.db already exists" in done.stderr


def copy_seeds(to: Path) -> Path:
    """The seed files copied into `to`, to break one."""
    for name in load_seeds.SEED_FILES:
        shutil.copy(SEEDS_DIR / name, to / name)
    return to


def test_a_seed_file_missing_a_required_key_is_refused_naming_file_and_key(tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path)
    broken = seeds / "child_to_adult_conflict_qa.toml"
    text = broken.read_text()
    assert "\nheld_on = 2024-07-03\n" in text
    broken.write_text(text.replace("\nheld_on = 2024-07-03\n", "\n", 1))
    with pytest.raises(load_seeds.SeedFileError) as refused:
        load_seeds.build_seed_store(tmp_path / "out.db", seed_dir=seeds)
    message = str(refused.value)
    assert "child_to_adult_conflict_qa.toml" in message and "'audit.held_on'" in message
    assert not (tmp_path / "out.db").exists()


def test_a_finding_missing_its_category_is_refused_naming_its_place(tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path)
    broken = seeds / "dudley_domestic_abuse_macfa.toml"
    broken.write_text(broken.read_text().replace('category = "good_practice"\n', "", 1))
    with pytest.raises(load_seeds.SeedFileError, match=r"dudley_domestic_abuse_macfa\.toml: missing required key "
                                                       r"'findings\[1\]\.category'"):
        load_seeds.read_seeds(seeds)


def test_a_theme_outside_the_vocabulary_is_refused(tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path)
    broken = seeds / "nl_teenage_relationship_abuse.toml"
    broken.write_text(broken.read_text().replace('themes = ["trauma"]', 'themes = ["trauma", "resilience"]', 1))
    with pytest.raises(load_seeds.SeedFileError, match="nl_teenage_relationship_abuse.toml.*'resilience'"):
        load_seeds.read_seeds(seeds)


def test_invalid_toml_is_refused_naming_the_file(tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path)
    (seeds / "nl_exploitation_line_of_sight.toml").write_text("[seed\nkey = 1\n")
    with pytest.raises(load_seeds.SeedFileError, match="nl_exploitation_line_of_sight.toml: not valid TOML"):
        load_seeds.read_seeds(seeds)


def test_briefings_recorded(tmp_path: Path) -> None:
    """Needs plansight's briefing API (Store.add_briefing, record_dissemination)."""
    seeded = load_seeds.build_seed_store(tmp_path / "briefed.db")
    seed_keys = [raw(name)["seed"]["key"] for name in load_seeds.SEED_FILES]
    assert sorted(seeded.briefings) == sorted(seed_keys)
    assert len(set(seeded.briefings.values())) == 5
    for name in load_seeds.SEED_FILES:
        seed = raw(name)
        written, published = seed["briefing"]["written_on"], seed["briefing"]["dissemination"]["on"]
        assert seed["audit"]["held_on"] < published <= D and written <= published
