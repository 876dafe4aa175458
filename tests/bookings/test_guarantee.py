"""Invariant 1: no two confirmed bookings of one room overlap (buffers included)."""

import threading

import pytest
from django.db import IntegrityError, close_old_connections, connection, transaction

from events.bookings import services
from events.bookings.rules import RuleContext
from events.models import Booking, Room

from .conftest import at, make


def test_overlap_is_refused_with_a_clear_message(room, ctx, users, groups):
    holder = make(
        room, at("2026-09-10", "10:00"), at("2026-09-10", "12:00"), group=groups["booker"]
    )
    services.save_bookings([holder], ctx)
    with pytest.raises(services.BookingConflict) as error:
        services.save_bookings(
            [make(room, at("2026-09-10", "11:00"), at("2026-09-10", "13:00"))], ctx
        )
    message = error.value.messages[0]
    assert "Salle polyvalente" in message
    assert "10" in message and "2026" in message
    assert "Réunion d'équipe" in message
    assert Booking.objects.count() == 1


def test_private_holder_is_not_named_to_others(room, ctx, users):
    services.save_bookings(
        [
            make(
                room,
                at("2026-09-10", "10:00"),
                at("2026-09-10", "12:00"),
                purpose="Entretien X",
                is_private=True,
                booked_by=users["approver"],
            )
        ],
        RuleContext(user=users["approver"], now=ctx.now),
    )
    with pytest.raises(services.BookingConflict) as error:
        services.save_bookings(
            [make(room, at("2026-09-10", "11:00"), at("2026-09-10", "13:00"))], ctx
        )
    assert "Entretien X" not in error.value.messages[0]
    assert "une réservation privée, 10:00–12:00" in error.value.messages[0]


def test_touching_bookings_are_allowed(room, ctx):
    services.save_bookings([make(room, at("2026-09-10", "10:00"), at("2026-09-10", "12:00"))], ctx)
    services.save_bookings([make(room, at("2026-09-10", "12:00"), at("2026-09-10", "13:00"))], ctx)
    services.save_bookings([make(room, at("2026-09-10", "09:00"), at("2026-09-10", "10:00"))], ctx)
    assert Booking.objects.confirmed().count() == 3


def test_buffers_are_part_of_the_booking(room, ctx):
    room.buffer_after = 15
    room.save()
    services.save_bookings([make(room, at("2026-09-10", "10:00"), at("2026-09-10", "12:00"))], ctx)
    with pytest.raises(services.BookingConflict):
        services.save_bookings(
            [make(room, at("2026-09-10", "12:00"), at("2026-09-10", "13:00"))], ctx
        )
    services.save_bookings([make(room, at("2026-09-10", "12:15"), at("2026-09-10", "13:00"))], ctx)
    assert Booking.objects.count() == 2


def test_pending_and_cancelled_bookings_do_not_block(room, ctx):
    pending = make(
        room, at("2026-09-10", "10:00"), at("2026-09-10", "12:00"), status=Booking.Status.REQUESTED
    )
    services.save_bookings([pending], ctx)
    confirmed = make(room, at("2026-09-10", "10:00"), at("2026-09-10", "12:00"))
    services.save_bookings([confirmed], ctx)
    # Approving the request now is checked like any booking.
    with pytest.raises(services.BookingConflict):
        services.approve(pending, ctx.user)
    pending.refresh_from_db()
    assert pending.status == Booking.Status.REQUESTED
    services.cancel(confirmed, ctx.user, "Plus nécessaire")
    services.approve(pending, ctx.user)
    assert Booking.objects.confirmed().get() == pending
    confirmed.refresh_from_db()
    assert confirmed.status == Booking.Status.CANCELLED and confirmed.reason


def test_other_rooms_do_not_clash(room, ctx):
    other = Room.objects.create(name="Salle de réunion", capacity=10)
    services.save_bookings([make(room, at("2026-09-10", "10:00"), at("2026-09-10", "12:00"))], ctx)
    services.save_bookings([make(other, at("2026-09-10", "10:00"), at("2026-09-10", "12:00"))], ctx)


@pytest.mark.postgres
def test_postgres_constraint_refuses_overlap_written_directly(room, is_postgres):
    if not is_postgres:
        pytest.skip("PostgreSQL only")
    first = make(room, at("2026-09-10", "10:00"), at("2026-09-10", "12:00"))
    first.set_blocked_range()
    first.save()
    second = make(room, at("2026-09-10", "11:59"), at("2026-09-10", "13:00"))
    second.set_blocked_range()
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()
    touching = make(room, at("2026-09-10", "12:00"), at("2026-09-10", "13:00"))
    touching.set_blocked_range()
    touching.save()


THREADS = 24


@pytest.mark.django_db(transaction=True)
def test_race_exactly_one_wins(users):
    """N threads released together by a barrier confirm the same slot."""
    room = Room.objects.create(name="Salle de la course", capacity=20)
    user = users["booker"]
    barrier = threading.Barrier(THREADS)
    results = []
    lock = threading.Lock()

    def attempt(i):
        try:
            ctx = RuleContext(user=user, now=at("2026-09-01", "08:00"))
            booking = make(
                room,
                at("2026-09-10", "10:00"),
                at("2026-09-10", "12:00"),
                purpose=f"Atelier {i}",
                group_id=None,
            )
            barrier.wait()
            try:
                services.save_bookings([booking], ctx)
                outcome = ("won", None)
            except services.BookingConflict as error:
                outcome = ("lost", error.messages[0])
            except Exception as error:
                outcome = ("error", repr(error))
            with lock:
                results.append(outcome)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [r for r in results if r[0] == "error"] == []
    assert len([r for r in results if r[0] == "won"]) == 1
    losers = [r[1] for r in results if r[0] == "lost"]
    assert len(losers) == THREADS - 1
    assert all("Salle de la course" in m and "Atelier" in m for m in losers)
    assert Booking.objects.filter(room=room, status=Booking.Status.CONFIRMED).count() == 1
