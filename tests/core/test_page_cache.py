"""Anonymous visitors get stored pages; an edit shows at once; nothing personal is stored.

The page cache is on in these tests whatever the test settings say (``page_cache``)."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.bookings.testing import build_rooms_pages, requestable_room
from maison.core.factories import StandardPageFactory, UserFactory
from maison.core.models import SiteSettings, StandardPage
from maison.core.ratelimit import RateLimit

pytestmark = pytest.mark.django_db

PUBLIC = "public, max-age=0, s-maxage=300"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_PROXY_SECONDS = -1


@pytest.fixture
def page(site_tree):
    return StandardPageFactory(
        parent=site_tree.home, title="Horaires", slug="horaires", intro="Ouvert le lundi."
    )


@pytest.fixture
def staff_client(site_tree):
    client = Client()
    client.force_login(UserFactory(username="editor", is_staff=True, is_superuser=True))
    return client


def state(response) -> str:
    return response["X-Page-Cache"]


def test_second_anonymous_get_is_a_hit_without_queries(client, page, django_assert_num_queries):
    first = client.get("/fr/horaires/")
    assert first.status_code == 200
    assert state(first) == "miss"
    assert first["Cache-Control"] == PUBLIC
    with django_assert_num_queries(0):
        second = client.get("/fr/horaires/")
    assert state(second) == "hit"
    assert second.content == first.content
    assert second["Cache-Control"] == PUBLIC
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "Set-Cookie" not in second
    assert b"wagtail-userbar" not in second.content


def test_head_reads_what_a_get_stored(client, page):
    assert state(client.head("/fr/horaires/")) == "skip"  # HEAD never fills
    client.get("/fr/horaires/")
    assert state(client.head("/fr/horaires/")) == "hit"


def test_edit_and_publish_in_the_admin_shows_at_once(client, staff_client, page):
    assert "Horaires" in client.get("/fr/horaires/").content.decode()
    assert state(client.get("/fr/horaires/")) == "hit"
    data = nested_form_data(
        {
            "title": "Horaires d'été",
            "slug": "horaires",
            "intro": "Fermé en août.",
            "body": streamfield([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = staff_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content[:3000]
    after = client.get("/fr/horaires/")
    assert state(after) == "miss"
    assert "Horaires d&#x27;été" in after.content.decode()
    assert "Fermé en août." in after.content.decode()


def test_revision_publish_shows_at_once(client, page):
    client.get("/fr/horaires/")
    page.intro = "Ouvert le mardi."
    page.save_revision().publish()
    assert "Ouvert le mardi." in client.get("/fr/horaires/").content.decode()


def test_unpublish_answers_404_at_once(client, page):
    client.get("/fr/horaires/")
    page.unpublish()
    assert client.get("/fr/horaires/").status_code == 404


def test_delete_answers_404_at_once(client, page):
    client.get("/fr/horaires/")
    page.delete()
    assert client.get("/fr/horaires/").status_code == 404


def test_move_answers_at_the_new_url_at_once(client, site_tree, page):
    parent = StandardPageFactory(parent=site_tree.home, title="Infos", slug="infos")
    client.get("/fr/horaires/")
    client.get("/fr/infos/")
    Page.objects.get(pk=page.pk).move(parent, pos="last-child")
    old = client.get("/fr/horaires/")  # Wagtail's automatic redirect, not the stored page
    assert old.status_code == 301
    assert old["Location"] == "/fr/infos/horaires/"
    assert client.get("/fr/infos/horaires/").status_code == 200


def test_the_menu_of_every_page_follows_a_new_page(client, site_tree, page):
    client.get("/fr/horaires/")
    StandardPageFactory(parent=site_tree.home, title="Nouveau service", show_in_menus=True)
    response = client.get("/fr/horaires/")
    assert state(response) == "miss"
    assert "Nouveau service" in response.content.decode()


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda tree: SiteSettings.for_site(tree.site).save(), id="site-settings"),
        pytest.param(lambda tree: requestable_room("Salle B"), id="room"),
        pytest.param(
            lambda tree: Redirect.objects.create(old_path="/ancien", redirect_link="/fr/"),
            id="redirect",
        ),
    ],
)
def test_changes_to_what_pages_show_empty_the_cache(client, site_tree, page, change):
    client.get("/fr/horaires/")
    assert state(client.get("/fr/horaires/")) == "hit"
    change(site_tree)
    assert state(client.get("/fr/horaires/")) == "miss"


def test_logged_in_staff_never_get_nor_fill_stored_pages(client, staff_client, page):
    client.get("/fr/horaires/")  # stored for anonymous visitors
    for _ in range(2):
        response = staff_client.get("/fr/horaires/")
        assert state(response) == "skip"
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
        assert b"wagtail-userbar" in response.content


def test_staff_visit_does_not_fill_the_cache(client, staff_client, page):
    staff_client.get("/fr/horaires/")
    assert state(client.get("/fr/horaires/")) == "miss"


def test_a_page_with_a_csrf_form_is_never_stored(client, site_tree):
    rooms = build_rooms_pages(site_tree)
    room = requestable_room()
    url = rooms["fr"].url + rooms["fr"].reverse_subpage("request", args=[room.pk])
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert 'name="csrfmiddlewaretoken"' in response.content.decode()
        assert state(response) == "skip"
        assert "no-store" in response["Cache-Control"]
    # Also for a visitor who already holds a CSRF cookie (no Set-Cookie needed then).
    assert "csrftoken" in client.cookies
    assert state(client.get(url)) == "skip"


def test_the_free_busy_week_is_stored_and_follows_bookings(client, site_tree):
    rooms = build_rooms_pages(site_tree)
    room = requestable_room()
    url = rooms["fr"].url + rooms["fr"].reverse_subpage("room", args=[room.pk])
    assert state(client.get(url)) == "miss"
    assert state(client.get(url)) == "hit"
    room.name = "Salle rénovée"
    room.save()
    response = client.get(url)
    assert state(response) == "miss"
    assert "Salle rénovée" in response.content.decode()


def test_password_protected_page_is_never_stored(client, page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    for _ in range(2):
        response = client.get("/fr/horaires/")
        assert state(response) == "skip"
        assert "Ouvert le lundi." not in response.content.decode()
        assert "private" in response["Cache-Control"]


def test_login_protected_page_is_never_stored(client, staff_client, page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/fr/horaires/").status_code == 302
    response = staff_client.get("/fr/horaires/")
    assert response.status_code == 200
    assert state(response) == "skip"
    assert client.get("/fr/horaires/").status_code == 302


def test_query_strings_make_distinct_entries(client, page):
    assert state(client.get("/fr/horaires/?age=12&page=2")) == "miss"
    assert state(client.get("/fr/horaires/?age=13&page=2")) == "miss"
    assert state(client.get("/fr/horaires/?page=2&age=12")) == "hit"  # order does not matter
    assert state(client.get("/fr/horaires/")) == "miss"


def test_search_terms_and_long_query_strings_are_never_stored(client, page):
    for url in ("/fr/horaires/?q=violence", "/fr/horaires/?x=" + "a" * 300):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200
            assert state(response) == "skip"
            assert "no-store" in response["Cache-Control"]


def test_a_visitor_with_a_message_waiting_is_not_served_a_stored_page(client, page):
    client.get("/fr/horaires/")
    client.cookies["messages"] = "anything"
    assert state(client.get("/fr/horaires/")) == "skip"


def test_off_switch(client, page, settings):
    settings.PAGE_CACHE_ENABLED = False
    for _ in range(2):
        response = client.get("/fr/horaires/")
        assert state(response) == "skip"
    assert response["Cache-Control"] == PUBLIC  # shared caches may still keep it


def test_proxy_lifetime_header_when_asked(client, page, settings):
    settings.PAGE_CACHE_PROXY_SECONDS = 2
    assert client.get("/fr/horaires/")["X-Accel-Expires"] == "2"
    client.cookies["sessionid"] = "x"
    assert "X-Accel-Expires" not in client.get("/fr/horaires/")


# --- Cache-Control of the other kinds of responses --------------------------------------


def test_cache_control_of_everything_else(client, staff_client, site_tree):
    assert "no-store" in client.get("/fr/search/?q=aide")["Cache-Control"]
    assert "no-store" in client.get("/fr/nothing-here/")["Cache-Control"]
    assert "no-store" in client.get("/healthz")["Cache-Control"]
    admin = staff_client.get(reverse("wagtailadmin_home"))
    assert admin.status_code == 200
    assert "private" in admin["Cache-Control"] and "no-store" in admin["Cache-Control"]
    login = client.get(reverse("wagtailadmin_login"))
    assert state(login) == "skip" and "no-store" in login["Cache-Control"]


def test_public_calendar_feed_keeps_its_own_cache_control(client, site_tree):
    from events.models import CalendarPage

    calendar = CalendarPage(title="Agenda", slug="agenda")
    site_tree.home.add_child(instance=calendar)
    calendar.save_revision().publish()
    response = client.get("/fr/agenda/ics/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=900"
    assert state(client.get("/fr/agenda/ics/")) == "hit"


def test_private_booking_feed_is_never_stored(client, site_tree):
    from events.bookings.models import CalendarFeedToken

    user = UserFactory(username="coordinator", is_staff=True, is_superuser=True)
    token = CalendarFeedToken.objects.create(user=user)
    url = reverse("booking_feed", args=[token.token])
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"
        assert state(response) == "skip"


# --- Redis ------------------------------------------------------------------------------


def test_rate_limits_fail_open_when_the_cache_cannot_count(rf, monkeypatch):
    from maison.core import ratelimit

    monkeypatch.setattr(ratelimit.cache, "incr", lambda *args, **kwargs: None)
    limit = RateLimit("test", limit=1, period=60)
    request = rf.post("/")
    assert not limit.exceeded(request)
    assert not limit.exceeded(request)


def test_pages_render_when_redis_is_down(client, page, settings):
    # Nothing listens on this port (this worktree's own range): every cache call fails.
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:8309/3",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    for _ in range(2):
        response = client.get("/fr/horaires/")
        assert response.status_code == 200
        assert "Ouvert le lundi." in response.content.decode()
        assert state(response) == "miss"  # stored nowhere, read from the database again
    assert client.get("/healthz").status_code == 503
    assert not RateLimit("test", limit=1, period=60).exceeded(
        type("Request", (), {"META": {"REMOTE_ADDR": "192.0.2.1"}})()
    )


def test_saving_a_standard_page_type_is_known_to_change_pages():
    from wagtail.models import Revision

    from maison.core.page_cache import changes_public_pages

    assert changes_public_pages(StandardPage)
    assert changes_public_pages(Redirect)
    assert not changes_public_pages(Revision)


def load_base_settings(monkeypatch, **env):
    """maison.settings.base evaluated afresh with ``env`` (the running settings stay)."""
    import importlib.util
    from pathlib import Path

    import maison.settings

    for name, value in env.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    path = Path(maison.settings.__file__).with_name("base.py")
    spec = importlib.util.spec_from_file_location("maison.settings._probe", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_redis_cache_when_redis_url_is_set(monkeypatch):
    base = load_base_settings(monkeypatch, REDIS_URL="redis://127.0.0.1:6379/3")
    cache = base.CACHES["default"]
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache["LOCATION"] == "redis://127.0.0.1:6379/3"
    assert cache["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    base = load_base_settings(monkeypatch, REDIS_URL=None)
    assert base.CACHES["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert base.MIDDLEWARE[0] == "maison.core.page_cache.PageCacheMiddleware"


REDIS_TEST_URL = "redis://127.0.0.1:6379/3"


def redis_available() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=0.5).ping())
    except redis.RedisError:
        return False


@pytest.mark.skipif(not redis_available(), reason="no Redis on 127.0.0.1:6379")
def test_round_trip_through_redis(client, page, settings):
    import redis

    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": "maison-test",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
    from django.core.cache import cache

    cache.clear()  # this worktree's own Redis database
    try:
        assert state(client.get("/fr/horaires/")) == "miss"
        hit = client.get("/fr/horaires/")
        assert state(hit) == "hit"
        assert "Ouvert le lundi." in hit.content.decode()
        keys = redis.Redis.from_url(REDIS_TEST_URL).keys("maison-test:*maison:page:*")
        assert len(keys) == 1
        page.intro = "Ouvert le mardi."
        page.save_revision().publish()
        assert "Ouvert le mardi." in client.get("/fr/horaires/").content.decode()
    finally:
        cache.clear()


def test_regenerating_dates_in_bulk_starts_a_new_content_version(site_tree):
    from events.factories import EventPageFactory, SeriesFactory
    from events.services import sync_series
    from maison.core.navigation import content_version

    series = SeriesFactory(page=EventPageFactory(parent=site_tree.home))
    before = content_version()
    sync_series([series])  # occurrences are written in bulk: no save signal per date
    assert content_version() != before


def test_preview_requests_are_never_marked(rf, page):
    from maison.core.wagtail_hooks import allow_page_cache

    request = rf.get("/fr/horaires/")
    request.is_preview = True
    allow_page_cache(page, request, (), {})
    assert not getattr(request, "_maison_page_cache_marked", False)
    request = rf.get("/fr/horaires/")
    allow_page_cache(page, request, (), {})
    assert request._maison_page_cache_marked
