"""Model evidence: words the round-trip model finds far less likely than the rest of their sentence.

Forced decoding scores each word of the original French given its English back-translation
(``Translation.word_scores``, from :func:`mt_check.translate.back_translate`). A word whose
log-probability lies far below its own sentence's level is one the en→fr model would not have
written there: often a garbled form ("laescalade"), a wrong agreement or an odd word choice.
Comparing with the sentence's own median, not a global threshold, cancels what makes whole
sentences more or less likely (length, a loose back-translation, rare topics).

Code: ``MODEL-LOW-PROBABILITY`` (grammar, minor), no suggestion.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator

from mt_check.detectors.base import TRANSLATION, Code, Detector, DocumentContext
from mt_check.types import Category, Issue, Severity, WordScore

# Outlier rule: Iglewicz & Hoaglin's modified z-score, 0.6745 × (x − median) / MAD, with their
# usual cut-off of 3.5. NOT calibrated on mt-check's real models: the OPUS-MT weights cannot be
# fetched where this was written, so the target (≤ 2 % of the words of correct text flagged) is
# untested. Recalibrate both constants on correct French with the real models.
Z_THRESHOLD = 3.5
# And at least this far below the sentence median, in nats (natural-log units). Forced-decoding
# token log-probabilities of fluent text given a good source sit mostly between 0 and −2 nats,
# and a plausible alternative word (a synonym the back-translation does not pin down) costs a few
# nats; 6 nats (a word ~400 times less likely than the sentence's typical word) keeps those out
# when the MAD is tiny and the z-score alone would flag everything below the median.
MIN_DROP_NATS = 6.0
# Median and MAD of fewer words say nothing about "the sentence's own level".
MIN_WORDS = 5


def _median_and_mad(values: list[float]) -> tuple[float, float]:
    median = statistics.median(values)
    return median, statistics.median(abs(v - median) for v in values)


def robust_z(value: float, median: float, mad: float) -> float:
    """Modified z-score of ``value``; −inf/0/+inf when the MAD is 0 (all words alike)."""
    if mad > 0:
        return 0.6745 * (value - median) / mad
    return 0.0 if value == median else float("-inf") if value < median else float("inf")


class ModelEvidenceDetector(Detector):
    """Flags words whose forced-decoding log-probability is an outlier low for their sentence."""

    name = "model"
    codes = (
        Code("MODEL-LOW-PROBABILITY", Category.GRAMMAR, Severity.MINOR,
             "words far below their sentence's forced-decoding level (models needed); category: grammar, "
             "or that of the detector that agrees"),
    )
    requires = frozenset({TRANSLATION})
    version = "1"

    def __init__(
        self,
        z_threshold: float = Z_THRESHOLD,
        min_drop: float = MIN_DROP_NATS,
        min_words: int = MIN_WORDS,
    ) -> None:
        self.z_threshold = z_threshold
        self.min_drop = min_drop
        self.min_words = min_words

    def data_version(self) -> str:
        return f"{self.version}|z{self.z_threshold:g}|drop{self.min_drop:g}|min{self.min_words}"

    def low_words(self, scores: tuple[WordScore, ...]) -> Iterator[tuple[WordScore, float]]:
        """The outlier words of one sentence, each with the sentence median."""
        if len(scores) < self.min_words:
            return
        median, mad = _median_and_mad([w.logprob for w in scores])
        for word in scores:
            if (
                median - word.logprob >= self.min_drop
                and robust_z(word.logprob, median, mad) <= -self.z_threshold
            ):
                yield word, median

    def detect(self, ctx: DocumentContext) -> Iterator[Issue]:
        for sentence, translation in zip(ctx.sentences, ctx.translations, strict=True):
            if translation is None:
                continue
            for word, median in self.low_words(translation.word_scores):
                yield self.issue(
                    sentence,
                    word.start,
                    word.end,
                    Category.GRAMMAR,
                    Severity.MINOR,
                    "MODEL-LOW-PROBABILITY",
                    f"the back-translation model finds «{word.word}» unlikely here "
                    f"(log-prob {word.logprob:.1f} vs sentence median {median:.1f})",
                )
