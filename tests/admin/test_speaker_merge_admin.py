"""Merging speakers through the admin, as a curator does it: select, pick the survivor, confirm."""

import pytest
from django.urls import reverse

from speakers.models import Speaker
from tests.admin.helpers import messages_of, offered_actions, run_action
from tests.factories import AliasFactory, QuoteFactory, RoleFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:speakers_speaker_changelist"


@pytest.fixture
def three_records():
    khosravi = SpeakerFactory(name="Kayvan Khosravi", slug="kayvan-khosravi")
    keyvan = SpeakerFactory(name="Keyvan Khosravi", slug="keyvan-khosravi")
    spokesman = SpeakerFactory(name="K. Khosravi", slug="k-khosravi", country="IR")
    QuoteFactory.create_batch(2, speaker=keyvan)
    QuoteFactory(speaker=spokesman)
    RoleFactory(person=spokesman, title="Spokesman", organization__slug="snsc")
    AliasFactory(speaker=keyvan, name="Khosravi")
    return khosravi, keyvan, spokesman


def _merge_post(client, speakers, **fields):
    return client.post(
        reverse(CHANGELIST),
        {"action": "merge_speakers", "_selected_action": [s.pk for s in speakers], **fields},
    )


def test_a_curator_merges_three_records_in_three_plain_form_steps(
    curator_admin_client, curator_staff, three_records
):
    khosravi, keyvan, spokesman = three_records
    url = reverse(CHANGELIST)

    pick = run_action(curator_admin_client, url, "merge_speakers", [s.pk for s in three_records])
    assert pick.status_code == 200
    assert pick.context["step"] == "confirm"
    assert 'type="radio" name="survivor"' in pick.content.decode()

    confirm = _merge_post(curator_admin_client, three_records, step="confirm", survivor=khosravi.pk)
    assert confirm.status_code == 200
    page = confirm.content.decode()
    assert "“Keyvan Khosravi” into “Kayvan Khosravi”: moved 2 quotes (speaker), 1 alias;" in page
    assert "“K. Khosravi” into “Kayvan Khosravi”: moved 1 quote (speaker), 1 role (person);" in page
    assert "keyvan-khosravi now leads to kayvan-khosravi" in page
    assert Speaker.objects.exclude(slug="snsc").count() == 3, (
        "nothing changes before the confirmation"
    )

    done = _merge_post(curator_admin_client, three_records, step="merge", survivor=khosravi.pk)
    assert done.status_code == 302
    assert list(Speaker.objects.exclude(slug="snsc")) == [khosravi]
    assert khosravi.quotes.count() == 3
    assert khosravi.held_roles.get().title == "Spokesman"
    assert set(khosravi.aliases.values_list("name", flat=True)) == {
        "Keyvan Khosravi",
        "K. Khosravi",
        "Khosravi",
    }
    assert list(Speaker.objects.by_slug_or_id(["keyvan-khosravi", "k-khosravi"])) == [khosravi]
    khosravi.refresh_from_db()
    assert khosravi.country == "IR"
    reported = " ".join(messages_of(done))
    assert "Merged “Keyvan Khosravi” into “Kayvan Khosravi”: moved 2 quotes (speaker)" in reported
    assert "Merged “K. Khosravi” into “Kayvan Khosravi”" in reported
    assert khosravi.history.latest().history_user == curator_staff


def test_merging_needs_a_survivor_to_be_picked(curator_admin_client, three_records):
    page = _merge_post(curator_admin_client, three_records, step="confirm")
    assert page.status_code == 200
    assert page.context["form"].errors["survivor"]
    assert Speaker.objects.exclude(slug="snsc").count() == 3


def test_merging_one_speaker_alone_is_refused(curator_admin_client, three_records):
    response = run_action(
        curator_admin_client, reverse(CHANGELIST), "merge_speakers", [three_records[0].pk]
    )
    assert "Select two or more speakers to merge." in messages_of(response)


def test_a_merge_that_cannot_happen_says_why_on_the_page(curator_admin_client):
    council = SpeakerFactory(name="Council", kind="organization")
    member = RoleFactory(organization=council).person
    page = _merge_post(curator_admin_client, [council, member], step="confirm", survivor=council.pk)
    assert page.status_code == 200
    assert "hold a role in itself" in page.content.decode()
    assert Speaker.objects.filter(pk=member.pk).exists()


def test_merge_is_offered_only_to_those_who_may_change_and_delete_speakers(
    curator_admin_client, editor_admin_client, reader_admin_client, three_records
):
    assert "merge_speakers" in offered_actions(curator_admin_client, reverse(CHANGELIST))
    assert "merge_speakers" not in offered_actions(editor_admin_client, reverse(CHANGELIST))
    assert "merge_speakers" not in offered_actions(reader_admin_client, reverse(CHANGELIST))
    _merge_post(editor_admin_client, three_records, step="merge", survivor=three_records[0].pk)
    assert Speaker.objects.exclude(slug="snsc").count() == 3
