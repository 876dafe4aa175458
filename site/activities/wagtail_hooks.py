"""What the activities app adds to other parts of the site, through their hooks:

- (calendar filters by theme, audience, pôle and place are the calendar's own: the
  activity's ``get_series_metadata`` feeds them);
- a section on service pages (``maison_service_sections``): the activities of the
  service's pôle or about one of its needs;
- a home-page section (``maison_home_sections``): "This week for young people".
"""

from django.template.loader import render_to_string
from wagtail import hooks

from maison.core.content_cache import cached_section, content_cached
from maison.core.models import HOME_SECTIONS_HOOK
from maison.services.models.pages import SERVICE_SECTIONS_HOOK

from .models import ActivityIndexPage

# -- sections on other pages -----------------------------------------------------------


def _index_url(request, locale_id):
    def build():
        index = ActivityIndexPage.objects.live().public().filter(locale_id=locale_id).first()
        return (index.get_url(request) if index else None) or ""

    # A page's URL changes only when a page is saved (a new navigation version).
    return content_cached("activity-index-url", locale_id, build=build) or None


@hooks.register(SERVICE_SECTIONS_HOOK)
@cached_section("service-activities")
def service_activities_section(request, service_page) -> str | None:
    from .views import for_service

    activities = for_service(service_page)
    if not activities:
        return None
    return render_to_string(
        "activities/includes/service_section.html",
        {"activities": activities, "finder_url": _index_url(request, service_page.locale_id)},
        request=request,
    )


@hooks.register(HOME_SECTIONS_HOOK)
@cached_section("this-week")
def this_week_section(request, home_page) -> str | None:
    from .views import this_week

    activities = this_week(home_page.locale_id)
    if not activities:
        return None
    return render_to_string(
        "activities/includes/home_section.html",
        {"activities": activities, "finder_url": _index_url(request, home_page.locale_id)},
        request=request,
    )
