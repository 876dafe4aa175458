from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "maison.core"
    label = "core"
    verbose_name = "Core"
