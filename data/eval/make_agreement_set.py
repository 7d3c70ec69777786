"""Build ``ud_gsd_agreement.jsonl``: UD French-GSD sentences with one injected agreement error each.

A larger, agreement-only companion of ``ud_gsd_synthetic.jsonl`` (which has about 25-50 errors of
each agreement kind): by default 200 gender and 200 number errors, spread over determiners,
adjectives, past participles and (number only) nouns. Same input, seed and lexicon, same file.

    python data/eval/make_agreement_set.py [CONLLU] [--out FILE] [--seed 17] [--per-kind NOTE=N ...]
        [--exclude JSONL ...]

It shares no sentence with ``ud_gsd_correct.jsonl`` and ``ud_gsd_synthetic.jsonl`` (``--exclude``).

Each injection is a certain error, checked on the treebank's gold annotation before it is made:

* the word and the word it must agree with carry the same gold Gender/Number (agreement holds in
  the original), and that partner is a common noun or a personal pronoun (names are left out:
  their gender is not in the lexicon);
* the partner's gender (or number) is unambiguous in the lexicon: ``le/la critique``,
  ``un/une élève``, ``le pays`` are never used, since swapping their determiner is no error;
* the new form is another form of the same lexicon entry (``grande`` → ``grand``), spelled
  differently; adjectives and participles in a coordination, participles conjugated with
  *avoir* (whose agreement depends on the object's position) and contractions (du, aux) are
  skipped.

Notes (``note``, one per error): ``gender-det``, ``gender-adj``, ``gender-ppas``, ``number-det``,
``number-noun``, ``number-adj``, ``number-ppas``. The span is the changed word, except for
``number-noun`` where it runs from the determiner to the noun (``les voiture``: changing either
word fixes it). Category agreement, severity minor, layer fluency.

Derived from UD French-GSD (CC BY-SA 4.0): the output keeps that licence and its credit.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CONLLU = REPO.parent / "shared" / "data" / "ud_french_gsd" / "fr_gsd-ud-dev.conllu"
DEFAULT_OUT = REPO / "data" / "eval" / "ud_gsd_agreement.jsonl"
# The other dev sets built from the same treebank: no sentence is in two of them.
DEFAULT_EXCLUDE = [REPO / "data" / "eval" / "ud_gsd_correct.jsonl",
                   REPO / "data" / "eval" / "ud_gsd_synthetic.jsonl"]
SOURCE = "UD_French-GSD dev (CC BY-SA 4.0)"

# Errors per note by default: 200 gender, 200 number.
DEFAULT_QUOTAS = {
    "gender-det": 80, "gender-adj": 60, "gender-ppas": 60,
    "number-det": 50, "number-noun": 50, "number-adj": 50, "number-ppas": 50,
}


@dataclass
class Word:
    id: int  # CoNLL-U ID (1-based)
    form: str
    lemma: str
    upos: str
    feats: dict[str, str]
    head: int
    deprel: str
    start: int  # character offsets of the surface token in the sentence text
    end: int
    in_mwt: bool  # part of a contraction ("du" = de + le): never edited
    children: list[int] = field(default_factory=list)


@dataclass
class UDSentence:
    sent_id: str
    text: str
    words: dict[int, Word] = field(default_factory=dict)


@dataclass(frozen=True)
class Injection:
    start: int  # span of the error in the ORIGINAL text
    end: int
    new: str  # what replaces it
    span_start: int  # the annotated span, in the original text (covers [start, end))
    span_end: int
    note: str


def read_conllu(path: Path) -> list[UDSentence]:
    out: list[UDSentence] = []
    block: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            block.append(line)
        elif block:
            out.append(_sentence(block))
            block = []
    return out


def _sentence(lines: list[str]) -> UDSentence:
    meta = {k: v for k, _, v in (ln[2:].partition(" = ") for ln in lines if ln.startswith("# "))}
    sentence = UDSentence(meta.get("sent_id", ""), meta["text"])
    cursor, mwt_last, mwt_span = 0, -1, (0, 0)
    for line in lines:
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0]:
            first, last = (int(x) for x in cols[0].split("-"))
            start = sentence.text.index(cols[1], cursor)
            cursor = start + len(cols[1])
            mwt_last, mwt_span = last, (start, cursor)
            continue
        if "." in cols[0]:
            continue
        wid = int(cols[0])
        feats = dict(f.split("=", 1) for f in cols[5].split("|") if "=" in f)
        if wid <= mwt_last:
            start, end, in_mwt = mwt_span[0], mwt_span[1], True
        else:
            start = sentence.text.index(cols[1], cursor)
            end = cursor = start + len(cols[1])
            in_mwt = False
        sentence.words[wid] = Word(wid, cols[1], cols[2], cols[3], feats, int(cols[6]), cols[7],
                                   start, end, in_mwt)
    for word in sentence.words.values():
        if word.head in sentence.words:
            sentence.words[word.head].children.append(word.id)
    return sentence


# --- the lexicon ----------------------------------------------------------------------------------

# Quantity nouns, whose modifiers may agree with their complement instead.
_QUANTITY_NOUNS = frozenset(
    "plupart majorité minorité nombre moitié tiers quart totalité ensemble reste partie foule "
    "série multitude masse groupe dizaine douzaine quinzaine vingtaine trentaine quarantaine "
    "cinquantaine soixantaine centaine millier million milliard infinité poignée tas".split()
)
_G = {"Masc": "m", "Fem": "f"}
_N = {"Sing": "sg", "Plur": "pl"}
_OTHER_G = {"m": "f", "f": "m"}
_OTHER_N = {"sg": "pl", "pl": "sg"}


@dataclass(frozen=True)
class _Lex:
    inflect: Callable[..., list[str]]
    noun_gender: Callable[[str], str | None]  # unique gender of a noun form, else None
    noun_number: Callable[[str], str | None]


def _lexicon() -> _Lex:
    sys.path.insert(0, str(REPO))
    from mt_check.lexicon import get_lexicon

    lexicon = get_lexicon()

    def unique(word: str, attr: str) -> str | None:
        values = {getattr(a, attr) for a in lexicon.analyses(word) if "nom" in a.pos}
        return values.pop() if len(values) == 1 and None not in values else None

    def inflect(word: str, gender: str | None, number: str | None, pos: str) -> list[str]:
        return lexicon.inflect(word, gender=gender, number=number, pos=pos)

    return _Lex(inflect, lambda w: unique(w, "gender"), lambda w: unique(w, "number"))


# --- injections -----------------------------------------------------------------------------------

# Determiner paradigms: (masculine singular, feminine singular, masc. plural, fem. plural).
_DETS = (("le", "la", "les", "les"), ("un", "une", "des", "des"), ("ce", "cette", "ces", "ces"),
         ("mon", "ma", "mes", "mes"), ("ton", "ta", "tes", "tes"), ("son", "sa", "ses", "ses"),
         ("quel", "quelle", "quels", "quelles"), ("aucun", "aucune", None, None),
         ("notre", "notre", "nos", "nos"), ("votre", "votre", "vos", "vos"),
         ("leur", "leur", "leurs", "leurs"))
_VOWEL = "aeiouyéèêëàâîïôûœh"


def _det_form(form: str, gender: str, number: str, next_word: str) -> str | None:
    lower = form.lower()
    for masc, fem, masc_pl, fem_pl in _DETS:
        if lower in (masc, fem, masc_pl, fem_pl) or (masc == "ce" and lower == "cet"):
            if number == "pl":
                new = fem_pl if gender == "f" else masc_pl
            else:
                new = fem if gender == "f" else masc
            if new is None:
                return None
            if new in ("le", "la") and next_word[:1].lower() in _VOWEL:
                return None  # elided in correct French: a swap would read "le avion"
            if new == "ce" and next_word[:1].lower() in _VOWEL:
                new = "cet"
            return new[:1].upper() + new[1:] if form[:1].isupper() else new
    return None


def _partner(sentence: UDSentence, word: Word) -> Word | None:
    """The noun or pronoun the word agrees with: its head (amod, acl) or, for a predicate
    through être, its subject."""
    words = sentence.words
    if word.deprel in ("amod", "acl") and word.head in words:
        return words[word.head]
    subjects = [words[c] for c in word.children if words[c].deprel in ("nsubj", "nsubj:pass")]
    etre = [words[c] for c in word.children if words[c].deprel in ("cop", "aux:pass")
            and words[c].lemma == "être"]
    if len(subjects) == 1 and etre:
        return subjects[0]
    return None


def _agreeing_partner(sentence: UDSentence, word: Word, lex: _Lex) -> Word | None:
    partner = _partner(sentence, word)
    if partner is None or partner.upos not in ("NOUN", "PRON"):
        return None
    if partner.upos == "PRON" and partner.form.lower() not in ("il", "elle", "ils", "elles"):
        return None  # "qui", "on", "ce": the antecedent decides
    if any(sentence.words[c].deprel == "conj" for c in partner.children) or partner.deprel == "conj":
        return None  # coordinated nouns: masculine plural, or each noun for itself
    if partner.lemma in _QUANTITY_NOUNS:
        return None  # "une cinquantaine de personnes renvoyées": either agreement is right
    for feat in ("Gender", "Number"):
        if word.feats.get(feat) != partner.feats.get(feat):
            return None
    if partner.upos == "NOUN" and (lex.noun_gender(partner.form) != _G.get(partner.feats["Gender"])
                                   or lex.noun_number(partner.form) != _N[partner.feats["Number"]]):
        return None  # the lexicon does not pin the noun's gender and number
    return partner


def _modifiable(sentence: UDSentence, word: Word) -> bool:
    if word.in_mwt or not word.form.isalpha() or not word.form.islower() or len(word.form) < 3:
        return False
    if word.feats.get("Gender") not in _G or word.feats.get("Number") not in _N:
        return False
    if word.deprel == "conj" or any(sentence.words[c].deprel == "conj" for c in word.children):
        return False
    if word.upos == "ADJ":
        return True
    if word.upos == "VERB" and word.feats.get("VerbForm") == "Part" and word.feats.get("Tense") == "Past":
        # conjugated with avoir (and no être): agreement depends on the object's position
        auxes = [sentence.words[c] for c in word.children if sentence.words[c].deprel.startswith("aux")]
        return not any(a.lemma == "avoir" for a in auxes) or any(
            a.lemma == "être" for a in auxes
        )
    return False


def _other_nouns(sentence: UDSentence, word: Word, partner: Word) -> list[tuple[str, str]]:
    """(gender, number) of the nouns between the partner and the word, and of the noun right
    before the word: a changed form that agrees with one of them may be right ("un prêt de 1
    million de francs destinés")."""
    lo, hi = sorted((partner.id, word.id))
    ids = set(range(lo + 1, hi)) | {word.id - 1}
    out = []
    for i in ids:
        other = sentence.words.get(i)
        if other is not None and other.id != partner.id and other.upos in ("NOUN", "PROPN"):
            out.append((_G.get(other.feats.get("Gender", ""), "?"),
                        _N.get(other.feats.get("Number", ""), "?")))
    return out


def modifier_injections(sentence: UDSentence, lex: _Lex) -> Iterator[Injection]:
    for word in sentence.words.values():
        if not _modifiable(sentence, word):
            continue
        partner = _agreeing_partner(sentence, word, lex)
        if partner is None:
            continue
        others = _other_nouns(sentence, word, partner)
        kind = "adj" if word.upos == "ADJ" else "ppas"
        gender, number = _G[word.feats["Gender"]], _N[word.feats["Number"]]
        for flip, g, n in (("gender", _OTHER_G[gender], number), ("number", gender, _OTHER_N[number])):
            if any(og in (g, "?") and on in (n, "?") for og, on in others):
                continue  # the new form agrees with another noun nearby: maybe no error
            # the new form must not also be right for the original features ("russe", "pays")
            right = set(lex.inflect(word.form, gender, number, kind))
            forms = [f for f in lex.inflect(word.form, g, n, kind) if f != word.form and f not in right]
            if forms:
                yield Injection(word.start, word.end, forms[0], word.start, word.end,
                                f"{flip}-{kind}")


def _det_noun_pairs(sentence: UDSentence, lex: _Lex) -> Iterator[tuple[Word, Word]]:
    """(determiner, noun) with the noun's gender and number pinned by the lexicon and gold."""
    words = sentence.words
    for det in words.values():
        if det.upos != "DET" or det.deprel != "det" or det.in_mwt or det.head not in words:
            continue
        noun = words[det.head]
        if noun.upos != "NOUN" or noun.id <= det.id or not noun.form.isalpha():
            continue
        if noun.deprel == "conj" or any(words[c].deprel == "conj" for c in noun.children):
            continue
        between = [words[i] for i in range(det.id + 1, noun.id)]
        if any(w.upos not in ("ADJ", "ADV") for w in between):
            continue
        gender, number = _G.get(noun.feats.get("Gender", "")), _N.get(noun.feats.get("Number", ""))
        if gender is None or number is None:
            continue
        if lex.noun_gender(noun.form) != gender or lex.noun_number(noun.form) != number:
            continue
        if det.end >= len(sentence.text) or sentence.text[det.end] != " ":
            continue  # "l'": elided forms are left alone
        yield det, noun


def det_injections(sentence: UDSentence, lex: _Lex) -> Iterator[Injection]:
    words = sentence.words
    for det, noun in _det_noun_pairs(sentence, lex):
        gender, number = _G[noun.feats["Gender"]], _N[noun.feats["Number"]]
        following = words[det.id + 1].form
        current = _det_form(det.form, gender, number, following)
        if current is None or current != det.form:
            continue  # the determiner is not the one the table expects: leave it
        previous = words.get(det.id - 1)
        after_de = previous is not None and previous.form.lower() in ("de", "à")
        for note, g, n in (("gender-det", _OTHER_G[gender], number), ("number-det", gender,
                                                                     _OTHER_N[number])):
            if note == "gender-det" and number == "pl":
                continue  # plural determiners have one form for both genders
            new = _det_form(det.form, g, n, following)
            if new is None or new.lower() == det.form.lower():
                continue
            if after_de and new.lower() in ("le", "les"):
                continue  # "de le", "à les": French contracts them (du, aux)
            yield Injection(det.start, det.end, new, det.start, det.end, note)


def noun_injections(sentence: UDSentence, lex: _Lex) -> Iterator[Injection]:
    for det, noun in _det_noun_pairs(sentence, lex):
        if not noun.form.islower() or noun.in_mwt:
            continue
        gender, number = _G[noun.feats["Gender"]], _N[noun.feats["Number"]]
        if _det_form(det.form, gender, number, sentence.words[det.id + 1].form) != det.form:
            continue
        forms = [f for f in lex.inflect(noun.form, gender, _OTHER_N[number], "nom") if f != noun.form]
        if forms:
            yield Injection(noun.start, noun.end, forms[0], det.start, noun.end, "number-noun")


# --- assembly -------------------------------------------------------------------------------------


def _usable(sentence: UDSentence) -> bool:
    return 6 <= len(sentence.words) <= 60 and "\t" not in sentence.text


def _record(sentence: UDSentence, injection: Injection) -> dict:
    text = sentence.text
    new_text = text[: injection.start] + injection.new + text[injection.end :]
    shift = len(injection.new) - (injection.end - injection.start)
    start, end = injection.span_start, injection.span_end + shift
    error = {
        "start": start, "end": end, "span": new_text[start:end], "category": "agreement",
        "severity": "minor", "correction": text[injection.span_start : injection.span_end],
        "layer": "fluency", "note": injection.note,
    }
    return {"id": f"{sentence.sent_id}#{injection.note}", "text": new_text, "errors": [error],
            "source": SOURCE, "source_id": sentence.sent_id}


def build(
    sentences: list[UDSentence], seed: int, quotas: dict[str, int], exclude: frozenset[str] = frozenset()
) -> list[dict]:
    """Each note takes, in a seeded order, candidates from sentences not used yet; notes take
    turns so that no note exhausts the sentences another one needs. Sentences whose ``sent_id``
    is in ``exclude`` (those of the other dev sets) are not used."""
    rng = random.Random(seed)
    lex = _lexicon()
    pool = [s for s in sentences if _usable(s) and s.sent_id not in exclude]
    candidates: dict[str, list[tuple[int, Injection]]] = {note: [] for note in quotas}
    for position, sentence in enumerate(pool):
        for injection in (*det_injections(sentence, lex), *noun_injections(sentence, lex),
                          *modifier_injections(sentence, lex)):
            if injection.note in candidates:
                candidates[injection.note].append((position, injection))
    for found in candidates.values():
        rng.shuffle(found)
    used: set[int] = set()
    chosen: dict[str, list[dict]] = {note: [] for note in quotas}
    cursors = dict.fromkeys(quotas, 0)
    progress = True
    while progress:
        progress = False
        for note, quota in quotas.items():
            found = candidates[note]
            while len(chosen[note]) < quota and cursors[note] < len(found):
                position, injection = found[cursors[note]]
                cursors[note] += 1
                if position not in used:
                    used.add(position)
                    chosen[note].append(_record(pool[position], injection))
                    progress = True
                    break
    records = [r for group in chosen.values() for r in group]
    records.sort(key=lambda r: r["id"])
    return records


def check(records: list[dict]) -> Iterator[str]:
    for record in records:
        for error in record["errors"]:
            if record["text"][error["start"] : error["end"]] != error["span"]:
                yield f"{record['id']}: text[{error['start']}:{error['end']}] != {error['span']!r}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conllu", nargs="?", type=Path, default=DEFAULT_CONLLU)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"default {DEFAULT_OUT}")
    parser.add_argument("--seed", type=int, default=17, help="random seed (default 17)")
    parser.add_argument("--per-kind", nargs="*", default=[], metavar="NOTE=N",
                        help="override a note's quota, e.g. gender-det=100")
    parser.add_argument("--exclude", nargs="*", type=Path, default=DEFAULT_EXCLUDE, metavar="JSONL",
                        help="dev sets whose sentences (source_id) are not reused (default: "
                             "ud_gsd_correct.jsonl and ud_gsd_synthetic.jsonl)")
    args = parser.parse_args(argv)
    if not args.conllu.exists():
        parser.error(f"{args.conllu} does not exist")
    quotas = dict(DEFAULT_QUOTAS)
    for item in args.per_kind:
        note, _, n = item.partition("=")
        if note not in quotas or not n.isdigit():
            parser.error(f"--per-kind {item}: expected NOTE=N with NOTE in {', '.join(quotas)}")
        quotas[note] = int(n)
    exclude: set[str] = set()
    for path in args.exclude:
        if path.exists():
            with path.open(encoding="utf-8") as handle:
                exclude |= {json.loads(line).get("source_id", "") for line in handle if line.strip()}
    records = build(read_conllu(args.conllu), args.seed, quotas, frozenset(exclude))
    problems = list(check(records))
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    counts = {note: sum(r["errors"][0]["note"] == note for r in records) for note in quotas}
    print(f"{args.out}: {len(records)} records {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
