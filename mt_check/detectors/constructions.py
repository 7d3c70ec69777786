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
  qu'une riposte est inévitable". Parenthetical uses ("comme il l'a expliqué, la situation est
  grave") and clauses after a second comma are left alone. The span runs from the verb to the
  subject of the new clause; the suggestion inserts "que".

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
            if verb.pos_ != "VERB" or verb.lemma_ not in _SAYING_VERBS:
                continue
            if any(t.lower_ in _PARENTHETICAL for t in tokens[max(0, i - 4) : i]):
                continue
            j = i + 1
            if j < len(tokens) and tokens[j].lower_ in {"à", "aux", "au"}:  # its indirect object
                while j < len(tokens) and tokens[j].text not in _STOPS and tokens[j].lower_ not in _QUE:
                    j += 1
            if j >= len(tokens) or tokens[j].text != ",":
                continue
            k = j + 1
            if k >= len(tokens) or tokens[k].pos_ != "DET":
                continue
            k += 1
            while k < len(tokens) and tokens[k].pos_ in {"NOUN", "ADJ", "PROPN"}:
                k += 1
            if k - j < 3 or k >= len(tokens):
                continue
            if tokens[k].pos_ not in {"AUX", "VERB"} or not _finite(tokens[k]):
                continue
            subject_start, subject_end = tokens[j + 1].idx, tokens[k - 1].idx + len(tokens[k - 1].text)
            start, end = verb.idx, subject_end
            que = "qu’" if tokens[j + 1].text[:1].lower() in "aeiouyéèêàâîôûh" else "que "
            before = text[start : tokens[j].idx].rstrip()
            suggestion = f"{before} {que}{text[subject_start:subject_end]}"
            yield self.issue(
                sentence, sentence.start + start, sentence.start + end, Category.GRAMMAR,
                Severity.MAJOR, "GRAMMAR-MISSING-QUE",
                f"«{verb.text}» introduces a clause with its own subject: French needs «que» here.",
                suggestion,
            )  # fmt: skip


__all__ = ["ConstructionsDetector"]
