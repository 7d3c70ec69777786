"""HTML for people: the self-contained report page, and the fragments Jupyter displays.

Every string that comes from the input, the models, the user or ``meta`` is escaped with
``html.escape(..., quote=True)``, in text and in attributes alike; class names come from fixed
lists and element ids from numbers only, never from data. The page loads nothing and runs
nothing: inline CSS, charts drawn as HTML/CSS bars, and a Content-Security-Policy that forbids
scripts as a second line of defence.

The page speaks English to its reader: numbers shown to people are 1-based ("sentence 1"), counts
agree ("1 issue"), a legend explains the scores from :mod:`mt_check.scoring`'s own constants, and
Grammalecte's messages (French, generated per rule) are kept as a second line under an English
description of their family rather than translated.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from string import Template
from typing import TYPE_CHECKING, Any

from mt_check import scoring
from mt_check.__version__ import __version__
from mt_check.types import Category, Label, Severity

if TYPE_CHECKING:
    import pandas as pd

    from mt_check.tables import Tables


@dataclass(frozen=True)
class Swatch:
    """The colours of one severity or label, wherever it is shown: this page, the Jupyter Stylers
    (:mod:`mt_check.notebook`) and the Excel cells (:mod:`mt_check.export`)."""

    fill: str  # background: a highlighted span, a label chip, a Styler or Excel cell
    ink: str  # text on ``fill``
    edge: str  # a highlighted span's underline (severity); a sentence card's left edge (label)
    chart: str  # a bar segment of the category chart (severity); a histogram band (label)
    badge: str = ""  # severities only: the badge and the caret of a missing element


# The one palette: every colour a severity or a label takes, in every view.
SEVERITY_COLOURS: Mapping[Severity, Swatch] = {  # fill, ink, edge, chart, badge
    Severity.MINOR: Swatch("#fff3bf", "#5c4400", "#e0b400", "#fcc419", "#b08800"),
    Severity.MAJOR: Swatch("#ffd8a8", "#7a2e00", "#e8590c", "#fd7e14", "#d9480f"),
    Severity.CRITICAL: Swatch("#ffc9c9", "#8a1212", "#e03131", "#e03131", "#c92a2a"),
}
LABEL_COLOURS: Mapping[Label, Swatch] = {  # fill, ink, edge, chart
    Label.OK: Swatch("#d3f9d8", "#2b8a3e", "#40c057", "#69db7c"),
    Label.REVIEW: Swatch("#fff0c2", "#8a5a00", "#f59f00", "#ffd43b"),
    Label.BAD: Swatch("#ffe3e3", "#c92a2a", "#e03131", "#ff8787"),
}

SEVERITIES = tuple(s.value for s in Severity)  # minor, major, critical: fixed class names
LABELS = tuple(label.value for label in LABEL_COLOURS)  # ok, review, bad: the labels with a colour
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
HISTOGRAM_BINS = 10
NA = "–"
GRAMMALECTE_PREFIX = "GRAMMALECTE-"

# What to do about an issue that comes without a suggestion: by code first, else by category.
ADVICE_BY_CODE: Mapping[str, str] = {
    "GRAMMAR-VERBLESS": "rewrite this clause around a verb, or join it to the sentence it belongs to",
    "GRAMMAR-CLAUSE-WITHOUT-VERB": "rewrite this clause: give it a conjugated verb of its own",
    "GRAMMAR-NO-MAIN-CLAUSE": "rewrite this sentence with a main clause, or join it to the one before",
    "GRAMMAR-SUBORDINATOR-WITHOUT-VERB": "rewrite this clause: the verb after the subordinator is missing",
    "GRAMMAR-MISSING-QUE": "add « que » before the clause",
    "AGREEMENT-PRONOUN-ANTECEDENT": "make the pronoun agree with the noun it stands for",
    "UNTRANSLATED-SENTENCE": "translate this sentence into French",
    "UNTRANSLATED-FRAGMENT": "translate these words into French",
    "UNTRANSLATED-WORD": "translate this word into French",
    "NUMBER-MISMATCH": "check this number against the source text",
    "MODEL-LOW-PROBABILITY": "reread these words: the translation model finds them unlikely here",
    "PUNCTUATION-UNBALANCED": "close this quote or bracket, or remove it",
    "PUNCTUATION-MISSING-FINAL": "end this sentence with a full stop",
}
ADVICE_BY_CATEGORY: Mapping[str, str] = {
    Category.SPELLING.value: "correct the spelling of this word",
    Category.AGREEMENT.value: "make these words agree in gender and number",
    Category.GRAMMAR.value: "rewrite this phrase",
    Category.TYPOGRAPHY.value: "fix the typography here",
    Category.PUNCTUATION.value: "fix the punctuation here",
    Category.NUMBER.value: "check this number against the source text",
    Category.UNTRANSLATED.value: "translate this passage into French",
    Category.MISTRANSLATION.value: "compare with the source text and correct the meaning",
    Category.OMISSION.value: "compare with the source text and add what is missing",
    Category.WORD_ORDER.value: "reorder these words",
    Category.STYLE.value: "reword this phrase",
}
ADVICE_OTHERWISE = "review this passage"
# Grammalecte's families (its option names, the tail of the code) in English, for the first line
# of its issues; its own French message stays as the second line.
GRAMMALECTE_FAMILIES: Mapping[str, str] = {
    "conf": "a word confused with a similar one",
    "conj": "a verb that does not agree with its subject",
    "ppas": "a past participle or adjective that does not agree",
    "gn": "a noun phrase whose words do not agree",
    "eleu": "a missing elision or euphonic form",
    "infi": "an infinitive where another verb form is needed, or the reverse",
    "imp": "a wrong imperative form",
    "inte": "a wrong question form",
    "vmode": "a wrong verb mood or tense",
    "loc": "a set phrase written wrongly",
    "date": "an impossible or inconsistent date",
    "maj": "a capital letter French does not use here, or a missing one",
    "typo": "punctuation or spacing",
    "neg": "an incomplete negation",
    "doublon": "a word written twice",
    "tu": "a missing or wrong hyphen",
    "virg": "a comma",
    "poncfin": "the final punctuation",
    "bs": "a clumsy or incorrect expression",
    "pleo": "a pleonasm",
}


class HtmlFragment(str):
    """A ``str`` of HTML that Jupyter renders as HTML; ``print()`` shows the markup."""

    def _repr_html_(self) -> str:
        return str(self)


# -- values -----------------------------------------------------------------------------------


def missing(value: object) -> bool:
    """None, pandas' NA/NaT or a float NaN: a cell with no value."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return True
    return isinstance(value, float) and math.isnan(value)


def plural(count: int, word: str, many: str | None = None) -> str:
    """``"1 sentence"``, ``"0 sentences"``, ``"2 sentences"``: a count that agrees."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def _count(value: object, word: str) -> str:
    """:func:`plural` of a table cell (``– sentences`` when it is missing)."""
    return f"{NA} {word}s" if missing(value) else plural(int(value), word)  # type: ignore[call-overload]


# Control characters kept from the input (a NUL) show as their Unicode pictures (␀), which a
# browser would otherwise drop or replace unseen; tab and line breaks stay (tooltips use them).
_PICTURES = {c: 0x2400 + c for c in range(0x20) if chr(c) not in "\t\n\r"} | {0x7F: 0x2421}


def esc(value: object) -> str:
    """The escaped text of a value (``–`` when missing): safe in text and in quoted attributes."""
    return NA if missing(value) else html.escape(str(value).translate(_PICTURES), quote=True)


def _num(value: object, digits: int = 1) -> str:
    return NA if missing(value) else f"{float(value):.{digits}f}"  # type: ignore[arg-type]


def severity_class(value: object) -> str:
    """A known severity for class names; anything else (a hand-built table) counts as minor."""
    return value if isinstance(value, str) and value in SEVERITIES else "minor"


def _label(value: object) -> str:
    """A coloured label for class names; any other (not-french, empty, none) shows as review."""
    return value if isinstance(value, str) and value in LABELS else Label.REVIEW.value


def _rank(severity: str) -> int:
    return SEVERITIES.index(severity)


def sentence_number(sent_id: object) -> int:
    """The number people see for a sentence: 1-based (the tables keep their 0-based ``sent_id``)."""
    return int(sent_id) + 1  # type: ignore[call-overload]


# -- what an issue says -------------------------------------------------------------------------


def advice(code: object, category: object) -> str:
    """What to do about an issue without a suggestion ("rewrite this clause: …"), by code, then
    category."""
    if isinstance(code, str) and code in ADVICE_BY_CODE:
        return ADVICE_BY_CODE[code]
    if isinstance(category, str) and category in ADVICE_BY_CATEGORY:
        return ADVICE_BY_CATEGORY[category]
    return ADVICE_OTHERWISE


def message_lines(code: object, message: object) -> tuple[str, str | None]:
    """(the English line, Grammalecte's French message or None) of an issue's message.

    Grammalecte writes its messages in French, one per rule and filled with the words at hand
    ("Accord avec “Il”…"): a translation table would go stale with each Grammalecte release, so
    the message is kept, verbatim, as a second line under an English description of its family.
    """
    text = "" if missing(message) else str(message)
    if not (isinstance(code, str) and code.startswith(GRAMMALECTE_PREFIX)):
        return text, None
    family = code[len(GRAMMALECTE_PREFIX) :].lower()
    english = GRAMMALECTE_FAMILIES.get(family, f"Grammalecte's rule family “{family}”")
    return f"{english} (Grammalecte)", text or None


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


def highlight(text: str, marks: Sequence[Mark], anchor: str | None = None, refs: bool = True) -> str:
    """``text`` escaped, with each mark's piece(s) wrapped in ``<mark>`` and a footnote number.

    A zero-length mark (something missing) shows as a caret at its position. ``anchor`` (built
    from numbers by the caller) turns the footnote numbers into links to ``#{anchor}{number}``;
    ``refs=False`` leaves the numbers out (a view without footnotes).
    """
    n = len(text)
    ranged = [(m, max(0, m.start), min(n, m.end)) for m in marks if m.start < m.end]
    ranged = [(m, s, e) for m, s, e in ranged if s < e]  # outside the sentence: footnote only
    gaps = [m for m in marks if m.start == m.end and 0 <= m.start <= n]

    def ref(m: Mark) -> str:
        if not refs:
            return ""
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


def table_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A table's rows as dicts, column name to value (faster than ``iterrows``)."""
    columns = list(frame.columns)
    return [dict(zip(columns, values, strict=True)) for values in frame.itertuples(index=False, name=None)]


@dataclass(frozen=True)
class View:
    """The report's rows grouped for rendering; ``issues`` keyed by (doc_id, sent_id)."""

    doc_ids: list[str]
    documents: dict[str, dict[str, Any]]
    sentences: dict[str, list[dict[str, Any]]]
    issues: dict[tuple[str, int], list[dict[str, Any]]]

    @classmethod
    def of(cls, report: Tables) -> View:
        documents = {str(r["doc_id"]): r for r in table_rows(report.documents)}
        sentences: dict[str, list[dict[str, Any]]] = {}
        for r in table_rows(report.sentences):
            sentences.setdefault(str(r["doc_id"]), []).append(r)
        issues: dict[tuple[str, int], list[dict[str, Any]]] = {}
        for r in table_rows(report.issues):
            issues.setdefault((str(r["doc_id"]), int(r["sent_id"])), []).append(r)
        for found in issues.values():
            found.sort(key=lambda r: (int(r["start"]), int(r["end"])))
        doc_ids = list(dict.fromkeys([*documents, *sentences]))
        return cls(doc_ids, documents, sentences, issues)

    def issues_of(self, sentence: Mapping[str, Any]) -> list[dict[str, Any]]:
        return self.issues.get((str(sentence["doc_id"]), int(sentence["sent_id"])), [])

    def source_of(self, doc_id: str) -> str | None:
        """The document's source text (``--source-column``), or None."""
        value = self.documents.get(doc_id, {}).get("source")
        return None if missing(value) else str(value)


def worst_first(sentences: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Lowest quality score first; ties: most issues, then document order."""

    def key(s: Mapping[str, Any]) -> tuple[float, int, int]:
        score = s["quality_score"]
        return (math.inf if missing(score) else float(score), -int(s["n_issues"]), int(s["sent_id"]))

    return sorted(sentences, key=key)


# -- pieces -----------------------------------------------------------------------------------


def suggestion_text(value: object) -> str:
    """Plain text of a suggestion: ``""`` when there is none; an empty one means "delete the span"."""
    if missing(value):
        return ""
    return "(delete)" if value == "" else str(value)


def _note(issue: Mapping[str, Any]) -> str:
    """The tooltip of a highlighted span: plain text, escaped by the caller."""
    english, original = message_lines(issue["code"], issue["message"])
    suggestion = suggestion_text(issue["suggestion"])
    arrow = f" → {suggestion}" if suggestion else f" → ({advice(issue['code'], issue['category'])})"
    message = f": {english}" if english else ""
    second = f"\nGrammalecte, in French: {original}" if original else ""
    return (
        f"{severity_class(issue['severity'])} · {issue['category']}{message}{arrow} [{issue['code']}]{second}"
    )


def marks(sentence: Mapping[str, Any], issues: Sequence[Mapping[str, Any]]) -> list[Mark]:
    """The issues of a sentence as :class:`Mark` s, at offsets into the sentence, numbered from 1."""
    base = int(sentence["start"])
    return [
        Mark(int(i["start"]) - base, int(i["end"]) - base, severity_class(i["severity"]), _note(i), k)
        for k, i in enumerate(issues, 1)
    ]


def _footnotes(issues: Sequence[Mapping[str, Any]], anchor: str) -> str:
    items = []
    for k, i in enumerate(issues, 1):
        sev = severity_class(i["severity"])
        english, original = message_lines(i["code"], i["message"])
        suggestion = suggestion_text(i["suggestion"])
        if suggestion:
            fix = f' <span class="mtc-sugg">→ <ins>{esc(suggestion)}</ins></span>'
        else:  # no replacement to offer: say what to do instead
            fix = f' <span class="mtc-todo">→ {esc(advice(i["code"], i["category"]))}</span>'
        message = f" {esc(english)}" if english else ""
        second = (
            f'<span class="mtc-orig">Grammalecte, in French: <span lang="fr">{esc(original)}</span></span>'
            if original
            else ""
        )
        items.append(
            f'<li class="mtc-issue" id="{anchor}{k}" value="{k}">'
            f'<span class="mtc-badge mtc-{sev}">{sev}</span> '
            f'<span class="mtc-cat">{esc(i["category"])}</span> '
            f'<q class="mtc-span">{esc(i["span"]) if i["span"] else ""}</q>{message}{fix} '
            f'<code class="mtc-code">{esc(i["code"])}</code>'
            f'<span class="mtc-det"> {esc(i["detectors"])}{_confidence(i.get("confidence"))}</span>'
            f"{second}</li>"
        )
    return f'<ol class="mtc-notes">{"".join(items)}</ol>' if items else ""


def _confidence(value: object) -> str:
    """The text ", confidence 0.83": the estimated chance that an editor agrees (absent for old reports)."""
    if not isinstance(value, (int, float)) or value != value:  # None or NaN
        return ""
    return f", confidence {float(value):.2f}"


def _chip(label: object) -> str:
    return f'<span class="mtc-label mtc-label-{_label(label)}">{esc(label)}</span>'


_NO_MODELS = '<span class="mtc-na">no back-translation</span>'
_MODEL_COLUMNS = ("back_translation", "round_trip", "bt_logprob", "fd_logprob", "rt_chrf", "least_likely")
SOURCE = "Source"
WHOLE_SOURCE = "Source (the whole row)"


def sentence_card(
    sentence: Mapping[str, Any],
    issues: Sequence[Mapping[str, Any]],
    anchor: str = "mtc-n-",
    source: str | None = None,
    source_label: str = SOURCE,
) -> str:
    """One sentence: highlighted text and footnotes beside its source (when given), back-translation,
    round trip and scores.

    ``anchor`` prefixes the footnote ids; callers build it from numbers only. ``source`` is the
    source text shown beside the sentence, under ``source_label`` (a fixed string).
    """
    label = _label(sentence["label"])
    words = "" if missing(sentence["words"]) else plural(int(sentence["words"]), "word")
    worst = "" if missing(sentence["worst_severity"]) else (
        f' <span class="mtc-badge mtc-{severity_class(sentence["worst_severity"])}">'
        f'{esc(sentence["worst_severity"])}</span>'
    )  # fmt: skip
    models_ran = not all(missing(sentence[c]) for c in _MODEL_COLUMNS)
    sent_id = int(sentence["sent_id"])
    head = (
        f'<div class="mtc-card-head"><span class="mtc-sid" title="sent_id {sent_id} in the tables">'
        f"sentence {sentence_number(sent_id)}</span>"
        f'{_chip(sentence["label"])}<span class="mtc-score">quality <b>{_num(sentence["quality_score"])}</b>'
        f"</span><span>{plural(len(issues), 'issue')}{worst}</span>"
        f"<span>penalty {_num(sentence['penalty'])}</span><span>{words}</span>"
        f"{'' if models_ran else _NO_MODELS}</div>"
    )
    text = highlight(str(sentence["text"]), marks(sentence, issues), anchor)

    def model_text(column: str, lang: str) -> str:
        value = sentence[column]
        if missing(value):
            return '<dd class="mtc-na">not run</dd>'
        return f'<dd lang="{lang}">{esc(value)}</dd>'

    scores = [
        ("round-trip chrF", "rt_chrf", 1), ("BLEU", "rt_bleu", 1), ("TER", "rt_ter", 1),
        ("BT log-prob", "bt_logprob", 2), ("forced-decoding log-prob", "fd_logprob", 2),
    ]  # fmt: skip
    score_cells = "".join(
        f"<span>{name} <b>{_num(sentence[column], digits)}</b></span>"
        for name, column, digits in scores
        if not missing(sentence[column])
    )
    least = "" if missing(sentence["least_likely"]) else (
        f'<div class="mtc-least">least likely words: {esc(sentence["least_likely"])}</div>'
    )  # fmt: skip
    french = f'<div class="mtc-fr"><p class="mtc-text" lang="fr">{text}</p>{_footnotes(issues, anchor)}</div>'
    given = "" if source is None else f'<dt>{esc(source_label)}</dt><dd class="mtc-src">{esc(source)}</dd>'
    if not models_ran and not given:  # nothing to show beside the sentence: give it the whole width
        return f'<article class="mtc-card mtc-card-{label}">{head}{french}</article>'
    machine = (
        f"<dt>Back-translation (en)</dt>{model_text('back_translation', 'en')}"
        f"<dt>Round trip (fr)</dt>{model_text('round_trip', 'fr')}"
        if models_ran
        else ""
    )
    scored = f'<div class="mtc-scores">{score_cells}</div>{least}' if models_ran else ""
    return (
        f'<article class="mtc-card mtc-card-{label}">{head}<div class="mtc-cols">{french}'
        f'<div class="mtc-mt"><dl>{given}{machine}</dl>{scored}</div>'
        "</div></article>"
    )


def _documents_table(view: View, link: bool) -> str:
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
    # Ten columns outgrow a phone: the table scrolls inside its own box, never the page.
    return (
        f'<div class="mtc-scroll"><table class="mtc-table mtc-docs"><thead>{head}</thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _totals(report: Tables) -> str:
    counts = {sev: int((report.issues["severity"] == sev).sum()) for sev in SEVERITIES}
    by_sev = ", ".join(f"{counts[s]} {s}" for s in reversed(SEVERITIES))
    n_issues = len(report.issues)
    return (
        f'<p class="mtc-sub">{plural(len(report.documents), "document")} · '
        f"{plural(len(report.sentences), 'sentence')} · "
        f'<b class="mtc-total-issues">{n_issues}</b> {"issue" if n_issues == 1 else "issues"} ({by_sev})</p>'
    )


def _figure(caption: str, body: str) -> str:
    return f'<figure class="mtc-chart"><figcaption>{caption}</figcaption>{body}</figure>'


def _category_chart(report: Tables) -> str:
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


def _band(low: float) -> str:
    """The label band a histogram bin starts in (scoring's thresholds)."""
    band = Label.BAD if low < scoring.BAD_BELOW else Label.REVIEW if low < scoring.REVIEW_BELOW else Label.OK
    return band.value


def _score_chart(report: Tables) -> str:
    scores = [float(s) for s in report.sentences["quality_score"] if not missing(s)]
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
        height = 100.0 * count / peak
        columns.append(
            f'<div class="mtc-col" title="{low:.0f}–{low + width:.0f}: {plural(count, "sentence")}">'
            f'<span class="mtc-col-n">{count or ""}</span>'
            f'<span class="mtc-col-bar mtc-band-{_band(low)}" style="height:{height:.2f}%"></span></div>'
        )
        axis.append(f"<span>{low:.0f}</span>")
    labels = report.sentences["label"].value_counts()
    summary = " · ".join(f"{int(labels.get(name, 0))} {name}" for name in LABELS)
    return (
        '<figure class="mtc-chart"><figcaption>Sentence quality scores '
        f'<span class="mtc-muted">({summary})</span></figcaption>'
        f'<div class="mtc-hist">{"".join(columns)}</div><div class="mtc-axis">{"".join(axis)}</div></figure>'
    )


# -- the legend and the colophon --------------------------------------------------------------


def _figure_text(value: float) -> str:
    """A weight or threshold as people write it: 5, 0.8, 0.1."""
    return f"{round(value, 4):g}"


def weights_of(meta: Mapping[str, Any]) -> dict[str, float]:
    """The severity weights the report was scored with (``meta["settings"]["weights"]``), else
    scoring's defaults."""
    settings = meta.get("settings")
    given = settings.get("weights") if isinstance(settings, Mapping) else None
    defaults = {s.value: float(w) for s, w in scoring.DEFAULT_WEIGHTS.items()}
    if not isinstance(given, Mapping) or set(given) != set(defaults):
        return defaults
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in given.values()):
        return defaults
    return {s: float(given[s]) for s in SEVERITIES}


def key(meta: Mapping[str, Any]) -> str:
    """The legend: what the quality score, labels, penalty, round-trip metrics and model
    log-probabilities mean, with the numbers :mod:`mt_check.scoring` uses."""
    weights = weights_of(meta)
    listed = ", ".join(f"{s} {_figure_text(weights[s])}" for s in SEVERITIES)
    chrf_share = _figure_text(scoring.ROUND_TRIP_WEIGHT)
    fluency_share = _figure_text(1 - scoring.ROUND_TRIP_WEIGHT)
    bad, review = _figure_text(scoring.BAD_BELOW), _figure_text(scoring.REVIEW_BELOW)
    # A worked example, computed by scoring itself: one major issue in a 25-word sentence.
    example_words = 25
    example = scoring.quality_score(weights["major"], example_words)
    example_label = scoring.label(example, Severity.MAJOR).value
    chips = "".join(f'<mark class="mtc-hl mtc-{s}">{s}</mark> ' for s in SEVERITIES)
    entries = [
        ("Quality score",
         f"0 to 100, for each sentence and document. Each issue costs penalty points; the points per "
         f"100 words are taken off 100 (never below 0). When the models ran, the score is "
         f"{fluency_share} × that + {chrf_share} × the round-trip chrF. Example: one major issue in a "
         f"{example_words}-word sentence scores 100 − {_figure_text(weights['major'])} × 100 / "
         f"{example_words} = {_figure_text(example)} ({example_label})."),
        ("Labels",
         f"{_chip(Label.BAD.value)} a score below {bad}, or a critical issue · {_chip(Label.REVIEW.value)} "
         f"a score below {review}, or any issue · {_chip(Label.OK.value)} a score of {review} or more and "
         f"no issue. A sentence in another language is labelled {Label.NOT_FRENCH.value}; a document "
         f"without sentences, {Label.EMPTY.value}."),
        ("Penalty",
         f"the sum of the issues' weights, by severity: {listed} (MQM-style). Flagged spans: {chips}"
         "(hover a span for its issue; the numbered notes under each sentence list every issue, with "
         "the fix or what to do)."),
        ("Round-trip chrF, BLEU, TER",
         "the sentence translated into English by a machine-translation model (the back-translation) "
         "and back into French (the round trip), compared with the original by sacrebleu. chrF and "
         "BLEU go from 0 to 100, higher meaning closer; TER counts edits per 100 words, lower meaning "
         "closer. A low round-trip score hints that meaning was lost; it is no proof."),
        ("Log-probabilities",
         "BT log-prob: the mean log-probability per token of the back-translation (fr→en model); "
         "forced-decoding log-prob: that of the original French given the back-translation (en→fr "
         "model). 0 means certain; the more negative, the less the model expected the words. Least "
         "likely words: the three words forced decoding found least likely."),
        ("Confidence", "the estimated probability that an editor agrees with an issue."),
    ]  # fmt: skip
    items = "".join(f"<dt>{name}</dt><dd>{text}</dd>" for name, text in entries)
    return f'<section class="mtc-key" id="mtc-key"><h2>How to read this report</h2><dl>{items}</dl></section>'


def _made(meta: Mapping[str, Any]) -> str:
    """The colophon, "How this report was made", folded: the signature, the stages that ran, the settings."""
    parts = []
    version = meta.get("mt_check_version")
    if version:
        parts.append(f"<p>mt-check {esc(version)}.</p>")
    signature = meta.get("signature")
    if signature:
        parts.append(
            "<p>Signature: everything that produced these numbers (versions, models, detectors and "
            'their data, metric signatures).</p><p class="mtc-sig" title="signature">'
            f"<code>{esc(signature)}</code></p>"
        )
    for name, entry in (("Stages", meta.get("stages")), ("Settings", meta.get("settings"))):
        if isinstance(entry, Mapping) and entry:
            items = []
            for stage, status in entry.items():
                if isinstance(status, Mapping):
                    inner = ", ".join(f"{esc(k)}: {esc(v)}" for k, v in status.items())
                    items.append(f"<li><b>{esc(stage)}</b>: {inner}</li>")
                else:
                    items.append(f"<li><b>{esc(stage)}</b>: {esc(status)}</li>")
            parts.append(f'<h3>{name}</h3><ul class="mtc-stages">{"".join(items)}</ul>')
    if not parts:
        return ""
    return (
        '<details class="mtc-made" id="mtc-made"><summary>How this report was made</summary>'
        f"{''.join(parts)}</details>"
    )


def _document_section(view: View, d: int, doc_id: str) -> str:
    sentences = view.sentences.get(doc_id, [])
    flagged = [s for s in worst_first(sentences) if view.issues_of(s)]
    clean = [s for s in worst_first(sentences) if not view.issues_of(s)]
    source = view.source_of(doc_id)
    # One sentence: its source sits beside it. Several: the row's source is not split into
    # sentences, so it is shown once, above them.
    beside = source if len(sentences) == 1 else None

    def card(s: Mapping[str, Any]) -> str:
        return sentence_card(s, view.issues_of(s), f"mtc-n{d}-{int(s['sent_id'])}-", beside)

    doc = view.documents.get(doc_id)
    line = ""
    if doc is not None:
        line = (
            f'<p class="mtc-sub">{_chip(doc["label"])} quality <b>{_num(doc["quality_score"])}</b> · '
            f"{_count(doc['sentences'], 'sentence')} · {_count(doc['n_issues'], 'issue')}</p>"
        )
    if source is not None and beside is None:
        line += f'<div class="mtc-source"><b>{WHOLE_SOURCE}</b><p>{esc(source)}</p></div>'
    body = "".join(card(s) for s in flagged)
    if not sentences:
        body = '<p class="mtc-muted">No sentences.</p>'
    if clean:
        body += (
            f'<details class="mtc-clean"><summary>{plural(len(clean), "sentence")} '
            f"without issues</summary>{''.join(card(s) for s in clean)}</details>"
        )
    return f'<section class="mtc-doc" id="mtc-d{d}"><h2>{esc(doc_id)}</h2>{line}{body}</section>'


def _card_source(view: View, doc_id: str) -> tuple[str | None, str]:
    """(source, label) for a card shown on its own (Jupyter): the row's, labelled as such when the
    row holds several sentences."""
    return view.source_of(doc_id), SOURCE if len(view.sentences.get(doc_id, [])) == 1 else WHOLE_SOURCE


# -- public -----------------------------------------------------------------------------------


def render(report: Tables, title: str = "mt-check report") -> str:
    """The whole report as one self-contained HTML page."""
    view = View.of(report)
    sections = "".join(_document_section(view, d, doc_id) for d, doc_id in enumerate(view.doc_ids))
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{_PAGE_CSS}{CSS}</style></head>"
        f'<body><div class="mtc mtc-page"><header><h1>{esc(title)}</h1>{_totals(report)}</header>'
        f'<section class="mtc-summary">{_documents_table(view, link=True)}'
        f'<div class="mtc-charts">{_category_chart(report)}{_score_chart(report)}</div></section>'
        f"{key(report.meta)}{sections}{_made(report.meta)}"
        f'<footer class="mtc-muted">mt-check {esc(__version__)}</footer></div></body></html>\n'
    )


def summary(report: Tables, worst: int = 5) -> HtmlFragment:
    """Jupyter's view of a report: totals, documents, charts and the worst flagged sentences."""
    view = View.of(report)
    ranked = [s for s in worst_first(table_rows(report.sentences)) if view.issues_of(s)][:worst]
    cards = "".join(
        sentence_card(s, view.issues_of(s), f"mtc-w{k}-", *_card_source(view, str(s["doc_id"])))
        for k, s in enumerate(ranked)
    )
    heading = f"<h3>Worst sentences</h3>{cards}" if cards else "<p>No issues found.</p>"
    return HtmlFragment(
        f'<div class="mtc"><style>{CSS}</style><b>mt-check report</b>{_totals(report)}'
        f"{_documents_table(view, link=False)}"
        f'<div class="mtc-charts">{_category_chart(report)}{_score_chart(report)}</div>{heading}'
        '<details class="mtc-key-folded"><summary>How to read the scores</summary>'
        f"{key(report.meta)}</details>"
        '<p class="mtc-muted">report.to_html() for every sentence; report.flagged(), '
        "report.style_sentences() and report.show_sentence(doc_id, sent_id) to explore.</p></div>"
    )


def sentence(report: Tables, doc_id: str, sent_id: int) -> HtmlFragment:
    """One sentence with its highlighted spans, footnotes, source, back-translation, round trip and
    scores. ``sent_id`` is the tables' id (0-based); the card shows its 1-based number."""
    from mt_check.types import InputError

    view = View.of(report)
    found = [s for s in view.sentences.get(doc_id, []) if int(s["sent_id"]) == sent_id]
    if not found:
        known = len(view.sentences.get(doc_id, []))
        raise InputError(
            f"no sentence {sent_id} in document {doc_id!r} "
            f"({plural(known, 'sentence')} there; documents: {', '.join(map(repr, view.doc_ids[:5]))})"
        )
    card = sentence_card(
        found[0], view.issues_of(found[0]), f"mtc-one{sent_id}-", *_card_source(view, doc_id)
    )
    return HtmlFragment(
        f'<div class="mtc"><style>{CSS}</style><div class="mtc-sub">{esc(doc_id)}</div>{card}</div>'
    )


_PAGE_CSS = "body{margin:0;background:#eef0f3}"
_CSS_TEMPLATE = """
.mtc{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1f2328}
.mtc *{box-sizing:border-box}
.mtc-page{max-width:1180px;margin:0 auto;padding:28px 32px 48px;background:#fff;min-height:100vh}
.mtc h1{font-size:26px;margin:0 0 4px}
.mtc h2{font-size:20px;margin:36px 0 6px;padding-bottom:4px;border-bottom:2px solid #e5e7eb;
 overflow-wrap:anywhere}
.mtc h3{font-size:17px;margin:18px 0 4px}
.mtc-sub{color:#57606a;margin:2px 0 10px}
.mtc-muted{color:#6e7781;font-size:13px}
.mtc-sig{font:12px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f6f8fa;
 border:1px solid #e5e7eb;border-radius:6px;padding:6px 10px;margin:6px 0;overflow-wrap:anywhere;color:#444}
.mtc-stages{font-size:13px;color:#57606a;margin:4px 0 8px;padding-left:20px}
.mtc-key{font-size:13.5px;color:#333;margin:24px 0 8px}
.mtc-key h2{font-size:17px;margin:0 0 6px}
.mtc-key dl{display:grid;grid-template-columns:minmax(0,190px) minmax(0,1fr);gap:4px 16px;margin:0}
.mtc-key dt{font-weight:600;color:#424a53}
.mtc-key dd{margin:0}
@media (max-width:820px){.mtc-key dl{grid-template-columns:minmax(0,1fr)}}
.mtc-made{margin:36px 0 0;font-size:13px;color:#57606a;border-top:1px solid #e5e7eb;padding-top:8px}
.mtc-made>summary{cursor:pointer;font-weight:600}
.mtc-made h3{font-size:14px;color:#424a53}
.mtc-source{font-size:13.5px;background:#f6f8fa;border-radius:6px;padding:6px 12px;margin:6px 0 10px}
.mtc-source p{margin:2px 0 0}
.mtc-card,.mtc-key,.mtc-made,.mtc-source,.mtc-sub{overflow-wrap:anywhere}
.mtc-scroll{overflow-x:auto}
.mtc-table{border-collapse:collapse;width:100%;font-size:14px;margin:10px 0 18px}
.mtc-table th,.mtc-table td{padding:6px 9px;border-bottom:1px solid #e5e7eb;text-align:right;
 vertical-align:middle}
.mtc-table th:first-child,.mtc-table td:first-child{text-align:left;overflow-wrap:anywhere}
.mtc-table th{background:#f6f8fa;font-weight:600;font-size:13px;color:#424a53}
.mtc a{color:#0b5cad}
.mtc-label{display:inline-block;font-size:12px;font-weight:600;padding:0 8px;border-radius:10px;
 line-height:20px}
.mtc-label-ok{background:${ok_fill};color:${ok_ink}}
.mtc-label-review{background:${review_fill};color:${review_ink}}
.mtc-label-bad{background:${bad_fill};color:${bad_ink}}
.mtc-badge{display:inline-block;font-size:10.5px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;
 padding:0 6px;border-radius:9px;color:#fff;line-height:17px;vertical-align:1px}
.mtc-badge.mtc-minor{background:${minor_badge}}
.mtc-badge.mtc-major{background:${major_badge}}
.mtc-badge.mtc-critical{background:${critical_badge}}
.mtc-hl{color:inherit;border-radius:3px;padding:1px 1px;border-bottom:2px solid;cursor:help}
.mtc-hl.mtc-minor{background:${minor_fill};border-color:${minor_edge}}
.mtc-hl.mtc-major{background:${major_fill};border-color:${major_edge}}
.mtc-hl.mtc-critical{background:${critical_fill};border-color:${critical_edge}}
.mtc-hl.mtc-overlap{border-bottom-style:double;border-bottom-width:4px}
.mtc-gap{background:none;padding:0;cursor:help;font-weight:700}
.mtc-gap::before{content:"\\2038"}
.mtc-gap.mtc-minor{color:${minor_badge}}
.mtc-gap.mtc-major{color:${major_badge}}
.mtc-gap.mtc-critical{color:${critical_badge}}
.mtc-ref{font-size:10px;color:#57606a;margin:0 1px;font-weight:600}
.mtc-ref a{color:inherit;text-decoration:none}
.mtc-card{border:1px solid #e1e4e8;border-left:5px solid #adb5bd;border-radius:6px;padding:10px 14px 12px;
 margin:12px 0;background:#fff}
.mtc-card-ok{border-left-color:${ok_edge}}
.mtc-card-review{border-left-color:${review_edge}}
.mtc-card-bad{border-left-color:${bad_edge}}
.mtc-card-head{display:flex;gap:12px;align-items:center;flex-wrap:wrap;font-size:13px;color:#57606a;margin-bottom:6px}
.mtc-sid{font-weight:700;color:#1f2328}
.mtc-cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:20px}
@media (max-width:820px){.mtc-cols{grid-template-columns:minmax(0,1fr)}}
.mtc-text{font-size:16.5px;line-height:1.75;margin:0 0 6px}
.mtc-notes{margin:4px 0 0;padding-left:24px;font-size:13.5px;color:#333}
.mtc-notes li{margin:3px 0}
.mtc-span{font-weight:600}
.mtc-span:empty::before{content:"\\2038"}
.mtc-sugg ins{text-decoration:none;background:${ok_fill};border-radius:3px;padding:0 3px;font-weight:600}
.mtc-code{font-size:11.5px;color:#6e7781;margin-left:4px}
.mtc-todo{font-style:italic;color:#424a53}
.mtc-orig{display:block;font-size:12.5px;color:#57606a}
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
.mtc-seg.mtc-minor{background:${minor_chart}}
.mtc-seg.mtc-major{background:${major_chart}}
.mtc-seg.mtc-critical{background:${critical_chart}}
.mtc-legend{display:flex;gap:14px;font-size:12px;color:#57606a;margin-top:8px}
.mtc-legend i{width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:-1px}
.mtc-hist{display:flex;align-items:flex-end;gap:4px;height:130px;border-bottom:1px solid #ced4da}
.mtc-col{flex:1;display:flex;flex-direction:column;justify-content:flex-end;align-items:stretch;height:100%}
.mtc-col-n{font-size:11px;color:#57606a;text-align:center}
.mtc-col-bar{display:block;border-radius:3px 3px 0 0;min-height:0}
.mtc-band-bad{background:${bad_chart}}
.mtc-band-review{background:${review_chart}}
.mtc-band-ok{background:${ok_chart}}
.mtc-axis{display:flex;gap:4px}
.mtc-axis span{flex:1;font-size:11px;color:#6e7781}
.mtc footer{margin-top:36px;border-top:1px solid #e5e7eb;padding-top:8px}
"""
# ${minor_fill}, ${ok_edge}...: each colour of a severity or label, from the palette.
_SWATCHES = {s.value: c for s, c in SEVERITY_COLOURS.items()} | {k.value: c for k, c in LABEL_COLOURS.items()}
_PALETTE_CSS = {
    f"{key}_{part}": colour for key, swatch in _SWATCHES.items() for part, colour in asdict(swatch).items()
}
CSS = Template(_CSS_TEMPLATE).substitute(_PALETTE_CSS)
