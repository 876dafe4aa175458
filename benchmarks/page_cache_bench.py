"""Page cache benchmark: in-process time and queries of a miss (full render) and a hit, per
page type, with the demo content.

    uv run python benchmarks/page_cache_bench.py [--short]

The database is a throw-away one (harness.py). A miss is measured with the page cache on
and the cache emptied before each request (the navigation cache is emptied too, as after
a publish); a hit is the same request again. Prints the figures.
"""

import argparse
import statistics
import sys

from harness import bench_database, count_queries, describe_run, timed

PAGES = {
    "home": "/fr/",
    "standard page": None,  # the first live StandardPage
    "service page": None,  # the first live ServicePage
    "activity finder": None,  # the first ActivityIndexPage
    "directory finder": None,  # the first DirectoryPage
    "calendar": None,  # the first CalendarPage
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--short", action="store_true", help="3 requests of each kind")
    args = parser.parse_args()
    repeat = 3 if args.short else 20

    with bench_database("pagecache"):
        from io import StringIO

        from django.conf import settings
        from django.core.cache import cache
        from django.core.management import call_command
        from django.test import Client

        from directory.models import DirectoryPage
        from events.models import CalendarPage
        from maison.activities.models import ActivityIndexPage
        from maison.core.models import StandardPage
        from maison.services.models import ServicePage

        call_command("load_demo", stdout=StringIO())
        settings.PAGE_CACHE_ENABLED = True
        settings.ALLOWED_HOSTS = ["*"]
        models = {
            "standard page": StandardPage,
            "service page": ServicePage,
            "activity finder": ActivityIndexPage,
            "directory finder": DirectoryPage,
            "calendar": CalendarPage,
        }
        pages = dict(PAGES)
        for name, model in models.items():
            page = model.objects.live().filter(locale__language_code="fr").first()
            pages[name] = page.url if page else None

        client = Client()
        print(f"# Page cache, in process ({describe_run()}), median of {repeat}")
        print(f"{'page':<18} {'miss ms':>8} {'queries':>8} {'hit ms':>8} {'queries':>8}")
        for name, url in pages.items():
            if url is None:
                print(f"{name:<18} (not in the demo)")
                continue
            client.get(url)  # per-process caches (site root paths, templates)
            misses, hits, miss_queries, hit_queries = [], [], 0, 0
            for _ in range(repeat):
                cache.clear()
                (response, miss_queries), [duration] = timed(
                    lambda url=url: count_queries(lambda: client.get(url))
                )
                assert response["X-Page-Cache"] == "miss", (name, response["X-Page-Cache"])
                misses.append(duration)
                (response, hit_queries), [duration] = timed(
                    lambda url=url: count_queries(lambda: client.get(url))
                )
                assert response["X-Page-Cache"] == "hit", name
                hits.append(duration)
            print(
                f"{name:<18} {statistics.median(misses) * 1000:8.1f} {miss_queries:8d} "
                f"{statistics.median(hits) * 1000:8.2f} {hit_queries:8d}"
            )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
