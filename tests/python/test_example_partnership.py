"""The example partnership store (examples/python/example_partnership.py) holds
what the notebooks and the README's review need: several partnerships, graded
audits with a re-audit, a recurring theme, and at the 2025-03-31 review
overdue, blocked, at-risk, complete and assured actions and rule breaches."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import plansight as ps
from support import REPO_ROOT, counts, day, snapshot

sys.path.insert(0, str(REPO_ROOT / "examples" / "python"))
import example_partnership as ep  # noqa: E402  (found through the path above)

D = ep.REVIEW_DATE


@pytest.fixture(scope="module")
def plan() -> ps.Plan:
    """The example's plan (shared: do not change it)."""
    return ep.build_example_store().plan


def audit_titled(plan: ps.Plan, start: str) -> ps.Audit:
    matches = [a for a in plan.audits() if a.title.startswith(start)]
    assert len(matches) == 1, start
    return matches[0]


def titles(plan: ps.Plan, ids: list[int]) -> set[str]:
    return {plan.action(i).title for i in ids}


def test_the_store_holds_two_partnerships_and_their_audits(plan: ps.Plan) -> None:
    held = counts(plan)
    assert held["partnerships"] == 2 and held["audits"] == 4 and held["actions"] == 27
    assert held["cases"] == 27 and held["agency_returns"] >= 80
    assert held["themes"] == len(ep.THEMES) and held["agencies"] == len(ep.AGENCIES)
    assert {g.name for g in plan.groups()} >= {"Learning and Improvement Subgroup", "Safeguarding Partnership Board"}
    assert {str(a.sector) for a in plan.agencies()} >= {"police", "local_authority", "health", "education",
                                                         "justice", "voluntary"}
    assert {a.held_on.year for a in plan.audits()} == {2023, 2024, 2025}
    assert len(plan.review_cycles()) == 2


def test_cases_are_pseudonymised_and_some_were_discussed_at_panel(plan: ps.Plan) -> None:
    da = audit_titled(plan, "Multi-agency case file audit")
    cases = [c for c in plan.cases() if c.audit == da.id]
    assert [c.reference for c in cases] == [f"DA-0{n}" for n in range(1, 9)]
    assert 0 < sum(c.discussed_at_panel for c in cases) < len(cases)
    assert len({str(c.involvement) for c in cases}) == 4


def test_findings_of_every_category_carry_themes(plan: ps.Plan) -> None:
    da = audit_titled(plan, "Multi-agency case file audit")
    findings = [f for f in plan.findings() if f.audit == da.id]
    assert {str(f.category) for f in findings} == {"good_practice", "area_for_development", "worry", "learning_theme"}
    assert all(f.themes for f in findings)
    assert plan.recommendations() and all(r.findings for r in plan.recommendations())


def test_the_reaudit_is_linked_to_the_domestic_abuse_audit(plan: ps.Plan) -> None:
    original = audit_titled(plan, "Multi-agency case file audit")
    reaudit = audit_titled(plan, "Re-audit")
    assert reaudit.kind == ps.AuditKind.re_audit and reaudit.reaudit_of == original.id
    assert reaudit.held_on > original.held_on
    assert [a.reaudit_of for a in plan.audits()].count(None) == 3


def grades_by_question(plan: ps.Plan, audit: ps.Audit) -> dict[str, Counter[ps.Grade]]:
    cases = {c.id for c in plan.cases() if c.audit == audit.id}
    grid: dict[str, Counter[ps.Grade]] = {}
    for r in plan.agency_returns():
        if r.case in cases:
            for g in r.gradings:
                grid.setdefault(g.question, Counter())[g.grade] += 1
    return grid


def good_share(grades: Counter[ps.Grade]) -> float:
    return (grades[ps.Grade.good] + grades[ps.Grade.outstanding]) / sum(grades.values())


def test_the_reaudit_grades_mostly_but_not_uniformly_better(plan: ps.Plan) -> None:
    before = grades_by_question(plan, audit_titled(plan, "Multi-agency case file audit"))
    after = grades_by_question(plan, audit_titled(plan, "Re-audit"))
    assert set(before) == set(after) == set(ep.DA_QUESTIONS)
    assert set().union(*before.values()) == set(ps.Grade)
    improved = {q for q in before if good_share(after[q]) > good_share(before[q])}
    assert "voice of the child evident" in improved and "risk assessment tool used" in improved
    assert improved != set(before)  # record flags did not improve


def test_a_theme_recurs_across_audits_and_years(plan: ps.Plan) -> None:
    voice = plan.find_theme("voice of the child")
    assert voice is not None
    tagged = {f.audit for f in plan.findings() if voice.id in f.themes}
    tagged |= {a.id for a in plan.audits() if voice.id in a.themes}
    assert len(tagged) >= 2 and len({plan.audit(a).held_on.year for a in tagged}) >= 2


def test_at_the_review_date_the_plan_has_every_state_to_discuss(plan: ps.Plan) -> None:
    overdue = plan.overdue_actions(D)
    blocked = plan.blocked_actions(D)
    assert "Make historical paper records available to the Multi-Agency Audit Group" in titles(plan, overdue)
    assert "Digitise the child protection files of the audited children" in titles(plan, blocked)
    assert len(overdue) >= 2 and len(blocked) >= 2
    at_risk = set(ps.at_risk(plan, ps.schedule(plan, from_date=D), as_of=D))
    assert at_risk - set(overdue), "some actions are at risk without being overdue yet"
    statuses = Counter(plan.status_at(a.id, as_of=D) for a in plan.actions())
    assured = [a.id for a in plan.actions() if plan.is_assured_at(a.id, as_of=D)]
    assert statuses[ps.Status.complete] > len(assured) >= 3
    rags = {plan.rag_at(a.id, as_of=D) for a in plan.actions()}
    assert rags >= {ps.Rag.red, ps.Rag.amber, ps.Rag.green, ps.Rag.blue}


def test_each_review_outcome_kind_is_used(plan: ps.Plan) -> None:
    kinds = {o.kind for m in plan.reviews() for o in m.outcomes}
    assert kinds >= {ps.OutcomeKind.continue_, ps.OutcomeKind.extend, ps.OutcomeKind.escalate,
                     ps.OutcomeKind.complete, ps.OutcomeKind.assure}
    held = [m.held_on for m in plan.reviews()]
    assert held == sorted(held) and len(held) >= 6


def test_the_last_quarter_has_changes_to_report(plan: ps.Plan) -> None:
    ny = plan.find_partnership("North Yorkshire SCP")
    assert ny is not None
    since = plan.previous_review(D, partnership=ny.id)
    assert since == day("2024-12-31")
    changes = plan.changes(since=since, until=D, partnership=ny.id)
    assert changes.new_actions and changes.completed and changes.assured
    assert changes.extensions and changes.escalations


def test_the_rules_find_breaches_of_several_kinds(plan: ps.Plan) -> None:
    report = ps.RuleSet.builtin().check(plan, as_of=D)
    breaches = {r.rule for r in report.results if r.severity == ps.Severity.breach}
    assert breaches >= {"overdue", "extended_too_often", "concern_unanswered", "review_overdue"}
    assert report.count("warning") > 0


def test_one_concern_is_answered_and_one_waits(plan: ps.Plan) -> None:
    answered = [c.answered_on is not None and c.answered_on <= D for c in plan.concerns()]
    assert True in answered and False in answered


def test_the_build_is_the_same_every_time(plan: ps.Plan) -> None:
    assert snapshot(ep.build_example_store().plan) == snapshot(plan)


def test_the_example_refuses_a_store_that_holds_a_plan(tmp_path: Path) -> None:
    path = tmp_path / "example.db"
    ep.build_example_store(path)
    with pytest.raises(ValueError, match="already holds a plan"):
        ep.build_example_store(path)


def test_the_script_writes_the_store_and_prints_one_line(tmp_path: Path, plan: ps.Plan) -> None:
    out = tmp_path / "example.db"
    run = subprocess.run([sys.executable, str(REPO_ROOT / "examples/python/example_partnership.py"), str(out)],
                         capture_output=True, text=True, cwd=tmp_path, check=True)
    lines = run.stdout.splitlines()
    assert len(lines) == 1 and "2 partnerships, 4 audits, 27 actions; at 2025-03-31" in lines[0]
    assert snapshot(ps.open(out).plan) == snapshot(plan)
