"""Shared fixtures: users in each role and API clients that act as them."""

import pytest
from django.core.cache import cache
from django.db import connection
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from quotedb.access import CURATOR, READER
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _plain_http_and_fresh_cache(settings):
    # Tests speak plain HTTP to the test client; throttling counters must not leak between tests.
    settings.SECURE_SSL_REDIRECT = False
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def postgres_only(db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (full-text search, trigram)")


@pytest.fixture
def quote_list_queries(db) -> int:
    """Queries per quote-list page: on PostgreSQL one (topics, role and context paragraph are
    subqueries of it); elsewhere three (quotes, then topics and roles in one query each)."""
    return 1 if connection.vendor == "postgresql" else 3


@pytest.fixture
def reader(db):
    return UserFactory(username="reader", groups=[READER])


@pytest.fixture
def curator(db):
    return UserFactory(username="curator", groups=[CURATOR])


@pytest.fixture
def staff(db):
    return UserFactory(username="staff", is_staff=True, is_superuser=True)


def _token_client(user) -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def anonymous_client() -> APIClient:
    return APIClient()


@pytest.fixture
def reader_client(reader) -> APIClient:
    return _token_client(reader)


@pytest.fixture
def curator_client(curator) -> APIClient:
    return _token_client(curator)


@pytest.fixture
def staff_client(staff) -> APIClient:
    return _token_client(staff)
