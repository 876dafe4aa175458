"""Views of the activities section: the finder, the holiday courses, the drop-in places,
and the context of an activity page. Query strings never cause a 500 (see finder.py)."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

from django.core.paginator import Paginator
from django.db.models import Count, Max, Min, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from events.models import Series
from events.views import json_ld, page_feed_url, to_entries
from maison.core.content_cache import lazy
from maison.services.models import PlacePage, localized_all
from maison.services.models.taxonomy import page_cached

from .finder import TIME_SLOTS, Finder, cached_next_school_holidays, period_bounds, weekday_choices
from .models import ActivityPage, upcoming_dates

PER_PAGE = 12
PAGE_DATES = 8


def finder(request, page):
    state = Finder.from_request(request)
    raw_page = request.GET.get("page", "1")
    base_url = lazy(lambda: page.get_url(request) or "/")
    # Lazy (core.content_cache.lazy): a main region served from the cache runs no query.
    page_obj = lazy(
        lambda: Paginator(state.activities().prefetch_related("themes"), PER_PAGE).get_page(
            raw_page
        )
    )

    def notices() -> list[str]:
        if raw_page not in ("", "1") and str(page_obj().number) != raw_page:
            return [
                *state.notices,
                _("That page of results does not exist: showing page %(number)s.")
                % {"number": page_obj().number},
            ]
        return state.notices

    def suggestions() -> list[dict]:
        if page_obj().paginator.count or not state.active:
            return []
        return state.suggestions(base_url())

    return page.render(
        request,
        template="activities/activity_index_page.html",
        context_overrides={
            "finder": state,
            "notices": lazy(notices),
            "activities": lazy(lambda: list(page_obj().object_list)),
            "page_obj": page_obj,
            "result_count": lazy(lambda: page_obj().paginator.count),
            "suggestions": lazy(suggestions),
            "clear_url": base_url,
            "weekday_choices": lazy(weekday_choices),
            "time_choices": lazy(lambda: [(key, str(label)) for key, label in TIME_SLOTS.items()]),
            "view_name": "finder",
        },
    )


def holiday_courses(request, page):
    """Activities with dates during the next (or current) FWB school holidays: first and
    last date in the period and how many dates, in one query (lazily: a main region served
    from the cache runs none)."""
    period = lazy(cached_next_school_holidays)

    def activities() -> list:
        if period() is None:
            return []
        start, end = period_bounds(period())
        in_period = upcoming_dates().filter(
            series__page__translation_key=OuterRef("translation_key"),
            start__gte=start,
            start__lt=end,
        )

        def aggregate(function):
            return Subquery(
                in_period.order_by()
                .values("series__page__translation_key")
                .annotate(value=function("start"))
                .values("value")[:1]
            )

        return list(
            ActivityPage.objects.for_listing(Locale.get_active())
            .with_holiday_course_flag()
            .annotate(
                period_first=aggregate(Min),
                period_last=aggregate(Max),
                period_count=aggregate(Count),
            )
            .filter(period_first__isnull=False)
            .order_by("-holiday_course", "period_first", "title")
            .prefetch_related("themes")
        )

    return page.render(
        request,
        template="activities/holiday_courses.html",
        context_overrides={
            "period": period,
            "activities": lazy(activities),
            "view_name": "holidays",
        },
    )


def drop_in(request, page):
    """Places where young people can just come: the places of live drop-in activities of
    this language, with today's opening status, and each place's drop-in activities
    (lazily: a main region served from the cache runs no query)."""
    locale = Locale.get_active()

    @lazy
    def grouped() -> tuple[list, list]:
        activities = list(
            ActivityPage.objects.for_listing(locale)
            .filter(drop_in=True)
            .with_next_date()
            .order_by("title")
        )
        place_keys = {a.place.translation_key for a in activities if a.place_id}
        places = list(
            PlacePage.objects.for_listing()
            .filter(translation_key__in=place_keys, locale=locale)
            .order_by("title")
        )
        by_place: dict = {}
        without_place = []
        for activity in activities:
            if activity.place_id:
                by_place.setdefault(activity.place.translation_key, []).append(activity)
            else:
                without_place.append(activity)
        return [(place, by_place.get(place.translation_key, [])) for place in places], (
            without_place
        )

    return page.render(
        request,
        template="activities/drop_in.html",
        context_overrides={
            "places": lazy(lambda: grouped()[0]),
            "other_activities": lazy(lambda: grouped()[1]),
            "view_name": "drop_in",
        },
    )


def holiday_sentence(series_list) -> str:
    """Whether the activity runs during school holidays, from its series' settings."""
    modes = {series.school_holidays for series in series_list}
    if not modes:
        return ""
    if modes == {Series.SchoolHolidays.ONLY}:
        return _("Only during school holidays (holiday course).")
    if modes == {Series.SchoolHolidays.SKIP}:
        return _("Not during school holidays.")
    if Series.SchoolHolidays.SKIP in modes or Series.SchoolHolidays.ONLY in modes:
        return _("Some sessions during school holidays: see the dates.")
    return _("Also during school holidays.")


def _activity_facts(request, page: ActivityPage) -> dict:
    series_list = list(Series.objects.filter(page__translation_key=page.translation_key))
    feed_url = None
    owner_id = series_list[0].page_id if series_list else None
    if page.live and owner_id is not None:
        # The feed serves the page that owns the series (the original language), from the
        # calendar page of the visitor's language.
        feed_url = page_feed_url(request, SimpleNamespace(pk=owner_id, locale_id=page.locale_id))
    return {
        "feed_url": feed_url,
        "webcal_url": ("webcal://" + feed_url.split("://", 1)[1]) if feed_url else None,
        "holiday_sentence": holiday_sentence(series_list),
        "place": page.place.localized if page.place_id else None,
        "pole": page.pole.localized if page.pole_id else None,
        "themes": localized_all(page.themes.all()),
        "languages": localized_all(page.languages.all()),
    }


def _next_entries(request, page: ActivityPage) -> list:
    """The next dates of the activity (cancelled ones too, marked), as calendar entries."""
    dates = (
        page.dates()
        .filter(end__gt=timezone.now())
        .order_by("start", "pk")
        .select_related("series", "series__page", "room")
    )
    return to_entries(request, dates[:PAGE_DATES])


def activity_page_context(request, page: ActivityPage) -> dict:
    # Lazy (core.content_cache.lazy): regions served from the cache run no query (and
    # build no queryset).
    entries = lazy(lambda: _next_entries(request, page))
    # What only editors change (series rules, place, pôle, vocabularies): cached per page
    # and language under the navigation version, never for a preview.
    context = page_cached(
        request, page, "activity-facts", build=lambda: _activity_facts(request, page)
    )
    themes = context["themes"]
    context = {
        **context,
        "entries": entries,
        "json_ld": lazy(lambda: json_ld(entries(), page.get_full_url(request) or "")),
        "index_page": lazy(page.get_parent),
    }
    if any(theme.sensitive for theme in themes):
        context["quick_exit"] = True  # read by the chrome, outside the cached regions
    return context


def this_week(locale, limit: int = 6):
    """Live activities of a language with a date in the next seven days, soonest first."""
    now = timezone.now()
    dates = upcoming_dates(now).filter(start__lt=now + timedelta(days=7))
    return list(ActivityPage.objects.for_listing(locale).upcoming(dates)[:limit])


def for_service(service_page, limit: int = 6):
    """Upcoming activities of the service's pôle or about one of its needs (the service's
    language)."""
    pole = service_page.get_parent()
    need_slugs = [need.slug for need in service_page.needs.all()]
    condition = Q(pole__translation_key=pole.translation_key)
    if need_slugs:
        condition |= Q(
            pk__in=ActivityPage.themes.through.objects.filter(need__slug__in=need_slugs).values(
                "activitypage_id"
            )
        )
    return list(
        ActivityPage.objects.for_listing(service_page.locale_id)
        .filter(condition)
        .upcoming()[:limit]
    )
