"""schema.org JSON-LD for services, places and the organisation, as plain dicts."""

import json

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from .opening_hours import OpeningHours

SCHEMA_DAYS = [
    "https://schema.org/Monday",
    "https://schema.org/Tuesday",
    "https://schema.org/Wednesday",
    "https://schema.org/Thursday",
    "https://schema.org/Friday",
    "https://schema.org/Saturday",
    "https://schema.org/Sunday",
]
ORGANISATION_NAME = "Commune d'Ixelles – Service de Prévention"


def script_tag(data: dict) -> SafeString:
    """A <script type="application/ld+json"> that cannot be closed by the data it holds."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def opening_hours_specification(hours: OpeningHours) -> list[dict]:
    specs = []
    for weekday, ranges in hours.week():
        for time_range in ranges:
            specs.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": SCHEMA_DAYS[weekday],
                    "opens": time_range.opens.strftime("%H:%M"),
                    "closes": time_range.closes.strftime("%H:%M"),
                }
            )
    for exception in hours.exceptions:
        spec = {
            "@type": "OpeningHoursSpecification",
            "validFrom": exception.start.isoformat(),
            "validThrough": exception.end.isoformat(),
        }
        if exception.range is None:  # schema.org's way to say "closed all day"
            spec.update(opens="00:00", closes="00:00")
        else:
            spec.update(
                opens=exception.opens.strftime("%H:%M"), closes=exception.closes.strftime("%H:%M")
            )
        if exception.reason:
            spec["description"] = exception.reason
        specs.append(spec)
    return specs


def postal_address(street: str, postcode: str, locality: str) -> dict:
    return {
        "@type": "PostalAddress",
        "streetAddress": street,
        "postalCode": postcode,
        "addressLocality": locality,
        "addressRegion": "Bruxelles-Capitale",
        "addressCountry": "BE",
    }


def organisation(url: str, settings=None, departments=()) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": ORGANISATION_NAME,
        "url": url,
        "areaServed": {"@type": "City", "name": "Ixelles"},
    }
    if settings is not None:
        if settings.phone:
            data["telephone"] = settings.phone
        if settings.email:
            data["email"] = settings.email
        if settings.street_address:
            data["address"] = postal_address(
                settings.street_address, settings.postcode, settings.locality
            )
    if departments:
        data["department"] = [
            {"@type": "GovernmentOrganization", "name": title, "url": dept_url}
            for title, dept_url in departments
        ]
    return data


def place(page, request) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": ["CivicStructure", "Place"],
        "name": page.title,
        "url": page.get_full_url(request),
        "address": postal_address(page.street_address, page.postcode, page.locality),
        "isAccessibleForFree": True,
    }
    if page.intro:
        data["description"] = page.intro
    if page.latitude is not None and page.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(page.latitude),
            "longitude": float(page.longitude),
        }
    if page.phone:
        data["telephone"] = page.phone
    specs = opening_hours_specification(page.opening_hours)
    if specs:
        data["openingHoursSpecification"] = specs
    return data


def service(page, request, *, audiences=(), funders=(), places=(), languages=()) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": page.title,
        "url": page.get_full_url(request),
        "serviceType": page.title,
        "provider": {"@type": "GovernmentOrganization", "name": ORGANISATION_NAME},
        "areaServed": {"@type": "City", "name": "Ixelles"},
    }
    if page.intro:
        data["description"] = page.intro
    if audiences:
        data["audience"] = [{"@type": "Audience", "audienceType": a.name} for a in audiences]
    if funders:
        data["funder"] = [{"@type": "GovernmentOrganization", "name": f.name} for f in funders]
    if languages:
        data["availableLanguage"] = [
            {"@type": "Language", "name": lang.name, "alternateName": lang.code}
            for lang in languages
        ]
    channels = []
    for place_page in places:
        channels.append(
            {
                "@type": "ServiceChannel",
                "serviceLocation": {
                    "@type": "Place",
                    "name": place_page.title,
                    "url": place_page.get_full_url(request),
                },
            }
        )
    if page.phone:
        channels.append(
            {
                "@type": "ServiceChannel",
                "servicePhone": {"@type": "ContactPoint", "telephone": page.phone},
            }
        )
    if channels:
        data["availableChannel"] = channels
    if page.cost == "free":
        data["isAccessibleForFree"] = True
    specs = opening_hours_specification(page.opening_hours)
    if specs:
        data["hoursAvailable"] = specs
    return data
