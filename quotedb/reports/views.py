"""Report views: exports, curated lists, embed pages, oEmbed, the builder and speaker pages."""

import math
from urllib.parse import urlencode, urlsplit

from django.http import Http404, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.urls import Resolver404, resolve, reverse
from django.utils.csp import CSP
from django.utils.html import format_html
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_GET
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from quotedb.api.serializers import QuoteSerializer
from quotedb.api.views import QUOTE_PARAMETERS
from quotedb.models import Quote, QuoteKind, QuoteList
from quotedb.reports import selectors
from quotedb.reports.renderers import (
    REPORT_RENDERERS,
    SNIPPET_CSS_HASH,
    error_text,
    render_html,
    render_markdown,
    safe_url,
)

# --- security headers -----------------------------------------------------------------------

# Embeds are the only responses other sites may frame. They need no script at all, and no
# style but the snippet's own stylesheet, pinned by its hash.
EMBED_CSP = {
    "default-src": [CSP.NONE],
    "style-src": [SNIPPET_CSS_HASH],
    "img-src": [CSP.SELF, "data:"],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.NONE],
    "frame-ancestors": ["*"],
}
# The builder and speaker pages: our own script and stylesheet only, and never framed.
PAGE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, SNIPPET_CSS_HASH],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}


def embeddable(view):
    """May be framed by any site (X-Frame-Options off, CSP frame-ancestors *)."""
    return xframe_options_exempt(csp_override(EMBED_CSP)(view))


def public_page(view):
    return csp_override(PAGE_CSP)(view)


# Filters the builder offers; the other API filters work in every URL but have no form field.
BUILDER_FILTERS = ["speaker", "topic", "said_after", "said_before", "kind"]
# Parameters that steer the response rather than choose quotes.
NOT_FILTERS = {"format", "cursor", "page_size", "partial"}
PREVIEW_SIZE = 25
EMBED_DEFAULT_SIZE = 25
EMBED_MAX_SIZE = 100


def filter_query(params) -> str:
    """The query string of the quote filters in `params`, without empty or steering ones."""
    pairs = [
        (key, value)
        for key in params
        if key not in NOT_FILTERS
        for value in params.getlist(key)
        if value.strip()
    ]
    return urlencode(pairs)


def with_query(path: str, query: str) -> str:
    return f"{path}?{query}" if query else path


def embed_size(params) -> int:
    raw = params.get("page_size") or ""
    if not raw:
        return EMBED_DEFAULT_SIZE
    if not raw.isdigit() or not 1 <= int(raw) <= EMBED_MAX_SIZE:
        raise ValidationError(
            {"page_size": [f"Must be a whole number from 1 to {EMBED_MAX_SIZE}."]}
        )
    return int(raw)


# --- exports and list API (DRF, so ?format= and Accept choose the renderer) -----------------


ERROR = OpenApiResponse(
    OpenApiTypes.OBJECT, description="The body names what was wrong (in the format asked for)."
)


def report_responses(json_response) -> dict:
    """OpenAPI responses of an endpoint with every report format: JSON as declared, JSON-LD and
    CSL-JSON as JSON of their own standards, the text formats as text."""
    text = {"type": "string"}
    responses = {
        (200, "application/json"): json_response,
        (200, "application/ld+json"): {"type": "object"},
        (200, "application/vnd.citationstyles.csl+json"): {"type": "array", "items": {}},
    }
    for media_type in ("text/html", "text/markdown", "text/csv"):
        responses[(200, media_type)] = text
    for media_type in ("application/rss+xml", "application/atom+xml"):
        responses[(200, media_type)] = text
    for status in (400, 404):
        for renderer in [JSONRenderer, *REPORT_RENDERERS]:
            is_json = renderer is JSONRenderer or renderer.is_json
            responses[(status, renderer.media_type)] = ERROR if is_json else text
    return responses


class QuoteExportSerializer(serializers.Serializer):
    """An export as JSON: every matching quote up to the cap, and where to continue."""

    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = QuoteSerializer(many=True)


class QuoteExportView(APIView):
    """Every approved quote matching the API's quote filters, in any report format.

    Up to QUOTEDB_EXPORT_MAX_ROWS quotes per response; when more match, a `Link: <…>;
    rel="next"` header (and `next` in JSON) continues from where this one stopped.
    """

    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer, *REPORT_RENDERERS]

    @extend_schema(
        operation_id="reports_quotes_export",
        parameters=QUOTE_PARAMETERS,
        responses=report_responses(QuoteExportSerializer),
    )
    def get(self, request):
        quotes = selectors.public_quotes_matching(request.query_params, request=request)
        paginator = selectors.ExportPagination()
        page = paginator.paginate_queryset(quotes, request, view=self)
        data = {
            "next": paginator.get_next_link(),
            "previous": None,
            "results": selectors.quote_data(page, request=request),
        }
        response = Response(data)
        if request.accepted_renderer.format in ("csv", "md", "csl", "jsonld"):
            extension = {"jsonld": "jsonld", "csl": "json"}.get(
                request.accepted_renderer.format, request.accepted_renderer.format
            )
            response["Content-Disposition"] = f'inline; filename="quotes.{extension}"'
        return response


class QuoteListReportSerializer(serializers.Serializer):
    """A published list as JSON: its title and description, and its quotes with notes."""

    title = serializers.CharField()
    slug = serializers.SlugField()
    description = serializers.CharField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = QuoteSerializer(many=True)


class QuoteListSummarySerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="reports:list-detail", lookup_field="slug")
    embed_url = serializers.HyperlinkedIdentityField(
        view_name="reports:embed-list", lookup_field="slug"
    )

    class Meta:
        model = QuoteList
        fields = ["id", "slug", "title", "description", "url", "embed_url", "updated_at"]


@extend_schema_view(
    get=extend_schema(
        responses={200: QuoteListSummarySerializer(many=True), 400: ERROR, 404: ERROR}
    )
)
class QuoteListListView(generics.ListAPIView):
    """Published curated lists."""

    permission_classes = [AllowAny]
    serializer_class = QuoteListSummarySerializer
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer]

    def get_queryset(self):
        return QuoteList.objects.published().order_by("title", "pk")


class QuoteListDetailView(APIView):
    """One published list with its approved quotes in order, in JSON or any report format."""

    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer, *REPORT_RENDERERS]

    @extend_schema(responses=report_responses(QuoteListReportSerializer))
    def get(self, request, slug):
        return Response(selectors.list_report(selectors.published_list(slug), request=request))


# --- embed pages (framed by other sites) ----------------------------------------------------


def embed_page(request, *, title: str, snippet: str, status: int = 200) -> HttpResponse:
    return render(
        request,
        "reports/embed_page.html",
        {"title": title, "snippet": snippet},
        status=status,
    )


@require_GET
@embeddable
def embed_quotes(request):
    """The quotes of a query as an iframe-able page (first page_size, 25 by default)."""
    try:
        size = embed_size(request.GET)
        quotes = list(selectors.public_quotes_matching(request.GET, request=request)[:size])
    except ValidationError as error:
        snippet = format_html('<p class="qdb-error">{}</p>', error_text(error.detail))
        return embed_page(request, title="Quotes", snippet=snippet, status=400)
    data = selectors.quote_data(quotes, request=request)
    return embed_page(request, title="Quotes", snippet=render_html(data))


@require_GET
@embeddable
def embed_quote(request, pk: int):
    quote = get_object_or_404(Quote.objects.approved().with_related(), pk=pk)
    data = selectors.quote_data([quote], request=request)
    return embed_page(request, title=str(quote), snippet=render_html(data))


@require_GET
@embeddable
def embed_list(request, slug: str):
    report = selectors.list_report(selectors.published_list(slug), request=request)
    snippet = render_html(
        report["results"], title=report["title"], description=report["description"]
    )
    return embed_page(request, title=report["title"], snippet=snippet)


TIMELINE_WIDTH, TIMELINE_HEIGHT = 640, 220


@require_GET
@embeddable
def speaker_timeline_svg(request, slug: str):
    """Quotes per month as a bar chart, drawn on the server: an image any page can embed."""
    speaker = selectors.public_speaker(slug)
    months = selectors.speaker_quotes_per_month(speaker)
    return render(
        request,
        "reports/timeline.svg",
        {"speaker": speaker, "chart": timeline_chart(months)},
        content_type="image/svg+xml",
    )


def timeline_chart(months) -> dict:
    left, right, top, bottom = 36, 12, 34, 42
    plot_width = TIMELINE_WIDTH - left - right
    plot_height = TIMELINE_HEIGHT - top - bottom
    peak = max((m.count for m in months), default=0) or 1
    step = plot_width / max(len(months), 1)
    bar_width = min(max(step * 0.8, 1), 40)
    bars, labels = [], []
    # Labels at least 64 pixels apart, counted back from the latest month so it is always named.
    label_every = max(1, math.ceil(64 / step))
    for index, month in enumerate(months):
        height = plot_height * month.count / peak
        x = left + index * step + (step - bar_width) / 2
        bars.append(
            {
                "x": round(x, 1),
                "y": round(top + plot_height - height, 1),
                "width": round(bar_width, 1),
                "height": round(height, 1),
                "count": month.count,
                "month": month.month,
            }
        )
        if (len(months) - 1 - index) % label_every == 0:
            labels.append({"x": round(x + bar_width / 2, 1), "month": month.month})
    return {
        "width": TIMELINE_WIDTH,
        "height": TIMELINE_HEIGHT,
        "left": left,
        "right_edge": TIMELINE_WIDTH - right,
        "top": top,
        "baseline": top + plot_height,
        "label_y": top + plot_height + 16,
        "peak": peak,
        "bars": bars,
        "labels": labels,
        "total": sum(m.count for m in months),
    }


# --- oEmbed ---------------------------------------------------------------------------------

OEMBED_DEFAULT_WIDTH = 600


def _oembed_error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _positive_int(params, name: str) -> int | None:
    raw = params.get(name)
    if raw in (None, ""):
        return None
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(f"{name}: must be a positive whole number of pixels.")
    return int(raw)


def oembed_target(url: str, request) -> tuple[str, str, int, int] | None:
    """(embed path, title, width, height) for a QuoteDB URL that can be embedded, else None."""
    parts = urlsplit(url)
    own_host = urlsplit("//" + request.get_host()).hostname
    if parts.scheme not in ("http", "https") or parts.hostname != own_host:
        return None
    try:
        match = resolve(parts.path)
    except Resolver404:
        return None
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    params = QueryDict(parts.query)
    if name in ("reports:embed-quotes", "reports:builder", "reports:export", "api:quote-list"):
        try:
            shown = len(selectors.public_quotes_matching(params).values("pk")[:EMBED_MAX_SIZE])
        except ValidationError:
            return None
        path = with_query(reverse("reports:embed-quotes"), filter_query(params))
        return path, "Quotes from QuoteDB", OEMBED_DEFAULT_WIDTH, quotes_height(shown)
    if name in ("reports:embed-quote", "api:quote-detail"):
        quote = Quote.objects.approved().filter(pk=match.kwargs.get("pk")).first()
        if quote is None:
            return None
        path = reverse("reports:embed-quote", kwargs={"pk": quote.pk})
        return path, str(quote), OEMBED_DEFAULT_WIDTH, quotes_height(1)
    if name in ("reports:embed-list", "reports:list-detail", "reports:list-feed"):
        quote_list = QuoteList.objects.published().filter(slug=match.kwargs.get("slug")).first()
        if quote_list is None:
            return None
        shown = len(selectors.list_items(quote_list))
        path = reverse("reports:embed-list", kwargs={"slug": quote_list.slug})
        return path, quote_list.title, OEMBED_DEFAULT_WIDTH, quotes_height(shown) + 60
    if name in ("reports:speaker", "reports:speaker-timeline"):
        try:
            speaker = selectors.public_speaker(match.kwargs.get("slug", ""))
        except Http404:
            return None
        path = reverse("reports:speaker-timeline", kwargs={"slug": speaker.slug})
        return path, f"{speaker.name}: quotes per month", TIMELINE_WIDTH, TIMELINE_HEIGHT
    return None


def quotes_height(count: int) -> int:
    """Room for `count` quotes, within reason: the iframe scrolls beyond 800 pixels."""
    return max(160, min(800, 40 + 130 * count))


@require_GET
def oembed(request):
    """oEmbed 1.0 (https://oembed.com): a "rich" iframe for a QuoteDB query, quote or list."""
    response_format = request.GET.get("format") or "json"
    if response_format != "json":
        return _oembed_error(501, "Only format=json is supported.")
    url = (request.GET.get("url") or "").strip()
    if not url:
        return _oembed_error(400, "url: give the URL of a QuoteDB list, quote or query.")
    try:
        max_width = _positive_int(request.GET, "maxwidth")
        max_height = _positive_int(request.GET, "maxheight")
    except ValueError as error:
        return _oembed_error(400, str(error))
    target = oembed_target(url, request)
    if target is None:
        return _oembed_error(404, "url: not a QuoteDB list, quote or query that can be embedded.")
    path, title, width, height = target
    width = min(width, max_width) if max_width else width
    height = min(height, max_height) if max_height else height
    src = request.build_absolute_uri(path)
    html = format_html(
        '<iframe src="{}" width="{}" height="{}" title="{}" loading="lazy" frameborder="0" '
        'sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>',
        src,
        width,
        height,
        title,
    )
    return JsonResponse(
        {
            "version": "1.0",
            "type": "rich",
            "title": title,
            "provider_name": "QuoteDB",
            "provider_url": request.build_absolute_uri("/"),
            "cache_age": 3600,
            "html": str(html),
            "width": width,
            "height": height,
        }
    )


# --- public pages ---------------------------------------------------------------------------


def builder_results(request) -> dict:
    """The preview, embed code and Markdown for the builder's current choices."""
    query = filter_query(request.GET)
    context = {"query": query, "errors": None, "quotes": [], "has_choices": bool(query)}
    try:
        quotes = list(
            selectors.public_quotes_matching(request.GET, request=request)[: PREVIEW_SIZE + 1]
        )
    except ValidationError as error:
        context["errors"] = error_text(error.detail)
        return context
    data = selectors.quote_data(quotes[:PREVIEW_SIZE], request=request)
    embed_url = request.build_absolute_uri(with_query(reverse("reports:embed-quotes"), query))
    context.update(
        {
            "quotes": data,
            "has_more": len(quotes) > PREVIEW_SIZE,
            "preview": render_html(data),
            "markdown": render_markdown(data),
            "embed_url": embed_url,
            "embed_code": format_html(
                '<iframe src="{}" width="600" height="{}" title="Quotes from QuoteDB" '
                'loading="lazy" frameborder="0" '
                'sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>',
                embed_url,
                quotes_height(len(data)),
            ),
            "oembed_url": request.build_absolute_uri(
                reverse("reports:oembed") + "?" + urlencode({"url": embed_url})
            ),
            "exports": [
                (
                    label,
                    with_query(
                        reverse("reports:export"),
                        urlencode({"format": fmt}) + ("&" + query if query else ""),
                    ),
                )
                for label, fmt in [
                    ("CSV", "csv"),
                    ("Markdown", "md"),
                    ("JSON-LD", "jsonld"),
                    ("CSL-JSON", "csl"),
                    ("RSS", "rss"),
                    ("Atom", "atom"),
                ]
            ],
        }
    )
    return context


def builder_form(request) -> dict:
    chosen_speakers = set(request.GET.getlist("speaker"))
    return {
        "speakers": selectors.speakers_with_public_quotes(),
        "topics": selectors.topics_with_public_quotes(),
        "kinds": QuoteKind.choices,
        "chosen_speakers": chosen_speakers,
        "chosen": {name: request.GET.get(name, "") for name in BUILDER_FILTERS},
    }


@require_GET
@public_page
def report_builder(request):
    """Choose speakers, topic, dates and kind; see the quotes; copy the embed code or Markdown.
    A plain GET form, so it works without JavaScript; builder.js only makes it live."""
    results = builder_results(request)
    return render(
        request,
        "reports/builder.html",
        {**builder_form(request), **results},
        status=400 if results["errors"] else 200,
    )


@require_GET
@public_page
def report_builder_results(request):
    """The builder's results section alone, for builder.js to swap in."""
    results = builder_results(request)
    return render(
        request,
        "reports/builder_results.html",
        results,
        status=400 if results["errors"] else 200,
    )


@require_GET
@public_page
def speaker_page(request, slug: str):
    """A speaker's timeline of quotes per month, topic breakdown and latest quotes."""
    speaker = selectors.public_speaker(slug)
    latest = list(Quote.objects.approved().with_related().filter(speaker=speaker)[:10])
    topics = selectors.speaker_topic_breakdown(speaker)
    timeline_url = request.build_absolute_uri(
        reverse("reports:speaker-timeline", kwargs={"slug": speaker.slug})
    )
    return render(
        request,
        "reports/speaker.html",
        {
            "speaker": speaker,
            "roles": speaker.held_roles.all(),
            "topics": topics,
            "topic_peak": max((t.quote_count for t in topics), default=1),
            "latest": render_html(selectors.quote_data(latest, request=request)),
            "timeline_url": timeline_url,
            "wikidata_url": safe_url(f"https://www.wikidata.org/wiki/{speaker.wikidata_id}")
            if speaker.wikidata_id
            else None,
            "builder_url": with_query(
                reverse("reports:builder"), urlencode({"speaker": speaker.slug})
            ),
            "embed_code": format_html(
                '<iframe src="{}" width="{}" height="{}" title="{}" loading="lazy" '
                'frameborder="0"></iframe>',
                timeline_url,
                TIMELINE_WIDTH,
                TIMELINE_HEIGHT,
                f"{speaker.name}: quotes per month",
            ),
        },
    )
