"""The model as Python sees it: enums, dates, ids, value types, the package."""

from __future__ import annotations

import datetime as dt
import enum
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import plansight as ps
from support import ME, REPO_ROOT, Sample, day

ENUMS = {
    ps.Status: ["not_started", "in_progress", "complete", "cancelled"],
    ps.Rag: ["RED", "AMBER", "GREEN", "BLUE", "none"],
    ps.Sector: ["police", "local_authority", "health", "education", "justice", "voluntary", "other"],
    ps.AuditKind: ["multi_agency_case_audit", "thematic_audit", "single_agency_audit",
                   "rapid_review", "line_of_sight_event", "learning_themes_audit", "qa_audit",
                   "re_audit"],
    ps.AuditStage: ["planned", "cases_selected", "agency_returns", "panel", "reported",
                    "action_planning", "monitoring", "closed"],
    ps.FindingCategory: ["good_practice", "area_for_development", "worry", "learning_theme"],
    ps.Grade: ["outstanding", "good", "requires_improvement", "inadequate"],
    ps.Involvement: ["universal", "early_help", "child_in_need", "child_protection_plan",
                     "looked_after"],
    ps.EvidenceKind: ["completion", "impact"],
}


# ---- enums ---------------------------------------------------------------------------


@pytest.mark.parametrize("cls", list(ENUMS))
def test_enum_is_a_python_enum_whose_str_is_the_vocabulary_name(cls: type[enum.Enum]) -> None:
    assert issubclass(cls, enum.Enum)
    assert [str(member) for member in cls] == ENUMS[cls]
    assert [member.value for member in cls] == list(range(len(ENUMS[cls])))
    assert [member.name for member in cls] == [name.lower() for name in ENUMS[cls]]


def test_rag_reads_as_brag() -> None:
    assert str(ps.Rag.red) == "RED"
    assert f"{ps.Rag.blue}" == "BLUE"
    assert str(ps.Rag.none) == "none"


def test_enum_parameters_take_members_or_names(store: ps.Store) -> None:
    by_member = store.add_agency("Police", ps.Sector.police, by=ME)
    by_name = store.add_agency("Probation", "justice", by=ME)
    by_upper_name = store.add_agency("GP / Primary Care", "HEALTH", by=ME)
    assert by_member.sector is ps.Sector.police
    assert by_name.sector is ps.Sector.justice
    assert by_upper_name.sector is ps.Sector.health


def test_rag_takes_vocabulary_and_member_names(sample: Sample) -> None:
    store, action = sample.store, sample.training.id
    first = store.record_update(action, on=day("2024-05-01"), status="in_progress",
                                reported_rag="RED", by=ME)
    second = store.record_update(action, on=day("2024-06-01"), status=ps.Status.in_progress,
                                 reported_rag="amber", by=ME)
    third = store.record_update(action, on=day("2024-07-01"), status="in_progress",
                                reported_rag=ps.Rag.green, by=ME)
    assert [u.reported_rag for u in (first, second, third)] == [ps.Rag.red, ps.Rag.amber, ps.Rag.green]


def test_unknown_enum_name_raises_validation_error_listing_the_names(store: ps.Store) -> None:
    with pytest.raises(ps.ValidationError, match="unknown value 'constabulary'") as raised:
        store.add_agency("Police", "constabulary", by=ME)
    assert raised.value.field == "sector"
    assert "police, local_authority" in str(raised.value)
    assert store.plan.agencies() == []


def test_enum_parameter_refuses_other_types(store: ps.Store) -> None:
    with pytest.raises(TypeError):
        store.add_agency("Police", 0, by=ME)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        store.add_agency("Police", ps.Grade.good, by=ME)  # type: ignore[arg-type]


# ---- dates and ids -------------------------------------------------------------------


def test_dates_are_datetime_dates_both_ways(sample: Sample) -> None:
    action = sample.store.plan.action(sample.training.id)
    assert type(action.created_on) is dt.date
    assert action.created_on == dt.date(2024, 4, 1)
    assert action.due_on == dt.date(2024, 9, 30)
    assert sample.store.plan.due_on_at(action.id, as_of=dt.date(2024, 5, 1)) == dt.date(2024, 9, 30)


def test_a_datetime_is_refused_rather_than_cut_to_a_date(sample: Sample) -> None:
    with pytest.raises(TypeError):
        sample.store.plan.rag_at(sample.training.id, as_of=dt.datetime(2024, 5, 1, 12, 0))


def test_ids_are_ints_and_take_numpy_integers(sample: Sample) -> None:
    plan = sample.store.plan
    assert type(sample.training.id) is int
    assert plan.action(np.int64(sample.training.id)).title == sample.training.title
    assert plan.action(np.int32(sample.procedure.id)).id == sample.procedure.id


def test_ids_refuse_bools_floats_and_negatives(sample: Sample) -> None:
    plan = sample.store.plan
    with pytest.raises(TypeError):
        plan.action(True)
    with pytest.raises(TypeError):
        plan.action(1.0)  # type: ignore[arg-type]
    with pytest.raises(ps.ValidationError, match="must not be negative"):
        plan.action(-1)


def test_explicit_ids_are_kept_and_zero_assigns_the_next(store: ps.Store) -> None:
    assert store.add_partnership("Dudley", id=7, by=ME).id == 7
    assert store.add_partnership("Walsall", id=0, by=ME).id == 8
    assert store.add_partnership("Sandwell", by=ME).id == 9


# ---- value types -----------------------------------------------------------------------


def test_value_types_carry_every_field(sample: Sample) -> None:
    plan = sample.store.plan
    audit = plan.audit(sample.audit.id)
    assert (audit.partnership, audit.kind, audit.stage) == (
        sample.partnership.id, ps.AuditKind.learning_themes_audit, ps.AuditStage.planned)
    assert audit.themes == [sample.theme.id]
    assert audit.agencies == [sample.police.id, sample.social_care.id]
    assert audit.reaudit_of is None
    case = plan.case(sample.case.id)
    assert (case.age_band.from_, case.age_band.to) == (9, 17)
    assert case.involvement is ps.Involvement.child_in_need
    assert case.needs == ["domestic abuse"] and case.discussed_at_panel
    returned = plan.agency_returns()[0]
    assert returned.case == sample.case.id and returned.agency == sample.police.id
    assert [(g.question, g.grade) for g in returned.gradings] == [
        ("voice of the child evident", ps.Grade.requires_improvement),
        ("risk assessment tool used", ps.Grade.good)]
    training = plan.action(sample.training.id)
    assert training.owner.agency == sample.police.id and training.owner.group is None
    assert (training.owner.role, training.owner.lead) == ("Detective Inspector, Public Protection", "DI Smith")
    assert training.recommendation == sample.recommendation.id and training.finding is None
    assert training.estimate_days == 90 and training.success_measure == "90% of officers trained"
    procedure = plan.action(sample.procedure.id)
    assert procedure.owner.group == sample.lis.id and procedure.owner.agency is None
    [dependency] = procedure.depends_on
    assert (dependency.action, dependency.depends_on, dependency.lag_days) == (procedure.id, sample.training.id, 0)
    assert repr(dependency) == f"<Dependency {procedure.id} on {sample.training.id}>"


def test_value_types_are_read_only(sample: Sample) -> None:
    action = sample.store.plan.action(sample.training.id)
    with pytest.raises(AttributeError):
        action.title = "Something else"  # type: ignore[misc]
    with pytest.raises(TypeError):
        ps.Action()
    assert sample.store.plan.action(sample.training.id).title == "Deliver DASH refresher training"


def test_reprs_name_the_entity(sample: Sample) -> None:
    assert repr(sample.training) == "<Action 1 'Deliver DASH refresher training' due 2024-09-30>"
    assert repr(sample.partnership) == "<Partnership 1 'North Yorkshire SCP'>"
    assert repr(sample.police) == "<Agency 1 'Police' police>"
    assert repr(sample.case.age_band) == "<AgeBand 9-17>"
    assert repr(sample.audit) == ("<Audit 1 'Multi-Agency Response to Domestic Abuse' "
                                  "learning_themes_audit held 2024-03-14, planned>")
    assert repr(ME) == "<Actor 'LIS business manager'>"
    assert repr(ps.Actor("DI Smith", agency=3)) == "<Actor 'DI Smith' of agency 3>"
    assert repr(sample.store.plan) == "<Plan: 1 partnerships, 1 audits, 2 actions>"
    assert repr(sample.concern).endswith("raised 2024-03-14, unanswered>")


def test_long_text_is_cut_in_reprs(store: ps.Store) -> None:
    partnership = store.add_partnership("x" * 100, by=ME)
    assert repr(partnership) == f"<Partnership 1 '{'x' * 60}...'>"


def test_actor_has_a_name_and_an_optional_agency() -> None:
    actor = ps.Actor("DI Smith", agency=3)
    assert (actor.name, actor.agency) == ("DI Smith", 3)
    assert ps.Actor("LIS chair").agency is None


def described(obj: object) -> bool:
    """Whether obj's docstring says something beyond a generated signature line."""
    doc = (getattr(obj, "__doc__", None) or "").strip()
    if callable(obj) and not isinstance(obj, type):
        first, _, rest = doc.partition("\n")
        return bool(rest.strip()) and "(" in first
    return bool(doc)


def test_every_bound_function_and_class_has_a_docstring() -> None:
    missing = []
    for name in ps._core.__all__:
        obj = getattr(ps._core, name)
        if not described(obj):
            missing.append(name)
        if isinstance(obj, type) and not issubclass(obj, BaseException):
            for attr in vars(obj):
                if attr.startswith("_") and attr not in ("__repr__", "__str__", "__init__"):
                    continue
                if issubclass(obj, enum.Enum) and attr != "__str__":
                    continue
                if attr == "__init__" and obj is not ps.Actor:
                    continue
                if not described(getattr(obj, attr)):
                    missing.append(f"{name}.{attr}")
    assert missing == []


# ---- the package -----------------------------------------------------------------------


def test_package_exports(sample: Sample) -> None:
    assert ps.__version__ == ps._core.__version__
    assert ps.__version__.count(".") == 2
    assert set(ps.__all__) <= set(dir(ps))
    assert "open" not in ps.__all__  # a star import must not shadow the builtin
    assert "ImportError" not in dir(ps)


def test_import_works_from_another_directory(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import plansight, sys; print(plansight.open(':memory:'))"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    )
    assert result.stdout.strip() == "<Store ':memory:' schema " + str(ps.Store.latest_schema_version()) + ">"


def test_missing_extension_gives_a_clear_message(tmp_path: Path) -> None:
    package = tmp_path / "plansight"
    package.mkdir()
    source = REPO_ROOT / "python" / "plansight" / "__init__.py"
    (package / "__init__.py").write_text(source.read_text())
    result = subprocess.run(
        [sys.executable, "-c", "import plansight"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert result.returncode != 0
    assert "plansight's compiled extension _core is not built/installed" in result.stderr


def test_every_public_name_of_the_python_modules_has_a_docstring() -> None:
    import plansight.frames
    import plansight.plots
    import plansight.spreadsheets

    missing = []
    for module in (ps, plansight.frames, plansight.plots, plansight.spreadsheets, ps.exceptions):
        assert module.__doc__, module.__name__
        for name in module.__all__:
            obj = getattr(module, name)
            if getattr(obj, "__module__", "").startswith("plansight.") and obj.__module__ != "plansight._core" \
                    and callable(obj) and not (obj.__doc__ or "").strip():
                missing.append(f"{module.__name__}.{name}")
    assert missing == []
