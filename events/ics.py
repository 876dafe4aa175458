"""iCalendar feeds built from the materialised occurrences.

One VEVENT per series carries the rule (``DTSTART;TZID=Europe/Brussels`` + ``RRULE`` with
``UNTIL`` in UTC), so calendar apps show a recurring event with a stable UID. The feed then
says exactly which of the rule's dates exist:

- a rule date without an occurrence (a skipped holiday, a date filtered out) → ``EXDATE``;
- a cancelled date → an override (``RECURRENCE-ID``) with ``STATUS:CANCELLED`` and the
  reason, so it stays visible as cancelled, like on the website;
- a moved date (or a date whose time differs from the rule) → an override with the new
  ``DTSTART``/``DTEND``/``LOCATION``;
- a date that is not a rule date (an extra date, a date from before the rule changed) → a
  VEVENT of its own with a per-date UID.

Rule dates are only excluded up to the series' ``generated_until`` (the horizon); later
ones are left to the rule. Expanded with RRULE, EXDATE and overrides, a feed gives the
same dates as the HTML calendar.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import icalendar
from django.utils import timezone

from . import conf, scheduling

PRODID = "-//Prevention Ixelles//Maison de la Prevention events//EN"
FREQ_NAMES = {0: "YEARLY", 1: "MONTHLY", 2: "WEEKLY", 3: "DAILY"}
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@dataclass
class OwnerInfo:
    title: str
    url: str
    description: str = ""


def series_uid(series) -> str:
    return f"series-{series.uuid}@prevention-ixelles"


def occurrence_uid(occurrence) -> str:
    return f"series-{occurrence.series.uuid}-{occurrence.original_date:%Y%m%d}@prevention-ixelles"


def _local(value: datetime) -> datetime:
    return value.astimezone(conf.local_zone())


def _rrule_dict(rule, series) -> dict:
    """The rule as an iCalendar RECUR value. COUNT becomes an UNTIL (the feed's DTSTART may
    be a later date than the series' first one); UNTIL is always in UTC."""
    data: dict = {"freq": FREQ_NAMES[rule.freq]}
    if rule.interval and rule.interval != 1:
        data["interval"] = rule.interval
    until = None
    if rule.count:
        dates = list(scheduling._dateutil_rule(rule, series.local_dtstart))
        until = dates[-1] if dates else series.local_dtstart
    elif rule.until:
        until = scheduling.inclusive_until(rule.until)
    if until is not None:
        data["until"] = scheduling.make_aware(until).astimezone(UTC)
    if rule.wkst is not None:
        data["wkst"] = WEEKDAYS[getattr(rule.wkst, "number", rule.wkst)]
    if rule.byday:
        days = []
        for day in rule.byday:
            number = getattr(day, "number", day)
            index = getattr(day, "index", None)
            days.append(f"{index or ''}{WEEKDAYS[number]}")
        data["byday"] = days
    for param in ("bysetpos", "bymonth", "bymonthday", "byyearday", "byweekno"):
        values = getattr(rule, param, None)
        if values:
            data[param] = list(values)
    return data


def _client_dates(series, first: datetime, last: datetime) -> list[datetime]:
    """What a calendar app computes from our DTSTART + RRULE (no EXDATE yet)."""
    rule = series.recurrence.rrules[0]
    values = []
    for value in scheduling._dateutil_rule(rule, series.local_dtstart).xafter(first, inc=True):
        if value > last:
            break
        values.append(value)
    return values


def _fill(event, occurrence, owner: OwnerInfo, series, now):
    label = f"{owner.title} \u2013 {series.title}" if series.title else owner.title
    event.add("summary", label)
    event.add("dtstamp", now)
    event.add("last-modified", occurrence.updated_at or now)
    event.add("dtstart", _local(occurrence.start))
    event.add("dtend", _local(occurrence.end))
    if owner.url:
        event.add("url", owner.url)
    parts = [p for p in (occurrence.note, owner.description) if p]
    if parts:
        event.add("description", "\n\n".join(parts))
    room = occurrence.room or series.room
    if room is not None:
        event.add("location", room.name)
    event.add(
        "status", "CANCELLED" if occurrence.status == occurrence.Status.CANCELLED else "CONFIRMED"
    )


def _series_events(series, occurrences, owner: OwnerInfo, now) -> list[icalendar.Event]:
    events = []
    rule = series.recurrence
    has_single_rule = rule is not None and len(rule.rrules) == 1
    if not has_single_rule:
        for occurrence in occurrences:
            event = icalendar.Event()
            single = len(occurrences) == 1 and not occurrence.is_extra and rule is None
            event.add("uid", series_uid(series) if single else occurrence_uid(occurrence))
            _fill(event, occurrence, owner, series, now)
            events.append(event)
        return events

    duration = series.duration
    first = min(scheduling.to_local_naive(o.original_start) for o in occurrences)
    last = scheduling.to_local_naive(
        series.generated_until or max(o.original_start for o in occurrences)
    )
    client = _client_dates(series, first, last)
    by_start = {scheduling.to_local_naive(o.original_start): o for o in occurrences}
    client_set = set(client)
    if client:
        master = icalendar.Event()
        master.add("uid", series_uid(series))
        master_start = scheduling.make_aware(client[0])
        label = f"{owner.title} \u2013 {series.title}" if series.title else owner.title
        master.add("summary", label)
        master.add("dtstamp", now)
        master.add("dtstart", master_start)
        master.add("dtend", scheduling.make_aware(client[0] + duration))
        master.add("rrule", _rrule_dict(rule.rrules[0], series))
        if owner.url:
            master.add("url", owner.url)
        if owner.description:
            master.add("description", owner.description)
        if series.room is not None:
            master.add("location", series.room.name)
        master.add("status", "CONFIRMED")
        exdates = [scheduling.make_aware(v) for v in client if v not in by_start]
        if exdates:
            master.add("exdate", exdates)
        events.append(master)
    for occurrence in occurrences:
        original = scheduling.to_local_naive(occurrence.original_start)
        if original in client_set:
            room = occurrence.room_id or None
            differs = (
                occurrence.status != occurrence.Status.SCHEDULED
                or occurrence.start != occurrence.original_start
                or occurrence.end - occurrence.start != duration
                or room != series.room_id
                or bool(occurrence.note)
            )
            if not differs:
                continue
            override = icalendar.Event()
            override.add("uid", series_uid(series))
            override.add("recurrence-id", scheduling.make_aware(original))
            _fill(override, occurrence, owner, series, now)
            events.append(override)
        else:
            event = icalendar.Event()
            event.add("uid", occurrence_uid(occurrence))
            _fill(event, occurrence, owner, series, now)
            events.append(event)
    return events


def new_calendar(name: str, refresh_hours: int) -> icalendar.Calendar:
    """An empty published calendar with its name, time zone and how often clients should
    fetch it again (every feed of the site starts from this)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", conf.local_zone().key)
    refresh = timedelta(hours=refresh_hours)
    calendar.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", f"PT{refresh_hours}H")
    return calendar


def build_calendar(occurrences, owners: dict[int, OwnerInfo], name: str) -> bytes:
    """An iCalendar file of these occurrences (each with series, page and room loaded)."""
    now = timezone.now()
    calendar = new_calendar(name, refresh_hours=6)
    grouped = defaultdict(list)
    series_by_pk = {}
    for occurrence in occurrences:
        grouped[occurrence.series_id].append(occurrence)
        series_by_pk[occurrence.series_id] = occurrence.series
    years = []
    for series_pk, items in grouped.items():
        series = series_by_pk[series_pk]
        items.sort(key=lambda o: o.original_start)
        owner = owners.get(series.page_id) or OwnerInfo(title=str(series), url="")
        for event in _series_events(series, items, owner, now):
            calendar.add_component(event)
        years += [items[0].start.year, items[-1].end.year]
    if years:
        first = datetime(min(years) - 1, 1, 1).date()
        last = datetime(max(years) + 3, 12, 31).date()
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()
