"""A small services section in fr/nl/en for tests (and benchmarks) of any app."""

import datetime as dt
from dataclasses import dataclass, field

from wagtail.models import Locale

from maison.core.testing import SiteTree, translate

from .models import (
    Audience,
    Need,
    PlaceHoursException,
    PlacePage,
    PlacesIndexPage,
    PlaceWeeklyHours,
    PolePage,
    ServicePage,
    ServicePlace,
    ServicesIndexPage,
    ServiceWeeklyHours,
    TechnopreventionRequestPage,
)

LANGS = ("nl", "en")


@dataclass
class ServicesTree:
    services_index: dict = field(default_factory=dict)
    poles: dict = field(default_factory=dict)  # key -> {lang: page}
    services: dict = field(default_factory=dict)
    places_index: dict = field(default_factory=dict)
    place: dict = field(default_factory=dict)
    request_page: dict = field(default_factory=dict)
    needs: dict = field(default_factory=dict)


def _translations(page, titles: dict[str, str], slug: str) -> dict:
    result = {"fr": page}
    for code in LANGS:
        translated = translate(page, code, title=titles[code], slug=f"{slug}-{code}")
        # Reload: the in-memory copy keeps the url_path of the slug it was copied with.
        result[code] = type(page).objects.get(pk=translated.pk)
    return result


def _snippet(model, slug, names, **fields):
    original = model.objects.create(
        locale=Locale.objects.get(language_code="fr"), slug=slug, name=names["fr"], **fields
    )
    result = {"fr": original}
    for code in LANGS:
        copy = original.copy_for_translation(Locale.objects.get(language_code=code))
        copy.name = names[code]
        copy.save()
        result[code] = copy
    return result


def add_service(pole: PolePage, title: str, slug: str, **fields) -> ServicePage:
    service = ServicePage(title=title, slug=slug, intro=f"{title}: intro.", **fields)
    pole.add_child(instance=service)
    service.save_revision().publish()
    return service


def build_services_tree(site_tree: SiteTree) -> ServicesTree:
    tree = ServicesTree()
    home = site_tree.home
    tree.needs["neighbours"] = _snippet(
        Need,
        "conflit-voisinage",
        {"fr": "Conflit de voisinage", "nl": "Burenconflict", "en": "Conflict with neighbours"},
    )
    tree.needs["violence"] = _snippet(
        Need,
        "violence-familiale",
        {"fr": "Violence à la maison", "nl": "Geweld thuis", "en": "Violence at home"},
        sensitive=True,
    )
    everyone = _snippet(
        Audience, "tout-public", {"fr": "Tout public", "nl": "Iedereen", "en": "Everyone"}
    )

    places_index = PlacesIndexPage(title="Nos lieux", slug="lieux", intro="Où nous trouver.")
    home.add_child(instance=places_index)
    places_index.save_revision().publish()
    tree.places_index = _translations(
        places_index, {"nl": "Onze locaties", "en": "Our places"}, "lieux"
    )
    place = PlacePage(
        title="Antenne LISA Tulipe",
        slug="antenne-lisa",
        intro="Point de contact de quartier.",
        street_address="Rue de la Tulipe 00 (démo)",
        latitude="50.834000",
        longitude="4.370000",
        step_free_access="yes",
        phone="+32 2 000 00 01",
    )
    place.weekly_hours = [
        PlaceWeeklyHours(weekday=day, opens=dt.time(9), closes=dt.time(12, 30)) for day in range(5)
    ] + [PlaceWeeklyHours(weekday=0, opens=dt.time(13, 30), closes=dt.time(17))]
    place.hours_exceptions = [
        PlaceHoursException(
            start_date=dt.date(2026, 5, 8), end_date=dt.date(2026, 5, 8), reason="Fête de l'Iris"
        )
    ]
    tree.places_index["fr"].add_child(instance=place)
    place.save_revision().publish()
    tree.place = _translations(
        place, {"nl": "LISA-antenne Tulp", "en": "LISA antenna Tulipe"}, "antenne-lisa"
    )

    index = ServicesIndexPage(title="Nos services", slug="services", intro="Quatre pôles.")
    home.add_child(instance=index)
    index.save_revision().publish()
    tree.services_index = _translations(
        index, {"nl": "Onze diensten", "en": "Our services"}, "services"
    )
    for key, titles in {
        "tranquillite": {"fr": "Tranquillité et Proximité", "nl": "Rust", "en": "Peace"},
        "coordination": {"fr": "Coordination", "nl": "Coördinatie", "en": "Coordination"},
    }.items():
        pole = PolePage(title=titles["fr"], slug=key, intro=f"{titles['fr']}.")
        index.add_child(instance=pole)
        pole.save_revision().publish()
        tree.poles[key] = _translations(pole, titles, key)

    mediators = ServicePage(
        title="Médiateurs de Nuit",
        slug="mediateurs-de-nuit",
        intro="Les médiateurs vont à la rencontre de la vie nocturne.",
        access_outreach=True,
        phone="+32 2 000 00 00",
    )
    mediators.weekly_hours = [
        ServiceWeeklyHours(weekday=4, opens=dt.time(22), closes=dt.time(5)),
    ]
    mediators.place_links = [ServicePlace(place=place)]
    mediators.needs = [tree.needs["neighbours"]["fr"]]
    mediators.audiences = [everyone["fr"]]
    tree.poles["tranquillite"]["fr"].add_child(instance=mediators)
    mediators.save_revision().publish()
    tree.services["mediateurs"] = _translations(
        mediators, {"nl": "Nachtbemiddelaars", "en": "Night mediators"}, "mediateurs"
    )
    for code in LANGS:
        translation = tree.services["mediateurs"][code]
        translation.needs = [tree.needs["neighbours"][code]]
        translation.audiences = [everyone[code]]
        translation.place_links = [ServicePlace(place=tree.place[code])]
        translation.save_revision().publish()

    techno = add_service(tree.poles["coordination"]["fr"], "Technoprévention", "technoprevention")
    tree.services["techno"] = _translations(
        techno, {"nl": "Technopreventie", "en": "Burglary prevention"}, "techno"
    )
    form = TechnopreventionRequestPage(
        title="Demander une visite-conseil",
        slug="demande",
        notify_email="technoprevention@example.org",
    )
    techno.add_child(instance=form)
    form.save_revision().publish()
    tree.request_page = _translations(
        form, {"nl": "Een adviesbezoek aanvragen", "en": "Request an advice visit"}, "demande"
    )
    return tree
