"""Emails to partners (no account), in the language they wrote in."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def _send(booking, template: str, subject: str) -> None:
    with translation.override(booking.language or settings.LANGUAGE_CODE):
        body = render_to_string(template, {"booking": booking})
        send_mail(str(subject), body, None, [booking.contact_email])


def send_confirmation(booking) -> None:
    from django.utils.translation import gettext as _

    with translation.override(booking.language or settings.LANGUAGE_CODE):
        subject = _("We received your room request")
    _send(booking, "events/bookings/email_received.txt", subject)


def send_decision(booking) -> None:
    from django.utils.translation import gettext as _

    with translation.override(booking.language or settings.LANGUAGE_CODE):
        subject = (
            _("Your room request is confirmed")
            if booking.status == booking.Status.CONFIRMED
            else _("Your room request was declined")
        )
    _send(booking, "events/bookings/email_decision.txt", subject)
