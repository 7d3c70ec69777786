"""French sentence segmentation with exact character offsets.

Lines are paragraphs; pySBD (French rules) splits each paragraph, and a few rules for what news
MT produces repair its output: closing quotes that start a sentence, abbreviations followed by a
lower-case word or a number, datelines ("JAKARTA - "), sentence ends inside « » quotes. Offsets are
recomputed against the paragraph (pySBD's own char spans drift on repeated text), so every
sentence satisfies ``document.text[start:end] == text`` and sentences cover every non-space
character of the document exactly once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from mt_check.types import Document, Sentence

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
    match = re.search(r"(?:^|[\s(])([\wÀ-ÿ°]{1,6})\.$", text)
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


def split_paragraph(paragraph: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of one paragraph, stripped of surrounding spaces."""
    if not paragraph.strip():
        return []
    pieces = _segmenter().segment(paragraph)
    return _repair(paragraph, _locate(paragraph, pieces))


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
