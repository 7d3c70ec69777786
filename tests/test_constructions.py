"""The constructions detector: "de" nouns used with "à", a missing "que" after verbs of saying,
English constructions word for word."""

from __future__ import annotations

import pytest

from mt_check.detectors.constructions import ConstructionsDetector


def _found(ctx):  # type: ignore[no-untyped-def]
    issues = list(ConstructionsDetector().detect(ctx))
    for issue in issues:
        assert ctx.document.text[issue.start : issue.end] == issue.span
    return [(i.code, i.span, i.suggestion) for i in issues]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # commettre une erreur de + infinitive (the sample article's construction)
        ("Il a commis une erreur à penser que tout irait bien.",
         [("GRAMMAR-PREPOSITION", "erreur à penser", "erreur de penser")]),
        # avoir raison de + infinitive
        ("Il a eu raison à partir tôt.", [("GRAMMAR-PREPOSITION", "raison à partir", "raison de partir")]),
        # a completive after a verb of saying lost its "que"
        ("Elle a déclaré aux journalistes, le président est malade.",
         [("GRAMMAR-MISSING-QUE", "déclaré aux journalistes, le président",
           "déclaré aux journalistes que le président")]),
        # elision of "que" before a vowel in the suggestion
        ("Le texte vise à clarifier aux ennemis potentiels, une riposte est inévitable.",
         [("GRAMMAR-MISSING-QUE", "clarifier aux ennemis potentiels, une riposte",
           "clarifier aux ennemis potentiels qu’une riposte")]),
        # a subject with a "de" complement
        ("Elle a déclaré aux journalistes, le président de la République est malade.",
         [("GRAMMAR-MISSING-QUE", "déclaré aux journalistes, le président de la République",
           "déclaré aux journalistes que le président de la République")]),
        # a participial phrase between commas, then the clause (subject with a relative clause):
        # "que" goes right after the verb
        ("Le sismologue a déclaré, étant donné l'emplacement de l'épicentre, le séisme qui s'est "
         "produit était peu profond.", [("GRAMMAR-MISSING-QUE", "", " que")]),
        # a present participle with its object between commas
        ("Le porte-parole a déclaré, citant une source proche du dossier, le président est malade.",
         [("GRAMMAR-MISSING-QUE", "", " que")]),
        # a gerund with a reflexive clitic between commas
        ("Il a expliqué, en se basant sur les données, la croissance du pays restera faible.",
         [("GRAMMAR-MISSING-QUE", "", " que")]),
        # an adverbial aside between commas, then the clause
        ("Riza a dit, à partir de demain, toute personne sera examinée.",
         [("GRAMMAR-MISSING-QUE", "", " que")]),
        ("Le ministre a expliqué, lundi, la situation est grave.", [("GRAMMAR-MISSING-QUE", "", " que")]),
        # a subordinate clause between commas, then the clause (a pronoun subject too)
        ("Doli a expliqué, depuis que le moratoire a été imposé en 2014, il y a déjà 329 candidats.",
         [("GRAMMAR-MISSING-QUE", "", " que")]),
        ("Le maire a déclaré, lorsqu’il est arrivé, la ville était calme.",
         [("GRAMMAR-MISSING-QUE", "", " que")]),
        ("Bambang a mentionné, l’impact du séisme a été ressenti.",
         [("GRAMMAR-MISSING-QUE", "mentionné, l’impact du séisme", "mentionné que l’impact du séisme")]),
        # an adverb of quantity right before its noun ("d’" before a vowel)
        ("Beaucoup personnes sont venues.",
         [("GRAMMAR-MISSING-DE", "Beaucoup personnes", "Beaucoup de personnes")]),
        ("Il a beaucoup argent.", [("GRAMMAR-MISSING-DE", "beaucoup argent", "beaucoup d’argent")]),
        # the noun of a locution after «il y a» (no «avoir peur» there)
        ("Il y a trop peur dans ce pays.", [("GRAMMAR-MISSING-DE", "trop peur", "trop de peur")]),
        ("Pour plus informations, lisez l’aide.",
         [("GRAMMAR-MISSING-DE", "plus informations", "plus d’informations")]),
        # a noun of number right before its noun (the parse may read it as an adjective)
        ("La société a déclaré une perte de 38,2 millions dollars et un millier habitants.",
         [("GRAMMAR-MISSING-DE", "millions dollars", "millions de dollars"),
          ("GRAMMAR-MISSING-DE", "millier habitants", "millier d’habitants")]),
        # a pronoun of quantity, «de» and a bare plural noun
        ("La plupart de victimes et chacun de blessés ont été soignés.",
         [("GRAMMAR-QUANTIFIER-DE", "La plupart de victimes", "La plupart des victimes"),
          ("GRAMMAR-QUANTIFIER-DE", "chacun de blessés", "chacun des blessés")]),
        ("Plusieurs de nouveaux cas ont été signalés ; aucune des scènes ne manque.",
         [("GRAMMAR-QUANTIFIER-DE", "Plusieurs de nouveaux cas", "Plusieurs nouveaux cas")]),
        # «avant» and «au lieu» before a bare infinitive
        ("Avant installer la mise à jour, fermez les applications.",
         [("GRAMMAR-PREPOSITION", "Avant installer", "Avant d’installer")]),
        ("Au lieu créer un compte, utilisez le vôtre.",
         [("GRAMMAR-PREPOSITION", "lieu créer", "lieu de créer")]),
        # English constructions word for word
        ("Il a menti en ordre de protéger sa famille.",
         [("GRAMMAR-CALQUE", "en ordre de", "afin de")]),
        ("Ce qui est pourquoi il part.", [("GRAMMAR-CALQUE", "Ce qui est pourquoi", "C’est pourquoi")]),
        ("Cette décision fait du sens et ferait du sens demain.",
         [("GRAMMAR-CALQUE", "fait du sens", "a du sens"),
          ("GRAMMAR-CALQUE", "ferait du sens", "aurait du sens")]),
        # "more than" before an amount, a number in words or a fraction
        ("Il a plus que 20 ans d'expérience.", [("GRAMMAR-CALQUE", "plus que", "plus de")]),
        ("Elle gagne moins que mille euros.", [("GRAMMAR-CALQUE", "moins que", "moins de")]),
        ("Plus que la moitié des habitants sont partis.",
         [("GRAMMAR-CALQUE", "Plus que", "Plus de")]),
        ("Le projet a coûté plus qu'un milliard de roupies.",
         [("GRAMMAR-CALQUE", "plus qu'", "plus d’")]),
        # a verb with its English counterpart's preposition (contracted with the article)
        ("Les étudiants ont participé dans le concours.",
         [("GRAMMAR-CALQUE", "participé dans le", "participé au")]),
        ("Le repas consiste de trois plats.", [("GRAMMAR-CALQUE", "consiste de", "consiste en")]),
        ("Le succès dépend sur la météo.", [("GRAMMAR-CALQUE", "dépend sur", "dépend de")]),
        ("Les entreprises doivent se conformer avec les règles.",
         [("GRAMMAR-CALQUE", "conformer avec les", "conformer aux")]),
        ("Le ministre a insisté que le gouvernement agirait.",
         [("GRAMMAR-CALQUE", "insisté que", "insisté pour que")]),
        # help-centre verbs without «sur», a link «à», a change without «de», «dans 2023»
        ("Cliquez le bouton Enregistrer.", [("GRAMMAR-PREPOSITION", "Cliquez", "Cliquez sur")]),
        ("Pour ouvrir le menu, double-cliquez l'icône.",
         [("GRAMMAR-PREPOSITION", "double-cliquez", "double-cliquez sur")]),
        ("Appuyez la touche Entrée pour valider.",
         [("GRAMMAR-PREPOSITION", "Appuyez", "Appuyez sur")]),
        ("Créez un lien à la page d'accueil et un lien au site.",
         [("GRAMMAR-PREPOSITION", "à", "vers"), ("GRAMMAR-PREPOSITION", "au", "vers le")]),
        ("Les actions ont chuté 12 % et le titre est en hausse 3,5 %.",
         [("GRAMMAR-PREPOSITION", "chuté", "chuté de"), ("GRAMMAR-PREPOSITION", "hausse", "hausse de")]),
        ("Le projet sera lancé dans 2025, la réunion aura lieu dans janvier.",
         [("GRAMMAR-PREPOSITION", "dans", "en"), ("GRAMMAR-PREPOSITION", "dans", "en")]),
        # a pronominal imperative without its pronoun
        ("Assurez que votre appareil est connecté.",
         [("GRAMMAR-REFLEXIVE-IMPERATIVE", "Assurez", "Assurez-vous")]),
        ("Connectez à votre compte, puis abonnez à la lettre.",
         [("GRAMMAR-REFLEXIVE-IMPERATIVE", "Connectez", "Connectez-vous"),
          ("GRAMMAR-REFLEXIVE-IMPERATIVE", "abonnez", "abonnez-vous")]),
        ("Paramètres : assure que le compte est protégé.",
         [("GRAMMAR-REFLEXIVE-IMPERATIVE", "assure", "assure-toi")]),
        # a weekday where English puts "on Tuesday": before a relative clause, after "depuis …"
        ("La banque est intervenue pour soutenir la roupie mercredi, qui a été sous pression.",
         [("WORD-ORDER-WEEKDAY", "mercredi", None)]),
        ("La roupie a enregistré sa plus forte baisse depuis un an mardi.",
         [("WORD-ORDER-WEEKDAY", "mardi", None)]),
        # a noun after a noun where French uses its adjective (agreeing with the first noun)
        ("Le budget gouvernement a été adopté.",
         [("GRAMMAR-NOUN-AS-ADJECTIVE", "gouvernement", "gouvernemental")]),
        ("Les agents police ont arrêté le suspect.",
         [("GRAMMAR-NOUN-AS-ADJECTIVE", "police", "de police")]),
        ("La campagne élection commence demain.",
         [("GRAMMAR-NOUN-AS-ADJECTIVE", "élection", "électorale")]),
        ("Le PAN obtiendrait plus de postes ministres.",
         [("GRAMMAR-NOUN-AS-ADJECTIVE", "ministres", None)]),
        ("Les résultats sont en ligne avec les attentes et en ligne avec le consensus.",
         [("GRAMMAR-CALQUE", "en ligne avec les", "conforme aux"),
          ("GRAMMAR-CALQUE", "en ligne avec le", "conforme au")]),
        ("Le chiffre est en ligne avec nos prévisions.",
         [("GRAMMAR-CALQUE", "en ligne avec nos", "conforme à nos")]),
        # English "appointed as", Indonesian "bertemu dengan", "sebanyak"
        ("Il a été nommé comme ministre et élue comme présidente.",
         [("GRAMMAR-CALQUE", "nommé comme", "nommé"), ("GRAMMAR-CALQUE", "élue comme", "élue")]),
        ("Le président a rencontré avec le ministre mardi.",
         [("GRAMMAR-CALQUE", "rencontré avec", "rencontré")]),
        ("La police a arrêté autant que 12 suspects.", [("GRAMMAR-CALQUE", "autant que", "")]),
        ("La police a arrêté autant de 23 personnes.", [("GRAMMAR-CALQUE", "autant de", "")]),
        # Indonesian press formulas word for word
        ("« C'est faux », a déclaré Ghulam lorsqu’il a été confirmé par les journalistes.",
         [("GRAMMAR-CALQUE", "lorsqu’il a été confirmé", "interrogé")]),
        ("Elle a répondu lorsqu'elle a été rencontrée après la réunion.",
         [("GRAMMAR-CALQUE", "lorsqu'elle a été rencontrée", None)]),
        ("Rapporté plus tôt, le KPK a mené une opération.",
         [("GRAMMAR-CALQUE", "Rapporté plus tôt,", "Comme nous l’avons rapporté,")]),
        ("Rapporté par Antara, vendredi, le président est parti.",
         [("GRAMMAR-CALQUE", "Rapporté par Antara,", "Selon Antara,")]),
        ("JAKARTA - Cité par ANTARA, le ministre a confirmé la date.",
         [("GRAMMAR-CALQUE", "Cité par ANTARA,", "Selon ANTARA,")]),
        # a subject pronoun coordinated with a noun or a pronoun
        ("Il a déclaré qu’il et sa famille étaient partis, qu'ils et Marie viendront.",
         [("GRAMMAR-STRESSED-PRONOUN", "qu’il", "que lui"),
          ("GRAMMAR-STRESSED-PRONOUN", "qu'ils", "que eux")]),
        # a title opening the sentence as its subject, without its article
        ("JAKARTA - Chef du bureau des transports Budi Awaluddin a demandé de rester chez soi.",
         [("GRAMMAR-MISSING-ARTICLE", "Chef", "Le chef")]),
        ("Ministre des Affaires maritimes Susi Pudjiastuti a déclaré la guerre à la pêche illégale.",
         [("GRAMMAR-MISSING-ARTICLE", "Ministre", None)]),
        # «y avoir» after a subject other than the impersonal «il»
        ("Cela doit y avoir une coordination entre les services.",
         [("GRAMMAR-IMPERSONAL", "Cela doit y avoir", "Il doit y avoir")]),
        ("Cette période doit y avoir des contrôles.",
         [("GRAMMAR-IMPERSONAL", "Cette période doit y avoir", None)]),
        # financial-wire English word for word
        ("LVMH a annoncé une baisse, manquant les estimations des analystes.",
         [("GRAMMAR-CALQUE", "manquant les estimations", None)]),
        ("Les attentes du marché sont que la société produira plus.",
         [("GRAMMAR-CALQUE", "Les attentes du marché sont que", None)]),
        ("Le titre monte sur la spéculation selon laquelle la société se prépare.",
         [("GRAMMAR-CALQUE", "sur la spéculation selon laquelle", None)]),
        ("Selon les prévisions de gestion, le BPA montera.",
         [("GRAMMAR-CALQUE", "prévisions de gestion", "prévisions de la direction")]),
        # the indefinite article after a negated avoir
        ("Si vous n'avez pas un compte, créez-en un.", [("GRAMMAR-NEGATIVE-ARTICLE", "un", "de")]),
        ("Il n'y a pas des problèmes et il n'a plus des amis.",
         [("GRAMMAR-NEGATIVE-ARTICLE", "des", "de"), ("GRAMMAR-NEGATIVE-ARTICLE", "des ", "d’")]),
        ("L'application n'affiche plus des notifications et ne contient pas un virus.",
         [("GRAMMAR-NEGATIVE-ARTICLE", "des", "de"), ("GRAMMAR-NEGATIVE-ARTICLE", "un", "de")]),
        ("N'hésitez pas de nous contacter.", [("GRAMMAR-CALQUE", "hésitez pas de", "hésitez pas à")]),
        # "between X with Y": one singular party after «entre», the other after «avec»
        ("Les relations entre l'Indonésie avec la Malaisie se sont améliorées.",
         [("GRAMMAR-CALQUE", "avec", "et")]),
        ("La coopération entre le gouvernement avec les entreprises est importante.",
         [("GRAMMAR-CALQUE", "avec", "et")]),
        # a reporting verb after a quotation with nothing that can be its subject
        ("« C'est une période pleine de souvenirs », a déclaré.",
         [("GRAMMAR-MISSING-SUBJECT", "a déclaré", "a-t-il déclaré")]),
        ("« Nous sommes prêts »,a ajouté aux journalistes à Jakarta, lundi.",
         [("GRAMMAR-MISSING-SUBJECT", "a ajouté", "a-t-il ajouté")]),
        ("« Nous restons ici », ont expliqué lors de la conférence de presse.",
         [("GRAMMAR-MISSING-SUBJECT", "ont expliqué", "ont-ils expliqué")]),
        # «parce» without «que»
        ("Il est parti parce ses amis étaient en retard.",
         [("GRAMMAR-CONNECTOR", "parce", "à cause de")]),
        ("Parce de la pluie, le match a été annulé.", [("GRAMMAR-CONNECTOR", "Parce", "À cause")]),
        ("Le vol est retardé parce il neige et parce elle est malade.",
         [("GRAMMAR-CONNECTOR", "parce il", "parce qu’il"),
          ("GRAMMAR-CONNECTOR", "parce elle", "parce qu’elle")]),
        ("Il est absent parce les routes sont coupées.", [("GRAMMAR-CONNECTOR", "parce", None)]),
        # «pour» before a clause with its own subject and verb
        ("Le système doit être redémarré pour toutes les modifications dans la clé prennent effet.",
         [("GRAMMAR-MISSING-QUE", "pour", "pour que")]),
        # set phrases word for word
        ("L'entreprise a été fondée dans l'année 2013 par deux ingénieurs.",
         [("GRAMMAR-CALQUE", "dans l'année 2013", "en 2013")]),
        ("La plateforme est connue en tant que Binance Smart Chain.",
         [("GRAMMAR-CALQUE", "connue en tant que", "connue sous le nom de")]),
        ("Non seulement cela, la police a aussi saisi des armes.",
         [("GRAMMAR-CALQUE", "Non seulement cela,", "De plus,")]),
        ("Ils portaient du noir dans le signe de deuil.", [("GRAMMAR-CALQUE", "dans le signe", "en signe")]),
        ("La police a saisi 12 unités de motos et 3 unités d’ambulances.",
         [("GRAMMAR-CALQUE", "12 unités de", "12"), ("GRAMMAR-CALQUE", "3 unités d’", "3 ")]),
        # «Please + verb» word for word
        ("S'il vous plaît noter que le service est fermé.",
         [("GRAMMAR-CALQUE", "S'il vous plaît", "Veuillez")]),
        ("Pour continuer, s’il vous plaît, cliquer sur Suivant.",
         [("GRAMMAR-CALQUE", "s’il vous plaît,", "veuillez")]),
        # the verb English pairs with a noun, replaced in the same form (or no fix: "reach")
        ("Peskov a déclaré que l’Occident tentait de causer une défaite stratégique à la Russie.",
         [("STYLE-COLLOCATION", "causer", "infliger")]),
        ("Cette décision pose une menace et ces produits posent un risque pour la santé.",
         [("STYLE-COLLOCATION", "pose", "constitue"), ("STYLE-COLLOCATION", "posent", "présentent")]),
        ("Il a fait une décision importante ; les élèves doivent payer attention.",
         [("STYLE-COLLOCATION", "fait", "pris"), ("STYLE-COLLOCATION", "payer", "prêter")]),
        ("Le gouvernement doit adresser ce problème et le président a donné un discours.",
         [("STYLE-COLLOCATION", "adresser", "traiter"), ("STYLE-COLLOCATION", "donné", "prononcé")]),
        ("Les deux parties ont atteint un accord sur les tarifs.", [("STYLE-COLLOCATION", "atteint", None)]),
        # the purpose of «utiliser» takes «pour»
        ("Washington avait autorisé l’Ukraine à utiliser des armes fabriquées par les États-Unis à "
         "frapper loin vers la Russie.", [("GRAMMAR-PREPOSITION", "à", "pour")]),
        ("Les forces utilisent des drones modernes à surveiller la frontière.",
         [("GRAMMAR-PREPOSITION", "à", "pour")]),
        ("L'application supporte les formats PDF et DOCX.",
         [("STYLE-COLLOCATION", "supporte", "prend en charge")]),
        # «accéder» + a bare object, «by 10 %», «be expected to»
        ("Les utilisateurs peuvent accéder les paramètres depuis le menu.",
         [("GRAMMAR-PREPOSITION", "accéder les", "accéder aux")]),
        ("Les ventes ont augmenté par 10 % en 2023.", [("GRAMMAR-PREPOSITION", "par", "de")]),
        ("Les revenus sont attendus à atteindre 2 milliards de dollars.",
         [("GRAMMAR-CALQUE", "sont attendus à", "devraient")]),
        # «s'efforcer pour» + infinitive (strive for)
        ("Elle s'efforce pour rétablir la paix.", [("GRAMMAR-CALQUE", "efforce pour", "efforce de")]),
        # English expressions word for word (the usage guides' anglicisms), fixed in their form
        ("La réunion a pris place à Jakarta et le sommet doit prendre place en mars.",
         [("STYLE-ANGLICISM", "pris place", "eu lieu"), ("STYLE-ANGLICISM", "prendre place", "avoir lieu")]),
        ("La cérémonie qui a pris place hier était émouvante.",
         [("STYLE-ANGLICISM", "pris place", "eu lieu")]),
        ("Le gouvernement doit prendre action et les pirates ont pris avantage de la faille.",
         [("STYLE-ANGLICISM", "prendre action", "agir"), ("STYLE-ANGLICISM", "pris avantage", "profité")]),
        ("Nous mettons l'emphase sur la qualité ; le rapport met une emphase particulière sur les prix.",
         [("STYLE-ANGLICISM", "l'emphase", "l'accent"), ("STYLE-ANGLICISM", "une emphase", "un accent")]),
        ("Les données sont sauvegardées sur une base quotidienne.",
         [("STYLE-ANGLICISM", "sur une base quotidienne", "quotidiennement")]),
        ("Dû à la pluie, le match a été reporté.", [("STYLE-ANGLICISM", "Dû à la", "En raison de la")]),
        ("JAKARTA - Dû aux inondations, les écoles sont fermées.",
         [("STYLE-ANGLICISM", "Dû aux", "En raison des")]),
        ("Les clients sont éligibles pour le remboursement.",
         [("STYLE-ANGLICISM", "éligibles pour le", "éligibles au")]),
        ("Nous assumons que les prix vont baisser.", [("STYLE-ANGLICISM", "assumons", "supposons")]),
        ("Nous sommes très excités d'annoncer notre nouveau partenariat.",
         [("STYLE-ANGLICISM", "excités", "ravis")]),
        ("Dans le futur, les voitures seront électriques.",
         [("STYLE-ANGLICISM", "Dans le futur", "À l’avenir")]),
        ("Jusqu'à date, aucun cas n'a été signalé.",
         [("STYLE-ANGLICISM", "Jusqu'à date", "Jusqu’à présent")]),
        ("Le siège de l'entreprise est localisé à Singapour.", [("STYLE-ANGLICISM", "localisé", "situé")]),
        ("Cette formation est mandatoire ; le programme éducationnel commence.",
         [("STYLE-ANGLICISM", "mandatoire", "obligatoire"), ("STYLE-ANGLICISM", "éducationnel", "éducatif")]),
        ("Au meilleur de ma connaissance, le projet est terminé.",
         [("STYLE-ANGLICISM", "Au meilleur de ma connaissance", "À ma connaissance")]),
        ("Il était sous l'impression que tout allait bien.",
         [("STYLE-ANGLICISM", "était sous l'impression", "avait l’impression")]),
        ("Le colis sera livré à l'intérieur de 30 jours.",
         [("STYLE-ANGLICISM", "à l'intérieur de 30 jours", "sous 30 jours")]),
        ("En addition, la société a annoncé un dividende en addition aux rachats.",
         [("STYLE-ANGLICISM", "En addition,", "De plus,"),
          ("STYLE-ANGLICISM", "en addition aux", "en plus des")]),
        # English verb-noun pairings
        ("Le président a livré un discours et le ministre a payé une visite aux victimes.",
         [("STYLE-COLLOCATION", "livré", "prononcé"), ("STYLE-COLLOCATION", "payé", "rendu")]),
        ("Elle a gagné du poids ; un journaliste a demandé une question.",
         [("STYLE-COLLOCATION", "gagné", "pris"), ("STYLE-COLLOCATION", "demandé", "posé")]),
        ("La société a sécurisé un financement et le parlement a passé une loi.",
         [("STYLE-COLLOCATION", "sécurisé", "obtenu"), ("STYLE-COLLOCATION", "passé", "adopté")]),
        ("Il a joint l'équipe nationale en 2019.", [("STYLE-COLLOCATION", "joint", "rejoint")]),
        ("Les résultats ont rencontré les attentes ; nous devons rencontrer les délais.",
         [("STYLE-COLLOCATION", "rencontré", "satisfait"), ("STYLE-COLLOCATION", "rencontrer", "respecter")]),
        ("Le jeune homme a commis un suicide.", [("STYLE-COLLOCATION", "commis", None)]),
        ("Une fois que vous avez complété ces étapes, complétez le processus.",
         [("STYLE-COLLOCATION", "complété", "effectué"), ("STYLE-COLLOCATION", "complétez", "effectuez")]),
        ("Le PDG a parlé lors d'un appel de conférence ; deux appels en conférence ont suivi.",
         [("STYLE-ANGLICISM", "appel de conférence", "conférence téléphonique"),
          ("STYLE-ANGLICISM", "appels en conférence", "conférences téléphoniques")]),
        ("Vous pouvez appliquer pour un emploi ; il a appliqué pour un visa.",
         [("STYLE-ANGLICISM", "appliquer", "postuler"), ("STYLE-ANGLICISM", "appliqué", None)]),
        # English noun adjuncts before a noun of software documentation
        ("Utilisez la Text propriété d’un Activity objet.",
         [("WORD-ORDER-NOUN-ADJUNCT", "Text propriété", "propriété Text"),
          ("WORD-ORDER-NOUN-ADJUNCT", "Activity objet", "objet Activity")]),
        ("Vous pouvez utiliser le SetClusterConfig méthode pour définir la configuration.",
         [("WORD-ORDER-NOUN-ADJUNCT", "le SetClusterConfig méthode", "la méthode SetClusterConfig")]),
        # an acronym, also after «de»
        ("Consultez Création de IAM politiques ; un IAM utilisateur peut assumer un rôle.",
         [("WORD-ORDER-NOUN-ADJUNCT", "IAM politiques", "politiques IAM"),
          ("WORD-ORDER-NOUN-ADJUNCT", "IAM utilisateur", "utilisateur IAM")]),
        ("Appelez la get_config fonction.",
         [("WORD-ORDER-NOUN-ADJUNCT", "get_config fonction", "fonction get_config")]),
        # a participle opening the sentence as the subject of its main verb
        ("Réussi à gagner contre l’Argentine est clairement une fierté.",
         [("GRAMMAR-MISSING-SUBJECT", "Réussi", None)]),
        # «se rappeler» is transitive
        ("Vous ne pouvez pas vous rappeler des autres détails, ni il se rappelle de la date.",
         [("GRAMMAR-PREPOSITION", "des", "les"), ("GRAMMAR-PREPOSITION", "de la", "la")]),
        # English bare plurals opening the sentence as the subject of a plural verb
        ("NEW DELHI: Banques étudient la possibilité de commercer en roupies.",
         [("GRAMMAR-MISSING-ARTICLE", "Banques", "Les banques")]),
        ("Types de contenu qui sont créés sur un site ne sont pas disponibles ailleurs.",
         [("GRAMMAR-MISSING-ARTICLE", "Types", "Les types")]),
        ("Utilisateurs peuvent modifier leurs paramètres à tout moment.",
         [("GRAMMAR-MISSING-ARTICLE", "Utilisateurs", "Les utilisateurs")]),
        # «ne … pas» with another negative word
        ("L'Indonésie n'a pas été impliquée dans un conflit avec aucun pays.",
         [("GRAMMAR-DOUBLE-NEGATION", "pas", "")]),
        ("Il n'a pas jamais voyagé.", [("GRAMMAR-DOUBLE-NEGATION", "pas", "")]),
        # a personal pronoun + être + an article: French presents with «ce»
        ("Ils sont des pays avec une majorité musulmane.", [("GRAMMAR-PRESENTATIVE", "Ils sont", "Ce sont")]),
        ("Il est un outil puissant pour les équipes.", [("GRAMMAR-PRESENTATIVE", "Il est", "C’est")]),
        ("Je crois qu'elle était une excellente joueuse, et elles seront des alliées.",
         [("GRAMMAR-PRESENTATIVE", "elles seront", "ce seront")]),
        # «chaque fois» + a clause inside the sentence takes «que»; «entre A ou B»
        ("Vous recevrez une alerte chaque fois nous pensons que le compte est menacé.",
         [("GRAMMAR-CONNECTOR", "chaque fois nous", "chaque fois que nous")]),
        ("Vous pourrez choisir entre HAUTE ou BASSE, entre le rouge ou le bleu.",
         [("GRAMMAR-CONNECTOR", "ou", "et"), ("GRAMMAR-CONNECTOR", "ou", "et")]),
        # "the reason behind", "an all-time low"
        ("Ce n'était pas la raison derrière le mouvement de l'action.",
         [("STYLE-ANGLICISM", "la raison derrière", "la raison de")]),
        ("L'unité a touché un plus bas à vie ; le bitcoin a atteint des sommets à vie.",
         [("STYLE-ANGLICISM", "plus bas à vie", "plus bas historique"),
          ("STYLE-ANGLICISM", "sommets à vie", "sommets historiques")]),
        # Indonesian: «buka puasa» (a fast is broken), «kunjungan kehormatan», «kondusif»
        ("Lors de l’ouverture du jeûne au Palais, il a parlé d’un événement d’ouverture du jeûne.",
         [("GRAMMAR-CALQUE", "l’ouverture", "la rupture"), ("GRAMMAR-CALQUE", "d’ouverture", "de rupture")]),
        ("Il était absent lors de l'inauguration conjointe du jeûne.",
         [("GRAMMAR-CALQUE", "l'inauguration conjointe", "la rupture")]),
        ("La visite honoraire du ministre a eu lieu lundi.",
         [("GRAMMAR-CALQUE", "visite honoraire", "visite de courtoisie")]),
        ("Il faut que la situation reste conditionnelle.", [("GRAMMAR-CALQUE", "conditionnelle", None)]),
    ],
)  # fmt: skip
def test_flagged(make_context, sentence, expected) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # an article-less plural opening a coordination, a name with a singular verb, an attribute
        "Hommes et femmes sont venus nombreux.",
        # «assure» after its subject is the present; an inserted «a-t-il dit» takes no «que»
        "L'option BASSE assure que vous recevrez une alerte.",
        "Bien que, a-t-il dit, l'Indonésie a des problèmes frontaliers.",
        # «se rappeler» + an indefinite «des», + «de» and an infinitive, «du reste»
        "Je me rappelle des choses étranges ; rappelle-toi de fermer la porte.",
        "Il se rappelle du reste que la loi existe.",
        # a participle phrase closed by its comma, or whose verb has a subject of its own
        "Arrivé à Paris où il est accueilli par le maire, il a parlé.",
        "Né en 1950 il est mort en 2020 ; située au nord de la ville se trouve la gare.",
        # «pour» after a noun's participle belongs to the noun phrase
        "Les revenus attendus pour ce trimestre sont de 201 millions $.",
        # a verb of saying inside a «si» clause: the comma closes that clause
        "Si la tendance se confirme, la banque relèvera ses taux.",
        "Parents, enseignants et élèves se sont réunis hier.",
        "Séquences est un outil puissant qui offre un moyen centralisé.",
        "Esquéhéries est une commune française de l'Aisne.",
        "Nombreux sont ceux qui ont répondu.",
        "Inondations : les habitants ont été évacués.",
        # «aucun» in a clause of its own, after «sans», after «plus»; «pas» alone
        "Je ne pense pas qu'aucun pays accepte cela.",
        "Ce n'est pas sans aucun intérêt.",
        "Il ne reste plus aucun billet, et il n'y a aucun problème.",
        "Il ne viendra pas, mais aucun de nous ne l'attendait.",
        # the impersonal «il est»: the time, a degree, «l'un des», tales, the literary «il y a»
        "Il est une heure du matin et il est un peu tard.",
        "Il est l'un des meilleurs joueurs ; il est un des plus grands.",
        "Il était une fois un roi ; il est des moments où tout va mal.",
        "Est-il un bon candidat ?",
        # "avoir du mal à" takes à
        "Il a eu du mal à partir.",
        # a time adverbial opening the sentence or after a comma; «entre» + a pronoun, a number,
        # another phrase after «ou»; the verb «entrer»
        "La prochaine fois vous devrez payer ; il part, chaque fois il revient.",
        "Ils se battent entre eux ou avec d'autres ; il hésite entre deux ou trois options.",
        "Il entre ou il sort ; la distance entre Paris et Lyon ou entre Lyon et Marseille.",
        # names after their noun, French words before one, a longer name
        "Utilisez la propriété Text de l'objet Activity et la méthode SetClusterConfig.",
        "La Grande salle et le Petit salon ; la Poste centrale ; le Linux mode Expert.",
        "Créez des utilisateurs IAM, ouvrez la console SQL et les données de l'ONU ; le PS candidat.",
        # a headline naming its speaker before a colon
        "Ministre de l'Information : l'État a le droit de contrôler ses terres",
        # «à vie» for a lifetime; an honorary consul; conditional release; «derrière» a place
        "Il a été condamné à la prison à vie et nommé président à vie.",
        "Il fut consul honoraire à Bangui ; sa libération conditionnelle et un soutien inconditionnel.",
        "Il est resté derrière la maison ; la raison de tout cela reste floue.",
        "Le jeûne du ramadan a commencé ; la rupture du jeûne a lieu au coucher du soleil.",
        # à + negated infinitive: passive reading, correct
        "Il a commis une erreur à ne pas reproduire.",
        # the noun without a support verb: "une erreur à éviter" is correct
        "C'est une erreur à éviter.",
        # parenthetical "comme il l'a expliqué"
        "Comme il l'a expliqué, la situation est grave.",
        # an adverbial between commas, then "que"
        "Il a déclaré aux journalistes, lundi, que tout allait bien.",
        # the completive with its "que"
        "Il a déclaré aux journalistes que le président est malade.",
        # a participle in parentheses, then a main clause
        "Selon le comité (pensé à la manière du Comité de vigilance), les historiens ont tort.",
        # a participial phrase between commas, then "que"
        "Il a déclaré, en souriant, que tout allait bien.",
        # a participial phrase, then the verb's object (no verb of its own)
        "Il a expliqué, étant donné la situation, la décision du gouvernement.",
        # a fronted infinitive or participle governs nothing after its comma
        "Avant de répondre, le ministre a souri.",
        "D'abord quelques centaines de morts annoncés, les télévisions ont annoncé des milliers.",
        # an adverbial, not a participle, after the comma
        "Il a annoncé, en revanche, la fin des travaux.",
        "Elle a montré, le mois dernier, la voie à suivre.",
        # the participle introduces its own completive
        "Le ministre a répondu, ajoutant que la situation était grave.",
        # a subordinate clause between commas, then the verb's object, or «que» after it
        "Il a expliqué, lorsqu’on l’a interrogé, la décision du gouvernement.",
        "Il a dit, quand il est arrivé, qu’il était fatigué.",
        "Comme il l’a expliqué, lorsqu’il est arrivé, il était fatigué.",
        # «pour» + the noun of a cause after «connu», «condamné»: no purpose clause
        "L’île est connue pour ses belles plages sont souvent visitées par les touristes.",
        "Il a été condamné pour les fraudes ont été prouvées.",
        # «Cela dit,» (that said): a participle without an auxiliary opens no completive
        "Cela dit, cette pause pourrait être temporaire.",
        "Ceci dit, le prix grimpe déjà à nouveau.",
        # adverbs of quantity before an adverb, an adjective, a verb, a name, "de"
        "Il est trop tard, peu importe : il a beaucoup voyagé et assez dormi, merci beaucoup Marie.",
        "Il a beaucoup de travail et trop peu de temps.",
        # the nouns of «avoir peur», «faire attention»: no «de» after an adverb of degree
        "On n’a pas trop peur qu’il parte, ils ont beaucoup envie de rester et font très attention.",
        # "plus" before a singular, an adjective, a comma
        "Il n'y a plus personne, plus question de partir ; de plus, les plus grands pays hésitent.",
        # "en ordre de" before a noun; "c’est pourquoi"
        "Le bataillon est en ordre de marche, c’est pourquoi il part.",
        # "ne … plus que" (only), "pas plus que", a thing or a year compared
        "Il ne reste plus que 20 places.",
        "Il n'a pas plus que 20 ans.",
        "Il l'aime plus que tout et plus qu'un frère.",
        "Les ventes ont progressé plus que 2019 ne le laissait prévoir.",
        # the prepositions French takes; "participer dans le cadre de"
        "Ils ont participé au concours dans le cadre du programme.",
        "Il a participé dans une large mesure à la victoire.",
        "Le repas consiste en trois plats et dépend de la saison.",
        "Il a insisté pour que tout soit prêt.",
        # «entre» with two parties, «entre» the verb, «entre autres»
        "Le match entre les deux équipes avec des supporters s'est bien passé.",
        "Il entre en conflit avec l'Arabie saoudite.",
        "Il a travaillé, entre autres, avec Jean.",
        "La relation entre la France et l'Allemagne avec ses hauts et ses bas dure.",
        # «sur» present, clicking twice or with the right button, «appuyer» a request
        "Cliquez sur le bouton, puis cliquez une fois.",
        "Il appuie la demande du ministre.",
        # «à» before a noun without determiner or an infinitive; the change with its «de»;
        # a verb whose amount is its object («gagner 0,8 %»)
        "Un lien à usage unique est envoyé, avec un lien à suivre.",
        "Les ventes ont chuté de 12 % ; il a gagné 0,8 % à la clôture.",
        # «dans» before a count of years
        "Dans 2000 ans, la Terre aura changé.",
        # the pronoun present, a subject before the verb, a non-pronominal use
        "Assurez-vous que votre appareil est connecté.",
        "Il assure que tout va bien ; vous assurez que tout va bien.",
        "Connectez l'imprimante à l'ordinateur.",
        # a weekday after the verb, after «de», after «depuis» itself
        "Le dollar a reculé mardi, après la réunion.",
        "La séance de mardi, qui a été agitée, est terminée.",
        "Il est parti depuis lundi ; depuis la réunion de mercredi, rien n'a changé.",
        # headings, an adjective reading, a new phrase, the adjective or «de» present
        "Il dirige la section économie du journal et le volet police du dossier.",
        "Les États membres et les pays membres du parlement ont voté.",
        "Dans ce pays police et armée se partagent le pouvoir.",
        "Il est en ligne avec le service client.",
        "Ils se sont rencontrés avec leurs avocats ; il a été désigné comme responsable.",
        "Il gagne deux fois autant que 50 ouvriers et travaille autant que possible.",
        "Ce n'est pas un problème ; il n'a pas un seul ami.",
        "Il n'a pas des amis mais des relations ; vous n'avez pas de compte.",
        "Il ne dispose pas d'un compte ; il ne voit pas un seul client ; ce n'était pas une surprise.",
        "Le fichier ne contient pas un virus mais deux.",
        "Le budget gouvernemental et les agents de police sont là.",
        "Il a rencontré le ministre le gouvernement étant absent.",
        # nouns of number with «de», before an adjective or a number
        "Il a perdu deux millions d'euros, puis deux millions supplémentaires, et trois millions 500 000.",
        # pronouns of quantity before a determiner, a pronoun, «entre», a singular noun
        "Plusieurs de ces maisons et la plupart de nos clients sont partis.",
        "La plupart d'entre eux et chacun de nous ont voté ; aucun de ceux-là n'est venu.",
        "La plupart de temps, il dort.",
        # «autant de» compared with «que»
        "Il y avait autant de 2 que de 3 dans la série.",
        # «qu'il» before «et» + a verb; the stressed pronoun already there
        "Il dit qu'il et demande ; il pense que lui et elle viendront, qu'elle et Marie aussi.",
        # an infinitive of saying closing a clause
        "Vous ne pouvez plus recevoir de tickets ni y répondre, le compte devient inaccessible.",
        # the impersonal «il»; a past infinitive after «y»
        "Il doit y avoir une solution ; le joueur doit y avoir joué.",
        "Le tunnel peut y avoir été creusé.",
        # titles in apposition before a comma; a verbless caption
        "Ministre de l'Intérieur depuis 2017, il a réformé la police.",
        "Président de la République, Emmanuel Macron a parlé.",
        "Directeur du journal depuis dix ans.",
        # «manquer» a train, expectations that are great
        "Il a manqué les trains et ses attentes sont grandes.",
        # confirmed in office
        "Il a été heureux lorsqu'il a été confirmé dans ses fonctions, puis à son poste.",
        # the source after the speaker, and a participle that its subject governs
        "« Tout va bien », a déclaré le ministre, cité par Antara, vendredi.",
        "Cité par le juge comme témoin, il a dû comparaître.",
        # «avant» before «de», a noun, a noun also read as a verb
        "Avant de partir, il a dîné avant midi ; avant toute chose, lisez la notice.",
        "Il se lave les mains avant manger.",
        # the reporting verb's subject after it, inverted or after its complements
        "« Nous sommes prêts », a déclaré le ministre.",
        "« Nous sommes prêts », a déclaré Budi aux journalistes.",
        "« Nous sommes prêts », a déclaré aux journalistes le chef de la police.",
        "« Nous sommes prêts », a déclaré hier sur les ondes de la radio Abd Ali.",
        "« Nous sommes prêts », a-t-il déclaré ; « partons », ont ajouté les experts.",
        "Il a crié « non », a expliqué sa position et il est parti.",
        # «pour» + a noun phrase: a complement of the noun before it, a set phrase, no verb after
        "Les prévisions pour l'exercice soient à l'origine de la baisse ; Jean pour sa part alla.",
        "Il a travaillé pour les enfants malades et il est venu pour la fête.",
        # the same words where French uses them
        "Il est connu comme un grand acteur et connu en tant que peintre.",
        "Non seulement cela coûte cher, mais c'est inutile ; dans l'année qui suit, en signe de paix.",
        "Les unités de soins intensifs et 4 unités de production ; 12 motos.",
        # «parce que», «parce qu'», «s'il vous plaît» with an imperative or at the end
        "Il est parti parce qu'il était fatigué, parce que ses amis l'attendaient.",
        "S'il vous plaît, vérifiez votre adresse ; venez demain, s'il vous plaît.",
        # the French pairings, a noun the verb does not govern, sending a problem, a causative
        "Il a pris une décision, a fait appel d'une décision de justice et pose un problème.",
        "La défaite causée par l'erreur a surpris ; elle a adressé un problème au service client.",
        "Le ministre veut faire passer une loi qui pose des questions.",
        # time, money or effort spent on doing; «s'employer à»; a noun's own «à» + infinitive
        "Il emploie son temps à lire et utilise ses économies à rembourser ses dettes.",
        "Elle s'emploie à convaincre ses collègues ; ils utilisent la machine à laver le linge.",
        "On utilise cet outil pour frapper ; ils se sont efforcés pour cela de rester calmes.",
        # «multiplié par», «attendu à» a place, «supporter» to bear, «accéder à»
        "Le prix a été multiplié par 10 %, puis divisé par 2 ; il est attendu à Paris demain.",
        "Il supporte mal la chaleur et veut accéder à la page ou y accéder plus tard.",
        # the French senses next to the anglicisms: sitting down, taking the lead, buying shares,
        # grandiloquence, an attribute «dû à», taking on, the tense, finding where, inside a place
        "Les invités ont pris place autour de la table ; il a pris place dans le fauteuil.",
        "L'équipe a pris l'avantage en deuxième mi-temps et il a pris des actions de la société.",
        "Il parle avec emphase de ses exploits ; le retard est dû à la pluie.",
        "Le retard dû à la grève a duré deux heures ; il assume ses responsabilités.",
        "Le futur antérieur est un temps composé ; dans un futur proche, nous partirons.",
        "Le virus a été localisé à Wuhan ; la douleur est localisée au genou.",
        "Il est éligible à la retraite ; l'enfant est excité par la fête.",
        "Il est entré à l'intérieur de la maison ; le résultat de l'addition est juste.",
        "Il a gagné du terrain, a rencontré des difficultés et a adressé une question au ministre.",
        "Elle s'est jointe à l'équipe ; il a passé une loi en revue.",
        # «compléter» what lacks something, «appliquer» a rule, a call to a conference
        "Complétez le formulaire ; il a complété sa collection et l'étape suivante.",
        "On peut appliquer pour cela la méthode de Newton ; la règle s'applique pour un an.",
        "Il a lancé un appel à la conférence des évêques.",
    ],
)
def test_not_flagged(make_context, sentence) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context(sentence)) == []


def test_needs_the_parse(make_context) -> None:  # type: ignore[no-untyped-def]
    assert _found(make_context("Il a commis une erreur à penser cela.", parse=False)) == []
