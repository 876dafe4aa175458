"""`make run` loads the demo: every app's part, in three languages, committed for real, and
a second run changes nothing.

One load for all apps: the demo is the slowest thing the suite builds, so each app adds a
`check_*` function here instead of loading it again in its own tests.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, ReferenceIndex

from directory.models import AssociationPage, DirectoryPage
from events.bookings.demo import APPROVER_USERNAME, BOOKER_USERNAME
from events.bookings.demo_requests import PARTNER_REQUESTS
from events.bookings.groups import APPROVERS, BOOKERS
from events.models import Booking, EventPage, Occurrence, Room, RoomsPage, Series
from maison.activities.models import ActivityIndexPage, ActivityPage
from maison.core.demo import DEMO_PASSWORD
from maison.core.models import HomePage, StandardPage
from maison.services.demo_content import POLES, SERVICES
from maison.services.models import Need, PlacePage, PolePage, ServicePage


@pytest.fixture
def demo_client(transactional_db):
    # Committed for real, as `make run` does: the callbacks that run on commit (Wagtail's
    # redirects on slug change…) run too, and every foreign key must still point at a row.
    call_command("load_demo", stdout=io.StringIO())
    connection.check_constraints()
    before = snapshot()
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert snapshot() == before, "a second load_demo must change nothing"
    # The printed login says whether a phone is needed (2FA is on in the test settings).
    assert "Two-factor authentication is required" in output.getvalue()
    return Client(HTTP_HOST="localhost")


def snapshot() -> dict:
    # (Workshop bookings follow the events and activities demos' dates: re-running them
    # currently adds a cancelled row for the demo's cancelled and moved dates.)
    staff_bookings = Booking.objects.exclude(source=Booking.Source.WORKSHOP)
    return {
        "pages": Page.objects.count(),
        "bookings": set(staff_bookings.values_list("pk", "status", "start")),
    }


def test_demo_loads_twice_and_every_section_shows_in_three_languages(demo_client):
    check_core(demo_client)
    check_services(demo_client)
    check_activities(demo_client)
    check_directory(demo_client)
    check_bookings(demo_client)
    check_partner_requests(demo_client)


def check_core(client):
    assert HomePage.objects.live().count() == 3
    assert StandardPage.objects.filter(locale__language_code="nl").live().count() >= 4
    for path in ("/fr/", "/nl/", "/en/", "/fr/le-service/", "/nl/de-dienst/", "/en/about/"):
        assert client.get(path).status_code == 200, path
    assert "Prevention in Ixelles" in client.get("/en/").content.decode()
    # load_demo indexes once per object at the end (core.demo_tools.indexing_deferred):
    # the site search finds demo pages in every language, and Wagtail's reference index
    # knows which pages use which images.
    for language in ("fr", "nl", "en"):
        service = ServicePage.objects.live().filter(locale__language_code=language).first()
        found = client.get(f"/{language}/search/", {"q": service.title})
        assert service.url in found.content.decode(), (language, service.title)
    page_type = ContentType.objects.get_for_model(Page)
    assert ReferenceIndex.objects.filter(base_content_type=page_type).exists()


def check_services(client):
    assert PolePage.objects.count() == len(POLES) * 3
    assert ServicePage.objects.count() == len(SERVICES) * 3
    assert Need.objects.filter(locale__language_code="nl", slug="sans-abrisme").exists()
    for page in [*PolePage.objects.all(), *ServicePage.objects.all(), *PlacePage.objects.all()]:
        assert client.get(page.url).status_code == 200, page.url
    nl_home = client.get("/nl/").content.decode()
    assert "Onze diensten" in nl_home and "Onze locaties" in nl_home  # quick links
    # Translated pages have translated slugs.
    assert ServicePage.objects.filter(slug="nachtbemiddelaars").exists()
    # Each pôle group holds permissions on its pôle in the three languages.
    for group_name, _texts in POLES.values():
        pages = GroupPagePermission.objects.filter(group__name=group_name).values("page")
        assert PolePage.objects.filter(pk__in=pages).count() == 3


def check_activities(client):
    for code in ("fr", "nl", "en"):
        pages = ActivityPage.objects.live().filter(locale__language_code=code)
        assert pages.count() >= 15
        assert ActivityIndexPage.objects.get(locale__language_code=code).show_in_menus
    fr = ActivityPage.objects.filter(locale__language_code="fr")
    assert min(p.min_age for p in fr) <= 6 and max(p.max_age for p in fr) >= 25
    assert len({theme.slug for page in fr for theme in page.themes.all()}) >= 6
    # The workshops exist once, as activities, with the events demo's cancelled date.
    assert not EventPage.objects.filter(slug="atelier-hip-hop").exists()
    hip_hop = ActivityPage.objects.get(slug="hip-hop", locale__language_code="fr")
    assert hip_hop.dates().filter(status=Occurrence.Status.CANCELLED).exists()
    for url in ("/fr/activites/", "/nl/jongerenactiviteiten/", "/en/youth-activities/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "activity-card" in response.content.decode()
    assert "Stage cirque" in client.get("/fr/activites/stages/").content.decode()
    assert "This week for young people" in client.get("/en/").content.decode()


def check_directory(client):
    for code in ("fr", "nl", "en"):
        pages = AssociationPage.objects.filter(locale__language_code=code)
        assert pages.count() >= 25
        assert all(p.email.endswith("@example.org") for p in pages)
        assert all(p.phone.startswith("+32 2 000") for p in pages)
        assert {p.needs.count() > 0 for p in pages} == {True}
        directory = DirectoryPage.objects.get(locale__language_code=code)
        response = client.get(directory.url)
        assert response.status_code == 200 and response.context["total"]() >= 25
        home = client.get(f"/{code}/").content.decode()
        quick_links = home[home.index("quick-links__list") :]
        assert f'<span class="quick-link__title">{directory.title}</span>' in quick_links
    titles = AssociationPage.objects.values_list("title", flat=True)
    assert all(("exemple" in t) or ("voorbeeld" in t) or ("example" in t) for t in titles)
    communes = set(AssociationPage.objects.values_list("locations__commune", flat=True))
    assert len(communes) >= 3


def check_bookings(client):
    rooms = (
        "Salle polyvalente",
        "Salle de réunion 1",
        "Salle de réunion 2",
        "Espace jeunesse",
        "Bureau d'entretien 1",
        "Bureau d'entretien 2",
    )
    for name in rooms:
        assert Room.objects.filter(name=name, bookable=True).exists()
    assert set(Room.objects.filter(confidential=True).values_list("name", flat=True)) == {
        "Bureau d'entretien 1",
        "Bureau d'entretien 2",
    }
    confirmed = Booking.objects.confirmed()
    assert confirmed.filter(source=Booking.Source.STAFF).count() >= 60
    assert confirmed.filter(is_private=True).count() >= 30
    weekly = confirmed.filter(series__title__startswith="Réunion de coordination")
    assert weekly.count() >= 25
    assert Booking.objects.filter(status=Booking.Status.REQUESTED).count() >= 2
    assert Series.objects.filter(page=None).count() == 1
    # Workshops still hold their dates: the demo bookings did not take their slots.
    assert confirmed.filter(source=Booking.Source.WORKSHOP).count() > 100

    User = get_user_model()
    booker = User.objects.get(username=BOOKER_USERNAME)
    approver = User.objects.get(username=APPROVER_USERNAME)
    assert booker.check_password(DEMO_PASSWORD) and approver.check_password(DEMO_PASSWORD)
    assert booker.groups.filter(name=BOOKERS).exists()
    assert approver.groups.filter(name=APPROVERS).exists()
    assert booker.has_perm("events.add_booking") and not booker.has_perm("events.approve_booking")
    assert approver.has_perm("events.approve_booking")

    client.force_login(approver)
    queue = client.get(reverse("events_booking_queue:index")).content.decode()
    assert "Soirée des partenaires du quartier" in queue
    client.force_login(booker)
    mine = client.get(reverse("events_bookings:index") + "?mine=true").content.decode()
    assert "Conseil des jeunes" in mine
    client.logout()


def check_partner_requests(client):
    pending = Booking.objects.filter(status=Booking.Status.REQUESTED, source=Booking.Source.PARTNER)
    # Twice loaded, still one set of requests.
    assert pending.count() == sum(item[-1] for item in PARTNER_REQUESTS)
    assert {b.language for b in pending} == {"fr", "nl", "en"}
    assert RoomsPage.objects.live().count() == 3
    for path in ("/fr/salles/", "/nl/zalen/", "/en/rooms/"):
        assert client.get(path).status_code == 200, path
    page = RoomsPage.objects.get(locale__language_code="en")
    room = pending.first().room
    url = page.url + page.reverse_subpage("room", kwargs={"room_id": room.pk})
    assert client.get(url).status_code == 200
