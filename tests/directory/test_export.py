"""Open Referral HSDS 3.0 JSON and CSV exports: valid, live and public content only."""

import csv
import io
import json
from pathlib import Path

import pytest
from wagtail.models import PageViewRestriction

from directory.importer import import_associations
from directory.testing import add_association

REPO = Path(__file__).resolve().parents[2]
HSDS_DIR = REPO.parent / "shared" / "hsds"


def hsds_validators():
    if not (HSDS_DIR / "organization.json").exists():
        pytest.skip(
            f"HSDS 3.0 schemas not found at {HSDS_DIR} (the steering repository's shared/hsds "
            "folder beside this checkout); CI has them."
        )
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resources = []
    for path in HSDS_DIR.glob("*.json"):
        contents = json.loads(path.read_text())
        if isinstance(contents, dict) and "properties" in contents:
            resources.append(
                (path.name, Resource.from_contents(contents, default_specification=DRAFT202012))
            )
    registry = Registry().with_resources(resources)

    def validator(name):
        schema = json.loads((HSDS_DIR / f"{name}.json").read_text())
        return Draft202012Validator(
            schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
        )

    return {name: validator(name) for name in ("organization", "service", "location")}


@pytest.fixture
def exported(directory_tree):
    t = directory_tree
    add_association(
        t.directory,
        "École des devoirs",
        short_name="EDD",
        needs=[t.needs["decrochage-scolaire"]["fr"]],
        audiences=[t.audiences["jeunes"]["fr"]],
        languages=[t.languages["fr"]["fr"], t.languages["ar"]["fr"]],
        phone="+32 2 000 11 22",
        email="ecole@example.org",
        website="https://ecole.example.org/",
        social_brussels_id="1234",
        interpretation=True,
        locations=[
            {
                "name": "Siège",
                "street_address": "Rue de l'Exemple 1",
                "postcode": "1050",
                "commune": "ixelles",
                "latitude": "50.83",
                "longitude": "4.37",
                "step_free_access": "yes",
                "phone": "+32 2 000 11 23",
                "hours": [(0, "09:00", "17:00"), (4, "22:00", "06:00")],
            }
        ],
    )
    add_association(t.directory, "Brouillon secret", live=False)
    private = add_association(t.directory, "Réservé au personnel")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    add_association(t.directories["nl"], "Huiswerkklas")
    return t


def get_json(client, directory):
    response = client.get(directory.url + "export/hsds/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_hsds_export_validates_against_the_hsds_3_schemas(client, exported):
    validators = hsds_validators()
    document = get_json(client, exported.directory)
    assert document["hsds_version"] == "3.0" and document["language"] == "fr"
    assert len(document["organizations"]) == 1
    for kind, items in (
        ("organization", document["organizations"]),
        ("service", document["services"]),
        ("location", document["locations"]),
    ):
        assert items
        for item in items:
            errors = sorted(validators[kind].iter_errors(item), key=str)
            assert not errors, f"{kind}: {[e.message for e in errors]}"
    service = document["services"][0]
    assert {lang["code"] for lang in service["languages"]} == {"fr", "ar"}
    assert service["phones"][0]["number"] == "+32 2 000 11 22"
    schedules = {(s["byday"], s["opens_at"], s["closes_at"]) for s in service["schedules"]}
    assert schedules == {("MO", "09:00", "17:00"), ("FR", "22:00", "06:00")}
    location = document["locations"][0]
    assert location["addresses"][0]["postal_code"] == "1050"
    assert location["addresses"][0]["city"] == "Ixelles"


def test_exports_hold_only_live_public_content_of_their_language(client, exported):
    for directory, expected in (
        (exported.directory, ["École des devoirs"]),
        (exported.directories["nl"], ["Huiswerkklas"]),
    ):
        document = get_json(client, directory)
        assert [o["name"] for o in document["organizations"]] == expected
        text = json.dumps(document)
        assert "Brouillon" not in text and "Réservé" not in text
    response = client.get(exported.directory.url + "export/csv/")
    assert response.status_code == 200
    content = response.content.decode("utf-8-sig")
    assert "Brouillon" not in content and "Réservé" not in content
    rows = list(csv.DictReader(io.StringIO(content)))
    assert [row["name"] for row in rows] == ["École des devoirs"]


def test_identifiers_are_stable_across_exports_and_languages(client, exported):
    first = get_json(client, exported.directory)
    second = get_json(client, exported.directory)
    first.pop("generated_at"), second.pop("generated_at")
    assert first == second


def test_csv_export_can_be_imported_again(client, exported):
    content = client.get(exported.directory.url + "export/csv/").content
    report = import_associations(content, exported.directory, dry_run=True)
    assert report.ok, [str(e) for e in report.errors]
