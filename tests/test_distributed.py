"""mt_check.distributed on a LocalCluster of 2 worker processes (loopback only): the same three
tables as a local run, a failing document contained, a killed worker losing and duplicating
nothing, the lazy and Parquet outputs, and the CLI's --scheduler (and no Dask without it)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("distributed")

import cloudpickle  # noqa: E402  (comes with distributed)
import dask.bag as db  # noqa: E402
import dask.dataframe as dd  # noqa: E402
from distributed import Client  # noqa: E402

from mt_check import distributed as mdist  # noqa: E402
from mt_check import segment  # noqa: E402
from mt_check.cli import main  # noqa: E402
from mt_check.io import Columns, load  # noqa: E402
from mt_check.pipeline import Checker  # noqa: E402
from mt_check.report import Report  # noqa: E402
from mt_check.types import Document, InputError  # noqa: E402

pytestmark = pytest.mark.slow  # starts Dask clusters

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO / "data" / "kremlin_hotline_fr.txt"
TABLES = ("documents", "sentences", "issues")


def _sorted(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    keys = {"documents": ["doc_id"], "sentences": ["doc_id", "sent_id"]}.get(
        name, ["doc_id", "sent_id", "start", "end", "code"]
    )
    return frame.sort_values(keys, kind="stable", ignore_index=True)


def assert_same_tables(got: Report | dict[str, pd.DataFrame], want: Report) -> None:
    for name in TABLES:
        left = got[name] if isinstance(got, dict) else getattr(got, name)
        pd.testing.assert_frame_equal(_sorted(left, name), _sorted(getattr(want, name), name))


def _generated_batch(n: int, lines_per_doc: int = 3) -> list[Document]:
    """``n`` documents cut from the article's paragraphs, each with its own number (so that the
    numbers detector and deduplication both have work) and one sentence shared by all."""
    lines = [line for line in ARTICLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = []
    for k in range(n):
        picked = [lines[(k + j) % len(lines)] for j in range(lines_per_doc)]
        picked.append(f"Le rapport numéro {k + 1} a été publié en {1990 + k}.")
        docs.append(Document(f"gen/{k:02d}.txt", "\n".join(picked)))
    return docs


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    # The CLI's local:2: two single-threaded worker processes on the loopback interface.
    with mdist.connect("local:2") as client:
        yield client


@pytest.fixture(scope="module")
def model_checker(tiny_marian_fr_en: str, tiny_marian_en_fr: str) -> Checker:
    """Tiny local models, no cache, the default detectors (random weights run to the length cap:
    a small one keeps the cluster tests quick)."""
    return Checker(
        bt_model=tiny_marian_fr_en,
        rt_model=tiny_marian_en_fr,
        beam=2,
        max_new_tokens=24,
        cache=False,
        progress=False,
    )


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    """The sample article, a blank document and a small generated batch."""
    return [*load([ARTICLE]), Document("blank.txt", "  \n"), *_generated_batch(6)]


@pytest.fixture(scope="module")
def local_report(model_checker: Checker, documents: list[Document]) -> Report:
    return model_checker.run(documents)


def test_cluster_run_equals_local_run(
    client: Client, model_checker: Checker, documents: list[Document], local_report: Report
) -> None:
    # Small partitions: several per worker, so both workers take part and results are stacked.
    report = mdist.run(model_checker, documents, client, partition_chars=1500)
    assert report.meta["distributed"]["partitions"] > 2
    assert report.meta["distributed"]["workers"] == 2
    for name in TABLES:  # same rows in the same order, not only after sorting
        pd.testing.assert_frame_equal(getattr(report, name), getattr(local_report, name))
    assert report.meta["signature"] == local_report.meta["signature"]
    assert report.meta["stages"]["back_translation"] == "ran"
    assert report.sentences["back_translation"].notna().all()
    # Each worker process built one Checker and loaded each model once.
    loaded = client.run(
        lambda: (len(mdist._CHECKERS), len(__import__("mt_check.translate").translate._CACHE))
    )
    assert sorted(loaded.values()) == [(1, 2), (1, 2)]


def test_shared_and_per_worker_caches(client: Client, model_checker: Checker, tmp_path: Path) -> None:
    docs = _generated_batch(4)
    cached = Checker(**{**mdist.settings(model_checker), "cache": True, "cache_dir": tmp_path / "shared"})
    first = mdist.run(cached, docs, client, partition_chars=400)
    again = mdist.run(cached, docs, client, partition_chars=400)
    assert first.meta["stages"]["translation_cache"]["translated"] > 0
    assert again.meta["stages"]["translation_cache"]["translated"] == 0  # all from the shared cache
    assert_same_tables(again, first)

    per_worker = Checker(**{**mdist.settings(model_checker), "cache": True, "cache_dir": tmp_path / "own"})
    report = mdist.run(per_worker, docs, client, partition_chars=400, worker_cache=mdist.PER_WORKER)
    assert_same_tables(report, first)
    caches = sorted(p.parent.name for p in (tmp_path / "own" / "workers").glob("*/translations.sqlite3"))
    assert len(caches) == 2 and not (tmp_path / "own" / "translations.sqlite3").exists()


def _break_segmentation() -> None:
    """Run in the workers: segmenting a document that says PANNE raises."""
    import mt_check.segment as module

    original = module.segment

    def failing(document):  # type: ignore[no-untyped-def]
        if "PANNE" in document.text:
            raise RuntimeError("segmenter crashed on purpose")
        return original(document)

    failing.original = original  # type: ignore[attr-defined]
    module.segment = failing


def _restore_segmentation() -> None:
    import mt_check.segment as module

    module.segment = getattr(module.segment, "original", module.segment)


@pytest.fixture
def broken_workers(client: Client) -> Iterator[None]:
    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the workers cannot import tests/
    client.run(_break_segmentation)
    try:
        yield
    finally:
        client.run(_restore_segmentation)
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])


def test_failing_document_is_reported_and_the_rest_completes(
    client: Client,
    broken_workers: None,
    documents: list[Document],
    local_report: Report,
    model_checker: Checker,
) -> None:
    bad = Document("panne.txt", "Une PANNE ici. Une phrase de plus.")
    docs = [*documents[:3], bad, *documents[3:]]
    report = mdist.run(model_checker, docs, client, partition_chars=10**6)  # one partition for all
    row = report.documents.set_index("doc_id").loc["panne.txt"]
    assert row["error"] == "RuntimeError: segmenter crashed on purpose"
    assert pd.isna(row["quality_score"]) and pd.isna(row["label"])
    assert "panne.txt" not in set(report.sentences["doc_id"])
    # The other documents: exactly the rows of the local run, in order.
    others = report.documents[report.documents["doc_id"] != "panne.txt"].reset_index(drop=True)
    pd.testing.assert_frame_equal(others, local_report.documents)
    pd.testing.assert_frame_equal(report.sentences, local_report.sentences)
    pd.testing.assert_frame_equal(report.issues, local_report.issues)


def test_killed_worker_loses_and_duplicates_nothing(client: Client, model_checker: Checker) -> None:
    docs = _generated_batch(40, lines_per_doc=4)
    expected = [(s.doc_id, s.sent_id, s.text) for d in docs for s in segment.segment(d)]
    pids = client.run(os.getpid)
    victim = sorted(pids)[0]
    result: dict[str, object] = {}

    def work() -> None:
        try:
            result["report"] = mdist.run(model_checker, docs, client, partition_chars=1)  # a task per doc
        except BaseException as err:  # noqa: BLE001 - handed to the test thread
            result["error"] = err

    runner = threading.Thread(target=work)
    runner.start()
    deadline = time.monotonic() + 60
    killed = False
    while time.monotonic() < deadline and not killed:
        processing = client.processing()
        done = sum(1 for f in client.who_has().values() if f)
        if processing.get(victim) and done >= 2:  # it is working on a task, and results exist
            os.kill(pids[victim], signal.SIGKILL)
            killed = True
        time.sleep(0.05)
    runner.join(timeout=240)
    assert killed, "the run finished before a worker could be killed"
    assert "error" not in result, result.get("error")
    report = result["report"]
    assert isinstance(report, Report)
    got = list(report.sentences[["doc_id", "sent_id", "text"]].itertuples(index=False, name=None))
    assert got == expected  # every sentence exactly once, in input order
    assert list(report.documents["doc_id"]) == [d.id for d in docs]
    assert report.documents["error"].isna().all()
    assert pids[victim] not in client.run(os.getpid).values()  # the nanny restarted it: a new process


def test_lazy_tables_from_a_bag_and_a_dataframe(
    client: Client, model_checker: Checker, documents: list[Document], local_report: Report
) -> None:
    bag = db.from_sequence(documents, npartitions=3)
    lazy = mdist.tables(model_checker, bag)
    assert lazy.sentences.npartitions == 3
    got = dict(
        zip(TABLES, client.compute([lazy.documents, lazy.sentences, lazy.issues], sync=True), strict=True)
    )
    assert_same_tables(got, local_report)

    # A Dask DataFrame with text and id columns: ids from the id column.
    rows = [d for d in documents if d.text.strip()][:3]
    frame = pd.DataFrame({"key": [d.id for d in rows], "fr": [d.text for d in rows]})
    table = dd.from_pandas(frame, npartitions=2)
    report = mdist.run(model_checker, table, client, columns=Columns(text="fr", id="key"))
    assert list(report.documents["doc_id"]) == list(frame["key"])
    # (a DataFrame cell has no file encoding: compare with documents that have none either)
    want = model_checker.run([Document(d.id, d.text) for d in rows])
    assert_same_tables(report, want)

    # An empty text cell is an input error naming the row and the column, as for a local table.
    blank = dd.from_pandas(pd.DataFrame({"key": ["a", "b"], "fr": ["Il pleut.", "  "]}), npartitions=1)
    with pytest.raises(InputError, match=r"^row b, column 'fr': empty text cell$"):
        mdist.run(model_checker, blank, client, columns=Columns(text="fr", id="key"))


def test_parquet_directories(client: Client, model_checker: Checker, tmp_path: Path) -> None:
    docs = _generated_batch(5)
    meta = mdist.to_parquet(model_checker, docs, tmp_path / "out", client, partition_chars=300)
    assert (
        json.loads((tmp_path / "out" / "meta.json").read_text(encoding="utf-8"))["signature"]
        == meta["signature"]
    )
    want = model_checker.run(docs)
    got = {name: pd.read_parquet(tmp_path / "out" / name) for name in TABLES}
    assert len(list((tmp_path / "out" / "sentences").glob("part.*.parquet"))) == 5
    assert_same_tables(got, want)


def test_cli_with_a_running_scheduler(client: Client, tmp_path: Path) -> None:
    common = ["report", str(ARTICLE), "--no-models", "--no-cache", "--quiet", "--format", "json"]
    assert main([*common, "--out", str(tmp_path / "local")]) == 0
    assert main([*common, "--out", str(tmp_path / "dask"), "--scheduler", client.scheduler.address]) == 0
    assert_same_tables(Report.load(tmp_path / "dask"), Report.load(tmp_path / "local"))


def test_cli_local_cluster(tmp_path: Path) -> None:
    """local:N starts its own cluster (the numbers detector alone keeps the workers light)."""
    args = ["report", str(ARTICLE), "--no-models", "--no-cache", "--quiet", "--detectors", "numbers"]
    assert main([*args, "--out", str(tmp_path / "local")]) == 0
    assert main([*args, "--out", str(tmp_path / "dask"), "--scheduler", "local:2"]) == 0
    saved = Report.load(tmp_path / "dask")
    assert saved.meta["distributed"]["workers"] == 2
    assert_same_tables(saved, Report.load(tmp_path / "local"))


@pytest.mark.parametrize(
    ("scheduler", "message"),
    [
        ("local:0", "needs at least one worker"),  # no workers is a usage error
        ("local:two", "write local:N"),  # N must be a number
    ],
)
def test_cli_bad_scheduler(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], scheduler: str, message: str
) -> None:
    args = ["report", str(ARTICLE), "--no-models", "--out", str(tmp_path), "--scheduler", scheduler]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1


def test_no_dask_without_scheduler(tmp_path: Path) -> None:
    """Neither the CLI's help nor a local report imports anything of Dask."""
    code = (
        "import sys\n"
        "from mt_check.cli import main\n"
        "try:\n    main(['report', '--help'])\nexcept SystemExit:\n    pass\n"
        f"rc = main(['report', {str(ARTICLE)!r}, '--out', {str(tmp_path)!r}, '--no-models', '--no-cache',"
        " '--quiet', '--detectors', 'numbers'])\n"
        "print(rc, sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "0 []"


def test_partitions_keep_input_order() -> None:
    docs = [Document(str(k), "x" * size) for k, size in enumerate([5, 5, 12, 1, 1, 1, 0])]
    parts = mdist.partition(docs, 10)
    assert [[d.id for d in p] for p in parts] == [["0", "1"], ["2"], ["3", "4", "5", "6"]]
    assert mdist.partition([], 10) == []
    with pytest.raises(InputError):
        mdist.partition(docs, 0)
