"""Content read from the database once per navigation version, not once per request.

For data that changes only when an editor saves something: choice lists of the finders,
per-page facts. The key carries the navigation version (`core.navigation`), which any save
or delete of a page, site, locale, site settings or page view restriction replaces
(`core/apps.py`), and of a shared vocabulary (`services/apps.py`); an entry is never read
again after such a change, and expires on its own after `NAVIGATION_TIMEOUT` seconds.
Never put time-dependent data here ("open now", upcoming dates).
"""

from collections.abc import Callable

from django.core.cache import cache

from .navigation import NAVIGATION_TIMEOUT, content_version


def content_cached(name: str, *parts, build: Callable):
    key = ":".join(str(part) for part in ("maison:content", content_version(), name, *parts))
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, NAVIGATION_TIMEOUT)
    return value
