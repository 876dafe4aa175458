"""Cached page regions (core.content_cache.region_cached, {% cached_region %} in base.html):
an anonymous visitor's second request reuses the head extras and the main content, and
whatever an editor changes shows from the very next request.

``QuerySet.update`` changes a row without the signals that start a new content version:
what a test changes that way shows only when the region is rendered again."""

import datetime as dt

import pytest
import time_machine
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.models import PageViewRestriction

from maison.core.factories import StandardPageFactory, UserFactory
from maison.core.models import StandardPage
from maison.services.testing import build_services_tree

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def regions_on(settings):
    settings.CONTENT_CACHE_ENABLED = True
    settings.SECTION_CACHE_SECONDS = 300
    # The route cache keeps the page object itself: without it, each request reads the
    # page's row, so a quiet change shows wherever a region is rendered again.
    settings.ROUTE_CACHE_ENABLED = False


@pytest.fixture
def page(site_tree):
    return StandardPageFactory(
        parent=site_tree.home,
        title="Horaires",
        slug="horaires",
        intro="Ouvert le lundi.",
        search_description="Quand venir",
    )


def change_quietly(page, **fields):
    StandardPage.objects.filter(pk=page.pk).update(**fields)


def test_the_second_visit_reuses_the_main_content_and_the_head(client, page):
    first = client.get("/fr/horaires/").content.decode()
    assert "Ouvert le lundi." in first
    change_quietly(page, intro="Ouvert le mardi.", search_description="Autre description")
    second = client.get("/fr/horaires/").content.decode()
    assert "Ouvert le lundi." in second and "Ouvert le mardi." not in second
    assert 'content="Quand venir"' in second  # the head region is reused too
    assert second == first


def test_an_editor_publishing_shows_at_once(client, page):
    client.get("/fr/horaires/")
    page.intro = "Fermé pour travaux."
    page.title = "Horaires d'hiver"
    page.save_revision().publish()
    html = client.get("/fr/horaires/").content.decode()
    assert "Fermé pour travaux." in html
    assert "<title>Horaires d&#x27;hiver" in html


def test_the_region_is_rendered_again_after_its_slot(client, page):
    start = dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False) as clock:
        client.get("/fr/horaires/")
        change_quietly(page, intro="Ouvert le mardi.")
        assert "Ouvert le lundi." in client.get("/fr/horaires/").content.decode()
        # The navigation cache entries expire too: both follow the change after the slot.
        clock.move_to(start + dt.timedelta(seconds=301))
        assert "Ouvert le mardi." in client.get("/fr/horaires/").content.decode()


def test_logged_in_staff_never_read_or_fill_the_regions(client, page):
    staff = Client()
    staff.force_login(UserFactory(is_superuser=True))
    client.get("/fr/horaires/")  # an anonymous visitor fills the region
    change_quietly(page, intro="Ouvert le mardi.")
    assert "Ouvert le mardi." in staff.get("/fr/horaires/").content.decode()
    assert "Ouvert le lundi." in client.get("/fr/horaires/").content.decode()


def test_a_visitor_with_a_message_waiting_gets_a_fresh_render(client, page):
    client.get("/fr/horaires/")
    change_quietly(page, intro="Ouvert le mardi.")
    storage = CookieStorage(RequestFactory().get("/"))
    storage.add(constants.SUCCESS, "Merci !")
    response = Client().get("/fr/horaires/")
    assert "Ouvert le lundi." in response.content.decode()
    with_message = Client()
    with_message.cookies[CookieStorage.cookie_name] = storage._encode(storage._queued_messages)
    assert "Ouvert le mardi." in with_message.get("/fr/horaires/").content.decode()


def test_each_query_string_has_its_own_entry_and_search_terms_none(client, page):
    client.get("/fr/horaires/?page=2")
    change_quietly(page, intro="Ouvert le mardi.")
    assert "Ouvert le lundi." in client.get("/fr/horaires/?page=2").content.decode()
    assert "Ouvert le mardi." in client.get("/fr/horaires/?page=3").content.decode()
    client.get("/fr/horaires/?q=violence")
    change_quietly(page, intro="Ouvert le jeudi.")
    assert "Ouvert le jeudi." in client.get("/fr/horaires/?q=violence").content.decode()


def test_a_form_region_is_shared_but_each_visitor_gets_their_own_csrf_token(site_tree):
    import re

    from maison.services.models import TechnopreventionRequest, TechnopreventionRequestPage

    from ..services.test_request_form import VALID

    page = build_services_tree(site_tree).request_page["fr"]
    visitors = [Client(enforce_csrf_checks=True) for _ in range(2)]
    tokens, pages = [], []
    for number, visitor in enumerate(visitors):
        response = visitor.get(page.url)
        html = response.content.decode()
        pages.append(html)
        tokens.append(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1])
        assert "no-cache" in response["Cache-Control"]  # never a stored whole page
        if number == 0:
            TechnopreventionRequestPage.objects.filter(pk=page.pk).update(intro="Changé.")
    assert "Changé." not in pages[1]  # the second visitor got the stored region…
    assert tokens[0] != tokens[1]  # …with their own token, which their submission passes
    for visitor, token in zip(visitors, tokens, strict=True):
        response = visitor.post(page.url, {**VALID, "csrfmiddlewaretoken": token})
        assert response.status_code == 302
    assert TechnopreventionRequest.objects.count() == 2


def test_a_page_under_a_view_restriction_is_never_stored(client, page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    page_url = "/fr/horaires/"
    restriction = page.get_view_restrictions().get()
    response = client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]),
        {"password": "secret", "return_url": page_url},
    )
    assert response.status_code == 302
    assert "Ouvert le lundi." in client.get(page_url).content.decode()
    change_quietly(page, intro="Ouvert le mardi.")
    assert "Ouvert le mardi." in client.get(page_url).content.decode()
    assert "Ouvert le" not in Client().get(page_url).content.decode()


def test_previews_never_read_the_regions(client, page):
    client.get("/fr/horaires/")
    page.intro = "Brouillon du mardi."
    draft = page.save_revision().as_object()
    response = draft.make_preview_request()  # same URL, the draft's content
    assert "Brouillon du mardi." in response.content.decode()
    assert "Ouvert le lundi." in client.get("/fr/horaires/").content.decode()
