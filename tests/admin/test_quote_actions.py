"""Quote actions in the admin: approve, reject, add a topic, change speaker, and who may."""

import pytest
from django.urls import reverse

from quotedb.models import Quote, QuoteStatus
from tests.admin.helpers import messages_of, offered_actions, run_action
from tests.factories import QuoteFactory, SpeakerFactory, TopicFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:quotedb_quote_changelist"


@pytest.fixture
def proposed():
    return QuoteFactory.create_batch(2, status=QuoteStatus.PROPOSED)


def test_a_curator_approves_selected_quotes_and_history_names_the_curator(
    curator_admin_client, curator_staff, proposed
):
    response = run_action(
        curator_admin_client, reverse(CHANGELIST), "approve_quotes", [q.pk for q in proposed]
    )
    assert response.status_code == 302
    assert "Approved 2 quotes." in messages_of(response)
    for quote in proposed:
        quote.refresh_from_db()
        assert quote.status == QuoteStatus.APPROVED
        latest = quote.history.latest()
        assert latest.history_user == curator_staff
        assert latest.status == QuoteStatus.APPROVED


def test_a_curator_rejects_selected_quotes(curator_admin_client, proposed):
    run_action(curator_admin_client, reverse(CHANGELIST), "reject_quotes", [proposed[0].pk])
    assert Quote.objects.get(pk=proposed[0].pk).status == QuoteStatus.REJECTED
    assert Quote.objects.get(pk=proposed[1].pk).status == QuoteStatus.PROPOSED


def test_approving_a_quote_without_speaker_changes_nothing_and_says_why(
    curator_admin_client, proposed
):
    unattributed = QuoteFactory(status=QuoteStatus.PROPOSED, speaker=None)
    response = run_action(
        curator_admin_client,
        reverse(CHANGELIST),
        "approve_quotes",
        [proposed[0].pk, unattributed.pk],
    )
    assert any("no speaker" in message for message in messages_of(response))
    assert Quote.objects.filter(status=QuoteStatus.APPROVED).count() == 0


def test_a_curator_approves_from_the_quote_page_itself(curator_admin_client, proposed):
    quote = proposed[0]
    url = reverse("admin:quotedb_quote_change", args=[quote.pk])
    response = curator_admin_client.post(
        url, {"CHANGE_FORM-action": "approve_quotes", "_selected_action": str(quote.pk)}
    )
    assert response.status_code == 302
    quote.refresh_from_db()
    assert quote.status == QuoteStatus.APPROVED


def test_curators_are_offered_every_quote_action(curator_admin_client):
    assert {"approve_quotes", "reject_quotes", "assign_topic", "change_speaker"} <= (
        offered_actions(curator_admin_client, reverse(CHANGELIST))
    )


def test_readers_with_admin_access_are_offered_no_action_and_cannot_post_one(
    reader_admin_client, proposed
):
    QuoteFactory(status=QuoteStatus.APPROVED)
    assert offered_actions(reader_admin_client, reverse(CHANGELIST)) == set()
    run_action(reader_admin_client, reverse(CHANGELIST), "approve_quotes", [proposed[0].pk])
    assert Quote.objects.get(pk=proposed[0].pk).status == QuoteStatus.PROPOSED


def test_readers_with_admin_access_see_approved_quotes_only(reader_admin_client, proposed):
    approved = QuoteFactory(status=QuoteStatus.APPROVED)
    response = reader_admin_client.get(reverse(CHANGELIST))
    assert list(response.context["cl"].result_list) == [approved]


def test_editors_without_the_approve_permission_may_tag_but_not_approve(
    editor_admin_client, proposed
):
    offered = offered_actions(editor_admin_client, reverse(CHANGELIST))
    assert {"assign_topic", "change_speaker"} <= offered
    assert not {"approve_quotes", "reject_quotes"} & offered
    run_action(editor_admin_client, reverse(CHANGELIST), "approve_quotes", [proposed[0].pk])
    assert Quote.objects.get(pk=proposed[0].pk).status == QuoteStatus.PROPOSED
    page = editor_admin_client.get(reverse("admin:quotedb_quote_change", args=[proposed[0].pk]))
    assert "status" not in page.context["adminform"].form.fields


def test_assigning_a_topic_asks_for_the_topic_then_tags_the_quotes(
    curator_admin_client, curator_staff, proposed
):
    syria = TopicFactory(name="Syria")
    pks = [q.pk for q in proposed]
    page = run_action(curator_admin_client, reverse(CHANGELIST), "assign_topic", pks)
    assert page.status_code == 200
    assert 'name="topic"' in page.content.decode()
    assert Quote.objects.filter(topics=syria).count() == 0

    response = curator_admin_client.post(
        reverse(CHANGELIST),
        {"action": "assign_topic", "_selected_action": pks, "post": "yes", "topic": syria.pk},
    )
    assert response.status_code == 302
    assert "Added “Syria” to 2 quotes." in messages_of(response)
    assert set(Quote.objects.filter(topics=syria).values_list("pk", flat=True)) == set(pks)
    latest = proposed[0].history.latest()
    assert (latest.history_user, latest.history_change_reason) == (
        curator_staff,
        "Topic added: Syria",
    )


def test_changing_the_speaker_takes_one_step_with_the_speaker_box(
    curator_admin_client, curator_staff, proposed
):
    khosravi = SpeakerFactory(name="Kayvan Khosravi", slug="kayvan-khosravi")
    response = run_action(
        curator_admin_client,
        reverse(CHANGELIST),
        "change_speaker",
        [q.pk for q in proposed],
        speaker="kayvan-khosravi",
    )
    assert response.status_code == 302
    assert "Credited 2 quotes to Kayvan Khosravi." in messages_of(response)
    assert set(Quote.objects.values_list("speaker", flat=True)) == {khosravi.pk}
    assert proposed[0].history.latest().history_user == curator_staff


def test_changing_the_speaker_with_an_empty_box_asks_for_it_on_a_page(
    curator_admin_client, proposed
):
    khosravi = SpeakerFactory(name="Kayvan Khosravi", slug="kayvan-khosravi")
    page = run_action(curator_admin_client, reverse(CHANGELIST), "change_speaker", [proposed[0].pk])
    assert page.status_code == 200
    response = curator_admin_client.post(
        reverse(CHANGELIST),
        {
            "action": "change_speaker",
            "_selected_action": [proposed[0].pk],
            "post": "yes",
            "speaker": "Kayvan Khosravi",
        },
    )
    assert response.status_code == 302
    assert Quote.objects.get(pk=proposed[0].pk).speaker == khosravi


def test_an_unknown_speaker_is_named_in_the_error_and_nothing_changes(
    curator_admin_client, proposed
):
    before = Quote.objects.get(pk=proposed[0].pk).speaker_id
    page = run_action(
        curator_admin_client,
        reverse(CHANGELIST),
        "change_speaker",
        [proposed[0].pk],
        speaker="nobody-at-all",
    )
    assert page.status_code == 200
    assert "No speaker has the slug, id or name “nobody-at-all”." in page.content.decode()
    assert Quote.objects.get(pk=proposed[0].pk).speaker_id == before


def test_saving_the_quote_form_records_the_curator_in_history(
    curator_admin_client, curator_staff, proposed
):
    quote = proposed[0]
    data = {
        "text": quote.text,
        "kind": quote.kind,
        "cue": "claimed",
        "language": "en",
        "original_text": "",
        "speaker": quote.speaker_id,
        "speaker_mention": quote.speaker_mention,
        "relayed_by": "",
        "article": quote.article_id,
        "start": "",
        "end": "",
        "said_on": quote.said_on.isoformat(),
        "status": QuoteStatus.PROPOSED,
        "origin": quote.origin,
        "confidence": "",
        "quotetopic_set-TOTAL_FORMS": "0",
        "quotetopic_set-INITIAL_FORMS": "0",
        "_save": "Save",
    }
    response = curator_admin_client.post(
        reverse("admin:quotedb_quote_change", args=[quote.pk]), data
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    latest = quote.history.latest()
    assert (latest.cue, latest.history_user) == ("claimed", curator_staff)


def test_adding_a_topic_to_every_quote_matching_a_filter(curator_admin_client, proposed):
    syria = TopicFactory(name="Syria")
    approved = QuoteFactory(status=QuoteStatus.APPROVED)
    url = reverse(CHANGELIST) + "?status__exact=proposed"
    fields = {"action": "assign_topic", "select_across": "1", "_selected_action": proposed[0].pk}
    page = curator_admin_client.post(url, {**fields, "index": "0"})
    assert page.status_code == 200
    assert "2 quotes selected" in page.content.decode()
    curator_admin_client.post(url, {**fields, "post": "yes", "topic": syria.pk})
    assert set(syria.quotes.all()) == set(proposed)
    assert not approved.topics.exists()
