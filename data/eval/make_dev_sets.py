"""Build the UD French-GSD development sets: correct sentences, and sentences with one injected error.

Reads the UD French-GSD dev CoNLL-U (CC BY-SA 4.0) and writes, in the gold JSONL format of
DESIGN.md, ``ud_gsd_correct.jsonl`` (sentences as published, ``errors: []``, for false flags per
100 correct texts) and ``ud_gsd_synthetic.jsonl`` (each sentence with exactly one injected error,
its span annotated in the modified text). Same input and seed, same files.

    python data/eval/make_dev_sets.py [CONLLU] [--out DIR] [--seed 13] [--count 300]

Injections (the ``note`` of each error says which): ``agreement-gender`` / ``agreement-number``
(an adjective or participle flipped to another form of its lexicon entry, using the gold
features), ``det-gender`` (le/la, un/une before a consonant), ``merged-elision`` (l'avion ->
"leavion", d'un -> "deun", qu'il -> "queil"), ``truncated-year`` ("en 1998" -> "en 98"),
``dropped-determiner`` (an article removed: a zero-length span where it was) and
``repeated-word`` ("le le": the span covers both words, the correction is the word once).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CONLLU = REPO.parent / "shared" / "data" / "ud_french_gsd" / "fr_gsd-ud-dev.conllu"
DEFAULT_OUT = REPO / "data" / "eval"
SOURCE = "UD_French-GSD dev (CC BY-SA 4.0)"


@dataclass
class Word:
    index: int  # position in the sentence's word list
    form: str
    lemma: str
    upos: str
    feats: dict[str, str]
    start: int  # character offsets of the surface token in the sentence text
    end: int
    space_after: bool
    in_mwt: bool  # part of a contraction ("du" = de + le): never edited


@dataclass
class UDSentence:
    sent_id: str
    text: str
    words: list[Word] = field(default_factory=list)


@dataclass(frozen=True)
class Injection:
    text: str
    start: int
    end: int
    category: str
    severity: str
    correction: str
    note: str


def read_conllu(path: Path) -> list[UDSentence]:
    sentences: list[UDSentence] = []
    block: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            block.append(line)
        elif block:
            sentences.append(_sentence(block))
            block = []
    return sentences


def _sentence(lines: list[str]) -> UDSentence:
    meta = {k: v for k, _, v in (ln[2:].partition(" = ") for ln in lines if ln.startswith("# "))}
    sentence = UDSentence(meta.get("sent_id", ""), meta["text"])
    cursor = 0
    mwt_end = -1
    mwt_span = (0, 0)
    for line in lines:
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0]:  # a contraction: the surface token
            first, last = (int(x) for x in cols[0].split("-"))
            start = sentence.text.index(cols[1], cursor)
            cursor = start + len(cols[1])
            mwt_end, mwt_span = last, (start, cursor)
            continue
        if "." in cols[0]:
            continue
        number = int(cols[0])
        feats = dict(f.split("=", 1) for f in cols[5].split("|") if "=" in f)
        misc = cols[9]
        if number <= mwt_end:
            start, end, in_mwt = mwt_span[0], mwt_span[1], True
        else:
            start = sentence.text.index(cols[1], cursor)
            end = cursor = start + len(cols[1])
            in_mwt = False
        sentence.words.append(
            Word(len(sentence.words), cols[1], cols[2], cols[3], feats, start, end,
                 "SpaceAfter=No" not in misc, in_mwt)
        )
    return sentence


# --- inflection ---------------------------------------------------------------------------------


def _inflector() -> Callable[[str, str | None, str | None, str], list[str]]:
    """``inflect(word, gender, number, pos)`` from the project lexicon, else spylls + rules."""
    sys.path.insert(0, str(REPO))
    try:
        from mt_check.lexicon import get_lexicon
    except ImportError:
        return _spylls_inflector()
    lexicon = get_lexicon()

    def inflect(word: str, gender: str | None, number: str | None, pos: str) -> list[str]:
        return lexicon.inflect(word, gender=gender, number=number, pos=pos)

    return inflect


def _spylls_inflector() -> Callable[[str, str | None, str | None, str], list[str]]:
    from spylls.hunspell import Dictionary

    dictionary = Dictionary.from_files("/usr/share/hunspell/fr_FR")

    def inflect(word: str, gender: str | None, number: str | None, pos: str) -> list[str]:
        # Regular French inflection from a guessed masculine singular, kept when Hunspell knows it.
        base = word[:-3] + "al" if word.endswith("aux") else re.sub(r"(?:e?s|e)$", "", word)
        masc_pl = base[:-2] + "aux" if base.endswith("al") else base + "s"
        table = {("m", "sg"): base, ("m", "pl"): masc_pl, ("f", "sg"): base + "e",
                 ("f", "pl"): base + "es"}
        wanted = table.get((gender or "m", number or "sg"))
        return [wanted] if wanted and wanted != word and dictionary.lookup(wanted) else []

    return inflect


# --- injections ---------------------------------------------------------------------------------

_GENDER = {"Masc": "m", "Fem": "f"}
_NUMBER = {"Sing": "sg", "Plur": "pl"}
_FLIP_GENDER = {"Masc": "f", "Fem": "m"}
_FLIP_NUMBER = {"Sing": "pl", "Plur": "sg"}


def _replace(sentence: UDSentence, word: Word, new: str) -> str:
    return sentence.text[: word.start] + new + sentence.text[word.end :]


def inject_agreement(
    sentence: UDSentence, rng: random.Random, inflect: Callable[..., list[str]]
) -> Injection | None:
    candidates = [
        w for w in sentence.words
        if not w.in_mwt and w.form.isalpha() and w.form.islower() and len(w.form) > 2
        and (w.upos == "ADJ" or (w.upos == "VERB" and w.feats.get("VerbForm") == "Part"))
        and w.feats.get("Gender") in _GENDER and w.feats.get("Number") in _NUMBER
    ]
    rng.shuffle(candidates)
    for word in candidates:
        pos = "adj" if word.upos == "ADJ" else "ppas"
        flips = ["gender", "number"]
        rng.shuffle(flips)
        for flip in flips:
            if flip == "gender":
                gender, number = _FLIP_GENDER[word.feats["Gender"]], _NUMBER[word.feats["Number"]]
            else:
                gender, number = _GENDER[word.feats["Gender"]], _FLIP_NUMBER[word.feats["Number"]]
            forms = [f for f in inflect(word.form, gender, number, pos) if f.lower() != word.form]
            if forms:
                new = forms[0]
                return Injection(
                    _replace(sentence, word, new), word.start, word.start + len(new),
                    "agreement", "minor", word.form, f"agreement-{flip}",
                )
    return None


_DET_SWAP = {"le": "la", "la": "le", "un": "une", "une": "un"}


def inject_det_gender(sentence: UDSentence, rng: random.Random) -> Injection | None:
    candidates = []
    for word in sentence.words:
        nxt = sentence.words[word.index + 1] if word.index + 1 < len(sentence.words) else None
        if (
            word.upos == "DET" and not word.in_mwt and word.form.lower() in _DET_SWAP
            and word.space_after and nxt is not None and nxt.upos == "NOUN"
            and nxt.form[:1].lower() not in "aeiouyéèêàâîôûh"
        ):
            candidates.append(word)
    if not candidates:
        return None
    word = rng.choice(candidates)
    new = _DET_SWAP[word.form.lower()]
    new = new.capitalize() if word.form[0].isupper() else new
    return Injection(
        _replace(sentence, word, new), word.start, word.start + len(new),
        "agreement", "minor", word.form, "det-gender",
    )


_ELIDED = {"l'": None, "d'": "de", "qu'": "que"}


def inject_merged_elision(sentence: UDSentence, rng: random.Random) -> Injection | None:
    candidates = []
    for word in sentence.words:
        nxt = sentence.words[word.index + 1] if word.index + 1 < len(sentence.words) else None
        if (
            word.form.lower() in _ELIDED and not word.in_mwt and nxt is not None
            and not nxt.in_mwt and nxt.start == word.end and nxt.form.isalpha()
            and nxt.form.islower()
        ):
            candidates.append((word, nxt))
    if not candidates:
        return None
    word, nxt = rng.choice(candidates)
    full = _ELIDED[word.form.lower()]
    if full is None:  # l' -> le / la after the gender of what follows
        full = "la" if nxt.feats.get("Gender") == "Fem" else "le"
    if word.form[0].isupper():
        full = full.capitalize()
    merged = full + nxt.form
    text = sentence.text[: word.start] + merged + sentence.text[nxt.end :]
    original = sentence.text[word.start : nxt.end]
    return Injection(
        text, word.start, word.start + len(merged), "spelling", "major", original,
        "merged-elision",
    )


_YEAR = re.compile(r"\b([Ee]n) ((?:1[89]|20)(\d\d))\b(?![\d,.])")


def inject_truncated_year(sentence: UDSentence, rng: random.Random) -> Injection | None:
    matches = list(_YEAR.finditer(sentence.text))
    if not matches:
        return None
    match = rng.choice(matches)
    short = match.group(3)
    text = sentence.text[: match.start(2)] + short + sentence.text[match.end(2) :]
    return Injection(
        text, match.start(2), match.start(2) + 2, "number", "minor", match.group(2),
        "truncated-year",
    )


_ARTICLES = {"le", "la", "les", "un", "une", "des"}


def inject_dropped_determiner(sentence: UDSentence, rng: random.Random) -> Injection | None:
    candidates = [
        w for w in sentence.words
        if w.upos == "DET" and w.feats.get("PronType") == "Art" and not w.in_mwt
        and w.form in _ARTICLES and w.space_after and w.index > 0
    ]
    if not candidates:
        return None
    word = rng.choice(candidates)
    following = sentence.text[word.end :].lstrip(" ")
    text = sentence.text[: word.start] + following
    return Injection(
        text, word.start, word.start, "grammar", "minor", word.form + " ",
        "dropped-determiner",
    )


_REPEATABLE = {"le", "la", "les", "de", "des", "et", "à", "en", "un", "une", "que", "qui",
               "du", "dans", "pour", "sur", "par", "est", "a", "il", "ne", "pas"}


def inject_repeated_word(sentence: UDSentence, rng: random.Random) -> Injection | None:
    candidates = [
        w for w in sentence.words
        if w.form.lower() in _REPEATABLE and w.space_after and w.form.isalpha()
        and (not w.in_mwt or w.form == sentence.text[w.start : w.end])
    ]
    if not candidates:
        return None
    word = rng.choice(candidates)
    surface = sentence.text[word.start : word.end]
    doubled = f"{surface} {surface}"
    text = sentence.text[: word.start] + doubled + sentence.text[word.end :]
    return Injection(
        text, word.start, word.start + len(doubled), "grammar", "minor", surface,
        "repeated-word",
    )


# --- assembly -----------------------------------------------------------------------------------


def _usable(sentence: UDSentence) -> bool:
    return 6 <= len(sentence.words) <= 60 and "\t" not in sentence.text


def _record(id_: str, text: str, errors: list[dict[str, object]], source_id: str) -> dict:
    return {"id": id_, "text": text, "errors": errors, "source": SOURCE, "source_id": source_id}


def build(
    sentences: list[UDSentence], seed: int, count: int
) -> tuple[list[dict], list[dict]]:
    rng = random.Random(seed)
    inflect = _inflector()
    injectors: list[Callable[[UDSentence], Injection | None]] = [
        lambda s: inject_agreement(s, rng, inflect),
        lambda s: inject_det_gender(s, rng),
        lambda s: inject_merged_elision(s, rng),
        lambda s: inject_truncated_year(s, rng),
        lambda s: inject_dropped_determiner(s, rng),
        lambda s: inject_repeated_word(s, rng),
    ]
    pool = [s for s in sentences if _usable(s)]
    order = list(range(len(pool)))
    rng.shuffle(order)
    used: set[int] = set()
    synthetic: list[dict] = []
    cursors = [0] * len(injectors)
    # Round-robin over injection types: each takes the next unused sentence it can modify; a
    # type that runs out (few "en 19xx" sentences) drops out and the others fill its share.
    active = list(range(len(injectors)))
    while len(synthetic) < count and active:
        for kind in list(active):
            if len(synthetic) >= count:
                break
            while cursors[kind] < len(order):
                position = order[cursors[kind]]
                cursors[kind] += 1
                injection = None if position in used else injectors[kind](pool[position])
                if injection is not None:
                    used.add(position)
                    synthetic.append(_synthetic_record(pool[position], injection))
                    break
            else:
                active.remove(kind)
    remaining = [order[i] for i in range(len(order)) if order[i] not in used]
    correct = [
        _record(pool[p].sent_id, pool[p].text, [], pool[p].sent_id)
        for p in sorted(remaining[:count], key=lambda p: pool[p].sent_id)
    ]
    synthetic.sort(key=lambda r: r["id"])
    return correct, synthetic


def _synthetic_record(sentence: UDSentence, injection: Injection) -> dict:
    error = {
        "start": injection.start,
        "end": injection.end,
        "span": injection.text[injection.start : injection.end],
        "category": injection.category,
        "severity": injection.severity,
        "correction": injection.correction,
        "layer": "fluency",
        "note": injection.note,
    }
    return _record(f"{sentence.sent_id}#{injection.note}", injection.text, [error],
                   sentence.sent_id)


def check(records: list[dict]) -> Iterator[str]:
    """Problems with the records (none expected): spans that do not slice their text."""
    for record in records:
        for error in record["errors"]:
            if record["text"][error["start"] : error["end"]] != error["span"]:
                yield f"{record['id']}: text[{error['start']}:{error['end']}] != {error['span']!r}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conllu", nargs="?", type=Path, default=DEFAULT_CONLLU,
                        help=f"UD French-GSD dev CoNLL-U (default {DEFAULT_CONLLU})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    parser.add_argument("--seed", type=int, default=13, help="random seed (default 13)")
    parser.add_argument("--count", type=int, default=300, help="sentences per file (default 300)")
    args = parser.parse_args(argv)
    if not args.conllu.exists():
        parser.error(f"{args.conllu} does not exist")
    correct, synthetic = build(read_conllu(args.conllu), args.seed, args.count)
    problems = list(check(correct + synthetic))
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for name, records in (("ud_gsd_correct.jsonl", correct), ("ud_gsd_synthetic.jsonl", synthetic)):
        path = args.out / name
        with path.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{path}: {len(records)} records")
    return 0


if __name__ == "__main__":
    sys.exit(main())
