"""Reads for reports: public quotes by the API's filters, published lists, speaker statistics."""

import datetime
from dataclasses import dataclass
from types import SimpleNamespace

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch
from django.db.models.functions import TruncMonth
from django.http import Http404
from django_filters.utils import translate_validation

from quotedb.api.filters import QuoteFilterSet
from quotedb.api.pagination import KeysetCursorPagination
from quotedb.api.serializers import QuoteSerializer
from quotedb.models import Quote, QuoteList, QuoteListItem, QuoteStatus, QuoteTopic, Topic
from speakers.models import Role, Speaker

# A curated list is read whole; this only stops a runaway list from becoming a runaway page.
LIST_MAX_ITEMS = 1000


def public_quotes_matching(params, *, request=None):
    """Approved quotes that match the API's quote filters, in the order asked for.

    Raises DRF's ValidationError (a 400 naming the parameter) for bad filters.
    """
    filterset = QuoteFilterSet(
        params, queryset=Quote.objects.approved().with_related(), request=request
    )
    if not filterset.is_valid():
        raise translate_validation(filterset.errors)
    # The paginator's own rule for the default and relevance orderings, from plain parameters.
    ordering = KeysetCursorPagination().ordering_name(SimpleNamespace(query_params=params))
    return filterset.qs.order_by(*KeysetCursorPagination.orderings[ordering].order_by())


def export_max_rows() -> int:
    return getattr(settings, "QUOTEDB_EXPORT_MAX_ROWS", 10_000)


class ExportPagination(KeysetCursorPagination):
    """The API's keyset cursors, forward only, with pages of QUOTEDB_EXPORT_MAX_ROWS: an export
    returns every matching quote up to that cap, and a Link header continues past it."""

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.page_size = export_max_rows()
        self.ordering = self.ordering_name(request)
        self.keyset = self.orderings[self.ordering]
        if raw_cursor := request.query_params.get(self.cursor_query_param):
            value, pk, _ = self.decode_cursor(raw_cursor)
            queryset = queryset.filter(self.keyset.after(value, pk))
        rows = list(queryset.order_by(*self.keyset.order_by())[: self.page_size + 1])
        self.has_next, self.has_previous = len(rows) > self.page_size, False
        self.rows = rows[: self.page_size]
        return self.rows


class UrlBase:
    """Stands in for a request when quotes are serialized outside one (the export command):
    the serializer only needs it to make absolute URLs."""

    def __init__(self, base_url: str):
        self.base_url = base_url.rstrip("/")
        self.user = None
        self.GET: dict = {}  # DRF looks here for a ?format= to carry into links

    def build_absolute_uri(self, location: str = "/") -> str:
        return self.base_url + location


def quote_data(quotes, *, request) -> list[dict]:
    """Quotes in the API's JSON shape, which every report renderer reads."""
    # QuoteSerializer builds its representation directly (no nested serializer per quote), so
    # thousands of quotes export quickly.
    return list(QuoteSerializer(quotes, many=True, context={"request": request}).data)


def published_list(slug: str) -> QuoteList:
    quote_list = QuoteList.objects.published().filter(slug=slug).first()
    if quote_list is None:
        raise Http404("No published list has this slug.")
    return quote_list


def list_items(quote_list: QuoteList) -> list[QuoteListItem]:
    """The list's approved quotes in the curator's order, each with everything a report shows."""
    return list(
        QuoteListItem.objects.filter(quote_list=quote_list, quote__status=QuoteStatus.APPROVED)
        .select_related("quote__speaker", "quote__article__outlet", "quote__relayed_by")
        .prefetch_related(
            "quote__topics",
            Prefetch(
                "quote__speaker__held_roles", queryset=Role.objects.select_related("organization")
            ),
        )
        .order_by("position", "id")[:LIST_MAX_ITEMS]
    )


def list_report(quote_list: QuoteList, *, request) -> dict:
    """A published list as report data: title, description and quotes with the curator's notes."""
    items = list_items(quote_list)
    quotes = quote_data([item.quote for item in items], request=request)
    for quote, item in zip(quotes, items, strict=True):
        quote["note"] = item.note
    return {
        "title": quote_list.title,
        "slug": quote_list.slug,
        "description": quote_list.description,
        "next": None,
        "previous": None,
        "results": quotes,
    }


def public_speaker(slug: str) -> Speaker:
    """A speaker by slug (or a slug it had before a merge), with its roles."""
    speaker = (
        Speaker.objects.filter(pk__in=Speaker.objects.by_slug_or_id([slug]).values("pk"))
        .prefetch_related(
            Prefetch("held_roles", queryset=Role.objects.select_related("organization"))
        )
        .first()
    )
    if speaker is None:
        raise Http404("No speaker has this slug.")
    return speaker


@dataclass(frozen=True)
class MonthCount:
    month: datetime.date
    count: int


# The timeline covers at least a year and at most ten, ending with the speaker's latest quote.
TIMELINE_MIN_MONTHS = 12
TIMELINE_MAX_MONTHS = 120


def speaker_quotes_per_month(speaker: Speaker) -> list[MonthCount]:
    """Approved quotes per month, with empty months filled in so the timeline is to scale."""
    counts = {
        row["month"]: row["count"]
        for row in Quote.objects.approved()
        .filter(speaker=speaker)
        .annotate(month=TruncMonth("said_on"))
        .values("month")
        .annotate(count=Count("id"))
        .order_by("month")
    }
    if not counts:
        return []
    months = sorted(counts)
    last = months[-1]
    first = max(months[0], _add_months(last, -(TIMELINE_MAX_MONTHS - 1)))
    first = min(first, _add_months(last, -(TIMELINE_MIN_MONTHS - 1)))
    timeline, month = [], first
    while month <= last:
        timeline.append(MonthCount(month=month, count=counts.get(month, 0)))
        month = _add_months(month, 1)
    return timeline


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def speaker_topic_breakdown(speaker: Speaker) -> list[Topic]:
    """Topics of the speaker's approved quotes, most quoted first (annotated `quote_count`)."""
    return list(
        Topic.objects.filter(quotes__speaker=speaker, quotes__status=QuoteStatus.APPROVED)
        .annotate(quote_count=Count("quotes", distinct=True))
        .order_by("-quote_count", "name")
    )


# EXISTS per speaker or topic walks the (speaker, said_on) and (topic, quote) indexes, where
# "id IN (approved quotes)" would read every approved quote.
def speakers_with_public_quotes():
    approved = Quote.objects.approved().filter(speaker=OuterRef("pk"))
    return Speaker.objects.filter(Exists(approved)).order_by("name")


def topics_with_public_quotes():
    approved = QuoteTopic.objects.filter(topic=OuterRef("pk"), quote__status=QuoteStatus.APPROVED)
    return Topic.objects.filter(Exists(approved)).order_by("name")
