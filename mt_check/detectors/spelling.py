"""Spelling: words the French lexicon does not know, and known words spelt as another word.

Codes, most specific first:

* ``SPELLING-MERGED-ELISION`` (major): an elided article or pronoun glued to the next word
  (``laescalade`` → ``l’escalade``, ``quil`` → ``qu’il``, ``delhomme`` → ``de l’homme``). The
  suggestion is exact: the glued word must be a dictionary word that accepts the elision.
* ``SPELLING-ACCENT`` (minor): a non-word whose accent variant is a dictionary word
  (``developpement`` → ``développement``, ``éléctrique`` → ``électrique``, ``tres`` → ``très``),
  whatever its length: an accent-only difference is near-certain. The variants with the fewest
  changed letters win; when several are words (``eleve``: ``élève``, ``élevé``) the parse's part
  of speech picks one, else the issue names them without a suggestion. The accent of a capital
  alone (``Etat``) is house style, never flagged.
* ``SPELLING-A-ACCENT`` / ``SPELLING-OU-ACCENT`` (minor): ``a``/``à`` and ``ou``/``où`` written as
  the other where the neighbouring words leave one reading (``jusqu’a``, ``a travers``, ``il à
  été``, ``d’ou``, ``au moment ou il``), and a sentence-initial ``A`` that is the preposition
  (``A travers``). spaCy's tags are no help here (it calls a misspelt ``à`` a verb), so the
  evidence is lexical: a subject clitic, a participle, an infinitive, a closed list of locutions.
  Edited French often leaves capitals unaccented on purpose, so a sentence-initial ``A`` is
  flagged only where the document accents other capitals (``État``, ``À``), or where a locution
  shows the preposition whatever the style (``A travers``, ``A partir de``, ``A cause de``,
  ``A la suite de``); never where the document writes ``Etat``.
* ``SPELLING-SPLIT-WORD`` (minor): one word written as two (``en tre`` → ``entre``). Flagged when
  the joined form is a dictionary entry and one part is not a word on its own, or the first part
  is a bound prefix (``télé phone``); two ordinary words (``de main``) are never joined.
* ``SPELLING-RUN-TOGETHER`` (minor): two common words glued into a non-word (``lesdonnées`` →
  ``les données``, ``il ya`` → ``il y a``), when exactly one split gives two common words and the
  hyphenated form is not a word (``bienêtre`` is ``bien-être`` welded, 1990 style); and words
  glued where the case changes: an acronym and a function word (``ROAet`` → ``ROA et``), a
  lower-case word and a capitalised one, both words (``dollarLa`` → ``dollar La``; camel-case
  brands start with a capital or one letter: ``PowerPoint``, ``iPhone``).
* ``SPELLING-CAPITALISATION`` (minor): a function word capitalised inside a sentence after a comma
  or a conjunction (``présents, Tous, merci``, ``et L’engagement``), a geographic adjective
  capitalised after a country's name (``Arabie Saoudite`` → ``saoudite``), a nationality
  adjective capitalised after a common noun as English does (``le gouvernement Français``,
  ``les autorités Indonésiennes``; the adjectives are CLDR's language names and a list of
  demonyms; ``l’océan Indien`` and ``les Français`` are left alone); and an acronym
  written in lower or title case that the same document writes in capitals (``de Kpk`` →
  ``KPK``, when the word is neither in the dictionary nor common in French or English), or a
  lower-case word of two to five letters with at most one vowel that neither the dictionary nor
  French or English usage knows (``l’équipe de kpk``, ``le gouvernement provincial dki``).
* ``SPELLING-TITLE-CASE`` (minor): a heading in English title case (``Comment Créer Un Compte
  Sur La Plateforme``): French capitalises a title's first word and its names only. Flagged
  when at least two function words (articles, prepositions, conjunctions, possessives) are
  capitalised inside it; the suggestion lower-cases them and every word the dictionary knows
  only in lower case, so names stay (``Jokowi``, ``Indonésie``, ``Paris``, acronyms).
* ``SPELLING-UNKNOWN-WORD`` (minor): any other non-word one edit from a common dictionary word
  (``toujurs`` → ``toujours``): the commonest such word (or Hunspell's first suggestion) that
  keeps the first letter, a participle's ending and, after a determiner, a noun's part of
  speech. Minor because a lone misspelling rarely hides the meaning. A word whose neighbours are
  all rare (``barophiles``: ``basophiles``) is more likely a term the dictionary lacks (a rare
  conjugated form of a common verb counts as common: ``emballeaient`` → ``emballaient``), and a
  word common in English, Spanish, Italian or German usage (``grazie``) a foreign word: both
  are left to the other detectors.

Names, acronyms and foreign words are not errors: capitalised words (except the merged-elision
and accent checks at the start of a sentence), all-caps and mixed-case tokens, tokens with digits
or dots, spaCy entities and proper nouns, words copied unchanged into the back-translation, words
common in English usage (wordfreq; and, for unknown words, in French usage), 1990 reformed
spellings (``connaitre``) and prefixed derivations (``co-préside``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations, product
from typing import Any

from mt_check.detectors.base import PARSE, Code, DocumentContext, LexiconDetector
from mt_check.language import zipf
from mt_check.lexicon import Analysis, frequent_words, load_frequencies
from mt_check.parse import entity_label
from mt_check.types import Category, Issue, Sentence, Severity, Translation

# (glued prefix, elided form): longest first so "delhomme" reads as "de l’homme".
_ELISIONS: tuple[tuple[str, str], ...] = (
    ("jusqu", "jusqu'"),
    ("lorsqu", "lorsqu'"),
    ("puisqu", "puisqu'"),
    ("quoiqu", "quoiqu'"),
    ("dela", "de l'"),
    ("dele", "de l'"),
    ("del", "de l'"),
    ("que", "qu'"),
    ("qu", "qu'"),
    ("la", "l'"),
    ("le", "l'"),
    ("de", "d'"),
    ("je", "j'"),
    ("ne", "n'"),
    ("ce", "c'"),
    ("se", "s'"),
    ("me", "m'"),
    ("te", "t'"),
    ("l", "l'"),
    ("d", "d'"),
    ("j", "j'"),
    ("n", "n'"),
    ("c", "c'"),
    ("s", "s'"),
    ("m", "m'"),
    ("t", "t'"),
)
_VOWEL_START = re.compile(r"^[aàâäeéèêëiîïoôöuùûüyœæh]", re.IGNORECASE)
# Elements that stand alone as words yet are mostly prefixes of compounds ("télé phone").
_BOUND_PREFIXES = frozenset(
    "télé auto micro radio photo vidéo ultra anti super hyper inter multi néo pré post semi mini "
    "maxi méga bio éco géo hydro thermo électro socio psycho pseudo poly mono".split()
)
# Productive prefixes: "préchoisis", "co-préside" are derivations, not misspellings.
_DERIVATION_PREFIXES = (
    "anti", "auto", "bio", "co", "contre", "dé", "dés", "ex", "extra", "géo", "hyper", "inter",
    "micro", "mini", "multi", "néo", "non", "post", "pré", "pro", "re", "ré", "semi", "socio",
    "sous", "super", "sur", "trans", "ultra",
)
_WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*", re.UNICODE)
_LATIN = re.compile(r"[a-zà-ÿœæ]", re.IGNORECASE)
_ELIDED_PREFIX = re.compile(r"^(?:jusqu|lorsqu|puisqu|quoiqu|qu|[ldjmntcs])['’]", re.IGNORECASE)
_COMMON_ZIPF_FR = 3.0  # wordfreq Zipf: seen about once per million French words
_COMMON_ZIPF_EN = 3.5
# Letters rare in French words; unknown words with them are loanwords or names.
_FOREIGN_LETTERS = re.compile(r"[kw]")
# A capitalised first word that spaCy calls a name is one if it is seen this often in French
# text (Lamoureux 2.7, Diels 1.8): spaCy tags glued words as names too ("Laescalade": PER, 0).
_NAME_ZIPF = 1.5
# A misspelling stands for a common word: the commonest dictionary word one edit away must
# be seen this often (wordfreq Zipf, ~1 per 10 million words); a word whose neighbours are all
# rare is mostly rare vocabulary the dictionary lacks ("barophiles" next to "basophiles" 1.8,
# "capridés", "chevillier"), while typos hit the words writers use ("archidiacre" 2.8).
_TYPO_TARGET_MIN_ZIPF = 2.0
_COMMON_VERB_ZIPF = 3.0  # a typo's target may be a rare form of a verb this common ("emballaient")
# Letters an edit may insert or substitute when looking for the word a misspelling stands for.
_EDIT_LETTERS = "abcdefghijklmnopqrstuvwxyzàâçéèêëîïôöûùüœ"
# Unknown words seen this often in one of these languages are foreign words ("castells",
# "universitas", "thrash"), not typos, which no language's usage shows (Zipf 0).
_FOREIGN_LANGUAGES = ("en", "es", "it", "de")
_FOREIGN_ZIPF = 2.0
# English is read whole by other detectors; of the others only the words above the threshold are
# kept (lexicon.FrequentWords: 14 MB where wordfreq's three full lists take 125 MB).
_FOREIGN_INDEXED = ("es", "it", "de")
# A past participle's ending, which a typo keeps: "endorsé" is no "endors" (an English verb
# given a French ending), "intallé" is "installé".
# The 1990 rectifications write "è" for "é" before a mute syllable only ("évènement", "cèdera",
# "règlementaire"): consonants, then an "e" that is not a word-final "-er"/"-ez" ("accéder").
_MUTE_SYLLABLE = re.compile(r"[^aeiouyéèêëàâîïôûù]{1,3}e(?![rz]$)")
_PARTICIPLE_END = re.compile(r"é(?:e|s|es)?$")
_SUGGEST_CANDIDATES = 5000  # edit candidates tried per unknown word (at most ~40 ms)
_MIN_UNKNOWN_LENGTH = 5  # shorter non-words are mostly abbreviations and foreign words

# The accented letters of French, by base letter (ä, ö, ÿ occur in names only).
_ACCENTS = {"a": "aàâ", "e": "eéèêë", "i": "iîï", "o": "oô", "u": "uùûü", "c": "cç"}
_MAX_ACCENT_CHANGES = 3  # "evenement" -> "événement" is two
_MAX_ACCENT_PROBES = 3000  # dictionary look-ups per word (a few ms)
_ACCENT_MIN_ZIPF = 2.0  # a rare homograph ("grège") is not what a writer meant
# An accented word this common (était 6.3, même 6.5, réalité 4.6) is meant even after a name.
_COMMON_ACCENTED_ZIPF = 4.5
# An accent variant this much commoner (Zipf) than the others is the one meant: même, tête.
_DOMINANT_ZIPF = 2.0
# An accentless form seen in French text within this much (Zipf) of its accented word is a
# loan French writes so ("metal" 3.83, "métal" 4.34); dropped accents lag further behind
# ("ecole" 4.21, "école" 5.29; "etait" 4.42, "était" 6.23).
_LOAN_MARGIN = 0.75
# Run-together words: both parts common (Zipf 3.5: ~3 per million words: "données" 5.0);
# one-letter parts are the words MT and OCR glue ("y a", "à la"), "a" only second ("apartir"
# would call for "à partir", not "a partir").
_RUN_TOGETHER_MIN_ZIPF = 3.5
# Beside a very common function word (Zipf 5.5: "pour", "dans", "les") a longer content word may
# be rarer ("créatifspour": "créatifs" 3.3), as glued HTML and MT output join any word to the next.
_RUN_TOGETHER_FUNCTION_ZIPF = 5.5
_RUN_TOGETHER_CONTENT_ZIPF = 2.5
_RUN_TOGETHER_CONTENT_LENGTH = 5
_ONE_LETTER_FIRST = frozenset("yà")
_ONE_LETTER_SECOND = frozenset("ya")

# Closed classes for a/à and ou/où (the lexicon cannot say which word a clause needs).
_SUBJECT_CLITICS = frozenset("je j' tu il elle on nous vous ils elles c'".split())
# After a place's name only third-person subjects: "je prends le train à Lyon ou je marche".
_THIRD_PERSON = frozenset("il elle on ils elles".split())
_OBJECT_CLITICS = frozenset("me m' te t' se s' le la les l' lui leur y en nous vous".split())
# Third-person singular subjects that make "à" + participle the auxiliary "a" ("il à été").
_A_SUBJECTS = frozenset("il elle on qui cela ça".split())
# Words after which "a" is the preposition: locutions ending in "à" ("jusqu'à", "quant à",
# "contrairement à"); none can be the subject of the verb "a".
_BEFORE_A = frozenset(
    "jusqu' quant contrairement conformément relativement parallèlement préalablement "
    "consécutivement proportionnellement antérieurement postérieurement".split()
)
# A finite verb after one of these may end a clause that is the subject of "a".
_SUBORDINATORS = frozenset(
    "qui que qu' dont où lequel laquelle lesquels lesquelles quand lorsque lorsqu' si s' "
    "comme puisque puisqu' quoi parce".split()
)
# Words that "à" and only "à" precedes: "a travers" is never avoir + noun.
_AFTER_A = frozenset("travers propos nouveau côté condition".split())
_AFTER_A_PAIRS = frozenset(
    {("peu", "près"), ("cause", "de"), ("cause", "d'"), ("l'", "égard"), ("l'", "instar"),
     ("l'", "exception"), ("la", "fois")}
)
# "où" after these whatever follows: "d'ou", "jusqu'ou" are never the conjunction.
_BEFORE_OU = frozenset("d' jusqu'".split())
# Time and place nouns that head a relative "où" clause ("au moment où il", "la ville où
# elle"), and the adverbs that do ("là où", "partout où"): with a clause after "ou", the
# conjunction would coordinate a noun with a clause.
_OU_NOUNS = frozenset(
    "moment instant jour époque période année heure cas endroit lieu ville pays région "
    "village quartier".split()
)
_OU_ADVERBS = frozenset("là partout".split())
# After a comma or one of these, a capital is a mistake (not after a colon or a quote).
_CONJUNCTIONS = frozenset("et ou mais ni car puis".split())
# Historic region names whose adjective keeps its capital ("Asie Mineure", "Arabie Pétrée").
_HISTORIC_ADJECTIVES = frozenset("mineure heureuse pétrée cisalpine transalpine".split())
# Nationality adjectives that are no language's name (CLDR, read with babel, gives the languages:
# «français», «indonésien», «chinois»); no maintained resource lists French demonyms.
_DEMONYMS = frozenset(
    "américain canadien mexicain brésilien argentin chilien colombien péruvien vénézuélien cubain "
    "européen africain asiatique australien belge suisse autrichien britannique écossais irlandais "
    "saoudien iranien irakien israélien palestinien syrien libanais jordanien égyptien marocain "
    "algérien tunisien libyen nigérian nigérien sénégalais ivoirien kényan éthiopien ghanéen "
    "sud-africain indien pakistanais afghan bangladais singapourien malaisien philippin thaïlandais "
    "taïwanais sud-coréen nord-coréen qatari émirati yéménite koweïtien turc ukrainien biélorusse "
    "polonais hongrois roumain bulgare serbe croate grec norvégien suédois danois finlandais "
    "néerlandais hollandais allemand espagnol italien portugais russe japonais coréen vietnamien "
    "cambodgien birman népalais mongol kazakh ouzbek québécois parisien londonien new-yorkais".split()
)

# Common nouns of geographic names whose adjective keeps its capital ("l'océan Indien").
_GEOGRAPHIC_NOUNS = frozenset(
    "océan mer golfe détroit baie île îles archipel péninsule presqu'île désert mont monts cap "
    "continent sous-continent plateau bassin".split()
)


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """The masculine singular nationality adjectives: CLDR's French language names (babel) that
    are one word, and ``_DEMONYMS``."""
    from babel import Locale  # CLDR data, loaded on first use

    languages = {name for name in Locale("fr").languages.values() if name.isalpha() and name.islower()}
    return frozenset(languages) | _DEMONYMS
# A capital vowel that may have lost its accent ("Etat", "Ecole", "Elysée").
_PLAIN_CAPITAL = re.compile(r"\b[EAIOU][a-zà-ÿ]{2,}")
# An accented capital starting a word ("État", "À", "Élysée"): the writer accents capitals.
_ACCENTED_CAPITAL = re.compile(r"(?<!\w)[ÀÂÉÈÊÎÔÙÛÇ]")
# House styles for capitals, which decide what a sentence-initial "A" says (see _capital_style).
_PLAIN, _ACCENTED, _UNKNOWN = "plain", "accented", ""
_SPACY_POS = {"NOUN": "nom", "ADJ": "adj", "ADV": "adv", "ADP": "prep"}


@dataclass(frozen=True)
class _Token:
    text: str
    start: int  # offset in the sentence
    sentence_initial: bool
    space_after: bool
    pos: str = ""  # spaCy's universal part of speech ("" without a parse)
    verb_form: str = ""  # spaCy's VerbForm (Fin, Inf, Part) or ""
    parsed: Any = field(default=None, compare=False)  # the spaCy token, None without a parse

    @property
    def norm(self) -> str:
        return self.text.lower().replace("’", "'")

    @property
    def entity(self) -> str:
        """spaCy's entity label (LOC, PER, ...) or "" (read on demand: see parse.entity_label)."""
        return "" if self.parsed is None else entity_label(self.parsed)

    @property
    def proper(self) -> bool:
        """spaCy PROPN or inside a named entity."""
        return self.pos == "PROPN" or bool(self.entity)


_HAS_LETTER = re.compile(r"[^\W\d_]")


def _tokens(sentence: Sentence, doc: object | None) -> list[_Token]:
    if doc is not None:
        out = []
        first_word = True
        for tok in doc:  # type: ignore[attr-defined]
            is_word = bool(_HAS_LETTER.search(tok.text))
            out.append(
                _Token(
                    tok.text,
                    tok.idx,
                    first_word and is_word,
                    bool(tok.whitespace_),
                    tok.pos_,
                    "".join(tok.morph.get("VerbForm")),
                    tok,
                )
            )
            if is_word:
                first_word = False
        return out
    out = []
    for i, match in enumerate(_WORD.finditer(sentence.text)):
        end = match.end()
        out.append(
            _Token(match.group(), match.start(), i == 0, sentence.text[end : end + 1] == " ")
        )
    return out


def _in_compound(tokens: list[_Token], j: int) -> bool:
    tok = tokens[j]
    prev = tokens[j - 1] if j else None
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if nxt is not None and not tok.space_after and nxt.text.startswith("-"):
        return True
    return prev is not None and not prev.space_after and (
        prev.text.endswith("-") or tok.text.startswith("-")
    )


def _quoted(tokens: list[_Token], j: int) -> bool:
    prev = tokens[j - 1] if j else None
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    quotes = {"«": "»", "“": "”", '"': '"', "‘": "’"}
    return bool(prev and nxt and quotes.get(prev.text) == nxt.text)


def _accent_variants(word: str) -> Iterator[list[str]]:
    """Spellings of ``word`` that differ in accents only, by the number of letters changed."""
    base = _strip_accents(word)
    if len(base) != len(word):
        return
    slots = [
        (i, [c for c in _ACCENTS[base[i]] if c != word[i]])
        for i in range(len(word))
        if base[i] in _ACCENTS
    ]
    for changes in range(1, min(_MAX_ACCENT_CHANGES, len(slots)) + 1):
        level = []
        for chosen in combinations(slots, changes):
            for letters in product(*(alternatives for _, alternatives in chosen)):
                chars = list(word)
                for (i, _), letter in zip(chosen, letters, strict=True):
                    chars[i] = letter
                level.append("".join(chars))
        yield level


# Function words French never capitalises inside a title (a name aside: "La Haye", "Le Monde").
# Nouns that name a part of a document or a work, whose title may follow after a comma.
_TITLE_LABELS = frozenset(
    "section sous-section rubrique chapitre article onglet menu page titre film livre album "
    "chanson émission série bouton option paragraphe annexe".split()
)
_TITLE_FUNCTION_WORDS = frozenset(
    "le la les l' un une des de du d' et ou sur pour dans avec par en au aux à sans sous vers chez "
    "entre contre mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs ce cet cette ces".split()
)


_TITLE_ARTICLES = frozenset({"le", "la", "les", "l'"})


def _title_case(text: str) -> bool:
    """A headline in title case: most longer words capitalised."""
    words = re.findall(r"[^\W\d_]{4,}", text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _capitalised(word: str) -> bool:
    """Initial capital, the rest in lower case: "Tous", "L’"."""
    return word[:1].isupper() and not any(c.isupper() for c in word[1:])


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _copied(word: str, back_translation: str) -> bool:
    """Copied unchanged into the English back-translation: a name or a foreign word."""
    return bool(back_translation) and bool(
        re.search(rf"(?<!\w){re.escape(word)}(?!\w)", back_translation)
    )


def _document_acronyms(sentences: Iterable[Sentence]) -> frozenset[str]:
    """The all-capital words (2 to 6 letters) of a document's sentences, less datelines
    ("JAKARTA - ...") and all-capital headings, which capitalise words that are not acronyms."""
    found: set[str] = set()
    for sentence in sentences:
        text = sentence.text
        words = text.split()
        if not words or 2 * sum(w.isupper() and len(w) > 1 for w in words) > len(words):
            continue
        for m in _ACRONYM.finditer(text):
            if m.start() == 0 and _DATELINE_DASH.match(text, m.end()):
                continue
            found.add(m.group())
    return frozenset(found)


def _foreign_zipf(word: str, lang: str) -> float:
    """``word``'s Zipf frequency in ``lang`` when at least the foreign-word threshold, else 0."""
    if lang in _FOREIGN_INDEXED:
        return frequent_words(lang, _FOREIGN_ZIPF).zipf(word)
    return zipf(word, lang)


_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_ACRONYM_LIKE = re.compile(r"\b[A-Za-z][a-z]{1,5}\b")
_DATELINE_DASH = re.compile(r"\s*[-–—]")
_COMMON_ZIPF = 3.0  # a word this frequent in French or English is a word, not a lower-cased acronym
# A short lower-case word outside URLs, file names, hyphenated or abbreviated forms ("etc.").
_VOWELLESS = re.compile(r"(?<![\w.@/#’'\-])[a-z]{2,5}(?![\w@/’'\-]|\.\w)")
_VOWELS = frozenset("aeiouy")
_ACRONYM_GLUED = re.compile(  # three capitals at least: "VNet", "CNet" are names
    r"([A-Z]{3,})(et|ou|de|des|du|le|la|les|en|au|aux|pour|par|sur|dans|avec|qui|que|est)"
)
# What follows an identifier in code and documentation ("messageType:", "getValue()", "x.y").
_IDENTIFIER_NEXT = re.compile(r"[:=(\[{_]|\.\w")
_LOWER_CAPITAL_GLUED = re.compile(r"([a-zà-öø-ÿœæ]{2,})([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿœæ]+)")
# Rarer than this in French and in English usage: no interjection or chat abbreviation ("svp").
_RARE_ACRONYM_ZIPF_FR, _RARE_ACRONYM_ZIPF_EN = 1.5, 2.5



def _one_edit(word: str) -> Iterator[str]:
    """Spellings one edit from ``word`` (a letter dropped, doubled, changed, added, or two
    swapped) that keep its first letter: writers seldom get the first letter wrong."""
    n = len(word)
    for i in range(1, n):
        yield word[:i] + word[i + 1 :]
        for letter in _EDIT_LETTERS:
            yield word[:i] + letter + word[i + 1 :]
    for i in range(1, n - 1):
        yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    for i in range(1, n + 1):
        for letter in _EDIT_LETTERS:
            yield word[:i] + letter + word[i:]


def _keeps_shape(word: str, target: str) -> bool:
    """The edit keeps the first letter (up to its accent) and a participle's ending."""
    if _strip_accents(word[:1]) != _strip_accents(target[:1]):
        return False
    ending = _PARTICIPLE_END.search(word)
    return ending is None or target.endswith(ending.group())


def _apostrophe(text: str) -> str:
    """The document's apostrophe: ' only when it is used and ’ never is."""
    return "'" if "'" in text and "’" not in text else "’"


def _case_like(model: str, text: str) -> str:
    return text[:1].upper() + text[1:] if model[:1].isupper() else text


class SpellingDetector(LexiconDetector):
    name = "spelling"
    codes = (
        Code("SPELLING-MERGED-ELISION", Category.SPELLING, Severity.MAJOR,
             "an elided word glued to the next: `laescalade` → `l’escalade`, `quil` → `qu’il`"),
        Code("SPELLING-ACCENT", Category.SPELLING, Severity.MINOR,
             "a missing or wrong accent (`developpement` → `développement`, `tres` → `très`); "
             "a capital's accent is house style"),
        Code("SPELLING-A-ACCENT", Category.SPELLING, Severity.MINOR,
             "`a` for `à` or the reverse where the neighbours decide (`jusqu’a`, `a travers`, "
             "`il à été`); a sentence-initial `A` before a locution (`A travers`) or in a "
             "document that accents its capitals"),
        Code("SPELLING-OU-ACCENT", Category.SPELLING, Severity.MINOR,
             "`ou` for `où` before a clause (`d’ou`, `au moment ou il`, `là ou elle`)"),
        Code("SPELLING-SPLIT-WORD", Category.SPELLING, Severity.MINOR,
             "one word written as two (`en tre` → `entre`, `télé phone` → `téléphone`)"),
        Code("SPELLING-RUN-TOGETHER", Category.SPELLING, Severity.MINOR,
             "two common words glued into a non-word (`lesdonnées` → `les données`, `il ya` → `il y a`), "
             "also where the case changes (`ROAet` → `ROA et`, `dollarLa` → `dollar La`)"),
        Code("SPELLING-CAPITALISATION", Category.SPELLING, Severity.MINOR,
             "a capital inside a sentence: a function word after a comma or a conjunction "
             "(`, Tous,`), a geographic adjective (`Arabie Saoudite`), a nationality adjective after a "
             "noun (`le gouvernement Français`); an acronym in lower case "
             "that the text writes in capitals elsewhere (`de Kpk` → `KPK`) or that has at most one "
             "vowel and is no word (`de kpk`, `provincial dki`)"),
        Code("SPELLING-TITLE-CASE", Category.SPELLING, Severity.MINOR,
             "a heading in English title case: `Comment Créer Un Compte` → `Comment créer un compte`"),
        Code("SPELLING-UNKNOWN-WORD", Category.SPELLING, Severity.MINOR,
             "a non-word one edit from a common word (`toujurs` → `toujours`); names, "
             "acronyms, foreign words and rare terms are left alone"),
    )
    requires = frozenset({PARSE})
    version = "14"

    def load(self) -> None:
        super().load()
        load_frequencies(("fr", *(x for x in _FOREIGN_LANGUAGES if x not in _FOREIGN_INDEXED)))
        for language in _FOREIGN_INDEXED:
            frequent_words(language, _FOREIGN_ZIPF)
        _demonyms()

    def data_version(self) -> str:
        from importlib.metadata import version  # CLDR's language names come with babel's release

        return f"{super().data_version()}+babel{version('babel')}"


    def detect(self, ctx: DocumentContext) -> Iterable[Issue]:
        apostrophe = _apostrophe(ctx.document.text)
        capitals = self._capital_style(ctx.document.text)
        acronyms = _document_acronyms(ctx.sentences)
        for i, sentence in enumerate(ctx.sentences):
            doc = ctx.parses[i] if ctx.parses is not None else None
            translation = ctx.translations[i] if i < len(ctx.translations) else None
            yield from self._sentence(sentence, doc, translation, apostrophe, capitals)
            if acronyms:
                yield from self._acronym_case(sentence, acronyms)
            yield from self._vowelless_acronyms(sentence, acronyms)

    def _acronym_case(self, sentence: Sentence, acronyms: frozenset[str]) -> Iterator[Issue]:
        """``le porte-parole de Kpk``, ``kpk a mené`` → ``KPK``: a word the dictionary does not
        know, written elsewhere in the same document in capitals as an acronym. MT lower-cases
        acronyms it takes for words (Indonesian "KPK", "BMKG"); a word that is common in
        French or English ("the" beside a heading's "THE") is left alone."""
        for m in _ACRONYM_LIKE.finditer(sentence.text):
            word = m.group()
            upper = word.upper()
            if upper not in acronyms or word == upper:
                continue
            if self.lexicon.known(word) or self.lexicon.known(word.lower()):
                continue
            if zipf(word.lower(), "fr") >= _COMMON_ZIPF or zipf(word.lower(), "en") >= _COMMON_ZIPF:
                continue
            yield self.issue(
                sentence, sentence.start + m.start(), sentence.start + m.end(), Category.SPELLING,
                Severity.MINOR, "SPELLING-CAPITALISATION",
                f"«{word}» is the acronym «{upper}», written in capitals elsewhere in the text", upper,
            )

    def _vowelless_acronyms(self, sentence: Sentence, acronyms: frozenset[str]) -> Iterator[Issue]:
        """``l'équipe d'enquête de kpk``, ``le gouvernement provincial dki`` → ``KPK``, ``DKI``: a
        short lower-case word with at most one vowel that neither the dictionary nor French or
        English usage knows cannot be read as a word; it is an acronym MT lower-cased. Units
        (``km``, ``kg``) and chat abbreviations are known or common; file extensions (``.mdb``),
        hyphenated words and words of URLs are left alone."""
        for m in _VOWELLESS.finditer(sentence.text):
            word = m.group()
            if word.upper() in acronyms or sum(c in _VOWELS for c in word) > 1:
                continue  # the document's own acronyms are _acronym_case's
            if self.lexicon.known(word):
                continue
            if zipf(word, "fr") >= _RARE_ACRONYM_ZIPF_FR or zipf(word, "en") >= _RARE_ACRONYM_ZIPF_EN:
                continue
            yield self.issue(
                sentence, sentence.start + m.start(), sentence.start + m.end(), Category.SPELLING,
                Severity.MINOR, "SPELLING-CAPITALISATION",
                f"«{word}» is no French word (at most one vowel): an acronym written in lower case",
                word.upper(),
            )

    def _capital_style(self, text: str) -> str:
        """Whether the document leaves capitals unaccented ("Etat", "Ecole": a house style,
        under which a sentence-initial "A" for "À" is consistent, not an error), accents them
        ("État", "À": an "A" for "À" is then a slip), or shows neither (most single sentences)."""
        for match in _PLAIN_CAPITAL.finditer(text):
            word = match.group()
            if self.lexicon.known(word):
                continue
            rest = word[1:]
            if any(self.lexicon.analyses(c + rest) for c in _ACCENTS[word[0].lower()][1:]):
                return _PLAIN
        return _ACCENTED if _ACCENTED_CAPITAL.search(text) else _UNKNOWN

    # --- one sentence -----------------------------------------------------------------------

    def _sentence(
        self,
        sentence: Sentence,
        doc: object | None,
        translation: Translation | None,
        apostrophe: str,
        capitals: str = _UNKNOWN,
    ) -> Iterator[Issue]:
        tokens = _tokens(sentence, doc)
        back = translation.back_translation if translation is not None else ""
        headline = _title_case(sentence.text)
        if headline:
            title = self._title_case_fix(sentence, tokens)
            if title is not None:
                yield title
        consumed = -1
        for j, tok in enumerate(tokens):
            if j <= consumed:
                continue
            word = tok.text
            prefixed = self._bound_prefix(tokens, j)
            if prefixed is not None:
                nxt = tokens[j + 1]
                yield self._issue(sentence, tok, nxt.start + len(nxt.text) - tok.start,
                                  "SPELLING-SPLIT-WORD", prefixed,
                                  f"«{prefixed}» written as two words")
                consumed = j + 1
                continue
            homophone = self._homophone(tokens, j, sentence.text, capitals)
            if homophone is not None:
                code, suggestion, message = homophone
                yield self._issue(sentence, tok, len(word), code, suggestion, message)
                continue
            if not headline:
                capital = self._capital(tokens, j)
                if capital is not None:
                    yield self._issue(sentence, tok, len(word), "SPELLING-CAPITALISATION",
                                      capital[0], capital[1])
                    continue
            case_split = self._case_glued(word)
            if case_split is not None and _IDENTIFIER_NEXT.match(sentence.text, tok.start + len(word)):
                case_split = None  # code: "de type messageType: message", "getValue()"
            if case_split is not None:
                yield self._issue(sentence, tok, len(word), "SPELLING-RUN-TOGETHER", case_split,
                                  f"«{word}»: two words run together (the case changes inside it)")
                continue
            if not self._candidate(tok):
                continue
            merged = None if _copied(word, back) else self._merged_elision(word, apostrophe)
            if merged is not None:
                yield self._issue(sentence, tok, len(word), "SPELLING-MERGED-ELISION", merged,
                                  f"«{word}»: elided word glued to the next one")
                continue
            if word[:1].isupper() and not tok.sentence_initial:
                continue
            # A name, or a word the English keeps (an accentless cognate still counts). A
            # lower-case word is a name only by its tag: the entity recogniser, run on demand
            # for its sentence (about 5 ms), is asked about capitalised words alone.
            proper = tok.proper if word[:1].isupper() else tok.pos == "PROPN"
            if (proper or _copied(word, back)) and not self._accentless(word):
                continue
            glued = None if word[:1].isupper() else self._run_together(tokens, j)
            accent = self._accent(tokens, j, back)
            if accent is not None and glued is not None and (
                not all(self._function_word(part) for part in glued.split(" "))
                or len(set(glued.split(" "))) == 1
            ):
                # "etre" is "être", not "et re", and "tete" «tête», not "te te"; but "dela" is
                # "de la", not "delà"
                glued = None
            if accent is not None and glued is None:
                yield self._issue(sentence, tok, len(word), "SPELLING-ACCENT", *accent)
                continue
            if word[:1].isupper():
                continue
            split = self._split(tokens, j)
            if split is not None:
                k, joined = split
                first, last = tokens[min(j, k)], tokens[max(j, k)]
                length = last.start + len(last.text) - first.start
                yield self._issue(sentence, first, length, "SPELLING-SPLIT-WORD", joined,
                                  f"«{joined}» written as two words")
                consumed = max(j, k)
                continue
            if _quoted(tokens, j) or self._after_name(tokens, j):
                continue
            if glued is not None:
                yield self._issue(sentence, tok, len(word), "SPELLING-RUN-TOGETHER", glued,
                                  f"«{word}»: two words run together")
                continue
            if len(word) < _MIN_UNKNOWN_LENGTH or _in_compound(tokens, j):
                continue
            # A determiner that is no object clitic ("les calmer", "leur permettant").
            after_determiner = j > 0 and tokens[j - 1].pos == "DET" and (
                tokens[j - 1].norm not in _OBJECT_CLITICS
            )
            close = self._typo_target(word, after_determiner)
            if close is not None and not self._tolerated(word, back, close):
                yield self._issue(sentence, tok, len(word), "SPELLING-UNKNOWN-WORD", close,
                                  f"«{word}» is not a French word")

    def _issue(
        self,
        sentence: Sentence,
        tok: _Token,
        length: int,
        code: str,
        suggestion: str | None,
        message: str,
    ) -> Issue:
        start = sentence.start + tok.start
        severity = Severity.MAJOR if code == "SPELLING-MERGED-ELISION" else Severity.MINOR
        return self.issue(sentence, start, start + length, Category.SPELLING, severity, code,
                          message, suggestion)

    # --- rules ------------------------------------------------------------------------------

    def _lower_word(self, word: str) -> bool:
        """A word the dictionary knows only in lower case: no name ("Paris", "Indonésie")."""
        lower = word.lower()
        return lower.isalpha() and self.lexicon.known(lower) and not any(
            a.lemma[:1].isupper() for a in self.lexicon.analyses(word)
        )

    def _title_case_fix(self, sentence: Sentence, tokens: list[_Token]) -> Issue | None:
        """One issue for a heading in English title case, from its first to its last capital
        French would not write."""
        changed: list[tuple[_Token, str]] = []
        function_words = 0
        for k, tok in enumerate(tokens[1:], start=1):
            word = tok.text
            letters = sum(c.isalpha() for c in word)
            if tok.sentence_initial or not word[:1].isupper() or word.isupper() and letters > 1:
                continue
            lower = word.lower()
            nxt = tokens[k + 1].text if k + 1 < len(tokens) else ""
            if lower.replace("’", "'") in _TITLE_ARTICLES and nxt[:1].isupper() and not self._lower_word(nxt):
                continue  # an article before a name may be the name's: "La Haye", "Le Havre"
            if lower.replace("’", "'") in _TITLE_FUNCTION_WORDS:
                function_words += 1
                changed.append((tok, lower))
            elif self._lower_word(word):
                changed.append((tok, lower))
        if function_words < 2:
            return None
        first, last = changed[0][0], changed[-1][0]
        end = last.start + len(last.text)
        fixed = sentence.text[first.start : end]
        for tok, form in reversed(changed):
            at = tok.start - first.start
            fixed = fixed[:at] + form + fixed[at + len(tok.text) :]
        return self._issue(sentence, first, end - first.start, "SPELLING-TITLE-CASE", fixed,
                           "English title case: French capitalises only a title's first word "
                           "and its names")

    def _candidate(self, tok: _Token) -> bool:
        """A token worth checking: a word the lexicon does not know, not a name or a code."""
        word = tok.text
        if len(word) < 2 or not _LATIN.search(word) or any(ch.isdigit() for ch in word):
            return False
        if not all(ch.isalpha() or ch in "-’'" for ch in word):
            return False  # abbreviations, URLs, handles: "av.", "n°", "www.x.fr"
        core = _ELIDED_PREFIX.sub("", word.lstrip("-"))
        if len(core) < 2:
            return False
        if core.isupper() or any(ch.isupper() for ch in core[1:]):
            return self._is_glued(core)  # acronyms and mixed case, except "lEurope"
        if core[0].isupper():
            if not tok.sentence_initial:
                return False  # a name; at the start only unseen words ("Laescalade") go on
            # The lexicon first: it is cheap, and most sentence-initial words are in it.
            return not self.lexicon.known(core) and not (
                tok.proper and zipf(core.lower(), "fr") >= _NAME_ZIPF
            )
        return not self.lexicon.known(core)

    def _after_name(self, tokens: list[_Token], j: int) -> bool:
        """Part of a name or a binomial: "Atlides bacis", "Gura Vitioarei"."""
        prev = tokens[j - 1] if j else None
        return prev is not None and prev.text[:1].isupper() and (
            not prev.sentence_initial or not self.lexicon.known(prev.text)
        )

    def _case_glued(self, word: str) -> str | None:
        """``ROAet`` → ``ROA et``, ``dollarLa`` → ``dollar La``: an acronym glued to a function
        word, or a lower-case word glued to a capitalised one, both of them words (camel-case
        brands start with a capital or a single letter: ``PowerPoint``, ``iPhone``, ``eBay``)."""
        m = _ACRONYM_GLUED.fullmatch(word) or _LOWER_CAPITAL_GLUED.fullmatch(word)
        if m is None:
            return None
        first, second = m.groups()
        if self.lexicon.known(word) or not self.lexicon.known(second.lower()):
            return None
        if first.islower() and not self.lexicon.known(first):
            return None
        if first.islower() and zipf(second.lower(), "en") > zipf(second.lower(), "fr"):
            return None  # a camel-case identifier of English words: "userName", "maxId"
        return f"{first} {second}"

    def _is_glued(self, word: str) -> bool:
        return bool(re.match(r"^(?:[lLdD]|[qQ]u)[A-ZÀ-Ý]", word)) and not self.lexicon.known(word)

    def _merged_elision(self, word: str, apostrophe: str) -> str | None:
        lower = word.lower()
        for glued, elided in _ELISIONS:
            if not lower.startswith(glued):
                continue
            rest = word[len(glued) :]
            if len(rest) < 2 or not _VOWEL_START.match(rest):
                continue
            if not self.lexicon.analyses(rest):
                continue
            last = elided.rsplit(" ", 1)[-1]  # "de l'" checks "l'" + rest
            if self.lexicon.known(last + rest):  # the word accepts this elision (not "l'hasard")
                return _case_like(word, elided.replace("'", apostrophe) + rest)
        return None

    def _foreign_or_variant(self, core: str, back_translation: str) -> bool:
        """A non-word that is no misspelling: copied into the English, English, German-looking,
        a 1990 reformed spelling or a prefixed derivation."""
        if _copied(core, back_translation):
            return True
        lower = core.lower()
        if self._reformed(lower):
            return True
        for prefix in _DERIVATION_PREFIXES:
            if lower.startswith(prefix) and len(lower) - len(prefix) >= 4:
                rest = lower[len(prefix) :].lstrip("-")
                if self.lexicon.known(rest):
                    return True
        # English ("metal", "beats") or German-looking ("kommando")
        return zipf(lower, "en") >= _COMMON_ZIPF_EN or bool(_FOREIGN_LETTERS.search(lower))

    def _tolerated(self, word: str, back_translation: str, suggestion: str) -> bool:
        """A non-word that is still not a spelling error: foreign, reformed, derived, common
        in French usage, or common in another language (unless it only lacks the accents of
        its suggestion: "developpement")."""
        core = _ELIDED_PREFIX.sub("", word.lstrip("-"))
        if self._foreign_or_variant(core, back_translation):
            return True
        lower = core.lower()
        target = _ELIDED_PREFIX.sub("", suggestion).lower()
        if _strip_accents(lower) == _strip_accents(target):
            return False
        if zipf(lower, "fr") >= _COMMON_ZIPF_FR:
            return True
        return any(_foreign_zipf(lower, lang) >= _FOREIGN_ZIPF for lang in _FOREIGN_LANGUAGES)

    def _typo_target(self, word: str, after_determiner: bool = False) -> str | None:
        """The word the non-word ``word`` misspells: among the dictionary words one edit away
        and Hunspell's first suggestion, those that keep its shape (see _keeps_shape) and,
        after a determiner, can be a noun or an adjective ("son gavit" is no "gravit"); an
        accent variant if there is one, else the commonest, if it is common. None when every
        neighbour is rare: then ``word`` is more likely rare vocabulary than a typo."""
        match = _ELIDED_PREFIX.match(word)
        prefix = match.group() if match else ""
        core = word[len(prefix) :]
        lower = core.lower()
        candidates = set(_one_edit(lower))
        hunspell = self.lexicon.suggest(core, _SUGGEST_CANDIDATES)
        if hunspell is not None:
            candidates.add(hunspell.lower())
        from wordfreq import get_frequency_dict

        # A word wordfreq never saw in French (Zipf 0) wins only as an accent variant (below): the
        # others are dropped before the dictionary look-up, a dict probe each (same results).
        seen = get_frequency_dict("fr")
        folded = _strip_accents(lower)
        words = sorted(
            c for c in candidates
            if c != lower and c.isalpha() and _keeps_shape(lower, c)
            and (c in seen or _strip_accents(c) == folded)
            and self._dictionary_word(c) and (not after_determiner or self._nominal(c))
        )
        if not words:
            return None
        accent = [c for c in words if _strip_accents(c) == folded]
        best = max(accent or words, key=lambda c: zipf(c, "fr"))
        if not accent and zipf(best, "fr") < _TYPO_TARGET_MIN_ZIPF:
            # a conjugated form is rare by itself ("emballaient") where its verb is common
            verbs = [c for c in words if self._common_verb_form(c)]
            if len(verbs) != 1:
                return None
            best = verbs[0]
        return prefix + _case_like(core, best)

    def _common_verb_form(self, word: str) -> bool:
        """A finite form of a verb common in French (its infinitive's Zipf)."""
        return any(a.persons and zipf(a.lemma, "fr") >= _COMMON_VERB_ZIPF
                   for a in self.lexicon.analyses(word))

    def _nominal(self, word: str) -> bool:
        return any(a.pos & {"nom", "adj"} for a in self.lexicon.analyses(word))

    def _dictionary_word(self, word: str) -> bool:
        """A dictionary word that is not only a name or a prefix ("re", "anti")."""
        return any(
            not a.lemma[:1].isupper() and a.pos != {"pfx"} for a in self.lexicon.analyses(word)
        )

    def _reformed(self, word: str) -> bool:
        """1990 rectifications and ligatures: connaitre, entrainement, préfèrera, oeil."""
        variants = {word.replace("oe", "œ"), word.replace("ae", "æ")}
        for i, ch in enumerate(word):
            alt = {"i": "î", "u": "û", "è": "é"}.get(ch)
            if ch == "è" and not _MUTE_SYLLABLE.match(word, i + 1):
                continue  # "accèder" is no reformed "accéder": only a mute syllable takes "è"
            if alt:
                variants.add(word[:i] + alt + word[i + 1 :])
        variants.discard(word)
        return any(self.lexicon.analyses(v) for v in variants)

    # --- accents ----------------------------------------------------------------------------

    def _accent(
        self, tokens: list[_Token], j: int, back_translation: str
    ) -> tuple[str | None, str] | None:
        """(suggestion or None when ambiguous, message) for a non-word that is a dictionary
        word with other accents."""
        tok = tokens[j]
        match = _ELIDED_PREFIX.match(tok.text)
        prefix = match.group() if match else ""
        core = tok.text[len(prefix) :]
        if not core.isalpha() or any(c.isupper() for c in core[1:]):
            return None  # all capitals: accents on capitals are house style
        if _quoted(tokens, j):
            return None
        capital = core[0].isupper()
        lower = core.lower()
        found = self._accent_words(lower, capital)
        if not found or self._accent_tolerated(tokens, j, core, found, back_translation):
            return None
        if capital:  # the writer's capital stays as written: "Evenement" -> "Evénement"
            found = [core[0] + w[1:] for w in found]
        chosen = self._pick(found, tok)
        if chosen is None:
            options = " or ".join(f"«{w}»" for w in found[:4])
            return None, f"«{tok.text}»: missing or wrong accent ({options})"
        return prefix + chosen, f"«{tok.text}»: missing or wrong accent"

    def _accentless(self, word: str) -> bool:
        """A lower-case word with accent variants in the dictionary ("decision")."""
        core = _ELIDED_PREFIX.sub("", word)
        return core.isalpha() and core.islower() and bool(self._accent_words(core, False))

    def _accent_tolerated(
        self, tokens: list[_Token], j: int, core: str, found: list[str], back_translation: str
    ) -> bool:
        """Whether a non-word with accent variants (``found``) is still no missing accent.

        Narrower than :meth:`_foreign_or_variant`: an English cognate ("decision", "president",
        "cooperation"), a word that reads as a prefix and a word ("realite": re + alite) or one
        the back-translation copies (its English twin) is French with its accents dropped,
        unless English stands right next to it ("the decision"). A 1990 reformed spelling, a
        German-looking word and a loan French usage writes without accents ("metal") are still
        left alone, and so are words after a name ("Atlides bacis") unless the accented word is
        a common one ("RPR etait" is "était").
        """
        lower = core.lower()
        if self._reformed(lower) or _FOREIGN_LETTERS.search(lower):
            return True
        if self._after_name(tokens, j) and max(zipf(w.lower(), "fr") for w in found) < _COMMON_ACCENTED_ZIPF:
            return True
        if core[:1].isupper() and _copied(core, back_translation):
            return True  # a name the back-translation keeps
        usage = zipf(lower, "fr")
        if usage >= _COMMON_ZIPF_FR and usage > max(zipf(w.lower(), "fr") for w in found) - _LOAN_MARGIN:
            return True  # French usage writes it so, nearly as often: "metal" (the genre), "media"
        return zipf(lower, "en") >= _COMMON_ZIPF_EN and any(
            self._english_word(tokens[k].text) for k in (j - 1, j + 1) if 0 <= k < len(tokens)
        )

    def _english_word(self, word: str) -> bool:
        """A word of English text: common in English and either no French word ("end",
        "thrash") or far rarer in French ("the", "heavy")."""
        lower = word.lower()
        if not lower.isalpha() or zipf(lower, "en") < _COMMON_ZIPF_EN:
            return False
        return not self.lexicon.known(lower) or zipf(lower, "en") > zipf(lower, "fr") + 1.5

    def _accent_words(self, lower: str, capital: bool) -> list[str]:
        """Dictionary words among the accent variants with the fewest changed letters."""
        probes = 0
        for level in _accent_variants(lower):
            found = []
            for variant in level:
                probes += 1
                if probes > _MAX_ACCENT_PROBES:
                    return []
                if capital and variant[1:] == lower[1:]:
                    continue  # only the capital's accent differs: "Etat", house style
                if self.lexicon.analyses(variant) and zipf(variant, "fr") >= _ACCENT_MIN_ZIPF:
                    found.append(variant)
            if found:
                return found
        return []

    def _pick(self, found: list[str], tok: _Token) -> str | None:
        """One of several accent variants: spellings of one word (``événement``,
        ``évènement``) give the commonest, and so does a word a hundred times commoner than the
        others; else the one the parse's tag allows, if only one."""
        if len(found) == 1:
            return found[0]
        readings = {w: self.lexicon.analyses(w) for w in found}
        pos = {w: frozenset().union(*(a.pos for a in readings[w])) for w in found}
        if len(set(pos.values())) == 1:
            return max(found, key=lambda w: zipf(w.lower(), "fr"))
        ranked = sorted(found, key=lambda w: -zipf(w.lower(), "fr"))
        if zipf(ranked[0].lower(), "fr") - zipf(ranked[1].lower(), "fr") >= _DOMINANT_ZIPF:
            return ranked[0]  # "meme" is «même» (6.5), not «mème» (2.1), whatever the tag
        fitting = [w for w in found if any(self._fits(a, tok) for a in readings[w])]
        return fitting[0] if len(fitting) == 1 else None

    @staticmethod
    def _fits(analysis: Analysis, tok: _Token) -> bool:
        """The lexicon's reading agrees with spaCy's tag of the token."""
        if tok.pos in ("VERB", "AUX"):
            if tok.verb_form == "Part":
                return "ppas" in analysis.pos
            if tok.verb_form == "Inf":
                return "infi" in analysis.pos
            return bool(analysis.persons)
        wanted = _SPACY_POS.get(tok.pos)
        return wanted is not None and wanted in analysis.pos

    # --- a / à, ou / où ---------------------------------------------------------------------

    def _homophone(
        self, tokens: list[_Token], j: int, text: str, capitals: str = _UNKNOWN
    ) -> tuple[str, str, str] | None:
        """(code, suggestion, message) for a/à or ou/où written as the other."""
        tok = tokens[j]
        if tok.text == "A":
            # Edited French often leaves capitals unaccented on purpose (treebanks, the press):
            # an initial "A" is a slip where the document accents its capitals, or where a
            # locution shows the preposition whatever the style ("A travers", "A partir de").
            if capitals != _PLAIN and self._initial_preposition(tokens, j) and (
                capitals == _ACCENTED or self._initial_locution(tokens, j)
            ):
                return ("SPELLING-A-ACCENT", "À",
                        "«A»: the preposition takes its accent, «À»")
            return None
        norm = tok.text
        if norm == "a" and self._a_is_preposition(tokens, j):
            return "SPELLING-A-ACCENT", "à", "«a» (the verb avoir) where the preposition «à» is needed"
        if norm == "à" and self._a_is_verb(tokens, j):
            return "SPELLING-A-ACCENT", "a", "«à» (the preposition) where the verb «a» is needed"
        if norm == "ou" and self._ou_is_relative(tokens, j):
            return "SPELLING-OU-ACCENT", "où", "«ou» (or) where the relative «où» (where, when) is needed"
        if norm == "Ou" and tok.sentence_initial and text.rstrip().endswith("?"):
            nxt = tokens[j + 1] if j + 1 < len(tokens) else None
            if nxt is not None and nxt.norm not in _SUBJECT_CLITICS and self._finite(nxt) and not (
                self._or_question(tokens, j)
            ):
                return "SPELLING-OU-ACCENT", "Où", "«Ou» (or) where the question word «Où» is needed"
        return None

    @staticmethod
    def _or_question(tokens: list[_Token], j: int) -> bool:
        """"Ou est-ce différent cette fois ?" (Or is it…): the verb, its inverted pronoun, then
        an attribute; "Où est-ce que…", "Où est-il ?" ask where."""
        if j + 3 >= len(tokens) or not tokens[j + 2].text.startswith("-"):
            return False
        return tokens[j + 3].norm not in ("que", "qu'", "?")

    def _initial_preposition(self, tokens: list[_Token], j: int) -> bool:
        """A sentence-initial "A" followed by what only a preposition takes: a lower-case word
        that is no verb form of être/avoir, a participle or a conjunction ("A travers",
        "A noter"), a number ("A 14 h"), a place ("A Paris")."""
        tok = tokens[j]
        prev = tokens[j - 1] if j else None
        initial = tok.sentence_initial or (prev is not None and prev.text in "«“\"(")
        if not initial or not tok.space_after or j + 1 >= len(tokens):
            return False
        nxt = tokens[j + 1]
        if nxt.text[:1].isdigit():
            return True
        if nxt.text[:1].isupper():
            return nxt.entity == "LOC" and not nxt.text.isupper()
        if not nxt.text.replace("’", "'").rstrip("'").isalpha():
            return False
        readings = self.lexicon.analyses(nxt.text)
        if not readings:
            return False
        return not any(
            a.lemma in ("être", "avoir") or "ppas" in a.pos or a.pos & {"cjco", "cjsub"}
            for a in readings
        )

    def _initial_locution(self, tokens: list[_Token], j: int) -> bool:
        """The "A" opens a locution only the preposition forms: a word only "à" precedes
        ("A travers", "A propos", "A peu près"), an infinitive ("A noter", "A partir de"),
        or a prepositional locution "à (la|l') noun de" ("A cause de", "A la suite de",
        "A l’exception des"). Not an article or a possessive + noun ("A son arrivée")."""
        nxt = tokens[j + 1]
        after = [t.norm for t in tokens[j + 2 : j + 4]] + ["", ""]
        if nxt.norm in _AFTER_A or (nxt.norm, after[0]) in _AFTER_A_PAIRS:
            return True
        if any("infi" in a.pos for a in self.lexicon.analyses(nxt.text)):
            return True
        noun, de = (after[0], after[1]) if nxt.norm in ("la", "l'") else (nxt.norm, after[0])
        if de not in ("de", "d'", "des", "du") or not noun.isalpha():
            return False
        return any("nom" in a.pos for a in self.lexicon.analyses(noun))

    def _a_is_preposition(self, tokens: list[_Token], j: int) -> bool:
        prev = tokens[j - 1].norm if j else ""
        prev2 = tokens[j - 2].norm if j >= 2 else ""
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        nxt2 = tokens[j + 2].norm if j + 2 < len(tokens) else ""
        if prev in _BEFORE_A or (prev == "rapport" and prev2 == "par"):
            return True
        if prev in ("grâce", "face") and j >= 2 and tokens[j - 2].pos not in ("DET", "ADJ"):
            return True  # "grâce a" after no determiner: the locution, not "la grâce a"
        if nxt is None or not nxt.text.isalpha() or nxt.text[:1].isupper():
            return False
        if nxt.norm in _AFTER_A or (nxt.norm, nxt2) in _AFTER_A_PAIRS:
            return True
        if prev == nxt.norm and prev.isalpha():
            return True  # "goutte a goutte", "peu a peu": the verb never sits between twins
        if self._infinitive_after_a(tokens, j):
            return True
        return self._after_verb(tokens, j)

    def _after_verb(self, tokens: list[_Token], j: int) -> bool:
        """"a" right after a verb that is not its subject: an infinitive complement ("pour
        répondre a cette question") or a finite verb in a sentence with no subordinate clause
        before it ("je pensais a mon neveu"; in "celui qui gagne a le droit" the verb "a" is
        right)."""
        if j < 2:
            return False
        prev, nxt = tokens[j - 1], tokens[j + 1]
        if any("ppas" in a.pos for a in self.lexicon.analyses(nxt.text)):
            return False  # "a été": the auxiliary may be right
        readings = self.lexicon.analyses(prev.text.lower())
        if not readings or any(a.pos & {"nom", "adj", "ppas", "mg"} for a in readings):
            return False
        if all("infi" in a.pos for a in readings):
            return tokens[j - 2].pos == "ADP"  # not an infinitive subject: "Voyager a un prix"
        if not all(a.persons for a in readings) or any(
            a.lemma in ("être", "avoir") for a in readings
        ):
            return False
        return not any(t.norm in _SUBORDINATORS for t in tokens[: j - 1])

    def _infinitive_after_a(self, tokens: list[_Token], j: int) -> bool:
        """"a" + infinitive: avoir never takes one ("prêt a partir"). Not after a subject
        clitic or "y" ("il a manger" may be "il a mangé" or "il a à manger"), and an -er
        infinitive only after a verb or an adjective (after a noun, "le ministre a lancer" is
        more likely "a lancé")."""
        prev = tokens[j - 1] if j else None
        nxt = tokens[j + 1]
        if prev is None or not prev.text.isalpha() and prev.norm not in ("qu'", "n'"):
            return False
        if prev.norm in _SUBJECT_CLITICS | _OBJECT_CLITICS | _A_SUBJECTS | {"ne", "n'", "qu'", "y"}:
            return False
        readings = self.lexicon.analyses(nxt.text)
        if not any("infi" in a.pos for a in readings) or any("ppas" in a.pos for a in readings):
            return False
        after = tokens[j + 2].norm if j + 2 < len(tokens) else ""
        if any("nom" in a.pos for a in readings) and after in ("de", "d'"):
            return False  # "avoir pouvoir de"
        if nxt.norm.endswith("er"):
            if prev.pos in ("VERB", "ADJ") and prev.verb_form != "Part":
                return True
            # The parse misses a verb the lexicon knows ("tendent a montrer")
            before = self.lexicon.analyses(prev.text)
            return bool(before) and all(
                (a.persons or "adj" in a.pos) and not a.pos & {"nom", "ppas"} for a in before
            )
        return prev.pos not in ("PRON", "PROPN", "")

    def _a_is_verb(self, tokens: list[_Token], j: int) -> bool:
        """"à" where the auxiliary is needed: a third-person subject before, a participle
        after ("il à été", "qui à décidé"), or "il y à"."""
        if not j or j + 1 >= len(tokens):
            return False
        prev = tokens[j - 1]
        nxt = tokens[j + 1]
        if prev.norm == "y" and j >= 2 and tokens[j - 2].norm in ("il", "n'", "ne"):
            return True
        if not nxt.text.isalpha() or nxt.text[:1].isupper():
            return False
        readings = self.lexicon.analyses(nxt.text)
        if not any("ppas" in a.pos for a in readings):
            return False
        if prev.norm in _A_SUBJECTS:
            before = tokens[j - 2].norm if j >= 2 else ""
            return not (prev.norm == "qui" and before in ("à", "de", "pour", "par", "avec"))
        # After a noun, only a participle that is no noun or infinitive ("le gouvernement à
        # annoncé"), tagged a participle by the parse.
        if prev.pos not in ("NOUN", "PROPN") or any(a.pos & {"nom", "infi"} for a in readings):
            return False
        return nxt.pos in ("VERB", "AUX") and nxt.verb_form == "Part"

    def _ou_is_relative(self, tokens: list[_Token], j: int) -> bool:
        if not j:
            return False
        prev = tokens[j - 1]
        prev2 = tokens[j - 2].norm if j >= 2 else ""
        if prev.norm in _BEFORE_OU or (prev.norm == "importe" and prev2 == "n'"):
            return True
        if prev.norm == "cas" and prev2 == "au":
            return True
        if prev.norm in _OU_ADVERBS:
            return self._clause_follows(tokens, j + 1)
        if prev.norm in _OU_NOUNS and j >= 2 and tokens[j - 2].pos in ("DET", "ADP"):
            return self._clause_follows(tokens, j + 1)
        # A place's name, then a clause with a third-person subject clitic ("à Sceaux ou il
        # est vicaire", "en Suisse, ou il enseigna"). Not after any noun: "il paiera l'amende
        # ou il ira en prison" is an alternative, and so may be "je prends le bus ou je marche".
        if prev.text == "," and j >= 2:
            prev = tokens[j - 2]
        if prev.entity != "LOC" or j + 1 >= len(tokens):
            return False
        return tokens[j + 1].norm in _THIRD_PERSON and self._clause_follows(tokens, j + 1)

    def _clause_follows(self, tokens: list[_Token], k: int) -> bool:
        """A clause starts at ``k``: subject clitic, clitics, finite verb ("il ne le dit"), or a
        reflexive with the subject after the verb ("où se trouve le musée")."""
        n = len(tokens)
        if k + 1 < n and tokens[k].norm == "l'" and tokens[k + 1].norm == "on":
            k += 1
        subject = k < n and tokens[k].norm in _SUBJECT_CLITICS
        if subject:
            k += 1
        while k < n and tokens[k].norm in ("ne", "n'"):
            k += 1
        reflexive = False
        while k < n and tokens[k].norm in _OBJECT_CLITICS:
            reflexive = reflexive or tokens[k].norm in ("se", "s'")
            k += 1
        if not (subject or reflexive) or k >= n or not self._finite(tokens[k]):
            return False
        # An inverted subject makes it a question: "se suicide-t-elle ou s'agit-il".
        return not (k + 1 < n and tokens[k + 1].text.startswith("-"))

    def _finite(self, tok: _Token) -> bool:
        if not tok.text.isalpha():
            return False
        return any(a.persons for a in self.lexicon.analyses(tok.text.lower()))

    # --- capitals ---------------------------------------------------------------------------

    def _capital(self, tokens: list[_Token], j: int) -> tuple[str, str] | None:
        """(suggestion, message) for a capital inside a sentence."""
        tok = tokens[j]
        if tok.sentence_initial or not _capitalised(tok.text) or len(tok.text) < 2:
            return None
        if not tok.text.replace("’", "'").rstrip("'").isalpha():
            return None
        lower = tok.text.lower()
        geo = self._geographic_adjective(tokens, j)
        if geo:
            return lower, f"«{tok.text}»: an adjective in a geographic name takes no capital"
        if self._demonym_after_noun(tokens, j):
            return lower, f"«{tok.text}»: a nationality adjective takes no capital in French (English's does)"
        prev = tokens[j - 1]
        if tok.text in ("Il", "Ils", "On") and prev.text[-1:] in "'’" and prev.text[:-1].isalpha() and (
            prev.text.islower()
        ):
            return lower, f"«{tok.text}»: no capital after «{prev.text}» inside a sentence"  # "qu’Il y a"
        if prev.text != "," and prev.text not in _CONJUNCTIONS:
            return None
        before = tokens[j - 2].text if j >= 2 else ""
        if prev.text == "," and not before[:1].islower():
            return None  # "R. Réau, Les crimes de guerre": a title after its author
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        if nxt is None or nxt.text[:1].isupper() or nxt.text[:1] in "-–'’":
            return None  # part of a name or a title: "et La Poste", "et L’Oréal"
        if not (nxt.text[:1].isalpha() or nxt.text in (",", ";")):
            return None
        if not self._function_word(tok.text):
            return None  # nouns and adjectives may be titles or names: "Premier ministre"
        if self._titles(tokens, j):
            return None
        after = "a comma" if prev.text == "," else f"«{prev.text}»"
        return lower, f"«{tok.text}»: no capital after {after} inside a sentence"

    def _function_word(self, word: str) -> bool:
        """A word of a closed class (the lexicon's ``mg``: "Tous", "L’"), never a name."""
        readings = self.lexicon.analyses(word)
        return bool(readings) and any("mg" in a.pos for a in readings) and not any(
            a.lemma[:1].isupper() or a.pos & {"npr", "prn"} for a in readings
        )

    def _titles(self, tokens: list[_Token], j: int) -> bool:
        """Titles of works, whose first word keeps its capital ("ses films : Border-line, Le
        journal du séducteur et L’examen de minuit"): after a colon or inside brackets, or
        with another capitalised function word inside the sentence, or after the noun that
        labels it ("consultez la sous-section, Les logiciels affectés, ci-dessous")."""
        if j >= 2 and tokens[j - 1].text == "," and tokens[j - 2].norm in _TITLE_LABELS:
            return True
        depth = 0
        for k, other in enumerate(tokens):
            if k < j:
                if other.text == ":":
                    return True
                depth += other.text in "([" and 1 or (-1 if other.text in ")]" else 0)
            if k != j and not other.sentence_initial and _capitalised(other.text) and (
                self._function_word(other.text)
            ):
                prev = tokens[k - 1].text if k else ""
                if prev not in "«“\"(":
                    return True
        return depth > 0

    def _demonym_after_noun(self, tokens: list[_Token], j: int) -> bool:
        """A nationality adjective capitalised after a common noun, English style ("le
        gouvernement Français", "les autorités Indonésiennes", "la langue Anglaise"): the noun is
        in lower case, the adjective agrees with it and starts no name (no capitalised word
        after it: "le groupe Français Total"). The people («les Français») have no noun before."""
        tok, prev = tokens[j], tokens[j - 1]
        if not (tok.text.isalpha() and prev.text.isalpha() and prev.text.islower() and prev.space_after):
            return False
        if j + 1 < len(tokens) and _capitalised(tokens[j + 1].text):
            return False
        readings = self.lexicon.analyses(tok.text)
        if not readings or any(a.lemma[:1].isupper() or a.pos & {"npr", "prn"} for a in readings):
            return False
        if prev.norm in _GEOGRAPHIC_NOUNS or prev.pos and prev.pos != "NOUN":
            return False  # "l'océan Indien" is a name; "le groupe privé Ivoirien": the tagger's adjective
        readings_before = self.lexicon.analyses(prev.text)
        nouns = [a for a in readings_before if "nom" in a.pos and "v" not in a.pos]
        if not nouns or any("det" in a.pos for a in readings_before):
            return False  # "un Italien": the people
        demonyms = _demonyms()
        return any(
            "adj" in a.pos and a.lemma in demonyms
            and (noun.gender not in ("m", "f") or a.allows_gender(noun.gender))
            and (noun.number not in ("sg", "pl") or a.allows_number(noun.number))
            for a in readings
            for noun in nouns
        )

    def _geographic_adjective(self, tokens: list[_Token], j: int) -> bool:
        """An adjective capitalised after a country's name ("Arabie Saoudite", "Amérique
        Latine"): the lexicon has the country capitalised and the adjective in lower case only,
        and the adjective's own gender (not an epicene form) is the country's. Not after a common
        noun ("mer Rouge", "Maison Blanche" are names)."""
        if j < 1 or len(tokens[j].text) < 3 or not tokens[j].text.isalpha():
            return False
        prev = tokens[j - 1]
        if not prev.space_after or not _capitalised(prev.text) or not prev.text.isalpha():
            return False
        if j + 1 < len(tokens) and not tokens[j].space_after and tokens[j + 1].text[:1] in "-–":
            return False
        places = self.lexicon.analyses(prev.text)
        # Every reading a capitalised noun: a country or a region ("Arabie"), not a common
        # noun ("Centre Dentaire": a business's name) nor a first name.
        if not places or not all(a.lemma[:1].isupper() and a.pos == {"nom"} for a in places):
            return False
        readings = self.lexicon.analyses(tokens[j].text)
        if not readings or any(a.lemma[:1].isupper() or a.pos & {"npr", "prn"} for a in readings):
            return False
        if tokens[j].norm in _HISTORIC_ADJECTIVES:
            return False
        # The adjective's own gender is the place's ("Arabie Saoudite", "Amérique Latine"): an
        # epicene word is no evidence ("Timor Leste" is Portuguese, not «leste», nimble).
        return any(
            "adj" in a.pos
            and a.gender in ("m", "f") and a.gender == place.gender
            and (place.number in (None, "inv") or a.number is None or a.allows_number(place.number))
            for a in readings
            for place in places
        )

    # --- words in two pieces or glued ---------------------------------------------------------

    def _run_together(self, tokens: list[_Token], j: int) -> str | None:
        """The one split of a glued non-word into two common words ("lesdonnées")."""
        word = tokens[j].text
        if not word.isalpha() or not word.islower() or _in_compound(tokens, j):
            return None
        prev = tokens[j - 1] if j else None
        # A 2-3 letter non-word is mostly an abbreviation or a foreign word ("ya" is Indonesian
        # and Spanish too): only after a French word ("il ya").
        if len(word) <= 3 and (
            prev is None
            or not prev.text.isalpha()
            or not (prev.text.islower() or prev.sentence_initial)
        ):
            return None
        # English words are left alone, except after a subject clitic: "il ya".
        subject = prev is not None and prev.norm in _SUBJECT_CLITICS
        if _FOREIGN_LETTERS.search(word) or (zipf(word, "en") >= _COMMON_ZIPF_EN and not subject):
            return None
        if self._reformed(word):
            return None
        splits = [
            (word[:i], word[i:])
            for i in range(1, len(word))
            if self._common_part(word[:i], first=True) and self._common_part(word[i:], first=False)
        ] or [
            (word[:i], word[i:])
            for i in range(1, len(word))
            if self._content_beside_function(word[:i], word[i:], first=True)
            or self._content_beside_function(word[i:], word[:i], first=False)
        ]
        if len(splits) != 1:
            return None
        first, second = splits[0]
        if not any("mg" in a.pos for part in splits[0] for a in self.lexicon.analyses(part)):
            return None  # glued text joins a function word: "gentillement" is no "gentille ment"
        if len(word) >= _MIN_UNKNOWN_LENGTH and self.lexicon.suggest(word, _SUGGEST_CANDIDATES):
            return None  # one edit from a word: a typo ("viacire", vicaire), not two words
        if first in _BOUND_PREFIXES or first in _DERIVATION_PREFIXES:
            return None  # a prefixed derivation ("mégapoussée"), not two words
        if self.lexicon.analyses(f"{first}-{second}"):
            return None  # a compound welded in the 1990 style: "bienêtre", "portemonnaie"
        return f"{first} {second}"

    def _content_beside_function(self, content: str, function: str, first: bool) -> bool:
        """A rarer content word glued to a very common function word (``créatifspour``)."""
        return (
            len(content) >= _RUN_TOGETHER_CONTENT_LENGTH
            and len(function) >= 2
            and zipf(function, "fr") >= _RUN_TOGETHER_FUNCTION_ZIPF
            and any("mg" in a.pos for a in self.lexicon.analyses(function))
            and self._common_part(content, first, _RUN_TOGETHER_CONTENT_ZIPF)
        )

    def _common_part(self, part: str, first: bool, min_zipf: float = _RUN_TOGETHER_MIN_ZIPF) -> bool:
        if len(part) == 1 and part not in (_ONE_LETTER_FIRST if first else _ONE_LETTER_SECOND):
            return False
        if zipf(part, "fr") < min_zipf:
            return False
        # A word, not a prefix entry ("re", "anti"): those glue into derivations.
        return any(a.pos != {"pfx"} for a in self.lexicon.analyses(part))

    def _split(self, tokens: list[_Token], j: int) -> tuple[int, str] | None:
        """Join token j with a neighbour when that makes one dictionary word."""
        for k in (j + 1, j - 1):
            if not 0 <= k < len(tokens):
                continue
            a, b = (tokens[j], tokens[k]) if k > j else (tokens[k], tokens[j])
            if not a.space_after or b.start != a.start + len(a.text) + 1:
                continue
            if not (a.text.isalpha() and b.text.isalpha()) or b.text[:1].isupper():
                continue
            if a.text[:1].isupper() and not a.sentence_initial:
                continue
            joined = a.text + b.text
            readings = self.lexicon.analyses(joined.lower()) or self.lexicon.analyses(joined)
            if readings and not all(r.lemma[:1].isupper() for r in readings):
                return k, joined  # not a name: "Il ya" is no "Ilya"
        return None

    def _bound_prefix(self, tokens: list[_Token], j: int) -> str | None:
        """Two known words that make one after a bound prefix: ``télé phone`` → ``téléphone``."""
        a = tokens[j]
        if a.text.lower() not in _BOUND_PREFIXES or j + 1 >= len(tokens) or not a.space_after:
            return None
        b = tokens[j + 1]
        if not b.text.isalpha() or b.text[:1].isupper() or b.start != a.start + len(a.text) + 1:
            return None
        for joined in (a.text + b.text, f"{a.text}-{b.text}"):
            if self.lexicon.analyses(joined.lower()):
                return joined
        return None
