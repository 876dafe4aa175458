"""Admin form of ActivityPage: themes and languages of the page's own language only."""

from maison.services.forms import LocaleFilteredPageForm


class ActivityPageForm(LocaleFilteredPageForm):
    locale_filtered_fields = ("themes", "languages")
