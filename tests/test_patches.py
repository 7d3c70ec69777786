"""The patches mt-check makes to third-party code: each gives the library's own output, each is
left off (with a logged reason) where the patched library's version is not one it was tested
with, and hiding torch from thinc leaves every other thread's ``import torch`` alone."""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from markers import needs_grammalecte

from mt_check import parse
from mt_check.detectors import grammalecte as glc

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO.parent / "shared" / "data" / "kremlin_hotline_fr.txt"
GSD_DEV = REPO.parent / "shared" / "data" / "ud_french_gsd" / "fr_gsd-ud-dev.conllu"


def _texts() -> list[str]:
    """The sample article's paragraphs, then the first 200 sentences of UD French GSD dev."""
    if not (SAMPLE.exists() and GSD_DEV.exists()):
        pytest.skip(f"{SAMPLE} and {GSD_DEV} are needed (../shared/data in this checkout)")
    article = [line.strip() for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    with GSD_DEV.open(encoding="utf-8") as handle:
        gsd = [line[len("# text = ") :].strip() for line in handle if line.startswith("# text = ")]
    assert len(gsd) >= 200
    return article + gsd[:200]


# Runs in a fresh interpreter that never imports mt_check: Grammalecte exactly as installed.
_PLAIN_GRAMMALECTE = """\
import json, sys
import grammalecte
texts, options = json.load(sys.stdin)
engine = grammalecte.GrammarChecker("fr").getGCEngine()
print(json.dumps([list(engine.parse(text, "FR", dOptions=options)) for text in texts], sort_keys=True))
"""


def _child(script: str, stdin: str = "", timeout: int = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    return subprocess.run(
        [sys.executable, "-c", script], input=stdin, capture_output=True, text=True, env=env,
        timeout=timeout, cwd=REPO,
    )


# -- Grammalecte's regex cache (_CompiledPatterns) -----------------------------------------------


@pytest.mark.slow
@needs_grammalecte
def test_regex_cache_gives_grammalecte_s_own_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every option on, the sample article and 200 GSD sentences: the same errors, field for field,
    # as an unpatched Grammalecte in a fresh process.
    from grammalecte.fr import gc_engine, gc_functions

    engine = glc._checker().getGCEngine()
    for module in (gc_engine, gc_functions):  # the patch, even on a version not yet tested
        if not isinstance(module.re, glc._CompiledPatterns):
            monkeypatch.setattr(module, "re", glc._CompiledPatterns())
    texts = _texts()
    options = glc.engine_options(glc.all_families())
    patched = json.loads(json.dumps(
        [list(engine.parse(text, "FR", dOptions=dict(options))) for text in texts], sort_keys=True
    ))
    done = _child(_PLAIN_GRAMMALECTE, json.dumps([texts, options]))
    assert done.returncode == 0, done.stderr
    plain = json.loads(done.stdout)
    assert len(plain) == len(texts)
    assert sum(map(len, plain)) > 100  # the texts set rules off: the comparison has errors to compare
    assert patched == plain


@needs_grammalecte
def test_regex_cache_is_off_for_an_untested_grammalecte(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # Another Grammalecte version: its modules keep the real `re`, and an INFO record says why.
    from grammalecte.fr import gc_engine, gc_functions

    monkeypatch.setattr(gc_engine, "version", "9.9.9")
    for module in (gc_engine, gc_functions):
        monkeypatch.setattr(module, "re", re)
    glc._checker.cache_clear()
    try:
        with caplog.at_level(logging.INFO, logger=glc.__name__):
            glc._checker()
        assert gc_engine.re is re and gc_functions.re is re
        assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [(
            "mt_check.detectors.grammalecte", logging.INFO,
            "the regex cache for Grammalecte is off: Grammalecte 9.9.9 is not a version it was "
            "tested with (2.1.2)",
        )]
    finally:
        glc._checker.cache_clear()  # later tests build the checker with the real version again


# -- spaCy's lemma index as frozensets (_indexed) ------------------------------------------------


@pytest.mark.slow
def test_frozenset_lemma_index_gives_spacy_s_own_lemmas() -> None:
    # The sample article and 200 GSD sentences: the same lemma for every token, with the lemma
    # index as spaCy ships it (lists) and as frozensets.
    import spacy

    plain, patched = spacy.load(parse.MODEL), spacy.load(parse.MODEL)
    parse._freeze_lemma_index(patched)  # the patch, even on a version not yet tested
    plain_index = plain.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    patched_index = patched.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert {type(words) for words in plain_index.values()} == {list}
    assert {type(words) for words in patched_index.values()} == {frozenset}
    texts = _texts()
    lemmas = [[(t.text, t.lemma_) for t in doc] for doc in plain.pipe(texts)]
    assert sum(map(len, lemmas)) > 5000
    assert [[(t.text, t.lemma_) for t in doc] for doc in patched.pipe(texts)] == lemmas


def test_frozenset_lemma_index_is_off_for_an_untested_spacy(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # spaCy at a version the index was not tested with: the lists stay, an INFO record says why.
    import spacy

    monkeypatch.setitem(parse._TESTED["the frozenset lemma index"], "spacy", frozenset({"3.0.0"}))
    with caplog.at_level(logging.INFO, logger=parse.__name__):
        nlp = parse._indexed(spacy.load(parse.MODEL), parse.MODEL)
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert {type(words) for words in index.values()} == {list}
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [(
        "mt_check.parse", logging.INFO,
        f"the frozenset lemma index is off: spacy {version('spacy')} is not a version it was tested "
        "with (3.0.0)",
    )]


def test_tested_versions_are_the_installed_ones(caplog: pytest.LogCaptureFixture) -> None:
    # The installed spaCy, fr_core_news_sm and thinc are versions the patches were tested with
    # (a new release fails here until the tests above pass with it and it is added to _TESTED).
    with caplog.at_level(logging.INFO, logger=parse.__name__):
        assert parse._patch_tested("the frozenset lemma index", ("spacy", parse.MODEL)) is True
        assert parse._patch_tested("hiding torch from thinc", ("thinc",)) is True
    assert caplog.records == []


# -- torch hidden from thinc while spaCy loads (_torch_hidden_from_thinc) ------------------------

# A fresh interpreter (neither torch nor thinc imported): spaCy loads in the main thread while a
# second thread imports torch once thinc has made its choice and before the load ends.
_CONCURRENT_IMPORT = """\
import json, sys, threading, time
from mt_check import parse

seen = {}

def import_torch():
    while getattr(sys.modules.get("thinc.compat"), "has_torch", None) is None:
        time.sleep(0.001)
    seen["hiding"] = parse._hiding
    try:
        import torch
        seen["torch"] = torch.__name__ + " " + str(torch.tensor([1, 2]).sum().item())
    except ImportError as exc:
        seen["torch"] = "ImportError: " + str(exc)

thread = threading.Thread(target=import_torch)
thread.start()
nlp = parse.get_nlp()
thread.join()
import thinc.compat
lemmas = [t.lemma_ for t in nlp("Les chats mangeaient des souris.")]
print(json.dumps([seen, thinc.compat.has_torch, lemmas]))
"""


@pytest.mark.slow
def test_concurrent_torch_import_works_while_thinc_takes_its_no_torch_path() -> None:
    # Another thread's `import torch` while spaCy loads gets torch (the sys.modules["torch"] = None
    # this replaces made it raise ImportError), and thinc still took its no-torch path.
    pytest.importorskip("torch")
    done = _child(_CONCURRENT_IMPORT)
    assert done.returncode == 0, done.stderr
    seen, has_torch, lemmas = json.loads(done.stdout.splitlines()[-1])
    assert seen == {"hiding": 1, "torch": "torch 3"}
    assert has_torch is False
    assert lemmas == ["le", "chat", "manger", "de", "souris", "."]


# A fresh interpreter with thinc at a version the hiding was not tested with.
_UNTESTED_THINC = """\
import json, logging, sys
logging.basicConfig(level=logging.INFO, format="%(name)s %(levelname)s %(message)s", stream=sys.stdout)
from mt_check import parse
parse._TESTED["hiding torch from thinc"]["thinc"] = frozenset({"8.0.0"})
parse.get_nlp()
import thinc.compat
print(json.dumps([thinc.compat.has_torch, "torch" in sys.modules]))
"""


@pytest.mark.slow
def test_torch_is_not_hidden_from_an_untested_thinc() -> None:
    # thinc at a version the hiding was not tested with: thinc imports torch as it does unpatched,
    # and an INFO record says why.
    pytest.importorskip("torch")
    done = _child(_UNTESTED_THINC)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert json.loads(lines[-1]) == [True, True]
    assert lines[:-1] == [
        f"mt_check.parse INFO hiding torch from thinc is off: thinc {version('thinc')} is not a "
        "version it was tested with (8.0.0)"
    ]
