"""Language of each sentence (mt_check.language): other languages found, French never mistaken."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mt_check.language import detect

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a whole English sentence left untranslated
        ("The Kremlin said the special phone line has not been used since the crisis began.", "en"),
        ("Tensions are high.", "en"),  # short, but every word is English
        ("Der Kreml sagte, die Leitung sei nicht benutzt worden.", "de"),
        ("El Kremlin dijo que la línea especial no se había utilizado.", "es"),
        # other scripts
        ("Кремль заявил, что специальная линия не использовалась.", "ru"),
        ("克里姆林宫表示，特别热线没有被使用。", "zh"),
        # French, including the hard cases
        ("Le Kremlin a déclaré que la ligne spéciale n’avait pas été utilisée.", "fr"),
        ("Donald Trump, Joe Biden, Vladimir Poutine et Xi Jinping", "fr"),  # names only
        ("12 345 678,90 € – 1963.", "fr"),  # numbers
        ("OK.", "fr"),  # too short to tell
        ("Hello world", "fr"),  # too short to tell
        ("Le New York Times et le Washington Post ont publié l’article.", "fr"),  # English names
        ("Il a dit « I love Paris » sur Twitter.", "fr"),  # a short English quote in French
        # mostly English but with French in it: French with an untranslated span, for the detectors
        ("Le Kremlin a dit que the hotline was not used at all.", "fr"),
        ("Le business du fact-checking est en plein boom.", "fr"),  # borrowed words
        ("Le président Путин a parlé.", "fr"),  # a word in another script
        ("😀😀😀 !!!", "fr"),
    ],
)
def test_detect(text: str, language: str) -> None:
    assert detect(text) == language


def test_no_correct_french_sentence_is_called_foreign() -> None:
    # 300 correct sentences of UD French-GSD (data/eval), news and web French
    records = (ROOT / "data" / "eval" / "ud_gsd_correct.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in records if line.strip()]
    assert len(texts) >= 300
    assert [t for t in texts if detect(t) != "fr"] == []
