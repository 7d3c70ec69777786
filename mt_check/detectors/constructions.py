"""Constructions MT gets wrong: a verb or noun governing the wrong preposition, a missing "que"
or "de", English constructions translated word for word.

Codes:

- ``GRAMMAR-PREPOSITION`` (grammar, minor): a noun that takes "de" before an infinitive, used
  after a support verb with "à": "commis une erreur à penser" → "erreur de penser", "avoir
  raison à partir" → "raison de partir". The nouns are those of the locutions "avoir tort /
  raison / peur / honte / besoin / envie / l'intention de", "commettre / faire l'erreur de".
  "une erreur à ne pas reproduire" (à + negated infinitive, a passive reading) is left alone.
  Also words whose preposition MT drops or swaps: "cliquez le bouton" → "cliquez sur",
  "appuyez la touche" → "appuyez sur", "un lien à la page" → "vers", "a chuté 12 %" → "a chuté
  de 12 %", "dans 2023" / "dans janvier" → "en".
- ``GRAMMAR-REFLEXIVE-IMPERATIVE`` (grammar, minor): "Assurez que" → "Assurez-vous que",
  "Connectez à votre compte" → "Connectez-vous à": listed verbs, before the word that marks
  their pronominal sense, with no subject before them.
- ``GRAMMAR-NOUN-AS-ADJECTIVE`` (grammar, minor): "les postes ministres" → "ministériels", "le
  budget gouvernement" → "gouvernemental", "les agents police" → "de police": a listed noun
  right after a common noun where French uses its relational adjective.
- ``GRAMMAR-NEGATIVE-ARTICLE`` (grammar, minor): "vous n'avez pas un compte" → "pas de compte",
  "il n'y a pas des problèmes" → "pas de", "n'affiche plus des notifications" → "plus de": the
  indefinite article after a negated *avoir* or a listed common transitive verb.
- ``GRAMMAR-MISSING-ARTICLE`` (grammar, minor): a sentence (or its dateline) opened by a title
  and its complement without the article, the subject of a verb that follows ("JAKARTA - Chef
  du bureau … a demandé" → "Le chef"; Indonesian has no articles). An apposition before a
  comma ("Ministre de l'Intérieur depuis 2017, il a …") is French. The suggestion
  leaves epicene titles (ministre, porte-parole, secrétaire) to the reviewer. Also an English
  bare plural opening the sentence as the subject of a plural verb ("Banques étudient …" →
  "Les banques"); coordinations ("Hommes et femmes sont venus") and names are French.
- ``GRAMMAR-DOUBLE-NEGATION`` (grammar, minor): «ne … pas» with «aucun» later in the clause, or
  «pas jamais» (English "not … any"): «pas» goes.
- ``GRAMMAR-PRESENTATIVE`` (grammar, minor): "Ils sont des pays" → "Ce sont des pays", "Il est
  un outil" → "C'est un outil" (English "they are", "it is"); the impersonal «il est une heure»,
  «il est l'un des», «il était une fois» are French.
- ``GRAMMAR-IMPERSONAL`` (grammar, minor): "Cela doit y avoir une coordination" → "Il doit y
  avoir": «y avoir» (there is) after a modal takes the impersonal «il», not a demonstrative or
  the sentence's opening noun phrase ("Cette période doit y avoir…": no suggestion, the noun
  must become an adverbial).
- ``GRAMMAR-STRESSED-PRONOUN`` (grammar, minor): "qu'il et sa famille" (Indonesian "bahwa dia
  dan …") → "que lui et sa famille", "qu'ils et" → "que eux et": a subject pronoun coordinated
  with a noun or a pronoun takes its stressed form ("qu'elle et Marie" is French).
- ``GRAMMAR-MISSING-SUBJECT`` (grammar, minor): a reporting verb after a closing quotation mark
  and a comma with nothing after it that can be its subject («…», a déclaré.», «…», a déclaré
  aux journalistes lundi.») → the inverted pronoun «a-t-il déclaré». A name or an article after
  the verb, outside a prepositional phrase, is the subject («a déclaré le ministre»).
- ``GRAMMAR-CONNECTOR`` (grammar, minor): «parce» without «que» (Indonesian "karena", English
  "because of"): before a clause → «parce que», before a noun → «à cause de».
- ``GRAMMAR-CALQUE`` also covers «S'il vous plaît» + infinitive (English "Please note") →
  «Veuillez noter», and «s'efforcer pour» + infinitive → «s'efforcer de».
- ``STYLE-COLLOCATION`` (style, minor): the verb English pairs with a noun where French takes
  another ("causer une défaite" → «infliger», "poser une menace" → «constituer», "faire une
  décision" → «prendre», "payer attention" → «prêter», "adresser un problème" → «traiter»,
  "supporte les formats" → «prend en charge», "atteindre un accord": «parvenir à»), the French
  verb in the same form.
- ``STYLE-ANGLICISM`` (style, minor): English expressions word for word where French has its
  own, from the usage guides' lists (Académie française, OQLF): an event that «prend place»
  («a lieu»), «prendre action» («agir»), «prendre avantage de» («profiter de»), «mettre
  l'emphase sur» («l'accent»), «sur une base quotidienne» («quotidiennement»), «Dû à» opening a
  sentence («En raison de»), «éligible pour» («à»), «assumer que» («supposer»), «excité de»
  («ravi»), «dans le futur» («à l'avenir»), «jusqu'à date», «est localisé à» + a place
  («situé»), «mandatoire», «éducationnel», «au meilleur de ma connaissance», «être sous
  l'impression», «à l'intérieur de 30 jours» («sous»), «en addition» («de plus»). The
  collocations above also take English "deliver a speech", "gain weight", "pay a visit", "ask a
  question", "make money", "take an exam", "commit suicide", "secure funding", "pass a law",
  "join a team", "meet expectations / a deadline / a goal".
- ``GRAMMAR-PREPOSITION`` also covers the purpose of «utiliser/employer» with «à» («utiliser des
  armes … à frapper» → «pour frapper»; time, money or effort spent keeps «à»), «accéder» with a
  bare object ("accéder les paramètres" → «accéder aux») and a change «par» a percentage
  ("augmenté par 10 %" → «de»); ``GRAMMAR-CALQUE`` «être attendu à» + infinitive ("sont attendus
  à atteindre" → «devraient»).
- ``WORD-ORDER-NOUN-ADJUNCT`` (word-order, minor): English noun-adjunct order in software
  documentation: a determiner, an identifier or a capitalised English word the lexicon lacks,
  then a noun of a closed list (propriété, objet, méthode, bouton…): "la Text propriété" → "la
  propriété Text", "le SetClusterConfig méthode" → "la méthode SetClusterConfig" (the article
  follows the noun's gender).
- ``WORD-ORDER-WEEKDAY`` (word-order, minor): a weekday where English puts "on Tuesday": before
  a relative clause ("la roupie mercredi, qui a été sous pression") or right after "depuis …"
  ("sa plus forte baisse depuis un an mardi"). No suggestion: the sentence must be reordered.
- ``GRAMMAR-MISSING-QUE`` (grammar, major): a verb of saying or making known, its optional "à"
  object, then a comma and a new clause with its own subject and verb, where French needs
  "que": "vise à clarifier aux ennemis potentiels, une riposte est inévitable" → "… potentiels
  qu'une riposte est inévitable". The subject may carry "de" complements and a relative clause
  ("le tremblement de terre qui s'est produit était…"). The span runs from the verb to the
  subject of the new clause; the suggestion inserts "que". When a participial or gerund phrase
  between commas comes first ("a déclaré, étant donné l'emplacement de l'épicentre, le séisme
  était…", "a déclaré, citant une source, le président est…"), or an adverbial aside without a
  verb ("a dit, à partir de demain, toute personne sera…", "a expliqué, lundi, la situation
  est…"), or a subordinate clause of time, cause or condition ("a expliqué, depuis que le
  moratoire a été imposé, il y a …", where a pronoun subject counts too), the issue is
  zero-length after the verb and the suggestion " que". Parenthetical uses
  ("comme il l'a expliqué, la situation est grave"), an object after the aside ("il a annoncé,
  en revanche, la fin des travaux"), and a participle or infinitive that opens a fronted
  adverbial ("Avant de répondre, le ministre a…", "quelques morts annoncés, les
  télévisions ont…": no verb before it) are left alone.

- ``GRAMMAR-MISSING-DE`` (grammar, minor): an adverb of quantity (beaucoup, trop, assez, peu,
  tant, autant, énormément, combien; plus and moins before a plural) right before a word the
  lexicon knows only as a common noun:
  "beaucoup personnes" → "beaucoup de personnes" ("d’" before a vowel). "trop tard", "peu
  importe", "beaucoup plus", "merci beaucoup Marie" have no noun there. The same after a noun of
  number: "38 millions dollars" → "millions de dollars", "un millier personnes".
- ``GRAMMAR-QUANTIFIER-DE`` (grammar, minor): a pronoun of quantity, "de" and a bare plural noun:
  "la plupart de victimes" → "la plupart des victimes", "chacun de participants" → "chacun des",
  "plusieurs de maisons" → "plusieurs maisons" ("plusieurs de ces maisons", "la plupart d’entre
  eux", "chacun de nous" are French).
- ``GRAMMAR-CALQUE`` (grammar, minor): English constructions translated word for word that are
  never French as they stand: "en ordre de" + infinitive ("in order to") → "afin de" ("en ordre
  de marche" is French), "ce qui est pourquoi" ("which is why") → "c’est pourquoi", "faire du
  sens" ("make sense") → "avoir du sens" in the same tense and person; "plus que 20 ans" ("more
  than") → "plus de" before an amount (not "ne … plus que", "pas plus que", nor a year or a
  thing compared); a verb with its English counterpart's preposition ("participé dans" → "à",
  "consiste de" → "en", "dépend sur" → "de", "se conformer avec" → "à", "insisté que" →
  "pour que", "n'hésitez pas de" → "à"); "entre l'Indonésie avec la Malaisie" (Indonesian
  "antara … dengan") → "et"; "en ligne avec les attentes" ("in line with") → "conforme aux";
  "nommé comme ministre" ("appointed as") → "nommé ministre"; "a rencontré avec" (Indonesian
  "bertemu dengan") → "a rencontré"; "autant que 50 personnes" ("sebanyak") → "50 personnes".

These valency facts are written here because no maintained French resource we can ship gives
verb and noun government; the lists are short and each entry is a standard locution.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from mt_check.detectors.base import PARSE, WEEKDAYS, Code, DocumentContext, LexiconDetector, dateline_end
from mt_check.language import zipf
from mt_check.lexicon import NAME_POS
from mt_check.types import Category, Issue, Sentence, Severity

# Support verbs and the nouns that, after them, take "de" + infinitive.
_SUPPORT_VERBS = frozenset({"avoir", "commettre", "faire"})
# Adjectives that open a sentence as its attribute ("Nombreux sont ceux qui …", "Rares sont …").
_PREDICATIVE_FIRST = frozenset("nombreux nombreuses rares divers diverses différents différentes "
                               "certains certaines plusieurs quelques tels telles".split())
# A clause of its own, or «sans», ends the reach of «ne … pas».
_NEGATION_CLAUSE_BREAKS = frozenset("que qu' qu’ qui dont où sans mais et ou si lorsque quand car".split())
# "Ils sont des pays" (they are countries): a personal pronoun + être + an article.
_PRESENTATIVE = re.compile(
    r"(?<![\w'’-])([Ii]ls?|[Ee]lles?) (est|sont|était|étaient|sera|seront|serait|seraient|fut|furent) "
    r"(un|une|des)\b(?! (?:de|des|du|d['’]|peu|heure|fois|tel|telle)\b)(?!['’])(?= \w)"
)
_PRESENTATIVE_FORMS = {
    "est": "c’est", "sont": "ce sont", "était": "c’était", "étaient": "c’étaient", "sera": "ce sera",
    "seront": "ce seront", "serait": "ce serait", "seraient": "ce seraient", "fut": "ce fut",
    "furent": "ce furent"}  # fmt: skip
_REFLEXIVE_PRONOUNS = frozenset("me m' te t' se s' nous vous".split())
_CLAUSE_SUBORDINATORS = frozenset("si s' quand lorsque lorsqu' puisque puisqu' comme".split())
_DE_NOUNS = frozenset({"erreur", "tort", "raison", "peur", "honte", "besoin", "envie", "intention"})
# Verbs of saying / making known that introduce a completive with "que".
_SAYING_VERBS = frozenset(
    "dire déclarer affirmer clarifier expliquer indiquer préciser souligner annoncer assurer "
    "rappeler signifier estimer penser croire confirmer prévenir avertir répondre ajouter "
    "reconnaître admettre promettre garantir démontrer montrer prouver mentionner évaluer juger "
    "considérer constater noter révéler espérer".split()
)
_PARENTHETICAL = frozenset({"comme", "ainsi"})
_QUE = frozenset({"que", "qu’", "qu'"})
# Subordinators of time, cause and condition that open a clause between commas after a verb of
# saying, and the subject pronouns that may open the completive after it.
# (straight apostrophes: tokens are compared with ’ replaced)
_ASIDE_SUBORDINATORS = (_CLAUSE_SUBORDINATORS - {"si", "s'", "comme"}) | frozenset({
    "depuis que", "depuis qu'", "dès que", "dès qu'", "alors que", "alors qu'", "après que",
    "après qu'", "avant que", "avant qu'", "parce que", "parce qu'", "bien que", "bien qu'",
    "même si", "pendant que", "pendant qu'", "tandis que", "tandis qu'",
})
# Verbs whose «pour» introduces a noun of cause ("connu pour ses plages", "condamné pour
# fraude"), not a purpose clause.
_CAUSE_POUR_VERBS = frozenset({
    "connaître", "connu", "réputer", "réputé", "remercier", "féliciter", "condamner", "punir",
    "récompenser", "arrêter", "critiquer", "blâmer", "excuser", "apprécier", "saluer", "louer",
})
_ASIDE_SUBJECT_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "on", "nous", "vous"})
_STOPS = frozenset({",", ".", ";", ":", "(", ")", "«", "»", "!", "?"})
_NEGATION = frozenset({"ne", "n’", "n'"})
_DE = frozenset({"de", "du", "des", "d’", "d'"})
_CLITICS = frozenset({"ne", "n’", "n'", "se", "s’", "s'", "y", "en", "le", "la", "les", "l’", "l'", "lui",
                      "leur"})  # fmt: skip
_MAX_INTERPOSED = 25  # tokens a participial phrase between commas may run
# Adverbs of quantity that take "de" before a noun ("beaucoup de personnes").
_QUANTITY_ADVERBS = frozenset({"beaucoup", "énormément", "trop", "assez", "peu", "tant", "autant",
                               "combien"})  # fmt: skip
# Nouns of «avoir peur», «faire attention»…: an adverb of degree before them needs no «de»
# ("on n'a pas trop peur", "faites très attention").
_LOCUTION_NOUNS = frozenset({
    "peur", "faim", "soif", "mal", "envie", "besoin", "honte", "froid", "chaud", "raison", "tort",
    "hâte", "confiance", "sommeil", "pitié", "attention", "plaisir",
})
_COMPARATIVES = frozenset({"plus", "moins"})  # "plus informations": before a plural noun only
# Nouns of number that take "de" before what they count ("2 millions de dollars").
_NUMBER_NOUNS = frozenset({"million", "millions", "milliard", "milliards", "millier", "milliers",
                           "centaine", "centaines", "dizaine", "dizaines", "douzaine", "douzaines",
                           "billion", "billions", "trillion", "trillions"})  # fmt: skip
# Pronouns of quantity before "de" + a noun with its article ("la plupart des victimes"): with a
# bare plural noun, "de" becomes "des" (True) or goes (False: "plusieurs maisons").
_QUANTIFIER_PRONOUNS = {
    ("la", "plupart"): True, ("chacun",): True, ("chacune",): True, ("aucun",): True,
    ("aucune",): True, ("l’un",): True, ("l'un",): True, ("l’une",): True, ("l'une",): True,
    ("plusieurs",): False, ("certains",): False, ("certaines",): False,
}  # fmt: skip
# "makes sense" calqued as "faire du sens": "avoir du sens", in the same tense and person.
_AVOIR_FOR_FAIRE = {
    "fait": "a", "font": "ont", "faisait": "avait", "faisaient": "avaient", "fera": "aura",
    "feront": "auront", "ferait": "aurait", "feraient": "auraient", "faire": "avoir",
    "fasse": "ait", "fassent": "aient", "faisant": "ayant",
}
_VOWEL_START = "aeiouyéèêàâîôûh"  # initial letters before which "de" and "que" may elide
# Words before "plus que" that make it a comparison of things, not of an amount.
_NOT_COMPARED = frozenset({"pas", "non", "ni", "rien"})
_AVOIR_FORMS = frozenset(
    "a ai as avons avez ont avait avaient aura auront aurait auraient ait aient avais avions aviez".split()
)
_NAMED_AS = frozenset({"nommer", "élire", "proclamer", "couronner", "sacrer"})
_FORECASTS = frozenset({"attentes", "prévisions", "estimations", "consensus", "objectifs",
                        "anticipations", "projections", "tendances", "normes"})  # fmt: skip
_BIG_NUMBERS = frozenset({"million", "milliard", "millier", "tiers", "quart", "dizaine", "centaine"})
_FRACTIONS = (["la", "moitié"], ["un", "tiers"], ["un", "quart"], ["le", "double"])
# (verb lemma, the English-like preposition after it) -> the preposition French takes.
_VALENCY = {
    ("participer", "dans"): "à", ("consister", "de"): "en", ("consister", "d’"): "en",
    ("consister", "d'"): "en", ("dépendre", "sur"): "de", ("conformer", "avec"): "à",
    ("hésiter", "de"): "à", ("hésiter", "d’"): "à", ("hésiter", "d'"): "à",
    ("efforcer", "pour"): "de",
    ("insister", "que"): "pour que", ("insister", "qu’"): "pour qu’", ("insister", "qu'"): "pour qu’",
}  # fmt: skip
# (verb, object noun) that English pairs ("cause a defeat", "pose a threat", "make a decision")
# -> the verb French pairs with that noun; None where the fix is not one verb ("reach an
# agreement": «parvenir à un accord»).
_COLLOCATIONS: dict[tuple[str, str], str | None] = {
    ("causer", "défaite"): "infliger", ("poser", "menace"): "constituer",
    ("poser", "risque"): "présenter", ("poser", "danger"): "présenter",
    ("faire", "décision"): "prendre", ("payer", "attention"): "prêter",
    ("adresser", "problème"): "traiter", ("adresser", "défi"): "relever",
    ("donner", "discours"): "prononcer", ("délivrer", "discours"): "prononcer",
    ("soulever", "fonds"): "lever", ("atteindre", "accord"): None,
    ("livrer", "discours"): "prononcer", ("gagner", "poids"): "prendre", ("payer", "visite"): "rendre",
    ("demander", "question"): "poser", ("faire", "argent"): "gagner", ("prendre", "examen"): "passer",
    ("commettre", "suicide"): None, ("augmenter", "conscience"): None, ("prendre", "chance"): None,
    **{("adresser", noun): "traiter" for noun in (
        "enjeu", "lacune", "faille", "vulnérabilité", "problématique", "risque", "préoccupation")},
    **{("sécuriser", noun): "obtenir" for noun in (
        "financement", "fonds", "prêt", "contrat", "investissement", "crédit", "subvention")},
    **{("passer", noun): "adopter" for noun in (
        "loi", "résolution", "amendement", "motion", "législation", "budget")},
    **{("joindre", noun): "rejoindre" for noun in (
        "équipe", "club", "armée", "groupe", "parti", "entreprise", "société", "organisation",
        "coalition", "alliance", "mouvement", "rang")},
    **{("rencontrer", noun): "satisfaire" for noun in ("attente", "exigence", "critère", "norme", "besoin")},
    ("rencontrer", "objectif"): "atteindre", ("rencontrer", "délai"): "respecter",
    ("rencontrer", "échéance"): "respecter",
    # "complete the steps": «compléter» is to add what is missing («compléter un formulaire»)
    **{("compléter", noun): "effectuer" for noun in (
        "étape", "processus", "installation", "achat", "tâche", "transaction", "configuration",
        "paiement", "migration", "procédure")},
    **{("supporter", noun): "prendre en charge" for noun in (
        "format", "fichier", "protocole", "navigateur", "codec", "extension", "résolution",
        "norme", "standard", "encodage", "fonctionnalité", "appareil", "périphérique")},
}  # fmt: skip
_COLLOCATION_ENGLISH = {
    "causer": "cause", "poser": "pose", "faire": "make", "payer": "pay", "adresser": "address",
    "donner": "give", "délivrer": "deliver", "soulever": "raise", "atteindre": "reach",
    "supporter": "support", "livrer": "deliver", "gagner": "gain", "demander": "ask", "prendre": "take",
    "commettre": "commit", "augmenter": "raise", "sécuriser": "secure", "passer": "pass",
    "joindre": "join", "rencontrer": "meet", "compléter": "complete",
}
# The French phrase where the fix is not one verb.
_COLLOCATION_PHRASES = {
    ("atteindre", "accord"): "parvenir à un accord", ("commettre", "suicide"): "se suicider",
    ("augmenter", "conscience"): "sensibiliser", ("prendre", "chance"): "tenter sa chance",
}
# "utiliser des armes à frapper" (use X to do): the purpose of a use takes «pour»; spending
# time or effort on something takes «à» ("employer son temps à lire").
_USE_VERBS = frozenset({"utiliser", "employer"})
_SPENT_NOUNS = frozenset("temps heure heures journée journées soirée soirées nuit nuits jour jours "
                         "année années vie loisirs énergie énergies force forces effort efforts "
                         "argent économies talent talents week-end vacances minutes semaines mois".split())
_USE_NP = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM"})
_USE_NP_WORDS = frozenset("de d' d’ du des par".split())
_CLICK = re.compile(r"(?:double-)?cliqu(?:ez|e|er|ons|ant|é)")
_PRESS = re.compile(r"appuy(?:ez|er|ons|ant)|appuie")
_OBJECT_DETS = frozenset({
    "le", "la", "les", "l’", "l'", "un", "une", "ce", "cet", "cette", "ces", "votre", "vos", "son",
    "sa", "ses", "ton", "ta", "tes", "notre", "nos",
})  # fmt: skip
_KEYS = frozenset({"touche", "touches", "bouton", "boutons", "icône", "icônes", "lien", "liens"})
# Verbs (and nouns) of change whose size takes "de": "a chuté de 12 %", "en hausse de 3 %".
_CHANGE_VERBS = frozenset({
    "chuter", "bondir", "reculer", "progresser", "augmenter", "baisser", "grimper", "plonger",
    "diminuer", "croître", "hausse", "baisse", "chute", "recul", "progression", "augmentation",
    "diminution", "bond",
})  # fmt: skip
# "accéder les paramètres" (access the settings): «accéder à».
_ACCESS_ARTICLES = {"le": "au", "les": "aux", "la": "à la", "l’": "à l’", "l'": "à l'", "ce": "à ce",
                    "cet": "à cet", "cette": "à cette", "ces": "à ces", "votre": "à votre",
                    "vos": "à vos", "son": "à son", "sa": "à sa", "ses": "à ses", "leur": "à leur",
                    "leurs": "à leurs", "un": "à un", "une": "à une", "des": "à des"}
_MONTHS = frozenset("janvier février mars avril mai juin juillet août septembre octobre novembre "
                    "décembre".split())  # fmt: skip
# Nouns MT puts after a noun where French uses their relational adjective ("postes ministres").
_RELATIONAL = {
    "ministre": "ministériel", "ministres": "ministériel", "économie": "économique",
    "parlement": "parlementaire", "gouvernement": "gouvernemental", "police": "de police",
    "province": "provincial", "élection": "électoral", "élections": "électoral",
    "armée": "militaire",
}  # fmt: skip
# Nouns that head a name or a heading with a bare noun after them ("la section économie").
_HEADING_NOUNS = frozenset(
    "section rayon volet pôle rubrique service secteur département direction ministère cellule "
    "commission dossier thème catégorie onglet espace page domaine filière chapitre portefeuille "
    "mot terme nom label pack formule option menu bouton vice ex".split()
)
_RELATIVES = frozenset({"qui", "que", "qu’", "qu'", "dont", "où", "lequel", "laquelle"})
# Imperatives of verbs pronominal in the sense the next word marks, and those next words.
_PRONOMINAL_IMPERATIVES: dict[str, frozenset[str]] = {
    **{form: frozenset({"que", "qu’", "qu'", "de", "d’", "d'"})
       for form in ("assurez", "assurons", "assure")},
    **{form: frozenset({"à", "au", "aux", "sur"}) for form in (
        "connectez", "reconnectez", "inscrivez", "abonnez", "désabonnez", "désinscrivez")},
    **{form: frozenset({"de", "d’", "d'", "que", "qu’", "qu'"}) for form in ("souvenez", "souviens")},
}
_NEGATIONS = frozenset({"pas", "plus", "jamais", "point", "guère"})
# Verbs whose negated direct object takes «de» for the indefinite article ("ne contient pas de
# virus"): avoir and common transitive verbs of help-centre and news English.
_NEGATED_OBJECT_VERBS = frozenset(
    "avoir exister contenir afficher recevoir trouver utiliser fournir offrir proposer inclure "
    "comporter envoyer accepter nécessiter exiger requérir posséder obtenir créer générer produire "
    "détecter prévoir signaler enregistrer rencontrer constater voir".split()
)
# "participer dans le cadre de", "dans une large mesure", "dans la limite de": French.
_PARTICIPER_DANS = frozenset({"cadre", "mesure", "limite", "respect", "perspective", "optique"})
# "lorsqu'il a été confirmé (par les journalistes)", "lorsqu'elle a été rencontrée".
_WHEN_CONFIRMED = re.compile(
    r"\b(lorsqu['’](?:il|elle|ils|elles)|quand (?:il|elle|ils|elles)) (?:a|ont) été "
    r"(confirm|rencontr)é(e|s|es)?\b"
    # "confirmé dans ses fonctions", "à son poste", "comme ministre": confirmed in office
    r"(?!\s+(?:dans|comme|en tant|à (?:son|sa|ses|leur|leurs|la tête)))", re.IGNORECASE,
)
# Financial-wire English word for word: (pattern, message, fix or None).
_WIRE_CALQUES = (
    (re.compile(r"\b(?:manqu|rat)(?:é|ée|és|ées|ant|e|ent|er|ait|aient)\s+(?:les|ses|leurs)\s+"
                r"(?:estimations|attentes|prévisions|objectifs du consensus)\b", re.IGNORECASE),
     "«missed estimates»: results «inférieurs aux estimations» (or «en deçà des attentes»).", None),
    (re.compile(r"\b(?:les\s+)?(?:attentes|prévisions|estimations)(?:\s+(?:du marché|des analystes))?"
                r"\s+(?:sont|étaient|seront)\s+que\b", re.IGNORECASE),
     "«the expectations are that»: «on s’attend à ce que» (or «le marché s’attend à ce que»).", None),
    (re.compile(r"\bsur\s+(?:la|les)\s+spéculations?\s+(?:selon\s+laquelle|selon\s+lesquelles|que)\b",
                re.IGNORECASE),
     "«on speculation that»: «sur fond de spéculations selon lesquelles».", None),
    (re.compile(r"\b(prévisions|orientations|perspectives)\s+de\s+gestion\b", re.IGNORECASE),
     "«management guidance»: the forecasts «de la direction».", None),
)
_EXPECTED = {"est": "devrait", "sont": "devraient", "était": "devait", "étaient": "devaient",
             "sera": "devrait", "seront": "devraient", "serait": "devrait", "seraient": "devraient"}
# Set phrases of English and Indonesian word for word: (pattern, message, the fix from the match).
def _en(m: re.Match[str], rest: str) -> str:
    return ("E" if m.group(1) == "D" else "e") + "n " + rest


# "la Text propriété", "le SetClusterConfig méthode": English noun adjuncts before a noun of
# software documentation (the nouns such names qualify).
_DOC_NOUNS = frozenset(
    "propriété propriétés objet objets méthode méthodes fonction fonctions classe classes commande "
    "commandes fichier fichiers bouton boutons option options paramètre paramètres champ champs "
    "attribut attributs variable variables valeur valeurs module modules paquet paquets bibliothèque "
    "interface service services serveur serveurs application applications onglet onglets menu menus "
    "fenêtre fenêtres page pages section dossier dossiers répertoire répertoires clé clés événement "
    "événements requête requêtes réponse argument arguments instruction opérateur instance instances "
    "nœud nœuds cluster volume volumes compte comptes rôle rôles modèle modèles format protocole "
    "script scripts extension extensions plugin widget composant composants élément éléments tableau "
    "colonne colonnes table tables index filtre filtres règle règles stratégie type types point "
    "interfaces espace outil outils icône icônes lien liens carte cartes mode console consoles "
    "utilisateur utilisateurs politique politiques appel appels identifiant identifiants quota quotas "
    "groupe groupes ressource ressources autorisation autorisations jeton jetons certificat "
    "certificats journal journaux alerte alertes notification notifications".split())
_ADJUNCT_DETERMINERS = frozenset(
    "le la les l' un une des du ce cet cette ces chaque votre vos notre nos son sa ses leur leurs "
    "de d'".split())
_IDENTIFIER = re.compile(r"[A-Za-z]+(?:[a-z0-9][A-Z]|_)[A-Za-z0-9_]*")  # CamelCase, snake_case
_ARTICLE_OF_GENDER: dict[tuple[str, str | None], str] = {
    ("le", "f"): "la", ("la", "m"): "le", ("un", "f"): "une", ("une", "m"): "un", ("ce", "f"): "cette",
    ("cette", "m"): "ce"}


def _english(word: str) -> bool:
    """A word wordfreq finds common in English and rare in French (``Text``, ``Activity``)."""
    low = word.lower()
    english = zipf(low, "en")
    return english >= 3.0 and english > zipf(low, "fr") + 1.0


# "chaque fois nous pensons" (each time we think): a noun of time before a clause takes «que».
_TIME_WITHOUT_QUE = re.compile(
    r"\b((?:[Àà] )?[Cc]haque fois|[Tt]outes les fois|[Ll]a (?:première|dernière|prochaine|seule) fois)"
    r" (je|j['’]|tu|il|elle|on|nous|vous|ils|elles)(?=\s|\w)"
)
_ENTRE_PRONOUNS = frozenset("eux elles nous vous soi autres eux-mêmes elles-mêmes".split())


def _fast_broken(m: re.Match[str]) -> str:
    """«l'ouverture (du jeûne)» → «la rupture», «d'ouverture» → «de rupture»."""
    article = (m.group(2) or "").lower()
    return _cap(m.group(0), {"l'": "la ", "l’": "la ", "d'": "de ", "d’": "de "}.get(article, article)
                + "rupture")


_PHRASE_CALQUES: tuple[tuple[re.Pattern[str], str, Callable[[re.Match[str]], str | None]], ...] = (
    # "in the year 2013"
    (re.compile(r"\b([Dd])ans l['’]année (\d{3,4})\b"), "«in the year 2013» word for word: «en 2013».",
     lambda m: _en(m, m.group(2))),
    # "known as Binance", "known as « Mini »": a name takes «sous le nom de»
    (re.compile(r"\b(connue?s?) (?:en tant que|comme)(?=\s+(?:[«\"“]|[A-Z]))"),
     "«known as» before a name: «connu sous le nom de».", lambda m: f"{m.group(1)} sous le nom de"),
    # "are expected to reach" (financial wires): "sont attendus à atteindre" → "devraient atteindre"
    (re.compile(r"\b(est|sont|était|étaient|sera|seront|serait|seraient)\s+attendu(?:e|s|es)?\s+à"
                r"(?=\s+[^\W\d_]+(?:er|ir|re)\b)"),
     "«be expected to» word for word: «devrait» + infinitive.",
     lambda m: _EXPECTED[m.group(1)]),
    # "Not only that," (Indonesian "Tidak hanya itu,")
    (re.compile(r"^(?:Non|Pas) seulement (?:cela|ça|ceci)\s*,"),
     "«Not only that» word for word: «De plus,» (or «Mais ce n’est pas tout :»).", lambda m: "De plus,"),
    # "in the sign of" for «en signe de»
    (re.compile(r"\b([Dd])ans (?:le|un) signe(?= de\b| d['’])"), "The set phrase is «en signe de».",
     lambda m: _en(m, "signe")),
    # Indonesian counts things in "units" ("12 unit rumah"): "12 unités de maisons" → "12 maisons"
    (re.compile(r"\b(\d+)\s+unités?\s+(?:de\b|d['’])(?=\s*(?:motos?|motocyclettes?|voitures?|véhicules?|"
                r"maisons?|camions?|bus|bâtiments?|ordinateurs?|bateaux|navires?|logements?|"
                r"immeubles?|avions?|hélicoptères?|ambulances?|bulldozers?|pelleteuses?|"
                r"téléphones?|smartphones?|armes?)\b)"),
     "The Indonesian counter «unit» word for word: count the things themselves («12 maisons»).",
     lambda m: m.group(1) + (" " if m.group(0)[-1] in "'’" else "")),
    # Indonesian "buka puasa (bersama)", the evening meal of Ramadan: a fast is broken, not opened
    (re.compile(r"\b(?P<span>([Ll]['’]|[Dd]['’]|[Ll]a |[Uu]ne )?(?:ouverture|inauguration)"
                r"(?: conjointe| commune)?) du jeûne\b"),
     "«buka puasa» word for word: a fast is broken, «la rupture du jeûne».",
     _fast_broken),
    # Indonesian "kunjungan kehormatan": «visite honoraire» (an honorary consul is French)
    (re.compile(r"\b(visites?) honoraires?\b"),
     "«kunjungan kehormatan» word for word: «visite de courtoisie».",
     lambda m: f"{m.group(1)} de courtoisie"),
    # Indonesian "kondusif" (calm, orderly): «la situation reste conditionnelle»
    (re.compile(r"\b(?:situation|ambiance|atmosphère|climat)\b[^.,;:]{0,30}?\b(?P<span>conditionnel(?:le)?s?)\b"),
     "«kondusif» (calm, orderly) is not «conditionnel»: «calme», «stable» or «propice».", lambda m: None),
)
_BASIS = {"quotidienne": "quotidiennement", "journalière": "chaque jour", "hebdomadaire": "chaque semaine",
          "mensuelle": "chaque mois", "annuelle": "chaque année", "trimestrielle": "chaque trimestre",
          "régulière": "régulièrement", "continue": "en continu", "permanente": "en permanence",
          "individuelle": "individuellement", "temporaire": "temporairement", "ponctuelle": "ponctuellement"}
_BECAUSE_OF = {"à l'": "de l'", "à l’": "de l’", "à la": "de la", "au": "du", "aux": "des"}
_TO_ARTICLE = {"le": "au", "les": "aux"}
_AVOIR_OF_ETRE = {"suis": "ai", "es": "as", "est": "a", "sommes": "avons", "êtes": "avez", "sont": "ont",
                  "étais": "avais", "était": "avait", "étions": "avions", "étiez": "aviez",
                  "étaient": "avaient", "serai": "aurai", "sera": "aura", "serons": "aurons",
                  "seront": "auront"}
_ETRE_FORM = (r"(?:suis|es|est|sommes|êtes|sont|étais|était|étions|étiez|étaient|serai|seras|sera|serons|"
              r"serez|seront|serais|serait|serions|seriez|seraient|sois|soit|soyons|soyez|soient|être|étant)")
_INTENSIFIERS = (r"(?:(?:très|tellement|vraiment|si|particulièrement|extrêmement|aussi|toujours|tous|"
                 r"toutes)\s+)*")


def _cap(model: str, word: str) -> str:
    """``word`` capitalised as ``model`` is (a sentence's first word)."""
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


# English expressions word for word where French has its own (the usage guides' anglicisms:
# Académie française «Dire, ne pas dire», OQLF): (pattern, message, the fix from the match).
_ANGLICISMS: tuple[tuple[re.Pattern[str], str, Callable[[re.Match[str]], str | None]], ...] = (
    # "put the emphasis on": «mettre l'emphase sur» (French «emphase» is grandiloquence)
    (re.compile(r"\b(?:met|mets|mettent|mettons|mettez|mettre|mis|mise|mises|mettait|mettaient|mettra|"
                r"mettront|mettrait|mettraient|mettant)\s+(?:(?:davantage|plus|beaucoup|particulièrement|"
                r"notamment|également|aussi|toujours|surtout)\s+)?(?P<span>(l['’]|une\s|d['’])emphase)\b"),
     "«put the emphasis on» word for word: «mettre l’accent sur».",
     lambda m: {"une": "un accent"}.get(m.group(2).strip(), m.group(2) + "accent")),
    # "on a daily basis"
    (re.compile(r"\bsur une base (" + "|".join(_BASIS) + r")\b"),
     "«on a daily basis» word for word: an adverb («quotidiennement», «chaque mois»).",
     lambda m: _BASIS[m.group(1)]),
    # "Due to the rain, …": «Dû à» opening a sentence (an attribute «le retard est dû à» is French)
    (re.compile(r"^(?:[A-Z][A-Z .]+\s[-–—]\s)?(?P<span>D[ûu]e?s? (à l['’]|à la|aux|au))(?=\W)"),
     "«Due to» opening a sentence word for word: «En raison de» (or «À cause de»).",
     lambda m: "En raison " + _BECAUSE_OF[m.group(2)]),
    # "eligible for": «éligible à»
    (re.compile(r"\b(éligibles?) pour (le|la|les|l['’]|un|une|des|ce|cet|cette|ces|son|sa|ses|leur|leurs|"
                r"votre|vos|notre|nos)(?=\W)"),
     "«eligible for» word for word: «éligible à» (or «admissible à»).",
     lambda m: f"{m.group(1)} {_TO_ARTICLE.get(m.group(2), 'à ' + m.group(2))}".replace("à l' ", "à l'")
     .replace("à l’ ", "à l’")),
    # "assume that": «assumer que» (French «assumer» is to take on)
    (re.compile(r"\b([Aa])ssum(e|es|ent|ons|ez|ais|ait|ions|iez|aient|é|er|ant|era|eront|erait|eraient)"
                r"(?=\s+(?:qu['’]|que\b))"),
     "«assume that» word for word: «supposer que» («assumer» is to take on).",
     lambda m: ("S" if m.group(1) == "A" else "s") + "uppos" + m.group(2)),
    # "we are excited to announce": «excité» is aroused or agitated
    (re.compile(r"\b" + _ETRE_FORM + r"\s+" + _INTENSIFIERS
                + r"(?P<span>excité(e|s|es)?)(?=\s+(?:de\b|d['’]|à l['’]idée\b))"),
     "«excited to» word for word: «ravi de» (or «impatient de»).", lambda m: "ravi" + (m.group(2) or "")),
    # "in the future": «à l'avenir» ("le futur" is the tense; «dans un futur proche» is left alone)
    (re.compile(r"\b([Dd])ans le futur\b"
                r"(?!\s+(?:de\b|d['’]|du\b|des\b|proche|immédiat|lointain|simple|antérieur))"),
     "«in the future» word for word: «à l’avenir».", lambda m: _cap(m.group(1), "à l’avenir")),
    # "to date" (Quebec and MT): «jusqu'à date»
    (re.compile(r"\b([Jj])usqu['’]à date\b"), "«to date» word for word: «jusqu’à présent».",
     lambda m: _cap(m.group(1), "jusqu’à présent")),
    # "is located in Paris": «est localisé à» (French «localiser» is to find where something is)
    (re.compile(r"\b" + _ETRE_FORM + r"\s+(?:(?:actuellement|désormais|principalement|également|aussi)\s+)?"
                r"(?P<span>localisé(e|s|es)?)(?=\s+(?:à|en|au|aux)\s+[A-ZÉÎ])"),
     "«located in» word for word: «situé à».", lambda m: "situé" + (m.group(2) or "")),
    # "conference call": a call is not a conference's
    (re.compile(r"\b(?P<span>(appels?) (?:de|en) conférence)\b"),
     "«conference call» word for word: «conférence téléphonique».",
     lambda m: "conférence téléphonique" if m.group(2) == "appel" else "conférences téléphoniques"),
    # "apply for a job": «appliquer» is to put into practice; one applies for a post, asks for a visa
    (re.compile(r"\b(?P<span>appliqu(er|ez|e|ent|ons|é|ait|aient|ant|era|eront)) pour (?:un|une|le|la|"
                r"l['’]|ce|cet|cette|des|les|son|sa|ses|leur|votre|vos)\s*(?:(?P<post>emplois?|postes?|"
                r"stages?|jobs?|offres? d['’]emploi|bourses?|programmes?|admissions?)|visas?|prêts?|"
                r"subventions?|cartes?|crédits?|permis|passeports?|financements?|aides?)\b"),
     "«apply for» word for word: «postuler à» (a post) or «demander» (a visa, a loan).",
     lambda m: "postul" + m.group(2) if m.group("post") else None),
    # English words in French dress
    (re.compile(r"\b([Mm])andatoire(s?)\b"), "«mandatory» in French dress: «obligatoire».",
     lambda m: _cap(m.group(1), "obligatoire") + m.group(2)),
    (re.compile(r"\b([Éé])ducationnel(le)?(s?)\b"), "«educational» in French dress: «éducatif».",
     lambda m: _cap(m.group(1), "éducati" + ("ve" if m.group(2) else "f")) + m.group(3)),
    # "to the best of my knowledge"
    (re.compile(r"\b([Aa]u) meilleur de (ma|notre|leur|sa|ta|votre) connaissance\b"),
     "«to the best of my knowledge» word for word: «à ma connaissance».",
     lambda m: _cap(m.group(1), "à") + f" {m.group(2)} connaissance"),
    # "be under the impression that": «avoir l'impression que»
    (re.compile(r"\b(" + "|".join(_AVOIR_OF_ETRE) + r") sous l['’]impression\b"),
     "«under the impression» word for word: «avoir l’impression».",
     lambda m: f"{_AVOIR_OF_ETRE[m.group(1)]} l’impression"),
    # "within 30 days": «à l'intérieur de 30 jours» (à l'intérieur is inside a place)
    (re.compile(r"\bà l['’]intérieur d(?:e\s+|['’])(\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|dix|"
                r"quinze|trente|quelques)\s+(jours?|heures?|semaines?|mois|ans|années?|minutes?)\b"),
     "«within 30 days» word for word: «sous 30 jours» (or «dans un délai de»).",
     lambda m: f"sous {m.group(1)} {m.group(2)}"),
    # "the reason behind": «la raison de» (or «à l'origine de»)
    (re.compile(r"\b(?P<span>([Ll]a|[Ll]es|[Uu]ne|[Dd]es) (raisons?|motivations?|cause|causes|logique) "
                r"derrière)(?=\s+(?:le|la|les|l['’]|ce|cette|ces|cet|son|sa|ses|leur|leurs|un|une|des|"
                r"cela|ça)\b)"),
     "«the reason behind» word for word: «la raison de» (or «ce qui explique»).",
     lambda m: f"{m.group(2)} {m.group(3)} de"),
    # "an all-time high/low": «un plus haut à vie» (à vie is for a lifetime)
    (re.compile(r"\b(?P<span>(plus[- ]hauts?|plus[- ]bas|sommets?|records?|creux|maximums?|minimums?)"
                r" à vie)\b"),
     "«all-time high/low» word for word: «historique» («un plus bas historique»).",
     lambda m: f"{m.group(2)} historique" + ("s" if m.group(2).endswith(("s", "x")) and
                                              m.group(2) not in ("plus bas", "plus-bas", "creux") else "")),
    # "In addition," / "in addition to": «en addition» is arithmetic
    (re.compile(r"\b([Ee])n addition(,| à l['’]| à la| aux| au| à)(?=\W)"),
     "«in addition» word for word: «de plus» (or «en plus de»).",
     lambda m: _cap(m.group(1), "de plus,") if m.group(2) == "," else _cap(m.group(1), "en plus ")
     + {" à l'": "de l'", " à l’": "de l’", " à la": "de la", " aux": "des", " au": "du"}
     .get(m.group(2), "de")),
)
# "the meeting took place in Paris": «prendre place» is to sit down; an event «a lieu».
_EVENTS = frozenset(
    "réunion rencontre cérémonie événement évènement match conférence sommet élection scrutin vote "
    "manifestation concert festival compétition tournoi course finale audience procès débat discussion "
    "négociation entretien célébration fête mariage funérailles attaque attentat explosion incident "
    "accident opération exercice inauguration visite séance session assemblée congrès forum salon "
    "exposition spectacle défilé parade commémoration lancement transaction transfert changement "
    "combat bataille affrontement rassemblement consultation formation atelier webinaire "
    "événements".split())
# "qu'il et sa famille" (Indonesian "bahwa dia dan …"): «que lui et sa famille».
_PRONOUN_AND_NOUN = re.compile(
    r"\b([Qq]u)['’](il|ils)(?=\s+et\s+(?:le|la|les|l['’]|sa|son|ses|leur|leurs|moi|toi|lui|elle|elles|eux|nous|vous|[A-Z]))",
)
_STRESSED = {"il": "lui", "ils": "eux"}  # "qu'elle et Marie" is French: the same form
# A sentence opened by a title and its complement without the article (Indonesian has none):
# "JAKARTA - Chef du bureau … a demandé" → "Le chef du bureau".
_BARE_TITLE = re.compile(
    r"^(?:[A-Z][A-Z .]+\s[-–—]\s)?(Chef|Ministre|Directeur|Directrice|Président|Présidente|"
    r"Gouverneur|Gouverneure|Porte-parole|Secrétaire|Commandant|Régent|Vice-président|"
    r"Vice-gouverneur|Coordinateur|Coordinatrice)\s+(?:de|du|des|d['’])\s?\w"
)
_TITLE_ARTICLE = {"Directrice": "La", "Présidente": "La", "Gouverneure": "La", "Coordinatrice": "La",
                  "Ministre": None, "Porte-parole": None, "Secrétaire": None}  # fmt: skip
# "Cela doit y avoir une coordination" (there must be): «y avoir» takes the impersonal «il».
_MODALS_Y_AVOIR = (
    r"(doit|devrait|peut|pourrait|va|semble|devait|pouvait|devra|pourra)\s+y\s+avoir\b"
    # what there is comes next, not a participle ("Le joueur doit y avoir joué")
    r"(?=\s+(?:un|une|des|de|d['’]|du|beaucoup|plus|moins|peu|trop|assez|plusieurs|aucun|aucune|\d))"
)
_PRONOUN_Y_AVOIR = re.compile(r"^(Cela|Ça|Ceci)\s+" + _MODALS_Y_AVOIR)
_NOUN_Y_AVOIR = re.compile(r"^((?:Ce|Cet|Cette|Ces|Le|La|Les)\s+\w+|L['’]\w+)\s+" + _MODALS_Y_AVOIR)
_REPORTED_EARLIER = re.compile(r"Rapporté(?:e|s|es)? (?:plus tôt|précédemment|auparavant),")
# "Rapporté par Antara, le président …" ("Dilansir Antara", "Dikutip dari"): a participle opening
# the sentence that its subject does not govern; French names the source with «selon».
_REPORTED_BY = re.compile(
    r"(?:[A-Z][A-Z .-]+ [-–—] )?((?:Rapporté|Cité|Signalé|Relayé)(?:e|s|es)? (?:par|de|d['’]) ?"
    r"(?:l['’]|le |la )?([A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3}),)"
)
# «», a déclaré.» (Indonesian "katanya", English "…," said.): a reporting verb after a quotation
# with no subject after it; French inverts the pronoun («a-t-il déclaré»). What may follow: the
# end of the sentence, or prepositional phrases («aux journalistes», «à Jakarta», «lundi»).
_REPORTING_AFTER_QUOTE = re.compile(
    r"[»”\"]\s*,\s*(a|ont)\s+(déclaré|dit|ajouté|expliqué|souligné|indiqué|affirmé|précisé|poursuivi|"
    r"conclu|assuré|estimé|rappelé|noté|confié|admis|répondu|insisté|reconnu|annoncé|averti|"
    r"déploré|espéré|demandé|commenté|raconté|révélé|confirmé)\b"
)
# After the verb, what a subject can follow: a preposition or a name's comma do not make one.
_REPORTING_TAIL_PREPOSITIONS = frozenset(
    "à au aux de du des d' d’ en dans lors devant pendant par pour sur selon avec après avant".split())
_TAIL_ARTICLES = frozenset("le la les l' l’ un une".split())
_TAIL_TIME = frozenset("lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui "
                       "aujourd’hui demain matin soir midi après-midi".split())  # fmt: skip
# «pour» + a clause: what may open and fill its subject noun phrase.
_PURPOSE_DETERMINERS = frozenset({"tous", "toutes", "chaque"})
_PURPOSE_NP_WORDS = frozenset("de d' d’ du des dans en à au aux sur tous toutes".split())
# "parce ses amis" (Indonesian "karena", English "because of"): «parce» only opens «parce que».
_PARCE = re.compile(r"\b([Pp])arce\b(?!\s*(?:que\b|qu['’]))(?=\s+(\S+))")
_CLAUSE_OPENERS = frozenset("il elle ils elles on nous vous je tu ce c' c’ cela ça".split())
# "S'il vous plaît noter que" (English "Please note"): an instruction takes «Veuillez» + infinitive.
_PLEASE = re.compile(r"\b([Ss])['’]il vous plaît(?:\s*,)?(?=\s+(\w+))")
_CONTRACTED = {("à", "le"): "au", ("à", "les"): "aux", ("de", "le"): "du", ("de", "les"): "des"}


def _finite(token: Any) -> bool:
    return "Fin" in token.morph.get("VerbForm") or bool(token.morph.get("Mood"))


class ConstructionsDetector(LexiconDetector):
    """Wrong preposition after "avoir raison/tort/peur…", missing "que" after verbs of saying."""

    name = "constructions"
    codes = (
        Code("GRAMMAR-PREPOSITION", Category.GRAMMAR, Severity.MINOR,
             "a word with the wrong preposition or none: `avoir raison à partir` → `de`, "
             "`cliquez le bouton` → `cliquez sur le bouton`, `un lien à la page` → `vers`, "
             "`a chuté 12 %` → `de 12 %`, `dans 2023` → `en 2023`"),
        Code("GRAMMAR-MISSING-QUE", Category.GRAMMAR, Severity.MAJOR,
             "a verb of saying followed by a clause without `que`; «pour» before a clause: "
             "`redémarrez pour toutes les modifications prennent effet` → `pour que`"),
        Code("GRAMMAR-MISSING-DE", Category.GRAMMAR, Severity.MINOR,
             "an adverb or a noun of quantity right before its noun: `beaucoup personnes` → "
             "`beaucoup de personnes`, `2 millions dollars` → `2 millions de dollars`"),
        Code("GRAMMAR-QUANTIFIER-DE", Category.GRAMMAR, Severity.MINOR,
             "a pronoun of quantity, «de» and a bare noun: `la plupart de victimes` → "
             "`la plupart des victimes`, `plusieurs de maisons` → `plusieurs maisons`"),
        Code("GRAMMAR-MISSING-ARTICLE", Category.GRAMMAR, Severity.MINOR,
             "a title or a plural noun opening the sentence as its subject without its article: "
             "`Chef du bureau … a demandé` → `Le chef du bureau`, `Banques étudient` → `Les banques`"),
        Code("GRAMMAR-DOUBLE-NEGATION", Category.GRAMMAR, Severity.MINOR,
             "«pas» kept beside another negative word (English «not … any»): `n’a pas été impliquée "
             "avec aucun pays` → `n’a été impliquée avec aucun pays`, `n’a pas jamais` → `n’a jamais`"),
        Code("GRAMMAR-PRESENTATIVE", Category.GRAMMAR, Severity.MINOR,
             "a personal pronoun, «être» and an article where French presents with «ce»: `Ils sont "
             "des pays` → `Ce sont des pays`, `Il est un outil` → `C’est un outil`"),
        Code("GRAMMAR-IMPERSONAL", Category.GRAMMAR, Severity.MINOR,
             "«y avoir» after a subject other than the impersonal «il»: `Cela doit y avoir` → "
             "`Il doit y avoir`"),
        Code("GRAMMAR-STRESSED-PRONOUN", Category.GRAMMAR, Severity.MINOR,
             "a subject pronoun coordinated with a noun: `qu’il et sa famille` → `que lui et sa famille`"),
        Code("GRAMMAR-REFLEXIVE-IMPERATIVE", Category.GRAMMAR, Severity.MINOR,
             "a pronominal verb's imperative without its pronoun: `Assurez que` → "
             "`Assurez-vous que`, `Connectez à votre compte` → `Connectez-vous à`"),
        Code("GRAMMAR-NEGATIVE-ARTICLE", Category.GRAMMAR, Severity.MINOR,
             "an indefinite article kept after a negated avoir or transitive verb: `vous n’avez pas "
             "un compte` → `pas de compte`, `n’affiche plus des notifications` → `plus de notifications`"),
        Code("GRAMMAR-NOUN-AS-ADJECTIVE", Category.GRAMMAR, Severity.MINOR,
             "a noun put after another where French uses its adjective: `postes ministres` → "
             "`postes ministériels`, `la reprise économie` → `économique`"),
        Code("WORD-ORDER-NOUN-ADJUNCT", Category.WORD_ORDER, Severity.MINOR,
             "a name or an English word put before the French noun it qualifies, in English order: "
             "`la Text propriété` → `la propriété Text`, `le SetClusterConfig méthode` → `la méthode "
             "SetClusterConfig`"),
        Code("WORD-ORDER-WEEKDAY", Category.WORD_ORDER, Severity.MINOR,
             "a weekday left where English puts `on Tuesday`: `la roupie mercredi, qui …`, "
             "`sa plus forte baisse depuis un an mardi`"),
        Code("GRAMMAR-MISSING-SUBJECT", Category.GRAMMAR, Severity.MINOR,
             "a reporting verb after a quotation with no subject: `», a déclaré.` → `», a-t-il déclaré.`; "
             "a participle opening the sentence as its subject: `Réussi à gagner … est une fierté`"),
        Code("GRAMMAR-CONNECTOR", Category.GRAMMAR, Severity.MINOR,
             "«parce» without «que»: `parce ses amis` → `à cause de ses amis`; «chaque fois» before a "
             "clause without «que»: `chaque fois nous pensons` → `chaque fois que nous`; «entre A ou B» → "
             "`entre A et B`"),
        Code("STYLE-COLLOCATION", Category.STYLE, Severity.MINOR,
             "the verb English pairs with a noun: `causer une défaite` → `infliger`, `poser une "
             "menace` → `constituer`, `faire une décision` → `prendre`, `payer attention` → `prêter`"),
        Code("STYLE-ANGLICISM", Category.STYLE, Severity.MINOR,
             "an English expression word for word: `la réunion a pris place` → `a eu lieu`, "
             "`sur une base quotidienne` → `quotidiennement`, `mettre l’emphase` → `l’accent`, "
             "`éligible pour` → `éligible à`, `nous sommes excités de` → `ravis`"),
        Code("GRAMMAR-CALQUE", Category.GRAMMAR, Severity.MINOR,
             "an English construction word for word: `en ordre de protéger` → `afin de`, "
             "`ce qui est pourquoi` → `c’est pourquoi`, `fait du sens` → `a du sens`, "
             "`plus que 20 ans` → `plus de`, `participé dans` → `à`, `entre X avec Y` → `et`, "
             "`S’il vous plaît noter` → `Veuillez noter`"),
    )
    version = "16"
    requires = frozenset({PARSE})

    def detect(self, ctx: DocumentContext) -> Iterator[Issue]:
        if ctx.parses is None:
            return
        for sentence, doc in zip(ctx.sentences, ctx.parses, strict=True):
            tokens = list(doc)
            yield from self._preposition(sentence, tokens)
            yield from self._missing_que(sentence, doc.text, tokens)
            yield from self._missing_de(sentence, tokens)
            yield from self._quantifier_de(sentence, tokens)
            yield from self._calques(sentence, tokens)
            yield from self._press_calques(sentence)
            yield from self._stressed_pronouns(sentence)
            yield from self._impersonal(sentence)
            yield from self._bare_title(sentence, tokens)
            yield from self._bare_plural(sentence, tokens)
            yield from self._participle_subject(sentence, tokens)
            yield from self._governed(sentence, tokens)
            yield from self._reflexive_imperatives(sentence, tokens)
            yield from self._weekdays(sentence, tokens)
            yield from self._noun_as_adjective(sentence, tokens)
            yield from self._negative_article(sentence, tokens)
            yield from self._reporting_without_subject(sentence)
            yield from self._purpose_clause(sentence, tokens)
            yield from self._connectors(sentence)
            yield from self._double_negation(sentence, tokens)
            yield from self._presentative(sentence)
            yield from self._time_connectors(sentence)
            yield from self._entre_ou(sentence, tokens)
            yield from self._collocations(sentence, tokens)
            yield from self._purpose_a(sentence, tokens)
            yield from self._anglicisms(sentence, tokens)
            yield from self._adjunct_order(sentence, tokens)

    def _adjunct_order(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        """``la Text propriété`` → ``la propriété Text`` (see WORD-ORDER-NOUN-ADJUNCT): a determiner,
        an identifier (``SetClusterConfig``, ``get_config``) or a capitalised English word the
        French lexicon lacks (``Text``, ``Activity``), then a lower-case noun of software
        documentation. French puts the name after its noun; a French word («la Grande salle») or
        a name French knows is left alone."""
        for det, name, noun in zip(tokens, tokens[1:], tokens[2:], strict=False):
            det_low = det.lower_.replace("’", "'")
            if det_low not in _ADJUNCT_DETERMINERS or noun.lower_ not in _DOC_NOUNS or (
                not noun.text.islower()
            ):
                continue
            word = name.text
            identifier = bool(_IDENTIFIER.fullmatch(word)) or (
                # an acronym French does not write as a word ("IAM", "SQL"; not "ONU")
                word.isupper() and word.isalpha() and 2 <= len(word) <= 6 and not self.lexicon.analyses(word)
            )
            if not identifier and not (
                word[:1].isupper() and word[1:].islower() and len(word) > 2
                and not self.lexicon.analyses(word) and _english(word)
            ):
                continue
            after = tokens[noun.i + 1] if noun.i + 1 < len(tokens) else None
            if after is not None and after.text[:1].isupper() and after.is_alpha:
                continue  # "le Linux mode Expert": a longer name
            readings = [a for a in self.lexicon.analyses(noun.text) if "nom" in a.pos]
            genders = {a.gender for a in readings}
            start, fix = name.idx, f"{noun.text} {word}"
            article = _ARTICLE_OF_GENDER.get((det_low, genders.pop())) if len(genders) == 1 else None
            if article is not None:  # «le SetClusterConfig méthode» → «la méthode SetClusterConfig»
                start, fix = det.idx, f"{_cap(det.text, article)} {fix}"
            yield self.issue(
                sentence, sentence.start + start, sentence.start + noun.idx + len(noun.text),
                Category.WORD_ORDER, Severity.MINOR, "WORD-ORDER-NOUN-ADJUNCT",
                f"English order: «{word}» names the {noun.text}; French puts the name after its "
                f"noun («{noun.text} {word}»).", fix,
            )

    def _missing_de(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        """"beaucoup personnes", "2 millions dollars": the next word is a common noun and nothing
        else in the lexicon (not "trop tard", "peu importe", "beaucoup plus", "assez grand",
        "deux millions supplémentaires")."""
        for adverb, noun in zip(tokens, tokens[1:], strict=False):
            comparative = adverb.lower_ in _COMPARATIVES
            number_noun = adverb.lower_ in _NUMBER_NOUNS  # the parse may take the noun for an adjective
            quantity = adverb.lower_ in _QUANTITY_ADVERBS or number_noun
            tags = ("NOUN", "ADJ") if number_noun else ("NOUN",)
            if not (quantity or comparative) or noun.pos_ not in tags:
                continue
            if not noun.is_alpha or not noun.text.islower() or not adverb.whitespace_:
                continue
            readings = self.lexicon.analyses(noun.text)
            if not readings or any(a.pos != {"nom"} for a in readings):
                continue
            if comparative and any(a.number != "pl" for a in readings):
                continue  # "plus" before a singular ("plus personne", "plus question") is French
            if noun.lower_ in _LOCUTION_NOUNS and any(
                t.lemma_ in ("avoir", "faire") and not (t.i and t.doc[t.i - 1].lower_ == "y")
                for t in adverb.doc[max(0, adverb.i - 4) : adverb.i]
            ):
                continue  # "on n'a pas trop peur", "faire très attention": a verbal locution
            de = "d’" if noun.text[0] in _VOWEL_START and self.lexicon.known("d’" + noun.text) else "de "
            start = sentence.start + adverb.idx
            yield self.issue(
                sentence, start, sentence.start + noun.idx + len(noun.text), Category.GRAMMAR,
                Severity.MINOR, "GRAMMAR-MISSING-DE",
                f"«{adverb.text}» takes «de» before a noun.", f"{adverb.text} {de}{noun.text}",
            )  # fmt: skip

    def _quantifier_de(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        """"la plupart de victimes" → "la plupart des victimes", "plusieurs de maisons" →
        "plusieurs maisons" (Indonesian "sebagian", "beberapa" read as "some of"): a pronoun of
        quantity takes "de" + a determiner ("plusieurs de ces maisons", "la plupart d’entre
        eux", "chacun de nous" are French); before a bare plural noun (adjectives allowed before
        it) the article is missing, or "de" is."""
        lowers = [t.lower_ for t in tokens]
        for i, first in enumerate(tokens):
            for words, article in _QUANTIFIER_PRONOUNS.items():
                k = i + len(words)
                if tuple(lowers[i:k]) != words or k + 1 >= len(tokens) or lowers[k] not in ("de", "d’", "d'"):
                    continue
                j = k + 1
                while j < len(tokens) - 1 and j < k + 3 and tokens[j].pos_ == "ADJ" and tokens[j].is_alpha:
                    j += 1
                noun = tokens[j]
                if noun.pos_ != "NOUN" or not noun.is_alpha or not noun.text.islower():
                    continue
                readings = self.lexicon.analyses(noun.text)
                # a noun the same in both numbers ("cas") is plural after a plural adjective only
                plural = any("Plur" in t.morph.get("Number") for t in tokens[k + 1 : j])
                if any("nom" in a.pos and a.number == "sg" for a in readings) or not any(
                    "nom" in a.pos and (a.number == "pl" or a.number == "inv" and plural) for a in readings
                ):
                    continue  # "la plupart de temps" wants "du": only a plural noun is fixed
                de = tokens[k]
                rest = sentence.text[tokens[k + 1].idx : noun.idx + len(noun.text)]
                quantifier = sentence.text[first.idx : tokens[k - 1].idx + len(tokens[k - 1].text)]
                fix = f"{quantifier} {'des ' if article else ''}{rest}"
                yield self.issue(
                    sentence, sentence.start + first.idx, sentence.start + noun.idx + len(noun.text),
                    Category.GRAMMAR, Severity.MINOR, "GRAMMAR-QUANTIFIER-DE",
                    f"«{quantifier} {de.text}» takes a determiner before its noun.", fix,
                )

    def _calques(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        """English constructions translated word for word, each never French as it stands."""
        lowers = [t.lower_ for t in tokens]
        for i, tok in enumerate(tokens):
            fix = None
            end = i
            # "in order to": "en ordre de" + infinitive ("en ordre de marche" has a noun).
            if lowers[i : i + 3] in (["en", "ordre", "de"], ["en", "ordre", "d’"], ["en", "ordre", "d'"]) \
                    and i + 3 < len(tokens) and "Inf" in tokens[i + 3].morph.get("VerbForm"):  # fmt: skip
                end = i + 2
                fix = ("Afin" if tok.text[0].isupper() else "afin") + (
                    " de" if lowers[i + 2] == "de" else " " + tokens[i + 2].text)
            # "in line with expectations": "en ligne avec les attentes" ("être en ligne avec
            # quelqu'un", online, is French: only before the words of forecasts).
            elif lowers[i : i + 3] == ["en", "ligne", "avec"] and i + 4 < len(tokens) \
                    and lowers[i + 4] in _FORECASTS:  # fmt: skip
                article = {"les": " aux", "le": " au", "la": " à la", "l’": " à l’", "l'": " à l'",
                           "leurs": " à leurs", "ses": " à ses", "nos": " à nos",
                           "vos": " à vos"}.get(lowers[i + 3])  # fmt: skip
                end = i + 2 if article is None else i + 3
                fix = ("Conforme" if tok.text[0].isupper() else "conforme") + (article or " à")
            # "which is why": "ce qui est pourquoi".
            elif lowers[i : i + 4] == ["ce", "qui", "est", "pourquoi"]:
                end = i + 3
                fix = ("C" if tok.text[0].isupper() else "c") + "’est pourquoi"
            # "makes sense": "faire du sens".
            elif lowers[i] in _AVOIR_FOR_FAIRE and lowers[i + 1 : i + 3] == ["du", "sens"]:
                end = i + 2
                fix = f"{_AVOIR_FOR_FAIRE[lowers[i]]} du sens"
            # "appointed as minister": "nommé comme ministre" → "nommé ministre"; "met with"
            # (Indonesian "bertemu dengan"): "a rencontré avec le ministre" → "a rencontré".
            elif i + 1 < len(tokens) and (
                tok.lemma_.lower() in _NAMED_AS and lowers[i + 1] == "comme"
                or tok.lemma_.lower() == "rencontrer" and lowers[i + 1] == "avec"
                and not any(t.lower_ in ("se", "s’", "s'", "nous", "vous") for t in tokens[max(0, i - 3) : i])
            ) and tok.pos_ in ("VERB", "AUX"):  # fmt: skip
                end = i + 1
                fix = tok.text
            # "as many as 50 people" (Indonesian "sebanyak"): "autant que 50 personnes", "autant
            # de 50 personnes" → "50" ("autant de 2 que de 3" compares).
            elif lowers[i] == "autant" and i + 3 < len(tokens) and (
                lowers[i + 1] == "que" or lowers[i + 1] == "de" and "que" not in lowers[i + 3 :]
            ) and (tokens[i + 2].like_num or tokens[i + 2].pos_ == "NUM") and not (
                i and lowers[i - 1] in ("fois", "pas", "tout")
            ):
                end = i + 1
                fix = ""
            else:
                found = self._comparison(tokens, i) or self._valency(tokens, i) or self._entre(tokens, i)
                if found is not None:
                    end, fix = found
            if fix is None:
                continue
            last = tokens[end]
            start = sentence.start + tok.idx
            yield self.issue(
                sentence, start, sentence.start + last.idx + len(last.text), Category.GRAMMAR,
                Severity.MINOR, "GRAMMAR-CALQUE",
                "An English construction translated word for word.", fix,
            )

    def _press_calques(self, sentence: Sentence) -> Iterator[Issue]:
        """Press formulas word for word. Indonesian: "a déclaré X lorsqu'il a été confirmé"
        ("saat dikonfirmasi", when asked for confirmation) → "interrogé", "lorsqu'il a été
        rencontré" ("saat ditemui", when met by reporters); "Rapporté plus tôt," ("Diberitakan
        sebelumnya") → "Comme nous l'avons rapporté,", "Rapporté par Antara," ("Dilansir Antara")
        → "Selon Antara,". English financial wires: "a manqué ses
        prévisions" (missed), "les attentes sont que" (expectations are that), "sur la
        spéculation selon laquelle" (on speculation that), "prévisions de gestion" (management
        guidance)."""
        text = sentence.text
        for m in _WHEN_CONFIRMED.finditer(text):
            verb, ending = m.group(2).lower(), m.group(3) or ""
            fix = f"interrogé{ending}" if verb == "confirm" else None
            yield self._text_issue(
                sentence, m.start(), m.end(), "GRAMMAR-CALQUE",
                "An Indonesian press formula word for word: a speaker is «interrogé» (or "
                "«rencontré par la presse»), not «confirmé».", fix,
            )
        source = _REPORTED_BY.match(text)
        if source is not None:
            yield self._text_issue(
                sentence, source.start(1), source.end(1), "GRAMMAR-CALQUE",
                "An Indonesian press formula word for word («Dilansir …»): the participle has no "
                "subject to govern; French names the source with «selon».",
                f"Selon {source.group(2)},",
            )
        reported = _REPORTED_EARLIER.match(text)
        if reported is not None:
            yield self._text_issue(
                sentence, reported.start(), reported.end(), "GRAMMAR-CALQUE",
                "An Indonesian press formula word for word («Diberitakan sebelumnya»).",
                "Comme nous l’avons rapporté,",
            )
        for pattern, message, make_fix in _PHRASE_CALQUES:
            part = "span" if "span" in pattern.groupindex else 0  # the words to replace
            for m in pattern.finditer(text):
                yield self._text_issue(
                    sentence, m.start(part), m.end(part), "GRAMMAR-CALQUE", message, make_fix(m))
        for pattern, message, fix in _WIRE_CALQUES:
            for m in pattern.finditer(text):
                # "prévisions de gestion" → "prévisions de la direction"
                suggestion = f"{m.group(1)} de la direction" if m.lastindex else fix
                yield self._text_issue(sentence, m.start(), m.end(), "GRAMMAR-CALQUE", message, suggestion)

    def _stressed_pronouns(self, sentence: Sentence) -> Iterator[Issue]:
        """"qu'il et sa famille" → "que lui et sa famille" (see GRAMMAR-STRESSED-PRONOUN)."""
        for m in _PRONOUN_AND_NOUN.finditer(sentence.text):
            que, pronoun = m.group(1), m.group(2).lower()
            fix = f"{'Q' if que[0] == 'Q' else 'q'}ue {_STRESSED[pronoun]}"
            yield self._text_issue(
                sentence, m.start(), m.end(2), "GRAMMAR-STRESSED-PRONOUN",
                f"A subject pronoun coordinated with a noun takes its stressed form: «{fix} et …».", fix,
            )

    def _impersonal(self, sentence: Sentence) -> Iterator[Issue]:
        """"Cela doit y avoir" → "Il doit y avoir" (see GRAMMAR-IMPERSONAL)."""
        pronoun = _PRONOUN_Y_AVOIR.match(sentence.text)
        found = pronoun or _NOUN_Y_AVOIR.match(sentence.text)
        if found is None:
            return
        yield self._text_issue(
            sentence, found.start(), found.end(), "GRAMMAR-IMPERSONAL",
            "«y avoir» (there is) takes the impersonal «il»: «il doit y avoir»" + (
                "." if pronoun is not None
                else " (the noun goes into an adverbial: «durant cette période, il doit y avoir»)."
            ),
            f"Il {found.group(2)} y avoir" if pronoun is not None else None,
        )

    def _bare_title(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        """"JAKARTA - Chef du bureau … a demandé" → "Le chef" (see GRAMMAR-MISSING-ARTICLE)."""
        title = _BARE_TITLE.match(sentence.text)
        if title is None or not self._clause_after_title(tokens, title.end(1)):
            return
        word = title.group(1)
        article = _TITLE_ARTICLE.get(word, "Le")
        yield self._text_issue(
            sentence, title.start(1), title.end(1), "GRAMMAR-MISSING-ARTICLE",
            f"A title that opens the sentence as its subject takes the article: «le/la {word.lower()}».",
            None if article is None else f"{article} {word.lower()}",
        )

    def _bare_plural(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        """"Banques étudient la possibilité …" → "Les banques" (see GRAMMAR-MISSING-ARTICLE): a
        plural common noun opening the sentence (or its dateline) without a determiner, the
        subject of a plural finite verb: English bare plurals ("Banks are studying"). French
        drops the article only in lists and coordinations ("Hommes et femmes sont venus"),
        which are left alone, and in headlines, which have no finite verb of their own."""
        start = dateline_end(tokens)
        if start + 1 >= len(tokens):
            return
        first = tokens[start]
        word = first.text
        if not (len(word) > 2 and word[0].isupper() and word[1:].islower() and word.isalpha()):
            return
        if first.dep_ not in ("nsubj", "nsubj:pass") or first.head.i <= first.i:
            return
        if any(c.dep_ in ("det", "conj", "nummod") for c in first.children) or tokens[start + 1].lower_ in (
            "et", "ou", ",", "&", "/"
        ):
            return
        analyses = self.lexicon.analyses(word)
        lower = self.lexicon.analyses(word.lower())
        nouns = [a for a in lower if "nom" in a.pos]
        if not nouns or any(a.pos & NAME_POS for a in analyses) or not all(
            a.number in ("pl", "inv") for a in nouns
        ) or not any(a.number == "pl" for a in nouns):
            return  # a name ("Séquences", "Esquéhéries"), or a word that may be singular
        if first.pos_ not in ("NOUN", "PROPN") or word.lower() in _PREDICATIVE_FIRST:
            return  # "Nombreux sont ceux qui …": an attribute
        verb = first.head
        finite = [t for t in (verb, *verb.children) if t.i > first.i and t.pos_ in ("VERB", "AUX")
                  and _finite(t) and (t is verb or t.dep_ in ("aux", "aux:pass", "cop"))]
        if not finite or any("Plur" not in t.morph.get("Number") for t in finite):
            return
        if any(t.text in (":", ";", "-", "–", "—") for t in tokens[first.i + 1 : verb.i]):
            return
        yield self._text_issue(
            sentence, first.idx, first.idx + len(word), "GRAMMAR-MISSING-ARTICLE",
            "A plural noun opening the sentence as its subject takes the article (English drops "
            f"it): «Les {word.lower()}».",
            f"Les {word.lower()}",
        )

    def _participle_subject(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        """"Réussi à gagner contre l'Argentine est une fierté" (see GRAMMAR-MISSING-SUBJECT): a
        past participle opening the sentence, then the main verb with no comma between, so the
        participle stands as the subject (Indonesian "Berhasil menang … adalah"); French takes
        an infinitive («Avoir réussi à …») or a comma and a subject («Arrivé à Paris, il …»).
        A verb inside a relative clause is not the main verb."""
        start = dateline_end(tokens)
        if start + 2 >= len(tokens):
            return
        first = tokens[start]
        word = first.text
        if not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
            return
        readings = self.lexicon.analyses(word.lower())
        if not readings or not all("ppas" in a.pos for a in readings):
            return
        for tok in tokens[start + 1 :]:
            if tok.text in (",", ":", ";", "(", "-", "–", "—", "«", '"'):
                return
            if tok.pos_ in ("AUX", "VERB") and "Fin" in tok.morph.get("VerbForm"):
                root = tok if tok.dep_ == "ROOT" else tok.head
                if root.dep_ != "ROOT" or tok is not root and tok.dep_ not in ("cop", "aux", "aux:pass"):
                    continue  # a relative clause's verb ("dont les niveaux sont …")
                if not any(c.dep_.startswith("nsubj") and c.i != first.i for c in root.children):
                    yield self._text_issue(
                        sentence, first.idx, first.idx + len(word), "GRAMMAR-MISSING-SUBJECT",
                        f"«{word} …» cannot be the subject of «{tok.text}»: an infinitive («Avoir "
                        f"{word.lower()} …») or a comma and the subject.",
                        None,
                    )
                return  # "Né en 1950 il est mort …": a comma missing, the verb has its subject

    def _purpose_clause(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        """``redémarrez pour toutes les modifications prennent effet`` → ``pour que`` (English
        "for the changes to take effect", Indonesian "agar"): «pour» after a verb (or its
        participle), a noun phrase
        (its complements allowed) and a word the lexicon reads only as a conjugated verb. «pour»
        after a noun ("les prévisions pour l'exercice soient") belongs to that noun."""
        for tok in tokens:
            if tok.lower_ != "pour" or tok.i == 0 or not self._verbal(tokens[tok.i - 1]):
                continue
            if tokens[tok.i - 1].lemma_.lower() in _CAUSE_POUR_VERBS:
                continue  # "connue pour ses plages (qui) sont …": «pour» + the noun of a cause
            if tok.i > 1 and tokens[tok.i - 2].pos_ == "NOUN" and "Part" in tokens[tok.i - 1].morph.get(
                "VerbForm"
            ):
                continue  # "Les revenus attendus pour ce trimestre sont …": the noun's participle
            k = tok.i + 1
            if k >= len(tokens) or not (tokens[k].pos_ == "DET" or tokens[k].lower_ in _PURPOSE_DETERMINERS):
                continue
            nouns = 0
            while k < len(tokens) and k - tok.i <= 10 and not self.lexicon.only_finite(tokens[k].text) and (
                tokens[k].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
                or tokens[k].lower_ in _PURPOSE_NP_WORDS
            ):
                nouns += tokens[k].pos_ in ("NOUN", "PROPN")
                k += 1
            if k >= len(tokens) or not nouns or not tokens[k].text.islower():
                continue
            if self.lexicon.only_finite(tokens[k].text):
                start = sentence.start + tok.idx
                yield self.issue(
                    sentence, start, start + len(tok.text), Category.GRAMMAR, Severity.MAJOR,
                    "GRAMMAR-MISSING-QUE",
                    f"«pour» before a clause with its own subject and verb («{tokens[k].text}»): "
                    "«pour que» + subjunctive.", f"{tok.text} que",
                )

    def _collocations(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        """The verb English pairs with a noun where French takes another: "causer une défaite"
        → «infliger», "poser une menace" → «constituer», "faire une décision" → «prendre»,
        "payer attention" → «prêter». The noun is the verb's object (in the parse, or right after
        it with only a determiner and adjectives between); the span is the verb, the suggestion
        the French verb in the same form. Left alone: "faire passer", a noun the verb does not
        govern ("faire appel d'une décision"), "adresser un problème à quelqu'un" (send it)."""
        for verb in tokens:
            if verb.pos_ in ("NOUN", "PROPN", "DET", "ADP", "PRON") or not verb.is_alpha:
                continue  # the tagger's lemma and part of speech slip ("posent" as an adverb)
            lemmas = {a.lemma for a in self.lexicon.analyses(verb.text) if "v" in a.pos}
            if not lemmas & _COLLOCATION_ENGLISH.keys():
                continue
            noun = self._object_noun(tokens, verb)
            if noun is None:
                continue
            nouns = {a.lemma for a in self.lexicon.analyses(noun.text) if "nom" in a.pos}
            pairs = [(v, n) for v in sorted(lemmas) for n in sorted(nouns) if (v, n) in _COLLOCATIONS]
            pair = pairs[0] if pairs else None
            if pair is None:
                continue
            after = tokens[noun.i + 1].lower_ if noun.i + 1 < len(tokens) else ""
            if pair[0] == "adresser" and after in ("à", "au", "aux"):
                continue
            if pair[0] == "passer" and "revue" in [t.lower_ for t in tokens[noun.i + 1 : noun.i + 6]]:
                continue  # «passer une loi en revue»: to review it
            right = _COLLOCATIONS[pair]
            fix = None
            if right is not None:
                head, _, rest = right.partition(" ")  # "prendre en charge": the verb, then its words
                fix = self.lexicon.same_form(
                    verb.text, head, finite=None if verb.pos_ not in ("VERB", "AUX")
                    else "Fin" in verb.morph.get("VerbForm"))
                fix = f"{fix} {rest}" if fix and rest else fix
            message = (f"«{verb.text}» with «{noun.text}» is the English pairing (to "
                       f"{_COLLOCATION_ENGLISH[pair[0]]}); French uses "
                       + (f"«{right}» with «{pair[1]}»." if right else f"«{_COLLOCATION_PHRASES[pair]}»."))
            start = sentence.start + verb.idx
            yield self.issue(sentence, start, start + len(verb.text), Category.STYLE, Severity.MINOR,
                             "STYLE-COLLOCATION", message, fix)

    def _anglicisms(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        """English expressions word for word (see STYLE-ANGLICISM): the table's patterns, and
        «prendre» before a bare «place» with an event as its subject («la réunion a pris place» →
        «a eu lieu»; «les invités ont pris place», sat down, is French), «prendre action» (no
        article: «prendre des actions» buys shares) → «agir», «prendre avantage de» → «profiter de»
        («prendre l'avantage», to take the lead, is French)."""
        for pattern, message, make_fix in _ANGLICISMS:
            for m in pattern.finditer(sentence.text):
                part = "span" if "span" in pattern.groupindex else 0  # the words to replace
                yield self._style_issue(sentence, m.start(part), m.end(part), message, make_fix(m))
        for verb, noun in zip(tokens, tokens[1:], strict=False):
            if noun.lower_ not in ("place", "action", "avantage") or verb.lemma_.lower() != "prendre" \
                    and not any(a.lemma == "prendre" for a in self.lexicon.analyses(verb.text)):  # fmt: skip
                continue
            after = tokens[noun.i + 1].lower_ if noun.i + 1 < len(tokens) else ""
            fix = None
            if noun.lower_ == "place":
                if not self._event_subject(tokens, verb):
                    continue
                head, rest, message = "avoir", " lieu", "An event «a lieu»; «prendre place» is to sit down."
            elif noun.lower_ == "action":
                head, rest = "agir", ""
                message = "«take action» word for word: «agir» (or «prendre des mesures»)."
            elif after in ("de", "d’", "d'", "du", "des"):
                head, rest, message = "profiter", "", "«take advantage of» word for word: «profiter de»."
            else:
                continue
            form = self.lexicon.same_form(verb.text, head, finite="Fin" in verb.morph.get("VerbForm"))
            fix = form + rest if form else None
            yield self.issue(sentence, sentence.start + verb.idx, sentence.start + noun.idx + len(noun.text),
                             Category.STYLE, Severity.MINOR, "STYLE-ANGLICISM", message, fix)

    @staticmethod
    def _event_subject(tokens: Sequence[Any], verb: Any) -> bool:
        """The subject of ``verb`` (or of the verb it completes: «doit prendre place»; the noun a
        relative «qui» stands for) is an event noun."""
        for node in (verb, verb.head):
            for child in node.children:
                if child.dep_ in ("nsubj", "nsubj:pass") and child.i < verb.i:
                    subject = node.head if child.lower_ == "qui" and node.dep_ == "acl:relcl" else child
                    return subject.lemma_.lower() in _EVENTS or subject.lower_ in _EVENTS
            if node.dep_ not in ("xcomp", "acl:relcl"):
                break
        return False

    def _style_issue(self, sentence: Sentence, start: int, end: int, message: str, fix: str | None) -> Issue:
        return self.issue(sentence, sentence.start + start, sentence.start + end, Category.STYLE,
                          Severity.MINOR, "STYLE-ANGLICISM", message, fix)

    def _purpose_a(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        """«utiliser/employer X à + infinitive» for a purpose (English "use X to do") →
        «pour»: "utiliser des armes fabriquées aux États-Unis à frapper la Russie". Left alone:
        time, money or effort spent ("employer son temps à lire"), «s'employer à» (to strive),
        a noun right before «à» ("une machine à laver le linge": the noun's own «à» + infinitive),
        an infinitive without a complement."""
        for verb in tokens:
            if verb.pos_ not in ("VERB", "AUX") or not (
                {a.lemma for a in self.lexicon.analyses(verb.text) if "v" in a.pos} & _USE_VERBS
            ):
                continue
            if any(t.lower_ in ("s’", "s'", "se", "m’", "m'", "me", "t’", "t'", "te", "nous", "vous")
                   for t in tokens[max(0, verb.i - 2) : verb.i]):
                continue  # "s'employer à convaincre": to strive
            k, nouns = verb.i + 1, []
            while k < len(tokens) and k - verb.i <= 10 and (
                tokens[k].pos_ in _USE_NP or tokens[k].lower_ in _USE_NP_WORDS
                or tokens[k].pos_ == "VERB" and "Part" in tokens[k].morph.get("VerbForm")
            ):
                if tokens[k].pos_ == "NOUN" or tokens[k].pos_ == "ADJ" and any(
                    "nom" in a.pos for a in self.lexicon.analyses(tokens[k].text)
                ):
                    nouns.append(tokens[k])  # the tagger takes "drones" for an adjective
                k += 1
            if not nouns or k + 2 >= len(tokens) or tokens[k].lower_ != "à":
                continue
            infinitive, complement = tokens[k + 1], tokens[k + 2]
            if not any("infi" in a.pos for a in self.lexicon.analyses(infinitive.text)) or (
                "Inf" not in infinitive.morph.get("VerbForm")
            ):
                continue
            if complement.is_punct or any(n.lower_ in _SPENT_NOUNS for n in nouns):
                continue
            if tokens[k - 1].pos_ == "NOUN":
                continue  # "la machine à laver le linge": a noun's own «à» + infinitive
            start = sentence.start + tokens[k].idx
            yield self.issue(
                sentence, start, start + 1, Category.GRAMMAR, Severity.MINOR, "GRAMMAR-PREPOSITION",
                f"The purpose of «{verb.text}» takes «pour» + infinitive («pour {infinitive.text}»), "
                "not «à» (English «to»).", "pour",
            )

    @staticmethod
    def _object_noun(tokens: Sequence[Any], verb: Any) -> Any | None:
        """The noun the verb takes as its object: parsed so, or next after the verb with only a
        determiner, adjectives or numbers between; none after a causative «faire» ("faire
        poser un risque")."""
        if verb.i and tokens[verb.i - 1].lemma_.lower() == "faire":
            return None
        for child in verb.children:
            if child.dep_ == "obj" and child.pos_ == "NOUN" and child.i > verb.i:
                return child
        k = verb.i + 1
        # a partitive right after the verb ("gagner du poids": the tagger calls «du» a preposition)
        if k < len(tokens) and tokens[k].lower_ in ("du", "des", "d’", "d'"):
            k += 1
        elif [t.lower_ for t in tokens[k : k + 2]] in (["de", "la"], ["de", "l’"], ["de", "l'"]):
            k += 2
        while k < len(tokens) and k - verb.i <= 4 and tokens[k].pos_ in ("DET", "ADJ", "NUM"):
            k += 1
        return tokens[k] if k < len(tokens) and tokens[k].pos_ == "NOUN" else None

    def _verbal(self, tok: Any) -> bool:
        """A verb, or a participle the tagger took for an adjective ("être redémarré")."""
        return tok.pos_ == "VERB" or tok.pos_ == "ADJ" and any(
            "ppas" in a.pos for a in self.lexicon.analyses(tok.text))

    def _reporting_without_subject(self, sentence: Sentence) -> Iterator[Issue]:
        """«», a déclaré.» → «», a-t-il déclaré.» (see GRAMMAR-MISSING-SUBJECT): nothing after the
        verb can be its subject: only the sentence's end, prepositional phrases, time words.
        «», a déclaré le ministre», «», a déclaré Budi aux journalistes» have one."""
        text = sentence.text
        for m in _REPORTING_AFTER_QUOTE.finditer(text):
            tail = re.findall(r"[\w’'-]+|[^\w\s]", text[m.end():])
            if not self._subjectless_tail(tail):
                continue
            avoir, verb = m.group(1), m.group(2)
            fix = f"{avoir}-t-il {verb}" if avoir == "a" else f"ont-ils {verb}"
            yield self.issue(
                sentence, sentence.start + m.start(1), sentence.start + m.end(), Category.GRAMMAR,
                Severity.MINOR, "GRAMMAR-MISSING-SUBJECT",
                f"«{avoir} {verb}» after a quotation needs its subject, inverted: «{fix}» (or «elle»).",
                fix,
            )

    @staticmethod
    def _subjectless_tail(tail: list[str]) -> bool:
        if not tail or tail[0] in ".!?":
            return bool(tail)
        if tail[0].lower() not in _REPORTING_TAIL_PREPOSITIONS | _TAIL_TIME:
            return False
        after_preposition = False
        for word in tail:
            if word in ".!?":
                return True
            low = word.lower()
            if word[:1].isupper() and not after_preposition:
                return False  # a name: «, a déclaré aux journalistes Budi»
            if low in _TAIL_ARTICLES and not after_preposition:
                return False  # «, a déclaré hier le ministre»
            after_preposition = low in _REPORTING_TAIL_PREPOSITIONS or (
                after_preposition and (low in _TAIL_ARTICLES or word[:1].isupper()))
        return False

    def _double_negation(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        """«ne … pas» with «aucun» later in the clause, or «pas jamais» (see
        GRAMMAR-DOUBLE-NEGATION): «aucun», «jamais» already negate with «ne». A clause of its own
        («ne pense pas qu'aucun …») and «sans aucun» («pas sans aucun intérêt») are left alone."""
        for tok in tokens:
            if tok.lower_ != "pas" or not any(
                t.lower_ in ("ne", "n'", "n’") for t in tokens[max(0, tok.i - 5) : tok.i]
            ):
                continue
            for nxt in tokens[tok.i + 1 : tok.i + 15]:
                low = nxt.lower_
                if nxt.is_punct or low in _NEGATION_CLAUSE_BREAKS:
                    break
                if low in ("aucun", "aucune") or low == "jamais" and nxt.i == tok.i + 1:
                    yield self._text_issue(
                        sentence, tok.idx, tok.idx + 3, "GRAMMAR-DOUBLE-NEGATION",
                        f"«{nxt.text}» already makes the negation with «ne»: «pas» is one negation too many.",
                        "",
                    )
                    break

    def _presentative(self, sentence: Sentence) -> Iterator[Issue]:
        """``Ils sont des pays`` → ``Ce sont des pays`` (see GRAMMAR-PRESENTATIVE): English "they are
        countries", "it is a tool". «il est une heure», «il est un peu», «il est l'un des»,
        «il était une fois» and the literary «il est des gens qui» are French."""
        for m in _PRESENTATIVE.finditer(sentence.text):
            pronoun, verb, article = m.group(1), m.group(2).lower(), m.group(3).lower()
            if pronoun.lower() in ("il", "elle") and article == "des":
                continue  # "il est des moments où": literary «il y a»
            fixed = _PRESENTATIVE_FORMS[verb]
            if pronoun[0].isupper():
                fixed = fixed[0].upper() + fixed[1:]
            if "'" in sentence.text and "’" not in sentence.text:
                fixed = fixed.replace("’", "'")
            yield self._text_issue(
                sentence, m.start(), m.end(2), "GRAMMAR-PRESENTATIVE",
                f"French presents a noun with «ce»: «{fixed} {m.group(3)} …», "
                f"not «{m.group(1)} {m.group(2)}».",
                fixed,
            )

    def _connectors(self, sentence: Sentence) -> Iterator[Issue]:
        """«parce» without «que» (see GRAMMAR-CONNECTOR) and «S'il vous plaît» + infinitive
        (GRAMMAR-CALQUE)."""
        text = sentence.text
        for m in _PARCE.finditer(text):
            nxt = m.group(2).lower()
            if nxt in _CLAUSE_OPENERS:
                word = m.group(2)
                que = "qu’" if nxt[:1] in "aeiouéèê" else "que "
                yield self._text_issue(sentence, m.start(), m.start(2) + len(word), "GRAMMAR-CONNECTOR",
                                       "«parce» opens a clause only as «parce que».",
                                       f"{m.group(1)}arce {que}{word}")
            else:
                cause = "À cause" if m.group(1) == "P" else "à cause"
                fix = cause if nxt in ("de", "d'", "d’", "du", "des") else (
                    None if nxt in ("le", "les") else f"{cause} de")
                message = "«parce» cannot introduce a noun: «à cause de» or «en raison de»."
                yield self._text_issue(sentence, m.start(), m.end(), "GRAMMAR-CONNECTOR", message, fix)
        please = _PLEASE.search(text)
        if please is not None and any("infi" in a.pos for a in self.lexicon.analyses(please.group(2))):
            yield self._text_issue(
                sentence, please.start(), please.end(), "GRAMMAR-CALQUE",
                "«Please + verb» word for word: an instruction is «Veuillez» + infinitive.",
                "Veuillez" if please.group(1) == "S" else "veuillez",
            )

    def _time_connectors(self, sentence: Sentence) -> Iterator[Issue]:
        """``chaque fois nous pensons`` → ``chaque fois que nous`` (see GRAMMAR-CONNECTOR): a noun of
        time opening a clause inside the sentence takes «que»; opening the sentence or after a comma
        it is an adverbial («La prochaine fois vous paierez», «Chaque fois, il …»)."""
        text = sentence.text
        for m in _TIME_WITHOUT_QUE.finditer(text):
            before = text[: m.start()].rstrip()
            if not before or not before[-1].isalpha():
                continue  # "La prochaine fois vous paierez", "…, chaque fois il": an adverbial
            pronoun = m.group(2)
            que = "qu’" if pronoun[:1].lower() in "aeiouéèê" else "que "
            yield self._text_issue(
                sentence, m.start(1), m.end(2), "GRAMMAR-CONNECTOR",
                f"«{m.group(1)}» opens a clause only with «que»: «{m.group(1)} {que}{pronoun}».",
                f"{m.group(1)} {que}{pronoun}",
            )

    def _entre_ou(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        """``choisir entre HAUTE ou BASSE`` → ``entre HAUTE et BASSE`` (see GRAMMAR-CONNECTOR): the
        preposition «entre» joins its two terms with «et». Left alone: «entre eux ou avec
        d'autres» (the «ou» joins «entre eux» to another phrase), numbers («entre deux ou trois»),
        «entre autres», the verb «entrer» («il entre ou il sort»)."""
        for tok in tokens:
            if tok.lower_ != "entre" or tok.pos_ != "ADP" or tok.i + 2 >= len(tokens):
                continue
            first = tokens[tok.i + 1]
            if first.lower_ in _ENTRE_PRONOUNS or first.pos_ == "NUM" or first.like_num:
                continue
            for other in tokens[tok.i + 2 : tok.i + 8]:
                low = other.lower_
                if other.is_punct or low in ("et", "ni") or other.pos_ in ("VERB", "AUX"):
                    break
                if low == "ou":
                    nxt = tokens[other.i + 1] if other.i + 1 < len(tokens) else None
                    if nxt is not None and (nxt.pos_ in ("ADP", "NUM") or nxt.like_num):
                        break  # "entre Paris ou à Lyon": another phrase; "entre 2 ou 3"
                    yield self.issue(
                        sentence, sentence.start + other.idx, sentence.start + other.idx + len(other.text),
                        Category.GRAMMAR, Severity.MINOR, "GRAMMAR-CONNECTOR",
                        "«entre» joins its two terms with «et»: «entre A et B».", "et",
                    )
                    break

    def _text_issue(
        self, sentence: Sentence, start: int, end: int, code: str, message: str, fix: str | None
    ) -> Issue:
        """A minor grammar issue at sentence offsets ``start``..``end``."""
        return self.issue(sentence, sentence.start + start, sentence.start + end, Category.GRAMMAR,
                          Severity.MINOR, code, message, fix)

    @staticmethod
    def _clause_after_title(tokens: Sequence[Any], end: int) -> bool:
        """A finite verb follows the title with no comma before it: "Ministre de l'Intérieur
        depuis 2017, il a …", "Président de la République, Emmanuel Macron a …" are appositions;
        "Ministre de l'Information : l'État a …" is a headline naming its speaker."""
        for tok in tokens:
            if tok.idx < end:
                continue
            if tok.text in (",", ":", "-", "–", "—"):
                return False
            if _finite(tok) and tok.pos_ in ("VERB", "AUX"):
                return True
        return False

    @staticmethod
    def _comparison(tokens: Sequence[Any], i: int) -> tuple[int, str] | None:
        """"more than 20" as "plus que 20 ans" → "plus de 20 ans": before a quantity French
        compares with «de». "il ne reste plus que 20 places" (ne … plus que: only) and "pas
        plus que" are French."""
        tok = tokens[i]
        if tok.lower_ not in _COMPARATIVES or i + 2 >= len(tokens):
            return None
        que, amount = tokens[i + 1], tokens[i + 2]
        if que.lower_ not in _QUE:
            return None
        quantity = amount.like_num or amount.pos_ == "NUM" or [
            t.lower_ for t in tokens[i + 2 : i + 4]] in _FRACTIONS
        if amount.lower_ in ("un", "une"):  # "plus qu'un milliard", not "plus qu'un frère"
            quantity = i + 3 < len(tokens) and tokens[i + 3].lower_ in _BIG_NUMBERS
        if not quantity:
            return None
        if i and tokens[i - 1].lower_ in _NOT_COMPARED:
            return None
        if amount.text.isdigit() and len(amount.text) == 4 and amount.text[:2] in ("18", "19", "20"):
            return None  # "plus que 2019": a year compared, not an amount
        if any(t.lower_ in _NEGATION or t.lower_ in ("personne", "rien") for t in tokens[:i]):
            return None  # "il ne reste plus que 20 places": only
        return i + 1, f"{tok.text} {'d’' if amount.text[:1].lower() in _VOWEL_START else 'de'}"

    @staticmethod
    def _valency(tokens: Sequence[Any], i: int) -> tuple[int, str] | None:
        """A verb with the preposition of its English counterpart: "participé dans le concours"
        (participate in) → "participé au", "consiste de" (consist of) → "consiste en",
        "dépend sur" (depend on) → "dépend de", "se conformer avec" (comply with) → "se
        conformer à", "insisté que" (insist that) → "insisté pour que", "s'efforcer pour" (strive
        for) → "s'efforcer de"."""
        verb = tokens[i]
        if i + 1 >= len(tokens) or verb.pos_ not in ("VERB", "AUX"):
            return None
        j = i + 1
        while j + 1 < len(tokens) and tokens[j].lower_ in _NEGATIONS:
            j += 1  # "n'hésitez pas de nous contacter"
        prep = tokens[j]
        right = _VALENCY.get((verb.lemma_.lower(), prep.lower_))
        if right is None:
            return None
        if right == "de" and prep.lower_ == "pour" and not (
            j + 1 < len(tokens) and "Inf" in tokens[j + 1].morph.get("VerbForm")
        ):
            return None  # "s'efforcer pour cela de": only «pour» + infinitive is the calque
        if verb.lemma_.lower() == "participer" and any(
            t.lower_ in _PARTICIPER_DANS for t in tokens[j + 1 : j + 4]
        ):
            return None  # "participé dans le cadre du programme", "dans une large mesure"
        head = " ".join(t.text for t in tokens[i:j])
        if right in ("à", "de") and j + 1 < len(tokens):
            nxt = tokens[j + 1].lower_
            contracted = _CONTRACTED.get((right, nxt))
            if contracted is not None:
                return j + 1, f"{head} {contracted}"
            if right == "de" and nxt[:1] in _VOWEL_START and tokens[j + 1].pos_ != "DET":
                return j, f"{head} d’"
        return j, f"{head} {right}"

    @staticmethod
    def _entre(tokens: Sequence[Any], i: int) -> tuple[int, str] | None:
        """"between X with Y" (Indonesian "antara X dengan Y") as "entre l'Indonésie avec la
        Malaisie" → "entre l'Indonésie et la Malaisie": «entre» with one singular party then
        «avec» for the other. The span is «avec»."""
        if tokens[i].lower_ != "avec":
            return None
        k = i - 1
        nouns = 0
        while k >= 0 and (tokens[k].pos_ in ("DET", "ADJ") or tokens[k].pos_ in ("NOUN", "PROPN")
                          and "Plur" not in tokens[k].morph.get("Number")):
            nouns += tokens[k].pos_ in ("NOUN", "PROPN")
            k -= 1
        if k < 0 or tokens[k].lower_ != "entre" or tokens[k].pos_ != "ADP" or not 0 < nouns <= 2:
            return None
        if k + 1 < i and tokens[k + 1].lower_ in ("autres", "nous", "vous", "eux", "elles"):
            return None
        return i, "et"

    def _governed(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        """Words that govern a preposition MT leaves out or replaces (help-centre and
        financial-wire English): "cliquez le bouton" (click the button) → "cliquez sur le",
        "appuyez la touche" → "appuyez sur la touche", "un lien à la page" (a link to) → "un
        lien vers la page", "a chuté 12 %" (fell 12%) → "a chuté de 12 %", "dans 2023" /
        "dans janvier" (in 2023) → "en 2023", "en janvier", "avant installer" (before installing)
        → "avant d’installer", "au lieu créer" → "au lieu de créer"."""
        n = len(tokens)
        for i, tok in enumerate(tokens[:-1]):
            nxt = tokens[i + 1]
            lemma = tok.lemma_.lower()
            found: tuple[int, int, str, str] | None = None  # (first, last, fix, message)
            # The tagger reads an imperative at the start as a name ("Appuyez", "Double-cliquez"):
            # the verb forms are matched as written.
            if _CLICK.fullmatch(tok.lower_) and nxt.lower_ in _OBJECT_DETS:
                # "cliquez une fois", "cliquez le bouton droit" (that fix is «avec»)
                if not any(t.lower_ in ("fois", "droit", "gauche") for t in tokens[i + 2 : i + 4]):
                    found = (i, i, f"{tok.text} sur",
                             f"«{tok.text}» takes «sur» before what is clicked.")
            elif _PRESS.fullmatch(tok.lower_) and i + 2 < n and nxt.lower_ in _OBJECT_DETS and (
                tokens[i + 2].lower_ in _KEYS
            ):
                found = (i, i, f"{tok.text} sur", f"«{tok.text}» takes «sur» before a key or a button.")
            elif tok.lower_ in ("lien", "liens") and nxt.lower_ in ("à", "au", "aux") and i + 2 < n and (
                nxt.lower_ != "à" or tokens[i + 2].pos_ == "DET"
            ) and tokens[i + 2].pos_ != "VERB":
                fix = {"à": "vers", "au": "vers le", "aux": "vers les"}[nxt.lower_]
                found = (i + 1, i + 1, fix, f"A link points «vers» a page: «{tok.text} {fix}».")
            elif lemma in _CHANGE_VERBS and nxt.lower_ == "par" and _percentage(tokens, i + 2):
                found = (i + 1, i + 1, "de", "The size of a change takes «de», not «par» (English «by»).")
            elif tok.lemma_.lower() == "accéder" and nxt.lower_ in _ACCESS_ARTICLES and i + 2 < n and (
                tokens[i + 2].pos_ in ("NOUN", "ADJ", "PROPN")
            ):
                fix = _ACCESS_ARTICLES[nxt.lower_]
                found = (i, i + 1, f"{tok.text} {fix}", f"«accéder» takes «à»: «{tok.text} {fix}».")
            elif lemma in _CHANGE_VERBS and tok.pos_ in ("VERB", "NOUN") and _percentage(tokens, i + 1):
                # "de 11 %", "de 8 %": no elision before a figure
                found = (i, i, f"{tok.text} de", f"«{tok.text}» takes «de» before the size of the change.")
            elif (tok.lower_ == "avant" or tok.lower_ == "lieu" and i and tokens[i - 1].lower_ == "au") \
                    and self._bare_infinitive(nxt):  # fmt: skip
                de = "d’" if nxt.lower_[:1] in _VOWEL_START else "de "
                found = (i, i + 1, f"{tok.text} {de}{nxt.text}",
                         f"«{tok.text}» takes «de» before an infinitive.")
            elif tok.lower_ == "dans" and _bare_date(tokens, i + 1):
                found = (i, i, _match_case("en", tok.text), "«in 2023», «in January»: French says «en».")
            elif lemma == "rappeler" and i and tokens[i - 1].lower_.replace("’", "'") in _REFLEXIVE_PRONOUNS:
                found = self._rappeler_de(tokens, i)
            if found is None:
                continue
            first, last, fix, message = found
            start = sentence.start + tokens[first].idx
            end = sentence.start + tokens[last].idx + len(tokens[last].text)
            yield self.issue(sentence, start, end, Category.GRAMMAR, Severity.MINOR,
                             "GRAMMAR-PREPOSITION", message, fix)

    @staticmethod
    def _rappeler_de(tokens: Sequence[Any], i: int) -> tuple[int, int, str, str] | None:
        """«se rappeler» is transitive: «vous rappeler des autres détails» → «les autres détails»,
        «se rappeler du nom» → «le nom». Only where «de» is sure to hold the article (du, de la,
        de l', «des autres»); «se rappeler des choses» (some things) and «de» + infinitive are
        French."""
        k = i + 1
        if k >= len(tokens):
            return None
        first = tokens[k].lower_.replace("’", "'")
        second = tokens[k + 1].lower_.replace("’", "'") if k + 1 < len(tokens) else ""
        if first == "du" and second != "reste":  # «du reste»: moreover
            last, fix = k, "le"
        elif first == "de" and second in ("la", "l'"):
            last, fix = k + 1, second
        elif first == "des" and second == "autres":
            last, fix = k, "les"
        else:
            return None
        return (k, last, _match_case(fix, tokens[k].text),
                "«se rappeler» takes a direct object: «se rappeler quelque chose» (or «se souvenir de»).")

    def _bare_infinitive(self, tok: Any) -> bool:
        """A word the lexicon reads as an infinitive and nothing else ("avant manger" has the
        noun "manger"; "avant dîner" the noun "dîner")."""
        if not tok.is_alpha or not tok.text.islower():
            return False
        readings = self.lexicon.analyses(tok.text)
        return bool(readings) and all("infi" in a.pos and not a.pos & {"nom", "adj"} for a in readings)

    def _reflexive_imperatives(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        """"Assurez que …" (make sure that) → "Assurez-vous que", "Connectez à votre compte" →
        "Connectez-vous à": the imperative of a verb that is pronominal in that sense, written
        without its pronoun. Only the listed verbs, each before the word that marks the
        pronominal sense ("Assurez la maison" and "Connectez l'imprimante à" are French)."""
        for i, tok in enumerate(tokens[:-1]):
            words = _PRONOMINAL_IMPERATIVES.get(tok.lower_)
            if words is None or tokens[i + 1].lower_ not in words:
                continue
            if i and (tokens[i - 1].pos_ in ("PRON", "DET", "NOUN", "PROPN", "AUX")
                      or tokens[i - 1].lower_ in _CLITICS or tokens[i - 1].lower_ in ("vous", "nous")):
                continue  # "vous assurez que", "il assure que": not an imperative
            if tok.text.endswith(("ez", "EZ")):
                pronoun = "vous"
            elif tok.text.endswith("ons"):
                pronoun = "nous"
            else:
                pronoun = "toi"
                if i and tokens[i - 1].text not in (":", ";", "-", "–", "•", "(", "«"):
                    continue  # "L'option BASSE assure que": «assure» is also the present
            if any(c.dep_.startswith("nsubj") for c in tok.children):
                continue
            start = sentence.start + tok.idx
            yield self.issue(
                sentence, start, start + len(tok.text), Category.GRAMMAR, Severity.MINOR,
                "GRAMMAR-REFLEXIVE-IMPERATIVE",
                f"«{tok.text} {tokens[i + 1].text}» needs the pronoun: «{tok.text}-{pronoun}».",
                f"{tok.text}-{pronoun}",
            )

    def _noun_as_adjective(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        """"les postes ministres" → "ministériels", "la reprise économie" → "économique": a noun
        right after a common noun, where French uses the noun's relational adjective (Indonesian
        and English put the noun there: "pos menteri", "economy recovery"). Only nouns French
        does not juxtapose this way (``_RELATIONAL``: not "santé", "culture", which headings
        use: "la section santé"), after a word tagged and listed as a noun (never as an
        adjective) that is not a heading word ("le volet économie"), and not before a
        determiner or a conjunction (a new phrase). The adjective takes the first noun's gender
        and number."""
        for i in range(1, len(tokens) - 1):
            first, noun = tokens[i - 1], tokens[i]
            adjective = _RELATIONAL.get(noun.lower_)
            if adjective is None or not noun.text.islower() or not first.text.islower():
                continue
            if first.lower_ in _HEADING_NOUNS or not first.is_alpha or not first.whitespace_:
                continue
            after = tokens[i + 1]
            if after.pos_ == "DET" or after.lower_ in ("et", "ou") or noun.pos_ == "VERB":
                continue  # "dans ce pays police et armée …": a new phrase
            if first.pos_ != "NOUN":
                continue
            readings = [a for a in self.lexicon.analyses(first.text) if "nom" in a.pos]
            if not readings or any("adj" in a.pos for a in self.lexicon.analyses(first.text)):
                continue  # "les États membres": an adjective reading
            genders = {a.gender for a in readings if a.gender in ("m", "f")}
            numbers = {a.number for a in readings if a.number in ("sg", "pl")}
            gender = genders.pop() if len(genders) == 1 else None
            if gender is None and len(genders) > 1:  # "poste": the tagger reads the determiner
                tagged = first.morph.get("Gender")
                gender = {"Masc": "m", "Fem": "f"}.get(tagged[0]) if len(tagged) == 1 else None
            plural = first.lower_.endswith(("s", "x"))
            number = numbers.pop() if len(numbers) == 1 else ("pl" if plural else "sg")
            if adjective.startswith("de "):
                fix: str | None = adjective
            else:
                forms = self.lexicon.inflect(adjective, gender=gender or "m", number=number, pos="adj")
                fix = forms[0] if forms and gender is not None else None
            start = sentence.start + noun.idx
            yield self.issue(
                sentence, start, start + len(noun.text), Category.GRAMMAR, Severity.MINOR,
                "GRAMMAR-NOUN-AS-ADJECTIVE",
                f"«{first.text} {noun.text}»: French qualifies «{first.text}» with an adjective "
                f"here, not the noun «{noun.text}».",
                fix,
            )

    def _negative_article(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        """"si vous n'avez pas un compte" → "pas de compte", "il n'y a pas des problèmes" →
        "pas de problèmes", "l'application n'affiche plus des notifications" → "plus de": after
        a negated *avoir* (or "il y a", "il n'existe") or a common transitive verb, the direct
        object's indefinite article becomes «de». "pas un seul", "ce n'est pas un problème"
        (être), "il ne dispose pas d'un" (the preposition) and the contrast "pas des X mais des
        Y" are left alone."""
        n = len(tokens)
        for i, tok in enumerate(tokens):
            if tok.lower_ not in _NEGATION or i + 3 >= n:
                continue
            k = i + 1
            if tokens[k].lower_ == "y":
                k += 1
            verb = tokens[k]
            lemmas = {verb.lemma_.lower()}
            lemmas |= {a.lemma for a in self.lexicon.analyses(verb.text) if "v" in a.pos}
            if not (lemmas & _NEGATED_OBJECT_VERBS or verb.lower_ in _AVOIR_FORMS):
                continue
            if tokens[k + 1].lower_ not in _NEGATIONS or k + 2 >= n:
                continue
            article = tokens[k + 2]
            if article.lower_ not in ("un", "une", "des") or k + 3 >= n:
                continue
            noun = tokens[k + 3]
            if noun.lower_ in ("seul", "seule", "seuls", "seules") or noun.pos_ not in ("NOUN", "ADJ"):
                continue
            if any(t.lower_ == "mais" for t in tokens[k + 3 : k + 10]):
                continue  # "il n'a pas des amis mais des relations": a contrast
            elided = noun.text[:1].lower() in _VOWEL_START
            start = sentence.start + article.idx
            # "des amis" → "d’amis": the space goes with the article
            end = sentence.start + noun.idx if elided else start + len(article.text)
            fixed = "d’" if elided else "de"
            joined = f"{fixed}{noun.text}" if elided else f"de {noun.text}"
            yield self.issue(
                sentence, start, end, Category.GRAMMAR, Severity.MINOR, "GRAMMAR-NEGATIVE-ARTICLE",
                f"After a negated «{verb.text}», «{article.text}» becomes «de»: «{joined}».", fixed,
            )

    def _weekdays(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        """A weekday left where English puts "on Tuesday", at the end of a noun phrase: before a
        relative clause, which then seems to be about the day ("soutenir la roupie mercredi,
        qui a été sous pression"), or right after "depuis …", which it seems to end ("sa plus
        forte baisse depuis un an mardi"). The day belongs after the verb; no suggestion, the
        sentence must be reordered."""
        n = len(tokens)
        for i, tok in enumerate(tokens):
            if tok.lower_ not in WEEKDAYS or not tok.text.islower() or i == 0:
                continue
            prev = tokens[i - 1]
            if prev.pos_ not in ("NOUN", "PROPN", "NUM") or prev.lower_ in _DE:
                continue
            k = i + 1
            if k < n and tokens[k].text == ",":
                k += 1
            relative = k < n and tokens[k].lower_ in _RELATIVES and k + 1 < n and (
                tokens[k + 1].pos_ in ("AUX", "VERB") or tokens[k + 1].lower_ in _CLITICS
            )
            window = [t.lower_ for t in tokens[max(0, i - 6) : i]]
            after_depuis = "depuis" in window and not any(
                t.pos_ in ("VERB", "AUX") or t.is_punct
                for t in tokens[max(0, i - 6) + window.index("depuis") : i]
            ) and (i + 1 >= n or tokens[i + 1].is_punct)
            if not (relative or after_depuis):
                continue
            why = (f"the relative clause after «{tok.text}» now seems to be about the day"
                   if relative else f"«{tok.text}» reads as the end of «depuis …»")
            start = sentence.start + tok.idx
            yield self.issue(
                sentence, start, start + len(tok.text), Category.WORD_ORDER, Severity.MINOR,
                "WORD-ORDER-WEEKDAY",
                f"A weekday placed as in English («on Tuesday»): {why}; place it after the verb.",
                None,
            )

    def _preposition(self, sentence: Sentence, tokens: Sequence[Any]) -> Iterator[Issue]:
        for i, noun in enumerate(tokens[:-2]):
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _DE_NOUNS:
                continue
            prep, verb = tokens[i + 1], tokens[i + 2]
            if prep.lower_ != "à" or "Inf" not in verb.morph.get("VerbForm"):
                continue
            if not any(t.lemma_ in _SUPPORT_VERBS for t in tokens[max(0, i - 3) : i]):
                continue
            de = "d’" if verb.text[:1].lower() in _VOWEL_START else "de "
            start = sentence.start + noun.idx
            end = sentence.start + verb.idx + len(verb.text)
            yield self.issue(
                sentence, start, end, Category.GRAMMAR, Severity.MINOR, "GRAMMAR-PREPOSITION",
                f"«{noun.text}» takes «de» before an infinitive, not «à».",
                f"{noun.text} {de}{verb.text}",
            )  # fmt: skip

    def _missing_que(self, sentence: Sentence, text: str, tokens: Sequence[Any]) -> Iterator[Issue]:
        for i, verb in enumerate(tokens):
            if verb.pos_ != "VERB" or verb.lemma_ not in _SAYING_VERBS or not _heads_clause(tokens, i):
                continue
            if "Inf" in verb.morph.get("VerbForm") and i + 1 < len(tokens) and tokens[i + 1].text == ",":
                continue  # "ni y répondre, le compte devient…": a bare infinitive closing a clause
            if any(t.lower_ in _PARENTHETICAL for t in tokens[max(0, i - 4) : i]):
                continue
            if any(t.text.startswith("-") for t in tokens[max(0, i - 3) : i]):
                continue  # "Bien que, a-t-il dit, l'Indonésie …": an inserted «a-t-il dit»
            if _in_subordinate(tokens, i):
                continue  # "Si la tendance se confirme, la banque …": the comma ends that clause
            if "Part" in verb.morph.get("VerbForm") and not any(
                c.pos_ == "AUX" for c in verb.children
            ) or i and tokens[i - 1].lower_ in ("cela", "ceci", "ça", "étant"):
                continue  # "Cela dit, cette pause …" (that said): a locution, no completive
            j = i + 1
            if j < len(tokens) and tokens[j].lower_ in {"à", "aux", "au"}:  # its indirect object
                while j < len(tokens) and tokens[j].text not in _STOPS and tokens[j].lower_ not in _QUE:
                    j += 1
            if j >= len(tokens) or tokens[j].text != ",":
                continue
            # "a déclaré, étant tenu de l'emplacement…, le séisme était…": a participial phrase
            # between commas comes before the clause; "que" goes right after the verb.
            interposed = _interposed_end(tokens, j + 1)
            if interposed is None:
                interposed = _aside_end(tokens, j + 1)
            subordinate = None if interposed is not None else _subordinate_aside_end(tokens, j + 1)
            if subordinate is not None:
                interposed = subordinate
            comma = j if interposed is None else interposed
            k = _subject_end(tokens, comma + 1)
            if k is None and subordinate is not None and comma + 1 < len(tokens) and (
                tokens[comma + 1].lower_ in _ASIDE_SUBJECT_PRONOUNS
            ):
                # "a expliqué, depuis que le moratoire a été imposé, il y a déjà …": after a
                # subordinate clause between commas a pronoun subject opens the completive too
                k = comma + 2
                while k < len(tokens) and tokens[k].lower_ in _CLITICS:
                    k += 1  # "il y a", "elle les a"
            if k is None or not _finite_group(tokens, _after_relative(tokens, k)):
                continue
            que = "qu’" if tokens[comma + 1].text[:1].lower() in _VOWEL_START else "que "
            if interposed is not None:
                at = sentence.start + verb.idx + len(verb.text)
                yield self.issue(
                    sentence, at, at, Category.GRAMMAR, Severity.MAJOR, "GRAMMAR-MISSING-QUE",
                    f"«{verb.text}» introduces a clause with its own subject (after the phrase "
                    "between commas): French needs «que» after the verb.",
                    " que",
                )  # fmt: skip
                continue
            subject_start, subject_end = tokens[j + 1].idx, tokens[k - 1].idx + len(tokens[k - 1].text)
            start, end = verb.idx, subject_end
            before = text[start : tokens[j].idx].rstrip()
            suggestion = f"{before} {que}{text[subject_start:subject_end]}"
            yield self.issue(
                sentence, sentence.start + start, sentence.start + end, Category.GRAMMAR,
                Severity.MAJOR, "GRAMMAR-MISSING-QUE",
                f"«{verb.text}» introduces a clause with its own subject: French needs «que» here.",
                suggestion,
            )  # fmt: skip


def _percentage(tokens: Sequence[Any], k: int) -> bool:
    """A figure then "%" or "pour cent" at ``k``: "12 %", "3,5 %", "12%"."""
    if k >= len(tokens):
        return False
    first = tokens[k]
    if first.like_num and k + 1 < len(tokens):
        after = tokens[k + 1]
        return after.text == "%" or after.lower_ in ("pour", "pourcent") and (
            after.lower_ == "pourcent" or k + 2 < len(tokens) and tokens[k + 2].lower_ == "cent")
    return bool(re.fullmatch(r"\d+(?:[.,]\d+)?%", first.text))


def _bare_date(tokens: Sequence[Any], k: int) -> bool:
    """A year or a month at ``k`` with no determiner: "2023" (not "2000 ans": a count), "janvier"."""
    if k >= len(tokens):
        return False
    word = tokens[k]
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    if word.lower_ in _MONTHS:
        return True
    if re.fullmatch(r"(?:19|20)\d\d", word.text):
        return after is None or after.is_punct or after.lower_ in ("et", "ou") or after.pos_ in (
            "VERB", "AUX", "ADP", "SCONJ", "CCONJ")
    return False


def _match_case(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _heads_clause(tokens: Sequence[Any], i: int) -> bool:
    """Whether the verb at ``i`` can govern a completive: conjugated, a participle after its
    auxiliary ("a déclaré"), or an infinitive after another verb ("vise à clarifier"). A participle
    or infinitive before any other verb opens a fronted adverbial ("Avant de répondre, le
    ministre a…", "quelques morts annoncés, les télévisions ont…") and governs nothing after its
    comma."""
    verb = tokens[i]
    if _finite(verb):
        return True
    if "Part" in verb.morph.get("VerbForm"):
        return any(t.pos_ == "AUX" for t in tokens[max(0, i - 3) : i])
    return any(t.pos_ in {"AUX", "VERB"} for t in tokens[:i])  # the tagger may miss its finiteness ("vise")


def _in_subordinate(tokens: Sequence[Any], i: int) -> bool:
    """Whether the word at ``i`` belongs to a clause opened by «si», «quand», «lorsque»,
    «puisque» or «comme» since the last comma (or the sentence start)."""
    for tok in reversed(tokens[:i]):
        if tok.text in (",", ";", ":") or tok.lower_ in _QUE:
            return False
        if tok.lower_.replace("’", "'") in _CLAUSE_SUBORDINATORS:
            return True
    return False


def _aside_end(tokens: Sequence[Any], k: int) -> int | None:
    """The closing comma of an adverbial aside opening at ``k``: a prepositional phrase or an
    adverb ("à partir de demain,", "en plus de l'équipe nationale,", "lundi,"), without a verb of
    its own, else None."""
    if k >= len(tokens) or not (tokens[k].pos_ in ("ADP", "ADV") or tokens[k].lower_ in WEEKDAYS):
        return None
    for m in range(k + 1, min(len(tokens), k + _MAX_INTERPOSED)):
        if tokens[m].text == ",":
            return m
        if tokens[m].text in _STOPS or tokens[m].lower_ in _QUE or _finite(tokens[m]):
            return None
    return None


def _subordinate_aside_end(tokens: Sequence[Any], k: int) -> int | None:
    """The closing comma of a subordinate clause between commas opening at ``k`` ("depuis que le
    moratoire a été imposé,", "lorsqu'il est arrivé,"), else None."""
    if k >= len(tokens):
        return None
    first = tokens[k]
    two = f"{first.lower_} {tokens[k + 1].lower_}" if k + 1 < len(tokens) else ""
    if not {first.lower_.replace("’", "'"), two.replace("’", "'")} & _ASIDE_SUBORDINATORS:
        return None
    for m in range(k + 1, min(len(tokens), k + _MAX_INTERPOSED)):
        if tokens[m].text == ",":
            return m
        if tokens[m].text in _STOPS:
            return None
    return None


def _interposed_end(tokens: Sequence[Any], k: int) -> int | None:
    """The closing comma of a participial or gerund phrase opening at ``k`` ("étant tenu de…,",
    "en réponse à…," is not one: it has no participle), else None."""
    if k >= len(tokens):
        return None
    first = tokens[k]
    after = k + 1
    while after < len(tokens) and first.lower_ == "en" and tokens[after].lower_ in _CLITICS:
        after += 1  # "en se basant sur…"
    gerund = first.lower_ == "en" and after < len(tokens) and tokens[after].lower_.endswith("ant")
    present = first.lower_.endswith("ant") and first.pos_ in {"VERB", "AUX"}
    if not (gerund or present):
        return None
    for m in range(k + 1, min(len(tokens), k + _MAX_INTERPOSED)):
        if tokens[m].text == ",":
            return m
        if tokens[m].text in _STOPS or tokens[m].lower_ in _QUE:
            return None
    return None


def _subject_end(tokens: Sequence[Any], k: int) -> int | None:
    """End (exclusive) of a subject noun phrase at ``k``: a determiner, nouns and adjectives, and
    "de" complements ("le tremblement de terre"); None when ``k`` opens no such phrase."""
    if k >= len(tokens) or tokens[k].pos_ != "DET":
        return None
    start = k
    k += 1
    while k < len(tokens):
        t = tokens[k]
        if t.pos_ in {"NOUN", "ADJ", "PROPN"}:
            k += 1
        elif t.lower_ in _DE and k + 1 < len(tokens) and tokens[k + 1].pos_ in {"NOUN", "PROPN", "DET"}:
            k += 1
        elif t.pos_ == "DET" and tokens[k - 1].lower_ in _DE:
            k += 1
        else:
            break
    if k - start < 2 or tokens[k - 1].pos_ not in {"NOUN", "ADJ", "PROPN"}:
        return None
    return k


def _after_relative(tokens: Sequence[Any], k: int) -> int:
    """Skip a relative clause "qui s'est produit" after the subject: where the main verb should be."""
    if k >= len(tokens) or tokens[k].lower_ != "qui":
        return k
    m = k + 1
    while m < len(tokens) and tokens[m].lower_ in _CLITICS:
        m += 1
    if m >= len(tokens) or tokens[m].pos_ not in {"AUX", "VERB"} or not _finite(tokens[m]):
        return k
    m += 1
    while m < len(tokens) and (tokens[m].pos_ == "ADV" or "Part" in tokens[m].morph.get("VerbForm")):
        m += 1
    return m


def _finite_group(tokens: Sequence[Any], k: int) -> bool:
    while k < len(tokens) and tokens[k].lower_ in _NEGATION:
        k += 1
    return k < len(tokens) and tokens[k].pos_ in {"AUX", "VERB"} and _finite(tokens[k])


__all__ = ["ConstructionsDetector"]
