"""Estimate each issue code's confidence (mt_check/data/confidence.tsv) from evaluation data.

    .venv/bin/python benchmarks/estimate_confidence.py            # writes the table, prints the curve
    .venv/bin/python benchmarks/estimate_confidence.py --dry-run  # prints only

Runs the default detectors (offline, every issue kept: min confidence 0) over
- real machine-translated French with gold spans (../shared/eval/mt_dev.gold.jsonl): a flag is
  correct when it overlaps a gold error (mt_check.evaluate's rule);
- correct French (Sequoia dev and GSD dev, ../shared/data/): every flag is a false flag;
counts flags per code, and writes the counts with the confidence mt_check.confidence derives.

It also prints the precision / recall / false-flags curve with confidences that never score a
sentence with numbers learned on it: an MT sentence's issues get the confidences of a table
counted without its page (leave-one-page-out), a clean set's issues those of a table counted
without that set. The default threshold (mt_check.confidence.DEFAULT_MIN_CONFIDENCE) is read
from that curve, which the script prints with its recommendation: the highest threshold that keeps
the unfiltered held-out fluency recall while the clean-French targets hold (Sequoia ≤ 3, GSD ≤ 5
false flags per 100 sentences).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MT = SHARED / "eval" / "mt_dev.gold.jsonl"
CLEAN = {
    "sequoia": SHARED / "data" / "ud_french_sequoia" / "fr_sequoia-ud-dev.conllu",
    "gsd": SHARED / "data" / "ud_french_gsd" / "fr_gsd-ud-dev.conllu",
}
THRESHOLDS = (0.0, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8)


def _pages() -> dict[str, str]:
    return {json.loads(line)["id"]: json.loads(line).get("url", "") for line in MT.open(encoding="utf-8")}


def _flags(texts, predicted) -> list[tuple[str, str, bool]]:  # noqa: ANN001
    """(text id, code, correct) for every predicted row."""
    from mt_check.evaluate import overlaps

    out = []
    for text in texts:
        for start, end, _category, code in predicted.get(text.id, []):
            ok = any(overlaps(start, end, e.start, e.end) for e in text.errors)
            out.append((text.id, code, ok))
    return out


def _run(texts):  # noqa: ANN001, ANN202
    from mt_check.pipeline import Checker
    from mt_check.types import Document

    report = Checker(bt_model=None, rt_model=None, min_confidence=0.0, cache=False).run(
        [Document(t.id, t.text) for t in texts]
    )
    predicted: dict[str, list] = {}
    for row in report.issues.itertuples():
        span = (int(row.start), int(row.end), str(row.category), str(row.code))
        predicted.setdefault(str(row.doc_id), []).append(span)
    return predicted


def _table(mt_flags: Iterable[tuple[str, str, bool]], clean_flags: Iterable[tuple[str, str, bool]],
           mt_sentences: int, clean_sentences: int):  # noqa: ANN202
    from mt_check.confidence import CodeCounts, ConfidenceTable

    flags, correct, clean = Counter(), Counter(), Counter()
    for _, code, ok in mt_flags:
        flags[code] += 1
        correct[code] += ok
    for _, code, _ in clean_flags:
        clean[code] += 1
    counts = {c: CodeCounts(flags[c], correct[c], clean[c]) for c in set(flags) | set(clean)}
    return ConfidenceTable(counts, mt_sentences, clean_sentences)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="print, do not write the table")
    args = parser.parse_args()
    from mt_check.confidence import TABLE
    from mt_check.evaluate import GoldText, filtered, read_gold, score

    mt = read_gold(MT)
    clean = {name: read_gold(path) for name, path in CLEAN.items()}
    # Unique ids across the sets (UD ids can repeat between treebanks).
    clean = {n: [GoldText(f"{n}:{t.id}", t.text, t.errors) for t in texts] for n, texts in clean.items()}
    everything = mt + [t for texts in clean.values() for t in texts]
    predicted = _run(everything)
    mt_flags = _flags(mt, predicted)
    clean_flags = {name: _flags(texts, predicted) for name, texts in clean.items()}
    n_clean = sum(len(t) for t in clean.values())
    all_clean = [f for flags in clean_flags.values() for f in flags]
    table = _table(mt_flags, all_clean, len(mt), n_clean)

    # Held-out confidences: an MT page's rows from a table without that page; a clean set's rows
    # from a table without that set.
    pages = _pages()
    held: dict[tuple[str, int], float] = {}
    for page in sorted(set(pages.values())):
        kept = [f for f in mt_flags if pages[f[0]] != page]
        n_kept = sum(1 for t in mt if pages[t.id] != page)
        part = _table(kept, all_clean, n_kept, n_clean)
        for k, (tid, code, _) in enumerate(mt_flags):
            if pages[tid] == page:
                held[("mt", k)] = part.confidence(code)
    for name, flags in clean_flags.items():
        others = [f for other, fl in clean_flags.items() if other != name for f in fl]
        part = _table(mt_flags, others, len(mt), sum(len(t) for o, t in clean.items() if o != name))
        for k, (_, code, _) in enumerate(flags):
            held[(name, k)] = part.confidence(code)

    def with_conf(texts, flags, key):  # noqa: ANN001, ANN202
        rows: dict[str, list] = {}
        spans = {t.id: predicted.get(t.id, []) for t in texts}
        k = 0
        for t in texts:
            for start, end, category, _code in spans[t.id]:
                rows.setdefault(t.id, []).append((start, end, category, held[(key, k)]))
                k += 1
        return rows

    mt_rows = with_conf(mt, mt_flags, "mt")
    clean_rows = {name: with_conf(texts, clean_flags[name], name) for name, texts in clean.items()}
    print("held-out curve (leave-one-page-out on MT, leave-one-set-out on clean French):")
    print("| min confidence | mt_dev fluency recall | mt_dev precision | mt_dev word MCC | mt_dev flags "
          "| Sequoia false flags / 100 | GSD false flags / 100 |")
    print("|---|---|---|---|---|---|---|")
    recommended, unfiltered = 0.0, None
    for threshold in THRESHOLDS:
        m = score(mt, filtered(mt_rows, threshold))
        seq = score(clean["sequoia"], filtered(clean_rows["sequoia"], threshold))
        gsd = score(clean["gsd"], filtered(clean_rows["gsd"], threshold))
        print(f"| {threshold} | {m['recall_fluency']} | {m['precision']} | {m['word_mcc']} | {m['reported']} "
              f"| {seq['false_flags_per_100_error_free']} | {gsd['false_flags_per_100_error_free']} |")
        unfiltered = m["recall_fluency"] if unfiltered is None else unfiltered
        clean_ok = seq["false_flags_per_100_error_free"] <= 3 and gsd["false_flags_per_100_error_free"] <= 5
        if clean_ok and m["recall_fluency"] == unfiltered:
            recommended = threshold
    print(f"\nrecommended default min confidence: {recommended} (the highest threshold keeping the "
          "unfiltered held-out fluency recall, with Sequoia <= 3 and GSD <= 5 false flags per 100)\n")

    lines = [
        "# written by benchmarks/estimate_confidence.py from ../shared/eval/mt_dev.gold.jsonl (MT, gold)",
        "# and the Sequoia and GSD dev treebanks (correct French); default detectors, offline",
        f"# mt_sentences {len(mt)}",
        f"# clean_sentences {n_clean}",
        "code\tmt_flags\tmt_correct\tclean_flags\tconfidence",
    ]
    for code in sorted(table.counts):
        c = table.counts[code]
        lines.append(f"{code}\t{c.mt_flags}\t{c.mt_correct}\t{c.clean_flags}\t{table.confidence(code)}")
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.dry_run:
        (ROOT / "mt_check" / "data" / TABLE).write_text(text, encoding="utf-8")
        print(f"wrote mt_check/data/{TABLE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
