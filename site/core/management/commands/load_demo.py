"""Build (or refresh) the whole demo site: each installed app's ``demo.load`` in turn."""

import importlib
import importlib.util

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from maison.core.demo import ADMIN_USERNAME, DEMO_PASSWORD
from maison.core.demo_tools import indexing_deferred


class Command(BaseCommand):
    help = "Load the demo content (idempotent): pages in FR/NL/EN, users, rooms, events…"

    def handle(self, *args, **options):
        # No automatic redirects: pages whose slug the demo changes may be deleted later in
        # the same run (activities adopt the events' workshops), and Wagtail would create the
        # redirects on commit, pointing at pages that no longer exist.
        # Search and reference indexes are updated once per object at the end (in this
        # process), not once per save through the task queue.
        with (
            override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False),
            transaction.atomic(),
            indexing_deferred(),
        ):
            # INSTALLED_APPS lists our apps in dependency order: core, services, events…
            for config in apps.get_app_configs():
                module_name = f"{config.name}.demo"
                if not config.name.startswith(("maison.", "events", "directory")):
                    continue
                if importlib.util.find_spec(module_name) is None:
                    continue
                self.stdout.write(f"Demo: {config.label}")
                importlib.import_module(module_name).load(self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready. Admin login: {ADMIN_USERNAME} / {DEMO_PASSWORD} "
                f"(editors per pôle: editeur.* with the same password)"
            )
        )
        if settings.STAFF_2FA_REQUIRED:
            self.stdout.write(
                "Two-factor authentication is required (STAFF_2FA_REQUIRED): the first "
                "admin sign-in asks to set up an authenticator app on a phone."
            )
        else:
            self.stdout.write(
                "Two-factor authentication is off (STAFF_2FA_REQUIRED, the development "
                "default): no phone needed; staff can opt in from their account page."
            )
