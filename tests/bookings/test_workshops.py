"""A workshop series with a room holds a confirmed booking per date, both ways."""

from datetime import date, time

import pytest

from events.bookings import services
from events.bookings.rules import RuleContext
from events.factories import weekly_rule
from events.models import Booking, CalendarPage, EventPage, Occurrence, Series

from .conftest import at, make


@pytest.fixture
def workshop(site_tree, room):
    calendar = CalendarPage(title="Agenda", slug="agenda")
    site_tree.home.add_child(instance=calendar)
    page = EventPage(title="Atelier théâtre", slug="atelier-theatre")
    calendar.add_child(instance=page)
    page.series.add(
        Series(
            start_date=date(2027, 1, 13),
            start_time=time(14),
            end_time=time(16),
            recurrence=weekly_rule(until=__import__("datetime").datetime(2027, 2, 3)),
            room=room,
            skip_public_holidays=False,
        )
    )
    page.save_revision().publish()
    return page


def test_publishing_books_each_date(workshop, room):
    bookings = Booking.objects.confirmed().filter(room=room).order_by("start")
    assert [b.start for b in bookings] == [
        at(d, "14:00") for d in ("2027-01-13", "2027-01-20", "2027-01-27", "2027-02-03")
    ]
    assert all(b.source == Booking.Source.WORKSHOP and b.occurrence_id for b in bookings)
    assert "Atelier théâtre" in bookings[0].purpose


def test_cancelling_a_date_frees_the_room_and_moving_moves_it(workshop, room, ctx):
    first, second = Occurrence.objects.order_by("start")[:2]
    first.cancel("Malade")
    assert Booking.objects.get(occurrence=first).status == Booking.Status.CANCELLED
    services.save_bookings([make(room, at("2027-01-13", "14:00"), at("2027-01-13", "15:00"))], ctx)
    second.move(at("2027-01-21", "10:00"))
    booking = Booking.objects.get(occurrence=second)
    assert (booking.start, booking.status) == (at("2027-01-21", "10:00"), Booking.Status.CONFIRMED)
    first.restore()  # the slot is taken now: the date is not booked twice
    assert (
        Booking.objects.confirmed().filter(room=room, start=at("2027-01-13", "14:00")).count() == 1
    )


def test_a_booking_blocks_a_workshop_and_the_preview_says_so(site_tree, room, users):
    ctx = RuleContext(user=users["booker"])
    services.save_bookings(
        [make(room, at("2027-01-20", "15:00"), at("2027-01-20", "17:00"), purpose="Conseil")], ctx
    )
    planned = Series(
        start_date=date(2027, 1, 13),
        start_time=time(14),
        end_time=time(16),
        recurrence=weekly_rule(until=__import__("datetime").datetime(2027, 1, 27)),
        room=room,
        skip_public_holidays=False,
    )
    conflicts = services.workshop_conflicts(planned)
    assert [c.booking.start for c in conflicts] == [at("2027-01-20", "14:00")]
    assert "Conseil" in conflicts[0].message(users["booker"])
