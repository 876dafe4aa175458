"""Activities benchmark: the finder with 150 activities and 300 weekly series.

    uv run python benchmarks/activities_bench.py [--short]

The database is a throw-away one (harness.py): a temporary SQLite file, or a database
of its own on DATABASE_URL's PostgreSQL server. "Now" is frozen at
Friday 27 November 2026, 10:00 in Brussels. Prints the figures; docs/BENCHMARKS.md
records them.
"""

import argparse
import statistics
import time
from datetime import date, datetime
from datetime import time as clock

from harness import bench_database, count_queries, describe_run, timed

QUERIES = {
    "no filter": "",
    "age + theme + free": "?age=14&theme=sport&free=1",
    "day + time of day": "?day=3&time=after_school",
    "next holidays": "?holidays=1",
    "empty (suggestions)": "?age=3&time=evening&free=1",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--short", action="store_true", help="15 activities, 3 renders")
    args = parser.parse_args()
    activity_count = 15 if args.short else 150
    renders = 3 if args.short else 10

    with bench_database("activities"):
        import recurrence
        import time_machine
        from django.test import Client

        from events.calendars import load_calendars
        from events.models import Occurrence
        from events.scheduling import make_aware
        from maison.activities.testing import (
            build_activity_index,
            build_themes,
            make_activity,
            weekly,
        )
        from maison.core.testing import build_site_tree

        results = {}
        now = make_aware(datetime(2026, 11, 27, 10, 0))
        with time_machine.travel(now, tick=True):
            tree = build_site_tree()
            load_calendars()
            themes = list(build_themes().values())
            index = build_activity_index(tree)["fr"]
            days = [recurrence.MO, recurrence.TU, recurrence.WE, recurrence.TH]
            days += [recurrence.FR, recurrence.SA]
            until = datetime(2027, 6, 25)
            started = time.perf_counter()
            for number in range(activity_count):
                low = 6 + number % 14
                make_activity(
                    index,
                    f"Activité {number}",
                    slug=f"activite-{number}",
                    themes=[themes[number % len(themes)]["fr"]],
                    min_age=low,
                    max_age=low + 5,
                    cost="free" if number % 3 else "paid",
                    cost_amount=None if number % 3 else 10,
                    fast=True,
                    series=[
                        {
                            "start_date": date(2026, 9, 1),
                            "start_time": clock(13 + (number + n) % 7),
                            "end_time": clock(14 + (number + n) % 7, 30),
                            "recurrence": weekly(days[(number + 3 * n) % 6], until=until),
                            "school_holidays": ["skip", "ignore", "only"][(number + n) % 3],
                        }
                        for n in range(2)
                    ],
                )
            build_time = time.perf_counter() - started
            dates = Occurrence.objects.count()
            client = Client()
            for label, query in QUERIES.items():
                url = index.url + query
                client.get(url)  # warm-up
                response, queries = count_queries(lambda url=url: client.get(url))
                assert response.status_code == 200
                _last, durations = timed(lambda url=url: client.get(url), repeat=renders)
                results[label] = (statistics.median(durations), max(durations), queries)
            _last, holidays = timed(lambda: client.get(index.url + "stages/"), repeat=renders)
        run = describe_run()
        print(f"Activities benchmark, {run}")
        print(
            f"{activity_count} activities, {2 * activity_count} weekly series, {dates} dates "
            f"(built in {build_time:.1f} s)"
        )
        for label, (median, worst, queries) in results.items():
            print(
                f"finder, {label}: median {median * 1000:.0f} ms, max {worst * 1000:.0f} ms, "
                f"{queries} queries"
            )
        print(f"holiday courses: median {statistics.median(holidays) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
