"""Skip markers shared by test modules (imported like report_samples.py: tests/ is on sys.path)."""

from __future__ import annotations

import importlib.util

import pytest

needs_grammalecte = pytest.mark.skipif(
    importlib.util.find_spec("grammalecte") is None,
    reason="python3-grammalecte is not installed (apt-get install python3-grammalecte)",
)
