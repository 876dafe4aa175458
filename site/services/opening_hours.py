"""Opening hours as data, and the calculator that answers "is it open now?".

Pure Python (no ORM): the abstract models in ``opening_hours_models`` turn their rows into
the value objects below, and everything else works on those.

Rules:
- A weekly range opens on ``weekday`` (0 = Monday) at ``opens`` and closes at ``closes``.
  When ``closes <= opens`` the range ends on the next day (a night shift 22:00–06:00).
- A date-bound exception covers ``start``..``end`` (inclusive). On a covered day the weekly
  rule is ignored: a closure closes the whole day, special ranges replace the weekly ones.
  Closures beat special ranges on the same day.
- Times are wall-clock times in Europe/Brussels. Comparisons are made in UTC, so a range
  that crosses a DST change lasts its real length (a 22:00–06:00 shift is 7 hours on the
  last Sunday of March and 9 hours on the last Sunday of October).
- Opening time is inclusive, closing time exclusive: open at 09:00:00, closed at 17:00:00.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

BRUSSELS = ZoneInfo("Europe/Brussels")
UTC = dt.UTC
# How far "next opening" looks ahead (covers a long summer closure).
LOOKAHEAD_DAYS = 120


@dataclass(frozen=True)
class TimeRange:
    opens: dt.time
    closes: dt.time

    @property
    def overnight(self) -> bool:
        return self.closes <= self.opens

    def on(self, day: dt.date, tz: dt.tzinfo = BRUSSELS) -> Interval:
        start = _aware(day, self.opens, tz)
        end_day = day + dt.timedelta(days=1) if self.overnight else day
        return Interval(start, _aware(end_day, self.closes, tz))


@dataclass(frozen=True)
class WeeklyRange(TimeRange):
    weekday: int = 0  # 0 = Monday … 6 = Sunday


@dataclass(frozen=True)
class DateException:
    start: dt.date
    end: dt.date
    closed: bool = True
    opens: dt.time | None = None
    closes: dt.time | None = None
    reason: str = ""

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def range(self) -> TimeRange | None:
        if self.closed or self.opens is None or self.closes is None:
            return None
        return TimeRange(self.opens, self.closes)


@dataclass(frozen=True)
class Interval:
    """An aware start and end; compare through UTC (see module docstring)."""

    start: dt.datetime
    end: dt.datetime

    def contains(self, moment: dt.datetime) -> bool:
        return self.start.astimezone(UTC) <= moment.astimezone(UTC) < self.end.astimezone(UTC)


@dataclass(frozen=True)
class DayHours:
    """What one calendar day looks like: ranges that start that day, or a closure."""

    day: dt.date
    ranges: tuple[TimeRange, ...] = ()
    closed_reason: str = ""
    is_exception: bool = False

    @property
    def closed(self) -> bool:
        return not self.ranges


@dataclass(frozen=True)
class OpeningStatus:
    is_open: bool
    now: dt.datetime
    closes_at: dt.datetime | None = None
    next_opening: dt.datetime | None = None
    closed_today_reason: str = ""
    has_hours: bool = True

    @property
    def label(self) -> str:
        return describe_status(self)


def _aware(day: dt.date, time: dt.time, tz: dt.tzinfo) -> dt.datetime:
    # A wall time that does not exist (02:30 on the last Sunday of March) is read with
    # fold=0, i.e. with the winter offset: it lands one hour later in summer time.
    local = dt.datetime.combine(day, time).replace(tzinfo=tz)
    # Round-trip through UTC to normalise non-existent wall times.
    return local.astimezone(UTC).astimezone(tz)


@dataclass
class OpeningHours:
    weekly: list[WeeklyRange] = field(default_factory=list)
    exceptions: list[DateException] = field(default_factory=list)
    tz: dt.tzinfo = BRUSSELS

    @property
    def is_empty(self) -> bool:
        return not self.weekly and not self.exceptions

    def day(self, day: dt.date) -> DayHours:
        covering = [exc for exc in self.exceptions if exc.covers(day)]
        if covering:
            closures = [exc for exc in covering if exc.closed or exc.range is None]
            if closures:
                return DayHours(day, (), closures[0].reason, is_exception=True)
            ranges = sorted((exc.range for exc in covering), key=lambda r: r.opens)
            reason = next((exc.reason for exc in covering if exc.reason), "")
            return DayHours(day, tuple(ranges), reason, is_exception=True)
        ranges = sorted(
            (TimeRange(r.opens, r.closes) for r in self.weekly if r.weekday == day.weekday()),
            key=lambda r: r.opens,
        )
        return DayHours(day, tuple(ranges))

    def intervals(self, day: dt.date) -> list[Interval]:
        """The intervals that start on ``day`` (an overnight one ends the day after)."""
        return [r.on(day, self.tz) for r in self.day(day).ranges]

    def status(self, now: dt.datetime) -> OpeningStatus:
        local_now = now.astimezone(self.tz)
        today = local_now.date()
        if self.is_empty:
            return OpeningStatus(False, local_now, has_hours=False)
        # Yesterday's overnight ranges may still be running.
        for day in (today - dt.timedelta(days=1), today):
            for interval in self.intervals(day):
                if interval.contains(local_now):
                    return OpeningStatus(True, local_now, closes_at=interval.end)
        today_hours = self.day(today)
        return OpeningStatus(
            False,
            local_now,
            next_opening=self.next_opening(local_now),
            closed_today_reason=today_hours.closed_reason if today_hours.closed else "",
        )

    def next_opening(self, after: dt.datetime) -> dt.datetime | None:
        after_utc = after.astimezone(UTC)
        start = after.astimezone(self.tz).date()
        for offset in range(LOOKAHEAD_DAYS + 1):
            for interval in self.intervals(start + dt.timedelta(days=offset)):
                if interval.start.astimezone(UTC) > after_utc:
                    return interval.start
        return None

    def week(self) -> list[tuple[int, list[TimeRange]]]:
        """The regular week, Monday first: (weekday, ranges)."""
        return [
            (
                weekday,
                sorted(
                    (TimeRange(r.opens, r.closes) for r in self.weekly if r.weekday == weekday),
                    key=lambda r: r.opens,
                ),
            )
            for weekday in range(7)
        ]

    def upcoming_exceptions(self, today: dt.date, days: int = 90) -> list[DateException]:
        horizon = today + dt.timedelta(days=days)
        return sorted(
            (exc for exc in self.exceptions if exc.end >= today and exc.start <= horizon),
            key=lambda exc: (exc.start, exc.opens or dt.time.min),
        )


def merge(*hours: OpeningHours) -> OpeningHours:
    return OpeningHours(
        weekly=[r for h in hours for r in h.weekly],
        exceptions=[e for h in hours for e in h.exceptions],
    )


# --- Words (in the active language) -------------------------------------------------

WEEKDAYS = (0, 1, 2, 3, 4, 5, 6)


def weekday_name(weekday: int) -> str:
    # 2024-01-01 was a Monday; Django's date format gives the localised day name.
    return formats.date_format(dt.date(2024, 1, 1) + dt.timedelta(days=weekday), "l")


def format_time(value: dt.time | dt.datetime) -> str:
    return value.strftime("%H:%M")


def format_range(time_range: TimeRange) -> str:
    if time_range.overnight:
        return _("%(opens)s – %(closes)s (next day)") % {
            "opens": format_time(time_range.opens),
            "closes": format_time(time_range.closes),
        }
    return pgettext("opening hours range", "%(opens)s – %(closes)s") % {
        "opens": format_time(time_range.opens),
        "closes": format_time(time_range.closes),
    }


def format_ranges(ranges: Iterable[TimeRange]) -> str:
    ranges = list(ranges)
    if not ranges:
        return _("Closed")
    return ", ".join(format_range(r) for r in ranges)


def describe_status(status: OpeningStatus) -> str:
    """One sentence: "Open now, until 17:00", "Opens today at 14:00", "Closed today (…)"."""
    if not status.has_hours:
        return ""
    today = status.now.date()
    if status.is_open:
        closes = status.closes_at.astimezone(status.now.tzinfo)
        if closes.date() == today:
            return _("Open now, until %(time)s") % {"time": format_time(closes)}
        return _("Open now, until %(time)s tomorrow") % {"time": format_time(closes)}
    nxt = status.next_opening.astimezone(status.now.tzinfo) if status.next_opening else None
    if nxt is None:
        when = ""
    elif nxt.date() == today:
        when = _("Opens today at %(time)s.") % {"time": format_time(nxt)}
    elif nxt.date() == today + dt.timedelta(days=1):
        when = _("Opens tomorrow at %(time)s.") % {"time": format_time(nxt)}
    elif (nxt.date() - today).days < 7:
        when = _("Opens on %(day)s at %(time)s.") % {
            "day": weekday_name(nxt.weekday()),
            "time": format_time(nxt),
        }
    else:
        when = _("Opens on %(date)s at %(time)s.") % {
            "date": formats.date_format(nxt.date(), "DATE_FORMAT"),
            "time": format_time(nxt),
        }
    if status.closed_today_reason:
        head = _("Closed today (%(reason)s).") % {"reason": status.closed_today_reason}
    else:
        head = _("Closed now.")
    return f"{head} {when}".strip()
