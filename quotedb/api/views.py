"""API viewsets: each names its queryset, serializer, filters and permissions, little else."""

from collections.abc import Mapping

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django_filters.utils import translate_validation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    extend_schema,
    extend_schema_view,
)
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.settings import api_settings

from articles.models import Article, Outlet
from quotedb.access import can_see_all_quotes
from quotedb.api.filters import (
    ARTICLE_FILTER_EXAMPLES,
    QUOTE_FILTER_EXAMPLES,
    SPEAKER_FILTER_EXAMPLES,
    ArticleFilterSet,
    QuoteFilterSet,
    SpeakerFilterSet,
)
from quotedb.api.pagination import KeysetCursorPagination
from quotedb.api.quote_rows import fetch_quote_rows, quote_rows_represent
from quotedb.api.serializers import (
    ArticleIngestedSerializer,
    ArticleIngestSerializer,
    ArticleListSerializer,
    ArticleSerializer,
    EchoesSerializer,
    OutletSerializer,
    QuotePageSerializer,
    QuoteSerializer,
    SpeakerDetailSerializer,
    SpeakerSerializer,
    TopicSerializer,
)
from quotedb.echoes import quote_echoes
from quotedb.models import Quote, QuoteStatus, Topic
from quotedb.reports.renderers import REPORT_RENDERERS
from speakers.models import Speaker


def documented(filterset_class, examples: dict) -> list[OpenApiParameter]:
    """OpenAPI parameters for every filter of a FilterSet, each with its help text and example."""
    parameters = []
    for name, filter_ in filterset_class.base_filters.items():
        example = examples[name]
        many = name == "speaker"
        schema_type = OpenApiTypes.INT if isinstance(example, int) else OpenApiTypes.STR
        if name.endswith(("_after", "_before")):
            schema_type = OpenApiTypes.DATE
        enum = [value for value, _ in filter_.extra.get("choices", [])] or None
        parameters.append(
            OpenApiParameter(
                name=name,
                type=OpenApiTypes.STR if many else schema_type,
                location=OpenApiParameter.QUERY,
                description=str(filter_.extra.get("help_text", "")),
                enum=enum,
                many=many or None,
                explode=True if many else None,
                examples=[OpenApiExample(name, value=[example] if many else example)],
            )
        )
    return parameters


QUOTE_PARAMETERS = documented(QuoteFilterSet, QUOTE_FILTER_EXAMPLES)
QUOTE_RENDERERS = [*api_settings.DEFAULT_RENDERER_CLASSES, *REPORT_RENDERERS]


#: A detail route listing quotes: the quote filters, keyset paging and every report format.
quote_list_action = action(
    detail=True,
    methods=["get"],
    filterset_class=None,
    pagination_class=None,
    renderer_classes=QUOTE_RENDERERS,
)


class QuoteListMixin:
    """Quote lists share one queryset, FilterSet and keyset paginator wherever they appear."""

    def visible_quotes(self):
        return Quote.objects.visible_to(self.request.user)

    def quote_list_response(self, queryset):
        params = self.request.query_params
        # With no filter asked for there is nothing to validate or apply (the paginator reads
        # ordering, cursor and page_size itself).
        if any(name in params for name in QuoteFilterSet.base_filters):
            filterset = QuoteFilterSet(params, queryset=queryset, request=self.request)
            if not filterset.is_valid():
                raise translate_validation(filterset.errors)
            queryset = filterset.qs
        paginator = KeysetCursorPagination()
        page = paginator.paginate_queryset(
            queryset, self.request, view=self, fetch=fetch_quote_rows
        )
        return paginator.get_paginated_response(quote_rows_represent(page, request=self.request))


@extend_schema_view(list=extend_schema(parameters=QUOTE_PARAMETERS))
class QuoteViewSet(QuoteListMixin, viewsets.ModelViewSet):
    """Attributed quotes. Anonymous readers and the reader group see approved quotes only."""

    serializer_class = QuoteSerializer
    filterset_class = QuoteFilterSet
    pagination_class = KeysetCursorPagination
    # JSON and the browsable API first; then html, md, csv, jsonld, csl, rss and atom.
    renderer_classes = QUOTE_RENDERERS

    def get_queryset(self):
        return self.visible_quotes().with_related()

    def list(self, request, *args, **kwargs):
        # Lists are read as rows (quote_rows); detail and writes go through the serializer.
        return self.quote_list_response(self.visible_quotes())

    @extend_schema(responses=EchoesSerializer)
    @action(
        detail=True,
        methods=["get"],
        filterset_class=None,
        pagination_class=None,
        renderer_classes=api_settings.DEFAULT_RENDERER_CLASSES,
    )
    def echoes(self, request, pk=None):
        """Where else this statement was reported: first appearance, repeats, variants of the
        wording by the same speaker, and conflicts (the same words credited to someone else)."""
        quote = self.get_object()
        echoes = quote_echoes(quote=quote, among=self.visible_quotes().with_related())
        return Response(EchoesSerializer(echoes, context=self.get_serializer_context()).data)


@extend_schema_view(
    list=extend_schema(parameters=documented(SpeakerFilterSet, SPEAKER_FILTER_EXAMPLES)),
    quotes=extend_schema(parameters=QUOTE_PARAMETERS, responses=QuotePageSerializer),
)
class SpeakerViewSet(QuoteListMixin, viewsets.ModelViewSet):
    """People, organisations, media and groups that make statements."""

    lookup_field = "slug"
    filterset_class = SpeakerFilterSet

    def get_queryset(self):
        queryset = Speaker.objects.prefetch_related("aliases")
        if self.action == "retrieve":
            visible = (
                Q()
                if can_see_all_quotes(self.request.user)
                else Q(quotes__status=QuoteStatus.APPROVED)
            )
            queryset = queryset.prefetch_related("held_roles__organization").annotate(
                quote_count=Count("quotes", filter=visible, distinct=True)
            )
        return queryset

    def get_serializer_class(self):
        return SpeakerDetailSerializer if self.action == "retrieve" else SpeakerSerializer

    def get_object(self):
        """A speaker by slug, by id, or by the slug it had before a merge."""
        value = self.kwargs[self.lookup_field]
        queryset = self.filter_queryset(self.get_queryset())
        speaker = queryset.filter(pk__in=Speaker.objects.by_slug_or_id([value])).first()
        if speaker is None:
            get_object_or_404(queryset.none())
        self.check_object_permissions(self.request, speaker)
        return speaker

    @quote_list_action
    def quotes(self, request, slug=None):
        speaker = self.get_object()
        return self.quote_list_response(self.visible_quotes().filter(speaker=speaker))


@extend_schema_view(
    list=extend_schema(parameters=documented(ArticleFilterSet, ARTICLE_FILTER_EXAMPLES)),
    quotes=extend_schema(parameters=QUOTE_PARAMETERS, responses=QuotePageSerializer),
)
class ArticleViewSet(QuoteListMixin, viewsets.ModelViewSet):
    """Source articles; the body is in the detail view only."""

    filterset_class = ArticleFilterSet

    def get_queryset(self):
        return Article.objects.select_related("outlet")

    def get_serializer_class(self):
        return ArticleListSerializer if self.action == "list" else ArticleSerializer

    @extend_schema(
        request=ArticleIngestSerializer,
        responses={201: ArticleIngestedSerializer, 200: ArticleIngestedSerializer},
    )
    def create(self, request, *args, **kwargs):
        """Raw `text` or `html` through ingestion (the same article is updated, not duplicated;
        `extract=true` proposes its quotes): 201 when new, 200 when it was already stored.
        Structured fields with `body` and no text or html: a plain create."""
        if not isinstance(request.data, Mapping):
            raise ValidationError({"non_field_errors": ["Send a JSON object."]})
        if "body" in request.data and not {"text", "html"} & set(request.data):
            return super().create(request, *args, **kwargs)
        started = timezone.now()
        serializer = ArticleIngestSerializer(
            data=request.data, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        article = serializer.save()
        is_new = article.created_at >= started
        return Response(
            serializer.data, status=status.HTTP_201_CREATED if is_new else status.HTTP_200_OK
        )

    @quote_list_action
    def quotes(self, request, pk=None):
        article = self.get_object()
        return self.quote_list_response(self.visible_quotes().filter(article=article))


class OutletViewSet(viewsets.ModelViewSet):
    """News outlets, with the speaker that stands for each when it is cited."""

    lookup_field = "slug"
    serializer_class = OutletSerializer
    queryset = Outlet.objects.select_related("speaker")


class TopicViewSet(viewsets.ModelViewSet):
    """Topics, possibly nested; filtering quotes by a topic includes its subtopics."""

    lookup_field = "slug"
    serializer_class = TopicSerializer
    queryset = Topic.objects.select_related("parent")
