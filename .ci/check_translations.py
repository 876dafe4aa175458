"""Fail when a UI string is missing from, untranslated in or fuzzy in a catalogue.

Re-extracts the strings (makemessages, needs GNU gettext) so that a string added to a
template or to Python code without a translation is caught, then checks every catalogue.
"""

import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("fr", "nl", "en")
IGNORE = [".venv/*", "var/*", "tests/*", "benchmarks/*", "node_modules/*"]


def extract() -> None:
    for language in LANGUAGES:
        args = [sys.executable, "manage.py", "makemessages", "--locale", language]
        args += ["--no-obsolete", "--add-location", "file"]
        for pattern in IGNORE:
            args += ["--ignore", pattern]
        subprocess.run(args, cwd=ROOT, check=True, capture_output=True)  # noqa: S603


def fill_english() -> None:
    """English msgids are the English text: copy them into the en catalogue."""
    po_path = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(po_path))
    for entry in catalogue:
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
    catalogue.save(str(po_path))


def problems() -> list[str]:
    found = []
    for language in LANGUAGES:
        po_path = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
        if not po_path.exists():
            found.append(f"{po_path}: missing")
            continue
        catalogue = polib.pofile(str(po_path))
        for entry in catalogue.untranslated_entries():
            found.append(f"{language}: untranslated {entry.msgid!r} ({entry.occurrences[:1]})")
        for entry in catalogue.fuzzy_entries():
            found.append(f"{language}: fuzzy {entry.msgid!r}")
    return found


if __name__ == "__main__":
    if "--fill-english" in sys.argv:
        fill_english()
        sys.exit(0)
    if "--no-extract" not in sys.argv:
        extract()
    issues = problems()
    for line in issues:
        print(line)
    if issues:
        print(f"{len(issues)} catalogue problem(s): run `make messages` and translate them.")
        sys.exit(1)
    print("Catalogues complete: fr, nl, en.")
