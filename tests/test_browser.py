"""The HTML report in a real browser (headless Chromium via chromedriver): what a reader sees.

CI installs Debian's chromium and chromium-driver (.ci/setup); elsewhere the tests skip, saying so.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_samples import INERT_SENTENCE, XSS_SENTENCE, sample_report, tricky_report
from test_html import LONG_TOKEN, manager_report

from mt_check.html import CSP

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()),
    reason="needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver): "
    "apt-get install chromium chromium-driver",
)]
_CSP_TAG = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
TITLE = "mt-check report"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    selenium = pytest.importorskip("selenium", reason="needs the selenium package (the test extra)")
    from selenium.webdriver import Chrome, ChromeOptions
    from selenium.webdriver.chrome.service import Service

    del selenium
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager fetch a driver
    options = ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,2000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):  # fmt: skip
        options.add_argument(argument)
    driver = Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def _open(browser: Any, path: Path, page: str) -> None:
    path.write_text(page, encoding="utf-8")
    browser.get(path.as_uri())


def _no_alert(browser: Any) -> bool:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        browser.switch_to.alert.dismiss()
    except NoAlertPresentException:
        return True
    return False


def _ran_nothing(browser: Any) -> None:
    assert _no_alert(browser)
    assert browser.title == TITLE  # unchanged by document.title='pwned'
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    counts = browser.execute_script(
        "return ['script', 'img', 'iframe', 'a[href^=\"javascript\"]', 'style']"
        ".map(s => document.querySelectorAll(s).length)"
    )
    assert counts == [0, 0, 0, 0, 1]  # only the page's own <style>


def test_sample_article_shows_the_flagged_spans_and_their_suggestions(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    report = sample_report()
    _open(browser, tmp_path / "report.html", report.to_html())
    marks = {m.text: m for m in browser.find_elements(By.CSS_SELECTOR, "mark.mtc-hl") if m.is_displayed()}
    for span, suggestion in [("laescalade", "l’escalade"), ("spéciaux", "spéciales")]:
        assert span in marks, sorted(marks)
        assert f"→ {suggestion}" in (marks[span].get_attribute("title") or "")  # the hover text
        notes = [
            li.text
            for li in browser.find_elements(By.CSS_SELECTOR, "li.mtc-issue")
            if li.find_element(By.CSS_SELECTOR, "q.mtc-span").text == span
        ]
        assert notes and all(f"→ {suggestion}" in note for note in notes)  # the footnote
    assert len(browser.find_elements(By.CSS_SELECTOR, "li.mtc-issue")) == len(report.issues)
    shown = browser.find_element(By.CSS_SELECTOR, ".mtc-total-issues").text
    assert shown == str(len(report.issues))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.mtc-docs tbody tr")
    assert [r.find_element(By.CSS_SELECTOR, "td").text for r in rows] == ["kremlin_hotline_fr.txt"]
    _ran_nothing(browser)


@pytest.mark.parametrize(
    "with_csp",
    [
        True,  # the page as written
        False,  # without its Content-Security-Policy: escaping alone must keep everything inert
    ],
)
def test_hostile_input_is_shown_as_text_and_runs_nothing(
    browser: Any, tmp_path: Path, with_csp: bool
) -> None:
    from selenium.webdriver.common.by import By

    page = tricky_report().to_html()
    assert _CSP_TAG in page
    _open(browser, tmp_path / "hostile.html", page if with_csp else page.replace(_CSP_TAG, ""))
    _ran_nothing(browser)
    body = browser.find_element(By.TAG_NAME, "body")
    assert body.is_displayed()  # '</style><style>body{display:none}' did not end the page's CSS
    text = body.text
    for shown in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<script>document.title='pwned'</script>",
        "javascript:alert(1)",
        '<a href="javascript:window.__pwned=2">ici</a>',
        "</style><style>body{display:none}</style>",
        'news/<b>"a&b".txt',
    ]:
        assert shown in text, shown
    sentences = [p.text for p in browser.find_elements(By.CSS_SELECTOR, "p.mtc-text")]
    flat = [s.replace("1", "").replace("2", "") for s in sentences]  # drop the footnote numbers
    assert XSS_SENTENCE.replace("1", "").replace("2", "") in flat
    assert INERT_SENTENCE.replace("1", "").replace("2", "") in flat
    assert len(browser.find_elements(By.CSS_SELECTOR, "li.mtc-issue")) == len(tricky_report().issues)


@pytest.mark.parametrize(
    "with_csp, runs",
    [
        (False, True),  # control: unescaped markup does run here, so the tests above would notice
        (True, False),  # the page's CSP alone blocks it too
    ],
)
def test_the_harness_detects_a_script_that_runs(
    browser: Any, tmp_path: Path, with_csp: bool, runs: bool
) -> None:
    head = _CSP_TAG if with_csp else ""
    page = f"<!DOCTYPE html><html><head>{head}<title>{TITLE}</title></head><body>"
    page += "<script>document.title='pwned'</script><img src=x onerror=\"window.__pwned=1\"></body></html>"
    _open(browser, tmp_path / "control.html", page)
    browser.execute_script("return 1")  # let the failed image's error event fire
    assert (browser.title == "pwned") is runs
    assert (browser.execute_script("return typeof window.__pwned") == "number") is runs


def test_legend_is_shown_and_the_signature_folded(browser: Any, tmp_path: Path) -> None:
    # the legend is visible with scoring's thresholds; the signature shows only once its section opens
    from selenium.webdriver.common.by import By

    _open(browser, tmp_path / "manager.html", manager_report().to_html())
    legend = browser.find_element(By.CSS_SELECTOR, "section.mtc-key")
    assert legend.is_displayed()
    assert "How to read this report" in legend.text
    assert "a score below 60, or a critical issue" in legend.text
    assert "minor 1, major 5, critical 10" in legend.text
    signature = browser.find_element(By.CSS_SELECTOR, "details.mtc-made .mtc-sig")
    assert not signature.is_displayed()  # folded
    browser.find_element(By.CSS_SELECTOR, "details.mtc-made > summary").click()
    assert signature.is_displayed()
    assert signature.text.startswith("mt-check:0|det.grammalecte:2|part0:")
    _ran_nothing(browser)


@pytest.mark.parametrize("width", [1280, 420])  # a desktop window, and a phone's (one column)
def test_a_3000_character_token_wraps_inside_its_card(browser: Any, tmp_path: Path, width: int) -> None:
    # a long URL in the text, a suggestion and the model output: no card, and no page, gets wider
    # (the documents table may scroll inside its own box on a phone)
    from selenium.webdriver.common.by import By

    browser.set_window_size(width, 2000)
    try:
        _open(browser, tmp_path / "long.html", manager_report().to_html())
        for details in browser.find_elements(By.CSS_SELECTOR, "details"):
            browser.execute_script("arguments[0].open = true", details)  # measure the folded parts too
        page = browser.execute_script(
            "const e = document.documentElement; return [e.scrollWidth, e.clientWidth]"
        )
        assert page[0] <= page[1], page  # no horizontal scrolling
        texts = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "p.mtc-text")]
        assert any(LONG_TOKEN in t.replace("\n", "") for t in texts)  # the token is there, whole
        boxes = browser.execute_script(
            "const page = document.querySelector('.mtc-page').getBoundingClientRect();"
            "const shown = '.mtc-card, .mtc-card *, h2, .mtc-sig, .mtc-scroll, .mtc-key';"
            "return [...document.querySelectorAll(shown)]"
            ".map(e => [e.className, e.getBoundingClientRect().right - page.right,"
            " e.scrollWidth - e.clientWidth]);"
        )
        assert len(boxes) > 50
        wider = [b for b in boxes if b[1] > 0.5 or (b[2] > 0 and b[0] != "mtc-scroll")]
        assert not wider, wider[:5]
    finally:
        browser.set_window_size(1280, 2000)
