"""The core of the database: attributed quotes and the topics they are about."""

import datetime

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from articles.models import Article
from quotedb.fingerprints import fingerprint
from speakers.models import Role, Speaker

SEARCH_CONFIG = "english"


#: How deep topics may nest; quote filters expand a topic to its subtopics in a single query.
MAX_TOPIC_DEPTH = 4


class TopicQuerySet(models.QuerySet):
    def with_descendants(self) -> "TopicQuerySet":
        """These topics and every topic below them, as one lazy queryset (no query of its own)."""
        condition = Q(pk__in=self.values("pk"))
        lookup = "parent"
        for _ in range(MAX_TOPIC_DEPTH - 1):
            condition |= Q(**{f"{lookup}__in": self.values("pk")})
            lookup += "__parent"
        return Topic.objects.filter(condition)


class Topic(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    description = models.TextField(blank=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="topic_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        ancestor, depth = self.parent, 1
        while ancestor is not None:
            if self.pk is not None and ancestor.pk == self.pk:
                raise ValidationError({"parent": "A topic cannot sit below itself."})
            depth += 1
            if depth > MAX_TOPIC_DEPTH:
                raise ValidationError(
                    {"parent": f"Topics nest at most {MAX_TOPIC_DEPTH} levels deep."}
                )
            ancestor = ancestor.parent


class QuoteKind(models.TextChoices):
    DIRECT = "direct", "Direct (verbatim)"
    INDIRECT = "indirect", "Indirect (reported)"
    MIXED = "mixed", "Mixed (partly verbatim)"


class QuoteStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class QuoteOrigin(models.TextChoices):
    MANUAL = "manual", "Entered by hand"
    EXTRACTED = "extracted", "Extracted from the article"
    IMPORTED = "imported", "Imported"


class QuoteQuerySet(models.QuerySet):
    def approved(self) -> "QuoteQuerySet":
        return self.filter(status=QuoteStatus.APPROVED)

    def proposed(self) -> "QuoteQuerySet":
        return self.filter(status=QuoteStatus.PROPOSED)

    def visible_to(self, user) -> "QuoteQuerySet":
        """Curators and staff see every status; everyone else sees approved quotes only."""
        from quotedb.access import can_see_all_quotes

        return self if can_see_all_quotes(user) else self.approved()

    def by_speakers(self, speakers) -> "QuoteQuerySet":
        return self.filter(speaker__in=speakers)

    def said_between(
        self, after: datetime.date | None = None, before: datetime.date | None = None
    ) -> "QuoteQuerySet":
        queryset = self
        if after is not None:
            queryset = queryset.filter(said_on__gte=after)
        if before is not None:
            queryset = queryset.filter(said_on__lte=before)
        return queryset

    def about(self, topics) -> "QuoteQuerySet":
        """Quotes about any of `topics` or their subtopics."""
        expanded = Topic.objects.filter(pk__in=topics).with_descendants()
        return self.filter(
            pk__in=QuoteTopic.objects.filter(topic__in=expanded.values("pk")).values("quote_id")
        )

    def search(self, query: str) -> "QuoteQuerySet":
        """Full text: web-search syntax over the stored tsvector on PostgreSQL; on SQLite,
        every word must occur (case-insensitive contains)."""
        if connection.vendor == "postgresql":
            search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
            return self.filter(search_vector=search_query).annotate(
                relevance=SearchRank(F("search_vector"), search_query)
            )
        words = query.replace('"', " ").split()
        queryset = self
        for word in words:
            if word.lower() == "or" or word.startswith("-"):
                continue
            queryset = queryset.filter(text__icontains=word)
        return queryset.annotate(relevance=models.Value(1.0, output_field=models.FloatField()))

    def with_related(self) -> "QuoteQuerySet":
        """Everything a quote list shows, in a fixed number of queries whatever the page size."""
        # The stored tsvector is the widest column and no response shows it.
        queryset = self.defer("search_vector")
        return queryset.select_related("speaker", "article__outlet", "relayed_by").prefetch_related(
            "topics",
            models.Prefetch(
                "speaker__held_roles",
                queryset=Role.objects.select_related("organization"),
            ),
        )


class Quote(models.Model):
    text = models.TextField(help_text="The statement, verbatim as the article prints it.")
    kind = models.CharField(max_length=10, choices=QuoteKind, default=QuoteKind.DIRECT)
    cue = models.CharField(max_length=100, blank=True, help_text='The cue verb: "said", "claimed".')
    speaker = models.ForeignKey(
        Speaker, on_delete=models.PROTECT, null=True, blank=True, related_name="quotes"
    )
    speaker_mention = models.CharField(
        max_length=300, blank=True, help_text='The speaker as printed: "The SNSC spokesman".'
    )
    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="quotes")
    start = models.PositiveIntegerField(
        null=True, blank=True, help_text="Character offset of the quote in the article body."
    )
    end = models.PositiveIntegerField(null=True, blank=True)
    said_on = models.DateField(
        blank=True, help_text="When it was said; defaults to the article's publication date."
    )
    topics = models.ManyToManyField(Topic, through="QuoteTopic", blank=True, related_name="quotes")
    language = models.CharField(max_length=16, blank=True, default="en")
    original_text = models.TextField(
        blank=True, help_text="The statement in its original language when `text` is a translation."
    )
    status = models.CharField(max_length=10, choices=QuoteStatus, default=QuoteStatus.PROPOSED)
    origin = models.CharField(max_length=10, choices=QuoteOrigin, default=QuoteOrigin.MANUAL)
    confidence = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text="How sure extraction or import was, 0 to 1; empty for quotes entered by hand.",
    )
    relayed_by = models.ForeignKey(
        Speaker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="relayed_quotes",
        help_text='Who passed it on, for second-hand reports ("according to Press TV").',
    )
    fingerprint = models.CharField(max_length=40, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    import_key = models.CharField(
        max_length=100,
        blank=True,
        editable=False,
        help_text="The source's own id for imported quotes (Quotebank's quoteID): re-imports "
        "update the same row instead of adding another.",
    )
    history = HistoricalRecords(excluded_fields=["search_vector"])

    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = ["-said_on", "-id"]
        permissions = [
            ("approve_quote", "Can approve or reject quotes"),
            ("view_all_quotes", "Can see proposed and rejected quotes"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=QuoteKind.values), name="quote_kind_valid"),
            models.CheckConstraint(
                condition=Q(status__in=QuoteStatus.values), name="quote_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(origin__in=QuoteOrigin.values), name="quote_origin_valid"
            ),
            models.CheckConstraint(
                condition=Q(confidence__isnull=True) | Q(confidence__gte=0, confidence__lte=1),
                name="quote_confidence_between_0_and_1",
            ),
            models.CheckConstraint(
                condition=Q(start__isnull=True, end__isnull=True)
                | Q(start__isnull=False, end__isnull=False, end__gt=F("start")),
                name="quote_span_ordered",
            ),
            models.UniqueConstraint(
                fields=["article", "start", "end"],
                condition=Q(start__isnull=False),
                name="quote_unique_span_per_article",
            ),
            models.UniqueConstraint(
                fields=["import_key"], condition=~Q(import_key=""), name="quote_import_key_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["-said_on", "-id"], name="quote_said_on_idx"),
            models.Index(fields=["status", "-said_on", "-id"], name="quote_status_said_on_idx"),
            models.Index(fields=["speaker", "-said_on", "-id"], name="quote_speaker_said_on_idx"),
            models.Index(fields=["-created_at", "-id"], name="quote_created_idx"),
            models.Index(fields=["kind"], name="quote_kind_idx"),
            models.Index(fields=["language"], name="quote_language_idx"),
            models.Index(fields=["fingerprint"], name="quote_fingerprint_idx"),
            # Created on PostgreSQL only (see quotedb.db.PostgresOnlyAddIndex in the migration).
            GinIndex(fields=["search_vector"], name="quote_search_vector_gin"),
        ]

    def __str__(self) -> str:
        who = self.speaker.name if self.speaker_id else (self.speaker_mention or "Unknown speaker")
        text = self.text if len(self.text) <= 80 else self.text[:77] + "…"
        return f"{who}: “{text}”"

    def save(self, *args, **kwargs) -> None:
        if not self.text and self.start is not None and self.end is not None:
            self.text = self.article.body[self.start : self.end]
        if self.said_on is None and self.article_id:
            self.said_on = self.article.published_on
        self.fingerprint = fingerprint(self.text)
        if update_fields := kwargs.get("update_fields"):
            kwargs["update_fields"] = {*update_fields, "fingerprint"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("api:quote-detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        if (self.start is None) != (self.end is None):
            raise ValidationError({"end": "Give both start and end offsets, or neither."})
        if self.said_on is None and self.article_id and self.article.published_on is None:
            raise ValidationError(
                {"said_on": "The article has no publication date: give the date it was said."}
            )
        if self.start is None or not self.article_id:
            return
        body = self.article.body
        if self.end <= self.start:
            raise ValidationError({"end": "The end offset must come after the start offset."})
        if self.end > len(body):
            raise ValidationError({"end": f"The article body has only {len(body)} characters."})
        if self.text and body[self.start : self.end] != self.text:
            raise ValidationError(
                {"start": "The offsets do not point at this text in the article body."}
            )

    @property
    def context(self) -> str:
        """The paragraph of the article that holds the quote."""
        if self.start is None:
            return ""
        start, end = self.article.paragraph_around(self.start, self.end)
        return self.article.body[start:end].strip()


class QuoteTopic(models.Model):
    """A quote is about a topic (an explicit table, so both directions are indexed and named)."""

    quote = models.ForeignKey(Quote, on_delete=models.CASCADE)
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["quote", "topic"], name="quote_topic_unique"),
        ]
        indexes = [models.Index(fields=["topic", "quote"], name="quote_topic_topic_idx")]

    def __str__(self) -> str:
        return f"{self.quote_id} – {self.topic}"


class QuoteListQuerySet(models.QuerySet):
    def published(self) -> "QuoteListQuerySet":
        return self.filter(is_published=True)


class QuoteList(models.Model):
    """A curated, ordered list of quotes for a report, embeddable once published."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="quote_lists"
    )
    is_published = models.BooleanField(
        default=False,
        help_text="Published lists are public; their approved quotes can be embedded.",
    )
    quotes = models.ManyToManyField(Quote, through="QuoteListItem", related_name="lists")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuoteListQuerySet.as_manager()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class QuoteListItem(models.Model):
    quote_list = models.ForeignKey(QuoteList, on_delete=models.CASCADE, related_name="items")
    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="list_items")
    position = models.PositiveIntegerField(default=0)
    note = models.TextField(blank=True, help_text="The curator's note shown with the quote.")

    class Meta:
        ordering = ["quote_list", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["quote_list", "quote"], name="quote_list_item_unique"),
        ]
        indexes = [
            models.Index(fields=["quote_list", "position"], name="quote_list_item_order_idx")
        ]

    def __str__(self) -> str:
        return f"{self.quote_list}: #{self.position}"


class ProposedQuote(Quote):
    """The review queue: the same rows as Quote, shown to curators with their own admin."""

    class Meta:
        proxy = True
        verbose_name = "proposed quote"
        verbose_name_plural = "review queue"
        ordering = [F("confidence").desc(nulls_last=True), "-id"]
