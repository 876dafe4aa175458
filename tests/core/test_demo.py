"""The demo loader builds the site in three languages and can run twice."""

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Page

from maison.core.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


@pytest.mark.django_db(transaction=True)
def test_load_demo_is_idempotent_and_multilingual(client):
    # Committed for real, as `make run` does: the callbacks that run on commit (Wagtail's
    # redirects on slug change…) run too, and every foreign key must still point at a row.
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    connection.check_constraints()
    counts = Page.objects.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Page.objects.count() == counts
    assert HomePage.objects.live().count() == 3
    assert StandardPage.objects.filter(locale__language_code="nl").live().count() >= 4
    for path in ("/fr/", "/nl/", "/en/", "/fr/le-service/", "/nl/de-dienst/", "/en/about/"):
        assert client.get(path).status_code == 200, path
    content = client.get("/en/").content.decode()
    assert "Prevention in Ixelles" in content
