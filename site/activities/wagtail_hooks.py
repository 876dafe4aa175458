"""What the activities app adds to other parts of the site, through their hooks:

- calendar filters (``maison_calendar_filters``): ``?theme=``, ``?audience=``, ``?pole=``,
  ``?place=`` on the calendar views and on its ``ics/`` feed (so
  ``…/agenda/ics/?pole=<slug>`` is a pôle's activity feed);
- a section on service pages (``maison_service_sections``): the activities of the
  service's pôle or about one of its needs;
- a home-page section (``maison_home_sections``): "This week for young people".
"""

from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Locale, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from events.filters import FILTERS_HOOK, ChoiceFilter
from maison.core.models import HOME_SECTIONS_HOOK
from maison.services.models import Audience, Need, PlacePage, PolePage
from maison.services.models.pages import SERVICE_SECTIONS_HOOK

from .models import ActivityIndexPage, ActivityPage

# -- calendar filters ------------------------------------------------------------------
# The calendar computes every filter's choices on each request. They change only when a
# page, a restriction or the vocabulary changes, so they are cached per language (without
# a database query) and the cache is invalidated by bumping a generation number on those
# changes; the timeout bounds staleness in processes that do not share the cache.

CHOICES_TIMEOUT = 600
GENERATION_KEY = "activities:calendar-choices:generation"


def _cached_choices(kind, build):
    generation = cache.get(GENERATION_KEY, 0)
    key = f"activities:calendar-choices:{kind}:{get_language()}:{generation}"
    choices = cache.get(key)
    if choices is None:
        choices = build()
        cache.set(key, choices, CHOICES_TIMEOUT)
    return choices


# What the choices depend on: activities, pôles, places, restrictions, the vocabulary.
CHOICE_SOURCES = (ActivityPage, PolePage, PlacePage, PageViewRestriction, Need, Audience)


def invalidate_choices(sender=None, **kwargs):
    if sender is not None and not issubclass(sender, CHOICE_SOURCES):
        return
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


page_published.connect(invalidate_choices, dispatch_uid="activities_choices_published")
page_unpublished.connect(invalidate_choices, dispatch_uid="activities_choices_unpublished")
post_save.connect(invalidate_choices, dispatch_uid="activities_choices_saved")
post_delete.connect(invalidate_choices, dispatch_uid="activities_choices_deleted")


def _activity_keys(pages):
    return pages.values("translation_key")


def _theme_choices(request):
    from .finder import theme_choices

    return _cached_choices("theme", lambda: theme_choices(Locale.get_active()))


def _apply_theme(queryset, slug):
    return queryset.filter(
        series__page__translation_key__in=_activity_keys(ActivityPage.objects.for_theme(slug))
    )


@hooks.register(FILTERS_HOOK)
def theme_calendar_filter():
    return ChoiceFilter(
        param="theme", label=_("Theme"), choices=_theme_choices, applier=_apply_theme
    )


def _audience_choices(request):
    return _cached_choices(
        "audience",
        lambda: list(
            Audience.objects.filter(locale=Locale.get_active())
            .filter(Q(min_age__isnull=False) | Q(max_age__isnull=False))
            .values_list("slug", "name")
        ),
    )


def _apply_audience(queryset, slug):
    """Dates whose age range overlaps the audience's (an open bound overlaps everything)."""
    audience = Audience.objects.filter(slug=slug).first()
    if audience is None:
        return queryset.none()
    if audience.max_age is not None:
        queryset = queryset.filter(
            Q(series__min_age__isnull=True) | Q(series__min_age__lte=audience.max_age)
        )
    if audience.min_age is not None:
        queryset = queryset.filter(
            Q(series__max_age__isnull=True) | Q(series__max_age__gte=audience.min_age)
        )
    return queryset


@hooks.register(FILTERS_HOOK)
def audience_calendar_filter():
    return ChoiceFilter(
        param="audience", label=_("For whom"), choices=_audience_choices, applier=_apply_audience
    )


def _pole_choices(request):
    return list(
        PolePage.objects.live()
        .public()
        .filter(locale=Locale.get_active())
        .values_list("slug", "title")
    )


def _apply_pole(queryset, slug):
    poles = PolePage.objects.filter(slug=slug).values("translation_key")
    return queryset.filter(
        series__page__translation_key__in=_activity_keys(
            ActivityPage.objects.filter(pole__translation_key__in=poles)
        )
    )


@hooks.register(FILTERS_HOOK)
def pole_calendar_filter():
    return ChoiceFilter(param="pole", label=_("Pôle"), choices=_pole_choices, applier=_apply_pole)


def _place_choices(request):
    used = ActivityPage.objects.live().exclude(place=None).values("place__translation_key")
    return _cached_choices(
        "place",
        lambda: list(
            PlacePage.objects.live()
            .public()
            .filter(locale=Locale.get_active(), translation_key__in=used)
            .values_list("slug", "title")
        ),
    )


def _apply_place(queryset, slug):
    places = PlacePage.objects.filter(slug=slug).values("translation_key")
    return queryset.filter(
        series__page__translation_key__in=_activity_keys(
            ActivityPage.objects.filter(place__translation_key__in=places)
        )
    )


@hooks.register(FILTERS_HOOK)
def place_calendar_filter():
    return ChoiceFilter(
        param="place",
        label=_("Activity place"),
        choices=_place_choices,
        applier=_apply_place,
    )


# -- sections on other pages -----------------------------------------------------------


def _index_url(request, locale):
    index = ActivityIndexPage.objects.live().public().filter(locale=locale).first()
    return index.get_url(request) if index else None


@hooks.register(SERVICE_SECTIONS_HOOK)
def service_activities_section(request, service_page):
    from .views import for_service

    activities = for_service(service_page)
    if not activities:
        return None
    return render_to_string(
        "activities/includes/service_section.html",
        {"activities": activities, "finder_url": _index_url(request, service_page.locale)},
        request=request,
    )


@hooks.register(HOME_SECTIONS_HOOK)
def this_week_section(request, home_page):
    from .views import this_week

    activities = this_week(home_page.locale)
    if not activities:
        return None
    return render_to_string(
        "activities/includes/home_section.html",
        {"activities": activities, "finder_url": _index_url(request, home_page.locale)},
        request=request,
    )
