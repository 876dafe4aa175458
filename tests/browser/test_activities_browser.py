"""The activity finder and an activity page: axe-core clean at 360 px in three languages
(with and without results), and the finder works with the keyboard alone."""

from datetime import time, timedelta

import pytest
import recurrence
from django.utils import timezone

from events.calendars import load_calendars
from events.models import CalendarPage
from maison.activities.testing import (
    build_activity_index,
    build_themes,
    make_activity,
    translate_activity,
    weekly,
)
from maison.core.testing import build_site_tree, translate

from .conftest import PHONE, assert_accessible


def build_activities():
    tree = build_site_tree()
    load_calendars()
    calendar = CalendarPage(title="Agenda", slug="agenda")
    tree.home.add_child(instance=calendar)
    calendar.save_revision().publish()
    for code in ("nl", "en"):
        translate(calendar, code, title="Agenda", slug=f"agenda-{code}")
    themes = build_themes()
    index = build_activity_index(tree)
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    foot = make_activity(
        index["fr"],
        "Foot en salle",
        pitch="Viens jouer au foot, sans inscription.",
        min_age=12,
        max_age=17,
        themes=[themes["sport"]["fr"]],
        address="Salle fictive (démo)",
        neighbourhood="Flagey",
        series=[
            {
                "start_date": monday,
                "start_time": time(14),
                "end_time": time(16),
                "recurrence": weekly(recurrence.WE, recurrence.SA),
                "skip_public_holidays": False,
            }
        ],
    )
    upcoming = foot.dates().filter(end__gt=timezone.now()).order_by("start")
    upcoming[1].cancel("L'animateur est malade.")
    theatre = make_activity(
        index["fr"],
        "Atelier théâtre",
        pitch="Improvisation et jeu.",
        min_age=8,
        max_age=12,
        themes=[themes["culture"]["fr"]],
        registration="email",
        series=[
            {
                "start_date": monday,
                "start_time": time(17),
                "end_time": time(18, 30),
                "recurrence": weekly(recurrence.FR),
                "skip_public_holidays": False,
            }
        ],
    )
    pages = {"fr": foot}
    for code, title in (("nl", "Zaalvoetbal"), ("en", "Indoor football")):
        pages[code] = translate_activity(foot, code, title, pitch=f"{title}!")
        translate_activity(theatre, code, f"Theatre ({code})", pitch="Theatre.")
    return {code: page.url for code, page in index.items()}, {
        code: page.url for code, page in pages.items()
    }


@pytest.mark.django_db(transaction=True)
def test_finder_and_activity_page_are_accessible_on_a_phone(make_session):
    finders, activities = build_activities()
    session = make_session(PHONE)
    for code in ("fr", "nl", "en"):
        response = session.goto(finders[code])
        assert response.status == 200
        assert session.page.locator("html").get_attribute("lang") == code
        assert session.page.locator(".activity-card").count() == 2
        assert_accessible(session.page)
        session.goto(finders[code] + "?age=3&free=1")
        assert session.page.locator(".activity-card").count() == 0
        assert session.page.locator(".finder-empty").is_visible()
        assert_accessible(session.page)
        session.goto(activities[code])
        assert session.page.locator(".event-entry--cancelled").count() == 1
        assert_accessible(session.page)


@pytest.mark.django_db(transaction=True)
def test_finder_by_keyboard_alone(make_session):
    finders, _activities = build_activities()
    session = make_session(PHONE)
    page = session.page
    session.goto(finders["en"])
    assert page.locator("#results-title").inner_text() == "2 activities"

    def tab_to(element_id):
        for _ in range(60):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == element_id:
                return
        pytest.fail(f"#{element_id} cannot be reached with Tab")

    tab_to("finder-age")
    page.keyboard.type("15")
    tab_to("finder-theme")
    for _ in range(10):
        if page.locator("#finder-theme").input_value() == "sport":
            break
        page.keyboard.press("ArrowDown")
    assert page.locator("#finder-theme").input_value() == "sport"
    page.keyboard.press("Shift+Tab")  # back to the age field
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "age=15" in page.url and "theme=sport" in page.url
    assert page.locator("#results-title").inner_text() == "1 activity"
    assert page.locator(".activity-card__title").inner_text() == "Indoor football"
    page.go_back()
    assert page.locator("#results-title").inner_text() == "2 activities"
