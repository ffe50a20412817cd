"""Fixtures for ingestion and extraction: the seed article's file and the speakers it quotes."""

import datetime
import shutil
from pathlib import Path

import pytest

from articles.ingestion import parse_file
from articles.models import Article
from articles.services import article_ingest_parsed
from tests.factories import AliasFactory, OrganizationFactory, RoleFactory, SpeakerFactory

DATA = Path(__file__).parent / "data"
SEED_FILE = DATA / "mna-198808.txt"


@pytest.fixture
def seed_file(tmp_path) -> Path:
    """A copy of the seed article, so tests may change its modification date."""
    return Path(shutil.copy(SEED_FILE, tmp_path / SEED_FILE.name))


@pytest.fixture
def known_speakers(db) -> dict:
    """Khosravi (spokesman of the SNSC since 2022) and Biden (US president since 2021)."""
    council = OrganizationFactory(name="Supreme National Security Council", slug="snsc")
    AliasFactory(speaker=council, name="SNSC")
    khosravi = SpeakerFactory(name="Kayvan Khosravi", slug="kayvan-khosravi")
    AliasFactory(speaker=khosravi, name="Keyvan Khosravi")
    RoleFactory(
        person=khosravi,
        organization=council,
        title="Spokesman",
        start_on=datetime.date(2022, 9, 1),
    )
    united_states = OrganizationFactory(name="United States", slug="united-states")
    AliasFactory(speaker=united_states, name="US")
    biden = SpeakerFactory(name="Joe Biden", slug="joe-biden")
    AliasFactory(speaker=biden, name="Joseph R. Biden Jr.")
    RoleFactory(
        person=biden,
        organization=united_states,
        title="President",
        start_on=datetime.date(2021, 1, 20),
    )
    return {"khosravi": khosravi, "biden": biden, "council": council}


@pytest.fixture
def seed_article(db) -> Article:
    (parsed,) = parse_file(SEED_FILE, year=2023)
    return article_ingest_parsed(parsed=parsed)
