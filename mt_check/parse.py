"""spaCy French analysis shared by the detectors: one fr_core_news_sm pipeline per process.

Each sentence is parsed on its own (``parse_sentences``), so a token's document offset is
``sentence.start + token.idx``. Nothing is disabled: the agreement detector reads the tagger's
morphology, the lemmatizer and the dependency parse, the spelling detector the named entities.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

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
        import spacy
    except ImportError as exc:
        raise ModelUnavailableError(f"spaCy is not installed ({exc}); `pip install spacy`") from exc
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelUnavailableError(
            f"spaCy model {model} is not installed; run `python -m spacy download {model}`"
        ) from exc


def model_version(model: str = MODEL) -> str:
    """``name-version`` of the installed pipeline package, for the report signature (the
    package metadata is read; the model is not loaded)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{model}-{version(model)}"
    except PackageNotFoundError:
        return f"{model}-missing"


def parse_sentences(
    sentences: Iterable[Sentence | str], model: str = MODEL, batch_size: int = 64
) -> tuple[Doc, ...]:
    """One spaCy Doc per sentence, in input order."""
    texts = [s.text if isinstance(s, Sentence) else s for s in sentences]
    nlp = get_nlp(model)
    return tuple(nlp.pipe(texts, batch_size=batch_size))


__all__ = ["MODEL", "get_nlp", "model_version", "parse_sentences"]
