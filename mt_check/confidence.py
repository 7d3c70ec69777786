"""How far to trust an issue: the estimated probability that an editor agrees with it.

Each issue code has a row in ``data/confidence.tsv``, written by
``benchmarks/estimate_confidence.py`` from evaluation data: how often the code fired on real
machine-translated French (``mt_flags``), how many of those flags an editor had marked
(``mt_correct``), and how often it fired on correct, edited French (``clean_flags`` over
``clean_sentences``). The estimate is a smoothed precision on MT output::

    confidence = (mt_correct + A * P0) / (mt_flags + A + clean_flags * mt_sentences / clean_sentences)

Clean-text flags are false flags, scaled to an MT sample of the same size (the false flags an MT
text would get if the code's rate on correct French held there too); ``A`` pseudo-flags of
precision ``P0`` keep a code seen a few times from 0 or 1. A code without a row gets ``P0``.

The table is keyed by the code of the merged row (several detectors on one span give one row,
whose code is its most severe member's). A detector may estimate an issue's confidence itself
(finer than its code); rows merged from such issues combine them as ``1 - prod(1 - c)``
(``mt_check.detectors.merge_issues``), and only rows with no estimate take the table's.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from mt_check.types import Issue

PSEUDO_FLAGS = 2.0  # A
PRIOR = 0.5  # P0: the confidence of a code never measured
# The default --min-confidence, read from the held-out curve benchmarks/estimate_confidence.py prints:
# the highest threshold that keeps the fluency recall of the unfiltered run on real MT output while
# false flags per 100 sentences stay under 3 on Sequoia and 5 on GSD (0.3 with the current table:
# 0.35 already loses a correct flag; the clean-text targets hold at every threshold).
DEFAULT_MIN_CONFIDENCE = 0.3
TABLE = "confidence.tsv"


@dataclass(frozen=True)
class CodeCounts:
    mt_flags: int
    mt_correct: int
    clean_flags: int


@dataclass(frozen=True)
class ConfidenceTable:
    counts: Mapping[str, CodeCounts]
    mt_sentences: int
    clean_sentences: int

    def confidence(self, code: str) -> float:
        counts = self.counts.get(code)
        if counts is None:
            return PRIOR
        scaled_clean = counts.clean_flags * self.mt_sentences / max(self.clean_sentences, 1)
        value = (counts.mt_correct + PSEUDO_FLAGS * PRIOR) / (counts.mt_flags + PSEUDO_FLAGS + scaled_clean)
        return round(value, 4)

    def assign(self, issues: Iterable[Issue]) -> list[Issue]:
        """Issues with ``confidence`` filled in from their code (a detector's own estimate stays)."""
        return [
            i if i.confidence is not None else replace(i, confidence=self.confidence(i.code)) for i in issues
        ]


def parse_table(text: str) -> ConfidenceTable:
    """Read the TSV: ``# mt_sentences N`` and ``# clean_sentences N`` header lines, then a header
    row and one row per code."""
    sizes = {"mt_sentences": 0, "clean_sentences": 0}
    rows = []
    for line in text.splitlines():
        if line.startswith("#"):
            parts = line[1:].split()
            if len(parts) == 2 and parts[0] in sizes:
                sizes[parts[0]] = int(parts[1])
        elif line.strip():
            rows.append(line)
    counts = {
        row["code"]: CodeCounts(int(row["mt_flags"]), int(row["mt_correct"]), int(row["clean_flags"]))
        for row in csv.DictReader(rows, delimiter="\t")
    }
    return ConfidenceTable(counts, sizes["mt_sentences"], sizes["clean_sentences"])


def _table_text() -> str:
    return resources.files("mt_check").joinpath("data", TABLE).read_text(encoding="utf-8")


@cache
def default_table() -> ConfidenceTable:
    return parse_table(_table_text())


@cache
def table_version() -> str:
    """A hash of the shipped table, for the report signature and the document cache."""
    return hashlib.sha256(_table_text().encode()).hexdigest()[:12]


def combined(confidences: Iterable[float | None]) -> float | None:
    """Noisy-or of independent evidence: the probability that at least one is right."""
    values = [c for c in confidences if c is not None]
    if not values:
        return None
    miss = 1.0
    for c in values:
        miss *= 1.0 - c
    return round(1.0 - miss, 4)


__all__ = [
    "DEFAULT_MIN_CONFIDENCE", "ConfidenceTable", "combined", "default_table", "parse_table", "table_version",
]
