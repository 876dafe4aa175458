"""The public side of room bookings: one page type, ``RoomsPage``, that editors place under
a home page (and in the menu). It lists the rooms partners may request and answers, per
room, a free/busy week and the request form (``public_views``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from maison.core.models import BasePage


class RoomsPage(RoutablePageMixin, BasePage):
    """Rooms open to partner requests: free/busy weeks (times only, no names or purposes)
    and a request form without an account. A room appears here when it is bookable and
    "partners may request it" is ticked."""

    intro = models.TextField(_("introduction"), blank=True)
    thanks_text = models.TextField(
        _("confirmation text"),
        blank=True,
        help_text=_("Shown after a request is sent, e.g. when the coordination answers."),
    )

    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, "intro", "thanks_text"]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("rooms page (free/busy and requests)")
        verbose_name_plural = _("rooms pages (free/busy and requests)")

    @path("")
    def index_view(self, request):
        from . import public_views

        return public_views.room_list(request, self)

    @path("<int:room_id>/", name="room")
    def room_view(self, request, room_id):
        from . import public_views

        return public_views.free_busy(request, self, room_id)

    @path("<int:room_id>/request/", name="request")
    def request_view(self, request, room_id):
        from . import public_views

        return public_views.request_form(request, self, room_id)

    @path("request-sent/", name="sent")
    def sent_view(self, request):
        from . import public_views

        return public_views.request_sent(request, self)

    def get_cached_paths(self):
        """What a CDN purge lists on publish: the list and each room's free/busy week."""
        from .public_views import requestable_rooms

        return ["/", *(f"/{pk}/" for pk in requestable_rooms().values_list("pk", flat=True))]

    def get_sitemap_urls(self, request=None):
        return [{"location": self.get_full_url(request), "lastmod": self.last_published_at}]
