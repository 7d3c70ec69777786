"""The optional Grammalecte detector: mapping of its errors to issues, and its absence."""

from __future__ import annotations

import sys

import pytest

from mt_check.detectors import grammalecte as glc
from mt_check.detectors.grammalecte import INSTALL_HINT, GrammalecteDetector
from mt_check.types import Category, Severity


def _grammalecte_missing() -> bool:
    try:
        import grammalecte  # noqa: F401
    except ImportError:
        return True
    return False


needs_grammalecte = pytest.mark.skipif(
    _grammalecte_missing(),
    reason="python3-grammalecte is not installed (apt-get install python3-grammalecte)",
)


def _found(ctx, detector=None):  # type: ignore[no-untyped-def]
    issues = list((detector or GrammalecteDetector()).detect(ctx))
    for issue in issues:
        assert ctx.document.text[issue.start : issue.end] == issue.span
    return issues


@needs_grammalecte
@pytest.mark.parametrize(
    ("paragraphs", "code", "span", "start", "suggestion", "category"),
    [
        # Noun-phrase agreement (the sample article's "spéciaux").
        (
            "Les lignes téléphoniques spéciaux entre Moscou et Washington ont été coupées.",
            "GRAMMALECTE-GN", "spéciaux", 25, "spéciales", Category.AGREEMENT,
        ),
        # Past participle after "être".
        (
            "Les lignes téléphoniques ont été construit en 1963.",
            "GRAMMALECTE-PPAS", "construit", 33, "construites", Category.AGREEMENT,
        ),
        # Subject-verb agreement: Grammalecte's two alternative fixes ("Ils", "va") become one
        # issue over both words, suggesting the rule's first action.
        ("Il vont à Moscou demain.", "GRAMMALECTE-CONJ", "Il vont", 0, "Il va",
         Category.AGREEMENT),
        # Homophone confusion is grammar.
        (
            "Le restaurant fait parti des meilleurs de la ville.",
            "GRAMMALECTE-CONF", "parti", 19, "partie", Category.GRAMMAR,
        ),
        # A dateline does not hide the noun phrase that opens the sentence.
        (
            "JAKARTA - Les lignes téléphoniques spéciaux entre la Russie et Washington.",
            "GRAMMALECTE-GN", "spéciaux", 35, "spéciales", Category.AGREEMENT,
        ),
        # Offsets of a later paragraph and sentence are document offsets.
        (
            [["Le canal existe.", "Il fonctionne bien."], ["Il vont à Moscou demain."]],
            "GRAMMALECTE-CONJ", "Il vont", 37, "Il va", Category.AGREEMENT,
        ),
    ],
)
def test_mapping(make_context, paragraphs, code, span, start, suggestion, category) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context(paragraphs, parse=False)
    # conj and conf are off by default (see DEFAULT_FAMILIES): switch on the family under test.
    family = code.removeprefix("GRAMMALECTE-").lower()
    detector = GrammalecteDetector(families=glc.DEFAULT_FAMILIES | {family})
    issues = [i for i in _found(ctx, detector) if i.code == code]
    assert [(i.span, i.start, i.end, i.suggestion) for i in issues] == [
        (span, start, start + len(span), suggestion)
    ]
    issue = issues[0]
    assert issue.category == category
    assert issue.severity == Severity.MINOR
    assert issue.detectors == ("grammalecte",)
    assert issue.message  # Grammalecte's own message
    sentence = ctx.sentences[issue.sent_id]
    assert sentence.start <= issue.start <= issue.end <= sentence.end


@needs_grammalecte
@pytest.mark.parametrize(
    "paragraphs",
    [
        # Correct French.
        "Les lignes téléphoniques spéciales ont été construites en 1963.",
        # Pronominal "nous nous".
        "Nous nous sommes parlé hier soir.",
        # Typography is off by default: no non-breaking-space complaint before ":" or in « ».
        "Il a répondu : « Pas grand-chose. »",
        # Spelling is the spelling detector's job.
        "Il a mangé une pomne rouge.",
        # Agreement around a name the lexicon does not know.
        "Il a percuté le Boeing de la Pan Am sur la piste.",
        # A doubled word is the structure detector's job.
        "Sifca est est alors le premier groupe privé.",
        # conj and conf are off by default (they added no gold error beyond the other detectors).
        "Il vont à Moscou demain.",
        "Le restaurant fait parti des meilleurs de la ville.",
    ],
)
def test_not_flagged(make_context, paragraphs) -> None:  # type: ignore[no-untyped-def]
    assert [(i.code, i.span) for i in _found(make_context(paragraphs, parse=False))] == []


@needs_grammalecte
def test_typography_option(make_context) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context("Il a répondu : « Pas grand-chose. »", parse=False)
    issues = _found(ctx, GrammalecteDetector(typography=True))
    # Each non-breaking-space rule: typography, minor.
    assert {(i.code, i.category, i.severity) for i in issues} == {
        ("GRAMMALECTE-NBSP", Category.TYPOGRAPHY, Severity.MINOR)
    }
    assert [i.span for i in issues] == [" :", "« ", " »"]


@needs_grammalecte
def test_families_option(make_context) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context("Il vont à Moscou et les lignes spéciaux sont coupées.", parse=False)
    only_gn = _found(ctx, GrammalecteDetector(families={"gn"}))
    assert {i.code for i in only_gn} == {"GRAMMALECTE-GN"}


@needs_grammalecte
def test_sample_article(make_context) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from mt_check.detectors.base import DocumentContext
    from mt_check.segment import segment
    from mt_check.types import Document

    path = Path(__file__).resolve().parent.parent / "data" / "kremlin_hotline_fr.txt"
    document = Document("kremlin", path.read_text(encoding="utf-8"))
    sentences = segment(document)
    ctx = DocumentContext(document, sentences, (None,) * len(sentences))
    # The gold spans 158-166 and 414-422, "spéciaux" -> "spéciales".
    assert [(i.code, i.start, i.end, i.suggestion) for i in _found(ctx)] == [
        ("GRAMMALECTE-GN", 158, 166, "spéciales"),
        ("GRAMMALECTE-GN", 414, 422, "spéciales"),
    ]


@needs_grammalecte
def test_available_and_versioned() -> None:
    detector = GrammalecteDetector()
    assert detector.unavailable_reason() is None
    assert detector.data_version().startswith("1+grammalecte-")
    assert "|" not in detector.data_version()  # the report signature's separator


@pytest.mark.parametrize(
    ("error", "family"),
    [
        # The option name is the family.
        ({"sType": "gn", "sRuleId": "g3__gn_det_les_3m__b1_a3_1"}, "gn"),
        # Option-less rules: the rule id's prefix.
        ({"sType": "notype", "sRuleId": "doublon"}, "doublon"),
        ({"sType": "notype", "sRuleId": "num_grand_nombre_avec_espaces"}, "num"),
    ],
)
def test_family_of(error, family) -> None:  # type: ignore[no-untyped-def]
    assert glc.family_of(error) == family


def test_unavailable_when_import_fails(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    glc._checker.cache_clear()
    # A None entry in sys.modules makes `import grammalecte` raise ImportError.
    monkeypatch.setitem(sys.modules, "grammalecte", None)
    try:
        detector = GrammalecteDetector()
        assert detector.unavailable_reason() == INSTALL_HINT
        assert "grammalecte-absent" in detector.data_version()
    finally:
        glc._checker.cache_clear()  # the real checker, if any, loads again for later tests
