"""Purge a CDN or a purging reverse proxy when pages change (wagtail.contrib.frontend_cache).

Off unless ``WAGTAILFRONTENDCACHE`` is set (``env.frontend_cache_config``: the
``FRONTEND_CACHE_*`` variables). Wagtail's own app would purge on publish and unpublish
only; these handlers (connected in ``core/apps.py``) also purge a page's old and new URLs
when it moves, and its URLs when it is deleted. Each purge lists the URLs of the page and of its
live translations (their real slugs: ``WAGTAILFRONTENDCACHE_LANGUAGES = []`` stops Wagtail
from guessing ``/nl/<French slug>/``), each with its ``get_cached_paths()`` (the sub-views
of routable pages), and runs as a django-tasks task
(``purge_urls_from_cache_task``): in the request with the immediate backend, in the
worker with the database backend.

Pages that merely *list* the changed page (its parent, the home) are not purged here: a
shared cache keeps them at most ``PAGE_CACHE_SECONDS`` (the ``s-maxage`` they are sent
with). The Django page cache, in contrast, drops everything at once (``core.page_cache``).
"""

from __future__ import annotations

import logging

from django.conf import settings
from wagtail.models import Page

logger = logging.getLogger(__name__)


def enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_page(sender=None, instance=None, **kwargs) -> None:
    if instance is None or not enabled():
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    try:
        batch = PurgeBatch()
        batch.add_page(instance)
        # The other languages' pages name this one in their language switcher.
        batch.add_pages(instance.get_translations().live())
        batch.purge()
    except Exception:  # a CDN problem must never stop an editor from publishing
        logger.exception("event=frontend_cache_purge_failed page=%s", instance.pk)


def purge_deleted_page(sender=None, instance=None, **kwargs) -> None:
    if isinstance(instance, Page) and instance.live:
        purge_page(sender, instance)
