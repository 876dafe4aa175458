from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "maison.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
        from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

        from . import frontend_cache, request_memo
        from .navigation import invalidate_navigation
        from .page_cache import changes_public_pages

        # GET requests read the active locale and the view restrictions once.
        request_memo.install()

        # One content version for the navigation and the page cache: any save or delete of
        # a page, site, locale, site settings, snippet, image, document, redirect, room,
        # booking, series, occurrence… starts a new one (core.page_cache lists the models
        # that never change a public page: revisions, logs, sessions, submissions…).
        def on_change(sender, instance=None, **kwargs):
            if instance is not None and changes_public_pages(type(instance)):
                invalidate_navigation()

        def on_m2m_change(sender, instance=None, action="", **kwargs):
            if action.startswith("post_") and changes_public_pages(type(instance)):
                invalidate_navigation()

        # Without a sender: every Page subclass saves under its own class. A local function
        # needs a strong reference (weak=False), or it is collected after ready().
        post_save.connect(on_change, weak=False, dispatch_uid="maison-navigation-save")
        post_delete.connect(on_change, weak=False, dispatch_uid="maison-navigation-delete")
        m2m_changed.connect(on_m2m_change, weak=False, dispatch_uid="maison-navigation-m2m")
        post_page_move.connect(invalidate_navigation, dispatch_uid="maison-navigation-move")

        # CDN / reverse-proxy purges (wagtail.contrib.frontend_cache), when configured.
        page_published.connect(frontend_cache.purge_page, dispatch_uid="maison-purge-publish")
        page_unpublished.connect(frontend_cache.purge_page, dispatch_uid="maison-purge-unpublish")
        pre_page_move.connect(frontend_cache.purge_page, dispatch_uid="maison-purge-move-from")
        post_page_move.connect(frontend_cache.purge_page, dispatch_uid="maison-purge-move-to")
        pre_delete.connect(frontend_cache.purge_deleted_page, dispatch_uid="maison-purge-delete")
