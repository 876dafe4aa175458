import pytest
from django.core.cache import cache

from maison.services.testing import build_services_tree


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def services_tree(site_tree):
    return build_services_tree(site_tree)
