"""The model-output cache: storage, keys, and re-runs that translate nothing new."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from mt_check import language, parse, segment
from mt_check.cache import CheckedDocument, TranslationCache, cache_key
from mt_check.pipeline import Checker
from mt_check.report import Report
from mt_check.types import Category, Document, Issue, Sentence, Severity, Translation, WordScore


def test_round_trip_through_sqlite(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path)
    value = Translation("Hello.", -0.5, "Bonjour.", -1.25, (WordScore(0, 7, "Bonjour", -2.0),))
    key = cache_key("model-a|beam4", "Bonjour.")
    cache.put_many({key: value})
    cache.close()
    # a new connection (a new process) reads what the first one committed
    assert TranslationCache(tmp_path).get_many([key, "missing"]) == {key: value}


def test_keys_depend_on_models_and_text() -> None:
    base = cache_key("a|beam4", "Bonjour.")
    assert base == cache_key("a|beam4", "Bonjour.")
    assert base != cache_key("a|beam5", "Bonjour.")
    assert base != cache_key("a|beam4", "Bonjour !")


# -- checked documents ----------------------------------------------------------------------------

DOCS = [
    Document("a", "Les lignes téléphoniques spéciaux ont été créés.\nConstruites en 63. En 1962, rien."),
    Document("b", "The hotline was never used. Le Kremlin se tait."),
]


def _tables(report: Report) -> list[pd.DataFrame]:
    return [report.sentences, report.issues, report.documents]


def test_a_rerun_takes_checked_documents_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checker = Checker(bt_model=None, rt_model=None, cache_dir=tmp_path)
    first = checker.run(DOCS)
    assert first.meta["stages"]["document_cache"] == {"documents": 2, "from_cache": 0, "checked": 2}
    # the English sentence is one UNTRANSLATED-SENTENCE issue
    assert first.issues["span"].tolist() == ["spéciaux", "créés", "63", "The hotline was never used."]
    # A warm run neither segments, identifies the language of, parses nor checks anything.
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("called on a warm run")

    monkeypatch.setattr(segment, "segment", fail)
    monkeypatch.setattr(language, "detect", fail)
    monkeypatch.setattr(parse, "parse_sentences", fail)
    for detector in checker._detectors:
        monkeypatch.setattr(type(detector), "detect", fail)
    again = Checker(bt_model=None, rt_model=None, cache_dir=tmp_path).run(DOCS)
    assert again.meta["stages"]["document_cache"] == {"documents": 2, "from_cache": 2, "checked": 0}
    for table, expected in zip(_tables(again), _tables(first), strict=True):
        pd.testing.assert_frame_equal(table, expected)
    assert again.meta["stages"]["detectors"] == first.meta["stages"]["detectors"]
    assert again.meta["stages"]["parse"] == first.meta["stages"]["parse"] == "ran"


def test_a_renamed_document_is_found_by_its_text(tmp_path: Path) -> None:
    Checker(bt_model=None, rt_model=None, cache_dir=tmp_path, detectors=["numbers"]).run(DOCS)
    renamed = [Document("other/name.txt", DOCS[0].text)]
    again = Checker(bt_model=None, rt_model=None, cache_dir=tmp_path, detectors=["numbers"]).run(renamed)
    assert again.meta["stages"]["document_cache"]["from_cache"] == 1
    assert again.issues[["doc_id", "span", "code"]].values.tolist() == [
        ["other/name.txt", "63", "NUMBER-TRUNCATED-YEAR"]
    ]
    assert set(again.sentences["doc_id"]) == {"other/name.txt"}


def test_other_detectors_or_models_check_again(tmp_path: Path, tiny_marian_fr_en: str) -> None:
    Checker(bt_model=None, rt_model=None, cache_dir=tmp_path, detectors=["numbers"]).run(DOCS)
    for options in (
        {"detectors": ["numbers", "structure"]},
        {"detectors": ["numbers"], "bt_model": tiny_marian_fr_en, "max_new_tokens": 8, "beam": 1},
    ):
        settings: dict[str, Any] = {"bt_model": None, "rt_model": None, **options}
        report = Checker(cache_dir=tmp_path, **settings).run(DOCS)
        assert report.meta["stages"]["document_cache"]["from_cache"] == 0, options


def test_a_document_with_an_error_is_not_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mt_check.detectors.numbers import NumbersDetector

    real = NumbersDetector.detect

    def flaky(self: NumbersDetector, ctx: Any) -> Any:
        if "Kremlin se tait" in ctx.document.text:
            raise RuntimeError("exploded")
        return real(self, ctx)

    monkeypatch.setattr(NumbersDetector, "detect", flaky)
    first = Checker(bt_model=None, rt_model=None, cache_dir=tmp_path, detectors=["numbers"]).run(DOCS)
    assert first.documents["error"].notna().tolist() == [False, True]
    monkeypatch.setattr(NumbersDetector, "detect", real)
    again = Checker(bt_model=None, rt_model=None, cache_dir=tmp_path, detectors=["numbers"]).run(DOCS)
    assert again.meta["stages"]["document_cache"] == {"documents": 2, "from_cache": 1, "checked": 1}
    assert again.documents["error"].isna().all()


def test_no_cache_stores_nothing(tmp_path: Path) -> None:
    report = Checker(bt_model=None, rt_model=None, cache=False, cache_dir=tmp_path, detectors=[]).run(DOCS)
    assert "document_cache" not in report.meta["stages"]
    assert not list(tmp_path.iterdir())


def test_checked_document_round_trip() -> None:
    translation = Translation("Hello.", -0.5, "Bonjour.", -1.25, (WordScore(0, 7, "Bonjour", -2.0),))
    text = "Bonjour. Il vont."
    checked = CheckedDocument(
        sentences=(Sentence("x", 0, 0, 8, "Bonjour."), Sentence("x", 1, 9, 17, "Il vont.", 0)),
        languages=("fr", "fr"),
        translations=(translation, None),
        issues=(Issue("x", 1, 9, 16, "Il vont", Category.AGREEMENT, Severity.MAJOR, "C", "m", None, ("d",)),),
        stages={"parse": "ran", "detectors": {"d": "ran"}},
    )
    assert CheckedDocument.decode(checked.encode(), Document("x", text)) == checked


class _LockedAtFirst:
    """A connection whose switch to WAL finds the database locked ``times`` times, as when two
    processes open a new cache at once."""

    def __init__(self, connection: sqlite3.Connection, times: int) -> None:
        self._connection, self.left = connection, times

    def execute(self, sql: str, *args: object) -> object:
        if sql.startswith("PRAGMA journal_mode") and self.left:
            self.left -= 1
            raise sqlite3.OperationalError("database is locked")
        return self._connection.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self._connection, name)

    def __enter__(self) -> sqlite3.Connection:
        return self._connection.__enter__()

    def __exit__(self, *exc: object) -> object:
        return self._connection.__exit__(*exc)  # type: ignore[arg-type]


@pytest.mark.parametrize(("times", "kept"), [(1, True), (6, True), (7, False)])
def test_a_cache_found_locked_while_set_up_tries_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, times: int, kept: bool
) -> None:
    # up to 6 retries after "database is locked" (SQLite's answer to a deadlock on the switch to
    # WAL, which no busy timeout waits out); then the cache is off for the run, with its warning
    import mt_check.cache as cache_module

    connect = sqlite3.connect
    monkeypatch.setattr(cache_module, "_SETUP_RETRIES", (0.0,) * 6)
    monkeypatch.setattr(cache_module.sqlite3, "connect",
                        lambda *a, **k: _LockedAtFirst(connect(*a, **k), times))  # type: ignore[arg-type]
    if kept:
        store = cache_module.TranslationCache(tmp_path)
        assert not store.disabled
        store.put_many({"k": Translation("Hello.", -0.5, "Bonjour.", -1.25, ())})
        assert set(store.get_many(["k"])) == {"k"}
    else:
        with pytest.warns(cache_module.CacheUnavailableWarning, match="database is locked"):
            store = cache_module.TranslationCache(tmp_path)
        assert store.disabled
