"""The clauses detector: unclosed appositions, subordinate clauses with no main clause or no verb,
missing final punctuation. Sentences are written for the tests (no dev-set text)."""

from __future__ import annotations

import pytest

from mt_check.detectors.clauses import ClausesDetector


def _found(ctx, code=None):  # type: ignore[no-untyped-def]
    issues = list(ClausesDetector().detect(ctx))
    for issue in issues:
        assert ctx.document.text[issue.start : issue.end] == issue.span
        assert issue.code in ClausesDetector.declared()
    return [(i.code, i.span, i.suggestion) for i in issues if code is None or i.code == code]


def _at(ctx, code):  # type: ignore[no-untyped-def]
    """(code, text before the position) of each zero-length issue: where the mark goes."""
    return [(i.code, ctx.document.text[: i.start]) for i in ClausesDetector().detect(ctx) if i.code == code]


APPOSITION = "PUNCTUATION-UNCLOSED-APPOSITION"
NO_MAIN = "GRAMMAR-NO-MAIN-CLAUSE"
NO_VERB = "GRAMMAR-SUBORDINATOR-WITHOUT-VERB"
FINAL = "PUNCTUATION-MISSING-FINAL"
SERIAL = "PUNCTUATION-SERIAL-COMMA"


# --- unclosed appositions --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "before"),
    [
        # title with a capitalised office, comma, name, verb: the closing comma is missing
        ("Le ministre indonésien des Affaires étrangères, Retno Marsudi a tenu des réunions bilatérales.",
         "Le ministre indonésien des Affaires étrangères, Retno Marsudi"),
        # an acronym in brackets inside the title
        ("Le directeur de Radio Republik Indonesia (RRI), Muhamad Sujai a présenté la radio aux invités.",
         "Le directeur de Radio Republik Indonesia (RRI), Muhamad Sujai"),
        # the parse reads the title as the subject and the name as its apposition
        ("Le président de la République d'Indonésie, Joko Widodo a inauguré le nouveau port.",
         "Le président de la République d'Indonésie, Joko Widodo"),
        # a negated verb after the name
        ("Le chef de la police de Jakarta, Karyoto n'a pas confirmé l'arrestation.",
         "Le chef de la police de Jakarta, Karyoto"),
        # the mirror shape: name, comma, title, verb
        ("Joko Widodo, le président indonésien a inauguré le nouveau port.",
         "Joko Widodo, le président indonésien"),
        # a name with an English particle and an acronym, a title with brackets
        ("Voice of Indonesia (VOI), la station de radio internationale de la RRI a organisé une fête.",
         "Voice of Indonesia (VOI), la station de radio internationale de la RRI"),
    ],
)  # fmt: skip
def test_apposition_flagged(make_context, sentence, before) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context(sentence)
    assert _found(ctx, APPOSITION) == [(APPOSITION, "", ",")]
    assert _at(ctx, APPOSITION) == [(APPOSITION, before)]


@pytest.mark.parametrize(
    "sentence",
    [
        # fronted time adverbials before a subject
        "Le lendemain, Pierre a mangé une pomme.",
        "L'année dernière, Marie est partie en Espagne.",
        "Le 24 septembre, Macron a déclaré la guerre.",
        "Le lendemain de Noël, Pierre a mangé.",
        "Le soir de Noël, Marie a chanté.",
        "Le jour de la Fête nationale, Macron a parlé.",
        "Le matin du 14 Juillet, Macron a défilé.",
        "Le premier jour du Ramadan, Jokowi a prié à Jakarta.",
        # a place adverbial
        "Le long de la Seine, Pierre a couru.",
        # the apposition closed, or never opened
        "Le ministre des Affaires étrangères, Retno Marsudi, a tenu des réunions.",
        "Le ministre Retno Marsudi a tenu des réunions.",
        "Jean Dupont, le maire de Lyon, a démissionné.",
        # prepositional and adverbial openers
        "À Paris, Pierre a dit non.",
        "A Boston, l'aéroport international Logan n'était pas fermé.",
        "Selon Reuters, le ministre a démissionné.",
        "Lundi, le Premier ministre a démissionné.",
        "Cependant, le ministre a démissionné.",
        # lists of names or of titles
        "Le ministre, Retno Marsudi et Budi Gunadi ont signé l'accord.",
        "La présidente du FMI, Kristalina Georgieva et le ministre ont signé.",
        "La France, l'Allemagne et l'Italie ont signé le traité.",
        "Le Real Madrid, Barcelone et Valence ont gagné.",
        "Pierre, Paul et Jacques sont venus.",
        # a dislocated object taken up by a clitic
        "Le cas de Dreyfus, Zola l'a défendu avec courage.",
        # an absolute construction with a participle
        "Les yeux rivés sur l'Élysée, Macron a attendu.",
        # a plural topic before one name with a singular verb
        "Les députés de la NUPES, Mathilde Panot a pris la parole.",
        # a dateline in capitals
        "JAKARTA, la police a arrêté trois suspects.",
        # a place, then a bare noun as the subject: a topic, not a title in apposition
        "Sulawesi du Sud, la majorité a le potentiel de pluie légère le matin.",
    ],
)
def test_apposition_not_flagged(make_context, sentence) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context(sentence), APPOSITION) == []


# --- subordinate clause with no main clause --------------------------------------------------


@pytest.mark.parametrize(
    ("paragraphs", "span"),
    [
        # "Alors que" clause, then only a relative clause: literal "sementara"
        ("Alors que les finalistes indonésiens étaient Chico Aura et Sabar Karyaman (double), "
         "qui a été battu.",
         "Alors que"),
        # "Bien que" clause standing alone
        ("Bien que les prix du pétrole ont augmenté de 3 % au cours de la semaine.", "Bien que"),
        # "Lorsque" clause standing alone
        ("Lorsque le gouvernement a annoncé la hausse des prix du carburant le mois dernier.", "Lorsque"),
        # "Parce que" as a sentence of news, not an answer
        ("Parce que les autorités locales n'ont pas encore publié le bilan officiel des victimes.",
         "Parce que"),
        # a relative clause with "où" after the comma is no main clause
        ("Alors que les négociations se poursuivent à Genève, où les diplomates sont réunis depuis lundi.",
         "Alors que"),
        # "Tandis que" clause standing alone
        ("Tandis que les prix de l'énergie augmentent.", "Tandis que"),
        # an aside between commas after the conjunction; "De sorte que", a relative "Où"
        ("Bien que, selon lui, la décision est entre les mains du président élu.", "Bien que"),
        ("De sorte que le traitement des affaires continuera sans être affecté.", "De sorte que"),
        ("Où Megawati est le cinquième président de la République.", "Où"),
    ],
)  # fmt: skip
def test_no_main_clause_flagged(make_context, paragraphs, span) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context(paragraphs), NO_MAIN) == [(NO_MAIN, span, None)]


@pytest.mark.parametrize(
    "paragraphs",
    [
        # a main clause after the comma
        "Alors que la pluie tombait, il est sorti.",
        "Bien qu'il pleuve, nous partons.",
        "Tandis que les prix augmentent, les salaires stagnent.",
        "Même si le temps presse, rien n'est décidé.",
        "Avant que le soleil ne se lève, ils étaient partis.",
        # an incise between the clauses
        "Parce qu'il pleuvait, disait-il, nous sommes restés.",
        # a main clause without a comma
        "Lorsque Pierre est arrivé Marie est partie.",
        # a main clause whose verb the tagger reads as a noun ("mérite")
        "Bien que le naufrage se soit déroulé au large cet évènement mérite d'être mentionné.",
        # the subordinate clause holds a relative clause, the main clause follows
        "Bien que le ministre ait démissionné hier, le gouvernement qu'il dirigeait reste en place.",
        # elliptic clauses
        "Bien que fatigué, il a continué.",
        "Parce que trop cher, le projet a été abandonné.",
        "Alors que moi, non.",
        # the main clause in quotes, then the reporting verb
        "Alors que la crise s'aggrave, « nous devons agir », a dit le ministre.",
        # an answer to a question, quoted speech, a question
        ["Pourquoi est-il parti ?", "Parce qu'il pleuvait."],
        "« Parce qu'il pleuvait. »",
        "Parce que tu crois qu'il viendra ?",
        # a conjunction inside the sentence, not at its start
        "Il est sorti alors que la pluie tombait.",
        # an aside, then a main clause; a concessive «où que»; a question with «où»
        "Bien que, selon lui, il soit tard, nous partons.",
        "Où que vous alliez, il vous suivra.",
        "Où est-il parti hier soir",
        # the main clause's imperative, which the tagger read as a participle after «sont écoulés,»
        "Lorsque les 14 jours sont écoulés, choisissez le plan avec lequel vous souhaitez continuer.",
    ],
)
def test_no_main_clause_not_flagged(make_context, paragraphs) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context(paragraphs), NO_MAIN) == []


# --- subordinator without a verb -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        # "jusqu'à ce que" + noun phrase (Indonesian "sampai"), curly apostrophe
        ("Ils ont lancé des bouteilles, puis des pierres jusqu’à ce que des cocktails Molotov.",
         "jusqu’à ce que des cocktails Molotov"),
        # straight apostrophe
        ("Ils ont tout vendu, les meubles jusqu'à ce que les livres.", "jusqu'à ce que les livres"),
        # other conjunctions that need a clause
        ("Ils ont marché pendant des heures à moins que la pluie.", "à moins que la pluie"),
        ("Les manifestants ont lancé des bouteilles de sorte que des blessés.", "de sorte que des blessés"),
    ],
)  # fmt: skip
def test_subordinator_without_verb_flagged(make_context, sentence, span) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context(sentence), NO_VERB) == [(NO_VERB, span, None)]


@pytest.mark.parametrize(
    "sentence",
    [
        # the clause has its verb
        "Il est resté jusqu'à ce que la police arrive.",
        "Il ne partira pas à moins que tu viennes.",
        "Il travaille de sorte que tout soit prêt.",
        "Il a attendu jusqu'à ce que mort s'ensuive.",
        # the clause ends at a comma: its verb may follow an inserted phrase
        "Restez jusqu'à ce que tout soit fini, puis partez.",
        "Il attendra jusqu'à ce que le soir, enfin, la nuit tombe.",
        # the structure detector's conjunctions are not this detector's
        "Il a continué bien que fatigué.",
        "Quelques jours après que des informations.",
    ],
)
def test_subordinator_without_verb_not_flagged(make_context, sentence) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context(sentence), NO_VERB) == []


# --- missing final punctuation ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraphs", "before"),
    [
        # the last of several sentences lost its full stop
        ([["Le chiffre d'affaires a progressé de 4 %.",
           "Le bénéfice net a reculé pour le deuxième trimestre"]],
         "Le chiffre d'affaires a progressé de 4 %. Le bénéfice net a reculé pour le deuxième trimestre"),
        # a stray full stop that the splitter did not cut at, then the end without one
        ([["Le bénéfice par action était de 2,15 dollars. , plus que les 1,90 $ attendus"]],
         "Le bénéfice par action était de 2,15 dollars. , plus que les 1,90 $ attendus"),
        # a long body paragraph between punctuated paragraphs, after a headline
        ([["Le titre du jour sans point"],
          ["Le gouvernement a présenté mardi son budget pour l'année prochaine."],
          ["Le ministre des Finances a expliqué devant les députés que les dépenses publiques "
           "baisseraient de deux pour cent dès le mois de janvier"]],
         "Le titre du jour sans point\nLe gouvernement a présenté mardi son budget pour l'année prochaine.\n"
         "Le ministre des Finances a expliqué devant les députés que les dépenses publiques baisseraient "
         "de deux pour cent dès le mois de janvier"),
    ],
)  # fmt: skip
def test_missing_final_flagged(make_context, paragraphs, before) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context(paragraphs)
    assert _found(ctx, FINAL) == [(FINAL, "", ".")]
    assert _at(ctx, FINAL) == [(FINAL, before)]


@pytest.mark.parametrize(
    "paragraphs",
    [
        # a one-sentence paragraph: a headline, even a long one with a verb
        "Le naira nigérian atteint un niveau record de 1 531 pour un dollar sur le marché officiel",
        "Cette date est désormais commémorée comme la Journée nationale de la radio en Indonésie",
        # a headline as the document's first paragraph, body paragraphs punctuated
        [["Le Kremlin dit que la ligne spéciale entre Moscou et Washington n'a pas encore été utilisée "
          "du tout"],
         ["Les lignes téléphoniques spéciales n'ont pas été utilisées, a déclaré le Kremlin."]],
        # a short subheading between body paragraphs
        [["Le gouvernement a présenté son budget."], ["Les réactions des partis"],
         ["L'opposition a critiqué le texte."]],
        # endings that close a sentence: quote, bracket, ellipsis, colon
        [["Il a parlé.", "Il a dit « nous verrons »"]],
        [["Il a parlé.", "Il a ajouté une précision (voir plus bas)"]],
        [["Il a parlé.", "Et puis…"]],
        [["Il a parlé.", "Il a cité trois raisons :"]],
        # an abbreviation inside a one-sentence paragraph is no sentence end
        "Le film est réalisé par J.A. Howe et Clarence Hennecke",
        "Les fruits, les légumes, etc. sont vendus au marché du village",
        # a list item
        [["Vous contrôlez :"], ["- la langue par défaut de la plateforme présentée aux visiteurs"]],
        # a one-word kicker before a headline
        [["Attention!", "BMKG rappelle que trois régions de l’est du pays connaîtront des pluies "
          "accompagnées de vents violents"]],
        # capitals: a heading
        [["Voici la notice.", "QUELLES SONT LES INFORMATIONS A CONNAITRE AVANT DE COMMENCER"]],
    ],
)  # fmt: skip
def test_missing_final_not_flagged(make_context, paragraphs) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context(paragraphs), FINAL) == []


# --- serial comma ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "before"),
    [
        # three noun phrases, the last after ", et": the comma goes
        ("Il a acheté le pain, le lait, et les œufs.", "Il a acheté le pain, le lait"),
        # ... with "ou", with complements, and a tagger that calls "l’" a noun
        ("Vous pouvez choisir la langue du site, le thème, ou la police.",
         "Vous pouvez choisir la langue du site, le thème"),
        ("Il envoie l’adresse du serveur, le port, et de la version du logiciel.",
         "Il envoie l’adresse du serveur, le port"),
        # a longer list
        ("On y trouve les églises, la place, la mairie, et les magasins du centre.",
         "On y trouve les églises, la place, la mairie"),
        # items opened by the same preposition (en/au/aux/à as one group), and names
        ("Le produit est vendu en France, en Allemagne, et en Italie.",
         "Le produit est vendu en France, en Allemagne"),
        ("Il a vécu au Japon, en Chine, et aux États-Unis.", "Il a vécu au Japon, en Chine"),
        ("Il travaille avec les clients, avec les fournisseurs, et avec les partenaires.",
         "Il travaille avec les clients, avec les fournisseurs"),
        ("Il a visité des villes telles que Paris, New York, et Tokyo.",
         "Il a visité des villes telles que Paris, New York"),
    ],
)
def test_serial_comma_flagged(make_context, sentence, before) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context(sentence)
    assert _found(ctx, SERIAL) == [(SERIAL, ",", "")]
    assert _at(ctx, SERIAL) == [(SERIAL, before)]


@pytest.mark.parametrize(
    "sentence",
    [
        # no comma before "et": correct French
        "Il a acheté le pain, le lait et les œufs.",
        # two items only: the comma closes something else ("Le matin, le café, et le thé" aside)
        "Il a acheté le pain, et le lait était frais.",
        # names in apposition between the items: the comma closes an apposition
        "Il a nommé le ministre des Finances, Paul Martin, la ministre de la Santé, Anne Roy, et le ministre "
        "de l'Intérieur.",
        # clauses, not noun phrases
        "Il est venu, il a vu, et il a vaincu.",
        # the phrase after "et" is the subject of a new clause
        "Il a rangé la cuisine, le salon, et les enfants sont partis.",
        # items that are no determiner-led noun phrases
        "Les fossés, de cent pieds de long, sur chaque face, et de quinze de profondeur, existaient encore.",
        # an adverb in an item ("puis le documentaire")
        "Elle a vu le film, puis le documentaire, et la série.",
        # different prepositions; a year among the items; a clause after «et»
        "Dans la charge de maire, pour l'exercer dignement, et au consentement des habitants.",
        "En France, en 2019, et il s'étend.",
        "Il a vécu en France, en Chine, et il est rentré.",
        # names without the serial comma
        "Il a visité Paris, Rome et Londres.",
    ],
)
def test_serial_comma_not_flagged(make_context, sentence) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context(sentence), SERIAL) == []


def test_needs_the_parse(make_context) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context("Le ministre des Affaires étrangères, Retno Marsudi a tenu des réunions.", parse=False)
    assert _found(ctx) == []


def test_declares_its_codes() -> None:
    codes = {c.code: (c.category.value, c.severity.value) for c in ClausesDetector.codes}
    assert codes == {
        APPOSITION: ("punctuation", "minor"),
        NO_MAIN: ("grammar", "major"),
        NO_VERB: ("grammar", "major"),
        FINAL: ("punctuation", "minor"),
        SERIAL: ("punctuation", "minor"),
    }
