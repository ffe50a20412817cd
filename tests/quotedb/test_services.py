"""Curators' writes on quotes: status changes, topics and speakers, each recorded in history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from quotedb.models import ProposedQuote, Quote, QuoteStatus
from quotedb.services import (
    quote_approve,
    quote_change_speaker,
    quote_reject,
    quotes_add_topic,
    quotes_change_speaker,
    quotes_set_status,
)
from tests.factories import ArticleFactory, QuoteFactory, SpeakerFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposed():
    return QuoteFactory(status=QuoteStatus.PROPOSED)


def test_approving_makes_the_quote_public_and_records_who(curator, proposed):
    quote = quote_approve(quote=proposed, by=curator)
    assert quote.status == QuoteStatus.APPROVED
    assert Quote.objects.approved().filter(pk=proposed.pk).exists()
    latest = proposed.history.latest()
    assert (latest.status, latest.history_user, latest.history_change_reason) == (
        QuoteStatus.APPROVED,
        curator,
        "Status: approved",
    )


def test_rejecting_keeps_the_quote_but_hides_it(curator, proposed):
    quote_reject(quote=proposed, by=curator)
    assert Quote.objects.get(pk=proposed.pk).status == QuoteStatus.REJECTED
    assert not Quote.objects.approved().filter(pk=proposed.pk).exists()


def test_approving_needs_the_approve_permission(reader, proposed):
    with pytest.raises(PermissionDenied):
        quote_approve(quote=proposed, by=reader)
    assert Quote.objects.get(pk=proposed.pk).status == QuoteStatus.PROPOSED


def test_a_quote_without_speaker_cannot_be_approved(curator):
    quote = QuoteFactory(status=QuoteStatus.PROPOSED, speaker=None)
    with pytest.raises(ValidationError, match="no speaker"):
        quote_approve(quote=quote, by=curator)


def test_a_quote_whose_offsets_miss_its_text_cannot_be_approved(curator):
    article = ArticleFactory(body="He said that peace is near.")
    quote = QuoteFactory(article=article, text="", start=13, end=26, status=QuoteStatus.PROPOSED)
    Quote.objects.filter(pk=quote.pk).update(text="war is near")
    with pytest.raises(ValidationError, match="offsets"):
        quote_approve(quote=quote, by=curator)


def test_bulk_status_changes_are_all_or_nothing(curator, proposed):
    unattributed = QuoteFactory(status=QuoteStatus.PROPOSED, speaker=None)
    with pytest.raises(ValidationError):
        quotes_set_status(
            quotes=Quote.objects.filter(pk__in=[proposed.pk, unattributed.pk]),
            status=QuoteStatus.APPROVED,
            by=curator,
        )
    assert not Quote.objects.approved().exists()


def test_bulk_status_changes_keep_one_history_row_per_changed_quote(curator):
    quotes = QuoteFactory.create_batch(3, status=QuoteStatus.PROPOSED)
    already = QuoteFactory(status=QuoteStatus.REJECTED)
    changed = quotes_set_status(quotes=[*quotes, already], status=QuoteStatus.REJECTED, by=curator)
    assert changed == 3
    assert Quote.history.filter(history_user=curator).count() == 3


def test_an_unknown_status_is_refused(curator, proposed):
    with pytest.raises(ValidationError):
        quotes_set_status(quotes=[proposed], status="maybe", by=curator)


def test_changes_through_the_review_queue_proxy_are_recorded_as_quote_history(curator, proposed):
    queued = ProposedQuote.objects.get(pk=proposed.pk)
    quote_approve(quote=queued, by=curator)
    assert queued.status == QuoteStatus.APPROVED
    assert proposed.history.latest().history_user == curator


def test_adding_a_topic_tags_only_untagged_quotes_and_records_it(curator):
    syria = TopicFactory(name="Syria")
    tagged = QuoteFactory(topics=[syria])
    untagged = QuoteFactory()
    added = quotes_add_topic(quotes=Quote.objects.all(), topic=syria, by=curator)
    assert added == 1
    assert set(syria.quotes.all()) == {tagged, untagged}
    latest = untagged.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (curator, "Topic added: Syria")
    assert not tagged.history.filter(history_user=curator).exists()


def test_adding_a_topic_needs_the_change_permission(reader):
    with pytest.raises(PermissionDenied):
        quotes_add_topic(quotes=[QuoteFactory()], topic=TopicFactory(), by=reader)


def test_changing_the_speaker_credits_the_quote_and_records_it(curator, proposed):
    khosravi = SpeakerFactory(name="Kayvan Khosravi", slug="kayvan-khosravi")
    quote = quote_change_speaker(quote=proposed, speaker=khosravi, by=curator)
    assert quote.speaker == khosravi
    latest = proposed.history.latest()
    assert (latest.speaker_id, latest.history_user) == (khosravi.pk, curator)


def test_changing_to_the_same_speaker_changes_nothing(curator, proposed):
    assert quotes_change_speaker(quotes=[proposed], speaker=proposed.speaker, by=curator) == 0
