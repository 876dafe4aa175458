"""Scheduling: rooms, recurring series, materialised occurrences, holiday calendars, and
the public pages that show them (CalendarPage, EventPage).

- A ``Series`` is what repeats: a local start date and time, a duration, a rule. It belongs
  to a page through a ParentalKey to ``wagtailcore.Page`` (related name ``series``), so any
  page type can edit its series inline (``InlinePanel("series")``) without this app
  importing that page type.
- An ``Occurrence`` is one dated instance, stored with aware start/end. Calendars, lists,
  feeds (and, later, room conflicts) query this table by range; rules are expanded only
  when a series is published or the horizon is extended.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from recurrence.fields import RecurrenceField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField

from maison.core.blocks import BaseStreamBlock
from maison.core.models import BasePage

from . import calendar_data, scheduling
from .forms import LocalRecurrenceFormField, RecurrenceAdminWidget
from .metadata import series_metadata
from .page_forms import EventPageForm


class Room(index.Indexed, ClusterableModel):
    """A room of the Maison: its facts, who may book it and the booking rules (opening
    hours and closures are inline rows, see ``events.bookings.models``)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    floor = models.SmallIntegerField(
        _("floor"), null=True, blank=True, help_text=_("0 for the ground floor.")
    )
    capacity = models.PositiveSmallIntegerField(_("capacity"), null=True, blank=True)
    surface = models.PositiveSmallIntegerField(_("surface (m²)"), null=True, blank=True)
    step_free = models.BooleanField(
        _("step-free access"),
        default=False,
        help_text=_("Reachable without steps (lift or ramp), for wheelchairs and buggies."),
    )
    accessible_toilet = models.BooleanField(_("accessible toilet nearby"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    accessibility_notes = models.CharField(
        _("other accessibility facts"), max_length=255, blank=True
    )
    projector = models.BooleanField(_("projector"), default=False)
    kitchen = models.BooleanField(_("kitchen"), default=False)
    sound_system = models.BooleanField(_("sound system"), default=False)
    sports_floor = models.BooleanField(_("sports floor"), default=False)
    whiteboard = models.BooleanField(_("whiteboard"), default=False)
    photo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confidential = models.BooleanField(
        _("confidential (interview room)"),
        default=False,
        help_text=_("Bookings are private by default; purposes are never shown to other staff."),
    )
    bookable = models.BooleanField(_("bookable"), default=True)
    partner_requests = models.BooleanField(
        _("partners may request it"),
        default=False,
        help_text=_("Shown on the public free/busy page with a request form."),
    )
    booking_groups = models.ManyToManyField(
        "auth.Group",
        verbose_name=_("groups that may book it"),
        blank=True,
        related_name="bookable_rooms",
        help_text=_("Empty: every booker may book it."),
    )
    requires_approval = models.BooleanField(_("bookings need approval"), default=False)
    buffer_before = models.PositiveSmallIntegerField(
        _("buffer before (minutes)"), default=0, help_text=_("Set-up time kept free before.")
    )
    buffer_after = models.PositiveSmallIntegerField(
        _("buffer after (minutes)"), default=0, help_text=_("Cleaning time kept free after.")
    )
    min_duration = models.PositiveSmallIntegerField(_("minimum duration (minutes)"), default=15)
    max_duration = models.PositiveSmallIntegerField(
        _("maximum duration (minutes)"), null=True, blank=True
    )
    max_advance_days = models.PositiveSmallIntegerField(
        _("bookable up to (days ahead)"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    min_notice_hours = models.PositiveSmallIntegerField(_("minimum notice (hours)"), default=0)

    panels = [
        "name",
        FieldRowPanel(["floor", "capacity", "surface"]),
        "photo",
        MultiFieldPanel(
            [
                FieldRowPanel(["step_free", "accessible_toilet", "hearing_loop"]),
                "accessibility_notes",
            ],
            heading=_("Accessibility"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(["projector", "kitchen", "sound_system"]),
                FieldRowPanel(["sports_floor", "whiteboard"]),
            ],
            heading=_("Equipment"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(["bookable", "confidential", "partner_requests"]),
                "booking_groups",
                "requires_approval",
                FieldRowPanel(["buffer_before", "buffer_after"]),
                FieldRowPanel(["min_duration", "max_duration"]),
                FieldRowPanel(["max_advance_days", "min_notice_hours"]),
            ],
            heading=_("Booking rules"),
        ),
        MultiFieldPanel(
            [
                InlinePanel("weekly_hours", label=_("Weekly opening range")),
                InlinePanel("hours_exceptions", label=_("Closure or special hours")),
            ],
            heading=_("Opening hours (empty: always open)"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    EQUIPMENT = ("projector", "kitchen", "sound_system", "sports_floor", "whiteboard")

    class Meta:
        ordering = ["name"]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")

    def __str__(self) -> str:
        return self.name

    @property
    def equipment(self) -> list[str]:
        return [
            str(self._meta.get_field(f).verbose_name) for f in self.EQUIPMENT if getattr(self, f)
        ]

    @cached_property
    def opening_hours(self):
        from maison.services.opening_hours import OpeningHours

        return OpeningHours(
            weekly=[row.as_range() for row in self.weekly_hours.all()],
            exceptions=[row.as_exception() for row in self.hours_exceptions.all()],
        )


class CalendarPeriod(models.Model):
    """A public holiday or a school-holiday period of one community, loaded from
    ``events/calendar_data.py`` by ``manage.py load_calendars`` and editable afterwards."""

    class Kind(models.TextChoices):
        PUBLIC_HOLIDAY = calendar_data.PUBLIC_HOLIDAY, _("public holiday")
        SCHOOL_HOLIDAY = calendar_data.SCHOOL_HOLIDAY, _("school holidays")

    class Community(models.TextChoices):
        NATIONAL = calendar_data.NATIONAL, _("Belgium (national)")
        BRUSSELS = calendar_data.BRUSSELS, _("Brussels-Capital Region")
        FWB = calendar_data.FWB, _("Fédération Wallonie-Bruxelles (French-speaking schools)")
        VL = calendar_data.VL, _("Flemish Community (Dutch-speaking schools)")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    community = models.CharField(_("applies to"), max_length=20, choices=Community.choices)
    key = models.SlugField(
        _("key"), max_length=40, help_text=_("Stable identifier, e.g. 'autumn' or 'easter_monday'.")
    )
    name = models.CharField(_("name"), max_length=120)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    year = models.CharField(
        _("year"), max_length=9, help_text=_("Calendar year (2026) or school year (2026-2027).")
    )
    source = models.CharField(_("source"), max_length=255, blank=True)

    panels = [
        FieldRowPanel(["kind", "community"]),
        FieldRowPanel(["name", "key"]),
        FieldRowPanel(["start_date", "end_date"]),
        FieldRowPanel(["year", "source"]),
    ]

    class Meta:
        ordering = ["start_date", "community"]
        verbose_name = _("holiday period")
        verbose_name_plural = _("holiday calendars")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "community", "key", "year"], name="events_period_unique_key"
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="events_period_end_after_start",
            ),
        ]
        indexes = [models.Index(fields=["start_date", "end_date"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_community_display()}, {self.year})"

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first day.")})


class LocalRecurrenceField(RecurrenceField):
    """A rule only (no DTSTART/DTEND), edited with the admin widget set up for Wagtail."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("include_dtstart", False)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        defaults = {"form_class": LocalRecurrenceFormField, "widget": RecurrenceAdminWidget}
        defaults.update(kwargs)
        return super().formfield(**defaults)


class Series(Orderable):
    """Something that happens once or repeats: a workshop's weekly session, an open day."""

    class SchoolHolidays(models.TextChoices):
        IGNORE = "ignore", _("Runs whether or not it is a school holiday")
        SKIP = "skip", _("Skip school holidays")
        ONLY = "only", _("Only during school holidays (holiday course)")

    page = ParentalKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="series",
        null=True,
        blank=True,
        verbose_name=_("page"),
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(
        _("label"),
        max_length=120,
        blank=True,
        help_text=_("Optional, e.g. 'Group 12-15 years'. Shown next to the page title."),
    )
    start_date = models.DateField(
        _("first date"), help_text=_("With a rule: the rule applies from this date.")
    )
    start_time = models.TimeField(_("start time"), help_text=_("Local time in Brussels."))
    end_time = models.TimeField(
        _("end time"),
        null=True,
        blank=True,
        help_text=_("Earlier than the start time means it ends the next day."),
    )
    duration_minutes = models.PositiveIntegerField(
        _("or duration (minutes)"), null=True, blank=True
    )
    recurrence = LocalRecurrenceField(
        verbose_name=_("repeats"),
        blank=True,
        null=True,
        help_text=_(
            "Leave empty for a single date. Add a rule, e.g. weekly on Wednesday until 24 June."
        ),
    )
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="series",
    )
    school_holidays = models.CharField(
        _("school holidays"),
        max_length=10,
        choices=SchoolHolidays.choices,
        default=SchoolHolidays.IGNORE,
    )
    school_calendar = models.CharField(
        _("school calendar"),
        max_length=10,
        choices=[
            (calendar_data.FWB, _("Fédération Wallonie-Bruxelles")),
            (calendar_data.VL, _("Flemish Community")),
        ],
        default=calendar_data.FWB,
    )
    skip_public_holidays = models.BooleanField(_("skip public holidays"), default=True)
    # Copied from the owner page on publish (see SeriesOwnerMixin.get_series_metadata), so
    # that calendar filters stay SQL on the occurrence table whatever owns the series.
    min_age = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    max_age = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    # Pôle and place as the translation key of their page (the same in every language),
    # needs and audiences as their stable slugs, packed ",a,b," for a SQL `contains`.
    pole_key = models.UUIDField(null=True, blank=True, editable=False, db_index=True)
    place_key = models.UUIDField(null=True, blank=True, editable=False, db_index=True)
    need_slugs = models.CharField(max_length=500, blank=True, default="", editable=False)
    audience_slugs = models.CharField(max_length=500, blank=True, default="", editable=False)
    generated_until = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="End of the window occurrences were materialised for.",
    )

    panels = [
        "title",
        FieldRowPanel(["start_date", "start_time", "end_time", "duration_minutes"]),
        "recurrence",
        FieldRowPanel(["school_holidays", "school_calendar", "skip_public_holidays"]),
        "room",
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("dates")
        verbose_name_plural = _("dates")

    def __str__(self) -> str:
        owner = self.page.title if self.page_id and self.page else _("(no page)")
        return f"{owner} \u2013 {self.title}" if self.title else str(owner)

    # -- times ---------------------------------------------------------------------------

    @property
    def duration(self) -> timedelta:
        if self.end_time is not None:
            start = datetime.combine(date(2000, 1, 3), self.start_time)
            end = datetime.combine(date(2000, 1, 3), self.end_time)
            if end <= start:
                end += timedelta(days=1)
            return end - start
        return timedelta(minutes=self.duration_minutes or 60)

    @property
    def local_dtstart(self) -> datetime:
        return datetime.combine(self.start_date, self.start_time)

    def clean(self):
        errors = {}
        if self.end_time is None and not self.duration_minutes:
            errors["end_time"] = _("Give an end time or a duration.")
        if self.duration_minutes is not None and self.duration_minutes > 24 * 60 * 14:
            errors["duration_minutes"] = _("A date lasts at most two weeks.")
        rule = self.recurrence
        if rule is not None:
            for item in rule.rrules:
                if item.freq not in scheduling.SUPPORTED_FREQUENCIES:
                    errors["recurrence"] = _("Repeat yearly, monthly, weekly or daily.")
                until = scheduling.inclusive_until(item.until)
                if until is not None and self.start_date and until.date() < self.start_date:
                    errors["recurrence"] = _("The rule ends before the first date.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.recurrence is not None:
            # Never store a DTSTART/DTEND in the rule: the series' own local start is the
            # DTSTART (django-recurrence would serialise it in UTC and shift it after DST).
            self.recurrence.dtstart = None
            self.recurrence.dtend = None
        super().save(*args, **kwargs)

    def instances(self, until: datetime, *, after: datetime | None = None, holidays=None):
        """Naive local start datetimes of this series up to ``until`` (holidays applied
        when an index is given)."""
        values = scheduling.expand(self.recurrence, self.local_dtstart, until, after=after)
        if holidays is not None:
            values = list(scheduling.filter_holidays(values, self, holidays))
        return values

    # -- occurrences ---------------------------------------------------------------------

    @transaction.atomic
    def sync_occurrences(self, now: datetime | None = None, holidays=None):
        """Create, update or delete occurrences so that they match the rule up to the
        horizon. Idempotent. The past is history: occurrences that started before ``now``
        are never touched. Cancelled or moved dates are kept when their date still exists
        in the rule; extra dates are always kept. The first run also fills in past dates
        (a series entered after it started)."""
        now = now or timezone.now()
        until = scheduling.horizon_end(now)
        first_run = self.generated_until is None
        local_now = scheduling.to_local_naive(now)
        if holidays is None:
            holidays = scheduling.HolidayIndex.load(self.start_date, until.date())
        wanted = {}
        for value in self.instances(
            until, after=None if first_run else local_now, holidays=holidays
        ):
            wanted.setdefault(value.date(), value)
        duration = self.duration
        result = scheduling.SyncResult()
        existing = {o.original_date: o for o in self.occurrences.all()}
        to_update, to_delete = [], []
        for day, occurrence in existing.items():
            if occurrence.start < now or occurrence.original_start < now or occurrence.is_extra:
                continue
            value = wanted.get(day)
            if value is None:
                to_delete.append(occurrence.pk)
                continue
            start = scheduling.make_aware(value)
            changed = occurrence.original_start != start
            occurrence.original_start = start
            if occurrence.status != Occurrence.Status.MOVED:
                end = scheduling.make_aware(value + duration)
                changed |= (occurrence.start, occurrence.end) != (start, end)
                occurrence.start, occurrence.end = start, end
                if occurrence.status == Occurrence.Status.SCHEDULED:
                    changed |= occurrence.room_id != self.room_id
                    occurrence.room_id = self.room_id
            if changed:
                to_update.append(occurrence)
        to_create = [
            Occurrence(
                series=self,
                original_date=day,
                original_start=scheduling.make_aware(value),
                start=scheduling.make_aware(value),
                end=scheduling.make_aware(value + duration),
                room_id=self.room_id,
            )
            for day, value in sorted(wanted.items())
            if day not in existing and (first_run or scheduling.make_aware(value) >= now)
        ]
        if to_delete:
            result.deleted = Occurrence.objects.filter(pk__in=to_delete).delete()[0]
        if to_update:
            Occurrence.objects.bulk_update(
                to_update, ["original_start", "start", "end", "room"], batch_size=500
            )
            result.updated = len(to_update)
        if to_create:
            Occurrence.objects.bulk_create(to_create, batch_size=500)
            result.created = len(to_create)
        generated_until = scheduling.make_aware(until)
        if self.generated_until != generated_until:
            self.generated_until = generated_until
            Series.objects.filter(pk=self.pk).update(generated_until=generated_until)
        return result

    def add_extra_date(self, start: datetime, end: datetime | None = None, room=None, note=""):
        """A date outside the rule (kept when the rule changes)."""
        start = start if timezone.is_aware(start) else scheduling.make_aware(start)
        end = end or start + self.duration
        local_day = scheduling.to_local_naive(start).date()
        if self.occurrences.filter(original_date=local_day).exists():
            raise ValidationError(_("This series already has a date on that day."))
        return Occurrence.objects.create(
            series=self,
            original_date=local_day,
            original_start=start,
            start=start,
            end=end,
            room=room if room is not None else self.room,
            note=note,
            is_extra=True,
        )


class OccurrenceQuerySet(models.QuerySet):
    def public(self):
        """Only dates of live pages that anyone may see (no drafts, no private pages)."""
        return self.filter(series__page__in=Page.objects.live().public().values("pk"))

    def upcoming(self, now: datetime | None = None):
        """Dates that have not ended yet (one in progress is still upcoming), soonest first."""
        return self.filter(end__gt=now or timezone.now()).order_by("start", "pk")

    def overlapping(self, start: datetime, end: datetime):
        """Dates that overlap [start, end): an SQL range query on the table."""
        return self.filter(start__lt=end, end__gt=start)

    def for_page(self, page):
        return self.filter(series__page=page)

    def with_related(self):
        """Room, series and owner page loaded in three extra queries, one object per series
        and per page (not per date: a series' rule is parsed once, whatever the listing)."""
        return self.select_related("room").prefetch_related(
            models.Prefetch("series", queryset=Series.objects.select_related("room")),
            models.Prefetch(
                "series__page",
                queryset=Page.objects.only(
                    "id",
                    "title",
                    "slug",
                    "url_path",
                    "path",
                    "depth",
                    "translation_key",
                    "locale_id",
                    "search_description",
                    "live",
                ),
            ),
        )


class Occurrence(models.Model):
    """One dated instance of a series, in aware datetimes (stored UTC, shown in Brussels).

    Its identity is (series, original_date): the local day the rule produced it. That key
    survives a change of the series' time (a cancelled 14:00 date stays cancelled at 15:00)
    and gives the ICS RECURRENCE-ID (``original_start``)."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        CANCELLED = "cancelled", _("cancelled")
        MOVED = "moved", _("moved")

    series = models.ForeignKey(
        Series, verbose_name=_("series"), on_delete=models.CASCADE, related_name="occurrences"
    )
    original_date = models.DateField(_("original date"), editable=False)
    original_start = models.DateTimeField(_("original start"), editable=False)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    note = models.CharField(
        _("public note"),
        max_length=255,
        blank=True,
        help_text=_("Shown to the public, e.g. why the date is cancelled or where it moved."),
    )
    room = models.ForeignKey(
        Room,
        verbose_name=_("room"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="occurrences",
    )
    is_extra = models.BooleanField(_("extra date"), default=False, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("date")
        verbose_name_plural = _("dates")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "original_date"], name="events_occurrence_unique_day"
            ),
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")),
                name="events_occurrence_end_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["start", "end"]),
            models.Index(fields=["end"]),
            models.Index(fields=["room", "start"]),
        ]

    def __str__(self) -> str:
        local = timezone.localtime(self.start)
        return f"{self.series} \u2013 {local:%Y-%m-%d %H:%M}"

    def clean(self):
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must be after the start.")})

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_moved(self) -> bool:
        return self.status == self.Status.MOVED

    @property
    def is_rescheduled(self) -> bool:
        return self.start != self.original_start

    def cancel(self, reason: str = "") -> None:
        self.status = self.Status.CANCELLED
        self.note = reason
        self.save(update_fields=["status", "note", "updated_at"])

    def move(self, start: datetime, end: datetime | None = None, room=None, note: str = "") -> None:
        duration = self.end - self.start
        self.start = start
        self.end = end or start + duration
        if room is not None:
            self.room = room
        self.note = note
        self.status = self.Status.MOVED
        self.full_clean(exclude=["series"])
        self.save()

    def restore(self) -> None:
        """Back to what the series says (undo a cancellation or a move)."""
        self.status = self.Status.SCHEDULED
        self.note = ""
        if not self.is_extra:
            self.start = self.original_start
            self.end = scheduling.make_aware(
                scheduling.to_local_naive(self.original_start) + self.series.duration
            )
            self.room_id = self.series.room_id
        self.save()


# -- pages -------------------------------------------------------------------------------


class SeriesOwnerMixin:
    """For page types whose dates are series edited inline (EventPage, later
    ActivityPage). Add ``schedule_panel()`` to the content panels."""

    # The series belong to the page they were created on; translations and copies do not
    # duplicate them (one set of dates, shown in every language's calendar).
    exclude_fields_in_copy = ["series"]
    override_translatable_fields = [BaseTranslatableField("series")]

    @staticmethod
    def schedule_panel():
        return MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "Dates appear in the calendar when the page is published. To cancel "
                        "or move one date, or add an extra one, use Calendar > Dates "
                        "(or the “Dates” button of this page)."
                    )
                ),
                InlinePanel("series", label=_("dates"), heading=_("Dates")),
            ],
            heading=_("Schedule"),
        )

    def get_series_metadata(self) -> dict:
        """Values copied onto each series on publish, for calendar filters."""
        return {}

    def upcoming_occurrences(self, limit: int = 10):
        return list(Occurrence.objects.for_page(self).upcoming().select_related("room")[:limit])


class CalendarPage(RoutablePageMixin, BasePage):
    """The public calendar: upcoming list (default), month and week views, ICS feeds."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["core.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, "intro"]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("calendar page")
        verbose_name_plural = _("calendar pages")

    @path("")
    def upcoming_view(self, request):
        from . import views

        return views.upcoming(request, self)

    @path("month/")
    def month_view(self, request):
        from . import views

        return views.month(request, self)

    @path("week/")
    def week_view(self, request):
        from . import views

        return views.week(request, self)

    @path("ics/")
    def feed_view(self, request):
        from . import views

        return views.calendar_feed(request, self)

    @path("ics/<int:page_id>/")
    def page_feed_view(self, request, page_id):
        from . import views

        return views.page_feed(request, self, page_id)

    def get_cached_paths(self):
        """What a CDN purge lists on publish (filtered variants expire with s-maxage)."""
        return ["/", "/month/", "/week/", "/ics/"]

    def get_sitemap_urls(self, request=None):
        return [{"location": self.get_full_url(request), "lastmod": self.last_published_at}]


class EventPage(SeriesOwnerMixin, BasePage):
    """A one-off public event (open day, info session) or a short run of dates."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    location = models.CharField(
        _("place"),
        max_length=255,
        blank=True,
        help_text=_("Address or place name when it is not a room of the Maison."),
    )
    min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    pole = models.ForeignKey(
        "services.PolePage",
        verbose_name=_("organising pôle"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    place = models.ForeignKey(
        "services.PlacePage",
        verbose_name=_("place of the service"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    needs = ParentalManyToManyField("services.Need", verbose_name=_("themes"), blank=True)
    audiences = ParentalManyToManyField("services.Audience", verbose_name=_("for whom"), blank=True)

    parent_page_types = ["events.CalendarPage"]
    subpage_types = []
    base_form_class = EventPageForm
    content_panels = [
        *Page.content_panels,
        "intro",
        SeriesOwnerMixin.schedule_panel(),
        MultiFieldPanel(
            [
                "pole",
                "place",
                "location",
                FieldRowPanel(["min_age", "max_age"]),
                FieldPanel("needs", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Where, for whom, about what"),
        ),
        "body",
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("event page")
        verbose_name_plural = _("event pages")

    def clean(self):
        super().clean()
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            raise ValidationError(
                {"max_age": _("The maximum age cannot be below the minimum age.")}
            )

    def get_series_metadata(self) -> dict:
        return series_metadata(
            min_age=self.min_age,
            max_age=self.max_age,
            pole=self.pole,
            place=self.place,
            needs=self.needs.all(),
            audiences=self.audiences.all(),
        )

    @cached_property
    def calendar_page(self):
        parent = self.get_parent()
        return parent.specific if parent else None

    def get_context(self, request, *args, **kwargs):
        from . import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.event_page_context(request, self))
        return context


# Room bookings live in their own module (models registered in this app).
from .bookings.models import *  # noqa: E402, F403
from .bookings.pages import RoomsPage  # noqa: E402, F401
