"""Emails leave through a background task (maison.core.tasks): a request never waits on the
mail server, and the task table holds a message kind and ids, never personal data."""

import json
import logging
import signal
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import default_task_backend
from django_tasks_db.models import DBTaskResult

from maison.core.tasks import enqueue_email, send_email
from maison.services.models import TechnopreventionRequest

from .test_request_form import VALID

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SEND_EMAIL = "maison.core.tasks.send_email"
PERSONAL = ("Camille", "camille@example.org", "Porte d'entrée")


def subject_of(submission) -> str:
    with translation.override("fr"):
        return _("New technoprévention request #%(id)s") % {"id": submission.pk}


@pytest.fixture
def form_page(services_tree):
    return services_tree.request_page


@pytest.fixture
def run_worker():
    """``manage.py db_worker --batch``: run what is queued, then exit (as cron or the
    smoke test would). The worker installs its own SIGINT/SIGTERM handlers: put pytest's
    back afterwards."""
    names = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]
    saved = {name: signal.getsignal(name) for name in names}

    def run():
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    yield run
    for name, handler in saved.items():
        signal.signal(name, handler)


def test_immediate_backend_sends_after_the_request(
    client, form_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(form_page["fr"].url, VALID)
    assert response.status_code == 302
    assert len(callbacks) == 1  # enqueued once the request's transaction committed
    assert [m.to for m in mail.outbox] == [["technoprevention@example.org"]]


@override_settings(TASKS=DUMMY)
def test_request_returns_with_nothing_sent_and_one_task_of_ids(
    client, form_page, django_capture_on_commit_callbacks
):
    default_task_backend.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_page["fr"].url, VALID)
    assert response.status_code == 302
    assert mail.outbox == []
    stored = TechnopreventionRequest.objects.get()
    # One email task (Wagtail enqueues its own: reference index updates).
    [result] = [r for r in default_task_backend.results if r.task.func is send_email.func]
    assert (result.args, result.kwargs) == (["technoprevention-request", [stored.pk]], {})
    queued = json.dumps([result.args, result.kwargs])
    assert not any(value in queued for value in PERSONAL)


@override_settings(TASKS=DUMMY)
def test_nothing_is_enqueued_when_the_transaction_rolls_back(
    form_page, django_capture_on_commit_callbacks
):
    from django.db import transaction

    default_task_backend.clear()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        enqueue_email("technoprevention-request", [1])
        raise RuntimeError
    assert default_task_backend.results == []


def test_unknown_kind_fails_in_the_caller():
    with pytest.raises(ValueError, match="Unknown email kind"):
        enqueue_email("newsletter", [1])


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE)
def test_database_backend_stores_ids_and_the_worker_sends(client, form_page, run_worker):
    response = client.post(form_page["nl"].url, VALID)
    assert response.status_code == 302
    assert mail.outbox == []  # the request did not wait on SMTP
    [row] = DBTaskResult.objects.filter(task_path=SEND_EMAIL)
    stored = TechnopreventionRequest.objects.get()
    assert row.args_kwargs == {"args": ["technoprevention-request", [stored.pk]], "kwargs": {}}
    assert not any(value in json.dumps(row.args_kwargs) for value in PERSONAL)

    run_worker()

    row.refresh_from_db()
    assert row.status == "SUCCESSFUL"
    [notice] = mail.outbox
    assert notice.to == ["technoprevention@example.org"]
    assert f"/inspect/{stored.pk}/" in notice.body
    # Staff notices are in the site's language, whatever the visitor's.
    assert notice.subject == subject_of(stored)
    assert not any(value in notice.body for value in PERSONAL)


class RefusingBackend(LocmemBackend):
    """A mail server that refuses the notice of request ``REFUSED``, quoting the address in
    its error as SMTP servers do; it accepts the others."""

    refused_subject = ""

    def send_messages(self, messages):
        for message in messages:
            if message.subject == RefusingBackend.refused_subject:
                raise smtplib.SMTPRecipientsRefused(
                    {message.to[0]: (550, b"5.1.1 <camille@example.org> unknown")}
                )
        return super().send_messages(messages)


def _request(page, **fields):
    return TechnopreventionRequest.objects.create(
        page=page, request_type="visit", name="Camille", contact_preference="email",
        email="camille@example.org", postcode="1050", language="fr", **fields,
    )  # fmt: skip


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DATABASE, EMAIL_BACKEND="tests.services.test_email_tasks.RefusingBackend")
def test_smtp_failure_is_logged_without_personal_data_and_the_worker_goes_on(
    form_page, run_worker, caplog, monkeypatch
):
    failing, working = _request(form_page["fr"]), _request(form_page["fr"])
    monkeypatch.setattr(RefusingBackend, "refused_subject", subject_of(failing))
    send_email.enqueue("technoprevention-request", [failing.pk])
    send_email.enqueue("technoprevention-request", [working.pk])

    with caplog.at_level(logging.INFO):
        run_worker()

    rows = DBTaskResult.objects.filter(task_path=SEND_EMAIL)
    results = {row.args_kwargs["args"][1][0]: row for row in rows}
    assert results[failing.pk].status == "FAILED"
    assert "EmailNotSent" in results[failing.pk].exception_class_path
    assert "SMTPRecipientsRefused" in results[failing.pk].traceback
    # The worker went on: the next notice left.
    assert results[working.pk].status == "SUCCESSFUL"
    assert [f"#{working.pk}" in m.subject for m in mail.outbox] == [True]
    logged = "\n".join(caplog.handler.format(record) for record in caplog.records)
    assert f"event=email_failed kind=technoprevention-request ids={failing.pk}" in logged
    kept = logged + results[failing.pk].traceback
    assert "@example.org" not in kept and "Camille" not in kept
