"""Reading inputs: ids, decoding, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from mt_check.io import Columns, load
from mt_check.types import Document, InputError


def test_file_directory_and_string_ids(tmp_path: Path) -> None:
    # ids: file name for a file, path relative to the directory for a directory, text-N for strings
    (tmp_path / "a.txt").write_text("Bonjour.", encoding="utf-8")
    sub = tmp_path / "batch" / "sub"
    sub.mkdir(parents=True)
    (sub / "b.txt").write_text("Salut.", encoding="utf-8")
    (tmp_path / "batch" / "c.txt").write_text("Coucou.", encoding="utf-8")
    (tmp_path / "batch" / "ignored.md").write_text("# no", encoding="utf-8")
    docs = load([tmp_path / "a.txt", tmp_path / "batch", "Une phrase.", "Une autre."])
    assert [d.id for d in docs] == ["a.txt", "c.txt", "sub/b.txt", "text-1", "text-2"]
    assert [d.text for d in docs][-2:] == ["Une phrase.", "Une autre."]


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        # plain UTF-8
        ("é".encode(), "é", "utf-8"),
        # the BOM is removed so that offsets slice the text
        (b"\xef\xbb\xbf" + "é".encode(), "é", "utf-8-sig"),
        # UTF-16 with its BOM, little- and big-endian
        ("é".encode("utf-16"), "é", "utf-16"),
        (b"\xfe\xff" + "Un été.".encode("utf-16-be"), "Un été.", "utf-16"),
        # UTF-16 without a BOM: every other byte is NUL
        ("Un été à Paris.".encode("utf-16-le"), "Un été à Paris.", "utf-16-le"),
        # UTF-32 with its BOM
        ("Un été.".encode("utf-32"), "Un été.", "utf-32"),
        # Windows-1252 (the euro sign and the dash exist only there) and Latin-1, recognised
        ("Un été à Noël – 5 €.".encode("cp1252"), "Un été à Noël – 5 €.", "cp1252"),
        (b"caf\xe9 noir", "café noir", "cp1252"),
        # an empty file is an empty text
        (b"", "", "utf-8"),
        # mixed line endings and decomposed accents are kept as they are
        (
            "Un e\u0301te\u0301.\r\nDeux.\rTrois.\n".encode(),
            "Un e\u0301te\u0301.\r\nDeux.\rTrois.\n",
            "utf-8",
        ),
    ],
)
def test_decoding(tmp_path: Path, data: bytes, text: str, encoding: str) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    [doc] = load(path)
    assert (doc.text, doc.encoding, doc.warnings) == (text, encoding, ())


@pytest.mark.parametrize(
    ("data", "text", "warning"),
    [
        # invalid UTF-8 in a UTF-8 file is replaced and reported with its place
        (
            "Un été ".encode() + b"\xff\xfe" + " puis\ndéjà ".encode() + b"\xc3(",
            "Un été \ufffd\ufffd puis\ndéjà \ufffd(",
            "3 invalid UTF-8 byte sequence(s) replaced with U+FFFD (first at line 1, column 8, byte 9)",
        ),
        # after a BOM, bytes still count from the start of the file
        (
            b"\xef\xbb\xbfabc\xff " + "é".encode(),
            "abc\ufffd é",
            "1 invalid UTF-8 byte sequence(s) replaced with U+FFFD (first at line 1, column 4, byte 6)",
        ),
        # a few NUL and control characters: kept (offsets), reported, not a binary file
        (
            b"Bonjour\x00 le monde.\nIl fait\x01 beau.",
            "Bonjour\x00 le monde.\nIl fait\x01 beau.",
            "2 control character(s) kept as they are (first U+0000 at line 1, column 8)",
        ),
        # a UTF-16 file cut in the middle of a character
        ("Un été.".encode("utf-16") + b"x", "Un été.\ufffd", "1 invalid UTF-16 byte sequence(s)"),
    ],
)
def test_repaired_decoding_is_reported(tmp_path: Path, data: bytes, text: str, warning: str) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    [doc] = load(path)
    assert doc.text == text
    assert len(doc.warnings) == 1 and doc.warnings[0].startswith(warning), doc.warnings


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        # control bytes everywhere
        (b"\x00\x01\x02binary", "looks like a binary file (33% control bytes)"),
        # known signatures say what the file is
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file (a PNG image)"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"),
        (b"\x7fELF\x02\x01\x01", "an executable (ELF)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF document"),
        # random bytes
        (bytes(range(256)) * 8, "looks like a binary file"),
        # binary behind a UTF-16 byte-order mark
        (b"\xff\xfe" + bytes([0, 0, 1, 0, 2, 0, 3, 0]) * 20, "looks like a binary file"),
    ],
)
def test_binary_files_are_refused(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        load(path)
    assert fragment in str(caught.value)
    assert "\n" not in str(caught.value)


def test_directory_keeps_going_past_unreadable_files(tmp_path: Path) -> None:
    # a binary file in a directory becomes a document with its reason, the others are read
    (tmp_path / "a.txt").write_text("Bonjour.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    a, b = load(tmp_path)
    assert (a.id, a.text, a.errors) == ("a.txt", "Bonjour.", ())
    assert (b.id, b.text) == ("b.txt", "")
    assert b.errors == ("not read: looks like a binary file (a PNG image), not text; mt-check reads plain "
                        "text (UTF-8, UTF-16, Windows-1252/Latin-1)",)  # fmt: skip


def test_directory_without_readable_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x7fELF\x02\x01\x01")
    (tmp_path / "b.txt").write_bytes(bytes(range(256)))
    with pytest.raises(
        InputError, match=r"no readable files matching '\*.txt' \(2 refused; a.txt: looks like"
    ):
        load(tmp_path)


def test_missing_path_and_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory"):
        load(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="no files matching"):
        load(tmp_path)


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(InputError, match="two inputs have the document id 'x'"):
        load([Document("x", "a"), Document("x", "b")])


def _table(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "content"),
    [
        # CSV with quoted text containing commas
        ("t.csv", 'id,fr,en\nA,"Bonjour, Paris.",Hello\nB,Salut.,Hi\n'),
        # TSV
        ("t.tsv", "id\tfr\ten\nA\tBonjour, Paris.\tHello\nB\tSalut.\tHi\n"),
        # JSONL
        (
            "t.jsonl",
            '{"id": "A", "fr": "Bonjour, Paris.", "en": "Hello"}\n{"id": "B", "fr": "Salut.", "en": "Hi"}\n',
        ),
    ],
)
def test_tables(tmp_path: Path, name: str, content: str) -> None:
    docs = load(_table(tmp_path, name, content), columns=Columns(text="fr", id="id", source="en"))
    assert docs == [
        Document("A", "Bonjour, Paris.", source="Hello", encoding="utf-8"),
        Document("B", "Salut.", source="Hi", encoding="utf-8"),
    ]


def test_table_without_id_column_uses_row_numbers(tmp_path: Path) -> None:
    docs = load(_table(tmp_path, "t.csv", "fr\nUn.\nDeux.\n"), columns=Columns(text="fr"))
    assert [d.id for d in docs] == ["1", "2"]


@pytest.mark.parametrize(
    ("content", "columns", "message"),
    [
        # a missing column names the columns that exist
        ("id,texte\n1,Un.\n", Columns(text="fr"), "t.csv: no text column 'fr'; columns are: id, texte"),
        # a wrong delimiter shows as one column
        ("id;fr\n1;Un.\n", Columns(text="fr"), "no text column 'fr'; columns are: id;fr (wrong delimiter?)"),
        # an empty cell names the row and the column
        ("id,fr\n1,Un.\n2,\n", Columns(text="fr", id="id"), "t.csv: row 2, column 'fr': empty text cell"),
        # duplicate ids name both rows
        ("id,fr\n1,Un.\n1,Deux.\n", Columns(text="fr", id="id"),
         "t.csv: row 2, column 'id': duplicate id '1' (first at row 1)"),
        # a table needs a text column
        ("fr\nUn.\n", Columns(), "t.csv: tabular input needs --text-column"),
    ],
)  # fmt: skip
def test_table_errors(tmp_path: Path, content: str, columns: Columns, message: str) -> None:
    with pytest.raises(InputError) as caught:
        load(_table(tmp_path, "t.csv", content), columns=columns)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        # a wrong delimiter says which one the header holds
        ("t.csv", "id;fr\n1;Un.\n", "(wrong delimiter?); .csv files are split at ',', but the header holds"),
        # a row with one field too many names its line
        ("t.csv", "id,fr\n1,Un.\n2,Deux,trois\n", "t.csv: cannot read as a csv table (Error tokenizing data. "
                                                  "C error: Expected 2 fields in line 3, saw 3)"),
        # a JSONL line that is not JSON names its line and column
        ("t.jsonl", '{"fr": "Un."}\n{"fr": "Deux.",}\n', "t.jsonl: line 2, column 16: not valid JSON"),
        # a JSONL line that is not an object
        ("t.jsonl", '{"fr": "Un."}\n\n["Deux."]\n', "t.jsonl: line 3: expected a JSON object, got list"),
        # a number where the text should be
        ("t.jsonl", '{"fr": "Un."}\n{"fr": 2}\n', "t.jsonl: row 2, column 'fr': expected text, got int 2"),
        # a missing text key is an empty cell
        ("t.jsonl", '{"fr": "Un."}\n{"en": "Two."}\n', "t.jsonl: row 2, column 'fr': empty text cell"),
        # whitespace only is empty too
        ("t.csv", 'fr\nUn.\n"  "\n', "t.csv: row 2, column 'fr': empty text cell"),
    ],
)  # fmt: skip
def test_more_table_errors(tmp_path: Path, name: str, content: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        load(_table(tmp_path, name, content), columns=Columns(text="fr"))
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_tables_in_legacy_encodings_and_with_bad_bytes(tmp_path: Path) -> None:
    # a Windows-1252 CSV is decoded like a text file; its encoding is kept per row
    path = tmp_path / "t.csv"
    path.write_bytes("fr\nUn été.\nÀ Noël.\n".encode("cp1252"))
    docs = load(path, columns=Columns(text="fr"))
    assert [(d.text, d.encoding) for d in docs] == [("Un été.", "cp1252"), ("À Noël.", "cp1252")]
    # invalid bytes in a UTF-8 CSV: the row that holds them says so, the others do not
    path.write_bytes("fr\nUn été.\nDeux ".encode() + b"\xff" + b".\n")
    one, two = load(path, columns=Columns(text="fr"))
    assert (one.warnings, two.text) == ((), "Deux \ufffd.")
    assert two.warnings == ("1 U+FFFD replacing invalid bytes of the file",)
