from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from events.bookings.rules import RuleContext
from events.models import Booking, Room

BRUSSELS = ZoneInfo("Europe/Brussels")


def at(day: str, hm: str) -> datetime:
    return datetime.fromisoformat(f"{day}T{hm}").replace(tzinfo=BRUSSELS)


def grant(group, *codenames):
    for codename in codenames:
        app, code = codename.split(".")
        group.permissions.add(Permission.objects.get(content_type__app_label=app, codename=code))


@pytest.fixture
def groups(db):
    booker = Group.objects.create(name="Room bookers")
    grant(
        booker,
        "wagtailadmin.access_admin",
        "events.add_booking",
        "events.change_booking",
        "events.view_booking",
    )
    approver = Group.objects.create(name="Room approvers")
    grant(
        approver,
        "wagtailadmin.access_admin",
        "events.add_booking",
        "events.change_booking",
        "events.view_booking",
        "events.approve_booking",
    )
    other = Group.objects.create(name="Other team")
    grant(other, "wagtailadmin.access_admin")
    return {"booker": booker, "approver": approver, "other": other}


@pytest.fixture
def users(groups):
    User = get_user_model()
    made = {}
    for name, group in groups.items():
        user = User.objects.create_user(name, f"{name}@example.org", "pw")
        user.groups.add(group)
        made[name] = user
    return made


@pytest.fixture
def room(db):
    return Room.objects.create(name="Salle polyvalente", floor=0, capacity=40, step_free=True)


@pytest.fixture
def ctx(users):
    return RuleContext(user=users["booker"], now=at("2026-09-01", "08:00"))


def make(room, start, end, status=Booking.Status.CONFIRMED, **kwargs):
    kwargs.setdefault("purpose", "Réunion d'équipe")
    return Booking(room=room, start=start, end=end, status=status, **kwargs)
