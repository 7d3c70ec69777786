"""Number errors: truncated years, numbers that change in the back-translation, malformed separators.

Codes:

- ``NUMBER-TRUNCATED-YEAR`` (number, minor): a two-digit year after a time preposition
  ("construites en 63"). Where the document writes other years in full ("1962") the suggestion
  takes the century of the nearest one ("1963"); without a full year there is no suggestion (the
  century cannot be told). Decades ("les années 60") are correct French and never flagged.
- ``NUMBER-MISMATCH`` (mistranslation, major): a number of the French sentence that its
  back-translation does not contain (after normalising "1 000"/"1,000", "3,5"/"3.5", ordinals,
  percentages, number words, 12-hour times). MQM files a wrong number under Accuracy >
  Mistranslation, hence the category; the back-translation model can also be the one that
  garbled it, so the message says what each side has.
- ``NUMBER-DECIMAL-POINT`` (number, minor): an English decimal point in a French quantity
  ("3.5 millions" -> "3,5"), or without a unit after a word of approximation or comparison
  ("d'environ 34.65", "contre 0.42"); never a time before its zone or «heures» ("jusqu'à 22.00
  WIB", NUMBER-TIME-FORMAT's).
- ``NUMBER-THOUSANDS-SEPARATOR`` (number, minor): an English (or dotted) thousands separator
  ("1,000 personnes" -> "1 000").

Conservative by construction: numbers glued to letters (identifiers, "COVID-19", "F-16"),
times ("10h30", "10 h 30"), dates, version numbers and phone numbers are never flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from mt_check.detectors.base import Code, Detector, DocumentContext
from mt_check.types import Category, Issue, Sentence, Severity, Translation

# Spaces French uses inside numbers: space, no-break space, narrow no-break space.
_SP = " \u00a0\u202f"

# --- truncated years -------------------------------------------------------------------------

_FULL_YEAR = re.compile(r"(?<![\d.,])(1[5-9]\d\d|20\d\d)(?![\d%]|[.,]\d)")
# "en 63", "depuis 63", "dès 63", "jusqu'en 63": the preposition right before the number.
_SHORT_YEAR = re.compile(
    r"(?i)(?<![\w’'])(en|depuis|dès|(?:jusqu|lorsqu|qu)['’]en)[" + _SP + r"]+(\d\d)"
    r"(?![\w%°€$£\-/:]|[.,]\d)"
)
# What may follow a year: punctuation, end of text, a capitalised word ("En 76 Nikolaus Otto
# invente…"), a function word, a subject pronoun or an auxiliary; never a lower-case noun or unit
# ("en 63 minutes", "en 10 secondes").
_AFTER_YEAR_OK = frozenset(
    "pour et ou puis par après avant lorsque quand alors afin dans à au aux avec sans sous sur "
    "selon mais donc car qui que qu où lors déjà puisque comme tandis ni même encore aussi "
    "seulement pendant durant contre chez vers entre jusqu le la les un une des du de d l "
    "il ils elle elles on nous je j ce c se s y ne n est sont a ont était étaient fut furent "
    "sera seront avait avaient".split()
)
_NEXT_WORD = re.compile(r"[" + _SP + r"]*([^\W\d_]+)?")
# Before "en": anything but a verb that takes "en N" as a number of parts ("divisé en 10",
# "couper en 8") or a number ("de 5 en 10").
_VERB_ENDING = re.compile(
    r"(?:é|ée|és|ées|i|ie|is|ies|it|ite|its|ites|u|ue|us|ues|er|ir|re|e|es|ent|ons|ez|ait|aient)$"
)
_PARTS_VERBS = re.compile(
    r"(?i)^(?:divis|coup|class|convert|tradu|transform|sépar|répart|regroup|multipli|partag|"
    r"découp|scind|organis|structur|rang|réduit|exprim|mesur|compt|chiffr|estim|not|évalu)"
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)?([^\w]*)$")

# --- number extraction (French sentence and English back-translation) ------------------------

# A number not glued to letters: "1 000", "1,000", "3,5", "3.5", "1er", "2nd", "45e", "10h30".
# Not glued to letters ("COVID-19", "F-16", "3-D", "A320"), to a slash (dates "12/03/2024") or
# to another number's separator; a hyphen between two numbers is a range ("2020-2021") and a
# hyphen after a space a minus sign ("-5 °C").
_NOT_AFTER = r"(?<![^\W\d_])(?<![\d.,/])(?<![^\W\d_]-)"
_NOT_BEFORE = r"(?![^\W\d_]|-[^\W\d_]|/|[.,]\d)"
_FR_NUMBER = re.compile(
    _NOT_AFTER + r"(\d{1,3}(?:[" + _SP + r"]\d{3})+(?!\d)|\d+(?:[.,]\d+)*)"
    r"(?:(er|re|ère|e|ème|eme|nd|nde)\b)?" + _NOT_BEFORE
)
# English suffixes: ordinals, decades ("1990s"), and amounts ("5bn", "$3m", "10k").
_EN_NUMBER = re.compile(
    _NOT_AFTER + r"(\d+(?:[.,]\d+)*)(?:(st|nd|rd|th|s|bn|m|k|tn)\b)?" + _NOT_BEFORE
)
_EN_SUFFIX_SCALE = {"bn": Decimal(10) ** 9, "m": Decimal(10) ** 6, "k": Decimal(1000),
                    "tn": Decimal(10) ** 12}
_EN_PM = re.compile(r"^\s*(?:p\.?\s?m\b\.?)", re.IGNORECASE)
_EN_AM = re.compile(r"^\s*(?:a\.?\s?m\b\.?)", re.IGNORECASE)
# "10h30", "10 h 30", "10:30", "10.30 am", "10pm": hours and minutes are separate numbers.
_FR_TIME = re.compile(r"(?<![\w.,])(\d{1,2})[" + _SP + r"]?h[" + _SP + r"]?(\d\d)?(?!\w)")
_EN_TIME = re.compile(
    r"(?<![\w.,])(\d{1,2})(?:(?::|\.(?=\d\d\s*[ap]\.?\s?m\b))(\d\d)(?!\d)"
    r"|(?=\s*[ap]\.?\s?m\b))",
    re.IGNORECASE,
)

_FR_WORDS = {
    "zéro": 0, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "cent": 100, "mille": 1000, "premier": 1, "première": 1, "second": 2, "seconde": 2,
    "deuxième": 2, "troisième": 3, "quatrième": 4, "cinquième": 5, "dixième": 10,
    "moitié": 2, "demi": 2, "tiers": 3, "quart": 4, "douzaine": 12, "dizaine": 10,
    "centaine": 100, "millier": 1000, "un": 1, "une": 1,
}
_EN_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "tenth": 10, "half": 2,
    "quarter": 4, "dozen": 12, "a": 1, "an": 1, "once": 1, "twice": 2, "single": 1,
    "noon": 12, "midnight": 12, "double": 2, "triple": 3, "decade": 10, "century": 100,
}
_SCALES = {
    "million": Decimal(10) ** 6, "millions": Decimal(10) ** 6,
    "milliard": Decimal(10) ** 9, "milliards": Decimal(10) ** 9,
    "billion": Decimal(10) ** 9, "billions": Decimal(10) ** 9,
    "mille": Decimal(1000), "thousand": Decimal(1000), "thousands": Decimal(1000),
    "trillion": Decimal(10) ** 12,
}
_SCALE_AFTER = re.compile(r"^[" + _SP + r"]*(?:de[" + _SP + r"]+)?([^\W\d_]+)")

# --- malformed separators --------------------------------------------------------------------

# "3.5 millions": a decimal point before a quantity word (version numbers, section numbers and
# dates have none after them, so they never match).
_QUANTITY = (
    r"(?:millions?|milliards?|mille|%|pour[" + _SP + r"]?cent|points?|fois|km|kg|mg|cm|mm|m|g|"
    r"t|tonnes?|litres?|l|euros?|€|dollars?|\$|£|livres?|degrés|°|habitants|personnes|ans|"
    r"heures|jours|mois|semaines|kilomètres|mètres|kilos|hectares|ha)"
)
_DECIMAL_POINT = re.compile(  # a minus sign may come first: "(-0.57$)", not a range's hyphen
    r"(?<![\w.,/])(?<![\w.,/]-)(\d+)\.(\d{1,2})(?![\d\w]|[.,]\d)(?=[" + _SP + r"]?" + _QUANTITY + r"(?!\w))"
)
# Without a unit, a decimal point is taken for English only after a word of approximation or
# comparison that never comes before a section or version number ("d'environ 34.65 à 17.91").
_BARE_DECIMAL = re.compile(r"(?<![\w.,/])(\d+)\.(\d{1,2})(?![\d\w]|[.,]\d)")
_APPROXIMATION_BEFORE = re.compile(
    r"(?i)\b(?:environ|près de|plus de|moins de|autour de|jusqu[’']à|atteint|atteignant|soit|contre)\s$"
)
_DECIMAL_LABELS = (
    r"(?:versions?|v|art|articles?|sections?|chapitres?|rubriques?|paragraphes?|annexes?|"
    r"tableaux?|figures?|étapes?|voir|§|n°|no)"
)
# A time zone or «heures» after a dotted number: a time ("à 14.30 WIB", "vers 9.15 heures").
_TIME_AFTER = re.compile(r"[ \u00a0\u202f]*(?:WIB|WITA|WIT|GMT|UTC|heures?)(?![\w-])")
_DECIMAL_BEFORE_OK = re.compile(r"(?i)" + _DECIMAL_LABELS + r"\.?\s*$")
_LABELLED = re.compile(r"(?i)(?<!\w)" + _DECIMAL_LABELS + r"\.?\s+\d+\.\d")
# Also without a unit: a leading zero ("un ratio de 0.75": French writes "0,75"; a version or a
# section number has its label before it), and a range of dotted decimals ("passant de 1.83 à
# 2.05", "entre 0.97 et 1.44"), both in a sentence that numbers no section, figure or version.
_LEADING_ZERO = re.compile(r"(?<![\w.,/])(?<![\w.,/]-)(0)\.(\d{1,2})(?![\d\w]|[.,]\d)")
_DECIMAL_RANGE = re.compile(
    r"(?i)\b(?:de|entre)\s+\d+\.\d{1,2}(?![\d\w]|[.,]\d)[^.;:()]{0,40}?\s(?:à|et)\s+\d+\.\d{1,2}(?![\d\w]|[.,]\d)"
)
# "1,000 personnes", "2,500,000": comma groups of exactly three digits; one group only when it
# ends in 0 (a French decimal would not keep a trailing zero: "2,5", not "2,500"). Dotted
# thousands ("29.000 employés") are left alone: French newswire writes them.
_THOUSANDS = re.compile(
    r"(?<![\w.,\-/])(\d{1,3})((?:,\d{3}){2,}|,\d\d0)(?![\w\-/]|[.,]\d)"
)

# "81,72 par dollar … sa clôture précédente de 81,390": a single group ending in 0 beside values of
# the same size with one or two decimals (a rate, a price) is the sentence's decimal comma, unless
# whole units follow it ("1,000 personnes").
_SHORT_DECIMAL = re.compile(r"(?<![\w.,\-/])(\d{1,3}),\d{1,2}(?![\w,]|\.\d)")


def _thousands(text: str) -> Iterator[re.Match[str]]:
    """English thousands separators in ``text`` (see ``_THOUSANDS``, ``_SHORT_DECIMAL``)."""
    sizes = {len(m.group(1)) for m in _SHORT_DECIMAL.finditer(text)}
    for match in _THOUSANDS.finditer(text):
        if match.group(2).count(",") == 1 and len(match.group(1)) in sizes and not (
            _WHOLE_UNITS.match(text, match.end())
        ):
            continue
        yield match


# "1,531": one comma group not ending in 0 is a French decimal or an English thousand. It is
# read as a thousand in a document that writes an unambiguous English thousand elsewhere
# ("1,460", "2,500,000": MT keeps one convention per text), or before a count of whole units
# ("1,531 personnes"); never with a leading 0 ("0,185").
_ONE_GROUP = re.compile(r"(?<![\w.,\-/])([1-9]\d{0,2}),(\d\d[1-9])(?![\w\-/]|[.,]\d)")
_WHOLE_UNITS = re.compile(
    r"[" + _SP + r"]+(?:personnes|habitants|morts|victimes|blessés|employés|salariés|emplois|"
    r"travailleurs|élèves|étudiants|enfants|patients|cas|soldats|membres|visiteurs|"
    r"utilisateurs|abonnés|clients|touristes|réfugiés|électeurs|voix|votes|sièges|maisons|"
    r"logements|foyers|familles|entreprises|sociétés|écoles|véhicules|voitures|exemplaires|"
    r"unités|pièces|participants|spectateurs|supporters|fans|candidats|agents|policiers|"
    r"militaires|personnels|hommes|femmes)(?!\w)"
)


@dataclass(frozen=True)
class _Number:
    start: int  # offsets in the text it was read from
    end: int
    text: str
    values: frozenset[Decimal]  # every reading of the number (ambiguous separators)


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text).normalize()
    except InvalidOperation:
        return None


def _readings(raw: str, french: bool) -> set[Decimal]:
    """All values a number may denote, reading its separators either way."""
    compact = re.sub(r"[" + _SP + r"]", "", raw)
    out: set[Decimal] = set()
    if "," not in compact and "." not in compact:
        value = _decimal(compact)
        return {value} if value is not None else set()
    seps = set(re.findall(r"[.,]", compact))
    groups = re.split(r"[.,]", compact)
    if len(seps) == 1 and all(len(g) == 3 for g in groups[1:]):  # thousands separators
        value = _decimal("".join(groups))
        if value is not None:
            out.add(value)
    if len(groups) == 2:  # one separator: also a decimal mark
        value = _decimal(groups[0] + "." + groups[1])
        if value is not None:
            out.add(value)
    if len(seps) == 2:  # "1,234.5" / "1.234,5": the last separator is the decimal mark
        last = max(compact.rfind(","), compact.rfind("."))
        value = _decimal(re.sub(r"[.,]", "", compact[:last]) + "." + compact[last + 1 :])
        if value is not None:
            out.add(value)
    return out


def _scaled(values: set[Decimal], text: str, end: int) -> set[Decimal]:
    match = _SCALE_AFTER.match(text[end:])
    if match and match.group(1).lower() in _SCALES:
        scale = _SCALES[match.group(1).lower()]
        return values | {(v * scale).normalize() for v in values}
    return values


def _numbers(text: str, french: bool) -> list[_Number]:
    numbers: list[_Number] = []
    time_spans: list[tuple[int, int]] = []
    for match in (_FR_TIME if french else _EN_TIME).finditer(text):
        time_spans.append(match.span())
        for group in (1, 2):
            if match.group(group):
                value = Decimal(int(match.group(group)))
                values = {value}
                if not french and group == 1 and _EN_PM.match(text[match.end() :]):
                    values.add(value + 12)
                if not french and group == 1 and value == 12 and _EN_AM.match(
                    text[match.end() :]
                ):
                    values.add(Decimal(0))  # 12 a.m. is 0 h
                numbers.append(
                    _Number(match.start(group), match.end(group), match.group(group),
                            frozenset(values))
                )
    pattern = _FR_NUMBER if french else _EN_NUMBER
    for match in pattern.finditer(text):
        if any(s <= match.start() < e for s, e in time_spans):
            continue
        values = _scaled(_readings(match.group(1), french), text, match.end())
        if not french and match.group(2) in _EN_SUFFIX_SCALE:
            scale = _EN_SUFFIX_SCALE[match.group(2)]
            values |= {(v * scale).normalize() for v in values}
        if values:
            numbers.append(_Number(match.start(1), match.end(1), match.group(1),
                                   frozenset(values)))
    return numbers


def _word_values(text: str, french: bool) -> set[Decimal]:
    table = _FR_WORDS if french else _EN_WORDS
    words = re.findall(r"[^\W\d_]+", text.lower())
    values = {Decimal(table[w]) for w in words if w in table}
    # "quatre-vingt", "twenty-five", "trois cents": sums and products of neighbouring words
    nums = [table.get(w) for w in words]
    for i in range(len(nums) - 1):
        a, b = nums[i], nums[i + 1]
        if a is not None and b is not None:
            values.add(Decimal(a + b))
            values.add(Decimal(a * b))
    for word in words:
        if word in _SCALES:
            values.add(_SCALES[word])
    return values


def _matches(number: _Number, others: Iterable[_Number], words: set[Decimal]) -> bool:
    for other in others:
        if number.values & other.values:
            return True
        # A two-digit year against its full form ("63" / "1963"): the truncated-year rule's job.
        for a in number.values:
            for b in other.values:
                if _year_suffix(a, b) or _year_suffix(b, a):
                    return True
    return bool(number.values & words)


def _year_suffix(short: Decimal, full: Decimal) -> bool:
    return (
        short == short.to_integral_value()
        and 0 <= short < 100
        and 1500 <= full < 2100
        and int(full) % 100 == int(short)
    )


def _time_en(before: str) -> bool:
    """Whether "en" after this text reads as a time preposition rather than "in N parts"."""
    match = _WORD_BEFORE.search(before)
    if match is None or match.group(1) is None:
        return not before.rstrip(_SP)[-1:].isdigit()  # "de 5 en 10"
    word = match.group(1)
    lowered = word.lower()
    verb = _VERB_ENDING.search(lowered) and not lowered.endswith("ment")  # "le classement en 41"
    return not (_PARTS_VERBS.match(word) and verb)


# A truncated year may point this far past the latest year the document (or the calendar) knows:
# plans and targets ("d'ici 30" for 2030), not "né en 63" read as 2063.
_FUTURE_YEARS = 10


def _suffix_years(text: str) -> list[int]:
    return [int(m.group(1)) for m in _FULL_YEAR.finditer(text)]


class NumbersDetector(Detector):
    """Truncated years, back-translation number mismatches, English separators in French."""

    name = "numbers"
    codes = (
        Code("NUMBER-TRUNCATED-YEAR", Category.NUMBER, Severity.MINOR,
             "a two-digit year: `en 63` → `1963` in a text that speaks of 1962"),
        Code("NUMBER-DECIMAL-POINT", Category.NUMBER, Severity.MINOR,
             "a decimal point before a quantity: `3.5 millions` → `3,5 millions`"),
        Code("NUMBER-THOUSANDS-SEPARATOR", Category.NUMBER, Severity.MINOR,
             "English thousands commas: `1,000 personnes` → `1 000 personnes`"),
        Code("NUMBER-MISMATCH", Category.MISTRANSLATION, Severity.MAJOR,
             "a number that changes between the French and its back-translation (models needed)"),
    )
    version = "8"
    # Uses translations when the pipeline has them; never requires them.
    requires = frozenset()

    def detect(self, ctx: DocumentContext) -> Iterator[Issue]:
        years = _suffix_years(ctx.document.text)
        english = any(next(_thousands(s.text), None) for s in ctx.sentences)
        for index, sentence in enumerate(ctx.sentences):
            translation = ctx.translations[index] if index < len(ctx.translations) else None
            english_years = _suffix_years(translation.back_translation) if translation else []
            yield from self._truncated_years(sentence, years, english_years)
            yield from self._separators(sentence, english)
            if translation is not None:
                yield from self._mismatches(sentence, translation)

    # -- rules --------------------------------------------------------------------------------

    def _truncated_years(
        self, sentence: Sentence, years: list[int], english_years: Iterable[int] = ()
    ) -> Iterator[Issue]:
        """``english_years``: the full years of the sentence's back-translation, which give the
        century when the document writes none."""
        for match in _SHORT_YEAR.finditer(sentence.text):
            following = _NEXT_WORD.match(sentence.text, match.end())
            word = following.group(1) if following else None
            if word is not None and word.lower() not in _AFTER_YEAR_OK and word.islower():
                continue
            if sentence.text[match.end() :].lstrip(_SP)[:1] in set("%‰°€$£0123456789"):
                continue  # "en 63 %", "en 63 000"
            if match.group(1).lower() == "en" and not _time_en(sentence.text[: match.start()]):
                continue
            start = sentence.start + match.start(2)
            short = int(match.group(2))
            if not years:
                read = sorted({y for y in english_years if y % 100 == short})
                if len(read) == 1:
                    message = f"Year written with two digits; the back-translation reads {read[0]}."
                else:
                    message = ("Year written with two digits; write it in full (the document "
                               "gives no full year to tell its century).")
                yield self.issue(
                    sentence, start, start + 2, Category.NUMBER, Severity.MINOR,
                    "NUMBER-TRUNCATED-YEAR", message, str(read[0]) if len(read) == 1 else None,
                )
                continue
            # The nearest full year: "98" next to 2004 is 1998, "63" next to 1962 is 1963; never a
            # year far beyond the document's own (or today's): "63" in a 2024 text is 1963, not 2063.
            centuries = {y - y % 100 for y in years}
            candidates = {c + short for c in centuries} | {c - 100 + short for c in centuries}
            latest = max(*years, date.today().year) + _FUTURE_YEARS
            plausible = [c for c in candidates if c <= latest]
            nearest = sorted(plausible, key=lambda c: (min(abs(c - y) for y in years), c))
            suggestion = nearest[0] if nearest else None
            example = min(years, key=lambda y: abs(y - (suggestion or y)))
            yield self.issue(
                sentence, start, start + 2, Category.NUMBER, Severity.MINOR,
                "NUMBER-TRUNCATED-YEAR",
                f"Year written with two digits; the document writes years in full (e.g. {example}).",
                None if suggestion is None else str(suggestion),
            )

    def _separators(self, sentence: Sentence, english_thousands: bool = False) -> Iterator[Issue]:
        """``english_thousands``: the document writes an unambiguous English thousand."""
        text = sentence.text
        matches = {m.start(): m for m in _DECIMAL_POINT.finditer(text)}
        labelled = _LABELLED.search(text) is not None
        ranges = [] if labelled else [m.span() for m in _DECIMAL_RANGE.finditer(text)]
        matches.update((m.start(), m) for m in _BARE_DECIMAL.finditer(text)
                       if m.start() not in matches and (
                           _APPROXIMATION_BEFORE.search(text[: m.start()])
                           or any(s <= m.start() < e for s, e in ranges)))
        matches.update((m.start(), m) for m in _LEADING_ZERO.finditer(text)
                       if m.start() not in matches and not labelled)
        for _, match in sorted(matches.items()):
            if _DECIMAL_BEFORE_OK.search(text[: match.start()]):
                continue
            if _TIME_AFTER.match(text, match.end()):
                continue  # "jusqu'à 22.00 WIB": a time (the conventions detector's), no decimal
            start = sentence.start + match.start()
            yield self.issue(
                sentence, start, sentence.start + match.end(), Category.NUMBER, Severity.MINOR,
                "NUMBER-DECIMAL-POINT",
                "French writes decimals with a comma.",
                f"{match.group(1)},{match.group(2)}",
            )
        for match in _thousands(text):
            groups = [match.group(1), *re.split(r"[.,]", match.group(2))[1:]]
            start = sentence.start + match.start()
            yield self.issue(
                sentence, start, sentence.start + match.end(), Category.NUMBER, Severity.MINOR,
                "NUMBER-THOUSANDS-SEPARATOR",
                "French groups thousands with a (non-breaking) space, never a comma or a point; "
                "a comma here reads as a decimal mark.",
                "\u00a0".join(groups) if len(groups) > 1 else match.group(0),
            )
        for match in _ONE_GROUP.finditer(text):
            units = _WHOLE_UNITS.match(text, match.end())
            if not (english_thousands or units):
                continue
            why = (f"'{units.group().strip()}' are counted in whole units" if units else
                   "the document writes its thousands the English way elsewhere")
            start = sentence.start + match.start()
            yield self.issue(
                sentence, start, sentence.start + match.end(), Category.NUMBER, Severity.MINOR,
                "NUMBER-THOUSANDS-SEPARATOR",
                f"An English thousands comma ({why}); French reads {match.group()} as a decimal "
                "and groups thousands with a (non-breaking) space.",
                f"{match.group(1)}\u00a0{match.group(2)}",
            )

    def _mismatches(self, sentence: Sentence, translation: Translation) -> Iterator[Issue]:
        english = translation.back_translation
        french_numbers = _numbers(sentence.text, french=True)
        if not french_numbers:
            return
        english_numbers = _numbers(english, french=False)
        en_words = _word_values(english, french=False)
        fr_words = _word_values(sentence.text, french=True)
        missing_fr = [n for n in french_numbers if not _matches(n, english_numbers, en_words)]
        missing_en = [n for n in english_numbers if not _matches(n, french_numbers, fr_words)]
        for number in missing_fr:
            other = ", ".join(n.text for n in missing_en) or "no matching number"
            start = sentence.start + number.start
            yield self.issue(
                sentence, start, sentence.start + number.end, Category.MISTRANSLATION,
                Severity.MAJOR, "NUMBER-MISMATCH",
                f"The number {number.text} is not in the back-translation ({other}): check it "
                f"against the source.",
                None,
            )


__all__ = ["NumbersDetector"]
