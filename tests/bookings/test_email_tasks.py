"""Booking emails leave through the email task: the queue holds a kind and booking ids,
never the partner's name, address or purpose (see also tests/services/test_email_tasks.py)."""

import json
from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django_tasks import default_task_backend

from events.bookings import services
from events.bookings.rules import RuleContext
from events.bookings.testing import build_rooms_pages, requestable_room
from events.models import Booking
from maison.core.tasks import send_email

from .conftest import make
from .test_public import form_data, local, next_monday, request_url

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
PERSONAL = ("Jeanne", "jeanne@example.org", "Entraide", "Assemblée", "02 000 00 00")


def email_tasks():
    return [r for r in default_task_backend.results if r.task.func is send_email.func]


@pytest.fixture
def pages(site_tree):
    return build_rooms_pages(site_tree)


@pytest.fixture
def room(db):
    return requestable_room(buffer_before=15, buffer_after=15)


@pytest.fixture
def dummy_tasks():
    with override_settings(TASKS=DUMMY):
        default_task_backend.clear()
        yield


def test_partner_request_enqueues_one_task_with_booking_ids(
    client,
    pages,
    room,
    dummy_tasks,
    django_capture_on_commit_callbacks,
):
    monday = next_monday()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            request_url(pages["fr"], room), form_data(monday + timedelta(days=1), weeks="2")
        )
    assert response.status_code == 302
    assert mail.outbox == []  # the visitor did not wait on the mail server
    ids = sorted(Booking.objects.values_list("pk", flat=True))
    [task] = email_tasks()
    assert task.args[0] == "booking-received"
    assert sorted(task.args[1]) == ids
    queued = json.dumps([task.args, task.kwargs])
    assert not any(value in queued for value in PERSONAL)

    # What the worker does with it: the message rebuilt from the rows.
    send_email.call(*task.args)
    [sent] = mail.outbox
    assert sent.to == ["jeanne@example.org"] and sent.body.count("18:00") == 2


def test_decision_enqueues_the_booking_id_only(
    client,
    room,
    users,
    dummy_tasks,
    django_capture_on_commit_callbacks,
):
    monday = next_monday()
    booking = make(
        room,
        local(monday, 10),
        local(monday, 11),
        status=Booking.Status.REQUESTED,
        source=Booking.Source.PARTNER,
        contact_name="Jeanne",
        contact_email="jeanne@example.org",
        language="nl",
    )
    services.save_bookings([booking], RuleContext(source=Booking.Source.PARTNER))
    client.force_login(users["approver"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("events_booking_queue:decide", args=[booking.pk]), {"decision": "approve"}
        )
    [task] = email_tasks()
    assert task.args == ["booking-decision", [booking.pk]]
    assert mail.outbox == []


def test_a_purged_booking_sends_nothing(room):
    """The worker reads the rows when it runs: personal data purged in the meantime (or a
    booking deleted) means no email, not an error."""
    monday = next_monday()
    booking = make(room, local(monday, 10), local(monday, 11), contact_email="")
    booking.set_blocked_range()
    booking.save()
    assert send_email.call("booking-received", [booking.pk]) == "skipped"
    assert send_email.call("booking-decision", [booking.pk + 1000]) == "skipped"
    assert mail.outbox == []
