"""The review queue: proposed quotes by confidence, the span shown in its paragraph, one-step
verdicts, and markup in article text that stays inert."""

import pytest
from django.urls import reverse

from quotedb.models import Quote, QuoteStatus
from tests.admin.helpers import messages_of, offered_actions, run_action
from tests.factories import ArticleFactory, QuoteFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

QUEUE = "admin:quotedb_proposedquote_changelist"

HOSTILE_BODY = (
    "First paragraph.\n\n"
    'The minister said <script>alert("owned")</script> & more, then left.\n\n'
    "Last paragraph."
)


def _hostile_quote(**kwargs) -> Quote:
    article = ArticleFactory(body=HOSTILE_BODY)
    start = HOSTILE_BODY.index("<script>")
    end = HOSTILE_BODY.index(" & more") + len(" & more")
    return QuoteFactory(article=article, text="", start=start, end=end, **kwargs)


def test_the_queue_shows_proposed_quotes_most_confident_first(curator_admin_client):
    unsure = QuoteFactory(status=QuoteStatus.PROPOSED, confidence=0.3)
    unscored = QuoteFactory(status=QuoteStatus.PROPOSED, confidence=None)
    sure = QuoteFactory(status=QuoteStatus.PROPOSED, confidence=0.9)
    QuoteFactory(status=QuoteStatus.APPROVED, confidence=1.0)
    QuoteFactory(status=QuoteStatus.REJECTED, confidence=1.0)
    response = curator_admin_client.get(reverse(QUEUE))
    assert [quote.pk for quote in response.context["cl"].result_list] == [
        sure.pk,
        unsure.pk,
        unscored.pk,
    ]


def test_the_queue_highlights_the_span_inside_its_paragraph(curator_admin_client):
    article = ArticleFactory(body="Intro.\n\nKhosravi said peace is near today.\n\nOutro.")
    start = article.body.index("peace is near")
    QuoteFactory(article=article, text="", start=start, end=start + 13, status=QuoteStatus.PROPOSED)
    html = curator_admin_client.get(reverse(QUEUE)).content.decode()
    assert "Khosravi said <mark>peace is near</mark> today." in html
    assert "Intro." not in html


def test_markup_in_the_quote_renders_inert_on_the_quote_page(curator_admin_client):
    quote = _hostile_quote()
    html = curator_admin_client.get(
        reverse("admin:quotedb_quote_change", args=[quote.pk])
    ).content.decode()
    assert (
        "The minister said <mark>&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; "
        "&amp; more</mark>, then left." in html
    )
    assert '<script>alert("owned")' not in html


def test_markup_in_the_quote_renders_inert_in_the_queue(curator_admin_client):
    _hostile_quote(status=QuoteStatus.PROPOSED)
    html = curator_admin_client.get(reverse(QUEUE)).content.decode()
    assert "<mark>&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; &amp; more</mark>" in html
    assert '<script>alert("owned")' not in html


def test_long_paragraphs_are_trimmed_around_the_span_in_the_queue(curator_admin_client):
    body = "a" * 1000 + " the span " + "b" * 1000
    article = ArticleFactory(body=body)
    start = body.index("the span")
    QuoteFactory(article=article, text="", start=start, end=start + 8, status="proposed")
    html = curator_admin_client.get(reverse(QUEUE)).content.decode()
    assert "…" + "a" * 159 + " <mark>the span</mark> " + "b" * 159 + "…" in html


def test_approving_from_the_queue_takes_one_step_and_is_recorded(
    curator_admin_client, curator_staff
):
    quote = QuoteFactory(status=QuoteStatus.PROPOSED, confidence=0.8)
    response = run_action(curator_admin_client, reverse(QUEUE), "approve_quotes", [quote.pk])
    assert "Approved 1 quote." in messages_of(response)
    quote.refresh_from_db()
    assert quote.status == QuoteStatus.APPROVED
    assert quote.history.latest().history_user == curator_staff
    assert curator_admin_client.get(reverse(QUEUE)).context["cl"].result_count == 0


def test_changing_the_speaker_from_the_queue_takes_one_step(curator_admin_client, curator_staff):
    quote = QuoteFactory(status=QuoteStatus.PROPOSED, speaker=None, speaker_mention="He")
    biden = SpeakerFactory(name="Joe Biden", slug="joe-biden")
    response = run_action(
        curator_admin_client, reverse(QUEUE), "change_speaker", [quote.pk], speaker="joe-biden"
    )
    assert response.status_code == 302
    quote.refresh_from_db()
    assert quote.speaker == biden
    assert quote.history.latest().history_user == curator_staff


def test_a_queue_row_opens_the_quote_page_where_edits_keep_history(curator_admin_client):
    quote = QuoteFactory(status=QuoteStatus.PROPOSED)
    response = curator_admin_client.get(
        reverse("admin:quotedb_proposedquote_change", args=[quote.pk])
    )
    assert response.status_code == 302
    assert response.url == reverse("admin:quotedb_quote_change", args=[quote.pk])


def test_the_queue_offers_verdicts_to_curators_and_only_tagging_to_editors(
    curator_admin_client, editor_admin_client
):
    assert {"approve_quotes", "reject_quotes", "change_speaker", "assign_topic"} == (
        offered_actions(curator_admin_client, reverse(QUEUE))
    )
    assert {"change_speaker", "assign_topic"} == offered_actions(
        editor_admin_client, reverse(QUEUE)
    )


def test_readers_cannot_open_the_queue(reader_admin_client):
    assert reader_admin_client.get(reverse(QUEUE)).status_code == 403
