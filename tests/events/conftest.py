from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import recurrence
import time_machine

from events.calendars import load_calendars
from events.models import CalendarPage, EventPage, Room, Series

BRUSSELS = ZoneInfo("Europe/Brussels")
# "Today" in these tests: Friday 27 November 2026, 10:00 in Brussels.
NOW = datetime(2026, 11, 27, 10, 0, tzinfo=BRUSSELS)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def calendars(db):
    load_calendars()


@pytest.fixture
def room(db):
    return Room.objects.create(name="Espace jeunesse", floor=0, capacity=25, step_free=True)


@pytest.fixture
def calendar_page(site_tree):
    page = CalendarPage(title="Agenda", slug="agenda")
    site_tree.home.add_child(instance=page)
    page.save_revision().publish()
    return page


def weekly(*days, until=None, count=None):
    return recurrence.Recurrence(
        rrules=[recurrence.Rule(recurrence.WEEKLY, byday=list(days), until=until, count=count)]
    )


def make_event(parent, title="Atelier", publish=True, series=None, **fields):
    """An EventPage with series (dicts of Series fields), published like an editor does."""
    page = EventPage(title=title, slug=title.lower().replace(" ", "-"), live=publish, **fields)
    parent.add_child(instance=page)
    for order, values in enumerate(series or []):
        defaults = {
            "start_date": date(2026, 9, 2),
            "start_time": time(14, 0),
            "end_time": time(16, 0),
            "recurrence": weekly(recurrence.WE),
        }
        defaults.update(values)
        Series.objects.create(page=page, sort_order=order, **defaults)
    page = EventPage.objects.get(pk=page.pk)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return EventPage.objects.get(pk=page.pk)
