"""The public technoprévention request form: validation messages in the visitor's language,
a honeypot field, and ARIA attributes tying each error to its field."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from maison.core.forms import PublicFormMixin, honeypot_field

from .models import TechnopreventionRequest

POSTCODE_RE = re.compile(r"^1\d{3}$")  # Brussels-Capital Region postcodes


class TechnopreventionRequestForm(PublicFormMixin, forms.ModelForm):
    consent = forms.BooleanField(
        label=_("I agree that the service uses these details to answer my request."),
        error_messages={"required": _("Tick this box so that we may answer you.")},
    )
    website = honeypot_field()

    class Meta:
        model = TechnopreventionRequest
        fields = [
            "request_type",
            "name",
            "contact_preference",
            "phone",
            "email",
            "postcode",
            "message",
        ]
        widgets = {
            "request_type": forms.RadioSelect,
            "contact_preference": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
        }
        help_texts = {
            "postcode": _("Four digits, e.g. 1050. We visit homes in the Brussels region."),
            "message": _("Optional. Do not write health or other sensitive information."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["request_type"].choices = self.fields["request_type"].choices[1:]
        self.fields["contact_preference"].choices = self.fields["contact_preference"].choices[1:]
        autocomplete = {"name": "name", "phone": "tel", "email": "email", "postcode": "postal-code"}
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = value
        self.fields["phone"].widget.input_type = "tel"
        self.fields["postcode"].widget.attrs["inputmode"] = "numeric"

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].strip()
        if not POSTCODE_RE.match(postcode):
            raise forms.ValidationError(
                _("Enter a postcode of the Brussels region (four digits starting with 1).")
            )
        return postcode

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean(self):
        cleaned = super().clean()
        preference = cleaned.get("contact_preference")
        if preference == "phone" and not cleaned.get("phone"):
            self.add_error("phone", _("Give a phone number, or choose to be contacted by email."))
        if preference == "email" and not cleaned.get("email"):
            self.add_error("email", _("Give an email address, or choose to be contacted by phone."))
        phone = cleaned.get("phone")
        if phone and not re.fullmatch(r"[+0-9 ./()-]{6,30}", phone):
            self.add_error("phone", _("Enter a phone number with digits only, e.g. 02 000 00 00."))
        return cleaned
