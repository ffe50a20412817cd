"""Admin users in each role: the curator and reader groups with staff access, and a superuser."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from quotedb.access import CURATOR, READER
from tests.factories import UserFactory


def _logged_in(user) -> Client:
    # UserFactory sets the password after saving without saving again; a session login checks
    # the stored hash, so log in the user as the database holds it.
    user.refresh_from_db()
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def superuser_client(staff) -> Client:
    return _logged_in(staff)


@pytest.fixture
def curator_staff(db):
    return UserFactory(username="curator-staff", is_staff=True, groups=[CURATOR])


@pytest.fixture
def curator_admin_client(curator_staff) -> Client:
    return _logged_in(curator_staff)


@pytest.fixture
def reader_staff(db):
    return UserFactory(username="reader-staff", is_staff=True, groups=[READER])


@pytest.fixture
def reader_admin_client(reader_staff) -> Client:
    return _logged_in(reader_staff)


@pytest.fixture
def editor_staff(db):
    """Staff who may edit quotes and speakers but neither approve quotes nor delete speakers."""
    user = UserFactory(username="editor-staff", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=[
                "view_quote",
                "change_quote",
                "view_all_quotes",
                "view_speaker",
                "change_speaker",
                "view_topic",
            ]
        )
    )
    return user


@pytest.fixture
def editor_admin_client(editor_staff) -> Client:
    return _logged_in(editor_staff)
