"""Curators' admin for outlets and the articles quotes come from.

The article's quote inline and its "Extract quotes" action are added by quotedb.admin: articles
sits below quotedb and does not import it.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from articles.models import Article, Outlet


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "domain", "country", "language", "speaker"]
    list_filter = ["country", "language"]
    search_fields = ["name", "short_name", "domain"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["speaker"]
    list_select_related = ["speaker"]


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["title", "outlet", "published_on", "external_id", "language", "retrieved_at"]
    list_filter = ["outlet", "language"]
    date_hierarchy = "published_on"
    search_fields = ["title", "external_id", "url", "byline", "dateline"]
    autocomplete_fields = ["outlet"]
    list_select_related = ["outlet"]
    readonly_fields = ["content_hash", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "outlet", "url", "published_on", "language"]}),
        ("Source details", {"fields": ["byline", "dateline", "external_id", "archive_url"]}),
        ("Text", {"fields": ["body"]}),
        (
            "Record",
            {
                "classes": ["collapse"],
                "fields": ["retrieved_at", "content_hash", "created_at", "updated_at"],
            },
        ),
    ]
    history_list_display = ["title", "published_on"]
