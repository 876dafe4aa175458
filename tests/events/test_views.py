"""Public calendar views: what a visitor sees, bad query strings, query counts."""

import json
import re
from datetime import date, datetime, time, timedelta

import pytest
import recurrence
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase

from events.models import CalendarPage, EventPage
from maison.core.testing import translate

from .conftest import BRUSSELS, NOW, make_event, weekly

pytestmark = pytest.mark.django_db


def test_page_tree_rules():
    case = WagtailPageTestCase()
    from maison.core.models import HomePage

    case.assertAllowedParentPageTypes(CalendarPage, {HomePage})
    case.assertAllowedParentPageTypes(EventPage, {CalendarPage})
    case.assertAllowedSubpageTypes(EventPage, set())


@pytest.mark.parametrize(
    "query",
    [
        "month/?month=13",
        "month/?month=0&year=2026",
        "month/?year=99999",
        "month/?year=abc&month=%00",
        "month/?year=-5",
        "week/?date=2026-02-30",
        "week/?date=99999-01-01",
        "week/?date=%FF%FE",
        "?page=x",
        "?page=999999",
        "?page=-1",
        "?age=abc",
        "?age=-3",
        "?age=99999999999999999999",
        "?room=abc",
        "?room=424242",
        "?age=" + "9" * 500,
    ],
)
def test_bad_query_strings_give_a_corrected_view(client, calendar_page, query):
    response = client.get(calendar_page.url + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="calendar-notice" role="status"' in html or (
        "page=" in query and "999999" not in query
    )
    assert '<meta name="robots" content="noindex">' in html or query.startswith("?page=")


def test_month_13_falls_back_to_the_current_month(client, calendar_page, frozen):
    html = client.get(calendar_page.url + "month/?month=13&year=2026").content.decode()
    assert re.search(r'<h2 id="month-title">novembre 2026</h2>', html)


def test_cancelled_dates_stay_visible_with_their_reason(client, calendar_page, frozen):
    page = make_event(calendar_page, title="Theatre", series=[{"start_date": date(2026, 12, 2)}])
    page.series.get().occurrences.get(original_date=date(2026, 12, 9)).cancel("Salle en travaux")
    for url in (calendar_page.url, calendar_page.url + "week/?date=2026-12-09", page.url):
        html = client.get(url).content.decode()
        assert "Salle en travaux" in html
        assert "event-entry--cancelled" in html
    month = client.get(calendar_page.url + "month/?year=2026&month=12").content.decode()
    assert 'class="is-cancelled"' in month and "Salle en travaux" in month


def test_an_event_in_progress_is_still_upcoming(client, calendar_page, frozen):
    # Today 27 Nov 2026, 10:00: a 9:00-12:00 session is in progress.
    make_event(
        calendar_page,
        title="En cours",
        series=[
            {
                "start_date": date(2026, 11, 27),
                "recurrence": None,
                "start_time": time(9),
                "end_time": time(12),
            }
        ],
    )
    make_event(
        calendar_page,
        title="Fini",
        series=[
            {
                "start_date": date(2026, 11, 27),
                "recurrence": None,
                "start_time": time(7),
                "end_time": time(9),
            }
        ],
    )
    html = client.get(calendar_page.url).content.decode()
    assert "En cours" in html and "Fini" not in html
    assert "Aujourd" in html  # "Today" heading, in French


def test_age_and_place_filters_and_shareable_urls(client, calendar_page, room, frozen):
    make_event(
        calendar_page,
        title="Ados",
        min_age=12,
        max_age=17,
        series=[{"start_date": date(2026, 12, 2), "room": room}],
    )
    make_event(
        calendar_page,
        title="Enfants",
        min_age=6,
        max_age=11,
        series=[{"start_date": date(2026, 12, 3)}],
    )
    make_event(calendar_page, title="Famille", series=[{"start_date": date(2026, 12, 4)}])
    html = client.get(calendar_page.url + "?age=14").content.decode()
    assert "Ados" in html and "Famille" in html and "Enfants" not in html
    html = client.get(calendar_page.url + f"?room={room.pk}").content.decode()
    assert "Ados" in html and "Enfants" not in html and "Famille" not in html
    # The feed link keeps the filter (shareable, and the per-filter feed).
    assert "ics/?age=14" in client.get(calendar_page.url + "?age=14").content.decode()
    month = client.get(calendar_page.url + "month/?year=2026&month=12&age=8").content.decode()
    assert "Enfants" in month and "Ados" not in month
    assert 'name="year" value="2026"' in month


def test_translated_calendar_shows_translated_titles(client, calendar_page, site_tree, frozen):
    page = make_event(
        calendar_page, title="Atelier cuisine", series=[{"start_date": date(2026, 12, 2)}]
    )
    calendar_nl = translate(calendar_page, "nl", title="Agenda", slug="agenda-nl")
    translate(page, "nl", title="Kookworkshop", slug="kookworkshop")
    calendar_nl = CalendarPage.objects.get(pk=calendar_nl.pk)
    html = client.get(calendar_nl.url).content.decode()
    assert "Kookworkshop" in html and "Atelier cuisine" not in html
    assert 'lang="nl"' in html
    # Translating did not duplicate the series: one set of dates.
    assert (
        page.series.count() == 1 and calendar_nl.get_children().first().specific.series.count() == 0
    )


def _make_many(calendar_page, count, offset):
    for index in range(count):
        make_event(
            calendar_page,
            title=f"Serie {offset + index}",
            series=[{"start_date": date(2026, 12, 1) + timedelta(days=index % 7)}],
        )


@pytest.mark.parametrize(
    "suffix", ["", "month/?year=2026&month=12", "week/?date=2026-12-09", "ics/"]
)
def test_query_count_does_not_grow_with_the_number_of_series(client, calendar_page, frozen, suffix):
    _make_many(calendar_page, 5, 0)
    client.get(calendar_page.url + suffix)  # warm caches (site root paths…)
    with CaptureQueriesContext(connection) as few:
        assert client.get(calendar_page.url + suffix).status_code == 200
    _make_many(calendar_page, 45, 5)
    # Saving pages starts a new navigation version: warm the cached chrome again, so both
    # counts are the steady state and only the calendar's own queries are compared.
    client.get(calendar_page.url + suffix)
    with CaptureQueriesContext(connection) as many:
        assert client.get(calendar_page.url + suffix).status_code == 200
    assert len(many) == len(few), [q["sql"][:120] for q in many.captured_queries]
    assert len(many) <= 12  # filter choices cached under the navigation version


def test_event_page_shows_next_dates_json_ld_and_feed(client, calendar_page, frozen):
    page = make_event(
        calendar_page, title="Portes ouvertes", series=[{"start_date": date(2026, 12, 2)}]
    )
    series = page.series.get()
    series.occurrences.get(original_date=date(2026, 12, 9)).cancel("Grève")
    series.occurrences.get(original_date=date(2026, 12, 16)).move(
        datetime(2026, 12, 17, 10, tzinfo=BRUSSELS)
    )
    html = client.get(page.url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    statuses = {item["startDate"][:10]: item["eventStatus"] for item in data}
    assert statuses["2026-12-02"] == "https://schema.org/EventScheduled"
    assert statuses["2026-12-09"] == "https://schema.org/EventCancelled"
    assert statuses["2026-12-17"] == "https://schema.org/EventRescheduled"
    assert data[0]["startDate"] == "2026-12-02T14:00:00+01:00"
    assert f"webcal://testserver{calendar_page.url}ics/{page.pk}/" in html
    assert "calendar.google.com" in html and "outlook.live.com" in html


def test_home_page_lists_next_events(client, calendar_page, site_tree, frozen):
    make_event(calendar_page, title="Atelier rap", series=[{"start_date": date(2026, 12, 2)}])
    html = client.get(site_tree.home.url).content.decode()
    assert 'id="home-events-title"' in html and "Atelier rap" in html
    assert f'href="{calendar_page.url}"' in html


def test_home_next_events_are_rendered_once_per_slot_and_follow_edits_and_time(
    client, calendar_page, site_tree, frozen
):
    """The section is the same for every visitor: cached per 5-minute slot of the clock
    (SECTION_CACHE_SECONDS) and content version. A new event shows at once; a date that
    has ended leaves the home in the next slot."""
    start = NOW + timedelta(minutes=30)
    make_event(
        calendar_page,
        title="Atelier court",
        series=[
            {
                "start_date": start.date(),
                "start_time": time(10, 30),
                "end_time": time(10, 45),
                "recurrence": None,  # once
            }
        ],
    )
    assert "Atelier court" in client.get(site_tree.home.url).content.decode()
    with CaptureQueriesContext(connection) as second:
        client.get(site_tree.home.url)
    assert not [q for q in second.captured_queries if '"events_occurrence"' in q["sql"]]

    make_event(calendar_page, title="Atelier rap", series=[{"start_date": date(2026, 12, 2)}])
    html = client.get(site_tree.home.url).content.decode()
    assert "Atelier rap" in html and "Atelier court" in html  # an edit shows at once

    frozen.move_to(NOW + timedelta(minutes=50))  # "Atelier court" ended at 10:45
    html = client.get(site_tree.home.url).content.decode()
    assert "Atelier rap" in html and "Atelier court" not in html


def test_entries_are_rendered_once_and_a_cancellation_shows_at_once(client, calendar_page, frozen):
    """Calendar entries come from the cache (events/templatetags/calendar_entries.py)
    until an editor changes something: then the list shows the change on the next request."""
    from django.test.signals import template_rendered

    page = make_event(
        calendar_page,
        title="Atelier slam",
        series=[{"start_date": date(2026, 12, 2), "recurrence": weekly(recurrence.WE, count=3)}],
    )
    rendered = []

    def record(sender, template, **kwargs):
        if template.name == "events/includes/entry.html":
            rendered.append(template.name)

    template_rendered.connect(record)
    try:
        first = client.get(calendar_page.url).content.decode()
        assert len(rendered) == 3 and first.count("Atelier slam") >= 3
        assert client.get(calendar_page.url).content.decode() == first
        assert len(rendered) == 3  # the second request rendered no entry
        occurrence = page.series.first().occurrences.order_by("start").first()
        occurrence.cancel("Animateur malade")
        html = client.get(calendar_page.url).content.decode()
    finally:
        template_rendered.disconnect(record)
    assert "Animateur malade" in html and "event-entry--cancelled" in html


def test_month_view_is_a_table_with_headers(client, calendar_page, frozen):
    make_event(
        calendar_page,
        title="Atelier",
        series=[{"start_date": date(2026, 12, 2), "recurrence": weekly(recurrence.WE)}],
    )
    html = client.get(calendar_page.url + "month/?year=2026&month=12").content.decode()
    assert html.count('<th scope="col">') == 7
    assert "<caption" in html
    assert html.count('<time datetime="2026-12-') >= 5
    assert NOW  # frozen "today" is 27 November 2026
