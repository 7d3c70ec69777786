"""translate.py mechanics on tiny random-weight MarianMT models: order, batching, exact scores,
offsets, loading errors. Translation quality is not tested (the weights are random)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sentencepiece as spm

from mt_check.translate import (
    MarianTranslator,
    back_translate,
    download_models,
    load_translator,
    word_scores,
)
from mt_check.types import ModelUnavailableError, Sentence

# Random weights never emit EOS on purpose: cap generation so tests stay fast.
MAX_NEW = 8

TEXTS = [
    "Le Kremlin n’a pas utilisé la ligne.",
    "Pas grand-chose.",
    "",
    "Les États-Unis et la Russie ont construit ces lignes en 1963 pour réduire les risques.",
    "Pas grand-chose.",
    "   ",
    "Oui.",
    "Mais lorsqu’on lui a demandé si cette chaîne était utilisée, il a répondu : « Pas grand-chose. »",
]


def _translator(path: str, batch_size: int = 16) -> MarianTranslator:
    return load_translator(path, batch_size=batch_size, max_new_tokens=MAX_NEW)


def _assert_same(got: list[tuple[str, float]], want: list[tuple[str, float]]) -> None:
    assert [t for t, _ in got] == [t for t, _ in want]
    assert [lp for _, lp in got] == pytest.approx([lp for _, lp in want], abs=1e-5)


# -- translate() ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "batch_size",
    [
        1,  # one text per batch: still sorted internally, order must come back
        3,  # several padded batches, a batch boundary inside the duplicates
        16,  # everything in one padded batch
    ],
)
def test_translate_batching_changes_nothing(tiny_marian_fr_en: str, batch_size: int) -> None:
    one_by_one = [_translator(tiny_marian_fr_en, 1).translate([t])[0] for t in TEXTS]
    batched = _translator(tiny_marian_fr_en, batch_size).translate(TEXTS)
    assert len(batched) == len(TEXTS)
    _assert_same(batched, one_by_one)


def test_default_length_cap_does_not_depend_on_the_batch(tiny_marian_fr_en: str) -> None:
    # Random weights run to the length cap: with the default cap (from each source's own length)
    # a short text batched with long ones must still give what it gives alone.
    alone = [load_translator(tiny_marian_fr_en, batch_size=1).translate([t])[0] for t in TEXTS]
    batched = load_translator(tiny_marian_fr_en, batch_size=16).translate(TEXTS)
    _assert_same(batched, alone)


@pytest.mark.parametrize(
    ("lengths", "batch_size", "max_new", "want"),
    [
        # one cap bucket (1..8 tokens → 26): sorted longest first, cut at the batch size
        ([3, 8, 5], 2, None, [(26, [1, 2]), (26, [0])]),
        # 9 tokens fall in the next bucket (16 → 42): never batched with 8
        ([9, 8, 16], 16, None, [(42, [2, 0]), (26, [1])]),
        # a fixed setting is one cap for all
        ([9, 8, 16], 16, 5, [(5, [2, 0, 1])]),
        # capped by the model's positions (64 - 1)
        ([40], 16, None, [(63, [0])]),
    ],
)
def test_generation_batches_hold_one_cap_each(
    lengths: list[int], batch_size: int, max_new: int | None, want: list[tuple[int, list[int]]]
) -> None:
    from mt_check.translate.base import generation_batches as _generation_batches

    assert _generation_batches(lengths, batch_size, max_new, 64) == want


@pytest.mark.parametrize(
    "text",
    [
        "",  # empty: no model run
        "   \n\t",  # whitespace only is empty too
    ],
)
def test_translate_empty_text(tiny_marian_fr_en: str, text: str) -> None:
    assert _translator(tiny_marian_fr_en).translate([text, "Oui."])[0] == ("", 0.0)


def test_translate_duplicates_give_identical_results(tiny_marian_fr_en: str) -> None:
    out = _translator(tiny_marian_fr_en).translate(["Oui.", "Pas grand-chose.", "Oui."])
    assert out[0] == out[2]
    assert _translator(tiny_marian_fr_en).translate([]) == []


@pytest.mark.filterwarnings("ignore:Recommended. pip install sacremoses")
def test_translate_logprob_is_the_exact_mean_of_the_generated_tokens(
    tiny_marian_fr_en: str,
) -> None:
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    text = "Le Kremlin n’a pas utilisé la ligne."
    tokenizer = MarianTokenizer.from_pretrained(tiny_marian_fr_en)
    model = MarianMTModel.from_pretrained(tiny_marian_fr_en).eval()
    inputs = tokenizer([text], return_tensors="pt")
    with torch.inference_mode():
        sequence = model.generate(**inputs, num_beams=4, max_length=MAX_NEW + 1)[0]
        generated = sequence[1:]  # drop the decoder start token
        generated = generated[generated != model.config.pad_token_id]
        logits = model(**inputs, decoder_input_ids=sequence[None, : len(generated)]).logits[0]
        logprobs = torch.log_softmax(logits, dim=-1).gather(-1, generated[:, None])
    translation, mean = _translator(tiny_marian_fr_en).translate([text])[0]
    assert translation == tokenizer.decode(generated, skip_special_tokens=True)
    assert mean == pytest.approx(logprobs.mean().item(), abs=1e-5)


# -- score() -------------------------------------------------------------------------------------

PAIRS = [
    ("The Kremlin did not use the line.", "Le Kremlin n’a pas utilisé la ligne."),
    ("Not much.", "Pas grand-chose."),
    ("", ""),
    ("Yes.", "Les États-Unis ont construit ces lignes en 1963 pour réduire les risques."),
    ("When asked, he said: not much.", "« Pas grand-chose », a-t-il répondu."),
]


@pytest.mark.filterwarnings("ignore:Recommended. pip install sacremoses")
def test_score_equals_log_softmax_of_the_model_logits(tiny_marian_en_fr: str) -> None:
    import torch
    from transformers import MarianMTModel, MarianTokenizer

    source, target = PAIRS[0]
    tokenizer = MarianTokenizer.from_pretrained(tiny_marian_en_fr)
    model = MarianMTModel.from_pretrained(tiny_marian_en_fr).eval()
    batch = tokenizer([source], text_target=[target], return_tensors="pt")
    with torch.inference_mode():
        logits = model(**batch).logits[0]  # labels are shifted into decoder inputs by the model
        want = torch.log_softmax(logits, dim=-1).gather(-1, batch["labels"][0][:, None])[:, 0]
    got = _translator(tiny_marian_en_fr).score([source], [target])[0]
    assert len(got) == len(want)
    assert [lp for _, _, lp in got] == pytest.approx(want.tolist(), abs=1e-5)


@pytest.mark.parametrize(
    "batch_size",
    [
        2,  # padded batches of mixed lengths
        16,  # one batch: the shortest pair is padded the most
    ],
)
def test_score_batching_changes_nothing(tiny_marian_en_fr: str, batch_size: int) -> None:
    single = [_translator(tiny_marian_en_fr, 1).score([s], [t])[0] for s, t in PAIRS]
    batched = _translator(tiny_marian_en_fr, batch_size).score(
        [s for s, _ in PAIRS], [t for _, t in PAIRS]
    )
    assert len(batched) == len(PAIRS)
    for got, want in zip(batched, single, strict=True):
        assert [(s, e) for s, e, _ in got] == [(s, e) for s, e, _ in want]
        assert [lp for _, _, lp in got] == pytest.approx([lp for _, _, lp in want], abs=1e-5)


def test_score_rejects_mismatched_lengths(tiny_marian_en_fr: str) -> None:
    from mt_check.types import InputError

    with pytest.raises(InputError, match="got 1 sources and 2 targets"):
        _translator(tiny_marian_en_fr).score(["a"], ["b", "c"])


@pytest.mark.parametrize(
    "target",
    [
        "Le Kremlin n’a pas utilisé la ligne.",  # curly apostrophe inside a word
        "Les États-Unis, en 1963 ; pas grand-chose.",  # accents, hyphens, digits, punctuation
        "  deux  espaces au début et au milieu ",  # whitespace runs and edges
        "« Pas grand-chose »",  # guillemets with spaces
        "",  # EOS only
    ],
)
def test_token_spans_slice_the_target_to_the_piece_text(
    tiny_marian_en_fr: str, target: str
) -> None:
    sp = spm.SentencePieceProcessor(model_file=str(Path(tiny_marian_en_fr) / "target.spm"))
    pieces = sp.encode(target, out_type=str)
    tokens = _translator(tiny_marian_en_fr).score(["Hello."], [target])[0]
    assert len(tokens) == len(pieces) + 1
    for piece, (start, end, _) in zip(pieces, tokens, strict=False):
        assert target[start:end] == piece.lstrip("▁")
    assert tokens[-1][:2] == (len(target), len(target))  # EOS


# -- word_scores() -------------------------------------------------------------------------------

PREFIX = "Titre du document\n\n"


def _sentence(text: str) -> tuple[str, Sentence]:
    doc = PREFIX + text + "\nSuite."
    return doc, Sentence(doc_id="d", sent_id=1, start=len(PREFIX), end=len(PREFIX) + len(text),
                         text=text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # elided article split after the curly apostrophe; hyphenated proper noun kept whole
        ("Il parle de l’escalade aux États-Unis.", ["Il", "parle", "de", "l’", "escalade", "aux",
                                                     "États-Unis"]),
        # straight apostrophe, hyphenated pronoun, digits; the comma is no word
        ("Pas grand-chose en 1962, d'après lui.", ["Pas", "grand-chose", "en", "1962", "d'",
                                                  "après", "lui"]),
        # qu’ and jusqu’ are clitics; aujourd’hui is one word; a lone dash is punctuation
        ("Qu’il vienne - jusqu’à aujourd’hui !", ["Qu’", "il", "vienne", "jusqu’", "à",
                                                  "aujourd’hui"]),
        # "a-t-il" stays one word
        ("« Non », a-t-il dit.", ["Non", "a-t-il", "dit"]),
    ],
)
def test_word_scores_words_and_document_offsets(text: str, words: list[str]) -> None:
    doc, sentence = _sentence(text)
    scores = word_scores(sentence, [(0, len(text), -1.0)])
    assert [w.word for w in scores] == words
    for w in scores:
        assert doc[w.start : w.end] == w.word
        assert w.logprob == -1.0  # the one token overlaps every word


def test_word_scores_sum_overlapping_tokens() -> None:
    _, sentence = _sentence("l’escalade, non")
    tokens = [
        (0, 0, -0.5),  # bare "▁": counts for the word starting here
        (0, 1, -1.0),  # "l"
        (1, 3, -2.0),  # "’e" straddles two words: counts for both
        (3, 10, -3.0),  # "scalade"
        (10, 11, -4.0),  # "," belongs to no word
        (12, 15, -5.0),  # "non"
        (15, 15, -6.0),  # EOS belongs to no word
    ]
    got = {w.word: w.logprob for w in word_scores(sentence, tokens)}
    assert got == {"l’": -3.5, "escalade": -5.0, "non": -5.0}


def test_word_scores_from_the_model_slice_the_document(tiny_marian_en_fr: str) -> None:
    doc, sentence = _sentence("Les États-Unis n’ont pas grand-chose à dire en 2024.")
    tokens = _translator(tiny_marian_en_fr).score(["The US has little to say."], [sentence.text])[0]
    scores = word_scores(sentence, tokens)
    assert len(scores) == 10
    assert all(doc[w.start : w.end] == w.word and w.logprob < 0 for w in scores)


# -- back_translate() ----------------------------------------------------------------------------


def _sentences() -> tuple[str, list[Sentence]]:
    doc = "Le Kremlin n’a rien dit. Pas grand-chose.\nLes États-Unis en 1963."
    spans = [(0, 24), (25, 41), (42, 65)]
    return doc, [
        Sentence(doc_id="d", sent_id=i, start=s, end=e, text=doc[s:e])
        for i, (s, e) in enumerate(spans)
    ]


def test_back_translate_without_round_trip(tiny_marian_fr_en: str) -> None:
    _, sentences = _sentences()
    bt = _translator(tiny_marian_fr_en)
    out = back_translate(sentences, bt, None)
    expected = bt.translate([s.text for s in sentences])
    assert [(t.back_translation, t.bt_logprob) for t in out] == expected
    assert all(t.round_trip is None and t.fd_logprob is None and t.word_scores == () for t in out)


def test_back_translate_with_round_trip(tiny_marian_fr_en: str, tiny_marian_en_fr: str) -> None:
    doc, sentences = _sentences()
    bt, rt = _translator(tiny_marian_fr_en), _translator(tiny_marian_en_fr)
    out = back_translate(sentences, bt, rt)
    english = [t.back_translation for t in out]
    assert english == [en for en, _ in bt.translate([s.text for s in sentences])]
    assert [t.round_trip for t in out] == [fr for fr, _ in rt.translate(english)]
    for t, sentence, tokens in zip(out, sentences, rt.score(english, [s.text for s in sentences]),
                                   strict=True):
        assert t.fd_logprob == pytest.approx(sum(lp for *_, lp in tokens) / len(tokens))
        assert t.word_scores == word_scores(sentence, tokens)
        assert t.word_scores and all(doc[w.start : w.end] == w.word for w in t.word_scores)


# -- loading -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model_id", "fragment"),
    [
        ("/nonexistent/opus-mt-fr-en", "model path /nonexistent/opus-mt-fr-en does not exist"),
        ("./models/opus-mt-fr-en", "model path ./models/opus-mt-fr-en does not exist"),
        # a well-formed hub id that no cache holds, with the hub switched off
        ("mt-check-tests/no-such-model", "model mt-check-tests/no-such-model is not in the"),
    ],
)
def test_unavailable_model_fails_fast_with_its_name(
    monkeypatch: pytest.MonkeyPatch, model_id: str, fragment: str
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    started = time.perf_counter()
    with pytest.raises(ModelUnavailableError) as error:
        MarianTranslator(model_id)
    assert time.perf_counter() - started < 5
    assert fragment in str(error.value)
    assert "\n" not in str(error.value)
    # the download hint only for a hub id missing from the cache, never for a typed path
    assert ("mt-check models download" in str(error.value)) == ("no-such-model" in model_id)


def test_download_refuses_when_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelUnavailableError, match="cannot download org/model: HF_HUB_OFFLINE"):
        download_models(["org/model"])


def test_directory_without_a_model_is_unavailable(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailableError, match=f"model {tmp_path} could not be loaded"):
        MarianTranslator(str(tmp_path))


def test_cuda_requested_without_cuda(tiny_marian_fr_en: str) -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    with pytest.raises(ModelUnavailableError, match="cuda requested but not available"):
        MarianTranslator(tiny_marian_fr_en, device="cuda")


def test_load_translator_loads_each_model_once(tiny_marian_fr_en: str) -> None:
    first = load_translator(tiny_marian_fr_en, beam=2, max_new_tokens=MAX_NEW)
    assert load_translator(tiny_marian_fr_en, max_new_tokens=MAX_NEW, beam=2) is first
    assert load_translator(tiny_marian_fr_en, beam=3, max_new_tokens=MAX_NEW) is not first


def test_signature_and_revision_of_a_local_directory(tiny_marian_fr_en: str) -> None:
    translator = _translator(tiny_marian_fr_en)
    assert translator.revision is None
    assert translator.signature() == f"{tiny_marian_fr_en}|transformers|beam4"


def test_revision_is_read_from_a_hub_cache_snapshot(
    tiny_marian_fr_en: str, tmp_path: Path
) -> None:
    commit = "0123456789abcdef0123456789abcdef01234567"
    snapshot = tmp_path / "hub" / "models--Helsinki-NLP--opus-mt-fr-en" / "snapshots" / commit
    shutil.copytree(tiny_marian_fr_en, snapshot)
    translator = MarianTranslator(str(snapshot), beam=2)
    assert translator.revision == commit
    assert translator.signature() == f"{snapshot}@{commit}|transformers|beam2"


def test_hub_id_loads_from_the_cache_offline_and_records_the_revision(
    tiny_marian_fr_en: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from huggingface_hub import constants

    commit = "89abcdef0123456789abcdef0123456789abcdef"
    repo = tmp_path / "models--mt-check-tests--tiny-fr-en"
    shutil.copytree(tiny_marian_fr_en, repo / "snapshots" / commit)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit)
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    translator = MarianTranslator("mt-check-tests/tiny-fr-en", max_new_tokens=MAX_NEW)
    assert translator.revision == commit
    assert translator.signature() == f"mt-check-tests/tiny-fr-en@{commit}|transformers|beam4"
    assert translator.translate(["Oui."]) == _translator(tiny_marian_fr_en).translate(["Oui."])


def test_import_is_cheap() -> None:
    code = "import sys, mt_check.translate; print('torch' in sys.modules, 'transformers' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
