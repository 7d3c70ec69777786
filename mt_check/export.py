"""Writing a report's tables to files and reading it back: CSV, JSON, Parquet, Excel and HTML.

Layout of a report directory (each format adds its files; ``meta.json`` is always written):

* ``csv``: ``documents.csv``, ``sentences.csv``, ``issues.csv`` (UTF-8, header row, empty = missing)
* ``json``: ``documents.json``, ``sentences.json``, ``issues.json`` (arrays of records) + ``meta.json``
* ``parquet``: ``documents.parquet``, ``sentences.parquet``, ``issues.parquet``
* ``xlsx``: ``report.xlsx``, one sheet per table and a ``meta`` sheet
* ``html``: ``report.html`` (write only); with ``per_document``, ``documents/NAME.html``

A report directory is one unit. :func:`save` holds a lock on the directory (a second run on the
same directory fails at once with one line), removes the temporary files a killed run left
there, writes every file of the run to a temporary name beside its place, and only when all are
written renames them into place and writes ``meta.json`` last, with a manifest (``"files"``: each
file's SHA-256 and size). Then it removes the report files of an earlier run that this run did
not rewrite (an old Parquet next to the new CSV). A failed write (disk full, permission denied)
leaves the previous report as it was and names the report file, never the temporary one.
:func:`load` reads only files the manifest lists and refuses one whose hash does not match,
naming it: tables of one run are never read with ``meta.json`` of another.

:func:`load` reads any of the tabular formats back to the same DataFrames (same columns, same
dtypes). What a format cannot keep: CSV and Excel have no empty string distinct from an empty
cell, so ``""`` reads back as missing; Excel keeps 16 significant digits of a float (Excel itself
shows 15). CSV text cells that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return, after any apostrophes) get one ``'`` in front, as OWASP
advises; :func:`load` removes it again.
"""

from __future__ import annotations

import errno
import hashlib
import json
import math
import os
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from mt_check import html, tables
from mt_check.tables import Tables
from mt_check.types import InputError, MtCheckError

FORMATS = ("csv", "json", "parquet", "xlsx", "html")
DEFAULT_FORMATS = ("csv", "json")
TABLES = ("documents", "sentences", "issues")
READ_ORDER = ("parquet", "json", "xlsx", "csv")  # most faithful first
META_FILE = "meta.json"
XLSX_FILE = "report.xlsx"
HTML_FILE = "report.html"
PER_DOCUMENT_DIR = "documents"
MANIFEST_KEY = "files"  # in meta.json: {relative path: {"sha256": hex, "bytes": n}}
_INSTALL_HINT = "pip install 'mt-check[report]'"
# A temporary file of a save: ".NAME.<12 hex>.tmp" beside NAME (older versions used the same form).
_TEMPORARY = re.compile(r"^\..+\.[0-9a-f]{12}\.tmp$")
# Cells a spreadsheet would evaluate: a formula sign, or a tab/CR some of them strip first.
_FORMULA = re.compile(r"'*[=+\-@\t\r]")
_NEUTRALISED = re.compile(r"'+[=+\-@\t\r]")


class ReportWriteError(MtCheckError, OSError):
    """A report file could not be written (disk full, permission denied): names the file."""


class ReportBusyError(InputError):
    """Another run is writing a report into the same directory."""


def known_report_files() -> list[str]:
    """Every file name a save may write at the top of a report directory (``meta.json`` aside)."""
    return [*(f"{t}.{ext}" for ext in ("csv", "json", "parquet") for t in TABLES), XLSX_FILE, HTML_FILE]


def parse_formats(values: str | Iterable[str]) -> tuple[str, ...]:
    """``"csv,html"`` or ``["csv", "html"]`` → ``("csv", "html")``: known, lower-case, no repeats."""
    items = [values] if isinstance(values, str) else list(values)
    chosen = [part.strip().lower() for item in items for part in item.split(",") if part.strip()]
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        raise InputError(f"unknown format(s) {', '.join(unknown)}; known: {', '.join(FORMATS)}")
    if not chosen:
        raise InputError(f"no format given; known: {', '.join(FORMATS)}")
    return tuple(dict.fromkeys(chosen))


class _Staging:
    """The files of one save, each written to a temporary name beside its place until
    :meth:`commit` renames them all. OSError from a write becomes a :class:`ReportWriteError`
    that names the report file."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.run = uuid.uuid4().hex[:12]
        self.files: dict[Path, Path] = {}  # final path -> temporary path

    @contextmanager
    def file(self, path: Path) -> Iterator[Path]:
        temporary = path.with_name(f".{path.name}.{self.run}.tmp")
        self.files[path] = temporary
        try:
            yield temporary
        except OSError as err:
            raise _write_error(path, err) from None

    def manifest(self) -> dict[str, dict[str, Any]]:
        return {
            final.relative_to(self.out).as_posix(): _fingerprint(temporary)
            for final, temporary in self.files.items()
        }

    def commit(self) -> None:
        for final, temporary in self.files.items():
            try:
                os.replace(temporary, final)
            except OSError as err:
                raise _write_error(final, err) from None

    def discard(self) -> None:
        for temporary in self.files.values():
            temporary.unlink(missing_ok=True)


def _write_error(path: Path, err: OSError) -> ReportWriteError:
    why = err.strerror or str(err) or type(err).__name__
    if err.errno == errno.ENOSPC:
        why = "no space left on the device"
    return ReportWriteError(f"{path}: cannot write the report file ({why})")


def _fingerprint(path: Path) -> dict[str, Any]:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return {"sha256": digest.hexdigest(), "bytes": path.stat().st_size}


def _native(value: Any) -> Any:
    """A JSON/Excel-ready Python value: missing → None, numpy scalars → int/float."""
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    columns = list(frame.columns)
    return [
        {c: _native(v) for c, v in zip(columns, row, strict=True)}
        for row in frame.itertuples(index=False, name=None)
    ]


def _require(module: str, fmt: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise InputError(f"the {fmt} format needs the {module} package: {_INSTALL_HINT}") from None


# -- writers ----------------------------------------------------------------------------------


def neutralise_formula(value: str) -> str:
    """``value`` with one ``'`` in front when a spreadsheet would read it as a formula."""
    return "'" + value if _FORMULA.match(value) else value


def restore_formula(value: str) -> str:
    """The inverse of :func:`neutralise_formula`."""
    return value[1:] if _NEUTRALISED.match(value) else value


def _csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    text = [c for c in frame.columns if pd.api.types.is_string_dtype(frame[c].dtype)]
    if not text:
        return frame
    safe = frame.copy()
    for column in text:
        safe[column] = frame[column].map(neutralise_formula, na_action="ignore").astype(frame[column].dtype)
    return safe


def _write_csv(report: Tables, out: Path, staging: _Staging) -> list[Path]:
    paths = []
    for name, frame in report.frames().items():
        path = out / f"{name}.csv"
        with staging.file(path) as tmp:
            _csv_safe(frame).to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")
        paths.append(path)
    return paths


def _write_json(report: Tables, out: Path, staging: _Staging) -> list[Path]:
    paths = []
    for name, frame in report.frames().items():
        path = out / f"{name}.json"
        _write_text(staging, path, json.dumps(_records(frame), ensure_ascii=False, indent=1) + "\n")
        paths.append(path)
    return paths


def _write_parquet(report: Tables, out: Path, staging: _Staging) -> list[Path]:
    _require("pyarrow", "parquet")
    paths = []
    for name, frame in report.frames().items():
        path = out / f"{name}.parquet"
        with staging.file(path) as tmp:
            frame.to_parquet(tmp, index=False, engine="pyarrow")
        paths.append(path)
    return paths


# Characters XML 1.0 cannot hold; Excel writes them as _xHHHH_ and reads them back.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XML_ESCAPED = re.compile(r"_x(000[0-8bBcCeEfF]|001[0-9a-fA-F])_")
# Cells coloured as on the HTML page (html's palette), in Excel's RRGGBB.
_SEVERITY_FILL = {s.value: c.fill.lstrip("#").upper() for s, c in html.SEVERITY_COLOURS.items()}
_LABEL_FILL = {label.value: c.fill.lstrip("#").upper() for label, c in html.LABEL_COLOURS.items()}
_COLOURED = {"severity": _SEVERITY_FILL, "worst_severity": _SEVERITY_FILL, "label": _LABEL_FILL}
_MIN_WIDTH, _MAX_WIDTH = 8, 70


def _excel_text(value: str) -> str:
    return _XML_ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", value)


def _write_xlsx(report: Tables, out: Path, staging: _Staging) -> list[Path]:
    openpyxl = _require("openpyxl", "xlsx")
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    fills = {colour: PatternFill("solid", start_color=colour) for colour in
             [*_SEVERITY_FILL.values(), *_LABEL_FILL.values()]}  # fmt: skip
    bold = Font(bold=True)
    header_fill = PatternFill("solid", start_color="E9ECEF")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, frame in report.frames().items():
        sheet = book.create_sheet(name)
        columns = list(frame.columns)
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font, cell.fill = bold, header_fill
        widths = [len(c) + 2 for c in columns]
        for r, record in enumerate(_records(frame), start=2):
            for c, column in enumerate(columns, start=1):
                value = record[column]
                if value is None:
                    continue
                cell = sheet.cell(r, c, _excel_text(value) if isinstance(value, str) else value)
                if isinstance(value, str):
                    cell.data_type = "s"  # text such as "=1+1" stays text, never a formula
                    palette = _COLOURED.get(column)
                    if palette and value in palette:
                        cell.fill = fills[palette[value]]
                widths[c - 1] = max(widths[c - 1], len(str(value)) + 2)
        for c, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(c)].width = max(_MIN_WIDTH, min(_MAX_WIDTH, width))
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
    meta = book.create_sheet("meta")
    meta.append(["key", "value"])
    for cell in meta[1]:
        cell.font, cell.fill = bold, header_fill
    for key, value in report.meta.items():
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
        meta.append([_excel_text(str(key)), _excel_text(text)])
        for cell in meta[meta.max_row]:
            cell.data_type = "s"
    meta.column_dimensions["A"].width = 20
    meta.column_dimensions["B"].width = 120
    path = out / XLSX_FILE
    with staging.file(path) as tmp:
        book.save(tmp)
    return [path]


def _write_html(report: Tables, out: Path, staging: _Staging) -> list[Path]:
    path = out / HTML_FILE
    _write_text(staging, path, html.render(report))
    return [path]


def _write_text(staging: _Staging, path: Path, text: str) -> None:
    with staging.file(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


_WRITERS: dict[str, Callable[[Tables, Path, _Staging], list[Path]]] = {
    "csv": _write_csv,
    "json": _write_json,
    "parquet": _write_parquet,
    "xlsx": _write_xlsx,
    "html": _write_html,
}


def _make_directory(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a directory; --out needs a directory")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError(f"{out}: cannot create the report directory ({err.strerror or err})") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise InputError(f"{out}: the report directory is not writable")


_HELD: dict[str, list[int]] = {}  # directories this process has locked: [descriptor, depth]


@contextmanager
def reserve(directory: str | Path) -> Iterator[Path]:
    """Create ``directory`` if needed and hold its lock for the block: a second run that reserves
    the same directory meanwhile gets :class:`ReportBusyError` at once. Re-entrant in one process.

    The lock is an advisory ``flock`` on the directory itself (no lock file to leave behind); it
    goes with the process, so a killed run never leaves the directory locked. Where the system has
    no ``flock`` (Windows) or the filesystem refuses it, saving goes on unlocked.
    """
    out = Path(directory)
    _make_directory(out)
    key = os.path.realpath(out)
    if key in _HELD:
        _HELD[key][1] += 1
        try:
            yield out
        finally:
            _HELD[key][1] -= 1
        return
    descriptor = _lock(out)
    _HELD[key] = [descriptor, 1]
    try:
        yield out
    finally:
        del _HELD[key]
        if descriptor >= 0:
            os.close(descriptor)  # releases the lock


def _lock(out: Path) -> int:
    try:
        import fcntl
    except ImportError:  # Windows
        return -1
    descriptor = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        raise ReportBusyError(
            f"{out}: another mt-check run is writing a report into this directory; "
            "wait for it to finish or choose another --out"
        ) from None
    except OSError:  # a filesystem without locks (some network mounts): go on unlocked
        pass
    return descriptor


def remove_leftovers(out: Path) -> list[Path]:
    """Delete the temporary files a killed save left in ``out`` (and its ``documents/``); call it
    only while holding :func:`reserve`, when no other run can be writing them."""
    removed = []
    for folder in (out, out / PER_DOCUMENT_DIR):
        if not folder.is_dir():
            continue
        for entry in folder.iterdir():
            if _TEMPORARY.match(entry.name) and entry.is_file():
                entry.unlink(missing_ok=True)
                removed.append(entry)
    return removed


def _manifest(out: Path) -> dict[str, Any] | None:
    """The manifest of the report in ``out`` (None: no meta.json, or one without a manifest)."""
    try:
        meta = json.loads((out / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = meta.get(MANIFEST_KEY) if isinstance(meta, dict) else None
    return files if isinstance(files, dict) else None


def _remove_stale(out: Path, previous: dict[str, Any] | None, written: set[str]) -> None:
    """Report files of an earlier run that this one did not rewrite: those its manifest lists,
    and the fixed names a save writes (a report from before manifests). Nothing else is touched."""
    stale = set(previous or {}) | set(known_report_files())
    for name in sorted(stale - written - {META_FILE}):
        path = out / name
        # Only names a save writes: never anything outside the directory.
        if ".." in Path(name).parts or Path(name).is_absolute():
            continue
        if path.is_file() or path.is_symlink():
            path.unlink(missing_ok=True)
    pages = out / PER_DOCUMENT_DIR
    if pages.is_dir() and not any(pages.iterdir()):
        pages.rmdir()


def save(
    report: Tables,
    directory: str | Path,
    formats: str | Iterable[str] = DEFAULT_FORMATS,
    *,
    per_document: bool = False,
) -> list[Path]:
    """Write ``report`` under ``directory`` in each of ``formats`` plus ``meta.json`` (and, with
    ``per_document``, one HTML page per document), as one unit: see the module docstring.
    Returns the paths written, ``meta.json`` last."""
    chosen = parse_formats(formats)
    out = Path(directory)
    with reserve(out):
        remove_leftovers(out)
        previous = _manifest(out)
        staging = _Staging(out)
        try:
            written: list[Path] = []
            for fmt in chosen:
                written += _WRITERS[fmt](report, out, staging)
            if per_document:
                written += _write_pages(report, out, staging)
            meta = {**report.meta, MANIFEST_KEY: staging.manifest()}
            meta_path = out / META_FILE
            with staging.file(meta_path) as tmp:  # last: it vouches for the files before it
                tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=1, default=str) + "\n", "utf-8")
            staging.commit()
        finally:
            staging.discard()
        _remove_stale(out, previous, set(meta[MANIFEST_KEY]))
    return [*written, meta_path]


def _write_pages(report: Tables, out: Path, staging: _Staging) -> list[Path]:
    folder = out / PER_DOCUMENT_DIR
    try:
        folder.mkdir(exist_ok=True)
    except OSError as err:
        raise _write_error(folder, err) from None
    written = []
    for doc_id, name in document_file_names(report.documents["doc_id"]).items():
        path = folder / name
        _write_text(staging, path, html.render(report.document(doc_id), title=f"mt-check: {doc_id}"))
        written.append(path)
    return written


_UNSAFE = re.compile(r"[^\w.-]+")


def document_file_names(doc_ids: Iterable[str]) -> dict[str, str]:
    """A file name for each id: path separators and unsafe characters become ``_``, ``.html`` is
    added, and ids that would collide (``a/b`` and ``a_b``) get ``-2``, ``-3``…; stable for a
    given list of ids."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for doc_id in doc_ids:
        stem = _UNSAFE.sub("_", doc_id).strip("._")[:150] or "document"
        name, n = f"{stem}.html", 1
        while name.lower() in taken:  # case-insensitive filesystems too
            n += 1
            name = f"{stem}-{n}.html"
        taken.add(name.lower())
        names[doc_id] = name
    return names


def save_per_document(report: Tables, directory: str | Path) -> list[Path]:
    """``DIR/documents/NAME.html`` for each document of ``report`` (see :func:`document_file_names`).

    On its own these pages are not in the report's manifest; ``save(..., per_document=True)``
    writes them as part of the report."""
    out = Path(directory)
    with reserve(out):
        staging = _Staging(out)
        try:
            written = _write_pages(report, out, staging)
            staging.commit()
        finally:
            staging.discard()
    return written


# -- readers ----------------------------------------------------------------------------------


def _read_csv(path: Path, dtypes: dict[str, str]) -> pd.DataFrame:
    # Only an empty cell is missing: "NA", "null" or "nan" are words a sentence may contain.
    frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""], encoding="utf-8")
    for column in frame.columns:
        if dtypes.get(column) == "string":
            frame[column] = frame[column].map(restore_formula, na_action="ignore").astype("string")
    return frame


def _read_json(path: Path, dtypes: dict[str, str]) -> pd.DataFrame:
    records = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(records, list):
        raise InputError(f"{path}: expected an array of records, got {type(records).__name__}")
    return pd.DataFrame(records, columns=list(dtypes) if not records else None)


def _read_parquet(path: Path, dtypes: dict[str, str]) -> pd.DataFrame:
    _require("pyarrow", "parquet")
    return pd.read_parquet(path, engine="pyarrow")


def _excel_value(value: Any) -> Any:
    if isinstance(value, str) and "_x" in value:
        return _XML_ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), value)
    return value


def _read_xlsx_sheets(path: Path) -> dict[str, pd.DataFrame]:
    openpyxl = _require("openpyxl", "xlsx")
    book = openpyxl.load_workbook(path, data_only=True)
    frames = {}
    for name in TABLES:
        if name not in book.sheetnames:
            raise InputError(f"{path}: no sheet {name!r} (sheets: {', '.join(book.sheetnames)})")
        rows = book[name].iter_rows(values_only=True)
        header = [str(h) for h in next(rows, ()) if h is not None]
        records = [dict(zip(header, map(_excel_value, row), strict=False)) for row in rows]
        frames[name] = pd.DataFrame(records, columns=header)
    book.close()
    return frames


def _files(base: Path, fmt: str) -> list[Path]:
    if fmt == "xlsx":
        return [base / XLSX_FILE]
    return [base / f"{name}.{fmt}" for name in TABLES]


def _read_meta(base: Path) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """``meta.json`` without its manifest, and the manifest (None: saved before manifests)."""
    meta_path = base / META_FILE
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(
            f"{meta_path}: missing (every saved report has one; a run that was stopped while "
            "saving leaves none: run it again)"
        ) from None
    except (OSError, ValueError) as err:
        raise InputError(f"{meta_path}: cannot read ({err})") from None
    if not isinstance(meta, dict):
        raise InputError(f"{meta_path}: expected a JSON object, got {type(meta).__name__}")
    manifest = meta.pop(MANIFEST_KEY, None)
    if manifest is not None and not isinstance(manifest, dict):
        raise InputError(f"{meta_path}: {MANIFEST_KEY!r} is not a mapping of file names")
    return meta, manifest


def _verify(base: Path, name: str, manifest: dict[str, Any]) -> None:
    path = base / name
    expected = manifest.get(name)
    if not isinstance(expected, dict) or not path.is_file():
        raise InputError(f"missing report file(s): {path}")
    if _fingerprint(path) != {"sha256": expected.get("sha256"), "bytes": expected.get("bytes")}:
        raise InputError(
            f"{path}: does not match the manifest in {base / META_FILE} (changed since, or written "
            "by another run): the report directory is not one run's; run the report again"
        )


def load(directory: str | Path, format: str | None = None) -> Tables:
    """Read a report written by :func:`save`, from ``format`` or the most faithful one present.

    Only the files in the manifest of ``meta.json`` count, and each file read must match its
    hash there. A ``meta.json`` without a manifest (saved by an mt-check without manifests) is
    read as it was then: the tables present, unverified.
    """
    base = Path(directory)
    if format is not None and format not in READ_ORDER:
        raise InputError(f"cannot read a report back from {format!r}; readable: {', '.join(READ_ORDER)}")
    if not (base / META_FILE).is_file() and not any((base / n).is_file() for n in known_report_files()):
        raise InputError(
            f"{base}: no saved report (looked for {', '.join(f'*.{f}' for f in READ_ORDER)} of the "
            f"tables {', '.join(TABLES)})"
        )
    meta, manifest = _read_meta(base)

    def names(fmt: str) -> list[str]:
        return [p.name for p in _files(base, fmt)]

    def saved(fmt: str) -> bool:
        if manifest is not None:
            return all(n in manifest for n in names(fmt))
        return all((base / n).is_file() for n in names(fmt))

    if format is None:
        present = [f for f in READ_ORDER if saved(f)]
        if not present:
            listed = ", ".join(sorted(manifest)) if manifest else "nothing"
            raise InputError(
                f"{base}: no saved report (looked for {', '.join(f'*.{f}' for f in READ_ORDER)} of the "
                f"tables {', '.join(TABLES)}; the run saved {listed})"
            )
        format = present[0]
    if manifest is not None:
        for name in names(format):
            _verify(base, name, manifest)
    missing = [str(p) for p in _files(base, format) if not p.is_file()]
    if missing:
        raise InputError(f"missing report file(s): {', '.join(missing)}")

    sheets = _read_xlsx_sheets(base / XLSX_FILE) if format == "xlsx" else {}
    readers = {"csv": _read_csv, "json": _read_json, "parquet": _read_parquet}
    found: dict[str, pd.DataFrame] = {}
    for name, dtypes in tables.DTYPES.items():
        path = base / (XLSX_FILE if format == "xlsx" else f"{name}.{format}")
        frame = sheets[name] if format == "xlsx" else readers[format](path, dict(dtypes))
        absent = [c for c in dtypes if c not in frame.columns]
        if absent:
            raise InputError(f"{path}: table {name} lacks column(s) {', '.join(absent)}")
        try:
            found[name] = tables.frame(_records(frame[list(dtypes)]), list(dtypes), dtypes)
        except (TypeError, ValueError) as err:
            raise InputError(f"{path}: table {name} has values of the wrong type ({err})") from None
    return Tables(found["sentences"], found["issues"], found["documents"], meta)
