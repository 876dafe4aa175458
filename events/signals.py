"""Occurrences follow the published version of their page."""

from django.dispatch import receiver
from wagtail.signals import page_published

from .services import sync_page_series


@receiver(page_published)
def generate_occurrences_on_publish(sender, instance, **kwargs):
    # Unpublishing needs no handler: public views only show dates of live pages, and
    # publishing again brings them back as they were.
    sync_page_series(instance)


from .bookings import signals as _booking_signals  # noqa: E402, F401
