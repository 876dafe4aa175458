"""The calendar views and event pages with the cached regions on, as in production
(``core.content_cache.region_cached``): the views hand their templates lazy values, so a
request whose regions come from the cache runs none of their queries. It still shows what
it must, exactly as with the cache off: the dates of its own query string, its notices and
its head (title, robots), and an editor's change at once (a save starts a new content
version)."""

from datetime import date, time

import pytest
import recurrence

from events.models import EventPage

from .conftest import make_event, weekly

pytestmark = pytest.mark.django_db

NOTICE = 'class="calendar-notice" role="status"'
NOINDEX = '<meta name="robots" content="noindex">'


@pytest.fixture
def dates(calendar_page, room, frozen):
    """A weekly date for teenagers in a room from 2 December 2026 (about 80 dates, so four
    pages of 20 in the list), and one for children on 3 December."""
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
        series=[{"start_date": date(2026, 12, 3), "recurrence": None}],
    )


# "Ados" on 2 and 9 December, "Enfants" on 3 December.
WED_2_DEC = '<time datetime="2026-12-02T14:00:00+01:00">'
THU_3_DEC = '<time datetime="2026-12-03T14:00:00+01:00">'
WED_9_DEC = '<time datetime="2026-12-09T14:00:00+01:00">'
# The 21st date of the list, the first of its page 2: the 20th Wednesday of "Ados".
WED_14_APR = '<time datetime="2027-04-14T14:00:00+02:00">'

# suffix of the calendar URL -> what the page shows, what it does not
VIEWS = {
    "": ([WED_2_DEC, THU_3_DEC, WED_9_DEC], [NOINDEX, NOTICE, WED_14_APR]),
    "?age=14": ([WED_2_DEC, WED_9_DEC, NOINDEX, "ics/?age=14"], [THU_3_DEC]),
    "?room={room}": ([WED_2_DEC, NOINDEX], [THU_3_DEC]),
    "?page=2": ([WED_14_APR, NOINDEX], [WED_2_DEC, NOTICE]),
    "?page=999": ([NOTICE, "Cette page de résultats n&#x27;existe pas", NOINDEX], [WED_2_DEC]),
    "?age=abc": ([NOTICE, NOINDEX, WED_2_DEC, THU_3_DEC], []),
    "month/?year=2026&month=12": (
        ["<title>décembre 2026 – Agenda", WED_2_DEC, THU_3_DEC, "2026-12-30T14:00"],
        [NOTICE],
    ),
    "month/?year=2026&month=13": ([NOTICE, "<title>novembre 2026 – Agenda"], [WED_2_DEC]),
    "week/?date=2026-12-02": ([WED_2_DEC, THU_3_DEC, NOINDEX], [WED_9_DEC]),
    "week/?date=2026-12-02&age=8": ([THU_3_DEC, "Rien de prévu.", NOINDEX], [WED_2_DEC]),
}


def test_the_calendar_views_come_from_the_cache_as_they_render_without_it(
    client, calendar_page, room, dates, warm, settings
):
    # One test for every view (the dates are built once: CI time).
    for suffix, (present, absent) in VIEWS.items():
        url = calendar_page.url + suffix.format(room=room.pk)
        settings.CONTENT_CACHE_ENABLED = False
        uncached = client.get(url).content.decode()
        html = warm(url).content.decode()  # turns the regions on
        assert html == uncached, suffix
        for text in present:
            assert text in html, (suffix, text)
        for text in absent:
            assert text not in html, (suffix, text)


def test_an_event_page_comes_from_the_cache_as_it_renders_without_it(
    client, calendar_page, frozen, warm
):
    page = make_event(
        calendar_page,
        title="Portes ouvertes",
        series=[{"start_date": date(2026, 12, 2), "recurrence": weekly(recurrence.WE, count=3)}],
    )
    uncached = client.get(page.url).content.decode()  # the test settings turn the regions off
    html = warm(page.url).content.decode()
    assert html == uncached
    assert html.count('"eventStatus": "https://schema.org/EventScheduled"') == 3  # JSON-LD
    assert WED_2_DEC in html and "2026-12-16T14:00" in html
    assert f"webcal://testserver{calendar_page.url}ics/{page.pk}/" in html


def test_an_editor_s_change_shows_at_once_with_the_cache_on(client, calendar_page, frozen, warm):
    page = make_event(
        calendar_page, title="Portes ouvertes", series=[{"start_date": date(2026, 12, 2)}]
    )
    urls = [page.url, calendar_page.url, calendar_page.url + "week/?date=2026-12-09"]
    for url in urls:
        assert "Portes ouvertes" in warm(url).content.decode()

    # The editor moves the dates to 15:00 and renames the event, then publishes it.
    series = page.series.get()
    series.start_time, series.end_time = time(15), time(17)
    series.save()
    page = EventPage.objects.get(pk=page.pk)
    page.title = "Journée portes ouvertes"
    page.save_revision().publish()
    for url in urls:
        html = client.get(url).content.decode()
        assert "Journée portes ouvertes" in html, url
        assert "2026-12-09T15:00:00+01:00" in html and "2026-12-09T14:00" not in html, url

    # Then cancels one date: the event page and its JSON-LD say so at once.
    page.series.get().occurrences.get(original_date=date(2026, 12, 9)).cancel("Grève")
    for url in urls:
        html = client.get(url).content.decode()
        assert "Grève" in html and "event-entry--cancelled" in html, url
    assert (
        '"eventStatus": "https://schema.org/EventCancelled"'
        in client.get(page.url).content.decode()
    )
