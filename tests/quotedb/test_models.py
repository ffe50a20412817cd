"""Rules the database itself keeps for quotes: spans, choices, confidence, defaults."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from quotedb.fingerprints import fingerprint
from quotedb.models import Quote
from tests.factories import ArticleFactory, QuoteFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def test_said_on_defaults_to_the_article_publication_date():
    quote = QuoteFactory(article=ArticleFactory(published_on=datetime.date(2023, 3, 25)))
    assert quote.said_on == datetime.date(2023, 3, 25)


def test_offsets_fill_in_the_text_from_the_article_body():
    article = ArticleFactory(body="He said that peace is near. Then he left.")
    quote = QuoteFactory(article=article, text="", start=13, end=26)
    assert quote.text == "peace is near"


def test_offsets_that_do_not_point_at_the_text_are_rejected_by_full_clean():
    article = ArticleFactory(body="He said that peace is near.")
    quote = Quote(article=article, text="war is near", start=13, end=26, speaker=SpeakerFactory())
    with pytest.raises(ValidationError) as error:
        quote.full_clean()
    assert "start" in error.value.message_dict


def test_offsets_past_the_end_of_the_body_are_rejected():
    article = ArticleFactory(body="Short.")
    quote = Quote(article=article, text="x", start=2, end=60)
    with pytest.raises(ValidationError) as error:
        quote.full_clean()
    assert "end" in error.value.message_dict


def test_the_database_refuses_a_second_quote_with_the_same_span():
    article = ArticleFactory(body="He said that peace is near. Then he left.")
    QuoteFactory(article=article, text="", start=13, end=26)
    with pytest.raises(IntegrityError), transaction.atomic():
        QuoteFactory(article=article, text="", start=13, end=26)


@pytest.mark.parametrize(
    "field, value",
    [("kind", "rumour"), ("status", "maybe"), ("origin", "dreamt"), ("confidence", 1.5)],
)
def test_the_database_refuses_values_outside_the_choices(field, value):
    quote = QuoteFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Quote.objects.filter(pk=quote.pk).update(**{field: value})


def test_fingerprint_ignores_case_punctuation_and_quotation_marks():
    assert fingerprint("“Peace,” he said — is NEAR!") == fingerprint("peace he said is near")
    quote = QuoteFactory(text="‘Does not seek conflict with Iran’")
    assert quote.fingerprint == fingerprint("does not seek conflict with iran")
