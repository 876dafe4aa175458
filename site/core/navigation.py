"""Where the visitor is: the home page of their language, the menu, the breadcrumbs, the
other languages.

Every page carries this chrome, and reading it from the page tree costs a dozen queries.
So it is cached as plain data (titles and URLs), per site, language and page, under a
*navigation version* that any change to pages, sites, locales or site settings replaces
(`invalidate_navigation`, connected in `apps.py`). A stale entry is never read again; it
expires on its own. Where workers do not share a cache (no `REDIS_URL`, several
processes), another worker's entries can lag by at most `NAVIGATION_TIMEOUT` seconds.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

NAVIGATION_VERSION_KEY = "maison:navigation-version"
NAVIGATION_TIMEOUT = 60


def current_site(request) -> Site | None:
    """Wagtail's site of the request (``Site.find_for_request``), read from the database
    once per content version and host (pages get it from ``core.route_cache``)."""
    if not hasattr(request, "_maison_site"):
        site = getattr(request, "_wagtail_site", None)
        if site is None:
            from django.core.exceptions import DisallowedHost

            from .content_cache import content_cached

            try:
                host = request.get_host()
            except DisallowedHost:
                host = None
            if host is None:
                site = Site.find_for_request(request)
            else:
                site = content_cached(
                    "site",
                    host,
                    request.get_port(),
                    build=lambda: Site.find_for_request(request),
                )
            request._wagtail_site = site
        request._maison_site = site
    return request._maison_site


def localized_home(request) -> Page | None:
    """The site's root page in the active language (falls back to the default language)."""
    if not hasattr(request, "_maison_home"):
        site = current_site(request)
        home = None
        if site is not None:
            root = site.root_page
            home = root.get_translation_or_none(Locale.get_active()) or root
        request._maison_home = home
    return request._maison_home


# --- cache ----------------------------------------------------------------------------


def invalidate_navigation(**_kwargs) -> None:
    """Start a new navigation version now and again once the transaction commits (a request
    that read the old tree in between must not have cached it under the new version)."""

    def bump():
        cache.set(NAVIGATION_VERSION_KEY, uuid.uuid4().hex, None)

    bump()
    transaction.on_commit(bump)


def content_version() -> str:
    """The current navigation version. The page cache (``core.page_cache``) keys whole
    pages with it too: one version, bumped by every change to what public pages show."""
    version = cache.get(NAVIGATION_VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(NAVIGATION_VERSION_KEY, version, None)
        version = cache.get(NAVIGATION_VERSION_KEY, version)
    return version


def _cached(request, name: str, *parts, build):
    if not hasattr(request, "_maison_navigation_version"):
        request._maison_navigation_version = content_version()
    site = current_site(request)
    key = ":".join(
        str(part)
        for part in (
            "maison:navigation",
            request._maison_navigation_version,
            name,
            site.pk if site else "-",
            get_language(),
            *parts,
        )
    )
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, NAVIGATION_TIMEOUT)
    return value


def site_settings(request):
    """The site's SiteSettings (contact, footer, quick exit), a query only when the
    navigation version changes (saving the settings replaces it)."""
    from .models import SiteSettings

    return _cached(request, "settings", build=lambda: SiteSettings.for_request(request))


# --- chrome ---------------------------------------------------------------------------


def home_url(request) -> str:
    def build():
        home = localized_home(request)
        return (home.get_url(request) if home else None) or "/"

    return _cached(request, "home", build=build)


def menu_items(request) -> list[dict]:
    """Title, URL and tree path of each live, public child of the localised home that is
    shown in menus."""

    def build():
        home = localized_home(request)
        if home is None:
            return []
        pages = home.get_children().live().public().in_menu().only("id", "title", "url_path")
        return [
            {"title": page.title, "url": page.get_url(request), "url_path": page.url_path}
            for page in pages
        ]

    return _cached(request, "menu", build=build)


def breadcrumb_items(request, page: Page) -> list[dict]:
    """Title and URL of each live ancestor below the tree root, home first."""

    def build():
        ancestors = page.get_ancestors().filter(depth__gt=1).live()
        return [{"title": a.title, "url": a.get_url(request)} for a in ancestors]

    return _cached(request, "breadcrumbs", page.pk, build=build)


def footer_urls(request, site_settings) -> dict[str, str]:
    """URL of the accessibility statement and privacy page in the active language."""

    def build():
        urls = {}
        for name in ("accessibility_page", "privacy_page"):
            page = getattr(site_settings, name)
            if page is not None:
                urls[name] = page.localized.get_url(request)
        return urls

    return _cached(request, "footer", build=build)


def language_links(request, page: Page | None) -> list[dict]:
    """One link per language: the same page in that language when it exists and is live,
    else that language's home page; for views that are not pages, the same URL."""
    active = get_language()
    if page is not None and getattr(page, "pk", None):
        urls = _cached(
            request, "languages", page.pk, build=lambda: _translation_urls(request, page)
        )
    else:
        current = request.get_full_path()
        urls = {}
        for code, _name in settings.LANGUAGES:
            url = translate_url(current, code)
            if url == current and code != active:
                url = f"/{code}/"  # a URL that does not resolve (404): that language's home
            urls[code] = url
    return [
        {"code": code, "name": name, "url": urls[code], "active": code == active}
        for code, name in settings.LANGUAGES
    ]


def _translation_urls(request, page: Page) -> dict[str, str]:
    targets = {}
    site = current_site(request)
    if site is not None:
        for home in site.root_page.get_translations(inclusive=True).live().select_related("locale"):
            targets[home.locale.language_code] = home
    for translation in (
        page.get_translations(inclusive=True).live().public().select_related("locale")
    ):
        targets[translation.locale.language_code] = translation
    urls = {}
    for code, _name in settings.LANGUAGES:
        target = targets.get(code)
        urls[code] = (target.get_url(request) if target else None) or f"/{code}/"
    return urls
