"""The opening-hours calculator, in Europe/Brussels wall time (pure Python, no database)."""

import datetime as dt

import time_machine
from django.utils import translation

from maison.services.opening_hours import (
    BRUSSELS,
    DateException,
    OpeningHours,
    WeeklyRange,
    format_ranges,
)


def at(year, month, day, hour, minute=0, second=0):
    return dt.datetime(year, month, day, hour, minute, second, tzinfo=BRUSSELS)


def t(hour, minute=0):
    return dt.time(hour, minute)


# 2026-03-02 is a Monday.
OFFICE = OpeningHours(
    weekly=[
        WeeklyRange(opens=t(9), closes=t(12, 30), weekday=0),
        WeeklyRange(opens=t(13, 30), closes=t(17), weekday=0),
        WeeklyRange(opens=t(14), closes=t(18), weekday=2),
    ]
)
# Night mediators: Friday and Saturday 22:00 -> 05:00 the next morning.
NIGHTS = OpeningHours(
    weekly=[
        WeeklyRange(opens=t(22), closes=t(5), weekday=4),
        WeeklyRange(opens=t(22), closes=t(5), weekday=5),
    ]
)


def test_several_ranges_a_day_with_a_lunch_break():
    assert OFFICE.status(at(2026, 3, 2, 10)).is_open
    lunch = OFFICE.status(at(2026, 3, 2, 12, 45))
    assert not lunch.is_open
    assert lunch.next_opening == at(2026, 3, 2, 13, 30)
    assert OFFICE.status(at(2026, 3, 2, 16, 59)).is_open


def test_open_at_opening_time_and_closed_at_closing_time():
    assert OFFICE.status(at(2026, 3, 2, 9)).is_open
    assert not OFFICE.status(at(2026, 3, 2, 8, 59, 59)).is_open
    assert OFFICE.status(at(2026, 3, 2, 12, 29, 59)).is_open
    assert not OFFICE.status(at(2026, 3, 2, 12, 30)).is_open
    assert not OFFICE.status(at(2026, 3, 2, 17)).is_open


def test_overnight_shift_runs_past_midnight_into_the_next_day():
    friday_late = NIGHTS.status(at(2026, 3, 6, 23, 30))
    assert friday_late.is_open
    assert friday_late.closes_at == at(2026, 3, 7, 5)
    # Saturday 03:00 belongs to Friday's shift.
    assert NIGHTS.status(at(2026, 3, 7, 3)).is_open
    assert not NIGHTS.status(at(2026, 3, 7, 5)).is_open
    # Sunday 04:59 belongs to Saturday's shift; Monday 01:00 to nothing.
    assert NIGHTS.status(at(2026, 3, 8, 4, 59)).is_open
    assert not NIGHTS.status(at(2026, 3, 9, 1)).is_open


def test_exceptions_beat_the_weekly_rule():
    hours = OpeningHours(
        weekly=OFFICE.weekly,
        exceptions=[
            DateException(start=dt.date(2026, 5, 4), end=dt.date(2026, 5, 4), reason="Iris"),
            DateException(
                start=dt.date(2026, 3, 4),
                end=dt.date(2026, 3, 4),
                closed=False,
                opens=t(10),
                closes=t(12),
                reason="Staff training",
            ),
        ],
    )
    closed = hours.status(at(2026, 5, 4, 10))
    assert not closed.is_open
    assert closed.closed_today_reason == "Iris"
    # Wednesday normally opens at 14:00; the special hours replace that.
    assert hours.status(at(2026, 3, 4, 11)).is_open
    assert not hours.status(at(2026, 3, 4, 15)).is_open
    assert hours.status(at(2026, 3, 11, 15)).is_open  # the week after: back to normal


def test_a_closure_over_several_days_pushes_the_next_opening_past_it():
    hours = OpeningHours(
        weekly=OFFICE.weekly,
        exceptions=[DateException(start=dt.date(2026, 12, 24), end=dt.date(2027, 1, 1))],
    )
    status = hours.status(at(2026, 12, 28, 10))  # a Monday inside the closure
    assert not status.is_open
    assert status.next_opening == at(2027, 1, 4, 9)


def test_dst_spring_forward_night_shift_is_one_hour_shorter():
    # Last Sunday of March 2026: 29 March, 02:00 CET -> 03:00 CEST.
    friday = OpeningHours(weekly=[WeeklyRange(opens=t(22), closes=t(6), weekday=5)])
    interval = friday.intervals(dt.date(2026, 3, 28))[0]
    utc = dt.UTC
    assert interval.end.astimezone(utc) - interval.start.astimezone(utc) == dt.timedelta(hours=7)
    assert friday.status(dt.datetime(2026, 3, 29, 3, 59, tzinfo=utc)).is_open  # 05:59 CEST
    assert not friday.status(dt.datetime(2026, 3, 29, 4, 0, tzinfo=utc)).is_open  # 06:00 CEST


def test_dst_fall_back_night_shift_is_one_hour_longer():
    # Last Sunday of October 2026: 25 October, 03:00 CEST -> 02:00 CET.
    saturday = OpeningHours(weekly=[WeeklyRange(opens=t(22), closes=t(6), weekday=5)])
    interval = saturday.intervals(dt.date(2026, 10, 24))[0]
    utc = dt.UTC
    assert interval.end.astimezone(utc) - interval.start.astimezone(utc) == dt.timedelta(hours=9)
    # 02:30 happens twice; both are inside the shift.
    assert saturday.status(dt.datetime(2026, 10, 25, 0, 30, tzinfo=utc)).is_open
    assert saturday.status(dt.datetime(2026, 10, 25, 1, 30, tzinfo=utc)).is_open
    assert saturday.status(dt.datetime(2026, 10, 25, 4, 59, tzinfo=utc)).is_open  # 05:59 CET
    assert not saturday.status(dt.datetime(2026, 10, 25, 5, 0, tzinfo=utc)).is_open


def test_daytime_hours_on_the_dst_sundays_follow_the_wall_clock():
    sunday = OpeningHours(weekly=[WeeklyRange(opens=t(14), closes=t(15), weekday=6)])
    utc = dt.UTC
    # March 29 (CEST, UTC+2): 14:00 local is 12:00 UTC.
    assert not sunday.status(dt.datetime(2026, 3, 29, 11, 59, tzinfo=utc)).is_open
    assert sunday.status(dt.datetime(2026, 3, 29, 12, 0, tzinfo=utc)).is_open
    # October 25 (CET, UTC+1): 14:00 local is 13:00 UTC.
    assert not sunday.status(dt.datetime(2026, 10, 25, 12, 30, tzinfo=utc)).is_open
    assert sunday.status(dt.datetime(2026, 10, 25, 13, 0, tzinfo=utc)).is_open


@time_machine.travel(dt.datetime(2026, 3, 2, 12, 0, tzinfo=dt.UTC), tick=False)  # 13:00 local
def test_labels_in_the_visitors_language_at_a_frozen_now():
    from django.utils import timezone

    with translation.override("en"):
        assert OFFICE.status(timezone.now()).label == "Closed now. Opens today at 13:30."
        assert NIGHTS.status(timezone.now()).label == "Closed now. Opens on Friday at 22:00."
    with translation.override("nl"):
        assert "vrijdag" in NIGHTS.status(timezone.now()).label
    with translation.override("fr"):
        assert "vendredi" in NIGHTS.status(timezone.now()).label


@time_machine.travel(dt.datetime(2026, 5, 8, 8, 0, tzinfo=dt.UTC), tick=False)  # Fri 10:00
def test_closed_today_label_names_the_reason():
    from django.utils import timezone

    hours = OpeningHours(
        weekly=[WeeklyRange(opens=t(9), closes=t(17), weekday=d) for d in range(5)],
        exceptions=[
            DateException(start=dt.date(2026, 5, 8), end=dt.date(2026, 5, 8), reason="Iris")
        ],
    )
    with translation.override("en"):
        assert hours.status(timezone.now()).label == (
            "Closed today (Iris). Opens on Monday at 09:00."
        )


def test_week_and_ranges_read_well():
    with translation.override("en"):
        assert format_ranges(NIGHTS.week()[4][1]) == "22:00 – 05:00 (next day)"
        assert format_ranges(OFFICE.week()[0][1]) == "09:00 – 12:30, 13:30 – 17:00"
        assert format_ranges(OFFICE.week()[1][1]) == "Closed"
