"""Pages and settings every part of the site shares: BasePage, HomePage, StandardPage."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from .blocks import BaseStreamBlock, EmergencyNumberBlock, QuickLinkBlock
from .request_memo import view_restrictions
from .routing import route_below

HOME_SECTIONS_HOOK = "maison_home_sections"


class QuickExitMixin(models.Model):
    """A page that a person in danger may need to leave fast shows the quick-exit button."""

    quick_exit = models.BooleanField(
        _("show the quick-exit button"),
        default=False,
        help_text=_(
            "For pages about violence, abuse or other sensitive topics: a button (and "
            "Escape pressed three times) leaves for a neutral site at once."
        ),
    )

    class Meta:
        abstract = True


class ListingMixin(models.Model):
    """How the page looks when another page lists it (cards, search results)."""

    listing_summary = models.CharField(
        _("listing summary"),
        max_length=255,
        blank=True,
        help_text=_("One or two sentences shown in lists and search results."),
    )
    listing_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    listing_panels = [
        MultiFieldPanel(
            ["listing_summary", "listing_image"],
            heading=_("In lists and search results"),
        )
    ]

    class Meta:
        abstract = True


class BasePage(QuickExitMixin, ListingMixin, Page):
    """What every page type of the site extends."""

    search_fields = [*Page.search_fields, index.SearchField("listing_summary")]
    promote_panels = [*Page.promote_panels, *ListingMixin.listing_panels, "quick_exit"]

    class Meta:
        abstract = True

    # Under the title in search results when a page has upcoming dates (ActivityPage
    # overrides it). Declared here: a template's lookup of a missing attribute costs a
    # dir() of the whole page object in Django's variable resolution.
    next_date_display = ""

    @property
    def summary(self) -> str:
        return self.listing_summary or self.search_description

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        return route_below(self, request, path_components)  # one query, not two per level

    def get_view_restrictions(self):
        # No restriction anywhere (the usual case): none applies here, without the two
        # queries of Wagtail's ancestor walk. The list is read once per request.
        if not view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class HomePage(BasePage):
    """The home page of one language (one per locale, all children of the tree root)."""

    intro = models.TextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    quick_links = StreamField(
        [("quick_link", QuickLinkBlock())],
        verbose_name=_("quick links"),
        blank=True,
        max_num=8,
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    # No subpage_types: each section's page type names HomePage among its parents, so core
    # does not need to know the feature apps. Every page type sets parent_page_types.
    parent_page_types = ["wagtailcore.Page"]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(["intro", "hero_image"], heading=_("Hero")),
        "quick_links",
        "body",
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Feature apps add sections (next events, new activities…) through a hook, so
        # core never imports them.
        context["home_sections"] = [
            section
            for hook in hooks.get_hooks(HOME_SECTIONS_HOOK)
            if (section := hook(request, self)) is not None
        ]
        return context


class StandardPage(BasePage):
    """A page of text and blocks: about, funding, accessibility statement, privacy…"""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["core.HomePage", "core.StandardPage"]
    subpage_types = ["core.StandardPage"]

    content_panels = [*Page.content_panels, "intro", "body"]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details, emergency numbers, social links and footer of one site."""

    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    street_address = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    locality = models.CharField(_("municipality"), max_length=100, blank=True)
    emergency_numbers = StreamField(
        [("number", EmergencyNumberBlock())], verbose_name=_("emergency numbers"), blank=True
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    footer_text = RichTextField(
        _("footer text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown in every language; keep it short (e.g. the responsible publisher)."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    quick_exit_everywhere = models.BooleanField(_("quick-exit button on every page"), default=False)
    quick_exit_url = models.URLField(
        _("quick-exit destination"),
        default=settings.QUICK_EXIT_DEFAULT_URL,
        help_text=_("A neutral site (weather, news) that the quick-exit button opens."),
    )

    panels = [
        MultiFieldPanel(
            ["phone", "email", "street_address", "postcode", "locality"], heading=_("Contact")
        ),
        "emergency_numbers",
        MultiFieldPanel(["facebook_url", "instagram_url"], heading=_("Social media")),
        MultiFieldPanel(["footer_text", "accessibility_page", "privacy_page"], heading=_("Footer")),
        MultiFieldPanel(["quick_exit_everywhere", "quick_exit_url"], heading=_("Quick exit")),
    ]

    class Meta:
        verbose_name = _("site settings")
