"""WSGI entry point for QuoteDB (gunicorn quotedb.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quotedb.settings")
application = get_wsgi_application()
