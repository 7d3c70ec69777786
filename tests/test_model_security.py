"""Untrusted model directories and the network: nothing in a model directory is executed, weights
never unpickle code, and nothing is downloaded unless the user asks."""

from __future__ import annotations

import json
import shutil
import socket
import sys
from pathlib import Path
from typing import Any

import pytest
import torch

from mt_check import translate
from mt_check.translate import MarianTranslator
from mt_check.types import ModelUnavailableError

_EVIL_MODULE = """\
from pathlib import Path
Path(__file__).with_name("EXECUTED").write_text("code from the model directory ran")
"""


class _Payload:
    """Unpickling this would create a file: what a malicious pytorch_model.bin does."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (open, (str(self.marker), "w"))


def _copy(model: str, tmp_path: Path) -> Path:
    directory = tmp_path / "model"
    shutil.copytree(model, directory)
    return directory


def _add_remote_code(directory: Path) -> None:
    """A custom module and auto_map entries pointing at it, as a trust_remote_code model has."""
    (directory / "modeling_evil.py").write_text(_EVIL_MODULE, encoding="utf-8")
    auto_map = {
        "AutoConfig": "modeling_evil.EvilConfig",
        "AutoModel": "modeling_evil.EvilModel",
        "AutoModelForSeq2SeqLM": "modeling_evil.EvilModel",
        "AutoTokenizer": ["modeling_evil.EvilTokenizer", None],
    }
    for name in ("config.json", "tokenizer_config.json"):
        config = json.loads((directory / name).read_text(encoding="utf-8"))
        config["auto_map"] = auto_map
        (directory / name).write_text(json.dumps(config), encoding="utf-8")


def test_code_in_a_model_directory_is_never_executed(tiny_marian_fr_en: str, tmp_path: Path) -> None:
    directory = _copy(tiny_marian_fr_en, tmp_path)
    _add_remote_code(directory)
    model = MarianTranslator(str(directory), beam=1, max_new_tokens=4)
    assert type(model._model).__name__ == "MarianMTModel"
    assert model.translate(["Le Kremlin a parlé."])[0][0] is not None
    assert not (directory / "EXECUTED").exists()
    assert "modeling_evil" not in sys.modules


def test_a_pickled_payload_in_the_weights_is_refused(tiny_marian_fr_en: str, tmp_path: Path) -> None:
    # only pytorch_model.bin, holding an object whose unpickling would run code
    directory = _copy(tiny_marian_fr_en, tmp_path)
    (directory / "model.safetensors").unlink()
    marker = tmp_path / "UNPICKLED"
    torch.save({"model.shared.weight": _Payload(marker)}, directory / "pytorch_model.bin")
    with pytest.raises(ModelUnavailableError, match="holds objects other than tensors") as error:
        MarianTranslator(str(directory))
    assert "\n" not in str(error.value)
    assert not marker.exists()


def test_safetensors_are_preferred_to_a_pickle(tiny_marian_fr_en: str, tmp_path: Path) -> None:
    # both files present: the pickle is never opened
    directory = _copy(tiny_marian_fr_en, tmp_path)
    marker = tmp_path / "UNPICKLED"
    torch.save({"model.shared.weight": _Payload(marker)}, directory / "pytorch_model.bin")
    MarianTranslator(str(directory), beam=1)
    assert not marker.exists()


def test_a_model_not_in_the_cache_is_not_downloaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # online (HF_HUB_OFFLINE unset), empty cache: an error naming the fix, and no connection
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    monkeypatch.setenv("HF_HOME", str(tmp_path))
    monkeypatch.setattr("huggingface_hub.constants.HF_HUB_OFFLINE", False)
    monkeypatch.setattr("huggingface_hub.constants.HF_HUB_CACHE", str(tmp_path / "hub"))

    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("mt-check tried to reach the network")

    monkeypatch.setattr(translate, "download_models", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    with pytest.raises(ModelUnavailableError, match="is not in the Hugging Face cache") as error:
        MarianTranslator("mt-check-tests/not-cached-anywhere")
    assert "mt-check models download" in str(error.value)
