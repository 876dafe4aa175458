"""Staff pass a second factor (authenticator app or backup code) before any admin page;
the public site and people without admin access never see it."""

import re
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import CollectionViewRestriction

from maison.core.demo_tools import ensure_root_collection
from maison.core.factories import UserFactory
from maison.core.testing import make_document
from maison.users.two_factor.devices import new_backup_codes
from maison.users.two_factor.testing import give_authenticator, next_code

REPORT = b"%PDF-1.4\n% internal report\n"

WRONG_CODE = (  # a msgid: translated where it is compared
    "This code is not valid. Check that the time on your phone is right and enter the newest code."
)

pytestmark = [pytest.mark.django_db, pytest.mark.two_factor]

PASSWORD = "un-mot-de-passe-solide-42"


@pytest.fixture
def staff(site_tree):
    return UserFactory(username="redaction", is_superuser=True, password=PASSWORD)


@pytest.fixture
def signed_in(client, staff):
    """Signed in with the password only, as after the admin login form."""
    client.force_login(staff)
    return client


def location(response) -> str:
    assert response.status_code == 302, response.status_code
    return response["Location"]


def verify_url(next_url=None):
    url = reverse("two_factor_verify")
    return f"{url}?next={next_url}" if next_url else url


# -- enforcement ---------------------------------------------------------------------------


def test_staff_without_a_device_are_sent_to_setup_from_every_admin_page(signed_in):
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_explore_root")):
        target = location(signed_in.get(url))
        assert target.startswith(reverse("two_factor_setup"))
        assert "next=" in target
    # Setting up is reachable.
    assert signed_in.get(reverse("two_factor_setup")).status_code == 200


def test_staff_with_a_device_are_sent_to_the_verification_page(signed_in, staff):
    give_authenticator(staff)
    home = reverse("wagtailadmin_home")
    assert location(signed_in.get(home)).startswith(reverse("two_factor_verify"))
    # The setup page cannot replace the phone before the second factor.
    assert location(signed_in.get(reverse("two_factor_setup"))).startswith(
        reverse("two_factor_verify")
    )
    page = signed_in.get(reverse("two_factor_verify"))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'autocomplete="one-time-code"' in html and 'inputmode="numeric"' in html
    assert '<label class="w-field__label" for="id_code"' in html


def test_login_logout_password_reset_and_scripts_stay_reachable(signed_in, staff):
    give_authenticator(staff)
    for name in ("wagtailadmin_login", "wagtailadmin_password_reset"):
        assert signed_in.get(reverse(name)).status_code in (200, 302), name
        assert (
            not signed_in.get(reverse(name))
            .get("Location", "")
            .startswith(reverse("two_factor_verify"))
        )
    assert signed_in.get(reverse("wagtailadmin_javascript_catalog")).status_code == 200
    assert location(signed_in.post(reverse("wagtailadmin_logout"))).startswith(
        reverse("wagtailadmin_login")
    )


def test_the_admin_path_is_the_configured_one(signed_in):
    assert reverse("two_factor_setup").startswith(f"/{settings.ADMIN_PATH}/")


def test_public_pages_and_people_without_admin_access_are_not_affected(client, site_tree, staff):
    # Anonymous: public pages, and the admin asks for the password first.
    assert client.get("/fr/").status_code == 200
    assert location(client.get(reverse("wagtailadmin_home"))).startswith(
        reverse("wagtailadmin_login")
    )
    assert location(client.get(reverse("two_factor_setup"))).startswith(
        reverse("wagtailadmin_login")
    )
    # Signed in but unverified staff still read the public site.
    client.force_login(staff)
    assert client.get("/fr/").status_code == 200
    # A user without admin access is not sent to 2FA (Wagtail refuses them itself).
    outsider = UserFactory(username="visiteur")
    client.force_login(outsider)
    response = client.get(reverse("wagtailadmin_home"))
    assert not response.get("Location", "").startswith(reverse("two_factor_setup"))
    assert not StaticDevice.objects.filter(user=outsider).exists()


def test_editors_with_admin_access_through_a_group_are_enforced(client, site_tree):
    editors = Group.objects.create(name="Rédaction")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor = UserFactory(username="editeur")
    editor.groups.add(editors)
    client.force_login(editor)
    assert location(client.get(reverse("wagtailadmin_home"))).startswith(
        reverse("two_factor_setup")
    )


@override_settings(STAFF_2FA_REQUIRED=False)
def test_when_not_required_only_users_who_opted_in_are_asked(signed_in, staff):
    home = reverse("wagtailadmin_home")
    assert signed_in.get(home).status_code == 200
    assert signed_in.get(reverse("two_factor_manage")).status_code == 200
    give_authenticator(staff)
    assert location(signed_in.get(home)).startswith(reverse("two_factor_verify"))


# -- verification --------------------------------------------------------------------------


def test_the_right_code_opens_the_admin_and_a_wrong_one_does_not(signed_in, staff):
    device = give_authenticator(staff)
    home = reverse("wagtailadmin_home")
    wrong = signed_in.post(verify_url(), {"code": "000000", "next": home})
    assert wrong.status_code == 200
    assert _(WRONG_CODE) in wrong.content.decode()
    assert location(signed_in.get(home)).startswith(reverse("two_factor_verify"))

    device.throttle_reset()  # the wrong code made the next try wait a second
    session_before = signed_in.session.session_key
    right = signed_in.post(verify_url(), {"code": next_code(device), "next": home})
    assert location(right) == home
    assert signed_in.session.session_key != session_before  # a new session key
    assert signed_in.get(home).status_code == 200
    assert signed_in.session[DEVICE_ID_SESSION_KEY] == device.persistent_id


def test_a_code_is_accepted_once(client, staff):
    device = give_authenticator(staff)
    code = next_code(device)
    client.force_login(staff)
    assert client.post(verify_url(), {"code": code}).status_code == 302
    client.logout()
    client.force_login(staff)
    assert client.post(verify_url(), {"code": code}).status_code == 200


def test_next_must_stay_on_this_site(signed_in, staff):
    device = give_authenticator(staff)
    response = signed_in.post(
        verify_url(), {"code": next_code(device), "next": "https://evil.example/"}
    )
    assert location(response) == reverse("wagtailadmin_home")


def test_a_backup_code_works_once(client, staff):
    give_authenticator(staff)
    codes = new_backup_codes(staff)
    assert len(codes) == 10 and all(re.fullmatch(r"\d{12}", code) for code in codes)
    client.force_login(staff)
    spaced = f"{codes[0][:4]} {codes[0][4:8]}-{codes[0][8:]}"  # as people type it
    response = client.post(verify_url(), {"code": spaced})
    assert location(response) == reverse("wagtailadmin_home")
    assert StaticToken.objects.filter(device__user=staff).count() == 9
    client.logout()

    client.force_login(staff)
    again = client.post(verify_url(), {"code": codes[0]})
    assert again.status_code == 200
    assert DEVICE_ID_SESSION_KEY not in client.session


def test_repeated_wrong_codes_are_throttled_then_refused_with_a_readable_429(signed_in, staff):
    device = give_authenticator(staff)
    first = signed_in.post(verify_url(), {"code": "123456"})
    assert _(WRONG_CODE) in first.content.decode()
    # django-otp makes the next try wait: even the right code is refused for now.
    throttled = signed_in.post(verify_url(), {"code": next_code(device)})
    assert throttled.status_code == 200
    assert DEVICE_ID_SESSION_KEY not in signed_in.session
    waits = [
        ngettext(
            "Too many wrong codes. Wait %(seconds)d second and try again.",
            "Too many wrong codes. Wait %(seconds)d seconds and try again.",
            seconds,
        )
        % {"seconds": seconds}
        for seconds in (1, 2)
    ]
    assert any(wait in throttled.content.decode() for wait in waits)

    for _attempt in range(settings.ADMIN_2FA_RATE_LIMIT):
        signed_in.post(verify_url(), {"code": "123456"})
    blocked = signed_in.post(verify_url(), {"code": "123456"})
    assert blocked.status_code == 429
    assert blocked["Retry-After"] == str(15 * 60)
    assert _("Too many requests") in blocked.content.decode()


# -- setup ---------------------------------------------------------------------------------


def test_setup_shows_a_qr_code_and_key_then_ten_backup_codes_once(signed_in, staff):
    home = reverse("wagtailadmin_home")
    page = signed_in.get(reverse("two_factor_setup"), {"next": home})
    html = page.content.decode()
    assert 'src="data:image/svg+xml' in html  # the QR code, no request anywhere
    secret = re.search(r'id="two-factor-secret">([A-Z2-7 ]+)<', html).group(1)
    device = TOTPDevice.objects.get(user=staff, confirmed=False)
    assert signed_in.get(reverse("two_factor_setup")).context["secret"] == secret  # stable

    wrong = signed_in.post(reverse("two_factor_setup"), {"code": "000000", "next": home})
    assert wrong.status_code == 200
    assert not TOTPDevice.objects.filter(user=staff, confirmed=True).exists()

    device.throttle_reset()
    confirmed = signed_in.post(
        reverse("two_factor_setup"), {"code": next_code(device), "next": home}
    )
    assert location(confirmed).startswith(reverse("two_factor_backup_codes"))
    device.refresh_from_db()
    assert device.confirmed

    shown = signed_in.get(location(confirmed))
    codes = re.findall(r"<code>(\d{4} \d{4} \d{4})</code>", shown.content.decode())
    assert len(codes) == 10
    stored = set(StaticToken.objects.filter(device__user=staff).values_list("token", flat=True))
    assert {code.replace(" ", "") for code in codes} == stored
    # Shown once: a reload goes to the status page instead.
    assert location(signed_in.get(location(confirmed))) == reverse("two_factor_manage")
    assert signed_in.get(home).status_code == 200


def test_a_new_phone_replaces_the_old_one(signed_in, staff):
    old = give_authenticator(staff)
    signed_in.post(verify_url(), {"code": next_code(old)})
    signed_in.get(reverse("two_factor_setup"))
    new = TOTPDevice.objects.get(user=staff, confirmed=False)
    signed_in.post(reverse("two_factor_setup"), {"code": next_code(new)})
    assert list(TOTPDevice.objects.filter(user=staff)) == [new]


def test_manage_page_and_new_backup_codes(signed_in, staff):
    device = give_authenticator(staff)
    new_backup_codes(staff)
    signed_in.post(verify_url(), {"code": next_code(device)})
    page = signed_in.get(reverse("two_factor_manage"))
    assert page.status_code == 200 and page.context["codes_left"] == 10
    old = set(StaticToken.objects.values_list("token", flat=True))
    response = signed_in.post(reverse("two_factor_backup_codes"))
    assert location(response).startswith(reverse("two_factor_backup_codes"))
    assert set(StaticToken.objects.values_list("token", flat=True)).isdisjoint(old)
    # The account page links to it.
    account = signed_in.get(reverse("wagtailadmin_account")).content.decode()
    assert reverse("two_factor_manage") in account


# -- reset command -------------------------------------------------------------------------


def test_reset_2fa_removes_devices_and_unverifies_sessions(signed_in, staff):
    device = give_authenticator(staff)
    new_backup_codes(staff)
    signed_in.post(verify_url(), {"code": next_code(device)})
    assert signed_in.get(reverse("wagtailadmin_home")).status_code == 200

    out = StringIO()
    call_command("reset_2fa", "redaction", stdout=out)
    assert "redaction" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=staff).exists()
    assert not StaticDevice.objects.filter(user=staff).exists()
    assert location(signed_in.get(reverse("wagtailadmin_home"))).startswith(
        reverse("two_factor_setup")
    )


def test_reset_2fa_of_an_unknown_user_is_a_clear_error(db):
    with pytest.raises(CommandError, match="personne"):
        call_command("reset_2fa", "personne")


def test_deploy_check_warns_when_2fa_is_off():
    from maison.users.checks import staff_two_factor_required

    assert staff_two_factor_required(None) == []
    with override_settings(STAFF_2FA_REQUIRED=False):
        assert [w.id for w in staff_two_factor_required(None)] == ["users.W001"]


def test_unverified_staff_count_as_anonymous_outside_the_admin(signed_in, staff):
    """The password alone opens no private document (nor login-restricted page) on the
    public side; the confirmed code does."""
    private = ensure_root_collection().add_child(name="Coordination")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = make_document("rapport-interne.pdf", REPORT, private)
    response = signed_in.get(document.url)
    assert response.status_code == 302
    assert "login" in location(response)

    device = give_authenticator(staff)
    response = signed_in.post(verify_url(document.url), {"code": next_code(device)})
    assert location(response) == document.url
    response = signed_in.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == REPORT
