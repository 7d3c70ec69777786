"""The transformers backend: MarianMT models run by PyTorch (fp32 on CPU, or on a CUDA device).

:class:`MarianTranslator` is a :class:`~mt_check.translate.base.Translator`:

* ``translate``: beam-search translation plus the mean token log-probability of the output under
  the model;
* ``score``: forced decoding (teacher forcing) of a given target, one log-probability per target
  subword with its character span in the target text.

All inference sorts inputs by length, batches them and restores the input order, so that batching
changes no result (the tests check it). torch and transformers are imported on first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mt_check.translate.base import MarianBackend, MarianVocab, length_batches
from mt_check.translate.hub import (
    LOAD_ERRORS,
    check_marian,
    locate,
    marian_tokenizer,
    quiet_loading,
    unloadable,
)
from mt_check.types import InputError, ModelUnavailableError

if TYPE_CHECKING:
    import torch


class MarianTranslator(MarianBackend):
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
        self._settings(model_id, device, batch_size, beam, max_new_tokens)
        import torch

        if device.startswith("cuda") and not torch.cuda.is_available():
            raise ModelUnavailableError(
                f"cuda requested but not available (model {model_id}); pass device='cpu'"
            )
        self.path, self.revision = locate(model_id)
        tokenizer, self._model = _load(model_id, self.path, device)
        config = self._model.config
        self._pad_id: int = int(config.pad_token_id)
        self._eos_id: int = int(config.eos_token_id)
        start = config.decoder_start_token_id
        self._start_id: int = self._pad_id if start is None else int(start)
        self.vocab = MarianVocab(tokenizer, int(config.max_position_embeddings))

    # -- public API ------------------------------------------------------------------------------

    def translate(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """Translate each text: ``(translation, mean token log-probability)``, in input order.

        The log-probability is exact: the generated token ids are re-scored by forced decoding
        (``log_softmax`` over the full vocabulary, EOS included), so generation-time logits
        processors (banned pad token, length penalty) do not enter it. Empty or whitespace-only
        texts give ``("", 0.0)`` without running the model; identical texts are translated once.
        With ``max_new_tokens=None`` a text may generate about ``2 × its length + 10`` tokens
        (:func:`~mt_check.translate.base.generation_cap`); batches never mix caps, so no output
        depends on its batch.
        """
        import torch

        unique = list(dict.fromkeys(t for t in texts if t.strip()))
        found: dict[str, tuple[str, float]] = {}
        if unique:
            sources = self._encode_sources(unique)
            with torch.inference_mode():
                lengths = [len(s) for s in sources]
                batches = self.vocab.generation_batches(lengths, self.batch_size, self.max_new_tokens)
                for cap, batch in batches:
                    src = [sources[i] for i in batch]
                    generated = self._generate(src, cap)
                    logprobs = self._forced_logprobs(src, generated)
                    decoded = self.vocab.decode(generated)
                    for i, text, lps in zip(batch, decoded, logprobs, strict=True):
                        found[unique[i]] = (text, sum(lps) / len(lps))
        return [found[t] if t.strip() else ("", 0.0) for t in texts]

    def score(self, sources: Sequence[str], targets: Sequence[str]) -> list[list[tuple[int, int, float]]]:
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
            for batch in length_batches(lengths, self.batch_size):
                logprobs = self._forced_logprobs([src_ids[i] for i in batch], [encoded[i][0] for i in batch])
                for i, lps in zip(batch, logprobs, strict=True):
                    spans = encoded[i][1]
                    results[i] = [(s, e, lp) for (s, e), lp in zip(spans, lps, strict=True)]
        return results

    def signature(self) -> str:
        """``model@revision|backend|beamN``: what produced the numbers, for ``Report.meta``."""
        return f"{self._name()}|{self.backend}|beam{self.beam}"

    def __repr__(self) -> str:
        return f"MarianTranslator({self.signature()!r}, device={self.device!r})"

    # -- internals -------------------------------------------------------------------------------

    def _encode_sources(self, texts: Sequence[str]) -> list[list[int]]:
        return self.vocab.source_ids(texts)

    def _encode_target(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        """Target token ids (EOS appended) and each token's character span in ``text``."""
        pieces, spans = self.vocab.target_pieces(text)
        return [*self.vocab.target_ids(pieces), self._eos_id], spans

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

    def _forced_logprobs(self, sources: list[list[int]], targets: list[list[int]]) -> list[list[float]]:
        """Teacher-forced log-probability of every target id (no target may be empty)."""
        import torch

        input_ids, mask = self._tensors(sources)
        decoder_ids, _ = self._tensors([[self._start_id, *t[:-1]] for t in targets])
        labels, _ = self._tensors(targets)
        # No decoder mask needed: padding sits on the right and attention is causal, so no real
        # position ever sees a pad; pad positions are dropped below.
        logits = self._model(input_ids=input_ids, attention_mask=mask, decoder_input_ids=decoder_ids).logits
        logprobs = torch.log_softmax(logits.float(), dim=-1)
        picked = logprobs.gather(-1, labels.unsqueeze(-1)).squeeze(-1).cpu().tolist()
        return [row[: len(t)] for row, t in zip(picked, targets, strict=True)]


def _load_tokenizer(model_id: str, path: str) -> tuple[Any, Any]:
    """The MarianConfig and MarianTokenizer of a local model directory."""
    from transformers import MarianConfig

    try:
        config = MarianConfig.from_pretrained(path, local_files_only=True)
    except LOAD_ERRORS as error:
        raise unloadable(model_id, path, error) from error
    check_marian(model_id, config.model_type)
    return config, marian_tokenizer(model_id, path)


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
    except LOAD_ERRORS as error:
        raise unloadable(model_id, path, error) from error
    model.to(device)
    model.eval()
    return tokenizer, model


__all__ = ["MarianTranslator"]
