"""Admin for curated quote lists: an ordered inline of quotes, and "Add to list" for quotes."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from quotedb.models import QuoteList, QuoteListItem, QuoteStatus
from quotedb.reports.services import quote_list_add_quotes, quote_list_create, quote_list_renumber


class QuoteListItemInline(admin.TabularInline):
    """Ordered by position: type numbers to reorder, or drag a row by its position cell."""

    model = QuoteListItem
    fields = ["position", "quote", "note"]
    autocomplete_fields = ["quote"]
    ordering = ["position", "id"]
    extra = 0
    classes = ["qdb-sortable"]

    class Media:
        js = ["reports/admin_sortable.js"]
        css = {"all": ["reports/admin_sortable.css"]}


# The core admin registers a plain QuoteList admin; this one replaces it with the sortable
# inline, publication links and position renumbering.
if admin.site.is_registered(QuoteList):
    admin.site.unregister(QuoteList)


@admin.register(QuoteList)
class QuoteListAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "owner", "is_published", "item_count", "updated_at", "embed"]
    list_filter = ["is_published"]
    search_fields = ["title", "slug", "description"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["owner"]
    list_select_related = ["owner"]
    readonly_fields = ["created_at", "updated_at", "embed"]
    fields = ["title", "slug", "description", "owner", "is_published", "embed", "created_at"]
    inlines = [QuoteListItemInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_count=Count("items"))

    def get_changeform_initial_data(self, request) -> dict:
        return {"owner": request.user.pk, **super().get_changeform_initial_data(request)}

    @admin.display(description="Quotes", ordering="item_count")
    def item_count(self, quote_list: QuoteList) -> int:
        return quote_list.item_count

    @admin.display(description="Public embed")
    def embed(self, quote_list: QuoteList) -> str:
        if not quote_list.pk or not quote_list.is_published:
            return "Not published"
        return format_html(
            '<a href="{}">embed page</a> · <a href="{}">Markdown</a> · <a href="{}">CSV</a>',
            reverse("reports:embed-list", kwargs={"slug": quote_list.slug}),
            reverse("reports:list-detail", kwargs={"slug": quote_list.slug}) + "?format=md",
            reverse("reports:list-detail", kwargs={"slug": quote_list.slug}) + "?format=csv",
        )

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        quote_list_renumber(quote_list=form.instance)


class AddToListForm(forms.Form):
    quote_list = forms.ModelChoiceField(
        queryset=QuoteList.objects.order_by("title"), required=False, label="Existing list"
    )
    new_list_title = forms.CharField(required=False, max_length=200, label="Or a new list titled")
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        label="Note for each added quote",
    )

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("quote_list")) == bool(cleaned.get("new_list_title", "").strip()):
            raise forms.ValidationError("Choose an existing list or give a new title (not both).")
        return cleaned


# Offered to those who may change quotes (curators, not readers); lists need their own permission.
@admin.action(description="Add to list", permissions=["change"])
def add_to_list_action(modeladmin, request, queryset):
    """Asks which list (or a new one), then appends the selected quotes in the order shown."""
    if not request.user.has_perm("quotedb.change_quotelist"):
        modeladmin.message_user(
            request, "You need permission to change quote lists.", messages.ERROR
        )
        return None
    form = AddToListForm(request.POST if "apply" in request.POST else None)
    if form.is_valid():
        quote_list = form.cleaned_data["quote_list"]
        if quote_list is None:
            if not request.user.has_perm("quotedb.add_quotelist"):
                modeladmin.message_user(
                    request, "You need permission to create quote lists.", messages.ERROR
                )
                return None
            quote_list = quote_list_create(
                title=form.cleaned_data["new_list_title"].strip(), owner=request.user
            )
        quotes = list(queryset)
        added = quote_list_add_quotes(
            quote_list=quote_list, quotes=quotes, note=form.cleaned_data["note"]
        )
        hidden = sum(quote.status != QuoteStatus.APPROVED for quote in quotes)
        message = f"Added {added} of {len(quotes)} quotes to “{quote_list}”."
        if added < len(quotes):
            message += f" {len(quotes) - added} were on it already."
        if hidden:
            message += f" {hidden} not approved: hidden from the public list until approved."
        modeladmin.message_user(request, message, messages.SUCCESS)
        return None
    return TemplateResponse(
        request,
        "reports/admin/add_to_list.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": "Add quotes to a list",
            "form": form,
            "quotes": queryset,
            "opts": modeladmin.model._meta,
            "action_name": "add_to_list_action",
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": modeladmin.media + form.media,
        },
    )


# Registered site-wide under its name, then disabled, so it shows only where a ModelAdmin lists
# "add_to_list_action" in its actions (QuoteAdmin does, at the end of quotedb/admin.py).
admin.site.add_action(add_to_list_action, "add_to_list_action")
admin.site.disable_action("add_to_list_action")
