"""The model-output cache: storage, keys, and re-runs that translate nothing new."""

from __future__ import annotations

from pathlib import Path

from mt_check.cache import TranslationCache, cache_key
from mt_check.types import Translation, WordScore


def test_round_trip_through_sqlite(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path)
    value = Translation("Hello.", -0.5, "Bonjour.", -1.25, (WordScore(0, 7, "Bonjour", -2.0),))
    key = cache_key("model-a|beam4", "Bonjour.")
    cache.put_many({key: value})
    cache.close()
    # a new connection (a new process) reads what the first one committed
    assert TranslationCache(tmp_path).get_many([key, "missing"]) == {key: value}


def test_keys_depend_on_models_and_text() -> None:
    base = cache_key("a|beam4", "Bonjour.")
    assert base == cache_key("a|beam4", "Bonjour.")
    assert base != cache_key("a|beam5", "Bonjour.")
    assert base != cache_key("a|beam4", "Bonjour !")
