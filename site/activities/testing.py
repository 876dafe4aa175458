"""Test (and benchmark) helpers: an activities section in fr/nl/en and activities with
dates, published like an editor does (or quickly, for hundreds of pages)."""

from __future__ import annotations

from datetime import date, time

import recurrence
from wagtail.models import Locale

from events.models import Series
from events.services import sync_page_series
from maison.core.testing import SiteTree, translate
from maison.services.models import Need

from .models import ActivityIndexPage, ActivityPage

THEMES = {
    "sport": {"fr": "Sport", "nl": "Sport", "en": "Sport"},
    "culture": {"fr": "Culture", "nl": "Cultuur", "en": "Culture"},
    "aide-aux-devoirs": {"fr": "Aide aux devoirs", "nl": "Huiswerkhulp", "en": "Homework help"},
    "citoyennete": {"fr": "Citoyenneté", "nl": "Burgerschap", "en": "Citizenship"},
}


def build_themes() -> dict[str, dict[str, Need]]:
    """Theme needs in the three languages (slug -> {lang: Need})."""
    locales = {code: Locale.objects.get(language_code=code) for code in ("fr", "nl", "en")}
    themes = {}
    for order, (slug, names) in enumerate(THEMES.items()):
        original, _created = Need.objects.get_or_create(
            slug=slug, locale=locales["fr"], defaults={"name": names["fr"], "sort_order": order}
        )
        themes[slug] = {"fr": original}
        for code in ("nl", "en"):
            translation = original.get_translation_or_none(locales[code])
            if translation is None:
                translation = original.copy_for_translation(locales[code])
                translation.name = names[code]
                translation.save()
            themes[slug][code] = translation
    return themes


def build_activity_index(site_tree: SiteTree) -> dict[str, ActivityIndexPage]:
    index = ActivityIndexPage(
        title="Activités jeunesse", slug="activites", intro="Sport, culture, devoirs."
    )
    site_tree.home.add_child(instance=index)
    index.save_revision().publish()
    result = {"fr": index}
    for code, title in (("nl", "Jongerenactiviteiten"), ("en", "Youth activities")):
        translated = translate(index, code, title=title, slug=f"activities-{code}")
        result[code] = ActivityIndexPage.objects.get(pk=translated.pk)
    return result


def weekly(*days, until=None, count=None):
    return recurrence.Recurrence(
        rrules=[recurrence.Rule(recurrence.WEEKLY, byday=list(days), until=until, count=count)]
    )


def make_activity(
    index: ActivityIndexPage,
    title: str,
    *,
    series=(),
    themes=(),
    publish: bool = True,
    fast: bool = False,
    slug: str | None = None,
    **fields,
) -> ActivityPage:
    """An ActivityPage with dates. ``series``: dicts of Series fields (default: Wednesdays
    14:00–16:00 from 2 September 2026). ``fast`` skips revisions (benchmarks, 150 pages)."""
    fields.setdefault("pitch", f"{title}: viens essayer.")
    page = ActivityPage(
        title=title, slug=slug or title.lower().replace(" ", "-"), live=publish, **fields
    )
    index.add_child(instance=page)
    if themes:
        page.themes.set(themes)
        page.save()
    for order, values in enumerate(series):
        defaults = {
            "start_date": date(2026, 9, 2),
            "start_time": time(14, 0),
            "end_time": time(16, 0),
            "recurrence": weekly(recurrence.WE),
        }
        defaults.update(values)
        Series.objects.create(page=page, sort_order=order, **defaults)
    page = ActivityPage.objects.get(pk=page.pk)
    if fast:
        if publish:
            sync_page_series(page)
        return page
    revision = page.save_revision()
    if publish:
        revision.publish()
    return ActivityPage.objects.get(pk=page.pk)


def translate_activity(page: ActivityPage, code: str, title: str, **fields) -> ActivityPage:
    """The page in another language, with the themes of that language."""
    themes = [
        theme.get_translation(Locale.objects.get(language_code=code)) for theme in page.themes.all()
    ]
    translated = translate(page, code, title=title, slug=f"{page.slug}-{code}", **fields)
    translated = ActivityPage.objects.get(pk=translated.pk)
    if themes:
        translated.themes.set(themes)
        translated.save_revision().publish()
    return ActivityPage.objects.get(pk=translated.pk)
