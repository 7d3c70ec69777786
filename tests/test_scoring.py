"""Round-trip metrics equal sacrebleu's own; penalties, scores and labels follow the README."""

from __future__ import annotations

import pytest
from sacrebleu.metrics import BLEU, CHRF, TER

from mt_check import scoring
from mt_check.types import Category, Issue, Severity


def test_round_trip_scores_equal_sacrebleu() -> None:
    originals = ["Les lignes spéciales ont été créées.", "Il pleut."]
    round_trips = ["Les lignes spéciales ont été établies.", "Il pleut beaucoup."]
    got = scoring.round_trip_scores(originals, round_trips)
    for ref, hyp, scores in zip(originals, round_trips, got, strict=True):
        assert scores.chrf == CHRF().sentence_score(hyp, [ref]).score
        assert scores.bleu == BLEU(effective_order=True).sentence_score(hyp, [ref]).score
        assert scores.ter == TER().sentence_score(hyp, [ref]).score


def test_signatures_name_the_settings() -> None:
    signatures = scoring.metric_signatures()
    assert "eff:yes" in signatures["bleu"]
    assert set(signatures) == {"chrf", "bleu", "ter"}


def _issue(severity: Severity) -> Issue:
    return Issue("d", 0, 0, 1, "x", Category.GRAMMAR, severity, "X", "m", None, ("t",))


@pytest.mark.parametrize(
    ("severities", "words", "chrf", "score", "label"),
    [
        # no issue, no model: perfect and ok
        ([], 10, None, 100.0, "ok"),
        # one minor issue in 20 words: 5 points per 100 words; any issue means review
        ([Severity.MINOR], 20, None, 95.0, "review"),
        # one major in 10 words: 50 points -> bad
        ([Severity.MAJOR], 10, None, 50.0, "bad"),
        # a critical issue is bad whatever the score
        ([Severity.CRITICAL], 1000, None, 99.0, "bad"),
        # the round trip weighs 20 %: 0.8 * 100 + 0.2 * 50
        ([], 10, 50.0, 90.0, "ok"),
        ([], 10, 40.0, 88.0, "review"),
    ],
)
def test_quality_score_and_label(
    severities: list[Severity], words: int, chrf: float | None, score: float, label: str
) -> None:
    issues = [_issue(s) for s in severities]
    points = scoring.penalty(issues)
    got = scoring.quality_score(points, words, chrf)
    assert got == score
    assert scoring.label(got, scoring.worst_severity(issues)) == label


def test_count_words_keeps_elisions_and_hyphens_together() -> None:
    assert scoring.count_words("L’Ukraine elle-même a dit « grand-chose ».") == 5
