"""Curators' admin for speakers: names, aliases, roles, old slugs, and merging duplicates."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from simple_history.admin import SimpleHistoryAdmin

from speakers.models import Alias, Role, SlugRedirect, Speaker, SpeakerKind
from speakers.names import normalize_name
from speakers.services import speakers_merge, speakers_merge_preview


def speakers_named_like(term: str) -> Q:
    """Speakers whose name or any alias contains `term`, ignoring case, accents, punctuation.

    For `search_fields`, whose plain icontains would miss "Kayván" when the record says "Kayvan".
    """
    normalized = normalize_name(term)
    if not normalized:
        return Q(pk__in=[])
    return Q(normalized_name__contains=normalized) | Q(
        pk__in=Alias.objects.filter(normalized__contains=normalized).values("speaker_id")
    )


class SpeakerReferenceField(forms.CharField):
    """A speaker typed as slug, id, old slug, name or alias: works without JavaScript."""

    default_error_messages = {
        "unknown": "No speaker has the slug, id or name “%(value)s”.",
        "ambiguous": "“%(value)s” names several speakers (%(names)s): type the slug instead.",
    }

    def clean(self, value):
        value = super().clean(value).strip()
        if not value:
            return None
        matches = list(Speaker.objects.by_slug_or_id([value])[:5]) or list(
            Speaker.objects.named(value)[:5]
        )
        if not matches:
            raise ValidationError(self.error_messages["unknown"], params={"value": value})
        if len(matches) > 1:
            names = ", ".join(f"{speaker.name} = {speaker.slug}" for speaker in matches)
            raise ValidationError(
                self.error_messages["ambiguous"], params={"value": value, "names": names}
            )
        return matches[0]


class AliasInline(admin.TabularInline):
    model = Alias
    fields = ["name", "normalized"]
    readonly_fields = ["normalized"]
    extra = 0


class RoleInline(admin.TabularInline):
    model = Role
    fk_name = "person"
    fields = ["title", "organization", "start_on", "end_on"]
    autocomplete_fields = ["organization"]
    extra = 0
    verbose_name = "role held"
    verbose_name_plural = "roles held"


class MemberRoleInline(admin.TabularInline):
    """On an organization's page: who held which title in it."""

    model = Role
    fk_name = "organization"
    fields = ["person", "title", "start_on", "end_on"]
    autocomplete_fields = ["person"]
    extra = 0
    verbose_name = "role in this organization"
    verbose_name_plural = "roles in this organization"


class SlugRedirectInline(admin.TabularInline):
    """Old slugs (from merges) that still lead here; written by the merge, never by hand."""

    model = SlugRedirect
    fields = ["old_slug", "created_at"]
    readonly_fields = ["old_slug", "created_at"]
    extra = 0
    can_delete = False
    verbose_name_plural = "old slugs that redirect here"

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class SurvivorForm(forms.Form):
    survivor = forms.ModelChoiceField(
        queryset=Speaker.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Keep this speaker; merge the others into it",
    )

    def __init__(self, *args, speakers: QuerySet, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["survivor"]
        field.queryset = speakers
        field.label_from_instance = lambda speaker: (
            f"{speaker.name} ({speaker.slug}, {speaker.get_kind_display().lower()}"
            + (", proposed" if speaker.is_proposed else "")
            + ")"
        )


@admin.register(Speaker)
class SpeakerAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "kind", "country", "wikidata_id", "is_proposed", "updated_at"]
    list_filter = ["kind", "is_proposed", "country"]
    search_fields = ["name", "slug", "aliases__name", "wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["normalized_name", "created_at", "updated_at"]
    fields = [
        "name",
        "slug",
        "kind",
        "description",
        "country",
        "wikidata_id",
        "is_proposed",
        "normalized_name",
        "created_at",
        "updated_at",
    ]
    inlines = [AliasInline, RoleInline, SlugRedirectInline]
    actions = ["merge_speakers"]
    history_list_display = ["name", "slug", "kind"]

    def get_inlines(self, request: HttpRequest, obj: Speaker | None) -> list:
        if obj is not None and obj.kind == SpeakerKind.ORGANIZATION:
            return [AliasInline, MemberRoleInline, SlugRedirectInline]
        return self.inlines

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str):
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term.strip():
            found = found | queryset.filter(speakers_named_like(search_term))
        return found, may_have_duplicates

    def has_merge_permission(self, request: HttpRequest) -> bool:
        # Django offers an action when any one listed permission is held; merging needs both.
        return self.has_change_permission(request) and self.has_delete_permission(request)

    @admin.action(permissions=["merge"], description="Merge selected speakers…")
    def merge_speakers(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        """Pick the survivor, confirm what will move, then merge (a form page; no JavaScript)."""
        if not self.has_merge_permission(request):
            raise PermissionDenied
        speakers = queryset.order_by("name", "pk")
        if len(speakers) < 2:
            self.message_user(request, "Select two or more speakers to merge.", messages.WARNING)
            return None
        step = request.POST.get("step")
        form = SurvivorForm(request.POST if step else None, speakers=speakers)
        if not step or not form.is_valid():
            return self._merge_page(request, speakers, form, step="confirm")
        survivor = form.cleaned_data["survivor"]
        others = [speaker for speaker in speakers if speaker.pk != survivor.pk]
        try:
            previews = [speakers_merge_preview(survivor=survivor, other=other) for other in others]
        except ValidationError as error:
            form.add_error(None, error)
            return self._merge_page(request, speakers, form, step="confirm")
        if step != "merge":
            return self._merge_page(request, speakers, form, step="merge", previews=previews)
        try:
            with transaction.atomic():
                for other in others:
                    survivor = speakers_merge(survivor=survivor, other=other, by=request.user)
        except ValidationError as error:
            self.message_user(
                request, "Nothing was merged: " + " ".join(error.messages), messages.ERROR
            )
            return None
        for preview in previews:
            self.message_user(request, "Merged " + preview.summary(), messages.SUCCESS)
        return None

    def _merge_page(self, request, speakers, form, *, step, previews=()) -> TemplateResponse:
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge speakers",
            "opts": self.opts,
            "speakers": speakers,
            "form": form,
            "step": step,
            "previews": previews,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/speakers/speaker/merge_speakers.html", context)


@admin.register(Alias)
class AliasAdmin(SimpleHistoryAdmin):
    list_display = ["name", "speaker", "normalized"]
    search_fields = ["name", "normalized", "speaker__name"]
    autocomplete_fields = ["speaker"]
    list_select_related = ["speaker"]
    readonly_fields = ["normalized"]


@admin.register(Role)
class RoleAdmin(SimpleHistoryAdmin):
    list_display = ["person", "title", "organization", "start_on", "end_on"]
    list_filter = ["start_on", "end_on"]
    search_fields = ["title", "person__name", "organization__name", "organization__aliases__name"]
    autocomplete_fields = ["person", "organization"]
    list_select_related = ["person", "organization"]
    readonly_fields = ["normalized_title"]


@admin.register(SlugRedirect)
class SlugRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "speaker", "created_at"]
    search_fields = ["old_slug", "speaker__name", "speaker__slug"]
    autocomplete_fields = ["speaker"]
    list_select_related = ["speaker"]
