"""Playwright on Debian's Chromium against pytest-django's live server, plus axe-core."""

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
# under one unless told it is safe (it is: the loop belongs to Playwright, not Django).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests, but {CHROMIUM} is missing.")
        pytest.skip(
            f"Browser tests skipped: no Chromium at {CHROMIUM} "
            "(apt-get install chromium, or set CHROMIUM_PATH; CI installs it)."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


class BrowserSession:
    """A browser tab on the live server that records every host it talks to."""

    def __init__(self, browser, base_url, viewport, locale="fr-BE"):
        self.base_url = base_url.rstrip("/")
        self.context = browser.new_context(viewport=viewport, locale=locale)
        self.page = self.context.new_page()
        self.page.set_default_timeout(15000)
        self.foreign_requests: list[str] = []
        self.console_errors: list[str] = []
        own_host = urlparse(self.base_url).hostname

        def on_request(request):
            host = urlparse(request.url).hostname
            if host and host not in {own_host, "localhost", "127.0.0.1"}:
                self.foreign_requests.append(request.url)

        def block_foreign(route):
            if urlparse(route.request.url).hostname not in {own_host, "localhost", "127.0.0.1"}:
                route.abort()
            else:
                route.continue_()

        self.page.on("request", on_request)
        self.page.on(
            "console", lambda msg: msg.type == "error" and self.console_errors.append(msg.text)
        )
        self.context.route("**/*", block_foreign)

    def goto(self, path: str):
        response = self.page.goto(self.base_url + path)
        return response

    def close(self):
        self.context.close()


@pytest.fixture
def make_session(browser, live_server):
    sessions = []

    def factory(viewport=DESKTOP, locale="fr-BE"):
        session = BrowserSession(browser, live_server.url, viewport, locale)
        sessions.append(session)
        return session

    yield factory
    for session in sessions:
        foreign = list(session.foreign_requests)
        session.close()
        assert not foreign, f"Requests to third-party hosts: {foreign}"


@pytest.fixture
def tab(make_session):
    return make_session().page


def assert_accessible(page, context=None):
    """Fail with a readable list when axe-core finds any WCAG 2.1 A/AA violation."""
    from axe_playwright_python.sync_playwright import Axe

    # Contrast is measured on what a reader ends up seeing: wait for finite CSS
    # transitions and animations (Wagtail's messages fade in over 0.5 s) to end.
    # (evaluate, not wait_for_function: the site's CSP forbids the eval it polls with)
    # At most 2 s: a long or paused animation (a spinner, a paused carousel) never holds
    # the check up.
    page.evaluate(
        """() => Promise.race([
            Promise.all(document.getAnimations()
                .filter(a => a.playState === 'running'
                    && a.effect.getTiming().iterations !== Infinity)
                .map(a => a.finished.catch(() => null))),
            new Promise(resolve => setTimeout(resolve, 2000)),
        ]).then(() => null)"""
    )
    results = Axe().run(
        page,
        context=context,
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )
    violations = results.response.get("violations", [])
    if violations:
        lines = []
        for violation in violations:
            targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
            lines.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}"
            )
        pytest.fail(f"axe-core violations on {page.url}:\n" + "\n".join(lines))


def sign_in_to_admin(session, username, password, next_url=None):
    """Sign in as a member of staff does: the admin login form, then the code from their
    authenticator app on the 2FA page (the user gets a confirmed authenticator first).
    Ends on ``next_url`` (the dashboard by default)."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from maison.users.two_factor.testing import give_authenticator, next_code

    device = give_authenticator(get_user_model().objects.get(username=username))
    next_url = next_url or reverse("wagtailadmin_home")
    page = session.page
    session.goto(f"{reverse('wagtailadmin_login')}?next={next_url}")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"**{reverse('two_factor_verify')}*")
    page.fill("#id_code", next_code(device))
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_url(f"**{next_url}*")
