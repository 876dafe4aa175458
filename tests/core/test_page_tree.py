"""The content tree of ARCHITECTURE.md is enforced by the page types' parent/subpage rules."""

import pytest
from django.apps import apps
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from maison.core.models import HomePage, StandardPage


class TestCoreTree(WagtailPageTestCase):
    def test_home_page_only_at_the_root(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_pages_under_home_and_each_other(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})


def test_every_page_type_declares_its_parents():
    """HomePage lists no subpage types, so every other page type must name its parents."""
    page_models = [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and model is not HomePage
    ]
    assert page_models, "no page types found"
    for model in page_models:
        assert "parent_page_types" in model.__dict__, f"{model.__name__} names no parent types"


@pytest.mark.django_db
def test_home_page_allows_standard_pages(site_tree):
    allowed = set(HomePage.allowed_subpage_models())
    assert StandardPage in allowed
    assert HomePage not in allowed
