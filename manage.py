#!/usr/bin/env python
"""Django's command-line utility for QuoteDB administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quotedb.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        settings.INSTALLED_APPS  # noqa: B018 -- loads the settings, which read the environment
    except ImproperlyConfigured as error:
        sys.exit(f"error: {error}")

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
