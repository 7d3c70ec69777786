"""Sentence segmentation: boundaries, news rules, and exact offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from mt_check.segment import segment, split_paragraph
from mt_check.types import Document

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "kremlin_hotline_fr.txt"


def _texts(paragraph: str) -> list[str]:
    return [paragraph[a:b] for a, b in split_paragraph(paragraph)]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # plain sentences split on final punctuation
        ("Il pleut. Il vente !", ["Il pleut.", "Il vente !"]),
        # a dateline stays with its sentence
        ("JAKARTA - Les lignes sont coupées. Fin.", ["JAKARTA - Les lignes sont coupées.", "Fin."]),
        # a sentence ending inside « » followed by a new sentence splits after the closing quote
        ("« Bonjour. » Il part.", ["« Bonjour. »", "Il part."]),
        # the closing quote belongs to the quoted answer, not to the next sentence
        ("Il a répondu : « Pas grand-chose. »", ["Il a répondu : « Pas grand-chose. »"]),
        # titles before names never end a sentence
        ("Le Dr. Baxa arrive. Puis M. Dupont.", ["Le Dr. Baxa arrive.", "Puis M. Dupont."]),
        # abbreviation followed by a number or lower case: no split
        ("Le 3 sept. 2020, il pleut. Fin.", ["Le 3 sept. 2020, il pleut.", "Fin."]),
        ("Voir p. 12 et suiv. Puis la fin.", ["Voir p. 12 et suiv.", "Puis la fin."]),
        # av. J.-C. is one abbreviation
        ("Au Ve siècle av. J.-C., on écrit. Fin.", ["Au Ve siècle av. J.-C., on écrit.", "Fin."]),
        # a headline without final punctuation is one sentence
        ("Le Kremlin : la ligne n’a pas été utilisée", ["Le Kremlin : la ligne n’a pas été utilisée"]),
        # whitespace-only paragraph: no sentence
        ("   ", []),
    ],
)
def test_split_paragraph(paragraph: str, expected: list[str]) -> None:
    assert _texts(paragraph) == expected


def test_sample_article_offsets_and_coverage() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    sentences = segment(Document("kremlin", text))
    # 14 lines; the quote line "« Nous avons … États-Unis. En outre, … »" stays one sentence
    assert len(sentences) == 14
    assert [s.sent_id for s in sentences] == list(range(14))
    for s in sentences:
        assert text[s.start : s.end] == s.text
    covered = "".join(text[s.start : s.end] for s in sentences)
    assert "".join(covered.split()) == "".join(text.split())


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_offsets_with_any_line_ending(newline: str) -> None:
    # every line-ending style keeps offsets exact and paragraphs numbered by line
    text = newline.join(["Première phrase. Deuxième.", "", "Troisième ligne"])
    sentences = segment(Document("d", text))
    assert [s.text for s in sentences] == ["Première phrase.", "Deuxième.", "Troisième ligne"]
    assert [s.paragraph for s in sentences] == [0, 0, 2]
    assert all(text[s.start : s.end] == s.text for s in sentences)


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # an over-long sentence is cut after a comma in the second half of the limit...
        ("a" * 600 + ", " + "b" * 600, ["a" * 600 + ",", "b" * 600]),
        # ...else at the last space before the limit
        ("a" * 700 + " " + "b" * 700, ["a" * 700, "b" * 700]),
        # ...else (no space at all) at the limit, never between a letter and its accent
        ("x" * 999 + "e\u0301" + "y" * 10, ["x" * 999, "e\u0301" + "y" * 10]),
        # an abbreviation typed with a decomposed accent is still one
        ("Le 3 fe\u0301vr. 2024 il a parlé.", ["Le 3 fe\u0301vr. 2024 il a parlé."]),
    ],
)
def test_long_and_decomposed_text(paragraph: str, expected: list[str]) -> None:
    assert _texts(paragraph) == expected


def test_windows_change_nothing_on_long_paragraphs(monkeypatch: pytest.MonkeyPatch) -> None:
    # the article as one 9,500-character paragraph: cut into windows for pySBD, same sentences
    article = " ".join(SAMPLE.read_text(encoding="utf-8").split("\n"))
    paragraph = " ".join([article] * 3)
    windowed = split_paragraph(paragraph)
    monkeypatch.setattr("mt_check.segment.WINDOW", 10**9)
    assert windowed == split_paragraph(paragraph)
