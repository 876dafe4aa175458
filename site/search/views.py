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
        # One ranked query for the hits (no separate COUNT), then the specific pages of the
        # shown page of results only.
        hits = list(pages.search(query)[:MAX_RESULTS])
        results = Paginator(hits, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        shown = Page.objects.filter(pk__in=[hit.pk for hit in results.object_list]).specific()
        by_pk = {page.pk: page for page in shown}
        results.object_list = [by_pk.get(hit.pk, hit) for hit in results.object_list]
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "results": results,
            "page_title": _("Search"),
        },
    )
