"""Who may read a booking's purpose: the one privacy rule of every staff view (week view,
day timeline, clash messages, workshop conflicts in the page editor).

A private booking shows its purpose only to a superuser, the person who booked it and
members of the group it was booked for; everyone else reads "a private booking".
Staff who may view bookings but not book (no ``events.add_booking``) see free/busy only:
"booked", without purpose or team, for every booking that is not theirs.
``HolderLabels`` loads the user's groups once, so a list of bookings costs no query per
row (``Booking.holder_label_for`` uses it for one booking)."""

from __future__ import annotations

from django.utils.translation import gettext as _

BOOK_PERMISSION = "events.add_booking"


class HolderLabels:
    def __init__(self, user):
        self.user = user
        authenticated = user is not None and getattr(user, "is_authenticated", False)
        self.superuser = bool(authenticated and user.is_superuser)
        self.user_id = user.pk if authenticated else None
        self.group_ids = (
            set(user.groups.values_list("pk", flat=True))
            if authenticated and not self.superuser
            else set()
        )
        self.free_busy_only = bool(
            authenticated and not self.superuser and not user.has_perm(BOOK_PERMISSION)
        )

    def may_read(self, booking) -> bool:
        """May this user read the purpose of the booking (private or not)?"""
        if self.is_own(booking):
            return True
        return not booking.is_private and not self.free_busy_only

    def is_own(self, booking) -> bool:
        return (
            self.superuser
            or (self.user_id is not None and booking.booked_by_id == self.user_id)
            or (booking.group_id is not None and booking.group_id in self.group_ids)
        )

    def label(self, booking) -> str:
        """The purpose for one's own bookings, otherwise the public holder label
        (purpose and team, or "a private booking")."""
        if self.is_own(booking):
            return booking.purpose
        if self.free_busy_only:
            return str(_("booked"))
        return booking.holder_label
