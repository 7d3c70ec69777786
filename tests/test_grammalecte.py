"""The optional Grammalecte detector: the rules its table keeps, the mapping of its errors to
issues, its options, its table, and its absence."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest
from markers import needs_grammalecte

from mt_check.detectors import grammalecte as glc
from mt_check.detectors.grammalecte import INSTALL_HINT, GrammalecteDetector
from mt_check.types import Category, Severity


def _found(ctx, detector=None):  # type: ignore[no-untyped-def]
    issues = list((detector or GrammalecteDetector()).detect(ctx))
    for issue in issues:
        assert ctx.document.text[issue.start : issue.end] == issue.span
        assert issue.code in GrammalecteDetector.declared()
    return issues


# -- what the default detector (the table's kept rules) reports ----------------------------------


@needs_grammalecte
@pytest.mark.parametrize(
    ("paragraphs", "code", "span", "start", "suggestion", "category"),
    [
        # A month name capitalised mid-sentence (maj: spelling).
        ("La réunion a eu lieu le 3 Mars 2021 à Paris.", "GRAMMALECTE-MAJ", "Mars", 26, "mars",
         Category.SPELLING),
        # A day name capitalised mid-sentence.
        ("Il viendra le Lundi 4 mars pour signer l'accord.", "GRAMMALECTE-MAJ", "Lundi", 14, "lundi",
         Category.SPELLING),
        # Two sentences run together: the missing space after the full stop is punctuation.
        ("Le ministre est parti hier.Les discussions reprendront demain.", "GRAMMALECTE-TYPO", "Les", 27,
         " Les", Category.PUNCTUATION),
        # A space before a comma.
        ("Le marché a chuté , selon les analystes.", "GRAMMALECTE-TYPO", " ,", 17, ",", Category.PUNCTUATION),
        # A space before a closing bracket.
        ("Le groupe (fondé en 1990 ) a été vendu.", "GRAMMALECTE-TYPO", " )", 24, ")", Category.PUNCTUATION),
        # A past participle where "de" wants the infinitive.
        ("Il a décidé de partir et de retourné au pays.", "GRAMMALECTE-INFI", "retourné", 28, "retourner",
         Category.GRAMMAR),
        # ... and after "ne pas".
        ("Le gouvernement a promis de ne pas augmenté les impôts.", "GRAMMALECTE-INFI", "augmenté", 35,
         "augmenter", Category.GRAMMAR),
        # A missing elision ("au auditorium" -> "à l’auditorium").
        ("Le concert aura lieu au auditorium de la ville.", "GRAMMALECTE-ELEU", "au ", 21, "à l’",
         Category.GRAMMAR),
        # The euphonic "cet" before a noun (not before "est": see test_not_flagged).
        ("Ce arbre est grand.", "GRAMMALECTE-ELEU", "Ce", 0, "Cet", Category.GRAMMAR),
        # An uncontracted article: the contraction is suggested, not Grammalecte's first "a les".
        ("Les pertes sont dues à les difficultés du groupe.", "GRAMMALECTE-CONF", "à les", 21, "aux",
         Category.GRAMMAR),
        # A homophone confusion.
        ("Le restaurant fait parti des meilleurs de la ville.", "GRAMMALECTE-CONF", "parti", 19, "partie",
         Category.GRAMMAR),
        # Subject-verb agreement across a pronoun.
        ("Des raisons de santé l'oblige à partir.", "GRAMMALECTE-CONJ", "oblige", 23, "obligent",
         Category.AGREEMENT),
        # «à» for «a» after a noun, not after an adjective of degree
        ("La pluie à cessée hier.", "GRAMMALECTE-CONF", "à cessée", 9, "a cessée", Category.GRAMMAR),
        # «peut être» after an auxiliary is the adverb
        ("Il a peut être oublié son sac.", "GRAMMALECTE-CONF", "peut être", 5, "peut-être", Category.GRAMMAR),
        # Past participle after "être" (a rule never measured: its family's row keeps it).
        ("Les lignes téléphoniques ont été construit en 1963.", "GRAMMALECTE-PPAS", "construit", 33,
         "construites", Category.AGREEMENT),
        # Offsets in a later paragraph and sentence are document offsets.
        ([["Le canal existe.", "Il fonctionne bien."], ["La réunion a eu lieu le 3 Mars 2021."]],
         "GRAMMALECTE-MAJ", "Mars", 63, "mars", Category.SPELLING),
    ],
)
def test_default_rules(make_context, paragraphs, code, span, start, suggestion, category) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context(paragraphs, parse=False)
    issues = _found(ctx)
    assert [(i.code, i.span, i.start, i.end, i.suggestion) for i in issues] == [
        (code, span, start, start + len(span), suggestion)
    ]
    issue = issues[0]
    assert issue.category == category
    assert issue.severity == Severity.MINOR
    assert issue.detectors == ("grammalecte",)
    assert issue.message  # Grammalecte's own message
    sentence = ctx.sentences[issue.sent_id]
    assert sentence.start <= issue.start <= issue.end <= sentence.end


@needs_grammalecte
@pytest.mark.parametrize(
    "paragraphs",
    [
        # Correct French.
        "Les lignes téléphoniques spéciales ont été construites en 1963.",
        "Il est né en 1990. Sa mère était institutrice.",
        # Pronominal "nous nous".
        "Nous nous sommes parlé hier soir.",
        # Agreement around a name the lexicon does not know.
        "Il a percuté le Boeing de la Pan Am sur la piste.",
        # An English decimal point is not two sentences run together.
        "La magnitude était de 3.5 selon l'agence.",
        # Neither is a decimal comma after a letter and a digit, nor a time.
        "Un séisme de magnitude M5,7 a frappé la côte.",
        "Le rendez-vous est fixé à 10:30 demain.",
        # A ticker after an exchange's name.
        "Les actions de Snap (NYSE:SNAP) ont chuté de 19 %.",
        # Dotted names: a newsgroup, a file, a web address, initials, a model.
        "Voir le forum rec.arts.movies pour les critiques.",
        "Le fichier rapport.pdf est joint.",
        "Le document est disponible sur www.exemple.fr depuis hier.",
        "La société a été fondée par J.R. Smith en 1990.",
        # A URL's query string.
        "Ajoutez ?lang=fr à l'adresse de la page.",
        # Month and day names written in lower case; Mars the planet; a nationality noun.
        "Le vote a eu lieu le lundi 4 mars 2024.",
        "La planète Mars est visible ce soir.",
        "Les Européens ont voté dimanche.",
        # Typography is off by default: no non-breaking-space complaint before ":" or in « ».
        "Il a répondu : « Pas grand-chose. »",
        # An accent missing on a capital is house style (typography), off by default.
        "A noter : le musée ferme à midi.",
        # Spelling is the spelling detector's job.
        "Il a mangé une pomne rouge.",
        # A doubled word is the structure detector's job.
        "Sifca est est alors le premier groupe privé.",
        # An unelided pronoun "ce" before "est"/"était" is the contractions detector's ("c’est"):
        # Grammalecte takes it for a determiner ("cet est", "ce étai").
        "Ce est une bonne idée.",
        "Il dit que ce était vrai.",
        # ... and "se" + "avoir" is the verbforms detector's ("se ont" -> "se sont", not "s’ont").
        "Ils se ont vus hier.",
        # ... and "qu'il et sa famille" the constructions detector's ("que lui et", not "ait").
        "Il a déclaré qu’il et sa famille étaient partis.",
        # a file type after a space: no sentence glued to a full stop
        "Convertissez le fichier .mdb au format .accdb.",
        # «c'» for «s'» after its subject: not a participle to make agree with «c'» (the
        # contractions detector gives «s'est tenue»)
        "La réunion c'est tenue à Paris.",
        # a conjunction taking the indicative between the verb of asking and the clause
        "Il vous sera demandé chaque fois que vous souhaitez modifier les paramètres.",
        # a range of adjectives: «élevée» is no participle of «a élevé» (neither fix)
        "Des pluies d’intensité modérée à élevée sont attendues et un risque faible à élevé.",
        # «peut être» + participle is a passive of «pouvoir», even after a name without article
        "Gestion des API Azure peut être déployé dans un réseau virtuel Azure.",
        # «prêt à» + infinitive, even after «très»
        "Son équipe est très prête à donner une victoire.",
    ],
)
def test_not_flagged(make_context, paragraphs) -> None:  # type: ignore[no-untyped-def]
    assert [(i.code, i.span) for i in _found(make_context(paragraphs, parse=False))] == []


@needs_grammalecte
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A missing space after a comma or colon before a word is one.
        ("Il est parti,puis il est revenu.", [("puis", " puis")]),
        ("Le texte dit ceci:la réunion est reportée.", [("la", " la")]),
        # After a full stop: a capitalised word after a word, even after initials-like "St".
        ("Il est parti hier.Les discussions reprennent.", [("Les", " Les")]),
        # Not missing spaces: a decimal, a ticker, a newsgroup, a model number, a URL query.
        ("Un séisme de magnitude M5,7 a frappé.", []),
        ("Les actions (NYSE:SNAP) ont chuté.", []),
        ("Voir rec.arts.movies en ligne.", []),
        ("Voir le modèle D.III du constructeur.", []),
        ("Ajoutez ?lang=fr à la fin.", []),
    ],
)
def test_missing_space_rules(make_context, text, expected) -> None:  # type: ignore[no-untyped-def]
    # The missing-space rules alone (rules=), whatever the table decides.
    detector = GrammalecteDetector(
        rules="typo_espace_manquant_après1,typo_espace_manquant_après2,typo_espace_manquant_après3"
    )
    issues = _found(make_context(text, parse=False), detector)
    assert [(i.span, i.suggestion) for i in issues] == expected
    assert {(i.code, i.category) for i in issues} <= {("GRAMMALECTE-TYPO", Category.PUNCTUATION)}


# -- options: families=, rules=, typography= ----------------------------------------------------


@needs_grammalecte
@pytest.mark.parametrize(
    ("paragraphs", "family", "code", "span", "start", "suggestion", "category"),
    [
        # Noun-phrase agreement (the sample article's "spéciaux"): gn is not in the default set
        # (its unseen rules flag correct French), families= reports all its rules.
        ("Les lignes téléphoniques spéciaux entre Moscou et Washington ont été coupées.", "gn",
         "GRAMMALECTE-GN", "spéciaux", 25, "spéciales", Category.AGREEMENT),
        # Subject-verb agreement: Grammalecte's two alternative fixes ("Ils", "va") become one
        # issue over both words, suggesting the rule's first action.
        ("Il vont à Moscou demain.", "conj", "GRAMMALECTE-CONJ", "Il vont", 0, "Il va", Category.AGREEMENT),
        # A dateline does not hide the noun phrase that opens the sentence.
        ("JAKARTA - Les lignes téléphoniques spéciaux entre la Russie et Washington.", "gn",
         "GRAMMALECTE-GN", "spéciaux", 35, "spéciales", Category.AGREEMENT),
        # Offsets of a later paragraph and sentence are document offsets.
        ([["Le canal existe.", "Il fonctionne bien."], ["Il vont à Moscou demain."]], "conj",
         "GRAMMALECTE-CONJ", "Il vont", 37, "Il va", Category.AGREEMENT),
    ],
)
def test_families_option(make_context, paragraphs, family, code, span, start, suggestion, category) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context(paragraphs, parse=False)
    issues = [i for i in _found(ctx, GrammalecteDetector(families={family})) if i.code == code]
    assert [(i.span, i.start, i.end, i.suggestion, i.category) for i in issues] == [
        (span, start, start + len(span), suggestion, category)
    ]


@needs_grammalecte
def test_families_option_only_those(make_context) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context("Il vont à Moscou et les lignes spéciaux sont coupées.", parse=False)
    # A comma-separated string, as --detector-option grammalecte.families=gn passes it.
    assert {i.code for i in _found(ctx, GrammalecteDetector(families="gn"))} == {"GRAMMALECTE-GN"}


@needs_grammalecte
@pytest.mark.parametrize(
    "rules",
    [
        # A rule branch (what the table lists) ...
        "g2__conj_il__b1",
        # ... or one of its actions' sRuleId: the same rule.
        ["g2__conj_il__b1_a1_1"],
    ],
)
def test_rules_option(make_context, rules) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context("Il vont à Moscou et les lignes spéciaux sont coupées.", parse=False)
    issues = _found(ctx, GrammalecteDetector(rules=rules))
    assert [(i.code, i.span, i.suggestion) for i in issues] == [("GRAMMALECTE-CONJ", "Il vont", "Il va")]


@needs_grammalecte
def test_typography_option(make_context) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context("Il a répondu : « Pas grand-chose. »", parse=False)
    issues = _found(ctx, GrammalecteDetector(typography=True))
    # Each non-breaking-space rule: typography, minor.
    assert {(i.code, i.category, i.severity) for i in issues} == {
        ("GRAMMALECTE-NBSP", Category.TYPOGRAPHY, Severity.MINOR)
    }
    assert [i.span for i in issues] == [" :", "« ", " »"]


@needs_grammalecte
def test_typography_option_keeps_real_errors_apart(make_context) -> None:  # type: ignore[no-untyped-def]
    ctx = make_context("A noter : le marché a chuté , selon les analystes.", parse=False)
    found = {(i.span, i.category) for i in _found(ctx, GrammalecteDetector(typography=True))}
    # The accent on a capital is typography; the space before a comma stays punctuation.
    assert ("A", Category.TYPOGRAPHY) in found
    assert (" ,", Category.PUNCTUATION) in found


@needs_grammalecte
def test_sample_article(make_context) -> None:  # type: ignore[no-untyped-def]
    from mt_check.detectors.base import DocumentContext
    from mt_check.segment import segment
    from mt_check.types import Document

    path = Path(__file__).resolve().parent.parent / "data" / "kremlin_hotline_fr.txt"
    document = Document("kremlin", path.read_text(encoding="utf-8"))
    sentences = segment(document)
    ctx = DocumentContext(document, sentences, (None,) * len(sentences))
    # The gold spans 158-166 and 414-422, "spéciaux" -> "spéciales": the gn family finds them
    # (families="gn"); by default gn's unmeasured rules are off (they would flag correct French,
    # says the rule table), so the default detector reports nothing here.
    gn = _found(ctx, GrammalecteDetector(families="gn"))
    assert [(i.code, i.start, i.end, i.suggestion) for i in gn] == [
        ("GRAMMALECTE-GN", 158, 166, "spéciales"),
        ("GRAMMALECTE-GN", 414, 422, "spéciales"),
    ]
    assert _found(ctx) == []


# -- the rule table -------------------------------------------------------------------------------


def _table_rows() -> list[dict[str, str]]:
    lines = glc.RULES_TABLE.read_text(encoding="utf-8").splitlines()
    rows = (line for line in lines if not line.startswith("#"))
    return list(csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_table_format() -> None:
    lines = glc.RULES_TABLE.read_text(encoding="utf-8").splitlines()
    # Header comments: the command that wrote it and Grammalecte's version.
    assert any(line.startswith("# written by: .venv/bin/python benchmarks/grammalecte_rules.py")
               for line in lines)
    assert any(line.startswith("# grammalecte ") for line in lines)
    rows = _table_rows()
    assert rows and all(r["decision"] in (glc.KEEP, glc.DROP) for r in rows)
    for row in rows:
        # Counts only (no MT text): every count column is a number.
        for column in ("mt_flags", "mt_correct", "mt_pages", "sequoia_flags", "gsd_flags", "typo_flags"):
            assert row[column].isdigit(), (row["rule"], column)
        assert int(row["mt_correct"]) <= int(row["mt_flags"])
        assert row["category"] in {c.value for c in Category}
    # Typography pedantry is never kept, whatever its counts.
    assert not [r["rule"] for r in rows if r["category"] == "typography" and r["decision"] == glc.KEEP]


@needs_grammalecte
def test_detector_loads_the_table_decisions() -> None:
    table = glc.load_rule_table()
    rows = _table_rows()
    rules = {r["rule"]: r for r in rows if r["rule"] != glc.ANY_RULE}
    families = {r["family"]: r for r in rows if r["rule"] == glc.ANY_RULE}
    assert {r: d.keep for r, d in table.rules.items()} == {
        r: row["decision"] == glc.KEEP for r, row in rules.items()
    }
    assert {f: d.keep for f, d in table.families.items()} == {
        f: row["decision"] == glc.KEEP for f, row in families.items()
    }
    detector = GrammalecteDetector()
    for rule, row in rules.items():
        assert detector.reports_rule(rule, row["family"]) == (row["decision"] == glc.KEEP), rule
    # An unmeasured rule follows its family's row.
    assert detector.reports_rule("g9__never_seen__b1", "ppas") == (families["ppas"]["decision"] == glc.KEEP)
    assert not detector.reports_rule("g9__never_seen__b1", "nbsp")
    # The engine options switch on every kept rule and every kept family.
    assert glc.options_for(table.kept_rules(), table.kept_families()) <= detector.option_families()
    assert table.digest in detector.data_version()


def test_table_digest_follows_the_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    copy = tmp_path / "rules.tsv"
    text = glc.RULES_TABLE.read_text(encoding="utf-8")
    copy.write_text(text, encoding="utf-8")
    assert glc.load_rule_table(copy).digest == glc.load_rule_table().digest
    changed = tmp_path / "changed.tsv"
    changed.write_text(text.replace("\tkeep\t", "\tdrop\t", 1), encoding="utf-8")
    assert glc.load_rule_table(changed).digest != glc.load_rule_table().digest
    bad = tmp_path / "bad.tsv"
    bad.write_text(text.replace("\tkeep\t", "\tmaybe\t", 1), encoding="utf-8")
    with pytest.raises(ValueError, match="maybe"):
        glc.load_rule_table(bad)


@needs_grammalecte
def test_codes_cover_every_family() -> None:
    declared = GrammalecteDetector.declared()
    for rule, options in glc.rule_options().items():
        for option in options:
            family = glc.family_of({"sType": option or "notype", "sRuleId": rule})
            assert f"GRAMMALECTE-{family.upper()}" in declared, (rule, family)


@needs_grammalecte
def test_available_and_versioned() -> None:
    detector = GrammalecteDetector()
    assert detector.unavailable_reason() is None
    assert detector.data_version().startswith(f"{GrammalecteDetector.version}+grammalecte-")
    assert "|" not in detector.data_version()  # the report signature's separator
    versions = {
        GrammalecteDetector().data_version(),
        GrammalecteDetector(typography=True).data_version(),
        GrammalecteDetector(families="gn").data_version(),
        GrammalecteDetector(rules="g2__conj_il__b1").data_version(),
    }
    assert len(versions) == 4  # each configuration has its own signature


# -- pure functions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "family"),
    [
        # The option name is the family.
        ({"sType": "gn", "sRuleId": "g3__gn_det_les_3m__b1_a3_1"}, "gn"),
        # Option-less rules: the rule name's prefix, without the graph of a graph rule.
        ({"sType": "notype", "sRuleId": "doublon"}, "doublon"),
        ({"sType": "notype", "sRuleId": "num_grand_nombre_avec_espaces"}, "num"),
        ({"sType": "notype", "sRuleId": "g2__conf_ils_non_verbe__b1_a3_1"}, "conf"),
    ],
)
def test_family_of(error, family) -> None:  # type: ignore[no-untyped-def]
    assert glc.family_of(error) == family


@pytest.mark.parametrize(
    ("rule", "key", "name"),
    [
        # A graph rule's actions share their branch.
        ("g2__conj_il__b1_a2_1", "g2__conj_il__b1", "conj_il"),
        ("gv1__ppas_avoir_été__b3_a1_1", "gv1__ppas_avoir_été__b3", "ppas_avoir_été"),
        # A regex rule is its own key and name.
        ("typo_espace_manquant_après3", "typo_espace_manquant_après3", "typo_espace_manquant_après3"),
    ],
)
def test_rule_key(rule, key, name) -> None:  # type: ignore[no-untyped-def]
    assert glc.rule_key(rule) == key
    assert glc.rule_name(rule) == name == glc.rule_name(key)


@pytest.mark.parametrize(
    ("rule", "family", "category"),
    [
        # Capitalised month names are spelling; accents on capitals are house style.
        ("g2__maj_mois__b3", "maj", Category.SPELLING),
        ("g2__maj_accents__b1", "maj", Category.TYPOGRAPHY),
        # In the typo family, missing or misplaced spaces around punctuation are punctuation
        # errors; quote and dash styles are typography.
        ("typo_espace_manquant_après3", "typo", Category.PUNCTUATION),
        ("typo_virgule_entre_deux_espaces", "typo", Category.PUNCTUATION),
        ("typo_guillemets_typographiques_doubles_ouvrants", "typo", Category.TYPOGRAPHY),
        ("typo_tiret_incise2", "typo", Category.TYPOGRAPHY),
        # A missing apostrophe is spelling; the apostrophe's shape is typography.
        ("typo_apostrophe_manquante", "typo", Category.SPELLING),
        ("apostrophe_typographique", "apos", Category.TYPOGRAPHY),
        # Non-breaking spaces, optional commas, agreement, style.
        ("nbsp_avant_deux_points", "nbsp", Category.TYPOGRAPHY),
        ("g0__virg_virgules_manquantes__b2", "virg", Category.PUNCTUATION),
        ("g2__conj_il__b1", "conj", Category.AGREEMENT),
        ("redondances_phrase", "redon2", Category.STYLE),
    ],
)
def test_category_of(rule, family, category) -> None:  # type: ignore[no-untyped-def]
    assert glc.category_of(rule, family) is category


def test_unavailable_when_import_fails(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    glc._checker.cache_clear()
    # A None entry in sys.modules makes `import grammalecte` raise ImportError.
    monkeypatch.setitem(sys.modules, "grammalecte", None)
    try:
        detector = GrammalecteDetector()
        assert detector.unavailable_reason() == INSTALL_HINT
        assert "grammalecte-absent" in detector.data_version()
    finally:
        glc._checker.cache_clear()  # the real checker, if any, loads again for later tests
