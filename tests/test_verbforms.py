"""Verb-forms detector: non-finite forms after prepositions, auxiliaries and modals, the mood of
subordinate clauses, "se" + "être" without a participle (parse and lexicon must agree)."""

from __future__ import annotations

import pytest

from mt_check.detectors import REGISTRY
from mt_check.detectors.base import PARSE
from mt_check.detectors.verbforms import VerbFormsDetector
from mt_check.types import Category, Severity

FORM = "GRAMMAR-VERB-FORM"
MOOD = "GRAMMAR-MOOD"
REFLEXIVE = "GRAMMAR-SPURIOUS-REFLEXIVE"
AUXILIARY = "GRAMMAR-AUXILIARY"
PASSIVE = "GRAMMAR-PASSIVE"
PRONOUN = "GRAMMAR-OBJECT-PRONOUN"


@pytest.fixture(scope="module")
def detector(lexicon) -> VerbFormsDetector:  # type: ignore[no-untyped-def]
    return VerbFormsDetector(lexicon)


def _found(detector: VerbFormsDetector, ctx) -> list[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    out = []
    for issue in detector.detect(ctx):
        assert ctx.document.text[issue.start : issue.end] == issue.span
        assert issue.category is Category.GRAMMAR
        assert issue.code in detector.declared()
        out.append((issue.code, issue.span, issue.suggestion))
    return out


def test_registered() -> None:
    assert REGISTRY["verbforms"] is VerbFormsDetector
    assert VerbFormsDetector.requires == frozenset({PARSE})
    assert set(VerbFormsDetector.declared()) == {FORM, MOOD, REFLEXIVE, AUXILIARY, PASSIVE, PRONOUN}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # --- participle where only an infinitive fits -------------------------------------
        # after "sans", with the participle's object
        ("Il est parti sans payé la facture.", [(FORM, "payé", "payer")]),
        # after "de" governed by a verb
        ("Le gouvernement a décidé de lancé une enquête.", [(FORM, "lancé", "lancer")]),
        # "afin de": the last word of the locution governs
        ("Ils se réunissent afin de réglé le différend.", [(FORM, "réglé", "régler")]),
        # after "à" governed by a verb
        ("Elle a commencé à acheté des actions.", [(FORM, "acheté", "acheter")]),
        # after "par" ("finir par"), the tagger reads the participle as a noun
        ("Il a fini par accepté.", [(FORM, "accepté", "accepter")]),
        # a reflexive clitic makes the noun reading ("un protégé") impossible
        ("Pour se protégé, il a fermé la porte.", [(FORM, "protégé", "protéger")]),
        # after a modal, across the negation
        ("Il ne peut pas payé sa dette.", [(FORM, "payé", "payer")]),
        # "aller" as a near-future auxiliary
        ("La société va annoncé ses résultats jeudi.", [(FORM, "annoncé", "annoncer")]),
        # impersonal "il faut"
        ("Il faut payé avant vendredi.", [(FORM, "payé", "payer")]),
        # a modal's own participle in a compound tense ("a pu")
        ("La banque a pu évité la faillite.", [(FORM, "évité", "éviter")]),
        # -ez form after a modal
        ("Vous pouvez consultez la liste.", [(FORM, "consultez", "consulter")]),
        # no bare noun follows "peut": "cité" is the verb here
        ("On peut cité plusieurs exemples.", [(FORM, "cité", "citer")]),
        # --- infinitive or -ez form where the auxiliary needs a participle ---------------
        # after "avoir": masculine singular participle
        ("Les députés ont signer la pétition hier.", [(FORM, "signer", "signé")]),
        # "a" after a noun subject, nothing else in the clause to make it a misspelt "à"
        ("Le ministre a décider de démissionner.", [(FORM, "décider", "décidé")]),
        # the tagger makes "avait" the verb and the infinitive its complement
        ("Il avait étudier la question pendant des années.", [(FORM, "étudier", "étudié")]),
        # -ez form after "avoir"
        ("Ils ont parlez longtemps avec le directeur.", [(FORM, "parlez", "parlé")]),
        # after "être", the participle agrees with a pronoun subject
        ("Elle est aller au marché ce matin.", [(FORM, "aller", "allée")]),
        ("Elles sont arriver hier soir.", [(FORM, "arriver", "arrivées")]),
        # ... and with a noun subject
        ("Les joueurs sont arriver en retard.", [(FORM, "arriver", "arrivés")]),
        ("La délégation est arriver à Genève.", [(FORM, "arriver", "arrivée")]),
        # --- mood after "après que": indicative ---------------------------------------
        # passé du subjonctif → passé composé, plural
        (
            "Le titre a reculé après que les analystes aient abaissé leurs prévisions.",
            [(MOOD, "aient", "ont")],
        ),
        # curly apostrophe, pronoun subject
        ("Le match a repris après qu’il ait cessé de pleuvoir.", [(MOOD, "ait", "a")]),
        # auxiliary "être"
        ("Après qu'ils soient partis, la fête a continué.", [(MOOD, "soient", "sont")]),
        # a main verb in the subjunctive: flagged, the indicative tense is the editor's choice
        (
            "Le titre a progressé après que la société prenne le contrôle de son rival.",
            [(MOOD, "prenne", None)],
        ),
        # the subject holds an apposition between commas: the first finite verb after "que"
        (
            "Le titre a chuté après que le régulateur, l'autorité des marchés, ait publié son avis.",
            [(MOOD, "ait", "a")],
        ),
        # an acronym's gloss in brackets after an English name: read through
        (
            "Les traders ont réagi après que la Reserve Bank of India (RBI) ait été suspectée.",
            [(MOOD, "ait", "a")],
        ),
        # --- mood after subjunctive triggers: subjunctive -----------------------------
        # concessive conjunction + indicative
        ("Bien qu'il est malade, il travaille.", [(MOOD, "est", "soit")]),
        # purpose conjunction, plural noun subject
        ("Nous travaillons pour que nos clients sont satisfaits.", [(MOOD, "sont", "soient")]),
        # "sans que" with the negative "ne": only the auxiliary changes
        ("Il est parti sans que personne ne l'a vu.", [(MOOD, "a", "ait")]),
        # "il faut que", the person from the pronoun
        ("Il faut que nous partons maintenant.", [(MOOD, "partons", "partions")]),
        # "recommander", "conseiller", "proposer que" (also as "il est recommandé que")
        ("Il est recommandé que vous utilisez un mot de passe fort.", [(MOOD, "utilisez", "utilisiez")]),
        ("Il propose que nous allons à Paris.", [(MOOD, "allons", "allions")]),
        # a verb of will, irregular subjunctive
        ("Je veux que vous savez la vérité.", [(MOOD, "savez", "sachiez")]),
        # spaCy lemmatises "demande" as a noun; the lexicon knows the verb
        ("Il demande que le gouvernement prend ses responsabilités.", [(MOOD, "prend", "prenne")]),
        # "veiller à ce que"
        ("Nous veillerons à ce que les données sont protégées.", [(MOOD, "sont", "soient")]),
        # "il est possible que" + conditional
        ("Il est possible que la banque pourrait relever ses taux.", [(MOOD, "pourrait", "puisse")]),
        # "la possibilité que" + conditional, the clause complete (passive)
        (
            "Le ministre évoque la possibilité que le budget pourrait être revu.",
            [(MOOD, "pourrait", "puisse")],
        ),
        # "il est peu probable que" + future
        ("Il est peu probable que la Fed relèvera ses taux.", [(MOOD, "relèvera", "relève")]),
        # "le risque que" + conditional
        (
            "Les analystes soulignent le risque que la banque centrale pourrait relever ses taux.",
            [(MOOD, "pourrait", "puisse")],
        ),
        # the plus-que-parfait du subjonctif after "après que" → passé antérieur
        ("Après qu'il eût signé, il partit.", [(MOOD, "eût", "eut")]),
        # --- mood after a hypothetical "si" ------------------------------------------
        # "si" + conditional, consequence in the conditional → imperfect
        ("Si j'aurais su, je serais venu.", [(MOOD, "aurais", "avais")]),
        # the "si" clause after the main clause
        ("La banque agirait si les prix augmenteraient.", [(MOOD, "augmenteraient", "augmentaient")]),
        # "si" + future, consequence in the future → present
        ("S'il pleuvra demain, nous resterons à la maison.", [(MOOD, "pleuvra", "pleut")]),
        # a «si» opening the sentence is a condition whatever its main clause (an imperative)
        ("Si les messages seront similaires ou auront le même contenu, composez-le d'abord.",
         [(MOOD, "seront", "sont"), (MOOD, "auront", "ont")]),
        ("JAKARTA - Si vous aurez besoin d'aide, appelez-nous.", [(MOOD, "aurez", "avez")]),
        # a «si» + present with a conditional consequence → imperfect
        ("Si les gains se maintiennent, la société ajouterait 76 milliards de dollars.",
         [(MOOD, "maintiennent", "maintenaient")]),
        # --- se + être without a participle ------------------------------------------
        # + adjective: "se" is spurious
        ("Les prix semblent s’être stables depuis janvier.", [(REFLEXIVE, "s’être", "être")]),
        ("Il faut s'être prêt à tout.", [(REFLEXIVE, "s'être", "être")]),
        # + bare noun: the participle is missing, no suggestion
        ("Le joueur s'est blessure au genou.", [(REFLEXIVE, "s'est blessure", None)]),
        # a reflexive verb takes "être": "se" + "avoir" gets the same tense of "être"
        ("Elle se a levée tôt.", [(AUXILIARY, "se a", "s’est")]),
        ("Ils se ont vus hier et se avaient parlé.",
         [(AUXILIARY, "se ont", "se sont"), (AUXILIARY, "se avaient", "s’étaient")]),
        # an imperative coordinated with a bare infinitive
        ("Respectez et apprécier la nature.", [(FORM, "apprécier", "appréciez")]),
        # «avoir été» + the participle of an intransitive verb of «être»
        ("Les manifestants ont été revenus dans la rue.", [(AUXILIARY, "ont été revenus", "sont revenus")]),
        # a bare infinitive (or a participle and its object) as the sentence's only verb
        ("BPBD activer les postes de réfugiés.", [(FORM, "activer", "active")]),
        ("Le gouvernement prolonger les restrictions jusqu'en juin.",
         [(FORM, "prolonger", "prolonge")]),
        ("Les habitants demander de l'aide au gouvernement.", [(FORM, "demander", "demandent")]),
        ("JAKARTA - La police enregistré 15 maisons endommagées.",
         [(FORM, "enregistré", "a enregistré")]),
        # «après» + a bare infinitive: the past infinitive, with être for verbs of motion
        ("Après cliquer sur Terminer, la page se recharge.", [(FORM, "cliquer", "avoir cliqué")]),
        ("Après arriver à Jakarta, le ministre a parlé.", [(FORM, "arriver", "être arrivé")]),
        # a bare present participle ending the sentence after its noun
        ("Les preuves sont des images et des vidéos circulant.", [(FORM, "circulant", "qui circulent")]),
        ("Les habitants ont reçu une lettre menaçant.", [(FORM, "menaçant", "qui menace")]),
        # «dans» + an infinitive that is no noun
        ("Ils ont des problèmes dans s’occuper de l’administration.", [(FORM, "dans s’occuper", None)]),
        ("La police a aidé dans rechercher les victimes.", [(FORM, "dans rechercher", None)]),
        # a personal passive of a verb whose person object is indirect
        ("Le tweet a été répondu par le personnel du ministre.", [(PASSIVE, "a été répondu", None)]),
        ("La question n'a jamais été répondue.", [(PASSIVE, "a jamais été répondue", None)]),
        ("Les habitants ont été demandés de quitter leurs maisons.", [(PASSIVE, "ont été demandés", None)]),
        ("Shin a été donné la responsabilité de l’équipe.", [(PASSIVE, "a été donné", None)]),
        ("Les patients sont conseillés de boire de l'eau.", [(PASSIVE, "sont conseillés", None)]),
        # after a modal, with an adverb before the participle
        ("Les questions doivent être bien répondues.", [(PASSIVE, "être bien répondues", None)]),
        # «il vaut mieux que», «mieux vaut que» + subjunctive
        ("Il vaut mieux que le public suivra les consignes.", [(MOOD, "suivra", "suive")]),
        # verbs with no direct object: no passive ("your account was accessed")
        ("Votre compte a été accédé depuis un nouvel appareil.", [(PASSIVE, "a été accédé", None)]),
        ("Les fonds ont été bénéficiés par les habitants.", [(PASSIVE, "ont été bénéficiés", None)]),
        # any verb whose participle the lexicon has only invariable
        ("Nous espérons que le régent sera coopéré.", [(PASSIVE, "sera coopéré", None)]),
        ("Les habitants ont été participé à la réunion.", [(PASSIVE, "ont été participé", None)]),
        # an indirect object pronoun with a verb whose person object is direct (English "him")
        ("Il a souri lorsqu'on lui a interrogé sur le cabinet.", [(PRONOUN, "lui ", "l’")]),
        ("Elle ne lui a pas interrogé.", [(PRONOUN, "lui ", "l’")]),
        ("Il leur a aidé à porter les sacs.", [(PRONOUN, "leur", "les")]),
        ("Il faut trouver un moyen pour leur aider.", [(PRONOUN, "leur", "les")]),
        # ... before a consonant the person's gender decides: no suggestion
        ("Elle lui remercie pour son aide.", [(PRONOUN, "lui", None)]),
        # a direct object pronoun with a verb whose person object is indirect
        ("Il l'a répondu hier soir.", [(PRONOUN, "l'", "lui ")]),
        ("Le ministre les a demandé de partir.", [(PRONOUN, "les", "leur")]),
    ],
)
def test_flags(detector: VerbFormsDetector, parsed_document, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert _found(detector, parsed_document(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # adjectival participles and fixed phrases after prepositions
        "Un livre à moitié lu traîne sur la table.",
        "Après réflexion, il a accepté.",
        "Le chômage a baissé de deux pour cent.",
        "De plus, il pleut.",
        "Un produit fait à la main.",
        "À partir de demain, tout change.",
        "Par exemple, le marché a baissé.",
        "Mis à part ce détail, tout va bien.",
        "Il y avait plein de gens fatigués.",
        "Il a laissé le blessé pour mort.",
        # "de" + participle after an indefinite pronoun or a number
        "Il n'y a rien de changé.",
        "Il a quelque chose de prévu ce soir.",
        # participle nouns after prepositions ("le passé", "un traité")
        "Le temps passé à attendre est perdu.",
        "Les deux pays ont signé un accord pour le passé.",
        "Le ministre a présenté le projet de traité.",
        # a misspelt noun, not a participle ("côté")
        "La sécurité n'est pas mise de coté.",
        # participle after être and avoir: passive and compound tenses
        "Il est allé au marché.",
        "Elle a été élue présidente.",
        "Il a été publié en 2020.",
        "Le livre est publié chez Gallimard.",
        "Le projet a été mené à bien.",
        "Il doit être payé demain.",
        "Cela peut être réglé rapidement.",
        # c'est + infinitive, a noun attribute after être, "avoir à"
        "C'est aller trop loin.",
        "Il a été conseiller du ministre.",
        "Le dîner est servi.",
        "Il a à manger.",
        # a misspelt "à" after a noun or an adjective ("à laver", "prêt à")
        "La machine a laver est en panne.",
        "Il est prêt a partir.",
        # perception verbs and "sembler" take participles
        "Je l'ai vu blessé.",
        "Il semble fatigué.",
        "Les résultats sont à publier demain.",
        # "après que" + indicative, subjunctive triggers + subjunctive
        "Après qu'il a déclaré forfait, le match a été arrêté.",
        "Bien qu'il soit malade, il travaille.",
        # forms that are both indicative and subjunctive
        "Bien qu'il mange peu, il grossit.",
        "Pour que le système fonctionne, il faut redémarrer.",
        # a conjunction of time or cause ending in «que» takes the indicative, whatever the
        # verb before it ("il vous sera demandé chaque fois que vous souhaitez")
        "Une fois le code ajouté, il vous sera demandé chaque fois que vous souhaitez modifier le compte.",
        "Il exige, dès que vous arrivez, que tout soit prêt.",
        # "bien" as an adverb before a completive
        "Il sait bien que tu es là.",
        "Je pense que tu es là.",
        "Il est probable que la banque relèvera ses taux.",
        # "bien que" + conditional, which usage admits
        "Bien qu'il serait facile de renoncer, nous continuons.",
        # "il est probable que" takes the indicative
        "Il est probable que la Fed relèvera ses taux.",
        # passé antérieur after "après que"
        "Après qu'il eut signé, il partit.",
        # relative clauses after "la possibilité", "le risque"
        "La possibilité qu'il a évoquée est sérieuse.",
        "Le risque que les investisseurs ont pris a payé.",
        "La possibilité que vous avez de choisir est précieuse.",
        # restrictive "ne … que" after a trigger verb
        "Il ne veut que la paix.",
        "Il ne faut que cinq minutes pour y aller.",
        # the completive of another verb after "vouloir"
        "Il veut montrer que la situation est grave.",
        # "à ce que" meaning "according to"
        "À ce qu'il paraît, la réunion est annulée.",
        # "il n'empêche que" + indicative
        "Il n'empêche que les défilés auront moins d'éclat.",
        # an elliptical "bien que" clause without a verb
        "Le message, bien que feutré, est clair.",
        # indirect questions keep their conditional or future
        "Je me demande s'il viendrait.",
        "Il ne sait pas si elle viendra.",
        # a pronominal verb's compound tense, the impersonal passive, verbs conjugated with être
        "Ils se sont succédé à la tribune ; elles se sont nui et se sont souri.",
        "Il a été procédé à l'examen des comptes ; il sera répondu à toutes les questions.",
        "Le projet a été lancé hier ; il est venu, ils sont arrivés et elle a dormi.",
        "Nous ne savons pas encore si le projet sera retenu.",
        "Dites-moi si vous viendrez demain, et si vous serez seul.",
        # a modal's conditional is politeness; imperfect + conditional is the rule
        "Si vous voulez, nous pourrions partir ; si cela est vrai, cela voudrait dire beaucoup.",
        "Si la base légale était correcte, cette directive aurait abouti.",
        "Si vous avez besoin d'aide, appelez-nous ; si le projet aboutit, il sera présenté.",
        # concessive "si" and "même si" + conditional
        "S'il serait exagéré de parler de crise, il reste que la situation est grave.",
        "Même si j'aurais préféré une autre solution, j'accepte.",
        # a correct hypothesis
        "Si la banque relevait ses taux, le marché chuterait.",
        # se + être + participle (also when the tagger calls it an adverb)
        "Elle s'est montrée heureuse.",
        "Il s'est senti seul.",
        "Ils se sont dits prêts à négocier.",
        "Il s'est tu.",
        "Elle s'est lavé les mains.",
        "Ils se sont tous rendus à la réunion.",
        "Elles se sont aperçues de leur erreur.",
        "Il s'est rendu compte de son erreur.",
        # "se" before a verb that only starts like "avoir" ("se avérer" is the elision's job)
        "Il se demande ce qu'il a fait, et le projet se avère utile.",
        # headlines and captions with a participle, a conjugated verb, a causative
        "Un homme arrêté pour vol à Jakarta.",
        "Deux suspects arrêtés hier soir.",
        "Photo prise le 3 mars.",
        "Le président élu Prabowo Subianto.",
        "Le PAN salué par les observateurs.",
        "Son nouvel ami le fait engager comme figurant.",
        "Prolonger les restrictions.",
        # the past infinitive; set phrases; «d'après», «après-demain», «après tout»
        "Après avoir cliqué sur Terminer et après être arrivé, il a parlé.",
        "Après manger, il dort ; d'après lui, il viendra après-demain. Après tout, il a raison.",
        # a present participle with a complement, an agreeing verbal adjective, a noun, a
        # preposition, a gerund, set phrases
        "Le ministère a vérifié les informations circulant sur les réseaux sociaux.",
        "Il a reçu un message menaçant.",
        "Les manifestants sont venus ; il a plu la nuit durant.",
        "Elle écoute la musique en chantant.",
        "Prévenez votre médecin, le cas échéant ; il est parti, chemin faisant.",
        # two imperatives; an imperative then «pour» + infinitive
        "Respectez et appréciez la nature ; venez et voyez.",
        "Cliquez et attendez pour continuer.",
        # the passive of a verb with a transitive use
        "Les bagages ont été descendus et les poubelles ont été sorties.",
        # «dans» + a noun, an infinitive used as a noun, an article
        "Il a mis son cœur dans son travail ; il vit dans le devoir et dans le rire.",
        # the impersonal passive, an inverted subject, a time after the participle, a relative
        "Il a été demandé de quitter les lieux ; il ne leur a pas été demandé de partir.",
        "Il est recommandé de redémarrer et il est permis de fumer.",
        "Ont été remis les prix suivants ; le prix a été remis le 5 mai.",
        "Le livre a été donné la semaine dernière et les prix qui ont été attribués lundi.",
        "Il a répondu à la question et elle a été autorisée à partir.",
        "Il doit être demandé de partir ; il chante mieux que tu ne danses.",
        "Il a été remédié à ce problème ; il a accédé à son compte ; le bruit a été nuisible.",
        # object pronouns of the right case; a dative of the body part or of benefit; a stressed
        # «lui» (after «quant à», as the subject of a relative); «l'a demandé» asks for a thing
        "Il lui a demandé de partir, nous leur avons conseillé de rester et il les a aidés.",
        "Il lui a cassé le bras et lui a appelé un taxi.",
        "Claude a quant à lui prévenu la presse ; les gens que lui a aidés sont partis.",
        "Il l'a demandé de nouveau et il leur a répondu.",
        "Lui aide les enfants, elle cuisine.",
        # a range of adjectives: «élevé» after «faible à» is an adjective
        "Le risque est jugé faible à élevé, et modéré à élevé ailleurs.",
    ],
)
def test_never_flags(detector: VerbFormsDetector, parsed_document, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _found(detector, parsed_document(text)) == []


def test_offsets_severity_and_message(detector: VerbFormsDetector, parsed_document) -> None:  # type: ignore[no-untyped-def]
    # document offsets on the second line; the missing-participle case is major, the rest minor
    ctx = parsed_document("Il pleut.\nIl est parti sans payé.\nLe joueur s'est blessure au genou.")
    issues = list(detector.detect(ctx))
    assert [(i.start, i.end, i.severity) for i in issues] == [
        (28, 32, Severity.MINOR),
        (44, 58, Severity.MAJOR),
    ]
    assert issues[0].message == "after «sans» the verb must be an infinitive: «payer», not «payé»"


def test_no_parse_no_issues(detector: VerbFormsDetector, make_context) -> None:  # type: ignore[no-untyped-def]
    # without the shared parse (PARSE not computed) the detector stays silent
    assert list(detector.detect(make_context("Il est parti sans payé.", parse=False))) == []
