"""Staff edit pages in the Wagtail admin without a developer."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from maison.core.factories import UserFactory
from maison.core.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, site_tree):
    user = UserFactory(username="boss", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


def test_admin_dashboard_and_editors_load(admin_client, site_tree):
    assert admin_client.get(reverse("wagtailadmin_home")).status_code == 200
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[site_tree.home.pk]))
    assert edit.status_code == 200
    assert b"gravatar" not in edit.content.lower()


def test_editor_creates_and_publishes_a_standard_page(admin_client, site_tree):
    url = reverse("wagtailadmin_pages:add", args=["core", "standardpage", site_tree.home.pk])
    data = nested_form_data(
        {
            "title": "Horaires d'été",
            "slug": "horaires-ete",
            "intro": "Nos horaires changent en juillet.",
            "body": streamfield(
                [
                    ("heading", {"text": "Juillet", "level": "h2"}),
                    ("paragraph", rich_text("<p>Fermé le 21 juillet.</p>")),
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    page = StandardPage.objects.get(slug="horaires-ete")
    assert page.live
    public = admin_client.get(page.url).content.decode()
    assert "Fermé le 21 juillet." in public


def test_standard_page_refused_at_the_root_in_admin(admin_client, site_tree):
    root = Page.get_first_root_node()
    url = reverse("wagtailadmin_pages:add", args=["core", "standardpage", root.pk])
    response = admin_client.get(url, follow=True)
    assert not StandardPage.objects.child_of(root).exists()
    assert "Sorry, you do not have access to the requested page" in response.content.decode() or (
        response.redirect_chain and response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    )


@pytest.mark.parametrize(
    ("code", "text"),
    [("fr", "Un problème est survenu"), ("nl", "Er ging iets mis"), ("en", "Something went wrong")],
)
def test_500_page_in_the_visitor_language(code, text):
    request = RequestFactory().get(f"/{code}/")
    with translation.override(code):
        response = server_error(request)
    assert response.status_code == 500
    content = response.content.decode()
    assert text in content and f'<html lang="{code}">' in content


def test_editor_submits_a_page_for_translation_with_wagtail_localize(admin_client, site_tree):
    from wagtail.models import Locale

    from maison.core.factories import StandardPageFactory

    page = StandardPageFactory(parent=site_tree.home, title="Médiation", slug="mediation")
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert admin_client.get(url).status_code == 200
    nl = Locale.objects.get(language_code="nl")
    response = admin_client.post(url, {"locales": [nl.pk]})
    assert response.status_code == 302
    translation = page.get_translation(nl)
    assert not translation.live  # a draft until the translator publishes it
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk]))
    assert editor.status_code == 200
    assert "Médiation" in editor.content.decode()
