"""Rules in wall time, holidays, horizon, exceptions and edits (the past is history)."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
import recurrence
import time_machine
from django.core.management import call_command
from django.utils import timezone

from events import scheduling
from events.models import Occurrence, Series
from events.services import extend_all, sync_page_series

from .conftest import BRUSSELS, NOW, make_event, weekly

pytestmark = pytest.mark.django_db


def local(occurrence):
    return timezone.localtime(occurrence.start, BRUSSELS)


def test_weekly_14h_stays_14h_across_both_dst_changes(calendar_page, frozen):
    # Sundays 14:00 from 18 October 2026: DST ends 25 Oct 2026 and starts 28 Mar 2027.
    page = make_event(
        calendar_page,
        series=[
            {
                "start_date": date(2026, 10, 18),
                "recurrence": weekly(recurrence.SU, until=datetime(2027, 4, 11)),
                "skip_public_holidays": False,
            }
        ],
    )
    occurrences = list(Occurrence.objects.for_page(page))
    days = [local(o).date() for o in occurrences]
    assert date(2026, 10, 25) in days and date(2027, 3, 28) in days
    assert {local(o).time() for o in occurrences} == {time(14, 0)}
    by_day = {local(o).date(): o for o in occurrences}
    # Same wall-clock time, different UTC offsets on either side of each change.
    assert by_day[date(2026, 10, 18)].start.astimezone(UTC).hour == 12
    assert by_day[date(2026, 10, 25)].start.astimezone(UTC).hour == 13
    assert by_day[date(2027, 3, 21)].start.astimezone(UTC).hour == 13
    assert by_day[date(2027, 3, 28)].start.astimezone(UTC).hour == 12
    assert all(o.end - o.start == timedelta(hours=2) for o in occurrences)


def test_start_date_not_matching_the_rule_is_not_a_date(calendar_page, frozen):
    # Starts on a Monday, repeats on Wednesdays: the Monday is not a date (include_dtstart).
    page = make_event(
        calendar_page,
        series=[{"start_date": date(2026, 11, 30), "recurrence": weekly(recurrence.WE, count=3)}],
    )
    days = [local(o).date() for o in Occurrence.objects.for_page(page)]
    assert days == [date(2026, 12, 2), date(2026, 12, 9), date(2026, 12, 16)]


def test_until_date_is_inclusive_and_single_date_without_rule(calendar_page, frozen):
    page = make_event(
        calendar_page,
        series=[
            {
                "start_date": date(2027, 6, 2),
                "recurrence": weekly(recurrence.WE, until=datetime(2027, 6, 23)),
            },
            {"start_date": date(2027, 3, 20), "recurrence": None, "start_time": time(10, 0)},
        ],
    )
    weekly_series, single = page.series.order_by("sort_order")
    assert [local(o).date() for o in weekly_series.occurrences.all()] == [
        date(2027, 6, 2),
        date(2027, 6, 9),
        date(2027, 6, 16),
        date(2027, 6, 23),
    ]
    assert [local(o) for o in single.occurrences.all()] == [
        datetime(2027, 3, 20, 10, tzinfo=BRUSSELS)
    ]


def test_skip_school_holidays_and_public_holidays(calendar_page, calendars, frozen):
    page = make_event(
        calendar_page,
        series=[
            {
                "start_date": date(2026, 12, 2),
                "recurrence": weekly(recurrence.WE, until=datetime(2027, 1, 13)),
                "school_holidays": Series.SchoolHolidays.SKIP,
            }
        ],
    )
    days = [local(o).date() for o in Occurrence.objects.for_page(page)]
    # FWB winter holiday 21 Dec 2026 - 3 Jan 2027: 23 and 30 December are skipped.
    assert days == [
        date(2026, 12, 2),
        date(2026, 12, 9),
        date(2026, 12, 16),
        date(2027, 1, 6),
        date(2027, 1, 13),
    ]


def test_flemish_calendar_and_public_holidays(calendar_page, calendars, frozen):
    page = make_event(
        calendar_page,
        series=[
            {
                "start_date": date(2027, 2, 1),
                "recurrence": weekly(recurrence.MO, until=datetime(2027, 3, 1)),
                "school_holidays": Series.SchoolHolidays.SKIP,
                "school_calendar": "vl",
            },
            {
                # 1 Nov 2027 (All Saints) and 11 Nov 2027 (Armistice) are public holidays.
                "start_date": date(2027, 10, 25),
                "recurrence": weekly(recurrence.MO, recurrence.TH, until=datetime(2027, 11, 15)),
            },
        ],
    )
    flemish, holidays = page.series.order_by("sort_order")
    # Krokusvakantie 2027: 8-14 February.
    assert [local(o).date() for o in flemish.occurrences.all()] == [
        date(2027, 2, 1),
        date(2027, 2, 15),
        date(2027, 2, 22),
        date(2027, 3, 1),
    ]
    days = [local(o).date() for o in holidays.occurrences.all()]
    assert date(2027, 11, 1) not in days and date(2027, 11, 11) not in days
    assert date(2027, 11, 4) in days and date(2027, 11, 8) in days


def test_holiday_only_course(calendar_page, calendars, frozen):
    weekdays = [recurrence.MO, recurrence.TU, recurrence.WE, recurrence.TH, recurrence.FR]
    page = make_event(
        calendar_page,
        series=[
            {
                "start_date": date(2026, 12, 1),
                "recurrence": recurrence.Recurrence(
                    rrules=[
                        recurrence.Rule(
                            recurrence.DAILY, byday=weekdays, until=datetime(2027, 1, 31)
                        )
                    ]
                ),
                "school_holidays": Series.SchoolHolidays.ONLY,
            }
        ],
    )
    days = [local(o).date() for o in Occurrence.objects.for_page(page)]
    # Winter holiday weekdays only, minus Christmas (25 Dec) and New Year's Day (1 Jan).
    expected = [date(2026, 12, d) for d in (21, 22, 23, 24, 28, 29, 30, 31)]
    assert days == expected


def test_horizon_extension_is_idempotent(calendar_page, frozen, settings):
    settings.EVENTS_HORIZON_MONTHS = 2
    page = make_event(calendar_page, series=[{"start_date": date(2026, 12, 2)}])
    series = page.series.get()
    assert local(series.occurrences.last()).date() == date(2027, 1, 27)
    before = list(series.occurrences.values_list("pk", "start"))
    call_command("extend_occurrences", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert list(series.occurrences.values_list("pk", "start")) == before
    frozen.shift(timedelta(days=31))
    result = extend_all()
    assert result.created == 4 and result.deleted == 0
    assert local(series.occurrences.last()).date() == date(2027, 2, 24)
    assert extend_all().created == 0  # again: nothing to do
    assert series.occurrences.count() == 13


def test_editing_a_series_changes_only_future_dates_and_keeps_exceptions(calendar_page, frozen):
    page = make_event(
        calendar_page,
        series=[
            {
                "start_date": date(2026, 9, 2),
                "recurrence": weekly(recurrence.WE, until=datetime(2027, 1, 31)),
            }
        ],
    )
    series = page.series.get()
    past = list(series.occurrences.filter(start__lt=NOW).values_list("pk", "start", "end"))
    assert len(past) == 13  # 2 Sept to 25 Nov 2026
    cancelled = series.occurrences.get(original_date=date(2026, 12, 9))
    cancelled.cancel("Animateur malade")
    moved = series.occurrences.get(original_date=date(2026, 12, 16))
    moved.move(datetime(2026, 12, 17, 10, 0, tzinfo=BRUSSELS))
    extra = series.add_extra_date(datetime(2026, 12, 19, 11, 0, tzinfo=BRUSSELS))

    # The editor moves the workshop to 15:00 and stops it on 6 January.
    with time_machine.travel(NOW + timedelta(days=1), tick=False):
        series.start_time = time(15, 0)
        series.end_time = time(17, 0)
        series.recurrence = weekly(recurrence.WE, until=datetime(2027, 1, 6))
        series.save()
        sync_page_series(page)

    assert list(series.occurrences.filter(start__lt=NOW).values_list("pk", "start", "end")) == past
    future = {o.original_date: o for o in series.occurrences.filter(start__gte=NOW)}
    assert sorted(future) == [date(2026, 12, d) for d in (2, 9, 16, 19, 23, 30)] + [
        date(2027, 1, 6)
    ]
    assert local(future[date(2026, 12, 2)]).time() == time(15, 0)
    kept = future[date(2026, 12, 9)]
    assert kept.pk == cancelled.pk and kept.is_cancelled and kept.note == "Animateur malade"
    assert local(kept).time() == time(15, 0)  # shown at the new time, still cancelled
    assert future[date(2026, 12, 16)].is_moved
    assert local(future[date(2026, 12, 16)]) == datetime(2026, 12, 17, 10, tzinfo=BRUSSELS)
    assert timezone.localtime(future[date(2026, 12, 16)].original_start).time() == time(15, 0)
    assert future[date(2026, 12, 19)].pk == extra.pk


def test_restore_undoes_a_move(calendar_page, room, frozen):
    page = make_event(calendar_page, series=[{"start_date": date(2026, 12, 2), "room": room}])
    occurrence = page.series.get().occurrences.get(original_date=date(2026, 12, 9))
    occurrence.move(datetime(2026, 12, 10, 9, 0, tzinfo=BRUSSELS), room=None, note="Jeudi")
    occurrence.restore()
    occurrence.refresh_from_db()
    assert occurrence.status == Occurrence.Status.SCHEDULED
    assert local(occurrence) == datetime(2026, 12, 9, 14, tzinfo=BRUSSELS)
    assert occurrence.room == room and occurrence.note == ""


def test_extra_date_on_an_existing_day_is_refused(calendar_page, frozen):
    page = make_event(calendar_page, series=[{"start_date": date(2026, 12, 2)}])
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        page.series.get().add_extra_date(datetime(2026, 12, 9, 18, 0, tzinfo=BRUSSELS))


def test_expand_caps_and_exdates():
    rule = recurrence.Recurrence(
        rrules=[recurrence.Rule(recurrence.DAILY)], exdates=[datetime(2026, 1, 2)]
    )
    values = scheduling.expand(rule, datetime(2026, 1, 1, 9), datetime(2026, 1, 4, 23))
    assert [v.day for v in values] == [1, 3, 4]
