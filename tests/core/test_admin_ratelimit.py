"""The admin login refuses a client after too many failed attempts: a readable 429 page,
in the site's layout and language, before the password is even checked."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "un-mot-de-passe-solide-42"


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user(
        "redaction", "redaction@example.org", PASSWORD, is_superuser=True
    )


def attempt(client, password, address="203.0.113.7"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": "redaction", "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="fr",
    )


def test_failed_logins_past_the_limit_get_a_readable_429(client, editor, site_tree):
    limit = settings.ADMIN_LOGIN_RATE_LIMIT
    for _ in range(limit):
        response = attempt(client, "wrong password")
        assert response.status_code == 200  # the form again, with its error

    blocked = attempt(client, "wrong password")
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == str(15 * 60)
    content = blocked.content.decode()
    assert "<h1>Trop de demandes</h1>" in content
    assert 'lang="fr"' in content
    assert 'class="site-header"' in content  # the site's layout, not a bare error

    # Even the right password is refused until the window ends: no guessing continues.
    assert attempt(client, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session

    # Another client is not affected.
    assert attempt(client, PASSWORD, address="198.51.100.20").status_code == 302


def test_successful_logins_do_not_count(client, editor, site_tree):
    for _ in range(settings.ADMIN_LOGIN_RATE_LIMIT + 2):
        response = attempt(client, PASSWORD)
        assert response.status_code == 302
        client.logout()


def test_the_login_form_itself_is_never_limited(client, editor, site_tree):
    for _ in range(settings.ADMIN_LOGIN_RATE_LIMIT + 1):
        attempt(client, "wrong password")
    assert client.get(reverse("wagtailadmin_login")).status_code == 200


def test_password_reset_requests_are_limited(client, editor, site_tree):
    url = reverse("wagtailadmin_password_reset")
    statuses = [
        client.post(url, {"email": "redaction@example.org"}, REMOTE_ADDR="203.0.113.8").status_code
        for _ in range(6)
    ]
    assert statuses[:5] == [302] * 5
    assert statuses[5] == 429
