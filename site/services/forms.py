"""Admin form for pages that link to translatable snippets: offer only the snippets of the
page's own language (otherwise editors see every need three times)."""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale


class LocaleFilteredPageForm(WagtailAdminPageForm):
    locale_filtered_fields = ("needs", "audiences", "languages", "funders")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = getattr(self.instance, "locale", None) if self.instance.locale_id else None
        if locale is None and self.parent_page is not None:
            locale = self.parent_page.locale
        if locale is None:
            locale = Locale.get_default()
        for name in self.locale_filtered_fields:
            field = self.fields.get(name)
            if field is not None:
                field.queryset = field.queryset.filter(locale=locale)
