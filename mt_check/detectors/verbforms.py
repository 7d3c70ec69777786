"""(being written) the verbforms detector."""

from __future__ import annotations

from collections.abc import Iterator

from mt_check.detectors.base import Code, Detector, DocumentContext
from mt_check.types import Issue


class VerbFormsDetector(Detector):
    name = "verbforms"
    codes: tuple[Code, ...] = ()
    version = "1"

    def detect(self, ctx: DocumentContext) -> Iterator[Issue]:
        return iter(())
