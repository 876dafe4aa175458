"""Demo of room bookings, staff side (idempotent; called at the end of ``events.demo.load``):
the six rooms of the Maison with their rules, the "Room bookers" and "Room approvers"
groups with the demo users editeur.salles and editeur.approbation, a term of single
bookings, one weekly recurring booking and two requests waiting for approval.

The workshops of the events and activities demos hold their own slots; the bookings here
avoid them (mornings, new rooms, no school holidays) and a slot that is taken anyway is
skipped, never forced. Partner requests are added by another function of the demo.
Every detail here is fictional."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from maison.core.demo import DEMO_PASSWORD

from .. import scheduling
from ..models import Room, RoomHoursException, RoomWeeklyHours, Series
from . import services
from .groups import APPROVERS, BOOKERS, ensure_booking_groups
from .models import Booking
from .rules import RuleContext

BOOKER_USERNAME = "editeur.salles"
APPROVER_USERNAME = "editeur.approbation"

OFFICE_HOURS = [(weekday, time(8, 30), time(17, 30)) for weekday in range(5)]

# name: fields (rooms that the events demo already created are completed, not replaced)
BOOKING_ROOMS = {
    "Salle polyvalente": {
        "floor": 0,
        "capacity": 60,
        "surface": 120,
        "step_free": True,
        "accessible_toilet": True,
        "hearing_loop": True,
        "projector": True,
        "kitchen": True,
        "sound_system": True,
        "sports_floor": True,
        "requires_approval": True,
        "partner_requests": True,
        "buffer_after": 15,
        "min_duration": 30,
    },
    "Salle de réunion 1": {
        "floor": 1,
        "capacity": 12,
        "step_free": True,
        "projector": True,
        "whiteboard": True,
        "max_duration": 8 * 60,
    },
    "Salle de réunion 2": {
        "floor": 1,
        "capacity": 8,
        "step_free": False,
        "whiteboard": True,
        "max_duration": 4 * 60,
        "max_advance_days": 365,
    },
    "Espace jeunesse": {
        "floor": 0,
        "capacity": 25,
        "step_free": True,
        "sound_system": True,
        "partner_requests": True,
    },
    "Bureau d'entretien 1": {
        "floor": 0,
        "capacity": 3,
        "step_free": True,
        "confidential": True,
        "max_duration": 2 * 60,
    },
    "Bureau d'entretien 2": {
        "floor": 1,
        "capacity": 3,
        "step_free": False,
        "confidential": True,
        "max_duration": 2 * 60,
    },
}
HOURS = {
    "Salle de réunion 2": OFFICE_HOURS,
    "Bureau d'entretien 1": OFFICE_HOURS,
    "Bureau d'entretien 2": OFFICE_HOURS,
}
CLOSURES = {
    # Fête de l'Iris (Brussels-Capital Region holiday): the offices are closed.
    "Bureau d'entretien 1": [(date(2027, 5, 8), "Fête de l'Iris")],
    "Bureau d'entretien 2": [(date(2027, 5, 8), "Fête de l'Iris")],
}

TERM_START = date(2026, 9, 7)  # a Monday
TERM_END = date(2027, 1, 29)
# French-speaking school holidays of the term: no demo booking then (holiday courses).
HOLIDAY_WEEKS = {date(2026, 10, 19), date(2026, 10, 26), date(2026, 12, 21), date(2026, 12, 28)}

# weekday, start, end, room, purpose, group (pôle), private, every n weeks, booked by
TERM_BOOKINGS = [
    (
        0,
        "10:00",
        "12:00",
        "Salle de réunion 2",
        "Réunion d'équipe",
        "Pôle Tranquillité et Proximité",
        False,
        1,
        BOOKER_USERNAME,
    ),
    (
        1,
        "14:00",
        "16:00",
        "Salle polyvalente",
        "Formation premiers secours",
        "Coordination",
        False,
        3,
        APPROVER_USERNAME,
    ),
    (
        2,
        "09:00",
        "10:00",
        "Bureau d'entretien 1",
        "Entretien de suivi",
        "Pôle Accompagnement spécialisé",
        True,
        1,
        "editeur.specialise",
    ),
    (
        3,
        "10:00",
        "11:00",
        "Bureau d'entretien 2",
        "Médiation entre voisins",
        "Pôle Réparation et Justice",
        True,
        1,
        "editeur.reparation",
    ),
    (
        4,
        "13:00",
        "15:00",
        "Espace jeunesse",
        "Conseil des jeunes",
        "Pôle Accompagnement socio-éducatif",
        False,
        2,
        BOOKER_USERNAME,
    ),
]

RECURRING_PURPOSE = "Réunion de coordination (démo)"

REQUESTS = [
    (date(2026, 12, 11), "18:00", "21:00", "Soirée des partenaires du quartier", 50),
    (date(2027, 1, 23), "14:00", "18:00", "Fête de quartier : préparation", 30),
]


def _at(day: date, hm: str) -> datetime:
    return scheduling.make_aware(datetime.combine(day, time.fromisoformat(hm)))


def ensure_booking_rooms() -> dict[str, Room]:
    rooms = {}
    for name, fields in BOOKING_ROOMS.items():
        room, _created = Room.objects.update_or_create(name=name, defaults=fields)
        for weekday, opens, closes in HOURS.get(name, []):
            RoomWeeklyHours.objects.get_or_create(
                room=room, weekday=weekday, opens=opens, closes=closes
            )
        for day, reason in CLOSURES.get(name, []):
            RoomHoursException.objects.get_or_create(
                room=room,
                start_date=day,
                defaults={"end_date": day, "closed": True, "reason": reason},
            )
        rooms[name] = room
    return rooms


def ensure_booking_users() -> dict[str, object]:
    """Both groups, and one demo user in each (password: the demo password)."""
    groups = ensure_booking_groups()
    User = get_user_model()
    users = {}
    for username, group_name in ((BOOKER_USERNAME, BOOKERS), (APPROVER_USERNAME, APPROVERS)):
        user, created = User.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(groups[group_name])
        users[username] = user
    return users


def _save(booking: Booking, ctx: RuleContext) -> bool:
    try:
        services.save_bookings([booking], ctx)
    except services.BookingError:
        return False  # the slot is taken (a workshop) or a rule says no: skip it
    return True


def ensure_term_bookings(rooms: dict[str, Room]) -> int:
    """A term of single bookings of several pôles, private ones in the interview rooms."""
    User = get_user_model()
    groups = {g.name: g for g in Group.objects.all()}
    users = {u.username: u for u in User.objects.filter(username__startswith="editeur")}
    ctx = RuleContext(user=users.get(APPROVER_USERNAME), check_window=False)
    created = 0
    monday = TERM_START
    week = 0
    while monday <= TERM_END:
        if monday not in HOLIDAY_WEEKS:
            for weekday, start, end, room, purpose, group, private, every, by in TERM_BOOKINGS:
                day = monday + timedelta(days=weekday)
                if week % every or day > TERM_END:
                    continue
                booking = Booking(
                    room=rooms[room],
                    start=_at(day, start),
                    end=_at(day, end),
                    status=Booking.Status.CONFIRMED,
                    purpose=purpose,
                    group=groups.get(group),
                    is_private=private,
                    booked_by=users.get(by),
                    attendees=2 if private else None,
                )
                exists = Booking.objects.filter(
                    room=booking.room, start=booking.start, purpose=purpose
                ).exists()
                if not exists and _save(booking, ctx):
                    created += 1
        monday += timedelta(days=7)
        week += 1
    return created


def ensure_recurring_booking(rooms: dict[str, Room]) -> int:
    """Every Tuesday morning, school holidays skipped, for the whole school year."""
    if Series.objects.filter(page=None, title=RECURRING_PURPOSE).exists():
        return 0
    approver = get_user_model().objects.get(username=APPROVER_USERNAME)
    template = Booking(
        room=rooms["Salle de réunion 1"],
        start=_at(date(2026, 9, 1), "09:30"),
        end=_at(date(2026, 9, 1), "11:00"),
        status=Booking.Status.CONFIRMED,
        purpose=RECURRING_PURPOSE,
        group=Group.objects.filter(name="Coordination").first(),
        booked_by=approver,
        attendees=10,
    )
    spec = services.RecurrenceSpec(
        frequency="weekly",
        until=date(2027, 6, 29),
        skip_school_holidays=True,
        skip_public_holidays=True,
    )
    ctx = RuleContext(user=approver, check_window=False)
    _series, planned = services.plan_series(template, spec, ctx.now)
    skip = {row.day for row in services.preview(planned, ctx) if not row.ok}
    try:
        with transaction.atomic():
            _series, created = services.create_recurring(template, spec, ctx, skip=skip)
    except services.BookingError:
        return 0
    return len(created)


def ensure_pending_requests(rooms: dict[str, Room]) -> int:
    """Two staff requests for the hall (it needs approval) in the approvers' queue."""
    booker = get_user_model().objects.get(username=BOOKER_USERNAME)
    ctx = RuleContext(user=booker, check_window=False)
    created = 0
    for day, start, end, purpose, attendees in REQUESTS:
        booking = Booking(
            room=rooms["Salle polyvalente"],
            start=_at(day, start),
            end=_at(day, end),
            status=Booking.Status.REQUESTED,
            purpose=purpose,
            attendees=attendees,
            booked_by=booker,
            group=Group.objects.filter(name="Pôle Accompagnement socio-éducatif").first(),
        )
        if not Booking.objects.filter(room=booking.room, start=booking.start).exists():
            created += _save(booking, ctx)
    return created


def load_staff_bookings(stdout) -> None:
    rooms = ensure_booking_rooms()
    ensure_booking_users()
    term = ensure_term_bookings(rooms)
    recurring = ensure_recurring_booking(rooms)
    requests = ensure_pending_requests(rooms)
    stdout.write(
        f"Bookings: {len(rooms)} rooms, {term} single bookings, {recurring} weekly dates, "
        f"{requests} requests (users {BOOKER_USERNAME} / {APPROVER_USERNAME})"
    )
