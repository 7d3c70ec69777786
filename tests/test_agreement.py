"""Agreement detector: gender and number along spaCy's links, judged by the lexicon."""

from __future__ import annotations

import pytest

from mt_check.detectors import REGISTRY
from mt_check.detectors.agreement import AgreementDetector
from mt_check.detectors.base import DocumentContext
from mt_check.types import Category, Document, Sentence, Severity

GENDER = "AGREEMENT-GENDER"
NUMBER = "AGREEMENT-NUMBER"
BOTH = "AGREEMENT-GENDER-NUMBER"
SUBJECT = "AGREEMENT-SUBJECT-VERB"
PRONOUN = "AGREEMENT-PRONOUN-ANTECEDENT"


@pytest.fixture(scope="module")
def detector(lexicon) -> AgreementDetector:  # type: ignore[no-untyped-def]
    return AgreementDetector(lexicon)


def _found(detector: AgreementDetector, ctx: DocumentContext) -> list[tuple[int, str, str, str]]:
    out = []
    for issue in detector.detect(ctx):
        assert ctx.document.text[issue.start : issue.end] == issue.span
        assert issue.category is Category.AGREEMENT and issue.severity is Severity.MINOR
        out.append((issue.start, issue.span, issue.code, issue.suggestion))
    return sorted(out)


def test_registered() -> None:
    assert REGISTRY["agreement"] is AgreementDetector


def test_sample_article(detector: AgreementDetector, sample_article) -> None:  # type: ignore[no-untyped-def]
    # The four agreement errors of the dev article at their document offsets, and nothing else:
    # both «spéciaux» (lignes is feminine), «créés» across "entre la Russie et les États-Unis",
    # and «s’il attaque» whose only nearby masculine antecedent is «ennemis potentiels».
    ctx, _gold = sample_article
    assert _found(detector, ctx) == [
        (158, "spéciaux", GENDER, "spéciales"),
        (201, "créés", GENDER, "créées"),
        (414, "spéciaux", GENDER, "spéciales"),
        (2802, "il attaque", PRONOUN, "ils attaquent"),
    ]


def test_message_names_both_words(detector, sample_article) -> None:  # type: ignore[no-untyped-def]
    ctx, _gold = sample_article
    first = next(iter(detector.detect(ctx)))
    assert first.message == (
        "«spéciaux» (masculine plural) must agree with «lignes» (feminine plural)"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # adjective through être, feminine plural subject
        (
            "Les décisions prises par le gouvernement sont importants pour l’avenir.",
            [(46, "importants", GENDER, "importantes")],
        ),
        # passive participle, feminine singular subject
        ("La réunion a été annulé à la dernière minute.", [(17, "annulé", GENDER, "annulée")]),
        # passive participle wrong in both gender and number
        ("Les lignes ont été construit en 1963.", [(19, "construit", BOTH, "construites")]),
        # determiner before a masculine noun starting with a vowel: cet, not ce
        ("Cette accord a été signé par les deux pays.", [(0, "Cette", GENDER, "Cet")]),
        # determiner elided before a vowel: the span runs to the noun
        ("Le escalade des tensions inquiète.", [(0, "Le ", GENDER, "L’")]),
        # sentence-initial determiner, feminine noun
        ("Le crise a duré treize jours.", [(0, "Le", GENDER, "La")]),
        # attributive participle on a noun inside a PP (the parse links it to «mesures»)
        (
            "Le gouvernement a publié une liste des mesures adoptés hier.",
            [(47, "adoptés", GENDER, "adoptées")],
        ),
        # adjective after an adjective
        (
            "Une crise politique majeur frappe le pays depuis des mois.",
            [(20, "majeur", GENDER, "majeure")],
        ),
        # number only: épicène adjective
        (
            "Les frappes ont visé les infrastructures militaire du pays.",
            [(41, "militaire", NUMBER, "militaires")],
        ),
        ("Le gouvernement a pris des mesures économique.", [(35, "économique", NUMBER, "économiques")]),
        (
            "Les armes sont destinées aux forces ukrainienne.",
            [(36, "ukrainienne", NUMBER, "ukrainiennes")],
        ),
        ("Les lignes spéciale ont été coupées.", [(11, "spéciale", NUMBER, "spéciales")]),
        # adjective agreeing with a masculine noun
        ("Le soldat blessée a été évacué.", [(10, "blessée", GENDER, "blessé")]),
        # participle agreeing with a subject pronoun
        ("Les troupes sont entrés dans la ville.", [(17, "entrés", GENDER, "entrées")]),
        ("La délégation ukrainienne est arrivé à Genève.", [(30, "arrivé", GENDER, "arrivée")]),
        ("Elles ont été reçus par le ministre.", [(14, "reçus", GENDER, "reçues")]),
        # subject-verb: plural subject, singular auxiliary
        (
            "Les responsables américains a déclaré que la situation était grave.",
            [(28, "a", SUBJECT, "ont")],
        ),
        ("Le président russe ont signé le décret mardi.", [(19, "ont", SUBJECT, "a")]),
        # a plural country name the lexicon knows
        ("Les États-Unis a annoncé de nouvelles sanctions.", [(15, "a", SUBJECT, "ont")]),
        # a subject pronoun right before the verb, whatever the parse
        ("Ils est partis tôt.", [(4, "est", SUBJECT, "sont")]),
        # a subordinate clause's verb
        (
            "Les négociations ont échoué car les délégués refuse tout compromis.",
            [(45, "refuse", SUBJECT, "refusent")],
        ),
        # determiner and noun disagree; the verb and participle side with the determiner
        ("Ces accord ont été signés.", [(4, "accord", NUMBER, "accords")]),
        # the adjective sides with the determiner: the noun is wrong
        ("Il a rencontré les dirigeant européens.", [(19, "dirigeant", NUMBER, "dirigeants")]),
        # aucun is (almost) never plural: the noun is wrong
        ("Cet hôtel ne mérite aucune étoiles.", [(27, "étoiles", NUMBER, "étoile")]),
        # the tagger calls the mismatched noun a proper noun; lower case says it is not
        ("Le compagnie se substitue au pouvoir du Kaiser.", [(0, "Le", GENDER, "La")]),
        (
            "Inglefield cartographia la côte occidental du Groenland.",
            [(32, "occidental", GENDER, "occidentale")],
        ),
        # a comma then a participle is not a list of adjectives
        (
            "Saint-Suliac est une commune françaises, située dans le département.",
            [(29, "françaises", NUMBER, "française")],
        ),
        # "à travers" is a preposition, not a subject before an object pronoun
        ("Ils ont voyagé à travers la monde entier.", [(25, "la", GENDER, "le")]),
        # pronoun-antecedent: the only masculine nouns before «il» are plural (Russie is feminine)
        (
            "La Russie menace les pays occidentaux s’il livre des armes à Kiev.",
            [(40, "il livre", PRONOUN, "ils livrent")],
        ),
    ],
)
def test_flags(detector: AgreementDetector, parsed_document, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert _found(detector, parsed_document(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # russe and nucléaire are epicene
        "Les missiles russes ont frappé des cibles nucléaires.",
        # pays and prix are invariable
        "Les deux pays ont signé un accord sur les prix.",
        # coordinated subject: masculine plural
        "La Russie et les États-Unis sont prêts à négocier.",
        # names, acronyms, appositions
        "Le porte-parole du Kremlin, Dmitri Peskov, a déclaré à l’agence TASS que rien n’avait changé.",
        "Le président ukrainien Volodymyr Zelensky est arrivé à Kiev.",
        "Le missile ATACMS américain a frappé le territoire russe mardi.",
        # the corrected article sentence
        "Les lignes téléphoniques spéciales créées en 1963 n’ont pas été utilisées.",
        "Une riposte est inévitable s’ils attaquent la Russie.",
        # participle agreeing across a PP
        "Les armes livrées par les alliés sont arrivées.",
        "Les photos de famille exposées au musée ont été volées.",
        # épicène noun: the determiner decides
        "Il y a des élèves brillants et des élèves moyens.",
        # quantity nouns: the verb may agree with the complement
        "La plupart des experts pensent que la guerre durera.",
        "Une dizaine de civils ont été tués.",
        "Des centaines de milliers de personnes ont fui la région.",
        "La majorité des habitants ont voté pour le maire sortant.",
        # impersonal il
        "Les enfants jouent dehors quand il fait beau.",
        # il with a singular antecedent nearby
        "Le ministre a averti les députés qu’il démissionnerait si la loi passait.",
        "Le président menace les pays voisins s’il est attaqué.",
        "Les soldats ont quitté la ville quand ils ont reçu l’ordre.",
        # grand-chose, numbers
        "Pas grand-chose n’a changé depuis 1962.",
        "Les 3 000 soldats déployés en 2022 sont rentrés.",
        "Les États-Unis ont annoncé une aide militaire de 2,5 milliards de dollars.",
        # adjective list: each adjective names one item of a plural noun
        "Les langues anglaise et française sont enseignées.",
        # coordinated adjectives on a plural noun
        "Les dirigeants américains et russes se sont parlé.",
        # son before a feminine noun starting with a vowel
        "Son amie est venue avec elle.",
        # coordinated nouns of both genders: masculine plural
        "Cet homme et cette femme sont mariés.",
        # numeral that is also an adjective
        "Ils étaient neuf à avoir voté contre.",
        # reflexive: the participle agrees with the direct object, not the subject
        "Elle s’est lavé les mains avant de partir.",
        # ni … ni
        "Ni la Russie ni l’Ukraine ne veulent céder.",
        # superlative construction
        "C’est une question des plus délicates.",
        # adjective belonging to the noun inside the PP
        "Une tasse de café chaud l’attendait sur la table.",
        # feminine determiner with a job title the dictionary lists as masculine
        "Elle est devenue une auteur reconnue.",
        # object pronoun that looks like a determiner
        "Le journaliste la visite chaque semaine.",
        "Aujourd’hui, la crise des missiles de Cuba reste un exemple.",
        # a non-word (a spelling error) is no noun to agree with, whatever spaCy guesses
        "M. Enzo a deailleurs envoyé paître une de mes collègues !",
    ],
)
def test_never_flags(detector: AgreementDetector, parsed_document, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _found(detector, parsed_document(text)) == []


def test_document_offsets_across_sentences(detector, parsed_document) -> None:  # type: ignore[no-untyped-def]
    # The second line starts at offset 22; the issue carries document offsets and its sent_id.
    ctx = parsed_document("Tout va bien ce soir.\nLa réunion a été annulé hier.")
    assert _found(detector, ctx) == [(39, "annulé", GENDER, "annulée")]
    (issue,) = detector.detect(ctx)
    assert issue.sent_id == 1 and issue.detectors == ("agreement",)


def test_nothing_without_a_parse(detector) -> None:  # type: ignore[no-untyped-def]
    text = "La réunion a été annulé."
    ctx = DocumentContext(Document("d", text), (Sentence("d", 0, 0, len(text), text),), (None,))
    assert list(detector.detect(ctx)) == []


def test_requires_the_parse() -> None:
    assert "parse" in AgreementDetector.requires
