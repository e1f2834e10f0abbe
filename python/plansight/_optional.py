"""Optional dependencies: imported when first used, with one clear error when missing."""

from __future__ import annotations

import importlib
from typing import Any

from plansight.exceptions import MissingDependencyError


def require(module: str, *, extra: str, needed_by: str) -> Any:
    """The module, or MissingDependencyError naming the extra that brings it.

    ``require("pandas", extra="pandas", needed_by="plansight.frames")`` imports
    pandas, or raises with ``pip install "plansight[pandas]"`` in the message.
    """
    try:
        return importlib.import_module(module)
    except ImportError as missing:
        raise MissingDependencyError(
            f'{needed_by} needs {module.split(".")[0]}: pip install "plansight[{extra}]"') from missing
