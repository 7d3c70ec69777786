"""The conventions detector: capitalised months and days, run-together sentences, misplaced
spaces, clashing punctuation, HTML entities, glued symbols, English dates, ranges and times."""

from __future__ import annotations

import pytest

from mt_check.detectors import conventions
from mt_check.detectors.base import DocumentContext
from mt_check.detectors.conventions import ConventionsDetector
from mt_check.segment import segment
from mt_check.types import Document

_Row = tuple[str, int, str, str | None]  # (code, start, span, suggestion)


def _found(text: str) -> list[_Row]:
    """(code, start, span, suggestion) of every issue, segmented as the pipeline segments."""
    document = Document("doc", text)
    sentences = segment(document)
    ctx = DocumentContext(document, sentences, tuple(None for _ in sentences))
    issues = list(ConventionsDetector().detect(ctx))
    for issue in issues:
        assert text[issue.start : issue.end] == issue.span
        sentence = sentences[issue.sent_id]
        assert sentence.start <= issue.start <= issue.end <= sentence.end
    return [(i.code, i.start, i.span, i.suggestion) for i in issues]


def _applied(text: str) -> str:
    """The text with every suggestion applied (right to left)."""
    for code, start, span, suggestion in sorted(_found(text), key=lambda f: -f[1]):
        assert suggestion is not None, code
        text = text[:start] + suggestion + text[start + len(span) :]
    return text


MONTH = "SPELLING-CAPITALISED-MONTH"
SPACE = "PUNCTUATION-MISSING-SPACE"
BEFORE = "PUNCTUATION-SPACE-BEFORE"
DOUBLED = "PUNCTUATION-DOUBLED"
ENTITY = "TYPOGRAPHY-BROKEN-ENTITY"
GLUED = "PUNCTUATION-GLUED-SYMBOL"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A month after a day number, mid-sentence.
        ("La réunion a eu lieu le jeudi 12 Octobre 2017 à Rome.",
         [(MONTH, 33, "Octobre", "octobre")]),
        # "1er" counts as a day number.
        ("Les résultats seront publiés le 1er Mars.", [(MONTH, 36, "Mars", "mars")]),
        # A month before a year, after a preposition.
        ("Les ventes ont chuté en Avril 2021 selon lui.", [(MONTH, 24, "Avril", "avril")]),
        # "en", "fin", "mi-" before a month: a date even without a number.
        ("Le chantier reprendra fin Janvier.", [(MONTH, 26, "Janvier", "janvier")]),
        ("Il reviendra à la mi-Août pour signer.", [(MONTH, 21, "Août", "août")]),
        # "Mars" and "Mai" after words only a month follows ("en" is the planet's too).
        ("La demande a baissé dès la deuxième semaine de Mars.", [(MONTH, 47, "Mars", "mars")]),
        ("La sonde arrivera fin Mai.", [(MONTH, 22, "Mai", "mai")]),
        # A holiday with a year is a date again: "le 14 juillet 1789".
        ("La Bastille tombe le 14 Juillet 1789.", [(MONTH, 24, "Juillet", "juillet")]),
        # A capitalised day after a verb ("said on Monday").
        ("Le ministre a annoncé Mardi que le projet continue.",
         [(MONTH, 22, "Mardi", "mardi")]),
        # After a comma, before a date in brackets (Indonesian news MT).
        ("Il s'est exprimé à Bandung, Jeudi (12/9).", [(MONTH, 28, "Jeudi", "jeudi")]),
        # A short sentence with names is not English title case.
        ("Nous fêtons le 14 Juillet 2024 à Paris.", [(MONTH, 18, "Juillet", "juillet")]),
        ("Le Président Joko Widodo Arrive à Jakarta le 24 Septembre 2018.",
         [(MONTH, 48, "Septembre", "septembre")]),
        # A range of days, both capitalised.
        ("Le musée ouvre du Mardi au Samedi.",
         [(MONTH, 18, "Mardi", "mardi"), (MONTH, 27, "Samedi", "samedi")]),
    ],
)
def test_capitalised_month_or_day(text: str, expected: list[_Row]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Sentence-initial months and days keep their capital.
        "Lundi, il pleuvait sur la ville.",
        "Septembre 2018 restera dans les mémoires.",
        "« Mercredi, nous partirons », a-t-il dit.",
        # Holidays written with a capital, without a year.
        "Nous fêterons le 14 Juillet à Paris puis le 11 Novembre à Verdun.",
        "Les syndicats défilent le 1er Mai.",
        # Names that hold a date: streets, squares, movements.
        "Il habite rue du 4-Septembre, près de la place du 8 Mai.",
        "Le Mouvement du 22 Mars est né à Nanterre.",
        "Il habite avenue du 8 Mai 1945, face à la place du 11 Novembre 1918.",
        # Feasts: "Mardi gras", "Vendredi saint", "lundi de Pâques" written with capitals.
        "Le défilé a lieu le Mardi gras et la procession le Vendredi saint.",
        # Mars the planet, "Salon de Mai" a name, "Mai 68" an event.
        "Une sonde spatiale ne peut rejoindre en ligne droite Mars.",
        "La mission vers Mars partira en Mars, selon la NASA.",
        "Il expose au Salon de Mai (1975) et au Salon de Mai 1976.",
        "Il a vécu Mai 68 à Paris.",
        # A day that names a person, a newspaper or a work.
        "Il a lu Robinson et Vendredi, puis la série Mercredi.",
        "Le Journal du Dimanche publie l'entretien.",
        "La famille de Mercredi Addams arrive.",
        # All-caps text and English title case are another problem.
        "LA RÉUNION AURA LIEU LE 24 SEPTEMBRE 2018.",
        "Le Sommet Des Dirigeants Aura Lieu Le 24 Septembre 2018",
        # Correct lower-case dates.
        "Il est arrivé le lundi 24 septembre 2018 à New York.",
    ],
)
def test_month_and_day_never_flagged(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A full stop between a unit and a name: two sentences run together.
        ("Le séisme était situé à 12 km.Budi a confirmé ces chiffres.",
         [(SPACE, 30, "", " ")]),
        # An all-caps word before the full stop ("WIB.Les").
        ("La secousse a eu lieu à 21h10 WIT.La population est sortie.",
         [(SPACE, 34, "", " ")]),
        # An opening guillemet after the full stop (the segmenter splits there: the issue sits
        # at the end of the first sentence).
        ("Aucune alerte n'a été émise.« Nous restons vigilants », dit-il.",
         [(SPACE, 28, "", " ")]),
        # After a closing bracket and after a question mark.
        ("La radio publique (RRI).Les invités sont arrivés.", [(SPACE, 24, "", " ")]),
        ("Qui paiera?Personne ne le sait.", [(SPACE, 11, "", " ")]),
        # After a capitalised word, when a function word opens the next sentence.
        ("Il est né à Paris.Il est mort à Lyon.", [(SPACE, 18, "", " ")]),
        # A function word glued to a name kept in English; an acronym glued to a word.
        ("Créez-la dans la mêmeAWS région avec uneStartTranscriptionJob demande.",
         [(SPACE, 21, "", " "), (SPACE, 40, "", " ")]),
        ("Choisissez L'Région AWSendroit où vous travaillez.", [(SPACE, 23, "", " ")]),
        # a common word glued to the acronym after it
        ("Le protocoleHTTP et le fichierPDF sont utilisés.", [(SPACE, 12, "", " "), (SPACE, 30, "", " ")]),
        # A French word glued to the capitalised word of the next sentence or link.
        ("Trouvez un logementC’est facile ; montez votre tenteVivez la nature.",
         [(SPACE, 19, "", " "), (SPACE, 52, "", " ")]),
    ],
)
def test_missing_space_after_sentence_end(text: str, expected: list[_Row]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Decimals, versions, initials and acronyms.
        "La hausse est de 3.5 points selon la version 2.0.1 du rapport.",
        "Le roman de J.R.R. Tolkien est publié aux U.S.A. par M.Dupont.",
        # Titles and abbreviated first names before a name.
        "Le Dr.House et St.John arrivent avec Ch.De Gaulle.",
        # Addresses, e-mails, file names, identifiers.
        "Voir www.Exemple.fr, Booking.com, Node.js ou jean.Dupont@exemple.fr.",
        "Ouvrez le fichier Photo10.JPG avec ASP.NET ou System.Collections.Generic.",
        "Appelez Console.WriteLine ou String.Format() dans le code.",
        "Le site Amazon.Fr vend des livres.",
        # Two names joined by a mark: a brand, not two sentences.
        "Il travaille chez Yahoo!Finance et utilise Excel.Application.",
        # Ellipsis and "etc.)".
        "Il hésita...Puis il partit (pommes, poires, etc.) sans rien dire.",
        # CamelCase names, a name after an acronym-like start, words that start like "de"
        "Il utilise iPhone, eBay, McDonald, YouTube et le DevOps ; au déplaisir de MCarson.",
        # camelCase identifiers whose parts are no French words
        "Installez phpMyAdmin, appelez getElementById et ouvrez wikiHow.",
        # identifiers whose halves are French nouns
        "Le champ messageType: indique le type et nomFichier le nom.",
        # product names with an acronym after an English word
        "Installez watchOS, macOS et tvOS sur l'appareil.",
    ],
)
def test_missing_space_never_flagged(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A space before a comma.
        ("Les actions baissent depuis janvier , après la démission.", [(BEFORE, 35, " ", "")]),
        # A space before a closing bracket.
        ("Ouvrez le menu (cliquez sur Fichier ) pour commencer.", [(BEFORE, 35, " ", "")]),
        # A space after an opening bracket.
        ("Le tableau ( voir plus bas) résume les chiffres.", [(BEFORE, 12, " ", "")]),
        # A space before the final full stop.
        ("Le vote a eu lieu hier .", [(BEFORE, 22, " ", "")]),
    ],
)
def test_space_before_punctuation(text: str, expected: list[_Row]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # French house style: spaces before : ; ! ? » and inside « ».
        "Il a dit : « Venez ! » ; puis il est parti ?",
        # An ellipsis, an extension, a decimal, empty brackets, a list marker.
        "Il attend ... puis ouvre le fichier .txt avec ( ) vides.",
        "a ) le premier point",
        # The space a wire's ticker link leaves (editors keep it).
        "Les actions de Dexcom DXCM.O , société de santé, reculent.",
        # A comma before a digit in a list of numbers.
        "Les valeurs 1 ,5 et 2 ,5 sont données en pouces.",
    ],
)
def test_space_before_never_flagged(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A full stop before a comma: the comma stays.
        ("Le bénéfice était de 3,10 euros. , soit plus que prévu.",
         [(DOUBLED, 31, ". ,", ",")]),
        # An abbreviation's full stop before a spaced comma: the space goes.
        ("Il cite Platon, Aristote, etc. , et d'autres.", [(DOUBLED, 29, ". ,", ".,")]),
        # Two commas, a comma before the final full stop.
        ("Il a vu les chiffres, , puis il a signé.", [(DOUBLED, 20, ", ,", ",")]),
        ("Il a signé le contrat,.", [(DOUBLED, 21, ",.", ".")]),
        # A doubled full stop: the second one goes.
        ("Il a signé le contrat..", [(DOUBLED, 22, ".", "")]),
    ],
)
def test_doubled_punctuation(text: str, expected: list[_Row]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Abbreviations and initials before a comma.
        "Il vécut au Ve siècle av. J.-C., puis Platon, Aristote, etc., et R.E.M., le groupe.",
        # a company form's full stop before a comma
        "Le single est sorti chez Floor Inc., filiale de Sony, puis chez Acme Ltd., à Londres.",
        # Ellipses, relative paths, ranges in code.
        "Il hésita... puis ouvrit ../dossier et la plage 1..10 du tableau.",
    ],
)
def test_doubled_never_flagged(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An entity whose name the MT lost: "&amp;" -> "& ;".
        ("Les actions de Marks & ; Spencer montent.", [(ENTITY, 21, "& ;", "&")]),
        # A broken entity that cannot be decoded: flagged, no suggestion.
        ("Le point est situé à 6,21& ov; LS.", [(ENTITY, 25, "& ov;", None)]),
        # Whole entities left in the text decode exactly.
        ("Le groupe Procter &amp; Gamble dit &#39;non&#39;.",
         [(ENTITY, 18, "&amp;", "&"), (ENTITY, 35, "&#39;", "'"), (ENTITY, 43, "&#39;", "'")]),
        ("Prix&nbsp;: 10 euros.", [(ENTITY, 4, "&nbsp;", "\u00a0")]),
    ],
)
def test_broken_entity(text: str, expected: list[_Row]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Ampersands in names and a word between "&" and ";".
        "R&D, AT&T, Croûte & Chef d'Œuvre et toi & moi; rien d'autre.",
    ],
)
def test_entity_never_flagged(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A currency sign glued to the next word.
        ("Le titre vaut 12,50 $environ à la clôture.", [(GLUED, 21, "", " ")]),
        # A percent sign glued to the next word.
        ("La hausse est de 5 %des ventes.", [(GLUED, 20, "", " ")]),
    ],
)
def test_glued_symbol(text: str, expected: list[_Row]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Units written with a capital, currency codes, URL escapes.
        "Il fait 20 °C ou 68°F ; le prix est de 10 $US ou 5 %.",
        "Voir https://exemple.fr/a%20les?q=5%des pour le détail.",
    ],
)
def test_glued_symbol_never_flagged(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "from 3 to 7 June" calqued.
        ("Le festival aura lieu de 3 à 7 juin au stade.",
         [("NUMBER-DATE-RANGE", 22, "de 3 à 7", "du 3 au 7")]),
        ("De 1er à 4 mars, la route est fermée.",
         [("NUMBER-DATE-RANGE", 0, "De 1er à 4", "Du 1er au 4")]),
        # A range of weekdays.
        ("Les jours ouvrés vont généralement de lundi à vendredi.",
         [("NUMBER-DATE-RANGE", 35, "de lundi à vendredi", "du lundi au vendredi")]),
        # A range across two months.
        ("Les soldes vont de 28 mai à 3 juin.",
         [("NUMBER-DATE-RANGE", 16, "de 28 mai à 3", "du 28 mai au 3")]),
        # The month before the day, with and without a year.
        ("La réunion est prévue le juin 7, 2024 à Paris.",
         [("NUMBER-DATE-FORMAT", 25, "juin 7, 2024", "7 juin 2024")]),
        ("Il arrive le mars 1.", [("NUMBER-DATE-FORMAT", 13, "mars 1", "1er mars")]),
        # after a weekday (the Indonesian dateline), a capitalised month too
        ("Il l'a dit aux journalistes, mardi, Mars 3.", [("NUMBER-DATE-FORMAT", 36, "Mars 3", "3 mars")]),
        # The first day of a month written "1".
        ("Il est né le 1 mars 2020 et parti le 01 juin.",
         [("NUMBER-DATE-FORMAT", 13, "1", "1er"), ("NUMBER-DATE-FORMAT", 37, "01", "1er")]),
        ("Il arrive le mai 3rd avec sa famille.",
         [("NUMBER-DATE-FORMAT", 13, "mai 3rd", "3 mai")]),
        # An English ordinal day before a French month.
        ("Il arrive le 21st juin.", [("NUMBER-DATE-FORMAT", 13, "21st", "21")]),
        # An English ordinal outside a date.
        ("Elle finit 3rd de la course et 1st du classement.",
         [("NUMBER-ORDINAL-FORMAT", 11, "3rd", "3e"), ("NUMBER-ORDINAL-FORMAT", 31, "1st", "1er")]),
        # 12-hour times.
        ("Le vol part à 10 am et arrive à 3:30 pm, puis à 8 p.m. ce soir.",
         [("NUMBER-TIME-FORMAT", 14, "10 am", "10 h"),
          ("NUMBER-TIME-FORMAT", 32, "3:30 pm", "15 h 30"),
          ("NUMBER-TIME-FORMAT", 48, "8 p.m.", "20 h")]),
        ("Rendez-vous à 12 AM précises.", [("NUMBER-TIME-FORMAT", 14, "12 AM", "0 h")]),
        # a stray ".m" after a time (Indonesian MT)
        ("Le séisme a eu lieu à 22h34.m heure locale.",
         [("NUMBER-TIME-FORMAT", 22, "22h34.m", "22 h 34")]),
        # a wire's four-digit time before a world time zone
        ("Le dollar a gagné 0,2 % à 0515 GMT et vers 1430 UTC.",
         [("NUMBER-TIME-FORMAT", 26, "0515", "5 h 15"), ("NUMBER-TIME-FORMAT", 43, "1430", "14 h 30")]),
        # an English quarter
        ("Le chiffre d'affaires du Q3 a dépassé celui du Q2 2024.",
         [("NUMBER-DATE-FORMAT", 25, "Q3", "T3"), ("NUMBER-DATE-FORMAT", 47, "Q2", "T2")]),
        # digits and «mille»
        ("Il y a 500 mille vaccinations, soit 500 à 650 mille injections.",
         [("NUMBER-DIGITS-AND-WORDS", 7, "500 mille", "500\u00a0000"),
          ("NUMBER-DIGITS-AND-WORDS", 36, "500 à 650 mille", "500\u00a0000 à 650\u00a0000")]),
    ],
)
def test_english_dates_and_times(text: str, expected: list[_Row]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # French ranges: quantities, years, "entre … et …", "du … au …".
        "Entre 3 et 7 juin, de 2 à 8 personnes, de 1978 à 1992, du 3 au 7 juin, du lundi au vendredi.",
        # A month then a number that is not a day: "en avril 3 fois", "mai 68", "juin 2024".
        "Il est venu en avril 3 fois, a vécu mai 68 et reviendra en juin 2024.",
        # ... also after a weekday; the planet's probe
        "Il viendra mardi, mars 3 fois par semaine ; la sonde Mars 3 a atterri.",
        # "2nd" is French; an English name with an ordinal stays.
        "Il a fini 2nd puis a marché sur la 5th Avenue.",
        # 24-hour times, French times, the radio band.
        "Le train part à 15:30 ou à 10 h 30 ; écoutez 1010 AM.",
        # French ordinal abbreviations are house style, not checked
        "Le 2ème Bureau a fini 1ère, puis 11ème, 1er et 2e.",
        # four digits before a zone without a clock preposition; an hour past 23
        "Le vol 2345 GMT est parti ; à 2460 GMT, rien ; à 15 h 15 GMT, tout.",
        # «mille» in words, a time with «h», a thousand in digits
        "Il a mille raisons, part à 22 h 34 et gagne 2 000 euros.",
        # "1er", other days ending in 1, a number before a comma
        "Le 1er mars, le 21 mars et le 11 mai ; page 1, mars 2020.",
        # a model's name, the French quarter
        "Il conduit une Audi Q3 ; les ventes du T3 montent, Q5 est un modèle.",
    ],
)
def test_dates_and_times_never_flagged(text: str) -> None:
    assert _found(text) == []


def test_suggestions_fix_the_text() -> None:
    # Applying every suggestion yields the corrected sentence.
    text = "Le bénéfice était de 4 dollars. , soit 2 $de plus le 3 Mai 2024.Les actions montent ."
    assert _applied(text) == (
        "Le bénéfice était de 4 dollars, soit 2 $ de plus le 3 mai 2024. Les actions montent."
    )


CURRENCY = "NUMBER-CURRENCY-FORMAT"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A sign before a scale word: French names the currency after it.
        ("L'entreprise a levé $5 millions.", [(CURRENCY, 20, "$5 millions", "5 millions de dollars")]),
        # ... and an English decimal point in it becomes a comma.
        ("Les ventes ont atteint $1.5 milliard.",
         [(CURRENCY, 23, "$1.5 milliard", "1,5 milliard de dollars")]),
        # A sign before a plain amount goes after it; a country prefix follows the sign.
        ("Le billet coûte US$ 20 et le repas €10.",
         [(CURRENCY, 16, "US$ 20", "20\u00a0$\u00a0US"), (CURRENCY, 35, "€10", "10\u00a0€")]),
        ("Il a payé £300 000 pour la maison.", [(CURRENCY, 10, "£300 000", "300 000\u00a0£")]),
        ("Le prix est de C$4.50 par action.", [(CURRENCY, 15, "C$4.50", "4,50\u00a0$\u00a0CA")]),
        # the rupiah's symbols after «de»
        ("Il a donné 650 millions de rps, soit 150 millions de IDR.",
         [(CURRENCY, 24, "de rps", "de roupies"), (CURRENCY, 50, "de IDR", "de roupies")]),
    ],
)
def test_currency_before_the_amount(text: str, expected: list[_Row]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # The French order, with and without a space; a dollar after a scale word's name.
        "Le coût s'élève à 5 $ par mois, 10€ par an et 2 millions de dollars en tout.",
        # A sign inside a word, a URL or a template.
        "Le champ x$2 est faux, voir http://exemple.fr/?p=$3 ou =$4 pour plus.",
        # A sign with no amount.
        "Le symbole $ désigne le dollar.",
    ],
)
def test_currency_never_flagged(text: str) -> None:
    assert _found(text) == []


def test_every_code_is_declared() -> None:
    # The module docstring, the README rows and the codes stay in step.
    codes = {c.code for c in ConventionsDetector.codes}
    assert codes == {
        MONTH, SPACE, BEFORE, DOUBLED, ENTITY, GLUED, "NUMBER-DATE-RANGE", "NUMBER-DATE-FORMAT",
        "NUMBER-ORDINAL-FORMAT", "NUMBER-TIME-FORMAT", "GRAMMAR-DISTANCE-DIRECTION", "STYLE-REPEATED-GLOSS",
        CURRENCY, "GRAMMAR-MISSING-DE-NAME", "NUMBER-DIGITS-AND-WORDS",
    }
    assert all(f"``{code}``" in (conventions.__doc__ or "") for code in codes)


DIRECTION = "GRAMMAR-DISTANCE-DIRECTION"
GLOSS = "STYLE-REPEATED-GLOSS"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English "96 km southwest of" rendered "du": after a distance the direction takes "au".
        ("Le séisme a eu lieu à 96 km du sud-ouest de Bayah.", [(DIRECTION, 28, "du", "au")]),
        ("Le séisme a frappé à 181 km dans le nord-ouest de Tanimbar.", [(DIRECTION, 28, "dans le", "au")]),
        ("Le village est à 12 km dans l'ouest de Paris.", [(DIRECTION, 23, "dans l'", "à l’")]),
        # a number in figures glossed in words
        ("Le KPK a désigné 2 (deux) suspects et 21 (vingt et un) témoins.",
         [(GLOSS, 18, " (deux)", ""), (GLOSS, 40, " (vingt et un)", "")]),
        ("La ville se trouve à 12,5 kilomètres du nord d’Amiens.", [(DIRECTION, 37, "du", "au")]),
        # A bracketed gloss that repeats the words just before it is deleted (span with its space).
        ("Les prix ont grimpé de 8 % en glissement annuel (en glissement annuel).",
         [(GLOSS, 47, " (en glissement annuel)", "")]),
    ],
)
def test_direction_and_repeated_gloss(text: str, expected: list[_Row]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Il vient du sud-ouest de la France.",  # no distance: "from the south-west" is meant
        "La ville est à 23 km à l'ouest d'Oran, dans le nord-ouest de l'Algérie.",
        "Voir le chapitre 2 (deux parties) et la note 3 (trois pages).",  # not the number alone
        "Elle habite à 10 km du centre de Lyon.",  # a place, not a direction
        "La ville est à 5 km au nord de Paris.",  # already right
        "Le Fonds monétaire international (FMI) a parlé.",  # an acronym is not a repetition
        "Il a dit oui (oui) à tout.",  # one word repeated for emphasis is left alone
        "La vitesse (vitesse maximale) est limitée.",  # a bracket that adds words
    ],
)
def test_direction_and_gloss_never_flagged(text: str) -> None:
    assert _found(text) == []


TIME = "NUMBER-TIME-FORMAT"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An Indonesian time with a dot before a time zone: the span stops before the zone.
        ("Le séisme a frappé à 14.30 WIB.", [(TIME, 21, "14.30", "14 h 30")]),
        # A range before a zone: both times; ":00" minutes are dropped.
        ("L’électricité sera coupée de 00.00 à 05.00 WIB.",
         [(TIME, 29, "00.00", "0 h"), (TIME, 37, "05.00", "5 h")]),
        # "heures" after a clock preposition: the span takes the word, which the fix replaces.
        ("Les secours sont arrivés vers 9.15 heures.", [(TIME, 30, "9.15 heures", "9 h 15")]),
        ("Le couvre-feu commence dès 22.00 h.", [(TIME, 27, "22.00 h", "22 h")]),
        # "entre … et … heures": "heures" goes with the second time.
        ("Le marché ouvre entre 8.00 et 17.00 heures.",
         [(TIME, 22, "8.00", "8 h"), (TIME, 30, "17.00 heures", "17 h")]),
        # The three zones; a leading zero goes, zero minutes after the hour stay.
        ("Le vol décolle à 07.45 WITA et atterrit à 10.05 WIT.",
         [(TIME, 17, "07.45", "7 h 45"), (TIME, 42, "10.05", "10 h 05")]),
        # A range with a dash.
        ("Les cours ont lieu 08.00-10.00 WIB.", [(TIME, 19, "08.00", "8 h"), (TIME, 25, "10.00", "10 h")]),
    ],
)
def test_dotted_time(text: str, expected: list[_Row]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Decimals: prices, percentages, lengths, versions, scores.
        "Le litre coûte 3.50 dollars et l’inflation atteint 2.5 %.",
        "La barre mesure 1.25 mètre.",
        "Il a installé la version 14.30 du logiciel.",
        "L’équipe mène 21.15 au premier set.",
        # Ranges of quantities.
        "Les prix varient entre 2.50 et 3.10 dollars.",
        "Le taux est passé de 3.25 à 3.50 %.",
        # Durations in hours: no clock preposition, or "heures de route".
        "La ville est à 2.30 heures de route de Bandung.",
        "La durée du vol est de 1.45 heures.",
        # Minutes over 59, a colon, a French time.
        "Le compteur indique 14.75 WIB.",
        "Le train part à 15:30 WIB ou à 14 h 30 WIB.",
        # Dates and years.
        "La population est de 1 231 habitants (01.01.2012) et 2019.20 WIB.",
    ],
)
def test_dotted_time_never_flagged(text: str) -> None:
    assert _found(text) == []


NAME_DE = "GRAMMAR-MISSING-DE-NAME"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Indonesian "Kabupaten Bekasi" calqued: the unit noun is the span, the fix adds "de".
        ("Il vit dans la régence Bekasi.", [(NAME_DE, 15, "régence", "régence de")]),
        ("Le chef du village Sukamaju a parlé.", [(NAME_DE, 11, "village", "village de")]),
        ("Il est né dans la ville Bandung en 1990.", [(NAME_DE, 18, "ville", "ville de")]),
        ("Le sous-district Cikarang est inondé.", [(NAME_DE, 3, "sous-district", "sous-district de")]),
        # "Java" is also a French word (a dance) but an Indonesian name here.
        ("Les inondations touchent la province Java central.", [(NAME_DE, 28, "province", "province de")]),
        # Before a vowel, "d’": the space goes into the span.
        ("La police de la province Aceh enquête.", [(NAME_DE, 16, "province ", "province d’")]),
        ("La préfecture Gowa et la municipalité Tanete votent.",
         [(NAME_DE, 3, "préfecture", "préfecture de"), (NAME_DE, 25, "municipalité", "municipalité de")]),
    ],
)
def test_unit_without_de(text: str, expected: list[_Row]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Not units: "l’île Maurice", "le mont Merapi", "le quartier Latin".
        "Il a visité l’île Maurice et le mont Merapi.",
        "Il habite le quartier Latin.",
        # A French word after the unit: names and apposition ("la région Bretagne" is usage).
        "Paris, la ville Lumière, accueille le village Olympique.",
        "La région Centre et la région Bretagne ont voté, comme la région Vénétie et le canton Tanete.",
        "Il dirige le département Informatique.",
        "Elle a créé la commune Nouvelle.",
        # "de" already there.
        "Il habite la ville de Paris, dans la province du Hainaut.",
        "Le village de Sukamaju est inondé.",
        # A new sentence, a colon or a comma between the unit and the name.
        "Il a quitté la ville. Bekasi est loin.",
        "Il a rejoint la province : Aceh, puis Papua.",
        "Il est allé dans la ville, Bandung étant proche.",
        # A capitalised unit is a name itself.
        "La Région Bretagne a voté.",
    ],
)
def test_unit_without_de_never_flagged(text: str) -> None:
    assert _found(text) == []


def test_dotted_time_and_unit_suggestions_fix_the_text() -> None:
    text = "Coupure de 00.00 à 05.00 WIB, puis vers 9.15 heures dans la régence Bekasi et la province Aceh."
    assert _applied(text) == (
        "Coupure de 0 h à 5 h WIB, puis vers 9 h 15 dans la régence de Bekasi et la province d’Aceh."
    )
