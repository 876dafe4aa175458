"""The activities pages with the cached regions on, as in production
(``core.content_cache.region_cached``): the views hand their templates lazy values, so a
request whose regions come from the cache runs none of their queries. It still shows what
it must: the results of its own query string, its notices, and an editor's change at once
(a save starts a new content version)."""

import re

import pytest

from events.models import CalendarPeriod
from maison.activities.models import ActivityPage
from maison.activities.testing import make_activity
from maison.services.models import Need

from .conftest import titles

pytestmark = pytest.mark.django_db

FOOT, DEVOIRS, THEATRE = "Foot en salle", "Aide aux devoirs", "Atelier théâtre"
CIRQUE, DEBAT = "Stage cirque", "Soirée débat"
NOTICE = 'class="calendar-notice" role="status"'
NOINDEX = '<meta name="robots" content="noindex">'


@pytest.fixture
def cached_regions(settings):
    settings.CONTENT_CACHE_ENABLED = True


def drop_in_titles(response) -> list[str]:
    html = response.content.decode()
    return re.findall(r'<li><a href="[^"]*">([^<]*)</a> \(', html)


# suffix of the index URL -> the titles shown, in order
LISTS = {
    "": [THEATRE, DEVOIRS, DEBAT, FOOT, CIRQUE],
    "?age=12&free=1": [DEVOIRS, FOOT],
    "?theme=culture": [THEATRE, CIRQUE],
    "?where=area-flagey": [THEATRE, CIRQUE],
    "?holidays=1": [CIRQUE, DEBAT, THEATRE],
    "stages/": [CIRQUE, DEBAT, THEATRE],
}


def test_the_finder_and_the_holiday_courses_show_their_activities_from_the_cache(world, warm):
    index = world["index"]["fr"].url
    for suffix, expected in LISTS.items():
        response = warm(index + suffix)
        assert titles(response) == expected, suffix
        if not suffix.startswith("stages"):
            count = f'class="finder-results__count">{len(expected)} activit'
            assert count in response.content.decode(), suffix


def test_the_drop_in_places_show_their_activities_from_the_cache(world, warm):
    response = warm(world["index"]["fr"].url + "drop-in/")
    html = response.content.decode()
    assert "Antenne LISA Tulipe" in html and "12:30" in html  # open until 12:30 today
    assert drop_in_titles(response) == [FOOT, DEBAT]  # at the place, then elsewhere


def test_activity_pages_show_their_dates_and_facts_from_the_cache(world, warm):
    foot = world["activities"]["foot"]
    for page in (foot, world["foot_translations"]["nl"]):
        html = warm(page.url).content.decode()
        assert f"<title>{page.title} – " in html  # the head region
        assert f"<h1>{page.title}</h1>" in html
        assert 'datetime="2026-12-02T14:00:00+01:00"' in html  # the next dates
        assert "Antenne LISA Tulipe" in html and "application/ld+json" in html
        assert f"ics/{foot.pk}/" in html  # the feed, from the cached facts


def test_each_query_string_has_its_own_results(client, world, warm):
    index = world["index"]["fr"].url
    cases = {
        "?theme=sport": [FOOT],
        "?theme=culture": [THEATRE, CIRQUE],
        "?age=18": [DEBAT],
        "?age=18&time=evening": [DEBAT],
        "?age=12&time=evening": [],
    }
    for suffix in cases:
        client.get(index + suffix)  # every entry in the cache before any is read again
    for suffix, expected in cases.items():
        response = warm(index + suffix)
        html = response.content.decode()
        assert titles(response) == expected, suffix
        assert NOINDEX in html and NOTICE not in html, suffix
    html = warm(index + "?theme=culture").content.decode()
    assert '<option value="culture" selected>' in html
    assert '<option value="sport" selected>' not in html
    # The empty result keeps its suggestions; the list without filters is indexed.
    html = warm(index + "?age=12&time=evening").content.decode()
    assert f'href="{index}?time=evening"' in html
    assert NOINDEX not in warm(index).content.decode()


BAD_QUERIES = ["age=abc", "theme=unknown", "where=nowhere", "holidays=2", "page=999"]


def test_bad_input_keeps_its_notice_from_the_cache(world, warm):
    index = world["index"]["fr"].url
    for query in BAD_QUERIES:
        response = warm(f"{index}?{query}&no_registration=1")
        html = response.content.decode()
        assert NOTICE in html and NOINDEX in html, query
        assert titles(response) == [DEBAT, FOOT], query  # the valid filter still applies
    assert "affichage de la page 1." in html  # page=999, the last one


def test_unknown_school_holidays_are_cached_too(client, world, warm, django_assert_num_queries):
    CalendarPeriod.objects.filter(kind=CalendarPeriod.Kind.SCHOOL_HOLIDAY).delete()
    index = world["index"]["fr"].url
    html = warm(index + "stages/").content.decode()
    assert "Les dates des prochains congés scolaires ne sont pas encore connues." in html
    response = warm(index + "?holidays=1")
    assert "aucun congé scolaire n’est encore connu" in response.content.decode()
    assert titles(response) == [THEATRE, DEVOIRS, DEBAT, FOOT, CIRQUE]
    # "No period" is kept like a period: not looked up again on each request.
    with django_assert_num_queries(0):
        client.get(index + "stages/")
        client.get(index + "?holidays=1")


def test_an_editors_change_shows_at_once(client, world, cached_regions):
    index = world["index"]["fr"].url
    debat = world["activities"]["debat"]
    lists = [index, index + "?age=18", index + "stages/"]
    for url in [*lists, index + "drop-in/", debat.url]:
        client.get(url)
        client.get(url)
    page = ActivityPage.objects.get(pk=debat.pk)
    page.title = "Débat du mardi"
    page.save_revision().publish()
    for url in lists:
        found = titles(client.get(url))
        assert "Débat du mardi" in found and DEBAT not in found, url
    assert drop_in_titles(client.get(index + "drop-in/")) == [FOOT, "Débat du mardi"]
    html = client.get(debat.url).content.decode()
    assert "<title>Débat du mardi – " in html and "<h1>Débat du mardi</h1>" in html


def test_a_new_theme_is_offered_and_accepted_at_once(client, world, cached_regions):
    # The finder's choices come from the content cache; publishing an activity with a new
    # theme starts a new version, so the query string is checked against the new choices.
    index = world["index"]["fr"]
    url = index.url + "?theme=musique"
    for _ in range(2):
        html = client.get(url).content.decode()
        assert NOTICE in html and '<option value="musique"' not in html
    musique = Need.objects.create(locale=index.locale, slug="musique", name="Musique")
    make_activity(index, "Atelier rap", themes=[musique], series=[{}])  # Wednesdays
    response = client.get(url)
    html = response.content.decode()
    assert NOTICE not in html and '<option value="musique" selected>' in html
    assert titles(response) == ["Atelier rap"]


def test_a_sensitive_theme_keeps_the_quick_exit_on_a_cached_activity_page(world, warm):
    # The quick exit is chrome, outside the cached regions: the view still turns it on.
    theme = world["themes"]["citoyennete"]["fr"]
    theme.sensitive = True
    theme.save()
    assert "data-quick-exit" in warm(world["activities"]["debat"].url).content.decode()
    assert "data-quick-exit" not in warm(world["activities"]["foot"].url).content.decode()
