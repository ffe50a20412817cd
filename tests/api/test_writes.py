"""Writing through the API: who may, what they may set, and validation as 400s."""

import datetime

import pytest

from quotedb.models import Quote, QuoteStatus
from tests.factories import ArticleFactory, QuoteFactory, SpeakerFactory, TopicFactory

pytestmark = pytest.mark.django_db
LIST = "/api/v1/quotes/"


@pytest.fixture
def article():
    return ArticleFactory(
        body="Intro.\n\nKhosravi said that peace is near.\n\nOutro.",
        published_on=datetime.date(2023, 3, 25),
    )


def new_quote(article, **extra) -> dict:
    return {
        "article_id": article.pk,
        "start": 27,
        "end": 40,
        "kind": "indirect",
        "cue": "said",
        "speaker_id": SpeakerFactory().pk,
        "speaker_mention": "Khosravi",
        **extra,
    }


def test_anonymous_and_readers_cannot_write(anonymous_client, reader_client, article):
    quote = QuoteFactory()
    for client in (anonymous_client, reader_client):
        assert client.post(LIST, new_quote(article), format="json").status_code in (401, 403)
        assert client.patch(f"{LIST}{quote.pk}/", {"cue": "x"}, format="json").status_code in (
            401,
            403,
        )
        assert client.delete(f"{LIST}{quote.pk}/").status_code in (401, 403)
    assert Quote.objects.count() == 1


def test_curator_creates_a_quote_from_offsets_and_may_approve_it(curator_client, curator, article):
    TopicFactory(slug="syria")
    response = curator_client.post(
        LIST, new_quote(article, topics=["syria"], status="approved"), format="json"
    )
    assert response.status_code == 201, response.content
    quote = Quote.objects.get()
    assert quote.text == "peace is near"
    assert quote.status == QuoteStatus.APPROVED
    assert quote.created_by == curator
    assert quote.said_on == datetime.date(2023, 3, 25)
    assert list(quote.topics.values_list("slug", flat=True)) == ["syria"]
    assert response.json()["span"] == [27, 40]


def test_fingerprint_and_created_by_cannot_be_set(curator_client, staff, article):
    payload = new_quote(article, fingerprint="forged", created_by=staff.pk)
    assert curator_client.post(LIST, payload, format="json").status_code == 201
    quote = Quote.objects.get()
    assert quote.fingerprint != "forged" and quote.created_by.username == "curator"


def test_a_writer_without_approval_rights_cannot_set_status(article, django_user_model):
    from django.contrib.auth.models import Permission
    from rest_framework.test import APIClient

    writer = django_user_model.objects.create_user("writer")
    writer.user_permissions.add(Permission.objects.get(codename="add_quote"))
    client = APIClient()
    client.force_authenticate(writer)
    response = client.post(LIST, new_quote(article, status="approved"), format="json")
    assert response.status_code == 201
    assert Quote.objects.get().status == QuoteStatus.PROPOSED


def test_offsets_that_do_not_match_the_text_are_a_400_naming_start(curator_client, article):
    response = curator_client.post(LIST, new_quote(article, text="war is near"), format="json")
    assert response.status_code == 400 and "start" in response.json()


def test_offsets_past_the_body_are_a_400_naming_end(curator_client, article):
    response = curator_client.post(LIST, new_quote(article, start=10, end=900), format="json")
    assert response.status_code == 400 and "end" in response.json()


def test_a_second_quote_on_the_same_span_is_a_400_not_a_crash(curator_client, article):
    assert curator_client.post(LIST, new_quote(article), format="json").status_code == 201
    response = curator_client.post(LIST, new_quote(article), format="json")
    assert response.status_code == 400 and "start" in response.json()


def test_confidence_outside_0_and_1_is_a_400(curator_client, article):
    response = curator_client.post(LIST, new_quote(article, confidence=1.5), format="json")
    assert response.status_code == 400 and "confidence" in response.json()


def test_said_on_is_required_when_the_article_has_no_date(curator_client):
    undated = ArticleFactory(published_on=None, body="He said: it is over.")
    payload = {"article_id": undated.pk, "text": "it is over", "start": 9, "end": 19}
    response = curator_client.post(LIST, payload, format="json")
    assert response.status_code == 400 and "said_on" in response.json()
    payload["said_on"] = "2023-03-01"
    assert curator_client.post(LIST, payload, format="json").status_code == 201


def test_curator_approves_by_patching_status(curator_client):
    quote = QuoteFactory(status=QuoteStatus.PROPOSED)
    response = curator_client.patch(f"{LIST}{quote.pk}/", {"status": "approved"}, format="json")
    assert response.status_code == 200
    quote.refresh_from_db()
    assert quote.status == QuoteStatus.APPROVED


def test_staff_can_delete(staff_client):
    quote = QuoteFactory()
    assert staff_client.delete(f"{LIST}{quote.pk}/").status_code == 204
    assert not Quote.objects.exists()


def test_topic_cannot_become_its_own_ancestor(curator_client):
    parent = TopicFactory(slug="parent")
    TopicFactory(slug="child", parent=parent)
    response = curator_client.patch("/api/v1/topics/parent/", {"parent": "child"}, format="json")
    assert response.status_code == 400 and "parent" in response.json()


def test_an_article_needs_no_outlet_and_duplicate_ids_are_a_400(curator_client):
    plain = {"title": "Untitled wire copy", "body": "He said it was over."}
    assert curator_client.post("/api/v1/articles/", plain, format="json").status_code == 201
    outlet = ArticleFactory(external_id="198808").outlet
    duplicate = {**plain, "outlet": outlet.slug, "external_id": "198808"}
    response = curator_client.post("/api/v1/articles/", duplicate, format="json")
    assert response.status_code == 400 and "external_id" in response.json()


@pytest.mark.parametrize(
    ("path", "payload", "field"),
    [
        ("/api/v1/topics/parent/", {"parent": "a\x00b"}, "parent"),
        ("/api/v1/topics/parent/", {"parent": "x", "name": "Parent"}, "parent"),
    ],
)
def test_a_slug_that_names_nothing_is_a_400_naming_the_field(curator_client, path, payload, field):
    # A NUL character cannot reach PostgreSQL, which refuses it in text (a 500 before).
    TopicFactory(slug="parent")
    for content_type in ("json", "multipart"):
        response = curator_client.patch(path, payload, format=content_type)
        assert response.status_code == 400, response.content
        assert field in response.json()


def test_a_quote_with_a_null_character_in_a_topic_slug_is_a_400(curator_client, article):
    response = curator_client.post(
        "/api/v1/quotes/", new_quote(article, topics=["war\x00"]), format="json"
    )
    assert response.status_code == 400
    assert "topics" in response.json()


def test_admin_access_alone_grants_no_writes_and_no_verdicts(article, django_user_model):
    """is_staff only opens the admin site; what a user may do comes from their permissions,
    the same in the API as in the admin."""
    from django.contrib.auth.models import Group, Permission
    from rest_framework.test import APIClient

    from quotedb.access import READER

    reader = django_user_model.objects.create_user("staff-reader", is_staff=True)
    reader.groups.add(Group.objects.get(name=READER))
    quote = QuoteFactory(status=QuoteStatus.PROPOSED)
    client = APIClient()
    client.force_authenticate(reader)
    assert client.post(LIST, new_quote(article), format="json").status_code == 403
    assert client.patch(f"{LIST}{quote.pk}/", {"cue": "x"}, format="json").status_code == 403
    assert client.delete(f"{LIST}{quote.pk}/").status_code == 403

    editor = django_user_model.objects.create_user("staff-editor", is_staff=True)
    editor.user_permissions.add(*Permission.objects.filter(codename__in=["change_quote"]))
    client.force_authenticate(editor)
    response = client.patch(
        f"{LIST}{quote.pk}/", {"cue": "stated", "status": "approved"}, format="json"
    )
    assert response.status_code == 200, response.content
    quote.refresh_from_db()
    assert quote.cue == "stated"
    assert quote.status == QuoteStatus.PROPOSED  # no approve_quote permission, no verdict
    assert Quote.objects.count() == 1
