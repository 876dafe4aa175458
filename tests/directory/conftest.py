import pytest
from django.core.cache import cache

from directory.testing import build_directory_tree


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def directory_tree(site_tree):
    return build_directory_tree(site_tree)
