"""French sentence segmentation with exact character offsets.

Lines are paragraphs; pySBD (French rules) splits each paragraph, and a few rules for what news
MT produces repair its output: closing quotes that start a sentence, abbreviations followed by a
lower-case word or a number, datelines ("JAKARTA - "), sentence ends inside « » quotes. Offsets are
recomputed against the paragraph (pySBD's own char spans drift on repeated text), so every
sentence satisfies ``document.text[start:end] == text`` and sentences cover every non-space
character of the document exactly once.

Time stays linear in the input: pySBD, whose time grows faster than the length of what it is
given, sees a long paragraph in windows of at most ``WINDOW`` characters cut at spaces (a piece
left without an end at a window's edge is glued back by the repair rules), and a sentence longer
than ``MAX_SENTENCE`` characters (a line with no punctuation) is cut at spaces, after a comma where
there is one, into pieces of at most that length, each reported as a sentence. Where there is no
space, the cut falls between two grapheme clusters (Unicode extended grapheme clusters, the
``regex`` module's ``\\X``), never inside one: a base letter keeps all its combining marks, an emoji
sequence stays whole. A single cluster longer than ``MAX_SENTENCE`` (a letter followed by
thousands of combining marks) is one piece on its own. Any two consecutive pieces together are
longer than ``MAX_SENTENCE``, so a text of ``n`` characters gives at most ``2 n / MAX_SENTENCE + 1``
pieces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from mt_check.types import Document, Sentence

WINDOW = 4000  # characters pySBD segments at once
MAX_SENTENCE = 1000  # longest sentence reported; longer runs are cut into pieces of this size
# Where an over-long sentence is best cut: after a comma, semicolon or colon, else at a space.
_SOFT_BREAK = re.compile(r"[,;:]\s+")
_SPACE = re.compile(r"\s+")
_ENDS = re.compile(r"[.!?…。．！？]")  # what pySBD may split after
# Closing marks that belong to the sentence before them.
_CLOSERS = "»)]”’\"'"
_TERMINATOR = re.compile(r"[.!?…]+[\s»”\"')\]]*$")
# A sentence end inside a quote followed by the closing quote then an upper-case word:
# "« Bonjour. » Il part." -> split after the closing quote.
_QUOTE_END = re.compile(r"[.!?…]\s*»\s+(?=[A-ZÀ-Ý«])")
# French abbreviations pySBD lacks, and month/ordinal abbreviations before numbers.
_EXTRA_ABBREVIATIONS = {
    "p",
    "pp",
    "sept",
    "janv",
    "févr",
    "avr",
    "juill",
    "oct",
    "nov",
    "déc",
    "suiv",
    "vol",
    "éd",
    "env",
    "art",
    "chap",
    "no",
    "n°",
    "av",
}
# Titles that always precede a name: never a sentence end ("le Dr. Baxa", "M. Peskov").
_PREPOSITIVE = {"m", "mm", "mme", "mmes", "mlle", "mr", "dr", "pr", "me", "mgr", "st", "ste"}


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    import pysbd  # heavy-ish import, done on first use

    return pysbd.Segmenter(language="fr", clean=False, char_span=False)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    from pysbd.lang.french import French

    return frozenset(a.lower() for a in French.Abbreviation.ABBREVIATIONS) | _EXTRA_ABBREVIATIONS


def _pysbd_sentences(text: str) -> list[str]:
    """pySBD's sentences of ``text``, without its character spans: ``Segmenter.segment`` finds
    each sentence again by compiling a regular expression of it (about 1 ms per sentence, most of
    segmentation's time); ``_locate`` finds them with ``str.find`` instead."""
    return list(_segmenter().processor(text).process())


def _locate(paragraph: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Find each piece in order in the paragraph; return stripped (start, end) spans."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in pieces:
        stripped = piece.strip()
        if not stripped:
            continue
        at = paragraph.find(stripped, cursor)
        if at < 0:  # pySBD altered the text: keep the remainder as one sentence
            break
        spans.append((at, at + len(stripped)))
        cursor = at + len(stripped)
    rest = paragraph[cursor:].strip()
    if rest:  # whatever pySBD left out is never dropped
        at = paragraph.index(rest, cursor)
        spans.append((at, at + len(rest)))
    return spans


def _abbreviation_before_end(text: str) -> str | None:
    """The abbreviation (lower-cased) that the final period of ``text`` closes, if any."""
    # NFC for the lookup only: "févr." typed in decomposed form is still an abbreviation. Sixteen
    # characters hold any abbreviation with the space before it.
    match = re.search(r"(?:^|[\s(])([\wÀ-ÿ°]{1,6})\.$", unicodedata.normalize("NFC", text[-16:]))
    if match and match.group(1).lower() in _abbreviations() | _PREPOSITIVE:
        return match.group(1).lower()
    return None


def _glued_after_abbreviation(prev: str, text: str) -> bool:
    abbreviation = _abbreviation_before_end(prev)
    if abbreviation is None:
        return False
    return (
        abbreviation in _PREPOSITIVE
        or text[0].islower()
        or text[0].isdigit()
        or (abbreviation == "av" and text.startswith("J."))  # av. J.-C.
    )


def _repair(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge wrong splits, then add the splits pySBD misses after closing quotes."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        text = paragraph[start:end]
        if merged:
            prev = paragraph[merged[-1][0] : merged[-1][1]]
            glue = (
                text[0] in _CLOSERS  # "»" alone opening a sentence
                or text[0] in ",;:-–"  # no sentence opens with these: pySBD cut inside "J.-C."
                or re.search(r"(?:^|[\s.(-])[A-ZÀ-Ý]\.$", prev) is not None  # initial: "J. Biden"
                # no end at all: a dateline ("JAKARTA - ") or a stray cut
                or not _TERMINATOR.search(prev)
                or _glued_after_abbreviation(prev, text)
            )
            if glue:
                merged[-1] = (merged[-1][0], end)
                continue
        merged.append((start, end))
    result: list[tuple[int, int]] = []
    for start, end in merged:
        cut = start
        for match in _QUOTE_END.finditer(paragraph, start, end):
            boundary = match.end()
            if boundary < end:
                result.append((cut, len(paragraph[:boundary].rstrip())))
                cut = boundary
        result.append((cut, end))
    return result


def _windows(paragraph: str) -> Iterator[tuple[int, int]]:
    """Consecutive (start, end) windows of at most WINDOW characters, cut after a space."""
    start = 0
    while len(paragraph) - start > WINDOW:
        end = start + WINDOW
        space = paragraph.rfind(" ", start + WINDOW // 2, end)
        end = space + 1 if space >= 0 else end
        yield start, end
        start = end
    yield start, len(paragraph)


def _last(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    matches = list(pattern.finditer(text, start, end))
    return matches[-1] if matches else None


@lru_cache(maxsize=1)
def _grapheme() -> Any:
    import regex  # a dependency (and transformers'); the standard re has no \X

    return regex.compile(r"\X")


def _hard_cut(text: str, limit: int, floor: int, end: int) -> int:
    """The last grapheme-cluster boundary in ``(floor, limit]``; when the cluster that starts at
    ``floor`` is longer than that, its end (a cluster is never split)."""
    cut = floor
    for cluster in _grapheme().finditer(text, floor, end):
        if cluster.end() > limit:
            return cut if cut > floor else cluster.end()
        cut = cluster.end()
    return cut


def _cap(paragraph: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut the span into pieces of at most MAX_SENTENCE characters, at breaks or spaces."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        soft = _last(_SOFT_BREAK, paragraph, start + MAX_SENTENCE // 2, limit + 1)
        space = soft or _last(_SPACE, paragraph, start + 1, limit + 1)
        if space is not None and space.start() > start:
            stop = space.start() + (1 if soft else 0)
        else:  # no space at all (a URL, base64, a script without spaces): a hard cut
            stop = _hard_cut(paragraph, limit, start, end)
        pieces.append((start, stop))
        gap = _SPACE.match(paragraph, stop)
        start = gap.end() if gap else stop
    if start < end:  # not after a cluster that ran to the end: never an empty sentence
        pieces.append((start, end))
    return pieces


def split_paragraph(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of one paragraph, stripped of surrounding spaces."""
    if not paragraph.strip():
        return []
    spans: list[tuple[int, int]] = []
    for start, end in _windows(paragraph):
        window = paragraph[start:end]
        # Without a sentence-ending mark pySBD would return the window whole: skip it.
        pieces = _pysbd_sentences(window) if _ENDS.search(window) else [window]
        spans += [(start + a, start + b) for a, b in _locate(window, pieces)]
    return [piece for a, b in _repair(paragraph, spans) for piece in _cap(paragraph, a, b)]


def _paragraphs(text: str) -> Iterator[tuple[int, int, str]]:
    """(index, offset, line) for each line; \\r\\n, \\r and \\n all end a line."""
    parts = re.split(r"(\r\n|\r|\n)", text)
    offset = 0
    for index in range(0, len(parts), 2):
        yield index // 2, offset, parts[index]
        offset += len(parts[index]) + (len(parts[index + 1]) if index + 1 < len(parts) else 0)


def segment(document: Document) -> tuple[Sentence, ...]:
    """All sentences of a document, in order, with document offsets."""
    sentences: list[Sentence] = []
    for index, offset, line in _paragraphs(document.text):
        for start, end in split_paragraph(line):
            sentences.append(
                Sentence(
                    doc_id=document.id,
                    sent_id=len(sentences),
                    start=offset + start,
                    end=offset + end,
                    text=line[start:end],
                    paragraph=index,
                )
            )
    return tuple(sentences)


# The one definition of a word (scores per word, word-level evaluation, word counts): letters and
# digits, with elisions and hyphens kept inside ("l’Ukraine", "elle-même" are one word each).
WORD = re.compile(r"\w+(?:[-’']\w+)*")


def words(text: str) -> Iterator[re.Match[str]]:
    """The words of ``text``, as matches (``.group()``, ``.start()``, ``.end()``)."""
    return WORD.finditer(text)
