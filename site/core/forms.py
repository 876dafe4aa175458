"""What every public form shares: a honeypot field against bots and the accessible error
wiring (``aria-invalid``, ``aria-describedby`` to the help and error texts) that
``templates/components/public_form_fields.html`` renders."""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"


class PublicFormMixin:
    """Mix into a Form or ModelForm that declares ``website = honeypot_field()``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        honeypot = self.fields[HONEYPOT_FIELD].widget
        honeypot.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def full_clean(self):
        super().full_clean()
        for name, field in self.fields.items():
            described_by = []
            if field.help_text:
                described_by.append(f"{name}-help")
            if name in self.errors:
                described_by.append(f"{name}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if described_by:
                field.widget.attrs["aria-describedby"] = " ".join(described_by)

    def visible_request_fields(self):
        return [self[name] for name in self.fields if name != HONEYPOT_FIELD]


def honeypot_field() -> forms.CharField:
    """Hidden from people (and from assistive technologies), filled by bots."""
    return forms.CharField(label=_("Leave this field empty"), required=False)
