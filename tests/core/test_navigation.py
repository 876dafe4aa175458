"""Language switcher, root redirect, quick exit flag, search, 404, sitemap and robots."""

import re

import pytest

from maison.core.factories import StandardPageFactory
from maison.core.models import SiteSettings
from maison.core.testing import translate

pytestmark = pytest.mark.django_db


def switcher(content: str) -> str:
    return content.split('class="language-switcher"')[1].split("</nav>")[0]


def test_switcher_links_to_the_same_page_in_each_language(client, site_tree):
    page = StandardPageFactory(parent=site_tree.home, title="Vie privée", slug="vie-privee")
    translate(page, "nl", title="Privacy", slug="privacy")
    translate(page, "en", title="Privacy", slug="privacy-en")
    links = switcher(client.get("/fr/vie-privee/").content.decode())
    assert 'href="/fr/vie-privee/" aria-current="true"' in links
    assert 'href="/nl/privacy/"' in links
    assert 'href="/en/privacy-en/"' in links


def test_switcher_falls_back_to_the_home_page_when_no_translation(client, site_tree):
    StandardPageFactory(parent=site_tree.home, title="Seulement en français", slug="fr-only")
    links = switcher(client.get("/fr/fr-only/").content.decode())
    assert 'href="/nl/"' in links
    assert 'href="/en/"' in links


def test_switcher_ignores_draft_translations(client, site_tree):
    page = StandardPageFactory(parent=site_tree.home, title="Brouillon", slug="brouillon")
    draft = translate(page, "nl", title="Ontwerp", slug="ontwerp")
    draft.unpublish()
    links = switcher(client.get("/fr/brouillon/").content.decode())
    assert "/nl/ontwerp/" not in links
    assert 'href="/nl/"' in links


def test_switcher_on_search_keeps_the_query(client, site_tree):
    links = switcher(client.get("/fr/search/?q=aide").content.decode())
    assert 'href="/nl/search/?q=aide"' in links


@pytest.mark.parametrize(
    ("accept", "target"),
    [("nl-BE,nl;q=0.9", "/nl/"), ("en-GB", "/en/"), ("de-DE", "/fr/"), ("", "/fr/")],
)
def test_root_redirects_by_browser_language(client, site_tree, accept, target):
    response = client.get("/", headers={"accept-language": accept} if accept else {})
    assert response.status_code == 302
    assert response["Location"] == target


def test_quick_exit_shown_only_where_asked(client, site_tree):
    plain = StandardPageFactory(parent=site_tree.home, slug="plain")
    sensitive = StandardPageFactory(parent=site_tree.home, slug="violences", quick_exit=True)
    assert "data-quick-exit" not in client.get(plain.url).content.decode()
    content = client.get(sensitive.url).content.decode()
    assert "data-quick-exit" in content
    assert 'href="https://www.meteo.be/"' in content  # a plain link: works without JavaScript
    assert "Quitter ce site" in content


def test_quick_exit_site_wide_option(client, site_tree):
    settings = SiteSettings.for_site(site_tree.site)
    settings.quick_exit_everywhere = True
    settings.quick_exit_url = "https://example.org/weather"
    settings.save()
    content = client.get("/nl/").content.decode()
    assert 'href="https://example.org/weather"' in content
    assert "Deze site verlaten" in content


def test_search_finds_live_pages_of_the_visitor_language_only(client, site_tree):
    page = StandardPageFactory(
        parent=site_tree.home,
        title="Médiation de quartier",
        slug="mediation",
        intro="Conflits entre voisins",
    )
    translate(page, "nl", title="Buurtbemiddeling", slug="bemiddeling", intro="Burenruzies")
    draft = StandardPageFactory(parent=site_tree.home, title="Médiation secrète", slug="secret")
    draft.unpublish()
    fr = client.get("/fr/search/", {"q": "médiation"}).content.decode()
    assert "Médiation de quartier" in fr
    assert "Buurtbemiddeling" not in fr
    assert "Médiation secrète" not in fr
    nl = client.get("/nl/search/", {"q": "buurtbemiddeling"}).content.decode()
    assert "Buurtbemiddeling" in nl and "Médiation de quartier" not in nl


def test_search_pages_through_every_hit_in_a_bounded_number_of_queries(
    client, site_tree, django_assert_max_num_queries
):
    from maison.services.factories import PolePageFactory, ServicesIndexPageFactory

    index = ServicesIndexPageFactory(parent=site_tree.home, title="Nos pôles", slug="poles")
    for number in range(8):
        StandardPageFactory(
            parent=site_tree.home, title=f"Médiation {number}", slug=f"mediation-{number}"
        )
        PolePageFactory(parent=index, title=f"Pôle médiation {number}", slug=f"pole-{number}")
    client.get("/fr/search/", {"q": "médiation"})  # the chrome's caches
    titles = []
    for number in (1, 2):
        # The ranked hits (no COUNT), then the shown pages' specific rows: content types,
        # one query per page type.
        with django_assert_max_num_queries(4):
            response = client.get("/fr/search/", {"q": "médiation", "page": number})
        html = response.content.decode()
        assert "16 résultats" in html
        titles += re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)
    assert len(titles) == 16 and len(set(titles)) == 16  # 10 then 6, none twice
    # Each result's fragment is cached by page (never by the words): the same results
    # again are the ranked query alone.
    with django_assert_max_num_queries(1):
        again = client.get("/fr/search/", {"q": "médiation", "page": 2}).content.decode()
    assert re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', again) == titles[10:]


@pytest.mark.parametrize(
    "query",
    [
        {"q": "x", "page": "abc"},
        {"q": "x", "page": "-1"},
        {"q": "a" * 5000},
        {"q": "\x00"},
        {"page": "999"},
    ],
)
def test_search_bad_input_never_fails(client, site_tree, query):
    response = client.get("/fr/search/", query)
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("code", "text"),
    [("fr", "Page introuvable"), ("nl", "Pagina niet gevonden"), ("en", "Page not found")],
)
def test_404_in_the_visitor_language(client, site_tree, code, text):
    response = client.get(f"/{code}/does-not-exist/")
    assert response.status_code == 404
    content = response.content.decode()
    assert text in content
    assert f'<html lang="{code}">' in content


def test_sitemap_lists_live_pages_in_all_languages(client, site_tree):
    StandardPageFactory(parent=site_tree.home, slug="visible")
    draft = StandardPageFactory(parent=site_tree.home, slug="draft-page")
    draft.unpublish()
    content = client.get("/sitemap.xml").content.decode()
    assert "/fr/visible/" in content
    assert "/nl/" in content and "/en/" in content
    assert "draft-page" not in content


def test_sitemap_is_built_once_per_content_version_and_follows_every_publish(
    client, site_tree, django_assert_num_queries
):
    first = client.get("/sitemap.xml")
    assert first.status_code == 200 and first["Content-Type"].startswith("application/xml")
    with django_assert_num_queries(0):
        again = client.get("/sitemap.xml")
    assert again.content == first.content
    page = StandardPageFactory(parent=site_tree.home, slug="nouvelle")
    assert "/fr/nouvelle/" in client.get("/sitemap.xml").content.decode()
    page.unpublish()
    assert "/fr/nouvelle/" not in client.get("/sitemap.xml").content.decode()
    assert client.get("/sitemap.xml?p=99").status_code == 404


def test_robots_txt(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Disallow: /admin/" in response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


@pytest.mark.postgres
def test_postgres_search_ignores_accents_and_plurals(client, site_tree, is_postgres):
    if not is_postgres:
        pytest.skip("PostgreSQL text-search configurations (maison_fr/nl) only exist on PostgreSQL")
    page = StandardPageFactory(
        parent=site_tree.home, title="Médiations de quartier", slug="med", intro="Voisins"
    )
    translate(page, "nl", title="Buurtbemiddelingen", slug="bem", intro="Buren")
    fr = client.get("/fr/search/", {"q": "mediation"}).content.decode()
    assert "Médiations de quartier" in fr
    nl = client.get("/nl/search/", {"q": "buurtbemiddeling"}).content.decode()
    assert "Buurtbemiddelingen" in nl
