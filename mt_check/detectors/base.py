"""What a detector is: a pure function from an analysed document to issues.

A detector declares what it needs (``requires``: it cannot run without them), what it takes when
available (``uses``: it runs without them, with fewer checks), and every issue code it can emit
(``codes``: category, default severity, what it finds); the pipeline computes those inputs once
and hands them over in a :class:`DocumentContext`, and :meth:`Detector.issue` refuses a code the
detector did not declare. Detectors never mutate the context and never
look at other detectors' output: merging issues found by several detectors is the pipeline's job.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from mt_check.types import Category, Document, Issue, Sentence, Severity, Translation

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from mt_check.lexicon import Lexicon

# What a detector may require; the pipeline fills the matching DocumentContext field.
PARSE = "parse"  # spaCy Doc per sentence (fr_core_news_sm)
WEEKDAYS = frozenset("lundi mardi mercredi jeudi vendredi samedi dimanche".split())
# The last word of a conjunction ending in «que» that takes the indicative ("chaque fois que",
# "dès que", "pendant que", "parce que"): its clause obeys no verb of wish or doubt before it.
INDICATIVE_QUE_ENDS = frozenset({
    "fois", "dès", "pendant", "tandis", "alors", "depuis", "lors", "parce", "maintenant",
    "sitôt", "aussitôt", "mesure", "moment",
})
# Adjectives of degree that open a range with «à» ("une pluie modérée à élevée", "un risque
# faible à élevé"): the word after «à» is an adjective, not a participle of «avoir».
RANGE_ADJECTIVES = frozenset(
    f"{stem}{ending}"
    for stem, endings in (
        ("faible", ("", "s")), ("modéré", ("", "e", "s", "es")), ("moyen", ("", "ne", "s", "nes")),
        ("fort", ("", "e", "s", "es")), ("léger", ("", "s")), ("légère", ("", "s")),
        ("élevé", ("", "e", "s", "es")), ("bas", ("", "se", "ses")), ("haut", ("", "e", "s", "es")),
        ("important", ("", "e", "s", "es")), ("sévère", ("", "s")), ("intense", ("", "s")),
        ("grave", ("", "s")), ("limité", ("", "e", "s", "es")),
    )
    for ending in endings
)
# A handle, hashtag, address or link: "@jakarta.terkini", "#prabowo", "www.site.id".
_HANDLE = re.compile(r"[@#]|www\.|\w://|\w@\w")


def in_handle(text: str, position: int) -> bool:
    """Whether ``position`` of ``text`` lies in a handle, hashtag, e-mail or web address (its
    words are names, not text to translate)."""
    start = end = position
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return _HANDLE.search(text, start, end) is not None


TRANSLATION = "translation"  # Translation per sentence (back-translation, forced decoding)


def dateline_end(tokens: Any) -> int:
    """The index of a sentence's first word after its dateline ("JAKARTA - ", "NEW DELHI: "):
    upper-case words, then a dash or a colon, within the first five tokens; 0 without one."""
    for k, tok in enumerate(tokens[:5]):
        if tok.text in ("-", "–", "—", ":") and k:
            return k + 1 if all(t.text.isupper() or not t.is_alpha for t in tokens[:k]) else 0
    return 0


@dataclass(frozen=True)
class Code:
    """One issue code a detector can emit, as the README's code table lists it."""

    code: str  # stable, e.g. AGREEMENT-GENDER
    category: Category
    severity: Severity  # the default; a detector may raise or lower it per issue
    summary: str  # what it finds, one line, with an example


@dataclass(frozen=True)
class DocumentContext:
    document: Document
    sentences: tuple[Sentence, ...]
    # Aligned with ``sentences``; an entry is None when the models did not run for it.
    translations: tuple[Translation | None, ...]
    # Aligned with ``sentences``: spaCy Docs parsed from ``sentence.text``, so a token's document
    # offset is ``sentence.start + token.idx``. None when no enabled detector requires PARSE.
    parses: tuple[Doc, ...] | None = None
    # Sentences not in French, with their language code (ISO 639-1): not translated, not parsed.
    foreign: tuple[tuple[Sentence, str], ...] = ()


class Detector(ABC):
    """Base class: subclasses set ``name``/``requires`` and implement :meth:`detect`."""

    name: ClassVar[str]
    requires: ClassVar[frozenset[str]] = frozenset()
    # Inputs used when available: the detector still runs (fewer checks) when they are missing.
    uses: ClassVar[frozenset[str]] = frozenset()
    codes: ClassVar[tuple[Code, ...]] = ()
    enabled_by_default: ClassVar[bool] = True
    version: ClassVar[str] = "1"

    def unavailable_reason(self) -> str | None:
        """Why this detector cannot run here (a missing optional component), else None."""
        return None

    def data_version(self) -> str:
        """Versions of the data the detector relies on, for the report signature."""
        return self.version

    def load(self) -> None:
        """Load the data the detector reads on first use (word lists, rule tables) now, so that
        no document pays for it mid-run: the Checker calls it once, before the detector's first
        document (in each worker process too), and again on the next document if it raised."""
        return None  # most detectors read nothing but the parse

    def skipped(self, sentence: Sentence) -> str | None:
        """Why this detector does not check ``sentence`` (it goes in the sentence's ``errors``:
        a sentence it cannot check in bounded time, say), else None."""
        return None

    @classmethod
    def declared(cls) -> dict[str, Code]:
        return {c.code: c for c in cls.codes}

    @abstractmethod
    def detect(self, ctx: DocumentContext) -> Iterable[Issue]:
        """Yield the issues found in one document."""

    def issue(
        self,
        sentence: Sentence,
        start: int,
        end: int,
        category: Category,
        severity: Severity,
        code: str,
        message: str,
        suggestion: str | None = None,
        doc_text: str | None = None,
    ) -> Issue:
        """Build an Issue at document offsets ``[start, end)`` inside ``sentence``."""
        if not (sentence.start <= start <= end <= sentence.end):
            raise ValueError(
                f"{self.name}: span {start}-{end} lies outside sentence "
                f"{sentence.start}-{sentence.end}"
            )
        if code not in self.declared():
            owner = type(self).__name__
            raise ValueError(f"{self.name}: issue code {code!r} is not declared in {owner}.codes")
        rel = sentence.text[start - sentence.start : end - sentence.start]
        span = rel if doc_text is None else doc_text[start:end]
        return Issue(
            doc_id=sentence.doc_id,
            sent_id=sentence.sent_id,
            start=start,
            end=end,
            span=span,
            category=category,
            severity=severity,
            code=code,
            message=message,
            suggestion=suggestion,
            detectors=(self.name,),
        )

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.data_version(), "requires": sorted(self.requires)}


class LexiconDetector(Detector):
    """A detector that reads the French lexicon (the default one loads on first use) and, for its
    signature, the spaCy model whose parse it reads."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self._lexicon = lexicon

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            from mt_check.lexicon import get_lexicon

            self._lexicon = get_lexicon()
        return self._lexicon

    def load(self) -> None:
        _ = self.lexicon  # the property loads the default lexicon

    def data_version(self) -> str:
        # The version of the lexicon in use, without loading the default one for it.
        from mt_check.lexicon import lexicon_version
        from mt_check.parse import model_version

        lexicon = self._lexicon.version if self._lexicon is not None else lexicon_version()
        return f"{self.version}+{lexicon}+{model_version()}"
