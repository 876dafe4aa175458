"""Every email the site sends goes through one background task, ``send_email``.

A request never waits on SMTP: it calls ``enqueue_email(kind, ids)``, which enqueues the
task once the transaction commits (a rolled-back request sends nothing). The backend
(settings ``TASKS``) runs it at once in development and tests, or stores it for
``manage.py db_worker`` in production.

Personal data stays out of the task table and the logs: a task holds a message *kind*
and database ids only. The worker reads the rows again and builds the message (recipient,
language, text) with the builder registered for the kind; a row deleted or purged in the
meantime sends nothing. A mail server that fails is logged with the kind, the ids and the
error's class name (SMTP errors quote addresses, so never their message), and the task is
marked failed with an error that holds no more than that; the worker goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from functools import partial

from django.core.mail import EmailMessage
from django.db import transaction
from django_tasks import task
from wagtail import hooks

logger = logging.getLogger(__name__)

# Apps register their messages with this Wagtail hook (in their wagtail_hooks.py, which
# Wagtail imports in every process, the worker included): a function returning
# ``{kind: builder}``, where ``builder(ids) -> EmailMessage | None`` (None: nothing to send,
# e.g. the rows were purged). ``core`` never imports a feature app.
EMAIL_MESSAGES_HOOK = "maison_email_messages"


class EmailNotSent(Exception):
    """Raised by the task when the mail server refused; names no address."""


def message_builders() -> dict[str, Callable[[list[int]], EmailMessage | None]]:
    builders = {}
    for hook in hooks.get_hooks(EMAIL_MESSAGES_HOOK):
        builders.update(hook())
    return builders


def _builder(kind: str) -> Callable[[list[int]], EmailMessage | None]:
    try:
        return message_builders()[kind]
    except KeyError:
        raise ValueError(f"Unknown email kind {kind!r}.") from None


@task()
def send_email(kind: str, ids: list[int]) -> str:
    """Build the message of ``kind`` for the rows ``ids`` and send it."""
    message = _builder(kind)(list(ids))
    if message is None:
        logger.info("event=email_skipped kind=%s ids=%s", kind, _ids(ids))
        return "skipped"
    try:
        message.send()
    except Exception as error:  # any transport error: smtplib, socket, TLS
        # No traceback and not str(error): SMTP errors quote the addresses they refused.
        logger.error(
            "event=email_failed kind=%s ids=%s error=%s", kind, _ids(ids), type(error).__name__
        )
        raise EmailNotSent(f"{kind} {_ids(ids)}: {type(error).__name__}") from None
    logger.info("event=email_sent kind=%s ids=%s", kind, _ids(ids))
    return "sent"


def enqueue_email(kind: str, ids: Iterable[int]) -> None:
    """Send the ``kind`` message for ``ids`` in the background, after the commit."""
    _builder(kind)  # an unknown kind fails here, in the caller, not later in the worker
    ids = [int(pk) for pk in ids]
    transaction.on_commit(partial(send_email.enqueue, kind, ids), robust=True)


def _ids(ids: Iterable[int]) -> str:
    return ",".join(str(pk) for pk in ids)
