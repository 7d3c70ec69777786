"""The ``mt-check`` command: a thin layer over the library; it only parses, prints and exits.

Exit codes: 0 success; 1 the check ran and ``--fail-on`` found issues at or above that severity;
2 usage, input or model errors; 130 interrupted (Ctrl-C), 143 terminated (SIGTERM): translations
finished before the signal are in the cache, so the same command resumes.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
import time
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from mt_check.__version__ import __version__
from mt_check.types import InputError, MtCheckError, Severity

if TYPE_CHECKING:  # the library loads on first use, so that --help stays fast
    from mt_check.pipeline import Checker
    from mt_check.report import Report
    from mt_check.types import Document


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line on stderr, exit 2, no usage dump
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mt-check", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--version", action="version", version=f"mt-check {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    report = commands.add_parser(
        "report", help="check French MT files and write a report",
        description="Check machine-translated French and write sentences/issues/documents tables.",
    )  # fmt: skip
    report.add_argument("inputs", nargs="+", metavar="INPUT", help="text files or directories")
    report.add_argument("--out", required=True, type=Path, help="directory for the report files")
    report.add_argument("--glob", default="*.txt", help="file pattern inside directories (*.txt)")
    report.add_argument("--text-column", help="tables (CSV/TSV/JSONL/Parquet): column with the French text")
    report.add_argument("--id-column", help="tables: column with document ids (default: row number)")
    report.add_argument("--source-column", help="tables: column with the source text, kept in the report")
    report.add_argument("--bt-model", default="Helsinki-NLP/opus-mt-fr-en",
                        help="fr->en model id or local directory")  # fmt: skip
    report.add_argument("--rt-model", default="Helsinki-NLP/opus-mt-en-fr",
                        help="en->fr model id or local directory (round trip, forced decoding)")  # fmt: skip
    report.add_argument("--no-models", action="store_true", help="skip back-translation entirely")
    report.add_argument("--beam", type=int, default=4, help="beam size (4)")
    report.add_argument("--batch-size", type=int, default=16, help="sentences per batch (16)")
    report.add_argument("--max-new-tokens", type=int, default=None,
                        help="most tokens generated per sentence (default: ~2x input + 10)")  # fmt: skip
    report.add_argument("--device", default="cpu", help="cpu or cuda")
    report.add_argument("--backend", choices=["transformers", "ctranslate2"], default="transformers",
                        help="transformers, or ctranslate2: int8 on CPU, float16 on GPU")  # fmt: skip
    report.add_argument("--detectors", default=None,
                        help="comma-separated detector names (default: the default set)")  # fmt: skip
    _detector_arguments(report)
    report.add_argument("--require-models", action="store_true",
                        help="fail (exit 2) when a model cannot be loaded instead of skipping")  # fmt: skip
    report.add_argument("--fail-on", choices=[s.value for s in Severity], default=None,
                        help="exit 1 when an issue at or above this severity is found")  # fmt: skip
    report.add_argument("--format", action="append", default=None, metavar="FORMAT", dest="formats",
                        help="csv, json, parquet, xlsx, html; repeatable or comma-separated "
                        "(default: csv,json)")  # fmt: skip
    report.add_argument("--per-document", action="store_true",
                        help="also write one HTML report per document under OUT/documents/")  # fmt: skip
    report.add_argument("--top", type=int, default=5, help="worst sentences to print (5)")
    report.add_argument("--quiet", action="store_true", help="print nothing but errors (no progress bars)")
    report.add_argument("--no-cache", action="store_true",
                        help="do not read or write the cache (model outputs, checked documents)")  # fmt: skip
    report.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="processes that segment, parse and run the detectors (1); each loads "
                        "spaCy, the lexicon and Grammalecte (~700 MB)")  # fmt: skip
    report.add_argument("--cache-dir", type=Path, help="cache directory (default: ~/.cache/mt-check)")
    report.add_argument("--scheduler", metavar="ADDRESS",
                        help="run on a Dask cluster: tcp://HOST:PORT of a running scheduler, or local:N "
                        "to start N worker processes here (needs mt-check[distributed])")  # fmt: skip
    report.add_argument("--worker-cache", choices=["shared", "per-worker"], default="shared",
                        help="with --scheduler: one model-output cache for all workers (shared), or one "
                        "per worker under CACHE_DIR/workers/ (for network filesystems)")  # fmt: skip

    evaluate = commands.add_parser(
        "evaluate", help="score the checker against gold span annotations (JSONL)",
        description="Run the checker on each gold text and print span-level measures as JSON. "
        "A .conllu treebank counts as correct French: each sentence an error-free text.",
    )  # fmt: skip
    evaluate.add_argument("gold", nargs="+", type=Path, metavar="GOLD.jsonl|CORRECT.conllu")
    evaluate.add_argument("--by-category", action="store_true", help="add recall per category")
    evaluate.add_argument("--detectors", default=None, help="comma-separated detector names")
    _detector_arguments(evaluate)
    evaluate.add_argument("--curve", action="store_true",
                          help="add precision, recall and false flags per 100 at several confidence "
                          "thresholds (the run keeps every issue, then filters)")  # fmt: skip
    evaluate.add_argument("--bt-model", default=None, help="fr->en model (default: none, offline)")
    evaluate.add_argument("--rt-model", default=None, help="en->fr model (default: none)")

    models = commands.add_parser("models", help="manage the MarianMT models")
    model_commands = models.add_subparsers(dest="models_command", required=True, parser_class=_Parser)
    download = model_commands.add_parser(
        "download", help="download the default models into the Hugging Face cache",
        description="Fetch Helsinki-NLP/opus-mt-fr-en and opus-mt-en-fr (needs the network).",
    )  # fmt: skip
    download.add_argument("models", nargs="*", help="model ids (default: both default models)")
    return parser


def _detector_names(value: str | None) -> list[str] | None:
    return None if value is None else [n.strip() for n in value.split(",") if n.strip()]


def _confidence(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number between 0 and 1, got {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {value}")
    return number


def _detector_arguments(parser: argparse.ArgumentParser) -> None:
    from mt_check.confidence import DEFAULT_MIN_CONFIDENCE

    parser.add_argument("--min-confidence", type=_confidence, default=DEFAULT_MIN_CONFIDENCE, metavar="X",
                        help="drop issues an editor is estimated to agree with less often than X "
                        f"(0-1; default {DEFAULT_MIN_CONFIDENCE}; 0 keeps everything)")  # fmt: skip
    parser.add_argument("--detector-option", action="append", default=[], metavar="NAME.OPTION=VALUE",
                        dest="detector_options",
                        help="an option of one detector, e.g. grammalecte.typography=true or "
                        "grammalecte.families=gn,ppas (repeatable)")  # fmt: skip


def _detector_options(items: Sequence[str]) -> dict[str, dict[str, Any]]:
    """``NAME.OPTION=VALUE`` items as {name: {option: value}}: JSON values (true, 3, ["a"]) as
    such, a comma-separated value as a list, anything else as a string."""
    options: dict[str, dict[str, Any]] = {}
    for item in items:
        key, sep, raw = item.partition("=")
        name, dot, option = key.strip().partition(".")
        if not sep or not dot or not name or not option:
            raise InputError(f"--detector-option {item!r}: expected NAME.OPTION=VALUE")
        value: Any
        try:
            value = json.loads(raw)
        except ValueError:
            value = [v.strip() for v in raw.split(",") if v.strip()] if "," in raw else raw
        options.setdefault(name, {})[option.strip()] = value
    return options


def _print_summary(report: object, top: int) -> None:
    from mt_check.report import Report

    assert isinstance(report, Report)
    for row in report.documents.itertuples():
        if isinstance(row.error, str) and not isinstance(row.label, str):
            print(f"{row.doc_id}: not checked: {row.error}")
            continue
        scored = row.quality_score == row.quality_score  # NaN: empty, or no French sentence
        print(
            f"{row.doc_id}: {row.sentences} sentences, {row.n_issues} issues "
            f"({row.n_critical} critical, {row.n_major} major, {row.n_minor} minor), "
            + (f"quality {row.quality_score:.1f} [{row.label}]" if scored else f"not scored [{row.label}]")
        )
    skipped = {k: v for k, v in report.meta["stages"].items() if isinstance(v, str) and v != "ran"}
    if skipped:
        print(f"  stages not run: {', '.join(skipped)} (reasons in meta.json)")
    worst = report.worst_sentences(top)
    worst = worst[worst["n_issues"] > 0]
    if len(worst):
        print("Worst sentences:")
        for row in worst.itertuples():
            text = row.text if len(row.text) <= 90 else row.text[:87] + "..."
            print(f"  [{row.quality_score:5.1f} {row.label}] {row.doc_id}#{row.sent_id}: {text}")
            for issue in report.issues[
                (report.issues["doc_id"] == row.doc_id) & (report.issues["sent_id"] == row.sent_id)
            ].itertuples():
                fix = f" -> {issue.suggestion}" if isinstance(issue.suggestion, str) else ""
                print(f"      {issue.severity:8} {issue.code}: «{issue.span}»{fix}")


def _report(args: argparse.Namespace) -> int:
    from mt_check.export import DEFAULT_FORMATS, parse_formats
    from mt_check.io import Columns, load
    from mt_check.pipeline import Checker

    formats = parse_formats(args.formats or DEFAULT_FORMATS)  # before the work, not after
    columns = Columns(text=args.text_column, id=args.id_column, source=args.source_column)
    documents = load([Path(p) for p in args.inputs], pattern=args.glob, columns=columns)
    checker = Checker(
        bt_model=None if args.no_models else args.bt_model,
        rt_model=None if args.no_models else args.rt_model,
        beam=args.beam,
        batch_size=args.batch_size,
        device=args.device,
        backend=args.backend,
        max_new_tokens=args.max_new_tokens,
        detectors=_detector_names(args.detectors),
        detector_options=_detector_options(args.detector_options) or None,
        min_confidence=args.min_confidence,
        require_models=args.require_models,
        cache=not args.no_cache,
        cache_dir=args.cache_dir,
        progress=False if args.quiet else None,
        jobs=args.jobs,
    )
    started = time.perf_counter()
    with checker:  # stops the --jobs worker processes
        report = _run_on_cluster(checker, documents, args) if args.scheduler else checker.run(documents)
    seconds = time.perf_counter() - started
    written = report.save(args.out, formats=formats)
    if args.per_document:
        written += report.save_per_document(args.out)
    for row in report.documents.itertuples():  # a file not read, a detector that failed on it
        if isinstance(row.error, str):
            print(f"mt-check: warning: {row.doc_id}: {row.error}", file=sys.stderr)
    if not args.quiet:
        _print_summary(report, args.top)
        n, docs = len(report.sentences), len(report.documents)
        print(
            f"Checked {docs} document{'s' * (docs != 1)}, {n} sentence{'s' * (n != 1)} in {seconds:.1f} s "
            f"({n / max(seconds, 1e-9):.1f} sentences/s); wrote {len(written)} files to {args.out}"
        )
    if args.fail_on is not None:
        threshold = Severity(args.fail_on).rank
        if any(Severity(s).rank >= threshold for s in report.issues["severity"]):
            return 1
    return 0


def _run_on_cluster(checker: Checker, documents: list[Document], args: argparse.Namespace) -> Report:
    try:
        from mt_check import distributed
    except ImportError as err:
        raise InputError(f"--scheduler needs Dask: pip install 'mt-check[distributed]' ({err})") from None
    return distributed.run(checker, documents, args.scheduler, worker_cache=args.worker_cache)


def _evaluate(args: argparse.Namespace) -> int:
    from mt_check.evaluate import evaluate_files

    result = evaluate_files(
        args.gold,
        by_category=args.by_category,
        curve=args.curve,
        detectors=_detector_names(args.detectors),
        detector_options=_detector_options(args.detector_options) or None,
        min_confidence=args.min_confidence,
        bt_model=args.bt_model,
        rt_model=args.rt_model,
    )
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


def _models(args: argparse.Namespace) -> int:
    from mt_check.translate import DEFAULT_BT_MODEL, DEFAULT_RT_MODEL, download_models

    ids = args.models or [DEFAULT_BT_MODEL, DEFAULT_RT_MODEL]
    for model_id, path in zip(ids, download_models(ids), strict=True):
        print(f"{model_id}: {path}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    handler = {"report": _report, "evaluate": _evaluate, "models": _models}[args.command]
    with warnings.catch_warnings(record=True) as caught, _sigterm_interrupts():
        warnings.simplefilter("always")
        try:
            code = handler(args)
        except MtCheckError as err:
            _flush_warnings(caught)
            print(f"mt-check: error: {err}", file=sys.stderr)
            return 2
        except OSError as err:  # the system refused: disk full, permission denied (report files)
            _flush_warnings(caught)
            print(f"mt-check: error: {err}", file=sys.stderr)
            return 2
        except KeyboardInterrupt as stop:
            terminated = isinstance(stop, _Terminated)
            cached = args.command == "report" and not args.no_cache
            resume = "; finished translations are cached: run the same command to resume" if cached else ""
            print(f"mt-check: {'terminated' if terminated else 'interrupted'}{resume}", file=sys.stderr)
            return 143 if terminated else 130
    _flush_warnings(caught)
    return code


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised wherever the program is, like Ctrl-C: the same clean stop."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise _Terminated


@contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """SIGTERM stops the run as Ctrl-C does (only the main thread may set signal handlers)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _flush_warnings(caught: list[warnings.WarningMessage]) -> None:
    from mt_check.pipeline import ModelUnavailableWarning

    seen: set[str] = set()
    for w in caught:
        text = str(w.message)
        if issubclass(w.category, ModelUnavailableWarning) and text not in seen:
            seen.add(text)
            print(f"mt-check: warning: {text}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
