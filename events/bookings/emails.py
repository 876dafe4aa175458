"""Emails to partners (no account), in the language they wrote in.

Callers enqueue them (``maison.core.tasks.enqueue_email``): the task holds the booking ids
only, and the worker builds the message here from the rows as they are then, after the
commit. A rolled-back request sends nothing, and a mail server that fails does not turn a
saved request or decision into an error page."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from maison.core.tasks import enqueue_email

from .models import Booking


def _message(bookings: list[Booking], template: str, subject_text) -> EmailMessage:
    first = bookings[0]
    with translation.override(first.language or settings.LANGUAGE_CODE):
        subject = str(subject_text())
        body = render_to_string(template, {"booking": first, "bookings": bookings})
    return EmailMessage(subject, body, None, [first.contact_email])


def _bookings(ids: list[int]) -> list[Booking]:
    return list(Booking.objects.filter(pk__in=ids).select_related("room").order_by("start"))


def received_message(ids: list[int]) -> EmailMessage | None:
    """One email for a request (all its weekly dates)."""
    bookings = _bookings(ids)
    if not bookings or not bookings[0].contact_email:
        return None
    return _message(
        bookings,
        "events/bookings/email_received.txt",
        lambda: _("We received your room request"),
    )


def decision_message(ids: list[int]) -> EmailMessage | None:
    bookings = _bookings(ids)
    if not bookings or not bookings[0].contact_email:
        return None
    booking = bookings[0]
    if booking.status not in (Booking.Status.CONFIRMED, Booking.Status.REJECTED):
        return None  # changed again before the worker ran: no stale decision
    return _message(
        [booking],
        "events/bookings/email_decision.txt",
        lambda: (
            _("Your room request is confirmed")
            if booking.status == Booking.Status.CONFIRMED
            else _("Your room request was declined")
        ),
    )


def send_confirmation(bookings) -> None:
    """Acknowledge a partner's request, after the commit."""
    if not isinstance(bookings, list | tuple):
        bookings = [bookings]
    if bookings and bookings[0].contact_email:
        enqueue_email("booking-received", [b.pk for b in bookings])


def send_decision(booking: Booking) -> None:
    """Tell the partner the decision, after the commit."""
    if booking.contact_email:
        enqueue_email("booking-decision", [booking.pk])
