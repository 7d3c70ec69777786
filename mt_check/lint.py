"""Issues as people and tools read them in a terminal: 1-based lines and columns, linter lines
(``path:line:column: severity CODE message -> suggestion``, as compilers and flake8 print them),
JSON Lines records, and one-line summaries.

The tables keep their documented ids and offsets (0-based ``sent_id``, character offsets); only
what is printed for people is 1-based. Lines end at ``\\r\\n``, ``\\r`` or ``\\n``, as in
segmentation; a column counts characters (Python ``str`` indices) from 1.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from mt_check.types import Severity

_NEWLINE = re.compile(r"\r\n|\r|\n")
_SPACE = re.compile(r"\s+")


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 sentence``, ``2 sentences`` (``many``: an irregular plural)."""
    return f"{count} {word if count == 1 else many or word + 's'}"


class Positions:
    """1-based line and column of character offsets into one text."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


@dataclass(frozen=True)
class Finding:
    """One issue where a reader finds it: ``path`` and 1-based ``line``/``column`` (``end_line``,
    ``end_column``: the character after the span), with the issue's own fields."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    severity: str
    code: str
    category: str
    message: str
    suggestion: str | None
    span: str
    doc_id: str
    sent_id: int
    start: int
    end: int
    confidence: float | None

    def line_text(self) -> str:
        """``path:line:column: severity CODE message -> suggestion`` on one line."""
        message = _SPACE.sub(" ", self.message).strip()
        if self.suggestion is None:
            fix = ""
        elif self.suggestion == "":
            fix = " -> (delete)"
        else:
            fix = f" -> {_SPACE.sub(' ', self.suggestion)}"
        return f"{self.path}:{self.line}:{self.column}: {self.severity} {self.code} {message}{fix}"

    def record(self) -> dict[str, Any]:
        """The JSON Lines object of ``--format jsonl``."""
        return asdict(self)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None  # NaN / None / pd.NA: no value


def findings(issues: Any, texts: Mapping[str, str], paths: Mapping[str, str] | None = None) -> list[Finding]:
    """The issues table's rows as Findings, in document order (the order of ``texts``), then by
    position. ``paths``: what to print for each doc_id (default: the doc_id)."""
    order = {doc_id: i for i, doc_id in enumerate(texts)}
    positions = {doc_id: Positions(text) for doc_id, text in texts.items()}
    out: list[Finding] = []
    for row in issues.itertuples(index=False):
        doc_id = str(row.doc_id)
        where = positions.get(doc_id) or Positions("")
        line, column = where.at(int(row.start))
        end_line, end_column = where.at(int(row.end))
        confidence = row.confidence if row.confidence == row.confidence else None  # NaN: none
        out.append(
            Finding(
                path=(paths or {}).get(doc_id, doc_id),
                line=line,
                column=column,
                end_line=end_line,
                end_column=end_column,
                severity=str(row.severity),
                code=str(row.code),
                category=str(row.category),
                message=_text(row.message) or "",
                suggestion=_text(row.suggestion),
                span=str(row.span),
                doc_id=doc_id,
                sent_id=int(row.sent_id),
                start=int(row.start),
                end=int(row.end),
                confidence=None if confidence is None else float(confidence),
            )
        )
    out.sort(key=lambda f: (order.get(f.doc_id, len(order)), f.start, f.end, f.code))
    return out


def by_severity(found: Sequence[Finding]) -> str:
    """``1 critical, 2 major`` (the severities present, worst first), or ``""``."""
    counts = {s.value: sum(f.severity == s.value for f in found) for s in reversed(Severity)}
    return ", ".join(f"{n} {s}" for s, n in counts.items() if n)


def summary(found: Sequence[Finding], sentences: int, documents: int, noun: str = "file") -> str:
    """The linter's last line: ``3 issues (1 major, 2 minor) in 2 of 14 sentences, 1 file``."""
    documents_text = plural(documents, noun)
    if not found:
        return f"no issues in {plural(sentences, 'sentence')}, {documents_text}"
    flagged = len({(f.doc_id, f.sent_id) for f in found})
    return (
        f"{plural(len(found), 'issue')} ({by_severity(found)}) in {flagged} of "
        f"{plural(sentences, 'sentence')}, {documents_text}"
    )


def at_or_above(found: Sequence[Finding], severity: str) -> list[Finding]:
    threshold = Severity(severity).rank
    return [f for f in found if Severity(f.severity).rank >= threshold]


def fail_on_reason(found: Sequence[Finding], severity: str) -> str | None:
    """Why ``--fail-on severity`` exits 1 (None: it does not): ``3 issues at or above major in
    2 sentences; first: doc.txt:4:12 AGREEMENT-GENDER``."""
    failing = at_or_above(found, severity)
    if not failing:
        return None
    first = failing[0]
    sentences = len({(f.doc_id, f.sent_id) for f in failing})
    return (
        f"{plural(len(failing), 'issue')} at or above {severity} in {plural(sentences, 'sentence')}; "
        f"first: {first.path}:{first.line}:{first.column} {first.code}"
    )
