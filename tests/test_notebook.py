"""The notebook side: notebooks/explore_flagged.ipynb runs top to bottom, offline, in a kernel on
this interpreter, cleanly; and the helpers it shows (style_issues' context, repr(report))."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from report_samples import tricky_report

from mt_check import notebook
from mt_check.types import InputError

pytestmark = pytest.mark.slow  # runs the notebook in a Jupyter kernel

REPO = Path(__file__).resolve().parent.parent
NOTEBOOK = REPO / "notebooks" / "explore_flagged.ipynb"
KERNEL = "mt-check-tests"


def test_notebook_is_committed_without_outputs() -> None:
    # the committed notebook carries no outputs (the test below makes them)
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert code and all(c["outputs"] == [] and c["execution_count"] is None for c in code)


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Path]]:
    """The notebook executed once, in a fresh kernel spec for this interpreter; (notebook, TMPDIR)."""
    nbformat = pytest.importorskip("nbformat", reason="needs nbformat (the test extra)")
    nbclient = pytest.importorskip("nbclient", reason="needs nbclient (the test extra)")
    pytest.importorskip("ipykernel", reason="needs ipykernel (the test extra)")

    tmp_path = tmp_path_factory.mktemp("notebook")
    # A kernel spec for this very interpreter (.venv in CI), whatever kernels the machine has.
    spec = tmp_path / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    argv = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    kernel = {"argv": argv, "display_name": KERNEL, "language": "python"}
    (spec / "kernel.json").write_text(json.dumps(kernel), encoding="utf-8")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
        env.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
        env.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
        env.setenv("TMPDIR", str(tmp_path))  # where the notebook saves its report
        env.setenv("HF_HUB_OFFLINE", "1")
        notebook_ = nbformat.read(NOTEBOOK, as_version=4)
        client = nbclient.NotebookClient(
            notebook_,
            kernel_name=KERNEL,
            timeout=180,
            resources={"metadata": {"path": str(NOTEBOOK.parent)}},  # as Jupyter would start it
        )
        client.execute()  # raises CellExecutionError on the first cell that fails
    yield notebook_, tmp_path


def _outputs(notebook_: Any) -> list[Any]:
    return [o for c in notebook_.cells if c.cell_type == "code" for o in c.outputs]


def test_notebook_runs_top_to_bottom(executed: tuple[Any, Path]) -> None:
    # every cell runs; the summary, highlighted spans, plots and the saved report are there
    notebook_, tmp_path = executed
    outputs = _outputs(notebook_)
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("<h3>Worst sentences</h3>" in h for h in html)  # the report's own summary
    assert any('<mark class="mtc-hl' in h for h in html)  # highlighted spans
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the plots
    saved = [p for p in tmp_path.glob("mt-check-report-*/*")]
    assert {p.name for p in saved} >= {"report.html", "report.xlsx", "issues.parquet", "meta.json"}


def test_notebook_writes_nothing_to_stderr(executed: tuple[Any, Path]) -> None:
    # no warning in any output, the first one included (tqdm's "IProgress not found" without ipywidgets)
    notebook_, _ = executed
    first = next(c for c in notebook_.cells if c.cell_type == "code" and c.outputs)
    assert [o for o in first.outputs if o.get("name") == "stderr"] == []
    stderr = [o.text for o in _outputs(notebook_) if o.output_type == "stream" and o.name == "stderr"]
    assert stderr == []


def test_notebook_shows_no_na_and_prints_a_short_summary(executed: tuple[Any, Path]) -> None:
    # missing suggestions show as empty cells, never <NA>; print(report) is a few lines of text
    notebook_, _ = executed
    html = [o["data"]["text/html"] for o in _outputs(notebook_) if "text/html" in o.get("data", {})]
    assert not [h for h in html if "&lt;NA&gt;" in h or "<NA>" in h]
    printed = [o.text for o in _outputs(notebook_) if o.output_type == "stream" and o.name == "stdout"]
    summary = next(t for t in printed if t.startswith("<mt-check Report: 1 document, "))
    assert len(summary.splitlines()) == 4 and "sentences\n" not in summary  # not the tables
    assert (
        "\n  kremlin_hotline_fr.txt: " in summary and "\n  worst: kremlin_hotline_fr.txt sentence " in summary
    )


# -- the helpers the notebook shows -------------------------------------------------------------


def test_repr_is_a_short_plain_text_summary() -> None:
    # repr(report): counts with plurals, one line per document, the worst sentence 1-based, no tables
    assert repr(tricky_report()) == (
        "<mt-check Report: 2 documents, 5 sentences, 9 issues (1 critical, 4 major, 4 minor)\n"
        '  news/<b>"a&b".txt: bad, quality 49.2, 4 sentences, 9 issues\n'
        "  autre.txt: ok, quality 100.0, 1 sentence, 0 issues\n"
        '  worst: news/<b>"a&b".txt sentence 1 (bad, quality 9.8, 5 issues): Les lignes téléphoniques '
        "spéciaux ont été construites en 63, en raiso…\n"
        "  .documents, .sentences, .issues: the tables; .flagged(), .to_html(), .save(DIR)>"
    )
    assert str(tricky_report()) == repr(tricky_report())


def test_repr_lists_at_most_five_documents() -> None:
    # a batch of many documents: five lines, then how many more
    report = tricky_report()
    many = type(report)(report.sentences, report.issues, report.documents.loc[[0, 1] * 4], report.meta)
    lines = repr(many).splitlines()
    assert len(lines) == 1 + 5 + 1 + 1 + 1 and lines[6] == "  … and 3 more documents"


def test_style_issues_shows_the_span_in_a_short_context() -> None:
    # the span highlighted, with about 40 characters of its sentence each side, cut at words
    report = tricky_report()
    frame = report.style_issues().data
    assert list(frame.columns) == notebook.ISSUE_VIEW
    contexts = dict(zip(report.issues["code"], frame["context"], strict=True))
    assert contexts["NUMBER-TRUNCATED-YEAR"] == (
        '…spéciaux ont été construites <mark class="mtc-hl mtc-critical" title="NUMBER-TRUNCATED-YEAR" '
        'data-issues="1">en 63</mark>, en raison de laescalade.'
    )
    assert contexts["OMISSION-TEST"] == (  # zero-length: a caret at the position
        '…spéciaux ont été construites en 63<mark class="mtc-gap mtc-minor" title="OMISSION-TEST" '
        'data-issues="1"></mark>, en raison de laescalade.'
    )
    # hostile text stays escaped inside the context
    markup = report.style_issues().to_html()
    assert "&lt;/style&gt;&lt;style&gt;body{display:none}&lt;/style&gt;</mark>" in markup
    assert "</style><style>body" not in markup
    shown = [unescape(re.sub(r"<[^>]+>", "", c)) for c in frame["context"]]
    assert max(map(len, shown)) <= notebook.CONTEXT_CHARS * 2 + notebook.SPAN_CHARS + 3  # 3: "…"s


@pytest.mark.parametrize(
    "text, start, end, shown",
    [
        ("court", 0, 5, '<mark class="mtc-hl mtc-minor" title="" data-issues="1">court</mark>'),  # all of it
        ("a " * 40 + "X" + " b" * 40, 80, 81,  # 40 characters each side, whole words
         "…" + "a " * 20 + '<mark class="mtc-hl mtc-minor" title="" data-issues="1">X</mark>'
         + " b" * 20 + "…"),
        ("abcde " * 10 + "X", 60, 61,  # cut inside a word: from the next whole word
         "…" + "abcde " * 6 + '<mark class="mtc-hl mtc-minor" title="" data-issues="1">X</mark>'),
        ("y" * 100, 0, 100,  # a long span: its ends, the middle elided
         '<mark class="mtc-hl mtc-minor" title="" data-issues="1">' + "y" * 30 + "…" + "y" * 30 + "</mark>"),
    ],
)  # fmt: skip
def test_context(text: str, start: int, end: int, shown: str) -> None:
    # the context is cut at word boundaries, "…" where it was cut
    assert notebook.context(text, start, end) == shown


def test_style_issues_shows_missing_suggestions_as_empty() -> None:
    # no suggestion: an empty cell (not <NA>, not "–"); an empty suggestion (delete): "(delete)"
    report = tricky_report()
    issues = report.issues.copy()
    issues.loc[0, "suggestion"] = None
    styler = report.style_issues(issues)
    cells = list(styler.data["suggestion"])
    assert cells[0] == "" and "(delete)" in cells
    markup = styler.to_html()
    assert "&lt;NA&gt;" not in markup and "<NA>" not in markup


def test_style_issues_columns() -> None:
    # columns picks what to show (context among them); an unknown column is an error, not dropped
    report = tricky_report()
    frame = report.style_issues(report.flagged("critical"), columns=["doc_id", "context", "suggestion"]).data
    assert list(frame.columns) == ["doc_id", "context", "suggestion"] and list(frame["suggestion"]) == [
        "en 1963"
    ]
    with pytest.raises(InputError, match=r"unknown column\(s\) 'contxt'; known: context, doc_id, sent_id"):
        report.style_issues(columns=["contxt"])
