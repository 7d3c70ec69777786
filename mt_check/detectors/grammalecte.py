"""Grammalecte's grammar checker as an optional detector, rule by measured rule.

Grammalecte (GPL-3.0) is never vendored: it is the separately installed Debian/PyPI package
``grammalecte``, imported on first use. Without it the detector reports why through
:meth:`GrammalecteDetector.unavailable_reason` and the pipeline skips it.

Each paragraph (the text from its first sentence to its last) goes through Grammalecte's engine
without its spell checker (the spelling detector does spelling); each error comes back as an
Issue at document offsets, attached to the sentence holding it (errors that straddle two of our
sentences are dropped). Message: Grammalecte's; suggestion: its first one, except that an
uncontracted article gets its contraction ("à les" -> "aux", not Grammalecte's first "a les":
machine translation leaves articles apart, it does not mistype "a"). Grammalecte reports the
alternative fixes of one error as separate errors ("Il vont": "Il" -> "Ils", "vont" -> "va");
they become one issue spanning both words, suggesting the rule's first action ("Il va"). A
dateline opening a paragraph ("JAKARTA - ") is blanked before checking: it hides the sentence
start that Grammalecte's noun-phrase rules need. Grammalecte's missing-space rules are not
trusted where the glued word cannot start a sentence or a clause ("3.5", "M5,7", "NYSE:SNAP",
"rec.arts", "?lang=fr": see :func:`_not_a_missing_space`).

Which rules are reported by default: those ``grammalecte_rules.tsv`` (next to this module)
keeps. ``benchmarks/grammalecte_rules.py`` writes it: it runs every option over real MT French
(the dev set, with its gold errors and pages) and over correct French (UD Sequoia dev and GSD
dev, 1,888 sentences, where a flag is false unless it falls on a token the treebank marks as a
typo), and decides per rule branch (Grammalecte's ``sRuleId`` without its action suffix,
:func:`rule_key`: the actions of one branch are one match, one issue). A rule is kept when

- it is not typography pedantry (below), another detector's job (``doublon``: structure) or a
  rule of an option Grammalecte itself marks "[!]" (ocr, mapos, neg, poncfin, redon1/2, mc);
- correct French rarely sets it off: at most 1 false flag in Sequoia, at most 2 in GSD, and no
  more false flags on correct French than flags on the MT set;
- its MT flags are mostly right: at least 60% overlap a gold error, at least one does;
- and the evidence is not one page's: its right flags come from two pages or more, or else its
  group (its family's rules in its category) is right at least 60% of the time on two pages or
  more, or its family's unmeasured rules are kept anyway.

A rule never measured (no MT flag, no false flag) follows its family's row (rule ``*``): kept for
the error families (agreement, grammar, spelling, punctuation, number) whose unseen rules are not
expected to flag correct French -- no rule of the family flagged exactly one Sequoia sentence and
nothing else, at most 7 did so in GSD (the Good-Turing estimate of the unseen rules' false
flags) -- and whose pooled MT flags, 3 or more, are at least half right; never for style,
typography, optional commas (virg), the "[!]" options. As measured on the dev sets with
Grammalecte 2.1.2, that keeps conf, conj, ppas, eleu, infi, imp, inte, vmode, loc, maj and date
by default, and some rules of typo; not gn (its unseen rules flag correct French: 1 Sequoia and
8 GSD rules seen once) nor tu (hyphens). The options of the kept rules and families are
switched on in the engine, the others off. The table is read once per process; its hash is part
of :meth:`data_version`. ``rules=`` (rule keys or sRuleIds) and ``families=`` (option names)
replace the table's choice.

Codes are ``GRAMMALECTE-<FAMILY>``, the family being Grammalecte's option name (its ``sType``)
upper-cased: ``GRAMMALECTE-GN`` (noun-phrase gender/number agreement), ``-PPAS`` (past
participles, adjectives), ``-CONJ`` (subject-verb agreement), ``-CONF`` (homophone confusions),
``-ELEU`` (elisions), ``-INFI``, ``-IMP``, ``-INTE``, ``-VMODE`` (verb forms), ``-LOC``
(locutions), ``-MAJ`` (capitals), ``-TYPO`` (punctuation spacing, typography), ``-BS``,
``-PLEO`` (style), ``-DATE``…; for the rules Grammalecte files under no option, the rule name's
prefix (``doublon``, or ``conf`` for ``g2__conf_ils_non_verbe__…``).

Categories, by family and, inside the typographic families, by rule: gn/ppas/conj -> agreement;
conf/eleu/infi/imp/inte/vmode/loc/neg/doublon -> grammar; maj (a capitalised month or day name
mid-sentence, a lower-case letter after a full stop, "les européens"), tu (hyphens), ocr, mapos
and the missing-apostrophe rules -> spelling; the typo rules for a missing space after
punctuation ("fin.Puis"), a space before a comma, full stop or closing bracket, doubled
punctuation -> punctuation, as is virg; date -> number; bs/pleo/redon/mc -> style. Typography
pedantry -- non-breaking spaces before : ; ! ? », apostrophe and quote styles, dash types,
ordinal styling, superfluous spaces, large-number spacing, accents on capitals ("A noter" ->
"À noter") -- is category typography, minor, and off unless ``typography=True``, whatever the
counts: it is house style, not a translation error.

Capitalised words are usually names the lexicon does not know: agreement rules are dropped when
the flagged word, the word before it or the word after a flagged determiner is capitalised
("la Pan Am", "les Tutsi").
"""

from __future__ import annotations

import csv
import hashlib
import logging
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from mt_check.detectors.base import INDICATIVE_QUE_ENDS, RANGE_ADJECTIVES, Code, Detector, DocumentContext
from mt_check.types import Category, Issue, Sentence, Severity

INSTALL_HINT = "python3-grammalecte is not installed (apt-get install python3-grammalecte)"
RULES_TABLE = Path(__file__).with_name("grammalecte_rules.tsv")
KEEP, DROP = "keep", "drop"
ANY_RULE = "*"  # the ``rule`` of a family's row: the decision for its rules absent from the table

AGREEMENT_FAMILIES = frozenset({"gn", "ppas", "conj"})
GRAMMAR_FAMILIES = frozenset(
    {"conf", "eleu", "infi", "imp", "inte", "vmode", "loc", "doublon", "neg"}
)
STYLE_FAMILIES = frozenset({"bs", "pleo", "redon1", "redon2", "mc"})
NUMBER_FAMILIES = frozenset({"date"})
# Capitals, hyphens, misread characters, missing apostrophes: how words are written.
SPELLING_FAMILIES = frozenset({"maj", "tu", "ocr", "mapos"})
PUNCTUATION_FAMILIES = frozenset({"virg", "poncfin"})
# House style: spaces (non-breaking or not), apostrophe and quote marks, dashes, numbers' and
# units' spacing, ministries' capitals, ligatures, chemistry, inclusive writing, markup, "(…)"
# for "[…]" (``purge``, an option-less rule's prefix).
TYPOGRAPHY_FAMILIES = frozenset(
    {
        "typo", "apos", "eepi", "esp", "tab", "nbsp", "unit", "num", "nf", "minis", "chim",
        "liga", "p", "html", "latex", "md", "purge",
    }
)
# The rules of the ``typo`` family that mark errors, not house style, and their category (regex
# rules: the id is the rule's name in Grammalecte's rule file).
_TYPO_ERRORS: Mapping[str, Category] = {
    **dict.fromkeys(
        (
            "typo_espace_manquant_après1",  # "le 3,puis" / "ainsi:le": missing space after , :
            "typo_espace_manquant_après2",  # after ? ! ; % » }
            "typo_espace_manquant_après3",  # "la fin.Puis": after a full stop (not "3.5")
            "typo_espace_manquant_après4",  # after …
            "typo_virgule_collée_à_mot_suivant",  # "fin ,puis"
            "typo_virgule_entre_deux_espaces",  # "fin , puis"
            "typo_point_entre_deux_espaces",  # "fin . Puis"
            "typo_point_collé_à_mot_suivant",  # "fin .Puis"
            "typo_espace_avant_signe_fermant",  # "( x )": before ) ]
            "typo_espace_après_signe_ouvrant",  # after ( [
            "typo_parenthèse_fermante_collée",  # "(x)puis"
            "typo_parenthèse_ouvrante_collée",  # "mot(x y)"
            "typo_points_suspension_après_espace",  # "fin …"
            "typo_ponctuation_superflue1",  # ",." doubled punctuation
            "typo_ponctuation_superflue2",
            "typo_ponctuation_superflue3",
            "typo_ponctuation_superflue4",
            "typo_points_superflus",  # "…."
            "typo_points_suspension3",  # ".." one or three?
            "typo_et_cetera",  # "etc..."
        ),
        Category.PUNCTUATION,
    ),
    **dict.fromkeys(
        (
            "typo_apostrophe_manquante",  # "lorsqu il"
            "typo_apostrophe_manquante_prudence1",
            "typo_apostrophe_manquante_prudence2",
            "typo_apostrophe_manquante_audace1",
        ),
        Category.SPELLING,
    ),
}
# Rules of error families that are typography all the same: accents on capitals are house style.
_TYPOGRAPHY_RULES = frozenset({"maj_accents", "typo_À_début_phrase"})
# Options Grammalecte itself marks "[!]" (many false flags, or for special texts only).
RISKY_FAMILIES = frozenset({"ocr", "mapos", "neg", "poncfin", "redon1", "redon2", "mc"})
# Rules another detector owns: structure reports repeated words.
OWNED_ELSEWHERE = {"doublon": "the structure detector reports repeated words"}
# Families where a capitalised word usually means a name the lexicon does not know.
_NAME_SENSITIVE = AGREEMENT_FAMILIES
_MARKUP_OPTIONS = frozenset({"html", "latex", "md"})  # text preprocessing: left as Grammalecte sets it

_GRAPH_RULE = re.compile(r"^g[a-z]*\d+__(.+?)__b\d+(?:_a\d+_\d+)?$")
_ACTION = re.compile(r"_a(\d+)_\d+$")


def rule_key(rule: str) -> str:
    """What the table decides on: Grammalecte's sRuleId without its action ("g2__conj_il__b1_a2_1"
    -> "g2__conj_il__b1"). The actions of one rule branch are the alternative fixes of one match
    ("Il vont": "Il" -> "Ils", "vont" -> "va"), reported as one issue: right or wrong together."""
    return _ACTION.sub("", rule)


def rule_name(rule: str) -> str:
    """A graph rule's name without its graph, branch and action ("g2__maj_mois__b4_a1_1" ->
    "maj_mois"); a regex rule's id as it is."""
    match = _GRAPH_RULE.match(rule)
    return match.group(1) if match else rule


def family_of(error: Mapping[str, Any]) -> str:
    """Grammalecte's option name for an error; for option-less rules, the rule name's prefix."""
    family = str(error.get("sType") or "notype")
    if family == "notype":
        family = rule_name(str(error.get("sRuleId", ""))).split("_", 1)[0] or "notype"
    return family


def category_of(rule: str, family: str) -> Category:
    """The mt-check category of a rule: by family, and by rule inside the typographic ones."""
    name = rule_name(rule)
    if name in _TYPOGRAPHY_RULES:
        return Category.TYPOGRAPHY
    if name in _TYPO_ERRORS:
        return _TYPO_ERRORS[name]
    if family in AGREEMENT_FAMILIES:
        return Category.AGREEMENT
    if family in STYLE_FAMILIES:
        return Category.STYLE
    if family in NUMBER_FAMILIES:
        return Category.NUMBER
    if family in SPELLING_FAMILIES:
        return Category.SPELLING
    if family in PUNCTUATION_FAMILIES:
        return Category.PUNCTUATION
    if family in TYPOGRAPHY_FAMILIES:
        return Category.TYPOGRAPHY
    return Category.GRAMMAR


def _family_category(family: str) -> Category:
    return category_of("", family)


# -- the rule table (benchmarks/grammalecte_rules.py writes it) ------------------------------------


@dataclass(frozen=True)
class RuleDecision:
    rule: str  # rule_key(sRuleId), or ANY_RULE for a family's default
    family: str
    keep: bool
    criterion: str


@dataclass(frozen=True)
class RuleTable:
    """Decisions per rule (:func:`rule_key`), and per family for the rules absent from the table."""

    rules: Mapping[str, RuleDecision]
    families: Mapping[str, RuleDecision]
    digest: str  # of the file's bytes: changes whenever a decision or a count does

    def keeps(self, rule: str, family: str) -> bool:
        decision = self.rules.get(rule) or self.families.get(family)
        return decision is not None and decision.keep

    def kept_rules(self) -> frozenset[str]:
        return frozenset(r for r, d in self.rules.items() if d.keep)

    def kept_families(self) -> frozenset[str]:
        """Families whose unmeasured rules are kept."""
        return frozenset(f for f, d in self.families.items() if d.keep)


@lru_cache(maxsize=4)
def load_rule_table(path: Path = RULES_TABLE) -> RuleTable:
    """The decisions of ``grammalecte_rules.tsv`` (read once per process and path)."""
    data = path.read_bytes()
    rows = csv.DictReader(
        (line for line in data.decode("utf-8").splitlines() if line and not line.startswith("#")),
        delimiter="\t",
        quoting=csv.QUOTE_NONE,
    )
    rules: dict[str, RuleDecision] = {}
    families: dict[str, RuleDecision] = {}
    for row in rows:
        if row["decision"] not in (KEEP, DROP):
            raise ValueError(f"{path}: rule {row['rule']!r}: decision {row['decision']!r} is not keep/drop")
        decision = RuleDecision(row["rule"], row["family"], row["decision"] == KEEP, row["criterion"])
        if decision.rule == ANY_RULE:
            families[decision.family] = decision
        else:
            rules[decision.rule] = decision
    return RuleTable(rules, families, hashlib.sha256(data).hexdigest()[:12])


# -- the engine ----------------------------------------------------------------------------------


_log = logging.getLogger(__name__)

# The Grammalecte versions the regex cache (_CompiledPatterns) was tested with: tests/test_patches.py
# pins the same errors with and without it. Another version runs without it (same errors, slower)
# and an INFO record says why -- not a warning: nothing in the results changes, so the CLI's stderr
# must not depend on it. Read from the engine itself (gc_engine.version), which Grammalecte has
# however it was installed (unpacked from grammalecte.net's zip, it has no package metadata).
_REGEX_CACHE_TESTED = frozenset({"2.1.2"})


@lru_cache(maxsize=1)
def _checker() -> Any:
    """The GrammarChecker, built once per process (its rules compile on first parse)."""
    import grammalecte  # GPL-3.0, installed separately: only ever imported here
    from grammalecte.fr import gc_engine, gc_functions

    installed = str(gc_engine.version)
    if installed in _REGEX_CACHE_TESTED:
        for module in (gc_engine, gc_functions):
            module.re = _CompiledPatterns()
    else:
        _log.info(
            "the regex cache for Grammalecte is off: Grammalecte %s is not a version it was tested "
            "with (%s)", installed, ", ".join(sorted(_REGEX_CACHE_TESTED)),
        )
    return grammalecte.GrammarChecker("fr")


@lru_cache(maxsize=1)
def rule_options() -> Mapping[str, frozenset[str]]:
    """Every error rule Grammalecte has (by :func:`rule_key`), with the options that switch its
    actions on ("" for an action under no option)."""
    from grammalecte.fr import gc_engine

    _checker()  # loads the rules
    options: dict[str, set[str]] = {}
    for _, option, _, rule in gc_engine.listRules():
        options.setdefault(rule_key(rule), set()).add(str(option or ""))
    return {rule: frozenset(found) for rule, found in options.items()}


@lru_cache(maxsize=1)
def rule_lines() -> Mapping[str, str]:
    """Every error rule (by :func:`rule_key`) with its sLineId (its line in Grammalecte's rule
    files)."""
    from grammalecte.fr import gc_engine

    _checker()
    return {rule_key(rule): str(line) for _, _, line, rule in gc_engine.listRules()}


def options_for(rules: Collection[str], families: Collection[str]) -> frozenset[str]:
    """The options that switch on ``rules`` (rule keys or ids) and ``families`` (option names)."""
    known = rule_options()
    chosen = set(families).union(*(known.get(rule_key(r), frozenset()) for r in rules))
    return frozenset(chosen - {""})


def engine_version() -> str:
    """Grammalecte's version (ImportError when it is not installed)."""
    return str(_checker().getGCEngine().version)


def typo_error_rules() -> frozenset[str]:
    """The rules of the ``typo`` family that mark errors, not house style."""
    return frozenset(_TYPO_ERRORS)


def engine_options(families: Collection[str]) -> dict[str, bool]:
    """Grammalecte options with exactly ``families`` on (markup preprocessing as Grammalecte sets
    it): the families switched off are never computed."""
    defaults = dict(_checker().getGCEngine().getDefaultOptions())
    return {
        option: (value if option in _MARKUP_OPTIONS else option in families)
        for option, value in defaults.items()
    }


def all_families() -> frozenset[str]:
    """Every option name that switches rules (what the measurement turns on)."""
    return frozenset(_checker().getGCEngine().getDefaultOptions()) - _MARKUP_OPTIONS - {"idrule"}


class _CompiledPatterns:
    """``re`` with an unbounded cache of compiled patterns, for Grammalecte's engine.

    Grammalecte matches tokens and morphologies with ``re.search(pattern_string, text)`` over
    about 2,000 distinct patterns, more than ``re``'s own cache keeps (512 in Python 3.11): it
    recompiled patterns all along (1,268 compilations per 200 news sentences, 7% of the time).
    Same functions, same results; everything else is ``re``'s.
    """

    def __init__(self) -> None:
        self._compiled: dict[tuple[Any, int], re.Pattern[str]] = {}
        # pattern -> its compiled search: the engine's hot call (500,000 per 200 sentences),
        # one dictionary lookup and no flags tuple
        self._searches: dict[Any, Callable[[str], re.Match[str] | None]] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)

    def compile(self, pattern: Any, flags: int = 0) -> re.Pattern[str]:
        try:
            return self._compiled[pattern, flags]
        except KeyError:
            compiled = self._compiled[pattern, flags] = re.compile(pattern, flags)
            return compiled

    def search(self, pattern: Any, string: str, flags: int = 0) -> re.Match[str] | None:
        if flags:
            return self.compile(pattern, flags).search(string)
        try:
            return self._searches[pattern](string)
        except KeyError:
            search = self._searches[pattern] = self.compile(pattern).search
            return search(string)

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


# -- the detector --------------------------------------------------------------------------------

_CODE_FAMILIES = (
    AGREEMENT_FAMILIES | GRAMMAR_FAMILIES | STYLE_FAMILIES | NUMBER_FAMILIES | SPELLING_FAMILIES
    | PUNCTUATION_FAMILIES | TYPOGRAPHY_FAMILIES | {"notype"}
)


def _codes() -> tuple[Code, ...]:
    """One code per family (the category given is the family's; typo's punctuation-spacing and
    missing-apostrophe rules, and accents on capitals, report their own)."""
    return tuple(
        Code(
            f"GRAMMALECTE-{f.upper()}", _family_category(f), Severity.MINOR,
            f"Grammalecte's `{f}` rules kept by measurement (grammalecte_rules.tsv)",
        )
        for f in sorted(_CODE_FAMILIES)
    )


@dataclass(frozen=True)
class Finding:
    """One error as Grammalecte reports it, at document offsets, before rule selection."""

    rule: str  # rule_key(sRuleId): the rule branch, what the table decides on
    action: int  # the action number in sRuleId (1 for the first fix; 0 for regex rules)
    line_id: str  # sLineId: the rule's line in Grammalecte's rule files
    family: str
    category: Category
    sentence: Sentence
    start: int
    end: int
    message: str
    suggestion: str | None
    near_name: bool  # a capitalised word around it (agreement rules skip these)


def _as_names(value: str | Collection[str] | None) -> frozenset[str] | None:
    """Option values as a set of names: a comma-separated string (``--detector-option``) or a
    collection."""
    if value is None:
        return None
    if isinstance(value, str):
        return frozenset(v.strip() for v in value.split(",") if v.strip())
    return frozenset(str(v) for v in value)


class GrammalecteDetector(Detector):
    """Grammalecte's grammar rules kept by measurement, mapped to mt-check categories and codes."""

    name = "grammalecte"
    codes = _codes()
    version = "8"
    enabled_by_default = True

    def __init__(
        self,
        typography: bool = False,
        families: str | Collection[str] | None = None,
        rules: str | Collection[str] | None = None,
    ) -> None:
        """By default, the rules ``grammalecte_rules.tsv`` keeps. ``families``: report every rule
        of these Grammalecte options instead (a typography family's pedantry included);
        ``rules``: these rules instead, by :func:`rule_key` or sRuleId (both given: either);
        each also as a comma-separated string. ``typography=True`` adds every typography rule
        (house style)."""
        self.typography = bool(typography)
        self.families = _as_names(families)
        names = _as_names(rules)
        self.rules = None if names is None else frozenset(rule_key(r) for r in names)

    def unavailable_reason(self) -> str | None:
        try:
            _checker()
        except ImportError:
            return INSTALL_HINT
        return None

    def load(self) -> None:
        if self.unavailable_reason() is None:  # else the run reports it
            _checker().getGCEngine().parse("Le chat dort.", "FR")  # loads the rules and the lexicon

    def skipped(self, sentence: Sentence) -> str | None:
        return too_long_for_grammalecte(sentence)

    def data_version(self) -> str:
        try:
            version = engine_version()
        except ImportError:
            version = "absent"
        parts = [self.version, f"grammalecte-{version}"]
        if self.rules is None and self.families is None:
            parts.append(f"rules-{load_rule_table().digest}")
        if self.families is not None:
            parts.append("families-" + ",".join(sorted(self.families)))
        if self.rules is not None:
            digest = hashlib.sha256("\n".join(sorted(self.rules)).encode()).hexdigest()[:12]
            parts.append(f"rules-{len(self.rules)}-{digest}")
        if self.typography:
            parts.append("typography")
        return "+".join(parts)

    # which rules -------------------------------------------------------------------------------

    def reports(self, finding: Finding) -> bool:
        """Whether this detector, as configured, reports ``finding``."""
        return self.reports_rule(finding.rule, finding.family, finding.category)

    def reports_rule(self, rule: str, family: str, category: Category | None = None) -> bool:
        """Whether this detector, as configured, reports the errors of ``rule`` (of ``family``;
        ``category``: the error's, by default the rule's)."""
        if self.rules is not None and rule in self.rules:
            return True
        chosen = self.families is not None and family in self.families
        if (category or category_of(rule, family)) is Category.TYPOGRAPHY:
            # Pedantry: on request only (typography=True, or a typography family by name),
            # whatever the table says.
            return self.typography or (chosen and _family_category(family) is Category.TYPOGRAPHY)
        if chosen:
            return True
        if self.rules is None and self.families is None:
            return load_rule_table().keeps(rule, family)
        return False

    def option_families(self) -> frozenset[str]:
        """The Grammalecte options this configuration needs on."""
        chosen: set[str] = set()
        if self.rules is None and self.families is None:
            table = load_rule_table()
            chosen |= options_for(table.kept_rules(), table.kept_families())
        if self.families is not None:
            chosen |= self.families
        if self.rules is not None:
            chosen |= options_for(self.rules, ())
        if self.typography:
            chosen |= TYPOGRAPHY_FAMILIES | {"maj", "typo"}  # accents on capitals are maj's, typo's
        return frozenset(chosen)

    # detection ---------------------------------------------------------------------------------

    def detect(self, ctx: DocumentContext) -> Iterator[Issue]:
        options = engine_options(self.option_families())
        text = ctx.document.text
        kept = [f for f in self.findings(ctx, options)
                if self.reports(f) and not name_filtered(f) and not clitic_misread(f, text)
                and not indicative_conjunction(f, text) and not adjective_range(f, text)
                and not pouvoir_passive(f, text) and not ready_to(f, text)]
        for group in group_actions(kept):
            yield self._issue(group, text)

    def findings(self, ctx: DocumentContext, options: Mapping[str, bool]) -> Iterator[Finding]:
        """Every error Grammalecte reports with the engine ``options``, paragraph by paragraph,
        at document offsets and in order, before rule selection (the errors that straddle two of
        our sentences are dropped: an issue never stretches over a sentence end). Work is bounded
        (see :func:`bounded_parts`): no input makes Grammalecte's time grow faster than its length."""
        engine = _checker().getGCEngine()
        text = ctx.document.text
        for sentences in bounded_parts(_paragraphs(ctx.sentences)):
            base, stop = sentences[0].start, sentences[-1].end
            errors = sorted(
                engine.parse(_mask_dateline(text[base:stop]), "FR", dOptions=dict(options)),
                key=lambda e: (e["nStart"], e["nEnd"]),
            )
            for error in errors:
                finding = _finding(error, base, sentences, text)
                if finding is not None:
                    yield finding

    def _issue(self, group: Sequence[Finding], text: str) -> Issue:
        """One issue for the actions of one match: the span covering them all, the message and
        category of the first action, its fix applied to that span ("Il vont" -> "Il va")."""
        primary = min(group, key=lambda f: f.action)
        start, end = min(f.start for f in group), max(f.end for f in group)
        suggestion = primary.suggestion
        if suggestion is not None and (start, end) != (primary.start, primary.end):
            suggestion = text[start : primary.start] + suggestion + text[primary.end : end]
        return self.issue(
            primary.sentence, start, end, primary.category, Severity.MINOR,
            f"GRAMMALECTE-{primary.family.upper()}", primary.message, suggestion, doc_text=text,
        )


# "La réunion c'est tenue": «c'» after the subject is «s'» misspelt; Grammalecte takes it for the
# subject and makes the participle masculine singular (the contractions detector gives «s'est»).
_SUBJECT_THEN_CE = re.compile(r"\w\s+[cC]['’](?:est|était|étaient|sont)\s+$")


def clitic_misread(finding: Finding, text: str) -> bool:
    """A participle agreed with «c'» where a subject stands before «c'est» (see above)."""
    return finding.family == "ppas" and "“c’”" in finding.message and bool(
        _SUBJECT_THEN_CE.search(text, max(0, finding.start - 40), finding.start))


# The «que» (and the word before it) that opens the clause of a flagged verb.
_QUE_BEFORE = re.compile(r"(?i)(\w+)\s+qu(?:e\b|['’])(?!.*\bqu(?:e\b|['’]))", re.DOTALL)


def indicative_conjunction(finding: Finding, text: str) -> bool:
    """A subjunctive asked for in a clause that a conjunction taking the indicative opens ("il
    vous sera demandé chaque fois que vous souhaitez": Grammalecte reads «demandé … que»)."""
    if finding.family != "vmode" or "subjonctif" not in finding.message:
        return False
    match = _QUE_BEFORE.search(text, finding.sentence.start, finding.start)
    return match is not None and match.group(1).lower() in INDICATIVE_QUE_ENDS


# The word before a flagged «à», or before the «à» before a flagged word.
_RANGE_BEFORE = re.compile(r"(\w+)\s+(?:[àÀ]\s+)?$")


def adjective_range(finding: Finding, text: str) -> bool:
    """«à» read as «a» in a range of adjectives ("d'intensité modérée à élevée": «élevée» is an
    adjective here, not the participle of «a élevé»): both fixes Grammalecte offers, «a» and
    «élever»."""
    if finding.family != "conf":
        return False
    at_a = text[finding.start : finding.start + 1] in ("à", "À")
    match = _RANGE_BEFORE.search(text, max(finding.sentence.start, finding.start - 30), finding.start)
    return (match is not None and match.group(1).lower() in RANGE_ADJECTIVES
            and (at_a or match.group().rstrip()[-1:] in ("à", "À")))


# «peut être» / «peuvent être» then a participle in -é, -i, -u ("peut être déployé").
_POUVOIR_ETRE = re.compile(
    r"(?i)(\w+)\s+(?:peut|peuvent|pourrait|pourraient)\s+être\s+\w+(?:é|i|u)(?:e|s|es)?\b"
)
# Auxiliaries before which «peut être» is the adverb «peut-être» ("il a peut être oublié").
_AUXILIARIES = frozenset("a ont avait avaient aura auront est sont était étaient sera seront".split())


def pouvoir_passive(finding: Finding, text: str) -> bool:
    """«peut être» + participle read as the adverb «peut-être» ("Gestion des API Azure peut être
    déployé", a product name without its article): a passive of «pouvoir», unless an auxiliary
    stands before it («il a peut être oublié» is the adverb)."""
    if finding.family != "conf" or finding.suggestion is None or "peut-être" not in finding.suggestion:
        return False
    match = _POUVOIR_ETRE.match(text, _word_start(text, finding.start))
    return match is not None and match.group(1).lower() not in _AUXILIARIES


_PRET_A = re.compile(r"(?i)prête?s?\s+à\s")


def ready_to(finding: Finding, text: str) -> bool:
    """«prêt à» read as «près de» ("son équipe est très prête à donner"): «prêt à» + infinitive
    is the adjective's own construction, whatever stands before it."""
    return finding.family == "conf" and finding.suggestion is not None and (
        finding.suggestion.lower().startswith("près")
    ) and _PRET_A.match(text, finding.start) is not None


def _word_start(text: str, at: int) -> int:
    """The start of the word before ``at`` (the word before the flagged «peut»)."""
    k = at
    while k > 0 and text[k - 1].isspace():
        k -= 1
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "-’'"):
        k -= 1
    return k


def name_filtered(finding: Finding) -> bool:
    """Agreement errors next to a capitalised word: names the lexicon does not know ("la Pan Am",
    "les Tutsi"), never reported."""
    return finding.near_name and finding.family in _NAME_SENSITIVE


_MAX_GAP = 40  # characters between two words one rule match flags


def group_actions(findings: Sequence[Finding]) -> list[list[Finding]]:
    """The findings (in order) grouped by rule match: Grammalecte reports each alternative fix of
    one error as its own error ("Il vont": "Il" -> "Ils" and "vont" -> "va"); consecutive
    findings of one rule branch in one sentence, close together, are one match."""
    groups: list[list[Finding]] = []
    for finding in findings:
        last = groups[-1][-1] if groups else None
        if (
            last is not None
            and last.rule == finding.rule
            and last.sentence == finding.sentence
            and finding.start - last.end <= _MAX_GAP
        ):
            groups[-1].append(finding)
        else:
            groups.append([finding])
    return groups


def _finding(
    error: Mapping[str, Any], base: int, sentences: Sequence[Sentence], text: str
) -> Finding | None:
    start, end = base + int(error["nStart"]), base + int(error["nEnd"])
    sentence = next((s for s in sentences if s.start <= start < s.end), None)
    if sentence is None or end > sentence.end:
        return None  # Grammalecte's sentence split differs from ours: drop, never stretch
    rule_id = str(error.get("sRuleId", ""))
    if _not_a_missing_space(rule_id, text, start, end) or _misread_pair(text, start, end):
        return None
    rule = rule_key(rule_id)
    family = family_of(error)
    if family not in _CODE_FAMILIES:
        family = "notype"  # a family this version of mt-check does not know: still a declared code
    span = text[start:end]
    suggestions = [str(s) for s in error.get("aSuggestions") or []]
    category = category_of(rule, family)
    if suggestions and _accent_on_capital(span, suggestions[0]):
        category = Category.TYPOGRAPHY  # "A noter" -> "À noter": capital accents are house style
    return Finding(
        rule=rule,
        action=_action_number(rule_id),
        line_id=str(error.get("sLineId", "")),
        family=family,
        category=category,
        sentence=sentence,
        start=start,
        end=end,
        message=str(error.get("sMessage") or f"Grammalecte rule {rule}"),
        suggestion=_suggestion(span, suggestions),
        near_name=_near_name(text, start, end, sentence.start),
    )


_WORD_BEFORE_STOP = re.compile(r"(\w+)[.]$")
# Pronoun + verb pairs Grammalecte misreads, each reported by another detector with its fix:
# "ce" before a form of "être" that starts with a vowel ("Ce est": Grammalecte takes "ce" for a
# determiner and suggests "Cet est", "Ce étai"; contractions: "C’est"), and "se" before a vowel
# form of "avoir" ("se ont": Grammalecte suggests the elision "s’ont"; verbforms: "se sont"); and
# "qu'il et sa famille" (a subject pronoun coordinated with a noun: Grammalecte suggests "qu'il
# ait"; constructions: "que lui et sa famille").
_MISREAD_PAIRS = re.compile(
    r"(?<!\w)(?:([Cc]e)\s+(est|était|étaient|eût|eut|étant)"
    r"|([Ss]e)\s+(a|ont|avait|avaient|aura|auront|aurait|auraient|eut|eurent|ait|aient|ayant|avoir)"
    r"|(qu['’](?:il|ils))\s+(et)(?=\s+(?:le|la|les|l['’]|sa|son|ses|leur|leurs|moi|toi|lui|elle|elles|eux|nous|vous|[A-Z])))"
    r"(?!\w)"
)


def _misread_pair(text: str, start: int, end: int) -> bool:
    """Whether the flag is on one word of a pair in ``_MISREAD_PAIRS``, or on both (Grammalecte's
    span may take the space after the word: "se ")."""
    while end > start and text[end - 1].isspace():
        end -= 1
    for match in _MISREAD_PAIRS.finditer(text, max(0, start - 8), min(len(text), end + 10)):
        first, second = (1, 2) if match.group(1) else (3, 4) if match.group(3) else (5, 6)
        spans = {(match.start(first), match.end(first)), (match.start(second), match.end(second)),
                 (match.start(), match.end())}
        if (start, end) in spans:
            return True
    return False


def _not_a_missing_space(rule: str, text: str, start: int, end: int) -> bool:
    """Grammalecte's missing-space rules flag the word glued after a punctuation mark; these are
    not missing spaces: a digit after a comma or colon ("M5,7", "10:30": a decimal, a time), an
    upper-case code after a colon ("NYSE:SNAP"), a URL's query ("?lang=fr"), and after a full
    stop anything but a sentence start, i.e. a capitalised word after a word of two letters or
    more ("rec.arts.movies", "D.III", "fichier.txt" are names; "déclaré.Ce" is the error: two
    sentences run together); a space before a full stop glued to the next word, unless that
    word is capitalised ("fin .Puis"; not "le fichier .mdb")."""
    name = rule_name(rule)
    word = text[start:end]
    if name == "typo_espace_manquant_après1":
        return word[:1].isdigit() or (word.isupper() and text[max(0, start - 2) : start - 1].isupper())
    if name == "typo_espace_manquant_après2":
        return text[end : end + 1] in ("=", "&")  # "?lang=fr": a URL's query string
    if name == "typo_espace_manquant_après3":
        before = _WORD_BEFORE_STOP.search(text, max(0, start - 60), start)
        capitalised = (word[:1].isupper() and not word.isupper()) or (len(word) == 1 and word.isupper())
        return not capitalised or before is None or len(before.group(1)) < 2
    if name == "typo_point_collé_à_mot_suivant":
        # "fin .Puis" is two sentences; "fichier .mdb", "version .5" are a file type, a number
        following = text[end : end + 2]  # a file type has two letters or more ("du .m." is one)
        return not following[:1].isalpha() or not following[:1].isupper() and following.isalpha()
    return False


# Preposition + article that French contracts: machine translation leaves them apart ("dues à
# les pertes"); Grammalecte, written for human typos, suggests "a les" first, then "aux".
_CONTRACTIONS = {"à le": "au", "à les": "aux", "de le": "du", "de les": "des"}


def _suggestion(span: str, suggestions: Sequence[str]) -> str | None:
    """Grammalecte's first suggestion, or the contraction of an uncontracted article when it is
    among them; None when there is none or it changes nothing."""
    contracted = _CONTRACTIONS.get(span.lower())
    if contracted is not None and contracted in suggestions:
        return contracted
    return suggestions[0] if suggestions and suggestions[0] != span else None


# "JAKARTA - Les lignes…": the dateline hides the sentence start from Grammalecte's noun-phrase
# rules; blanking it (same length, offsets unchanged) lets them see "Les lignes…" as the start.
_DATELINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý .'\-]{2,}(?:\([^)]*\))?\s+[-–—]\s+")


def _mask_dateline(paragraph: str) -> str:
    match = _DATELINE.match(paragraph)
    return " " * match.end() + paragraph[match.end() :] if match else paragraph


def _action_number(rule: str) -> int:
    match = _ACTION.search(rule)
    return int(match.group(1)) if match else 0


# Grammalecte's time grows with the square of a run without spaces (10,000 repeated characters:
# 5 s; 20,000: 20 s). A paragraph longer than PARAGRAPH_LIMIT goes through it one sentence at a
# time (our sentences are at most segment.MAX_SENTENCE characters, cut at spaces where there are
# some), and a sentence longer than SENTENCE_LIMIT (a single grapheme cluster of thousands of
# combining marks) is not given to it at all: see too_long_for_grammalecte().
PARAGRAPH_LIMIT = 3000
SENTENCE_LIMIT = 2000


def too_long_for_grammalecte(sentence: Sentence) -> str | None:
    """Why Grammalecte skips ``sentence`` (for its ``errors``), or None when it checks it."""
    if len(sentence.text) <= SENTENCE_LIMIT:
        return None
    return (
        f"grammalecte: not checked, {len(sentence.text):,} characters "
        f"(the limit is {SENTENCE_LIMIT:,} per sentence)"
    )


def bounded_parts(paragraphs: Iterator[list[Sentence]]) -> Iterator[list[Sentence]]:
    """The runs of sentences Grammalecte parses at once: a paragraph whole when it is at most
    PARAGRAPH_LIMIT characters long, else each of its sentences alone; without the sentences
    :func:`too_long_for_grammalecte` refuses."""
    for sentences in paragraphs:
        short = sentences[-1].end - sentences[0].start <= PARAGRAPH_LIMIT
        if short and all(too_long_for_grammalecte(s) is None for s in sentences):
            yield sentences
            continue
        for sentence in sentences:
            if too_long_for_grammalecte(sentence) is None:
                yield [sentence]


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


__all__ = [
    "ANY_RULE",
    "INSTALL_HINT",
    "RULES_TABLE",
    "Finding",
    "GrammalecteDetector",
    "RuleDecision",
    "RuleTable",
    "all_families",
    "category_of",
    "engine_options",
    "engine_version",
    "family_of",
    "group_actions",
    "load_rule_table",
    "name_filtered",
    "options_for",
    "rule_key",
    "rule_name",
    "rule_lines",
    "rule_options",
    "typo_error_rules",
]
