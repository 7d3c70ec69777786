"""Constructions MT gets wrong: a verb or noun governing the wrong preposition, a missing "que".

Codes:

- ``GRAMMAR-PREPOSITION`` (grammar, minor): a noun that takes "de" before an infinitive, used
  after a support verb with "à": "commis une erreur à penser" → "erreur de penser", "avoir
  raison à partir" → "raison de partir". The nouns are those of the locutions "avoir tort /
  raison / peur / honte / besoin / envie / l'intention de", "commettre / faire l'erreur de".
  "une erreur à ne pas reproduire" (à + negated infinitive, a passive reading) is left alone.
- ``GRAMMAR-MISSING-QUE`` (grammar, major): a verb of saying or making known, its optional "à"
  object, then a comma and a new clause with its own subject and verb, where French needs
  "que": "vise à clarifier aux ennemis potentiels, une riposte est inévitable" → "… potentiels
  qu'une riposte est inévitable". The subject may carry "de" complements and a relative clause
  ("le tremblement de terre qui s'est produit était…"). The span runs from the verb to the
  subject of the new clause; the suggestion inserts "que". When a participial or gerund phrase
  between commas comes first ("a déclaré, étant donné l'emplacement de l'épicentre, le séisme
  était…", "a déclaré, citant une source, le président est…"), the issue is zero-length after the
  verb and the suggestion " que". Parenthetical uses ("comme il l'a expliqué, la situation est
  grave"), clauses after an adverbial between commas, and a participle or infinitive that opens
  a fronted adverbial ("Avant de répondre, le ministre a…", "quelques morts annoncés, les
  télévisions ont…": no verb before it) are left alone.

These valency facts are written here because no maintained French resource we can ship gives
verb and noun government; the lists are short and each entry is a standard locution.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from mt_check.detectors.base import PARSE, Code, Detector, DocumentContext
from mt_check.types import Category, Issue, Sentence, Severity

# Support verbs and the nouns that, after them, take "de" + infinitive.
_SUPPORT_VERBS = frozenset({"avoir", "commettre", "faire"})
_DE_NOUNS = frozenset({"erreur", "tort", "raison", "peur", "honte", "besoin", "envie", "intention"})
# Verbs of saying / making known that introduce a completive with "que".
_SAYING_VERBS = frozenset(
    "dire déclarer affirmer clarifier expliquer indiquer préciser souligner annoncer assurer "
    "rappeler signifier estimer penser croire confirmer prévenir avertir répondre ajouter "
    "reconnaître admettre promettre garantir démontrer montrer prouver".split()
)
_PARENTHETICAL = frozenset({"comme", "ainsi"})
_QUE = frozenset({"que", "qu’", "qu'"})
_STOPS = frozenset({",", ".", ";", ":", "(", ")", "«", "»", "!", "?"})
_NEGATION = frozenset({"ne", "n’", "n'"})
_DE = frozenset({"de", "du", "des", "d’", "d'"})
_CLITICS = frozenset({"ne", "n’", "n'", "se", "s’", "s'", "y", "en", "le", "la", "les", "l’", "l'", "lui",
                      "leur"})  # fmt: skip
_MAX_INTERPOSED = 25  # tokens a participial phrase between commas may run


def _finite(token: Any) -> bool:
    return "Fin" in token.morph.get("VerbForm") or bool(token.morph.get("Mood"))


class ConstructionsDetector(Detector):
    """Wrong preposition after "avoir raison/tort/peur…", missing "que" after verbs of saying."""

    name = "constructions"
    codes = (
        Code("GRAMMAR-PREPOSITION", Category.GRAMMAR, Severity.MINOR,
             "`avoir raison de` written with `à` before an infinitive"),
        Code("GRAMMAR-MISSING-QUE", Category.GRAMMAR, Severity.MAJOR,
             "a verb of saying followed by a clause without `que`"),
    )
    version = "1"
    requires = frozenset({PARSE})

    def detect(self, ctx: DocumentContext) -> Iterator[Issue]:
        if ctx.parses is None:
            return
        for sentence, doc in zip(ctx.sentences, ctx.parses, strict=True):
            tokens = list(doc)
            yield from self._preposition(sentence, tokens)
            yield from self._missing_que(sentence, doc.text, tokens)

    def _preposition(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        for i, noun in enumerate(tokens[:-2]):
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _DE_NOUNS:
                continue
            prep, verb = tokens[i + 1], tokens[i + 2]
            if prep.lower_ != "à" or "Inf" not in verb.morph.get("VerbForm"):
                continue
            if not any(t.lemma_ in _SUPPORT_VERBS for t in tokens[max(0, i - 3) : i]):
                continue
            de = "d’" if verb.text[:1].lower() in "aeiouyéèêàâîôûh" else "de "
            start = sentence.start + noun.idx
            end = sentence.start + verb.idx + len(verb.text)
            yield self.issue(
                sentence, start, end, Category.GRAMMAR, Severity.MINOR, "GRAMMAR-PREPOSITION",
                f"«{noun.text}» takes «de» before an infinitive, not «à».",
                f"{noun.text} {de}{verb.text}",
            )  # fmt: skip

    def _missing_que(self, sentence: Sentence, text: str, tokens: Sequence[Any]) -> Iterator[Issue]:
        for i, verb in enumerate(tokens):
            if verb.pos_ != "VERB" or verb.lemma_ not in _SAYING_VERBS or not _heads_clause(tokens, i):
                continue
            if any(t.lower_ in _PARENTHETICAL for t in tokens[max(0, i - 4) : i]):
                continue
            j = i + 1
            if j < len(tokens) and tokens[j].lower_ in {"à", "aux", "au"}:  # its indirect object
                while j < len(tokens) and tokens[j].text not in _STOPS and tokens[j].lower_ not in _QUE:
                    j += 1
            if j >= len(tokens) or tokens[j].text != ",":
                continue
            # "a déclaré, étant tenu de l'emplacement…, le séisme était…": a participial phrase
            # between commas comes before the clause; "que" goes right after the verb.
            interposed = _interposed_end(tokens, j + 1)
            comma = j if interposed is None else interposed
            k = _subject_end(tokens, comma + 1)
            if k is None or not _finite_group(tokens, _after_relative(tokens, k)):
                continue
            que = "qu’" if tokens[comma + 1].text[:1].lower() in "aeiouyéèêàâîôûh" else "que "
            if interposed is not None:
                at = sentence.start + verb.idx + len(verb.text)
                yield self.issue(
                    sentence, at, at, Category.GRAMMAR, Severity.MAJOR, "GRAMMAR-MISSING-QUE",
                    f"«{verb.text}» introduces a clause with its own subject (after the phrase "
                    "between commas): French needs «que» after the verb.",
                    " que",
                )  # fmt: skip
                continue
            subject_start, subject_end = tokens[j + 1].idx, tokens[k - 1].idx + len(tokens[k - 1].text)
            start, end = verb.idx, subject_end
            before = text[start : tokens[j].idx].rstrip()
            suggestion = f"{before} {que}{text[subject_start:subject_end]}"
            yield self.issue(
                sentence, sentence.start + start, sentence.start + end, Category.GRAMMAR,
                Severity.MAJOR, "GRAMMAR-MISSING-QUE",
                f"«{verb.text}» introduces a clause with its own subject: French needs «que» here.",
                suggestion,
            )  # fmt: skip


def _heads_clause(tokens: Sequence[Any], i: int) -> bool:
    """Whether the verb at ``i`` can govern a completive: conjugated, a participle after its
    auxiliary ("a déclaré"), or an infinitive after another verb ("vise à clarifier"). A participle
    or infinitive before any other verb opens a fronted adverbial ("Avant de répondre, le
    ministre a…", "quelques morts annoncés, les télévisions ont…") and governs nothing after its
    comma."""
    verb = tokens[i]
    if _finite(verb):
        return True
    if "Part" in verb.morph.get("VerbForm"):
        return any(t.pos_ == "AUX" for t in tokens[max(0, i - 3) : i])
    return any(t.pos_ in {"AUX", "VERB"} for t in tokens[:i])  # the tagger may miss its finiteness ("vise")


def _interposed_end(tokens: Sequence[Any], k: int) -> int | None:
    """The closing comma of a participial or gerund phrase opening at ``k`` ("étant tenu de…,",
    "en réponse à…," is not one: it has no participle), else None."""
    if k >= len(tokens):
        return None
    first = tokens[k]
    after = k + 1
    while after < len(tokens) and first.lower_ == "en" and tokens[after].lower_ in _CLITICS:
        after += 1  # "en se basant sur…"
    gerund = first.lower_ == "en" and after < len(tokens) and tokens[after].lower_.endswith("ant")
    present = first.lower_.endswith("ant") and first.pos_ in {"VERB", "AUX"}
    if not (gerund or present):
        return None
    for m in range(k + 1, min(len(tokens), k + _MAX_INTERPOSED)):
        if tokens[m].text == ",":
            return m
        if tokens[m].text in _STOPS or tokens[m].lower_ in _QUE:
            return None
    return None


def _subject_end(tokens: Sequence[Any], k: int) -> int | None:
    """End (exclusive) of a subject noun phrase at ``k``: a determiner, nouns and adjectives, and
    "de" complements ("le tremblement de terre"); None when ``k`` opens no such phrase."""
    if k >= len(tokens) or tokens[k].pos_ != "DET":
        return None
    start = k
    k += 1
    while k < len(tokens):
        t = tokens[k]
        if t.pos_ in {"NOUN", "ADJ", "PROPN"}:
            k += 1
        elif t.lower_ in _DE and k + 1 < len(tokens) and tokens[k + 1].pos_ in {"NOUN", "PROPN", "DET"}:
            k += 1
        elif t.pos_ == "DET" and tokens[k - 1].lower_ in _DE:
            k += 1
        else:
            break
    if k - start < 2 or tokens[k - 1].pos_ not in {"NOUN", "ADJ", "PROPN"}:
        return None
    return k


def _after_relative(tokens: Sequence[Any], k: int) -> int:
    """Skip a relative clause "qui s'est produit" after the subject: where the main verb should be."""
    if k >= len(tokens) or tokens[k].lower_ != "qui":
        return k
    m = k + 1
    while m < len(tokens) and tokens[m].lower_ in _CLITICS:
        m += 1
    if m >= len(tokens) or tokens[m].pos_ not in {"AUX", "VERB"} or not _finite(tokens[m]):
        return k
    m += 1
    while m < len(tokens) and (tokens[m].pos_ == "ADV" or "Part" in tokens[m].morph.get("VerbForm")):
        m += 1
    return m


def _finite_group(tokens: Sequence[Any], k: int) -> bool:
    while k < len(tokens) and tokens[k].lower_ in _NEGATION:
        k += 1
    return k < len(tokens) and tokens[k].pos_ in {"AUX", "VERB"} and _finite(tokens[k])


__all__ = ["ConstructionsDetector"]
