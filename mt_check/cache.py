"""A persistent cache of model outputs, so re-runs and overlapping batches translate only new text.

SQLite (standard library, WAL mode: several processes on one machine may share it). Keys hash the
models' signatures (id, revision, backend, beam, generation cap) with the sentence text; values are
the Translation with word offsets relative to the sentence, so one entry serves the same sentence
wherever it appears.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path

from mt_check.types import MtCheckError, Translation, WordScore

SCHEMA_VERSION = "2"  # 2: generation caps per source length (outputs no longer depend on the batch)


def default_cache_dir() -> Path:
    """``$MT_CHECK_CACHE``, else ``$XDG_CACHE_HOME/mt-check``, else ``~/.cache/mt-check``."""
    if os.environ.get("MT_CHECK_CACHE"):
        return Path(os.environ["MT_CHECK_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mt-check"


def cache_key(signature: str, text: str) -> str:
    return hashlib.sha256(f"{SCHEMA_VERSION}\0{signature}\0{text}".encode()).hexdigest()


def _encode(t: Translation) -> str:
    return json.dumps(
        {
            "bt": t.back_translation,
            "bt_lp": t.bt_logprob,
            "rt": t.round_trip,
            "fd_lp": t.fd_logprob,
            "words": [[w.start, w.end, w.word, w.logprob] for w in t.word_scores],
        },
        ensure_ascii=False,
    )


def _decode(value: str) -> Translation:
    d = json.loads(value)
    return Translation(
        back_translation=d["bt"],
        bt_logprob=d["bt_lp"],
        round_trip=d["rt"],
        fd_logprob=d["fd_lp"],
        word_scores=tuple(WordScore(s, e, w, lp) for s, e, w, lp in d["words"]),
    )


class TranslationCache:
    """Sentence-relative Translations keyed by :func:`cache_key`."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / "translations.sqlite3"
        try:
            directory.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=60)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS t (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            self._db.commit()
        except (OSError, sqlite3.Error) as err:
            raise MtCheckError(f"cannot open the cache at {self.path} ({err}); use --no-cache") from None

    def get_many(self, keys: Iterable[str]) -> dict[str, Translation]:
        found: dict[str, Translation] = {}
        wanted = list(keys)
        for i in range(0, len(wanted), 500):  # SQLite limits bound parameters per query
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(f"SELECT key, value FROM t WHERE key IN ({marks})", chunk)
            found.update((k, _decode(v)) for k, v in rows)
        return found

    def put_many(self, items: Mapping[str, Translation]) -> None:
        """Store and commit at once: what is stored survives an interrupted run."""
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO t (key, value) VALUES (?, ?)",
                [(k, _encode(t)) for k, t in items.items()],
            )

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM t").fetchone()[0])

    def close(self) -> None:
        self._db.close()
