"""Spelling detector: merged elisions, split words and unknown words, never names or numbers."""

from __future__ import annotations

import pytest

from mt_check.detectors import REGISTRY
from mt_check.detectors.base import DocumentContext
from mt_check.detectors.spelling import SpellingDetector
from mt_check.types import Category, Document, Sentence, Severity


@pytest.fixture(scope="module")
def detector(lexicon) -> SpellingDetector:  # type: ignore[no-untyped-def]
    return SpellingDetector(lexicon)


def _found(detector: SpellingDetector, ctx: DocumentContext) -> list[tuple[int, str, str, str]]:
    out = []
    for issue in detector.detect(ctx):
        assert ctx.document.text[issue.start : issue.end] == issue.span
        assert issue.category is Category.SPELLING and issue.detectors == ("spelling",)
        out.append((issue.start, issue.span, issue.code, issue.suggestion))
    return out


def test_registered() -> None:
    assert REGISTRY["spelling"] is SpellingDetector


def test_sample_article(detector: SpellingDetector, sample_article) -> None:  # type: ignore[no-untyped-def]
    # The one spelling error of the dev article, at its document offset; nothing else is flagged
    # (Peskov, ATACMS, TASS, Zelensky, Kiev, grand-chose, JAKARTA, 63 are all left alone).
    ctx, _gold = sample_article
    assert _found(detector, ctx) == [
        (338, "laescalade", "SPELLING-MERGED-ELISION", "l’escalade"),
    ]


MERGED = "SPELLING-MERGED-ELISION"
SPLIT = "SPELLING-SPLIT-WORD"
UNKNOWN = "SPELLING-UNKNOWN-WORD"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # la + vowel-initial noun, at the start of the sentence: the capital is kept
        ("Laescalade des tensions inquiète les marchés.", [(0, "Laescalade", MERGED, "L’escalade")]),
        # qu + il
        ("Le ministre a annoncé quil démissionnerait.", [(22, "quil", MERGED, "qu’il")]),
        # j + ai, sentence-initial
        ("Jai rencontré le président hier.", [(0, "Jai", MERGED, "J’ai")]),
        # n + est and c + est in one sentence
        (
            "Ce nest pas une surprise, cest une évidence.",
            [(3, "nest", MERGED, "n’est"), (26, "cest", MERGED, "c’est")],
        ),
        # de + l + homme: two elisions
        ("Il a parlé delhomme qui était venu.", [(11, "delhomme", MERGED, "de l’homme")]),
        # de + l + escalade
        ("Le prix delescalade est élevé.", [(8, "delescalade", MERGED, "de l’escalade")]),
        # s + est (pronominal verb)
        ("La réunion sest tenue à Genève.", [(11, "sest", MERGED, "s’est")]),
        # l + émissaire: the elided article was dropped, not the apostrophe alone
        (
            "La situation reste tendue selon lémissaire de l’ONU.",
            [(32, "lémissaire", MERGED, "l’émissaire")],
        ),
        # qu + aucun
        ("Il a rappelé quaucun accord n’avait été signé.", [(13, "quaucun", MERGED, "qu’aucun")]),
        # a bound prefix written apart: both parts are words, the whole is one
        (
            "Il a reçu un appel sur son télé phone portable.",
            [(27, "télé phone", SPLIT, "téléphone")],
        ),
        # one part is not a word: "tre"
        ("Les négociations ont repris en tre les deux pays.", [(28, "en tre", SPLIT, "entre")]),
        # doubled letter
        ("Le gouvernemment a démenti ces informations.", [(3, "gouvernemment", UNKNOWN, "gouvernement")]),
        # wrong letter
        ("Les négotiations ont repris lundi.", [(4, "négotiations", UNKNOWN, "négociations")]),
        # missing accent, although the accentless form is common on the web
        ("Le developpement économique ralentit.", [(3, "developpement", UNKNOWN, "développement")]),
        # wrong accent
        ("Le probléme reste entier.", [(3, "probléme", UNKNOWN, "problème")]),
        # extra accent
        (
            "Les frappes ont touché une centrale éléctrique.",
            [(36, "éléctrique", UNKNOWN, "électrique")],
        ),
    ],
)
def test_flags(detector: SpellingDetector, parsed_document, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert _found(detector, parsed_document(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # names, acronyms, a Russian first name, the agency
        "Dmitri Peskov a déclaré à l’agence TASS que le missile ATACMS avait été utilisé.",
        # Ukrainian names, Kiev, aujourd’hui with the typographic apostrophe
        "Volodymyr Zelensky s’est rendu à Kiev aujourd’hui.",
        # grand-chose, numbers, États-Unis
        "Pas grand-chose n’a changé depuis 1962 aux États-Unis.",
        # hyphenated compound, URL, brand
        "Le porte-parole a publié un communiqué sur Twitter et sur www.kremlin.ru.",
        # digits inside tokens, unknown capitalised place name
        "Kyiv a reçu 12 000 obus et des F-16.",
        # foreign institution
        "Le Bundestag a voté la loi de finances.",
        # a lower-case foreign word with no close French word
        "Les soldats ont utilisé des drones shahed contre la ville.",
        # a loanword common in French texts
        "Il a posté un message sur son blog pendant le week-end.",
        # 1990 reformed spelling (connaître without its circumflex)
        "Il faut connaitre les règles.",
        # a prefixed derivation the dictionary does not list
        "Le parti a co-présidé la commission.",
        # two ordinary words that would also make one ("de main" / "demain")
        "Il est passé de main en main.",
        # a name at the start of the sentence that looks like a merged elision
        "Lamoureux a déclaré que tout allait bien.",
        # a single word quoted as a mention
        "Les « vautes » sont des beignets aux fruits.",
        # straight apostrophes
        "L'Ukraine n'a pas répondu à l'offre d'aujourd'hui.",
        # roman numerals and abbreviations
        "Louis XIV régna au XVIIe siècle, cf. p. 12.",
    ],
)
def test_never_flags(detector: SpellingDetector, parsed_document, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _found(detector, parsed_document(text)) == []


def test_back_translation_marks_copied_words_as_names(detector, parsed_document) -> None:  # type: ignore[no-untyped-def]
    # "gouvernemment" would be a misspelling, but the English kept it unchanged: a name.
    text = "Le gouvernemment a démenti ces informations."
    assert _found(detector, parsed_document(text))
    bt = ["The gouvernemment denied this information."]
    assert _found(detector, parsed_document(text, back_translations=bt)) == []


def test_straight_apostrophe_when_the_document_uses_it(detector, parsed_document) -> None:  # type: ignore[no-untyped-def]
    # The document writes qu'il: the suggestion follows its style.
    text = "Il a dit qu'il viendrait, mais lavion était en retard."
    assert _found(detector, parsed_document(text)) == [(31, "lavion", MERGED, "l'avion")]


def test_document_offsets_across_sentences(detector, parsed_document) -> None:  # type: ignore[no-untyped-def]
    # The second line starts at offset 22: the issue's offsets are document offsets.
    ctx = parsed_document("Tout va bien ce soir.\nLe ministre a dit quil viendrait.")
    assert _found(detector, ctx) == [(40, "quil", MERGED, "qu’il")]
    (issue,) = detector.detect(ctx)
    assert issue.sent_id == 1 and issue.severity is Severity.MAJOR


def test_severities(detector, parsed_document) -> None:  # type: ignore[no-untyped-def]
    ctx = parsed_document("Le gouvernemment a démenti.\nIl a répondu en tre deux réunions.")
    assert {i.code: i.severity for i in detector.detect(ctx)} == {
        UNKNOWN: Severity.MINOR,
        SPLIT: Severity.MINOR,
    }


def test_works_without_a_parse(detector) -> None:  # type: ignore[no-untyped-def]
    # The pipeline always parses for this detector, but a caller may not: regex tokens then.
    text = "Le ministre a annoncé quil démissionnerait."
    ctx = DocumentContext(Document("d", text), (Sentence("d", 0, 0, len(text), text),), (None,))
    assert _found(detector, ctx) == [(22, "quil", MERGED, "qu’il")]


def test_data_version_names_the_lexicon(detector: SpellingDetector) -> None:
    assert "fr_FR" in detector.data_version()
