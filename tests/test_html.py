"""HTML rendering (mt_check.html) and the notebook helpers (mt_check.notebook): exact, escaped markup."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from report_samples import sample_report, tricky_report

from mt_check.html import CSP, HtmlFragment, Mark, cut, highlight
from mt_check.types import InputError

# -- cutting a sentence at span boundaries --------------------------------------------------------


@pytest.mark.parametrize(
    "length, spans, pieces",
    [
        (5, [], [(0, 5, ())]),  # nothing flagged: one plain piece
        (10, [(2, 5)], [(0, 2, ()), (2, 5, (0,)), (5, 10, ())]),  # one span
        (
            10,
            [(2, 8), (4, 6)],
            [(0, 2, ()), (2, 4, (0,)), (4, 6, (0, 1)), (6, 8, (0,)), (8, 10, ())],
        ),  # nested
        (
            10,
            [(2, 6), (4, 8)],
            [(0, 2, ()), (2, 4, (0,)), (4, 6, (0, 1)), (6, 8, (1,)), (8, 10, ())],
        ),  # crossing
        (6, [(0, 3), (3, 6)], [(0, 3, (0,)), (3, 6, (1,))]),  # adjacent: no empty piece between
        (6, [(2, 2)], [(0, 2, ()), (2, 6, ())]),  # zero-length: a cut, covering nothing
        (4, [(2, 9)], [(0, 2, ()), (2, 4, (0,))]),  # end past the text: covers up to the end
        (0, [], []),  # empty sentence
    ],
)
def test_cut(
    length: int, spans: list[tuple[int, int]], pieces: list[tuple[int, int, tuple[int, ...]]]
) -> None:
    assert cut(length, spans) == pieces


# -- highlighting -------------------------------------------------------------------------------


def _mark(start: int, end: int, severity: str = "major", note: str = "n", number: int = 1) -> Mark:
    return Mark(start, end, severity, note, number)


_REF1 = '<sup class="mtc-ref">1</sup>'
_REF2 = '<sup class="mtc-ref">2</sup>'


@pytest.mark.parametrize(
    "text, marks, expected",
    [
        # no span: the text, escaped
        ('a<b & "c"', [], "a&lt;b &amp; &quot;c&quot;"),
        # one span; the tooltip escaped inside the attribute
        (
            "a<b & c",
            [_mark(0, 3, note='x" onmouseover="alert(1)')],
            '<mark class="mtc-hl mtc-major" title="x&quot; onmouseover=&quot;alert(1)" '
            f'data-issues="1">a&lt;b</mark>{_REF1} &amp; c',
        ),
        # crossing spans: three runs, the shared one takes the worse colour and both notes
        (
            "abcdef",
            [_mark(0, 4, "minor", "m", 1), _mark(2, 6, "critical", "c", 2)],
            '<mark class="mtc-hl mtc-minor" title="m" data-issues="1">ab</mark>'
            '<mark class="mtc-hl mtc-critical mtc-overlap" title="m\nc" data-issues="1 2">cd</mark>'
            f"{_REF1}"
            '<mark class="mtc-hl mtc-critical" title="c" data-issues="2">ef</mark>'
            f"{_REF2}",
        ),
        # nested span: its footnote number sits right after its own end
        (
            "abcde",
            [_mark(0, 5, "minor", "out", 1), _mark(1, 2, "major", "in", 2)],
            '<mark class="mtc-hl mtc-minor" title="out" data-issues="1">a</mark>'
            '<mark class="mtc-hl mtc-major mtc-overlap" title="out\nin" data-issues="1 2">b</mark>'
            f"{_REF2}"
            '<mark class="mtc-hl mtc-minor" title="out" data-issues="1">cde</mark>'
            f"{_REF1}",
        ),
        # zero-length issue: an empty caret mark at the position, text untouched
        (
            "ab",
            [_mark(1, 1, "minor", "missing")],
            f'a<mark class="mtc-gap mtc-minor" title="missing" data-issues="1"></mark>{_REF1}b',
        ),
        # zero-length issue at the very end
        ("ab", [_mark(2, 2)], f'ab<mark class="mtc-gap mtc-major" title="n" data-issues="1"></mark>{_REF1}'),
        # a span running past the sentence is clipped to it
        (
            "abc",
            [_mark(1, 10)],
            f'a<mark class="mtc-hl mtc-major" title="n" data-issues="1">bc</mark>{_REF1}',
        ),
        # a span wholly outside the sentence: no mark (its footnote still lists it)
        ("abc", [_mark(5, 8)], "abc"),
    ],
)
def test_highlight(text: str, marks: list[Mark], expected: str) -> None:
    assert highlight(text, marks) == expected


def test_highlight_links_footnotes_with_the_anchor() -> None:
    assert highlight("ab", [_mark(0, 1, number=3)], anchor="mtc-n0-7-") == (
        '<mark class="mtc-hl mtc-major" title="n" data-issues="3">a</mark>'
        '<sup class="mtc-ref"><a href="#mtc-n0-7-3">3</a></sup>b'
    )


# -- the page -----------------------------------------------------------------------------------

_VOID = {"meta", "br", "img", "input", "link", "hr", "wbr", "col", "source"}


class _Balance(HTMLParser):
    """Fails on any end tag that does not close the innermost open element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in _VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()


def _parse(markup: str) -> _Balance:
    parser = _Balance()
    parser.feed(markup)
    parser.close()
    assert parser.stack == ["html"] or parser.stack == [], parser.stack
    return parser


@pytest.fixture(scope="module")
def page() -> str:
    return tricky_report().to_html()


def test_page_is_balanced_and_self_contained(page: str) -> None:
    parsed = _parse(page.replace("<!DOCTYPE html>", ""))
    tags = {tag for tag, _ in parsed.tags}
    assert not tags & {"script", "img", "iframe", "object", "embed", "link", "form", "input", "base"}
    for tag, attrs in parsed.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)  # no event handlers
        if tag == "a":
            assert (attrs.get("href") or "").startswith("#mtc-"), attrs  # links stay in the page
    assert "http://" not in page and "https://" not in page  # loads nothing
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in page
    assert "script-src" not in CSP and "default-src 'none'" in CSP  # so no script may run


@pytest.mark.parametrize(
    "escaped",
    [
        "<h2>news/&lt;b&gt;&quot;a&amp;b&quot;.txt</h2>",  # a document id (file names can hold markup)
        "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;",  # a script in the input text
        "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;.",  # an event-handler lookalike
        "&lt;/style&gt;&lt;style&gt;body{display:none}&lt;/style&gt;</mark>",  # CSS breakout, highlighted
        "ou &lt;a href=&quot;javascript:window.__pwned=2&quot;&gt;ici&lt;/a&gt;",  # a javascript: link
        '<dd lang="en">He wrote &lt;script&gt;alert(&#x27;bt&#x27;)&lt;/script&gt;.</dd>',  # model output
        "<ins>&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;</ins>",  # a suggestion
        'title="major · untranslated: markup &quot;&lt;script&gt;&quot; &amp; co → ',  # a tooltip
        "det.spelling:&lt;img src=x onerror=alert(&quot;sig&quot;)&gt;|&quot;quoted&quot; &amp; more",  # meta
        "<li><b>detectors</b>: spelling: ran, &lt;x&gt;: skipped: &lt;none&gt;</li>",  # meta stages
    ],
)
def test_page_escapes_everything(page: str, escaped: str) -> None:
    assert escaped in page


def test_page_shows_every_issue_once_with_its_suggestion(page: str) -> None:
    report = tricky_report()
    assert page.count('<li class="mtc-issue"') == len(report.issues) == 9
    assert (
        f'<b class="mtc-total-issues">{len(report.issues)}</b> issues (1 critical, 4 major, 4 minor)' in page
    )
    assert (
        '<mark class="mtc-hl mtc-major" title="major · spelling: élision collée → l’escalade '
        '[SPELLING-MERGED-ELISION]" data-issues="5">laescalade</mark>'
    ) in page
    assert (
        '<q class="mtc-span">spéciaux</q> « lignes » est féminin '
        '<span class="mtc-sugg">→ <ins>spéciales</ins>' in page
    )
    assert '<q class="mtc-span">téléphoniques spéciaux</q> overlaps &lt;the&gt; next' in page
    assert "→ <ins>(delete)</ins>" in page  # the empty suggestion


def test_page_orders_sentences_worst_first_and_folds_clean_ones(page: str) -> None:
    ids = re.findall(
        r'<article class="mtc-card mtc-card-(\w+)"><div class="mtc-card-head"><span class="mtc-sid">#(\d+)',
        page,
    )
    assert ids == [("bad", "0"), ("review", "2"), ("review", "1"), ("ok", "3"), ("ok", "0")]
    folded = re.findall(r'<details class="mtc-clean"><summary>(.*?)</summary>', page)
    assert folded == ["1 sentence without issues", "1 sentence without issues"]
    assert page.index('<details class="mtc-clean">') < page.index("Tout va bien ici.")


def test_page_summary_and_charts(page: str) -> None:
    assert (
        '<td><a href="#mtc-d0">news/&lt;b&gt;&quot;a&amp;b&quot;.txt</a></td>'
        '<td><span class="mtc-label mtc-label-bad">bad</span></td><td>49.2</td>' in page
    )
    # issues by category: untranslated (2 major) is the longest bar; the others are half as long
    assert (
        '<span class="mtc-bar-label">untranslated</span><span class="mtc-track">'
        '<span class="mtc-seg mtc-major" style="width:100.00%"' in page
    )
    assert (
        '<span class="mtc-bar-label">number</span><span class="mtc-track">'
        '<span class="mtc-seg mtc-critical" style="width:50.00%"' in page
    )
    # score histogram: 5 sentences in 10 bins, labelled by band
    columns = re.findall(
        r'<span class="mtc-col-n">(\d*)</span><span class="mtc-col-bar mtc-band-(\w+)"', page
    )
    assert columns == [("1", "bad")] + [("", "bad")] * 5 + [
        ("", "review"),
        ("2", "review"),
        ("", "review"),
        ("2", "ok"),
    ]
    assert "(2 ok · 2 review · 1 bad)" in page


def test_sample_article_page_highlights_the_known_errors() -> None:
    page = sample_report().to_html()
    _parse(page.replace("<!DOCTYPE html>", ""))
    assert re.search(
        r'<mark class="mtc-hl mtc-\w+( mtc-overlap)?" title="[^"]*→ l’escalade[^"]*" '
        r'data-issues="[\d ]+">laescalade</mark>',
        page,
    )
    assert re.search(
        r'<mark class="mtc-hl mtc-\w+( mtc-overlap)?" title="[^"]*→ spéciales[^"]*" '
        r'data-issues="[\d ]+">spéciaux</mark>',
        page,
    )
    assert page.count('<li class="mtc-issue"') == len(sample_report().issues)


# -- Jupyter ------------------------------------------------------------------------------------


def test_repr_html_is_a_summary_not_a_dump() -> None:
    report = tricky_report()
    fragment = report._repr_html_()
    _parse(fragment)
    assert "<h3>Worst sentences</h3>" in fragment and "<table" in fragment
    assert "Tout va bien ici." not in fragment  # clean sentences are not listed
    assert "<script" not in fragment.lower()
    assert fragment.count('<article class="mtc-card') == 3  # the flagged sentences (at most 5)


def test_show_sentence() -> None:
    report = tricky_report()
    shown = report.show_sentence('news/<b>"a&b".txt', 1)
    assert isinstance(shown, HtmlFragment) and shown._repr_html_() == str(shown)
    _parse(shown)
    assert '<div class="mtc-sub">news/&lt;b&gt;&quot;a&amp;b&quot;.txt</div>' in shown
    assert "He wrote &lt;script&gt;alert(&#x27;bt&#x27;)&lt;/script&gt;." in shown
    assert '<dt>Round trip (fr)</dt><dd class="mtc-na">not run</dd>' in shown
    with pytest.raises(InputError, match=r"no sentence 9 in document 'autre.txt' \(1 sentences there"):
        report.show_sentence("autre.txt", 9)


@pytest.mark.parametrize(
    "min_severity, category, codes",
    [
        ("major", None, ["AGREEMENT-GENDER", "NUMBER-TRUNCATED-YEAR", "SPELLING-MERGED-ELISION",
                         "SPELLING-UNKNOWN-WORD", "SPELLING-UNKNOWN-WORD"]),  # the default
        ("critical", None, ["NUMBER-TRUNCATED-YEAR"]),  # only the worst
        ("minor", "spelling", ["SPELLING-MERGED-ELISION"]),  # one category, every severity
        ("minor", ["number", "omission"], ["NUMBER-TRUNCATED-YEAR", "OMISSION-TEST"]),  # several
        ("major", "style", []),  # the style issue is minor
    ],
)  # fmt: skip
def test_flagged(min_severity: str, category: object, codes: list[str]) -> None:
    found = tricky_report().flagged(min_severity, category)  # type: ignore[arg-type]
    assert sorted(found["code"]) == sorted(codes)
    assert list(found.columns[-2:]) == ["text", "quality_score"]
    assert list(found.index) == list(range(len(codes)))


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"min_severity": "huge"}, "unknown severity 'huge'; known: minor, major, critical"),
        ({"category": "spelin"}, "unknown category ['spelin']; known: spelling, agreement"),
    ],
)
def test_flagged_rejects_unknown_values(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        tricky_report().flagged(**kwargs)


def test_style_sentences_highlights_and_escapes() -> None:
    markup = tricky_report().style_sentences().to_html()
    _parse(markup)
    assert '<mark class="mtc-hl mtc-major" title="major · spelling: élision collée → l’escalade' in markup
    assert "&lt;script&gt;document.title" in markup and "<script>" not in markup
    assert "He wrote &lt;script&gt;alert(&#39;bt&#39;)&lt;/script&gt;." in markup  # other columns escaped
    assert "background-color:#ffc9c9" in markup.replace(": ", ":")  # the critical sentence's severity
    assert "mark.mtc-major" in markup  # highlight CSS scoped to the table


def test_style_issues_colours_and_escapes() -> None:
    report = tricky_report()
    markup = report.style_issues().to_html()
    _parse(markup)
    assert (
        "&lt;/style&gt;&lt;style&gt;body{display:none}&lt;/style&gt;" in markup
        and "</style><style>body" not in markup
    )
    assert "background-color:#ffd8a8" in markup.replace(": ", ":")  # major
    assert report.style_issues(report.flagged("critical")).to_html().count("<tr>") == 2  # header + 1 row
