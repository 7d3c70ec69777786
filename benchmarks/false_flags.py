"""False flags on correct French and recall on a gold article, for any set of detectors.

Runs the detectors over every sentence of UD French-GSD dev (edited French, each sentence its
own document) and counts flagged sentences per 100; then over the gold articles, reporting the
share of gold spans of the detectors' categories that some issue overlaps. Detector time
(parsing excluded) is reported as sentences per second.

    .venv/bin/python benchmarks/false_flags.py --detectors spelling,agreement
    .venv/bin/python benchmarks/false_flags.py --detectors agreement --show 20

Not a test: the numbers go into notes and reviews. UD French-GSD is CC BY-SA 4.0.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from mt_check.detectors import build  # noqa: E402
from mt_check.detectors.base import PARSE, DocumentContext  # noqa: E402
from mt_check.types import Category, Document, Issue, Sentence  # noqa: E402

DEFAULT_UD = REPO.parent / "shared" / "data" / "ud_french_gsd" / "fr_gsd-ud-dev.conllu"
DEFAULT_GOLD = [REPO.parent / "shared" / "eval" / "kremlin_hotline_fr.gold.jsonl"]


def read_ud_texts(path: Path, limit: int | None = None) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        texts = [line[len("# text = ") :].strip() for line in handle if line.startswith("# text = ")]
    return texts[:limit] if limit else texts


def _contexts(
    documents: list[Document], sentences: Sequence[tuple[Sentence, ...]], parse: bool
) -> list[DocumentContext]:
    parses: list[tuple | None] = [None] * len(documents)
    if parse:
        from mt_check.parse import parse_sentences

        flat = parse_sentences([s for group in sentences for s in group])
        at = 0
        for i, group in enumerate(sentences):
            parses[i] = tuple(flat[at : at + len(group)])
            at += len(group)
    return [
        DocumentContext(doc, group, (None,) * len(group), p)
        for doc, group, p in zip(documents, sentences, parses, strict=True)
    ]


def _run(detectors, contexts) -> tuple[dict[str, list[Issue]], dict[str, float]]:
    issues: dict[str, list[Issue]] = {}
    seconds: dict[str, float] = {}
    for det in detectors:
        started = time.perf_counter()
        issues[det.name] = [i for ctx in contexts for i in det.detect(ctx)]
        seconds[det.name] = time.perf_counter() - started
    return issues, seconds


def false_flags(detectors, texts: list[str], show: int) -> dict:
    docs = [Document(f"ud-{i}", t) for i, t in enumerate(texts)]
    sents = [(Sentence(d.id, 0, 0, len(d.text), d.text),) for d in docs]
    contexts = _contexts(docs, sents, any(PARSE in d.requires for d in detectors))
    for det in detectors:  # load lexicons, models and frequency lists outside the timed pass
        for ctx in contexts[:20]:
            list(det.detect(ctx))
    issues, seconds = _run(detectors, contexts)
    out: dict = {"sentences": len(texts), "detectors": {}}
    flagged_any: set[str] = set()
    for name, found in issues.items():
        flagged = {i.doc_id for i in found}
        flagged_any |= flagged
        out["detectors"][name] = {
            "flagged_sentences": len(flagged),
            "per_100": round(100 * len(flagged) / max(1, len(texts)), 2),
            "issues": len(found),
            "codes": dict(Counter(i.code for i in found).most_common()),
            "sentences_per_s": round(len(texts) / max(seconds[name], 1e-9), 1),
        }
        if show:
            by_doc: dict[str, list[Issue]] = {}
            for issue in found:
                by_doc.setdefault(issue.doc_id, []).append(issue)
            for doc_id in list(by_doc)[:show]:
                text = texts[int(doc_id.split("-")[1])]
                print(f"[{name}] {doc_id}: {text}", file=sys.stderr)
                for issue in by_doc[doc_id]:
                    print(f"    {issue.code} «{issue.span}» → {issue.suggestion}: {issue.message}",
                          file=sys.stderr)
    out["all"] = {
        "flagged_sentences": len(flagged_any),
        "per_100": round(100 * len(flagged_any) / max(1, len(texts)), 2),
        "sentences_per_s": round(len(texts) / max(sum(seconds.values()), 1e-9), 1),
    }
    return out


def gold_recall(detectors, gold_paths: list[Path], categories: set[str] | None) -> dict:
    from mt_check.segment import segment

    records = []
    for path in gold_paths:
        with path.open(encoding="utf-8") as handle:
            records += [json.loads(line) for line in handle if line.strip()]
    docs = [Document(r["id"], r["text"]) for r in records]
    contexts = _contexts(docs, [segment(d) for d in docs], any(PARSE in d.requires for d in detectors))
    issues, _ = _run(detectors, contexts)
    found = [i for group in issues.values() for i in group]
    # Default: the categories the detectors reported, plus those named like a detector.
    known = {c.value for c in Category}
    cats = categories or {i.category.value for i in found} | {
        d.name for d in detectors if d.name in known
    }
    result: dict = {"categories": sorted(cats), "gold": 0, "found": 0, "missed": [], "extra": []}
    for record in records:
        doc_issues = [i for i in found if i.doc_id == record["id"]]
        gold = [e for e in record["errors"] if e["category"] in cats]
        for err in gold:
            hit = [
                i for i in doc_issues
                if (i.start < err["end"] and err["start"] < i.end)
                or (err["start"] == err["end"] and i.start <= err["start"] <= i.end)
            ]
            result["gold"] += 1
            if hit:
                result["found"] += 1
            else:
                result["missed"].append(f"{record['id']}:{err['start']} «{err['span']}»")
        all_gold = record["errors"]
        for i in doc_issues:
            if not any(i.start < e["end"] and e["start"] < i.end for e in all_gold):
                result["extra"].append(f"{i.code} «{i.span}» → {i.suggestion}")
    result["recall"] = round(result["found"] / max(1, result["gold"]), 3)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--detectors", required=True, help="comma-separated detector names")
    parser.add_argument("--ud", type=Path, default=DEFAULT_UD, help="CoNLL-U file of correct French")
    parser.add_argument("--gold", type=Path, nargs="*", default=DEFAULT_GOLD, help="gold JSONL files")
    parser.add_argument("--categories", help="gold categories to score (default: the detectors')")
    parser.add_argument("--limit", type=int, help="first N UD sentences only")
    parser.add_argument("--show", type=int, default=0, help="print N flagged sentences per detector")
    args = parser.parse_args(argv)
    detectors = build([n.strip() for n in args.detectors.split(",") if n.strip()])
    result = {"false_flags": false_flags(detectors, read_ud_texts(args.ud, args.limit), args.show)}
    if args.gold:
        cats = set(args.categories.split(",")) if args.categories else None
        result["gold"] = gold_recall(detectors, args.gold, cats)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
