import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.utils import translation

from maison.core.testing import build_site_tree
from maison.users.two_factor.testing import pass_second_factor


@pytest.fixture
def site_tree(db):
    """Home pages in fr/nl/en under the default site."""
    return build_site_tree()


@pytest.fixture
def is_postgres():
    return connection.vendor == "postgresql"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in French (LANGUAGE_CODE): a request to /en/ activates English in
    the thread, and that must not leak into the next test."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def english():
    """Run code outside a request (rules, imports) in English, so messages read as the
    English msgids; the French and Dutch catalogues are checked by tests/core."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached navigation, rate-limit counters and choice lists never cross tests (a test's
    database rows are rolled back; cached copies of them must go too)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def force_login_passes_two_factor(request, monkeypatch):
    """Staff must pass two-factor authentication before any admin page (STAFF_2FA_REQUIRED
    is on in the tests). ``client.force_login`` skips the password, so here it skips the
    code too; tests marked ``two_factor`` (the 2FA tests) get Django's plain force_login.
    Browser tests sign in through the forms: see tests/browser/conftest.py."""
    if request.node.get_closest_marker("two_factor"):
        return
    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        pass_second_factor(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def warm(client, settings, django_assert_max_num_queries):
    """``warm(url)``: turn the cached page regions on (core.content_cache.region_cached)
    and GET ``url`` twice; the second response comes from the regions, with at most one
    query (the views hand their templates lazy values), and is returned."""

    def get(url):
        settings.CONTENT_CACHE_ENABLED = True
        assert client.get(url).status_code == 200
        with django_assert_max_num_queries(1):
            response = client.get(url)
        assert response.status_code == 200
        return response

    return get
