"""Curators' admin for outlets and the articles quotes come from.

The article's quote inline is added by quotedb.admin: articles sits below quotedb and does not
import it.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from simple_history.admin import SimpleHistoryAdmin

from articles.models import Article, Outlet
from articles.services import article_extract


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
    actions = ["extract_quotes"]

    def has_extract_permission(self, request) -> bool:
        return request.user.has_perm("quotedb.add_quote")

    @admin.action(permissions=["extract"], description="Extract quotes")
    def extract_quotes(self, request, queryset) -> None:
        """Propose the quotes the attribution engine finds, one transaction per article."""
        totals = {"created": 0, "refreshed": 0, "unchanged": 0, "kept": 0}
        done, failed = 0, []
        for article in queryset.order_by("pk"):
            try:
                result = article_extract(article=article, by=request.user)
            except (ValidationError, PermissionDenied) as error:
                failed.append(
                    f"#{article.pk}: {' '.join(getattr(error, 'messages', [str(error)]))}"
                )
                continue
            done += 1
            for key in totals:
                totals[key] += getattr(result, key)
        self.message_user(
            request,
            f"Extracted quotes from {done} article{'s' if done != 1 else ''}: "
            f"{totals['created']} proposed, {totals['refreshed']} refreshed, "
            f"{totals['unchanged']} unchanged, {totals['kept']} left as curated.",
            messages.SUCCESS,
        )
        if failed:
            self.message_user(request, "Not extracted: " + "; ".join(failed), messages.ERROR)
