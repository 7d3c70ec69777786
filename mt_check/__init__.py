"""mt-check: quality checks for machine-translated French.

Public API: :func:`check`, :class:`Checker`, :class:`Report`, :class:`Issue`. They are imported
on first use, so ``import mt_check.types`` (or the CLI's ``--help``) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mt_check.__version__ import __version__

if TYPE_CHECKING:
    from mt_check.pipeline import Checker, check
    from mt_check.report import Report
    from mt_check.types import Issue

_LAZY = {
    "Checker": "mt_check.pipeline",
    "check": "mt_check.pipeline",
    "Report": "mt_check.report",
    "Issue": "mt_check.types",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'mt_check' has no attribute {name!r}")


__all__ = ["Checker", "Issue", "Report", "__version__", "check"]
