"""The contractions detector: "de le" -> "du", "au" before a vowel, missing elisions, "cet"/"son"."""

from __future__ import annotations

import pytest

from mt_check.detectors.contractions import (
    ContractionsDetector,
    document_apostrophe,
    starts_with_vowel_sound,
)
from mt_check.types import Category, Severity


@pytest.fixture(scope="module")
def detector(lexicon) -> ContractionsDetector:  # type: ignore[no-untyped-def]
    return ContractionsDetector(lexicon)


def _found(detector: ContractionsDetector, ctx) -> list[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    issues = list(detector.detect(ctx))
    for issue in issues:
        assert ctx.document.text[issue.start : issue.end] == issue.span
        assert issue.category is Category.GRAMMAR and issue.severity is Severity.MINOR
        assert issue.code in detector.declared()
    return [(i.code, i.span, i.suggestion) for i in issues]


C, E, U = "GRAMMAR-CONTRACTION", "GRAMMAR-ELISION", "GRAMMAR-EUPHONY"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "de le" before a masculine noun: the article is a determiner (parse), "du".
        ("Les prix de le marché ont baissé.", [(C, "de le", "du")]),
        # "à les" before an adjective and its noun: "aux".
        ("Les aides vont à les grandes entreprises du pays.", [(C, "à les", "aux")]),
        # "de les" before a noun: "des".
        ("Il a parlé de les enfants du village.", [(C, "de les", "des")]),
        # "à le" before a noun the lexicon does not know: the parse decides.
        ("Il fut affecté à le kommando de la ville.", [(C, "à le", "au")]),
        # A noun that is also a present participle ("commandant") is still a noun after "de".
        ("Il dépendait de le commandant de la place.", [(C, "de le", "du")]),
        # Sentence-initial capital: "De les" -> "Des".
        ("De les milliers de personnes sont venues.", [(C, "De les", "Des")]),
        # A compound that spaCy splits ("Royaume-Uni") is still the noun after the article.
        ("Son siège se trouve à le Royaume-Uni.", [(C, "à le", "au")]),
        # "en les" before a common noun: "aux" or "dans les", no exact suggestion.
        ("Il a classé les coureurs en les places de tête.", [(C, "en les", None)]),
        # "en les" before a plural place name: "aux".
        ("Il est parti en les Philippines.", [(C, "en les", "aux")]),
        # "au"/"du" before a vowel or a mute h.
        ("Le concert a eu lieu au amphithéâtre de la faculté.", [(C, "au amphithéâtre", "à l’amphithéâtre")]),
        ("Le patient est sorti du hôpital ce matin.", [(C, "du hôpital", "de l’hôpital")]),
        # A name after "du"/"au" elides too; "au" has no single fix ("à l’Ohio", "en Iran").
        ("Il a parlé du Institute of Technology.", [(C, "du Institute", "de l’Institute")]),
        ("Il a vécu au Ohio et au Iran.", [(C, "au Ohio", None), (C, "au Iran", None)]),
        # Relative pronouns always contract (no parse needed).
        ("C’est la raison pour de lequel il part.", [(C, "de lequel", "duquel")]),
        ("Les pays à lesquels il pense sont loin.", [(C, "à lesquels", "auxquels")]),
        # "à le moins" -> "au moins": an adverb, not a noun.
        ("La perfusion dure à le moins une heure.", [(C, "à le", "au")]),
        # Articles and pronouns before a vowel or a mute h elide.
        ("Le avion a atterri près de la école.", [(E, "Le avion", "L’avion"), (E, "la école", "l’école")]),
        ("Il a visité le hôtel de ville.", [(E, "le hôtel", "l’hôtel")]),
        ("Il faut trouver de autres solutions.", [(E, "de autres", "d’autres")]),
        ("Il parle de un projet.", [(E, "de un", "d’un")]),
        # Country names the lexicon knows as nouns, and places after "de".
        ("Le conflit avec le Irak dure.", [(E, "le Irak", "l’Irak")]),
        ("Il revient de Atlanta demain.", [(E, "de Atlanta", "d’Atlanta")]),
        # An acronym that the lexicon knows and that starts with a vowel.
        ("Le rapport de la ONU est paru.", [(E, "la ONU", "l’ONU")]),
        # "que" before a pronoun or an article.
        ("Il a dit que il viendra et que elle aussi.", [(E, "que il", "qu’il"), (E, "que elle", "qu’elle")]),
        ("Il pense que un accord est proche.", [(E, "que un", "qu’un")]),
        ("Il ne reste que à signer.", [(E, "que à", "qu’à")]),
        # "si il(s)" -> "s’il(s)".
        ("Je ne sais pas si il viendra.", [(E, "si il", "s’il")]),
        ("Si ils partent, nous restons.", [(E, "Si ils", "S’ils")]),
        # "lorsque", "puisque" before "il/elle/on/un/une/en".
        ("Il se tait lorsque on lui parle.", [(E, "lorsque on", "lorsqu’on")]),
        ("Il reste puisque elle le veut.", [(E, "puisque elle", "puisqu’elle")]),
        # "jusque" before a vowel.
        ("Il a attendu jusque à midi.", [(E, "jusque à", "jusqu’à")]),
        # Clitics before a verb, "en" or "y".
        ("Je ai vu le film.", [(E, "Je ai", "J’ai")]),
        ("Il me a dit la vérité.", [(E, "me a", "m’a")]),
        ("Elle se est levée tôt.", [(E, "se est", "s’est")]),
        ("Il ne est pas venu.", [(E, "ne est", "n’est")]),
        ("Il ne y a rien à faire.", [(E, "ne y", "n’y")]),
        ("Il ne en veut plus.", [(E, "ne en", "n’en")]),
        ("Le fils ne ayant rien dit, il partit.", [(E, "ne ayant", "n’ayant")]),
        # An inverted subject after the verb ("est-il").
        ("Le roi ne est-il pas parti ?", [(E, "ne est-il", "n’est-il")]),
        # "ce est" -> "c’est".
        ("Je crois que ce est vrai.", [(E, "ce est", "c’est")]),
        # «ça» is never the subject of «est».
        ("Ça est sur le point de changer et ça était prévu.",
         [(E, "Ça est", "C’est"), (E, "ça était", "c’était")]),
        # The object pronoun before "a" after a subject pronoun.
        ("Il le a vu hier.", [(E, "le a", "l’a")]),
        # "le on" -> "l’on".
        ("C’est un lieu que le on visite.", [(E, "le on", "l’on")]),
        # "le un des": the pronoun "l’un".
        ("Il est allergique à le un des composants.", [(E, "le un", "l’un")]),
        # Determiners with a form for vowels: "cet", "son".
        ("Ce homme a vu sa amie dans ce avion.",
         [(U, "Ce homme", "Cet homme"), (U, "sa amie", "son amie"), (U, "ce avion", "cet avion")]),
        # nouvel, bel, vieil after a singular determiner, before a masculine vowel-initial noun
        ("Créez un nouveau espace ; il a un beau appartement et ce vieux ordinateur.",
         [(U, "nouveau espace", "nouvel espace"), (U, "beau appartement", "bel appartement"),
          (U, "vieux ordinateur", "vieil ordinateur")]),
        # an acronym that starts with a vowel letter after «de», «que», «le»
        ("Votre version de ONTAP montre que IAM marche avec le AWS CLI.",
         [(E, "de ONTAP", "d’ONTAP"), (E, "que IAM", "qu’IAM"), (E, "le AWS", "l’AWS")]),
        # «c'» for «s'» between a subject and a participle
        ("La réunion c'est tenue à Paris et la roupie c’est dépréciée.",
         [("GRAMMAR-CE-FOR-SE", "c'", "s'"), ("GRAMMAR-CE-FOR-SE", "c’", "s’")]),
        ("Il c'est rendu à Jakarta.", [("GRAMMAR-CE-FOR-SE", "c'", "s'")]),
        # the euphonic t of an inversion after a vowel, every way MT and typists miss it
        ("Les habitants sont venus, at-il déclaré.", [(U, "at-il", "a-t-il")]),
        ("Que va t-elle faire ? Pourquoi a-t'il menti ? Sera-on prêts ?",
         [(U, "va t-elle", "va-t-elle"), (U, "a-t'il", "a-t-il"), (U, "Sera-on", "Sera-t-on")]),
    ],
)
def test_flagged(detector, make_context, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _found(detector, make_context(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # "le"/"les" as object pronouns before an infinitive, a gerund.
        "Il a décidé de le faire et de commencer à les voir.",
        # «c'est» where it is right: after a comma, before a noun or «que», a masculine participle
        "Le problème, c'est que personne ne vient ; le problème c'est la chaleur.",
        "C'est fermé le dimanche et le travail c'est fini.",
        # inversions whose verb ends in its own t, and the correct euphonic t
        "Est-il venu ? Dit-il vrai ? Peut-on partir ? A-t-il vu ? Que fait-elle ? Parle-t-on ?",
        "Il y a, dit-on, des risques. Écrivait-il ? Sont-elles là ? Va-t-il pleuvoir ?",
        "Il les a aidés en les encourageant.",
        "Il tient à le convaincre de rester.",
        # Infinitives that are also nouns: "de le pouvoir" may be "du pouvoir" or a pronoun.
        "Il est fier de le savoir.",
        # A feminine noun after "de le": a gender error, left to the agreement detector.
        "Il parle de le reine et de le petite ville.",
        # Aspirated h: no elision, no "à l’".
        "Le héros a vu la hausse du haut de la tour.",
        "Il a parlé au héros et au hasard du haut de la colline.",
        "La Hongrie et la Hollande sont loin, le hameau aussi.",
        "Le hall de la hiérarchie et le hockey.",
        # Words that take no elision: numerals, "oui", "ouate", a paper's front page.
        "Le onze de départ a dit le oui, et la ouate est blanche.",
        "Il a vu la une des journaux et le un de la liste.",
        "Le match commence à partir de onze heures.",
        "Il a compté de un à dix.",
        # y-words.
        "Le yaourt et le yoga sont à la mode.",
        # "si elle", "si on" are correct.
        "Si elle vient, on verra ; si on part, tant pis.",
        # "lorsque" before other words: the elision is optional.
        "Il part lorsque arrive la nuit.",
        # Hyphenated imperatives and inversions do not elide.
        "Fais-le encore, puis-je avoir un café ? Est-ce un oiseau ?",
        # Capitalised triggers inside a sentence are names.
        "Il a lu Le Avenir et vu De Oliveira.",
        # First names and unknown names after "de": usage varies.
        "Les travaux de Emmanuel Durand et la province de Almería.",
        # Acronyms the lexicon does not know, Roman numerals.
        "Il a catché à la ECW, puis sous le IV Reich.",
        # After "du"/"au": Roman ordinals, acronyms, a letter in a formula, y, aspirated h.
        "Au IIe siècle et au XIXe, il parle du USB, du A-module, du Yémen et du Havre.",
        # Quoted metalanguage.
        "La forme « que il » est fautive.",
        # "de" before a coordinator: "de et vers", "de ou vers".
        "Les vols à destination de ou en provenance de Paris.",
        # "il a du être": "dû" without its accent, not "de l’être".
        "Il a du être malade hier.",
        # "né" without its accent: "ne en 1950" is not "n’en".
        "Il est ne en 1950 à Lyon.",
        # "ce" before a feminine noun wants "cette", not "cet"; not this detector's business.
        "Il a vu ce à quoi il pensait.",
        # A dash typed as two hyphens ends the word.
        "Il est parti de la ville--et vite.",
        # nouveau before an aspirated h, a plural, a feminine noun, no determiner, after «mon».
        "Un nouveau héros, les vieux amis, de nouveau heureux, mon nouveau amie.",
        # Correct elisions and contractions.
        "L’avion du président est arrivé à l’aéroport aux premières heures.",
        # «ça» before another verb or after a comma; «cela est».
        "Ça, c’est vrai ; ça va, ça marche et cela est juste.",
    ],
)
def test_never_flagged(detector, make_context, text) -> None:  # type: ignore[no-untyped-def]
    assert _found(detector, make_context(text)) == []


def test_without_parse_lexical_checks_still_run(detector, make_context) -> None:  # type: ignore[no-untyped-def]
    # "que il" needs no parse; "de le marché" does, and is skipped without one.
    ctx = make_context("Il dit que il connaît les prix de le marché.", parse=False)
    assert _found(detector, ctx) == [(E, "que il", "qu’il")]


def test_suggestion_keeps_the_straight_apostrophe(detector, make_context) -> None:  # type: ignore[no-untyped-def]
    # The document writes ' between letters: the suggestions do too.
    ctx = make_context(["Il n'a pas vu que il pleuvait.", "Il sort du hôpital."])
    assert _found(detector, ctx) == [(E, "que il", "qu'il"), (C, "du hôpital", "de l'hôpital")]


def test_offsets_in_a_later_sentence(detector, make_context) -> None:  # type: ignore[no-untyped-def]
    # Document offsets, not sentence offsets: the second sentence starts at 18.
    ctx = make_context(["Tout va bien ici.", "Je ai faim."])
    (issue,) = detector.detect(ctx)
    assert (issue.start, issue.end, issue.span, issue.sent_id) == (18, 23, "Je ai", 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L'avion d'Air France", "'"),  # straight only
        ("L’avion d’Air France", "’"),  # curly only
        ("Pas d’apostrophe ici? Si: l’une, l’autre, d'un", "’"),  # the majority
        ("Sans apostrophe", "’"),  # none: the typographic one
    ],
)
def test_document_apostrophe(text: str, expected: str) -> None:
    assert document_apostrophe(text) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("avion", True),  # a vowel
        ("Europe", True),  # a capitalised vowel
        ("homme", True),  # mute h
        ("hôpital", True),  # mute h with an accent
        ("héroïne", True),  # mute, unlike "héros"
        ("héros", False),  # aspirated h
        ("hausse", False),  # aspirated h
        ("Hongrie", False),  # aspirated h in a name
        ("onze", False),  # the numeral takes no elision
        ("oui", False),  # nor "oui"
        ("yaourt", False),  # y-words do not elide
        ("y", True),  # the pronoun "y" does ("il n’y a")
        ("e-mail", False),  # both "le e-mail" and "l’e-mail" are written
        ("marché", False),  # a consonant
    ],
)
def test_starts_with_vowel_sound(word: str, expected: bool) -> None:
    assert starts_with_vowel_sound(word) is expected


P = "GRAMMAR-COUNTRY-PREPOSITION"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a masculine country takes «au», a plural one «aux», a feminine or vowel-initial «en»
        ("Le président s'est rendu en Japon.", [(P, "en Japon", "au Japon")]),
        ("Il vit en États-Unis depuis 2010.", [(P, "en États-Unis", "aux États-Unis")]),
        ("Les deux pays ont signé un accord à Indonésie.", [(P, "à Indonésie", "en Indonésie")]),
        ("Il est allé à Vietnam puis à Écosse.",
         [(P, "à Vietnam", "au Vietnam"), (P, "à Écosse", "en Écosse")]),
        ("Elle travaille à Canada et en Mexique.",
         [(P, "à Canada", "au Canada"), (P, "en Mexique", "au Mexique")]),
        ("Il est né à Iran.", [(P, "à Iran", "en Iran")]),
        ("Ils sont allés à Philippines.", [(P, "à Philippines", "aux Philippines")]),
        # a name of several words, its gender from the first; a capital at the sentence start
        ("Il a voyagé à Corée du Sud.", [(P, "à Corée du Sud", "en Corée du Sud")]),
        ("En Japon, les prix montent.", [(P, "En Japon", "Au Japon")]),
        # a country after a city ("in New York, United States") takes its own preposition
        ("La réunion s'est tenue à New York, les États-Unis, lundi.",
         [(P, "les États-Unis", "aux États-Unis")]),
        ("Le sommet a eu lieu à Riyad, l'Arabie saoudite.",
         [(P, "l'Arabie saoudite", "en Arabie saoudite")]),
    ],
)  # fmt: skip
def test_country_preposition(detector, make_context, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _found(detector, make_context(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Il vit en France, au Japon, aux États-Unis, en Iran et en Arabie saoudite.",
        # countries named without an article, and those named like their capital city
        "Il habite à Cuba, à Singapour, à Maurice, à Taïwan et à Madagascar.",
        "Il travaille à Panama, à Koweït et à Sainte-Lucie.",
        # a country inside a longer name, «en» the pronoun, a capital inside a sentence
        "Il est allé à Porto Rico et en Papouasie-Nouvelle-Guinée.",
        "Le Japon et la Chine en Asie ; la relation Chine-Japon.",
        # the country with its preposition; a fronted place then the subject; an apposition
        "Il est né à Casablanca, au Maroc, en 1944.",
        "À Riyad, l'Arabie saoudite a signé un accord.",
        "Il vit à Paris, la capitale, et à Lyon, la France étant trop chère.",
    ],
)
def test_country_preposition_never(detector, make_context, text) -> None:  # type: ignore[no-untyped-def]
    assert _found(detector, make_context(text)) == []


def test_load_reads_the_country_names(lexicon) -> None:  # type: ignore[no-untyped-def]
    fresh = ContractionsDetector(lexicon)
    assert fresh._countries_cache is None
    fresh.load()
    assert fresh._countries_cache is not None and fresh._countries_cache[1]["Japon"] == ("m", "sg")
    assert "babel" in fresh.data_version()


A = "GRAMMAR-COUNTRY-ARTICLE"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country that takes an article, after «comme», «contre», «avec», «entre»
        ("L’Indonésie s’est engagée, comme Venezuela, à élargir la coopération.",
         [(A, "Venezuela", "le Venezuela")]),
        ("Il a joué contre Japon et avec États-Unis.",
         [(A, "Japon", "le Japon"), (A, "États-Unis", "les États-Unis")]),
        ("La coopération entre Indonésie et la Malaisie.", [(A, "Indonésie", "l’Indonésie")]),
        ("La coopération entre Indonésie et la Malaisie n'a pas d'effet.", [(A, "Indonésie", "l'Indonésie")]),
        # names in use beside CLDR's («Viêt Nam»), and the nations of the United Kingdom
        ("L'Indonésie a gagné contre Vietnam et contre Angleterre.",
         [(A, "Vietnam", "le Vietnam"), (A, "Angleterre", "l'Angleterre")]),
    ],
)  # fmt: skip
def test_country_article(detector, make_context, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _found(detector, make_context(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # with its article; countries named without one; a name that goes on (a channel, a company)
        "Le match contre le Japon, comme Cuba et Singapour, pour Israël.",
        "Il travaille pour France 2 et vole avec Vietnam Airlines.",
        "Le match contre le Vietnam et l'Angleterre, puis contre la Grande-Bretagne.",
        # «de», «en», «à» take no article before some countries: left to the preposition check
        "L'ambassadeur de France est arrivé en Iran.",
    ],
)
def test_country_article_never(detector, make_context, text) -> None:  # type: ignore[no-untyped-def]
    assert _found(detector, make_context(text)) == []


R = "GRAMMAR-ACRONYM-ARTICLE"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject at the start of a sentence, after a dateline, a quote mark or a comma
        ("BMKG a détecté le tremblement de terre à 10 h.", [(R, "BMKG", "Le BMKG")]),
        ("JAKARTA - BMKG a appelé le public à rester calme.", [(R, "BMKG", "Le BMKG")]),
        ("« PSSI est reconnaissant », a-t-il déclaré.", [(R, "PSSI", "La PSSI")]),
        ("Avec la hausse de la mer, BMKG recommande la prudence.", [(R, "BMKG", "le BMKG")]),
        # «de» and «à» contract with the article; other prepositions take it as it is
        ("La direction de KPK ne peut plus attendre.", [(R, "de KPK", "du KPK")]),
        ("Le secrétaire général de PSSI, Yunus Nusi, a parlé.", [(R, "de PSSI", "de la PSSI")]),
        ("Il a remis le dossier à KPK hier.", [(R, "à KPK", "au KPK")]),
        ("Il a été démis par PSSI le 6 janvier.", [(R, "PSSI", "la PSSI")]),
        ("Selon FMI, la croissance ralentira.", [(R, "FMI", "le FMI")]),
        ("Les pays membres de OTAN se réunissent.", [(R, "de OTAN", "de l’OTAN")]),
        ("La façon dont SEC a traité la demande surprend.", [(R, "SEC", "la SEC")]),
    ],
)  # fmt: skip
def test_acronym_article(detector, make_context, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert _found(detector, make_context(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # with its article or a possessive; in parentheses after the name it abbreviates
        "Le BMKG a détecté le séisme, selon la PSSI, l’ONU et son FMI.",
        "L’Agence de météorologie (BMKG) a publié un avertissement du KPK et de la KPU.",
        # a headline: its source before a colon, or no final punctuation
        "BMKG : Le tremblement de terre n’a pas le potentiel d’un tsunami.",
        "KPK révèle un suspect dans l’affaire",
        # part of a longer name, a pair, a figure; a company's acronym; after a noun
        "La délégation de KPU RI et les responsables de DPR/MPR sont arrivés.",
        "Selon ONU Femmes, le bilan de BMKG 2023 est prêt.",
        "HSBC a annoncé ses résultats ; l’équipe BMKG est sur place.",
    ],
)
def test_acronym_article_never(detector, make_context, text) -> None:  # type: ignore[no-untyped-def]
    assert _found(detector, make_context(text)) == []
