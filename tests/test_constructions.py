"""The constructions detector: "de" nouns used with "à", and a missing "que" after verbs of saying."""

from __future__ import annotations

import pytest

from mt_check.detectors.constructions import ConstructionsDetector


def _found(ctx):  # type: ignore[no-untyped-def]
    issues = list(ConstructionsDetector().detect(ctx))
    for issue in issues:
        assert ctx.document.text[issue.start : issue.end] == issue.span
    return [(i.code, i.span, i.suggestion) for i in issues]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # commettre une erreur de + infinitive (the sample article's construction)
        ("Il a commis une erreur à penser que tout irait bien.",
         [("GRAMMAR-PREPOSITION", "erreur à penser", "erreur de penser")]),
        # avoir raison de + infinitive
        ("Il a eu raison à partir tôt.", [("GRAMMAR-PREPOSITION", "raison à partir", "raison de partir")]),
        # a completive after a verb of saying lost its "que"
        ("Elle a déclaré aux journalistes, le président est malade.",
         [("GRAMMAR-MISSING-QUE", "déclaré aux journalistes, le président",
           "déclaré aux journalistes que le président")]),
        # elision of "que" before a vowel in the suggestion
        ("Le texte vise à clarifier aux ennemis potentiels, une riposte est inévitable.",
         [("GRAMMAR-MISSING-QUE", "clarifier aux ennemis potentiels, une riposte",
           "clarifier aux ennemis potentiels qu’une riposte")]),
    ],
)  # fmt: skip
def test_flagged(make_context, sentence, expected) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # "avoir du mal à" takes à
        "Il a eu du mal à partir.",
        # à + negated infinitive: passive reading, correct
        "Il a commis une erreur à ne pas reproduire.",
        # the noun without a support verb: "une erreur à éviter" is correct
        "C'est une erreur à éviter.",
        # parenthetical "comme il l'a expliqué"
        "Comme il l'a expliqué, la situation est grave.",
        # an adverbial between commas, then "que"
        "Il a déclaré aux journalistes, lundi, que tout allait bien.",
        # the completive with its "que"
        "Il a déclaré aux journalistes que le président est malade.",
        # a participle in parentheses, then a main clause
        "Selon le comité (pensé à la manière du Comité de vigilance), les historiens ont tort.",
    ],
)
def test_not_flagged(make_context, sentence) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context(sentence)) == []


def test_needs_the_parse(make_context) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context("Il a commis une erreur à penser cela.", parse=False)) == []
