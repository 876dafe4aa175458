"""Two-factor authentication as a member of staff lives it, in Chromium: the first sign-in
sets up an authenticator app (QR code or key), shows the backup codes once and opens the
dashboard; the next sign-in asks for a code. Both pages pass axe-core and the admin's
Content-Security-Policy."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from maison.core.testing import build_site_tree
from maison.users.two_factor.testing import code_for_secret, next_code

from .conftest import DESKTOP, PHONE, assert_accessible
from .test_security_headers import assert_no_violation, watch_csp

PASSWORD = "un-mot-de-passe-solide-42"
WRONG_CODE = (  # a msgid: translated where it is compared
    "This code is not valid. Check that the time on your phone is right and enter the newest code."
)


def sign_in_with_password(session, next_url):
    page = session.page
    session.goto(f"{reverse('wagtailadmin_login')}?next={next_url}")
    page.fill("#id_username", "chef")
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").first.click()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_first_sign_in_sets_up_the_app_and_the_next_one_asks_for_a_code(make_session, viewport):
    build_site_tree()
    get_user_model().objects.create_superuser("chef", "chef@example.org", PASSWORD)
    home = reverse("wagtailadmin_home")
    session = make_session(viewport)
    console = watch_csp(session)
    page = session.page

    # First sign-in: the password, then the setup page instead of the dashboard.
    sign_in_with_password(session, home)
    page.wait_for_url(f"**{reverse('two_factor_setup')}*")
    assert page.locator("img.two-factor-qr").get_attribute("src").startswith("data:image/svg+xml")
    assert_no_violation(session, console, "setup")
    assert_accessible(page)

    # Type the key into "the app" (here: Python) and confirm with its code.
    secret = page.locator("#two-factor-secret").inner_text()
    page.get_by_label(_("Code")).fill(code_for_secret(secret))
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_url(f"**{reverse('two_factor_backup_codes')}*")
    codes = page.locator("#two-factor-backup-codes code").all_inner_texts()
    assert len(codes) == 10 and len(set(codes)) == 10
    assert_accessible(page)
    page.get_by_role("link", name=_("I saved my codes, continue")).click()
    page.wait_for_url(f"**{home}")
    assert page.locator("#main").count() == 1
    assert_no_violation(session, console, home)

    # Sign out (from the 2FA page of the account menu), then in again: a code this time.
    session.goto(reverse("two_factor_manage"))
    page.get_by_role("button", name=_("Sign out")).click()
    page.wait_for_url(f"**{reverse('wagtailadmin_login')}*")
    sign_in_with_password(session, home)
    page.wait_for_url(f"**{reverse('two_factor_verify')}*")
    assert_no_violation(session, console, "verify")
    assert_accessible(page)

    # A wrong code: a clear error, and no dashboard.
    page.get_by_label(_("Code")).fill("000000")
    page.locator("form.login-form button[type=submit]").click()
    error = page.locator("#main .messages li.error")
    error.wait_for(state="visible")
    assert _(WRONG_CODE) in error.inner_text()
    assert reverse("two_factor_verify") in page.url
    assert_accessible(page)  # with the error shown

    page.wait_for_timeout(2100)  # django-otp makes the next try wait after a wrong code
    device = TOTPDevice.objects.get(user__username="chef", confirmed=True)
    page.get_by_label(_("Code")).fill(next_code(device))
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_url(f"**{home}")
    assert_no_violation(session, console, home)
