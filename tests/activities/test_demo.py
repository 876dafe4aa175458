"""The demo builds the activities section in three languages and takes over the events
demo's workshop series."""

import io

import pytest
from django.core.management import call_command

from events.models import EventPage, Occurrence
from maison.activities.models import ActivityIndexPage, ActivityPage

pytestmark = pytest.mark.django_db


def test_demo_activities(client):
    call_command("load_demo", stdout=io.StringIO())
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
    html = client.get("/fr/activites/stages/").content.decode()
    assert "Stage cirque" in html
    assert "This week for young people" in client.get("/en/").content.decode()
