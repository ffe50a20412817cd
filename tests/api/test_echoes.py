"""Following one statement across articles: repeats, variants and conflicting credits."""

import datetime

import pytest

from quotedb.models import QuoteStatus
from tests.factories import ArticleFactory, QuoteFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

STATEMENT = "Any pretext for attacking the bases will be met with a reciprocal response."


def test_echoes_show_first_appearance_repeats_variants_and_conflicts(anonymous_client):
    khosravi, someone_else = SpeakerFactory(), SpeakerFactory()
    first = QuoteFactory(
        speaker=khosravi,
        text=STATEMENT,
        article=ArticleFactory(published_on=datetime.date(2023, 3, 24)),
    )
    repeat = QuoteFactory(speaker=khosravi, text="“" + STATEMENT.upper() + "”")
    variant = QuoteFactory(
        speaker=khosravi,
        text="Any pretext for attacking the bases will be immediately met with a reciprocal "
        "response.",
    )
    miscredited = QuoteFactory(speaker=someone_else, text=STATEMENT)
    QuoteFactory(speaker=khosravi, text="Iran has suffered a lot in the battle against terror.")
    QuoteFactory(speaker=khosravi, text=STATEMENT, status=QuoteStatus.PROPOSED)

    echoes = anonymous_client.get(f"/api/v1/quotes/{repeat.pk}/echoes/").json()
    assert echoes["first_appearance"]["id"] == first.pk
    assert {q["id"] for q in echoes["same_words"]} == {first.pk, miscredited.pk}
    assert [v["quote"]["id"] for v in echoes["variants"]] == [variant.pk]
    assert 0.85 <= echoes["variants"][0]["similarity"] <= 1
    assert [q["id"] for q in echoes["conflicts"]] == [miscredited.pk]


def test_echoes_of_a_hidden_quote_are_a_404_for_anonymous_readers(anonymous_client):
    hidden = QuoteFactory(status=QuoteStatus.PROPOSED)
    assert anonymous_client.get(f"/api/v1/quotes/{hidden.pk}/echoes/").status_code == 404
