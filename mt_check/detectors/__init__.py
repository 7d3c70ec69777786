"""The detector registry (one explicit dict) and the merging of issues found by several detectors."""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from mt_check.confidence import combined
from mt_check.detectors.base import Detector, DocumentContext
from mt_check.types import Category, Issue

if TYPE_CHECKING:
    from mt_check.lexicon import Lexicon

# name -> class. Each detector module adds itself here, nowhere else.
REGISTRY: dict[str, type[Detector]] = {}


def _register() -> None:
    from mt_check.detectors.agreement import AgreementDetector
    from mt_check.detectors.clauses import ClausesDetector
    from mt_check.detectors.constructions import ConstructionsDetector
    from mt_check.detectors.contractions import ContractionsDetector
    from mt_check.detectors.conventions import ConventionsDetector
    from mt_check.detectors.grammalecte import GrammalecteDetector
    from mt_check.detectors.model_evidence import ModelEvidenceDetector
    from mt_check.detectors.numbers import NumbersDetector
    from mt_check.detectors.spelling import SpellingDetector
    from mt_check.detectors.structure import StructureDetector
    from mt_check.detectors.untranslated import UntranslatedDetector
    from mt_check.detectors.verbforms import VerbFormsDetector

    for cls in (
        SpellingDetector,
        AgreementDetector,
        NumbersDetector,
        StructureDetector,
        ConstructionsDetector,
        ClausesDetector,
        ContractionsDetector,
        ConventionsDetector,
        VerbFormsDetector,
        GrammalecteDetector,
        UntranslatedDetector,
        ModelEvidenceDetector,
    ):
        REGISTRY[cls.name] = cls


_register()


def default_names() -> list[str]:
    return [name for name, cls in REGISTRY.items() if cls.enabled_by_default]


def build(
    names: Iterable[str] | None = None, options: Mapping[str, Mapping[str, Any]] | None = None
) -> list[Detector]:
    """Instantiate detectors by name (the default set when ``names`` is None), each with its
    options from ``options[name]`` (keyword arguments of its constructor)."""
    from mt_check.types import InputError

    chosen = default_names() if names is None else list(names)
    unknown = [n for n in chosen if n not in REGISTRY]
    if unknown:
        raise InputError(f"unknown detector(s) {', '.join(unknown)}; known: {', '.join(sorted(REGISTRY))}")
    options = options or {}
    stray = sorted(set(options) - set(chosen))
    if stray:
        raise InputError(f"options given for detector(s) not enabled: {', '.join(stray)}")
    built = []
    for name in chosen:
        cls = REGISTRY[name]
        given = dict(options.get(name, {}))
        accepted = set(inspect.signature(cls.__init__).parameters) - {"self"}
        bad = sorted(set(given) - accepted)
        if bad:
            known = ", ".join(sorted(accepted)) or "none"
            raise InputError(f"detector {name} has no option {', '.join(bad)} (its options: {known})")
        built.append(cls(**given))
    return built


def codes_table() -> str:
    """The README's issue-code table, from every registered detector's declared codes (Grammalecte's
    per-family codes as one row)."""
    rows = ["| code | category | severity | detector | what it finds |", "|---|---|---|---|---|"]
    for name, cls in REGISTRY.items():
        if name == "grammalecte":
            rows.append(
                "| `GRAMMALECTE-<FAMILY>` | by family | minor | grammalecte | Grammalecte's rules kept by "
                "measurement (`mt_check/detectors/grammalecte_rules.tsv`, written by "
                "`benchmarks/grammalecte_rules.py`), the family being its option name; by default -CONF, "
                "-CONJ, -PPAS, -ELEU, -INFI, -IMP, -INTE, -VMODE, -LOC, -DATE, -MAJ (spelling: `le 3 Mars` → "
                "`mars`), -TYPO (punctuation: `hier.Les` → `hier. Les`, `chuté ,` → `chuté,`); typography "
                "pedantry off unless `typography=true` |"
            )
            continue
        for c in cls.codes:
            rows.append(f"| `{c.code}` | {c.category.value} | {c.severity.value} | {name} | {c.summary} |")
    return "\n".join(rows) + "\n"


def merge_issues(issues: Iterable[Issue]) -> list[Issue]:
    """One row per error: issues on the same span (any category), then issues on overlapping
    spans of one category in one sentence, merge into one.

    Detectors see the same error through different windows ("la" and "la légitimé" for one
    gender error): a reviewer wants one row, and counting it twice doubles its penalty. The merged
    row covers the union of the spans; the most severe issue (then one with a suggestion, then the
    narrowest) gives the category, code, message and suggestion, the suggestion rewritten to the
    union's text, except that a fix containing the others' fixes on a wider span gives the row
    (see ``_subsumes_all``); ``detectors`` names every detector involved. Zero-length issues merge
    only with issues at the same position. Rows of different categories merge when they make one
    fix (``_same_fixes``).
    """
    by_span: dict[tuple[str, int, int], list[Issue]] = {}
    for issue in issues:  # one span, one row, whatever the categories
        by_span.setdefault((issue.doc_id, issue.start, issue.end), []).append(issue)
    same_span = [group[0] if len(group) == 1 else _merge(group) for group in by_span.values()]
    ordered = sorted(same_span, key=lambda i: (i.doc_id, i.sent_id, i.category.value, i.start, i.end))
    clusters: list[list[Issue]] = []
    for issue in ordered:
        last = clusters[-1] if clusters else None
        if last is not None and _overlaps(last, issue):
            last.append(issue)
        else:
            clusters.append([issue])
    merged = _same_fixes([group[0] if len(group) == 1 else _merge(group) for group in clusters])
    merged.sort(key=lambda i: (i.doc_id, i.sent_id, i.start, i.end, i.code))
    return merged


def _same_fixes(issues: list[Issue]) -> list[Issue]:
    """Rows of different categories that make one fix are one error: a row inside another whose
    fix, applied to the wider span, gives the wider row's fix ("le " -> "l’" for gender inside
    "le application" -> "l’application" for the elision) merges into it."""
    by_sentence: dict[tuple[str, int], list[Issue]] = {}
    for issue in issues:
        by_sentence.setdefault((issue.doc_id, issue.sent_id), []).append(issue)
    out: list[Issue] = []
    for rows in by_sentence.values():
        absorbed: dict[int, list[Issue]] = {}
        for inner in rows:
            outer = next((o for o in rows if o is not inner and _same_fix(o, inner)), None)
            if outer is not None:
                absorbed.setdefault(id(outer), []).append(inner)
        inside = {id(i) for group in absorbed.values() for i in group}
        for row in rows:
            if id(row) in inside:
                continue
            group = absorbed.get(id(row))
            out.append(row if group is None else _merge([row, *group]))
    return out


def _same_fix(outer: Issue, inner: Issue) -> bool:
    if outer.suggestion is None or inner.suggestion is None or outer.category is inner.category:
        return False
    if not (outer.start <= inner.start and inner.end <= outer.end) or (
        (outer.start, outer.end) == (inner.start, inner.end)
    ):
        return False
    at, to = inner.start - outer.start, inner.end - outer.start
    return outer.span[:at] + inner.suggestion + outer.span[to:] == outer.suggestion


# Agreement fixes closer than this (characters) belong to one noun phrase or clause: fixes that
# pull it towards opposite numbers or genders cannot both be right.
_CONFLICT_WINDOW = 60


def consistent_fixes(issues: Sequence[Issue], lexicon: Lexicon | None = None) -> list[Issue]:
    """Drop agreement issues whose fix contradicts a more credible one nearby in the same sentence.

    Two detectors can repair one agreement error from opposite ends ("Les lignes a été créées":
    one makes the participle singular, the other the verb plural); applying both leaves the
    sentence wrong again, so a reviewer gets the more credible one (higher confidence; on a tie,
    the agreement detector's, which knows the subject). The direction of a fix is read from the
    lexicon: the number or gender every reading of the replaced word has, and the other one that
    every reading of its replacement has.
    """
    if lexicon is None:
        from mt_check.lexicon import get_lexicon

        lexicon = get_lexicon()
    directions = {id(i): _directions(i, lexicon) for i in issues if i.category is Category.AGREEMENT}
    ranked = sorted(
        (i for i in issues if directions.get(id(i))),
        key=lambda i: (-(i.confidence or 0.0), "agreement" not in i.detectors, i.start),
    )
    dropped: set[int] = set()
    kept: list[Issue] = []
    for issue in ranked:
        for other in kept:
            if (other.doc_id, other.sent_id) != (issue.doc_id, issue.sent_id):
                continue
            if abs(other.start - issue.start) > _CONFLICT_WINDOW:
                continue
            if _opposite(directions[id(issue)], directions[id(other)]):
                dropped.add(id(issue))
                break
        else:
            kept.append(issue)
    return [i for i in issues if id(i) not in dropped]


def _directions(issue: Issue, lexicon: Lexicon) -> set[tuple[str, str]]:
    """{("number", "pl"), ...}: what the fix turns its words into, where the lexicon is sure."""
    if issue.suggestion is None:
        return set()
    before, after = issue.span.split(), issue.suggestion.split()
    if len(before) != len(after):
        return set()
    found = set()
    for old, new in zip(before, after, strict=True):
        if old == new:
            continue
        replacement = lexicon.analyses(new)
        kinds = frozenset().union(*(a.pos for a in replacement)) if replacement else frozenset()
        # The replaced word's readings of the same kind ("a" the verb, not the letter).
        original = [a for a in lexicon.analyses(old) if a.pos & kinds]
        for feature in ("number", "gender"):
            was = {getattr(a, feature) for a in original}
            now = {getattr(a, feature) for a in replacement}
            if len(was) == 1 and len(now) == 1 and was != now and not was & {None, "inv", "epi"} \
                    and not now & {None, "inv", "epi"}:  # fmt: skip
                found.add((feature, next(iter(now))))
    return found


def _opposite(a: set[tuple[str, str]], b: set[tuple[str, str]]) -> bool:
    return any(fa == fb and va != vb for fa, va in a for fb, vb in b)


def _overlaps(cluster: list[Issue], issue: Issue) -> bool:
    """Same sentence and category, and ``issue`` shares characters with the cluster's union."""
    first = cluster[0]
    if (first.doc_id, first.sent_id, first.category) != (issue.doc_id, issue.sent_id, issue.category):
        return False
    return issue.start < max(i.end for i in cluster) and issue.end > issue.start


def _subsumes_all(fix: Issue, fixes: list[Issue]) -> bool:
    """Whether ``fix``'s span holds every other fix's span and its suggestion their suggestions."""
    return len(fixes) > 1 and all(
        other is fix or (
            fix.start <= other.start and other.end <= fix.end
            and (fix.start, fix.end) != (other.start, other.end)
            and bool(other.suggestion) and (other.suggestion or "") in (fix.suggestion or "")
        )
        for other in fixes
    )


def _merge(group: list[Issue]) -> Issue:
    start, end = min(i.start for i in group), max(i.end for i in group)
    text = [""] * (end - start)
    for issue in group:  # the spans overlap, so together they spell the union's text
        for k, ch in enumerate(issue.span):
            text[issue.start - start + k] = ch
    union = "".join(text)
    best = max(group, key=lambda i: (i.severity.rank, i.suggestion is not None, -(i.end - i.start)))
    # The fix comes from the best row that has one: a suggestion-less row of higher severity does
    # not erase another detector's exact fix (a truncated year's "1963").
    # A fix that contains another row's whole fix on a span that contains its span does what that
    # one does and more ("$1.5 milliard" -> "1,5 milliard de dollars" over "1.5" -> "1,5"): it
    # goes first.
    fixes = [i for i in group if i.suggestion is not None]
    fixer = max(
        fixes,
        key=lambda i: (_subsumes_all(i, fixes), i.severity.rank, -(i.end - i.start)),
        default=None,
    )
    if fixer is not None and fixer.severity.rank >= best.severity.rank and _subsumes_all(fixer, fixes):
        best = fixer  # its message describes the whole fix
    suggestion = None
    if fixer is not None and fixer.suggestion is not None:
        suggestion = union[: fixer.start - start] + fixer.suggestion + union[fixer.end - start :]
    names = tuple(sorted({d for i in group for d in i.detectors}))
    # Agreement of detectors is evidence; one detector seeing an error twice is not: a row whose
    # detectors are all counted already (in a stronger row) adds nothing.
    counted: set[str] = set()
    evidence: list[float] = []
    for i in sorted(group, key=lambda i: -(i.confidence or 0.0)):
        if i.confidence is not None and not set(i.detectors) <= counted:
            evidence.append(i.confidence)
            counted |= set(i.detectors)
    confidence = combined(evidence)
    return replace(best, start=start, end=end, span=union, suggestion=suggestion, detectors=names,
                   confidence=confidence)


__all__ = [
    "REGISTRY", "Detector", "DocumentContext", "build", "codes_table", "consistent_fixes", "default_names",
    "merge_issues",
]
