"""The public side of bookings in Chromium: axe-core clean at 360 px in fr/nl/en (rooms
page, free/busy week, request form with and without errors), and the request form filled
and sent with the keyboard only."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from events.bookings import services
from events.bookings.rules import RuleContext
from events.bookings.testing import build_rooms_pages, requestable_room
from events.models import Booking
from events.scheduling import make_aware
from maison.core.testing import build_site_tree
from tests.browser.conftest import PHONE, assert_accessible


def _setup():
    pages = build_rooms_pages(build_site_tree())
    room = requestable_room(buffer_after=15)
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=1)
    booking = Booking(
        room=room,
        start=make_aware(datetime.combine(monday + timedelta(days=1), time(10, 0))),
        end=make_aware(datetime.combine(monday + timedelta(days=1), time(12, 0))),
        status=Booking.Status.CONFIRMED,
        purpose="Réunion",
    )
    services.save_bookings([booking], RuleContext(source=Booking.Source.WORKSHOP))
    return pages, room, monday


@pytest.mark.django_db(transaction=True)
def test_public_booking_pages_are_accessible_in_three_languages(make_session):
    pages, room, monday = _setup()
    phone = make_session(viewport=PHONE)
    for code in ("fr", "nl", "en"):
        page = pages[code]
        urls = [
            page.url,
            page.url
            + page.reverse_subpage("room", kwargs={"room_id": room.pk})
            + f"?date={monday.isoformat()}",
            page.url + page.reverse_subpage("request", kwargs={"room_id": room.pk}),
        ]
        for url in urls:
            response = phone.goto(url)
            assert response.status == 200, url
            assert_accessible(phone.page)
            # Nothing wider than the phone's screen except the table's own scroller.
            width = phone.page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], (url, width)
        assert phone.page.locator("table.free-busy").count() == 0  # last one is the form
        phone.goto(urls[1])
        assert phone.page.locator("table.free-busy caption").count() == 1
        assert phone.page.locator("table.free-busy tbody th[scope=row]").count() == 7
        # The form with its error messages.
        phone.goto(urls[2])
        phone.page.click("button[type=submit]")
        phone.page.wait_for_selector("#error-summary")
        assert phone.page.locator(".field-error").count() >= 5
        assert_accessible(phone.page)


@pytest.mark.django_db(transaction=True)
def test_request_form_works_with_the_keyboard_only(make_session):
    pages, room, monday = _setup()
    day = monday + timedelta(days=9)  # a Wednesday, two weeks ahead
    session = make_session(viewport=PHONE, locale="en-GB")
    page = pages["en"]
    session.goto(page.url + page.reverse_subpage("request", kwargs={"room_id": room.pk}))
    tab = session.page
    # Tab from the top of the form: every field in order, the honeypot never.
    typed = {
        "id_organisation": "Parents' Network",
        "id_contact_name": "Sam Example",
        "id_contact_email": "sam@example.org",
        "id_contact_phone": "02 000 00 00",
        "id_purpose": "Peer-support group",
        "id_attendees": "8",
        "id_date": None,  # typed below, in the order the browser shows the parts
        "id_start_time": "1800",
        "id_end_time": "1930",
        "id_weeks": None,
    }
    order = []
    tab.locator("#id_organisation").focus()
    for _ in typed:
        focused = tab.evaluate("document.activeElement.id")
        order.append(focused)
        text = typed.get(focused)
        if focused == "id_date":
            text = _date_keys(tab, day)
        if text:
            tab.keyboard.type(text)
        # Date and time fields have one stop per part (day, month, year): Tab past them.
        for _press in range(4):
            tab.keyboard.press("Tab")
            if tab.evaluate("document.activeElement.id") != focused:
                break
    assert order == list(typed)
    assert tab.input_value("#id_date") == day.isoformat()
    assert tab.evaluate("document.activeElement.type") == "submit"
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    errors = tab.locator("#error-summary")
    assert errors.count() == 0, errors.inner_text()
    tab.wait_for_url("**/request-sent/")
    saved = Booking.objects.get(source=Booking.Source.PARTNER)
    assert saved.organisation == "Parents' Network"
    assert timezone.localtime(saved.start).date() == day
    assert timezone.localtime(saved.start).time() == time(18, 0)
    assert saved.language == "en"


def _date_keys(tab, day) -> str:
    """The digits to type into a focused date field: its parts' order (day/month/year)
    depends on the browser's locale, so probe it with a date whose parts differ, then go
    back to the first part with Shift+Tab."""
    tab.keyboard.type("01022003")
    probe = tab.evaluate("document.activeElement.value")
    tab.keyboard.press("Shift+Tab")
    tab.keyboard.press("Shift+Tab")
    orders = {"2003-01-02": "%m%d%Y", "2003-02-01": "%d%m%Y"}
    return day.strftime(orders.get(probe, "%Y%m%d"))
