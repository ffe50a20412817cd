"""`manage.py import_quotes_csv FILE`: add or update quotes from a curator's CSV, all or none."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from quotedb.imports.curator_csv import CsvImportError, quotes_csv_import


class Command(BaseCommand):
    help = (
        "Import quotes from CSV (the columns export_quotes_csv writes). Rows with an id update "
        "that quote; rows without add one. Any bad row stops the import and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, metavar="FILE")
        parser.add_argument("--user", help="Username recorded as the creator of new quotes.")

    def handle(self, *args, file: Path, user: str | None, **options):
        if not file.is_file():
            raise CommandError(f"{file}: no such file")
        by = None
        if user:
            by = get_user_model().objects.filter(username=user).first()
            if by is None:
                raise CommandError(f"--user: no user {user!r}")
        try:
            with file.open(newline="", encoding="utf-8-sig") as handle:
                summary = quotes_csv_import(file=handle, by=by)
        except CsvImportError as error:
            for row_error in error.errors:
                self.stderr.write(f"{file}: {row_error}")
            raise CommandError(str(error)) from None
        except UnicodeDecodeError:
            raise CommandError(f"{file}: not UTF-8 text") from None
        self.stdout.write(str(summary))
