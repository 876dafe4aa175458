"""The public pages and the Wagtail admin work under their Content-Security-Policy in
Chromium: no violation is reported (neither as a `securitypolicyviolation` event nor in
the console), on a page of every section built by the apps' test builders (the demo
content's headers are checked by the deployment smoke test, .ci/smoke)."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from directory.models import DirectoryPage
from events.models import CalendarPage
from maison.activities.models import ActivityIndexPage
from maison.services.models import ServicePage

from .conftest import DESKTOP, PHONE, sign_in_to_admin

PASSWORD = "un-mot-de-passe-solide-42"

# Collect violations in the page itself: the console message alone is easy to miss.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
    window.__cspViolations.push(
        event.violatedDirective + " " + (event.blockedURI || "inline") + " " +
        (event.sourceFile || "") + ":" + event.lineNumber
    );
});
"""


def watch_csp(session):
    session.context.add_init_script(RECORD_VIOLATIONS)
    messages = []
    session.page.on(
        "console",
        lambda msg: "Content Security Policy" in msg.text and messages.append(msg.text),
    )
    return messages


def assert_no_violation(session, console_messages, path):
    session.page.wait_for_load_state("networkidle")
    violations = session.page.evaluate("window.__cspViolations || []")
    assert not violations, f"CSP violations on {path}: {violations}"
    assert not console_messages, f"CSP console messages on {path}: {console_messages}"


def first_live_url(model, language="fr"):
    page = model.objects.live().filter(locale__language_code=language).first()
    assert page is not None, f"the demo has no live {model.__name__} in {language}"
    return page.url


def build_sections():
    """The home pages, a pôle with services, the youth activities with one activity, the
    calendar with an event and the directory with an association."""
    from datetime import date

    from directory.testing import add_association, build_directory_tree
    from events.models import EventPage
    from maison.activities.testing import build_activity_index, make_activity
    from maison.core.testing import build_site_tree
    from maison.services.testing import build_services_tree

    tree = build_site_tree()
    build_services_tree(tree)
    index = build_activity_index(tree)
    make_activity(index["fr"], "Atelier hip-hop", series=[{"start_date": date(2026, 9, 2)}])
    calendar = CalendarPage(title="Agenda", slug="agenda")
    tree.home.add_child(instance=calendar)
    calendar.save_revision().publish()
    event = EventPage(title="Portes ouvertes", slug="portes-ouvertes")
    calendar.add_child(instance=event)
    event.save_revision().publish()
    directory = build_directory_tree(tree)
    add_association(directory.directories["fr"], "Devoirs Ixelles", slug="devoirs-ixelles")


@pytest.mark.django_db(transaction=True)
def test_public_pages_and_admin_work_under_their_policy(make_session):
    build_sections()
    public_paths = [
        "/fr/",
        first_live_url(ServicePage),
        first_live_url(ActivityIndexPage),
        first_live_url(CalendarPage),
        first_live_url(DirectoryPage),
        "/en/",
    ]

    session = make_session(PHONE)
    console = watch_csp(session)
    for path in public_paths:
        response = session.goto(path)
        assert response.status == 200, path
        policy = response.headers.get("content-security-policy", "")
        # Directive order is not fixed: compare the script-src directive itself.
        scripts = [d.split() for d in policy.split(";") if d.split()[:1] == ["script-src"]]
        assert scripts == [["script-src", "'self'"]], (path, policy)
        assert "unsafe-inline" not in policy, path
        assert_no_violation(session, console, path)

    get_user_model().objects.create_superuser("redaction", "redaction@example.org", PASSWORD)
    admin = make_session(DESKTOP)
    console = watch_csp(admin)
    admin_home = reverse("wagtailadmin_home")
    sign_in_to_admin(admin, "redaction", PASSWORD, admin_home)
    assert_no_violation(admin, console, admin_home)

    service = ServicePage.objects.live().filter(locale__language_code="fr").first()
    edit_url = reverse("wagtailadmin_pages:edit", args=[service.pk])
    response = admin.goto(edit_url)
    assert response.status == 200
    assert "default-src 'self'" in response.headers.get("content-security-policy", "")
    assert admin.page.locator("#id_title").input_value() == service.title
    assert_no_violation(admin, console, edit_url)

    # An editor browsing the public site sees Wagtail's user bar, under the strict policy.
    response = admin.goto(service.url)
    assert "unsafe-inline" not in response.headers.get("content-security-policy", "")
    assert admin.page.locator("wagtail-userbar").count() == 1
    assert_no_violation(admin, console, service.url)
