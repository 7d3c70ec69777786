"""What every translation backend shares: the :class:`Translator` protocol and :class:`MarianVocab`.

``Translator`` is all the pipeline and :func:`mt_check.translate.back_translate` use of a loaded
model, whichever backend runs it. ``MarianVocab`` is the MarianMT tokenisation both backends run
(MarianTokenizer, SentencePiece pieces with character spans) and the generation-cap policy, so that
the two backends cut, cap and batch their inputs identically; a backend only replaces the network.
Nothing here imports torch, transformers or ctranslate2.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from mt_check.types import InputError

BACKENDS = ("transformers", "ctranslate2")
CAP_BUCKET = 8  # source tokens per generation-length bucket

# (piece, char_start, char_end): a SentencePiece piece and its span in the text it came from.
Piece = tuple[str, int, int]


class Translator(Protocol):
    """What the pipeline uses of a loaded model, whichever backend runs it."""

    model_id: str
    revision: str | None
    backend: str

    @property
    def max_positions(self) -> int:
        """Source tokens (EOS included) the model reads; longer inputs are cut to fit."""
        ...

    def source_pieces(self, text: str) -> list[Piece]:
        """The source SentencePiece pieces of ``text`` with their character spans."""
        ...

    def translate(self, texts: Sequence[str]) -> list[tuple[str, float]]: ...

    def score(self, sources: Sequence[str], targets: Sequence[str]) -> list[list[tuple[int, int, float]]]: ...

    def signature(self) -> str: ...


class MarianBackend:
    """What the two backends share besides the network: their settings, where the model is, its
    vocabulary, and the parts of the :class:`Translator` protocol that only read those."""

    backend: str
    model_id: str
    device: str
    batch_size: int
    beam: int
    max_new_tokens: int | None
    path: str
    revision: str | None
    vocab: MarianVocab

    def _settings(
        self, model_id: str, device: str, batch_size: int, beam: int, max_new_tokens: int | None
    ) -> None:
        """Checked before anything loads (:func:`check_settings`), then kept."""
        check_settings(batch_size, beam, max_new_tokens)
        self.model_id, self.device, self.batch_size = model_id, device, batch_size
        self.beam, self.max_new_tokens = beam, max_new_tokens

    @property
    def max_positions(self) -> int:
        """Source tokens (EOS included) the model reads: config.json's max_position_embeddings."""
        return self.vocab.max_positions

    def source_pieces(self, text: str) -> list[Piece]:
        """The source SentencePiece pieces of ``text`` with their character spans."""
        return self.vocab.source_pieces(text)

    def _name(self) -> str:
        """``model`` or ``model@revision``: the first field of :meth:`signature`."""
        return self.model_id if self.revision is None else f"{self.model_id}@{self.revision}"


def check_settings(batch_size: int, beam: int, max_new_tokens: int | None) -> None:
    """Refuse (InputError) the settings no backend can run with."""
    if batch_size < 1 or beam < 1:
        raise InputError(f"batch_size and beam must be >= 1, got {batch_size} and {beam}")
    if max_new_tokens is not None and max_new_tokens < 1:
        raise InputError(f"max_new_tokens must be >= 1 or None, got {max_new_tokens}")


def generation_cap(max_new_tokens: int | None, length: int, max_positions: int) -> int:
    """New tokens one source of ``length`` tokens may generate (EOS included): the setting, else
    2 × its length rounded up to a multiple of CAP_BUCKET, + 10. A function of the source alone,
    so that no output depends on the batch it was translated in."""
    bucket = -(-max(length, 1) // CAP_BUCKET) * CAP_BUCKET
    cap = max_new_tokens or 2 * bucket + 10
    return min(cap, max_positions - 1)


def generation_batches(
    lengths: Sequence[int], batch_size: int, max_new_tokens: int | None, max_positions: int
) -> list[tuple[int, list[int]]]:
    """``(cap, indices)`` batches, longest first, each holding sources of one generation cap only."""
    batches: list[tuple[int, list[int]]] = []
    for i in sorted(range(len(lengths)), key=lambda i: -lengths[i]):
        cap = generation_cap(max_new_tokens, lengths[i], max_positions)
        if not batches or batches[-1][0] != cap or len(batches[-1][1]) >= batch_size:
            batches.append((cap, []))
        batches[-1][1].append(i)
    return batches


def length_batches(lengths: Sequence[int], batch_size: int) -> list[list[int]]:
    """Indices sorted longest first (stable), cut into batches."""
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    return [order[k : k + batch_size] for k in range(0, len(order), batch_size)]


def pieces_with_spans(sp: Any, text: str) -> list[Piece]:
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
    out: list[Piece] = []
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


class MarianVocab:
    """A model's MarianTokenizer and input size: how both backends tokenise, cut and cap.

    ``tokenizer`` is a loaded ``transformers.MarianTokenizer`` (see
    :func:`mt_check.translate.hub.marian_tokenizer`); ``max_positions`` the model's
    ``max_position_embeddings``, which the tokenizer's own limit may exceed.
    """

    def __init__(self, tokenizer: Any, max_positions: int) -> None:
        self.tokenizer: Any = tokenizer
        self.max_positions: int = max_positions
        # What MarianTokenizer looks target pieces up in: the shared vocabulary unless the
        # checkpoint has separate ones.
        separate = getattr(tokenizer, "separate_vocabs", False)
        self.target_vocab: dict[str, int] = tokenizer.target_encoder if separate else tokenizer.encoder
        self.unk_id: int = int(tokenizer.unk_token_id)
        self.unk_token: str = str(tokenizer.unk_token)

    def source_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Source token ids (EOS appended), cut to the model's positions."""
        encoded = self.tokenizer(list(texts), truncation=True, max_length=self.max_positions)
        return [list(ids) for ids in encoded["input_ids"]]

    def source_tokens(self, texts: Sequence[str]) -> list[list[str]]:
        """:meth:`source_ids` as token strings (for a runtime with its own copy of the vocabulary)."""
        encoded = self.tokenizer(list(texts), truncation=True, max_length=self.max_positions)
        return [self.tokenizer.convert_ids_to_tokens(ids) for ids in encoded["input_ids"]]

    def source_pieces(self, text: str) -> list[Piece]:
        """The source SentencePiece pieces of ``text`` with their character spans."""
        return pieces_with_spans(self.tokenizer.spm_source, text)

    def target_pieces(self, text: str) -> tuple[list[str], list[tuple[int, int]]]:
        """Target SentencePiece pieces of ``text`` (cut so that they and EOS fit ``max_positions``)
        and the character span of each, then EOS's ``(len(text), len(text))``."""
        pieces = pieces_with_spans(self.tokenizer.spm_target, text)[: self.max_positions - 1]
        return [p for p, _, _ in pieces], [(s, e) for _, s, e in pieces] + [(len(text), len(text))]

    def target_ids(self, pieces: Sequence[str]) -> list[int]:
        """Target vocabulary ids of ``pieces`` (unknown pieces get the unknown id)."""
        return [self.target_vocab.get(p, self.unk_id) for p in pieces]

    def known_target_pieces(self, pieces: Sequence[str]) -> list[str]:
        """``pieces`` with those outside the target vocabulary replaced by the unknown token."""
        return [p if p in self.target_vocab else self.unk_token for p in pieces]

    def token_ids(self, tokens: Sequence[str]) -> list[int]:
        return list(self.tokenizer.convert_tokens_to_ids(list(tokens)))

    def decode(self, sequences: Sequence[Sequence[int]]) -> list[str]:
        """Texts of generated id sequences, special tokens left out."""
        return list(self.tokenizer.batch_decode(sequences, skip_special_tokens=True))

    def generation_batches(
        self, lengths: Sequence[int], batch_size: int, max_new_tokens: int | None
    ) -> list[tuple[int, list[int]]]:
        """:func:`generation_batches` under this model's positions."""
        return generation_batches(lengths, batch_size, max_new_tokens, self.max_positions)


__all__ = [
    "BACKENDS",
    "CAP_BUCKET",
    "MarianBackend",
    "MarianVocab",
    "Piece",
    "Translator",
    "check_settings",
    "generation_batches",
    "generation_cap",
    "length_batches",
    "pieces_with_spans",
]
