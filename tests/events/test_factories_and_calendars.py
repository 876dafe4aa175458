"""Factories build valid objects; the shipped holiday data is right and loads idempotently."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from events import calendar_data
from events.factories import (
    CalendarPageFactory,
    CalendarPeriodFactory,
    EventPageFactory,
    OccurrenceFactory,
    RoomFactory,
    SeriesFactory,
)
from events.models import CalendarPeriod

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory", [RoomFactory, CalendarPeriodFactory, SeriesFactory, OccurrenceFactory]
)
def test_model_factories_build_valid_objects(factory, site_tree):
    obj = factory()
    obj.full_clean()


def test_page_factories_build_valid_pages(site_tree):
    calendar = CalendarPageFactory(parent=site_tree.home)
    event = EventPageFactory(parent=calendar)
    calendar.full_clean()
    event.full_clean()
    assert event.get_parent().specific == calendar


def period(community, key, year, kind=calendar_data.SCHOOL_HOLIDAY):
    return CalendarPeriod.objects.get(kind=kind, community=community, key=key, year=year)


def test_load_calendars_is_idempotent_and_correct(db):
    out = StringIO()
    call_command("load_calendars", stdout=out)
    count = CalendarPeriod.objects.count()
    call_command("load_calendars", stdout=out)
    assert CalendarPeriod.objects.count() == count
    assert "0 created" in out.getvalue()
    # Easter-based public holidays (Easter 2026: 5 April; 2027: 28 March).
    assert period("national", "easter_monday", "2026", "public_holiday").start_date == date(
        2026, 4, 6
    )
    assert period("national", "ascension", "2026", "public_holiday").start_date == date(2026, 5, 14)
    assert period("national", "whit_monday", "2027", "public_holiday").start_date == date(
        2027, 5, 17
    )
    assert period("brussels", "iris_day", "2027", "public_holiday").start_date == date(2027, 5, 8)
    # FWB, reformed calendar (published 2025-2026).
    autumn = period("fwb", "autumn", "2025-2026")
    assert (autumn.start_date, autumn.end_date) == (date(2025, 10, 20), date(2025, 11, 2))
    assert period("fwb", "summer", "2025-2026").start_date == date(2026, 7, 4)
    assert "provisional" in period("fwb", "winter", "2026-2027").source
    # Flemish Community, computed from the 1991 rules: matches the published 2025-2026.
    assert period("vl", "autumn", "2025-2026").start_date == date(2025, 10, 27)
    assert period("vl", "carnival", "2025-2026").start_date == date(2026, 2, 16)
    easter_holiday = period("vl", "spring", "2025-2026")
    assert (easter_holiday.start_date, easter_holiday.end_date) == (
        date(2026, 4, 6),
        date(2026, 4, 19),
    )
    # 2026-2027: 1 Nov is a Sunday, Easter is in March.
    assert period("vl", "autumn", "2026-2027").start_date == date(2026, 11, 2)
    assert period("vl", "spring", "2026-2027").start_date == date(2027, 3, 29)
    assert all(p.source for p in CalendarPeriod.objects.all())


def test_load_calendars_rejects_unknown_years(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("load_calendars", "--school-year", "1999-2000", stdout=StringIO())
