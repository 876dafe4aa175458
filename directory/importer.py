"""CSV import of partner associations (the engine behind ``manage.py import_associations``
and the admin upload). The format is documented in docs/DIRECTORY_IMPORT.md.

- Every row is checked first; any bad row (line, column, reason) stops the import and
  nothing is written. A dry run only checks and says what would change.
- The real run is one transaction: all rows or none.
- ``key`` is the stable identifier: importing the same file again updates the association
  with that key (in the directory's language) instead of creating a duplicate, and an
  unchanged row does not create a new revision.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from maison.services.models import Audience, Language, Need, StepFreeAccess

from .models import (
    COMMUNES,
    AssociationLocation,
    AssociationPage,
    CommuneRelation,
    Cost,
    LocationWeeklyHours,
)

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
LIST_SEPARATOR = ";"

ASSOCIATION_COLUMNS = [
    "key",
    "name",
    "short_name",
    "summary",
    "description",
    "needs",
    "audiences",
    "languages",
    "interpretation",
    "access",
    "access_details",
    "cost",
    "cost_details",
    "anonymous",
    "emergency_line",
    "phone",
    "email",
    "website",
    "commune_relation",
    "social_brussels_id",
    "last_verified_on",
]
LOCATION_COLUMNS = [
    "location_name",
    "street",
    "postcode",
    "commune",
    "latitude",
    "longitude",
    "step_free",
    "location_phone",
    "location_email",
    "hours",
]
COLUMNS = ASSOCIATION_COLUMNS + LOCATION_COLUMNS
REQUIRED_COLUMNS = ["key", "name", "summary"]

ACCESS_MODES = {
    "walk-in": "access_walk_in",
    "appointment": "access_appointment",
    "phone": "access_phone",
    "outreach": "access_outreach",
    "online": "access_online",
}
TRUE_WORDS = {"yes", "y", "1", "true", "oui", "ja"}
FALSE_WORDS = {"no", "n", "0", "false", "non", "nee", ""}
DAYS = {"mo": 0, "tu": 1, "we": 2, "th": 3, "fr": 4, "sa": 5, "su": 6}
HOURS_RE = re.compile(r"^(mo|tu|we|th|fr|sa|su)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$")
KEY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$")
PHONE_RE = re.compile(r"^\+?[0-9 ./()-]{6,30}$")


class ImportFileError(ValueError):
    """The file as a whole cannot be read (encoding, size, columns)."""


@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    reason: str

    def __str__(self):
        return _("line %(line)s, column “%(field)s”: %(reason)s") % {
            "line": self.line,
            "field": self.field,
            "reason": self.reason,
        }


@dataclass
class Record:
    key: str
    line: int
    fields: dict
    needs: list[str]
    audiences: list[str]
    languages: list[str]
    locations: list[dict] = field(default_factory=list)
    raw: dict = field(default_factory=dict)

    def fingerprint(self) -> str:
        data = {
            "fields": self.fields,
            "needs": sorted(self.needs),
            "audiences": sorted(self.audiences),
            "languages": sorted(self.languages),
            "locations": self.locations,
        }
        encoded = json.dumps(data, sort_keys=True, default=str).encode()
        return hashlib.sha256(encoded).hexdigest()


@dataclass
class ImportReport:
    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    dry_run: bool = True

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.errors:
            return _("%(count)s problem(s) found: nothing was imported.") % {
                "count": len(self.errors)
            }
        text = _("%(created)s new, %(updated)s updated, %(unchanged)s unchanged.") % {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
        }
        if self.dry_run:
            return _("Dry run, nothing written: %(text)s") % {"text": text}
        return text


def read_rows(data: bytes) -> list[tuple[int, dict]]:
    """(line number, row) pairs; raises ImportFileError with a clear message."""
    if len(data) > MAX_BYTES:
        raise ImportFileError(
            _("The file is too large (more than %(mb)s MB). Split it into smaller files.")
            % {"mb": MAX_BYTES // (1024 * 1024)}
        )
    if b"\x00" in data:
        raise ImportFileError(_("This is not a CSV text file (is it a spreadsheet file?)."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _(
                "The file is not UTF-8 text (unreadable byte at position %(pos)s). "
                "In your spreadsheet, save it as “CSV UTF-8”."
            )
            % {"pos": error.start}
        ) from None
    if not text.strip():
        raise ImportFileError(_("The file is empty."))
    header_line = text.splitlines()[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [(name or "").strip().lower() for name in reader.fieldnames or []]
        reader.fieldnames = header
        missing = [name for name in REQUIRED_COLUMNS if name not in header]
        if missing:
            raise ImportFileError(
                _("Missing column(s): %(columns)s. The first line must name the columns.")
                % {"columns": ", ".join(missing)}
            )
        unknown = [name for name in header if name not in COLUMNS]
        if unknown:
            raise ImportFileError(
                _("Unknown column(s): %(columns)s. See docs/DIRECTORY_IMPORT.md.")
                % {"columns": ", ".join(unknown)}
            )
        if len(set(header)) != len(header):
            raise ImportFileError(_("A column appears twice in the first line."))
        rows = []
        for row in reader:
            if len(rows) >= MAX_ROWS:
                raise ImportFileError(
                    _("Too many rows (more than %(max)s). Split the file.") % {"max": MAX_ROWS}
                )
            if None in row:
                raise ImportFileError(
                    _("Line %(line)s has more values than there are columns.")
                    % {"line": reader.line_num}
                )
            values = {name: (value or "").strip() for name, value in row.items()}
            if any(values.values()):
                rows.append((reader.line_num, values))
    except csv.Error as error:
        raise ImportFileError(
            _("The CSV cannot be read near line %(line)s: %(error)s")
            % {"line": reader.line_num, "error": error}
        ) from None
    if not rows:
        raise ImportFileError(_("The file has a header but no rows."))
    return rows


class RowParser:
    def __init__(self, locale):
        self.needs = set(Need.objects.filter(locale=locale).values_list("slug", flat=True))
        self.audiences = set(Audience.objects.filter(locale=locale).values_list("slug", flat=True))
        self.languages = set(Language.objects.filter(locale=locale).values_list("code", flat=True))
        self.communes = {"other": "other"}
        for code, fr, nl in COMMUNES:
            for name in (code, fr, nl):
                self.communes[slugify(name)] = code

    def parse(self, line: int, row: dict, errors: list[RowError]) -> Record:
        def error(name, reason):
            errors.append(RowError(line, name, str(reason)))

        def text(name, max_length=None, required=False):
            value = row.get(name, "")
            if required and not value:
                error(name, _("required"))
            if max_length and len(value) > max_length:
                error(name, _("longer than %(max)s characters") % {"max": max_length})
            return value[:max_length] if max_length else value

        def boolean(name):
            value = row.get(name, "").lower()
            if value in TRUE_WORDS:
                return True
            if value not in FALSE_WORDS:
                error(name, _("write yes or no"))
            return False

        def choice(name, allowed, default):
            value = row.get(name, "").lower() or default
            if value not in allowed:
                error(name, _("must be one of: %(values)s") % {"values": ", ".join(allowed)})
                return default
            return value

        def listed(name, known):
            values = [v.strip() for v in row.get(name, "").split(LIST_SEPARATOR) if v.strip()]
            for value in values:
                if value not in known:
                    error(name, _("unknown value “%(value)s”") % {"value": value})
            return sorted(set(values) & known)

        def validated(name, validator, reason):
            value = row.get(name, "")
            if value:
                try:
                    validator(value)
                except ValidationError:
                    error(name, reason)
                    return ""
            return value

        key = row.get("key", "")
        if not KEY_RE.match(key):
            error("key", _("letters, digits, “-”, “_” or “.” only (at most 80)"))
        fields = {
            "title": text("name", 255, required=True),
            "short_name": text("short_name", 40),
            "intro": text("summary", required=True),
            "description": "".join(
                f"<p>{escape(part.strip())}</p>"
                for part in row.get("description", "").split("\n\n")
                if part.strip()
            ),
            "interpretation": boolean("interpretation"),
            "access_details": text("access_details", 255),
            "cost": choice("cost", Cost.values, Cost.FREE),
            "cost_details": text("cost_details", 255),
            "anonymous": boolean("anonymous"),
            "emergency_line": boolean("emergency_line"),
            "phone": self.phone(row.get("phone", ""), "phone", error),
            "email": validated("email", EmailValidator(), _("not a valid email address")),
            "website": validated(
                "website", URLValidator(schemes=["http", "https"]), _("not a valid web address")
            ),
            "commune_relation": choice(
                "commune_relation", CommuneRelation.values, CommuneRelation.NONE
            ),
            "social_brussels_id": row.get("social_brussels_id", ""),
            "last_verified_on": None,
        }
        if fields["social_brussels_id"] and not fields["social_brussels_id"].isdigit():
            error("social_brussels_id", _("digits only"))
        if row.get("last_verified_on"):
            try:
                fields["last_verified_on"] = dt.date.fromisoformat(row["last_verified_on"])
            except ValueError:
                error("last_verified_on", _("write the date as YYYY-MM-DD"))
        access = [v.strip().lower() for v in row.get("access", "").split(LIST_SEPARATOR)]
        for mode in access:
            if mode and mode not in ACCESS_MODES:
                error(
                    "access",
                    _("unknown value “%(value)s” (use %(values)s)")
                    % {"value": mode, "values": ", ".join(ACCESS_MODES)},
                )
        for mode, attribute in ACCESS_MODES.items():
            fields[attribute] = mode in access
        record = Record(
            key=key,
            line=line,
            fields=fields,
            needs=listed("needs", self.needs),
            audiences=listed("audiences", self.audiences),
            languages=listed("languages", self.languages),
            raw=row,
        )
        location = self.location(row, error)
        if location:
            record.locations.append(location)
        return record

    @staticmethod
    def phone(value, name, error):
        if value and not PHONE_RE.match(value):
            error(name, _("not a phone number"))
            return ""
        return value

    def location(self, row, error) -> dict | None:
        if not any(row.get(name) for name in LOCATION_COLUMNS):
            return None
        commune = self.communes.get(slugify(row.get("commune", "")))
        if commune is None:
            error("commune", _("unknown commune (use one of the 19 Brussels communes or other)"))
        postcode = row.get("postcode", "")
        if postcode and not re.fullmatch(r"\d{4}", postcode):
            error("postcode", _("four digits"))
        coordinates = {}
        for name, limit in (("latitude", 90), ("longitude", 180)):
            raw = row.get(name, "").replace(",", ".")
            if raw:
                try:
                    value = Decimal(raw).quantize(Decimal("0.000001"))
                    if abs(value) > limit:
                        raise InvalidOperation
                    coordinates[name] = value
                except InvalidOperation:
                    error(name, _("not a coordinate"))
        if len(coordinates) == 1:
            error("longitude" if "latitude" in coordinates else "latitude", _("give both"))
        step_free = row.get("step_free", "").lower() or StepFreeAccess.UNKNOWN
        if step_free not in StepFreeAccess.values:
            error(
                "step_free",
                _("must be one of: %(values)s") % {"values": ", ".join(StepFreeAccess.values)},
            )
        email = row.get("location_email", "")
        if email:
            try:
                EmailValidator()(email)
            except ValidationError:
                error("location_email", _("not a valid email address"))
        hours = []
        for part in row.get("hours", "").split(LIST_SEPARATOR):
            part = part.strip().lower()
            if not part:
                continue
            match = HOURS_RE.match(part)
            try:
                if not match:
                    raise ValueError
                opens = dt.time.fromisoformat(match[2].zfill(5))
                closes = dt.time.fromisoformat(match[3].zfill(5))
                if opens == closes:
                    raise ValueError
                hours.append(
                    (DAYS[match[1]], opens.isoformat("minutes"), closes.isoformat("minutes"))
                )
            except ValueError:
                error("hours", _("“%(part)s” is not like “mo 09:00-17:00”") % {"part": part})
        return {
            "name": row.get("location_name", "")[:120],
            "street_address": row.get("street", "")[:200],
            "postcode": postcode,
            "commune": commune or "other",
            "latitude": str(coordinates["latitude"]) if "latitude" in coordinates else None,
            "longitude": str(coordinates["longitude"]) if "longitude" in coordinates else None,
            "step_free_access": step_free,
            "phone": self.phone(row.get("location_phone", ""), "location_phone", error),
            "email": email,
            "hours": sorted(hours),
        }


def parse_records(rows, locale) -> tuple[list[Record], list[RowError]]:
    parser = RowParser(locale)
    errors: list[RowError] = []
    records: dict[str, Record] = {}
    for line, row in rows:
        first = records.get(row.get("key", ""))
        if first is None:
            record = parser.parse(line, row, errors)
            records[record.key] = record
            continue
        # A further row with the same key adds a location; its other columns must be empty
        # or repeat the first row's.
        for name in ASSOCIATION_COLUMNS:
            if name != "key" and row.get(name) and _raw(first, name) != row.get(name):
                errors.append(
                    RowError(
                        line,
                        name,
                        _("differs from line %(line)s with the same key") % {"line": first.line},
                    )
                )
        location = parser.location(
            row, lambda name, reason, line=line: errors.append(RowError(line, name, str(reason)))
        )
        if location:
            first.locations.append(location)
    return list(records.values()), errors


def _raw(record: Record, column: str) -> str:
    return record.raw.get(column, "")


def _unique_slug(title: str, taken: set[str]) -> str:
    base = slugify(title)[:60] or "association"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def import_associations(data: bytes, directory, *, dry_run: bool = True, user=None):
    """Check (and unless ``dry_run``, apply) a CSV file under ``directory``."""
    report = ImportReport(dry_run=dry_run)
    rows = read_rows(data)
    report.rows = len(rows)
    records, errors = parse_records(rows, directory.locale_id)
    report.errors = sorted(errors, key=lambda e: (e.line, COLUMNS.index(e.field)))
    if errors:
        return report
    existing = {
        page.import_key: page
        for page in AssociationPage.objects.child_of(directory).filter(
            import_key__in=[r.key for r in records]
        )
    }
    for record in records:
        page = existing.get(record.key)
        if page is None:
            report.created.append(record.key)
        elif page.import_fingerprint == record.fingerprint():
            report.unchanged.append(record.key)
        else:
            report.updated.append(record.key)
    if dry_run:
        return report
    current = None
    try:
        with transaction.atomic():
            taken = set(directory.get_children().values_list("slug", flat=True))
            lookups = _vocabulary(directory.locale_id)
            for record in records:
                if record.key in report.unchanged:
                    continue
                current = record
                _apply(record, existing.get(record.key), directory, taken, lookups, user)
    except ValidationError as error:
        # Rolled back as a whole: report what the page validation refused.
        messages = error.message_dict if hasattr(error, "error_dict") else {"": error.messages}
        report.errors = [
            RowError(current.line if current else 0, name or "key", " ".join(texts))
            for name, texts in messages.items()
        ]
        report.created, report.updated, report.unchanged = [], [], []
    return report


def _vocabulary(locale):
    return {
        "needs": {n.slug: n for n in Need.objects.filter(locale=locale)},
        "audiences": {a.slug: a for a in Audience.objects.filter(locale=locale)},
        "languages": {lang.code: lang for lang in Language.objects.filter(locale=locale)},
    }


def _apply(record: Record, page, directory, taken, lookups, user) -> None:
    created = page is None
    if created:
        page = AssociationPage(
            import_key=record.key, slug=_unique_slug(record.fields["title"], taken)
        )
    for name, value in record.fields.items():
        setattr(page, name, value)
    page.import_fingerprint = record.fingerprint()
    page.needs = [lookups["needs"][slug] for slug in record.needs]
    page.audiences = [lookups["audiences"][slug] for slug in record.audiences]
    page.languages = [lookups["languages"][code] for code in record.languages]
    locations = []
    for spec in record.locations:
        spec = dict(spec)
        hours = spec.pop("hours")
        location = AssociationLocation(**spec)
        location.weekly_hours = [
            LocationWeeklyHours(
                weekday=day, opens=dt.time.fromisoformat(a), closes=dt.time.fromisoformat(b)
            )
            for day, a, b in hours
        ]
        locations.append(location)
    page.locations = locations
    if created:
        directory.add_child(instance=page)
    else:
        page.full_clean()
    page.save_revision(user=user, log_action=True).publish(user=user)
