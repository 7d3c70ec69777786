"""Agreement: gender and number across the links of spaCy's parse, judged by the lexicon.

spaCy (fr_core_news_sm) says which words are linked; the lexicon says what forms they can take.
A word is flagged only when the lexicon shows it CANNOT have the feature its partner needs:
forms the dictionary allows for both values (``russe``: epicene, ``pays``: invariable) never are,
and neither is a word the lexicon does not know. The suggestion is the lexicon's inflection of the
same entry (``spéciaux`` → ``spéciales``); without one, nothing is flagged.

Links checked (codes AGREEMENT-GENDER, -NUMBER, -GENDER-NUMBER unless said otherwise):

* determiner → noun (``det``): the determiner is corrected for gender; for number, whichever
  of the two the noun's adjectives, verb and participle do not side with (``ces accord ont
  été signés`` → ``accords``);
* adjective → noun (``amod``, and adjectives coordinated with one);
* attributive past participle → noun (``acl`` with VerbForm=Part: ``les lignes … créés``);
* participle or adjective → subject through *être* (``aux:pass``, ``cop``, *être* as auxiliary);
* subject → finite verb, number only (AGREEMENT-SUBJECT-VERB);
* subject pronoun → antecedent (AGREEMENT-PRONOUN-ANTECEDENT): ``il``/``ils`` in a subordinate
  clause whose only nearby possible antecedents all have the other number.

A noun's gender and number come from the lexicon when it is unambiguous, else from its
determiner, else (for words the lexicon does not know) from spaCy's morphology. Proper nouns,
capitalised heads and coordinated nouns (``la Russie et les États-Unis``: masculine plural) are
handled conservatively: a modifier that may agree with a coordination or with a noun standing
between it and its parsed head is never flagged. All agreement issues are minor: the reader still
understands the sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mt_check.detectors.base import PARSE, Code, Detector, DocumentContext
from mt_check.lexicon import Analysis, Lexicon, get_lexicon, lexicon_version
from mt_check.parse import model_version
from mt_check.types import Category, Issue, Sentence, Severity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_GENDER_WORD = {"m": "masculine", "f": "feminine"}
_NUMBER_WORD = {"sg": "singular", "pl": "plural"}
_ADJ_POS = frozenset({"adj", "ppas"})
_DET_POS = frozenset({"det", "detpos", "detdem", "detind", "detneg", "detex"})
_NOUN_POS = frozenset({"nom"})
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
_SUBJECT_PRONOUNS = {
    "il": ("m", "sg"),
    "elle": ("f", "sg"),
    "ils": ("m", "pl"),
    "elles": ("f", "pl"),
}
# Quantity nouns whose verb and modifiers may agree with the complement ("la plupart des gens
# pensent", "une dizaine de personnes ont été tuées").
_QUANTITY_NOUNS = frozenset(
    "plupart majorité minorité nombre moitié tiers quart totalité ensemble reste partie foule "
    "série multitude masse groupe dizaine douzaine quinzaine vingtaine trentaine quarantaine "
    "cinquantaine soixantaine centaine millier million milliard infinité poignée tas bon peu "
    "beaucoup trop".split()
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
        for c in noun.children
    )


def _first_word(doc: Doc) -> int:
    for tok in doc:
        if tok.is_alpha:
            return tok.i
    return 0


class AgreementDetector(Detector):
    name = "agreement"
    codes = (
        Code("AGREEMENT-GENDER", Category.AGREEMENT, Severity.MINOR,
             "determiner, adjective or participle of the wrong gender: `lignes spéciaux` → `spéciales`"),
        Code("AGREEMENT-NUMBER", Category.AGREEMENT, Severity.MINOR,
             "the same for number"),
        Code("AGREEMENT-GENDER-NUMBER", Category.AGREEMENT, Severity.MINOR,
             "both wrong: `créé` for `créées`"),
        Code("AGREEMENT-SUBJECT-VERB", Category.AGREEMENT, Severity.MINOR,
             "a finite verb that does not agree with its subject"),
        Code("AGREEMENT-PRONOUN-ANTECEDENT", Category.AGREEMENT, Severity.MINOR,
             "`s’il attaque` when the subject is `les ennemis potentiels`"),
    )
    requires = frozenset({PARSE})
    version = "1"

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self._lexicon = lexicon

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = get_lexicon()
        return self._lexicon

    def data_version(self) -> str:
        # The version of the lexicon in use, without loading the default one for it.
        lexicon = self._lexicon.version if self._lexicon is not None else lexicon_version()
        return f"{self.version}+{lexicon}+{model_version()}"

    def detect(self, ctx: DocumentContext) -> Iterable[Issue]:
        if ctx.parses is None:
            return
        for sentence, doc in zip(ctx.sentences, ctx.parses, strict=True):
            seen: set[tuple[int, int]] = set()
            for issue in self._sentence(sentence, doc):
                key = (issue.start, issue.end)
                if key not in seen:
                    seen.add(key)
                    yield issue

    def _sentence(self, sentence: Sentence, doc: Doc) -> Iterator[Issue]:
        for tok in doc:
            dep = tok.dep_
            if dep == "det":
                yield from self._determiner(sentence, tok)
            elif dep in ("amod", "acl") or (dep == "conj" and tok.head.dep_ == "amod"):
                yield from self._modifier(sentence, tok)
            if any(c.dep_ in ("nsubj", "nsubj:pass") for c in tok.children):
                yield from self._predicate(sentence, tok)
            if tok.lower_ in _SUBJECT_PRONOUNS:
                yield from self._pronoun_verb(sentence, tok)
        yield from self._pronouns(sentence, doc)

    # --- lexicon views ----------------------------------------------------------------------

    def _family(self, text: str, pos: frozenset[str]) -> list[Analysis]:
        return [a for a in self.lexicon.analyses(text) if a.pos & pos]

    def _noun_feats(self, noun: Token, spacy_fallback: bool = True) -> _Feats:
        """Gender and number of a noun: lexicon, else its determiner, else spaCy's morphology."""
        readings = self._family(noun.text, _NOUN_POS)
        gender = _unique((a.gender for a in readings), ("m", "f"))
        number = _unique((a.number for a in readings), ("sg", "pl"))
        det = next((c for c in noun.children if c.dep_ == "det" and c.i < noun.i), None)
        if det is not None:
            det_readings = self._family(det.text, _DET_POS)
            det_gender = _unique((a.gender for a in det_readings), ("m", "f"))
            det_number = _unique((a.number for a in det_readings), ("sg", "pl"))
            # Where the determiner contradicts the noun ("ces accord"), that pair is the error:
            # the feature is unknown for everything else that agrees with the noun.
            gender = det_gender if gender is None else (None if det_gender not in (None, gender)
                                                         else gender)
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
        genders = [self._noun_feats(n).gender for n in (noun, *conjuncts)]
        if "m" in genders:
            gender: str | None = "m"
        elif all(g == "f" for g in genders):
            gender = "f"
        else:
            gender = None
        return _Feats(gender, "pl")

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

    def _determiner(self, sentence: Sentence, det: Token) -> Iterator[Issue]:
        noun = det.head
        lower = det.text.lower()
        doc = det.doc
        if noun.i <= det.i or _is_name(noun) or lower not in _DET_FORMS:
            return
        if not _nominal(noun) and not (
            noun.pos_ == "ADJ" and self._family(noun.text, _NOUN_POS)
            and not self._family(noun.text, _ADJ_POS)
        ):
            return  # a noun the tagger called an adjective ("la métal") still counts
        if any(t.pos_ not in ("ADJ", "ADV", "NUM") for t in doc[det.i + 1 : noun.i]):
            return
        after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        if after is not None and (after.text.startswith("-") or not noun.whitespace_ and
                                  after.is_alpha):
            return  # a compound the tokenizer split ("les hit-parades")
        if after is not None and after.pos_ in ("NOUN", "PROPN") and self._family(
            noun.text, _ADJ_POS
        ):
            return  # "la sublime Marion Cotillard", "une large place": the head comes later
        readings = self._family(noun.text, _NOUN_POS)
        det_readings = self._family(det.text, _DET_POS)
        if not readings or not det_readings:
            return
        prev = doc[det.i - 1] if det.i else None
        clitic = (
            lower in ("le", "la", "les")
            and prev is not None
            and (prev.pos_ in ("PROPN", "PRON") or prev.dep_.startswith("nsubj")
                 or prev.lower_ in ("ne", "n’", "n'"))
            and any(a.persons for a in self.lexicon.analyses(noun.text))
        )
        noun_feats = _Feats(
            _unique((a.gender for a in readings), ("m", "f")),
            _unique((a.number for a in readings), ("sg", "pl")),
        )
        gender_ok, number_ok = self._allows(det_readings, noun_feats)
        if gender_ok and number_ok or clitic:
            return  # a mismatch before a verb form is an object pronoun: "Bergman le visite"
        if not gender_ok and noun_feats.gender == "m" and noun.lower_ in _FEMINISED:
            return  # "une auteur": the classic dictionary only lists the masculine
        message = (
            f"«{det.text}» ({_describe(det_readings)}) must agree with «{noun.text}» "
            f"({noun_feats.describe()})"
        )
        if gender_ok and self._noun_number_wrong(noun, noun_feats):
            # "les colline subcarpathiques", "aucune étoiles": the noun is the odd one out.
            det_number = "pl" if noun_feats.number == "sg" else "sg"
            forms = [f for f in self.lexicon.inflect(noun.text, gender=noun_feats.gender,
                                                     number=det_number, pos="nom")
                     if f != noun.text]
            if forms:
                start = sentence.start + noun.idx
                yield self.issue(sentence, start, start + len(noun.text), Category.AGREEMENT,
                                 Severity.MINOR, "AGREEMENT-NUMBER", message, forms[0])
            return
        target = self._det_form(lower, noun_feats, doc[det.i + 1].text)
        if target is None:
            return
        suggestion = target if det.text[:1].islower() else target[:1].upper() + target[1:]
        start = sentence.start + det.idx
        end = start + len(det.text)
        if suggestion.endswith("’"):  # "le escalade" → "l’escalade": up to the next word
            end = sentence.start + doc[det.i + 1].idx
        yield self.issue(sentence, start, end, Category.AGREEMENT, Severity.MINOR,
                         _code(gender_ok, number_ok), message, suggestion)

    def _noun_number_wrong(self, noun: Token, feats: _Feats) -> bool:
        """On a number mismatch, whether the noun (not the determiner) should change: its
        adjectives side with the determiner, or the determiner is rarely plural (aucun, chaque)."""
        det = next((c for c in noun.children if c.dep_ == "det"), None)
        if det is not None and det.lower_ in ("aucun", "aucune", "chaque", "plusieurs"):
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

    def _det_form(self, det: str, feats: _Feats, next_word: str) -> str | None:
        paradigm = _DET_FORMS.get(det)
        if paradigm is None:
            return None
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
        if number == "sg" and vowel and before_vowel is not None:
            form = before_vowel
        return None if form == det else form

    # --- modifier -> noun -------------------------------------------------------------------

    def _modifier(self, sentence: Sentence, mod: Token) -> Iterator[Issue]:
        coordinated = mod.dep_ == "conj" or self._in_adjective_list(mod)
        noun = mod.head.head if mod.dep_ == "conj" else mod.head
        if not _nominal(noun) or mod.pos_ == "NOUN" or _is_name(noun) or _is_name(mod):
            return
        if mod.dep_ == "acl" and not self._attributive_participle(mod):
            return
        if mod.i < noun.i and (
            mod.lower_ in _INVARIABLE_BEFORE_NOUN
            or any(t.pos_ not in ("ADJ", "ADV", "CCONJ", "PUNCT") for t in noun.doc[mod.i + 1 : noun.i])
        ):
            return  # "vu les circonstances"; a prenominal adjective sits next to its noun
        if mod.i > noun.i:
            between = noun.doc[noun.i + 1 : mod.i]
            if any(t.pos_ in ("VERB", "AUX", "PRON") for t in between):
                return  # a clause stands between them ("veneur, qui l'avait élevée")
            if any(t.pos_ == "ADP" for t in between) and not any(
                t.pos_ in ("NOUN", "PROPN") for t in between
            ):
                return  # "arcs à double volée": a preposition without its noun, a tagging slip
        if noun.lower_ in _QUANTITY_NOUNS or self._measure(noun) or self._fixed_context(mod, noun):
            return
        readings = self._family(mod.text, _ADJ_POS)
        if not readings or self._ambiguous_modifier(mod, readings):
            return
        feats = self._noun_feats(noun)
        if coordinated:  # "les langues anglaise et française": each adjective names one
            feats = _Feats(feats.gender, None)
        gender_ok, number_ok = self._allows(readings, feats)
        if gender_ok and number_ok:
            return
        if any(self._agrees(mod.text, _ADJ_POS, f) for f in self._alternative_heads(mod, noun)):
            return
        yield from self._flag(sentence, mod, readings, noun, feats, gender_ok, number_ok)

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
        while (up.dep_ == "nmod" or up.dep_.startswith("obl")) and up.head.i < up.i:
            up = up.head
            if up.pos_ == "ADJ" and up.dep_ == "amod":
                up = up.head
            if up.pos_ != "NOUN":
                break
            yield self._noun_feats(up)
        lo, hi = sorted((mod.i, noun.i))
        for other in doc[lo + 1 : hi]:
            if other.pos_ == "NOUN":
                yield self._noun_feats(other)
            elif other.pos_ == "PROPN" and any(
                c.dep_ == "amod" and other.i < c.i < mod.i for c in other.children
            ):
                # Proper nouns standing between do not count ("les lignes entre la Russie et
                # les États-Unis créés"), unless already modified ("la Shoah roumaine mise").
                yield self._noun_feats(other)

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
            if any("ppas" not in a.pos for a in readings):
                return True  # after a comma, an adjective proper: not "une commune, située"
        return any(c.dep_ == "conj" and c.pos_ in ("ADJ", "VERB") for c in mod.children)

    def _fixed_context(self, mod: Token, noun: Token) -> bool:
        doc = mod.doc
        nouns = self._family(mod.text, _NOUN_POS)
        prev = doc[mod.i - 1] if mod.i else None
        nxt = doc[mod.i + 1] if mod.i + 1 < len(doc) else None
        if nxt is not None and (nxt.text.startswith("-") or mod.text.endswith("-")):
            return True  # compounds: "demi-heure", "nouveau-né"
        if prev is not None and prev.lower_ in ("plus", "moins", "mieux", "«", '"', "“"):
            return True  # superlatives ("des plus délicates", "parmi les plus importants"), quotes
        if prev is not None and prev.pos_ == "PUNCT" and mod.i > noun.i and (
            mod.pos_ != "VERB" or nouns
        ):
            return True  # after a comma: often an apposition ("une rivière, affluent de …")
        if mod.lower_ == "grand" and noun.i == mod.i + 1:
            return True  # invariable in old compounds: "grand chose", "grand mère"
        if prev is not None and (prev.lower_, mod.lower_) in _ADVERBIAL_PHRASES:
            return True
        return False

    def _attributive_participle(self, tok: Token) -> bool:
        """A bare past participle modifying a noun (no auxiliary, no object of its own)."""
        if "Part" not in _morph(tok, "VerbForm") or "Pres" in _morph(tok, "Tense"):
            return False
        return not any(c.dep_ in ("aux", "aux:tense", "aux:pass", "obj", "nsubj", "cop",
                                  "expl:comp", "expl:pass") for c in tok.children)

    # --- predicates: passive/copula participle and subject-verb -----------------------------

    def _subject(self, pred: Token) -> tuple[Token, _Feats] | None:
        subjects = [c for c in pred.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if len(subjects) != 1:
            return None
        subj = subjects[0]
        lower = subj.lower_
        if lower in _SUBJECT_PRONOUNS:
            gender, number = _SUBJECT_PRONOUNS[lower]
            return subj, _Feats(gender, number)
        if lower == "qui" and subj.i > 0:
            antecedent = pred.head if pred.dep_.startswith("acl") else None
            if antecedent is None or antecedent.pos_ != "NOUN" or antecedent.i != subj.i - 1:
                return None  # only "noun qui …", where the antecedent is certain
            if antecedent.dep_ == "nmod" or antecedent.dep_.startswith("obl"):
                return None  # "le numéro de la saison qui sera diffusé": which noun?
            subj = antecedent
        if subj.lower_ in _QUANTITY_NOUNS or not (
            _nominal(subj) and not _is_name(subj) or self._plural_name(subj)
        ):
            return None
        if self._noun_conjunct_plural(subj) or _has_plural_de_complement(subj):
            return None  # "la Russie et les États-Unis", "un groupe de manifestants ont"
        left = subj.left_edge
        if left.i > 0 and subj.doc[left.i - 1].pos_ in ("VERB", "AUX", "ADP"):
            return None  # "pour désamorcer la crise n’a pas été utilisé": an object, not a subject
        feats = self._noun_feats(subj, spacy_fallback=False)
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
        if any(t.pos_ in ("VERB", "AUX") and "Fin" in _morph(t, "VerbForm")
               and t.head.i != pred.i for t in between):
            return  # another clause stands between them: the parse is unreliable
        children = list(pred.children)
        etre = [c for c in children if c.dep_ in ("aux:pass", "cop", "aux:tense")
                and self._is_form_of(c, "être")]
        reflexive = any(c.lower_ in ("se", "s’", "s'", "me", "m’", "te", "t’", "nous", "vous")
                        and c.i < pred.i for c in children)
        if etre and not reflexive and pred.pos_ in ("VERB", "ADJ"):
            readings = self._family(pred.text, _ADJ_POS)
            is_part = "Part" in _morph(pred, "VerbForm") or pred.pos_ == "ADJ"
            nouns_between = [t for t in between if t.pos_ in ("NOUN", "PROPN")]
            if readings and is_part and not self._ambiguous_modifier(pred, readings) and not any(
                self._agrees(pred.text, _ADJ_POS, self._noun_feats(t)) for t in nouns_between
            ):
                gender_ok, number_ok = self._allows(readings, feats)
                if not (gender_ok and number_ok):
                    yield from self._flag(sentence, pred, readings, subj, feats, gender_ok,
                                          number_ok)
        if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in between):
            yield from self._subject_verb(sentence, pred, subj, feats)

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

    def _subject_verb(
        self, sentence: Sentence, pred: Token, subj: Token, feats: _Feats
    ) -> Iterator[Issue]:
        if feats.number is None:
            return
        verb = self._finite(pred)
        if verb is None or verb.i < subj.i:
            return
        readings = self._finite_readings(verb)
        person = "3" + feats.number
        if not readings or any(person in a.persons for a in readings):
            return
        forms = self.lexicon.conjugate(verb.text, person)
        if not forms:
            return
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
        the preceding words) all have the other number. Names nearby, an impersonal verb or no
        candidate at all mean no flag."""
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
                if tok.pos_ != "NOUN" or tok.lower_ in _QUANTITY_NOUNS:
                    continue
                feats = self._noun_feats(tok, spacy_fallback=False)
                if feats.gender in (gender, None):
                    candidates.append((tok, feats))
            if not candidates or any(f.number in (number, None) for _, f in candidates):
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


def _match_initial(model: str, text: str) -> str:
    return text[:1].upper() + text[1:] if model[:1].isupper() else text


def _code(gender_ok: bool, number_ok: bool) -> str:
    if not gender_ok and not number_ok:
        return "AGREEMENT-GENDER-NUMBER"
    return "AGREEMENT-GENDER" if not gender_ok else "AGREEMENT-NUMBER"
