from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "maison.users"
    label = "users"
    verbose_name = "Users"
