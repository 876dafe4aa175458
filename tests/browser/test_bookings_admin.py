"""The bookings pages of the admin, as a booker uses them: week view and day timeline pass
axe-core at 360 px and 1280 px; at 360 px the timeline scrolls sideways inside its own
focusable region, with the keyboard."""

from datetime import datetime, time, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _

from events import scheduling
from events.bookings import services
from events.bookings.groups import APPROVERS, BOOKERS, ensure_booking_groups
from events.bookings.rules import RuleContext
from events.models import Booking, Room
from maison.core.testing import build_site_tree

from .conftest import DESKTOP, PHONE, assert_accessible, sign_in_to_admin

PASSWORD = "un-mot-de-passe-solide-42"


def _login(session, next_url, username="reservation"):
    sign_in_to_admin(session, username, PASSWORD, next_url)


@pytest.fixture
def booked_day(db):
    build_site_tree()
    booker = get_user_model().objects.create_user("reservation", "r@example.org", PASSWORD)
    booker.groups.add(ensure_booking_groups()[BOOKERS])
    rooms = [
        Room.objects.create(name=name, capacity=capacity)
        for name, capacity in (
            ("Salle polyvalente", 60),
            ("Salle de réunion 1", 12),
            ("Salle de réunion 2", 8),
            ("Espace jeunesse", 25),
            ("Bureau d'entretien 1", 3),
            ("Bureau d'entretien 2", 3),
        )
    ]
    day = timezone.localdate() + timedelta(days=2)

    def at(hour, minute=0):
        return scheduling.make_aware(datetime.combine(day, time(hour, minute)))

    bookings = [
        Booking(room=rooms[0], start=at(10), end=at(12), purpose="Conseil de quartier"),
        Booking(room=rooms[1], start=at(9, 30), end=at(11), purpose="Réunion d'équipe"),
        Booking(room=rooms[4], start=at(14), end=at(15), purpose="Entretien", is_private=True),
        Booking(room=rooms[3], start=at(16), end=at(18), purpose="Atelier"),
    ]
    for booking in bookings:
        booking.status = Booking.Status.CONFIRMED
    services.save_bookings(bookings, RuleContext(user=booker))
    return day, rooms


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_day_timeline_and_week_view_are_accessible(make_session, booked_day, viewport):
    day, rooms = booked_day
    session = make_session(viewport)
    page = session.page
    day_url = "/admin/events_booking_day/"
    _login(session, day_url)
    session.goto(f"{day_url}?date={day:%Y-%m-%d}")
    table = page.locator("table.bookings-day-table")
    assert table.locator("thead th[scope=col]").count() == 7  # time + six rooms
    assert "Conseil de quartier" in table.inner_text()
    assert "Entretien" not in table.inner_text()  # another team's private booking
    assert_accessible(page)

    region = page.locator(".bookings-table-wrap")
    scroll = region.evaluate("el => [el.scrollWidth, el.clientWidth]")
    if viewport == PHONE:
        # The table is wider than the phone: it scrolls inside its region, not the page.
        assert scroll[0] > scroll[1]
        region.focus()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "() => document.querySelector('.bookings-table-wrap').scrollLeft > 0"
        )
    # Keyboard: the previous/next day links are reachable and work.
    page.locator("a[rel=next]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**?date={day + timedelta(days=1):%Y-%m-%d}")

    session.goto(f"/admin/events_booking_week/{rooms[0].pk}/?date={day:%Y-%m-%d}")
    assert "Conseil de quartier" in page.locator("table.bookings-week-table").inner_text()
    assert_accessible(page)

    # Find a free room, with its results.
    session.goto(f"/admin/events_booking_find/?date={day:%Y-%m-%d}&start=10:30&duration=60")
    assert page.locator("#free-rooms").is_visible()
    assert_accessible(page)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_usage_report_is_accessible(make_session, booked_day, viewport):
    day, _rooms = booked_day
    approver = get_user_model().objects.create_user("approbation", "a@example.org", PASSWORD)
    approver.groups.add(ensure_booking_groups()[APPROVERS])
    session = make_session(viewport)
    page = session.page
    _login(session, "/admin/events_booking_usage/", username="approbation")
    session.goto(f"/admin/events_booking_usage/?month={day:%Y-%m}")
    rooms_table = page.locator("#usage-rooms-caption").locator("xpath=..")
    # 2 h in the "Salle polyvalente" (10:00-12:00): the room's row shows it.
    row = rooms_table.locator("tbody tr", has_text="Salle polyvalente")
    assert row.locator("td").first.inner_text() == "2,0"  # French admin: decimal comma
    assert_accessible(page)
    # The month links work with the keyboard.
    following = (day.replace(day=1) + timedelta(days=32)).replace(day=1)
    page.locator(".bookings-nav a", has_text=_("Next month")).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**?month={following:%Y-%m}")
    assert page.locator("#usage-month").input_value() == f"{following:%Y-%m}"
