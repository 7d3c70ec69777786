"""The model-evidence detector on hand-set forced-decoding word scores."""

from __future__ import annotations

import re
from typing import Any

import pytest

from mt_check.detectors import REGISTRY, build
from mt_check.detectors.base import TRANSLATION, DocumentContext
from mt_check.detectors.model_evidence import (
    MIN_DROP_NATS,
    MIN_WORDS,
    Z_THRESHOLD,
    ModelEvidenceDetector,
)
from mt_check.types import (
    Category,
    Document,
    Issue,
    Sentence,
    Severity,
    Translation,
    WordScore,
)

PREFIX = "Le Kremlin parle. "
TEXT = "Le risque augmente en raison de laescalade des tensions avec Washington."
DOC = PREFIX + TEXT + " Fin."
# A typical spread of word log-probabilities (nats) for the other words of the sentence.
NORMAL = [-0.4, -2.1, -1.3, -0.2, -0.9, -0.3, -0.5, -1.8, -0.6, -2.4]


def _sentence(text: str = TEXT, start: int = len(PREFIX)) -> Sentence:
    return Sentence(doc_id="d", sent_id=1, start=start, end=start + len(text), text=text)


def _scores(
    sentence: Sentence, logprobs: dict[str, float], default: list[float]
) -> tuple[WordScore, ...]:
    """One WordScore per word of the sentence: ``logprobs[word]`` or the next default value."""
    words = list(re.finditer(r"\w+", sentence.text))
    rest = iter(default)
    return tuple(
        WordScore(
            start=sentence.start + m.start(),
            end=sentence.start + m.end(),
            word=m.group(),
            logprob=logprobs[m.group()] if m.group() in logprobs else next(rest),
        )
        for m in words
    )


def _detect(
    translation: Translation | None,
    detector: ModelEvidenceDetector | None = None,
    sentence: Sentence | None = None,
) -> list[Issue]:
    sentence = sentence or _sentence()
    ctx = DocumentContext(
        document=Document(id="d", text=DOC), sentences=(sentence,), translations=(translation,)
    )
    return list((detector or ModelEvidenceDetector()).detect(ctx))


def _translation(word_scores: tuple[WordScore, ...]) -> Translation:
    return Translation(
        back_translation="x",
        bt_logprob=-1.0,
        round_trip="y",
        fd_logprob=-1.0,
        word_scores=word_scores,
    )


def test_one_very_unlikely_word_is_flagged_at_its_document_offsets() -> None:
    sentence = _sentence()
    issues = _detect(_translation(_scores(sentence, {"laescalade": -14.2}, NORMAL)))
    assert len(issues) == 1
    issue = issues[0]
    start = DOC.index("laescalade")
    assert (issue.start, issue.end, issue.span) == (start, start + len("laescalade"), "laescalade")
    assert DOC[issue.start : issue.end] == issue.span
    assert (issue.doc_id, issue.sent_id) == ("d", 1)
    assert issue.category is Category.GRAMMAR
    assert issue.severity is Severity.MINOR
    assert issue.code == "MODEL-LOW-PROBABILITY"
    assert issue.suggestion is None
    assert issue.detectors == ("model",)
    assert issue.message == (
        "the back-translation model finds «laescalade» unlikely here "
        "(log-prob -14.2 vs sentence median -0.9)"
    )


@pytest.mark.parametrize(
    ("low", "default"),
    [
        # every word alike: MAD 0 and nothing below the median
        ({}, [-1.5] * 11),
        # MAD 0, one word below the median but by less than MIN_DROP_NATS
        ({"laescalade": -1.5 - (MIN_DROP_NATS - 0.5)}, [-1.5] * 10),
        # a word MIN_DROP_NATS below the median but not an outlier in a widely spread sentence
        ({"laescalade": -10.0}, [-0.1, -0.5, -1.0, -2.0, -3.0, -4.0, -5.0, -6.0, -8.0, -9.0]),
        # ordinary spread, no outlier
        ({}, [*NORMAL, -3.0]),
    ],
)
def test_nothing_stands_out_nothing_is_flagged(low: dict[str, float], default: list[float]) -> None:
    sentence = _sentence()
    assert _detect(_translation(_scores(sentence, low, default))) == []


@pytest.mark.parametrize(
    "translation",
    [
        None,  # the models did not run for this sentence
        Translation(back_translation="x", bt_logprob=-1.0),  # no round-trip model: no word scores
    ],
)
def test_no_word_scores_no_issue(translation: Translation | None) -> None:
    assert _detect(translation) == []


def test_short_sentences_are_left_alone() -> None:
    sentence = _sentence("Pas laescalade ici.", start=len(PREFIX))
    scores = _scores(sentence, {"laescalade": -20.0}, [-0.5, -0.7])
    assert len(scores) < MIN_WORDS
    assert _detect(_translation(scores), sentence=sentence) == []


def test_the_measure_is_relative_to_the_sentence() -> None:
    # Shifting every word of a sentence by the same amount changes nothing.
    sentence = _sentence()
    base = _scores(sentence, {"laescalade": -14.2}, NORMAL)
    shifted = tuple(WordScore(w.start, w.end, w.word, w.logprob - 7.0) for w in base)
    got = [(i.start, i.end) for i in _detect(_translation(shifted))]
    assert got == [(i.start, i.end) for i in _detect(_translation(base))]


@pytest.mark.parametrize(
    ("kwargs", "flagged"),
    [
        ({}, []),  # defaults: a 4.4-nat drop is not enough
        ({"min_drop": 4.0}, ["laescalade"]),  # a looser absolute floor lets it through
        ({"min_drop": 4.0, "z_threshold": 100.0}, []),  # a stricter z cut-off stops it again
    ],
)
def test_thresholds_are_constructor_parameters(
    kwargs: dict[str, Any], flagged: list[str]
) -> None:
    sentence = _sentence()
    scores = _scores(sentence, {"laescalade": -5.3}, NORMAL)
    issues = _detect(_translation(scores), ModelEvidenceDetector(**kwargs))
    assert [i.span for i in issues] == flagged


def test_registered_and_declares_its_needs() -> None:
    assert REGISTRY["model"] is ModelEvidenceDetector
    assert ModelEvidenceDetector.requires == frozenset({TRANSLATION})
    (detector,) = build(["model"])
    assert detector.describe()["version"] == f"1|z{Z_THRESHOLD:g}|drop{MIN_DROP_NATS:g}|min{MIN_WORDS}"
