"""The French lexicon (hunspell-fr through spylls plus affix morphology) and spaCy loading."""

from __future__ import annotations

import pytest

from mt_check.lexicon import FrequentWords, Lexicon, LexiconUnavailableError, frequent_words, get_lexicon
from mt_check.types import ModelUnavailableError, Sentence


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("spéciaux", True),  # suffixed form (W. flag)
        ("Spéciaux", True),  # sentence-initial capital
        ("SPÉCIAUX", True),  # all caps
        ("aujourd’hui", True),  # typographic apostrophe (ICONV)
        ("aujourd'hui", True),  # straight apostrophe
        ("grand-chose", True),  # hyphenated dictionary entry
        ("porte-parole", True),  # hyphenated compound
        ("États-Unis", True),  # capitalised entry
        ("l’escalade", True),  # elision accepted by the entry's L' flag
        ("russie", False),  # a proper noun is not accepted in lower case
        ("laescalade", False),  # merged elision
        ("Peskov", False),  # names are not in the dictionary
        ("gouvernemment", False),  # misspelling
    ],
)
def test_known(lexicon: Lexicon, word: str, expected: bool) -> None:
    assert lexicon.known(word) is expected


@pytest.mark.parametrize(
    ("word", "lemma", "pos", "gender", "number"),
    [
        ("spéciaux", "spécial", "adj", "m", "pl"),  # stem po:nom po:adj + suffix is:mas is:pl
        ("spéciales", "spécial", "adj", "f", "pl"),  # suffix l → les carries is:fem is:pl
        ("créés", "créer", "ppas", "m", "pl"),  # verb entry, past participle suffix (p+)
        ("créées", "créer", "ppas", "f", "pl"),
        ("lignes", "ligne", "nom", "f", "pl"),  # gender from the stem, number from the suffix
        ("russe", "russe", "adj", "epi", "sg"),  # epicene
        ("pays", "pays", "nom", "m", "inv"),  # invariable
        ("nucléaires", "nucléaire", "adj", "epi", "pl"),
        ("la", "le", "det", "f", "sg"),  # st: field gives the lemma
        ("Kiev", "Kiev", "npr", "epi", "inv"),
    ],
)
def test_analyses(
    lexicon: Lexicon, word: str, lemma: str, pos: str, gender: str, number: str
) -> None:
    readings = [a for a in lexicon.analyses(word) if pos in a.pos]
    assert readings, lexicon.analyses(word)
    assert (readings[0].lemma, readings[0].gender, readings[0].number) == (lemma, gender, number)


def test_analyses_of_finite_verbs_carry_person_and_tense(lexicon: Lexicon) -> None:
    (reading,) = [a for a in lexicon.analyses("attaquent") if "v" in a.pos]
    assert reading.persons == frozenset({"3pl"}) and "ipre" in reading.tenses
    assert reading.number == "pl"


@pytest.mark.parametrize(
    ("word", "expected"),
    [("prennent", True), ("comparaît", True), ("porte", False), ("chanté", False), ("chanter", False),
     ("xqzw", False)],
)
def test_only_finite(lexicon: Lexicon, word: str, expected: bool) -> None:
    # only a conjugated verb: not a noun too ("porte"), a participle or an infinitive, nor unknown
    assert lexicon.only_finite(word) is expected


def test_unknown_word_has_no_analysis(lexicon: Lexicon) -> None:
    assert lexicon.analyses("laescalade") == []


@pytest.mark.parametrize(
    ("word", "gender", "number", "pos", "expected"),
    [
        ("spéciaux", "f", "pl", None, ["spéciales"]),  # the brief's example
        ("créés", "f", "pl", None, ["créées"]),  # past participle of a verb entry
        ("spéciale", "m", "pl", "adj", ["spéciaux"]),
        ("potentiels", "f", "pl", "adj", ["potentielles"]),  # F+ flag, adjective entry
        ("Spéciaux", "f", "pl", None, ["Spéciales"]),  # capitalisation follows the input
        ("majeur", "f", "sg", "adj", ["majeure"]),
        ("russe", "f", "pl", None, ["russes"]),  # epicene: only the number changes
        ("laescalade", "f", "sg", None, []),  # unknown word: nothing to inflect
    ],
)
def test_inflect(
    lexicon: Lexicon,
    word: str,
    gender: str,
    number: str,
    pos: str | None,
    expected: list[str],
) -> None:
    assert lexicon.inflect(word, gender=gender, number=number, pos=pos) == expected


@pytest.mark.parametrize(
    ("word", "person", "expected"),
    [
        ("attaque", "3pl", "attaquent"),  # same tense (present), other number
        ("est", "3pl", "sont"),
        ("a", "3pl", "ont"),
        ("ont", "3sg", "a"),
        ("refuse", "3pl", "refusent"),
    ],
)
def test_conjugate(lexicon: Lexicon, word: str, person: str, expected: str) -> None:
    assert lexicon.conjugate(word, person)[0] == expected


@pytest.mark.parametrize(
    ("word", "lemma", "finite", "expected"),
    [
        ("causer", "infliger", None, "infliger"),  # infinitive
        ("causait", "infliger", None, "infligeait"),  # tense and person
        ("causées", "infliger", None, "infligées"),  # participle, gender and number
        ("causant", "infliger", None, "infligeant"),
        ("posent", "constituer", None, "constituent"),
        ("Causer", "infliger", None, "Infliger"),  # the case of the word
        ("fait", "prendre", False, "pris"),  # an ambiguous form: the participle
        ("fait", "prendre", True, "prend"),  # … or «il fait»
        ("faites", "prendre", False, "prises"),
        ("supporte", "prendre", None, "prend"),  # third person, indicative: not «prends», «prenne»
        ("faisons", "prendre", None, "prenons"),
        ("pris", "avoir", False, "eu"),  # a participle the same in both numbers: the singular
        ("mis", "infliger", False, "infligé"),
        ("causer", "maison", None, None),  # not a verb
    ],
)
def test_same_form(
    lexicon: Lexicon, word: str, lemma: str, finite: bool | None, expected: str | None
) -> None:
    assert lexicon.same_form(word, lemma, finite=finite) == expected


def test_suggest_is_an_edit_of_the_word(lexicon: Lexicon) -> None:
    assert lexicon.suggest("gouvernemment") == "gouvernement"
    assert lexicon.suggest("gouvernemment") == "gouvernement"  # cached, same answer


def test_version_names_the_dictionary(lexicon: Lexicon) -> None:
    assert lexicon.version.startswith("fr_FR-") and " " not in lexicon.version


def test_get_lexicon_loads_once() -> None:
    assert get_lexicon() is get_lexicon()


def test_missing_dictionary_says_how_to_install(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LexiconUnavailableError, match="apt-get install hunspell-fr"):
        Lexicon(tmp_path / "fr_FR")


def test_env_var_points_at_the_dictionary(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MT_CHECK_HUNSPELL", str(tmp_path / "nowhere"))
    with pytest.raises(LexiconUnavailableError, match="nowhere"):
        Lexicon()


# --- parse.py -------------------------------------------------------------------------------


def test_parse_sentences_keeps_order_and_accepts_sentences_or_strings() -> None:
    from mt_check.parse import parse_sentences

    docs = parse_sentences([Sentence("d", 0, 0, 9, "Il pleut."), "Les lignes sont coupées."])
    assert [d.text for d in docs] == ["Il pleut.", "Les lignes sont coupées."]
    assert docs[1][1].pos_ == "NOUN" and docs[1][1].dep_  # tagger and parser both ran


def test_typographic_apostrophes_parse_as_straight_ones() -> None:
    # fr_core_news_sm alone tags "l’" as a noun or an adjective and "adresse" as a verb; the
    # pipeline gives every token with "’" its straight spelling's tag, relation, morphology and
    # lemma, and keeps the text.
    from mt_check.parse import parse_sentences

    curly = "L’ONG envoie l’adresse du serveur qu’il aime, jusqu’à ce qu’elle réponde."
    straight, typographic = parse_sentences([curly.replace("’", "'"), curly])
    assert typographic.text == curly
    assert [(t.pos_, t.dep_, t.head.i, str(t.morph), t.lemma_) for t in typographic] == [
        (t.pos_, t.dep_, t.head.i, str(t.morph), t.lemma_) for t in straight
    ]
    assert [(t.text, t.pos_, t.lemma_) for t in typographic][3:5] == [
        ("l’", "DET", "le"), ("adresse", "NOUN", "adresse"),
    ]


def test_entities_on_demand_match_the_full_pipeline() -> None:
    # parse_sentences leaves the entity recogniser out; entity_label runs it on first use and
    # gives the labels a full-pipeline parse gives (and spaCy's doc.ents afterwards).
    from mt_check.parse import entity_label, get_nlp, parse_sentences

    texts = [
        "Emmanuel Macron a rencontré Olaf Scholz à Berlin mardi.",
        "La Banque mondiale prévoit une croissance de 3 % en Indonésie.",
        "Il pleut.",
    ]
    docs = parse_sentences(texts)
    assert all(not doc.ents for doc in docs)  # not run yet
    full = list(get_nlp().pipe(texts))
    for doc, reference in zip(docs, full, strict=True):
        assert [entity_label(t) for t in doc] == [t.ent_type_ for t in reference]
        assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in reference.ents]
    assert [(e.text, e.label_) for e in docs[0].ents] == [
        ("Emmanuel Macron", "PER"), ("Olaf Scholz", "PER"), ("Berlin", "LOC")
    ]


def test_missing_spacy_model_is_a_typed_error() -> None:
    from mt_check.parse import get_nlp

    with pytest.raises(ModelUnavailableError, match="xx_no_such_model"):
        get_nlp("xx_no_such_model")


def test_model_version_reads_the_package_without_loading() -> None:
    from mt_check.parse import model_version

    assert model_version().startswith("fr_core_news_sm-")
    assert model_version("xx_no_such_model") == "xx_no_such_model-missing"


def test_the_version_is_read_without_loading_the_dictionary() -> None:
    from mt_check.lexicon import get_lexicon, lexicon_version

    assert lexicon_version() == get_lexicon().version
    assert lexicon_version().startswith("fr_FR-v")


@pytest.fixture(scope="module")
def plain_hunspell(lexicon: Lexicon) -> object:
    """The same dictionary in spylls, loaded apart and left as spylls ships it (its lookup
    searches compounds, which the Lexicon's own copy skips)."""
    from spylls.hunspell import Dictionary

    return Dictionary.from_files(lexicon.path)


def _hunspell_verdict(lexicon: Lexicon, plain: object, word: str) -> bool:
    """known() as it was before the lookup was skipped: spylls' unpatched lookup always asked."""
    parts = word.split("-")
    return (bool(lexicon.analyses(word)) or (len(parts) > 1 and all(p and lexicon.analyses(p) for p in parts))
            or bool(plain.lookup(word)))  # type: ignore[attr-defined]


# Words only Hunspell's own lookup accepts (elisions, metric prefixes, stems that only take an
# affix, abbreviations, BREAK characters), words it rejects (names, foreign words, typos), and
# plain words.
_KNOWN_CASES = [
    "l'occasion", "d'acier", "L'hôpital", "qu'il", "n'arrivent", "centimètres", "millimètres",
    "micromètre", "gramme", "grammes", "hertz", "kg", "km", "µg", "cm", "WI-FI", "Mortagne-sur-Sèvre",
    "India", "Chait", "bocor", "laescalade", "the", "ironiquemmnt", "maison", "Maison", "MAISON",
    "États-Unis", "téléphoniques", "spéciaux",
]


@pytest.mark.parametrize("word", _KNOWN_CASES)
def test_known_skips_only_lookups_that_cannot_succeed(
    lexicon: Lexicon, plain_hunspell: object, word: str
) -> None:
    # The same verdict as spylls' own lookup, which known() asks only when it can say yes (and
    # without its compound search, which fr_FR cannot use)
    assert lexicon.known(word) == _hunspell_verdict(lexicon, plain_hunspell, word)


@pytest.mark.slow
def test_known_gives_hunspell_s_verdict_on_the_evaluation_words(
    lexicon: Lexicon, plain_hunspell: object
) -> None:
    # Every word of the sample article and of the first 300 GSD dev sentences
    import re
    from pathlib import Path

    shared = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
    sample, gsd = shared / "kremlin_hotline_fr.txt", shared / "ud_french_gsd" / "fr_gsd-ud-dev.conllu"
    if not (sample.exists() and gsd.exists()):
        pytest.skip(f"{sample} and {gsd} are needed (../shared/data in this checkout)")
    texts = [sample.read_text(encoding="utf-8")]
    lines = gsd.read_text(encoding="utf-8").splitlines()
    texts += [line[9:] for line in lines if line.startswith("# text = ")][:300]
    words = sorted({w for t in texts for w in re.findall(r"[^\W\d_][\w'’-]*", t)})
    assert len(words) > 2000
    assert [w for w in words if lexicon.known(w) != _hunspell_verdict(lexicon, plain_hunspell, w)] == []


def test_compound_search_is_skipped_only_with_a_tested_spylls(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # fr_FR declares no compounding: the lookup's compound search is off with spylls 0.1.7, kept
    # (with an INFO record saying why) with another version
    import logging

    from spylls.hunspell import Dictionary

    from mt_check import lexicon as lexicon_module

    path = get_lexicon().path
    patched = Dictionary.from_files(path)
    lexicon_module._without_compounding(patched)
    assert patched.lookuper.compound_forms is lexicon_module._no_compounds
    monkeypatch.setattr(lexicon_module, "version", lambda package: "9.9.9")
    other = Dictionary.from_files(path)
    with caplog.at_level(logging.INFO, logger="mt_check.lexicon"):
        lexicon_module._without_compounding(other)
    assert other.lookuper.compound_forms is not lexicon_module._no_compounds
    assert [r.getMessage() for r in caplog.records] == [
        "skipping spylls' compound search is off: spylls 9.9.9 is not a version it was tested with (0.1.7)"
    ]


def test_frequent_words_answer_as_wordfreq_at_and_above_the_threshold() -> None:
    from wordfreq import get_frequency_list, zipf_frequency

    index = FrequentWords("es", 2.0)
    buckets = get_frequency_list("es")
    # Words around the threshold (bucket 700 is Zipf 2.00), a common word, multi-token and
    # digit-bearing inputs, and "d0"/"つ", whose str hashes collide in CPython.
    words = [w for i in (699, 700, 701, 702) for w in buckets[i][:40]]
    words += ["casa", "Grazie", "bien-estar", "casa 12", "d0", "つ", "", "zzzqqq"]
    assert sum(zipf_frequency(w, "es") >= 2.0 for w in words) >= 80
    for word in words:
        expected = zipf_frequency(word, "es")
        assert index.zipf(word) == (expected if expected >= 2.0 else 0.0), word
    assert index.zipf("つ") == 2.36 and index.zipf("d0") == 0.0
    assert len(index) == sum(len(b) for b in buckets[:701])


def test_frequent_words_are_built_once_per_language_and_threshold() -> None:
    assert frequent_words("it", 2.0) is frequent_words("it", 2.0)
    assert frequent_words("it", 3.0) is not frequent_words("it", 2.0)
    assert len(frequent_words("it", 3.0)) < len(frequent_words("it", 2.0))
