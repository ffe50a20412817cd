"""POST /api/v1/articles/ with raw text or HTML: ingestion, extraction, and the errors it names."""

import datetime

import pytest

from articles.models import Article
from quotedb.models import Quote, QuoteStatus
from tests.articles.conftest import SEED_FILE
from tests.articles.test_ingest_command import PAGE
from tests.factories import OutletFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/articles/"


def test_curators_post_text_and_get_the_article_with_its_proposed_quotes(
    curator_client, known_speakers
):
    mna = OutletFactory(short_name="MNA", slug="mna")
    payload = {
        "text": SEED_FILE.read_text(encoding="utf-8"),
        "published_on": "2023-03-25",
        "extract": True,
    }
    response = curator_client.post(LIST, payload, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["title"] == "Iran reacts to US allegations after recent attacks in Syria"
    assert (data["outlet"], data["external_id"], data["dateline"]) == ("mna", "198808", "TEHRAN")
    assert data["published_on"] == "2023-03-25"
    assert data["proposed_quotes"] == 10
    assert data["extraction"] == {"created": 10, "refreshed": 0, "unchanged": 0, "kept": 0}
    assert Quote.objects.filter(article__outlet=mna, status=QuoteStatus.PROPOSED).count() == 10

    again = curator_client.post(LIST, payload, format="json")
    assert again.status_code == 200
    assert again.json()["extraction"]["created"] == 0
    assert Article.objects.count() == 1


def test_structured_fields_override_what_the_text_says(curator_client):
    outlet = OutletFactory(slug="harbour")
    response = curator_client.post(
        LIST,
        {
            "text": "The minister said the port would open next year.",
            "title": "Port to open",
            "outlet": "harbour",
            "url": "https://harbour.example/port",
            "published_on": "2024-05-02",
            "external_id": "991",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    article = Article.objects.get()
    assert article.body == "The minister said the port would open next year."
    assert (article.title, article.outlet, article.external_id) == ("Port to open", outlet, "991")
    assert article.published_on == datetime.date(2024, 5, 2)
    assert response.json()["extraction"] is None


def test_curators_post_an_html_page(curator_client):
    response = curator_client.post(LIST, {"html": PAGE, "extract": "true"}, format="json")
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["title"] == "Minister promises new port"
    assert data["url"] == "https://www.harbourtimes.example/news/2024/new-port"
    assert data["proposed_quotes"] >= 1


def test_a_structured_article_with_body_is_still_a_plain_create(curator_client):
    OutletFactory(slug="harbour")
    response = curator_client.post(
        LIST,
        {"title": "Plain", "body": "Exactly this text.", "outlet": "harbour", "external_id": "7"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert Article.objects.get().body == "Exactly this text."


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"title": "Nothing else"}, "text"),
        ({"text": "   "}, "text"),
        ({"text": "Only a title line"}, "text"),
        ({"html": "<html><body><script>var page = 1;</script></body></html>"}, "html"),
        ({"text": "A\n\nB", "html": "<p>B</p>"}, "html"),
        ({"text": "A\n\nB", "outlet": "no-such-outlet"}, "outlet"),
        ({"text": "A\n\nB", "published_on": "someday"}, "published_on"),
        ({"text": "A\n\nB", "extract": "perhaps"}, "extract"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(curator_client, payload, field):
    response = curator_client.post(LIST, payload, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Article.objects.exists()


def test_anonymous_users_and_readers_cannot_post_articles(anonymous_client, reader_client):
    payload = {"text": "A title\n\nThe minister said it would rain."}
    assert anonymous_client.post(LIST, payload, format="json").status_code == 403
    assert reader_client.post(LIST, payload, format="json").status_code == 403
    assert not Article.objects.exists()
