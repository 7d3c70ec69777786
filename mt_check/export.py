"""Writing a Report to files and reading it back: CSV, JSON, Parquet, Excel and HTML.

Layout of a report directory (each format adds its files; ``meta.json`` is always written):

* ``csv``: ``documents.csv``, ``sentences.csv``, ``issues.csv`` (UTF-8, header row, empty = missing)
* ``json``: ``documents.json``, ``sentences.json``, ``issues.json`` (arrays of records) + ``meta.json``
* ``parquet``: ``documents.parquet``, ``sentences.parquet``, ``issues.parquet``
* ``xlsx``: ``report.xlsx``, one sheet per table and a ``meta`` sheet
* ``html``: ``report.html`` (write only)

Every file is written to a temporary name beside it and moved into place with ``os.replace``, so
a reader never sees half a file. :func:`load` reads any of the tabular formats back to the same
DataFrames (same columns, same dtypes). What a format cannot keep: CSV and Excel have no empty
string distinct from an empty cell, so ``""`` reads back as missing; Excel keeps 16 significant
digits of a float (Excel itself shows 15).
"""

from __future__ import annotations

import json
import math
import os
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from mt_check.types import InputError

if TYPE_CHECKING:
    from mt_check.report import Report

FORMATS = ("csv", "json", "parquet", "xlsx", "html")
DEFAULT_FORMATS = ("csv", "json")
TABLES = ("documents", "sentences", "issues")
READ_ORDER = ("parquet", "json", "xlsx", "csv")  # most faithful first
META_FILE = "meta.json"
XLSX_FILE = "report.xlsx"
HTML_FILE = "report.html"
_INSTALL_HINT = "pip install 'mt-check[report]'"


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


@contextmanager
def _atomic(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path``, moved onto it when the block succeeds."""
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


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


def _write_csv(report: Report, out: Path) -> list[Path]:
    paths = []
    for name, frame in _tables(report).items():
        path = out / f"{name}.csv"
        with _atomic(path) as tmp:
            frame.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")
        paths.append(path)
    return paths


def _write_json(report: Report, out: Path) -> list[Path]:
    paths = []
    for name, frame in _tables(report).items():
        path = out / f"{name}.json"
        _write_text(path, json.dumps(_records(frame), ensure_ascii=False, indent=1) + "\n")
        paths.append(path)
    return paths


def _write_parquet(report: Report, out: Path) -> list[Path]:
    _require("pyarrow", "parquet")
    paths = []
    for name, frame in _tables(report).items():
        path = out / f"{name}.parquet"
        with _atomic(path) as tmp:
            frame.to_parquet(tmp, index=False, engine="pyarrow")
        paths.append(path)
    return paths


# Characters XML 1.0 cannot hold; Excel writes them as _xHHHH_ and reads them back.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XML_ESCAPED = re.compile(r"_x(000[0-8bBcCeEfF]|001[0-9a-fA-F])_")
_SEVERITY_FILL = {"minor": "FFF3BF", "major": "FFD8A8", "critical": "FFC9C9"}
_LABEL_FILL = {"ok": "D3F9D8", "review": "FFF0C2", "bad": "FFE3E3"}
_COLOURED = {"severity": _SEVERITY_FILL, "worst_severity": _SEVERITY_FILL, "label": _LABEL_FILL}
_MIN_WIDTH, _MAX_WIDTH = 8, 70


def _excel_text(value: str) -> str:
    return _XML_ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", value)


def _write_xlsx(report: Report, out: Path) -> list[Path]:
    openpyxl = _require("openpyxl", "xlsx")
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    fills = {colour: PatternFill("solid", start_color=colour) for colour in
             [*_SEVERITY_FILL.values(), *_LABEL_FILL.values()]}  # fmt: skip
    bold = Font(bold=True)
    header_fill = PatternFill("solid", start_color="E9ECEF")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, frame in _tables(report).items():
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
    with _atomic(path) as tmp:
        book.save(tmp)
    return [path]


def _write_html(report: Report, out: Path) -> list[Path]:
    from mt_check.html import render

    path = out / HTML_FILE
    _write_text(path, render(report))
    return [path]


def _write_text(path: Path, text: str) -> None:
    with _atomic(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


_WRITERS: dict[str, Callable[[Report, Path], list[Path]]] = {
    "csv": _write_csv,
    "json": _write_json,
    "parquet": _write_parquet,
    "xlsx": _write_xlsx,
    "html": _write_html,
}


def _make_directory(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise InputError(f"{out}: cannot create the report directory ({err.strerror or err})") from None


def save(report: Report, directory: str | Path, formats: str | Iterable[str] = DEFAULT_FORMATS) -> list[Path]:
    """Write ``report`` under ``directory`` in each of ``formats`` plus ``meta.json``; return the paths."""
    chosen = parse_formats(formats)
    out = Path(directory)
    _make_directory(out)
    written: list[Path] = []
    for fmt in chosen:
        written += _WRITERS[fmt](report, out)
    meta_path = out / META_FILE
    _write_text(meta_path, json.dumps(report.meta, ensure_ascii=False, indent=1, default=str) + "\n")
    return [*written, meta_path]


PER_DOCUMENT_DIR = "documents"
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


def save_per_document(report: Report, directory: str | Path) -> list[Path]:
    """``DIR/documents/NAME.html`` for each document of ``report`` (see :func:`document_file_names`)."""
    from mt_check.html import render

    out = Path(directory) / PER_DOCUMENT_DIR
    _make_directory(out)
    written = []
    for doc_id, name in document_file_names(report.documents["doc_id"]).items():
        path = out / name
        _write_text(path, render(report.document(doc_id), title=f"mt-check: {doc_id}"))
        written.append(path)
    return written


# -- readers ----------------------------------------------------------------------------------


def _read_csv(path: Path, dtypes: dict[str, str]) -> pd.DataFrame:
    # Only an empty cell is missing: "NA", "null" or "nan" are words a sentence may contain.
    return pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""], encoding="utf-8")


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


def load(directory: str | Path, format: str | None = None) -> Report:
    """Read a report written by :func:`save`, from ``format`` or the most faithful one present."""
    from mt_check.report import _DTYPES, Report, _frame

    base = Path(directory)
    if format is None:
        present = [f for f in READ_ORDER if all(p.is_file() for p in _files(base, f))]
        if not present:
            raise InputError(
                f"{base}: no saved report (looked for {', '.join(f'*.{f}' for f in READ_ORDER)} of the "
                f"tables {', '.join(TABLES)})"
            )
        format = present[0]
    elif format not in READ_ORDER:
        raise InputError(f"cannot read a report back from {format!r}; readable: {', '.join(READ_ORDER)}")
    missing = [str(p) for p in _files(base, format) if not p.is_file()]
    if missing:
        raise InputError(f"missing report file(s): {', '.join(missing)}")

    sheets = _read_xlsx_sheets(base / XLSX_FILE) if format == "xlsx" else {}
    readers = {"csv": _read_csv, "json": _read_json, "parquet": _read_parquet}
    tables = {}
    for name, dtypes in _DTYPES.items():
        path = base / (XLSX_FILE if format == "xlsx" else f"{name}.{format}")
        frame = sheets[name] if format == "xlsx" else readers[format](path, dtypes)
        absent = [c for c in dtypes if c not in frame.columns]
        if absent:
            raise InputError(f"{path}: table {name} lacks column(s) {', '.join(absent)}")
        try:
            tables[name] = _frame(_records(frame[list(dtypes)]), list(dtypes), dtypes)
        except (TypeError, ValueError) as err:
            raise InputError(f"{path}: table {name} has values of the wrong type ({err})") from None

    meta_path = base / META_FILE
    if not meta_path.is_file():
        raise InputError(f"{meta_path}: missing (every saved report has one)")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    return Report(tables["sentences"], tables["issues"], tables["documents"], meta)


def _tables(report: Report) -> dict[str, pd.DataFrame]:
    return {"documents": report.documents, "sentences": report.sentences, "issues": report.issues}
