"""A persistent cache of model outputs and checked documents, so re-runs and overlapping batches
translate only new sentences and check only new documents.

SQLite (standard library, WAL mode: several processes on one machine may share it). Two tables:

- ``t``, translations: keys hash the models' signatures (id, revision, backend, beam, generation
  cap) with the sentence text; values are the Translation with word offsets relative to the
  sentence, so one entry serves the same sentence wherever it appears.
- ``d``, checked documents: keys hash everything a document's check depends on (mt-check's
  version and source code, the models' signatures, each detector's data version, the versions of
  the libraries that segment, identify and parse) with the document text; values are the
  document's sentences, languages, translations, detector issues and stage outcomes, so a warm
  re-run skips segmentation, parsing and the detectors too. Only documents checked without any
  error are stored.

Faults: a cache that cannot be opened, read or written (full disk, read-only filesystem, a
permission) degrades to no cache: one :class:`CacheUnavailableWarning` naming the file and why,
and the run goes on and writes its report (translations are then not kept for the next run). A
database that is not mt-check's cache (other tables, other columns, not SQLite at all) is never
rewritten: :class:`ForeignCacheError`, one line, exit 2.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from mt_check.types import Category, Document, Issue, MtCheckError, Sentence, Severity, Translation, WordScore

SCHEMA_VERSION = "2"  # 2: generation caps per source length (outputs no longer depend on the batch)
_TABLES = ("t", "d")
_COLUMNS = {"key", "value"}


class CacheUnavailableWarning(UserWarning):
    """The cache cannot be used (full disk, read-only): the run goes on without it."""


class ForeignCacheError(MtCheckError):
    """The cache file is a database mt-check did not write: it is left alone."""


def default_cache_dir() -> Path:
    """``$MT_CHECK_CACHE``, else ``$XDG_CACHE_HOME/mt-check``, else ``~/.cache/mt-check``."""
    if os.environ.get("MT_CHECK_CACHE"):
        return Path(os.environ["MT_CHECK_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mt-check"


def cache_key(signature: str, text: str) -> str:
    return hashlib.sha256(f"{SCHEMA_VERSION}\0{signature}\0{text}".encode()).hexdigest()


@cache
def code_fingerprint() -> str:
    """A hash of mt-check's own source files: a checked document cached by one build of mt-check
    is never served to another (a detector fixed without a version bump re-checks)."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for file in sorted(package.rglob("*.py")):
        digest.update(file.relative_to(package).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _fields(t: Translation) -> dict[str, Any]:
    return {
        "bt": t.back_translation,
        "bt_lp": t.bt_logprob,
        "rt": t.round_trip,
        "fd_lp": t.fd_logprob,
        "words": [[w.start, w.end, w.word, w.logprob] for w in t.word_scores],
    }


def _from_fields(d: Mapping[str, Any]) -> Translation:
    return Translation(
        back_translation=d["bt"],
        bt_logprob=d["bt_lp"],
        round_trip=d["rt"],
        fd_logprob=d["fd_lp"],
        word_scores=tuple(WordScore(s, e, w, lp) for s, e, w, lp in d["words"]),
    )


def _encode(t: Translation) -> str:
    return json.dumps(_fields(t), ensure_ascii=False)


def _decode(value: str) -> Translation:
    return _from_fields(json.loads(value))


@dataclass(frozen=True)
class CheckedDocument:
    """What checking one document produced before scoring: the cache's unit of reuse.

    ``translations`` and ``languages`` are aligned with ``sentences``; ``issues`` are the
    document's issues as the pipeline reviewed them (merged, with their confidence), before the
    min-confidence threshold; ``stages`` the parse and detector outcomes on this document.
    """

    sentences: tuple[Sentence, ...]
    languages: tuple[str, ...]
    translations: tuple[Translation | None, ...]
    issues: tuple[Issue, ...]
    stages: Mapping[str, Any]

    def encode(self) -> str:
        return json.dumps(
            {
                "sentences": [[s.sent_id, s.start, s.end, s.paragraph] for s in self.sentences],
                "languages": list(self.languages),
                "translations": [None if t is None else _fields(t) for t in self.translations],
                "issues": [
                    [i.sent_id, i.start, i.end, i.category.value, i.severity.value, i.code, i.message,
                     i.suggestion, list(i.detectors), i.confidence]
                    for i in self.issues
                ],  # fmt: skip
                "stages": self.stages,
            },
            ensure_ascii=False,
        )

    @classmethod
    def decode(cls, value: str, document: Document) -> CheckedDocument:
        """The stored check, attached to ``document`` (same text, any id)."""
        d = json.loads(value)
        text, doc_id = document.text, document.id
        sentences = tuple(
            Sentence(doc_id, sent_id, start, end, text[start:end], paragraph)
            for sent_id, start, end, paragraph in d["sentences"]
        )
        issues = tuple(
            Issue(doc_id, sent_id, start, end, text[start:end], Category(category), Severity(severity),
                  code, message, suggestion, tuple(detectors), confidence)
            for sent_id, start, end, category, severity, code, message, suggestion, detectors, confidence
            in d["issues"]
        )  # fmt: skip
        return cls(
            sentences=sentences,
            languages=tuple(d["languages"]),
            translations=tuple(None if t is None else _from_fields(t) for t in d["translations"]),
            issues=issues,
            stages=d["stages"],
        )


@dataclass(frozen=True)
class Split:
    """Documents (by position in the batch) served from the cache, and the keys of all those that
    may be stored once checked (a document with decoding errors has none: never cached)."""

    cached: Mapping[int, CheckedDocument]
    keys: Mapping[int, str]


class DocumentStore:
    """The checked-document cache of one configuration (``signature``): it decides which
    documents of a batch come from the cache and which must be checked (:meth:`split`), and which
    checked ones are kept (:meth:`add`: only clean ones, committed every ``per_commit`` so that an
    interrupted run keeps what it finished)."""

    def __init__(self, cache: TranslationCache, signature: str, per_commit: int = 64) -> None:
        self._cache, self._signature, self._per_commit = cache, signature, per_commit
        self._pending: dict[str, CheckedDocument] = {}
        self._keys: Mapping[int, str] = {}

    def split(self, documents: Sequence[Document]) -> Split:
        keys = {
            i: cache_key(self._signature, doc.text) for i, doc in enumerate(documents) if not doc.errors
        }
        found = self._cache.get_documents(keys.values())
        cached = {i: CheckedDocument.decode(found[k], documents[i]) for i, k in keys.items() if k in found}
        self._keys = keys
        return Split(cached, keys)

    def add(self, index: int, checked: CheckedDocument, clean: bool) -> None:
        """Keep document ``index`` of the last :meth:`split` if its check was ``clean`` (no stage
        failed on it: a document with errors is checked again next time)."""
        if not clean or index not in self._keys:
            return
        self._pending[self._keys[index]] = checked
        if len(self._pending) >= self._per_commit:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            self._cache.put_documents(self._pending)
            self._pending = {}


def _chunks(items: Sequence[Any], size: int = 500) -> Iterable[Sequence[Any]]:
    return (items[i : i + size] for i in range(0, len(items), size))


# Pauses before each new try of a cache's set-up that found the database locked (6.3 s in all).
_SETUP_RETRIES = (0.1, 0.2, 0.4, 0.8, 1.6, 3.2)


class TranslationCache:
    """Sentence-relative Translations and checked documents, keyed by :func:`cache_key`.

    After a failure to read or write (see the module docstring) the cache is ``disabled``: every
    lookup finds nothing, every store is dropped, and ``problem`` says why.
    """

    def __init__(self, directory: Path) -> None:
        self.path = directory / "translations.sqlite3"
        self.problem: str | None = None
        self._db: sqlite3.Connection | None = None
        try:
            directory.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=60)
            self._set_up()
        except ForeignCacheError:
            self.close()
            raise
        except (OSError, sqlite3.Error) as err:
            self._disable(err)

    def _set_up(self) -> None:
        """The schema check, WAL mode and tables. Two processes opening a new cache at once (the
        workers of a Dask run) can deadlock on the switch to WAL, and SQLite then answers one of
        them "database is locked" at once, without waiting (its busy timeout cannot help): that
        one tries again after a short pause rather than running without its cache."""
        assert self._db is not None
        for pause in (*_SETUP_RETRIES, None):
            try:
                self._check_schema()
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("CREATE TABLE IF NOT EXISTS t (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                self._db.execute("CREATE TABLE IF NOT EXISTS d (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                self._db.commit()
                return
            except sqlite3.OperationalError as err:
                if pause is None or "locked" not in str(err):
                    raise
                self._db.rollback()
                time.sleep(pause)

    @property
    def disabled(self) -> bool:
        return self.problem is not None

    def _check_schema(self) -> None:
        """Refuse a database that is not mt-check's: its data is someone else's to keep."""
        assert self._db is not None
        try:
            rows = self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        except sqlite3.DatabaseError as err:
            if isinstance(err, sqlite3.OperationalError):  # cannot open or read: not a verdict on it
                raise
            raise ForeignCacheError(
                f"the cache file {self.path} is not an SQLite database ({err}); move it away, "
                "or use --cache-dir DIR or --no-cache"
            ) from None
        tables = {name for (name,) in rows}
        for table in tables:
            columns = {row[1] for row in self._db.execute(f'PRAGMA table_info("{table}")')}
            if table not in _TABLES or columns != _COLUMNS:
                raise ForeignCacheError(
                    f"the cache file {self.path} holds a table {table!r} ({', '.join(sorted(columns))}) "
                    "that mt-check did not write; move the file away, or use --cache-dir DIR or --no-cache"
                )

    def _disable(self, err: BaseException) -> None:
        if self.problem is None:
            why = str(err).strip() or type(err).__name__
            self.problem = f"{self.path}: {why}"
            warnings.warn(
                f"cache disabled for this run: {self.problem}; the report is complete, but "
                "translations are not kept for the next run (free some space, or use --cache-dir DIR)",
                CacheUnavailableWarning,
                stacklevel=3,
            )
        self.close()

    def get_many(self, keys: Iterable[str]) -> dict[str, Translation]:
        return {k: _decode(v) for k, v in self._get("t", keys).items()}

    def put_many(self, items: Mapping[str, Translation]) -> None:
        """Store and commit at once: what is stored survives an interrupted run."""
        self._put("t", [(k, _encode(t)) for k, t in items.items()])

    def get_documents(self, keys: Iterable[str]) -> dict[str, str]:
        """Stored checked documents (encoded :class:`CheckedDocument`), by key."""
        return self._get("d", keys)

    def put_documents(self, items: Mapping[str, CheckedDocument]) -> None:
        self._put("d", [(k, checked.encode()) for k, checked in items.items()])

    def _put(self, table: str, rows: list[tuple[str, str]]) -> None:
        if self._db is None:
            return
        try:
            with self._db:
                self._db.executemany(f"INSERT OR REPLACE INTO {table} (key, value) VALUES (?, ?)", rows)
        except (OSError, sqlite3.Error) as err:
            self._disable(err)

    def _get(self, table: str, keys: Iterable[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        if self._db is None:
            return found
        try:
            for chunk in _chunks(list(dict.fromkeys(keys))):  # SQLite limits bound parameters per query
                marks = ",".join("?" * len(chunk))
                query = f"SELECT key, value FROM {table} WHERE key IN ({marks})"
                found.update(self._db.execute(query, chunk))
        except (OSError, sqlite3.Error) as err:
            self._disable(err)
            return {}
        return found

    def __len__(self) -> int:
        if self._db is None:
            return 0
        try:
            return int(self._db.execute("SELECT COUNT(*) FROM t").fetchone()[0])
        except (OSError, sqlite3.Error) as err:
            self._disable(err)
            return 0

    def close(self) -> None:
        if self._db is not None:
            db, self._db = self._db, None
            try:
                db.close()
            except sqlite3.Error:
                pass
