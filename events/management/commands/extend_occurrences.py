"""Roll the occurrence horizon forward for every series (idempotent; run nightly)."""

from django.core.management.base import BaseCommand

from events import conf
from events.services import extend_all


class Command(BaseCommand):
    help = "Materialise the dates of every series up to the horizon (EVENTS_HORIZON_MONTHS)."

    def handle(self, *args, **options):
        result = extend_all()
        self.stdout.write(
            self.style.SUCCESS(
                f"Occurrences up to {conf.horizon_months()} months ahead: {result.created} "
                f"created, {result.updated} updated, {result.deleted} deleted."
            )
        )
