"""Rule expansion in wall time, holiday lookups and occurrence synchronisation.

Rules are expanded on *naive* Europe/Brussels datetimes (a 14:00 workshop is at 14:00 on
both sides of a DST change) and made aware only afterwards. The RecurrenceField holds the
rule alone: the series' own start date and time are the DTSTART, so django-recurrence
never serialises a DTSTART (its UTC serialisation would shift times after DST).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import recurrence
from dateutil import rrule as du_rrule

from . import conf

SUPPORTED_FREQUENCIES = (recurrence.YEARLY, recurrence.MONTHLY, recurrence.WEEKLY, recurrence.DAILY)
# A daily rule without an end over 18 months gives ~550 dates; this caps a runaway rule.
MAX_INSTANCES = 5000


def make_aware(local: datetime) -> datetime:
    """A naive Brussels wall-clock datetime made aware (fold=0: the first of two, in a gap
    the offset before the change)."""
    return local.replace(tzinfo=conf.local_zone())


def to_local_naive(value: datetime) -> datetime:
    return value.astimezone(conf.local_zone()).replace(tzinfo=None)


def inclusive_until(until: datetime | None) -> datetime | None:
    """An UNTIL chosen as a date in the widget arrives as midnight: editors mean "up to and
    including that day", so midnight becomes the end of that day."""
    if until is None:
        return None
    if until.tzinfo is not None:
        until = to_local_naive(until)
    if until.time() == time(0, 0):
        return datetime.combine(until.date(), time(23, 59, 59))
    return until


def _dateutil_rule(rule: recurrence.Rule, dtstart: datetime) -> du_rrule.rrule:
    kwargs = {p: (getattr(rule, p) or None) for p in rule.byparams}
    kwargs["byweekday"] = kwargs.pop("byday")
    return du_rrule.rrule(
        rule.freq,
        dtstart=dtstart,
        interval=rule.interval or 1,
        wkst=rule.wkst,
        count=rule.count,
        until=inclusive_until(rule.until),
        **kwargs,
    )


def expand(
    rule: recurrence.Recurrence | None,
    dtstart: datetime,
    until: datetime,
    *,
    after: datetime | None = None,
) -> list[datetime]:
    """Naive local start datetimes of a series between ``after`` (inclusive) and ``until``
    (inclusive).

    - no rule (or an empty one): the single date ``dtstart``;
    - rules: only dates that match them; ``dtstart`` itself is *not* added when it does
      not match (django-recurrence's ``include_dtstart`` would add it);
    - RDATEs: extra dates at the series' start time; EXDATEs: removed by date.
    """
    if rule is None or not (rule.rrules or rule.rdates):
        instances = [dtstart]
    else:
        ruleset = du_rrule.rruleset()
        for item in rule.rrules:
            ruleset.rrule(_dateutil_rule(item, dtstart))
        if not rule.rrules:
            # Only extra dates: the start date is the first of them.
            ruleset.rdate(dtstart)
        for item in rule.exrules:
            ruleset.exrule(_dateutil_rule(item, dtstart))
        for rdate in rule.rdates:
            if rdate.tzinfo is not None:
                rdate = to_local_naive(rdate)
            ruleset.rdate(datetime.combine(rdate.date(), dtstart.time()))
        instances = []
        for value in ruleset.xafter(after or dtstart, inc=True):
            if value > until or len(instances) >= MAX_INSTANCES:
                break
            if value >= dtstart:
                instances.append(value)
    excluded = set()
    if rule is not None:
        for exdate in rule.exdates:
            if exdate.tzinfo is not None:
                exdate = to_local_naive(exdate)
            excluded.add(exdate.date())
    low = after or dtstart
    return [v for v in instances if low <= v <= until and v.date() not in excluded]


@dataclass
class HolidayIndex:
    """Every public and school holiday day in a date range, loaded in one query."""

    public: set[date] = field(default_factory=set)
    school: dict[str, set[date]] = field(default_factory=dict)

    @classmethod
    def load(cls, start: date, end: date) -> HolidayIndex:
        from .models import CalendarPeriod

        index = cls()
        periods = CalendarPeriod.objects.filter(start_date__lte=end, end_date__gte=start)
        for period in periods.only("kind", "community", "start_date", "end_date"):
            day = max(period.start_date, start)
            last = min(period.end_date, end)
            target = (
                index.public
                if period.kind == CalendarPeriod.Kind.PUBLIC_HOLIDAY
                else index.school.setdefault(period.community, set())
            )
            while day <= last:
                target.add(day)
                day += timedelta(days=1)
        return index

    def is_public_holiday(self, day: date) -> bool:
        return day in self.public

    def is_school_holiday(self, day: date, community: str) -> bool:
        return day in self.school.get(community, ())


def filter_holidays(instances: Iterable[datetime], series, holidays: HolidayIndex):
    from .models import Series

    mode = series.school_holidays
    for value in instances:
        day = value.date()
        if series.skip_public_holidays and holidays.is_public_holiday(day):
            continue
        in_school_holiday = holidays.is_school_holiday(day, series.school_calendar)
        if mode == Series.SchoolHolidays.SKIP and in_school_holiday:
            continue
        if mode == Series.SchoolHolidays.ONLY and not in_school_holiday:
            continue
        yield value


def horizon_end(now: datetime) -> datetime:
    """The naive local end of the rolling horizon seen from ``now``."""
    from dateutil.relativedelta import relativedelta

    local_now = to_local_naive(now)
    return datetime.combine(
        (local_now + relativedelta(months=conf.horizon_months())).date(), time(23, 59, 59)
    )


@dataclass
class SyncResult:
    created: int = 0
    updated: int = 0
    deleted: int = 0

    def __iadd__(self, other: SyncResult) -> SyncResult:
        self.created += other.created
        self.updated += other.updated
        self.deleted += other.deleted
        return self
