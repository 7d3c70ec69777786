"""The translation stage: sentences' texts translated once each, through the persistent cache.

:func:`translate_cached` looks every distinct text up in the
:class:`~mt_check.cache.TranslationCache` and translates the others with the models
(:func:`mt_check.translate.back_translate`) in chunks, each stored as soon as it is done, so that
an interrupted run resumes where it stopped. A text the models fail on costs that text alone: it
is left out with its error (:func:`~mt_check.translate.hub.describe_error`) and never cached.
Translations come sentence-relative (a text may stand in several documents, at several offsets);
:meth:`CachedTranslations.for_sentence` moves one to its sentence's place in the document.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from typing import Any, Protocol

from mt_check.cache import TranslationCache, cache_key
from mt_check.translate import back_translate
from mt_check.translate.base import Translator
from mt_check.translate.hub import describe_error
from mt_check.types import Sentence, Translation


class Progress(Protocol):
    """A progress bar (tqdm's, or a stand-in): told how many more texts are done."""

    def update(self, n: int) -> object: ...


# Called with the number of texts the models will translate; a context manager yielding the bar.
ProgressFactory = Callable[[int], AbstractContextManager[Progress]]


@dataclass(frozen=True)
class CachedTranslations:
    """What :func:`translate_cached` returns.

    ``translations``: by text, sentence-relative (offsets from the sentence's start), for every
    text but those that failed; ``failures``: by text, its ``errors`` cell
    (``back-translation: Type: message``); ``statistics``: meta's ``stages.translation_cache``.
    """

    translations: Mapping[str, Translation]
    failures: Mapping[str, str]
    statistics: dict[str, Any]

    def for_sentence(self, sentence: Sentence) -> Translation | None:
        """The translation of ``sentence``'s text at the sentence's offsets; None if it failed."""
        translation = self.translations.get(sentence.text)
        return None if translation is None else shift(translation, sentence.start)


def translate_cached(
    texts: Sequence[str],
    bt: Translator,
    rt: Translator | None,
    cache: TranslationCache | None,
    *,
    chunk_size: int,
    progress: ProgressFactory,
    known: Sequence[str] = (),
) -> CachedTranslations:
    """The translations of ``texts`` (repeats allowed: each distinct text is translated once),
    from ``cache`` where it holds them, else by ``bt`` (and ``rt``: round trip and forced
    decoding), ``chunk_size`` texts at a time, each chunk stored in ``cache`` as it finishes.

    ``known``: texts of sentences whose documents came checked from the document cache; they are
    not translated, only counted in the statistics, as taken from the cache. ``progress`` gets
    the number of texts to translate and is told of each chunk done.
    """
    if chunk_size < 1:
        raise ValueError(f"chunk_size must be at least 1, got {chunk_size}")
    unique = list(dict.fromkeys(texts))
    signature = f"{bt.signature()}||{rt.signature() if rt is not None else 'none'}"
    keys = {text: cache_key(signature, text) for text in unique}
    cached = cache.get_many(keys.values()) if cache is not None else {}
    done = {text: cached[keys[text]] for text in unique if keys[text] in cached}
    todo = [text for text in unique if text not in done]
    distinct = len(unique) + len(set(known) - set(unique))
    statistics = {
        "sentences": len(texts) + len(known),
        "distinct": distinct,
        "from_cache": distinct - len(todo),
        "translated": len(todo),
        "path": str(cache.path) if cache is not None else None,
    }
    failures: dict[str, str] = {}
    with progress(len(todo)) as bar:
        for i in range(0, len(todo), chunk_size):
            part = todo[i : i + chunk_size]
            results, errors = _translate_chunk(part, bt, rt)
            failures.update(errors)
            if cache is not None and results:
                cache.put_many({keys[text]: t for text, t in results.items()})
            done.update(results)
            bar.update(len(part))
    return CachedTranslations(translations=done, failures=failures, statistics=statistics)


def _translate_chunk(
    part: Sequence[str], bt: Translator, rt: Translator | None
) -> tuple[dict[str, Translation], dict[str, str]]:
    """Translations of ``part``; when the models raise, each text again alone, so that only the
    texts that fail are lost (with their error)."""
    pseudo = [Sentence("", n, 0, len(text), text) for n, text in enumerate(part)]
    try:
        return dict(zip(part, back_translate(pseudo, bt, rt), strict=True)), {}
    # Isolation of third-party failures: torch/transformers/sentencepiece raising on some input.
    except Exception as err:  # noqa: BLE001
        if len(part) == 1:
            return {}, {part[0]: f"back-translation: {describe_error(err)}"}
    results: dict[str, Translation] = {}
    failed: dict[str, str] = {}
    for text in part:
        done, errors = _translate_chunk([text], bt, rt)
        results.update(done)
        failed.update(errors)
    return results, failed


def shift(translation: Translation, offset: int) -> Translation:
    """A sentence-relative Translation moved to the sentence's document offset (its word scores'
    spans; nothing else in a Translation has offsets)."""
    if not translation.word_scores or offset == 0:
        return translation
    words = tuple(replace(w, start=w.start + offset, end=w.end + offset) for w in translation.word_scores)
    return replace(translation, word_scores=words)


__all__ = ["CachedTranslations", "Progress", "ProgressFactory", "shift", "translate_cached"]
