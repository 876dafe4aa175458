"""Every core page type renders in the three languages, with the right <html lang>."""

import re

import pytest
from wagtail.models import Locale

from maison.core.factories import StandardPageFactory
from maison.core.models import SiteSettings
from maison.core.testing import translate

pytestmark = pytest.mark.django_db


def html_lang(response) -> str:
    return re.search(r'<html lang="([a-z-]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize("code", ["fr", "nl", "en"])
def test_home_page_renders_in_each_language(client, site_tree, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert html_lang(response) == code
    content = response.content.decode()
    assert site_tree.homes[code].title in content
    assert content.count("<h1") == 1


@pytest.mark.parametrize(
    ("code", "skip_text"),
    [
        ("fr", "Aller au contenu principal"),
        ("nl", "Naar de hoofdinhoud"),
        ("en", "Skip to main content"),
    ],
)
def test_interface_strings_are_translated(client, site_tree, code, skip_text):
    response = client.get(f"/{code}/")
    assert skip_text in response.content.decode()


def test_standard_page_renders_blocks_in_three_languages(client, site_tree):
    page = StandardPageFactory(
        parent=site_tree.home,
        title="Qui sommes-nous",
        slug="qui",
        body=[
            {"type": "heading", "value": {"text": "Nos missions", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Prévenir et accompagner.</p>"},
            {
                "type": "accordion",
                "value": {
                    "title": "FAQ",
                    "items": [{"question": "Est-ce gratuit ?", "answer": "<p>Oui.</p>"}],
                },
            },
            {
                "type": "contact_card",
                "value": {
                    "name": "Accueil",
                    "role": "",
                    "phone": "+32 2 000 00 00",
                    "email": "a@example.org",
                    "address": "",
                    "note": "",
                },
            },
            {
                "type": "call_to_action",
                "value": {
                    "title": "Besoin d'aide ?",
                    "text": "",
                    "link": {"page": None, "url": "https://example.org/", "label": "Écrire"},
                },
            },
        ],
    )
    nl = translate(page, "nl", title="Wie zijn we", slug="wie")
    en = translate(page, "en", title="Who we are", slug="who")
    fr_response = client.get(page.url)
    content = fr_response.content.decode()
    assert "<h2>Nos missions</h2>" in content
    assert "<details" in content and "Est-ce gratuit ?" in content
    assert 'href="tel:+3220000000"' in content
    assert 'href="https://example.org/"' in content
    for translation, code in ((nl, "nl"), (en, "en")):
        response = client.get(translation.url)
        assert response.status_code == 200
        assert html_lang(response) == code
        assert translation.title in response.content.decode()


def test_breadcrumbs_lead_home(client, site_tree):
    parent = StandardPageFactory(parent=site_tree.home, title="Le service", slug="service")
    child = StandardPageFactory(parent=parent, title="Financement", slug="financement")
    content = client.get(child.url).content.decode()
    nav = content.split('aria-label="Fil d’Ariane"')[1].split("</nav>")[0]
    assert 'href="/fr/"' in nav
    assert 'href="/fr/service/"' in nav
    assert 'aria-current="page">Financement' in nav


def test_menu_lists_pages_shown_in_menus_in_the_visitor_language(client, site_tree):
    page = StandardPageFactory(
        parent=site_tree.home, title="Le service", slug="service", show_in_menus=True
    )
    translate(page, "nl", title="De dienst", slug="dienst", show_in_menus=True)
    StandardPageFactory(parent=site_tree.home, title="Caché", slug="cache", show_in_menus=False)
    nl = client.get("/nl/").content.decode()
    menu = nl.split('class="main-menu"')[1].split("</nav>")[0]
    assert "De dienst" in menu and "Le service" not in menu and "Caché" not in menu


def test_footer_shows_settings_and_emergency_numbers(client, site_tree):
    settings = SiteSettings.for_site(site_tree.site)
    settings.phone = "+32 2 111 22 33"
    settings.emergency_numbers = [{"type": "number", "value": {"service": "101", "number": "101"}}]
    settings.save()
    content = client.get("/en/").content.decode()
    assert 'href="tel:+32211122 33"'.replace(" ", "") in content.replace(" ", "")
    assert "101" in content and "Police" in content


def test_locales_exist(site_tree):
    assert sorted(Locale.objects.values_list("language_code", flat=True)) == ["en", "fr", "nl"]


def menu_of(client, url) -> str:
    return client.get(url).content.decode().split('class="main-menu"')[1].split("</nav>")[0]


def test_cached_navigation_follows_publishing_at_once(client, site_tree):
    """The menu, breadcrumbs and language links are cached; publishing, renaming,
    unpublishing and moving show at once to anonymous visitors."""
    about = StandardPageFactory(
        parent=site_tree.home, title="Le service", slug="service", show_in_menus=True
    )
    child = StandardPageFactory(parent=about, title="Financement", slug="financement")
    assert "Le service" in menu_of(client, "/fr/")
    assert "Le service" in menu_of(client, child.url)

    news = StandardPageFactory(parent=site_tree.home, title="Nouveau", slug="nouveau")
    news.show_in_menus = True
    news.save_revision().publish()
    assert "Nouveau" in menu_of(client, "/fr/")

    about.title = "Notre service"
    about.save_revision().publish()
    html = client.get(child.url).content.decode()
    crumbs = html.split('aria-label="Fil d’Ariane"')[1].split("</nav>")[0]
    assert "Notre service" in crumbs and "Notre service" in menu_of(client, "/fr/")

    news.unpublish()
    assert "Nouveau" not in menu_of(client, "/fr/")

    translation = translate(child, "nl", title="Financiering", slug="financiering")
    switcher = client.get(child.url).content.decode().split('class="language-switcher"')[1]
    assert f'href="{translation.url}"' in switcher.split("</nav>")[0]

    projects = StandardPageFactory(parent=site_tree.home, title="Projets", slug="projets")
    client.get(child.url)
    child.move(projects, pos="last-child")
    child.refresh_from_db()
    html = client.get(child.url).content.decode()
    crumbs = html.split('aria-label="Fil d’Ariane"')[1].split("</nav>")[0]
    assert "Projets" in crumbs and "Notre service" not in crumbs


def test_page_chrome_costs_a_bounded_number_of_queries(
    client, site_tree, django_assert_max_num_queries
):
    parent = StandardPageFactory(
        parent=site_tree.home, title="Le service", slug="service", show_in_menus=True
    )
    for number in range(8):
        StandardPageFactory(
            parent=site_tree.home, title=f"Rubrique {number}", slug=f"r{number}", show_in_menus=True
        )
    child = StandardPageFactory(parent=parent, title="Financement", slug="financement")
    SiteSettings.for_site(site_tree.site)
    client.get(child.url)  # fills the navigation cache
    # Site, locale, home, the rest of the path, the page, view restrictions: no query for
    # the chrome or the settings once cached.
    with django_assert_max_num_queries(6):
        response = client.get(child.url)
    assert "Rubrique 7" in response.content.decode()
