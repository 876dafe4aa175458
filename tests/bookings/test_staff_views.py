"""Staff tools: day timeline, find a free room, my bookings, usage report (page and CSV)."""

import csv
import io
from datetime import date, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.bookings import services
from events.bookings.rules import RuleContext
from events.models import Booking, Room, RoomWeeklyHours

from .conftest import make

URLS = [
    ("events_booking_day:index", "booker"),
    ("events_booking_find:index", "booker"),
    ("events_booking_usage:index", "approver"),
]


def _local(days, hour, minute=0):
    base = timezone.localtime() + timedelta(days=days)
    return base.replace(hour=hour, minute=minute, second=0, microsecond=0)


@pytest.mark.parametrize(("name", "right"), URLS)
def test_permissions(client, users, room, name, right):
    url = reverse(name)
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    client.force_login(users["other"])
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    follow = client.get(url, follow=True)
    assert "Désolé, vous n&#x27;avez pas les autorisations" in follow.content.decode()
    client.force_login(users[right])
    assert client.get(url).status_code == 200


def test_usage_report_is_for_approvers_only(client, users, room):
    client.force_login(users["booker"])
    response = client.get(reverse("events_booking_usage:index"))
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_menu_lists_the_tools_the_user_may_use(client, users, room):
    client.force_login(users["booker"])
    body = client.get("/admin/").content.decode()
    assert reverse("events_booking_day:index") in body
    assert reverse("events_booking_find:index") in body
    assert reverse("events_bookings:index") + "?mine=true" in body
    assert reverse("events_booking_usage:index") not in body
    client.force_login(users["approver"])
    assert reverse("events_booking_usage:index") in client.get("/admin/").content.decode()


# -- day timeline ---------------------------------------------------------------------------


@pytest.fixture
def second_room(db):
    return Room.objects.create(name="Salle de réunion 2", capacity=10)


def test_day_timeline_shows_every_room_and_hides_private_purposes(
    client, users, room, second_room, django_assert_max_num_queries
):
    start = _local(2, 10)
    ctx = RuleContext(user=users["approver"])
    services.save_bookings(
        [
            make(room, start, start + timedelta(hours=2), purpose="Conseil de quartier"),
            make(
                second_room,
                start,
                start + timedelta(hours=1),
                purpose="Entretien confidentiel",
                is_private=True,
                booked_by=users["approver"],
            ),
            make(second_room, _local(2, 14), _local(2, 15, 30), purpose="Formation"),
        ],
        ctx,
    )
    client.force_login(users["booker"])
    url = reverse("events_booking_day:index") + f"?date={start:%Y-%m-%d}"
    with django_assert_max_num_queries(14):
        response = client.get(url)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Salle polyvalente" in body and "Salle de réunion 2" in body
    assert "Conseil de quartier" in body and "Formation" in body
    assert "Entretien confidentiel" not in body and "privée" in body
    assert '<th scope="col">' in body and '<th scope="row">' in body and "<caption" in body
    assert 'tabindex="0" role="region"' in body
    # A two-hour booking spans four half-hour rows; 14:00–15:30 spans three.
    assert 'rowspan="4"' in body and 'rowspan="3"' in body
    # The approver reads the purpose of their own private booking.
    client.force_login(users["approver"])
    assert "Entretien confidentiel" in client.get(url).content.decode()


def test_day_timeline_navigation_and_bad_date(client, users, room):
    client.force_login(users["booker"])
    url = reverse("events_booking_day:index")
    body = client.get(url + "?date=2026-10-14").content.decode()
    assert "?date=2026-10-13" in body and "?date=2026-10-15" in body
    response = client.get(url + "?date=abc")
    assert response.status_code == 200
    assert 'role="status"' in response.content.decode()


# -- find a free room -----------------------------------------------------------------------


def _find(client, day, start="10:00", duration=60, **extra):
    params = {"date": f"{day:%Y-%m-%d}", "start": start, "duration": duration, **extra}
    return client.get(reverse("events_booking_find:index"), params)


def test_find_lists_free_rooms_with_a_prefilled_booking_link(
    client, users, room, second_room, django_assert_max_num_queries
):
    start = _local(3, 10)
    services.save_bookings(
        [make(room, start, start + timedelta(hours=2), purpose="Conseil")],
        RuleContext(user=users["booker"]),
    )
    client.force_login(users["booker"])
    with django_assert_max_num_queries(20):
        response = _find(client, start.date(), start="10:30", duration=60)
    free = [c.room for c in response.context["free"]]
    busy = {c.room: c.reasons for c in response.context["busy"]}
    assert free == [second_room]
    assert "Conseil" in busy[room][0]
    book_url = response.context["free"][0].book_url
    assert book_url.startswith(reverse("events_bookings:add"))
    form = client.get(book_url).context["form"]
    assert form.initial["room"] == second_room.pk
    assert form.initial["start"].strftime("%H:%M") == "10:30"
    assert form.initial["end"].strftime("%H:%M") == "11:30"


def test_find_respects_capacity_equipment_step_free_and_room_rules(
    client, users, room, second_room
):
    day = _local(4, 9).date()
    client.force_login(users["booker"])
    # Capacity: 20 people do not fit in the 10-place room.
    response = _find(client, day, attendees=20)
    assert [c.room for c in response.context["free"]] == [room]
    # Step-free and equipment filter the rooms out before the rules.
    response = _find(client, day, step_free="on")
    assert [c.room for c in response.context["free"]] == [room]
    second_room.projector = True
    second_room.save()
    response = _find(client, day, equipment="projector")
    assert [c.room for c in response.context["free"]] == [second_room]
    # Opening hours and maximum duration come from rules.py.
    RoomWeeklyHours.objects.create(
        room=second_room, weekday=day.weekday(), opens=time(9), closes=time(12)
    )
    second_room.max_duration = 120
    second_room.save()
    response = _find(client, day, start="11:00", duration=180)
    reasons = {c.room: c.reasons for c in response.context["busy"]}
    assert len(reasons[second_room]) == 2
    # Who may book: a room reserved to another group is not free for this booker.
    room.booking_groups.add(users["other"].groups.first())
    response = _find(client, day)
    assert room in {c.room for c in response.context["busy"]}


@pytest.mark.parametrize(
    "params",
    [
        {"date": "abc", "start": "10:00", "duration": "60"},
        {"date": "2026-10-10", "start": "25:99", "duration": "60"},
        {"date": "2026-10-10", "start": "10:00", "duration": "-5"},
        {"date": "2026-10-10", "start": "10:00", "duration": "60", "equipment": "jacuzzi"},
        {"date": "2026-10-10", "start": "10:00", "duration": "60", "attendees": "many"},
    ],
)
def test_find_bad_input_is_a_form_error(client, users, room, params):
    client.force_login(users["booker"])
    response = client.get(reverse("events_booking_find:index"), params)
    assert response.status_code == 200
    assert response.context["form"].errors and response.context["free"] is None


def test_find_in_the_past_is_not_free(client, users, room):
    client.force_login(users["booker"])
    response = _find(client, date(2020, 1, 6))
    assert response.context["free"] == []


def test_book_form_ignores_bad_prefill(client, users, room):
    client.force_login(users["booker"])
    url = reverse("events_bookings:add") + "?room=x&start=tomorrow&attendees=-1"
    response = client.get(url)
    assert response.status_code == 200
    assert "room" not in response.context["form"].initial


# -- my bookings ------------------------------------------------------------------------------


def test_my_bookings_filter_lists_only_mine(client, users, room):
    ctx = RuleContext(user=users["booker"])
    services.save_bookings(
        [make(room, _local(5, 10), _local(5, 11), purpose="Le mien", booked_by=users["booker"])],
        ctx,
    )
    services.save_bookings(
        [
            make(
                room,
                _local(5, 12),
                _local(5, 13),
                purpose="Pas le mien",
                booked_by=users["approver"],
            )
        ],
        RuleContext(user=users["approver"]),
    )
    client.force_login(users["booker"])
    body = client.get(reverse("events_bookings:index") + "?mine=true").content.decode()
    assert "Le mien" in body and "Pas le mien" not in body


# -- usage report -----------------------------------------------------------------------------


def _confirmed(room, start, end, **kwargs):
    booking = make(room, start, end, **kwargs)
    booking.set_blocked_range()
    booking.save()
    return booking


def test_usage_report_counts_confirmed_hours_per_room_and_group(
    client, users, room, second_room, groups, django_assert_max_num_queries
):
    from .conftest import at

    _confirmed(room, at("2026-10-05", "10:00"), at("2026-10-05", "12:30"), group=groups["booker"])
    _confirmed(second_room, at("2026-10-06", "09:00"), at("2026-10-06", "10:00"))
    # Crosses into November: only the part in October counts.
    _confirmed(room, at("2026-10-31", "23:00"), at("2026-11-01", "01:00"), group=groups["booker"])
    _confirmed(
        room,
        at("2026-10-07", "10:00"),
        at("2026-10-07", "18:00"),
        status=Booking.Status.CANCELLED,
    )
    _confirmed(
        room, at("2026-10-08", "10:00"), at("2026-10-08", "18:00"), status=Booking.Status.REQUESTED
    )
    client.force_login(users["approver"])
    url = reverse("events_booking_usage:index")
    with django_assert_max_num_queries(12):
        response = client.get(url + "?month=2026-10")
    assert response.status_code == 200
    assert {n: h for n, h, _c in response.context["rooms"]} == {
        "Salle polyvalente": 3.5,
        "Salle de réunion 2": 1.0,
    }
    groups_hours = {n: h for n, h, _c in response.context["groups"]}
    assert groups_hours["Room bookers"] == 3.5
    assert response.context["total_hours"] == 4.5

    response = client.get(url + "?month=2026-10&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "room-usage-2026-10.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert ["2026-10", "salle", "Salle polyvalente", "3.50", "2"] in rows
    november = client.get(url + "?month=2026-11&format=csv").content.decode()
    assert "Salle polyvalente,1.00,1" in november


@pytest.mark.parametrize("value", ["abc", "2026-13", "2026", "-1-1", "2026-10-01"])
def test_usage_report_bad_month_is_a_clear_message(client, users, room, value):
    client.force_login(users["approver"])
    url = reverse("events_booking_usage:index")
    response = client.get(url, {"month": value})
    assert response.status_code == 200
    assert response.context["notice"] and 'role="alert"' in response.content.decode()
    response = client.get(url, {"month": value, "format": "csv"})
    assert response.status_code == 400
    assert value in response.content.decode()


def test_viewers_without_booking_rights_see_free_busy_only(client, users, groups, room):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from .conftest import grant

    viewers = Group.objects.create(name="Accueil")
    grant(viewers, "wagtailadmin.access_admin", "events.view_booking")
    viewer = get_user_model().objects.create_user("accueil", "accueil@example.org", "pw")
    viewer.groups.add(viewers)
    start = _local(2, 10)
    services.save_bookings(
        [make(room, start, start + timedelta(hours=1), purpose="Conseil", group=groups["booker"])],
        RuleContext(user=users["booker"]),
    )
    client.force_login(viewer)
    for url in (
        reverse("events_booking_day:index") + f"?date={start:%Y-%m-%d}",
        reverse("events_booking_week:room", args=[room.pk]) + f"?date={start:%Y-%m-%d}",
    ):
        response = client.get(url)
        body = response.content.decode()
        assert response.status_code == 200
        assert f"{start:%H:%M}" in body
        assert "Conseil" not in body and "Room bookers" not in body
    listing = client.get(reverse("events_bookings:index")).content.decode()
    assert "Conseil" not in listing
    assert client.get(reverse("events_booking_find:index")).status_code == 302


def test_listing_and_edit_leave_out_private_bookings_of_other_teams(client, users, room):
    start = _local(2, 10)
    private = make(
        room,
        start,
        start + timedelta(hours=1),
        purpose="Entretien confidentiel",
        is_private=True,
        booked_by=users["approver"],
    )
    services.save_bookings([private], RuleContext(user=users["approver"]))
    client.force_login(users["booker"])
    listing = client.get(reverse("events_bookings:index")).content.decode()
    assert "Entretien confidentiel" not in listing
    response = client.get(reverse("events_bookings:index") + "?export=csv")
    export = b"".join(response.streaming_content).decode()
    assert "Salle polyvalente" not in export
    assert "Entretien confidentiel" not in export
    edit = client.get(reverse("events_bookings:edit", args=[private.pk]), follow=True)
    assert edit.status_code == 404
    client.force_login(users["approver"])
    assert "Entretien confidentiel" in client.get(reverse("events_bookings:index")).content.decode()
