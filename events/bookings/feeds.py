"""Private ICS feeds of bookings, behind an unguessable token (``CalendarFeedToken``).

- A token with a room: that room's confirmed bookings. A token without a room: the
  user's own bookings and those of their groups (requested ones as TENTATIVE).
- Shown as the token's owner may see them *now*, by the staff privacy rule
  (``privacy.HolderLabels``): what they may not read (other teams' private bookings, or
  every other booking for staff who may only view) reads "Busy (private booking)" with
  no purpose, team or organisation. Contact details of
  partners never appear.
- A wrong or revoked token, or an owner who is inactive or lost the right to see
  bookings, answers 404 (nothing tells a guesser which case it is).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import icalendar
from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse, HttpResponseNotFound
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .. import conf
from ..ics import new_calendar
from .models import Booking, CalendarFeedToken
from .privacy import HolderLabels

VIEW_PERMISSION = "events.view_booking"
TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{20,64}")
PAST_DAYS = 30
FUTURE_DAYS = 400


def active_token(raw: str) -> CalendarFeedToken | None:
    if not TOKEN_RE.fullmatch(raw or ""):
        return None
    token = (
        CalendarFeedToken.objects.select_related("user", "room")
        .filter(token=raw, revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active or not token.user.has_perm(VIEW_PERMISSION):
        return None
    return token


def feed_bookings(token: CalendarFeedToken, now=None):
    now = now or timezone.now()
    user = token.user
    qs = Booking.objects.filter(
        end__gt=now - timedelta(days=PAST_DAYS), start__lt=now + timedelta(days=FUTURE_DAYS)
    ).select_related("room", "group")
    if token.room_id:
        return qs.filter(room_id=token.room_id, status=Booking.Status.CONFIRMED)
    return qs.active().filter(Q(booked_by=user) | Q(group__in=user.groups.all()))


def build_feed(token: CalendarFeedToken, bookings, name: str) -> bytes:
    privacy = HolderLabels(token.user)
    now = timezone.now()
    calendar = new_calendar(name, refresh_hours=1)
    zone = conf.local_zone()
    years = []
    for booking in bookings:
        event = icalendar.Event()
        event.add("uid", f"booking-{booking.uuid}@prevention-ixelles")
        event.add("dtstamp", now)
        event.add("last-modified", booking.updated_at or now)
        event.add("dtstart", booking.start.astimezone(zone))
        event.add("dtend", booking.end.astimezone(zone))
        event.add("location", booking.room.name)
        if privacy.may_read(booking):
            summary = booking.purpose
            team = booking.group.name if booking.group_id else booking.organisation
            if team:
                summary = f"{summary} ({team})"
            event.add("summary", summary)
            if booking.attendees:
                event.add("description", _("Expected attendees: %(n)s") % {"n": booking.attendees})
        else:
            event.add("summary", _("Busy (private booking)"))
            event.add("class", "PRIVATE")
        event.add(
            "status", "TENTATIVE" if booking.status == Booking.Status.REQUESTED else "CONFIRMED"
        )
        calendar.add_component(event)
        years += [booking.start.year, booking.end.year]
    if years:
        calendar.add_missing_timezones(
            first_date=date(min(years) - 1, 1, 1),
            last_date=date(max(years) + 1, 12, 31),
        )
    return calendar.to_ical()


def _language(user) -> str:
    try:
        from wagtail.users.models import UserProfile

        return UserProfile.get_for_user(user).get_preferred_language()
    except Exception:  # pragma: no cover - a profile problem must not break the feed
        return settings.LANGUAGE_CODE


def feed_view(request, token):
    feed_token = active_token(token)
    if feed_token is None:
        # Plain text: a calendar app needs no page, and nothing says why it failed.
        return HttpResponseNotFound("Not found\n", content_type="text/plain; charset=utf-8")
    with translation.override(_language(feed_token.user)):
        if feed_token.room_id:
            name = _("Bookings of %(room)s") % {"room": feed_token.room.name}
        else:
            name = _("My room bookings")
        body = build_feed(feed_token, feed_bookings(feed_token), name)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="bookings.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
