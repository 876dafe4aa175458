"""Bookings benchmarks: conflict preview of a 40-week recurring booking against 10,000
existing bookings, and the admin week view of a room holding 300 bookings.

    uv run python benchmarks/bookings_bench.py

Uses DATABASE_URL when set (PostgreSQL: the script creates ``<name>_bench`` and drops
it), else a throw-away SQLite file. Prints the figures; docs/BENCHMARKS.md records them.
"""

import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmpdir:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maison.settings.test")
        if not os.environ.get("DATABASE_URL"):
            os.environ["DATABASE_URL"] = f"sqlite:///{tmpdir}/bench.sqlite3"
        import django

        django.setup()
        from django.contrib.auth import get_user_model
        from django.db import connection
        from django.test import Client
        from django.test.utils import setup_test_environment

        from events.bookings import services
        from events.bookings.rules import RuleContext
        from events.calendars import load_calendars
        from events.models import Booking, Room
        from events.scheduling import make_aware

        setup_test_environment()
        if connection.vendor == "sqlite":
            connection.settings_dict["TEST"]["NAME"] = f"{tmpdir}/bench-test.sqlite3"
        else:
            connection.settings_dict["TEST"]["NAME"] = connection.settings_dict["NAME"] + "_bench"
        db_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            load_calendars()
            rooms = [Room.objects.create(name=f"Salle {i}", capacity=30) for i in range(6)]
            room = rooms[0]
            # 10,000 bookings: 1,700 in the benchmarked room over two years (≈16 a week),
            # the rest spread over the other rooms.
            rows = []
            start_day = date(2027, 1, 4)
            for i in range(10_000):
                target = rooms[0] if i < 1_700 else rooms[1 + i % 5]
                k = i if i < 1_700 else (i - 1_700) // 5  # index within its room
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
            durations = []
            for _ in range(20):
                t0 = time.perf_counter()
                result = run_preview()
                durations.append((time.perf_counter() - t0) * 1000)
            assert len(result) == 40
            print(
                f"preview 40 weeks vs 10,000 bookings:"
                f" median {statistics.median(durations):.1f} ms,"
                f" max {max(durations):.1f} ms, {sum(1 for r in result if not r.ok)} clashes"
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
            url = f"/admin/events_booking_week/{week_room.pk}/?date={monday:%Y-%m-%d}"
            client.get(url, HTTP_ACCEPT_LANGUAGE="fr", follow=True)
            durations = []
            for _ in range(10):
                t0 = time.perf_counter()
                response = client.get(url, follow=True)
                durations.append((time.perf_counter() - t0) * 1000)
            assert response.status_code == 200
            print(
                f"week view, 300 bookings: median {statistics.median(durations):.1f} ms,"
                f" max {max(durations):.1f} ms"
            )
            print(
                f"{connection.vendor}, {platform.node()}, {os.cpu_count()} CPUs,"
                f" Python {platform.python_version()}, {date.today()}"
            )
        finally:
            connection.creation.destroy_test_db(db_name, verbosity=0)


if __name__ == "__main__":
    main()
