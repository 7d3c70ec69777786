"""Measure every Grammalecte rule and decide, rule by rule, which ones mt-check reports.

Runs Grammalecte with every option on (all families, typography included; its spell checker is
never used) over

- real machine-translated French with gold errors (``../shared/eval/mt_dev.gold.jsonl``):
  per rule (Grammalecte's ``sRuleId`` without its action suffix, ``rule_key``: the actions of
  one rule branch are alternative fixes of one match, reported as one issue), the flags and how
  many overlap a gold error (any layer, as ``mt-check evaluate`` counts a correct issue: a
  zero-length gold span counts when a flag touches it), and the distinct pages (record ``url``)
  where it was right;
- correct French (UD French-Sequoia dev, 412 proof-read sentences, and UD French-GSD dev, 1,476
  web sentences): every flag counts as false, except flags on the tokens the treebanks
  themselves mark as typos (``Typo=Yes``, with their ``CorrectForm``: 83 in GSD dev, 4 in
  Sequoia dev), which count apart (``typo_flags``: right). GSD holds more real typos than it
  marks ("mise de coté", "et il surmonté d'un oculus", "St.John"): the thresholds allow for
  a few.

The text goes through what the pipeline and the detector do to it (segmentation, French
sentences only, paragraphs, dateline masking, errors straddling two sentences dropped, the
missing-space false alarms, the name filter of the agreement rules), so a rule's counts are what
the detector would report for it. Flags whose only fix is an accent on a capital ("A" -> "À")
are typography whatever their rule and are left out of the counts (the script prints them).

Inside the engine one error per position survives (the highest priority), so with other options
on a rule can be hidden, or hide another: after deciding on the every-option run, the script
runs again with the options the decisions switch on (what the detector will run), adds the new
flags (a rule counts each flag it raised in any run), and decides again, until the options are
ones it already ran. It then runs the detector as the table configures it and checks that no
reported rule raises more flags than the table counts.

Decision, per measured rule id (``decide_rule``):

1. typography pedantry (category typography: non-breaking spaces, apostrophe and quote styles,
   dashes, ordinals, superfluous spaces, accents on capitals…) -> drop, off by default whatever
   the counts (``typography=True`` reports it);
2. a rule another detector owns (``doublon``: structure), or of an option Grammalecte itself
   marks "[!]" (many false flags: ocr, mapos, neg, poncfin, redon1/2, mc) -> drop;
3. correct French sets it off: more than ``MAX_SEQUOIA`` (1) flags in Sequoia, more than
   ``MAX_GSD`` (2) in GSD, or more flags on correct French than on the MT set (a rule that only
   ever fired on correct French is dropped) -> drop;
4. its MT flags are not mostly right (under ``MIN_PRECISION`` = 60% overlap a gold error, or
   none does) -> drop;
5. its right flags come from ``MIN_PAGES`` (2) pages or more -> keep; from one page: keep when
   its group (the rules of its family in its category) is right ``MIN_PRECISION`` of the time on
   two pages or more, or when its family's unmeasured rules are kept anyway (next paragraph: a
   rule right once is no weaker than a rule never seen); else drop. One page's evidence alone
   (the same error repeated in one article) does not keep a rule.

A rule absent from the table (it never fired anywhere; the ``typo`` rules that mark real errors,
listed by name in the detector, get a row even then), and a rule with no MT flag and no false
flag (right only on marked typos), follows its family's row (rule ``*``). A
family's unmeasured rules are kept when the family finds errors (agreement, grammar, spelling,
punctuation, number; not style, typography, optional commas, Grammalecte's "[!]" options, nor a
family another detector owns), and its rules are not expected to flag correct French often: the
Good-Turing estimate of what its unseen rules flag -- the number of its rules that flagged
exactly one correct sentence and nothing else -- is at most ``MAX_SEQUOIA_SINGLETONS`` (0:
Sequoia is proof-read, and one such rule there predicts 0.25 false flags per 100 sentences, half
the detector's budget of 0.5) and ``MAX_GSD_SINGLETONS`` (7, 0.5 per 100 GSD sentences: half the
detector's budget there; GSD's flags of the error families are in good part the web text's own
unmarked typos), and its pooled MT flags, when
there are ``MIN_FAMILY_FLAGS`` (3) or more, are right at least ``MIN_FAMILY_PRECISION`` (50%) of
the time.

Held-out estimates the script prints: leave one MT page out (decide without the page, the
correct-French counts unchanged, and score the kept rules on that page; summed over pages), and
leave one correct sentence out (decide without the sentence, count the kept rules' flags on it):
in-sample counts only show what the table memorised.

Usage (from the repository root; writes ``mt_check/detectors/grammalecte_rules.tsv``; about a
minute):

    .venv/bin/python benchmarks/grammalecte_rules.py
    .venv/bin/python benchmarks/grammalecte_rules.py --check   # recompute and compare, write nothing
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from mt_check import language  # noqa: E402
from mt_check.detectors import grammalecte as glc  # noqa: E402
from mt_check.detectors.base import DocumentContext  # noqa: E402
from mt_check.segment import segment  # noqa: E402
from mt_check.types import Category, Document  # noqa: E402

SHARED = REPO.parent / "shared"
MT_DEV = SHARED / "eval" / "mt_dev.gold.jsonl"
SEQUOIA = SHARED / "data" / "ud_french_sequoia" / "fr_sequoia-ud-dev.conllu"
GSD = SHARED / "data" / "ud_french_gsd" / "fr_gsd-ud-dev.conllu"
CLEAN = ("sequoia", "gsd")

MAX_SEQUOIA = 1  # a rule's flags in 412 proof-read sentences
MAX_GSD = 2  # a rule's flags in 1,476 web sentences (which hold a few real typos)
MIN_PRECISION = 0.6  # share of a rule's (or group's) MT flags that overlap a gold error
MIN_PAGES = 2  # distinct MT pages with a right flag
# A family's rules seen once in Sequoia and nowhere else (Sequoia is proof-read: one such rule
# predicts 0.25 false flags per 100 sentences from the family's unseen rules, half the detector's
# budget of 0.5), and in GSD (7: 0.5 per 100, half its budget of 1 there; the GSD flags of the
# error families are in good part the web text's own unmarked typos).
MAX_SEQUOIA_SINGLETONS = 0
MAX_GSD_SINGLETONS = 7
MIN_FAMILY_FLAGS = 3  # MT flags a family needs before its precision counts
MIN_FAMILY_PRECISION = 0.5
# Families whose unmeasured rules may be kept: those that find errors.
ERROR_CATEGORIES = frozenset(
    {Category.AGREEMENT, Category.GRAMMAR, Category.SPELLING, Category.PUNCTUATION, Category.NUMBER}
)
# Error-looking families whose flags are advice, not errors an editor would certainly fix.
NOT_CERTAIN = {"virg": "optional commas (before mais, car, etc.): advice, not certain errors"}
COLUMNS = (
    "rule", "line_id", "family", "category", "mt_flags", "mt_correct", "mt_pages",
    "sequoia_flags", "gsd_flags", "typo_flags", "decision", "criterion",
)


# -- data ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    id: str
    page: str  # the record's url ("" for the treebanks)
    text: str
    errors: tuple[tuple[int, int], ...]  # gold spans


def read_mt(path: Path) -> list[Text]:
    texts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            errors = tuple((int(e["start"]), int(e["end"])) for e in record.get("errors", []))
            page = str(record.get("url", record["id"]))
            texts.append(Text(str(record["id"]), page, record["text"], errors))
    return texts


def read_treebank(path: Path) -> list[Text]:
    """Each ``# text =`` sentence, its "errors" being the tokens the treebank itself marks as
    typos (``Typo=Yes``: GSD dev has 83, Sequoia dev 4): a flag there is right, not false."""
    texts: list[Text] = []
    sent_id, text, rows = "", None, []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("# sent_id ="):
            sent_id = line.split("=", 1)[1].strip()
        elif line.startswith("# text ="):
            text = line.split("=", 1)[1].strip()
        elif line and not line.startswith("#"):
            rows.append(line.split("\t"))
        elif not line and text is not None:
            texts.append(Text(sent_id or f"{path.name}:{len(texts)}", "", text, _typos(text, rows)))
            sent_id, text, rows = "", None, []
    return texts


def _typos(text: str, rows: Sequence[Sequence[str]]) -> tuple[tuple[int, int], ...]:
    """Character spans of the surface tokens marked ``Typo=Yes`` (a contraction's "au" when one of
    its words is)."""
    spans = []
    cursor = 0
    ranges = {}
    for row in rows:
        if "-" in row[0]:
            first, last = (int(x) for x in row[0].split("-"))
            ranges.update(dict.fromkeys(range(first, last + 1), row[0]))
    typo_ids = {r[0] for r in rows if "Typo=Yes" in r[5]}
    typo_ids |= {ranges[int(i)] for i in list(typo_ids) if i.isdigit() and int(i) in ranges}
    for row in rows:
        if "." in row[0] or (row[0].isdigit() and int(row[0]) in ranges):
            continue  # empty nodes, words of a contraction (the contraction's row has the surface)
        at = text.find(row[1], cursor)
        if at < 0:
            continue
        cursor = at + len(row[1])
        if row[0] in typo_ids:
            spans.append((at, cursor))
    return tuple(spans)


def context(text: Text) -> DocumentContext:
    """What the pipeline hands the detector: the document's French sentences."""
    document = Document(text.id, text.text)
    french = tuple(s for s in segment(document) if language.detect(s.text) == language.FRENCH)
    return DocumentContext(document, french, (None,) * len(french))


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """mt_check.evaluate's overlap: shared characters, or touching when either is a position."""
    if a_start == a_end or b_start == b_end:
        return a_start <= b_end and b_start <= a_end
    return a_start < b_end and b_start < a_end


def hits_of(text: Text, start: int, end: int) -> frozenset[tuple[str, int]]:
    """The gold errors (text id, index) a flag over ``[start, end)`` overlaps."""
    return frozenset((text.id, i) for i, (s, e) in enumerate(text.errors) if overlaps(start, end, s, e))


# -- counting ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleCounts:
    rule: str
    line_id: str
    family: str
    category: Category
    mt_flags: Mapping[str, int] = field(default_factory=dict)  # page -> flags
    mt_correct: Mapping[str, int] = field(default_factory=dict)  # page -> flags on a gold error
    clean: Mapping[str, Mapping[str, int]] = field(default_factory=dict)  # corpus -> sentence -> false flags
    typos: int = 0  # flags on correct French that fall on a typo the treebank marks (right)

    @property
    def group(self) -> tuple[str, Category]:
        return (self.family, self.category)

    def flags(self) -> int:
        return sum(self.mt_flags.values())

    def correct(self) -> int:
        return sum(self.mt_correct.values())

    def pages(self) -> int:
        return sum(1 for n in self.mt_correct.values() if n)

    def clean_flags(self, corpus: str) -> int:
        return sum(self.clean.get(corpus, {}).values())

    def singleton_in(self) -> str | None:
        """The corpus where this rule flagged exactly one sentence, when it flagged nothing else."""
        sentences = [(c, s) for c, per in self.clean.items() for s, n in per.items() if n]
        return sentences[0][0] if len(sentences) == 1 and self.flags() == 0 else None

    def without_page(self, page: str) -> RuleCounts:
        return replace(
            self,
            mt_flags={p: n for p, n in self.mt_flags.items() if p != page},
            mt_correct={p: n for p, n in self.mt_correct.items() if p != page},
        )

    def without_sentence(self, corpus: str, sentence: str) -> RuleCounts:
        clean = {
            c: {s: n for s, n in per.items() if (c, s) != (corpus, sentence)} for c, per in self.clean.items()
        }
        return replace(self, clean=clean)


@dataclass(frozen=True)
class Flag:
    """One error Grammalecte reported, as the detector would."""

    corpus: str
    page: str
    text: str  # the text's id
    rule: str
    line_id: str
    family: str
    start: int
    end: int
    hits: frozenset[tuple[str, int]]  # the gold errors it overlaps: (text id, index)


@dataclass
class Tally:
    flags: list[Flag] = field(default_factory=list)  # the union over runs
    capital_accents: Counter[str] = field(default_factory=Counter)  # corpus -> flags
    name_filtered: Counter[tuple[str, str, bool]] = field(default_factory=Counter)  # (corpus, family, right)
    gold: Counter[str] = field(default_factory=Counter)  # page -> gold errors
    texts: Counter[str] = field(default_factory=Counter)  # corpus -> texts
    sentences: Counter[str] = field(default_factory=Counter)  # corpus -> French sentences checked
    rules: dict[str, RuleCounts] = field(default_factory=dict)  # from ``flags`` (see ``count``)

    _seen: dict[tuple[str, str, str], list[Flag]] = field(default_factory=lambda: defaultdict(list))

    def add(self, flag: Flag) -> None:
        """Add a flag unless a run already had it (the same rule over an overlapping span: one
        run may have hidden one of the match's actions)."""
        same = self._seen[flag.corpus, flag.text, flag.rule]
        if not any(overlaps(flag.start, flag.end, f.start, f.end) for f in same):
            same.append(flag)
            self.flags.append(flag)

    def count(self) -> None:
        """Per-rule counts from the flags (and a zero row for each listed typo rule)."""
        flags: dict[str, Counter[str]] = defaultdict(Counter)
        correct: dict[str, Counter[str]] = defaultdict(Counter)
        clean: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
        typos: Counter[str] = Counter()
        first: dict[str, Flag] = {}
        for flag in self.flags:
            first.setdefault(flag.rule, flag)
            if flag.corpus == "mt":
                flags[flag.rule][flag.page] += 1
                correct[flag.rule][flag.page] += bool(flag.hits)
            elif flag.hits:
                typos[flag.rule] += 1
            else:
                clean[flag.rule][flag.corpus][flag.text] += 1
        self.rules = {
            rule: RuleCounts(
                rule, flag.line_id, flag.family, glc.category_of(rule, flag.family),
                dict(flags[rule]), dict(correct[rule]), {c: dict(per) for c, per in clean[rule].items()},
                typos[rule],
            )  # fmt: skip
            for rule, flag in first.items()
        }
        lines = glc.rule_lines()
        for rule in sorted(glc.typo_error_rules() - set(self.rules)):
            self.rules[rule] = RuleCounts(rule, lines.get(rule, "-"), "typo", glc.category_of(rule, "typo"))

    def page_flags(self, page: str) -> list[Flag]:
        return [f for f in self.flags if f.corpus == "mt" and f.page == page]


def tally(
    corpora: Mapping[str, Sequence[Text]], options: Mapping[str, bool], into: Tally | None = None
) -> Tally:
    """Add the flags of a run with the engine ``options`` to ``into`` (a new tally by default)."""
    detector = glc.GrammalecteDetector()
    result = into or Tally()
    first_run = into is None
    for corpus, texts in corpora.items():
        for text in texts:
            ctx = context(text)
            if first_run:
                result.texts[corpus] += 1
                result.sentences[corpus] += len(ctx.sentences)
                if corpus == "mt":
                    result.gold[text.page] += len(text.errors)
            kept = []
            for finding in detector.findings(ctx, options):
                if first_run and finding.near_name:
                    right = bool(hits_of(text, finding.start, finding.end))
                    result.name_filtered[corpus, finding.family, right] += 1
                if glc.name_filtered(finding):
                    continue
                if finding.category is Category.TYPOGRAPHY and (
                    glc.category_of(finding.rule, finding.family) is not Category.TYPOGRAPHY
                ):
                    result.capital_accents[corpus] += first_run
                    continue
                kept.append(finding)
            for group in glc.group_actions(kept):  # one flag per match, as the detector reports it
                primary = min(group, key=lambda f: f.action)
                start, end = min(f.start for f in group), max(f.end for f in group)
                result.add(Flag(corpus, text.page, text.id, primary.rule, primary.line_id, primary.family,
                                start, end, hits_of(text, start, end)))  # fmt: skip
    result.count()
    return result


# -- deciding ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    keep: bool
    criterion: str


Groups = Mapping[tuple[str, Category], Sequence[RuleCounts]]


def groups_of(rules: Iterable[RuleCounts]) -> dict[tuple[str, Category], list[RuleCounts]]:
    groups: dict[tuple[str, Category], list[RuleCounts]] = defaultdict(list)
    for counts in rules:
        groups[counts.group].append(counts)
    return groups


def pooled(rules: Iterable[RuleCounts]) -> tuple[int, int, int]:
    """(MT flags, right flags, pages with a right flag) over ``rules``."""
    flags = correct = 0
    pages: set[str] = set()
    for counts in rules:
        flags, correct = flags + counts.flags(), correct + counts.correct()
        pages |= {p for p, n in counts.mt_correct.items() if n}
    return flags, correct, len(pages)


def decide_family(family: str, groups: Groups) -> Decision:
    """The decision for a family's rules absent from the table (its row ``*``)."""
    return decide_group(family, glc.category_of("", family), groups)


def decide_group(family: str, category: Category, groups: Groups) -> Decision:
    """The decision for the unmeasured rules of a family in a category."""
    if category not in ERROR_CATEGORIES:
        return Decision(False, f"{category.value} family")
    if family in glc.RISKY_FAMILIES:
        return Decision(False, "Grammalecte marks the option [!] (many false flags)")
    if family in glc.OWNED_ELSEWHERE:
        return Decision(False, glc.OWNED_ELSEWHERE[family])
    if family in NOT_CERTAIN:
        return Decision(False, NOT_CERTAIN[family])
    members = groups.get((family, category), [])
    singletons = Counter(c.singleton_in() for c in members)
    flags, correct, pages = pooled(members)
    seen = f"{singletons['sequoia']} Sequoia + {singletons['gsd']} GSD rules seen once in correct French"
    if singletons["sequoia"] > MAX_SEQUOIA_SINGLETONS or singletons["gsd"] > MAX_GSD_SINGLETONS:
        return Decision(False, f"unseen rules would flag correct French: {seen}")
    if flags >= MIN_FAMILY_FLAGS and correct / flags < MIN_FAMILY_PRECISION:
        return Decision(False, f"family right {correct}/{flags} on MT")
    return Decision(True, f"error family; {seen}; family right {correct}/{flags} on MT ({pages} pages)")


def decide_rule(counts: RuleCounts, groups: Groups, families: Mapping[str, Decision]) -> Decision:
    """The decision for one measured rule."""
    if counts.category is Category.TYPOGRAPHY:
        return Decision(False, "typography pedantry: house style, off by default (typography=True)")
    if counts.family in glc.OWNED_ELSEWHERE:
        return Decision(False, glc.OWNED_ELSEWHERE[counts.family])
    if counts.family in glc.RISKY_FAMILIES:
        return Decision(False, "Grammalecte marks the option [!] (many false flags)")
    flags, correct, pages = counts.flags(), counts.correct(), counts.pages()
    sequoia, gsd = counts.clean_flags("sequoia"), counts.clean_flags("gsd")
    if sequoia > MAX_SEQUOIA or gsd > MAX_GSD or sequoia + gsd > flags:
        return Decision(False, f"flags correct French: {sequoia} Sequoia + {gsd} GSD vs {flags} MT")
    if flags == 0:  # no MT flag and no false flag (a listed typo rule, a rule right on a marked typo)
        group = decide_group(counts.family, counts.category, groups)
        seen = f"right on {counts.typos} marked typos" if counts.typos else "never fired"
        return Decision(group.keep, f"{seen}; as its group's unmeasured rules: {group.criterion}")
    if correct == 0 or correct / flags < MIN_PRECISION:
        return Decision(False, f"MT flags right {correct}/{flags} < {MIN_PRECISION:.0%}")
    if pages >= MIN_PAGES:
        return Decision(True, f"right {correct}/{flags} on {pages} pages; {sequoia + gsd} clean flags")
    g_flags, g_correct, g_pages = pooled(groups[counts.group])
    if g_pages >= MIN_PAGES and g_correct / g_flags >= MIN_PRECISION:
        return Decision(True, f"right {correct}/{flags} on 1 page; its group right {g_correct}/{g_flags} "
                              f"on {g_pages} pages; {sequoia + gsd} clean flags")  # fmt: skip
    family = families.get(counts.family)
    if family is not None and family.keep:
        return Decision(True, f"right {correct}/{flags} on 1 page; its family's unmeasured rules are kept; "
                              f"{sequoia + gsd} clean flags")  # fmt: skip
    return Decision(False, f"right {correct}/{flags} on 1 page only; its group right {g_correct}/{g_flags} "
                           f"on {g_pages} pages; its family's unmeasured rules are dropped")  # fmt: skip


def decisions(rules: Mapping[str, RuleCounts], family_names: Iterable[str]
              ) -> tuple[dict[str, Decision], dict[str, Decision]]:  # fmt: skip
    groups = groups_of(rules.values())
    families = {family: decide_family(family, groups) for family in family_names}
    return {rule: decide_rule(counts, groups, families) for rule, counts in rules.items()}, families


def kept(rule: str, family: str, rules: Mapping[str, Decision], families: Mapping[str, Decision]) -> bool:
    decision = rules.get(rule) or families.get(family)
    return decision is not None and decision.keep


# -- the table -----------------------------------------------------------------------------------


def table_rows(
    result: Tally, rules: Mapping[str, Decision], families: Mapping[str, Decision]
) -> list[list[str]]:
    def row(rule: str, line: str, family: str, category: Category, members: Sequence[RuleCounts],
            decision: Decision) -> list[str]:  # fmt: skip
        flags, correct, pages = pooled(members)
        sequoia = sum(c.clean_flags("sequoia") for c in members)
        gsd = sum(c.clean_flags("gsd") for c in members)
        typos = sum(c.typos for c in members)
        cells = [rule, line, family, category.value, flags, correct, pages, sequoia, gsd, typos,
                 glc.KEEP if decision.keep else glc.DROP, decision.criterion]  # fmt: skip
        return [str(c) for c in cells]

    rows = [
        row(rule, c.line_id, c.family, c.category, [c], rules[rule])
        for rule, c in sorted(result.rules.items(), key=lambda item: (item[1].family, item[0]))
    ]
    groups = groups_of(result.rules.values())
    for family in sorted(families):
        category = glc.category_of("", family)
        members = groups.get((family, category), [])
        rows.append(row(glc.ANY_RULE, "-", family, category, members, families[family]))
    return rows


def write_table(path: Path, rows: list[list[str]], header: list[str]) -> None:
    for cells in rows:
        assert not any("\t" in c or "\n" in c for c in cells), cells
    lines = [f"# {h}" for h in header] + ["\t".join(COLUMNS)] + ["\t".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def load_rows(path: Path) -> dict[str, list[str]]:
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("rule\t"):
            cells = line.split("\t")
            rows[cells[0] if cells[0] != glc.ANY_RULE else f"*{cells[2]}"] = cells
    return rows


# -- estimates -----------------------------------------------------------------------------------


def in_sample(
    result: Tally, rules: Mapping[str, Decision], families: Mapping[str, Decision]
) -> dict[str, int]:
    totals: Counter[str] = Counter()
    found: set[tuple[str, int]] = set()
    for flag in result.flags:
        if flag.corpus == "mt" and kept(flag.rule, flag.family, rules, families):
            totals["mt_flags"] += 1
            totals["mt_correct"] += bool(flag.hits)
            found |= flag.hits
    totals["gold_found"] = len(found)
    totals["gold"] = sum(result.gold.values())
    for counts in result.rules.values():
        if kept(counts.rule, counts.family, rules, families):
            for corpus in CLEAN:
                totals[f"{corpus}_flags"] += counts.clean_flags(corpus)
    return dict(totals)


def leave_one_page_out(result: Tally, family_names: Sequence[str]) -> dict[str, int]:
    """Decide without each page, score that page: flags, right flags, gold errors found."""
    totals: Counter[str] = Counter()
    for page in sorted(result.gold):
        without = {r: c.without_page(page) for r, c in result.rules.items()}
        without = {r: c for r, c in without.items() if c.flags() or any(c.clean.values())
                   or r in glc.typo_error_rules()}  # fmt: skip
        rules, families = decisions(without, family_names)
        found: set[tuple[str, int]] = set()
        for flag in result.page_flags(page):
            if kept(flag.rule, flag.family, rules, families):
                totals["mt_flags"] += 1
                totals["mt_correct"] += bool(flag.hits)
                found |= flag.hits
        totals["gold_found"] += len(found)
    totals["gold"] = sum(result.gold.values())
    return dict(totals)


def leave_one_sentence_out(result: Tally, family_names: Sequence[str]) -> dict[str, int]:
    """Decide without each correct sentence a rule flagged, count the flags it would get there.
    Only the rule's own group and family are decided again (the others do not change)."""
    totals: Counter[str] = Counter()
    groups = groups_of(result.rules.values())
    families = {family: decide_family(family, groups) for family in family_names}
    for rule, counts in result.rules.items():
        if counts.category is Category.TYPOGRAPHY:
            continue  # never kept
        for corpus, per in counts.clean.items():
            for sentence, n in per.items():
                rest = counts.without_sentence(corpus, sentence)
                seen = bool(rest.flags() or any(rest.clean.values()) or rule in glc.typo_error_rules())
                members = [m for m in groups[counts.group] if m.rule != rule] + ([rest] if seen else [])
                groups_ = {**groups, counts.group: members}
                families_ = {**families, counts.family: decide_family(counts.family, groups_)}
                decision = decide_rule(rest, groups_, families_) if seen else families_[counts.family]
                if decision.keep:
                    totals[f"{corpus}_flags"] += n
    return dict(totals)


def print_summary(result: Tally, rules: Mapping[str, Decision], families: Mapping[str, Decision],
                  family_names: Sequence[str]) -> None:  # fmt: skip
    print("\nper family and category (measured rules):")
    print(f"{'family':10} {'category':12} {'rules':>5} {'kept':>4} {'mt':>4} {'right':>5} {'seq':>4} "
          f"{'gsd':>4}")  # fmt: skip
    for (family, category), members in sorted(groups_of(result.rules.values()).items(), key=lambda g: g[0]):
        flags, correct, _ = pooled(members)
        print(
            f"{family:10} {category.value:12} {len(members):5} {sum(rules[m.rule].keep for m in members):4} "
            f"{flags:4} {correct:5} {sum(m.clean_flags('sequoia') for m in members):4} "
            f"{sum(m.clean_flags('gsd') for m in members):4}"
        )
    print("\nkept rules:")
    for rule, decision in sorted(rules.items()):
        if decision.keep:
            print(f"  {rule}: {decision.criterion}")
    print("family defaults kept (unmeasured rules):", ", ".join(f for f in family_names if families[f].keep))
    print("capital-accent flags left out (typography):", dict(result.capital_accents))
    print("flags next to a capitalised word, (corpus, family, right): count (agreement ones are dropped)")
    for key, n in sorted(result.name_filtered.items()):
        print(f"  {key}: {n}")
    print("\nsentences checked:", dict(result.sentences))
    print("in sample (kept rules, raw flags):", in_sample(result, rules, families))
    print("leave one MT page out:", leave_one_page_out(result, family_names))
    print("leave one correct sentence out:", leave_one_sentence_out(result, family_names))


def verify(corpora: Mapping[str, Sequence[Text]], result: Tally, table: Path) -> int:
    """Run the detector as the table configures it and compare each reported rule's flags with
    the table's counts (which add up every run: a rule may raise fewer with the detector's
    options, never more); return the number of rules with more."""
    glc.load_rule_table.cache_clear()
    detector = glc.GrammalecteDetector()
    started = time.perf_counter()
    run = tally(corpora, glc.engine_options(detector.option_families()))
    elapsed = time.perf_counter() - started
    more = fewer = 0
    for rule, counts in sorted(run.rules.items()):
        if not detector.reports_rule(rule, counts.family, counts.category):
            continue
        table_counts = result.rules.get(rule)

        def numbers(c: RuleCounts | None) -> tuple[int, ...]:
            if c is None:
                return (0, 0, 0, 0)
            return (c.flags(), c.clean_flags("sequoia"), c.clean_flags("gsd"), c.typos)

        if any(a > b for a, b in zip(numbers(counts), numbers(table_counts), strict=True)):
            more += 1
            print(f"  more with the detector's options: {rule}: {numbers(counts)} > {numbers(table_counts)}")
        elif numbers(counts) != numbers(table_counts):
            fewer += 1
    sentences = sum(run.sentences.values())
    print(f"\ndetector's options on: {', '.join(sorted(detector.option_families()))}")
    print(f"detector (findings, with segmentation): {sentences} sentences in {elapsed:.1f} s "
          f"= {sentences / elapsed:.0f} sentences/s; reported rules with more flags than the table counts: "
          f"{more}, with fewer (hidden by another rule in some run): {fewer}")  # fmt: skip
    return more


def measure(corpora: Mapping[str, Sequence[Text]], option_families: Sequence[str]
            ) -> tuple[Tally, dict[str, Decision], dict[str, Decision], list[frozenset[str]]]:  # fmt: skip
    """Count with every option on, decide; count again with the options the decisions switch on
    (adding the flags: a rule counts every flag it raised in any run), decide again, until the
    options are ones already run. Inside the engine one error per position survives (the highest
    priority), so with other options on a rule can be hidden, or hide another."""
    started = time.perf_counter()
    result = tally(corpora, glc.engine_options(option_families))
    elapsed = time.perf_counter() - started
    print(f"all options: {sum(result.texts.values())} texts in {elapsed:.1f} s", file=sys.stderr)
    runs = [frozenset(option_families)]
    while True:
        family_names = sorted(set(option_families) | {c.family for c in result.rules.values()})
        rules, families = decisions(result.rules, family_names)
        on = options_on(rules, families)
        if on in runs:
            return result, rules, families, runs
        runs.append(on)
        started = time.perf_counter()
        tally(corpora, glc.engine_options(on), into=result)
        print(f"options {', '.join(sorted(on))}: {time.perf_counter() - started:.1f} s", file=sys.stderr)


def options_on(rules: Mapping[str, Decision], families: Mapping[str, Decision]) -> frozenset[str]:
    """The Grammalecte options the detector switches on for these decisions (as the detector
    computes them from its table)."""
    kept_rules = {r for r, d in rules.items() if d.keep}
    return glc.options_for(kept_rules, {f for f, d in families.items() if d.keep})


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mt", type=Path, default=MT_DEV, help="gold JSONL of real MT French (with url)")
    parser.add_argument("--sequoia", type=Path, default=SEQUOIA)
    parser.add_argument("--gsd", type=Path, default=GSD)
    parser.add_argument("--out", type=Path, default=glc.RULES_TABLE)
    parser.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    parser.add_argument("--no-verify", action="store_true", help="skip the run with the detector's options")
    args = parser.parse_args(argv)

    corpora = {"mt": read_mt(args.mt), "sequoia": read_treebank(args.sequoia), "gsd": read_treebank(args.gsd)}
    version = glc.engine_version()  # loads Grammalecte (ImportError when it is absent)
    option_families = sorted(glc.all_families())
    result, rules, families, runs = measure(corpora, option_families)
    family_names = sorted(families)
    rows = table_rows(result, rules, families)
    print_summary(result, rules, families, family_names)
    if args.check:
        current, fresh = load_rows(args.out), {r[0] if r[0] != glc.ANY_RULE else f"*{r[2]}": r for r in rows}
        changed = sorted(k for k in set(current) | set(fresh) if current.get(k) != fresh.get(k))
        for key in changed:
            print(f"  changed: {key}: {current.get(key)} -> {fresh.get(key)}")
        print(f"{len(changed)} rows differ from {args.out}")
        return 1 if changed else 0
    options = " ".join(a for a in (sys.argv[1:] if argv is None else argv) if a != "--no-verify")
    header = [
        f"written by: .venv/bin/python benchmarks/grammalecte_rules.py {options}".rstrip(),
        f"grammalecte {version}; read by mt_check/detectors/grammalecte.py (its hash is in the "
        "detector's data version)",
        "runs (flags added up): every option on, then "
        + "; then ".join(",".join(sorted(r)) for r in runs[1:]),
        f"data: {args.mt.name} ({result.texts['mt']} texts, {len(result.gold)} pages), {args.sequoia.name} "
        f"({result.texts['sequoia']} sentences), {args.gsd.name} ({result.texts['gsd']} sentences); "
        "counts only",
        "rule: rule_key(sRuleId), the rule branch (its actions are one match); mt_flags: flags on the MT "
        "set; mt_correct: those overlapping a gold error; mt_pages: pages with a right flag",
        "sequoia_flags, gsd_flags: flags on correct French (false); typo_flags: flags there on a token "
        "the treebank marks Typo=Yes (right, not counted as false)",
        f"rule: keep unless typography pedantry, Sequoia > {MAX_SEQUOIA}, GSD > {MAX_GSD}, clean > MT "
        f"flags, right < {MIN_PRECISION:.0%} (or none); right on one page only needs its group (family, "
        f"category) right >= {MIN_PRECISION:.0%} on >= {MIN_PAGES} pages or its family's '*' row kept",
        "rule '*': the family's rules absent from this table; kept for error families whose rules seen "
        f"once in correct French (Good-Turing) are <= {MAX_SEQUOIA_SINGLETONS} Sequoia, "
        f"<= {MAX_GSD_SINGLETONS} GSD, MT right >= {MIN_FAMILY_PRECISION:.0%} (>= {MIN_FAMILY_FLAGS} flags)",
    ]
    write_table(args.out, rows, header)
    print(f"\nwrote {args.out} ({len(rows)} rows)")
    if not args.no_verify:
        verify(corpora, result, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
