"""A staff member's authenticator app (one TOTP device) and backup codes (one static device).

django-otp stores both in the database: the TOTP key (it must, to check codes) and the
backup codes, which are deleted as they are used. Backup codes are 12 random digits, so
the same numeric field takes them and the app's 6-digit codes.
"""

import re
import secrets
from base64 import b32encode
from dataclasses import dataclass

import segno
from django.db import transaction
from django.utils import timezone
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODE_COUNT = 10
BACKUP_CODE_DIGITS = 12
TOTP_DIGITS = 6
APP_DEVICE_NAME = "authenticator"
BACKUP_DEVICE_NAME = "backup codes"


def has_confirmed_device(user) -> bool:
    return user_has_device(user, confirmed=True)


def pending_authenticator(user) -> TOTPDevice:
    """The unconfirmed device the setup page shows (the same key on every reload)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def secret_for_humans(device: TOTPDevice) -> str:
    """The key in base32, in groups of four, for typing into an app by hand."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_data_uri(device: TOTPDevice) -> str:
    """The ``otpauth://`` address as an SVG QR code in a data: URI (no request anywhere)."""
    qr = segno.make(device.config_url, error="m")
    return qr.svg_data_uri(scale=5, border=2, dark="#000", light="#fff")


def new_backup_codes(user) -> list[str]:
    """Replace the user's backup codes with fresh ones and return them (shown once)."""
    codes = [
        "".join(secrets.choice("0123456789") for _ in range(BACKUP_CODE_DIGITS))
        for _ in range(BACKUP_CODE_COUNT)
    ]
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(
        device__user=user, device__name=BACKUP_DEVICE_NAME, device__confirmed=True
    ).count()


def confirm_authenticator(device: TOTPDevice) -> None:
    """The user proved the app works: it replaces any older phone of theirs."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])


def remove_all(user) -> int:
    """Delete every device of the user (a lost phone); the next admin visit asks for setup."""
    count = 0
    with transaction.atomic():
        for model in (TOTPDevice, StaticDevice):
            count += model.objects.filter(user=user).delete()[1].get(model._meta.label, 0)
    return count


def normalise(code: str) -> str:
    """Codes as people type them: spaces and dashes between the digits are fine."""
    return re.sub(r"[\s\-]", "", code or "")


@dataclass
class CheckResult:
    device: TOTPDevice | StaticDevice | None = None
    locked_seconds: int = 0  # > 0: throttled, try again later

    @property
    def ok(self) -> bool:
        return self.device is not None


def check_code(user, code: str, *, device: TOTPDevice | None = None) -> CheckResult:
    """Check a code against ``device`` (setup), else the user's confirmed app (6 digits) or
    backup codes (12 digits; a used code is deleted). django-otp throttles each device:
    after a wrong code the next try waits 1, 2, 4… seconds."""
    code = normalise(code)
    if device is None:
        model = StaticDevice if len(code) == BACKUP_CODE_DIGITS else TOTPDevice
        device = model.objects.filter(user=user, confirmed=True).order_by("pk").first()
    if device is None:
        return CheckResult()
    with transaction.atomic():
        # Lock the row: two requests with the same code cannot both pass.
        device = type(device).objects.select_for_update().get(pk=device.pk)
        allowed, details = device.verify_is_allowed()
        if not allowed:
            return CheckResult(locked_seconds=_seconds_locked(details))
        if device.verify_token(code):
            return CheckResult(device=device)
    return CheckResult()


def _seconds_locked(details: dict | None) -> int:
    locked_until = (details or {}).get("locked_until")
    if locked_until is None:
        return 1
    return max(1, int((locked_until - timezone.now()).total_seconds()) + 1)
