"""Reading input: text files, directories of .txt files, tables, and strings, into Documents.

Text is kept exactly as decoded (only a byte-order mark is removed), so every offset in a report
slices the text the user gave. Document ids follow DESIGN.md: a file's path relative to the
directory given, or its file name when a file is given; ``text-N`` for strings (1-based); for
tables (CSV, TSV, JSONL, Parquet) the ``id_column`` value, else the 1-based row number.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mt_check.types import Document, InputError

if TYPE_CHECKING:
    import pandas as pd

Source = str | os.PathLike[str] | Document


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode file bytes; return (text, encoding). UTF-8 (with or without BOM) and UTF-16 with BOM."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as err:
            raise InputError(f"{name}: invalid UTF-16 at byte {err.start}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name}: not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "convert it with `iconv -t utf-8`"
        ) from None
    return text, "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"


def read_file(path: Path, doc_id: str) -> Document:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None
    text, encoding = decode(data, str(path))
    return Document(id=doc_id, text=text, encoding=encoding)


TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".parquet"}


@dataclass(frozen=True)
class Columns:
    """Which columns of a table hold the text, the id and the source text."""

    text: str | None = None
    id: str | None = None
    source: str | None = None


def _read_table(path: Path) -> pd.DataFrame:
    import pandas as pd

    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            frame = pd.read_parquet(path)
        elif suffix in (".jsonl", ".ndjson"):
            frame = pd.read_json(path, lines=True, dtype=False)
        else:
            frame = pd.read_csv(path, sep="\t" if suffix == ".tsv" else ",", dtype=str, keep_default_na=False)
    except (ValueError, OSError, ImportError) as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise InputError(f"{path}: cannot read as a {suffix[1:]} table ({first})") from None
    return frame


def read_table(path: Path, columns: Columns) -> list[Document]:
    """One Document per row; errors name the file, the row (1-based) and the column."""
    if columns.text is None:
        raise InputError(f"{path}: tabular input needs --text-column (the column with the French text)")
    frame = _read_table(path)
    for role, name in (("text", columns.text), ("id", columns.id), ("source", columns.source)):
        if name is not None and name not in frame.columns:
            found = ", ".join(map(str, frame.columns))
            hint = " (wrong delimiter?)" if len(frame.columns) == 1 else ""
            raise InputError(f"{path}: no {role} column {name!r}; columns are: {found}{hint}")
    documents: list[Document] = []
    first_row: dict[str, int] = {}
    for row, record in enumerate(frame.to_dict("records"), 1):
        text = record[columns.text]
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"{path}: row {row}, column {columns.text!r}: empty text cell")
        doc_id = str(row)
        if columns.id is not None:
            doc_id = "" if record[columns.id] is None else str(record[columns.id]).strip()
            if not doc_id:
                raise InputError(f"{path}: row {row}, column {columns.id!r}: empty id cell")
            if doc_id in first_row:
                raise InputError(
                    f"{path}: row {row}, column {columns.id!r}: duplicate id {doc_id!r} "
                    f"(first at row {first_row[doc_id]})"
                )
            first_row[doc_id] = row
        source = record[columns.source] if columns.source is not None else None
        documents.append(Document(id=doc_id, text=text, source=None if source is None else str(source)))
    return documents


def _directory(path: Path, pattern: str) -> list[Document]:
    files = sorted(p for p in path.rglob(pattern) if p.is_file())
    if not files:
        raise InputError(f"{path}: no files matching {pattern!r} in this directory")
    return [read_file(p, p.relative_to(path).as_posix()) for p in files]


def _looks_like_path(value: str) -> bool:
    return "\n" not in value and len(value) < 4096 and os.path.exists(value)


def load(
    sources: Source | Sequence[Source], pattern: str = "*.txt", columns: Columns | None = None
) -> list[Document]:
    """Documents from files, tables, directories (recursively, ``pattern``), strings or Documents.

    A ``str`` that names an existing file or directory is read as a path; any other ``str`` is
    the text itself. Use ``pathlib.Path`` to insist on a path (a missing one is an error).
    """
    items: Iterable[Source] = [sources] if isinstance(sources, str | os.PathLike | Document) else sources
    documents: list[Document] = []
    text_count = 0
    for item in items:
        if isinstance(item, Document):
            documents.append(item)
        elif isinstance(item, os.PathLike) or (isinstance(item, str) and _looks_like_path(item)):
            path = Path(item)
            if path.is_dir():
                documents.extend(_directory(path, pattern))
            elif path.is_file() and path.suffix.lower() in TABLE_SUFFIXES:
                documents.extend(read_table(path, columns or Columns()))
            elif path.is_file():
                documents.append(read_file(path, path.name))
            else:
                raise InputError(f"{path}: no such file or directory")
        elif isinstance(item, str):
            text_count += 1
            documents.append(Document(id=f"text-{text_count}", text=item))
        else:
            raise InputError(f"cannot read input of type {type(item).__name__}")
    seen: set[str] = set()
    for doc in documents:
        if doc.id in seen:
            raise InputError(f"two inputs have the document id {doc.id!r}; rename one of them")
        seen.add(doc.id)
    return documents
