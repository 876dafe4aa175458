"""Events benchmarks: occurrence generation for 200 weekly series over the 18-month
horizon, and the month view of a calendar holding them.

    uv run python benchmarks/events_bench.py [--short]

The database is a throw-away one (harness.py): a temporary SQLite file, or a database
of its own on DATABASE_URL's PostgreSQL server. Prints the figures; docs/BENCHMARKS.md records them.
"""

import argparse
import statistics
from datetime import date, datetime

from harness import bench_database, count_queries, describe_run, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--short", action="store_true", help="20 series, 3 renders (smoke run)")
    args = parser.parse_args()
    series_count = 20 if args.short else 200
    renders = 3 if args.short else 10

    with bench_database("events"):
        import recurrence
        import time_machine
        from django.test import Client

        from events.calendars import load_calendars
        from events.models import CalendarPage, EventPage, Occurrence, Room, Series
        from events.scheduling import make_aware
        from events.services import sync_series
        from maison.core.testing import build_site_tree

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
            response, queries = count_queries(lambda: client.get(url))
            assert response.status_code == 200
            _responses, render_times = timed(lambda: client.get(url), repeat=renders)
            list_url = calendar.url
            _responses, list_times = timed(lambda: client.get(list_url), repeat=renders)
            feed_url = calendar.url + "ics/"
            _responses, feed_times = timed(
                lambda: client.get(feed_url), repeat=max(1, renders // 5)
            )
        run = describe_run()
        print(f"Events benchmark, {run}")
        print(f"series: {series_count} weekly (half skip school holidays), horizon 18 months")
        created = result.created
        print(f"generation: {generation * 1000:.0f} ms for {created} occurrences ({total} rows)")
        print(f"regeneration (nothing to change): {regeneration * 1000:.0f} ms")
        print(
            f"month view (Dec 2026): median {statistics.median(render_times) * 1000:.0f} ms, "
            f"max {max(render_times) * 1000:.0f} ms over {renders} renders, {queries} queries"
        )
        print(f"upcoming list: median {statistics.median(list_times) * 1000:.0f} ms")
        print(f"whole-calendar ICS feed: median {statistics.median(feed_times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
