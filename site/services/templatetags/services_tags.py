from django import template
from django.utils import formats, timezone

from maison.services.opening_hours import format_ranges, weekday_name

register = template.Library()


@register.inclusion_tag("services/includes/opening_hours.html")
def opening_hours(owner, heading_id="opening-hours", heading_level=2):
    """The status sentence, the regular week as a table, and upcoming closures."""
    hours = owner.opening_hours
    now = timezone.localtime()
    today = now.date()
    status = hours.status(now)
    exceptions = []
    for exc in hours.upcoming_exceptions(today):
        if exc.start == exc.end:
            dates = formats.date_format(exc.start, "DATE_FORMAT")
        else:
            dates = f"{formats.date_format(exc.start, 'DATE_FORMAT')} – " + formats.date_format(
                exc.end, "DATE_FORMAT"
            )
        exceptions.append(
            {
                "dates": dates,
                "hours": format_ranges([exc.range] if exc.range else []),
                "reason": exc.reason,
            }
        )
    return {
        "has_hours": not hours.is_empty,
        "status": status,
        "status_label": status.label,
        "week": [
            {
                "name": weekday_name(weekday),
                "hours": format_ranges(ranges),
                "today": weekday == today.weekday(),
            }
            for weekday, ranges in hours.week()
        ],
        "exceptions": exceptions,
        "heading_id": heading_id,
        "heading_tag": f"h{heading_level}",
        "subheading_tag": f"h{heading_level + 1}",
    }


@register.filter
def opening_label(owner) -> str:
    return owner.opening_status.label
