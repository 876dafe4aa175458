"""Publishing a workshop whose series takes a booked slot: the page editor lists each
clashing date (room, date, holder with privacy respected) and nothing is published."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.bookings import services
from events.bookings.rules import RuleContext
from events.models import Booking, CalendarPage, EventPage

from .conftest import at, grant, make


@pytest.fixture
def calendar_page(site_tree):
    page = CalendarPage(title="Agenda", slug="agenda")
    site_tree.home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def page_editor(users, groups, calendar_page):
    """The "other" team may add and publish pages under the calendar and book rooms, not
    read others' private bookings."""
    grant(groups["other"], "events.add_booking", "events.view_booking")
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=groups["other"],
            page=calendar_page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return users["other"]


@pytest.fixture
def taken(room, users):
    services.save_bookings(
        [make(room, at("2027-01-20", "15:00"), at("2027-01-20", "17:00"), purpose="Conseil")],
        RuleContext(user=users["booker"]),
    )
    services.save_bookings(
        [
            make(
                room,
                at("2027-01-27", "13:00"),
                at("2027-01-27", "14:30"),
                purpose="Entretien confidentiel",
                is_private=True,
                booked_by=users["approver"],
            )
        ],
        RuleContext(user=users["approver"]),
    )


def _data(
    room,
    action="action-publish",
    rule="RRULE:FREQ=WEEKLY;UNTIL=20270203T220000Z;BYDAY=WE",
    series_id=None,
):
    ids = {"id": str(series_id)} if series_id else {}
    data = nested_form_data(
        {
            "title": "Atelier théâtre",
            "slug": "atelier-theatre",
            "intro": "",
            "location": "",
            "body": streamfield([]),
            "series": inline_formset(
                [
                    {
                        "title": "",
                        "start_date": "2027-01-13",
                        "start_time": "14:00",
                        "end_time": "16:00",
                        "duration_minutes": "",
                        "recurrence": rule,
                        "school_holidays": "ignore",
                        "school_calendar": "fwb",
                        "room": str(room.pk),
                        **ids,
                    }
                ],
                initial=1 if series_id else 0,
            ),
        }
    )
    data.update({"comments-TOTAL_FORMS": "0", "comments-INITIAL_FORMS": "0"})
    if action:
        data[action] = "1"
    return data


def test_publishing_over_a_taken_slot_lists_each_clashing_date(
    client, page_editor, calendar_page, room, taken
):
    client.force_login(page_editor)
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", calendar_page.pk])
    response = client.post(url, _data(room))
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    text = " ".join(errors)
    assert len(errors) == 3  # the explanation, then one line per clashing date
    assert "20 janvier 2027" in text and "27 janvier 2027" in text
    assert "13 janvier 2027" not in text and "3 février 2027" not in text
    assert "Salle polyvalente" in text and "Conseil" in text
    assert "Entretien confidentiel" not in text and "privée" in text
    body = response.content.decode()
    assert "20 janvier 2027" in body  # shown in the editor's error message
    assert not EventPage.objects.filter(slug="atelier-theatre").exists()
    assert Booking.objects.filter(source=Booking.Source.WORKSHOP).count() == 0

    # A draft does not book rooms: it is saved.
    response = client.post(url, _data(room, action=None))
    assert response.status_code == 302
    page = EventPage.objects.get(slug="atelier-theatre")
    assert not page.live

    # Through the edit view, with the two dates excluded from the rule: published, and
    # the two free dates hold the room.
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    series = page.series.get()
    response = client.post(edit, _data(room, series_id=series.pk))
    assert response.status_code == 200 and len(response.context["form"].non_field_errors()) == 3
    rule = (
        "RRULE:FREQ=WEEKLY;UNTIL=20270203T220000Z;BYDAY=WE\n"
        "EXDATE:20270120T000000Z,20270127T000000Z"
    )
    response = client.post(edit, _data(room, rule=rule, series_id=series.pk))
    assert response.status_code == 302, response.context["form"].non_field_errors()
    page.refresh_from_db()
    assert page.live
    held = Booking.objects.confirmed().filter(source=Booking.Source.WORKSHOP).order_by("start")
    assert [b.start for b in held] == [at("2027-01-13", "14:00"), at("2027-02-03", "14:00")]

    # Publishing again (unchanged) is not blocked by its own bookings.
    response = client.post(edit, _data(room, rule=rule, series_id=series.pk))
    assert response.status_code == 302
    assert Booking.objects.confirmed().filter(source=Booking.Source.WORKSHOP).count() == 2
