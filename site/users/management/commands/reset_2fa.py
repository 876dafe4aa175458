"""Reset a staff member's two-factor authentication (lost phone and backup codes).

    manage.py reset_2fa <username>

Deletes the user's authenticator and backup codes. Sessions verified with them stop being
verified at once (the device they name is gone), so the next admin page asks the user to
set up a new phone. The log line names the user by id
only; the operator's terminal shows the username.
"""

import logging

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from maison.users.two_factor.devices import remove_all

logger = logging.getLogger("maison.users.two_factor")


class Command(BaseCommand):
    help = "Remove a user's 2FA devices and backup codes so they set up a new phone."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"No user with the username {username!r}.") from None
        removed = remove_all(user)
        logger.info("two_factor_reset user_id=%s devices=%s", user.pk, removed)
        self.stdout.write(
            self.style.SUCCESS(
                f"Two-factor authentication reset for {username}: {removed} device(s) "
                f"removed. At the next admin page they set up a new phone."
            )
        )
