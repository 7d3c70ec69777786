"""Spelling: words the French lexicon does not know.

Three codes, most specific first:

* ``SPELLING-MERGED-ELISION`` (major): an elided article or pronoun glued to the next word
  (``laescalade`` → ``l’escalade``, ``quil`` → ``qu’il``, ``delhomme`` → ``de l’homme``). The
  suggestion is exact: the glued word must be a dictionary word that accepts the elision.
* ``SPELLING-SPLIT-WORD`` (minor): one word written as two (``en tre`` → ``entre``). Flagged when
  the joined form is a dictionary entry and one part is not a word on its own, or the first part
  is a bound prefix (``télé phone``); two ordinary words (``de main``) are never joined.
* ``SPELLING-UNKNOWN-WORD`` (minor): any other non-word that has a close dictionary word (one of
  Hunspell's edit suggestions, found within a time budget). Minor because a lone misspelling
  rarely hides the meaning; a word with no close dictionary word is more likely a rare term,
  a foreign word or a name, and is left to the other detectors.

Names, acronyms and foreign words are not errors: capitalised words (except the merged-elision
check), all-caps and mixed-case tokens, tokens with digits or dots, spaCy entities and proper
nouns, words copied unchanged into the back-translation, words common in French or English usage
(wordfreq), 1990 reformed spellings (``connaitre``) and prefixed derivations (``co-préside``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from mt_check.detectors.base import PARSE, Code, Detector, DocumentContext
from mt_check.lexicon import Lexicon, get_lexicon, lexicon_version
from mt_check.parse import model_version
from mt_check.types import Category, Issue, Sentence, Severity, Translation

# (glued prefix, elided form): longest first so "delhomme" reads as "de l’homme".
_ELISIONS: tuple[tuple[str, str], ...] = (
    ("jusqu", "jusqu'"),
    ("lorsqu", "lorsqu'"),
    ("puisqu", "puisqu'"),
    ("quoiqu", "quoiqu'"),
    ("dela", "de l'"),
    ("dele", "de l'"),
    ("del", "de l'"),
    ("que", "qu'"),
    ("qu", "qu'"),
    ("la", "l'"),
    ("le", "l'"),
    ("de", "d'"),
    ("je", "j'"),
    ("ne", "n'"),
    ("ce", "c'"),
    ("se", "s'"),
    ("me", "m'"),
    ("te", "t'"),
    ("l", "l'"),
    ("d", "d'"),
    ("j", "j'"),
    ("n", "n'"),
    ("c", "c'"),
    ("s", "s'"),
    ("m", "m'"),
    ("t", "t'"),
)
_VOWEL_START = re.compile(r"^[aàâäeéèêëiîïoôöuùûüyœæh]", re.IGNORECASE)
# Elements that stand alone as words yet are mostly prefixes of compounds ("télé phone").
_BOUND_PREFIXES = frozenset(
    "télé auto micro radio photo vidéo ultra anti super hyper inter multi néo pré post semi mini "
    "maxi méga bio éco géo hydro thermo électro socio psycho pseudo poly mono".split()
)
# Productive prefixes: "préchoisis", "co-préside" are derivations, not misspellings.
_DERIVATION_PREFIXES = (
    "anti", "auto", "bio", "co", "contre", "dé", "dés", "ex", "extra", "géo", "hyper", "inter",
    "micro", "mini", "multi", "néo", "non", "post", "pré", "pro", "re", "ré", "semi", "socio",
    "sous", "super", "sur", "trans", "ultra",
)
_WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*", re.UNICODE)
_LATIN = re.compile(r"[a-zà-ÿœæ]", re.IGNORECASE)
_ELIDED_PREFIX = re.compile(r"^(?:jusqu|lorsqu|puisqu|quoiqu|qu|[ldjmntcs])['’]", re.IGNORECASE)
_COMMON_ZIPF_FR = 3.0  # wordfreq Zipf: seen about once per million French words
_COMMON_ZIPF_EN = 3.5
# Letters rare in French words; unknown words with them are loanwords or names.
_FOREIGN_LETTERS = re.compile(r"[kw]")
# A capitalised first word that spaCy calls a name is one if it is seen this often in French
# text (Lamoureux 2.7, Diels 1.8): spaCy tags glued words as names too ("Laescalade": PER, 0).
_NAME_ZIPF = 1.5
_SUGGEST_CANDIDATES = 5000  # edit candidates tried per unknown word (at most ~40 ms)
_MIN_UNKNOWN_LENGTH = 5  # shorter non-words are mostly abbreviations and foreign words


@dataclass(frozen=True)
class _Token:
    text: str
    start: int  # offset in the sentence
    sentence_initial: bool
    proper: bool  # spaCy PROPN or inside a named entity
    space_after: bool


def _tokens(sentence: Sentence, doc: object | None) -> list[_Token]:
    if doc is not None:
        out = []
        first_word = True
        for tok in doc:  # type: ignore[attr-defined]
            is_word = any(ch.isalpha() for ch in tok.text)
            out.append(
                _Token(
                    tok.text,
                    tok.idx,
                    first_word and is_word,
                    tok.pos_ == "PROPN" or bool(tok.ent_type_),
                    bool(tok.whitespace_),
                )
            )
            if is_word:
                first_word = False
        return out
    out = []
    for i, match in enumerate(_WORD.finditer(sentence.text)):
        end = match.end()
        out.append(
            _Token(match.group(), match.start(), i == 0, False, sentence.text[end : end + 1] == " ")
        )
    return out


def _in_compound_or_quote(tokens: list[_Token], j: int) -> bool:
    """Part of a hyphenated compound (``penta-racine``) or a word quoted on its own (« vautes »)."""
    tok = tokens[j]
    prev = tokens[j - 1] if j else None
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if nxt is not None and not tok.space_after and nxt.text.startswith("-"):
        return True
    if prev is not None and not prev.space_after and (
        prev.text.endswith("-") or tok.text.startswith("-")
    ):
        return True
    quotes = {"«": "»", "“": "”", '"': '"', "‘": "’"}
    return bool(prev and nxt and quotes.get(prev.text) == nxt.text)


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _copied(word: str, back_translation: str) -> bool:
    """Copied unchanged into the English back-translation: a name or a foreign word."""
    return bool(back_translation) and bool(
        re.search(rf"(?<!\w){re.escape(word)}(?!\w)", back_translation)
    )


@lru_cache(maxsize=65536)
def _zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, lang))


def _apostrophe(text: str) -> str:
    """The document's apostrophe: ' only when it is used and ’ never is."""
    return "'" if "'" in text and "’" not in text else "’"


def _case_like(model: str, text: str) -> str:
    return text[:1].upper() + text[1:] if model[:1].isupper() else text


class SpellingDetector(Detector):
    name = "spelling"
    codes = (
        Code("SPELLING-MERGED-ELISION", Category.SPELLING, Severity.MAJOR,
             "an elided word glued to the next: `laescalade` → `l’escalade`, `quil` → `qu’il`"),
        Code("SPELLING-SPLIT-WORD", Category.SPELLING, Severity.MINOR,
             "one word written as two (`en tre` → `entre`, `télé phone` → `téléphone`)"),
        Code("SPELLING-UNKNOWN-WORD", Category.SPELLING, Severity.MINOR,
             "a non-word with a close dictionary word; names, acronyms, foreign and rare words are left alone"),
    )
    requires = frozenset({PARSE})
    version = "1"

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self._lexicon = lexicon

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = get_lexicon()
        return self._lexicon

    def data_version(self) -> str:
        # The version of the lexicon in use, without loading the default one for it.
        lexicon = self._lexicon.version if self._lexicon is not None else lexicon_version()
        return f"{self.version}+{lexicon}+{model_version()}"

    def detect(self, ctx: DocumentContext) -> Iterable[Issue]:
        apostrophe = _apostrophe(ctx.document.text)
        for i, sentence in enumerate(ctx.sentences):
            doc = ctx.parses[i] if ctx.parses is not None else None
            translation = ctx.translations[i] if i < len(ctx.translations) else None
            yield from self._sentence(sentence, doc, translation, apostrophe)

    # --- one sentence -----------------------------------------------------------------------

    def _sentence(
        self,
        sentence: Sentence,
        doc: object | None,
        translation: Translation | None,
        apostrophe: str,
    ) -> Iterator[Issue]:
        tokens = _tokens(sentence, doc)
        back = translation.back_translation if translation is not None else ""
        consumed = -1
        for j, tok in enumerate(tokens):
            if j <= consumed:
                continue
            word = tok.text
            prefixed = self._bound_prefix(tokens, j)
            if prefixed is not None:
                nxt = tokens[j + 1]
                yield self._issue(sentence, tok, nxt.start + len(nxt.text) - tok.start,
                                  "SPELLING-SPLIT-WORD", prefixed,
                                  f"«{prefixed}» written as two words")
                consumed = j + 1
                continue
            if not self._candidate(tok):
                continue
            merged = None if _copied(word, back) else self._merged_elision(word, apostrophe)
            if merged is not None:
                yield self._issue(sentence, tok, len(word), "SPELLING-MERGED-ELISION", merged,
                                  f"«{word}»: elided word glued to the next one")
                continue
            if word[:1].isupper() or tok.proper or _copied(word, back):
                continue
            split = self._split(tokens, j)
            if split is not None:
                k, joined = split
                first, last = tokens[min(j, k)], tokens[max(j, k)]
                length = last.start + len(last.text) - first.start
                yield self._issue(sentence, first, length, "SPELLING-SPLIT-WORD", joined,
                                  f"«{joined}» written as two words")
                consumed = max(j, k)
                continue
            if len(word) < _MIN_UNKNOWN_LENGTH or _in_compound_or_quote(tokens, j):
                continue
            prev = tokens[j - 1] if j else None
            if prev is not None and prev.text[:1].isupper() and (
                not prev.sentence_initial or not self.lexicon.known(prev.text)
            ):
                continue  # part of a name or a binomial: "Atlides bacis", "Gura Vitioarei"
            suggestion = self.lexicon.suggest(word, _SUGGEST_CANDIDATES)
            if suggestion is None or suggestion.lower() == word.lower() or "-" in suggestion:
                continue
            if not self._tolerated(word, back, suggestion):
                yield self._issue(sentence, tok, len(word), "SPELLING-UNKNOWN-WORD", suggestion,
                                  f"«{word}» is not a French word")

    def _issue(
        self, sentence: Sentence, tok: _Token, length: int, code: str, suggestion: str, message: str
    ) -> Issue:
        start = sentence.start + tok.start
        severity = Severity.MAJOR if code == "SPELLING-MERGED-ELISION" else Severity.MINOR
        return self.issue(sentence, start, start + length, Category.SPELLING, severity, code,
                          message, suggestion)

    # --- rules ------------------------------------------------------------------------------

    def _candidate(self, tok: _Token) -> bool:
        """A token worth checking: a word the lexicon does not know, not a name or a code."""
        word = tok.text
        if len(word) < 2 or not _LATIN.search(word) or any(ch.isdigit() for ch in word):
            return False
        if not all(ch.isalpha() or ch in "-’'" for ch in word):
            return False  # abbreviations, URLs, handles: "av.", "n°", "www.x.fr"
        core = _ELIDED_PREFIX.sub("", word.lstrip("-"))
        if len(core) < 2:
            return False
        if core.isupper() or any(ch.isupper() for ch in core[1:]):
            return self._is_glued(core)  # acronyms and mixed case, except "lEurope"
        if core[0].isupper():
            if not tok.sentence_initial or tok.proper and _zipf(core.lower(), "fr") >= _NAME_ZIPF:
                return False  # a name; at the start only unseen words ("Laescalade") go on
        return not self.lexicon.known(core)

    def _is_glued(self, word: str) -> bool:
        return bool(re.match(r"^(?:[lLdD]|[qQ]u)[A-ZÀ-Ý]", word)) and not self.lexicon.known(word)

    def _merged_elision(self, word: str, apostrophe: str) -> str | None:
        lower = word.lower()
        for glued, elided in _ELISIONS:
            if not lower.startswith(glued):
                continue
            rest = word[len(glued) :]
            if len(rest) < 2 or not _VOWEL_START.match(rest):
                continue
            if not self.lexicon.analyses(rest):
                continue
            last = elided.rsplit(" ", 1)[-1]  # "de l'" checks "l'" + rest
            if self.lexicon.known(last + rest):  # the word accepts this elision (not "l'hasard")
                return _case_like(word, elided.replace("'", apostrophe) + rest)
        return None

    def _tolerated(self, word: str, back_translation: str, suggestion: str) -> bool:
        """A non-word that is still not a spelling error: foreign, reformed, derived or common
        in French usage (unless it only lacks the accents of its suggestion: "developpement")."""
        core = _ELIDED_PREFIX.sub("", word.lstrip("-"))
        if _copied(core, back_translation):
            return True
        lower = core.lower()
        if self._reformed(lower):
            return True
        for prefix in _DERIVATION_PREFIXES:
            if lower.startswith(prefix) and len(lower) - len(prefix) >= 4:
                rest = lower[len(prefix) :].lstrip("-")
                if self.lexicon.known(rest):
                    return True
        if _zipf(lower, "en") >= _COMMON_ZIPF_EN or _FOREIGN_LETTERS.search(lower):
            return True  # English ("metal", "beats") or German-looking ("kommando")
        if _strip_accents(lower) == _strip_accents(suggestion.lower()):
            return False
        return _zipf(lower, "fr") >= _COMMON_ZIPF_FR

    def _reformed(self, word: str) -> bool:
        """1990 rectifications and ligatures: connaitre, entrainement, préfèrera, oeil."""
        variants = {word.replace("oe", "œ"), word.replace("ae", "æ")}
        for i, ch in enumerate(word):
            alt = {"i": "î", "u": "û", "è": "é"}.get(ch)
            if alt:
                variants.add(word[:i] + alt + word[i + 1 :])
        variants.discard(word)
        return any(self.lexicon.analyses(v) for v in variants)

    def _split(self, tokens: list[_Token], j: int) -> tuple[int, str] | None:
        """Join token j with a neighbour when that makes one dictionary word."""
        for k in (j + 1, j - 1):
            if not 0 <= k < len(tokens):
                continue
            a, b = (tokens[j], tokens[k]) if k > j else (tokens[k], tokens[j])
            if not a.space_after or b.start != a.start + len(a.text) + 1:
                continue
            if not (a.text.isalpha() and b.text.isalpha()) or b.text[:1].isupper():
                continue
            if a.text[:1].isupper() and not a.sentence_initial:
                continue
            joined = a.text + b.text
            if self.lexicon.analyses(joined.lower()) or self.lexicon.analyses(joined):
                return k, joined
        return None

    def _bound_prefix(self, tokens: list[_Token], j: int) -> str | None:
        """Two known words that make one after a bound prefix: ``télé phone`` → ``téléphone``."""
        a = tokens[j]
        if a.text.lower() not in _BOUND_PREFIXES or j + 1 >= len(tokens) or not a.space_after:
            return None
        b = tokens[j + 1]
        if not b.text.isalpha() or b.text[:1].isupper() or b.start != a.start + len(a.text) + 1:
            return None
        for joined in (a.text + b.text, f"{a.text}-{b.text}"):
            if self.lexicon.analyses(joined.lower()):
                return joined
        return None
