"""Staff pass a second factor before any admin page.

After django-otp's ``OTPMiddleware`` (which sets ``request.user.is_verified()`` from the
session). For a signed-in user who may open the Wagtail admin and has not confirmed a code
in this session, every URL under ``/<ADMIN_PATH>/`` redirects to:

- the setup page when they have no confirmed device yet,
- the verification page otherwise.

The login, logout and password-reset pages, the admin's JavaScript catalogue and icon
sprite and the two 2FA pages themselves stay reachable. With ``STAFF_2FA_REQUIRED`` off,
only users who set up a device are asked for a code.

Outside the admin, such a user counts as anonymous until the code is confirmed: the
password alone opens no login-restricted page and no document of a private collection.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.functional import cached_property

from .devices import has_confirmed_device

# Admin URLs reachable before the second factor (each is a path prefix).
EXEMPT_URL_NAMES = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_password_reset",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "two_factor_setup",
    "two_factor_verify",
)


class StaffTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(self.admin_prefix):
            self.hide_unverified_staff(request)
            return self.get_response(request)
        return self.redirect_for(request) or self.get_response(request)

    def hide_unverified_staff(self, request) -> None:
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return  # anonymous visitors: no session to read, no query
        if self.owes_code(request.user):
            request.user = AnonymousUser()

    @staticmethod
    def owes_code(user) -> bool:
        """Whether this user is signed in with the password but still owes the code."""
        if not user.is_authenticated or user.is_verified():
            return False
        if not user.has_perm("wagtailadmin.access_admin"):
            return False  # Wagtail refuses them the admin itself
        return settings.STAFF_2FA_REQUIRED or has_confirmed_device(user)

    @cached_property
    def admin_prefix(self) -> str:
        return f"/{settings.ADMIN_PATH}/"

    @cached_property
    def exempt_prefixes(self) -> tuple[str, ...]:
        return tuple(reverse(name) for name in EXEMPT_URL_NAMES)

    def redirect_for(self, request) -> HttpResponseRedirect | None:
        """For an admin URL: where a user who owes the code must go first."""
        user = request.user
        if request.path_info.startswith(self.exempt_prefixes) or not self.owes_code(user):
            return None
        target = reverse("two_factor_verify" if has_confirmed_device(user) else "two_factor_setup")
        # After the code, back to the page asked for (a form POST cannot be replayed).
        if request.method == "GET":
            next_url = request.get_full_path()
        else:
            next_url = reverse("wagtailadmin_home")
        return HttpResponseRedirect(f"{target}?{urlencode({'next': next_url})}")
