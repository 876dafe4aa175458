"""axe-core finds no WCAG 2.1 A/AA violation on any services page type, in fr/nl/en."""

import pytest

from maison.core.testing import build_site_tree
from maison.services.testing import build_services_tree
from tests.browser.conftest import DESKTOP, PHONE, assert_accessible


@pytest.mark.django_db(transaction=True)
def test_services_pages_are_accessible_in_three_languages(make_session):
    tree = build_services_tree(build_site_tree())
    sections = [
        tree.services_index,
        tree.poles["tranquillite"],
        tree.services["mediateurs"],
        tree.places_index,
        tree.place,
        tree.request_page,
    ]
    phone = make_session(viewport=PHONE)
    for code in ("fr", "nl", "en"):
        for translations in sections:
            response = phone.goto(translations[code].url)
            assert response.status == 200, translations[code].url
            assert_accessible(phone.page)

    # The form with its error messages, on a desktop.
    desktop = make_session(viewport=DESKTOP)
    desktop.goto(tree.request_page["nl"].url)
    desktop.page.click("button[type=submit]")
    desktop.page.wait_for_selector("#error-summary")
    assert desktop.page.locator(".field-error").count() >= 3
    assert_accessible(desktop.page)
