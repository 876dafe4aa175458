from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "maison.search"
    label = "search"
