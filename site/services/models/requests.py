"""Technoprévention: the request form page and the requests it stores.

Data protection: only what is needed to call back or visit (name, one way to reach the
person, the postcode for the visit round, an optional message). Requests are visible in the
admin to the Coordination group only (Django model permissions, granted by load_demo) and
are kept RETENTION_MONTHS months, then erased by ``manage.py purge_service_requests``.
The notification email holds no personal data, only a link to the admin
(``maison.services.emails``, sent by a background task).
"""

import logging

from django.db import models, transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from maison.core.models import BasePage
from maison.core.ratelimit import RateLimit, rate_limited_response
from maison.core.tasks import enqueue_email

logger = logging.getLogger(__name__)

RETENTION_MONTHS = 12
RETENTION_DAYS = 365
# Ten submissions an hour from one connection is more than any household needs.
SUBMIT_LIMIT = RateLimit("technoprevention", limit=10, period=3600)


class RequestType(models.TextChoices):
    ADVICE_VISIT = "visit", _("A free advice visit at home (burglary prevention)")
    SUBSIDY = "subsidy", _("Information on the home-security subsidy")


class ContactPreference(models.TextChoices):
    PHONE = "phone", _("By phone")
    EMAIL = "email", _("By email")


class TechnopreventionRequest(models.Model):
    page = models.ForeignKey(
        "services.TechnopreventionRequestPage",
        verbose_name=_("form page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests",
    )
    request_type = models.CharField(
        _("what do you need?"), max_length=10, choices=RequestType.choices
    )
    name = models.CharField(_("name"), max_length=120)
    contact_preference = models.CharField(
        _("how should we contact you?"), max_length=10, choices=ContactPreference.choices
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    postcode = models.CharField(_("postcode"), max_length=4)
    message = models.TextField(_("message"), blank=True, max_length=1000)
    language = models.CharField(_("language of the request"), max_length=8)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("technoprévention request")
        verbose_name_plural = _("technoprévention requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_request_type_display()} – {self.created_at:%Y-%m-%d}"

    @classmethod
    def expired(cls, now=None):
        now = now or timezone.now()
        return cls.objects.filter(created_at__lt=now - timezone.timedelta(days=RETENTION_DAYS))


class TechnopreventionRequestPage(RoutablePageMixin, BasePage):
    """The request form (advice visit or subsidy information), its confirmation page."""

    intro = models.TextField(_("introduction"), blank=True)
    notify_email = models.EmailField(
        _("notify"), help_text=_("The service's address that receives a notice of each request.")
    )
    thanks_text = models.TextField(
        _("confirmation text"),
        blank=True,
        help_text=_("Shown after sending, e.g. when the service will answer."),
    )

    parent_page_types = ["services.ServicePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        "intro",
        FieldPanel("notify_email", required_on_save=True),
        "thanks_text",
    ]

    class Meta:
        verbose_name = _("technoprévention request form")
        verbose_name_plural = _("technoprévention request forms")

    @path("")
    def form_view(self, request):
        from ..request_forms import TechnopreventionRequestForm

        if request.method == "POST":
            if SUBMIT_LIMIT.exceeded(request):
                return rate_limited_response(request, SUBMIT_LIMIT)
            form = TechnopreventionRequestForm(request.POST)
            if form.is_spam():
                # Look successful to the bot; store and send nothing.
                return HttpResponseRedirect(self.url + self.reverse_subpage("thanks"))
            if form.is_valid():
                with transaction.atomic():
                    submission = form.save(commit=False)
                    submission.page = self
                    submission.language = (get_language() or "fr")[:8]
                    submission.save()
                    self.notify(request, submission)
                return HttpResponseRedirect(self.url + self.reverse_subpage("thanks"))
        else:
            form = TechnopreventionRequestForm()
        status = 400 if form.is_bound else 200
        return TemplateResponse(
            request,
            self.get_template(request),
            {
                **self.get_context(request),
                "form": form,
                "retention_months": RETENTION_MONTHS,
            },
            status=status,
        )

    @path("thanks/", name="thanks")
    def thanks_view(self, request):
        return TemplateResponse(
            request,
            "services/technoprevention_request_thanks.html",
            {**self.get_context(request), "page": self},
        )

    def notify(self, request, submission) -> None:
        """The staff notice, sent by a background task once the request is committed
        (``maison.services.emails.request_notice`` builds it from the stored row)."""
        enqueue_email("technoprevention-request", [submission.pk])
