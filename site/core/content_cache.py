"""Content read from the database once per navigation version, not once per request.

For data that changes only when an editor saves something: choice lists of the finders,
per-page facts. The key carries the navigation version (`core.navigation`), which any save
or delete of a page, site, locale, site settings or page view restriction replaces
(`core/apps.py`), and of a shared vocabulary (`services/apps.py`); an entry is never read
again after such a change, and expires on its own after `NAVIGATION_TIMEOUT` seconds.
Never put time-dependent data in ``content_cached`` ("open now", upcoming dates).

``section_cached`` is for the rendered HTML of a section that depends on the clock too
("next events", "this week for young people" on the home): it is keyed by the version
and by the current ``SECTION_CACHE_SECONDS`` slot of the wall clock, so an entry is never
used after its slot ends, whatever its age (with the page cache in front, what a visitor
sees is at most two slots old, as for any page that the page cache holds).

``region_cached`` keeps the rendered regions of a whole page (its head extras and its main
content, ``{% cached_region %}`` in base.html) for anonymous visitors, per normalised URL,
language, version and slot, under the page cache's rules (``core.page_cache.shareable_url``):
what the page cache would share, in a form that still renders the chrome, the messages
and the userbar around it. Views hand the template lazy values (``lazy``), so a hit runs
none of their queries. A page under a view restriction, a response a view forbade from
caching and a region where a view read the CSRF token itself are never stored; a form's
region is, with a placeholder where ``{% csrf_token %}`` goes, replaced by each visitor's
own token. ``CONTENT_CACHE_ENABLED`` turns it off (the test settings do, except in the
tests that cover it).
"""

import functools
import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache

from .navigation import NAVIGATION_TIMEOUT, content_version


def versioned_key(kind: str, *parts) -> str:
    """A cache key under the current content version: never read again after a save."""
    return ":".join(str(part) for part in (f"maison:{kind}", content_version(), *parts))


def content_cached(name: str, *parts, build: Callable):
    key = versioned_key("content", name, *parts)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, NAVIGATION_TIMEOUT)
    return value


def section_cached(request, name: str, *parts, build: Callable[[], str | None]) -> str | None:
    """The HTML ``build`` returns (or None: an empty section), once per slot and version,
    per host. Previews (draft content) always build their own."""
    seconds = getattr(settings, "SECTION_CACHE_SECONDS", 300)
    if seconds <= 0 or getattr(request, "is_preview", False):
        return build()
    slot = int(time.time() // seconds)
    key = versioned_key("section", slot, request.get_host(), name, *parts)
    value = cache.get(key)
    if value is None:
        value = build() or ""
        cache.set(key, value, seconds)
    return value or None


def cached_section(name: str):
    """Decorator for a page section hook ``(request, page) -> HTML | None`` that every
    visitor sees alike: ``section_cached`` under ``name`` and the page."""

    def decorator(render: Callable):
        @functools.wraps(render)
        def section(request, page):
            return section_cached(request, name, page.pk, build=lambda: render(request, page))

        return section

    return decorator


def lazy(build: Callable):
    """A context value computed when a template first reads it (Django templates call
    callables), at most once: a cached region that is served never computes it."""
    return functools.cache(build)


def _slot_seconds() -> int:
    return getattr(settings, "SECTION_CACHE_SECONDS", 300)


def region_key(request, page, name: str) -> str | None:
    """The key of a page region for this request, or None when it must be rendered."""
    from .page_cache import is_forbidden, shareable_url
    from .request_memo import view_restrictions

    if request is None or not getattr(settings, "CONTENT_CACHE_ENABLED", True):
        return None
    if getattr(request, "is_preview", False) or is_forbidden(request):
        return None
    seconds = _slot_seconds()
    if seconds <= 0 or not hasattr(page, "path") or getattr(page, "alias_of_id", None):
        return None
    if any(page.path.startswith(r.page.path) for r in view_restrictions()):
        return None
    url = shareable_url(request)
    if url is None:
        return None
    from django.utils.translation import get_language

    digest = hashlib.sha256(f"{get_language()}\n{url}".encode()).hexdigest()[:40]
    return versioned_key("region", int(time.time() // seconds), name, digest)


# What `{% csrf_token %}` writes in a region rendered for the cache: each response gets
# its visitor's own token in its place (Django masks it differently every time).
CSRF_PLACEHOLDER = "maison-csrf-token-placeholder"


def region_cached(request, page, name: str, render: Callable[[str | None], str]) -> str:
    """The region's HTML. ``render(csrf_token)`` renders it, with the given value as the
    template's ``csrf_token`` when not None."""
    key = region_key(request, page, name)
    if key is None:
        return render(None)
    html = cache.get(key)
    if html is None:
        html = render(CSRF_PLACEHOLDER)
        from .page_cache import is_forbidden

        # A token read any other way (a view calling get_token) must reach no one else.
        meta = request.META
        csrf = meta.get("CSRF_COOKIE_NEEDS_UPDATE") or meta.get("CSRF_COOKIE_USED")
        if not csrf and not is_forbidden(request):
            cache.set(key, html, _slot_seconds())
    if CSRF_PLACEHOLDER in html:
        from django.middleware.csrf import get_token

        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    return html
