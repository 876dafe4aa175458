"""Events benchmarks: occurrence generation for 200 weekly series over the 18-month
horizon, and the month view of a calendar holding them.

    uv run python benchmarks/events_bench.py [--short]

Uses DATABASE_URL when set (PostgreSQL: give it a database of its own, the script creates
``<name>_bench`` through Django's test runner and drops it), else a throw-away SQLite file.
Prints the figures; docs/BENCHMARKS.md records them.
"""

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def setup_django(tmpdir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maison.settings.test")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = f"sqlite:///{tmpdir}/bench.sqlite3"
    import django

    django.setup()


def timed(function, repeat=1):
    durations = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        durations.append(time.perf_counter() - start)
    return result, durations


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--short", action="store_true", help="20 series, 3 renders (smoke run)")
    args = parser.parse_args()
    series_count = 20 if args.short else 200
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
        from events.models import CalendarPage, EventPage, Occurrence, Room, Series
        from events.scheduling import make_aware
        from events.services import sync_series
        from maison.core.testing import build_site_tree

        setup_test_environment()
        if connection.vendor == "sqlite":
            # Not the test suite's file database: the two may run at the same time.
            connection.settings_dict["TEST"]["NAME"] = f"{tmpdir}/bench-test.sqlite3"
        else:
            connection.settings_dict["TEST"]["NAME"] = connection.settings_dict["NAME"] + "_bench"
        db_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            now = make_aware(datetime(2026, 11, 27, 10, 0))
            with time_machine.travel(now, tick=True):
                tree = build_site_tree()
                load_calendars()
                calendar = CalendarPage(title="Agenda", slug="agenda")
                tree.home.add_child(instance=calendar)
                calendar.save_revision().publish()
                rooms = [Room.objects.create(name=f"Salle {i}") for i in range(6)]
                days = [recurrence.MO, recurrence.TU, recurrence.WE, recurrence.TH, recurrence.FR]
                series_list = []
                for index in range(series_count):
                    page = EventPage(title=f"Atelier {index}", slug=f"atelier-{index}")
                    calendar.add_child(instance=page)
                    series_list.append(
                        Series.objects.create(
                            page=page,
                            start_date=date(2026, 9, 1),
                            start_time=datetime(2000, 1, 1, 9 + index % 9).time(),
                            end_time=datetime(2000, 1, 1, 10 + index % 9, 30).time(),
                            recurrence=recurrence.Recurrence(
                                rrules=[recurrence.Rule(recurrence.WEEKLY, byday=[days[index % 5]])]
                            ),
                            room=rooms[index % len(rooms)],
                            school_holidays="skip" if index % 2 else "ignore",
                        )
                    )

                result, (generation,) = timed(lambda: sync_series(series_list, now=now))
                total = Occurrence.objects.count()
                _again, (regeneration,) = timed(lambda: sync_series(series_list, now=now))

                client = Client()
                url = calendar.url + "month/?year=2026&month=12"
                client.get(url)  # warm-up (templates, site root paths)
                queries = []
                with connection.execute_wrapper(
                    lambda execute, sql, params, many, context: (
                        queries.append(sql) or execute(sql, params, many, context)
                    )
                ):
                    response = client.get(url)
                assert response.status_code == 200
                _responses, render_times = timed(lambda: client.get(url), repeat=renders)
                list_url = calendar.url
                _responses, list_times = timed(lambda: client.get(list_url), repeat=renders)
                feed_url = calendar.url + "ics/"
                _responses, feed_times = timed(
                    lambda: client.get(feed_url), repeat=max(1, renders // 5)
                )
        finally:
            connection.creation.destroy_test_db(db_name, verbosity=0)

        vendor = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        machine = f"{platform.node()} ({os.cpu_count()} CPUs)"
        print(f"Events benchmark, {date.today()}, {machine}, {vendor}")
        print(f"series: {series_count} weekly (half skip school holidays), horizon 18 months")
        created = result.created
        print(f"generation: {generation * 1000:.0f} ms for {created} occurrences ({total} rows)")
        print(f"regeneration (nothing to change): {regeneration * 1000:.0f} ms")
        print(
            f"month view (Dec 2026): median {statistics.median(render_times) * 1000:.0f} ms, "
            f"max {max(render_times) * 1000:.0f} ms over {renders} renders, {len(queries)} queries"
        )
        print(f"upcoming list: median {statistics.median(list_times) * 1000:.0f} ms")
        print(f"whole-calendar ICS feed: median {statistics.median(feed_times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
