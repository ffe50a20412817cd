"""Where statements were reported: outlets and the source articles they published."""

import hashlib

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from speakers.models import Speaker, country_code_validator


class Outlet(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    short_name = models.CharField(max_length=50, blank=True, help_text='Such as "MNA".')
    domain = models.CharField(max_length=200, blank=True, help_text='Such as "en.mehrnews.com".')
    country = models.CharField(max_length=2, blank=True, validators=[country_code_validator])
    language = models.CharField(max_length=16, blank=True, help_text="BCP 47, such as en or fa")
    speaker = models.OneToOneField(
        Speaker,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="outlet",
        help_text='The speaker that stands for this outlet when it is cited ("Press TV reported").',
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["domain"], condition=~Q(domain=""), name="outlet_domain_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.short_name})" if self.short_name else self.name


class ArticleQuerySet(models.QuerySet):
    def published_between(self, after=None, before=None) -> "ArticleQuerySet":
        queryset = self
        if after is not None:
            queryset = queryset.filter(published_on__gte=after)
        if before is not None:
            queryset = queryset.filter(published_on__lte=before)
        return queryset


class Article(models.Model):
    outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, null=True, blank=True, related_name="articles"
    )
    url = models.URLField("canonical URL", max_length=1000, blank=True)
    title = models.CharField(max_length=500)
    byline = models.CharField(max_length=300, blank=True)
    dateline = models.CharField(max_length=200, blank=True, help_text='Such as "TEHRAN".')
    published_on = models.DateField(null=True, blank=True)
    language = models.CharField(max_length=16, blank=True, default="en")
    external_id = models.CharField(
        max_length=100, blank=True, help_text='The outlet\'s own id, such as "198808".'
    )
    body = models.TextField(help_text="Cleaned body text; quote offsets index into it.")
    content_hash = models.CharField(max_length=64, editable=False, db_index=True)
    retrieved_at = models.DateTimeField(null=True, blank=True)
    archive_url = models.URLField(max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["body"])

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="article_url_unique"
            ),
            models.UniqueConstraint(
                fields=["outlet", "external_id"],
                condition=~Q(external_id=""),
                name="article_external_id_unique_per_outlet",
            ),
        ]
        indexes = [
            models.Index(fields=["published_on"], name="article_published_on_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.content_hash = self.hash_body(self.body)
        super().save(*args, **kwargs)

    @staticmethod
    def hash_body(body: str) -> str:
        return hashlib.sha256(body.encode("utf-8")).hexdigest()

    def paragraph_around(self, start: int, end: int) -> tuple[int, int]:
        """Offsets of the paragraph (blank-line separated) that holds [start, end)."""
        return self.paragraph_bounds(self.body, start, end)

    @staticmethod
    def paragraph_bounds(body: str, start: int, end: int) -> tuple[int, int]:
        paragraph_start = body.rfind("\n\n", 0, start)
        paragraph_start = 0 if paragraph_start == -1 else paragraph_start + 2
        paragraph_end = body.find("\n\n", end)
        paragraph_end = len(body) if paragraph_end == -1 else paragraph_end
        return paragraph_start, paragraph_end
