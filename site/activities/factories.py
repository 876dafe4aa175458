"""Factories for the activities app (tests, benchmarks)."""

import factory
import wagtail_factories

from events.factories import SeriesFactory

from .models import ActivityIndexPage, ActivityPage


class ActivityIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=2, locale="fr_BE")
    slug = factory.Sequence(lambda n: f"activites-{n}")
    intro = factory.Faker("sentence", locale="fr_BE")

    class Meta:
        model = ActivityIndexPage


class ActivityPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3, locale="fr_BE")
    slug = factory.Sequence(lambda n: f"activite-{n}")
    pitch = factory.Faker("sentence", nb_words=12, locale="fr_BE")
    min_age = factory.Faker("random_int", min=6, max=14)
    max_age = factory.LazyAttribute(lambda o: o.min_age + 4)
    address = factory.Faker("street_address", locale="fr_BE")
    neighbourhood = factory.Faker("random_element", elements=["Flagey", "Tulipe", "Matonge"])
    contact_email = "jeunesse@example.org"
    contact_phone = "+32 2 000 00 50"

    class Meta:
        model = ActivityPage


class ActivitySeriesFactory(SeriesFactory):
    """A weekly Wednesday series owned by an activity."""

    page = factory.SubFactory(ActivityPageFactory)
