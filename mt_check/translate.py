"""MarianMT back-translation (fr→en), round trip (en→fr) and forced-decoding scores.

This stage turns :class:`~mt_check.types.Sentence` objects into
:class:`~mt_check.types.Translation` objects with the transformers backend:

* ``MarianTranslator.translate``: beam-search translation plus the mean token log-probability of
  the output under the model;
* ``MarianTranslator.score``: forced decoding (teacher forcing) of a given target, one
  log-probability per target subword with its character span in the target text;
* ``word_scores``: those subword log-probabilities summed per word of the original sentence;
* ``back_translate``: the three composed for a list of sentences.

All inference sorts inputs by length, batches them and restores the input order, so that batching
changes no result (the tests check it). Models load once per process through
:func:`load_translator`. torch and transformers are imported on first use: importing this module
is cheap.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import threading
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from safetensors import SafetensorError

from mt_check.types import InputError, ModelUnavailableError, Sentence, Translation, WordScore

if TYPE_CHECKING:
    import torch

DEFAULT_BT_MODEL = "Helsinki-NLP/opus-mt-fr-en"
DEFAULT_RT_MODEL = "Helsinki-NLP/opus-mt-en-fr"

_FIX = (
    "run `mt-check models download` on a connected machine, "
    "or pass --bt-model PATH / --rt-model PATH"
)
# An unreachable hub must fail in seconds, not after the library's default 10 s per request.
_HUB_TIMEOUT_S = 5.0
# Everything a MarianMT checkpoint needs besides its weights.
_CONFIG_FILES = (
    "config.json",
    "generation_config.json",
    "vocab.json",
    "target_vocab.json",
    "source.spm",
    "target.spm",
    "tokenizer_config.json",
    "special_tokens_map.json",
)
_SNAPSHOT_DIR = re.compile(r"models--[^/\\]+--[^/\\]+[/\\]snapshots[/\\]([0-9a-f]{40})(?:[/\\]|$)")
_REPO_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(?:/[A-Za-z0-9][\w.-]*)?$")
_TRUE = {"1", "on", "yes", "true"}


class Translator(Protocol):
    """What the pipeline uses of a loaded model, whichever backend runs it."""

    model_id: str
    revision: str | None
    backend: str

    def translate(self, texts: Sequence[str]) -> list[tuple[str, float]]: ...

    def score(
        self, sources: Sequence[str], targets: Sequence[str]
    ) -> list[list[tuple[int, int, float]]]: ...

    def signature(self) -> str: ...


BACKENDS = ("transformers", "ctranslate2")


class MarianTranslator:
    """One loaded MarianMT model (transformers backend)."""

    backend: str = "transformers"

    def __init__(
        self,
        model_id: str,
        *,
        device: str = "cpu",
        batch_size: int = 16,
        beam: int = 4,
        max_new_tokens: int | None = None,
    ) -> None:
        _check_settings(batch_size, beam, max_new_tokens)
        import torch

        if device.startswith("cuda") and not torch.cuda.is_available():
            raise ModelUnavailableError(
                f"cuda requested but not available (model {model_id}); pass device='cpu'"
            )
        self.model_id: str = model_id
        self.device: str = device
        self.batch_size: int = batch_size
        self.beam: int = beam
        self.max_new_tokens: int | None = max_new_tokens
        path, self.revision = _locate(model_id)
        self.path: str = path
        self._tokenizer, self._model = _load(model_id, path, device)
        config = self._model.config
        self._pad_id: int = int(config.pad_token_id)
        self._eos_id: int = int(config.eos_token_id)
        start = config.decoder_start_token_id
        self._start_id: int = self._pad_id if start is None else int(start)
        self._max_positions: int = int(config.max_position_embeddings)
        self._target_vocab: dict[str, int] = _target_vocab(self._tokenizer)
        self._unk_id: int = int(self._tokenizer.unk_token_id)

    # -- public API ------------------------------------------------------------------------------

    def translate(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """Translate each text: ``(translation, mean token log-probability)``, in input order.

        The log-probability is exact: the generated token ids are re-scored by forced decoding
        (``log_softmax`` over the full vocabulary, EOS included), so generation-time logits
        processors (banned pad token, length penalty) do not enter it. Empty or whitespace-only
        texts give ``("", 0.0)`` without running the model; identical texts are translated once.
        With ``max_new_tokens=None`` a text may generate about ``2 × its length + 10`` tokens
        (``_generation_cap``); batches never mix caps, so no output depends on its batch.
        """
        import torch

        unique = list(dict.fromkeys(t for t in texts if t.strip()))
        found: dict[str, tuple[str, float]] = {}
        if unique:
            sources = self._encode_sources(unique)
            with torch.inference_mode():
                lengths = [len(s) for s in sources]
                batches = _generation_batches(
                    lengths, self.batch_size, self.max_new_tokens, self._max_positions
                )
                for cap, batch in batches:
                    src = [sources[i] for i in batch]
                    generated = self._generate(src, cap)
                    logprobs = self._forced_logprobs(src, generated)
                    decoded = self._tokenizer.batch_decode(generated, skip_special_tokens=True)
                    for i, text, lps in zip(batch, decoded, logprobs, strict=True):
                        found[unique[i]] = (text, sum(lps) / len(lps))
        return [found[t] if t.strip() else ("", 0.0) for t in texts]

    def score(
        self, sources: Sequence[str], targets: Sequence[str]
    ) -> list[list[tuple[int, int, float]]]:
        """Forced decoding: per-token log-probabilities of ``targets[i]`` given ``sources[i]``.

        Each token comes as ``(char_start, char_end, logprob)`` with offsets into ``targets[i]``;
        the span leaves out the whitespace a "▁" piece stands for (a bare "▁" piece gets the empty
        span where the next character starts), and the final EOS token gets
        ``(len(target), len(target))``. A target longer than the model's positions is cut to fit
        (its last pieces are then not scored).
        """
        import torch

        if len(sources) != len(targets):
            raise InputError(f"got {len(sources)} sources and {len(targets)} targets")
        if not sources:
            return []
        src_ids = self._encode_sources(sources)
        encoded = [self._encode_target(t) for t in targets]
        results: list[list[tuple[int, int, float]]] = [[] for _ in targets]
        lengths = [len(s) + len(ids) for s, (ids, _) in zip(src_ids, encoded, strict=True)]
        with torch.inference_mode():
            for batch in _length_batches(lengths, self.batch_size):
                logprobs = self._forced_logprobs(
                    [src_ids[i] for i in batch], [encoded[i][0] for i in batch]
                )
                for i, lps in zip(batch, logprobs, strict=True):
                    spans = encoded[i][1]
                    results[i] = [(s, e, lp) for (s, e), lp in zip(spans, lps, strict=True)]
        return results

    def signature(self) -> str:
        """``model@revision|backend|beamN``: what produced the numbers, for ``Report.meta``."""
        name = self.model_id if self.revision is None else f"{self.model_id}@{self.revision}"
        return f"{name}|{self.backend}|beam{self.beam}"

    def __repr__(self) -> str:
        return f"MarianTranslator({self.signature()!r}, device={self.device!r})"

    # -- internals -------------------------------------------------------------------------------

    def _encode_sources(self, texts: Sequence[str]) -> list[list[int]]:
        # Cut to the model's positions (the tokenizer's own limit may be larger).
        encoded = self._tokenizer(list(texts), truncation=True, max_length=self._max_positions)
        return [list(ids) for ids in encoded["input_ids"]]

    def _encode_target(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        """Target token ids (EOS appended) and each token's character span in ``text``."""
        pieces, spans = _target_pieces(self._tokenizer, text, self._max_positions)
        return [self._target_vocab.get(p, self._unk_id) for p in pieces] + [self._eos_id], spans

    def _tensors(self, seqs: Sequence[Sequence[int]]) -> tuple[torch.Tensor, torch.Tensor]:
        """Right-padded ids and their attention mask, on the model's device."""
        import torch

        width = max(len(s) for s in seqs)
        ids = torch.full((len(seqs), width), self._pad_id, dtype=torch.long)
        mask = torch.zeros((len(seqs), width), dtype=torch.long)
        for row, seq in enumerate(seqs):
            ids[row, : len(seq)] = torch.tensor(seq, dtype=torch.long)
            mask[row, : len(seq)] = 1
        return ids.to(self.device), mask.to(self.device)

    def _generate(self, sources: list[list[int]], cap: int) -> list[list[int]]:
        """Beam search of at most ``cap`` new tokens; each output's ids after the start token, up
        to and including EOS."""
        input_ids, mask = self._tensors(sources)
        out = self._model.generate(
            input_ids=input_ids,
            attention_mask=mask,
            num_beams=self.beam,
            do_sample=False,
            # As a total decoder length (start token included): passing max_new_tokens next to
            # the checkpoint's max_length makes transformers warn on every batch.
            max_length=cap + 1,
            max_new_tokens=None,
        )
        generated: list[list[int]] = []
        for row in out.tolist():
            ids = row[1:]
            if self._eos_id in ids:
                ids = ids[: ids.index(self._eos_id) + 1]
            else:
                while ids and ids[-1] == self._pad_id:
                    ids.pop()
            generated.append(ids or [self._eos_id])
        return generated

    def _forced_logprobs(
        self, sources: list[list[int]], targets: list[list[int]]
    ) -> list[list[float]]:
        """Teacher-forced log-probability of every target id (no target may be empty)."""
        import torch

        input_ids, mask = self._tensors(sources)
        decoder_ids, _ = self._tensors([[self._start_id, *t[:-1]] for t in targets])
        labels, _ = self._tensors(targets)
        # No decoder mask needed: padding sits on the right and attention is causal, so no real
        # position ever sees a pad; pad positions are dropped below.
        logits = self._model(
            input_ids=input_ids, attention_mask=mask, decoder_input_ids=decoder_ids
        ).logits
        logprobs = torch.log_softmax(logits.float(), dim=-1)
        picked = logprobs.gather(-1, labels.unsqueeze(-1)).squeeze(-1).cpu().tolist()
        return [row[: len(t)] for row, t in zip(picked, targets, strict=True)]


def _check_settings(batch_size: int, beam: int, max_new_tokens: int | None) -> None:
    if batch_size < 1 or beam < 1:
        raise InputError(f"batch_size and beam must be >= 1, got {batch_size} and {beam}")
    if max_new_tokens is not None and max_new_tokens < 1:
        raise InputError(f"max_new_tokens must be >= 1 or None, got {max_new_tokens}")


CAP_BUCKET = 8  # source tokens per generation-length bucket


def _generation_cap(max_new_tokens: int | None, length: int, max_positions: int) -> int:
    """New tokens one source of ``length`` tokens may generate (EOS included): the setting, else
    2 × its length rounded up to a multiple of CAP_BUCKET, + 10. A function of the source alone,
    so that no output depends on the batch it was translated in."""
    bucket = -(-max(length, 1) // CAP_BUCKET) * CAP_BUCKET
    cap = max_new_tokens or 2 * bucket + 10
    return min(cap, max_positions - 1)


def _generation_batches(
    lengths: Sequence[int], batch_size: int, max_new_tokens: int | None, max_positions: int
) -> list[tuple[int, list[int]]]:
    """``(cap, indices)`` batches, longest first, each holding sources of one generation cap only."""
    batches: list[tuple[int, list[int]]] = []
    for i in sorted(range(len(lengths)), key=lambda i: -lengths[i]):
        cap = _generation_cap(max_new_tokens, lengths[i], max_positions)
        if not batches or batches[-1][0] != cap or len(batches[-1][1]) >= batch_size:
            batches.append((cap, []))
        batches[-1][1].append(i)
    return batches


def _target_vocab(tokenizer: Any) -> dict[str, int]:
    """What MarianTokenizer looks target pieces up in: the shared vocabulary unless the checkpoint
    has separate ones."""
    return tokenizer.target_encoder if getattr(tokenizer, "separate_vocabs", False) else tokenizer.encoder


def _target_pieces(tokenizer: Any, text: str, max_positions: int) -> tuple[list[str], list[tuple[int, int]]]:
    """Target SentencePiece pieces of ``text`` (cut so that they and EOS fit ``max_positions``) and
    the character span of each, then EOS's ``(len(text), len(text))``."""
    pieces = _pieces_with_spans(tokenizer.spm_target, text)[: max_positions - 1]
    return [p for p, _, _ in pieces], [(s, e) for _, s, e in pieces] + [(len(text), len(text))]


def _length_batches(lengths: Sequence[int], batch_size: int) -> list[list[int]]:
    """Indices sorted longest first (stable), cut into batches."""
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    return [order[k : k + batch_size] for k in range(0, len(order), batch_size)]


def _pieces_with_spans(sp: Any, text: str) -> list[tuple[str, int, int]]:
    """SentencePiece pieces of ``text`` with character spans into ``text``.

    SentencePiece reports each piece's surface as byte offsets into the original (unnormalised)
    input; the span drops the leading whitespace that a "▁" stands for.
    """
    try:
        proto = sp.encode(text, out_type="proto")
    except ValueError:  # sentencepiece < 0.2.1 names it differently
        proto = sp.encode(text, out_type="immutable_proto")
    raw = text.encode("utf-8")
    char_at = [0] * (len(raw) + 1)
    pos = 0
    for i, ch in enumerate(text):
        n = len(ch.encode("utf-8"))
        for b in range(pos, pos + n):
            char_at[b] = i
        pos += n
    char_at[len(raw)] = len(text)
    out: list[tuple[str, int, int]] = []
    surfaces: list[str] = []
    for piece in proto.pieces:
        start, end = char_at[piece.begin], char_at[piece.end]
        surface = text[start:end]
        surfaces.append(surface)
        start += len(surface) - len(surface.lstrip())
        out.append((piece.piece, start, end))
    if out:
        first = char_at[proto.pieces[0].begin]
        last = char_at[proto.pieces[-1].end]
        if "".join(surfaces) != text[first:last]:
            raise RuntimeError(f"SentencePiece surfaces do not tile the text: {text!r}")
    return out


# -- model loading -------------------------------------------------------------------------------


def _offline() -> bool:
    """HF_HUB_OFFLINE / TRANSFORMERS_OFFLINE, read now (huggingface_hub reads them at import)."""
    from huggingface_hub import constants

    env = (os.environ.get(v, "").strip().lower() for v in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"))
    return any(v in _TRUE for v in env) or bool(constants.HF_HUB_OFFLINE)


def _looks_like_path(model_id: str) -> bool:
    return (
        os.path.isabs(model_id)
        or model_id.startswith((".", "~"))
        or "\\" in model_id
        or _REPO_ID.match(model_id) is None
    )


def _locate(model_id: str) -> tuple[str, str | None]:
    """Local directory holding the model, and the hub snapshot's commit hash when known."""
    if os.path.isdir(os.path.expanduser(model_id)):
        path = str(Path(model_id).expanduser().resolve())
        match = _SNAPSHOT_DIR.search(path)
        return path, match.group(1) if match else None
    if _looks_like_path(model_id):
        # A typed path: the download hint (for hub ids) would mislead.
        raise ModelUnavailableError(f"model path {model_id} does not exist")
    from huggingface_hub import snapshot_download
    from huggingface_hub.utils import LocalEntryNotFoundError

    try:
        # Only config.json is required here: a snapshot fetched with download_models() lacks the
        # repository's other files (TF/Rust weights), and loading checks the rest.
        path = snapshot_download(model_id, local_files_only=True, allow_patterns=["config.json"])
    except LocalEntryNotFoundError:
        if _offline():
            raise ModelUnavailableError(
                f"model {model_id} is not in the Hugging Face cache and HF_HUB_OFFLINE is set "
                f"(nor is it a local directory); {_FIX}"
            ) from None
        # Nothing is fetched unless the user asks (`mt-check models download`).
        raise ModelUnavailableError(
            f"model {model_id} is not in the Hugging Face cache (nor is it a local directory); {_FIX}"
        ) from None
    match = _SNAPSHOT_DIR.search(path)
    return path, match.group(1) if match else None


# -- checking the models a user named, before any work -------------------------------------------

_LANGUAGE_NAMES = {"fr": "French", "en": "English"}
_ISO_639_2 = {"fra": "fr", "fre": "fr", "eng": "en", "deu": "de", "ger": "de", "spa": "es", "ita": "it"}
# OPUS-MT's naming (Helsinki-NLP/opus-mt-fr-en): what a hub id says when its files are not cached.
_PAIR_IN_ID = re.compile(r"opus-mt-([a-z]{2,3})-([a-z]{2,3})$")


def _language(code: Any) -> str | None:
    """A two-letter code for what a model file declares ("fr", "fra"), else None (unknown:
    "mul", "ROMANCE" and the like are never refused)."""
    if not isinstance(code, str):
        return None
    code = code.strip().lower().replace("_", "-").split("-")[0]
    code = _ISO_639_2.get(code, code)
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def model_languages(model_id: str) -> tuple[str | None, str | None, str] | None:
    """``(source, target, where they were read)`` of a local directory or a cached hub model:
    from tokenizer_config.json (MarianTokenizer's ``source_lang``/``target_lang``), else
    config.json, else an OPUS-MT hub id's name; None when nothing says."""
    try:
        path: str | None = _locate(model_id)[0]
    except ModelUnavailableError:
        path = None
    for name in ("tokenizer_config.json", "config.json") if path else ():
        try:
            settings = json.loads((Path(path) / name).read_text(encoding="utf-8"))  # type: ignore[arg-type]
        except (OSError, ValueError):
            continue
        if not isinstance(settings, dict):
            continue
        source = _language(settings.get("source_lang", settings.get("src_lang")))
        target = _language(settings.get("target_lang", settings.get("tgt_lang")))
        if source or target:
            return source, target, name
    match = _PAIR_IN_ID.search(model_id) if not _looks_like_path(model_id) else None
    if match:
        return _language(match.group(1)), _language(match.group(2)), "its name"
    return None


def check_model_path(option: str, model_id: str) -> None:
    """Refuse a model path that does not exist or is not a MarianMT model directory (InputError,
    naming ``option``). Hub ids pass: one missing from the cache is loading's concern."""
    expanded = os.path.expanduser(model_id)
    if os.path.isdir(expanded):
        config = Path(expanded) / "config.json"
        if not config.is_file():
            raise InputError(f"{option} {model_id}: not a MarianMT model directory (no config.json)")
        try:
            settings = json.loads(config.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise InputError(f"{option} {model_id}: config.json cannot be read ({first})") from None
        model_type = settings.get("model_type") if isinstance(settings, dict) else None
        if model_type != "marian":
            raise InputError(f"{option} {model_id}: a {model_type!r} model, not MarianMT")
    elif os.path.exists(expanded):
        raise InputError(f"{option} {model_id}: a file, not a model directory")
    elif _looks_like_path(model_id):
        raise InputError(f"{option} {model_id}: no such model directory")


def _direction(languages: tuple[str | None, str | None, str]) -> str:
    source, target = (_LANGUAGE_NAMES.get(c or "", c or "?") for c in languages[:2])
    return f"{source}→{target}"


def check_model_directions(
    bt_model: str | None,
    rt_model: str | None,
    bt_option: str = "--bt-model",
    rt_option: str = "--rt-model",
) -> None:
    """Refuse (InputError) a back-translation model that does not translate French→English, a
    round-trip model that does not translate English→French, or the two swapped, as far as
    their files say (see :func:`model_languages`; an unknown direction passes)."""
    wanted = {bt_option: ("fr", "en"), rt_option: ("en", "fr")}
    found = {
        option: model_languages(model) if model is not None else None
        for option, model in ((bt_option, bt_model), (rt_option, rt_model))
    }
    bt, rt = found[bt_option], found[rt_option]
    if bt and rt and bt[:2] == wanted[rt_option] and rt[:2] == wanted[bt_option]:
        raise InputError(
            f"{bt_option} and {rt_option} are swapped: {bt_option} {bt_model} is "
            f"{_direction(bt)} and {rt_option} {rt_model} is {_direction(rt)} (from {bt[2]}); "
            f"{bt_option} needs French→English and {rt_option} English→French"
        )
    for option, model in ((bt_option, bt_model), (rt_option, rt_model)):
        languages = found[option]
        if languages is None:
            continue
        want = wanted[option]
        if any(got is not None and got != need for got, need in zip(languages[:2], want, strict=True)):
            raise InputError(
                f"{option} {model} translates {_direction(languages)} (from {languages[2]}); "
                f"{option} needs {_direction((*want, ''))}"
            )


# What loading a damaged model raises: SentencePiece and transformers' shape check raise
# RuntimeError, safetensors its own SafetensorError (an Exception).
_LOAD_ERRORS = (OSError, ValueError, KeyError, TypeError, AssertionError, RuntimeError, SafetensorError)
_SPM_PARSE = re.compile(r"could not parse ModelProto from (\S+)")
_CORRUPT_FIX = "replace the damaged file (a hub model: run `mt-check models download` again)"


def _unloadable(model_id: str, path: str, error: Exception) -> ModelUnavailableError:
    problem = describe_model_error(path, error)
    if problem is not None:
        return ModelUnavailableError(f"model {model_id} cannot be used: {problem}")
    first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return ModelUnavailableError(f"model {model_id} could not be loaded from {path} ({first}); {_FIX}")


def describe_model_error(path: str, error: BaseException) -> str | None:
    """Which file of the model directory ``path`` is damaged and how, for the errors loading
    raises on a truncated safetensors file, a corrupt SentencePiece model, weights whose
    shapes are not the ones config.json describes or a pickle holding more than tensors, with
    the fix; None for any other error."""
    import pickle

    if isinstance(error, pickle.UnpicklingError):
        return (
            f"{Path(path) / 'pytorch_model.bin'} holds objects other than tensors, which mt-check "
            "never unpickles; use a checkpoint with model.safetensors"
        )
    if isinstance(error, SafetensorError):
        return f"{_bad_safetensors(path)} is truncated or corrupt ({_first_line(error)}); {_CORRUPT_FIX}"
    text = str(error)
    spm = _SPM_PARSE.search(text)
    if spm is not None:
        return f"{spm.group(1)} is not a valid SentencePiece model (truncated or corrupt); {_CORRUPT_FIX}"
    if isinstance(error, RuntimeError) and ("mismatch" in text or "size" in text):
        found = _shape_mismatch(path) or f"the weights do not fit config.json ({_first_line(error)})"
        return f"{found}; {_CORRUPT_FIX}"
    return None


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _bad_safetensors(path: str) -> str:
    """The first safetensors file of ``path`` that safetensors cannot open (else the usual name)."""
    from safetensors import safe_open

    for file in sorted(Path(path).glob("*.safetensors")):
        try:
            with safe_open(str(file), framework="np"):
                pass
        except (SafetensorError, OSError):
            return str(file)
    return str(Path(path) / "model.safetensors")


def _shape_mismatch(path: str) -> str | None:
    """``"model.safetensors: W is [a, b], config.json makes it [c, d]"`` for the first tensor
    whose shape differs from the model config.json describes (built on the meta device: no
    memory, no weights), or None when that cannot be told."""
    try:
        import torch
        from safetensors import safe_open
        from transformers import MarianConfig, MarianMTModel

        config = MarianConfig.from_pretrained(path, local_files_only=True)
        with torch.device("meta"):
            expected = {k: list(v.shape) for k, v in MarianMTModel(config).state_dict().items()}
        for file in sorted(Path(path).glob("*.safetensors")):
            with safe_open(str(file), framework="np") as weights:
                for key in weights.keys():  # noqa: SIM118 (safe_open is not a mapping)
                    shape = list(weights.get_slice(key).get_shape())
                    want = expected.get(key) or expected.get(f"model.{key}")
                    if want is not None and want != shape:
                        return f"{file}: {key} is {shape}, config.json makes it {want}"
    except Exception:  # noqa: BLE001 (only a better message is lost)
        return None
    return None


def _load_tokenizer(model_id: str, path: str) -> tuple[Any, Any]:
    """The MarianConfig and MarianTokenizer of a local model directory."""
    from transformers import MarianConfig

    try:
        config = MarianConfig.from_pretrained(path, local_files_only=True)
    except _LOAD_ERRORS as error:
        raise _unloadable(model_id, path, error) from error
    _check_marian(model_id, config.model_type)
    return config, _marian_tokenizer(model_id, path)


def _load_tokenizer_without_torch(model_id: str, path: str) -> tuple[int, Any]:
    """The model's maximum positions and its MarianTokenizer, for the CTranslate2 backend.

    config.json is read as JSON: transformers' configuration classes import torch (180 MB),
    which nothing else in a CTranslate2 run needs.
    """
    try:
        settings = json.loads((Path(path) / "config.json").read_text(encoding="utf-8"))
        if not isinstance(settings, dict):
            raise ValueError("config.json does not hold a JSON object")
        # MarianConfig's default when the file leaves it out.
        positions = int(settings.get("max_position_embeddings", 1024))
    except _LOAD_ERRORS as error:  # json.JSONDecodeError is a ValueError
        raise _unloadable(model_id, path, error) from error
    _check_marian(model_id, settings.get("model_type"))
    return positions, _marian_tokenizer(model_id, path)


def _check_marian(model_id: str, model_type: Any) -> None:
    if model_type != "marian":
        raise ModelUnavailableError(f"model {model_id} is a {model_type!r} model, not MarianMT")


def _marian_tokenizer(model_id: str, path: str) -> Any:
    from transformers import MarianTokenizer

    try:
        with warnings.catch_warnings():
            # MarianTokenizer recommends sacremoses for a normaliser it never applies.
            warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")
            return MarianTokenizer.from_pretrained(path, local_files_only=True)
    except _LOAD_ERRORS as error:
        raise _unloadable(model_id, path, error) from error


def _load(model_id: str, path: str, device: str) -> tuple[Any, Any]:
    import pickle

    from transformers import MarianMTModel

    config, tokenizer = _load_tokenizer(model_id, path)
    try:
        # The concrete Marian classes never import code from the model directory (auto_map is
        # ignored, remote code never trusted); safetensors is preferred when present, and a
        # pytorch_model.bin goes through torch's weights-only unpickler (transformers' default).
        with quiet_loading():  # transformers' load report would print the mismatch table
            model: Any = MarianMTModel.from_pretrained(path, config=config, local_files_only=True)
    except pickle.UnpicklingError:
        raise ModelUnavailableError(
            f"model {model_id} could not be loaded from {path}: its weights file holds objects "
            "other than tensors, which mt-check never unpickles; use a checkpoint with "
            "model.safetensors"
        ) from None
    except _LOAD_ERRORS as error:
        raise _unloadable(model_id, path, error) from error
    model.to(device)
    model.eval()
    return tokenizer, model


@contextlib.contextmanager
def quiet_loading() -> Iterator[None]:
    """transformers' logging at error level while a model loads: its load report (a table of
    mismatched or missing weights) is not for mt-check's users, who get one warning instead."""
    from transformers.utils import logging as hf_logging

    level = hf_logging.get_verbosity()
    hf_logging.set_verbosity_error()
    try:
        yield
    finally:
        hf_logging.set_verbosity(level)


_CACHE: dict[tuple[str, str, tuple[tuple[str, Any], ...]], Translator] = {}
_CACHE_LOCK = threading.Lock()


def load_translator(model_id: str, backend: str = "transformers", **opts: Any) -> Translator:
    """The process-wide translator for ``(model_id, backend, opts)``: each model is loaded once.

    ``backend`` is ``"transformers"`` (:class:`MarianTranslator`) or ``"ctranslate2"``
    (:class:`mt_check.translate_ct2.CTranslate2Translator`); both take the same ``opts``.
    """
    if backend not in BACKENDS:
        raise InputError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    key = (model_id, backend, tuple(sorted(opts.items())))
    with _CACHE_LOCK:
        if key not in _CACHE:
            if backend == "ctranslate2":
                from mt_check.translate_ct2 import CTranslate2Translator

                _CACHE[key] = CTranslate2Translator(model_id, **opts)
            else:
                _CACHE[key] = MarianTranslator(model_id, **opts)
        return _CACHE[key]


def _http_client_errors() -> tuple[type[Exception], ...]:
    """The base error of the HTTP client huggingface_hub uses (httpx2, httpx; requests' is an
    OSError already)."""
    import importlib

    found: list[type[Exception]] = []
    for name in ("httpx2", "httpx"):
        try:
            found.append(importlib.import_module(name).HTTPError)
        except (ImportError, AttributeError):
            continue
    return tuple(found)


def download_models(model_ids: Sequence[str] = (DEFAULT_BT_MODEL, DEFAULT_RT_MODEL)) -> list[str]:
    """Fetch models into the Hugging Face cache (for connected machines); their local paths.

    Only the config, tokenizer and weight files are fetched: ``*.safetensors`` when the repository
    has them, else ``pytorch_model.bin``.
    """
    from huggingface_hub import HfApi, snapshot_download

    network_errors: tuple[type[Exception], ...] = (OSError, ValueError, *_http_client_errors())
    if _offline():
        raise ModelUnavailableError(
            f"cannot download {', '.join(model_ids)}: HF_HUB_OFFLINE is set; unset it on a "
            "connected machine, or pass --bt-model PATH / --rt-model PATH"
        )
    paths: list[str] = []
    for model_id in model_ids:
        try:
            info = HfApi().model_info(model_id, timeout=_HUB_TIMEOUT_S)
            names = [s.rfilename for s in info.siblings or ()]
            has_safetensors = any(n.endswith(".safetensors") for n in names)
            weights = "*.safetensors" if has_safetensors else "pytorch_model.bin"
            paths.append(
                snapshot_download(
                    model_id,
                    revision=info.sha,
                    allow_patterns=[*_CONFIG_FILES, weights],
                    etag_timeout=_HUB_TIMEOUT_S,
                )
            )
        except network_errors as error:
            reason = str(error).strip().splitlines()[0] if str(error).strip() else ""
            raise ModelUnavailableError(
                f"model {model_id} is not cached and could not be downloaded "
                f"({type(error).__name__}: {reason}); {_FIX}"
            ) from error
    return paths


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


def word_scores(
    sentence: Sentence, token_scores: list[tuple[int, int, float]]
) -> tuple[WordScore, ...]:
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


def _chunk_spans(translator: Translator, text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that each fit the model's input, cut where a word starts; ``[(0, len)]``
    when the whole text fits.

    A chunk holds at most half the model's positions (EOS included), so that its translation,
    often a little longer, fits too. Both backends keep the MarianTokenizer in ``_tokenizer`` and
    the model's positions in ``_max_positions``; a translator without them gets whole texts.
    """
    sp = getattr(getattr(translator, "_tokenizer", None), "spm_source", None)
    positions = getattr(translator, "_max_positions", None)
    if sp is None or not isinstance(positions, int) or not text.strip():
        return [(0, len(text))]
    limit = max(8, positions // 2) - 1  # pieces per chunk, EOS apart
    pieces = _pieces_with_spans(sp, text)
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


def back_translate(
    sentences: Sequence[Sentence], bt: Translator, rt: Translator | None
) -> list[Translation]:
    """Back-translate each sentence; with ``rt``, also round-trip it and force-decode the original.

    ``fd_logprob`` is the mean token log-probability (EOS included) of the ORIGINAL French given
    the back-translation under ``rt`` (the en→fr model); ``word_scores`` split it per word.
    A sentence longer than the model's input is translated in chunks cut between words (see
    ``_chunk_spans``) and reported as one Translation (``_joined``).
    """
    spans = [_chunk_spans(bt, s.text) for s in sentences]
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
    for sentence, (en, lp), (fr, _), tokens in zip(
        sentences, back, round_trips, forced, strict=True
    ):
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
    "DEFAULT_BT_MODEL",
    "DEFAULT_RT_MODEL",
    "MarianTranslator",
    "Translator",
    "back_translate",
    "check_model_directions",
    "check_model_path",
    "download_models",
    "load_translator",
    "word_scores",
]
