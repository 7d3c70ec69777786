"""Which language each sentence is in, so that text that is not French is not scored as French.

py3langid (a naive Bayes classifier over byte n-grams, 97 languages) proposes a language; for text
in the Latin script it chooses among the languages MT output mixes with French, and wordfreq must
confirm the choice word by word, because a sentence that is only partly English ("Le Kremlin a dit
que the hotline was not used") is French with an untranslated span, which the detectors find.

Short sentences, names and numbers are French: a sentence is judged only with at least
``MIN_LETTERS`` letters and ``MIN_WORDS`` lower-case words (capitalised words after the first are
names, the same in every language). Text mostly in another script (Cyrillic, Arabic, CJK…) needs
fewer letters, since no French sentence is written in it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Any

FRENCH = "fr"
MIN_LETTERS = 12
MIN_WORDS = 3
MIN_OTHER_SCRIPT_LETTERS = 8
# Latin-script languages French MT output is found mixed with; the classifier picks among these.
LATIN_CANDIDATES = ("fr", "en", "de", "es", "it", "pt", "nl")
MIN_CONFIDENCE = 0.9  # of the classifier, among LATIN_CANDIDATES
ZIPF_MARGIN = 1.0  # a word leans to a language when it is 10x more frequent there than in French

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # loads a 4 MB model: first use only

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _latin_share(text: str) -> tuple[int, float]:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0, 1.0
    latin = sum(unicodedata.name(c, "").startswith("LATIN") for c in letters)
    return len(letters), latin / len(letters)


@lru_cache(maxsize=131072)
def zipf(word: str, language: str, wordlist: str = "best") -> float:
    """wordfreq's Zipf frequency of ``word`` in ``language`` (0 for an unknown word), cached: the
    one place the detectors, the language check and scoring read word frequencies from (each
    keeps its own thresholds)."""
    from wordfreq import zipf_frequency  # loads its data files on first use

    return float(zipf_frequency(word, language, wordlist=wordlist))


def _leaning(words: list[str], language: str) -> tuple[int, int]:
    """(words clearly more frequent in ``language``, words clearly more frequent in French)."""
    other = french = 0
    for word in words:
        there, here = zipf(word, language), zipf(word, FRENCH)
        other += there > here + ZIPF_MARGIN
        french += here > there + ZIPF_MARGIN
    return other, french


def detect(text: str) -> str:
    """ISO 639-1 code of the sentence's language; ``fr`` also when the sentence is too short or
    too mixed to tell (names, numbers, a French sentence quoting a few English words)."""
    letters, latin = _latin_share(text)
    if latin < 0.5 and letters >= MIN_OTHER_SCRIPT_LETTERS:
        code, _ = _identifier().classify(text)
        return str(code) if code != FRENCH else "und"
    if letters < MIN_LETTERS:
        return FRENCH
    words = _WORD.findall(text)
    common = [w.lower() for i, w in enumerate(words) if len(w) > 1 and not (i and w[0].isupper())]
    if len(common) < MIN_WORDS:
        return FRENCH
    ranked = dict(_identifier().rank(text))
    scores = {code: ranked.get(code, 0.0) for code in LATIN_CANDIDATES}
    total = sum(scores.values())
    best = max(scores, key=scores.__getitem__)
    if best == FRENCH or total <= 0 or scores[best] / total < MIN_CONFIDENCE:
        return FRENCH
    other, french = _leaning(common, best)
    # Most words lean to the other language and almost none to French: a whole foreign sentence.
    if other >= 2 and 2 * other >= len(common) and french <= max(1, len(common) // 10):
        return best
    return FRENCH


__all__ = ["FRENCH", "detect"]
