"""Wagtail's routing read from the cache: the site of a request and the page a URL leads to.

Wagtail reads the site from the database on every request, then the pages on the path
(two or three queries with `core.routing`). Both change only when an editor saves
something, so, like the page chrome, they are kept under the content version
(`core.navigation.content_version`), which every save or delete of a page or site
replaces: an entry is never read again after such a change, and none is stored for a URL
that leads nowhere (a 404 crawler fills nothing).

What is kept is the page where the walk down the tree stopped and the part of the path
left for that page's own ``route``, which still runs on every request: routable pages (the
finders, the calendar) resolve their sub-URLs as before, and a page that is not live
still answers 404. View restrictions are checked after routing, as before.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from wagtail.models import Page
from wagtail.views import serve

from .content_cache import versioned_key
from .navigation import NAVIGATION_TIMEOUT
from .routing import STOP_ATTRIBUTE


class RouteCacheMiddleware:
    """Fills Wagtail's per-request memos (``request._wagtail_site`` and
    ``request._wagtail_route_for_request``) from the cache before its ``serve`` view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            view_func is not serve
            or request.method not in ("GET", "HEAD")
            or not getattr(settings, "ROUTE_CACHE_ENABLED", True)
        ):
            return None
        # Wagtail's URL pattern passes the path positionally.
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        if len(path) > 500:
            return None
        components = [component for component in path.split("/") if component]
        key = versioned_key(
            "route",
            request.get_host(),
            request.get_port(),
            getattr(request, "LANGUAGE_CODE", ""),
            "/".join(components),
        )
        cached = cache.get(key)
        if cached is not None:
            site, page, remaining = cached
            request._wagtail_site = site
            try:
                request._wagtail_route_for_request = page.route(request, remaining)
            except Http404:
                request._wagtail_route_for_request = None
            return None
        result = Page.route_for_request(request, path)
        site = getattr(request, "_wagtail_site", None)
        if result is None or site is None:
            return None
        stop = getattr(request, STOP_ATTRIBUTE, None)
        if stop is None and not components:
            stop = (result[0], [])  # the home page: no walk
        if stop is not None:
            cache.set(key, (site, *stop), NAVIGATION_TIMEOUT)
        return None
