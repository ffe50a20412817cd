"""The speaker, article, outlet and topic endpoints."""

import datetime

import pytest

from quotedb.models import QuoteStatus
from speakers.models import SlugRedirect
from tests.factories import (
    AliasFactory,
    ArticleFactory,
    OrganizationFactory,
    QuoteFactory,
    RoleFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def khosravi():
    speaker = SpeakerFactory(name="Kayvan Khosravi", slug="kayvan-khosravi", country="IR")
    AliasFactory(speaker=speaker, name="Keyvan Khosravi")
    council = OrganizationFactory(name="Supreme National Security Council", slug="snsc")
    RoleFactory(person=speaker, organization=council, start_on=datetime.date(2021, 9, 1))
    return speaker


def test_speaker_search_covers_aliases_and_kind_and_country_filter(anonymous_client, khosravi):
    SpeakerFactory(name="Joe Biden", slug="joe-biden", country="US")
    rows = anonymous_client.get("/api/v1/speakers/", {"q": "keyvan"}).json()["results"]
    assert [row["slug"] for row in rows] == ["kayvan-khosravi"]
    rows = anonymous_client.get("/api/v1/speakers/", {"country": "us"}).json()["results"]
    assert [row["slug"] for row in rows] == ["joe-biden"]
    rows = anonymous_client.get("/api/v1/speakers/", {"kind": "organization"}).json()["results"]
    assert [row["slug"] for row in rows] == ["snsc"]


def test_speaker_detail_has_aliases_roles_and_visible_quote_count(
    anonymous_client, curator_client, khosravi
):
    QuoteFactory(speaker=khosravi)
    QuoteFactory(speaker=khosravi, status=QuoteStatus.PROPOSED)
    detail = anonymous_client.get("/api/v1/speakers/kayvan-khosravi/").json()
    assert detail["aliases"] == ["Keyvan Khosravi"]
    assert detail["roles"][0]["title"] == "Spokesman"
    assert detail["roles"][0]["organization"] == "snsc"
    assert detail["quote_count"] == 1
    assert curator_client.get("/api/v1/speakers/kayvan-khosravi/").json()["quote_count"] == 2


def test_speaker_list_query_count_does_not_grow_with_rows(
    anonymous_client, django_assert_num_queries
):
    """Aliases are prefetched: 1 count for the page numbers, 1 page, 1 for aliases."""
    AliasFactory()
    with django_assert_num_queries(3):
        anonymous_client.get("/api/v1/speakers/")
    for _ in range(30):
        AliasFactory()
    with django_assert_num_queries(3):
        assert (
            len(anonymous_client.get("/api/v1/speakers/", {"page_size": 100}).json()["results"])
            == 31
        )


def test_speaker_quotes_endpoint_and_old_slug_after_merge(anonymous_client, khosravi):
    quote = QuoteFactory(speaker=khosravi)
    QuoteFactory()
    SlugRedirect.objects.create(old_slug="keyvan-khosravi", speaker=khosravi)
    for slug in ("kayvan-khosravi", "keyvan-khosravi"):
        rows = anonymous_client.get(f"/api/v1/speakers/{slug}/quotes/").json()["results"]
        assert [row["id"] for row in rows] == [quote.pk]
    detail = anonymous_client.get("/api/v1/speakers/keyvan-khosravi/")
    assert detail.json()["slug"] == "kayvan-khosravi"
    assert [
        r["id"]
        for r in anonymous_client.get("/api/v1/quotes/", {"speaker": "keyvan-khosravi"}).json()[
            "results"
        ]
    ] == [quote.pk]
    assert anonymous_client.get("/api/v1/speakers/nobody/quotes/").status_code == 404


def test_speaker_quotes_endpoint_validates_filters(anonymous_client, khosravi):
    response = anonymous_client.get(
        "/api/v1/speakers/kayvan-khosravi/quotes/", {"said_after": "yesterday"}
    )
    assert response.status_code == 400 and "said_after" in response.json()


def test_article_list_filters_and_article_quotes(anonymous_client):
    article = ArticleFactory(
        title="Iran reacts to US allegations", published_on=datetime.date(2023, 3, 25)
    )
    ArticleFactory(title="Something else", published_on=datetime.date(2020, 1, 1))
    quote = QuoteFactory(article=article)
    QuoteFactory(article=article, status=QuoteStatus.PROPOSED)
    rows = anonymous_client.get("/api/v1/articles/", {"q": "iran"}).json()["results"]
    assert [row["id"] for row in rows] == [article.pk]
    assert "body" not in rows[0]
    rows = anonymous_client.get(
        "/api/v1/articles/", {"published_after": "2023-01-01", "outlet": article.outlet.slug}
    ).json()["results"]
    assert [row["id"] for row in rows] == [article.pk]
    quotes = anonymous_client.get(f"/api/v1/articles/{article.pk}/quotes/").json()["results"]
    assert [row["id"] for row in quotes] == [quote.pk]
    bad = anonymous_client.get("/api/v1/articles/", {"published_after": "later"})
    assert bad.status_code == 400 and "published_after" in bad.json()


def test_outlets_and_topics_are_listed_and_writable_by_curators_only(
    anonymous_client, curator_client
):
    assert anonymous_client.get("/api/v1/outlets/").status_code == 200
    assert anonymous_client.get("/api/v1/topics/").status_code == 200
    payload = {"slug": "syria", "name": "Syria"}
    assert anonymous_client.post("/api/v1/topics/", payload, format="json").status_code in (
        401,
        403,
    )
    assert curator_client.post("/api/v1/topics/", payload, format="json").status_code == 201
    outlet = {"slug": "mna", "name": "Mehr News Agency", "short_name": "MNA"}
    assert curator_client.post("/api/v1/outlets/", outlet, format="json").status_code == 201


def test_page_size_over_the_cap_is_a_400_on_page_number_lists_too(anonymous_client):
    response = anonymous_client.get("/api/v1/speakers/", {"page_size": 1000})
    assert response.status_code == 400 and "page_size" in response.json()


def test_openapi_schema_documents_every_quote_filter_with_an_example(anonymous_client):
    schema = anonymous_client.get("/api/schema/", {"format": "json"}).json()
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/quotes/"]["get"]["parameters"]}
    for name in (
        "speaker",
        "speaker_name",
        "topic",
        "said_after",
        "said_before",
        "published_after",
        "published_before",
        "outlet",
        "article",
        "kind",
        "status",
        "language",
        "q",
        "ordering",
    ):
        assert parameters[name].get("examples") or parameters[name].get("example"), name
    assert "cursor" in parameters and parameters["page_size"]["schema"]["maximum"] == 100


def test_openapi_schema_documents_the_servers_own_414_for_over_long_urls(anonymous_client):
    """gunicorn refuses a request line over 4,094 bytes before Django sees it; every operation
    says so, since any of them can be asked with a long query string."""
    schema = anonymous_client.get("/api/schema/", {"format": "json"}).json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert "414" in operation["responses"], (method, path)
