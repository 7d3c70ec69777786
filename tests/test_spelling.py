"""Spelling detector: merged elisions, accents, a/à and ou/où, split and run-together words,
capitals inside a sentence and unknown words, never names, titles or numbers."""

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
ACCENT = "SPELLING-ACCENT"
A_ACCENT = "SPELLING-A-ACCENT"
OU_ACCENT = "SPELLING-OU-ACCENT"
GLUED = "SPELLING-RUN-TOGETHER"
CAPITAL = "SPELLING-CAPITALISATION"


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
        ("Le developpement économique ralentit.", [(3, "developpement", ACCENT, "développement")]),
        # wrong accent
        ("Le probléme reste entier.", [(3, "probléme", ACCENT, "problème")]),
        # a grave accent the 1990 rectifications do not allow: no mute syllable after it
        ("Vous pouvez accèder à vos comptes.", [(12, "accèder", ACCENT, "accéder")]),
        # extra accent
        (
            "Les frappes ont touché une centrale éléctrique.",
            [(36, "éléctrique", ACCENT, "électrique")],
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
        # ... and "è" before a mute syllable (évènement, cèdera, règlementaire)
        "Un évènement dont il cèdera le texte règlementaire.",
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


def test_lower_case_word_runs_no_entity_recogniser(detector, parsed_document) -> None:  # type: ignore[no-untyped-def]
    # A lower-case non-word is a name only by its tag: the entity recogniser (run on demand,
    # per sentence) is not run for it; a capitalised word at the start still asks it.
    ctx = parsed_document("Il est toujurs là.\nLaescalade continue.")
    assert _found(detector, ctx) == [
        (7, "toujurs", UNKNOWN, "toujours"), (19, "Laescalade", MERGED, "L’escalade"),
    ]
    first, second = ctx.parses
    assert not first.has_annotation("ENT_IOB") and second.has_annotation("ENT_IOB")


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short word (below the unknown-word length) that only lacks its grave accent
        ("Le film est tres beau.", [(12, "tres", ACCENT, "très")]),
        # two accents missing on a four-letter word
        ("Il est deja parti.", [(7, "deja", ACCENT, "déjà")]),
        # two accent variants are words (événement, évènement), one word: the commoner wins
        ("L’evenement a eu lieu hier.", [(2, "evenement", ACCENT, "événement")]),
        # a wrong accent on a sentence-initial capitalised word, the capital kept
        ("Trés bien, merci.", [(0, "Trés", ACCENT, "Très")]),
        # ambiguous (élève, élevé): the parse's adjective picks élevé
        ("Le prix est eleve.", [(12, "eleve", ACCENT, "élevé")]),
        # the second part of a hyphenated compound
        ("Il viendra peut-etre demain.", [(16, "etre", ACCENT, "être")]),
    ],
)
def test_accents(detector: SpellingDetector, parsed_document, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert _found(detector, parsed_document(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the first letter stays: "retrouve" (an added letter), not Hunspell's "trouve"
        ("Il rtrouve ses amis chaque été.", [(3, "rtrouve", UNKNOWN, "retrouve")]),
        # the commonest word one edit away, not the first dictionary word found ("toueurs")
        ("Il est toujurs là.", [(7, "toujurs", UNKNOWN, "toujours")]),
        # a rare form of a common verb
        ("Ils emballeaient les colis.", [(4, "emballeaient", UNKNOWN, "emballaient")]),
        # a participle stays a participle (not "aprouve")
        ("Le texte a été aprouvé hier.", [(15, "aprouvé", UNKNOWN, "approuvé")]),
        # an unknown word whose one common neighbour is a verb: flagged where a verb may stand
        ("Il grovit la pente sans peine.", [(3, "grovit", UNKNOWN, "gravit")]),
    ],
)
def test_unknown_word_suggestions(detector, parsed_document, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert _found(detector, parsed_document(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # rare vocabulary: the only dictionary words one edit away are rare ("goura", "conso"
        # for "canso"): a term the dictionary lacks, not a typo
        "Le temple a un gopura orné de statues.",
        "Les troubadours composaient une canso pour leur dame.",
        # foreign words, common in Italian or English usage ("grazie" is no "gracie")
        "Il a crié grazie en partant.",
        "Les enfants chantent des nursery rhymes.",
        # ... and one whose only neighbour changes the first letter ("imago")
        "Il appelait son amigo chaque soir.",
        # after a determiner the word is a noun: a verb one edit away ("gravit") is not meant
        "La chapelle abrite un grovit sculpté.",
    ],
)
def test_unknown_word_never_flags(detector, parsed_document, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _found(detector, parsed_document(text)) == []


def test_initial_a_follows_the_documents_capitals(detector, parsed_document) -> None:  # type: ignore[no-untyped-def]
    # The same second sentence is flagged where the document accents its capitals (État).
    ctx = parsed_document("L’État a décidé.\nA la fin, rien n’a changé.")
    assert _found(detector, ctx) == [(17, "A", A_ACCENT, "À")]


def test_ambiguous_accent_has_no_suggestion(detector) -> None:  # type: ignore[no-untyped-def]
    # Without a parse nothing picks between élève and élevé: flagged, both named, no suggestion.
    text = "Ce soir un eleve chante."
    ctx = DocumentContext(Document("d", text), (Sentence("d", 0, 0, len(text), text),), (None,))
    (issue,) = detector.detect(ctx)
    assert (issue.start, issue.span, issue.code, issue.suggestion) == (11, "eleve", ACCENT, None)
    assert "élève" in issue.message and "élevé" in issue.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # sentence-initial "A" before an article: the preposition
        ("A la fin de la réunion, le ministre est parti.", [(0, "A", A_ACCENT, "À")]),
        # ... before a number, in a document that accents its capitals (États)
        (
            "Les États membres votent.\nA 10 heures, la séance reprend.",
            [(26, "A", A_ACCENT, "À")],
        ),
        # without evidence of the document's style, the locutions only the preposition forms:
        # a word only "à" precedes, an infinitive, "à (la|l’) noun de"
        ("A travers le pays, les prix montent.", [(0, "A", A_ACCENT, "À")]),
        ("A partir de lundi, les écoles ferment.", [(0, "A", A_ACCENT, "À")]),
        ("A cause de la pluie, le match est reporté.", [(0, "A", A_ACCENT, "À")]),
        ("A l’issue du match, les joueurs ont salué.", [(0, "A", A_ACCENT, "À")]),
        # "a" after a finite verb, in a sentence with no subordinate clause before it
        ("Il tient a remercier les participants.", [(9, "a", A_ACCENT, "à")]),
        # "a" + infinitive after an adjective
        ("Les enfants sont prêts a partir.", [(23, "a", A_ACCENT, "à")]),
        # "a" + -er infinitive after a preposition + infinitive
        ("Pour répondre a cette question, il faut du temps.", [(14, "a", A_ACCENT, "à")]),
        # a locution ending in "à"
        ("Il travaille jusqu’a minuit.", [(19, "a", A_ACCENT, "à")]),
        # a word only the preposition precedes
        ("Il est passé a travers la foule.", [(13, "a", A_ACCENT, "à")]),
        # twin words: "peu à peu"
        ("Les prix montent peu a peu.", [(21, "a", A_ACCENT, "à")]),
        # "à" between a subject clitic and a participle: the auxiliary
        ("Il à été élu président.", [(3, "à", A_ACCENT, "a")]),
        # ... after the relative subject "qui"
        ("Le parti qui à gagné les élections gouverne.", [(13, "à", A_ACCENT, "a")]),
        # "il y à"
        ("Il y à trois solutions.", [(5, "à", A_ACCENT, "a")]),
        # "ou" after a place noun, before a subject and a finite verb
        ("La ville ou il habite est belle.", [(9, "ou", OU_ACCENT, "où")]),
        # ... after a time noun
        ("Au moment ou elle est arrivée, il pleuvait.", [(10, "ou", OU_ACCENT, "où")]),
        # "d’ou" is never the conjunction
        ("D’ou vient-il ?", [(2, "ou", OU_ACCENT, "où")]),
        # a question opening with "Ou" + verb
        ("Ou est la gare ?", [(0, "Ou", OU_ACCENT, "Où")]),
        # "là ou" + reflexive verb with the subject after it
        ("C’est là ou se trouve le musée.", [(9, "ou", OU_ACCENT, "où")]),
        # a place's name, a comma, then a clause
        ("Il se réfugia en Suisse, ou il donna des cours.", [(25, "ou", OU_ACCENT, "où")]),
    ],
)
def test_homophones(detector: SpellingDetector, parsed_document, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert _found(detector, parsed_document(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two common words glued, one a function word
        (
            "Les chiffres montrent que lesdonnées sont fausses.",
            [(26, "lesdonnées", GLUED, "les données")],
        ),
        # a pronoun glued to the verb
        ("Il a dit que celaest impossible.", [(13, "celaest", GLUED, "cela est")]),
        # the case changes inside one token: an acronym and a function word, two words
        ("Le ratio du ROE, de la ROAet du bénéfice.", [(23, "ROAet", GLUED, "ROA et")]),
        ("Il mesure la dollarLa performance.", [(13, "dollarLa", GLUED, "dollar La")]),
        # "ya" after a subject clitic, although "ya" is common on the web
        ("Il ya des problèmes.", [(3, "ya", GLUED, "y a")]),
        # "dela": "de la" (both function words) rather than the accent variant "delà"
        ("Il parle dela situation.", [(9, "dela", GLUED, "de la")]),
        # a rarer content word glued to a very common function word, either side
        (
            "Un plan innovant et créatifspour la sécurité.",
            [(20, "créatifspour", GLUED, "créatifs pour")],
        ),
        ("Il faut lire attentivementles consignes.", [(13, "attentivementles", GLUED, "attentivement les")]),
    ],
)
def test_run_together(detector: SpellingDetector, parsed_document, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert _found(detector, parsed_document(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a determiner capitalised after a comma
        ("Les participants étaient présents, Tous, merci.", [(35, "Tous", CAPITAL, "tous")]),
        # an elided article capitalised after "et"
        ("Le rapport, et L’engagement du PDG, ont déçu.", [(15, "L’", CAPITAL, "l’")]),
        # a geographic adjective after a country's name
        (
            "Le pays a signé un accord avec l’Arabie Saoudite et le Qatar.",
            [(40, "Saoudite", CAPITAL, "saoudite")],
        ),
        # ... after a continent's
        (
            "La croissance de l’Amérique Latine ralentit cette année.",
            [(28, "Latine", CAPITAL, "latine")],
        ),
        # a subject pronoun capitalised after an elided word
        ("Ils protestent, de sorte qu’Il y a des conflits.", [(28, "Il", CAPITAL, "il")]),
        # a nationality adjective capitalised after a common noun, as English does
        (
            "Le gouvernement Français et les autorités Indonésiennes ont signé.",
            [(16, "Français", CAPITAL, "français"), (42, "Indonésiennes", CAPITAL, "indonésiennes")],
        ),
        ("Selon les médias Russes, la langue Anglaise recule.",
         [(17, "Russes", CAPITAL, "russes"), (35, "Anglaise", CAPITAL, "anglaise")]),
        # an acronym the same document writes in capitals (not the dateline, not "Jakarta")
        (
            "JAKARTA - Le KPK enquête. Le porte-parole de Kpk a dit que kpk et Jakarta coopèrent.",
            [(45, "Kpk", CAPITAL, "KPK"), (59, "kpk", CAPITAL, "KPK")],
        ),
        # a lower-case word of at most one vowel that is no word: an acronym, even alone
        ("L’équipe d’enquête de kpk a parlé du gouvernement provincial dki et de ppkm.",
         [(22, "kpk", CAPITAL, "KPK"), (61, "dki", CAPITAL, "DKI"), (71, "ppkm", CAPITAL, "PPKM")]),
    ],
)
def test_capitals(detector: SpellingDetector, parsed_document, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert _found(detector, parsed_document(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the accent of a capital alone is house style
        "L’Etat et l’Ecole publique ont signé.",
        # the people, a name that follows, a name's adjective after a capitalised word or a
        # geographic noun, the tagger's adjective before it
        "Les Français votent ; il a rencontré un Italien et des Japonais.",
        "Le groupe Français Total a publié ; l’Union Européenne a réagi.",
        "Le séisme a frappé l’océan Indien ; le groupe privé Ivoirien grandit.",
        # lower-case words beside an all-capital heading or a dateline, a common English word
        "LES RÉSULTATS DU VOTE\nLes résultats sont tombés.",
        "PARIS - Le maire de Paris a parlé.",
        "Le groupe THE a sorti un disque ; the end.",
        # all capitals keep no accents
        "DENOMINATION DU MEDICAMENT",
        # units, chat abbreviations, file extensions, hyphenated and URL words, two vowels
        "Il a couru 12 km avec 3 kg, svp, et mdr ; le fichier .mdb et www.kpk.go.id, le sri-lankais.",
        "Les données sont soupçonnées de bocor selon la police.",
        # an English word whose accented form is French
        "Il a joué du heavy metal toute la nuit.",
        # a name without its accent
        "Jose Mourinho a parlé hier.",
        # "A" as a letter, and a headline's verb
        "A et B sont deux ensembles.",
        # a document that writes unaccented capitals ("Etat") may write "A" for "À"
        "L’Etat a décidé.\nA la fin, rien n’a changé.",
        # edited French often leaves every capital unaccented: without a locution or an accented
        # capital elsewhere, a sentence-initial "A" is house style (a possessive, a place, a
        # number, a demonstrative, an article + noun that is no "à la N de" locution)
        "A son arrivée, le maire a parlé.",
        "A Lyon, il pleut depuis lundi.",
        "A 8 heures, le train part.",
        "A ces mots, il sortit.",
        "A la fin, rien n’a changé.",
        # a Latin locution keeps its plain "a"
        "A priori, la réunion aura lieu.",
        # the verb "a" after a relative clause
        "Celui qui gagne a le droit de choisir.",
        # the verb "a" + a determiner after a participle
        "Le texte adopté a un sens précis.",
        # "a" + -er infinitive after a noun: more likely "a lancé" than "à lancer", left alone
        "Le ministre a lancer la réforme.",
        # avoir + a bare noun ("avoir pouvoir de"), "avoir beau", "a priori"
        "Le conseil a pouvoir de décider, il a beau dire, c’est a priori réglé.",
        # an infinitive subject
        "Voyager a un prix.",
        # correct "à"
        "Il est allé à Paris en machine à laver, tout à fait.",
        # "à lui à décider": à + infinitive, not a participle
        "Ce n’est pas à lui à décider.",
        # "il y a à manger"
        "Il y a à manger pour tous.",
        # "ou" coordinating clauses or nouns
        "Tu viens ou tu restes ?",
        "Il paiera l’amende ou il ira en prison.",
        "Le jour ou la nuit, la ville reste animée.",
        "Un jour ou l’autre, il partira.",
        "Ou bien il vient, ou bien il part ?",
        # two questions: the inverted subject
        "Se suicide-t-il ou s’agit-il d’un accident ?",
        # a welded compound (1990 spelling of bien-être)
        "Il a eu un bienêtre certain.",
        # a prefixed derivation, not "méga" + "subvention"
        "Il a reçu une mégasubvention.",
        # a word quoted as a mention
        "Le mot « lesdonnées » est une faute.",
        # camel-case brands and names, an acronym's plural
        "Ouvrez PowerPoint sur votre iPhone ou sur eBay avec JavaScript, DuPont, McDonald et les PMEs.",
        # camel-case identifiers of English words in documentation
        "Chaque message est un objet Activity de type messageType: message ; remplissez userName.",
        "Appelez getValue() puis lisez config.maxValue et dataSet[0].",
        # a product name with two capitals; a title after the noun that labels it
        "Configurez la connectivité VNet de votre instance dans un réseau virtuel (VNet).",
        "Pour plus d’informations, consultez la sous-section, Les logiciels affectés et non affectés, "
        "dans cette section.",
        # a typo for "gentiment", not "gentille" + "ment"
        "Il a remercié ses amis gentillement.",
        # a capital after an elided article: a name ("l’Ile de Ré", "d’Elle" the magazine)
        "Il vit sur l’Ile de Ré et lit un numéro d’Elle.",
        # derivations the dictionary lacks, not a function word glued to a rarer word
        "La surtaxation des carburants est contestée.",
        "Ils ont vu un contrexemple évident.",
        # a newspaper's name after "et", a party's after a comma
        "Le conseil a voté, et Le Figaro a publié la liste.",
        "Les électeurs, et Les Républicains en particulier, ont voté.",
        # titles of works after a colon, and after their author
        "Ses films : Le Voyage, Le Retour et L’attente de minuit.",
        "R. Dupont, Les crimes de guerre, Paris, 1920.",
        # names whose adjective keeps its capital: a common noun first, a first name, a brand,
        # a historic region
        "Les navires traversent la mer Rouge près de la Maison Blanche.",
        # an epicene word after a country is no French adjective of its name (Portuguese «leste»)
        "L’équipe jouera un match amical contre le Timor Leste à la fin du mois.",
        "Louis Blanc écoutait France Bleu.",
        "Ils ont visité l’Asie Mineure au printemps.",
        # a noun or an adjective capitalised after a comma: maybe a title ("Premier ministre")
        "Le chef du gouvernement, Premier ministre depuis mai, a parlé.",
        # «Ou» (or) opening a question whose verb and inverted pronoun take an attribute
        "Ou est-ce différent cette fois ?",
    ],
)
def test_never_flags_new_families(detector: SpellingDetector, parsed_document, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _found(detector, parsed_document(text)) == []


def test_load_reads_only_the_frequent_words_of_spanish_italian_german(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The foreign-word test needs Zipf >= 2 there: wordfreq's whole lists (125 MB) are not read.
    import wordfreq

    read: list[str] = []
    whole = wordfreq.get_frequency_dict
    monkeypatch.setattr(wordfreq, "get_frequency_dict", lambda lang, *a: read.append(lang) or whole(lang, *a))
    SpellingDetector().load()
    assert sorted(read) == ["en", "fr"]


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        # English cognates are French words with their accents dropped
        ("Le tribunal rend sa decision demain.", "decision", "décision"),
        ("Il plaide pour la cooperation renforcée.", "cooperation", "coopération"),
        # a prefix and a word ("re" + "alite") do not make a derivation of «réalité»
        ("Il est en realite un criminel.", "realite", "réalité"),
        # after an acronym, a common word is still meant
        ("Le RPR etait un parti politique.", "etait", "était"),
        # a variant a hundred times commoner wins over the tag («mème», «tète»)
        ("Il s'agit de la meme situation.", "meme", "même"),
        ("Il souffre de maux de tete le matin.", "tete", "tête"),
        # a word the tagger calls a name is still lower-case French
        ("La dette tourne à la crise financiere.", "financiere", "financière"),
    ],
)
def test_dropped_accents_flagged(detector, parsed_document, text: str, span: str, suggestion: str) -> None:  # type: ignore[no-untyped-def]
    found = _found(detector, parsed_document(text))
    assert [(s, c, g) for _, s, c, g in found] == [(span, ACCENT, suggestion)]


@pytest.mark.parametrize(
    "text",
    [
        # loans French usage writes without accents, about as often as with them
        "Il joue dans un groupe de thrash metal allemand.",
        "Les media en ont beaucoup parlé.",
        # English right next to the word
        "Il a répondu : the decision is final.",
        # 1990 reformed spellings
        "Le cout du diner était élevé.",
    ],
)
def test_dropped_accents_never_flagged(detector, parsed_document, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [f for f in _found(detector, parsed_document(text)) if f[2] == ACCENT] == []


@pytest.mark.parametrize(
    ("text", "span", "suggestion"),
    [
        ("Comment Créer Un Compte Sur La Plateforme", "Créer Un Compte Sur La Plateforme",
         "créer un compte sur la plateforme"),
        # names keep their capitals (a name, a country, an unknown word), and so does an
        # article before a name ("La Haye")
        ("Le Président Jokowi Inaugure Le Nouveau Barrage De Bendungan",
         "Président Jokowi Inaugure Le Nouveau Barrage De",
         "président Jokowi inaugure le nouveau barrage de"),
        # one issue for the heading, no SPELLING-CAPITALISATION for "Et Les" inside it
        ("Le Président Et Les Ministres Se Réunissent Demain",
         "Président Et Les Ministres Se Réunissent Demain",
         "président et les ministres se réunissent demain"),
        ("Le Ministre Visite Paris Et La Haye Cette Semaine",
         "Ministre Visite Paris Et La Haye Cette Semaine",
         "ministre visite Paris et La Haye cette semaine"),
    ],
)
def test_title_case_flagged(detector, parsed_document, text: str, span: str, suggestion: str) -> None:  # type: ignore[no-untyped-def]
    found = _found(detector, parsed_document(text))
    assert [(s, c, g) for _, s, c, g in found] == [(span, "SPELLING-TITLE-CASE", suggestion)]


@pytest.mark.parametrize(
    "text",
    [
        # a sentence, not a title-case heading
        "Il a visité La Haye et Le Havre avec des amis.",
        # a heading in French sentence case
        "Comment créer un compte sur la plateforme",
        # one capitalised function word only: a name may hold it ("Le Monde Diplomatique")
        "Le Monde Diplomatique Publie Un Nouveau Numéro",
        # English title
        "Tunes of Wacken--Live est le premier live du groupe de thrash metal allemand Grave Digger.",
    ],
)
def test_title_case_never_flagged(detector, parsed_document, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [f for f in _found(detector, parsed_document(text)) if f[2] == "SPELLING-TITLE-CASE"] == []
