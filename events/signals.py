"""Occurrences follow the published version of their page."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from maison.core.navigation import invalidate_navigation

from .services import sync_page_series


@receiver(page_published)
def generate_occurrences_on_publish(sender, instance, **kwargs):
    # Unpublishing needs no handler: public views only show dates of live pages, and
    # publishing again brings them back as they were.
    sync_page_series(instance)


# The calendar's room filter lists the rooms (cached under the navigation version).
post_save.connect(invalidate_navigation, sender="events.Room", dispatch_uid="maison-room-save")
post_delete.connect(invalidate_navigation, sender="events.Room", dispatch_uid="maison-room-delete")

from .bookings import signals as _booking_signals  # noqa: E402, F401
