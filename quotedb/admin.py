"""Curators' admin for quotes, topics and quote lists, with the review queue of proposed quotes."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import ActionLocation, helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from articles.admin import ArticleAdmin
from articles.models import Article
from quotedb.models import (
    ProposedQuote,
    Quote,
    QuoteList,
    QuoteListItem,
    QuoteStatus,
    QuoteTopic,
    Topic,
)
from quotedb.services import (
    APPROVE_PERMISSION,
    article_extract,
    quotes_add_topic,
    quotes_change_speaker,
    quotes_set_status,
)
from speakers.admin import SpeakerReferenceField, speakers_named_like
from speakers.models import Speaker

# Characters of paragraph shown either side of the span in list rows (the change page shows all).
LIST_CONTEXT_CHARACTERS = 160
VIEW_ALL_PERMISSION = "quotedb.view_all_quotes"
BOTH_LOCATIONS = [ActionLocation.CHANGE_LIST, ActionLocation.CHANGE_FORM]


def span_in_paragraph(quote: Quote, *, context_characters: int | None = None) -> str:
    """The quote's paragraph with the quoted span in <mark>; every piece of text is escaped."""
    if quote.article_id is None or quote.start is None or quote.end is None:
        return format_html("<em>{}</em>", "No span: this quote has no offsets in its article.")
    body = quote.article.body
    paragraph_start, paragraph_end = quote.article.paragraph_around(quote.start, quote.end)
    before = body[paragraph_start : quote.start]
    after = body[quote.end : paragraph_end]
    if context_characters is not None:
        if len(before) > context_characters:
            before = "…" + before[-context_characters:]
        if len(after) > context_characters:
            after = after[:context_characters] + "…"
    return format_html(
        '<div class="quote-context" style="white-space: pre-wrap; max-width: 60em">'
        "{}<mark>{}</mark>{}</div>",
        before,
        body[quote.start : quote.end],
        after,
    )


class QuoteActionForm(helpers.ActionForm):
    """The action bar, plus a speaker box so "Change speaker" takes one step from the list."""

    # Plain text here: the action resolves it, so a typo leads to its form page with the error.
    speaker = forms.CharField(
        required=False,
        label="Speaker (for “Change speaker”):",
        widget=forms.TextInput(attrs={"placeholder": "slug, id or name", "size": 24}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.prefix == ActionLocation.CHANGE_FORM.value:
            # On a quote's own page the speaker is edited in the form itself.
            del self.fields["speaker"]


class TopicPickForm(forms.Form):
    topic = forms.ModelChoiceField(queryset=Topic.objects.all(), label="Topic to add")


class SpeakerPickForm(forms.Form):
    speaker = SpeakerReferenceField(
        label="New speaker",
        help_text="The speaker's slug, id, name or any alias.",
        widget=forms.TextInput(attrs={"size": 40, "autofocus": True}),
    )


class QuoteSearch:
    """Quote search: text, mention, article title, and speakers by any name, accents ignored."""

    search_fields = [
        "text",
        "speaker_mention",
        "speaker__name",
        "speaker__aliases__name",
        "article__title",
    ]

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str):
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip():
            speakers = Speaker.objects.filter(speakers_named_like(search_term))
            found = found | queryset.filter(speaker__in=speakers)
        return found, may_have_duplicates


class QuoteReviewActions:
    """Actions shared by the quote list and the review queue; each one calls a service."""

    action_form = QuoteActionForm

    def has_approve_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm(APPROVE_PERMISSION)

    @admin.action(
        permissions=["approve"], description="Approve selected quotes", location=BOTH_LOCATIONS
    )
    def approve_quotes(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._set_status(request, queryset, QuoteStatus.APPROVED, verb="Approved")

    @admin.action(
        permissions=["approve"], description="Reject selected quotes", location=BOTH_LOCATIONS
    )
    def reject_quotes(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._set_status(request, queryset, QuoteStatus.REJECTED, verb="Rejected")

    def _set_status(self, request, queryset, status: str, *, verb: str) -> None:
        selected = queryset.count()
        try:
            changed = quotes_set_status(quotes=queryset, status=status, by=request.user)
        except ValidationError as error:
            self.message_user(
                request, "Nothing changed: " + " ".join(error.messages), messages.ERROR
            )
            return
        message = f"{verb} {changed} quote{'s' if changed != 1 else ''}."
        if unchanged := selected - changed:
            message += f" {unchanged} had that status already."
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(permissions=["change"], description="Add a topic to selected quotes…")
    def assign_topic(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        form = TopicPickForm(request.POST if "post" in request.POST else None)
        if not form.is_valid():
            return self._action_page(
                request,
                queryset,
                form,
                action="assign_topic",
                title="Add a topic",
                submit_label="Add the topic",
            )
        topic = form.cleaned_data["topic"]
        added = quotes_add_topic(quotes=queryset, topic=topic, by=request.user)
        self.message_user(
            request,
            f"Added “{topic}” to {added} quote{'s' if added != 1 else ''}.",
            messages.SUCCESS,
        )
        return None

    @admin.action(permissions=["change"], description="Change speaker of selected quotes")
    def change_speaker(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        """One step when the speaker box of the action bar is filled in; else a form page."""
        typed = request.POST.get("speaker", "").strip()
        form = SpeakerPickForm(request.POST if typed or "post" in request.POST else None)
        if not form.is_valid():
            return self._action_page(
                request,
                queryset,
                form,
                action="change_speaker",
                title="Change the speaker",
                submit_label="Change the speaker",
            )
        speaker: Speaker = form.cleaned_data["speaker"]
        changed = quotes_change_speaker(quotes=queryset, speaker=speaker, by=request.user)
        self.message_user(
            request,
            f"Credited {changed} quote{'s' if changed != 1 else ''} to {speaker.name}.",
            messages.SUCCESS,
        )
        return None

    def _action_page(self, request, queryset, form, **context) -> TemplateResponse:
        select_across = request.POST.get("select_across") == "1"
        shown = list(queryset.select_related("speaker")[:20])
        selected_count = queryset.count()
        return TemplateResponse(
            request,
            "admin/quotedb/quote/action_with_form.html",
            {
                **self.admin_site.each_context(request),
                **context,
                "opts": self.opts,
                "form": form,
                "shown": shown,
                "selected_count": selected_count,
                "more_count": selected_count - len(shown),
                "selected_pks": [shown[0].pk]
                if select_across and shown
                else queryset.values_list("pk", flat=True),
                "select_across": select_across,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )


class QuoteTopicInline(admin.TabularInline):
    model = QuoteTopic
    autocomplete_fields = ["topic"]
    extra = 0
    verbose_name = "topic"
    verbose_name_plural = "topics"


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "parent"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    list_select_related = ["parent"]


@admin.register(Quote)
class QuoteAdmin(QuoteSearch, QuoteReviewActions, SimpleHistoryAdmin):
    list_display = [
        "short_text",
        "speaker",
        "said_on",
        "article",
        "outlet",
        "kind",
        "status",
        "origin",
        "confidence",
    ]
    list_filter = ["status", "kind", "origin", "language", "article__outlet", "topics"]
    list_select_related = ["speaker", "article__outlet"]
    date_hierarchy = "said_on"
    # Counting every quote on each page load is what makes big admin lists slow.
    show_full_result_count = False
    autocomplete_fields = ["speaker", "relayed_by", "article"]
    inlines = [QuoteTopicInline]
    actions = ["approve_quotes", "reject_quotes", "assign_topic", "change_speaker"]
    readonly_fields = ["span_in_context", "fingerprint", "created_by", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["text", "kind", "cue", "language", "original_text"]}),
        ("Who", {"fields": ["speaker", "speaker_mention", "relayed_by"]}),
        ("Where and when", {"fields": ["article", "start", "end", "span_in_context", "said_on"]}),
        ("Review", {"fields": ["status", "origin", "confidence"]}),
        (
            "Record",
            {
                "classes": ["collapse"],
                "fields": ["fingerprint", "created_by", "created_at", "updated_at"],
            },
        ),
    ]
    history_list_display = ["status", "speaker"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request)
        # Everyone in the admin is staff, so the permission itself decides: a reader given
        # admin access sees the approved quotes the public sees.
        if not request.user.has_perm(VIEW_ALL_PERMISSION):
            queryset = queryset.approved()
        return queryset

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_approve_permission(request):
            readonly.append("status")
        return readonly

    def save_model(self, request: HttpRequest, obj: Quote, form, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description="Quote", ordering="text")
    def short_text(self, quote: Quote) -> str:
        return quote.text if len(quote.text) <= 100 else quote.text[:97] + "…"

    @admin.display(description="Outlet", ordering="article__outlet__name")
    def outlet(self, quote: Quote) -> str:
        return str(quote.article.outlet) if quote.article.outlet_id else "—"

    @admin.display(description="Span in its paragraph")
    def span_in_context(self, quote: Quote) -> str:
        return span_in_paragraph(quote)


@admin.register(ProposedQuote)
class ProposedQuoteAdmin(QuoteSearch, QuoteReviewActions, admin.ModelAdmin):
    """The review queue: proposed quotes, most confident first, approved or fixed in one step.

    Rows open the ordinary quote page, so every edit goes through QuoteAdmin and is recorded
    in the quote's history (history does not follow saves made through a proxy model).
    """

    list_display = ["confidence", "highlighted_span", "speaker", "speaker_mention", "article"]
    list_display_links = ["highlighted_span"]
    list_filter = ["origin", "kind", "article__outlet"]
    list_select_related = ["speaker", "article"]
    show_full_result_count = False
    list_per_page = 50
    actions = ["approve_quotes", "reject_quotes", "change_speaker", "assign_topic"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).proposed()

    # Permissions are the quote's own: the proxy's generated ones belong to no group.
    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.has_perm("quotedb.view_quote") and request.user.has_perm(
            VIEW_ALL_PERMISSION
        )

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.has_perm("quotedb.change_quote")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def change_view(self, request: HttpRequest, object_id: str, *args, **kwargs):
        return HttpResponseRedirect(reverse("admin:quotedb_quote_change", args=[object_id]))

    @admin.display(description="Quote in its paragraph")
    def highlighted_span(self, quote: Quote) -> str:
        return span_in_paragraph(quote, context_characters=LIST_CONTEXT_CHARACTERS)


class QuoteInline(admin.TabularInline):
    """The article's quotes, compact: enough to fix a speaker or a span in place."""

    model = Quote
    fk_name = "article"
    fields = ["text", "speaker", "kind", "start", "end", "status"]
    autocomplete_fields = ["speaker"]
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 60})}
    }
    extra = 0
    show_change_link = True
    ordering = ["start", "id"]

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> list[str]:
        readonly = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm(APPROVE_PERMISSION):
            readonly.append("status")
        return readonly


admin.site.unregister(Article)


@admin.register(Article)
class ArticleWithQuotesAdmin(ArticleAdmin):
    """ArticleAdmin plus its quotes and the "Extract quotes" action (registered here: quotedb
    may import articles, not back)."""

    inlines = [*ArticleAdmin.inlines, QuoteInline]

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

    def save_formset(self, request: HttpRequest, form, formset, change: bool) -> None:
        if formset.model is Quote:
            for quote_form in formset.forms:
                if quote_form.instance.pk is None:
                    quote_form.instance.created_by = request.user
        super().save_formset(request, form, formset, change)


class QuoteListItemInline(admin.TabularInline):
    model = QuoteListItem
    fields = ["position", "quote", "note"]
    autocomplete_fields = ["quote"]
    extra = 0


@admin.register(QuoteList)
class QuoteListAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "owner", "is_published", "updated_at"]
    list_filter = ["is_published"]
    search_fields = ["title", "slug", "description"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["owner"]
    list_select_related = ["owner"]
    inlines = [QuoteListItemInline]

    def get_changeform_initial_data(self, request: HttpRequest) -> dict:
        return {"owner": request.user.pk, **super().get_changeform_initial_data(request)}


QuoteAdmin.actions = [*QuoteAdmin.actions, "add_to_list_action"]  # from quotedb/reports/admin.py
