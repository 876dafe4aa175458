"""Load the shipped holiday data (events/calendar_data.py) into CalendarPeriod."""

from django.db import transaction

from . import calendar_data
from .models import CalendarPeriod


@transaction.atomic
def load_calendars(
    school_years=calendar_data.SCHOOL_YEARS, calendar_years=calendar_data.CALENDAR_YEARS
):
    """Create or update every period (idempotent); returns (created, updated)."""
    created = updated = 0
    for period in calendar_data.all_periods(school_years, calendar_years):
        _obj, was_created = CalendarPeriod.objects.update_or_create(
            kind=period.kind,
            community=period.community,
            key=period.key,
            year=period.year,
            defaults={
                "name": period.name,
                "start_date": period.start,
                "end_date": period.end,
                "source": period.source,
            },
        )
        if was_created:
            created += 1
        else:
            updated += 1
    return created, updated
