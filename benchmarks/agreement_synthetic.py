"""Agreement recall on synthetic errors injected into UD French-GSD, gender and number apart.

Reads gold JSONL files whose errors carry a ``note`` naming the injection
(``data/eval/ud_gsd_agreement.jsonl``: ``gender-det``, ``number-adj``, …;
``data/eval/ud_gsd_synthetic.jsonl``: ``agreement-gender``, ``agreement-number``,
``det-gender``), runs the detectors on every text and reports, for gender and for number
separately and for each note, the share of errors that an agreement issue overlaps: for each
detector alone and for all of them together (the issues are not merged, so a detector's figure
is its own). Errors of other kinds (merged elisions, truncated years…) are ignored.

    .venv/bin/python benchmarks/agreement_synthetic.py
    .venv/bin/python benchmarks/agreement_synthetic.py --detectors agreement --show 10

Not a test: the numbers go into notes and reviews. The data derive from UD French-GSD
(CC BY-SA 4.0).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from mt_check.detectors import build  # noqa: E402
from mt_check.detectors.base import PARSE, DocumentContext  # noqa: E402
from mt_check.segment import segment  # noqa: E402
from mt_check.types import Category, Document, Issue  # noqa: E402

DEFAULT_GOLD = [REPO / "data" / "eval" / "ud_gsd_agreement.jsonl",
                REPO / "data" / "eval" / "ud_gsd_synthetic.jsonl"]
DEFAULT_DETECTORS = "agreement,grammalecte"


def feature(note: str) -> str | None:
    """``gender`` or ``number`` for an agreement injection's note, else None."""
    if "gender" in note:
        return "gender"
    if "number" in note:
        return "number"
    return None


def _overlaps(issue: Issue, error: dict) -> bool:
    if error["start"] == error["end"]:
        return issue.start <= error["start"] <= issue.end
    return issue.start < error["end"] and error["start"] < issue.end


def _ratio(found: int, total: int) -> dict:
    return {"found": found, "total": total, "recall": round(found / total, 3) if total else None}


def measure(path: Path, names: list[str], show: int) -> dict:
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    records = [r for r in records if any(feature(e.get("note", "")) for e in r["errors"])]
    detectors = [d for d in build(names) if d.unavailable_reason() is None]
    skipped = sorted(set(names) - {d.name for d in detectors})
    docs = [Document(r["id"], r["text"]) for r in records]
    sentences = [segment(d) for d in docs]
    parses: list[tuple | None] = [None] * len(docs)
    if any(PARSE in d.requires for d in detectors):
        from mt_check.parse import parse_sentences

        flat = parse_sentences([s for group in sentences for s in group])
        at = 0
        for i, group in enumerate(sentences):
            parses[i] = tuple(flat[at : at + len(group)])
            at += len(group)
    found: dict[str, dict[str, list[Issue]]] = {d.name: defaultdict(list) for d in detectors}
    for doc, group, parse in zip(docs, sentences, parses, strict=True):
        ctx = DocumentContext(doc, group, (None,) * len(group), parse)
        for det in detectors:
            for issue in det.detect(ctx):
                if issue.category is Category.AGREEMENT:
                    found[det.name][doc.id].append(issue)
    columns = [*found, "all"]
    counts: dict[str, dict[str, list[int]]] = {c: defaultdict(lambda: [0, 0]) for c in columns}
    missed: list[str] = []
    for record in records:
        for error in record["errors"]:
            note = error.get("note", "")
            feat = feature(note)
            if feat is None:
                continue
            hit_any = False
            for name in found:
                hit = any(_overlaps(i, error) for i in found[name].get(record["id"], ()))
                hit_any |= hit
                for key in (feat, note):
                    counts[name][key][1] += 1
                    counts[name][key][0] += hit
            for key in (feat, note):
                counts["all"][key][1] += 1
                counts["all"][key][0] += hit_any
            if not hit_any:
                missed.append(f"{note} «{error['span']}» → «{error['correction']}»: {record['text']}")
    result: dict = {"file": str(path), "texts": len(records), "detectors_skipped": skipped}
    for column in columns:
        by_key = counts[column]
        result[column] = {
            "gender": _ratio(*by_key["gender"]),
            "number": _ratio(*by_key["number"]),
            "by_note": {k: _ratio(*v) for k, v in sorted(by_key.items())
                        if k not in ("gender", "number")},
        }
    for line in missed[:show]:
        print(f"missed: {line}", file=sys.stderr)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path, default=DEFAULT_GOLD, help="gold JSONL files")
    parser.add_argument("--detectors", default=DEFAULT_DETECTORS,
                        help=f"comma-separated detector names (default {DEFAULT_DETECTORS})")
    parser.add_argument("--show", type=int, default=0, help="print N missed errors per file")
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.detectors.split(",") if n.strip()]
    results = [measure(path, names, args.show) for path in args.gold]
    print(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
