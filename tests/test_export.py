"""Exports (mt_check.export): every format written atomically and read back to equal DataFrames."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from report_samples import SAMPLE_ARTICLE, sample_report, tricky_report

from mt_check import export
from mt_check.cli import main
from mt_check.report import Report
from mt_check.types import InputError

TABLES = ("documents", "sentences", "issues")


def _with_empty_as_missing(frame: pd.DataFrame) -> pd.DataFrame:
    """What CSV and Excel give back: an empty string and an empty cell are the same thing there."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == "string":
            out[column] = out[column].mask(out[column] == "", pd.NA)
    return out


def _hostile(report: Report) -> Report:
    """The tricky report with cell text that CSV, Excel and pandas' parsers like to reinterpret."""
    issues = report.issues.copy()
    messages = ["NA", "null", "nan", "=1+1", "+33 1 23", "@SUM(A1)", " espace en tête ", "tab\there",
                "ligne\nsuivante", "\x0bvertical\x0ctab\x1f"]  # fmt: skip
    issues["message"] = pd.array(messages[: len(issues)], dtype="string")
    sentences = report.sentences.copy()
    sentences.loc[0, "bt_logprob"] = 0.1 + 0.2  # needs all 17 significant digits
    return Report(sentences, issues, report.documents, report.meta)


@pytest.mark.parametrize(
    "fmt, empty_is_missing, exact",
    [
        ("json", False, True),  # records keep "" apart from null, floats at full precision
        ("parquet", False, True),  # typed columns: everything kept as is
        ("csv", True, True),  # an empty cell is missing; "NA"/"null"/"nan" stay words
        ("xlsx", True, False),  # as CSV, and floats keep 16 significant digits
    ],
)
@pytest.mark.parametrize("which", ["tricky", "hostile"])
def test_each_format_round_trips(
    tmp_path: Path, fmt: str, empty_is_missing: bool, exact: bool, which: str
) -> None:
    report = tricky_report() if which == "tricky" else _hostile(tricky_report())
    report.save(tmp_path, formats=[fmt])
    back = Report.load(tmp_path, format=fmt)
    for name in TABLES:
        expected = getattr(report, name)
        if empty_is_missing:
            expected = _with_empty_as_missing(expected)
        pd.testing.assert_frame_equal(getattr(back, name), expected, check_exact=exact, rtol=1e-15)
    assert back.meta == report.meta


@pytest.mark.parametrize("fmt", ["json", "parquet", "csv", "xlsx"])
def test_sample_article_round_trips(tmp_path: Path, fmt: str) -> None:
    # The checker's own report (no empty strings): equal in every format, dtypes included.
    report = sample_report()
    report.save(tmp_path, formats=fmt)
    back = Report.load(tmp_path, format=fmt)
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(back, name), getattr(report, name), check_exact=fmt != "xlsx")


def test_empty_report_round_trips(tmp_path: Path) -> None:
    report = Report(*(getattr(tricky_report(), n).iloc[0:0] for n in ("sentences", "issues", "documents")))
    report.save(tmp_path, formats=["csv", "json", "parquet", "xlsx", "html"])
    for fmt in ("csv", "json", "parquet", "xlsx"):
        back = Report.load(tmp_path, format=fmt)
        for name in TABLES:
            pd.testing.assert_frame_equal(getattr(back, name), getattr(report, name))


@pytest.mark.parametrize(
    "formats, files",
    [
        (("csv", "json"), ["documents.csv", "sentences.csv", "issues.csv",
                           "documents.json", "sentences.json", "issues.json"]),  # the default
        ("parquet", ["documents.parquet", "sentences.parquet", "issues.parquet"]),  # one string
        (["xlsx", "html"], ["report.xlsx", "report.html"]),  # one workbook, one page
        ("html,csv,html", ["report.html", "documents.csv", "sentences.csv", "issues.csv"]),  # repeats once
    ],
)  # fmt: skip
def test_save_writes_the_formats_files_and_meta(tmp_path: Path, formats: object, files: list[str]) -> None:
    written = tricky_report().save(tmp_path, formats=formats)  # type: ignore[arg-type]
    assert written == [tmp_path / f for f in [*files, "meta.json"]]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*files, "meta.json"])  # no temp files


def test_default_save_is_csv_and_json(tmp_path: Path) -> None:
    names = {p.name for p in tricky_report().save(tmp_path)}
    assert names == {f"{t}.{ext}" for t in TABLES for ext in ("csv", "json")} | {"meta.json"}


def test_json_is_records_and_meta_is_separate(tmp_path: Path) -> None:
    report = tricky_report()
    report.save(tmp_path, formats="json")
    records = json.loads((tmp_path / "issues.json").read_text(encoding="utf-8"))
    assert records[0] == {
        "doc_id": 'news/<b>"a&b".txt', "sent_id": 0, "start": 25, "end": 33, "span": "spéciaux",
        "category": "agreement", "layer": "fluency", "severity": "major", "code": "AGREEMENT-GENDER",
        "message": "« lignes » est féminin", "suggestion": "spéciales", "detectors": "agreement",
        "confidence": None,
    }  # fmt: skip
    sentence = json.loads((tmp_path / "sentences.json").read_text(encoding="utf-8"))[2]
    assert sentence["back_translation"] is None and sentence["bt_logprob"] is None  # null, not NaN
    saved = json.loads((tmp_path / "meta.json").read_text(encoding="utf-8"))
    # the report's meta plus the manifest of the files this save wrote
    assert set(saved.pop("files")) == {f"{t}.json" for t in TABLES}
    assert saved == report.meta


@pytest.mark.parametrize(
    "preferred, present",
    [
        ("parquet", ["csv", "json", "parquet", "xlsx"]),  # typed columns first
        ("json", ["csv", "json", "xlsx"]),  # then JSON, which keeps "" apart from missing
        ("xlsx", ["csv", "xlsx"]),  # Excel before CSV
        ("csv", ["csv", "html"]),  # CSV last; HTML is never read
    ],
)
def test_load_reads_the_most_faithful_format_present(
    tmp_path: Path, preferred: str, present: list[str]
) -> None:
    report = tricky_report()
    report.save(tmp_path, formats=present)
    for other in present:  # every other format's files are garbage: reading one would fail
        if other != preferred:
            names = ["report.xlsx"] if other == "xlsx" else [f"{t}.{other}" for t in TABLES]
            for name in names:
                (tmp_path / name).write_bytes(b"\x00garbage")
    back = Report.load(tmp_path)
    pd.testing.assert_frame_equal(back.sentences, report.sentences, check_exact=preferred != "xlsx")


def test_xlsx_sheets_are_formatted_for_people(tmp_path: Path) -> None:
    import openpyxl
    from openpyxl.utils import get_column_letter

    _hostile(tricky_report()).save(tmp_path, formats="xlsx")
    book = openpyxl.load_workbook(tmp_path / "report.xlsx")
    assert book.sheetnames == ["documents", "sentences", "issues", "meta"]
    for name in TABLES:
        assert book[name].freeze_panes == "A2"  # header row stays visible
        assert book[name]["A1"].font.b
    issues = book["issues"]
    header = [c.value for c in issues[1]]
    severity = header.index("severity") + 1
    colours = {issues.cell(r, severity).value: issues.cell(r, severity).fill.fgColor.rgb for r in (2, 3, 4)}
    assert colours == {"major": "00FFD8A8", "minor": "00FFF3BF", "critical": "00FFC9C9"}
    message = issues.cell(5, header.index("message") + 1)  # "=1+1" is text, not a formula
    assert (message.value, message.data_type) == ("=1+1", "s")
    widths = {c: issues.column_dimensions[c].width for c in ("A", "E")}
    assert widths == {"A": 19, "E": 43}  # the longest value + 2: doc_id (17 chars), span (41)
    sentences = book["sentences"]
    text_column = [c.value for c in sentences[1]].index("text") + 1
    assert sentences.column_dimensions[get_column_letter(text_column)].width == 70  # capped
    assert book["meta"]["A2"].value == "signature"


def test_a_failed_write_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = tricky_report()
    report.save(tmp_path, formats="csv")
    before = (tmp_path / "sentences.csv").read_bytes()

    def half_written(self: pd.DataFrame, path: Path, **_: object) -> None:
        Path(path).write_text("doc_id,sent")  # cut off mid-way
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_csv", half_written)
    with pytest.raises(OSError, match="disk full"):
        report.save(tmp_path, formats="csv")
    assert (tmp_path / "sentences.csv").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("csv,html", ("csv", "html")),  # comma-separated
        (["csv", "HTML, xlsx"], ("csv", "html", "xlsx")),  # repeated, mixed, case-insensitive
        (["json", "json"], ("json",)),  # repeats once
    ],
)
def test_parse_formats(value: object, expected: tuple[str, ...]) -> None:
    assert export.parse_formats(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value, message",
    [
        ("pdf", "unknown format(s) pdf; known: csv, json, parquet, xlsx, html"),  # names what works
        (",", "no format given; known: csv, json, parquet, xlsx, html"),  # nothing left after splitting
    ],
)
def test_parse_formats_rejects(value: str, message: str) -> None:
    with pytest.raises(InputError) as err:
        export.parse_formats(value)
    assert str(err.value) == message


def test_load_errors_name_what_is_missing(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no saved report"):
        Report.load(tmp_path)
    tricky_report().save(tmp_path, formats="html")
    with pytest.raises(InputError, match=r"cannot read a report back from 'html'; readable: parquet, json"):
        Report.load(tmp_path, format="html")
    tricky_report().save(tmp_path, formats="json")
    records = json.loads((tmp_path / "issues.json").read_text(encoding="utf-8"))
    for r in records:
        del r["severity"]
    (tmp_path / "issues.json").write_text(json.dumps(records), encoding="utf-8")
    meta = json.loads((tmp_path / "meta.json").read_text(encoding="utf-8"))
    del meta["files"]  # a report saved before manifests: its tables are read unverified
    (tmp_path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(InputError, match=r"issues.json: table issues lacks column\(s\) severity"):
        Report.load(tmp_path)


def test_html_file_is_the_rendered_page(tmp_path: Path) -> None:
    report = tricky_report()
    report.save(tmp_path, formats="html")
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == report.to_html()


@pytest.mark.parametrize(
    "args, files",
    [
        ([], {"documents.csv", "documents.json"}),  # default: csv + json
        (["--format", "html", "--format", "xlsx,parquet"], {"report.html", "report.xlsx", "issues.parquet"}),
    ],
)
def test_cli_format_option(tmp_path: Path, args: list[str], files: set[str]) -> None:
    code = main(["report", str(SAMPLE_ARTICLE), "--out", str(tmp_path), "--no-models", "--quiet", *args])
    assert code == 0
    names = {p.name for p in tmp_path.iterdir()}
    assert files <= names and "meta.json" in names


def test_cli_rejects_an_unknown_format_before_checking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["report", str(SAMPLE_ARTICLE), "--out", str(tmp_path / "out"), "--format", "pdf"])
    assert code == 2
    assert "unknown format(s) pdf" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("ids", "want"),
    [
        # a path relative to the directory given: separators become _
        (["sante/vaccins.txt", "sport.txt"], ["sante_vaccins.txt.html", "sport.txt.html"]),
        # ids that collide once made safe, also case-insensitively, get -2, -3
        (["a/b", "a_b", "A_B"], ["a_b.html", "a_b-2.html", "A_B-3.html"]),
        # nothing usable left: a plain name; markup never reaches the file system
        (["///", "<script>"], ["document.html", "script.html"]),
    ],
)
def test_document_file_names(ids: list[str], want: list[str]) -> None:
    assert list(export.document_file_names(ids).values()) == want


def test_per_document_html(tmp_path: Path) -> None:
    batch = Path(__file__).resolve().parent.parent / "data" / "batch"
    out = tmp_path / "out"
    code = main(["report", str(batch), "--out", str(out), "--no-models", "--no-cache", "--quiet",
                 "--per-document", "--format", "json"])  # fmt: skip
    assert code == 0
    report = Report.load(out)
    pages = sorted(p.name for p in (out / "documents").iterdir())
    assert pages == ["economie.txt.html", "sante_vaccins.txt.html", "sport.txt.html"]
    page = (out / "documents" / "sante_vaccins.txt.html").read_text(encoding="utf-8")
    one = report.document("sante/vaccins.txt")
    assert list(one.documents["doc_id"]) == ["sante/vaccins.txt"]
    assert set(one.sentences["doc_id"]) == {"sante/vaccins.txt"}
    counts = report.documents.set_index("doc_id")["sentences"]
    assert len(one.sentences) == counts["sante/vaccins.txt"]
    # Its page is about this document alone.
    assert "sante/vaccins.txt" in page
    assert "sport.txt" not in page and "economie.txt" not in page
    with pytest.raises(KeyError):
        report.document("missing.txt")
