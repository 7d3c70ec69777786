"""Defaults for the command line from a config file, overridden by the options given.

``mt-check.toml`` (keys at the top level) or the ``[tool.mt-check]`` table of ``pyproject.toml``,
in the current directory (``mt-check.toml`` first), or the file ``--config FILE`` names. Keys are
the long option names without their dashes::

    [tool.mt-check]
    detectors = ["spelling", "agreement", "numbers"]
    min-confidence = 0.5
    fail-on = "major"
    formats = ["csv", "html"]
    detector-options = {grammalecte = {typography = true}}

Values are checked here, with the file's name in the message: a typo in a config file is a usage
error (exit 2), never a setting silently ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomllib

from mt_check.types import InputError, Severity

CONFIG_FILE = "mt-check.toml"
PYPROJECT = "pyproject.toml"


def _names(key: str, value: Any) -> list[str]:
    """A list of names, from a TOML array of strings or one comma-separated string."""
    if isinstance(value, str):
        return [n.strip() for n in value.split(",") if n.strip()]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [n.strip() for n in value if n.strip()]
    raise ValueError("expected a list of names or a comma-separated string")


def _detector_options(key: str, value: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ValueError("expected a table of tables, e.g. {grammalecte = {typography = true}}")
    return {str(name): dict(options) for name, options in value.items()}


def _confidence(key: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
        raise ValueError(f"expected a number between 0 and 1, got {value!r}")
    return float(value)


def _severity(key: str, value: Any) -> str:
    allowed = [s.value for s in Severity]
    if value not in allowed:
        raise ValueError(f"expected one of {', '.join(allowed)}, got {value!r}")
    return str(value)


# Config key -> (the argparse destination it sets, its check).
KEYS: dict[str, tuple[str, Callable[[str, Any], Any]]] = {
    "detectors": ("detectors", _names),
    "detector-options": ("detector_options", _detector_options),
    "min-confidence": ("min_confidence", _confidence),
    "fail-on": ("fail_on", _severity),
    "formats": ("formats", _names),
}


@dataclass(frozen=True)
class Config:
    """The file read (None: none found) and its values by config key, checked."""

    path: Path | None = None
    values: Mapping[str, Any] = field(default_factory=dict)

    def get(self, key: str) -> Any:
        return self.values.get(key)

    def describe(self) -> dict[str, Any]:
        """What ``Report.meta`` records: the file and the values it set."""
        return {"file": str(self.path) if self.path else None, "values": dict(self.values)}


def find(directory: Path) -> Path | None:
    """``mt-check.toml`` in ``directory``, else its ``pyproject.toml`` when that has a
    ``[tool.mt-check]`` table, else None."""
    own = directory / CONFIG_FILE
    if own.is_file():
        return own
    pyproject = directory / PYPROJECT
    if pyproject.is_file() and "mt-check" in _read(pyproject).get("tool", {}):
        return pyproject
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None
    except tomllib.TOMLDecodeError as err:
        raise InputError(f"{path}: not valid TOML ({err})") from None


def load(path: Path | None = None, directory: Path | None = None) -> Config:
    """The config at ``path`` (it must exist), else the one :func:`find` finds in ``directory``
    (default: the current directory), else an empty Config."""
    if path is None:
        path = find(directory or Path.cwd())
        if path is None:
            return Config()
    elif not path.is_file():
        raise InputError(f"--config {path}: no such file")
    data = _read(path)
    where = path.name
    if path.name == PYPROJECT or "tool" in data:
        table = data.get("tool", {}).get("mt-check")
        if table is None:
            raise InputError(f"{path}: no [tool.mt-check] table")
        data, where = table, "[tool.mt-check]"
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in KEYS:
            known = ", ".join(KEYS)
            raise InputError(f"{path}: unknown key {key!r} in {where} (known: {known})")
        try:
            values[key] = KEYS[key][1](key, value)
        except ValueError as err:
            raise InputError(f"{path}: {key}: {err}") from None
    return Config(path.resolve(), values)
