"""System checks of the users app (``manage.py check --deploy``)."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def staff_two_factor_required(app_configs, **kwargs):
    if getattr(settings, "STAFF_2FA_REQUIRED", True):
        return []
    return [
        checks.Warning(
            "STAFF_2FA_REQUIRED is off: staff can open the admin with a password alone.",
            hint="Unset STAFF_2FA_REQUIRED (it defaults to on) or set it to true.",
            id="users.W001",
        )
    ]
