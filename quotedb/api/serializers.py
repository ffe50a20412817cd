"""API serializers: explicit fields, nested summaries for reading, ids and slugs for writing."""

import re

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import empty
from rest_framework.validators import UniqueValidator

from articles.ingestion import ParseError, parse_html, parse_text
from articles.models import Article, Outlet
from articles.services import article_ingest_parsed
from quotedb.access import can_approve_quotes
from quotedb.models import Quote, QuoteStatus, Topic
from quotedb.services import article_extract
from speakers.models import Alias, Role, Speaker


class SlugLookupField(serializers.SlugRelatedField):
    """A related object by slug; a slug holding a NUL character is refused with a 400 before
    it reaches PostgreSQL, which cannot compare text containing one (a 500 otherwise)."""

    default_error_messages = {
        "null_character": "Null characters are not allowed.",
    }

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            self.fail("null_character")
        return super().to_internal_value(data)


class OptionalCodeField(serializers.CharField):
    """A code that is either empty or matches `regex`.

    Not a RegexField with allow_blank: drf-spectacular would document that as a oneOf of the
    pattern and an empty string, which a blank value satisfies twice (invalid by the schema);
    the pattern is given in the description instead.
    """

    default_error_messages = {"invalid": "This value does not match the required pattern."}

    def __init__(self, regex: str, **kwargs):
        self.pattern = re.compile(rf"^({regex})?$")
        super().__init__(required=False, allow_blank=True, **kwargs)

    def run_validation(self, data=empty):
        if data == "":
            return ""
        value = super().run_validation(data)
        if value is not None and not self.pattern.match(value):
            self.fail("invalid")
        return value


@extend_schema_field({"type": "string", "maxLength": 20})
class WikidataIdField(OptionalCodeField):
    def __init__(self, **kwargs):
        super().__init__(r"Q[1-9][0-9]*", max_length=20, **kwargs)


@extend_schema_field({"type": "string", "maxLength": 2})
class CountryField(OptionalCodeField):
    def __init__(self, **kwargs):
        super().__init__(r"[A-Z]{2}", max_length=2, **kwargs)


def wikidata_id_field() -> WikidataIdField:
    return WikidataIdField(help_text="Wikidata id (Q followed by digits, such as Q6279), or empty.")


def country_field() -> CountryField:
    return CountryField(help_text="ISO 3166-1 alpha-2 code in capitals, such as IR, or empty.")


def iso_date(value) -> str | None:
    return value.isoformat() if value is not None else None


def speaker_summary(speaker: Speaker | None, said_on) -> dict | None:
    """SpeakerSummarySerializer's output as a plain dict (no serializer built per quote)."""
    if speaker is None:
        return None
    role = speaker.role_on(said_on) if said_on else None
    return {
        "id": speaker.pk,
        "slug": speaker.slug,
        "name": speaker.name,
        "kind": speaker.kind,
        "wikidata_id": speaker.wikidata_id,
        "role": f"{role.title}, {role.organization.name}" if role else None,
    }


class SpeakerSummarySerializer(serializers.ModelSerializer):
    wikidata_id = wikidata_id_field()
    role = serializers.SerializerMethodField(help_text="The role held on the day it was said.")

    class Meta:
        model = Speaker
        fields = ["id", "slug", "name", "kind", "wikidata_id", "role"]

    @extend_schema_field({"type": "string", "nullable": True})
    def get_role(self, speaker) -> str | None:
        said_on = self.context.get("said_on")
        role = speaker.role_on(said_on) if said_on else None
        return f"{role.title}, {role.organization.name}" if role else None


class RelayedBySerializer(serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = ["id", "slug", "name"]


class ArticleSummarySerializer(serializers.ModelSerializer):
    outlet = serializers.CharField(
        source="outlet.name", default=None, read_only=True, allow_null=True
    )
    outlet_slug = serializers.CharField(
        source="outlet.slug", default=None, read_only=True, allow_null=True
    )

    class Meta:
        model = Article
        fields = ["id", "title", "outlet", "outlet_slug", "url", "published_on", "external_id"]


class QuoteSerializer(serializers.ModelSerializer):
    speaker = serializers.SerializerMethodField()
    speaker_id = serializers.PrimaryKeyRelatedField(
        source="speaker",
        queryset=Speaker.objects.all(),
        allow_null=True,
        required=False,
        write_only=True,
        help_text="Id of the speaker (null until resolved).",
    )
    article = ArticleSummarySerializer(read_only=True)
    article_id = serializers.PrimaryKeyRelatedField(
        source="article", queryset=Article.objects.all(), write_only=True
    )
    relayed_by = RelayedBySerializer(read_only=True, allow_null=True)
    relayed_by_id = serializers.PrimaryKeyRelatedField(
        source="relayed_by",
        queryset=Speaker.objects.all(),
        allow_null=True,
        required=False,
        write_only=True,
        help_text="Id of the speaker who relayed it, for second-hand reports.",
    )
    topics = SlugLookupField(
        slug_field="slug", queryset=Topic.objects.all(), many=True, required=False
    )
    span = serializers.SerializerMethodField(help_text="[start, end) offsets in the article body.")
    context = serializers.CharField(read_only=True, help_text="The paragraph around the quote.")
    url = serializers.HyperlinkedIdentityField(view_name="api:quote-detail")
    text = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="Verbatim text; may be left out when start and end are given.",
    )

    class Meta:
        model = Quote
        fields = [
            "id",
            "url",
            "text",
            "kind",
            "cue",
            "speaker",
            "speaker_id",
            "speaker_mention",
            "said_on",
            "article",
            "article_id",
            "start",
            "end",
            "span",
            "context",
            "topics",
            "language",
            "original_text",
            "relayed_by",
            "relayed_by_id",
            "status",
            "origin",
            "confidence",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["created_at", "updated_at"]
        # validate() checks the unique span itself, naming the field instead of non_field_errors.
        validators: list = []
        extra_kwargs = {
            "start": {"write_only": True},
            "end": {"write_only": True},
            "said_on": {"required": False},
        }

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if not can_approve_quotes(getattr(request, "user", None)):
            # Only curators decide a quote's review status; others' quotes start as proposed.
            fields["status"].read_only = True
        return fields

    @extend_schema_field(SpeakerSummarySerializer(allow_null=True))
    def get_speaker(self, quote):
        return speaker_summary(quote.speaker, quote.said_on)

    def to_representation(self, quote):
        """The declared fields' output, built directly: lists are read far more than written,
        and DRF's per-field machinery was most of a list request's time. The declared fields
        still validate writes and describe the schema; a test keeps the two identical."""
        article, outlet, relayed = quote.article, quote.article.outlet, quote.relayed_by
        request = self.context.get("request")
        url = reverse("api:quote-detail", kwargs={"pk": quote.pk})
        return {
            "id": quote.pk,
            "url": request.build_absolute_uri(url) if request is not None else url,
            "text": quote.text,
            "kind": quote.kind,
            "cue": quote.cue,
            "speaker": speaker_summary(quote.speaker, quote.said_on),
            "speaker_mention": quote.speaker_mention,
            "said_on": iso_date(quote.said_on),
            "article": {
                "id": article.pk,
                "title": article.title,
                "outlet": outlet.name if outlet else None,
                "outlet_slug": outlet.slug if outlet else None,
                "url": article.url,
                "published_on": iso_date(article.published_on),
                "external_id": article.external_id,
            },
            "span": [quote.start, quote.end] if quote.start is not None else None,
            "context": quote.context,
            "topics": [topic.slug for topic in quote.topics.all()],
            "language": quote.language,
            "original_text": quote.original_text,
            "relayed_by": (
                {"id": relayed.pk, "slug": relayed.slug, "name": relayed.name} if relayed else None
            ),
            "status": quote.status,
            "origin": quote.origin,
            "confidence": quote.confidence,
            "created_at": self.fields["created_at"].to_representation(quote.created_at),
            "updated_at": self.fields["updated_at"].to_representation(quote.updated_at),
        }

    @extend_schema_field(
        {
            "type": "array",
            "items": {"type": "integer"},
            "minItems": 2,
            "maxItems": 2,
            "nullable": True,
        }
    )
    def get_span(self, quote):
        return [quote.start, quote.end] if quote.start is not None else None

    def validate(self, attrs):
        topics = attrs.pop("topics", None)
        instance = self.instance or Quote()
        candidate = Quote(
            **{
                field.attname: getattr(instance, field.attname)
                for field in Quote._meta.concrete_fields
            }
        )
        for key, value in attrs.items():
            setattr(candidate, key, value)
        if not candidate.text and candidate.start is not None and candidate.article_id:
            candidate.text = candidate.article.body[candidate.start : candidate.end]
            attrs["text"] = candidate.text
        if not candidate.text:
            raise serializers.ValidationError({"text": "Give the text, or start and end offsets."})
        try:
            candidate.clean()
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from None
        if candidate.start is not None:
            clash = Quote.objects.filter(
                article_id=candidate.article_id, start=candidate.start, end=candidate.end
            )
            if self.instance is not None:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                raise serializers.ValidationError(
                    {"start": "This article already has a quote with these offsets."}
                )
        if topics is not None:
            attrs["topics"] = topics
        return attrs

    def create(self, validated_data):
        request = self.context.get("request")
        if not can_approve_quotes(getattr(request, "user", None)):
            validated_data["status"] = QuoteStatus.PROPOSED
        if request is not None and request.user.is_authenticated:
            validated_data["created_by"] = request.user
        return super().create(validated_data)


class AliasSerializer(serializers.ModelSerializer):
    class Meta:
        model = Alias
        fields = ["id", "name"]


class RoleSerializer(serializers.ModelSerializer):
    organization = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    organization_name = serializers.CharField(source="organization.name", read_only=True)

    class Meta:
        model = Role
        fields = ["id", "title", "organization", "organization_name", "start_on", "end_on"]


class SpeakerSerializer(serializers.ModelSerializer):
    wikidata_id = wikidata_id_field()
    country = country_field()
    aliases = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="api:speaker-detail", lookup_field="slug")

    def validate_wikidata_id(self, value: str) -> str:
        others = Speaker.objects.exclude(pk=getattr(self.instance, "pk", None))
        if value and others.filter(wikidata_id=value).exists():
            raise serializers.ValidationError("Another speaker has this Wikidata id.")
        return value

    class Meta:
        model = Speaker
        fields = [
            "id",
            "url",
            "slug",
            "name",
            "kind",
            "description",
            "country",
            "wikidata_id",
            "aliases",
            "is_proposed",
        ]


class SpeakerDetailSerializer(SpeakerSerializer):
    roles = RoleSerializer(source="held_roles", many=True, read_only=True)
    quote_count = serializers.IntegerField(
        read_only=True, help_text="Quotes by this speaker that you may see."
    )

    class Meta(SpeakerSerializer.Meta):
        fields = [*SpeakerSerializer.Meta.fields, "roles", "quote_count"]


class OutletSerializer(serializers.ModelSerializer):
    country = country_field()
    speaker = SlugLookupField(
        slug_field="slug",
        queryset=Speaker.objects.all(),
        allow_null=True,
        required=False,
        validators=[UniqueValidator(queryset=Outlet.objects.all())],
        help_text="Slug of the speaker that stands for the outlet when cited; one per outlet.",
    )

    class Meta:
        model = Outlet
        fields = ["id", "slug", "name", "short_name", "domain", "country", "language", "speaker"]


class TopicSerializer(serializers.ModelSerializer):
    parent = SlugLookupField(
        slug_field="slug", queryset=Topic.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = Topic
        fields = ["id", "slug", "name", "parent", "description"]

    def validate(self, attrs):
        candidate = Topic(pk=getattr(self.instance, "pk", None), parent=attrs.get("parent"))
        try:
            candidate.clean()
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from None
        return attrs


class ArticleSerializer(serializers.ModelSerializer):
    outlet = SlugLookupField(
        slug_field="slug", queryset=Outlet.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = Article
        fields = [
            "id",
            "outlet",
            "url",
            "title",
            "byline",
            "dateline",
            "published_on",
            "language",
            "external_id",
            "body",
            "content_hash",
            "retrieved_at",
            "archive_url",
            "created_at",
        ]
        read_only_fields = ["content_hash", "created_at"]
        # DRF would make outlet and external_id required to check the conditional unique
        # constraint; validate() checks it only when an external id is given, naming the field.
        validators: list = []

    def validate(self, attrs):
        outlet = attrs.get("outlet", getattr(self.instance, "outlet", None))
        external_id = attrs.get("external_id", getattr(self.instance, "external_id", ""))
        url = attrs.get("url", getattr(self.instance, "url", ""))
        others = Article.objects.exclude(pk=getattr(self.instance, "pk", None))
        if external_id and others.filter(outlet=outlet, external_id=external_id).exists():
            raise serializers.ValidationError(
                {"external_id": "This outlet already has an article with this id."}
            )
        if url and others.filter(url=url).exists():
            raise serializers.ValidationError({"url": "An article with this URL exists."})
        return attrs


class ArticleListSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = [f for f in ArticleSerializer.Meta.fields if f != "body"]


class EchoVariantSerializer(serializers.Serializer):
    quote = QuoteSerializer()
    similarity = serializers.FloatField(help_text="Token-set similarity of the wording, 0 to 1.")


class EchoesSerializer(serializers.Serializer):
    """The same statement reported again: exact repeats, variants and conflicting credits."""

    first_appearance = QuoteSerializer(help_text="The earliest report of the statement known.")
    same_words = QuoteSerializer(many=True)
    variants = serializers.SerializerMethodField()
    conflicts = QuoteSerializer(many=True, help_text="The same words credited to someone else.")

    @extend_schema_field(EchoVariantSerializer(many=True))
    def get_variants(self, echoes):
        rows = [{"quote": quote, "similarity": score} for quote, score in echoes.variants]
        return EchoVariantSerializer(rows, many=True, context=self.context).data


class ArticleIngestedSerializer(ArticleSerializer):
    proposed_quotes = serializers.IntegerField(
        read_only=True, help_text="Quotes of this article still proposed, after any extraction."
    )
    extraction = serializers.DictField(
        child=serializers.IntegerField(),
        read_only=True,
        allow_null=True,
        help_text="What extraction did (created, refreshed, unchanged, kept); null without it.",
    )

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "proposed_quotes", "extraction"]


class ArticleIngestSerializer(serializers.Serializer):
    """An article as raw text or an HTML page, stored through ingestion (and extraction)."""

    text = serializers.CharField(
        required=False,
        trim_whitespace=False,
        help_text="Plain text: the title on the first line unless `title` is given; a dateline "
        'such as "TEHRAN, Mar. 25 (MNA) –" gives place, day and outlet.',
    )
    html = serializers.CharField(
        required=False,
        trim_whitespace=False,
        help_text="An HTML page: main text and metadata are read through trafilatura.",
    )
    title = serializers.CharField(required=False, max_length=500)
    outlet = SlugLookupField(
        slug_field="slug", queryset=Outlet.objects.all(), required=False, allow_null=True
    )
    url = serializers.URLField(required=False, max_length=1000)
    published_on = serializers.DateField(required=False, allow_null=True)
    external_id = serializers.CharField(required=False, max_length=100)
    byline = serializers.CharField(required=False, max_length=300)
    language = serializers.CharField(required=False, max_length=16)
    extract = serializers.BooleanField(
        default=False, help_text="Propose the quotes the attribution engine finds."
    )

    def validate(self, attrs):
        text, html = attrs.get("text"), attrs.get("html")
        if text and html:
            raise serializers.ValidationError({"html": "Give text or html, not both."})
        if not (text or "").strip() and not (html or "").strip():
            raise serializers.ValidationError(
                {"text": "Give the article as text or html (or structured fields with body)."}
            )
        # A dateline without a year reads as the latest such day on or before today.
        today = timezone.localdate()
        try:
            if text:
                parsed = parse_text(
                    text, source="text", title=attrs.get("title", ""), reference_date=today
                )
            else:
                parsed = parse_html(
                    html, source="html", url=attrs.get("url", ""), reference_date=today
                )
        except ParseError as error:
            raise serializers.ValidationError({error.source: error.message}) from None
        for field in ("title", "url", "published_on", "external_id", "byline", "language"):
            if attrs.get(field):
                setattr(parsed, field, attrs[field])
        attrs["parsed"] = parsed
        return attrs

    def create(self, validated_data):
        request = self.context["request"]
        with transaction.atomic():
            article = article_ingest_parsed(
                parsed=validated_data["parsed"], outlet=validated_data.get("outlet")
            )
            result = None
            if validated_data["extract"]:
                result = article_extract(article=article, by=request.user)
        article.extraction = (
            {
                "created": result.created,
                "refreshed": result.refreshed,
                "unchanged": result.unchanged,
                "kept": result.kept,
            }
            if result is not None
            else None
        )
        article.proposed_quotes = article.quotes.filter(status=QuoteStatus.PROPOSED).count()
        return article

    def to_representation(self, instance):
        return ArticleIngestedSerializer(instance, context=self.context).data


class QuotePageSerializer(serializers.Serializer):
    """One page of quotes: follow `next` for more (opaque keyset cursors, no total count)."""

    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = QuoteSerializer(many=True)
