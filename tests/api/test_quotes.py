"""The quote API: filters, visibility, pagination, validation and query counts."""

import datetime

import pytest

from quotedb.models import Quote, QuoteStatus
from tests.factories import (
    AliasFactory,
    ArticleFactory,
    OrganizationFactory,
    OutletFactory,
    QuoteFactory,
    RoleFactory,
    SpeakerFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db
LIST = "/api/v1/quotes/"


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


@pytest.fixture
def khosravi():
    speaker = SpeakerFactory(name="Kayvan Khosravi", slug="kayvan-khosravi")
    AliasFactory(speaker=speaker, name="Keyvan Khosravi")
    return speaker


@pytest.fixture
def biden():
    speaker = SpeakerFactory(name="Joe Biden", slug="joe-biden")
    AliasFactory(speaker=speaker, name="Joseph R. Biden Jr.")
    return speaker


def test_anonymous_reader_never_sees_proposed_or_rejected_quotes(anonymous_client):
    approved = QuoteFactory(status=QuoteStatus.APPROVED)
    QuoteFactory(status=QuoteStatus.PROPOSED)
    rejected = QuoteFactory(status=QuoteStatus.REJECTED)
    assert ids(anonymous_client.get(LIST)) == [approved.pk]
    assert ids(anonymous_client.get(LIST, {"status": "proposed"})) == []
    assert anonymous_client.get(f"{LIST}{rejected.pk}/").status_code == 404


def test_reader_group_sees_approved_quotes_only(reader_client):
    approved = QuoteFactory(status=QuoteStatus.APPROVED)
    QuoteFactory(status=QuoteStatus.PROPOSED)
    assert ids(reader_client.get(LIST)) == [approved.pk]


def test_curator_sees_every_status_and_can_filter_by_it(curator_client):
    approved = QuoteFactory(status=QuoteStatus.APPROVED)
    proposed = QuoteFactory(status=QuoteStatus.PROPOSED)
    assert set(ids(curator_client.get(LIST))) == {approved.pk, proposed.pk}
    assert ids(curator_client.get(LIST, {"status": "proposed"})) == [proposed.pk]


def test_filter_by_speaker_slug_or_id_repeatable_and_ored(anonymous_client, khosravi, biden):
    by_khosravi = QuoteFactory(speaker=khosravi)
    by_biden = QuoteFactory(speaker=biden)
    QuoteFactory()
    assert ids(anonymous_client.get(LIST, {"speaker": "kayvan-khosravi"})) == [by_khosravi.pk]
    assert ids(anonymous_client.get(LIST, {"speaker": str(biden.pk)})) == [by_biden.pk]
    both = anonymous_client.get(LIST, {"speaker": ["kayvan-khosravi", "joe-biden"]})
    assert set(ids(both)) == {by_khosravi.pk, by_biden.pk}
    assert set(ids(anonymous_client.get(LIST, {"speaker": "kayvan-khosravi,joe-biden"}))) == {
        by_khosravi.pk,
        by_biden.pk,
    }


def test_unknown_speaker_slug_gives_an_empty_list(anonymous_client):
    QuoteFactory()
    assert ids(anonymous_client.get(LIST, {"speaker": "nobody-at-all"})) == []


def test_filter_by_speaker_name_matches_any_alias_ignoring_case_and_accents(
    anonymous_client, khosravi, biden
):
    by_khosravi = QuoteFactory(speaker=khosravi)
    by_biden = QuoteFactory(speaker=biden)
    assert ids(anonymous_client.get(LIST, {"speaker_name": "BIDEN"})) == [by_biden.pk]
    assert ids(anonymous_client.get(LIST, {"speaker_name": "kéyvan"})) == [by_khosravi.pk]
    assert ids(anonymous_client.get(LIST, {"speaker_name": "joseph r"})) == [by_biden.pk]


def test_filter_by_topic_includes_subtopics(anonymous_client):
    middle_east = TopicFactory(slug="middle-east")
    syria = TopicFactory(slug="syria", parent=middle_east)
    about_syria = QuoteFactory(topics=[syria])
    about_region = QuoteFactory(topics=[middle_east])
    QuoteFactory(topics=[TopicFactory(slug="economy")])
    assert set(ids(anonymous_client.get(LIST, {"topic": "middle-east"}))) == {
        about_syria.pk,
        about_region.pk,
    }
    assert ids(anonymous_client.get(LIST, {"topic": "syria"})) == [about_syria.pk]
    assert ids(anonymous_client.get(LIST, {"topic": "no-such-topic"})) == []


def test_said_after_and_before_are_inclusive(anonymous_client):
    march_1 = QuoteFactory(said_on=datetime.date(2023, 3, 1))
    march_25 = QuoteFactory(said_on=datetime.date(2023, 3, 25))
    QuoteFactory(said_on=datetime.date(2023, 2, 28))
    window = {"said_after": "2023-03-01", "said_before": "2023-03-25"}
    assert set(ids(anonymous_client.get(LIST, window))) == {march_1.pk, march_25.pk}


def test_published_range_outlet_article_kind_and_language(anonymous_client):
    outlet = OutletFactory(slug="mehr-news-agency")
    article = ArticleFactory(outlet=outlet, published_on=datetime.date(2023, 3, 25))
    target = QuoteFactory(article=article, kind="mixed", language="en")
    QuoteFactory(article=ArticleFactory(published_on=datetime.date(2022, 1, 1)), kind="direct")
    QuoteFactory(kind="indirect", language="fa")
    assert ids(anonymous_client.get(LIST, {"published_after": "2023-03-01"})) != []
    assert target.pk in ids(anonymous_client.get(LIST, {"published_before": "2023-03-25"}))
    assert ids(anonymous_client.get(LIST, {"outlet": "mehr-news-agency"})) == [target.pk]
    assert ids(anonymous_client.get(LIST, {"outlet": str(outlet.pk)})) == [target.pk]
    assert ids(anonymous_client.get(LIST, {"article": article.pk})) == [target.pk]
    assert ids(anonymous_client.get(LIST, {"kind": "mixed"})) == [target.pk]
    assert ids(anonymous_client.get(LIST, {"language": "fa"})) != [target.pk]
    old = ids(anonymous_client.get(LIST, {"published_before": "2022-12-31"}))
    assert target.pk not in old and len(old) == 1


def test_full_text_search_finds_words_in_the_text(anonymous_client):
    hit = QuoteFactory(text="Any pretext will be met with a reciprocal response.")
    QuoteFactory(text="Iran has suffered a lot in the battle against terrorism.")
    assert ids(anonymous_client.get(LIST, {"q": "reciprocal response"})) == [hit.pk]


def test_full_text_search_uses_web_search_syntax_on_postgres(anonymous_client, postgres_only):
    responding = QuoteFactory(text="The attacks will be met with a reciprocal response.")
    suffering = QuoteFactory(text="Iran has suffered a lot in the battle against terrorism.")
    # Stemming: "responses" finds "response"; "or" and "-" work as in a web search engine.
    assert ids(anonymous_client.get(LIST, {"q": "responses"})) == [responding.pk]
    either = anonymous_client.get(LIST, {"q": "reciprocal or terrorism"})
    assert set(ids(either)) == {responding.pk, suffering.pk}
    assert ids(anonymous_client.get(LIST, {"q": "iran -reciprocal"})) == [suffering.pk]
    ranked = anonymous_client.get(LIST, {"q": "response", "ordering": "relevance"})
    assert ids(ranked) == [responding.pk]


@pytest.mark.parametrize(
    "params, field",
    [
        ({"said_after": "yesterday"}, "said_after"),
        ({"said_before": "2023-13-45"}, "said_before"),
        ({"published_after": "soon"}, "published_after"),
        ({"page_size": "101"}, "page_size"),
        ({"page_size": "lots"}, "page_size"),
        ({"q": "x" * 201}, "q"),
        ({"ordering": "speaker"}, "ordering"),
        ({"ordering": "relevance"}, "ordering"),
        ({"kind": "rumour"}, "kind"),
        ({"status": "maybe"}, "status"),
        ({"article": "first"}, "article"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"said_after": "2023-04-01", "said_before": "2023-03-01"}, "said_before"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(anonymous_client, params, field):
    response = anonymous_client.get(LIST, params)
    assert response.status_code == 400
    assert field in response.json()


def test_cursor_pagination_walks_every_quote_once_while_quotes_are_added(anonymous_client):
    for day in range(1, 8):
        QuoteFactory(said_on=datetime.date(2023, 3, day))
    QuoteFactory(said_on=datetime.date(2023, 3, 4))  # a tie on said_on
    seen, url = [], LIST + "?page_size=3"
    first = anonymous_client.get(url).json()
    seen += [row["id"] for row in first["results"]]
    # A quote added after the first page does not shift or repeat what follows.
    QuoteFactory(said_on=datetime.date(2023, 3, 31))
    url = first["next"]
    while url:
        page = anonymous_client.get(url).json()
        seen += [row["id"] for row in page["results"]]
        url = page["next"]
    assert len(seen) == len(set(seen)) == 8
    dates = [Quote.objects.get(pk=pk).said_on for pk in seen]
    assert dates == sorted(dates, reverse=True)


def test_previous_link_returns_to_the_page_before(anonymous_client):
    for day in range(1, 8):
        QuoteFactory(said_on=datetime.date(2023, 3, day))
    first = anonymous_client.get(LIST, {"page_size": 3}).json()
    assert first["previous"] is None
    second = anonymous_client.get(first["next"]).json()
    back = anonymous_client.get(second["previous"]).json()
    assert [r["id"] for r in back["results"]] == [r["id"] for r in first["results"]]


def test_each_quote_carries_speaker_role_on_the_day_article_topics_and_context(
    anonymous_client, khosravi
):
    council = OrganizationFactory(name="Supreme National Security Council")
    RoleFactory(person=khosravi, organization=council, start_on=datetime.date(2021, 9, 1))
    article = ArticleFactory(
        title="Iran reacts", body="Intro.\n\nKhosravi said that peace is near.\n\nOutro."
    )
    quote = QuoteFactory(
        speaker=khosravi,
        article=article,
        text="",
        start=27,
        end=40,
        kind="indirect",
        topics=[TopicFactory(slug="syria")],
    )
    row = anonymous_client.get(LIST).json()["results"][0]
    assert row["id"] == quote.pk
    assert row["text"] == "peace is near"
    assert row["speaker"]["slug"] == "kayvan-khosravi"
    assert row["speaker"]["role"] == "Spokesman, Supreme National Security Council"
    assert row["article"]["title"] == "Iran reacts"
    assert row["article"]["outlet"] == article.outlet.name
    assert row["topics"] == ["syria"]
    assert row["span"] == [27, 40]
    assert row["context"] == "Khosravi said that peace is near."
    assert row["kind"] == "indirect" and row["cue"] == "said"


def test_quote_list_query_count_does_not_grow_with_rows(
    anonymous_client, django_assert_num_queries, quote_list_queries
):
    """Speakers, articles, outlets, roles and topics come in a fixed number of queries: on
    PostgreSQL one, with topics and roles as subqueries; elsewhere 1 for the quotes with their
    speaker, article and outlet joined, 1 for topics, 1 for roles."""
    topic = TopicFactory()
    speaker = SpeakerFactory()
    RoleFactory(person=speaker)
    QuoteFactory(speaker=speaker, topics=[topic])
    with django_assert_num_queries(quote_list_queries):
        assert len(anonymous_client.get(LIST).json()["results"]) == 1
    for _ in range(99):
        QuoteFactory(topics=[topic], speaker=SpeakerFactory())
    with django_assert_num_queries(quote_list_queries):
        assert len(anonymous_client.get(LIST, {"page_size": 100}).json()["results"]) == 100


def test_filtered_list_with_topic_and_speaker_name_stays_within_three_queries(
    anonymous_client, django_assert_num_queries, khosravi, quote_list_queries
):
    syria = TopicFactory(slug="syria")
    for _ in range(5):
        QuoteFactory(speaker=khosravi, topics=[syria])
    with django_assert_num_queries(quote_list_queries):
        rows = anonymous_client.get(LIST, {"topic": "syria", "speaker_name": "khosravi"})
    assert len(rows.json()["results"]) == 5


def test_anonymous_readers_are_throttled_with_retry_after(anonymous_client, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"},
    }
    statuses = [anonymous_client.get(LIST).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = anonymous_client.get(LIST)
    assert response.status_code == 429 and int(response["Retry-After"]) > 0


@pytest.mark.parametrize("blank", [" ", "\t", "  \n"])
@pytest.mark.parametrize("list_url", ["quotes", "speaker quotes", "article quotes"])
def test_a_blank_search_is_no_search(anonymous_client, blank, list_url):
    older = QuoteFactory(said_on=datetime.date(2023, 3, 1))
    newer = QuoteFactory(
        said_on=datetime.date(2023, 3, 2), speaker=older.speaker, article=older.article
    )
    url = {
        "quotes": LIST,
        "speaker quotes": f"/api/v1/speakers/{older.speaker.slug}/quotes/",
        "article quotes": f"/api/v1/articles/{older.article_id}/quotes/",
    }[list_url]
    # Ordered as with no q at all (newest first), not by a relevance there is none of.
    assert ids(anonymous_client.get(url, {"q": blank})) == [newer.pk, older.pk]
