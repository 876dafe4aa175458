"""Demo of the public side of bookings (called by ``events.demo.load``): the rooms page in
FR/NL/EN, two rooms open to partner requests, and pending partner requests waiting in the
approval queue. Idempotent. Every organisation and person here is fictional."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from maison.core.demo_tools import ensure_page, ensure_translations
from maison.core.models import HomePage

from .. import scheduling
from ..models import Room
from .models import Booking
from .pages import RoomsPage
from .rules import RuleContext
from .services import BookingError, save_bookings

ROOMS_PAGE = {
    "fr": {
        "title": "Salles à réserver",
        "intro": "Les associations partenaires peuvent demander une salle de la Maison de la "
        "Prévention : consultez les disponibilités, puis envoyez votre demande.",
    },
    "nl": {
        "title": "Zalen reserveren",
        "slug": "zalen",
        "intro": "Partnerverenigingen kunnen een zaal van het Huis van de Preventie aanvragen: "
        "bekijk wanneer ze vrij is en verstuur uw aanvraag.",
    },
    "en": {
        "title": "Rooms to book",
        "slug": "rooms",
        "intro": "Partner associations may request a room of the Maison de la Prévention: "
        "check when it is free, then send your request.",
    },
}

REQUESTABLE_ROOMS = ["Salle polyvalente", "Salle de réunion 1"]

# room, organisation, contact, language, purpose, weeks ahead, weekday, start, end, weeks
PARTNER_REQUESTS = [
    (
        "Salle de réunion 1",
        "ASBL Les Voisins Solidaires (démo)",
        "Camille Exemple",
        "fr",
        "Réunion du conseil d'administration",
        2,
        1,
        time(14, 0),
        time(16, 0),
        1,
    ),
    (
        "Salle polyvalente",
        "vzw Buurtsport Elsene (demo)",
        "Joris Voorbeeld",
        "nl",
        "Infoavond voor ouders",
        3,
        3,
        time(10, 0),
        time(12, 0),
        1,
    ),
    (
        "Salle de réunion 1",
        "Parents' Network Ixelles (demo)",
        "Sam Example",
        "en",
        "Monthly peer-support group",
        2,
        4,
        time(13, 30),
        time(15, 0),
        3,
    ),
]


def ensure_rooms_page(stdout) -> RoomsPage | None:
    home = HomePage.objects.filter(depth=2, locale__language_code="fr").first()
    if home is None:
        stdout.write("No French home page: run the core demo first.")
        return None
    page = ensure_page(home, RoomsPage, "salles", show_in_menus=True, **ROOMS_PAGE["fr"])
    ensure_translations(
        page,
        {code: {**ROOMS_PAGE[code], "show_in_menus": True} for code in ("nl", "en")},
    )
    return page


def load_partner_requests(stdout) -> None:
    ensure_rooms_page(stdout)
    Room.objects.filter(name__in=REQUESTABLE_ROOMS).update(partner_requests=True)
    rooms = {room.name: room for room in Room.objects.filter(name__in=REQUESTABLE_ROOMS)}
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    created = 0
    for (
        room_name,
        organisation,
        contact,
        language,
        purpose,
        ahead,
        weekday,
        start,
        end,
        weeks,
    ) in PARTNER_REQUESTS:
        room = rooms.get(room_name)
        if room is None:
            continue
        pending = Booking.objects.filter(
            source=Booking.Source.PARTNER,
            organisation=organisation,
            status=Booking.Status.REQUESTED,
            end__gt=timezone.now(),
        )
        if pending.exists():
            continue
        slug = contact.split()[0].lower()
        # A closure or the rooms' opening hours may refuse a week: try the next ones.
        for shift in range(4):
            first = monday + timedelta(weeks=ahead + shift, days=weekday)
            bookings = [
                Booking(
                    room=room,
                    start=scheduling.make_aware(
                        datetime.combine(first + timedelta(weeks=n), start)
                    ),
                    end=scheduling.make_aware(datetime.combine(first + timedelta(weeks=n), end)),
                    status=Booking.Status.REQUESTED,
                    source=Booking.Source.PARTNER,
                    purpose=purpose,
                    attendees=12,
                    organisation=organisation,
                    contact_name=contact,
                    contact_email=f"{slug}@example.org",
                    contact_phone="02 000 00 00",
                    language=language,
                )
                for n in range(weeks)
            ]
            try:
                save_bookings(bookings, RuleContext(source=Booking.Source.PARTNER))
            except BookingError as error:
                stdout.write(f"Partner request of {organisation} not loaded: {error}")
                continue
            created += len(bookings)
            break
    stdout.write(f"Partner requests: {created} pending dates created")
