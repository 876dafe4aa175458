"""Private ICS feeds: unguessable, revocable tokens; each feed shows what its owner may see,
and nothing of other teams' private bookings or of partners' contact details."""

from datetime import datetime, time, timedelta

import icalendar
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from events.bookings import services
from events.bookings.models import CalendarFeedToken
from events.bookings.rules import RuleContext
from events.models import Booking
from events.scheduling import make_aware

from .conftest import make


def local(days, hour):
    day = timezone.localdate() + timedelta(days=days)
    return make_aware(datetime.combine(day, time(hour, 0)))


@pytest.fixture
def bookings(room, users, groups):
    """A room with: the booker's own private booking, a private booking of another team,
    a public one, a partner request and a cancelled booking."""
    mediation = Group.objects.create(name="Équipe Médiation")
    own = make(room, local(3, 9), local(3, 10), purpose="Mon entretien", is_private=True)
    own.booked_by = users["booker"]
    own.group = groups["booker"]
    secret = make(room, local(3, 11), local(3, 12), purpose="Entretien victime", is_private=True)
    secret.group = mediation
    public = make(room, local(4, 9), local(4, 10), purpose="Réunion de pôle")
    public.group = mediation
    services.save_bookings([own, secret, public], RuleContext(user=users["approver"]))
    room.partner_requests = True
    room.save()
    request = make(
        room,
        local(5, 9),
        local(5, 10),
        status=Booking.Status.REQUESTED,
        source=Booking.Source.PARTNER,
        purpose="Assemblée",
        organisation="ASBL Démo",
        contact_name="Jeanne Contact",
        contact_email="jeanne@example.org",
        contact_phone="0470 00 00 00",
    )
    services.save_bookings([request], RuleContext(source=Booking.Source.PARTNER))
    cancelled = make(room, local(6, 9), local(6, 10), purpose="Annulée")
    services.save_bookings([cancelled], RuleContext(user=users["approver"]))
    services.cancel(cancelled, users["approver"], "x")
    return {"own": own, "secret": secret, "public": public, "request": request}


def feed(client, token):
    return client.get(reverse("booking_feed", args=[token.token]))


def events_of(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}, calendar


def test_room_feed_hides_other_teams_private_bookings(client, users, room, bookings):
    token = CalendarFeedToken.objects.create(user=users["booker"], room=room)
    events, calendar = events_of(feed(client, token))
    body = feed(client, token).content.decode()
    assert calendar.walk("VTIMEZONE"), "times carry a TZID with its VTIMEZONE"
    uids = {f"booking-{b.uuid}@prevention-ixelles": b for b in bookings.values()}
    summaries = {uids[uid].purpose: str(event["summary"]) for uid, event in events.items()}
    # Confirmed only: the pending request and the cancelled booking are not in a room feed.
    assert set(summaries) == {"Mon entretien", "Entretien victime", "Réunion de pôle"}
    assert summaries["Mon entretien"].startswith("Mon entretien")
    assert summaries["Réunion de pôle"] == "Réunion de pôle (Équipe Médiation)"
    assert "Entretien victime" not in body and "victime" not in body
    secret_uid = f"booking-{bookings['secret'].uuid}@prevention-ixelles"
    assert str(events[secret_uid]["class"]) == "PRIVATE"
    for personal in ("Jeanne", "jeanne@", "0470"):
        assert personal not in body
    start = events[secret_uid].decoded("dtstart")
    assert start == bookings["secret"].start
    assert str(start.tzinfo) == "Europe/Brussels"


def test_room_feed_of_a_viewer_shows_busy_times_only(client, room, bookings, groups):
    """Staff who may view bookings but not book see free/busy, in the feed as in the
    admin: no purpose, not even of bookings that are not private."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    viewers = Group.objects.create(name="Viewers")
    viewers.permissions.add(Permission.objects.get(codename="view_booking"))
    viewer = get_user_model().objects.create_user("viewer", "viewer@example.org", "pw")
    viewer.groups.add(viewers)
    token = CalendarFeedToken.objects.create(user=viewer, room=room)
    events, _calendar = events_of(feed(client, token))
    assert len(events) == 3
    body = feed(client, token).content.decode()
    for purpose in ("Mon entretien", "Entretien victime", "Réunion de pôle", "Médiation"):
        assert purpose not in body


def test_user_feed_lists_own_and_team_bookings(client, users, room, bookings, groups):
    token = CalendarFeedToken.objects.create(user=users["booker"])
    events, _calendar = events_of(feed(client, token))
    assert list(events) == [f"booking-{bookings['own'].uuid}@prevention-ixelles"]
    # A superuser's room feed reads every purpose.
    from django.contrib.auth import get_user_model

    boss = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
    token = CalendarFeedToken.objects.create(user=boss, room=room)
    body = feed(client, token).content.decode()
    assert "Entretien victime" in body


def test_wrong_revoked_or_stale_tokens_answer_404(client, users, room, bookings):
    token = CalendarFeedToken.objects.create(user=users["booker"], room=room)
    assert feed(client, token).status_code == 200
    for raw in ("x", "a" * 43, token.token[:-1] + ("A" if token.token[-1] != "A" else "B")):
        assert client.get(f"/bookings/feed/{raw}.ics").status_code == 404
    assert client.get("/bookings/feed/%27%20OR%201=1.ics").status_code == 404
    token.revoked_at = timezone.now()
    token.save()
    assert feed(client, token).status_code == 404
    # A user who left (inactive) or lost the right to see bookings: the feed stops.
    other = CalendarFeedToken.objects.create(user=users["booker"], room=room)
    users["booker"].is_active = False
    users["booker"].save()
    assert feed(client, other).status_code == 404
    outsider = CalendarFeedToken.objects.create(user=users["other"], room=room)
    assert feed(client, outsider).status_code == 404


def test_tokens_are_long_and_unique(users):
    tokens = {CalendarFeedToken.objects.create(user=users["booker"]).token for _ in range(20)}
    assert len(tokens) == 20
    assert all(len(t) >= 40 for t in tokens)


# -- admin: My calendar feeds -------------------------------------------------------------


def test_feeds_admin_create_regenerate_revoke(client, users, room):
    url = reverse("events_booking_feeds:index")
    assert client.get(url).status_code == 302  # login first
    client.force_login(users["other"])
    assert client.get(url).status_code in (302, 403)
    client.force_login(users["booker"])
    assert client.get(url).status_code == 200
    client.post(url, {"room": ""})
    client.post(url, {"room": room.pk})
    client.post(url, {"room": room.pk})  # a second feed of the same room is refused
    tokens = CalendarFeedToken.objects.filter(user=users["booker"], revoked_at__isnull=True)
    assert tokens.count() == 2
    room_token = tokens.get(room=room)
    page = client.get(url).content.decode()
    assert room_token.token in page
    response = client.post(reverse("events_booking_feeds:regenerate", args=[room_token.pk]))
    assert response.status_code == 302
    room_token.refresh_from_db()
    assert room_token.revoked_at is not None
    new = CalendarFeedToken.objects.get(user=users["booker"], room=room, revoked_at=None)
    assert new.token != room_token.token
    assert feed(client, room_token).status_code == 404
    assert feed(client, new).status_code == 200
    # GET changes nothing; another user's token is not found.
    client.get(reverse("events_booking_feeds:revoke", args=[new.pk]))
    new.refresh_from_db()
    assert new.revoked_at is None
    client.force_login(users["approver"])
    response = client.post(reverse("events_booking_feeds:revoke", args=[new.pk]))
    # 404 (turned by LocaleMiddleware into a redirect to a 404 under /fr/).
    assert response.status_code in (302, 404)
    assert not response.get("Location", "").endswith(reverse("events_booking_feeds:index"))
    new.refresh_from_db()
    assert new.revoked_at is None
    client.force_login(users["booker"])
    client.post(reverse("events_booking_feeds:revoke", args=[new.pk]))
    new.refresh_from_db()
    assert new.revoked_at is not None
    assert new.token not in client.get(url).content.decode()
    # Bad input: an unknown room is a form error, not a 500.
    assert client.post(url, {"room": "999999"}).status_code in (200, 302)
    assert client.post(url, {"room": "abc"}).status_code in (200, 302)


def test_account_page_links_to_the_feeds(client, users):
    client.force_login(users["booker"])
    response = client.get(reverse("wagtailadmin_account"))
    assert reverse("events_booking_feeds:index") in response.content.decode()
