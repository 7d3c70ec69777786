"""The Checker: configuration, loading models once, and composing the stages.

segment -> translate (optional) -> parse (when a detector needs it) -> detectors -> scoring
-> Report. A stage whose model is unavailable is skipped with one warning, and ``Report.meta``
says which stages ran and why the others did not (``require_models=True`` makes it an error).
"""

from __future__ import annotations

import platform
import re
import sys
import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mt_check import detectors as detector_registry
from mt_check import language, scoring, segment
from mt_check.__version__ import __version__
from mt_check.cache import (
    CheckedDocument,
    DocumentStore,
    TranslationCache,
    code_fingerprint,
    default_cache_dir,
)
from mt_check.confidence import DEFAULT_MIN_CONFIDENCE, default_table, table_version
from mt_check.detectors.base import PARSE, TRANSLATION, DocumentContext
from mt_check.executors import Executor, InProcess, WorkerPool
from mt_check.io import Columns, Source, load
from mt_check.report import Report, build_tables, concat
from mt_check.signature import Signature
from mt_check.translate.hub import describe_error
from mt_check.types import (
    MODEL_DISABLED,
    Category,
    Document,
    InputError,
    Issue,
    ModelUnavailableError,
    MtCheckError,
    Sentence,
    Severity,
    StageOutcome,
    Translation,
)

if TYPE_CHECKING:
    from mt_check.translate import Translator


class ModelUnavailableWarning(UserWarning):
    """A model could not be loaded; the stages that need it were skipped."""


RAN = StageOutcome.ran()
# Libraries whose version changes how a document is segmented, identified, parsed or checked.
_CHECK_LIBRARIES = ("pysbd", "py3langid", "spacy", "spylls", "wordfreq")


_Key = tuple[str, int]  # a sentence's (doc_id, sent_id)
# One checked document: its issues, stage outcomes, errors, and by sent_id what a detector left
# unchecked (Detector.skipped), as _check_one gives them.
_Outcome = tuple[list[Issue], dict[str, Any], list[str], dict[int, list[str]]]


@dataclass(frozen=True)
class _Batch:
    """What one :meth:`Checker.run` knows of its documents, filled in stage by stage: the inputs
    of the tables. ``checked``: by position, the documents that came checked from the cache."""

    documents: Sequence[Document]
    checked: Mapping[int, CheckedDocument]
    segmented: list[tuple[Document, Sequence[Sentence]]] = field(default_factory=list)
    languages: dict[_Key, str] = field(default_factory=dict)
    # The French sentences' only (a sentence not here is checked as foreign); None: not translated.
    translations: dict[_Key, Translation | None] = field(default_factory=dict)
    known: list[str] = field(default_factory=list)  # French sentences of documents from the cache
    sentence_errors: dict[_Key, list[str]] = field(default_factory=dict)
    document_errors: dict[str, list[str]] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)

    def to_check(self) -> list[tuple[Document, Sequence[Sentence]]]:
        """The documents that did not come checked from the cache, with their sentences."""
        return [pair for i, pair in enumerate(self.segmented) if i not in self.checked]

    def french_to_check(self) -> list[Sentence]:
        """The sentences to translate: the French ones of the documents to check, in order."""
        return [
            s
            for _, sentences in self.to_check()
            for s in sentences
            if self.languages[(s.doc_id, s.sent_id)] == language.FRENCH
        ]

    def add_cached(self, doc: Document, stored: CheckedDocument) -> None:
        """A document from the cache: its issues as they were; it was stored without errors."""
        self.document_errors[doc.id] = []
        self.issues.extend(stored.issues)

    def add_checked(
        self, doc: Document, sentences: Sequence[Sentence], outcome: _Outcome
    ) -> tuple[list[Issue], dict[str, Any], bool]:
        """A document just checked: its issues, errors, and what a detector left unchecked in a
        sentence (in that sentence's errors). Returns its issues, its stage outcomes, and whether
        it is clean (no error anywhere: only then does the documents cache keep it)."""
        found, local, self.document_errors[doc.id], notes = outcome
        for sent_id, why in notes.items():
            self.sentence_errors.setdefault((doc.id, sent_id), []).extend(why)
        self.issues.extend(found)
        clean = not self.document_errors[doc.id] and not any(
            (s.doc_id, s.sent_id) in self.sentence_errors for s in sentences
        )
        return found, local, clean

    def stored(
        self, sentences: Sequence[Sentence], found: Sequence[Issue], local: dict[str, Any]
    ) -> CheckedDocument:
        """A checked document as the documents cache keeps it."""
        return CheckedDocument(
            sentences=tuple(sentences),
            languages=tuple(self.languages[(s.doc_id, s.sent_id)] for s in sentences),
            translations=tuple(self.translations.get((s.doc_id, s.sent_id)) for s in sentences),
            issues=tuple(found),
            stages=local,
        )


@dataclass
class Checker:
    """Checks French MT output. Create once, call :meth:`run` on many batches: models load once."""

    bt_model: str | None = "Helsinki-NLP/opus-mt-fr-en"  # None: no back-translation
    rt_model: str | None = "Helsinki-NLP/opus-mt-en-fr"  # None: no round trip / forced decoding
    beam: int = 4
    batch_size: int = 16
    device: str = "cpu"
    backend: str = "transformers"  # or "ctranslate2" (mt_check.translate.ctranslate2)
    max_new_tokens: int | None = None
    detectors: Sequence[str] | None = None  # None: the default set
    # Per-detector constructor options: {"grammalecte": {"rules": [...]}}.
    detector_options: Mapping[str, Mapping[str, Any]] | None = None
    # Issues below this estimated probability that an editor agrees are dropped (mt_check.confidence).
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    require_models: bool = False
    weights: Mapping[Severity, float] = field(default_factory=lambda: dict(scoring.DEFAULT_WEIGHTS))
    cache: bool = True  # persistent cache of model outputs (see mt_check.cache)
    cache_dir: str | Path | None = None  # default: $MT_CHECK_CACHE or ~/.cache/mt-check
    progress: bool | None = None  # progress bars; None: only on an interactive terminal
    # Processes that segment, parse and run the detectors (the models stay in this one); each
    # loads its own spaCy, lexicon and Grammalecte (about 700 MB).
    jobs: int = 1
    _models: dict[str, Translator] = field(default_factory=dict, init=False, repr=False)
    _model_errors: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _loaded: set[str] = field(default_factory=set, init=False, repr=False)  # detectors' load() done
    _store: TranslationCache | None = field(default=None, init=False, repr=False)
    _parse_unavailable: StageOutcome | None = field(default=None, init=False, repr=False)
    _workers: WorkerPool | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.beam < 1:
            raise InputError(f"beam must be at least 1, got {self.beam}")
        if self.batch_size < 1:
            raise InputError(f"batch size must be at least 1, got {self.batch_size}")
        if self.jobs < 1:
            raise InputError(f"jobs must be at least 1, got {self.jobs}")
        if self.device not in ("cpu", "cuda") and not self.device.startswith("cuda:"):
            raise InputError(f"device must be cpu or cuda, got {self.device!r}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise InputError(f"min confidence must be between 0 and 1, got {self.min_confidence}")
        self._detectors = detector_registry.build(self.detectors, self.detector_options)

    # -- models ---------------------------------------------------------------------------

    def _translator(self, role: str, model_id: str | None) -> Translator | None:
        """The loaded model for ``role``, or None (skipped) after one warning."""
        if model_id is None:
            self._model_errors.setdefault(role, MODEL_DISABLED)
            return None
        if role in self._models:
            return self._models[role]
        if role in self._model_errors:
            return None
        from mt_check.translate import load_translator

        try:
            model = load_translator(
                model_id,
                backend=self.backend,
                device=self.device,
                batch_size=self.batch_size,
                beam=self.beam,
                max_new_tokens=self.max_new_tokens,
            )
        except ModelUnavailableError as err:
            if self.require_models:
                raise
            self._model_errors[role] = str(err)
            warnings.warn(f"{role} skipped: {err}", ModelUnavailableWarning, stacklevel=3)
            return None
        self._models[role] = model
        return model

    # -- stages ---------------------------------------------------------------------------

    def _translators(self, stages: dict[str, Any]) -> tuple[Translator | None, Translator | None]:
        """The back-translation and round-trip models (loaded once), with what ran in ``stages``."""
        bt = self._translator("back-translation", self.bt_model)
        if bt is None:
            after = StageOutcome.skipped("needs the back-translation, which did not run")
            stages.update(
                back_translation=StageOutcome.skipped(self._model_errors["back-translation"]),
                round_trip=after,
                forced_decoding=after,
            )
            return None, None
        rt = self._translator("round trip", self.rt_model)
        stages["back_translation"] = RAN
        if rt is None:
            reason = StageOutcome.skipped(self._model_errors["round trip"])
            stages.update(round_trip=reason, forced_decoding=reason)
        else:
            stages.update(round_trip=RAN, forced_decoding=RAN)
        return bt, rt

    def _cache(self) -> TranslationCache | None:
        if not self.cache:
            return None
        if self._store is None:
            self._store = TranslationCache(Path(self.cache_dir) if self.cache_dir else default_cache_dir())
        return self._store

    def _progress(self, total: int, stage: str) -> Any:
        # The plain bar: tqdm.auto picks the notebook widget in Jupyter, which warns on stderr
        # without ipywidgets (and a kernel's stderr is no terminal: the bar is off there anyway).
        from tqdm import tqdm

        show = sys.stderr.isatty() if self.progress is None else self.progress
        return tqdm(total=total, desc=stage, unit="sent", disable=not show or total == 0, leave=False)

    def _parse(
        self, doc_sentences: Sequence[Sentence], stages: dict[str, Any], errors: list[str] | None = None
    ) -> tuple[Any, ...] | None:
        if not any(PARSE in d.requires | d.uses for d in self._detectors):
            stages.setdefault("parse", StageOutcome.skipped("no enabled detector needs it"))
            return None
        if self._parse_unavailable is not None:  # tried once in this run: not again per document
            stages["parse"] = self._parse_unavailable
            return None
        from mt_check.parse import parse_sentences

        try:
            parses = parse_sentences(doc_sentences)
        except ModelUnavailableError as err:
            if self.require_models:
                raise
            stages["parse"] = self._parse_unavailable = StageOutcome.skipped(
                f"spaCy model unavailable ({err})"
            )
            warnings.warn(f"parsing skipped: {err}", ModelUnavailableWarning, stacklevel=3)
            return None
        except Exception as err:  # noqa: BLE001 - isolation: spaCy failing on one document's text
            if errors is not None:
                errors.append(f"parse: {describe_error(err)}")
            return None
        stages["parse"] = RAN
        return parses

    def _detect(
        self,
        ctx: DocumentContext,
        stages: dict[str, Any],
        errors: list[str] | None = None,
        notes: dict[int, list[str]] | None = None,
    ) -> list[Issue]:
        """Issues of every detector on one document. A detector that raises, or reports a span
        that is not in the text, costs its own issues on this document, recorded in ``errors``
        (else raised as MtCheckError); the other detectors and the other documents go on."""
        ran: dict[str, str] = stages.setdefault("detectors", {})
        problems: list[str] = []
        sent_ids = {s.sent_id for s in ctx.sentences} | {s.sent_id for s, _ in ctx.foreign}
        found: list[Issue] = []
        for detector in self._detectors:
            if not ctx.sentences and PARSE in detector.requires:
                continue  # a document with no French sentence: nothing to parse or check
            reason = detector.unavailable_reason()
            if reason is None and PARSE in detector.requires and ctx.parses is None:
                reason = "needs the spaCy parse, which did not run"
            if (
                reason is None
                and TRANSLATION in detector.requires
                and all(t is None for t in ctx.translations)
            ):
                reason = "needs the models' translations, which did not run"
            if reason is not None:
                ran.setdefault(detector.name, StageOutcome.skipped(reason))
                continue
            ran[detector.name] = RAN
            if notes is not None:
                for sentence in ctx.sentences:
                    if (why := detector.skipped(sentence)) is not None:
                        notes.setdefault(sentence.sent_id, []).append(why)
            try:
                if detector.name not in self._loaded:
                    detector.load()
                    self._loaded.add(detector.name)
                issues = list(detector.detect(ctx))
            except ModelUnavailableError as err:
                if self.require_models:
                    raise
                problems.append(f"detector {detector.name}: {err}")
                continue
            # Isolation of third-party failures (spaCy, spylls, Grammalecte) and detector bugs on
            # unusual text: whatever a detector raises costs its issues on this document only.
            except Exception as err:  # noqa: BLE001
                problems.append(f"detector {detector.name}: {describe_error(err)}")
                continue
            for issue in issues:
                if ctx.document.text[issue.start : issue.end] != issue.span or issue.sent_id not in sent_ids:
                    problems.append(
                        f"detector {detector.name} reported span {issue.span!r} at {issue.start}-"
                        f"{issue.end} (sentence {issue.sent_id}), which does not match the document text"
                    )
                else:
                    found.append(issue)
        if problems:
            stages["detector_errors"] = stages.get("detector_errors", 0) + len(problems)
            if errors is None:
                raise MtCheckError(f"{ctx.document.id}: {problems[0]}")
            errors.extend(problems)
        return found

    # -- public ---------------------------------------------------------------------------

    def run(self, documents: Sequence[Document]) -> Report:
        """Check ``documents``: the documents cache, segmentation and languages, translation,
        parse and detectors, then one Report (its tables and meta)."""
        stages: dict[str, Any] = {"segmentation": RAN, "language": RAN}
        self._parse_unavailable = None
        store = self._document_store(stages) if documents else None
        batch = self._segment(documents, self._from_document_cache(documents, store, stages))
        self._translate(batch, stages)
        self._check(batch, store, stages)
        return self._report(batch, stages)

    def _from_document_cache(
        self, documents: Sequence[Document], store: DocumentStore | None, stages: dict[str, Any]
    ) -> dict[int, CheckedDocument]:
        """By position, the documents that come checked from the cache (none without a cache)."""
        if store is None:
            return {}
        checked = dict(store.split(documents).cached)
        stages["document_cache"] = {
            "documents": len(documents), "from_cache": len(checked),
            "checked": len(documents) - len(checked),
        }  # fmt: skip
        return checked

    def _segment(self, documents: Sequence[Document], checked: Mapping[int, CheckedDocument]) -> _Batch:
        """The batch with every document's sentences and their languages, in document order; the
        documents from the cache bring their translations too."""
        batch = _Batch(documents, checked)
        analysed = iter(self._segment_documents([d for i, d in enumerate(documents) if i not in checked]))
        for i, doc in enumerate(documents):
            if i in checked:
                batch.segmented.append((doc, checked[i].sentences))
                continue
            sentences, found_languages = next(analysed)
            batch.segmented.append((doc, sentences))
            # Sentences in another language keep their row but are neither translated nor checked.
            for s, lang in zip(sentences, found_languages, strict=True):
                batch.languages[(s.doc_id, s.sent_id)] = lang
        for stored in checked.values():
            rows = zip(stored.sentences, stored.languages, stored.translations, strict=True)
            for s, lang, translation in rows:
                batch.languages[(s.doc_id, s.sent_id)] = lang
                if lang == language.FRENCH:
                    batch.translations[(s.doc_id, s.sent_id)] = translation
                    batch.known.append(s.text)
        return batch

    def _translate(self, batch: _Batch, stages: dict[str, Any]) -> None:
        """The translations of the French sentences of the documents to check (None where a model
        is off or failed; a failure goes in the sentence's errors), through the cache."""
        french = batch.french_to_check()
        if not french and not batch.known:
            return
        bt, rt = self._translators(stages)
        if bt is None:
            batch.translations.update({(s.doc_id, s.sent_id): None for s in french})
            return
        from mt_check.translate.cached import translate_cached

        done = translate_cached(
            [s.text for s in french],
            bt,
            rt,
            self._cache(),
            chunk_size=max(4 * self.batch_size, 32),
            progress=lambda total: self._progress(total, "translate"),
            known=batch.known,
        )
        stages["translation_cache"] = done.statistics
        if done.failures:
            stages["translation_errors"] = len(done.failures)
        batch.translations.update({(s.doc_id, s.sent_id): done.for_sentence(s) for s in french})
        batch.sentence_errors.update(
            {(s.doc_id, s.sent_id): [done.failures[s.text]] for s in french if s.text in done.failures}
        )

    def _check(self, batch: _Batch, store: DocumentStore | None, stages: dict[str, Any]) -> None:
        """Parse and detectors on each document to check (in the executor's workers), in order;
        each stored in the documents cache as it comes."""
        to_check = batch.to_check()
        outcomes = iter(self._check_documents(to_check, batch.translations))
        with self._progress(sum(len(sentences) for _, sentences in to_check), "detect") as bar:
            for i, (doc, sentences) in enumerate(batch.segmented):
                if i in batch.checked:
                    batch.add_cached(doc, batch.checked[i])
                    stages.update(_merge_stages(stages, batch.checked[i].stages))
                    continue
                found, local, clean = batch.add_checked(doc, sentences, next(outcomes))
                stages.update(_merge_stages(stages, local))
                if store is not None:
                    store.add(i, batch.stored(sentences, found, local), clean)
                bar.update(len(sentences))
        if store is not None:
            store.flush()

    def _report(self, batch: _Batch, stages: dict[str, Any]) -> Report:
        """The Report of a checked batch: the issues above the threshold, the tables, the meta."""
        # Each document's issues come reviewed (_reviewed): here only the threshold, and one order.
        issues = sorted(
            (i for i in batch.issues if (i.confidence or 0.0) >= self.min_confidence),
            key=lambda i: (i.doc_id, i.sent_id, i.start, i.end, i.code),
        )
        meta = self._meta(stages)
        # Inputs that could not be read (not a regular file, binary, unreadable), with why: they
        # keep a documents row too, but a pipeline reading meta alone should see them.
        meta["unread"] = {doc.id: "; ".join(doc.errors) for doc in batch.documents if doc.errors}
        tables = build_tables(
            batch.segmented,
            batch.translations,
            issues,
            self.weights,
            languages=batch.languages,
            sentence_errors=batch.sentence_errors,
            document_errors=batch.document_errors,
        )
        return Report(*tables, meta=meta)

    def _segment_documents(
        self, documents: Sequence[Document]
    ) -> Iterator[tuple[Sequence[Sentence], Sequence[str]]]:
        """Each document's sentences and their languages, in order (in the executor's workers)."""
        return self._executor_for(documents).map(_segment_document, documents)

    def _check_documents(
        self,
        documents: Sequence[tuple[Document, Sequence[Sentence]]],
        by_key: Mapping[tuple[str, int], Translation | None],
    ) -> Iterator[_Outcome]:
        """Each document's ``(issues, stage outcomes, errors, notes)``, in order (in the executor's
        workers: each gets its document, sentences and their translations)."""
        work = [
            (doc, sentences, {(s.doc_id, s.sent_id): by_key[(s.doc_id, s.sent_id)] for s in sentences
                              if (s.doc_id, s.sent_id) in by_key})
            for doc, sentences in documents
        ]  # fmt: skip
        return self._executor_for(work).map(_check_work, work)

    def _executor_for(self, items: Sequence[Any]) -> Executor:
        """The worker processes (``jobs`` > 1, started once and kept), except for a single item."""
        if self.jobs == 1 or len(items) <= 1:
            return InProcess(self)
        if self._workers is None:
            options = {
                "bt_model": None, "rt_model": None, "require_models": self.require_models,
                "detectors": None if self.detectors is None else list(self.detectors),
                "detector_options": None if self.detector_options is None else {
                    name: dict(values) for name, values in self.detector_options.items()
                },
                "cache": False, "progress": False,
            }  # fmt: skip
            self._workers = WorkerPool(self.jobs, Checker, options, warm_up=_warm_up)
        return self._workers

    @property
    def _pool(self) -> Any:
        """The process pool of ``--jobs`` while it runs, else None."""
        return None if self._workers is None else self._workers.pool

    def close(self) -> None:
        """Stop the worker processes (``jobs`` > 1) once they are idle; a later run starts them
        again."""
        if self._workers is not None:
            self._workers.close()

    def abort(self) -> None:
        """Stop the worker processes now, whatever they are doing (an interrupted run): killed and
        reaped, so that no process outlives the run."""
        if self._workers is not None:
            self._workers.abort()

    def __enter__(self) -> Checker:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if kind is not None and not issubclass(kind, Exception):  # interrupted: do not wait
            self.abort()
        else:
            self.close()

    def _check_document(
        self,
        doc: Document,
        sentences: Sequence[Sentence],
        by_key: Mapping[tuple[str, int], Translation | None],
        stages: dict[str, Any],
        document_errors: dict[str, list[str]],
        notes: dict[int, list[str]] | None = None,
    ) -> list[Issue]:
        """Parse and run the detectors on one document's French sentences (``notes``: by sent_id,
        what a detector left unchecked)."""
        checked = tuple(s for s in sentences if (s.doc_id, s.sent_id) in by_key)
        # Sentences in another language are neither translated nor parsed (by_key holds the French
        # ones); the untranslated detector reports them.
        foreign = tuple(
            (s, language.detect(s.text)) for s in sentences if (s.doc_id, s.sent_id) not in by_key
        )
        errors = document_errors.setdefault(doc.id, [])
        if not checked and not foreign:
            return []
        ctx = DocumentContext(
            document=doc,
            sentences=checked,
            translations=tuple(by_key[(s.doc_id, s.sent_id)] for s in checked),
            parses=self._parse(checked, stages, errors) if checked else None,
            foreign=foreign,
        )
        return self._detect(ctx, stages, errors, notes)

    def _document_store(self, stages: dict[str, Any]) -> DocumentStore | None:
        """The checked-document cache of this configuration (None without a cache)."""
        cache = self._cache()
        return None if cache is None else DocumentStore(cache, self._document_signature(stages))

    def _document_signature(self, stages: dict[str, Any]) -> str:
        """The checked-document cache's part of :meth:`signature`: everything a document's check
        depends on, except its text (not the threshold, nor the metrics, applied after the cache)."""
        self._translators(stages)  # loaded now: a cached check depends on them
        return str(self.signature().without("min-confidence", *scoring.metric_signatures()))

    def signature(self) -> Signature:
        """Everything this Checker's reports depend on: its settings, detectors, the libraries and
        data they read, and the models loaded so far (none are loaded for it)."""
        from importlib.metadata import PackageNotFoundError, version

        bt, rt = self._models.get("back-translation"), self._models.get("round trip")
        fields: list[tuple[str, object]] = [("mt-check", __version__), ("code", code_fingerprint())]
        fields += [("back-translation", bt.signature() if bt else "none")]
        fields += [("round trip", rt.signature() if rt else "none"), ("beam", self.beam)]
        fields += [("device", self.device)]
        for name in _CHECK_LIBRARIES:
            try:
                fields.append((name, version(name)))
            except PackageNotFoundError:
                fields.append((name, "missing"))
        if any(PARSE in d.requires | d.uses for d in self._detectors):
            from mt_check.parse import model_version

            fields.append(("parse", model_version()))
        fields += [(f"det.{d.name}", d.data_version()) for d in self._detectors]
        fields += [("confidence", table_version()), ("min-confidence", self.min_confidence)]
        fields += list(scoring.metric_signatures().items())
        return Signature.of(fields)

    def run_isolated(self, documents: Sequence[Document]) -> Report:
        """:meth:`run`, except that a document that raises costs that document, not the batch.

        After a failure the batch is re-run one document at a time; a failing document keeps its
        row in the documents table with its ``error`` (and no sentence rows). A model that cannot
        be loaded with ``require_models`` still raises: that is a setting, not a document, failing.
        """
        try:
            return self.run(documents)
        except ModelUnavailableError:
            raise
        except Exception as err:  # noqa: BLE001 - any bug in any stage; found per document below
            if len(documents) == 1:
                return self.failed(documents[0], f"{type(err).__name__}: {err}")
        reports = []
        for doc in documents:
            try:
                reports.append(self.run([doc]))
            except ModelUnavailableError:
                raise
            except Exception as err:  # noqa: BLE001 - recorded in the report, the batch goes on
                reports.append(self.failed(doc, f"{type(err).__name__}: {err}"))
        return concat(reports, merge_meta([r.meta for r in reports]))

    def failed(self, document: Document, error: str) -> Report:
        """The report of a document that could not be checked: one documents row with ``error``."""
        tables = build_tables([(document, ())], {}, [], self.weights, errors={document.id: error})
        failed = StageOutcome.failed(f"document {document.id}")
        return Report(*tables, meta=self._meta({"segmentation": failed}))

    def _meta(self, stages: dict[str, Any]) -> dict[str, Any]:
        import sacrebleu

        models = {
            role: {"id": m.model_id, "revision": m.revision, "backend": m.backend}
            for role, m in self._models.items()
        }
        detectors = {d.name: d.data_version() for d in self._detectors}
        metrics = scoring.metric_signatures()
        return {
            "mt_check_version": __version__,
            "signature": str(self.signature()),
            "models": models,
            "model_errors": dict(self._model_errors),
            # why the cache was turned off during the run (full disk, read-only), else None
            "cache_error": self._store.problem if self._store is not None else None,
            "stages": stages,
            "settings": {
                "bt_model": self.bt_model,
                "rt_model": self.rt_model,
                "beam": self.beam,
                "batch_size": self.batch_size,
                "device": self.device,
                "detectors": [d.name for d in self._detectors],
                "detector_options": {k: dict(v) for k, v in (self.detector_options or {}).items()},
                "min_confidence": self.min_confidence,
                "weights": {s.value: w for s, w in self.weights.items()},
            },
            "detector_versions": detectors,
            "sacrebleu": {"version": sacrebleu.__version__, "signatures": metrics},
            "python": platform.python_version(),
        }


# -- the work the executors run -------------------------------------------------------------------


def _warm_up(checker: Checker) -> None:
    """Load what the detectors need before a worker's first document: their optional components
    and data (``load``: lexicon, wordfreq lists, Grammalecte), the spaCy pipeline, and (one small
    document) what fills on first use (compiled patterns, lexicon caches)."""
    for detector in checker._detectors:
        if detector.unavailable_reason() is None:
            try:
                detector.load()
            except Exception:  # noqa: BLE001 - the first document that runs it reports the error
                continue
            checker._loaded.add(detector.name)
        detector.data_version()
    if any(PARSE in d.requires | d.uses for d in checker._detectors):
        try:
            from mt_check.parse import get_nlp

            get_nlp()
        except ModelUnavailableError:
            pass  # reported with the first document that needs it
    warm_up = Document("warm-up", _WARM_UP_TEXT)
    sentences = segment.segment(warm_up)
    _check_one(checker, warm_up, sentences, {(s.doc_id, s.sent_id): None for s in sentences})


# French with a few errors, so that every detector's lazy tables load (see _warm_up).
_WARM_UP_TEXT = (
    "Les lignes spéciaux ont été créés en 63 après que il ait déclaré : A travers la ville ou il "
    "habite, laescalade continue le lundi 3 Septembre.Le ministre, Jean Dupont a dit tres vite."
)


def _segment_document(checker: Checker, document: Document) -> tuple[Sequence[Sentence], Sequence[str]]:
    sentences = segment.segment(document)
    return sentences, [language.detect(s.text) for s in sentences]


def _check_work(
    checker: Checker,
    work: tuple[Document, Sequence[Sentence], Mapping[tuple[str, int], Translation | None]],
) -> _Outcome:
    return _check_one(checker, *work)


def _check_one(
    checker: Checker,
    document: Document,
    sentences: Sequence[Sentence],
    translations: Mapping[tuple[str, int], Translation | None],
) -> _Outcome:
    """One document's ``(issues, stage outcomes, errors, sentence notes)``, in this process or a
    worker's; the notes say, by sent_id, what a detector did not check (Detector.skipped)."""
    local: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    notes: dict[int, list[str]] = {}
    found = checker._check_document(document, sentences, translations, local, errors, notes)
    return _reviewed(found), local, errors[document.id], notes


def _reviewed(issues: list[Issue]) -> list[Issue]:
    """One document's issues as the report gives them, before the min-confidence threshold: merged
    (one row per error), each with its confidence (by the merged row's code: that is what
    benchmarks/estimate_confidence.py counts), contradicting agreement fixes dropped. Done per
    document where the detectors ran, so that with --jobs the lexicon that consistent_fixes reads
    loads in the workers, which have it already, and not once more in this process."""
    issues = default_table().assign(detector_registry.merge_issues(issues))
    if any(i.category is Category.AGREEMENT for i in issues):  # the lexicon loads only then
        issues = detector_registry.consistent_fixes(issues)
    return issues


def merge_meta(metas: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The meta of one run made of several batches: a stage ran if it ran in any batch, counts
    add up, and the signature is that of a batch that loaded the most models."""
    if not metas:
        return {}
    richest = max(metas, key=lambda m: len(m.get("models", {})))
    merged = dict(richest)
    stages: dict[str, Any] = {}
    for meta in metas:
        stages = _merge_stages(stages, meta.get("stages", {}))
    merged["stages"] = stages
    merged["model_errors"] = {k: v for m in metas for k, v in m.get("model_errors", {}).items()}
    merged["unread"] = {k: v for m in metas for k, v in m.get("unread", {}).items()}
    return merged


def _merge_stages(a: Mapping[str, Any], b: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(a)
    for key, value in b.items():
        old = out.get(key)
        if key not in out:
            out[key] = value
        elif isinstance(old, Mapping) and isinstance(value, Mapping):
            out[key] = _merge_stages(old, value)
        elif isinstance(old, int) and isinstance(value, int) and not isinstance(value, bool):
            out[key] = old + value
        elif isinstance(old, str) and isinstance(value, str):  # outcomes (as text once read back)
            out[key] = StageOutcome.read(old).merge(StageOutcome.read(value))
    return out


def check(
    texts_or_paths: Source | Sequence[Source],
    *,
    pattern: str = "*.txt",
    columns: Columns | None = None,
    **options: Any,
) -> Report:
    """Check French MT output (strings, files, tables, directories or Documents); return a Report.

    ``options`` are :class:`Checker` fields; ``columns`` names the text/id/source columns of tables.
    A string that names an existing file or directory is read as a path, and one that looks like a
    path but names nothing (``"dat/typo.txt"``) raises InputError; :func:`check_texts` and
    :func:`check_files` say which is meant instead of guessing.
    """
    items = [texts_or_paths] if isinstance(texts_or_paths, str) else texts_or_paths
    for item in items if isinstance(items, Sequence) else ():
        if isinstance(item, str) and _missing_path(item):
            raise InputError(
                f"{item!r} looks like a file path, but there is no such file or directory; to check "
                "it as text use mt_check.check_texts([...]), for files mt_check.check_files([...])"
            )
    return Checker(**options).run(load(texts_or_paths, pattern=pattern, columns=columns))


# A file extension (letters first: "3.14" is a number) or a path separator, and no whitespace.
_PATH_LIKE = re.compile(r"\S*(?:[/\\]\S*|\.[A-Za-z][A-Za-z0-9]{0,4})")


def _missing_path(text: str) -> bool:
    """``text`` looks like a path (see _PATH_LIKE) and names nothing on disk."""
    return _PATH_LIKE.fullmatch(text) is not None and not Path(text).expanduser().exists()


def check_texts(texts: str | Sequence[str], **options: Any) -> Report:
    """Check each string as French text (ids ``text-1``, ``text-2``, …), never as a path."""
    items = [texts] if isinstance(texts, str) else list(texts)
    wrong = next((item for item in items if not isinstance(item, str)), None)
    if wrong is not None:
        raise InputError(f"check_texts takes strings, got {type(wrong).__name__}; use check_files for paths")
    documents = [Document(f"text-{n}", text) for n, text in enumerate(items, 1)]
    return Checker(**options).run(documents)


def check_files(
    paths: str | Path | Sequence[str | Path],
    *,
    pattern: str = "*.txt",
    columns: Columns | None = None,
    **options: Any,
) -> Report:
    """Check files, directories (``pattern``, recursively) and tables (``columns``); every item is
    a path, and one that does not exist raises InputError."""
    items = [paths] if isinstance(paths, str | Path) else list(paths)
    return Checker(**options).run(load([Path(p) for p in items], pattern=pattern, columns=columns))
