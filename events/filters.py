"""Calendar filters: parse query parameters without ever failing, apply them as SQL.

Each filter reads one GET parameter, turns it into a clean value (or reports it as
invalid: the view then ignores it and says so), and narrows an Occurrence queryset.
Other apps add filters through the ``maison_calendar_filters`` hook, without this app
importing them::

    # maison/services/wagtail_hooks.py (later)
    @hooks.register("maison_calendar_filters")
    def pole_filter():
        return ChoiceFilter(
            "pole", _("Pôle"),
            choices=lambda request: [(p.slug, p.title) for p in PolePage.objects.live()],
            apply=lambda qs, slug: qs.filter(series__page__in=pages_of_pole(slug)),
        )

The same parameters work on the HTML views and on the ``ics/`` feed (so ``?pole=…`` is
the per-pôle feed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from maison.core.content_cache import content_cached

FILTERS_HOOK = "maison_calendar_filters"


class InvalidFilter(ValueError):
    pass


@dataclass
class CalendarFilter:
    param: str
    label: str

    def parse(self, raw: str):
        raise NotImplementedError

    def apply(self, queryset: QuerySet, value) -> QuerySet:
        raise NotImplementedError

    def get_choices(self, request) -> list[tuple[str, str]] | None:
        """Options for a <select>, or None for a free input."""
        return None

    input_type = "select"


@dataclass
class AgeFilter(CalendarFilter):
    """Dates open to this age: the series' age range contains it (no range = all ages)."""

    param: str = "age"
    label: str = _("Age")
    input_type = "number"
    minimum: int = 0
    maximum: int = 120

    def parse(self, raw: str) -> int:
        try:
            value = int(raw.strip())
        except ValueError as exc:
            raise InvalidFilter(_("The age must be a whole number.")) from exc
        if not self.minimum <= value <= self.maximum:
            raise InvalidFilter(_("The age must be between 0 and 120."))
        return value

    def apply(self, queryset, value):
        return queryset.filter(
            Q(series__min_age__isnull=True) | Q(series__min_age__lte=value),
            Q(series__max_age__isnull=True) | Q(series__max_age__gte=value),
        )


@dataclass
class ChoiceFilter(CalendarFilter):
    """A value among choices computed per request; ``apply`` narrows the queryset."""

    choices: Callable = field(default=lambda request: [])
    applier: Callable | None = None

    def get_choices(self, request):
        # Choices come from content (pages, vocabularies, rooms) and the language: read
        # once per navigation version, which any of their saves replaces.
        return content_cached(
            "calendar-choices",
            self.param,
            get_language(),
            build=lambda: [(str(k), str(v)) for k, v in self.choices(request)],
        )

    def parse(self, raw: str) -> str:
        return raw.strip()

    def validate(self, request, value):
        if value not in {k for k, _label in self.get_choices(request)}:
            raise InvalidFilter(_("This choice does not exist (any more)."))
        return value

    def apply(self, queryset, value):
        return self.applier(queryset, value)


def _room_choices(request):
    from .models import Room

    return list(Room.objects.values_list("pk", "name"))


def room_filter() -> ChoiceFilter:
    return ChoiceFilter(
        param="room",
        label=_("Room"),
        choices=_room_choices,
        applier=lambda queryset, value: queryset.filter(room_id=int(value)),
    )


def _pages_of_active_language(model):
    # A join on the locale, not Locale.get_active() (one query more per filter).
    return model.objects.live().public().filter(locale__language_code=get_language())


def _page_filter(param: str, label, model_name: str, key_field: str) -> ChoiceFilter:
    """A filter on a page (pôle, place) chosen by its slug in the visitor's language and
    matched by translation key, so a series owned by a page in any language matches."""

    def model():
        from maison.services import models as services

        return getattr(services, model_name)

    def choices(request):
        return list(
            _pages_of_active_language(model()).order_by("title").values_list("slug", "title")
        )

    def applier(queryset, slug):
        key = (
            _pages_of_active_language(model())
            .filter(slug=slug)
            .values_list("translation_key", flat=True)
        )
        return queryset.filter(**{f"series__{key_field}__in": key})

    return ChoiceFilter(param=param, label=label, choices=choices, applier=applier)


def _snippet_filter(param: str, label, model_name: str, slugs_field: str) -> ChoiceFilter:
    """A filter on a taxonomy term (need, audience) by its slug, the same in every language."""

    def choices(request):
        from maison.services import models as services

        terms = getattr(services, model_name).objects.filter(locale__language_code=get_language())
        return list(terms.order_by("sort_order", "name").values_list("slug", "name"))

    def applier(queryset, slug):
        return queryset.filter(**{f"series__{slugs_field}__contains": f",{slug},"})

    return ChoiceFilter(param=param, label=label, choices=choices, applier=applier)


def _apply_audience(queryset, slug):
    """Dates meant for this audience: named on the owner page, or with an age range that
    overlaps the audience's (an open bound overlaps everything)."""
    from maison.services.models import Audience

    audience = Audience.objects.filter(slug=slug).order_by("pk").first()
    if audience is None:
        return queryset.none()
    by_age = Q(pk__isnull=True)  # matches nothing unless the audience has ages
    if audience.min_age is not None or audience.max_age is not None:
        by_age = Q()
        if audience.max_age is not None:
            by_age &= Q(series__min_age__isnull=True) | Q(series__min_age__lte=audience.max_age)
        if audience.min_age is not None:
            by_age &= Q(series__max_age__isnull=True) | Q(series__max_age__gte=audience.min_age)
    return queryset.filter(Q(series__audience_slugs__contains=f",{slug},") | by_age)


def audience_filter() -> ChoiceFilter:
    choices = _snippet_filter("audience", _("For whom"), "Audience", "audience_slugs").choices
    return ChoiceFilter(
        param="audience", label=_("For whom"), choices=choices, applier=_apply_audience
    )


def get_filters() -> list[CalendarFilter]:
    filters: list[CalendarFilter] = [
        AgeFilter(),
        _snippet_filter("theme", _("Theme"), "Need", "need_slugs"),
        audience_filter(),
        _page_filter("pole", _("Pôle"), "PolePage", "pole_key"),
        _page_filter("place", _("Place"), "PlacePage", "place_key"),
        room_filter(),
    ]
    for hook in hooks.get_hooks(FILTERS_HOOK):
        extra = hook()
        if extra is not None:
            filters.append(extra)
    return filters


@dataclass
class FilterState:
    values: dict = field(default_factory=dict)  # param -> clean value
    raw: dict = field(default_factory=dict)  # param -> the string shown back in the form
    errors: list = field(default_factory=list)  # (label, message)
    filters: list = field(default_factory=list)

    def apply(self, queryset):
        for item in self.filters:
            if item.param in self.values:
                queryset = item.apply(queryset, self.values[item.param])
        return queryset

    @property
    def active(self) -> bool:
        return bool(self.values)

    def as_query(self) -> dict:
        return {k: self.raw[k] for k in self.values}


def parse_filters(request) -> FilterState:
    """Read every filter from ``request.GET``; invalid values are dropped and reported."""
    state = FilterState(filters=get_filters())
    for item in state.filters:
        raw = request.GET.get(item.param, "")
        if not raw.strip():
            continue
        if len(raw) > 100:
            state.errors.append((item.label, _("The value is too long.")))
            continue
        try:
            value = item.parse(raw)
            if isinstance(item, ChoiceFilter):
                value = item.validate(request, value)
        except InvalidFilter as exc:
            state.errors.append((item.label, exc.args[0]))
            continue
        state.values[item.param] = value
        state.raw[item.param] = raw.strip()
    return state
