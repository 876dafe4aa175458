"""A directory section for tests and benchmarks: vocabularies, a DirectoryPage per language
and a helper that publishes an association with locations and opening hours."""

import datetime as dt
from dataclasses import dataclass, field

from wagtail.models import Locale

from maison.core.testing import SiteTree, translate
from maison.services.models import Audience, Language, Need

from .models import (
    AssociationLocation,
    AssociationPage,
    DirectoryPage,
    LocationHoursException,
    LocationWeeklyHours,
)

NEEDS = {
    "decrochage-scolaire": (
        {"fr": "Décrochage scolaire", "nl": "Schooluitval", "en": "School dropout"},
        False,
    ),
    "violence-familiale": (
        {"fr": "Violence à la maison", "nl": "Geweld thuis", "en": "Violence at home"},
        True,
    ),
    "logement": ({"fr": "Logement", "nl": "Huisvesting", "en": "Housing"}, False),
}
AUDIENCES = {
    "jeunes": {"fr": "Jeunes", "nl": "Jongeren", "en": "Young people"},
    "parents": {"fr": "Parents", "nl": "Ouders", "en": "Parents"},
}
LANGUAGES = {
    "fr": {"fr": "Français", "nl": "Frans", "en": "French"},
    "nl": {"fr": "Néerlandais", "nl": "Nederlands", "en": "Dutch"},
    "ar": {"fr": "Arabe", "nl": "Arabisch", "en": "Arabic"},
}


@dataclass
class DirectoryTree:
    directories: dict[str, DirectoryPage] = field(default_factory=dict)
    needs: dict[str, dict] = field(default_factory=dict)  # slug -> {lang: Need}
    audiences: dict[str, dict] = field(default_factory=dict)
    languages: dict[str, dict] = field(default_factory=dict)

    @property
    def directory(self) -> DirectoryPage:
        return self.directories["fr"]


def _translated(model, lookup: dict, names: dict, **fields) -> dict:
    locales = {code: Locale.objects.get(language_code=code) for code in names}
    original = model.objects.filter(locale=locales["fr"], **lookup).first()
    if original is None:
        original = model.objects.create(locale=locales["fr"], name=names["fr"], **lookup, **fields)
    result = {"fr": original}
    for code in ("nl", "en"):
        copy = original.get_translation_or_none(locales[code])
        if copy is None:
            copy = original.copy_for_translation(locales[code])
            copy.name = names[code]
            copy.save()
        result[code] = copy
    return result


def build_directory_tree(site_tree: SiteTree) -> DirectoryTree:
    tree = DirectoryTree()
    for slug, (names, sensitive) in NEEDS.items():
        tree.needs[slug] = _translated(Need, {"slug": slug}, names, sensitive=sensitive)
    for slug, names in AUDIENCES.items():
        tree.audiences[slug] = _translated(Audience, {"slug": slug}, names)
    for code, names in LANGUAGES.items():
        tree.languages[code] = _translated(Language, {"code": code}, names)
    directory = DirectoryPage(
        title="Associations partenaires", slug="associations", intro="Trouver de l'aide."
    )
    site_tree.home.add_child(instance=directory)
    directory.save_revision().publish()
    tree.directories["fr"] = DirectoryPage.objects.get(pk=directory.pk)
    for code, title in (("nl", "Partnerverenigingen"), ("en", "Partner associations")):
        page = translate(directory, code, title=title, slug=f"associations-{code}")
        tree.directories[code] = DirectoryPage.objects.get(pk=page.pk)
    return tree


def add_association(
    directory: DirectoryPage,
    title: str,
    *,
    needs=(),
    audiences=(),
    languages=(),
    locations=(),
    live: bool = True,
    publish_revision: bool = True,
    **fields,
) -> AssociationPage:
    """Publish (or save as a draft) an association. ``locations`` are dicts with
    AssociationLocation fields plus ``hours`` [(weekday, "09:00", "17:00")] and
    ``closures`` [(date, date)]."""
    fields.setdefault("intro", f"{title}: résumé.")
    fields.setdefault("slug", "".join(c if c.isalnum() else "-" for c in title.lower())[:50])
    page = AssociationPage(title=title, **fields)
    page.needs = list(needs)
    page.audiences = list(audiences)
    page.languages = list(languages)
    built = []
    for spec in locations:
        spec = dict(spec)
        hours = spec.pop("hours", ())
        closures = spec.pop("closures", ())
        spec.setdefault("commune", "ixelles")
        location = AssociationLocation(**spec)
        location.weekly_hours = [
            LocationWeeklyHours(
                weekday=day, opens=dt.time.fromisoformat(a), closes=dt.time.fromisoformat(b)
            )
            for day, a, b in hours
        ]
        location.hours_exceptions = [
            LocationHoursException(start_date=start, end_date=end, reason="Fermé")
            for start, end in closures
        ]
        built.append(location)
    page.locations = built
    page.live = live
    directory.add_child(instance=page)
    if publish_revision or not live:
        # Without a revision the page is live as saved (fast path for big data sets).
        revision = page.save_revision()
        if live:
            revision.publish()
    return AssociationPage.objects.get(pk=page.pk)
