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

    Media: the ``recurrence`` JavaScript catalogue (the widget calls ``gettext`` while it
    loads; Django's catalogue script merges into the one Wagtail already loaded), the
    widget, and our initialiser instead of the package's ``recurrence-widget.init.js``.
    Theirs is the only part that needs jQuery, and it watches a ``#container`` element
    that Wagtail does not have, so forms added by an InlinePanel stayed bare textareas.
    Leaving it out also leaves out Django admin's ``jquery.init.js``, which *replaces*
    ``window.django`` and with it the translations of Wagtail's own scripts.
    """

    def get_media(self):
        try:
            catalogue = reverse("javascript-catalog")
        except NoReverseMatch:  # pragma: no cover - the project routes it
            catalogue = None
        js = [
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
