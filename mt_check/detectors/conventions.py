"""(being written) the conventions detector."""

from __future__ import annotations

from collections.abc import Iterator

from mt_check.detectors.base import Code, Detector, DocumentContext
from mt_check.types import Issue


class ConventionsDetector(Detector):
    name = "conventions"
    codes: tuple[Code, ...] = ()
    version = "1"

    def detect(self, ctx: DocumentContext) -> Iterator[Issue]:
        return iter(())
