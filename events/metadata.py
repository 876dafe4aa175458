"""What a series knows of its owner page, for calendar filters (pôle, place, needs,
audiences, ages). Owners build it with ``series_metadata`` in ``get_series_metadata``;
``events.services.sync_page_series`` copies it onto the series on publish."""

from __future__ import annotations

from collections.abc import Iterable


def pack_slugs(slugs: Iterable[str]) -> str:
    """ ",a,b," so that one SQL ``contains`` finds a slug without matching a longer one."""
    values = sorted({slug for slug in slugs if slug})
    return f",{','.join(values)}," if values else ""


def series_metadata(
    *, min_age=None, max_age=None, pole=None, place=None, needs=(), audiences=()
) -> dict:
    return {
        "min_age": min_age,
        "max_age": max_age,
        "pole_key": pole.translation_key if pole else None,
        "place_key": place.translation_key if place else None,
        "need_slugs": pack_slugs(need.slug for need in needs),
        "audience_slugs": pack_slugs(audience.slug for audience in audiences),
    }
