"""The django-recurrence widget works inside the Wagtail admin, in an InlinePanel form
added after the page loaded: an editor sets "every Wednesday until 24 June" and
publishes; the dates exist."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from events.models import CalendarPage, EventPage, Occurrence
from maison.core.testing import build_site_tree

from .conftest import DESKTOP, sign_in_to_admin

PASSWORD = "un-mot-de-passe-solide-42"


def next_june_24(today):
    candidate = date(today.year, 6, 24)
    return candidate if candidate > today else date(today.year + 1, 6, 24)


@pytest.mark.django_db(transaction=True)
def test_editor_sets_every_wednesday_until_24_june(make_session):
    tree = build_site_tree()
    calendar = CalendarPage(title="Agenda", slug="agenda")
    tree.home.add_child(instance=calendar)
    calendar.save_revision().publish()
    get_user_model().objects.create_superuser("redaction", "redaction@example.org", PASSWORD)

    session = make_session(DESKTOP)
    page = session.page
    failed = []
    page.on("response", lambda r: r.status >= 400 and failed.append((r.status, r.url)))
    add_url = f"/admin/pages/add/events/eventpage/{calendar.pk}/"
    # Log in through the admin login form and 2FA, straight to the editor (the dashboard would
    # fetch Wagtail's release feed: WAGTAIL_ENABLE_UPDATE_CHECK is not disabled yet).
    sign_in_to_admin(session, "redaction", PASSWORD, add_url)

    page.fill("#id_title", "Atelier percussions")
    # The series form is added by the InlinePanel after load: the widget must appear in it.
    page.click("#id_series-ADD")
    form = page.locator("#inline_child_series-0")
    form.locator("#id_series-0-start_date").fill("2026-12-02")
    form.locator("#id_series-0-start_time").fill("14:00")
    form.locator("#id_series-0-end_time").fill("16:00")
    page.keyboard.press("Escape")
    widget = form.locator("div.recurrence-widget")
    widget.locator(".add-rule").click()
    widget.locator("select[name=freq]").select_option("2")  # weekly
    widget.locator(".weekly td").nth(2).click()  # Wednesday (the week starts on Monday)
    widget.locator("input[name=limit]").check()
    widget.locator("input[name=until_count][value=until]").check()
    until = next_june_24(timezone.localdate())
    date_field = widget.locator(".until input.date-field")
    date_field.fill(until.isoformat())
    date_field.press("Tab")
    serialized = form.locator("textarea.recurrence-widget").input_value()
    assert "FREQ=WEEKLY" in serialized and "BYDAY=WE" in serialized, serialized
    assert "DTSTART" not in serialized

    # Let Wagtail 8's autosave (every 500 ms) settle: publishing while an autosave that
    # creates the page is in flight races it on the slug.
    page.wait_for_timeout(1500)
    page.wait_for_load_state("networkidle")
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_url("**/admin/pages/**")
    # Autosave answers 400 while the form is still incomplete; nothing else may fail.
    assert all(status == 400 for status, _url in failed), failed
    assert len(session.console_errors) == len(failed), session.console_errors

    event = EventPage.objects.get(title="Atelier percussions")
    assert event.live
    days = [timezone.localtime(o.start).date() for o in Occurrence.objects.for_page(event)]
    assert days[0] == date(2026, 12, 2)
    assert days[-1] == until - timedelta(days=(until.weekday() - 2) % 7)  # last Wednesday
    assert all(day.weekday() == 2 for day in days)
    assert {timezone.localtime(o.start).hour for o in Occurrence.objects.for_page(event)} == {14}
