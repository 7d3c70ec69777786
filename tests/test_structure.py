"""The structure detector: repeated words, unbalanced marks, untranslated English, verbless
clauses."""

from __future__ import annotations

from pathlib import Path

import pytest

from mt_check.detectors.structure import StructureDetector
from mt_check.types import Category, Severity

REPO = Path(__file__).resolve().parent.parent


def _found(ctx, code=None):  # type: ignore[no-untyped-def]
    issues = list(StructureDetector().detect(ctx))
    for issue in issues:
        assert ctx.document.text[issue.start : issue.end] == issue.span
    return [
        (i.code, i.span, i.start, i.suggestion)
        for i in issues
        if code is None or i.code == code
    ]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # Span = both words and the space; suggestion = the first word.
        ("Il a vu le le chat.", [("STRUCTURE-REPEATED-WORD", "le le", 8, "le")]),
        # Case-insensitive; the first word keeps its case in the suggestion.
        ("De de nombreux pays ont signé.", [("STRUCTURE-REPEATED-WORD", "De de", 0, "De")]),
        # A doubled capitalised pronoun opening the sentence.
        ("Il Il a ouvert le bal.", [("STRUCTURE-REPEATED-WORD", "Il Il", 0, "Il")]),
        # Three in a row: two overlapping pairs.
        (
            "Il parle de de de tout.",
            [
                ("STRUCTURE-REPEATED-WORD", "de de", 9, "de"),
                ("STRUCTURE-REPEATED-WORD", "de de", 12, "de"),
            ],
        ),
    ],
)
def test_repeated_word_flagged(make_context, paragraphs, expected) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context(paragraphs, parse=False)
    assert _found(ctx, "STRUCTURE-REPEATED-WORD") == expected
    issue = next(iter(StructureDetector().detect(ctx)))
    assert (issue.category, issue.severity) == (Category.GRAMMAR, Severity.MINOR)


@pytest.mark.parametrize(
    "sentence",
    [
        # Pronominal verbs.
        "Nous nous sommes vus et vous vous êtes parlé.",
        # A name after a particle.
        "Le général de De Gaulle est arrivé.",
        # A doubled place name.
        "Il vit à Bora Bora depuis dix ans.",
        # A title opening the sentence.
        "La La Land a gagné six oscars.",
        # Emphatic repetition.
        "Il court très très vite.",
        # Interjections.
        "Ha ha, quelle blague.",
        # Hyphenated: "elle elle-même" is not a doubled word.
        "Elle, elle-même, le dit.",
        # Numbers are not words.
        "Le score est de 10 10.",
        # A name ending in a word, then the word: "Java Est est".
        "La régence de Blitar, Java Est est toujours à la recherche d'une victime.",
    ],
)
def test_repeated_word_not_flagged(make_context, sentence) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context(sentence, parse=False), "STRUCTURE-REPEATED-WORD") == []


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # An opening « never closed in its paragraph (of two sentences).
        (
            [["Il a dit : « Nous partons.", "Puis il est parti."]],
            [("PUNCTUATION-UNBALANCED", "«", 11, None)],
        ),
        # A closing » never opened, mid-paragraph.
        (
            [["Il est parti.", "Nous partons », a-t-il dit."]],
            [("PUNCTUATION-UNBALANCED", "»", 27, None)],
        ),
        # A parenthesis left open, even in a one-sentence document.
        ("Il est parti (vers Paris.", [("PUNCTUATION-UNBALANCED", "(", 13, None)]),
        # A continuation paragraph (starting with ») whose quote never closes.
        (
            [["Il a dit : « Nous partons."], ["» Et nous reviendrons.", "Vite."]],
            [("PUNCTUATION-UNBALANCED", "»", 27, None)],
        ),
        # A stray closing parenthesis.
        ("Il est parti vers Paris) hier.", [("PUNCTUATION-UNBALANCED", ")", 23, None)]),
        # A stray closing parenthesis three words in: the text did not start inside brackets.
        ("Il est parti) hier soir.", [("PUNCTUATION-UNBALANCED", ")", 12, None)]),
        # An early closing bracket after an opening one: the extra one is still reported.
        ("Lui (Paul)) est venu.", [("PUNCTUATION-UNBALANCED", ")", 10, None)]),
        # A segment's opening bracket left open in mid-sentence, or one opening the segment in a
        # document of two sentences that never closes; a closing one inside a segment's sentence
        ("Il est parti (vers Paris hier.", [("PUNCTUATION-UNBALANCED", "(", 13, None)]),
        ([["(Veuillez noter que le délai est long.", "Merci."]], [("PUNCTUATION-UNBALANCED", "(", 0, None)]),
        ("Le délai est long.) Merci de votre patience.", [("PUNCTUATION-UNBALANCED", ")", 18, None)]),
        # An odd number of straight quotes: the last one is reported.
        (
            [['Il a dit "non" puis "oui.', "Fin."]],
            [("PUNCTUATION-UNBALANCED", '"', 20, None)],
        ),
    ],
)
def test_unbalanced_flagged(make_context, paragraphs, expected) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context(paragraphs, parse=False)
    assert _found(ctx, "PUNCTUATION-UNBALANCED") == expected
    issue = next(i for i in StructureDetector().detect(ctx) if i.code == expected[0][0])
    assert (issue.category, issue.severity) == (Category.PUNCTUATION, Severity.MINOR)


@pytest.mark.parametrize(
    "paragraphs",
    [
        # « » balanced across two sentences of one paragraph.
        [["« Nous avons un canal spécial.", "Il est sûr », a-t-il dit."]],
        # A quote running over two paragraphs, reopened by « (French convention).
        [["Il a dit : « Nous partons demain."], ["« Et nous reviendrons », a-t-il ajouté."]],
        # A continuation paragraph that starts with ».
        [["Il a dit : « Nous partons."], ["» Et nous reviendrons.", "Vite. »"]],
        # One-sentence document (a table row): the quote's partner may be in the next row.
        "« Tu es donc las de la corvée politique ?",
        # Enumeration labels and smileys use a lone ).
        [["Deux choix : a) partir, b) rester.", "Super :)"]],
        # Inches.
        [['Un écran de 27" et un autre.', "Fin."]],
        # An excerpt cut after an opening bracket: the closing one among its first words ends
        # a bracket opened in the text it was taken from.
        "PSG) est le club de la capitale.",
        "en anglais] sont cités plus loin.",
        [["1944) fut une année de guerre.", "La paix revint ensuite."]],
        # A one-sentence segment of a parenthesised passage: opening it, or closing it after its
        # final full stop (the other bracket is in the neighbouring segment)
        "(Veuillez noter que notre délai peut être plus long pendant les soldes.",
        "Nous ferons de notre mieux pour vous tenir informé de tout retard.)",
        # Nested and balanced.
        [["Il (le président, « notre chef ») est venu [sic]."]],
    ],
)
def test_unbalanced_not_flagged(make_context, paragraphs) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context(paragraphs, parse=False), "PUNCTUATION-UNBALANCED") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A clause left in English.
        (
            "Le président said that the meeting was cancelled hier.",
            [("UNTRANSLATED-FRAGMENT", "said that the meeting was cancelled", 13, None)],
        ),
        # A rarer English word ("hotline") inside the run does not break it.
        (
            "Le Kremlin a déclaré que the hotline has not been used.",
            [("UNTRANSLATED-FRAGMENT", "the hotline has not been used", 25, None)],
        ),
        # Sentence-initial capital is allowed in the run.
        (
            "The meeting was cancelled, a déclaré le Kremlin.",
            [("UNTRANSLATED-FRAGMENT", "The meeting was cancelled", 0, None)],
        ),
    ],
)
def test_untranslated_flagged(make_context, sentence, expected) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context(sentence, parse=False)
    assert _found(ctx, "UNTRANSLATED-FRAGMENT") == expected
    issue = next(iter(StructureDetector().detect(ctx)))
    assert (issue.category, issue.severity) == (Category.UNTRANSLATED, Severity.MAJOR)


@pytest.mark.parametrize(
    "sentence",
    [
        # Loanwords are French by frequency.
        "Le week-end dernier, il a envoyé un e-mail à une start-up.",
        # Established multi-word loans.
        "Le made in France et les fake news du show business.",
        # Names and titles are capitalised.
        "Il lit le New York Times et le Wall Street Journal.",
        # A quoted English phrase is a quotation, not a translation slip.
        "Il a crié « I can't breathe » avant de mourir.",
        # A borrowed term after a French determiner.
        "Il pratique le roller in line depuis dix ans.",
        # Borrowed terms with "and" after a determiner.
        "Le groupe joue du rock and roll et le click and collect progresse.",
        # A single English word.
        "C'est un meeting important.",
    ],
)
def test_untranslated_not_flagged(make_context, sentence) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context(sentence, parse=False), "UNTRANSLATED-FRAGMENT") == []


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # The sample article's fragment, inside a quote followed by its reporting clause.
        (
            [[
                "« Nous avons un canal sûr spécial pour la communication entre les présidents. "
                "En outre, même pour la communication vidéo », a déclaré le porte-parole."
            ]],
            [("GRAMMAR-VERBLESS", "En outre, même pour la communication vidéo", 78, None)],
        ),
        # A whole sentence opening with a connective and no verb.
        (
            [["Le canal fonctionne.", "Et pour la communication vidéo entre les deux pays."]],
            [("GRAMMAR-VERBLESS", "Et pour la communication vidéo entre les deux pays", 21, None)],
        ),
    ],
)
def test_verbless_flagged(make_context, paragraphs, expected) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context(paragraphs)
    assert _found(ctx, "GRAMMAR-VERBLESS") == expected
    issue = next(i for i in StructureDetector().detect(ctx) if i.code == "GRAMMAR-VERBLESS")
    assert (issue.category, issue.severity) == (Category.GRAMMAR, Severity.MINOR)


@pytest.mark.parametrize(
    "paragraphs",
    [
        # A short answer in quotes.
        [["Il a répondu : « Pas grand-chose. »"]],
        # A headline: a one-sentence paragraph without final punctuation.
        [["Mais pour la communication vidéo entre les deux pays"], ["Le texte suit."]],
        # A nominal sentence without a connective.
        [["Le canal fonctionne.", "Une réussite pour la communication entre les deux pays."]],
        # A question.
        [["Mais comment faire dans un contexte structurellement raciste ?"]],
        # Too short to be a clear fragment.
        [["Le canal fonctionne.", "Mais pas pour longtemps."]],
        # A verb the small tagger misses ("abat").
        [["Cependant, un autre avion de l'escadrille de Hardy abat Alistair par derrière."]],
        # A connective after a closing quote continues the sentence.
        [["Le Sud était de droit « romain » et le nord de droit coutumier depuis toujours."]],
        # A list item.
        [["- Et pour la communication vidéo entre les deux pays."]],
        # A dateline.
        [["MOSCOU - Et pour la communication vidéo entre les deux pays."]],
    ],
)
def test_verbless_not_flagged(make_context, paragraphs) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context(paragraphs), "GRAMMAR-VERBLESS") == []


def test_verbless_needs_the_parse(make_context) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context([["Le canal fonctionne.", "Et pour la communication vidéo entre les deux pays."]],
                       parse=False)
    assert _found(ctx, "GRAMMAR-VERBLESS") == []


def test_sample_article(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    from mt_check.detectors.base import DocumentContext
    from mt_check.segment import segment
    from mt_check.types import Document

    text = (REPO / "data" / "kremlin_hotline_fr.txt").read_text(encoding="utf-8")
    document = Document("kremlin", text)
    sentences = segment(document)
    parses = tuple(fr_nlp(s.text) for s in sentences)
    ctx = DocumentContext(document, sentences, (None,) * len(sentences), parses)
    # The gold spans 769-811 (verbless fragment) and 1147-1190 (clause without a verb: found as
    # "après que des informations selon", 1147-1179) and nothing else.
    assert [(i.code, i.start, i.end) for i in StructureDetector().detect(ctx)] == [
        ("GRAMMAR-VERBLESS", 769, 811),
        ("GRAMMAR-CLAUSE-WITHOUT-VERB", 1147, 1179),
    ]


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        # "après que" + a noun phrase and nothing else
        ("Il est parti après que les négociations entre les deux pays.",
         "après que les négociations entre les deux pays"),
        # a concessive clause that lost its verb, at the start of the sentence
        ("Bien que la situation difficile pour tous.", "Bien que la situation difficile pour tous"),
        # the only verb belongs to the relative clause: the span stops before the pronoun
        ("Il a réagi lorsque les mesures dont le ministre avait parlé.", "lorsque les mesures"),
    ],
)  # fmt: skip
def test_clause_without_verb_flagged(make_context, sentence, span) -> None:  # type: ignore[no-untyped-def]
    found = _found(make_context(sentence), "GRAMMAR-CLAUSE-WITHOUT-VERB")
    assert [(code, text) for code, text, _, _ in found] == [("GRAMMAR-CLAUSE-WITHOUT-VERB", span)]


@pytest.mark.parametrize(
    "sentence",
    [
        # the clause has its verb
        "Il est parti après que les négociations ont échoué.",
        # elliptic concessive: no clause to check
        "Bien que fatigué, il continue.",
        # the clause ends at a comma: the main clause follows
        "Alors que la nuit tombait, ils partirent.",
        # a relative clause inside, and the clause's own verb after it
        "Il est parti avant que la réunion qui devait décider du budget ne commence.",
        # a subjunctive the small tagger reads as a conjunction
        "Il faut attendre pour que la fillette soit de nouveau heureuse.",
        # a passé simple the tagger may miss
        "Après que Peter lut dans ses pensées, tout changea.",
        # "que" alone is not a trigger
        "Il dit que non.",
        # a pronominal verb the tagger read as an adjective
        "Nous souffrons depuis un an parce que le régent s’en fiche.",
        # right after the clause's subject, a word with a reading of its person: the verb
        "Les liquidations se produisent lorsqu’une bourse ferme de force la position d’un trader.",
    ],
)
def test_clause_without_verb_not_flagged(make_context, sentence) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context(sentence), "GRAMMAR-CLAUSE-WITHOUT-VERB") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Voici la traduction en français :", [("Voici la traduction en français :", 0)]),
        (["Bien sûr !", "Voici une traduction du texte."], [("Voici une traduction du texte.", 11)]),
        ([["Le texte suit."], ["Traduction :"]], [("Traduction :", 15)]),
    ],
)
def test_mt_leftover_flagged(make_context, text, expected) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context(text, parse=False)
    issues = [i for i in StructureDetector().detect(ctx) if i.code == "STYLE-MT-LEFTOVER"]
    assert [(i.span, i.start) for i in issues] == expected
    assert all((i.category, i.severity, i.suggestion) == (Category.STYLE, Severity.MAJOR, "") for i in issues)


@pytest.mark.parametrize(
    "text",
    [
        "Voici la traduction du roman par Pierre Dupont, parue en 1950.",
        "La traduction : un art difficile. La traduction est bonne.",
        "Traduction : chat, chien et souris.",
    ],
)
def test_mt_leftover_not_flagged(make_context, text) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context(text, parse=False), "STYLE-MT-LEFTOVER") == []
