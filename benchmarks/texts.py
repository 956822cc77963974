"""Plausible French text for the generated seminar (deterministic: every choice uses ``rng``)."""

from __future__ import annotations

import random

TITLE = "Séminaire de direction — expérience client 2027-2030"
ORGANISATION = "Mutuelle Atlantique Assurances"
SUMMARY = ("Trois jours pour décider de la feuille de route de l'expérience client : diagnostic, "
           "tendances d'usage, idéation, arbitrage, gouvernance et feuille de route.")
CONFIDENTIALITY = "Confidentiel — usage interne"
AMBITION = "Devenir l'assureur le plus recommandé de l'Ouest par ses clients, d'ici 2030."
JOURNEY_TITLE = "Déclarer un sinistre habitation"

FIRST = ("Claire", "Julien", "Sophie", "Karim", "Nathalie", "Thomas", "Isabelle", "Mehdi", "Camille", "Laurent",
         "Aurélie", "Pierre", "Fatou", "Olivier", "Émilie", "Vincent", "Sandrine", "Hugo", "Léa", "Bruno")
LAST = ("Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Roux", "Fournier", "Mercier",
        "Benali", "Diallo", "Lambert", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Chevalier")
FUNCTIONS = ("Directrice générale", "Directeur financier", "Directrice de l'expérience client",
             "Directeur des systèmes d'information", "Directrice marketing", "Directeur des sinistres",
             "Directrice des ressources humaines", "Directeur commercial", "Responsable du digital",
             "Directrice des risques", "Directeur des opérations", "Responsable de la relation client")
SEGMENTS = ("Jeunes actifs", "Familles", "Seniors", "Professionnels", "Agriculteurs")
JOURNEY = (("Le sinistre survient", -2), ("Je cherche qui appeler", -1), ("Je déclare", -3),
           ("J'envoie les justificatifs", -2), ("L'expert passe", 0), ("J'attends la décision", -3),
           ("Je suis indemnisé", 2), ("Je recommande (ou pas)", 1))
AXES = ("Simplicité radicale", "Réactivité en situation de crise", "Conseil proactif", "Parcours sans couture",
        "Reconnaissance des fidèles", "Prévention des risques", "Autonomie des conseillers", "Transparence des prix")
PROMPTS = ("Comment rendre la déclaration de sinistre aussi simple qu'un message ?",
           "Que ferait une start-up à notre place pour les jeunes actifs ?",
           "Comment transformer l'attente en moment rassurant ?",
           "Que devrait savoir un conseiller avant même que le client appelle ?",
           "Comment remercier un client fidèle depuis dix ans ?",
           "Comment aider nos clients à éviter le sinistre ?",
           "Que supprimer de nos parcours sans que personne ne le regrette ?",
           "Comment rendre nos prix compréhensibles en une phrase ?",
           "Quel service inventer pour les professionnels ?",
           "Comment être présent au bon moment, sans être intrusif ?",
           "Que promettre publiquement à nos clients ?",
           "Comment nos agences peuvent-elles devenir des lieux de conseil ?")
EXTRA_DAY = (("Retour sur l'arbitrage", "plenary", 30, ""), ("Gouvernance : approfondissement", "exercise", 90,
             "governance"), ("Pause", "break", 15, ""), ("Feuille de route détaillée", "exercise", 120, "roadmap"),
             ("Déjeuner", "meal", 60, ""), ("Plans d'action par axe", "exercise", 120, "roadmap"),
             ("Clôture et engagements", "plenary", 30, ""))
COSTS = ("< 50 k€", "50–200 k€", "200–500 k€", "0,5–1 M€", "1–3 M€")
KPIS = ("NPS relationnel", "Taux d'effort client", "Délai moyen d'indemnisation", "Taux de résolution au "
        "premier contact", "Taux d'attrition", "Part des déclarations en ligne", "Satisfaction après sinistre")
QUESTIONS = ("Où placer nos points en priorité ?", "Quelles initiatives approuvez-vous ?",
             "Répartissez 100 points entre les initiatives", "Évaluez chaque initiative sur nos critères",
             "Quelle mention pour chaque initiative ?", "Second tour : la liste courte")
REASONS = {"go": "Fort soutien de la salle et valeur client évidente.",
           "later": "Intéressant, mais à reprendre après les chantiers prioritaires.",
           "nogo": "Valeur client jugée trop faible au regard de l'effort."}

VERBS = ("Proposer", "Créer", "Simplifier", "Automatiser", "Personnaliser", "Rappeler", "Offrir", "Supprimer",
         "Former", "Mesurer", "Partager", "Anticiper", "Accompagner", "Regrouper", "Rendre visible")
OBJECTS = ("un suivi en temps réel du dossier", "la déclaration par photo", "un conseiller unique",
           "les justificatifs papier", "un rendez-vous vidéo le jour même", "une alerte météo personnalisée",
           "le devis en trois questions", "un espace client sans mot de passe", "un bilan annuel des garanties",
           "une ligne directe pour les sinistres graves", "le parrainage récompensé", "un relogement d'urgence",
           "la signature électronique partout", "un chat avec un humain le soir", "les courriers en langage clair")
TARGETS = ("pour les jeunes actifs", "pour les familles", "pour les seniors", "pour les professionnels",
           "après un sinistre", "au renouvellement", "dès la souscription", "en agence", "sur mobile",
           "en cas d'urgence", "pour les clients fidèles", "pour les agriculteurs")
WORDS = ("client", "conseiller", "parcours", "délai", "confiance", "simple", "rapide", "agence", "mobile",
         "sinistre", "garantie", "contrat", "écoute", "preuve", "promesse", "effort", "coût", "valeur",
         "équipe", "données", "service", "suivi", "rendez-vous", "prévention", "transparence", "fidélité",
         "réseau", "partenaire", "expert", "indemnisation", "qualité", "moment", "attente", "accueil")
MILESTONES = ("Pilote lancé", "Premier bilan client", "Déploiement national", "Objectif KPI atteint",
              "Formation des équipes", "Outil en production")


def people(count: int, rng: random.Random) -> list[tuple[str, str, str]]:
    out = []
    for n in range(count):
        first, last = FIRST[n % len(FIRST)], LAST[(n * 7 + n // len(FIRST)) % len(LAST)]
        email = f"{first.lower()}.{last.lower()}{n}@exemple.fr".replace("é", "e").replace("è", "e")
        out.append((f"{first} {last}", rng.choice(FUNCTIONS), email))
    return out


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng, rng.randint(10, 22)) for _ in range(sentences))


def idea(rng: random.Random, n: int) -> str:
    return f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TARGETS)} (#{n + 1})"


def initiative_title(rng: random.Random, n: int) -> str:
    return f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} — chantier {n + 1}"


def milestone(rng: random.Random, k: int) -> str:
    return MILESTONES[(k + rng.randrange(len(MILESTONES))) % len(MILESTONES)]
