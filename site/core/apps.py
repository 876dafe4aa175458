from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "maison.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale, Page, PageViewRestriction, Site
        from wagtail.signals import post_page_move

        from . import request_memo
        from .models import SiteSettings
        from .navigation import invalidate_navigation

        request_memo.install()

        def on_change(sender, instance=None, **kwargs):
            if isinstance(instance, Page | Site | Locale | SiteSettings | PageViewRestriction):
                invalidate_navigation()

        # Without a sender: every Page subclass saves under its own class. A local function
        # needs a strong reference (weak=False), or it is collected after ready().
        post_save.connect(on_change, weak=False, dispatch_uid="maison-navigation-save")
        post_delete.connect(on_change, weak=False, dispatch_uid="maison-navigation-delete")
        post_page_move.connect(invalidate_navigation, dispatch_uid="maison-navigation-move")
