"""Batch runs through the CLI: a directory of 50 documents with progress bars on a terminal, and a
1,000-row CSV, both with tiny local models and a cache (issue: batch runs at scale)."""

from __future__ import annotations

import csv
import fcntl
import os
import re
import struct
import subprocess
import sys
import termios
import threading
from pathlib import Path

import pytest

from mt_check.report import Report

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow

SUBJECTS = ["Le ministre", "La commission", "Le porte-parole", "La délégation", "Le gouvernement"]


def _sentence(i: int) -> str:
    return f"{SUBJECTS[i % len(SUBJECTS)]} a publié le rapport numéro {i} hier soir à Moscou."


def _command(tiny_fr_en: str, tiny_en_fr: str, tmp_path: Path, *args: str) -> list[str]:
    return [
        sys.executable, "-m", "mt_check.cli", "report", *args, "--out", str(tmp_path / "out"),
        "--bt-model", tiny_fr_en, "--rt-model", tiny_en_fr, "--beam", "1", "--max-new-tokens", "4",
        "--cache-dir", str(tmp_path / "cache"), "--require-models", "--format", "json",
    ]  # fmt: skip


def _env(tmp_path: Path) -> dict[str, str]:
    return dict(os.environ, HF_HOME=str(tmp_path / "hf"), HF_HUB_OFFLINE="1")


def _run_on_a_terminal(command: list[str], env: dict[str, str]) -> tuple[int, str, str]:
    """Run with stderr on a pseudo-terminal (as in an interactive shell); return code, stdout, and
    everything drawn on the terminal."""
    master, slave = os.openpty()
    # A terminal of 24 x 120 characters (a new pseudo-terminal has 0 columns: bars draw nothing).
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))
    drawn: list[bytes] = []

    def drain() -> None:  # read as it comes, so the child never blocks on a full terminal
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed its end
                return
            if not chunk:
                return
            drawn.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=slave, text=True, env=env, cwd=ROOT)
    os.close(slave)
    stdout, _ = process.communicate(timeout=600)
    reader.join(timeout=10)
    os.close(master)
    return process.returncode, stdout, b"".join(drawn).decode("utf-8", errors="replace")


def test_directory_of_50_documents_with_progress_bars(
    tmp_path: Path, tiny_marian_fr_en: str, tiny_marian_en_fr: str
) -> None:
    corpus = tmp_path / "corpus"
    for d in range(50):
        path = corpus / f"lot{d // 10}" / f"doc{d:02d}.txt"  # nested: ids are relative paths
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(" ".join(_sentence(3 * d + k) for k in range(3)) + "\n", encoding="utf-8")
    command = _command(tiny_marian_fr_en, tiny_marian_en_fr, tmp_path, str(corpus))
    code, stdout, terminal = _run_on_a_terminal(command, _env(tmp_path))
    assert code == 0, terminal
    # One bar per stage over the 150 sentences, drawn on the terminal (and cleared when the stage
    # ends, so the last state drawn depends on timing); the summary line gives the speed.
    for stage in ("translate", "detect"):
        assert re.search(stage + r": +\d+%\|[^|]*\| \d+/150 ", terminal), stage
    assert "Traceback" not in terminal
    assert "Checked 50 documents, 150 sentences in" in stdout and "sentences/s" in stdout
    report = Report.load(tmp_path / "out")
    assert report.documents["doc_id"].tolist() == [f"lot{d // 10}/doc{d:02d}.txt" for d in range(50)]
    assert report.sentences["text"].tolist() == [_sentence(i) for i in range(150)]
    assert report.sentences["back_translation"].notna().all()
    assert report.sentences["rt_chrf"].notna().all()

    # The same command again: everything from the cache, nothing translated, same tables.
    code, stdout, terminal = _run_on_a_terminal(command, _env(tmp_path))
    assert code == 0, terminal
    again = Report.load(tmp_path / "out")
    assert again.meta["stages"]["translation_cache"]["translated"] == 0
    assert again.meta["stages"]["translation_cache"]["from_cache"] == 150
    assert again.sentences.equals(report.sentences)


def test_csv_of_1000_rows(tmp_path: Path, tiny_marian_fr_en: str, tiny_marian_en_fr: str) -> None:
    table = tmp_path / "segments.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["segment", "fr", "en"])
        for i in range(1000):
            writer.writerow([f"seg-{i:04d}", _sentence(i), f"The report number {i} was published."])
    command = _command(
        tiny_marian_fr_en, tiny_marian_en_fr, tmp_path, str(table),
        "--text-column", "fr", "--id-column", "segment", "--source-column", "en", "--quiet",
    )  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, env=_env(tmp_path), cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""  # --quiet: no summary
    assert "translate:" not in done.stderr and "detect:" not in done.stderr  # and no bars
    report = Report.load(tmp_path / "out")
    assert report.documents["doc_id"].tolist() == [f"seg-{i:04d}" for i in range(1000)]
    sources = [f"The report number {i} was published." for i in range(1000)]
    assert report.documents["source"].tolist() == sources
    assert report.sentences["text"].tolist() == [_sentence(i) for i in range(1000)]
    assert report.sentences["back_translation"].notna().all()
    assert report.meta["stages"]["translation_cache"]["translated"] == 1000
