"""Throughput of mt-check on a Dask LocalCluster with 1 and 2 worker processes, against a local run.

    python benchmarks/bench_distributed.py --json dask.json
    python benchmarks/bench_distributed.py --documents 20 --json quick.json

Documents: the sample article, then UD French-GSD dev sentences grouped ten to a document (news
articles are tens of sentences; a partition holds about 20,000 characters). Two workloads:

- detectors alone (spaCy parse, lexicon, Grammalecte; no models);
- tiny random-weight MarianMT models (built as the tests build them: a real SentencePiece model,
  d_model 32, 2+2 layers) with back-translation, round trip and forced decoding, generation
  capped at 24 new tokens, so that the model stages weigh without dominating.

Each configuration first warms every worker up (models, spaCy and the lexicon loaded once per
process, as in a long batch), then times one run over all documents; the local run is
``Checker.run`` in this process after the same warm-up. Each run's sentence rows are compared with
the local run's (floats to 1e-5). No cache, so every run does the same work.
Not run by CI: the figures depend on the machine (this one has 2 cores).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

ARTICLE = REPO / "data" / "kremlin_hotline_fr.txt"
GSD_DEV = REPO.parent / "shared" / "data" / "ud_french_gsd" / "fr_gsd-ud-dev.conllu"


def _documents(count: int) -> list[Any]:
    from mt_check.types import Document

    docs = [Document("kremlin_hotline_fr.txt", ARTICLE.read_text(encoding="utf-8"))]
    texts = [line[len("# text = ") :].strip() for line in GSD_DEV.open(encoding="utf-8")
             if line.startswith("# text = ")]  # fmt: skip
    for k in range(count - 1):
        chunk = texts[10 * k : 10 * k + 10]
        if not chunk:
            break
        docs.append(Document(f"ud/{k:03d}.txt", " ".join(chunk)))
    return docs


def _tiny_models(work: Path) -> tuple[str, str]:
    import conftest  # the tests' builders: a real SentencePiece model, small random weights

    fr = conftest._train_spm(conftest._training_lines([]), 400)
    en = conftest._train_spm([*conftest._ENGLISH, *conftest._training_lines([])[:20]], 300)
    bt = conftest._build_tiny_marian(work / "tiny-fr-en", fr, en, ("fr", "en"), seed=1234)
    rt = conftest._build_tiny_marian(work / "tiny-en-fr", en, fr, ("en", "fr"), seed=4321)
    return bt, rt


def _differences(a: Any, b: Any) -> int:
    """Sentences whose row differs between two reports of the same documents (0: identical)."""
    import pandas as pd

    left, right = a.sentences, b.sentences
    if len(left) != len(right) or not left[["doc_id", "sent_id"]].equals(right[["doc_id", "sent_id"]]):
        return max(len(left), len(right))
    differ = pd.Series(False, index=left.index)
    for column in left.columns:
        x, y = left[column], right[column]
        if pd.api.types.is_float_dtype(x):
            same = (x - y).abs().le(1e-5) | (x.isna() & y.isna())
        else:
            same = (x == y).fillna(False) | (x.isna() & y.isna())
        differ |= ~same.astype(bool)
    return int(differ.sum())


def _measure(checker: Any, documents: list[Any], workers: int | None) -> dict[str, Any]:
    from mt_check import distributed as mdist

    sentences = 0
    if workers is None:
        checker.run(documents[:1])  # warm-up: models, spaCy and the lexicon loaded
        started = time.perf_counter()
        report = checker.run(documents)
        seconds = time.perf_counter() - started
    else:
        with mdist.connect(f"local:{workers}") as client:  # loopback, one thread per worker
            mdist.warm_up(checker, client)
            started = time.perf_counter()
            report = mdist.run(checker, documents, client)
            seconds = time.perf_counter() - started
    sentences = len(report.sentences)
    return {"seconds": seconds, "sentences": sentences, "sps": sentences / seconds, "report": report}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=60, help="documents (default 60)")
    parser.add_argument("--json", type=Path, help="write the figures to this file as one JSON object")
    args = parser.parse_args(argv)

    import warnings

    warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")
    from mt_check.pipeline import Checker

    documents = _documents(args.documents)
    chars = sum(len(d.text) for d in documents)
    work = Path(tempfile.mkdtemp(prefix="mt-check-bench-dask-"))
    bt, rt = _tiny_models(work)
    workloads = {
        "detectors": Checker(bt_model=None, rt_model=None, cache=False, progress=False),
        "tiny_models": Checker(
            bt_model=bt, rt_model=rt, beam=2, max_new_tokens=24, cache=False, progress=False
        ),  # fmt: skip
    }
    figures: dict[str, Any] = {"documents": len(documents), "characters": chars, "cpus": os.cpu_count()}
    for name, checker in workloads.items():
        local = _measure(checker, documents, None)
        row: dict[str, Any] = {"local_sps": local["sps"], "sentences": local["sentences"]}
        for workers in (1, 2):
            run = _measure(checker, documents, workers)
            row[f"workers_{workers}_sps"] = run["sps"]
            row[f"workers_{workers}_differing_sentences"] = _differences(run["report"], local["report"])
        row["speedup_2_over_1"] = row["workers_2_sps"] / row["workers_1_sps"]
        figures[name] = row
        print(f"[bench] {name}: {json.dumps(row)}", file=sys.stderr, flush=True)

    print(f"\n{len(documents)} documents, {figures['detectors']['sentences']} sentences, "
          f"{chars} characters, {os.cpu_count()} CPUs")  # fmt: skip
    print(f"{'workload':14} {'local':>8} {'1 worker':>9} {'2 workers':>10} {'2 vs 1':>7}  rows unlike local")
    for name in workloads:
        r = figures[name]
        differ = f"{r['workers_1_differing_sentences']} / {r['workers_2_differing_sentences']}"
        print(f"{name:14} {r['local_sps']:8.1f} {r['workers_1_sps']:9.1f} {r['workers_2_sps']:10.1f} "
              f"{r['speedup_2_over_1']:6.2f}x  {differ}")  # fmt: skip
    print("(sentences/s after loading; last column: sentence rows unlike the local run's, 1 / 2 workers)")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
