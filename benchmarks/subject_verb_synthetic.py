"""Subject-verb and être-predicate agreement recall on synthetic errors injected into UD French.

For each sentence of a CoNLL-U file (UD French Sequoia dev by default; 6 to 60 words) the gold
annotation gives the candidates, of three kinds; one per sentence is injected, up to ``--count``
sentences in all, the kinds taking turns (``verb-number`` twice a turn) in a seeded order:

* ``verb-number``: the finite verb of a clause, or the finite auxiliary or copula of a compound
  tense or passive (UD: the head of an ``nsubj``/``nsubj:pass``, or its ``aux*``/``cop`` child),
  third person, switched 3sg <-> 3pl in the same tense and mood (``Lexicon.conjugate``, filtered
  on the gold Mood/Tense): ``les élus ont`` -> ``a``;
* ``pred-number``, ``pred-gender``: an adjective or past participle whose ``cop``, ``aux:pass``
  or *être* auxiliary child links it to its subject (``Lexicon.inflect``): ``elles sont
  venues`` -> ``venue`` / ``venus``; also a conjunct of such a predicate that has no subject of
  its own (``elle a été arrêtée et condamnée`` -> ``condamnés``).

Each injection is a certain error, checked on the gold annotation before it is made: the
subject (a noun, a name, a third-person pronoun, relative *qui* with its antecedent) agrees
with the verb or predicate in the gold features; coordinated subjects only with *et*
(plural); quantity nouns (``la majorité``, ``une dizaine``...) followed by a plural
de-complement, where either agreement is right, are left out except ``la plupart`` (plural)
and ``le nombre de`` (singular); ``ce``/``c'`` (``ce sont``) and impersonal ``il`` (not an
``nsubj`` in UD) never are subjects here; the new form is a dictionary word of the same entry,
spelled differently, and not a valid form for the original features too; no swap makes an
elision wrong (``n'est`` -> ``n'sont``) or touches a hyphenated inversion (``a-t-il``).

Each injection gets a context class (its subject's syntactic context: adjacent, de-complement
or relative clause between, inverted, coordinated, pronoun, name, quantity, coordinated VP...)
and tags (``by_tag``: ``verb`` / ``auxiliary``, ``to 3pl``, ``to fsg``..., ``clitic between``,
``after subordinator``, ``capitalised noun``, ``reflexive``, ``conj``, ``xcomp``).
The detectors run on every injected sentence and on its original (issues not merged, no
confidence threshold, as ``agreement_synthetic.py`` does); an injection is found when an
agreement issue overlaps the changed word. Printed: one JSON object per file with found / total
per kind, per context class, per tag and per code (``--detectors default``: the product's set;
only agreement and grammalecte emit agreement issues), and the agreement flags on the original sentences
(false flags, and ``found_preexisting``: finds whose word is flagged in the original too).

    .venv/bin/python benchmarks/subject_verb_synthetic.py
    .venv/bin/python benchmarks/subject_verb_synthetic.py \
        ../shared/data/ud_french_gsd/fr_gsd-ud-dev.conllu --show 20 --cases /tmp/gsd.jsonl

Not a test: the numbers go into notes and reviews. The sentences come from UD French Sequoia
and GSD (both CC BY-SA 4.0); nothing derived from them is written unless ``--cases`` is given.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "data" / "eval"))

from make_agreement_set import UDSentence, Word, read_conllu  # noqa: E402

from mt_check.detectors import build, default_names  # noqa: E402
from mt_check.detectors.base import PARSE, TRANSLATION, DocumentContext  # noqa: E402
from mt_check.lexicon import Lexicon, get_lexicon  # noqa: E402
from mt_check.segment import segment  # noqa: E402
from mt_check.types import Category, Document, Issue  # noqa: E402

DEFAULT_CONLLU = REPO.parent / "shared" / "data" / "ud_french_sequoia" / "fr_sequoia-ud-dev.conllu"
DEFAULT_DETECTORS = "agreement,grammalecte"
KINDS = ("verb-number", "pred-number", "pred-gender")
# Turns per round: subject-verb errors are the main interest.
WEIGHTS = {"verb-number": 2, "pred-number": 1, "pred-gender": 1}

# UD Mood/Tense -> the lexicon's tense tag.
_TENSE = {("Ind", "Pres"): "ipre", ("Ind", "Imp"): "iimp", ("Ind", "Past"): "ipsi",
          ("Ind", "Fut"): "ifut", ("Cnd", "Pres"): "cond", ("Sub", "Pres"): "spre",
          ("Sub", "Imp"): "simp"}
_G = {"Masc": "m", "Fem": "f"}
_N = {"Sing": "sg", "Plur": "pl"}
_OTHER_G = {"m": "f", "f": "m"}
_OTHER_N = {"sg": "pl", "pl": "sg"}
_PERSONAL = frozenset(("il", "elle", "ils", "elles"))
# Subjects whose number the verb does not show reliably: "ce sont", "c'est".
_NO_SUBJECT = frozenset(("ce", "c'", "c’", "en", "y", "se", "s'", "s’"))
# Quantity and collective nouns: with a plural de-complement the verb may agree with either.
_QUANTITY = frozenset(
    "plupart majorité minorité nombre moitié tiers quart totalité ensemble reste partie foule "
    "série multitude masse groupe dizaine douzaine quinzaine vingtaine trentaine quarantaine "
    "cinquantaine soixantaine centaine millier million milliard infinité poignée tas % pourcentage "
    "proportion part".split()
)
_ELIDABLE = frozenset("ne que se le la me te de je ce jusque lorsque puisque quoique".split())
_VOWELS = "aeiouyéèêëàâîïôûœAEIOUYÉÈÊÀÂÎÔÛŒhH"
_REFLEXIVE = frozenset(("se", "s'", "s’", "me", "m'", "m’", "te", "t'", "t’", "nous", "vous"))
# Dependents of the subject that do not separate it from the verb ("le grand projet européen a").
_TIGHT = frozenset(("det", "amod", "nummod", "flat", "flat:name", "flat:foreign", "compound", "fixed",
                    "case"))
CLASSES = (
    "coordinated VP (shared subject)", "coordinated subject", "quantity/collective subject",
    "pronoun subject (il/elle/ils/elles)", "relative qui subject", "other pronoun subject",
    "inverted subject", "subject is a name", "relative clause between",
    "subject + de-complement between", "subject + other PP between", "other material between",
    "subject adjacent",
)


@dataclass
class Case:
    sentence: UDSentence
    kind: str
    word: Word  # the changed word
    new: str
    context: str
    subject: Word
    tags: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        t = self.sentence.text
        return t[: self.word.start] + self.new + t[self.word.end :]

    @property
    def span(self) -> tuple[int, int]:
        return self.word.start, self.word.start + len(self.new)


# --- the gold analysis ----------------------------------------------------------------------------


def _children(s: UDSentence, w: Word, *deprels: str) -> list[Word]:
    return [s.words[c] for c in w.children if s.words[c].deprel in deprels]


def _subtree(s: UDSentence, wid: int) -> set[int]:
    out, todo = set(), [wid]
    while todo:
        i = todo.pop()
        out.add(i)
        todo.extend(s.words[i].children)
    return out


def _subject(s: UDSentence, pred: Word) -> tuple[Word, str] | None:
    """The predicate's subject and how it is reached: ``own``, ``conj`` (coordinated VP without
    a subject of its own) or ``xcomp`` (the subject of a raising verb: ``doit être signé``)."""
    own = _children(s, pred, "nsubj", "nsubj:pass")
    if len(own) == 1:
        return own[0], "own"
    if own or pred.head not in s.words:
        return None
    head = s.words[pred.head]
    if pred.deprel in ("conj", "xcomp"):
        theirs = _children(s, head, "nsubj", "nsubj:pass")
        if len(theirs) == 1 and theirs[0].id != pred.id:
            return theirs[0], pred.deprel
    return None


def _relative_antecedent(s: UDSentence, pred: Word) -> Word | None:
    """The noun a relative clause whose verb is ``pred`` (or a conjunct of it) hangs on."""
    clause = pred
    while clause.deprel == "conj" and clause.head in s.words:
        clause = s.words[clause.head]
    if clause.deprel == "acl:relcl" and clause.head in s.words:
        return s.words[clause.head]
    return None


def _coordination(s: UDSentence, subj: Word) -> list[Word] | None:
    """The conjuncts of a subject coordinated with *et* only; None when it is not coordinated;
    an empty list when it is, with another conjunction (ou, ni, ainsi que)."""
    conjs = _children(s, subj, "conj")
    if not conjs:
        return None
    ccs = [c.lemma.lower() for w in conjs for c in _children(s, w, "cc")]
    if "et" not in ccs or any(c != "et" for c in ccs):
        return []
    return [subj, *conjs]


def _plural_de_complement(s: UDSentence, noun: Word) -> Word | None:
    for nmod in _children(s, noun, "nmod"):
        cases = [c.lemma.lower() for c in _children(s, nmod, "case")]
        if "de" in cases and nmod.feats.get("Number") == "Plur":
            return nmod
    return None


@dataclass(frozen=True)
class Partner:
    """What the verb or predicate agrees with: gold gender and number (None: unknown)."""

    gender: str | None
    number: str | None
    context: str
    tags: tuple[str, ...] = ()


def _partner(s: UDSentence, subj: Word, pred: Word, target: Word, via: str) -> Partner | None:
    """The features the subject imposes, and its context class; None when the agreement is not
    certain (``ou``, quantity nouns with a plural complement, ``ce``, unknown antecedent)."""
    form = subj.form.lower()
    gender, number = _G.get(subj.feats.get("Gender", "")), _N.get(subj.feats.get("Number", ""))
    tags = (via,) if via != "own" else ()
    if subj.upos not in ("NOUN", "PROPN", "PRON") or form in _NO_SUBJECT:
        return None
    if subj.feats.get("Person", "3") != "3":
        return None
    conjuncts = _coordination(s, subj)
    if conjuncts is not None:
        if not conjuncts:
            return None
        genders = {_G.get(c.feats.get("Gender", "")) for c in conjuncts}
        gender = "m" if "m" in genders else "f" if genders == {"f"} else None
        return Partner(gender, "pl", "coordinated subject", tags)
    if via == "conj":
        return Partner(gender, number, "coordinated VP (shared subject)", tags)
    if subj.lemma.lower() in _QUANTITY:
        complement = _plural_de_complement(s, subj)
        dets = [d.lemma.lower() for d in _children(s, subj, "det")]
        if subj.lemma.lower() == "plupart":
            if complement is None:
                return Partner(None, "pl", "quantity/collective subject", tags)
            return Partner(_G.get(complement.feats.get("Gender", "")), "pl",
                           "quantity/collective subject", tags)
        if complement is not None and number == "sg" and not (
            subj.lemma.lower() == "nombre" and (not dets or dets[0] in ("le", "ce"))
        ):
            return None  # "la majorité des électeurs a/ont voté": both are right
        if subj.lemma.lower() == "nombre" and not dets and complement is not None:
            return Partner(_G.get(complement.feats.get("Gender", "")), "pl",
                           "quantity/collective subject", tags)
        return Partner(gender, number, "quantity/collective subject", tags)
    if subj.upos == "PRON":
        if form in _PERSONAL:
            return Partner(gender, number, "pronoun subject (il/elle/ils/elles)", tags)
        if form in ("qui", "lequel", "laquelle", "lesquels", "lesquelles"):
            antecedent = _relative_antecedent(s, pred)
            if antecedent is None or antecedent.upos not in ("NOUN", "PROPN", "PRON") \
                    or antecedent.lemma.lower() in {"un", "ce"} | _QUANTITY:  # fmt: skip
                return None  # "l'un des pays qui", "ce qui", "la majorité de ceux qui"
            if _coordination(s, antecedent) is not None:
                return None
            return Partner(_G.get(antecedent.feats.get("Gender", "")),
                           _N.get(antecedent.feats.get("Number", "")), "relative qui subject", tags)
        if form in ("on", "que", "qu'", "qu’", "quoi", "dont", "où", "tout", "rien"):
            return None
        return Partner(gender, number, "other pronoun subject", tags)
    if subj.id > target.id:
        return Partner(gender, number, "inverted subject", tags)
    if subj.upos == "PROPN":
        return Partner(gender, number, "subject is a name", tags)
    return Partner(gender, number, _between(s, subj, pred, target), tags)


def _between(s: UDSentence, subj: Word, pred: Word, target: Word) -> str:
    """What stands between a nominal subject placed before the verb and the verb."""
    branch: dict[int, Word] = {}
    for child in (s.words[c] for c in subj.children):
        for i in _subtree(s, child.id):
            branch[i] = child
    named = False
    verbal = {pred.id, target.id}
    if pred.deprel == "xcomp" and pred.head in s.words:
        verbal.add(pred.head)  # "doit" in "le texte doit être signé"
    found: set[str] = set()
    for i in range(subj.id + 1, target.id):
        w = s.words.get(i)
        if w is None:
            continue
        if i in branch:
            child = branch[i]
            cases = {c.lemma.lower() for c in _children(s, child, "case")}
            if child.upos == "PROPN" and not cases and child.deprel in ("nmod", "appos", "flat:name") \
                    and not any(w.upos == "PUNCT" for w in map(s.words.get, range(subj.id, child.id)) if w):
                named = True  # "le juge Éric Halphen", "M. Rouleau": the subject is named
            elif child.deprel == "acl:relcl":
                found.add("relative clause between")
            elif child.deprel == "nmod":
                found.add("subject + de-complement between" if "de" in cases
                          else "subject + other PP between")
            elif child.deprel not in _TIGHT or child.deprel == "amod" and any(
                s.words[k].upos in ("NOUN", "PROPN", "VERB", "PUNCT")
                for k in _subtree(s, child.id) - {child.id}
            ):  # "un vernis présent sur toutes les surfaces limite", "le législateur, tant national"
                found.add("other material between")
            continue
        if w.head in verbal and (w.deprel.startswith(("aux", "expl")) or w.deprel == "cop"
                                 or w.upos == "PRON"  # clitics: "y", "se", "le"
                                 or (w.deprel == "advmod" and w.lemma.lower() in ("ne", "pas", "plus"))):
            continue
        if w.id in verbal:
            continue
        found.add("other material between")
    for name in ("relative clause between", "subject + de-complement between",
                 "subject + other PP between", "other material between"):
        if name in found:
            return name
    return "subject is a name" if named else "subject adjacent"


# --- injections -----------------------------------------------------------------------------------


def _elision_safe(s: UDSentence, word: Word, new: str) -> bool:
    text = s.text
    if text[word.end : word.end + 1] == "-" or text[word.start - 1 : word.start] == "-":
        return False  # "a-t-il", "dit-elle"
    before = s.words.get(word.id - 1)
    if before is None or before.end > word.start:
        return True
    vowel = new[:1] in _VOWELS
    if before.form.endswith(("'", "’")) and before.end == word.start:
        return vowel  # "n'est" -> "n'sont"
    if before.form.lower() in _ELIDABLE and vowel:
        return False  # "ne sont" -> "ne est"
    return True


def _conjugated(lexicon: Lexicon, word: Word, person: str, tense: str) -> list[str]:
    """Forms of the word's verb for ``person`` in ``tense`` that are not also forms for the
    word's own person in that tense."""
    own = f"3{'sg' if person == '3pl' else 'pl'}"
    readings = [a for a in lexicon.analyses(word.form) if own in a.persons and tense in a.tenses]
    if not any(a.lemma == word.lemma for a in readings):
        return []  # the lexicon does not read the word as the gold does
    out = []
    for form in lexicon.conjugate(word.form, person):
        analyses = [a for a in lexicon.analyses(form) if a.lemma == word.lemma]
        if form.lower() == word.form.lower() or not any(
            person in a.persons and tense in a.tenses for a in analyses
        ):
            continue
        if any(own in a.persons and tense in a.tenses for a in analyses):
            continue
        out.append(form)
    return out


def _finite(s: UDSentence, pred: Word) -> Word | None:
    if pred.feats.get("VerbForm") == "Fin":
        return pred
    for child in (s.words[c] for c in pred.children):
        if (child.deprel.startswith("aux") or child.deprel == "cop") and child.feats.get("VerbForm") == "Fin":
            return child
    return None


def verb_injections(s: UDSentence, lexicon: Lexicon) -> Iterator[Case]:
    for pred in s.words.values():
        found = _subject(s, pred)
        if found is None or found[1] == "xcomp":
            continue
        subj, via = found
        target = _finite(s, pred)
        if target is None or target.in_mwt or not target.form.isalpha():
            continue
        number = _N.get(target.feats.get("Number", ""))
        tense = _TENSE.get((target.feats.get("Mood", ""), target.feats.get("Tense", "")))
        if target.feats.get("Person") != "3" or number is None or tense is None:
            continue
        if via == "conj" and _children(s, pred, "nsubj", "nsubj:pass", "expl:subj"):
            continue
        partner = _partner(s, subj, pred, target, via)
        if partner is None or partner.number != number:
            continue
        person = "3pl" if number == "sg" else "3sg"
        for new in _conjugated(lexicon, target, person, tense):
            if _elision_safe(s, target, new):
                tags = [*partner.tags, "auxiliary" if target is not pred else "verb", f"to {person}",
                        *_surface_tags(s, subj, pred, target)]
                yield Case(s, "verb-number", target, new, partner.context, subj, tags)
                break


def _surface_tags(s: UDSentence, subj: Word, pred: Word, target: Word) -> list[str]:
    """``clitic between``: a pronoun of the verb between subject and verb (``se``, ``y``, ``le``);
    ``capitalised noun``: a common-noun subject spelt with a capital (``la Commission``);
    ``after subordinator``: the subject opens a subordinate or relative clause (``que la viande
    sera``, ``où la piste conduisait``)."""
    tags = []
    before = s.words.get(min(_subtree(s, subj.id)) - 1)
    if subj.id < target.id and before is not None and (
        before.upos == "SCONJ" or before.feats.get("PronType") == "Rel"
    ):
        tags.append("after subordinator")
    if any(w.upos == "PRON" and w.head in (pred.id, target.id)
           for w in map(s.words.get, range(subj.id + 1, target.id)) if w):
        tags.append("clitic between")
    if subj.upos == "NOUN" and subj.form[:1].isupper():
        tags.append("capitalised noun")
    return tags


def _etre(s: UDSentence, pred: Word) -> bool:
    """Whether *être* links the predicate to its subject (copula, passive, être auxiliary)."""
    links = [c for c in (s.words[i] for i in pred.children)
             if c.deprel.startswith("aux") or c.deprel == "cop"]
    if any(c.lemma == "avoir" and c.deprel == "aux:tense" for c in links) and not any(
        c.deprel in ("aux:pass", "cop") for c in links
    ):
        return False
    return any(c.lemma == "être" for c in links)


def pred_injections(s: UDSentence, lexicon: Lexicon) -> Iterator[Case]:
    for pred in s.words.values():
        participle = pred.upos == "VERB" and pred.feats.get("VerbForm") == "Part" \
            and pred.feats.get("Tense") == "Past"  # fmt: skip
        if not (participle or pred.upos == "ADJ"):
            continue
        if pred.in_mwt or not pred.form.isalpha() or not pred.form.islower() or len(pred.form) < 3:
            continue
        gender, number = _G.get(pred.feats.get("Gender", "")), _N.get(pred.feats.get("Number", ""))
        if gender is None or number is None:
            continue
        shared = False
        if not _etre(s, pred):
            # a conjunct with no auxiliary of its own: "a été arrêtée et condamnée"
            head = s.words.get(pred.head)
            if pred.deprel != "conj" or head is None or not _etre(s, head) or any(
                s.words[c].deprel.startswith("aux") or s.words[c].deprel == "cop" for c in pred.children
            ):
                continue
            if (head.feats.get("Gender"), head.feats.get("Number")) != (pred.feats["Gender"],
                                                                     pred.feats["Number"]):
                continue
            shared = True
        found = _subject(s, pred)
        if found is None:
            continue
        subj, via = found
        partner = _partner(s, subj, pred, pred, via)
        if partner is None or partner.number != number or partner.gender not in (gender, None):
            continue
        if partner.gender is None and subj.upos != "PROPN":
            continue  # a noun or pronoun of unknown gender: maybe no error
        kind = "ppas" if participle else "adj"
        tags = [*partner.tags, kind, *(["shared être"] if shared else []),
                *_surface_tags(s, subj, pred, pred)]
        if any(s.words[c].form.lower() in _REFLEXIVE and s.words[c].deprel.startswith(("expl", "obj", "iobj"))
               for c in pred.children):
            tags.append("reflexive")
        flips = (("pred-number", gender, _OTHER_N[number]), ("pred-gender", _OTHER_G[gender], number))
        for flip, g, n in flips:
            right = set(_inflect(lexicon, pred.form, gender, number, kind))
            forms = [f for f in _inflect(lexicon, pred.form, g, n, kind) if f != pred.form and f not in right]
            if forms:
                yield Case(s, flip, pred, forms[0], partner.context, subj, [*tags, f"to {g}{n}"])


def _inflect(lexicon: Lexicon, word: str, gender: str, number: str, kind: str) -> list[str]:
    forms = lexicon.inflect(word, gender=gender, number=number, pos=kind)
    if not forms and kind == "adj":  # participles the treebank tags as adjectives ("fermée")
        forms = lexicon.inflect(word, gender=gender, number=number, pos="ppas")
    return forms


def choose(sentences: list[UDSentence], count: int, seed: int) -> list[Case]:
    """Up to ``count`` cases, one per sentence, the kinds taking turns (WEIGHTS)."""
    lexicon = get_lexicon()
    rng = random.Random(seed)
    pool = [s for s in sentences if 6 <= len(s.words) <= 60 and "\t" not in s.text]
    candidates: dict[str, list[tuple[int, Case]]] = {k: [] for k in KINDS}
    for position, s in enumerate(pool):
        for case in (*verb_injections(s, lexicon), *pred_injections(s, lexicon)):
            candidates[case.kind].append((position, case))
    for found in candidates.values():
        rng.shuffle(found)
    used: set[int] = set()
    chosen: list[Case] = []
    cursors = dict.fromkeys(KINDS, 0)
    progress = True
    while progress and len(chosen) < count:
        progress = False
        for kind in KINDS:
            for _ in range(WEIGHTS[kind]):
                found = candidates[kind]
                while cursors[kind] < len(found) and len(chosen) < count:
                    position, case = found[cursors[kind]]
                    cursors[kind] += 1
                    if position not in used:
                        used.add(position)
                        chosen.append(case)
                        progress = True
                        break
    chosen.sort(key=lambda c: (c.kind, c.sentence.sent_id))
    return chosen


# --- detection ------------------------------------------------------------------------------------


def detect(texts: list[str], names: list[str]) -> tuple[list[list[Issue]], list[str]]:
    """Every issue each text gets from the detectors (the way agreement_synthetic.py runs them),
    and the detectors skipped (unavailable here, or needing translations)."""
    detectors = [d for d in build(names) if d.unavailable_reason() is None and TRANSLATION not in d.requires]
    skipped = sorted(set(names) - {d.name for d in detectors})
    docs = [Document(f"t{i}", text) for i, text in enumerate(texts)]
    sentences = [segment(d) for d in docs]
    parses: list[tuple | None] = [None] * len(docs)
    if any(PARSE in d.requires or PARSE in d.uses for d in detectors):
        from mt_check.parse import parse_sentences

        flat = parse_sentences([s for group in sentences for s in group])
        at = 0
        for i, group in enumerate(sentences):
            parses[i] = tuple(flat[at : at + len(group)])
            at += len(group)
    out: list[list[Issue]] = []
    for doc, group, parse in zip(docs, sentences, parses, strict=True):
        ctx = DocumentContext(doc, group, (None,) * len(group), parse)
        out.append([issue for det in detectors for issue in det.detect(ctx)])
    return out, skipped


def _overlaps(issue: Issue, start: int, end: int) -> bool:
    return issue.start < end and start < issue.end


def _ratio(found: int, total: int) -> dict:
    return {"found": found, "total": total, "recall": round(found / total, 3) if total else None}


def _code(issue: Issue) -> str:
    return f"{issue.code} ({'+'.join(issue.detectors)})"


def measure(path: Path, names: list[str], count: int, seed: int, show: int, cases_out: Path | None) -> dict:
    cases = choose(read_conllu(path), count, seed)
    issues, skipped = detect([c.text for c in cases] + [c.sentence.text for c in cases], names)
    injected, originals = issues[: len(cases)], issues[len(cases) :]
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_class: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    by_tag: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    codes: dict[str, Counter] = defaultdict(Counter)
    other_codes: dict[str, Counter] = defaultdict(Counter)
    elsewhere: Counter = Counter()
    preexisting: Counter = Counter()
    false_flags: Counter = Counter()
    flagged_originals = 0
    rows, missed = [], []
    for case, found, before in zip(cases, injected, originals, strict=True):
        start, end = case.span
        agreement = [i for i in found if i.category is Category.AGREEMENT]
        hits = [i for i in agreement if _overlaps(i, start, end)]
        others = [i for i in found if i.category is not Category.AGREEMENT and _overlaps(i, start, end)]
        old = [i for i in before if i.category is Category.AGREEMENT]
        old_here = [i for i in old if _overlaps(i, case.word.start, case.word.end)]
        hit = bool(hits)
        for key in (case.kind, "all"):
            by_kind[key][0] += hit
            by_kind[key][1] += 1
        for key in (case.kind, "all"):
            by_class[key][case.context][0] += hit
            by_class[key][case.context][1] += 1
        for tag in case.tags:
            by_tag[f"{case.kind}:{tag}"][0] += hit
            by_tag[f"{case.kind}:{tag}"][1] += 1
        codes[case.kind].update({_code(i) for i in hits})
        other_codes[case.kind].update({_code(i) for i in others})
        if not hit and len(agreement) > len(old):
            elsewhere[case.kind] += 1
        if hit and old_here:
            preexisting[case.kind] += 1
        false_flags.update(_code(i) for i in old)
        flagged_originals += bool(old)
        row = {
            "sent_id": case.sentence.sent_id, "kind": case.kind, "context": case.context, "tags": case.tags,
            "text": case.text, "start": start, "end": end, "span": case.text[start:end],
            "original": case.word.form, "subject": case.subject.form, "found": hit,
            "codes": sorted({_code(i) for i in hits}), "other_codes": sorted({_code(i) for i in others}),
            "original_flags": [f"{_code(i)} «{i.span}»" for i in old],
        }
        rows.append(row)
        if not hit:
            missed.append(f"{case.kind} [{case.context}] «{case.word.form}» → «{case.new}» "
                          f"(subject «{case.subject.form}»): {case.text}")
    if cases_out is not None:
        cases_out.parent.mkdir(parents=True, exist_ok=True)
        with cases_out.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    for line in missed[:show]:
        print(f"missed: {line}", file=sys.stderr)
    order = {name: i for i, name in enumerate(CLASSES)}
    return {
        "file": str(path), "cases": len(cases), "detectors_skipped": skipped,
        "by_kind": {k: _ratio(*by_kind[k]) for k in (*KINDS, "all") if k in by_kind},
        "by_context": {k: {c: _ratio(*v) for c, v in sorted(by_class[k].items(), key=lambda kv: order[kv[0]])}
                       for k in (*KINDS, "all") if k in by_class},
        "by_tag": {k: _ratio(*v) for k, v in sorted(by_tag.items())},
        "codes_found": {k: dict(v.most_common()) for k, v in codes.items()},
        "other_category_codes_on_span": {k: dict(v.most_common()) for k, v in other_codes.items()},
        "missed_but_new_agreement_flag_elsewhere": dict(elsewhere),
        "found_preexisting": dict(preexisting),
        "originals": {"sentences": len(cases), "with_agreement_flag": flagged_originals,
                      "agreement_flags": sum(false_flags.values()),
                      "by_code": dict(false_flags.most_common())},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("conllu", nargs="*", type=Path, default=[DEFAULT_CONLLU], help="CoNLL-U files")
    parser.add_argument("--count", type=int, default=300, help="injected sentences per file (default 300)")
    parser.add_argument("--seed", type=int, default=11, help="random seed (default 11)")
    parser.add_argument("--detectors", default=DEFAULT_DETECTORS,
                        help=f"comma-separated detector names, or 'default' for the product's set "
                             f"(default {DEFAULT_DETECTORS})")
    parser.add_argument("--show", type=int, default=0, help="print N missed errors per file")
    parser.add_argument("--cases", type=Path, metavar="JSONL",
                        help="write every case to this JSONL file (several CoNLL-U files: JSONL.<n>.jsonl)")
    args = parser.parse_args(argv)
    for path in args.conllu:
        if not path.exists():
            parser.error(f"{path} does not exist")
    names = default_names() if args.detectors == "default" else [
        n.strip() for n in args.detectors.split(",") if n.strip()
    ]
    results = []
    for n, path in enumerate(args.conllu):
        out = args.cases
        if out is not None and len(args.conllu) > 1:
            out = out.with_suffix(f".{n}.jsonl")
        results.append(measure(path, names, args.count, args.seed, args.show, out))
    print(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
