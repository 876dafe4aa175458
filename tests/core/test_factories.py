import pytest

from maison.core.factories import HomePageFactory, ImageFactory, StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_factories_build_valid_objects(site_tree):
    user = UserFactory()
    user.full_clean()
    image = ImageFactory()
    assert image.file and image.width > 0
    page = StandardPageFactory(parent=site_tree.home)
    page.full_clean()
    assert page.live and page.url.startswith("/fr/")
    from wagtail.models import Page

    home = HomePageFactory(parent=Page.get_first_root_node())
    home.full_clean()
