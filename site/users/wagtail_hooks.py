"""Admin hooks of the users app: the 2FA pages and their entry in the account menu."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from .two_factor import urls as two_factor_urls


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [path("two-factor/", include(two_factor_urls))]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_manage"),
        "label": _("Two-factor authentication"),
        "help_text": _("Set up an authenticator app on your phone and get backup codes."),
    }
