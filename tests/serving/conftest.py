"""A second database alias, "replica1", mirroring the test database as a read replica would."""

from django.conf import settings
from django.db import connections

REPLICA = "replica1"

# Added before any test database is created, so pytest-django sets it up as a TEST MIRROR of
# "default": two connections, one database, as a primary and its replica look to Django.
if REPLICA not in settings.DATABASES:
    replica = {**settings.DATABASES["default"], "TEST": {"MIRROR": "default"}}
    settings.DATABASES[REPLICA] = replica
    connections.settings[REPLICA] = connections.settings["default"] | {
        "TEST": {**connections.settings["default"]["TEST"], "MIRROR": "default"}
    }
