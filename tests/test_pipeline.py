"""The Checker composing the stages: models once, dedup, skipped stages, every sentence kept."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import mt_check
from mt_check.detectors import default_names
from mt_check.pipeline import Checker, ModelUnavailableWarning
from mt_check.types import Document, ModelUnavailableError


def test_missing_model_warns_once_and_other_stages_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path))
    checker = Checker(bt_model=str(tmp_path / "absent"), detectors=["numbers"], cache=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = checker.run([Document("a", "Construites en 63. En 1962, rien.")])
        checker.run([Document("b", "Encore une phrase.")])
    model_warnings = [w for w in caught if issubclass(w.category, ModelUnavailableWarning)]
    assert len(model_warnings) == 1
    assert str(tmp_path / "absent") in str(model_warnings[0].message)
    assert first.meta["stages"]["back_translation"].startswith("skipped: ")
    assert first.meta["stages"]["detectors"]["numbers"] == "ran"
    assert first.issues["span"].tolist() == ["63"]


def test_require_models_raises(tmp_path: Path) -> None:
    checker = Checker(bt_model=str(tmp_path / "absent"), require_models=True, detectors=[], cache=False)
    with pytest.raises(ModelUnavailableError, match="absent"):
        checker.run([Document("a", "Bonjour.")])


def test_models_disabled_by_the_user() -> None:
    report = mt_check.check("Bonjour.", bt_model=None, rt_model=None, detectors=[])
    assert report.meta["stages"]["back_translation"] == "skipped: disabled by the user"
    assert report.sentences["text"].tolist() == ["Bonjour."]


def test_identical_sentences_translate_once_and_offsets_are_per_document(
    tmp_path: Path, tiny_marian_fr_en: str, tiny_marian_en_fr: str
) -> None:
    docs = [
        Document("a", "La ligne est ouverte. Le Kremlin a parlé."),
        Document("b", "Intro. La ligne est ouverte.\nLe Kremlin a parlé."),
    ]
    checker = Checker(
        bt_model=tiny_marian_fr_en, rt_model=tiny_marian_en_fr, beam=1, max_new_tokens=8,
        detectors=["model"], cache_dir=tmp_path, require_models=True,
    )  # fmt: skip
    report = checker.run(docs)
    cache = report.meta["stages"]["translation_cache"]
    assert (cache["sentences"], cache["distinct"], cache["translated"]) == (5, 3, 3)
    rows = report.sentences.set_index(["doc_id", "sent_id"])
    # the same sentence gets the same translation in both documents
    assert rows.loc[("a", 0), "back_translation"] == rows.loc[("b", 1), "back_translation"]
    assert rows.loc[("a", 1), "fd_logprob"] == rows.loc[("b", 2), "fd_logprob"]
    # every input sentence exactly once, in order
    assert list(rows.index) == [("a", 0), ("a", 1), ("b", 0), ("b", 1), ("b", 2)]
    texts = {d.id: d.text for d in docs}
    assert all(texts[r.doc_id][r.start : r.end] == r.span for r in report.issues.itertuples())
    # a second Checker on the same cache translates nothing
    again = Checker(
        bt_model=tiny_marian_fr_en, rt_model=tiny_marian_en_fr, beam=1, max_new_tokens=8,
        detectors=["model"], cache_dir=tmp_path,
    ).run(docs)  # fmt: skip
    assert again.meta["stages"]["translation_cache"]["translated"] == 0
    assert again.sentences.equals(report.sentences)


@pytest.mark.slow  # a subprocess or worker-process run: CI runs it, day-to-day runs skip it
def test_worker_processes_get_the_detector_options() -> None:
    """--detector-option reaches the worker processes: with jobs=2 Grammalecte reports the
    families asked for (gn: "des pomme"), not its default rule selection."""
    pytest.importorskip("grammalecte")
    docs = [Document("a", "Ils a mangé des pomme rouges."), Document("b", "Le chat dort.")]
    options: dict[str, Any] = {
        "bt_model": None, "rt_model": None, "cache": False, "detectors": ["grammalecte"],
        "detector_options": {"grammalecte": {"families": "gn"}}, "min_confidence": 0.0,
    }  # fmt: skip
    with Checker(**options, jobs=2) as checker:
        together = checker.run(docs)
    alone = Checker(**options).run(docs)
    assert together.issues[["doc_id", "span", "code"]].values.tolist() == [
        ["a", "pomme", "GRAMMALECTE-GN"]
    ]
    pd.testing.assert_frame_equal(together.issues, alone.issues)


@pytest.mark.slow  # a subprocess or worker-process run: CI runs it, day-to-day runs skip it
def test_worker_processes_give_the_same_report(tiny_marian_fr_en: str, tiny_marian_en_fr: str) -> None:
    """jobs=2: segmentation, language identification, parsing and every detector run in two
    spawned processes, which get each document's translations from this one; the tables and the
    stages are those of jobs=1, in the same order."""
    docs = [
        Document("a", "Les lignes téléphoniques spéciaux ont été créés en 63.\nLe Kremlin a parlé."),
        Document("b", "The hotline was never used by anyone at all. Construites en 63. En 1962, rien."),
        Document("c", ""),
        Document("d", "Il vont à laescalade. Le Kremlin a parlé."),
        Document("e", "Pas grand-chose."),
    ]
    options: dict[str, Any] = {
        "bt_model": tiny_marian_fr_en, "rt_model": tiny_marian_en_fr, "beam": 1, "max_new_tokens": 8,
        "detectors": [*default_names(), "model"], "cache": False, "require_models": True,
    }  # fmt: skip
    alone = Checker(**options).run(docs)
    with Checker(**options, jobs=2) as checker:
        together = checker.run(docs)
        assert checker._pool is not None and len(checker._pool._processes) == 2
    for table in ("sentences", "issues", "documents"):
        pd.testing.assert_frame_equal(getattr(together, table), getattr(alone, table))
    assert together.meta["stages"] == alone.meta["stages"]
    assert alone.meta["stages"]["detectors"]["model"] == "ran"
    assert {"spéciaux", "créés", "63", "laescalade"} <= set(alone.issues["span"])
    assert alone.sentences.set_index("doc_id").loc["b", "label"].iloc[0] == "not-french"
