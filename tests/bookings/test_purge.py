from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from events.models import Booking

from .conftest import make


def test_purge_keeps_statistics(room, users):
    now = timezone.now()
    old = make(
        room,
        now - timedelta(days=400),
        now - timedelta(days=400) + timedelta(hours=1),
        contact_name="Jan",
        contact_email="jan@example.org",
        organisation="ASBL",
        booked_by=users["booker"],
        attendees=12,
    )
    recent = make(
        room,
        now - timedelta(days=30),
        now - timedelta(days=30) + timedelta(hours=1),
        contact_name="Ana",
        contact_email="ana@example.org",
    )
    for booking in (old, recent):
        booking.set_blocked_range()
        booking.save()
    call_command("purge_personal_data")
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.contact_name, old.contact_email, old.purpose, old.booked_by_id) == (
        "",
        "",
        "",
        None,
    )
    assert old.attendees == 12 and old.room_id == room.pk and old.personal_data_purged
    assert recent.contact_name == "Ana"
    assert Booking.objects.count() == 2
