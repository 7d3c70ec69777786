"""(being written) the clauses detector."""

from __future__ import annotations

from collections.abc import Iterator

from mt_check.detectors.base import Code, Detector, DocumentContext
from mt_check.types import Issue


class ClausesDetector(Detector):
    name = "clauses"
    codes: tuple[Code, ...] = ()
    version = "1"

    def detect(self, ctx: DocumentContext) -> Iterator[Issue]:
        return iter(())
