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
