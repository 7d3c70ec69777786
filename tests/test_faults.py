"""Faults during a run: a failing detector, parser or model costs only what it touched, a signal
stops the run cleanly, and the same command resumes from the cache to the complete report."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import mt_check
from mt_check import cli
from mt_check import detectors as registry
from mt_check.detectors.base import Code, Detector, DocumentContext
from mt_check.pipeline import Checker
from mt_check.report import Report
from mt_check.translate import back_translate, load_translator
from mt_check.translate import chunk_spans as _chunk_spans
from mt_check.types import Category, Document, Issue, Sentence, Severity

ROOT = Path(__file__).resolve().parent.parent


class _Boom(Detector):
    """Raises on any document that contains BOOM; flags every "Kremlin" otherwise."""

    name = "boom"
    codes = (Code("TEST-K", Category.STYLE, Severity.MINOR, "every Kremlin"),)

    def detect(self, ctx: DocumentContext) -> Iterable[Issue]:
        for sentence in ctx.sentences:
            if "BOOM" in sentence.text:
                raise RuntimeError("third-party library exploded\nsecond line of the message")
            at = sentence.text.find("Kremlin")
            if at >= 0:
                start = sentence.start + at
                yield self.issue(sentence, start, start + 7, Category.STYLE, Severity.MINOR, "TEST-K", "k")


class _Liar(Detector):
    """Reports a span that is not in the text."""

    name = "liar"

    def detect(self, ctx: DocumentContext) -> Iterable[Issue]:
        s = ctx.sentences[0]
        yield Issue(s.doc_id, s.sent_id, s.start, s.start + 3, "xyz", Category.STYLE, Severity.MINOR,
                    "TEST-LIE", "lie", None, (self.name,))  # fmt: skip


@pytest.fixture
def fake_detectors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry.REGISTRY, "boom", _Boom)
    monkeypatch.setitem(registry.REGISTRY, "liar", _Liar)


def test_a_detector_that_raises_costs_its_issues_on_that_document_only(fake_detectors: None) -> None:
    docs = [
        Document("a", "Le Kremlin a parlé. Construites en 63. En 1962, rien."),
        Document("b", "Le Kremlin a parlé. BOOM. Construites en 63. En 1962, rien."),
        Document("c", "Le Kremlin se tait."),
    ]
    report = mt_check.check(docs, bt_model=None, rt_model=None, detectors=["boom", "numbers"], cache=False)
    errors = report.documents.set_index("doc_id")["error"]
    assert errors["b"] == "detector boom: RuntimeError: third-party library exploded"
    assert errors[["a", "c"]].isna().all()
    # b keeps all its sentences, its label and score, and the other detector's issues
    assert report.sentences[report.sentences["doc_id"] == "b"]["sent_id"].tolist() == [0, 1, 2, 3]
    assert report.documents.set_index("doc_id").loc["b", "label"] in ("ok", "review", "bad")
    found = set(zip(report.issues["doc_id"], report.issues["code"], strict=True))
    assert {("a", "TEST-K"), ("c", "TEST-K"), ("b", "NUMBER-TRUNCATED-YEAR")} <= found
    assert ("b", "TEST-K") not in found
    assert report.meta["stages"]["detector_errors"] == 1


def test_a_span_outside_the_text_is_dropped_and_recorded(fake_detectors: None) -> None:
    report = mt_check.check(
        "Le Kremlin a parlé.", bt_model=None, rt_model=None, detectors=["liar"], cache=False
    )
    assert report.issues.empty
    assert "detector liar reported span 'xyz' at 0-3" in report.documents["error"][0]


def test_a_parser_that_raises_costs_the_parse_of_that_document(monkeypatch: pytest.MonkeyPatch) -> None:
    import mt_check.parse

    real = mt_check.parse.parse_sentences

    def flaky(sentences: Sequence[Sentence], *args: Any, **kwargs: Any) -> Any:
        if any("BOOM" in s.text for s in sentences):
            raise ValueError("[E088] Text of length 1000001 exceeds maximum")
        return real(sentences, *args, **kwargs)

    monkeypatch.setattr(mt_check.parse, "parse_sentences", flaky)
    docs = [
        Document("a", "Les lignes sont ouvertes."),
        Document("b", "BOOM. Construites en 63. En 1962, rien."),
    ]
    report = mt_check.check(
        docs, bt_model=None, rt_model=None, detectors=["structure", "numbers"], cache=False
    )
    errors = report.documents.set_index("doc_id")["error"]
    assert errors["b"] == "parse: ValueError: [E088] Text of length 1000001 exceeds maximum"
    assert pd.isna(errors["a"])
    assert report.issues["code"].tolist() == ["NUMBER-TRUNCATED-YEAR"]  # numbers needs no parse


class _FakeTranslator:
    """Uppercases; fails on any batch holding PANNE, as a model might on odd input."""

    model_id, revision, backend = "fake", None, "fake"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def translate(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        if any("PANNE" in t for t in texts):
            raise RuntimeError("index out of range in self")
        self.seen += texts
        return [(t.upper(), -1.0) for t in texts]

    def score(self, sources: Sequence[str], targets: Sequence[str]) -> list[list[tuple[int, int, float]]]:
        return [[(0, len(t), -0.5), (len(t), len(t), -0.1)] for t in targets]

    def signature(self) -> str:
        return "fake"


def test_a_sentence_the_model_fails_on_keeps_its_row_with_the_error(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _FakeTranslator()
    monkeypatch.setattr(Checker, "_translator", lambda self, role, model_id: fake)
    english = "The spokesman said that the special line was not used at all."
    text = f"Le Kremlin a parlé. Une PANNE ici. Il fait beau.\n{english}"
    report = Checker(detectors=["numbers"], cache=False).run([Document("d", text)])
    rows = report.sentences.set_index("sent_id")
    assert rows["text"].tolist() == ["Le Kremlin a parlé.", "Une PANNE ici.", "Il fait beau.", english]
    assert rows.loc[1, "errors"] == "back-translation: RuntimeError: index out of range in self"
    assert pd.isna(rows.loc[1, "back_translation"])
    assert rows.loc[[0, 2], "back_translation"].tolist() == ["LE KREMLIN A PARLÉ.", "IL FAIT BEAU."]
    assert rows.loc[[0, 2, 3], "errors"].isna().all()
    # the English sentence is neither translated nor scored
    assert rows.loc[3, "language"] == "en" and rows.loc[3, "label"] == "not-french"
    assert pd.isna(rows.loc[3, "back_translation"]) and pd.isna(rows.loc[3, "quality_score"])
    assert not any("spokesman" in t for t in fake.seen)
    assert report.meta["stages"]["translation_errors"] == 1


def test_a_sentence_longer_than_the_model_input_is_translated_in_chunks(
    tiny_marian_fr_en: str, tiny_marian_en_fr: str
) -> None:
    bt = load_translator(tiny_marian_fr_en, beam=1, max_new_tokens=6, batch_size=8)
    rt = load_translator(tiny_marian_en_fr, beam=1, max_new_tokens=6, batch_size=8)
    article = " ".join((ROOT / "data" / "kremlin_hotline_fr.txt").read_text(encoding="utf-8").split())
    text = article[:1600]  # about 700 pieces for the tiny vocabulary, over the model's 512 positions
    chunks = _chunk_spans(bt, text)
    assert len(chunks) >= 3 and all(text[a:b] == text[a:b].strip() for a, b in chunks)
    [translation] = back_translate([Sentence("d", 0, 10, 10 + len(text), text)], bt, rt)
    assert translation.back_translation and translation.round_trip and translation.fd_logprob is not None
    # every word was forced-decoded, up to the last one: nothing was cut off at the model's limit
    words = translation.word_scores
    assert all(w.logprob < 0 for w in words)
    assert words[-1].end == 10 + len(text) and words[0].start == 10
    # a sentence that fits is one chunk, translated as before
    assert _chunk_spans(bt, "Le Kremlin a parlé.") == [(0, 19)]


# -- signals ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_ctrl_c_and_sigterm_stop_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("Bonjour.", encoding="utf-8")
    args = ["report", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--no-models"]

    def interrupted(self: Checker, documents: Sequence[Document]) -> Report:
        raise KeyboardInterrupt

    def terminated(self: Checker, documents: Sequence[Document]) -> Report:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the handler raises before this ends
        raise AssertionError("SIGTERM did not stop the run")

    monkeypatch.setattr(Checker, "run", interrupted)
    assert cli.main(args) == 130
    monkeypatch.setattr(Checker, "run", terminated)
    assert cli.main(args) == 143
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines == [
        "mt-check: interrupted; finished translations are cached: run the same command to resume",
        "mt-check: terminated; finished translations are cached: run the same command to resume",
    ]
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # restored after main()


def _cached(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as db:
            return int(db.execute("SELECT COUNT(*) FROM t").fetchone()[0])
    except sqlite3.Error:  # the table is not created yet
        return 0


@pytest.mark.slow
def test_sigterm_mid_batch_then_the_same_command_resumes(
    tmp_path: Path, tiny_marian_fr_en: str, tiny_marian_en_fr: str
) -> None:
    # 64 distinct sentences: two cache chunks of 32 (batch size 8); SIGTERM once the first is in
    n = 64
    lines = [f"Le rapport numéro {i} a été publié hier à Moscou." for i in range(n)]
    (tmp_path / "batch.txt").write_text("\n".join(lines), encoding="utf-8")
    cache = tmp_path / "cache"
    command = [
        sys.executable, "-m", "mt_check.cli", "report", str(tmp_path / "batch.txt"),
        "--out", str(tmp_path / "out"), "--bt-model", tiny_marian_fr_en, "--rt-model", tiny_marian_en_fr,
        "--beam", "1", "--max-new-tokens", "6", "--batch-size", "8", "--cache-dir", str(cache),
        "--detectors", "numbers", "--require-models",
    ]  # fmt: skip
    env = dict(os.environ, HF_HOME=str(tmp_path / "hf"), HF_HUB_OFFLINE="1")
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    database = cache / "translations.sqlite3"
    deadline = time.monotonic() + 300
    while _cached(database) < 32 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    started = time.monotonic()
    _, stderr = process.communicate(timeout=120)
    stopped_in = time.monotonic() - started
    assert process.returncode == 143, stderr
    # (transformers may draw its weight-loading progress bar before)
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1] == (
        "mt-check: terminated; finished translations are cached: run the same command to resume"
    )
    kept = _cached(database)
    assert 32 <= kept < n
    assert not (tmp_path / "out" / "sentences.json").exists()  # nothing half-written

    started = time.monotonic()
    again = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    resumed_in = time.monotonic() - started
    assert again.returncode == 0, again.stderr
    print(f"\nSIGTERM: stopped {stopped_in:.1f} s after the signal with {kept}/{n} sentences cached; "
          f"the rerun finished in {resumed_in:.1f} s")  # fmt: skip
    meta = json.loads((tmp_path / "out" / "meta.json").read_text(encoding="utf-8"))
    cache_stats = meta["stages"]["translation_cache"]
    assert cache_stats["from_cache"] == kept and cache_stats["from_cache"] + cache_stats["translated"] == n
    report = Report.load(tmp_path / "out")
    assert report.sentences["text"].tolist() == lines  # every sentence exactly once, in order
    assert report.sentences["sent_id"].tolist() == list(range(n))
    assert report.sentences["back_translation"].notna().all()


class _Loader(Detector):
    """Counts its loads; the load fails while ``failing`` is set; flags every "Kremlin"."""

    name = "loader"
    codes = (Code("TEST-L", Category.STYLE, Severity.MINOR, "every Kremlin"),)
    loads: list[str] = []
    failing = False

    def load(self) -> None:
        _Loader.loads.append("load")
        if _Loader.failing:
            raise OSError("word list unreadable")

    def detect(self, ctx: DocumentContext) -> Iterable[Issue]:
        _Loader.loads.append(f"detect {ctx.document.id}")
        for sentence in ctx.sentences:
            at = sentence.text.find("Kremlin")
            if at >= 0:
                start = sentence.start + at
                yield self.issue(sentence, start, start + 7, Category.STYLE, Severity.MINOR, "TEST-L", "l")


def test_a_detector_loads_once_before_its_first_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry.REGISTRY, "loader", _Loader)
    monkeypatch.setattr(_Loader, "loads", [])
    checker = Checker(bt_model=None, rt_model=None, detectors=["loader"], cache=False)
    checker.run([Document("a", "Le Kremlin."), Document("b", "Rien.")])
    checker.run([Document("c", "Le Kremlin.")])
    assert _Loader.loads == ["load", "detect a", "detect b", "detect c"]


def test_a_load_that_fails_costs_that_detector_and_is_tried_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry.REGISTRY, "loader", _Loader)
    monkeypatch.setattr(_Loader, "loads", [])
    monkeypatch.setattr(_Loader, "failing", True)
    checker = Checker(bt_model=None, rt_model=None, detectors=["loader", "numbers"], cache=False)
    report = checker.run([Document("a", "Le Kremlin a parlé. Construites en 63. En 1962, rien.")])
    assert report.documents["error"].tolist() == ["detector loader: OSError: word list unreadable"]
    assert report.issues["code"].tolist() == ["NUMBER-TRUNCATED-YEAR"]
    monkeypatch.setattr(_Loader, "failing", False)
    report = checker.run([Document("b", "Le Kremlin a parlé. Construites en 63. En 1962, rien.")])
    assert pd.isna(report.documents["error"][0])
    assert sorted(report.issues["code"]) == ["NUMBER-TRUNCATED-YEAR", "TEST-L"]
    assert _Loader.loads == ["load", "load", "detect b"]


def test_the_detectors_load_every_word_list_they_look_up() -> None:
    """After load(), no lookup reads a wordfreq list from disk (the caches only hit): the whole
    French and English lists, the small lists of the untranslated-word languages, and the
    frequent words the spelling detector keeps of Spanish, Italian and German."""
    from wordfreq import get_frequency_dict

    from mt_check.detectors.untranslated import WORD_LANGUAGES
    from mt_check.lexicon import frequent_words

    for name in ("spelling", "structure", "untranslated", "conventions"):
        registry.REGISTRY[name]().load()
    before, built = get_frequency_dict.cache_info(), frequent_words.cache_info()
    for language in ("fr", "en"):
        get_frequency_dict(language, "best")
    for language in WORD_LANGUAGES:
        get_frequency_dict(language, "small")
    for language in ("es", "it", "de"):
        frequent_words(language, 2.0)
    assert get_frequency_dict.cache_info().misses == before.misses
    assert frequent_words.cache_info().misses == built.misses
