"""The booking groups; the bookings demo itself is checked in tests/test_demo.py (one demo
load for all apps)."""

import io

import pytest
from django.core.management import call_command

from events.bookings.groups import APPROVERS, BOOKERS

pytestmark = pytest.mark.django_db


def test_setup_booking_groups_is_idempotent():
    from django.contrib.auth.models import Group

    out = io.StringIO()
    call_command("setup_booking_groups", stdout=out)
    call_command("setup_booking_groups", stdout=out)
    bookers = Group.objects.get(name=BOOKERS)
    approvers = Group.objects.get(name=APPROVERS)
    codes = set(bookers.permissions.values_list("codename", flat=True))
    assert {"access_admin", "view_booking", "add_booking", "change_booking"} <= codes
    assert "approve_booking" not in codes
    assert "approve_booking" in set(approvers.permissions.values_list("codename", flat=True))
    assert Group.objects.filter(name__in=[BOOKERS, APPROVERS]).count() == 2
