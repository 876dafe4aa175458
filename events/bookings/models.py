"""Booking models. Imported at the bottom of ``events.models`` so they belong to the
``events`` app (and its migrations).

The guarantee lives in the database: every booking stores its *blocked* range
(``blocked_start``/``blocked_end`` = start minus the room's buffer before, end plus the
buffer after). On PostgreSQL an exclusion constraint (added by migration, see
``events/migrations/0003_bookings.py``) forbids two *confirmed* bookings of one room whose
blocked ranges overlap; ranges are half-open, so touching bookings are allowed. On SQLite
every check-and-write runs in one ``BEGIN IMMEDIATE`` transaction (``services.py``).
"""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey

from maison.services.opening_hours_models import HoursException, WeeklyHoursRange

__all__ = ["Booking", "CalendarFeedToken", "RoomHoursException", "RoomWeeklyHours"]

EXCLUSION_CONSTRAINT_NAME = "events_booking_no_overlap"


class RoomWeeklyHours(WeeklyHoursRange):
    room = ParentalKey("events.Room", on_delete=models.CASCADE, related_name="weekly_hours")

    class Meta(WeeklyHoursRange.Meta):
        verbose_name = _("weekly opening range")
        verbose_name_plural = _("weekly opening ranges")


class RoomHoursException(HoursException):
    room = ParentalKey("events.Room", on_delete=models.CASCADE, related_name="hours_exceptions")

    class Meta(HoursException.Meta):
        verbose_name = _("closure or special hours")
        verbose_name_plural = _("closures and special hours")


class BookingQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Booking.Status.CONFIRMED)

    def active(self):
        """Requested or confirmed (what staff still care about)."""
        return self.filter(status__in=[Booking.Status.REQUESTED, Booking.Status.CONFIRMED])

    def overlapping(self, start, end):
        """Bookings whose *blocked* range (buffers included) overlaps [start, end)."""
        return self.filter(blocked_start__lt=end, blocked_end__gt=start)

    def visible_to(self, user):
        """What a staff user may read in full: everything that is not private, plus
        private bookings of their own or of their groups (only the latter for staff who
        may not book: they see free/busy). Superusers see all."""
        if user.is_superuser:
            return self
        own = models.Q(booked_by=user) | models.Q(group__in=user.groups.all())
        if not user.has_perm("events.add_booking"):
            return self.filter(own)  # free/busy viewers: their own bookings only
        return self.filter(models.Q(is_private=False) | own)


class Booking(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("requested")
        CONFIRMED = "confirmed", _("confirmed")
        REJECTED = "rejected", _("rejected")
        CANCELLED = "cancelled", _("cancelled")

    class Source(models.TextChoices):
        STAFF = "staff", _("staff")
        PARTNER = "partner", _("partner request")
        WORKSHOP = "workshop", _("workshop")
        IMPORT = "import", _("import")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    room = models.ForeignKey(
        "events.Room", verbose_name=_("room"), on_delete=models.PROTECT, related_name="bookings"
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    # Start minus the room's buffer before, end plus its buffer after: what the exclusion
    # constraint compares. Set by ``set_blocked_range`` (services call it on every write).
    blocked_start = models.DateTimeField(editable=False)
    blocked_end = models.DateTimeField(editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.STAFF
    )
    purpose = models.CharField(_("purpose"), max_length=200)
    attendees = models.PositiveSmallIntegerField(_("expected attendees"), null=True, blank=True)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="room_bookings",
    )
    group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("for (pôle or team)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="room_bookings",
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    # Personal data of a partner's contact: removed by ``purge_personal_data``.
    contact_name = models.CharField(_("contact name"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=8, default="fr")
    is_private = models.BooleanField(
        _("private"),
        default=False,
        help_text=_("Other staff see “booked” without the purpose or who booked."),
    )
    occurrence = models.OneToOneField(
        "events.Occurrence",
        verbose_name=_("workshop date"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="booking",
    )
    series = models.ForeignKey(
        "events.Series",
        verbose_name=_("recurring booking"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bookings",
    )
    reason = models.CharField(
        _("reason"), max_length=255, blank=True, help_text=_("Why it was rejected or cancelled.")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    personal_data_purged = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        permissions = [("approve_booking", "Can approve or reject room bookings")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")),
                name="events_booking_end_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["room", "status", "blocked_start", "blocked_end"]),
            models.Index(fields=["start", "end"]),
            models.Index(fields=["status", "start"]),
        ]

    def __str__(self) -> str:
        local = timezone.localtime(self.start)
        return f"{self.room} {local:%Y-%m-%d %H:%M}\u2013{timezone.localtime(self.end):%H:%M}"

    def set_blocked_range(self, room=None) -> None:
        room = room or self.room
        self.blocked_start = self.start - timedelta(minutes=room.buffer_before)
        self.blocked_end = self.end + timedelta(minutes=room.buffer_after)

    @property
    def holder_label(self) -> str:
        """Who holds the room, as shown to any staff member (privacy respected)."""
        if self.is_private:
            return str(_("a private booking"))
        if self.group_id:
            return f"{self.purpose} ({self.group.name})"
        if self.organisation:
            return f"{self.purpose} ({self.organisation})"
        return self.purpose

    def holder_label_for(self, user) -> str:
        from .privacy import HolderLabels

        return HolderLabels(user).label(self)


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeedToken(models.Model):
    """A private ICS feed: all of a user's bookings (``room`` empty) or one room's, shown
    as that user may see them. Revoking sets ``revoked_at``; the URL then answers 404."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="booking_feed_tokens"
    )
    room = models.ForeignKey(
        "events.Room", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("private calendar feed")
        verbose_name_plural = _("private calendar feeds")

    def __str__(self) -> str:
        return f"{self.user} {self.room or '*'}"
