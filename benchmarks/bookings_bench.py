"""Bookings benchmarks: conflict preview of a 40-week recurring booking against 10,000
existing bookings, and the admin week view of a room holding 300 bookings.

    uv run python benchmarks/bookings_bench.py [--short]

The database is a throw-away one (harness.py): a temporary SQLite file, or a database
of its own on DATABASE_URL's PostgreSQL server. Prints the figures; docs/BENCHMARKS.md records them.
"""

import argparse
import os
import statistics
from datetime import date, datetime, timedelta

from harness import bench_database, describe_run, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--short", action="store_true", help="1,000 bookings, 3 runs")
    args = parser.parse_args()
    total = 1_000 if args.short else 10_000
    in_room = total * 17 // 100  # the benchmarked room holds 17 % of them
    runs = 3 if args.short else 20

    with bench_database("bookings"):
        from django.contrib.auth import get_user_model
        from django.test import Client
        from django.urls import reverse

        from events.bookings import services
        from events.bookings.rules import RuleContext
        from events.calendars import load_calendars
        from events.models import Booking, Room
        from events.scheduling import make_aware
        from maison.users.two_factor.testing import pass_second_factor

        load_calendars()
        rooms = [Room.objects.create(name=f"Salle {i}", capacity=30) for i in range(6)]
        room = rooms[0]
        # 10,000 bookings: 1,700 in the benchmarked room over two years (≈16 a week),
        # the rest spread over the other rooms (a tenth of that with --short).
        rows = []
        start_day = date(2027, 1, 4)
        for i in range(total):
            target = rooms[0] if i < in_room else rooms[1 + i % 5]
            k = i if i < in_room else (i - in_room) // 5  # index within its room
            day = start_day + timedelta(days=k // 4)
            hour = 8 + (k % 4) * 3
            start = make_aware(datetime.combine(day, datetime.min.time()).replace(hour=hour))
            booking = Booking(
                room=target,
                start=start,
                end=start + timedelta(hours=2),
                status=Booking.Status.CONFIRMED,
                purpose=f"Réservation {i}",
            )
            booking.set_blocked_range(target)
            rows.append(booking)
        Booking.objects.bulk_create(rows, batch_size=1000)
        user = get_user_model().objects.create_superuser("bench", "b@example.org", "x")
        ctx = RuleContext(user=user, now=make_aware(datetime(2027, 1, 1, 8)))
        template = Booking(
            room=room,
            start=make_aware(datetime(2027, 1, 6, 12, 0)),
            end=make_aware(datetime(2027, 1, 6, 13, 30)),
            status=Booking.Status.CONFIRMED,
            purpose="Atelier hebdomadaire",
        )
        spec = services.RecurrenceSpec(count=40, skip_public_holidays=False)

        def run_preview():
            _series, planned = services.plan_series(template, spec, ctx.now)
            return services.preview(planned, ctx)

        run_preview()
        if os.environ.get("PROFILE"):
            import cProfile

            cProfile.runctx("run_preview()", globals(), locals(), sort="cumtime")
        result, durations = timed(run_preview, repeat=runs)
        assert len(result) == 40
        print(f"Bookings benchmark, {describe_run()}")
        print(
            f"preview 40 weeks vs {total:,} bookings:"
            f" median {statistics.median(durations) * 1000:.1f} ms,"
            f" max {max(durations) * 1000:.1f} ms, {sum(1 for r in result if not r.ok)} clashes"
        )
        # Week view: 300 bookings in one week of one room.
        week_room = rooms[5]
        monday = date(2029, 1, 1)
        extra = []
        for i in range(300):
            day = monday + timedelta(days=i % 7)
            start = make_aware(datetime.combine(day, datetime.min.time())) + timedelta(
                minutes=20 * (i // 7) + 6 * 60
            )
            booking = Booking(
                room=week_room,
                start=start,
                end=start + timedelta(minutes=15),
                status=Booking.Status.CONFIRMED,
                purpose=f"Entretien {i}",
            )
            booking.set_blocked_range(week_room)
            extra.append(booking)
        Booking.objects.bulk_create(extra)
        client = Client()
        client.force_login(user)
        pass_second_factor(client, user)  # staff 2FA is on in the test settings
        url = reverse("events_booking_week:room", args=[week_room.pk])
        url += f"?date={monday:%Y-%m-%d}"
        client.get(url)  # warm-up
        response, durations = timed(lambda: client.get(url), repeat=max(3, runs // 2))
        assert response.status_code == 200, response.status_code
        print(
            f"week view, 300 bookings: median {statistics.median(durations) * 1000:.1f} ms,"
            f" max {max(durations) * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
