"""Admin hooks of room bookings (imported by events/wagtail_hooks.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_booking_actions(actions):
    actions.register_action("events.booking.approve", _("Approve booking"), _("Booking approved"))
    actions.register_action("events.booking.reject", _("Reject booking"), _("Booking rejected"))
    actions.register_action("events.booking.cancel", _("Cancel booking"), _("Booking cancelled"))
