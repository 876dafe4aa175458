from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "maison.services"
    label = "services"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from maison.core.navigation import invalidate_navigation

        from .models import Audience, Funder, Language, Need

        # Finders cache their choice lists under the navigation version (core.content_cache):
        # a saved vocabulary starts a new one.
        for model in (Need, Audience, Language, Funder):
            post_save.connect(
                invalidate_navigation, sender=model, dispatch_uid=f"maison-{model.__name__}"
            )
            post_delete.connect(
                invalidate_navigation, sender=model, dispatch_uid=f"maison-{model.__name__}-delete"
            )
