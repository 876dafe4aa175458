# ruff: noqa: E501  (demo copy: long lines)
"""Demo texts of the activities app (FR/NL/EN). Every address, phone number, email and
partner association here is fictional and flagged as demo."""

# Theme needs added to the shared vocabulary: (slug, {fr, nl, en}).
THEMES = [
    ("sport", {"fr": "Sport", "nl": "Sport", "en": "Sport"}),
    ("culture", {"fr": "Culture", "nl": "Cultuur", "en": "Culture"}),
    (
        "expression-artistique",
        {"fr": "Art et expression", "nl": "Kunst en expressie", "en": "Art and expression"},
    ),
    ("citoyennete", {"fr": "Citoyenneté", "nl": "Burgerschap", "en": "Citizenship"}),
    ("espace-parole", {"fr": "Espace de parole", "nl": "Praatruimte", "en": "Space to talk"}),
    ("aide-aux-devoirs", {"fr": "Aide aux devoirs", "nl": "Huiswerkhulp", "en": "Homework help"}),
]

INDEX = {
    "fr": {
        "title": "Activités jeunesse",
        "slug": "activites",
        "intro": "Sport, culture, devoirs, espaces pour parler : trouve une activité près de chez toi, souvent gratuite.",
        "holidays_intro": "Pendant les congés scolaires, des stages et activités à la journée.",
        "drop_in_intro": "Des lieux où tu peux simplement passer, sans inscription : pour parler, faire tes devoirs, retrouver des amis.",
    },
    "nl": {
        "title": "Jongerenactiviteiten",
        "slug": "jongerenactiviteiten",
        "intro": "Sport, cultuur, huiswerk, praatruimtes: vind een activiteit bij jou in de buurt, vaak gratis.",
        "holidays_intro": "Tijdens de schoolvakanties: stages en dagactiviteiten.",
        "drop_in_intro": "Plekken waar je gewoon binnen kunt lopen, zonder inschrijving: om te praten, huiswerk te maken, vrienden te zien.",
    },
    "en": {
        "title": "Youth activities",
        "slug": "youth-activities",
        "intro": "Sport, culture, homework, spaces to talk: find an activity near you, often free.",
        "holidays_intro": "During the school holidays: holiday courses and day activities.",
        "drop_in_intro": "Places where you can just come, without registering: to talk, do your homework, meet friends.",
    },
}

QUICK_LINK = {
    "fr": "Sport, culture, devoirs : que faire cette semaine ?",
    "nl": "Sport, cultuur, huiswerk: wat te doen deze week?",
    "en": "Sport, culture, homework: what to do this week?",
}

# Series shapes: (weekdays, start, end, school holidays mode, room name or None).
MO, TU, WE, TH, FR, SA, SU = range(7)
WEEKDAYS = [MO, TU, WE, TH, FR]

# slug -> dict(texts {lang: (title, pitch)}, themes, ages, place (demo place key) or address
# + neighbourhood, cost (kind, amount), registration, drop_in, series, adopt (slug of the
# events demo's EventPage whose series this activity takes over))
ACTIVITIES = {
    "hip-hop": {
        "texts": {
            "fr": (
                "Atelier hip-hop",
                "Danse et écriture de textes, chaque mercredi après l'école.",
            ),
            "nl": ("Hiphopworkshop", "Dansen en teksten schrijven, elke woensdag na school."),
            "en": ("Hip-hop workshop", "Dance and lyric writing, every Wednesday after school."),
        },
        "themes": ["expression-artistique", "culture", "loisirs-jeunes"],
        "ages": (12, 17),
        "place": "maison-de-la-prevention",
        "registration": "none",
        "drop_in": True,
        "adopt": "atelier-hip-hop",
    },
    "devoirs": {
        "texts": {
            "fr": ("Aide aux devoirs", "Un coup de main pour les devoirs, le lundi et le jeudi."),
            "nl": ("Huiswerkbegeleiding", "Hulp bij je huiswerk, op maandag en donderdag."),
            "en": ("Homework club", "Help with homework on Mondays and Thursdays."),
        },
        "themes": ["aide-aux-devoirs", "decrochage-scolaire"],
        "ages": (8, 14),
        "place": "maison-de-la-prevention",
        "registration": "phone",
        "adopt": "aide-aux-devoirs",
    },
    "theatre": {
        "texts": {
            "fr": ("Atelier théâtre", "Improvisation et jeu, le samedi matin."),
            "nl": ("Theaterworkshop", "Improvisatie en spel, op zaterdagochtend."),
            "en": ("Theatre workshop", "Improvisation and acting on Saturday mornings."),
        },
        "themes": ["culture", "expression-artistique"],
        "ages": (10, 14),
        "place": "maison-de-la-prevention",
        "cost": ("reduced", 30),
        "cost_details": {
            "fr": "Par trimestre ; 5 € avec une carte CPAS (démo).",
            "nl": "Per trimester; € 5 met een OCMW-kaart (demo).",
            "en": "Per term; €5 with a CPAS card (demo).",
        },
        "registration": "email",
        "adopt": "atelier-theatre",
    },
    "multisport": {
        "texts": {
            "fr": (
                "Stage multisport",
                "Pendant les congés scolaires, du lundi au vendredi : foot, basket, escalade.",
            ),
            "nl": (
                "Multisportstage",
                "Tijdens de schoolvakanties, van maandag tot vrijdag: voetbal, basket, klimmen.",
            ),
            "en": (
                "Multi-sport holiday course",
                "During school holidays, Monday to Friday: football, basketball, climbing.",
            ),
        },
        "themes": ["sport"],
        "ages": (8, 12),
        "place": "maison-de-la-prevention",
        "cost": ("paid", 40),
        "registration": "email",
        "adopt": "stage-multisport",
    },
    "foot-en-salle": {
        "texts": {
            "fr": (
                "Foot en salle",
                "Viens jouer au foot avec les éducateurs de rue, sans inscription.",
            ),
            "nl": ("Zaalvoetbal", "Kom voetballen met de straathoekwerkers, zonder inschrijving."),
            "en": (
                "Indoor football",
                "Come and play football with the street educators, no registration.",
            ),
        },
        "themes": ["sport"],
        "ages": (12, 18),
        "address": "Salle de sport fictive, rue de l'Exemple 10 (démo)",
        "neighbourhood": "Tulipe",
        "registration": "none",
        "drop_in": True,
        "series": [([FR], "17:00", "19:00", "skip", None)],
    },
    "accueil-libre": {
        "texts": {
            "fr": (
                "Accueil libre à l'antenne",
                "Passe quand tu veux : on discute, on joue, on t'aide si besoin.",
            ),
            "nl": (
                "Vrije inloop in de antenne",
                "Kom langs wanneer je wilt: praten, spelen, hulp als je die nodig hebt.",
            ),
            "en": (
                "Drop-in at the antenna",
                "Come by whenever you like: talk, play, get help if you need it.",
            ),
        },
        "themes": ["espace-parole", "loisirs-jeunes"],
        "ages": (12, 25),
        "place": "antenne-lisa-tulipe",
        "registration": "none",
        "drop_in": True,
        "series": [([TU, TH], "15:30", "18:00", "ignore", None)],
    },
    "parole-jeunes": {
        "texts": {
            "fr": (
                "Espace de parole",
                "Un moment pour parler de ce qui pèse, avec une travailleuse sociale. Confidentiel.",
            ),
            "nl": (
                "Praatruimte",
                "Een moment om te praten over wat zwaar weegt, met een maatschappelijk werker. Vertrouwelijk.",
            ),
            "en": (
                "A space to talk",
                "Time to talk about what weighs on you, with a social worker. Confidential.",
            ),
        },
        "themes": ["espace-parole"],
        "ages": (14, 21),
        "place": "maison-de-la-prevention",
        "registration": "none",
        "drop_in": True,
        "series": [([WE], "17:00", "18:30", "ignore", "Salle de réunion 1")],
    },
    "graffiti": {
        "texts": {
            "fr": (
                "Atelier graffiti",
                "Apprends le lettrage et peins un mur légal avec un artiste (démo).",
            ),
            "nl": (
                "Graffitiworkshop",
                "Leer letteren en beschilder een legale muur met een kunstenaar (demo).",
            ),
            "en": (
                "Graffiti workshop",
                "Learn lettering and paint a legal wall with an artist (demo).",
            ),
        },
        "themes": ["expression-artistique"],
        "ages": (13, 20),
        "address": "Mur d'expression fictif, parc de l'Exemple (démo)",
        "neighbourhood": "Flagey",
        "partner": "Collectif Couleurs (association fictive)",
        "registration": "on_site",
        "series": [([SA], "14:00", "17:00", "skip", None)],
    },
    "conseil-jeunes": {
        "texts": {
            "fr": (
                "Conseil des jeunes",
                "Donne ton avis sur ton quartier et monte des projets avec la commune.",
            ),
            "nl": (
                "Jongerenraad",
                "Geef je mening over je wijk en zet projecten op met de gemeente.",
            ),
            "en": (
                "Youth council",
                "Have your say about your neighbourhood and run projects with the commune.",
            ),
        },
        "themes": ["citoyennete"],
        "ages": (14, 25),
        "place": "maison-de-la-prevention",
        "registration": "email",
        "series": [([TU], "18:30", "20:00", "skip", "Salle polyvalente")],
    },
    "boxe": {
        "texts": {
            "fr": ("Boxe éducative", "Technique, respect et confiance en soi, sans coups portés."),
            "nl": ("Educatief boksen", "Techniek, respect en zelfvertrouwen, zonder harde slagen."),
            "en": (
                "Educational boxing",
                "Technique, respect and self-confidence, without hard punches.",
            ),
        },
        "themes": ["sport"],
        "ages": (12, 17),
        "address": "Salle de boxe fictive, chaussée de l'Exemple 200 (démo)",
        "neighbourhood": "Matonge",
        "partner": "Boxing Club Exemple (association fictive)",
        "cost": ("reduced", 20),
        "registration": "phone",
        "series": [([MO, WE], "18:00", "19:30", "skip", None)],
    },
    "cinema-debat": {
        "texts": {
            "fr": ("Ciné-débat", "Un film, puis on en parle. Un vendredi soir par mois."),
            "nl": (
                "Film en debat",
                "Een film, en dan praten we erover. Eén vrijdagavond per maand.",
            ),
            "en": (
                "Film and discussion",
                "A film, then we talk about it. One Friday evening a month.",
            ),
        },
        "themes": ["culture", "citoyennete"],
        "ages": (15, 25),
        "place": "maison-de-la-prevention",
        "registration": "none",
        "monthly_friday": True,
        "series": [],
    },
    "jeux-enfants": {
        "texts": {
            "fr": ("Mercredi des petits", "Jeux de société et bricolage pour les 6–10 ans."),
            "nl": (
                "Woensdag voor de kleintjes",
                "Gezelschapsspellen en knutselen voor 6- tot 10-jarigen.",
            ),
            "en": (
                "Wednesday for the little ones",
                "Board games and crafts for 6 to 10-year-olds.",
            ),
        },
        "themes": ["loisirs-jeunes", "culture"],
        "ages": (6, 10),
        "place": "antenne-lisa-tulipe",
        "registration": "on_site",
        "series": [([WE], "13:30", "15:30", "skip", None)],
    },
    "stage-cirque": {
        "texts": {
            "fr": (
                "Stage cirque",
                "Jonglerie, équilibre et acrobaties pendant les vacances d'hiver.",
            ),
            "nl": ("Circusstage", "Jongleren, evenwicht en acrobatie tijdens de kerstvakantie."),
            "en": (
                "Circus holiday course",
                "Juggling, balance and acrobatics during the winter holidays.",
            ),
        },
        "themes": ["culture", "sport"],
        "ages": (6, 12),
        "address": "Chapiteau fictif, place de l'Exemple (démo)",
        "neighbourhood": "Flagey",
        "partner": "École de cirque Exemple (association fictive)",
        "cost": ("reduced", 60),
        "registration": "email",
        "series": [(WEEKDAYS, "09:30", "16:00", "only", None)],
    },
    "stage-video": {
        "texts": {
            "fr": ("Stage vidéo", "Tourne et monte un court-métrage en une semaine de congé."),
            "nl": ("Videostage", "Draai en monteer een kortfilm in één vakantieweek."),
            "en": ("Video holiday course", "Shoot and edit a short film in one holiday week."),
        },
        "themes": ["expression-artistique", "culture"],
        "ages": (13, 18),
        "place": "maison-de-la-prevention",
        "registration": "email",
        "series": [(WEEKDAYS, "10:00", "16:00", "only", "Atelier créatif")],
    },
    "basket-de-rue": {
        "texts": {
            "fr": (
                "Basket de rue",
                "Le dimanche après-midi au terrain du parc. Viens comme tu es.",
            ),
            "nl": ("Straatbasket", "Op zondagnamiddag op het veld in het park. Kom zoals je bent."),
            "en": ("Street basketball", "Sunday afternoons on the park court. Come as you are."),
        },
        "themes": ["sport", "loisirs-jeunes"],
        "ages": (14, 25),
        "address": "Terrain de basket fictif, parc de l'Exemple (démo)",
        "neighbourhood": "Gray-Serpentin",
        "registration": "none",
        "drop_in": True,
        "series": [([SU], "14:00", "17:00", "ignore", None)],
    },
    "emploi-jeunes": {
        "texts": {
            "fr": (
                "Atelier CV et job étudiant",
                "Écrire un CV, préparer un entretien, trouver un job étudiant.",
            ),
            "nl": (
                "Workshop cv en studentenjob",
                "Een cv schrijven, een gesprek voorbereiden, een studentenjob vinden.",
            ),
            "en": (
                "CV and student job workshop",
                "Write a CV, prepare an interview, find a student job.",
            ),
        },
        "themes": ["citoyennete", "decrochage-scolaire"],
        "ages": (16, 25),
        "place": "antenne-lisa-tulipe",
        "registration": "phone",
        "series": [([TH], "18:00", "20:00", "skip", None)],
    },
}

WHAT_TO_BRING = {
    "sport": {
        "fr": "Une tenue de sport et une bouteille d'eau.",
        "nl": "Sportkleren en een fles water.",
        "en": "Sports clothes and a water bottle.",
    },
    "default": {
        "fr": "Rien, juste ta bonne humeur.",
        "nl": "Niets, gewoon je goed humeur.",
        "en": "Nothing, just come as you are.",
    },
}
ACCESSIBILITY = {
    "fr": "Accès de plain-pied ; dis-nous si tu as besoin d'une adaptation.",
    "nl": "Gelijkvloerse toegang; laat ons weten als je een aanpassing nodig hebt.",
    "en": "Step-free access; tell us if you need anything adapted.",
}
