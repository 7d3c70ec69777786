"""The detector registry (one explicit dict) and the merging of issues found by several detectors."""

from __future__ import annotations

from collections.abc import Iterable

from mt_check.detectors.base import Detector, DocumentContext
from mt_check.types import Issue

# name -> class. Each detector module adds itself here, nowhere else.
REGISTRY: dict[str, type[Detector]] = {}


def _register() -> None:
    from mt_check.detectors.agreement import AgreementDetector
    from mt_check.detectors.constructions import ConstructionsDetector
    from mt_check.detectors.grammalecte import GrammalecteDetector
    from mt_check.detectors.model_evidence import ModelEvidenceDetector
    from mt_check.detectors.numbers import NumbersDetector
    from mt_check.detectors.spelling import SpellingDetector
    from mt_check.detectors.structure import StructureDetector

    for cls in (
        SpellingDetector,
        AgreementDetector,
        NumbersDetector,
        StructureDetector,
        ConstructionsDetector,
        GrammalecteDetector,
        ModelEvidenceDetector,
    ):
        REGISTRY[cls.name] = cls


_register()


def default_names() -> list[str]:
    return [name for name, cls in REGISTRY.items() if cls.enabled_by_default]


def build(names: Iterable[str] | None = None) -> list[Detector]:
    """Instantiate detectors by name (the default set when ``names`` is None)."""
    chosen = default_names() if names is None else list(names)
    unknown = [n for n in chosen if n not in REGISTRY]
    if unknown:
        from mt_check.types import InputError

        raise InputError(
            f"unknown detector(s) {', '.join(unknown)}; known: {', '.join(sorted(REGISTRY))}"
        )
    return [REGISTRY[n]() for n in chosen]


def merge_issues(issues: Iterable[Issue]) -> list[Issue]:
    """One row per (document, span): issues from several detectors on the same span merge.

    The most severe issue's category, message and suggestion win; ``detectors`` names all.
    """
    by_span: dict[tuple[str, int, int], list[Issue]] = {}
    for issue in issues:
        by_span.setdefault((issue.doc_id, issue.start, issue.end), []).append(issue)
    merged: list[Issue] = []
    for group in by_span.values():
        best = max(group, key=lambda i: (i.severity.rank, i.suggestion is not None))
        names = tuple(sorted({d for i in group for d in i.detectors}))
        merged.append(
            Issue(**{**best.__dict__, "detectors": names}) if len(group) > 1 else best
        )
    merged.sort(key=lambda i: (i.doc_id, i.sent_id, i.start, i.end, i.code))
    return merged


__all__ = ["REGISTRY", "Detector", "DocumentContext", "build", "default_names", "merge_issues"]
