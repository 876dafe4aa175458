"""Admin hooks of room bookings (imported by events/wagtail_hooks.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from maison.core.tasks import EMAIL_MESSAGES_HOOK


@hooks.register("register_log_actions")
def register_booking_actions(actions):
    actions.register_action("events.booking.approve", _("Approve booking"), _("Booking approved"))
    actions.register_action("events.booking.reject", _("Reject booking"), _("Booking rejected"))
    actions.register_action("events.booking.cancel", _("Cancel booking"), _("Booking cancelled"))


@hooks.register(EMAIL_MESSAGES_HOOK)
def booking_email_messages():
    """Emails to partners, sent by the email task (maison.core.tasks)."""
    from .emails import decision_message, received_message

    return {"booking-received": received_message, "booking-decision": decision_message}


@hooks.register("register_admin_viewset")
def register_booking_viewsets():
    from .admin_views import BookingGroup

    return BookingGroup()


@hooks.register("construct_homepage_panels")
def approval_queue_panel(request, panels):
    from .admin_views import APPROVE_PERMISSION
    from .models import Booking

    if not request.user.has_perm(APPROVE_PERMISSION):
        return
    count = Booking.objects.filter(status=Booking.Status.REQUESTED).count()
    if count:
        panels.append(PendingPanel(count))


class PendingPanel(Component):
    name = "booking_requests"
    order = 90
    template_name = "events/bookings/admin/home_panel.html"

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        return {"count": self.count}


@hooks.register("register_account_menu_item")
def calendar_feeds_account_item(request):
    from django.urls import reverse

    from .feeds import VIEW_PERMISSION

    if not request.user.has_perm(VIEW_PERMISSION):
        return None
    return {
        "url": reverse("events_booking_feeds:index"),
        "label": _("My calendar feeds"),
        "help_text": _("Private addresses to follow room bookings in your calendar app."),
    }
