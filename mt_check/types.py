"""The data model every stage reads and writes: frozen dataclasses and enums, no behaviour.

Offsets are always character offsets (Python ``str`` indices, half-open) into the ORIGINAL
document text: ``document.text[start:end] == span``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class MtCheckError(Exception):
    """Base of every error mt-check raises on purpose."""


class InputError(MtCheckError):
    """The input (files, options, tables) cannot be used as given."""


class ModelUnavailableError(MtCheckError):
    """A model could not be loaded (not cached, hub unreachable, path missing)."""


class Severity(str, Enum):
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.MINOR: 1, Severity.MAJOR: 2, Severity.CRITICAL: 3}


class Category(str, Enum):
    SPELLING = "spelling"
    AGREEMENT = "agreement"
    GRAMMAR = "grammar"
    TYPOGRAPHY = "typography"
    PUNCTUATION = "punctuation"
    NUMBER = "number"
    UNTRANSLATED = "untranslated"
    MISTRANSLATION = "mistranslation"
    OMISSION = "omission"
    WORD_ORDER = "word-order"
    STYLE = "style"

    @property
    def layer(self) -> str:
        return "accuracy" if self in _ACCURACY else "fluency"


_ACCURACY = {Category.MISTRANSLATION, Category.OMISSION, Category.UNTRANSLATED}


class Label(str, Enum):
    """The verdict on a sentence or a document: the ``label`` column holds its value."""

    OK = "ok"
    REVIEW = "review"
    BAD = "bad"
    NOT_FRENCH = "not-french"  # in another language: a sentence, or a document with no French sentence
    EMPTY = "empty"  # a document without sentences

    def __str__(self) -> str:  # "ok" in f-strings and str(), on every Python version
        return self.value


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    source: str | None = None  # the original (source-language) text, when the input has it
    encoding: str | None = None  # detected encoding of a file input
    # What reading repaired or noticed (invalid bytes replaced, control characters): text is usable.
    warnings: tuple[str, ...] = ()
    # Why the input could not be read at all (a binary file in a directory): ``text`` is then empty.
    errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    sent_id: int  # 0-based position of the sentence in its document
    start: int
    end: int
    text: str  # == document.text[start:end]
    paragraph: int = 0  # 0-based line index of the paragraph the sentence belongs to


@dataclass(frozen=True)
class WordScore:
    """One word of the original sentence with the forced-decoding log-probability of its pieces."""

    start: int  # document offsets
    end: int
    word: str
    logprob: float  # sum of the log-probabilities of the word's subword tokens


@dataclass(frozen=True)
class Translation:
    """Model outputs for one sentence."""

    back_translation: str  # fr -> en
    bt_logprob: float  # mean token log-probability of the back-translation under the fr->en model
    round_trip: str | None = None  # en -> fr of the back-translation
    fd_logprob: float | None = None  # mean token log-probability of the ORIGINAL given the BT
    word_scores: tuple[WordScore, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Issue:
    doc_id: str
    sent_id: int
    start: int  # document offsets; start == end marks a missing element
    end: int
    span: str
    category: Category
    severity: Severity
    code: str  # stable code, e.g. AGREEMENT-GENDER, SPELLING-MERGED-ELISION
    message: str
    suggestion: str | None
    detectors: tuple[str, ...]
    # Estimated probability that an editor agrees (mt_check.confidence); None until estimated.
    confidence: float | None = None


# Why a model did not load when the user gave none (bt_model=None): no warning for that.
MODEL_DISABLED = "disabled by the user"


class StageOutcome(str):
    """What a stage did: it ran, was skipped (with the reason) or failed (with the error).

    A ``str`` whose text is what ``Report.meta`` shows ("ran", "skipped: <reason>",
    "failed: <error>"), so that meta.json, the cache and the HTML read it as before; code decides
    by :attr:`state` (and :meth:`merge`), never by looking at the text.
    """

    RAN = "ran"
    SKIPPED = "skipped"
    FAILED = "failed"
    state: str
    reason: str

    def __new__(cls, state: str, reason: str = "") -> StageOutcome:
        if state not in (cls.RAN, cls.SKIPPED, cls.FAILED):
            raise ValueError(f"stage state must be ran, skipped or failed, not {state!r}")
        outcome = super().__new__(cls, f"{state}: {reason}" if reason else state)
        outcome.state, outcome.reason = state, reason
        return outcome

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]  # pickled by state
        return self.state, self.reason

    @classmethod
    def ran(cls) -> StageOutcome:
        return cls(cls.RAN)

    @classmethod
    def skipped(cls, reason: str) -> StageOutcome:
        return cls(cls.SKIPPED, reason)

    @classmethod
    def failed(cls, error: str) -> StageOutcome:
        return cls(cls.FAILED, error)

    @classmethod
    def read(cls, value: str) -> StageOutcome:
        """The outcome a meta.json or cache entry recorded as text (the one place text is read)."""
        if isinstance(value, StageOutcome):
            return value
        state, _, reason = value.partition(": ")
        return cls(state, reason) if state in (cls.RAN, cls.SKIPPED, cls.FAILED) else cls.failed(value)

    def merge(self, later: StageOutcome) -> StageOutcome:
        """The outcome over two batches (or documents): a stage ran if it ran in either; a
        failure gives way to what came later; otherwise the first reason stands."""
        if later.state == self.RAN or self.state == self.FAILED:
            return later
        return self
