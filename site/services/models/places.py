"""Where to find the service: PlacesIndexPage → PlacePage (Antenne LISA, the Maison…)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from maison.core.blocks import BaseStreamBlock
from maison.core.content_cache import lazy
from maison.core.models import BasePage

from .. import jsonld
from ..opening_hours_models import HasOpeningHours, HoursException, WeeklyHoursRange


class PlaceStatus(models.TextChoices):
    OPEN = "open", _("Open to the public")
    PLANNED = "planned", _("Planned or under study")


class StepFreeAccess(models.TextChoices):
    YES = "yes", _("Step-free access")
    PARTIAL = "partial", _("Partly step-free")
    NO = "no", _("Not step-free")
    UNKNOWN = "unknown", _("Not yet known")


class PlacePageQuerySet(PageQuerySet):
    def for_listing(self):
        return (
            self.live()
            .public()
            .select_related("listing_image")
            .prefetch_related("weekly_hours", "hours_exceptions")
            .order_by("path")
        )


PlacePageManager = PageManager.from_queryset(PlacePageQuerySet)


class PlacesIndexPage(BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["core.HomePage"]
    subpage_types = ["services.PlacePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, "intro"]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("places index")
        verbose_name_plural = _("places indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy (core.content_cache.lazy): building the queryset, even unevaluated, takes
        # longer than serving the whole main region from the cache.
        context["places"] = lazy(lambda: PlacePage.objects.child_of(self).for_listing())
        return context


class PlacePage(HasOpeningHours, BasePage):
    """A place open to the public: address, access, transport, partners, services, hours."""

    status = models.CharField(
        _("status"), max_length=10, choices=PlaceStatus.choices, default=PlaceStatus.OPEN
    )
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    street_address = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True, default="1050")
    locality = models.CharField(_("municipality"), max_length=100, blank=True, default="Ixelles")
    neighbourhood = models.CharField(_("neighbourhood"), max_length=100, blank=True)
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
    accessibility_notes = models.TextField(
        _("other accessibility facts"),
        blank=True,
        help_text=_("Accessible toilet, door width, lift, quiet room, hearing loop…"),
    )
    public_transport = models.TextField(
        _("public transport"), blank=True, help_text=_("Nearest stops and lines.")
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)

    objects = PlacePageManager()

    parent_page_types = ["services.PlacesIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        "status",
        "intro",
        "body",
        MultiFieldPanel(
            [
                "street_address",
                FieldRowPanel(["postcode", "locality"]),
                "neighbourhood",
                FieldRowPanel(["latitude", "longitude"]),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            ["step_free_access", "accessibility_notes", "public_transport"],
            heading=_("Access"),
        ),
        MultiFieldPanel(["phone", "email"], heading=_("Contact")),
        InlinePanel("partners", label=_("Partner present"), heading=_("Partners present")),
        HasOpeningHours.opening_hours_panels(),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("street_address"),
        index.SearchField("neighbourhood"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")

    @property
    def address_line(self) -> str:
        locality = " ".join(part for part in (self.postcode, self.locality) if part)
        return ", ".join(part for part in (self.street_address, locality) if part)

    def services(self):
        from .pages import ServicePage

        return (
            ServicePage.objects.filter(place_links__place=self)
            .live()
            .public()
            .order_by("title")
            .distinct()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy (core.content_cache.lazy): regions served from the cache run none of these.
        context["services"] = lazy(self.services)
        context["partners_list"] = lazy(lambda: list(self.partners.all()))
        context["jsonld"] = lazy(lambda: jsonld.script_tag(jsonld.place(self, request)))
        return context


class PlacePartner(Orderable):
    """Who else works from the place (police, public cleanliness, a regional service…)."""

    page = ParentalKey(PlacePage, related_name="partners", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("what they do there"), max_length=200, blank=True)

    panels = [FieldRowPanel(["name", "role"])]

    class Meta(Orderable.Meta):
        verbose_name = _("partner present")
        verbose_name_plural = _("partners present")

    def __str__(self):
        return self.name


class PlaceWeeklyHours(WeeklyHoursRange):
    page = ParentalKey(PlacePage, related_name="weekly_hours", on_delete=models.CASCADE)

    class Meta(WeeklyHoursRange.Meta):
        verbose_name = _("weekly opening range")
        verbose_name_plural = _("weekly opening ranges")


class PlaceHoursException(HoursException):
    page = ParentalKey(PlacePage, related_name="hours_exceptions", on_delete=models.CASCADE)

    class Meta(HoursException.Meta):
        verbose_name = _("closure or special hours")
        verbose_name_plural = _("closures and special hours")
