"""Factories for the core app's models (used by tests of every app)."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model

from .models import HomePage, StandardPage


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("correct-horse-battery")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Faker("sentence", nb_words=3)
    description = factory.Faker("sentence", nb_words=6)


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3, locale="fr_BE")
    slug = factory.Sequence(lambda n: f"home-{n}")
    intro = factory.Faker("paragraph", locale="fr_BE")

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4, locale="fr_BE")
    slug = factory.Sequence(lambda n: f"page-{n}")
    intro = factory.Faker("paragraph", locale="fr_BE")
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "Section", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Texte.</p>"},
        ]
    )

    class Meta:
        model = StandardPage
