"""The CTranslate2 backend against the transformers one, on the tiny random-weight MarianMT models:
same interface and report shape, the same numbers in float32, batching that changes nothing, and
a conversion done once."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip(
    "ctranslate2", reason="the ctranslate2 backend needs the ctranslate2 package (pip install ctranslate2)"
)

import mt_check  # noqa: E402
from mt_check.translate import MarianTranslator, back_translate, load_translator  # noqa: E402
from mt_check.translate.ctranslate2 import CTranslate2Translator  # noqa: E402
from mt_check.types import InputError, ModelUnavailableError, Sentence  # noqa: E402

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

PAIRS = [
    ("The Kremlin did not use the line.", "Le Kremlin n’a pas utilisé la ligne."),
    ("Not much.", "Pas grand-chose."),
    ("", ""),
    ("Yes.", "Les États-Unis ont construit ces lignes en 1963 pour réduire les risques."),
    ("When asked, he said: not much.", "« Pas grand-chose », a-t-il répondu."),
]

DOCUMENT = (
    "Le Kremlin n’a pas utilisé la ligne spéciale. Pas grand-chose, a-t-il dit.\n"
    "Les États-Unis et la Russie ont construit ces lignes en 1963."
)


@pytest.fixture(autouse=True)
def _conversion_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Conversions go to a fresh cache directory, never to the user's."""
    monkeypatch.setenv("MT_CHECK_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _ct2(path: str, **opts: object) -> CTranslate2Translator:
    opts.setdefault("max_new_tokens", MAX_NEW)
    return CTranslate2Translator(path, **opts)  # type: ignore[arg-type]


# -- the same numbers as transformers --------------------------------------------------------------


def test_float32_score_equals_transformers(tiny_marian_en_fr: str) -> None:
    sources, targets = [s for s, _ in PAIRS], [t for _, t in PAIRS]
    want = MarianTranslator(tiny_marian_en_fr).score(sources, targets)
    got = _ct2(tiny_marian_en_fr, compute_type="float32").score(sources, targets)
    for g, w in zip(got, want, strict=True):
        assert [(s, e) for s, e, _ in g] == [(s, e) for s, e, _ in w]  # same tokens, same spans
        # CTranslate2 drops <pad> from the vocabulary: its softmax leaves out the pad logit's mass.
        assert [lp for *_, lp in g] == pytest.approx([lp for *_, lp in w], abs=1e-3)


@pytest.mark.parametrize(
    "max_new_tokens",
    [
        MAX_NEW,  # outputs stop at the cap, where the checkpoint's config forces EOS
        None,  # the default cap, 2 x the longest input of the batch + 10
    ],
)
def test_float32_greedy_translations_equal_transformers(
    tiny_marian_fr_en: str, max_new_tokens: int | None
) -> None:
    want = MarianTranslator(tiny_marian_fr_en, beam=1, max_new_tokens=max_new_tokens).translate(TEXTS)
    ct2 = _ct2(tiny_marian_fr_en, beam=1, max_new_tokens=max_new_tokens, compute_type="float32")
    got = ct2.translate(TEXTS)
    assert [t for t, _ in got] == [t for t, _ in want]
    assert [lp for _, lp in got] == pytest.approx([lp for _, lp in want], abs=1e-3)


def test_back_translate_runs_on_either_backend(tiny_marian_fr_en: str, tiny_marian_en_fr: str) -> None:
    doc = "Le Kremlin n’a rien dit. Pas grand-chose."
    sentences = [Sentence("d", 0, 0, 24, doc[0:24]), Sentence("d", 1, 25, 41, doc[25:41])]
    bt, rt = _ct2(tiny_marian_fr_en), _ct2(tiny_marian_en_fr)
    out = back_translate(sentences, bt, rt)
    assert [t.back_translation for t in out] == [en for en, _ in bt.translate([s.text for s in sentences])]
    assert all(t.round_trip is not None and t.fd_logprob is not None for t in out)
    assert all(doc[w.start : w.end] == w.word for t in out for w in t.word_scores)


def test_check_reports_have_the_same_shape_on_both_backends(
    tiny_marian_fr_en: str, tiny_marian_en_fr: str
) -> None:
    options = dict(bt_model=tiny_marian_fr_en, rt_model=tiny_marian_en_fr, max_new_tokens=MAX_NEW,
                   cache=False, require_models=True)  # fmt: skip
    texts = [DOCUMENT, "Oui. Non.", DOCUMENT]
    hf = mt_check.check(texts, **options)
    ct2 = mt_check.check(texts, backend="ctranslate2", **options)
    assert list(ct2.sentences.columns) == list(hf.sentences.columns)
    assert list(ct2.issues.columns) == list(hf.issues.columns)
    assert list(ct2.documents.columns) == list(hf.documents.columns)
    order = ["doc_id", "sent_id", "start", "end"]
    assert ct2.sentences[order].values.tolist() == hf.sentences[order].values.tolist()
    assert ct2.sentences["back_translation"].notna().all()
    stages = ct2.meta["stages"]
    assert stages["back_translation"] == stages["round_trip"] == stages["forced_decoding"] == "ran"
    assert {m["backend"] for m in ct2.meta["models"].values()} == {"ctranslate2"}
    assert "|ctranslate2:int8|beam4" in ct2.meta["signature"]
    assert "|transformers|beam4" in hf.meta["signature"]


# -- batching ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "batch_size",
    [
        3,  # several padded batches, a batch boundary inside the duplicates
        16,  # everything in one padded batch
    ],
)
def test_translate_batching_changes_nothing(tiny_marian_fr_en: str, batch_size: int) -> None:
    one_by_one = [_ct2(tiny_marian_fr_en, batch_size=1).translate([t])[0] for t in TEXTS]
    batched = _ct2(tiny_marian_fr_en, batch_size=batch_size).translate(TEXTS)
    assert [t for t, _ in batched] == [t for t, _ in one_by_one]
    assert [lp for _, lp in batched] == pytest.approx([lp for _, lp in one_by_one], abs=1e-4)
    assert batched[2] == batched[5] == ("", 0.0)  # empty and blank texts: no model run
    assert batched[1] == batched[4]


@pytest.mark.parametrize(
    "batch_size",
    [
        2,  # padded batches of mixed lengths
        16,  # one batch: the shortest pair is padded the most
    ],
)
def test_score_batching_changes_nothing(tiny_marian_en_fr: str, batch_size: int) -> None:
    single = [_ct2(tiny_marian_en_fr, batch_size=1).score([s], [t])[0] for s, t in PAIRS]
    batched = _ct2(tiny_marian_en_fr, batch_size=batch_size).score(
        [s for s, _ in PAIRS], [t for _, t in PAIRS]
    )
    for got, want in zip(batched, single, strict=True):
        assert [(s, e) for s, e, _ in got] == [(s, e) for s, e, _ in want]
        assert [lp for *_, lp in got] == pytest.approx([lp for *_, lp in want], abs=1e-4)


# -- conversion ----------------------------------------------------------------------------------


def test_conversion_happens_once(
    tiny_marian_fr_en: str, _conversion_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _ct2(tiny_marian_fr_en)
    assert first.model_dir.parent == _conversion_cache / "ct2"
    model_bin = first.model_dir / "model.bin"
    stamp = model_bin.stat().st_mtime_ns

    from ctranslate2.converters import TransformersConverter

    def refuse(*args: object, **kwargs: object) -> str:
        raise AssertionError("converted a second time")

    monkeypatch.setattr(TransformersConverter, "convert", refuse)
    second = _ct2(tiny_marian_fr_en)
    assert second.model_dir == first.model_dir
    assert model_bin.stat().st_mtime_ns == stamp
    assert [p.name for p in (_conversion_cache / "ct2").iterdir()] == [first.model_dir.name]  # no temp dirs
    assert second.translate(["Oui."]) == first.translate(["Oui."])


def test_each_quantization_has_its_own_conversion(tiny_marian_fr_en: str, _conversion_cache: Path) -> None:
    int8 = _ct2(tiny_marian_fr_en)
    float32 = _ct2(tiny_marian_fr_en, compute_type="float32")
    assert int8.model_dir != float32.model_dir
    assert int8.model_dir.name.startswith(f"{Path(tiny_marian_fr_en).name}-int8-")
    assert sorted(p.name for p in (_conversion_cache / "ct2").iterdir()) == sorted(
        [int8.model_dir.name, float32.model_dir.name]
    )


# -- interface and errors ------------------------------------------------------------------------


def test_load_translator_dispatches_on_backend(tiny_marian_fr_en: str) -> None:
    ct2 = load_translator(tiny_marian_fr_en, backend="ctranslate2", max_new_tokens=MAX_NEW)
    assert isinstance(ct2, CTranslate2Translator) and ct2.backend == "ctranslate2"
    assert load_translator(tiny_marian_fr_en, backend="ctranslate2", max_new_tokens=MAX_NEW) is ct2
    hf = load_translator(tiny_marian_fr_en, max_new_tokens=MAX_NEW)
    assert isinstance(hf, MarianTranslator) and hf is not ct2
    with pytest.raises(InputError, match="unknown backend 'onnx'; choose one of transformers, ctranslate2"):
        load_translator(tiny_marian_fr_en, backend="onnx")


def test_signature_names_backend_and_compute_type(tiny_marian_fr_en: str) -> None:
    translator = _ct2(tiny_marian_fr_en, beam=2)
    assert translator.revision is None and translator.model_id == tiny_marian_fr_en
    assert translator.signature() == f"{tiny_marian_fr_en}|ctranslate2:int8|beam2"


def test_cuda_requested_without_a_gpu(tiny_marian_fr_en: str) -> None:
    import ctranslate2

    if ctranslate2.get_cuda_device_count() > 0:
        pytest.skip("this machine has a GPU CTranslate2 can use")
    with pytest.raises(ModelUnavailableError, match="cuda requested but CTranslate2 sees 0") as error:
        _ct2(tiny_marian_fr_en, device="cuda")
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("opts", "error", "fragment"),
    [
        ({"device": "gpu"}, InputError, "device must be cpu, cuda or cuda:N, got 'gpu'"),
        ({"beam": 0}, InputError, "batch_size and beam must be >= 1, got 16 and 0"),
        ({"compute_type": "bfloat8"}, ModelUnavailableError, "compute type bfloat8 is not supported"),
    ],
)
def test_bad_settings_fail_before_loading(
    tiny_marian_fr_en: str, opts: dict[str, object], error: type[Exception], fragment: str
) -> None:
    with pytest.raises(error, match=fragment):
        _ct2(tiny_marian_fr_en, **opts)


def test_directory_without_a_model_is_unavailable(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailableError, match=f"model {tmp_path} could not be loaded"):
        CTranslate2Translator(str(tmp_path))


@pytest.mark.slow  # a subprocess or worker-process run: CI runs it, day-to-day runs skip it
def test_a_converted_model_runs_the_whole_pipeline_without_torch(
    tiny_marian_fr_en: str, tiny_marian_en_fr: str, _conversion_cache: Path
) -> None:
    """Once converted, a CTranslate2 run needs no torch: neither the tokenizer (config.json is read
    as JSON) nor spaCy (thinc's torch import is hidden) load it, which saves ~180 MB."""
    import json
    import os
    import subprocess
    import sys

    for model in (tiny_marian_fr_en, tiny_marian_en_fr):
        _ct2(model)  # converts (the converter itself needs torch)
    script = (
        "import json, sys\n"
        "import mt_check\n"
        f"r = mt_check.check({DOCUMENT!r}, bt_model={tiny_marian_fr_en!r}, rt_model={tiny_marian_en_fr!r}, "
        f"backend='ctranslate2', max_new_tokens={MAX_NEW}, cache=False, require_models=True)\n"
        "print(json.dumps([r.meta['stages']['forced_decoding'], r.meta['stages']['parse'], "
        "len(r.sentences), 'torch' in sys.modules]))\n"
        "import torch  # still importable afterwards\n"
    )
    env = {**os.environ, "MT_CHECK_CACHE": str(_conversion_cache)}
    command = [sys.executable, "-c", script]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1]) == ["ran", "ran", 3, False]
