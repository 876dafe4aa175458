from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "maison.images"
    label = "images"
    verbose_name = "Images"
