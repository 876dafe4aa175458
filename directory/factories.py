"""Factories for the directory (tests, benchmarks)."""

import datetime as dt

import factory
import wagtail_factories

from .models import (
    AssociationLocation,
    AssociationPage,
    DirectoryPage,
    LocationHoursException,
    LocationWeeklyHours,
)


class DirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Associations partenaires"
    slug = factory.Sequence(lambda n: f"associations-{n}")
    intro = factory.Faker("sentence", locale="fr_FR")

    class Meta:
        model = DirectoryPage


class AssociationPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("company", locale="fr_BE")
    slug = factory.Sequence(lambda n: f"association-{n}")
    intro = factory.Faker("sentence", locale="fr_FR")
    phone = factory.Sequence(lambda n: f"+32 2 000 {n % 100:02d} {n // 100 % 100:02d}")
    email = factory.Sequence(lambda n: f"association-{n}@example.org")
    access_walk_in = True
    import_key = factory.Sequence(lambda n: f"factory-{n}")

    class Meta:
        model = AssociationPage


class AssociationLocationFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(AssociationPageFactory)
    name = factory.Faker("street_name", locale="fr_BE")
    street_address = factory.Faker("street_address", locale="fr_BE")
    postcode = "1050"
    commune = "ixelles"
    latitude = "50.830000"
    longitude = "4.370000"
    step_free_access = "yes"

    class Meta:
        model = AssociationLocation


class LocationWeeklyHoursFactory(factory.django.DjangoModelFactory):
    location = factory.SubFactory(AssociationLocationFactory)
    weekday = factory.Iterator(range(5))
    opens = dt.time(9)
    closes = dt.time(17)

    class Meta:
        model = LocationWeeklyHours


class LocationHoursExceptionFactory(factory.django.DjangoModelFactory):
    location = factory.SubFactory(AssociationLocationFactory)
    start_date = dt.date(2026, 5, 8)
    end_date = dt.date(2026, 5, 8)
    reason = "Fête de l'Iris"

    class Meta:
        model = LocationHoursException
