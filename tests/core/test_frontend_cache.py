"""A CDN is told which URLs to drop when a page is published, unpublished or moved
(wagtail.contrib.frontend_cache through django-tasks, immediate backend in tests)."""

import pytest
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Page

from maison.core.factories import StandardPageFactory
from maison.core.testing import translate
from maison.settings.env import frontend_cache_config

pytestmark = pytest.mark.django_db


class RecordingBackend(BaseBackend):
    """Keeps the purged URLs instead of calling a CDN."""

    purged: list[str] = []

    def purge(self, url) -> None:
        RecordingBackend.purged.append(url)


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.core.test_frontend_cache.RecordingBackend"}
    }
    RecordingBackend.purged = []
    return RecordingBackend.purged


@pytest.fixture
def page(site_tree):
    page = StandardPageFactory(parent=site_tree.home, title="Horaires", slug="horaires")
    translate(page, "nl", title="Uren", slug="uren")
    return page


def paths(urls) -> set[str]:
    return {url.split("://", 1)[1].split("/", 1)[1] for url in urls}


def test_publishing_purges_the_page_in_every_language(page, purged):
    page.title = "Horaires d'été"
    page.save_revision().publish()
    # Each language at its own slug; no guessed /en/horaires/ (no English translation).
    assert paths(purged) == {"fr/horaires/", "nl/uren/"}
    assert all(url.startswith("http://localhost/") for url in purged)


def test_unpublishing_and_moving_purge(site_tree, page, purged):
    parent = StandardPageFactory(parent=site_tree.home, title="Infos", slug="infos")
    purged.clear()
    Page.objects.get(pk=page.pk).move(parent, pos="last-child")
    assert {"fr/horaires/", "fr/infos/horaires/"} <= paths(purged)
    purged.clear()
    Page.objects.get(pk=page.pk).specific.unpublish()
    assert "fr/infos/horaires/" in paths(purged)


def test_deleting_a_live_page_purges_it(page, purged):
    Page.objects.get(pk=page.pk).delete()
    assert "fr/horaires/" in paths(purged)


def test_routable_pages_list_their_sub_views(site_tree, purged):
    from events.models import CalendarPage

    calendar = CalendarPage(title="Agenda", slug="agenda")
    site_tree.home.add_child(instance=calendar)
    calendar.save_revision().publish()
    assert {"fr/agenda/", "fr/agenda/month/", "fr/agenda/week/", "fr/agenda/ics/"} <= paths(purged)


def test_nothing_is_purged_when_not_configured(page, settings):
    settings.WAGTAILFRONTENDCACHE = None
    RecordingBackend.purged = []
    page.save_revision().publish()
    assert RecordingBackend.purged == []


def test_environment_variables(monkeypatch):
    for name in (
        "FRONTEND_CACHE_HTTP_URL",
        "FRONTEND_CACHE_CLOUDFLARE_ZONE_ID",
        "FRONTEND_CACHE_CLOUDFLARE_TOKEN",
        "FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID",
        "FRONTEND_CACHE_HOSTNAMES",
    ):
        monkeypatch.delenv(name, raising=False)
    assert frontend_cache_config() is None
    monkeypatch.setenv("FRONTEND_CACHE_HTTP_URL", "http://127.0.0.1:6081/")
    monkeypatch.setenv("FRONTEND_CACHE_CLOUDFLARE_ZONE_ID", "zone")
    monkeypatch.setenv("FRONTEND_CACHE_CLOUDFLARE_TOKEN", "token")
    monkeypatch.setenv("FRONTEND_CACHE_HOSTNAMES", "prevention.example.org")
    config = frontend_cache_config()
    assert config["http"]["LOCATION"] == "http://127.0.0.1:6081/"
    assert config["cloudflare"]["BEARER_TOKEN"] == "token"
    assert config["cloudflare"]["HOSTNAMES"] == ["prevention.example.org"]
    monkeypatch.delenv("FRONTEND_CACHE_CLOUDFLARE_TOKEN")
    with pytest.raises(Exception, match="FRONTEND_CACHE_CLOUDFLARE_TOKEN"):
        frontend_cache_config()
