"""The quote list's fast representation says exactly what the declared fields say."""

import datetime

import pytest
from rest_framework import serializers
from rest_framework.test import APIRequestFactory

from quotedb.api.serializers import QuoteSerializer
from quotedb.models import Quote
from tests.factories import (
    ArticleFactory,
    OrganizationFactory,
    QuoteFactory,
    RoleFactory,
    SpeakerFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def field_driven(serializer: QuoteSerializer, quote: Quote) -> dict:
    return dict(serializers.ModelSerializer.to_representation(serializer, quote))


@pytest.mark.parametrize("with_everything", [True, False])
def test_direct_representation_equals_the_declared_fields_output(with_everything):
    if with_everything:
        speaker = SpeakerFactory(wikidata_id="Q6279")
        RoleFactory(person=speaker, organization=OrganizationFactory(), title="President")
        quote = QuoteFactory(
            speaker=speaker,
            relayed_by=SpeakerFactory(),
            article=ArticleFactory(
                body="Intro.\n\nHe said that peace is near.\n\nEnd.", url="https://e.org/a"
            ),
            text="",
            start=21,
            end=34,
            confidence=0.75,
            said_on=datetime.date(2023, 3, 25),
            topics=[TopicFactory(), TopicFactory()],
        )
    else:
        quote = QuoteFactory(speaker=None, article=ArticleFactory(outlet=None))
    quote = Quote.objects.with_related().get(pk=quote.pk)
    request = APIRequestFactory().get("/api/v1/quotes/")
    serializer = QuoteSerializer(context={"request": request})
    assert serializer.to_representation(quote) == field_driven(serializer, quote)


def test_each_quote_in_a_list_is_exactly_its_detail_representation(anonymous_client):
    """Lists are read as rows and details through the serializer: both must say the same."""
    speaker = SpeakerFactory(wikidata_id="Q6279")
    council = OrganizationFactory(name="Council")
    RoleFactory(person=speaker, organization=council, start_on=None, title="Member")
    RoleFactory(
        person=speaker, organization=council, start_on=datetime.date(2022, 1, 1), title="Head"
    )
    article = ArticleFactory(body="Intro.\n\nHe said that peace is near.\n\nEnd.")
    QuoteFactory(
        speaker=speaker,
        article=article,
        text="",
        start=21,
        end=34,
        relayed_by=SpeakerFactory(),
        confidence=0.5,
        topics=[TopicFactory(name="B topic"), TopicFactory(name="A topic")],
    )
    QuoteFactory(
        speaker=None,
        article=ArticleFactory(outlet=None, published_on=None),
        said_on=datetime.date(2020, 1, 1),
    )
    QuoteFactory()
    listed = anonymous_client.get("/api/v1/quotes/").json()["results"]
    assert len(listed) == 3
    for row in listed:
        assert row == anonymous_client.get(f"/api/v1/quotes/{row['id']}/").json()
