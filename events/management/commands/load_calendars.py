"""Load Belgian public holidays and FWB / Flemish school holidays (idempotent)."""

from django.core.management.base import BaseCommand, CommandError

from events import calendar_data
from events.calendars import load_calendars


class Command(BaseCommand):
    help = (
        "Load public holidays (Belgium, Brussels) and school holidays (Fédération "
        "Wallonie-Bruxelles, Flemish Community) from events/calendar_data.py."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--school-year",
            action="append",
            dest="school_years",
            help=f"e.g. 2026-2027 (default: {', '.join(calendar_data.SCHOOL_YEARS)})",
        )

    def handle(self, *args, **options):
        school_years = options["school_years"] or list(calendar_data.SCHOOL_YEARS)
        unknown = [y for y in school_years if y not in calendar_data.FWB_SCHOOL_HOLIDAYS]
        if unknown:
            known = ", ".join(calendar_data.FWB_SCHOOL_HOLIDAYS)
            raise CommandError(f"No data for {', '.join(unknown)}; known: {known}")
        years = sorted({int(y[:4]) for y in school_years} | {int(y[:4]) + 1 for y in school_years})
        created, updated = load_calendars(school_years, years)
        self.stdout.write(
            self.style.SUCCESS(f"Holiday calendars: {created} created, {updated} updated.")
        )
