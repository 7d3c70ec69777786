"""Scores: sacrebleu round-trip metrics, MQM-style penalties, the 0-100 quality score and labels.

Quality score of a text (sentence or document), documented in the README:

* ``penalty = Σ weight(severity)`` over its issues (MQM weights minor 1, major 5, critical 10);
* ``fluency = max(0, 100 - penalty × 100 / words)``: penalty per 100 words, as in MQM;
* with a round trip, ``score = 0.8 × fluency + 0.2 × chrF(original, round trip)``, else
  ``score = fluency``.

Labels: ``bad`` when score < 60 or a critical issue; ``review`` when score < 90 or any issue;
``ok`` otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from mt_check.segment import words
from mt_check.types import Issue, Label, Severity

DEFAULT_WEIGHTS: Mapping[Severity, float] = {
    Severity.MINOR: 1.0,
    Severity.MAJOR: 5.0,
    Severity.CRITICAL: 10.0,
}
ROUND_TRIP_WEIGHT = 0.2
BAD_BELOW = 60.0
REVIEW_BELOW = 90.0


def count_words(text: str) -> int:
    return sum(1 for _ in words(text))


@dataclass(frozen=True)
class RoundTripScores:
    chrf: float
    bleu: float
    ter: float


@lru_cache(maxsize=1)
def _metrics() -> tuple[Any, Any, Any]:
    from sacrebleu.metrics import BLEU, CHRF, TER

    return CHRF(), BLEU(effective_order=True), TER()


def round_trip_scores(originals: Sequence[str], round_trips: Sequence[str]) -> list[RoundTripScores]:
    """Sentence-level chrF, BLEU (effective order) and TER of each round trip against its original."""
    if len(originals) != len(round_trips):
        raise ValueError(f"got {len(originals)} originals and {len(round_trips)} round trips")
    chrf, bleu, ter = _metrics()
    return [
        RoundTripScores(
            chrf=chrf.sentence_score(hyp, [ref]).score,
            bleu=bleu.sentence_score(hyp, [ref]).score,
            ter=ter.sentence_score(hyp, [ref]).score,
        )
        for ref, hyp in zip(originals, round_trips, strict=True)
    ]


def metric_signatures() -> dict[str, str]:
    chrf, bleu, ter = _metrics()
    for metric in (chrf, bleu, ter):  # sacrebleu signs only a metric that has scored (nrefs)
        metric.sentence_score("a", ["a"])
    return {
        "chrf": str(chrf.get_signature()),
        "bleu": str(bleu.get_signature()),
        "ter": str(ter.get_signature()),
    }


def penalty(issues: Iterable[Issue], weights: Mapping[Severity, float] = DEFAULT_WEIGHTS) -> float:
    return float(sum(weights[issue.severity] for issue in issues))


def quality_score(penalty_points: float, words: int, chrf: float | None = None) -> float:
    fluency = max(0.0, 100.0 - penalty_points * 100.0 / max(words, 1))
    if chrf is None:
        return round(fluency, 2)
    return round((1 - ROUND_TRIP_WEIGHT) * fluency + ROUND_TRIP_WEIGHT * chrf, 2)


def label(score: float, worst: Severity | None) -> Label:
    if score < BAD_BELOW or worst is Severity.CRITICAL:
        return Label.BAD
    if score < REVIEW_BELOW or worst is not None:
        return Label.REVIEW
    return Label.OK


def worst_severity(issues: Iterable[Issue]) -> Severity | None:
    return max((i.severity for i in issues), key=lambda s: s.rank, default=None)
