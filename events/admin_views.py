"""Wagtail admin for dates (occurrences), rooms and holiday calendars.

Exceptions on one date take a couple of clicks from Calendar > Dates (or from a page's
"Dates" button): *Cancel this date* (with a public reason), *Move this date* (new time,
room), *Restore*, and *Add an extra date*. Each action is checked against the model
permissions of ``events.Occurrence`` (change / add) and logged in the admin history.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets.button import ListingButton

from . import scheduling
from .models import CalendarPeriod, Occurrence, Room, Series


class OccurrenceFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=_("When"),
        choices=[("upcoming", _("Upcoming")), ("past", _("Past"))],
        method="filter_period",
        empty_label=_("All dates"),
    )
    owner = django_filters.NumberFilter(
        field_name="series__page", label=_("Page ID"), widget=forms.HiddenInput
    )
    status = django_filters.ChoiceFilter(choices=Occurrence.Status.choices, label=_("Status"))
    room = django_filters.ModelChoiceFilter(queryset=Room.objects.all(), label=_("Room"))

    class Meta:
        model = Occurrence
        fields = ["period", "status", "room", "owner"]

    def filter_period(self, queryset, name, value):
        now = timezone.now()
        if value == "upcoming":
            return queryset.filter(end__gt=now)
        if value == "past":
            return queryset.filter(end__lte=now).order_by("-start")
        return queryset


class OccurrenceEditForm(WagtailAdminModelForm):
    """Move a date (time, room) or change its status and public note."""

    class Meta:
        model = Occurrence
        fields = ["start", "end", "room", "status", "note"]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The end must be after the start."))
        if cleaned.get("status") == Occurrence.Status.SCHEDULED and {
            "start",
            "end",
            "room",
        } & set(self.changed_data):
            # Changing the time or room of a scheduled date is a move.
            cleaned["status"] = Occurrence.Status.MOVED
        return cleaned


class CancelForm(WagtailAdminModelForm):
    class Meta:
        model = Occurrence
        fields = ["note"]
        labels = {"note": _("Reason (shown to the public)")}


class RestoreForm(WagtailAdminModelForm):
    class Meta:
        model = Occurrence
        fields = []


class ExtraDateForm(WagtailAdminModelForm):
    """A date outside the series' rule (kept when the rule changes)."""

    class Meta:
        model = Occurrence
        fields = ["series", "start", "end", "room", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = Series.objects.select_related("page").order_by(
            "page__title", "sort_order"
        )
        self.fields["end"].required = False
        self.fields["end"].help_text = _("Empty: the series' usual duration.")

    def clean(self):
        cleaned = super().clean()
        series, start, end = cleaned.get("series"), cleaned.get("start"), cleaned.get("end")
        if series and start:
            day = scheduling.to_local_naive(start).date()
            if series.occurrences.filter(original_date=day).exists():
                self.add_error("start", _("This series already has a date on that day."))
            end = end or start + series.duration
            if end <= start:
                self.add_error("end", _("The end must be after the start."))
            cleaned["end"] = end
        return cleaned

    def save(self, commit=True):
        instance = super().save(commit=False)
        instance.end = self.cleaned_data["end"]
        instance.original_start = instance.start
        instance.original_date = scheduling.to_local_naive(instance.start).date()
        instance.is_extra = True
        if instance.room is None:
            instance.room = instance.series.room
        if commit:
            instance.save()
        return instance


class OccurrenceIndexView(generic.IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("series", "series__page", "room")
        if "period" not in self.request.GET:
            queryset = queryset.filter(end__gt=timezone.now())
        return queryset

    def get_list_more_buttons(self, instance):
        buttons = []
        policy = self.permission_policy
        if policy is None or policy.user_has_permission(self.request.user, "change"):
            namespace = self.index_url_name.split(":")[0]
            if instance.status != Occurrence.Status.CANCELLED:
                buttons.append(
                    ListingButton(
                        _("Cancel this date"),
                        url=reverse(f"{namespace}:cancel", args=[instance.pk]),
                        icon_name="cross",
                        priority=5,
                    )
                )
            buttons.append(
                ListingButton(
                    _("Move this date"),
                    url=reverse(f"{namespace}:edit", args=[instance.pk]),
                    icon_name="edit",
                    priority=6,
                )
            )
            if instance.status != Occurrence.Status.SCHEDULED:
                buttons.append(
                    ListingButton(
                        _("Restore"),
                        url=reverse(f"{namespace}:restore", args=[instance.pk]),
                        icon_name="undo",
                        priority=7,
                    )
                )
        return buttons + [
            b
            for b in super().get_list_more_buttons(instance)
            if b.url != self.get_edit_url(instance)
        ]


class OccurrenceCreateView(generic.CreateView):
    page_title = _("Add an extra date")


class CancelView(generic.EditView):
    page_title = _("Cancel a date")
    success_message = _("Date '%(object)s' cancelled.")

    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.status = Occurrence.Status.CANCELLED
        instance.save()
        return instance

    def get_success_url(self):
        return self.get_index_url_with_owner()

    def get_index_url_with_owner(self):
        return reverse(self.index_url_name) + f"?owner={self.object.series.page_id or ''}"


class RestoreView(CancelView):
    page_title = _("Restore a date")
    success_message = _("Date '%(object)s' restored as the series schedules it.")

    def save_instance(self):
        self.object.restore()
        return self.object


class OccurrenceEditView(generic.EditView):
    page_title = _("Move or change a date")


def _local_start(occurrence):
    return f"{timezone.localtime(occurrence.start):%a %d/%m/%Y %H:%M}"


class OccurrenceViewSet(ModelViewSet):
    model = Occurrence
    icon = "date"
    menu_label = _("Dates")
    menu_order = 100
    add_to_admin_menu = False
    index_view_class = OccurrenceIndexView
    add_view_class = OccurrenceCreateView
    edit_view_class = OccurrenceEditView
    copy_view_enabled = False
    filterset_class = OccurrenceFilterSet
    list_per_page = 50
    ordering = ["start"]
    list_display = [
        "__str__",
        Column("start", label=_("Day"), accessor=_local_start),
        "status",
        "room",
        "note",
    ]
    list_export = ["series", "start", "end", "status", "room", "note"]
    add_item_label = _("Add an extra date")

    def get_form_class(self, for_update=False):
        return OccurrenceEditForm if for_update else ExtraDateForm

    @property
    def cancel_view(self):
        return self.construct_view(
            CancelView, **{**self.get_edit_view_kwargs(), "form_class": CancelForm}
        )

    @property
    def restore_view(self):
        return self.construct_view(
            RestoreView, **{**self.get_edit_view_kwargs(), "form_class": RestoreForm}
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("cancel/<int:pk>/", self.cancel_view, name="cancel"),
            path("restore/<int:pk>/", self.restore_view, name="restore"),
        ]


class RoomViewSet(ModelViewSet):
    model = Room
    icon = "home"
    menu_label = _("Rooms")
    menu_order = 200
    add_to_admin_menu = False
    list_display = ["name", "floor", "capacity", "step_free"]
    search_fields = ["name"]
    list_export = ["name", "floor", "capacity", "step_free", "requires_approval"]
    # The form follows Room.panels (facts, equipment, booking rules, opening hours).


class CalendarPeriodViewSet(ModelViewSet):
    model = CalendarPeriod
    icon = "calendar-alt"
    menu_label = _("Holiday calendars")
    menu_order = 300
    add_to_admin_menu = False
    list_display = ["name", "community", "start_date", "end_date", "year", "kind"]
    list_filter = ["kind", "community", "year"]
    list_export = ["kind", "community", "key", "name", "start_date", "end_date", "year", "source"]
    search_fields = ["name", "key"]
    ordering = ["start_date"]
    form_fields = ["kind", "community", "key", "name", "start_date", "end_date", "year", "source"]


class CalendarGroup(ModelViewSetGroup):
    menu_label = _("Calendar")
    menu_icon = "date"
    menu_order = 250
    items = [
        OccurrenceViewSet("events_dates"),
        RoomViewSet("events_rooms"),
        CalendarPeriodViewSet("events_periods"),
    ]
