"""The services section: ServicesIndexPage → PolePage → ServicePage."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from maison.core.blocks import BaseStreamBlock
from maison.core.content_cache import lazy
from maison.core.models import BasePage

from .. import jsonld
from ..forms import LocaleFilteredPageForm
from ..opening_hours_models import HasOpeningHours, HoursException, WeeklyHoursRange

# Later apps (activities, directory) add sections to a service page ("Activities",
# "Partner associations") through this hook: ``hook(request, service_page)`` returns HTML
# or None. Services never imports them (see ARCHITECTURE.md, dependency direction).
SERVICE_SECTIONS_HOOK = "maison_service_sections"


class ServicePageQuerySet(PageQuerySet):
    def for_listing(self):
        """Live, public services with what a card shows, in a fixed number of queries."""
        return (
            self.live()
            .public()
            .select_related("listing_image")
            .prefetch_related("audiences")
            .order_by("path")
        )

    def for_need(self, need):
        return self.filter(needs__translation_key=need.translation_key).distinct()

    def for_audience(self, audience):
        return self.filter(audiences__translation_key=audience.translation_key).distinct()


ServicePageManager = PageManager.from_queryset(ServicePageQuerySet)


class PolePageQuerySet(PageQuerySet):
    def for_listing(self):
        return self.live().public().order_by("path")


PolePageManager = PageManager.from_queryset(PolePageQuerySet)


class ServicesIndexPage(BasePage):
    """Lists the pôles, each with its services."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["core.HomePage"]
    subpage_types = ["services.PolePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, "intro", "body"]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("services index")
        verbose_name_plural = _("services indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def poles() -> list:
            services = ServicePage.objects.descendant_of(self).for_listing()
            by_pole: dict[str, list] = {}
            for service in services:
                by_pole.setdefault(service.path[: -Page.steplen], []).append(service)
            return [
                (pole, by_pole.get(pole.path, []))
                for pole in PolePage.objects.child_of(self).for_listing()
            ]

        # Lazy (core.content_cache.lazy): a main region served from the cache runs no query.
        context["poles"] = lazy(poles)
        return context


class PolePage(BasePage):
    """One pôle (or the Coordination): what it does and the services it runs."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)

    objects = PolePageManager()

    parent_page_types = ["services.ServicesIndexPage"]
    subpage_types = ["services.ServicePage"]

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro", required_on_save=True),
        "body",
        MultiFieldPanel(["phone", "email"], heading=_("Contact")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("pôle")
        verbose_name_plural = _("pôles")

    def services(self):
        return ServicePage.objects.child_of(self).for_listing()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy (core.content_cache.lazy): building the queryset, even unevaluated, takes
        # longer than serving the whole main region from the cache.
        context["services"] = lazy(self.services)
        return context


# The context values of a service page read from its cached facts (``ServicePage._facts``).
SERVICE_FACTS = ("needs", "audiences", "languages", "funders", "places", "related_services")


class CostChoices(models.TextChoices):
    FREE = "free", _("Free")
    LOW = "low", _("Low cost")
    PAID = "paid", _("Paid")


class ServicePage(HasOpeningHours, BasePage):
    """A service: for whom, which needs, how to get in, cost, languages, where, when, funder."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("What the service does, in two sentences.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    audiences = ParentalManyToManyField(
        "services.Audience", verbose_name=_("for whom"), blank=True, related_name="services"
    )
    needs = ParentalManyToManyField(
        "services.Need", verbose_name=_("needs answered"), blank=True, related_name="services"
    )
    access_walk_in = models.BooleanField(_("walk-in, without appointment"), default=False)
    access_appointment = models.BooleanField(_("by appointment"), default=False)
    access_phone = models.BooleanField(_("by phone"), default=False)
    access_outreach = models.BooleanField(_("outreach in the street"), default=False)
    access_details = models.CharField(
        _("how to get in: details"),
        max_length=255,
        blank=True,
        help_text=_("E.g. who to ask for, what to bring. Hours go in “Opening hours”."),
    )
    cost = models.CharField(
        _("cost"), max_length=10, choices=CostChoices.choices, default=CostChoices.FREE
    )
    cost_details = models.CharField(_("cost details"), max_length=255, blank=True)
    languages = ParentalManyToManyField(
        "services.Language", verbose_name=_("languages spoken"), blank=True
    )
    funders = ParentalManyToManyField(
        "services.Funder", verbose_name=_("funded by"), blank=True, related_name="services"
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)

    objects = ServicePageManager()

    base_form_class = LocaleFilteredPageForm
    parent_page_types = ["services.PolePage"]
    subpage_types = ["services.TechnopreventionRequestPage"]

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro", required_on_save=True),
        "body",
        MultiFieldPanel(
            [
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("needs", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("For whom, for what"),
        ),
        MultiFieldPanel(
            [
                "access_walk_in",
                "access_appointment",
                "access_phone",
                "access_outreach",
                "access_details",
                "phone",
                "email",
            ],
            heading=_("How to get in"),
        ),
        MultiFieldPanel(
            ["cost", "cost_details", FieldPanel("languages", widget=forms.CheckboxSelectMultiple)],
            heading=_("Cost and languages"),
        ),
        InlinePanel("place_links", label=_("Place"), heading=_("Where")),
        HasOpeningHours.opening_hours_panels(),
        FieldPanel("funders", widget=forms.CheckboxSelectMultiple),
        InlinePanel("related_links", label=_("Related service"), heading=_("Related services")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("access_details"),
        index.RelatedFields("needs", [index.SearchField("name")]),
        index.RelatedFields("audiences", [index.SearchField("name")]),
        index.FilterField("cost"),
    ]

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")

    @property
    def access_modes(self) -> list[str]:
        modes = [
            (self.access_walk_in, _("Walk-in, without appointment")),
            (self.access_appointment, _("By appointment")),
            (self.access_phone, _("By phone")),
            (self.access_outreach, _("In the street: our teams come to you")),
        ]
        return [label for enabled, label in modes if enabled]

    def _facts(self) -> dict:
        """What the page shows that only editors change (cached by ``get_context``): the
        SERVICE_FACTS."""
        from .taxonomy import localized_all

        return {
            "needs": localized_all(self.needs.all()),
            "audiences": localized_all(self.audiences.all()),
            "languages": localized_all(self.languages.all()),
            "funders": localized_all(self.funders.all()),
            "places": [
                link.place.localized
                for link in self.place_links.select_related("place").filter(place__live=True)
            ],
            "related_services": [
                link.service.localized
                for link in self.related_links.select_related("service").filter(service__live=True)
            ],
        }

    def get_context(self, request, *args, **kwargs):
        from .taxonomy import lazy_facts

        context = super().get_context(request, *args, **kwargs)
        context.update(lazy_facts(request, self, "service-facts", self._facts, SERVICE_FACTS))
        context["service_sections"] = lazy(
            lambda: [
                section
                for hook in hooks.get_hooks(SERVICE_SECTIONS_HOOK)
                if (section := hook(request, self)) is not None
            ]
        )
        # Title and URL only: the generic pages do (one query, not two).
        context["request_pages"] = lazy(lambda: self.get_children().live().public())
        context["jsonld"] = lazy(
            lambda: jsonld.script_tag(
                jsonld.service(
                    self,
                    request,
                    audiences=context["audiences"](),
                    funders=context["funders"](),
                    places=context["places"](),
                    languages=context["languages"](),
                )
            )
        )
        return context


class ServiceWeeklyHours(WeeklyHoursRange):
    page = ParentalKey(ServicePage, related_name="weekly_hours", on_delete=models.CASCADE)

    class Meta(WeeklyHoursRange.Meta):
        verbose_name = _("weekly opening range")
        verbose_name_plural = _("weekly opening ranges")


class ServiceHoursException(HoursException):
    page = ParentalKey(ServicePage, related_name="hours_exceptions", on_delete=models.CASCADE)

    class Meta(HoursException.Meta):
        verbose_name = _("closure or special hours")
        verbose_name_plural = _("closures and special hours")


class ServicePlace(Orderable):
    page = ParentalKey(ServicePage, related_name="place_links", on_delete=models.CASCADE)
    place = models.ForeignKey(
        "services.PlacePage",
        verbose_name=_("place"),
        on_delete=models.CASCADE,
        related_name="service_links",
    )

    panels = [PageChooserPanel("place", "services.PlacePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("place of a service")
        verbose_name_plural = _("places of a service")
        constraints = [
            models.UniqueConstraint(fields=["page", "place"], name="unique_service_place")
        ]


class RelatedService(Orderable):
    page = ParentalKey(ServicePage, related_name="related_links", on_delete=models.CASCADE)
    service = models.ForeignKey(
        ServicePage, verbose_name=_("service"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("service", "services.ServicePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related service")
        verbose_name_plural = _("related services")
