"""Verb forms: the wrong non-finite form after a preposition, an auxiliary or a modal, the wrong
mood in a subordinate clause, a reflexive "se" + "être" without a participle or "se" + "avoir".

spaCy (fr_core_news_sm) says which words are linked; the Hunspell lexicon says what a form can
be and produces the corrected form from the same dictionary entry. A word is flagged only when
both agree: the parse links the two words, and the lexicon shows the form cannot be the one the
construction needs (forms that are also nouns, or that are both indicative and subjunctive,
like "il mange", are not flagged).

Codes (category grammar):

* ``GRAMMAR-VERB-FORM`` (minor): the -er/-é/-ez homophones of first-group verbs in the wrong
  slot. After a preposition that governs an infinitive (``sans``, ``pour``, ``de``, ``à``,
  ``par``, so also ``afin de``, ``avant de``…) and after a modal (``pouvoir``, ``devoir``,
  ``vouloir``, ``aller``, ``falloir``), a past participle or ``-ez`` form → the infinitive:
  ``sans payé`` → ``payer``, ``il doit signé`` → ``signer``. After the auxiliaries
  ``avoir``/``être``, an infinitive or ``-ez`` form → the past participle: ``a décider`` →
  ``décidé``, ``elle est aller`` → ``allée`` (after ``être`` the participle agrees with a clear
  subject; after ``avoir`` it is masculine singular). A participle after ``être`` (passive,
  ``il est allé``) is never flagged; nor is ``de`` + participle after ``rien``/``quelque
  chose`` (``rien de changé``), ``c'est`` + infinitive (``c'est aller trop loin``), a noun
  attribute (``il a été conseiller``), a misspelt noun (``mise de coté``) or ``a`` that may be
  a misspelt ``à`` (``la machine a laver est en panne``). A sentence with no conjugated verb,
  whose subject noun phrase is followed by an infinitive (Indonesian verbs do not conjugate):
  ``Le gouvernement prolonger les restrictions`` → ``prolonge``; a participle there with its
  object after it → ``a`` + participle (``La police enregistré 15 maisons``). An opening
  imperative coordinated with a bare infinitive (``Respectez et apprécier`` → ``appréciez``), a
  bare present participle ending the sentence after its noun (``des vidéos circulant`` → ``qui
  circulent``; not a verbal adjective that agrees, nor "le cas échéant"). «après» + a bare
  infinitive → the past infinitive (``après cliquer`` → ``avoir cliqué``; not ``après manger``).
  «dans» + an infinitive that is no noun (``dans s'occuper de`` → ``en s'occupant de``).
* ``GRAMMAR-MOOD`` (minor): ``après que`` + subjunctive → indicative (``après qu'il ait
  déclaré`` → ``a``); a conjunction, verb, adjective or noun that governs the subjunctive
  (``bien que``, ``pour que``, ``avant que``, ``il vaut mieux que``, ``il faut que``, ``il est
  possible que``, ``la possibilité que``…) + a form the lexicon reads only as indicative or conditional → its
  present subjunctive (``pourrait`` → ``puisse``); a hypothetical ``si`` + conditional or
  future whose main clause is in the same tense → imperfect or present (``si j'aurais su, je
  serais venu`` → ``avais``). The verb is the one right after a subject pronoun, else the one
  the parse attaches ``que``/``si`` to (``mark``). Left alone: ``bien que``/``quoique`` +
  conditional, ``même si``, a concessive ``si`` (``s'il serait exagéré de…, il reste que``),
  indirect questions (``je me demande s'il viendrait``).
* ``GRAMMAR-AUXILIARY`` (minor): a reflexive verb conjugated with ``avoir`` (``elle se a
  levée`` → ``s’est levée``, ``ils se ont vus`` → ``se sont``): "se" before a form of
  ``avoir`` is never French; and «avoir été» + the participle of an intransitive verb of
  «être», which has no passive (``ont été revenus`` → ``sont revenus``).
* ``GRAMMAR-PASSIVE`` (minor): a personal passive of a verb whose person object is indirect
  (``le tweet a été répondu``, ``ils ont été demandés de partir``, ``Shin a été donné la
  responsabilité``: English "was answered", "were asked to", "was given") or that has no direct
  object at all (``votre compte a été accédé``); French makes it
  active with «on». The impersonal «il» (``il a été demandé de``, ``il est recommandé de``), an
  inverted subject (``Ont été remis les prix``) and a time after the verb are left alone.
* ``GRAMMAR-OBJECT-PRONOUN`` (minor): a clitic object pronoun of the wrong case for its verb
  (English "him", "them" are both): «lui»/«leur» with a verb whose person object is direct
  (``on lui a interrogé`` → ``l’a``, ``pour leur aider`` → ``les``; «le» or «la» before a
  consonant), «le»/«la»/«l’»/«les» with one whose person object is indirect (``il l’a répondu``
  → ``lui a``, ``les a demandé de partir`` → ``leur``). Closed lists of verbs where no dative
  of the body part or of benefit fits («il lui a cassé le bras», «il lui a appelé un taxi» are
  French); a stressed «lui» (``quant à lui``, ``les gens que lui a aidés``) is left alone.
* ``GRAMMAR-SPURIOUS-REFLEXIVE``: ``se`` + ``être`` + an adjective that is not a participle
  (``a tendance à s'être stable`` → ``être stable``; minor), or + a bare noun (``s'est
  adieux``: the participle itself is missing; major, no suggestion).

The closed lists (prepositions, modals, subjunctive triggers) are written here because they are
grammar words; everything about the forms comes from the lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from mt_check.detectors.base import (
    INDICATIVE_QUE_ENDS,
    PARSE,
    RANGE_ADJECTIVES,
    Code,
    DocumentContext,
    LexiconDetector,
    dateline_end,
)
from mt_check.lexicon import Analysis, Lexicon
from mt_check.types import Category, Issue, Sentence, Severity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

VERB_FORM = "GRAMMAR-VERB-FORM"
MOOD = "GRAMMAR-MOOD"
REFLEXIVE = "GRAMMAR-SPURIOUS-REFLEXIVE"
AUXILIARY = "GRAMMAR-AUXILIARY"
PASSIVE = "GRAMMAR-PASSIVE"
OBJECT_PRONOUN = "GRAMMAR-OBJECT-PRONOUN"
# A reflexive verb takes "être": the form of "être" for each form of "avoir" after "se".
_ETRE_FOR_AVOIR = {
    "a": "est", "ont": "sont", "avait": "était", "avaient": "étaient", "aura": "sera",
    "auront": "seront", "aurait": "serait", "auraient": "seraient", "eut": "fut",
    "eurent": "furent", "ait": "soit", "aient": "soient", "ayant": "étant", "avoir": "être",
}

# "ont été revenus": avoir été + the participle of an intransitive verb of «être».
_PASSIVE_OF_MOTION = re.compile(
    r"\b(a|ont|avait|avaient|aura|auront|aurait|auraient)\s+été\s+"
    r"((?:(?:re)?venu|arrivé|parti|allé|mort|né|devenu|resté|tombé|parvenu|décédé|intervenu)"
    r"(?:e|s|es)?)\b", re.IGNORECASE,
)

# A personal passive of a verb whose person object is indirect (répondre à qqn, demander à qqn
# de…; English "was answered", "were asked to", "was given the"): French makes it active with
# «on» ("on a demandé aux habitants de", "on a confié la responsabilité à Shin").
_PASSIVE_AUX = (r"(?:(?:a|ont|avait|avaient|aura|auront|aurait|auraient|avoir|ayant)"
                r"(?:\s+(?:pas|jamais|plus|déjà|toujours|encore|aussi|également))?\s+été|"
                r"(?:est|sont|était|étaient|sera|seront|serait|seraient|soit|soient|être|été|fut|furent))")
_INDIRECT_PASSIVE = re.compile(
    r"\b(" + _PASSIVE_AUX + r"\s+(?:"
    r"(?:(?:bien|mal|déjà|toujours|rapidement|directement)\s+)?"
    r"répondu(?:e|s|es)?(?=\s+(?:par|à|au|aux|dans|en)\b|\s*[.,;:!?])"
    r"|(?:demandé|conseillé|ordonné|recommandé|permis)(?:e|s|es)?(?=\s+(?:de|d['’])\s*\w)"
    # verbs with no direct object at all: "votre compte a été accédé" (someone accessed it)
    r"|(?:accédé|remédié|renoncé|nui|succédé|ressemblé|téléphoné|profité|bénéficié)(?:e|s|es)?(?!\w)"
    r"|(?:donné|offert|accordé|confié|attribué|promis|remis|refusé)(?:e|s|es)?"
    r"(?=\s+(?:la|le|les|un|une|des|du|l['’])\s*(\w+))"
    r"))", re.IGNORECASE,
)
# «être» (or «a été») and the word after it, a participle to test against the lexicon.
_PASSIVE_PARTICIPLE = re.compile(r"\b(" + _PASSIVE_AUX + r")\s+(\w+)(?!\w|['’-])", re.IGNORECASE)
# A reflexive pronoun right before the auxiliary: a pronominal verb's compound tense.
_REFLEXIVE_BEFORE = re.compile(r"(?:\b(?:se|me|te|nous|vous)|\b[smt]['’])\s*$", re.IGNORECASE)
# Between the impersonal «il» and its auxiliary: "il ne leur a pas été demandé de".
_IMPERSONAL_GAP = frozenset("ne n' n’ lui leur y en nous vous me m' m’ te t' t’ pas plus jamais".split())
# Subjects that make no personal passive: the impersonal «il», «cela», and relatives whose
# antecedent is the object ("les prix que lui ont été remis").
_IMPERSONAL_SUBJECTS = frozenset(
    "il ce c' cela ça que qu' où dont lesquels lesquelles auxquels auxquelles".split())
# Prepositions after which a verb can only be an infinitive ("afin de", "avant de", "au lieu
# de" end in "de").
_INFINITIVE_PREPOSITIONS = frozenset({"sans", "pour", "de", "d'", "à", "par"})
# Verbs that take a bare infinitive and never a past participle (perception verbs and
# "sembler", "paraître", "laisser" are left out: "je l'ai vu blessé", "il semble fatigué").
_MODALS = frozenset({"pouvoir", "devoir", "vouloir", "aller", "falloir"})
# Modals that no bare noun can follow: "on peut cité" is the verb "citer", not the noun.
_MODALS_BEFORE_VERB_ONLY = frozenset({"pouvoir", "devoir", "vouloir"})
_AUXILIARIES = frozenset({"avoir", "être"})
# "après manger", "après dîner", "après souper": set phrases (and nouns) French uses as they are.
_APRES_NOUNS = frozenset({"manger", "dîner", "diner", "souper", "déjeuner", "goûter", "coup"})
# Verbs conjugated with être, for "après être arrivé".
_ETRE_VERBS = frozenset(
    "aller arriver venir partir entrer sortir monter descendre naître mourir rester tomber "
    "retourner revenir devenir parvenir rentrer repartir".split())
_OBJECT_ARTICLES = frozenset(
    {"le", "la", "les", "l’", "l'", "un", "une", "des", "du", "ses", "son", "sa", "leurs"})
# Verbs that take a bare infinitive ("le fait engager", "va partir"), whatever the tagger says.
_BEFORE_INFINITIVE = frozenset(
    "faire laisser voir entendre sentir regarder écouter pouvoir devoir vouloir aller venir savoir "
    "falloir".split())
_TIME_WORDS = frozenset("jour jours mois année semaine matin soir nuit lundi mardi mercredi jeudi vendredi "
                        "samedi dimanche an ans".split())  # fmt: skip
# Words that may stand between the governing word and the verb: clitic pronouns, negation.
_CLITICS = frozenset("me m' te t' se s' nous vous lui leur y en le la les l'".split())
_DETERMINER_CLITICS = frozenset({"le", "la", "les", "l'"})  # also articles: "pour le passé"
_NEGATION = frozenset("ne n' pas plus jamais point guère".split())
_QUANTIFIERS = frozenset({"tous", "toutes", "tout"})  # "ils se sont tous rendus"
# "rien de changé", "quelque chose de prévu", "un de perdu": "de" + adjectival participle.
_DE_ADJECTIVAL = frozenset(
    "rien chose personne quoi quelqu'un autre grand-chose ceci cela ça aucun un une".split()
)
# Infinitives whose noun reading never stands bare after "être" ("un aller simple"), so that
# "elle est aller" can only be the verb.
_BARE_NOUNLESS = frozenset({"aller"})
# Subjects with which "être" + infinitive is correct: "c'est aller trop loin".
_DEMONSTRATIVES = frozenset({"c'", "ce", "cela", "ça", "ceci"})
_SUBJECT_PRONOUNS = {"il": ("m", "sg"), "elle": ("f", "sg"), "ils": ("m", "pl"), "elles": ("f", "pl")}
# Before "a", words that show it is the verb "avoir", not a misspelt "à" ("machine a laver").
_BEFORE_AUX_A = frozenset("il elle on qui qu' y n' l' en lui leur m' t' nous vous ça cela".split())

# Words after which the next finite verb may belong to another clause.
_CLAUSE_BREAKS = frozenset(
    "qui que qu' dont où lequel laquelle lesquels lesquelles ; : ( « \" et ou mais".split()
)

# The accent variants of each vowel: the single-accent misspellings a participle may hide.
_ACCENT_VARIANTS = {
    "a": "àâ", "à": "aâ", "â": "aà", "e": "éèê", "é": "eèê", "è": "eéê", "ê": "eéè",
    "i": "îï", "î": "iï", "o": "ô", "ô": "o", "u": "ûù", "û": "uù",
}
# How the parse attaches an adverbial clause (it mislabels some "si" clauses as obliques).
_ADVERBIAL_DEPS = frozenset({"advcl", "obl", "obl:mod", "advmod"})
# Verbs whose "si" clause is an indirect question, which may be in the conditional or future.
_QUESTION_VERBS = frozenset(
    "demander savoir ignorer voir vérifier dire comprendre examiner décider déterminer évaluer "
    "indiquer préciser douter chercher tester juger regarder deviner expliquer interroger".split()
)
_PRONOUN_PERSON = {
    "je": "1sg", "j'": "1sg", "tu": "2sg", "il": "3sg", "elle": "3sg", "on": "3sg",
    "nous": "1pl", "vous": "2pl", "ils": "3pl", "elles": "3pl",
}
_INDICATIVE = frozenset({"ipre", "iimp", "ipsi", "ifut", "cond"})
_SUBJUNCTIVE = frozenset({"spre", "simp"})
# The indicative tense of the auxiliary that replaces a subjunctive one after "après que":
# passé composé for the passé du subjonctif, passé antérieur for the plus-que-parfait.
_INDICATIVE_OF = {"spre": "ipre", "simp": "ipsi"}

# Subordinating conjunctions that govern the subjunctive, as the lower-cased words before
# "que" ("bien que" is checked against the parse: "il sait bien que" is an adverb).
_SUBJ_CONJUNCTIONS: tuple[tuple[str, ...], ...] = (
    ("bien",), ("pour",), ("afin",), ("avant",), ("sans",), ("à", "moins"),
    ("jusqu'à", "ce"), ("jusqu'", "à", "ce"), ("en", "attendant"), ("pourvu",), ("à", "condition"),
    ("de", "peur"), ("de", "crainte"), ("en", "sorte"), ("à", "ce"), ("à", "supposer"),
    ("pour", "peu"), ("vaut", "mieux"), ("valait", "mieux"), ("vaudrait", "mieux"), ("mieux", "vaut"),
)
# Conjunctions after which usage admits the conditional ("bien qu'il serait facile de…").
_CONDITIONAL_OK = frozenset({("bien",), ("quoique",)})
# Verbs, adjectives (in "il est … que") and nouns whose "que" clause is in the subjunctive.
_SUBJ_VERBS = frozenset(
    "falloir vouloir souhaiter exiger ordonner préférer craindre refuser éviter regretter "
    "déplorer désirer redouter demander attendre accepter permettre aimer recommander conseiller "
    "proposer interdire".split()  # not "empêcher": "il n’empêche que" + indicative
)
_SUBJ_ADJECTIVES = frozenset(
    "possible impossible nécessaire important essentiel indispensable préférable souhaitable "
    "urgent improbable primordial crucial impératif".split()
)
# "il est probable que" takes the indicative, "il est peu probable que" the subjunctive.
_SUBJ_IF_PEU = frozenset({"probable", "vraisemblable"})
_SUBJ_NOUNS = frozenset("possibilité éventualité nécessité crainte peur risque".split())
# Set phrases where a present participle ends a noun phrase: "le cas échéant", "chemin faisant",
# "tambour battant", "Dieu aidant", "argent comptant".
_ABSOLUTE_PARTICIPLES = frozenset({"échéant", "faisant", "battant", "aidant", "comptant", "tenant"})
_SENTENCE_ENDS = frozenset({".", "!", "?", ";", "…"})

# Object pronouns of the wrong case (English "him"/"them" is both): verbs whose person object is
# direct ("interroger qqn": not «on lui a interrogé»; no dative of the body part or benefit
# fits them, unlike «il lui a cassé le bras», «il lui a appelé un taxi», «il lui a soutenu que»)…
_DIRECT_PERSON_VERBS = frozenset(
    "aider interroger questionner remercier féliciter inviter encourager informer prévenir avertir "
    "contacter consulter accompagner rencontrer rejoindre accueillir saluer interviewer convaincre "
    "inciter aviser épouser".split())
# … and verbs whose person object is indirect ("répondre à qqn": not «il l'a répondu»), some
# only before «de» + infinitive ("demander à qqn de partir"; «il l'a demandé» asks for a thing).
_INDIRECT_PERSON_VERBS = frozenset(
    "répondre téléphoner sourire ressembler obéir désobéir plaire déplaire nuire succéder".split())
_INDIRECT_BEFORE_DE = frozenset(
    "demander permettre ordonner interdire promettre proposer recommander conseiller".split())
_DATIVE_FOR = {"le": "lui", "la": "lui", "l'": "lui", "les": "leur"}
_ACCUSATIVE_FOR = {"lui": "le", "leur": "les"}
# What may stand before a clitic object pronoun in its clause: a subject clitic or «ne»; a noun
# subject is checked by its part of speech. Not «que»: «les gens que lui a aidés» (he helped).
_BEFORE_CLITIC = frozenset("je j' tu il elle on nous vous ils elles ne n' qui".split())
_AFTER_AUXILIARY_ADVERBS = frozenset(
    "pas plus jamais déjà bien aussi également toujours encore souvent ensuite alors".split())


def _norm(text: str) -> str:
    return text.lower().replace("’", "'")


# Verbs whose conditional is politeness or hedging after a «si» in the present.
_POLITE_CONDITIONALS = frozenset(
    "pouvoir vouloir devoir falloir aimer préférer valoir souhaiter sembler paraître".split())


def _verb_readings(analyses: Iterable[Analysis]) -> list[Analysis]:
    return [a for a in analyses if "v" in a.pos]


def _morph(tok: Token, feature: str) -> list[str]:
    return list(tok.morph.get(feature, []))


def _match_case(model: str, form: str) -> str:
    return form[:1].upper() + form[1:] if model[:1].isupper() else form


class VerbFormsDetector(LexiconDetector):
    name = "verbforms"
    codes = (
        Code(VERB_FORM, Category.GRAMMAR, Severity.MINOR,
             "participle for infinitive or the reverse: `sans payé` → `payer`, `a décider` → `décidé`; "
             "a bare infinitive as a clause's only verb: `Le gouvernement prolonger les restrictions` "
             "→ `prolonge`; an infinitive after «dans»: `dans s’occuper de` → `en s’occupant de`"),
        Code(MOOD, Category.GRAMMAR, Severity.MINOR,
             "wrong mood in a subordinate clause: `après qu’il ait` → `a`, `la possibilité que … "
             "pourrait` → `puisse`, `si j’aurais su` → `avais`"),
        Code(AUXILIARY, Category.GRAMMAR, Severity.MINOR,
             "a reflexive verb conjugated with `avoir`: `elle se a levée` → `s’est levée`; `ont été "
             "revenus` → `sont revenus`"),
        Code(PASSIVE, Category.GRAMMAR, Severity.MINOR,
             "a passive of a verb whose person object is indirect: `le tweet a été répondu`, `ils ont été "
             "demandés de partir`, `Shin a été donné la responsabilité`, or that has none: `votre compte a "
             "été accédé` (French: active with «on»)"),
        Code(OBJECT_PRONOUN, Category.GRAMMAR, Severity.MINOR,
             "an object pronoun of the wrong case for its verb: `on lui a interrogé` → `on l’a "
             "interrogé`, `il leur aide` → `les aide`, `il l’a répondu` → `lui a répondu`, `elle les a "
             "demandé de partir` → `leur a demandé`"),
        Code(REFLEXIVE, Category.GRAMMAR, Severity.MINOR,
             "reflexive `se` + `être` without a participle: `s’être stable` → `être stable`; "
             "`s’est adieux` (major: a verb is missing)"),
    )
    requires = frozenset({PARSE})
    version = "11"

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        super().__init__(lexicon)
        self._lemma_cache: dict[str, frozenset[str]] = {}  # word -> _verb_lemmas(word)

    def detect(self, ctx: DocumentContext) -> Iterator[Issue]:
        if ctx.parses is None:
            return
        for sentence, doc in zip(ctx.sentences, ctx.parses, strict=True):
            seen: set[int] = set()
            for issue in self._sentence(sentence, doc):
                if issue.start not in seen:
                    seen.add(issue.start)
                    yield issue

    def _verb_lemmas(self, word: str) -> frozenset[str]:
        """The lemmas of the verb readings of ``word``, cached per word (asked for every verb
        of every sentence; one small set per distinct verb form)."""
        lemmas = self._lemma_cache.get(word)
        if lemmas is None:
            lemmas = self._lemma_cache[word] = frozenset(
                a.lemma for a in _verb_readings(self.lexicon.analyses(word))
            )
        return lemmas

    def _sentence(self, sentence: Sentence, doc: Doc) -> Iterator[Issue]:
        tokens = list(doc)
        yield from self._bare_main_verb(sentence, tokens)
        yield from self._bare_present_participle(sentence, tokens)
        yield from self._passive_of_motion(sentence)
        yield from self._indirect_passive(sentence, tokens)
        yield from self._imperative_and_infinitive(sentence, tokens)
        for tok in tokens:
            low = _norm(tok.text)
            if low in _DATIVE_FOR or low in _ACCUSATIVE_FOR:
                yield from self._object_pronoun(sentence, tokens, tok)
            # The tagger reads "de" before a verb it does not recognise as a partitive article.
            preposition = tok.pos_ == "ADP" or (low in ("de", "d'") and tok.pos_ == "DET")
            if low in _INFINITIVE_PREPOSITIONS and preposition:
                yield from self._after_preposition(sentence, tokens, tok)
            elif low == "dans" and tok.pos_ == "ADP":
                yield from self._after_dans(sentence, tokens, tok)
            elif low == "après" and tok.i + 1 < len(tokens):
                yield from self._after_apres(sentence, tokens, tok)
            elif low in ("que", "qu'", "quoique", "quoiqu'"):
                yield from self._mood(sentence, tokens, tok)
            elif low in ("se", "s'") and tok.pos_ != "SCONJ":  # "s’" may be tagged VERB
                yield from self._reflexive(sentence, tokens, tok)
            elif low in ("si", "s'") and tok.pos_ == "SCONJ" and tok.dep_ in ("mark", "fixed"):
                yield from self._hypothesis(sentence, tokens, tok)
                if tok.i == dateline_end(tokens):
                    yield from self._opening_si_future(sentence, tokens, tok)
            if tok.pos_ in ("AUX", "VERB"):
                lemmas = self._verb_lemmas(tok.text)
                if lemmas & _AUXILIARIES:
                    yield from self._after_auxiliary(sentence, tokens, tok)
                if lemmas & _MODALS:
                    yield from self._after_modal(sentence, tokens, tok)

    def _bare_main_verb(self, sentence: Sentence, tokens: Sequence[Token]) -> Iterator[Issue]:
        """``BPBD activer les postes``, ``Le gouvernement prolonger les restrictions`` →
        ``prolonge``, ``La police enregistré 15 maisons`` → ``a enregistré``: a sentence with no
        finite verb whose subject noun phrase is followed by an infinitive (or a participle)
        and its object. Indonesian verbs do not conjugate, and MT leaves the dictionary form.
        Headline participles ("Un homme arrêté pour vol", "Deux suspects arrêtés hier",
        "Photo prise le 3 mars") have no object after them and are left alone."""
        if any("Fin" in _morph(t, "VerbForm") or t.pos_ == "AUX" for t in tokens):
            return
        k = 0
        if len(tokens) > 2 and tokens[0].text.isupper() and tokens[1].text in ("-", "–", "—"):
            k = 2  # "JAKARTA - …": the dateline
        start_k = k
        nominal = ("DET", "NOUN", "PROPN", "ADJ", "NUM")
        while k < len(tokens) and k - start_k < 5 and tokens[k].pos_ in nominal:
            k += 1
        if k == start_k or k + 1 >= len(tokens) or tokens[k - 1].pos_ not in ("NOUN", "PROPN"):
            return
        if self._verb_lemmas(tokens[k - 1].text) & _BEFORE_INFINITIVE:
            return  # "son ami le fait engager": a causative the tagger took for a noun
        verb, after = tokens[k], tokens[k + 1]
        form = _morph(verb, "VerbForm")
        if verb.pos_ != "VERB" or not (form == ["Inf"] or form == ["Part"]):
            return
        if form == ["Part"]:
            counted = after.pos_ == "NUM" and k + 2 < len(tokens) and tokens[k + 2].pos_ == "NOUN"
            article = after.lower_ in _OBJECT_ARTICLES and k + 2 < len(tokens) and (
                tokens[k + 2].pos_ == "NOUN" and tokens[k + 2].lower_ not in _TIME_WORDS
            )
            if not (counted or article):
                return
        elif after.pos_ not in ("DET", "NUM", "NOUN", "PROPN", "ADP", "ADV", "PRON"):
            return
        plural = "Plur" in _morph(tokens[k - 1], "Number")
        if form == ["Inf"]:
            forms = self._present(verb.text, "3pl" if plural else "3sg")
            if not forms:
                return
            fix, what = forms[0], "an infinitive"
        else:
            if not any("ppas" in a.pos for a in self.lexicon.analyses(verb.text)):
                return
            fix, what = ("ont " if plural else "a ") + verb.text, "a participle without its auxiliary"
        start = sentence.start + verb.idx
        yield self.issue(
            sentence, start, start + len(verb.text), Category.GRAMMAR, Severity.MINOR, VERB_FORM,
            f"«{verb.text}» is {what}, and the sentence has no conjugated verb: «{fix}».", fix,
        )

    def _bare_present_participle(self, sentence: Sentence, tokens: Sequence[Token]) -> Iterator[Issue]:
        """``des vidéos circulant.`` → ``qui circulent``: a present participle with nothing after
        it, ending the sentence after its noun (Indonesian "video yang beredar", "the videos that
        circulate"). A participle with a complement ("des informations circulant sur les
        réseaux") is French; so is a verbal adjective that agrees ("un message menaçant"), a
        word that is also a noun, a preposition or an adverb ("la nuit durant", "des
        manifestants"), and the set phrases "le cas échéant", "chemin faisant"."""
        for k in range(1, len(tokens)):
            word, noun = tokens[k], tokens[k - 1]
            if not word.text.endswith("ant") or not word.is_alpha or word.lower_ in _ABSOLUTE_PARTICIPLES:
                continue
            if noun.pos_ != "NOUN" or not noun.text.islower() or not noun.is_alpha:
                continue
            if k + 1 < len(tokens) and tokens[k + 1].text not in _SENTENCE_ENDS:
                continue
            readings = self.lexicon.analyses(word.text)
            participles = [a for a in readings if "ppre" in a.pos]
            if not participles or any(a.pos & {"nom", "prep", "adv", "cjco", "cjsub"} for a in readings):
                continue
            number = "pl" if "Plur" in _morph(noun, "Number") else "sg"
            genders = {a.gender for a in self.lexicon.analyses(noun.text) if "nom" in a.pos}
            gender = "f" if "Fem" in _morph(noun, "Gender") or genders == {"f"} else "m"
            adjective = any("adj" in a.pos for a in readings)
            if adjective and (gender, number) == ("m", "sg"):
                continue  # "un document existant": the verbal adjective, agreeing
            forms = self._present(participles[0].lemma, "3pl" if number == "pl" else "3sg")
            if not forms:
                continue
            fix = f"qui {forms[0]}"
            also = ""
            if adjective:
                agreed = self.lexicon.inflect(word.text, gender=gender, number=number, pos="adj")
                if agreed and agreed[0] != word.text:
                    also = f" (or the adjective «{agreed[0]}»)"
            start = sentence.start + word.idx
            yield self.issue(
                sentence, start, start + len(word.text), Category.GRAMMAR, Severity.MINOR, VERB_FORM,
                f"«{word.text}» is a bare present participle after «{noun.text}»: «{fix}»{also}.", fix,
            )

    def _imperative_and_infinitive(self, sentence: Sentence, tokens: Sequence[Token]) -> Iterator[Issue]:
        """``Respectez et apprécier la nature`` → ``appréciez``: an imperative opening the
        sentence, coordinated with a bare infinitive (help-centre MT mixes the two)."""
        k = 0
        while k < len(tokens) and not tokens[k].is_alpha:
            k += 1
        if k + 2 >= len(tokens) or not tokens[k].lower_.endswith("ez"):
            return
        first = tokens[k]
        if not any("2pl" in a.persons for a in _verb_readings(self.lexicon.analyses(first.text))):
            return
        j = k + 1
        if tokens[j].text == ",":
            j += 1
        if j + 1 >= len(tokens) or tokens[j].lower_ not in ("et", "ou", "puis"):
            return
        verb = tokens[j + 1]
        readings = self.lexicon.analyses(verb.text)
        if not verb.is_alpha or not readings or not all("infi" in a.pos for a in readings):
            return
        forms = [f for f in self._present(verb.text, "2pl") if f.endswith("ez")]  # the imperative's form
        if not forms:
            return
        start = sentence.start + verb.idx
        yield self.issue(
            sentence, start, start + len(verb.text), Category.GRAMMAR, Severity.MINOR, VERB_FORM,
            f"«{verb.text}» is coordinated with the imperative «{first.text}»: «{forms[0]}».", forms[0],
        )

    def _passive_of_motion(self, sentence: Sentence) -> Iterator[Issue]:
        """``ont été revenus`` → ``sont revenus``: «avoir été» + the participle of a verb that
        has no passive (venir, arriver, partir, mourir…: intransitive, conjugated with
        «être»). Verbs with a transitive use ("les bagages ont été descendus", "sortis") are
        left alone."""
        for m in _PASSIVE_OF_MOTION.finditer(sentence.text):
            avoir, participle = m.group(1), m.group(2)
            etre = _ETRE_FOR_AVOIR.get(avoir.lower())
            if etre is None:
                continue
            fix = _match_case(avoir, etre) + " " + participle
            yield self.issue(
                sentence, sentence.start + m.start(), sentence.start + m.end(), Category.GRAMMAR,
                Severity.MINOR, AUXILIARY,
                f"«{participle}» has no passive: its compound tense takes «être», «{fix}».", fix,
            )

    def _after_dans(self, sentence: Sentence, tokens: Sequence[Token], dans: Token) -> Iterator[Issue]:
        """``dans s'occuper de`` (Indonesian "dalam mengurus", English "in taking care"): «dans»
        takes no infinitive; French uses «en» + gerund. Only a word the lexicon reads as an
        infinitive and as no noun ("dans le devoir", "dans le rire" have an article anyway)."""
        k = dans.i + 1
        while k < len(tokens) and _norm(tokens[k].text) in _CLITICS - _DETERMINER_CLITICS:
            k += 1
        if k >= len(tokens):
            return
        word = tokens[k]
        if not word.text.islower() or not word.is_alpha:
            return
        readings = self.lexicon.analyses(word.text)
        if not any("infi" in a.pos for a in readings) or any(a.pos - {"infi", "v"} for a in readings):
            return
        start = sentence.start + dans.idx
        yield self.issue(
            sentence, start, sentence.start + word.idx + len(word.text), Category.GRAMMAR,
            Severity.MINOR, VERB_FORM,
            f"«dans» takes no infinitive: «en» + gerund, or a noun («dans {word.text}»).",
        )

    def _indirect_passive(self, sentence: Sentence, tokens: Sequence[Token]) -> Iterator[Issue]:
        """``le tweet a été répondu``, ``les habitants ont été demandés de``, ``Shin a été donné la
        responsabilité`` (see GRAMMAR-PASSIVE). Left alone: the impersonal «il» ("il a été
        demandé de", "il est recommandé de"), a passive without a subject before it ("Ont été
        remis les prix suivants", "les prix que lui ont été remis"), a time after the verb ("le
        prix a été remis le 5 mai")."""
        text = sentence.text
        flagged = set()
        for m in _INDIRECT_PASSIVE.finditer(text):
            if _REFLEXIVE_BEFORE.search(text, 0, m.start()) or not self._personal_subject(
                tokens, m.start(), m.group(1)
            ):
                continue  # «ils se sont succédé»: a pronominal verb's compound tense
            following = m.group(2)
            if following is not None and (following.lower() in _TIME_WORDS or following.isdigit()
                                          or following.lower() in ("lendemain", "veille", "même")):
                continue
            phrase = m.group(1)
            flagged.add(m.start(1))
            yield self.issue(
                sentence, sentence.start + m.start(1), sentence.start + m.end(1), Category.GRAMMAR,
                Severity.MINOR, PASSIVE,
                f"«{phrase}»: this verb's object is indirect, so French has no such passive; "
                "make it active with «on» (\"on a répondu à…\", \"on a demandé à… de\", \"on a confié à…\").",
            )
        # Any verb whose participle never agrees (the lexicon has it only invariable: «coopéré»,
        # «participé», «contribué») has no direct object, so no personal passive: "le régent sera
        # coopéré". Not after a reflexive pronoun («ils se sont succédé», «se sont nui»).
        for m in _PASSIVE_PARTICIPLE.finditer(text):
            if m.start() in flagged or not self._invariable_participle(m.group(2)):
                continue
            if _REFLEXIVE_BEFORE.search(text, 0, m.start()) or not self._personal_subject(
                tokens, m.start(), m.group(1)
            ):
                continue
            yield self.issue(
                sentence, sentence.start + m.start(), sentence.start + m.end(), Category.GRAMMAR,
                Severity.MINOR, PASSIVE,
                f"«{m.group(2)}» has no direct object, so French has no such passive: make it active "
                f"(«… a coopéré», «on a participé à …»).",
            )

    def _personal_subject(self, tokens: Sequence[Token], start: int, auxiliary: str) -> bool:
        """Whether the passive at ``start`` has a personal subject before it (a noun or a
        pronoun, not the impersonal «il»; over a modal: «les questions doivent être répondues»)."""
        before = [t for t in tokens if t.idx + len(t.text) <= start]
        k = len(before) - 1
        infinitive = _norm(auxiliary.split()[0]) in ("être", "avoir")
        while k >= 0 and (_norm(before[k].text) in _IMPERSONAL_GAP or infinitive and (
            self._verb_lemmas(before[k].text) & _MODALS_BEFORE_VERB_ONLY
        )):
            k -= 1  # "les questions doivent être répondues": the modal's subject
        if k < 0:
            return False
        subject = before[k]
        if _norm(subject.text) in _IMPERSONAL_SUBJECTS:
            return False
        return subject.pos_ in ("NOUN", "PROPN", "PRON") and subject.is_alpha

    def _invariable_participle(self, word: str) -> bool:
        """A past participle the lexicon has only invariable, and nothing else (no adjective,
        no noun: «procédé»)."""
        readings = self.lexicon.analyses(word)
        return bool(readings) and all(
            "ppas" in a.pos and a.number == "inv" and not a.pos & {"adj", "nom"} for a in readings
        )

    def _object_pronoun(self, sentence: Sentence, tokens: Sequence[Token], pron: Token) -> Iterator[Issue]:
        """``on lui a interrogé`` → ``l’a``, ``il l’a répondu`` → ``lui a`` (GRAMMAR-OBJECT-PRONOUN):
        a clitic before its verb (after a subject clitic, «ne», «qui» or a noun; after «pour», «de»,
        «sans» before an infinitive), the verb or its participle after «avoir» one of the closed
        lists above. A stressed «lui» («quant à lui», «et lui», «que lui a aidés») is left alone."""
        i = pron.i
        low = _norm(pron.text)
        if pron.pos_ != "PRON" or i == 0 or i + 1 >= len(tokens):
            return
        prev = tokens[i - 1]
        prev_low = _norm(prev.text)
        infinitive_only = prev_low in ("pour", "de", "d'", "sans")
        if not (infinitive_only or prev_low in _BEFORE_CLITIC or (
            prev.pos_ in ("NOUN", "PROPN") and prev.dep_ == "nsubj")):
            return
        j = i + 1
        while j < len(tokens) and _norm(tokens[j].text) in ("y", "en"):
            j += 1
        if j >= len(tokens):
            return
        verb = tokens[j]
        lemmas = self._verb_lemmas(verb.text)
        readings = _verb_readings(self.lexicon.analyses(verb.text))
        if "avoir" in lemmas and not infinitive_only:
            k = j + 1
            while k < len(tokens) and _norm(tokens[k].text) in _AFTER_AUXILIARY_ADVERBS:
                k += 1
            if k >= len(tokens):
                return
            verb = tokens[k]
            readings = [a for a in _verb_readings(self.lexicon.analyses(verb.text)) if "ppas" in a.pos]
        elif infinitive_only:
            readings = [a for a in readings if "infi" in a.pos]
        lemmas = frozenset(a.lemma for a in readings)
        if not lemmas:
            return
        if low in _ACCUSATIVE_FOR:
            if not lemmas & _DIRECT_PERSON_VERBS or lemmas & (_INDIRECT_PERSON_VERBS | _INDIRECT_BEFORE_DE):
                return
            fix = _ACCUSATIVE_FOR[low]
            if fix == "le" and tokens[j].text[:1].lower() in "aeiouyéèêh":
                fix = "l’"
            why = f"«{verb.text}» takes its person as a direct object"
        else:
            if lemmas & _DIRECT_PERSON_VERBS:
                return
            if not lemmas & _INDIRECT_PERSON_VERBS:
                after = tokens[verb.i + 1] if verb.i + 1 < len(tokens) else None
                then = tokens[verb.i + 2] if verb.i + 2 < len(tokens) else None
                if not (lemmas & _INDIRECT_BEFORE_DE and after is not None and then is not None
                        and _norm(after.text) in ("de", "d'")
                        and any("infi" in a.pos for a in self.lexicon.analyses(then.text))):
                    return
            fix = _DATIVE_FOR[low]
            why = f"«{verb.text}» takes its person as an indirect object («à» + person)"
        fix = _match_case(pron.text, fix)
        if fix.lower() == "le":  # the person's gender is unknown: «le» or «la»
            yield self.issue(
                sentence, sentence.start + pron.idx, sentence.start + pron.idx + len(pron.text),
                Category.GRAMMAR, Severity.MINOR, OBJECT_PRONOUN,
                f"«{pron.text}»: {why}; the pronoun is «le» or «la».",
            )
            return
        start = sentence.start + pron.idx
        # «lui a» → «l’a»: the elided pronoun takes the space after it too
        end = sentence.start + (tokens[i + 1].idx if fix.endswith("’") else pron.idx + len(pron.text))
        if pron.text.endswith(("'", "’")) and not fix.endswith("’"):
            fix += " "  # «l’a répondu» → «lui a répondu»
        yield self.issue(
            sentence, start, end, Category.GRAMMAR, Severity.MINOR, OBJECT_PRONOUN,
            f"«{pron.text}»: {why}; the pronoun is «{fix.strip()}».", suggestion=fix,
        )

    def _present(self, infinitive: str, person: str) -> list[str]:
        """The present indicative of ``infinitive`` for ``person`` ("activer", "3sg" → "active")."""
        out: list[str] = []
        for analysis in self.lexicon.analyses(infinitive):
            if "infi" not in analysis.pos:
                continue
            for form, candidate in self.lexicon.forms(analysis.entry):
                if person in candidate.persons and "ipre" in candidate.tenses:
                    out.append(form)
        return list(dict.fromkeys(out))

    # --- helpers ----------------------------------------------------------------------------

    def _next_verb(self, tokens: Sequence[Token], start: int, clitics: bool) -> tuple[Token | None, bool]:
        """The first token after ``tokens[start]`` that is not a negation, an adverb or (with
        ``clitics``) a clitic pronoun, within four tokens; and whether a word that only a verb
        can follow (a reflexive or object clitic other than le/la/les, a negation) came first."""
        verbal = False
        for tok in tokens[start + 1 : start + 5]:
            low = _norm(tok.text)
            if low in _NEGATION:
                verbal = True
                continue
            if clitics and low in _CLITICS and tok.pos_ == "PRON":
                verbal = verbal or low not in _DETERMINER_CLITICS
                continue
            if tok.pos_ == "ADV" and any("adv" in a.pos for a in self.lexicon.analyses(tok.text)):
                continue
            return tok, verbal
        return None, verbal

    def _participle_reading(self, word: Token, verbal: bool, after_article: bool) -> Analysis | None:
        """The verb reading of an -é participle or -ez form of a first-group verb, when only a
        verb can stand there: the lexicon has no other reading for it (no noun ``marché``, no
        second verb) unless ``verbal`` (``pour se protégé``). After a clitic that is also an
        article (``pour le réparé``) the parse must call it a verb too."""
        low = _norm(word.text)
        if not (low.endswith("é") or low.endswith("ez")) or not word.text.isalpha():
            return None
        if word.text[:1].isupper() and word.i > 0:
            return None  # a name or a title
        if after_article and word.pos_ not in ("VERB", "AUX"):
            return None
        analyses = self.lexicon.analyses(word.text)
        verbs = _verb_readings(analyses)
        if not verbs or (not verbal and len(verbs) != len(analyses)):
            return None
        if len({a.entry for a in verbs}) != 1 or not verbs[0].lemma.endswith("er"):
            return None
        if low.endswith("é"):
            fits = all("ppas" in a.pos for a in verbs)
        else:
            fits = all(a.persons == {"2pl"} for a in verbs)
        if not fits or self._misspelt_noun(low):
            return None
        return verbs[0]

    def _misspelt_noun(self, word: str) -> bool:
        """Whether changing one accent before the ending makes ``word`` a noun: "mise de coté" is
        a misspelt "côté", not a participle in the infinitive's place."""
        stem, ending = (word[:-1], word[-1:]) if word.endswith("é") else (word[:-2], word[-2:])
        for i, ch in enumerate(stem):
            for variant in _ACCENT_VARIANTS.get(ch, ""):
                candidate = stem[:i] + variant + stem[i + 1 :] + ending
                if any("nom" in a.pos for a in self.lexicon.analyses(candidate)):
                    return True
        return False

    def _infinitive(self, reading: Analysis) -> str | None:
        for form, candidate in self.lexicon.forms(reading.entry):
            if "infi" in candidate.pos:
                return form
        return None

    def _issue_form(
        self, sentence: Sentence, word: Token, suggestion: str, why: str
    ) -> Issue:
        start = sentence.start + word.idx
        suggestion = _match_case(word.text, suggestion)
        return self.issue(
            sentence, start, start + len(word.text), Category.GRAMMAR, Severity.MINOR,
            VERB_FORM, f"{why}: «{suggestion}», not «{word.text}»", suggestion,
        )

    # --- family 1: infinitive or participle -------------------------------------------------

    def _after_preposition(self, sentence: Sentence, tokens: Sequence[Token], prep: Token) -> Iterator[Issue]:
        word, verbal = self._next_verb(tokens, prep.i, clitics=True)
        if word is None or prep.head.i != word.i:
            return
        after_article = _norm(tokens[word.i - 1].text) in _DETERMINER_CLITICS
        reading = self._participle_reading(word, verbal, after_article)
        if reading is None:
            return
        low = _norm(prep.text)
        if low in ("de", "d'") and prep.i > 0:
            before = tokens[prep.i - 1]
            if _norm(before.text) in _DE_ADJECTIVAL or before.pos_ == "NUM":
                return
        if low == "à" and prep.i > 0:
            before = tokens[prep.i - 1]
            if _norm(before.text) in _BEFORE_AUX_A or before.dep_.startswith("nsubj"):
                return  # "il à mangé": a misspelt auxiliary "a", not a preposition
            if before.lower_ in RANGE_ADJECTIVES:
                return  # "un risque modéré à élevé": a range of adjectives
        infinitive = self._infinitive(reading)
        if infinitive is None:
            return
        yield self._issue_form(
            sentence, word, infinitive, f"after «{prep.text}» the verb must be an infinitive"
        )

    def _after_apres(self, sentence: Sentence, tokens: Sequence[Token], prep: Token) -> Iterator[Issue]:
        """"after clicking" as "après cliquer sur Terminer" → "après avoir cliqué": «après»
        takes the past infinitive. Only a word the lexicon reads as an infinitive and nothing
        else ("après dîner", "après manger" are nouns or set phrases and left alone), never
        «avoir» or «être» themselves, nor "d'après", "après-demain"."""
        word = tokens[prep.i + 1]
        if prep.i and _norm(tokens[prep.i - 1].text) in ("d'", "de"):
            return
        if not prep.whitespace_ or word.lower_ in ("avoir", "être") or not word.is_alpha:
            return
        readings = self.lexicon.analyses(word.text)
        if not readings or any(a.pos != frozenset({"v", "infi"}) for a in readings):
            return
        if word.lower_ in _APRES_NOUNS:
            return
        participle = self._participle(readings[0], "m", "sg")
        if participle is None:
            return
        auxiliary = "être" if readings[0].lemma in _ETRE_VERBS else "avoir"
        yield self._issue_form(
            sentence, word, f"{auxiliary} {participle}", "«après» takes the past infinitive",
        )

    def _after_modal(self, sentence: Sentence, tokens: Sequence[Token], modal: Token) -> Iterator[Issue]:
        readings = [a for a in _verb_readings(self.lexicon.analyses(modal.text)) if a.lemma in _MODALS]
        finite = any(a.persons for a in readings)
        participle = any("ppas" in a.pos for a in readings) and any(
            c.dep_.startswith("aux") for c in modal.children
        )
        if not (finite or participle):
            return  # an infinitive "pouvoir" / "devoir" may be a noun ("le pouvoir accordé")
        word, verbal = self._next_verb(tokens, modal.i, clitics=True)
        if word is None or not (word.head.i == modal.i or modal.head.i == word.i):
            return
        after_article = _norm(tokens[word.i - 1].text) in _DETERMINER_CLITICS
        # No bare noun follows "peut", "doit", "veut": "on peut cité" is the verb "citer".
        verbal = verbal or bool({a.lemma for a in readings} & _MODALS_BEFORE_VERB_ONLY)
        reading = self._participle_reading(word, verbal, after_article)
        if reading is None:
            return
        infinitive = self._infinitive(reading)
        if infinitive is None:
            return
        yield self._issue_form(
            sentence, word, infinitive, f"after «{modal.text}» the verb must be an infinitive"
        )

    def _after_auxiliary(self, sentence: Sentence, tokens: Sequence[Token], aux: Token) -> Iterator[Issue]:
        word, _ = self._next_verb(tokens, aux.i, clitics=False)
        if word is None:
            return
        is_etre = "être" in self._lemmas(aux)
        linked = aux.head.i == word.i and aux.dep_.startswith("aux")
        if not linked and not is_etre:
            # "il avait étudier": the tagger makes "avait" the verb and the infinitive its
            # complement; "avoir" never takes a bare infinitive, so the link is enough.
            linked = word.head.i == aux.i and word.dep_ in ("xcomp", "obj", "ccomp")
        if not linked:
            return
        low = _norm(word.text)
        if not word.text.isalpha() or (word.text[:1].isupper() and word.i > 0):
            return
        if _norm(aux.text) == "a" and not self._verb_a(tokens, aux, word):
            return
        analyses = self.lexicon.analyses(word.text)
        verbs = [a for a in analyses if "v" in a.pos]
        if not verbs or len({a.entry for a in verbs}) != 1 or not verbs[0].lemma.endswith("er"):
            return
        if low.endswith("er"):
            if "Inf" not in _morph(word, "VerbForm") or word.pos_ not in ("VERB", "AUX"):
                return
            if not all("infi" in a.pos for a in verbs):
                return
            if any("nom" in a.pos for a in analyses) and low not in _BARE_NOUNLESS:
                return  # "il a été conseiller": a noun attribute
        elif low.endswith("ez"):
            if any("v" not in a.pos for a in analyses) or not all(a.persons == {"2pl"} for a in verbs):
                return
        else:
            return
        gender, number = "m", "sg"
        if is_etre:
            subject = self._subject(tokens, aux, word)
            if subject is None or _norm(subject.text) in _DEMONSTRATIVES or subject.pos_ == "VERB":
                return  # "c'est aller trop loin", "partir est mourir un peu"
            if subject.pos_ != "PRON" and any(c.dep_ in ("obj", "ccomp", "xcomp") for c in word.children):
                return  # "son rôle est informer les citoyens": an infinitive attribute
            gender, number = self._features(subject)
        participle = self._participle(verbs[0], gender, number)
        if participle is None:
            return
        yield self._issue_form(
            sentence, word, participle,
            f"after the auxiliary «{aux.text}» the verb must be a past participle",
        )

    def _verb_a(self, tokens: Sequence[Token], aux: Token, word: Token) -> bool:
        """Whether "a" before an infinitive is the verb "avoir" and not a misspelt "à" ("prêt a
        partir", "la machine a laver est en panne"): a subject pronoun stands before it, or a
        noun subject whose clause has no other finite verb after the infinitive."""
        if aux.i == 0:
            return False
        before = tokens[aux.i - 1]
        if _norm(before.text) in _BEFORE_AUX_A:
            return True
        subjects = [c for c in word.children if c.dep_ == "nsubj"]
        if len(subjects) != 1 or subjects[0].pos_ not in ("NOUN", "PROPN", "PRON"):
            return False
        subject = subjects[0]
        if subject.pos_ == "NOUN" and not any("nom" in a.pos for a in self.lexicon.analyses(subject.text)):
            return False  # "leur faible disposions a éclairer": no noun, no subject
        if subject.i > word.i:  # an inverted subject after a quotation: «…», a déclarer X
            return before.text in (",", "»", '"', "”")
        if subject.right_edge.i != before.i:
            return False  # the subject must end right before "a"
        for tok in tokens[word.i + 1 :]:
            if _norm(tok.text) in _CLAUSE_BREAKS or tok.pos_ == "PUNCT":
                break
            if tok.pos_ in ("VERB", "AUX") and any(
                a.persons for a in _verb_readings(self.lexicon.analyses(tok.text))
            ):
                return False  # "la salle a manger donne sur le jardin"
        return True

    def _subject(self, tokens: Sequence[Token], aux: Token, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_.startswith(("nsubj", "expl:subj")):
                return child
        if aux.i > 0 and tokens[aux.i - 1].pos_ == "PRON":
            return tokens[aux.i - 1]
        return None

    def _features(self, subject: Token) -> tuple[str, str]:
        """Gender and number for a participle agreeing with ``subject`` (masculine singular when
        the subject does not say)."""
        low = _norm(subject.text)
        if low in _SUBJECT_PRONOUNS:
            return _SUBJECT_PRONOUNS[low]
        if subject.pos_ != "NOUN":
            return "m", "sg"
        nouns = [a for a in self.lexicon.analyses(subject.text) if "nom" in a.pos]
        genders = {a.gender for a in nouns}
        numbers = {a.number for a in nouns}
        gender = genders.pop() if len(genders) == 1 and None not in genders else "m"
        number = numbers.pop() if len(numbers) == 1 and None not in numbers else "sg"
        if any(c.dep_ == "conj" for c in subject.children):
            number = "pl"
        return ("m" if gender not in ("m", "f") else gender), ("sg" if number not in ("sg", "pl") else number)

    def _participle(self, reading: Analysis, gender: str, number: str) -> str | None:
        for form, candidate in self.lexicon.forms(reading.entry):
            if "ppas" not in candidate.pos:
                continue
            if candidate.gender in (gender, "epi") and candidate.number in (number, "inv"):
                return form
        return None

    # --- family 2: mood ---------------------------------------------------------------------

    def _mood(self, sentence: Sentence, tokens: Sequence[Token], que: Token) -> Iterator[Issue]:
        trigger = self._trigger(tokens, que)
        if trigger is None:
            return
        kind, words = trigger
        found = self._clause_finite(tokens, que, kind)
        if found is None:
            return
        finite, clause, person = found
        readings = [
            a for a in _verb_readings(self.lexicon.analyses(finite.text))
            if a.persons and a.tenses - {"impe"} and (person is None or person in a.persons)
        ]
        if not readings:
            return
        tenses = {t for a in readings for t in a.tenses} - {"impe"}
        mood = set(_morph(finite, "Mood"))
        persons = {person} if person else None
        start = sentence.start + finite.idx
        if kind == "indicative":
            if not tenses or not tenses <= _SUBJUNCTIVE or mood & {"Ind", "Cnd"}:
                return
            suggestion = None
            if clause is not finite and any(a.lemma in _AUXILIARIES for a in readings):
                suggestion = self._conjugate(finite, readings, _INDICATIVE_OF, persons)
            yield self.issue(
                sentence, start, start + len(finite.text), Category.GRAMMAR, Severity.MINOR, MOOD,
                f"«{' '.join(words)} que» takes the indicative, not the subjunctive «{finite.text}»",
                suggestion,
            )
            return
        if not tenses or not tenses <= _INDICATIVE or "Sub" in mood:
            return
        if tenses == {"cond"} and words in _CONDITIONAL_OK:
            return
        if kind == "noun" and not self._complete_clause(clause):
            return  # "la possibilité qu'il a évoquée": a relative clause, not a completive
        suggestion = self._conjugate(finite, readings, {t: "spre" for t in _INDICATIVE}, persons)
        if suggestion is None:
            return
        yield self.issue(
            sentence, start, start + len(finite.text), Category.GRAMMAR, Severity.MINOR, MOOD,
            f"«{' '.join(words)} que» takes the subjunctive: «{suggestion}», not «{finite.text}»",
            suggestion,
        )

    def _clause_finite(
        self, tokens: Sequence[Token], que: Token, kind: str
    ) -> tuple[Token, Token, str | None] | None:
        """The finite verb of the clause ``que`` opens, the clause's head (the participle of a
        compound tense, else the finite verb itself) and its subject's person when a pronoun
        gives it.

        A subject pronoun right after ``que`` fixes the verb without the parse (French puts
        only "ne" and object clitics between them); otherwise the parse's ``mark`` link
        decides; for a conjunction whose ``que`` the parse hung elsewhere, the first finite
        verb after it."""
        nxt = tokens[que.i + 1] if que.i + 1 < len(tokens) else None
        if nxt is not None and _norm(nxt.text) in _PRONOUN_PERSON:
            person = _PRONOUN_PERSON[_norm(nxt.text)]
            for tok in tokens[nxt.i + 1 : nxt.i + 5]:
                low = _norm(tok.text)
                if low in ("ne", "n'") or (low in _CLITICS and tok.pos_ in ("PRON", "DET", "ADP")):
                    continue
                verbs = _verb_readings(self.lexicon.analyses(tok.text))
                if not any(person in a.persons for a in verbs):
                    return None
                participle = self._compound_participle(tokens, tok)
                return tok, participle or tok, person
            return None
        clause = self._clause_verb(que)
        finite = None if clause is None or clause.i <= que.i else self._finite(clause)
        if clause is not None and finite is not None and finite.i > que.i:
            subjects = [c for c in clause.children if c.dep_.startswith("nsubj")]
            # One subject, inside the clause: a head with two ("bien que l'Islande fût …, le
            # danois n'a eu …") or with its subject before "que" ("le message, bien que
            # feutré, est clair") is the main clause's verb, the parse having lost the clause.
            if len(subjects) != 1 or not que.i < subjects[0].i < finite.i:
                return None
            return finite, clause, None
        if kind not in ("indicative", "conjunction") or nxt is None:
            return None
        if nxt.pos_ not in ("DET", "NOUN", "PROPN"):
            return None  # "bien que feutré": no subject, no clause of its own
        # The parse lost the clause ("que" hung on a noun of a long subject): a
        # conjunction's clause still has the first finite verb after it as its own.
        finite = self._first_finite(tokens, que)
        if finite is None:
            return None
        clause = finite.head if finite.dep_.startswith("aux") else finite
        if any(c.dep_.startswith("nsubj") and c.i < que.i for c in clause.children):
            return None
        return finite, clause, None

    def _compound_participle(self, tokens: Sequence[Token], finite: Token) -> Token | None:
        """The past participle after an auxiliary (adverbs between), if any."""
        for tok in tokens[finite.i + 1 : finite.i + 4]:
            if tok.pos_ == "ADV" or _norm(tok.text) in _NEGATION:
                continue
            if any("ppas" in a.pos for a in self.lexicon.analyses(tok.text)):
                return tok
            return None
        return None

    def _hypothesis(self, sentence: Sentence, tokens: Sequence[Token], si: Token) -> Iterator[Issue]:
        """"si" of a condition + conditional or future → imperfect or present ("si les prix
        augmenteraient" → "augmentaient"). An indirect question ("je me demande s'il
        viendrait") keeps its conditional: only an adverbial clause whose governor is not a
        verb of asking or knowing is checked."""
        clause = self._clause_verb(si)
        if clause is None or clause.dep_ not in _ADVERBIAL_DEPS or clause.i <= si.i:
            return
        before = _norm(tokens[si.i - 1].text) if si.i > 0 else ""
        if self._lemmas(clause.head) & _QUESTION_VERBS or before == "même":
            return  # an indirect question; "même si" concessive ("même si j'aurais préféré")
        found = self._clause_finite(tokens, si, "hypothesis")
        if found is None:
            return
        finite, _clause, person = found
        readings = [
            a for a in _verb_readings(self.lexicon.analyses(finite.text))
            if a.persons and a.tenses - {"impe"} and (person is None or person in a.persons)
        ]
        tenses = {t for a in readings for t in a.tenses} - {"impe"}
        if "Sub" in _morph(finite, "Mood") or tenses not in ({"cond"}, {"ifut"}):
            return
        # Only a hypothesis with its consequence in the same tense is the classic slip ("si
        # j'aurais su, je serais venu"); a concessive "si" takes the conditional ("s'il serait
        # exagéré de parler de crise, il reste que …").
        # "comme si" takes the imperfect whatever the main clause.
        if before != "comme":
            main = self._main_verb(tokens, clause, finite)
            if main is None:
                return
            main_tenses = {t for a in _verb_readings(self.lexicon.analyses(main.text)) for t in a.tenses}
            if not main_tenses or not main_tenses <= tenses:
                return
        wanted = "iimp" if tenses == {"cond"} else "ipre"
        persons = {person} if person else None
        suggestion = self._conjugate(finite, readings, {t: wanted for t in tenses}, persons)
        if suggestion is None:
            return
        start = sentence.start + finite.idx
        name = "conditional" if wanted == "iimp" else "future"
        yield self.issue(
            sentence, start, start + len(finite.text), Category.GRAMMAR, Severity.MINOR, MOOD,
            f"«si» of a condition does not take the {name}: «{suggestion}», not «{finite.text}»",
            suggestion,
        )

    def _opening_si_future(self, sentence: Sentence, tokens: Sequence[Token], si: Token) -> Iterator[Issue]:
        """``Si tous les messages seront similaires, composez …`` → ``sont``: a «si» opening the
        sentence, before its comma, is a condition, never an indirect question (which follows
        its verb: «dites-moi si vous viendrez»), and a condition does not take the future,
        whatever the main clause (an imperative, here, which the parse may hang on the «si»
        clause). The conditional is left to the parse (a concessive «s'il serait exagéré …»)."""
        comma = next((t.i for t in tokens[si.i + 1 : si.i + 30] if t.text in (",", ";", ":")), None)
        if comma is None or comma + 1 >= len(tokens):
            return
        for tok in tokens[si.i + 1 : comma]:
            if tok.pos_ not in ("VERB", "AUX"):
                continue
            readings = [a for a in _verb_readings(self.lexicon.analyses(tok.text)) if a.persons]
            if not readings or {t for a in readings for t in a.tenses} != {"ifut"}:
                if "Fin" in _morph(tok, "VerbForm"):
                    yield from self._opening_si_present(sentence, tokens, tok, readings, comma)
                    return  # the clause's verb is in another tense
                continue
            suggestion = self._conjugate(tok, readings, {"ifut": "ipre"})
            if suggestion is None:
                return
            start = sentence.start + tok.idx
            yield self.issue(
                sentence, start, start + len(tok.text), Category.GRAMMAR, Severity.MINOR, MOOD,
                f"«si» of a condition does not take the future: «{suggestion}», not «{tok.text}»",
                suggestion,
            )  # and on: "seront similaires ou auront le même contenu"

    def _opening_si_present(
        self, sentence: Sentence, tokens: Sequence[Token], verb: Token, readings: list[Analysis], comma: int
    ) -> Iterator[Issue]:
        """``Si les gains se maintiennent, la société ajouterait …`` → ``se maintenaient``: a
        condition in the present has its consequence in the present or the future; with the
        conditional the condition is in the imperfect. A modal's conditional is politeness
        («si vous voulez, nous pourrions …»), left alone."""
        if "Pres" not in _morph(verb, "Tense") or "Ind" not in _morph(verb, "Mood"):
            return
        main = next((t for t in tokens[comma + 1 : comma + 10] if t.pos_ in ("VERB", "AUX")), None)
        if main is None or main.lemma_ in _POLITE_CONDITIONALS:
            return
        main_readings = [a for a in _verb_readings(self.lexicon.analyses(main.text)) if a.persons]
        if not main_readings or {t for a in main_readings for t in a.tenses} != {"cond"}:
            return
        number = {"Sing": "sg", "Plur": "pl"}.get("".join(_morph(verb, "Number")), "")
        person = "".join(_morph(verb, "Person")) + number
        suggestion = self._conjugate(verb, [a for a in readings if "ipre" in a.tenses], {"ipre": "iimp"},
                                     {person} if len(person) == 3 else None)
        if suggestion is None:
            return
        start = sentence.start + verb.idx
        yield self.issue(
            sentence, start, start + len(verb.text), Category.GRAMMAR, Severity.MINOR, MOOD,
            f"With the conditional «{main.text}» in the main clause, «si» takes the imperfect: "
            f"«{suggestion}», not «{verb.text}»",
            suggestion,
        )

    def _main_verb(self, tokens: Sequence[Token], clause: Token, finite: Token) -> Token | None:
        """The finite verb of the clause a "si" clause depends on: its governor's, else (when the
        parse hung the clause on a noun) the first finite verb after the next comma."""
        governor = clause.head
        if governor.i != clause.i and governor.pos_ in ("VERB", "AUX", "ADJ"):
            return self._finite(governor)
        after = next((t for t in tokens[finite.i + 1 :] if t.text == ","), None)
        if after is None:
            return None
        for tok in tokens[after.i + 1 : after.i + 8]:
            if tok.pos_ in ("VERB", "AUX") and "Fin" in _morph(tok, "VerbForm"):
                return tok
        return None

    def _trigger(self, tokens: Sequence[Token], que: Token) -> tuple[str, tuple[str, ...]] | None:
        """What governs the mood of the clause ``que`` opens: ("indicative", words) for "après
        que", ("conjunction" | "verb" | "adjective" | "noun", words) for a subjunctive trigger."""
        low = _norm(que.text)
        if low in ("quoique", "quoiqu'"):
            return "conjunction", ("quoique",)
        if que.pos_ != "SCONJ":
            return None
        before = [_norm(t.text) for t in tokens[max(0, que.i - 3) : que.i]]
        if before[-1:] == ["après"]:
            return "indicative", ("après",)
        if before[-1:] and before[-1] in INDICATIVE_QUE_ENDS:
            return None  # "chaque fois que vous souhaitez", "dès que", "pendant que": indicative
        for words in _SUBJ_CONJUNCTIONS:
            if tuple(before[-len(words) :]) == words:
                if words == ("bien",):
                    bien = tokens[que.i - 1]
                    if bien.dep_ != "mark" and que.dep_ != "fixed":
                        return None
                    if bien.i > 0 and (tokens[bien.i - 1].pos_ in ("VERB", "AUX")
                                       or _norm(tokens[bien.i - 1].text) in ("si", "aussi", "tout")):
                        return None
                governor = tokens[que.i - 3] if que.i > 2 else None
                if words == ("en", "sorte") and (governor is None or "faire" not in self._lemmas(governor)):
                    return None
                if words == ("à", "ce") and (governor is None or not (
                    governor.pos_ in ("VERB", "AUX", "ADJ") or _norm(governor.text) in ("façon", "manière")
                )):
                    return None  # "veiller à ce que", not "à ce qu'il paraît" (= according to)
                return "conjunction", words
        prev = tokens[que.i - 1] if que.i > 0 else None
        if prev is not None and prev.pos_ in ("VERB", "AUX") and self._lemmas(prev) & _SUBJ_VERBS:
            # "il faut que", "veut que", whatever the parse; after "ne" the "que" may be
            # restrictive ("il ne veut que la paix").
            if not any(_norm(t.text) in ("ne", "n'") for t in tokens[max(0, prev.i - 3) : prev.i]):
                return "verb", (prev.text,)
        clause = self._clause_verb(que)
        if clause is None:
            return None
        governor = clause.head
        if clause.dep_ in ("ccomp", "csubj", "xcomp") and governor.i < que.i:
            between = tokens[governor.i + 1 : que.i]
            # No verb between them: "il veut montrer que …" is "montrer"'s clause, whatever
            # the parse says.
            if (governor.pos_ in ("VERB", "AUX") and self._lemmas(governor) & _SUBJ_VERBS
                    and not any(t.pos_ in ("VERB", "AUX") for t in between)):
                return "verb", (governor.text,)
            adjectives = {a.lemma for a in self.lexicon.analyses(governor.text) if "adj" in a.pos}
            if governor.pos_ == "ADJ" and que.i == governor.i + 1:
                negated = any(c.dep_ == "advmod" and _norm(c.text) == "peu" for c in governor.children)
                if adjectives & _SUBJ_ADJECTIVES or negated and adjectives & _SUBJ_IF_PEU:
                    return "adjective", ("peu " * negated + governor.text,)
        if (governor.pos_ == "NOUN" and _norm(governor.text) in _SUBJ_NOUNS
                and que.i == governor.i + 1 and clause.dep_.startswith("acl")):
            return "noun", (governor.text,)
        return None

    @staticmethod
    def _clause_verb(que: Token) -> Token | None:
        mark = que.head if que.dep_ == "fixed" else que
        if mark.dep_ != "mark" or que.dep_ not in ("mark", "fixed"):
            return None
        return mark.head

    def _lemmas(self, tok: Token) -> set[str]:
        """The lemmas of the lexicon's verb readings of ``tok`` (spaCy's lemmatizer guesses
        "demande" for the verb "demande")."""
        return {a.lemma for a in _verb_readings(self.lexicon.analyses(tok.text))}

    def _finite(self, clause: Token) -> Token | None:
        """The finite verb of the clause headed by ``clause``: its first auxiliary or copula, or
        itself (also when the tagger missed a form the lexicon knows only as a finite verb:
        "que le projet aboutira" tagged as an adjective)."""
        for child in clause.children:
            if child.i > clause.i or not child.dep_.startswith(("aux", "cop")):
                continue
            if "Fin" in _morph(child, "VerbForm"):
                return child
        if "Fin" in _morph(clause, "VerbForm") or self._only_finite(clause):
            return clause
        return None

    def _only_finite(self, tok: Token) -> bool:
        return self.lexicon.only_finite(tok.text)

    def _first_finite(self, tokens: Sequence[Token], que: Token) -> Token | None:
        """The first finite verb after ``que`` when no relative pronoun, other ``que`` or
        clause-ending punctuation comes first (their verb could be another clause's; a short
        bracket without a verb, an acronym's gloss, is read through), nor a
        word the lexicon reads as a finite verb that the tagger did not ("pour que le système
        fonctionne, il faut": the clause's verb was tagged as a noun)."""
        skip_to = -1
        for tok in tokens[que.i + 1 : que.i + 16]:
            if tok.i <= skip_to:
                continue
            if tok.text == "(":
                close = next((t.i for t in tokens[tok.i + 1 : tok.i + 6] if t.text == ")"), None)
                if close is not None and not any(
                    t.pos_ in ("VERB", "AUX") for t in tokens[tok.i + 1 : close]
                ):
                    skip_to = close  # "la Reserve Bank of India (RBI) ait été": a gloss, no clause
                    continue
            if _norm(tok.text) in _CLAUSE_BREAKS:
                return None
            if tok.pos_ in ("VERB", "AUX") and "Fin" in _morph(tok, "VerbForm"):
                return tok
            if any(a.persons for a in _verb_readings(self.lexicon.analyses(tok.text))):
                return None
        return None

    @staticmethod
    def _complete_clause(clause: Token) -> bool:
        """The clause has a subject and its verb chain ends on an object, an attribute or a
        passive: a relative clause lacks one of them (``que`` fills the gap)."""
        if not any(c.dep_.startswith("nsubj") for c in clause.children):
            return False
        node = clause
        for _ in range(4):
            deps = {c.dep_ for c in node.children}
            if deps & {"obj", "ccomp", "aux:pass", "cop", "nsubj:pass"}:
                return True
            nxt = next((c for c in node.children if c.dep_ == "xcomp"), None)
            if nxt is None:
                return False
            node = nxt
        return False

    def _conjugate(
        self, finite: Token, readings: list[Analysis], tense_map: dict[str, str],
        persons: set[str] | None = None,
    ) -> str | None:
        """The form of ``finite``'s verb in the mapped tense for the same person (``persons``
        when the subject gives it); None when the readings allow several."""
        out: set[str] = set()
        for reading in readings:
            wanted_persons = persons or reading.persons
            for tense in reading.tenses:
                wanted = tense_map.get(tense)
                if wanted is None:
                    continue
                for form, candidate in self.lexicon.forms(reading.entry):
                    if wanted in candidate.tenses and candidate.persons & wanted_persons and "-" not in form:
                        out.add(form)
        if len(out) != 1:
            return None
        return _match_case(finite.text, out.pop())

    # --- family 3: reflexive se + être + adjective ------------------------------------------

    def _reflexive(self, sentence: Sentence, tokens: Sequence[Token], se: Token) -> Iterator[Issue]:
        """"se" + "être" needs a past participle ("s'est rendu"). Before an adjective that is
        not one, "se" is spurious ("s'être stable" → "être stable"); before a bare noun, the
        participle itself is missing ("s'est adieux": major, no suggestion)."""
        if se.i + 1 < len(tokens) and _norm(se.text) == "se":
            avoir = tokens[se.i + 1]
            etre_form = _ETRE_FOR_AVOIR.get(avoir.text.lower())
            if etre_form is not None and "avoir" in self._lemmas(avoir):
                elided = etre_form[0] in "eé"
                fixed = (se.text[0] + "’" + etre_form) if elided else f"{se.text} {etre_form}"
                start = sentence.start + se.idx
                yield self.issue(
                    sentence, start, sentence.start + avoir.idx + len(avoir.text), Category.GRAMMAR,
                    Severity.MINOR, AUXILIARY,
                    f"A reflexive verb takes «être», not «avoir»: «{fixed}».", fixed,
                )
                return
        if se.i + 2 >= len(tokens):
            return
        etre = tokens[se.i + 1]
        if etre.pos_ not in ("AUX", "VERB") or "être" not in self._lemmas(etre):
            return
        word = None
        for tok in tokens[etre.i + 1 : etre.i + 4]:
            low = _norm(tok.text)
            readings = self.lexicon.analyses(tok.text)
            if any("ppas" in a.pos for a in readings):
                return  # the participle is there ("s'est senti seul", tagged as an adverb)
            if tok.pos_ in ("ADV", "PRON") or low in _NEGATION or low in _QUANTIFIERS:
                continue
            word = tok
            break
        if word is None or not word.is_alpha or word.text[:1].isupper():
            return
        analyses = self.lexicon.analyses(word.text)
        if not analyses or any(a.pos & {"ppas", "v", "adv", "prep", "mg"} for a in analyses):
            return
        start = sentence.start + se.idx
        # The tagger calls some such adjectives participles ("s'être stables" as VERB); the
        # lexicon, which knows no verb "stabler", decides.
        if word.pos_ in ("ADJ", "VERB") and any("adj" in a.pos for a in analyses):
            end = sentence.start + etre.idx + len(etre.text)
            yield self.issue(
                sentence, start, end, Category.GRAMMAR, Severity.MINOR, REFLEXIVE,
                f"«{se.text}» has no verb to be reflexive with: «{etre.text} {word.text}»",
                etre.text,
            )
        elif word.i == etre.i + 1 and word.pos_ != "PROPN" and all(a.pos == {"nom"} for a in analyses):
            end = sentence.start + word.idx + len(word.text)
            yield self.issue(
                sentence, start, end, Category.GRAMMAR, Severity.MAJOR, REFLEXIVE,
                f"«{sentence.text[se.idx : etre.idx + len(etre.text)]}» needs a past participle, "
                f"not the noun «{word.text}»: a verb is missing",
            )
