"""Admin views: permissions (anonymous, wrong group, right group), the booking form with
its preview, bad input, the approval queue."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.bookings import services
from events.bookings.rules import RuleContext
from events.models import Booking

from .conftest import make


def _local(days, hour):
    base = timezone.localtime() + timedelta(days=days)
    return base.replace(hour=hour, minute=0, second=0, microsecond=0)


URLS = [
    ("events_booking_week:index", "booker"),
    ("events_bookings:index", "booker"),
    ("events_bookings:add", "booker"),
    ("events_booking_queue:index", "approver"),
]


@pytest.mark.parametrize(("name", "right"), URLS)
def test_permissions(client, users, room, name, right):
    url = reverse(name)
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(users["other"])
    assert client.get(url).status_code in (302, 403)
    client.force_login(users[right])
    response = client.get(url, follow=True)
    assert response.status_code == 200


def test_booker_cannot_use_the_queue(client, users, room):
    client.force_login(users["booker"])
    response = client.get(reverse("events_booking_queue:index"))
    assert response.status_code == 302 and response["Location"] == "/admin/"


def _form(room, start, end, **extra):
    data = {
        "room": room.pk,
        "start": start.strftime("%Y-%m-%d %H:%M"),
        "end": end.strftime("%Y-%m-%d %H:%M"),
        "purpose": "Réunion",
        "attendees": "5",
        "interval": "1",
        "skip_public_holidays": "on",
    }
    data.update(extra)
    return data


def test_create_and_clash_message_on_the_form(client, users, room):
    client.force_login(users["booker"])
    url = reverse("events_bookings:add")
    start, end = _local(3, 10), _local(3, 12)
    response = client.post(url, _form(room, start, end))
    assert response.status_code == 302
    assert Booking.objects.confirmed().count() == 1
    response = client.post(url, _form(room, start + timedelta(hours=1), end))
    assert response.status_code == 200
    assert (
        "Salle polyvalente" in response.content.decode() and "Réunion" in response.content.decode()
    )
    assert Booking.objects.count() == 1


@pytest.mark.parametrize(
    "changes",
    [
        {"start": "not a date"},
        {"end": ""},
        {"room": "999999"},
        {"attendees": "-4"},
        {"attendees": "400"},
        {"repeat": "weekly", "until": "", "count": ""},
        {"repeat": "yearly"},
    ],
)
def test_bad_input_writes_nothing(client, users, room, changes):
    client.force_login(users["booker"])
    data = _form(room, _local(3, 10), _local(3, 12))
    data.update(changes)
    response = client.post(reverse("events_bookings:add"), data)
    assert response.status_code == 200
    assert Booking.objects.count() == 0


def test_recurring_preview_then_skip(client, users, room):
    client.force_login(users["booker"])
    url = reverse("events_bookings:add")
    start, end = _local(7, 14), _local(7, 16)
    services.save_bookings(
        [make(room, start + timedelta(days=7), end + timedelta(days=7), purpose="Conseil")],
        RuleContext(user=users["booker"]),
    )
    data = _form(room, start, end, repeat="weekly", count="3")
    data.pop("skip_public_holidays")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Conseil" in response.content.decode()
    assert Booking.objects.count() == 1
    data["confirmed_preview"] = "on"
    response = client.post(url, data)  # still clashing: nothing saved
    assert response.status_code == 200
    assert Booking.objects.count() == 1
    data["skip_conflicts"] = "on"
    response = client.post(url, data)
    assert response.status_code == 302
    assert Booking.objects.confirmed().count() == 3


def test_week_view_lists_bookings_and_hides_private_purposes(client, users, room, site_tree):
    start = _local(1, 10)
    services.save_bookings(
        [
            make(
                room,
                start,
                start + timedelta(hours=1),
                purpose="Entretien confidentiel",
                is_private=True,
                booked_by=users["approver"],
            )
        ],
        RuleContext(user=users["approver"]),
    )
    client.force_login(users["booker"])
    response = client.get(
        reverse("events_booking_week:room", args=[room.pk]) + f"?date={start:%Y-%m-%d}"
    )
    body = response.content.decode()
    assert "Entretien confidentiel" not in body
    assert "privée" in body
    response = client.get(reverse("events_booking_week:room", args=[room.pk]) + "?date=2026-13-45")
    assert response.status_code == 200
    assert "Cette date n’est pas valide" in response.content.decode()
    missing = client.get(reverse("events_booking_week:room", args=[99999]), follow=True)
    assert missing.status_code == 404


def test_queue_approve_and_reject(
    client, users, room, mailoutbox, django_capture_on_commit_callbacks
):
    room.requires_approval = True
    room.partner_requests = True
    room.save()
    first = make(
        room,
        _local(5, 10),
        _local(5, 11),
        status=Booking.Status.REQUESTED,
        source=Booking.Source.PARTNER,
        organisation="ASBL Démo",
        contact_email="demo@example.org",
        language="nl",
    )
    second = make(
        room,
        _local(6, 10),
        _local(6, 11),
        status=Booking.Status.REQUESTED,
        source=Booking.Source.PARTNER,
        contact_email="demo@example.org",
    )
    services.save_bookings([first, second], RuleContext(source=Booking.Source.PARTNER))
    client.force_login(users["approver"])
    decide = "events_booking_queue:decide"
    # Decision emails leave after the commit.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse(decide, args=[first.pk]), {"decision": "approve"})
        client.post(reverse(decide, args=[second.pk]), {"decision": "reject", "reason": ""})
        second.refresh_from_db()
        assert second.status == Booking.Status.REQUESTED  # a rejection needs a reason
        client.post(reverse(decide, args=[second.pk]), {"decision": "reject", "reason": "Complet"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Booking.Status.CONFIRMED, Booking.Status.REJECTED)
    assert len(mailoutbox) == 2
    client.force_login(users["booker"])
    response = client.post(reverse(decide, args=[first.pk]), {"decision": "reject", "reason": "x"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    first.refresh_from_db()
    assert first.status == Booking.Status.CONFIRMED
