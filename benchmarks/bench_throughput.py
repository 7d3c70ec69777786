"""Throughput and peak memory of mt-check on a model with exactly the shape of opus-mt-fr-en.

    python benchmarks/bench_throughput.py --json bench.json          # 200 sentences
    python benchmarks/bench_throughput.py --quick --json quick.json  # 32 sentences, naive on 8
    PYTHONPATH=TREE python benchmarks/bench_throughput.py --quick --dump tree.json  # then cmp two

The Helsinki-NLP checkpoints cannot be downloaded here, so two models are built once (into
``--work``, default ``$TMPDIR/mt-check-bench``) with their exact shape and random weights: MarianMT,
d_model 512, 6 encoder + 6 decoder layers, 8 heads, FFN 2048, swish, sinusoidal positions, a
shared vocabulary of 59,514 entries (a joint French/English SentencePiece model trained on
wordfreq's word lists, never on the benchmark sentences), tied embeddings; generation settings as
in the OPUS-MT configs (beam 4, <pad> banned, EOS forced at the cap). Random weights never stop by
themselves, so every run caps generation at ``--new-tokens`` (default: 1.1 x the mean input
length); the naive baseline gets the same cap.

Sentences: the sample article's, then UD French-GSD dev sentences in file order, keeping those of
25-60 source tokens (news-length sentences; the mean lands near 40). Each measurement runs in its
own subprocess, so peak resident memory (ru_maxrss) is that measurement's alone. Speeds are
sentences per second after loading and a warm-up run on 32 other sentences; conversion and model
building are one-time costs reported apart. The two detector measurements (a second or two each)
run in 3 fresh processes; the median is kept.

Measurements: the naive baseline a user would write (transformers, one sentence at a time, beam 4);
back-translation alone with mt-check's transformers backend and its CTranslate2 int8 backend, and
CTranslate2's translate_batch alone on pre-tokenised input (that measurement's ceiling); the full
pipeline (back-translation, round trip, forced decoding, every registered detector) with
each backend; the detectors alone (no models), in one process and with one worker process per core
(--jobs, peak memory summed over the processes); a warm re-run of the CTranslate2 pipeline from the
cache (same Checker, cache in a fresh temporary directory). Not run by CI.

``--dump FILE`` also writes, per pipeline measurement (the two full pipelines, the warm re-run,
the detectors alone), every sentence's back_translation, round_trip, bt_logprob and fd_logprob
and every issue's doc_id, sent_id, start, end, code and suggestion: the same file from two trees
(``PYTHONPATH=TREE``, which the measurement processes inherit) shows that a change kept the
translations and issues.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO / "data" / "kremlin_hotline_fr.txt"
GSD_DEV = REPO.parent / "shared" / "data" / "ud_french_gsd" / "fr_gsd-ud-dev.conllu"

VOCAB_SIZE = 59_514
# Helsinki-NLP/opus-mt-fr-en's config.json, less its weights.
OPUS_SHAPE: dict[str, Any] = {
    "d_model": 512,
    "encoder_layers": 6,
    "decoder_layers": 6,
    "encoder_attention_heads": 8,
    "decoder_attention_heads": 8,
    "encoder_ffn_dim": 2048,
    "decoder_ffn_dim": 2048,
    "max_position_embeddings": 512,
    "activation_function": "swish",
    "scale_embedding": True,
    "static_position_embeddings": True,
    "normalize_embedding": False,
    "share_encoder_decoder_embeddings": True,
}
BUILD_VERSION = "opus-shape-1"
MIN_TOKENS, MAX_TOKENS = 25, 60
BEAM, BATCH = 4, 16
DOC_SENTENCES = 10  # a batch of short articles, not 200 one-line files

# name: (JSON key, how it is judged, threshold)
TARGETS = {
    "ct2_bt_vs_naive": ("ct2_bt_ratio", ">=", 15.0),
    "full_ct2_vs_naive": ("full_ct2_ratio", ">=", 6.0),
    "detectors_sps": ("detectors_sps", ">=", 200.0),
    "warm_rerun_speedup": ("warm_rerun_speedup", ">=", 50.0),
    "peak_rss_mb_ct2": ("peak_rss_mb_ct2", "<=", 1536.0),
    "peak_rss_mb_transformers": ("peak_rss_mb_transformers", "<=", 2560.0),
}


def _log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _peak_rss_mb(pid: int | None = None) -> float:
    """The peak resident set size of this process (or of ``pid``). VmHWM, where Linux has it:
    ru_maxrss carries the forking parent's peak over into the child, even across exec."""
    try:
        for line in Path(f"/proc/{pid or 'self'}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux, bytes on macOS


# -- building the models -------------------------------------------------------------------------


def _spm_training_rows() -> list[str]:
    """``text<TAB>count`` rows: wordfreq's French and English words (also capitalised), numbers
    and punctuation, so that any news sentence tokenises without <unk>."""
    import wordfreq

    letters = re.compile(r"[a-zàâäçéèêëîïôöùûüÿœæ'’-]+")
    rows: list[str] = []
    for lang in ("fr", "en"):
        kept = 0
        for word, freq in wordfreq.get_frequency_dict(lang, wordlist="large").items():
            if not letters.fullmatch(word):
                continue
            count = max(1, round(freq * 1e6))
            rows += [f"{word}\t{count}", f"{word[:1].upper()}{word[1:]}\t{max(1, count // 5)}"]
            kept += 1
            if kept == 100_000:
                break
    rows += [f"{n}\t3" for n in range(2100)]
    rows += [f"{p}\t1000" for p in ".,;:!?«»()[]\"'’-–—%€$/&*+=@#…"]
    return rows


def _train_spm(work: Path) -> Path:
    import sentencepiece as spm

    model = work / "joint.spm"
    if model.exists():
        return model
    _log("training a joint fr/en SentencePiece model of 59,514 pieces (a few minutes, once)")
    corpus = work / "words.tsv"
    corpus.write_text("\n".join(_spm_training_rows()) + "\n", encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        input_format="tsv",
        model_prefix=str(work / "joint"),
        # Marian's vocabulary swaps <s> for <pad>: as many entries as SentencePiece pieces.
        vocab_size=VOCAB_SIZE,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        num_threads=os.cpu_count() or 1,
        minloglevel=2,
    )
    (work / "joint.model").rename(model)
    return model


def _marian_vocab(spm_path: Path) -> dict[str, int]:
    """Marian's layout: </s> 0, <unk> 1, the pieces, <pad> last; padded to 59,514 entries with
    never-seen pieces if the trainer stopped short (it stops where the corpus runs out)."""
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(spm_path))
    vocab = {"</s>": 0, "<unk>": 1}
    for i in range(sp.get_piece_size()):
        if not (sp.is_control(i) or sp.is_unknown(i)):
            vocab.setdefault(sp.id_to_piece(i), len(vocab))
    filler = 0
    while len(vocab) < VOCAB_SIZE - 1:
        vocab.setdefault(f"▁<unused{filler}>", len(vocab))
        filler += 1
    vocab["<pad>"] = len(vocab)
    return vocab


def build_models(work: Path) -> tuple[str, str, dict[str, Any]]:
    """The fr→en and en→fr random-weight models (built once), and facts about the vocabulary."""
    bt, rt = work / "opus-shape-fr-en", work / "opus-shape-en-fr"
    stamp = work / "BUILD"
    if stamp.exists() and stamp.read_text() == BUILD_VERSION:
        return str(bt), str(rt), json.loads((work / "vocab-facts.json").read_text())
    import torch
    from transformers import GenerationConfig, MarianConfig, MarianMTModel, MarianTokenizer

    work.mkdir(parents=True, exist_ok=True)
    spm_path = _train_spm(work)
    vocab = _marian_vocab(spm_path)
    assert len(vocab) == VOCAB_SIZE, len(vocab)
    pad = vocab["<pad>"]
    for seed, (directory, langs) in enumerate([(bt, ("fr", "en")), (rt, ("en", "fr"))]):
        _log(f"building {directory.name} (random weights, seed {seed})")
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True)
        for name in ("source.spm", "target.spm"):
            shutil.copyfile(spm_path, directory / name)
        (directory / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")
            tokenizer = MarianTokenizer(
                source_spm=str(directory / "source.spm"),
                target_spm=str(directory / "target.spm"),
                vocab=str(directory / "vocab.json"),
                source_lang=langs[0],
                target_lang=langs[1],
            )
        tokenizer.save_pretrained(str(directory))
        config = MarianConfig(
            vocab_size=VOCAB_SIZE,
            decoder_vocab_size=VOCAB_SIZE,
            pad_token_id=pad,
            eos_token_id=0,
            bos_token_id=0,
            decoder_start_token_id=pad,
            forced_eos_token_id=0,
            **OPUS_SHAPE,
        )
        torch.manual_seed(seed)
        model = MarianMTModel(config)
        model.generation_config = GenerationConfig(
            bad_words_ids=[[pad]],
            bos_token_id=0,
            decoder_start_token_id=pad,
            eos_token_id=0,
            forced_eos_token_id=0,
            max_length=512,
            num_beams=4,
            pad_token_id=pad,
            renormalize_logits=True,
        )
        model.save_pretrained(str(directory), safe_serialization=True)
    filler = sum(1 for piece in vocab if piece.startswith("▁<unused"))
    facts = {"vocab_entries": len(vocab), "filler_entries": filler}
    (work / "vocab-facts.json").write_text(json.dumps(facts))
    stamp.write_text(BUILD_VERSION)
    return str(bt), str(rt), facts


# -- the sentences -------------------------------------------------------------------------------


WARM_UP = 32  # sentences run once before each timing, never among the timed ones


def pick_sentences(model: str, count: int) -> tuple[list[str], list[int], list[str]]:
    """News-length sentences (25-60 source tokens, EOS included): the article's, then GSD dev's;
    and the next WARM_UP such sentences for warming up (first calls compile regular expressions,
    fill the lexicon's caches and allocate the models' buffers)."""
    from transformers import MarianTokenizer

    from mt_check.segment import segment
    from mt_check.types import Document

    article = [s.text for s in segment(Document("article", ARTICLE.read_text(encoding="utf-8")))]
    with GSD_DEV.open(encoding="utf-8") as handle:
        gsd = [line[len("# text = ") :].strip() for line in handle if line.startswith("# text = ")]
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")
        tokenizer = MarianTokenizer.from_pretrained(model)
    chosen: list[str] = []
    lengths: list[int] = []
    for text in dict.fromkeys(article + gsd):
        n = len(tokenizer(text)["input_ids"])
        if MIN_TOKENS <= n <= MAX_TOKENS:
            chosen.append(text)
            lengths.append(n)
            if len(chosen) == count + WARM_UP:
                break
    if len(chosen) < count + WARM_UP:
        raise SystemExit(
            f"only {len(chosen)} sentences of {MIN_TOKENS}-{MAX_TOKENS} tokens, wanted {count} + {WARM_UP}"
        )
    return chosen[:count], lengths[:count], chosen[count:]


# -- workers (one subprocess each) ---------------------------------------------------------------


def _documents(sentences: list[str], prefix: str = "doc") -> list[Any]:
    """Documents of DOC_SENTENCES sentences, one per line (a line is a paragraph to segment)."""
    from mt_check.types import Document

    return [
        Document(f"{prefix}{i // DOC_SENTENCES:03d}", "\n".join(sentences[i : i + DOC_SENTENCES]))
        for i in range(0, len(sentences), DOC_SENTENCES)
    ]


def _all_detectors() -> list[str]:
    from mt_check.detectors import REGISTRY

    return list(REGISTRY)


def work_naive(setup: dict[str, Any]) -> dict[str, Any]:
    """What a user writes first: transformers, one sentence at a time, beam 4."""
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")
        tokenizer = MarianTokenizer.from_pretrained(setup["bt"])
    model = MarianMTModel.from_pretrained(setup["bt"]).eval()

    def translate(text: str) -> tuple[str, int]:
        batch = tokenizer([text], return_tensors="pt")
        with torch.no_grad():
            out = model.generate(**batch, num_beams=BEAM, max_new_tokens=setup["new_tokens"])
        return tokenizer.decode(out[0], skip_special_tokens=True), out.shape[1] - 1

    sentences = setup["sentences"][: setup["naive_count"]]
    for text in setup["warm_up"][:4]:  # one at a time: a few calls warm it up
        translate(text)
    started = time.perf_counter()
    generated = [translate(text)[1] for text in sentences]
    seconds = time.perf_counter() - started
    return {"sentences": len(sentences), "seconds": seconds, "new_tokens": statistics.mean(generated)}


def work_bt(setup: dict[str, Any], backend: str) -> dict[str, Any]:
    """Back-translation alone through mt-check's translator (batched, length-sorted)."""
    from mt_check.translate import load_translator

    translator = load_translator(
        setup["bt"], backend=backend, beam=BEAM, batch_size=BATCH, max_new_tokens=setup["new_tokens"]
    )
    translator.translate(setup["warm_up"])
    started = time.perf_counter()
    out = translator.translate(setup["sentences"])
    seconds = time.perf_counter() - started
    return {"sentences": len(out), "seconds": seconds, "signature": translator.signature()}


def work_ct2_raw(setup: dict[str, Any]) -> dict[str, Any]:
    """CTranslate2's translate_batch alone, on the model mt-check loads (int8, one single-threaded
    worker per core) with mt-check's settings (beam 4, batches of 16, the same cap), on sentences
    tokenised beforehand: no tokenisation, no decoding, no re-score. The ceiling of the
    CTranslate2 back-translation measurement."""
    from mt_check.translate import load_translator

    translator = load_translator(
        setup["bt"], backend="ctranslate2", beam=BEAM, batch_size=BATCH, max_new_tokens=setup["new_tokens"]
    )
    # The benchmark's models force EOS at the cap: mt-check decodes one step less (translate/ctranslate2.py).
    options = {"max_batch_size": BATCH, "beam_size": BEAM, "max_decoding_length": setup["new_tokens"] - 1,
               "num_hypotheses": 1, "max_input_length": 0}  # fmt: skip
    translator._model.translate_batch(translator._encode_sources(setup["warm_up"]), **options)
    source = translator._encode_sources(setup["sentences"])
    started = time.perf_counter()
    translator._model.translate_batch(source, **options)
    return {"sentences": len(source), "seconds": time.perf_counter() - started}


# What --dump keeps of a report, per sentence and per issue.
DUMP_SENTENCE = ["doc_id", "sent_id", "back_translation", "round_trip", "bt_logprob", "fd_logprob"]
DUMP_ISSUE = ["doc_id", "sent_id", "start", "end", "code", "suggestion"]


def _dump(report: Any) -> dict[str, list[dict[str, Any]]]:
    """A report's translations and issues for --dump, missing values as None (JSON null)."""

    def rows(frame: Any, columns: list[str]) -> list[dict[str, Any]]:
        kept = frame[columns].astype(object)
        return kept.where(kept.notna(), None).to_dict("records")

    return {"sentences": rows(report.sentences, DUMP_SENTENCE), "issues": rows(report.issues, DUMP_ISSUE)}


def _checker(setup: dict[str, Any], **options: Any) -> Any:
    from mt_check.pipeline import Checker

    return Checker(
        beam=BEAM,
        batch_size=BATCH,
        max_new_tokens=setup["new_tokens"],
        detectors=_all_detectors(),
        progress=False,
        **options,
    )


def work_full(setup: dict[str, Any], backend: str, warm: bool) -> dict[str, Any]:
    """Back-translation, round trip, forced decoding and every detector; then, with ``warm``, the
    same run again from the cache."""

    cache_dir = tempfile.mkdtemp(prefix="mt-check-bench-cache-")
    try:
        checker = _checker(
            setup,
            bt_model=setup["bt"],
            rt_model=setup["rt"],
            backend=backend,
            cache=True,
            cache_dir=cache_dir,
            require_models=True,
        )
        checker.run(_documents(setup["warm_up"], "warm-up"))
        documents = _documents(setup["sentences"])
        started = time.perf_counter()
        cold = checker.run(documents)
        seconds = time.perf_counter() - started
        result: dict[str, Any] = {
            "sentences": len(cold.sentences),
            "seconds": seconds,
            "issues": len(cold.issues),
            "detectors": cold.meta["stages"].get("detectors", {}),
            "cache": cold.meta["stages"].get("translation_cache", {}),
        }
        if setup.get("dump"):  # a dict: left out of the log line
            result["dump"] = {"cold": _dump(cold)}
        if warm:
            started = time.perf_counter()
            again = checker.run(documents)
            result["warm_seconds"] = time.perf_counter() - started
            result["warm_cache"] = again.meta["stages"].get("translation_cache", {})
            result["warm_identical"] = bool(again.sentences.equals(cold.sentences))
            if setup.get("dump"):
                result["dump"]["warm"] = _dump(again)
        return result
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)


def work_detectors(setup: dict[str, Any], jobs: int = 1) -> dict[str, Any]:
    """Every detector that can run without models (spaCy parse included), after loading; with
    ``jobs`` > 1 in that many worker processes, whose peak memory is added to this one's."""

    checker = _checker(setup, bt_model=None, rt_model=None, cache=False, jobs=jobs)
    checker.run(_documents(setup["warm_up"], "warm-up"))  # also starts and loads the workers
    documents = _documents(setup["sentences"])
    started = time.perf_counter()
    report = checker.run(documents)
    seconds = time.perf_counter() - started
    workers = list(checker._pool._processes) if checker._pool is not None else []
    result = {
        "sentences": len(report.sentences),
        "seconds": seconds,
        "issues": len(report.issues),
        "detectors": report.meta["stages"].get("detectors", {}),
        "jobs": jobs,
        "workers_peak_rss_mb": sum(_peak_rss_mb(pid) for pid in workers),
    }
    if setup.get("dump"):
        result["dump"] = {"run": _dump(report)}
    checker.close()
    return result


def work_convert(setup: dict[str, Any]) -> dict[str, Any]:
    """Convert both models for CTranslate2 (int8) once, outside every timing."""
    from mt_check.translate.ctranslate2 import convert
    from mt_check.translate.hub import locate as _locate

    started = time.perf_counter()
    for model in (setup["bt"], setup["rt"]):
        path, revision = _locate(model)
        convert(model, path, revision, "int8")
    return {"seconds": time.perf_counter() - started}


WORKERS = {
    "convert": work_convert,
    "naive": work_naive,
    "transformers_bt": lambda s: work_bt(s, "transformers"),
    "ct2_bt": lambda s: work_bt(s, "ctranslate2"),
    "ct2_raw": work_ct2_raw,
    "full_ct2": lambda s: work_full(s, "ctranslate2", warm=True),
    "full_transformers": lambda s: work_full(s, "transformers", warm=False),
    "detectors": work_detectors,
    "detectors_jobs": lambda s: work_detectors(s, jobs=_cores()),
}


def _cores() -> int:
    from mt_check.translate.ctranslate2 import available_cores as cores

    return cores()


# Measurements of a second or two, where one busy moment of the machine weighs: each runs in 3
# fresh processes and the median run is kept (the others are listed in "runs_seconds").
REPEATED = {"detectors": 3, "detectors_jobs": 3}


def _run_worker(name: str, setup_file: Path, env: dict[str, str]) -> dict[str, Any]:
    runs = [_run_worker_once(name, setup_file, env) for _ in range(REPEATED.get(name, 1))]
    if len(runs) == 1:
        return runs[0]
    ordered = sorted(runs, key=lambda r: r["seconds"])
    result = dict(ordered[len(ordered) // 2])
    result["runs_seconds"] = [r["seconds"] for r in runs]
    result["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    return result


def _run_worker_once(name: str, setup_file: Path, env: dict[str, str]) -> dict[str, Any]:
    load = os.getloadavg()[0]
    _log(f"{name} ... (load average {load:.1f})")
    out = setup_file.with_name(f"result-{name}.json")
    subprocess.run(
        [sys.executable, __file__, "--worker", name, "--setup", str(setup_file), "--result", str(out)],
        check=True,
        env=env,
    )
    result = json.loads(out.read_text())
    result["load_before"] = load
    if "seconds" in result and result.get("sentences"):
        result["sps"] = result["sentences"] / result["seconds"]
    _log(f"{name}: {json.dumps({k: v for k, v in result.items() if not isinstance(v, dict)})}")
    return result


# -- the run -------------------------------------------------------------------------------------


def _judge(value: float, how: str, threshold: float) -> bool:
    return value >= threshold if how == ">=" else value <= threshold


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="32 sentences, naive baseline on 8")
    parser.add_argument("--json", type=Path, help="write the figures to this file as one JSON object")
    parser.add_argument("--sentences", type=int, help="sentences to time (default 200, --quick 32)")
    parser.add_argument("--naive-sentences", type=int, help="sentences for the naive baseline (default: all)")
    parser.add_argument("--new-tokens", type=int, help="generation cap (default: 1.1 x mean input tokens)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "mt-check-bench",
                        help="where the models and their conversions are built, once")  # fmt: skip
    parser.add_argument("--detectors-only", action="store_true",
                        help="time only the detectors (no models): one process and --jobs per core")
    parser.add_argument("--dump", type=Path, metavar="FILE",
                        help="also write each pipeline measurement's translations and issues to FILE "
                             "(JSON), to compare two trees")  # fmt: skip
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--setup", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        setup = json.loads(args.setup.read_text())
        warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")
        result = WORKERS[args.worker](setup)
        result["peak_rss_mb"] = _peak_rss_mb() + result.pop("workers_peak_rss_mb", 0.0)
        args.result.write_text(json.dumps(result))
        return 0

    count = args.sentences or (32 if args.quick else 200)
    naive_count = args.naive_sentences or (8 if args.quick else count)
    work = args.work.resolve()
    started = time.perf_counter()
    bt, rt, facts = build_models(work)
    sentences, lengths, warm_up = pick_sentences(bt, count)
    mean_in = statistics.mean(lengths)
    new_tokens = args.new_tokens or round(1.1 * mean_in)
    setup = {"bt": bt, "rt": rt, "sentences": sentences, "warm_up": warm_up, "new_tokens": new_tokens,
             "naive_count": min(naive_count, count)}  # fmt: skip
    if args.dump:
        setup["dump"] = True
    setup_file = work / "setup.json"
    setup_file.write_text(json.dumps(setup, ensure_ascii=False))
    # Conversions go into the benchmark's directory, not the user's cache; one thread per core.
    env = {**os.environ, "MT_CHECK_CACHE": str(work / "cache"), "TOKENIZERS_PARALLELISM": "false"}
    _log(f"{count} sentences, {mean_in:.1f} source tokens on average (EOS included), cap {new_tokens}")

    if args.detectors_only:
        one = _run_worker("detectors", setup_file, env)
        many = _run_worker("detectors_jobs", setup_file, env)
        figures = {
            "sentences": count,
            "detectors_one_process_sps": one["sps"],
            "detectors_sps": many["sps"],
            "detectors_jobs": many["jobs"],
            "peak_rss_mb_detectors_one_process": one["peak_rss_mb"],
            "peak_rss_mb_detectors": many["peak_rss_mb"],
            "detectors": one["detectors"],
        }
        print(f"detectors alone, 1 process: {one['sps']:.1f} sent/s ({one['peak_rss_mb']:.0f} MB); "
              f"--jobs {many['jobs']}: {many['sps']:.1f} sent/s "
              f"({many['peak_rss_mb']:.0f} MB, all processes)")
        if args.json:
            args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        _write_dump(args.dump, {"detectors": one, "detectors_jobs": many})
        return 0

    convert = _run_worker("convert", setup_file, env)
    r = {name: _run_worker(name, setup_file, env) for name in
         ("detectors", "detectors_jobs", "ct2_bt", "ct2_raw", "transformers_bt", "full_ct2",
          "full_transformers", "naive")}  # fmt: skip

    naive = r["naive"]["sps"]
    full_ct2 = r["full_ct2"]
    figures: dict[str, Any] = {
        "naive_bt_sps": naive,
        "transformers_bt_sps": r["transformers_bt"]["sps"],
        "ct2_bt_sps": r["ct2_bt"]["sps"],
        "ct2_translate_batch_only_sps": r["ct2_raw"]["sps"],
        "full_ct2_sps": full_ct2["sps"],
        "full_transformers_sps": r["full_transformers"]["sps"],
        # With one worker process per core (--jobs), the way to run detectors alone on many cores.
        "detectors_sps": r["detectors_jobs"]["sps"],
        "detectors_jobs": r["detectors_jobs"]["jobs"],
        "detectors_one_process_sps": r["detectors"]["sps"],
        "warm_rerun_speedup": full_ct2["seconds"] / full_ct2["warm_seconds"],
        "warm_rerun_sps": full_ct2["sentences"] / full_ct2["warm_seconds"],
        "peak_rss_mb_ct2": full_ct2["peak_rss_mb"],
        "peak_rss_mb_transformers": r["full_transformers"]["peak_rss_mb"],
        "peak_rss_mb_ct2_bt_only": r["ct2_bt"]["peak_rss_mb"],
        "peak_rss_mb_transformers_bt_only": r["transformers_bt"]["peak_rss_mb"],
        "peak_rss_mb_naive": r["naive"]["peak_rss_mb"],
        "peak_rss_mb_detectors": r["detectors_jobs"]["peak_rss_mb"],
        "peak_rss_mb_detectors_one_process": r["detectors"]["peak_rss_mb"],
        "tokens_per_sentence": mean_in,
        "new_tokens_per_sentence": r["naive"]["new_tokens"],
        "sentences": count,
        "naive_sentences": r["naive"]["sentences"],
        "full_pipeline_sentences": full_ct2["sentences"],
        "ct2_conversion_seconds": convert["seconds"],
    }
    figures["transformers_bt_ratio"] = figures["transformers_bt_sps"] / naive
    figures["ct2_bt_ratio"] = figures["ct2_bt_sps"] / naive
    figures["ct2_translate_batch_only_ratio"] = figures["ct2_translate_batch_only_sps"] / naive
    figures["full_ct2_ratio"] = figures["full_ct2_sps"] / naive
    figures["full_transformers_ratio"] = figures["full_transformers_sps"] / naive
    figures["targets"] = {
        name: {"value": figures[key], "target": f"{how} {threshold:g}",
               "met": _judge(figures[key], how, threshold)}
        for name, (key, how, threshold) in TARGETS.items()
    }  # fmt: skip
    figures["settings"] = {
        "quick": args.quick, "beam": BEAM, "batch_size": BATCH, "new_tokens": new_tokens,
        "source_tokens": [MIN_TOKENS, MAX_TOKENS], "model_shape": OPUS_SHAPE, "vocab_size": VOCAB_SIZE,
        "vocab": facts, "detectors": r["detectors"]["detectors"],
        "full_pipeline_detectors": full_ct2["detectors"], "warm_identical": full_ct2["warm_identical"],
        "warm_cache": full_ct2["warm_cache"],
    }  # fmt: skip
    figures["machine"] = _machine()
    # Other work on the machine slows every measurement: the figures say how busy it was.
    figures["machine"]["load_average_before"] = {name: res["load_before"] for name, res in r.items()}
    figures["wall_seconds"] = time.perf_counter() - started
    _print_table(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    _write_dump(args.dump, r)
    return 0


def _write_dump(path: Path | None, results: dict[str, dict[str, Any]]) -> None:
    """--dump: by measurement (and run: cold/warm for a full pipeline), the measured reports'
    translations and issues, in a stable order so that two trees' files compare with cmp."""
    if path is None:
        return
    dumps = {
        f"{name}.{run}": dump for name, res in results.items() for run, dump in res.get("dump", {}).items()
    }
    path.write_text(json.dumps(dumps, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {path}")


def _machine() -> dict[str, Any]:
    import ctranslate2
    import torch
    import transformers

    return {
        "cpus": os.cpu_count(),
        "cpu": platform.processor() or platform.machine(),
        "python": platform.python_version(),
        "torch": torch.__version__,
        "torch_threads": torch.get_num_threads(),
        "transformers": transformers.__version__,
        "ctranslate2": ctranslate2.__version__,
    }


def _print_table(f: dict[str, Any]) -> None:
    t = f["targets"]

    def mark(name: str) -> str:
        return f"{t[name]['target']} {'met' if t[name]['met'] else 'MISSED'}"

    rows = [
        ("naive: transformers, 1 at a time, beam 4 (bt)", f["naive_bt_sps"], 1.0, f["peak_rss_mb_naive"], ""),
        ("mt-check transformers backend (bt)", f["transformers_bt_sps"], f["transformers_bt_ratio"],
         f["peak_rss_mb_transformers_bt_only"], ""),
        ("mt-check ctranslate2 int8 (bt)", f["ct2_bt_sps"], f["ct2_bt_ratio"], f["peak_rss_mb_ct2_bt_only"],
         "x " + mark("ct2_bt_vs_naive")),
        ("  ctranslate2 translate_batch alone (no tokenise/re-score)", f["ct2_translate_batch_only_sps"],
         f["ct2_translate_batch_only_ratio"], None, "the ceiling of the line above"),
        ("full pipeline, ctranslate2 int8", f["full_ct2_sps"], f["full_ct2_ratio"], f["peak_rss_mb_ct2"],
         "x " + mark("full_ct2_vs_naive") + "; MB " + mark("peak_rss_mb_ct2")),
        ("full pipeline, transformers fp32", f["full_transformers_sps"], f["full_transformers_ratio"],
         f["peak_rss_mb_transformers"], "MB " + mark("peak_rss_mb_transformers")),
        ("detectors alone (no models), 1 process", f["detectors_one_process_sps"], None,
         f["peak_rss_mb_detectors_one_process"], ""),
        (f"detectors alone, --jobs {f['detectors_jobs']} (memory: all processes)", f["detectors_sps"], None,
         f["peak_rss_mb_detectors"], "sent/s " + mark("detectors_sps")),
        ("warm re-run from the cache (ct2 pipeline)", f["warm_rerun_sps"], None, None,
         f"{f['warm_rerun_speedup']:.0f}x faster than cold, " + mark("warm_rerun_speedup")),
    ]  # fmt: skip
    print(
        f"\n{f['sentences']} sentences ({f['naive_sentences']} for the naive baseline), "
        f"{f['tokens_per_sentence']:.1f} -> {f['new_tokens_per_sentence']:.1f} tokens, "
        f"{f['machine']['cpus']} CPUs, beam {BEAM}, batch {BATCH}"
    )
    print(f"{'measure':56} {'sent/s':>8} {'x naive':>8} {'peak MB':>8}  target")
    for name, sps, ratio, rss, target in rows:
        ratio_s = f"{ratio:8.1f}" if ratio is not None else f"{'':8}"
        rss_s = f"{rss:8.0f}" if rss is not None else f"{'':8}"
        print(f"{name:56} {sps:8.2f} {ratio_s} {rss_s}  {target}")
    print(f"one-time CTranslate2 conversion of both models: {f['ct2_conversion_seconds']:.1f} s")
    busiest = max(f["machine"]["load_average_before"].values())
    if busiest > 0.5 * (f["machine"]["cpus"] or 1):
        print(f"warning: 1-minute load average reached {busiest:.1f} on {f['machine']['cpus']} CPUs "
              "before a measurement: other work skews these figures")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
