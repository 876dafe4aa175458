"""Erase technoprévention requests older than the retention period (run it daily by cron)."""

from django.core.management.base import BaseCommand

from maison.services.models import RETENTION_MONTHS, TechnopreventionRequest


class Command(BaseCommand):
    help = f"Delete technoprévention requests older than {RETENTION_MONTHS} months (GDPR)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count them.")

    def handle(self, *args, dry_run=False, **options):
        expired = TechnopreventionRequest.expired()
        count = expired.count()
        if not dry_run:
            expired.delete()
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(f"{verb} {count} request(s) older than {RETENTION_MONTHS} months.")
