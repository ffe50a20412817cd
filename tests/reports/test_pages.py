"""The report builder and the speaker page, as a reader without JavaScript uses them."""

import re

from django.urls import reverse

from quotedb.models import Quote
from tests.factories import QuoteFactory

BUILDER = "/reports/builder/"


def preview_count(markup: str) -> int:
    return markup.count('<figure class="qdb-quote')


def test_builder_lists_speakers_topics_and_kinds(client, demo):
    page = client.get(BUILDER).content.decode()
    assert '<option value="kayvan-khosravi">Kayvan Khosravi</option>' in page
    assert '<option value="syria">Syria</option>' in page
    assert '<option value="indirect">' in page
    assert 'method="get"' in page


def test_builder_previews_a_speakers_quotes_with_embed_code_and_markdown(client, demo):
    response = client.get(BUILDER, {"speaker": "kayvan-khosravi"})
    page = response.content.decode()
    assert response.status_code == 200
    assert preview_count(page) == 4
    assert '<option value="kayvan-khosravi" selected>' in page
    embed_code = re.search(r'<textarea id="embed-code"[^>]*>(.*?)</textarea>', page, re.S)
    assert "&lt;iframe src=&quot;http://testserver/embed/quotes/?speaker=kayvan-khosravi" in (
        embed_code.group(1)
    )
    markdown = re.search(r'<textarea id="markdown-code"[^>]*>(.*?)</textarea>', page, re.S)
    assert markdown.group(1).count("[^1]") == 5  # four quotes and the footnote


def test_builder_combines_speakers_topic_dates_and_kind(client, demo):
    params = {
        "speaker": ["kayvan-khosravi", "joe-biden"],
        "topic": "syria",
        "said_after": "2023-03-01",
        "said_before": "2023-03-31",
        "kind": "direct",
    }
    page = client.get(BUILDER, params).content.decode()
    expected = (
        Quote.objects.approved()
        .filter(speaker__slug__in=params["speaker"], kind="direct")
        .about([demo["syria"].pk])
        .count()
    )
    assert preview_count(page) == expected


def test_builder_reports_a_bad_date_by_its_field(client, demo):
    response = client.get(BUILDER, {"said_after": "yesterday"})
    assert response.status_code == 400
    assert "said_after: Enter a valid date." in response.content.decode()


def test_builder_results_fragment_is_the_preview_alone(client, demo):
    fragment = client.get(reverse("reports:builder-results"), {"speaker": "kayvan-khosravi"})
    body = fragment.content.decode()
    assert preview_count(body) == 4 and "<html" not in body


def test_builder_query_count_is_flat(client, demo, django_assert_num_queries):
    """Speaker roles, topics and outlets come prefetched: no query per previewed quote."""
    client.get(BUILDER, {"speaker": "kayvan-khosravi"})  # warm the session and caches
    with django_assert_num_queries(5):
        client.get(BUILDER, {"speaker": "kayvan-khosravi"})
    for _ in range(10):
        QuoteFactory(speaker=demo["khosravi"], topics=[demo["syria"]])
    with django_assert_num_queries(5):
        client.get(BUILDER, {"speaker": "kayvan-khosravi"})


def test_speaker_page_has_timeline_topics_and_latest_quotes(client, demo):
    response = client.get(reverse("reports:speaker", kwargs={"slug": "kayvan-khosravi"}))
    page = response.content.decode()
    assert response.status_code == 200
    assert '<img src="http://testserver/speakers/kayvan-khosravi/timeline.svg"' in page
    assert "Spokesman, Supreme National Security Council" in page
    syria_count = (
        Quote.objects.approved().filter(speaker=demo["khosravi"]).about([demo["syria"].pk]).count()
    )
    assert re.search(rf'>Syria</a></td><td class="number">{syria_count}</td>', page)
    assert preview_count(page) == 4
    assert "/feeds/speakers/kayvan-khosravi/rss/" in page


def test_unknown_speaker_is_404(client, db):
    assert client.get(reverse("reports:speaker", kwargs={"slug": "nobody"})).status_code == 404
    assert (
        client.get(reverse("reports:speaker-timeline", kwargs={"slug": "nobody"})).status_code
        == 404
    )
