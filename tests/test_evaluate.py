"""Span-level evaluation: overlap rules, layers, false flags, word-level F1 and MCC."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mt_check.evaluate import GoldError, GoldText, read_gold, score
from mt_check.types import InputError

TEXT = "Les lignes spéciaux ont été créés en 63."
#       0   4      11       20  24   29    35 38


def _gold() -> list[GoldText]:
    return [
        GoldText(
            "a",
            TEXT,
            (
                GoldError(11, 19, "agreement", "fluency"),  # spéciaux
                GoldError(29, 34, "agreement", "fluency"),  # créés
                GoldError(38, 38, "omission", "accuracy"),  # zero-length: something missing at 38
            ),
        ),
        GoldText("b", "Il pleut.", ()),
        GoldText("c", "Il vente.", ()),
    ]


def test_measures_exact() -> None:
    predicted = {
        "a": [(11, 19, "agreement"), (36, 38, "number"), (0, 3, "typography")],
        "b": [(0, 2, "grammar")],
    }
    result = score(_gold(), predicted, by_category=True)
    # spéciaux found; créés missed; the zero-length gold at 38 is touched by the issue ending at 38
    assert result["recall_fluency"] == 0.5
    assert result["recall_accuracy"] == 1.0
    assert result["recall"] == round(2 / 3, 4)
    # correct non-typography issues: 11-19 and 36-38; wrong: b's flag -> 2/3
    assert result["precision"] == round(2 / 3, 4)
    # with typography: 2 correct of 4
    assert result["precision_with_typography"] == 0.5
    # one flag over two error-free texts
    assert result["false_flags_per_100_error_free"] == 50.0
    assert result["flagged_error_free_texts_per_100"] == 50.0
    assert result["recall_by_category"]["agreement"] == {"found": 1, "total": 2, "recall": 0.5}
    # words of text a: Les lignes spéciaux ont été créés en 63 (8); gold BAD: spéciaux, créés, 63
    # (touching 38); predicted BAD: Les, spéciaux, 63; b: Il (FP), pleut (TN); c: 2 TN
    # tp=2 (spéciaux, 63) fp=2 (Les, Il) fn=1 (créés) tn=7
    assert result["word_bad_f1"] == round(2 * 2 / (2 * 2 + 2 + 1), 4)
    mcc = (2 * 7 - 2 * 1) / ((4 * 3 * 9 * 8) ** 0.5)
    assert result["word_mcc"] == round(mcc, 4)


def test_nothing_predicted() -> None:
    result = score(_gold(), {})
    assert result["recall"] == 0.0
    assert result["precision"] is None
    assert result["word_mcc"] == 0.0
    assert result["false_flags_per_100_error_free"] == 0.0


def test_read_gold_checks_spans(tmp_path: Path) -> None:
    good = {"id": "x", "text": TEXT, "errors": [{"start": 11, "end": 19, "span": "spéciaux",
                                                  "category": "agreement"}]}  # fmt: skip
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(good) + "\n", encoding="utf-8")
    [record] = read_gold(path)
    assert record.errors == (GoldError(11, 19, "agreement", "fluency"),)
    bad = dict(good, errors=[dict(good["errors"][0], span="lignes")])
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"g\.jsonl:2: span 'lignes' does not match"):
        read_gold(path)


def test_sample_gold_reads() -> None:
    gold = Path(__file__).resolve().parents[2] / "shared" / "eval" / "kremlin_hotline_fr.gold.jsonl"
    if not gold.exists():
        pytest.skip("../shared/eval is not beside this checkout")
    [record] = read_gold(gold)
    assert len(record.errors) == 23


def test_conllu_sentences_are_error_free_texts(tmp_path: Path) -> None:
    path = tmp_path / "dev.conllu"
    path.write_text(
        "# sent_id = s1\n# text = Il pleut.\n1\tIl\til\tPRON\t_\t_\t2\tnsubj\t_\t_\n\n"
        "# newdoc\n# text = Il vente fort.\n1\tIl\til\tPRON\t_\t_\t2\tnsubj\t_\t_\n\n",
        encoding="utf-8",
    )
    # ids from sent_id, else file:line; no errors; text exactly as written after "# text = "
    want = [GoldText("s1", "Il pleut.", ()), GoldText("dev.conllu:6", "Il vente fort.", ())]
    assert read_gold(path) == want
    (tmp_path / "empty.conllu").write_text("1\tIl\n", encoding="utf-8")
    with pytest.raises(InputError, match="no '# text =' line"):
        read_gold(tmp_path / "empty.conllu")
