"""Exploring a Report in Jupyter: filtered issue tables and pandas Stylers with spans highlighted.

Stylers escape every cell; only the highlighted sentence column is markup, built by
:func:`mt_check.html.highlight`, which escapes the text itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

from mt_check import html
from mt_check.types import Category, InputError, Severity

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

    from mt_check.report import Report

SEVERITY_STYLE = {
    "minor": "background-color:#fff3bf;color:#5c4400",
    "major": "background-color:#ffd8a8;color:#7a2e00",
    "critical": "background-color:#ffc9c9;color:#8a1212;font-weight:600",
}
LABEL_STYLE = {
    "ok": "background-color:#d3f9d8;color:#2b8a3e",
    "review": "background-color:#fff0c2;color:#8a5a00",
    "bad": "background-color:#ffe3e3;color:#c92a2a;font-weight:600",
}
SENTENCE_VIEW = [
    "doc_id", "sent_id", "text", "n_issues", "worst_severity", "quality_score", "label",
    "back_translation", "round_trip", "rt_chrf",
]  # fmt: skip
# The highlight CSS, scoped to the Styler's table by pandas.
_MARK_STYLES = [
    {"selector": "mark.mtc-hl", "props": "border-radius:3px;padding:0 1px;border-bottom:2px solid"},
    {"selector": "mark.mtc-minor", "props": "background:#fff3bf;border-color:#e0b400"},
    {"selector": "mark.mtc-major", "props": "background:#ffd8a8;border-color:#e8590c"},
    {"selector": "mark.mtc-critical", "props": "background:#ffc9c9;border-color:#e03131"},
    {"selector": "mark.mtc-overlap", "props": "border-bottom-style:double;border-bottom-width:4px"},
    {"selector": "mark.mtc-gap", "props": "background:none;font-weight:700"},
    {"selector": "mark.mtc-gap::before", "props": "content:'\\2038'"},
    {"selector": "sup.mtc-ref", "props": "font-size:9px;color:#57606a"},
    {"selector": "td", "props": "text-align:left;vertical-align:top"},
]


def _severities_from(min_severity: str) -> set[str]:
    try:
        threshold = Severity(min_severity).rank
    except ValueError:
        known = ", ".join(s.value for s in Severity)
        raise InputError(f"unknown severity {min_severity!r}; known: {known}") from None
    return {s.value for s in Severity if s.rank >= threshold}


def _categories_from(category: str | Iterable[str] | None) -> set[str] | None:
    if category is None:
        return None
    wanted = {category} if isinstance(category, str) else set(category)
    unknown = sorted(wanted - {c.value for c in Category})
    if unknown:
        known = ", ".join(c.value for c in Category)
        raise InputError(f"unknown categor{'y' if len(unknown) == 1 else 'ies'} {unknown}; known: {known}")
    return wanted


def flagged(
    report: Report, min_severity: str = "major", category: str | Iterable[str] | None = None
) -> pd.DataFrame:
    """Issues at or above ``min_severity`` (in ``category``, one or several), with their sentence.

    The issues columns, in document order, plus ``text`` (the sentence) and its ``quality_score``.
    """
    issues = report.issues
    keep = issues["severity"].isin(_severities_from(min_severity))
    categories = _categories_from(category)
    if categories is not None:
        keep &= issues["category"].isin(categories)
    context = report.sentences[["doc_id", "sent_id", "text", "quality_score"]]
    merged = issues[keep].merge(context, on=["doc_id", "sent_id"], how="left", validate="many_to_one")
    return merged.reset_index(drop=True)


def _severity_css(value: object) -> str:
    return SEVERITY_STYLE.get(value, "") if isinstance(value, str) else ""


def _label_css(value: object) -> str:
    return LABEL_STYLE.get(value, "") if isinstance(value, str) else ""


def style_sentences(report: Report, columns: list[str] | None = None) -> Styler:
    """The sentences table as a Styler: spans highlighted in ``text``, severities and labels coloured.

    The Styler's ``text`` column holds the highlighted HTML; every other cell is escaped.
    """
    view = html._View.of(report)
    shown = list(columns or SENTENCE_VIEW)
    frame = report.sentences[shown].copy()
    if "text" in shown:
        rows = html._rows(report.sentences)
        frame["text"] = [html.highlight(str(s["text"]), html._marks(s, view.issues_of(s))) for s in rows]
    others = [c for c in shown if c != "text"]
    styler = frame.style.hide(axis="index").set_table_styles(_MARK_STYLES)
    styler = styler.format(escape="html", subset=others, na_rep=html.NA, precision=1)
    if "text" in shown:
        styler = styler.format(lambda markup: markup, subset=["text"])
    if "worst_severity" in shown:
        styler = styler.map(_severity_css, subset=["worst_severity"])
    if "label" in shown:
        styler = styler.map(_label_css, subset=["label"])
    return styler


def style_issues(report: Report, issues: pd.DataFrame | None = None) -> Styler:
    """The issues table (or a filtered part of it, e.g. :func:`flagged`) as an escaped Styler.

    The span and severity cells take the severity's colour.
    """
    frame = report.issues if issues is None else issues
    styler = frame.style.hide(axis="index").set_table_styles(_MARK_STYLES)
    styler = styler.format(escape="html", na_rep=html.NA, precision=1)
    severity = frame["severity"] if "severity" in frame.columns else None
    if severity is not None:
        styler = styler.map(_severity_css, subset=["severity"])
        if "span" in frame.columns:
            css = severity.map(_severity_css)
            styler = styler.apply(lambda _column: css, subset=["span"], axis=0)
    return styler


def show_sentence(report: Report, doc_id: str, sent_id: int) -> html.HtmlFragment:
    """One sentence for Jupyter: highlighted spans, footnotes, back-translation, round trip, scores."""
    return html.sentence(report, doc_id, sent_id)
