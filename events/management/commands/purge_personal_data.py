"""Remove requesters' personal data from bookings older than the retention (GDPR).

Keeps the anonymous facts (room, times, status, attendees, pôle) for statistics.
Run daily from cron: ``manage.py purge_personal_data`` (``--months``, default the
``BOOKINGS_RETENTION_MONTHS`` setting, from the environment variable of that name, 12
if unset: months after the booked date)."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from events.models import Booking


class Command(BaseCommand):
    help = "Remove personal data from bookings older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="Retention in months (default: the BOOKINGS_RETENTION_MONTHS setting).",
        )

    def handle(self, *args, months, **options):
        if months is None:
            months = settings.BOOKINGS_RETENTION_MONTHS
        if months < 1:
            raise CommandError("--months must be at least 1.")
        cutoff = timezone.now() - relativedelta(months=months)
        count = Booking.objects.filter(end__lt=cutoff, personal_data_purged=False).update(
            contact_name="",
            contact_email="",
            contact_phone="",
            organisation="",
            purpose="",
            reason="",
            booked_by=None,
            decided_by=None,
            personal_data_purged=True,
        )
        self.stdout.write(f"Personal data removed from {count} booking(s).")
