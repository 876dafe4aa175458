"""Operations other apps (and commands) call: generate dates, extend the horizon."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from maison.core.navigation import invalidate_navigation

from . import scheduling
from .bookings.services import sync_series_bookings
from .models import Series


def sync_page_series(page, now: datetime | None = None) -> scheduling.SyncResult:
    """Copy the page's filter metadata onto its series and (re)generate their dates."""
    result = scheduling.SyncResult()
    series_list = list(Series.objects.filter(page_id=page.pk))
    if not series_list:
        return result
    metadata = {}
    if hasattr(page, "get_series_metadata"):
        metadata = page.get_series_metadata()
    return sync_series(series_list, now=now, metadata=metadata)


@transaction.atomic
def sync_series(series_list, now: datetime | None = None, metadata=None) -> scheduling.SyncResult:
    now = now or timezone.now()
    result = scheduling.SyncResult()
    if not series_list:
        return result
    until = scheduling.horizon_end(now)
    first = min(s.start_date for s in series_list)
    holidays = scheduling.HolidayIndex.load(first, until.date())
    for series in series_list:
        if metadata:
            changed = {k: v for k, v in metadata.items() if getattr(series, k) != v}
            if changed:
                for key, value in changed.items():
                    setattr(series, key, value)
                Series.objects.filter(pk=series.pk).update(**changed)
        result += series.sync_occurrences(now=now, holidays=holidays)
        sync_series_bookings(series, now=now)  # rooms of workshop dates (events.bookings)
    # Dates are written in bulk (no save signals): pages that show them change now.
    invalidate_navigation()
    return result


def extend_all(now: datetime | None = None, batch_size: int = 200) -> scheduling.SyncResult:
    """Roll every series' horizon forward (idempotent; run nightly)."""
    result = scheduling.SyncResult()
    queryset = Series.objects.order_by("pk")
    pks = list(queryset.values_list("pk", flat=True))
    for offset in range(0, len(pks), batch_size):
        batch = list(Series.objects.filter(pk__in=pks[offset : offset + batch_size]))
        result += sync_series(batch, now=now)
    return result
