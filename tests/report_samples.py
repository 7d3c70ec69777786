"""Reports for the report-output tests (HTML, exports, browser), built once per test session.

``tricky_report()`` is built by hand through ``build_tables`` (no detectors, no models), so the
output tests pin exact strings whatever the detectors find; ``sample_report()`` is the checker's
real report of the sample article.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from mt_check.report import Report, build_tables
from mt_check.scoring import DEFAULT_WEIGHTS
from mt_check.types import Category, Document, Issue, Sentence, Severity, Translation

REPO = Path(__file__).resolve().parent.parent
SAMPLE_ARTICLE = REPO / "data" / "kremlin_hotline_fr.txt"

# Input that must be shown as text and run nothing. Each payload, if it ran, would leave a trace
# the browser test looks for (an alert, document.title, a window variable).
XSS_SENTENCE = (
    "Le porte-parole a écrit <script>alert(1)</script> et <img src=x onerror=alert(1)> "
    "puis <script>document.title='pwned'</script><img src=x onerror=\"window.__pwned=1\">."
)
INERT_SENTENCE = (
    'Voir javascript:alert(1) ou <a href="javascript:window.__pwned=2">ici</a>, '
    "</style><style>body{display:none}</style> & \"guillemets\" 'apostrophes' </textarea>."
)
# Offsets below are relative to each sentence; doc offsets are added when building.
_SENTENCES = [
    "Les lignes téléphoniques spéciaux ont été construites en 63, en raison de laescalade.",
    XSS_SENTENCE,
    INERT_SENTENCE,
    "Tout va bien ici.",
]


def _issue(doc_id: str, sentence: Sentence, span: str, **fields: object) -> Issue:
    local = sentence.text.index(span)
    defaults: dict[str, object] = {
        "category": Category.SPELLING, "severity": Severity.MAJOR, "code": "SPELLING-UNKNOWN-WORD",
        "message": "unknown word", "suggestion": None, "detectors": ("spelling",),
    }  # fmt: skip
    defaults.update(fields)
    start = sentence.start + local
    return Issue(doc_id, sentence.sent_id, start, start + len(span), span, **defaults)  # type: ignore[arg-type]


@cache
def tricky_report() -> Report:
    """Two documents: overlapping and nested spans, a zero-length issue, hostile text, NAs."""
    doc_id = 'news/<b>"a&b".txt'  # ids come from file names, which can hold markup characters
    text = " ".join(_SENTENCES)
    sentences, start = [], 0
    for k, s in enumerate(_SENTENCES):
        sentences.append(Sentence(doc_id, k, start, start + len(s), s, paragraph=0))
        start += len(s) + 1
    first, xss, inert, _ = sentences
    comma = first.text.index(", en raison")
    issues = [
        _issue(doc_id, first, "spéciaux", category=Category.AGREEMENT, code="AGREEMENT-GENDER",
               message="« lignes » est féminin", suggestion="spéciales", detectors=("agreement",)),
        # overlaps the agreement span; its empty suggestion means "delete"
        _issue(doc_id, first, "téléphoniques spéciaux", category=Category.STYLE, severity=Severity.MINOR,
               code="STYLE-TEST", message="overlaps <the> next", suggestion=""),
        _issue(doc_id, first, "en 63", category=Category.NUMBER, severity=Severity.CRITICAL,
               code="NUMBER-TRUNCATED-YEAR", message="année tronquée", suggestion="en 1963",
               detectors=("numbers",)),
        _issue(doc_id, first, "laescalade", code="SPELLING-MERGED-ELISION", message="élision collée",
               suggestion="l’escalade"),
        Issue(doc_id, 0, first.start + comma, first.start + comma, "", Category.OMISSION, Severity.MINOR,
              "OMISSION-TEST", "missing <word> here", "un mot", ("test",)),
        _issue(doc_id, xss, "<script>alert(1)</script>", category=Category.UNTRANSLATED,
               message='markup "<script>" & co', suggestion='"><script>alert(2)</script>'),
        _issue(doc_id, xss, "onerror=alert(1)>", category=Category.PUNCTUATION, severity=Severity.MINOR,
               message="attribute-looking text", suggestion="<img src=x onerror=alert(3)>"),
        _issue(doc_id, inert, "javascript:alert(1)", category=Category.UNTRANSLATED,
               message="a URL", suggestion="javascript:window.__pwned=3"),
        _issue(doc_id, inert, "</style><style>body{display:none}</style>", category=Category.TYPOGRAPHY,
               severity=Severity.MINOR, message="</title> in a message", suggestion="</style>"),
    ]  # fmt: skip
    translations = {
        (doc_id, 0): Translation("The special phone lines were built in 63 <b>bold</b> & more.",
                                 -0.8123456789, "Les lignes spéciales ont été construites en 63.", -1.25),
        (doc_id, 1): Translation("He wrote <script>alert('bt')</script>.", -2.0, None, None),
    }  # fmt: skip
    other = Document("autre.txt", "Rien à signaler.", encoding="utf-8")
    other_sentence = Sentence("autre.txt", 0, 0, len(other.text), other.text)
    segmented = [
        (Document(doc_id, text, encoding="utf-8"), sentences),
        (other, [other_sentence]),
    ]
    tables = build_tables(segmented, translations, issues, DEFAULT_WEIGHTS)
    meta = {
        "signature": 'mt-check:0|det.spelling:<img src=x onerror=alert("sig")>|"quoted" & more',
        "stages": {"segmentation": "ran", "detectors": {"spelling": "ran", "<x>": "skipped: <none>"}},
        "settings": {"beam": 4},
    }
    return Report(*tables, meta=meta)


@cache
def sample_report() -> Report:
    """The checker's report of the sample article, without models (offline)."""
    import mt_check

    return mt_check.check([SAMPLE_ARTICLE], bt_model=None, rt_model=None)
