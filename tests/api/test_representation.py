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


def test_list_cuts_the_same_paragraph_and_picks_the_same_role_as_the_detail(anonymous_client):
    """On PostgreSQL the list cuts the context paragraph and picks the role in SQL; at the
    body's edges, around runs of blank lines, after non-ASCII text, on days with no role, two
    roles starting the same day and no date at all, it must agree with the detail view."""
    body = "Tehrān — «Intro» ünïcode.\n\n\n\nHe said “peace”.\nSame paragraph.\n\nLast words"
    article = ArticleFactory(body=body)
    speaker = SpeakerFactory()
    council = OrganizationFactory(name="Council")
    day = datetime.date(2021, 6, 1)
    RoleFactory(person=speaker, organization=council, start_on=day, title="Chair")
    RoleFactory(person=speaker, organization=council, start_on=day, title="Co-chair")
    RoleFactory(
        person=speaker,
        organization=council,
        start_on=datetime.date(2010, 1, 1),
        end_on=datetime.date(2011, 1, 1),
        title="Clerk",
    )
    spans = [(0, 6), (8, 15), (27, 29), (29, 31), (31, 33), (33, 48), (52, 66), (66, 70)]
    spans.append((len(body) - 5, len(body)))
    said = [
        day,
        datetime.date(2010, 6, 1),
        datetime.date(2015, 1, 1),
        None,
        datetime.date(2030, 1, 1),
        day,
        day,
        None,
        day,
    ]
    for (start, end), said_on in zip(spans, said, strict=True):
        QuoteFactory(
            article=article,
            speaker=speaker,
            text=body[start:end],
            start=start,
            end=end,
            said_on=said_on,
        )
    listed = anonymous_client.get("/api/v1/quotes/", {"page_size": 100}).json()["results"]
    assert len(listed) == len(spans)
    contexts = {row["context"] for row in listed}
    assert {"Tehrān — «Intro» ünïcode.", "He said “peace”.\nSame paragraph.", "Last words"} <= (
        contexts
    )
    roles = {row["speaker"]["role"] for row in listed}
    assert roles == {"Chair, Council", "Clerk, Council", None}
    for row in listed:
        assert row == anonymous_client.get(f"/api/v1/quotes/{row['id']}/").json()
