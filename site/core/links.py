"""Link values shared by blocks: an internal page (in the visitor's language) or a URL."""

from wagtail.blocks import StructValue


class LinkStructValue(StructValue):
    """A link block's value: templates write ``value.url`` and ``value.text``."""

    @property
    def url(self) -> str:
        page = self.get("page")
        if page:
            return page.localized.url
        return self.get("url") or ""

    @property
    def text(self) -> str:
        label = self.get("label")
        if label:
            return label
        page = self.get("page")
        return page.localized.title if page else self.get("url") or ""
