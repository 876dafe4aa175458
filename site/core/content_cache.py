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
"""

import functools
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
