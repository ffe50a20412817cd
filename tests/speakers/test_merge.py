"""Merging two records of one speaker: everything moves to the survivor, nothing is lost."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from quotedb.models import Quote
from speakers.models import Alias, Role, SlugRedirect, Speaker, SpeakerKind
from speakers.services import speakers_merge, speakers_merge_preview
from tests.factories import (
    AliasFactory,
    OrganizationFactory,
    OutletFactory,
    QuoteFactory,
    RoleFactory,
    SpeakerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def khosravi():
    speaker = SpeakerFactory(name="Kayvan Khosravi", slug="kayvan-khosravi")
    AliasFactory(speaker=speaker, name="Kayvan Khosravi")
    AliasFactory(speaker=speaker, name="Khosravi")
    return speaker


@pytest.fixture
def duplicate():
    speaker = SpeakerFactory(
        name="Keyvan Khosravi",
        slug="keyvan-khosravi",
        description="Spokesman of the SNSC",
        country="IR",
        wikidata_id="Q123",
    )
    AliasFactory(speaker=speaker, name="KHOSRAVI")  # the survivor knows this name already
    AliasFactory(speaker=speaker, name="K. Khosravi")
    return speaker


def test_quotes_roles_and_aliases_move_to_the_survivor(staff, khosravi, duplicate):
    said = QuoteFactory.create_batch(3, speaker=duplicate)
    relayed = QuoteFactory(relayed_by=duplicate)
    held = RoleFactory(person=duplicate, title="Spokesman")

    survivor = speakers_merge(survivor=khosravi, other=duplicate, by=staff)

    assert survivor == khosravi
    assert not Speaker.objects.filter(pk=duplicate.pk).exists()
    assert set(survivor.quotes.all()) == set(said)
    assert list(survivor.relayed_quotes.all()) == [relayed]
    assert list(survivor.held_roles.all()) == [Role.objects.get(pk=held.pk)]
    assert sorted(survivor.aliases.values_list("name", flat=True)) == [
        "K. Khosravi",
        "Kayvan Khosravi",
        "Keyvan Khosravi",
        "Khosravi",
    ]


def test_roles_of_a_merged_organization_move_as_organization(staff):
    snsc = OrganizationFactory(name="Supreme National Security Council", slug="snsc")
    copy = OrganizationFactory(name="SNSC", slug="snsc-2")
    member = RoleFactory(organization=copy)
    speakers_merge(survivor=snsc, other=copy, by=staff)
    member.refresh_from_db()
    assert member.organization == snsc
    assert list(Speaker.objects.named("SNSC")) == [snsc]


def test_identical_roles_are_kept_once(staff, khosravi, duplicate):
    council = OrganizationFactory()
    RoleFactory(person=khosravi, organization=council, start_on=datetime.date(2021, 1, 1))
    RoleFactory(person=duplicate, organization=council, start_on=datetime.date(2021, 1, 1))
    speakers_merge(survivor=khosravi, other=duplicate, by=staff)
    assert khosravi.held_roles.count() == 1


def test_the_old_name_becomes_an_alias_and_finds_the_survivor(staff, khosravi, duplicate):
    speakers_merge(survivor=khosravi, other=duplicate, by=staff)
    assert list(Speaker.objects.named("keyvan khosravi")) == [khosravi]


def test_a_name_that_normalises_like_an_existing_alias_is_not_added_twice(staff, khosravi):
    other = SpeakerFactory(name="KHOSRAVI!", slug="khosravi-bang")
    speakers_merge(survivor=khosravi, other=other, by=staff)
    assert khosravi.aliases.filter(normalized="khosravi").count() == 1
    assert not khosravi.aliases.filter(name="KHOSRAVI!").exists()


def test_the_old_slug_and_its_own_old_slugs_resolve_to_the_survivor(staff, khosravi, duplicate):
    SlugRedirect.objects.create(old_slug="k-khosravi", speaker=duplicate)
    speakers_merge(survivor=khosravi, other=duplicate, by=staff)
    assert list(Speaker.objects.by_slug_or_id(["keyvan-khosravi"])) == [khosravi]
    assert list(Speaker.objects.by_slug_or_id(["k-khosravi"])) == [khosravi]
    assert list(Speaker.objects.by_slug_or_id([str(duplicate.pk)])) == []


def test_empty_fields_of_the_survivor_are_filled_and_its_own_are_kept(staff, duplicate):
    survivor = SpeakerFactory(name="Kayvan Khosravi", country="", description="Kept as it is")
    survivor = speakers_merge(survivor=survivor, other=duplicate, by=staff)
    survivor.refresh_from_db()
    assert (survivor.description, survivor.country, survivor.wikidata_id) == (
        "Kept as it is",
        "IR",
        "Q123",
    )


def test_the_outlet_link_moves_when_the_survivor_stands_for_no_outlet(staff):
    press_tv = SpeakerFactory(name="Press TV", kind=SpeakerKind.MEDIA)
    copy = SpeakerFactory(name="PressTV", kind=SpeakerKind.MEDIA)
    outlet = OutletFactory(speaker=copy)
    speakers_merge(survivor=press_tv, other=copy, by=staff)
    outlet.refresh_from_db()
    assert outlet.speaker == press_tv


def test_the_survivors_own_outlet_link_is_kept(staff):
    press_tv = SpeakerFactory(name="Press TV", kind=SpeakerKind.MEDIA)
    copy = SpeakerFactory(name="PressTV", kind=SpeakerKind.MEDIA)
    own, other = OutletFactory(speaker=press_tv), OutletFactory(speaker=copy)
    speakers_merge(survivor=press_tv, other=copy, by=staff)
    own.refresh_from_db()
    other.refresh_from_db()
    assert (own.speaker, other.speaker) == (press_tv, None)


def test_a_speaker_cannot_be_merged_into_itself(staff, khosravi):
    with pytest.raises(ValidationError, match="itself"):
        speakers_merge(survivor=khosravi, other=khosravi, by=staff)
    assert Speaker.objects.filter(pk=khosravi.pk).exists()


def test_a_person_holding_a_role_in_the_other_cannot_be_merged_with_it(staff):
    council = OrganizationFactory()
    person = RoleFactory(organization=council).person
    with pytest.raises(ValidationError, match="role"):
        speakers_merge(survivor=council, other=person, by=staff)


def test_merging_needs_permission_to_change_and_delete_speakers(khosravi, duplicate):
    reader = UserFactory(groups=["reader"])
    with pytest.raises(PermissionDenied):
        speakers_merge(survivor=khosravi, other=duplicate, by=reader)
    assert Speaker.objects.filter(pk=duplicate.pk).exists()


def test_a_failure_midway_leaves_both_speakers_as_they_were(
    staff, khosravi, duplicate, monkeypatch
):
    quote = QuoteFactory(speaker=duplicate)
    role = RoleFactory(person=duplicate)

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    # The survivor is validated last: by then everything has moved and the other is deleted.
    monkeypatch.setattr(Speaker, "full_clean", fail)
    with pytest.raises(RuntimeError):
        speakers_merge(survivor=khosravi, other=duplicate, by=staff)

    assert Speaker.objects.filter(pk=duplicate.pk).exists()
    assert Quote.objects.get(pk=quote.pk).speaker_id == duplicate.pk
    assert Role.objects.get(pk=role.pk).person_id == duplicate.pk
    assert set(Alias.objects.filter(speaker=duplicate).values_list("name", flat=True)) == {
        "KHOSRAVI",
        "K. Khosravi",
    }
    assert not SlugRedirect.objects.exists()
    assert khosravi.aliases.count() == 2


def test_history_records_the_merge_under_the_curators_name(curator, khosravi, duplicate):
    quote = QuoteFactory(speaker=duplicate)
    speakers_merge(survivor=khosravi, other=duplicate, by=curator)

    moved = quote.history.latest()
    assert (moved.speaker_id, moved.history_user) == (khosravi.pk, curator)
    assert "Merged Keyvan Khosravi" in moved.history_change_reason
    deleted = Speaker.history.filter(id=duplicate.pk).latest()
    assert (deleted.history_type, deleted.history_user) == ("-", curator)
    assert khosravi.history.latest().history_user == curator
    alias = Alias.objects.get(name="K. Khosravi")
    assert alias.history.latest().history_user == curator


def test_the_preview_says_what_will_move_without_changing_anything(khosravi, duplicate):
    QuoteFactory.create_batch(2, speaker=duplicate)
    preview = speakers_merge_preview(survivor=khosravi, other=duplicate)
    assert preview.moves["quotes (speaker)"] == 2
    assert preview.moves["aliases"] == 1
    assert preview.new_aliases == ["Keyvan Khosravi"]
    assert preview.filled_fields == ["description", "country", "wikidata_id"]
    assert preview.redirected_slugs == ["keyvan-khosravi"]
    assert "2 quotes (speaker)" in preview.summary()
    assert Speaker.objects.filter(pk=duplicate.pk).exists()
