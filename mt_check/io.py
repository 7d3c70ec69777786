"""Reading input: text files, directories of .txt files, tables, and strings, into Documents.

Text is kept exactly as decoded (only a byte-order mark is removed; no Unicode normalisation, no
line-ending conversion), so every offset in a report slices the text the user gave. Document ids
follow DESIGN.md: a file's path relative to the directory given, or its file name when a file is
given; ``text-N`` for strings (1-based); for tables (CSV, TSV, JSONL, Parquet) the ``id_column``
value, else the 1-based row number.

Decoding (:func:`decode_bytes`): a byte-order mark decides (UTF-8, UTF-16, UTF-32); else UTF-16
without a BOM is recognised by its NUL bytes; else UTF-8; and when most non-ASCII bytes are not
UTF-8, a Western single-byte code page (Windows-1252, Latin-1, Latin-9, Mac Roman, CP850) picked
by charset-normalizer. Invalid sequences in an otherwise UTF-8 file become U+FFFD and are reported
in ``Document.warnings``, as are control characters (kept as they are). A binary file (a known
signature, or many control bytes) is refused; inside a directory it becomes a document with its
reason in ``Document.errors`` and no text, so one stray file does not stop a batch.

Hostile names and entries: a file name that is not valid UTF-8 (read as ``surrogateescape``
text by Python) shows U+FFFD for each bad byte in its id, with a warning; a lone surrogate in a
JSONL cell or a string (``"\\ud800"``) becomes U+FFFD, one character for one, so offsets stay
exact, and is reported in ``Document.warnings`` with its line, column and offset. A directory
entry that is not a regular file (a named pipe, a device, a socket, a symbolic link loop or a
broken link) is never opened: it becomes a document with ``not read: not a regular file (...)``
in its errors; given directly it is refused with that reason. A file pattern must stay inside
the directory: an absolute pattern or one with ``..`` is refused.
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mt_check.types import Document, InputError

if TYPE_CHECKING:
    import pandas as pd

Source = str | os.PathLike[str] | Document

# Signatures of files people give by mistake; anything else binary is caught by its control bytes.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.odt document)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
# Bytes that plain text in any ASCII-compatible encoding almost never holds (tab, line breaks,
# form feed, ESC and the file/group/record separators are left out).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), 0x7F])
_BINARY_SHARE = 0.05  # of the first 64 KiB; random or compressed bytes have about 10 %
_BINARY_SHARE_SHORT = 0.25  # below 8 such bytes: a short note with a stray NUL or two is text
_SNIFF = 65536
# Control characters reported in a decoded text (str.isspace() ones are whitespace, not noise).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_NEWLINE = re.compile(r"\r\n|\r|\n")
_SURROGATE = re.compile("[\udc80-\udcff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # any surrogate code point in a str is lone
# Legacy code pages a French file may come in; charset-normalizer picks among these only (left
# free, it reads short French as Farsi or Central European code pages).
_LEGACY = ("cp1252", "iso8859_15", "latin_1", "mac_roman", "cp850")
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def _position(text: str, index: int) -> str:
    """``line L, column C`` (1-based; \\r\\n, \\r and \\n end a line, as in segmentation)."""
    line_start, line = 0, 1
    for match in _NEWLINE.finditer(text, 0, index):
        line_start, line = match.end(), line + 1
    return f"line {line}, column {index - line_start + 1}"


def _signature(data: bytes) -> str | None:
    return next((kind for signature, kind in _SIGNATURES if data.startswith(signature)), None)


def _binary_kind(data: bytes) -> str | None:
    """What a binary file looks like (``"a PNG image"``), or None for text."""
    kind = _signature(data)
    if kind is not None:
        return kind
    sample = data[:_SNIFF]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if _noisy(controls, len(sample)):
        return f"{100 * controls / len(sample):.0f}% control bytes"
    return None


def _noisy(count: int, total: int) -> bool:
    share = count / total if total else 0.0
    return share > _BINARY_SHARE and (count >= 8 or share > _BINARY_SHARE_SHORT)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when every other byte is NUL (Latin text in UTF-16), else None."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0:_SNIFF:2], data[1:_SNIFF:2]
    if odd.count(0) >= 0.4 * len(odd) and even.count(0) <= 0.02 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.4 * len(even) and odd.count(0) <= 0.02 * len(odd):
        return "utf-16-be"
    return None


def _replacing(data: bytes, encoding: str) -> tuple[str, list[str]]:
    """Decode, replacing invalid sequences with U+FFFD; say how many and where the first was."""
    skip = 0
    if encoding == "utf-8-sig":  # its errors count from after the BOM: decode the rest as UTF-8
        data, encoding, skip = data[3:], "utf-8", 3
    try:
        return data.decode(encoding), []
    except UnicodeDecodeError as err:
        first = err.start
    text = data.decode(encoding, errors="replace")
    before = data[:first].decode(encoding, errors="replace")
    already = data.count("\ufffd".encode()) if encoding.startswith("utf-8") else 0
    replaced = max(1, text.count("\ufffd") - already)
    return text, [
        f"{replaced} invalid {encoding.upper()} byte sequence(s) replaced with "
        f"U+FFFD (first at {_position(before, len(before))}, byte {first + skip})"
    ]


def _legacy_encoding(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_LEGACY)).best()
    if best is not None:
        return str(best.encoding)
    try:  # charset-normalizer gives up on very short texts: French is then most likely cp1252
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "latin_1"
    return "cp1252"


def _control_warning(text: str) -> list[str]:
    found = _CONTROL_CHARS.search(text)
    if found is None:
        return []
    count = len(_CONTROL_CHARS.findall(text))
    return [
        f"{count} control character(s) kept as they are (first U+{ord(found.group()):04X} at "
        f"{_position(text, found.start())})"
    ]


def repair_surrogates(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` with each lone surrogate replaced by U+FFFD (one character for one: offsets do not
    move), and a warning saying how many and where the first was; ``(text, ())`` when none."""
    found = _LONE_SURROGATE.search(text)
    if found is None:
        return text, ()
    count = len(_LONE_SURROGATE.findall(text))
    first = found.start()
    warning = (
        f"{count} lone surrogate(s) replaced with U+FFFD (first U+{ord(found.group()):04X} at "
        f"{_position(text, first)}, offset {first})"
    )
    return _LONE_SURROGATE.sub("\ufffd", text), (warning,)


def display_name(name: str) -> str:
    """A file name as text that can be written anywhere: the bytes of a name that is not valid
    UTF-8 (``surrogateescape`` code points) shown as U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", name)


def _name_warnings(raw: str) -> tuple[str, ...]:
    bad = len(_LONE_SURROGATE.findall(raw))
    if not bad:
        return ()
    return (f"the file name is not valid UTF-8: {bad} byte(s) shown as U+FFFD in the id",)


def not_regular(path: Path) -> str | None:
    """Why ``path`` is neither a regular file nor a directory (``"a named pipe"``), or None."""
    try:
        mode = os.stat(path).st_mode
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "a symbolic link loop"
        if err.errno == errno.ENOENT and os.path.islink(path):
            return "a broken symbolic link"
        return None  # missing, or unreadable: the reader says so
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    kinds = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))  # fmt: skip
    return next((kind for test, kind in kinds if test(mode)), "not a file")


def check_pattern(pattern: str) -> None:
    """Refuse a file pattern that is empty or could match outside the directory it is used in."""
    parts = pattern.replace("\\", "/").split("/")
    if not pattern.strip():
        raise InputError("--glob: empty file pattern; give one such as '*.txt'")
    if os.path.isabs(pattern) or pattern.startswith(("/", "\\")) or os.path.splitdrive(pattern)[0]:
        raise InputError(
            f"--glob {pattern!r}: the pattern must be relative to the input directory (no absolute path)"
        )
    if ".." in parts:
        raise InputError(f"--glob {pattern!r}: the pattern must stay inside the input directory (no '..')")


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Decode file bytes (see the module docstring); raise InputError for a binary file."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None:
        encoding = _utf16_without_bom(data) if _signature(data) is None else None
    if encoding is None:
        kind = _binary_kind(data)
        if kind is not None:
            raise InputError(
                f"{name}: looks like a binary file ({kind}), not text; mt-check reads plain text "
                "(UTF-8, UTF-16, Windows-1252/Latin-1)"
            )
        try:
            data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            loose = data.decode("utf-8", errors="surrogateescape")
            invalid = len(_SURROGATE.findall(loose))
            valid = len(loose) - len(loose.encode("ascii", errors="ignore")) - invalid
            # Real UTF-8 characters outnumber the bad bytes: a UTF-8 file with a few broken
            # sequences. Otherwise a legacy code page (where é is one byte, never valid UTF-8).
            encoding = "utf-8" if valid >= invalid else _legacy_encoding(data)
    text, warnings = _replacing(data, encoding)  # the utf-8-sig/16/32 codecs drop the BOM
    sample = text[:_SNIFF]
    noise = len(_CONTROL_CHARS.findall(sample))
    if not encoding.startswith("utf-8"):  # (a UTF-8 text may hold U+FFFD of its own)
        noise += sample.count("\ufffd")
    if _noisy(noise, len(sample)):  # e.g. binary bytes behind a UTF-16 BOM
        raise InputError(
            f"{name}: looks like a binary file ({100 * noise / len(sample):.0f}% control or "
            f"undecodable characters as {encoding}), not text"
        )
    return Decoded(text, encoding, tuple(warnings + _control_warning(text)))


def _read_bytes(path: Path) -> bytes:
    kind = not_regular(path)
    if kind is not None:  # opening a named pipe would wait forever
        raise InputError(f"{display_name(str(path))}: not a regular file ({kind})")
    try:
        return path.read_bytes()
    except OSError as err:
        raise InputError(f"{display_name(str(path))}: cannot read ({err.strerror or err})") from None


def read_file(path: Path, doc_id: str) -> Document:
    decoded = decode_bytes(_read_bytes(path), display_name(str(path)))
    return Document(
        id=display_name(doc_id),
        text=decoded.text,
        encoding=decoded.encoding,
        warnings=(*_name_warnings(doc_id), *decoded.warnings),
    )


TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson", ".parquet"}


@dataclass(frozen=True)
class Columns:
    """Which columns of a table hold the text, the id and the source text."""

    text: str | None = None
    id: str | None = None
    source: str | None = None


# The lone surrogates repaired in a JSONL table, by (0-based row, column): what each cell's warning says.
Repairs = dict[tuple[int, str], tuple[str, ...]]


def _repaired(value: Any) -> tuple[Any, tuple[str, ...]]:
    """``value`` (a JSON value) without lone surrogates, and the warning of a repaired string."""
    if isinstance(value, str):
        return repair_surrogates(value)
    if isinstance(value, list):
        return [_repaired(v)[0] for v in value], ()
    if isinstance(value, dict):
        return {_repaired(k)[0]: _repaired(v)[0] for k, v in value.items()}, ()
    return value, ()


def _jsonl_frame(path: Path, text: str, repairs: Repairs | None = None) -> pd.DataFrame:
    """JSONL parsed line by line, so that an error names its line (pandas' does not). JSON
    strings may hold lone surrogates ("\\ud800"), which no UTF-8 writer (nor pandas' Arrow
    strings) accepts: they become U+FFFD here, each repair noted in ``repairs``."""
    import pandas as pd

    records: list[dict[str, Any]] = []
    for number, line in enumerate(text.split("\n"), 1):  # JSON strings may hold U+2028: split on \n only
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            where = f"{path}: line {number}, column {err.colno}"
            raise InputError(f"{where}: not valid JSON ({err.msg})") from None
        if not isinstance(record, dict):
            raise InputError(f"{path}: line {number}: expected a JSON object, got {type(record).__name__}")
        clean: dict[str, Any] = {}
        for key, value in record.items():
            column = _repaired(key)[0]
            clean[column], notes = _repaired(value)
            if notes and repairs is not None:
                repairs[(len(records), column)] = notes
        records.append(clean)
    return pd.DataFrame.from_records(records)


def _read_table(path: Path, repairs: Repairs | None = None) -> tuple[pd.DataFrame, Decoded | None]:
    """The table and, for text formats, how the file was decoded (JSONL: repairs in ``repairs``)."""
    import pandas as pd

    suffix = path.suffix.lower()
    if suffix == ".parquet":
        try:
            return pd.read_parquet(path), None
        except (ValueError, OSError, ImportError) as err:
            first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise InputError(f"{path}: cannot read as a parquet table ({first})") from None
    decoded = decode_bytes(_read_bytes(path), display_name(str(path)))
    if suffix in (".jsonl", ".ndjson"):
        return _jsonl_frame(path, decoded.text, repairs), decoded
    sep = "\t" if suffix == ".tsv" else ","
    try:
        frame = pd.read_csv(io.StringIO(decoded.text), sep=sep, dtype=str, keep_default_na=False)
    except ValueError as err:  # pandas' ParserError and EmptyDataError name the line
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise InputError(f"{path}: cannot read as a {suffix[1:]} table ({first})") from None
    return frame, decoded


def _delimiter_hint(path: Path, frame: pd.DataFrame) -> str:
    if len(frame.columns) != 1:
        return ""
    header = str(frame.columns[0])
    used = "a tab" if path.suffix.lower() == ".tsv" else "','"
    candidates = (("\t", "a tab"), (";", "';'"), (",", "','"), ("|", "'|'"))
    others = [name for sep, name in candidates if sep in header]
    found = f"; {path.suffix} files are split at {used}, but the header holds {others[0]}" if others else ""
    return f" (wrong delimiter?){found}"


def _missing(value: Any) -> bool:
    import pandas as pd

    return value is None or (not isinstance(value, str | list | dict) and bool(pd.isna(value)))


def _cell_warnings(text: str, decoded: Decoded | None) -> tuple[str, ...]:
    """The file's decoding warnings that concern this cell (a replaced byte, a control character)."""
    if decoded is None or not decoded.warnings:
        return ()
    notes = []
    if "\ufffd" in text and any("U+FFFD" in w for w in decoded.warnings):
        notes.append(f"{text.count(chr(0xFFFD))} U+FFFD replacing invalid bytes of the file")
    return (*notes, *_control_warning(text))


def read_table(path: Path, columns: Columns) -> list[Document]:
    """One Document per row; errors name the file, the row (1-based) and the column."""
    if columns.text is None:
        raise InputError(f"{path}: tabular input needs --text-column (the column with the French text)")
    repairs: Repairs = {}
    frame, decoded = _read_table(path, repairs)
    for role, name in (("text", columns.text), ("id", columns.id), ("source", columns.source)):
        if name is not None and name not in frame.columns:
            found = ", ".join(map(str, frame.columns))
            raise InputError(
                f"{path}: no {role} column {name!r}; columns are: {found}{_delimiter_hint(path, frame)}"
            )
    return frame_documents(frame, columns, where=f"{path}: ", repairs=repairs, decoded=decoded)


def frame_documents(
    frame: Any,
    columns: Columns,
    *,
    rows: Sequence[object] | None = None,
    where: str = "",
    repairs: Repairs | None = None,
    decoded: Decoded | None = None,
) -> list[Document]:
    """One Document per row of a pandas DataFrame whose ``columns`` exist (a table file's, or a
    Dask partition's): text cells must be non-empty strings, ids non-empty and unique. ``rows``
    names each row in messages and is its id without an id column (default: 1, 2, ...);
    ``where`` prefixes every message (the file)."""
    assert columns.text is not None
    repairs = repairs or {}
    names = list(range(1, len(frame) + 1)) if rows is None else list(rows)
    documents: list[Document] = []
    first_row: dict[str, object] = {}
    for position, (row, record) in enumerate(zip(names, frame.to_dict("records"), strict=True)):
        text = record[columns.text]
        if _missing(text) or (isinstance(text, str) and not text.strip()):
            raise InputError(f"{where}row {row}, column {columns.text!r}: empty text cell")
        if not isinstance(text, str):
            raise InputError(
                f"{where}row {row}, column {columns.text!r}: expected text, "
                f"got {type(text).__name__} {text!r}"
            )
        doc_id = str(row)
        if columns.id is not None:
            value = record[columns.id]
            doc_id = "" if _missing(value) else str(value).strip()
            if not doc_id:
                raise InputError(f"{where}row {row}, column {columns.id!r}: empty id cell")
            if doc_id in first_row:
                raise InputError(
                    f"{where}row {row}, column {columns.id!r}: duplicate id {doc_id!r} "
                    f"(first at row {first_row[doc_id]})"
                )
            first_row[doc_id] = row
        source = record[columns.source] if columns.source is not None else None
        repaired = repairs.get((position, columns.text), ())
        id_repaired = repairs.get((position, columns.id), ()) if columns.id is not None else ()
        id_notes = (f"the id had {w}",) if (w := "; ".join(id_repaired)) else ()
        documents.append(
            Document(
                id=doc_id,
                text=text,
                source=None if _missing(source) else str(source),
                encoding=decoded.encoding if decoded else None,
                warnings=(*_cell_warnings(text, decoded), *repaired, *id_notes),
            )
        )
    return documents


def _directory(path: Path, pattern: str) -> list[Document]:
    """Every matching file; one that cannot be read is a document with its reason and no text, as
    is an entry that is not a regular file (never opened)."""
    check_pattern(pattern)
    files = sorted(p for p in path.rglob(pattern) if not p.is_dir())
    if not files:
        raise InputError(f"{display_name(str(path))}: no files matching {pattern!r} in this directory")
    documents = []
    for file in files:
        doc_id = file.relative_to(path).as_posix()
        try:
            documents.append(read_file(file, doc_id))
        except InputError as err:
            reason = str(err).removeprefix(f"{display_name(str(file))}: ")
            documents.append(
                Document(
                    id=display_name(doc_id),
                    text="",
                    warnings=_name_warnings(doc_id),
                    errors=(f"not read: {reason}",),
                )
            )
    if all(doc.errors for doc in documents):
        first = documents[0].errors[0].removeprefix("not read: ")
        raise InputError(
            f"{display_name(str(path))}: no readable files matching {pattern!r} ({len(files)} refused; "
            f"{documents[0].id}: {first})"
        )
    return documents


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
            text, repaired = repair_surrogates(item.text)
            if repaired:
                item = replace(item, text=text, warnings=(*item.warnings, *repaired))
            documents.append(item)
        elif isinstance(item, os.PathLike) or (isinstance(item, str) and _looks_like_path(item)):
            path = Path(item)
            if path.is_dir():
                documents.extend(_directory(path, pattern))
            elif path.is_file() and path.suffix.lower() in TABLE_SUFFIXES:
                documents.extend(read_table(path, columns or Columns()))
            elif path.is_file():
                documents.append(read_file(path, path.name))
            elif (kind := not_regular(path)) is not None:
                raise InputError(f"{display_name(str(path))}: not a regular file ({kind})")
            else:
                raise InputError(f"{display_name(str(path))}: no such file or directory")
        elif isinstance(item, str):
            text_count += 1
            text, repaired = repair_surrogates(item)
            documents.append(Document(id=f"text-{text_count}", text=text, warnings=repaired))
        else:
            raise InputError(f"cannot read input of type {type(item).__name__}")
    seen: set[str] = set()
    for doc in documents:
        if doc.id in seen:
            raise InputError(f"two inputs have the document id {doc.id!r}; rename one of them")
        seen.add(doc.id)
    return documents
