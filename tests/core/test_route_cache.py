"""The site and page of a URL come from the cache (core.route_cache) once a visitor has
asked for them, and every editor change shows from the very next request."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from events.factories import CalendarPageFactory
from maison.core.factories import StandardPageFactory


@pytest.fixture
def pages(site_tree):
    section = StandardPageFactory(parent=site_tree.home, title="Section", slug="section")
    return {
        "section": section,
        "leaf": StandardPageFactory(parent=section, title="Feuille", slug="feuille"),
        "other": StandardPageFactory(parent=site_tree.home, title="Autre", slug="autre"),
    }


@pytest.mark.django_db
def test_each_url_gets_its_own_page_without_reading_the_site_and_tree_again(
    client, site_tree, pages, django_assert_max_num_queries
):
    urls = {name: page.url for name, page in pages.items()}
    urls["home"] = site_tree.home.url
    titles = {name: page.title for name, page in pages.items()} | {"home": "Accueil"}
    for name, url in urls.items():
        with override_settings(ROUTE_CACHE_ENABLED=False):
            client.get(url)  # page chrome and content caches warm, routing by Wagtail
            with CaptureQueriesContext(connection) as wagtail_routing:
                client.get(url)
            uncached = len(wagtail_routing)  # now: the next request resets the query log
        assert client.get(url).status_code == 200  # the first visitor fills the cache
        with django_assert_max_num_queries(12) as cached:
            response = client.get(url)
        assert response.status_code == 200
        assert f"<h1>{titles[name]}</h1>" in response.content.decode(), (name, url)
        assert not [q for q in cached if 'FROM "wagtailcore_site"' in q["sql"]], name
        # The site and at least one page of the path are no longer read.
        assert len(cached) <= uncached - 2, (name, len(cached), uncached)


@pytest.mark.django_db
def test_a_renamed_slug_moves_the_url_at_once(client, pages):
    old_url = pages["leaf"].url
    assert client.get(old_url).status_code == 200
    leaf = pages["leaf"]
    leaf.slug = "nouvelle-feuille"
    leaf.save_revision().publish()
    assert client.get(old_url).status_code == 404
    response = client.get("/fr/section/nouvelle-feuille/")
    assert response.status_code == 200
    assert "<h1>Feuille</h1>" in response.content.decode()


@pytest.mark.django_db
def test_unpublished_moved_and_deleted_pages_leave_their_url_at_once(client, pages):
    urls = {name: page.url for name, page in pages.items()}
    for url in urls.values():
        client.get(url)
    pages["other"].unpublish()
    assert client.get(urls["other"]).status_code == 404
    pages["leaf"].move(Page.objects.get(pk=pages["section"].get_parent().pk), pos="last-child")
    moved = client.get(urls["leaf"])  # Wagtail's automatic redirect, not the cached page
    assert (moved.status_code, moved["Location"]) == (301, "/fr/feuille/")
    assert client.get("/fr/feuille/").status_code == 200
    pages["section"].delete()
    assert client.get(urls["section"]).status_code == 404


@pytest.mark.django_db
def test_a_url_that_led_nowhere_works_as_soon_as_the_page_exists(client, site_tree):
    assert client.get("/fr/bientot/").status_code == 404
    StandardPageFactory(parent=site_tree.home, title="Bientôt", slug="bientot")
    assert client.get("/fr/bientot/").status_code == 200


@pytest.mark.django_db
def test_a_routable_page_still_resolves_its_sub_urls_from_a_cached_route(client, site_tree):
    calendar = CalendarPageFactory(parent=site_tree.home, slug="agenda")
    month = f"{calendar.url}month/?year=2026&month=12"
    assert client.get(month).status_code == 200
    assert client.get(month).status_code == 200  # from the cached route
    assert client.get(f"{calendar.url}nope/").status_code == 404
    assert client.get(f"{calendar.url}ics/").status_code == 200


@pytest.mark.django_db
def test_languages_and_sites_do_not_share_routes(client, site_tree, pages):
    Site.objects.create(hostname="autre.example.org", port=80, root_page=pages["other"])
    expected = [
        ("/fr/", "localhost", "Accueil"),
        ("/nl/", "localhost", "Welkom"),
        ("/en/", "localhost", "Home"),
        ("/fr/", "autre.example.org", "Autre"),
    ]
    for _round in range(2):  # the second round comes from the cache
        for url, host, title in expected:
            response = client.get(url, HTTP_HOST=host)
            assert response.status_code == 200, (url, host)
            assert f"<h1>{title}</h1>" in response.content.decode(), (url, host)


@pytest.mark.django_db
@override_settings(ROUTE_CACHE_ENABLED=False)
def test_without_the_route_cache_wagtail_routes_as_usual(client, pages):
    client.get(pages["leaf"].url)
    response = client.get(pages["leaf"].url)
    assert "<h1>Feuille</h1>" in response.content.decode()


@pytest.mark.django_db
def test_a_new_view_restriction_applies_at_once_and_its_removal_too(client, pages):
    # The restrictions are read once per content version, not once per request.
    from wagtail.models import PageViewRestriction

    url = pages["leaf"].url
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert not [q for q in queries if "pageviewrestriction" in q["sql"]]

    restriction = PageViewRestriction.objects.create(
        page=pages["section"], restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(url)  # restricted through its parent
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert client.get(pages["other"].url).status_code == 200

    restriction.delete()
    assert client.get(url).status_code == 200
