"""Each pôle's group edits its own subtree only; requests are for the Coordination only."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from maison.core.demo import EDITOR_PERMISSIONS
from maison.core.factories import UserFactory
from maison.services.demo import grant_coordination_permissions, grant_subtree_permissions
from maison.services.factories import TechnopreventionRequestFactory


def editor_of(group_name, pages):
    group, _ = Group.objects.get_or_create(name=group_name)
    group.permissions.add(
        *[
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in EDITOR_PERMISSIONS
        ]
    )
    grant_subtree_permissions(group, pages)
    user = UserFactory(username=group_name.lower().replace(" ", "-"))
    user.groups.add(group)
    return user


@pytest.mark.django_db
def test_pole_group_edits_its_own_subtree_and_not_another(client, services_tree):
    tranquillite = services_tree.poles["tranquillite"]
    coordination = services_tree.poles["coordination"]
    editor = editor_of("Pôle Tranquillité et Proximité", tranquillite.values())
    client.force_login(editor)

    own_pole = client.get(reverse("wagtailadmin_pages:edit", args=[tranquillite["fr"].pk]))
    own_service_nl = client.get(
        reverse("wagtailadmin_pages:edit", args=[services_tree.services["mediateurs"]["nl"].pk])
    )
    assert own_pole.status_code == 200
    assert own_service_nl.status_code == 200

    other_pole = client.get(reverse("wagtailadmin_pages:edit", args=[coordination["fr"].pk]))
    other_service = client.get(
        reverse("wagtailadmin_pages:edit", args=[services_tree.services["techno"]["en"].pk])
    )
    assert other_pole.status_code in {302, 403}
    assert other_service.status_code in {302, 403}
    if other_pole.status_code == 302:
        assert other_pole.url != reverse("wagtailadmin_pages:edit", args=[coordination["fr"].pk])

    # Adding a service is allowed in one's own pôle only.
    add_own = reverse(
        "wagtailadmin_pages:add", args=["services", "servicepage", tranquillite["fr"].pk]
    )
    add_other = reverse(
        "wagtailadmin_pages:add", args=["services", "servicepage", coordination["fr"].pk]
    )
    assert client.get(add_own).status_code == 200
    assert client.get(add_other).status_code in {302, 403}


@pytest.mark.django_db
def test_only_coordination_reads_technoprevention_requests(client, services_tree):
    request = TechnopreventionRequestFactory(page=services_tree.request_page["fr"])
    grant_coordination_permissions()
    coordinator = editor_of("Coordination", services_tree.poles["coordination"].values())
    pole_editor = editor_of("Pôle Tranquillité et Proximité", [])
    index = reverse("technoprevention_requests:index")
    inspect = reverse("technoprevention_requests:inspect", args=[request.pk])

    client.force_login(coordinator)
    assert client.get(index).status_code == 200
    page = client.get(inspect)
    assert page.status_code == 200
    assert request.name in page.content.decode()

    client.force_login(pole_editor)
    assert client.get(index).status_code in {302, 403}
    denied = client.get(inspect)
    assert denied.status_code in {302, 403}
    assert request.name not in denied.content.decode()
