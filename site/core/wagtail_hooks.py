"""Admin registrations of the core app."""

from wagtail import hooks

from . import page_cache


# After Wagtail's own checks (order): a page that Wagtail's serve view routes to may be
# stored by the page cache (core.page_cache decides from the finished response). Previews
# never pass here. A page type can opt out with ``page_cache = False``.
@hooks.register("before_serve_page", order=100)
def allow_page_cache(page, request, serve_args, serve_kwargs):
    if getattr(page, "page_cache", True) and not getattr(request, "is_preview", False):
        page_cache.mark_cacheable(request)
