"""Untranslated text: a sentence left in another language, a target copied from its source, and
words of the source language left in a French sentence.

The pipeline identifies each sentence's language (mt_check.language) and hands the sentences that
are not French to detectors in ``DocumentContext.foreign``; they are neither translated nor parsed.
Each becomes one major ``UNTRANSLATED-SENTENCE`` issue over the whole sentence, so that it counts
in the scores and in ``--fail-on`` instead of passing as an unscored row.

With a source column, a target identical to its source (after whitespace and case folding) is
untranslated too, whatever language identification says; a short or name-only segment ("Apple
Inc.", "COVID-19") is the same in both languages by nature and is left alone.

A word left in a French sentence (``UNTRANSLATED-WORD``, minor: "soupçonnées de bocor", "aux
dinkes") is a lower-case word of four letters or more that the French dictionary does not know,
that wordfreq has never seen in French (Zipf below 1) and that is common in one of ``languages``
(Zipf above 3: more than once per million words). Loanwords French uses ("le streaming", "un leader") are
seen in French and pass. The default languages are the non-Romance Latin-script languages French
MT is made from (English, German, Dutch, Indonesian, Malay): a Spanish or Italian word left in
place looks like a misspelt French one, which the spelling detector reports, and the Romance
word lists hold rare French words the dictionary lacks ("le sagre", a fish). Never flagged:
words in a short quotation (a title: « Reuters admits altering Beirut photo »; quoted speech is
checked like any text), next to a capitalised word inside the sentence or to an unknown
capitalised word ("Taeniacara candidi", "Absolutt underholdning": part of a name) or to
another word French does not know (a foreign phrase: UNTRANSLATED-FRAGMENT), hyphenated words
whose parts French knows. Indonesian coordinates copied as they are ("7,63° LS, 105,74° BT")
get the French letters ("S", "E") as suggestions; abbreviated Indonesian police and army ranks
and titles before a name ("Kombes Yusri Yunus", "Kapolda Metro Jaya") are flagged from a closed
list.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from mt_check.detectors.base import Code, DocumentContext, LexiconDetector, in_handle
from mt_check.language import zipf
from mt_check.lexicon import Lexicon, load_frequencies
from mt_check.segment import words
from mt_check.types import Category, InputError, Issue, Sentence, Severity

# Lower-case words a copied segment must hold to count: below it, names and codes are the same
# in every language (the language identifier's own threshold: mt_check.language.MIN_WORDS).
_MIN_COMMON_WORDS = 3
_LANGUAGES = {
    "en": "English", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "id": "Indonesian", "ms": "Malay", "ru": "Russian", "zh": "Chinese",
    "ja": "Japanese", "ar": "Arabic", "uk": "Ukrainian", "pl": "Polish", "tr": "Turkish",
}  # fmt: skip


# Languages whose words are looked for in French sentences (see the module's docstring).
WORD_LANGUAGES = ("en", "de", "nl", "id", "ms")
_MIN_WORD_LENGTH = 4  # shorter words are mostly abbreviations, the same in many languages
_FRENCH_UNSEEN_ZIPF = 1.0  # wordfreq Zipf: below it, not a French word at all
_COMMON_ZIPF = 3.0  # common in the other language: more than once per million words
_LETTERS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # letters, single hyphens between them
_OPENING = {"«": "»", "“": "”", "‘": "’"}
_MAX_QUOTED_WORDS = 8
# Indonesian coordinates ("7,63° LS, 105,74° BT": lintang selatan/utara, bujur timur/barat) that
# MT copies: after a degree sign (or an HTML entity the MT broke in its place), or as a latitude
# and longitude pair of numbers.
_COMPASS = {"LS": ("S", "lintang selatan", "latitude sud"), "LU": ("N", "lintang utara", "latitude nord"),
            "BT": ("E", "bujur timur", "longitude est"), "BB": ("O", "bujur barat", "longitude ouest")}
# Indonesian police and army ranks and office titles, abbreviated as Indonesian news writes them
# before a name ("Kombes Yusri Yunus"): MT copies them, and the name filter above lets them pass.
_INDONESIAN_TITLES = {
    "Komjen": "Komisaris Jenderal", "Irjen": "Inspektur Jenderal", "Brigjen": "Brigadir Jenderal",
    "Kombes": "Komisaris Besar", "AKBP": "Ajun Komisaris Besar Polisi", "Kompol": "Komisaris Polisi",
    "Iptu": "Inspektur Polisi Satu", "Ipda": "Inspektur Polisi Dua",
    "Aiptu": "Ajun Inspektur Polisi Satu", "Aipda": "Ajun Inspektur Polisi Dua",
    "Bripka": "Brigadir Polisi Kepala", "Brigpol": "Brigadir Polisi", "Briptu": "Brigadir Polisi Satu",
    "Bripda": "Brigadir Polisi Dua", "Letjen": "Letnan Jenderal", "Mayjen": "Mayor Jenderal",
    "Letkol": "Letnan Kolonel", "Kapolri": "Kepala Kepolisian Republik Indonesia",
    "Wakapolri": "Wakil Kepala Kepolisian Republik Indonesia", "Kapolda": "Kepala Kepolisian Daerah",
    "Kapolres": "Kepala Kepolisian Resor", "Kapolsek": "Kepala Kepolisian Sektor",
    "Kabid": "Kepala Bidang", "Kasat": "Kepala Satuan", "Kasubdit": "Kepala Subdirektorat",
}
# Before a capitalised word (a name, a unit: "Kapolda Metro Jaya"); "AKP" is left out: Turkey's party.
_TITLE = re.compile(r"(?<![\w-])(" + "|".join(_INDONESIAN_TITLES) + r")(?=[ \u00a0]+[A-Z])")
_COORDINATE = re.compile(
    r"(?<![\w,.])\d{1,3}(?:[,.]\d+)?[ \u00a0]?(°|&[ \u00a0]?[a-z]{0,6}[ \u00a0]?;)?[ \u00a0]?"
    r"(LS|LU|BT|BB)(?!\w)"
)


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()



def _common_zipf(word: str, language: str) -> float:
    """``word``'s Zipf frequency in ``language`` when it is common there, else 0: from wordfreq's
    small lists, which hold the words seen more than once per million (Zipf above 3), 16 MB for
    the five default languages where the full lists take 125 MB (the French one, which the
    spelling detector reads too, is read in full)."""
    return zipf(word, language, "small")


def _quoted(text: str, start: int) -> bool:
    """Whether ``text[start]`` is inside a short quotation (a title, a quoted phrase: at most
    ``_MAX_QUOTED_WORDS`` words); quoted speech is translated text like any other."""
    for opening, closing in (*_OPENING.items(), ('"', '"')):
        at = text.rfind(opening, 0, start)
        if at < 0 or (opening == '"' and text[:at].count('"') % 2):
            continue  # no opening quote before, or that '"' closes an earlier quotation
        end = text.find(closing, start)
        if end >= 0 and text.find(closing, at + 1, start) < 0:
            return len(list(words(text[at:end]))) <= _MAX_QUOTED_WORDS
    return False


class UntranslatedDetector(LexiconDetector):
    name = "untranslated"
    codes = (
        Code("UNTRANSLATED-SENTENCE", Category.UNTRANSLATED, Severity.MAJOR,
             "a sentence in another language (English left in place), or a target identical to its source"),
        Code("UNTRANSLATED-WORD", Category.UNTRANSLATED, Severity.MINOR,
             "a word of another language left in a French sentence (`soupçonnées de bocor`)"),
    )  # fmt: skip
    version = "4"

    def __init__(
        self, lexicon: Lexicon | None = None, languages: str | Collection[str] | None = None
    ) -> None:
        """``languages``: the languages whose words are looked for (ISO 639-1 codes wordfreq
        knows, also as a comma-separated string; default :data:`WORD_LANGUAGES`)."""
        super().__init__(lexicon)
        if isinstance(languages, str):
            languages = [x.strip() for x in languages.split(",") if x.strip()]
        self.languages = tuple(languages) if languages is not None else WORD_LANGUAGES
        from wordfreq import available_languages

        unknown = sorted(set(self.languages) - set(available_languages()))
        if unknown:
            raise InputError(f"untranslated.languages: {', '.join(unknown)} is not a language "
                             "wordfreq has a word list for")
        if not self.languages or "fr" in self.languages:
            raise InputError("untranslated.languages: give one or more languages other than French (fr)")

    def load(self) -> None:
        super().load()
        load_frequencies(("fr",))
        load_frequencies(self.languages, "small")

    def data_version(self) -> str:
        return f"{super().data_version()}+{','.join(self.languages)}"

    def detect(self, ctx: DocumentContext) -> Iterator[Issue]:
        for sentence, lang in ctx.foreign:
            name = _LANGUAGES.get(lang, f"language '{lang}'")
            yield self.issue(
                sentence, sentence.start, sentence.end, Category.UNTRANSLATED, Severity.MAJOR,
                "UNTRANSLATED-SENTENCE", f"sentence in {name}, not French: left untranslated",
            )  # fmt: skip
        for sentence in ctx.sentences:
            yield from self._words(sentence)
            yield from self._coordinates(sentence)
            yield from self._titles(sentence)
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

    def _words(self, sentence: Sentence) -> Iterator[Issue]:
        text = sentence.text
        found = list(words(text))
        for j, match in enumerate(found):
            word = match.group()
            if len(word) < _MIN_WORD_LENGTH or not word.islower() or not _LETTERS.fullmatch(word):
                continue
            if self.lexicon.known(word) or all(self.lexicon.known(p) for p in word.split("-")):
                continue
            if zipf(word, "fr") >= _FRENCH_UNSEEN_ZIPF:
                continue
            language = max(self.languages, key=lambda lang: _common_zipf(word, lang))
            if _common_zipf(word, language) < _COMMON_ZIPF or _quoted(text, match.start()):
                continue
            if in_handle(text, match.start()):
                continue  # "@jakarta.terkini": an account's name
            neighbours = [(found[k].group(), k) for k in (j - 1, j + 1) if 0 <= k < len(found)]
            if any(self._in_name(w, k) or self._foreign(w) for w, k in neighbours):
                continue
            name = _LANGUAGES.get(language, language)
            yield self.issue(
                sentence, sentence.start + match.start(), sentence.start + match.end(),
                Category.UNTRANSLATED, Severity.MINOR, "UNTRANSLATED-WORD",
                f"«{word}» is {name}, not French: left untranslated",
            )  # fmt: skip

    def _titles(self, sentence: Sentence) -> Iterator[Issue]:
        for match in _TITLE.finditer(sentence.text):
            if _quoted(sentence.text, match.start()):
                continue
            start = sentence.start + match.start()
            yield self.issue(
                sentence, start, start + len(match.group()), Category.UNTRANSLATED, Severity.MINOR,
                "UNTRANSLATED-WORD",
                f"«{match.group()}» is an Indonesian rank or title ({_INDONESIAN_TITLES[match.group()]}) "
                "left untranslated",
            )  # fmt: skip

    def _coordinates(self, sentence: Sentence) -> Iterator[Issue]:
        found = list(_COORDINATE.finditer(sentence.text))
        latitudes = {m.group(2) for m in found} & {"LS", "LU"}
        longitudes = {m.group(2) for m in found} & {"BT", "BB"}
        for match in found:
            if match.group(1) is None and not (latitudes and longitudes):
                continue  # "105 BT" alone may be a code; a degree or a lat/long pair is a position
            letter, indonesian, french = _COMPASS[match.group(2)]
            start = sentence.start + match.start(2)
            yield self.issue(
                sentence, start, start + 2, Category.UNTRANSLATED, Severity.MINOR, "UNTRANSLATED-WORD",
                f"«{match.group(2)}» is Indonesian ({indonesian}): French writes «{letter}» ({french})",
                letter,
            )  # fmt: skip

    def _foreign(self, neighbour: str) -> bool:
        """A lower-case neighbour French does not know either: a foreign phrase, which
        UNTRANSLATED-FRAGMENT (the structure detector) reports as a whole ("the hotline was
        not used"), or a foreign title or dish ("ovocné knedliky")."""
        return (neighbour[:1].islower() and not self.lexicon.known(neighbour)
                and zipf(neighbour.lower(), "fr") < _FRENCH_UNSEEN_ZIPF)

    def _in_name(self, neighbour: str, index: int) -> bool:
        """Whether a neighbouring word makes the word part of a name or title: a capitalised word
        inside the sentence, or a capitalised word French does not know (a first word too)."""
        if not neighbour[:1].isupper():
            return False
        return index > 0 or not self.lexicon.known(neighbour)
