"""Exploring a Report in Jupyter: filtered issue tables, pandas Stylers with spans highlighted, and
the plain-text summary ``repr(report)`` prints.

Stylers escape every cell; only the highlighted sentence and context columns are markup, built
by :func:`mt_check.html.highlight`, which escapes the text itself. The Stylers show table ids as
they are (``sent_id`` from 0: what ``show_sentence`` and the DataFrames take).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

from mt_check import html
from mt_check.types import Category, InputError, Label, Severity

if TYPE_CHECKING:
    from pandas.io.formats.style import Styler

    from mt_check.tables import Tables

_BOLD = {Severity.CRITICAL.value, Label.BAD.value}  # the worst of each stands out


def _cell_style(value: str, swatch: html.Swatch) -> str:
    bold = ";font-weight:600" if value in _BOLD else ""
    return f"background-color:{swatch.fill};color:{swatch.ink}{bold}"


# Cells coloured as on the HTML page: html's palette.
SEVERITY_STYLE = {s.value: _cell_style(s.value, c) for s, c in html.SEVERITY_COLOURS.items()}
LABEL_STYLE = {label.value: _cell_style(label.value, c) for label, c in html.LABEL_COLOURS.items()}
SENTENCE_VIEW = [
    "doc_id", "sent_id", "text", "n_issues", "worst_severity", "quality_score", "label",
    "back_translation", "round_trip", "rt_chrf",
]  # fmt: skip
# The highlight CSS, scoped to the Styler's table by pandas.
_MARK_STYLES = [
    {"selector": "mark.mtc-hl", "props": "border-radius:3px;padding:0 1px;border-bottom:2px solid"},
    *(
        {"selector": f"mark.mtc-{s.value}", "props": f"background:{c.fill};border-color:{c.edge}"}
        for s, c in html.SEVERITY_COLOURS.items()
    ),
    {"selector": "mark.mtc-overlap", "props": "border-bottom-style:double;border-bottom-width:4px"},
    {"selector": "mark.mtc-gap", "props": "background:none;font-weight:700"},
    {"selector": "mark.mtc-gap::before", "props": "content:'\\2038'"},
    {"selector": "sup.mtc-ref", "props": "font-size:9px;color:#57606a"},
    # Long cells wrap (a URL, a model's output) so the table fits a notebook's width.
    {"selector": "td", "props": "text-align:left;vertical-align:top;max-width:36em;overflow-wrap:anywhere"},
]
ISSUE_VIEW = [
    "doc_id", "sent_id", "context", "severity", "category", "code", "message", "suggestion", "confidence",
]  # fmt: skip
CONTEXT_CHARS = 40  # characters of the sentence kept on each side of the span
SPAN_CHARS = 60  # a longer span is shortened in the middle
ELLIPSIS = "…"
SUMMARY_DOCUMENTS = 5  # documents listed by repr(report)
SUMMARY_TEXT = 70  # characters of the worst sentence repr(report) quotes
_CONTEXT_NEEDS = {"doc_id", "sent_id", "start", "end", "span", "severity", "code"}


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
    report: Tables, min_severity: str = "major", category: str | Iterable[str] | None = None
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


def style_sentences(report: Tables, columns: list[str] | None = None) -> Styler:
    """The sentences table as a Styler: spans highlighted in ``text``, severities and labels coloured.

    The Styler's ``text`` column holds the highlighted HTML; every other cell is escaped.
    """
    view = html.View.of(report)
    shown = list(columns or SENTENCE_VIEW)
    frame = report.sentences[shown].copy()
    if "text" in shown:
        rows = html.table_rows(report.sentences)
        frame["text"] = [html.highlight(str(s["text"]), html.marks(s, view.issues_of(s))) for s in rows]
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


def _shorten(text: str, chars: int, side: str) -> str:
    """``text`` cut to about ``chars`` characters at a word boundary, ``…`` where it was cut.

    ``side`` is the end kept: "start" (text after a span), "end" (text before it), "both" (a
    long span: its start and end, the middle elided).
    """
    if len(text) <= chars:
        return text
    if side == "both":
        half = chars // 2
        return f"{text[:half]}{ELLIPSIS}{text[-half:]}"
    if side == "start":
        cut = text[:chars]
        if not text[chars].isspace():  # cut inside a word: end at the word before it
            space = cut.rfind(" ")
            cut = cut[:space] if space > chars // 2 else cut
        return cut.rstrip() + ELLIPSIS
    cut = text[-chars:]
    if not text[-chars - 1].isspace():  # cut inside a word: start at the word after it
        space = cut.find(" ")
        cut = cut[space + 1 :] if 0 <= space < chars // 2 else cut
    return ELLIPSIS + cut.lstrip()


def context(text: str, start: int, end: int, severity: str = "minor", note: str = "") -> str:
    """The span at ``[start, end)`` of a sentence, highlighted (``note`` on hover), with about
    :data:`CONTEXT_CHARS` characters of the sentence on each side: escaped HTML, one short line."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    before = _shorten(text[:start], CONTEXT_CHARS, "end")
    after = _shorten(text[end:], CONTEXT_CHARS, "start")
    span = _shorten(text[start:end], SPAN_CHARS, "both")
    mark = html.Mark(len(before), len(before) + len(span), html.severity_class(severity), note, 1)
    return html.highlight(before + span + after, [mark], refs=False)


def _contexts(report: Tables, frame: pd.DataFrame) -> list[str]:
    """Each issue's :func:`context` in its sentence (the span alone when the sentence is not in the
    report)."""
    columns = ["doc_id", "sent_id", "start", "text"]
    sentences = {(str(s["doc_id"]), int(s["sent_id"])): s for s in html.table_rows(report.sentences[columns])}
    shown = []
    for issue in html.table_rows(frame[["doc_id", "sent_id", "start", "end", "span", "severity", "code"]]):
        note = "" if html.missing(issue["code"]) else str(issue["code"])
        sentence = sentences.get((str(issue["doc_id"]), int(issue["sent_id"])))
        if sentence is None:
            span = "" if html.missing(issue["span"]) else str(issue["span"])
            shown.append(context(span, 0, len(span), issue["severity"], note))
            continue
        base = int(sentence["start"])
        start, end = int(issue["start"]) - base, int(issue["end"]) - base
        shown.append(context(str(sentence["text"]), start, end, issue["severity"], note))
    return shown


def style_issues(
    report: Tables, issues: pd.DataFrame | None = None, columns: list[str] | None = None
) -> Styler:
    """The issues table (or a filtered part of it, e.g. :func:`flagged`) as an escaped Styler.

    By default the columns of :data:`ISSUE_VIEW` that the table has, ``context`` being the span
    highlighted in its sentence, cut to a few words around it, so the table fits a notebook's
    width; ``columns`` picks others (``context`` among them if wanted). The severity cells take
    the severity's colour. A missing suggestion or message shows as an empty cell; an empty
    suggestion (delete the span) as "(delete)".
    """
    frame = report.issues if issues is None else issues
    if columns is not None:
        unknown = [c for c in columns if c not in frame.columns and c != "context"]
        if unknown:
            known = ", ".join(["context", *map(str, frame.columns)])
            raise InputError(f"unknown column(s) {', '.join(map(repr, unknown))}; known: {known}")
    wanted = (
        list(columns)
        if columns is not None
        else [c for c in ISSUE_VIEW if c in frame.columns or c == "context"]
    )
    has_context = "context" in wanted and _CONTEXT_NEEDS <= set(frame.columns)
    wanted = [c for c in wanted if c in frame.columns or (c == "context" and has_context)]
    shown = frame[[c for c in wanted if c != "context"]].copy()
    if has_context:
        shown.insert(wanted.index("context"), "context", _contexts(report, frame))
    if "suggestion" in shown.columns:
        shown["suggestion"] = [html.suggestion_text(v) for v in shown["suggestion"]]
    if "message" in shown.columns:
        shown["message"] = ["" if html.missing(v) else str(v) for v in shown["message"]]
    others = [c for c in shown.columns if c != "context"]
    styler = shown.style.hide(axis="index").set_table_styles(_MARK_STYLES)
    styler = styler.format(escape="html", subset=others, na_rep=html.NA, precision=1)
    if has_context:
        styler = styler.format(lambda markup: markup, subset=["context"])
    if "severity" in shown.columns:
        styler = styler.map(_severity_css, subset=["severity"])
        if "span" in shown.columns:
            css = shown["severity"].map(_severity_css)
            styler = styler.apply(lambda _column: css, subset=["span"], axis=0)
    return styler


def text_summary(report: Tables) -> str:
    """``repr(report)``: a few lines of plain text, like the HTML summary, not whole tables."""
    documents, sentences, issues = report.documents, report.sentences, report.issues
    counts = {s: int((issues["severity"] == s).sum()) for s in html.SEVERITIES}
    by_severity = ", ".join(f"{counts[s]} {s}" for s in reversed(html.SEVERITIES))
    lines = [
        f"<mt-check Report: {html.plural(len(documents), 'document')}, "
        f"{html.plural(len(sentences), 'sentence')}, {html.plural(len(issues), 'issue')} ({by_severity})"
    ]
    for doc in html.table_rows(documents.head(SUMMARY_DOCUMENTS)):
        label = "–" if html.missing(doc["label"]) else doc["label"]
        score = "" if html.missing(doc["quality_score"]) else f", quality {float(doc['quality_score']):.1f}"
        lines.append(
            f"  {doc['doc_id']}: {label}{score}, {html.plural(int(doc['sentences']), 'sentence')}, "
            f"{html.plural(int(doc['n_issues']), 'issue')}"
        )
    if len(documents) > SUMMARY_DOCUMENTS:
        lines.append(f"  … and {html.plural(len(documents) - SUMMARY_DOCUMENTS, 'more document')}")
    flagged = [s for s in html.worst_first(html.table_rows(sentences)) if int(s["n_issues"])]
    if flagged:
        worst = flagged[0]
        text = " ".join(str(worst["text"]).split())
        text = text if len(text) <= SUMMARY_TEXT else text[: SUMMARY_TEXT - 1] + ELLIPSIS
        score = (
            "" if html.missing(worst["quality_score"]) else f", quality {float(worst['quality_score']):.1f}"
        )
        lines.append(
            f"  worst: {worst['doc_id']} sentence {html.sentence_number(worst['sent_id'])} "
            f"({worst['label']}{score}, {html.plural(int(worst['n_issues']), 'issue')}): {text}"
        )
    lines.append("  .documents, .sentences, .issues: the tables; .flagged(), .to_html(), .save(DIR)>")
    return "\n".join(lines)


def show_sentence(report: Tables, doc_id: str, sent_id: int) -> html.HtmlFragment:
    """One sentence for Jupyter: highlighted spans, footnotes, back-translation, round trip, scores."""
    return html.sentence(report, doc_id, sent_id)
