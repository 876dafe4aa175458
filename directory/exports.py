"""CSV export of a directory (live, public associations), in the import format of
docs/DIRECTORY_IMPORT.md: one row per location, so a file can be exported, edited and
imported again."""

import csv

from django.http import HttpResponse
from django.utils.html import strip_tags

from .hsds import WEEKDAYS, associations_for_export
from .importer import ACCESS_MODES, COLUMNS, LIST_SEPARATOR


def association_rows(page):
    access = [mode for mode, attribute in ACCESS_MODES.items() if getattr(page, attribute)]
    base = {
        "key": page.import_key or str(page.translation_key),
        "name": page.title,
        "short_name": page.short_name,
        "summary": page.intro,
        "description": strip_tags(page.description.replace("</p>", "</p>\n\n")).strip(),
        "needs": LIST_SEPARATOR.join(sorted(n.slug for n in page.needs.all())),
        "audiences": LIST_SEPARATOR.join(sorted(a.slug for a in page.audiences.all())),
        "languages": LIST_SEPARATOR.join(sorted(lang.code for lang in page.languages.all())),
        "interpretation": "yes" if page.interpretation else "no",
        "access": LIST_SEPARATOR.join(access),
        "access_details": page.access_details,
        "cost": page.cost,
        "cost_details": page.cost_details,
        "anonymous": "yes" if page.anonymous else "no",
        "emergency_line": "yes" if page.emergency_line else "no",
        "phone": page.phone,
        "email": page.email,
        "website": page.website,
        "commune_relation": page.commune_relation,
        "social_brussels_id": page.social_brussels_id,
        "last_verified_on": page.last_verified_on.isoformat() if page.last_verified_on else "",
    }
    locations = list(page.locations.all())
    if not locations:
        yield base
    for location in locations:
        yield {
            **base,
            "location_name": location.name,
            "street": location.street_address,
            "postcode": location.postcode,
            "commune": location.commune,
            "latitude": location.latitude if location.latitude is not None else "",
            "longitude": location.longitude if location.longitude is not None else "",
            "step_free": location.step_free_access,
            "location_phone": location.phone,
            "location_email": location.email,
            "hours": LIST_SEPARATOR.join(
                f"{WEEKDAYS[r.weekday].lower()} {r.opens:%H:%M}-{r.closes:%H:%M}"
                for r in location.weekly_hours.all()
            ),
        }


def csv_response(directory, request) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    language = directory.locale.language_code
    response["Content-Disposition"] = f'attachment; filename="associations-{language}.csv"'
    response.write("\ufeff")  # spreadsheets then read the file as UTF-8
    writer = csv.DictWriter(response, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for page in associations_for_export(directory):
        for row in association_rows(page):
            writer.writerow(row)
    return response
