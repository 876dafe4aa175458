"""Demo content of the events app (idempotent): holiday calendars, rooms of the Maison, a
calendar page in FR/NL/EN, a school year of youth workshops (weekly, some skipping school
holidays, one holiday-only course), a cancelled and a moved date, and two one-off events.

ActivityPage does not exist yet, so the workshops are EventPages for now; the activities
app will own such series once it lands. Every detail here is fictional.
"""

from datetime import date, datetime, time

import recurrence
from wagtail.models import Locale

from maison.core.demo_tools import ensure_page, ensure_translations
from maison.core.models import HomePage

from .bookings.demo import load_staff_bookings
from .bookings.demo_requests import load_partner_requests
from .calendars import load_calendars
from .models import CalendarPage, EventPage, Occurrence, Room, Series

ROOMS = [
    # name, floor, capacity, step-free
    ("Salle polyvalente", 0, 60, True),
    ("Espace jeunesse", 0, 25, True),
    ("Salle de réunion 1", 1, 12, True),
    ("Atelier créatif", 1, 16, False),
]

CALENDAR = {
    "fr": {"title": "Agenda", "intro": "Ateliers, stages et rencontres de la Prévention."},
    "nl": {
        "title": "Agenda",
        "slug": "agenda-nl",
        "intro": "Workshops, vakantiestages en ontmoetingen van de Preventiedienst.",
    },
    "en": {
        "title": "Calendar",
        "slug": "calendar-en",
        "intro": "Workshops, holiday courses and meetings of the prevention service.",
    },
}

WEEKLY = recurrence.WEEKLY
DAILY = recurrence.DAILY
SCHOOL_YEAR_END = datetime(2027, 6, 25)

# slug, {lang: (title, intro)}, ages, series specs
EVENTS = [
    (
        "atelier-hip-hop",
        {
            "fr": ("Atelier hip-hop", "Danse et écriture, chaque mercredi après l'école."),
            "nl": ("Hiphopworkshop", "Dans en schrijven, elke woensdag na school."),
            "en": ("Hip-hop workshop", "Dance and writing, every Wednesday after school."),
        },
        (12, 17),
        [
            {
                "title": "",
                "start_date": date(2026, 9, 2),
                "start_time": time(14, 0),
                "end_time": time(16, 0),
                "rule": recurrence.Rule(WEEKLY, byday=[recurrence.WE], until=SCHOOL_YEAR_END),
                "room": "Espace jeunesse",
                "school_holidays": Series.SchoolHolidays.SKIP,
            }
        ],
    ),
    (
        "aide-aux-devoirs",
        {
            "fr": ("Aide aux devoirs", "Un coup de main pour les devoirs, le lundi et le jeudi."),
            "nl": ("Huiswerkbegeleiding", "Hulp bij het huiswerk, op maandag en donderdag."),
            "en": ("Homework club", "Help with homework on Mondays and Thursdays."),
        },
        (8, 14),
        [
            {
                "title": "",
                "start_date": date(2026, 8, 31),
                "start_time": time(16, 0),
                "end_time": time(17, 30),
                "rule": recurrence.Rule(
                    WEEKLY, byday=[recurrence.MO, recurrence.TH], until=SCHOOL_YEAR_END
                ),
                "room": "Salle de réunion 1",
                "school_holidays": Series.SchoolHolidays.SKIP,
            }
        ],
    ),
    (
        "atelier-theatre",
        {
            "fr": ("Atelier théâtre", "Improvisation et jeu, le samedi matin."),
            "nl": ("Theaterworkshop", "Improvisatie en spel, op zaterdagochtend."),
            "en": ("Theatre workshop", "Improvisation and acting on Saturday mornings."),
        },
        (10, 14),
        [
            {
                "title": "",
                "start_date": date(2026, 9, 5),
                "start_time": time(10, 0),
                "end_time": time(12, 0),
                "rule": recurrence.Rule(WEEKLY, byday=[recurrence.SA], until=SCHOOL_YEAR_END),
                "room": "Atelier créatif",
                "school_holidays": Series.SchoolHolidays.IGNORE,
            }
        ],
    ),
    (
        "stage-multisport",
        {
            "fr": ("Stage multisport", "Pendant les congés scolaires, du lundi au vendredi."),
            "nl": ("Multisportstage", "Tijdens de schoolvakanties, van maandag tot vrijdag."),
            "en": ("Multi-sport holiday course", "During school holidays, Monday to Friday."),
        },
        (8, 12),
        [
            {
                "title": "",
                "start_date": date(2026, 10, 19),
                "start_time": time(9, 30),
                "end_time": time(16, 0),
                "rule": recurrence.Rule(
                    DAILY,
                    byday=[
                        recurrence.MO,
                        recurrence.TU,
                        recurrence.WE,
                        recurrence.TH,
                        recurrence.FR,
                    ],
                    until=datetime(2027, 8, 27),
                ),
                "room": "Salle polyvalente",
                "school_holidays": Series.SchoolHolidays.ONLY,
            }
        ],
    ),
    (
        "portes-ouvertes",
        {
            "fr": ("Journée portes ouvertes", "Visitez la Maison de la Prévention et ses équipes."),
            "nl": ("Opendeurdag", "Bezoek het Huis van de Preventie en zijn teams."),
            "en": ("Open day", "Visit the Maison de la Prévention and meet its teams."),
        },
        (None, None),
        [
            {
                "title": "",
                "start_date": date(2027, 3, 20),
                "start_time": time(10, 0),
                "end_time": time(16, 0),
                "rule": None,
                "room": "Salle polyvalente",
                "school_holidays": Series.SchoolHolidays.IGNORE,
            }
        ],
    ),
    (
        "seance-information-prime-securisation",
        {
            "fr": (
                "Séance d'information : la prime de sécurisation",
                "Comment protéger son logement contre les cambriolages, et la prime communale.",
            ),
            "nl": (
                "Infosessie: de beveiligingspremie",
                "Hoe u uw woning beschermt tegen inbraak, en de gemeentelijke premie.",
            ),
            "en": (
                "Information session: the home-security grant",
                "How to protect your home against burglary, and the municipal grant.",
            ),
        },
        (18, None),
        [
            {
                "title": "",
                "start_date": date(2026, 12, 10),
                "start_time": time(18, 30),
                "end_time": time(20, 0),
                "rule": None,
                "room": "Salle de réunion 1",
                "school_holidays": Series.SchoolHolidays.IGNORE,
            }
        ],
    ),
]


# slug -> (pôle slug, place slug, need slugs, audience slugs), French pages of the services demo
EVENT_TOPICS = {
    "atelier-hip-hop": (
        "accompagnement-socio-educatif",
        "maison-de-la-prevention",
        ["loisirs-jeunes"],
        ["jeunes-12-17"],
    ),
    "aide-aux-devoirs": (
        "accompagnement-socio-educatif",
        "antenne-lisa-tulipe",
        ["decrochage-scolaire"],
        ["enfants", "jeunes-12-17"],
    ),
    "atelier-theatre": (
        "accompagnement-socio-educatif",
        "maison-de-la-prevention",
        ["loisirs-jeunes"],
        ["jeunes-12-17", "jeunes-adultes"],
    ),
    "stage-multisport": (
        "accompagnement-socio-educatif",
        "maison-de-la-prevention",
        ["loisirs-jeunes"],
        ["enfants"],
    ),
    "portes-ouvertes": ("coordination", "maison-de-la-prevention", [], ["tout-public"]),
    "seance-information-prime-securisation": (
        "coordination",
        "maison-de-la-prevention",
        ["cambriolage"],
        ["tout-public"],
    ),
}


def topic_fields(slug: str) -> dict:
    """Pôle, place, needs and audiences of a demo event (when the services demo ran)."""
    from maison.services.models import Audience, Need, PlacePage, PolePage

    pole_slug, place_slug, needs, audiences = EVENT_TOPICS.get(slug, (None, None, [], []))
    fr = {"locale__language_code": "fr"}
    return {
        "pole": PolePage.objects.filter(slug=pole_slug, **fr).first(),
        "place": PlacePage.objects.filter(slug=place_slug, **fr).first(),
        "needs": list(Need.objects.filter(slug__in=needs, **fr)),
        "audiences": list(Audience.objects.filter(slug__in=audiences, **fr)),
    }


def ensure_rooms() -> dict[str, Room]:
    rooms = {}
    for name, floor, capacity, step_free in ROOMS:
        rooms[name], _created = Room.objects.update_or_create(
            name=name, defaults={"floor": floor, "capacity": capacity, "step_free": step_free}
        )
    return rooms


def ensure_series(page, specs, rooms):
    for order, spec in enumerate(specs):
        rule = spec["rule"]
        Series.objects.update_or_create(
            page=page,
            sort_order=order,
            defaults={
                "title": spec["title"],
                "start_date": spec["start_date"],
                "start_time": spec["start_time"],
                "end_time": spec["end_time"],
                "recurrence": recurrence.Recurrence(rrules=[rule]) if rule else None,
                "room": rooms[spec["room"]],
                "school_holidays": spec["school_holidays"],
            },
        )
    # Publish again so that the page's latest revision holds these series.
    page = EventPage.objects.get(pk=page.pk)
    page.save_revision().publish()
    return page


def apply_exceptions(rooms) -> None:
    hip_hop = Series.objects.get(page__slug="atelier-hip-hop", page__locale__language_code="fr")
    cancelled = hip_hop.occurrences.filter(original_date=date(2026, 12, 16)).first()
    if cancelled and not cancelled.is_cancelled:
        cancelled.cancel("L'animateur est en formation ce jour-là (démo).")
    theatre = Series.objects.get(page__slug="atelier-theatre", page__locale__language_code="fr")
    moved = theatre.occurrences.filter(original_date=date(2027, 1, 16)).first()
    if moved and not moved.is_moved:
        from .scheduling import make_aware

        moved.move(
            make_aware(datetime(2027, 1, 17, 14, 0)),
            make_aware(datetime(2027, 1, 17, 16, 0)),
            room=rooms["Salle polyvalente"],
            note="Déplacé au dimanche pour le spectacle de fin de trimestre (démo).",
        )


def load(stdout) -> None:
    created, updated = load_calendars()
    stdout.write(f"Holiday calendars: {created} created, {updated} updated")
    rooms = ensure_rooms()
    home = HomePage.objects.filter(depth=2, locale__language_code="fr").first()
    if home is None:
        stdout.write("No French home page: run the core demo first.")
        return
    calendar_page = ensure_page(home, CalendarPage, "agenda", **CALENDAR["fr"])
    ensure_translations(calendar_page, {"nl": CALENDAR["nl"], "en": CALENDAR["en"]})
    for slug, texts, (min_age, max_age), specs in EVENTS:
        title, intro = texts["fr"]
        page = ensure_page(
            calendar_page,
            EventPage,
            slug,
            title=title,
            intro=intro,
            min_age=min_age,
            max_age=max_age,
            **topic_fields(slug),
        )
        page = ensure_series(page, specs, rooms)
        ensure_translations(
            page,
            {
                code: {"title": texts[code][0], "intro": texts[code][1], "slug": f"{slug}-{code}"}
                for code in ("nl", "en")
            },
        )
    apply_exceptions(rooms)
    count = Occurrence.objects.filter(
        series__page__locale=Locale.objects.get(language_code="fr")
    ).count()
    stdout.write(f"Events: {len(EVENTS)} pages, {len(rooms)} rooms, {count} dates")
    load_staff_bookings(stdout)
    load_partner_requests(stdout)
