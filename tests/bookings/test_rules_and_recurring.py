from datetime import date, time

import pytest

from events.bookings import services
from events.bookings.rules import RuleContext
from events.calendars import load_calendars
from events.models import Booking, Occurrence, RoomHoursException, RoomWeeklyHours

from .conftest import at, make

pytestmark = pytest.mark.usefixtures("english")


def _violation(room, ctx, start, end, **kwargs):
    with pytest.raises(services.RuleViolation) as error:
        services.save_bookings([make(room, start, end, **kwargs)], ctx)
    assert Booking.objects.count() == 0
    return " ".join(error.value.messages)


def test_min_and_max_duration(room, ctx):
    room.min_duration, room.max_duration = 30, 120
    room.save()
    assert "at least 30" in _violation(
        room, ctx, at("2026-09-10", "10:00"), at("2026-09-10", "10:15")
    )
    assert "at most 120" in _violation(
        room, ctx, at("2026-09-10", "10:00"), at("2026-09-10", "13:00")
    )


def test_notice_and_advance_window(room, ctx):
    room.min_notice_hours, room.max_advance_days = 48, 30
    room.save()
    assert "48 hours" in _violation(room, ctx, at("2026-09-02", "10:00"), at("2026-09-02", "11:00"))
    assert "30 days" in _violation(room, ctx, at("2026-11-02", "10:00"), at("2026-11-02", "11:00"))


def test_past_is_refused(room, ctx):
    assert "past" in _violation(room, ctx, at("2026-08-02", "10:00"), at("2026-08-02", "11:00"))


def test_capacity(room, ctx):
    assert "holds 40" in _violation(
        room, ctx, at("2026-09-10", "10:00"), at("2026-09-10", "11:00"), attendees=41
    )


def test_who_may_book(room, ctx, users, groups):
    room.booking_groups.add(groups["approver"])
    assert "may not book" in _violation(
        room, ctx, at("2026-09-10", "10:00"), at("2026-09-10", "11:00")
    )
    other = RuleContext(user=users["other"], now=ctx.now)
    assert "may not book" in _violation(
        room, other, at("2026-09-10", "10:00"), at("2026-09-10", "11:00")
    )
    ok = RuleContext(user=users["approver"], now=ctx.now)
    services.save_bookings([make(room, at("2026-09-10", "10:00"), at("2026-09-10", "11:00"))], ok)


def test_partner_requests_only_where_allowed(room, ctx):
    partner = RuleContext(source=Booking.Source.PARTNER, now=ctx.now)
    start, end = at("2026-09-10", "10:00"), at("2026-09-10", "11:00")
    assert "partners" in _violation(room, partner, start, end, status=Booking.Status.REQUESTED)
    room.partner_requests = True
    room.save()
    services.save_bookings([make(room, start, end, status=Booking.Status.REQUESTED)], partner)


def test_opening_hours_and_closures(room, ctx):
    RoomWeeklyHours.objects.create(room=room, weekday=3, opens=time(9), closes=time(17))
    RoomHoursException.objects.create(room=room, start_date=date(2026, 9, 17), reason="Travaux")
    room = type(room).objects.get(pk=room.pk)
    assert "not open" in _violation(room, ctx, at("2026-09-10", "16:00"), at("2026-09-10", "18:00"))
    assert "not open" in _violation(room, ctx, at("2026-09-11", "10:00"), at("2026-09-11", "11:00"))
    assert "Travaux" in _violation(room, ctx, at("2026-09-17", "10:00"), at("2026-09-17", "11:00"))
    services.save_bookings([make(room, at("2026-09-10", "09:00"), at("2026-09-10", "17:00"))], ctx)


def test_approval_needed(room, users):
    room.requires_approval = True
    assert services.initial_status(room, users["booker"]) == Booking.Status.REQUESTED
    assert services.initial_status(room, users["approver"]) == Booking.Status.CONFIRMED


# -- recurring --------------------------------------------------------------------------


@pytest.fixture
def calendars(db):
    load_calendars()


def _template(room, users, day="2026-09-02"):
    return make(room, at(day, "14:00"), at(day, "16:00"), booked_by=users["booker"])


def test_preview_lists_every_date_and_each_conflict(room, ctx, users, calendars):
    services.save_bookings(
        [make(room, at("2026-09-16", "15:00"), at("2026-09-16", "17:00"), purpose="Conseil")], ctx
    )
    spec = services.RecurrenceSpec(until=date(2026, 10, 14), skip_school_holidays=True)
    _series, planned = services.plan_series(_template(room, users), spec, ctx.now)
    rows = services.preview(planned, ctx)
    assert [r.day for r in rows] == [date(2026, 9, d) for d in (2, 9, 16, 23, 30)] + [
        date(2026, 10, 7),
        date(2026, 10, 14),
    ]
    clashing = [r for r in rows if not r.ok]
    assert [r.day for r in clashing] == [date(2026, 9, 16)]
    assert "Conseil" in clashing[0].conflicts[0].message(users["booker"])
    assert Booking.objects.count() == 1  # a preview writes nothing


def test_all_or_nothing_then_skip(room, ctx, users, calendars):
    services.save_bookings(
        [make(room, at("2026-09-16", "15:00"), at("2026-09-16", "17:00"), purpose="Conseil")], ctx
    )
    spec = services.RecurrenceSpec(count=5)
    with pytest.raises(services.BookingConflict):
        services.create_recurring(_template(room, users), spec, ctx)
    assert Booking.objects.count() == 1
    assert Occurrence.objects.count() == 0
    series, created = services.create_recurring(
        _template(room, users), spec, ctx, skip={date(2026, 9, 16)}
    )
    assert len(created) == 4
    assert all(b.occurrence_id and b.series_id == series.pk for b in created)
    assert series.occurrences.count() == 4


def test_every_two_weeks_and_monthly_by_weekday(room, ctx, users, calendars):
    spec = services.RecurrenceSpec(interval=2, count=3)
    _s, planned = services.plan_series(_template(room, users), spec, ctx.now)
    assert [b.start.date() for b in planned] == [
        date(2026, 9, 2),
        date(2026, 9, 16),
        date(2026, 9, 30),
    ]
    spec = services.RecurrenceSpec(frequency="monthly", count=3, skip_public_holidays=False)
    _s, planned = services.plan_series(_template(room, users, "2026-09-09"), spec, ctx.now)
    # second Wednesday of each month
    assert [b.start.date() for b in planned] == [
        date(2026, 9, 9),
        date(2026, 10, 14),
        date(2026, 11, 11),
    ]


def test_dst_keeps_wall_time(room, ctx, users, calendars):
    spec = services.RecurrenceSpec(until=date(2026, 11, 4))
    _s, planned = services.plan_series(_template(room, users, "2026-10-21"), spec, ctx.now)
    from django.utils import timezone

    assert {timezone.localtime(b.start).hour for b in planned} == {14}


def test_edit_this_following_all(room, ctx, users, calendars):
    series, created = services.create_recurring(
        _template(room, users), services.RecurrenceSpec(count=6), ctx
    )
    third = created[2]
    services.edit_this(third, ctx, start=at("2026-09-16", "17:00"))
    third.refresh_from_db()
    assert third.occurrence.status == Occurrence.Status.MOVED
    assert (third.start, third.end) == (at("2026-09-16", "17:00"), at("2026-09-16", "19:00"))

    services.edit_all(series, ctx, start_time=time(10), end_time=time(11))
    starts = sorted(b.start for b in Booking.objects.confirmed())
    assert at("2026-09-02", "10:00") in starts and at("2026-10-07", "10:00") in starts

    fourth = Booking.objects.confirmed().get(start=at("2026-09-23", "10:00"))
    new_series, new = services.edit_following(fourth, ctx, start_time=time(15), end_time=time(16))
    assert [b.start for b in new] == [
        at("2026-09-23", "15:00"),
        at("2026-09-30", "15:00"),
        at("2026-10-07", "15:00"),
    ]
    confirmed = Booking.objects.confirmed()
    assert confirmed.filter(series=series).count() == 3
    assert confirmed.filter(series=new_series).count() == 3


def test_edit_all_is_all_or_nothing(room, ctx, users, calendars):
    series, _created = services.create_recurring(
        _template(room, users), services.RecurrenceSpec(count=3), ctx
    )
    services.save_bookings(
        [make(room, at("2026-09-16", "09:00"), at("2026-09-16", "10:30"), purpose="Conseil")], ctx
    )
    with pytest.raises(services.BookingConflict):
        services.edit_all(series, ctx, start_time=time(10), end_time=time(11))
    assert sorted(b.start.hour for b in Booking.objects.filter(series=series)) == [12, 12, 12]


def test_cancel_series_keeps_rows(room, ctx, users, calendars):
    series, _created = services.create_recurring(
        _template(room, users), services.RecurrenceSpec(count=3), ctx
    )
    services.cancel_series(series, users["booker"], "Fin du projet", now=ctx.now)
    assert Booking.objects.filter(status=Booking.Status.CANCELLED).count() == 3
    assert all(o.is_cancelled for o in series.occurrences.all())
