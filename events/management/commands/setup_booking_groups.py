"""Create the "Room bookers" and "Room approvers" groups with their permissions
(idempotent: only adds what is missing). See events/bookings/groups.py."""

from django.core.management.base import BaseCommand

from events.bookings.groups import ensure_booking_groups


class Command(BaseCommand):
    help = "Create or complete the room booking permission groups."

    def handle(self, *args, **options):
        for name, group in ensure_booking_groups().items():
            self.stdout.write(f"{name}: {group.permissions.count()} permissions")
