"""Recall of dropped accents on synthetic errors injected into correct French.

For each sentence of a CoNLL-U file (UD French Sequoia dev by default) that has a lower-case
accented word of 4 letters or more whose accentless form is no dictionary word, one such word
(chosen with a fixed seed) loses its accents ("décision" -> "decision", "était" -> "etait"); the
first ``--count`` sentences so changed are checked by the full default detector set
(``mt_check.check_texts``, default confidence threshold) and an injection counts as found when
an issue overlaps it, as exact when one of the overlapping issues suggests the original word.
Misses are printed with ``--show``. 1990 reformed spellings ("cout", "diner", "entrainer") are
correct French: expect them among the misses.

    .venv/bin/python benchmarks/accent_synthetic.py
    .venv/bin/python benchmarks/accent_synthetic.py \
        ../shared/data/ud_french_gsd/fr_gsd-ud-dev.conllu --show 20

Not a test: the numbers go into notes and reviews.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import unicodedata
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import mt_check  # noqa: E402
from mt_check.lexicon import get_lexicon  # noqa: E402

DEFAULT = REPO.parent / "shared" / "data" / "ud_french_sequoia" / "fr_sequoia-ud-dev.conllu"
_WORD = re.compile(r"\b[a-zàâçéèêëîïôûùüœ]{4,}\b")


def _strip(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def injections(path: Path, count: int, seed: int) -> list[tuple[str, int, int, str]]:
    """(changed sentence, start, end, original word) for the first ``count`` sentences."""
    lexicon = get_lexicon()
    rng = random.Random(seed)
    texts = [line[9:].strip() for line in path.open(encoding="utf-8") if line.startswith("# text = ")]
    out = []
    for text in texts:
        words = [m for m in _WORD.finditer(text)
                 if _strip(m.group()) != m.group() and not lexicon.known(_strip(m.group()))]
        if words:
            m = rng.choice(words)
            changed = text[: m.start()] + _strip(m.group()) + text[m.end() :]
            out.append((changed, m.start(), m.end(), m.group()))
        if len(out) == count:
            break
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("conllu", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--show", type=int, default=0, help="print this many misses")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    cases = injections(args.conllu, args.count, args.seed)
    report = mt_check.check_texts([c[0] for c in cases])
    issues = report.issues
    docs = list(dict.fromkeys(report.sentences.doc_id))
    found = exact = 0
    misses = []
    for i, (text, start, end, word) in enumerate(cases):
        hit = issues[(issues.doc_id == docs[i]) & (issues.start < end) & (issues.end > start)]
        if len(hit):
            found += 1
            exact += any(isinstance(s, str) and word in s for s in hit.suggestion)
        else:
            misses.append(f"{_strip(word)} -> {word} | {text[max(0, start - 40) : end + 20]}")
    for line in misses[: args.show]:
        print("MISS", line)
    print(f"{args.conllu.name}: {len(cases)} dropped accents, found {found} ({found / len(cases):.3f}), "
          f"exact suggestion {exact} ({exact / len(cases):.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
