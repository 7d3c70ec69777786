"""Conventions MT carries over from English (and Indonesian): capitalised month and day names,
run-together sentences, spaces on the wrong side of punctuation, clashing punctuation, HTML
entities left in the text, symbols glued to words, English dates, ranges and times.

Pure regular expressions over the document text and a few closed lists: no parse, no models.
Every rule asks for a context that correct French never has, because these are minor issues and a
false flag costs a reviewer more than a missed one.

Codes:

- ``SPELLING-CAPITALISED-MONTH`` (spelling, minor): a month or day name capitalised inside a
  sentence ("le lundi 24 Septembre 2018" -> "septembre", "a déclaré Lundi" -> "lundi"). Months
  only in a date (a day number before, a year after, "en", "début", "fin", "mi-" before) so that
  "Mars" the planet and "Salon de Mai" stay; days only after a lower-case word or a comma, and
  never before a capitalised word ("Mercredi Addams"), in "Mardi gras"/"Vendredi saint", after a
  capitalised word ("Le Journal du Dimanche"), or after a title noun ("la série Mercredi"). The
  holidays written with a capital ("le 14 Juillet", "le 1er Mai", "le 11 Novembre") and names
  ("place du 8 Mai", "Mouvement du 22 Mars") are left alone unless a year follows (a date then).
  Sentence-initial words, all-caps and title-case text are never flagged.
- ``PUNCTUATION-MISSING-SPACE`` (punctuation, minor): no space after a full stop, question or
  exclamation mark before the next sentence ("vers 20h07.Les résultats", "tsunami.« Les"):
  a zero-length issue after the mark, suggestion " ". Initials ("J.R.R. Tolkien", "M.Dupont"),
  titles ("St.John"), decimals, web addresses, file names, e-mails, dotted identifiers
  ("System.Collections") and all-caps extensions ("10.JPG", "ASP.NET") are left alone: the next
  word must look like a sentence start (an upper-case letter then lower-case, or « “). Also a
  French function word glued to the name after it ("la mêmeAWS région", "uneStartTranscriptionJob
  demande"), a common word glued to an acronym ("protocoleHTTP") or an acronym glued to a
  common word ("AWSendroit"): documentation MT drops the
  space around the names it keeps in English. A common French word glued to the capitalised
  word of the next sentence or link ("logementC'est", "tenteVivez": scraped pages lose the
  boundary) when that word can open a sentence (a function word, «c'est», an imperative);
  identifiers ("messageType", "nomFichier") and camelCase names whose halves are not more
  French than English ("phpMyAdmin", "wikiHow") are left alone.
- ``PUNCTUATION-SPACE-BEFORE`` (punctuation, minor): a space before a comma, a full stop or a
  closing bracket, or after an opening bracket ("septembre , après", "Nouveau )", "( voir");
  the span is the space, the suggestion "". Spaces before : ; ! ? » are French house style and
  never flagged, nor "...", ".com", ".5", empty brackets "( )", a comma before a digit, or the
  space a business wire leaves after a ticker link ("Dexcom DXCM.O , société").
- ``PUNCTUATION-DOUBLED`` (punctuation, minor): clashing marks ". ," ", ," ",." "..": the
  suggestion keeps the one that belongs ("dollars. , plus" -> ","). An abbreviation's full stop
  before a comma ("etc.,") and ellipses are correct.
- ``TYPOGRAPHY-BROKEN-ENTITY`` (typography, minor, on by default): an HTML entity left in the
  text ("&amp;", "&#39;", "&nbsp;") or one broken by the MT ("& ;", "& ov;"). Not house style: a
  reader sees the markup, so it is on by default although typography pedantry is not. The
  suggestion is the decoded character where it is known (``html.unescape``; "& ;" is a lost
  "&amp;").
- ``PUNCTUATION-GLUED-SYMBOL`` (punctuation, minor): a currency or percent sign after a number
  glued to the next word ("4,32 $attendus" -> "$ attendus"): a zero-length issue, suggestion " ".
- ``NUMBER-DATE-RANGE`` (number, minor): "from 3 to 7 June" calqued as "de 3 à 7 juin" ->
  "du 3 au 7 juin", and a range of weekdays ("de lundi à vendredi" -> "du lundi au vendredi").
  Quantities ("de 2 à 8 personnes") and years ("de 1978 à 1992") are correct.
- ``NUMBER-DATE-FORMAT`` (number, minor): English dates: the month first ("juin 7, 2024" ->
  "7 juin 2024") or an English ordinal day ("7th juin" -> "7 juin"), "1 mars" for "1er
  mars", and an English quarter after a determiner or a preposition ("au Q3" -> "au T3";
  "l'Audi Q3" is a name).
- ``NUMBER-ORDINAL-FORMAT`` (number, minor): an English ordinal suffix outside a date ("la 3rd
  place" -> "3e"; before a capitalised word, a name: "5th Avenue"). "2nd" is French ("2nd",
  "2nde") and never flagged. French abbreviations ("11ème" for "11e") are ordinal styling, house
  style (DESIGN.md: typography, off by default), and not checked.
- ``NUMBER-CURRENCY-FORMAT`` (number, minor): a currency sign before the amount, as English
  writes it ("$5" -> "5 $", "US$ 20" -> "20 $ US", "€10" -> "10 €"); after a scale word French
  names the currency ("$1.5 milliard" -> "1,5 milliard de dollars"). Signs inside a word, a URL or
  a template ("x$1", "=$2") are left alone. The rupiah's symbols after «de» ("650 millions de
  rps", "de IDR") -> "de roupies".
- ``NUMBER-TIME-FORMAT`` (number, minor): 12-hour times ("10 am", "3:30 pm", "8 p.m.") ->
  "10 h", "15 h 30", "20 h", and Indonesian dotted times ("à 14.30 WIB" -> "14 h 30", "de 00.00
  à 05.00 WITA" -> "0 h" ... "5 h", "vers 9.15 heures" -> "9 h 15"): an hour 0-23 and minutes
  00-59 before a time zone (WIB, WITA, WIT; the span stops before it), or before "heures"/"h"
  (in the span) after a clock preposition ("à", "vers", "dès", ...), or in a range ("de … à …",
  "entre … et …", "…-…") that such a word follows; a wire's four-digit time before GMT, UTC or
  TU after a clock preposition ("à 0515 GMT" -> "5 h 15"). Decimals ("3.50 dollars", "1.25 mètre",
  "version 14.30", "entre 2.50 et 3.10 dollars") and durations ("à 2.30 heures de route") have
  none of these. "15:30" is common in French news and left alone. A stray ".m" after a time
  ("22h34.m", Indonesian MT) -> "22 h 34".
- ``NUMBER-DIGITS-AND-WORDS`` (number, minor): digits and "mille" together ("500 mille
  vaccinations", Indonesian "ribu") -> "500 000".
- ``GRAMMAR-MISSING-DE-NAME`` (grammar, minor): an administrative unit in lower case after a
  determiner, then a place name without "de" ("dans la régence Bekasi" -> "régence de Bekasi",
  "le village Sukamaju" -> "village de Sukamaju", "la province Aceh" -> "province d’Aceh"), as
  Indonesian "Kabupaten Bekasi" is calqued. The span is the unit noun (with the space before an
  elided "d’"). A capitalised word that is a French word (wordfreq Zipf >= 3: "la ville
  Lumière", "le village Olympique") is left alone (and "région" is no unit here: "la région
  Vénétie" is French),
  except a few Indonesian names that look like one ("Java", "Bali"); so are capitalised units
  ("la Région Bretagne"), "de" already there, and a name after punctuation.
- ``GRAMMAR-DISTANCE-DIRECTION`` (grammar, minor): a direction after a distance takes "au" ("à
  96 km du sud-ouest de" -> "au sud-ouest de", English "96 km southwest of"); "du sud-ouest de la
  France" without a distance, and "à 10 km du centre", are correct.
- ``STYLE-REPEATED-GLOSS`` (style, minor): a bracket repeating the two to six words just before it
  ("en glissement annuel (en glissement annuel)": an abbreviation and its gloss both translated),
  or a number in figures glossed in words ("2 (deux) suspects"); the suggestion deletes the bracket.

The thousands separator and the decimal point are the numbers detector's; not repeated here.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from mt_check.detectors.base import WEEKDAYS, Code, Detector, DocumentContext
from mt_check.language import zipf
from mt_check.lexicon import load_frequencies
from mt_check.types import Category, Issue, Sentence, Severity

# Spaces French uses between words: space, no-break space, narrow no-break space.
_SP = " \u00a0\u202f"
_S = "[" + _SP + "]"
_UP = "A-ZÀ-ÖØ-ÞŒ"
_LOW = "a-zß-öø-ÿœ"

# French month and day names (a closed class); "aout" is the 1990 reformed spelling.
_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "aout",
    "septembre", "octobre", "novembre", "décembre",
)
_DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_MONTH_NUMBER = {m: i for i, m in enumerate((m for m in _MONTHS if m != "aout"), start=1)}
_MONTH_NUMBER["aout"] = 8
_MONTH_LOW = "|".join(_MONTHS)
_MONTH_CAP = "|".join(m.capitalize() for m in _MONTHS)
_DAY_CAP = "|".join(d.capitalize() for d in _DAYS)

# --- capitalised months and days ------------------------------------------------------------

# "24 Septembre", "1er Mai": a day number before the month.
_MONTH_AFTER_DAY = re.compile(
    r"(?<![\w.,/\-–])(1er|\d{1,2})" + _S + r"+(" + _MONTH_CAP + r")(?![\w\-])"
)
# "Septembre 2018": a year after the month.
_MONTH_BEFORE_YEAR = re.compile(
    r"(?<![\w\-])(" + _MONTH_CAP + r")" + _S + r"+(?:1[5-9]\d\d|20\d\d)(?![\w.,]\d|\w)"
)
# "en Septembre", "fin Juillet", "mi-Juin", "mois d'Avril". Not "Mars" (the planet: "en route
# vers Mars") nor "Mai" ("Mai 68", a name).
_MONTH_AFTER_WORD = re.compile(
    r"(?:(?<![\w\-])(?:[Ee]n|[Dd]ébut|[Ff]in|[Cc]ourant|mois" + _S + r"+d[e’'])" + _S + r"*"
    r"|(?<![\w\-])[Mm]i-)"
    r"(" + "|".join(m.capitalize() for m in _MONTHS if m not in ("mars", "mai")) + r")(?![\w\-])"
)
# "fin Mars", "mi-Mai", "la deuxième semaine de Mars": words that only a month follows (not «en»,
# which the planet takes: "en route vers Mars", "la mission en Mars").
_MARS_MAI_AFTER_WORD = re.compile(
    r"(?:(?<![\w\-])(?:[Dd]ébut|[Ff]in|[Cc]ourant|(?:mois|semaine|quinzaine)" + _S + r"+d[e’'])" + _S + r"*"
    r"|(?<![\w\-])[Mm]i-)(Mars|Mai)(?![\w\-])"
)
_YEAR_AFTER = re.compile(_S + r"+(?:1[5-9]\d\d|20\d\d)(?!\d)")
# Dates written with a capital when they name the holiday ("le 14 Juillet", "le 1er Mai", "le 8
# Mai", "le 11 Novembre", "l'appel du 18 Juin"); with a year after they are dates again.
_HOLIDAYS = frozenset({(14, 7), (1, 5), (8, 5), (11, 11), (18, 6)})
# "place du 8 Mai", "Mouvement du 22 Mars": a date in a name, after "du" and a place noun or a
# capitalised word.
_NAME_BEFORE_DATE = re.compile(r"(?:^|[\s(])([^\W\d_][\w\-]*)" + _S + r"+du" + _S + r"+$")
_PLACE_NOUNS = frozenset(
    "rue place avenue boulevard quai pont cours square allée impasse esplanade stade parc lycée "
    "collège école carrefour rond-point chemin route gare station cité résidence hôpital "
    "mouvement alliance coalition révolution journée fête".split()
)
_DAY = re.compile(r"(?<![\w\-])(" + _DAY_CAP + r")(s?)(?![\w\-])")
# Days after which a capital is part of a name or a feast: "Mardi gras", "Vendredi saint".
_FEAST_AFTER = re.compile(
    r"(?i)" + _S + r"+(?:gras|saint|sainte|de" + _S + r"+(?:pâques|pentecôte)|des" + _S
    + r"+(?:cendres|rameaux))\b"
)
# A day that names a work or a character: "la série Mercredi", "le film Vendredi 13".
_TITLE_NOUNS = frozenset(
    "série film roman livre album chanson émission magazine journal titre pièce œuvre tableau "
    "opération personnage".split()
)
# What may follow a day in a date: a day number, "(24/9)", a time of day, punctuation.
_DATE_AFTER_DAY = re.compile(
    r"(?:" + _S + r"*[,.;:)]|" + _S + r"+(?:\d|\(\d|matin|soir|midi|après-midi|dernier|"
    r"prochain)|$)"
)
_WORD_BEFORE = re.compile(r"([^\W\d_][\w’'\-]*)[" + _SP + r"]*$")
_OPENERS = "«“\"'‘([—–-*•" + _SP

# --- missing space after a sentence end ---------------------------------------------------

# A letter or digit (not after another full stop: "U.S.A.Le"), or a closing quote or bracket,
# then . ! or ?, then what opens a sentence: an upper-case letter then a lower-case one, an
# elided capital ("L’enquête"), "À ", or an opening quote.
_MISSING_SPACE = re.compile(
    r"(?<=[\w»”)\]])(?<!\.[\w»”)\]])([.!?])(?=[" + _UP + r"][" + _LOW + r"]|[" + _UP
    + r"]['’]\w|À" + _S + r"|[«“])"
)
# Titles written before a name: "St.John", "Dr.Smith" are not sentence ends.
_TITLES = frozenset("m mm mme mmes mlle mr dr pr me mgr st ste sr".split())
# Top-level domains written with a capital: "Amazon.Fr".
_DOMAINS = frozenset("com fr org net io info gov edu eu".split())
# Function words that open sentences: after a capitalised word, "Jakarta.Les" is two sentences
# but "Excel.Application" is one name.
_SENTENCE_OPENERS = frozenset(
    "le la les l un une des du de d ce cet cette ces c il ils elle elles on nous vous je j "
    "mais et or donc car puis ensuite alors selon pour par dans en à au aux sur sous avec sans "
    "après avant depuis lors cependant toutefois pourtant enfin ainsi son sa ses leur leurs mon "
    "ma mes notre nos votre vos tout tous toutes plusieurs certains quand lorsque si comme "
    "qu que qui quel quelle quels quelles pendant durant contre malgré parmi entre vers".split()
)
_IDENTIFIER_MARKS = re.compile(r"[./@_:=<>\\()\[\]{}]")

# --- spaces on the wrong side --------------------------------------------------------------

# A space before , . ) ]: not at the start of a line, not after an opening bracket, not before
# an ellipsis, ".com" or ".5", not before a comma that a digit follows.
_SPACE_BEFORE = re.compile(
    r"(?<=[^\s(\[:;])(" + _S + r"+)(?:(?=,(?!\d))|(?=\.(?![.\w]))|(?=[)\]]))"
)
# A Reuters instrument code ("DXCM.O", "TTE.PA") that business wires set as a link.
_TICKER_BEFORE = re.compile(r"(?<![\w.])[A-Z0-9]{1,6}\.[A-Z]{1,2}$")
_SPACE_AFTER = re.compile(r"(?<=[(\[])(" + _S + r"+)(?=[^\s)\]])")

# --- doubled punctuation -------------------------------------------------------------------

_DOUBLED = re.compile(
    r"(?P<dotcomma>\.(?P<gap1>" + _S + r"*),)"
    r"|(?P<commadot>,(?P<gap2>" + _S + r"*)\.(?![.\d]))"
    r"|(?P<commas>,(?P<gap3>" + _S + r"*),)"
    # ".." but not "...", "../", "1..10" or "fichier..txt"
    r"|(?P<dots>(?<![./])\.\.(?![./\d" + _LOW + r"]))"
)
_WORD_AT_END = re.compile(r"([^\W\d_][\w.\-]*)$")

# --- HTML entities -------------------------------------------------------------------------

# A whole entity ("&amp;", "&#39;", "&#x2019;"), a legacy one without its semicolon before a
# space ("&amp "), or one whose name the MT broke ("& ;", "& ov;", "&amp ;").
_ENTITY = re.compile(
    r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|&(?:amp|nbsp|quot|lt|gt)(?=" + _S + r")"
    r"|&" + _S + r"?[a-z]{0,3}" + _S + r"?;"
)

# --- glued symbols -------------------------------------------------------------------------

_GLUED_SYMBOL = re.compile(r"(?<=\d)" + _S + r"?[$€£¥%‰](?=[" + _LOW + r"]{2})")

# --- English dates, ranges and times ------------------------------------------------------

# "de 3 à 7 juin", "De 1er à 5 mars", "de 28 mai à 3 juin": "from 3 to 7 June".
_DATE_RANGE = re.compile(
    r"(?<![\w\-])([Dd])e" + _S + r"+(1er|\d{1,2})((?:" + _S + r"+(?:" + _MONTH_LOW + r"))?)"
    + _S + r"+à" + _S + r"+(\d{1,2})(?=" + _S + r"+(?:" + _MONTH_LOW + r")\b)"
)
# "de lundi à vendredi": "from Monday to Friday".
_WEEKDAY = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_WEEKDAY_RANGE = re.compile(
    r"(?<![\w\-])([Dd])e" + _S + r"+(" + _WEEKDAY + r")" + _S + r"+à" + _S + r"+(" + _WEEKDAY + r")\b"
)
# "7th juin", "1st mai", "3rd": English ordinal suffixes ("2nd" is French).
_ORDINAL = re.compile(r"(?<![\w.,\-/])(\d{1,4})(st|rd|th|ST|RD|TH)(?![\w\-])")
_MONTH_NEXT = re.compile(_S + r"+(" + _MONTH_LOW + r")\b", re.IGNORECASE)
# "le 1 mars" (the 1st of March): the first of the month is "1er".
_FIRST_DAY = re.compile(r"(?<![\w,.\-/])(0?1)(?=" + _S + r"+(?:" + _MONTH_LOW + r")\b)")
# "juin 7, 2024", "le juin 7", "juin 7th".
_MONTH_FIRST = re.compile(
    r"(?<![\w\-])(" + _MONTH_LOW + r"|" + _MONTH_CAP + r")" + _S + r"+(\d{1,2})"
    r"(?:(st|nd|rd|th)(?![\w\-]))?(?:(,?" + _S + r"+)(1[5-9]\d\d|20\d\d)(?!\d))?(?![\w,.]\d|\w)"
)
_WEEKDAY_BEFORE = re.compile(r"(?i)\b(?:" + "|".join(sorted(WEEKDAYS)) + r"),?" + _S + r"+$")
_DATE_DETERMINER = re.compile(r"(?i)(?:^|[\s(])(?:le|du|au|ce|depuis|dès|jusqu['’]au)" + _S + r"+$")
# "10 am", "3:30 pm", "8 p.m.", "11.30 PM".
# "$5 millions", "€10", "US$ 2.5 milliards": English writes the currency sign before the amount,
# French after it ("5 $", "10 €"), and after a scale word its name ("5 millions de dollars").
_CURRENCY_FIRST = re.compile(
    r"(?<![\w$€£¥/=])(US|CA|C|AU|A|HK|S|SG|NZ)?([$€£¥])" + _S + r"?"
    r"(\d+(?:[.,]\d+)*(?:" + _S + r"\d{3})*)(?:" + _S + r"(millions?|milliards?|billions?))?(?![\w%])"
)
_CURRENCY_NAMES = {"$": "dollars", "€": "euros", "£": "livres", "¥": "yens"}
_DOLLAR_COUNTRIES = {  # prefix -> (the sign's French suffix, the currency's French name)
    "US": ("US", "dollars américains"), "CA": ("CA", "dollars canadiens"),
    "C": ("CA", "dollars canadiens"), "AU": ("AU", "dollars australiens"),
    "A": ("AU", "dollars australiens"), "HK": ("HK", "dollars de Hong Kong"),
    "S": ("SG", "dollars de Singapour"), "SG": ("SG", "dollars de Singapour"),
    "NZ": ("NZ", "dollars néo-zélandais"),
}
_DECIMAL_DOT = re.compile(r"^(\d+)\.(\d{1,2})$")

_TIME_12H = re.compile(
    r"(?<![\w.,:])(\d{1,2})(?:[:.h](\d\d))?" + _S + r"?(a\.m\.|p\.m\.|a\.m|p\.m|am|pm|AM|PM)"
    r"(?![\w])"
)
# Indonesian times written with a dot ("pukul 14.30 WIB"): an hour 0-23, minutes 00-59, then a
# time zone of Indonesia (not in the span) or "heures"/"h" (in the span, which the fix replaces).
_CLOCK = r"([01]?\d|2[0-3])\.([0-5]\d)"
_ZONE = r"(?:WIB|WITA|WIT)(?![\w\-])"
_HOURS_WORD = r"(?:heures?|h)(?![\w\-])"
_TIME_DOT = re.compile(
    r"(?<![\w.,:/\-–])" + _CLOCK + r"(?:(?=" + _S + r"*" + _ZONE + r")|(" + _S + r"*" + _HOURS_WORD + r"))"
)
# Wire times on four digits before a world time zone ("à 0515 GMT", "vers 1430 UTC"): the hour
# 00-23 and minutes 00-59 with no separator, after a clock preposition; the span stops before the
# zone.
_TIME_WIRE = re.compile(
    r"(?<![\w.,:/\-–])([01]\d|2[0-3])([0-5]\d)(?=" + _S + r"*(?:GMT|UTC|TU)(?![\w\-]))"
)
# "de 00.00 à 05.00 WIB", "entre 8.00 et 17.00 heures", "08.00-10.00 WITA": a range that a zone
# or "heures" follows; the first time has neither.
_TIME_DOT_RANGE = re.compile(
    r"(?<![\w\-])(?:([Dd]e)|[Ee]ntre)" + _S + r"+" + _CLOCK + _S + r"+(?(1)à|et)" + _S + r"+" + _CLOCK
    + r"(?=" + _S + r"*" + _ZONE + r"|" + _S + r"*" + _HOURS_WORD + r")"
    r"|(?<![\w.,:/\-–])" + _CLOCK + _S + r"?[-–]" + _S + r"?" + _CLOCK
    + r"(?=" + _S + r"*" + _ZONE + r"|" + _S + r"*" + _HOURS_WORD + r")"
)
# Before "9.15 heures" (no zone): a clock preposition, so that a duration ("une durée de 1.25
# heures") is not read as a time.
_CLOCK_BEFORE = re.compile(
    r"(?i)(?:^|[\s(])(?:à|vers|dès|depuis|avant|après|jusqu['’]à|(?:partir|alentours|autour)"
    + _S + r"+de|environ)" + _S + r"+$"
)
# "à 2.30 heures de route", "à 1.45 heures de Bandung": a distance in hours, not a time of day.
_HOURS_OF = re.compile(
    _S + r"+(?:de|d['’]|du)(?!\w)(?!" + _S + r"*(?:matin|soir|l['’]après-midi|la" + _S + r"+nuit)\b)"
)


# "à 96 km du sud-ouest de Bayah": after a distance, a direction takes "au" ("à 96 km au sud-ouest
# de"); "du sud-ouest" reads as "from the south-west" (English "96 km southwest of"), "dans le
# nord-ouest de" as "in the north-west of" («à l'ouest de» is French: "à 23 km à l'ouest d'Oran").
_DISTANCE_DIRECTION = re.compile(
    r"(?<![\w,.])\d+(?:[.,]\d+)?" + _S + r"*(?:km|kilomètres?|m|mètres?|miles?|milles?)" + _S
    + r"+((?:du|des|dans" + _S + r"+le)(?=" + _S + r")|dans" + _S + r"+l['’](?=[eo]))" + _S
    + r"*((?:nord|sud)(?:-(?:est|ouest))?|est|ouest)" + _S + r"+(?:de|d['’]|du|des)\b",
    re.IGNORECASE,
)
# "dans la régence Bekasi" (Indonesian "Kabupaten Bekasi"): a unit noun, in lower case after a
# determiner, then a capitalised name without "de".
_UNITS = (
    "régence", "province", "sous-district", "district", "village", "ville", "commune",
    "préfecture", "municipalité",
)  # not "région", "département": "la région Vénétie", "la région Bretagne" are French
# "la mêmeAWS région", "duMedia paramètre": a French function word glued to a name in capitals.
_FUNCTION_WORDS_BEFORE_NAME = (
    "un une le la les du des de au aux ce cet cette ces son sa ses leur leurs notre votre même autre "
    "chaque dans sur par pour avec sans entre".split())
_WORD_BEFORE_NAME = re.compile(r"\b(" + "|".join(_FUNCTION_WORDS_BEFORE_NAME) + r")([A-Z][A-Za-z0-9]+)\b")
# "protocoleHTTP", "fichierPDF": a common French word glued to the acronym after it.
_WORD_BEFORE_ACRONYM = re.compile(r"(?<![\w'’-])([a-zàâçéèêëîïôûùüÿœ]{4,})([A-Z]{2,}[0-9]*)(?![\w'’-])")
# "AWSendroit": an acronym glued to a common French word after it.
_ACRONYM_BEFORE_WORD = re.compile(r"\b([A-Z]{2,})([a-zéèêàâîôûç]{3,})\b")
# "logementC'est", "tenteVivez", "casséSa": a French word glued to the capitalised word of the
# next sentence or link (scraped or segmented text loses the boundary). No French word has a
# capital after lower-case letters; product names that do start with one ("iPhone", "eBay").
_WORD_BEFORE_CAPITAL = re.compile(
    r"(?<![\w'’-])([a-zàâçéèêëîïôûùüÿœ]{3,})([A-ZÀÂÇÉÈÊËÎÏÔÛÙÜ](?:[a-zàâçéèêëîïôûùüÿœ]+(?:['’][a-zàâçéèêëîïôûùüÿœ]+)?|['’][a-zàâçéèêëîïôûùüÿœ]+))\b"
)
_SENTENCE_OPENERS = frozenset(
    "le la les l'un l'une un une des du ce cet cette ces son sa ses mon ma mes ton ta tes leur leurs "
    "notre nos votre vos il elle ils elles on nous vous je j'ai c'est c'était cela ça mais et ou donc "
    "puis alors ensuite enfin en dans pour par avec sur sous si quand lorsque après avant depuis selon "
    "comme aussi cependant toutefois pourtant ainsi voici voilà".split())
_GLUED_WORD_ZIPF = 3.0  # both halves common French words (wordfreq): "phpMyAdmin" is not
# "22h34.m", "03h25.m." (Indonesian "WIB" misread as a meridiem): the ".m" goes.
_STRAY_MERIDIEM = re.compile(r"\b(\d{1,2})" + _S + r"?h" + _S + r"?(\d{2})" + _S + r"?\.m\b")
# "500 mille vaccinations", "500 à 650 mille" (Indonesian "ribu"): digits and a number word.
_DIGITS_MILLE = re.compile(r"\b(\d{1,3})(?:" + _S + r"à" + _S + r"(\d{1,3}))?" + _S + r"mille\b")
# "650 millions de rps", "150 millions de IDR": the rupiah's symbols after «de».
_RUPIAH_AFTER_DE = re.compile(r"\b(?:de" + _S + r"|d[’'])(IDR|Rps?|rps?)\b(?!\.?" + _S + r"?\d)")
_UNIT_NAME = re.compile(
    r"(?<![\w’'\-])(?:[Ll][ae]|[Dd]u|[Aa]u|[Cc]e|[Cc]ette)" + _S + r"+(" + "|".join(_UNITS) + r")"
    r"(" + _S + r"+)([" + _UP + r"][" + _LOW + r"]+(?:-[" + _UP + r"]?[" + _LOW + r"]+)*)(?![\w\-’'])"
)
# Indonesian places whose lower-case form wordfreq counts as a French word ("java", a dance).
_NAMES_LIKE_WORDS = frozenset({"Java", "Bali", "Flores", "Solo", "Bone"})
# "8,47 % en glissement annuel (en glissement annuel)": a bracketed gloss repeating the words just
# before it (an expanded abbreviation, "yoy (yoy)", rendered twice). Two to six words.
_BRACKET = re.compile(r"(" + _S + r"*)\(([^()\n]{3,80})\)")
_GLOSS_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# "2 (deux) suspects" (Indonesian legal and press style, "2 (dua)"): a number in figures glossed
# in words. French writes one or the other.
_NUMBER_GLOSS = re.compile(
    r"(?<![\w,.])\d{1,4}(" + _S + r"*\(((?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|"
    r"douze|treize|quatorze|quinze|seize|vingt|vingts|trente|quarante|cinquante|soixante|cent|cents|"
    r"mille|et)(?:[-" + _SP + r"](?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|"
    r"treize|quatorze|quinze|seize|vingt|vingts|et|cent|cents|mille))*)\))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Finding:
    start: int  # document offsets
    end: int
    code: str
    message: str
    suggestion: str | None


# "the Q3 results" kept in English: after a determiner or a preposition («au Q3», «du Q2 2024»;
# "l'Audi Q3" has a name before it).
_QUARTER = re.compile(r"\b(?:du|au|le|ce|son|leur|de|d['’]un|un|en|pour|sur|chaque|dernier|premier)\s+"
                      r"(Q([1-4]))(?=\s|[,.;:)]|$)")


def _quarters(text: str) -> Iterator[_Finding]:
    """English quarters ("au Q3") → «T3» (or «troisième trimestre»)."""
    for match in _QUARTER.finditer(text):
        yield _Finding(match.start(1), match.end(1), "NUMBER-DATE-FORMAT",
                       f"An English quarter: French writes «T{match.group(2)}» (a «trimestre»).",
                       f"T{match.group(2)}")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Abbreviations whose full stop may precede a comma ("etc.,")."""
    from pysbd.lang.french import French  # the segmenter's own list, a dependency already

    words = {a.lower().split(".")[-1] for a in French.Abbreviation.ABBREVIATIONS}
    return frozenset(words | _TITLES | {"approx", "janv", "févr", "juill", "sept", "oct", "nov",
                                         "déc", "env", "no", "n°", "p", "vol", "éd", "c",
                                         # company forms and name suffixes: "Floor Inc., l'un"
                                         "inc", "ltd", "corp", "co", "llc", "plc", "bros", "cie",
                                         "ltée", "jr", "sr"})


def _french_word(word: str) -> bool:
    """Common in French and more French than English (wordfreq's French list holds "my", "get")."""
    french = zipf(word, "fr")
    return french >= _GLUED_WORD_ZIPF and french > zipf(word, "en")


def _frequent(word: str) -> bool:
    """A common French word (wordfreq), not the remains of an entity name ("& ov;")."""
    return zipf(word, "fr") >= 4.5


def _is_sentence_initial(text: str, start: int, sentence_starts: list[int]) -> bool:
    """Whether only opening punctuation stands between the sentence start and ``start``."""
    index = bisect_right(sentence_starts, start) - 1
    begin = sentence_starts[index] if index >= 0 else 0
    return text[begin:start].strip(_OPENERS + "\n\t") == ""


def _title_case(sentence: str) -> bool:
    """A headline in English title case ("Le Sommet Des Dirigeants Aura Lieu Le 24
    Septembre"): its function words are capitalised more often than not. Names capitalise
    content words only, so a sentence full of them is not title case."""
    words = re.findall(r"[^\W\d_]+", sentence)[1:]  # the first word is capitalised anyway
    function = [w for w in words if w.lower() in _SENTENCE_OPENERS]
    capitalised = sum(w[0].isupper() for w in function)
    return capitalised >= 2 and capitalised > len(function) - capitalised


def _months_and_days(text: str, sentence_starts: list[int]) -> Iterator[_Finding]:
    seen: set[int] = set()

    def finding(start: int, word: str, why: str) -> _Finding:
        seen.add(start)
        return _Finding(start, start + len(word), "SPELLING-CAPITALISED-MONTH",
                        f"{why} are written in lower case in French.", word.lower())

    for match in _MONTH_AFTER_DAY.finditer(text):
        day = 1 if match.group(1) == "1er" else int(match.group(1))
        month = _MONTH_NUMBER[match.group(2).lower()]
        if not 1 <= day <= 31:
            continue
        seen.add(match.start(2))  # decided here, flagged or not
        if (day, month) in _HOLIDAYS and not _YEAR_AFTER.match(text, match.end()):
            continue
        name = _NAME_BEFORE_DATE.search(text, max(0, match.start() - 40), match.start())
        if name and (name.group(1)[0].isupper() or name.group(1).lower() in _PLACE_NOUNS):
            continue  # street and movement names keep the capital, year or not
        yield finding(match.start(2), match.group(2), "Month names")
    for pattern in (_MONTH_BEFORE_YEAR, _MONTH_AFTER_WORD, _MARS_MAI_AFTER_WORD):
        for match in pattern.finditer(text):
            start = match.start(1)
            if start in seen or _is_sentence_initial(text, start, sentence_starts):
                continue
            if pattern is _MONTH_BEFORE_YEAR:
                before = text[max(0, start - 40) : start].rstrip(_SP)
                word = _WORD_BEFORE.search(before)
                # After a capitalised word the month may be part of a name ("Salon de Mai").
                if not before or before[-1] not in ",(" and not before[-1].isdigit() and (
                    word is None or not word.group(1)[0].islower()
                ):
                    continue
                if word is not None and word.group(1) in ("de", "du", "d’", "d'") and re.search(
                    r"(?:^|\s)[" + _UP + r"][\w\-]*" + _S + r"+d\S*$", before
                ):
                    continue
            yield finding(start, match.group(1), "Month names")
    for match in _DAY.finditer(text):
        start = match.start(1)
        if _is_sentence_initial(text, start, sentence_starts):
            continue
        after = text[match.end() :]
        if _FEAST_AFTER.match(after):
            continue
        following = re.match(_S + r"+(\S)", after)
        if following and following.group(1)[0].isupper():  # "Mercredi Addams"
            continue
        before = text[max(0, start - 60) : start].rstrip(_SP)
        if not before or before.endswith("\n"):
            continue
        words = re.findall(r"[^\W\d_][\w\-]*", before)[-3:]
        if any(w.lower() in _TITLE_NOUNS for w in words):
            continue
        if before[-1] == ",":
            if not _DATE_AFTER_DAY.match(after):
                continue
        else:
            word = _WORD_BEFORE.search(before)
            if word is None or not word.group(1)[0].islower():
                continue  # after a capital or a mark: a name, a list, a heading
            if word.group(1) == "du" and len(words) >= 2 and words[-2][0].isupper():
                continue  # "Le Journal du Dimanche"
            if match.group(1) == "Vendredi" and not (
                word.group(1) in ("le", "ce", "chaque", "du", "au", "dès", "depuis")
                or re.match(_S + r"+\d", after)
            ):
                continue  # Robinson's companion
        yield finding(start, match.group(0), "Day names")


def _missing_spaces(text: str) -> Iterator[_Finding]:
    for match in _MISSING_SPACE.finditer(text):
        at = match.start(1)
        token_start = at
        while token_start > 0 and not text[token_start - 1].isspace():
            token_start -= 1
        token_end = at + 1
        while token_end < len(text) and not text[token_end].isspace():
            token_end += 1
        left = text[token_start:at].lstrip("«“\"'‘([").rstrip("»”)]")
        right = text[at + 1 : token_end].rstrip(".,;:!?…»”\"'’")
        word = re.search(r"([^\W\d_]+)$", left)
        if word is not None:
            letters = word.group(1)
            if len(letters) == 1 and letters.isupper():
                continue  # an initial or an acronym: "J.R.R.", "M.Dupont", "R.I.Ma"
            if letters.lower() in _TITLES or (len(letters) == 2 and letters[0].isupper()):
                continue  # a title or a short first name: "St.John", "Ch.De Gaulle"
        if _IDENTIFIER_MARKS.search(left) or _IDENTIFIER_MARKS.search(right):
            continue  # addresses, e-mails, dotted identifiers, file paths, code
        nxt = re.match(r"[^\W\d_]+", right)
        after = nxt.group(0) if nxt else ""
        if re.search(r"[" + _LOW + r"][" + _UP + r"]", after):
            continue  # CamelCase after the mark: "Console.WriteLine"
        if after.lower() in _DOMAINS:
            continue  # "Amazon.Fr"
        if left[:1].isupper() and after and after.lower() not in _SENTENCE_OPENERS:
            continue  # two names joined by a mark: "Excel.Application", "Yahoo!Finance"
        yield _Finding(at + 1, at + 1, "PUNCTUATION-MISSING-SPACE",
                       f"No space after '{text[at]}': two sentences run together.", " ")


def _glued_names(text: str) -> Iterator[_Finding]:
    """A French function word glued to the code or product name after it ("la mêmeAWS région",
    "uneStartTranscriptionJob demande"), a French word glued to the acronym after it
    ("protocoleHTTP"), or an acronym glued to the French word after it ("AWSendroit"):
    documentation MT drops the space around the names it leaves in English."""
    for match in _WORD_BEFORE_NAME.finditer(text):
        yield _Finding(match.end(1), match.end(1), "PUNCTUATION-MISSING-SPACE",
                       f"No space between «{match.group(1)}» and «{match.group(2)}».", " ")
    for match in _WORD_BEFORE_CAPITAL.finditer(text):
        word, capital = match.groups()
        opener = capital.lower().replace("’", "'")
        if word in _FUNCTION_WORDS_BEFORE_NAME or not (
            _french_word(word) and _french_word(opener)
            # what opens a sentence or a link's text: a function word, «c'est», an imperative;
            # not a noun ("messageType", "nomFichier": identifiers)
            and (opener in _SENTENCE_OPENERS or opener.endswith("ez") and opener not in ("chez", "nez"))
        ):
            continue
        yield _Finding(match.end(1), match.end(1), "PUNCTUATION-MISSING-SPACE",
                       f"«{word}» and «{capital}» run together: a space (or a full stop) is missing.", " ")
    for match in _WORD_BEFORE_ACRONYM.finditer(text):
        word, acronym = match.groups()
        if word in _FUNCTION_WORDS_BEFORE_NAME or not _french_word(word):
            continue  # "mêmeAWS" (above); "watchOS", "tvOS": a product name
        yield _Finding(match.end(1), match.end(1), "PUNCTUATION-MISSING-SPACE",
                       f"No space between «{word}» and «{acronym}».", " ")
    for match in _ACRONYM_BEFORE_WORD.finditer(text):
        acronym, word = match.groups()
        if not _frequent(word):
            continue  # "MCarson": a name
        yield _Finding(match.end(1), match.end(1), "PUNCTUATION-MISSING-SPACE",
                       f"No space between «{acronym}» and «{word}».", " ")


def _misplaced_spaces(text: str) -> Iterator[_Finding]:
    for match in _SPACE_BEFORE.finditer(text):
        mark = text[match.end(1)]
        if mark == "," and _TICKER_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue  # "Dexcom DXCM.O , …": a wire's ticker link left its space; editors keep it
        if mark in ")]":
            opener = text.rfind("(" if mark == ")" else "[", 0, match.start())
            line = text.rfind("\n", 0, match.start()) + 1
            if opener >= line and not text[opener + 1 : match.start()].strip():
                continue  # empty brackets "( )"
            if opener < line and len(text[line : match.start()].strip()) <= 3:
                continue  # a list marker "a )", "1 )"
        name = {",": "a comma", ".": "a full stop", ")": "a closing bracket",
                "]": "a closing bracket"}[mark]
        yield _Finding(match.start(1), match.end(1), "PUNCTUATION-SPACE-BEFORE",
                       f"No space before {name} in French.", "")
    for match in _SPACE_AFTER.finditer(text):
        yield _Finding(match.start(1), match.end(1), "PUNCTUATION-SPACE-BEFORE",
                       "No space after an opening bracket in French.", "")


def _doubled(text: str) -> Iterator[_Finding]:
    for match in _DOUBLED.finditer(text):
        start, end = match.span()
        if match.group("dotcomma"):
            word = _WORD_AT_END.search(text, max(0, start - 30), start)
            last = re.split(r"[.\-]", word.group(1))[-1] if word is not None else ""
            # "etc.,", "av. J.-C.,", "R.E.M.,": the full stop of an abbreviation or an initial.
            abbreviation = last.lower() in _abbreviations() or len(last) == 1
            if abbreviation:
                if not match.group("gap1"):
                    continue  # "etc.," "av. J.-C.,": correct
                suggestion = ".,"
            elif word is None and not match.group("gap1"):
                continue  # "3.,": not a word's full stop
            else:
                suggestion = ","
        elif match.group("commadot"):
            suggestion = "."
        elif match.group("commas"):
            suggestion = ","
        else:
            # The second dot is the extra one (the segmenter may end a sentence between the
            # two); before a word it stands where the missing space goes.
            start += 1
            suggestion = " " if text[end : end + 1].isalpha() else ""
        yield _Finding(start, end, "PUNCTUATION-DOUBLED",
                       f"Clashing punctuation '{match.group(0)}'.", suggestion)


def _entities(text: str) -> Iterator[_Finding]:
    for match in _ENTITY.finditer(text):
        raw = match.group(0)
        compact = re.sub(_S, "", raw)
        fragment = compact[1:-1]
        if " " in raw and fragment and _frequent(fragment):
            continue  # "toi & moi;": a word between "&" and ";", not an entity's remains
        if compact in ("&;", "&amp;"):
            decoded: str | None = "&"
        else:
            decoded = html.unescape(compact)
            if decoded == compact:
                decoded = None  # broken beyond recovery ("& ov;"): the reviewer decides
        yield _Finding(match.start(), match.end(), "TYPOGRAPHY-BROKEN-ENTITY",
                       "HTML entity left in the text.", decoded)


def _glued_symbols(text: str) -> Iterator[_Finding]:
    for match in _GLUED_SYMBOL.finditer(text):
        token_start = max(text.rfind(c, 0, match.start()) for c in " \n\t\u00a0") + 1
        if re.search(r"[/=&]", text[token_start : match.start()]):
            continue  # a URL's escapes: "%20les"
        yield _Finding(match.end(), match.end(), "PUNCTUATION-GLUED-SYMBOL",
                       f"No space between '{match.group(0).strip(_SP)}' and the next word.", " ")


def _directions(text: str) -> Iterator[_Finding]:
    for match in _DISTANCE_DIRECTION.finditer(text):
        wrong = match.group(1)
        fix = "à l’" if wrong[-1] in "'’" else "au"  # "dans l'ouest de" → "à l'ouest de"
        if wrong[:1].isupper():
            fix = fix.capitalize()
        phrase = fix + ("" if fix.endswith("’") else " ") + match.group(2)
        yield _Finding(match.start(1), match.end(1), "GRAMMAR-DISTANCE-DIRECTION",
                       f"After a distance, a direction takes «au»: «{phrase} de».", fix)


def _repeated_glosses(text: str) -> Iterator[_Finding]:
    for match in _NUMBER_GLOSS.finditer(text):
        yield _Finding(match.start(1), match.end(1), "STYLE-REPEATED-GLOSS",
                       f"The bracket repeats the number in words («{match.group(2)}»): keep one.", "")
    for match in _BRACKET.finditer(text):
        inside = _GLOSS_WORD.findall(match.group(2))
        if not 2 <= len(inside) <= 6 or " ".join(inside) != match.group(2).strip():
            continue  # one word glossed by itself is often a term and its acronym; no punctuation
        if not text[: match.start()][-1:].isalpha():
            continue  # the bracket must follow the words it repeats directly
        before = _GLOSS_WORD.findall(text[max(0, match.start() - 120) : match.start()])
        if [w.lower() for w in before[-len(inside) :]] == [w.lower() for w in inside]:
            yield _Finding(match.start(), match.end(), "STYLE-REPEATED-GLOSS",
                           f"The bracket repeats the words before it («{match.group(2)}»).", "")


def _day(number: str) -> str:
    return "1er" if number.lstrip("0") == "1" else number.lstrip("0") or number


def _english_dates(text: str) -> Iterator[_Finding]:
    for match in _DATE_RANGE.finditer(text):
        d, first, month, last = match.groups()
        yield _Finding(match.start(), match.end(), "NUMBER-DATE-RANGE",
                       "French writes a range of days 'du … au …'.",
                       f"{d}u {_day(first)}{month} au {last}")
    for match in _WEEKDAY_RANGE.finditer(text):
        d, first, last = match.groups()
        yield _Finding(match.start(), match.end(), "NUMBER-DATE-RANGE",
                       "French writes a range of days 'du … au …'.", f"{d}u {first} au {last}")
    covered: list[tuple[int, int]] = []
    for match in _MONTH_FIRST.finditer(text):
        month, day, suffix, gap, year = match.groups()
        if not 1 <= int(day) <= 31:
            continue
        if not (suffix or year):
            # "le juin 7" needs a lower-case month ("le Mars 3" is a space probe), a determiner
            # before and nothing but punctuation after ("en avril 3 fois" is not a date).
            # After a weekday ("mardi, Mars 3."), either case: the Indonesian dateline order.
            after_weekday = _WEEKDAY_BEFORE.search(text, max(0, match.start() - 20), match.start())
            if not after_weekday and (month[0].isupper() or not _DATE_DETERMINER.search(
                text, max(0, match.start() - 20), match.start()
            )):
                continue
            if re.match(_S + r"*[\w%€$]", text[match.end() :]):
                continue
        fixed = f"{_day(day)} {month.lower()}"  # the day comes first: the month is lower-case
        if year:
            fixed += f" {year}"
        covered.append(match.span())
        yield _Finding(match.start(), match.end(), "NUMBER-DATE-FORMAT",
                       "French writes the day before the month, without a comma: '7 juin 2024'.",
                       fixed)
    for match in _FIRST_DAY.finditer(text):
        if any(s <= match.start() < e for s, e in covered):
            continue
        yield _Finding(match.start(), match.end(), "NUMBER-DATE-FORMAT",
                       "The first day of a month is written '1er': '1er mars'.", "1er")
    for match in _ORDINAL.finditer(text):
        if any(s <= match.start() < e for s, e in covered):
            continue
        number = match.group(1)
        month = _MONTH_NEXT.match(text, match.end())
        if month is not None and 1 <= int(number) <= 31:
            yield _Finding(match.start(), match.end(), "NUMBER-DATE-FORMAT",
                           "English ordinal in a date: French writes '7 juin', '1er juin'.",
                           _day(number))
            continue
        following = re.match(_S + r"+(\S)", text[match.end() :])
        if following and following.group(1).isupper():
            continue  # a name left in English: "5th Avenue"
        french = "1er" if number == "1" else f"{number}e"
        yield _Finding(match.start(), match.end(), "NUMBER-ORDINAL-FORMAT",
                       "English ordinal suffix: French writes '3e', '1er'.", french)


def _currencies(text: str) -> Iterator[_Finding]:
    for match in _CURRENCY_FIRST.finditer(text):
        prefix, sign, amount, scale = match.groups()
        if prefix and sign != "$":
            continue  # "US€" is no currency
        amount = _DECIMAL_DOT.sub(r"\1,\2", amount)  # "1.5" -> "1,5": the same number
        suffix, name = _DOLLAR_COUNTRIES.get(prefix or "", (None, _CURRENCY_NAMES[sign]))
        if scale:
            fixed = f"{amount} {scale} de {name}"
        else:
            fixed = f"{amount}\u00a0{sign}" + (f"\u00a0{suffix}" if suffix else "")
        yield _Finding(match.start(), match.end(), "NUMBER-CURRENCY-FORMAT",
                       "French writes the currency after the amount: '5 $', '10 €', "
                       "'2 millions de dollars'.", fixed)


def _times(text: str) -> Iterator[_Finding]:
    for match in _TIME_12H.finditer(text):
        hour = int(match.group(1))
        if not 1 <= hour <= 12:
            continue
        minutes = match.group(2)
        if minutes is not None and int(minutes) > 59:
            continue
        pm = match.group(3).lower().startswith("p")
        hour24 = (hour % 12) + (12 if pm else 0)
        fixed = f"{hour24} h" + (f" {minutes}" if minutes and minutes != "00" else "")
        end = match.end()
        yield _Finding(match.start(), end, "NUMBER-TIME-FORMAT",
                       "French writes times on the 24-hour clock: '20 h', '15 h 30'.", fixed)
    yield from _dotted_times(text)
    for match in _TIME_WIRE.finditer(text):
        if not _CLOCK_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue  # "le vol 2345 GMT": only a time after «à», «vers», «dès»…
        fixed = _clock(match.group(1), match.group(2))
        yield _Finding(match.start(), match.end(), "NUMBER-TIME-FORMAT",
                       f"A wire's four-digit time: French writes '{fixed}'.", fixed)


def _stray_meridiem(text: str) -> Iterator[_Finding]:
    for match in _STRAY_MERIDIEM.finditer(text):
        hour, minutes = match.groups()
        if int(hour) > 23 or int(minutes) > 59:
            continue
        yield _Finding(match.start(), match.end(), "NUMBER-TIME-FORMAT",
                       "A time takes no '.m': '22 h 34'.", _clock(hour, minutes))


def _digits_and_mille(text: str) -> Iterator[_Finding]:
    for match in _DIGITS_MILLE.finditer(text):
        first, second = match.groups()
        fixed = f"{first}\u00a0000" + (f" à {second}\u00a0000" if second else "")
        yield _Finding(match.start(), match.end(), "NUMBER-DIGITS-AND-WORDS",
                       "A number is written in digits or in words, not both: '500 000'.", fixed)


def _rupiah_symbols(text: str) -> Iterator[_Finding]:
    for match in _RUPIAH_AFTER_DE.finditer(text):
        yield _Finding(match.start(), match.end(), "NUMBER-CURRENCY-FORMAT",
                       "After an amount and «de», the currency is written out: 'de roupies'.",
                       "de roupies")


def _clock(hour: str, minutes: str) -> str:
    return f"{int(hour)} h" + (f" {minutes}" if minutes != "00" else "")


def _dotted_times(text: str) -> Iterator[_Finding]:
    message = "French writes the time '14 h 30', not with a dot."
    flagged: set[int] = set()
    for match in _TIME_DOT_RANGE.finditer(text):
        groups = match.groups()
        first, second = (1, 3) if groups[1] is not None else (5, 7)
        hours = re.match(_S + r"*" + _HOURS_WORD, text[match.end() :])
        if hours and _HOURS_OF.match(text, match.end() + hours.end()):
            continue  # "de 1.30 à 2.30 heures de route": durations
        for g in (first, second):
            if match.start(g + 1) in flagged:
                continue
            flagged.add(match.start(g + 1))
            end = match.end(g + 2)
            if g == second and hours:  # "heures" after the range goes with the second time
                end += hours.end()
            yield _Finding(match.start(g + 1), end, "NUMBER-TIME-FORMAT", message,
                           _clock(groups[g], groups[g + 1]))
    for match in _TIME_DOT.finditer(text):
        if match.start() in flagged:
            continue
        if match.group(3) is not None:  # "heures" without a zone: a time only after "à", "vers"…
            if not _CLOCK_BEFORE.search(text, max(0, match.start() - 30), match.start()):
                continue
            if _HOURS_OF.match(text, match.end()):
                continue
        yield _Finding(match.start(), match.end(), "NUMBER-TIME-FORMAT", message,
                       _clock(match.group(1), match.group(2)))


def _units_without_de(text: str) -> Iterator[_Finding]:
    for match in _UNIT_NAME.finditer(text):
        unit, _, name = match.groups()
        if name not in _NAMES_LIKE_WORDS and zipf(name.lower(), "fr") >= 3.0:
            continue  # a French word: "la ville Lumière", "le village Olympique"
        if name[0] in "AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒ":  # "province d’Aceh": the space goes too
            end, fixed, whole = match.end(2), f"{unit} d’", f"{unit} d’{name}"
        else:
            end, fixed, whole = match.end(1), f"{unit} de", f"{unit} de {name}"
        yield _Finding(match.start(1), end, "GRAMMAR-MISSING-DE-NAME",
                       f"A place name after '{unit}' takes 'de': '{whole}'.", fixed)


class ConventionsDetector(Detector):
    """English and Indonesian writing conventions carried over into French."""

    name = "conventions"
    codes = (
        Code("SPELLING-CAPITALISED-MONTH", Category.SPELLING, Severity.MINOR,
             "a capitalised month or day name: `le 24 Septembre` → `septembre`"),
        Code("PUNCTUATION-MISSING-SPACE", Category.PUNCTUATION, Severity.MINOR,
             "no space after a sentence end: `vers 20 h.Les résultats` → `. Les`; a word glued to "
             "a name: `la mêmeAWS région` → `même AWS`"),
        Code("PUNCTUATION-SPACE-BEFORE", Category.PUNCTUATION, Severity.MINOR,
             "a space before , . ) or after (: `septembre , après` → `septembre, après`"),
        Code("PUNCTUATION-DOUBLED", Category.PUNCTUATION, Severity.MINOR,
             "clashing punctuation: `dollars. , plus` → `dollars, plus`"),
        Code("TYPOGRAPHY-BROKEN-ENTITY", Category.TYPOGRAPHY, Severity.MINOR,
             "an HTML entity left in the text: `Dave & ; Buster’s` → `Dave & Buster’s`"),
        Code("PUNCTUATION-GLUED-SYMBOL", Category.PUNCTUATION, Severity.MINOR,
             "a currency or percent sign glued to the next word: `4,32 $attendus` → `$ attendus`"),
        Code("NUMBER-DATE-RANGE", Category.NUMBER, Severity.MINOR,
             "an English day range: `de 3 à 7 juin` → `du 3 au 7 juin`, `de lundi à vendredi` → "
             "`du lundi au vendredi`"),
        Code("NUMBER-DATE-FORMAT", Category.NUMBER, Severity.MINOR,
             "an English date: `juin 7, 2024` → `7 juin 2024`, `7th juin` → `7 juin`, `au Q3` → `au T3`"),
        Code("NUMBER-ORDINAL-FORMAT", Category.NUMBER, Severity.MINOR,
             "an English ordinal suffix: `la 3rd place` → `3e`"),
        Code("NUMBER-CURRENCY-FORMAT", Category.NUMBER, Severity.MINOR,
             "a currency sign before the amount: `$5 millions` → `5 millions de dollars`, `€10` → "
             "`10 €`; `millions de IDR` → `de roupies`"),
        Code("NUMBER-TIME-FORMAT", Category.NUMBER, Severity.MINOR,
             "a 12-hour or dotted time: `8 p.m.` → `20 h`, `14.30 WIB` → `14 h 30 WIB`, "
             "`22h34.m` → `22 h 34`, `à 0515 GMT` → `5 h 15`"),
        Code("NUMBER-DIGITS-AND-WORDS", Category.NUMBER, Severity.MINOR,
             "digits and «mille» together: `500 mille vaccinations` → `500 000`"),
        Code("GRAMMAR-MISSING-DE-NAME", Category.GRAMMAR, Severity.MINOR,
             "a unit then a place name without «de»: `la régence Bekasi` → `régence de Bekasi`"),
        Code("GRAMMAR-DISTANCE-DIRECTION", Category.GRAMMAR, Severity.MINOR,
             "a direction after a distance: `à 96 km du sud-ouest de` → `au sud-ouest de`"),
        Code("STYLE-REPEATED-GLOSS", Category.STYLE, Severity.MINOR,
             "a bracket repeating the words before it: `en glissement annuel (en glissement annuel)`, "
             "`2 (deux) suspects`"),
    )
    version = "13"

    def load(self) -> None:
        load_frequencies(("fr",))  # _frequent

    def detect(self, ctx: DocumentContext) -> Iterator[Issue]:
        if not ctx.sentences:
            return
        text = ctx.document.text
        starts = [s.start for s in ctx.sentences]
        findings = [
            *_months_and_days(text, starts),
            *_missing_spaces(text),
            *_glued_names(text),
            *_doubled(text),
            *_misplaced_spaces(text),
            *_entities(text),
            *_glued_symbols(text),
            *_english_dates(text),
            *_quarters(text),
            *_times(text),
            *_stray_meridiem(text),
            *_digits_and_mille(text),
            *_rupiah_symbols(text),
            *_currencies(text),
            *_directions(text),
            *_units_without_de(text),
            *_repeated_glosses(text),
        ]
        title_case = {s.sent_id for s in ctx.sentences if _title_case(s.text)}
        doubled = [(f.start, f.end) for f in findings if f.code == "PUNCTUATION-DOUBLED"]
        declared = self.declared()
        for found in sorted(findings, key=lambda f: (f.start, f.end, f.code)):
            if found.code == "PUNCTUATION-SPACE-BEFORE" and any(
                s <= found.start and found.end <= e for s, e in doubled
            ):
                continue  # ". ," is one error, reported once
            sentence = _sentence_of(ctx.sentences, starts, found.start, found.end)
            if sentence is None:
                continue
            if found.code == "SPELLING-CAPITALISED-MONTH" and sentence.sent_id in title_case:
                continue
            code = declared[found.code]
            yield self.issue(sentence, found.start, found.end, code.category, code.severity,
                             found.code, found.message, found.suggestion, doc_text=text)


def _sentence_of(
    sentences: tuple[Sentence, ...], starts: list[int], start: int, end: int
) -> Sentence | None:
    """The sentence holding ``[start, end)``; a position between two sentences goes to the
    first (the end of the sentence the missing space should close)."""
    index = bisect_right(starts, start) - 1
    for candidate in sentences[max(0, index - 1) : index + 1]:
        if candidate.start <= start <= end <= candidate.end:
            return candidate
    return None


__all__ = ["ConventionsDetector"]
