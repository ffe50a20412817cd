"""The article admin's "Extract quotes" action: curators propose quotes for selected articles."""

import pytest
from django.test import Client
from django.urls import reverse

from quotedb.access import CURATOR, READER
from quotedb.models import Quote, QuoteStatus
from tests.admin.helpers import messages_of, offered_actions, run_action
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:articles_article_changelist")


def _admin_client(username: str, group: str) -> Client:
    user = UserFactory(username=username, is_staff=True, groups=[group])
    user.refresh_from_db()  # the factory sets the password after saving
    client = Client()
    client.force_login(user)
    return client


def test_curators_extract_quotes_from_selected_articles(seed_article, known_speakers):
    curator = _admin_client("curator-staff", CURATOR)
    assert "extract_quotes" in offered_actions(curator, CHANGELIST)
    response = run_action(curator, CHANGELIST, "extract_quotes", [seed_article.pk])
    assert response.status_code == 302
    assert messages_of(response) == [
        "Extracted quotes from 1 article: 10 proposed, 0 refreshed, 0 unchanged, 0 left as curated."
    ]
    assert Quote.objects.filter(status=QuoteStatus.PROPOSED).count() == 10
    again = run_action(curator, CHANGELIST, "extract_quotes", [seed_article.pk])
    assert "0 proposed, 0 refreshed, 10 unchanged" in messages_of(again)[-1]
    assert Quote.objects.count() == 10


def test_readers_are_not_offered_extraction(seed_article):
    reader = _admin_client("reader-staff", READER)
    assert "extract_quotes" not in offered_actions(reader, CHANGELIST)
