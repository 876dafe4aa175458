"""Emails to partners (no account), in the language they wrote in.

Callers send them after the commit (``transaction.on_commit(..., robust=True)``): a
rolled-back request sends nothing, and a mail server that fails does not turn a saved
request or decision into an error page."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _


def _send(bookings, template: str, subject_text) -> None:
    first = bookings[0]
    with translation.override(first.language or settings.LANGUAGE_CODE):
        subject = str(subject_text())
        body = render_to_string(template, {"booking": first, "bookings": bookings})
        send_mail(subject, body, None, [first.contact_email])


def send_confirmation(bookings) -> None:
    """One email for a request (all its weekly dates)."""
    if not isinstance(bookings, list | tuple):
        bookings = [bookings]
    if not bookings or not bookings[0].contact_email:
        return
    _send(
        list(bookings),
        "events/bookings/email_received.txt",
        lambda: _("We received your room request"),
    )


def send_decision(booking) -> None:
    if not booking.contact_email:
        return
    _send(
        [booking],
        "events/bookings/email_decision.txt",
        lambda: (
            _("Your room request is confirmed")
            if booking.status == booking.Status.CONFIRMED
            else _("Your room request was declined")
        ),
    )
