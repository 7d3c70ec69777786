"""The ``mt-check`` command: a thin layer over the library; it only parses, prints and exits.

Exit codes: 0 success; 1 the check ran and ``--fail-on`` found issues at or above that severity;
2 usage, input or model errors; 130 interrupted (Ctrl-C), 143 terminated (SIGTERM): translations
finished before the signal are in the cache, so the same command resumes.
"""

from __future__ import annotations

import argparse
import json
import os
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
from mt_check.lint import plural
from mt_check.types import InputError, MtCheckError, Severity

if TYPE_CHECKING:  # the library loads on first use, so that --help stays fast
    from mt_check.config import Config
    from mt_check.pipeline import Checker
    from mt_check.report import Report
    from mt_check.types import Document

DESCRIPTION = """\
Check machine-translated French sentence by sentence: spelling, agreement, numbers, grammar,
untranslated text, and (with the MarianMT models) a back-translation and round-trip scores.
Every issue says where it is, how bad it is, and what to write instead."""

EPILOG = """\
examples:
  mt-check report article.txt --out reports/          tables, meta.json, the worst sentences
  mt-check report docs/ --out reports/ --format html  the HTML report too
  cat article.txt | mt-check report - --out reports/  - reads standard input
  mt-check check *.txt                                one line per issue, like a linter
  mt-check check a.txt --format jsonl --fail-on major one JSON object per issue; exit 1 on major
  mt-check evaluate gold.jsonl                        measure the checker on annotated texts
  mt-check models download                            fetch the translation models (network)

Exit status: 0 success, 1 --fail-on found issues, 2 usage, input or model errors.
Defaults for report and check can come from ./mt-check.toml or [tool.mt-check] in
./pyproject.toml (or --config FILE); the options given override them."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line on stderr, exit 2, no usage dump
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mt-check", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    parser.add_argument("--version", action="version", version=f"mt-check {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    report = commands.add_parser(
        "report", help="check French MT files and write a report (tables, HTML)",
        description="Check machine-translated French and write sentences/issues/documents tables.",
    )  # fmt: skip
    report.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="text files, directories or tables; - reads standard input")  # fmt: skip
    report.add_argument("--out", required=True, type=Path, help="directory for the report files")
    report.add_argument("--glob", default="*.txt", help="file pattern inside directories (*.txt)")
    report.add_argument("--text-column", help="tables (CSV/TSV/JSONL/Parquet): column with the French text")
    report.add_argument("--id-column", help="tables: column with document ids (default: row number)")
    report.add_argument("--source-column", help="tables: column with the source text, kept in the report")
    _checking_arguments(report)
    report.add_argument("--format", action="append", default=None, metavar="FORMAT", dest="formats",
                        help="csv, json, parquet, xlsx, html; repeatable or comma-separated "
                        "(default: csv,json)")  # fmt: skip
    report.add_argument("--per-document", action="store_true",
                        help="also write one HTML report per document under OUT/documents/")  # fmt: skip
    report.add_argument("--top", type=int, default=5, help="worst sentences to print (5; 0: none)")
    report.add_argument("--scheduler", metavar="ADDRESS",
                        help="run on a Dask cluster: tcp://HOST:PORT of a running scheduler, or local:N "
                        "to start N worker processes here (needs mt-check[distributed])")  # fmt: skip
    report.add_argument("--worker-cache", choices=["shared", "per-worker"], default="shared",
                        help="with --scheduler: one model-output cache for all workers (shared), or one "
                        "per worker under CACHE_DIR/workers/ (for network filesystems)")  # fmt: skip

    check = commands.add_parser(
        "check", help="print one line per issue, like a linter (for editors and CI)",
        description="Check French text files and print one line per issue to standard output, "
        "'path:line:column: severity CODE message -> suggestion' (1-based lines and columns), "
        "then a one-line summary. Exit codes as for report.",
    )  # fmt: skip
    check.add_argument("inputs", nargs="+", metavar="FILE",
                       help="text files or directories; - reads standard input")  # fmt: skip
    check.add_argument("--glob", default="*.txt", help="file pattern inside directories (*.txt)")
    _checking_arguments(check)
    check.add_argument("--format", choices=["text", "jsonl"], default="text", dest="output_format",
                       help="text: one line per issue and a summary; jsonl: one JSON object per "
                       "issue and nothing else")  # fmt: skip

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
    evaluate.add_argument("--config", type=Path, metavar="FILE", help=_CONFIG_HELP)

    models = commands.add_parser("models", help="manage the MarianMT models",
                                 description="Manage the MarianMT translation models.")  # fmt: skip
    model_commands = models.add_subparsers(dest="models_command", metavar="ACTION", parser_class=_Parser)
    download = model_commands.add_parser(
        "download", help="download the default models into the Hugging Face cache",
        description="Fetch Helsinki-NLP/opus-mt-fr-en and opus-mt-en-fr (needs the network).",
    )  # fmt: skip
    download.add_argument("models", nargs="*", help="model ids (default: both default models)")
    return parser


_CONFIG_HELP = (
    "config file with defaults (default: ./mt-check.toml, else [tool.mt-check] in ./pyproject.toml)"
)


def _checking_arguments(parser: argparse.ArgumentParser) -> None:
    """The options report and check share: models, detectors, gating, output, cache, processes."""
    parser.add_argument("--bt-model", default="Helsinki-NLP/opus-mt-fr-en",
                        help="fr->en model id or local directory")  # fmt: skip
    parser.add_argument("--rt-model", default="Helsinki-NLP/opus-mt-en-fr",
                        help="en->fr model id or local directory (round trip, forced decoding)")  # fmt: skip
    parser.add_argument("--no-models", action="store_true", help="skip back-translation entirely")
    parser.add_argument("--beam", type=int, default=4, help="beam size (4)")
    parser.add_argument("--batch-size", type=int, default=16, help="sentences per batch (16)")
    parser.add_argument("--max-new-tokens", type=int, default=None,
                        help="most tokens generated per sentence (default: ~2x input + 10)")  # fmt: skip
    parser.add_argument("--device", default="cpu", help="cpu or cuda")
    parser.add_argument("--backend", choices=["transformers", "ctranslate2"], default="transformers",
                        help="transformers, or ctranslate2: int8 on CPU, float16 on GPU")  # fmt: skip
    parser.add_argument("--detectors", default=None,
                        help="comma-separated detector names (default: the default set)")  # fmt: skip
    _detector_arguments(parser)
    parser.add_argument("--require-models", action="store_true",
                        help="fail (exit 2) when a model cannot be loaded instead of skipping")  # fmt: skip
    parser.add_argument("--fail-on", choices=[s.value for s in Severity], default=None,
                        help="exit 1 when an issue at or above this severity is found")  # fmt: skip
    parser.add_argument("--quiet", action="store_true",
                        help="print nothing but errors (no summary, warning or progress bar)")  # fmt: skip
    parser.add_argument("--no-cache", action="store_true",
                        help="do not read or write the cache (model outputs, checked documents)")  # fmt: skip
    parser.add_argument("--cache-dir", type=Path, help="cache directory (default: ~/.cache/mt-check)")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="processes that segment, parse and run the detectors (1); each loads "
                        "spaCy, the lexicon and Grammalecte (~700 MB)")  # fmt: skip
    parser.add_argument("--config", type=Path, metavar="FILE", help=_CONFIG_HELP)


def _detector_names(value: str | Sequence[str] | None) -> list[str] | None:
    if value is None:
        return None
    items = [value] if isinstance(value, str) else list(value)
    return [n.strip() for item in items for n in item.split(",") if n.strip()]


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

    # default None: "not given", so that a config file's value applies (see _apply_config)
    parser.add_argument("--min-confidence", type=_confidence, default=None, metavar="X",
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


# -- checking what was given, before any work -----------------------------------------------------

# (argparse destination, option, least value): checked in the option's own terms.
_MINIMUMS = (
    ("beam", "--beam", 1),
    ("batch_size", "--batch-size", 1),
    ("max_new_tokens", "--max-new-tokens", 1),
    ("jobs", "--jobs", 1),
    ("top", "--top", 0),
)


def _check_values(args: argparse.Namespace) -> None:
    for dest, option, least in _MINIMUMS:
        value = getattr(args, dest, None)
        if value is not None and value < least:
            raise InputError(f"{option} must be at least {least}, got {value}")


def _apply_config(args: argparse.Namespace) -> Config:
    """Fill the options not given on the command line from the config file (found, or --config);
    the command line wins. Detector options merge, a given NAME.OPTION overriding the file's."""
    from mt_check import config as config_file
    from mt_check.confidence import DEFAULT_MIN_CONFIDENCE

    found = config_file.load(args.config)
    options = _detector_options(args.detector_options)
    merged = {name: dict(values) for name, values in (found.get("detector-options") or {}).items()}
    for name, values in options.items():
        merged.setdefault(name, {}).update(values)
    args.detector_options = merged
    if args.detectors is None and found.get("detectors") is not None:
        args.detectors = found.get("detectors")
    if args.min_confidence is None:
        value = found.get("min-confidence")
        args.min_confidence = DEFAULT_MIN_CONFIDENCE if value is None else value
    if hasattr(args, "fail_on") and args.fail_on is None:
        args.fail_on = found.get("fail-on")
    if hasattr(args, "formats") and args.formats is None:
        args.formats = found.get("formats")
    return found


def _check_out(out: Path) -> None:
    """--out must be a directory that exists or can be made, and that this process can write."""
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out}: exists and is not a directory")
    existing = out
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise InputError(f"--out {out}: cannot create it, {existing} is not a directory")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise InputError(f"--out {out}: {existing} is not writable")


def _check_models(args: argparse.Namespace) -> None:
    """Model paths that do not exist or are not MarianMT models, and models that translate the
    wrong way (or swapped), are refused now, not after the documents are read."""
    if getattr(args, "no_models", False):
        return
    from mt_check.translate import check_model_directions, check_model_path

    for option, model in (("--bt-model", args.bt_model), ("--rt-model", args.rt_model)):
        if model is not None:
            check_model_path(option, model)
    check_model_directions(args.bt_model, args.rt_model)


def _stdin_document() -> Document:
    """Standard input as one document, ``stdin``, decoded as files are."""
    from mt_check.io import decode_bytes
    from mt_check.types import Document

    decoded = decode_bytes(sys.stdin.buffer.read(), "standard input")
    return Document(id="stdin", text=decoded.text, encoding=decoded.encoding, warnings=decoded.warnings)


def _report_documents(args: argparse.Namespace) -> list[Document]:
    from mt_check.io import Columns, load

    if args.inputs.count("-") > 1:
        raise InputError("- (standard input) given more than once")
    columns = Columns(text=args.text_column, id=args.id_column, source=args.source_column)
    items = [_stdin_document() if p == "-" else Path(p) for p in args.inputs]
    return load(items, pattern=args.glob, columns=columns)


def _check_documents(args: argparse.Namespace) -> list[Document]:
    """Documents whose ids are the paths as given (what an editor jumps to): a file as typed, a
    file found in a directory as DIR/RELATIVE, standard input as ``stdin``."""
    from dataclasses import replace

    from mt_check.io import TABLE_SUFFIXES, load

    if args.inputs.count("-") > 1:
        raise InputError("- (standard input) given more than once")
    documents: list[Document] = []
    for item in args.inputs:
        if item == "-":
            documents.append(_stdin_document())
            continue
        path = Path(item)
        if path.is_file() and path.suffix.lower() in TABLE_SUFFIXES:
            raise InputError(f"{item}: check reads text files; for tables use mt-check report --text-column")
        found = load([path], pattern=args.glob)
        if path.is_dir():
            documents += [replace(d, id=(path / d.id).as_posix()) for d in found]
        else:
            documents += [replace(d, id=item) for d in found]
    return load(documents)  # (refuses the same file given twice)


def _checker(args: argparse.Namespace) -> Checker:
    from mt_check.pipeline import Checker

    return Checker(
        bt_model=None if args.no_models else args.bt_model,
        rt_model=None if args.no_models else args.rt_model,
        beam=args.beam,
        batch_size=args.batch_size,
        device=args.device,
        backend=args.backend,
        max_new_tokens=args.max_new_tokens,
        detectors=_detector_names(args.detectors),
        detector_options=args.detector_options or None,
        min_confidence=args.min_confidence,
        require_models=args.require_models,
        cache=not args.no_cache,
        cache_dir=args.cache_dir,
        progress=False if args.quiet else None,
        jobs=args.jobs,
    )


# -- output -----------------------------------------------------------------------------------------


def _texts(documents: Sequence[Document]) -> dict[str, str]:
    return {doc.id: doc.text for doc in documents}


def _print_summary(report: Report, top: int, texts: dict[str, str]) -> None:
    from mt_check.lint import Positions

    for row in report.documents.itertuples():
        if isinstance(row.error, str) and not isinstance(row.label, str):
            print(f"{row.doc_id}: not checked: {row.error}")
            continue
        scored = row.quality_score == row.quality_score  # NaN: empty, or no French sentence
        print(
            f"{row.doc_id}: {plural(row.sentences, 'sentence')}, {plural(row.n_issues, 'issue')} "
            f"({row.n_critical} critical, {row.n_major} major, {row.n_minor} minor), "
            + (f"quality {row.quality_score:.1f} [{row.label}]" if scored else f"not scored [{row.label}]")
        )
    skipped = {k: v for k, v in report.meta["stages"].items() if isinstance(v, str) and v != "ran"}
    if skipped:
        print(f"  stages not run: {', '.join(skipped)} (reasons in meta.json)")
    worst = report.worst_sentences(top) if top > 0 else report.sentences.iloc[:0]
    worst = worst[worst["n_issues"] > 0]
    if len(worst):
        print("Worst sentences:")
        positions = {doc_id: Positions(text) for doc_id, text in texts.items()}
        for row in worst.itertuples():
            where = positions.get(row.doc_id) or Positions("")
            text = row.text if len(row.text) <= 90 else row.text[:87] + "..."
            # 1-based for people; the tables keep sent_id from 0
            print(f"  [{row.quality_score:5.1f} {row.label}] {row.doc_id}, sentence {row.sent_id + 1} "
                  f"(line {where.at(row.start)[0]}): {text}")  # fmt: skip
            for issue in report.issues[
                (report.issues["doc_id"] == row.doc_id) & (report.issues["sent_id"] == row.sent_id)
            ].itertuples():
                line, column = where.at(issue.start)
                fix = f" -> {issue.suggestion}" if isinstance(issue.suggestion, str) else ""
                print(f"      {issue.severity:8} {line}:{column} {issue.code}: «{issue.span}»{fix}")


def _warn_document_errors(report: Report) -> None:
    for row in report.documents.itertuples():  # a file not read, a detector that failed on it
        if isinstance(row.error, str):
            print(f"mt-check: warning: {row.doc_id}: {row.error}", file=sys.stderr)


def _fail_on(report: Report, texts: dict[str, str], severity: str | None) -> int:
    """1, after one line on stderr saying why, when ``--fail-on`` finds issues; else 0."""
    if severity is None:
        return 0
    from mt_check.lint import fail_on_reason, findings

    reason = fail_on_reason(findings(report.issues, texts), severity)
    if reason is None:
        return 0
    print(f"mt-check: --fail-on {severity}: {reason}", file=sys.stderr)
    return 1


def _record_options(report: Report, args: argparse.Namespace, found: Config, **extra: Any) -> None:
    """What the command line and the config file set, in ``meta["cli"]`` (meta.json)."""
    report.meta["cli"] = {
        "command": args.command,
        "config": found.describe(),
        "fail_on": args.fail_on,
        **extra,
    }


# -- commands -------------------------------------------------------------------------------------


def _report(args: argparse.Namespace) -> int:
    from mt_check.export import DEFAULT_FORMATS, parse_formats, reserve

    found = _apply_config(args)
    formats = parse_formats(args.formats or DEFAULT_FORMATS)  # before the work, not after
    _check_out(args.out)
    _check_models(args)
    documents = _report_documents(args)
    checker = _checker(args)
    started = time.perf_counter()
    with reserve(args.out):  # one run at a time writes this --out, from the check to the last file
        with checker:  # stops the --jobs worker processes
            report = _run_on_cluster(checker, documents, args) if args.scheduler else checker.run(documents)
        seconds = time.perf_counter() - started
        _record_options(report, args, found, formats=list(formats))
        written = report.save(args.out, formats=formats, per_document=args.per_document)
    _warn_document_errors(report)
    texts = _texts(documents)
    if not args.quiet:
        _print_summary(report, args.top, texts)
        n, docs = len(report.sentences), len(report.documents)
        print(
            f"Checked {plural(docs, 'document')}, {plural(n, 'sentence')} in {seconds:.1f} s "
            f"({n / max(seconds, 1e-9):.1f} sentences/s); wrote {plural(len(written), 'file')} to {args.out}"
        )
    return _fail_on(report, texts, args.fail_on)


def _check(args: argparse.Namespace) -> int:
    from mt_check.lint import findings, summary

    _apply_config(args)
    _check_models(args)
    documents = _check_documents(args)
    with _checker(args) as checker:
        report = checker.run(documents)
    _warn_document_errors(report)
    texts = _texts(documents)
    found = findings(report.issues, texts)
    for finding in found:
        if args.output_format == "jsonl":
            print(json.dumps(finding.record(), ensure_ascii=False))
        else:
            print(finding.line_text())
    if args.output_format == "text" and not args.quiet:
        print(summary(found, len(report.sentences), len(report.documents)))
    return _fail_on(report, texts, args.fail_on)


def _run_on_cluster(checker: Checker, documents: list[Document], args: argparse.Namespace) -> Report:
    try:
        from mt_check import distributed
    except ImportError as err:
        raise InputError(f"--scheduler needs Dask: pip install 'mt-check[distributed]' ({err})") from None
    return distributed.run(checker, documents, args.scheduler, worker_cache=args.worker_cache)


def _evaluate(args: argparse.Namespace) -> int:
    from mt_check.evaluate import evaluate_files

    _apply_config(args)
    _check_models(args)
    result = evaluate_files(
        args.gold,
        by_category=args.by_category,
        curve=args.curve,
        detectors=_detector_names(args.detectors),
        detector_options=args.detector_options or None,
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


def _quiet_libraries(quiet: bool) -> None:
    """No transformers/huggingface_hub progress bars ("Loading weights") in a quiet run or when
    stderr is not a terminal (a log, a pipe, CI); no transformers log lines in a quiet one."""
    if quiet or not sys.stderr.isatty():
        os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"  # read when huggingface_hub is imported
        if "huggingface_hub" in sys.modules:  # imported already (main() called in a process)
            from huggingface_hub.utils import disable_progress_bars

            disable_progress_bars()
        if "transformers" in sys.modules:
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()
    if quiet:
        os.environ["TRANSFORMERS_VERBOSITY"] = "error"
        if "transformers" in sys.modules:
            from transformers.utils import logging as transformers_logging

            transformers_logging.set_verbosity_error()


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # `mt-check` alone: the help, not an error
        parser.print_help()
        return 0
    if args.command == "models" and args.models_command is None:
        parser.parse_args(["models", "--help"])  # prints the models help and exits 0
    handler = {"report": _report, "check": _check, "evaluate": _evaluate, "models": _models}[args.command]
    quiet = bool(getattr(args, "quiet", False))
    _quiet_libraries(quiet)
    with warnings.catch_warnings(record=True) as caught, _sigterm_interrupts():
        warnings.simplefilter("always")
        try:
            _check_values(args)
            code = handler(args)
        except MtCheckError as err:
            _flush_warnings(caught, quiet)
            print(f"mt-check: error: {err}", file=sys.stderr)
            return 2
        except OSError as err:  # the system refused: disk full, permission denied (report files)
            _flush_warnings(caught, quiet)
            print(f"mt-check: error: {err}", file=sys.stderr)
            return 2
        except KeyboardInterrupt as stop:
            terminated = isinstance(stop, _Terminated)
            cached = args.command in ("report", "check") and not args.no_cache
            resume = "; finished translations are cached: run the same command to resume" if cached else ""
            print(f"mt-check: {'terminated' if terminated else 'interrupted'}{resume}", file=sys.stderr)
            return 143 if terminated else 130
    _flush_warnings(caught, quiet)
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


def _flush_warnings(caught: list[warnings.WarningMessage], quiet: bool = False) -> None:
    """The model warnings, each once (none with --quiet: the run still records them in meta)."""
    if quiet:
        return
    from mt_check.cache import CacheUnavailableWarning
    from mt_check.pipeline import ModelUnavailableWarning

    seen: set[str] = set()
    for w in caught:
        text = str(w.message)
        if issubclass(w.category, ModelUnavailableWarning | CacheUnavailableWarning) and text not in seen:
            seen.add(text)
            print(f"mt-check: warning: {text}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
