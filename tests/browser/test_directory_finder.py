"""The finder at 360 px in fr/nl/en: axe-core clean, and usable with the keyboard only."""

import pytest

from directory.testing import add_association, build_directory_tree
from maison.core.testing import build_site_tree
from tests.browser.conftest import PHONE, assert_accessible


@pytest.mark.django_db(transaction=True)
def test_finder_is_accessible_and_keyboard_operable_in_three_languages(make_session):
    tree = build_directory_tree(build_site_tree())
    pages = {}
    for code in ("fr", "nl", "en"):
        add_association(
            tree.directories[code],
            f"Gratuite {code}",
            cost="free",
            needs=[tree.needs["violence-familiale"][code]],
            locations=[
                {"commune": "ixelles", "street_address": "Rue 1", "hours": [(0, "09:00", "17:00")]}
            ],
        )
        pages[code] = add_association(
            tree.directories[code],
            f"Payante {code}",
            cost="paying",
            locations=[{"commune": "uccle"}],
        )
    session = make_session(viewport=PHONE)
    page = session.page
    for code in ("fr", "nl", "en"):
        session.goto(tree.directories[code].url)
        assert_accessible(page)
        assert page.locator(".directory-card").count() == 2

        # Keyboard only: from the search box, Tab to the "Free" facet, tick it with Space,
        # submit with Enter.
        page.focus("#directory-q")
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "facet-free":
                break
        assert page.evaluate("document.activeElement.id") == "facet-free"
        page.keyboard.press("Space")
        assert page.is_checked("#facet-free")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "free=1" in page.url
        assert page.locator(".directory-card").count() == 1
        assert page.locator(".directory-card").inner_text().startswith(f"Gratuite {code}")
        assert_accessible(page)

        # An association page and the empty state with its suggestions.
        session.goto(pages[code].url)
        assert_accessible(page)
        session.goto(tree.directories[code].url + "?free=1&commune=uccle")
        assert page.locator(".directory-empty").count() == 1
        assert_accessible(page)
