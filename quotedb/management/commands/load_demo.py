"""load_demo: the demo article, its speakers, topics and ten approved quotes (idempotent)."""

from django.core.management.base import BaseCommand, CommandError

from quotedb.demo import DemoError, demo_load


class Command(BaseCommand):
    help = (
        "Load the demo: Mehr News Agency's article 198808 (2023-03-25) with its speakers, "
        "roles, topics and ten approved quotes. Adds only what is missing; safe to run again."
    )

    def handle(self, *args, **options):
        try:
            summary = demo_load()
        except DemoError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(summary))
