import pytest
from django.db import connection

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
