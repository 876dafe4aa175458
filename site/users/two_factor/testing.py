"""Test helpers for two-factor authentication (kept in the package, like maison.core.testing).

- ``pass_second_factor(client, user)``: after ``client.force_login(user)``, mark the test
  client's session as verified, as a code typed on the verification page would.
- ``give_authenticator(user)``: a confirmed authenticator device for ``user``.
- ``next_code(device)``: the code an app would show now, and never one already used.
"""

import time
from base64 import b32decode

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

FORCED_DEVICE_NAME = "tests: force_login"


def pass_second_factor(client, user) -> None:
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=FORCED_DEVICE_NAME, defaults={"confirmed": True}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def give_authenticator(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def code_for_key(hex_key: str, *, at: float | None = None) -> str:
    """What an authenticator app shows for this key (hex, as TOTPDevice stores it)."""
    totp = TOTP(bytes.fromhex(hex_key))
    totp.time = time.time() if at is None else at
    return f"{totp.token():06d}"


def code_for_secret(secret: str, *, at: float | None = None) -> str:
    """The same from the base32 key shown on the setup page (spaces allowed)."""
    secret = secret.replace(" ", "").upper()
    secret += "=" * (-len(secret) % 8)
    return code_for_key(b32decode(secret).hex(), at=at)


def next_code(device: TOTPDevice) -> str:
    """The current code, or the next step's (accepted: tolerance 1) when the current one
    was already used, since django-otp refuses a code twice."""
    device.refresh_from_db()
    now = time.time()
    current_step = int((now - device.t0) // device.step)
    at = now if current_step > device.last_t else now + device.step
    return code_for_key(device.key, at=at)
