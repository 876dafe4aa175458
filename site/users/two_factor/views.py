"""The 2FA pages, in the admin's look (routed under /<ADMIN_PATH>/two-factor/).

- ``setup``: QR code and key of a new authenticator; a correct code confirms it and makes
  ten backup codes, shown once by ``backup_codes``.
- ``verify``: once per session, a code from the app or a backup code.
- ``manage``: status, new backup codes, move to a new phone (account menu).

Wrong codes: django-otp throttles each device (1, 2, 4… seconds), and past
``ADMIN_2FA_RATE_LIMIT`` wrong codes in 15 minutes a client gets the readable 429 page.
"""

import logging
from urllib.parse import urlencode

import django_otp
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_static.models import StaticDevice

from maison.core.ratelimit import failure_ratelimit

from . import devices
from .forms import CodeForm, SetupCodeForm

logger = logging.getLogger(__name__)

NEW_CODES_SESSION_KEY = "two_factor_new_backup_codes"

code_ratelimit = failure_ratelimit("admin-2fa", limit=settings.ADMIN_2FA_RATE_LIMIT, period=15 * 60)


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def _with_next(url_name: str, next_url: str) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"


def _refusal(result: devices.CheckResult) -> str:
    if result.locked_seconds:
        return ngettext(
            "Too many wrong codes. Wait %(seconds)d second and try again.",
            "Too many wrong codes. Wait %(seconds)d seconds and try again.",
            result.locked_seconds,
        ) % {"seconds": result.locked_seconds}
    return _(
        "This code is not valid. Check that the time on your phone is right and enter the "
        "newest code."
    )


def _passed(request, device) -> None:
    """Mark this session as verified with ``device`` (a new session key, as at login)."""
    request.session.cycle_key()
    django_otp.login(request, device)


@never_cache
@code_ratelimit
@require_http_methods(["GET", "POST"])
def setup(request):
    user = request.user
    next_url = _next_url(request)
    if devices.has_confirmed_device(user) and not user.is_verified():
        # Replacing a phone needs the old one (or a backup code) first.
        return HttpResponseRedirect(_with_next("two_factor_verify", next_url))
    device = devices.pending_authenticator(user)
    form = SetupCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = devices.check_code(user, form.cleaned_data["code"], device=device)
        if result.ok:
            devices.confirm_authenticator(result.device)
            codes = devices.new_backup_codes(user)
            _passed(request, result.device)
            request.session[NEW_CODES_SESSION_KEY] = codes
            logger.info("two_factor_setup user_id=%s", user.pk)
            return HttpResponseRedirect(_with_next("two_factor_backup_codes", next_url))
        form.add_error("code", _refusal(result))
    context = {
        "form": form,
        "next": next_url,
        "qr_code": devices.qr_code_data_uri(device),
        "secret": devices.secret_for_humans(device),
        "replacing": devices.has_confirmed_device(user),
    }
    return TemplateResponse(request, "users/two_factor/setup.html", context)


@never_cache
@code_ratelimit
@require_http_methods(["GET", "POST"])
def verify(request):
    user = request.user
    next_url = _next_url(request)
    if user.is_verified():
        return HttpResponseRedirect(next_url)
    if not devices.has_confirmed_device(user):
        return HttpResponseRedirect(_with_next("two_factor_setup", next_url))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = devices.check_code(user, form.cleaned_data["code"])
        if result.ok:
            _passed(request, result.device)
            if isinstance(result.device, StaticDevice):
                left = devices.backup_codes_left(user)
                messages.warning(
                    request,
                    ngettext(
                        "You used a backup code. %(count)d backup code left.",
                        "You used a backup code. %(count)d backup codes left.",
                        left,
                    )
                    % {"count": left},
                )
            return HttpResponseRedirect(next_url)
        logger.info("two_factor_wrong_code user_id=%s", user.pk)
        form.add_error("code", _refusal(result))
    return TemplateResponse(
        request, "users/two_factor/verify.html", {"form": form, "next": next_url}
    )


@never_cache
@require_http_methods(["GET", "POST"])
def backup_codes(request):
    """GET: the codes just made, once (they leave the session). POST: make new ones."""
    user = request.user
    next_url = _next_url(request)
    if not user.is_verified():
        return HttpResponseRedirect(reverse("two_factor_manage"))
    if request.method == "POST":
        request.session[NEW_CODES_SESSION_KEY] = devices.new_backup_codes(user)
        return HttpResponseRedirect(_with_next("two_factor_backup_codes", next_url))
    codes = request.session.pop(NEW_CODES_SESSION_KEY, None)
    if not codes:
        return HttpResponseRedirect(reverse("two_factor_manage"))
    grouped = [" ".join(code[i : i + 4] for i in range(0, len(code), 4)) for code in codes]
    return TemplateResponse(
        request, "users/two_factor/backup_codes.html", {"codes": grouped, "next": next_url}
    )


@never_cache
def manage(request):
    user = request.user
    context = {
        "enabled": devices.has_confirmed_device(user),
        "codes_left": devices.backup_codes_left(user),
    }
    return TemplateResponse(request, "users/two_factor/manage.html", context)
