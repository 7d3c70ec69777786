"""Shared pytest fixtures. Each group sits under its own header; fixtures never use the network."""

from __future__ import annotations

import io
import json
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Checkers left on the default cache directory write to a temporary one, never to the
    user's ~/.cache/mt-check (checked documents and translations would outlive the tests)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MT_CHECK_CACHE", str(tmp_path_factory.mktemp("mt-check-cache")))
        yield

# ---------------------------------------------------------------------------------------------
# Tiny MarianMT models (translate.py): real SentencePiece vocabularies, random weights, written
# to disk and loaded through MarianTranslator(path) like a user's local model directory.
# ---------------------------------------------------------------------------------------------

_SAMPLE_ARTICLE = REPO / "data" / "kremlin_hotline_fr.txt"
_GSD_DEV = REPO.parent / "shared" / "data" / "ud_french_gsd" / "fr_gsd-ud-dev.conllu"

_ENGLISH = """\
The Kremlin said the special phone line between Russia and the United States has not been used.
Special telephone lines were built in 1963 to reduce the risk of a nuclear war.
"We have a special secure channel for communication between the presidents," he said.
But when asked whether the channel was being used, he replied: "Not much."
President Vladimir Putin lowered the threshold for nuclear strikes on Tuesday.
Ukraine itself used American ATACMS missiles to strike Russian territory.
The spokesman told the state news agency TASS that video calls were also possible.
Washington had allowed Kyiv to use weapons made in the United States to hit targets in Russia.
Tensions between Moscow and Washington are at their highest level in decades.
It's the first time the two leaders haven't spoken since the crisis began.
The Cuban missile crisis of October 1962 brought the world close to a nuclear war.
Officials on both sides say direct communication is essential to avoid misunderstandings.
Analysts warn that the risk of escalation is growing every week.
The White House declined to comment on the report, a spokeswoman said on Wednesday.
Reporters asked about the state of relations; the answer was short and vague.
""".splitlines()


def _training_lines(extra: list[str]) -> list[str]:
    lines = [line.strip() for line in _SAMPLE_ARTICLE.read_text(encoding="utf-8").splitlines()]
    if _GSD_DEV.exists():  # absent in some checkouts; the sample article alone is enough
        with _GSD_DEV.open(encoding="utf-8") as handle:
            gsd = [line[len("# text = ") :].strip() for line in handle if line.startswith("# text = ")]
        lines += gsd[:300]
    return [line for line in lines + extra if line]


def _train_spm(lines: list[str], vocab_size: int) -> bytes:
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        num_threads=1,
        minloglevel=2,
    )
    return model.getvalue()


@pytest.fixture(scope="session")
def _tiny_spm_models() -> dict[str, bytes]:
    # English trains on the article too: character coverage matters more than the language here.
    return {
        "fr": _train_spm(_training_lines([]), 400),
        "en": _train_spm([*_ENGLISH, *_training_lines([])[:20]], 300),
    }


def _marian_vocab(*models: bytes) -> dict[str, int]:
    """Marian's layout: </s> 0, <unk> 1, the union of the pieces, <pad> last."""
    import sentencepiece as spm

    vocab = {"</s>": 0, "<unk>": 1}
    for proto in models:
        sp = spm.SentencePieceProcessor(model_proto=proto)
        for i in range(sp.get_piece_size()):
            if not (sp.is_control(i) or sp.is_unknown(i)):
                vocab.setdefault(sp.id_to_piece(i), len(vocab))
    vocab["<pad>"] = len(vocab)
    return vocab


def _build_tiny_marian(
    directory: Path, source: bytes, target: bytes, langs: tuple[str, str], seed: int
) -> str:
    import torch
    from transformers import GenerationConfig, MarianConfig, MarianMTModel, MarianTokenizer

    directory.mkdir(parents=True, exist_ok=True)
    (directory / "source.spm").write_bytes(source)
    (directory / "target.spm").write_bytes(target)
    vocab = _marian_vocab(source, target)
    (directory / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    pad = vocab["<pad>"]
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Recommended: pip install sacremoses")
        tokenizer = MarianTokenizer(
            source_spm=str(directory / "source.spm"),
            target_spm=str(directory / "target.spm"),
            vocab=str(directory / "vocab.json"),
            source_lang=langs[0],
            target_lang=langs[1],
        )
    tokenizer.save_pretrained(str(directory))
    config = MarianConfig(
        vocab_size=len(vocab),
        d_model=32,
        encoder_layers=2,
        decoder_layers=2,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=512,
        # Wider than the default 0.02 so the random model's distributions are not flat and
        # beam search has no near-ties that rounding noise could flip.
        init_std=0.5,
        pad_token_id=pad,
        eos_token_id=0,
        decoder_start_token_id=pad,
        forced_eos_token_id=0,
    )
    with torch.random.fork_rng():
        torch.manual_seed(seed)
        model = MarianMTModel(config)
    # As in the OPUS-MT checkpoints: pad is never generated.
    model.generation_config = GenerationConfig(
        decoder_start_token_id=pad,
        pad_token_id=pad,
        eos_token_id=0,
        forced_eos_token_id=0,
        bad_words_ids=[[pad]],
        num_beams=4,
        max_length=512,
    )
    model.save_pretrained(str(directory), safe_serialization=True)
    return str(directory)


@pytest.fixture(scope="session")
def tiny_marian_fr_en(
    tmp_path_factory: pytest.TempPathFactory, _tiny_spm_models: dict[str, bytes]
) -> str:
    """Path of a tiny random-weight fr→en MarianMT model directory."""
    return _build_tiny_marian(
        tmp_path_factory.mktemp("tiny-opus-mt-fr-en"),
        _tiny_spm_models["fr"],
        _tiny_spm_models["en"],
        ("fr", "en"),
        seed=1234,
    )


@pytest.fixture(scope="session")
def tiny_marian_en_fr(
    tmp_path_factory: pytest.TempPathFactory, _tiny_spm_models: dict[str, bytes]
) -> str:
    """Path of a tiny random-weight en→fr MarianMT model directory."""
    return _build_tiny_marian(
        tmp_path_factory.mktemp("tiny-opus-mt-en-fr"),
        _tiny_spm_models["en"],
        _tiny_spm_models["fr"],
        ("en", "fr"),
        seed=4321,
    )


# ---------------------------------------------------------------------------------------------
# Detector contexts (numbers, structure, grammalecte): documents built from explicit paragraphs
# and sentences, so offsets in the tests are exact and do not depend on the segmenter.
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def fr_nlp():  # type: ignore[no-untyped-def]
    """spaCy fr_core_news_sm, loaded once (through mt_check.parse when it is there)."""
    try:
        from mt_check.parse import get_nlp
    except ImportError:
        import spacy

        return spacy.load("fr_core_news_sm")
    return get_nlp()


@pytest.fixture(scope="session")
def make_context(fr_nlp):  # type: ignore[no-untyped-def]
    """Build a DocumentContext: ``paragraphs`` is a string (one sentence), a list of sentences
    (one paragraph) or a list of lists; sentences of a paragraph are joined by one space,
    paragraphs by a newline. ``back_translations`` aligns with the sentences (None: absent)."""
    from mt_check.detectors.base import DocumentContext
    from mt_check.types import Document, Sentence, Translation

    def build(paragraphs, back_translations=None, parse=True):  # type: ignore[no-untyped-def]
        if isinstance(paragraphs, str):
            paragraphs = [[paragraphs]]
        elif paragraphs and isinstance(paragraphs[0], str):
            paragraphs = [paragraphs]
        spans: list[tuple[int, int, int]] = []
        text = ""
        for number, sentences in enumerate(paragraphs):
            if number:
                text += "\n"
            for index, sentence in enumerate(sentences):
                if index:
                    text += " "
                spans.append((len(text), len(text) + len(sentence), number))
                text += sentence
        document = Document("doc", text)
        sentences_ = tuple(
            Sentence("doc", i, start, end, text[start:end], paragraph)
            for i, (start, end, paragraph) in enumerate(spans)
        )
        translations = tuple(
            None if bt is None else Translation(back_translation=bt, bt_logprob=-1.0)
            for bt in (back_translations or [None] * len(sentences_))
        )
        parses = tuple(fr_nlp(s.text) for s in sentences_) if parse else None
        return DocumentContext(document, sentences_, translations, parses)

    return build


# ---------------------------------------------------------------------------------------------
# Lexicon, spelling and agreement (lexicon.py, parse.py, detectors/spelling.py, agreement.py):
# hunspell-fr through mt_check.lexicon, documents parsed with mt_check.parse.parse_sentences.
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def lexicon():  # type: ignore[no-untyped-def]
    from mt_check.lexicon import get_lexicon

    return get_lexicon()


@pytest.fixture(scope="session")
def parsed_document():  # type: ignore[no-untyped-def]
    """``build(text, back_translations=None)``: a DocumentContext with one sentence per line of
    ``text`` (so document offsets are easy to count), parsed by parse.parse_sentences."""
    from mt_check.detectors.base import DocumentContext
    from mt_check.parse import parse_sentences
    from mt_check.types import Document, Sentence, Translation

    def build(text, back_translations=None, doc_id="doc"):  # type: ignore[no-untyped-def]
        sentences = []
        offset = 0
        for line in text.split("\n"):
            if line.strip():
                sentences.append(Sentence(doc_id, len(sentences), offset, offset + len(line), line))
            offset += len(line) + 1
        translations = tuple(
            None if bt is None else Translation(back_translation=bt, bt_logprob=-1.0)
            for bt in (back_translations or [None] * len(sentences))
        )
        return DocumentContext(
            Document(doc_id, text), tuple(sentences), translations, parse_sentences(sentences)
        )

    return build


@pytest.fixture(scope="session")
def sample_article(parsed_document):  # type: ignore[no-untyped-def]
    """The Kremlin hotline article (one sentence per line) and its gold errors."""
    gold_path = REPO.parent / "shared" / "eval" / "kremlin_hotline_fr.gold.jsonl"
    text = (REPO / "data" / "kremlin_hotline_fr.txt").read_text(encoding="utf-8")
    gold = []
    if gold_path.exists():
        gold = json.loads(gold_path.read_text(encoding="utf-8").splitlines()[0])["errors"]
    return parsed_document(text, doc_id="kremlin_hotline_fr"), gold
