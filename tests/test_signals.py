"""Stopping a --jobs run with a signal sent to its whole process group (what `timeout`, docker
and systemd do, and Ctrl-C in a terminal): a clean exit, no process left behind, and the same
command resumes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")]

MT_CHECK = str(Path(sys.executable).with_name("mt-check"))


def _group(pgid: int) -> list[str]:
    """The processes of a process group, zombies included ("pid state cmdline")."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:  # ended meanwhile
            continue
        if int(fields[2]) == pgid:
            found.append(f"{entry.name} {fields[0]} {cmdline[:120]}")
    return found


def _workers_busy(pgid: int) -> bool:
    return sum("spawn_main" in p for p in _group(pgid)) >= 2


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("signals") / "in"
    folder.mkdir()
    for i in range(160):
        (folder / f"doc{i:03d}.txt").write_text(
            f"Le rapport numéro {i} décrit les travaux de la commission régionale. "
            f"Les élus ont voté le budget de l'année {1990 + i % 30} après un long débat.\n",
            encoding="utf-8",
        )
    return folder


@pytest.mark.parametrize(
    ("sig", "code", "said"),
    [
        (signal.SIGTERM, 143, "mt-check: terminated"),  # timeout, docker stop, systemd
        (signal.SIGINT, 130, "mt-check: interrupted"),  # Ctrl-C in a terminal
    ],
)
def test_signal_to_the_process_group_stops_a_jobs_run_cleanly(
    corpus: Path, tmp_path: Path, sig: signal.Signals, code: int, said: str
) -> None:
    # Pins: the exit code within 10 s, one line on stderr (no thread traceback), no worker,
    # zombie or resource tracker left in the group, and the same command then finishes.
    env = dict(os.environ, HF_HUB_OFFLINE="1", MT_CHECK_CACHE=str(tmp_path / "cache"))
    command = [MT_CHECK, "report", str(corpus), "--out", str(tmp_path / "out"), "--no-models",
               "--jobs", "2"]  # fmt: skip
    run = subprocess.Popen(command, start_new_session=True, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 120
        while not _workers_busy(run.pid) and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert run.poll() is None, "the run ended before the signal: make the corpus larger"
        time.sleep(1.5)  # the workers are loading or checking
        os.killpg(run.pid, sig)
        sent = time.monotonic()
        returncode = run.wait(timeout=10)
        took = time.monotonic() - sent
        stderr = run.stderr.read() if run.stderr else ""
        time.sleep(0.5)
        left = _group(run.pid)
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
    assert (returncode, took < 10) == (code, True)
    assert stderr.strip().splitlines()[-1].startswith(said)
    assert "Traceback" not in stderr and "Exception in thread" not in stderr
    assert left == []
    again = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "out" / "meta.json").is_file()


def _die(checker: object, item: object) -> None:
    os._exit(1)


def test_a_worker_that_dies_is_a_clear_error_and_the_next_run_starts_new_workers() -> None:
    # Pins: a worker killed under a run (the OOM killer, kill -9) gives MtCheckError, not a hang
    # or a BrokenProcessPool traceback; the same Checker then works with fresh workers.
    from mt_check.pipeline import Checker
    from mt_check.types import Document, MtCheckError

    with Checker(bt_model=None, rt_model=None, cache=False, detectors=["numbers"], jobs=2) as checker:
        with pytest.raises(MtCheckError, match="a worker process died"):
            list(checker._executor_for([1, 1]).map(_die, [1, 1]))  # each worker exits at once
        report = checker.run([Document("a", "Créée en 63."), Document("b", "Rien.")])
    assert report.sentences["doc_id"].tolist() == ["a", "b"]
