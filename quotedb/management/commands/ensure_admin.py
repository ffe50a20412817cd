"""ensure_admin: a superuser with a random password shown once, and the curator/reader groups."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from quotedb.access import groups_ensure


class Command(BaseCommand):
    help = (
        "Create the superuser (default: admin) with a random password, printed once; when it "
        "exists already, say so and how to reset its password. Also refreshes the curator and "
        "reader groups."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin", help="The superuser's username.")

    def handle(self, *args, **options):
        username = options["username"].strip()
        if not username:
            raise CommandError("--username must not be blank.")
        groups_ensure()
        users = get_user_model()._default_manager
        existing = users.filter(**{get_user_model().USERNAME_FIELD: username}).first()
        if existing is not None:
            # The password is stored hashed; it cannot be shown again, only replaced.
            not_superuser = "" if existing.is_superuser else " (but it is not a superuser)"
            self.stdout.write(
                f"Admin account {username!r} exists already{not_superuser}. To set a new "
                f"password: python manage.py changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(16)
        users.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Created admin account {username!r} with password {password} "
                "(shown only this once; log in at /admin/)."
            )
        )
