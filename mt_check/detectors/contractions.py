"""Contractions and elisions that French grammar requires, and that machine translation misses.

Codes:

- ``GRAMMAR-CONTRACTION`` (grammar, minor): a preposition and an article left apart
  ("de le marché" -> "du marché", "à les grandes villes" -> "aux grandes villes", "de lesquels" ->
  "desquels"); "en les"/"en le" before a noun ("en les places de tête": "aux" or "dans les", no
  suggestion unless a place name makes "aux" certain); "au"/"du" before a vowel or a mute h
  ("au hôpital" -> "à l’hôpital", "du écran" -> "de l’écran"), names included ("du Institute" ->
  "de l’Institute"; "au Ohio": "à l’Ohio" or "en Iran", so no suggestion).
- ``GRAMMAR-ELISION`` (grammar, minor): a word that must elide before a vowel or a mute h and
  did not ("le avion" -> "l’avion", "de autres" -> "d’autres", "que il" -> "qu’il", "si il" ->
  "s’il", "jusque à" -> "jusqu’à", "je ai" -> "j’ai", "ne est" -> "n’est", "se est" -> "s’est",
  "ce est" -> "c’est", and «ça» before «est»: "ça est" -> "c’est", "ça était" -> "c’était").
- ``GRAMMAR-EUPHONY`` (grammar, minor): the determiner form French uses before a vowel ("ce
  avion" -> "cet avion", "sa amie" -> "son amie"), and nouvel, bel, vieil, fol, mol after a
  singular determiner ("un nouveau espace" -> "un nouvel espace").
- ``GRAMMAR-CE-FOR-SE`` (grammar, minor): «c'est» for «s'est» between a subject and a past
  participle ("la réunion c'est tenue" -> "s'est tenue", "il c'est rendu" -> "s'est"): after a
  noun only before a feminine or plural participle, which «c'est» never takes.
- ``GRAMMAR-COUNTRY-ARTICLE`` (grammar, minor): a country that takes an article named without
  it after «comme», «avec», «contre», «pour», «entre» … ("comme Venezuela" -> "comme le
  Venezuela"; Indonesian and English drop it); not before a figure or a capitalised word
  ("France 2", "Vietnam Airlines"), and never for the countries named without an article.
- ``GRAMMAR-ACRONYM-ARTICLE`` (grammar, minor): an institution's acronym used bare where French
  gives it its article, as for the name it abbreviates ("BMKG a détecté" -> "Le BMKG", "de KPK"
  -> "du KPK", "par PSSI" -> "par la PSSI", "selon FMI" -> "selon le FMI"; Indonesian has no
  articles and MT from it drops them): at the start of a sentence or after a comma before a
  lower-case word, in a sentence with its final punctuation (a headline "KPK révèle un suspect"
  may drop it), and after «de», «à», «par», «selon», «dont», «que», «avec», «pour», «contre»,
  «sur», «chez», «entre», «vers». A closed list of acronyms whose gender French usage fixes
  (``_INSTITUTIONS``): companies' acronyms ("HSBC a annoncé") take no article and stay out. Never
  flagged: after an article or a possessive ("le BMKG", "de la PSSI", "l’ONU"), inside
  parentheses ("(BMKG)"), before a colon (a headline's source: "BMKG : Le séisme"), a slash, a
  hyphen, a figure or a capitalised word (part of a longer name: "KPU RI", "ONU Femmes").
- ``GRAMMAR-COUNTRY-PREPOSITION`` (grammar, minor): a country with the preposition of a city:
  "en Japon" -> "au Japon", "en États-Unis" -> "aux États-Unis", "à Indonésie" -> "en
  Indonésie", "à Canada" -> "au Canada"; a country after a city with its article ("à New
  York, les États-Unis" -> "aux États-Unis"). The names are CLDR's (babel), their gender and number
  the lexicon's; countries named without an article ("à Cuba", "à Singapour": the lexicon's
  epicene names, and ``_NO_ARTICLE``) and countries named like their capital ("à Panama", "à
  Koweït") are left alone.

Which words elide: a vowel or a mute h starts the next word. The Hunspell dictionary cannot say
which h is mute (its ``L'`` prefix accepts every word, "l'hasard" and "l'table" included), so
mute h is a short list of stems (``_MUTE_H``) and every other h counts as aspirated: an h word
missing from the list is never flagged (a miss, not a false flag). Words that take no elision
before a vowel ("le onze", "le oui", "la ouate", "la une", "le un" as a numeral) are listed.

What needs the parse: "de le"/"à les"/"en les" are correct when ``le``/``les`` is an object
pronoun ("il a décidé de le faire", "commencer à les voir", "en les aidant"). The spaCy parse
must call it a determiner before a noun or adjective, and the lexicon must agree (spaCy takes "à
le convaincre" for a noun); a noun that is also an infinitive ("de le pouvoir", "à le souvenir")
is left alone, as is "de le" before a feminine noun ("de le reine": a gender error, which the
agreement detector reports). Without a parse these checks are skipped; the others are lexical
and still run.

Never flagged: a trigger after a hyphen ("fais-le encore", "puis-je avoir", "est-ce un"), a
capitalised trigger inside a sentence (names: "Le Havre", "De Gaulle"), capitalised words that
the lexicon does not know as common nouns or countries (after "de"/"que" also as places and
brands: "d'Atlanta"): first names and unknown names keep "de" ("de Ivan", "de Oliveira");
acronyms unless the lexicon knows them ("l'ONU", but "la ECW"), Roman numerals, single letters,
words in quotes on their own (« que il »: metalanguage), "du" after a form of "avoir" ("il a du
être": a missing accent on "dû", not a contraction), "ne en 1950" ("né" without its accent).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mt_check.detectors.base import PARSE, Code, DocumentContext, LexiconDetector
from mt_check.lexicon import Analysis
from mt_check.types import Category, Issue, Severity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SPACE = "[ \u00a0\u202f]+"  # on one line: a contraction never spans a line break
# A word: a letter, then letters, digits, apostrophes ("aujourd'hui") and single hyphens
# ("États-Unis"); "--" (a dash typed as two hyphens) ends it.
_WORD = r"[^\W\d_](?:[\w'’]|-(?=[^\W_]))*"
_NOT_AFTER = r"(?<![\w'’\-])"  # not inside a word, not after a hyphen ("fais-le", "est-ce")

_TRIGGER = re.compile(
    _NOT_AFTER
    + r"(le|la|de|je|me|te|se|ne|ce|que|lorsque|puisque|quoique|jusque|si|ma|ta|sa|au|du)"
    + r"(?=" + _SPACE + r"(" + _WORD + r"))",
    re.IGNORECASE,
)
# "de le", "à les", "en les" followed by a word (the parse decides: article or pronoun).
_PREP_ARTICLE = re.compile(
    _NOT_AFTER + r"((de|à|en|De|À|En)" + _SPACE + r"(les|le))(?=" + _SPACE + r"(" + _WORD + r"))"
)
# "à le moins" -> "au moins", "de les plus" -> "des plus": adverbs, so no noun for the parse
# test; "le"/"les" before them is a pronoun only when a verb follows ("à le moins aimer").
_PREP_ARTICLE_ADVERB = re.compile(
    _NOT_AFTER + r"((à|de|À|De)" + _SPACE + r"(les|le))(?=" + _SPACE + r"(plus|moins|mieux)(?![\w'’-]))"
)
# "de lequel" -> "duquel": the relative pronoun always contracts.
_PREP_LEQUEL = re.compile(
    _NOT_AFTER + r"(de|à|De|À)" + _SPACE + r"(lequel|lesquels|lesquelles)(?![\w'’-])"
)
_LEQUEL = {
    ("de", "lequel"): "duquel",
    ("de", "lesquels"): "desquels",
    ("de", "lesquelles"): "desquelles",
    ("à", "lequel"): "auquel",
    ("à", "lesquels"): "auxquels",
    ("à", "lesquelles"): "auxquelles",
}
_CONTRACTED = {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au", ("à", "les"): "aux"}
# "est-il", "écrivait-on", "a-t-elle": an inverted subject after the verb.
_INVERSION = re.compile(r"^([^\W\d_]+)-(?:t-)?(?:il|ils|elle|elles|on|je|tu|nous|vous|ce)$", re.IGNORECASE)

_VOWELS = frozenset("aàâäeéèêëiîïoôöuùûüœæ")  # y is left out: "le yaourt", "le yoga", "la Yonne"
# Mute-h stems (the h words that elide: "l'homme", "l'hôpital"); every other h is taken as
# aspirated ("le héros", "la hausse", "le haut", "la Hongrie", "le hasard", "la hiérarchie").
_MUTE_H = (
    "habil", "habit", "haleine", "hallucin", "haltér", "hameçon", "harmoni", "héberg", "hebdo",
    "hécatombe", "hect", "hégémon", "hélic", "hélio", "hélium", "hellén", "hémi", "hémo", "hépar",
    "hépat", "herb", "hérédit", "hérés", "hérit", "hermét", "hermine", "héroï", "hésit", "hétéro",
    "heure", "hexa", "hiatus", "hibern", "hier", "hilar", "himalaya", "hindou", "hippiq",
    "hippo", "hirondelle", "hispan", "histo", "hiver", "holocaust", "homélie", "homéo", "homicide",
    "homm", "homogén", "homolog", "homonym", "homosex", "honnête", "honneur", "honor", "hôpita",
    "horaire", "horizon", "horloge", "hormon", "horoscope", "horreur", "horri", "hortens", "horti",
    "hospi", "hostil", "hôte", "huile", "huiss", "huître", "humain", "human", "humble", "humeur",
    "humid", "humili", "humor", "humour", "hybrid", "hydr", "hygi", "hymne", "hyper", "hypno",
    "hypo", "hystér",
)
# Vowel-initial words that take no elision (the numeral "onze", "oui" as a noun, "la ouate",
# "le ouistiti", "le uhlan").
_NO_ELISION = frozenset(
    "onze onzième onzièmes oui ouate ouates ouistiti ouistitis uhlan uhlans ululement one "
    "ouïghour ouïghours ouighour".split()
)
# "le un", "la une" (the numeral, a paper's front page) are correct; see _one_pronoun.
_NUMERAL_ONE = frozenset({"un", "une"})
# What "si", "lorsque", "puisque", "quoique" elide before (before other words: optional).
_SI_ELIDES = frozenset({"il", "ils"})
_CONJ_ELIDES = frozenset({"il", "ils", "elle", "elles", "on", "un", "une", "en"})
# Words before which "de" stays whole: "de et vers", "de ou vers Paris", "de à" (no such
# elision), and subject pronouns ("de il" is not "d'il").
_DE_KEEPS = frozenset({"et", "ou", "à", "au", "aux", "il", "ils", "on"})
_CE_ELIDES = frozenset({"est", "était", "étaient", "eût", "eut", "en"})
_CLITICS = frozenset({"je", "me", "te", "se", "ne"})  # elide before a verb, "en" or "y"
# "il le a vu": "le"/"la" before the verb "a" are the object pronoun after these words.
_BEFORE_OBJECT = frozenset({"il", "elle", "on", "qui", "ne", "cela", "ça", "nous", "vous", "ils", "elles"})
_ELIDED = {"le": "l", "la": "l", "de": "d", "je": "j", "me": "m", "te": "t", "se": "s",
           "ne": "n", "ce": "c", "que": "qu", "lorsque": "lorsqu", "puisque": "puisqu",
           "quoique": "quoiqu", "jusque": "jusqu", "si": "s"}
_EUPHONIC = {"ce": "cet", "ma": "mon", "ta": "ton", "sa": "son"}
# "ça est sur le point de", "ça était" (English "it is", "that was"): «ce» elides, «ça» is never
# the subject of «est».
_CA_EST = re.compile(r"\b([Çç]a) (est|était|étaient|étant)\b")
# Currency codes, which elide as acronyms would, but want their name written out ("de roupies").
_CURRENCY_CODES = frozenset({"IDR", "INR", "EUR", "USD", "AUD", "AED", "ISK", "UAH"})
# Determiners after which an epicene noun is masculine ("un élève"; "mon" also goes before a
# feminine vowel: "mon amie").
_MASCULINE_DETERMINERS = frozenset({"un", "le", "ce", "du", "au"})
# Adjectives with a form for a masculine singular noun that starts with a vowel sound, after a
# singular determiner: "un nouvel espace", "le bel été", "ce vieil homme".
_PRENOMINAL_EUPHONIC = {"nouveau": "nouvel", "beau": "bel", "vieux": "vieil", "fou": "fol", "mou": "mol"}
# "la réunion c'est tenue", "il c'est rendu": «c'» for «s'» between a subject and a participle.
_CE_FOR_SE = re.compile(
    r"(?<![\w\-'’])([^\W\d_]+)\s+([cC])(['’])(est|était|étaient|sont)\s+([^\W\d_]+)(?![\w'’])"
)
_SUBJECT_PRONOUNS = frozenset({"il", "elle", "on", "ils", "elles"})
# "at-il", "a-il", "a t-il", "a-t'il", "a -t-il" for "a-t-il": a verb ending in a vowel and an
# inverted il/elle/on take the euphonic t between two hyphens.
_EUPHONIC_T = re.compile(
    r"(?<![\w\-'’])([^\W\d_]*[aeAE])(t-|-|\s+-?t-|-t['’]|['’]t-|-t\s+)(il|elle|on)(?![\w\-'’])"
)
_EUPHONIC_ADJECTIVE = re.compile(
    r"\b(?:un|le|ce|mon|ton|son|notre|votre|leur|du|au)\s+(nouveau|beau|vieux|fou|mou)\s+(\w+)",
    re.IGNORECASE,
)
# Opening punctuation after which a capitalised word still starts a sentence.
_OPENERS = "«\"“‘([—–-:"
_OPEN_QUOTES = "«\"“‘"
_CLOSE_QUOTES = "»\"”’"
_CONTENT = frozenset({"nom", "adj", "v"})
_FUNCTION = _CONTENT | {"mg", "adv", "prep"}  # what "de"/"que" elide before ("d'elle", "qu'à")
_DET_HEADS = frozenset({"NOUN", "ADJ", "NUM", "PROPN"})
# A capitalised next word counts only as a common noun or a country the lexicon knows
# ("l'Irak", "l'Europe": po:nom); for "de"/"que" also a place or brand (npr: "d'Atlanta").
# First names (prn) and unknown names keep "de": "de Ivan", "de Oliveira", "de Avellaneda".
_CAPITAL_POS = frozenset({"nom"})
_CAPITAL_POS_DE = frozenset({"nom", "npr"})
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_ROMAN_ORDINAL = re.compile(r"^[IVXLCDM]+(?:e|er|re|ème)?s?$")  # "au IIe siècle", "du XIXe"


def document_apostrophe(text: str) -> str:
    """The apostrophe the document writes between letters (’ or '), ’ when it writes none."""
    straight = len(re.findall(r"\w'\w", text))
    curly = len(re.findall(r"\w’\w", text))
    return "'" if straight > curly else "’"


def starts_with_vowel_sound(word: str) -> bool:
    """Whether ``word`` starts with a vowel or a mute h, so that "le", "de", "que"... elide."""
    lower = word.lower()
    if not lower or lower in _NO_ELISION or lower.startswith("e-"):
        return False
    if lower == "y":
        return True  # the pronoun "y" ("il n'y a", "s'y rendre"); y-words otherwise do not elide
    if lower[0] in _VOWELS:
        return True
    return lower[0] == "h" and lower.startswith(_MUTE_H)


@dataclass(frozen=True)
class _Finding:
    start: int  # sentence offsets
    end: int
    code: str
    message: str
    suggestion: str | None


def _capitalise(text: str, like: str) -> str:
    return text[:1].upper() + text[1:] if like[:1].isupper() else text


class ContractionsDetector(LexiconDetector):
    name = "contractions"
    uses = frozenset({PARSE})
    codes = (
        Code("GRAMMAR-CONTRACTION", Category.GRAMMAR, Severity.MINOR,
             "a preposition and article left apart: `de le marché` → `du marché`, `à les` → "
             "`aux`, `au hôpital` → `à l’hôpital`, `en les` + noun"),
        Code("GRAMMAR-ELISION", Category.GRAMMAR, Severity.MINOR,
             "a missing elision before a vowel or mute h: `le avion` → `l’avion`, `que il` → "
             "`qu’il`, `si il` → `s’il`, `je ai` → `j’ai`, `ça est` → `c’est`"),
        Code("GRAMMAR-EUPHONY", Category.GRAMMAR, Severity.MINOR,
             "the determiner or adjective form used before a vowel: `ce avion` → `cet avion`, "
             "`sa amie` → `son amie`, `un nouveau espace` → `un nouvel espace`, `at-il` → `a-t-il`"),
        Code("GRAMMAR-CE-FOR-SE", Category.GRAMMAR, Severity.MINOR,
             "«c'» for «s'» between a subject and a participle: `la réunion c'est tenue` → "
             "`s'est tenue`, `il c'est rendu` → `s'est`"),
        Code("GRAMMAR-COUNTRY-ARTICLE", Category.GRAMMAR, Severity.MINOR,
             "a country named without its article: `comme Venezuela` → `comme le Venezuela`, "
             "`contre Japon` → `contre le Japon`"),
        Code("GRAMMAR-ACRONYM-ARTICLE", Category.GRAMMAR, Severity.MINOR,
             "an institution's acronym without its article: `BMKG a détecté` → `Le BMKG a "
             "détecté`, `de KPK` → `du KPK`, `selon FMI` → `selon le FMI`"),
        Code("GRAMMAR-COUNTRY-PREPOSITION", Category.GRAMMAR, Severity.MINOR,
             "a country with a city's preposition: `en Japon` → `au Japon`, `à Indonésie` → "
             "`en Indonésie`"),
    )
    version = "10"


    def detect(self, ctx: DocumentContext) -> Iterator[Issue]:
        apostrophe = document_apostrophe(ctx.document.text)
        for i, sentence in enumerate(ctx.sentences):
            doc = ctx.parses[i] if ctx.parses is not None else None
            findings = [  # on one span the first wins: "de OTAN" is "de l’OTAN", not "d’OTAN"
                *_acronym_articles(sentence.text, apostrophe),
                *self._fixed(sentence.text, apostrophe),
                *self._elisions(sentence.text, apostrophe),
                *self._countries(sentence.text),
                *self._country_articles(sentence.text, apostrophe),
                *self._euphonic_adjectives(sentence.text),
                *self._euphonic_t(sentence.text),
                *self._ce_for_se(sentence.text),
                *(self._prep_articles(sentence.text, doc) if doc is not None else ()),
            ]
            seen: set[tuple[int, int]] = set()
            for f in sorted(findings, key=lambda f: (f.start, f.end)):
                if (f.start, f.end) in seen:
                    continue
                seen.add((f.start, f.end))
                code = self.declared()[f.code]
                yield self.issue(
                    sentence, sentence.start + f.start, sentence.start + f.end, code.category,
                    code.severity, f.code, f.message, f.suggestion,
                )

    # --- lexicon helpers --------------------------------------------------------------------

    def _analyses(self, word: str) -> list[Analysis]:
        readings = self.lexicon.analyses(word)
        if not readings and word[:1] == "E":
            readings = self.lexicon.analyses("É" + word[1:])  # "Egypte": the capital's accent dropped
        return readings

    def _is_word(self, word: str, pos: frozenset[str] = _CONTENT,
                 capital_pos: frozenset[str] = _CAPITAL_POS) -> bool:
        """A French word with one of the parts of speech ``pos``; a capitalised word only with
        one of ``capital_pos`` (a common noun, a country), never an acronym or a single letter."""
        if len(word) < 2 or word.isupper():
            return False
        readings = self._analyses(word)
        if word[0].isupper():
            return any(a.pos & capital_pos for a in readings)
        return any(a.pos & pos for a in readings)

    def _verb_readings(self, word: str) -> list[Analysis]:
        if not word[:1].islower():
            return []
        inverted = _INVERSION.match(word)  # "est-il": the verb is "est"
        return [a for a in self._analyses(inverted.group(1) if inverted else word) if "v" in a.pos]

    def _is_verb(self, word: str) -> bool:
        return bool(self._verb_readings(word))

    def _is_avoir(self, word: str) -> bool:
        return word in ("eu", "avoir", "ayant") or any(
            a.lemma == "avoir" and a.persons for a in self._analyses(word))

    def load(self) -> None:
        super().load()
        self._country_table()

    def data_version(self) -> str:
        from importlib.metadata import version  # CLDR's names come with babel's release

        return f"{super().data_version()}+babel{version('babel')}"

    # --- countries: "en Japon" -> "au Japon", "à Indonésie" -> "en Indonésie" -------------

    def _country_table(self) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
        if self._countries_cache is None:
            self._countries_cache = _country_pattern(self._analyses)
        return self._countries_cache

    _countries_cache: tuple[re.Pattern[str], dict[str, tuple[str, str]]] | None = None

    def _country_articles(self, text: str, apostrophe: str) -> Iterator[_Finding]:
        """``comme Venezuela`` → ``comme le Venezuela`` (see GRAMMAR-COUNTRY-ARTICLE)."""
        if not _ARTICLE_WORDS_HINT.search(text):
            return
        _, countries = self._country_table()
        if self._articles_cache is None:
            names = "|".join(re.escape(n) for n in sorted(countries, key=len, reverse=True))
            self._articles_cache = re.compile(
                _NOT_AFTER + r"(" + _WITHOUT_ARTICLE_AFTER + r")" + _SPACE + r"(" + names + r")"
                r"(?![\w'’-])(?![ \u00a0\u202f]*(?:\d|[A-ZÀ-Ý]))"
            )
        for m in self._articles_cache.finditer(text):
            word, name = m.group(1), m.group(2)
            gender, number = countries[name]
            article = "les " if number == "pl" else f"l{apostrophe}" if starts_with_vowel_sound(name) else (
                "la " if gender == "f" else "le ")
            yield _Finding(m.start(2), m.end(2), "GRAMMAR-COUNTRY-ARTICLE",
                           f"« {name} » se construit avec l’article : « {word} {article}{name} »",
                           f"{article}{name}")

    _articles_cache: re.Pattern[str] | None = None

    def _countries(self, text: str) -> Iterator[_Finding]:
        if "en " not in text and "à " not in text and "En " not in text and "À " not in text:
            return
        pattern, countries = self._country_table()
        yield from self._city_country(text, countries)
        for m in pattern.finditer(text):
            prep, name = m.group(1), m.group(2)
            if prep[:1].isupper() and not _sentence_start(text, m.start()):
                continue
            gender, number = countries[name]
            vowel = starts_with_vowel_sound(name)
            if number == "pl":
                right = "aux"
            elif gender == "f" or vowel:
                right = "en"
            else:
                right = "au"
            if right == prep.lower():
                continue
            fixed = _capitalise(right, prep)
            kind = {"aux": "un pays au pluriel", "en": "un pays féminin ou commençant par une voyelle",
                    "au": "un pays masculin"}[right]
            yield _Finding(m.start(), m.end(), "GRAMMAR-COUNTRY-PREPOSITION",
                           f"« {name} » est {kind} : « {fixed} {name} », non « {prep} {name} »",
                           f"{fixed} {name}")

    def _city_country(self, text: str, countries: dict[str, tuple[str, str]]) -> Iterator[_Finding]:
        """"à New York, les États-Unis" ("in New York, United States") → "à New York, aux
        États-Unis": the country after a city takes its own preposition. Only after "à" + a
        capitalised name inside the sentence (not a fronted "À Riyad, l'Arabie saoudite a…"),
        with the country's article, and when punctuation or the end follows the country."""
        for m in _AFTER_CITY.finditer(text):
            name = m.group(2)
            if name not in countries:
                continue
            city = _CITY_BEFORE.search(text, max(0, m.start() - 60), m.start())
            if city is None or city.start() == 0 or _sentence_start(text, city.start()):
                continue
            if not re.match(r"\s*(?:[,.;:)!?]|$)", text[m.end() :]):
                continue
            gender, number = countries[name]
            vowel = starts_with_vowel_sound(name)
            right = "aux" if number == "pl" else "en" if gender == "f" or vowel else "au"
            start = m.start(1)
            wrong = text[start : m.end()]
            yield _Finding(start, m.end(), "GRAMMAR-COUNTRY-PREPOSITION",
                           f"après une ville, le pays prend sa préposition : « {right} {name} », non "
                           f"« {wrong} »", f"{right} {name}")

    # --- fixed phrases: "à le moins" -> "au moins", "de lequel" -> "duquel" -----------------

    def _fixed(self, text: str, apostrophe: str) -> Iterator[_Finding]:
        for m in _CA_EST.finditer(text):
            fixed = _capitalise("c" + apostrophe, m.group(1)) + m.group(2)
            yield _Finding(m.start(), m.end(), "GRAMMAR-ELISION",
                           f"« {m.group(0)} » s’écrit « {fixed} »", fixed)
        for m in _PREP_ARTICLE_ADVERB.finditer(text):
            prep, article, adverb = m.group(2), m.group(3), m.group(4)
            if prep[:1].isupper() and not _sentence_start(text, m.start()):
                continue
            if self._is_verb(_next_word(text, m.end(4))):
                continue  # "apprendre à le moins aimer": "le" is the object pronoun
            fixed = _capitalise(_CONTRACTED[(prep.lower(), article)], prep)
            yield _Finding(m.start(), m.end(1), "GRAMMAR-CONTRACTION",
                           f"« {m.group(1)} {adverb} » se contracte : « {fixed} {adverb} »", fixed)
        for m in _PREP_LEQUEL.finditer(text):
            prep, pronoun = m.group(1), m.group(2)
            fixed = _capitalise(_LEQUEL[(prep.lower(), pronoun)], prep)
            yield _Finding(m.start(), m.end(), "GRAMMAR-CONTRACTION",
                           f"« {m.group(0)} » se contracte : « {fixed} »", fixed)

    # --- elisions, euphonic forms, au/du before a vowel -------------------------------------

    def _elisions(self, text: str, apostrophe: str) -> Iterator[_Finding]:
        for m in _TRIGGER.finditer(text):
            trigger, word = m.group(1), m.group(2)
            if trigger[:1].isupper() and not _sentence_start(text, m.start()):
                continue  # "Le Havre", "De Gaulle", "La Fontaine": part of a name
            if trigger.isupper() and len(trigger) > 1:
                continue  # an all-caps headline
            end = m.end(2)
            if _quoted(text, m.start(), end):
                continue  # « que il »: the words are quoted, not used
            if starts_with_vowel_sound(word):
                finding = self._before_vowel(text, trigger, word, m.start(), end, apostrophe)
                if finding is not None:
                    yield finding

    def _before_vowel(
        self, text: str, trigger: str, word: str, start: int, end: int, apostrophe: str
    ) -> _Finding | None:
        low = trigger.lower()
        if low in ("au", "du"):
            return self._contracted_before_vowel(text, trigger, word, start, end, apostrophe)
        if low in _EUPHONIC and self._euphonic(low, word):
            form = _capitalise(_EUPHONIC[low], trigger)
            return _Finding(start, end, "GRAMMAR-EUPHONY",
                            f"devant une voyelle ou un h muet, « {trigger} » devient « {form} »",
                            f"{form} {word}")
        if low not in _ELIDED or not self._elides(text, low, word, start, end):
            return None
        fixed = f"{_capitalise(_ELIDED[low], trigger)}{apostrophe}{word}"
        return _Finding(start, end, "GRAMMAR-ELISION",
                        f"élision obligatoire devant une voyelle ou un h muet : « {fixed} »", fixed)

    def _contracted_before_vowel(
        self, text: str, trigger: str, word: str, start: int, end: int, apostrophe: str
    ) -> _Finding | None:
        """"au hôpital" -> "à l'hôpital", "du écran" -> "de l'écran"."""
        if word.lower() in _NUMERAL_ONE:
            return None
        if word[0].isupper():
            return self._contracted_before_name(trigger, word, start, end, apostrophe)
        if not self._is_word(word, frozenset({"nom", "adj"})):
            return None
        if trigger.lower() == "du" and (self._is_avoir(_previous_word(text, start))
                                        or any("infi" in a.pos for a in self._analyses(word))):
            return None  # "il a du être": "dû" without its accent, not a contraction
        prep = _capitalise("à" if trigger.lower() == "au" else "de", trigger)
        fixed = f"{prep} l{apostrophe}{word}"
        return _Finding(start, end, "GRAMMAR-CONTRACTION",
                        f"« {trigger} » ne se met pas devant une voyelle ou un h muet : « {fixed} »",
                        fixed)

    @staticmethod
    def _contracted_before_name(
        trigger: str, word: str, start: int, end: int, apostrophe: str
    ) -> _Finding | None:
        """"du Institute" -> "de l'Institute", "au Ohio": a capitalised word after "du"/"au"
        (a name the article belongs to) elides like any other; "au" has no single fix ("à
        l'Ohio" or "en Iran"). Acronyms (read letter by letter or not: "du UMP" is rare either
        way), Roman numerals ("au IIe siècle") and single letters ("du A-module") are left
        alone."""
        head = word.split("-", 1)[0]  # "du A-module": a letter in a formula
        if len(head) < 2 or head.isupper() or _ROMAN_ORDINAL.match(word):
            return None
        if trigger.lower() == "du":
            fixed = f"{_capitalise('de', trigger)} l{apostrophe}{word}"
            return _Finding(start, end, "GRAMMAR-CONTRACTION",
                            f"« {trigger} » ne se met pas devant une voyelle ou un h muet : « {fixed} »",
                            fixed)
        message = (f"« {trigger} » ne se met pas devant une voyelle ou un h muet : "
                   f"« à l{apostrophe}{word} » ou, devant un pays, « en {word} »")
        return _Finding(start, end, "GRAMMAR-CONTRACTION", message, None)

    def _euphonic_adjectives(self, text: str) -> Iterator[_Finding]:
        """"un nouveau espace" → "un nouvel espace": before a masculine singular noun (only
        that, in the lexicon) that starts with a vowel sound ("un nouveau héros": an aspirated h
        keeps it; "de nouveau heureuse" has no determiner)."""
        for m in _EUPHONIC_ADJECTIVE.finditer(text):
            adjective, noun = m.group(1), m.group(2)
            if not starts_with_vowel_sound(noun) or noun[:1].isupper():
                continue
            readings = [a for a in self._analyses(noun) if "nom" in a.pos]
            # an epicene noun ("un élève") is masculine after a masculine determiner, not after
            # "mon", "son" (also feminine before a vowel: "mon amie")
            masculine = m.group(0).split()[0].lower() in _MASCULINE_DETERMINERS
            genders = ("m", "epi") if masculine else ("m",)
            if not readings or any(a.gender not in genders or a.number not in ("sg", "inv")
                                   for a in readings):
                continue
            form = _PRENOMINAL_EUPHONIC[adjective.lower()]
            form = form.upper() if adjective.isupper() else _capitalise(form, adjective)
            yield _Finding(m.start(1), m.end(2), "GRAMMAR-EUPHONY",
                           f"devant un nom masculin qui commence par une voyelle, « {adjective} » "
                           f"devient « {form} »", f"{form} {noun}")

    def _ce_for_se(self, text: str) -> Iterator[_Finding]:
        """«c'est» for «s'est» right after the subject, before a past participle: after a
        subject pronoun ("il c'est rendu") always; after a noun ("la réunion c'est tenue") when
        the participle is feminine or plural, which «c'est» never takes ("Le problème c'est
        fini" may be «c'est»; "le problème, c'est que" has its comma)."""
        for m in _CE_FOR_SE.finditer(text):
            before, participle = m.group(1), m.group(5)
            readings = [a for a in self._analyses(participle) if "ppas" in a.pos]
            if not readings:
                continue
            if before.lower() not in _SUBJECT_PRONOUNS:
                words = self._analyses(before)
                if not any(a.pos & {"nom", "npr"} for a in words) or any(
                    a.pos & {"v", "prep", "conj", "adv"} for a in words
                ):
                    continue
                if not all(a.gender == "f" or a.number == "pl" for a in readings):
                    continue
            start = m.start(2)
            s = "S" if m.group(2) == "C" else "s"
            fixed = f"{s}{m.group(3)}{m.group(4)}"
            yield _Finding(start, m.end(3), "GRAMMAR-CE-FOR-SE",
                           f"« {m.group(2)}{m.group(3)}{m.group(4)} » pour « {fixed} » : le verbe "
                           f"pronominal prend « se » (« {fixed} {participle} »)", s + m.group(3))

    def _euphonic_t(self, text: str) -> Iterator[_Finding]:
        """"a-t-il" misspelt: "at-il", "a-il", "a t-il", "a-t'il". The word before must be a
        third-person singular verb form ending in a vowel («a», «va», «sera», «parle»), so that
        "est-il", "dit-il", "peut-on" (the verb's own t) never match."""
        for m in _EUPHONIC_T.finditer(text):
            verb, pronoun = m.group(1), m.group(3)
            if not any("3sg" in a.persons for a in self._analyses(verb)):
                continue
            fixed = f"{verb}-t-{pronoun}"
            yield _Finding(m.start(), m.end(), "GRAMMAR-EUPHONY",
                           f"l’inversion du sujet après une voyelle prend un « t » euphonique entre "
                           f"deux traits d’union : « {fixed} »", fixed)

    def _elides(self, text: str, low: str, word: str, start: int, end: int) -> bool:
        """Whether ``low`` ("le", "que"...) must elide before ``word`` (which starts with a
        vowel sound) at ``text[start:end]``."""
        wlow = word.lower()
        if low in ("le", "la"):
            if wlow in _NUMERAL_ONE:  # "le un des", "la une ou l'autre": the pronoun "l'un(e)"
                return _one_pronoun(low, wlow, text[end:])
            if wlow == "on":
                return low == "le"  # "que le on trouve": "l'on"
            if wlow == "a":  # "il le a vu": the object pronoun before "a"; else the letter
                return _previous_word(text, start) in _BEFORE_OBJECT
            # an acronym read from a vowel: "l'ONU", "l'OTAN", "l'AWS CLI"; after «la», only
            # those the lexicon knows (unknown ones vary: "la ECW" for a wrestling federation)
            return self._is_word(word) or _vowel_acronym(word) and (
                low == "le" or any("nom" in a.pos for a in self._analyses(word)))
        if low == "de":
            if wlow in _DE_KEEPS:
                return False
            if wlow in _NUMERAL_ONE and _next_word(text, end).lower() in ("à", "sur", "ou"):
                return False  # "de un à trois": a range of numbers
            return wlow in ("y", "en") or self._is_word(word, _FUNCTION, _CAPITAL_POS_DE) or (
                _vowel_acronym(word))
        if low == "que":
            return wlow in ("y", "en", "à") or self._is_word(word, _FUNCTION, _CAPITAL_POS_DE) or (
                _vowel_acronym(word))
        if low == "jusque":
            return True
        if low == "si":
            return wlow in _SI_ELIDES
        if low in ("lorsque", "puisque", "quoique"):
            return wlow in _CONJ_ELIDES
        if low == "ce":  # "ce est" -> "c'est", "ce est-à-dire", "ce en est fait"
            head = wlow.split("-", 1)[0]
            return head in _CE_ELIDES and (head != "en" or _next_word(text, end) in ("est", "était"))
        if low in _CLITICS:
            if wlow in ("en", "y"):
                return low != "ne" or self._is_verb(_next_word(text, end))  # not "né en 1950"
            readings = self._verb_readings(word)
            if low == "ne":  # a finite verb or a present participle: "n'est", "n'ayant"
                return any(a.persons or "ppre" in a.pos for a in readings)
            if low == "je":  # "je ai" -> "j'ai"; "je a" is an agreement error, not an elision
                return any("1sg" in a.persons for a in readings)
            if low == "se":  # "se est" -> "s'est"; "se a" wants another auxiliary ("s'est")
                return any(a.lemma != "avoir" for a in readings)
            return bool(readings)
        return False

    def _euphonic(self, low: str, word: str) -> bool:
        """"ce" before a masculine noun or adjective, "ma/ta/sa" before a noun or adjective."""
        if word[:1].isupper() or len(word) < 2:
            return False
        readings = [a for a in self._analyses(word) if a.pos & {"nom", "adj"}]
        if low == "ce":
            if word.lower().split("-", 1)[0] in _CE_ELIDES:
                return False  # "ce est": the elision "c'est"
            return any(a.gender in ("m", "epi", None) and a.number in ("sg", "inv", None)
                       for a in readings)
        return any(a.number in ("sg", "inv", None) for a in readings)

    # --- "de le", "à les", "en les" (the parse tells the article from the pronoun) ----------

    def _prep_articles(self, text: str, doc: Doc) -> Iterator[_Finding]:
        by_offset: dict[int, Token] | None = None  # built on the first match: most sentences have none
        for m in _PREP_ARTICLE.finditer(text):
            if by_offset is None:
                by_offset = {tok.idx: tok for tok in doc}
            prep, article, word = m.group(2), m.group(3), m.group(4)
            if prep[:1].isupper() and not _sentence_start(text, m.start()):
                continue
            if _quoted(text, m.start(), m.end(4)):
                continue
            tok = by_offset.get(m.start(3))
            low = prep.lower()
            if tok is None or tok.i + 1 >= len(doc) or not self._determiner(tok, word, low):
                continue
            if article == "le" and starts_with_vowel_sound(word):
                continue  # "de le avion": the elision "l'avion" is the fix, reported as such
            if article == "le" and self._feminine(tok):
                continue  # "de le reine": a gender error ("de la reine"), not a contraction
            if low == "en":
                yield self._en_article(m.start(), m.end(1), m.group(1), article, doc[tok.i + 1])
                continue
            fixed = _capitalise(_CONTRACTED[(low, article)], prep)
            yield _Finding(m.start(), m.end(1), "GRAMMAR-CONTRACTION",
                           f"« {m.group(1)} » se contracte en « {fixed} » devant un nom", fixed)

    def _determiner(self, tok: Token, word: str, prep: str) -> bool:
        """``le``/``les`` is an article: the parse says so, the next word is a noun or an
        adjective for it, and no verb reading ("de le faire", "en les aidant") makes it a
        pronoun. The parse alone is not enough: it takes "à le convaincre" for a noun."""
        nxt = tok.doc[tok.i + 1]
        # spaCy may split a compound: "Royaume-Uni" -> "Royaume", "-", "Uni"
        if tok.pos_ != "DET" or nxt.pos_ not in _DET_HEADS or not word.startswith(nxt.text):
            return False
        if nxt.pos_ == "NUM" or word[:1].isupper():
            return True
        readings = self._analyses(word)
        if not readings:
            return True  # not a French word the lexicon knows ("le kommando"): the parse decides
        nominal = any(a.pos & {"nom", "adj"} for a in readings)
        if any("infi" in a.pos for a in readings):
            return False  # "de le pouvoir", "à le souvenir": the infinitive is as likely
        if any("ppre" in a.pos for a in readings) and (prep == "en" or not nominal):
            return False  # "en les obligeant": a gerund; "de le commandant" goes on
        return nominal

    def _feminine(self, article: Token) -> bool:
        """The noun the article goes with is feminine only ("le reine", "le petite ville")."""
        noun = article.head if article.head.i > article.i else article.doc[article.i + 1]
        readings = [a for a in self._analyses(noun.text) if "nom" in a.pos or "adj" in a.pos]
        return bool(readings) and all(a.gender == "f" for a in readings)

    def _en_article(self, start: int, end: int, span: str, article: str, nxt: Token) -> _Finding:
        # "en les États-Unis" -> "aux": a plural place name takes "aux"; before a common noun
        # the fix may be "aux" or "dans les", so the message gives both and no suggestion.
        if article == "les" and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
            return _Finding(start, end, "GRAMMAR-CONTRACTION",
                            f"« {span} » n’est pas français devant un nom : « aux »",
                            _capitalise("aux", span))
        likely = "aux » ou « dans les" if article == "les" else "au » ou « dans le"
        return _Finding(start, end, "GRAMMAR-CONTRACTION",
                        f"« {span} » n’est pas français devant un nom : « {likely} »", None)


def _vowel_acronym(word: str) -> bool:
    """An acronym that starts with a vowel ("ONU", "OTAN"); not a Roman numeral ("le IV") nor a
    currency code ("de IDR" wants "de roupies": the conventions detector's)."""
    return (len(word) > 1 and word.isupper() and word.isalpha() and word[0] in "AEIOUÉ"
            and not _ROMAN.match(word) and word not in _CURRENCY_CODES)


def _one_pronoun(article: str, one: str, after: str) -> bool:
    """"le un des excipients", "la une ou l'autre": "un(e)" is the pronoun, which elides;
    "la une des journaux" (the front page) and "le un" (the numeral) do not."""
    if re.match(_SPACE + r"(?:ou|et)" + _SPACE + r"l['’]autre\b", after):
        return (article, one) in (("le", "un"), ("la", "une"))
    # "le un des excipients", "le un d'entre eux"; "le un de la liste" may be the numeral
    return article == "le" and bool(re.match(_SPACE + r"(?:des(?![\w'’-])|d['’]entre\b)", after))


# Words after which a country keeps its article ("comme le Venezuela", "contre le Japon").
_WITHOUT_ARTICLE_AFTER = r"[Cc]omme|[Aa]vec|[Cc]ontre|face à|chez|vers|[Pp]our|[Ee]ntre|[Pp]armi"
# Those words before a capital (a cheap test before the country pattern is built and run).
_ARTICLE_WORDS_HINT = re.compile(_NOT_AFTER + r"(?:" + _WITHOUT_ARTICLE_AFTER + r")" + _SPACE + r"[A-ZÀ-Ý]")
# Countries named without an article ("à Maurice", "à Taïwan", "à Oman") that the lexicon does
# not mark epicene, and countries named like their capital ("à Panama", "à Koweït" are the
# cities). Written here: CLDR and the lexicon give names and genders, not article use.
_NO_ARTICLE = frozenset({
    "Maurice", "Oman", "Bahreïn", "Brunei", "Taïwan", "Kiribati", "Tuvalu", "Nauru", "Samoa",
    "Tonga", "Fidji", "Vanuatu", "Panama", "Koweït", "Guatemala", "Salvador", "Andorre",
    "Djibouti", "Luxembourg", "Monaco", "Singapour", "Porto Rico",
    # CLDR territories that are not countries one is "in"
    "Nations Unies", "Union européenne", "Samoa américaines", "Pays-Bas caribéens",
    "Territoires palestiniens",
})  # fmt: skip


# ", les États-Unis" after a city: the article (or none) and a capitalised name.
# With an article only: "(né à Dammam, Arabie saoudite)" is the encyclopedias' style.
_AFTER_CITY = re.compile(
    r",[ \u00a0]+(l['’]|le |la |les )[ \u00a0]*([A-ZÉÎ][\w’'-]*(?: [\w’'-]+){0,2}?)"
    r"(?=[ \u00a0]*(?:[,.;:)!?]|$))"
)
# "à New York" right before that comma.
_CITY_BEFORE = re.compile(r"(?<![\w’'-])à[ \u00a0]+[A-Z][\w’'-]+(?:[ \u00a0-][A-Z][\w’'-]+){0,3}$")


# Names in everyday use beside CLDR's ("Viêt Nam", "Myanmar (Birmanie)", "Royaume-Uni") and
# the nations of the United Kingdom, which CLDR does not list as territories.
_COMMON_NAMES = ("Vietnam", "Myanmar", "Birmanie", "Grande-Bretagne", "Angleterre", "Écosse", "Palestine")


def _country_pattern(
    analyses: Callable[[str], list[Analysis]],
) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """"en"/"à" before a CLDR country name, and each name's (gender, number) from the lexicon:
    a one-word name's own entry, a longer name's first word ("Arabie saoudite", "Émirats
    arabes unis"). Names starting with Saint or holding "-et-" ("à Sainte-Lucie", "à
    Trinité-et-Tobago") and those the lexicon has no single gender for are left out."""
    from babel import Locale  # CLDR data, loaded on first use

    countries: dict[str, tuple[str, str]] = {}
    territories = [(code, name) for code, name in Locale("fr").territories.items() if len(code) == 2]
    for code, name in territories + [("XX", name) for name in _COMMON_NAMES]:
        if not code.isalpha() or name in _NO_ARTICLE:
            continue
        if not name[:1].isupper() or name.startswith(("Saint", "La ", "Le ", "Les ", "Île")):
            continue
        if "et-" in name or " et " in name or "(" in name or name.count(" ") > 2:
            continue
        first = re.split(r"[ -]", name)[0] if " " in name else name
        readings = [a for a in analyses(first) if "nom" in a.pos]
        if any(a.lemma[:1].isupper() for a in readings):
            readings = [a for a in readings if a.lemma[:1].isupper()]  # "Chine", not "chine"
        genders = {a.gender or "" for a in readings}
        numbers = {"pl" if a.number == "pl" else "sg" for a in readings}
        if len(genders) != 1 or len(numbers) != 1 or not genders <= {"m", "f"}:
            continue  # epicene: named without an article ("à Cuba"); unknown: left alone
        if " " not in name and not any(a.lemma[:1].isupper() for a in readings):
            continue  # a common word as well ("Dominique" is a first name: epicene anyway)
        countries[name] = (genders.pop(), numbers.pop())
    names = "|".join(re.escape(n) for n in sorted(countries, key=len, reverse=True))
    pattern = re.compile(_NOT_AFTER + r"(en|à|En|À)" + _SPACE + r"(" + names + r")(?![\w'’-])")
    return pattern, countries


# Acronyms of institutions and their gender in French usage (the name abbreviated: «le FMI», «la
# PSSI», the Fédération); written here because no lexicon lists which acronyms take an article.
# Indonesian state bodies that MT from Indonesian names bare, and international ones.
_INSTITUTIONS = {
    "BMKG": "m", "KPK": "m", "PSSI": "f", "KPU": "f", "DPR": "m", "MPR": "m", "KPAI": "f",
    "FMI": "m", "BCE": "f", "OMS": "f", "ONU": "f", "OTAN": "f", "UE": "f", "NASA": "f",
    "FBI": "m", "CIA": "f", "OPEP": "f", "OCDE": "f", "SEC": "f", "OMC": "f", "BERD": "f",
    "UNESCO": "f", "UNICEF": "m", "ASEAN": "f",
}  # fmt: skip
_INSTITUTION = re.compile(_NOT_AFTER + r"(" + "|".join(_INSTITUTIONS) + r")(?![\w'’-])")
# Words after which the acronym needs its article ("par la PSSI"); «de» and «à» contract with it.
_ARTICLE_AFTER = frozenset("de à par selon dont que avec pour contre sur chez entre vers".split())
_HAS_ARTICLE = frozenset(
    "le la les l du des au aux un une son sa ses leur leurs ce cet cette ces notre votre".split()
)
_FINAL = ".!?…»”\""


def _acronym_articles(text: str, apostrophe: str) -> Iterator[_Finding]:
    """``BMKG a détecté`` → ``Le BMKG``, ``de KPK`` → ``du KPK`` (see GRAMMAR-ACRONYM-ARTICLE)."""
    for m in _INSTITUTION.finditer(text):
        acronym = m.group(1)
        after = text[m.end() :].lstrip(" \u00a0\u202f")
        if not after or after[0] in ":/-–)" or after[0].isdigit() or after[0].isupper():
            continue  # "BMKG : Le séisme", "TNI/Polri", "KPU RI": a source, a pair, a longer name
        before = text[: m.start()].rstrip(" \u00a0\u202f")
        if before.endswith("("):
            continue
        words = re.findall(r"[^\W\d_]+", before[-30:])
        prev = words[-1].lower() if words and before[-1:].isalpha() else ""
        if prev in _HAS_ARTICLE or before.endswith(("l'", "l’", "L'", "L’")):
            continue
        vowel = starts_with_vowel_sound(acronym)
        article = f"l{apostrophe}" if vowel else "la " if _INSTITUTIONS[acronym] == "f" else "le "
        message = f"« {acronym} » se construit avec l’article, comme le nom qu’il abrège"
        if prev in ("de", "à") and words[-1] == before[-len(words[-1]) :]:
            start = m.start() - (len(text[: m.start()]) - len(before)) - len(words[-1])
            if prev == "de":
                fixed = f"de l{apostrophe}" if vowel else "de la " if article == "la " else "du "
            else:
                fixed = f"à l{apostrophe}" if vowel else "à la " if article == "la " else "au "
            yield _Finding(start, m.end(), "GRAMMAR-ACRONYM-ARTICLE", message,
                           _capitalise(fixed, words[-1]) + acronym)
        elif prev in _ARTICLE_AFTER or (
            (not before or before[-1] in ",.!?…«\"“-–—:") and after[:1].islower()
            and text.rstrip()[-1:] in _FINAL
        ):
            start_of_sentence = not before or before[-1] in ".!?…«\"“-–—:"
            fixed = _capitalise(article, "A") if start_of_sentence else article
            yield _Finding(m.start(), m.end(), "GRAMMAR-ACRONYM-ARTICLE", message, fixed + acronym)


def _sentence_start(text: str, at: int) -> bool:
    before = text[:at].rstrip()
    return not before or before[-1] in _OPENERS or before[-1] in ".!?…"


def _quoted(text: str, start: int, end: int) -> bool:
    before, after = text[:start].rstrip(" \u00a0\u202f"), text[end:].lstrip(" \u00a0\u202f")
    return bool(before) and before[-1] in _OPEN_QUOTES and after[:1] in tuple(_CLOSE_QUOTES)


def _previous_word(text: str, at: int) -> str:
    m = re.search(r"([^\W\d_]+)[ \u00a0\u202f]*$", text[:at])
    return m.group(1).lower() if m else ""


def _next_word(text: str, at: int) -> str:
    m = re.match(_SPACE + r"(" + _WORD + r")", text[at:])
    return m.group(1) if m else ""


__all__ = ["ContractionsDetector", "document_apostrophe", "starts_with_vowel_sound"]
