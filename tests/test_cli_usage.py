"""The command line as its users expect it: strict and clear on bad input, quiet, pipeable
(stdin, the linter-style `check`, JSON Lines), 1-based positions, plurals, config files; and the
explicit Python entry points check_texts / check_files. Subprocesses, offline, fast detectors."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import mt_check
from mt_check.types import InputError

# Each test runs mt-check as a subprocess (seconds each): CI runs them, `-m "not slow"` skips them.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
# Two two-digit years (NUMBER-TRUNCATED-YEAR, minor) on lines 2 and 3: "63" at column 30, "72" at 20.
YEARS = (
    "La crise de 1962 a tout changé.\nElles ont été construites en 63 pour réduire.\n"
    "Ils sont partis en 72, puis revenus.\n"
)
FAST = ("--no-models", "--detectors", "numbers", "--no-cache")
NOT_USED = "models not used: evaluation runs offline unless --bt-model/--rt-model are given"


def run(
    *args: str, home: Path, cwd: Path = ROOT, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    # An empty Hugging Face cache and no hub, as on CI; stdin and stderr are pipes (non-interactive).
    env = dict(os.environ, HF_HOME=str(home / "hf"), HF_HUB_OFFLINE="1", MT_CHECK_CACHE=str(home / "cache"))
    return subprocess.run(
        [sys.executable, "-m", "mt_check.cli", *args],
        capture_output=True, text=True, env=env, cwd=cwd, timeout=600, input=stdin,
    )  # fmt: skip


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


@pytest.fixture()
def years(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(YEARS, encoding="utf-8")
    return path


# -- fail fast, fail clearly ------------------------------------------------------------------------


def _not_marian(tmp_path: Path) -> str:
    directory = tmp_path / "bert"
    directory.mkdir()
    (directory / "config.json").write_text('{"model_type": "bert"}', encoding="utf-8")
    return str(directory)


@pytest.mark.parametrize(
    ("option", "model", "message"),
    [
        # a typed path that does not exist: an error, without the download hint
        ("--bt-model", "/no/such/model", "error: --bt-model /no/such/model: no such model directory"),
        # a directory that holds no model
        ("--rt-model", "EMPTY", "--rt-model EMPTY: not a MarianMT model directory (no config.json)"),
        # a model of another architecture
        ("--bt-model", "BERT", "--bt-model BERT: a 'bert' model, not MarianMT"),
        # a hub id whose OPUS-MT name says it goes the wrong way
        (
            "--bt-model", "Helsinki-NLP/opus-mt-en-fr",
            "--bt-model Helsinki-NLP/opus-mt-en-fr translates English→French (from its name); "
            "--bt-model needs French→English",
        ),
    ],
)  # fmt: skip
def test_bad_model_exits_2_before_work(
    tmp_path: Path, years: Path, option: str, model: str, message: str
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    model = model.replace("EMPTY", str(empty)).replace("BERT", _not_marian(tmp_path))
    message = message.replace("EMPTY", str(empty)).replace("BERT", str(tmp_path / "bert"))
    result = run("report", str(years), "--out", str(tmp_path / "out"), option, model, home=tmp_path)
    assert result.returncode == 2
    line = one_line(result)
    assert message in line
    assert "models download" not in line
    assert not (tmp_path / "out").exists()  # refused before the check ran


def test_hub_id_missing_from_cache_keeps_the_download_hint(tmp_path: Path, years: Path) -> None:
    # a hub id (not a path) missing from the cache: the hint to download it is the fix
    result = run("report", str(years), "--out", str(tmp_path / "out"), "--detectors", "numbers",
                 "--require-models", "--bt-model", "Helsinki-NLP/opus-mt-fr-en", home=tmp_path)  # fmt: skip
    assert result.returncode == 2
    assert "run `mt-check models download`" in one_line(result)


def test_model_directions_checked_from_tokenizer_files(
    tmp_path: Path, years: Path, tiny_marian_fr_en: str, tiny_marian_en_fr: str
) -> None:
    out = str(tmp_path / "out")
    # a fr→en model given as the round-trip model
    wrong = run("report", str(years), "--out", out, "--bt-model", tiny_marian_fr_en,
                "--rt-model", tiny_marian_fr_en, home=tmp_path)  # fmt: skip
    assert wrong.returncode == 2
    assert one_line(wrong) == (
        f"mt-check: error: --rt-model {tiny_marian_fr_en} translates French→English "
        "(from tokenizer_config.json); --rt-model needs English→French"
    )
    # the two swapped: the message says which is which
    swapped = run("report", str(years), "--out", out, "--bt-model", tiny_marian_en_fr,
                  "--rt-model", tiny_marian_fr_en, home=tmp_path)  # fmt: skip
    assert swapped.returncode == 2
    assert one_line(swapped) == (
        f"mt-check: error: --bt-model and --rt-model are swapped: --bt-model {tiny_marian_en_fr} is "
        f"English→French and --rt-model {tiny_marian_fr_en} is French→English (from "
        "tokenizer_config.json); --bt-model needs French→English and --rt-model English→French"
    )


def test_out_validated_before_any_work(tmp_path: Path, years: Path) -> None:
    # --out an existing file: refused first (before the missing input is even looked at)
    existing = tmp_path / "file.txt"
    existing.write_text("x", encoding="utf-8")
    result = run("report", str(tmp_path / "missing.txt"), "--out", str(existing), *FAST, home=tmp_path)
    assert result.returncode == 2
    assert one_line(result) == f"mt-check: error: --out {existing}: exists and is not a directory"
    # --out below a file: it cannot be created
    below = existing / "report"
    result = run("report", str(years), "--out", str(below), *FAST, home=tmp_path)
    assert result.returncode == 2
    assert (
        one_line(result) == f"mt-check: error: --out {below}: cannot create it, {existing} is not a directory"
    )


def test_fail_on_says_why_it_exits_1(tmp_path: Path, years: Path) -> None:
    # exit 1 with one stderr line: how many issues, in how many sentences, and the first (1-based)
    result = run("report", str(years), "--out", str(tmp_path / "out"), *FAST, "--fail-on", "minor",
                 "--quiet", home=tmp_path)  # fmt: skip
    assert result.returncode == 1
    assert result.stdout == ""
    assert one_line(result) == (
        "mt-check: --fail-on minor: 2 issues at or above minor in 2 sentences; "
        "first: a.txt:2:30 NUMBER-TRUNCATED-YEAR"
    )
    # nothing at or above major: exit 0, nothing said
    calm = run("report", str(years), "--out", str(tmp_path / "out"), *FAST, "--fail-on", "major",
               "--quiet", home=tmp_path)  # fmt: skip
    assert (calm.returncode, calm.stderr) == (0, "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        # a negative count of worst sentences
        (["--top", "-3"], "mt-check: error: --top must be at least 0, got -3"),
        # a generation cap of 0, in CLI terms (not max_new_tokens)
        (["--max-new-tokens", "0"], "mt-check: error: --max-new-tokens must be at least 1, got 0"),
        # a batch size of 0
        (["--batch-size", "0"], "mt-check: error: --batch-size must be at least 1, got 0"),
    ],
)
def test_option_values_checked_in_cli_terms(
    tmp_path: Path, years: Path, args: list[str], message: str
) -> None:
    result = run("report", str(years), "--out", str(tmp_path / "out"), *args, home=tmp_path)
    assert result.returncode == 2
    assert one_line(result) == message


def test_check_refuses_a_missing_path_looking_string() -> None:
    # "dat/typo.txt" does not exist: an InputError, not the string checked as French
    with pytest.raises(InputError, match=r"'dat/typo.txt' looks like a file path, but there is no such"):
        mt_check.check(["dat/typo.txt"], bt_model=None, rt_model=None, detectors=[], cache=False)
    # a sentence is still text
    report = mt_check.check(["Bonjour."], bt_model=None, rt_model=None, detectors=[], cache=False)
    assert report.documents["doc_id"].tolist() == ["text-1"]


def test_check_texts_and_check_files_say_which_is_meant(tmp_path: Path) -> None:
    # check_texts: every string is text, even one that looks like a path
    report = mt_check.check_texts(["dat/typo.txt", "Bonjour."], bt_model=None, rt_model=None,
                                  detectors=[], cache=False)  # fmt: skip
    assert report.documents["doc_id"].tolist() == ["text-1", "text-2"]
    assert report.sentences["text"].tolist() == ["dat/typo.txt", "Bonjour."]
    # check_files: every item is a path; a missing one is an error
    (tmp_path / "a.txt").write_text("Bonjour.", encoding="utf-8")
    files = mt_check.check_files(
        [tmp_path / "a.txt"], bt_model=None, rt_model=None, detectors=[], cache=False
    )
    assert files.documents["doc_id"].tolist() == ["a.txt"]
    with pytest.raises(InputError, match="Bonjour: no such file or directory"):
        mt_check.check_files(["Bonjour"], bt_model=None, rt_model=None, detectors=[], cache=False)


# -- quiet, pipeable, conventional --------------------------------------------------------------------


def test_quiet_prints_nothing_not_even_the_model_warning(tmp_path: Path, years: Path) -> None:
    # the default models are not cached: normally one warning; --quiet: silence, exit 0
    result = run("report", str(years), "--out", str(tmp_path / "out"), "--detectors", "numbers",
                 "--quiet", home=tmp_path)  # fmt: skip
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    meta = json.loads((tmp_path / "out" / "meta.json").read_text(encoding="utf-8"))
    assert "Helsinki-NLP/opus-mt-fr-en" in meta["stages"]["back_translation"]  # still recorded


def test_no_library_progress_bars_when_not_interactive(
    tmp_path: Path, years: Path, tiny_marian_fr_en: str, tiny_marian_en_fr: str
) -> None:
    # stderr is a pipe: no "Loading weights" bar from transformers, nothing at all on stderr
    result = run("report", str(years), "--out", str(tmp_path / "out"), "--bt-model", tiny_marian_fr_en,
                 "--rt-model", tiny_marian_en_fr, "--beam", "1", "--max-new-tokens", "4",
                 "--detectors", "numbers", "--no-cache", home=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Loading weights" not in result.stderr
    assert result.stderr == ""


def test_dash_reads_standard_input(tmp_path: Path) -> None:
    # `cat a.txt | mt-check report - --out DIR`: one document, "stdin"
    result = run("report", "-", "--out", str(tmp_path / "out"), *FAST, "--quiet", home=tmp_path, stdin=YEARS)
    assert result.returncode == 0, result.stderr
    sentences = pd.read_json(tmp_path / "out" / "sentences.json", orient="records")
    assert sentences["doc_id"].unique().tolist() == ["stdin"]
    assert len(sentences) == 3


def test_check_prints_linter_lines_and_a_summary(tmp_path: Path, years: Path) -> None:
    # path:line:column (1-based, the path as given): severity CODE message -> suggestion; then a summary
    result = run("check", "a.txt", *FAST, home=tmp_path, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    message = "Year written with two digits; the document writes years in full (e.g. 1962)."
    assert result.stdout.splitlines() == [
        f"a.txt:2:30: minor NUMBER-TRUNCATED-YEAR {message} -> 1963",
        f"a.txt:3:20: minor NUMBER-TRUNCATED-YEAR {message} -> 1972",
        "2 issues (2 minor) in 2 of 3 sentences, 1 file",
    ]
    assert result.stderr == ""


def test_check_directory_stdin_and_fail_on(tmp_path: Path, years: Path) -> None:
    # a directory's files print as DIR/NAME, standard input as stdin; --fail-on exits 1 as report does
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "b.txt").write_text("Bonjour.", encoding="utf-8")
    result = run("check", "docs", "-", *FAST, "--fail-on", "minor", home=tmp_path, cwd=tmp_path, stdin=YEARS)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert [line.split(": ")[0] for line in lines[:-1]] == ["stdin:2:30", "stdin:3:20"]
    assert lines[-1] == "2 issues (2 minor) in 2 of 4 sentences, 2 files"
    assert one_line(result).startswith("mt-check: --fail-on minor: 2 issues at or above minor in 2 sentences")


def test_check_jsonl(tmp_path: Path, years: Path) -> None:
    # one JSON object per issue and nothing else on stdout
    result = run("check", str(years), *FAST, "--format", "jsonl", home=tmp_path)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["path"], r["line"], r["column"], r["code"], r["suggestion"], r["span"]) for r in records] == [
        (str(years), 2, 30, "NUMBER-TRUNCATED-YEAR", "1963", "63"),
        (str(years), 3, 20, "NUMBER-TRUNCATED-YEAR", "1972", "72"),
    ]
    assert (records[0]["end_line"], records[0]["end_column"], records[0]["sent_id"]) == (2, 32, 1)


def test_check_refuses_tables(tmp_path: Path) -> None:
    # a table given to check: said, not read as prose
    (tmp_path / "t.csv").write_text("text\nBonjour.\n", encoding="utf-8")
    result = run("check", str(tmp_path / "t.csv"), *FAST, home=tmp_path)
    assert result.returncode == 2
    assert "check reads text files; for tables use mt-check report --text-column" in one_line(result)


def test_summary_is_1_based_with_plurals(tmp_path: Path) -> None:
    # one sentence, one issue: singular nouns; the sentence and its line numbered from 1
    (tmp_path / "one.txt").write_text(
        "La crise de 1962 a tout changé, elles ont été construites en 63.", encoding="utf-8"
    )
    result = run("report", str(tmp_path / "one.txt"), "--out", str(tmp_path / "out"), *FAST, home=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("one.txt: 1 sentence, 1 issue (0 critical, 0 major, 1 minor), quality ")
    assert "one.txt, sentence 1 (line 1): La crise de 1962" in result.stdout
    assert "      minor    1:62 NUMBER-TRUNCATED-YEAR: «63» -> 1963" in lines
    assert lines[-1].startswith("Checked 1 document, 1 sentence in ")


def test_no_arguments_prints_the_help(tmp_path: Path) -> None:
    # `mt-check` alone: the help for users, exit 0
    result = run(home=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: mt-check")
    assert "Check machine-translated French sentence by sentence" in result.stdout
    assert "mt-check check *.txt" in result.stdout
    assert "thin layer" not in result.stdout


def test_models_without_an_action_prints_its_help(tmp_path: Path) -> None:
    # `mt-check models`: its help, not "the following arguments are required: models_command"
    result = run("models", home=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: mt-check models")
    assert "download" in result.stdout
    assert "models_command" not in result.stdout + result.stderr


def test_config_file_defaults_overridden_by_the_command_line(tmp_path: Path, years: Path) -> None:
    # mt-check.toml in the current directory sets detectors, fail-on, formats and min confidence
    (tmp_path / "mt-check.toml").write_text(
        'detectors = ["numbers"]\nfail-on = "minor"\nformats = ["json"]\nmin-confidence = 0.1\n',
        encoding="utf-8",
    )
    result = run("report", "a.txt", "--out", "out", "--no-models", "--quiet", home=tmp_path, cwd=tmp_path)
    assert result.returncode == 1  # fail-on minor, from the file
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.suffix == ".json") == [
        "documents.json", "issues.json", "meta.json", "sentences.json",
    ]  # fmt: skip
    assert not list((tmp_path / "out").glob("*.csv"))
    meta = json.loads((tmp_path / "out" / "meta.json").read_text(encoding="utf-8"))
    assert meta["cli"]["config"] == {
        "file": str(tmp_path / "mt-check.toml"),
        "values": {"detectors": ["numbers"], "fail-on": "minor", "formats": ["json"], "min-confidence": 0.1},
    }
    assert (meta["cli"]["fail_on"], meta["cli"]["formats"]) == ("minor", ["json"])
    assert meta["settings"]["detectors"] == ["numbers"]
    assert meta["settings"]["min_confidence"] == 0.1
    # the command line wins
    again = run("report", "a.txt", "--out", "out2", "--no-models", "--quiet", "--fail-on", "critical",
                "--format", "csv", home=tmp_path, cwd=tmp_path)  # fmt: skip
    assert again.returncode == 0
    assert (tmp_path / "out2" / "issues.csv").exists() and not (tmp_path / "out2" / "issues.json").exists()


def test_pyproject_table_and_config_option(tmp_path: Path, years: Path) -> None:
    # [tool.mt-check] in ./pyproject.toml is read; --config FILE picks another file
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.mt-check]\ndetectors = "numbers"\nfail-on = "minor"\n', encoding="utf-8"
    )
    found = run("check", "a.txt", "--no-models", "--no-cache", "--quiet", home=tmp_path, cwd=tmp_path)
    assert found.returncode == 1
    assert len(found.stdout.splitlines()) == 2  # the two years, numbers only
    other = tmp_path / "strict.toml"
    other.write_text('fail-on = "critical"\ndetectors = ["numbers"]\n', encoding="utf-8")
    picked = run("check", "a.txt", "--no-models", "--no-cache", "--quiet", "--config", str(other),
                 home=tmp_path, cwd=tmp_path)  # fmt: skip
    assert picked.returncode == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        # a key mt-check does not know: a usage error naming the file and the known keys
        (
            'fail_on = "major"\n',
            "unknown key 'fail_on' in mt-check.toml (known: detectors, detector-options, ",
        ),
        # a value of the wrong kind
        ("min-confidence = 2\n", "min-confidence: expected a number between 0 and 1, got 2"),
        # not TOML at all
        ("detectors = [\n", "not valid TOML"),
    ],
)
def test_bad_config_exits_2(tmp_path: Path, years: Path, content: str, message: str) -> None:
    (tmp_path / "mt-check.toml").write_text(content, encoding="utf-8")
    result = run("report", "a.txt", "--out", "out", *FAST, home=tmp_path, cwd=tmp_path)
    assert result.returncode == 2
    assert message in one_line(result)


def test_evaluate_without_models_says_they_were_not_used(tmp_path: Path) -> None:
    # not "disabled by the user": the user disabled nothing
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a", "text": "Bonjour.", "errors": []}) + "\n", encoding="utf-8")
    result = run("evaluate", str(gold), "--detectors", "numbers", home=tmp_path)
    assert result.returncode == 0, result.stderr
    stages = json.loads(result.stdout)["stages"]
    assert stages["back_translation"] == f"skipped: {NOT_USED}"
    assert "disabled by the user" not in result.stdout


# -- fresh machines: .ci/install-torch -------------------------------------------------------------------

FAKE_PYTHON = """#!/usr/bin/env bash
# Stands for a venv's python: logs pip calls; torch imports when $TORCH_INSTALLED is set;
# `pip download` finds a local wheel when $LOCAL_WHEEL is set.
echo "$*" >> "$LOG"
if [[ "$1" == "-c" ]]; then [[ -n "${TORCH_INSTALLED:-}" ]]; exit; fi
if [[ "$3" == "--disable-pip-version-check" && "$4" == "download" ]]; then
  [[ -n "${LOCAL_WHEEL:-}" ]] || exit 1
  dest=""; prev=""
  for a in "$@"; do [[ "$prev" == "--dest" ]] && dest="$a"; prev="$a"; done
  touch "$dest/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl"
fi
exit 0
"""


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        # torch imports already: pip is not called
        ({"TORCH_INSTALLED": "1"}, ["-c import torch"]),
        # pip finds a local wheel (find-links): that file is installed
        ({"LOCAL_WHEEL": "1"}, ["-c import torch", "download", "install -q WHEEL"]),
        # nothing local: PyTorch's CPU index, never plain PyPI
        ({}, ["-c import torch", "download",
              "install -q --index-url https://download.pytorch.org/whl/cpu torch==2.13.0"]),
    ],
)  # fmt: skip
def test_ci_installs_the_cpu_build_of_torch(tmp_path: Path, env: dict[str, str], expected: list[str]) -> None:
    python = tmp_path / "python"
    python.write_text(FAKE_PYTHON, encoding="utf-8")
    python.chmod(0o755)
    log = tmp_path / "log"
    clean = {k: v for k, v in os.environ.items() if k not in ("TORCH_INSTALLED", "LOCAL_WHEEL")}
    result = subprocess.run(
        ["bash", str(ROOT / ".ci" / "install-torch"), str(python)],
        capture_output=True, text=True, env={**clean, **env, "LOG": str(log)}, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert [_call(line) for line in log.read_text().splitlines()] == expected


def _call(line: str) -> str:
    """A logged call, shortened: no pip prefix, download's options and a wheel's path elided."""
    call = line.replace("-m pip --disable-pip-version-check ", "")
    return "download" if call.startswith("download") else re.sub(r"/\S+\.whl$", "WHEEL", call)
