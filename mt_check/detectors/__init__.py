"""The detector registry (one explicit dict) and the merging of issues found by several detectors."""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from mt_check.confidence import combined
from mt_check.detectors.base import Detector, DocumentContext
from mt_check.types import Issue

# name -> class. Each detector module adds itself here, nowhere else.
REGISTRY: dict[str, type[Detector]] = {}


def _register() -> None:
    from mt_check.detectors.agreement import AgreementDetector
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
                "measurement (`mt_check/detectors/grammalecte_rules.tsv`), the family being its option name "
                "(`-GN`, `-PPAS`, `-CONF`, …); typography pedantry families off by default |"
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
    union's text; ``detectors`` names every detector involved. Zero-length issues merge only with
    issues at the same position.
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
    merged = [group[0] if len(group) == 1 else _merge(group) for group in clusters]
    merged.sort(key=lambda i: (i.doc_id, i.sent_id, i.start, i.end, i.code))
    return merged


def _overlaps(cluster: list[Issue], issue: Issue) -> bool:
    """Same sentence and category, and ``issue`` shares characters with the cluster's union."""
    first = cluster[0]
    if (first.doc_id, first.sent_id, first.category) != (issue.doc_id, issue.sent_id, issue.category):
        return False
    return issue.start < max(i.end for i in cluster) and issue.end > issue.start


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
    fixer = max(
        (i for i in group if i.suggestion is not None),
        key=lambda i: (i.severity.rank, -(i.end - i.start)),
        default=None,
    )
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


__all__ = ["REGISTRY", "Detector", "DocumentContext", "build", "codes_table", "default_names", "merge_issues"]
