"""UNTRANSLATED-SENTENCE: a sentence left in another language, or a target copied from its source,
is one major issue that counts in the scores and in --fail-on."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from mt_check.cli import main
from mt_check.pipeline import Checker
from mt_check.report import Report
from mt_check.types import Document, InputError

ROOT = Path(__file__).resolve().parent.parent
ENGLISH = "The spokesman said that the special line had not been used since the war began."


def _check(*docs: Document, detectors: list[str] | None = None) -> Report:
    return Checker(bt_model=None, rt_model=None, cache=False, detectors=detectors).run(list(docs))


def test_an_english_sentence_is_a_major_issue_over_the_sentence() -> None:
    text = f"Le Kremlin a répondu aux questions des journalistes. {ENGLISH}"
    report = _check(Document("d", text), detectors=["untranslated"])
    rows = report.issues.to_dict("records")
    assert [(r["code"], r["severity"], r["category"], r["span"]) for r in rows] == [
        ("UNTRANSLATED-SENTENCE", "major", "untranslated", ENGLISH)
    ]
    assert text[rows[0]["start"] : rows[0]["end"]] == ENGLISH
    assert "English" in rows[0]["message"]
    sentence = report.sentences.set_index("sent_id").loc[1]
    # the sentence keeps its language and label, and its score counts the issue
    assert (sentence["language"], sentence["label"], sentence["n_issues"]) == ("en", "not-french", 1)
    assert sentence["quality_score"] == 66.67  # 100 - 5 (major) x 100 / 15 words
    assert report.documents.loc[0, "n_major"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "Le Kremlin a répondu aux questions des journalistes.",  # French
        "Apple Inc. (NASDAQ: AAPL)",  # names and codes are in every language
        "Le Kremlin a dit que the hotline was not used.",  # partly English: French with a fragment
    ],
)
def test_french_and_name_only_sentences_are_not_untranslated(text: str) -> None:
    assert _check(Document("d", text), detectors=["untranslated"]).issues.empty


@pytest.mark.parametrize(
    "target, source, flagged",
    [
        ("Click Save to keep your changes.", "Click Save to keep your changes.", True),  # copied
        ("Cliquez sur Enregistrer pour garder vos modifications.", "Click Save to keep your changes.", False),
        ("Microsoft Word 2010", "Microsoft Word 2010", False),  # a name: the same in both languages
        # copied (a French source), spacing and case aside
        ("Le choix est fait.", "le  choix est fait.", True),
    ],
)
def test_a_target_identical_to_its_source(target: str, source: str, flagged: bool) -> None:
    report = _check(Document("row-1", target, source=source), detectors=["untranslated"])
    assert report.issues["code"].tolist() == (["UNTRANSLATED-SENTENCE"] if flagged else [])


def test_the_sample_batch_reports_its_english_sentence_and_fails_on_major(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    code = main(["report", str(ROOT / "data" / "batch"), "--out", str(tmp_path), "--no-models", "--no-cache",
                 "--quiet", "--fail-on", "major", "--format", "json"])  # fmt: skip
    report = Report.load(tmp_path)
    found = report.issues[report.issues["code"] == "UNTRANSLATED-SENTENCE"]
    assert found[["doc_id", "severity"]].values.tolist() == [["sport.txt", "major"]]
    assert found["span"].iloc[0].startswith("The coach said")
    assert code == 1


# -- UNTRANSLATED-WORD: a source-language word left in a French sentence -----------------------


@pytest.mark.parametrize(
    "text, span, language",
    [
        ("Données soupçonnées de bocor, voici 3 étapes prises par le ministère.", "bocor", "Indonesian"),
        # quoted speech is translated text like any other
        ("« Nous avons livré des circulaires aux dinkes et aux hôpitaux », a-t-il dit.", "dinkes",
         "Indonesian"),
        ("Les lawmakers ont voté la loi de finances mardi soir.", "lawmakers", "English"),
    ],
)
def test_a_source_language_word_left_in_a_french_sentence(text: str, span: str, language: str) -> None:
    rows = _check(Document("d", text), detectors=["untranslated"]).issues.to_dict("records")
    assert [(r["code"], r["severity"], r["category"], r["span"]) for r in rows] == [
        ("UNTRANSLATED-WORD", "minor", "untranslated", span)
    ]
    assert text[rows[0]["start"] : rows[0]["end"]] == span
    assert rows[0]["message"] == f"«{span}» is {language}, not French: left untranslated"


@pytest.mark.parametrize(
    "text",
    [
        "Le streaming et le leadership du marketing sont à la mode.",  # loanwords French uses
        "Le titre « Reuters admits altering Beirut photo » a circulé.",  # a short quotation: a title
        'Le titre "Reuters admits altering Beirut photo" a circulé.',
        "Taeniacara candidi est un poisson d'Amérique du Sud.",  # part of a (Latin) name
        "Elle présentait l'émission Absolutt underholdning sur TV 2.",  # next to a capitalised word
        "On peut goûter des ovocné knedliky, des quenelles aux fruits.",  # a foreign phrase: not a word
        "Le sagre commun vit dans les grands fonds.",  # Italian word lists are not read by default
        "Les ordinateurs portables sont en vente libre.",  # French words
        "La vidéo a été publiée sur le compte @jakarta.terkini et www.berita.terkini.id.",  # handles
    ],
)
def test_words_that_are_never_untranslated(text: str) -> None:
    assert _check(Document("d", text), detectors=["untranslated"]).issues.empty


@pytest.mark.parametrize(
    "text, expected",
    [
        # Indonesian coordinates after a degree sign, or one the MT broke into an entity
        ("L’épicentre était situé à 7,63° LS, 105,74& ov; BT, en mer.",
         [("LS", "S", "«LS» is Indonesian (lintang selatan): French writes «S» (latitude sud)"),
          ("BT", "E", "«BT» is Indonesian (bujur timur): French writes «E» (longitude est)")]),
        # ... or a latitude and longitude pair without degrees
        ("Le séisme a eu lieu à 6 LU et 120 BB.",
         [("LU", "N", "«LU» is Indonesian (lintang utara): French writes «N» (latitude nord)"),
          ("BB", "O", "«BB» is Indonesian (bujur barat): French writes «O» (longitude ouest)")]),
        # an Indonesian police rank before a name
        ("Le porte-parole Kombes Yusri Yunus a déclaré que les preuves sont là.",
         [("Kombes", None, "«Kombes» is an Indonesian rank or title (Komisaris Besar) left untranslated")]),
    ],
)
def test_indonesian_coordinates_and_ranks(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    rows = _check(Document("d", text), detectors=["untranslated"]).issues.to_dict("records")
    assert [(r["span"], None if pd.isna(r["suggestion"]) else r["suggestion"], r["message"])
            for r in rows] == expected
    assert {r["code"] for r in rows} == {"UNTRANSLATED-WORD"}


@pytest.mark.parametrize(
    "text",
    [
        "Le modèle 105 BT est sorti. Il a payé 20 LS.",  # no degree, no lat/long pair: codes
        "Il a lu « Kombes » hier ; le Kombesien n'existe pas.",  # quoted, or part of a word
        "Le Kapolda a parlé, puis l'AKP d'Erdogan.",  # a title before no name; Turkey's AKP
    ],
)
def test_indonesian_coordinates_and_ranks_never_flagged(text: str) -> None:
    assert _check(Document("d", text), detectors=["untranslated"]).issues.empty


def test_word_languages_are_an_option() -> None:
    # Italian read too: "sagre" (a French fish name missing from the dictionary) is then flagged
    text = "Le sagre commun vit dans les grands fonds."
    checker = Checker(bt_model=None, rt_model=None, cache=False, detectors=["untranslated"],
                      detector_options={"untranslated": {"languages": "en,it"}})
    assert checker.run([Document("d", text)]).issues["span"].tolist() == ["sagre"]
    for value, message in (("en,xx", "xx is not a language wordfreq has a word list for"),
                           ("en,fr", "give one or more languages other than French (fr)"),
                           ("", "give one or more languages other than French (fr)")):
        with pytest.raises(InputError, match=rf"^untranslated.languages: {re.escape(message)}$"):
            Checker(bt_model=None, rt_model=None, cache=False, detectors=["untranslated"],
                    detector_options={"untranslated": {"languages": value}}).run([Document("d", text)])


def test_capitalised_and_accented_capital_words_are_not_untranslated_words() -> None:
    # only lower-case words: "Bocor" or "Ébocor" could be names
    text = "Il a rencontré Bocor et Ébocor hier, puis Dinkes."
    assert _check(Document("d", text), detectors=["untranslated"]).issues.empty
