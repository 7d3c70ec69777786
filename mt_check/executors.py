"""Where the per-document work of a run happens: one interface, ``map(function, items)``.

``function(checker, item)`` runs with a Checker that the executor supplies: the calling one
(:class:`InProcess`), or one built in each worker process (:class:`WorkerPool`, ``--jobs``); the
Dask executor (``mt_check.distributed``) builds one per Dask worker. The pipeline composes the
stages and never knows which executor runs them.

Nothing here imports the pipeline: a pool gets the Checker class and its warm-up as arguments
(both pickled by reference into the spawned workers).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Protocol

from mt_check.types import MtCheckError


class Executor(Protocol):
    def map(self, function: Callable[[Any, Any], Any], items: Sequence[Any]) -> Iterator[Any]:
        """``function(checker, item)`` for each item, results in input order."""
        ...

    def close(self) -> None:
        """Release the workers once idle (a later map starts them again)."""
        ...

    def abort(self) -> None:
        """Stop the workers now, whatever they are doing (an interrupted run)."""
        ...


class InProcess:
    """Each item in this process, with ``checker``."""

    def __init__(self, checker: Any) -> None:
        self._checker = checker

    def map(self, function: Callable[[Any, Any], Any], items: Sequence[Any]) -> Iterator[Any]:
        for item in items:
            yield function(self._checker, item)

    def close(self) -> None:
        pass

    def abort(self) -> None:
        pass


class WorkerPool:
    """``jobs`` spawned processes (never a fork of a process that runs model threads), started on
    the first map and kept for the next ones; each builds ``factory(**options)`` and runs
    ``warm_up`` on it before its first item. Items travel in chunks of about four per worker."""

    def __init__(
        self,
        jobs: int,
        factory: Callable[..., Any],
        options: Mapping[str, Any],
        warm_up: Callable[[Any], None] | None = None,
    ) -> None:
        self.jobs = jobs
        self._factory, self._options, self._warm_up = factory, dict(options), warm_up
        self.pool: Any = None  # the concurrent.futures.ProcessPoolExecutor, once started

    def _started(self) -> Any:
        if self.pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self.pool = ProcessPoolExecutor(
                self.jobs,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self._factory, self._options, self._warm_up),
            )
        return self.pool

    def map(self, function: Callable[[Any, Any], Any], items: Sequence[Any]) -> Iterator[Any]:
        """The chunks are futures of our own rather than ``Executor.map``'s: interrupted, map
        cancels its futures while the pool's manager thread marks them failed, and in Python 3.11
        that thread then dies (InvalidStateError) before it stops and reaps the workers."""
        from concurrent.futures.process import BrokenProcessPool

        size = chunksize(items, self.jobs)
        pool = self._started()
        futures = [
            pool.submit(_run_chunk, function, items[i : i + size]) for i in range(0, len(items), size)
        ]
        try:
            for future in futures:
                yield from future.result()
        except BrokenProcessPool:
            self.pool = None  # the next map starts new workers
            raise MtCheckError(
                "a worker process died (killed, or out of memory); run again, with fewer --jobs"
            ) from None
        except (KeyboardInterrupt, SystemExit):  # Ctrl-C, SIGTERM (the CLI raises it as ^C)
            self.abort()
            raise

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()
            self.pool = None

    def abort(self) -> None:
        """Killed and reaped, with multiprocessing's resource tracker: no process outlives it."""
        pool, self.pool = self.pool, None
        if pool is None:
            return
        # ProcessPoolExecutor has no public way to stop busy workers: its processes, by name.
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()
        pool.shutdown(wait=True)  # the manager thread sees the pool broken and reaps the workers
        _stop_resource_tracker()


def chunksize(items: Sequence[Any], jobs: int) -> int:
    """Items per message to a worker: about 4 messages per worker, at most 16 items."""
    return max(1, min(16, len(items) // (4 * jobs)))


# -- in the worker processes -----------------------------------------------------------------------

_WORKER: Any = None


def _start_worker(
    factory: Callable[..., Any], options: Mapping[str, Any], warm_up: Callable[[Any], None] | None
) -> None:
    """Build this worker's Checker and load what it needs, before the first item."""
    global _WORKER
    # Ctrl-C reaches the whole process group: the parent stops the workers (WorkerPool.abort), so
    # that no worker dies inside a message to it. SIGTERM keeps its default: a worker ends at once.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    _WORKER = factory(**options)
    if warm_up is not None:
        warm_up(_WORKER)


def _run_chunk(function: Callable[[Any, Any], Any], items: Sequence[Any]) -> list[Any]:
    assert _WORKER is not None, "_start_worker runs first"
    return [function(_WORKER, item) for item in items]


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent died (kill -9) exits instead of waiting forever for work."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _stop_resource_tracker() -> None:
    """multiprocessing's resource tracker (a process that spawned pools start, which ignores
    SIGTERM and ends only after its parent) is stopped and reaped rather than left to init, which
    in a container may never reap it. Skipped where the private ``_stop`` is absent."""
    from multiprocessing import resource_tracker

    stop = getattr(getattr(resource_tracker, "_resource_tracker", None), "_stop", None)
    if stop is not None:
        stop()


__all__ = ["Executor", "InProcess", "WorkerPool", "chunksize"]
