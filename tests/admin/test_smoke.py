"""Every admin page a curator opens renders: changelists, searches, add and change pages."""

import pytest
from django.urls import reverse

from tests.factories import (
    AliasFactory,
    ArticleFactory,
    OutletFactory,
    QuoteFactory,
    RoleFactory,
    SpeakerFactory,
    TopicFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _one_of_each():
    speaker = SpeakerFactory(name="Kayvan Khosravi", slug="kayvan-khosravi")
    body = "TEHRAN – Khosravi said peace is near.\n\nThen he left."
    article = ArticleFactory(
        outlet=OutletFactory(speaker=SpeakerFactory(name="Press TV", slug="press-tv")), body=body
    )
    start = body.index("peace is near")
    quote = QuoteFactory(speaker=speaker, article=article, text="", start=start, end=start + 13)
    quote.topics.add(TopicFactory(name="Syria", slug="syria"))
    from quotedb.models import QuoteList, QuoteListItem
    from speakers.models import SlugRedirect

    quote_list = QuoteList.objects.create(title="March", slug="march", owner=UserFactory())
    QuoteListItem.objects.create(quote_list=quote_list, quote=quote)
    return {
        "speakers.speaker": speaker,
        "speakers.alias": AliasFactory(speaker=speaker, name="Keyvan Khosravi"),
        "speakers.role": RoleFactory(person=speaker),
        "speakers.slugredirect": SlugRedirect.objects.create(
            old_slug="k-khosravi", speaker=speaker
        ),
        "articles.outlet": article.outlet,
        "articles.article": article,
        "quotedb.topic": quote.topics.get(),
        "quotedb.quote": quote,
        "quotedb.quotelist": quote_list,
    }


MODELS = [
    "speakers.speaker",
    "speakers.alias",
    "speakers.role",
    "speakers.slugredirect",
    "articles.outlet",
    "articles.article",
    "quotedb.topic",
    "quotedb.quote",
    "quotedb.quotelist",
]


def _url(model: str, view: str, *args) -> str:
    app_label, model_name = model.split(".")
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS)
def test_a_superuser_opens_every_changelist_search_add_change_and_history_page(
    superuser_client, model
):
    obj = _one_of_each()[model]
    assert superuser_client.get(_url(model, "changelist")).status_code == 200
    assert superuser_client.get(_url(model, "changelist"), {"q": "khosravi"}).status_code == 200
    assert superuser_client.get(_url(model, "add")).status_code == 200
    assert superuser_client.get(_url(model, "change", obj.pk)).status_code == 200
    assert superuser_client.get(_url(model, "history", obj.pk)).status_code == 200


def test_the_review_queue_opens_and_searches(superuser_client):
    _one_of_each()
    url = reverse("admin:quotedb_proposedquote_changelist")
    assert superuser_client.get(url).status_code == 200
    assert superuser_client.get(url, {"q": "khosravi"}).status_code == 200


def test_the_admin_index_lists_the_review_queue_for_curators(curator_admin_client):
    response = curator_admin_client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert reverse("admin:quotedb_proposedquote_changelist") in response.content.decode()


def test_quote_search_finds_a_quote_by_alias_speaker_name_text_and_article_title(
    superuser_client,
):
    objects = _one_of_each()
    quote = objects["quotedb.quote"]
    other = QuoteFactory(text="Unrelated words entirely.")
    url = reverse("admin:quotedb_quote_changelist")
    for term in ["Keyvan", "kayvan khosravi", "Kayván", "peace is near", quote.article.title]:
        results = list(superuser_client.get(url, {"q": term}).context["cl"].result_list)
        assert quote in results, term
        assert other not in results, term


def test_speaker_autocomplete_finds_a_speaker_by_an_accented_alias(superuser_client):
    khosravi = SpeakerFactory(name="Kayvan Khosravi", slug="kayvan-khosravi")
    AliasFactory(speaker=khosravi, name="Keyvan Khosravi")
    SpeakerFactory(name="Joe Biden")
    response = superuser_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "quotedb", "model_name": "quote", "field_name": "speaker", "term": "Kéyvan"},
    )
    assert [item["text"] for item in response.json()["results"]] == ["Kayvan Khosravi"]


def test_an_organizations_page_lists_who_held_roles_in_it(superuser_client):
    role = RoleFactory(person=SpeakerFactory(name="Kayvan Khosravi"), title="Spokesman")
    page = superuser_client.get(
        reverse("admin:speakers_speaker_change", args=[role.organization_id])
    ).content.decode()
    assert "Roles in this organization" in page
    assert "Kayvan Khosravi" in page
