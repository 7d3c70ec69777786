"""Clause-level slips of MT (from Indonesian and English news): an apposition opened and never
closed, a subordinate clause standing as a sentence, a subordinator with no verb, a paragraph's
last sentence without its full stop.

Codes:

- ``PUNCTUATION-UNCLOSED-APPOSITION`` (punctuation, minor; needs the parse): a title and a name
  in apposition, the comma that opens it written and the one that closes it missing, so that
  the subject is cut from its verb. Two shapes: "Le ministre des Affaires étrangères, Retno
  Marsudi a tenu…" (title, comma, name, verb) and "Voice of Indonesia (VOI), la station de radio
  de la RRI a organisé…" (name, comma, title, verb). The issue is zero-length where the comma
  is missing, the suggestion ",". The title must name an office or a body (a capitalised word
  or an acronym inside it) and hold no verb, number or time noun, so fronted adverbials ("Le
  lendemain, Pierre a mangé", "Le 24 septembre, Macron a déclaré") are left alone; the name must
  be the verb's subject in the parse, or the title's head in the second shape.
- ``GRAMMAR-NO-MAIN-CLAUSE`` (grammar, major; needs the parse): a sentence opened by a
  subordinating conjunction ("Alors que", "Bien que", "Lorsque", "De sorte que", a relative
  "Où" that is no question…) whose clause is the whole sentence: every conjugated verb belongs
  to the subordinate clause or to a relative clause (Indonesian "sementara" rendered word for
  word); an aside between commas may follow the conjunction ("Bien que, selon lui, …"). The
  span is the conjunction. Questions, exclamations, quoted speech, answers to a question
  ("Parce que …" after a "?") and "Où que …" (a concessive) are left alone.
- ``GRAMMAR-SUBORDINATOR-WITHOUT-VERB`` (grammar, major; needs the parse): a multi-word
  subordinator that requires a clause ("jusqu'à ce que", "à moins que", "de sorte que"…) followed
  by a noun phrase and the end of the sentence, with no conjugated verb: "puis des pierres
  jusqu'à ce que des cocktails Molotov." (Indonesian "sampai" read as the conjunction). The span
  is the conjunction and its noun phrase. The one- and two-word subordinators ("bien que",
  "lorsque", "après que"…) are the structure detector's ``GRAMMAR-CLAUSE-WITHOUT-VERB``; these are
  the ones it does not read. Elliptic uses ("jusqu'à ce que mort s'ensuive" has its verb; "à
  moins que non") are left alone.
- ``PUNCTUATION-SERIAL-COMMA`` (punctuation, minor; needs the parse): the English serial comma
  before the "et"/"ou" that closes a list of noun phrases, which French does not write: "le
  programme, la version, et le système" → "la version et le système". Only a list of three or
  more noun phrases that each open with a determiner and hold no verb, pronoun or punctuation (so
  a comma closing an apposition, "le ministre, Evángelos Venizélos, et le ministre…", or ending
  a clause, ", et il a…", is left alone); the phrase after the conjunction opens with a
  determiner or "de" and is no verb's subject. Also items opened by the same preposition ("en
  France, en Allemagne, et en Italie"; en/au/aux/à count as one) and lists of names ("pour
  Windows, macOS, et Linux"). The span is the comma, the suggestion deletes it.
- ``PUNCTUATION-MISSING-FINAL`` (punctuation, minor): a paragraph of several sentences whose last
  one ends without . ! ? … (or a closing quote or bracket): "… de 4,71 dollars. , plus que les
  4,32 $ attendus". Zero-length at the end, suggestion ".". A one-sentence paragraph is a
  headline, a caption or a list item unless the document around it says otherwise: it is
  flagged only when it is not the document's first paragraph, the paragraph before it ends with
  a full stop, and it is a long sentence (15 words or more, a conjugated verb). Treebank
  sentences without final punctuation (one-sentence documents) are therefore never flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from mt_check.detectors.base import PARSE, Code, Detector, DocumentContext
from mt_check.lexicon import get_lexicon
from mt_check.types import Category, Issue, Sentence, Severity

if TYPE_CHECKING:
    from spacy.tokens import Doc

# --- unclosed appositions --------------------------------------------------------------------

# Nouns that head a fronted time, place or topic adverbial ("Le lendemain, …", "La semaine
# dernière, …", "Le long de la route, …", "Le cas échéant, …"): such a phrase before a name is not
# an apposition. A closed class.
_TIME_NOUNS = frozenset(
    "lendemain surlendemain veille avant-veille jour journée matin matinée soir soirée nuit midi "
    "après-midi semaine week-end weekend mois an année décennie siècle saison printemps été "
    "automne hiver moment instant temps fois période début fin milieu heure minute date "
    "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin "
    "juillet août septembre octobre novembre décembre long plupart reste lors cas "
    "veillée aube aurore crépuscule lendemain-matin".split()
)
# Determiners that open a quantified adverbial ("Tous les jours, …"), never a title.
_QUANTIFIERS = frozenset("tout tous toute toutes chaque plusieurs quelques certains certaines aucun".split())
# Lower-case words inside a name ("Voice of Indonesia", "Charles de Gaulle", "Ibn al-Khattab").
_NAME_PARTICLES = frozenset("de du des d' d’ of the and van von der den al el bin ben da di".split())
_SUBJECT = ("nsubj",)
_DANGLING = frozenset({"de", "du", "des", "(", "d'", "d’"})
# Lexicon parts of speech of words that open an adverbial, never a name ("Selon", "Depuis").
_FUNCTION_POS = frozenset({"prep", "adv", "cjco", "cjsub", "loc.prep", "loc.adv"})

# --- subordinate clauses ---------------------------------------------------------------------

# Subordinating conjunctions that open a sentence-initial adverbial clause, as lower-case token
# sequences (spaCy splits "qu'" and "lorsqu'" off). "si", "comme" and "quand" are left out: they
# also open conditionals with a main clause elsewhere, comparisons and questions.
_OPENING_CONJUNCTIONS: tuple[tuple[str, ...], ...] = tuple(
    tuple(c.split())
    for c in (
        "alors que", "alors même que", "bien que", "parce que", "lorsque", "tandis que", "puisque",
        "quoique", "même si", "pendant que", "avant que", "après que", "dès que", "afin que",
        "pour que", "sans que", "jusque à ce que", "depuis que", "dès lors que", "étant donné que",
        "une fois que", "tant que", "à mesure que", "de sorte que", "où",
    )
)  # fmt: skip
# Multi-word subordinators that need a clause and that the structure detector does not read.
_CLAUSE_CONJUNCTIONS: tuple[tuple[str, ...], ...] = tuple(
    tuple(c.split())
    for c in (
        "jusque à ce que", "à moins que", "de sorte que", "si bien que",
        "à condition que", "pourvu que", "en attendant que", "de peur que", "de crainte que",
        "au point que", "à tel point que", "de manière que", "de façon que", "dès lors que",
        "étant donné que", "à mesure que",
    )
)  # fmt: skip
_QUE = frozenset({"que", "qu'", "qu’"})
# Words that open a clause with its own conjugated verb: each takes one verb off the count.
_INTRODUCERS = frozenset(
    "qui que qu' qu’ dont où lequel laquelle lesquels lesquelles auquel auxquels auxquelles duquel "
    "desquels desquelles lorsque lorsqu' lorsqu’ puisque puisqu' puisqu’ quand si s' comme car "
    "quoique quoiqu' quoiqu’".split()
)
_CLAUSE_END = frozenset({".", ";", "!", "?", "…"})
_CLAUSE_STOP = frozenset({",", ":", "»", "«", "(", ")", "—", "–", '"'}) | _CLAUSE_END
_LEADING_CONNECTIVES = frozenset({"mais", "et", "or", "puis"})
_QUE_WORDS = frozenset({"que", "qu'", "qu’"})
_QUOTES = "«“\"—–-"
# Subjunctive forms the small tagger reads as conjunctions ("soit … soit").
_SUBJUNCTIVE_AUX = frozenset({"soit", "soient", "ait", "aient"})

# --- final punctuation -----------------------------------------------------------------------

_FINAL = re.compile(r"[.!?…:;»”\")\]]\s*$")
_INNER_END = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]{3,}|\d+|[%$€£])[.!?]+\s+(?=\S)")
_ABBREVIATIONS = frozenset({"etc", "env", "cf", "av", "apr", "éd", "vol", "art", "chap", "min", "max"})
_LIST_ITEM = re.compile(r"^\s*(?:[-–—•*·]|\d{1,2}[.)]|[a-z][.)])\s")
_WORDS = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_MIN_WORDS_AFTER_INNER_END = 3
_MIN_WORDS_ALONE = 15  # a one-sentence paragraph this long, with a verb, is no headline


class ClausesDetector(Detector):
    """Unclosed appositions, subordinate clauses without a main clause or a verb, missing
    final punctuation."""

    name = "clauses"
    codes = (
        Code("PUNCTUATION-UNCLOSED-APPOSITION", Category.PUNCTUATION, Severity.MINOR,
             "an apposition opened by a comma and not closed before the verb: "
             "`Le ministre des Affaires étrangères, Retno Marsudi a tenu` → `Marsudi, a tenu`"),
        Code("GRAMMAR-NO-MAIN-CLAUSE", Category.GRAMMAR, Severity.MAJOR,
             "a sentence that is only a subordinate clause: `Alors que les finalistes étaient X et Y.`"),
        Code("GRAMMAR-SUBORDINATOR-WITHOUT-VERB", Category.GRAMMAR, Severity.MAJOR,
             "a subordinator followed by a noun phrase and no verb: `jusqu'à ce que des cocktails Molotov.`"),
        Code("PUNCTUATION-SERIAL-COMMA", Category.PUNCTUATION, Severity.MINOR,
             "a comma before the `et` closing a list (English serial comma): "
             "`le programme, la version, et le système` → `la version et le système`"),
        Code("PUNCTUATION-MISSING-FINAL", Category.PUNCTUATION, Severity.MINOR,
             "a paragraph of several sentences (or a long body paragraph) whose last sentence has "
             "no final punctuation: `… 4,71 dollars. , plus que prévu` → `prévu.`"),
    )  # fmt: skip
    version = "6"
    requires = frozenset({PARSE})

    def load(self) -> None:
        get_lexicon()

    def detect(self, ctx: DocumentContext) -> Iterator[Issue]:
        yield from self._missing_final(ctx)
        if ctx.parses is None:
            return
        for index, (sentence, doc) in enumerate(zip(ctx.sentences, ctx.parses, strict=True)):
            tokens = list(doc)
            words = [_norm(t.text) for t in tokens]  # what _match compares, once per token
            yield from self._apposition(sentence, tokens)
            yield from self._serial_comma(sentence, tokens)
            yield from self._subordinator_without_verb(sentence, tokens, words)
            previous = ctx.sentences[index - 1] if index else None
            if previous is not None and previous.paragraph != sentence.paragraph:
                previous = None
            yield from self._no_main_clause(sentence, doc, tokens, words, previous)

    # -- unclosed appositions -----------------------------------------------------------------

    def _apposition(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
        if comma is None or comma < 2 or comma + 2 >= len(tokens):
            return
        before, after = tokens[:comma], tokens[comma + 1 :]
        where = None
        if _is_title(before) and (width := _name_width(after)):
            name, verb = after[:width], after[width]
            # The parse reads the title or the name as the verb's subject (the title holds no
            # verb of its own, so its subject relation is to this one).
            subject = any(t.dep_.startswith(_SUBJECT) for t in [*before, *name])
            if subject and _finite_verb_group(after, width) \
                    and not _plural_title_singular_verb(before, after[width:]):  # fmt: skip
                where = name[-1]
                message = (
                    f"The apposition «{before[-1].text}, {_text(name)}» is opened by a comma and "
                    f"never closed: «{_text(name)}» needs a comma before «{verb.text}»."
                )
        elif _name_width(before) == len(before) and _is_name_start(before) and after[0].pos_ == "DET":
            width = _np_width(after)
            # "Sulawesi du Sud, la majorité a …": a bare quantity noun is a topic's, no title
            if width >= 3 and _is_title(after[:width], named=False) and _finite_verb_group(
                after, width
            ) and any(t.dep_.startswith(_SUBJECT) for t in after[:width]):
                where = after[width - 1]
                message = (
                    f"The apposition after «{_text(before)}» is opened by a comma and never "
                    f"closed: it needs a comma before «{after[width].text}»."
                )
        if where is None:
            return
        at = sentence.start + where.idx + len(where.text)
        yield self.issue(
            sentence, at, at, Category.PUNCTUATION, Severity.MINOR, "PUNCTUATION-UNCLOSED-APPOSITION",
            message, ",",
        )  # fmt: skip

    # -- serial comma -------------------------------------------------------------------------

    def _serial_comma(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        commas = [i for i, t in enumerate(tokens) if t.text == ","]
        for n, comma in enumerate(commas):
            if n == 0 or comma + 2 >= len(tokens) or tokens[comma + 1].lower_ not in ("et", "ou"):
                continue
            previous = commas[n - 1]
            start = commas[n - 2] + 1 if n >= 2 else 0
            after = tokens[comma + 2]
            window = range(max(start, previous - 6), previous)
            nominal = (
                _list_item(tokens[previous + 1 : comma])
                and any(_list_item(tokens[j:previous]) for j in window)
                and (_determiner(after) or after.lower_ in _DANGLING - {"("})
                and not after.head.dep_.startswith(_SUBJECT)
            )
            # "en France, en Allemagne, et en Italie": items opened by the same preposition
            group = _preposition_item(tokens[previous + 1 : comma])
            prepositional = group is not None and _preposition_group(after) == group and any(
                _preposition_item(tokens[j:previous]) == group for j in window
            )
            # "pour Windows, macOS, et Linux": names
            named = (
                _name_item(tokens[previous + 1 : comma])
                and any(_name_item(tokens[j:previous]) for j in window)
                and after.pos_ == "PROPN" and after.text[:1].isupper() and not after.is_sent_start
            )
            if not (nominal or prepositional or named):
                continue
            at = sentence.start + tokens[comma].idx
            yield self.issue(
                sentence, at, at + 1, Category.PUNCTUATION, Severity.MINOR, "PUNCTUATION-SERIAL-COMMA",
                f"No comma before the «{tokens[comma + 1].text}» that closes a list in French "
                "(the serial comma is English).",
                "",
            )  # fmt: skip

    # -- subordinate clause without a main clause ---------------------------------------------

    def _no_main_clause(
        self,
        sentence: Sentence,
        doc: Doc,
        tokens: Sequence[Any],
        words: Sequence[str],
        previous: Sentence | None,
    ) -> Iterator[Issue]:
        text = sentence.text.strip()
        if not text or text[0] in _QUOTES or text.rstrip(" »”\"')").endswith(("?", "!")):
            return  # quoted speech, dialogue, a question or an exclamation
        if previous is not None and previous.text.rstrip(" »”\"')").endswith("?"):
            return  # the answer to a question: "Pourquoi ? Parce qu'il pleuvait."
        first = 1 if tokens and tokens[0].lower_ in _LEADING_CONNECTIVES else 0
        width = _match(words, first, _OPENING_BY_FIRST)
        if not width or words[first] == "où" and first + 1 < len(words) and words[first + 1] in _QUE_WORDS:
            return  # "Où que vous alliez, …": a concessive with its main clause
        start_clause = first + width
        stretch = start_clause
        while True:
            # the clause runs to the next comma; an adverbial aside before it ("Bien que, selon
            # lui, …", "Jusqu'à ce que finalement, la police ouvre") is skipped; anything else
            # there makes the clause elliptic ("Bien que dépassée, elle…")
            stop = next((k for k in range(stretch, len(tokens)) if tokens[k].text in _CLAUSE_STOP),
                        len(tokens))  # fmt: skip
            if any(_verb(tokens, k) for k in range(start_clause, stop)):
                break
            aside = stop == stretch or tokens[stretch].pos_ in ("ADV", "ADP") and not any(
                tokens[k].pos_ in ("ADJ", "VERB", "AUX") for k in range(stretch, stop)
            )
            if stop >= len(tokens) or tokens[stop].text != "," or not aside:
                return  # elliptic or verbless: the conjunction has no clause
            stretch = stop + 1
        open_clauses = 1  # the conjunction waits for its verb
        for k in range(start_clause, len(tokens)):
            if _introducer(tokens, k):
                open_clauses += 1
            elif _verb(tokens, k) or _maybe_verb(tokens, k):
                if open_clauses == 0:
                    return  # a verb no conjunction or relative pronoun claims: the main clause
                open_clauses = max(0, open_clauses - 1)
        opener = tokens[first + width - 1]
        start = sentence.start + tokens[first].idx
        end = sentence.start + opener.idx + len(opener.text)
        conjunction = doc.text[tokens[first].idx : opener.idx + len(opener.text)]
        yield self.issue(
            sentence, start, end, Category.GRAMMAR, Severity.MAJOR, "GRAMMAR-NO-MAIN-CLAUSE",
            f"The sentence is only the clause opened by «{conjunction}»: it has no main clause. "
            "Drop the conjunction or add the main clause.",
            None,
        )  # fmt: skip

    # -- subordinator without a verb ----------------------------------------------------------

    def _subordinator_without_verb(
        self, sentence: Sentence, tokens: Sequence[Any], words: Sequence[str]
    ) -> Iterator[Issue]:
        i = 0
        while i < len(tokens):
            width = _match(words, i, _CLAUSE_BY_FIRST)
            if not width:
                i += 1
                continue
            first = i + width
            if first >= len(tokens) or _elliptic(tokens[first]):
                i = first
                continue
            end = first
            finite = relatives = 0
            while end < len(tokens) and tokens[end].text not in _CLAUSE_STOP:
                token = tokens[end]
                if end > first and _introducer(tokens, end):
                    relatives += 1
                if _conjugated(token):
                    finite += 1
                end += 1
            closes_sentence = end >= len(tokens) or tokens[end].text in _CLAUSE_END
            if finite <= relatives and end - first >= 2 and closes_sentence:
                last = tokens[end - 1]
                yield self.issue(
                    sentence, sentence.start + tokens[i].idx, sentence.start + last.idx + len(last.text),
                    Category.GRAMMAR, Severity.MAJOR, "GRAMMAR-SUBORDINATOR-WITHOUT-VERB",
                    f"«{_text(tokens[i:first])}» introduces a clause, but no conjugated verb follows: "
                    "a noun phrase needs a preposition or a conjunction such as «et même».",
                    None,
                )  # fmt: skip
            i = end

    # -- missing final punctuation ------------------------------------------------------------

    def _missing_final(self, ctx: DocumentContext) -> Iterator[Issue]:
        paragraphs: dict[int, list[Sentence]] = {}
        for sentence in ctx.sentences:
            paragraphs.setdefault(sentence.paragraph, []).append(sentence)
        order = sorted(paragraphs)
        for position, number in enumerate(order):
            group = paragraphs[number]
            last = group[-1]
            text = last.text.rstrip()
            if not text or _FINAL.search(text) or _LIST_ITEM.match(group[0].text):
                continue
            if text.isupper():
                continue  # a heading in capitals
            # "Attention! BMKG rappelle que …": a one- or two-word kicker opens a headline
            kicker = all(len(_WORDS.findall(s.text)) <= 2 for s in group[:-1])
            if len(group) > 1 and not kicker:
                if not _FINAL.search(group[-2].text):
                    continue  # pieces of a line with no punctuation at all (a table row, a list)
                tail = text
            elif (inner := _last_inner_end(text)) is not None:
                tail = text[inner:]  # "… dollars. , plus que …": two sentences the splitter kept as one
            else:
                if position == 0 or not _long_sentence(ctx, ctx.sentences.index(last)):
                    continue
                before = paragraphs[order[position - 1]][-1].text.rstrip()
                if not before.endswith((".", "!", "?", "…", ".»", ". »")):
                    continue
                tail = text
            words = _WORDS.findall(tail)
            if len(words) < _MIN_WORDS_AFTER_INNER_END or sum(w.islower() for w in words) < 2:
                continue
            at = last.start + len(text)
            yield self.issue(
                last, at, at, Category.PUNCTUATION, Severity.MINOR, "PUNCTUATION-MISSING-FINAL",
                "The paragraph's last sentence has no final punctuation.", ".",
            )  # fmt: skip


# --- helpers ---------------------------------------------------------------------------------


def _text(tokens: Sequence[Any]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return str(doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)])


# What a list item may not hold: a verb, a pronoun, punctuation, a conjunction.
_NOT_IN_ITEM = frozenset({"VERB", "AUX", "PRON", "PUNCT", "SCONJ", "CCONJ"})
_ELIDED_ARTICLES = frozenset({"l'", "l’"})  # the tagger sometimes calls "l’" a noun


def _determiner(token: Any) -> bool:
    return bool(token.pos_ == "DET" or token.lower_ in _ELIDED_ARTICLES)


def _list_item(tokens: Sequence[Any]) -> bool:
    """A short noun phrase opened by a determiner: "le programme", "l’ID du modèle"."""
    return (
        1 < len(tokens) <= 6
        and _determiner(tokens[0])
        and not any(t.pos_ in _NOT_IN_ITEM and not _determiner(t) for t in tokens)
        and any(t.pos_ in ("NOUN", "PROPN") and not _determiner(t) for t in tokens)
    )


# Prepositions that open list items ("en France, en Allemagne, et en Italie"); the country
# prepositions make one group ("au Japon, en Chine, et aux États-Unis").
_LIST_PREPOSITIONS = {"en": "à", "au": "à", "aux": "à", "à": "à", "dans": "dans", "pour": "pour",
                      "sur": "sur", "avec": "avec", "par": "par", "chez": "chez", "vers": "vers"}  # fmt: skip


def _preposition_group(token: Any) -> str | None:
    return _LIST_PREPOSITIONS.get(token.lower_)


def _preposition_item(tokens: Sequence[Any]) -> str | None:
    """The group of the preposition opening a short item ("en Allemagne", "pour les élèves"),
    with a noun or a name and no verb, pronoun or punctuation; None for anything else."""
    if not 1 < len(tokens) <= 6:
        return None
    group = _preposition_group(tokens[0])
    body = tokens[1:]
    if group is None or any(t.pos_ in _NOT_IN_ITEM and not _determiner(t) for t in body):
        return None
    if not any(t.pos_ in ("NOUN", "PROPN") for t in body):
        return None
    return group


def _name_item(tokens: Sequence[Any]) -> bool:
    """One to three capitalised words the tagger calls names ("Windows", "Google Drive",
    "macOS")."""
    return 0 < len(tokens) <= 3 and all(
        t.pos_ == "PROPN" and (t.text[:1].isupper() or t.text[1:2].isupper()) for t in tokens)


def _capitalised(token: Any) -> bool:
    return token.is_alpha and token.text[:1].isupper() if token.text else False


def _is_title(tokens: Sequence[Any], named: bool = True) -> bool:
    """A determiner, a noun phrase naming an office or a body (with ``named``: a capitalised word
    or an acronym after the determiner), and nothing that makes it a clause or a time adverbial."""
    if not tokens or tokens[0].pos_ != "DET" or tokens[0].lower_ in _QUANTIFIERS:
        return False
    body = tokens[1:]
    if not body or not any(t.pos_ == "NOUN" for t in body):
        return False
    head = next(t for t in body if t.pos_ in {"NOUN", "PROPN"})
    if head.pos_ != "NOUN" or head.lower_ in _TIME_NOUNS:
        return False
    for t in body:
        if t.pos_ in {"VERB", "AUX", "PRON", "SCONJ", "NUM", "CCONJ"} and not (
            t.pos_ == "CCONJ" and t.lower_ == "et"
        ):
            return False
        if t.like_num or t.lower_ in _TIME_NOUNS:
            return False
        if t.is_punct and t.text not in "()-":
            return False
    return not named or any(_capitalised(t) for t in body)


def _plural_title_singular_verb(title: Sequence[Any], rest: Sequence[Any]) -> bool:
    """ "Les députés de X, Mathilde Panot a pris la parole": a plural title is no apposition of
    one name whose verb is singular (a topic, a list cut short)."""
    head = next((t for t in title[1:] if t.pos_ == "NOUN"), None)
    verb = next((t for t in rest if t.pos_ in {"VERB", "AUX"}), None)
    return head is not None and verb is not None and "Plur" in head.morph.get("Number") \
        and "Sing" in verb.morph.get("Number")  # fmt: skip


def _name_width(tokens: Sequence[Any]) -> int:
    """How many tokens from the start form a name: capitalised words, lower-case particles
    between them ("of", "de"), an acronym in brackets."""
    width = 0
    k = 0
    while k < len(tokens):
        t = tokens[k]
        if _capitalised(t) and t.pos_ in {"PROPN", "NOUN", "X"}:
            width = k = k + 1
            if tokens[k : k + 1] and tokens[k].text == "-" and k + 1 < len(tokens) \
                    and _capitalised(tokens[k + 1]):  # fmt: skip
                k += 1  # a hyphenated first name split by the tokenizer
            continue
        if width and t.lower_ in _NAME_PARTICLES and k + 1 < len(tokens) and _capitalised(tokens[k + 1]):
            k += 1
            continue
        if width and t.text == "(" and k + 2 < len(tokens) and tokens[k + 1].is_upper \
                and tokens[k + 2].text == ")":  # fmt: skip
            width = k = k + 3
            continue
        break
    if width and tokens[width - 1].lower_ in _TIME_NOUNS:
        return 0
    return width


def _is_name_start(tokens: Sequence[Any]) -> bool:
    """A sentence-initial name, not a capitalised adverb, a day or a dateline ("JAKARTA")."""
    first = tokens[0]
    if first.lower_ in _TIME_NOUNS or (first.is_upper and len(first.text) > 3) or len(first.text) == 1:
        return False  # a day, a dateline, "A Boston" (the capital of "à" without its accent)
    if any(r.pos & _FUNCTION_POS for r in get_lexicon().analyses(first.lower_)):
        return False  # "Selon X", "Dans Y": a preposition or an adverb, not a name
    proper = [t for t in tokens if _capitalised(t)]
    if len(proper) >= 2:
        return any(t.pos_ == "PROPN" for t in proper)
    # One word: a name only if the tagger says so and the lexicon knows no common word of it.
    return first.pos_ == "PROPN" and not get_lexicon().analyses(first.lower_)


def _np_width(tokens: Sequence[Any]) -> int:
    """Length of the noun phrase at the start: determiners, nouns, adjectives, names, "de"
    complements and bracketed acronyms, up to the first verb."""
    k = 0
    while k < len(tokens):
        t = tokens[k]
        if t.pos_ in {"DET", "NOUN", "ADJ", "PROPN", "X"} or t.lower_ in {"de", "du", "des", "d'", "d’"}:
            k += 1
        elif t.text in "()" and t.text:
            k += 1
        else:
            break
    while k and (tokens[k - 1].pos_ == "DET" or tokens[k - 1].lower_ in _DANGLING):
        k -= 1  # a phrase never ends on a determiner, a "de" or an open bracket
    return k


def _finite_verb_group(tokens: Sequence[Any], k: int) -> bool:
    """Whether ``tokens[k]`` opens a conjugated verb (a negation or object clitic may come
    first: "ne", "l'", "se")."""
    while k < len(tokens) and tokens[k].lower_ in {"ne", "n'", "n’", "se", "s'", "s’"}:
        k += 1
    return k < len(tokens) and tokens[k].pos_ in {"VERB", "AUX"} and _conjugated(tokens[k])


@lru_cache(maxsize=1 << 16)  # a pure function of a word, called for every token of every sentence
def _norm(word: str) -> str:
    """ "qu'" and "que", "lorsqu’" and "lorsque", "jusqu'" and "jusque" read alike."""
    word = word.lower().rstrip("'’")
    return word + "e" if word.endswith("qu") else word


def _by_first_word(conjunctions: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The conjunctions indexed by their first word: a token opens one only if its (normalised)
    text is that word, so :func:`_match` compares a token with the few that start with it."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for words in conjunctions:
        index.setdefault(words[0], []).append(words)
    return {first: tuple(group) for first, group in index.items()}


_OPENING_BY_FIRST = _by_first_word(_OPENING_CONJUNCTIONS)
_CLAUSE_BY_FIRST = _by_first_word(_CLAUSE_CONJUNCTIONS)


def _match(words: Sequence[str], i: int, by_first: dict[str, tuple[tuple[str, ...], ...]]) -> int:
    """Width of the longest conjunction of ``by_first`` (conjunctions indexed by their first word,
    :func:`_by_first_word`) starting at token ``i``; ``words`` are the sentence's tokens through
    :func:`_norm` (0: none)."""
    if i >= len(words):
        return 0
    candidates = by_first.get(words[i])
    if candidates is None:
        return 0
    best = 0
    for conjunction in candidates:
        n = len(conjunction)
        if n > best and i + n <= len(words) and all(
            words[i + j] == w for j, w in enumerate(conjunction)
        ):
            best = n
    return best


def _introducer(tokens: Sequence[Any], k: int) -> bool:
    """A word opening a clause that takes one conjugated verb: a relative pronoun, "que", a
    subordinating conjunction ("s'" only in "s'il")."""
    word = tokens[k].lower_
    if word in {"s'", "s’"}:
        return k + 1 < len(tokens) and tokens[k + 1].lower_ in {"il", "ils"}
    return word in _INTRODUCERS and not _fixed_with_previous(tokens, k)


def _verb(tokens: Sequence[Any], k: int) -> bool:
    """A conjugated verb; a capitalised word inside the sentence is a name ("Chico Aura")."""
    token = tokens[k]
    if k and token.text[:1].isupper():
        return False
    window = tokens[max(0, k - 3) : k]
    if "Part" in token.morph.get("VerbForm") and any(
        t.pos_ == "AUX" and not any(u.is_punct for u in window[i + 1 :]) for i, t in enumerate(window)
    ):
        # "sont réunis": the participle of a verb group counted at its auxiliary (not "sont
        # écoulés, choisissez", an imperative the tagger took for a participle)
        return False
    return _conjugated(token)


def _maybe_verb(tokens: Sequence[Any], k: int) -> bool:
    """A word tagged as a noun that has conjugated readings and follows a noun or a pronoun
    ("cet évènement mérite d'être…"): perhaps the verb the tagger missed. Counted only where it
    prevents a flag."""
    token = tokens[k]
    if k == 0 or not token.is_lower or token.pos_ not in {"NOUN", "ADJ"}:
        return False
    if tokens[k - 1].pos_ not in {"NOUN", "PROPN", "PRON"}:
        return False
    return any(r.tenses for r in get_lexicon().analyses(token.text))


def _fixed_with_previous(tokens: Sequence[Any], k: int) -> bool:
    """ "que" of "ainsi que", "plus … que", "ne … que": no clause of its own."""
    word = tokens[k].lower_
    if word not in _QUE:
        return False
    before = {t.lower_ for t in tokens[max(0, k - 6) : k]}
    return bool(before & {"ne", "n'", "n’", "plus", "moins", "autant", "aussi", "ainsi", "tant", "même"})


def _finite_form(token: Any) -> bool:
    return "Fin" in token.morph.get("VerbForm") or bool(token.morph.get("Mood"))


def _conjugated(token: Any) -> bool:
    """A conjugated verb, from the tagger and the lexicon (the small tagger misses some)."""
    if token.lower_ in _SUBJUNCTIVE_AUX:
        return True
    readings = get_lexicon().analyses(token.text)
    if token.is_lower and readings and all(r.tenses for r in readings):
        return True  # the word is only ever a conjugated verb ("lut", "débuta")
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    return _finite_form(token) or any(r.tenses for r in readings)


def _elliptic(token: Any) -> bool:
    """ "à moins que non", "pour que, …": no clause to check."""
    return token.is_punct or token.pos_ in {"ADJ", "ADV", "ADP"} or "Part" in token.morph.get("VerbForm")


def _last_inner_end(text: str) -> int | None:
    """Where the last sentence starts inside a text the splitter kept whole ("dollars. , plus"):
    after a full stop that follows a word (not an abbreviation) or a number."""
    found = None
    for match in _INNER_END.finditer(text):
        word = match.group(0).rstrip(".!? \t").lower()
        if word in _ABBREVIATIONS:
            continue
        found = match.end()
    return found


def _long_sentence(ctx: DocumentContext, index: int) -> bool:
    """A sentence of many words with a conjugated verb: body text, not a headline."""
    if len(_WORDS.findall(ctx.sentences[index].text)) < _MIN_WORDS_ALONE or ctx.parses is None:
        return False
    return any(t.pos_ in {"VERB", "AUX"} and _conjugated(t) for t in ctx.parses[index])


__all__ = ["ClausesDetector"]
