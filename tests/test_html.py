"""HTML rendering (mt_check.html) and the notebook helpers (mt_check.notebook): exact, escaped markup."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from report_samples import sample_report, tricky_report

from mt_check import html, scoring
from mt_check.html import CSP, HtmlFragment, Mark, cut, highlight
from mt_check.report import Report, build_tables
from mt_check.types import Category, Document, InputError, Issue, Sentence, Severity, Translation

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
        r'<article class="mtc-card mtc-card-(\w+)"><div class="mtc-card-head">'
        r'<span class="mtc-sid" title="sent_id (\d+) in the tables">sentence (\d+)</span>',
        page,
    )
    # the tables' ids in the tooltip, 1-based numbers for people
    assert ids == [
        ("bad", "0", "1"), ("review", "2", "3"), ("review", "1", "2"), ("ok", "3", "4"), ("ok", "0", "1"),
    ]  # fmt: skip
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
    with pytest.raises(InputError, match=r"no sentence 9 in document 'autre.txt' \(1 sentence there"):
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


# -- reports a manager understands ------------------------------------------------------------

CONJ_MESSAGE = "Conjugaison erronée. Accord avec “Il”. Le verbe devrait être à la 3ᵉ personne du singulier."
LONG_TOKEN = "https://example.org/" + "x" * 2980  # 3,000 characters without a break opportunity


def manager_report(weights: dict[str, float] | None = None) -> Report:
    """Three documents as a table with ``--source-column`` gives them: one sentence with a source,
    two sentences with one source, one without; a Grammalecte issue, issues without suggestions,
    and a 3,000-character token in the text, the back-translation and a suggestion."""
    one = Document("row-1", "Il se sont trompés.", source="They were <wrong>.")
    two_text = f"Alors que les finalistes étaient X et Y. Voir {LONG_TOKEN} ici."
    two = Document("row-2", two_text, source="While the finalists were X and Y. See the link.")
    bare = Document("row-3", "Tout va bien.")
    s_one = Sentence("row-1", 0, 0, len(one.text), one.text)
    cut_at = two_text.index(" Voir")
    s_two = [
        Sentence("row-2", 0, 0, cut_at, two_text[:cut_at]),
        Sentence("row-2", 1, cut_at + 1, len(two_text), two_text[cut_at + 1 :]),
    ]
    s_bare = Sentence("row-3", 0, 0, len(bare.text), bare.text)
    at = two_text.index(LONG_TOKEN)
    issues = [
        Issue("row-1", 0, 0, 10, "Il se sont", Category.AGREEMENT, Severity.MINOR, "GRAMMALECTE-CONJ",
              CONJ_MESSAGE, "Il se est", ("grammalecte",)),
        Issue("row-2", 0, 0, cut_at, two_text[:cut_at], Category.GRAMMAR, Severity.MAJOR,
              "GRAMMAR-NO-MAIN-CLAUSE", "only a subordinate clause", None, ("clauses",)),
        Issue("row-2", 1, at, at + len(LONG_TOKEN), LONG_TOKEN, Category.STYLE, Severity.MINOR,
              "STYLE-TEST", "a long URL", LONG_TOKEN + "/", ("test",)),
        Issue("row-2", 1, at, at, "", Category.OMISSION, Severity.MINOR, "OMISSION-TEST",
              "something missing", None, ("test",)),
    ]  # fmt: skip
    translations = {
        ("row-2", 1): Translation(f"See {LONG_TOKEN} here.", -0.5, f"Voir {LONG_TOKEN} ici.", -0.75),
    }
    segmented = [(one, [s_one]), (two, s_two), (bare, [s_bare])]
    given = weights or {s.value: w for s, w in scoring.DEFAULT_WEIGHTS.items()}
    tables = build_tables(segmented, translations, issues, {Severity(k): w for k, w in given.items()})
    meta = {
        "mt_check_version": "0.0-test",
        "signature": "mt-check:0|det.grammalecte:2|" + "|".join(f"part{k}:{'y' * 30}" for k in range(40)),
        "stages": {"segmentation": "ran"},
        "settings": {"weights": given, "beam": 4},
    }
    return Report(*tables, meta=meta)


@pytest.fixture(scope="module")
def manager_page() -> str:
    return manager_report().to_html()


def test_legend_states_the_scoring_rules_with_scorings_numbers(manager_page: str) -> None:
    # the legend: the score's formula, the labels' thresholds, the weights, a worked example
    _parse(manager_page.replace("<!DOCTYPE html>", ""))
    legend = manager_page[manager_page.index('<section class="mtc-key"') :]
    legend = legend[: legend.index("</section>")]
    for shown in [
        "<h2>How to read this report</h2>",
        "the points per 100 words are taken off 100 (never below 0). When the models ran, the score is "
        "0.8 × that + 0.2 × the round-trip chrF. Example: one major issue in a 25-word sentence scores "
        "100 − 5 × 100 / 25 = 80 (review).",
        '<span class="mtc-label mtc-label-bad">bad</span> a score below 60, or a critical issue · '
        '<span class="mtc-label mtc-label-review">review</span> a score below 90, or any issue · '
        '<span class="mtc-label mtc-label-ok">ok</span> a score of 90 or more and no issue.',
        "by severity: minor 1, major 5, critical 10 (MQM-style)",
        "<dt>Round-trip chrF, BLEU, TER</dt>",
        "chrF and BLEU go from 0 to 100, higher meaning closer; TER counts edits per 100 words",
        "<dt>Log-probabilities</dt><dd>BT log-prob: the mean log-probability per token of the "
        "back-translation",
        "<dt>Confidence</dt>",
    ]:
        assert shown in legend, shown
    assert manager_page.index('<section class="mtc-key"') < manager_page.index('<section class="mtc-doc"')


def test_legend_is_rendered_from_the_constants_and_the_reports_weights(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # change scoring's thresholds and the report's weights: the legend follows, nothing is hard-coded
    monkeypatch.setattr(scoring, "BAD_BELOW", 55.0)
    monkeypatch.setattr(scoring, "REVIEW_BELOW", 85.0)
    monkeypatch.setattr(scoring, "ROUND_TRIP_WEIGHT", 0.25)
    legend = html.key({"settings": {"weights": {"minor": 0.5, "major": 3, "critical": 12}}})
    assert "a score below 55, or a critical issue" in legend
    assert "a score below 85, or any issue" in legend and "a score of 85 or more and no issue" in legend
    assert "0.75 × that + 0.25 × the round-trip chrF" in legend
    assert "by severity: minor 0.5, major 3, critical 12" in legend
    assert "100 − 3 × 100 / 25 = 88 (review)" in legend
    assert "minor 1, major 5, critical 10" in html.key({"settings": {"weights": "odd"}})  # defaults


def test_signature_is_folded_at_the_end(manager_page: str) -> None:
    # the long signature sits in a closed <details> after the last document, not in the header
    header = manager_page[manager_page.index("<header>") : manager_page.index("</header>")]
    assert "signature" not in header and "mtc-sig" not in header
    made = manager_page.index(
        '<details class="mtc-made" id="mtc-made"><summary>How this report was made</summary>'
    )
    assert made > manager_page.rindex('<section class="mtc-doc"')
    folded = manager_page[made : manager_page.index("</details>", made)]
    assert "<p>mt-check 0.0-test.</p>" in folded
    assert '<p class="mtc-sig" title="signature"><code>mt-check:0|det.grammalecte:2|part0:' in folded
    assert '<h3>Stages</h3><ul class="mtc-stages"><li><b>segmentation</b>: ran</li></ul>' in folded
    assert "<li><b>beam</b>: 4</li>" in folded
    assert " open" not in folded[: folded.index(">")]  # folded: closed until the reader opens it


def test_long_text_wraps_inside_its_card(manager_page: str) -> None:
    # unbroken text may break anywhere inside cards, doc headings, the documents table, the colophon
    assert ".mtc-card,.mtc-key,.mtc-made,.mtc-source,.mtc-sub{overflow-wrap:anywhere}" in manager_page
    assert "word-break:break-all" not in manager_page  # which would break ordinary words too
    assert "overflow-wrap:anywhere}" in manager_page.split(".mtc h2{")[1].split("\n.mtc h3")[0]
    assert manager_page.count(LONG_TOKEN) >= 4  # text, suggestion, back-translation, round trip


def test_source_is_shown_beside_the_sentence(manager_page: str) -> None:
    # one sentence: its source in the card; several: the row's source once above them; none: nothing
    row1 = manager_page[manager_page.index("<h2>row-1</h2>") : manager_page.index("<h2>row-2</h2>")]
    assert (
        '<div class="mtc-mt"><dl><dt>Source</dt><dd class="mtc-src">They were &lt;wrong&gt;.</dd></dl></div>'
        in row1
    )
    row2 = manager_page[manager_page.index("<h2>row-2</h2>") : manager_page.index("<h2>row-3</h2>")]
    assert (
        '<div class="mtc-source"><b>Source (the whole row)</b><p>While the finalists were X and Y. '
        "See the link.</p></div>"
    ) in row2
    assert '<dd class="mtc-src">' not in row2
    row3 = manager_page[manager_page.index("<h2>row-3</h2>") :]
    assert "Source" not in row3.split('<details class="mtc-made"')[0]
    shown = manager_report().show_sentence("row-2", 0)
    assert '<dt>Source (the whole row)</dt><dd class="mtc-src">While the finalists' in shown


def test_a_flag_without_a_suggestion_says_what_to_do(manager_page: str) -> None:
    # no suggestion: the note says what to do (by code, else by category), the tooltip too
    assert (
        'only a subordinate clause <span class="mtc-todo">→ rewrite this sentence with a main clause, '
        "or join it to the one before</span>"
    ) in manager_page
    assert (
        'something missing <span class="mtc-todo">→ compare with the source text and add what is '
        "missing</span>" in manager_page
    )
    assert (
        "→ (rewrite this sentence with a main clause, or join it to the one before) [GRAMMAR-NO-MAIN-CLAUSE]"
        in manager_page
    )


@pytest.mark.parametrize("category", [c.value for c in Category])
def test_every_category_has_advice(category: str) -> None:
    # whatever the code, an issue of any category gets something to do
    assert html.advice("UNKNOWN-CODE", category) == html.ADVICE_BY_CATEGORY[category] != html.ADVICE_OTHERWISE


def test_untranslated_codes_have_their_own_advice() -> None:
    # untranslated issues never carry a suggestion: each code says what to do, not its category
    for code in ("UNTRANSLATED-SENTENCE", "UNTRANSLATED-FRAGMENT", "UNTRANSLATED-WORD"):
        assert html.advice(code, "untranslated") == html.ADVICE_BY_CODE[code]
    assert html.advice("UNTRANSLATED-WORD", "untranslated") == "translate this word into French"


def test_grammalecte_messages_are_a_second_line_under_english(manager_page: str) -> None:
    # one language per report: an English first line; Grammalecte's French message kept as line two
    assert (
        '<q class="mtc-span">Il se sont</q> a verb that does not agree with its subject (Grammalecte) '
        '<span class="mtc-sugg">→ <ins>Il se est</ins></span>'
    ) in manager_page
    assert (
        '<span class="mtc-orig">Grammalecte, in French: '
        f'<span lang="fr">{html.esc(CONJ_MESSAGE)}</span></span></li>' in manager_page
    )
    assert (
        'title="minor · agreement: a verb that does not agree with its subject (Grammalecte) → Il se est '
        f'[GRAMMALECTE-CONJ]\nGrammalecte, in French: {html.esc(CONJ_MESSAGE)}"' in manager_page
    )
    assert ".mtc-orig{display:block;" in manager_page


@pytest.mark.parametrize(
    "code, message, lines",
    [
        ("GRAMMALECTE-CONJ", "Conjugaison erronée.",
         ("a verb that does not agree with its subject (Grammalecte)", "Conjugaison erronée.")),
        ("GRAMMALECTE-ZZZ", "Règle.",
         ("Grammalecte's rule family “zzz” (Grammalecte)", "Règle.")),  # an unknown family
        ("AGREEMENT-GENDER", "must agree", ("must agree", None)),  # mt-check's own, English
        ("STYLE-TEST", None, ("", None)),  # missing message
    ],
)  # fmt: skip
def test_message_lines(code: str, message: str | None, lines: tuple[str, str | None]) -> None:
    assert html.message_lines(code, message) == lines


def test_counts_agree_and_sentence_numbers_start_at_1() -> None:
    # "1 sentence", "1 issue", "1 word" where there is one; sentence 1 for sent_id 0
    page = manager_report().document("row-1").to_html()
    assert (
        '<p class="mtc-sub">1 document · 1 sentence · <b class="mtc-total-issues">1</b> issue '
        "(0 critical, 0 major, 1 minor)</p>" in page
    )
    assert "quality <b>75.0</b> · 1 sentence · 1 issue</p>" in page
    assert '<span class="mtc-sid" title="sent_id 0 in the tables">sentence 1</span>' in page
    assert "<span>1 issue <span" in page and "<span>4 words</span>" in page
    assert 'title="70–80: 1 sentence"' in page and 'title="0–10: 0 sentences"' in page
    clean = manager_report().document("row-3").to_html()
    assert '<b class="mtc-total-issues">0</b> issues (' in clean and "<span>0 issues</span>" in clean
    assert "<summary>1 sentence without issues</summary>" in clean


@pytest.mark.parametrize(
    "count, word, shown", [(0, "issue", "0 issues"), (1, "issue", "1 issue"), (2, "sentence", "2 sentences")]
)
def test_plural(count: int, word: str, shown: str) -> None:
    # one agrees in the singular, every other count in the plural
    assert html.plural(count, word) == shown


def test_sample_article_says_what_to_do_where_there_is_no_suggestion() -> None:
    # the real detectors' flags without a suggestion (GRAMMAR-VERBLESS, -CLAUSE-WITHOUT-VERB) get advice
    page = sample_report().to_html()
    no_suggestion = sample_report().issues["suggestion"].isna()
    assert no_suggestion.sum() == page.count('<span class="mtc-todo">→ ') >= 2
    assert '<span class="mtc-todo">→ rewrite this clause: give it a conjugated verb of its own</span>' in page


def test_jupyter_summary_folds_the_legend() -> None:
    # the notebook summary carries the legend too, folded under "How to read the scores"
    fragment = manager_report()._repr_html_()
    _parse(fragment)
    assert (
        '<details class="mtc-key-folded"><summary>How to read the scores</summary><section class="mtc-key"'
        in fragment
    )
    assert "signature" not in fragment  # the colophon stays in the page
