"""The translation stage (mt_check.translate.cached): cache hits and misses, chunks stored as they
finish, a failing text isolated with its error; and describe_error, the errors cells' wording."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest

from mt_check.cache import TranslationCache, cache_key
from mt_check.translate.cached import CachedTranslations, shift, translate_cached
from mt_check.translate.hub import describe_error
from mt_check.types import Sentence, Translation, WordScore


class _Fake:
    """Uppercases; raises on any batch holding PANNE (as a model might on odd input), and
    KeyboardInterrupt on its ``stop_after``-th call (an interrupted run)."""

    model_id, revision, backend = "fake", None, "fake"

    def __init__(self, name: str = "fake", stop_after: int | None = None) -> None:
        self.name, self.stop_after = name, stop_after
        self.calls: list[list[str]] = []

    def translate(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        self.calls.append(list(texts))
        if self.stop_after is not None and len(self.calls) > self.stop_after:
            raise KeyboardInterrupt
        if any("PANNE" in t for t in texts):
            raise RuntimeError("index out of range in self\nat line 2 of the kernel")
        return [(t.upper(), -1.0) for t in texts]

    def score(self, sources: Sequence[str], targets: Sequence[str]) -> list[list[tuple[int, int, float]]]:
        return [[(0, len(t), -0.5), (len(t), len(t), -0.1)] for t in targets]

    def signature(self) -> str:
        return self.name


class _Bars:
    """A progress factory that records each bar's total and updates."""

    def __init__(self) -> None:
        self.totals: list[int] = []
        self.updates: list[int] = []

    @contextmanager
    def __call__(self, total: int) -> Iterator[_Bars]:
        self.totals.append(total)
        yield self

    def update(self, n: int) -> None:
        self.updates.append(n)


def _key(text: str, bt: str = "fake") -> str:
    return cache_key(f"{bt}||none", text)


def test_hits_and_misses_are_counted_and_only_misses_are_translated(tmp_path: Path) -> None:
    # Pins: a text in the cache is not translated; statistics count repeats, distinct texts, hits, misses.
    cache = TranslationCache(tmp_path)
    cache.put_many({_key("Déjà vu."): Translation("CACHED.", -2.0)})
    bt, bars = _Fake(), _Bars()
    done = translate_cached(
        ["Déjà vu.", "Bonjour.", "Bonjour.", "Merci."], bt, None, cache, chunk_size=8, progress=bars
    )
    assert bt.calls == [["Bonjour.", "Merci."]]
    assert done.statistics == {
        "sentences": 4, "distinct": 3, "from_cache": 1, "translated": 2,
        "path": str(tmp_path / "translations.sqlite3"),
    }  # fmt: skip
    assert done.translations == {
        "Déjà vu.": Translation("CACHED.", -2.0),
        "Bonjour.": Translation("BONJOUR.", -1.0),
        "Merci.": Translation("MERCI.", -1.0),
    }
    assert done.failures == {}
    assert bars.totals == [2] and bars.updates == [2]
    # the misses are stored: a second call translates nothing
    again = translate_cached(["Bonjour.", "Merci."], bt, None, cache, chunk_size=8, progress=_Bars())
    assert len(bt.calls) == 1 and again.statistics["from_cache"] == 2 and again.statistics["translated"] == 0


def test_known_texts_count_as_taken_from_the_cache() -> None:
    # Pins: texts of documents from the documents cache add to sentences/distinct/from_cache only.
    bt = _Fake()
    done = translate_cached(
        ["Bonjour."], bt, None, None, chunk_size=8, progress=_Bars(), known=["Bonjour.", "Adieu.", "Adieu."]
    )
    assert bt.calls == [["Bonjour."]]
    assert done.statistics == {"sentences": 4, "distinct": 2, "from_cache": 1, "translated": 1, "path": None}


def test_a_failing_text_is_isolated_with_its_error_and_never_cached(tmp_path: Path) -> None:
    # Pins: the chunk is retried one text at a time; only the failing text is lost, with its error.
    cache = TranslationCache(tmp_path)
    bt = _Fake()
    texts = ["Le Kremlin a parlé.", "Une PANNE ici.", "Il fait beau."]
    done = translate_cached(texts, bt, None, cache, chunk_size=8, progress=_Bars())
    assert done.failures == {"Une PANNE ici.": "back-translation: RuntimeError: index out of range in self"}
    assert sorted(done.translations) == ["Il fait beau.", "Le Kremlin a parlé."]
    assert bt.calls == [texts, [texts[0]], [texts[1]], [texts[2]]]
    assert sorted(cache.get_many(_key(t) for t in texts)) == sorted([_key(texts[0]), _key(texts[2])])
    assert done.for_sentence(Sentence("d", 1, 20, 34, "Une PANNE ici.")) is None


def test_chunks_are_stored_as_they_finish(tmp_path: Path) -> None:
    # Pins: each chunk is in the cache before the next one starts: an interrupted run keeps them.
    cache = TranslationCache(tmp_path)
    bt, bars = _Fake(stop_after=2), _Bars()
    texts = [f"Phrase {n}." for n in range(5)]
    with pytest.raises(KeyboardInterrupt):
        translate_cached(texts, bt, None, cache, chunk_size=2, progress=bars)
    assert bt.calls == [texts[0:2], texts[2:4], texts[4:5]]
    assert sorted(cache.get_many(_key(t) for t in texts)) == sorted(_key(t) for t in texts[:4])
    assert bars.totals == [5] and bars.updates == [2, 2]


def test_the_round_trip_model_is_part_of_the_cache_key(tmp_path: Path) -> None:
    # Pins: the key holds both signatures: the same text with another rt model is a miss.
    cache = TranslationCache(tmp_path)
    bt, rt = _Fake("bt-model"), _Fake("rt-model")
    first = translate_cached(["Bonjour."], bt, rt, cache, chunk_size=8, progress=_Bars())
    assert first.translations["Bonjour."].round_trip == "BONJOUR."
    assert list(cache.get_many([cache_key("bt-model||rt-model", "Bonjour.")])) == [
        cache_key("bt-model||rt-model", "Bonjour.")
    ]
    other = translate_cached(["Bonjour."], bt, _Fake("rt-other"), cache, chunk_size=8, progress=_Bars())
    assert other.statistics["translated"] == 1


def test_a_chunk_size_below_one_is_refused() -> None:
    # Pins: a zero chunk size is a programming error named in one line, not an endless loop.
    with pytest.raises(ValueError, match=r"^chunk_size must be at least 1, got 0$"):
        translate_cached(["Bonjour."], _Fake(), None, None, chunk_size=0, progress=_Bars())


def test_for_sentence_moves_word_scores_to_the_sentence_offset() -> None:
    # Pins: cached translations are sentence-relative; a sentence at offset 10 gets its words at 10+.
    words = (WordScore(0, 7, "Bonjour", -1.0),)
    done = CachedTranslations({"Bonjour.": Translation("Hello.", -0.5, "Bonjour.", -0.2, words)}, {}, {})
    moved = done.for_sentence(Sentence("d", 1, 10, 18, "Bonjour."))
    assert moved is not None and moved.word_scores == (WordScore(10, 17, "Bonjour", -1.0),)
    assert moved.back_translation == "Hello." and moved.fd_logprob == -0.2
    same = done.translations["Bonjour."]
    assert shift(same, 0) is same


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (RuntimeError(""), "RuntimeError"),
        (ValueError("  \n "), "ValueError"),
        (ValueError("first line\nsecond line"), "ValueError: first line"),
        (KeyError("k"), "KeyError: 'k'"),
        (OSError("x" * 300), "OSError: " + "x" * 300),
        (OSError("x" * 301), "OSError: " + "x" * 297 + "..."),
    ],
)
def test_describe_error_gives_type_and_first_line(error: BaseException, expected: str) -> None:
    # Pins: an errors cell's wording: the type, then the message's first line cut at 300 characters.
    assert describe_error(error) == expected
