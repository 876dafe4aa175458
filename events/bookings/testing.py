"""Test support: a rooms page in fr/nl/en and a room open to partner requests (kept in the
package so browser tests and benchmarks build the same thing)."""

from __future__ import annotations

from datetime import time

from maison.core.testing import SiteTree, translate

from ..models import Room
from .models import RoomWeeklyHours
from .pages import RoomsPage


def build_rooms_pages(tree: SiteTree) -> dict[str, RoomsPage]:
    page = RoomsPage(title="Salles", slug="salles", intro="Les salles de la Maison.")
    tree.home.add_child(instance=page)
    page.save_revision().publish()
    pages = {"fr": RoomsPage.objects.get(pk=page.pk)}
    pages["nl"] = translate(page, "nl", title="Zalen", slug="zalen")
    pages["en"] = translate(page, "en", title="Rooms", slug="rooms")
    return pages


def requestable_room(name: str = "Salle de réunion 1", hours: bool = True, **fields) -> Room:
    """A room partners may request, open 08:00–22:00 every day (when ``hours``)."""
    fields.setdefault("capacity", 12)
    room = Room.objects.create(name=name, partner_requests=True, floor=1, **fields)
    if hours:
        for weekday in range(7):
            RoomWeeklyHours.objects.create(
                room=room, weekday=weekday, opens=time(8, 0), closes=time(22, 0)
            )
    return room
