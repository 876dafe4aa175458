"""The partner-association directory: DirectoryPage (the finder) → AssociationPage.

An association has one or more locations (an orderable, clusterable child of the page),
and each location has its own structured opening hours, reusing the services app's
abstract models (``WeeklyHoursRange``/``HoursException``) through nested inline panels.
"""

import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from maison.core import navigation
from maison.core.models import BasePage
from maison.services.forms import LocaleFilteredPageForm
from maison.services.models import StepFreeAccess, localized_all
from maison.services.models.taxonomy import lazy_facts
from maison.services.opening_hours_models import (
    HasOpeningHours,
    HoursException,
    WeeklyHoursRange,
)

# The 19 communes of the Brussels-Capital Region: (code, French name, Dutch name).
COMMUNES = [
    ("anderlecht", "Anderlecht", "Anderlecht"),
    ("auderghem", "Auderghem", "Oudergem"),
    ("berchem-sainte-agathe", "Berchem-Sainte-Agathe", "Sint-Agatha-Berchem"),
    ("bruxelles", "Bruxelles", "Brussel"),
    ("etterbeek", "Etterbeek", "Etterbeek"),
    ("evere", "Evere", "Evere"),
    ("forest", "Forest", "Vorst"),
    ("ganshoren", "Ganshoren", "Ganshoren"),
    ("ixelles", "Ixelles", "Elsene"),
    ("jette", "Jette", "Jette"),
    ("koekelberg", "Koekelberg", "Koekelberg"),
    ("molenbeek-saint-jean", "Molenbeek-Saint-Jean", "Sint-Jans-Molenbeek"),
    ("saint-gilles", "Saint-Gilles", "Sint-Gillis"),
    ("saint-josse-ten-noode", "Saint-Josse-ten-Noode", "Sint-Joost-ten-Node"),
    ("schaerbeek", "Schaerbeek", "Schaarbeek"),
    ("uccle", "Uccle", "Ukkel"),
    ("watermael-boitsfort", "Watermael-Boitsfort", "Watermaal-Bosvoorde"),
    ("woluwe-saint-lambert", "Woluwe-Saint-Lambert", "Sint-Lambrechts-Woluwe"),
    ("woluwe-saint-pierre", "Woluwe-Saint-Pierre", "Sint-Pieters-Woluwe"),
]
COMMUNE_CODES = {code for code, _fr, _nl in COMMUNES} | {"other"}
COMMUNE_CHOICES = [(code, fr if fr == nl else f"{fr} / {nl}") for code, fr, nl in COMMUNES] + [
    ("other", _("Outside Brussels"))
]


def commune_label(code: str, language: str | None = None) -> str:
    """The commune's name in the visitor's language (Dutch name in Dutch, else French)."""
    language = (language or get_language() or "fr")[:2]
    for commune, fr, nl in COMMUNES:
        if commune == code:
            return nl if language == "nl" else fr
    return str(_("Outside Brussels")) if code == "other" else ""


class Cost(models.TextChoices):
    FREE = "free", _("Free")
    PAYING = "paying", _("Paying")
    SLIDING = "sliding", _("Price depends on income")


class CommuneRelation(models.TextChoices):
    NONE = "none", _("None")
    FUNDED = "funded", _("Funded by the commune")
    AGREEMENT = "agreement", _("Agreement with the commune")


VERIFICATION_MONTHS = 12


def verification_cutoff(today):
    """The same day one year earlier (28 February for 29 February)."""
    day = 28 if (today.month, today.day) == (2, 29) else today.day
    return today.replace(year=today.year - 1, day=day)


class AssociationPageQuerySet(PageQuerySet):
    def public_in(self, locale):
        return self.live().public().filter(locale=locale)

    def for_need(self, need):
        return self.filter(needs__slug=need.slug).distinct()

    def due_for_verification(self, today=None):
        """Never verified, or last verified more than 12 months ago; oldest first."""
        cutoff = verification_cutoff(today or timezone.localdate())
        return self.filter(
            models.Q(last_verified_on__isnull=True) | models.Q(last_verified_on__lt=cutoff)
        ).order_by(models.F("last_verified_on").asc(nulls_first=True), "title")


AssociationPageManager = PageManager.from_queryset(AssociationPageQuerySet)


class DirectoryPage(RoutablePageMixin, BasePage):
    """The finder: full-text search and facets over the associations below it, and the
    open-data exports (Open Referral HSDS 3.0 JSON, CSV)."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["core.HomePage"]
    subpage_types = ["directory.AssociationPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, "intro"]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("partner directory")
        verbose_name_plural = _("partner directories")

    @path("")
    def finder(self, request):
        from .finder import FinderError, run_finder

        try:
            result = run_finder(self, request)
        except FinderError as error:
            return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
        context = result.context()
        context["emergency_numbers"] = navigation.site_settings(request).emergency_numbers
        return self.render(request, context_overrides=context)

    @path("export/hsds/", name="export_hsds")
    def export_hsds(self, request):
        from .hsds import export_document

        response = JsonResponse(
            export_document(self, request), json_dumps_params={"ensure_ascii": False, "indent": 1}
        )
        response["Access-Control-Allow-Origin"] = "*"
        return response

    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        from .exports import csv_response

        return csv_response(self, request)

    def get_cached_paths(self):
        """What a CDN purge lists on publish (filtered variants expire with s-maxage)."""
        return ["/", "/export/hsds/", "/export/csv/"]


# The context values of an association page read from its cached facts
# (``AssociationPage._facts``).
ASSOCIATION_FACTS = ("needs", "audiences", "languages", "locations")


class AssociationPage(BasePage):
    """One partner association, matching what social.brussels holds per organisation."""

    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    intro = models.TextField(
        _("summary"), blank=True, help_text=_("What the association does, in two sentences.")
    )
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "link", "ul", "ol", "h3"]
    )
    needs = ParentalManyToManyField(
        "services.Need", verbose_name=_("needs answered"), blank=True, related_name="associations"
    )
    audiences = ParentalManyToManyField(
        "services.Audience", verbose_name=_("for whom"), blank=True, related_name="associations"
    )
    access_walk_in = models.BooleanField(_("walk-in, without appointment"), default=False)
    access_appointment = models.BooleanField(_("by appointment"), default=False)
    access_phone = models.BooleanField(_("phone line"), default=False)
    access_outreach = models.BooleanField(_("outreach (they come to you)"), default=False)
    access_online = models.BooleanField(_("online"), default=False)
    access_details = models.CharField(_("how to get in: details"), max_length=255, blank=True)
    cost = models.CharField(_("cost"), max_length=10, choices=Cost.choices, default=Cost.FREE)
    cost_details = models.CharField(_("cost details"), max_length=255, blank=True)
    anonymous = models.BooleanField(
        _("anonymous"), default=False, help_text=_("People can be helped without giving a name.")
    )
    languages = ParentalManyToManyField(
        "services.Language",
        verbose_name=_("languages spoken"),
        blank=True,
        related_name="associations",
    )
    interpretation = models.BooleanField(_("interpretation on request"), default=False)
    emergency_line = models.BooleanField(
        _("emergency line"), default=False, help_text=_("Runs a line for urgent situations.")
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    commune_relation = models.CharField(
        _("relation with the commune"),
        max_length=10,
        choices=CommuneRelation.choices,
        default=CommuneRelation.NONE,
    )
    social_brussels_id = models.CharField(
        _("social.brussels record id"),
        max_length=20,
        blank=True,
        help_text=_("The number in the address of its social.brussels record, when known."),
    )
    last_verified_on = models.DateField(_("last verified on"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    import_key = models.CharField(
        _("import key"),
        max_length=80,
        blank=True,
        db_index=True,
        help_text=_("Stable identifier used by CSV imports; the same in every language."),
    )
    import_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    objects = AssociationPageManager()

    base_form_class = LocaleFilteredPageForm
    parent_page_types = ["directory.DirectoryPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        "short_name",
        FieldPanel("intro", required_on_save=True),
        "description",
        MultiFieldPanel(
            [
                FieldPanel("needs", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("For whom, for what"),
        ),
        MultiFieldPanel(
            [
                "access_walk_in",
                "access_appointment",
                "access_phone",
                "access_outreach",
                "access_online",
                "access_details",
                "anonymous",
                "emergency_line",
            ],
            heading=_("How to get in"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(["cost", "cost_details"]),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                "interpretation",
            ],
            heading=_("Cost and languages"),
        ),
        MultiFieldPanel(["phone", "email", "website"], heading=_("Contact")),
        InlinePanel("locations", label=_("Location"), heading=_("Locations")),
        MultiFieldPanel(
            [
                "commune_relation",
                "social_brussels_id",
                FieldRowPanel(["last_verified_on", "verified_by"]),
                "import_key",
            ],
            heading=_("Verification and references"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("short_name"),
        index.AutocompleteField("title"),
        index.SearchField("intro"),
        index.SearchField("description"),
        index.SearchField("access_details"),
        index.RelatedFields("needs", [index.SearchField("name")]),
        index.RelatedFields("audiences", [index.SearchField("name")]),
        index.RelatedFields(
            "locations", [index.SearchField("name"), index.SearchField("street_address")]
        ),
        index.FilterField("locale"),
    ]

    class Meta:
        verbose_name = _("partner association")
        verbose_name_plural = _("partner associations")
        permissions = [
            ("import_associations", "Can import partner associations from a CSV file"),
            ("view_verification_report", "Can see the associations to verify"),
        ]

    def clean(self):
        super().clean()
        if self.import_key:
            clash = (
                AssociationPage.objects.filter(import_key=self.import_key, locale=self.locale_id)
                .exclude(pk=self.pk)
                .exists()
            )
            if clash:
                raise ValidationError(
                    {"import_key": _("Another association in this language has this key.")}
                )

    @property
    def access_modes(self) -> list[str]:
        modes = [
            (self.access_walk_in, _("Walk-in, without appointment")),
            (self.access_appointment, _("By appointment")),
            (self.access_phone, _("By phone")),
            (self.access_outreach, _("Outreach: they come to you")),
            (self.access_online, _("Online")),
        ]
        return [label for enabled, label in modes if enabled]

    @property
    def is_sensitive(self) -> bool:
        return any(need.sensitive for need in self.needs.all())

    def _facts(self) -> dict:
        """What the page shows that only editors change (cached by ``get_context``): the
        ASSOCIATION_FACTS."""
        return {
            "needs": localized_all(self.needs.all()),
            "audiences": localized_all(self.audiences.all()),
            "languages": localized_all(self.languages.all()),
            "locations": list(self.locations.prefetch_related("weekly_hours", "hours_exceptions")),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only editors change these (the open-now status is computed at render time).
        context.update(
            lazy_facts(request, self, "association-facts", self._facts, ASSOCIATION_FACTS)
        )
        return context


class AssociationLocation(HasOpeningHours, Orderable, ClusterableModel):
    """Where an association receives people, with its own contacts and opening hours."""

    page = ParentalKey(AssociationPage, related_name="locations", on_delete=models.CASCADE)
    uuid = models.UUIDField(default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=120, blank=True)
    street_address = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    commune = models.CharField(_("commune"), max_length=30, choices=COMMUNE_CHOICES)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    step_free_access = models.CharField(
        _("step-free access"),
        max_length=10,
        choices=StepFreeAccess.choices,
        default=StepFreeAccess.UNKNOWN,
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)

    panels = [
        "name",
        "street_address",
        FieldRowPanel(["postcode", "commune"]),
        FieldRowPanel(["latitude", "longitude"]),
        "step_free_access",
        FieldRowPanel(["phone", "email"]),
        HasOpeningHours.opening_hours_panels(),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self):
        return self.name or self.address_line

    @property
    def address_line(self) -> str:
        place = " ".join(part for part in (self.postcode, self.commune_name) if part)
        return ", ".join(part for part in (self.street_address, place) if part)

    @property
    def commune_name(self) -> str:
        return commune_label(self.commune)

    @property
    def hours_heading_id(self) -> str:
        return f"hours-{self.pk}"

    @property
    def map_url(self) -> str:
        if self.latitude is None or self.longitude is None:
            return ""
        lat, lon = self.latitude, self.longitude
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both coordinates, or neither.")})


class LocationWeeklyHours(WeeklyHoursRange):
    location = ParentalKey(
        AssociationLocation, related_name="weekly_hours", on_delete=models.CASCADE
    )

    class Meta(WeeklyHoursRange.Meta):
        verbose_name = _("weekly opening range")
        verbose_name_plural = _("weekly opening ranges")


class LocationHoursException(HoursException):
    location = ParentalKey(
        AssociationLocation, related_name="hours_exceptions", on_delete=models.CASCADE
    )

    class Meta(HoursException.Meta):
        verbose_name = _("closure or special hours")
        verbose_name_plural = _("closures and special hours")
