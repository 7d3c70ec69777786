"""Finding, downloading, checking and loading MarianMT models, for both backends.

* :func:`locate`: a local directory or a model in the Hugging Face cache (nothing is ever fetched
  while checking: :func:`download_models` is the one place that reaches the network, and
  HF_HUB_OFFLINE / TRANSFORMERS_OFFLINE forbid even that);
* :func:`check_model_path`, :func:`check_model_directions`: the models a user named, refused
  before any work when they are not MarianMT or translate the wrong way;
* :func:`marian_tokenizer`, :func:`marian_positions`, :data:`LOAD_ERRORS`, :func:`unloadable`,
  :func:`describe_model_error`: loading, and one clear message naming the damaged file when a
  model directory cannot be loaded;
* :func:`first_line`, :func:`describe_error`: an exception in one line, for messages and for the
  ``errors`` cells of the stages that isolate failures (translation, parse, detectors).

torch and transformers are imported on first use.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from safetensors import SafetensorError

from mt_check.types import InputError, ModelUnavailableError

DEFAULT_BT_MODEL = "Helsinki-NLP/opus-mt-fr-en"
DEFAULT_RT_MODEL = "Helsinki-NLP/opus-mt-en-fr"

FIX = "run `mt-check models download` on a connected machine, or pass --bt-model PATH / --rt-model PATH"
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


def first_line(error: BaseException) -> str:
    """The first line of an error's message, else its type's name (never an empty string)."""
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def describe_error(error: BaseException) -> str:
    """``Type: first line of the message`` (at most 300 characters), or ``Type`` alone when the
    message is empty: what an ``errors`` cell says of an exception a stage isolated (a model
    failing on a text, spaCy or a detector failing on a document)."""
    if not str(error).strip():
        return type(error).__name__
    message = first_line(error)
    message = message if len(message) <= 300 else message[:297] + "..."
    return f"{type(error).__name__}: {message}"


# -- locating ------------------------------------------------------------------------------------


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


def locate(model_id: str) -> tuple[str, str | None]:
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
                f"(nor is it a local directory); {FIX}"
            ) from None
        # Nothing is fetched unless the user asks (`mt-check models download`).
        raise ModelUnavailableError(
            f"model {model_id} is not in the Hugging Face cache (nor is it a local directory); {FIX}"
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
        path: str | None = locate(model_id)[0]
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
            first = first_line(error)
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


# -- load errors ---------------------------------------------------------------------------------

# What loading a damaged model raises: SentencePiece and transformers' shape check raise
# RuntimeError, safetensors its own SafetensorError (an Exception).
LOAD_ERRORS = (OSError, ValueError, KeyError, TypeError, AssertionError, RuntimeError, SafetensorError)
_SPM_PARSE = re.compile(r"could not parse ModelProto from (\S+)")
_CORRUPT_FIX = "replace the damaged file (a hub model: run `mt-check models download` again)"


def unloadable(model_id: str, path: str, error: Exception) -> ModelUnavailableError:
    """The error to raise when loading ``model_id`` from ``path`` raised ``error``."""
    problem = describe_model_error(path, error)
    if problem is not None:
        return ModelUnavailableError(f"model {model_id} cannot be used: {problem}")
    first = first_line(error)
    return ModelUnavailableError(f"model {model_id} could not be loaded from {path} ({first}); {FIX}")


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
        return f"{_bad_safetensors(path)} is truncated or corrupt ({first_line(error)}); {_CORRUPT_FIX}"
    text = str(error)
    spm = _SPM_PARSE.search(text)
    if spm is not None:
        return f"{spm.group(1)} is not a valid SentencePiece model (truncated or corrupt); {_CORRUPT_FIX}"
    if isinstance(error, RuntimeError) and ("mismatch" in text or "size" in text):
        found = _shape_mismatch(path) or f"the weights do not fit config.json ({first_line(error)})"
        return f"{found}; {_CORRUPT_FIX}"
    return None


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


# -- loading what both backends share ------------------------------------------------------------


def check_marian(model_id: str, model_type: Any) -> None:
    """Refuse (ModelUnavailableError) a model whose config.json is not a MarianMT one."""
    if model_type != "marian":
        raise ModelUnavailableError(f"model {model_id} is a {model_type!r} model, not MarianMT")


def marian_positions(model_id: str, path: str) -> int:
    """The model's maximum positions, read from config.json as JSON (after checking it is a
    MarianMT model): transformers' configuration classes import torch (180 MB), which nothing
    else in a CTranslate2 run needs."""
    try:
        settings = json.loads((Path(path) / "config.json").read_text(encoding="utf-8"))
        if not isinstance(settings, dict):
            raise ValueError("config.json does not hold a JSON object")
        # MarianConfig's default when the file leaves it out.
        positions = int(settings.get("max_position_embeddings", 1024))
    except LOAD_ERRORS as error:  # json.JSONDecodeError is a ValueError
        raise unloadable(model_id, path, error) from error
    check_marian(model_id, settings.get("model_type"))
    return positions


def marian_tokenizer(model_id: str, path: str) -> Any:
    """The MarianTokenizer of a local model directory."""
    from transformers import MarianTokenizer

    try:
        with warnings.catch_warnings():
            # MarianTokenizer recommends sacremoses for a normaliser it never applies.
            warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")
            return MarianTokenizer.from_pretrained(path, local_files_only=True)
    except LOAD_ERRORS as error:
        raise unloadable(model_id, path, error) from error


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


# -- downloading ---------------------------------------------------------------------------------


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
                f"({type(error).__name__}: {reason}); {FIX}"
            ) from error
    return paths


__all__ = [
    "DEFAULT_BT_MODEL",
    "DEFAULT_RT_MODEL",
    "FIX",
    "LOAD_ERRORS",
    "check_marian",
    "check_model_directions",
    "check_model_path",
    "describe_error",
    "describe_model_error",
    "download_models",
    "first_line",
    "locate",
    "marian_positions",
    "marian_tokenizer",
    "model_languages",
    "quiet_loading",
    "unloadable",
]
