"""Admin registrations (Calendar menu: dates, rooms, holiday calendars), the "Dates" button
on pages that own series, and the home page's "next events" section."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import HeaderButton

from maison.core.content_cache import cached_section
from maison.core.models import HOME_SECTIONS_HOOK

from .admin_views import CalendarGroup
from .models import CalendarPage, Occurrence, SeriesOwnerMixin

HOME_SECTION_SIZE = 4


@hooks.register("register_admin_viewset")
def register_calendar_viewsets():
    return CalendarGroup()


@hooks.register("register_page_header_buttons")
def page_dates_button(page, user, view_name, next_url=None):
    if not issubclass(page.specific_class or type(page), SeriesOwnerMixin):
        return
    if not user.has_perm("events.change_occurrence"):
        return
    yield HeaderButton(
        _("Dates"),
        url=reverse("events_dates:index") + f"?owner={page.pk}&period=upcoming",
        icon_name="date",
        priority=40,
    )


@hooks.register(HOME_SECTIONS_HOOK)
@cached_section("next-events")
def next_events_section(request, home_page) -> str | None:
    from .views import to_entries

    occurrences = (
        Occurrence.objects.public()
        .upcoming()
        .exclude(status=Occurrence.Status.CANCELLED)
        .with_related()[:HOME_SECTION_SIZE]
    )
    entries = to_entries(request, occurrences)
    if not entries:
        return None
    calendar_page = (
        CalendarPage.objects.live().public().filter(locale_id=home_page.locale_id).first()
    )
    return render_to_string(
        "events/home_section.html",
        {
            "entries": entries,
            "calendar_url": calendar_page.get_url(request) if calendar_page else None,
        },
        request=request,
    )


from .bookings import wagtail_hooks as _booking_hooks  # noqa: E402, F401
