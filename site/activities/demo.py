"""Demo content of the activities app (idempotent): theme needs, the activities section in
FR/NL/EN (in the menu, with a home quick link) and 16 youth activities with a school year
of dates. Runs after services (places, pôles, needs) and events (rooms, holiday calendars).

The events demo created four youth workshops as EventPages before ActivityPage existed;
this demo takes their series over (cancelled and moved dates included) and deletes those
EventPages, so each workshop exists once, as an activity. Every detail here is fictional.
"""

from datetime import date, datetime, time

import recurrence
from django.db import transaction
from wagtail.models import Locale, Page

from events.models import EventPage, Room, Series
from maison.core.demo_tools import LANGUAGE_CODES, ensure_page, ensure_translations
from maison.core.models import HomePage
from maison.services.models import Language, Need, PlacePage, PolePage

from . import demo_content as content
from .models import ActivityIndexPage, ActivityPage

SCHOOL_YEAR_START = date(2026, 9, 1)
SCHOOL_YEAR_END = datetime(2027, 6, 25)
SUMMER_END = datetime(2027, 8, 27)
RR_DAYS = [recurrence.MO, recurrence.TU, recurrence.WE, recurrence.TH, recurrence.FR]
RR_DAYS += [recurrence.SA, recurrence.SU]
SOCIO_EDUCATIF = "accompagnement-socio-educatif"


def ensure_themes() -> None:
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGE_CODES}
    for order, (slug, names) in enumerate(content.THEMES, start=50):
        original, _created = Need.objects.update_or_create(
            slug=slug, locale=locales["fr"], defaults={"name": names["fr"], "sort_order": order}
        )
        for code in ("nl", "en"):
            translation = original.get_translation_or_none(locales[code])
            if translation is None:
                translation = original.copy_for_translation(locales[code])
            translation.name = names[code]
            translation.sort_order = order
            translation.save()


def _by_language(model, **lookup) -> dict:
    """The French object found by ``lookup`` and its translations, by language code."""
    original = model.objects.filter(locale__language_code="fr", **lookup).first()
    if original is None:
        return {}
    return {obj.locale.language_code: obj for obj in original.get_translations(inclusive=True)}


def _series_specs(data) -> list[dict]:
    if data.get("monthly_friday"):
        rule = recurrence.Rule(recurrence.MONTHLY, byday=[recurrence.FR(1)], until=SCHOOL_YEAR_END)
        return [
            {
                "start_date": SCHOOL_YEAR_START,
                "start_time": time(19),
                "end_time": time(21, 30),
                "recurrence": recurrence.Recurrence(rrules=[rule]),
                "school_holidays": Series.SchoolHolidays.SKIP,
                "room": "Salle polyvalente",
            }
        ]
    specs = []
    for days, start, end, holidays, room in data.get("series", []):
        until = SUMMER_END if holidays == "only" else SCHOOL_YEAR_END
        frequency = recurrence.DAILY if holidays == "only" else recurrence.WEEKLY
        rule = recurrence.Rule(frequency, byday=[RR_DAYS[d] for d in days], until=until)
        specs.append(
            {
                "start_date": SCHOOL_YEAR_START,
                "start_time": time.fromisoformat(start),
                "end_time": time.fromisoformat(end),
                "recurrence": recurrence.Recurrence(rrules=[rule]),
                "school_holidays": holidays,
                "room": room,
            }
        )
    return specs


def ensure_series(page: ActivityPage, data) -> None:
    rooms = {room.name: room for room in Room.objects.all()}
    for order, spec in enumerate(_series_specs(data)):
        spec = {**spec, "room": rooms.get(spec["room"]) if spec["room"] else None}
        Series.objects.update_or_create(page=page, sort_order=order, defaults=spec)


def adopt_event_series(activity: ActivityPage, event_slug: str) -> None:
    """Move the events demo's workshop series onto the activity (first run) and delete the
    EventPage in every language (each run: the events demo recreates it)."""
    for event in EventPage.objects.filter(slug=event_slug, locale__language_code="fr"):
        if not Series.objects.filter(page=activity).exists():
            Series.objects.filter(page=event).update(page=activity)
        for translation in Page.objects.filter(translation_key=event.translation_key).exclude(
            pk=event.pk
        ):
            translation.delete()
        Page.objects.get(pk=event.pk).delete()


def _fields(data, code, places, poles, slug) -> dict:
    title, pitch = data["texts"][code]
    cost, amount = data.get("cost", ("free", None))
    sport = "sport" in data["themes"]
    fields = {
        "title": title,
        "pitch": pitch,
        "min_age": data["ages"][0],
        "max_age": data["ages"][1],
        "place": places.get(data.get("place"), {}).get(code),
        "address": data.get("address", ""),
        "neighbourhood": data.get("neighbourhood", ""),
        "pole": poles.get(code) if not data.get("partner") else None,
        "partner_name": data.get("partner", ""),
        "cost": cost,
        "cost_amount": amount,
        "cost_details": data.get("cost_details", {}).get(code, ""),
        "registration": data["registration"],
        "registration_details": ""
        if data["registration"] == "none"
        else {
            "fr": "Demo : +32 2 000 00 50",
            "nl": "Demo: +32 2 000 00 50",
            "en": "Demo: +32 2 000 00 50",
        }[code],
        "drop_in": data.get("drop_in", False),
        "what_to_bring": content.WHAT_TO_BRING["sport" if sport else "default"][code],
        "accessibility": content.ACCESSIBILITY[code],
        "contact_name": "Équipe jeunesse (démo)",
        "contact_phone": "+32 2 000 00 50",
        "contact_email": "jeunesse@example.org",
        "show_in_menus": False,
    }
    if code != "fr":
        fields["slug"] = f"{slug}-{code}"
    return fields


def build_activities(index_pages) -> int:
    places = {
        key: _by_language(PlacePage, slug=key)
        for key in ("antenne-lisa-tulipe", "maison-de-la-prevention")
    }
    poles = _by_language(PolePage, slug=SOCIO_EDUCATIF)
    languages = {code: _by_language(Language, code=code) for code in ("fr", "nl", "en")}
    for slug, data in content.ACTIVITIES.items():
        needs = {s: _by_language(Need, slug=s) for s in data["themes"]}
        fr_fields = _fields(data, "fr", places, poles, slug)
        page = ensure_page(index_pages["fr"], ActivityPage, slug, **fr_fields)
        if data.get("adopt"):
            adopt_event_series(page, data["adopt"])
        if not Series.objects.filter(page=page).exists() or not data.get("adopt"):
            ensure_series(page, data)
        translations = ensure_translations(
            page, {code: _fields(data, code, places, poles, slug) for code in ("nl", "en")}
        )
        for code, translation in translations.items():
            translation = ActivityPage.objects.get(pk=translation.pk)
            translation.themes = [needs[s][code] for s in data["themes"] if code in needs[s]]
            translation.languages = [
                languages[lang][code] for lang in ("fr", "nl") if code in languages[lang]
            ]
            # Publishing the original with its series in the revision also regenerates its
            # dates (and copies the ages onto them for the calendar's filters).
            translation.save_revision().publish()
    return len(content.ACTIVITIES)


def add_quick_link(index_pages) -> None:
    for code, index in index_pages.items():
        home = HomePage.objects.filter(locale__language_code=code, depth=2).first()
        if home is None:
            continue
        blocks = [
            {"type": "quick_link", "value": block.block.get_prep_value(block.value)}
            for block in home.quick_links
            if (block.value["link"].get("page") or Page()).pk != index.pk
        ]
        blocks.insert(
            0,
            {
                "type": "quick_link",
                "value": {
                    "link": {"page": index.pk, "url": "", "label": ""},
                    "description": content.QUICK_LINK[code],
                },
            },
        )
        home.quick_links = blocks[:8]
        home.save_revision().publish()


@transaction.atomic
def load(stdout) -> None:
    home = HomePage.objects.filter(depth=2, locale__language_code="fr").first()
    if home is None:
        stdout.write("No French home page: run the core demo first.")
        return
    ensure_themes()
    fr = content.INDEX["fr"]
    index = ensure_page(
        home,
        ActivityIndexPage,
        fr["slug"],
        show_in_menus=True,
        **{k: v for k, v in fr.items() if k != "slug"},
    )
    index_pages = ensure_translations(
        index, {code: {**content.INDEX[code], "show_in_menus": True} for code in ("nl", "en")}
    )
    count = build_activities(index_pages)
    add_quick_link(index_pages)
    stdout.write(f"Activities: {count} activities in {', '.join(sorted(index_pages))}")
