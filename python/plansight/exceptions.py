"""plansight's exceptions: one parent, :class:`Error`, and a class per kind.

``DataImportError`` is the C++ ``plansight::ImportError`` (a refused row of an
interchange file, with ``file``, ``line`` and ``field``); it is renamed so as
not to shadow Python's builtin ``ImportError``. Its subclass
``SheetImportError`` is a refused spreadsheet action plan, with every refused
cell in ``problems``.
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

__all__ = [
    "ConflictError",
    "CycleError",
    "DataImportError",
    "Error",
    "NotFoundError",
    "RuleError",
    "SheetImportError",
    "StoreError",
    "ValidationError",
]
