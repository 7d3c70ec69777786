"""One format for what a result depends on, as sacrebleu writes its metric signatures: named
fields in, one string out (``name:value|name:value``). The report's ``meta["signature"]`` and the
checked-document cache key are both a :class:`Signature` of the same Checker."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Signature:
    fields: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, fields: Iterable[tuple[str, object]]) -> Signature:
        return cls(tuple((name, str(value)) for name, value in fields))

    def without(self, *names: str) -> Signature:
        """The same signature less the named fields (what a cached result does not depend on)."""
        return Signature(tuple((n, v) for n, v in self.fields if n not in names))

    def __str__(self) -> str:
        return "|".join(f"{name}:{value}" for name, value in self.fields)


__all__ = ["Signature"]
