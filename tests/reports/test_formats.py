"""Each report format, read back the way its consumers read it."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.urls import reverse

from quotedb.models import Quote
from quotedb.reports.renderers import CSV_COLUMNS, REPORT_RENDERERS
from tests.factories import QuoteFactory

EXPORT = "/reports/quotes/"
KHOSRAVI = {"speaker": "kayvan-khosravi"}


def get(client, url, params=None, **headers):
    response = client.get(url, params or {}, headers=headers)
    return response, response.content.decode("utf-8")


def quotations(document: dict) -> list[dict]:
    if "@graph" in document:
        return document["@graph"]
    return [element["item"] for element in document["itemListElement"]]


@pytest.mark.parametrize(
    ("fmt", "media_type"),
    [(renderer.format, renderer.media_type) for renderer in REPORT_RENDERERS],
)
def test_format_is_chosen_by_query_parameter_or_accept_header(client, demo, fmt, media_type):
    by_parameter = client.get(EXPORT, {"format": fmt, **KHOSRAVI})
    by_accept = client.get(EXPORT, KHOSRAVI, headers={"accept": media_type})
    assert by_parameter.status_code == by_accept.status_code == 200
    assert by_parameter["Content-Type"].startswith(media_type)
    assert by_accept["Content-Type"].startswith(media_type)
    assert by_parameter.content == by_accept.content


def test_html_snippet_shows_speaker_role_date_and_linked_outlet(client, demo):
    response, html = get(client, EXPORT, {"format": "html", **KHOSRAVI})
    assert html.count('<figure class="qdb-quote') == 4
    assert "<script" not in html and "<link" not in html  # self-contained, no JavaScript
    assert "Kayvan Khosravi" in html
    assert "Spokesman, Supreme National Security Council" in html
    assert '<time datetime="2023-03-25">25 March 2023</time>' in html
    assert "Mehr News Agency</" in html


def test_html_links_the_outlet_to_the_article(client, db):
    quote = QuoteFactory(article__url="https://news.example/2023/03/25/story")
    _, html = get(client, EXPORT, {"format": "html", "speaker": quote.speaker.slug})
    assert (
        f'<a href="https://news.example/2023/03/25/story" title="{quote.article.title}" '
        'rel="noopener noreferrer nofollow" target="_blank">'
        f"{quote.article.outlet.name}</a>"
    ) in html
    _, md = get(client, EXPORT, {"format": "md", "speaker": quote.speaker.slug})
    assert "<https://news.example/2023/03/25/story>." in md


def test_html_marks_verbatim_in_quotation_marks_and_paraphrase_as_such(client, db):
    direct = QuoteFactory(kind="direct", text="Exact words.")
    QuoteFactory(kind="indirect", text="What he meant.", speaker=direct.speaker)
    QuoteFactory(kind="mixed", text='He called it "a pretext".', speaker=direct.speaker)
    _, html = get(client, EXPORT, {"format": "html", "speaker": direct.speaker.slug})
    assert "<p>“Exact words.”</p>" in html
    assert '<span class="qdb-label">Paraphrase</span>What he meant.' in html
    assert '<span class="qdb-label">Partly verbatim</span>' in html
    assert "“What he meant.”" not in html


def test_css_of_the_snippet_is_scoped_to_it(client, demo):
    _, html = get(client, EXPORT, {"format": "html", **KHOSRAVI})
    css = html.split("<style>")[1].split("</style>")[0]
    selectors = [rule.split("{")[0] for rule in css.split("}") if "{" in rule]
    assert selectors
    for selector in selectors:
        for part in selector.split(","):
            assert part.strip().startswith(".qdb-quotes"), part


def test_markdown_has_a_block_quote_per_quote_and_footnote_citations(client, demo):
    response, md = get(client, EXPORT, {"format": "md", **KHOSRAVI})
    blocks = [line for line in md.splitlines() if line.startswith("> “") or "*Paraphrase:*" in line]
    assert len(blocks) == 4
    assert all("[^1]" in block for block in blocks)  # one article, one footnote
    footnotes = [line for line in md.splitlines() if line.startswith("[^1]: ")]
    assert len(footnotes) == 1
    assert "Mehr News Agency" in footnotes[0] and "25 March 2023" in footnotes[0]
    assert "**Kayvan Khosravi**, Spokesman, Supreme National Security Council" in md


def test_csv_round_trips_with_its_documented_columns(client, demo):
    response, text = get(client, EXPORT, {"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == CSV_COLUMNS
    assert len(rows) == Quote.objects.approved().count()
    by_id = {int(row["id"]): row for row in rows}
    for quote in Quote.objects.approved().select_related("speaker", "article__outlet"):
        row = by_id[quote.pk]
        assert row["text"] == quote.text
        assert row["said_on"] == quote.said_on.isoformat()
        assert row["speaker"] == quote.speaker.name
        assert row["kind"] == quote.kind
        assert row["outlet"] == quote.article.outlet.name
        assert set(filter(None, row["topics"].split(";"))) == set(
            quote.topics.values_list("slug", flat=True)
        )
        assert row["quote_url"].endswith(f"/api/v1/quotes/{quote.pk}/")


def test_csv_cells_cannot_run_as_spreadsheet_formulas(client, db):
    quote = QuoteFactory(text='=HYPERLINK("http://evil.example","click")')
    _, text = get(client, EXPORT, {"format": "csv", "speaker": quote.speaker.slug})
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["text"] == "'" + quote.text


def test_jsonld_is_schema_org_quotations_with_person_wikidata_and_news_article(client, demo):
    response, text = get(client, EXPORT, {"format": "jsonld", "speaker": "joe-biden"})
    document = json.loads(text)
    assert document["@context"] == "https://schema.org"
    nodes = quotations(document)
    assert len(nodes) == Quote.objects.approved().filter(speaker=demo["biden"]).count() > 0
    for node in nodes:
        assert node["@type"] == "Quotation"
        assert node["text"]
        assert node["dateCreated"] == "2023-03-25"
        assert node["creator"]["@type"] == "Person"
        assert node["creator"]["name"] == "Joe Biden"
        assert node["spokenByCharacter"] == node["creator"]
        if demo["biden"].wikidata_id:
            assert node["creator"]["sameAs"] == (
                f"https://www.wikidata.org/wiki/{demo['biden'].wikidata_id}"
            )
        article = node["isBasedOn"]
        assert article["@type"] == "NewsArticle"
        assert article["headline"]
        assert article["publisher"] == {"@type": "Organization", "name": "Mehr News Agency"}


def test_jsonld_names_the_wikidata_entity_when_known(client, db):
    quote = QuoteFactory(speaker__wikidata_id="Q42")
    _, text = get(client, EXPORT, {"format": "jsonld", "speaker": quote.speaker.slug})
    node = quotations(json.loads(text))[0]
    assert node["creator"]["sameAs"] == "https://www.wikidata.org/wiki/Q42"


def test_csl_json_cites_each_article_once(client, demo):
    _, text = get(client, EXPORT, {"format": "csl"})
    items = json.loads(text)
    articles = {quote.article for quote in Quote.objects.approved().select_related("article")}
    assert len(items) == len(articles)
    item = next(i for i in items if i["title"].startswith("Iran reacts"))
    assert item["type"] == "article-newspaper"
    assert item["container-title"] == "Mehr News Agency"
    assert item["issued"] == {"date-parts": [[2023, 3, 25]]}
    assert item["id"].startswith("quotedb-article-")


@pytest.mark.parametrize("feed_format", ["rss", "atom"])
@pytest.mark.parametrize(
    ("route", "slug", "expected"),
    [("speaker-feed", "kayvan-khosravi", 4), ("topic-feed", "syria", None)],
)
def test_feeds_per_speaker_and_topic_parse(client, demo, feed_format, route, slug, expected):
    url = reverse(f"reports:{route}", kwargs={"slug": slug, "feed_format": feed_format})
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version.startswith(feed_format)
    if expected is None:
        expected = Quote.objects.approved().about([demo["syria"].pk]).count()
    assert len(feed.entries) == expected
    entry = feed.entries[0]
    assert entry.title and entry.summary and entry.link.startswith("http")
    assert entry.published_parsed[:3] == (2023, 3, 25)


@pytest.mark.parametrize("feed_format", ["rss", "atom"])
def test_feed_of_a_list_keeps_the_curators_order(client, published_list, feed_format):
    url = reverse(
        "reports:list-feed", kwargs={"slug": published_list.slug, "feed_format": feed_format}
    )
    feed = feedparser.parse(client.get(url).content)
    assert not feed.bozo
    assert feed.feed.title.startswith(published_list.title)
    expected = [item.quote.text for item in published_list.items.order_by("position")]
    assert len(feed.entries) == len(expected)
    for entry, text in zip(feed.entries, expected, strict=True):
        assert text in entry.summary


def test_any_query_is_also_a_feed(client, demo):
    feed = feedparser.parse(client.get(EXPORT, {"format": "atom", **KHOSRAVI}).content)
    assert not feed.bozo and len(feed.entries) == 4


def test_timeline_svg_is_well_formed_with_one_bar_per_month(client, demo):
    response = client.get(reverse("reports:speaker-timeline", kwargs={"slug": "kayvan-khosravi"}))
    assert response["Content-Type"] == "image/svg+xml"
    svg = ET.fromstring(response.content)
    bars = svg.findall(".//{http://www.w3.org/2000/svg}rect[@class='bar']")
    assert len(bars) == 12  # a year ending with the month of the latest quote
    titles = [bar.find("{http://www.w3.org/2000/svg}title").text for bar in bars]
    assert titles[-1] == "March 2023: 4"
    assert all(title.endswith(": 0") for title in titles[:-1])


def test_list_endpoint_serves_every_format_with_notes(client, published_list):
    url = reverse("reports:list-detail", kwargs={"slug": published_list.slug})
    data = client.get(url, {"format": "json"}).json()
    assert data["title"] == published_list.title
    assert [q["note"] for q in data["results"]] == ["Note 0", "Note 1", "Note 2"]
    rows = list(csv.DictReader(io.StringIO(client.get(url, {"format": "csv"}).content.decode())))
    assert [row["note"] for row in rows] == ["Note 0", "Note 1", "Note 2"]
    document = json.loads(client.get(url, {"format": "jsonld"}).content)
    assert document["@type"] == "ItemList" and document["name"] == published_list.title
    assert [e["position"] for e in document["itemListElement"]] == [1, 2, 3]
    md = client.get(url, {"format": "md"}).content.decode()
    assert md.startswith(f"## {published_list.title}") and "*Note:* Note 0" in md
    html = client.get(url, {"format": "html"}).content.decode()
    assert '<p class="qdb-note">Note 0</p>' in html


def test_published_lists_are_listed(client, published_list):
    data = client.get(reverse("reports:list-list")).json()
    assert [item["slug"] for item in data["results"]] == [published_list.slug]
    assert data["results"][0]["embed_url"].endswith(f"/embed/lists/{published_list.slug}/")


def test_export_returns_every_match_and_links_on_past_the_cap(client, demo, settings):
    settings.QUOTEDB_EXPORT_MAX_ROWS = 4
    total = Quote.objects.approved().count()
    seen, url, pages = [], EXPORT + "?format=csv", 0
    while url:
        response = client.get(url)
        seen += [row["id"] for row in csv.DictReader(io.StringIO(response.content.decode()))]
        link = response.get("Link", "")
        url = link.split(">")[0].lstrip("<") if 'rel="next"' in link else None
        pages += 1
    assert pages == -(-total // 4)
    assert len(seen) == len(set(seen)) == total


def test_export_is_not_paginated_below_the_cap(client, demo):
    response = client.get(EXPORT, {"format": "json"})
    data = response.json()
    assert data["next"] is None
    assert len(data["results"]) == Quote.objects.approved().count()
    assert "Link" not in response


def test_bad_filters_are_a_400_naming_the_parameter_in_every_format(client, demo):
    for renderer in REPORT_RENDERERS:
        response = client.get(EXPORT, {"format": renderer.format, "said_after": "yesterday"})
        assert response.status_code == 400
        assert "said_after" in response.content.decode()


def test_export_query_count_does_not_grow_with_rows(client, demo, django_assert_num_queries):
    """The export's prefetches hold: no query per quote for speaker roles, topics or outlet."""
    with django_assert_num_queries(3):
        client.get(EXPORT, {"format": "csv"})
    for _ in range(20):
        QuoteFactory(speaker=demo["khosravi"], topics=[demo["syria"]])
    with django_assert_num_queries(3):
        response = client.get(EXPORT, {"format": "csv"})
    assert response.content.decode().count("\r\n") > 20
