from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "maison.users"
    label = "users"
    verbose_name = "Users"

    def ready(self):
        from . import checks  # noqa: F401 - registers the deploy check
