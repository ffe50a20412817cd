"""FilterSets for the API: every query parameter declared once, validated, and documented."""

import copy

from django import forms
from django.conf import settings
from django.db.models import Q, Subquery
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema_field

from articles.models import Article, Outlet
from quotedb.models import Quote, QuoteKind, QuoteStatus, Topic
from speakers.models import SlugRedirect, Speaker, SpeakerKind, is_database_id
from speakers.names import normalize_name

ORDERINGS = [
    ("-said_on", "Newest statements first (default)"),
    ("said_on", "Oldest statements first"),
    ("-created", "Most recently added first"),
    ("created", "Earliest added first"),
    ("relevance", "Best full-text match first (only with q)"),
]


class MultipleValueField(forms.Field):
    """A repeatable parameter (?speaker=a&speaker=b); commas separate values too."""

    widget = forms.MultipleHiddenInput

    def clean(self, value):
        values = [part.strip() for item in value or [] for part in str(item).split(",")]
        values = [v for v in values if v]
        if self.required and not values:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if len(values) > 50:
            raise forms.ValidationError("Give at most 50 values.", code="too_many")
        for v in values:
            if len(v) > 200:
                raise forms.ValidationError("Each value must be at most 200 characters.")
            if "\x00" in v:
                raise forms.ValidationError("Null characters are not allowed.")
        return values


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class MultipleValueFilter(filters.Filter):
    field_class = MultipleValueField


def search_text_field(**kwargs) -> filters.CharFilter:
    return filters.CharFilter(max_length=settings.QUOTEDB_MAX_SEARCH_LENGTH, **kwargs)


class SharedFields(dict):
    """A form class's fields, shared by its forms. Django deep-copies them for every form so a
    form may alter its own fields; forms that only validate query strings never do, and the
    copy was a tenth of a filtered list request."""

    def __deepcopy__(self, memo):
        return dict(self)


class StaticFilterSet(filters.FilterSet):
    """A FilterSet whose filters do not depend on the request, so the work django-filter
    repeats on every request is done once per class: the form class is built once, and the
    filters are copied shallowly (deep copies of every filter were ~10% of a list request)."""

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix
        self.filters = {name: copy.copy(filter_) for name, filter_ in self.base_filters.items()}
        for filter_ in self.filters.values():
            filter_.model = queryset.model
            filter_.parent = self
            if filter_.method is not None:
                # Rebind the method wrapper to this copy (it points at the filter it wraps).
                filter_.method = filter_.method

    def get_form_class(self):
        cls = type(self)
        if "_form_class" not in cls.__dict__:
            cls._form_class = super().get_form_class()
            cls._form_class.base_fields = SharedFields(cls._form_class.base_fields)
        return cls._form_class


class QuoteFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        if cleaned.get("ordering") == "relevance" and not cleaned.get("q"):
            self.add_error("ordering", "Ordering by relevance needs a full-text query in q.")
        after, before = cleaned.get("said_after"), cleaned.get("said_before")
        if after and before and after > before:
            self.add_error("said_before", "said_before must not be earlier than said_after.")
        return cleaned


class QuoteFilterSet(StaticFilterSet):
    speaker = MultipleValueFilter(
        method="filter_speaker",
        help_text="Speaker slug or id; repeat the parameter (or separate with commas) for any of "
        "several speakers. Old slugs of merged speakers still match.",
    )
    speaker_name = filters.CharFilter(
        method="filter_speaker_name",
        max_length=200,
        help_text="Part of any name or alias of the speaker, case- and accent-insensitive.",
    )
    topic = filters.CharFilter(
        method="filter_topic", max_length=200, help_text="Topic slug; subtopics are included."
    )
    said_after = filters.DateFilter(
        field_name="said_on", lookup_expr="gte", help_text="Said on or after (YYYY-MM-DD)."
    )
    said_before = filters.DateFilter(
        field_name="said_on", lookup_expr="lte", help_text="Said on or before (YYYY-MM-DD)."
    )
    published_after = filters.DateFilter(
        field_name="article__published_on",
        lookup_expr="gte",
        help_text="Article published on or after (YYYY-MM-DD).",
    )
    published_before = filters.DateFilter(
        field_name="article__published_on",
        lookup_expr="lte",
        help_text="Article published on or before (YYYY-MM-DD).",
    )
    outlet = filters.CharFilter(
        method="filter_outlet", max_length=200, help_text="Outlet slug or id."
    )
    article = filters.NumberFilter(
        field_name="article_id",
        lookup_expr="exact",
        min_value=1,
        max_value=2**63 - 1,
        help_text="Article id.",
    )
    kind = filters.ChoiceFilter(
        field_name="kind", lookup_expr="exact", choices=QuoteKind.choices, help_text="Quote kind."
    )
    status = filters.ChoiceFilter(
        field_name="status",
        lookup_expr="exact",
        choices=QuoteStatus.choices,
        help_text="Review status (anonymous readers only ever see approved quotes).",
    )
    language = filters.CharFilter(
        field_name="language", lookup_expr="iexact", max_length=16, help_text="Language code."
    )
    q = search_text_field(
        method="filter_search",
        help_text='Full text. On PostgreSQL, web-search syntax: words, "a phrase", or, -not.',
    )
    ordering = filters.ChoiceFilter(
        choices=ORDERINGS,
        method="filter_ordering",
        empty_label=None,
        help_text="Order of results; relevance needs q. Default: -said_on, or relevance with q.",
    )

    class Meta:
        model = Quote
        fields: list[str] = []
        form = QuoteFilterForm

    def filter_speaker(self, queryset, name, values):
        if not values:
            return queryset
        if len(values) == 1:
            # One speaker, the usual case, as a scalar subquery: PostgreSQL evaluates it once
            # and walks the (speaker, said_on, id) index in order instead of semi-joining a
            # speaker set it cannot size and sorting all of that speaker's quotes.
            value = values[0]
            if is_database_id(value):
                return queryset.filter(speaker_id=int(value))
            by_slug = Speaker.objects.filter(slug=value).values("pk")[:1]
            by_old_slug = SlugRedirect.objects.filter(old_slug=value).values("speaker_id")[:1]
            return queryset.filter(speaker_id=Coalesce(Subquery(by_slug), Subquery(by_old_slug)))
        return queryset.by_speakers(Speaker.objects.by_slug_or_id(values).values("pk"))

    def filter_speaker_name(self, queryset, name, value):
        normalized = normalize_name(value)
        if not normalized:
            return queryset
        speakers = Speaker.objects.filter(
            Q(normalized_name__contains=normalized) | Q(aliases__normalized__contains=normalized)
        ).values("pk")
        return queryset.by_speakers(speakers)

    def filter_topic(self, queryset, name, value):
        return queryset.about(Topic.objects.filter(slug=value))

    def filter_outlet(self, queryset, name, value):
        outlets = Outlet.objects.filter(pk=int(value)) if is_database_id(value) else None
        if outlets is None:
            outlets = Outlet.objects.filter(slug=value)
        return queryset.filter(article__outlet__in=outlets.values("pk"))

    def filter_search(self, queryset, name, value):
        return queryset.search(value) if value.strip() else queryset

    def filter_ordering(self, queryset, name, value):
        # The keyset paginator applies the ordering (it must know it to build cursors).
        return queryset


class SpeakerFilterSet(StaticFilterSet):
    q = search_text_field(
        method="filter_name", help_text="Part of any name or alias, case- and accent-insensitive."
    )
    kind = filters.ChoiceFilter(
        field_name="kind", lookup_expr="exact", choices=SpeakerKind.choices, help_text="Kind."
    )
    country = filters.CharFilter(
        field_name="country",
        lookup_expr="iexact",
        max_length=2,
        help_text="ISO 3166-1 alpha-2 country code.",
    )

    class Meta:
        model = Speaker
        fields: list[str] = []

    def filter_name(self, queryset, name, value):
        normalized = normalize_name(value)
        if not normalized:
            return queryset
        return queryset.filter(
            Q(normalized_name__contains=normalized)
            | Q(pk__in=Speaker.objects.filter(aliases__normalized__contains=normalized))
        )


class ArticleFilterSet(StaticFilterSet):
    outlet = filters.CharFilter(
        method="filter_outlet", max_length=200, help_text="Outlet slug or id."
    )
    published_after = filters.DateFilter(
        field_name="published_on", lookup_expr="gte", help_text="Published on or after."
    )
    published_before = filters.DateFilter(
        field_name="published_on", lookup_expr="lte", help_text="Published on or before."
    )
    q = search_text_field(method="filter_text", help_text="Words in the title (case-insensitive).")

    class Meta:
        model = Article
        fields: list[str] = []

    def filter_outlet(self, queryset, name, value):
        if is_database_id(value):
            return queryset.filter(outlet_id=int(value))
        return queryset.filter(outlet__slug=value)

    def filter_text(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(title__icontains=word)
        return queryset


#: An example for every quote filter, shown in the OpenAPI schema and the interactive docs.
QUOTE_FILTER_EXAMPLES = {
    "speaker": "kayvan-khosravi",
    "speaker_name": "biden",
    "topic": "syria",
    "said_after": "2023-03-01",
    "said_before": "2023-03-31",
    "published_after": "2023-03-01",
    "published_before": "2023-03-31",
    "outlet": "mehr-news-agency",
    "article": 1,
    "kind": "direct",
    "status": "approved",
    "language": "en",
    "q": "reciprocal response",
    "ordering": "-said_on",
}
SPEAKER_FILTER_EXAMPLES = {"q": "khosravi", "kind": "person", "country": "IR"}
ARTICLE_FILTER_EXAMPLES = {
    "outlet": "mehr-news-agency",
    "published_after": "2023-03-01",
    "published_before": "2023-03-31",
    "q": "Syria",
}
