"""Routing a URL down the page tree in two queries instead of two per level.

Wagtail's `Page.route` reads each child by slug, then its specific page (to call that
page's own `route`): a service page four levels below the home cost eight queries. Here
the pages on the rest of the path are read in one query; the specific page is read only
where the walk stops: the last page, or a page whose class routes by itself (routable
pages answer sub-URLs before their children, as with Wagtail's walk).
"""

from django.db.models import Q
from django.http import Http404
from wagtail.models import Page

STOP_ATTRIBUTE = "_maison_route_stop"


def remember_stop(request, page: Page, remaining: list[str]) -> None:
    """Where the walk handed over to ``page.route(remaining)``: what `core.route_cache`
    keeps for the next request to the same URL."""
    setattr(request, STOP_ATTRIBUTE, (page, list(remaining)))


def walks_children(model) -> bool:
    """Whether pages of ``model`` route like `Page.route`: to the child with that slug."""
    from .models import BasePage

    return model is not None and model.route in (Page.route, BasePage.route)


def route_below(page: Page, request, path_components: list[str]):
    """What ``page.route(request, path_components)`` of Wagtail's `Page` returns, for a
    non-empty ``path_components``."""
    levels = Q()
    for number, slug in enumerate(path_components, start=1):
        levels |= Q(depth=page.depth + number, slug=slug)
    candidates = list(Page.objects.filter(levels, path__startswith=page.path))
    parent = page
    last = len(path_components) - 1
    for number, slug in enumerate(path_components):
        child = next(
            (
                candidate
                for candidate in candidates
                if candidate.depth == parent.depth + 1
                and candidate.slug == slug
                and candidate.path.startswith(parent.path)
            ),
            None,
        )
        if child is None:
            raise Http404
        child._cached_parent_obj = parent
        if number == last or not walks_children(child.specific_class):
            specific = child.specific
            specific._cached_parent_obj = parent
            remaining = path_components[number + 1 :]
            if request is not None:
                remember_stop(request, specific, remaining)
            return specific.route(request, remaining)
        parent = child
    raise Http404  # not reached: the loop returns at the last component
