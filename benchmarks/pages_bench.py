"""Pages benchmark: render time and SQL queries of every public page type, with demo content.

    uv run python benchmarks/pages_bench.py [--short] [--renders N]

Loads the demo (`manage.py load_demo`, every app's) into a throw-away database
(harness.py: a temporary SQLite file, or a database of its own on DATABASE_URL's
PostgreSQL server), then requests each page type through Django's test client as an
anonymous visitor: one warm-up request (the page chrome and the content caches filled, as
after the first visitor; the cached page regions on, as in production, but no full-page
cache), the SQL queries of one request, then the median and max of N requests; then the
median and queries with the cached regions off (`CONTENT_CACHE_ENABLED`: the view, its
queries and its templates around the cached list fragments); then with every
cache emptied before each request (the first request after an editor's save: a new content
version, so chrome, routes, sections and content caches rebuilt); then, with the anonymous
page cache on (`core.page_cache`), the median of N hits and their queries (pages that are
never stored – forms, search, the sitemap – show "–"). Beside them, Wagtail's
starter home page (`benchmarks/starter.py`, `wagtail start`) rendered the same way in its
own process: the ratio column is each page's median over the starter's (target ≤ 1.5),
and pages above 12 queries are flagged. Prints a markdown table for docs/BENCHMARKS.md.
"""

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from harness import bench_database, count_queries, describe_run, timed
from starter import create_starter, starter_render_times

QUERY_BUDGET = 12
RATIO_TARGET = 1.5


def page_urls() -> list[tuple[str, str]]:
    """(label, URL) of every public page type: the demo's first page of each type in
    French, its routable sub-views, then one Dutch and one English sample."""
    from wagtail.models import Page

    from events.models import Room

    first: dict[str, str] = {}
    for page in Page.objects.live().specific().filter(depth__gt=1).order_by("path"):
        url = page.url
        if url and url.startswith("/fr/"):
            first.setdefault(type(page).__name__, url)

    def url(model: str, suffix: str = "") -> str:
        return first[model] + suffix

    room = Room.objects.order_by("pk").first()
    need = "decrochage-scolaire"
    urls = [
        ("home", url("HomePage")),
        ("standard page", url("StandardPage")),
        ("services index (pôles)", url("ServicesIndexPage")),
        ("pôle page", url("PolePage")),
        ("service page", url("ServicePage")),
        ("technoprévention request (form)", url("TechnopreventionRequestPage")),
        ("places index", url("PlacesIndexPage")),
        ("place page", url("PlacePage")),
        ("calendar (upcoming list)", url("CalendarPage")),
        ("calendar month", url("CalendarPage", "month/")),
        ("calendar week", url("CalendarPage", "week/")),
        ("event page", url("EventPage")),
        ("activity finder", url("ActivityIndexPage")),
        ("activity finder, filtered", url("ActivityIndexPage", "?age=14&theme=sport&free=1")),
        ("holiday courses", url("ActivityIndexPage", "stages/")),
        ("drop-in activities", url("ActivityIndexPage", "drop-in/")),
        ("activity page", url("ActivityPage")),
        ("directory finder", url("DirectoryPage")),
        ("directory finder, search + facet", url("DirectoryPage", f"?q=jeunesse&need={need}")),
        ("association page", url("AssociationPage")),
        ("rooms page", url("RoomsPage")),
        ("room free/busy week", url("RoomsPage", f"{room.pk}/") if room else None),
        ("search results", "/fr/search/?q=jeunesse"),
        ("sitemap.xml", "/sitemap.xml"),
    ]
    samples = {"nl": ("ServicePage", "service page (nl)"), "en": ("HomePage", "home (en)")}
    for language, (model, label) in samples.items():
        page = (
            Page.objects.live()
            .filter(locale__language_code=language, content_type__model=model.lower())
            .order_by("path")
            .first()
        )
        if page is not None:
            urls.append((label, page.url))
    return [(label, link) for label, link in urls if link]


def measure(client, url: str, renders: int) -> tuple:
    """Median and max render (ms) and queries with the page cache off (the shared caches
    warm, cached regions on as in production), the median and queries with the cached
    regions off too (what the view, its queries and the templates cost around the list
    fragments), the median render and queries with every cache empty (the first request
    after an editor's save), then the median hit (ms) and its queries with the page cache
    on (or "–" when the page is never stored)."""
    from django.core.cache import cache
    from django.test import override_settings

    with override_settings(CONTENT_CACHE_ENABLED=True):
        response = client.get(url)  # warm-up: chrome and content caches, templates
        assert response.status_code == 200, (url, response.status_code)
        response, queries = count_queries(lambda: client.get(url))
        assert response.status_code == 200, (url, response.status_code)
        _last, durations = timed(lambda: client.get(url), repeat=renders)
    client.get(url)
    _response, plain_queries = count_queries(lambda: client.get(url))
    _last, plain = timed(lambda: client.get(url), repeat=renders)

    def cold():
        cache.clear()  # as after a save: a new content version, nothing cached under it
        started = time.perf_counter()
        client.get(url)
        return time.perf_counter() - started

    cold_times = [cold() for _ in range(renders)]
    cache.clear()
    _response, cold_queries = count_queries(lambda: client.get(url))
    with override_settings(PAGE_CACHE_ENABLED=True):
        client.get(url)  # a miss that stores the page
        response, hit_queries = count_queries(lambda: client.get(url))
        hit = "–"
        if response.get("X-Page-Cache") == "hit":
            _last, hits = timed(lambda: client.get(url), repeat=renders)
            hit = f"{statistics.median(hits) * 1000:.2f} ms, {hit_queries} q"
    return (
        statistics.median(durations) * 1000,
        max(durations) * 1000,
        queries,
        statistics.median(plain) * 1000,
        plain_queries,
        statistics.median(cold_times) * 1000,
        cold_queries,
        hit,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--short", action="store_true", help="3 renders, a short starter run")
    parser.add_argument("--renders", type=int, default=None, help="renders per page (30)")
    args = parser.parse_args()
    renders = args.renders or (3 if args.short else 30)

    with tempfile.TemporaryDirectory() as tmpdir, bench_database("pages") as connection:
        from django.core.management import call_command
        from django.test import Client

        started = time.perf_counter()
        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        load_time = time.perf_counter() - started

        # The starter measured on the same database server as our pages.
        starter_db = None
        if connection.vendor == "postgresql":
            settings = connection.settings_dict
            starter_db = (
                f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:"
                f"{settings['PORT'] or 5432}/{settings['NAME']}_starter"
            )
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{settings["NAME"]}_starter"')
                cursor.execute(f'CREATE DATABASE "{settings["NAME"]}_starter"')
        try:
            project = create_starter(Path(tmpdir) / "starter", database_url=starter_db)
            starter_times, starter_queries = starter_render_times(
                project, repeat=renders, database_url=starter_db
            )
        finally:
            if starter_db:
                connection.close()
                with connection.cursor() as cursor:
                    cursor.execute(f'DROP DATABASE IF EXISTS "{settings["NAME"]}_starter"')
        starter_median = statistics.median(starter_times)

        client = Client()
        rows = [(label, url, *measure(client, url, renders)) for label, url in page_urls()]

        print(f"Pages benchmark, {describe_run()}")
        print(f"demo loaded in {load_time:.1f} s; {renders} renders per page after a warm-up")
        print()
        print(
            "| page | URL | median / max | × starter | queries "
            "| regions off: median, × starter, queries "
            "| caches empty: median, × starter, queries | page cache hit |"
        )
        print("| --- | --- | --- | --- | --- | --- | --- | --- |")
        print(
            f"| Wagtail starter home | `/` | {starter_median:.1f} / {max(starter_times):.1f} ms "
            f"| 1.00 | {starter_queries} | – | – | – |"
        )
        over_ratio, over_budget = [], []
        for row in rows:
            label, url, median, worst, queries, plain, plain_queries, cold, cold_queries, hit = row
            ratio = median / starter_median
            flag = " ⚠" if max(queries, plain_queries) > QUERY_BUDGET else ""
            print(
                f"| {label} | `{url}` | {median:.1f} / {worst:.1f} ms | {ratio:.2f} "
                f"| {queries}{flag} | {plain:.1f} ms, {plain / starter_median:.2f}, "
                f"{plain_queries} | {cold:.1f} ms, {cold / starter_median:.2f}, "
                f"{cold_queries} | {hit} |"
            )
            if ratio > RATIO_TARGET:
                over_ratio.append(label)
            if max(queries, plain_queries) > QUERY_BUDGET:
                over_budget.append(label)
        print()
        print(
            f"above {RATIO_TARGET}× the starter: {', '.join(over_ratio) or 'none'}; "
            f"above {QUERY_BUDGET} queries: {', '.join(over_budget) or 'none'}"
        )


if __name__ == "__main__":
    main()
