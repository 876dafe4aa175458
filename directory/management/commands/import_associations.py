"""``manage.py import_associations FILE.csv [--dry-run] [--language fr]``: see
docs/DIRECTORY_IMPORT.md. Exit status 1 when the file or a row is refused."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from directory.importer import ImportFileError, import_associations
from directory.models import DirectoryPage


class Command(BaseCommand):
    help = "Import partner associations from a CSV file (all rows or none)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every row and report; write nothing."
        )
        parser.add_argument(
            "--language", default="fr", help="Language of the directory to import into (fr)."
        )

    def handle(self, *args, file: Path, dry_run: bool, language: str, **options):
        directory = (
            DirectoryPage.objects.filter(locale__language_code=language).order_by("path").first()
        )
        if directory is None:
            raise CommandError(f"No directory page in language {language!r}: create it first.")
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        try:
            report = import_associations(data, directory, dry_run=dry_run)
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        for row_error in report.errors:
            self.stderr.write(str(row_error))
        if report.errors:
            raise CommandError(report.summary())
        self.stdout.write(self.style.SUCCESS(report.summary()))
