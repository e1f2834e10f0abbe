"""The five seed learning briefings (published briefings 000 to 004) as one plansight store.

Each seed is modelled in a TOML file beside this module (see README.md for the
schema): the partnership and its monitoring groups, the audit, its cases and
agency returns, every finding of the briefing, the recommendations and the
actions their next steps imply, a few quarters of progress, and the
briefing's editorial text. `build_seed_store` reads all five into one new
store, sharing a partnership (and its groups, review cycle and agencies) where
two seeds describe the same one.

    python load_seeds.py OUT.db    # writes the store, prints a summary
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import re
import sys
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import cast

import plansight as ps

SEED_DIR = Path(__file__).resolve().parent
"""Where the seed TOML files live (this module's directory)."""

SEED_FILES: tuple[str, ...] = (
    "nl_teenage_relationship_abuse.toml",
    "nl_exploitation_line_of_sight.toml",
    "child_to_adult_conflict_qa.toml",
    "nyscp_domestic_abuse_themes.toml",
    "dudley_domestic_abuse_macfa.toml",
)
"""The seed files, in the order of the seeds they model (000 to 004)."""

REVIEW_DATE = dt.date(2025, 3, 31)
"""The review date the seeds' progress is written up to (2024/25 Q4)."""

THEMES: tuple[str, ...] = (
    "voice of the child",
    "information sharing",
    "professional curiosity",
    "risk assessment tools",
    "record keeping and flags",
    "whole-family working",
    "transition to adulthood",
    "trauma",
    "exploitation",
    "domestic abuse",
    "teenage relationship abuse",
    "multi-agency working",
    "relationships with families",
    "strengths-based practice",
    "assessment and planning",
    "supervision and challenge",
    "training and resources",
    "language and labelling",
)
"""The controlled vocabulary of learning themes every seed file tags with."""

GRADE_LETTERS: Mapping[str, ps.Grade] = {
    "O": ps.Grade.outstanding,
    "G": ps.Grade.good,
    "R": ps.Grade.requires_improvement,
    "I": ps.Grade.inadequate,
}
"""Letters of an agency return's `grades` string, one per audit question."""

_AGE_IN_TEXT = re.compile(r"\b\d{1,2}[- ]?(?:year|yr)s?[- ]?old\b", re.IGNORECASE)


class SeedFileError(ValueError):
    """A seed file is not valid TOML, lacks a required key, or holds a value
    the schema refuses. The message starts with the file's name and names the key."""


# --- the schema, as typed records ------------------------------------------------


@dataclass(frozen=True)
class GroupSpec:
    """A monitoring group (LIS, SPLIG, board) of the seed's partnership."""

    key: str
    name: str


@dataclass(frozen=True)
class CycleSpec:
    """The quarterly review cycle of the partnership's plan."""

    name: str
    kind: str
    start: dt.date
    group: str


@dataclass(frozen=True)
class AgencySpec:
    """A partner agency the seed names (or implies), with its sector."""

    key: str
    name: str
    sector: str


@dataclass(frozen=True)
class AuditSpec:
    """The audit the briefing reports on."""

    key: str
    title: str
    kind: str
    held_on: dt.date
    themes: tuple[str, ...]
    agencies: tuple[str, ...]
    scope: str
    questions: tuple[str, ...]


@dataclass(frozen=True)
class CohortSpec:
    """What the seed says, in aggregate, about the audited cases."""

    cases: int
    described_as: str
    age_from: int | None
    age_to: int | None
    discussed_at_panel: int | None


@dataclass(frozen=True)
class CaseSpec:
    """A pseudonymised case and its agency returns (agency key -> grade letters)."""

    reference: str
    age_band: tuple[int, int]
    involvement: str
    needs: tuple[str, ...]
    discussed_at_panel: bool
    returns: Mapping[str, str]


@dataclass(frozen=True)
class ConcernSpec:
    """An immediate concern about a case sent back to an agency, and its answer."""

    case: str
    agency: str
    description: str
    raised_on: dt.date
    answered_on: dt.date | None
    answer: str
    answered_by: str


@dataclass(frozen=True)
class FindingSpec:
    """A finding of the briefing, in its category, tagged with themes."""

    key: str
    category: str
    text: str
    themes: tuple[str, ...]
    cases: tuple[str, ...]
    agencies: tuple[str, ...]


@dataclass(frozen=True)
class RecommendationSpec:
    """What the panel asks for, answering some findings."""

    key: str
    text: str
    findings: tuple[str, ...]


@dataclass(frozen=True)
class ActionSpec:
    """An action of the plan; `owner` is an agency or a group key."""

    key: str
    title: str
    owner: str
    role: str
    lead: str
    answers: str
    created_on: dt.date
    due_on: dt.date
    estimate_days: int
    success_measure: str
    description: str


@dataclass(frozen=True)
class DependencySpec:
    """`action` cannot start until `lag_days` after `depends_on` is finished."""

    action: str
    depends_on: str
    lag_days: int
    why: str


@dataclass(frozen=True)
class UpdateSpec:
    """An owner's progress return on an action."""

    action: str
    on: dt.date
    status: str
    rag: str
    note: str
    completed_on: dt.date | None


@dataclass(frozen=True)
class EvidenceSpec:
    """Evidence of an action's completion or impact."""

    action: str
    on: dt.date
    kind: str
    description: str


@dataclass(frozen=True)
class RevisionSpec:
    """A due-date revision agreed outside a review meeting."""

    action: str
    on: dt.date
    new_due: dt.date
    reason: str
    agreed_by: str


@dataclass(frozen=True)
class OutcomeSpec:
    """A review meeting's decision on one action."""

    action: str
    kind: str
    note: str
    new_due: dt.date | None
    reason: str
    escalated_to: str | None


@dataclass(frozen=True)
class ReviewSpec:
    """A review meeting of a group and its outcomes."""

    group: str
    held_on: dt.date
    attending: tuple[str, ...]
    note: str
    outcomes: tuple[OutcomeSpec, ...]


@dataclass(frozen=True)
class DisseminationSpec:
    """When the briefing was published and which agencies it reached."""

    on: dt.date
    reached: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class BriefingSpec:
    """The briefing's editorial text."""

    title: str
    written_on: dt.date
    background: str
    why_it_matters: str
    next_steps: str
    reflection: tuple[str, ...]
    further_information: tuple[str, ...]
    dissemination: DisseminationSpec


@dataclass(frozen=True)
class Seed:
    """One seed file, read and checked."""

    file: Path
    key: str
    source: str
    recorder: str
    partnership_key: str
    partnership_name: str
    groups: tuple[GroupSpec, ...]
    cycle: CycleSpec
    agencies: tuple[AgencySpec, ...]
    audit: AuditSpec
    cohort: CohortSpec
    cases: tuple[CaseSpec, ...]
    concerns: tuple[ConcernSpec, ...]
    findings: tuple[FindingSpec, ...]
    recommendations: tuple[RecommendationSpec, ...]
    actions: tuple[ActionSpec, ...]
    dependencies: tuple[DependencySpec, ...]
    updates: tuple[UpdateSpec, ...]
    evidence: tuple[EvidenceSpec, ...]
    revisions: tuple[RevisionSpec, ...]
    reviews: tuple[ReviewSpec, ...]
    briefing: BriefingSpec


# --- reading TOML ----------------------------------------------------------------


class _Table:
    """A TOML table of a seed file; every failed read raises SeedFileError naming
    the file and the key's dotted path."""

    def __init__(self, file: Path, where: str, data: Mapping[str, object]) -> None:
        self.file = file
        self.where = where
        self.data = data

    def path(self, key: str) -> str:
        """The dotted path of `key` in this table."""
        return f"{self.where}.{key}" if self.where else key

    def fail(self, key: str, problem: str) -> SeedFileError:
        """An error naming the file and the key."""
        return SeedFileError(f"{self.file.name}: '{self.path(key)}' {problem}")

    def _get(self, key: str, kind: type | tuple[type, ...], kind_name: str, required: bool) -> object:
        if key not in self.data:
            if required:
                raise SeedFileError(f"{self.file.name}: missing required key '{self.path(key)}'")
            return None
        value = self.data[key]
        bool_for_int = isinstance(value, bool) and kind is not bool  # TOML true is a Python int too
        datetime_for_date = kind is dt.date and isinstance(value, dt.datetime)
        if bool_for_int or datetime_for_date or not isinstance(value, kind):
            raise self.fail(key, f"must be {kind_name}, not {value!r}")
        return value

    def text(self, key: str, default: str | None = None) -> str:
        """A string; required unless a default is given."""
        value = self._get(key, str, "a string", default is None)
        return default if value is None and default is not None else cast(str, value)

    def number(self, key: str, default: int | None = None) -> int:
        """An integer; required unless a default is given."""
        value = self._get(key, int, "an integer", default is None)
        return default if value is None and default is not None else cast(int, value)

    def maybe_number(self, key: str) -> int | None:
        """An optional integer."""
        return cast("int | None", self._get(key, int, "an integer", False))

    def flag(self, key: str) -> bool:
        """A required boolean."""
        return cast(bool, self._get(key, bool, "true or false", True))

    def date(self, key: str) -> dt.date:
        """A required TOML local date (2024-07-03)."""
        return cast(dt.date, self._get(key, dt.date, "a date (YYYY-MM-DD)", True))

    def maybe_date(self, key: str) -> dt.date | None:
        """An optional TOML local date."""
        return cast("dt.date | None", self._get(key, dt.date, "a date (YYYY-MM-DD)", False))

    def texts(self, key: str, required: bool = False) -> tuple[str, ...]:
        """An array of strings (empty when missing and not required)."""
        value = cast("list[object] | None", self._get(key, list, "an array of strings", required))
        items = value or []
        if not all(isinstance(v, str) for v in items):
            raise self.fail(key, "must be an array of strings")
        return tuple(cast("list[str]", items))

    def table(self, key: str) -> _Table:
        """A required sub-table."""
        value = cast("dict[str, object]", self._get(key, dict, "a table", True))
        return _Table(self.file, self.path(key), value)

    def maybe_table(self, key: str) -> _Table:
        """An optional sub-table (empty when missing)."""
        value = cast("dict[str, object] | None", self._get(key, dict, "a table", False))
        return _Table(self.file, self.path(key), value or {})

    def tables(self, key: str, required: bool = False) -> list[_Table]:
        """An array of tables ([[key]]); empty when missing and not required."""
        value = cast("list[object] | None", self._get(key, list, "an array of tables", required))
        items = value or []
        if not all(isinstance(v, dict) for v in items):
            raise self.fail(key, "must be an array of tables")
        return [_Table(self.file, f"{self.path(key)}[{i}]", cast("dict[str, object]", v))
                for i, v in enumerate(items)]

    def strings_by_key(self, key: str) -> dict[str, str]:
        """An optional inline table of string values."""
        sub = self.maybe_table(key)
        return {k: sub.text(k) for k in sub.data}


def _read_toml(file: Path) -> _Table:
    """The file's top-level table; invalid TOML raises SeedFileError naming the file."""
    try:
        with file.open("rb") as f:
            return _Table(file, "", tomllib.load(f))
    except tomllib.TOMLDecodeError as e:
        raise SeedFileError(f"{file.name}: not valid TOML: {e}") from e
    except OSError as e:
        raise SeedFileError(f"{file.name}: cannot be read: {e}") from e


def _read_audit(t: _Table) -> AuditSpec:
    return AuditSpec(t.text("key"), t.text("title"), t.text("kind"), t.date("held_on"), t.texts("themes", True),
                     t.texts("agencies", True), t.text("scope"), t.texts("questions"))


def _read_cohort(t: _Table) -> CohortSpec:
    return CohortSpec(t.number("cases"), t.text("described_as"), t.maybe_number("age_from"),
                      t.maybe_number("age_to"), t.maybe_number("discussed_at_panel"))


def _read_case(t: _Table) -> CaseSpec:
    band = t.data.get("age_band")
    if not (isinstance(band, list) and len(band) == 2 and all(type(b) is int for b in band)):
        if band is None:
            raise SeedFileError(f"{t.file.name}: missing required key '{t.path('age_band')}'")
        raise t.fail("age_band", f"must be [from, to] in whole years, not {band!r}")
    return CaseSpec(t.text("reference"), (int(band[0]), int(band[1])), t.text("involvement"), t.texts("needs"),
                    t.flag("discussed_at_panel"), t.strings_by_key("returns"))


def _read_concern(t: _Table) -> ConcernSpec:
    return ConcernSpec(t.text("case"), t.text("agency"), t.text("description"), t.date("raised_on"),
                       t.maybe_date("answered_on"), t.text("answer", ""), t.text("answered_by", ""))


def _read_finding(t: _Table) -> FindingSpec:
    return FindingSpec(t.text("key"), t.text("category"), t.text("text"), t.texts("themes", True),
                       t.texts("cases"), t.texts("agencies"))


def _read_action(t: _Table) -> ActionSpec:
    return ActionSpec(t.text("key"), t.text("title"), t.text("owner"), t.text("role", ""), t.text("lead", ""),
                      t.text("answers"), t.date("created_on"), t.date("due_on"), t.number("estimate_days"),
                      t.text("success_measure"), t.text("description", ""))


def _read_outcome(t: _Table) -> OutcomeSpec:
    escalated = t.text("escalated_to", "")
    return OutcomeSpec(t.text("action"), t.text("kind"), t.text("note", ""), t.maybe_date("new_due"),
                       t.text("reason", ""), escalated or None)


def _read_review(t: _Table) -> ReviewSpec:
    return ReviewSpec(t.text("group"), t.date("held_on"), t.texts("attending"), t.text("note", ""),
                      tuple(_read_outcome(o) for o in t.tables("outcomes", True)))


def _read_briefing(t: _Table) -> BriefingSpec:
    d = t.table("dissemination")
    return BriefingSpec(t.text("title"), t.date("written_on"), t.text("background", ""),
                        t.text("why_it_matters", ""), t.text("next_steps", ""), t.texts("reflection"),
                        t.texts("further_information"),
                        DisseminationSpec(d.date("on"), d.texts("reached", True), d.text("note", "")))


def read_seed(file: str | os.PathLike[str]) -> Seed:
    """Reads and checks one seed file; raises SeedFileError naming the file and the key."""
    path = Path(file)
    top = _read_toml(path)
    seed_t, part, cycle = top.table("seed"), top.table("partnership"), top.table("review_cycle")
    seed = Seed(
        file=path, key=seed_t.text("key"), source=seed_t.text("source"), recorder=seed_t.text("recorder"),
        partnership_key=part.text("key"), partnership_name=part.text("name"),
        groups=tuple(GroupSpec(g.text("key"), g.text("name")) for g in top.tables("groups", True)),
        cycle=CycleSpec(cycle.text("name"), cycle.text("kind"), cycle.date("start"), cycle.text("group")),
        agencies=tuple(AgencySpec(a.text("key"), a.text("name"), a.text("sector"))
                       for a in top.tables("agencies", True)),
        audit=_read_audit(top.table("audit")),
        cohort=_read_cohort(top.table("cohort")),
        cases=tuple(_read_case(c) for c in top.tables("cases", True)),
        concerns=tuple(_read_concern(c) for c in top.tables("concerns")),
        findings=tuple(_read_finding(f) for f in top.tables("findings", True)),
        recommendations=tuple(RecommendationSpec(r.text("key"), r.text("text"), r.texts("findings", True))
                              for r in top.tables("recommendations")),
        actions=tuple(_read_action(a) for a in top.tables("actions", True)),
        dependencies=tuple(DependencySpec(d.text("action"), d.text("depends_on"), d.number("lag_days", 0),
                                          d.text("why")) for d in top.tables("dependencies")),
        updates=tuple(UpdateSpec(u.text("action"), u.date("on"), u.text("status"), u.text("rag"), u.text("note"),
                                 u.maybe_date("completed_on")) for u in top.tables("updates")),
        evidence=tuple(EvidenceSpec(e.text("action"), e.date("on"), e.text("kind"), e.text("description"))
                       for e in top.tables("evidence")),
        revisions=tuple(RevisionSpec(r.text("action"), r.date("on"), r.date("new_due"), r.text("reason"),
                                     r.text("agreed_by")) for r in top.tables("due_revisions")),
        reviews=tuple(_read_review(r) for r in top.tables("reviews")),
        briefing=_read_briefing(top.table("briefing")),
    )
    _check_seed(seed)
    return seed


# --- checks a seed file must pass before anything is written ------------------


def _fail(seed: Seed, key: str, problem: str) -> SeedFileError:
    return SeedFileError(f"{seed.file.name}: '{key}' {problem}")


def _check_known(seed: Seed, key: str, values: Iterable[str], known: Iterable[str], what: str) -> None:
    allowed = set(known)
    for value in values:
        if value not in allowed:
            raise _fail(seed, key, f"names {value!r}, which is not {what}")


def _check_vocabulary(seed: Seed) -> None:
    enums: Sequence[tuple[str, Iterable[str], type[enum.Enum]]] = (
        ("agencies.sector", (a.sector for a in seed.agencies), ps.Sector),
        ("audit.kind", (seed.audit.kind,), ps.AuditKind),
        ("findings.category", (f.category for f in seed.findings), ps.FindingCategory),
        ("cases.involvement", (c.involvement for c in seed.cases), ps.Involvement),
        ("review_cycle.kind", (seed.cycle.kind,), ps.CycleKind),
        ("updates.status", (u.status for u in seed.updates), ps.Status),
        ("evidence.kind", (e.kind for e in seed.evidence), ps.EvidenceKind),
    )
    for key, values, enum in enums:
        _check_known(seed, key, values, (m.name for m in enum), f"a plansight {enum.__name__}")
    _check_known(seed, "updates.rag", (u.rag for u in seed.updates), (str(r) for r in ps.Rag), "a RAG rating")
    outcome_kinds = [o.kind for r in seed.reviews for o in r.outcomes]
    _check_known(seed, "reviews.outcomes.kind", outcome_kinds, (str(k) for k in ps.OutcomeKind), "an outcome kind")
    themes = [*seed.audit.themes, *(t for f in seed.findings for t in f.themes)]
    _check_known(seed, "themes", themes, THEMES, "in the theme vocabulary (load_seeds.THEMES)")


def _check_references(seed: Seed) -> None:
    agencies = [a.key for a in seed.agencies]
    groups = [g.key for g in seed.groups]
    cases = [c.reference for c in seed.cases]
    findings = [f.key for f in seed.findings]
    answers = findings + [r.key for r in seed.recommendations]
    _check_known(seed, "review_cycle.group", (seed.cycle.group,), groups, "a group of this file")
    _check_known(seed, "audit.agencies", seed.audit.agencies, agencies, "an agency of this file")
    _check_known(seed, "cases.returns", (k for c in seed.cases for k in c.returns), agencies, "an agency of this file")
    _check_known(seed, "concerns.case", (c.case for c in seed.concerns), cases, "a case of this file")
    _check_known(seed, "concerns.agency", (c.agency for c in seed.concerns), agencies, "an agency of this file")
    _check_known(seed, "findings.cases", (c for f in seed.findings for c in f.cases), cases, "a case of this file")
    _check_known(seed, "findings.agencies", (a for f in seed.findings for a in f.agencies), agencies,
                 "an agency of this file")
    _check_known(seed, "recommendations.findings", (f for r in seed.recommendations for f in r.findings), findings,
                 "a finding of this file")
    _check_known(seed, "actions.owner", (a.owner for a in seed.actions), agencies + groups,
                 "an agency or group of this file")
    _check_known(seed, "actions.answers", (a.answers for a in seed.actions), answers,
                 "a finding or recommendation of this file")
    _check_known(seed, "reviews.group", (r.group for r in seed.reviews), groups, "a group of this file")
    _check_known(seed, "reviews.attending", (a for r in seed.reviews for a in r.attending), agencies,
                 "an agency of this file")
    _check_known(seed, "reviews.outcomes.escalated_to",
                 (o.escalated_to for r in seed.reviews for o in r.outcomes if o.escalated_to), groups,
                 "a group of this file")
    _check_known(seed, "briefing.dissemination.reached", seed.briefing.dissemination.reached, agencies,
                 "an agency of this file")


def _check_cases(seed: Seed) -> None:
    cohort, cases = seed.cohort, seed.cases
    if len(cases) != cohort.cases:
        raise _fail(seed, "cohort.cases", f"says {cohort.cases} cases but the file has {len(cases)}")
    at_panel = sum(c.discussed_at_panel for c in cases)
    if cohort.discussed_at_panel is not None and at_panel != cohort.discussed_at_panel:
        raise _fail(seed, "cohort.discussed_at_panel", f"says {cohort.discussed_at_panel} but {at_panel} cases are")
    if cohort.age_from is not None and min(c.age_band[0] for c in cases) != cohort.age_from:
        raise _fail(seed, "cohort.age_from", "is not the youngest case's age band")
    if cohort.age_to is not None and max(c.age_band[1] for c in cases) != cohort.age_to:
        raise _fail(seed, "cohort.age_to", "is not the oldest case's age band")
    for case in cases:
        for agency, grades in case.returns.items():
            if len(grades) != len(seed.audit.questions) or any(g not in GRADE_LETTERS for g in grades):
                raise _fail(seed, f"cases.returns.{agency}",
                            f"of {case.reference} must give one of O G R I per audit question, not {grades!r}")


def _check_minimised(seed: Seed) -> None:
    """No finding names a case or an individual child's age (briefings print aggregates only)."""
    for f in seed.findings:
        named = [c.reference for c in seed.cases if c.reference in f.text]
        if named:
            raise _fail(seed, f"findings.{f.key}.text", f"names case {named[0]}; refer to cases through 'cases'")
        if _AGE_IN_TEXT.search(f.text):
            raise _fail(seed, f"findings.{f.key}.text", "gives a child's age; word it as an age-free aggregate")


def _check_seed(seed: Seed) -> None:
    _check_vocabulary(seed)
    _check_references(seed)
    _check_cases(seed)
    _check_minimised(seed)


def _check_unique(seeds: Sequence[Seed]) -> None:
    """Audit, case, finding, recommendation and action keys are unique across all seed files."""
    seen: dict[tuple[str, str], Path] = {}
    for seed in seeds:
        keyed = (("audit.key", [seed.audit.key]), ("cases.reference", [c.reference for c in seed.cases]),
                 ("findings.key", [f.key for f in seed.findings]),
                 ("recommendations.key", [r.key for r in seed.recommendations]),
                 ("actions.key", [a.key for a in seed.actions]))
        for what, keys in keyed:
            for k in keys:
                if (what, k) in seen:
                    raise _fail(seed, what, f"{k!r} is used already by {seen[(what, k)].name}")
                seen[(what, k)] = seed.file


# --- writing the store -----------------------------------------------------------


@dataclass
class SeedStore:
    """The store the seeds were loaded into and the ids of what they hold, by key.

    Keys are those of the TOML files: partnership, group, agency, audit,
    finding, recommendation and action keys, case references, and for
    `briefings` the seed key (`[seed] key`)."""

    store: ps.Store
    seeds: dict[str, Path] = field(default_factory=dict)
    themes: dict[str, int] = field(default_factory=dict)
    agencies: dict[str, int] = field(default_factory=dict)
    partnerships: dict[str, int] = field(default_factory=dict)
    groups: dict[str, int] = field(default_factory=dict)
    review_cycles: dict[str, int] = field(default_factory=dict)
    audits: dict[str, int] = field(default_factory=dict)
    cases: dict[str, int] = field(default_factory=dict)
    concerns: list[int] = field(default_factory=list)
    findings: dict[str, int] = field(default_factory=dict)
    recommendations: dict[str, int] = field(default_factory=dict)
    actions: dict[str, int] = field(default_factory=dict)
    reviews: dict[str, int] = field(default_factory=dict)
    briefings: dict[str, int] = field(default_factory=dict)

    def agency_ids(self, keys: Iterable[str]) -> list[int]:
        """Ids of the agencies with these keys."""
        return [self.agencies[k] for k in keys]


class _Loader:
    """Writes checked seeds into one store."""

    def __init__(self, store: ps.Store) -> None:
        self.out = SeedStore(store)
        self.store = store
        self.declared: dict[tuple[str, str], tuple[object, Path]] = {}

    def first_declaration(self, seed: Seed, kind: str, key: str, same: object) -> bool:
        """Whether `key` of `kind` (a partnership, group, agency or review cycle two
        seeds may share) is new; refuses a second, different declaration of it."""
        if (kind, key) in self.declared:
            previous, file = self.declared[(kind, key)]
            if previous != same:
                raise _fail(seed, f"{kind} {key}", f"is declared differently in {file.name}")
            return False
        self.declared[(kind, key)] = (same, seed.file)
        return True

    def actor(self, seed: Seed) -> ps.Actor:
        """Who records the seed's plan: its partnership business unit."""
        return ps.Actor(seed.recorder)

    def vocabulary(self) -> None:
        """The controlled themes, once for all seeds."""
        for name in THEMES:
            self.out.themes[name] = self.store.add_theme(name, by="seed loader").id

    def partnership(self, seed: Seed) -> None:
        """The seed's partnership, groups, agencies and review cycle, each added once
        when two seeds share it."""
        me, out, store = self.actor(seed), self.out, self.store
        pkey = seed.partnership_key
        if self.first_declaration(seed, "partnership", pkey, seed.partnership_name):
            out.partnerships[pkey] = store.add_partnership(seed.partnership_name, by=me).id
        pid = out.partnerships[pkey]
        for g in seed.groups:
            if self.first_declaration(seed, "group", g.key, (pkey, g.name)):
                out.groups[g.key] = store.add_group(pid, g.name, by=me).id
        for a in seed.agencies:
            if self.first_declaration(seed, "agency", a.key, (a.name, a.sector)):
                out.agencies[a.key] = store.add_agency(a.name, a.sector, by=me).id
        c = seed.cycle
        if self.first_declaration(seed, "review_cycle", c.name, (pkey, c.kind, c.start, c.group)):
            out.review_cycles[c.name] = store.add_review_cycle(pid, c.name, c.kind, start=c.start,
                                                               group=out.groups[c.group], by=me).id

    def audit(self, seed: Seed) -> None:
        """The audit, moved through its lifecycle up to monitoring, with its cases and returns."""
        me, out, a = self.actor(seed), self.out, seed.audit
        audit = self.store.add_audit(out.partnerships[seed.partnership_key], a.title, a.kind, a.held_on,
                                     themes=[out.themes[t] for t in a.themes], agencies=out.agency_ids(a.agencies),
                                     scope=a.scope, by=me)
        for stage in ("cases_selected", "agency_returns", "panel", "reported", "action_planning", "monitoring"):
            self.store.advance_audit(audit.id, stage, by=me)
        out.audits[a.key] = audit.id
        out.seeds[seed.key] = seed.file
        for c in seed.cases:
            self.case(seed, audit.id, c)

    def case(self, seed: Seed, audit: int, c: CaseSpec) -> None:
        """One case and each agency's return for it, graded per audit question."""
        case = self.store.add_case(audit, c.reference, age_band=c.age_band, involvement=c.involvement,
                                   needs=list(c.needs), discussed_at_panel=c.discussed_at_panel, by=self.actor(seed))
        self.out.cases[c.reference] = case.id
        for agency_key, letters in c.returns.items():
            agency = self.out.agencies[agency_key]
            gradings = [(q, GRADE_LETTERS[g]) for q, g in zip(seed.audit.questions, letters)]
            self.store.add_agency_return(case.id, agency, gradings=gradings,
                                         by=ps.Actor("Single-agency auditor", agency=agency))

    def concerns(self, seed: Seed) -> None:
        """Immediate concerns raised in the audit, and the agencies' answers."""
        for c in seed.concerns:
            agency = self.out.agencies[c.agency]
            concern = self.store.add_concern(self.out.audits[seed.audit.key], self.out.cases[c.case], agency,
                                             c.description, raised_on=c.raised_on, by=self.actor(seed))
            self.out.concerns.append(concern.id)
            if c.answered_on is not None:
                self.store.answer_concern(concern.id, on=c.answered_on, answer=c.answer,
                                          by=ps.Actor(c.answered_by or "Safeguarding lead", agency=agency))

    def findings(self, seed: Seed) -> None:
        """Every finding of the briefing, then the recommendations answering them."""
        me, out, audit = self.actor(seed), self.out, self.out.audits[seed.audit.key]
        for f in seed.findings:
            out.findings[f.key] = self.store.add_finding(
                audit, f.category, f.text, themes=[out.themes[t] for t in f.themes],
                cases=[out.cases[c] for c in f.cases], agencies=out.agency_ids(f.agencies), by=me).id
        for r in seed.recommendations:
            out.recommendations[r.key] = self.store.add_recommendation(
                audit, r.text, findings=[out.findings[k] for k in r.findings], by=me).id

    def actions(self, seed: Seed) -> None:
        """The actions of the seed's plan, each owned by an agency (with a role) or a group."""
        out = self.out
        for a in seed.actions:
            group = out.groups.get(a.owner) if a.owner in {g.key for g in seed.groups} else None
            out.actions[a.key] = self.store.add_action(
                out.partnerships[seed.partnership_key], out.audits[seed.audit.key], a.title,
                created_on=a.created_on, due_on=a.due_on, owner_group=group,
                owner_agency=None if group is not None else out.agencies[a.owner], owner_role=a.role,
                owner_lead=a.lead, estimate_days=a.estimate_days, finding=out.findings.get(a.answers),
                recommendation=out.recommendations.get(a.answers), success_measure=a.success_measure,
                description=a.description, by=self.actor(seed)).id

    def dependencies(self, seed: Seed) -> None:
        """Finish-to-start dependencies (they may reach an action of another seed of the same partnership)."""
        for d in seed.dependencies:
            for key in (d.action, d.depends_on):
                if key not in self.out.actions:
                    raise _fail(seed, "dependencies", f"names action {key!r}, which no seed file defines")
            self.store.add_dependency(self.out.actions[d.action], self.out.actions[d.depends_on],
                                      lag_days=d.lag_days, why=d.why, by=self.actor(seed))

    def reporter(self, action_key: str, on: dt.date) -> ps.Actor:
        """Who reports on an action: its owner's role of its agency, or its group's chair."""
        plan = self.store.plan
        owner = plan.owner_at(self.out.actions[action_key], as_of=on)
        if owner.group is not None:
            return ps.Actor(f"{plan.group(owner.group).name} chair")
        return ps.Actor(owner.role or "Safeguarding lead", agency=owner.agency)


# --- progress, in date order across all seeds ------------------------------------

_Event = tuple[dt.date, int, int, Callable[[], None]]


def _progress_events(ld: _Loader, seeds: Sequence[Seed]) -> list[_Event]:
    """Every seed's updates, evidence, revisions and reviews as dated steps; review
    meetings of one group on one day (two seeds of a partnership) are merged."""
    events: list[_Event] = []
    for seed in seeds:
        for u in seed.updates:
            events.append((u.on, 1, len(events), partial(_update, ld, u)))
        for e in seed.evidence:
            events.append((e.on, 2, len(events), partial(_evidence, ld, e)))
        for r in seed.revisions:
            events.append((r.on, 0, len(events), partial(_revision, ld, seed, r)))
    meetings: dict[tuple[str, dt.date], list[tuple[Seed, ReviewSpec]]] = {}
    for seed in seeds:
        for review in seed.reviews:
            meetings.setdefault((review.group, review.held_on), []).append((seed, review))
    for (group, held_on), parts in meetings.items():
        events.append((held_on, 3, len(events), partial(_review, ld, group, parts)))
    return sorted(events, key=lambda e: (e[0], e[1], e[2]))


def _update(ld: _Loader, u: UpdateSpec) -> None:
    ld.store.record_update(ld.out.actions[u.action], on=u.on, status=u.status, reported_rag=u.rag, note=u.note,
                           completed_on=u.completed_on, by=ld.reporter(u.action, u.on))


def _evidence(ld: _Loader, e: EvidenceSpec) -> None:
    ld.store.add_evidence(ld.out.actions[e.action], on=e.on, kind=e.kind, description=e.description,
                          by=ld.reporter(e.action, e.on))


def _revision(ld: _Loader, seed: Seed, r: RevisionSpec) -> None:
    ld.store.revise_due_date(ld.out.actions[r.action], on=r.on, new_due=r.new_due, reason=r.reason,
                             agreed_by=r.agreed_by, by=ld.actor(seed))


def _outcome(ld: _Loader, o: OutcomeSpec) -> ps.ReviewOutcome:
    to = None if o.escalated_to is None else ld.out.groups[o.escalated_to]
    return ps.ReviewOutcome(ld.out.actions[o.action], o.kind, note=o.note, new_due=o.new_due, reason=o.reason,
                            escalated_to=to)


def _review(ld: _Loader, group: str, parts: Sequence[tuple[Seed, ReviewSpec]]) -> None:
    """One meeting of `group`: the outcomes of every seed that reviewed its actions there."""
    seed, first = parts[0]
    attending = list(dict.fromkeys(a for _, r in parts for a in r.attending))
    outcomes = [_outcome(ld, o) for _, r in parts for o in r.outcomes]
    note = "; ".join(dict.fromkeys(r.note for _, r in parts if r.note))
    meeting = ld.store.record_review(ld.out.groups[group], held_on=first.held_on,
                                     attending=ld.out.agency_ids(attending), outcomes=outcomes, note=note,
                                     by=ld.actor(seed))
    ld.out.reviews[f"{group}@{first.held_on.isoformat()}"] = meeting.id


# --- briefings ----------------------------------------------------------------------


def add_briefing(out: SeedStore, seed: Seed) -> int:
    """Records the seed's briefing (its editorial text) for its audit and the one
    dissemination of it; returns the briefing's id."""
    b = seed.briefing
    me = ps.Actor(seed.recorder)
    briefing = out.store.add_briefing(
        out.audits[seed.audit.key], b.title, written_on=b.written_on, background=b.background,
        why_it_matters=b.why_it_matters, next_steps=b.next_steps, reflection=list(b.reflection),
        further_information=list(b.further_information), by=me, why=f"published learning briefing, seed {seed.source}")
    d = b.dissemination
    out.store.record_dissemination(briefing.id, on=d.on, reached=out.agency_ids(d.reached), note=d.note, by=me)
    out.briefings[seed.key] = briefing.id
    return briefing.id


# --- putting it together ---------------------------------------------------------------


def read_seeds(seed_dir: str | os.PathLike[str] = SEED_DIR) -> list[Seed]:
    """Reads and checks every file of SEED_FILES in `seed_dir`; raises SeedFileError
    naming the file and the key of the first problem."""
    seeds = [read_seed(Path(seed_dir) / name) for name in SEED_FILES]
    _check_unique(seeds)
    return seeds


def _load(store: ps.Store, seeds: Sequence[Seed], briefings: bool) -> SeedStore:
    ld = _Loader(store)
    ld.vocabulary()
    for seed in seeds:
        ld.partnership(seed)
        ld.audit(seed)
        ld.concerns(seed)
        ld.findings(seed)
        ld.actions(seed)
    for seed in seeds:
        ld.dependencies(seed)
    for _, _, _, step in _progress_events(ld, seeds):
        step()
    if briefings:
        for seed in seeds:
            add_briefing(ld.out, seed)
    return ld.out


def build_seed_store(path: str | os.PathLike[str], *, seed_dir: str | os.PathLike[str] = SEED_DIR,
                     briefings: bool = True) -> SeedStore:
    """Loads all five seeds into one new store at `path` (or ':memory:') and returns
    it with the ids of what it holds, by key.

    Every seed file is read and checked before the store is created. Raises
    FileExistsError if `path` exists (the seeds go into a new store only, so
    loading twice into one file is refused), SeedFileError naming the file and
    the key of a malformed seed, and plansight.Error if the library refuses a
    record (the half-written file is then removed). `briefings=False` leaves
    out the briefings' editorial text and dissemination (the plan only)."""
    target = os.fspath(path)
    if target != ":memory:" and os.path.lexists(target):
        raise FileExistsError(f"{target} already exists; the seeds are loaded into a new store only")
    seeds = read_seeds(seed_dir)
    store = ps.open(target)
    try:
        return _load(store, seeds, briefings)
    except BaseException:
        del store
        if target != ":memory:":
            Path(target).unlink(missing_ok=True)
        raise


def summary(seeded: SeedStore, as_of: dt.date = REVIEW_DATE) -> str:
    """A short summary: what the store holds and the combined plan's state at `as_of`."""
    plan = seeded.store.plan
    parts = plan.review_summary(as_of).partnerships
    lines = [f"{seeded.store.path}: {len(seeded.seeds)} seeds, {len(plan.partnerships())} partnerships, "
             f"{len(plan.audits())} audits, {len(plan.cases())} cases, {len(plan.findings())} findings, "
             f"{len(plan.actions())} actions, {len(seeded.briefings)} briefings",
             f"at {as_of}: {sum(p.open for p in parts)} open, {sum(p.overdue for p in parts)} overdue, "
             f"{sum(p.blocked for p in parts)} blocked, {sum(p.complete for p in parts)} complete, "
             f"{sum(p.assured for p in parts)} assured"]
    for p in parts:
        lines.append(f"  {plan.partnership(p.partnership).name}: {p.actions} actions, {p.open} open, "
                     f"{p.overdue} overdue, {p.blocked} blocked, {p.complete} complete, {p.assured} assured")
    return "\n".join(lines)


def main(argv: Sequence[str]) -> int:
    """`load_seeds.py OUT.db`: builds the seed store into a new file and prints its summary."""
    if len(argv) != 2:
        print("usage: load_seeds.py OUT.db", file=sys.stderr)
        return 2
    try:
        seeded = build_seed_store(argv[1])
    except (FileExistsError, SeedFileError) as e:
        print(f"load_seeds.py: {e}", file=sys.stderr)
        return 1
    print(summary(seeded))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
