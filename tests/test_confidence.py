"""Confidence: a per-code table estimated from data, the noisy-or of agreeing detectors, the
--min-confidence filter, detector options, and evaluate --curve."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mt_check.cli import _detector_options, main
from mt_check.confidence import PRIOR, combined, default_table, parse_table
from mt_check.detectors import build, merge_issues
from mt_check.pipeline import Checker
from mt_check.types import Category, Document, InputError, Issue, Severity

TABLE = """# a comment
# mt_sentences 100
# clean_sentences 1000
code\tmt_flags\tmt_correct\tclean_flags\tconfidence
GOOD\t8\t8\t0\t0.9
NOISY\t4\t1\t30\t0.2
"""
ENGLISH = "The spokesman said that the special line had not been used since the war began."


@pytest.mark.parametrize(
    "code, expected",
    [
        ("GOOD", round((8 + 1) / (8 + 2), 4)),  # right every time on MT, silent on clean text
        ("NOISY", round((1 + 1) / (4 + 2 + 30 * 100 / 1000), 4)),  # clean flags scaled to an MT-sized sample
        ("NEVER-SEEN", PRIOR),  # no evidence either way
    ],
)
def test_confidence_is_a_smoothed_precision_on_mt_output(code: str, expected: float) -> None:
    assert parse_table(TABLE).confidence(code) == expected


def _issue(start: int, end: int, detector: str, confidence: float | None) -> Issue:
    return Issue("d", 0, start, end, "abcdefgh"[start:end], Category.GRAMMAR, Severity.MINOR, "X", "m", None,
                 (detector,), confidence)  # fmt: skip


def test_merged_rows_combine_the_confidence_of_agreeing_detectors() -> None:
    # two detectors on one span: 1 - (1 - 0.5)(1 - 0.6); one detector twice counts once (its best)
    merged = merge_issues([_issue(0, 3, "a", 0.5), _issue(0, 3, "b", 0.6), _issue(1, 3, "b", 0.4)])
    assert len(merged) == 1 and merged[0].confidence == 0.8
    assert merge_issues([_issue(0, 3, "a", None), _issue(0, 3, "b", None)])[0].confidence is None
    assert combined([0.5, None]) == 0.5 and combined([]) is None


def _english_report(min_confidence: float) -> list[tuple[str, float]]:
    report = Checker(bt_model=None, rt_model=None, cache=False, detectors=["untranslated"],
                     min_confidence=min_confidence).run([Document("d", ENGLISH)])  # fmt: skip
    return list(zip(report.issues["code"], report.issues["confidence"], strict=True))


def test_every_issue_carries_its_code_confidence_and_min_confidence_filters() -> None:
    expected = default_table().confidence("UNTRANSLATED-SENTENCE")
    assert _english_report(0.0) == [("UNTRANSLATED-SENTENCE", expected)]
    assert _english_report(expected) == [("UNTRANSLATED-SENTENCE", expected)]  # at the threshold: kept
    assert _english_report(min(1.0, expected + 0.0001)) == []


def test_min_confidence_outside_0_1_is_refused() -> None:
    with pytest.raises(InputError, match="between 0 and 1"):
        Checker(bt_model=None, rt_model=None, min_confidence=1.5)


@pytest.mark.parametrize(
    "items, expected",
    [
        (["grammalecte.typography=true"], {"grammalecte": {"typography": True}}),  # JSON values
        (["grammalecte.families=gn,ppas"], {"grammalecte": {"families": ["gn", "ppas"]}}),  # a list
        (["model.min_words=3", "model.threshold=-2.5"], {"model": {"min_words": 3, "threshold": -2.5}}),
        (["x.name=plain"], {"x": {"name": "plain"}}),  # anything else: a string
    ],
)
def test_detector_options_parse(items: list[str], expected: dict[str, dict[str, object]]) -> None:
    assert _detector_options(items) == expected


@pytest.mark.parametrize(
    "names, options, message",
    [
        (["numbers"], {"numbers": {"nope": 1}}, "detector numbers has no option nope"),
        (["numbers"], {"grammalecte": {"typography": True}}, "not enabled: grammalecte"),
    ],
)
def test_bad_detector_options_are_one_clear_error(names: list[str], options: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(InputError, match=message):
        build(names, options)


@pytest.mark.parametrize(
    "argv",
    [
        ["--min-confidence", "2"],  # out of range
        ["--min-confidence", "high"],  # not a number
        ["--detector-option", "grammalecte"],  # no NAME.OPTION=VALUE
    ],
)
def test_bad_options_exit_2(argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Le Kremlin se tait.", encoding="utf-8")
    assert main(["report", str(text), "--out", str(tmp_path / "out"), "--no-models", *argv]) == 2 \
        if argv[0] == "--detector-option" else _exits(["report", str(text), "--out", str(tmp_path), *argv])
    assert "Traceback" not in capsys.readouterr().err


def _exits(argv: list[str]) -> bool:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    return stop.value.code == 2


def test_evaluate_curve_filters_one_run_at_each_threshold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = tmp_path / "gold.jsonl"
    text = f"Le Kremlin a répondu. {ENGLISH}"
    start = text.index(ENGLISH)
    record = {"id": "t1", "text": text, "errors": [{"start": start, "end": len(text), "span": ENGLISH,
              "category": "untranslated", "severity": "major", "correction": "…", "layer": "accuracy"}]}
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert main(["evaluate", str(gold), "--detectors", "untranslated", "--curve"]) == 0
    result = json.loads(capsys.readouterr().out)[str(gold)]
    confidence = default_table().confidence("UNTRANSLATED-SENTENCE")
    rows = {row["min_confidence"]: row for row in result["curve"]}
    assert rows[0.0]["reported"] == 1
    assert rows[0.0]["recall_accuracy"] == 1.0 and rows[0.0]["precision"] == 1.0
    assert all(row["reported"] == (1 if t <= confidence else 0) for t, row in rows.items())
