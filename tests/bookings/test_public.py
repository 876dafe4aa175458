"""The public side: rooms page, free/busy week (times only), partner request form, its
emails in the requester's language, and the approval of a request."""

from datetime import date, datetime, time, timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from events.bookings import services
from events.bookings.public_views import REQUEST_LIMIT
from events.bookings.rules import RuleContext
from events.bookings.testing import build_rooms_pages, requestable_room
from events.models import Booking, Room, RoomHoursException, RoomsPage
from events.scheduling import make_aware
from maison.core.models import HomePage, StandardPage

from .conftest import make


class TestRoomsPageTree(WagtailPageTestCase):
    def test_under_home_only(self):
        self.assertCanCreateAt(HomePage, RoomsPage)
        self.assertCanNotCreateAt(StandardPage, RoomsPage)
        self.assertAllowedSubpageTypes(RoomsPage, {})


def next_monday(weeks=2) -> date:
    today = timezone.localdate()
    return today - timedelta(days=today.weekday()) + timedelta(weeks=weeks)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return make_aware(datetime.combine(day, time(hour, minute)))


@pytest.fixture
def pages(site_tree):
    return build_rooms_pages(site_tree)


@pytest.fixture
def room(db):
    return requestable_room(buffer_before=15, buffer_after=15)


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def room_url(page, room, suffix=""):
    return page.url + page.reverse_subpage("room", kwargs={"room_id": room.pk}) + suffix


def request_url(page, room):
    return page.url + page.reverse_subpage("request", kwargs={"room_id": room.pk})


# -- rooms page and free/busy -----------------------------------------------------------


def test_rooms_page_lists_only_requestable_rooms(client, pages, room):
    Room.objects.create(name="Bureau d'entretien", confidential=True)
    Room.objects.create(name="Salle fermée", partner_requests=True, bookable=False)
    for code in ("fr", "nl", "en"):
        response = client.get(pages[code].url)
        assert response.status_code == 200
        body = response.content.decode()
        assert room.name in body
        assert "Bureau d" not in body and "Salle fermée" not in body
    assert pages["fr"].url == "/fr/salles/"


def test_free_busy_shows_times_only(client, pages, room, users, django_assert_max_num_queries):
    monday = next_monday()
    team = Group.objects.create(name="Équipe Médiation")
    private = make(
        room,
        local(monday, 10),
        local(monday, 12),
        purpose="Entretien confidentiel",
        group=team,
        is_private=True,
    )
    public = make(room, local(monday + timedelta(days=2), 14), local(monday, 15), purpose="Jury")
    public.end = local(monday + timedelta(days=2), 15)
    pending = make(
        room,
        local(monday + timedelta(days=3), 9),
        local(monday + timedelta(days=3), 10),
        status=Booking.Status.REQUESTED,
        source=Booking.Source.PARTNER,
        purpose="Assemblée",
        organisation="ASBL Secrète",
        contact_name="Jeanne Contact",
        contact_email="jeanne@example.org",
    )
    services.save_bookings(
        [private, public],
        RuleContext(user=users["approver"], now=local(monday, 0) - timedelta(days=7)),
    )
    services.save_bookings([pending], RuleContext(source=Booking.Source.PARTNER))
    url = room_url(pages["fr"], room, f"?date={monday.isoformat()}")
    client.get(url)  # the page chrome and settings cached, as after the first visitor
    with django_assert_max_num_queries(12):  # 4 of them for the week
        response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    for secret in ("Entretien", "Médiation", "Jury", "Assemblée", "Secrète", "Jeanne", "jeanne@"):
        assert secret not in body
    # Blocked 09:45–12:15, widened by the new booking's own buffers: 09:30–12:30.
    assert "09:30" in body and "12:30" in body
    assert "13:30" in body and "15:30" in body
    # The pending request blocks nothing: Thursday is free.
    assert "09:00" not in body
    assert '<th scope="row">' in body and '<caption id="free-busy-caption">' in body
    assert "Semaine précédente" in body and "Semaine suivante" in body
    previous = (monday - timedelta(days=7)).isoformat()
    assert f"?date={previous}" in body


def test_cached_regions_serve_rooms_without_a_query_and_a_new_booking_at_once(
    client, pages, room, users, settings, django_assert_max_num_queries
):
    # The views hand their templates lazy values (core.content_cache.lazy), and the room
    # comes from the content cache: a region served from the cache runs no query.
    settings.CONTENT_CACHE_ENABLED = True
    monday = next_monday()
    url = room_url(pages["fr"], room, f"?date={monday.isoformat()}")
    for page_url in (pages["fr"].url, url):
        assert room.name in client.get(page_url).content.decode()
        with django_assert_max_num_queries(1):
            assert room.name in client.get(page_url).content.decode()
    assert "10:30" not in client.get(url).content.decode()
    booking = make(room, local(monday, 11), local(monday, 12), purpose="Réunion")
    services.save_bookings(
        [booking], RuleContext(user=users["approver"], now=local(monday, 0) - timedelta(days=7))
    )
    body = client.get(url).content.decode()
    assert "10:30" in body and "12:30" in body  # busy, with the set-up and cleaning time


def test_cached_rooms_pages_read_no_room_and_show_a_staff_edit_at_once(
    client, pages, room, settings
):
    # Stricter than "at most one query": the eager list ran exactly one, on the rooms. A
    # region served from the cache reads no room, booking or opening hours at all.
    settings.CONTENT_CACHE_ENABLED = True
    monday = next_monday()
    week = f"?date={monday.isoformat()}"
    urls = [
        pages["fr"].url,
        room_url(pages["fr"], room, week),
        room_url(pages["en"], room, "?date=x"),
    ]
    for url in urls:
        first = client.get(url).content.decode()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert not [q["sql"] for q in queries.captured_queries if '"events_' in q["sql"]], url
        assert response.content.decode() == first
    body = client.get(urls[1]).content.decode()
    assert f"?date={(monday - timedelta(days=7)).isoformat()}" in body
    assert f"?date={(monday + timedelta(days=7)).isoformat()}" in body
    assert f'href="{request_url(pages["fr"], room)}{week}"' in body
    assert "08:00–22:00" in body and "Inventaire" not in body
    assert "is not a date" in client.get(urls[2]).content.decode()  # its notice, cached

    # Staff rename the room and close it on that Monday: both pages show it at once.
    room.name = "Salle Magritte"
    room.save()
    RoomHoursException.objects.create(
        room=room, start_date=monday, end_date=monday, closed=True, reason="Inventaire"
    )
    assert "Salle Magritte" in client.get(urls[0]).content.decode()
    body = client.get(urls[1]).content.decode()
    assert "Salle Magritte" in body and "Inventaire" in body


def test_free_busy_bad_input(client, pages, room):
    response = client.get(room_url(pages["en"], room, "?date=2026-13-45"))
    assert response.status_code == 200
    assert "is not a date" in response.content.decode()
    assert client.get(room_url(pages["fr"], room, "?date=99999-01-01")).status_code == 200
    closed = Room.objects.create(name="Bureau", partner_requests=False)
    assert client.get(room_url(pages["fr"], closed)).status_code == 404
    assert client.get(pages["fr"].url + "999999/").status_code == 404
    assert client.get(pages["fr"].url + "abc/").status_code == 404


def test_free_busy_shows_closures(client, pages, room):
    from events.models import RoomHoursException

    monday = next_monday()
    RoomHoursException.objects.create(
        room=room, start_date=monday, end_date=monday, closed=True, reason="Inventaire"
    )
    body = client.get(room_url(pages["en"], room, f"?date={monday.isoformat()}")).content.decode()
    assert "Inventaire" in body and "08:00–22:00" in body


# -- request form ------------------------------------------------------------------------


def form_data(day: date, **changes):
    data = {
        "organisation": "ASBL L'Entraide",
        "contact_name": "Jeanne Dupont",
        "contact_email": "jeanne@example.org",
        "contact_phone": "02 000 00 00",
        "purpose": "Assemblée générale",
        "attendees": "10",
        "date": day.isoformat(),
        "start_time": "18:00",
        "end_time": "20:00",
        "weeks": "1",
        "website": "",
    }
    data.update(changes)
    return data


def test_request_form_renders_in_three_languages(client, pages, room):
    for code in ("fr", "nl", "en"):
        response = client.get(request_url(pages[code], room) + "?date=2000-01-01")
        assert response.status_code == 200
        assert 'name="website"' in response.content.decode()


def test_request_creates_pending_weekly_bookings_and_mails_in_dutch(
    client, pages, room, mailoutbox, django_capture_on_commit_callbacks
):
    monday = next_monday()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            request_url(pages["nl"], room), form_data(monday + timedelta(days=1), weeks="3")
        )
    assert response.status_code == 302
    assert response["Location"].endswith("/request-sent/")
    bookings = list(Booking.objects.order_by("start"))
    assert len(bookings) == 3
    assert {b.status for b in bookings} == {Booking.Status.REQUESTED}
    assert {b.source for b in bookings} == {Booking.Source.PARTNER}
    assert {b.language for b in bookings} == {"nl"}
    assert [b.start.astimezone(timezone.get_current_timezone()).hour for b in bookings] == [18] * 3
    assert [timezone.localdate(b.start) for b in bookings] == [
        monday + timedelta(days=1, weeks=n) for n in range(3)
    ]
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["jeanne@example.org"]
    assert mail.subject == "We hebben uw aanvraag voor een lokaal ontvangen"
    assert "L'Entraide" in mail.body  # plain text: no HTML escaping
    assert mail.body.count("18:00") == 3
    sent = client.get(response["Location"])
    assert sent.status_code == 200
    assert "Bedankt, uw aanvraag is verstuurd" in sent.content.decode()


@pytest.mark.parametrize(
    "changes",
    [
        {"organisation": ""},
        {"contact_email": "not-an-email"},
        {"contact_phone": "call me"},
        {"date": "31/02/2026"},
        {"date": "9999-12-31", "weeks": "12"},
        {"start_time": "25:00"},
        {"end_time": "17:00"},
        {"attendees": "0"},
        {"weeks": "13"},
        {"weeks": "x"},
    ],
)
def test_request_validation_writes_nothing(client, pages, room, mailoutbox, changes):
    response = client.post(request_url(pages["fr"], room), form_data(next_monday(), **changes))
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="error-summary"' in body and 'aria-invalid="true"' in body
    assert "Veuillez corriger les points suivants" in body
    assert Booking.objects.count() == 0
    assert mailoutbox == []


def test_rule_errors_are_shown(client, pages, room, mailoutbox):
    monday = next_monday()
    # Past date, outside opening hours, more people than seats.
    cases = [
        form_data(timezone.localdate() - timedelta(days=3)),
        form_data(monday, start_time="21:00", end_time="23:00"),
        form_data(monday, attendees="40"),
    ]
    for data in cases:
        response = client.post(request_url(pages["en"], room), data)
        assert response.status_code == 400
        assert (
            "Salle de réunion 1" in response.content.decode() or "past" in response.content.decode()
        )
    assert Booking.objects.count() == 0 and mailoutbox == []


def test_clash_with_a_confirmed_booking_hides_the_holder(client, pages, room, users):
    monday = next_monday()
    holder = make(
        room,
        local(monday + timedelta(weeks=1), 18),
        local(monday + timedelta(weeks=1), 19),
        purpose="Réunion secrète",
        is_private=False,
    )
    services.save_bookings([holder], RuleContext(user=users["approver"]))
    response = client.post(request_url(pages["en"], room), form_data(monday, weeks="3"))
    assert response.status_code == 400
    body = response.content.decode()
    assert "already booked" in body and "Réunion secrète" not in body
    assert Booking.objects.count() == 1  # all-or-nothing: no date of the three was saved


def test_pending_requests_do_not_block_and_approval_checks_the_slot(
    client, pages, room, users, mailoutbox, django_capture_on_commit_callbacks
):
    monday = next_monday()
    for organisation in ("ASBL Un", "ASBL Deux"):
        response = client.post(
            request_url(pages["en"], room),
            form_data(monday, organisation=organisation, contact_email="a@example.org"),
        )
        assert response.status_code == 302
    first, second = Booking.objects.order_by("pk")
    assert first.language == "en"
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(first, users["approver"])
    with pytest.raises(services.BookingConflict):
        services.approve(second, users["approver"])
    second.refresh_from_db()
    assert second.status == Booking.Status.REQUESTED
    assert Booking.objects.confirmed().count() == 1


def test_honeypot_stores_and_sends_nothing(client, pages, room, mailoutbox):
    response = client.post(
        request_url(pages["fr"], room), form_data(next_monday(), website="http://spam")
    )
    assert response.status_code == 302
    assert Booking.objects.count() == 0 and mailoutbox == []


def test_rate_limit_answers_429_with_a_readable_page(client, pages, room):
    url = request_url(pages["fr"], room)
    for _ in range(REQUEST_LIMIT.limit):
        assert client.post(url, {"organisation": ""}).status_code == 400
    response = client.post(url, form_data(next_monday()))
    assert response.status_code == 429
    assert "Trop de demandes" in response.content.decode()
    assert Booking.objects.count() == 0


def test_unknown_room_or_closed_room_404(client, pages):
    closed = Room.objects.create(name="Bureau", partner_requests=False)
    assert client.get(request_url(pages["fr"], closed)).status_code == 404
    assert client.post(request_url(pages["fr"], closed), {}).status_code == 404


# -- decision emails in the requester's language ------------------------------------------


@pytest.mark.parametrize(
    ("language", "decision", "subject"),
    [
        ("nl", "approve", "Uw aanvraag voor een lokaal is bevestigd"),
        ("fr", "approve", "Votre demande de salle est confirmée"),
        ("en", "reject", "Your room request was declined"),
    ],
)
def test_decision_email_in_the_requesters_language(
    client, room, users, mailoutbox, django_capture_on_commit_callbacks, language, decision, subject
):
    monday = next_monday()
    booking = make(
        room,
        local(monday, 10),
        local(monday, 11),
        status=Booking.Status.REQUESTED,
        source=Booking.Source.PARTNER,
        organisation="ASBL Démo",
        contact_email="demo@example.org",
        language=language,
    )
    services.save_bookings([booking], RuleContext(source=Booking.Source.PARTNER))
    client.force_login(users["approver"])
    from django.urls import reverse

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("events_booking_queue:decide", args=[booking.pk]),
            {"decision": decision, "reason": "La salle est en travaux."},
        )
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.subject == subject
    from django.utils import formats, translation

    with translation.override(language):
        expected = formats.date_format(timezone.localtime(booking.start), "DATETIME_FORMAT")
    assert expected in mail.body  # dates written the requester's way
    assert "La salle est en travaux." in mail.body


def test_no_mail_when_the_decision_rolls_back(
    room, users, mailoutbox, django_capture_on_commit_callbacks
):
    from django.db import transaction

    monday = next_monday()
    booking = make(
        room,
        local(monday, 10),
        local(monday, 11),
        status=Booking.Status.REQUESTED,
        source=Booking.Source.PARTNER,
        contact_email="demo@example.org",
    )
    services.save_bookings([booking], RuleContext(source=Booking.Source.PARTNER))
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        services.reject(booking, users["approver"], "Complet")
        raise RuntimeError
    assert mailoutbox == []
