"""The reports app: embeds, exports, feeds, curated-list admin and the report builder."""

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "quotedb.reports"
    label = "reports"
    verbose_name = "Reports"
