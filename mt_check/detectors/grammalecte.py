"""Grammalecte's grammar checker as an optional detector.

Grammalecte (GPL-3.0) is never vendored: it is the separately installed Debian/PyPI package
``grammalecte``, imported on first use. Without it the detector reports why through
:meth:`GrammalecteDetector.unavailable_reason` and the pipeline skips it.

Each paragraph (the text from its first sentence to its last) goes through Grammalecte's engine
without its spell checker (the spelling detector does spelling); each error comes back as an
Issue at document offsets, attached to the sentence holding it (errors that straddle two of our
sentences are dropped). Message: Grammalecte's; suggestion: its first one. Grammalecte reports
the alternative fixes of one error as separate errors ("Il vont": "Il" -> "Ils", "vont" ->
"va"); they become one issue spanning both words, suggesting the rule's first action ("Il va").
A dateline opening a paragraph ("JAKARTA - ") is blanked before checking: it hides the sentence
start that Grammalecte's noun-phrase rules need.

Codes are ``GRAMMALECTE-<FAMILY>``, the family being Grammalecte's option name (its ``sType``)
upper-cased: ``GRAMMALECTE-GN`` (noun-phrase gender/number agreement), ``-PPAS`` (past
participles, adjectives), ``-CONJ`` (subject-verb agreement), ``-CONF`` (homophone confusions),
``-ELEU`` (elisions), ``-INFI``, ``-IMP``, ``-INTE``, ``-VMODE`` (verb forms), ``-LOC``
(locutions), ``-BS``, ``-PLEO`` (style), ``-DATE``, and for the rules Grammalecte files under no
option, the prefix of the rule id (``-DOUBLON`` for a doubled word; ``num_``/``p_``/``eepi_``/
``typo_`` rules are typography).

Categories: gn/ppas/conj -> agreement; conf/eleu/infi/imp/inte/vmode/loc/doublon -> grammar;
bs/pleo -> style; date -> number; every typographic family (typo apos esp nbsp unit tu maj
minis num nf virg…) -> typography, minor, and off unless ``typography=True``.

Default families (``DEFAULT_FAMILIES``): measured on the 1,476 correct sentences of UD
French-GSD dev (which are web text and hold real errors, so part of these flags are right) and
on the sample article and data/eval's synthetic set. Kept: gn and ppas, whose agreement errors
the other detectors miss, once errors on capitalised words (names: "la Pan Am", "les Tutsi") are
dropped. conj, conf, eleu, infi, imp, inte, vmode (each under 0.6 flagged sentences per 100 on
UD) added no gold error beyond the other detectors, so they are off by default; loc, bs, pleo,
date (style or rarely relevant to MT output) and doublon (the structure detector reports
repeated words) too.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from mt_check.detectors.base import Code, Detector, DocumentContext
from mt_check.types import Category, Issue, Sentence, Severity

INSTALL_HINT = "python3-grammalecte is not installed (apt-get install python3-grammalecte)"

AGREEMENT_FAMILIES = frozenset({"gn", "ppas", "conj"})
GRAMMAR_FAMILIES = frozenset(
    {"conf", "eleu", "infi", "imp", "inte", "vmode", "loc", "doublon", "neg"}
)
STYLE_FAMILIES = frozenset({"bs", "pleo", "redon1", "redon2", "mc"})
NUMBER_FAMILIES = frozenset({"date"})
TYPOGRAPHY_FAMILIES = frozenset(
    {
        "typo", "apos", "eepi", "esp", "tab", "nbsp", "unit", "tu", "maj", "minis", "num", "nf",
        "virg", "poncfin", "ocr", "chim", "liga", "mapos", "p", "html", "latex", "md",
    }
)
# Agreement in the noun phrase and of past participles: the families that find errors the other
# detectors miss. The others (conj, conf, eleu, infi, imp, inte, vmode) found no gold error that
# the other detectors did not already find on the dev sets (sample article, 300 synthetic UD
# sentences) while flagging 4 of the 300 correct UD sentences; they stay available by name.
DEFAULT_FAMILIES = frozenset({"gn", "ppas"})
# Families where a capitalised word usually means a name the lexicon does not know.
_NAME_SENSITIVE = AGREEMENT_FAMILIES


def _category(family: str) -> Category:
    if family in AGREEMENT_FAMILIES:
        return Category.AGREEMENT
    if family in STYLE_FAMILIES:
        return Category.STYLE
    if family in NUMBER_FAMILIES:
        return Category.NUMBER
    if family in TYPOGRAPHY_FAMILIES:
        return Category.TYPOGRAPHY
    return Category.GRAMMAR


def family_of(error: dict[str, Any]) -> str:
    """Grammalecte's option name for an error; for option-less rules, the rule id's prefix."""
    family = str(error.get("sType") or "notype")
    if family == "notype":
        rule = str(error.get("sRuleId", ""))
        family = rule.split("_", 1)[0] or "notype"
    return family


@lru_cache(maxsize=1)
def _checker() -> Any:
    """The GrammarChecker, built once per process (its rules compile on first parse)."""
    import grammalecte  # GPL-3.0, installed separately: only ever imported here
    from grammalecte.fr import gc_engine, gc_functions

    for module in (gc_engine, gc_functions):
        module.re = _CompiledPatterns()
    return grammalecte.GrammarChecker("fr")


class _CompiledPatterns:
    """``re`` with an unbounded cache of compiled patterns, for Grammalecte's engine.

    Grammalecte matches tokens and morphologies with ``re.search(pattern_string, text)`` over
    about 2,000 distinct patterns, more than ``re``'s own cache keeps (512 in Python 3.11): it
    recompiled patterns all along (1,268 compilations per 200 news sentences, 7% of the time).
    Same functions, same results; everything else is ``re``'s.
    """

    def __init__(self) -> None:
        self._compiled: dict[tuple[Any, int], re.Pattern[str]] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)

    def compile(self, pattern: Any, flags: int = 0) -> re.Pattern[str]:
        try:
            return self._compiled[pattern, flags]
        except KeyError:
            compiled = self._compiled[pattern, flags] = re.compile(pattern, flags)
            return compiled

    def search(self, pattern: Any, string: str, flags: int = 0) -> re.Match[str] | None:
        return self.compile(pattern, flags).search(string)

    def match(self, pattern: Any, string: str, flags: int = 0) -> re.Match[str] | None:
        return self.compile(pattern, flags).match(string)

    def fullmatch(self, pattern: Any, string: str, flags: int = 0) -> re.Match[str] | None:
        return self.compile(pattern, flags).fullmatch(string)

    def finditer(self, pattern: Any, string: str, flags: int = 0) -> Iterator[re.Match[str]]:
        return self.compile(pattern, flags).finditer(string)

    def findall(self, pattern: Any, string: str, flags: int = 0) -> list[Any]:
        return self.compile(pattern, flags).findall(string)

    def sub(self, pattern: Any, repl: Any, string: str, count: int = 0, flags: int = 0) -> str:
        return self.compile(pattern, flags).sub(repl, string, count)

    def split(self, pattern: Any, string: str, maxsplit: int = 0, flags: int = 0) -> list[Any]:
        return self.compile(pattern, flags).split(string, maxsplit)


def _codes() -> tuple[Code, ...]:
    families = sorted(AGREEMENT_FAMILIES | GRAMMAR_FAMILIES | STYLE_FAMILIES | NUMBER_FAMILIES
                      | TYPOGRAPHY_FAMILIES | {"notype"})
    return tuple(
        Code(f"GRAMMALECTE-{f.upper()}", _category(f), Severity.MINOR, f"Grammalecte's `{f}` rules")
        for f in families
    )


class GrammalecteDetector(Detector):
    """Grammalecte's grammar rules, mapped to mt-check categories and codes."""

    name = "grammalecte"
    codes = _codes()
    version = "1"
    enabled_by_default = True

    def __init__(
        self, typography: bool = False, families: Collection[str] | None = None
    ) -> None:
        """``families``: Grammalecte option names to report (default ``DEFAULT_FAMILIES``);
        ``typography=True`` adds every typographic family."""
        chosen = set(DEFAULT_FAMILIES if families is None else families)
        if typography:
            chosen |= TYPOGRAPHY_FAMILIES
        self.typography = typography
        self.families = frozenset(chosen)

    def unavailable_reason(self) -> str | None:
        try:
            _checker()
        except ImportError:
            return INSTALL_HINT
        return None

    def data_version(self) -> str:
        try:
            engine_version = str(_checker().getGCEngine().version)
        except ImportError:
            engine_version = "absent"
        families = ",".join(sorted(self.families - TYPOGRAPHY_FAMILIES))
        typography = "+typography" if self.typography else ""
        return f"{self.version}+grammalecte-{engine_version}+{families}{typography}"

    def detect(self, ctx: DocumentContext) -> Iterator[Issue]:
        engine = _checker().getGCEngine()
        options = self._options(engine)
        text = ctx.document.text
        for sentences in _paragraphs(ctx.sentences):
            start, end = sentences[0].start, sentences[-1].end
            errors = sorted(
                engine.parse(_mask_dateline(text[start:end]), "FR", dOptions=options),
                key=lambda e: (e["nStart"], e["nEnd"]),
            )
            found = []
            for error in errors:
                issue = self._to_issue(error, start, sentences, text)
                if issue is not None:
                    found.append((str(error.get("sRuleId", "")), issue))
            yield from _merge_actions(found, text)

    def _options(self, engine: Any) -> dict[str, bool]:
        # Options switch rule families on and off inside the engine: families we drop are
        # never computed. Option-less rules always run and are filtered afterwards.
        options = dict(engine.getDefaultOptions())
        for option in options:
            if option in TYPOGRAPHY_FAMILIES | AGREEMENT_FAMILIES | GRAMMAR_FAMILIES:
                options[option] = option in self.families or (
                    option in {"html", "latex", "md"} and options[option]
                )
        return options

    def _to_issue(
        self, error: dict[str, Any], base: int, sentences: Sequence[Sentence], text: str
    ) -> Issue | None:
        family = family_of(error)
        start, end = base + int(error["nStart"]), base + int(error["nEnd"])
        suggestions = error.get("aSuggestions") or []
        if suggestions and _accent_on_capital(text[start:end], str(suggestions[0])):
            family = "maj"  # "A noter" -> "À noter": capital accents are house style
        if family not in self.families:
            return None
        sentence = next((s for s in sentences if s.start <= start < s.end), None)
        if sentence is None or end > sentence.end:
            return None  # Grammalecte's sentence split differs from ours: drop, never stretch
        span = text[start:end]
        if family in _NAME_SENSITIVE and _near_name(text, start, end, sentence.start):
            return None
        category = _category(family)
        severity = Severity.MINOR
        return self.issue(
            sentence, start, end, category, severity, f"GRAMMALECTE-{family.upper()}",
            str(error.get("sMessage") or f"Grammalecte rule {error.get('sRuleId')}"),
            str(suggestions[0]) if suggestions and suggestions[0] != span else None,
            doc_text=text,
        )


# "JAKARTA - Les lignes…": the dateline hides the sentence start from Grammalecte's noun-phrase
# rules; blanking it (same length, offsets unchanged) lets them see "Les lignes…" as the start.
_DATELINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý .'\-]{2,}(?:\([^)]*\))?\s+[-–—]\s+")


def _mask_dateline(paragraph: str) -> str:
    match = _DATELINE.match(paragraph)
    return " " * match.end() + paragraph[match.end() :] if match else paragraph


_ACTION = re.compile(r"_a(\d+)_\d+$")
_MAX_GAP = 40  # characters between two words one rule match flags


def _merge_actions(found: list[tuple[str, Issue]], text: str) -> Iterator[Issue]:
    """One issue per rule match. Grammalecte reports each alternative fix of one error as its
    own error ("Il vont": "Il" -> "Ils" and "vont" -> "va"); these become one issue spanning
    both words, whose suggestion applies the rule's first action ("Il va")."""
    groups: list[list[tuple[str, Issue]]] = []
    for rule, issue in found:
        last = groups[-1][-1] if groups else None
        if (
            last is not None
            and _ACTION.sub("", last[0]) == _ACTION.sub("", rule)
            and last[1].sent_id == issue.sent_id
            and issue.start - last[1].end <= _MAX_GAP
        ):
            groups[-1].append((rule, issue))
        else:
            groups.append([(rule, issue)])
    for group in groups:
        if len(group) == 1:
            yield group[0][1]
            continue
        primary = min(group, key=lambda g: _action_number(g[0]))[1]
        start = min(i.start for _, i in group)
        end = max(i.end for _, i in group)
        suggestion = None
        if primary.suggestion is not None:
            suggestion = (
                text[start : primary.start] + primary.suggestion + text[primary.end : end]
            )
        yield replace(primary, start=start, end=end, span=text[start:end], suggestion=suggestion)


def _action_number(rule: str) -> int:
    match = _ACTION.search(rule)
    return int(match.group(1)) if match else 0


def _paragraphs(sentences: Sequence[Sentence]) -> Iterator[list[Sentence]]:
    group: list[Sentence] = []
    for sentence in sentences:
        if group and sentence.paragraph != group[-1].paragraph:
            yield group
            group = []
        group.append(sentence)
    if group:
        yield group


def _near_name(text: str, start: int, end: int, sentence_start: int) -> bool:
    """Whether the flagged word, the word before it, or the word right after a flagged
    determiner is capitalised (the sentence's first word aside): agreement rules misread names
    ("la Pan Am", "Les Andalouses est le nom…")."""
    span = text[start:end].strip()
    before = text[sentence_start:start]
    if span[:1].isupper() and before.strip(" «“\"'(") != "":
        return True
    words = before.split()
    if len(words) >= 2 and words[-1][:1].isupper() and words[-1].isalpha():
        return True
    following = text[end:].lstrip()
    return bool(following[:1].isupper()) and len(span) <= 4


def _accent_on_capital(span: str, suggestion: str) -> bool:
    import unicodedata

    def bare(word: str) -> str:
        return "".join(
            c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn"
        )

    return span[:1].isupper() and span != suggestion and bare(span) == bare(suggestion)


__all__ = ["DEFAULT_FAMILIES", "INSTALL_HINT", "GrammalecteDetector", "family_of"]
