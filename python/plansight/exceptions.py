"""plansight's exceptions: one parent, :class:`Error`, and a class per kind.

``DataImportError`` is the C++ ``plansight::ImportError`` (a refused row of an
interchange file, with ``file``, ``line`` and ``field``); it is renamed so as
not to shadow Python's builtin ``ImportError``.
"""

from plansight._core import (
    ConflictError,
    CycleError,
    DataImportError,
    Error,
    NotFoundError,
    RuleError,
    StoreError,
    ValidationError,
)

__all__ = [
    "ConflictError",
    "CycleError",
    "DataImportError",
    "Error",
    "NotFoundError",
    "RuleError",
    "StoreError",
    "ValidationError",
]
