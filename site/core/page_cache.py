"""Whole responses of public pages, kept for anonymous visitors, and the Cache-Control header
of every response (the contract nginx and a CDN rely on).

Why a middleware, first in ``MIDDLEWARE``, rather than a wrapper around Wagtail's ``serve``:
a hit is answered before anything else runs (no session, no URL resolution, no Wagtail
routing: no query at all), and a miss is stored only once the whole chain has finished the
response, so the checks below see every cookie it sets and every header it carries.
It is Wagtail-aware through a marker: only a request that Wagtail's ``serve`` view routed to
a page (``before_serve_page`` hook in ``core/wagtail_hooks.py``, not previews) can fill the
cache. Everything else (search, admin, documents, feeds outside the page tree, /healthz…)
is never stored.

A response is stored when all of these hold:
- GET (HEAD reads what a GET stored), under a language prefix (``/fr/…``), not the admin;
- the visitor sends no session cookie and no messages cookie: logged-in staff (who see the
  userbar), a visitor who passed a page password or has a message waiting are never served
  a stored page, nor fill one;
- the query string is at most ``PAGE_CACHE_MAX_QUERY_LENGTH`` characters and has no free
  text search term (``PAGE_CACHE_SKIP_PARAMS``, ``q``): search terms are never stored;
- status 200, no ``Set-Cookie`` (a page that used a CSRF token sets the cookie, so a form
  is never served with someone else's token), no ``private``/``no-cache``/``no-store`` in
  ``Cache-Control`` (Wagtail adds them to every page with view restrictions), ``Vary``
  on nothing but ``Cookie``/``Accept-Encoding``, not streamed, at most 1 MB.

The key holds the scheme, host, path and the query string with its parameters sorted, and
the *content version* of ``core.navigation``: any change to pages or to what public pages
show (signals in ``core/apps.py``, ``changes_public_pages`` below) starts a new version, so
every stored page is left behind at once. ``PAGE_CACHE_SECONDS`` bounds what time alone
changes (the next date of an activity, "open now").

Headers: ``X-Page-Cache: hit|miss|skip``. A response that could be stored says
``Cache-Control: public, max-age=0, s-maxage=PAGE_CACHE_SECONDS`` (browsers revalidate,
shared caches may keep it); any other response without its own ``Cache-Control`` gets
Django's ``never_cache`` headers (``private, no-cache, no-store…``). Responses that set
their own (public ICS feeds, static files, private booking feeds) keep it.
"""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from .navigation import content_version

HEADER = "X-Page-Cache"
KEY_PREFIX = "maison:page"
MAX_BODY_BYTES = 1_000_000
ALLOWED_VARY = {"cookie", "accept-encoding"}
NOT_STORABLE_DIRECTIVES = ("private", "no-cache", "no-store")

# Saves of these models never change what a public page shows (or happen on every admin
# request): they do not start a new content version. Everything else does.
IGNORED_APPS = {
    "admin",
    "auth",
    "contenttypes",
    "sessions",
    "users",
    "wagtailadmin",  # editing sessions ping every few seconds while an editor edits
    "wagtailforms",
    "wagtail_localize",  # translation work in progress; publishing the page counts
    "wagtailsearch",
    "wagtailsearchpromotions",  # the search page is never cached
    "wagtailusers",
    "django_tasks_database",
    "django_tasks_db",
}
IGNORED_MODELS = {
    "wagtailcore.revision",  # drafts; publishing saves the page
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.pagesubscription",
    "wagtailcore.referenceindex",
    "wagtailcore.uploadedfile",
    "wagtailcore.apitoken",
    "images.rendition",  # made while a page renders
    "wagtailimages.rendition",
    "services.technopreventionrequest",  # private submissions
    "events.calendarfeedtoken",
}


def changes_public_pages(model) -> bool:
    """Whether saving or deleting an instance of ``model`` may change a public page."""
    meta = model._meta
    if meta.app_label in IGNORED_APPS or meta.app_label.startswith("otp_"):
        return False
    return meta.label_lower not in IGNORED_MODELS


def mark_cacheable(request) -> None:
    """Called for requests that Wagtail's serve view routes to a page (not previews)."""
    request._maison_page_cache_marked = True


def forbid(request) -> None:
    """A view's way to say "never store this response" (e.g. something random)."""
    request._maison_page_cache_forbidden = True


def _setting(name: str, default):
    return getattr(settings, name, default)


def shareable_url(request) -> str | None:
    """The normalised URL (scheme, host, path, sorted query) of a request whose response
    every anonymous visitor may share, or None: not GET/HEAD, outside the language
    prefixes or in the admin, a session or messages cookie, a long query string or a
    search term. The page cache and the cached regions (``core.content_cache``) key on it."""
    if request.method not in ("GET", "HEAD"):
        return None
    path = request.path
    languages = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
    if not path.startswith(languages) or path.startswith(f"/{settings.ADMIN_PATH}/"):
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return None
    query = request.META.get("QUERY_STRING", "")
    if len(query) > _setting("PAGE_CACHE_MAX_QUERY_LENGTH", 200):
        return None
    params = sorted(parse_qsl(query, keep_blank_values=True))
    skipped = _setting("PAGE_CACHE_SKIP_PARAMS", ("q",))
    if any(value.strip() for name, value in params if name in skipped):
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    return f"{request.scheme}://{host}{path}?{urlencode(params)}"


def is_forbidden(request) -> bool:
    return getattr(request, "_maison_page_cache_forbidden", False)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        enabled = _setting("PAGE_CACHE_ENABLED", True)
        key = self.lookup_key(request)
        if key is not None and enabled:
            entry = cache.get(key)
            if entry is not None:
                return self.rebuild(entry)
        response = self.get_response(request)
        if key is not None and self.storable(request, response):
            seconds = _setting("PAGE_CACHE_SECONDS", 300)
            if "Cache-Control" not in response:
                patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
            proxy_seconds = _setting("PAGE_CACHE_PROXY_SECONDS", -1)
            if proxy_seconds >= 0:
                response["X-Accel-Expires"] = str(proxy_seconds)
            if enabled and request.method == "GET" and seconds > 0:
                cache.set(key, self.entry(response), seconds)
                response[HEADER] = "miss"
            else:
                response[HEADER] = "skip"
        else:
            if "Cache-Control" not in response:
                add_never_cache_headers(response)
            response[HEADER] = "skip"
        return response

    # --- the request --------------------------------------------------------------------

    def lookup_key(self, request) -> str | None:
        """The cache key of this request, or None when it may neither read nor fill."""
        url = shareable_url(request)
        if url is None:
            return None
        version = content_version()
        # The navigation cache reads the same version: a page rendered on a miss is stored
        # under the version its chrome was read with.
        request._maison_navigation_version = version
        digest = hashlib.sha256(url.encode()).hexdigest()
        return f"{KEY_PREFIX}:{version}:{digest}"

    # --- the response -------------------------------------------------------------------

    def storable(self, request, response) -> bool:
        if not getattr(request, "_maison_page_cache_marked", False):
            return False
        if is_forbidden(request):
            return False
        if response.status_code != 200 or response.streaming:
            return False
        if response.cookies or response.has_header("Set-Cookie"):
            return False
        if request.META.get("CSRF_COOKIE_USED") or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(directive in cache_control for directive in NOT_STORABLE_DIRECTIVES):
            return False
        vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part}
        if not vary <= ALLOWED_VARY:
            return False
        return len(response.content) <= MAX_BODY_BYTES

    @staticmethod
    def entry(response) -> tuple[int, list[tuple[str, str]], bytes]:
        headers = [(name, value) for name, value in response.items() if name != HEADER]
        return response.status_code, headers, response.content

    @staticmethod
    def rebuild(entry) -> HttpResponse:
        status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response[HEADER] = "hit"
        return response
