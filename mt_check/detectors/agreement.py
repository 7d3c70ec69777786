"""Agreement: gender and number across the links of spaCy's parse and along noun phrases,
judged by the lexicon.

spaCy (fr_core_news_sm) says which words are linked; the lexicon says what forms they can take.
A word is flagged only when the lexicon shows it CANNOT have the feature its partner needs:
forms the dictionary allows for both values (``russe``: epicene, ``pays``: invariable) never are,
and neither is a word the lexicon does not know. The suggestion is the lexicon's inflection of the
same entry (``spéciaux`` → ``spéciales``); without one, nothing is flagged.

Links checked (codes AGREEMENT-GENDER, -NUMBER, -GENDER-NUMBER unless said otherwise):

* determiner → noun (``det``, and the contractions du/des/au/aux): the determiner is corrected
  for gender, and when adjectives next to the noun agree with the wrong determiner the issue
  covers the phrase (``un relique colonial`` → ``une relique coloniale``); for number, whichever
  of the two the noun's adjectives, verb and participle do not side with (``ces accord ont
  été signés`` → ``accords``); *tout* before a determiner (``tout la journée`` → ``toute``);
  *quel* whatever the parse makes of it (``n'importe quel URL`` → ``quelle``);
* adjective → noun (``amod``, and adjectives coordinated with one), including a modifier set off
  by a comma when no word of the sentence can be what it agrees with;
* attributive past participle → noun (``acl`` with VerbForm=Part: ``les lignes … créés``);
* participle or adjective → subject through *être* (``aux:pass``, ``cop``, *être* as auxiliary;
  a reflexive verb's participle too when «se» is its direct object: no object of its own, not
  a verb whose «se» is indirect, ``la question qui s'est abattu`` → ``abattue``),
  also when the subject is a quantity noun (``plusieurs centaines de personnes sont attendus``:
  neither agrees) or a country the lexicon knows (``l'Inde est présent``); and the number of
  the finite auxiliary when it has one number only, whatever noun stands between (``les
  habitants du village ont été évacué`` → ``évacués``); a participle coordinated to such a verb,
  with its own *être* and no subject, agrees with that verb's subject (``la victime a subi des
  blessures et a été emmené`` → ``emmenée``);
* past participle conjugated with *avoir* and no direct object before it: masculine singular
  (``elle avait épousés le comte``);
* noun phrases read left to right from the lexicon alone (determiner, adjectives, noun,
  adjectives; ``de``/``en`` + adjective + noun): where the error sits, the tagger often takes its
  cue from the wrong word and the parse links nothing; a phrase is flagged only when no reading
  of it agrees;
* a noun counted by a number of 2 or more (``1 482 naira`` → ``nairas``);
* subject → finite verb (AGREEMENT-SUBJECT-VERB): number for nouns and il/elle/ils/elles,
  person for je/tu and, where they cannot be objects, nous/vous (``nous continuez``); across the
  subject's own complements and relative clause (``les employés de la société est``, ``le joueur
  qui a marqué les buts ont``) and for «le nombre de», which is singular; a clitic of the verb
  may stand between (``ce haricot se mirent``); a name after a singular article is singular
  (``la France ont``); a plural complement excuses the verb only after a quantity or a noun of
  kind (``ce genre de choses arrivent``, not ``le bruit des armes ont``); a verb coordinated
  to another without a subject of its own takes that subject; relative «qui» takes the noun
  right before it (its adjectives allowed), also after a preposition other than «de» (``chez
  les patients qui présente``); after «N de la N» it is checked only for what both nouns share
  (``la porte de la maison qui ont été détruits``: singular either way), never after a bare
  noun, a conjunct or a comma, where the antecedent is uncertain; a noun counted by a number of
  two or more is plural whatever its own form (``Deux bulldozer ont``: the noun is the error);
* «un/une des» + noun (``l'une des suspects`` → ``l'un``), and an emphatic pronoun right after
  the subject noun (``la clé lui-même`` → ``elle-même``);
* the attribute of sembler, paraître, rester, demeurer, devenir after the sentence's opening
  noun phrase, read from the lexicon (``les deux segments de la rue ont semblé désert`` →
  ``déserts``), when it agrees with neither that noun nor its «de» complement.

Never flagged: a comparison's participle (``plus tôt que prévu``, ``comme convenu``), a word
after «être» and a preposition (``est aux prises avec``), a participle after «N par N» that
agrees with the first noun (``14 dollars par action prévus``).
* subject pronoun → antecedent (AGREEMENT-PRONOUN-ANTECEDENT): ``il``/``ils`` in a subordinate
  clause whose only nearby possible antecedents all have the other number.

A noun's gender comes from the lexicon when it is unambiguous (a determiner that contradicts it
is the error), else from its determiner; its number from the lexicon and the determiner when they
agree; a hyphenated compound the dictionary lacks after a prefix that makes nouns (``sous-clés``,
``ex-ministre``) agrees like the noun after the prefix; for words the lexicon does not know, from
spaCy's morphology. Names take the gender of what
they name: only countries and the common nouns the lexicon knows in capitals (``Inde``,
``Banque``, ``URL``) are checked, never first names, surnames or places. Capitalised heads and
coordinated nouns (``la Russie et les États-Unis``: masculine plural) are handled conservatively:
a modifier that may agree with a coordination or with a noun standing between it and its parsed
head is never flagged. All agreement issues are minor: the reader still understands the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mt_check.detectors.base import PARSE, WEEKDAYS, Code, DocumentContext, LexiconDetector
from mt_check.language import zipf
from mt_check.lexicon import NAME_POS, Analysis, Lexicon
from mt_check.types import Category, Issue, Sentence, Severity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_GENDER_WORD = {"m": "masculine", "f": "feminine"}
_VERB_CLITICS = frozenset(("se", "s’", "s'", "y", "en", "le", "la", "les", "l’", "l'", "lui", "leur",
                           "me", "m’", "m'", "te", "t’", "t'", "ne", "n’", "n'"))  # fmt: skip
_DE_CASES = frozenset(("de", "d’", "d'", "du", "des"))
# A participle after these is a comparison's, invariable ("plus tôt que prévu", "comme convenu").
_COMPARATIVE_WORDS = frozenset({"que", "qu'", "qu’", "comme"})
# Copular verbs besides être, whose attribute agrees with the subject; adverbs of degree that
# may stand before the attribute.
_COPULAS = frozenset({"sembler", "paraître", "rester", "demeurer", "devenir"})
_DEGREE_ADVERBS = frozenset("très plus moins si trop assez bien toujours encore aussi déjà presque "
                            "complètement totalement entièrement particulièrement".split())
# Emphatic pronouns after a subject noun ("la clé elle-même") and their features.
_EMPHATIC = {"lui-même": ("m", "sg"), "elle-même": ("f", "sg"), "eux-mêmes": ("m", "pl"),
             "elles-mêmes": ("f", "pl")}
_EMPHATIC_FORMS = {feats: form for form, feats in _EMPHATIC.items()}
# Prefixes that make nouns of nouns with a hyphen, too freely for the dictionary to list them all
# ("sous-clé", "ex-ministre"); not "post-"/"pré-", whose compounds are often adverbials
# ("rapportées post-commercialisation").
_PREFIXES = frozenset("sous co ex vice mini micro demi semi auto contre néo pseudo quasi".split())
_REFLEXIVES = frozenset(("se", "s’", "s'", "me", "m’", "m'", "te", "t’", "t'", "nous", "vous"))
# Nouns of persons used bare after a noun as invariable adjuncts ("l'expérience utilisateur",
# "l'espace client"); not the adjectives in -eur that agree ("la partie supérieure", "la
# politique conservatrice").
_PERSON_ADJUNCTS = frozenset(
    "utilisateur client consommateur visiteur développeur administrateur fournisseur vendeur "
    "acheteur lecteur éditeur joueur spectateur voyageur abonné patient citoyen partenaire "
    "membre invité expert employé".split())
# Nouns that are also participles, used bare after a noun as adjuncts in the same way ("une
# expérience produit", "l'équipe produit"): one unless «par» names an agent ("produite par").
_PARTICIPLE_ADJUNCTS = frozenset({"produit"})
# Verbs whose reflexive «se» is an indirect object ("ils se sont parlé": to each other), so their
# participle never agrees; and those followed by an infinitive («se faire», «se laisser», «se
# voir» + infinitive) or a completive of their own.
_INDIRECT_REFLEXIVE = frozenset(
    "parler téléphoner succéder plaire complaire déplaire mentir nuire rire sourire ressembler "
    "suffire convenir survivre écrire dire demander donner promettre permettre rendre imaginer "
    "figurer persuader accorder jurer poser acheter offrir procurer faire laisser voir entendre "
    "sentir regarder écouter falloir".split())
_NUMBER_WORD = {"sg": "singular", "pl": "plural"}
_ADJ_POS = frozenset({"adj", "ppas"})
_DET_POS = frozenset({"det", "detpos", "detdem", "detind", "detneg", "detex"})
_NOUN_POS = frozenset({"nom"})
# "1,4 millions": a number below two, not a group of a larger one ("1 1,4" is no number).
_BELOW_TWO_MILLIONS = re.compile(
    r"(?<![\d,.])(?<!\d[ \u00a0\u202f])1,\d+[ \u00a0\u202f](millions|milliards)\b")
# Prepositions after which an adjective may still belong to the noun before them.
_CARRIED_PREPOSITIONS = frozenset({"par", "pour", "sur", "avec", "dans", "en"})
_FUNCTION_POS = frozenset({"DET", "ADP", "PRON", "AUX", "CCONJ", "SCONJ", "PUNCT", "NUM", "PART"})
_FINITE_TAGS = frozenset({"ipre", "iimp", "ipsi", "ifut", "cond", "spre", "simp"})

# Determiners are a closed class whose forms sit in separate dictionary entries (le/la/les,
# un/une), so their paradigms are listed here: (masc. sg, fem. sg, plural, before a vowel sg).
_DET_PARADIGMS: tuple[tuple[str, str, str, str | None], ...] = (
    ("le", "la", "les", "l’"),
    ("un", "une", "des", None),
    ("ce", "cette", "ces", "cet"),
    ("mon", "ma", "mes", "mon"),
    ("ton", "ta", "tes", "ton"),
    ("son", "sa", "ses", "son"),
    ("du", "de la", "des", "de l’"),
    ("au", "à la", "aux", "à l’"),
    ("quel", "quelle", "quels", None),
    ("aucun", "aucune", "aucuns", None),
    ("certain", "certaine", "certains", None),
    ("tout", "toute", "tous", None),
    ("nul", "nulle", "nuls", None),
    ("notre", "notre", "nos", None),
    ("votre", "votre", "vos", None),
    ("leur", "leur", "leurs", None),
)
_DET_FORMS: dict[str, tuple[str, str, str, str | None]] = {}
for _paradigm in _DET_PARADIGMS:
    for _form in _paradigm[:3]:
        if " " not in _form:
            _DET_FORMS.setdefault(_form, _paradigm)  # "des" is un/une's plural before du's
_DET_FORMS["cet"] = _DET_FORMS["ce"]  # "cet fonctionnalité": a masculine form too
# Determiners of one number and no other form ("chaque", "plusieurs", "quelques"): on a number
# mismatch the noun is what changes ("chaque jours" -> "jour", "plusieurs personne" -> "personnes").
_NUMBER_ONLY_DETS = frozenset({"chaque", "plusieurs", "quelques"})
_PERSONS = {"je": "1sg", "j’": "1sg", "j'": "1sg", "tu": "2sg", "nous": "1pl", "vous": "2pl"}
# Month names: "le 14 juillet" is a date, not fourteen Julys.
_MONTHS = frozenset(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
)
_NUMBER_WORDS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100,
    "mille": 1000,
}
# Words that put a direct object before a participle conjugated with avoir ("la femme qu'il a
# épousée", "quelle robe as-tu choisie", "combien de lettres a-t-il écrites").
_FRONTED_OBJECTS = frozenset(
    "que qu’ qu' quel quelle quels quelles lequel laquelle lesquels lesquelles combien".split()
)
# Object pronouns before the auxiliary ("elle l'a épousée", "il nous a vus").
_OBJECT_CLITICS = frozenset("le la les l’ l' me m’ m' te t’ t' nous vous se s’ s'".split())
# Pronouns that are never what a detached participle agrees with.
_NOT_ANTECEDENTS = frozenset(
    "qui que qu’ qu' dont où ce c’ c' cela ça ceci y en se s’ s' quoi lequel laquelle".split()
)
_DEFINITE = frozenset({"le", "la", "les", "du", "des", "au", "aux"})
# Preposition + article contractions, tagged ADP: "près des usine" → "de l’usine", not "une".
_CONTRACTIONS = {
    "du": ("du", "de la", "des", "de l’"),
    "des": ("du", "de la", "des", "de l’"),
    "au": ("au", "à la", "aux", "à l’"),
    "aux": ("au", "à la", "aux", "à l’"),
}
# Words before a bare adjective + noun ("de grands scientifiques", "en bon ordre").
_BARE_OPENERS = frozenset({"de", "d’", "d'", "en"})
# Adverbs of degree inside a noun phrase ("les plus grandes villes", "une très belle vue").
_DEGREE = frozenset("plus moins très si aussi assez trop fort bien tout toute peu".split())
# Words after which an article is an object pronoun ("on les porte", "il la ferme").
_CLITIC_HOSTS = frozenset(
    "je j’ j' tu il elle on nous vous ils elles ne n’ n' qui que qu’ qu' me m’ m' te t’ t' se "
    "s’ s' comme".split()  # «comme le montre le graphique»: the subject after the verb
)
# Nouns French puts after another noun as its qualifier, without taking its gender ("des
# indicateurs clés", "des pays membres", "une date limite", "des produits phares").
_APPOSITIVE_NOUNS = frozenset(
    f"{noun}{s}" for noun in (
        "clé clef phare type modèle témoin pilote cible choc record limite standard éclair "
        "fantôme culte star vedette charnière tampon test membre mère école satellite"
    ).split() for s in ("", "s")
)
# Adverbial locutions after a noun, whose own noun an adjective after them never qualifies
# ("les ventes au détail américaines", "des liquidations à court terme enregistrées").
_LOCUTIONS = frozenset({
    ("à", "court", "terme"), ("à", "moyen", "terme"), ("à", "long", "terme"), ("au", "détail"),
    ("en", "gros"), ("en", "ligne"), ("en", "cours"), ("au", "comptant"), ("en", "temps", "réel"),
})
# Adjectives that open an invariable locution ("une cabine haut de gamme", "des offres bon
# marché", "une connexion haut débit").
_INVARIABLE_LOCUTIONS = frozenset({
    ("haut", "de", "gamme"), ("bas", "de", "gamme"), ("milieu", "de", "gamme"), ("bon", "marché"),
    ("meilleur", "marché"), ("haut", "débit"), ("dernier", "cri"),
})
# Conjunctions that join clauses, not predicates: what follows has a subject of its own.
_CLAUSE_CONJUNCTIONS = frozenset({"car", "or", "donc"})
# Pronouns before «des» and a plural noun: "l'un des sous-labels", "chacune des villes".
_ONE_OF = frozenset({"un", "une", "chacun", "chacune", "aucun", "aucune"})
# Nouns that head adverbial phrases whose following participle agrees elsewhere ("une fois
# arrivés, ils …").
_ADVERBIAL_NOUNS = frozenset({"fois"})
# Prefix-like adjectives invariable before a noun ("une demi heure", "à mi chemin").
_INVARIABLE_PREFIXES = frozenset({"demi", "mi", "semi", "nu", "feu"})
# Shades after a colour adjective: the compound is invariable ("des feuilles vert foncé").
_COLOUR_SHADES = frozenset(
    f"{stem}{end}" for stem, ends in (("clair", ("", "e", "s", "es")), ("foncé", ("", "e", "s", "es")),
                                      ("pâle", ("", "s")), ("sombre", ("", "s")), ("fluo", ("",)),
                                      ("vi", ("f", "ve", "fs", "ves")))
    for end in ends
)
# Possessives whose masculine form stands before a feminine noun starting with a vowel only.
_POSSESSIVE_MASC = frozenset({"mon", "ton", "son"})
# Determiners checked against the next word whatever the parse makes of them (it often files
# "quel" under "n'importe quel" or "quel que").
_LINEAR_DETS = frozenset({"quel", "quelle", "quels", "quelles"})
# tout + determiner + noun ("toute la journée"): (masc. sg, fem. sg, masc. pl, fem. pl).
_TOUT = {"tout": ("m", "sg"), "toute": ("f", "sg"), "tous": ("m", "pl"), "toutes": ("f", "pl")}
_TOUT_FORMS = {("m", "sg"): "tout", ("f", "sg"): "toute", ("m", "pl"): "tous", ("f", "pl"): "toutes"}
_SUBJECT_PRONOUNS = {
    "il": ("m", "sg"),
    "elle": ("f", "sg"),
    "ils": ("m", "pl"),
    "elles": ("f", "pl"),
}
# Quantity nouns whose verb and modifiers may agree with the complement ("la plupart des gens
# pensent", "une dizaine de personnes ont été tuées").
# Determiners that open a sentence's subject, and the number they say.
_OPENING_DETERMINERS = {
    "le": "sg", "la": "sg", "l’": "sg", "l'": "sg", "un": "sg", "une": "sg", "ce": "sg",
    "cet": "sg", "cette": "sg", "les": "pl", "des": "pl", "ces": "pl",
}  # fmt: skip
_CLOSING_QUOTES = frozenset({"»", "”", '"'})
_COORDINATES = frozenset({"latitude", "longitude"})
_OPENING_CLITICS = frozenset({"ne", "n’", "n'", "se", "s’", "s'"})
# Nouns that open adverbials of time, after which the subject may come after its verb.
_TIME_NOUNS = frozenset(
    "jour jours lendemain veille matin soir nuit semaine mois an année siècle fois heure moment "
    "été hiver automne printemps week-end".split()
)
_QUANTITY_NOUNS = frozenset(
    "plupart majorité minorité nombre moitié tiers quart totalité ensemble reste partie foule "
    "série multitude masse groupe dizaine douzaine quinzaine vingtaine trentaine quarantaine "
    "cinquantaine soixantaine centaine millier million milliard infinité poignée tas bon peu "
    "beaucoup trop".split()
)
# Nouns of kind and proportion whose verb may follow a plural complement ("ce genre de choses
# arrivent", "une proportion des élèves ont"), besides the quantity nouns.
_COLLECTIVES = frozenset(
    "genre genres sorte sortes type types espèce espèces forme catégorie proportion part "
    "pourcentage quantité bande troupe kyrielle myriade flopée paire couple liste variété "
    "ensemble".split()
)
# Participles used as prepositions are invariable before their noun ("vu les circonstances").
_INVARIABLE_BEFORE_NOUN = frozenset(
    "vu excepté passé compris attendu supposé approuvé étant ci-joint ci-inclus".split()
)
# Verbs whose subject "il" is impersonal ("il faut", "il y a", "il semble que").
_IMPERSONAL = frozenset(
    "falloir pleuvoir neiger sembler paraître agir rester suffire exister manquer valoir "
    "arriver convenir importer advenir résulter s'agir avoir être faire".split()
)
_ELIDABLE = "aàâeéèêëiîïoôuûyœæh"
# Words opening a subordinate clause before a subject pronoun ("s’il", "lorsqu’ils").
_SUBORDINATORS = frozenset(
    "s’ s' si quand lorsque lorsqu’ lorsqu' puisque puisqu’ puisqu' parce".split()
)
_ANTECEDENT_WINDOW = 12  # tokens searched before the pronoun for an antecedent
_ADVERBIAL_PHRASES = frozenset({("bien", "entendu"), ("bien", "sûr"), ("y", "compris")})
# Job titles now used with feminine determiners ("une auteur") that hunspell-fr's classic
# dictionary lists as masculine only.
_FEMINISED = frozenset(
    "auteur professeur docteur ingénieur chef médecin écrivain témoin successeur prédécesseur "
    "défenseur sculpteur assesseur gouverneur procureur proviseur censeur mannequin "
    "magistrat maire juge ministre peintre".split()
)


@dataclass(frozen=True)
class _Feats:
    gender: str | None  # "m" / "f" when known
    number: str | None  # "sg" / "pl" when known

    def describe(self) -> str:
        words = [_GENDER_WORD.get(self.gender or ""), _NUMBER_WORD.get(self.number or "")]
        return " ".join(w for w in words if w) or "unmarked"


def _describe(analyses: list[Analysis]) -> str:
    genders = {a.gender for a in analyses if a.gender in _GENDER_WORD}
    numbers = {a.number for a in analyses if a.number in _NUMBER_WORD}
    return _Feats(
        genders.pop() if len(genders) == 1 else None, numbers.pop() if len(numbers) == 1 else None
    ).describe()


def _unique(values: Iterable[str | None], allowed: tuple[str, ...]) -> str | None:
    found = set(values)
    if len(found) == 1:
        value = found.pop()
        return value if value in allowed else None
    return None


def _is_name(tok: Token) -> bool:
    """Capitalised words past the first word and proper nouns: names, titles, acronyms. A
    lower-case word spaCy calls PROPN ("le compagnie", "la côte occidental") is not a name."""
    text = tok.text
    if text[:1].isupper():
        return tok.pos_ == "PROPN" or tok.i > _first_word(tok.doc) or text.isupper()
    return tok.pos_ == "PROPN" and not text[:1].islower()


def _nominal(tok: Token) -> bool:
    """A common noun, including lower-case words the tagger misread as proper nouns."""
    return tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.text[:1].islower()


def _morph(tok: Token, feature: str) -> list[str]:
    return list(tok.morph.get(feature, []))


def _has_plural_de_complement(noun: Token) -> bool:
    """``un groupe de manifestants ont …``: the verb may agree with the complement."""
    return any(
        c.dep_ == "nmod" and c.i > noun.i and "Sing" not in _morph(c, "Number")
        and any(g.dep_ == "case" and g.lower_ in ("de", "d’", "d'", "des") for g in c.children)
        # a name is singular unless plural by its article ("le sous-sol de Richibouctou")
        and (not _is_name(c) or any(g.lower_ in ("des", "les") for g in c.children))
        for c in noun.children
    )


def _quantity(tok: Token) -> bool:
    """A quantity noun, singular or plural ("une centaine", "des centaines")."""
    lower = tok.lower_
    return lower in _QUANTITY_NOUNS or lower.endswith(("s", "x")) and lower[:-1] in _QUANTITY_NOUNS


def _definite_number(tok: Token) -> bool:
    """``le nombre de victimes a atteint``: unlike «un grand nombre de» (whose verb may follow
    the complement), «le nombre» is the subject itself, and it is singular."""
    return tok.lower_ == "nombre" and any(
        c.dep_ == "det" and c.lower_ in ("le", "ce") for c in tok.children)


def _number_value(text: str) -> float | None:
    """The value of a cardinal written in digits ("3", "1 500", "2,5", "1.500") or in words
    ("deux"). "1,460" (an English thousands separator, common in MT) reads as 1460."""
    lower = text.lower()
    if lower in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[lower])
    compact = text.replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    if _GROUPED_NUMBER.fullmatch(compact):
        return float(_GROUP_SEPARATOR.sub("", compact))
    if _PLAIN_NUMBER.fullmatch(compact):
        return float(compact.replace(",", "."))
    return None


# Nouns of large numbers, before which "1,416" is a decimal («1,416 milliard de dollars»).
_LARGE_NUMBERS = frozenset({"million", "milliard", "billion", "trillion", "millier"})
# Compiled once: _number_value reads every number of every sentence.
_GROUPED_NUMBER = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
_GROUP_SEPARATOR = re.compile(r"[.,]")
_PLAIN_NUMBER = re.compile(r"\d+(?:,\d+)?")


def _counted_plural(noun: Token) -> bool:
    """A noun counted by a cardinal of two or more ("deux bulldozer", "15 maison")."""
    return any(
        c.dep_ == "nummod" and c.i < noun.i and (value := _number_value(c.text)) is not None and value >= 2
        for c in noun.children
    )


def _coordinated_pronoun(pron: Token) -> bool:
    """A pronoun after «et», «ou», «ni» (not first in the sentence): one conjunct of a
    coordinated subject ("lui et elle viendront")."""
    return pron.i > 1 and pron.doc[pron.i - 1].lower_ in ("et", "ou", "ni")


def _slash_paired(tok: Token) -> bool:
    """A word paired with another by a slash ("les ratios long/short", "les prix achat/vente"):
    a label, not a modifier that agrees."""
    doc = tok.doc
    return any(0 <= k < len(doc) and doc[k].text == "/" for k in (tok.i - 1, tok.i + 1))


def _first_word(doc: Doc) -> int:
    # Asked for every capitalised word of a sentence: the last sentence's answer is kept (with
    # the Doc itself, so that the identity test cannot match a new Doc at a recycled address).
    global _first_word_last
    last_doc, last_index = _first_word_last
    if last_doc is doc:
        return last_index
    index = next((tok.i for tok in doc if tok.is_alpha), 0)
    _first_word_last = (doc, index)
    return index


_first_word_last: tuple[Doc | None, int] = (None, 0)


# Prepositions of a noun complement whose modifiers may agree with the noun above it.
_DE_CASES = frozenset({"de", "d'", "d’", "du", "des"})


class AgreementDetector(LexiconDetector):
    name = "agreement"
    codes = (
        Code("AGREEMENT-GENDER", Category.AGREEMENT, Severity.MINOR,
             "determiner, adjective or participle of the wrong gender: `lignes spéciaux` → "
             "`spéciales`, `un relique colonial` → `une relique coloniale`, `quel URL`"),
        Code("AGREEMENT-NUMBER", Category.AGREEMENT, Severity.MINOR,
             "the same for number, and a counted noun left singular: `1 482 naira` → `nairas`"),
        Code("AGREEMENT-GENDER-NUMBER", Category.AGREEMENT, Severity.MINOR,
             "both wrong: `créé` for `créées`"),
        Code("AGREEMENT-SUBJECT-VERB", Category.AGREEMENT, Severity.MINOR,
             "a finite verb that does not agree with its subject in number or person: "
             "`nous continuez` → `continuons`"),
        Code("AGREEMENT-PRONOUN-ANTECEDENT", Category.AGREEMENT, Severity.MINOR,
             "`s’il attaque` when the subject is `les ennemis potentiels`"),
    )
    requires = frozenset({PARSE})
    version = "15"

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        super().__init__(lexicon)
        self._class_cache: dict[str, frozenset[str]] = {}  # word -> _classes(word)
        # (word, parts of speech) -> _family(word, pos); as many entries as _class_cache per
        # part-of-speech set (a handful of module constants).
        self._family_cache: dict[tuple[str, frozenset[str]], tuple[Analysis, ...]] = {}

    def detect(self, ctx: DocumentContext) -> Iterable[Issue]:
        if ctx.parses is None:
            return
        for sentence, doc in zip(ctx.sentences, ctx.parses, strict=True):
            found: dict[tuple[int, int], Issue] = {}
            for issue in self._sentence(sentence, doc):
                found.setdefault((issue.start, issue.end), issue)
            for issue in self._below_two_millions(sentence):
                found.setdefault((issue.start, issue.end), issue)
            # A noun-phrase fix ("un relique colonial" -> "une relique coloniale") covers the
            # adjective issue inside it: one error, one issue.
            for (start, end), issue in found.items():
                if not any(s <= start and end <= e and (s, e) != (start, end) for s, e in found):
                    yield issue

    def _below_two_millions(self, sentence: Sentence) -> Iterator[Issue]:
        """``1,4 millions de personnes`` → ``1,4 million``: «million», «milliard» (nouns) stay
        singular for a number below two."""
        for m in _BELOW_TWO_MILLIONS.finditer(sentence.text):
            start = sentence.start + m.start(1)
            word = m.group(1)
            yield self.issue(
                sentence, start, start + len(word), Category.AGREEMENT, Severity.MINOR,
                "AGREEMENT-NUMBER", f"«{word[:-1]}» stays singular below two: «{m.group(0)[:-1]}».",
                word[:-1],
            )

    def _parsed(self, sentence: Sentence, doc: Doc) -> Iterator[Issue]:
        # The tokens that have a subject among their children, in one pass over the sentence
        # rather than one walk over each token's children (a token's children are the other
        # tokens whose head it is).
        with_subject = {
            c.head.i for c in doc
            if (c.dep_ in ("nsubj", "nsubj:pass") or c.dep_ == "expl:subj" and c.lower_ == "il")
            and c.head.i != c.i
        }  # fmt: skip
        for tok in doc:
            dep = tok.dep_
            lower = tok.lower_
            if dep == "det":
                yield from self._determiner(sentence, tok)
            elif dep == "case" and lower in _CONTRACTIONS and tok.head.i > tok.i:
                yield from self._determiner(sentence, tok)  # "des usine": de + les
            elif lower in _LINEAR_DETS and tok.i + 1 < len(doc):
                # "n'importe quel URL": the parse makes «quel» part of a fixed expression
                yield from self._determiner(sentence, tok, doc[tok.i + 1])
            if lower in _TOUT:
                yield from self._predeterminer(sentence, tok)
            elif dep in ("amod", "acl") or (dep == "conj" and tok.head.dep_ == "amod"):
                yield from self._modifier(sentence, tok)
            # The part of speech first: reading the morphology is the dearer test.
            if tok.pos_ == "VERB" and "Part" in _morph(tok, "VerbForm"):
                yield from self._avoir_participle(sentence, tok)
            if tok.i in with_subject:
                flagged = list(self._predicate(sentence, tok))
                yield from flagged
                yield from self._quantity_predicate(sentence, tok)
                if not flagged:
                    yield from self._auxiliary_number(sentence, tok)
            elif dep == "conj" and tok.head.i in with_subject and tok.head.i < tok.i:
                yield from self._conjunct_predicate(sentence, tok)
            if lower in _SUBJECT_PRONOUNS:
                yield from self._pronoun_verb(sentence, tok)
            elif lower in _PERSONS:
                yield from self._person_verb(sentence, tok)
            if tok.like_num or tok.pos_ == "NUM":
                yield from self._counted_noun(sentence, tok)
        yield from self._pronouns(sentence, doc)
        yield from self._initial_subject_verb(sentence, doc)
        yield from self._one_of(sentence, doc)
        yield from self._emphatic_pronouns(sentence, doc)
        yield from self._copula_attribute(sentence, doc)

    def _copula_attribute(self, sentence: Sentence, doc: Doc) -> Iterator[Issue]:
        """``Les deux segments de la rue ont semblé désert`` → ``déserts``: after a sentence's
        opening noun phrase (read from the lexicon: determiner or number, the noun, a «de»
        complement), a form of sembler, paraître, rester, demeurer or devenir, and an adjective
        that agrees with neither noun. The parse, misled by the error, links them badly; the
        words alone are enough. Adverbs may stand before the adjective ("reste très calme")."""
        opening = self._opening_phrase(doc)
        if opening is None:
            return
        noun, readings, number, i = opening
        gender = _unique((a.gender for a in readings), ("m", "f"))
        noun_number = _unique((a.number for a in readings), ("sg", "pl"))
        if number is not None and noun_number not in (None, number):
            return  # "les segment": the noun phrase's own error
        feats = _Feats(gender, number or noun_number)
        other: _Feats | None = None
        if i + 1 < len(doc) and doc[i].lower_ in _DE_CASES:
            j = i + 1
            if doc[j].pos_ == "DET":
                j += 1
            if j < len(doc) and doc[j].text.islower() and self._family(doc[j].text, _NOUN_POS):
                other = self._lexicon_feats(doc[j])
                i = j + 1
                while i < len(doc) and doc[i].text.islower() and self._adjective_only(doc[i]):
                    i += 1
        if i + 1 >= len(doc):
            return
        verb = doc[i]
        if self._finite_readings(verb) and self._copula(verb.text, finite=True):
            i += 1
        elif self._is_form_of(verb, "avoir") and self._copula(doc[i + 1].text, finite=False):
            i += 2
        else:
            return
        while i < len(doc) and doc[i].lower_ in _DEGREE_ADVERBS:
            i += 1
        if i >= len(doc):
            return
        attribute = doc[i]
        after = doc[i + 1] if i + 1 < len(doc) else None
        if not attribute.text.islower() or not self._family(attribute.text, _ADJ_POS) or (
            self._finite_readings(attribute)) or (
            after is not None and (after.pos_ in ("NOUN", "PROPN") or after.lower_ in _DE_CASES)
        ):
            return  # "reste chef de", "semble grand temps": not an attribute alone
        adjective = self._family(attribute.text, _ADJ_POS)
        gender_ok, number_ok = self._allows(adjective, feats)
        if gender_ok and number_ok or other is not None and all(self._allows(adjective, other)):
            return
        yield from self._flag(sentence, attribute, adjective, noun, feats, gender_ok, number_ok)

    def _copula(self, word: str, finite: bool) -> bool:
        """A form of a copular verb other than être: finite ("semblent") or the participle of
        its compound tense with avoir ("semblé")."""
        return any(a.lemma in _COPULAS and (bool(a.persons) if finite else "ppas" in a.pos)
                   for a in self.lexicon.analyses(word))

    def _emphatic_pronouns(self, sentence: Sentence, doc: Doc) -> Iterator[Issue]:
        """``La sous-clé Control lui-même peut`` → ``elle-même``: «lui-même», «elle-même»,
        «eux-mêmes», «elles-mêmes» right after the subject noun (and its name) take its gender
        and number. After an object ("il l'a dit à sa mère lui-même") it may be the subject's:
        left alone."""
        for tok in doc:
            if tok.lower_ not in _EMPHATIC or tok.i == 0:
                continue
            k = tok.i - 1
            while k > 0 and doc[k].dep_ in ("flat:name", "flat", "appos") and doc[k].pos_ == "PROPN":
                k -= 1
            noun = doc[k]
            if noun.pos_ != "NOUN" or not noun.dep_.startswith("nsubj") or not noun.text.islower():
                continue
            genders = {a.gender for a in self._family(noun.text, _NOUN_POS)}
            numbers = {a.number for a in self._family(noun.text, _NOUN_POS)}
            if len(genders) != 1 or len(numbers) != 1:
                continue
            gender, number = genders.pop(), numbers.pop()
            if gender not in ("m", "f") or number not in ("sg", "pl"):
                continue
            fix = _EMPHATIC_FORMS[(gender, number)]
            if fix == tok.lower_:
                continue
            fix = _match_initial(tok.text, fix)
            start = sentence.start + tok.idx
            yield self.issue(
                sentence, start, start + len(tok.text), Category.AGREEMENT, Severity.MINOR,
                _code(gender == _EMPHATIC[tok.lower_][0], number == _EMPHATIC[tok.lower_][1]),
                f"«{tok.text}» must agree with «{noun.text}» ({_GENDER_WORD[gender]} "
                f"{_NUMBER_WORD[number]}): «{fix}».", fix,
            )

    def _one_of(self, sentence: Sentence, doc: Doc) -> Iterator[Issue]:
        """``l'une des suspects`` → ``l'un des``, ``un des villes`` → ``une des``: the pronoun
        takes the gender of the plural noun after «des» (adjectives, numbers and «plus» may come
        between: "l'un des trois plus grands ports"). Epicene nouns ("l'une des élèves") and
        «la une des journaux» (the front page) are left alone."""
        for tok in doc:
            lower = tok.lower_
            if lower not in ("un", "une") or tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "des":
                continue
            if tok.i and doc[tok.i - 1].lower_ in ("la", "le", "les"):
                continue  # "la une des journaux"
            k = tok.i + 2
            while k < len(doc) and k < tok.i + 6 and (doc[k].pos_ in ("ADJ", "NUM", "ADV") or (
                # "un des meilleures joueurs": the tagger's noun is an adjective before the noun
                k + 1 < len(doc) and self._family(doc[k].text, _ADJ_POS)
                and doc[k + 1].pos_ == "NOUN" and doc[k + 1].text.islower()
                and self._family(doc[k + 1].text, _NOUN_POS)
            )):
                k += 1
            if k >= len(doc):
                continue
            noun = doc[k]
            if noun.pos_ != "NOUN" or not noun.text.islower() or not noun.is_alpha:
                continue
            genders = {a.gender for a in self._family(noun.text, _NOUN_POS) if a.number in ("pl", "inv")}
            if len(genders) != 1:
                continue
            gender = genders.pop()
            if gender not in ("m", "f"):
                continue
            fix = "un" if gender == "m" else "une"
            if fix == lower:
                continue
            fix = _match_initial(tok.text, fix)
            start = sentence.start + tok.idx
            yield self.issue(
                sentence, start, start + len(tok.text), Category.AGREEMENT, Severity.MINOR,
                "AGREEMENT-GENDER",
                f"«{tok.text} des {noun.text}» takes the gender of «{noun.text}» "
                f"({_GENDER_WORD[gender]}): «{fix}».", fix,
            )

    def _sentence(self, sentence: Sentence, doc: Doc) -> Iterator[Issue]:
        parsed = list(self._parsed(sentence, doc))
        yield from parsed
        taken = [(i.start, i.end) for i in parsed]
        for issue, (lo, hi) in self._phrases(sentence, doc):
            # The parse-based checks come first; a noun phrase they already flagged is theirs.
            if not any(s < hi and lo < e for s, e in taken):
                taken.append((lo, hi))
                yield issue

    # --- lexicon views ----------------------------------------------------------------------

    def _family(self, text: str, pos: frozenset[str]) -> list[Analysis]:
        # Cached per (word, parts of speech): the same few words are filtered many times per
        # sentence. A fresh list each call, so that no caller can change the cached readings.
        key = (text, pos)
        cached = self._family_cache.get(key)
        if cached is None:
            readings = [a for a in self.lexicon.analyses(text) if a.pos & pos]
            prefix, _, rest = text.partition("-")
            if not readings and rest and prefix.lower() in _PREFIXES:
                # "sous-clés", "ex-ministre", "co-fondatrice": a compound the dictionary lacks;
                # the noun after the prefix says its gender and number
                readings = [a for a in self.lexicon.analyses(rest) if a.pos & pos & _NOUN_POS]
            cached = self._family_cache[key] = tuple(readings)
        return list(cached)

    def _noun_readings(self, tok: Token) -> list[Analysis]:
        """The noun readings of a word; for a capitalised word that the lexicon has as a
        capitalised noun (``Inde``, ``URL``), that entry's only (not the masculine ``inde``)."""
        readings = self._family(tok.text, _NOUN_POS)
        if tok.text[:1].isupper():
            named = [a for a in readings if a.lemma[:1].isupper()]
            if named:
                return named
        return readings

    def _agrees_before_preposition(self, mod: Token, noun: Token) -> bool:
        """``mod`` after «par/pour/sur/avec/dans/en» + ``noun`` agrees in full with the noun right
        before that preposition: it may be that noun's («des ventes pour le premier trimestre
        supérieures aux estimations»)."""
        k = noun.i - 1
        doc = noun.doc
        while k > 0 and doc[k].pos_ in ("DET", "ADJ", "NUM") and noun.i - k <= 3:
            k -= 1
        if k < 1 or doc[k].lower_ not in _CARRIED_PREPOSITIONS or doc[k - 1].pos_ != "NOUN":
            return False
        return self._agrees(mod.text, _ADJ_POS, self._lexicon_feats(doc[k - 1]))

    @staticmethod
    def _passive_after_adverbial(mod: Token, noun: Token) -> bool:
        """A participle right after «être» and an adverbial phrase ending in ``noun`` («sera à
        l'avenir utilisée», «est dans tous les cas exclue»): the participle is the verb's."""
        if "Part" not in _morph(mod, "VerbForm"):
            return False
        doc = noun.doc
        for k in range(noun.i - 1, max(-1, noun.i - 6), -1):
            tok = doc[k]
            if tok.pos_ in ("AUX", "VERB"):
                return tok.lemma_ == "être" and k + 1 < noun.i and doc[k + 1].pos_ == "ADP"
            if tok.pos_ not in ("ADP", "DET", "ADJ", "NUM"):
                return False
        return False

    def _noun_only(self, tok: Token) -> bool:
        """A lower-case word the lexicon knows only as a noun, whatever the tagger made of it:
        «les danger potentiels», where the number mismatch made the tagger read a verb."""
        if tok.pos_ not in ("VERB", "ADJ") or not (tok.is_alpha and tok.text.islower()):
            return False
        analyses = self.lexicon.analyses(tok.text)
        return bool(analyses) and all(a.pos == _NOUN_POS for a in analyses)

    def _lexicon_noun(self, tok: Token) -> bool:
        """A capitalised word the lexicon knows as a noun and not as a name: common nouns in
        institution names (``Conseil``, ``Banque``), countries (``Inde``), acronyms (``URL``).
        ``Pierre`` (a first name), ``Fontaine`` (a surname), ``Paris`` (a place) are names."""
        if not tok.text[:1].isupper() or tok.pos_ in _FUNCTION_POS:
            return False  # not "La" (the article) as the note "la"
        analyses = self.lexicon.analyses(tok.text)
        if tok.text.isupper() and len(tok.text) > 1 and not any(
            a.lemma == tok.text for a in analyses
        ):
            return False  # "SAR" is not the noun "sar"
        return bool(analyses) and not any(a.pos & NAME_POS for a in analyses) and any(
            "nom" in a.pos for a in analyses
        )

    @staticmethod
    def _capitalised(tok: Token) -> bool:
        """Capitalised past the sentence's first word: part of a name or title."""
        return tok.text[:1].isupper() and tok.i > _first_word(tok.doc)

    def _named(self, tok: Token) -> bool:
        """A name, title or acronym whose gender the lexicon does not give."""
        return _is_name(tok) and not self._lexicon_noun(tok)

    def _noun_feats(self, noun: Token, spacy_fallback: bool = True) -> _Feats:
        """Gender and number of a noun: lexicon, else its determiner, else spaCy's morphology."""
        readings = self._noun_readings(noun)
        gender = _unique((a.gender for a in readings), ("m", "f"))
        number = _unique((a.number for a in readings), ("sg", "pl"))
        det = next((c for c in noun.children if c.dep_ == "det" and c.i < noun.i), None)
        if det is not None:
            det_readings = self._family(det.text, _DET_POS)
            det_gender = _unique((a.gender for a in det_readings), ("m", "f"))
            det_number = _unique((a.number for a in det_readings), ("sg", "pl"))
            # A noun has one gender: where the determiner contradicts it ("un relique"), the
            # determiner is wrong and the words agreeing with the noun follow the noun, except
            # for job titles the dictionary lists as masculine only ("une auteur reconnue").
            # A name takes the gender of what it names: its determiner decides ("la CAN").
            if gender is None or noun.lower_ in _FEMINISED or self._capitalised(noun):
                gender = det_gender or gender
            # Where the number is contradicted ("ces accord"), either word may be the error:
            # the number is unknown for everything else that agrees with the noun.
            number = det_number if number is None else (None if det_number not in (None, number)
                                                         else number)
        # spaCy's guess only for a word the lexicon lacks that still heads a determiner (a
        # bare non-word such as "deailleurs" is a spelling error, not a noun to agree with).
        if spacy_fallback and det is not None and not readings and not self.lexicon.known(noun.text):
            morph_gender = _morph(noun, "Gender")
            morph_number = _morph(noun, "Number")
            if gender is None and morph_gender in (["Masc"], ["Fem"]):
                gender = "m" if morph_gender == ["Masc"] else "f"
            if number is None and morph_number in (["Sing"], ["Plur"]):
                number = "sg" if morph_number == ["Sing"] else "pl"
        return _Feats(gender, number)

    def _coordination_feats(self, noun: Token) -> _Feats | None:
        """Features of ``noun et noun…`` (plural; masculine if any conjunct is), else None."""
        conjuncts = [c for c in noun.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        if not conjuncts:
            return None
        conjuncts += self._listed_before(noun)
        genders = [self._noun_feats(n).gender for n in (noun, *conjuncts)]
        if "m" in genders:
            gender: str | None = "m"
        elif all(g == "f" for g in genders):
            gender = "f"
        else:
            gender = None
        return _Feats(gender, "pl")

    @staticmethod
    def _listed_before(noun: Token) -> list[Token]:
        """The members of a list before ``noun`` that the parse did not coordinate with it
        («de modèles de ralentissement, de réunions et de courbes»: «ralentissement» before
        «réunions»), read on the surface: each member is a noun right before a comma, with the
        same preposition (or none) as the member after it."""
        doc = noun.doc
        members: list[Token] = []
        current = noun
        while True:
            cases = [c.lower_ for c in current.children if c.dep_ == "case" and c.i < current.i]
            first = min([c.i for c in current.children if c.dep_ in ("case", "det") and c.i < current.i]
                        + [current.i])
            if first < 2 or doc[first - 1].text != "," or doc[first - 2].pos_ != "NOUN":
                return members
            previous = doc[first - 2]
            if [c.lower_ for c in previous.children if c.dep_ == "case" and c.i < previous.i] != cases:
                return members
            members.append(previous)
            current = previous

    @staticmethod
    def _allows(readings: list[Analysis], feats: _Feats) -> tuple[bool, bool]:
        """(gender possible, number possible) for some reading; unmarked readings allow all."""
        gender_ok = feats.gender is None or any(
            a.gender is None or a.allows_gender(feats.gender) for a in readings
        )
        number_ok = feats.number is None or any(
            a.number is None or a.allows_number(feats.number) for a in readings
        )
        both_ok = any(
            (feats.gender is None or a.gender is None or a.allows_gender(feats.gender))
            and (feats.number is None or a.number is None or a.allows_number(feats.number))
            for a in readings
        )
        if gender_ok and number_ok and not both_ok:
            return False, False  # "spéciale" for masculine plural: each alone, never together
        return gender_ok, number_ok

    def _agrees(self, word: str, pos: frozenset[str], feats: _Feats) -> bool:
        readings = self._family(word, pos)
        return not readings or all(self._allows(readings, feats))

    # --- determiner -> noun -----------------------------------------------------------------

    def _determiner(self, sentence: Sentence, det: Token, noun: Token | None = None) -> Iterator[Issue]:
        noun = det.head if noun is None else noun
        lower = det.text.lower()
        doc = det.doc
        known = lower in _DET_FORMS or lower in _NUMBER_ONLY_DETS
        if noun.i <= det.i or self._named(noun) or not known:
            return
        if not (_nominal(noun) or self._lexicon_noun(noun) or self._noun_only(noun)) and not (
            noun.pos_ == "ADJ" and self._family(noun.text, _NOUN_POS)
            and not self._family(noun.text, _ADJ_POS)
        ):
            return  # a noun the tagger called an adjective ("la métal") still counts
        if any(t.pos_ not in ("ADJ", "ADV", "NUM") for t in doc[det.i + 1 : noun.i]):
            return
        if any(t.pos_ == "ADJ" and self._family(t.text, _NOUN_POS) and not self._family(t.text, _ADJ_POS)
               for t in doc[det.i + 1 : noun.i]):
            return  # "une passerelle cloud": the tagger's adjective is the noun, the head
        det_readings = self._family(det.text, _DET_POS)
        if any(t.is_digit for t in doc[det.i + 1 : noun.i]) and not any(
            a.number == "pl" for a in det_readings
        ):
            return  # "au 24 rue des Archives", "le 14 juillet": an address or a date
        after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        if after is not None and (after.text.startswith("-") or not noun.whitespace_ and
                                  after.is_alpha):
            return  # a compound the tokenizer split ("les hit-parades")
        if after is not None and self._english_compound(after):
            return  # "les stop loss": an English compound keeps its English number
        if noun.lower_ == "côté" and after is not None and (
            after.pos_ in ("NOUN", "PROPN") or after.is_alpha and self._family(after.text, _NOUN_POS)
        ):
            return  # "plusieurs langues côté client": the invariable locution
        if after is not None and self._family(noun.text, _ADJ_POS) and (
            after.pos_ in ("NOUN", "PROPN")
            or after.text[:1].islower() and self._agrees(det.text, _DET_POS, self._lexicon_feats(after))
            and self._family(after.text, _NOUN_POS)
            and (after.pos_ != "ADJ" or not self._family(after.text, _ADJ_POS))
            and after.pos_ != "AUX"
            and not any("ppre" in a.pos for a in self.lexicon.analyses(after.text))
        ):
            # "la sublime Marion Cotillard", "une large place", "sa pire performance" (the
            # tagger took the adjective for the noun): the head comes later
            return
        readings = self._noun_readings(noun)
        if not readings or not det_readings:
            return
        if self._capitalised(noun) and (
            lower in _DEFINITE and noun.text.isupper()
            or after is not None and (after.text[:1].isupper() or after.text[:1].isdigit())
        ):
            # "la CAN 2010", "la TI", "le Renaissance Center", "le Fortune 500": an organisation,
            # a title or a list
            return
        prev = doc[det.i - 1] if det.i else None
        clitic = (
            lower in ("le", "la", "les")
            and prev is not None
            and (prev.pos_ in ("PROPN", "PRON") or prev.dep_.startswith("nsubj")
                 or prev.lower_ in _CLITIC_HOSTS)
            and any(a.persons for a in self.lexicon.analyses(noun.text))
        )
        noun_feats = _Feats(
            _unique((a.gender for a in readings), ("m", "f")),
            # Names of peoples and brands keep their singular ("les Tutsi", "les Ford").
            None if self._capitalised(noun) else _unique((a.number for a in readings),
                                                         ("sg", "pl")),
        )
        gender_ok, number_ok = self._allows(det_readings, noun_feats)
        if gender_ok and number_ok or clitic:
            # a mismatch before a verb form is an object pronoun: "Bergman le visite", "comme le
            # montre le graphique", "ainsi que le prévoit la loi" (the subject after the verb)
            return
        if not gender_ok and noun_feats.gender == "m" and noun.lower_ in _FEMINISED:
            return  # "une auteur": the classic dictionary only lists the masculine
        if not gender_ok and number_ok and noun_feats.gender == "f" and self._nominalised(det, noun):
            return  # an adjective made a noun: "le statique rencontre le dynamique", "le pratique"
        message = (
            f"«{det.text}» ({_describe(det_readings)}) must agree with «{noun.text}» "
            f"({noun_feats.describe()})"
        )
        one_of = lower == "des" and prev is not None and prev.lower_ in _ONE_OF
        if gender_ok and (lower in _NUMBER_ONLY_DETS or one_of or self._noun_number_wrong(noun, noun_feats)):
            # "les colline subcarpathiques", "aucune étoiles", "l'un des sous-label": the noun is
            # the odd one out.
            det_number = "pl" if noun_feats.number == "sg" else "sg"
            forms = [f for f in self.lexicon.inflect(noun.text, gender=noun_feats.gender,
                                                     number=det_number, pos="nom")
                     if f != noun.text]
            prefix, _, rest = noun.text.partition("-")
            if not forms and rest and prefix.lower() in _PREFIXES:
                # "sous-label": a compound the dictionary lacks inflects its noun
                forms = [f"{prefix}-{f}" for f in self.lexicon.inflect(
                    rest, gender=noun_feats.gender, number=det_number, pos="nom") if f != rest]
            if forms:
                start = sentence.start + noun.idx
                yield self.issue(sentence, start, start + len(noun.text), Category.AGREEMENT,
                                 Severity.MINOR, "AGREEMENT-NUMBER", message, forms[0])
            return
        if lower in _NUMBER_ONLY_DETS:
            return
        paradigm = _DET_FORMS[lower]
        if det.dep_ == "case" and not (
            lower == "des" and (prev is None or prev.pos_ in ("VERB", "AUX", "CCONJ", "PUNCT"))
        ):
            paradigm = _CONTRACTIONS[lower]  # "près des usine": de + les; "est des commune": an article
        target = self._det_form(lower, paradigm, noun_feats, doc[det.i + 1].text)
        if target is None:
            return
        place = noun.text[:1].isupper() and any(a.lemma[:1].isupper() for a in readings)
        if lower in ("au", "aux") and place:
            # "au France": a place takes «en» ("vivre en France") or «à la» ("donner à la
            # France"): the verb decides, which no agreement rule reads; no suggestion.
            start = sentence.start + det.idx
            yield self.issue(sentence, start, start + len(det.text), Category.AGREEMENT,
                             Severity.MINOR, _code(gender_ok, number_ok),
                             message + f": «en» before a place («en {noun.text}»), «{target}» otherwise")
            return
        suggestion = target if det.text[:1].islower() else target[:1].upper() + target[1:]
        start = sentence.start + det.idx
        end = start + len(det.text)
        if suggestion.endswith("’"):  # "le escalade" → "l’escalade": up to the next word
            end = sentence.start + doc[det.i + 1].idx
        code = _code(gender_ok, number_ok)
        phrase = self._phrase_fix(det, noun, noun_feats) if not gender_ok else None
        if phrase is not None:
            # "un relique colonial" → "une relique coloniale": the adjectives that agree with
            # the determiner rather than the noun are part of the same error.
            last, replacements = phrase
            stop = last.idx + len(last.text)
            text = sentence.text[det.idx : stop]
            fixed = suggestion + text[end - sentence.start - det.idx :]
            shift = len(suggestion) - (end - start)
            for tok, form in sorted(replacements, key=lambda r: -r[0].i):
                at = tok.idx - det.idx + shift
                fixed = fixed[:at] + form + fixed[at + len(tok.text) :]
            message += "; so must " + ", ".join(f"«{t.text}»" for t, _ in replacements)
            yield self.issue(sentence, start, sentence.start + stop, Category.AGREEMENT,
                             Severity.MINOR, code, message, fixed)
            return
        yield self.issue(sentence, start, end, Category.AGREEMENT, Severity.MINOR, code, message,
                         suggestion)

    def _nominalised(self, det: Token, noun: Token) -> bool:
        """A masculine singular determiner before a feminine noun that is also an adjective able
        to be masculine singular: the adjective made a noun ("le dynamique", "le pratique")."""
        return self._agrees(det.text, _DET_POS, _Feats("m", "sg")) and any(
            a.gender in ("m", "epi", None) and a.number in ("sg", "inv", None)
            for a in self._family(noun.text, _ADJ_POS)
        )

    def _predeterminer(self, sentence: Sentence, tout: Token) -> Iterator[Issue]:
        """``tout la journée`` → ``toute``: *tout* before a determiner and its noun takes the
        noun's gender and number. A plural *tous* after a verb may float off the subject ("ils
        ont tous la même voiture"): only singular forms, or plurals after a preposition or at
        the start, are checked."""
        doc = tout.doc
        if tout.i + 2 >= len(doc):
            return
        det = doc[tout.i + 1]
        noun = det.head
        if det.dep_ != "det" or det.lower_ not in _DET_FORMS or noun.i <= det.i:
            return
        if not _nominal(noun) or self._named(noun) or any(
            t.pos_ not in ("ADJ", "ADV") for t in doc[det.i + 1 : noun.i]
        ):
            return
        gender, number = _TOUT[tout.lower_]
        prev = doc[tout.i - 1] if tout.i else None
        if number == "pl" and prev is not None and prev.pos_ not in ("ADP", "PUNCT", "CCONJ"):
            return
        feats = self._lexicon_feats(noun)
        det_feats = _Feats(
            _unique((a.gender for a in self._family(det.text, _DET_POS)), ("m", "f")),
            _unique((a.number for a in self._family(det.text, _DET_POS)), ("sg", "pl")),
        )
        if feats.gender is None or feats.number is None or det_feats.number not in (None, feats.number) \
                or det_feats.gender not in (None, feats.gender):
            return  # the determiner disagrees too: that error is the determiner's
        if (gender, number) == (feats.gender, feats.number):
            return
        if noun.lower_ in _FEMINISED:
            return
        target = _match_initial(tout.text, _TOUT_FORMS[(feats.gender, feats.number)])
        start = sentence.start + tout.idx
        message = (f"«{tout.text}» ({_Feats(gender, number).describe()}) must agree with "
                   f"«{noun.text}» ({feats.describe()})")
        code = _code(gender == feats.gender, number == feats.number)
        yield self.issue(sentence, start, start + len(tout.text), Category.AGREEMENT,
                         Severity.MINOR, code, message, target)

    def _lexicon_feats(self, tok: Token) -> _Feats:
        readings = self._noun_readings(tok)
        return _Feats(_unique((a.gender for a in readings), ("m", "f")),
                      _unique((a.number for a in readings), ("sg", "pl")))

    def _phrase_fix(
        self, det: Token, noun: Token, feats: _Feats
    ) -> tuple[Token, list[tuple[Token, str]]] | None:
        """Adjectives next to the noun (between the determiner and it, or right after it) that
        agree with the wrong determiner instead of the noun, with their corrected forms; the
        last token of the phrase to rewrite. None when no adjective needs to change."""
        doc = det.doc
        members = list(doc[det.i + 1 : noun.i])
        k = noun.i + 1
        while k < len(doc) and doc[k].dep_ == "amod" and doc[k].head.i == noun.i:
            members.append(doc[k])
            k += 1
        replacements = []
        for tok in members:
            if tok.pos_ not in ("ADJ", "VERB") or not tok.text.islower():
                continue
            readings = self._family(tok.text, _ADJ_POS)
            if not readings or all(self._allows(readings, feats)):
                continue
            forms = [f for f in self.lexicon.inflect(
                tok.text, gender=feats.gender,
                number=feats.number or _unique((a.number for a in readings), ("sg", "pl")),
                pos="adj" if any("adj" in a.pos for a in readings) else "ppas",
            ) if f != tok.text]
            if not forms:
                return None  # an adjective we cannot fix: leave the phrase to the determiner
            replacements.append((tok, forms[0]))
        if not replacements:
            return None
        return max((t for t, _ in replacements), key=lambda t: t.i), replacements

    def _noun_number_wrong(self, noun: Token, feats: _Feats) -> bool:
        """On a number mismatch, whether the noun (not the determiner) should change: its
        adjectives side with the determiner, or the determiner is rarely plural (aucun, chaque)."""
        det = next((c for c in noun.children if c.dep_ == "det"), None)
        if det is not None and det.lower_ in ("aucun", "aucune", *_NUMBER_ONLY_DETS):
            return True
        numbers = [
            _unique((a.number for a in self._family(c.text, _ADJ_POS)), ("sg", "pl"))
            for c in noun.children if c.dep_ == "amod"
        ]
        if noun.dep_ in ("nsubj", "nsubj:pass"):  # "ces accord ont été signés"
            pred = noun.head
            verb = self._finite(pred)
            if verb is not None:
                numbers.append(_unique((a.number for a in self._finite_readings(verb)),
                                       ("sg", "pl")))
            if "Part" in _morph(pred, "VerbForm"):
                numbers.append(_unique((a.number for a in self._family(pred.text, _ADJ_POS)),
                                       ("sg", "pl")))
        votes = [n != feats.number for n in numbers if n is not None]
        return bool(votes) and all(votes)

    @staticmethod
    def _noun_conjunct_plural(noun: Token) -> bool:
        return noun.dep_ == "conj" or any(c.dep_ == "conj" for c in noun.children)

    def _det_form(
        self, det: str, paradigm: tuple[str, str, str, str | None], feats: _Feats, next_word: str
    ) -> str | None:
        masc, fem, plural, before_vowel = paradigm
        current_gender = "f" if det == fem and fem != masc else ("m" if det == masc else None)
        number = feats.number or ("pl" if det == plural else "sg")
        gender = feats.gender or current_gender
        if number == "pl":
            form = plural
        elif gender == "f":
            form = fem
        elif gender == "m":
            form = masc
        else:
            return None
        vowel = next_word[:1].lower() in _ELIDABLE and self.lexicon.known("l'" + next_word)
        # before a vowel: "l’" and "mon" for both genders, "cet" for the masculine only
        # ("cette agglomération", not "cet")
        if number == "sg" and vowel and before_vowel is not None and (masc != "ce" or gender == "m"):
            form = before_vowel
        return None if form == det else form

    # --- modifier -> noun -------------------------------------------------------------------

    def _modifier(self, sentence: Sentence, mod: Token) -> Iterator[Issue]:
        coordinated = mod.dep_ == "conj" or self._in_adjective_list(mod)
        noun = mod.head.head if mod.dep_ == "conj" else mod.head
        if not (_nominal(noun) or self._lexicon_noun(noun)) or (
            mod.pos_ == "NOUN" and not self._adjective_tagged_noun(mod)
        ) or (self._named(noun) or _is_name(mod)):
            return
        if mod.dep_ == "acl" and not self._attributive_participle(mod):
            return
        if mod.i > noun.i and self._only_verb_of_sentence(mod):
            return  # "Le trajet dure entre 2 et 3 heures": the tagger's adjective is the verb
        if noun.i + 1 == mod.i and self._person_noun_adjunct(mod):
            return  # "l'expérience utilisateur", "la commande client": a noun, invariable
        before_mod = mod.doc[mod.i - 1] if mod.i else None
        if before_mod is not None and before_mod.lower_ in _COMPARATIVE_WORDS and mod.i > noun.i:
            return  # "des pertes plus importantes que prévu", "comme convenu": invariable
        if mod.i > noun.i and self._ends_locution(noun):
            return  # "les ventes au détail américaines": the noun before the locution's
        if mod.i > noun.i and self._agrees_before_preposition(mod, noun):
            return  # "14,78 dollars par action prévus", "des ventes pour le trimestre supérieures"
        if mod.i > noun.i and self._passive_after_adverbial(mod, noun):
            return  # "sera à l'avenir utilisée": the participle of «sera», not of «avenir»
        if mod.i < noun.i and (
            mod.lower_ in _INVARIABLE_BEFORE_NOUN
            or any(t.pos_ not in ("ADJ", "ADV", "CCONJ", "PUNCT") for t in noun.doc[mod.i + 1 : noun.i])
        ):
            return  # "vu les circonstances"; a prenominal adjective sits next to its noun
        if mod.i < noun.i and not self._prenominal(mod):
            return  # a participle goes after its noun: "sans sus décalage" is a compound
        determined = any(c.dep_ == "det" or c.dep_ == "case" and c.lower_ in _CONTRACTIONS
                         for c in noun.children)
        if not determined and mod.i < noun.i and self._family(mod.text, _NOUN_POS):
            return  # "(simple dames)": without a determiner, «simple» may be the noun
        if not determined and mod.i > noun.i and noun.i and noun.doc[noun.i - 1].pos_ == "NOUN" and (
            self._agrees(mod.text, _ADJ_POS, self._lexicon_feats(noun.doc[noun.i - 1]))
        ):
            # "les droits d'accès utilisateur suivants": a bare noun in a compound; the adjective
            # agrees with the noun before it (not "l'océan Indien méridionale")
            return
        if not determined and noun.i and noun.doc[noun.i - 1].is_alpha and not self.lexicon.known(
            noun.doc[noun.i - 1].text
        ):
            return  # "Knowledge base portal": English around a French-looking word
        if mod.i > noun.i:
            between = noun.doc[noun.i + 1 : mod.i]
            if any(t.pos_ in ("VERB", "AUX", "PRON") and not self._noun_like(t) for t in between):
                return  # a clause stands between them ("veneur, qui l'avait élevée")
            if any(t.pos_ == "ADP" for t in between) and not any(
                t.pos_ in ("NOUN", "PROPN") or self._noun_like(t) for t in between
            ):
                return  # "arcs à double volée": a preposition without its noun, a tagging slip
        if self._measure(noun) or self._fixed_context(mod, noun):
            return
        if _quantity(noun):
            complement = self._quantity_modifier_wrong(mod, noun)
            if complement is None:
                return  # "une dizaine de personnes tuées": it may agree with the complement
            noun = complement  # "une série de dessins réalisées" → "réalisés", as a rule
        readings = self._family(mod.text, _ADJ_POS)
        if not readings or self._ambiguous_modifier(mod, readings):
            return
        before = mod.doc[mod.i - 1] if mod.i else None
        if before is not None and before.i != noun.i and before.text.islower() and (
            before.i > 0 and mod.doc[before.i - 1].pos_ in ("ADP", "DET")
            and self._prenominal(before)
            and any(self._agrees(before.text, _ADJ_POS, _Feats(a.gender, a.number))
                    for a in self._family(mod.text, _NOUN_POS))
        ):
            return  # "des arcs à double volée": an adjective and its noun, not a participle
        feats = self._noun_feats(noun)
        if coordinated and feats.number != "sg":
            # "les langues anglaise et française": each adjective names one of a plural noun's
            # members; a singular noun has one, so "un plan innovants et créatifs" is wrong
            feats = _Feats(feats.gender, None)
        gender_ok, number_ok = self._allows(readings, feats)
        if gender_ok and number_ok:
            return
        if any(self._agrees(mod.text, _ADJ_POS, f) for f in self._alternative_heads(mod, noun)):
            return
        yield from self._flag(sentence, mod, readings, noun, feats, gender_ok, number_ok)

    def _only_verb_of_sentence(self, tok: Token) -> bool:
        """A word read as a conjugated verb in a sentence with no verb tagged, or with no other
        finite verb when the tagger reads this one as finite («la traduction automatique traduit
        également le titre»): it is the verb."""
        finite = "Fin" in _morph(tok, "VerbForm")
        if any(t.pos_ in ("VERB", "AUX") and (not finite or t.i != tok.i and "Fin" in _morph(t, "VerbForm"))
               for t in tok.doc):
            return False
        return any("v" in a.pos and a.tenses & {"ipre", "iimp", "ifut", "ipsi"}
                   for a in self.lexicon.analyses(tok.text))

    @staticmethod
    def _de_complement(noun: Token) -> bool:
        """A noun complement introduced by «de» (``l'album de photos``) or bare, whose modifier
        may agree with the noun above it; not one of «à», «pour», «sur» with its determiner (``le
        soutien à l'intégrité territoriale``: «territoriale» is the integrity's)."""
        cases = [c for c in noun.children if c.dep_ == "case"]
        if not cases or any(c.lower_ in _DE_CASES for c in cases):
            return True
        # a bare noun may be a compound's ("un jouet pour femmes constitué de billes")
        return not any(c.dep_ == "det" for c in noun.children)

    def _adjective_tagged_noun(self, mod: Token) -> bool:
        """A word the dictionary knows only as an adjective, which the tagger calls a noun
        (``un plan innovants``), or a word coordinated with one (``innovants et créatifs``)."""
        def adjective_only(tok: Token) -> bool:
            readings = self.lexicon.analyses(tok.text.lower())
            return bool(readings) and all(a.pos <= {"adj", "ppas"} for a in readings)

        if mod.dep_ == "amod":
            return adjective_only(mod)
        return mod.dep_ == "conj" and mod.head.dep_ == "amod" and adjective_only(mod.head)

    def _alternative_heads(self, mod: Token, noun: Token) -> Iterator[_Feats]:
        """Features of other nouns the modifier may in fact agree with (the parse is noisy)."""
        doc = noun.doc
        top = noun
        while top.dep_ == "conj" and top.head.pos_ in ("NOUN", "PROPN"):
            top = top.head
        coordination = self._coordination_feats(top)
        if coordination is not None and mod.i > noun.i:
            yield coordination  # "au film noir et au cinéma social américains"
        # Nouns the parsed head depends on: "l'album de photos exposé", "une équipe de
        # chercheurs conduite", "le classement académique des universités mondiales établi".
        up = top
        while (up.dep_ == "nmod" or up.dep_.startswith("obl")) and up.head.i < up.i and (
            self._de_complement(up)
        ):
            up = up.head
            if up.pos_ == "ADJ" and up.dep_ == "amod" or (
                up.pos_ == "VERB" and up.dep_ == "acl" and "Part" in _morph(up, "VerbForm")
            ):
                up = up.head  # "des cas présumés de corruption liés": «présumés» is the cases'

            if up.pos_ != "NOUN" and not self._noun_like(up):
                break  # «tremblement» tagged ADJ in "type de tremblement de terre peu profond"
            yield self._noun_feats(up)
        lo, hi = sorted((mod.i, noun.i))
        for other in doc[lo + 1 : hi]:
            if other.pos_ == "NOUN" or self._noun_like(other):
                yield self._noun_feats(other)
            elif other.pos_ == "PROPN" and other.i > noun.i and not (
                other.i and doc[other.i - 1].lower_ == "les"
            ):
                # a name is singular: "les effets d'Aclasta administré" may be right
                yield _Feats(self._noun_feats(other).gender, "sg")
            elif other.pos_ == "PROPN" and any(
                c.dep_ == "amod" and other.i < c.i < mod.i for c in other.children
            ):
                # Proper nouns standing between do not count ("les lignes entre la Russie et
                # les États-Unis créés"), unless already modified ("la Shoah roumaine mise").
                yield self._noun_feats(other)

    def _quantity_modifier_wrong(self, mod: Token, noun: Token) -> Token | None:
        """For a modifier of a quantity noun that agrees neither with it nor with its "de"
        complement ("une série de dessins réalisées"), the complement; else (or with unknown
        features) None."""
        complements = [c for c in noun.children if c.dep_ == "nmod" and c.i > noun.i
                       and _nominal(c) and c.i < mod.i and not self._ends_locution(c)]
        options = [self._noun_feats(n, spacy_fallback=False) for n in (noun, *complements)]
        if len(complements) != 1 or any(f.gender is None or f.number is None for f in options):
            return None
        if any(self._agrees(mod.text, _ADJ_POS, f) for f in options):
            return None
        return complements[0]

    def _noun_like(self, tok: Token) -> bool:
        """A lower-case word the tagger took for a pronoun or verb that the lexicon only knows
        as a noun ("de l'abbaye cistercienne": «abbaye» tagged PRON)."""
        if tok.pos_ == "NOUN" or not tok.text[:1].islower():
            return False
        analyses = self.lexicon.analyses(tok.text)
        return bool(analyses) and all(a.pos == _NOUN_POS for a in analyses)

    @staticmethod
    def _measure(noun: Token) -> bool:
        """``rester 20 ans accrochées``, ``1 an placés``: a counted noun is often not the head."""
        return any(c.dep_ == "nummod" for c in noun.children)

    def _ambiguous_modifier(self, tok: Token, readings: list[Analysis]) -> bool:
        """Words whose modifier reading is doubtful: numerals ("ils étaient neuf"), present
        participles ("vivant", "affluent"), nouns from another entry ("prestations retraite")
        unless spaCy reads a participle ("mesures adoptés")."""
        analyses = self.lexicon.analyses(tok.text)
        if any(a.pos & {"nb", "ppre"} for a in analyses):
            return True
        if tok.pos_ == "VERB" and "Part" in _morph(tok, "VerbForm"):
            return False
        adj_lemmas = {a.lemma for a in readings}
        return any("nom" in a.pos and a.lemma not in adj_lemmas for a in analyses)

    def _in_adjective_list(self, mod: Token) -> bool:
        """``les alphabets phénicien, grec et romain``: one of several coordinated adjectives."""
        doc = mod.doc
        for link, other in ((mod.i + 1, mod.i + 2), (mod.i - 1, mod.i - 2)):
            if not 0 <= other < len(doc) or doc[link].text not in (",", "et", "ou"):
                continue
            readings = self._family(doc[other].text, _ADJ_POS)
            if doc[link].text != "," and readings:
                return True
            if any("ppas" not in a.pos for a in readings) and mod.pos_ == "ADJ":
                # after a comma, two adjectives proper: not "une commune, située", nor
                # "une commune française, située" (a participle in apposition)
                return True
        return any(c.dep_ == "conj" and c.pos_ in ("ADJ", "VERB") for c in mod.children)

    def _fixed_context(self, mod: Token, noun: Token) -> bool:
        doc = mod.doc
        nouns = self._family(mod.text, _NOUN_POS)
        prev = doc[mod.i - 1] if mod.i else None
        nxt = doc[mod.i + 1] if mod.i + 1 < len(doc) else None
        if nxt is not None and (nxt.text.startswith("-") or mod.text.endswith("-")):
            return True  # compounds: "demi-heure", "nouveau-né"
        if prev is not None and prev.lower_ in ("plus", "moins", "mieux") and not (
            mod.i + 1 == noun.i and mod.i > 1 and doc[mod.i - 2].pos_ == "DET"
        ):
            # superlatives ("des plus délicates", "parmi les plus importants"); but "son plus
            # haut niveau" agrees with the noun that follows
            return True
        if prev is not None and prev.lower_ in ("«", '"', "“"):
            return True  # quotes
        if prev is not None and prev.pos_ == "PUNCT" and mod.i > noun.i and (
            mod.pos_ != "VERB" or nouns
        ) and self._some_antecedent(mod):
            return True  # after a comma: often an apposition ("une rivière, affluent de …")
        if mod.lower_ == "grand" and noun.i == mod.i + 1 and self.lexicon.analyses(f"grand-{noun.text}"):
            return True  # invariable in old compounds: "grand chose", "grand mère"
        if self._colour_compound(mod):
            return True
        if _opens_locution(doc, mod.i):
            return True
        if mod.i > noun.i and self._avoir_l_air(noun):
            return True
        if prev is not None and (prev.lower_, mod.lower_) in _ADVERBIAL_PHRASES:
            return True
        return False

    def _apposed_noun(self, noun: Token, before: list[Token]) -> bool:
        """``noun``, a noun French puts in apposition as a qualifier (_APPOSITIVE_NOUNS), after a
        noun the tagger makes its head, in the same number: «des indicateurs clés», «les pays
        membres», not an adjective before its noun («des meilleures joueurs»)."""
        if noun.lower_ not in _APPOSITIVE_NOUNS:
            return False
        if not before or before[-1].pos_ != "NOUN" or noun.head.i != before[-1].i:
            return False
        numbers = {a.number for a in self._noun_readings(before[-1])}
        return any(a.number in numbers for a in self._noun_readings(noun))

    @staticmethod
    def _ends_locution(noun: Token) -> bool:
        """``noun`` ends an adverbial locution after another noun (_LOCUTIONS)."""
        doc = noun.doc
        return any(
            noun.i >= len(words)
            and tuple(t.lower_ for t in doc[noun.i - len(words) + 1 : noun.i + 1]) == words
            and doc[noun.i - len(words)].pos_ in ("NOUN", "ADJ", "PROPN")
            for words in _LOCUTIONS
        )

    @staticmethod
    def _avoir_l_air(noun: Token) -> bool:
        """«air» in «avoir l'air»: the adjective after it may agree with the subject («elles ont
        l'air affreuses»)."""
        doc = noun.doc
        return (noun.lower_ == "air" and noun.i >= 2 and doc[noun.i - 1].lower_ in ("l'", "l’")
                and doc[noun.i - 2].lemma_ == "avoir")

    def _person_noun_adjunct(self, mod: Token) -> bool:
        """A masculine singular noun of persons (also read as an adjective: «utilisateur»,
        «client»), put bare after a noun: technical French's noun adjunct ("interface
        utilisateur", "service client"), which does not agree."""
        lower = mod.lower_
        if lower in _PARTICIPLE_ADJUNCTS:
            nxt = mod.doc[mod.i + 1] if mod.i + 1 < len(mod.doc) else None
            return nxt is None or nxt.lower_ != "par"
        if lower not in _PERSON_ADJUNCTS:
            return False
        return any(a.gender == "m" and a.number == "sg" for a in self._family(mod.text, _NOUN_POS))

    def _some_antecedent(self, mod: Token) -> bool:
        """Whether some word of the sentence may be what a detached modifier agrees with: a
        noun or subject pronoun it agrees with, a name (any gender, singular unless after
        «les»), another pronoun, or a noun of unknown gender. "une commune française, situées
        dans …" has none."""
        readings = self._family(mod.text, _ADJ_POS)
        for tok in mod.doc:
            if tok.i == mod.i or not tok.is_alpha:
                continue
            lower = tok.lower_
            if tok.pos_ == "PRON":
                if lower in _SUBJECT_PRONOUNS:
                    feats = _Feats(*_SUBJECT_PRONOUNS[lower])
                elif lower in _NOT_ANTECEDENTS:
                    continue
                else:
                    return True  # "je", "nous", "celle", "l'": any gender
            elif self._named(tok) or tok.pos_ == "PROPN":
                plural = tok.i and mod.doc[tok.i - 1].lower_ == "les"
                feats = _Feats(None, "pl" if plural else "sg")
            elif (_nominal(tok) or self._lexicon_noun(tok)) and (
                self._family(tok.text, _NOUN_POS) or not self.lexicon.known(tok.text)
            ):
                feats = self._noun_feats(tok, spacy_fallback=False)  # not the tagger's "grandi"
            else:
                continue
            if not readings or all(self._allows(readings, feats)):
                return True
        return False

    def _attributive_participle(self, tok: Token) -> bool:
        """A bare past participle modifying a noun (no auxiliary, no object of its own)."""
        participle = "Part" in _morph(tok, "VerbForm") or tok.pos_ == "ADJ" and any(
            "ppas" in a.pos for a in self._family(tok.text, _ADJ_POS)
        )  # "le rôle jouée par l'Algérie": the tagger's adjective
        if not participle or "Pres" in _morph(tok, "Tense"):
            return False
        return not any(c.dep_ in ("aux", "aux:tense", "aux:pass", "obj", "nsubj", "cop",
                                  "expl:comp", "expl:pass") for c in tok.children)

    # --- noun phrases read left to right ----------------------------------------------------

    def _classes(self, tok: Token) -> frozenset[str]:
        """What the lexicon says a word can be: "noun", "adj" (adjective or past participle),
        "verb" (a finite form), "det", "other" (anything else); empty when unknown."""
        cached = self._class_cache.get(tok.text)
        if cached is not None:
            return cached
        out: set[str] = set()
        for a in self.lexicon.analyses(tok.text):
            if "nom" in a.pos:
                out.add("noun")
            if a.pos & _ADJ_POS:
                out.add("adj")
            if a.persons:
                out.add("verb")
            if a.pos & _DET_POS:
                out.add("det")
            if a.pos - {"nom", "adj", "ppas", "v", "mg", "nb"} - _DET_POS:
                out.add("other")
        classes = self._class_cache[tok.text] = frozenset(out)
        return classes

    def _phrases(self, sentence: Sentence, doc: Doc) -> Iterator[tuple[Issue, tuple[int, int]]]:
        """Determiner, adjectives, noun, adjectives, read from the lexicon alone: where an error
        sits, the tagger often takes its cue from the wrong word ("la précieux toile": précieux
        a noun, toile an adjective) and the parse-based checks see nothing.

        The noun is the first word after the determiner that the lexicon knows as a noun and
        not as an adjective (else the first noun); the words before it must be adjectives,
        those after it are read while they are adjectives. Adverbs of degree and numbers are
        skipped. The noun's gender (when the lexicon gives one) and the number the determiner
        and the noun share decide; a word that cannot take them is flagged, with its form of
        the right gender and number. Nothing is read across a capitalised word (a name), and an
        article before a verb form is taken for an object pronoun ("on les porte").
        Yields each issue with the character range of its noun phrase (sentence offsets)."""
        # Only a determiner, "l’" or a bare opener starts a phrase (_phrase returns None for any
        # other word): the other tokens are skipped without building a Token for each.
        openers = [
            t.lower_ in _BARE_OPENERS or t.lower_ in _DET_FORMS or t.lower_ in ("l’", "l'")
            for t in doc
        ]
        i = 0
        while i < len(doc):
            if not openers[i]:
                i += 1
                continue
            found = self._phrase(sentence, doc, i)
            if found is None:
                i += 1
                continue
            issues, stop = found
            yield from issues
            i = max(stop, i + 1)

    def _phrase(
        self, sentence: Sentence, doc: Doc, i: int
    ) -> tuple[list[tuple[Issue, tuple[int, int]]], int] | None:
        det = doc[i]
        lower = det.lower_
        if lower in _BARE_OPENERS:
            return self._bare_phrase(sentence, doc, i)
        if lower not in _DET_FORMS and lower not in ("l’", "l'"):
            return None
        if det.pos_ == "PRON" or not det.whitespace_ and lower not in ("l’", "l'"):
            return None
        if i + 1 < len(doc) and doc[i + 1].lower_ in ("moins", "plus", "mieux") and lower in (
            "au", "du"
        ):
            return None  # "au moins", "du moins"
        det_readings = self._family(det.text, _DET_POS)
        if not det_readings:
            return None
        words = self._phrase_words(doc, i)
        if not words:
            return None
        stop_at = words[-1].i + 1
        if stop_at < len(doc) and self._english_compound(doc[stop_at]):
            return [], stop_at + 1  # "les stop loss", "les start up": English left as it was
        if stop_at < len(doc) and doc[stop_at].text[:1].isupper() and all(
            "adj" in self._classes(t) for t in words
        ):
            return [], stop_at  # "la sublime Marion Cotillard": the head is a name
        prev = doc[i - 1] if i else None
        # The noun is one of the words up to the first that cannot be an adjective; every
        # reading is tried, and a phrase that one of them makes agree is left alone ("la pointe
        # nord": «pointe» the noun, not «nord»). Otherwise the last candidate is reported.
        cut = next((k for k, t in enumerate(words) if "adj" not in self._classes(t)), len(words) - 1)
        candidates = [t for t in words[: cut + 1] if "noun" in self._classes(t)]
        reports: list[list[tuple[Issue, tuple[int, int]]]] = []
        stop = i + 1
        for noun in candidates:
            before = [t for t in words if t.i < noun.i]
            if self._ends_locution(noun):
                return [], max(stop, stop_at)  # "les ventes au détail américaines"
            if self._apposed_noun(noun, before):
                head = before[-1]
                found = self._phrase_issues(sentence, det, det_readings, head, before[:-1], [], prev)
                if found is None or found == []:
                    return [], max(stop, stop_at)  # "des indicateurs clés": a noun in apposition
            if any(not self._prenominal(t) for t in before):
                continue
            k = words.index(noun)
            if k + 1 < len(words) and not self._classes(words[k + 1]) & {"adj", "verb"}:
                continue  # "la première mention": a noun cannot end the phrase before a noun
            if lower in ("le", "la", "les", "l’", "l'") and "verb" in self._classes(noun) and (
                noun.pos_ in ("VERB", "AUX") or prev is not None and (
                    prev.lower_ in _CLITIC_HOSTS or prev.pos_ in ("PRON", "PROPN")
                )
            ):
                return None  # "on les porte", "il la ferme": an object pronoun, a verb
            after: list[Token] = []
            for tok in words[words.index(noun) + 1 :]:
                if not self._postnominal(tok, noun):
                    break
                after.append(tok)
            stop = max(stop, (after[-1] if after else noun).i + 1)
            found = self._phrase_issues(sentence, det, det_readings, noun, before, after, prev)
            if found is None or found == []:
                return [], max(stop, stop_at)  # this reading agrees, or cannot be judged
            if found:
                reports.append(found)
        if not reports:
            return None
        return reports[-1], max(stop, stop_at)

    def _bare_phrase(
        self, sentence: Sentence, doc: Doc, i: int
    ) -> tuple[list[tuple[Issue, tuple[int, int]]], int] | None:
        """``de grand scientifiques``, ``en bons ordre``: an adjective between "de" (the
        plural article before an adjective) or "en" and its noun agrees with the noun."""
        if i + 2 >= len(doc):
            return None
        adj, noun = doc[i + 1], doc[i + 2]
        if not (adj.text.islower() and noun.text.islower() and adj.is_alpha and noun.is_alpha):
            return None
        noun_classes = self._classes(noun) - ({"verb"} if noun.pos_ == "NOUN" else set())
        if not self._prenominal(adj) or noun_classes != {"noun"} or "verb" in self._classes(adj):
            # an adjective before a word that can only be a noun; not a verb form ("pas de
            # sèche cheveux": a compound without its hyphen)
            return None
        if adj.lower_ in _INVARIABLE_BEFORE_NOUN | _INVARIABLE_PREFIXES or adj.lower_ == "grand" and (
            self.lexicon.analyses(f"grand-{noun.text}")
        ):
            return None
        if i + 3 < len(doc) and doc[i + 3].text.startswith("-"):
            return None
        feats = self._lexicon_feats(noun)
        if noun.lower_ in _FEMINISED:
            feats = _Feats(None, feats.number)
        readings = self._family(adj.text, _ADJ_POS)
        gender_ok, number_ok = self._allows(readings, feats)
        if gender_ok and number_ok:
            return [], i + 3
        issues = list(self._flag(sentence, adj, readings, noun, feats, gender_ok, number_ok))
        span = (adj.idx, noun.idx + len(noun.text))
        return [(issue, span) for issue in issues], i + 3

    def _english_compound(self, tok: Token) -> bool:
        """A lower-case English word the French lexicon does not know, right after a noun
        phrase: the phrase is an English compound ("stop loss"), its number English."""
        if not (tok.is_alpha and tok.text.islower()) or self.lexicon.known(tok.text):
            return False
        return zipf(tok.text, "en") >= 3.5

    def _phrase_words(self, doc: Doc, i: int) -> list[Token]:
        """The words after a determiner that may belong to its noun phrase: nouns and
        adjectives, over adverbs of degree and numbers, up to a name or a function word."""
        words: list[Token] = []
        j = i + 1
        while j < len(doc) and len(words) < 6:
            tok = doc[j]
            if tok.lower_ in _DEGREE:
                j += 1
                continue
            if tok.like_num and (tok.is_digit or not self._family(tok.text, _ADJ_POS)):
                if words:
                    break  # "son club dix secondes après": numbers come before the noun
                # a number ("les 10 premières"), not an ordinal ("première" is like_num too)
                if tok.is_digit and not any(a.number == "pl" for a in self._family(doc[i].text,
                                                                                   _DET_POS)):
                    return []  # "au 24 rue des Archives", "le 14 juillet": an address, a date
                j += 1
                continue
            if not tok.is_alpha and "-" not in tok.text or tok.text[:1].isupper():
                break
            if words and tok.lower_ in WEEKDAYS:
                break  # "sur les marchés des capitaux lundi": the day is an adverb of time
            if _opens_locution(doc, j):
                break  # "une cabine haut de gamme": an invariable locution
            classes = self._classes(tok)
            if not classes & {"noun", "adj"} or "det" in classes or tok.pos_ == "AUX":
                break
            if "other" in classes and tok.pos_ in ("ADP", "CCONJ", "SCONJ", "ADV", "PRON", "DET"):
                break  # "mais", "contre"
            after_adjective = bool(words) and all(self._prenominal(t) for t in words)
            if tok.pos_ == "VERB" and _morph(tok, "VerbForm") in (["Fin"], ["Inf"]) and (
                "verb" in classes or "Inf" in _morph(tok, "VerbForm")
            ) and not (after_adjective and "noun" in classes):
                # "son amie est venue": «est» is no noun here; but after a determiner and an
                # adjective, a noun is ("une vrai porte": the tagger's verb)
                break
            if any("ppre" in a.pos or "nb" in a.pos for a in self.lexicon.analyses(tok.text)):
                break  # "les patients ayant reçu", "les jours suivant l'administration"
            words.append(tok)
            j += 1
        return words

    def _prenominal(self, tok: Token) -> bool:
        """An adjective that may stand before its noun: an adjective proper, not a participle
        ("des entreprises fournisseurs": «entreprises» is the noun)."""
        return any("adj" in a.pos and "ppas" not in a.pos for a in self._family(tok.text, _ADJ_POS))

    def _postnominal(self, tok: Token, noun: Token) -> bool:
        """Whether a word after the noun reads as its adjective."""
        if "adj" not in self._classes(tok) or self._avoir_l_air(noun):
            return False
        if tok.i == noun.i + 1 and self._person_noun_adjunct(tok):
            return False  # "l'expérience utilisateur": a noun adjunct
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and self._prenominal(tok) and nxt.text.islower() and (
            self._classes(nxt) == {"noun"}
        ):
            return False  # "à l'époque second niveau": the adjective of the next noun
        persons = {p for a in self.lexicon.analyses(tok.text) for p in a.persons}
        if persons and tok.pos_ in ("VERB", "AUX") and "Part" not in _morph(tok, "VerbForm"):
            return False  # the tagger's verb
        first = noun.left_edge
        opens_clause = first.i == _first_word(noun.doc) or first.i > 0 and (
            noun.doc[first.i - 1].pos_ in ("PUNCT", "CCONJ", "SCONJ")
        )
        if persons & {"3sg", "3pl"} and opens_clause:
            return False  # "Le conflit dure un jour": the verb of a clause the phrase opens
        if any(c.dep_ in ("aux", "aux:tense", "aux:pass", "obj", "nsubj") and c.i < tok.i
               and c.i != noun.i for c in tok.children):
            return False  # "avait à l'époque permis d'identifier": the clause's verb
        return True

    def _phrase_issues(
        self, sentence: Sentence, det: Token, det_readings: list[Analysis], noun: Token,
        before: list[Token], after: list[Token], prev: Token | None,
    ) -> list[tuple[Issue, tuple[int, int]]] | tuple[()] | None:
        """The agreement errors of one reading of a noun phrase: an empty list when it agrees,
        None when it cannot be judged, an empty tuple when it disagrees without a fix to tell."""
        doc = det.doc
        lower = det.lower_
        if noun.lower_ in _ADVERBIAL_NOUNS or not noun.text.islower():
            return None
        last = after[-1] if after else noun
        if last.i + 1 < len(doc) and doc[last.i + 1].text.startswith("-"):
            return None  # a compound the tokenizer split
        readings = self._noun_readings(noun)
        gender = _unique((a.gender for a in readings), ("m", "f"))
        noun_number = _unique((a.number for a in readings), ("sg", "pl"))
        det_gender = _unique((a.gender for a in det_readings), ("m", "f"))
        det_number = _unique((a.number for a in det_readings), ("sg", "pl"))
        if noun.lower_ in _FEMINISED:
            gender = det_gender
        out: list[tuple[Issue, tuple[int, int]]] = []
        span = (det.idx, last.idx + len(last.text))
        number = noun_number if det_number in (None, noun_number) else None
        if noun_number and det_number and det_number != noun_number:
            # Where the determiner and the noun disagree, the adjectives say which is wrong;
            # without adjectives that say, nothing is flagged here.
            if not self._family(noun.text, _ADJ_POS) and any(
                t.i < noun.i and any(a.number in (det_number, "inv") for a in self._family(t.text, _NOUN_POS))
                for t in before
            ):
                return None  # "des alertes éclair": the noun before it takes the determiner
            votes = {_unique((a.number for a in self._family(t.text, _ADJ_POS)), ("sg", "pl"))
                     for t in before + after} - {None}
            if len(votes) != 1:
                return ()  # this reading disagrees, but which word is wrong is not known
            wanted = votes.pop()
            wrong = noun if wanted != noun_number else det
            fix = self._phrase_word(sentence, wrong, gender, wanted, noun)
            return [(fix, span)] if fix is not None else None
        if gender == "f" and det_gender == "m" and not after and self._nominalised(det, noun):
            return None  # "le dynamique": an adjective made a noun (see _determiner)
        if gender is not None and det_gender not in (None, gender) or (
            gender == "f" and lower in _POSSESSIVE_MASC
            and not self._vowel_initial(doc[det.i + 1].text)
        ):
            paradigm = _DET_FORMS.get(lower)
            target = None
            if paradigm is not None:
                target = self._det_form(lower, paradigm, _Feats(gender, number),
                                        doc[det.i + 1].text)
                if lower in _POSSESSIVE_MASC and target is None:
                    target = paradigm[1]  # "son famille": the lexicon calls «son» epicene
            if target is None or target.endswith("’"):
                return None  # elision: left to the parse-based check, which spans it
            start = sentence.start + det.idx
            message = (f"«{det.text}» ({_describe(det_readings)}) must agree with "
                       f"«{noun.text}» ({_Feats(gender, number).describe()})")
            out.append((self.issue(sentence, start, start + len(det.text), Category.AGREEMENT,
                                   Severity.MINOR, "AGREEMENT-GENDER", message,
                                   _match_initial(det.text, target)), span))
        # "le père et la mère réunis", "des fractures de la colonne et de la hanche survenues"
        listed = self._coordinated_tail(doc, last.i + 1)  # "les langues anglaise et française"
        coordinated = det.i > 0 and (
            doc[det.i - 1].lower_ in ("et", "ou", "ni") or det.i > 1
            and doc[det.i - 1].lower_ in ("de", "d’", "d'", "à")
            and doc[det.i - 2].lower_ in ("et", "ou", "ni")
        )
        uppers = self._upper_nouns(doc, det.i)
        k = last.i + 1
        superlative = []
        if k + 2 < len(doc) and doc[k].lower_ in ("le", "la", "les") and doc[k + 1].lower_ in (
            "plus", "moins"
        ) and doc[k + 2].text.islower() and "adj" in self._classes(doc[k + 2]) and not (
            self._classes(doc[k + 2]) & {"verb"}
        ):
            superlative = [doc[k + 2]]  # "les moments les plus appréciés"
        for tok in before + after + superlative:
            if tok.i < noun.i and tok.lower_ in _INVARIABLE_BEFORE_NOUN | _INVARIABLE_PREFIXES:
                continue
            if tok.lower_ == "grand" and tok.i + 1 == noun.i and self.lexicon.analyses(
                f"grand-{noun.text}"
            ):
                continue  # "une grand mère": an old compound
            if tok.i > noun.i and (self._colour_compound(tok) or coordinated):
                continue
            adj = self._family(tok.text, _ADJ_POS)
            # Each adjective of a list may name one thing ("les langues anglaise et française");
            # a noun in apposition keeps its number ("les photos satellite").
            apposition = tok.i > noun.i and "noun" in self._classes(tok) and tok.pos_ == "NOUN"
            feats = _Feats(gender, None if (listed and tok.i > noun.i) or apposition else number)
            gender_ok, number_ok = self._allows(adj, feats)
            if gender_ok and number_ok:
                continue
            if tok.i > noun.i and any(self._agrees(tok.text, _ADJ_POS, f) for f in uppers):
                continue  # "l'album de photos exposé": it may agree with a noun above
            if tok.i > noun.i and (self._agrees_before_preposition(tok, noun)
                                   or self._passive_after_adverbial(tok, noun)):
                continue  # "des ventes pour le trimestre supérieures", "sera à l'avenir utilisée"
            fix = self._phrase_word(sentence, tok, gender, feats.number, noun, adj)
            if fix is None:
                return None
            out.append((fix, span))
        return out

    def _phrase_word(
        self, sentence: Sentence, tok: Token, gender: str | None, number: str | None,
        noun: Token, readings: list[Analysis] | None = None,
    ) -> Issue | None:
        """The issue for one word of a noun phrase that must take ``gender`` and ``number``."""
        if _slash_paired(tok):
            return None
        if tok.dep_ in ("det", "case") or tok.lower_ in _DET_FORMS:
            det_readings = self._family(tok.text, _DET_POS)
            paradigm = _DET_FORMS.get(tok.lower_)
            target = None if paradigm is None else self._det_form(
                tok.lower_, paradigm, _Feats(gender, number), tok.doc[tok.i + 1].text)
            if target is None or target.endswith("’"):
                return None
            start = sentence.start + tok.idx
            message = (f"«{tok.text}» ({_describe(det_readings)}) must agree with «{noun.text}» "
                       f"({_Feats(gender, number).describe()})")
            return self.issue(sentence, start, start + len(tok.text), Category.AGREEMENT,
                              Severity.MINOR, "AGREEMENT-NUMBER", message,
                              _match_initial(tok.text, target))
        if tok.i == noun.i:
            forms = [f for f in self.lexicon.inflect(tok.text, gender=gender, number=number,
                                                     pos="nom") if f != tok.text]
            if not forms:
                return None
            start = sentence.start + tok.idx
            message = f"«{tok.text}» must be {_NUMBER_WORD.get(number or '', '')} like its determiner"
            return self.issue(sentence, start, start + len(tok.text), Category.AGREEMENT,
                              Severity.MINOR, "AGREEMENT-NUMBER", message, forms[0])
        readings = readings or self._family(tok.text, _ADJ_POS)
        feats = _Feats(gender, number)
        gender_ok, number_ok = self._allows(readings, feats)
        issues = list(self._flag(sentence, tok, readings, noun, feats, gender_ok, number_ok))
        return issues[0] if issues else None

    def _upper_nouns(self, doc: Doc, i: int) -> list[_Feats]:
        """For a noun phrase that is a "de" complement, the features of the nouns it
        completes (``l'album [de photos] exposé``, ``le nombre de fractures [de la hanche]
        survenues``), read leftwards through the chain of complements."""
        out: list[_Feats] = []
        k = i
        while len(out) < 3:
            lower = doc[k].lower_
            k -= 1
            if lower not in ("du", "des"):
                if k < 0 or doc[k].lower_ not in ("de", "d’", "d'"):
                    break  # only "de" chains: "une opposition à ce monde déshumanisé"
                k -= 1
            while k >= 0 and (doc[k].lower_ in _DEGREE or doc[k].lower_ in ("et", "ou")
                              or "adj" in self._classes(doc[k])
                              and "noun" not in self._classes(doc[k])):
                k -= 1
            if k < 0 or "noun" not in self._classes(doc[k]) or not doc[k].text.islower():
                break
            out.append(self._noun_feats(doc[k], spacy_fallback=False))
            # continue from the noun's determiner: "le nombre [de fractures] …"
            while k > 0 and doc[k - 1].lower_ not in ("de", "d’", "d'", "à", "en") and (
                "adj" in self._classes(doc[k - 1]) or doc[k - 1].lower_ in _DEGREE
            ):
                k -= 1
            if k > 0 and (doc[k - 1].lower_ in _DET_FORMS or doc[k - 1].lower_ in ("l’", "l'")):
                k -= 1
            elif k == 0 or doc[k - 1].lower_ not in ("de", "d’", "d'"):
                break
        return out

    @staticmethod
    def _coordinated_tail(doc: Doc, stop: int) -> bool:
        """``les langues anglaise et française``: adjectives coordinated after the phrase."""
        return stop + 1 < len(doc) and doc[stop].lower_ in ("et", "ou", ",") and (
            doc[stop + 1].pos_ in ("ADJ", "VERB") or doc[stop + 1].lower_ in _DEGREE
        )

    def _colour_compound(self, tok: Token) -> bool:
        """Either word of ``vert foncé``, ``bleu clair``: colour compounds are invariable."""
        doc = tok.doc

        def shade(t: Token) -> bool:
            return t.lower_ in _COLOUR_SHADES

        return (shade(tok) and tok.i > 0 and "adj" in self._classes(doc[tok.i - 1])) or (
            tok.i + 1 < len(doc) and shade(doc[tok.i + 1])
        )

    def _vowel_initial(self, word: str) -> bool:
        return word[:1].lower() in _ELIDABLE and self.lexicon.known("l'" + word)

    # --- predicates: passive/copula participle and subject-verb -----------------------------

    def _subject(self, pred: Token) -> tuple[Token, _Feats] | None:
        subjects = [c for c in pred.children if c.dep_ in ("nsubj", "nsubj:pass")
                    or c.dep_ == "expl:subj" and c.lower_ == "il"]  # impersonal il: masculine
        if len(subjects) != 1:
            return None
        subj = subjects[0]
        lower = subj.lower_
        if lower in _SUBJECT_PRONOUNS:
            if _coordinated_pronoun(subj) or any(c.dep_ == "conj" for c in subj.children):
                return None  # "lui et elle viendront": one conjunct of a coordinated subject
            gender, number = _SUBJECT_PRONOUNS[lower]
            return subj, _Feats(gender, number)
        relative = lower == "qui"
        other: Token | None = None  # the other noun «qui» may stand for
        if lower == "qui" and subj.i > 0:
            antecedent = pred.head if pred.dep_.startswith("acl") else None
            if antecedent is None or antecedent.pos_ != "NOUN" or not self._next_to_qui(antecedent, subj):
                return None  # only "noun qui …", where the antecedent is certain
            cases = [c for c in antecedent.children if c.dep_ == "case"]
            if (antecedent.dep_ == "nmod" or antecedent.dep_.startswith("obl")) and (
                any(c.lower_ in _DE_CASES for c in cases)
                or not any(c.dep_ == "det" for c in antecedent.children)
            ):
                # "le numéro de la saison qui sera diffusé", "un livre pour enfants qui est":
                # which noun? ("chez les patients qui présentent", "pour les pays qui
                # disposent": the noun before «qui»). After «N de la N», either: the verb is
                # checked only for what both nouns share ("le numéro de la saison qui seront
                # diffusés": singular either way)
                head = antecedent.head
                if not (antecedent.dep_ == "nmod" and any(c.lower_ in _DE_CASES for c in cases)
                        and any(c.dep_ == "det" for c in antecedent.children)
                        and head.pos_ == "NOUN" and head.i < antecedent.i and head.text.islower()
                        # "de la sphère intime, de la sphère privée, de la sphère publique qui
                        # se définissent": a list, every item an antecedent
                        and not any(t.text in ",;" for t in subj.doc[head.i : subj.i])):
                    return None
                other = head
            modified = antecedent.head.head
            if other is None and antecedent.dep_.startswith("obl") and antecedent.head.dep_ in (
                "acl", "amod"
            ) and modified.pos_ == "NOUN" and modified.i < antecedent.head.i:
                other = modified  # "les prévisions basées sur l'impact qui s'appliquent": either
            if antecedent.dep_ == "conj" or any(c.dep_ == "conj" for c in antecedent.children):
                return None  # "les relations entre le Parlement européen et le Parlement belge qui"
            subj = antecedent
        if lower in ("l’", "l'") and subj.i + 1 < len(subj.doc) and subj.doc[subj.i + 1].head == subj:
            subj = subj.doc[subj.i + 1]  # "L’Inde est présent": the tagger took the article
        nxt = subj.doc[subj.i + 1] if subj.i + 1 < len(subj.doc) else None
        if nxt is not None and nxt.text.islower() and self._family(subj.text, _ADJ_POS) and (
            self._family(nxt.text, _NOUN_POS) and not self._family(nxt.text, _ADJ_POS)
            and nxt.pos_ not in ("VERB", "AUX", "ADP", "ADV")
        ):
            subj = nxt  # "la précieux toile avait été volée": the tagger took the adjective
            swapped = True
        else:
            swapped = False
        counted = _definite_number(subj)
        if _quantity(subj) and not counted or not (
            (swapped or _nominal(subj) or self._lexicon_noun(subj)
             or subj.pos_ == "ADJ" and self._noun_like(subj))  # "la tribu": the tagger's ADJ
            and not self._named(subj)
            or self._plural_name(subj)
        ):
            return None  # names: only those the lexicon has as nouns ("l'Inde", "le Japon")
        if subj.i and subj.doc[subj.i - 1].text == "-" and not subj.doc[subj.i - 1].whitespace_:
            return None  # a piece of a compound the tokenizer split ("ci-dessus")
        if subj.text[:1].isupper() and not self._plural_name(subj) and (
            self._capitalised(subj) or not any(c.dep_ == "det" for c in subj.children)
        ):
            # A country takes an article ("l’Inde", "le Japon"), a person does not ("Merle est
            # présentée"); and a name's verb is singular whatever its form ("Les Andalouses est
            # une station balnéaire").
            article = subj.i and subj.doc[subj.i - 1].lower_ in ("l’", "l'", "le", "la", "les")
            if not article or other is not None:
                return None
            feats = self._noun_feats(subj, spacy_fallback=False)
            # "La France ont signé", "La Commission pourraient": a singular article says the
            # number of what it names
            singular = subj.doc[subj.i - 1].lower_ != "les" and not any(
                c.dep_ == "conj" for c in subj.children)
            return subj, _Feats(feats.gender, "sg" if singular else None)
        if self._noun_conjunct_plural(subj) or (
            _has_plural_de_complement(subj) and subj.lower_ in _COLLECTIVES and not counted
        ):
            # "la Russie et les États-Unis", "ce genre de choses arrivent"; but "le bruit des
            # armes ont": a noun that counts nothing takes the verb itself
            return None
        left = subj.left_edge
        before = subj.doc[left.i - 1] if left.i > 0 else None
        if relative:
            before = None  # the antecedent may be any noun: "chez les patients qui présentent"
        if before is not None and before.pos_ in ("VERB", "AUX", "ADP") and before.dep_ != "fixed":
            # "pour désamorcer la crise n’a pas été utilisé": an object, not a subject (but
            # "en outre les salles sont …": a fixed adverbial)
            return None
        if any(c.dep_ == "det" and c.text[:1].isupper() and c.i > _first_word(subj.doc)
               for c in subj.children):
            return None  # "… Les charniers de Timisoara est une affaire": a title, one thing
        if any(c.dep_ == "cc" for c in subj.children):
            return None  # "Ivo Lola et le peintre Jurica Ribar y ont grandi": one of several
        if any(c.dep_ == "case" for c in subj.children) and not relative or before is not None and (
            before.pos_ == "SCONJ" and before.head.i != pred.i or "Rel" in _morph(before, "PronType")
        ):
            # "dans un silence où seuls les articles font écho", "des pays où la maladie sévit
            # ont": a noun after a preposition, or the subject of a subordinate clause the
            # parse attached to the main verb
            return None
        feats = self._noun_feats(subj, spacy_fallback=False)
        if other is not None:
            shared = self._noun_feats(other, spacy_fallback=False)
            feats = _Feats(feats.gender if feats.gender == shared.gender else None,
                           feats.number if feats.number == shared.number else None)
        if _counted_plural(subj):
            # "Deux bulldozer ont été envoyés": the number says plural, the noun's missing «s»
            # is its own error (AGREEMENT-NUMBER), not the verb's
            return subj, _Feats(feats.gender, "pl")
        return subj, feats

    def _plural_name(self, tok: Token) -> bool:
        """``les États-Unis``, ``les Pays-Bas``: names the lexicon lists as plural nouns."""
        det = next((c for c in tok.children if c.dep_ == "det"), None)
        readings = self._family(tok.text, _NOUN_POS)
        return (
            det is not None and det.lower_ == "les" and bool(readings)
            and all(a.number == "pl" and a.lemma[:1].isupper() for a in readings)
        )

    def _pronoun_verb(self, sentence: Sentence, pron: Token) -> Iterator[Issue]:
        """``ils est``, ``il ne sont``: a subject pronoun right before a finite verb that cannot
        take its number, whatever the parse says."""
        doc = pron.doc
        if pron.i and (doc[pron.i - 1].text.endswith("-") or pron.text.startswith("-")):
            return  # inversion: "a-t-il"
        if pron.lower_ in ("elle", "elles") and pron.i and doc[pron.i - 1].pos_ == "ADP":
            return  # "avec elle": not a subject
        if _coordinated_pronoun(pron):
            return  # "lui et elle viendront": one conjunct of a coordinated subject
        j = pron.i + 1
        while j < len(doc) and doc[j].lower_ in ("ne", "n’", "n'"):
            j += 1
        if j >= len(doc) or doc[j].pos_ not in ("VERB", "AUX"):
            return
        verb = doc[j]
        readings = self._finite_readings(verb)
        gender, number = _SUBJECT_PRONOUNS[pron.lower_]
        if not readings or any("3" + number in a.persons for a in readings):
            return
        forms = self.lexicon.conjugate(verb.text, "3" + number)
        if forms:
            start = sentence.start + verb.idx
            message = (
                f"«{verb.text}» must agree with its subject «{pron.text}» "
                f"({_NUMBER_WORD[number]}): «{forms[0]}»"
            )
            yield self.issue(sentence, start, start + len(verb.text), Category.AGREEMENT,
                             Severity.MINOR, "AGREEMENT-SUBJECT-VERB", message, forms[0])

    def _person_verb(self, sentence: Sentence, pron: Token) -> Iterator[Issue]:
        """``nous continuez`` → ``continuons``, ``je vas``: a first- or second-person subject
        pronoun before a finite verb of another person. *je*, *j'* and *tu* are always
        subjects; *nous* and *vous* are often objects ("il nous donne", "nous vous
        remercions"), so they count only before a verb of the other one's person ("nous
        continuez") and when the other pronoun, which could be the subject, is not in the
        sentence before them."""
        doc = pron.doc
        lower = pron.lower_
        person = _PERSONS[lower]
        if pron.i and (doc[pron.i - 1].text.endswith("-") or pron.text.startswith("-")):
            return  # inversion: "puis-je"
        j = pron.i + 1
        while j < len(doc) and (doc[j].lower_ in _OBJECT_CLITICS | {"ne", "n’", "n'", "y", "en",
                                                                     "lui", "leur"}
                                and lower in ("je", "j’", "j'", "tu")):
            j += 1
        if lower in ("nous", "vous"):
            while j < len(doc) and doc[j].lower_ in ("ne", "n’", "n'"):
                j += 1
        if j >= len(doc) or doc[j].pos_ not in ("VERB", "AUX") or doc[j].text[:1].isupper():
            return
        verb = doc[j]
        if j + 1 < len(doc) and doc[j + 1].text.startswith("-"):
            return  # "nous dites-vous": an inversion
        readings = self._finite_readings(verb)
        if not readings or any(person in a.persons for a in readings):
            return
        persons = {p for a in readings for p in a.persons}
        if lower in ("nous", "vous"):
            other = "vous" if lower == "nous" else "nous"
            if _PERSONS[other] not in persons or any(t.lower_ == other for t in doc[: pron.i]):
                return
        forms = self.lexicon.conjugate(verb.text, person)
        if not forms:
            return
        start = sentence.start + verb.idx
        message = f"«{verb.text}» must agree with its subject «{pron.text}»: «{forms[0]}»"
        yield self.issue(sentence, start, start + len(verb.text), Category.AGREEMENT,
                         Severity.MINOR, "AGREEMENT-SUBJECT-VERB", message, forms[0])

    def _counted_noun(self, sentence: Sentence, num: Token) -> Iterator[Issue]:
        """``1 482 naira``, ``trois jour`` → plural: a noun counted by a number of 2 or more (a
        decimal under 2 keeps the singular: "1,5 million"). An English thousands separator
        ("1,460 naira") counts as one. Dates ("le 14 juillet"), labels ("Windows 10
        version", "article 3 alinéa") and units written as symbols are left alone."""
        doc = num.doc
        if num.i + 1 >= len(doc):
            return
        noun = doc[num.i + 1]
        value = _number_value(num.text)
        if noun.lower_ in _LARGE_NUMBERS and re.fullmatch(r"1,\d+", num.text):
            return  # "1,416 milliard": a decimal before «milliard», not 1 416 (plural from 2)
        if value is None or value < 2 or re.fullmatch(r"1\d{3}|20\d{2}", num.text):
            return  # "élue en 2001 conseillère générale": a year
        if not noun.text.islower() or not noun.is_alpha or noun.lower_ in _MONTHS | _COORDINATES:
            return  # "7,07 latitude sud": the fix is "7,07° de latitude", not a plural
        if num.i + 2 < len(doc) and doc[num.i + 2].text.startswith("-"):
            return
        prev = doc[num.i - 1] if num.i else None
        if prev is not None and (prev.lower_ in ("le", "la", "l’", "l'", "du", "au", "ce", "cet",
                                                  "cette", "son", "sa", "mon", "ma", "leur",
                                                  "notre", "votre", "chaque", "numéro", "no", "n°")
                                 or prev.text[:1].isupper() or prev.pos_ == "NOUN"):
            return  # "le 14 juillet", "Windows 10 version", "article 3 alinéa"
        readings = self._family(noun.text, _NOUN_POS)
        analyses = self.lexicon.analyses(noun.text)
        if not readings or any(not (a.pos & _NOUN_POS) for a in analyses):
            return  # a noun only: not "2 contre 1", "3 plus 4"
        if _unique((a.number for a in readings), ("sg", "pl")) != "sg":
            return
        if any(c.dep_ == "nummod" for c in noun.children if c.i != num.i):
            return  # another number counts it
        gender = _unique((a.gender for a in readings), ("m", "f"))
        forms = [f for f in self.lexicon.inflect(noun.text, gender=gender, number="pl", pos="nom")
                 if f != noun.text]
        if not forms:
            return
        start = sentence.start + noun.idx
        message = f"«{noun.text}» is counted by «{num.text}»: plural «{forms[0]}»"
        yield self.issue(sentence, start, start + len(noun.text), Category.AGREEMENT,
                         Severity.MINOR, "AGREEMENT-NUMBER", message, forms[0])

    def _predicate(self, sentence: Sentence, pred: Token) -> Iterator[Issue]:
        found = self._subject(pred)
        if found is None:
            return
        subj, feats = found
        if pred.i < subj.i:
            return  # inverted subjects are rare in MT output and often misparsed
        between = subj.doc[subj.i + 1 : pred.i]
        if any(t.pos_ == "CCONJ" or t.lower_ in ("ainsi", "comme", "avec") for t in between):
            return  # "la population ainsi que les intellectuels furent …"
        if any(t.text in _CLOSING_QUOTES for t in between):
            return  # "« … des organisateurs », a déclaré Tessa": the quote ends the noun's clause
        if subj.lower_ in _TIME_NOUNS and any(
            t.pos_ in ("NOUN", "PROPN") and t.i > pred.i for t in subj.doc[pred.i + 1 : pred.i + 4]
        ):
            return  # "Le lendemain arrivent les secours": a time adverbial, the subject inverted
        # The subject's own complements and relative clauses ("les habitants du village",
        # "les utilisateurs qui n'ont pas de compte") may stand between it and its verb.
        inside = range(subj.left_edge.i, subj.right_edge.i + 1)
        if any(t.pos_ in ("VERB", "AUX") and "Fin" in _morph(t, "VerbForm")
               and t.head.i != pred.i and not (t.i in inside and self._relative_verb(t))
               for t in between):
            return  # another clause stands between them: the parse is unreliable
        if any(t.pos_ not in ("VERB", "AUX") and self._only_finite(t) for t in between):
            return  # "où la maladie sévit ont": a verb the tagger took for a noun
        children = list(pred.children)
        if self._etre_predicate(pred, children):
            readings = self._family(pred.text, _ADJ_POS)
            # Nouns between that the participle may agree with if the parse is wrong; not
            # names (unless modified: "la Shoah roumaine"), nor asides in parentheses.
            nouns_between = [
                t for t in between if not self._in_parentheses(t) and not self._complement_of(t, subj) and (
                    t.pos_ == "NOUN" and (self._lexicon_noun(t) or not t.text.isupper())
                    or t.pos_ == "PROPN" and any(c.dep_ == "amod" for c in t.children)
                    or self._noun_like(t)
                )
            ]
            if readings and not self._ambiguous_modifier(pred, readings) and not any(
                self._agrees(pred.text, _ADJ_POS, self._noun_feats(t)) for t in nouns_between
            ):
                gender_ok, number_ok = self._allows(readings, feats)
                if not (gender_ok and number_ok):
                    yield from self._flag(sentence, pred, readings, subj, feats, gender_ok,
                                          number_ok)
        if not any(t.pos_ in ("NOUN", "PROPN", "PRON") and t.i not in inside
                   and not self._clitic_of(t, pred) for t in between):
            yield from self._subject_verb(sentence, pred, subj, feats)

    @staticmethod
    def _complement_of(tok: Token, subj: Token) -> bool:
        """``tok`` is a «de» complement of the subject, directly or down a chain of them ("le
        contrôle du temps de coagulation"): the subject's own words, which its participle does
        not agree with ("… est recommandée" is the error)."""
        if _quantity(subj) or subj.lower_ in _COLLECTIVES:
            return False
        up = tok
        while up.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ in _DE_CASES for c in up.children):
            if up.head.i == subj.i:
                return True
            up = up.head
        return False

    def _only_finite(self, tok: Token) -> bool:
        return tok.is_alpha and self.lexicon.only_finite(tok.text)

    @staticmethod
    def _clitic_of(tok: Token, pred: Token) -> bool:
        """A clitic pronoun of the verb itself ("ce haricot se mit", "la loi y fait référence"),
        which stands between a subject and its verb without being a subject."""
        return tok.lower_ in _VERB_CLITICS and (tok.head.i == pred.i or tok.head.head.i == pred.i) and (
            not tok.dep_.startswith("nsubj"))
    @staticmethod
    def _next_to_qui(antecedent: Token, qui: Token) -> bool:
        """Nothing but its adjectives between the antecedent and «qui» ("les ressources
        financières adéquates qui"; after a comma, «qui» may go back further: "les comptes de
        l'exercice, c'est-à-dire le deuxième acte, qui peuvent")."""
        between = qui.doc[antecedent.i + 1 : qui.i]
        if antecedent.i >= qui.i or len(between) > 3:
            return False
        return all(t.pos_ == "ADJ" and t.head.i == antecedent.i for t in between)

    @staticmethod
    def _relative_verb(verb: Token) -> bool:
        """The verb of a relative clause opened by its own relative pronoun (``qui n'ont pas
        de compte``), or an auxiliary of such a verb."""
        clause = verb.head if verb.dep_.startswith("aux") or verb.dep_ == "cop" else verb
        first = clause.left_edge
        return clause.dep_ == "acl:relcl" and first.head.i == clause.i and "Rel" in _morph(
            first, "PronType")

    def _conjunct_predicate(self, sentence: Sentence, pred: Token) -> Iterator[Issue]:
        """``la victime a subi des blessures et a été emmené`` → ``emmenée``: a participle with
        its own *être* auxiliary, coordinated to a verb and without a subject of its own, agrees
        with that verb's subject. A noun between that it agrees with leaves it alone."""
        children = list(pred.children)
        if any(c.dep_ in ("nsubj", "nsubj:pass", "expl:subj") for c in children):
            return
        if not any(c.dep_ == "cc" for c in children):
            return
        if any(c.dep_ == "cc" and c.lower_ in _CLAUSE_CONJUNCTIONS for c in children):
            return  # "car jusqu'à 88 cas … se sont rétablis": «car» opens a clause with its subject
        found = self._subject(pred.head)
        if found is not None and found[0].i < pred.head.i:
            # "l'église date du XIIe siècle et sont typique": the shared subject's number
            yield from self._subject_verb(sentence, pred, found[0], found[1])
        if not self._etre_predicate(pred, children):
            return
        if found is None:
            yield from self._auxiliary_number(sentence, pred, pred.head)
            return
        subj, feats = found
        if subj.i > pred.head.i:
            return
        readings = self._family(pred.text, _ADJ_POS)
        if not readings or self._ambiguous_modifier(pred, readings):
            return
        inside = range(subj.left_edge.i, subj.right_edge.i + 1)
        between = [t for t in subj.doc[subj.i + 1 : pred.i] if t.i not in inside]
        if any(t.pos_ in ("NOUN", "PROPN", "PRON") and self._agrees(pred.text, _ADJ_POS, self._noun_feats(t))
               for t in between):
            return
        gender_ok, number_ok = self._allows(readings, feats)
        if not (gender_ok and number_ok):
            yield from self._flag(sentence, pred, readings, subj, feats, gender_ok, number_ok)

    def _etre_predicate(self, pred: Token, children: list[Token]) -> bool:
        """A participle or adjective after its own *être* (not a reflexive)."""
        if pred.pos_ not in ("VERB", "ADJ") or not (
            "Part" in _morph(pred, "VerbForm") or pred.pos_ == "ADJ"
        ):
            return False
        etre = [c for c in children
                if c.dep_ in ("aux:pass", "cop", "aux:tense") and self._is_form_of(c, "être")]
        if not etre or any(c.dep_ == "case" and c.i < pred.i for c in children):
            return False  # "est aux prises avec": a prepositional phrase, its word a noun
        before = pred.doc[pred.i - 1] if pred.i else None
        if pred.pos_ == "ADJ" and before is not None and before.pos_ == "NOUN" and etre[0].i < before.i:
            return False  # "la superficie est de 2350 mètres carrés": the adjective is the noun's
        reflexive = [c for c in children if c.lower_ in _REFLEXIVES and c.i < pred.i]
        if not reflexive:
            return True
        # "la question qui s'est abattu" → "abattue": a reflexive verb's participle agrees with
        # its subject when «se» is the direct object, that is when the verb has no object of its
        # own ("ils se sont lavé les mains", "elle s'est permis de", "elle s'est fait opérer")
        # and «se» is not an indirect one ("ils se sont parlé", "se sont succédé").
        if pred.pos_ != "VERB" or any(c.lower_ not in ("se", "s’", "s'") for c in reflexive):
            return False
        if any(c.dep_ in ("obj", "iobj", "ccomp", "xcomp") for c in children):
            return False
        lemmas = {a.lemma for a in self.lexicon.analyses(pred.text) if "ppas" in a.pos}
        lemmas.add(pred.lemma_.lower())
        return not lemmas & _INDIRECT_REFLEXIVE

    def _auxiliary_number(
        self, sentence: Sentence, pred: Token, subject_of: Token | None = None
    ) -> Iterator[Issue]:
        """``les habitants du village ont été évacué`` → ``évacués``: a participle or adjective
        after *être* takes its subject's number, and a finite auxiliary that has only
        third-person plural forms (``ont``, ``sont``, ``seront``) or only the singular (``a``,
        ``est``) says that number whatever noun stands between them. Reflexives (``se sont
        lavé les mains``) and the subject «on» (``on a été invités``) are left alone."""
        children = list(pred.children)
        if not self._etre_predicate(pred, children):
            return
        holder = pred if subject_of is None else subject_of
        subjects = [c for c in holder.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if len(subjects) != 1 or subjects[0].lower_ == "on" or subjects[0].i > pred.i:
            return
        verb = self._finite(pred)
        if verb is None:
            return
        persons = {p for a in self._finite_readings(verb) for p in a.persons}
        if persons not in ({"3pl"}, {"3sg"}):
            return
        number = "pl" if persons == {"3pl"} else "sg"
        found = self._subject(holder)
        if found is not None and found[1].number not in (None, number):
            return  # "les résultats de l'enquête sera publiés": the auxiliary is wrong
        readings = self._family(pred.text, _ADJ_POS)
        if not readings or self._ambiguous_modifier(pred, readings):
            return
        if self._allows(readings, _Feats(None, number))[1]:
            return
        # the auxiliary stands in for the subject: "«évacué» must agree with «ont» (plural)"
        yield from self._flag(sentence, pred, readings, verb, _Feats(None, number), True, False)

    @staticmethod
    def _in_parentheses(tok: Token) -> bool:
        depth = 0
        for t in tok.doc[: tok.i]:
            depth += (t.text == "(") - (t.text == ")")
        return depth > 0

    def _avoir_participle(self, sentence: Sentence, part: Token) -> Iterator[Issue]:
        """``elle avait épousés le comte`` → ``épousé``: a past participle conjugated with
        *avoir* agrees with nothing unless its direct object comes before it (an object pronoun
        before the auxiliary: "elle l'a épousée"; a relative or interrogative: "la femme qu'il
        a épousée", "quelle robe as-tu choisie"). Without any such word before it, it is
        masculine singular."""
        doc = part.doc
        auxes = [c for c in part.children if c.dep_.startswith("aux") and c.i < part.i]
        if len(auxes) != 1 or auxes[0].dep_ != "aux:tense" or not self._is_form_of(auxes[0], "avoir"):
            return
        aux = auxes[0]
        if any(c.dep_ in ("aux:pass", "cop", "expl:pass", "expl:comp") for c in part.children):
            return
        if any(t.lower_ in _FRONTED_OBJECTS for t in doc[: part.i]):
            return  # "la femme qu'il a épousée", "quelle robe as-tu choisie", "laquelle"
        k = aux.i - 1
        while k >= 0 and doc[k].lower_ in ("ne", "n’", "n'", "y"):
            k -= 1
        if k >= 0 and doc[k].lower_ in _OBJECT_CLITICS:
            return  # "elle l'a épousée", "il nous a vus"
        if aux.i + 1 < len(doc) and doc[aux.i + 1].text.startswith("-"):
            return  # inversion: "l'a-t-il vue"
        readings = self._family(part.text, _ADJ_POS)
        if not readings or self._ambiguous_modifier(part, readings):
            return
        feats = _Feats("m", "sg")
        gender_ok, number_ok = self._allows(readings, feats)
        if gender_ok and number_ok:
            return
        forms = [f for f in self.lexicon.inflect(part.text, gender="m", number="sg", pos="ppas")
                 if f != part.text]
        if not forms:
            return
        start = sentence.start + part.idx
        message = (f"«{part.text}» ({_describe(readings)}), conjugated with «{aux.text}» and no "
                   f"direct object before it, stays masculine singular: «{forms[0]}»")
        yield self.issue(sentence, start, start + len(part.text), Category.AGREEMENT,
                         Severity.MINOR, _code(gender_ok, number_ok), message, forms[0])

    def _quantity_predicate(self, sentence: Sentence, pred: Token) -> Iterator[Issue]:
        """``plusieurs centaines de personnes sont attendus``: with a quantity noun for subject,
        the participle may agree with it or with its complement, but not with neither."""
        subjects = [c for c in pred.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if len(subjects) != 1 or not _quantity(subjects[0]):
            return
        subj = subjects[0]
        if not _nominal(subj) or pred.i < subj.i or pred.pos_ not in ("VERB", "ADJ"):
            return
        complements = [c for c in subj.children if c.dep_ == "nmod" and c.i > subj.i
                       and _nominal(c) and not self._named(c)
                       and any(g.dep_ == "case" and g.lower_ in ("de", "d’", "d'", "des")
                               for g in c.children)]
        if len(complements) != 1 or self._noun_conjunct_plural(complements[0]):
            return
        complement = complements[0]
        between = subj.doc[complement.i + 1 : pred.i]
        if any(t.pos_ in ("NOUN", "PROPN", "PRON", "CCONJ") or t.pos_ in ("VERB", "AUX")
               and "Fin" in _morph(t, "VerbForm") and t.head.i != pred.i for t in between):
            return
        if not any(c.dep_ in ("aux:pass", "cop", "aux:tense") and self._is_form_of(c, "être")
                   for c in pred.children):
            return
        readings = self._family(pred.text, _ADJ_POS)
        if not readings or self._ambiguous_modifier(pred, readings):
            return
        if not ("Part" in _morph(pred, "VerbForm") or pred.pos_ == "ADJ"):
            return
        options = [self._noun_feats(subj, spacy_fallback=False),
                   self._noun_feats(complement, spacy_fallback=False)]
        if any(f.gender is None or f.number is None for f in options):
            return
        verdicts = [self._allows(readings, f) for f in options]
        if any(all(v) for v in verdicts):
            return
        gender_ok, number_ok = verdicts[1]
        yield from self._flag(sentence, pred, readings, complement, options[1], gender_ok,
                              number_ok)

    def _is_form_of(self, tok: Token, lemma: str) -> bool:
        return any(a.lemma == lemma for a in self.lexicon.analyses(tok.text))

    def _finite(self, pred: Token) -> Token | None:
        auxiliaries = [c for c in pred.children if c.dep_ in ("aux", "aux:tense", "aux:pass", "cop")
                       and c.i < pred.i]
        if auxiliaries:
            first = auxiliaries[0]  # "a été mis": the first auxiliary carries the person
            if self._is_form_of(first, "être") or self._is_form_of(first, "avoir"):
                return first if self._finite_readings(first) else None
            return None
        if "Fin" in _morph(pred, "VerbForm") and self._finite_readings(pred):
            return pred
        return None

    def _finite_readings(self, tok: Token) -> list[Analysis]:
        if tok.pos_ not in ("VERB", "AUX") and self._family(tok.text, _NOUN_POS | _ADJ_POS):
            return []
        return [a for a in self.lexicon.analyses(tok.text) if a.persons and a.tenses & _FINITE_TAGS]

    def _initial_subject_verb(self, sentence: Sentence, doc: Doc) -> Iterator[Issue]:
        """``Quinze prévenus comparaît``, ``La crise conciliaire connaîtront``: the wrong number
        misleads the parse, which gives the verb no subject (or takes an adjective for the
        verb). A sentence that opens with a plain noun phrase, read from the lexicon (an
        article, demonstrative or number; adjectives; a common noun; adjectives), then maybe
        «ne» or a reflexive clitic, then a finite verb the parse gives no subject: that phrase
        is its subject. Time nouns open adverbials before an inverted subject ("Le lendemain
        arrivent les secours") and are left alone."""
        opening = self._opening_phrase(doc)
        if opening is None:
            return
        noun, readings, number, i = opening
        if number is None or noun.pos_ != "NOUN" and self._family(noun.text, _ADJ_POS) or any(
            a.number not in (number, "inv") for a in readings
        ):
            return  # an adjective read as a noun; "les fils"/"le fils"
        while i < len(doc) and doc[i].lower_ in _OPENING_CLITICS:
            i += 1
        if i >= len(doc):
            return
        verb = doc[i]
        if any(c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children) or verb.pos_ not in ("VERB", "AUX"):
            return
        gender = _unique((a.gender for a in readings), ("m", "f"))
        yield from self._subject_verb(sentence, verb, noun, _Feats(gender, number))

    def _opening_phrase(self, doc: Doc) -> tuple[Token, list[Analysis], str | None, int] | None:
        """The plain noun phrase opening a sentence, read from the lexicon: an article,
        demonstrative or number (its number, when it says one), numbers and adjectives, a
        common noun (not a time noun, "le lendemain", nor a quantity, "la plupart"), adjectives.
        Returns the noun, its noun readings, the determiner's number and the index after it."""
        k = _first_word(doc)
        if k + 2 >= len(doc) or doc[k].pos_ not in ("DET", "NUM"):
            return None
        i = k + 1
        while i < len(doc) and (doc[i].like_num or doc[i].text.islower() and self._adjective_only(doc[i])):
            i += 1
        if i >= len(doc):
            return None
        noun = doc[i]
        readings = self._family(noun.text, _NOUN_POS)
        if not noun.text.islower() or not noun.is_alpha or not readings or noun.lower_ in _TIME_NOUNS or (
            _quantity(noun)
        ):
            return None
        i += 1
        while i < len(doc) and doc[i].text.islower() and self._adjective_only(doc[i]):
            i += 1
        return noun, readings, self._opening_number(doc[k]), i

    def _opening_number(self, first: Token) -> str | None:
        """The number an opening determiner or numeral says: "les", "ces", "quinze", "3" →
        plural; "le", "la", "un", "cette" → singular."""
        if first.pos_ == "NUM" or first.like_num:
            value = _number_value(first.text)
            return "pl" if value is not None and value >= 2 else None
        return _OPENING_DETERMINERS.get(first.lower_)

    def _adjective_only(self, tok: Token) -> bool:
        readings = self.lexicon.analyses(tok.text)
        return bool(readings) and all(a.pos & _ADJ_POS and not a.pos & (_NOUN_POS | {"v"}) for a in readings)

    def _subject_verb(
        self, sentence: Sentence, pred: Token, subj: Token, feats: _Feats
    ) -> Iterator[Issue]:
        if feats.number is None:
            return
        verb = self._finite(pred)
        if verb is None or verb.i < subj.i:
            return
        if pred.dep_ == "conj" and pred.head.pos_ in ("NOUN", "PROPN", "ADJ"):
            return  # a verb conjoined to a noun: the parse read a list of nouns as two clauses
        readings = self._finite_readings(verb)
        person = "3" + feats.number
        if not readings or any(person in a.persons for a in readings):
            return
        forms = self.lexicon.conjugate(verb.text, person)
        if not forms:
            return
        # "se mirent" → "mit" (mettre, the parse's lemma), not "mire" (mirer)
        lemma = verb.lemma_.lower()
        forms.sort(key=lambda f: not any(a.lemma == lemma for a in self.lexicon.analyses(f)))
        start = sentence.start + verb.idx
        number = _NUMBER_WORD[feats.number]
        message = (
            f"«{verb.text}» must agree with its subject «{subj.text}» ({number}): "
            f"«{forms[0]}»"
        )
        yield self.issue(sentence, start, start + len(verb.text), Category.AGREEMENT,
                         Severity.MINOR, "AGREEMENT-SUBJECT-VERB", message, forms[0])

    # --- pronoun -> antecedent --------------------------------------------------------------

    def _pronouns(self, sentence: Sentence, doc: Doc) -> Iterator[Issue]:
        """``… aux ennemis potentiels, une riposte est inévitable s’il attaque``: a subject
        pronoun opening a subordinate clause whose nearby possible antecedents (same gender, in
        the preceding words) all have the other number. Names nearby, an impersonal verb, no
        candidate at all, or a subject of the governing clause that agrees mean no flag."""
        for pron in doc:
            if pron.lower_ not in _SUBJECT_PRONOUNS or pron.dep_ not in ("nsubj", "nsubj:pass"):
                continue
            if pron.i == 0 or doc[pron.i - 1].lower_ not in _SUBORDINATORS:
                continue
            verb = pron.head
            if verb.i <= pron.i or verb.i - pron.i > 4 or self._impersonal(verb):
                continue
            gender, number = _SUBJECT_PRONOUNS[pron.lower_]
            window = doc[max(0, pron.i - _ANTECEDENT_WINDOW) : pron.i - 1]
            if any(t.lower_ in _SUBJECT_PRONOUNS or t.pos_ == "PROPN"
                   and self._noun_feats(t, spacy_fallback=False).gender in (gender, None)
                   for t in window):
                continue  # a name or another pronoun may be the antecedent (not "la Russie")
            candidates = []
            for tok in window:
                if tok.pos_ != "NOUN" or _quantity(tok):
                    continue
                feats = self._noun_feats(tok, spacy_fallback=False)
                if feats.gender in (gender, None):
                    candidates.append((tok, feats))
            if not candidates or any(f.number in (number, None) for _, f in candidates):
                continue
            # The subject of the clause the pronoun's clause hangs on, however far back: "La
            # foule a exprimé ses émotions lorsqu'elle organisait" (elle: la foule).
            governing = [self._noun_feats(s, spacy_fallback=False) for s in verb.head.children
                         if s.dep_.startswith("nsubj") and s.i < pron.i and s.pos_ in ("NOUN", "PROPN")]
            if any(f.number in (number, None) and f.gender in (gender, None) for f in governing):
                continue
            other = "pl" if number == "sg" else "sg"
            finite = self._finite(verb) or verb
            if not finite.i > pron.i:
                continue
            forms = self.lexicon.conjugate(finite.text, "3" + other)
            plural = {"il": "ils", "elle": "elles", "ils": "il", "elles": "elle"}[pron.lower_]
            if not forms:
                continue
            start = sentence.start + pron.idx
            end = sentence.start + finite.idx + len(finite.text)
            span = sentence.text[pron.idx : finite.idx + len(finite.text)]
            middle = span[len(pron.text) : finite.idx - pron.idx]
            suggestion = _match_initial(pron.text, plural) + middle + forms[0]
            antecedent = candidates[-1][0]
            message = (
                f"«{pron.text}» ({_NUMBER_WORD[number]}) has no {_NUMBER_WORD[number]} antecedent; "
                f"it refers to «{antecedent.text}» ({_NUMBER_WORD[other]})"
            )
            yield self.issue(sentence, start, end, Category.AGREEMENT, Severity.MINOR,
                             "AGREEMENT-PRONOUN-ANTECEDENT", message, suggestion)

    def _impersonal(self, verb: Token) -> bool:
        lemmas = {a.lemma for a in self.lexicon.analyses(verb.text)} | {verb.lemma_}
        if lemmas & _IMPERSONAL:
            return True
        return any(c.lemma_ in ("être", "avoir") and c.dep_ == "cop" for c in verb.children)

    # --- shared -----------------------------------------------------------------------------

    def _flag(
        self,
        sentence: Sentence,
        word: Token,
        readings: list[Analysis],
        head: Token,
        feats: _Feats,
        gender_ok: bool,
        number_ok: bool,
    ) -> Iterator[Issue]:
        if _slash_paired(word):
            return
        own_gender = _unique((a.gender for a in readings), ("m", "f"))
        own_number = _unique((a.number for a in readings), ("sg", "pl"))
        gender = feats.gender or own_gender
        number = feats.number or own_number
        pos = "adj" if any("adj" in a.pos for a in readings) else "ppas"
        forms = [f for f in self.lexicon.inflect(word.text, gender=gender, number=number, pos=pos)
                 if f != word.text]
        if not forms:
            return
        start = sentence.start + word.idx
        message = (
            f"«{word.text}» ({_describe(readings)}) must agree with «{head.text}» "
            f"({feats.describe()})"
        )
        yield self.issue(sentence, start, start + len(word.text), Category.AGREEMENT,
                         Severity.MINOR, _code(gender_ok, number_ok), message, forms[0])


def _opens_locution(doc: Doc, i: int) -> bool:
    """Whether an invariable locution (_INVARIABLE_LOCUTIONS) starts at token ``i``."""
    return any(tuple(t.lower_ for t in doc[i : i + len(words)]) == words for words in _INVARIABLE_LOCUTIONS)


def _match_initial(model: str, text: str) -> str:
    return text[:1].upper() + text[1:] if model[:1].isupper() else text


def _code(gender_ok: bool, number_ok: bool) -> str:
    if not gender_ok and not number_ok:
        return "AGREEMENT-GENDER-NUMBER"
    return "AGREEMENT-GENDER" if not gender_ok else "AGREEMENT-NUMBER"
