"""The admin as editors use it: series inline on an event page, single-date exceptions,
permissions."""

from datetime import date, datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.models import EventPage, Occurrence
from maison.core.factories import UserFactory

from .conftest import BRUSSELS, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return UserFactory(username="chef", is_superuser=True, is_staff=True)


@pytest.fixture
def editor(db):
    """Admin access and the right to change/add dates, nothing else."""
    group = Group.objects.create(name="Animateurs")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_occurrence"),
        Permission.objects.get(codename="add_occurrence"),
    )
    user = UserFactory(username="animateur")
    user.groups.add(group)
    return user


@pytest.fixture
def outsider(db):
    group = Group.objects.create(name="Visiteurs admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory(username="autre")
    user.groups.add(group)
    return user


@pytest.fixture
def workshop(calendar_page, frozen):
    return make_event(
        calendar_page, title="Atelier slam", series=[{"start_date": date(2026, 12, 2)}]
    )


def test_editor_creates_an_event_with_a_weekly_series_inline(
    client, superuser, calendar_page, room, frozen
):
    client.force_login(superuser)
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", calendar_page.pk])
    form_page = client.get(url)
    assert form_page.status_code == 200
    html = form_page.content.decode()
    # The recurrence widget's media, in the order it needs.
    catalogue = html.index('src="/jsi18n/"')
    widget = html.index("recurrence/js/recurrence-widget.js")
    init = html.index("events/js/recurrence-admin.js")
    assert catalogue < widget < init
    assert "admin/js/jquery.init.js" not in html  # it would replace window.django
    data = nested_form_data(
        {
            "title": "Atelier graffiti",
            "slug": "atelier-graffiti",
            "intro": "Chaque mercredi.",
            "location": "",
            "body": streamfield([]),
            "series": inline_formset(
                [
                    {
                        "title": "",
                        "start_date": "2026-12-02",
                        "start_time": "14:00",
                        "end_time": "16:00",
                        "duration_minutes": "",
                        "recurrence": "RRULE:FREQ=WEEKLY;UNTIL=20270623T220000Z;BYDAY=WE",
                        "school_holidays": "ignore",
                        "school_calendar": "fwb",
                        "skip_public_holidays": "on",
                        "room": str(room.pk),
                    }
                ]
            ),
            "action-publish": "publish",
        }
    )
    data.update({"comments-TOTAL_FORMS": "0", "comments-INITIAL_FORMS": "0"})
    response = client.post(url, data)
    assert response.status_code == 302, (
        response.context["form"].errors if response.context else response
    )
    page = EventPage.objects.get(slug="atelier-graffiti")
    assert page.live
    occurrences = Occurrence.objects.for_page(page)
    days = [o.start.astimezone(BRUSSELS).date() for o in occurrences]
    assert days[0] == date(2026, 12, 2) and days[-1] == date(2027, 6, 23)
    assert all(d.weekday() == 2 for d in days)
    assert {o.room_id for o in occurrences} == {room.pk}
    series = page.series.get()
    assert series.recurrence.dtstart is None
    assert "DTSTART" not in EventPage.series.rel.related_model.recurrence.field.get_prep_value(
        series.recurrence
    )
    assert rich_text  # helpers imported for other page types


def test_cancel_move_restore_and_extra_date_in_a_few_clicks(client, editor, workshop, room):
    client.force_login(editor)
    series = workshop.series.get()
    occurrence = series.occurrences.get(original_date=date(2026, 12, 9))
    index = client.get(reverse("events_dates:index") + f"?owner={workshop.pk}")
    assert index.status_code == 200
    html = index.content.decode()
    assert reverse("events_dates:cancel", args=[occurrence.pk]) in html

    response = client.post(
        reverse("events_dates:cancel", args=[occurrence.pk]), {"note": "Animateur en congé"}
    )
    assert response.status_code == 302
    occurrence.refresh_from_db()
    assert occurrence.is_cancelled and occurrence.note == "Animateur en congé"
    assert "Animateur en congé" in client.get(workshop.url).content.decode()

    response = client.post(reverse("events_dates:restore", args=[occurrence.pk]), {})
    assert response.status_code == 302
    occurrence.refresh_from_db()
    assert occurrence.status == Occurrence.Status.SCHEDULED and occurrence.note == ""

    response = client.post(
        reverse("events_dates:edit", args=[occurrence.pk]),
        {
            "start": "2026-12-10 10:00",
            "end": "2026-12-10 12:00",
            "room": str(room.pk),
            "status": "scheduled",
            "note": "Jeudi matin",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    occurrence.refresh_from_db()
    assert occurrence.is_moved
    assert occurrence.start == datetime(2026, 12, 10, 10, tzinfo=BRUSSELS)
    assert occurrence.room == room

    response = client.post(
        reverse("events_dates:add"),
        {"series": str(series.pk), "start": "2026-12-19 11:00", "end": "", "room": "", "note": ""},
    )
    assert response.status_code == 302, response.context["form"].errors
    extra = series.occurrences.get(original_date=date(2026, 12, 19))
    assert extra.is_extra and extra.end - extra.start == series.duration

    # A second date on the same day is refused with a message, nothing written.
    response = client.post(
        reverse("events_dates:add"),
        {"series": str(series.pk), "start": "2026-12-19 15:00", "end": "", "room": "", "note": ""},
    )
    assert response.status_code == 200
    assert series.occurrences.filter(original_date=date(2026, 12, 19)).count() == 1


@pytest.mark.parametrize("name", ["cancel", "restore", "edit"])
def test_date_actions_need_permission(client, outsider, workshop, name):
    occurrence = workshop.series.get().occurrences.get(original_date=date(2026, 12, 9))
    url = reverse(f"events_dates:{name}", args=[occurrence.pk])
    response = client.post(url, {"note": "x"})
    assert response.status_code == 302 and "/login/" in response["Location"]  # anonymous
    client.force_login(outsider)
    response = client.post(
        url, {"note": "x", "start": "2026-12-10 10:00", "end": "2026-12-10 12:00"}
    )
    assert response.status_code in (302, 403)
    occurrence.refresh_from_db()
    assert occurrence.status == Occurrence.Status.SCHEDULED and occurrence.note == ""


def test_adding_a_date_needs_permission(client, outsider, workshop):
    client.force_login(outsider)
    series = workshop.series.get()
    response = client.post(
        reverse("events_dates:add"), {"series": str(series.pk), "start": "2026-12-19 11:00"}
    )
    assert response.status_code in (302, 403)
    assert not series.occurrences.filter(original_date=date(2026, 12, 19)).exists()
    assert client.get(reverse("events_dates:index")).status_code in (302, 403)


def test_page_header_has_a_dates_button(client, editor, superuser, workshop):
    client.force_login(superuser)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[workshop.pk])).content.decode()
    assert reverse("events_dates:index") + f"?owner={workshop.pk}" in html


def test_rooms_and_holiday_calendars_in_the_admin(client, superuser, calendars, room):
    client.force_login(superuser)
    html = client.get(reverse("events_periods:index") + "?community=fwb").content.decode()
    assert "Autumn holiday" in html
    assert client.get(reverse("events_rooms:index")).status_code == 200
    assert room.name in client.get(reverse("events_rooms:index")).content.decode()
