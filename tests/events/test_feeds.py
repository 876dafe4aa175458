"""ICS feeds: parse, expand to exactly the dates the HTML shows, DST, visibility."""

import re
from datetime import date, datetime, time, timedelta

import icalendar
import pytest
import recurring_ical_events
from wagtail.models import PageViewRestriction

from events.models import Series

from .conftest import BRUSSELS, NOW, make_event, weekly

pytestmark = pytest.mark.django_db

START_RE = re.compile(r'class="event-entry__time">.*?<time datetime="([^"]+)"', re.S)


def html_starts(client, url):
    html = client.get(url).content.decode()
    return {datetime.fromisoformat(value) for value in START_RE.findall(html)}, html


def feed_events(client, url, start=NOW, end=NOW + timedelta(days=600)):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return (
        calendar,
        recurring_ical_events.of(calendar).between(start, end),
        response.content.decode(),
    )


@pytest.fixture
def busy_calendar(calendar_page, calendars, room, frozen, settings):
    settings.EVENTS_PER_PAGE = 1000
    workshop = make_event(
        calendar_page,
        title="Hip hop",
        series=[
            {
                "start_date": date(2026, 9, 2),
                "recurrence": weekly(__import__("recurrence").WE, until=datetime(2027, 6, 23)),
                "school_holidays": Series.SchoolHolidays.SKIP,
                "room": room,
            }
        ],
    )
    series = workshop.series.get()
    series.occurrences.get(original_date=date(2026, 12, 9)).cancel("Animateur malade")
    series.occurrences.get(original_date=date(2026, 12, 16)).move(
        datetime(2026, 12, 17, 10, 0, tzinfo=BRUSSELS), note="Jeudi exceptionnellement"
    )
    series.add_extra_date(datetime(2027, 1, 9, 11, 0, tzinfo=BRUSSELS))
    one_off = make_event(
        calendar_page,
        title="Portes ouvertes",
        series=[{"start_date": date(2027, 3, 20), "recurrence": None, "start_time": time(10, 0)}],
    )
    return workshop, one_off


def test_feed_expands_to_exactly_the_dates_of_the_html(client, busy_calendar, calendar_page):
    shown, html = html_starts(client, calendar_page.url)
    assert "Animateur malade" in html and "badge--cancelled" in html
    _calendar, events, text = feed_events(client, calendar_page.url + "ics/")
    expanded = {event.start for event in events}
    assert expanded == shown
    assert len(shown) > 20
    cancelled = [e for e in events if e.get("status") == "CANCELLED"]
    assert [e.start for e in cancelled] == [datetime(2026, 12, 9, 14, tzinfo=BRUSSELS)]
    assert "Animateur malade" in str(cancelled[0].get("description"))
    # The moved date is an override of the series with the original date as RECURRENCE-ID.
    assert "RECURRENCE-ID;TZID=Europe/Brussels:20261216T140000" in text
    assert datetime(2026, 12, 17, 10, tzinfo=BRUSSELS) in expanded
    assert datetime(2026, 12, 16, 14, tzinfo=BRUSSELS) not in expanded
    # Holidays are EXDATEs of the rule: 23 and 30 December (FWB winter holiday).
    assert datetime(2026, 12, 23, 14, tzinfo=BRUSSELS) not in expanded
    assert "EXDATE;TZID=Europe/Brussels:" in text
    # Extra date and one-off event.
    assert datetime(2027, 1, 9, 11, tzinfo=BRUSSELS) in expanded
    assert datetime(2027, 3, 20, 10, tzinfo=BRUSSELS) in expanded


def test_feed_format_tzid_vtimezone_until_utc_stable_uids(client, busy_calendar, calendar_page):
    calendar, _events, text = feed_events(client, calendar_page.url + "ics/")
    assert "BEGIN:VTIMEZONE" in text and "TZID:Europe/Brussels" in text
    assert re.search(r"DTSTART;TZID=Europe/Brussels:20260902T140000", text)
    assert not re.search(r"DTSTART:\d{8}T\d{6}Z", text)  # never a UTC DTSTART
    assert re.search(r"RRULE:FREQ=WEEKLY;UNTIL=20270623T215959Z;BYDAY=WE", text)
    workshop, _one_off = busy_calendar
    uid = f"series-{workshop.series.get().uuid}@prevention-ixelles"
    masters = [c for c in calendar.walk("VEVENT") if c.get("uid") == uid and "RRULE" in c]
    assert len(masters) == 1
    _calendar2, _events2, text2 = feed_events(client, calendar_page.url + "ics/")
    assert text2.count(uid) == text.count(uid)


def test_dst_in_the_feed(client, calendar_page, frozen):
    make_event(
        calendar_page,
        title="Dimanche",
        series=[
            {
                "start_date": date(2026, 10, 18),
                "recurrence": weekly(__import__("recurrence").SU, until=datetime(2027, 4, 4)),
                "skip_public_holidays": False,
            }
        ],
    )
    _calendar, events, text = feed_events(
        client, calendar_page.url + "ics/", start=datetime(2026, 10, 1, tzinfo=BRUSSELS)
    )
    assert "DTSTART;TZID=Europe/Brussels:20261018T140000" in text
    local_times = {e.start.astimezone(BRUSSELS).time() for e in events}
    assert local_times == {time(14, 0)}
    days = {e.start.astimezone(BRUSSELS).date() for e in events}
    assert {date(2026, 10, 25), date(2027, 3, 28)} <= days


def test_page_feed_and_drafts_and_private_pages(client, calendar_page, frozen):
    public = make_event(calendar_page, title="Public", series=[{"start_date": date(2026, 12, 2)}])
    draft = make_event(
        calendar_page, title="Brouillon", publish=False, series=[{"start_date": date(2026, 12, 2)}]
    )
    private = make_event(calendar_page, title="Prive", series=[{"start_date": date(2026, 12, 3)}])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    # A published page whose new version is a draft keeps showing its published dates.
    list_html = client.get(calendar_page.url).content.decode()
    month_html = client.get(calendar_page.url + "month/?year=2026&month=12").content.decode()
    _calendar, _events, text = feed_events(client, calendar_page.url + "ics/")
    for content in (list_html, month_html, text):
        assert "Public" in content
        assert "Brouillon" not in content
        assert "Prive" not in content
    assert client.get(calendar_page.url + f"ics/{public.pk}/").status_code == 200
    assert client.get(calendar_page.url + f"ics/{draft.pk}/").status_code == 404
    assert client.get(calendar_page.url + f"ics/{private.pk}/").status_code == 404
    public.unpublish()
    assert "Public" not in client.get(calendar_page.url).content.decode()
    assert "Public" not in client.get(calendar_page.url + "ics/").content.decode()


def test_feed_rejects_bad_filters(client, calendar_page):
    assert client.get(calendar_page.url + "ics/?age=abc").status_code == 400
    assert client.get(calendar_page.url + "ics/?room=999999").status_code == 400
