"""The partner request form (no account): who asks, what for, when, and a simple weekly
repetition. Validation messages name the field; rules and clashes are checked by the view
(through ``services``) and shown as form errors."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from maison.core.forms import PublicFormMixin, honeypot_field

from .. import scheduling
from .models import Booking

MAX_WEEKS = 12
MIN_YEAR, MAX_YEAR = 2000, 2100
PHONE_RE = re.compile(r"[+0-9 ./()-]{6,30}")


class PartnerRequestForm(PublicFormMixin, forms.Form):
    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    contact_name = forms.CharField(label=_("Contact person"), max_length=120)
    contact_email = forms.EmailField(label=_("Email"), max_length=254)
    contact_phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    purpose = forms.CharField(
        label=_("What is the room for?"),
        max_length=200,
        help_text=_("E.g. “Members' meeting”. Shown to the coordination only."),
    )
    attendees = forms.IntegerField(label=_("Number of people"), min_value=1, max_value=999)
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    start_time = forms.TimeField(
        label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        label=_("End time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    weeks = forms.IntegerField(
        label=_("Number of weeks"),
        min_value=1,
        max_value=MAX_WEEKS,
        initial=1,
        help_text=_("1 for this date only; 2 to 12 for the same day and time every week."),
    )
    website = honeypot_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        autocomplete = {
            "organisation": "organization",
            "contact_name": "name",
            "contact_email": "email",
            "contact_phone": "tel",
        }
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
        self.fields["contact_phone"].widget.input_type = "tel"
        self.fields["attendees"].widget.attrs["inputmode"] = "numeric"
        self.fields["weeks"].widget.attrs["inputmode"] = "numeric"

    def clean_date(self):
        day = self.cleaned_data["date"]
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            raise forms.ValidationError(_("Enter a date between 2000 and 2100."))
        return day

    def clean_contact_phone(self):
        phone = self.cleaned_data["contact_phone"].strip()
        if phone and not PHONE_RE.fullmatch(phone):
            raise forms.ValidationError(
                _("Enter a phone number with digits only, e.g. 02 000 00 00.")
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_time"), cleaned.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", _("The end must be after the start."))
        for name in ("organisation", "contact_name", "purpose"):
            if cleaned.get(name):
                cleaned[name] = " ".join(cleaned[name].split())
        return cleaned

    def build_bookings(self, room, language: str) -> list[Booking]:
        """One unsaved REQUESTED partner booking per week (wall time in Brussels)."""
        data = self.cleaned_data
        bookings = []
        for week in range(data["weeks"]):
            day = data["date"] + timedelta(weeks=week)
            bookings.append(
                Booking(
                    room=room,
                    start=scheduling.make_aware(datetime.combine(day, data["start_time"])),
                    end=scheduling.make_aware(datetime.combine(day, data["end_time"])),
                    status=Booking.Status.REQUESTED,
                    source=Booking.Source.PARTNER,
                    purpose=data["purpose"],
                    attendees=data["attendees"],
                    organisation=data["organisation"],
                    contact_name=data["contact_name"],
                    contact_email=data["contact_email"],
                    contact_phone=data["contact_phone"],
                    language=language[:8],
                )
            )
        return bookings
