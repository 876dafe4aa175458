"""Open Referral HSDS 3.0 export of one directory (one language).

URL: ``<directory page>/export/hsds/`` (e.g. ``/fr/associations/export/hsds/``).
The document holds ``organizations`` (with their locations and phones), ``services``
(one per association: what it offers, with schedules, languages, phones, cost, needs as
attributes and service_at_locations) and ``locations``. Only live, public pages are read.

Identifiers are stable UUIDs: an organization's id is its page's ``translation_key`` (the
same in every language), other ids are derived from it with UUID5, so two exports of the
same data are identical and the three languages describe the same objects.
"""

from __future__ import annotations

import uuid

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.html import strip_tags

from maison.services.models import localized_all

from .models import AssociationLocation, AssociationPage, Cost, commune_label

HSDS_VERSION = "3.0"
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
NAMESPACE = uuid.UUID("6f6c1a3e-2a55-4b8e-9a53-6d8f1f3a1e42")
STEP_FREE_TEXT = {
    "yes": "Step-free access",
    "partial": "Partly step-free",
    "no": "Not step-free",
}


def derived(base, *parts) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join([str(base), *map(str, parts)])))


def associations_for_export(directory):
    return (
        AssociationPage.objects.child_of(directory)
        .live()
        .public()
        .prefetch_related(
            "needs",
            "audiences",
            "languages",
            Prefetch(
                "locations",
                queryset=AssociationLocation.objects.prefetch_related(
                    "weekly_hours", "hours_exceptions"
                ),
            ),
        )
        .order_by("title", "pk")
    )


def _drop_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _phone(number: str, **links) -> dict:
    return _drop_empty({"id": derived(*links.values(), number), "number": number, **links})


def location_data(location: AssociationLocation, org_id: str, language: str) -> dict:
    loc_id = str(location.uuid)
    schedules = [
        _drop_empty(
            {
                "id": derived(loc_id, "weekly", row.weekday, row.opens, row.closes),
                "location_id": loc_id,
                "freq": "WEEKLY",
                "wkst": "MO",
                "byday": WEEKDAYS[row.weekday],
                "opens_at": row.opens.strftime("%H:%M"),
                "closes_at": row.closes.strftime("%H:%M"),
                "description": "Local time, Europe/Brussels"
                + (" (closes the next day)" if row.closes <= row.opens else ""),
            }
        )
        for row in location.weekly_hours.all()
    ] + [
        _drop_empty(
            {
                "id": derived(loc_id, "exception", row.start_date, row.end_date, row.opens),
                "location_id": loc_id,
                "valid_from": row.start_date.isoformat(),
                "valid_to": (row.end_date or row.start_date).isoformat(),
                "opens_at": row.opens.strftime("%H:%M") if row.opens else None,
                "closes_at": row.closes.strftime("%H:%M") if row.closes else None,
                "description": ("Closed" if row.closed else "Special hours")
                + (f": {row.reason}" if row.reason else ""),
            }
        )
        for row in location.hours_exceptions.all()
    ]
    address = None
    if location.street_address:
        address = {
            "id": derived(loc_id, "address"),
            "location_id": loc_id,
            "address_1": location.street_address,
            "city": commune_label(location.commune, language),
            "region": "Brussels-Capital Region",
            "state_province": "Brussels-Capital Region",
            "postal_code": location.postcode or "",
            "country": "BE",
            "address_type": "physical",
        }
    accessibility = []
    if location.step_free_access in STEP_FREE_TEXT:
        accessibility.append(
            {
                "id": derived(loc_id, "accessibility"),
                "location_id": loc_id,
                "description": STEP_FREE_TEXT[location.step_free_access],
            }
        )
    return _drop_empty(
        {
            "id": loc_id,
            "location_type": "physical",
            "organization_id": org_id,
            "name": location.name or location.address_line,
            "latitude": float(location.latitude) if location.latitude is not None else None,
            "longitude": float(location.longitude) if location.longitude is not None else None,
            "addresses": [address] if address else [],
            "accessibility": accessibility,
            "phones": [_phone(location.phone, location_id=loc_id)] if location.phone else [],
            "schedules": schedules,
        }
    )


def association_data(page: AssociationPage, request, language: str):
    org_id = str(page.translation_key)
    service_id = derived(org_id, "service")
    url = page.get_full_url(request)
    locations = [location_data(loc, org_id, language) for loc in page.locations.all()]
    organization = _drop_empty(
        {
            "id": org_id,
            "name": page.title,
            "alternate_name": page.short_name,
            "description": page.intro or page.title,
            "email": page.email,
            "website": page.website,
            "uri": url,
            "phones": [_phone(page.phone, organization_id=org_id)] if page.phone else [],
            "locations": locations,
            "organization_identifiers": [
                {
                    "id": derived(org_id, "social.brussels"),
                    "organization_id": org_id,
                    "identifier_scheme": "social.brussels",
                    "identifier_type": "social.brussels record",
                    "identifier": page.social_brussels_id,
                }
            ]
            if page.social_brussels_id
            else [],
        }
    )
    needs = localized_all(page.needs.all())
    audiences = localized_all(page.audiences.all())
    languages = localized_all(page.languages.all())
    service = _drop_empty(
        {
            "id": service_id,
            "organization_id": org_id,
            "name": page.title,
            "alternate_name": page.short_name,
            "description": strip_tags(page.description) or page.intro,
            "url": url,
            "email": page.email,
            "status": "active",
            "interpretation_services": "On request" if page.interpretation else "",
            "application_process": "; ".join(str(mode) for mode in page.access_modes)
            + (f". {page.access_details}" if page.access_details else ""),
            "fees_description": page.cost_details or page.get_cost_display(),
            "eligibility_description": ", ".join(a.name for a in audiences),
            "assured_date": page.last_verified_on.isoformat() if page.last_verified_on else None,
            "last_modified": (page.last_published_at or timezone.now()).isoformat(),
            "alert": "Emergency line" if page.emergency_line else "",
            "phones": [_phone(page.phone, service_id=service_id)] if page.phone else [],
            "languages": [
                {
                    "id": derived(service_id, "language", lang.code),
                    "service_id": service_id,
                    "name": lang.name,
                    "code": lang.code,
                }
                for lang in languages
            ],
            "cost_options": [
                {
                    "id": derived(service_id, "cost"),
                    "service_id": service_id,
                    "option": page.get_cost_display(),
                    "currency": "EUR",
                    **({"amount": 0} if page.cost == Cost.FREE else {}),
                }
            ],
            "attributes": [
                {
                    "id": derived(service_id, "need", need.slug),
                    "link_id": service_id,
                    "link_type": "need",
                    "link_entity": "service",
                    "value": need.name,
                    "taxonomy_term": {
                        "id": derived("need", need.slug),
                        "code": need.slug,
                        "name": need.name,
                        "description": need.description or need.name,
                        "taxonomy": "maison-prevention-needs",
                        "language": language,
                    },
                }
                for need in needs
            ],
            "service_at_locations": [
                {
                    "id": derived(service_id, "at", location["id"]),
                    "service_id": service_id,
                    "location_id": location["id"],
                }
                for location in locations
            ],
            "schedules": [
                {**schedule, "service_id": service_id}
                for location in locations
                for schedule in location.get("schedules", [])
            ],
        }
    )
    return organization, service, locations


def export_document(directory, request) -> dict:
    language = directory.locale.language_code
    organizations, services, all_locations = [], [], []
    for page in associations_for_export(directory):
        organization, service, locations = association_data(page, request, language)
        organizations.append(organization)
        services.append(service)
        all_locations.extend(locations)
    return {
        "hsds_version": HSDS_VERSION,
        "language": language,
        "source": directory.get_full_url(request),
        "generated_at": timezone.now().replace(microsecond=0).isoformat(),
        "organizations": organizations,
        "services": services,
        "locations": all_locations,
    }
