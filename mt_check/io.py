"""Reading input: text files, directories of .txt files, and strings, into Documents.

Text is kept exactly as decoded (only a byte-order mark is removed), so every offset in a report
slices the text the user gave. Document ids follow DESIGN.md: a file's path relative to the
directory given, or its file name when a file is given; ``text-N`` for strings (1-based).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from mt_check.types import Document, InputError

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


def _directory(path: Path, pattern: str) -> list[Document]:
    files = sorted(p for p in path.rglob(pattern) if p.is_file())
    if not files:
        raise InputError(f"{path}: no files matching {pattern!r} in this directory")
    return [read_file(p, p.relative_to(path).as_posix()) for p in files]


def _looks_like_path(value: str) -> bool:
    return "\n" not in value and len(value) < 4096 and os.path.exists(value)


def load(sources: Source | Sequence[Source], pattern: str = "*.txt") -> list[Document]:
    """Documents from files, directories (recursively, ``pattern``), strings or Documents.

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
