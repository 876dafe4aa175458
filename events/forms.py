"""Form pieces: the recurrence widget set up for the Wagtail admin, and admin forms for
single-date exceptions."""

import recurrence
from django import forms
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from recurrence.forms import RecurrenceField as BaseRecurrenceFormField
from recurrence.forms import RecurrenceWidget

FREQUENCIES = (recurrence.YEARLY, recurrence.MONTHLY, recurrence.WEEKLY, recurrence.DAILY)


class RecurrenceAdminWidget(RecurrenceWidget):
    """django-recurrence's widget inside the Wagtail admin.

    Its media, in order: Django admin's jQuery and ``jquery.init.js`` (which *replaces*
    ``window.django``, so it must come before the catalogue), the ``recurrence`` JavaScript
    catalogue (the widget calls ``gettext`` while loading), the widget, and our initialiser
    instead of the package's one: theirs watches a ``#container`` element that Wagtail does
    not have, so forms added by an InlinePanel would stay bare textareas.
    """

    def get_media(self):
        try:
            catalogue = reverse("javascript-catalog")
        except NoReverseMatch:  # pragma: no cover - the project routes it
            catalogue = None
        js = [
            "admin/js/vendor/jquery/jquery.min.js",
            "admin/js/jquery.init.js",
            *([catalogue] if catalogue else []),
            "recurrence/js/recurrence.js",
            "recurrence/js/recurrence-widget.js",
            "events/js/recurrence-admin.js",
        ]
        return forms.Media(
            js=js,
            css={"all": ["recurrence/css/recurrence.css", "events/css/recurrence-admin.css"]},
        )

    media = property(get_media)


class LocalRecurrenceFormField(BaseRecurrenceFormField):
    """A rule without DTSTART/DTEND (the series holds its local start), limited to
    yearly, monthly, weekly and daily rules."""

    widget = RecurrenceAdminWidget

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("accept_dtstart", False)
        kwargs.setdefault("accept_dtend", False)
        kwargs.setdefault("frequencies", FREQUENCIES)
        kwargs.pop("max_length", None)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        if value in (None, ""):
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return None
        return super().clean(value)


class CancelOccurrenceForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (shown to the public)"),
        max_length=255,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. the animator is ill")}),
    )
