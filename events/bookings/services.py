"""The one way bookings are written: ``save_bookings``. Every path (admin form, approval,
recurring bookings and their edits, partner requests, workshop dates, import) ends here.

How the guarantee holds:
- SQLite: ``transaction.atomic()`` opens ``BEGIN IMMEDIATE`` (settings'
  ``transaction_mode``), which takes the database write lock *before* the conflict query.
  Check and insert are therefore serialised: a second writer waits, then sees the first
  one's row and reports a clash.
- PostgreSQL: the same check runs first (for a friendly message in the common case), and
  the exclusion constraint ``events_booking_no_overlap`` referees the race: two
  transactions that both passed the check cannot both commit. The loser's IntegrityError
  is caught here and turned into the same clash message (the winner's row is visible by
  then: the constraint waits for the other transaction to finish).
"""

from __future__ import annotations

import itertools
import logging
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .. import scheduling
from ..models import Occurrence, Room, Series
from .models import Booking
from .rules import APPROVE_PERMISSION, RuleContext, check_booking

logger = logging.getLogger(__name__)


class BookingError(Exception):
    def __init__(self, messages):
        self.messages = list(messages)
        super().__init__("; ".join(str(m) for m in self.messages))


class RuleViolation(BookingError):
    pass


class BookingConflict(BookingError):
    def __init__(self, conflicts, user=None):
        self.conflicts = conflicts
        super().__init__([c.message(user) for c in conflicts])


@dataclass
class Conflict:
    booking: Booking  # the one being written
    holder: Booking | None  # what holds the room (None: another date of the same request)

    def message(self, user=None) -> str:
        start = timezone.localtime(self.booking.start)
        if self.holder is None:
            holder = _("another date of this request")
        else:
            holder = self.holder.holder_label_for(user)
            start_h = timezone.localtime(self.holder.start)
            end_h = timezone.localtime(self.holder.end)
            holder = _("%(holder)s, %(start)s–%(end)s") % {
                "holder": holder,
                "start": formats.time_format(start_h, "TIME_FORMAT"),
                "end": formats.time_format(end_h, "TIME_FORMAT"),
            }
        return _("%(room)s is already booked on %(date)s at %(time)s: %(holder)s.") % {
            "room": self.booking.room,
            "date": formats.date_format(start, "DATE_FORMAT"),
            "time": formats.time_format(start, "TIME_FORMAT"),
            "holder": holder,
        }


def find_conflicts(bookings: list[Booking], exclude=()) -> list[Conflict]:
    """Confirmed bookings (buffers included) that overlap the given ones, in one query per
    room, plus overlaps between the given bookings themselves."""
    conflicts: list[Conflict] = []
    by_room: dict[int, list[Booking]] = {}
    for booking in bookings:
        booking.set_blocked_range()
        if booking.status == Booking.Status.CONFIRMED:
            by_room.setdefault(booking.room_id, []).append(booking)
    for room_id, items in by_room.items():
        own = [b.pk for b in items if b.pk] + list(exclude)
        low = min(b.blocked_start for b in items)
        high = max(b.blocked_end for b in items)
        # Only (pk, range) tuples for the envelope: a 40-week series scans ~1,000 rows,
        # and full model instances are loaded for the holders that clash only.
        existing = list(
            Booking.objects.confirmed()
            .filter(room_id=room_id)
            .overlapping(low, high)
            .exclude(pk__in=own)
            .order_by("blocked_start")
            .values_list("pk", "blocked_start", "blocked_end")
        )
        starts = [e[1] for e in existing]
        max_len = max((e[2] - e[1] for e in existing), default=timedelta(0))
        found = []
        for booking in items:
            # Candidates start before the booking's blocked end and after its start minus
            # the longest existing booking: a bisect instead of a scan of every row.
            i = bisect_left(starts, booking.blocked_start - max_len)
            while i < len(existing) and existing[i][1] < booking.blocked_end:
                if existing[i][2] > booking.blocked_start:
                    found.append((booking, existing[i][0]))
                    break
                i += 1
        if found:
            holders = Booking.objects.select_related("group", "room").in_bulk(
                [pk for _b, pk in found]
            )
            conflicts.extend(Conflict(booking, holders[pk]) for booking, pk in found)
        ordered = sorted(items, key=lambda b: b.blocked_start)
        for previous, following in itertools.pairwise(ordered):
            if following.blocked_start < previous.blocked_end:
                conflicts.append(Conflict(following, None))
    return conflicts


def save_bookings(bookings: list[Booking], ctx: RuleContext, *, action: str = "wagtail.edit"):
    """Check the rules, then check conflicts and write, all-or-nothing.

    Raises RuleViolation or BookingConflict; nothing is written then."""
    errors = []
    for booking in bookings:
        if booking.status in (Booking.Status.CONFIRMED, Booking.Status.REQUESTED):
            errors.extend(check_booking(booking, ctx))
    if errors:
        raise RuleViolation(dict.fromkeys(errors))  # unique, in order
    try:
        with transaction.atomic():
            conflicts = find_conflicts(bookings)
            if conflicts:
                raise BookingConflict(conflicts, ctx.user)
            for booking in bookings:
                created = booking.pk is None
                booking.save()
                log(booking, "wagtail.create" if created else action, user=_user(ctx))
    except IntegrityError as error:
        # PostgreSQL's exclusion constraint refereed a race we could not see.
        conflicts = find_conflicts(bookings)
        for booking in bookings:
            if booking.pk and not Booking.objects.filter(pk=booking.pk).exists():
                booking.pk = None
        if not conflicts:
            raise
        raise BookingConflict(conflicts, ctx.user) from error
    return bookings


def _user(ctx):
    user = ctx.user
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def initial_status(room: Room, user) -> str:
    if not room.requires_approval or (user is not None and user.has_perm(APPROVE_PERMISSION)):
        return Booking.Status.CONFIRMED
    return Booking.Status.REQUESTED


# -- status changes ---------------------------------------------------------------------


def approve(booking: Booking, user, reason: str = "") -> Booking:
    """Confirm a request: checked like any new booking (its slot may be taken now)."""
    booking.status = Booking.Status.CONFIRMED
    booking.decided_by = user
    booking.decided_at = timezone.now()
    booking.reason = reason
    ctx = RuleContext(user=user, source=booking.source, check_window=False)
    if booking.source == Booking.Source.PARTNER:
        ctx = RuleContext(user=None, source=Booking.Source.PARTNER, check_window=False)
    try:
        save_bookings([booking], ctx, action="events.booking.approve")
    except BookingError:
        booking.status = Booking.Status.REQUESTED
        raise
    _notify(booking)
    return booking


def reject(booking: Booking, user, reason: str) -> Booking:
    with transaction.atomic():
        booking.status = Booking.Status.REJECTED
        booking.decided_by = user
        booking.decided_at = timezone.now()
        booking.reason = reason
        booking.save()
        log(booking, "events.booking.reject", user=user, data={"reason": reason})
    _notify(booking)
    return booking


def cancel(booking: Booking, user, reason: str = "") -> Booking:
    """Soft: the row stays, with its reason, and frees the slot."""
    with transaction.atomic():
        booking.status = Booking.Status.CANCELLED
        booking.reason = reason
        booking.save()
        log(booking, "events.booking.cancel", user=user, data={"reason": reason})
    return booking


def _notify(booking: Booking) -> None:
    """The decision email, in the requester's language, once the decision is committed
    (a background task: the approver's request does not wait on the mail server)."""
    if booking.source == Booking.Source.PARTNER and booking.contact_email:
        from .emails import send_decision

        send_decision(booking)


# -- recurring bookings -----------------------------------------------------------------


@dataclass
class RecurrenceSpec:
    frequency: str = "weekly"  # weekly | monthly (by weekday, e.g. 2nd Tuesday)
    interval: int = 1
    until: date | None = None
    count: int | None = None
    skip_school_holidays: bool = False
    skip_public_holidays: bool = True

    def rule(self, first: date):
        import recurrence

        if self.frequency == "monthly":
            nth = (first.day - 1) // 7 + 1
            byday = [recurrence.Weekday(first.weekday(), nth if nth < 5 else -1)]
            freq = recurrence.MONTHLY
        else:
            byday = [recurrence.Weekday(first.weekday())]
            freq = recurrence.WEEKLY
        until = datetime.combine(self.until, time(23, 59, 59)) if self.until else None
        return recurrence.Recurrence(
            rrules=[
                recurrence.Rule(
                    freq,
                    interval=self.interval or 1,
                    byday=byday,
                    until=until,
                    count=None if until else self.count,
                )
            ]
        )


@dataclass
class PreviewRow:
    booking: Booking
    conflicts: list[Conflict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.conflicts and not self.errors

    @property
    def day(self) -> date:
        return timezone.localtime(self.booking.start).date()


def plan_series(template: Booking, spec: RecurrenceSpec, now: datetime | None = None):
    """An unsaved Series and one unsaved Booking per date (holidays applied), using the
    events expander (wall time in Brussels)."""
    local_start = timezone.localtime(template.start).replace(tzinfo=None)
    duration = template.end - template.start
    series = Series(
        page=None,
        title=template.purpose[:120],
        start_date=local_start.date(),
        start_time=local_start.time(),
        duration_minutes=max(1, int(duration.total_seconds() // 60)),
        recurrence=spec.rule(local_start.date()),
        room=template.room,
        school_holidays=(
            Series.SchoolHolidays.SKIP
            if spec.skip_school_holidays
            else Series.SchoolHolidays.IGNORE
        ),
        skip_public_holidays=spec.skip_public_holidays,
    )
    until = scheduling.horizon_end(now or timezone.now())
    holidays = scheduling.HolidayIndex.load(series.start_date, until.date())
    bookings = []
    for value in series.instances(until, holidays=holidays):
        start = scheduling.make_aware(value)
        bookings.append(_copy(template, start=start, end=scheduling.make_aware(value + duration)))
    return series, bookings


def _copy(template: Booking, **changes) -> Booking:
    values = {
        f.attname: getattr(template, f.attname)
        for f in Booking._meta.concrete_fields
        if f.name not in ("id", "uuid", "created_at", "updated_at", "occurrence", "series")
    }
    values.update(changes)
    booking = Booking(**values)
    booking.room = template.room
    return booking


def preview(bookings: list[Booking], ctx: RuleContext) -> list[PreviewRow]:
    rows = {id(b): PreviewRow(b) for b in bookings}
    for conflict in find_conflicts(bookings):
        rows[id(conflict.booking)].conflicts.append(conflict)
    for booking in bookings:
        rows[id(booking)].errors = check_booking(booking, ctx)
    return list(rows.values())


@transaction.atomic
def create_recurring(
    template: Booking, spec: RecurrenceSpec, ctx: RuleContext, skip: set[date] = frozenset()
):
    """All-or-nothing: the series, its dates and one booking per date, minus the dates the
    user chose to skip (stored as EXDATEs). Any remaining conflict or rule error raises and
    rolls everything back."""
    series, planned = plan_series(template, spec, ctx.now)
    planned = [b for b in planned if timezone.localtime(b.start).date() not in skip]
    if not planned:
        raise RuleViolation([_("No date is left to book.")])
    for day in sorted(skip):
        series.recurrence.exdates.append(datetime.combine(day, time(0, 0)))
    series.save()
    series.sync_occurrences(now=min(ctx.now, planned[0].start))
    occurrences = {o.original_date: o for o in series.occurrences.all()}
    for booking in planned:
        booking.series = series
        booking.occurrence = occurrences.get(timezone.localtime(booking.start).date())
    save_bookings(planned, ctx)
    return series, planned


def _future_bookings(series: Series, from_day: date | None = None, now: datetime | None = None):
    qs = series.bookings.exclude(
        status__in=[Booking.Status.CANCELLED, Booking.Status.REJECTED]
    ).filter(start__gte=now or timezone.now())
    if from_day is not None:
        qs = qs.filter(start__gte=scheduling.make_aware(datetime.combine(from_day, time(0))))
    return list(qs.select_related("room", "occurrence"))


@transaction.atomic
def edit_this(booking: Booking, ctx: RuleContext, *, start=None, end=None, room=None):
    """Move one date (of a recurring booking, or a single booking)."""
    if start is not None:
        duration = booking.end - booking.start
        booking.start = start
        booking.end = end or start + duration
    elif end is not None:
        booking.end = end
    if room is not None:
        booking.room = room
    save_bookings([booking], ctx)
    if booking.occurrence_id:
        occurrence = booking.occurrence
        occurrence.start, occurrence.end, occurrence.room = booking.start, booking.end, booking.room
        occurrence.status = Occurrence.Status.MOVED
        occurrence.save()
    return booking


@transaction.atomic
def edit_all(series: Series, ctx: RuleContext, *, start_time=None, end_time=None, room=None):
    """Change the time or room of every future date (past dates are history)."""
    if start_time is not None:
        series.start_time = start_time
    if end_time is not None:
        series.end_time, series.duration_minutes = end_time, None
    if room is not None:
        series.room = room
    series.save()
    series.sync_occurrences(now=ctx.now)
    bookings = _future_bookings(series, now=ctx.now)
    for booking in bookings:
        occurrence = booking.occurrence
        if occurrence is None:
            continue
        booking.start, booking.end = occurrence.start, occurrence.end
        booking.room = occurrence.room or series.room
    save_bookings(bookings, ctx)
    return bookings


@transaction.atomic
def edit_following(
    booking: Booking, ctx: RuleContext, *, start_time=None, end_time=None, room=None
):
    """Split the series at this date: the old one ends the day before, a new one (same
    rule) starts on this date with the new time or room. All-or-nothing."""
    series = booking.series
    day = timezone.localtime(booking.start).date()
    rule = series.recurrence
    old_rule = rule.rrules[0]
    future = _future_bookings(series, day, now=ctx.now)
    for item in future:
        item.status = Booking.Status.CANCELLED
        item.reason = _("Replaced by a change to this and following dates.")
        item.save()
    # End the old series the day before.
    from copy import deepcopy

    new_rule = deepcopy(rule)
    # The new series ends where the old one did (a COUNT becomes that last date).
    last_day = series.occurrences.order_by("-original_date").values_list(
        "original_date", flat=True
    )[:1]
    if last_day:
        new_rule.rrules[0].until = datetime.combine(last_day[0], time(23, 59, 59))
        new_rule.rrules[0].count = None
    old_rule.until = datetime.combine(day - timedelta(days=1), time(23, 59, 59))
    old_rule.count = None
    series.save()
    Occurrence.objects.filter(series=series, original_date__gte=day).delete()
    local = timezone.localtime(booking.start)
    start_t = start_time or local.time()
    if end_time is not None:
        minutes = (
            datetime.combine(day, end_time) - datetime.combine(day, start_t)
        ).total_seconds() // 60
    else:
        minutes = (booking.end - booking.start).total_seconds() // 60
    new_series = Series.objects.create(
        page=None,
        title=series.title,
        start_date=day,
        start_time=start_t,
        duration_minutes=int(minutes),
        recurrence=new_rule,
        room=room or series.room,
        school_holidays=series.school_holidays,
        school_calendar=series.school_calendar,
        skip_public_holidays=series.skip_public_holidays,
    )
    new_series.sync_occurrences(now=ctx.now)
    created = []
    for occurrence in new_series.occurrences.all():
        created.append(
            _copy(
                booking,
                start=occurrence.start,
                end=occurrence.end,
                room_id=occurrence.room_id,
                status=booking.status,
                series=new_series,
                occurrence=occurrence,
            )
        )
    for item in created:
        item.room = new_series.room
        item.series = new_series
    save_bookings(created, ctx)
    return new_series, created


@transaction.atomic
def cancel_series(series: Series, user, reason: str = "", from_day=None, now=None):
    """Cancel every future date (or from ``from_day`` on); past dates stay."""
    items = _future_bookings(series, from_day, now=now)
    for booking in items:
        cancel(booking, user, reason)
        if booking.occurrence_id:
            booking.occurrence.cancel(reason)
    return items


# -- workshops: a series with a room holds one confirmed booking per date ----------------


def sync_series_bookings(series: Series, now: datetime | None = None) -> list[Conflict]:
    """For a page's series: each future scheduled or moved date with a room holds a
    confirmed booking; cancelled dates (or dates without a room) free theirs. Dates whose
    slot is taken get no booking and are returned (and logged): publishing never fails
    with an error page; the admin shows the same conflicts before publishing."""
    if series.page_id is None:
        return []
    now = now or timezone.now()
    conflicts: list[Conflict] = []
    occurrences = series.occurrences.filter(end__gt=now).select_related("room")
    existing = {
        b.occurrence_id: b
        for b in Booking.objects.filter(occurrence__in=occurrences).select_related("room")
    }
    for occurrence in occurrences:
        conflicts.extend(sync_occurrence_booking(occurrence, existing.get(occurrence.pk), now))
    return conflicts


def _workshop_purpose(occurrence: Occurrence) -> str:
    series = occurrence.series
    title = series.page.title if series.page_id else series.title
    return (f"{title} \u2013 {series.title}" if series.title and series.page_id else title)[:200]


def sync_occurrence_booking(occurrence: Occurrence, booking=None, now=None) -> list[Conflict]:
    if occurrence.series.page_id is None:
        return []  # a recurring staff booking: its service functions handle the booking
    if booking is None:
        booking = Booking.objects.filter(occurrence=occurrence).first()
    wanted = occurrence.status != Occurrence.Status.CANCELLED and occurrence.room_id is not None
    if not wanted:
        if booking is not None and booking.status == Booking.Status.CONFIRMED:
            cancel(booking, None, occurrence.note or _("Workshop date cancelled."))
        return []
    if booking is None:
        booking = Booking(
            occurrence=occurrence,
            source=Booking.Source.WORKSHOP,
            purpose=_workshop_purpose(occurrence),
        )
    elif booking.status == Booking.Status.CONFIRMED and (
        booking.start,
        booking.end,
        booking.room_id,
    ) == (occurrence.start, occurrence.end, occurrence.room_id):
        return []
    booking.start, booking.end = occurrence.start, occurrence.end
    booking.room = occurrence.room
    booking.status = Booking.Status.CONFIRMED
    ctx = RuleContext(source=Booking.Source.WORKSHOP, check_window=False, now=now or timezone.now())
    try:
        save_bookings([booking], ctx)
    except BookingConflict as error:
        logger.warning("Workshop date %s not booked: %s", occurrence.pk, error)
        return error.conflicts
    except RuleViolation as error:
        logger.warning("Workshop date %s not booked: %s", occurrence.pk, error)
        return []
    return []


def workshop_conflicts(series: Series, now: datetime | None = None) -> list[Conflict]:
    """The dates an (unsaved or edited) workshop series would clash on: the preview shown
    before publishing."""
    if series.room_id is None:
        return []
    now = now or timezone.now()
    until = scheduling.horizon_end(now)
    holidays = scheduling.HolidayIndex.load(series.start_date, until.date())
    duration = series.duration
    # Dates cancelled or moved in Calendar > Dates are not booked at their original slot.
    handled = set()
    if series.pk:
        handled = set(
            Occurrence.objects.filter(series_id=series.pk)
            .exclude(status=Occurrence.Status.SCHEDULED)
            .values_list("original_date", flat=True)
        )
    planned = [
        Booking(
            room=series.room,
            start=scheduling.make_aware(v),
            end=scheduling.make_aware(v + duration),
            status=Booking.Status.CONFIRMED,
            purpose=series.title or "",
        )
        for v in series.instances(until, after=scheduling.to_local_naive(now), holidays=holidays)
        if v.date() not in handled
    ]
    own = set()
    if series.pk:
        own = set(
            Booking.objects.filter(occurrence__series_id=series.pk).values_list("pk", flat=True)
        )
    return find_conflicts(planned, exclude=own)
