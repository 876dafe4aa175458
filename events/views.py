"""Public views of the CalendarPage (list, month, week, feeds) and EventPage context.

Query strings never cause a 500: a value that cannot be used (``?month=13``,
``?year=99999``, ``?age=abc``, ``?page=x``) is replaced by a sensible default and the page
says what it ignored (``notices``); feeds answer 400 to bad filters.
"""

from __future__ import annotations

import calendar as pycalendar
import json
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from maison.core.content_cache import lazy

from . import conf, filters, ics, scheduling
from .models import Occurrence

MIN_YEAR, MAX_YEAR = 2000, 2100


@dataclass
class Entry:
    """One occurrence as the templates show it."""

    occurrence: Occurrence
    owner: ics.OwnerInfo
    start: datetime  # local
    end: datetime  # local
    room: str

    @property
    def title(self) -> str:
        series_title = self.occurrence.series.title
        return f"{self.owner.title} \u2013 {series_title}" if series_title else self.owner.title

    @property
    def is_cancelled(self) -> bool:
        return self.occurrence.is_cancelled

    @property
    def is_moved(self) -> bool:
        return self.occurrence.is_moved

    @property
    def original_start(self) -> datetime:
        return timezone.localtime(self.occurrence.original_start)

    @property
    def google_url(self) -> str:
        fmt = "%Y%m%dT%H%M%SZ"
        start = self.occurrence.start.astimezone(UTC)
        end = self.occurrence.end.astimezone(UTC)
        query = {
            "action": "TEMPLATE",
            "text": self.title,
            "dates": f"{start:{fmt}}/{end:{fmt}}",
            "details": self.owner.url,
            "location": self.room,
            "ctz": conf.local_zone().key,
        }
        return "https://calendar.google.com/calendar/render?" + urlencode(query)

    @property
    def outlook_url(self) -> str:
        query = {
            "path": "/calendar/action/compose",
            "rru": "addevent",
            "subject": self.title,
            "startdt": self.start.isoformat(),
            "enddt": self.end.isoformat(),
            "body": self.owner.url,
            "location": self.room,
        }
        return "https://outlook.live.com/calendar/0/action/compose?" + urlencode(query)


def owner_infos(request, pages, absolute=False) -> dict[int, ics.OwnerInfo]:
    """Title and URL of each owner page in the visitor's language (its live, public
    translation when there is one, else the page itself)."""
    pages = {page.pk: page for page in pages}
    if not pages:
        return {}
    locale = Locale.get_active()
    translations = {
        page.translation_key: page
        for page in Page.objects.live()
        .public()
        .filter(translation_key__in={p.translation_key for p in pages.values()}, locale=locale)
        .only("id", "title", "url_path", "translation_key", "search_description", "locale_id")
    }
    infos = {}
    for pk, page in pages.items():
        shown = translations.get(page.translation_key, page)
        url = shown.get_full_url(request) if absolute else shown.get_url(request)
        infos[pk] = ics.OwnerInfo(
            title=shown.title, url=url or "", description=shown.search_description or ""
        )
    return infos


def to_entries(request, occurrences) -> list[Entry]:
    occurrences = list(occurrences)
    owners = owner_infos(request, [o.series.page for o in occurrences if o.series.page_id])
    entries = []
    for occurrence in occurrences:
        room = occurrence.room or occurrence.series.room
        entries.append(
            Entry(
                occurrence=occurrence,
                owner=owners.get(occurrence.series.page_id)
                or ics.OwnerInfo(str(occurrence.series), ""),
                start=timezone.localtime(occurrence.start),
                end=timezone.localtime(occurrence.end),
                room=room.name if room else "",
            )
        )
    return entries


def group_by_day(entries) -> list[tuple[date, list[Entry]]]:
    days: OrderedDict[date, list[Entry]] = OrderedDict()
    for entry in entries:
        days.setdefault(entry.start.date(), []).append(entry)
    return list(days.items())


def base_queryset(state: filters.FilterState):
    return state.apply(Occurrence.objects.public().with_related())


def _int_param(request, name, low, high, notices, label):
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return None
    try:
        value = int(raw)
    except ValueError:
        notices.append(
            _("%(label)s “%(value)s” is not a number: showing the default.")
            % {"label": label, "value": raw[:20]}
        )
        return None
    if not low <= value <= high:
        notices.append(
            _("%(label)s must be between %(low)s and %(high)s: showing the default.")
            % {"label": label, "low": low, "high": high}
        )
        return None
    return value


def _common_context(request, page, view_name, state, notices, extra_query=None):
    query = state.as_query()
    feed_query = urlencode(query)

    # Lazy, like the rest: the head region reads it too, and a cached one never does.
    @lazy
    def feed_url() -> str:
        base_url = page.get_url(request) or "/"
        return request.build_absolute_uri(
            base_url + "ics/" + (f"?{feed_query}" if feed_query else "")
        )

    def filter_fields() -> list[dict]:
        return [
            {
                "param": item.param,
                "label": item.label,
                "input_type": item.input_type,
                "choices": item.get_choices(request) if item.input_type == "select" else None,
                "value": state.raw.get(item.param, ""),
            }
            for item in state.filters
        ]

    for label, message in state.errors:
        notices.append(
            _("Filter “%(label)s” ignored: %(message)s") % {"label": label, "message": message}
        )
    return {
        "page": page,
        "self": page,
        "view_name": view_name,
        "filter_state": state,
        "filter_fields": lazy(filter_fields),
        "filter_query": feed_query,
        "notices": notices,
        "feed_url": feed_url,
        "webcal_url": lazy(lambda: "webcal://" + feed_url().split("://", 1)[1]),
        "today": timezone.localdate(),
    }


def upcoming(request, page):
    notices: list[str] = []
    state = filters.parse_filters(request)
    raw_page = request.GET.get("page", "1")
    # Lazy (core.content_cache.lazy): a main region served from the cache runs no query.
    page_obj = lazy(
        lambda: Paginator(base_queryset(state).upcoming(), conf.per_page()).get_page(raw_page)
    )

    def all_notices() -> list[str]:
        if raw_page not in ("", "1") and str(page_obj().number) != raw_page:
            return [
                *notices,
                _("That page of results does not exist: showing page %(number)s.")
                % {"number": page_obj().number},
            ]
        return notices

    context = _common_context(request, page, "list", state, notices)
    context.update(
        {
            "notices": lazy(all_notices),
            "page_obj": page_obj,
            "days": lazy(lambda: group_by_day(to_entries(request, page_obj().object_list))),
        }
    )
    return TemplateResponse(request, "events/calendar_list.html", context)


def month(request, page):
    notices: list[str] = []
    state = filters.parse_filters(request)
    today = timezone.localdate()
    year = _int_param(request, "year", MIN_YEAR, MAX_YEAR, notices, _("Year"))
    month_number = _int_param(request, "month", 1, 12, notices, _("Month"))
    year = year or today.year
    if month_number is None:
        month_number = today.month if year == today.year else 1
    first = date(year, month_number, 1)
    last = date(year, month_number, pycalendar.monthrange(year, month_number)[1])
    start = scheduling.make_aware(datetime.combine(first, time.min))
    end = scheduling.make_aware(datetime.combine(last + timedelta(days=1), time.min))

    @lazy
    def by_day() -> dict[date, list[Entry]]:
        entries = to_entries(
            request, base_queryset(state).overlapping(start, end).order_by("start", "pk")
        )
        days: dict[date, list[Entry]] = {}
        for entry in entries:
            days.setdefault(max(entry.start.date(), first), []).append(entry)
        return days

    def weeks() -> list:
        return [
            [
                {"date": d, "in_month": d.month == month_number, "entries": by_day().get(d, [])}
                for d in week
            ]
            for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month_number)
        ]

    previous = first - timedelta(days=1)
    following = last + timedelta(days=1)
    context = _common_context(request, page, "month", state, notices)
    filter_query = context["filter_query"]
    suffix = f"&{filter_query}" if filter_query else ""
    context.update(
        {
            "keep_params": [("year", year), ("month", month_number)],
            "month_start": first,
            "weeks": lazy(weeks),
            "weekday_names": [date(2024, 1, day) for day in range(1, 8)],  # a Monday first
            "month_days": lazy(lambda: [(d, by_day()[d]) for d in sorted(by_day())]),
            "previous_url": f"?year={previous.year}&month={previous.month}{suffix}"
            if previous.year >= MIN_YEAR
            else None,
            "next_url": f"?year={following.year}&month={following.month}{suffix}"
            if following.year <= MAX_YEAR
            else None,
        }
    )
    return TemplateResponse(request, "events/calendar_month.html", context)


def requested_week_day(request, notices: list[str]) -> date:
    """The day of ``?date=YYYY-MM-DD`` (years 2000 to 2100), else today with a notice when
    something unreadable was given: the week views of calendars and of rooms use it."""
    today = timezone.localdate()
    raw = request.GET.get("date", "")
    if not raw:
        return today
    try:
        chosen = date.fromisoformat(raw[:10])
    except ValueError:
        chosen = None
    if chosen is None or not MIN_YEAR <= chosen.year <= MAX_YEAR:
        notices.append(
            _("“%(value)s” is not a date (YYYY-MM-DD): showing this week.") % {"value": raw[:20]}
        )
        return today
    return chosen


def week(request, page):
    notices: list[str] = []
    state = filters.parse_filters(request)
    chosen = requested_week_day(request, notices)
    monday = chosen - timedelta(days=chosen.weekday())
    sunday = monday + timedelta(days=6)
    start = scheduling.make_aware(datetime.combine(monday, time.min))
    end = scheduling.make_aware(datetime.combine(sunday + timedelta(days=1), time.min))

    def week_days() -> list:
        entries = to_entries(
            request, base_queryset(state).overlapping(start, end).order_by("start", "pk")
        )
        by_day: dict[date, list[Entry]] = {}
        for entry in entries:
            by_day.setdefault(max(entry.start.date(), monday), []).append(entry)
        days = [monday + timedelta(days=i) for i in range(7)]
        return [(day, by_day.get(day, [])) for day in days]

    context = _common_context(request, page, "week", state, notices)
    filter_query = context["filter_query"]
    suffix = f"&{filter_query}" if filter_query else ""
    previous = monday - timedelta(days=7)
    following = monday + timedelta(days=7)
    context.update(
        {
            "keep_params": [("date", monday.isoformat())],
            "week_start": monday,
            "week_end": sunday,
            "week_days": lazy(week_days),
            "previous_url": f"?date={previous.isoformat()}{suffix}"
            if previous.year >= MIN_YEAR
            else None,
            "next_url": f"?date={following.isoformat()}{suffix}"
            if following.year <= MAX_YEAR
            else None,
        }
    )
    return TemplateResponse(request, "events/calendar_week.html", context)


def _ics_response(request, occurrences, name, filename) -> HttpResponse:
    occurrences = list(occurrences)
    owners = owner_infos(
        request, [o.series.page for o in occurrences if o.series.page_id], absolute=True
    )
    body = ics.build_calendar(occurrences, owners, name)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=900"
    return response


def calendar_feed(request, page):
    """The whole calendar (all public dates), narrowed by the same filters as the HTML
    views: ``?room=3``, ``?age=12``, and later ``?pole=…`` for a pôle's feed."""
    state = filters.parse_filters(request)
    if state.errors:
        return HttpResponseBadRequest(
            "; ".join(f"{label}: {message}" for label, message in state.errors),
            content_type="text/plain; charset=utf-8",
        )
    return _ics_response(request, base_queryset(state), page.title, "calendar.ics")


def page_feed(request, calendar_page, page_id):
    """The dates of one page (an event, an activity): live and public pages only."""
    owner = Page.objects.live().public().filter(pk=page_id).first()
    if owner is None:
        raise Http404
    occurrences = Occurrence.objects.for_page(owner).with_related()
    return _ics_response(request, occurrences, owner.title, f"{owner.slug}.ics")


def page_feed_url(request, page) -> str | None:
    """URL of the ICS feed of ``page``'s dates, served by the calendar page of its language
    (or any live calendar page)."""
    from .models import CalendarPage

    calendars = CalendarPage.objects.live().public()
    calendar_page = calendars.filter(locale_id=page.locale_id).first() or calendars.first()
    if calendar_page is None:
        return None
    return request.build_absolute_uri(calendar_page.get_url(request) + f"ics/{page.pk}/")


def json_ld(entries, page_url: str) -> str:
    status_map = {
        Occurrence.Status.SCHEDULED: "https://schema.org/EventScheduled",
        Occurrence.Status.CANCELLED: "https://schema.org/EventCancelled",
        Occurrence.Status.MOVED: "https://schema.org/EventRescheduled",
    }
    items = []
    for entry in entries:
        item = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": entry.title,
            "startDate": entry.start.isoformat(),
            "endDate": entry.end.isoformat(),
            "eventStatus": status_map[entry.occurrence.status],
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "url": page_url,
            "location": {
                "@type": "Place",
                "name": entry.room or _("Maison de la Prévention"),
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": "Ixelles",
                    "addressCountry": "BE",
                },
            },
            "organizer": {"@type": "Organization", "name": _("Prevention Ixelles")},
        }
        if entry.is_moved:
            item["previousStartDate"] = entry.original_start.isoformat()
        if entry.occurrence.note:
            item["description"] = entry.occurrence.note
        items.append(item)
    # Escape "<" so a title can never close the script element.
    return json.dumps(items, ensure_ascii=False).replace("<", "\\u003c")


def event_page_context(request, page) -> dict:
    """The next dates of an event page, lazily (core.content_cache.lazy): a page whose
    regions come from the cache runs none of these queries (nor builds their querysets)."""

    @lazy
    def entries() -> list[Entry]:
        occurrences = (
            Occurrence.objects.for_page(page)
            .upcoming()
            .select_related("series", "series__page", "room")
        )
        return to_entries(request, occurrences[:12])

    feed_url = lazy(lambda: page_feed_url(request, page) if page.live else None)
    return {
        "entries": entries,
        "json_ld": lazy(lambda: json_ld(entries(), page.get_full_url(request) or "")),
        "feed_url": feed_url,
        "webcal_url": lazy(
            lambda: ("webcal://" + feed_url().split("://", 1)[1]) if feed_url() else None
        ),
    }
