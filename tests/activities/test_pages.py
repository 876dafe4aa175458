"""Activity pages, holiday courses, drop-in places, search, and what activities add to
the calendar, service pages and the home page."""

import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase

from events.models import Series
from maison.activities.models import ActivityIndexPage, ActivityPage
from maison.core.models import HomePage

from .conftest import titles

pytestmark = pytest.mark.django_db


def test_page_tree_rules():
    case = WagtailPageTestCase()
    case.assertAllowedParentPageTypes(ActivityIndexPage, {HomePage})
    case.assertAllowedSubpageTypes(ActivityIndexPage, {ActivityPage})
    case.assertAllowedParentPageTypes(ActivityPage, {ActivityIndexPage})
    case.assertAllowedSubpageTypes(ActivityPage, set())


def test_validation_catches_inconsistent_facts():
    page = ActivityPage(title="X", slug="x", pitch="Y", min_age=15, max_age=12)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "max_age" in error.value.message_dict
    page = ActivityPage(
        title="X", slug="x", pitch="Y", cost="paid", drop_in=True, registration="phone"
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert {"cost_amount", "drop_in"} <= set(error.value.message_dict)


def test_activity_page_in_three_languages(client, world):
    foot = world["activities"]["foot"]
    series = Series.objects.get(page=foot)
    assert (series.min_age, series.max_age) == (12, 17)  # copied on publish for the calendar
    series.occurrences.get(original_date=date(2026, 12, 9)).cancel("Salle en travaux")
    pages = {"fr": foot, **world["foot_translations"]}
    facts = {
        "fr": ("Pas pendant les congés scolaires.", "De 12 à 17 ans"),
        "nl": ("Niet tijdens de schoolvakanties.", "Van 12 tot 17 jaar"),
        "en": ("Not during school holidays.", "12 to 17 years"),
    }
    for code, page in pages.items():
        html = client.get(page.url).content.decode()
        assert f'<html lang="{code}">' in html
        assert "event-entry--cancelled" in html and "Salle en travaux" in html
        # The dates belong to the French page: every language shows them and its feed.
        assert 'datetime="2026-12-02T14:00:00+01:00"' in html
        calendar = world["calendars"][code]
        assert f"webcal://testserver{calendar.url}ics/{foot.pk}/" in html
        holidays, ages = facts[code]
        assert holidays in html and ages in html
        assert "Antenne LISA Tulipe" in html
    feed = client.get(f"{world['calendars']['en'].url}ics/{foot.pk}/")
    assert feed.status_code == 200 and b"BEGIN:VEVENT" in feed.content


def test_holiday_course_and_cost_facts(client, world):
    html = client.get(world["activities"]["cirque"].url).content.decode()
    assert "Uniquement pendant les congés scolaires (stage)." in html
    assert "De 6 à 12 ans" in html
    html = client.get(world["activities"]["theatre"].url).content.decode()
    assert "tarifs réduits possibles" in html and "Théâtre des Jeunes (démo)" in html


def test_holiday_courses_list_the_next_school_holidays(client, world):
    response = client.get(world["index"]["fr"].url + "stages/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "21 décembre 2026" in html and "3 janvier 2027" in html
    # The holiday-only course first, then by first date in the period; the activities
    # that skip school holidays are not there.
    assert titles(response) == ["Stage cirque", "Soirée débat", "Atelier théâtre"]
    # Monday to Friday over two weeks, without 25 December and 1 January (public holidays).
    assert "8 dates du 21 décembre au 31 décembre" in html


def test_drop_in_places_show_todays_hours(client, world):
    html = client.get(world["index"]["fr"].url + "drop-in/").content.decode()
    assert "Antenne LISA Tulipe" in html
    assert "Foot en salle" in html and "Soirée débat" in html
    assert "Aide aux devoirs" not in html  # needs registration
    # Friday 27 November, 10:00: the place is open 9:00-12:30.
    assert "12:30" in html


def test_calendar_filters_from_activities(client, world):
    from wagtail.models import Locale

    from maison.services.models import Audience

    fr = Locale.objects.get(language_code="fr")
    Audience.objects.create(locale=fr, slug="adultes", name="Adultes", min_age=18)
    Audience.objects.create(locale=fr, slug="enfants", name="Enfants", min_age=0, max_age=11)
    calendar = world["calendars"]["fr"].url

    def listed(query):
        html = client.get(calendar + query).content.decode()
        return set(re.findall(r'class="event-entry__title"><a href="[^"]*">([^<]*)</a>', html))

    assert listed("?theme=sport") == {"Foot en salle"}
    assert listed("?place=antenne-lisa") == {"Foot en salle", "Aide aux devoirs"}
    assert listed("?audience=adultes") == {"Soirée débat"}
    assert listed("?audience=enfants") >= {"Stage cirque", "Aide aux devoirs"}
    assert "Soirée débat" not in listed("?audience=enfants")
    feed = client.get(calendar + "ics/?pole=socio").content.decode()
    assert "Foot en salle" in feed and "Aide aux devoirs" not in feed
    assert client.get(calendar + "ics/?theme=nothing").status_code == 400
    html = client.get(calendar + "?theme=nothing").content.decode()
    assert 'class="calendar-notice" role="status"' in html


def test_search_results_show_the_next_date(client, world):
    html = client.get("/fr/search/?q=foot").content.decode()
    assert "Foot en salle" in html
    assert "Prochaine date : mercredi 2 décembre, 14:00" in html


def test_home_section_this_week(client, world):
    html = client.get(world["index"]["fr"].get_parent().url).content.decode()
    assert "Cette semaine pour les jeunes" in html
    assert "Atelier théâtre" in html  # Saturday 28 November
    assert "Stage cirque" not in html  # not before 21 December


def test_service_pages_list_the_activities_of_their_pole(client, world):
    from maison.services.models import ServicePage

    service = ServicePage(title="Éducateurs de rue", slug="educateurs", intro="Dans la rue.")
    world["pole"].add_child(instance=service)
    service.save_revision().publish()
    html = client.get(service.url).content.decode()
    assert "Activités pour les jeunes" in html
    assert "Foot en salle" in html  # organised by the pôle
    assert "Atelier théâtre" not in html  # a partner association's
