"""ensure_admin: one superuser whose random password is shown once, and the access groups."""

import io
import re

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from quotedb.access import CURATOR, READER
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = re.compile(r"with password (\S+) ")


def ensure_admin(*args: str) -> str:
    out = io.StringIO()
    call_command("ensure_admin", *args, stdout=out)
    return out.getvalue()


def test_a_new_admin_gets_a_random_password_printed_once_that_logs_in():
    first = ensure_admin()
    password = PASSWORD.search(first).group(1)
    assert len(password) >= 20
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert authenticate(username="admin", password=password) == admin

    second = ensure_admin()
    assert password not in second
    assert "exists already" in second
    assert "python manage.py changepassword admin" in second
    assert get_user_model().objects.filter(username="admin").count() == 1


def test_each_new_admin_gets_its_own_password():
    first = PASSWORD.search(ensure_admin("--username", "alice")).group(1)
    second = PASSWORD.search(ensure_admin("--username", "bob")).group(1)
    assert first != second


def test_an_existing_account_keeps_its_password():
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    admin.set_password("the one the admin chose")
    admin.save()
    output = ensure_admin()
    assert not PASSWORD.search(output)
    assert authenticate(username="admin", password="the one the admin chose") == admin


def test_an_existing_non_superuser_is_named_as_such():
    UserFactory(username="admin")
    assert "not a superuser" in ensure_admin()


def test_the_curator_and_reader_groups_exist_with_their_permissions():
    Group.objects.all().delete()
    ensure_admin()
    curator = Group.objects.get(name=CURATOR)
    reader = Group.objects.get(name=READER)
    assert curator.permissions.filter(codename="approve_quote").exists()
    assert reader.permissions.filter(codename="view_quote").exists()
    assert not reader.permissions.filter(codename="add_quote").exists()


def test_a_blank_username_is_refused():
    with pytest.raises(CommandError, match="username"):
        ensure_admin("--username", " ")
