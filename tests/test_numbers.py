"""The numbers detector: truncated years, back-translation mismatches, English separators."""

from __future__ import annotations

import pytest

from mt_check.detectors.numbers import NumbersDetector
from mt_check.types import Category, Severity


def _found(ctx):  # type: ignore[no-untyped-def]
    issues = list(NumbersDetector().detect(ctx))
    for issue in issues:
        assert ctx.document.text[issue.start : issue.end] == issue.span
    return [(i.code, i.span, i.start, i.suggestion) for i in issues]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # The sample article's case: "en 63" after a participle, 1962 elsewhere.
        (
            ["La crise de 1962 a tout changé.", "Elles ont été construites en 63 pour réduire."],
            [("NUMBER-TRUNCATED-YEAR", "63", 61, "1963")],
        ),
        # The year with the same last two digits is not needed: the nearest century wins.
        (
            ["Il est né en 1950.", "Il est parti en 72, puis revenu."],
            [("NUMBER-TRUNCATED-YEAR", "72", 35, "1972")],
        ),
        # "depuis" is a time preposition whatever precedes it.
        (
            ["Le contrat date de 2004.", "Il travaille ici depuis 98."],
            [("NUMBER-TRUNCATED-YEAR", "98", 49, "1998")],
        ),
        # After a noun of the "parts" family ("classement" is not "classé en 10").
        (
            ["Le château date de 1850.", "Malgré le classement en 41 par Mérimée, il tombe."],
            [("NUMBER-TRUNCATED-YEAR", "41", 49, "1841")],
        ),
        # A capitalised word may follow the year.
        (
            ["Le moteur date de 1876.", "En 76 Nikolaus Otto invente le moteur."],
            [("NUMBER-TRUNCATED-YEAR", "76", 27, "1876")],
        ),
        # A sentence-initial "En 63," is a year.
        (
            ["La crise de 1962 a eu lieu.", "En 63, la ligne est ouverte."],
            [("NUMBER-TRUNCATED-YEAR", "63", 31, "1963")],
        ),
        # Never a year decades past the document's and today's: "63" beside 2024 is 1963, not 2063.
        (
            ["Le rapport de 2024 le cite.", "Il est né en 63 à Lyon."],
            [("NUMBER-TRUNCATED-YEAR", "63", 41, "1963")],
        ),
        # No full year anywhere in the document: still a truncated year, but no century to give.
        (
            ["Elles ont été construites en 63 pour réduire les risques."],
            [("NUMBER-TRUNCATED-YEAR", "63", 29, None)],
        ),
        (
            ["Il est réalisé en 27, selon les plans de l'architecte."],
            [("NUMBER-TRUNCATED-YEAR", "27", 18, None)],
        ),
        # A near future stays possible: a target "d'ici 30" in a 2024 text is 2030.
        (
            ["Le plan de 2024 est adopté.", "Il vise la neutralité en 30 ans."],
            [],
        ),
    ],
)
def test_truncated_year_flagged(make_context, paragraphs, expected) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context(paragraphs, parse=False)) == expected


@pytest.mark.parametrize(
    "paragraphs",
    [
        # Decades are correct French.
        ["La crise de 1962 a tout changé.", "Dans les années 60, tout a changé."],
        # Without a full year, the same exceptions: a duration, a number of parts, a percentage.
        ["Il a fini en 63 minutes."],
        ["Le gâteau fut divisé en 10."],
        ["La hausse a été de 5 en 10 %."],
        # "en 63 minutes": a duration, the next word is a noun.
        ["En 2024, il a couru.", "Il a fini en 63 minutes."],
        # "divisé en 10", "couper en 12": a number of parts.
        ["En 2010, le gâteau fut divisé en 10."],
        ["En 2012, il fallait couper en 12 et partager."],
        # "de 5 en 10": a progression.
        ["En 2010, ils passent de 5 en 10 et plus."],
        # A four-digit year is already complete.
        ["La crise de 1962 a eu lieu en 1962."],
        # "en 63 %" is a percentage.
        ["En 1962, la hausse a été en 63 %."],
    ],
)
def test_truncated_year_not_flagged(make_context, paragraphs) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context(paragraphs, parse=False)) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # English decimal point before a quantity word.
        ("Il a gagné 3.5 millions d'euros.", [("NUMBER-DECIMAL-POINT", "3.5", 11, "3,5")]),
        # ... and before a unit.
        ("Il mesure 1.80 m.", [("NUMBER-DECIMAL-POINT", "1.80", 10, "1,80")]),
        # ... after a minus sign.
        ("Le BPA a chuté (-0.57$).", [("NUMBER-DECIMAL-POINT", "0.57", 17, "0,57")]),
        # ... without a unit: a leading zero; a range of dotted decimals where nothing is numbered
        ("Le ratio est de 0.97, passant de 1.83 à 2.05.",
         [("NUMBER-DECIMAL-POINT", "0.97", 16, "0,97"), ("NUMBER-DECIMAL-POINT", "1.83", 33, "1,83"),
          ("NUMBER-DECIMAL-POINT", "2.05", 40, "2,05")]),
        ("Il se situe entre 1.2 et 1.5 selon les années.",
         [("NUMBER-DECIMAL-POINT", "1.2", 18, "1,2"), ("NUMBER-DECIMAL-POINT", "1.5", 25, "1,5")]),
        # ... without a unit, after a word of approximation or comparison.
        (
            "Le ratio est passé d'environ 34.65 à un creux de 17.91, contre 3.2 en 2019.",
            [("NUMBER-DECIMAL-POINT", "34.65", 29, "34,65"), ("NUMBER-DECIMAL-POINT", "3.2", 63, "3,2")],
        ),
        # English thousands comma with a trailing zero: never a French decimal.
        (
            "Il y avait 1,000 personnes.",
            [("NUMBER-THOUSANDS-SEPARATOR", "1,000", 11, "1\u00a0000")],
        ),
        # Several comma groups are unambiguous.
        (
            "Un budget de 2,500,000 euros.",
            [("NUMBER-THOUSANDS-SEPARATOR", "2,500,000", 13, "2\u00a0500\u00a0000")],
        ),
        # One group not ending in 0 is ambiguous; before a count of whole units, a thousand.
        (
            "Il y avait 1,531 personnes.",
            [("NUMBER-THOUSANDS-SEPARATOR", "1,531", 11, "1\u00a0531")],
        ),
        # ... and in a document that writes an unambiguous English thousand elsewhere.
        (
            "Le naira a chuté à 1,531 pour un dollar. Il valait 1,460 naira hier.",
            [
                ("NUMBER-THOUSANDS-SEPARATOR", "1,460", 51, "1\u00a0460"),
                ("NUMBER-THOUSANDS-SEPARATOR", "1,531", 19, "1\u00a0531"),
            ],
        ),
        # Decimals of another size do not make a round thousand a decimal.
        (
            "Il y avait 1,000 personnes et 2,5 % de plus.",
            [("NUMBER-THOUSANDS-SEPARATOR", "1,000", 11, "1\u00a0000")],
        ),
        # A leading zero is a decimal, whatever the document writes elsewhere.
        (
            "Sa moyenne est de 0,185. Il y avait 1,000 fans.",
            [("NUMBER-THOUSANDS-SEPARATOR", "1,000", 36, "1\u00a0000")],
        ),
    ],
)
def test_separators_flagged(make_context, sentence, expected) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context(sentence, parse=False)
    assert _found(ctx) == expected
    issue = next(iter(NumbersDetector().detect(ctx)))
    assert (issue.category, issue.severity) == (Category.NUMBER, Severity.MINOR)


@pytest.mark.parametrize(
    "sentence",
    [
        # Times in every French spelling.
        "Rendez-vous à 10h30 ou à 10 h 30.",
        # An Indonesian dotted time before its zone or «heures» (NUMBER-TIME-FORMAT's)
        "L'alerte court jusqu'à 22.00 WIB, puis jusqu'à environ 9.15 heures.",
        # A French decimal with percent.
        "La hausse atteint 2,5 % cette année.",
        # A French decimal with three digits (could be a precise measure).
        "Le pH vaut 3,141 exactement.",
        # A version number, with a leading zero too; a range of section numbers
        "Installez la version 3.5 du logiciel, puis la version 0.9 ; voir les sections 0.5 et 0.6.",
        "Voir les rubriques 4.2 et 4.4 ; passez de 4.2 à 4.4.",
        # Without a unit or a word of approximation: a section, a version, a figure's number.
        "Voir la rubrique 4.2, puis passez de 4.2 à 5.1 dans la figure 2.3.",
        # A date written with points.
        "Le contrat du 12.03.2024 est signé.",
        # A phone number.
        "Appelez le 01.23.45.67.89 ou le 01 23 45 67 89.",
        # Section numbers and identifiers.
        "Voir l'article 3.5 et le vol AF-447 de 2009.",
        # Dotted thousands appear in French newswire.
        "Il défendra 29.000 employées de Boeing.",
        # Years are never separators; a hyphen between two numbers is a range, not a sign.
        "En 1962, puis en 2024.",
        "Une hausse sur la période 2019-20.5 millions de visiteurs.",
        # One ambiguous group, in a document with no English thousand: a French decimal.
        "Le taux est de 1,531 pour un dollar, contre 1,5 hier.",
        "Un rapport de 2,125 habitant par logement.",
        # A trailing 0 beside values of the same size with one or two decimals: a rate's decimals.
        "La roupie s'est établie à 81,72 par dollar, contre une clôture précédente de 81,390.",
    ],
)
def test_separators_not_flagged(make_context, sentence) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context(sentence, parse=False)) == []


@pytest.mark.parametrize(
    ("sentence", "back_translation", "expected"),
    [
        # A changed number: the French one is flagged.
        ("Il y a eu 35 morts.", "There were 53 dead.", [("NUMBER-MISMATCH", "35", 10, None)]),
        # A range whose end changed.
        ("De 2020 à 2022.", "From 2020-2021.", [("NUMBER-MISMATCH", "2022", 10, None)]),
        # A number the back-translation lost entirely.
        ("Le bilan est de 12 blessés.", "The toll is wounded.", [("NUMBER-MISMATCH", "12", 16, None)]),
    ],
)
def test_mismatch_flagged(make_context, sentence, back_translation, expected) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context(sentence, back_translations=[back_translation], parse=False)
    assert _found(ctx) == expected
    issue = next(iter(NumbersDetector().detect(ctx)))
    assert (issue.category, issue.severity) == (Category.MISTRANSLATION, Severity.MAJOR)


@pytest.mark.parametrize(
    ("sentence", "back_translation"),
    [
        # Thousands and decimal separators differ by language.
        ("Il y avait 1 000 personnes et 3,5 millions d'euros.",
         "There were 1,000 people and 3.5 million euros."),
        # Ordinals and percentages; "12" spelled out in English.
        ("Le 1er mars, 2,5 % des 12 membres.", "On March 1st, 2.5% of the twelve members."),
        # A 24-hour time against a 12-hour one.
        ("Il est arrivé à 22 h 15.", "He arrived at 10:15 p.m."),
        # Identifiers glued to letters are not compared.
        ("La COVID-19 a tué 200 personnes.", "Covid killed 200 people."),
        # Scaled amounts: "3,5 milliards" and "3.5 billion".
        ("Un prêt de 3,5 milliards.", "A loan of 3.5 billion."),
        # The truncated year against its full form is the other rule's business.
        ("Construites en 63.", "Built in 1963."),
        # "10pm" and "10.30 am" are times too.
        ("Départ à 22 h, retour à 10 h 30.", "Departure at 10pm, return at 10.30 am."),
        # A range written with a hyphen, and a minus sign.
        ("De 2020 à 2021, il a fait −5 °C.", "From 2020-2021, it was -5°C."),
        # English amount suffixes.
        ("Un contrat de 5 milliards de dollars.", "A $5bn contract."),
        # No translation available: nothing to compare.
        ("Il y a eu 35 morts.", None),
    ],
)
def test_mismatch_not_flagged(make_context, sentence, back_translation) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context(sentence, back_translations=[back_translation], parse=False)
    assert [f for f in _found(ctx) if f[0] == "NUMBER-MISMATCH"] == []


def test_truncated_year_takes_its_century_from_the_back_translation(make_context) -> None:  # type: ignore[no-untyped-def]
    # No full year in the document: the back-translation's "1963" is the suggestion ...
    ctx = make_context("Construites en 63.", back_translations=["Built in 1963."], parse=False)
    assert _found(ctx) == [("NUMBER-TRUNCATED-YEAR", "63", 15, "1963")]
    # ... but not a back-translation that gives two candidates, or none.
    ctx = make_context("Construites en 63.", back_translations=["Built in 1963 or 2063."], parse=False)
    assert _found(ctx) == [("NUMBER-TRUNCATED-YEAR", "63", 15, None)]
    ctx = make_context("Construites en 63.", back_translations=["Built in 63."], parse=False)
    assert _found(ctx) == [("NUMBER-TRUNCATED-YEAR", "63", 15, None)]


def test_sample_article_truncated_year(make_context) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from mt_check.segment import segment
    from mt_check.types import Document

    path = Path(__file__).resolve().parent.parent / "data" / "kremlin_hotline_fr.txt"
    document = Document("kremlin", path.read_text(encoding="utf-8"))
    sentences = segment(document)
    from mt_check.detectors.base import DocumentContext

    ctx = DocumentContext(document, sentences, (None,) * len(sentences))
    found = [(i.code, i.start, i.end, i.suggestion) for i in NumbersDetector().detect(ctx)]
    # The gold span of the article: 473-475 "63" -> "1963".
    assert found == [("NUMBER-TRUNCATED-YEAR", 473, 475, "1963")]
