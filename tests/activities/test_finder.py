"""The finder: each filter alone and combined, bad values, past dates, query counts."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from maison.activities.testing import make_activity

from .conftest import titles

pytestmark = pytest.mark.django_db

FOOT, DEVOIRS, THEATRE = "Foot en salle", "Aide aux devoirs", "Atelier théâtre"
CIRQUE, DEBAT = "Stage cirque", "Soirée débat"

# query -> titles expected, in order (soonest next matching date first). "Today" is Friday
# 27 November 2026; the next FWB school holidays run 21 December – 3 January.
CASES = [
    ("", [THEATRE, DEVOIRS, DEBAT, FOOT, CIRQUE]),
    # age: inside, outside, edges of each range
    ("age=12", [THEATRE, DEVOIRS, FOOT, CIRQUE]),
    ("age=15", [FOOT]),
    ("age=17", [DEBAT, FOOT]),  # foot: max edge; débat: 16–25
    ("age=18", [DEBAT]),
    ("age=6", [CIRQUE]),
    ("age=5", []),
    ("age=25", [DEBAT]),
    ("age=26", []),
    # theme
    ("theme=sport", [FOOT]),
    ("theme=culture", [THEATRE, CIRQUE]),
    # day of the week, from the real dates (the holiday course runs Monday–Friday in the
    # holidays only, so it is there on every weekday)
    ("day=1", [DEVOIRS, CIRQUE]),
    ("day=3", [FOOT, CIRQUE]),
    ("day=4", [DEVOIRS, CIRQUE]),
    ("day=6", [THEATRE]),
    ("day=7", []),
    # time of day
    ("time=after_school", [DEVOIRS, FOOT]),  # Mon 16:00; Wednesday afternoon 14:00
    ("time=evening", [DEBAT]),
    ("time=weekend", [THEATRE]),
    # where
    ("where=antenne-lisa", [DEVOIRS, FOOT]),
    ("where=area-flagey", [THEATRE, CIRQUE]),
    ("where=area-tulipe", [DEVOIRS, FOOT]),
    # flags
    ("free=1", [DEVOIRS, DEBAT, FOOT]),
    ("no_registration=1", [DEBAT, FOOT]),
    ("holidays=1", [CIRQUE, DEBAT, THEATRE]),  # 21 Dec 9:30, 22 Dec 19:00, 26 Dec 10:00
    # combined
    ("age=12&free=1", [DEVOIRS, FOOT]),
    ("age=12&theme=culture&holidays=1", [CIRQUE, THEATRE]),
    ("age=12&theme=culture&holidays=1&day=6", [THEATRE]),
    ("free=1&no_registration=1&time=evening", [DEBAT]),
    ("age=16&day=2&time=evening&free=1", [DEBAT]),
    ("age=12&time=evening", []),
]


def test_each_filter_alone_and_combined(client, world):
    url = world["index"]["fr"].url
    wrong = []
    for query, expected in CASES:
        response = client.get(f"{url}?{query}")
        assert response.status_code == 200, query
        found = titles(response)
        count = f'class="finder-results__count">{len(expected)} activit'
        if found != expected or count not in response.content.decode():
            wrong.append((query, found, expected))
    assert not wrong, "\n".join(f"?{q}: got {g}, expected {e}" for q, g, e in wrong)


def test_the_shown_date_is_the_next_matching_one(client, world):
    html = client.get(world["index"]["fr"].url + "?day=4").content.decode()
    # Homework club: Mondays and Thursdays; with "Thursday" the card shows Thursday 3 Dec.
    assert 'datetime="2026-12-03T16:00:00+01:00"' in html
    assert 'datetime="2026-11-30T16:00:00+01:00"' not in html


def test_filters_stay_in_the_form_and_the_empty_state_suggests_what_to_drop(client, world):
    url = world["index"]["fr"].url
    html = client.get(url + "?age=12&time=evening").content.decode()
    assert 'name="age" value="12"' in html
    assert '<option value="evening" selected>' in html
    assert "Aucune activité à venir ne correspond à tous ces filtres." in html
    # Without the age, the evening debate; without the time of day, four activities.
    assert f'href="{url}?time=evening"' in html
    assert f'href="{url}?age=12"' in html
    assert "Sans « Âge » : 1 activité" in html
    assert "Sans « Moment de la journée » : 4 activités" in html


BAD_QUERIES = [
    "age=-3",
    "age=abc",
    "age=99999999999999999999",
    "age=" + "9" * 500,
    "theme=unknown",
    "theme=%00",
    "day=9",
    "day=0",
    "day=lundi",
    "time=noon",
    "where=nowhere",
    "free=maybe",
    "holidays=2",
    "page=x",
    "page=999",
]


def test_bad_values_give_a_corrected_view_with_a_notice(client, world):
    for query in BAD_QUERIES:
        response = client.get(world["index"]["fr"].url + "?" + query + "&no_registration=1")
        assert response.status_code == 200, query
        html = response.content.decode()
        assert 'class="calendar-notice" role="status"' in html, query
        assert '<meta name="robots" content="noindex">' in html, query
        # The valid filter still applies.
        assert titles(response) == [DEBAT, FOOT], query


def test_past_only_and_cancelled_only_activities_drop_out(client, world):
    url = world["index"]["fr"].url
    assert "Ancien atelier" not in titles(client.get(url + "?theme=sport"))
    # Cancel every upcoming date of the debate: it leaves the finder.
    from maison.activities.models import upcoming_dates

    debat = world["activities"]["debat"]
    for occurrence in upcoming_dates().filter(series__page=debat):
        occurrence.cancel("Plus de salle")
    assert DEBAT not in titles(client.get(url))


def test_a_date_in_progress_is_still_upcoming(client, world, frozen):
    frozen.move_to("2026-11-28 11:00+01:00")  # the theatre workshop runs 10:00-12:00
    html = client.get(world["index"]["fr"].url + "?day=6").content.decode()
    assert 'datetime="2026-11-28T10:00:00+01:00"' in html


def test_a_cards_next_date_moves_on_when_that_date_ends_without_any_save(client, world, frozen):
    """Cards are cached (core/templatetags/fragments.py) with their next date in the key."""
    url = world["index"]["fr"].url + "?day=6"
    frozen.move_to("2026-11-28 11:59:30+01:00")  # the theatre workshop ends at 12:00
    first = client.get(url).content.decode()
    assert 'datetime="2026-11-28T10:00:00+01:00"' in first
    assert client.get(url).content.decode() == first  # the card from the cache
    frozen.move_to("2026-11-28 12:00:00+01:00")
    later = client.get(url).content.decode()
    assert 'datetime="2026-11-28T10:00:00+01:00"' not in later
    assert 'datetime="2026-12-05T10:00:00+01:00"' in later


def test_query_count_does_not_depend_on_the_number_of_activities(client, world):
    index = world["index"]["fr"]
    sport = world["themes"]["sport"]["fr"]

    def add(count, offset):
        for number in range(offset, offset + count):
            make_activity(
                index,
                f"Activité {number}",
                slug=f"activite-{number}",
                themes=[sport],
                min_age=10,
                max_age=20,
                fast=True,
                series=[
                    {
                        "recurrence": None,
                        "start_date": date(2026, 12, 2 + number % 20),
                    }
                ],
            )

    url = index.url + "?age=12&theme=sport&free=1"
    add(10, 0)  # 15 activities in all
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add(135, 10)  # 150
    client.get(url)  # saving pages started a new navigation version: warm it again
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.status_code == 200
    assert 'rel="next"' in response.content.decode()  # 12 a page
    assert len(many) == len(few), [q["sql"][:100] for q in many.captured_queries]
    assert len(many) <= 12  # the budget per page


def test_cached_regions_show_a_cancellation_at_once(client, world, settings):
    from maison.activities.models import upcoming_dates

    settings.CONTENT_CACHE_ENABLED = True
    url = world["index"]["fr"].url
    assert DEBAT in titles(client.get(url))
    for occurrence in upcoming_dates().filter(series__page=world["activities"]["debat"]):
        occurrence.cancel("Plus de salle")
    assert DEBAT not in titles(client.get(url))
