"""Untranslated sentences: a sentence left in another language, or a target copied from its source.

The pipeline identifies each sentence's language (mt_check.language) and hands the sentences that
are not French to detectors in ``DocumentContext.foreign``; they are neither translated nor parsed.
Each becomes one major ``UNTRANSLATED-SENTENCE`` issue over the whole sentence, so that it counts
in the scores and in ``--fail-on`` instead of passing as an unscored row.

With a source column, a target identical to its source (after whitespace and case folding) is
untranslated too, whatever language identification says; a short or name-only segment ("Apple
Inc.", "COVID-19") is the same in both languages by nature and is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from mt_check.detectors.base import Code, Detector, DocumentContext
from mt_check.segment import words
from mt_check.types import Category, Issue, Severity

# Lower-case words a copied segment must hold to count: below it, names and codes are the same
# in every language (the language identifier's own threshold: mt_check.language.MIN_WORDS).
_MIN_COMMON_WORDS = 3
_LANGUAGES = {
    "en": "English", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "id": "Indonesian", "ms": "Malay", "ru": "Russian", "zh": "Chinese",
    "ja": "Japanese", "ar": "Arabic", "uk": "Ukrainian", "pl": "Polish", "tr": "Turkish",
}  # fmt: skip


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


class UntranslatedDetector(Detector):
    name = "untranslated"
    codes = (
        Code("UNTRANSLATED-SENTENCE", Category.UNTRANSLATED, Severity.MAJOR,
             "a sentence in another language (English left in place), or a target identical to its source"),
    )  # fmt: skip
    version = "1"

    def detect(self, ctx: DocumentContext) -> Iterator[Issue]:
        for sentence, lang in ctx.foreign:
            name = _LANGUAGES.get(lang, f"language '{lang}'")
            yield self.issue(
                sentence, sentence.start, sentence.end, Category.UNTRANSLATED, Severity.MAJOR,
                "UNTRANSLATED-SENTENCE", f"sentence in {name}, not French: left untranslated",
            )  # fmt: skip
        source = ctx.document.source
        if source is None or _folded(source) != _folded(ctx.document.text):
            return
        for sentence in ctx.sentences:
            common = [w.group() for w in words(sentence.text) if w.group().isalpha() and w.group().islower()]
            if len(common) >= _MIN_COMMON_WORDS:
                yield self.issue(
                    sentence, sentence.start, sentence.end, Category.UNTRANSLATED, Severity.MAJOR,
                    "UNTRANSLATED-SENTENCE", "target identical to its source: left untranslated",
                )  # fmt: skip
