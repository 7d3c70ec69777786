"""Faults an operator and a hostile user meet (issue 13, points 2-8): report directories as one
unit (full disk, kill -9, concurrent runs, stale files), a cache that cannot be written or is not
ours, corrupt model files, surrogates and odd names, combining-mark runs, Grammalecte's worst
case, and the small ones (globs leaving the directory, FIFOs and devices, CSV formulas).

Full-disk tests use a 64 KiB tmpfs where this machine lets us mount one (root), else a fault
injected into the writers (OSError ENOSPC): they pass either way. Time bounds are far above the
expected times: they catch a super-linear case, they are not benchmarks.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from report_samples import tricky_report

import mt_check
from mt_check import cache as cache_module
from mt_check import cli, export, segment
from mt_check.io import load
from mt_check.report import Report
from mt_check.types import Document, InputError, ModelUnavailableError

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "bad_inputs"
FRENCH = "Le Kremlin a déclaré que la ligne spéciale n’avait pas été utilisée. Elle date de 1963.\n"


def _env(tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, HF_HUB_OFFLINE="1", MT_CHECK_CACHE=str(tmp_path / "cache"), PYTHONPATH=str(ROOT))


def _mt_check(tmp_path: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mt_check.cli", *args],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        cwd=ROOT,
        timeout=timeout,
    )


def _stderr_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


# -- a small filesystem that fills up -------------------------------------------------------------


@contextlib.contextmanager
def _tmpfs(directory: Path, size: str = "64k", readonly: bool = False) -> Iterator[bool]:
    """Mount a tmpfs of ``size`` on ``directory``; yields whether it could (root, mounts allowed)."""
    directory.mkdir(parents=True, exist_ok=True)
    options = f"size={size}" + (",ro" if readonly else "")
    # MT_CHECK_TEST_NO_MOUNT=1 runs the fault-injection path, as on a CI runner that cannot mount
    if shutil.which("mount") is None or os.geteuid() != 0 or os.environ.get("MT_CHECK_TEST_NO_MOUNT"):
        yield False
        return
    mounted = (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(directory)], capture_output=True
        ).returncode
        == 0
    )
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(directory)], capture_output=True)


def _fill(directory: Path) -> None:
    """Use up the space left on the filesystem of ``directory``."""
    descriptor = os.open(directory / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        with contextlib.suppress(OSError):
            while os.write(descriptor, b"\0" * 4096):
                pass
    finally:
        os.close(descriptor)


def _inject_full_disk(monkeypatch: pytest.MonkeyPatch, under: Path) -> None:
    """Writers that fail as a full disk does for any file under ``under`` (half the data written)."""
    real_write_text, real_to_csv = Path.write_text, pd.DataFrame.to_csv

    def full(path: Any) -> bool:
        return str(Path(path)).startswith(str(under))

    def write_text(self: Path, data: str, *args: Any, **kwargs: Any) -> int:
        if full(self):
            real_write_text(self, data[: len(data) // 2], *args, **kwargs)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return real_write_text(self, data, *args, **kwargs)

    def to_csv(self: pd.DataFrame, path: Any = None, *args: Any, **kwargs: Any) -> Any:
        if path is not None and full(path):
            Path(path).write_bytes(b"doc_id,sen")
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real_to_csv(self, path, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", write_text)
    monkeypatch.setattr(pd.DataFrame, "to_csv", to_csv)


def _big(report: Report) -> Report:
    """The report with 300 KB of sentence text: more than the small filesystem holds."""
    sentences = report.sentences.copy()
    sentences["text"] = pd.array(["Une phrase assez longue. " * 400] * len(sentences), dtype="string")
    return Report(sentences, report.issues, report.documents, report.meta)


# -- 2. the report directory is one unit ----------------------------------------------------------


def test_full_disk_keeps_the_previous_report_and_names_the_report_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ENOSPC mid-save: one error naming out/<file>, no temporary file left, the old report intact
    out = tmp_path / "small"
    report = tricky_report()
    with _tmpfs(out) as mounted:
        report.save(out, formats=["csv", "json"])
        before = {p.name: p.read_bytes() for p in out.iterdir()}
        if not mounted:
            _inject_full_disk(monkeypatch, out)
        with pytest.raises(export.ReportWriteError) as error:
            _big(report).save(out, formats=["csv", "json"])
        message = str(error.value)
        assert message.startswith(f"{out}/") and ".tmp" not in message
        assert "cannot write the report file" in message and "\n" not in message
        monkeypatch.undo()
        assert {p.name: p.read_bytes() for p in out.iterdir()} == before
        pd.testing.assert_frame_equal(Report.load(out).sentences, Report.load(out, "json").sentences)


def test_a_tampered_or_mixed_directory_is_refused_naming_the_file(tmp_path: Path) -> None:
    # the manifest in meta.json vouches for every file: a table from another run is refused
    tricky_report().save(tmp_path / "a", formats="json")
    _big(tricky_report()).save(tmp_path / "b", formats="json")
    shutil.copy(tmp_path / "b" / "sentences.json", tmp_path / "a" / "sentences.json")
    with pytest.raises(InputError) as error:
        Report.load(tmp_path / "a")
    assert str(error.value).startswith(f"{tmp_path / 'a' / 'sentences.json'}: does not match the manifest")


def test_rerun_with_other_formats_removes_the_stale_files(tmp_path: Path) -> None:
    # an old Parquet is never read instead of the new CSV; a file of the user's own stays
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    tricky_report().save(tmp_path, formats=["parquet", "csv", "html"], per_document=True)
    assert (tmp_path / "documents").is_dir()
    written = _big(tricky_report()).save(tmp_path, formats="csv")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["documents.csv", "issues.csv", "meta.json", "notes.txt", "sentences.csv"]
    assert [p.name for p in written] == ["documents.csv", "sentences.csv", "issues.csv", "meta.json"]
    assert set(Report.load(tmp_path).sentences["text"]) == set(_big(tricky_report()).sentences["text"])


_SLOW_SAVE = """
import os, sys, time
sys.path.insert(0, {tests!r})
from report_samples import tricky_report
from mt_check import export
from mt_check.report import Report
import pandas as pd
out, phase = sys.argv[1], sys.argv[2]
report = tricky_report()
report.save(out, formats=["csv", "json"])
sentences = report.sentences.copy()
sentences["text"] = pd.array(["autre"] * len(sentences), dtype="string")
documents = report.documents.copy()
documents["encoding"] = pd.array(["autre"] * len(documents), dtype="string")
second = Report(sentences, report.issues, documents, report.meta)
real = export._Staging.commit if phase == "write" else os.replace
def slow(*args):
    print("saving", flush=True)
    time.sleep(60)
if phase == "write":  # killed once every file is written, before any is renamed
    export._Staging.commit = slow
else:  # killed after the first rename of the commit
    def replace(*args):
        real(*args)
        slow()
    export.os.replace = replace
second.save(out, formats=["csv", "json"])
"""


@pytest.mark.slow
@pytest.mark.parametrize("phase", ["write", "commit"])
def test_kill_9_during_save(tmp_path: Path, phase: str) -> None:
    # killed while writing: the previous report stands; killed mid-commit: load refuses the mix;
    # either way the next run removes the temporary files
    out = tmp_path / "out"
    script = _SLOW_SAVE.format(tests=str(ROOT / "tests"))
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(out), phase],
        stdout=subprocess.PIPE,
        text=True,
        env=_env(tmp_path),
        cwd=ROOT,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "saving"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    leftovers = [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    if phase == "write":
        assert len(leftovers) == 7  # six tables and meta.json, none renamed
        back = Report.load(out)
        pd.testing.assert_frame_equal(back.sentences, Report.load(out, "csv").sentences)
        assert "autre" not in set(back.sentences["text"])
    else:  # documents.csv is the new run's, the rest the old one's
        with pytest.raises(InputError, match=rf"^{out / 'documents.csv'}: does not match the manifest"):
            Report.load(out, "csv")
    tricky_report().save(out, formats="csv")
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    assert sorted(p.name for p in out.iterdir()) == [
        "documents.csv",
        "issues.csv",
        "meta.json",
        "sentences.csv",
    ]


_HOLD_LOCK = """
import sys, time
from mt_check import export
with export.reserve(sys.argv[1]):
    print("locked", flush=True)
    time.sleep(120)
"""


@pytest.mark.slow
def test_a_second_run_on_the_same_out_fails_with_one_line(tmp_path: Path) -> None:
    # another process holds --out: exit 2 at once, one line, the holder's directory untouched
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(out)],
        stdout=subprocess.PIPE,
        text=True,
        env=_env(tmp_path),
        cwd=ROOT,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
        result = _mt_check(
            tmp_path,
            "report",
            str(tmp_path / "a.txt"),
            "--out",
            str(out),
            "--no-models",
            "--detectors",
            "numbers",
            "--no-cache",
        )
        assert result.returncode == 2
        assert _stderr_lines(result) == [
            f"mt-check: error: {out}: another mt-check run is writing a report into this directory; "
            "wait for it to finish or choose another --out"
        ]
        assert list(out.iterdir()) == []
    finally:
        holder.kill()
        holder.wait(timeout=60)
    with export.reserve(out):  # the lock went with the killed process
        pass


# -- 3. the cache -----------------------------------------------------------------------------


class _FullDatabase:
    """A connection whose writes fail as SQLite's do on a full disk."""

    def __init__(self, real: sqlite3.Connection) -> None:
        self._real = real

    def executemany(self, *args: Any) -> Any:
        raise sqlite3.OperationalError("database or disk is full")

    def __enter__(self) -> _FullDatabase:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.rollback()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


def _report_args(tmp_path: Path, cache_dir: Path, *extra: str) -> list[str]:
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    return [
        "report",
        str(tmp_path / "a.txt"),
        "--out",
        str(tmp_path / "out"),
        "--no-models",
        "--detectors",
        "numbers",
        "--cache-dir",
        str(cache_dir),
        *extra,
    ]


def test_a_full_cache_disk_degrades_to_no_cache_with_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # "database or disk is full": the run finishes with exit 0 and its report, one warning line
    cache_dir = tmp_path / "cache-fs"
    with _tmpfs(cache_dir, size="256k") as mounted:
        if mounted:
            cache_module.TranslationCache(cache_dir).close()
            _fill(cache_dir)
        else:
            real = sqlite3.connect
            monkeypatch.setattr(cache_module.sqlite3, "connect", lambda *a, **k: _FullDatabase(real(*a, **k)))
        code = cli.main(_report_args(tmp_path, cache_dir))
    captured = capsys.readouterr()
    warnings = [line for line in captured.err.splitlines() if line.strip()]
    assert code == 0
    assert len(warnings) == 1
    assert warnings[0].startswith(
        f"mt-check: warning: cache disabled for this run: {cache_dir / 'translations.sqlite3'}: "
    )
    assert "full" in warnings[0]
    meta = json.loads((tmp_path / "out" / "meta.json").read_text(encoding="utf-8"))
    assert "full" in meta["cache_error"]
    assert len(Report.load(tmp_path / "out").sentences) == 2


def test_a_read_only_cache_degrades_to_no_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # a read-only filesystem under the cache: a warning, exit 0, the report written
    cache_dir = tmp_path / "ro"
    with _tmpfs(cache_dir, readonly=True) as mounted:
        if not mounted:

            def refuse(*args: Any, **kwargs: Any) -> Any:
                raise sqlite3.OperationalError("attempt to write a readonly database")

            monkeypatch.setattr(cache_module.sqlite3, "connect", refuse)
        code = cli.main(_report_args(tmp_path, cache_dir / "mt-check"))
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert code == 0
    assert len(err) == 1 and err[0].startswith("mt-check: warning: cache disabled for this run: ")
    assert (tmp_path / "out" / "meta.json").is_file()


@pytest.mark.slow
@pytest.mark.parametrize(
    "make, message",
    [
        # a database of someone else's: never rewritten
        (
            lambda db: sqlite3.connect(db).execute("CREATE TABLE t (k TEXT, v TEXT)").connection.commit(),
            "holds a table 't' (k, v) that mt-check did not write; move the file away",
        ),
        # not SQLite at all
        (lambda db: db.write_bytes(b"not a database" * 100), "is not an SQLite database"),
    ],
)
def test_a_foreign_cache_database_is_refused_with_one_line(tmp_path: Path, make: Any, message: str) -> None:
    cache_dir = tmp_path / "foreign"
    cache_dir.mkdir()
    database = cache_dir / "translations.sqlite3"
    make(database)
    before = database.read_bytes()
    result = _mt_check(tmp_path, *_report_args(tmp_path, cache_dir))
    assert result.returncode == 2
    lines = _stderr_lines(result)
    assert len(lines) == 1 and lines[0].startswith(f"mt-check: error: the cache file {database} ")
    assert message in lines[0]
    assert database.read_bytes() == before


# -- 4. corrupt model files ---------------------------------------------------------------------


def _damaged(model: str, tmp_path: Path, kind: str) -> Path:
    directory = tmp_path / kind
    shutil.copytree(model, directory)
    if kind == "truncated":
        weights = directory / "model.safetensors"
        weights.write_bytes(weights.read_bytes()[: weights.stat().st_size // 2])
    elif kind == "spm":
        (directory / "source.spm").write_bytes(b"\x0agarbage" * 20)
    elif kind == "shape":
        config = json.loads((directory / "config.json").read_text(encoding="utf-8"))
        config["d_model"] = 64
        (directory / "config.json").write_text(json.dumps(config), encoding="utf-8")
    return directory


_DAMAGE = {
    "truncated": "model.safetensors is truncated or corrupt (",
    "spm": "source.spm is not a valid SentencePiece model (truncated or corrupt)",
    "shape": "model.safetensors: model.",
}


@pytest.mark.parametrize("backend", ["transformers", "ctranslate2"])
@pytest.mark.parametrize("kind", list(_DAMAGE))
def test_a_corrupt_model_file_is_named_in_one_line(
    tiny_marian_fr_en: str, tmp_path: Path, kind: str, backend: str
) -> None:
    # the error names the damaged file and what is wrong, on one line, for both backends
    if backend == "ctranslate2":
        pytest.importorskip("ctranslate2")
    from mt_check.translate import load_translator

    directory = _damaged(tiny_marian_fr_en, tmp_path, kind)
    with pytest.raises(ModelUnavailableError) as error:
        load_translator(str(directory), backend=backend, beam=1)
    message = str(error.value)
    assert f"model {directory} cannot be used: {directory}/{_DAMAGE[kind]}" in message
    assert "\n" not in message
    if kind == "shape":
        assert "config.json makes it [64]" in message


def test_a_pickled_checkpoint_with_ctranslate2_is_refused_unexecuted(
    tiny_marian_fr_en: str, tmp_path: Path
) -> None:
    # CTranslate2's converter loads pytorch_model.bin: refused, the payload never runs
    pytest.importorskip("ctranslate2")
    import torch

    from mt_check.translate import load_translator

    directory = tmp_path / "pickled"
    shutil.copytree(tiny_marian_fr_en, directory)
    (directory / "model.safetensors").unlink()
    marker = tmp_path / "UNPICKLED"
    torch.save({"model.shared.weight": _Payload(marker)}, directory / "pytorch_model.bin")
    with pytest.raises(ModelUnavailableError) as error:
        load_translator(str(directory), backend="ctranslate2", beam=1)
    assert str(error.value) == (
        f"model {directory} cannot be used: {directory}/pytorch_model.bin holds objects other than "
        "tensors, which mt-check never unpickles; use a checkpoint with model.safetensors"
    )
    assert not marker.exists()


class _Payload:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (open, (str(self.marker), "w"))


@pytest.mark.slow
def test_a_corrupt_model_warns_once_and_the_run_goes_on(
    tiny_marian_fr_en: str, tiny_marian_en_fr: str, tmp_path: Path
) -> None:
    # without --require-models: one warning naming the file, exit 0, report without the model;
    # with it: exit 2, one line
    directory = _damaged(tiny_marian_fr_en, tmp_path, "truncated")
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    args = [
        "report",
        str(tmp_path / "a.txt"),
        "--bt-model",
        str(directory),
        "--rt-model",
        tiny_marian_en_fr,
        "--detectors",
        "numbers",
        "--no-cache",
    ]
    result = _mt_check(tmp_path, *args, "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    lines = _stderr_lines(result)
    assert len(lines) == 1 and lines[0].startswith(
        f"mt-check: warning: back-translation skipped: model {directory} cannot be used: "
        f"{directory}/model.safetensors is truncated or corrupt"
    )
    meta = json.loads((tmp_path / "out" / "meta.json").read_text(encoding="utf-8"))
    assert meta["stages"]["back_translation"].startswith("skipped: ")
    strict = _mt_check(tmp_path, *args, "--out", str(tmp_path / "strict"), "--require-models")
    assert strict.returncode == 2
    assert len(_stderr_lines(strict)) == 1 and "model.safetensors is truncated or corrupt" in strict.stderr


# -- 5. surrogates and names that are not UTF-8 ---------------------------------------------------


@pytest.mark.slow
def test_lone_surrogates_in_jsonl_become_u_fffd_at_the_same_offsets(tmp_path: Path) -> None:
    # "\ud800" in a JSONL cell: U+FFFD in its place (offsets unchanged), reported in warnings
    result = _mt_check(
        tmp_path,
        "report",
        str(DATA / "lone_surrogates.jsonl"),
        "--text-column",
        "text",
        "--id-column",
        "id",
        "--out",
        str(tmp_path / "out"),
        "--no-models",
        "--detectors",
        "numbers",
        "--no-cache",
        "--format",
        "csv,json,parquet,xlsx,html",
    )
    assert result.returncode == 0, result.stderr
    report = Report.load(tmp_path / "out", "json")
    documents = report.documents.set_index("doc_id")
    assert list(documents.index) == ["a", "b\ufffd"]
    assert documents.loc["a", "warnings"] == (
        "1 lone surrogate(s) replaced with U+FFFD (first U+D800 at line 1, column 4, offset 3)"
    )
    assert documents.loc["b\ufffd", "warnings"] == (
        "2 lone surrogate(s) replaced with U+FFFD (first U+DFFF at line 1, column 6, offset 5); the id had "
        "1 lone surrogate(s) replaced with U+FFFD (first U+DCFF at line 1, column 2, offset 1)"
    )
    texts = {(r.doc_id, r.sent_id): (r.start, r.end, r.text) for r in report.sentences.itertuples()}
    assert texts[("a", 0)] == (0, 11, "Un \ufffd texte.")
    assert texts[("b\ufffd", 0)] == (0, 13, "Rien \ufffd ici \ufffd.")


@pytest.mark.slow
def test_a_file_name_that_is_not_utf8_is_shown_with_u_fffd(tmp_path: Path) -> None:
    # a Latin-1 name in a directory: the id shows U+FFFD, a warning says so, every export works
    inputs = tmp_path / "in"
    inputs.mkdir()
    with open(os.path.join(os.fsencode(inputs), b"caf\xe9.txt"), "wb") as handle:
        handle.write(FRENCH.encode())
    result = _mt_check(
        tmp_path,
        "report",
        str(inputs),
        "--out",
        str(tmp_path / "out"),
        "--no-models",
        "--detectors",
        "numbers",
        "--no-cache",
        "--format",
        "csv,parquet,xlsx,html",
    )
    assert result.returncode == 0, result.stderr
    documents = Report.load(tmp_path / "out", "csv").documents
    assert list(documents["doc_id"]) == ["caf\ufffd.txt"]
    assert list(documents["warnings"]) == [
        "the file name is not valid UTF-8: 1 byte(s) shown as U+FFFD in the id"
    ]


def test_strings_and_documents_with_lone_surrogates_are_repaired() -> None:
    # the library API too: text and Documents with a lone surrogate are repaired and reported
    docs = load(["Un \udc80 mot.", Document("d", "Deux \ud800\ud800.")])
    assert [d.text for d in docs] == ["Un \ufffd mot.", "Deux \ufffd\ufffd."]
    assert docs[1].warnings == (
        "2 lone surrogate(s) replaced with U+FFFD (first U+D800 at line 1, column 6, offset 5)",
    )


# -- 6. combining marks, 7. Grammalecte's worst case ----------------------------------------------


def _boundaries(text: str) -> set[int]:
    import regex

    return {0} | {m.end() for m in regex.finditer(r"\X", text)}


@pytest.mark.slow
def test_a_run_of_combining_marks_stays_one_cluster_and_finishes() -> None:
    # 100,000 combining accents: 4 sentences, not 99,005; no cut inside a grapheme cluster
    text = "Le café" + "\u0301" * 100_000 + " est bon."
    started = time.perf_counter()
    report = mt_check.check([text], bt_model=None, rt_model=None, cache=False)
    assert time.perf_counter() - started < 120  # about 2 s
    rows = report.sentences
    assert list(rows["end"] - rows["start"]) == [2, 3, 100_001, 8]
    assert set(rows["start"]) | set(rows["end"]) <= _boundaries(text)


@pytest.mark.parametrize(
    "text",
    [
        "x" * 2500 + "👨‍👩‍👧" * 700 + "e\u0301" * 900,  # emoji ZWJ sequences, letters with accents
        "a" + "\u0301" * 3000 + "b" * 1500,  # one cluster longer than the limit
        ("mot " * 3 + "ab" + "\u0300" * 998) * 5,  # a cluster straddling each limit
    ],
)
def test_hard_cuts_fall_between_grapheme_clusters(text: str) -> None:
    # never inside a cluster, and at most 2 n / MAX_SENTENCE + 1 pieces
    sentences = segment.segment(Document("d", text))
    assert set(s.start for s in sentences) | set(s.end for s in sentences) <= _boundaries(text)
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert len(sentences) <= 2 * len(text) / segment.MAX_SENTENCE + 1


@pytest.mark.slow
def test_grammalecte_time_stays_linear_on_a_repeated_character() -> None:
    # 80,000 'a': about 5 s (35 s before, and 4x per doubling); each piece checked on its own
    from mt_check.detectors.grammalecte import GrammalecteDetector

    if GrammalecteDetector().unavailable_reason() is not None:
        pytest.skip("Grammalecte is not installed")
    started = time.perf_counter()
    report = mt_check.check(
        ["a" * 80_000], bt_model=None, rt_model=None, cache=False, detectors=["grammalecte"]
    )
    assert time.perf_counter() - started < 120
    assert len(report.sentences) == 80
    assert report.meta["stages"]["detectors"]["grammalecte"] == "ran"


def test_grammalecte_skips_a_sentence_above_its_limit() -> None:
    # a sentence over SENTENCE_LIMIT (one huge cluster) is not given to Grammalecte, with the reason
    from mt_check.detectors import grammalecte
    from mt_check.types import Sentence

    long = Sentence(
        "d", 1, 10, 10 + grammalecte.SENTENCE_LIMIT + 1, "e" + "\u0301" * grammalecte.SENTENCE_LIMIT
    )
    short = Sentence("d", 0, 0, 9, "Il dort.")
    parts = list(grammalecte.bounded_parts(iter([[short, long]])))
    assert parts == [[short]]
    assert (
        grammalecte.too_long_for_grammalecte(long)
        == "grammalecte: not checked, 2,001 characters (the limit is 2,000 per sentence)"
    )
    assert grammalecte.too_long_for_grammalecte(short) is None


def test_a_sentence_grammalecte_skips_says_so_in_its_errors() -> None:
    # the skip is not silent: the sentence keeps its row, its errors name the detector and the
    # limit, and the other sentences of the document are checked and have no error
    pytest.importorskip("grammalecte")
    from mt_check.detectors import grammalecte
    from mt_check.pipeline import Checker
    from mt_check.types import Document

    huge = "e" + "\u0301" * grammalecte.SENTENCE_LIMIT  # one grapheme cluster: never cut
    doc = Document("d", f"Ils a mangé.\n{huge}")
    report = Checker(bt_model=None, rt_model=None, cache=False, detectors=["grammalecte"]).run([doc])
    errors = report.sentences["errors"].tolist()
    assert report.sentences["text"].str.len().tolist()[0] == len("Ils a mangé.")
    assert pd.isna(errors[0])
    assert errors[1:] == ["grammalecte: not checked, 2,001 characters (the limit is 2,000 per sentence)"]
    assert report.issues["span"].tolist() == ["Ils a"]


# -- 8. globs, special files, CSV formulas ------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "pattern, message",
    [
        ("/etc/*", "--glob '/etc/*': the pattern must be relative to the input directory (no absolute path)"),
        ("../B/*.txt", "--glob '../B/*.txt': the pattern must stay inside the input directory (no '..')"),
    ],
)
def test_a_glob_that_leaves_the_directory_is_refused(tmp_path: Path, pattern: str, message: str) -> None:
    (tmp_path / "A").mkdir()
    (tmp_path / "B").mkdir()
    (tmp_path / "A" / "a.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "B" / "b.txt").write_text(FRENCH, encoding="utf-8")
    result = _mt_check(
        tmp_path,
        "report",
        str(tmp_path / "A"),
        "--glob",
        pattern,
        "--out",
        str(tmp_path / "out"),
        "--no-models",
    )
    assert result.returncode == 2
    assert _stderr_lines(result) == [f"mt-check: error: {message}"]


@pytest.fixture
def special_entries(tmp_path: Path) -> Path:
    """A directory with one text file, a FIFO, a symlink loop, a link to a device, a broken link."""
    directory = tmp_path / "in"
    directory.mkdir()
    (directory / "a.txt").write_text(FRENCH, encoding="utf-8")
    os.mkfifo(directory / "fifo.txt")
    os.symlink("loop2.txt", directory / "loop1.txt")
    os.symlink("loop1.txt", directory / "loop2.txt")
    os.symlink("/dev/null", directory / "null.txt")
    os.symlink("missing", directory / "broken.txt")
    return directory


@pytest.mark.slow
def test_fifos_devices_and_link_loops_are_listed_not_opened(tmp_path: Path, special_entries: Path) -> None:
    # each is a row with its reason, none is opened (a FIFO would block), the text file is checked
    result = _mt_check(
        tmp_path,
        "report",
        str(special_entries),
        "--out",
        str(tmp_path / "out"),
        "--no-models",
        "--detectors",
        "numbers",
        "--no-cache",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    documents = Report.load(tmp_path / "out").documents.set_index("doc_id")
    assert documents["error"].fillna("").to_dict() == {
        "a.txt": "",
        "broken.txt": "not read: not a regular file (a broken symbolic link)",
        "fifo.txt": "not read: not a regular file (a named pipe)",
        "loop1.txt": "not read: not a regular file (a symbolic link loop)",
        "loop2.txt": "not read: not a regular file (a symbolic link loop)",
        "null.txt": "not read: not a regular file (a character device)",
    }
    assert documents.loc["a.txt", "sentences"] == 2
    assert "mt-check: warning: fifo.txt: not read: not a regular file (a named pipe)" in result.stderr
    # meta lists them too, with why (a pipeline that reads only meta.json sees them)
    meta = json.loads((tmp_path / "out" / "meta.json").read_text(encoding="utf-8"))
    assert meta["unread"] == {k: v for k, v in documents["error"].fillna("").to_dict().items() if v}


@pytest.mark.parametrize(
    "name, kind",
    [("fifo.txt", "a named pipe"), ("loop1.txt", "a symbolic link loop"), ("null.txt", "a character device")],
)
def test_a_special_file_given_directly_is_not_a_regular_file(
    special_entries: Path, name: str, kind: str
) -> None:
    # "not a regular file", not "no such file or directory"
    with pytest.raises(InputError) as error:
        load([special_entries / name])
    assert str(error.value) == f"{special_entries / name}: not a regular file ({kind})"


def test_csv_cells_are_never_formulas_and_read_back_unchanged(tmp_path: Path) -> None:
    # = + - @ (and tab/CR) open a formula in a spreadsheet: one ' in front in the CSV, removed on load
    report = tricky_report()
    issues = report.issues.copy()
    values = ["=1+1", "+33 1 23", "-2", "@SUM(A1)", "'=déjà", "\tx", "ok", "''+"]
    issues["message"] = pd.array((values * 3)[: len(issues)], dtype="string")
    report = Report(report.sentences, issues, report.documents, report.meta)
    report.save(tmp_path, formats="csv")
    raw = pd.read_csv(tmp_path / "issues.csv", dtype=str, keep_default_na=False)
    written = dict(zip(issues["message"], raw["message"], strict=True))
    assert written == {
        "=1+1": "'=1+1",
        "+33 1 23": "'+33 1 23",
        "-2": "'-2",
        "@SUM(A1)": "'@SUM(A1)",
        "'=déjà": "''=déjà",
        "\tx": "'\tx",
        "ok": "ok",
        "''+": "'''+",
    }
    assert list(Report.load(tmp_path).issues["message"]) == list(issues["message"])
    numbers = pd.read_csv(tmp_path / "sentences.csv")
    assert (numbers["bt_logprob"].dropna() < 0).any()  # numbers are numbers, not neutralised text


def test_an_unwritable_out_names_the_report_directory(tmp_path: Path) -> None:
    # --out an existing file: one line naming it, exit 2
    (tmp_path / "a.txt").write_text(FRENCH, encoding="utf-8")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match=rf"^{tmp_path / 'file'}: exists and is not a directory"):
        export.save(tricky_report(), tmp_path / "file")


_FULL_DISK_CLI = """
import errno, os, sys
import pandas as pd
from pathlib import Path
from mt_check import cli
out = sys.argv[1]
real = pd.DataFrame.to_csv
def to_csv(self, path=None, *args, **kwargs):
    if path is not None and str(path).startswith(out):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
    return real(self, path, *args, **kwargs)
pd.DataFrame.to_csv = to_csv
sys.exit(cli.main(sys.argv[2:]))
"""


@pytest.mark.slow
def test_the_cli_on_a_full_disk_exits_2_naming_the_report_file(tmp_path: Path) -> None:
    # one line naming OUT/<table>.csv (never a hidden temporary name), exit 2, nothing left behind
    out = tmp_path / "out"
    big = tmp_path / "big.txt"
    big.write_text(FRENCH * 3000, encoding="utf-8")
    args = ["report", str(big), "--out", str(out), "--no-models", "--detectors", "numbers", "--no-cache"]
    with _tmpfs(out) as mounted:
        if mounted:
            result = _mt_check(tmp_path, *args)
        else:
            command = [sys.executable, "-c", _FULL_DISK_CLI, str(out), *args]
            result = subprocess.run(
                command, capture_output=True, text=True, env=_env(tmp_path), cwd=ROOT, timeout=300
            )
        assert result.returncode == 2
        lines = _stderr_lines(result)
        assert len(lines) == 1
        assert re.fullmatch(
            rf"mt-check: error: {re.escape(str(out))}/\w+\.(csv|json): cannot write the report file "
            r"\(no space left on the device\)",
            lines[0],
        ), lines
        assert list(out.iterdir()) == []
