from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "maison.services"
    label = "services"
