"""The three tables of a check (documents, sentences, issues): their columns and dtypes, how the
stages' outputs become them, and how the tables of several batches are stacked.

Every writer and view (:mod:`mt_check.export`, :mod:`mt_check.html`, :mod:`mt_check.notebook`)
reads :class:`Tables` and imports this module, never :mod:`mt_check.report`: ``Report`` is the
facade over them. Column names are stable and listed in the README.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from mt_check import scoring
from mt_check.types import Document, Issue, Label, Sentence, Severity, Translation

if TYPE_CHECKING:
    from typing import Self  # Python 3.11: annotations only, so 3.10 still imports this module

SENTENCE_COLUMNS = [
    "doc_id", "sent_id", "paragraph", "start", "end", "text", "words",
    "back_translation", "round_trip", "bt_logprob", "fd_logprob", "least_likely",
    "rt_chrf", "rt_bleu", "rt_ter",
    "n_issues", "worst_severity", "penalty", "quality_score", "label", "language", "errors",
]  # fmt: skip
ISSUE_COLUMNS = [
    "doc_id", "sent_id", "start", "end", "span", "category", "layer", "severity", "code",
    "message", "suggestion", "detectors", "confidence",
]  # fmt: skip
DOCUMENT_COLUMNS = [
    "doc_id", "source", "encoding", "characters", "sentences", "words", "n_issues", "n_minor", "n_major",
    "n_critical", "penalty", "mean_rt_chrf", "quality_score", "label", "error", "warnings",
]  # fmt: skip
ISSUE_ORDER = ["doc_id", "sent_id", "start", "end", "code"]
LEAST_LIKELY_WORDS = 3
FRENCH = "fr"
NOT_FRENCH = Label.NOT_FRENCH.value  # the label of a sentence (or document) in another language

_STR = "string"
SENTENCE_DTYPES: Mapping[str, str] = {
    "doc_id": _STR, "sent_id": "int64", "paragraph": "int64", "start": "int64", "end": "int64",
    "text": _STR, "words": "int64", "back_translation": _STR, "round_trip": _STR,
    "bt_logprob": "float64", "fd_logprob": "float64", "least_likely": _STR,
    "rt_chrf": "float64", "rt_bleu": "float64", "rt_ter": "float64", "n_issues": "int64",
    "worst_severity": _STR, "penalty": "float64", "quality_score": "float64", "label": _STR,
    "language": _STR, "errors": _STR,
}  # fmt: skip
ISSUE_DTYPES: Mapping[str, str] = {
    "doc_id": _STR, "sent_id": "int64", "start": "int64", "end": "int64", "span": _STR,
    "category": _STR, "layer": _STR, "severity": _STR, "code": _STR, "message": _STR,
    "suggestion": _STR, "detectors": _STR, "confidence": "float64",
}  # fmt: skip
DOCUMENT_DTYPES: Mapping[str, str] = {
    "doc_id": _STR, "source": _STR, "encoding": _STR, "characters": "int64", "sentences": "int64",
    "words": "int64", "n_issues": "int64", "n_minor": "int64", "n_major": "int64",
    "n_critical": "int64", "penalty": "float64", "mean_rt_chrf": "float64",
    "quality_score": "float64", "label": _STR, "error": _STR, "warnings": _STR,
}  # fmt: skip
# Each table's dtypes by table name, in the order a reader checks them.
DTYPES: Mapping[str, Mapping[str, str]] = {
    "sentences": SENTENCE_DTYPES, "issues": ISSUE_DTYPES, "documents": DOCUMENT_DTYPES,
}  # fmt: skip


def frame(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[str], dtypes: Mapping[str, str]
) -> pd.DataFrame:
    """One table from its rows: exactly ``columns``, in that order, cast to ``dtypes``."""
    return pd.DataFrame(list(rows), columns=list(columns)).astype(dict(dtypes))


@dataclass(frozen=True, repr=False)
class Tables:
    """The three tables of a check and its ``meta``: what every writer and view reads."""

    sentences: pd.DataFrame
    issues: pd.DataFrame
    documents: pd.DataFrame
    meta: dict[str, Any] = field(default_factory=dict)

    def frames(self) -> dict[str, pd.DataFrame]:
        """The tables by name, in the order they are written: documents, sentences, issues."""
        return {"documents": self.documents, "sentences": self.sentences, "issues": self.issues}

    def worst_sentences(self, n: int = 10) -> pd.DataFrame:
        """The ``n`` lowest-scoring sentences, worst first (ties: most issues first)."""
        return self.sentences.sort_values(
            ["quality_score", "n_issues", "doc_id", "sent_id"], ascending=[True, False, True, True]
        ).head(n)

    def document(self, doc_id: str) -> Self:
        """The tables of one document: its rows of each table (same columns and dtypes), same meta."""
        if doc_id not in set(self.documents["doc_id"]):
            raise KeyError(f"no document {doc_id!r} in this report")

        def rows(table: pd.DataFrame) -> pd.DataFrame:
            return table[table["doc_id"] == doc_id].reset_index(drop=True)

        # replace() keeps the class, so a Report's document is a Report.
        return dataclasses.replace(
            self, sentences=rows(self.sentences), issues=rows(self.issues), documents=rows(self.documents)
        )


def _least_likely(translation: Translation | None) -> str | None:
    if translation is None or not translation.word_scores:
        return None
    lowest = sorted(translation.word_scores, key=lambda w: w.logprob)[:LEAST_LIKELY_WORDS]
    return "; ".join(f"{w.word} ({w.logprob:.2f})" for w in lowest)


def build_tables(
    segmented: Sequence[tuple[Document, Sequence[Sentence]]],
    translations: Mapping[tuple[str, int], Translation | None],
    issues: Sequence[Issue],
    weights: Mapping[Severity, float],
    errors: Mapping[str, str] | None = None,
    *,
    languages: Mapping[tuple[str, int], str] | None = None,
    sentence_errors: Mapping[tuple[str, int], Sequence[str]] | None = None,
    document_errors: Mapping[str, Sequence[str]] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(sentences, issues, documents) tables from the stages' outputs.

    ``errors`` maps the id of a document that could not be checked to why: its row keeps the
    error, no score and no label (pass it with no sentences).

    ``languages`` gives each sentence's language (default French); a sentence in another language
    is labelled ``not-french`` and scored by its issues (UNTRANSLATED-SENTENCE when that detector
    runs; unscored with none). ``sentence_errors`` and ``document_errors`` are what a
    stage could not do for a sentence or a document that was still checked: they go in the
    ``errors``/``error`` columns, and the scores stand on what did run.
    """
    errors = errors or {}
    languages = languages or {}
    sentence_errors = sentence_errors or {}
    document_errors = document_errors or {}
    by_sentence: dict[tuple[str, int], list[Issue]] = {}
    for issue in issues:
        by_sentence.setdefault((issue.doc_id, issue.sent_id), []).append(issue)

    all_sentences = [s for _, sents in segmented for s in sents]
    with_rt = [
        (s, t)
        for s in all_sentences
        if (t := translations.get((s.doc_id, s.sent_id))) is not None and t.round_trip is not None
    ]
    rt_scores = dict(
        zip(
            [(s.doc_id, s.sent_id) for s, _ in with_rt],
            scoring.round_trip_scores([s.text for s, _ in with_rt], [t.round_trip or "" for _, t in with_rt]),
            strict=True,
        )
    )

    sentence_rows: list[dict[str, Any]] = []
    document_rows: list[dict[str, Any]] = []
    for doc, sentences in segmented:
        doc_issues: list[Issue] = []
        doc_words = n_french = scored_words = 0
        chrfs: list[float] = []
        for s in sentences:
            key = (s.doc_id, s.sent_id)
            found = by_sentence.get(key, [])
            doc_issues.extend(found)
            t = translations.get(key)
            rt = rt_scores.get(key)
            words = scoring.count_words(s.text)
            language = languages.get(key, FRENCH)
            french = language == FRENCH
            doc_words += words
            n_french += french
            if rt is not None:
                chrfs.append(rt.chrf)
            points = scoring.penalty(found, weights)
            worst = scoring.worst_severity(found)
            # A sentence in another language is scored by its issues (UNTRANSLATED-SENTENCE, when
            # that detector runs); with none it stays unscored, never "ok".
            scored = french or bool(found)
            scored_words += words if scored else 0
            score = scoring.quality_score(points, words, rt.chrf if rt else None) if scored else None
            label = scoring.label(score, worst) if french and score is not None else Label.NOT_FRENCH
            sentence_rows.append(
                {
                    "doc_id": s.doc_id,
                    "sent_id": s.sent_id,
                    "paragraph": s.paragraph,
                    "start": s.start,
                    "end": s.end,
                    "text": s.text,
                    "words": words,
                    "back_translation": t.back_translation if t else None,
                    "round_trip": t.round_trip if t else None,
                    "bt_logprob": t.bt_logprob if t else None,
                    "fd_logprob": t.fd_logprob if t else None,
                    "least_likely": _least_likely(t),
                    "rt_chrf": rt.chrf if rt else None,
                    "rt_bleu": rt.bleu if rt else None,
                    "rt_ter": rt.ter if rt else None,
                    "n_issues": len(found),
                    "worst_severity": worst.value if worst else None,
                    "penalty": points,
                    "quality_score": score,
                    "label": label.value,
                    "language": language,
                    "errors": "; ".join(sentence_errors.get(key, ())) or None,
                }  # fmt: skip
            )
        points = scoring.penalty(doc_issues, weights)
        mean_chrf = sum(chrfs) / len(chrfs) if chrfs else None
        score = scoring.quality_score(points, scored_words, mean_chrf)
        worst = scoring.worst_severity(doc_issues)
        failed = errors.get(doc.id)
        error = "; ".join([*doc.errors, *([failed] if failed else []), *document_errors.get(doc.id, ())])
        # Nothing to score: a document not read or not checked (no score, no label), empty (no
        # score), or with no French sentence (scored by its issues, labelled not-french).
        doc_label: Label | None
        doc_score: float | None = score
        if failed or doc.errors:
            doc_label, doc_score = None, None
        elif n_french:
            doc_label = scoring.label(score, worst)
        elif not sentences:
            doc_label, doc_score = Label.EMPTY, None
        else:
            doc_label = Label.NOT_FRENCH
        document_rows.append(
            {
                "doc_id": doc.id,
                "source": doc.source,
                "encoding": doc.encoding,
                "characters": len(doc.text),
                "sentences": len(sentences),
                "words": doc_words,
                "n_issues": len(doc_issues),
                **{f"n_{sev.value}": sum(i.severity is sev for i in doc_issues) for sev in Severity},
                "penalty": points,
                "mean_rt_chrf": mean_chrf,
                "quality_score": doc_score,
                "label": doc_label.value if doc_label is not None else None,
                "error": error or None,
                "warnings": "; ".join(doc.warnings) or None,
            }  # fmt: skip
        )

    issue_rows = [
        {
            "doc_id": i.doc_id,
            "sent_id": i.sent_id,
            "start": i.start,
            "end": i.end,
            "span": i.span,
            "category": i.category.value,
            "layer": i.category.layer,
            "severity": i.severity.value,
            "code": i.code,
            "message": i.message,
            "suggestion": i.suggestion,
            "detectors": ",".join(i.detectors),
            "confidence": i.confidence,
        }  # fmt: skip
        for i in issues
    ]
    return (
        frame(sentence_rows, SENTENCE_COLUMNS, SENTENCE_DTYPES),
        frame(issue_rows, ISSUE_COLUMNS, ISSUE_DTYPES),
        frame(document_rows, DOCUMENT_COLUMNS, DOCUMENT_DTYPES),
    )


def concat(parts: Sequence[Tables], meta: dict[str, Any]) -> Tables:
    """One set of tables from several (batches of one run, in order): stacked, ``meta`` given."""
    if not parts:
        return Tables(*build_tables([], {}, [], scoring.DEFAULT_WEIGHTS), meta=meta)
    sentences, issues, documents = (
        pd.concat([getattr(part, name) for part in parts], ignore_index=True).astype(dict(DTYPES[name]))
        for name in ("sentences", "issues", "documents")
    )
    # Issues in the order of one run (detectors.merge_issues); the other tables keep input order.
    issues = issues.sort_values(ISSUE_ORDER, kind="stable", ignore_index=True)
    return Tables(sentences, issues, documents, meta=meta)
