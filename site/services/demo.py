"""Demo content of the services app: vocabularies, funders, the services and places
sections in FR/NL/EN, hours and holiday closures, the pôle editors' page permissions and
the home page's quick links. Idempotent. Runs after core's demo (which creates the homes
and the pôle groups)."""

import datetime as dt

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import GroupPagePermission, Locale, Page

from maison.core.demo_tools import LANGUAGE_CODES, ensure_page, ensure_translations
from maison.core.models import HomePage

from . import demo_content as content
from .models import (
    Audience,
    Funder,
    Language,
    Need,
    PlaceHoursException,
    PlacePage,
    PlacePartner,
    PlacesIndexPage,
    PlaceWeeklyHours,
    PolePage,
    ServiceHoursException,
    ServicePage,
    ServicePlace,
    ServicesIndexPage,
    ServiceWeeklyHours,
    TechnopreventionRequestPage,
)

# Page permissions given to each pôle's group on its own PolePage (all three languages).
POLE_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
# The Coordination group also reads and deletes technoprévention requests and keeps the
# shared vocabularies.
COORDINATION_GROUP = "Coordination"


def _t(time: str) -> dt.time:
    return dt.time.fromisoformat(time)


def ensure_snippet(model, lookup: dict, translations: dict[str, dict]) -> dict[str, object]:
    """The French instance (created or updated) and its nl/en translations."""
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGE_CODES}
    original = model.objects.filter(locale=locales["fr"], **lookup).first()
    if original is None:
        original = model(locale=locales["fr"], **lookup, **translations["fr"])
    else:
        for name, value in translations["fr"].items():
            setattr(original, name, value)
    original.save()
    result = {"fr": original}
    for code in ("nl", "en"):
        translation = original.get_translation_or_none(locales[code])
        if translation is None:
            translation = original.copy_for_translation(locales[code])
        for name, value in {**lookup, **translations[code]}.items():
            setattr(translation, name, value)
        translation.save()
        result[code] = translation
    return result


def build_vocabularies():
    needs = {
        slug: ensure_snippet(
            Need,
            {"slug": slug},
            {
                code: {"name": names[code], "sensitive": sensitive, "sort_order": i}
                for code in names
            },
        )
        for i, (slug, sensitive, names) in enumerate(content.NEEDS)
    }
    audiences = {
        slug: ensure_snippet(
            Audience,
            {"slug": slug},
            {
                code: {"name": names[code], "min_age": lo, "max_age": hi, "sort_order": i}
                for code in names
            },
        )
        for i, (slug, lo, hi, names) in enumerate(content.AUDIENCES)
    }
    languages = {
        code: ensure_snippet(
            Language,
            {"code": code},
            {lang: {"name": names[lang], "sort_order": i} for lang in names},
        )
        for i, (code, names) in enumerate(content.LANGUAGES)
    }
    funders = {}
    for key, texts in content.FUNDERS:
        funders[key] = ensure_snippet(
            Funder,
            {"short_name": key},
            {
                code: {"name": name, "programme": programme}
                for code, (name, programme) in texts.items()
            },
        )
    return needs, audiences, languages, funders


def _weekly(model, rows):
    return [model(weekday=day, opens=_t(opens), closes=_t(closes)) for day, opens, closes in rows]


def _holidays(model, code):
    year = timezone.localdate().year
    rows = []
    for y in (year, year + 1):
        for month, day, reasons in content.HOLIDAYS:
            date = dt.date(y, month, day)
            rows.append(model(start_date=date, end_date=date, closed=True, reason=reasons[code]))
    # A building closure over the Christmas holidays.
    rows.append(
        model(
            start_date=dt.date(year, 12, 24),
            end_date=dt.date(year + 1, 1, 1),
            closed=True,
            reason={
                "fr": "Fermeture de fin d'année",
                "nl": "Eindejaarssluiting",
                "en": "Year-end closure",
            }[code],
        )
    )
    return rows


def _publish(page):
    page.save_revision().publish()
    return page


def build_places(homes):
    index = ensure_page(
        homes["fr"],
        PlacesIndexPage,
        content.PLACES_INDEX["fr"]["slug"],
        show_in_menus=True,
        **{k: v for k, v in content.PLACES_INDEX["fr"].items() if k != "slug"},
    )
    indexes = ensure_translations(
        index,
        {code: {**content.PLACES_INDEX[code], "show_in_menus": True} for code in ("nl", "en")},
    )
    places = {}
    for key, data in content.PLACES.items():
        common = {
            "status": data["status"],
            "street_address": data["street_address"],
            "neighbourhood": data["neighbourhood"],
            "latitude": data["latitude"],
            "longitude": data["longitude"],
            "step_free_access": data["step_free_access"],
            "phone": data["phone"],
            "email": "prevention@example.org" if data["phone"] else "",
        }

        def fields(code, data=data, common=common):
            title, slug, intro, transport, accessibility = data["texts"][code]
            return {
                **common,
                "title": title,
                "slug": slug,
                "intro": intro,
                "public_transport": transport,
                "accessibility_notes": accessibility,
            }

        fr_fields = fields("fr")
        page = ensure_page(indexes["fr"], PlacePage, fr_fields.pop("slug"), **fr_fields)
        pages = ensure_translations(page, {code: fields(code) for code in ("nl", "en")})
        for code, translation in pages.items():
            translation.weekly_hours = _weekly(PlaceWeeklyHours, data["hours"])
            translation.hours_exceptions = (
                _holidays(PlaceHoursException, code) if data["hours"] else []
            )
            translation.partners = [
                PlacePartner(name=name, role=role) for name, role in data["partners"][code]
            ]
            _publish(translation)
        places[key] = pages
    return indexes, places


def build_services(homes, vocab, places):
    needs, audiences, languages, funders = vocab
    index = ensure_page(
        homes["fr"],
        ServicesIndexPage,
        content.SERVICES_INDEX["fr"]["slug"],
        show_in_menus=True,
        **{k: v for k, v in content.SERVICES_INDEX["fr"].items() if k != "slug"},
    )
    indexes = ensure_translations(
        index,
        {code: {**content.SERVICES_INDEX[code], "show_in_menus": True} for code in ("nl", "en")},
    )
    poles = {}
    for key, (_group, texts) in content.POLES.items():
        title, slug, intro = texts["fr"]
        pole = ensure_page(
            indexes["fr"], PolePage, slug, title=title, intro=intro, email="prevention@example.org"
        )
        poles[key] = ensure_translations(
            pole,
            {
                code: {"title": texts[code][0], "slug": texts[code][1], "intro": texts[code][2]}
                for code in ("nl", "en")
            },
        )
    services = {}
    for key, data in content.SERVICES.items():
        access = {f"access_{mode}": True for mode in data["access"]}

        def fields(code, data=data, access=access):
            title, slug, intro, body = data["texts"][code]
            return {
                "title": title,
                "slug": slug,
                "intro": intro,
                "body": [{"type": "paragraph", "value": f"<p>{body}</p>"}],
                "cost": "free",
                "phone": "+32 2 000 00 00",
                **access,
            }

        fr_fields = fields("fr")
        page = ensure_page(
            poles[data["pole"]]["fr"], ServicePage, fr_fields.pop("slug"), **fr_fields
        )
        pages = ensure_translations(page, {code: fields(code) for code in ("nl", "en")})
        for code, translation in pages.items():
            translation.needs = [needs[s][code] for s in data["needs"]]
            translation.audiences = [audiences[s][code] for s in data["audiences"]]
            translation.languages = [languages[c][code] for c in data["languages"]]
            translation.funders = [funders[f][code] for f in data["funders"]]
            translation.place_links = [ServicePlace(place=places[p][code]) for p in data["places"]]
            translation.weekly_hours = _weekly(ServiceWeeklyHours, data["hours"])
            translation.hours_exceptions = (
                _holidays(ServiceHoursException, code) if key != "mediateurs-de-nuit" else []
            )
            _publish(translation)
        services[key] = pages
    form_fields = {k: v for k, v in content.TECHNO_FORM["fr"].items() if k != "slug"}
    form = ensure_page(
        services["technoprevention"]["fr"],
        TechnopreventionRequestPage,
        content.TECHNO_FORM["fr"]["slug"],
        notify_email="technoprevention@example.org",
        **form_fields,
    )
    ensure_translations(form, {code: content.TECHNO_FORM[code] for code in ("nl", "en")})
    return indexes, poles, services


def grant_subtree_permissions(group: Group, pages) -> None:
    """Let ``group`` add, edit and publish pages in each of ``pages``' subtrees."""
    permissions = list(
        Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(Page),
            codename__in=POLE_PAGE_PERMISSIONS,
        )
    )
    for page in pages:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def grant_pole_permissions(poles) -> None:
    """Each pôle's group edits its own pôle subtree (all languages), and nothing else."""
    for key, (group_name, _texts) in content.POLES.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        grant_subtree_permissions(group, poles[key].values())


def grant_coordination_permissions() -> None:
    group, _ = Group.objects.get_or_create(name=COORDINATION_GROUP)
    codenames = [
        ("technopreventionrequest", ("view", "delete")),
        ("need", ("add", "change", "delete")),
        ("audience", ("add", "change", "delete")),
        ("language", ("add", "change", "delete")),
        ("funder", ("add", "change", "delete")),
    ]
    for model_name, actions in codenames:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="services",
                codename__in=[f"{action}_{model_name}" for action in actions],
            )
        )


def add_quick_links(homes, services_indexes, places_indexes) -> None:
    for code, home in homes.items():
        home = HomePage.objects.get(pk=home.pk)
        existing = [
            {"type": "quick_link", "value": block.block.get_prep_value(block.value)}
            for block in home.quick_links
            if (block.value["link"].get("page") or Page()).pk
            not in {services_indexes[code].pk, places_indexes[code].pk}
        ]
        ours = [
            {
                "type": "quick_link",
                "value": {
                    "link": {"page": index[code].pk, "url": "", "label": ""},
                    "description": content.QUICK_LINK_TEXTS[name][code],
                },
            }
            for name, index in (("services", services_indexes), ("places", places_indexes))
        ]
        home.quick_links = ours + existing
        home.save_revision().publish()


def load(stdout) -> None:
    homes = {
        home.locale.language_code: home
        for home in HomePage.objects.filter(depth=2).select_related("locale")
    }
    vocab = build_vocabularies()
    places_indexes, places = build_places(homes)
    services_indexes, poles, services = build_services(homes, vocab, places)
    grant_pole_permissions(poles)
    grant_coordination_permissions()
    add_quick_links(homes, services_indexes, places_indexes)
    stdout.write(
        f"Services: {len(poles)} pôles, {len(services)} services and {len(places)} places "
        f"in {', '.join(sorted(homes))}"
    )
