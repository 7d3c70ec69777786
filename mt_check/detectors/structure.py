"""Structural slips of MT output: repeated words, unbalanced quotes and brackets, untranslated
English, verbless fragments.

Codes:

- ``STRUCTURE-REPEATED-WORD`` (grammar, minor): the same word twice in a row ("le le").
  The span covers both words and the space between them; the suggestion is the first word
  alone, so replacing the span with it is the fix. Pronominal "nous nous"/"vous vous",
  interjections ("ha ha") and capitalised names ("de De Gaulle", "Bora Bora") are left alone.
- ``PUNCTUATION-UNBALANCED`` (punctuation, minor): an opening « “ ( [ never closed, a closing
  one never opened, or an odd straight double quote. Checked per paragraph, because quotes
  legitimately span sentences; the span is the unmatched mark. A quote left open at the end of
  a paragraph is fine when the next paragraph reopens it with « or » (the multi-paragraph quote
  convention); a paragraph opening with » continues the quote. In a one-sentence document (a
  table row, a segment) quote marks are not checked: their partner may be in the next segment;
  brackets still are, except a closing one among the first two words of a text with no opening
  one before it (an excerpt cut after the bracket opened: "GD) est une division…"), and the
  brackets of a parenthesised passage of several sentences: one opening the segment and left
  open ("(Veuillez noter que … soldes."), one closing it after its final full stop ("… une
  date estimée.)").
- ``UNTRANSLATED-FRAGMENT`` (untranslated, major): two or more consecutive lower-case words far
  more frequent in English than in French (wordfreq), outside quotation marks. Loanwords are
  French words by frequency ("week-end", "e-mail"); a few multi-word loans are listed.
- ``GRAMMAR-VERBLESS`` (grammar, minor; needs the parse): a clause of at least six words that
  opens with a connective ("En outre", "Mais", "Et", "De plus"…) and has no verb at all, e.g.
  "En outre, même pour la communication vidéo". French has many legitimate nominal sentences;
  only this clear case is flagged. Clauses are cut at quotation marks and at sentence ends
  inside quotes, so a quote fragment followed by "a déclaré X" is still seen on its own.
  Questions, exclamations, headlines (a one-sentence paragraph without final punctuation), list
  items and datelines are never flagged.
- ``GRAMMAR-CLAUSE-WITHOUT-VERB`` (grammar, major; needs the parse and the lexicon): a clause
  opened by a subordinating conjunction ("après que", "bien que", "parce que", "lorsque"…) that
  runs to the end of the sentence without a conjugated verb of its own, e.g. "quelques jours
  après que des informations selon lesquelles Washington avait autorisé…": the only verb belongs
  to the relative clause. Each relative pronoun takes one conjugated verb for its own clause.
  Elliptic uses ("bien que fatigué", "alors que non") and clauses ending at a comma (the main
  clause may follow) are left alone. The span is the conjunction and the words before the first
  verb or relative pronoun.
- ``STYLE-MT-LEFTOVER`` (style, major): the translation tool's own words published with the
  text, a sentence that only announces the translation ("Voici la traduction en français :",
  "Bien sûr ! Voici une traduction du texte.", "Traduction :"); the suggestion deletes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from mt_check.detectors.base import PARSE, Code, Detector, DocumentContext
from mt_check.language import zipf
from mt_check.lexicon import get_lexicon, load_frequencies
from mt_check.types import Category, Issue, Sentence, Severity

if TYPE_CHECKING:
    from spacy.tokens import Doc

# --- repeated words --------------------------------------------------------------------------

# The translator's own words left in the text ("Voici la traduction en français :", LLM output
# published as it came): the sentence goes.
_MT_LEFTOVER = re.compile(
    r"^(?:(?:Bien sûr|Certainement|D['’]accord)\s*[!,.]?\s*)?"
    r"(?:Voici (?:la|une|ma|votre) (?:traduction|version (?:traduite|française))"
    r"(?: (?:en français|française|du texte|de (?:votre|ce|mon) texte|demandée|complète))*"
    r"|(?:Traduction|Texte traduit|Version française)(?: en français)?)\s*[:.!]?\s*$",
    re.IGNORECASE,
)
_REPEAT = re.compile(r"(?i)(?<![\w'’\-])([^\W\d_]+)(?=(\s+)(\1)(?![\w'’\-]))")
_LEGIT_REPEATS = frozenset(
    "nous vous ha ah hé eh oh ho hi bla pan toc tic tac cha ta là si non oui très bien "
    "plus fort vite tout beaucoup dur".split()
)

# Doubled at the start of a sentence, these are slips even when both are capitalised ("Il Il").
_SENTENCE_OPENERS = frozenset(
    "il ils elle elles on le les un une à en et ce cette ces dans pour au aux du des sur par mais".split()
)

# --- balanced marks --------------------------------------------------------------------------

_PAIRS = {"«": "»", "“": "”", "(": ")", "[": "]"}
_CLOSING = {close: open_ for open_, close in _PAIRS.items()}
# "a)", "1)", "ii)": enumeration labels; ":)" ";)" smileys.
_LABEL_BEFORE = re.compile(r"(?:^|[\s(])(?:[a-zA-Z]|\d{1,2}|[ivxIVX]{1,4})$")
# Words before a closing bracket that may still end a bracket opened before the excerpt.
_EXCERPT_WORDS = 2

# --- untranslated English --------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:[’'\-][^\W\d_]+)*")
_EN_MIN = 3.0  # zipf frequency in English
_EN_STRONG = 1.5  # zipf margin over French of a clearly English word ("the", "said")
_EN_WEAK = 0.5  # margin of a word that may be English ("meeting"): extends runs, never starts one
_LOAN_PHRASES = frozenset(
    {
        "made in",
        "best of",
        "fake news",
        "think tank",
        "soft power",
        "hard power",
        "big data",
        "open source",
        "low cost",
        "prime time",
        "must have",
        "one man show",
        "self made man",
        "happy end",
        "fast food",
        "black friday",
        "cold case",
        "hedge fund",
        "hedge funds",
        "stand up",
        "work in progress",
        "front office",
        "back office",
        "off shore",
        "world music",
        "new age",
        "the end",
        "gentleman agreement",
        "gentlemen agreement",
        "dream team",
        "happy few",
        "last but not least",
        "self service",
        "do it yourself",
        "take away",
        "coming out",
        "come back",
        "check in",
        "check out",
        "non stop",
        "in extremis",
        "a priori",
        "a posteriori",
        "de facto",
        "de jure",
        "ad hoc",
        "in fine",
        "stand by",
        "small business",
        "start up",
        "fair play",
        "big bang",
        "no man's land",
        "all inclusive",
        "rock and roll",
        "rock n roll",
        "drag queen",
        "after work",
        "food truck",
        "live tweet",
    }
)

# A run right after a French determiner ("le lazy bed", "de roller in line") is a borrowed term
# unless it holds a word that only a sentence has: an article, a pronoun, an auxiliary...
_FRENCH_DETERMINER = re.compile(
    r"(?i)(?:^|[\s(])(?:le|la|les|l['’]|un|une|des|du|de|d['’]|au|aux|en|ce|cette|ces|son|sa|ses)"
    r"\s*$"
)
_ENGLISH_CLAUSE_WORDS = frozenset(
    "the a an that this these those is are was were be been being has have had will would can "
    "could should may might must it its they their we our you your he his she her i with from "
    "by not which who what said says".split()
)

# --- verbless clauses ------------------------------------------------------------------------

_CONNECTIVE = re.compile(
    r"(?i)^(?:en outre|de plus|par ailleurs|d['’]autre part|en revanche|en effet|cependant|"
    r"toutefois|néanmoins|pourtant|ainsi|aussi|par conséquent|donc|mais|et|ou|or|puis|ensuite|"
    r"enfin|également|de même|en plus|sans compter|surtout)\b"
)
# A sentence end inside a segmented sentence (quotes keep several sentences together): a final
# mark after a word of two or more letters ("États-Unis. En outre", not "Collis P. Huntington").
_INNER_END = re.compile(r"(?<=[^\W\d_]{2}[.!?…])\s+(?=[A-ZÀ-Ý«])")
_OPENERS = "«“"
_CLOSERS = "»”"
_OPENER_CHARS = re.compile(f"[{_OPENERS}]")
_QUOTE_CHARS = re.compile(f"[{_OPENERS}{_CLOSERS}]")
_DATELINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý .'\-]{2,}(?:\([^)]*\))?\s+[-–—]\s")
_LIST_ITEM = re.compile(r"^\s*(?:[-–—•*·]|\d{1,2}[.)]|[a-z][.)])\s")
_MIN_VERBLESS_WORDS = 6

# --- subordinate clauses without a verb ------------------------------------------------------

# Conjunctions that must be followed by a clause with a conjugated verb ("que" alone is too
# ambiguous: relative pronoun, comparative, restrictive "ne … que").
_CONJUNCTION_HEADS = frozenset(
    "après avant alors pour parce sans dès tandis pendant afin depuis bien malgré".split()
)
_SINGLE_CONJUNCTIONS = frozenset(
    {"lorsque", "puisque", "quoique", "lorsqu’", "lorsqu'", "puisqu’", "puisqu'"}
)
_QUE = frozenset({"que", "qu’", "qu'"})
_RELATIVES = frozenset(
    "qui dont où lequel laquelle lesquels lesquelles auquel auxquels auxquelles duquel desquels "
    "desquelles".split()
)
_CLAUSE_END = frozenset({".", ";", "!", "?", "…"})
_CLAUSE_STOP = frozenset({",", ":", "»", "«", "(", ")", "—", "–"}) | _CLAUSE_END
# Subjunctive forms the small tagger often reads as conjunctions ("soit … soit").
_SUBJUNCTIVE_AUX = frozenset({"soit", "soient", "ait", "aient"})


class StructureDetector(Detector):
    """Repeated words, unbalanced quotes/brackets, English fragments, verbless clauses."""

    name = "structure"
    codes = (
        Code("STRUCTURE-REPEATED-WORD", Category.GRAMMAR, Severity.MINOR,
             "the same word twice in a row: `est est` → `est`"),
        Code("PUNCTUATION-UNBALANCED", Category.PUNCTUATION, Severity.MINOR,
             "a quote or bracket never closed, or closed without being opened"),
        Code("UNTRANSLATED-FRAGMENT", Category.UNTRANSLATED, Severity.MAJOR,
             "two or more lower-case words far more frequent in English than in French"),
        Code("GRAMMAR-VERBLESS", Category.GRAMMAR, Severity.MINOR,
             "a clause of six words or more opened by a connective, with no verb (`En outre, même pour…`)"),
        Code("GRAMMAR-CLAUSE-WITHOUT-VERB", Category.GRAMMAR, Severity.MAJOR,
             "a subordinate clause whose only verb belongs to another clause"),
        Code("STYLE-MT-LEFTOVER", Category.STYLE, Severity.MAJOR,
             "the translation tool's own words left in the text: `Voici la traduction en français :`"),
    )
    version = "6"
    requires = frozenset({PARSE})

    def load(self) -> None:
        get_lexicon()
        load_frequencies(("en", "fr"))  # _english_score

    def detect(self, ctx: DocumentContext) -> Iterator[Issue]:
        for sentence in ctx.sentences:
            yield from self._repeats(sentence)
            yield from self._untranslated(sentence)
            if _MT_LEFTOVER.match(sentence.text.strip()):
                yield self.issue(
                    sentence, sentence.start, sentence.start + len(sentence.text.rstrip()),
                    Category.STYLE, Severity.MAJOR, "STYLE-MT-LEFTOVER",
                    "The translation tool's own words, published with the text: delete them.", "",
                )
        yield from self._unbalanced(ctx)
        if ctx.parses is not None:
            for index, sentence in enumerate(ctx.sentences):
                yield from self._verbless(ctx, index, sentence, ctx.parses[index])
                yield from self._clause_without_verb(sentence, ctx.parses[index])

    # -- subordinate clauses without a verb ---------------------------------------------------

    def _clause_without_verb(self, sentence: Sentence, doc: Doc) -> Iterator[Issue]:
        tokens = list(doc)
        lowers = [t.lower_ for t in tokens]  # read once: _conjunction_width tries every token
        i = 0
        while i < len(tokens):
            width = _conjunction_width(lowers, i)
            if not width:
                i += 1
                continue
            first = i + width
            if first >= len(tokens) or _elliptic(tokens[first]):
                i = first
                continue
            end = first
            finite = relatives = 0
            span_end = None
            while end < len(tokens) and tokens[end].text not in _CLAUSE_STOP:
                token = tokens[end]
                is_relative = end > first and (
                    token.lower_ in _RELATIVES
                    or (token.lower_ in _QUE and tokens[end - 1].pos_ in {"NOUN", "PROPN", "PRON"})
                )
                if is_relative:
                    relatives += 1
                conjugated = (_conjugated(token) or _reflexive_verb(tokens, end)
                              or end == first + 2 and _verb_after_subject(tokens, first))
                if conjugated:
                    finite += 1
                if span_end is None and (is_relative or conjugated):
                    span_end = end
                end += 1
            closes_sentence = end >= len(tokens) or tokens[end].text in _CLAUSE_END
            if finite <= relatives and end - first >= 2 and closes_sentence:
                last = tokens[(span_end if span_end is not None else end) - 1]
                start = sentence.start + tokens[i].idx
                stop = sentence.start + last.idx + len(last.text)
                opener = tokens[first - 1]
                conjunction = doc.text[tokens[i].idx : opener.idx + len(opener.text)]
                yield self.issue(
                    sentence, start, stop, Category.GRAMMAR, Severity.MAJOR,
                    "GRAMMAR-CLAUSE-WITHOUT-VERB",
                    f"The clause opened by «{conjunction}» has no conjugated verb of its own.",
                    None,
                )  # fmt: skip
            i = end

    # -- repeated words -----------------------------------------------------------------------

    def _repeats(self, sentence: Sentence) -> Iterator[Issue]:
        text = sentence.text
        for match in _REPEAT.finditer(text):
            first, second = match.group(1), match.group(3)
            if first.lower() in _LEGIT_REPEATS:
                continue
            if second[0].isupper() and not (
                match.start() == 0 and (first[0].islower() or first.lower() in _SENTENCE_OPENERS)
            ):
                continue  # a name: "de De Gaulle", "Bora Bora", "La La Land"
            if first[0].isupper() and second[0].islower() and match.start() > 0:
                continue  # a name, then the word: "Java Est est toujours", "le Sud sud-coréen"
            start = sentence.start + match.start()
            yield self.issue(
                sentence,
                start,
                sentence.start + match.end(3),
                Category.GRAMMAR,
                Severity.MINOR,
                "STRUCTURE-REPEATED-WORD",
                f"The word “{first}” is repeated.",
                first,
            )

    # -- balanced marks -----------------------------------------------------------------------

    def _unbalanced(self, ctx: DocumentContext) -> Iterator[Issue]:
        paragraphs: dict[int, list[Sentence]] = {}
        for sentence in ctx.sentences:
            paragraphs.setdefault(sentence.paragraph, []).append(sentence)
        order = sorted(paragraphs)
        text = ctx.document.text
        # A one-sentence document is a segment cut from a larger text (a table row): a quote
        # may open or close in a neighbouring segment. Brackets are still checked.
        segment_input = len(ctx.sentences) == 1
        for rank, number in enumerate(order):
            sentences = paragraphs[number]
            following = paragraphs[order[rank + 1]] if rank + 1 < len(order) else None
            next_start = text[following[0].start :].lstrip()[:1] if following else ""
            for offset, mark, message in _unmatched(sentences):
                if mark in '«»“”"' and segment_input:
                    continue
                if mark in "«“" and next_start in {"«", "»"}:
                    continue  # a quote running on into the next paragraph
                if mark in ")]" and _starts_inside_brackets(text, offset):
                    continue  # an excerpt cut after an opening bracket: "GD) est une…"
                if segment_input and _passage_bracket(text, offset):
                    continue  # "(Veuillez noter … soldes." then "… estimée.)": sentences inside
                sentence = next(s for s in sentences if s.start <= offset < s.end)
                yield self.issue(
                    sentence,
                    offset,
                    offset + 1,
                    Category.PUNCTUATION,
                    Severity.MINOR,
                    "PUNCTUATION-UNBALANCED",
                    message,
                    None,
                )

    # -- untranslated English -----------------------------------------------------------------

    def _untranslated(self, sentence: Sentence) -> Iterator[Issue]:
        text = sentence.text
        quoted = _quoted_ranges(text)
        run: list[re.Match[str]] = []
        for index, match in enumerate(_WORD.finditer(text)):
            inside = bool(quoted) and any(a <= match.start() < b for a, b in quoted)
            if inside or not _english_score(match.group(), index == 0):
                yield from self._flush_run(sentence, run)
                run = []
            elif run and text[run[-1].end() : match.start()].strip() == "":
                run.append(match)
            else:  # punctuation between: a new run
                yield from self._flush_run(sentence, run)
                run = [match]
        yield from self._flush_run(sentence, run)

    def _flush_run(self, sentence: Sentence, run: list[re.Match[str]]) -> Iterator[Issue]:
        # At least two clearly English words, or three words one of which is clearly English.
        strong = sum(1 for i, m in enumerate(run) if _english_score(m.group(), i == 0) == 2)
        if not (strong >= 2 or (strong >= 1 and len(run) >= 3)):
            return
        phrase = " ".join(m.group().lower().replace("-", " ") for m in run)
        if phrase in _LOAN_PHRASES:
            return
        if _FRENCH_DETERMINER.search(sentence.text[: run[0].start()]) and not any(
            m.group().lower() in _ENGLISH_CLAUSE_WORDS for m in run
        ):
            return  # a borrowed term: "le lazy bed"
        start, end = sentence.start + run[0].start(), sentence.start + run[-1].end()
        yield self.issue(
            sentence,
            start,
            end,
            Category.UNTRANSLATED,
            Severity.MAJOR,
            "UNTRANSLATED-FRAGMENT",
            "These words are English, not French: left untranslated?",
            None,
        )

    # -- verbless clauses ---------------------------------------------------------------------

    def _verbless(self, ctx: DocumentContext, index: int, sentence: Sentence, doc: Doc) -> Iterator[Issue]:
        text = sentence.text
        if _is_headline(ctx, sentence) or _LIST_ITEM.match(text) or _DATELINE.match(text):
            return
        for start, end in _clauses(text):
            clause = text[start:end]
            stripped = clause.strip(' \u00a0\u202f,;:—–-"')
            if not stripped:
                continue
            start += clause.index(stripped[0])
            end = start + len(stripped)
            # A question or an exclamation is never a fragment to repair.
            if any(mark in text[end - 1 : end + 3] for mark in "?!"):
                continue
            stripped = stripped.rstrip(" .…")
            end = start + len(stripped)
            if not _CONNECTIVE.match(stripped):
                continue
            words = _WORD.findall(stripped)
            if len(words) < _MIN_VERBLESS_WORDS:
                continue
            tokens = [t for t in doc if start <= t.idx < end]
            if any(t.pos_ in {"VERB", "AUX"} or _may_be_verb(t.text) for t in tokens):
                continue  # the small tagger misses verbs ("abat" as ADP): ask its lemma tables
            yield self.issue(
                sentence,
                sentence.start + start,
                sentence.start + end,
                Category.GRAMMAR,
                Severity.MINOR,
                "GRAMMAR-VERBLESS",
                "This clause has no verb: a fragment left by the translation?",
                None,
            )


def _conjunction_width(lowers: Sequence[str], i: int) -> int:
    """How many tokens the subordinating conjunction at ``i`` spans (0: none here); ``lowers``
    are the sentence's tokens in lower case."""
    word = lowers[i]
    if word in _SINGLE_CONJUNCTIONS:
        return 1
    if word in _CONJUNCTION_HEADS and i + 1 < len(lowers) and lowers[i + 1] in _QUE:
        return 2
    return 0


def _elliptic(token: Any) -> bool:
    """ "bien que fatigué", "alors que non", "pour que, …": no clause to check."""
    return token.is_punct or token.pos_ in {"ADJ", "ADV", "ADP"} or "Part" in token.morph.get("VerbForm")


def _reflexive_verb(tokens: Sequence[Any], k: int) -> bool:
    """A word after «se» (and «en» or «y») that the lexicon can read as a conjugated verb: «le
    régent s'en fiche», where the tagger read an adjective."""
    j = k - 1
    if j >= 0 and tokens[j].lower_ in ("en", "y"):
        j -= 1
    if j < 0 or tokens[j].lower_.replace("’", "'") not in ("se", "s'"):
        return False
    return any(r.tenses for r in get_lexicon().analyses(tokens[k].text))


def _conjugated(token: Any) -> bool:
    """A conjugated verb, from the tagger and the lexicon (the small tagger misses some)."""
    readings = get_lexicon().analyses(token.text)
    if readings and all(r.tenses for r in readings):
        return True  # the word is only ever a conjugated verb ("lut", "débuta")
    if token.lower_ in _SUBJUNCTIVE_AUX:
        return True
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    return (
        "Fin" in token.morph.get("VerbForm")
        or bool(token.morph.get("Mood"))
        or any(r.tenses for r in readings)
    )


def _verb_after_subject(tokens: Sequence[Any], first: int) -> bool:
    """The word after the clause's determiner and noun, tagged otherwise, has a third-person
    reading of the noun's number: its verb ("lorsqu'une bourse ferme de force la position")."""
    det, noun, word = tokens[first], tokens[first + 1], tokens[first + 2]
    if det.pos_ != "DET" or noun.pos_ != "NOUN" or not word.is_lower:
        return False
    person = "3pl" if "Plur" in noun.morph.get("Number") else "3sg"
    return any(person in r.persons for r in get_lexicon().analyses(word.text))


def _unmatched(sentences: Sequence[Sentence]) -> Iterator[tuple[int, str, str]]:
    """(document offset, mark, message) of every unmatched mark in a paragraph."""
    stack: list[tuple[int, str]] = []
    straight: list[int] = []
    for number, sentence in enumerate(sentences):
        text = sentence.text
        for rel, char in enumerate(text):
            offset = sentence.start + rel
            if char == "»" and number == 0 and rel == 0:
                stack.append((offset, "«"))  # "» Il ajoute…": a multi-paragraph quote goes on
            elif char in _PAIRS:
                stack.append((offset, char))
            elif char in _CLOSING:
                if char == ")" and (
                    _LABEL_BEFORE.search(text[:rel])
                    and not any(m == "(" for _, m in stack)
                    or text[rel - 1 : rel] in {":", ";"}
                ):
                    continue
                opener = _CLOSING[char]
                depth = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][1] == opener), None)
                if depth is None:
                    yield offset, char, f"“{char}” closes a “{opener}” that was never opened."
                else:
                    del stack[depth]
            elif char == '"' and not (rel and text[rel - 1].isdigit()):  # 12" (inches)
                straight.append(offset)
    for offset, char in stack:
        yield offset, char, f"A quotation or bracket opened here is never closed by “{_PAIRS[char]}”."
    if len(straight) % 2:
        yield straight[-1], '"', "Odd number of straight double quotes: one is not closed."


def _starts_inside_brackets(text: str, offset: int) -> bool:
    """The closing bracket at ``offset`` ends one the text was cut after: no bracket opens
    before it and it comes among the first words of the text (a segment or excerpt that starts
    mid-parenthesis, "GD) est une division…", "2004] et depuis…")."""
    before = text[:offset]
    return not any(c in before for c in "([") and len(_WORD.findall(before)) <= _EXCERPT_WORDS


def _passage_bracket(text: str, offset: int) -> bool:
    """The bracket at ``offset`` opens the segment, or closes it right after its final
    punctuation: the segment is one sentence of a parenthesised passage that runs on in the next
    segment or began in the previous one."""
    if text[offset] in "([":
        return not text[:offset].strip() and text.rstrip()[-1:] in ".!?…"
    return not text[offset + 1 :].strip() and text[:offset].rstrip()[-1:] in ".!?…"


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for open_, close in (("«", "»"), ("“", "”"), ('"', '"')):
        at = 0
        while (begin := text.find(open_, at)) >= 0:
            finish = text.find(close, begin + 1)
            if finish < 0:
                ranges.append((begin, len(text)))
                break
            ranges.append((begin, finish))
            at = finish + 1
    return ranges


@lru_cache(maxsize=65536)
def _english_score(word: str, sentence_initial: bool) -> int:
    """2: clearly English, 1: may be English, 0: French, a name or an acronym."""
    if not word.islower() and not (sentence_initial and word[1:].islower()):
        return 0  # names, acronyms, titles: "New York Times", "ATACMS"
    lowered = word.lower()
    en = zipf(lowered, "en")
    if en < _EN_MIN:
        return 0
    margin = en - zipf(lowered, "fr")
    return 2 if margin >= _EN_STRONG else 1 if margin >= _EN_WEAK else 0


def _clauses(text: str) -> list[tuple[int, int]]:
    """Spans that may hold a clause of their own.

    A clause starts at the sentence start, after a sentence end inside the sentence, or after an
    opening quote; it ends at the next inner sentence end, at the closing quote of a quote it is
    part of ("En outre, même pour la communication vidéo », a déclaré…"), or at the end.
    """
    inner = list(_INNER_END.finditer(text))
    inner_ends = [m.start() for m in inner]
    starts = {0} | {m.end() for m in inner}
    starts |= {m.end() for m in _OPENER_CHARS.finditer(text)}  # just after each opening quote
    spans = []
    for start in sorted(starts):
        end = next((e for e in inner_ends if e > start), len(text))
        depth = 0
        # Only the quotes matter to the depth: the regex finds them without a loop over the
        # other characters.
        for mark in _QUOTE_CHARS.finditer(text, start, end):
            if mark.group() in _OPENERS:
                depth += 1
            else:
                if depth == 0:
                    end = mark.start()
                    break
                depth -= 1
        spans.append((start, end))
    return spans


@lru_cache(maxsize=1)
def _verb_tables() -> tuple[dict[str, object], list[tuple[str, str]], frozenset[str]]:
    from mt_check.parse import get_nlp  # the pipeline that produced the parses, loaded once

    lemmatizer: Any = get_nlp().get_pipe("lemmatizer")
    lookups = lemmatizer.lookups
    exceptions = dict(lookups.get_table("lemma_exc")["verb"])
    rules = [(old, new) for old, new in lookups.get_table("lemma_rules")["verb"]]
    return exceptions, rules, frozenset(lookups.get_table("lemma_index")["verb"])


@lru_cache(maxsize=65536)
def _may_be_verb(word: str) -> bool:
    """Whether spaCy's French lemma tables read ``word`` as some form of a known verb."""
    lowered = word.lower()
    if not lowered.isalpha():
        return False
    exceptions, rules, lemmas = _verb_tables()
    if lowered in exceptions or lowered in lemmas:
        return True
    return any(
        lowered.endswith(old) and lowered[: len(lowered) - len(old)] + new in lemmas
        for old, new in rules
        if old
    )


def _is_headline(ctx: DocumentContext, sentence: Sentence) -> bool:
    alone = sum(1 for s in ctx.sentences if s.paragraph == sentence.paragraph) == 1
    return alone and not sentence.text.rstrip(" »”\"')").endswith((".", "!", "?", "…"))


__all__ = ["StructureDetector"]
