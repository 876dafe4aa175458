"""Search terms are never stored (database) nor logged, and no third-party content."""

import logging

import pytest
from django.apps import apps
from django.db import models

from directory.testing import add_association

SECRET = "zorglubviolence"


def test_search_terms_are_not_stored_or_logged(client, directory_tree, caplog, monkeypatch):
    from wagtail.contrib.search_promotions.models import Query

    def forbidden(*args, **kwargs):
        raise AssertionError("Query.get() would record the search terms")

    monkeypatch.setattr(Query, "get", forbidden)
    add_association(directory_tree.directory, "Association témoin")
    caplog.set_level(logging.DEBUG)
    url = directory_tree.directory.url
    for query in (f"?q={SECRET}", f"?q={SECRET}&need=violence-familiale", f"?q={SECRET}&page=x"):
        assert client.get(url + query).status_code == 200

    assert not Query.objects.exists()
    for record in caplog.records:
        assert SECRET not in record.getMessage()
        assert SECRET not in str(getattr(record, "request", ""))
    # No text column of any table holds the term.
    for model in apps.get_models():
        text_fields = [
            f.name
            for f in model._meta.get_fields()
            if isinstance(f, models.CharField | models.TextField) and f.concrete
        ]
        if not text_fields:
            continue
        condition = models.Q()
        for name in text_fields:
            condition |= models.Q(**{f"{name}__icontains": SECRET})
        assert not model.objects.filter(condition).exists(), model._meta.label


@pytest.mark.parametrize("path", ["", "?q=école&free=1"])
def test_pages_load_nothing_from_other_sites(client, directory_tree, path):
    page = add_association(
        directory_tree.directory,
        "Carte",
        website="https://carte.example.org/",
        locations=[{"commune": "ixelles", "latitude": "50.83", "longitude": "4.37"}],
    )
    for url in (directory_tree.directory.url + path, page.url):
        html = client.get(url).content.decode()
        for marker in ("<iframe", 'src="http', "src='http", "@import url(http"):
            assert marker not in html
