"""Public views of ``RoomsPage``: the rooms partners may request, a free/busy week per room
and the request form.

Privacy by construction: the free/busy week reads only the *times* of confirmed bookings
(``values_list`` of the blocked range), never a purpose, a team or a name. A pending
request never blocks a slot, so it is not shown either.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from maison.core.content_cache import content_cached, lazy
from maison.core.ratelimit import RateLimit, rate_limited_response

from .. import scheduling
from ..models import Room
from ..views import requested_week_day
from . import services
from .emails import send_confirmation
from .models import Booking
from .public_forms import PartnerRequestForm
from .rules import RuleContext

logger = logging.getLogger(__name__)

MIN_YEAR, MAX_YEAR = 2000, 2100
# Ten requests an hour from one connection is more than any association needs.
REQUEST_LIMIT = RateLimit("room-request", limit=10, period=3600)


def requestable_rooms():
    """Rooms shown on the public page: bookable and open to partner requests."""
    return Room.objects.filter(bookable=True, partner_requests=True)


def _room_or_404(room_id, cached=False) -> Room:
    """The requestable room, from the database (requests and bookings), or for what is
    only shown from the content cache (rooms change only when staff save one: a new
    content version)."""

    def build():
        return requestable_rooms().filter(pk=room_id).first()

    room = content_cached("public-room", room_id, build=build) if cached else build()
    if room is None:
        raise Http404
    return room


def room_list(request, page):
    # Lazy (core.content_cache.lazy): a main region served from the cache runs no query.
    rooms = lazy(lambda: list(requestable_rooms().order_by("name")))
    return TemplateResponse(
        request,
        "events/bookings/rooms_page.html",
        {"page": page, "self": page, "rooms": rooms},
    )


# -- free/busy ------------------------------------------------------------------------


@dataclass
class DaySlots:
    day: date
    is_today: bool = False
    busy: list[tuple[str, str]] = field(default_factory=list)
    open_ranges: list[tuple[str, str]] = field(default_factory=list)
    closed: bool = False
    closed_reason: str = ""


def _hm(value: datetime, day: date) -> str:
    """A local time as HH:MM; midnight at the end of ``day`` reads 24:00."""
    local = timezone.localtime(value)
    if local.date() > day:
        return "24:00"
    return formats.time_format(local, "H:i")


def busy_intervals(room: Room, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
    """When a new booking of ``room`` cannot *start or run*, merged: each confirmed
    booking's blocked range widened by the room's buffers (the new booking's own set-up
    and cleaning time must fit too). Reads times only."""
    before = timedelta(minutes=room.buffer_before)
    after = timedelta(minutes=room.buffer_after)
    rows = (
        Booking.objects.confirmed()
        .filter(room=room)
        .overlapping(start - after - before, end + after + before)
        .order_by("blocked_start")
        .values_list("blocked_start", "blocked_end")
    )
    merged: list[list[datetime]] = []
    for blocked_start, blocked_end in rows:
        low, high = blocked_start - after, blocked_end + before
        if merged and low <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    return [(max(low, start), min(high, end)) for low, high in merged if high > start and low < end]


def week_slots(room: Room, monday: date) -> list[DaySlots]:
    today = timezone.localdate()
    days = [monday + timedelta(days=i) for i in range(7)]
    bounds = [scheduling.make_aware(datetime.combine(d, time.min)) for d in days]
    bounds.append(scheduling.make_aware(datetime.combine(monday + timedelta(days=7), time.min)))
    intervals = busy_intervals(room, bounds[0], bounds[-1])
    hours = room.opening_hours
    result = []
    for index, day in enumerate(days):
        slots = DaySlots(day=day, is_today=day == today)
        day_start, day_end = bounds[index], bounds[index + 1]
        for low, high in intervals:
            if high > day_start and low < day_end:
                slots.busy.append((_hm(max(low, day_start), day), _hm(min(high, day_end), day)))
        if not hours.is_empty:
            day_hours = hours.day(day)
            slots.closed = day_hours.closed
            slots.closed_reason = day_hours.closed_reason if day_hours.is_exception else ""
            slots.open_ranges = [
                (r.opens.strftime("%H:%M"), r.closes.strftime("%H:%M")) for r in day_hours.ranges
            ]
        result.append(slots)
    return result


def free_busy(request, page, room_id):
    room = _room_or_404(room_id, cached=True)
    notices: list[str] = []
    chosen = requested_week_day(request, notices)
    monday = chosen - timedelta(days=chosen.weekday())
    previous = monday - timedelta(days=7)
    following = monday + timedelta(days=7)
    # Lazy (core.content_cache.lazy), the URLs too: a main region served from the cache
    # neither queries the bookings and opening hours nor reverses these URLs.
    room_url = lazy(lambda: page.url + page.reverse_subpage("room", kwargs={"room_id": room.pk}))
    return TemplateResponse(
        request,
        "events/bookings/free_busy.html",
        {
            "page": page,
            "self": page,
            "room": room,
            "days": lazy(lambda: week_slots(room, monday)),
            "has_hours": lazy(lambda: not room.opening_hours.is_empty),
            "week_start": monday,
            "week_end": monday + timedelta(days=6),
            "notices": notices,
            "noindex": bool(request.GET),
            "previous_url": lazy(lambda: f"{room_url()}?date={previous.isoformat()}")
            if previous.year >= MIN_YEAR
            else None,
            "next_url": lazy(lambda: f"{room_url()}?date={following.isoformat()}")
            if following.year <= MAX_YEAR
            else None,
            "this_week_url": room_url,
            "request_url": lazy(
                lambda: page.url + page.reverse_subpage("request", kwargs={"room_id": room.pk})
            ),
        },
    )


# -- the request form -----------------------------------------------------------------


def _clash_messages(bookings: list[Booking]) -> list[str]:
    """Dates whose slot a confirmed booking already holds, without saying who holds it
    (the holder is none of the public's business). Writes nothing."""
    probes = [services._copy(b, status=Booking.Status.CONFIRMED) for b in bookings]
    messages = []
    for conflict in services.find_conflicts(probes):
        if conflict.holder is None:
            continue
        start = timezone.localtime(conflict.booking.start)
        end = timezone.localtime(conflict.booking.end)
        messages.append(
            _("The room is already booked on %(date)s between %(start)s and %(end)s.")
            % {
                "date": formats.date_format(start, "DATE_FORMAT"),
                "start": formats.time_format(start, "H:i"),
                "end": formats.time_format(end, "H:i"),
            }
        )
    return messages


def request_form(request, page, room_id):
    room = _room_or_404(room_id)
    sent_url = page.url + page.reverse_subpage("sent")
    if request.method == "POST":
        if REQUEST_LIMIT.exceeded(request):
            return rate_limited_response(request, REQUEST_LIMIT)
        form = PartnerRequestForm(request.POST)
        if form.is_spam():
            # Look successful to the bot; store and send nothing.
            return HttpResponseRedirect(sent_url)
        if form.is_valid():
            language = get_language() or "fr"
            bookings = form.build_bookings(room, language)
            errors = _clash_messages(bookings)
            if not errors:
                try:
                    with transaction.atomic():
                        services.save_bookings(
                            bookings, RuleContext(user=None, source=Booking.Source.PARTNER)
                        )
                        # Enqueued when the bookings commit; sent by the task worker.
                        send_confirmation(bookings)
                except services.BookingError as error:
                    errors = error.messages
            if not errors:
                return HttpResponseRedirect(sent_url)
            for message in errors:
                form.add_error(None, message)
    else:
        initial = {"weeks": 1}
        raw = request.GET.get("date", "")
        try:
            day = date.fromisoformat(raw[:10]) if raw else None
        except ValueError:
            day = None
        if day is not None and day >= timezone.localdate():
            initial["date"] = day
        form = PartnerRequestForm(initial=initial)
    status = 400 if form.is_bound else 200
    return TemplateResponse(
        request,
        "events/bookings/request_form.html",
        {
            "page": page,
            "self": page,
            "room": room,
            "form": form,
            "room_url": page.url + page.reverse_subpage("room", kwargs={"room_id": room.pk}),
        },
        status=status,
    )


def request_sent(request, page):
    return TemplateResponse(
        request, "events/bookings/request_sent.html", {"page": page, "self": page}
    )
