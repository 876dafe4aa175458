"""Admin forms for bookings: one booking, or a recurring one with its preview."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Booking


class BookingForm(WagtailAdminModelForm):
    repeat = forms.ChoiceField(
        label=_("Repeat"),
        required=False,
        choices=[
            ("", _("Does not repeat")),
            ("weekly", _("Every week (or every n weeks)")),
            ("monthly", _("Every month, same weekday (e.g. 2nd Tuesday)")),
        ],
    )
    interval = forms.IntegerField(
        label=_("Every n weeks/months"), min_value=1, max_value=12, initial=1, required=False
    )
    until = forms.DateField(label=_("Until (date)"), required=False)
    count = forms.IntegerField(
        label=_("Or number of dates"), min_value=1, max_value=100, required=False
    )
    skip_school_holidays = forms.BooleanField(label=_("Skip school holidays"), required=False)
    skip_public_holidays = forms.BooleanField(
        label=_("Skip public holidays"), required=False, initial=True
    )
    skip_conflicts = forms.BooleanField(
        label=_("Skip the clashing dates listed in the preview"), required=False
    )
    confirmed_preview = forms.BooleanField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Booking
        fields = ["room", "start", "end", "purpose", "attendees", "group", "is_private"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name in (
                "repeat",
                "interval",
                "until",
                "count",
                "skip_school_holidays",
                "skip_public_holidays",
                "skip_conflicts",
                "confirmed_preview",
            ):
                del self.fields[name]
            if self.instance.series_id:
                self.fields["apply_to"] = forms.ChoiceField(
                    label=_("Apply to"),
                    choices=[
                        ("this", _("This date only")),
                        ("following", _("This and following dates")),
                        ("all", _("All future dates")),
                    ],
                    initial="this",
                )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The end must be after the start."))
        if cleaned.get("repeat") and not (cleaned.get("until") or cleaned.get("count")):
            self.add_error("until", _("Give an end date or a number of dates."))
        if start and cleaned.get("until") and cleaned["until"] < start.date():
            self.add_error("until", _("The end date is before the first date."))
        return cleaned


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("reject", _("Reject"))])
    reason = forms.CharField(
        label=_("Reason (sent to the requester)"), max_length=255, required=False
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not cleaned.get("reason"):
            self.add_error("reason", _("Give a reason for the rejection."))
        return cleaned


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=255)
