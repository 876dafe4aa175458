"""Booking rules, checked on every write path (admin form, recurring bookings, partner
requests, workshop scheduling, import) by ``services.save_bookings``.

Each check returns translated messages; an empty list means the booking is allowed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from .models import Booking

BOOK_PERMISSION = "events.add_booking"
APPROVE_PERMISSION = "events.approve_booking"


@dataclass
class RuleContext:
    """Who writes and through which path.

    ``user`` is None for a partner request (no account). Workshop scheduling materialises
    dates up to the rolling horizon, so it skips the advance window and the notice
    (``check_window=False``); every other rule applies to it too."""

    user: object | None = None
    source: str = Booking.Source.STAFF
    now: datetime = field(default_factory=timezone.now)
    check_window: bool = True


def may_book_room(user, room) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if not user.has_perm(BOOK_PERMISSION):
        return False
    allowed = {g.pk for g in room.booking_groups.all()}
    if not allowed:
        return True
    return bool(allowed & set(user.groups.values_list("pk", flat=True)))


def _fmt(value: datetime) -> str:
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


def check_booking(booking: Booking, ctx: RuleContext) -> list[str]:
    room = booking.room
    errors: list[str] = []
    if booking.end <= booking.start:
        return [_("The end must be after the start.")]
    minutes = (booking.end - booking.start).total_seconds() / 60
    if not room.bookable:
        errors.append(_("%(room)s cannot be booked.") % {"room": room})
    if minutes < room.min_duration:
        errors.append(
            _("A booking of %(room)s lasts at least %(minutes)s minutes.")
            % {"room": room, "minutes": room.min_duration}
        )
    if room.max_duration and minutes > room.max_duration:
        errors.append(
            _("A booking of %(room)s lasts at most %(minutes)s minutes.")
            % {"room": room, "minutes": room.max_duration}
        )
    if ctx.check_window:
        if booking.start < ctx.now + timedelta(hours=room.min_notice_hours):
            if room.min_notice_hours:
                errors.append(
                    _("%(room)s must be booked at least %(hours)s hours ahead.")
                    % {"room": room, "hours": room.min_notice_hours}
                )
            else:
                errors.append(_("The start is in the past."))
        if room.max_advance_days is not None and booking.start > ctx.now + timedelta(
            days=room.max_advance_days
        ):
            errors.append(
                _("%(room)s can be booked at most %(days)s days ahead.")
                % {"room": room, "days": room.max_advance_days}
            )
    if booking.attendees and room.capacity and booking.attendees > room.capacity:
        errors.append(
            _("%(room)s holds %(capacity)s people, not %(attendees)s.")
            % {"room": room, "capacity": room.capacity, "attendees": booking.attendees}
        )
    if ctx.source == Booking.Source.PARTNER:
        if not room.partner_requests:
            errors.append(_("%(room)s cannot be requested by partners.") % {"room": room})
    elif ctx.source != Booking.Source.WORKSHOP and not may_book_room(ctx.user, room):
        errors.append(_("You may not book %(room)s.") % {"room": room})
    errors.extend(check_opening_hours(booking))
    return errors


def check_opening_hours(booking: Booking) -> list[str]:
    """The booking must fit in one opening interval of the room (closures close the whole
    day). A room without opening hours is always open."""
    hours = booking.room.opening_hours
    if hours.is_empty:
        return []
    day = timezone.localtime(booking.start).date()
    for candidate in (day - timedelta(days=1), day):
        for interval in hours.intervals(candidate):
            if interval.start <= booking.start and booking.end <= interval.end:
                return []
    closed = hours.day(day)
    if closed.closed and closed.is_exception:
        return [
            _("%(room)s is closed on %(date)s (%(reason)s).")
            % {
                "room": booking.room,
                "date": formats.date_format(day, "DATE_FORMAT"),
                "reason": closed.closed_reason or _("closure"),
            }
        ]
    return [
        _("%(room)s is not open for the whole of %(start)s – %(end)s.")
        % {
            "room": booking.room,
            "start": _fmt(booking.start),
            "end": formats.time_format(timezone.localtime(booking.end), "TIME_FORMAT"),
        }
    ]
