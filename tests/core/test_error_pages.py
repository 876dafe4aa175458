"""Error pages with DEBUG off: in the site's layout and the visitor's language, and nothing
about the code (no traceback, no URL patterns, no exception text, no echoed path)."""

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.test import Client, override_settings
from django.urls import path

from maison.urls import urlpatterns as site_urlpatterns

pytestmark = pytest.mark.django_db

SECRET_DETAIL = "database password is hunter2"


def boom(request):
    raise RuntimeError(SECRET_DETAIL)


# A root URLconf for these tests: the site's patterns plus a view that fails.
urlpatterns = [*i18n_patterns(path("boom/", boom)), *site_urlpatterns]

LEAKS = ("Traceback", "urlpatterns", "URLconf", "RuntimeError", SECRET_DETAIL, "settings.py")


@override_settings(DEBUG=False)
def test_404_is_in_the_layout_and_language_and_leaks_nothing(client, site_tree):
    response = client.get("/en/no-such-page-<script>/")
    assert response.status_code == 404
    content = response.content.decode()
    assert 'lang="en"' in content
    assert "<h1>Page not found</h1>" in content
    assert 'class="site-header"' in content and 'class="site-footer' in content
    assert "<script>" not in content  # the requested path is never echoed raw
    assert 'href="/fr/" lang="fr"' in content  # the switcher leads to the other homes
    for leak in LEAKS:
        assert leak not in content

    french = client.get("/fr/page-inexistante/")
    assert french.status_code == 404
    assert 'lang="fr"' in french.content.decode()
    assert "<h1>Page introuvable</h1>" in french.content.decode()


@override_settings(DEBUG=False, ROOT_URLCONF=__name__)
def test_500_is_in_the_language_and_leaks_nothing(site_tree):
    client = Client(raise_request_exception=False)
    response = client.get("/en/boom/")
    assert response.status_code == 500
    content = response.content.decode()
    assert 'lang="en"' in content
    assert "<h1>Something went wrong</h1>" in content
    assert "112" in content  # emergency numbers stay reachable
    for leak in LEAKS:
        assert leak not in content

    french = client.get("/fr/boom/")
    assert french.status_code == 500
    assert 'lang="fr"' in french.content.decode()
