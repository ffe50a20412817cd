"""App configuration for the core of the database: quotes and topics."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class QuotedbConfig(AppConfig):
    name = "quotedb"
    verbose_name = "Quotes"

    def ready(self) -> None:
        from quotedb.access import groups_ensure_on_migrate

        # Permissions exist only after migrate; groups are (re)built from them then.
        post_migrate.connect(groups_ensure_on_migrate, sender=self)
