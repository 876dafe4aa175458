"""Staff UI in the Wagtail admin: the booking listing (filters, CSV), the booking form with
the recurring preview, a week view per room, and the approval queue.

Every write goes through ``services``; a clash or a broken rule is shown on the form,
never as an error page."""

from __future__ import annotations

import contextlib
from datetime import date, datetime, time, timedelta

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .. import scheduling
from ..models import Room
from . import services
from .feed_admin import FeedViewSet
from .forms import BookingForm, CancelForm, DecisionForm
from .models import Booking
from .privacy import HolderLabels
from .rules import APPROVE_PERMISSION, RuleContext
from .staff_views import DayViewSet, FindRoomViewSet, MyBookingsViewSet, UsageViewSet

VIEW_PERMISSION = "events.view_booking"


def _require(request, perm):
    if not request.user.has_perm(perm):
        raise PermissionDenied


class BookingFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=gettext_lazy("When"),
        choices=[("upcoming", gettext_lazy("Upcoming")), ("past", gettext_lazy("Past"))],
        method="filter_period",
        empty_label=gettext_lazy("All dates"),
    )
    mine = django_filters.BooleanFilter(label=gettext_lazy("My bookings"), method="filter_mine")

    class Meta:
        model = Booking
        fields = ["period", "room", "status", "source", "group", "mine"]

    def filter_period(self, queryset, name, value):
        now = timezone.now()
        if value == "upcoming":
            return queryset.filter(end__gt=now)
        if value == "past":
            return queryset.filter(end__lte=now).order_by("-start")
        return queryset

    def filter_mine(self, queryset, name, value):
        return queryset.filter(booked_by=self.request.user) if value else queryset


class BookingCreateView(generic.CreateView):
    template_name = "events/bookings/admin/booking_form.html"

    def get_initial(self):
        """Prefill from "find a free room" (room, start, end, attendees); values that do
        not parse are ignored (the form validates whatever is submitted)."""
        initial = super().get_initial()
        params = self.request.GET
        if params.get("room", "").isdigit():
            initial["room"] = int(params["room"])
        for name in ("start", "end"):
            with contextlib.suppress(ValueError):
                initial[name] = datetime.strptime(params.get(name, ""), "%Y-%m-%d %H:%M")
        if params.get("attendees", "").isdigit():
            initial["attendees"] = int(params["attendees"])
        return initial

    def form_valid(self, form):
        self.form = form
        user = self.request.user
        booking = form.instance
        booking.booked_by = user
        booking.status = services.initial_status(booking.room, user)
        ctx = RuleContext(user=user)
        data = form.cleaned_data
        try:
            if data.get("repeat"):
                spec = services.RecurrenceSpec(
                    frequency=data["repeat"],
                    interval=data.get("interval") or 1,
                    until=data.get("until"),
                    count=data.get("count"),
                    skip_school_holidays=data.get("skip_school_holidays", False),
                    skip_public_holidays=data.get("skip_public_holidays", False),
                )
                _series, planned = services.plan_series(booking, spec)
                rows = services.preview(planned, ctx)
                if not data.get("confirmed_preview"):
                    return self._preview(form, rows)
                skip = {r.day for r in rows if not r.ok} if data.get("skip_conflicts") else set()
                _series, created = services.create_recurring(booking, spec, ctx, skip=skip)
                self.object = created[0]
            else:
                services.save_bookings([booking], ctx)
                self.object = booking
        except services.BookingError as error:
            for message in error.messages:
                form.add_error(None, message)
            self.produced_error_message = _("The booking could not be saved.")
            return self.form_invalid(form)
        return self.save_action()

    def _preview(self, form, rows):
        data = form.data.copy()
        data["confirmed_preview"] = "on"
        form.data = data
        context = self.get_context_data(form=form)
        context["preview_rows"] = rows
        context["preview_conflicts"] = sum(1 for r in rows if not r.ok)
        return self.render_to_response(context)


class VisibleBookingsMixin:
    """Private bookings of other teams (and, for free/busy viewers, every booking not
    theirs) are neither listed, exported nor opened: ``Booking.objects.visible_to``."""

    def get_queryset(self):
        return Booking.objects.visible_to(self.request.user)


class BookingIndexView(generic.IndexView):
    def get_base_queryset(self):
        return Booking.objects.visible_to(self.request.user).select_related(
            "room", "group", "booked_by"
        )


class BookingDeleteView(VisibleBookingsMixin, generic.DeleteView):
    pass


class BookingEditView(VisibleBookingsMixin, generic.EditView):
    template_name = "events/bookings/admin/booking_form.html"

    def form_valid(self, form):
        self.form = form
        booking = form.instance
        ctx = RuleContext(user=self.request.user)
        apply_to = form.cleaned_data.get("apply_to", "this")
        start = timezone.localtime(booking.start)
        end = timezone.localtime(booking.end)
        try:
            if apply_to == "all":
                services.edit_all(
                    booking.series,
                    ctx,
                    start_time=start.time(),
                    end_time=end.time(),
                    room=booking.room,
                )
            elif apply_to == "following":
                services.edit_following(
                    booking, ctx, start_time=start.time(), end_time=end.time(), room=booking.room
                )
            else:
                services.edit_this(booking, ctx)
        except services.BookingError as error:
            for message in error.messages:
                form.add_error(None, message)
            self.produced_error_message = _("The booking could not be saved.")
            return self.form_invalid(form)
        self.object = booking
        return self.save_action()


class BookingViewSet(ModelViewSet):
    model = Booking
    icon = "calendar-check"
    menu_label = gettext_lazy("All bookings")
    menu_order = 300
    add_to_admin_menu = False
    # Private bookings of other teams are shown without their purpose in the week and
    # day views; the listing, its CSV and the edit view leave them out entirely.
    index_view_class = BookingIndexView
    add_view_class = BookingCreateView
    edit_view_class = BookingEditView
    delete_view_class = BookingDeleteView
    filterset_class = BookingFilterSet
    list_display = ["__str__", "purpose", "status", "group", "booked_by"]
    list_export = ["room", "start", "end", "status", "source", "purpose", "attendees", "group"]
    export_filename = "bookings"
    search_fields = ["purpose", "organisation"]
    ordering = ["-start"]
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return BookingForm


# -- week view per room -----------------------------------------------------------------


def week_view(request, room_id=None):
    _require(request, VIEW_PERMISSION)
    rooms = list(Room.objects.filter(bookable=True))
    if room_id is None:
        if not rooms:
            raise Http404
        return redirect("events_booking_week:room", room_id=rooms[0].pk)
    room = get_object_or_404(Room, pk=room_id)
    today = timezone.localdate()
    notice = ""
    try:
        day = date.fromisoformat(request.GET["date"]) if request.GET.get("date") else today
    except ValueError:
        day, notice = today, _("That date is not valid; showing this week.")
    monday = day - timedelta(days=day.weekday())
    start = scheduling.make_aware(datetime.combine(monday, time(0)))
    end = scheduling.make_aware(datetime.combine(monday + timedelta(days=7), time(0)))
    bookings = (
        Booking.objects.active()
        .filter(room=room, start__lt=end, end__gt=start)
        .select_related("group")
        .order_by("start")
    )
    days = []
    by_day = {}
    labels = HolderLabels(request.user)
    for booking in bookings:
        by_day.setdefault(timezone.localtime(booking.start).date(), []).append(
            {"booking": booking, "label": labels.label(booking)}
        )
    for offset in range(7):
        current = monday + timedelta(days=offset)
        days.append({"date": current, "entries": by_day.get(current, [])})
    return TemplateResponse(
        request,
        "events/bookings/admin/week.html",
        {
            "room": room,
            "rooms": rooms,
            "days": days,
            "monday": monday,
            "previous": monday - timedelta(days=7),
            "next": monday + timedelta(days=7),
            "notice": notice,
            "header_title": _("Week of %(room)s") % {"room": room},
            "can_book": request.user.has_perm("events.add_booking"),
        },
    )


# -- approval queue ---------------------------------------------------------------------


def approval_queue(request):
    _require(request, APPROVE_PERMISSION)
    pending = (
        Booking.objects.filter(status=Booking.Status.REQUESTED)
        .select_related("room", "group", "booked_by")
        .order_by("start")
    )
    return TemplateResponse(
        request,
        "events/bookings/admin/queue.html",
        {"pending": pending, "form": DecisionForm(), "header_title": _("Requests to approve")},
    )


def decide(request, pk):
    _require(request, APPROVE_PERMISSION)
    if request.method != "POST":
        return redirect("events_booking_queue:index")
    booking = get_object_or_404(Booking, pk=pk, status=Booking.Status.REQUESTED)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("events_booking_queue:index")
    try:
        if form.cleaned_data["decision"] == "approve":
            services.approve(booking, request.user, form.cleaned_data["reason"])
            messages.success(request, _("Booking approved: %(booking)s") % {"booking": booking})
        else:
            services.reject(booking, request.user, form.cleaned_data["reason"])
            messages.success(request, _("Booking rejected: %(booking)s") % {"booking": booking})
    except services.BookingError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("events_booking_queue:index")


def cancel_booking(request, pk):
    _require(request, "events.change_booking")
    booking = get_object_or_404(Booking.objects.visible_to(request.user), pk=pk)
    if not (request.user.has_perm(APPROVE_PERMISSION) or booking.booked_by_id == request.user.pk):
        raise PermissionDenied
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.cancel(booking, request.user, form.cleaned_data["reason"])
        messages.success(request, _("Booking cancelled: %(booking)s") % {"booking": booking})
        return redirect("events_bookings:index")
    return TemplateResponse(
        request,
        "events/bookings/admin/cancel.html",
        {"booking": booking, "form": form, "header_title": _("Cancel a booking")},
    )


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission=None, **kwargs):
        self.permission = permission
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class WeekViewSet(ViewSet):
    icon = "table"
    menu_label = gettext_lazy("Week per room")
    menu_order = 100

    def get_urlpatterns(self):
        return [
            path("", week_view, name="index"),
            path("<int:room_id>/", week_view, name="room"),
        ]

    def get_menu_item(self, order=None):
        return PermissionMenuItem(
            self.menu_label,
            self.menu_url,
            icon_name=self.icon,
            order=order or self.menu_order,
            permission=VIEW_PERMISSION,
        )


class QueueViewSet(ViewSet):
    icon = "tasks"
    menu_label = gettext_lazy("Requests to approve")
    menu_order = 200

    def get_urlpatterns(self):
        return [
            path("", approval_queue, name="index"),
            path("<int:pk>/decide/", decide, name="decide"),
            path("<int:pk>/cancel/", cancel_booking, name="cancel"),
        ]

    def get_menu_item(self, order=None):
        return PermissionMenuItem(
            self.menu_label,
            self.menu_url,
            icon_name=self.icon,
            order=order or self.menu_order,
            permission=APPROVE_PERMISSION,
        )


class BookingGroup(ViewSetGroup):
    menu_label = gettext_lazy("Room bookings")
    menu_icon = "calendar-check"
    menu_order = 260
    items = [
        DayViewSet("events_booking_day"),
        WeekViewSet("events_booking_week"),
        FindRoomViewSet("events_booking_find"),
        QueueViewSet("events_booking_queue"),
        BookingViewSet("events_bookings"),
        MyBookingsViewSet("events_booking_mine"),
        UsageViewSet("events_booking_usage"),
        FeedViewSet("events_booking_feeds"),
    ]


def cancel_url(booking) -> str:
    return reverse("events_booking_queue:cancel", args=[booking.pk])
