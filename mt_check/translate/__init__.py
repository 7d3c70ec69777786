"""MarianMT back-translation (fr→en), round trip (en→fr) and forced-decoding scores.

This stage turns :class:`~mt_check.types.Sentence` objects into
:class:`~mt_check.types.Translation` objects, with either backend behind one protocol:

* :mod:`~mt_check.translate.base`: the :class:`Translator` protocol and ``MarianVocab`` (the
  tokenisation and generation caps both backends share);
* :mod:`~mt_check.translate.hub`: locating, checking, downloading and loading models;
* :mod:`~mt_check.translate.transformers` (:class:`MarianTranslator`) and
  :mod:`~mt_check.translate.ctranslate2` (:class:`CTranslate2Translator`): the two backends;
* here: :func:`load_translator` (each model once per process), :func:`word_scores` (subword
  log-probabilities summed per word of the original sentence) and :func:`back_translate` (all of
  them composed for a list of sentences);
* :mod:`~mt_check.translate.cached` (:func:`~mt_check.translate.cached.translate_cached`): the
  pipeline's translation stage, :func:`back_translate` through the persistent cache, chunk by
  chunk, a failing text isolated with its error (it imports this package, so it is not
  re-exported here).

torch, transformers and ctranslate2 are imported on first use: importing this package is cheap.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from typing import Any

from mt_check.translate.base import BACKENDS, Translator
from mt_check.translate.ctranslate2 import CTranslate2Translator
from mt_check.translate.hub import (
    DEFAULT_BT_MODEL,
    DEFAULT_RT_MODEL,
    check_model_directions,
    check_model_path,
    describe_model_error,
    download_models,
    model_languages,
    quiet_loading,
)
from mt_check.translate.transformers import MarianTranslator
from mt_check.types import InputError, Sentence, Translation, WordScore

_CACHE: dict[tuple[str, str, tuple[tuple[str, Any], ...]], Translator] = {}
_CACHE_LOCK = threading.Lock()


def load_translator(model_id: str, backend: str = "transformers", **opts: Any) -> Translator:
    """The process-wide translator for ``(model_id, backend, opts)``: each model is loaded once.

    ``backend`` is ``"transformers"`` (:class:`MarianTranslator`) or ``"ctranslate2"``
    (:class:`CTranslate2Translator`); both take the same ``opts``.
    """
    if backend not in BACKENDS:
        raise InputError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    key = (model_id, backend, tuple(sorted(opts.items())))
    with _CACHE_LOCK:
        if key not in _CACHE:
            if backend == "ctranslate2":
                _CACHE[key] = CTranslate2Translator(model_id, **opts)
            else:
                _CACHE[key] = MarianTranslator(model_id, **opts)
        return _CACHE[key]


# -- words ---------------------------------------------------------------------------------------

# Runs of letters/digits joined by hyphens or apostrophes ("États-Unis", "aujourd’hui"), then an
# elided clitic is split off after its apostrophe ("l’escalade" -> "l’" + "escalade").
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_CLITIC = re.compile(r"(?:jusqu|lorsqu|puisqu|quoiqu|qu|[cdjlmnstç])['’]", re.IGNORECASE)


def _words(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in _WORD.finditer(text):
        start, end = match.span()
        while (clitic := _CLITIC.match(text, start, end)) and clitic.end() < end:
            spans.append((start, clitic.end()))
            start = clitic.end()
        spans.append((start, end))
    return spans


def word_scores(sentence: Sentence, token_scores: list[tuple[int, int, float]]) -> tuple[WordScore, ...]:
    """Sum token log-probabilities per word of ``sentence``, with document offsets.

    A token counts for every word it overlaps; an empty-span token (a bare "▁") counts for the
    word that starts where it stands; EOS (at the end of the text) counts for no word.
    """
    out: list[WordScore] = []
    for ws, we in _words(sentence.text):
        total = 0.0
        for ts, te, lp in token_scores:
            if (ts < we and ws < te) if ts < te else (ws <= ts < we):
                total += lp
        out.append(
            WordScore(
                start=sentence.start + ws,
                end=sentence.start + we,
                word=sentence.text[ws:we],
                logprob=total,
            )
        )
    return tuple(out)


# -- back-translation ----------------------------------------------------------------------------


def chunk_spans(translator: Translator, text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that each fit the model's input, cut where a word starts; ``[(0, len)]``
    when the whole text fits.

    A chunk holds at most half the model's positions (EOS included), so that its translation,
    often a little longer, fits too.
    """
    # A stand-in that implements only translate/score (a test double, a remote service) says no
    # input size: it gets whole texts.
    positions = getattr(translator, "max_positions", None)
    if not isinstance(positions, int) or not text.strip():
        return [(0, len(text))]
    limit = max(8, positions // 2) - 1  # pieces per chunk, EOS apart
    pieces = translator.source_pieces(text)
    if len(pieces) <= limit:
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    first = 0
    while first < len(pieces):
        stop = min(first + limit, len(pieces))
        if stop < len(pieces):  # end before the last word start in the second half, if any
            stop = next(
                (j for j in range(stop, first + limit // 2, -1) if pieces[j][0].startswith("▁")), stop
            )
        spans.append((pieces[first][1], pieces[stop - 1][2]))
        first = stop
    return [(a, b) for a, b in spans if b > a] or [(0, len(text))]


def _joined(parts: Sequence[tuple[Sentence, Translation]]) -> Translation:
    """One Translation of a sentence translated in chunks: outputs joined by a space, log-probs
    averaged weighted by chunk length, word scores concatenated."""
    weights = [len(chunk.text) for chunk, _ in parts]

    def mean(values: Sequence[float | None]) -> float | None:
        if any(v is None for v in values):
            return None
        return sum(w * v for w, v in zip(weights, values, strict=True) if v is not None) / sum(weights)

    round_trips = [t.round_trip for _, t in parts]
    return Translation(
        back_translation=" ".join(t.back_translation for _, t in parts if t.back_translation),
        bt_logprob=mean([t.bt_logprob for _, t in parts]) or 0.0,
        round_trip=None if None in round_trips else " ".join(r for r in round_trips if r),
        fd_logprob=mean([t.fd_logprob for _, t in parts]),
        word_scores=tuple(w for _, t in parts for w in t.word_scores),
    )


def back_translate(sentences: Sequence[Sentence], bt: Translator, rt: Translator | None) -> list[Translation]:
    """Back-translate each sentence; with ``rt``, also round-trip it and force-decode the original.

    ``fd_logprob`` is the mean token log-probability (EOS included) of the ORIGINAL French given
    the back-translation under ``rt`` (the en→fr model); ``word_scores`` split it per word.
    A sentence longer than the model's input is translated in chunks cut between words (see
    :func:`chunk_spans`) and reported as one Translation.
    """
    spans = [chunk_spans(bt, s.text) for s in sentences]
    if any(len(chunks) > 1 for chunks in spans):
        pieces = [
            (i, Sentence(s.doc_id, s.sent_id, s.start + a, s.start + b, s.text[a:b], s.paragraph))
            for i, (s, chunks) in enumerate(zip(sentences, spans, strict=True))
            for a, b in chunks
        ]
        translated = back_translate([chunk for _, chunk in pieces], bt, rt)
        grouped: list[list[tuple[Sentence, Translation]]] = [[] for _ in sentences]
        for (i, chunk), translation in zip(pieces, translated, strict=True):
            grouped[i].append((chunk, translation))
        return [group[0][1] if len(group) == 1 else _joined(group) for group in grouped]
    texts = [s.text for s in sentences]
    back = bt.translate(texts)
    if rt is None:
        return [Translation(back_translation=en, bt_logprob=lp) for en, lp in back]
    english = [en for en, _ in back]
    round_trips = rt.translate(english)
    forced = rt.score(english, texts)
    out: list[Translation] = []
    for sentence, (en, lp), (fr, _), tokens in zip(sentences, back, round_trips, forced, strict=True):
        out.append(
            Translation(
                back_translation=en,
                bt_logprob=lp,
                round_trip=fr,
                fd_logprob=sum(t[2] for t in tokens) / len(tokens),
                word_scores=word_scores(sentence, tokens),
            )
        )
    return out


__all__ = [
    "BACKENDS",
    "DEFAULT_BT_MODEL",
    "DEFAULT_RT_MODEL",
    "CTranslate2Translator",
    "MarianTranslator",
    "Translator",
    "back_translate",
    "check_model_directions",
    "check_model_path",
    "chunk_spans",
    "describe_model_error",
    "download_models",
    "load_translator",
    "model_languages",
    "quiet_loading",
    "word_scores",
]
