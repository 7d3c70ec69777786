"""Nasty inputs through the CLI, as a user runs it: every case of tests/data/bad_inputs/expected.json.

Each case names its input, the exit code, a message fragment (on stderr, or in the document's
``warnings``/``error`` when the run succeeds) and the number of sentences. The cases that must be
accepted run in one ``mt-check report`` over all their files (one process; a file that were
refused would stop it); the others run each in its own process, all at once.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import mt_check
from mt_check import segment
from mt_check.io import read_file
from mt_check.report import Report
from mt_check.types import Document

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "bad_inputs"
CASES: list[dict[str, Any]] = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
ACCEPTED = [c for c in CASES if c["exit"] == 0 and not c.get("args") and not (DATA / c["input"]).is_dir()]
ALONE = [c for c in CASES if c not in ACCEPTED]


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("make_bad_inputs", DATA / "make_bad_inputs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _command(inputs: list[Path], out: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "mt_check.cli", "report", *map(str, inputs), "--out", str(out),
            "--no-models", "--detectors", "numbers", "--quiet", *args]  # fmt: skip


def _env(home: Path) -> dict[str, str]:
    return dict(os.environ, HF_HOME=str(home), HF_HUB_OFFLINE="1", MT_CHECK_CACHE=str(home / "cache"))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed files and the generated big ones, in one directory."""
    directory = tmp_path_factory.mktemp("bad_inputs")
    shutil.copytree(DATA, directory, dirs_exist_ok=True)
    generator = _generator()
    generator.write(generator.big_files(), directory)
    return directory


@pytest.fixture(scope="module")
def accepted(inputs: Path) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = inputs / "out-accepted"
    files = [inputs / c["input"] for c in ACCEPTED]
    result = subprocess.run(
        _command(files, out, "--format", "json,html"), capture_output=True, text=True,
        env=_env(inputs / "home"), cwd=ROOT, timeout=300,
    )  # fmt: skip
    return result, out


@pytest.fixture(scope="module")
def alone(inputs: Path) -> dict[str, tuple[subprocess.CompletedProcess[str], Path]]:
    """Each case in its own process, all started at once (most stop at reading their input)."""
    running = {}
    for case in ALONE:
        out = inputs / f"out-{case['input']}"
        command = _command([inputs / case["input"]], out, *case.get("args", []))
        running[case["input"]] = (
            subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=_env(inputs / "home"), cwd=ROOT),
            command, out,
        )  # fmt: skip
    results = {}
    for name, (process, command, out) in running.items():
        stdout, stderr = process.communicate(timeout=300)
        results[name] = (subprocess.CompletedProcess(command, process.returncode, stdout, stderr), out)
    return results


def _check_sentences(doc: Document, sentences: pd.DataFrame) -> None:
    """Offsets slice the decoded text exactly; every non-space character is in one sentence."""
    covered = [0] * len(doc.text)
    for row in sentences.itertuples():
        assert doc.text[row.start : row.end] == row.text
        for i in range(row.start, row.end):
            covered[i] += 1
    assert all(n == 1 or (n == 0 and doc.text[i].isspace()) for i, n in enumerate(covered))


def test_accepted_inputs_run_in_one_batch(accepted: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    result, out = accepted
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("case", ACCEPTED, ids=[c["input"] for c in ACCEPTED])
def test_accepted_input(
    case: dict[str, Any], inputs: Path, accepted: tuple[subprocess.CompletedProcess[str], Path]
) -> None:
    result, out = accepted
    assert result.returncode == 0, result.stderr
    report = Report.load(out)
    documents, sentences = report.documents.set_index("doc_id"), report.sentences
    name = case["input"]
    row = documents.loc[name]
    mine = sentences[sentences["doc_id"] == name]
    assert row["sentences"] == len(mine) == case["sentences"], case["why"]
    assert mine["sent_id"].tolist() == list(range(len(mine)))  # each sentence once, in order
    doc = read_file(inputs / name, name)
    _check_sentences(doc, mine)
    assert pd.isna(row["error"])
    if "encoding" in case:
        assert row["encoding"] == case["encoding"]
    if "label" in case:
        assert row["label"] == case["label"]
    if "message" in case:
        assert case["message"] in row["warnings"], row["warnings"]
    else:
        assert pd.isna(row["warnings"])
    if "languages" in case:
        assert mine["language"].tolist() == case["languages"]
        foreign = mine[mine["language"] != "fr"]
        assert (foreign["label"] == "not-french").all() and foreign["quality_score"].isna().all()
    if len(mine):
        assert mine["text"].str.len().max() <= segment.MAX_SENTENCE


@pytest.mark.parametrize("case", ALONE, ids=[c["input"] for c in ALONE])
def test_input_on_its_own(
    case: dict[str, Any], alone: dict[str, tuple[subprocess.CompletedProcess[str], Path]]
) -> None:
    result, out = alone[case["input"]]
    assert result.returncode == case["exit"], (case["why"], result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr  # one line: the error, or the one warning
    assert case["message"] in lines[0]
    if case["exit"] == 0:
        sentences = pd.read_json(out / "sentences.json", orient="records")
        assert len(sentences) == case["sentences"]
    else:
        assert not out.exists()  # refused before any work


def test_markup_stays_inert_in_the_html_report(
    accepted: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    _, out = accepted
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<script" not in page and 'href="javascript' not in page and 'onclick="' not in page
    assert "\x00" not in page and "Le Kremlin␀ a parlé." in page  # a kept NUL shows as its picture


def test_long_line_is_segmented_fast(inputs: Path) -> None:
    # 200,000 characters, no punctuation: bounded pieces at spaces, linear time
    text = (inputs / "long_line.txt").read_text(encoding="utf-8")
    started = time.perf_counter()
    sentences = segment.segment(Document("long", text))
    seconds = time.perf_counter() - started
    print(f"\n200,000-character line segmented in {seconds:.2f} s into {len(sentences)} sentences")
    assert len(text) == 200_000 and len(sentences) == 201
    assert all(len(s.text) <= segment.MAX_SENTENCE for s in sentences)
    assert seconds < 15  # about 0.5 s here; pySBD on the whole line took minutes


def test_default_detectors_survive_every_accepted_input(inputs: Path) -> None:
    # the real detectors (spaCy parse, lexicon, numbers, structure, Grammalecte when installed)
    # on every accepted input: no document error, every issue slices its document
    paths = [inputs / c["input"] for c in ACCEPTED if not c.get("big")]
    report = mt_check.check(paths, bt_model=None, rt_model=None, cache=False)
    assert report.documents["error"].isna().all(), report.documents["error"].dropna().tolist()
    texts = {p.name: read_file(p, p.name).text for p in paths}
    for issue in report.issues.itertuples():
        assert texts[issue.doc_id][issue.start : issue.end] == issue.span
