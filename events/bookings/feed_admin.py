"""Admin: "My calendar feeds". Each user creates, revokes and regenerates their own
private ICS addresses (all their bookings, or one room's). Only the owner sees a token;
every change is a POST."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from ..models import Room
from .feeds import VIEW_PERMISSION
from .models import CalendarFeedToken


class NewFeedForm(forms.Form):
    room = forms.ModelChoiceField(
        label=gettext_lazy("Feed of"),
        queryset=Room.objects.filter(bookable=True),
        required=False,
        empty_label=gettext_lazy("All my bookings (mine and my teams')"),
    )


def feed_url(request, token: CalendarFeedToken) -> str:
    return request.build_absolute_uri(reverse("booking_feed", args=[token.token]))


def _require(request):
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied


def _active(user):
    return CalendarFeedToken.objects.filter(user=user, revoked_at__isnull=True).select_related(
        "room"
    )


def index(request):
    _require(request)
    form = NewFeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        room = form.cleaned_data["room"]
        if _active(request.user).filter(room=room).exists():
            messages.error(
                request,
                _("You already have this feed: regenerate it to get a new address."),
            )
        else:
            CalendarFeedToken.objects.create(user=request.user, room=room)
            messages.success(request, _("Feed created. Copy its address into your calendar."))
        return redirect("events_booking_feeds:index")
    tokens = [
        {"token": token, "url": feed_url(request, token)}
        for token in _active(request.user).order_by("room__name", "created_at")
    ]
    return TemplateResponse(
        request,
        "events/bookings/admin/feeds.html",
        {"tokens": tokens, "form": form, "header_title": _("My calendar feeds")},
    )


def _own_token(request, pk) -> CalendarFeedToken:
    _require(request)
    return get_object_or_404(_active(request.user), pk=pk)


def revoke(request, pk):
    token = _own_token(request, pk)
    if request.method == "POST":
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        messages.success(request, _("Feed revoked: its address no longer works."))
    return redirect("events_booking_feeds:index")


def regenerate(request, pk):
    token = _own_token(request, pk)
    if request.method == "POST":
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        CalendarFeedToken.objects.create(user=request.user, room=token.room)
        messages.success(
            request,
            _("New address created; the old one no longer works. Update your calendar."),
        )
    return redirect("events_booking_feeds:index")


class FeedMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


class FeedViewSet(ViewSet):
    icon = "link"
    menu_label = gettext_lazy("My calendar feeds")
    menu_order = 400

    def get_urlpatterns(self):
        return [
            path("", index, name="index"),
            path("<int:pk>/revoke/", revoke, name="revoke"),
            path("<int:pk>/regenerate/", regenerate, name="regenerate"),
        ]

    def get_menu_item(self, order=None):
        return FeedMenuItem(
            self.menu_label, self.menu_url, icon_name=self.icon, order=order or self.menu_order
        )
