"""spaCy French analysis shared by the detectors: one fr_core_news_sm pipeline per process.

Each sentence is parsed on its own (``parse_sentences``), so a token's document offset is
``sentence.start + token.idx``. The agreement detector reads the tagger's morphology, the
lemmatizer and the dependency parse; only the spelling detector reads named entities, for a few
tokens, so the entity recogniser (which has its own embedding layer: 45% of the parse time) runs
on a sentence only when a detector first asks for one of its labels (``entity_label``).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from importlib.machinery import ModuleSpec
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from mt_check.types import ModelUnavailableError, Sentence

if TYPE_CHECKING:
    from types import FrameType

    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "fr_core_news_sm"

_log = logging.getLogger(__name__)


def get_nlp(model: str = MODEL) -> Language:
    """Load the spaCy pipeline once per process."""
    # lru_cache keys on how arguments are passed (get_nlp() vs get_nlp(MODEL)): normalise first.
    return _load(model)


@cache
def _load(model: str) -> Language:
    try:
        try:
            with _torch_hidden_from_thinc(model):
                import spacy

                return _with_apostrophes(_indexed(spacy.load(model), model))
        except ImportError:
            pass  # a plugin under spaCy needs torch after all: load as usual below
        import spacy

        return _with_apostrophes(_indexed(spacy.load(model), model))
    except ImportError as exc:
        raise ModelUnavailableError(f"spaCy is not installed ({exc}); `pip install spacy`") from exc
    except OSError as exc:
        raise ModelUnavailableError(
            f"spaCy model {model} is not installed; run `python -m spacy download {model}`"
        ) from exc


# -- typographic apostrophes ------------------------------------------------------------------
# fr_core_news_sm learnt French from text with straight apostrophes. Given "l’adresse" it tags
# "l’" as a noun or an adjective and "adresse" as a verb: on the 67 dev texts with "’", 585 of
# 2,989 tokens got another tag, relation or head than with "'". Its embeddings read four lexeme
# features (norm, prefix, suffix, shape) and its lemmatizer the text; so a word with "’" gets the
# features of its straight spelling before the tagger, and that spelling's lemma after the
# lemmatizer. Token texts and offsets stay the document's. (spaCy has no setting for this; its
# French tokenizer already splits both apostrophes alike.)
_CURLY = str.maketrans({"’": "'", "ʼ": "'"})
APOSTROPHES_REVISION = "apostrophes1"  # part of model_version(): parses changed with it


def _straight(text: str) -> str | None:
    straight = text.translate(_CURLY)
    return straight if straight != text else None


def _straight_features(doc: Doc) -> Doc:
    for token in doc:
        straight = _straight(token.text)
        if straight is not None:
            lexeme, model = token.vocab[token.text], token.vocab[straight]
            if lexeme.norm_ != model.norm_ or lexeme.shape_ != model.shape_:
                lexeme.norm_, lexeme.prefix_ = model.norm_, model.prefix_
                lexeme.suffix_, lexeme.shape_ = model.suffix_, model.shape_
    return doc


class _StraightLemmas:
    """The lemma the lemmatizer gives a word's straight spelling with the same tag, cached."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.known: dict[tuple[str, str], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            straight = _straight(token.text)
            if straight is not None:
                key = (straight, token.pos_)
                if key not in self.known:
                    self.known[key] = self._lemma(straight, token.pos_)
                token.lemma_ = self.known[key]
        return doc

    def _lemma(self, word: str, pos: str) -> str:
        from spacy.tokens import Doc as SpacyDoc

        one = SpacyDoc(self.nlp.vocab, words=[word], pos=[pos])
        return str(self.nlp.get_pipe("lemmatizer")(one)[0].lemma_)


def _with_apostrophes(nlp: Language) -> Language:
    from spacy.language import Language as SpacyLanguage

    if not SpacyLanguage.has_factory("mt_check_straight_features"):
        SpacyLanguage.component("mt_check_straight_features", func=_straight_features)
        SpacyLanguage.factory("mt_check_straight_lemmas", func=lambda nlp, name: _StraightLemmas(nlp))
    nlp.add_pipe("mt_check_straight_features", first=True)
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("mt_check_straight_lemmas", after="lemmatizer")
    return nlp


# -- patches to third-party code ----------------------------------------------------------------
# Each patch was tested with these versions of the packages it patches: tests/test_patches.py
# pins that it gives the same output as the unpatched library. With any other version (or one
# that cannot be read) the patch is left off and an INFO record on this module's logger says why:
# the results are the same either way, only slower, so this is not a warning for users (the CLI's
# stderr would then depend on which release pip picked); a version is added here once those tests
# pass with it.
_TESTED: dict[str, dict[str, frozenset[str]]] = {
    "the frozenset lemma index": {"spacy": frozenset({"3.8.18"}), "fr_core_news_sm": frozenset({"3.8.0"})},
    "hiding torch from thinc": {"thinc": frozenset({"8.3.14"})},
}


def _patch_tested(patch: str, packages: Sequence[str]) -> bool:
    """Whether every one of ``packages`` is installed at a version ``patch`` was tested with
    (importlib.metadata: nothing is imported); if not, the reason is logged."""
    tested = _TESTED[patch]
    for package in packages:
        try:
            installed = version(package)
        except PackageNotFoundError:
            installed = "(version unknown)"
        known = tested.get(package, frozenset())
        if installed not in known:
            _log.info(
                "%s is off: %s %s is not a version it was tested with (%s)",
                patch, package, installed, ", ".join(sorted(known)) or "none",
            )
            return False
    return True


def _indexed(nlp: Language, model: str) -> Language:
    """spaCy's French rule lemmatizer tests each word it has not seen for membership in
    ``lemma_index``, whose entries are lists of up to 66,191 words: a linear scan per word, and
    per suffix rule. As frozensets the same tests give the same lemmas, without the scans (parsing
    232 news sentences with a cold cache: 1.20 s -> 0.66 s). Only with the tested versions of
    spaCy (the lemmatizer's code) and of the pipeline (its tables)."""
    if _patch_tested("the frozenset lemma index", ("spacy", model)):
        _freeze_lemma_index(nlp)
    return nlp


def _freeze_lemma_index(nlp: Language) -> None:
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index"):
            table = lookups.get_table("lemma_index")
            for key, words in list(table.items()):
                if isinstance(words, list):
                    table[key] = frozenset(words)


# spaCy's CNN pipelines for French: thinc runs them on numpy, never on torch.
_CNN_PIPELINES = ("fr_core_news_sm", "fr_core_news_md", "fr_core_news_lg")

_hiding = 0  # how many spaCy loads are hiding torch from thinc right now (any thread)
_hiding_lock = threading.Lock()


class _TorchRefusedToThinc:
    """A ``sys.meta_path`` finder: while ``_hiding``, an import of torch that thinc's own modules
    make raises ImportError; any other import of torch, in this thread or another, goes on to the
    usual finders. Whose import it is, is read from the importing frame (the first one outside
    importlib), so it holds for every thread at once without touching ``sys.modules``: the
    process-wide ``sys.modules["torch"] = None`` it replaces made a concurrent ``import torch`` fail.
    An import of torch that is already loaded never reaches a finder: thinc then gets it, as it
    would unpatched."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
        if not _hiding or (name != "torch" and not name.startswith("torch.")):
            return None
        if _importer().partition(".")[0] != "thinc":
            return None
        raise ModuleNotFoundError(f"No module named {name!r} (hidden from thinc by {__name__})", name=name)


def _importer() -> str:
    """The module whose code runs the import being resolved: the first frame outside importlib
    and this module (the finder). It asks nothing that imports: importlib holds its lock here."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        module = str(frame.f_globals.get("__name__", ""))
        if not (module == __name__ or module == "importlib" or module.startswith("importlib.")):
            return module
        frame = frame.f_back
    return ""


_FINDER = _TorchRefusedToThinc()


@contextmanager
def _torch_hidden_from_thinc(model: str) -> Iterator[None]:
    """thinc, spaCy's ML library, imports torch whenever it is installed (180 MB resident), though
    a CNN pipeline never uses it. Where nothing has imported torch yet (a CTranslate2 run), it is
    hidden from thinc while spaCy first loads, so that thinc takes its no-torch path; torch stays
    importable, by everyone else meanwhile and by thinc afterwards. A transformer pipeline
    (fr_dep_news_trf) loads with torch as usual."""
    global _hiding
    if model not in _CNN_PIPELINES or "torch" in sys.modules or "thinc" in sys.modules:
        yield
        return
    if not _patch_tested("hiding torch from thinc", ("thinc",)):
        yield
        return
    with _hiding_lock:
        # Installed once and never removed: removing a finder while another thread walks
        # sys.meta_path could make that thread skip the finder after it (inserting one at the
        # front only makes it ask one finder twice). Idle, it returns at its first test.
        if _FINDER not in sys.meta_path:
            sys.meta_path.insert(0, _FINDER)
        _hiding += 1
    try:
        yield
    finally:
        with _hiding_lock:
            _hiding -= 1


def model_version(model: str = MODEL) -> str:
    """``name-version`` of the installed pipeline package, for the report signature (the
    package metadata is read; the model is not loaded)."""
    try:
        return f"{model}-{version(model)}+{APOSTROPHES_REVISION}"
    except PackageNotFoundError:
        return f"{model}-missing"


_LAZY = ("ner",)  # components run on demand (entity_label), not on every sentence
_PENDING = "mt_check.pending"  # Doc.user_data key: the components not yet run on it, and the model


def parse_sentences(
    sentences: Iterable[Sentence | str], model: str = MODEL, batch_size: int = 64
) -> tuple[Doc, ...]:
    """One spaCy Doc per sentence, in input order; entities come on demand (``entity_label``)."""
    texts = [s.text if isinstance(s, Sentence) else s for s in sentences]
    nlp = get_nlp(model)
    lazy = [name for name in _LAZY if name in nlp.pipe_names]
    with nlp.select_pipes(disable=lazy):
        docs = tuple(nlp.pipe(texts, batch_size=batch_size))
    if lazy:
        for doc in docs:
            doc.user_data[_PENDING] = (tuple(lazy), model)
    return docs


def entity_label(token: Any) -> str:
    """The entity label of a spaCy token ("LOC", "PER", ... or ""), running the entity
    recogniser on its sentence first if ``parse_sentences`` left it out (the same labels as a
    full-pipeline parse: the recogniser reads only the tokens)."""
    doc = token.doc
    pending = doc.user_data.pop(_PENDING, None)
    if pending is not None:
        names, model = pending
        nlp = get_nlp(model)
        for name in names:
            nlp.get_pipe(name)(doc)
    return str(token.ent_type_)


__all__ = ["APOSTROPHES_REVISION", "MODEL", "entity_label", "get_nlp", "model_version", "parse_sentences"]
