"""A small youth-activities section on Friday 27 November 2026, 10:00 in Brussels.

| key | title | ages | themes | when | cost | registration | holidays |
| --- | --- | --- | --- | --- | --- | --- | --- |
| foot | Foot en salle | 12–17 | sport | Wed 14:00 | free | none (drop-in, LISA) | skip |
| devoirs | Aide aux devoirs | 8–14 | homework | Mon+Thu 16:00 | free | phone | skip |
| theatre | Atelier théâtre | 10–14 | culture | Sat 10:00 | €30 reduced | email | ignore (Flagey) |
| cirque | Stage cirque | 6–12 | culture | Mon–Fri 09:30 | €50 | email | only |
| debat | Soirée débat | 16–25 | citizenship | Tue 19:00 | free | none (drop-in) | ignore |
| ancien | Ancien atelier | 12–17 | sport | 7 Oct 2026 only | free | none | – |
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import recurrence
import time_machine
from django.core.cache import cache

from events.calendars import load_calendars
from events.models import CalendarPage, Series
from maison.activities.testing import (
    build_activity_index,
    build_themes,
    make_activity,
    translate_activity,
    weekly,
)
from maison.core.testing import translate
from maison.services.models import (
    PlacePage,
    PlacesIndexPage,
    PlaceWeeklyHours,
    PolePage,
    ServicesIndexPage,
)

BRUSSELS = ZoneInfo("Europe/Brussels")
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=BRUSSELS)
SCHOOL_YEAR_END = datetime(2027, 6, 25)


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def build_place_and_pole(home):
    """One place (open Monday–Friday 9:00–12:30) and one pôle, in French only (faster
    than the full services tree)."""
    places = _publish(home, PlacesIndexPage(title="Lieux", slug="lieux"))
    place = PlacePage(
        title="Antenne LISA Tulipe",
        slug="antenne-lisa",
        street_address="Rue de la Tulipe 00 (démo)",
        neighbourhood="Tulipe",
    )
    place.weekly_hours = [
        PlaceWeeklyHours(weekday=day, opens=time(9), closes=time(12, 30)) for day in range(5)
    ]
    place = _publish(places, place)
    services = _publish(home, ServicesIndexPage(title="Services", slug="services"))
    pole = _publish(
        services, PolePage(title="Accompagnement socio-éducatif", slug="socio", intro="Jeunes.")
    )
    return place, pole


@pytest.fixture
def world(site_tree, frozen):
    """Everything above, in fr (with nl/en translations of the index, the calendar and
    the foot activity)."""
    load_calendars()
    place, pole = build_place_and_pole(site_tree.home)
    themes = build_themes()
    calendar = CalendarPage(title="Agenda", slug="agenda")
    site_tree.home.add_child(instance=calendar)
    calendar.save_revision().publish()
    calendars = {"fr": calendar}
    for code in ("nl", "en"):
        calendars[code] = CalendarPage.objects.get(
            pk=translate(calendar, code, title=f"Agenda {code}", slug=f"agenda-{code}").pk
        )
    index = build_activity_index(site_tree)
    skip, only = Series.SchoolHolidays.SKIP, Series.SchoolHolidays.ONLY
    activities = {
        "foot": make_activity(
            index["fr"],
            "Foot en salle",
            min_age=12,
            max_age=17,
            themes=[themes["sport"]["fr"]],
            place=place,
            pole=pole,
            drop_in=True,
            series=[
                {
                    "school_holidays": skip,
                    "recurrence": weekly(recurrence.WE, until=SCHOOL_YEAR_END),
                }
            ],
        ),
        "devoirs": make_activity(
            index["fr"],
            "Aide aux devoirs",
            min_age=8,
            max_age=14,
            themes=[themes["aide-aux-devoirs"]["fr"]],
            place=place,
            registration="phone",
            series=[
                {
                    "start_date": date(2026, 8, 31),
                    "start_time": time(16, 0),
                    "end_time": time(17, 30),
                    "recurrence": weekly(recurrence.MO, recurrence.TH, until=SCHOOL_YEAR_END),
                    "school_holidays": skip,
                }
            ],
        ),
        "theatre": make_activity(
            index["fr"],
            "Atelier théâtre",
            min_age=10,
            max_age=14,
            themes=[themes["culture"]["fr"]],
            address="Salle fictive, rue de l'Exemple 3 (démo)",
            neighbourhood="Flagey",
            cost="reduced",
            cost_amount=30,
            registration="email",
            partner_name="Théâtre des Jeunes (démo)",
            series=[
                {
                    "start_date": date(2026, 9, 5),
                    "start_time": time(10, 0),
                    "end_time": time(12, 0),
                    "recurrence": weekly(recurrence.SA, until=SCHOOL_YEAR_END),
                }
            ],
        ),
        "cirque": make_activity(
            index["fr"],
            "Stage cirque",
            min_age=6,
            max_age=12,
            themes=[themes["culture"]["fr"]],
            cost="paid",
            cost_amount=50,
            registration="email",
            address="Parc fictif (démo)",
            neighbourhood="Flagey",
            series=[
                {
                    "start_date": date(2026, 10, 19),
                    "start_time": time(9, 30),
                    "end_time": time(16, 0),
                    "recurrence": recurrence.Recurrence(
                        rrules=[
                            recurrence.Rule(
                                recurrence.DAILY,
                                byday=[
                                    recurrence.MO,
                                    recurrence.TU,
                                    recurrence.WE,
                                    recurrence.TH,
                                    recurrence.FR,
                                ],
                                until=datetime(2027, 8, 27),
                            )
                        ]
                    ),
                    "school_holidays": only,
                }
            ],
        ),
        "debat": make_activity(
            index["fr"],
            "Soirée débat",
            min_age=16,
            max_age=25,
            themes=[themes["citoyennete"]["fr"]],
            drop_in=True,
            address="Local fictif (démo)",
            series=[
                {
                    "start_date": date(2026, 9, 1),
                    "start_time": time(19, 0),
                    "end_time": time(21, 0),
                    "recurrence": weekly(recurrence.TU, until=SCHOOL_YEAR_END),
                }
            ],
        ),
        "ancien": make_activity(
            index["fr"],
            "Ancien atelier",
            min_age=12,
            max_age=17,
            themes=[themes["sport"]["fr"]],
            series=[{"start_date": date(2026, 10, 7), "recurrence": None}],
        ),
    }
    translations = {
        "nl": translate_activity(activities["foot"], "nl", "Zaalvoetbal", pitch="Kom voetballen."),
        "en": translate_activity(
            activities["foot"], "en", "Indoor football", pitch="Come and play."
        ),
    }
    return {
        "index": index,
        "activities": activities,
        "foot_translations": translations,
        "themes": themes,
        "calendars": calendars,
        "place": place,
        "pole": pole,
    }


def titles(response) -> list[str]:
    """Titles of the result cards, in order."""
    import re

    html = response.content.decode()
    return re.findall(r'class="activity-card__title"><a href="[^"]*">([^<]*)</a>', html)
