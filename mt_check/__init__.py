"""mt-check: quality checks for machine-translated French.

Public API: :func:`check`, :func:`check_texts`, :func:`check_files`, :class:`Checker`,
:class:`Report`, :class:`Issue`, :class:`InputError`. They are imported on first use, so
``import mt_check.types`` (or the CLI's ``--help``) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mt_check.__version__ import __version__

if TYPE_CHECKING:
    from mt_check.pipeline import Checker, check, check_files, check_texts
    from mt_check.report import Report
    from mt_check.types import InputError, Issue

_LAZY = {
    "Checker": "mt_check.pipeline",
    "check": "mt_check.pipeline",
    "check_texts": "mt_check.pipeline",
    "check_files": "mt_check.pipeline",
    "Report": "mt_check.report",
    "Issue": "mt_check.types",
    "InputError": "mt_check.types",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'mt_check' has no attribute {name!r}")


__all__ = ["Checker", "InputError", "Issue", "Report", "__version__", "check", "check_files", "check_texts"]
