"""Staff tools in the Wagtail admin: the day timeline of every room, "find a free room"
and the usage report (page and CSV).

Privacy comes from ``privacy.HolderLabels`` (shared with the week view), the booking
rules from ``rules.check_booking`` and clashes from ``services.find_conflicts``: these
views only read, every write goes through the booking form."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.viewsets.base import ViewSet

from .. import scheduling
from ..models import Room
from . import services
from .models import Booking
from .privacy import HolderLabels
from .rules import APPROVE_PERMISSION, BOOK_PERMISSION, RuleContext, check_booking

VIEW_PERMISSION = "events.view_booking"
CHANGE_PERMISSION = "events.change_booking"

SLOT_MINUTES = 30
DAY_FIRST_HOUR = 8
DAY_LAST_HOUR = 22


def _require(request, perm):
    if not request.user.has_perm(perm):
        raise PermissionDenied


def _aware(day: date, at: time = time(0)) -> datetime:
    return scheduling.make_aware(datetime.combine(day, at))


def _parse_day(request, notice: str):
    today = timezone.localdate()
    value = request.GET.get("date")
    if not value:
        return today, ""
    try:
        return date.fromisoformat(value), ""
    except ValueError:
        return today, notice


# -- day timeline of every room ----------------------------------------------------------


@dataclass
class Cell:
    rowspan: int = 1
    entries: list = field(default_factory=list)


def _slot_index(value: datetime, day_start: datetime, slots: int, *, end: bool) -> int:
    minutes = (value - day_start).total_seconds() / 60
    index = minutes / SLOT_MINUTES
    index = int(-(-index // 1)) if end else int(index // 1)  # ceil for ends, floor for starts
    return max(0, min(slots, index))


def day_view(request):
    _require(request, VIEW_PERMISSION)
    day, notice = _parse_day(request, _("That date is not valid; showing today."))
    rooms = list(Room.objects.filter(bookable=True).order_by("name"))
    start, end = _aware(day), _aware(day + timedelta(days=1))
    bookings = list(
        Booking.objects.active()
        .filter(room__in=rooms, start__lt=end, end__gt=start)
        .select_related("group")
        .order_by("start", "pk")
    )
    # The grid covers office hours, widened to show any booking outside them.
    first_hour, last_hour = DAY_FIRST_HOUR, DAY_LAST_HOUR
    for booking in bookings:
        local_start = max(timezone.localtime(booking.start), timezone.localtime(start))
        local_end = min(timezone.localtime(booking.end), timezone.localtime(end))
        first_hour = min(first_hour, local_start.hour)
        if local_end.date() > day:
            last_hour = 24
        else:
            last_hour = max(last_hour, local_end.hour + (1 if local_end.minute else 0))
    day_start = _aware(day, time(first_hour))
    slots = (last_hour - first_hour) * 60 // SLOT_MINUTES
    labels = HolderLabels(request.user)
    can_open = request.user.has_perm(CHANGE_PERMISSION)

    by_room = defaultdict(list)
    for booking in bookings:
        by_room[booking.room_id].append(booking)
    # columns[room_index][slot] = Cell (first slot of a block), None (covered by a rowspan)
    columns = []
    for room in rooms:
        column = [Cell() for _slot in range(slots)]
        clusters = []  # [first, last (exclusive), bookings]; overlapping bookings share one
        for booking in by_room.get(room.pk, []):
            first = _slot_index(booking.start, day_start, slots, end=False)
            last = max(first + 1, _slot_index(booking.end, day_start, slots, end=True))
            first = min(first, slots - 1)
            entry = {
                "booking": booking,
                "label": labels.label(booking),
                "url": (
                    reverse("events_bookings:edit", args=[booking.pk])
                    if can_open and labels.may_read(booking)
                    else ""
                ),
            }
            if clusters and first < clusters[-1][1]:
                clusters[-1][1] = max(clusters[-1][1], last)
                clusters[-1][2].append(entry)
            else:
                clusters.append([first, last, [entry]])
        for first, last, entries in clusters:
            column[first] = Cell(rowspan=last - first, entries=entries)
            for covered in range(first + 1, last):
                column[covered] = None
        columns.append(column)
    rows = []
    for index in range(slots):
        rows.append(
            {
                "time": timezone.localtime(day_start + timedelta(minutes=SLOT_MINUTES * index)),
                "cells": [column[index] for column in columns],
            }
        )
    title = _("All rooms on %(date)s") % {"date": formats.date_format(day, "DATE_FORMAT")}
    return TemplateResponse(
        request,
        "events/bookings/admin/day.html",
        {
            "day": day,
            "rooms": rooms,
            "rows": rows,
            "previous": day - timedelta(days=1),
            "next": day + timedelta(days=1),
            "today": timezone.localdate(),
            "notice": notice,
            "header_title": _("Day timeline"),
            "caption": title,
            "can_book": request.user.has_perm(BOOK_PERMISSION),
        },
    )


# -- find a free room --------------------------------------------------------------------


def _equipment_choices():
    return [(name, Room._meta.get_field(name).verbose_name) for name in Room.EQUIPMENT]


class FindRoomForm(forms.Form):
    date = forms.DateField(
        label=gettext_lazy("Date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    start = forms.TimeField(
        label=gettext_lazy("Start time"), widget=forms.TimeInput(attrs={"type": "time"})
    )
    duration = forms.IntegerField(
        label=gettext_lazy("Duration (minutes)"), min_value=15, max_value=24 * 60, initial=60
    )
    attendees = forms.IntegerField(
        label=gettext_lazy("Expected attendees"), min_value=1, max_value=1000, required=False
    )
    equipment = forms.MultipleChoiceField(
        label=gettext_lazy("Equipment"),
        choices=_equipment_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    step_free = forms.BooleanField(label=gettext_lazy("Step-free access"), required=False)


@dataclass
class Candidate:
    room: Room
    booking: Booking
    reasons: list[str]
    book_url: str = ""


def find_free_rooms(user, data, now=None) -> list[Candidate]:
    """Every bookable room matching the equipment and access wanted, with the reasons it
    cannot be booked for that slot (rules of ``rules.py`` and clashes), empty if free."""
    start = _aware(data["date"], data["start"])
    end = start + timedelta(minutes=data["duration"])
    rooms = Room.objects.filter(bookable=True).prefetch_related(
        "weekly_hours", "hours_exceptions", Prefetch("booking_groups")
    )
    for name in data.get("equipment") or []:
        rooms = rooms.filter(**{name: True})
    if data.get("step_free"):
        rooms = rooms.filter(step_free=True)
    ctx = RuleContext(user=user, now=now or timezone.now())
    candidates = []
    for room in rooms.order_by("name"):
        booking = Booking(
            room=room,
            start=start,
            end=end,
            attendees=data.get("attendees"),
            status=Booking.Status.CONFIRMED,
            purpose="",
        )
        candidates.append(Candidate(room, booking, check_booking(booking, ctx)))
    by_booking = {id(c.booking): c for c in candidates}
    for conflict in services.find_conflicts([c.booking for c in candidates]):
        by_booking[id(conflict.booking)].reasons.append(conflict.message(user))
    add_url = reverse("events_bookings:add")
    for candidate in candidates:
        if not candidate.reasons:
            query = {
                "room": candidate.room.pk,
                "start": timezone.localtime(start).strftime("%Y-%m-%d %H:%M"),
                "end": timezone.localtime(end).strftime("%Y-%m-%d %H:%M"),
            }
            if data.get("attendees"):
                query["attendees"] = data["attendees"]
            candidate.book_url = f"{add_url}?{urlencode(query)}"
    return candidates


def find_room_view(request):
    _require(request, BOOK_PERMISSION)
    if "start" in request.GET:
        form = FindRoomForm(request.GET)
    else:  # a link from the day timeline may give the date only
        form = FindRoomForm(initial={"date": request.GET.get("date") or timezone.localdate()})
    free = busy = None
    if form.is_valid():
        candidates = find_free_rooms(request.user, form.cleaned_data)
        free = [c for c in candidates if not c.reasons]
        busy = [c for c in candidates if c.reasons]
    return TemplateResponse(
        request,
        "events/bookings/admin/find.html",
        {"form": form, "free": free, "busy": busy, "header_title": _("Find a free room")},
    )


# -- usage report ------------------------------------------------------------------------


def _parse_month(value: str | None):
    """(first day of the month, error message)."""
    today = timezone.localdate()
    if not value:
        return today.replace(day=1), ""
    try:
        year, month = value.split("-")
        return date(int(year), int(month), 1), ""
    except ValueError:
        return today.replace(day=1), _(
            "“%(value)s” is not a month; give it as YYYY-MM (e.g. 2026-09). Showing this month."
        ) % {"value": value[:20]}


def _next_month(first: date) -> date:
    return date(first.year + (first.month == 12), first.month % 12 + 1, 1)


def usage(first: date):
    """Hours of confirmed bookings per room and per group in the month starting at
    ``first`` (bookings crossing the month's edges count for their part inside it)."""
    start, end = _aware(first), _aware(_next_month(first))
    per_room = {
        name: [0.0, 0] for name in Room.objects.filter(bookable=True).values_list("name", flat=True)
    }
    per_group = defaultdict(lambda: [0.0, 0])
    rows = (
        Booking.objects.confirmed()
        .filter(start__lt=end, end__gt=start)
        .values_list("room__name", "group__name", "start", "end")
    )
    for room_name, group_name, b_start, b_end in rows:
        hours = (min(b_end, end) - max(b_start, start)).total_seconds() / 3600
        for bucket in (
            per_room.setdefault(room_name, [0.0, 0]),
            per_group[group_name or ""],
        ):
            bucket[0] += hours
            bucket[1] += 1
    rooms = [(name, round(h, 2), n) for name, (h, n) in sorted(per_room.items())]
    groups = [
        (name or str(_("No pôle or team")), round(h, 2), n)
        for name, (h, n) in sorted(per_group.items(), key=lambda item: (not item[0], item[0]))
    ]
    return rooms, groups


def usage_view(request):
    _require(request, APPROVE_PERMISSION)
    first, error = _parse_month(request.GET.get("month"))
    rooms, groups = usage(first)
    if request.GET.get("format") == "csv":
        if error:
            return HttpResponseBadRequest(error, content_type="text/plain; charset=utf-8")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="room-usage-{first:%Y-%m}.csv"'
        writer = csv.writer(response)
        writer.writerow([_("Month"), _("Per"), _("Name"), _("Hours"), _("Bookings")])
        for kind, items in ((_("room"), rooms), (_("pôle or team"), groups)):
            for name, hours, count in items:
                writer.writerow([f"{first:%Y-%m}", kind, name, f"{hours:.2f}", count])
        return response
    previous = (first - timedelta(days=1)).replace(day=1)
    return TemplateResponse(
        request,
        "events/bookings/admin/usage.html",
        {
            "month": first,
            "previous": previous,
            "next": _next_month(first),
            "rooms": rooms,
            "groups": groups,
            "total_hours": round(sum(h for _n, h, _c in rooms), 2),
            "notice": error,
            "header_title": _("Room usage"),
        },
    )


# -- menu ----------------------------------------------------------------------------------


class _PermissionViewSet(ViewSet):
    permission = VIEW_PERMISSION

    def get_menu_item(self, order=None):
        from .admin_views import PermissionMenuItem

        return PermissionMenuItem(
            self.menu_label,
            self.menu_url,
            icon_name=self.icon,
            order=order or self.menu_order,
            permission=self.permission,
        )


class DayViewSet(_PermissionViewSet):
    icon = "calendar"
    menu_label = gettext_lazy("Day (all rooms)")
    menu_order = 50

    def get_urlpatterns(self):
        return [path("", day_view, name="index")]


class FindRoomViewSet(_PermissionViewSet):
    icon = "search"
    menu_label = gettext_lazy("Find a free room")
    menu_order = 150
    permission = BOOK_PERMISSION

    def get_urlpatterns(self):
        return [path("", find_room_view, name="index")]


class UsageViewSet(_PermissionViewSet):
    icon = "list-ul"
    menu_label = gettext_lazy("Usage report")
    menu_order = 400
    permission = APPROVE_PERMISSION

    def get_urlpatterns(self):
        return [path("", usage_view, name="index")]


class MyBookingsViewSet(_PermissionViewSet):
    """A menu link only: the booking listing's own "My bookings" filter does the work."""

    icon = "user"
    menu_label = gettext_lazy("My bookings")
    menu_order = 350

    def get_urlpatterns(self):
        return []

    @property
    def menu_url(self):
        return reverse("events_bookings:index") + "?mine=true"
