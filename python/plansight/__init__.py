"""plansight: safeguarding children partnerships' multi-agency audit action plans.

From audit to impact: audits, cases, agency returns, findings,
recommendations and actions with owners, due dates and dependencies, their
updates, evidence and assurance, kept in a SQLite store and queried as of any
date::

    import datetime as dt
    import plansight as ps

    store = ps.open("lscp.db")
    plan = store.plan
    plan.rag_counts(dt.date(2025, 3, 31))

Enums may be given as members or by name (``status="in_progress"``, ``"RED"``);
dates are ``datetime.date``; ids are ints. ``open`` is not in ``__all__`` so
that ``from plansight import *`` never shadows the builtin.
"""

try:
    from plansight import _core
except ImportError as _missing:
    raise ImportError(
        "plansight's compiled extension _core is not built/installed: "
        f"{_missing}. Install the package (`pip install .` in the repository root) "
        "rather than importing it from the source tree."
    ) from _missing

from plansight._core import (
    Action,
    ActionTiming,
    Actor,
    AgeBand,
    Agency,
    AgencyRag,
    AgencyReturn,
    Assurance,
    Audit,
    AuditKind,
    AuditStage,
    BlockedAction,
    Case,
    ConflictError,
    CriticalPath,
    CycleError,
    DataImportError,
    Dependency,
    DueChange,
    DueDateRevision,
    DueImpact,
    Error,
    Evidence,
    EvidenceKind,
    Finding,
    FindingCategory,
    Grade,
    Grading,
    Group,
    HistoryEntry,
    ImmediateConcern,
    ImportWarning,
    Involvement,
    NotFoundError,
    Owner,
    OwnerChange,
    Partnership,
    PartnershipSummary,
    Plan,
    Rag,
    RagCount,
    Recommendation,
    ReviewSummary,
    Schedule,
    Sector,
    SlipEffect,
    SlipImpact,
    Status,
    Store,
    StoreError,
    Theme,
    Update,
    ValidationError,
    at_risk,
    blocked_by,
    blocks,
    open as open,  # re-exported, but kept out of __all__: a star import must not shadow open()
    ready_to_start,
    schedule,
    slip,
    to_dot,
    topological_order,
    what_if_due,
    workload_files,
)

__version__: str = _core.__version__

__all__ = [
    "Action",
    "ActionTiming",
    "Actor",
    "AgeBand",
    "Agency",
    "AgencyRag",
    "AgencyReturn",
    "Assurance",
    "Audit",
    "AuditKind",
    "AuditStage",
    "BlockedAction",
    "Case",
    "ConflictError",
    "CriticalPath",
    "CycleError",
    "DataImportError",
    "Dependency",
    "DueChange",
    "DueDateRevision",
    "DueImpact",
    "Error",
    "Evidence",
    "EvidenceKind",
    "Finding",
    "FindingCategory",
    "Grade",
    "Grading",
    "Group",
    "HistoryEntry",
    "ImmediateConcern",
    "ImportWarning",
    "Involvement",
    "NotFoundError",
    "Owner",
    "OwnerChange",
    "Partnership",
    "PartnershipSummary",
    "Plan",
    "Rag",
    "RagCount",
    "Recommendation",
    "ReviewSummary",
    "Schedule",
    "Sector",
    "SlipEffect",
    "SlipImpact",
    "Status",
    "Store",
    "StoreError",
    "Theme",
    "Update",
    "ValidationError",
    "__version__",
    "at_risk",
    "blocked_by",
    "blocks",
    "ready_to_start",
    "schedule",
    "slip",
    "to_dot",
    "topological_order",
    "what_if_due",
    "workload_files",
]
