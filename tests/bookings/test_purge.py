import importlib
import io
from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
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


def _booking_days_ago(room, days, **kwargs):
    now = timezone.now()
    booking = make(room, now - timedelta(days=days), now - timedelta(days=days, hours=-1), **kwargs)
    booking.set_blocked_range()
    booking.save()
    return booking


def test_retention_comes_from_the_setting(room, settings):
    assert settings.BOOKINGS_RETENTION_MONTHS == 12  # the default
    booking = _booking_days_ago(room, 400, contact_email="jan@example.org")
    settings.BOOKINGS_RETENTION_MONTHS = 24
    call_command("purge_personal_data", stdout=io.StringIO())
    booking.refresh_from_db()
    assert booking.contact_email == "jan@example.org"
    settings.BOOKINGS_RETENTION_MONTHS = 6
    call_command("purge_personal_data", stdout=io.StringIO())
    booking.refresh_from_db()
    assert booking.contact_email == "" and booking.personal_data_purged


def test_months_option_overrides_the_setting_and_must_be_positive(room):
    booking = _booking_days_ago(room, 100, contact_email="ana@example.org")
    with pytest.raises(CommandError):
        call_command("purge_personal_data", "--months", "0")
    call_command("purge_personal_data", "--months", "3", stdout=io.StringIO())
    booking.refresh_from_db()
    assert booking.contact_email == ""


@pytest.mark.parametrize(("value", "expected"), [("", 12), ("18", 18), ("douze", None)])
def test_environment_variable(monkeypatch, value, expected):
    """The setting is read from BOOKINGS_RETENTION_MONTHS when the settings load; a value
    that is not a whole number stops the start with a message naming the variable."""
    import maison.settings.base as base

    monkeypatch.setenv("BOOKINGS_RETENTION_MONTHS", value)
    try:
        if expected is None:
            with pytest.raises(ImproperlyConfigured, match="BOOKINGS_RETENTION_MONTHS"):
                importlib.reload(base)
        else:
            months = importlib.reload(base).BOOKINGS_RETENTION_MONTHS
            assert months == expected
    finally:
        monkeypatch.delenv("BOOKINGS_RETENTION_MONTHS")
        importlib.reload(base)
