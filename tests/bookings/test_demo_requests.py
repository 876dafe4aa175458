"""The demo has a rooms page in three languages and pending partner requests."""

import pytest
from django.core.management import call_command

from events.bookings.demo_requests import PARTNER_REQUESTS, load_partner_requests
from events.models import Booking, RoomsPage

pytestmark = pytest.mark.django_db


def test_demo_rooms_page_and_partner_requests(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    pending = Booking.objects.filter(status=Booking.Status.REQUESTED, source=Booking.Source.PARTNER)
    expected = sum(item[-1] for item in PARTNER_REQUESTS)
    assert pending.count() == expected
    assert {b.language for b in pending} == {"fr", "nl", "en"}
    load_partner_requests(open("/dev/null", "w"))  # noqa: SIM115
    assert pending.count() == expected  # idempotent
    assert RoomsPage.objects.live().count() == 3
    for path in ("/fr/salles/", "/nl/zalen/", "/en/rooms/"):
        response = client.get(path)
        assert response.status_code == 200, path
    page = RoomsPage.objects.get(locale__language_code="en")
    room = pending.first().room
    url = page.url + page.reverse_subpage("room", kwargs={"room_id": room.pk})
    assert client.get(url).status_code == 200
