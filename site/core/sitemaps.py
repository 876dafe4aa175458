"""sitemap.xml covering every language: the site's root page and all its translations."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True)
        tree = Page.objects.none()
        for root in roots:
            tree = tree | Page.objects.descendant_of(root, inclusive=True)
        # Every get_sitemap_urls reads base fields only (URL, dates): specific instances
        # with their own fields deferred, without one query per page type.
        return tree.live().public().order_by("path").specific(defer=True)
