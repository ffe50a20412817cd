"""Inputs that once made the API fail (found by schema fuzzing) now get clear answers."""

import pytest

from quotedb.models import Quote
from tests.factories import OutletFactory, QuoteFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def test_deleting_a_speaker_with_quotes_is_a_409_and_loses_nothing(staff_client):
    quote = QuoteFactory()
    response = staff_client.delete(f"/api/v1/speakers/{quote.speaker.slug}/")
    assert response.status_code == 409
    assert "quotes" in response.json()["detail"]
    assert Quote.objects.filter(pk=quote.pk, speaker=quote.speaker).exists()


def test_two_outlets_cannot_share_the_speaker_that_stands_for_them(curator_client):
    press_tv = SpeakerFactory(slug="press-tv", kind="media")
    OutletFactory(speaker=press_tv)
    payload = {"slug": "press-tv-2", "name": "Press TV 2", "speaker": "press-tv"}
    response = curator_client.post("/api/v1/outlets/", payload, format="json")
    assert response.status_code == 400 and "speaker" in response.json()


@pytest.mark.parametrize("body", ["null", "true", "3", '"text"', "[]"])
def test_a_json_body_that_is_not_an_object_is_a_400(curator_client, body):
    response = curator_client.post("/api/v1/articles/", body, content_type="application/json")
    assert response.status_code == 400


def test_lookalike_digits_and_huge_ids_are_not_a_crash(anonymous_client):
    QuoteFactory()
    assert anonymous_client.get("/api/v1/speakers/%C2%B2/").status_code == 404
    assert anonymous_client.get("/api/v1/speakers/%C2%B2/quotes/").status_code == 404
    huge = "99999999999999999999"
    response = anonymous_client.get("/api/v1/quotes/", {"speaker": huge})
    assert response.status_code == 200 and response.json()["results"] == []
    response = anonymous_client.get("/api/v1/quotes/", {"article": huge})
    assert response.status_code == 400 and "article" in response.json()
    response = anonymous_client.get("/api/v1/quotes/", {"outlet": huge})
    assert response.status_code == 200 and response.json()["results"] == []


def test_null_characters_in_filters_are_a_400(anonymous_client):
    for params in ({"speaker": "a\x00"}, {"speaker_name": "a\x00"}, {"q": "a\x00"}):
        response = anonymous_client.get("/api/v1/quotes/", params)
        assert response.status_code == 400, params
        assert set(params) <= set(response.json())


def test_wikidata_ids_are_unique_and_well_formed_or_empty(curator_client):
    SpeakerFactory(slug="joe-biden", wikidata_id="Q6279")
    clash = {"slug": "biden-2", "name": "Biden", "wikidata_id": "Q6279"}
    response = curator_client.post("/api/v1/speakers/", clash, format="json")
    assert response.status_code == 400 and "wikidata_id" in response.json()
    malformed = {"slug": "x", "name": "X", "wikidata_id": "6279"}
    response = curator_client.post("/api/v1/speakers/", malformed, format="json")
    assert response.status_code == 400 and "wikidata_id" in response.json()
    blank = {"slug": "y", "name": "Y", "wikidata_id": "", "country": ""}
    assert curator_client.post("/api/v1/speakers/", blank, format="json").status_code == 201
