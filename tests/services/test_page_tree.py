from wagtail.test.utils import WagtailPageTestCase

from maison.core.models import HomePage, StandardPage
from maison.services.models import (
    PlacePage,
    PlacesIndexPage,
    PolePage,
    ServicePage,
    ServicesIndexPage,
    TechnopreventionRequestPage,
)


class ServicesTreeRules(WagtailPageTestCase):
    def test_sections_live_under_a_home_page_only(self):
        self.assertCanCreateAt(HomePage, ServicesIndexPage)
        self.assertCanCreateAt(HomePage, PlacesIndexPage)
        self.assertAllowedParentPageTypes(ServicesIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(PlacesIndexPage, {HomePage})
        self.assertCanNotCreateAt(StandardPage, ServicesIndexPage)

    def test_services_index_to_pole_to_service(self):
        self.assertAllowedSubpageTypes(ServicesIndexPage, {PolePage})
        self.assertAllowedSubpageTypes(PolePage, {ServicePage})
        self.assertAllowedSubpageTypes(ServicePage, {TechnopreventionRequestPage})
        self.assertAllowedParentPageTypes(ServicePage, {PolePage})
        self.assertCanNotCreateAt(ServicesIndexPage, ServicePage)
        self.assertCanNotCreateAt(HomePage, PolePage)

    def test_places_index_to_place(self):
        self.assertAllowedSubpageTypes(PlacesIndexPage, {PlacePage})
        self.assertAllowedSubpageTypes(PlacePage, set())
        self.assertCanNotCreateAt(HomePage, PlacePage)
        self.assertCanNotCreateAt(PolePage, PlacePage)

    def test_request_form_only_under_a_service(self):
        self.assertAllowedParentPageTypes(TechnopreventionRequestPage, {ServicePage})
        self.assertAllowedSubpageTypes(TechnopreventionRequestPage, set())
