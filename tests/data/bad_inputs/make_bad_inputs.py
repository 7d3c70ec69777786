"""Writes the nasty input files of tests/test_bad_inputs.py; expected.json says what each must give.

The small files are committed beside this script (run it again after changing a case); the big
ones (a 200,000-character line) are written at test time, never committed:

    python tests/data/bad_inputs/make_bad_inputs.py            # the committed small files, here
    python tests/data/bad_inputs/make_bad_inputs.py --big DIR  # the big ones, into DIR
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
FRENCH = "Le Kremlin a déclaré que la ligne spéciale n’avait pas été utilisée. Elle date de 1963."
WORDS = (
    "le Kremlin a déclaré que la ligne téléphonique spéciale entre la Russie et les États-Unis "
    "n’avait pas été utilisée depuis le début de la crise selon son porte-parole"
).split()


def small_files() -> dict[str, bytes]:
    return {
        "utf8.txt": FRENCH.encode(),
        "utf8_bom.txt": b"\xef\xbb\xbf" + FRENCH.encode(),
        "utf16_le_bom.txt": b"\xff\xfe" + FRENCH.encode("utf-16-le"),
        "utf16_be_bom.txt": b"\xfe\xff" + FRENCH.encode("utf-16-be"),
        "utf16_le_no_bom.txt": FRENCH.encode("utf-16-le"),
        "windows1252.txt": "Il a dit « non » – ça coûte 5 €. Œuvre et cœur.".encode("cp1252"),
        "latin1.txt": "Un été à Noël. Où est la clé ?".encode("latin-1"),
        # UTF-8 with two broken sequences (a lone continuation byte, a truncated é)
        "invalid_utf8.txt": "Un été ".encode() + b"\x80" + " puis déjà ".encode() + b"\xc3" + b" fini.",
        "nul_bytes.txt": "Le Kremlin\x00 a parlé. Il\x00 n’a rien dit.".encode(),
        "control_chars.txt": b"Un.\x0bDeux.\x0cTrois\x1b[1m gras\x1b[0m. Quatre\x07.",
        "mixed_line_endings.txt": b"Un.\r\nDeux.\rTrois.\nQuatre.\r\n\r\nCinq.",
        "nfd.txt": "Un e\u0301te\u0301 a\u0300 Noe\u0308l. La cle\u0301 est la\u0300.".encode(),
        "empty.txt": b"",
        "whitespace_only.txt": b" \t\r\n\n \xc2\xa0\r",
        "not_french.txt": (
            "The Kremlin said the special phone line between Russia and the United States has not been used. "
            "Le Kremlin a parlé hier. Кремль заявил, что специальная линия не использовалась."
        ).encode(),
        # right-to-left marks and overrides, zero-width spaces and joiners, Arabic quoted
        "rtl_zero_width.txt": (
            "Il a dit \u200f«\u00a0مرحبا بكم\u00a0»\u200e puis\u200b est parti. "
            "Le mot\u202e ecrevne\u202c est piégé\u2060. Fin\ufeff."
        ).encode(),
        "emoji.txt": "Bravo 👏🏽 à l’équipe 🇫🇷 ! La famille 👨‍👩‍👧 est là. 🎉🎉🎉".encode(),
        "markup.txt": (
            '<p onclick="alert(1)">Le <b>Kremlin</b> a parlé.</p><script>alert("x")</script>\n'
            '<?xml version="1.0"?><note><![CDATA[Un texte]]></note> <a href="javascript:alert(2)">ici</a>.'
        ).encode(),
        "png_image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00",
        "zip_archive.txt": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(40)),
        "elf_executable.txt": b"\x7fELF\x02\x01\x01\x00" + bytes(56),
        "random_bytes.txt": random.Random(8).randbytes(2048),
        "unreadable_dir/a.txt": b"\x7fELF\x02\x01\x01\x00" + bytes(24),
        "unreadable_dir/b.txt": random.Random(9).randbytes(512),
        "mixed_dir/good.txt": FRENCH.encode(),
        "mixed_dir/photo.txt": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
        "table_missing_column.csv": b"id,texte\n1,Un.\n",
        "table_wrong_delimiter.csv": b"id;fr\n1;Un.\n",
        "table_empty_cell.csv": b"id,fr\n1,Un.\n2,\n",
        "table_duplicate_ids.csv": b"id,fr\n1,Un.\n1,Deux.\n",
        "table_bad_line.jsonl": b'{"id": "1", "fr": "Un."}\n{"id": "2", "fr": Deux}\n',
    }


def long_line(length: int = 200_000, seed: int = 0) -> str:
    """One line of French words, no punctuation at all."""
    rng = random.Random(seed)
    words: list[str] = []
    size = 0
    while size < length:
        words.append(rng.choice(WORDS))
        size += len(words[-1]) + 1
    return " ".join(words)[:length].rstrip()


def big_files() -> dict[str, bytes]:
    return {"long_line.txt": long_line().encode()}


def write(files: dict[str, bytes], directory: Path) -> None:
    for name, data in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", type=Path, help="write the big files into this directory instead")
    args = parser.parse_args()
    write(big_files(), args.big) if args.big else write(small_files(), HERE)
