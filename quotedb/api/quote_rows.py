"""Quote lists read as plain rows: the list representation without model instances.

Lists are most of the API's traffic, and building five model instances per quote (quote,
speaker, article, outlet, relaying speaker) plus prefetched topics and roles was most of a
list request's time. This reads the same data with values() in the same three queries and
builds exactly what QuoteSerializer.to_representation builds (a test keeps them identical).
"""

import datetime
from collections import defaultdict

from django.urls import reverse
from rest_framework import serializers

from articles.models import Article
from quotedb.models import QuoteTopic
from speakers.models import Role

QUOTE_COLUMNS = (
    "id",
    "text",
    "kind",
    "cue",
    "speaker_mention",
    "said_on",
    "start",
    "end",
    "language",
    "original_text",
    "status",
    "origin",
    "confidence",
    "created_at",
    "updated_at",
    "speaker_id",
    "speaker__slug",
    "speaker__name",
    "speaker__kind",
    "speaker__wikidata_id",
    "article_id",
    "article__title",
    "article__url",
    "article__published_on",
    "article__external_id",
    "article__body",
    "article__outlet__name",
    "article__outlet__slug",
    "relayed_by_id",
    "relayed_by__slug",
    "relayed_by__name",
)

_timestamp = serializers.DateTimeField().to_representation


def quote_rows_queryset(queryset):
    """`queryset` (filtered, not yet paged) as rows of the columns a list shows."""
    columns = list(QUOTE_COLUMNS)
    if "relevance" in queryset.query.annotations:
        columns.append("relevance")
    return queryset.values(*columns)


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _role_label(roles: list[tuple], day: datetime.date | None) -> str | None:
    """The role held on `day`, as Speaker.role_on picks it (latest start among those held)."""
    if day is None:
        return None
    held = [
        role
        for role in roles
        if (role[2] is None or role[2] <= day) and (role[3] is None or day <= role[3])
    ]
    if not held:
        return None
    title, organization, _, _ = max(held, key=lambda role: role[2] or datetime.date.min)
    return f"{title}, {organization}"


def quote_rows_represent(rows: list[dict], *, request=None) -> list[dict]:
    """The API representation of each row, with topics and roles in one query each."""
    quote_ids = [row["id"] for row in rows]
    speaker_ids = {row["speaker_id"] for row in rows if row["speaker_id"] is not None}
    topics: dict[int, list[str]] = defaultdict(list)
    if quote_ids:
        for quote_id, slug in (
            QuoteTopic.objects.filter(quote_id__in=quote_ids)
            .order_by("topic__name", "topic_id")
            .values_list("quote_id", "topic__slug")
        ):
            topics[quote_id].append(slug)
    roles: dict[int, list[tuple]] = defaultdict(list)
    if speaker_ids:
        for person_id, *role in Role.objects.filter(person_id__in=speaker_ids).values_list(
            "person_id", "title", "organization__name", "start_on", "end_on"
        ):
            roles[person_id].append(tuple(role))
    detail_path = reverse("api:quote-detail", kwargs={"pk": 0}).removesuffix("0/")
    base = request.build_absolute_uri(detail_path) if request is not None else detail_path
    represented = []
    for row in rows:
        said_on = row["said_on"]
        speaker = None
        if row["speaker_id"] is not None:
            speaker = {
                "id": row["speaker_id"],
                "slug": row["speaker__slug"],
                "name": row["speaker__name"],
                "kind": row["speaker__kind"],
                "wikidata_id": row["speaker__wikidata_id"],
                "role": _role_label(roles[row["speaker_id"]], said_on),
            }
        start, end = row["start"], row["end"]
        context = ""
        if start is not None:
            body = row["article__body"]
            paragraph_start, paragraph_end = Article.paragraph_bounds(body, start, end)
            context = body[paragraph_start:paragraph_end].strip()
        represented.append(
            {
                "id": row["id"],
                "url": f"{base}{row['id']}/",
                "text": row["text"],
                "kind": row["kind"],
                "cue": row["cue"],
                "speaker": speaker,
                "speaker_mention": row["speaker_mention"],
                "said_on": _iso(said_on),
                "article": {
                    "id": row["article_id"],
                    "title": row["article__title"],
                    "outlet": row["article__outlet__name"],
                    "outlet_slug": row["article__outlet__slug"],
                    "url": row["article__url"],
                    "published_on": _iso(row["article__published_on"]),
                    "external_id": row["article__external_id"],
                },
                "span": [start, end] if start is not None else None,
                "context": context,
                "topics": topics.get(row["id"], []),
                "language": row["language"],
                "original_text": row["original_text"],
                "relayed_by": (
                    {
                        "id": row["relayed_by_id"],
                        "slug": row["relayed_by__slug"],
                        "name": row["relayed_by__name"],
                    }
                    if row["relayed_by_id"] is not None
                    else None
                ),
                "status": row["status"],
                "origin": row["origin"],
                "confidence": row["confidence"],
                "created_at": _timestamp(row["created_at"]),
                "updated_at": _timestamp(row["updated_at"]),
            }
        )
    return represented
