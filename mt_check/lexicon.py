"""The French lexicon: Hunspell's fr_FR dictionary (Dicollecte/Grammalecte "classique") read
through spylls, plus the morphology (part of speech, gender, number, person) that the dictionary
carries on its stems and affix rules.

``known()`` follows Hunspell's lookup (capitalisation, elisions, hyphenated compounds).
``analyses()`` and ``inflect()`` strip and apply suffix rules themselves: an entry's forms are its
stem plus the suffixes its flags allow, and a form's morphology is the stem's fields overridden by
the suffix's fields. Everything is cached; the dictionary is loaded once per process
(:func:`get_lexicon`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from itertools import islice
from pathlib import Path

from mt_check.types import MtCheckError

DEFAULT_PATH = "/usr/share/hunspell/fr_FR"
ENV_VAR = "MT_CHECK_HUNSPELL"

_GENDERS = {"mas": "m", "fem": "f", "epi": "epi"}
_NUMBERS = {"sg": "sg", "pl": "pl", "inv": "inv"}
# The lexicon's parts of speech for names: first names, surnames, place names.
NAME_POS = frozenset({"prn", "patr", "npr"})
_TENSES = frozenset({"ipre", "iimp", "ipsi", "ifut", "cond", "spre", "simp", "impe"})
_PERSON = re.compile(r"^[123](?:sg|pl)$")
_VERB_CLASS = re.compile(r"^v[0-3]")
_NEEDAFFIX = "()"
_FORBIDDEN = "{}"
_KEEPCASE = "||"
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})


class LexiconUnavailableError(MtCheckError):
    """The Hunspell French dictionary files could not be found or read."""


@dataclass(frozen=True)
class Analysis:
    """One reading of a word form: its lemma and the features the dictionary gives it."""

    lemma: str
    pos: frozenset[str]  # nom, adj, v, ppas, ppre, infi, det, detpos, prn, npr, adv, ...
    gender: str | None  # "m", "f", "epi" (both) or None (not marked)
    number: str | None  # "sg", "pl", "inv" (both) or None (not marked)
    persons: frozenset[str] = frozenset()  # finite verbs: {"1sg", "3sg"}, ...
    tenses: frozenset[str] = frozenset()  # finite verbs: {"ipre", "spre"}, ...
    entry: int = field(default=-1, compare=False)  # dictionary entry it comes from

    def allows_gender(self, gender: str) -> bool:
        return self.gender in (gender, "epi")

    def allows_number(self, number: str) -> bool:
        return self.number in (number, "inv")


@dataclass(frozen=True)
class _Suffix:
    flag: str
    strip: str
    add: str
    condition: re.Pattern[str]
    morph: tuple[tuple[str, str], ...]


def _morph_fields(tokens: Iterable[str]) -> tuple[tuple[str, str], ...]:
    out = []
    for tok in tokens:
        key, sep, value = tok.partition(":")
        if sep and len(key) == 2:
            out.append((key, value))
    return tuple(out)


def _read_suffixes(aff_path: Path, encoding: str = "utf-8") -> dict[str, list[_Suffix]]:
    """SFX rules with their morphological fields, by flag.

    spylls parses the .aff but drops the morphological fields of affix rules, hence this reader.
    """
    rules: dict[str, list[_Suffix]] = {}
    with aff_path.open(encoding=encoding, errors="replace") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) < 5 or parts[0] != "SFX":
                continue
            flag, strip, add_field, cond = parts[1], parts[2], parts[3], parts[4]
            add = add_field.split("/", 1)[0]
            strip = "" if strip == "0" else strip
            add = "" if add == "0" else add
            cond_re = re.compile("" if cond == "." else cond + "$")
            rules.setdefault(flag, []).append(
                _Suffix(flag, strip, add, cond_re, _morph_fields(parts[5:]))
            )
    return rules


def _header_version(aff_path: Path) -> str | None:
    with aff_path.open(encoding="utf-8", errors="replace") as handle:
        for line in islice(handle, 40):
            if line.startswith("#"):
                match = re.search(r"\bv(\d+(?:\.\d+)+)\b", line)
                if match:
                    return match.group(1)
    return None


def _file_hash(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _files(path: str | os.PathLike[str] | None) -> tuple[str, Path, Path]:
    """The dictionary's base path and its .aff and .dic files (which must exist)."""
    base = str(path or os.environ.get(ENV_VAR) or DEFAULT_PATH)
    base = base[:-4] if base.endswith((".aff", ".dic")) else base
    aff, dic = Path(base + ".aff"), Path(base + ".dic")
    if not aff.is_file() or not dic.is_file():
        raise LexiconUnavailableError(
            f"French Hunspell dictionary not found at {base}.aff/.dic; install it with "
            f"`apt-get install hunspell-fr` or point {ENV_VAR} at a fr_FR .aff/.dic pair"
        )
    return base, aff, dic


def _version(base: str, aff: Path, dic: Path) -> str:
    # "fr_FR-v7.0-ee8a052e6950": no spaces or colons, it goes into "|"-separated signatures.
    header = _header_version(aff)
    return "-".join([Path(base).name, *([f"v{header}"] if header else []), _file_hash(aff, dic)])


def lexicon_version(path: str | None = None) -> str:
    """The version of the dictionary :func:`get_lexicon` loads, read from its files without
    loading it (2-3 s): signatures need it before any word is looked up."""
    return _version_of(path or os.environ.get(ENV_VAR) or DEFAULT_PATH)


@cache
def _version_of(path: str) -> str:  # once per process, like the dictionary itself (_load)
    return _version(*_files(path))


_log = logging.getLogger(__name__)
# The spylls versions _without_compounding was tested with: tests/test_lexicon.py pins the same
# verdicts as spylls' own lookup. Another version keeps spylls' lookup as it is (slower, same
# verdicts) and an INFO record says why.
_SPYLLS_TESTED = frozenset({"0.1.7"})


def _no_compounds(word: str, captype: object, allow_nosuggest: bool = True) -> Iterator[object]:
    return iter(())


def _without_compounding(dictionary: object) -> None:
    """spylls' lookup of a word that is not a plain affixed form (every name, every typo) looks
    for compounds, and before that re-derives all its affixed forms to rule out forbidden ones:
    half of its ~3 ms. A dictionary that declares no compounding (fr_FR: no COMPOUNDFLAG,
    COMPOUNDBEGIN or COMPOUNDRULE) can have no compound form, and that search always ends empty:
    this dictionary's lookup skips it (on this Dictionary object only)."""
    aff = dictionary.aff  # type: ignore[attr-defined]
    if aff.COMPOUNDFLAG or aff.COMPOUNDBEGIN or aff.COMPOUNDRULE:
        return
    try:
        installed = version("spylls")
    except PackageNotFoundError:
        installed = "(version unknown)"
    if installed not in _SPYLLS_TESTED:
        _log.info("skipping spylls' compound search is off: spylls %s is not a version it was tested "
                  "with (%s)", installed, ", ".join(sorted(_SPYLLS_TESTED)))
        return
    dictionary.lookuper.compound_forms = _no_compounds  # type: ignore[attr-defined]


class Lexicon:
    """Hunspell fr_FR through spylls, with the dictionary's morphology."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        base, aff, dic = _files(path)
        try:
            from spylls.hunspell import Dictionary
        except ImportError as exc:  # pragma: no cover - spylls is a dependency
            raise LexiconUnavailableError(
                f"spylls is not installed ({exc}); `pip install spylls`"
            ) from exc
        started = time.perf_counter()
        self.path = base
        self._dict = Dictionary.from_files(base)
        _without_compounding(self._dict)
        self._suffixes = _read_suffixes(aff)
        # add -> strip -> rules: stripping needs one dictionary probe per (add, strip) pair.
        by_add: dict[str, dict[str, list[_Suffix]]] = {}
        for rules in self._suffixes.values():
            for rule in rules:
                by_add.setdefault(rule.add, {}).setdefault(rule.strip, []).append(rule)
        self._by_add = by_add
        self._max_add = max((len(a) for a in by_add), default=0)
        self._words = self._dict.dic.words
        self._index: dict[str, list[int]] = {}
        for i, word in enumerate(self._words):
            if _FORBIDDEN not in word.flags:
                self._index.setdefault(word.stem, []).append(i)
        # The prefixes Hunspell may strip ("l'", "d'", "kilo", "µ"...): what each adds, with the
        # flags that allow it on a stem and what it strips from the stem.
        prefixes: dict[str, dict[str, set[str]]] = {}
        for flag, rules in self._dict.aff.PFX.items():
            for pfx in rules:
                if pfx.add:
                    by_strip = prefixes.setdefault(str(pfx.add), {})
                    by_strip.setdefault(str(pfx.strip or ""), set()).add(str(flag))
        self._prefixes = {
            add: {strip: frozenset(flags) for strip, flags in by_strip.items()}
            for add, by_strip in prefixes.items()
        }
        self.version = _version(base, aff, dic)
        self.load_seconds = time.perf_counter() - started
        self._known: dict[str, bool] = {}
        self._analyses: dict[str, tuple[Analysis, ...]] = {}
        self._forms: dict[int, tuple[tuple[str, Analysis], ...]] = {}
        self._suggestions: dict[tuple[str, int], str | None] = {}

    # --- lookup -----------------------------------------------------------------------------

    def only_finite(self, word: str) -> bool:
        """Whether every reading of ``word`` is a conjugated verb ("prennent"; not "porte", also
        a noun, nor "chanté", a participle): a word that can only be a clause's verb."""
        readings = self.analyses(word)
        return bool(readings) and all(a.persons for a in readings)

    def known(self, word: str) -> bool:
        """Hunspell's verdict on ``word`` (case rules, elisions, hyphenated compounds)."""
        cached = self._known.get(word)
        if cached is None:
            parts = word.split("-")  # Hunspell's BREAK: every part of a hyphenated word is a word
            cached = (
                bool(self.analyses(word))
                or (len(parts) > 1 and all(p and self.analyses(p) for p in parts))
                or (self._hunspell_may_know(word) and bool(self._dict.lookup(word)))
            )
            self._known[word] = cached
        return cached

    def _hunspell_may_know(self, word: str) -> bool:
        """Whether Hunspell's own lookup can accept ``word`` where the analyses above did not: a
        prefix it strips (an elision, a metric prefix), a stem that only takes affixes, a BREAK
        character, a short abbreviation. Everything else is a sure no, and the lookup (a few
        milliseconds per unknown word in spylls, most of the time spent on names) is skipped;
        tests/test_lexicon.py pins identical verdicts on the evaluation sets' words."""
        if len(word) <= 3 or any(c in word for c in "'’‘.·-"):
            return True
        for form in {word, word.lower(), word.capitalize()}:
            if self._stem_in_index(form):  # a stem Hunspell accepts with an empty prefix only
                return True
            for prefix, by_strip in self._prefixes.items():
                rest = form[len(prefix) :]
                if form.startswith(prefix) and any(
                    self._stem_in_index(strip + rest, flags) for strip, flags in by_strip.items()
                ):
                    return True
        return False

    def _stem_in_index(self, form: str, flags: frozenset[str] | None = None) -> bool:
        """Whether ``form``, or ``form`` less a suffix Hunspell strips, is a dictionary stem
        (with one of ``flags`` when given; affix conditions aside: a superset of what Hunspell
        could accept)."""
        if not form:
            return False
        stems = [form]
        for k in range(1, min(len(form), self._max_add) + 1):
            by_strip = self._by_add.get(form[len(form) - k :])
            if by_strip is not None:
                stems.extend(form[: len(form) - k] + strip for strip in by_strip)
        for stem in stems:
            for i in self._index.get(stem, ()):
                if flags is None or any(f in self._words[i].flags for f in flags):
                    return True
        return False

    def analyses(self, word: str) -> list[Analysis]:
        """Every reading of ``word`` (exact case first, then the lower-cased/title-cased form)."""
        cached = self._analyses.get(word)
        if cached is None:
            cached = tuple(self._analyse(word))
            self._analyses[word] = cached
        return list(cached)

    def _analyse(self, word: str) -> Iterator[Analysis]:
        word = word.translate(_APOSTROPHES)
        seen: set[Analysis] = set()
        variants = [(word, False)]
        if word[:1].isupper():
            if word.isupper() and len(word) > 1:
                variants.append((word[0] + word[1:].lower(), True))
            variants.append((word.lower(), True))
        for form, case_changed in variants:
            for analysis in self._analyse_exact(form, case_changed):
                if analysis not in seen:
                    seen.add(analysis)
                    yield analysis

    def _analyse_exact(self, word: str, case_changed: bool) -> Iterator[Analysis]:
        for i in self._index.get(word, ()):
            entry = self._words[i]
            if _NEEDAFFIX in entry.flags or (case_changed and _KEEPCASE in entry.flags):
                continue
            yield self._make(entry, i, ())
        for k in range(min(len(word), self._max_add) + 1):
            by_strip = self._by_add.get(word[len(word) - k :] if k else "")
            if by_strip is None:
                continue
            for strip, rules in by_strip.items():
                stem = word[: len(word) - k] + strip
                entries = self._index.get(stem)
                if not entries:
                    continue
                for i in entries:
                    entry = self._words[i]
                    if case_changed and _KEEPCASE in entry.flags:
                        continue
                    for rule in rules:
                        if rule.flag in entry.flags and rule.condition.search(stem):
                            yield self._make(entry, i, rule.morph)

    def _make(self, entry: object, index: int, affix_morph: tuple[tuple[str, str], ...]) -> Analysis:
        data = entry.data  # type: ignore[attr-defined]
        stem_fields = [(k, v) for k, values in data.items() for v in values]
        lemma = data.get("st", [entry.stem])[0]  # type: ignore[attr-defined]
        pos: set[str] = set()
        persons: set[str] = set()
        tenses: set[str] = set()
        gender = number = None
        for key, value in [*stem_fields, *affix_morph]:  # the affix's fields come last and win
            if key == "po":
                value = value.rstrip("!")
                if _PERSON.match(value):
                    persons.add(value)
                elif value in _TENSES:
                    tenses.add(value)
                elif _VERB_CLASS.match(value):
                    pos.add("v")
                else:
                    pos.add(value)
            elif key == "is":
                if value in _GENDERS:
                    gender = _GENDERS[value]
                elif value in _NUMBERS:
                    number = _NUMBERS[value]
        if persons and number is None:
            numbers = {p[1:] for p in persons}
            number = numbers.pop() if len(numbers) == 1 else None
        return Analysis(
            lemma=lemma,
            pos=frozenset(pos),
            gender=gender,
            number=number,
            persons=frozenset(persons),
            tenses=frozenset(tenses),
            entry=index,
        )

    # --- generation -------------------------------------------------------------------------

    def forms(self, entry: int) -> tuple[tuple[str, Analysis], ...]:
        """Every (form, analysis) of one dictionary entry."""
        cached = self._forms.get(entry)
        if cached is None:
            word = self._words[entry]
            out: list[tuple[str, Analysis]] = []
            if _NEEDAFFIX not in word.flags:
                out.append((word.stem, self._make(word, entry, ())))
            for flag in sorted(word.flags):
                for rule in self._suffixes.get(flag, ()):
                    stem = word.stem
                    if rule.strip and not stem.endswith(rule.strip):
                        continue
                    if not rule.condition.search(stem):
                        continue
                    form = stem[: len(stem) - len(rule.strip)] + rule.add
                    out.append((form, self._make(word, entry, rule.morph)))
            cached = tuple(out)
            self._forms[entry] = cached
        return cached

    def inflect(
        self,
        word: str,
        gender: str | None = None,
        number: str | None = None,
        pos: str | None = None,
    ) -> list[str]:
        """Forms of the same dictionary entry as ``word`` with the wanted gender and number.

        A form marked epicene (``epi``) or invariable (``inv``) satisfies either value. ``pos``
        restricts the entries considered (e.g. ``"adj"``); by default the form must share a part
        of speech with the reading of ``word`` it comes from. Exact matches come first.
        """
        exact: list[str] = []
        loose: list[str] = []
        for analysis in self.analyses(word):
            if pos is not None and pos not in analysis.pos:
                continue
            wanted_pos = {pos} if pos is not None else analysis.pos - {"v", "mg"}
            for form, candidate in self.forms(analysis.entry):
                if candidate.persons or not (candidate.pos & wanted_pos):
                    continue
                if gender is not None and not candidate.allows_gender(gender):
                    continue
                if number is not None and not candidate.allows_number(number):
                    continue
                precise = (gender is None or candidate.gender == gender) and (
                    number is None or candidate.number == number
                )
                (exact if precise else loose).append(form)
        return list(dict.fromkeys(_match_case(word, f) for f in [*exact, *loose]))

    def conjugate(self, word: str, person: str) -> list[str]:
        """Finite forms of the verb ``word`` in the same tense(s) for ``person`` (``"3pl"``)."""
        out: list[str] = []
        for analysis in self.analyses(word):
            if not analysis.persons:
                continue
            for form, candidate in self.forms(analysis.entry):
                if person in candidate.persons and candidate.tenses & analysis.tenses:
                    out.append(form)
        return list(dict.fromkeys(_match_case(word, f) for f in out))

    def same_form(self, word: str, lemma: str, finite: bool | None = None) -> str | None:
        """The form of the verb ``lemma`` (an infinitive) that has the features of the verb form
        ``word``: the same tense and person, or the same non-finite form, gender and number
        («causait», «infliger» → «infligeait»; «causé» → «infligé»). ``finite`` picks among the
        readings of an ambiguous form («fait»: a participle, or «il fait»). A finite form shares
        a person and a tense with the word, third persons and the indicative first («supporte»,
        «prendre» → «prend», not «prends» or «prenne»). None when the lexicon has no such form."""
        kinds = {"infi", "ppas", "ppre"}
        readings = [a for a in self.analyses(word) if "v" in a.pos
                    and (finite is None or bool(a.persons) == finite)]
        for target in self.analyses(lemma):
            if target.lemma != lemma or "infi" not in target.pos:
                continue
            forms = self.forms(target.entry)
            best: tuple[tuple[int, ...], str] | None = None
            for reading in readings:
                for form, candidate in forms:
                    if reading.persons:
                        persons = candidate.persons & reading.persons
                        tenses = candidate.tenses & reading.tenses
                        if not persons or not tenses:
                            continue
                        score = (any(p[0] == "3" for p in persons), bool(tenses - {"spre", "impe"}),
                                 candidate.tenses == reading.tenses, len(persons))
                    elif not candidate.persons and candidate.pos & kinds == reading.pos & kinds and (
                        reading.gender is None or candidate.allows_gender(reading.gender)) and (
                        reading.number in (None, "inv") or candidate.allows_number(reading.number)
                    ):
                        # a form the same in both numbers («pris») takes the singular («eu»)
                        plural_for_both = reading.number == "inv" and candidate.number == "pl"
                        score = (True, True, True, 8 if plural_for_both else 9)
                    else:
                        continue
                    if best is None or score > best[0]:
                        best = (tuple(int(x) for x in score), form)
            if best is not None:
                return _match_case(word, best[1])
        return None

    # --- suggestions ------------------------------------------------------------------------

    def suggest(self, word: str, max_candidates: int = 5000) -> str | None:
        """The first dictionary word among Hunspell's edit candidates for ``word``.

        spylls' own ``suggest`` can take minutes on French: its n-gram pass scans the whole
        dictionary and its MAP pass multiplies accent variants (8 per vowel here). So the
        candidates come from spylls' permutation functions, REP table first, then one-edit
        changes from the most to the least likely, capped by count (not time, so that the
        answer does not depend on the machine's load).
        """
        key = (word, max_candidates)
        if key not in self._suggestions:
            self._suggestions[key] = self._suggest(word, max_candidates)
        return self._suggestions[key]

    def _edits(self, word: str) -> Iterator[str]:
        from spylls.hunspell.algo import permutations as pmt

        aff = self._dict.aff
        for candidate in pmt.replchars(word, aff.REP):
            if isinstance(candidate, str):
                yield candidate
        yield from pmt.swapchar(word)
        yield from pmt.extrachar(word)
        yield from pmt.badchar(word, aff.TRY)
        yield from pmt.forgotchar(word, aff.TRY)
        yield from pmt.movechar(word)
        yield from pmt.longswapchar(word)
        yield from pmt.doubletwochars(word)

    def _suggest(self, word: str, max_candidates: int) -> str | None:
        for tried, text in enumerate(self._edits(word)):
            if tried >= max_candidates:
                break
            if text != word and self.analyses(text):  # one dictionary word
                return text
        return None


def _match_case(model: str, form: str) -> str:
    if model[:1].isupper() and not form[:1].isupper():
        if model.isupper() and len(model) > 1:
            return form.upper()
        return form[:1].upper() + form[1:]
    return form


def get_lexicon(path: str | None = None) -> Lexicon:
    """The process-wide lexicon (loaded on first use, about 2 s)."""
    return _load(path or os.environ.get(ENV_VAR) or DEFAULT_PATH)


def load_frequencies(languages: Iterable[str], wordlist: str = "best") -> None:
    """Read wordfreq's lists for ``languages`` now (wordfreq reads each on its first lookup, a
    few tenths of a second apiece; ``zipf_frequency`` then answers from memory)."""
    from wordfreq import get_frequency_dict

    for language in languages:
        get_frequency_dict(language, wordlist)


class FrequentWords:
    """The words of wordfreq's list for ``language`` seen at least ``min_zipf`` (Zipf scale), to
    test a word against that threshold without holding the whole list.

    wordfreq keeps a list it has read twice over (its buckets and a dict of every word), 30 to 60 MB
    a language for the large lists; this keeps one 64-bit hash and one bucket number per word above
    the threshold, 10 bytes a word (4 MB for Spanish, Italian and German at Zipf 2; 13.5 MB more
    resident memory with what reading the lists leaves behind). Hand-written because wordfreq only
    loads whole lists. :meth:`zipf` is ``wordfreq.zipf_frequency`` exactly for words at or above the threshold
    (same tokenizer, same combination of a word's tokens) and 0 below it. Hashes are Python's own
    (:func:`_key`), built in the process that asks: a word shares one with a listed word with a
    chance of n in 2**64.
    """

    def __init__(self, language: str, min_zipf: float, wordlist: str = "best") -> None:
        import numpy as np
        from wordfreq import available_languages, read_cBpack

        self.language = language
        self.min_zipf = min_zipf
        # wordfreq's buckets are centibels: bucket i holds the words of frequency 10 ** (-i / 100),
        # Zipf 9 - i / 100.
        last = round((9 - min_zipf) * 100)
        buckets = read_cBpack(str(available_languages(wordlist)[language]))[: last + 1]
        sizes = [len(bucket) for bucket in buckets]
        hashes = np.fromiter((_key(w) for bucket in buckets for w in bucket), np.int64, sum(sizes))
        numbers = np.repeat(np.arange(len(buckets), dtype=np.uint16), sizes)
        order = np.argsort(hashes, kind="stable")
        self._hashes, self._buckets = hashes[order], numbers[order]

    def __len__(self) -> int:
        return len(self._hashes)

    def _frequency(self, token: str) -> float:
        from wordfreq import cB_to_freq

        h = _key(token)
        at = int(self._hashes.searchsorted(h))
        if at == len(self._hashes) or self._hashes[at] != h:
            return 0.0
        return float(cB_to_freq(-int(self._buckets[at])))

    def zipf(self, word: str) -> float:
        import math

        from wordfreq import digit_freq, lossy_tokenize, smash_numbers

        one_over = 0.0
        tokens = lossy_tokenize(word, self.language)
        for token in tokens:
            smashed = smash_numbers(token)
            freq = self._frequency(smashed)
            if not freq:
                return 0.0
            if smashed != token:
                freq *= digit_freq(token)
            one_over += 1.0 / freq
        if not one_over:
            return 0.0
        freq = 1.0 / one_over
        freq = round(freq, math.floor(-math.log(freq, 10)) + 3)  # wordfreq's 3 significant digits
        zipf = round(math.log(freq, 10) + 9, 2)
        return zipf if zipf >= self.min_zipf else 0.0


def _key(word: str) -> int:
    # Of the UTF-8 bytes: CPython hashes a str's internal buffer, so "d0" (1-byte kind) and "つ"
    # (U+3064, 2-byte kind) share a hash; their encodings do not.
    return hash(word.encode("utf-8", "surrogatepass"))


@cache
def frequent_words(language: str, min_zipf: float, wordlist: str = "best") -> FrequentWords:
    """The process-wide :class:`FrequentWords` for ``language`` and ``min_zipf``."""
    return FrequentWords(language, min_zipf, wordlist)


@cache
def _load(path: str) -> Lexicon:  # keyed on the resolved path: one load per dictionary
    return Lexicon(path)


__all__ = ["NAME_POS", "Analysis", "FrequentWords", "Lexicon", "LexiconUnavailableError", "frequent_words",
           "get_lexicon", "lexicon_version", "load_frequencies"]
