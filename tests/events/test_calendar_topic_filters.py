"""Calendar filters by pôle, theme (need), audience and place, in HTML and in the feeds."""

from datetime import date

import icalendar
import pytest

from maison.services.testing import build_services_tree
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def topics(site_tree, calendar_page, frozen):
    tree = build_services_tree(site_tree)
    neighbours = tree.needs["neighbours"]["fr"]
    make_event(
        calendar_page,
        title="Médiation de rue",
        pole=tree.poles["tranquillite"]["fr"],
        place=tree.place["fr"],
        needs=[neighbours],
        series=[{"start_date": date(2026, 12, 2)}],
    )
    make_event(
        calendar_page,
        title="Séance prime",
        pole=tree.poles["coordination"]["fr"],
        series=[{"start_date": date(2026, 12, 3)}],
    )
    return tree


def summaries(feed_bytes) -> set[str]:
    calendar = icalendar.Calendar.from_ical(feed_bytes)
    return {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}


def test_pole_filter_in_html_and_feed(client, calendar_page, topics):
    pole_slug = topics.poles["tranquillite"]["fr"].slug
    html = client.get(calendar_page.url, {"pole": pole_slug}).content.decode()
    assert "Médiation de rue" in html and "Séance prime" not in html
    # The per-pôle feed is the calendar feed with the same filter.
    assert f"ics/?pole={pole_slug}" in html
    feed = client.get(calendar_page.url + "ics/", {"pole": pole_slug})
    assert feed.status_code == 200
    assert summaries(feed.content) == {"Médiation de rue"}


def test_need_and_place_filters(client, calendar_page, topics):
    html = client.get(calendar_page.url, {"theme": "conflit-voisinage"}).content.decode()
    assert "Médiation de rue" in html and "Séance prime" not in html
    place_slug = topics.place["fr"].slug
    html = client.get(calendar_page.url, {"place": place_slug}).content.decode()
    assert "Médiation de rue" in html and "Séance prime" not in html


def test_pole_filter_uses_the_visitor_language(client, calendar_page, topics):
    """The Dutch calendar offers Dutch pôle slugs and finds events of the French page."""
    from maison.core.testing import translate

    calendar_nl = translate(calendar_page, "nl", title="Agenda", slug="agenda-nl")
    nl_pole = topics.poles["tranquillite"]["nl"]
    html = client.get(calendar_nl.url, {"pole": nl_pole.slug}).content.decode()
    assert f'value="{nl_pole.slug}" selected' in html
    assert "Médiation de rue" in html and "Séance prime" not in html


@pytest.mark.parametrize("query", [{"pole": "nope"}, {"theme": "x" * 300}, {"place": "../"}])
def test_unknown_topics_are_ignored_with_a_notice(client, calendar_page, topics, query):
    response = client.get(calendar_page.url, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Médiation de rue" in html and "Séance prime" in html
    assert 'content="noindex"' in html


def test_unknown_topic_in_feed_is_a_400(client, calendar_page, topics):
    assert client.get(calendar_page.url + "ics/", {"pole": "nope"}).status_code == 400
