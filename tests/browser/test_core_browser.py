"""Foundation in a real browser: axe-core, quick exit, keyboard, no third-party requests."""

import pytest

from maison.core.factories import StandardPageFactory
from maison.core.models import SiteSettings
from maison.core.testing import build_site_tree, translate
from tests.browser.conftest import DESKTOP, PHONE, assert_accessible

pytestmark = pytest.mark.django_db(transaction=True)


def build_content(live_server_url=None):
    tree = build_site_tree()
    page = StandardPageFactory(
        parent=tree.home,
        title="Le service",
        slug="le-service",
        show_in_menus=True,
        body=[
            {"type": "heading", "value": {"text": "Nos missions", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Prévenir, <a href='/fr/'>accompagner</a>.</p>"},
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
                    "role": "Coordination",
                    "phone": "+32 2 000 00 00",
                    "email": "a@example.org",
                    "address": "Rue 1",
                    "note": "",
                },
            },
        ],
    )
    translate(page, "nl", title="De dienst", slug="de-dienst", show_in_menus=True)
    translate(page, "en", title="About", slug="about", show_in_menus=True)
    settings = SiteSettings.for_site(tree.site)
    settings.emergency_numbers = [
        {"type": "number", "value": {"service": "112", "number": "112"}},
        {"type": "number", "value": {"service": "101", "number": "101"}},
    ]
    settings.phone = "+32 2 000 00 00"
    settings.save()
    return tree, page


PATHS = {
    "fr": ["/fr/", "/fr/le-service/", "/fr/search/?q=service", "/fr/nexiste-pas/"],
    "nl": ["/nl/", "/nl/de-dienst/", "/nl/search/?q=dienst", "/nl/bestaat-niet/"],
    "en": ["/en/", "/en/about/", "/en/search/?q=about", "/en/missing/"],
}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_core_pages_have_no_axe_violations(make_session, viewport):
    build_content()
    session = make_session(viewport=viewport)
    for language, paths in PATHS.items():
        for path in paths:
            response = session.goto(path)
            assert response.status in (200, 404), path
            assert session.page.locator("html").get_attribute("lang") == language
            assert session.page.locator("h1").count() == 1, path
            assert_accessible(session.page)
            # Nothing wider than the phone screen (no horizontal scrolling at 360 px).
            width = session.page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], f"{path} is {width}px wide"


def test_skip_link_is_first_and_moves_focus_to_main(make_session):
    build_content()
    session = make_session(viewport=PHONE)
    session.goto("/fr/le-service/")
    session.page.keyboard.press("Tab")
    focused = session.page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Aller au contenu principal"
    session.page.keyboard.press("Enter")
    assert session.page.evaluate("document.activeElement.id") == "main-content"


def test_language_switcher_by_keyboard(make_session):
    build_content()
    session = make_session()
    session.goto("/fr/le-service/")
    session.page.get_by_role("link", name="NL – Nederlands").focus()
    session.page.keyboard.press("Enter")
    session.page.wait_for_url("**/nl/de-dienst/")
    assert session.page.locator("h1").inner_text() == "De dienst"


def quick_exit_setup(live_server):
    tree, page = build_content()
    page.quick_exit = True
    page.save_revision().publish()
    settings = SiteSettings.for_site(tree.site)
    settings.quick_exit_url = f"{live_server.url}/robots.txt"  # stands for the neutral site
    settings.save()


def test_quick_exit_button_leaves_and_replaces_history(make_session, live_server):
    quick_exit_setup(live_server)
    session = make_session(viewport=PHONE)
    session.goto("/fr/")
    session.goto("/fr/le-service/")
    session.page.get_by_role("link", name="Quitter ce site").click()
    session.page.wait_for_url("**/robots.txt")
    session.page.go_back()
    # The sensitive page was replaced in the history: Back goes to the page before it.
    assert session.page.url.endswith("/fr/")


def test_escape_three_times_leaves(make_session, live_server):
    quick_exit_setup(live_server)
    session = make_session()
    session.goto("/fr/le-service/")
    for _ in range(3):
        session.page.keyboard.press("Escape")
    session.page.wait_for_url("**/robots.txt")


def test_two_escapes_do_not_leave(make_session, live_server):
    quick_exit_setup(live_server)
    session = make_session()
    session.goto("/fr/le-service/")
    session.page.keyboard.press("Escape")
    session.page.keyboard.press("Escape")
    session.page.wait_for_timeout(300)
    assert session.page.url.endswith("/fr/le-service/")


def test_axe_helper_reports_violations(make_session):
    """The helper itself fails on a real violation (guards against a silent axe run)."""
    session = make_session()
    session.page.set_content("<html><body><main><img src='data:,'></main></body></html>")
    with pytest.raises(pytest.fail.Exception, match="image-alt"):
        assert_accessible(session.page)
