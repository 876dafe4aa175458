"""Site search: live, public pages of the visitor's language. Terms are never stored or logged."""

import unicodedata

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
MAX_RESULTS = 500  # more than the pages of any language; the best-ranked are shown first


def clean_query(raw: str) -> str:
    """Printable text only (control characters break full-text parsers), bounded length."""
    printable = "".join(c if unicodedata.category(c)[0] != "C" else " " for c in raw)
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def search(request):
    query = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).exclude(depth=1)
        # One ranked query for the hits (no separate COUNT). Each shown result is the
        # page's own fragment, cached under the content version and the section slot
        # (never the words searched: the key is the page), so only the results not cached
        # yet need their specific pages.
        hits = list(pages.only("pk").search(query)[:MAX_RESULTS])
        results = Paginator(hits, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "results": results,
            "specific_pages": specific_pages,
            "page_title": _("Search"),
        },
    )


def specific_pages(pages: list[Page]) -> list[Page]:
    """The specific pages of ``pages``, in order: one query per page type."""
    by_pk = {page.pk: page for page in Page.objects.filter(pk__in=[p.pk for p in pages]).specific()}
    return [by_pk.get(page.pk, page) for page in pages]


specific_pages.do_not_call_in_templates = True  # render_each calls it with the pages
