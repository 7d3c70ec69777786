"""Property-based tests (hypothesis): arbitrary Unicode documents never break a run or lose text.

For any documents: no exception escapes ``check``; sentence spans slice the document to their text
and cover every non-space character exactly once; every issue's offsets slice the document to its
span; the report reads back from its saved files unchanged. Fast detectors only, no models.
"""

from __future__ import annotations

import tempfile

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mt_check
from mt_check import segment
from mt_check.report import Report
from mt_check.types import Document

# Pieces that stress segmentation and the detectors: French words and numbers, sentence ends,
# quotes, abbreviations, every kind of line break and space, zero-width and bidi characters,
# combining marks, emoji sequences, markup, control characters, English.
_PIECES = [
    "Le", "Kremlin", "a", "dit", "qu’il", "l’escalade", "États-Unis", "1963", "63", "10h30", "5 €",
    "3,5 %", ".", "!", "?", "…", ",", ";", ":", " - ", "«", "»", "« ", " »", '"', "(", ")", "M.", "Dr.",
    "av. J.-C.", "p.", "J. Biden", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n", "\u00a0", "\u202f",
    "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\u200b", "\u200d", "\u200f", "\u202e", "\ufeff",
    "e\u0301", "\u0301", "👨‍👩‍👧", "🇫🇷", "🎉", "<script>alert(1)</script>", "<b>", "&amp;", "\x00", "\x1b",
    "\ufffd", "The spokesman said nothing at all.", "Кремль", "مرحبا", "中文",
]  # fmt: skip
_TEXT = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=6)), max_size=40).map(
    " ".join
) | st.text(max_size=80)


def _check_cover(text: str, spans: list[tuple[int, int, str]]) -> None:
    covered = [0] * len(text)
    for start, end, piece in spans:
        assert text[start:end] == piece and piece and piece == piece.strip()
        for i in range(start, end):
            covered[i] += 1
    for i, n in enumerate(covered):
        assert n == 1 or (n == 0 and text[i].isspace()), (i, repr(text[i]), n)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_segmentation_covers_every_character_once(text: str) -> None:
    sentences = segment.segment(Document("d", text))
    assert [s.sent_id for s in sentences] == list(range(len(sentences)))
    assert all(len(s.text) <= segment.MAX_SENTENCE for s in sentences)
    _check_cover(text, [(s.start, s.end, s.text) for s in sentences])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_TEXT, min_size=1, max_size=3))
def test_check_keeps_every_sentence_and_round_trips(texts: list[str]) -> None:
    documents = [Document(f"doc-{i}", text) for i, text in enumerate(texts)]
    report = mt_check.check(documents, bt_model=None, rt_model=None, detectors=["numbers"], cache=False)
    by_id = {d.id: d.text for d in documents}
    assert report.documents["doc_id"].tolist() == list(by_id)
    assert report.documents["error"].isna().all()
    for doc_id, text in by_id.items():
        rows = report.sentences[report.sentences["doc_id"] == doc_id]
        _check_cover(text, list(zip(rows["start"], rows["end"], rows["text"], strict=True)))
    for issue in report.issues.itertuples():
        assert by_id[issue.doc_id][issue.start : issue.end] == issue.span
    with tempfile.TemporaryDirectory() as directory:
        report.save(directory, formats=["json", "csv"])
        for fmt in ("json", "csv"):
            again = Report.load(directory, format=fmt)
            for name in ("documents", "sentences", "issues"):
                pd.testing.assert_frame_equal(
                    getattr(again, name), getattr(report, name), obj=f"{fmt} {name}"
                )
            assert again.meta == report.meta
