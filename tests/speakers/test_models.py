"""Speakers, aliases and roles: normalised names and who held a role on a date."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from speakers.models import Speaker
from speakers.names import normalize_name
from tests.factories import AliasFactory, OrganizationFactory, RoleFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def test_names_are_folded_for_case_accents_and_punctuation():
    assert normalize_name("  Kayván  KHOSRAVI, ") == "kayvan khosravi"


def test_a_speaker_is_found_by_any_alias():
    khosravi = SpeakerFactory(name="Kayvan Khosravi", slug="kayvan-khosravi")
    AliasFactory(speaker=khosravi, name="Keyvan Khosravi")
    assert list(Speaker.objects.named("keyvan khosravi")) == [khosravi]
    assert list(Speaker.objects.named("KAYVAN Khosravi")) == [khosravi]


def test_two_aliases_that_normalise_alike_are_refused_for_one_speaker():
    speaker = SpeakerFactory()
    AliasFactory(speaker=speaker, name="Khosravi")
    with pytest.raises(IntegrityError), transaction.atomic():
        AliasFactory(speaker=speaker, name="KHOSRAVI.")


def test_wikidata_ids_must_look_like_q_numbers_in_the_database():
    speaker = SpeakerFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Speaker.objects.filter(pk=speaker.pk).update(wikidata_id="12345")


def test_who_held_a_title_in_an_organization_on_a_date():
    council = OrganizationFactory(name="Supreme National Security Council")
    before = RoleFactory(
        organization=council, start_on=datetime.date(2015, 1, 1), end_on=datetime.date(2020, 12, 31)
    )
    current = RoleFactory(organization=council, start_on=datetime.date(2021, 1, 1))
    on_2023 = Speaker.objects.holding(
        title="spokesman", organization=council, on=datetime.date(2023, 3, 25)
    )
    on_2018 = Speaker.objects.holding(
        title="Spokesman", organization=council, on=datetime.date(2018, 6, 1)
    )
    assert list(on_2023) == [current.person]
    assert list(on_2018) == [before.person]


def test_a_role_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleFactory(start_on=datetime.date(2023, 1, 1), end_on=datetime.date(2022, 1, 1))
