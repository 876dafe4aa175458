from django.apps import AppConfig


class ActivitiesConfig(AppConfig):
    name = "maison.activities"
    label = "activities"
