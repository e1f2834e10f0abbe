"""plansight's exceptions: one parent, :class:`Error`, and a class per kind.

``DataImportError`` is the C++ ``plansight::ImportError`` (a refused row of an
interchange file, with ``file``, ``line`` and ``field``); it is renamed so as
not to shadow Python's builtin ``ImportError``. Its subclass
``SheetImportError`` is a refused spreadsheet action plan, with every refused
cell in ``problems``. ``MissingDependencyError`` says which optional extra to
install when a part of the package that needs one (pandas for frames,
matplotlib for plots, openpyxl for .xlsx) is used without it; it is also an
``ImportError``, as Python code expects of a missing module.
"""

from plansight._core import (
    ConflictError,
    CycleError,
    DataImportError,
    Error,
    NotFoundError,
    RuleError,
    SheetImportError,
    StoreError,
    ValidationError,
)


class MissingDependencyError(Error, ImportError):
    """An optional dependency (an extra such as ``plansight[pandas]``) is not installed."""


__all__ = [
    "ConflictError",
    "CycleError",
    "DataImportError",
    "Error",
    "MissingDependencyError",
    "NotFoundError",
    "RuleError",
    "SheetImportError",
    "StoreError",
    "ValidationError",
]
