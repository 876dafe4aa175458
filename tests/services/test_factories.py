import pytest

from maison.services import factories
from maison.services.models import ServicePage


@pytest.mark.django_db
def test_snippet_and_request_factories_build_valid_objects():
    for factory in (
        factories.NeedFactory,
        factories.AudienceFactory,
        factories.LanguageFactory,
        factories.FunderFactory,
        factories.TechnopreventionRequestFactory,
    ):
        obj = factory()
        obj.full_clean()
        assert obj.pk


@pytest.mark.django_db
def test_page_factories_build_a_valid_tree(site_tree):
    home = site_tree.home
    index = factories.ServicesIndexPageFactory(parent=home)
    pole = factories.PolePageFactory(parent=index)
    service = factories.ServicePageFactory(parent=pole)
    form = factories.TechnopreventionRequestPageFactory(parent=service)
    places = factories.PlacesIndexPageFactory(parent=home)
    place = factories.PlacePageFactory(parent=places)
    for page in (index, pole, service, form, places, place):
        page.full_clean()
        assert page.get_parent().specific_class in {
            type(home),
            type(index),
            type(pole),
            type(service),
            type(places),
        }
    hours = factories.PlaceWeeklyHoursFactory(page=place)
    hours.full_clean()
    exception = factories.PlaceHoursExceptionFactory(page=place)
    exception.full_clean()
    night = factories.ServiceWeeklyHoursFactory(page=service)
    night.full_clean()
    assert ServicePage.objects.get(pk=service.pk).opening_hours.week()[4][1][0].overnight
    assert place.opening_hours.day(exception.start_date).closed_reason == "Fête de l'Iris"
