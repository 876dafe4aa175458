"""The staff notice of a technoprévention request, built by the email task
(``maison.core.tasks``) from the stored request.

It holds no personal data (no name, phone, email or message): the type, the postcode for
the visit round and a link to the request in the admin, which only Coordination reads.
Written in the site's language (LANGUAGE_CODE), the service's working language."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from .models import TechnopreventionRequest


def request_notice(ids: list[int]) -> EmailMessage | None:
    submission = TechnopreventionRequest.objects.filter(pk__in=ids).select_related("page").first()
    if submission is None or submission.page is None or not submission.page.notify_email:
        return None  # erased or its form page deleted before the worker ran
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "technoprevention_requests:inspect", args=[submission.pk]
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("New technoprévention request #%(id)s") % {"id": submission.pk}
        body = "\n".join(
            [
                gettext("A new request was sent through the website."),
                f"{gettext('Type')}: {submission.get_request_type_display()}",
                f"{gettext('Postcode')}: {submission.postcode}",
                "",
                gettext("Read it in the admin (Coordination only):"),
                admin_url,
            ]
        )
    return EmailMessage(subject, body, None, [submission.page.notify_email])
