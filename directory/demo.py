"""Demo content of the directory: a DirectoryPage in FR/NL/EN, 27 fictional partner
associations (every one marked as an example, with example.org emails and +32 2 000 xx xx
numbers) across needs, audiences, languages and communes, and a home-page quick link.
Reuses the vocabularies of the services demo (looked up by slug in each locale).
Idempotent."""

import datetime as dt

from django.utils import timezone

from maison.core.demo_tools import LANGUAGE_CODES, ensure_page, ensure_translations
from maison.core.models import HomePage
from maison.services.models import Audience, Language, Need

from .models import (
    AssociationLocation,
    AssociationPage,
    DirectoryPage,
    LocationHoursException,
    LocationWeeklyHours,
)

DIRECTORY = {
    "fr": {
        "title": "Associations partenaires",
        "slug": "associations",
        "intro": "Trouvez l'association qui peut vous aider, près de chez vous et dans votre "
        "langue. Les fiches de démonstration sont fictives.",
    },
    "nl": {
        "title": "Partnerverenigingen",
        "slug": "verenigingen",
        "intro": "Vind de vereniging die u kan helpen, dicht bij huis en in uw taal. "
        "De demofiches zijn fictief.",
    },
    "en": {
        "title": "Partner associations",
        "slug": "associations-en",
        "intro": "Find the association that can help you, near you and in your language. "
        "Demo records are fictional.",
    },
}
QUICK_LINK = {
    "fr": "Associations qui peuvent vous aider",
    "nl": "Verenigingen die u kunnen helpen",
    "en": "Associations that can help you",
}
EXAMPLE = {"fr": "exemple", "nl": "voorbeeld", "en": "example"}

# (key, {lang: (name, summary)}, needs, audiences, languages, flags)
KINDS = [
    (
        "devoirs",
        {
            "fr": ("École de devoirs", "Aide aux devoirs et soutien scolaire après l'école."),
            "nl": ("Huiswerkschool", "Huiswerkbegeleiding en schoolondersteuning na school."),
            "en": ("Homework club", "Homework help and school support after school."),
        },
        ["decrochage-scolaire"],
        ["enfants", "jeunes-12-17"],
        ["fr", "nl", "ar"],
        {"access_walk_in": True, "cost": "free"},
    ),
    (
        "refuge",
        {
            "fr": ("Refuge pour femmes", "Accueil et hébergement de femmes victimes de violences."),
            "nl": ("Vrouwenopvang", "Opvang en onderdak voor vrouwen die geweld ondergaan."),
            "en": ("Women's shelter", "Support and shelter for women facing violence."),
        },
        ["violence-familiale"],
        ["femmes"],
        ["fr", "nl", "en", "ar", "es"],
        {"access_phone": True, "anonymous": True, "emergency_line": True, "cost": "free"},
    ),
    (
        "abri",
        {
            "fr": ("Abri de nuit", "Un lit, une douche et un repas pour la nuit."),
            "nl": ("Nachtopvang", "Een bed, een douche en een maaltijd voor de nacht."),
            "en": ("Night shelter", "A bed, a shower and a meal for the night."),
        },
        ["sans-abrisme"],
        ["jeunes-adultes", "tout-public"],
        ["fr", "nl", "en"],
        {"access_walk_in": True, "anonymous": True, "cost": "free", "night": True},
    ),
    (
        "assuetudes",
        {
            "fr": ("Point info drogues", "Écoute, information et réduction des risques."),
            "nl": ("Drugsinfopunt", "Luisterend oor, informatie en schadebeperking."),
            "en": ("Drug information point", "Listening, information and harm reduction."),
        },
        ["assuetudes"],
        ["jeunes-adultes", "tout-public"],
        ["fr", "nl", "en", "es"],
        {"access_walk_in": True, "anonymous": True, "cost": "free"},
    ),
    (
        "mediation",
        {
            "fr": ("Médiation de quartier", "Aide pour régler un conflit entre voisins."),
            "nl": ("Buurtbemiddeling", "Hulp bij een conflict tussen buren."),
            "en": ("Neighbourhood mediation", "Help to settle a dispute between neighbours."),
        },
        ["conflit-voisinage"],
        ["tout-public", "seniors"],
        ["fr", "nl"],
        {"access_appointment": True, "cost": "free"},
    ),
    (
        "juridique",
        {
            "fr": ("Permanence juridique", "Premiers conseils juridiques gratuits."),
            "nl": ("Juridische permanentie", "Gratis eerste juridisch advies."),
            "en": ("Legal advice desk", "Free first legal advice."),
        },
        ["questions-juridiques"],
        ["tout-public", "parents"],
        ["fr", "nl", "en", "ar"],
        {"access_appointment": True, "cost": "sliding"},
    ),
    (
        "jeunesse",
        {
            "fr": ("Maison de jeunes", "Activités, sport et un lieu pour parler."),
            "nl": ("Jeugdhuis", "Activiteiten, sport en een plek om te praten."),
            "en": ("Youth centre", "Activities, sport and a place to talk."),
        },
        ["loisirs-jeunes"],
        ["jeunes-12-17"],
        ["fr", "nl", "ar"],
        {"access_walk_in": True, "access_outreach": True, "cost": "free"},
    ),
    (
        "parents",
        {
            "fr": ("Espace parents", "Écoute et ateliers pour les parents."),
            "nl": ("Ouderpunt", "Luisterend oor en workshops voor ouders."),
            "en": ("Parents' space", "Listening and workshops for parents."),
        },
        ["decrochage-scolaire", "violence-familiale"],
        ["parents"],
        ["fr", "nl", "en", "es"],
        {"access_appointment": True, "access_online": True, "cost": "paying"},
    ),
    (
        "arc-en-ciel",
        {
            "fr": ("Maison arc-en-ciel", "Accueil et écoute des personnes LGBTQI+."),
            "nl": ("Regenbooghuis", "Onthaal en luisterend oor voor LGBTQI+-personen."),
            "en": ("Rainbow house", "Welcome and listening for LGBTQI+ people."),
        },
        ["lgbtqi"],
        ["jeunes-adultes", "tout-public"],
        ["fr", "nl", "en"],
        {"access_walk_in": True, "anonymous": True, "access_online": True, "cost": "free"},
    ),
]
# (commune code, postcode, street, latitude, longitude, step-free)
PLACES = [
    ("ixelles", "1050", "Rue de l'Exemple", "50.8330", "4.3670", "yes"),
    ("saint-gilles", "1060", "Rue Fictive", "50.8280", "4.3450", "partial"),
    ("schaerbeek", "1030", "Avenue de la Démo", "50.8670", "4.3770", "no"),
]
COMMUNE_NAMES = {
    "ixelles": {"fr": "Ixelles", "nl": "Elsene", "en": "Ixelles"},
    "saint-gilles": {"fr": "Saint-Gilles", "nl": "Sint-Gillis", "en": "Saint-Gilles"},
    "schaerbeek": {"fr": "Schaerbeek", "nl": "Schaarbeek", "en": "Schaerbeek"},
}


def _vocab(model, field: str) -> dict[str, dict]:
    result: dict[str, dict] = {}
    for obj in model.objects.select_related("locale"):
        result.setdefault(getattr(obj, field), {})[obj.locale.language_code] = obj
    return result


def _hours(night: bool, variant: int):
    if night:
        return [(day, "20:00", "08:00") for day in range(7)]
    rows = [(day, "09:00", "12:30") for day in range(5)]
    rows += [(day, "13:30", "17:00") for day in range(variant % 2, 5, 2)]
    if variant == 2:
        rows.append((5, "10:00", "13:00"))
    return rows


def _location(place, number: int, night: bool, variant: int, name: str) -> AssociationLocation:
    commune, postcode, street, lat, lon, step_free = place
    location = AssociationLocation(
        name=name,
        street_address=f"{street} {number} (démo)",
        postcode=postcode,
        commune=commune,
        latitude=lat,
        longitude=lon,
        step_free_access=step_free,
        phone=f"+32 2 000 {10 + number:02d} {variant:02d}",
    )
    location.weekly_hours = [
        LocationWeeklyHours(
            weekday=day, opens=dt.time.fromisoformat(a), closes=dt.time.fromisoformat(b)
        )
        for day, a, b in _hours(night, variant)
    ]
    year = timezone.localdate().year
    location.hours_exceptions = [
        LocationHoursException(
            start_date=dt.date(year, 5, 8), end_date=dt.date(year, 5, 8), reason="Fête de l'Iris"
        ),
        LocationHoursException(
            start_date=dt.date(year, 12, 25),
            end_date=dt.date(year, 12, 25),
            reason="Noël / Kerstmis / Christmas",
        ),
    ]
    return location


def _fields(kind, place_index, code, vocab, number):
    key, texts, needs, audiences, languages, flags = kind
    flags = dict(flags)
    night = flags.pop("night", False)
    place = PLACES[place_index]
    commune = COMMUNE_NAMES[place[0]][code]
    name, summary = texts[code]
    title = f"{name} {commune} ({EXAMPLE[code]})"
    return {
        "title": title,
        "short_name": f"{key[:10].upper()}-{place[0][:3].upper()}",
        "intro": f"{summary} ({EXAMPLE[code].capitalize()}: fictional demo record.)",
        "description": f"<p>{summary}</p>",
        "needs": [vocab["needs"][s][code] for s in needs if code in vocab["needs"].get(s, {})],
        "audiences": [
            vocab["audiences"][s][code] for s in audiences if code in vocab["audiences"].get(s, {})
        ],
        "languages": [
            vocab["languages"][c][code] for c in languages if code in vocab["languages"].get(c, {})
        ],
        "interpretation": place_index == 0,
        "phone": f"+32 2 000 {number:02d} 00",
        "email": f"{key}-{place[0]}@example.org",
        "website": f"https://{key}-{place[0]}.example.org/",
        "commune_relation": ["funded", "agreement", "none"][place_index],
        "last_verified_on": timezone.localdate() - dt.timedelta(days=120 * (number % 5)),
        "import_key": f"demo-{key}-{place[0]}",
        "locations": [_location(place, number, night, place_index, f"{name} – {commune}")],
        **flags,
    }


def build_directories(homes) -> dict[str, DirectoryPage]:
    fr = DIRECTORY["fr"]
    page = ensure_page(homes["fr"], DirectoryPage, fr["slug"], title=fr["title"], intro=fr["intro"])
    return ensure_translations(page, {code: DIRECTORY[code] for code in ("nl", "en")})


def build_associations(directories) -> int:
    vocab = {
        "needs": _vocab(Need, "slug"),
        "audiences": _vocab(Audience, "slug"),
        "languages": _vocab(Language, "code"),
    }
    count = 0
    for kind_index, kind in enumerate(KINDS):
        for place_index in range(len(PLACES)):
            number = kind_index * len(PLACES) + place_index + 1
            slug = f"{kind[0]}-{PLACES[place_index][0]}"
            fields = _fields(kind, place_index, "fr", vocab, number)
            page = ensure_page(directories["fr"], AssociationPage, slug, **fields)
            ensure_translations(
                page,
                {
                    code: {
                        **_fields(kind, place_index, code, vocab, number),
                        "slug": f"{slug}-{code}",
                    }
                    for code in ("nl", "en")
                },
            )
            count += 1
    return count


def add_quick_link(homes, directories) -> None:
    for code, home in homes.items():
        home = HomePage.objects.get(pk=home.pk)
        target = directories[code].pk
        blocks = [
            {"type": "quick_link", "value": block.block.get_prep_value(block.value)}
            for block in home.quick_links
        ]
        if any(block["value"]["link"].get("page") == target for block in blocks):
            continue
        blocks.append(
            {
                "type": "quick_link",
                "value": {
                    "link": {"page": target, "url": "", "label": ""},
                    "description": QUICK_LINK[code],
                },
            }
        )
        home.quick_links = blocks[:8]
        home.save_revision().publish()


def load(stdout) -> None:
    homes = {
        home.locale.language_code: home
        for home in HomePage.objects.filter(depth=2).select_related("locale")
        if home.locale.language_code in LANGUAGE_CODES
    }
    directories = build_directories(homes)
    count = build_associations(directories)
    add_quick_link(homes, directories)
    stdout.write(f"Directory: {count} fictional associations in {', '.join(sorted(homes))}")
