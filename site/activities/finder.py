"""The activity finder: read the GET parameters without ever failing, turn them into SQL.

Parameters (all optional, all combinable, all kept in the URL):

- ``age``: a whole number 0–120; the activity's age range contains it.
- ``theme``: a need/theme slug (the same in every language).
- ``day``: 1 (Monday) … 7 (Sunday): the activity has an upcoming date on that day.
- ``time``: ``after_school`` (Monday–Friday starting 15:30–18:30, and Wednesday afternoon
  from 12:00, when Belgian schools close at noon), ``evening`` (starting 18:00 or later),
  ``weekend`` (Saturday or Sunday).
- ``where``: a place's slug, or ``area-<neighbourhood>``.
- ``free``, ``no_registration``, ``holidays`` (dates during the next FWB school
  holidays): ``1``.

Day, time and holidays are answered from the real upcoming dates (the ``Occurrence``
table), not from what the page says. A value that cannot be used is dropped and reported
(``notices``); the view still answers 200. The listing is one query whatever the number of
activities: the next date comes from a correlated subquery (see
``ActivityPageQuerySet.with_next_date``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property
from urllib.parse import urlencode

from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.models import Locale

from events.models import CalendarPeriod
from events.scheduling import make_aware
from maison.core.content_cache import content_cached
from maison.services.models import Need, PlacePage

from .models import ActivityPage, upcoming_dates

MAX_AGE = 120
MAX_RAW_LENGTH = 100
TRUE_VALUES = {"1", "on", "true", "yes"}
AREA_PREFIX = "area-"

AFTER_SCHOOL = (time(15, 30), time(18, 30))
WEDNESDAY_AFTERNOON = time(12, 0)
EVENING = time(18, 0)

TIME_SLOTS = {
    "after_school": gettext_lazy("After school"),
    "evening": gettext_lazy("Evening (from 18:00)"),
    "weekend": gettext_lazy("Weekend"),
}
# The order of the form: label of each parameter, for notices and suggestions.
PARAM_LABELS = {
    "age": gettext_lazy("Age"),
    "theme": gettext_lazy("Theme"),
    "day": gettext_lazy("Day"),
    "time": gettext_lazy("Time of day"),
    "where": gettext_lazy("Where"),
    "free": gettext_lazy("Free only"),
    "no_registration": gettext_lazy("No registration needed"),
    "holidays": gettext_lazy("During the next school holidays"),
}
FLAGS = ("free", "no_registration", "holidays")


def weekday_choices() -> list[tuple[str, str]]:
    from django.utils import formats

    monday = date(2024, 1, 1)
    return [
        (str(day), formats.date_format(monday + timedelta(days=day - 1), "l").capitalize())
        for day in range(1, 8)
    ]


def next_school_holidays(today: date | None = None) -> CalendarPeriod | None:
    """The FWB school-holiday period in progress, else the next one."""
    today = today or timezone.localdate()
    return (
        CalendarPeriod.objects.filter(
            kind=CalendarPeriod.Kind.SCHOOL_HOLIDAY,
            community=CalendarPeriod.Community.FWB,
            end_date__gte=today,
        )
        .order_by("start_date")
        .first()
    )


def cached_next_school_holidays(today: date | None = None) -> CalendarPeriod | None:
    """``next_school_holidays()``, read once per day and content version (calendars change
    only when staff import or edit them, which starts a new version)."""
    today = today or timezone.localdate()
    # In a tuple: "no holidays known" (None) is kept too, not looked up on every request.
    (period,) = content_cached(
        "next-fwb-holidays", today, build=lambda: (next_school_holidays(today),)
    )
    return period


def period_bounds(period: CalendarPeriod) -> tuple[datetime, datetime]:
    start = make_aware(datetime.combine(period.start_date, time.min))
    end = make_aware(datetime.combine(period.end_date + timedelta(days=1), time.min))
    return start, end


def time_slot_q(slot: str) -> Q:
    """Conditions on a date's local start (Django converts to Europe/Brussels in SQL)."""
    if slot == "after_school":
        low, high = AFTER_SCHOOL
        return Q(start__iso_week_day__lte=5, start__time__gte=low, start__time__lt=high) | Q(
            start__iso_week_day=3, start__time__gte=WEDNESDAY_AFTERNOON, start__time__lt=high
        )
    if slot == "evening":
        return Q(start__time__gte=EVENING)
    return Q(start__iso_week_day__gte=6)


@dataclass
class Finder:
    locale: Locale
    today: date
    values: dict = field(default_factory=dict)
    raw: dict = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)

    # -- reading the request --------------------------------------------------------------

    @classmethod
    def from_request(cls, request) -> Finder:
        finder = cls(locale=Locale.get_active(), today=timezone.localdate())
        finder.parse(request.GET)
        return finder

    # What the query string is checked against and the form offers. Read when a parameter
    # or the form needs it (a main region served from the cache shows no form), from the
    # content cache: it changes only when editors save pages, vocabularies or calendars.

    @cached_property
    def _choices(self) -> dict:
        return content_cached(
            "activity-finder-choices",
            self.locale.pk,
            get_language(),
            build=lambda: {
                "theme_choices": theme_choices(self.locale),
                **where_choices(self.locale),
            },
        )

    @cached_property
    def theme_choices(self) -> list[tuple[str, str]]:
        return self._choices["theme_choices"]

    @cached_property
    def place_choices(self) -> list[tuple[str, str]]:
        return self._choices["place_choices"]

    @cached_property
    def area_choices(self) -> list[tuple[str, str]]:
        return self._choices["area_choices"]

    @cached_property
    def holidays(self) -> CalendarPeriod | None:
        return cached_next_school_holidays(self.today)

    def _reject(self, param: str, raw: str, reason: str) -> None:
        self.notices.append(
            _("%(label)s: “%(value)s” cannot be used (%(reason)s). This filter is ignored.")
            % {"label": PARAM_LABELS[param], "value": raw[:30], "reason": reason}
        )

    def parse(self, query) -> None:
        for param in PARAM_LABELS:
            raw = (query.get(param) or "").strip()
            if not raw:
                continue
            if len(raw) > MAX_RAW_LENGTH:
                self._reject(param, raw, _("too long"))
                continue
            value = self._parse_one(param, raw)
            if value is not None:
                self.values[param] = value
                self.raw[param] = raw

    def _parse_one(self, param: str, raw: str):
        if param == "age":
            try:
                age = int(raw)
            except ValueError:
                return self._reject(param, raw, _("not a whole number"))
            if not 0 <= age <= MAX_AGE:
                return self._reject(param, raw, _("give an age between 0 and 120"))
            return age
        if param == "theme":
            if raw not in dict(self.theme_choices):
                return self._reject(param, raw, _("unknown theme"))
            return raw
        if param == "day":
            if raw not in {str(day) for day in range(1, 8)}:
                return self._reject(param, raw, _("choose a day from Monday to Sunday"))
            return int(raw)
        if param == "time":
            if raw not in TIME_SLOTS:
                return self._reject(param, raw, _("unknown time of day"))
            return raw
        if param == "where":
            names = dict(self.place_choices) | dict(self.area_choices)
            if raw not in names:
                return self._reject(param, raw, _("unknown place"))
            return raw
        # flags
        if raw.lower() not in TRUE_VALUES:
            return self._reject(param, raw, _("use 1 to turn it on"))
        if param == "holidays" and self.holidays is None:
            return self._reject(param, raw, _("no school holidays are known yet"))
        return True

    # -- building the queries ---------------------------------------------------------------

    @property
    def active(self) -> bool:
        return bool(self.values)

    def dates(self, skip: str | None = None):
        """Upcoming, not cancelled dates matching the date filters (day, time, holidays)."""
        values = {k: v for k, v in self.values.items() if k != skip}
        dates = upcoming_dates()
        if "day" in values:
            dates = dates.filter(start__iso_week_day=values["day"])
        if "time" in values:
            dates = dates.filter(time_slot_q(values["time"]))
        if "holidays" in values and self.holidays is not None:
            start, end = period_bounds(self.holidays)
            dates = dates.filter(start__gte=start, start__lt=end)
        return dates

    def activities(self, skip: str | None = None):
        """Activities of the visitor's language matching every filter (but ``skip``),
        soonest next date first, each annotated with ``next_start``: the first date that
        matches the date filters."""
        values = {k: v for k, v in self.values.items() if k != skip}
        pages = ActivityPage.objects.for_listing(self.locale)
        if "age" in values:
            pages = pages.for_age(values["age"])
        if "theme" in values:
            pages = pages.for_theme(values["theme"])
        if "where" in values:
            where = values["where"]
            if where.startswith(AREA_PREFIX):
                pages = pages.for_neighbourhood(dict(self.area_choices)[where])
            else:
                pages = pages.filter(
                    place__translation_key__in=PlacePage.objects.filter(slug=where).values(
                        "translation_key"
                    )
                )
        if values.get("free"):
            pages = pages.free()
        if values.get("no_registration"):
            pages = pages.without_registration()
        return pages.upcoming(self.dates(skip=skip))

    def suggestions(self, base_url: str) -> list[dict]:
        """For an empty result: each filter whose removal gives results (one COUNT per
        active filter, at most eight, only when nothing matched)."""
        found = []
        for param in self.values:
            count = self.activities(skip=param).count()
            if count:
                found.append(
                    {
                        "label": PARAM_LABELS[param],
                        "count": count,
                        "url": self.url(base_url, without=param),
                    }
                )
        return found

    def query(self, without: str | None = None) -> dict:
        return {k: v for k, v in self.raw.items() if k != without}

    def url(self, base_url: str, without: str | None = None) -> str:
        query = urlencode(self.query(without))
        return f"{base_url}?{query}" if query else base_url


def theme_choices(locale) -> list[tuple[str, str]]:
    """Themes (needs) of this language that at least one live activity uses."""
    used = Need.objects.filter(activities__live=True).values("slug")
    return list(
        Need.objects.filter(locale=locale, slug__in=used)
        .order_by("sort_order", "name")
        .values_list("slug", "name")
    )


def where_choices(locale) -> dict:
    """Places (by slug) and neighbourhoods (``area-…``) of this language's live activities."""
    rows = list(
        ActivityPage.objects.live()
        .filter(locale=locale)
        .values_list("place__slug", "place__title", "place__neighbourhood", "neighbourhood")
        .distinct()
    )
    places, areas = {}, {}
    for slug, title, place_area, own_area in rows:
        if slug:
            places[slug] = title
        for name in (place_area, own_area):
            if name and slugify(name):
                areas[AREA_PREFIX + slugify(name)] = name
    return {
        "place_choices": sorted(places.items(), key=lambda item: item[1].lower()),
        "area_choices": sorted(areas.items(), key=lambda item: item[1].lower()),
    }
