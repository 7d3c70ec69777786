"""The CTranslate2 backend: the same MarianMT models, converted once, run faster on CPU and GPU.

:class:`CTranslate2Translator` is a :class:`~mt_check.translate.base.Translator`, as
:class:`~mt_check.translate.transformers.MarianTranslator` is, so the pipeline does not know which
backend runs. It shares that backend's tokenisation (:class:`~mt_check.translate.base.MarianVocab`:
MarianTokenizer, SentencePiece pieces with character spans), length batching and generation cap;
CTranslate2 only replaces the network. The ctranslate2 package is imported on first use: this
module imports without it, and the translator says how to install it.

On first use the model directory is converted with CTranslate2's own converter into
``<cache dir>/ct2/<name>-<quantization>-<hash>`` (see :func:`mt_check.cache.default_cache_dir`),
atomically: a temporary directory is renamed into place, so concurrent or interrupted runs never
leave a half-written model. Later loads reuse it. Weights are int8 on CPU and float16 on GPU.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import shutil
import tempfile
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from safetensors import SafetensorError

from mt_check.cache import default_cache_dir
from mt_check.translate.base import MarianBackend, MarianVocab
from mt_check.translate.hub import (
    describe_model_error,
    first_line,
    locate,
    marian_positions,
    marian_tokenizer,
    quiet_loading,
)
from mt_check.types import InputError, ModelUnavailableError

DEFAULT_COMPUTE_TYPE = {"cpu": "int8", "cuda": "float16"}
# Forced decoding computes the full-vocabulary logits of every target position at once: a batch
# of 16 sentences of 45 tokens is 16 x 45 x 59,514 floats (171 MB) per worker, plus its
# log-softmax. On CPU, scoring batches are cut by tokens instead. Measured on the opus-mt shape
# (200 sentences, 2 workers): 16 sentences 3.6 s and +850 MB at the peak; 256 tokens 3.2 s,
# +230 MB; 64 tokens 2.5 s, +90 MB (small buffers are reused instead of mapped and unmapped).
SCORE_TOKENS_CPU = 64
_INSTALL = "the ctranslate2 backend needs the ctranslate2 package: pip install 'ctranslate2>=4,<5'"
# What TransformersConverter and ctranslate2.Translator raise for a model they cannot handle
# (the converter loads the checkpoint with transformers: a pickle is refused by torch's
# weights-only unpickler, a truncated safetensors file raises SafetensorError).
_CONVERT_ERRORS = (
    OSError, ValueError, KeyError, TypeError, RuntimeError, NotImplementedError,
    pickle.UnpicklingError, SafetensorError,
)  # fmt: skip


def available_cores() -> int:
    """CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class CTranslate2Translator(MarianBackend):
    """One MarianMT model run by CTranslate2 (converted on first use)."""

    backend: str = "ctranslate2"

    def __init__(
        self,
        model_id: str,
        *,
        device: str = "cpu",
        batch_size: int = 16,
        beam: int = 4,
        max_new_tokens: int | None = None,
        compute_type: str | None = None,
        threads: int = 0,
    ) -> None:
        self._settings(model_id, device, batch_size, beam, max_new_tokens)
        kind, index = _parse_device(device)
        try:
            import ctranslate2
        except ImportError:
            raise ModelUnavailableError(f"{_INSTALL} (model {model_id})") from None
        if kind == "cuda" and index >= ctranslate2.get_cuda_device_count():
            raise ModelUnavailableError(
                f"{device} requested but CTranslate2 sees {ctranslate2.get_cuda_device_count()} "
                f"CUDA device(s) (model {model_id}); pass device='cpu'"
            )
        compute_type = compute_type or DEFAULT_COMPUTE_TYPE[kind]
        supported = sorted(ctranslate2.get_supported_compute_types(kind, index))
        if compute_type not in supported:
            raise ModelUnavailableError(
                f"compute type {compute_type} is not supported on {device} here "
                f"(supported: {', '.join(supported)}; model {model_id})"
            )
        self.compute_type: str = compute_type
        self.path, self.revision = locate(model_id)
        path = self.path
        positions = marian_positions(model_id, path)
        self.vocab = MarianVocab(marian_tokenizer(model_id, path), positions)
        self._forced_eos: bool = _forces_eos(path)
        self.model_dir: Path = convert(model_id, path, self.revision, compute_type)
        try:
            self._model = ctranslate2.Translator(
                str(self.model_dir),
                device=kind,
                device_index=index,
                compute_type=compute_type,
                intra_threads=(threads or 1) if kind == "cpu" else threads,
                # Throughput on CPU: one single-threaded worker per core, each on its own batch
                # (the weights are shared); one worker on a GPU.
                inter_threads=max(1, available_cores() // max(1, threads)) if kind == "cpu" else 1,
            )
        except _CONVERT_ERRORS as error:
            raise ModelUnavailableError(
                f"model {model_id} could not be loaded by CTranslate2 from {self.model_dir} "
                f"({first_line(error)}); delete that directory to convert it again"
            ) from error

    # -- public API (MarianTranslator's) ---------------------------------------------------------

    def translate(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """Translate each text: ``(translation, mean token log-probability)``, in input order.

        As in the transformers backend: the generated tokens are re-scored by forced decoding
        (``score_batch``), EOS included; a checkpoint whose generation config forces EOS at the
        length cap gets it here too. Empty texts give ``("", 0.0)``; duplicates run once.
        """
        unique = list(dict.fromkeys(t for t in texts if t.strip()))
        found: dict[str, tuple[str, float]] = {}
        if unique:
            sources = self._encode_sources(unique)
            lengths = [len(s) for s in sources]
            # One call per generation cap: CTranslate2 sorts by length, cuts batches of
            # batch_size and runs them on its parallel workers (inter_threads).
            for cap, batch in self.vocab.generation_batches(lengths, len(lengths), self.max_new_tokens):
                src = [sources[i] for i in batch]
                # With a forced EOS, the last of the cap's steps is EOS: decode one step less.
                steps = cap - 1 if self._forced_eos else cap
                if steps > 0:
                    results = self._model.translate_batch(
                        src,
                        max_batch_size=self.batch_size,
                        beam_size=self.beam,
                        max_decoding_length=steps,
                        num_hypotheses=1,
                        max_input_length=0,
                    )
                    generated = [list(r.hypotheses[0]) for r in results]
                else:
                    generated = [[] for _ in src]
                scored = self._score_batch(src, generated)
                decoded = self.vocab.decode([self.vocab.token_ids(g) for g in generated])
                for i, tokens, result, text in zip(batch, generated, scored, decoded, strict=True):
                    logprobs = list(result.log_probs)
                    if not self._forced_eos and len(tokens) == steps:
                        logprobs.pop()  # stopped by the cap: no EOS was generated
                    logprobs = logprobs or [0.0]
                    found[unique[i]] = (text, sum(logprobs) / len(logprobs))
        return [found[t] if t.strip() else ("", 0.0) for t in texts]

    def score(self, sources: Sequence[str], targets: Sequence[str]) -> list[list[tuple[int, int, float]]]:
        """Forced decoding with ``score_batch``: per-token ``(char_start, char_end, logprob)`` of
        ``targets[i]`` given ``sources[i]``, spans as in ``MarianTranslator.score``."""
        if len(sources) != len(targets):
            raise InputError(f"got {len(sources)} sources and {len(targets)} targets")
        if not sources:
            return []
        src = self._encode_sources(sources)
        encoded = [self.vocab.target_pieces(t) for t in targets]
        pieces = [self.vocab.known_target_pieces(ps) for ps, _ in encoded]
        results: list[list[tuple[int, int, float]]] = [[] for _ in targets]
        # One call: CTranslate2 sorts by length and spreads batches over its workers.
        scored = self._score_batch(src, pieces)
        for i, result in enumerate(scored):
            spans = encoded[i][1]
            results[i] = [(s, e, lp) for (s, e), lp in zip(spans, result.log_probs, strict=True)]
        return results

    def signature(self) -> str:
        """``model@revision|ctranslate2:<compute type>|beamN``, for ``Report.meta``."""
        return f"{self._name()}|{self.backend}:{self.compute_type}|beam{self.beam}"

    def __repr__(self) -> str:
        return f"CTranslate2Translator({self.signature()!r}, device={self.device!r})"

    # -- internals -------------------------------------------------------------------------------

    def _score_batch(self, src: list[list[str]], targets: list[list[str]]) -> list[Any]:
        """``score_batch`` in batches of SCORE_TOKENS_CPU tokens on CPU, of ``batch_size``
        sentences on a GPU."""
        if self.device == "cpu":
            return list(
                self._model.score_batch(
                    src, targets, max_batch_size=SCORE_TOKENS_CPU, batch_type="tokens", max_input_length=0
                )
            )
        return list(self._model.score_batch(src, targets, max_batch_size=self.batch_size, max_input_length=0))

    def _encode_sources(self, texts: Sequence[str]) -> list[list[str]]:
        """Source tokens as MarianTokenizer makes them (EOS appended, cut to the model's
        positions), as strings: CTranslate2 looks them up in its own copy of the vocabulary."""
        return self.vocab.source_tokens(texts)


def _parse_device(device: str) -> tuple[str, int]:
    if device == "cpu":
        return "cpu", 0
    if device == "cuda":
        return "cuda", 0
    if device.startswith("cuda:") and device[5:].isdigit():
        return "cuda", int(device[5:])
    raise InputError(f"device must be cpu, cuda or cuda:N, got {device!r}")


def _forces_eos(path: str) -> bool:
    """Whether transformers' generate() forces EOS at the length cap for this checkpoint (as the
    OPUS-MT ones do): generation_config.json when present, else config.json."""
    for name in ("generation_config.json", "config.json"):
        file = Path(path) / name
        if file.is_file():
            try:
                settings = json.loads(file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return False
            return settings.get("forced_eos_token_id") is not None
    return False


def conversion_dir(path: str, revision: str | None, quantization: str) -> Path:
    """Where the converted model lives: keyed by the model directory, its revision, its files
    (name, size, modification time), the quantization and the CTranslate2 version."""
    import ctranslate2

    parts = [str(Path(path).resolve()), revision or "", quantization, ctranslate2.__version__]
    for file in sorted(Path(path).iterdir()):
        if file.is_file():
            stat = file.stat()
            parts.append(f"{file.name}:{stat.st_size}:{stat.st_mtime_ns}")
    digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]
    return default_cache_dir() / "ct2" / f"{Path(path).name}-{quantization}-{digest}"


def convert(model_id: str, path: str, revision: str | None, quantization: str) -> Path:
    """The converted model directory for ``path``, converting it first if needed."""
    target = conversion_dir(path, revision, quantization)
    if (target / "model.bin").is_file():
        return target
    from ctranslate2.converters import TransformersConverter

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    except OSError as error:
        raise ModelUnavailableError(
            f"cannot write the CTranslate2 conversion of {model_id} under {target.parent} "
            f"({first_line(error)}); set MT_CHECK_CACHE to a writable directory"
        ) from error
    try:
        with _quiet_transformers():
            TransformersConverter(path).convert(str(work), quantization=quantization, force=True)
        try:
            os.rename(work, target)
        except OSError:
            if not (target / "model.bin").is_file():  # not another process's finished conversion
                raise
    except _CONVERT_ERRORS as error:
        problem = describe_model_error(path, error)
        if problem is not None:  # a damaged file: the other backend would not load it either
            raise ModelUnavailableError(f"model {model_id} cannot be used: {problem}") from None
        raise ModelUnavailableError(
            f"model {model_id} could not be converted for CTranslate2 ({first_line(error)}); "
            "use --backend transformers"
        ) from error
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


@contextlib.contextmanager
def _quiet_transformers() -> Iterator[None]:
    """No loading progress bars or tokenizer advice while the converter loads the model."""
    from transformers.utils import logging as hf_logging

    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        with warnings.catch_warnings(), quiet_loading():
            warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")
            yield
    finally:
        if bars:
            hf_logging.enable_progress_bar()


__all__ = [
    "DEFAULT_COMPUTE_TYPE",
    "SCORE_TOKENS_CPU",
    "CTranslate2Translator",
    "available_cores",
    "conversion_dir",
    "convert",
]
