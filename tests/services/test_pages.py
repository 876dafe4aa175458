"""Public pages of the services section: rendering in three languages, JSON-LD, queries."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from maison.services.models import PlacePage
from maison.services.testing import add_service

JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def jsonld(response) -> list[dict]:
    return [json.loads(block) for block in JSONLD.findall(response.content.decode())]


@pytest.mark.django_db
def test_every_page_type_renders_in_three_languages(client, services_tree):
    pages = {
        "services_index": services_tree.services_index,
        "pole": services_tree.poles["tranquillite"],
        "service": services_tree.services["mediateurs"],
        "places_index": services_tree.places_index,
        "place": services_tree.place,
        "request": services_tree.request_page,
    }
    for name, translations in pages.items():
        for code, page in translations.items():
            response = client.get(page.url)
            assert response.status_code == 200, (name, code, page.url)
            html = response.content.decode()
            assert f'<html lang="{code}">' in html
            assert html.count("<h1") == 1, (name, code)
            assert f">{page.title}</h1>" in html


@pytest.mark.django_db
def test_pole_page_lists_its_services_in_the_pages_language(client, services_tree):
    html = client.get(services_tree.poles["tranquillite"]["nl"].url).content.decode()
    assert "Nachtbemiddelaars" in html
    assert "Médiateurs de Nuit" not in html
    assert "Technopreventie" not in html  # another pôle's service


@pytest.mark.django_db
def test_service_page_shows_hours_place_and_taxonomies(client, services_tree):
    html = client.get(services_tree.services["mediateurs"]["en"].url).content.decode()
    assert "Conflict with neighbours" in html
    assert "Everyone" in html
    assert "LISA antenna Tulipe" in html
    assert '<th scope="row">Friday' in html
    assert "22:00 – 05:00 (next day)" in html


@pytest.mark.django_db
def test_sensitive_need_turns_on_quick_exit(client, services_tree):
    service = services_tree.services["mediateurs"]["fr"]
    url = service.url
    assert "data-quick-exit" not in client.get(url).content.decode()
    service.needs = [services_tree.needs["violence"]["fr"]]
    service.save_revision().publish()
    assert "data-quick-exit" in client.get(url).content.decode()


@pytest.mark.django_db
def test_service_jsonld_is_a_government_service(client, services_tree):
    data = jsonld(client.get(services_tree.services["mediateurs"]["en"].url))
    (service,) = [d for d in data if d["@type"] == "GovernmentService"]
    assert service["@context"] == "https://schema.org"
    assert service["name"] == "Night mediators"
    assert service["url"].startswith("http")
    assert service["provider"]["@type"] == "GovernmentOrganization"
    assert service["audience"] == [{"@type": "Audience", "audienceType": "Everyone"}]
    channel = service["availableChannel"][0]
    assert channel["serviceLocation"]["name"] == "LISA antenna Tulipe"
    hours = service["hoursAvailable"][0]
    assert hours["dayOfWeek"] == "https://schema.org/Friday"
    assert (hours["opens"], hours["closes"]) == ("22:00", "05:00")


@pytest.mark.django_db
def test_place_jsonld_has_opening_hours_specification(client, services_tree):
    data = jsonld(client.get(services_tree.place["fr"].url))
    (place,) = data
    assert set(place["@type"]) == {"CivicStructure", "Place"}
    assert place["address"]["postalCode"] == "1050"
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 50.834, "longitude": 4.37}
    specs = place["openingHoursSpecification"]
    monday = [s for s in specs if s.get("dayOfWeek") == "https://schema.org/Monday"]
    assert [(s["opens"], s["closes"]) for s in monday] == [("09:00", "12:30"), ("13:30", "17:00")]
    (holiday,) = [s for s in specs if "validFrom" in s]
    assert holiday == {
        "@type": "OpeningHoursSpecification",
        "validFrom": "2026-05-08",
        "validThrough": "2026-05-08",
        "opens": "00:00",
        "closes": "00:00",
        "description": "Fête de l'Iris",
    }


@pytest.mark.django_db
def test_home_jsonld_is_the_government_organisation_with_its_poles(client, services_tree):
    data = jsonld(client.get("/en/"))
    (org,) = [d for d in data if d["@type"] == "GovernmentOrganization"]
    assert org["areaServed"]["name"] == "Ixelles"
    assert {d["name"] for d in org["department"]} == {"Peace", "Coordination"}


@pytest.mark.django_db
def test_jsonld_cannot_break_out_of_its_script_tag(client, services_tree):
    service = services_tree.services["mediateurs"]["fr"]
    service.intro = "</script><script>alert(1)</script>"
    service.save_revision().publish()
    html = client.get(service.url).content.decode()
    assert "<script>alert(1)" not in html
    (data,) = [d for d in jsonld(client.get(service.url)) if d["@type"] == "GovernmentService"]
    assert data["description"] == "</script><script>alert(1)</script>"


def _pole_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_pole_page_query_count_is_bounded_and_independent_of_services(
    client, services_tree, django_assert_max_num_queries
):
    pole = services_tree.poles["tranquillite"]["fr"]
    audience = services_tree.services["mediateurs"]["fr"].audiences.first()
    for i in range(2):
        add_service(pole, f"Service {i}", f"service-{i}", access_walk_in=True)
    client.get(pole.url)  # warm caches (site root, locales)
    with_3 = _pole_queries(client, pole.url)
    for i in range(2, 29):
        service = add_service(pole, f"Service {i}", f"service-{i}")
        service.audiences = [audience]
        service.save_revision().publish()
    client.get(pole.url)
    with_30 = _pole_queries(client, pole.url)
    assert with_30 == with_3
    with django_assert_max_num_queries(12):  # the budget per page
        response = client.get(pole.url)
    assert response.content.decode().count('class="card service-card"') == 30


@pytest.mark.django_db
def test_places_index_query_count_independent_of_places(client, services_tree):
    index = services_tree.places_index["fr"]
    client.get(index.url)
    before = _pole_queries(client, index.url)
    for i in range(5):
        place = PlacePage(title=f"Antenne {i}", slug=f"antenne-{i}")
        index.add_child(instance=place)
        place.save_revision().publish()
    client.get(index.url)
    assert _pole_queries(client, index.url) == before


@pytest.mark.django_db
def test_bad_query_strings_do_not_crash(client, services_tree):
    for page in (services_tree.poles["tranquillite"]["fr"], services_tree.place["fr"]):
        assert client.get(page.url + "?page=abc&need=%00").status_code == 200
    form = services_tree.request_page["fr"]
    assert client.get(form.url + "nope/").status_code == 404


@pytest.mark.django_db
def test_service_page_stays_within_the_query_budget_in_every_language(
    client, services_tree, django_assert_max_num_queries
):
    """A service page four levels down, with vocabularies, a place, hours and the
    sections of the later apps: at most 12 queries once the caches are warm (routing,
    chrome and the page's facts)."""
    for language in ("fr", "nl", "en"):
        url = services_tree.services["mediateurs"][language].url
        client.get(url)
        with django_assert_max_num_queries(12):
            response = client.get(url)
        assert response.status_code == 200


@pytest.mark.django_db
def test_service_page_shows_a_renamed_need_at_once(client, services_tree):
    """The page's vocabularies are cached: saving a need starts a new cache version."""
    service = services_tree.services["mediateurs"]["fr"]
    client.get(service.url)
    need = service.needs.first()
    need.name = "Besoin renommé"
    need.save()
    assert "Besoin renommé" in client.get(service.url).content.decode()


@pytest.mark.django_db
def test_cached_regions_serve_every_page_type_without_a_query(
    client, services_tree, settings, django_assert_max_num_queries
):
    # get_context hands lazy values (core.content_cache.lazy) and cached facts: a page whose
    # regions come from the cache runs no query, the quick exit of a sensitive service too.
    settings.CONTENT_CACHE_ENABLED = True
    service = services_tree.services["mediateurs"]["fr"]
    service.needs = [services_tree.needs["violence"]["fr"]]
    service.save_revision().publish()
    pages = [
        services_tree.services_index["fr"],
        services_tree.poles["tranquillite"]["nl"],
        services_tree.services["mediateurs"]["fr"],
        services_tree.services["mediateurs"]["en"],
        services_tree.places_index["fr"],
        services_tree.place["en"],
    ]
    for page in pages:
        first = client.get(page.url).content.decode()
        with django_assert_max_num_queries(1):
            second = client.get(page.url).content.decode()
        assert second == first and f">{page.title}</h1>" in second
    html = client.get(service.url).content.decode()
    assert "data-quick-exit" in html and "application/ld+json" in html


@pytest.mark.django_db
def test_cached_regions_show_an_editors_change_at_once(client, services_tree, settings):
    # Every region is cached under the content version, which publishing replaces: the
    # service's own page (head and main), its pôle and the index all show the new title.
    settings.CONTENT_CACHE_ENABLED = True
    service = services_tree.services["mediateurs"]["fr"]
    urls = [
        services_tree.services_index["fr"].url,
        services_tree.poles["tranquillite"]["fr"].url,
        service.url,
    ]
    for url in urls:
        client.get(url)
        assert "Médiateurs de Nuit" in client.get(url).content.decode()  # from the cache
    service.title = "Médiateurs du soir"
    service.save_revision().publish()
    for url in urls:
        html = client.get(url).content.decode()
        assert "Médiateurs du soir" in html and "Médiateurs de Nuit" not in html, url
    assert "<title>Médiateurs du soir –" in client.get(service.url).content.decode()


@pytest.mark.django_db
def test_cached_regions_follow_a_need_that_becomes_sensitive(
    client, services_tree, settings, django_assert_max_num_queries
):
    # The chrome reads the quick exit outside the cached regions, from the service's own
    # cached "sensitive" fact: saving the need starts a new version, which turns it on at
    # once, and a page served from the cache keeps it, still without a query.
    settings.CONTENT_CACHE_ENABLED = True
    url = services_tree.services["mediateurs"]["fr"].url
    client.get(url)
    assert "data-quick-exit" not in client.get(url).content.decode()
    need = services_tree.needs["neighbours"]["fr"]
    need.sensitive = True
    need.save()
    first = client.get(url).content.decode()
    with django_assert_max_num_queries(1):
        second = client.get(url).content.decode()
    assert second == first and "data-quick-exit" in second
    assert "Conflit de voisinage" in second  # the need itself, from the cached facts
    need.sensitive = False
    need.save()
    assert "data-quick-exit" not in client.get(url).content.decode()
