"""Admin form of ActivityPage: themes and languages of the page's own language only."""

from events.page_forms import WorkshopConflictsMixin
from maison.services.forms import LocaleFilteredPageForm


class ActivityPageForm(WorkshopConflictsMixin, LocaleFilteredPageForm):
    locale_filtered_fields = ("themes", "languages")
