"""Activities benchmark: the finder with 150 activities and 300 weekly series.

    uv run python benchmarks/activities_bench.py [--short]

Uses DATABASE_URL when set (PostgreSQL: the script creates ``<name>_bench`` through
Django's test runner and drops it), else a throw-away SQLite file. "Now" is frozen at
Friday 27 November 2026, 10:00 in Brussels. Prints the figures; docs/BENCHMARKS.md
records them.
"""

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUERIES = {
    "no filter": "",
    "age + theme + free": "?age=14&theme=sport&free=1",
    "day + time of day": "?day=3&time=after_school",
    "next holidays": "?holidays=1",
    "empty (suggestions)": "?age=3&time=evening&free=1",
}


def setup_django(tmpdir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maison.settings.test")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = f"sqlite:///{tmpdir}/bench.sqlite3"
    import django

    django.setup()


def timed(function, repeat=1):
    durations = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        durations.append(time.perf_counter() - start)
    return durations


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--short", action="store_true", help="15 activities, 3 renders")
    args = parser.parse_args()
    activity_count = 15 if args.short else 150
    renders = 3 if args.short else 10

    with tempfile.TemporaryDirectory() as tmpdir:
        setup_django(tmpdir)
        import recurrence
        import time_machine
        from django.conf import settings
        from django.db import connection
        from django.test import Client
        from django.test.utils import setup_test_environment

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

        setup_test_environment()
        if connection.vendor == "sqlite":
            connection.settings_dict["TEST"]["NAME"] = f"{tmpdir}/bench-test.sqlite3"
        else:
            connection.settings_dict["TEST"]["NAME"] = connection.settings_dict["NAME"] + "_bench"
        db_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        results = {}
        try:
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
                    captured = []
                    with connection.execute_wrapper(
                        lambda execute, sql, params, many, context, captured=captured: (
                            captured.append(sql) or execute(sql, params, many, context)
                        )
                    ):
                        assert client.get(url).status_code == 200
                    durations = timed(lambda url=url: client.get(url), repeat=renders)
                    results[label] = (statistics.median(durations), max(durations), len(captured))
                holidays = timed(lambda: client.get(index.url + "stages/"), repeat=renders)
        finally:
            connection.creation.destroy_test_db(db_name, verbosity=0)

        vendor = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        machine = f"{platform.node()} ({os.cpu_count()} CPUs)"
        print(f"Activities benchmark, {date.today()}, {machine}, {vendor}")
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
