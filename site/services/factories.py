"""Factories for the services app (tests of this app and of the apps that reuse it)."""

import datetime as dt

import factory
import wagtail_factories
from wagtail.models import Locale

from .models import (
    Audience,
    Funder,
    Language,
    Need,
    PlaceHoursException,
    PlacePage,
    PlacesIndexPage,
    PlaceWeeklyHours,
    PolePage,
    ServicePage,
    ServicesIndexPage,
    ServiceWeeklyHours,
    TechnopreventionRequest,
    TechnopreventionRequestPage,
)


def default_locale():
    return Locale.objects.get_or_create(language_code="fr")[0]


class NeedFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("word", locale="fr_FR")
    slug = factory.Sequence(lambda n: f"need-{n}")
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Need


class AudienceFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("word", locale="fr_FR")
    slug = factory.Sequence(lambda n: f"audience-{n}")
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Audience


class LanguageFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"l{n}")
    name = factory.Faker("word")
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Language


class FunderFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("company", locale="fr_BE")
    programme = factory.Faker("sentence", nb_words=5, locale="fr_FR")
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = Funder


class ServicesIndexPageFactory(wagtail_factories.PageFactory):
    title = "Services"
    slug = factory.Sequence(lambda n: f"services-{n}")
    intro = factory.Faker("sentence", locale="fr_FR")

    class Meta:
        model = ServicesIndexPage


class PolePageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3, locale="fr_FR")
    slug = factory.Sequence(lambda n: f"pole-{n}")
    intro = factory.Faker("sentence", locale="fr_FR")

    class Meta:
        model = PolePage


class ServicePageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3, locale="fr_FR")
    slug = factory.Sequence(lambda n: f"service-{n}")
    intro = factory.Faker("paragraph", locale="fr_FR")
    access_walk_in = True
    phone = "+32 2 000 00 00"

    class Meta:
        model = ServicePage


class PlacesIndexPageFactory(wagtail_factories.PageFactory):
    title = "Lieux"
    slug = factory.Sequence(lambda n: f"places-{n}")

    class Meta:
        model = PlacesIndexPage


class PlacePageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("street_name", locale="fr_BE")
    slug = factory.Sequence(lambda n: f"place-{n}")
    intro = factory.Faker("sentence", locale="fr_FR")
    street_address = factory.Faker("street_address", locale="fr_BE")
    latitude = "50.830000"
    longitude = "4.370000"
    step_free_access = "yes"

    class Meta:
        model = PlacePage


class TechnopreventionRequestPageFactory(wagtail_factories.PageFactory):
    title = "Demander une visite-conseil"
    slug = factory.Sequence(lambda n: f"request-{n}")
    notify_email = "technoprevention@example.org"

    class Meta:
        model = TechnopreventionRequestPage


class PlaceWeeklyHoursFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(PlacePageFactory)
    weekday = 0
    opens = dt.time(9)
    closes = dt.time(17)

    class Meta:
        model = PlaceWeeklyHours


class ServiceWeeklyHoursFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(ServicePageFactory)
    weekday = 4
    opens = dt.time(22)
    closes = dt.time(5)

    class Meta:
        model = ServiceWeeklyHours


class PlaceHoursExceptionFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(PlacePageFactory)
    start_date = dt.date(2026, 5, 8)
    closed = True
    reason = "Fête de l'Iris"

    class Meta:
        model = PlaceHoursException


class TechnopreventionRequestFactory(factory.django.DjangoModelFactory):
    request_type = "visit"
    name = factory.Faker("name", locale="fr_BE")
    contact_preference = "email"
    email = factory.Faker("email")
    postcode = "1050"
    language = "fr"

    class Meta:
        model = TechnopreventionRequest
