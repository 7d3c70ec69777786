"""The Report: three pandas tables (documents, sentences, issues) plus ``meta``, computed once.

A thin facade: the tables, their columns and how they are built live in :mod:`mt_check.tables`;
saving and loading in :mod:`mt_check.export`; the page and the Jupyter views in
:mod:`mt_check.html` and :mod:`mt_check.notebook`. Those modules read :class:`~mt_check.tables.Tables`
and never import this one, so the arrows point one way. Column names are stable and listed in
the README.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from mt_check import tables
from mt_check.tables import (  # re-exported: callers imported them from here before tables.py
    DOCUMENT_COLUMNS,
    FRENCH,
    ISSUE_COLUMNS,
    ISSUE_ORDER,
    LEAST_LIKELY_WORDS,
    NOT_FRENCH,
    SENTENCE_COLUMNS,
    Tables,
    build_tables,
)


def concat(reports: Sequence[Tables], meta: dict[str, Any]) -> Report:
    """One Report from several (batches of one run, in order): tables stacked, ``meta`` given."""
    return Report.of(tables.concat(reports, meta))


# A subclass with no fields of its own: the dataclass (frozen, its fields, __init__) is Tables'.
class Report(Tables):
    """The result of a check. ``sentences``/``issues``/``documents`` are pandas DataFrames."""

    @classmethod
    def of(cls, found: Tables) -> Report:
        """The Report over ``found`` (the tables :func:`mt_check.export.load` reads back)."""
        return cls(found.sentences, found.issues, found.documents, meta=found.meta)

    def save(
        self,
        directory: str | Path,
        formats: str | Iterable[str] = ("csv", "json"),
        *,
        per_document: bool = False,
    ) -> list[Path]:
        """Write the tables in each of ``formats`` (csv, json, parquet, xlsx, html) and ``meta.json``
        (with the manifest of the files written), and with ``per_document`` one HTML page per
        document under ``documents/``: one unit, locked, see :mod:`mt_check.export`."""
        from mt_check import export

        return export.save(self, directory, formats, per_document=per_document)

    def save_per_document(self, directory: str | Path) -> list[Path]:
        """One HTML report per document under ``directory/documents/``, named after its id."""
        from mt_check import export

        return export.save_per_document(self, directory)

    @classmethod
    def load(cls, directory: str | Path, format: str | None = None) -> Report:
        """Read back a report written by :meth:`save` (the most faithful format present by default);
        only files in its manifest, each checked against its hash."""
        from mt_check import export

        return cls.of(export.load(directory, format))

    def to_html(self, title: str = "mt-check report") -> str:
        """The whole report as one self-contained HTML page (no script, no network)."""
        from mt_check import html

        return html.render(self, title)

    def _repr_html_(self) -> str:
        from mt_check import html

        return html.summary(self)

    def __repr__(self) -> str:
        """A short plain-text summary (counts, documents, the worst sentence), not the tables."""
        from mt_check import notebook

        return notebook.text_summary(self)

    def flagged(
        self, min_severity: str = "major", category: str | Iterable[str] | None = None
    ) -> pd.DataFrame:
        """Issues at or above ``min_severity`` (optionally in ``category``), with their sentence text."""
        from mt_check import notebook

        return notebook.flagged(self, min_severity, category)

    def style_sentences(self, columns: list[str] | None = None) -> Any:
        """A pandas Styler of the sentences: spans highlighted, severities and labels coloured."""
        from mt_check import notebook

        return notebook.style_sentences(self, columns)

    def style_issues(self, issues: pd.DataFrame | None = None, columns: list[str] | None = None) -> Any:
        """A pandas Styler of the issues (or of ``issues``, e.g. ``flagged()``): each span in a short
        context of its sentence, severities coloured, missing suggestions empty."""
        from mt_check import notebook

        return notebook.style_issues(self, issues, columns)

    def show_sentence(self, doc_id: str, sent_id: int) -> Any:
        """One sentence for Jupyter: highlighted spans, back-translation, round trip and scores."""
        from mt_check import notebook

        return notebook.show_sentence(self, doc_id, sent_id)


__all__ = [
    "DOCUMENT_COLUMNS", "FRENCH", "ISSUE_COLUMNS", "ISSUE_ORDER", "LEAST_LIKELY_WORDS", "NOT_FRENCH",
    "SENTENCE_COLUMNS", "Report", "Tables", "build_tables", "concat",
]  # fmt: skip
