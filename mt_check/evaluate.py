"""Span-level evaluation of the checker against gold annotations (the JSONL format of DESIGN.md).

A gold error is found when a reported issue overlaps its span (a zero-length gold span: an issue
that touches the position); a reported issue is correct when it overlaps a gold error. Word-level
scores follow WMT word-level QE: a word is BAD when an error span overlaps it.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mt_check.segment import words
from mt_check.types import MODEL_DISABLED, Document, InputError, StageOutcome

TYPOGRAPHY = "typography"


@dataclass(frozen=True)
class GoldError:
    start: int
    end: int
    category: str
    layer: str


@dataclass(frozen=True)
class GoldText:
    id: str
    text: str
    errors: tuple[GoldError, ...]


def read_conllu(path: Path, lines: Sequence[str]) -> list[GoldText]:
    """Each sentence of a CoNLL-U treebank (its ``# text =`` line) as an error-free text: correct,
    edited French for measuring false flags (e.g. UD French-GSD dev)."""
    records: list[GoldText] = []
    sent_id = None
    for number, line in enumerate(lines, 1):
        if line.startswith("# sent_id ="):
            sent_id = line.split("=", 1)[1].strip()
        elif line.startswith("# text ="):
            text = line.split("=", 1)[1].strip()
            records.append(GoldText(sent_id or f"{path.name}:{number}", text, ()))
            sent_id = None
    if not records:
        raise InputError(f"{path}: no '# text =' line: not a CoNLL-U treebank with sentence texts")
    return records


def read_gold(path: Path) -> list[GoldText]:
    """Read and validate a gold JSONL file (errors name the file, line and field), or a CoNLL-U
    file whose sentences are all correct (see :func:`read_conllu`)."""
    records: list[GoldText] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 (byte {err.start})") from None
    if path.suffix.lower() == ".conllu":
        return read_conllu(path, lines)
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
            text = record["text"]
            errors = []
            for e in record.get("errors", []):
                start, end = int(e["start"]), int(e["end"])
                if "span" in e and text[start:end] != e["span"]:
                    raise InputError(f"{where}: span {e['span']!r} does not match text[{start}:{end}]")
                layer = e.get("layer") or ("accuracy" if e["category"] in (
                    "mistranslation", "omission", "untranslated") else "fluency")  # fmt: skip
                errors.append(GoldError(start, end, e["category"], layer))
            records.append(GoldText(str(record.get("id", f"{path.name}:{number}")), text, tuple(errors)))
        except (KeyError, TypeError, ValueError) as err:
            raise InputError(f"{where}: not a gold record ({type(err).__name__}: {err})") from None
    return records


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    if a_start == a_end or b_start == b_end:  # a position: touching counts
        return a_start <= b_end and b_start <= a_end
    return a_start < b_end and b_start < a_end


def _mcc(tp: int, fp: int, fn: int, tn: int) -> float:
    denominator = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    return (tp * tn - fp * fn) / denominator if denominator else 0.0


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


Span = tuple[int, int, str, float]  # start, end, category, confidence
MODELS_NOT_USED = "models not used: evaluation runs offline unless --bt-model/--rt-model are given"
CURVE_THRESHOLDS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def score(gold: Sequence[GoldText], predicted: dict[str, list[Span]],
          by_category: bool = False) -> dict[str, Any]:  # fmt: skip
    """Measures for predicted spans ``{text id: [(start, end, category, confidence), ...]}``."""
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    cat_found: Counter[str] = Counter()
    cat_total: Counter[str] = Counter()
    correct = reported = correct_all = reported_all = 0
    clean_texts = clean_flags = clean_flagged_texts = 0
    word_counts = Counter[str]()
    for text in gold:
        spans = predicted.get(text.id, [])
        for e in text.errors:
            hit = any(overlaps(s, t, e.start, e.end) for s, t, *_ in spans)
            total[e.layer] += 1
            found[e.layer] += hit
            cat_total[e.category] += 1
            cat_found[e.category] += hit
        for s, t, category, *_ in spans:
            ok = any(overlaps(s, t, e.start, e.end) for e in text.errors)
            reported_all += 1
            correct_all += ok
            if category != TYPOGRAPHY:
                reported += 1
                correct += ok
        if not text.errors:
            clean_texts += 1
            flags = [x for x in spans if x[2] != TYPOGRAPHY]
            clean_flags += len(flags)
            clean_flagged_texts += bool(flags)
        for m in words(text.text):
            gold_bad = any(overlaps(m.start(), m.end(), e.start, e.end) for e in text.errors)
            pred_bad = any(overlaps(m.start(), m.end(), s, t) for s, t, *_ in spans)
            word_counts[("t" if gold_bad == pred_bad else "f") + ("p" if pred_bad else "n")] += 1
    n_errors = sum(total.values())
    result: dict[str, Any] = {
        "texts": len(gold),
        "gold_errors": n_errors,
        "reported": reported_all,
        "recall": round(sum(found.values()) / n_errors, 4) if n_errors else None,
        "recall_fluency": round(found["fluency"] / total["fluency"], 4) if total["fluency"] else None,
        "recall_accuracy": round(found["accuracy"] / total["accuracy"], 4) if total["accuracy"] else None,
        "precision": round(correct / reported, 4) if reported else None,
        "precision_with_typography": round(correct_all / reported_all, 4) if reported_all else None,
        "error_free_texts": clean_texts,
        "false_flags_per_100_error_free": round(100 * clean_flags / clean_texts, 2) if clean_texts else None,
        "flagged_error_free_texts_per_100": (
            round(100 * clean_flagged_texts / clean_texts, 2) if clean_texts else None
        ),
        "word_bad_f1": round(_f1(word_counts["tp"], word_counts["fp"], word_counts["fn"]), 4),
        "word_mcc": round(
            _mcc(word_counts["tp"], word_counts["fp"], word_counts["fn"], word_counts["tn"]), 4
        ),
    }  # fmt: skip
    if by_category:
        result["recall_by_category"] = {
            c: {"found": cat_found[c], "total": cat_total[c], "recall": round(cat_found[c] / cat_total[c], 4)}
            for c in sorted(cat_total)
        }
    return result


def filtered(predicted: dict[str, list[Span]], threshold: float) -> dict[str, list[Span]]:
    return {k: [x for x in spans if x[3] >= threshold] for k, spans in predicted.items()}


def _curve(gold: Sequence[GoldText], predicted: dict[str, list[Span]]) -> list[dict[str, Any]]:
    """The measures at each confidence threshold of ``CURVE_THRESHOLDS``: one run, filtered."""
    keys = ("reported", "recall_fluency", "recall_accuracy", "precision", "word_mcc",
            "false_flags_per_100_error_free")  # fmt: skip
    rows = []
    for threshold in CURVE_THRESHOLDS:
        measured = score(gold, filtered(predicted, threshold))
        rows.append({"min_confidence": threshold, **{k: measured[k] for k in keys}})
    return rows


def predict(
    gold: Sequence[GoldText], **checker_options: Any
) -> tuple[list[GoldText], dict[str, list[Span]], dict[str, Any]]:
    """Run one Checker over every gold text (models load once).

    Returns the texts renamed with unique ids, the predicted spans per id, and the report meta.
    """
    from mt_check.pipeline import Checker

    checker_options.setdefault("bt_model", None)
    checker_options.setdefault("rt_model", None)
    renamed = [GoldText(f"{i}:{t.id}", t.text, t.errors) for i, t in enumerate(gold)]
    report = Checker(**checker_options).run([Document(t.id, t.text) for t in renamed])
    predicted: dict[str, list[Span]] = {}
    for row in report.issues.itertuples():
        confidence = float(row.confidence) if row.confidence == row.confidence else 1.0  # NaN: none
        predicted.setdefault(str(row.doc_id), []).append(
            (int(row.start), int(row.end), str(row.category), confidence)
        )
    return renamed, predicted, report.meta


def evaluate_files(
    paths: Iterable[Path], by_category: bool = False, curve: bool = False, **checker_options: Any
) -> dict[str, Any]:
    """One JSON-ready object: the measures for each file (and for all files together), at the
    checker's ``min_confidence``; with ``curve``, also at each of ``CURVE_THRESHOLDS``."""
    from mt_check.confidence import DEFAULT_MIN_CONFIDENCE

    files = [Path(p) for p in paths]
    per_file = [read_gold(p) for p in files]
    threshold = checker_options.pop("min_confidence", DEFAULT_MIN_CONFIDENCE)
    # One run keeps every issue; each threshold is a filter over it (the checker filters the same way).
    texts, everything, meta = predict([r for records in per_file for r in records], min_confidence=0.0,
                                      **checker_options)  # fmt: skip
    predicted = filtered(everything, threshold)
    results: dict[str, Any] = {}
    offset = 0
    for path, records in zip(files, per_file, strict=True):
        part = texts[offset : offset + len(records)]
        results[str(path)] = score(part, predicted, by_category)
        if curve:
            results[str(path)]["curve"] = _curve(part, everything)
        offset += len(records)
    if len(files) > 1:
        results["all"] = score(texts, predicted, by_category)
        if curve:
            results["all"]["curve"] = _curve(texts, everything)
    results["min_confidence"] = threshold
    results["signature"] = meta["signature"]
    # Evaluation leaves the models out unless asked: say that, not the Checker's "disabled by the user".
    results["stages"] = {
        stage: StageOutcome.skipped(MODELS_NOT_USED) if _disabled(outcome) else outcome
        for stage, outcome in meta["stages"].items()
    }
    return results


def _disabled(outcome: Any) -> bool:
    """A stage skipped because no model was given (not one that failed to load)."""
    if not isinstance(outcome, str):  # the detectors' outcomes, counts
        return False
    read = StageOutcome.read(outcome)
    return read.state == StageOutcome.SKIPPED and read.reason == MODEL_DISABLED
