"""merge_issues: one row per error, whichever detectors saw it and through whichever window."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mt_check.detectors import merge_issues
from mt_check.types import Category, Issue, Severity

TEXT = "Il défend la légitimé internationale avec les colline."
A, G, S = Category.AGREEMENT, Category.GRAMMAR, Category.SPELLING
MINOR, MAJOR = Severity.MINOR, Severity.MAJOR


def _issue(
    span: str,
    category: Category = A,
    suggestion: str | None = None,
    detector: str = "agreement",
    severity: Severity = MINOR,
    start: int | None = None,
    sent_id: int = 0,
) -> Issue:
    begin = TEXT.index(span) if start is None else start
    return Issue(
        "d", sent_id, begin, begin + len(span), TEXT[begin : begin + len(span)], category, severity,
        f"{category.value.upper()}-X", f"{detector} says so", suggestion, (detector,),
    )  # fmt: skip


def _rows(issues: list[Issue]) -> list[tuple[str, str | None, tuple[str, ...]]]:
    return [(i.span, i.suggestion, i.detectors) for i in merge_issues(issues)]


@pytest.mark.parametrize(
    ("issues", "want"),
    [
        # Two detectors, one gender error seen through two windows: one row over the union, the
        # narrower issue's suggestion rewritten to the union's text.
        (
            [
                _issue("la", suggestion="le"),
                _issue("la légitimé", suggestion="le légitimé", detector="grammalecte"),
            ],
            [("la légitimé", "le légitimé", ("agreement", "grammalecte"))],
        ),
        # The same span from two detectors of different categories is still one row; the more
        # severe issue wins the category and the suggestion.
        (
            [_issue("légitimé", G, detector="model"), _issue("légitimé", S, "légitimité", "spelling", MAJOR)],
            [("légitimé", "légitimité", ("model", "spelling"))],
        ),
        # Overlapping spans of different categories are different errors: two rows.
        (
            [_issue("la légitimé"), _issue("légitimé internationale", S, detector="spelling")],
            [("la légitimé", None, ("agreement",)), ("légitimé internationale", None, ("spelling",))],
        ),
        # Adjacent spans do not overlap: two rows even in one category.
        (
            [
                _issue("les", suggestion="la"),
                _issue("colline", suggestion="collines", detector="grammalecte"),
            ],
            [("les", "la", ("agreement",)), ("colline", "collines", ("grammalecte",))],
        ),
        # A chain: a overlaps b, b overlaps c, a and c do not: one row over all three.
        (
            [
                _issue("défend la", suggestion="défend le"),
                _issue("la légitimé", detector="grammalecte"),
                _issue("légitimé internationale", suggestion="légitimité internationale", detector="x"),
            ],
            [
                (
                    "défend la légitimé internationale",
                    "défend le légitimé internationale",
                    ("agreement", "grammalecte", "x"),
                )
            ],
        ),
        # A zero-length issue (something missing) inside another span stays its own row.
        (
            [_issue("la légitimé"), _issue("", start=TEXT.index("légitimé"), detector="structure")],
            [("la légitimé", None, ("agreement",)), ("", None, ("structure",))],
        ),
        # A more severe row without a fix does not erase another row's exact fix: the fix is kept,
        # rewritten to the union (the truncated year's "1963" merged with a suggestion-less issue).
        (
            [_issue("la légitimé", severity=MAJOR, detector="structure"),
             _issue("légitimé", suggestion="légitimité", detector="spelling")],
            [("la légitimé", "la légitimité", ("spelling", "structure"))],
        ),
        # A fix that contains the other's fix on a wider span does both: it gives the row.
        (
            [_issue("la", suggestion="le"),
             _issue("la légitimé", suggestion="le légitimité", detector="grammalecte")],
            [("la légitimé", "le légitimité", ("agreement", "grammalecte"))],
        ),
        # A wider fix that does not contain the narrower one contradicts it: the narrower wins.
        (
            [_issue("la", suggestion="le"),
             _issue("la légitimé", suggestion="sa légitimité", detector="grammalecte")],
            [("la légitimé", "le légitimé", ("agreement", "grammalecte"))],
        ),
        # Different sentences never merge.
        (
            [_issue("la", suggestion="le"), _issue("la légitimé", sent_id=1, detector="grammalecte")],
            [("la", "le", ("agreement",)), ("la légitimé", None, ("grammalecte",))],
        ),
    ],
)
def test_merge(issues: list[Issue], want: list[tuple[str, str | None, tuple[str, ...]]]) -> None:
    assert sorted(_rows(issues)) == sorted(want)


def test_merged_rows_slice_the_text_and_come_sorted() -> None:
    issues = [
        _issue("colline", suggestion="collines"),
        _issue("la légitimé", detector="grammalecte"),
        _issue("la", suggestion="le"),
    ]
    merged = merge_issues(issues)
    assert [(i.start, i.end) for i in merged] == sorted((i.start, i.end) for i in merged)
    for issue in merged:
        assert TEXT[issue.start : issue.end] == issue.span


def test_readme_code_table_is_the_declared_catalogue() -> None:
    # The README's table is generated from the detectors' declarations (codes_table()): a code a
    # detector can emit but the README does not list, or a stale category/severity, fails here.
    from pathlib import Path

    from mt_check.detectors import codes_table

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    table = codes_table()
    assert table.count("\n") >= 25
    assert table in readme


def test_an_undeclared_code_is_refused() -> None:
    # A detector may only emit the codes it declares: a typo in a code is a bug, not a new code.
    import pytest

    from mt_check.detectors.base import Code, Detector, DocumentContext
    from mt_check.types import Category, Sentence, Severity

    class _Typo(Detector):
        name = "typo-test"
        codes = (Code("TEST-ONE", Category.STYLE, Severity.MINOR, "one"),)

        def detect(self, ctx: DocumentContext):  # type: ignore[no-untyped-def]
            return iter(())

    sentence = Sentence("d", 0, 0, 5, "Texte")
    detector = _Typo()
    assert detector.issue(sentence, 0, 5, Category.STYLE, Severity.MINOR, "TEST-ONE", "m").code == "TEST-ONE"
    with pytest.raises(ValueError, match="TEST-TWO"):
        detector.issue(sentence, 0, 5, Category.STYLE, Severity.MINOR, "TEST-TWO", "m")


def _agreement(span: str, suggestion: str, detector: str, confidence: float, text: str) -> Issue:
    begin = text.index(span)
    return Issue("d", 0, begin, begin + len(span), span, A, MINOR, "AGREEMENT-NUMBER", "m", suggestion,
                 (detector,), confidence)  # fmt: skip


def test_contradicting_agreement_fixes_keep_the_more_credible_one() -> None:
    # One error repaired from both ends: the participle made singular, or the verb made plural.
    # Both applied would be wrong again; the more credible fix stays.
    from mt_check.detectors import consistent_fixes

    text = "Les lignes a été créées hier."
    verb = _agreement("a", "ont", "agreement", 0.7, text)
    participle = _agreement("créées", "créée", "grammalecte", 0.6, text)
    assert consistent_fixes([verb, participle]) == [verb]
    # Fixes that pull the same way, or in different sentences, all stay.
    plural = _agreement("créée", "créées", "grammalecte", 0.6, "Les lignes ont été créée hier.")
    assert consistent_fixes([_agreement("ont", "ont", "agreement", 0.7, "Les lignes ont été créée hier."),
                             plural]) == [_agreement("ont", "ont", "agreement", 0.7,
                                                     "Les lignes ont été créée hier."), plural]  # fmt: skip
    other = replace(participle, sent_id=1)
    assert consistent_fixes([verb, other]) == [verb, other]


def test_the_fix_containing_the_others_gives_the_rows_code_and_message() -> None:
    narrow = replace(_issue("la", suggestion="le"), code="AGREEMENT-NARROW")
    wide = replace(_issue("la légitimé", suggestion="le légitimité", detector="grammalecte"),
                   code="AGREEMENT-WIDE")
    (row,) = merge_issues([narrow, wide])
    assert (row.code, row.message, row.suggestion) == (
        "AGREEMENT-WIDE", "grammalecte says so", "le légitimité"
    )


def test_rows_of_two_categories_making_one_fix_are_one_row() -> None:
    text = "Installez le application sur votre téléphone."
    at = text.index("le application")

    def row(start: int, end: int, category: Category, code: str, fix: str) -> Issue:
        return Issue("d", 0, start, end, text[start:end], category, MINOR, code, code, fix, (code,))

    gender = row(at, at + 3, A, "AGREEMENT-GENDER", "l’")  # "le " -> "l’"
    elision = row(at, at + 14, G, "GRAMMAR-ELISION", "l’application")
    (merged,) = merge_issues([gender, elision])
    assert (merged.code, merged.span, merged.suggestion) == (
        "GRAMMAR-ELISION", "le application", "l’application"
    )
    assert merged.detectors == ("AGREEMENT-GENDER", "GRAMMAR-ELISION")
    # a different fix inside the wider row is another error: two rows
    other = row(at, at + 3, A, "AGREEMENT-GENDER", "la ")
    assert len(merge_issues([other, elision])) == 2
