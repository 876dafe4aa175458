"""Routing in one query per page level group, view restrictions read once per request, and
what must not change with it: private pages stay private, unknown paths answer 404."""

import pytest
from wagtail.models import PageViewRestriction

from maison.core.factories import StandardPageFactory


@pytest.fixture
def deep_page(site_tree):
    level_1 = StandardPageFactory(parent=site_tree.home, title="Un", slug="un", show_in_menus=True)
    level_2 = StandardPageFactory(parent=level_1, title="Deux", slug="deux")
    level_3 = StandardPageFactory(parent=level_2, title="Trois", slug="trois")
    return StandardPageFactory(parent=level_3, title="Quatre", slug="quatre")


@pytest.mark.django_db
def test_a_deep_page_costs_no_more_queries_than_a_shallow_one(
    client, site_tree, deep_page, django_assert_max_num_queries
):
    shallow = deep_page.get_parent().get_parent().get_parent()
    client.get(shallow.url)
    client.get(deep_page.url)
    with django_assert_max_num_queries(6) as captured_shallow:
        assert client.get(shallow.url).status_code == 200
    with django_assert_max_num_queries(6) as captured_deep:
        response = client.get(deep_page.url)
    assert response.status_code == 200
    assert "<h1>Quatre</h1>" in response.content.decode()
    assert len(captured_deep) == len(captured_shallow)


@pytest.mark.django_db
def test_unknown_and_draft_paths_still_answer_404(client, site_tree, deep_page):
    assert client.get("/fr/un/deux/nope/").status_code == 404
    assert client.get("/fr/deux/").status_code == 404  # a slug at the wrong level
    url = deep_page.url
    assert client.get(url).status_code == 200
    deep_page.unpublish()
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_a_restricted_section_stays_private(client, site_tree, deep_page):
    """Without any restriction the serve check is skipped; with one, the page below it
    asks for the password and leaves the menu, from the very next request."""
    url = deep_page.url
    client.get(url)  # warm caches while the site has no restriction
    section = deep_page.get_parent().get_parent().get_parent()
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get(url)
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert "<h1>Quatre</h1>" not in response.content.decode()
    home_html = client.get(site_tree.home.url).content.decode()
    assert f'href="{section.url}"' not in home_html
