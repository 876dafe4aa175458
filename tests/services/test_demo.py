"""The demo builds every pôle and service in three languages, and can be run twice."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.models import GroupPagePermission

from maison.core.testing import build_site_tree
from maison.services.demo_content import POLES, SERVICES
from maison.services.models import Need, PlacePage, PolePage, ServicePage


@pytest.mark.django_db
def test_demo_shows_every_pole_and_service_in_three_languages():
    # After a transactional (browser) test flushed the database, Wagtail's data migrations
    # (root page, root collection) must be redone.
    build_site_tree()
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())  # idempotent
    assert PolePage.objects.count() == len(POLES) * 3
    assert ServicePage.objects.count() == len(SERVICES) * 3
    assert Need.objects.filter(locale__language_code="nl", slug="sans-abrisme").exists()
    client = Client(HTTP_HOST="localhost")
    for page in [*PolePage.objects.all(), *ServicePage.objects.all(), *PlacePage.objects.all()]:
        assert client.get(page.url).status_code == 200, page.url
    nl_home = client.get("/nl/").content.decode()
    assert "Onze diensten" in nl_home and "Onze locaties" in nl_home  # quick links
    # Translated pages have translated slugs.
    assert ServicePage.objects.filter(slug="nachtbemiddelaars").exists()
    # Each pôle group holds permissions on its pôle in the three languages.
    for group_name, _texts in POLES.values():
        pages = GroupPagePermission.objects.filter(group__name=group_name).values("page")
        assert PolePage.objects.filter(pk__in=pages).count() == 3
