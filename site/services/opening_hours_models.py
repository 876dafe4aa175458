"""Abstract models for structured opening hours, reused by places, services, rooms and
associations. A concrete subclass adds the ParentalKey to its owner, e.g.::

    class PlaceWeeklyHours(WeeklyHoursRange):
        page = ParentalKey("services.PlacePage", related_name="weekly_hours", ...)

    class PlaceHoursException(HoursException):
        page = ParentalKey("services.PlacePage", related_name="hours_exceptions", ...)

and the owner mixes in ``HasOpeningHours`` (which reads those two related names).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldRowPanel, InlinePanel, MultiFieldPanel

from .opening_hours import DateException, OpeningHours, WeeklyRange

WEEKDAY_CHOICES = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class WeeklyHoursRange(models.Model):
    """One opening range on a weekday. Several rows per day are allowed; a closing time
    earlier than (or equal to) the opening time means the range ends the next day."""

    weekday = models.PositiveSmallIntegerField(_("day"), choices=WEEKDAY_CHOICES)
    opens = models.TimeField(_("opens at"))
    closes = models.TimeField(
        _("closes at"),
        help_text=_("Earlier than the opening time for a night shift ending after midnight."),
    )

    panels = [FieldRowPanel(["weekday", "opens", "closes"])]

    class Meta:
        abstract = True
        ordering = ["weekday", "opens"]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        super().clean()
        if self.opens is not None and self.opens == self.closes:
            raise ValidationError({"closes": _("The closing time must differ from the opening.")})

    def as_range(self) -> WeeklyRange:
        return WeeklyRange(opens=self.opens, closes=self.closes, weekday=self.weekday)


class HoursException(models.Model):
    """A closure (public holiday, building closure) or special hours on a date range."""

    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), blank=True, help_text=_("Empty for a single day."))
    closed = models.BooleanField(
        _("closed"), default=True, help_text=_("Untick to give special hours instead.")
    )
    opens = models.TimeField(_("opens at"), null=True, blank=True)
    closes = models.TimeField(_("closes at"), null=True, blank=True)
    reason = models.CharField(
        _("reason"), max_length=120, blank=True, help_text=_("E.g. Public holiday, 8 May.")
    )

    panels = [
        FieldRowPanel(["start_date", "end_date"]),
        FieldRowPanel(["closed", "opens", "closes"]),
        "reason",
    ]

    class Meta:
        abstract = True
        ordering = ["start_date", "opens"]

    def __str__(self):
        return f"{self.start_date}–{self.end_date or self.start_date} {self.reason}".strip()

    def save(self, *args, **kwargs):
        if self.end_date is None:
            self.end_date = self.start_date
        if self.closed:
            self.opens = self.closes = None
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if not self.closed:
            if self.opens is None:
                errors["opens"] = _("Give the special opening time, or tick “closed”.")
            if self.closes is None:
                errors["closes"] = _("Give the special closing time, or tick “closed”.")
            if self.opens is not None and self.opens == self.closes:
                errors["closes"] = _("The closing time must differ from the opening.")
        if errors:
            raise ValidationError(errors)

    def as_exception(self) -> DateException:
        return DateException(
            start=self.start_date,
            end=self.end_date or self.start_date,
            closed=self.closed,
            opens=self.opens,
            closes=self.closes,
            reason=self.reason,
        )


class HasOpeningHours:
    """For an owner whose subclasses of the abstract models use the related names
    ``weekly_hours`` and ``hours_exceptions``. Prefetch both in listings."""

    weekly_hours_relation = "weekly_hours"
    exceptions_relation = "hours_exceptions"

    @classmethod
    def opening_hours_panels(cls):
        return MultiFieldPanel(
            [
                InlinePanel(cls.weekly_hours_relation, label=_("Weekly opening range")),
                InlinePanel(cls.exceptions_relation, label=_("Closure or special hours")),
            ],
            heading=_("Opening hours"),
        )

    @cached_property
    def opening_hours(self) -> OpeningHours:
        weekly = getattr(self, self.weekly_hours_relation).all()
        exceptions = getattr(self, self.exceptions_relation).all()
        return OpeningHours(
            weekly=[row.as_range() for row in weekly],
            exceptions=[row.as_exception() for row in exceptions],
        )

    @property
    def opening_status(self):
        return self.opening_hours.status(timezone.now())
