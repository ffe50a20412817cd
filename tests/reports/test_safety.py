"""Report safety: hostile text stays inert, only approved quotes and published lists leave,
and embeds are the only responses that may be framed."""

import csv
import html.parser
import io
import json
import re

import feedparser
import pytest
from django.urls import reverse

from quotedb.models import QuoteList, QuoteListItem, QuoteStatus
from quotedb.reports.renderers import REPORT_RENDERERS, safe_url
from tests.factories import QuoteFactory, UserFactory

EXPORT = "/reports/quotes/"


class MarkupInventory(html.parser.HTMLParser):
    """Every element, attribute and URL a browser would see in an HTML document."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]


def inventory(markup: str) -> MarkupInventory:
    parser = MarkupInventory()
    parser.feed(markup)
    return parser


def assert_inert_html(markup: str) -> None:
    found = inventory(markup)
    assert "script" not in found.tags
    assert "svg" not in found.tags and "b" not in found.tags  # the payload's own elements
    assert not [name for name, _ in found.attributes if name.startswith("on")]
    for name, value in found.attributes:
        if name in ("href", "src", "cite", "action"):
            assert value.startswith(("http://", "https://", "/")), (name, value)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "//evil.example/x",
        "/relative",
        "http://",
    ],
)
def test_only_http_and_https_urls_are_ever_linked(url):
    assert safe_url(url) is None


def test_safe_urls_are_percent_encoded_so_they_cannot_break_out_of_markup():
    assert safe_url('https://example.org/a b"><script>') == (
        "https://example.org/a%20b%22%3E%3Cscript%3E"
    )


def test_html_snippet_and_embeds_render_hostile_quotes_inert(client, hostile_quote):
    slug = hostile_quote.speaker.slug
    pages = [
        client.get(EXPORT, {"format": "html", "speaker": slug}),
        client.get(reverse("reports:embed-quotes"), {"speaker": slug}),
        client.get(reverse("reports:embed-quote", kwargs={"pk": hostile_quote.pk})),
        client.get(reverse("reports:builder"), {"speaker": slug}),
        client.get(reverse("reports:builder-results"), {"speaker": slug}),
        client.get(reverse("reports:speaker", kwargs={"slug": slug})),
    ]
    for response in pages:
        assert response.status_code == 200
        markup = response.content.decode()
        # The builder and speaker pages load their own script and stylesheet, nothing else.
        markup = markup.replace('<script src="/static/reports/builder.js" defer></script>', "")
        assert_inert_html(markup)
        assert "&lt;script&gt;alert(&quot;quote&quot;)&lt;/script&gt;" in markup


def test_markdown_escapes_markup_and_never_links_javascript(client, hostile_quote):
    md = client.get(EXPORT, {"format": "md"}).content.decode()
    assert "<script" not in md.replace("\\<script", "")
    assert not re.search(r"(?<!\\)\]\(javascript:", md)  # brackets escaped: never a link
    assert "\\[x\\]" in md
    assert "javascript:alert(document.domain)" not in md  # the article URL is not linked


def test_csv_keeps_hostile_text_as_data_and_drops_unsafe_urls(client, hostile_quote):
    rows = list(csv.DictReader(io.StringIO(client.get(EXPORT, {"format": "csv"}).content.decode())))
    row = next(r for r in rows if int(r["id"]) == hostile_quote.pk)
    assert row["text"] == hostile_quote.text
    assert row["article_url"] == ""


@pytest.mark.parametrize("fmt", ["jsonld", "csl"])
def test_json_formats_escape_markup_and_drop_unsafe_urls(client, hostile_quote, fmt):
    body = client.get(EXPORT, {"format": fmt}).content.decode()
    assert "<" not in body and ">" not in body  # safe even inside an HTML <script> block
    assert "javascript:" not in body.replace("javascript:alert(2)", "")
    document = json.loads(body)
    if fmt == "jsonld":
        assert document["@graph"][0]["text"] == hostile_quote.text
    else:
        assert document[0]["title"] == hostile_quote.article.title


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_feeds_carry_hostile_text_as_text(client, hostile_quote, fmt):
    body = client.get(
        reverse(
            "reports:speaker-feed", kwargs={"slug": hostile_quote.speaker.slug, "feed_format": fmt}
        )
    ).content
    assert b"<script" not in body and b"&lt;script" not in body  # escaped twice: &amp;lt;
    feed = feedparser.parse(body)
    assert not feed.bozo
    entry = feed.entries[0]
    for value in (entry.title, entry.summary):
        assert_inert_html(value)
        assert "<script>" not in value
    assert "javascript:" not in entry.link


def test_timeline_svg_escapes_the_speaker_name(client, hostile_quote):
    body = client.get(
        reverse("reports:speaker-timeline", kwargs={"slug": hostile_quote.speaker.slug})
    ).content.decode()
    assert "<b " not in body and "&lt;b onmouseover=&quot;x()&quot;&gt;" in body


def test_proposed_and_rejected_quotes_never_leave_through_a_public_format(
    client, demo, proposed_quote
):
    rejected = QuoteFactory(
        text="A rejected quote that must never leave.",
        status=QuoteStatus.REJECTED,
        speaker=proposed_quote.speaker,
    )
    slug = proposed_quote.speaker.slug
    responses = [client.get(EXPORT, {"format": r.format}) for r in REPORT_RENDERERS]
    responses += [client.get(EXPORT, {"format": "json", "status": "proposed"})]
    responses += [
        client.get(reverse("reports:embed-quotes"), {"speaker": slug}),
        client.get(reverse("reports:builder"), {"speaker": slug}),
        client.get(reverse("reports:speaker", kwargs={"slug": slug})),
        client.get(reverse("reports:speaker-feed", kwargs={"slug": slug, "feed_format": "rss"})),
    ]
    for response in responses:
        body = response.content.decode()
        assert "must never leave" not in body
    for quote in (proposed_quote, rejected):
        response = client.get(reverse("reports:embed-quote", kwargs={"pk": quote.pk}))
        assert response.status_code == 404
    svg = client.get(reverse("reports:speaker-timeline", kwargs={"slug": slug})).content
    assert b'class="bar"' not in svg


def test_even_curators_get_only_approved_quotes_from_public_formats(
    client, curator, demo, proposed_quote
):
    client.force_login(curator)
    body = client.get(EXPORT, {"format": "csv"}).content.decode()
    assert "must never leave" not in body


def test_unpublished_lists_never_leak(client, demo):
    quote_list = QuoteList.objects.create(
        title="Draft list", slug="draft", owner=UserFactory(), is_published=False
    )
    QuoteListItem.objects.create(quote_list=quote_list, quote=demo["khosravi"].quotes.first())
    urls = [
        reverse("reports:list-detail", kwargs={"slug": "draft"}),
        reverse("reports:embed-list", kwargs={"slug": "draft"}),
        reverse("reports:list-feed", kwargs={"slug": "draft", "feed_format": "rss"}),
        reverse("reports:list-feed", kwargs={"slug": "draft", "feed_format": "atom"}),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert client.get(reverse("reports:list-list")).json()["results"] == []
    oembed = client.get(
        reverse("reports:oembed"),
        {"url": "http://testserver" + reverse("reports:embed-list", kwargs={"slug": "draft"})},
    )
    assert oembed.status_code == 404


def test_published_lists_show_only_their_approved_quotes(client, published_list):
    proposed = QuoteFactory(text="Proposed, on a list, still hidden.", status=QuoteStatus.PROPOSED)
    QuoteListItem.objects.create(quote_list=published_list, quote=proposed, position=99)
    url = reverse("reports:list-detail", kwargs={"slug": published_list.slug})
    for fmt in ["json", *[r.format for r in REPORT_RENDERERS]]:
        assert "still hidden" not in client.get(url, {"format": fmt}).content.decode()
    embed = client.get(reverse("reports:embed-list", kwargs={"slug": published_list.slug}))
    assert "still hidden" not in embed.content.decode()


def test_embeds_may_be_framed_and_send_a_strict_content_security_policy(
    client, demo, published_list
):
    quote = demo["khosravi"].quotes.first()
    for url in [
        reverse("reports:embed-quotes") + "?speaker=kayvan-khosravi",
        reverse("reports:embed-quote", kwargs={"pk": quote.pk}),
        reverse("reports:embed-list", kwargs={"slug": published_list.slug}),
        reverse("reports:speaker-timeline", kwargs={"slug": "kayvan-khosravi"}),
    ]:
        response = client.get(url)
        assert response.status_code == 200
        assert "X-Frame-Options" not in response
        policy = response["Content-Security-Policy"]
        assert "frame-ancestors *" in policy
        assert "default-src 'none'" in policy
        assert "script-src" not in policy  # falls back to default-src 'none': no script at all


def test_everything_else_refuses_to_be_framed(client, demo):
    for url in [
        reverse("reports:builder"),
        reverse("reports:speaker", kwargs={"slug": "kayvan-khosravi"}),
        EXPORT + "?format=html",
        reverse("reports:oembed") + "?url=x",
        "/api/v1/quotes/",
    ]:
        response = client.get(url)
        assert response["X-Frame-Options"] == "DENY", url
    for url in [
        reverse("reports:builder"),
        reverse("reports:speaker", kwargs={"slug": "kayvan-khosravi"}),
    ]:
        assert "frame-ancestors 'none'" in client.get(url)["Content-Security-Policy"]


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_feeds_drop_characters_xml_cannot_hold(client, demo, fmt):
    """A quote text with control characters (they come in with scraped pages) still gives a
    well-formed feed, on the API detail route and on the speaker's feed."""
    quote = QuoteFactory(
        text="Bell\x07 and escape\x1b and form feed\x0c, kept:\ttab.",
        speaker_mention="Ctrl\x01 Speaker",
    )
    for url in (
        f"/api/v1/quotes/{quote.pk}/?format={fmt}",
        reverse("reports:speaker-feed", kwargs={"slug": quote.speaker.slug, "feed_format": fmt}),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        feed = feedparser.parse(response.content)
        assert not feed.bozo, (url, feed.bozo_exception)
        assert "Bell and escape and form feed" in feed.entries[0].summary
