import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import translation

from maison.core.testing import build_site_tree


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
