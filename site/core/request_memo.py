"""Lookups that Wagtail repeats within one request, answered once per GET/HEAD request.

Wagtail asks the database for the active locale each time a page or a snippet is
localised (`.localized`, `Locale.get_active()`, a query even when the object is already in
that language), and for every page view restriction each time a queryset calls
`.public()`. A page with listings asked the same question a dozen times. While a GET or
HEAD request is being answered, the first answer is kept for the rest of that request: never
across requests, never while a request that writes (POST…) is answered, never outside a
request (commands, tests calling functions directly).

`install()` (from `CoreConfig.ready`) wraps `Locale.get_active` and
`PageQuerySet.private_q` (which `.public()` and `.private()` use) and connects the memo to
`request_started` / `request_finished`.
"""

import contextvars
from collections.abc import Callable

from django.core.signals import request_finished, request_started
from django.db.models import Q
from django.utils import translation

_memo: contextvars.ContextVar[dict | None] = contextvars.ContextVar(
    "maison_request_memo", default=None
)

READ_METHODS = frozenset({"GET", "HEAD"})


def _start(sender=None, environ=None, scope=None, **_kwargs) -> None:
    method = (environ or {}).get("REQUEST_METHOD") or (scope or {}).get("method")
    _memo.set({} if method in READ_METHODS else None)


def _finish(**_kwargs) -> None:
    _memo.set(None)


def memo_active() -> dict | None:
    return _memo.get()


def memoized(key, build: Callable):
    """``build()``, or its first result in the current GET/HEAD request."""
    memo = _memo.get()
    if memo is None:
        return build()
    if key not in memo:
        memo[key] = build()
    return memo[key]


def view_restrictions() -> list:
    """Every page view restriction of every site, with its page: read once per content
    version (saving or deleting a restriction, or moving a page, starts a new one)."""
    from wagtail.models import PageViewRestriction

    from .content_cache import content_cached

    def build():
        return list(PageViewRestriction.objects.select_related("page"))

    return memoized("view-restrictions", lambda: content_cached("view-restrictions", build=build))


def install() -> None:
    from wagtail.models import Locale
    from wagtail.query import PageQuerySet

    get_active = Locale.get_active.__func__

    def memoized_get_active(cls):
        language = translation.get_language()

        def build():
            if memo_active() is None:
                return get_active(cls)
            # Locales change only when an admin adds one (which starts a new version).
            from .content_cache import content_cached

            return content_cached("active-locale", language, build=lambda: get_active(cls))

        return memoized(("active-locale", cls, language), build)

    def private_q(self):
        # Wagtail's PageQuerySet.private_q, reading the restrictions once per request.
        q = Q()
        for restriction in view_restrictions():
            q |= self.descendant_of_q(restriction.page, inclusive=True)
        return q if q else Q(pk__in=[])  # no private section: match nothing

    Locale.get_active = classmethod(memoized_get_active)
    PageQuerySet.private_q = private_q
    request_started.connect(_start, dispatch_uid="maison-request-memo-start")
    request_finished.connect(_finish, dispatch_uid="maison-request-memo-finish")
