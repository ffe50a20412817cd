"""`manage.py export_quotes_csv`: quotes as CSV for curators (columns in quotedb.imports)."""

import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quotedb.imports.curator_csv import quotes_csv_export
from quotedb.models import Quote, QuoteStatus
from speakers.models import Speaker


def _day(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a date as YYYY-MM-DD") from None


class Command(BaseCommand):
    help = "Export quotes as CSV, oldest first; the columns are stable and re-importable."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", type=Path, help="File to write (default stdout).")
        parser.add_argument("--status", choices=QuoteStatus.values)
        parser.add_argument("--speaker", help="Only this speaker's quotes (slug).")
        parser.add_argument("--since", type=str, help="Said on or after YYYY-MM-DD.")
        parser.add_argument("--until", type=str, help="Said on or before YYYY-MM-DD.")

    def handle(self, *args, output, status, speaker, since, until, **options):
        quotes = Quote.objects.order_by("pk")
        if status:
            quotes = quotes.filter(status=status)
        if speaker:
            found = Speaker.objects.by_slug_or_id([speaker])
            if not found.exists():
                raise CommandError(f"--speaker: no speaker {speaker!r}")
            quotes = quotes.by_speakers(found)
        quotes = quotes.said_between(_day(since) if since else None, _day(until) if until else None)
        if output is None:
            self.stdout.ending = ""  # the CSV writer ends its own lines
            count = quotes_csv_export(quotes=quotes, file=self.stdout)
        else:
            with output.open("w", newline="", encoding="utf-8") as handle:
                count = quotes_csv_export(quotes=quotes, file=handle)
        self.stderr.write(f"{count} quotes exported.")
