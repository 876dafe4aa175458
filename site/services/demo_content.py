# ruff: noqa: E501  (demo copy: long lines and typographic dashes)
"""Demo texts of the services app (FR/NL/EN), drawn from DOMAIN.md. Every address, phone
number and email here is fictional and flagged as demo."""

# (slug, sensitive, {fr, nl, en})
NEEDS = [
    (
        "decrochage-scolaire",
        False,
        {"fr": "Décrochage scolaire", "nl": "Schooluitval", "en": "School dropout"},
    ),
    (
        "violence-familiale",
        True,
        {"fr": "Violence à la maison", "nl": "Geweld thuis", "en": "Violence at home"},
    ),
    ("sans-abrisme", True, {"fr": "Sans-abrisme", "nl": "Dakloosheid", "en": "Homelessness"}),
    ("assuetudes", True, {"fr": "Assuétudes", "nl": "Verslaving", "en": "Addiction"}),
    (
        "conflit-voisinage",
        False,
        {"fr": "Conflit de voisinage", "nl": "Burenconflict", "en": "Conflict with neighbours"},
    ),
    (
        "cambriolage",
        False,
        {
            "fr": "Prévention des cambriolages",
            "nl": "Inbraakpreventie",
            "en": "Burglary prevention",
        },
    ),
    (
        "questions-juridiques",
        False,
        {"fr": "Questions juridiques", "nl": "Juridische vragen", "en": "Legal questions"},
    ),
    (
        "loisirs-jeunes",
        False,
        {"fr": "Loisirs des jeunes", "nl": "Vrije tijd voor jongeren", "en": "Youth leisure"},
    ),
    (
        "securite-espace-public",
        False,
        {
            "fr": "Sécurité dans l'espace public",
            "nl": "Veiligheid in de openbare ruimte",
            "en": "Safety in public space",
        },
    ),
    ("lgbtqi", True, {"fr": "LGBTQI+", "nl": "LGBTQI+", "en": "LGBTQI+"}),
]

# (slug, min age, max age, {fr, nl, en})
AUDIENCES = [
    ("enfants", 0, 11, {"fr": "Enfants", "nl": "Kinderen", "en": "Children"}),
    (
        "jeunes-12-17",
        12,
        17,
        {"fr": "Jeunes (12–17 ans)", "nl": "Jongeren (12–17 jaar)", "en": "Young people (12–17)"},
    ),
    (
        "jeunes-adultes",
        18,
        25,
        {"fr": "Jeunes adultes", "nl": "Jongvolwassenen", "en": "Young adults"},
    ),
    ("parents", None, None, {"fr": "Parents", "nl": "Ouders", "en": "Parents"}),
    ("femmes", None, None, {"fr": "Femmes", "nl": "Vrouwen", "en": "Women"}),
    ("seniors", 65, None, {"fr": "Seniors", "nl": "Senioren", "en": "Seniors"}),
    ("tout-public", None, None, {"fr": "Tout public", "nl": "Iedereen", "en": "Everyone"}),
]

# (code, {fr, nl, en})
LANGUAGES = [
    ("fr", {"fr": "Français", "nl": "Frans", "en": "French"}),
    ("nl", {"fr": "Néerlandais", "nl": "Nederlands", "en": "Dutch"}),
    ("en", {"fr": "Anglais", "nl": "Engels", "en": "English"}),
    ("ar", {"fr": "Arabe", "nl": "Arabisch", "en": "Arabic"}),
    ("es", {"fr": "Espagnol", "nl": "Spaans", "en": "Spanish"}),
]

# (key, {lang: (name, programme)})
FUNDERS = [
    (
        "region",
        {
            "fr": ("Région de Bruxelles-Capitale", "Plan bruxellois de prévention et de proximité"),
            "nl": ("Brussels Hoofdstedelijk Gewest", "Brussels preventie- en buurtplan"),
            "en": ("Brussels-Capital Region", "Brussels prevention and proximity plan"),
        },
    ),
    (
        "spf-interieur",
        {
            "fr": (
                "SPF Intérieur",
                "Plan stratégique de sécurité et de prévention ; contingent complémentaire pour les Gardiens de la Paix",
            ),
            "nl": (
                "FOD Binnenlandse Zaken",
                "Strategisch veiligheids- en preventieplan; aanvullend contingent Gemeenschapswachten",
            ),
            "en": (
                "FPS Home Affairs",
                "Strategic security and prevention plan; additional contingent of city wardens",
            ),
        },
    ),
    (
        "spp-is",
        {
            "fr": ("SPP Intégration sociale", "Politique des grandes villes"),
            "nl": ("POD Maatschappelijke Integratie", "Grootstedenbeleid"),
            "en": ("PPS Social Integration", "Major Cities Policy"),
        },
    ),
    (
        "fwb",
        {
            "fr": ("Fédération Wallonie-Bruxelles", "Mesures judiciaires alternatives"),
            "nl": ("Federatie Wallonië-Brussel", "Alternatieve gerechtelijke maatregelen"),
            "en": ("Fédération Wallonie-Bruxelles", "Alternative judicial measures"),
        },
    ),
]

SERVICES_INDEX = {
    "fr": {
        "title": "Nos services",
        "slug": "services",
        "intro": "Quatre pôles et une coordination : trouvez le service qui répond à votre situation.",
    },
    "nl": {
        "title": "Onze diensten",
        "slug": "diensten",
        "intro": "Vier polen en een coördinatie: vind de dienst die bij uw situatie past.",
    },
    "en": {
        "title": "Our services",
        "slug": "services-en",
        "intro": "Four pôles and a coordination: find the service that fits your situation.",
    },
}

PLACES_INDEX = {
    "fr": {
        "title": "Nos lieux",
        "slug": "lieux",
        "intro": "Où nous rencontrer : antennes de quartier et Maison de la Prévention.",
    },
    "nl": {
        "title": "Onze locaties",
        "slug": "locaties",
        "intro": "Waar u ons vindt: buurtantennes en het Huis van Preventie.",
    },
    "en": {
        "title": "Our places",
        "slug": "places",
        "intro": "Where to meet us: neighbourhood antennas and the Maison de la Prévention.",
    },
}

# Pôles: key -> (group name in core.demo.POLE_GROUPS, {lang: (title, slug, intro)})
POLES = {
    "socio-educatif": (
        "Pôle Accompagnement socio-éducatif",
        {
            "fr": (
                "Accompagnement socio-éducatif",
                "accompagnement-socio-educatif",
                "Soutien aux jeunes et à leur scolarité : lieux d'accroche, activités culturelles, sportives et citoyennes, présence en rue.",
            ),
            "nl": (
                "Socio-educatieve begeleiding",
                "socio-educatieve-begeleiding",
                "Steun voor jongeren en hun schoolloopbaan: ontmoetingsplekken, culturele, sportieve en burgeractiviteiten, aanwezigheid op straat.",
            ),
            "en": (
                "Socio-educational support",
                "socio-educational-support",
                "Support for young people and their schooling: drop-in places, cultural, sports and citizen activities, street presence.",
            ),
        },
    ),
    "specialise": (
        "Pôle Accompagnement spécialisé",
        {
            "fr": (
                "Accompagnement spécialisé",
                "accompagnement-specialise",
                "Médiation locale, médiation sociale et cellule sans-abrisme : une aide sur mesure quand la situation se complique.",
            ),
            "nl": (
                "Gespecialiseerde begeleiding",
                "gespecialiseerde-begeleiding",
                "Buurtbemiddeling, sociale bemiddeling en cel daklozen: hulp op maat wanneer de situatie moeilijk wordt.",
            ),
            "en": (
                "Specialised support",
                "specialised-support",
                "Local mediation, social mediation and the homelessness cell: tailored help when things get difficult.",
            ),
        },
    ),
    "tranquillite": (
        "Pôle Tranquillité et Proximité",
        {
            "fr": (
                "Tranquillité et Proximité",
                "tranquillite-et-proximite",
                "Les Gardiens de la Paix le jour et les Médiateurs de Nuit le soir veillent à la tranquillité des quartiers.",
            ),
            "nl": (
                "Rust en Nabijheid",
                "rust-en-nabijheid",
                "Gemeenschapswachten overdag en Nachtbemiddelaars 's avonds zorgen voor rust in de wijken.",
            ),
            "en": (
                "Peace and Proximity",
                "peace-and-proximity",
                "City wardens by day and night mediators in the evening keep the neighbourhoods peaceful.",
            ),
        },
    ),
    "reparation": (
        "Pôle Réparation et Justice",
        {
            "fr": (
                "Réparation et Justice",
                "reparation-et-justice",
                "Médiation réparatrice, mesures judiciaires alternatives (SEMJA) et aide juridique.",
            ),
            "nl": (
                "Herstel en Justitie",
                "herstel-en-justitie",
                "Herstelbemiddeling, alternatieve gerechtelijke maatregelen (SEMJA) en juridische bijstand.",
            ),
            "en": (
                "Restoration and Justice",
                "restoration-and-justice",
                "Restorative mediation, alternative judicial measures (SEMJA) and legal aid.",
            ),
        },
    ),
    "coordination": (
        "Coordination",
        {
            "fr": (
                "Coordination",
                "coordination",
                "La coordination pilote les quatre pôles et assure la technoprévention.",
            ),
            "nl": (
                "Coördinatie",
                "coordinatie",
                "De coördinatie leidt de vier polen en verzorgt de technopreventie.",
            ),
            "en": (
                "Coordination",
                "coordination-en",
                "The coordination leads the four pôles and runs technoprévention (burglary prevention).",
            ),
        },
    ),
}

# key -> dict(pole, needs, audiences, languages, funders, access, places, texts{lang: (title, slug, intro, body)})
SERVICES = {
    "gardiens-de-la-paix": {
        "pole": "tranquillite",
        "needs": ["securite-espace-public", "conflit-voisinage"],
        "audiences": ["tout-public", "seniors"],
        "languages": ["fr", "nl", "en", "ar"],
        "funders": ["spf-interieur", "region"],
        "access": ["outreach", "phone"],
        "places": ["antenne-lisa-tulipe"],
        "hours": [(d, "08:00", "18:00") for d in range(5)] + [(5, "10:00", "16:00")],
        "texts": {
            "fr": (
                "Gardiens de la Paix",
                "gardiens-de-la-paix",
                "Les Gardiens de la Paix sont présents en rue, aux abords des écoles et dans les parcs pour informer, rassurer et prévenir.",
                "Reconnaissables à leur uniforme, ils signalent les problèmes de l'espace public, accompagnent les sorties d'école et orientent les habitants vers le bon service.",
            ),
            "nl": (
                "Gemeenschapswachten",
                "gemeenschapswachten",
                "De Gemeenschapswachten zijn aanwezig op straat, aan scholen en in parken om te informeren, gerust te stellen en te voorkomen.",
                "Herkenbaar aan hun uniform melden ze problemen in de openbare ruimte, begeleiden ze schoolpoorten en verwijzen ze inwoners door naar de juiste dienst.",
            ),
            "en": (
                "City wardens (Gardiens de la Paix)",
                "city-wardens",
                "City wardens are present in the streets, near schools and in parks to inform, reassure and prevent.",
                "Recognisable by their uniform, they report problems in public space, watch over school gates and direct residents to the right service.",
            ),
        },
    },
    "mediateurs-de-nuit": {
        "pole": "tranquillite",
        "needs": ["securite-espace-public", "conflit-voisinage", "assuetudes"],
        "audiences": ["jeunes-adultes", "tout-public"],
        "languages": ["fr", "nl", "en", "es"],
        "funders": ["region"],
        "access": ["outreach"],
        "places": [],
        "hours": [(3, "21:00", "03:00"), (4, "22:00", "05:00"), (5, "22:00", "05:00")],
        "texts": {
            "fr": (
                "Médiateurs de Nuit",
                "mediateurs-de-nuit",
                "Les Médiateurs de Nuit vont à la rencontre des usagers de la vie nocturne pour apaiser les tensions et réduire les nuisances.",
                "Ils dialoguent avec les jeunes, les habitants et les établissements, et orientent les personnes en difficulté vers l'aide adaptée.",
            ),
            "nl": (
                "Nachtbemiddelaars",
                "nachtbemiddelaars",
                "De Nachtbemiddelaars gaan in gesprek met wie 's nachts op stap is om spanningen en overlast te verminderen.",
                "Ze praten met jongeren, buurtbewoners en zaken, en verwijzen mensen in moeilijkheden door naar gepaste hulp.",
            ),
            "en": (
                "Night mediators",
                "night-mediators",
                "Night mediators meet people out at night to ease tensions and reduce nuisance.",
                "They talk with young people, residents and venues, and refer people in difficulty to the right help.",
            ),
        },
    },
    "mediation-locale": {
        "pole": "specialise",
        "needs": ["conflit-voisinage"],
        "audiences": ["tout-public"],
        "languages": ["fr", "nl", "en"],
        "funders": ["region"],
        "access": ["appointment", "phone"],
        "places": ["antenne-lisa-tulipe"],
        "hours": [
            (1, "09:00", "12:30"),
            (1, "13:30", "17:00"),
            (3, "09:00", "12:30"),
            (3, "13:30", "17:00"),
        ],
        "texts": {
            "fr": (
                "Médiation locale",
                "mediation-locale",
                "Un conflit avec un voisin ? Les médiateurs vous aident à renouer le dialogue, gratuitement et en toute confidentialité.",
                "La médiation est volontaire : chaque partie est entendue, puis les médiateurs facilitent la recherche d'une solution acceptable pour tous.",
            ),
            "nl": (
                "Buurtbemiddeling",
                "buurtbemiddeling",
                "Een conflict met een buur? De bemiddelaars helpen u het gesprek te herstellen, gratis en vertrouwelijk.",
                "Bemiddeling is vrijwillig: elke partij wordt gehoord, daarna helpen de bemiddelaars een oplossing te vinden die voor iedereen aanvaardbaar is.",
            ),
            "en": (
                "Local mediation",
                "local-mediation",
                "A conflict with a neighbour? Mediators help you talk again, free of charge and in confidence.",
                "Mediation is voluntary: each side is heard, then the mediators help find a solution everyone can accept.",
            ),
        },
    },
    "mediation-sociale": {
        "pole": "specialise",
        "needs": ["violence-familiale", "questions-juridiques"],
        "audiences": ["tout-public", "femmes", "parents"],
        "languages": ["fr", "nl", "ar"],
        "funders": ["region"],
        "access": ["walk_in", "appointment"],
        "places": ["antenne-lisa-tulipe"],
        "hours": [(0, "09:00", "12:00"), (2, "13:00", "16:00")],
        "texts": {
            "fr": (
                "Médiation sociale",
                "mediation-sociale",
                "Les médiateurs sociaux vous accompagnent dans vos démarches et vous orientent vers les services et associations compétents.",
                "Écoute, information et accompagnement : pour les familles, les femmes victimes de violence et toute personne qui ne sait pas à quelle porte frapper.",
            ),
            "nl": (
                "Sociale bemiddeling",
                "sociale-bemiddeling",
                "De sociale bemiddelaars begeleiden u bij uw stappen en verwijzen u naar de bevoegde diensten en verenigingen.",
                "Luisteren, informeren en begeleiden: voor gezinnen, vrouwen die slachtoffer zijn van geweld en iedereen die niet weet waar aan te kloppen.",
            ),
            "en": (
                "Social mediation",
                "social-mediation",
                "Social mediators help you with paperwork and direct you to the right services and associations.",
                "Listening, information and support: for families, women who are victims of violence and anyone who does not know which door to knock on.",
            ),
        },
    },
    "cellule-sans-abrisme": {
        "pole": "specialise",
        "needs": ["sans-abrisme", "assuetudes"],
        "audiences": ["tout-public"],
        "languages": ["fr", "nl", "en", "es"],
        "funders": ["region"],
        "access": ["outreach", "walk_in"],
        "places": [],
        "hours": [(d, "08:30", "16:30") for d in range(5)],
        "texts": {
            "fr": (
                "Cellule sans-abrisme",
                "cellule-sans-abrisme",
                "Les travailleurs sociaux de la cellule sans-abrisme vont à la rencontre des personnes qui vivent en rue.",
                "Ils créent le lien, répondent aux besoins urgents et accompagnent vers un hébergement, des soins et des droits.",
            ),
            "nl": (
                "Cel daklozen",
                "cel-daklozen",
                "De maatschappelijk werkers van de cel daklozen gaan naar mensen toe die op straat leven.",
                "Ze leggen contact, beantwoorden dringende noden en begeleiden naar onderdak, zorg en rechten.",
            ),
            "en": (
                "Homelessness cell",
                "homelessness-cell",
                "Social workers of the homelessness cell reach out to people living in the street.",
                "They build trust, meet urgent needs and help towards shelter, care and rights.",
            ),
        },
    },
    "mediation-reparatrice": {
        "pole": "reparation",
        "needs": ["questions-juridiques"],
        "audiences": ["jeunes-adultes", "tout-public"],
        "languages": ["fr", "nl"],
        "funders": ["spp-is"],
        "access": ["appointment", "phone"],
        "places": ["maison-de-la-prevention"],
        "hours": [(d, "09:00", "17:00") for d in range(5)],
        "texts": {
            "fr": (
                "Médiation réparatrice",
                "mediation-reparatrice",
                "Après une infraction, la médiation réparatrice permet à l'auteur et à la victime de communiquer, avec l'aide d'un médiateur.",
                "La démarche est volontaire et confidentielle ; elle peut aboutir à une réparation concrète du dommage.",
            ),
            "nl": (
                "Herstelbemiddeling",
                "herstelbemiddeling",
                "Na een misdrijf laat herstelbemiddeling dader en slachtoffer met elkaar communiceren, met hulp van een bemiddelaar.",
                "Het is vrijwillig en vertrouwelijk, en kan leiden tot een concreet herstel van de schade.",
            ),
            "en": (
                "Restorative mediation",
                "restorative-mediation",
                "After an offence, restorative mediation lets the offender and the victim communicate, with a mediator's help.",
                "It is voluntary and confidential, and can lead to concrete repair of the harm done.",
            ),
        },
    },
    "semja": {
        "pole": "reparation",
        "needs": ["questions-juridiques"],
        "audiences": ["jeunes-adultes", "tout-public"],
        "languages": ["fr", "nl"],
        "funders": ["fwb"],
        "access": ["appointment"],
        "places": ["maison-de-la-prevention"],
        "hours": [(d, "09:00", "16:00") for d in range(5)],
        "texts": {
            "fr": (
                "SEMJA",
                "semja",
                "Le SEMJA encadre les mesures judiciaires alternatives : travaux d'intérêt général et formations décidés par la justice.",
                "Le service trouve un lieu de prestation, suit la personne pendant la mesure et fait rapport à l'autorité judiciaire.",
            ),
            "nl": (
                "SEMJA",
                "semja-nl",
                "SEMJA begeleidt alternatieve gerechtelijke maatregelen: werkstraffen en opleidingen opgelegd door het gerecht.",
                "De dienst zoekt een prestatieplaats, volgt de persoon tijdens de maatregel en brengt verslag uit aan de gerechtelijke overheid.",
            ),
            "en": (
                "SEMJA",
                "semja-en",
                "SEMJA supervises alternative judicial measures: community service and training ordered by a court.",
                "The service finds a placement, follows the person during the measure and reports to the judicial authority.",
            ),
        },
    },
    "aide-juridique": {
        "pole": "reparation",
        "needs": ["questions-juridiques"],
        "audiences": ["tout-public"],
        "languages": ["fr", "nl", "en"],
        "funders": ["region"],
        "access": ["walk_in", "appointment"],
        "places": ["maison-de-la-prevention"],
        "hours": [(2, "14:00", "17:00")],
        "texts": {
            "fr": (
                "Aide juridique",
                "aide-juridique",
                "Une première information juridique gratuite : logement, famille, dettes, démarches administratives.",
                "Un juriste vous écoute, explique vos droits et vous oriente vers un avocat ou un service spécialisé si nécessaire.",
            ),
            "nl": (
                "Juridische bijstand",
                "juridische-bijstand",
                "Gratis eerste juridische informatie: huisvesting, gezin, schulden, administratieve stappen.",
                "Een jurist luistert, legt uw rechten uit en verwijst u zo nodig door naar een advocaat of een gespecialiseerde dienst.",
            ),
            "en": (
                "Legal aid",
                "legal-aid",
                "Free first legal information: housing, family, debt, paperwork.",
                "A lawyer listens, explains your rights and refers you to a solicitor or a specialised service when needed.",
            ),
        },
    },
    "accompagnement-jeunesse": {
        "pole": "socio-educatif",
        "needs": ["decrochage-scolaire", "loisirs-jeunes", "violence-familiale"],
        "audiences": ["enfants", "jeunes-12-17", "parents"],
        "languages": ["fr", "nl", "en", "ar"],
        "funders": ["region"],
        "access": ["walk_in", "outreach"],
        "places": ["antenne-lisa-tulipe"],
        "hours": [(2, "13:00", "18:00"), (4, "16:00", "19:00"), (5, "10:00", "13:00")],
        "texts": {
            "fr": (
                "Accompagnement jeunesse et scolaire",
                "accompagnement-jeunesse-et-scolaire",
                "Des lieux d'accroche pour les jeunes : activités, soutien scolaire et un espace pour parler.",
                "Éducateurs et animateurs proposent des projets culturels, sportifs et citoyens, soutiennent les jeunes en décrochage et leurs parents, et restent attentifs aux enfants victimes de violences intrafamiliales.",
            ),
            "nl": (
                "Jeugd- en schoolbegeleiding",
                "jeugd-en-schoolbegeleiding",
                "Ontmoetingsplekken voor jongeren: activiteiten, huiswerkbegeleiding en een plek om te praten.",
                "Opvoeders en animatoren bieden culturele, sportieve en burgerprojecten, steunen jongeren die dreigen af te haken en hun ouders, en letten op kinderen die slachtoffer zijn van intrafamiliaal geweld.",
            ),
            "en": (
                "Youth and school support",
                "youth-and-school-support",
                "Drop-in places for young people: activities, homework help and a space to talk.",
                "Youth workers and animators run cultural, sports and citizen projects, support young people dropping out of school and their parents, and watch out for children who are victims of domestic violence.",
            ),
        },
    },
    "technoprevention": {
        "pole": "coordination",
        "needs": ["cambriolage"],
        "audiences": ["tout-public", "seniors"],
        "languages": ["fr", "nl", "en"],
        "funders": ["region"],
        "access": ["appointment", "phone"],
        "places": ["maison-de-la-prevention"],
        "hours": [(d, "09:00", "12:00") for d in range(5)],
        "texts": {
            "fr": (
                "Technoprévention",
                "technoprevention",
                "Des conseils gratuits pour protéger votre logement contre les cambriolages, et la prime de sécurisation.",
                "Un conseiller en technoprévention visite votre logement, repère les points faibles et vous explique comment obtenir la prime communale de sécurisation contre les cambriolages.",
            ),
            "nl": (
                "Technopreventie",
                "technopreventie",
                "Gratis advies om uw woning tegen inbraak te beveiligen, en de beveiligingspremie.",
                "Een technopreventief adviseur bezoekt uw woning, wijst de zwakke punten aan en legt uit hoe u de gemeentelijke premie voor inbraakbeveiliging krijgt.",
            ),
            "en": (
                "Burglary prevention (technoprévention)",
                "burglary-prevention",
                "Free advice to protect your home against burglary, and the home-security subsidy.",
                "A technoprévention adviser visits your home, points out weak spots and explains how to get the municipal home-security subsidy.",
            ),
        },
    },
}

TECHNO_FORM = {
    "fr": {
        "title": "Demander une visite-conseil",
        "slug": "demande",
        "intro": "Demandez une visite-conseil gratuite ou des informations sur la prime de sécurisation.",
        "thanks_text": "Merci ! Le service de technoprévention vous recontacte dans les cinq jours ouvrables.",
    },
    "nl": {
        "title": "Een adviesbezoek aanvragen",
        "slug": "aanvraag",
        "intro": "Vraag een gratis adviesbezoek aan of informatie over de beveiligingspremie.",
        "thanks_text": "Bedankt! De dienst technopreventie neemt binnen vijf werkdagen contact met u op.",
    },
    "en": {
        "title": "Request an advice visit",
        "slug": "request",
        "intro": "Ask for a free advice visit or for information on the home-security subsidy.",
        "thanks_text": "Thank you! The technoprévention service will contact you within five working days.",
    },
}

# key -> dict(fields, texts{lang: (title, slug, intro, transport, accessibility)})
PLACES = {
    "antenne-lisa-tulipe": {
        "status": "open",
        "street_address": "Rue de la Tulipe 00 (adresse fictive – démo)",
        "neighbourhood": "Tulipe",
        "latitude": "50.834000",
        "longitude": "4.370000",
        "step_free_access": "yes",
        "phone": "+32 2 000 00 01",
        "hours": [(d, "09:00", "12:30") for d in range(5)]
        + [(d, "13:30", "17:00") for d in (0, 1, 3)],
        "partners": {
            "fr": [
                ("Police (démo)", "Agent de quartier, permanence"),
                ("Propreté publique (démo)", "Signalements"),
            ],
            "nl": [
                ("Politie (demo)", "Wijkagent, permanentie"),
                ("Openbare netheid (demo)", "Meldingen"),
            ],
            "en": [
                ("Police (demo)", "Neighbourhood officer, drop-in hours"),
                ("Public cleanliness (demo)", "Reports"),
            ],
        },
        "texts": {
            "fr": (
                "Antenne LISA Tulipe",
                "antenne-lisa-tulipe",
                "Point de contact de quartier partagé par la police, les agents de prévention et d'autres acteurs locaux.",
                "Bus et tram : arrêt fictif « Tulipe » (démo).",
                "Entrée de plain-pied, toilette accessible.",
            ),
            "nl": (
                "LISA-antenne Tulp",
                "lisa-antenne-tulp",
                "Buurtcontactpunt gedeeld door politie, preventiemedewerkers en andere lokale actoren.",
                "Bus en tram: fictieve halte „Tulp” (demo).",
                "Gelijkvloerse ingang, toegankelijk toilet.",
            ),
            "en": (
                "LISA antenna Tulipe",
                "lisa-antenna-tulipe",
                "A neighbourhood contact point shared by the police, prevention staff and other local actors.",
                "Bus and tram: fictional stop “Tulipe” (demo).",
                "Step-free entrance, accessible toilet.",
            ),
        },
    },
    "maison-de-la-prevention": {
        "status": "open",
        "street_address": "Rue de l'Exemple 1 (adresse fictive – démo)",
        "neighbourhood": "",
        "latitude": "50.827000",
        "longitude": "4.372000",
        "step_free_access": "partial",
        "phone": "+32 2 000 00 00",
        "hours": [(d, "08:30", "12:30") for d in range(5)]
        + [(d, "13:30", "16:30") for d in range(5)],
        "partners": {"fr": [], "nl": [], "en": []},
        "texts": {
            "fr": (
                "Maison de la Prévention",
                "maison-de-la-prevention",
                "Le bâtiment communal qui regroupera les services de prévention, avec des salles pour ateliers, réunions et entretiens confidentiels.",
                "Métro et bus : arrêt fictif « Exemple » (démo).",
                "Rez-de-chaussée accessible ; étages par escalier (ascenseur prévu).",
            ),
            "nl": (
                "Huis van Preventie",
                "huis-van-preventie",
                "Het gemeentelijke gebouw dat de preventiediensten zal samenbrengen, met zalen voor workshops, vergaderingen en vertrouwelijke gesprekken.",
                "Metro en bus: fictieve halte „Voorbeeld” (demo).",
                "Gelijkvloers toegankelijk; verdiepingen via trap (lift gepland).",
            ),
            "en": (
                "Maison de la Prévention",
                "maison-de-la-prevention-en",
                "The municipal building that will bring the prevention services together, with rooms for workshops, meetings and confidential interviews.",
                "Metro and bus: fictional stop “Exemple” (demo).",
                "Ground floor accessible; upper floors by stairs (lift planned).",
            ),
        },
    },
    "antenne-cimetiere": {
        "status": "planned",
        "street_address": "Quartier Cimetière d'Ixelles (à l'étude – démo)",
        "neighbourhood": "Cimetière d'Ixelles",
        "latitude": None,
        "longitude": None,
        "step_free_access": "unknown",
        "phone": "",
        "hours": [],
        "partners": {"fr": [], "nl": [], "en": []},
        "texts": {
            "fr": (
                "Antenne Cimetière d'Ixelles (à l'étude)",
                "antenne-cimetiere-d-ixelles",
                "Une nouvelle antenne de quartier est à l'étude, comme à Gray-Serpentin.",
                "",
                "",
            ),
            "nl": (
                "Antenne Kerkhof van Elsene (in studie)",
                "antenne-kerkhof-van-elsene",
                "Een nieuwe buurtantenne wordt bestudeerd, net als in Gray-Serpentin.",
                "",
                "",
            ),
            "en": (
                "Cimetière d'Ixelles antenna (under study)",
                "cimetiere-d-ixelles-antenna",
                "A new neighbourhood antenna is being studied, as in Gray-Serpentin.",
                "",
                "",
            ),
        },
    },
}

# Holiday closures shown on every place with hours: (month, day, {lang: reason}).
HOLIDAYS = [
    (5, 8, {"fr": "Fête de l'Iris", "nl": "Irisfeest", "en": "Iris Day (regional holiday)"}),
    (7, 21, {"fr": "Fête nationale", "nl": "Nationale feestdag", "en": "National Day"}),
    (11, 11, {"fr": "Armistice", "nl": "Wapenstilstand", "en": "Armistice Day"}),
    (12, 25, {"fr": "Noël", "nl": "Kerstmis", "en": "Christmas Day"}),
]

QUICK_LINK_TEXTS = {
    "services": {
        "fr": "Pour qui, pour quoi, comment nous joindre",
        "nl": "Voor wie, waarvoor, hoe ons bereiken",
        "en": "For whom, for what, how to reach us",
    },
    "places": {
        "fr": "Adresses, accès et horaires",
        "nl": "Adressen, toegang en openingsuren",
        "en": "Addresses, access and opening hours",
    },
}
