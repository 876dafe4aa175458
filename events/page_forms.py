"""Admin form of pages that own series (EventPage, ActivityPage): publishing a series
with a room over a taken slot is refused with the list of clashing dates.

Without this, publishing would succeed and ``services.sync_series_bookings`` would leave
the clashing dates without a room booking (it only logs them). The check runs on
publish only: a draft does not book rooms."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm


class WorkshopConflictsMixin:
    series_formset = "series"

    def is_valid(self):
        valid = super().is_valid()
        if not valid or not self.data.get("action-publish"):
            return valid
        messages = self.workshop_conflict_messages()
        for message in messages:
            self.add_error(None, message)
        return not messages

    def workshop_conflict_messages(self) -> list[str]:
        from .bookings.services import workshop_conflicts

        formset = getattr(self, "formsets", {}).get(self.series_formset)
        if formset is None:
            return []
        deleted = set(map(id, formset.deleted_forms)) if formset.can_delete else set()
        user = getattr(self, "for_user", None)
        messages = []
        for form in formset.forms:
            if id(form) in deleted or not form.cleaned_data:
                continue
            series = form.instance  # filled in by the form's validation
            if series.room_id is None or series.start_date is None:
                continue
            messages.extend(conflict.message(user) for conflict in workshop_conflicts(series))
        if messages:
            messages.insert(
                0,
                _(
                    "The room is taken on some dates. Change the time or room, or exclude "
                    "those dates from the rule, then publish again."
                ),
            )
        return messages


class EventPageForm(WorkshopConflictsMixin, WagtailAdminPageForm):
    pass
