"""Factories for the events app (tests, benchmarks)."""

from datetime import date, time

import factory
import recurrence
import wagtail_factories
from django.utils import timezone

from .models import CalendarPage, CalendarPeriod, EventPage, Occurrence, Room, Series
from .scheduling import make_aware


class RoomFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Salle {n}")
    floor = factory.Faker("random_int", min=0, max=3)
    capacity = factory.Faker("random_int", min=4, max=60)
    step_free = True

    class Meta:
        model = Room
        django_get_or_create = ("name",)


class CalendarPeriodFactory(factory.django.DjangoModelFactory):
    kind = CalendarPeriod.Kind.SCHOOL_HOLIDAY
    community = CalendarPeriod.Community.FWB
    key = factory.Sequence(lambda n: f"period-{n}")
    name = factory.Faker("sentence", nb_words=2)
    start_date = date(2026, 12, 21)
    end_date = date(2027, 1, 3)
    year = "2026-2027"
    source = "test"

    class Meta:
        model = CalendarPeriod


class CalendarPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=2, locale="fr_BE")
    slug = factory.Sequence(lambda n: f"agenda-{n}")
    intro = factory.Faker("sentence", locale="fr_BE")

    class Meta:
        model = CalendarPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3, locale="fr_BE")
    slug = factory.Sequence(lambda n: f"evenement-{n}")
    intro = factory.Faker("sentence", locale="fr_BE")

    class Meta:
        model = EventPage


class SeriesFactory(factory.django.DjangoModelFactory):
    """A weekly Wednesday 14:00-16:00 series unless told otherwise."""

    page = factory.SubFactory(EventPageFactory)
    start_date = date(2026, 9, 2)
    start_time = time(14, 0)
    end_time = time(16, 0)
    recurrence = factory.LazyFunction(
        lambda: recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.WEEKLY)])
    )
    room = factory.SubFactory(RoomFactory)

    class Meta:
        model = Series


class OccurrenceFactory(factory.django.DjangoModelFactory):
    series = factory.SubFactory(SeriesFactory)
    start = factory.LazyFunction(lambda: timezone.now().replace(microsecond=0))
    end = factory.LazyAttribute(lambda o: o.start + o.series.duration)
    original_start = factory.LazyAttribute(lambda o: o.start)
    original_date = factory.LazyAttribute(lambda o: timezone.localtime(o.start).date())

    class Meta:
        model = Occurrence


def weekly_rule(*days, until=None):
    return recurrence.Recurrence(
        rrules=[recurrence.Rule(recurrence.WEEKLY, byday=list(days) or None, until=until)]
    )


__all__ = ["make_aware", "weekly_rule"]
