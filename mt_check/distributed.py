"""Running the checker on a Dask cluster: partitions of documents, one Checker per worker process.

Each task checks one partition with :meth:`Checker.run_isolated` and returns its Report; the
driver stacks the partitions' tables in input order, so the result equals a local
``Checker.run`` row for row. A worker keeps one Checker per settings (and thread) for its whole
life, and the models, the spaCy pipeline and the lexicon are cached per process by the modules
that load them: each worker process loads them once, on its first partition.

Failures stay inside a partition: a document that raises is reported in the documents table with
its ``error`` and the rest of the partition completes. A task is a pure function of its documents
and settings (the translation cache only ever stores what the models compute), so when a worker
dies Dask reruns its tasks elsewhere and no row is lost or counted twice; a partition that kills
workers until Dask gives up on it (``KilledWorker``) is rerun one document per task, and only the
document that keeps killing its worker is reported as failed.

Dask is imported only here; nothing else in mt-check imports this module.
"""

from __future__ import annotations

import json
import logging
import os
import re
import socket
import threading
import warnings
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import dask.bag as db
import dask.dataframe as dd
import pandas as pd
from dask.delayed import Delayed, delayed
from distributed import Client, LocalCluster, get_worker, wait
from distributed.scheduler import KilledWorker

from mt_check.cache import default_cache_dir
from mt_check.io import Columns, frame_documents
from mt_check.pipeline import Checker, ModelUnavailableWarning, merge_meta
from mt_check.report import Report, build_tables, concat
from mt_check.scoring import DEFAULT_WEIGHTS
from mt_check.types import MODEL_DISABLED, Document, InputError, Severity

SHARED, PER_WORKER = "shared", "per-worker"
WORKER_CACHES = (SHARED, PER_WORKER)
# About 150 sentences of news text: enough for full model batches, small enough to balance work
# over the workers and to make a rerun after a lost worker cheap.
DEFAULT_PARTITION_CHARS = 20_000


# -- connecting -------------------------------------------------------------------------------


@contextmanager
def connect(scheduler: str | Client) -> Iterator[Client]:
    """A Client for ``scheduler``: ``local:N`` starts N worker processes on this machine (loopback,
    one thread each, no dashboard) for the duration; any other string is the address of a running
    scheduler (``tcp://HOST:PORT``); a Client is used as it is."""
    if isinstance(scheduler, Client):
        yield scheduler
        return
    match = re.fullmatch(r"local:(\d+)", scheduler.strip())
    if match:
        workers = int(match.group(1))
        if workers < 1:
            raise InputError(f"--scheduler local:N needs at least one worker, got {workers}")
        with (
            LocalCluster(
                n_workers=workers,
                processes=True,
                threads_per_worker=1,
                dashboard_address=None,
                host="127.0.0.1",
                # Workers holding spaCy and the lexicon take seconds to exit; the nanny's warning
                # that it killed them after the run is noise.
                silence_logs=logging.ERROR,
            ) as cluster,
            Client(cluster) as client,
        ):
            yield client
        return
    if scheduler.startswith("local"):
        raise InputError(f"--scheduler {scheduler!r}: write local:N, N the number of worker processes")
    try:
        client = Client(scheduler, timeout="20s")
    except (OSError, TimeoutError, ValueError) as err:
        raise InputError(f"cannot reach the Dask scheduler at {scheduler} ({err})") from None
    with client:
        yield client


# -- the task run on workers ------------------------------------------------------------------


def settings(checker: Checker) -> dict[str, Any]:
    """The Checker's constructor arguments, as sent to the workers (no progress bars there)."""
    options = {f.name: getattr(checker, f.name) for f in fields(checker) if f.init}
    options["progress"] = False
    options["jobs"] = 1  # a Dask worker is already one of many processes
    options["weights"] = dict(options["weights"])
    if options["detectors"] is not None:
        options["detectors"] = list(options["detectors"])
    if options["cache_dir"] is not None:
        options["cache_dir"] = str(options["cache_dir"])
    return options


_CHECKERS: dict[tuple[str, int], Checker] = {}
_CHECKERS_LOCK = threading.Lock()


def _settings_key(options: Mapping[str, Any]) -> str:
    plain = {**options, "weights": {Severity(k).value: w for k, w in options["weights"].items()}}
    return json.dumps(plain, sort_keys=True, default=str)


def worker_checker(options: Mapping[str, Any], worker_cache: str = SHARED) -> Checker:
    """This process's Checker for ``options``, created on first use.

    One per thread as well: the SQLite cache connection belongs to the thread that opened it.
    The models, spaCy and the lexicon are shared by all of them (cached per process).
    """
    opts = dict(options)
    if worker_cache == PER_WORKER and opts.get("cache", True):
        opts["cache_dir"] = str(worker_cache_dir(opts.get("cache_dir")))
    key = (_settings_key(opts), threading.get_ident())
    with _CHECKERS_LOCK:
        if key not in _CHECKERS:
            _CHECKERS[key] = Checker(**opts)
        return _CHECKERS[key]


def worker_cache_dir(base: str | os.PathLike[str] | None) -> Path:
    """``BASE/workers/HOST-NAME``: a cache of this worker's own (its name survives restarts)."""
    try:
        name = str(get_worker().name)
    except ValueError:  # not in a worker
        name = str(os.getpid())
    label = re.sub(r"[^A-Za-z0-9._-]+", "_", f"{socket.gethostname()}-{name}")
    return Path(base or default_cache_dir()) / "workers" / label


def check_partition(
    documents: Sequence[Document], options: Mapping[str, Any], worker_cache: str = SHARED
) -> Report:
    """Check one partition on a worker (the task of the lazy graphs: tables(), to_parquet())."""
    return _check_documents(worker_checker(options, worker_cache), documents)


def _frame_documents(frame: pd.DataFrame, columns: Columns) -> list[Document]:
    """Documents from one pandas partition, read as a table file's rows are (io.frame_documents);
    a row is named by its id (the id column, else the 1-based row number of the index)."""
    if columns.id is not None:
        rows: list[object] = [str(value).strip() for value in frame[columns.id]]
    else:
        rows = []
        for index in frame.index:
            if not hasattr(index, "__index__"):  # int or numpy integer
                raise InputError(f"row {index!r}: without an id column the index must hold row numbers")
            rows.append(int(index) + 1)
    return frame_documents(frame, columns, rows=rows)


# -- partitions -------------------------------------------------------------------------------


def partition(
    documents: Sequence[Document], partition_chars: int = DEFAULT_PARTITION_CHARS
) -> list[list[Document]]:
    """Consecutive documents grouped up to about ``partition_chars`` characters (input order kept)."""
    if partition_chars < 1:
        raise InputError(f"partition size must be at least 1 character, got {partition_chars}")
    parts: list[list[Document]] = []
    size = 0
    for doc in documents:
        if not parts or (size + len(doc.text) > partition_chars and parts[-1]):
            parts.append([])
            size = 0
        parts[-1].append(doc)
        size += len(doc.text)
    return parts


Data = Sequence[Document] | db.Bag | dd.DataFrame


def _partitions(data: Data, columns: Columns | None, partition_chars: int) -> list[Any]:
    """One item per partition: a list of Documents, or a Delayed that computes one."""
    if isinstance(data, db.Bag):
        return list(data.to_delayed())
    if isinstance(data, dd.DataFrame):
        cols = columns or Columns(text="text")
        if cols.text is None:
            raise InputError("a DataFrame needs columns.text (the column with the French text)")
        missing = [c for c in (cols.text, cols.id, cols.source) if c is not None and c not in data.columns]
        if missing:
            raise InputError(f"no column(s) {', '.join(missing)}; columns are: {', '.join(data.columns)}")
        return [delayed(_frame_documents)(part, cols) for part in data.to_delayed()]
    return partition(list(data), partition_chars)


# -- collected: pandas ------------------------------------------------------------------------


def run(
    checker: Checker,
    documents: Data,
    scheduler: str | Client,
    *,
    columns: Columns | None = None,
    partition_chars: int = DEFAULT_PARTITION_CHARS,
    worker_cache: str = SHARED,
) -> Report:
    """Check ``documents`` on the cluster and collect the Report (pandas tables, input order).

    ``documents``: Documents (split into partitions of about ``partition_chars`` characters), a
    Dask bag of Documents, or a Dask DataFrame with the ``columns`` (text/id/source) of a table.
    ``worker_cache``: ``shared`` (every worker opens ``checker.cache_dir``) or ``per-worker``
    (``cache_dir/workers/HOST-NAME``, for network filesystems; see the README).
    """
    if worker_cache not in WORKER_CACHES:
        raise InputError(f"worker cache must be one of {', '.join(WORKER_CACHES)}, got {worker_cache!r}")
    options = settings(checker)
    parts = _partitions(documents, columns, partition_chars)
    with connect(scheduler) as client:
        if parts and all(isinstance(p, list) for p in parts):
            reports = _run_lists(client, checker, parts, options, worker_cache)
        else:
            tasks = [delayed(check_partition)(p, options, worker_cache) for p in parts]
            reports = list(client.gather(client.compute(tasks)))
        info = {
            "scheduler": client.scheduler.address if client.scheduler else str(scheduler),
            "workers": len(client.scheduler_info().get("workers", {})),
        }
    if not reports:
        reports = [checker.run([])]
    meta = merge_meta([r.meta for r in reports])
    meta["distributed"] = {**info, "partitions": len(parts), "worker_cache": worker_cache}
    _warn_model_errors(meta)
    return concat(reports, meta)


def _run_lists(
    client: Client,
    checker: Checker,
    parts: list[list[Document]],
    options: Mapping[str, Any],
    worker_cache: str,
) -> list[Report]:
    """The partitions on the cluster; one that keeps killing its workers (out of memory, say) is
    rerun one document per task, and a document that kills its worker again is reported failed."""
    executor = DaskExecutor(client, options, worker_cache)
    reports: list[Report] = []
    for part, outcome in zip(parts, executor.map(_check_documents, parts), strict=True):
        if not isinstance(outcome, WorkerLost):
            reports.append(outcome)
            continue
        alone = executor.map(_check_documents, [[doc] for doc in part])
        for doc, again in zip(part, alone, strict=True):
            if isinstance(again, WorkerLost):
                reports.append(checker.failed(doc, f"the worker process died checking it ({again.error})"))
            else:
                reports.append(again)
    return reports


@dataclass(frozen=True)
class WorkerLost:
    """The result of an item whose Dask worker died under it (KilledWorker)."""

    error: BaseException


class DaskExecutor:
    """:class:`mt_check.executors.Executor` on a Dask cluster: ``function(checker, item)`` runs on
    the workers with the Checker of ``options`` (:func:`worker_checker`, one per worker thread).
    An item whose worker died gives :class:`WorkerLost` in its place (the scheduler already
    retried it on other workers); any other error is raised. The client is the caller's."""

    def __init__(self, client: Client, options: Mapping[str, Any], worker_cache: str = SHARED) -> None:
        self._client, self._options, self._worker_cache = client, dict(options), worker_cache

    def map(self, function: Any, items: Sequence[Any]) -> Iterator[Any]:
        futures = self._client.map(
            _on_worker, list(items), function=function, options=self._options,
            worker_cache=self._worker_cache, pure=False,
        )  # fmt: skip
        wait(futures)
        for future in futures:
            if future.status == "finished":
                yield future.result()
                continue
            error = future.exception()
            if not isinstance(error, KilledWorker):
                future.result()  # raises it: a setting (require_models) or a bug outside any document
            yield WorkerLost(error)

    def close(self) -> None:
        pass

    def abort(self) -> None:
        pass


def _on_worker(item: Any, function: Any, options: Mapping[str, Any], worker_cache: str) -> Any:
    return function(worker_checker(options, worker_cache), item)


def _check_documents(checker: Checker, documents: Sequence[Document]) -> Report:
    """One partition's report; a document that raises is reported, not raised."""
    return checker.run_isolated(list(documents))


def _warn_model_errors(meta: Mapping[str, Any]) -> None:
    """The workers' model warnings, once, here (the workers' own go to their logs)."""
    for role, error in meta.get("model_errors", {}).items():
        if error != MODEL_DISABLED:
            warnings.warn(f"{role} skipped: {error}", ModelUnavailableWarning, stacklevel=3)


def check(
    documents: Data,
    *,
    scheduler: str | Client,
    columns: Columns | None = None,
    partition_chars: int = DEFAULT_PARTITION_CHARS,
    worker_cache: str = SHARED,
    **options: Any,
) -> Report:
    """:func:`mt_check.check` on a cluster; ``options`` are :class:`Checker` fields."""
    checker = Checker(**options)
    return run(
        checker, documents, scheduler, columns=columns, partition_chars=partition_chars,
        worker_cache=worker_cache,
    )  # fmt: skip


# -- lazy: Dask DataFrames and Parquet --------------------------------------------------------


@dataclass(frozen=True)
class Tables:
    """The three report tables as Dask DataFrames (one partition per input partition) and the
    run's meta as a Delayed dict. Compute them together: each partition is checked once."""

    documents: dd.DataFrame
    sentences: dd.DataFrame
    issues: dd.DataFrame
    meta: Delayed


def _empty_tables() -> Report:
    return Report(*build_tables([], {}, [], DEFAULT_WEIGHTS))


def tables(
    checker: Checker,
    documents: Data,
    *,
    columns: Columns | None = None,
    partition_chars: int = DEFAULT_PARTITION_CHARS,
    worker_cache: str = SHARED,
) -> Tables:
    """The report tables as lazy Dask DataFrames: nothing runs until they are computed."""
    options = settings(checker)
    parts = _partitions(documents, columns, partition_chars)
    if not parts:
        parts = [[]]
    reports = [delayed(check_partition, pure=True)(p, options, worker_cache) for p in parts]
    empty = _empty_tables()
    frames = {
        name: dd.from_delayed(
            [getattr(r, name) for r in reports], meta=getattr(empty, name), verify_meta=False
        )
        for name in ("documents", "sentences", "issues")
    }
    meta = delayed(merge_meta)([r.meta for r in reports])
    return Tables(frames["documents"], frames["sentences"], frames["issues"], meta)


TABLES = ("documents", "sentences", "issues")


def write_partition(
    documents: Sequence[Document],
    options: Mapping[str, Any],
    worker_cache: str,
    directory: str,
    index: int,
) -> dict[str, Any]:
    """Check one partition and write its tables as ``DIR/TABLE/part.NNNNN.parquet``; return its
    meta. Each file is written under a temporary name and moved into place, so a rerun of the
    task after a lost worker replaces the same files and a reader never sees half a file."""
    report = check_partition(documents, options, worker_cache)
    for name in TABLES:
        path = Path(directory) / name / f"part.{index:05d}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{socket.gethostname()}-{os.getpid()}.tmp")
        getattr(report, name).to_parquet(temporary, index=False)
        os.replace(temporary, path)
    return report.meta


def to_parquet(
    checker: Checker,
    documents: Data,
    directory: str | os.PathLike[str],
    scheduler: str | Client,
    *,
    columns: Columns | None = None,
    partition_chars: int = DEFAULT_PARTITION_CHARS,
    worker_cache: str = SHARED,
) -> dict[str, Any]:
    """Write ``DIR/documents/``, ``DIR/sentences/``, ``DIR/issues/`` (Parquet, one file per
    partition, written by the workers, nothing collected here) and ``DIR/meta.json``; return meta.

    ``DIR`` must be a path the workers and this process see alike (a shared filesystem). Rows are
    in input order within each part; read a table with ``pandas.read_parquet(DIR / "issues")``
    or ``dask.dataframe.read_parquet`` (issues are sorted within each part, not across parts).
    """
    if worker_cache not in WORKER_CACHES:
        raise InputError(f"worker cache must be one of {', '.join(WORKER_CACHES)}, got {worker_cache!r}")
    base = Path(directory).absolute()
    for name in TABLES:  # parts of an earlier, larger run would be read as part of this one
        for old in (base / name).glob("part.*.parquet"):
            old.unlink()
    options = settings(checker)
    parts = _partitions(documents, columns, partition_chars)
    tasks = [
        delayed(write_partition, pure=True)(part, options, worker_cache, str(base), i)
        for i, part in enumerate(parts)
    ]
    with connect(scheduler) as client:
        metas = list(client.gather(client.compute(tasks)))
    meta = merge_meta(metas) if metas else checker.run([]).meta
    meta["distributed"] = {"partitions": len(parts), "worker_cache": worker_cache}
    base.mkdir(parents=True, exist_ok=True)
    text = json.dumps(meta, ensure_ascii=False, indent=1, default=str)
    (base / "meta.json").write_text(text, encoding="utf-8")
    _warn_model_errors(meta)
    return meta


def warm_up(checker: Checker, scheduler: str | Client, worker_cache: str = SHARED) -> None:
    """Load the models, spaCy and the lexicon on every worker now (one tiny task each)."""
    probe = [Document("warm-up", "Le chat dort sur le canapé depuis ce matin.")]
    options = settings(checker)
    with connect(scheduler) as client:
        workers = list(client.scheduler_info().get("workers", {}))
        futures = [
            client.submit(check_partition, probe, options, worker_cache, workers=[w], pure=False)
            for w in workers
        ]
        client.gather(futures)


__all__ = [
    "DEFAULT_PARTITION_CHARS",
    "DaskExecutor",
    "PER_WORKER",
    "SHARED",
    "Tables",
    "WorkerLost",
    "check",
    "check_partition",
    "connect",
    "partition",
    "run",
    "settings",
    "tables",
    "to_parquet",
    "warm_up",
    "write_partition",
    "worker_cache_dir",
    "worker_checker",
]
