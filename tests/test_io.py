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
        # UTF-16 with its BOM
        ("é".encode("utf-16"), "é", "utf-16"),
    ],
)
def test_decoding(tmp_path: Path, data: bytes, text: str, encoding: str) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    [doc] = load(path)
    assert (doc.text, doc.encoding) == (text, encoding)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        # invalid UTF-8 names the byte and its offset
        (b"caf\xe9 noir", "not valid UTF-8 (byte 0xe9 at offset 3)"),
        # binary data is refused
        (b"\x00\x01\x02binary", "looks like a binary file"),
    ],
)
def test_bad_files(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        load(path)


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
        Document("A", "Bonjour, Paris.", source="Hello"),
        Document("B", "Salut.", source="Hi"),
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
