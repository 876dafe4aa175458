"""Pages, the editor's admin (nested locations and hours), the staff report and listing."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from directory import factories
from directory.models import AssociationPage, DirectoryPage
from directory.testing import add_association
from maison.core.factories import UserFactory
from maison.core.models import HomePage


@pytest.fixture
def admin_client(client, directory_tree):
    client.force_login(UserFactory(username="boss", is_staff=True, is_superuser=True))
    return client


def test_page_tree_rules():
    case = WagtailPageTestCase()
    case.assertAllowedParentPageTypes(DirectoryPage, {HomePage})
    case.assertAllowedSubpageTypes(DirectoryPage, {AssociationPage})
    case.assertAllowedParentPageTypes(AssociationPage, {DirectoryPage})
    case.assertAllowedSubpageTypes(AssociationPage, set())


@pytest.mark.parametrize("code", ["fr", "nl", "en"])
def test_pages_render_in_each_language(client, directory_tree, code):
    t = directory_tree
    page = add_association(
        t.directories[code],
        f"Association {code}",
        needs=[t.needs["logement"][code]],
        languages=[t.languages["ar"][code]],
        locations=[
            {"commune": "ixelles", "street_address": "Rue 1", "hours": [(0, "09:00", "17:00")]}
        ],
    )
    finder = client.get(t.directories[code].url).content.decode()
    assert f'<html lang="{code}">' in finder and f"Association {code}" in finder
    html = client.get(page.url).content.decode()
    assert t.needs["logement"][code].name in html
    assert ("Elsene" if code == "nl" else "Ixelles") in html
    assert 'lang="ar"' in html


def test_editor_adds_an_association_with_a_location_and_its_hours(admin_client, directory_tree):
    t = directory_tree
    url = reverse("wagtailadmin_pages:add", args=["directory", "associationpage", t.directory.pk])
    assert admin_client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "Maison des familles",
            "slug": "maison-des-familles",
            "intro": "Écoute des familles.",
            "description": rich_text("<p>Un lieu pour parler.</p>"),
            "needs": [t.needs["logement"]["fr"].pk],
            "cost": "free",
            "commune_relation": "funded",
            "access_walk_in": "on",
            "locations": inline_formset(
                [
                    {
                        "name": "Siège",
                        "street_address": "Rue de l'Exemple 3",
                        "postcode": "1050",
                        "commune": "ixelles",
                        "step_free_access": "yes",
                        "weekly_hours": inline_formset(
                            [
                                {"weekday": 2, "opens": "14:00", "closes": "18:00"},
                                {"weekday": 4, "opens": "22:00", "closes": "05:00"},
                            ]
                        ),
                        "hours_exceptions": inline_formset(
                            [{"start_date": "2026-05-08", "closed": "on", "reason": "Iris"}]
                        ),
                    }
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    page = AssociationPage.objects.get(slug="maison-des-familles")
    assert page.live
    location = page.locations.get()
    assert [
        (h.weekday, f"{h.opens:%H:%M}-{h.closes:%H:%M}") for h in location.weekly_hours.all()
    ] == [
        (2, "14:00-18:00"),
        (4, "22:00-05:00"),
    ]
    assert location.hours_exceptions.get().reason == "Iris"
    html = admin_client.get(page.url).content.decode()
    assert "14:00 – 18:00" in html
    # Editing shows the nested rows again.
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "locations-0-weekly_hours-1-opens" in edit


def _staff(django_user_model, *codenames):
    user = django_user_model.objects.create_user("editor", password="pw")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", *codenames]))
    return django_user_model.objects.get(pk=user.pk)


def test_to_verify_report_lists_oldest_first_for_permitted_staff(
    client, directory_tree, django_user_model
):
    d = directory_tree.directory
    today = dt.date.today()
    add_association(d, "Jamais vérifiée")
    add_association(d, "Ancienne", last_verified_on=today - dt.timedelta(days=800))
    add_association(d, "Un an et demi", last_verified_on=today - dt.timedelta(days=550))
    add_association(d, "Récente", last_verified_on=today - dt.timedelta(days=30))
    url = reverse("directory_to_verify")

    client.force_login(_staff(django_user_model))
    assert client.get(url).status_code in (302, 403)

    editor = django_user_model.objects.get(username="editor")
    editor.user_permissions.add(Permission.objects.get(codename="view_verification_report"))
    client.force_login(django_user_model.objects.get(pk=editor.pk))
    response = client.get(url)
    assert response.status_code == 200
    names = [page.title for page in response.context["object_list"]]
    assert names == ["Jamais vérifiée", "Ancienne", "Un an et demi"]
    export = client.get(url + "?export=csv")
    assert export.status_code == 200
    content = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    assert "Ancienne" in content and "Récente" not in content


def test_admin_listing_filters_and_exports(admin_client, directory_tree):
    d = directory_tree.directory
    add_association(d, "Gratuite", cost="free")
    add_association(d, "Payante", cost="paying")
    url = reverse("associations:index")
    response = admin_client.get(url + "?cost=paying")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Payante" in html and "Gratuite" not in html
    for fmt in ("csv", "xlsx"):
        export = admin_client.get(url + f"?export={fmt}")
        assert export.status_code == 200
    content = admin_client.get(url + "?export=csv")
    text = (
        b"".join(content.streaming_content).decode()
        if content.streaming
        else content.content.decode()
    )
    assert "Gratuite" in text and "Payante" in text


def test_service_pages_list_partner_associations_sharing_a_need(client, site_tree):
    from directory.testing import build_directory_tree
    from maison.services.testing import build_services_tree

    services = build_services_tree(site_tree)
    tree = build_directory_tree(site_tree)
    add_association(
        tree.directory, "Médiation partenaire", needs=[services.needs["neighbours"]["fr"]]
    )
    add_association(tree.directory, "Sans rapport", needs=[tree.needs["logement"]["fr"]])
    html = client.get(services.services["mediateurs"]["fr"].url).content.decode()
    assert "Médiation partenaire" in html and "Sans rapport" not in html


def test_a_preview_builds_its_own_sections_and_never_shares_them(client, site_tree):
    """Service sections are cached for all visitors (core.content_cache.section_cached);
    a preview of a draft with other needs must neither read nor fill that cache."""
    from directory.testing import build_directory_tree
    from maison.services.testing import build_services_tree

    services = build_services_tree(site_tree)
    tree = build_directory_tree(site_tree)
    add_association(
        tree.directory, "Médiation partenaire", needs=[services.needs["neighbours"]["fr"]]
    )
    add_association(tree.directory, "Logement partenaire", needs=[tree.needs["logement"]["fr"]])
    live = services.services["mediateurs"]["fr"]
    draft = type(live).objects.get(pk=live.pk)
    draft.needs = [tree.needs["logement"]["fr"]]

    preview = draft.make_preview_request().content.decode()
    assert "Logement partenaire" in preview and "Médiation partenaire" not in preview
    # The same host as Wagtail's preview request (the site's), so the same cache keys.
    html = client.get(live.url, HTTP_HOST="localhost").content.decode()
    assert "Médiation partenaire" in html and "Logement partenaire" not in html
    preview = draft.make_preview_request().content.decode()
    assert "Logement partenaire" in preview and "Médiation partenaire" not in preview


def test_factories_build_valid_objects(site_tree):
    directory = factories.DirectoryPageFactory(parent=site_tree.homes["fr"])
    page = factories.AssociationPageFactory(parent=directory)
    for obj in (
        directory,
        page,
        factories.AssociationLocationFactory(page=page),
        factories.LocationWeeklyHoursFactory(),
        factories.LocationHoursExceptionFactory(),
    ):
        obj.full_clean()
        assert obj.pk
