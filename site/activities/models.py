"""Youth activities: ActivityIndexPage (the finder, holiday courses, drop-in places) →
ActivityPage (one activity, its facts and its dates).

An activity's dates are events ``Series`` edited inline on the page
(``SeriesOwnerMixin``). Translations share the series of the page they were created on
(events never copies series), so everything that reads dates matches on the page's
``translation_key``, never on its primary key.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from events.models import Occurrence, SeriesOwnerMixin
from maison.core.blocks import BaseStreamBlock
from maison.core.models import BasePage

from .forms import ActivityPageForm


class Cost(models.TextChoices):
    FREE = "free", _("Free")
    PAID = "paid", _("Paid")
    REDUCED = "reduced", _("Paid, with reduced rates")


class Registration(models.TextChoices):
    NONE = "none", _("No registration: just come")
    PHONE = "phone", _("Register by phone")
    EMAIL = "email", _("Register by email")
    ON_SITE = "on_site", _("Register on site")


def upcoming_dates(now=None):
    """Dates of live, public pages that have not ended and are not cancelled."""
    return (
        Occurrence.objects.public()
        .filter(end__gt=now or timezone.now())
        .exclude(status=Occurrence.Status.CANCELLED)
    )


class ActivityPageQuerySet(PageQuerySet):
    def for_listing(self, locale=None):
        """Live, public activities of one language with what a card shows."""
        queryset = self.live().public().select_related("place", "pole")
        if locale is not None:
            queryset = queryset.filter(locale=locale)
        return queryset

    def for_age(self, age: int):
        """Open to this age: the range contains it (an open bound accepts every age)."""
        return self.filter(
            Q(min_age__isnull=True) | Q(min_age__lte=age),
            Q(max_age__isnull=True) | Q(max_age__gte=age),
        )

    def for_theme(self, slug: str):
        # A subquery rather than a join: no duplicate rows, no DISTINCT needed.
        return self.filter(
            pk__in=ActivityPage.themes.through.objects.filter(need__slug=slug).values(
                "activitypage_id"
            )
        )

    def for_place(self, place):
        return self.filter(place__translation_key=place.translation_key)

    def for_pole(self, pole):
        return self.filter(pole__translation_key=pole.translation_key)

    def for_neighbourhood(self, name: str):
        return self.filter(
            Q(neighbourhood__iexact=name)
            | Q(place__isnull=False, place__neighbourhood__iexact=name)
        )

    def free(self):
        return self.filter(cost=Cost.FREE)

    def without_registration(self):
        return self.filter(registration=Registration.NONE)

    def with_next_date(self, dates=None):
        """Annotate ``next_start``: the first of ``dates`` (default: upcoming, not cancelled)
        of each activity, in one correlated subquery (not one query per activity). The
        series may belong to any translation of the page, hence ``translation_key``."""
        dates = upcoming_dates() if dates is None else dates
        first = (
            dates.filter(series__page__translation_key=OuterRef("translation_key"))
            .order_by("start")
            .values("start")[:1]
        )
        return self.annotate(next_start=Subquery(first))

    def upcoming(self, dates=None):
        """Activities with at least one of ``dates``, soonest first."""
        dates = upcoming_dates() if dates is None else dates
        # EXISTS to filter (a COUNT then skips the next-date subquery), then the annotation.
        has_dates = Exists(dates.filter(series__page__translation_key=OuterRef("translation_key")))
        return self.filter(has_dates).with_next_date(dates).order_by("next_start", "title", "pk")

    def with_holiday_course_flag(self):
        from events.models import Series

        return self.annotate(
            holiday_course=Exists(
                Series.objects.filter(
                    page__translation_key=OuterRef("translation_key"),
                    school_holidays=Series.SchoolHolidays.ONLY,
                )
            )
        )


ActivityPageManager = PageManager.from_queryset(ActivityPageQuerySet)


class ActivityIndexPage(RoutablePageMixin, BasePage):
    """The youth activities section: the finder (default view), the holiday courses of the
    next school holidays (``stages/``) and the drop-in places (``drop-in/``)."""

    intro = models.TextField(_("introduction"), blank=True)
    holidays_intro = models.TextField(
        _("holiday courses: introduction"),
        blank=True,
        help_text=_("Shown above the list of activities of the next school holidays."),
    )
    drop_in_intro = models.TextField(
        _("drop-in places: introduction"),
        blank=True,
        help_text=_("Shown above the list of places where young people can just come."),
    )

    parent_page_types = ["core.HomePage"]
    subpage_types = ["activities.ActivityPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, "intro", "holidays_intro", "drop_in_intro"]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("activities index")
        verbose_name_plural = _("activities indexes")

    @path("")
    def finder_view(self, request):
        from . import views

        return views.finder(request, self)

    @path("stages/")
    def holidays_view(self, request):
        from . import views

        return views.holiday_courses(request, self)

    @path("drop-in/")
    def drop_in_view(self, request):
        from . import views

        return views.drop_in(request, self)

    def get_cached_paths(self):
        """What a CDN purge lists on publish (filtered variants expire with s-maxage)."""
        return ["/", "/stages/", "/drop-in/"]

    def get_sitemap_urls(self, request=None):
        url = self.get_full_url(request)
        if not url:
            return []
        return [
            {"location": url, "lastmod": self.last_published_at},
            {"location": url + "stages/", "lastmod": self.last_published_at},
            {"location": url + "drop-in/", "lastmod": self.last_published_at},
        ]


class ActivityPage(SeriesOwnerMixin, BasePage):
    """One youth activity: what, for whom, where, how much, how to join, and its dates."""

    pitch = models.TextField(
        _("pitch"),
        max_length=300,
        help_text=_(
            "One or two short sentences in plain language, as you would say it to a 15-year-old."
        ),
    )
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("alternative text"),
        max_length=255,
        blank=True,
        help_text=_(
            "What the image shows, for people who cannot see it. Empty: the image's own "
            "description is used."
        ),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("more details"), blank=True)
    min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    themes = ParentalManyToManyField(
        "services.Need",
        verbose_name=_("themes"),
        blank=True,
        related_name="activities",
        help_text=_("From the shared vocabulary (sport, culture, homework help…)."),
    )
    place = models.ForeignKey(
        "services.PlacePage",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    address = models.CharField(
        _("or address"),
        max_length=255,
        blank=True,
        help_text=_("When the activity is not at one of our places: a hall, a park, a school."),
    )
    neighbourhood = models.CharField(
        _("neighbourhood"),
        max_length=100,
        blank=True,
        help_text=_("For an address: the neighbourhood, used by the finder (places have theirs)."),
    )
    pole = models.ForeignKey(
        "services.PolePage",
        verbose_name=_("organised by (pôle)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
    )
    partner_name = models.CharField(
        _("or partner association"),
        max_length=160,
        blank=True,
        help_text=_("Name of the association that runs the activity."),
    )
    cost = models.CharField(_("cost"), max_length=10, choices=Cost.choices, default=Cost.FREE)
    cost_amount = models.DecimalField(
        _("price (euros)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    cost_details = models.CharField(
        _("cost details"),
        max_length=255,
        blank=True,
        help_text=_("E.g. per term, reduced rate with a CPAS or student card."),
    )
    registration = models.CharField(
        _("registration"),
        max_length=10,
        choices=Registration.choices,
        default=Registration.NONE,
    )
    registration_details = models.CharField(_("registration details"), max_length=255, blank=True)
    drop_in = models.BooleanField(
        _("drop-in (lieu d'accroche)"),
        default=False,
        help_text=_(
            "Young people can just come, without registering: the place is listed among the "
            "drop-in places."
        ),
    )
    what_to_bring = models.TextField(_("what to bring"), blank=True)
    languages = ParentalManyToManyField(
        "services.Language", verbose_name=_("languages used"), blank=True, related_name="+"
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free access, adapted activity, quiet space, sign language…"),
    )
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)

    objects = ActivityPageManager()

    base_form_class = ActivityPageForm
    parent_page_types = ["activities.ActivityIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("pitch", required_on_save=True),
        MultiFieldPanel(["image", "image_alt"], heading=_("Image")),
        MultiFieldPanel(
            [
                FieldRowPanel(["min_age", "max_age"]),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("For whom, about what"),
        ),
        MultiFieldPanel(
            [PageChooserPanel("place", "services.PlacePage"), "address", "neighbourhood"],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [PageChooserPanel("pole", "services.PolePage"), "partner_name"],
            heading=_("Who organises it"),
        ),
        SeriesOwnerMixin.schedule_panel(),
        MultiFieldPanel(
            [
                FieldRowPanel(["cost", "cost_amount"]),
                "cost_details",
                FieldRowPanel(["registration", "drop_in"]),
                "registration_details",
                "what_to_bring",
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                "accessibility",
            ],
            heading=_("Practical"),
        ),
        MultiFieldPanel(
            ["contact_name", FieldRowPanel(["contact_phone", "contact_email"])],
            heading=_("Contact"),
        ),
        "body",
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("pitch"),
        index.SearchField("body"),
        index.SearchField("partner_name"),
        index.SearchField("address"),
        index.SearchField("neighbourhood"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("cost"),
        index.FilterField("registration"),
    ]

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def clean(self):
        super().clean()
        errors = {}
        if self.min_age is not None and self.max_age is not None and self.min_age > self.max_age:
            errors["max_age"] = _("The maximum age cannot be below the minimum age.")
        if self.cost in (Cost.PAID, Cost.REDUCED) and self.cost_amount is None:
            errors["cost_amount"] = _("Give the price, or choose “Free”.")
        if self.cost == Cost.FREE and self.cost_amount:
            errors["cost_amount"] = _("A free activity has no price.")
        if self.drop_in and self.registration != Registration.NONE:
            errors["drop_in"] = _("A drop-in activity needs no registration.")
        if self.image_id and not self.image_alt and not (self.image and self.image.description):
            errors["image_alt"] = _("Describe the image for people who cannot see it.")
        if errors:
            raise ValidationError(errors)

    # -- events ---------------------------------------------------------------------------

    def get_series_metadata(self) -> dict:
        from events.metadata import series_metadata

        return series_metadata(
            min_age=self.min_age,
            max_age=self.max_age,
            pole=self.pole,
            place=self.place,
            needs=self.themes.all(),
        )

    def dates(self):
        """Every date of this activity, whichever translation owns the series."""
        return Occurrence.objects.filter(series__page__translation_key=self.translation_key)

    @cached_property
    def series_owner_id(self) -> int | None:
        from events.models import Series

        return (
            Series.objects.filter(page__translation_key=self.translation_key)
            .values_list("page_id", flat=True)
            .first()
        )

    @cached_property
    def next_date(self):
        """The next date that is not cancelled (a listing annotates ``next_start`` instead)."""
        start = getattr(self, "next_start", None)
        if start is not None:
            return start
        occurrence = (
            self.dates()
            .filter(end__gt=timezone.now())
            .exclude(status=Occurrence.Status.CANCELLED)
            .order_by("start")
            .values_list("start", flat=True)
            .first()
        )
        return occurrence

    @property
    def next_date_display(self) -> str:
        """ "Next date: Wednesday 2 December, 14:00", for search results and cards."""
        start = self.next_date
        if start is None:
            return ""
        local = timezone.localtime(start)
        return gettext("Next date: %(when)s") % {"when": formats.date_format(local, "l j F, H:i")}

    # -- words ----------------------------------------------------------------------------

    @property
    def age_label(self) -> str:
        low, high = self.min_age, self.max_age
        if low is not None and high is not None:
            return gettext("%(low)s to %(high)s years") % {"low": low, "high": high}
        if low is not None:
            return gettext("From %(low)s years") % {"low": low}
        if high is not None:
            return gettext("Up to %(high)s years") % {"high": high}
        return gettext("All ages")

    @property
    def cost_label(self) -> str:
        if self.cost == Cost.FREE:
            return gettext("Free")
        amount = formats.number_format(self.cost_amount, 2) if self.cost_amount else ""
        if self.cost == Cost.REDUCED:
            return gettext("€%(amount)s, reduced rates available") % {"amount": amount}
        return gettext("€%(amount)s") % {"amount": amount}

    @property
    def image_alt_text(self) -> str:
        if self.image_alt:
            return self.image_alt
        return getattr(self.image, "description", "") or ""

    def get_context(self, request, *args, **kwargs):
        from . import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.activity_page_context(request, self))
        return context
