"""HTML for people: the self-contained report page, and the fragments Jupyter displays.

Every string that comes from the input, the models, the user or ``meta`` is escaped with
``html.escape(..., quote=True)``, in text and in attributes alike; class names come from fixed
lists and element ids from numbers only, never from data. The page loads nothing and runs
nothing: inline CSS, charts drawn as HTML/CSS bars, and a Content-Security-Policy that forbids
scripts as a second line of defence.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mt_check.__version__ import __version__
from mt_check.types import Severity

if TYPE_CHECKING:
    import pandas as pd

    from mt_check.report import Report

SEVERITIES = tuple(s.value for s in Severity)  # minor, major, critical: fixed class names
LABELS = ("ok", "review", "bad")
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
HISTOGRAM_BINS = 10
NA = "–"


class HtmlFragment(str):
    """A ``str`` of HTML that Jupyter renders as HTML; ``print()`` shows the markup."""

    def _repr_html_(self) -> str:
        return str(self)


# -- values -----------------------------------------------------------------------------------


def _missing(value: object) -> bool:
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return True
    return isinstance(value, float) and math.isnan(value)


# Control characters kept from the input (a NUL) show as their Unicode pictures (␀), which a
# browser would otherwise drop or replace unseen; tab and line breaks stay (tooltips use them).
_PICTURES = {c: 0x2400 + c for c in range(0x20) if chr(c) not in "\t\n\r"} | {0x7F: 0x2421}


def esc(value: object) -> str:
    """The escaped text of a value (``–`` when missing): safe in text and in quoted attributes."""
    return NA if _missing(value) else html.escape(str(value).translate(_PICTURES), quote=True)


def _num(value: object, digits: int = 1) -> str:
    return NA if _missing(value) else f"{float(value):.{digits}f}"  # type: ignore[arg-type]


def _severity(value: object) -> str:
    """A known severity for class names; anything else (a hand-built table) counts as minor."""
    return value if isinstance(value, str) and value in SEVERITIES else "minor"


def _label(value: object) -> str:
    return value if isinstance(value, str) and value in LABELS else "review"


def _rank(severity: str) -> int:
    return SEVERITIES.index(severity)


# -- spans ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """One issue to highlight in a sentence: offsets into the sentence text, half-open."""

    start: int
    end: int
    severity: str
    note: str  # plain text for the tooltip; escaped when rendered
    number: int  # footnote number


def cut(length: int, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int, tuple[int, ...]]]:
    """Pieces of ``[0, length)`` cut at every span boundary, each with the spans that cover it.

    Overlapping and nested spans become runs of adjacent pieces, so the markup never interleaves.
    """
    bounds = sorted({0, length, *(p for s, e in spans for p in (s, e) if 0 <= p <= length)})
    return [
        (a, b, tuple(i for i, (s, e) in enumerate(spans) if s <= a and b <= e))
        for a, b in zip(bounds, bounds[1:], strict=False)
    ]


def highlight(text: str, marks: Sequence[Mark], anchor: str | None = None) -> str:
    """``text`` escaped, with each mark's piece(s) wrapped in ``<mark>`` and a footnote number.

    A zero-length mark (something missing) shows as a caret at its position. ``anchor`` (built
    from numbers by the caller) turns the footnote numbers into links to ``#{anchor}{number}``.
    """
    n = len(text)
    ranged = [(m, max(0, m.start), min(n, m.end)) for m in marks if m.start < m.end]
    ranged = [(m, s, e) for m, s, e in ranged if s < e]  # outside the sentence: footnote only
    gaps = [m for m in marks if m.start == m.end and 0 <= m.start <= n]

    def ref(m: Mark) -> str:
        number = str(m.number)
        inner = f'<a href="#{anchor}{number}">{number}</a>' if anchor is not None else number
        return f'<sup class="mtc-ref">{inner}</sup>'

    def gap_markup(position: int) -> str:
        return "".join(
            f'<mark class="mtc-gap mtc-{m.severity}" title="{esc(m.note)}" '
            f'data-issues="{m.number}"></mark>{ref(m)}'
            for m in gaps
            if m.start == position
        )

    bounds = [(s, e) for _, s, e in ranged] + [(m.start, m.start) for m in gaps]
    out: list[str] = []
    for a, b, covering in cut(n, bounds):
        out.append(gap_markup(a))
        piece = esc(text[a:b])
        over = [ranged[i][0] for i in covering if i < len(ranged)]
        if over:
            worst = max((m.severity for m in over), key=_rank)
            overlap = " mtc-overlap" if len(over) > 1 else ""
            title = esc("\n".join(m.note for m in over))
            numbers = " ".join(str(m.number) for m in over)
            out.append(
                f'<mark class="mtc-hl mtc-{worst}{overlap}" title="{title}" '
                f'data-issues="{numbers}">{piece}</mark>'
            )
        else:
            out.append(piece)
        out.extend(ref(m) for m, _, e in ranged if e == b)
    out.append(gap_markup(n))
    return "".join(out)


# -- the tables, read once --------------------------------------------------------------------


def _rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    columns = list(frame.columns)
    return [dict(zip(columns, values, strict=True)) for values in frame.itertuples(index=False, name=None)]


@dataclass(frozen=True)
class _View:
    """The report's rows grouped for rendering; ``issues`` keyed by (doc_id, sent_id)."""

    doc_ids: list[str]
    documents: dict[str, dict[str, Any]]
    sentences: dict[str, list[dict[str, Any]]]
    issues: dict[tuple[str, int], list[dict[str, Any]]]

    @classmethod
    def of(cls, report: Report) -> _View:
        documents = {str(r["doc_id"]): r for r in _rows(report.documents)}
        sentences: dict[str, list[dict[str, Any]]] = {}
        for r in _rows(report.sentences):
            sentences.setdefault(str(r["doc_id"]), []).append(r)
        issues: dict[tuple[str, int], list[dict[str, Any]]] = {}
        for r in _rows(report.issues):
            issues.setdefault((str(r["doc_id"]), int(r["sent_id"])), []).append(r)
        for found in issues.values():
            found.sort(key=lambda r: (int(r["start"]), int(r["end"])))
        doc_ids = list(dict.fromkeys([*documents, *sentences]))
        return cls(doc_ids, documents, sentences, issues)

    def issues_of(self, sentence: Mapping[str, Any]) -> list[dict[str, Any]]:
        return self.issues.get((str(sentence["doc_id"]), int(sentence["sent_id"])), [])


def worst_first(sentences: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Lowest quality score first; ties: most issues, then document order."""

    def key(s: Mapping[str, Any]) -> tuple[float, int, int]:
        score = s["quality_score"]
        return (math.inf if _missing(score) else float(score), -int(s["n_issues"]), int(s["sent_id"]))

    return sorted(sentences, key=key)


# -- pieces -----------------------------------------------------------------------------------


def _suggestion(value: object) -> str:
    """Plain text of a suggestion; an empty one means "delete the span"."""
    if _missing(value):
        return ""
    return "(delete)" if value == "" else str(value)


def _note(issue: Mapping[str, Any]) -> str:
    suggestion = _suggestion(issue["suggestion"])
    arrow = f" → {suggestion}" if suggestion else ""
    message = "" if _missing(issue["message"]) else f": {issue['message']}"
    return f"{_severity(issue['severity'])} · {issue['category']}{message}{arrow} [{issue['code']}]"


def _marks(sentence: Mapping[str, Any], issues: Sequence[Mapping[str, Any]]) -> list[Mark]:
    base = int(sentence["start"])
    return [
        Mark(int(i["start"]) - base, int(i["end"]) - base, _severity(i["severity"]), _note(i), k)
        for k, i in enumerate(issues, 1)
    ]


def _footnotes(issues: Sequence[Mapping[str, Any]], anchor: str) -> str:
    items = []
    for k, i in enumerate(issues, 1):
        sev = _severity(i["severity"])
        suggestion = _suggestion(i["suggestion"])
        fix = f' <span class="mtc-sugg">→ <ins>{esc(suggestion)}</ins></span>' if suggestion else ""
        message = "" if _missing(i["message"]) else f" {esc(i['message'])}"
        items.append(
            f'<li class="mtc-issue" id="{anchor}{k}" value="{k}">'
            f'<span class="mtc-badge mtc-{sev}">{sev}</span> '
            f'<span class="mtc-cat">{esc(i["category"])}</span> '
            f'<q class="mtc-span">{esc(i["span"]) if i["span"] else ""}</q>{message}{fix} '
            f'<code class="mtc-code">{esc(i["code"])}</code>'
            f'<span class="mtc-det"> {esc(i["detectors"])}{_confidence(i.get("confidence"))}</span></li>'
        )
    return f'<ol class="mtc-notes">{"".join(items)}</ol>' if items else ""


def _confidence(value: object) -> str:
    """", confidence 0.83": the estimated chance that an editor agrees (absent for old reports)."""
    if not isinstance(value, (int, float)) or value != value:  # None or NaN
        return ""
    return f", confidence {float(value):.2f}"


def _chip(label: object) -> str:
    return f'<span class="mtc-label mtc-label-{_label(label)}">{esc(label)}</span>'


_NO_MODELS = '<span class="mtc-na">no back-translation</span>'
_MODEL_COLUMNS = ("back_translation", "round_trip", "bt_logprob", "fd_logprob", "rt_chrf", "least_likely")


def sentence_card(
    sentence: Mapping[str, Any], issues: Sequence[Mapping[str, Any]], anchor: str = "mtc-n-"
) -> str:
    """One sentence: highlighted text and footnotes beside its back-translation, round trip, scores.

    ``anchor`` prefixes the footnote ids; callers build it from numbers only.
    """
    n_issues = len(issues)
    label = _label(sentence["label"])
    words = f"{int(sentence['words'])} words" if not _missing(sentence["words"]) else ""
    worst = "" if _missing(sentence["worst_severity"]) else (
        f' <span class="mtc-badge mtc-{_severity(sentence["worst_severity"])}">'
        f'{esc(sentence["worst_severity"])}</span>'
    )  # fmt: skip
    models_ran = not all(_missing(sentence[c]) for c in _MODEL_COLUMNS)
    head = (
        f'<div class="mtc-card-head"><span class="mtc-sid">#{int(sentence["sent_id"])}</span>'
        f'{_chip(sentence["label"])}<span class="mtc-score">quality <b>{_num(sentence["quality_score"])}</b>'
        f"</span><span>{n_issues} issue{'' if n_issues == 1 else 's'}{worst}</span>"
        f"<span>penalty {_num(sentence['penalty'])}</span><span>{words}</span>"
        f"{'' if models_ran else _NO_MODELS}</div>"
    )
    text = highlight(str(sentence["text"]), _marks(sentence, issues), anchor)

    def model_text(column: str, lang: str) -> str:
        value = sentence[column]
        if _missing(value):
            return '<dd class="mtc-na">not run</dd>'
        return f'<dd lang="{lang}">{esc(value)}</dd>'

    scores = [
        ("round-trip chrF", "rt_chrf", 1), ("BLEU", "rt_bleu", 1), ("TER", "rt_ter", 1),
        ("BT log-prob", "bt_logprob", 2), ("forced-decoding log-prob", "fd_logprob", 2),
    ]  # fmt: skip
    score_cells = "".join(
        f"<span>{name} <b>{_num(sentence[column], digits)}</b></span>"
        for name, column, digits in scores
        if not _missing(sentence[column])
    )
    least = "" if _missing(sentence["least_likely"]) else (
        f'<div class="mtc-least">least likely words: {esc(sentence["least_likely"])}</div>'
    )  # fmt: skip
    french = f'<div class="mtc-fr"><p class="mtc-text" lang="fr">{text}</p>{_footnotes(issues, anchor)}</div>'
    if not models_ran:  # nothing to show beside the sentence: give it the whole width
        return f'<article class="mtc-card mtc-card-{label}">{head}{french}</article>'
    return (
        f'<article class="mtc-card mtc-card-{label}">{head}<div class="mtc-cols">{french}'
        f'<div class="mtc-mt"><dl><dt>Back-translation (en)</dt>{model_text("back_translation", "en")}'
        f"<dt>Round trip (fr)</dt>{model_text('round_trip', 'fr')}</dl>"
        f'<div class="mtc-scores">{score_cells}</div>{least}</div>'
        "</div></article>"
    )


def _documents_table(view: _View, link: bool) -> str:
    rows = []
    for d, doc_id in enumerate(view.doc_ids):
        doc = view.documents.get(doc_id)
        name = f'<a href="#mtc-d{d}">{esc(doc_id)}</a>' if link else esc(doc_id)
        if doc is None:
            rows.append(f'<tr><td>{name}</td><td colspan="9">not in the documents table</td></tr>')
            continue
        rows.append(
            f"<tr><td>{name}</td><td>{_chip(doc['label'])}</td><td>{_num(doc['quality_score'])}</td>"
            f"<td>{esc(doc['sentences'])}</td><td>{esc(doc['words'])}</td><td><b>{esc(doc['n_issues'])}</b></td>"
            f"<td>{esc(doc['n_critical'])}</td><td>{esc(doc['n_major'])}</td><td>{esc(doc['n_minor'])}</td>"
            f"<td>{_num(doc['mean_rt_chrf'])}</td></tr>"
        )
    head = (
        "<tr><th>Document</th><th>Label</th><th>Quality</th><th>Sentences</th><th>Words</th>"
        "<th>Issues</th><th>critical</th><th>major</th><th>minor</th><th>Round-trip chrF</th></tr>"
    )
    return f'<table class="mtc-table mtc-docs"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _totals(report: Report) -> str:
    counts = {sev: int((report.issues["severity"] == sev).sum()) for sev in SEVERITIES}
    by_sev = ", ".join(f"{counts[s]} {s}" for s in reversed(SEVERITIES))
    return (
        f'<p class="mtc-sub">{len(report.documents)} document{"" if len(report.documents) == 1 else "s"} · '
        f"{len(report.sentences)} sentences · "
        f'<b class="mtc-total-issues">{len(report.issues)}</b> issues ({by_sev})</p>'
    )


def _figure(caption: str, body: str) -> str:
    return f'<figure class="mtc-chart"><figcaption>{caption}</figcaption>{body}</figure>'


def _category_chart(report: Report) -> str:
    issues = report.issues
    if not len(issues):
        return _figure("Issues by category", "<p>No issues found.</p>")
    table = issues.groupby(["category", "severity"]).size()
    totals = issues["category"].value_counts()
    order = sorted(totals.index, key=lambda c: (-int(totals[c]), str(c)))
    peak = int(totals.max())
    rows = []
    for category in order:
        segments = []
        for sev in reversed(SEVERITIES):
            count = int(table.get((category, sev), 0))
            if count:
                width = 100.0 * count / peak
                segments.append(
                    f'<span class="mtc-seg mtc-{sev}" style="width:{width:.2f}%" '
                    f'title="{sev}: {count}"></span>'
                )
        rows.append(
            f'<div class="mtc-bar-row"><span class="mtc-bar-label">{esc(category)}</span>'
            f'<span class="mtc-track">{"".join(segments)}</span>'
            f'<span class="mtc-bar-n">{int(totals[category])}</span></div>'
        )
    legend = "".join(f'<span><i class="mtc-seg mtc-{s}"></i>{s}</span>' for s in reversed(SEVERITIES))
    return (
        '<figure class="mtc-chart"><figcaption>Issues by category</figcaption>'
        f'{"".join(rows)}<div class="mtc-legend">{legend}</div></figure>'
    )


def _score_chart(report: Report) -> str:
    scores = [float(s) for s in report.sentences["quality_score"] if not _missing(s)]
    if not scores:
        return _figure("Sentence quality scores", "<p>No scores.</p>")
    width = 100.0 / HISTOGRAM_BINS
    counts = [0] * HISTOGRAM_BINS
    for s in scores:
        counts[min(HISTOGRAM_BINS - 1, max(0, int(s // width)))] += 1
    peak = max(counts)
    columns, axis = [], []
    for b, count in enumerate(counts):
        low = b * width
        band = "bad" if low < 60 else "review" if low < 90 else "ok"
        height = 100.0 * count / peak
        columns.append(
            f'<div class="mtc-col" title="{low:.0f}–{low + width:.0f}: {count} sentences">'
            f'<span class="mtc-col-n">{count or ""}</span>'
            f'<span class="mtc-col-bar mtc-band-{band}" style="height:{height:.2f}%"></span></div>'
        )
        axis.append(f"<span>{low:.0f}</span>")
    labels = report.sentences["label"].value_counts()
    summary = " · ".join(f"{int(labels.get(name, 0))} {name}" for name in LABELS)
    return (
        '<figure class="mtc-chart"><figcaption>Sentence quality scores '
        f'<span class="mtc-muted">({summary})</span></figcaption>'
        f'<div class="mtc-hist">{"".join(columns)}</div><div class="mtc-axis">{"".join(axis)}</div></figure>'
    )


def _meta(meta: Mapping[str, Any]) -> str:
    signature = meta.get("signature")
    parts = []
    if signature:
        parts.append(f'<p class="mtc-sig" title="signature"><code>{esc(signature)}</code></p>')
    stages = meta.get("stages")
    if isinstance(stages, Mapping) and stages:
        items = []
        for stage, status in stages.items():
            if isinstance(status, Mapping):
                inner = ", ".join(f"{esc(k)}: {esc(v)}" for k, v in status.items())
                items.append(f"<li><b>{esc(stage)}</b>: {inner}</li>")
            else:
                items.append(f"<li><b>{esc(stage)}</b>: {esc(status)}</li>")
        listed = "".join(items)
        parts.append(f'<details class="mtc-stages"><summary>Stages</summary><ul>{listed}</ul></details>')
    return "".join(parts)


def _document_section(view: _View, d: int, doc_id: str) -> str:
    sentences = view.sentences.get(doc_id, [])
    flagged = [s for s in worst_first(sentences) if view.issues_of(s)]
    clean = [s for s in worst_first(sentences) if not view.issues_of(s)]

    def card(s: Mapping[str, Any]) -> str:
        return sentence_card(s, view.issues_of(s), f"mtc-n{d}-{int(s['sent_id'])}-")

    doc = view.documents.get(doc_id)
    line = ""
    if doc is not None:
        line = (
            f'<p class="mtc-sub">{_chip(doc["label"])} quality <b>{_num(doc["quality_score"])}</b> · '
            f"{esc(doc['sentences'])} sentences · {esc(doc['n_issues'])} issues</p>"
        )
    body = "".join(card(s) for s in flagged)
    if not sentences:
        body = '<p class="mtc-muted">No sentences.</p>'
    if clean:
        body += (
            f'<details class="mtc-clean"><summary>{len(clean)} sentence{"" if len(clean) == 1 else "s"} '
            f"without issues</summary>{''.join(card(s) for s in clean)}</details>"
        )
    return f'<section class="mtc-doc" id="mtc-d{d}"><h2>{esc(doc_id)}</h2>{line}{body}</section>'


def _legend() -> str:
    chips = "".join(f'<mark class="mtc-hl mtc-{s}">{s}</mark> ' for s in SEVERITIES)
    return (
        f'<p class="mtc-legend-line">Flagged spans: {chips}· hover a span for its issue; '
        "the numbered notes under each sentence list every issue.</p>"
    )


# -- public -----------------------------------------------------------------------------------


def render(report: Report, title: str = "mt-check report") -> str:
    """The whole report as one self-contained HTML page."""
    view = _View.of(report)
    sections = "".join(_document_section(view, d, doc_id) for d, doc_id in enumerate(view.doc_ids))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{_PAGE_CSS}{CSS}</style></head>"
        f'<body><div class="mtc mtc-page"><header><h1>{esc(title)}</h1>{_totals(report)}'
        f"{_meta(report.meta)}</header>"
        f'<section class="mtc-summary">{_documents_table(view, link=True)}'
        f'<div class="mtc-charts">{_category_chart(report)}{_score_chart(report)}</div></section>'
        f"{_legend()}{sections}"
        f'<footer class="mtc-muted">mt-check {esc(__version__)}</footer></div></body></html>\n'
    )


def summary(report: Report, worst: int = 5) -> HtmlFragment:
    """Jupyter's view of a report: totals, documents, charts and the worst flagged sentences."""
    view = _View.of(report)
    ranked = [s for s in worst_first(_rows(report.sentences)) if view.issues_of(s)][:worst]
    cards = "".join(sentence_card(s, view.issues_of(s), f"mtc-w{k}-") for k, s in enumerate(ranked))
    heading = f"<h3>Worst sentences</h3>{cards}" if cards else "<p>No issues found.</p>"
    return HtmlFragment(
        f'<div class="mtc"><style>{CSS}</style><b>mt-check report</b>{_totals(report)}'
        f"{_documents_table(view, link=False)}"
        f'<div class="mtc-charts">{_category_chart(report)}{_score_chart(report)}</div>{heading}'
        '<p class="mtc-muted">report.to_html() for every sentence; report.flagged(), '
        "report.style_sentences() and report.show_sentence(doc_id, sent_id) to explore.</p></div>"
    )


def sentence(report: Report, doc_id: str, sent_id: int) -> HtmlFragment:
    """One sentence with its highlighted spans, footnotes, back-translation, round trip and scores."""
    from mt_check.types import InputError

    view = _View.of(report)
    rows = [s for s in view.sentences.get(doc_id, []) if int(s["sent_id"]) == sent_id]
    if not rows:
        known = len(view.sentences.get(doc_id, []))
        raise InputError(
            f"no sentence {sent_id} in document {doc_id!r} "
            f"({known} sentences there; documents: {', '.join(map(repr, view.doc_ids[:5]))})"
        )
    card = sentence_card(rows[0], view.issues_of(rows[0]), f"mtc-one{sent_id}-")
    return HtmlFragment(
        f'<div class="mtc"><style>{CSS}</style><div class="mtc-sub">{esc(doc_id)}</div>{card}</div>'
    )


_PAGE_CSS = "body{margin:0;background:#eef0f3}"
CSS = """
.mtc{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1f2328}
.mtc *{box-sizing:border-box}
.mtc-page{max-width:1180px;margin:0 auto;padding:28px 32px 48px;background:#fff;min-height:100vh}
.mtc h1{font-size:26px;margin:0 0 4px}
.mtc h2{font-size:20px;margin:36px 0 6px;padding-bottom:4px;border-bottom:2px solid #e5e7eb;
 word-break:break-all}
.mtc h3{font-size:17px;margin:18px 0 4px}
.mtc-sub{color:#57606a;margin:2px 0 10px}
.mtc-muted{color:#6e7781;font-size:13px}
.mtc-sig{font:12px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f6f8fa;
 border:1px solid #e5e7eb;border-radius:6px;padding:6px 10px;margin:6px 0;word-break:break-all;color:#444}
.mtc-stages{font-size:13px;color:#57606a;margin:4px 0 8px}
.mtc-stages ul{margin:4px 0;padding-left:20px}
.mtc-table{border-collapse:collapse;width:100%;font-size:14px;margin:10px 0 18px}
.mtc-table th,.mtc-table td{padding:6px 9px;border-bottom:1px solid #e5e7eb;text-align:right;
 vertical-align:middle}
.mtc-table th:first-child,.mtc-table td:first-child{text-align:left;word-break:break-all}
.mtc-table th{background:#f6f8fa;font-weight:600;font-size:13px;color:#424a53}
.mtc a{color:#0b5cad}
.mtc-label{display:inline-block;font-size:12px;font-weight:600;padding:0 8px;border-radius:10px;
 line-height:20px}
.mtc-label-ok{background:#d3f9d8;color:#2b8a3e}
.mtc-label-review{background:#fff0c2;color:#8a5a00}
.mtc-label-bad{background:#ffe3e3;color:#c92a2a}
.mtc-badge{display:inline-block;font-size:10.5px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;
 padding:0 6px;border-radius:9px;color:#fff;line-height:17px;vertical-align:1px}
.mtc-badge.mtc-minor{background:#b08800}
.mtc-badge.mtc-major{background:#d9480f}
.mtc-badge.mtc-critical{background:#c92a2a}
.mtc-hl{color:inherit;border-radius:3px;padding:1px 1px;border-bottom:2px solid;cursor:help}
.mtc-hl.mtc-minor{background:#fff3bf;border-color:#e0b400}
.mtc-hl.mtc-major{background:#ffd8a8;border-color:#e8590c}
.mtc-hl.mtc-critical{background:#ffc9c9;border-color:#e03131}
.mtc-hl.mtc-overlap{border-bottom-style:double;border-bottom-width:4px}
.mtc-gap{background:none;padding:0;cursor:help;font-weight:700}
.mtc-gap::before{content:"\\2038"}
.mtc-gap.mtc-minor{color:#b08800}
.mtc-gap.mtc-major{color:#d9480f}
.mtc-gap.mtc-critical{color:#c92a2a}
.mtc-ref{font-size:10px;color:#57606a;margin:0 1px;font-weight:600}
.mtc-ref a{color:inherit;text-decoration:none}
.mtc-card{border:1px solid #e1e4e8;border-left:5px solid #adb5bd;border-radius:6px;padding:10px 14px 12px;
 margin:12px 0;background:#fff}
.mtc-card-ok{border-left-color:#40c057}
.mtc-card-review{border-left-color:#f59f00}
.mtc-card-bad{border-left-color:#e03131}
.mtc-card-head{display:flex;gap:12px;align-items:center;flex-wrap:wrap;font-size:13px;color:#57606a;margin-bottom:6px}
.mtc-sid{font-weight:700;color:#1f2328}
.mtc-cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:20px}
@media (max-width:820px){.mtc-cols{grid-template-columns:minmax(0,1fr)}}
.mtc-text{font-size:16.5px;line-height:1.75;margin:0 0 6px}
.mtc-notes{margin:4px 0 0;padding-left:24px;font-size:13.5px;color:#333}
.mtc-notes li{margin:3px 0}
.mtc-span{font-weight:600}
.mtc-span:empty::before{content:"\\2038"}
.mtc-sugg ins{text-decoration:none;background:#d3f9d8;border-radius:3px;padding:0 3px;font-weight:600}
.mtc-code{font-size:11.5px;color:#6e7781;margin-left:4px}
.mtc-det{font-size:11.5px;color:#8c959f}
.mtc-mt{font-size:13.5px;color:#333;background:#f6f8fa;border-radius:6px;padding:8px 12px}
.mtc-mt dl{margin:0}
.mtc-mt dt{font-weight:600;color:#6e7781;font-size:11px;text-transform:uppercase;letter-spacing:.05em}
.mtc-mt dd{margin:0 0 8px}
.mtc-na{color:#8c959f;font-style:italic}
.mtc-scores{display:flex;flex-wrap:wrap;gap:4px 12px;font-size:12px;color:#57606a;
 border-top:1px solid #e1e4e8;padding-top:6px}
.mtc-scores b{color:#1f2328}
.mtc-scores:empty{display:none}
.mtc-least{font-size:12px;color:#57606a;margin-top:4px}
.mtc-clean{margin:14px 0}
.mtc-clean>summary{cursor:pointer;color:#57606a;font-weight:600;padding:6px 0}
.mtc-charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:28px;margin:8px 0 10px}
.mtc-chart{margin:0}
.mtc-chart figcaption{font-weight:600;font-size:14px;margin-bottom:8px}
.mtc-bar-row{display:grid;grid-template-columns:120px minmax(0,1fr) 36px;gap:8px;align-items:center;
 font-size:13px;margin:4px 0}
.mtc-bar-label{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.mtc-bar-n{text-align:right;font-weight:600}
.mtc-track{display:flex;height:16px;background:#f1f3f5;border-radius:3px;overflow:hidden}
.mtc-seg{display:inline-block;height:100%}
.mtc-seg.mtc-minor{background:#fcc419}
.mtc-seg.mtc-major{background:#fd7e14}
.mtc-seg.mtc-critical{background:#e03131}
.mtc-legend{display:flex;gap:14px;font-size:12px;color:#57606a;margin-top:8px}
.mtc-legend i{width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:-1px}
.mtc-legend-line{font-size:13px;color:#57606a;margin:18px 0 0}
.mtc-hist{display:flex;align-items:flex-end;gap:4px;height:130px;border-bottom:1px solid #ced4da}
.mtc-col{flex:1;display:flex;flex-direction:column;justify-content:flex-end;align-items:stretch;height:100%}
.mtc-col-n{font-size:11px;color:#57606a;text-align:center}
.mtc-col-bar{display:block;border-radius:3px 3px 0 0;min-height:0}
.mtc-band-bad{background:#ff8787}
.mtc-band-review{background:#ffd43b}
.mtc-band-ok{background:#69db7c}
.mtc-axis{display:flex;gap:4px}
.mtc-axis span{flex:1;font-size:11px;color:#6e7781}
.mtc footer{margin-top:36px;border-top:1px solid #e5e7eb;padding-top:8px}
"""
