"""Who speaks: speakers (people, organisations, media, groups), their aliases and roles."""

import datetime

from django.contrib.postgres.indexes import GinIndex
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from speakers.names import normalize_name

wikidata_id_validator = RegexValidator(r"^Q[1-9][0-9]*$", "A Wikidata id looks like Q123.")
country_code_validator = RegexValidator(
    r"^[A-Z]{2}$", "Use an ISO 3166-1 alpha-2 country code in capitals, such as IR or US."
)


def is_database_id(value: str) -> bool:
    """An id the database can hold: ASCII digits ("²" is a digit to str.isdigit) within 63 bits."""
    return value.isascii() and value.isdigit() and int(value) < 2**63


class SpeakerKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANIZATION = "organization", "Organization"
    MEDIA = "media", "Media"
    GROUP = "group", "Unnamed group"


class SpeakerQuerySet(models.QuerySet):
    def named(self, name: str) -> "SpeakerQuerySet":
        """Speakers whose name or any alias matches `name`, ignoring case, accents, punctuation."""
        normalized = normalize_name(name)
        if not normalized:
            return self.none()
        return self.filter(
            Q(normalized_name=normalized) | Q(aliases__normalized=normalized)
        ).distinct()

    def by_slug_or_id(self, values: list[str]) -> "SpeakerQuerySet":
        """Speakers by slug, numeric id, or a slug they had before a merge."""
        ids = [int(v) for v in values if is_database_id(v)]
        slugs = [v for v in values if not is_database_id(v)]
        return self.filter(
            Q(pk__in=ids) | Q(slug__in=slugs) | Q(slug_redirects__old_slug__in=slugs)
        ).distinct()

    def holding(self, *, title: str, organization: "Speaker | None" = None, on: datetime.date):
        """People who held `title` (in `organization`, when given) on the day `on`."""
        roles = Role.objects.held_on(on).titled(title)
        if organization is not None:
            roles = roles.filter(organization=organization)
        return self.filter(pk__in=roles.values("person_id"))


class Speaker(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=SpeakerKind, default=SpeakerKind.PERSON)
    description = models.TextField(blank=True)
    country = models.CharField(
        max_length=2,
        blank=True,
        validators=[country_code_validator],
        help_text="ISO 3166-1 alpha-2",
    )
    wikidata_id = models.CharField(
        "Wikidata id", max_length=20, blank=True, validators=[wikidata_id_validator]
    )
    normalized_name = models.CharField(max_length=200, editable=False, db_index=True)
    is_proposed = models.BooleanField(
        default=False,
        help_text="Created by automatic extraction and not yet confirmed by a curator.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=SpeakerKind.values), name="speaker_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(wikidata_id="") | Q(wikidata_id__regex=r"^Q[1-9][0-9]*$"),
                name="speaker_wikidata_id_format",
            ),
            models.CheckConstraint(
                condition=Q(country="") | Q(country__regex=r"^[A-Z][A-Z]$"),
                name="speaker_country_format",
            ),
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~Q(wikidata_id=""),
                name="speaker_wikidata_id_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["kind"], name="speaker_kind_idx"),
            models.Index(fields=["country"], name="speaker_country_idx"),
            GinIndex(
                fields=["normalized_name"], opclasses=["gin_trgm_ops"], name="speaker_name_trgm_gin"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.normalized_name = normalize_name(self.name)
        if (update_fields := kwargs.get("update_fields")) and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "normalized_name"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("api:speaker-detail", kwargs={"slug": self.slug})

    def role_on(self, day: datetime.date | None) -> "Role | None":
        """The role held on `day`, from prefetched roles when there are any (no query per row):
        the latest start among those held on the day, the first created among equals."""
        if day is None:
            return None
        held = [role for role in self.held_roles.all() if role.was_held_on(day)]
        return min(
            held,
            key=lambda role: (-(role.start_on or datetime.date.min).toordinal(), role.pk),
            default=None,
        )


class SlugRedirect(models.Model):
    """A slug a speaker had before it was merged into another, so old links keep working."""

    old_slug = models.SlugField(max_length=200, unique=True)
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="slug_redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.speaker.slug}"


class Alias(models.Model):
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name_plural = "aliases"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["speaker", "normalized"], name="alias_normalized_unique_per_speaker"
            ),
            models.CheckConstraint(condition=~Q(normalized=""), name="alias_not_blank"),
        ]
        indexes = [
            models.Index(fields=["normalized"], name="alias_normalized_idx"),
            # Substring and fuzzy name search; built on PostgreSQL only (pg_trgm).
            GinIndex(fields=["normalized"], opclasses=["gin_trgm_ops"], name="alias_trgm_gin"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.normalized = normalize_name(self.name)
        super().save(*args, **kwargs)


class RoleQuerySet(models.QuerySet):
    def held_on(self, day: datetime.date) -> "RoleQuerySet":
        return self.filter(Q(start_on__isnull=True) | Q(start_on__lte=day)).filter(
            Q(end_on__isnull=True) | Q(end_on__gte=day)
        )

    def titled(self, title: str) -> "RoleQuerySet":
        return self.filter(normalized_title=normalize_name(title))


class Role(models.Model):
    """A person holding a title in an organisation between two dates (end open while in office)."""

    person = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="held_roles")
    title = models.CharField(max_length=200)
    normalized_title = models.CharField(max_length=200, editable=False, db_index=True)
    organization = models.ForeignKey(
        Speaker,
        on_delete=models.PROTECT,
        related_name="member_roles",
        limit_choices_to={"kind": SpeakerKind.ORGANIZATION},
    )
    start_on = models.DateField(null=True, blank=True)
    end_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    objects = RoleQuerySet.as_manager()

    class Meta:
        ordering = ["-start_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_on__isnull=True)
                | Q(start_on__isnull=True)
                | Q(end_on__gte=models.F("start_on")),
                name="role_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(person=models.F("organization")), name="role_not_self_held"
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "normalized_title"], name="role_org_title_idx")
        ]

    def __str__(self) -> str:
        return f"{self.title}, {self.organization}"

    def save(self, *args, **kwargs) -> None:
        self.normalized_title = normalize_name(self.title)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.organization_id and self.organization.kind != SpeakerKind.ORGANIZATION:
            raise ValidationError(
                {"organization": "The organization must be a speaker of kind organization."}
            )

    def was_held_on(self, day: datetime.date) -> bool:
        return (self.start_on is None or self.start_on <= day) and (
            self.end_on is None or day <= self.end_on
        )
