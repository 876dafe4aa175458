"""Settings of the events app, each with a default (override them in Django settings)."""

from zoneinfo import ZoneInfo

from django.conf import settings


def horizon_months() -> int:
    """How far ahead occurrences are materialised (``EVENTS_HORIZON_MONTHS``, default 18)."""
    return int(getattr(settings, "EVENTS_HORIZON_MONTHS", 18))


def local_zone() -> ZoneInfo:
    """The wall-clock zone every rule is evaluated in (the site's TIME_ZONE)."""
    return ZoneInfo(settings.TIME_ZONE)


def per_page() -> int:
    return int(getattr(settings, "EVENTS_PER_PAGE", 20))
