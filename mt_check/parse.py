"""spaCy French analysis shared by the detectors: one fr_core_news_sm pipeline per process.

Each sentence is parsed on its own (``parse_sentences``), so a token's document offset is
``sentence.start + token.idx``. The agreement detector reads the tagger's morphology, the
lemmatizer and the dependency parse; only the spelling detector reads named entities, for a few
tokens, so the entity recogniser (which has its own embedding layer: 45% of the parse time) runs
on a sentence only when a detector first asks for one of its labels (``entity_label``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any

from mt_check.types import ModelUnavailableError, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "fr_core_news_sm"


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

                return _indexed(spacy.load(model))
        except ImportError:
            pass  # a plugin under spaCy needs torch after all: load as usual below
        import spacy

        return _indexed(spacy.load(model))
    except ImportError as exc:
        raise ModelUnavailableError(f"spaCy is not installed ({exc}); `pip install spacy`") from exc
    except OSError as exc:
        raise ModelUnavailableError(
            f"spaCy model {model} is not installed; run `python -m spacy download {model}`"
        ) from exc


def _indexed(nlp: Language) -> Language:
    """spaCy's French rule lemmatizer tests each word it has not seen for membership in
    ``lemma_index``, whose entries are lists of up to 66,191 words: a linear scan per word, and
    per suffix rule. As frozensets the same tests give the same lemmas, without the scans (parsing
    232 news sentences with a cold cache: 1.20 s -> 0.66 s)."""
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
        if lookups is not None and lookups.has_table("lemma_index"):
            table = lookups.get_table("lemma_index")
            for key, words in list(table.items()):
                if isinstance(words, list):
                    table[key] = frozenset(words)
    return nlp


# spaCy's CNN pipelines for French: thinc runs them on numpy, never on torch.
_CNN_PIPELINES = ("fr_core_news_sm", "fr_core_news_md", "fr_core_news_lg")


@contextmanager
def _torch_hidden_from_thinc(model: str) -> Iterator[None]:
    """thinc, spaCy's ML library, imports torch whenever it is installed (180 MB resident), though
    a CNN pipeline never uses it. Where nothing has imported torch yet (a CTranslate2 run), it is
    hidden while spaCy first loads, so that thinc takes its no-torch path; torch stays importable
    afterwards. A transformer pipeline (fr_dep_news_trf) loads with torch as usual."""
    if model not in _CNN_PIPELINES or "torch" in sys.modules or "thinc" in sys.modules:
        yield
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` raise ImportError
    try:
        yield
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]


def model_version(model: str = MODEL) -> str:
    """``name-version`` of the installed pipeline package, for the report signature (the
    package metadata is read; the model is not loaded)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{model}-{version(model)}"
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


__all__ = ["MODEL", "entity_label", "get_nlp", "model_version", "parse_sentences"]
