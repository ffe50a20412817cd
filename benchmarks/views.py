"""The yardstick for the API: the same quote list as values() rows dumped with orjson."""

import datetime

import orjson
from django.http import HttpResponse

from quotedb.models import Quote, QuoteTopic, Topic

FIELDS = [
    "id",
    "text",
    "kind",
    "cue",
    "speaker_id",
    "speaker__slug",
    "speaker__name",
    "speaker_mention",
    "said_on",
    "article_id",
    "article__title",
    "article__url",
    "article__outlet__name",
    "status",
    "origin",
    "confidence",
]


def quote_list(request):
    """Approved quotes, newest first, 25 a page; speaker, said_after/before, topic and q."""
    params = request.GET
    quotes = Quote.objects.approved()
    if speaker := params.get("speaker"):
        quotes = quotes.filter(speaker__slug=speaker)
    if after := params.get("said_after"):
        quotes = quotes.filter(said_on__gte=datetime.date.fromisoformat(after))
    if before := params.get("said_before"):
        quotes = quotes.filter(said_on__lte=datetime.date.fromisoformat(before))
    if topic := params.get("topic"):
        quotes = quotes.about(Topic.objects.filter(slug=topic))
    if q := params.get("q"):
        quotes = quotes.search(q)
    rows = list(quotes.order_by("-said_on", "-id").values(*FIELDS)[:25])
    topics: dict[int, list[str]] = {}
    for quote_id, slug in QuoteTopic.objects.filter(
        quote_id__in=[row["id"] for row in rows]
    ).values_list("quote_id", "topic__slug"):
        topics.setdefault(quote_id, []).append(slug)
    for row in rows:
        row["topics"] = topics.get(row["id"], [])
    return HttpResponse(orjson.dumps({"results": rows}), content_type="application/json")
