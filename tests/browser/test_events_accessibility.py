"""axe-core finds no WCAG 2.1 A/AA violation on the calendar's list, month and week views,
in French, Dutch and English (list on a phone, grids on a desktop)."""

from datetime import timedelta

import pytest
import recurrence
from django.utils import timezone

from events.models import CalendarPage, EventPage, Room, Series
from maison.core.testing import build_site_tree, translate

from .conftest import DESKTOP, PHONE, assert_accessible


def build_calendar():
    tree = build_site_tree()
    calendar = CalendarPage(title="Agenda", slug="agenda", intro="Ateliers et rencontres.")
    tree.home.add_child(instance=calendar)
    calendar.save_revision().publish()
    room = Room.objects.create(name="Espace jeunesse", floor=0, capacity=20, step_free=True)
    event = EventPage(title="Atelier hip-hop", slug="atelier-hip-hop", min_age=12, max_age=17)
    calendar.add_child(instance=event)
    today = timezone.localdate()
    Series.objects.create(
        page=event,
        start_date=today - timedelta(days=today.weekday()),
        start_time=timezone.datetime.min.time().replace(hour=14),
        end_time=timezone.datetime.min.time().replace(hour=16),
        recurrence=recurrence.Recurrence(
            rrules=[recurrence.Rule(recurrence.WEEKLY, byday=[recurrence.WE, recurrence.SA])]
        ),
        room=room,
        skip_public_holidays=False,
    )
    event = EventPage.objects.get(pk=event.pk)
    event.save_revision().publish()
    upcoming = event.series.get().occurrences.filter(end__gt=timezone.now())
    upcoming[1].cancel("L'animateur est malade.")
    urls = {"fr": calendar.url}
    for code, title in (("nl", "Agenda"), ("en", "Calendar")):
        translated = translate(calendar, code, title=title, slug=f"agenda-{code}")
        translate(event, code, title=f"Hip-hop ({code})", slug=f"hip-hop-{code}")
        urls[code] = CalendarPage.objects.get(pk=translated.pk).url
    return urls


@pytest.mark.django_db(transaction=True)
def test_calendar_views_are_accessible_in_three_languages(make_session):
    urls = build_calendar()
    phone = make_session(PHONE)
    desktop = make_session(DESKTOP)
    for code, url in urls.items():
        response = phone.goto(url)
        assert response.status == 200
        assert phone.page.locator("html").get_attribute("lang") == code
        assert phone.page.locator(".event-entry--cancelled").count() >= 1
        assert_accessible(phone.page)
        for view in ("month/", "week/"):
            response = desktop.goto(url + view)
            assert response.status == 200
            assert desktop.page.locator(".event-entry, .month-grid__entries li").count() >= 1
            assert_accessible(desktop.page)
        assert desktop.page.locator("table.month-grid").count() == 0  # week: lists only
