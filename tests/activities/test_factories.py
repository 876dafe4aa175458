import pytest

from maison.activities.factories import (
    ActivityIndexPageFactory,
    ActivityPageFactory,
    ActivitySeriesFactory,
)

pytestmark = pytest.mark.django_db


def test_each_factory_builds_a_valid_object(site_tree):
    index = ActivityIndexPageFactory(parent=site_tree.home)
    index.full_clean()
    activity = ActivityPageFactory(parent=index)
    activity.full_clean()
    assert activity.min_age <= activity.max_age
    series = ActivitySeriesFactory(page=activity)
    series.full_clean()
    assert series.page_id == activity.pk
