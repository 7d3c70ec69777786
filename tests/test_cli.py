"""The mt-check command as a user runs it: a subprocess, offline, on the sample article."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "kremlin_hotline_fr.txt"


def run(*args: str, hf_home: Path) -> subprocess.CompletedProcess[str]:
    # An empty Hugging Face cache and no hub: exactly the situation of this machine and CI.
    env = dict(os.environ, HF_HOME=str(hf_home), HF_HUB_OFFLINE="1", MT_CHECK_CACHE=str(hf_home / "cache"))
    return subprocess.run(
        [sys.executable, "-m", "mt_check.cli", *args],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=600,
    )  # fmt: skip


@pytest.fixture(scope="module")
def offline_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path_factory.mktemp("report")
    result = run("report", str(SAMPLE), "--out", str(out), hf_home=out / "hf")
    return result, out


@pytest.mark.slow  # a subprocess or worker-process run: CI runs it, day-to-day runs skip it
def test_offline_report_runs_and_warns_once(
    offline_report: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    result, out = offline_report
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(warnings) == 1, result.stderr
    assert "Helsinki-NLP/opus-mt-fr-en" in warnings[0]
    assert "mt-check models download" in warnings[0]
    assert "Traceback" not in result.stderr
    assert "Worst sentences:" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("Checked 1 document, 14 sentences in ")


def test_offline_report_tables(offline_report: tuple[subprocess.CompletedProcess[str], Path]) -> None:
    _, out = offline_report
    text = SAMPLE.read_text(encoding="utf-8")
    sentences = pd.read_json(out / "sentences.json", orient="records")
    issues = pd.read_csv(out / "issues.csv", keep_default_na=False)
    # every sentence of the article exactly once, offsets slicing the document
    assert len(sentences) == 14
    assert sentences["sent_id"].tolist() == list(range(14))
    assert all(text[r.start : r.end] == r.text for r in sentences.itertuples())
    assert all(text[r.start : r.end] == r.span for r in issues.itertuples())
    elision = issues[issues["span"] == "laescalade"]
    assert elision["suggestion"].tolist() == ["l’escalade"]
    assert elision["code"].tolist() == ["SPELLING-MERGED-ELISION"]
    # the models did not run: their columns are empty, and meta says why
    assert sentences["back_translation"].isna().all()
    meta = json.loads((out / "meta.json").read_text())
    assert meta["stages"]["back_translation"].startswith("skipped: ")
    assert "Helsinki-NLP/opus-mt-fr-en" in meta["stages"]["back_translation"]
    assert meta["stages"]["segmentation"] == "ran"


@pytest.mark.slow  # a subprocess or worker-process run: CI runs it, day-to-day runs skip it
def test_report_with_tiny_local_models(
    tmp_path: Path, tiny_marian_fr_en: str, tiny_marian_en_fr: str
) -> None:
    out = tmp_path / "out"
    args = (
        "report", str(SAMPLE), "--bt-model", tiny_marian_fr_en, "--rt-model", tiny_marian_en_fr,
        "--max-new-tokens", "12", "--beam", "2", "--require-models",
    )  # fmt: skip
    result = run(*args, "--out", str(out), hf_home=tmp_path / "hf")
    assert result.returncode == 0, result.stderr
    sentences = pd.read_json(out / "sentences.json", orient="records")
    assert len(sentences) == 14
    for column in ("back_translation", "round_trip", "bt_logprob", "fd_logprob", "least_likely",
                   "rt_chrf", "rt_bleu", "rt_ter"):  # fmt: skip
        assert sentences[column].notna().all(), column
    meta = json.loads((out / "meta.json").read_text())
    assert meta["stages"]["back_translation"] == "ran"
    assert meta["stages"]["forced_decoding"] == "ran"
    assert tiny_marian_fr_en in meta["signature"]
    assert meta["stages"]["translation_cache"]["translated"] == 14

    # the same command again: every sentence comes from the cache, and the tables are identical
    again = run(*args, "--out", str(tmp_path / "again"), hf_home=tmp_path / "hf")
    assert again.returncode == 0, again.stderr
    meta = json.loads((tmp_path / "again" / "meta.json").read_text())
    assert meta["stages"]["translation_cache"]["from_cache"] == 14
    assert meta["stages"]["translation_cache"]["translated"] == 0
    pd.testing.assert_frame_equal(pd.read_json(tmp_path / "again" / "sentences.json"), sentences)


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        # a missing input file
        (["report", "no/such/file.txt", "--out", "x"], "no/such/file.txt: no such file or directory"),
        # a required option missing
        (["report", str(SAMPLE)], "the following arguments are required: --out"),
        # an unknown detector
        (
            ["report", str(SAMPLE), "--out", "x", "--detectors", "nope", "--no-models"],
            "unknown detector(s) nope",
        ),
        # a model that cannot be loaded, when models are required
        (["report", str(SAMPLE), "--out", "x", "--require-models", "--bt-model", "/no/model"], "/no/model"),
        # a bad beam size
        (["report", str(SAMPLE), "--out", "x", "--beam", "0"], "beam must be at least 1, got 0"),
        # no worker processes
        (["report", str(SAMPLE), "--out", "x", "--jobs", "0"], "jobs must be at least 1, got 0"),
    ],
)
def test_usage_errors_exit_2_with_one_line(tmp_path: Path, args: list[str], fragment: str) -> None:
    result = run(*args, hf_home=tmp_path / "hf")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert fragment in lines[0]


@pytest.mark.parametrize("command", [[], ["report"], ["evaluate"], ["models"], ["models", "download"]])
def test_help_on_every_command(tmp_path: Path, command: list[str]) -> None:
    result = run(*command, "--help", hf_home=tmp_path / "hf")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: mt-check")


@pytest.mark.slow  # a subprocess or worker-process run: CI runs it, day-to-day runs skip it
def test_fail_on_exit_code(tmp_path: Path) -> None:
    # the article has a major issue (laescalade): --fail-on major exits 1, --fail-on critical 0
    # unless something critical is found
    out = tmp_path / "o"
    major = run(
        "report", str(SAMPLE), "--out", str(out), "--no-models", "--fail-on", "major", hf_home=tmp_path
    )
    assert major.returncode == 1
    issues = pd.read_csv(out / "issues.csv")
    critical = run("report", str(SAMPLE), "--out", str(out), "--no-models", "--fail-on", "critical",
                   hf_home=tmp_path)  # fmt: skip
    assert critical.returncode == (1 if (issues["severity"] == "critical").any() else 0)
